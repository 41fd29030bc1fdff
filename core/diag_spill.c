/* diag_spill.c - diagnostics beyond a bound kept in a temporary file (diag_int.h).
 *
 * An ingest of millions of rows may find as many problems, and the list of
 * diagnostics was what grew with the file (issue 13, item 5: 685,206
 * diagnostics of a 1,008,000-row file took 260 MB). Beyond
 * ps_diag_spill_at diagnostics in memory, the list is written as a run of
 * records to a temporary file (deleted at once: tmpfile) and memory holds
 * the newer ones only. Sorting sorts each run in memory and merges the
 * runs (stable: a tie keeps the order found) into one; reading goes run by
 * run, then memory. Memory stays one run, plus a small buffer per run
 * while merging. When the temporary file cannot be made or written (a
 * full /tmp), the list stays in memory, as it was before there was a
 * file; a failure once the list is in the file (reading it back, or
 * writing the sorted runs) is treated as running out of memory is
 * (core/alloc.h): a message and abort, as nothing of it is left.
 * ------------------------------------------------------------------------ */
#include "core/diag.h"
#include "core/diag_int.h"

#include "core/alloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

size_t ps_diag_spill_at = 16384;

typedef struct run {
    long long offset;   /* of its first record in the file */
    long long bytes;
    size_t count;
    bool sorted;        /* its records are in order */
} run;

struct ps_diag_spill {
    FILE *f;            /* NULL: tmpfile() failed */
    bool broken;        /* a run could not be written: no more spilling */
    run *runs;
    size_t nruns, cap;
    long long end;      /* the file's length */
};

/* A record: this header, then path, message and value (no NULs). */
typedef struct rec_head {
    int64_t line;
    int32_t column, severity, code;
    uint32_t plen, mlen, vlen; /* vlen UINT32_MAX: no value */
} rec_head;

static void fail_io(void)
{
    /* diagnostics already in the file cannot be had again: nothing
     * sensible is left to do, as for running out of memory (core/alloc.h) */
    fputs(ps_msg(PS_M_SPILL_FAILED), stderr);
    abort();
}

/* ------------------------------------------------------------------------
 * Writing runs
 * ------------------------------------------------------------------------ */

/* Writes x; false when it could not. */
static bool write_rec(ps_diag_spill *s, const ps_diag *x, long long *bytes)
{
    size_t pl = strlen(x->path), ml = strlen(x->message), vl = x->value ? strlen(x->value) : 0;
    rec_head h = {x->line, x->column, (int32_t)x->severity, (int32_t)x->code, (uint32_t)pl, (uint32_t)ml,
                  x->value ? (uint32_t)vl : UINT32_MAX};
    if (fwrite(&h, sizeof h, 1, s->f) != 1 || fwrite(x->path, 1, pl, s->f) != pl ||
        fwrite(x->message, 1, ml, s->f) != ml || (vl && fwrite(x->value, 1, vl, s->f) != vl))
        return false;
    *bytes += (long long)(sizeof h + pl + ml + vl);
    return true;
}

/* Starts a run at the end of the file; NULL when there is no file to write. */
static run *run_begin(ps_diags *d)
{
    if (!d->spill) {
        d->spill = ps_xcalloc(1, sizeof *d->spill);
        d->spill->f = tmpfile();
        d->spill->broken = !d->spill->f;
    }
    ps_diag_spill *s = d->spill;
    if (s->broken || fseek(s->f, 0, SEEK_END) != 0)
        return NULL;
    if (s->nruns == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 8;
        s->runs = ps_xrealloc(s->runs, s->cap * sizeof *s->runs);
    }
    run *r = &s->runs[s->nruns++];
    *r = (run){s->end, 0, 0, false};
    return r;
}

/* Writes x into the sort's own runs, of diagnostics that are nowhere
 * else, or aborts. */
static void write_or_fail(ps_diag_spill *s, const ps_diag *x, long long *bytes)
{
    if (!write_rec(s, x, bytes))
        fail_io();
}

static void free_diag(ps_diag *x)
{
    free(x->path);
    free(x->message);
    free(x->value);
}

/* True when the diagnostics in memory are in order already. */
static bool in_order(const ps_diags *d)
{
    for (size_t i = 1; i < d->n; i++)
        if (ps_diag_cmp_pos(&d->v[i - 1], &d->v[i]) > 0)
            return false;
    return true;
}

