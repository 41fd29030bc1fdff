/* ingest.c - one submission file: read it, check each row, store, finish (ingest.h).
 *
 * The file loop. The header is mapped by ingest/header.c, each row is
 * checked by ingest/row.c (SPEC §4, in its order), written by
 * ingest/writer.c, and the rules of rules.csv run at the end
 * (ingest/rules.c), then the history warnings and the commit.
 *
 * The file is read once (SPEC §4): one input (core/input.h) hashes its
 * bytes and hands them to the store of raw bytes (store/raw.h) as the CSV
 * reader consumes them, so the SHA-256 is known only at the end: whether
 * the same file was ingested before is asked then, in the same
 * transaction, and such a file is rolled back whole.
 */
#include "ingest/ingest.h"

#include "core/alloc.h"
#include "core/input.h"
#include "core/period.h"
#include "core/strbuf.h"
#include "ingest/header.h"
#include "ingest/row.h"
#include "ingest/rules.h"
#include "ingest/source.h"
#include "ingest/writer.h"
#include "store/obs.h"
#include "store/raw.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The state of one ingest. */
typedef struct ingest {
    ps_db *db;
    const ps_catalog *cat;
    const ps_ingest_opts *o;
    const char *path;
    ps_diags *d;
    ps_ctx *ctx;
    ps_ingest_result *res;
    const ps_reporter *rep;
    int fixed_unit;             /* --unit index or -1 */
    ps_period fixed_period;
    bool has_fixed_period;
    long long sub_id;
    ps_obs_writer *w;
    ps_writer *wr;              /* how rows are written */
    ps_raw_writer *raw;         /* the file's raw bytes, kept */
    ps_header h;
    ps_row_ctx rc;              /* what the row checks need */
    ps_closed *closed;
    size_t nclosed;
    ps_rules_todo todo;         /* unit, period pairs for the rules */
    int first_month, last_month; /* the months of the rows accepted (year * 12 + month - 1) */
} ingest;

/* Releases what an ingest holds; safe to call twice. */
static void free_ingest(ingest *g)
{
    ps_writer_free(g->wr);
    g->wr = NULL;
    ps_raw_writer_free(g->raw);
    g->raw = NULL;
    ps_obs_writer_free(g->w);
    g->w = NULL;
    free(g->closed);
    g->closed = NULL;
    ps_rules_todo_free(&g->todo);
}

/* The reporter, --unit and --period; PS_ERR_USAGE when one is wrong. */
static ps_error resolve_options(ingest *g)
{
    const ps_ingest_opts *o = g->o;
    int r = o->reporter ? ps_catalog_reporter(g->cat, o->reporter) : -1;
    if (r < 0)
        return ps_failm(g->ctx, PS_ERR_USAGE, PS_M_INGF_REPORTER_NOT_CATALOG_SEE,
                        o->reporter ? o->reporter : "(none)");
    g->rep = &g->cat->reporters[r];
    if (o->unit && (g->fixed_unit = ps_catalog_unit(g->cat, o->unit)) < 0)
        return ps_failm(g->ctx, PS_ERR_USAGE, PS_M_CLI_UNIT_NOT_UNIT_CATALOG_2, o->unit);
    if (o->period) {
        char msg[256];
        if (!ps_period_parse(o->period, &g->fixed_period, msg, sizeof msg))
            return ps_failm(g->ctx, PS_ERR_USAGE, PS_M_INGF_PERIOD, o->period, msg);
        g->has_fixed_period = true;
    }
    return PS_OK;
}

static void options_text(const ps_ingest_opts *o, ps_strbuf *sb)
{
    ps_sb_printf(sb, "unit=%s;period=%s;number-format=%s;encoding=%s", o->unit ? o->unit : "",
                 o->period ? o->period : "", o->numfmt_given ? ps_numfmt_name(o->numfmt) : "auto",
                 o->encoding == PS_ENC_CP1258 ? "cp1258" : "utf-8");
}

/* ------------------------------------------------------------------------
 * Rows
 * ------------------------------------------------------------------------ */

/* A row accepted: the months and, for the rules, the unit and period it reached. */
static void reached(ingest *g, const ps_checked_row *row)
{
    int first, last;
    ps_period_month_span(row->period, &first, &last);
    if (first < g->first_month)
        g->first_month = first;
    if (last > g->last_month)
        g->last_month = last;
    if (g->cat->nrules && row->measure == PS_MEASURE_ACTUAL)
        ps_rules_todo_add(&g->todo, row->unit, ps_period_key(row->period));
}

