/* source.c - a submission's rows from its CSV or workbook reader (source.h). */
#include "ingest/source.h"

#include "core/filetype.h"
#include "core/xlsx.h"
#include "ingest/read_ahead.h"

#include <stdlib.h>
#include <string.h>

struct ps_source {
    ps_csv *csv;              /* one of the two */
    ps_xlsx *xlsx;
    ps_read_ahead *ahead;     /* the workbook's rows read in a thread, or NULL */
    unsigned char *book;      /* the workbook's bytes, owned */
    size_t nbook;
    ps_xlsx_row *row;         /* the last row of the workbook */
    char *label;              /* the file as named in diagnostics */
};

/* A workbook the reader refused becomes the file's diagnostic, like a
 * CSV's malformed line: it is the data that is wrong, not the machine. */
static void refusal_to_diag(ps_diags *d, const char *label, ps_ctx *ctx)
{
    const char *m = ps_ctx_message(ctx);
    size_t n = strlen(label);
    if (strncmp(m, label, n) == 0 && m[n] == ':' && m[n + 1] == ' ')
        m += n + 2; /* the path is already the diagnostic's */
    ps_diag_add(d, label, 0, 0, PS_SEV_ERROR, PS_D_UNREADABLE_FILE, NULL, "%s", m);
    ps_ctx_clear(ctx);
}

static ps_error open_workbook(ps_source *s, ps_input *in, const char *label, bool plain, ps_ctx *ctx)
{
    ps_error err = ps_input_slurp(in, PS_SOURCE_WORKBOOK_MAX, &s->book, &s->nbook, ctx);
    if (err)
        return err;
    ps_xlsx_opts o = {.label = label, .inflate_ahead = !plain};
    if ((err = ps_xlsx_open(&s->xlsx, s->book, s->nbook, &o, ctx)))
        return err;
    if (!plain)
        s->ahead = ps_read_ahead_start(s->xlsx); /* NULL: read in this thread */
    return PS_OK;
}

ps_error ps_source_open(ps_source **out, ps_input *in, const ps_csv_opts *copts, bool plain_read, ps_diags *d,
                        ps_ctx *ctx)
{
    *out = NULL;
    const unsigned char *head;
    size_t n;
    ps_error err = ps_input_peek(in, PS_FILETYPE_HEAD, &head, &n, ctx);
    if (err)
        return err;
    ps_filetype t = ps_filetype_sniff_head(head, n);
    ps_source *s = calloc(1, sizeof *s);
    if (!s)
        return ps_failm(ctx, PS_ERR_IO, PS_M_OUT_OF_MEMORY);
    if (t == PS_FT_TEXT)
        err = ps_csv_open_input(&s->csv, in, copts, ctx);
    else if (t == PS_FT_ZIP || t == PS_FT_XLSX || t == PS_FT_XLS) /* the reader tells an .xls or other zip apart */
        err = open_workbook(s, in, ps_input_label(in), plain_read, ctx);
    else
        err = ps_failm(ctx, PS_ERR_REFUSED, PS_M_SRC_CANNOT_BE_READ, ps_input_label(in), ps_filetype_advice(t));
    if (err == PS_ERR_REFUSED) { /* neither a CSV nor a workbook: the file is refused, as data */
        refusal_to_diag(d, ps_input_label(in), ctx);
        err = PS_OK;
    }
    if (err || !(s->label = strdup(ps_input_label(in)))) {
        ps_source_close(s);
        return err ? err : ps_failm(ctx, PS_ERR_IO, PS_M_OUT_OF_MEMORY);
    }
    if (!s->csv && !s->xlsx) { /* refused above: no rows */
        ps_source_close(s);
        s = NULL;
    }
    *out = s;
    return PS_OK;
}

bool ps_source_workbook(const ps_source *s)
{
    return s->xlsx != NULL;
}

bool ps_source_reads_ahead(const ps_source *s)
{
    return s->ahead != NULL;
}

const char *ps_source_sheet(const ps_source *s)
{
    return s->xlsx ? ps_xlsx_sheet(s->xlsx) : NULL;
}

int ps_source_next(ps_source *s, ps_csv_record **rec, ps_diags *d, ps_ctx *ctx)
{
    if (s->csv)
        return ps_csv_next(s->csv, rec, d, ctx);
    int rc = s->ahead ? ps_read_ahead_next(s->ahead, &s->row, ctx) : ps_xlsx_next(s->xlsx, &s->row, ctx);
    if (rc < 0 && ps_source_error(s) == PS_ERR_REFUSED)
        refusal_to_diag(d, s->label, ctx);
    *rec = rc > 0 ? &s->row->rec : NULL;
    return rc;
}

ps_error ps_source_error(const ps_source *s)
{
    if (s->csv)
        return ps_csv_error(s->csv);
    return s->ahead ? ps_read_ahead_error(s->ahead) : ps_xlsx_error(s->xlsx);
}

static bool cell_is(const ps_source *s, size_t i, ps_xlsx_kind kind)
{
    return s->xlsx && s->row && i < s->row->rec.nfields && s->row->cells[i].kind == kind;
}

bool ps_source_number_cell(const ps_source *s, size_t i)
{
    return cell_is(s, i, PS_XLSX_NUMBER);
}

bool ps_source_date_cell(const ps_source *s, size_t i)
{
    return cell_is(s, i, PS_XLSX_DATE);
}

void ps_source_set_width(ps_source *s, size_t n)
{
    if (s->ahead)
        ps_read_ahead_set_width(s->ahead, n);
    else if (s->xlsx)
        ps_xlsx_set_width(s->xlsx, n);
}

char ps_source_delimiter(const ps_source *s)
{
    return s->csv ? ps_csv_delimiter(s->csv) : ',';
}

long long ps_source_done(const ps_source *s)
{
    if (s->csv)
        return ps_csv_bytes_read(s->csv);
    return s->ahead ? ps_read_ahead_bytes_read(s->ahead) : ps_xlsx_bytes_read(s->xlsx);
}

long long ps_source_total(const ps_source *s)
{
    return s->csv ? ps_csv_file_size(s->csv) : ps_xlsx_sheet_size(s->xlsx);
}

void ps_source_close(ps_source *s)
{
    if (!s)
        return;
    ps_csv_close(s->csv);
    ps_read_ahead_stop(s->ahead); /* before the reader it reads */
    ps_xlsx_close(s->xlsx);
    free(s->book);
    free(s->label);
    free(s);
}