bool ps_diag_spill_out(ps_diags *d)
{
    if (!d->n)
        return true;
    run *r = run_begin(d);
    if (!r)
        return false;
    ps_diag_spill *s = d->spill;
    bool ok = true;
    for (size_t i = 0; i < d->n && ok; i++)
        ok = write_rec(s, &d->v[i], &r->bytes);
    if (!ok || fflush(s->f) != 0) {
        /* the list stays in memory; the file keeps what it had */
        s->nruns--;
        s->broken = true;
        clearerr(s->f);
        if (ftruncate(fileno(s->f), s->end) != 0)
            clearerr(s->f);
        return false;
    }
    r->sorted = in_order(d);
    r->count = d->n;
    s->end += r->bytes;
    for (size_t i = 0; i < d->n; i++)
        free_diag(&d->v[i]);
    d->n = 0;
    return true;
}

/* ------------------------------------------------------------------------
 * Reading runs
 * ------------------------------------------------------------------------ */

typedef struct reader {
    int fd;
    long long at, end;      /* the file range still to read */
    char *buf;
    size_t len, pos, cap;
} reader;

static void reader_open(reader *rd, const ps_diag_spill *s, const run *r, size_t cap)
{
    *rd = (reader){fileno(s->f), r->offset, r->offset + r->bytes, ps_xmalloc(cap), 0, 0, cap};
}

/* At least n bytes in buf[pos..len), reading more (and growing) as needed. */
static void need(reader *rd, size_t n)
{
    if (rd->len - rd->pos >= n)
        return;
    memmove(rd->buf, rd->buf + rd->pos, rd->len - rd->pos);
    rd->len -= rd->pos;
    rd->pos = 0;
    if (n > rd->cap) {
        rd->cap = n;
        rd->buf = ps_xrealloc(rd->buf, rd->cap);
    }
    while (rd->len < n) {
        size_t want = rd->cap - rd->len;
        if ((long long)want > rd->end - rd->at)
            want = (size_t)(rd->end - rd->at);
        ssize_t got = pread(rd->fd, rd->buf + rd->len, want, rd->at);
        if (got <= 0)
            fail_io();
        rd->len += (size_t)got;
        rd->at += got;
    }
}

static char *take_str(reader *rd, size_t n)
{
    char *s = ps_xmalloc(n + 1);
    memcpy(s, rd->buf + rd->pos, n);
    s[n] = '\0';
    rd->pos += n;
    return s;
}

/* The next record as an owned ps_diag; false at the end of the run. */
static bool reader_next(reader *rd, ps_diag *x)
{
    if (rd->pos == rd->len && rd->at == rd->end)
        return false;
    rec_head h;
    need(rd, sizeof h);
    memcpy(&h, rd->buf + rd->pos, sizeof h);
    rd->pos += sizeof h;
    size_t vl = h.vlen == UINT32_MAX ? 0 : h.vlen;
    need(rd, (size_t)h.plen + h.mlen + vl);
    x->line = (long)h.line;
    x->column = h.column;
    x->severity = (ps_severity)h.severity;
    x->code = (ps_diag_code)h.code;
    x->path = take_str(rd, h.plen);
    x->message = take_str(rd, h.mlen);
    x->value = h.vlen == UINT32_MAX ? NULL : take_str(rd, vl);
    return true;
}

static void reader_close(reader *rd)
{
    free(rd->buf);
}

void ps_diag_spill_each(const ps_diags *d, void (*fn)(ps_diag *x, void *arg), void *arg)
{
    const ps_diag_spill *s = d->spill;
    for (size_t i = 0; s && i < s->nruns; i++) {
        reader rd;
        reader_open(&rd, s, &s->runs[i], 1 << 16);
        ps_diag x;
        while (reader_next(&rd, &x))
            fn(&x, arg);
        reader_close(&rd);
    }
}

/* ------------------------------------------------------------------------
 * Sorting: each run in memory, then one merge of them all
 * ------------------------------------------------------------------------ */

/* Run i, unless it is in order already (an ingest finds most problems
 * line by line), read back into d's memory (empty before), sorted and
 * written as a new run; the index of the run in order. */
