/* test_read_ahead.c - a workbook's rows read ahead in a thread
 * (ingest/read_ahead.h), its sheet inflated in another
 * (core/inflate_ahead.h), against ps_xlsx_next alone: the same rows,
 * fields, cells and end, with the queue full and the reader waiting, the
 * width set part way, a stop in the middle, a damaged or bombed entry, and
 * a refusal in the caller's language. */
#include "check.h"
#include "../core/xlsx_fixtures.h"

#include "core/msg.h"
#include "core/xlsx.h"
#include "ingest/read_ahead.h"

#include <time.h>

/* What a reading gave: rows, a hash of every row, the end and its message. */
typedef struct seen {
    long rows;
    unsigned long long hash;
    int end;
    ps_error err;
    char msg[1024];
} seen;

static void hash_bytes(unsigned long long *h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        *h = (*h ^ b[i]) * 1099511628211ULL;
}

static void hash_row(seen *s, const ps_xlsx_row *row)
{
    s->rows++;
    hash_bytes(&s->hash, &row->rec.line, sizeof row->rec.line);
    hash_bytes(&s->hash, &row->rec.nfields, sizeof row->rec.nfields);
    for (size_t i = 0; i < row->rec.nfields; i++) {
        hash_bytes(&s->hash, row->rec.fields[i], strlen(row->rec.fields[i]) + 1);
        hash_bytes(&s->hash, &row->cells[i].kind, sizeof row->cells[i].kind);
        hash_bytes(&s->hash, row->cells[i].ref, strlen(row->cells[i].ref));
    }
}

static void sleep_ms(long ms)
{
    struct timespec t = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&t, NULL);
}

/* Reads fixture `name` to its end, ahead or plainly; after `width_after`
 * rows (when >= 0) sets the width to 3; sleeps `pause` ms before the first
 * row (the reader fills the queue and waits); stops after `stop_after`
 * rows when >= 0. */
static size_t sheet_limit; /* ps_xlsx_opts.max_sheet_bytes; 0: the default */

static seen read_ways(const char *name, bool ahead, bool inflate, long width_after, long pause, long stop_after)
{
    seen s = {0, 14695981039346656037ULL, 0, PS_OK, ""};
    size_t n = 0;
    unsigned char *data = fixture_read(name, &n);
    ps_xlsx *x = NULL;
    ps_ctx ctx = {0};
    ps_xlsx_opts o = {.max_sheet_bytes = sheet_limit, .inflate_ahead = inflate};
    if (!data || ps_xlsx_open(&x, data, n, &o, &ctx) != PS_OK) {
        s.end = -2;
        free(data);
        return s;
    }
    ps_read_ahead *ra = ahead ? ps_read_ahead_start(x) : NULL;
    CHECK_INT(ahead == (ra != NULL), 1);
    sleep_ms(pause);
    ps_xlsx_row *row;
    int rc;
    while ((rc = ra ? ps_read_ahead_next(ra, &row, &ctx) : ps_xlsx_next(x, &row, &ctx)) > 0) {
        hash_row(&s, row);
        if (s.rows == width_after)
            ra ? ps_read_ahead_set_width(ra, 3) : ps_xlsx_set_width(x, 3);
        if (s.rows == stop_after)
            break;
    }
    s.end = rc;
    s.err = ra ? ps_read_ahead_error(ra) : ps_xlsx_error(x);
    snprintf(s.msg, sizeof s.msg, "%s", rc < 0 ? ps_ctx_message(&ctx) : "");
    ps_read_ahead_stop(ra);
    ps_xlsx_close(x);
    free(data);
    return s;
}

/* Rows read ahead with the sheet inflated ahead, or both plainly. */
static seen read_all(const char *name, bool ahead, long width_after, long pause, long stop_after)
{
    return read_ways(name, ahead, ahead, width_after, pause, stop_after);
}

#define CHECK_SAME(a, b)                         \
    do {                                         \
        CHECK_INT((a).rows, (b).rows);           \
        CHECK_INT((a).hash == (b).hash, 1);      \
        CHECK_INT((a).end, (b).end);             \
        CHECK_INT((a).err, (b).err);             \
        CHECK_STR((a).msg, (b).msg);             \
    } while (0)