/* A checked value against its stored key, then written. */
static ps_error store_row(ingest *g, const ps_checked_row *row)
{
    ps_ingest_result *res = g->res;
    ps_obs cur;
    ps_error err = ps_writer_lookup(g->wr, row, &cur, g->ctx);
    if (err)
        return err;
    bool forced_other, forced_closed;
    ps_store_verdict v = ps_row_check_stored(&g->rc, row, &cur, &forced_other, &forced_closed);
    if (v == PS_STORE_REFUSED) {
        res->refused++;
        return PS_OK;
    }
    reached(g, row);
    if (v == PS_STORE_UNCHANGED) {
        res->unchanged++;
        return PS_OK;
    }
    if ((err = ps_writer_store(g->wr, row, &cur, g->ctx)))
        return err;
    ps_obs_key k = {g->cat->units[row->unit].id, g->cat->indicators[row->indicator].id, row->measure,
                    ps_period_key(row->period)};
    if (forced_other && (err = ps_obs_override(g->w, g->sub_id, &k, "other-reporter", row->line, g->ctx)))
        return err;
    if (forced_closed && (err = ps_obs_override(g->w, g->sub_id, &k, "closed-period", row->line, g->ctx)))
        return err;
    if (forced_other || forced_closed)
        res->forced++;
    if (cur.exists)
        res->revised++;
    else
        res->stored++;
    return PS_OK;
}

static ps_error ingest_row(ingest *g, ps_csv_record *rec)
{
    ps_ingest_result *res = g->res;
    res->rows_read++;
    ps_checked_row row;
    switch (ps_row_check(&g->rc, rec, &row)) {
    case PS_ROW_REFUSED: res->refused++; return PS_OK;
    case PS_ROW_DERIVED: res->skipped_derived++; return PS_OK;
    case PS_ROW_MARK:
        if (row.kind == PS_NUM_NA_DOTS)
            res->marks_dots++;
        else if (row.kind == PS_NUM_NA_X)
            res->marks_x++;
        else
            res->marks_empty++;
        return PS_OK;
    case PS_ROW_VALUE: break;
    }
    if (row.flags & PS_OBS_NONE_OCCURRED)
        res->none_occurred++;
    return store_row(g, &row);
}

/* The header, then every row. A file the reader cannot go on with ends
 * the rows (its diagnostic says why); PS_ERR_IO when it could not be read. */
/* The header: the first row, or in a workbook the first row that names
 * the required columns (a form's title rows above it are skipped, SPEC §3);
 * when no row does, the first row, so that its diagnostics say what is
 * missing. *rec is the header row, or NULL at the end. */
static int find_header(ingest *g, ps_source *src, ps_csv_record **rec)
{
    int rc = ps_source_next(src, rec, g->d, g->ctx);
    if (rc <= 0 || !ps_source_workbook(src))
        return rc;
    ps_diags quiet;
    for (int tries = 0; rc > 0 && tries < 50; tries++) {
        ps_diags_init(&quiet);
        ps_header h;
        bool ok = ps_header_map(&h, *rec, g->fixed_unit >= 0, g->has_fixed_period, g->path, &quiet) && !quiet.nerr;
        ps_diags_free(&quiet);
        if (ok)
            return rc;
        long first = (*rec)->line;
        if ((rc = ps_source_next(src, rec, g->d, g->ctx)) == 0) {
            ps_diag_msg(g->d, g->path, first, 0, PS_SEV_ERROR, PS_D_MISSING_COLUMN, NULL, PS_M_ING_NO_HEADER_ROW);
            return 0;
        }
    }
    return rc;
}

/* A date cell in a workbook's period column is read as the month it falls
 * in, with a warning at that cell (SPEC §3). */
static void date_period(ingest *g, ps_source *src, ps_csv_record *rec)
{
    int col = g->h.col[C_PERIOD];
    if (col < 0 || !ps_source_date_cell(src, (size_t)col) || strlen(rec->fields[col]) < 7)
        return;
    char was[16];
    snprintf(was, sizeof was, "%s", rec->fields[col]);
    rec->fields[col][7] = '\0'; /* YYYY-MM-DD -> YYYY-MM */
    ps_diag_msg(g->d, g->path, rec->line, col + 1, PS_SEV_WARNING, PS_D_DATE_PERIOD, was, PS_M_ING_DATE_PERIOD,
                was, rec->fields[col]);
}

