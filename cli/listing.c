/* listing.c - rows as a table, CSV or JSON (listing.h). */
#include "cli/listing.h"

#include "core/csv.h"

#include <stdio.h>

void ps_listing_begin(ps_listing *l, ps_outfmt fmt, int ncols, const char *const *header, const ps_col *kinds,
                      bool guard, bool bom)
{
    *l = (ps_listing){fmt, ncols, header, kinds, guard, NULL, 0};
    if (fmt == PS_OUT_TABLE) {
        l->t = ps_table_new(ncols, header);
    } else if (fmt == PS_OUT_CSV) {
        if (bom)
            fputs(PS_CSV_BOM, stdout);
        ps_csv_row(stdout, header, ncols, false);
    } else {
        fputs("[", stdout);
    }
}

/* The header texts of ids in the current language, into bufs; h[i] points at them. */
static void header_texts(int ncols, const ps_msg_id *ids, char bufs[][64], const char **h)
{
    for (int i = 0; i < ncols && i < PS_LISTING_MAX_COLS; i++)
        h[i] = ps_msg_format(bufs[i], sizeof bufs[i], ids[i]);
}

ps_table *ps_listing_table_new(int ncols, const ps_msg_id *ids)
{
    char bufs[PS_LISTING_MAX_COLS][64];
    const char *h[PS_LISTING_MAX_COLS];
    header_texts(ncols, ids, bufs, h);
    return ps_table_new(ncols, h);
}

void ps_listing_begin_table(ps_listing *l, int ncols, const ps_msg_id *ids)
{
    char bufs[PS_LISTING_MAX_COLS][64];
    const char *h[PS_LISTING_MAX_COLS];
    header_texts(ncols, ids, bufs, h);
    ps_listing_begin(l, PS_OUT_TABLE, ncols, h, NULL, false, false);
    l->header = NULL;
}

static void json_row(const ps_listing *l, const char *const *cells)
{
    fputs(l->rows ? ",\n {" : "\n {", stdout);
    for (int c = 0; c < l->ncols; c++) {
        if (c)
            fputs(", ", stdout);
        ps_json_string(stdout, l->header[c]);
        fputs(": ", stdout);
        ps_col kind = l->kinds ? l->kinds[c] : PS_COL_TEXT;
        if (kind != PS_COL_TEXT && !*cells[c])
            fputs("null", stdout);
        else if (kind == PS_COL_NUMBER)
            fputs(cells[c], stdout);
        else
            ps_json_string(stdout, cells[c]);
    }
    fputs("}", stdout);
}

void ps_listing_row(ps_listing *l, const char *const *cells)
{
    if (l->fmt == PS_OUT_TABLE)
        ps_table_add(l->t, cells);
    else if (l->fmt == PS_OUT_CSV)
        ps_csv_row(stdout, cells, l->ncols, l->guard);
    else
        json_row(l, cells);
    l->rows++;
}

void ps_listing_end(ps_listing *l)
{
    if (l->fmt == PS_OUT_TABLE)
        ps_table_print(l->t, stdout);
    else if (l->fmt == PS_OUT_JSON)
        fputs(l->rows ? "\n]\n" : "]\n", stdout);
    ps_table_free(l->t);
    l->t = NULL;
}