/* 60,000 rows: the queue filled and emptied many times. */
TEST(same_rows)
{
    seen plain = read_all("big_sheet.xlsx", false, -1, 0, -1);
    seen ahead = read_all("big_sheet.xlsx", true, -1, 0, -1);
    CHECK_INT(plain.rows, 60000);
    CHECK_INT(plain.end, 0);
    CHECK_SAME(plain, ahead);
}

/* Each of the two threads alone. */
TEST(each_thread_alone)
{
    seen plain = read_ways("big_sheet.xlsx", false, false, -1, 0, -1);
    seen rows = read_ways("big_sheet.xlsx", true, false, -1, 0, -1);
    seen inflate = read_ways("big_sheet.xlsx", false, true, -1, 0, -1);
    seen inflate_slow = read_ways("big_sheet.xlsx", false, true, -1, 50, -1);
    CHECK_SAME(plain, rows);
    CHECK_SAME(plain, inflate);
    CHECK_SAME(plain, inflate_slow);
}

/* An entry whose data are damaged (libzip's error, found by the inflating
 * thread), a zip bomb (the ratio limit) and an entry that lies about its
 * size (the size limit, 1 MiB here) end alike, with the same message. */
TEST(damaged_and_bombed_entries)
{
    static const char *const names[] = {"flipped.xlsx", "ratio_bomb.xlsx", "lying_size.xlsx"};
    for (size_t i = 0; i < 3; i++) {
        sheet_limit = i == 2 ? (size_t)1 << 20 : 0;
        seen plain = read_ways(names[i], false, false, -1, 0, -1);
        seen inflate = read_ways(names[i], false, true, -1, 0, -1);
        seen both = read_ways(names[i], true, true, -1, 0, -1);
        CHECK_INT(plain.end, -1);
        CHECK_SAME(plain, inflate);
        CHECK_SAME(plain, both);
    }
    sheet_limit = 0;
}

/* The caller slow to start: the reader fills the queue and waits for it. */
TEST(reader_waits_for_a_full_queue)
{
    seen plain = read_all("big_sheet.xlsx", false, -1, 0, -1);
    seen ahead = read_all("big_sheet.xlsx", true, -1, 50, -1);
    CHECK_SAME(plain, ahead);
}

/* ps_xlsx_set_width part way: the rows after it padded alike, those read
 * ahead before it included. */
TEST(width_set_part_way)
{
    seen plain = read_all("big_sheet.xlsx", false, 5, 0, -1);
    seen ahead = read_all("big_sheet.xlsx", true, 5, 50, -1);
    seen unpadded = read_all("big_sheet.xlsx", false, -1, 0, -1);
    CHECK_SAME(plain, ahead);
    CHECK_INT(plain.hash != unpadded.hash, 1);
}

/* Stopped after 10 rows, the reader waiting on a full queue or still
 * parsing: it ends (no hang), and frees everything (the sanitizer build). */
TEST(stop_in_the_middle)
{
    seen waiting = read_all("big_sheet.xlsx", true, -1, 50, 10);
    seen parsing = read_all("big_sheet.xlsx", true, -1, 0, 10);
    CHECK_INT(waiting.rows, 10);
    CHECK_INT(parsing.rows, 10);
}

/* A sheet refused while its rows are read: the same end and message, in
 * the caller's language (the reading thread takes it from the caller). */
TEST(refusal_in_the_callers_language)
{
    static const char *const names[] = {"malformed.xlsx", "bad_number.xlsx", "row_order.xlsx", "cell_order.xlsx"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        ps_lang_set(PS_LANG_VI);
        seen plain_vi = read_all(names[i], false, -1, 0, -1);
        seen ahead_vi = read_all(names[i], true, -1, 0, -1);
        ps_lang_set(PS_LANG_EN);
        seen ahead_en = read_all(names[i], true, -1, 0, -1);
        CHECK_INT(plain_vi.end, -1);
        CHECK_INT(plain_vi.err, PS_ERR_REFUSED);
        CHECK_SAME(plain_vi, ahead_vi);
        CHECK_INT(strcmp(ahead_vi.msg, ahead_en.msg) != 0, 1);
    }
}

int main(void)
{
    if (fixtures_make("hostile damaged") != 0)
        return 1;
    RUN(same_rows);
    RUN(each_thread_alone);
    RUN(damaged_and_bombed_entries);
    RUN(reader_waits_for_a_full_queue);
    RUN(width_set_part_way);
    RUN(stop_in_the_middle);
    RUN(refusal_in_the_callers_language);
    fixtures_remove();
    return check_done();
}