static ps_error read_rows(ingest *g, ps_source *src)
{
    const ps_ingest_opts *o = g->o;
    ps_csv_record *rec;
    if (!src)
        return PS_OK; /* refused as it was opened: its diagnostic says why */
    int rc = find_header(g, src, &rec);
    if (rc < 0)
        return ps_source_error(src) == PS_ERR_REFUSED ? PS_OK : ps_source_error(src);
    if (rc == 0) {
        if (!g->d->nerr)
            ps_diag_msg(g->d, g->path, 1, 0, PS_SEV_ERROR, PS_D_EMPTY_FILE, NULL,
                        PS_M_CAT_FILE_EMPTY_NEEDS_HEADER);
        return PS_OK;
    }
    ps_numfmt numfmt = o->numfmt_given ? o->numfmt : ps_source_delimiter(src) == ';' ? PS_NF_VI : PS_NF_PLAIN;
    /* a header the reader already found fault with reads no rows either */
    if (!ps_header_map(&g->h, rec, g->fixed_unit >= 0, g->has_fixed_period, g->path, g->d) || g->d->nerr)
        return PS_OK;
    ps_source_set_width(src, rec->nfields);
    g->rc = (ps_row_ctx){g->cat, g->rep, &g->h, numfmt, g->fixed_unit, g->has_fixed_period, g->fixed_period,
                         o->force, g->closed, g->nclosed, g->sub_id, g->path, g->d, false};
    /* rows read ahead: the staged values are written while the next rows
     * are read, not all after them (the same result for any bound) */
    size_t stage = o->stage_max ? o->stage_max : ps_source_reads_ahead(src) ? PS_WRITER_STAGE_READ_AHEAD : 0;
    g->wr = ps_writer_new(g->w, g->cat, g->sub_id, g->rep->id, g->path, ps_header_colno(&g->h, C_VALUE), stage);
    long n = 0, every = o->progress_rows > 0 ? o->progress_rows : 4096;
    while ((rc = ps_source_next(src, &rec, g->d, g->ctx)) > 0) {
        date_period(g, src, rec);
        /* a number cell is a number, whatever --number-format says */
        g->rc.value_is_number = g->h.col[C_VALUE] >= 0 && ps_source_number_cell(src, (size_t)g->h.col[C_VALUE]);
        ps_error err = ingest_row(g, rec);
        if (err)
            return err;
        if (++n % every == 0 && o->progress)
            o->progress(o->progress_arg, n, ps_source_done(src), ps_source_total(src));
    }
    if (rc < 0 && ps_source_error(src) != PS_ERR_REFUSED)
        return ps_source_error(src);
    if (o->progress)
        o->progress(o->progress_arg, n, ps_source_done(src), ps_source_total(src));
    return PS_OK;
}

/* ------------------------------------------------------------------------
 * The end of the file
 * ------------------------------------------------------------------------ */

/* After the rows: the rest of a regular file read, its raw bytes kept
 * whole, its SHA-256 recorded; *earlier the submission that stored the same
 * file before (same hash, reporter and options), 0 when none. */
static ps_error file_read(ingest *g, ps_input *in, const char *opts_text, long long *earlier)
{
    ps_error err;
    if ((err = ps_input_finish(in, g->ctx)) || (g->raw && (err = ps_raw_writer_finish(g->raw, g->ctx))))
        return err;
    char sha[PS_SHA256_HEX];
    ps_input_sha256(in, sha);
    if ((err = ps_obs_find_submission(g->w, sha, g->rep->id, opts_text, earlier, g->ctx)))
        return err;
    return ps_obs_submission_hash(g->w, g->sub_id, sha, g->ctx);
}

/* The same file was stored before: nothing of this reading counts. */
static void already(ingest *g, long long earlier)
{
    memset(g->res, 0, sizeof *g->res);
    g->res->already = true;
    g->res->already_id = earlier;
    ps_diags_free(g->d);
    ps_diags_init(g->d);
}

/* After the rows: what is queued written, the rules, the history warnings. */
static ps_error after_rows(ingest *g)
{
    if (!g->wr)
        return PS_OK;
    ps_error err = ps_writer_flush(g->wr, g->ctx);
    if (err)
        return err;
    ps_rules_run run = {g->w, g->cat, g->sub_id, g->o->partial, g->path, ps_header_colno(&g->h, C_VALUE), g->d};
    long nn = 0, nr = 0;
    err = ps_rules_check(&run, &g->todo, &nn, &nr, g->ctx);
    g->res->stored -= nn;
    g->res->revised -= nr;
    g->res->refused += nn + nr;
    if (err)
        return err;
    if (nn + nr)
        ps_writer_forget_kept(g->wr);
    return ps_writer_history(g->wr, g->d, g->ctx);
}

/* Records the outcome and commits, through ps_change_commit when values
 * changed. Frees the writers first (their statements end before the commit). */
