/* read_ahead.c - a workbook's rows read in a thread of their own (read_ahead.h). */
#include "ingest/read_ahead.h"

#include "core/alloc.h"
#include "core/handoff.h"
#include "core/msg.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One row waiting in the queue: its fields' bytes, pointers and cells. */
typedef struct slot {
    ps_xlsx_row row;
    char *text;
    size_t text_cap;
    char **fields;
    ps_xlsx_cell *cells;
    size_t cap;                 /* entries of fields and cells */
    long long bytes;            /* the sheet's bytes read when the row was */
} slot;

/* Rows pass in batches, so that neither side takes the lock, nor wakes
 * the other, for every row: the reader publishes every PUBLISH rows, the
 * caller sleeps until TAKE rows are there (or the sheet is read), the
 * reader, once the queue is full, until half of it is free. */
#define PUBLISH 64
#define TAKE 256

struct ps_read_ahead {
    ps_xlsx *x;
    ps_lang lang;               /* the caller's, for the reader's messages */
    ps_handoff h;               /* the reader is its worker; h.mu guards what
                                   follows, up to "the caller's own" */
    size_t head, count;         /* the first slot not yet given back; slots published */
    bool done;                  /* the reader has stopped: end is its last word */
    int end;                    /* ps_xlsx_next's 0 (the sheet's end) or -1 */
    ps_error err;
    char msg[sizeof ((ps_ctx *)0)->msg];
    /* the caller's own */
    size_t got, used;           /* slots from head it may read; handed out */
    size_t width;               /* ps_read_ahead_set_width */
    char *pad;                  /* width empty strings for padded fields */
    size_t pad_cap;
    long long bytes;
    slot slots[PS_READ_AHEAD_ROWS];
};

static void ensure_cap(slot *s, size_t n)
{
    if (n <= s->cap)
        return;
    s->fields = ps_xrealloc(s->fields, n * sizeof *s->fields);
    s->cells = ps_xrealloc(s->cells, n * sizeof *s->cells);
    s->cap = n;
}

/* Copies the reader's row into s (outside the lock: the caller never
 * touches a slot past head + count, and the reader writes no other). */
static void copy_row(slot *s, const ps_xlsx_row *row, long long bytes)
{
    size_t n = row->rec.nfields;
    if (row->text_len > s->text_cap) {
        s->text_cap = row->text_len * 2;
        s->text = ps_xrealloc(s->text, s->text_cap);
    }
    ensure_cap(s, n);
    memcpy(s->text, row->text, row->text_len);
    for (size_t i = 0; i < n; i++)
        s->fields[i] = s->text + (row->rec.fields[i] - row->text);
    memcpy(s->cells, row->cells, n * sizeof *s->cells);
    s->row.rec.line = row->rec.line;
    s->row.rec.nfields = n;
    s->bytes = bytes;
}

/* Publishes the reader's pending rows; false when the caller asked it to
 * stop. Waits while the queue is full. */
static bool publish(ps_read_ahead *ra, size_t *pending, size_t *count)
{
    pthread_mutex_lock(&ra->h.mu);
    ra->count += *pending;
    *pending = 0;
    if (ra->count >= TAKE)
        ps_handoff_wake_caller(&ra->h);
    while (ra->count == PS_READ_AHEAD_ROWS && !ra->h.stop)
        ps_handoff_worker_wait(&ra->h);
    *count = ra->count; /* can only fall until the next publish */
    bool go_on = !ra->h.stop;
    pthread_mutex_unlock(&ra->h.mu);
    return go_on;
}