static size_t sort_run(ps_diags *d, size_t i)
{
    run r = d->spill->runs[i];
    if (r.sorted)
        return i;
    reader rd;
    reader_open(&rd, d->spill, &r, 1 << 16);
    ps_diag x;
    size_t nerr = d->nerr, nwarn = d->nwarn;
    while (reader_next(&rd, &x))
        ps_diag_push(d, x);
    reader_close(&rd);
    d->nerr = nerr;
    d->nwarn = nwarn;
    ps_diags_sort_memory(d);
    if (!ps_diag_spill_out(d))
        fail_io();
    return d->spill->nruns - 1;
}

/* The heap of merging: readers ordered by their current record, then by run. */
typedef struct head {
    reader rd;
    ps_diag x;
    size_t run;
} head;

static bool before(const head *a, const head *b)
{
    int c = ps_diag_cmp_pos(&a->x, &b->x);
    return c < 0 || (c == 0 && a->run < b->run);
}

static void sift_down(head *h, size_t n, size_t i)
{
    for (;;) {
        size_t m = i, l = 2 * i + 1, r = l + 1;
        if (l < n && before(&h[l], &h[m]))
            m = l;
        if (r < n && before(&h[r], &h[m]))
            m = r;
        if (m == i)
            return;
        head t = h[i];
        h[i] = h[m];
        h[m] = t;
        i = m;
    }
}

/* The file could not take the newest: everything back in memory, sorted
 * there, the file dropped. */
static void sort_in_memory(ps_diags *d)
{
    ps_diag_spill *s = d->spill;
    size_t cap = d->n + 1;
    for (size_t i = 0; i < s->nruns; i++)
        cap += s->runs[i].count;
    ps_diag *v = ps_xmalloc(cap * sizeof *v);
    size_t n = 0;
    for (size_t i = 0; i < s->nruns; i++) {
        reader rd;
        reader_open(&rd, s, &s->runs[i], 1 << 16);
        while (reader_next(&rd, &v[n]))
            n++;
        reader_close(&rd);
    }
    memcpy(v + n, d->v, d->n * sizeof *d->v);
    n += d->n;
    ps_diag_spill_free(d);
    free(d->v);
    d->v = v;
    d->n = n;
    d->cap = cap;
    ps_diags_sort_memory(d);
}

void ps_diag_spill_sort(ps_diags *d)
{
    if (!ps_diag_spill_out(d)) {
        sort_in_memory(d);
        return;
    }
    ps_diag_spill *s = d->spill;
    size_t k = s->nruns;
    size_t *sorted = ps_xmalloc(k * sizeof *sorted);
    for (size_t i = 0; i < k; i++)
        sorted[i] = sort_run(d, i);
    if (k == 1) {
        /* one run: in order now */
        s->runs[0] = s->runs[sorted[0]];
        s->nruns = 1;
        free(sorted);
        return;
    }
    head *h = ps_xmalloc(k * sizeof *h);
    size_t n = 0;
    for (size_t i = 0; i < k; i++) {
        reader_open(&h[n].rd, s, &s->runs[sorted[i]], 1 << 13);
        h[n].run = i;
        if (reader_next(&h[n].rd, &h[n].x))
            n++;
        else
            reader_close(&h[n].rd);
    }
    for (size_t i = n; i-- > 0;)
        sift_down(h, n, i);
    run merged = {s->end, 0, 0, true};
    if (fseek(s->f, 0, SEEK_END) != 0)
        fail_io();
    while (n) {
        write_or_fail(s, &h[0].x, &merged.bytes);
        merged.count++;
        free_diag(&h[0].x);
        if (!reader_next(&h[0].rd, &h[0].x)) {
            reader_close(&h[0].rd);
            h[0] = h[--n];
        }
        sift_down(h, n, 0);
    }
    free(h);
    free(sorted);
    if (fflush(s->f) != 0)
        fail_io();
    s->end += merged.bytes;
    s->runs[0] = merged;
    s->nruns = 1;
}

void ps_diag_spill_free(ps_diags *d)
{
    if (!d->spill)
        return;
    if (d->spill->f)
        fclose(d->spill->f);
    free(d->spill->runs);
    free(d->spill);
    d->spill = NULL;
}