static ps_error commit_file(ingest *g, size_t nerr)
{
    ps_ingest_result *res = g->res;
    ps_obs_counts counts = {res->rows_read, res->stored, res->revised, res->unchanged,
                            res->marks_dots + res->marks_x + res->marks_empty, res->skipped_derived,
                            res->refused, res->forced};
    ps_error err = ps_obs_submission_finish(g->w, g->sub_id, &counts, nerr ? "partial" : "stored", g->ctx);
    if (err)
        return err;
    size_t n = 0;
    ps_change *changes = g->wr ? ps_writer_changes(g->wr, &n) : ps_xmalloc(sizeof *changes);
    ps_change_set set = {changes, n, g->first_month, g->last_month, g->o->refresh_max, false};
    free_ingest(g);
    if (res->stored + res->revised > 0)
        err = ps_change_commit(g->db, g->cat, &set, &res->kept, g->ctx);
    else
        err = ps_db_commit(g->db, g->ctx);
    free(changes);
    return err;
}

/* Reads and stores the file inside the open transaction, then commits or
 * rolls back: all or nothing, or the good rows with --partial. g->d holds
 * this file's diagnostics only. */
static ps_error ingest_in_tx(ingest *g, ps_input *in, ps_source *src, const char *opts_text)
{
    ps_error err;
    long long earlier = 0;
    if ((err = ps_obs_writer_new(g->db, &g->w, g->ctx)) ||
        (err = ps_obs_closed_list(g->db, &g->closed, &g->nclosed, g->ctx)) ||
        (err = ps_obs_submission_new(g->w, g->rep->id, g->path, "", opts_text, g->o->received, &g->sub_id,
                                     g->ctx)))
        goto rollback;
    g->res->submission_id = g->sub_id;
    if (!g->o->dry_run) {
        g->raw = ps_raw_writer_new(g->db, g->sub_id);
        ps_input_set_sink(in, ps_raw_write, g->raw);
    }
    if ((err = read_rows(g, src)) || (err = file_read(g, in, opts_text, &earlier)))
        goto rollback;
    if (earlier) {
        already(g, earlier);
        goto rollback; /* nothing to do, and nothing changed */
    }
    if ((err = after_rows(g)))
        goto rollback;
    if (g->wr && g->res->rows_read == g->res->marks_empty) /* an untouched template, a header alone */
        ps_diag_msg(g->d, g->path, 0, 0, PS_SEV_ERROR, PS_D_NO_VALUES, NULL, PS_M_ING_NO_VALUES);
    size_t nerr = g->d->nerr;
    bool any = g->res->stored + g->res->revised + g->res->unchanged > 0;
    err = nerr ? PS_ERR_REFUSED : PS_OK;
    if ((nerr && !g->o->partial) || g->o->dry_run || !any)
        goto rollback;
    ps_error cerr = commit_file(g, nerr);
    if (cerr) {
        err = cerr;
        goto rollback;
    }
    g->res->committed = true;
    return err;
rollback:
    free_ingest(g);
    ps_db_rollback(g->db);
    return err;
}

ps_error ps_ingest_file(ps_db *db, const ps_catalog *cat, const char *path,
                        const ps_ingest_opts *o, ps_ingest_result *res,
                        ps_diags *diags, ps_ctx *ctx)
{
    memset(res, 0, sizeof *res);
    ingest g;
    memset(&g, 0, sizeof g);
    g.db = db; g.cat = cat; g.o = o; g.path = path; g.d = diags; g.ctx = ctx; g.res = res;
    g.fixed_unit = -1;
    g.first_month = INT_MAX;
    g.last_month = INT_MIN;

    ps_error err = resolve_options(&g);
    if (err)
        return err;
    ps_input *in = NULL;
    ps_source *src = NULL;
    ps_csv_opts copts = {o->encoding, 0, path};
    ps_diags mine; /* this file's, dropped when it was ingested before */
    ps_diags_init(&mine);
    if ((err = ps_input_open(&in, path, path, ctx)) ||
        (err = ps_source_open(&src, in, &copts, o->plain_read, &mine, ctx))) {
        ps_input_close(in);
        ps_diags_move(diags, &mine);
        return err;
    }
    ps_strbuf opts_sb = PS_STRBUF_INIT;
    options_text(o, &opts_sb);
    ps_diags_set_sheet(&mine, src ? ps_source_sheet(src) : NULL);
    g.d = &mine;
    if (!(err = ps_db_begin(db, ctx)))
        err = ingest_in_tx(&g, in, src, ps_sb_str(&opts_sb));
    free_ingest(&g);
    ps_source_close(src);
    ps_input_close(in);
    ps_sb_free(&opts_sb);
    ps_diags_move(diags, &mine);
    ps_diags_free(&mine);
    return err;
}