/* The reader's side: every row into the queue, then the end. */
static void *read_rows(void *arg)
{
    ps_read_ahead *ra = arg;
    ps_lang_set(ra->lang);
    size_t tail = 0, pending = 0, count = 0;
    int rc;
    ps_ctx local = {0};
    for (;;) {
        ps_xlsx_row *row;
        if ((rc = ps_xlsx_next(ra->x, &row, &local)) <= 0)
            break;
        if (count + pending == PS_READ_AHEAD_ROWS && !publish(ra, &pending, &count))
            break;
        copy_row(&ra->slots[tail], row, ps_xlsx_bytes_read(ra->x));
        tail = (tail + 1) % PS_READ_AHEAD_ROWS;
        if (++pending == PUBLISH && !publish(ra, &pending, &count))
            break;
    }
    pthread_mutex_lock(&ra->h.mu);
    ra->count += pending;
    ra->done = true;
    ra->end = rc < 0 ? -1 : 0;
    ra->err = ps_xlsx_error(ra->x);
    snprintf(ra->msg, sizeof ra->msg, "%s", rc < 0 ? ps_ctx_message(&local) : "");
    ps_handoff_wake_caller(&ra->h);
    pthread_mutex_unlock(&ra->h.mu);
    return NULL;
}

ps_read_ahead *ps_read_ahead_start(ps_xlsx *x)
{
    ps_read_ahead *ra = ps_xcalloc(1, sizeof *ra);
    ra->x = x;
    ra->lang = ps_lang_get();
    if (!ps_handoff_start(&ra->h, read_rows, ra)) {
        free(ra);
        return NULL;
    }
    return ra;
}

/* Fills the caller's row with empty fields up to the width, as the reader
 * itself does after ps_xlsx_set_width. */
static void pad_row(ps_read_ahead *ra, slot *s)
{
    size_t n = s->row.rec.nfields;
    if (n >= ra->width)
        return;
    ensure_cap(s, ra->width);
    for (size_t i = n; i < ra->width; i++) {
        ra->pad[i] = '\0';
        s->fields[i] = ra->pad + i;
        s->cells[i].kind = PS_XLSX_EMPTY;
        ps_xlsx_cell_ref((int)i + 1, s->row.rec.line, s->cells[i].ref);
    }
    s->row.rec.nfields = ra->width;
}

/* Gives back the rows handed out and takes what the reader published,
 * waiting for a batch; the number of rows taken (0: the end). */
static size_t take(ps_read_ahead *ra)
{
    pthread_mutex_lock(&ra->h.mu);
    ra->head = (ra->head + ra->used) % PS_READ_AHEAD_ROWS;
    ra->count -= ra->used;
    if (ra->count <= PS_READ_AHEAD_ROWS / 2)
        ps_handoff_wake_worker(&ra->h);
    while (ra->count < TAKE && !ra->done)
        ps_handoff_caller_wait(&ra->h);
    size_t n = ra->count;
    pthread_mutex_unlock(&ra->h.mu);
    ra->used = 0;
    return n;
}

int ps_read_ahead_next(ps_read_ahead *ra, ps_xlsx_row **row, ps_ctx *ctx)
{
    *row = NULL;
    if (ra->used == ra->got && (ra->got = take(ra)) == 0) {
        if (ra->end < 0)  /* read under the lock in take(), after done */
            ps_failf(ctx, ra->err, "%s", ra->msg);
        return ra->end;
    }
    slot *s = &ra->slots[(ra->head + ra->used++) % PS_READ_AHEAD_ROWS];
    pad_row(ra, s);
    s->row.rec.fields = s->fields;
    s->row.cells = s->cells;
    ra->bytes = s->bytes;
    *row = &s->row;
    return 1;
}

void ps_read_ahead_set_width(ps_read_ahead *ra, size_t ncols)
{
    ra->width = ncols < PS_XLSX_MAX_COLS ? ncols : PS_XLSX_MAX_COLS;
    if (ra->width > ra->pad_cap) {
        ra->pad = ps_xrealloc(ra->pad, ra->width);
        ra->pad_cap = ra->width;
    }
}

ps_error ps_read_ahead_error(const ps_read_ahead *ra)
{
    return ra->end < 0 ? ra->err : PS_OK;
}

long long ps_read_ahead_bytes_read(const ps_read_ahead *ra)
{
    return ra->bytes;
}

void ps_read_ahead_stop(ps_read_ahead *ra)
{
    if (!ra)
        return;
    ps_handoff_stop(&ra->h);
    for (size_t i = 0; i < PS_READ_AHEAD_ROWS; i++) {
        free(ra->slots[i].text);
        free(ra->slots[i].fields);
        free(ra->slots[i].cells);
    }
    free(ra->pad);
    free(ra);
}
