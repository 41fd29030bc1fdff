/* header.c - the columns of a submission from its header row (header.h). */
#include "ingest/header.h"

#include "core/text.h"

typedef struct colname {
    const char *name;
    int col;
} colname;

static const colname column_names[] = {
    {"unit", C_UNIT}, {"ma_don_vi", C_UNIT},
    {"indicator", C_INDICATOR}, {"ma_chi_tieu", C_INDICATOR},
    {"period", C_PERIOD}, {"ky", C_PERIOD},
    {"value", C_VALUE}, {"gia_tri", C_VALUE},
    {"measure", C_MEASURE}, {"loai", C_MEASURE},
    {"status", C_STATUS}, {"trang_thai", C_STATUS},
    {"note", C_NOTE}, {"ghi_chu", C_NOTE},
    {"flags", C_FLAGS},
    {"coverage", C_COVERAGE},
    /* the Vietnamese headers of a template (export/template.h) */
    {"Mã đơn vị", C_UNIT}, {"Mã chỉ tiêu", C_INDICATOR}, {"Kỳ", C_PERIOD}, {"Giá trị", C_VALUE},
    {"Loại", C_MEASURE}, {"Trạng thái", C_STATUS}, {"Ghi chú", C_NOTE},
    /* recognised and ignored: the names of a long export and of a template,
     * and a template's reference columns */
    {"unit_name", C_IGNORED}, {"indicator_name", C_IGNORED}, {"unit_measure", C_IGNORED},
    {"Tên đơn vị", C_IGNORED}, {"Tên chỉ tiêu", C_IGNORED}, {"Đơn vị tính", C_IGNORED},
    {"prev_value", C_IGNORED}, {"last_year_value", C_IGNORED},
    {"Kỳ trước", C_IGNORED}, {"Cùng kỳ năm trước", C_IGNORED},
};

/* The column a header name stands for (ps_text_header_same: "Mã đơn vị"
 * is ma_don_vi), C_IGNORED, or -1 when unknown. */
static int column_of(const char *name)
{
    int found = -1;
    for (size_t k = 0; k < sizeof column_names / sizeof *column_names; k++)
        if (ps_text_header_same(name, column_names[k].name))
            found = column_names[k].col;
    return found;
}

/* An error when a required column is missing. */
static bool require(const ps_header *h, int c, bool filled, long line, const char *name, ps_msg_id what,
                    const char *path, ps_diags *d)
{
    if (h->col[c] >= 0 || filled)
        return true;
    ps_diag_msg(d, path, line, 0, PS_SEV_ERROR, PS_D_MISSING_COLUMN, name, what);
    return false;
}

bool ps_header_map(ps_header *h, const ps_csv_record *rec, bool has_unit, bool has_period, const char *path,
                   ps_diags *d)
{
    size_t errs_before = d->nerr;
    for (int c = 0; c < C_N; c++)
        h->col[c] = -1;
    h->nfields = rec->nfields;
    for (size_t f = 0; f < rec->nfields; f++) {
        char *name = ps_text_trim(rec->fields[f]);
        int found = column_of(name);
        if (found == C_IGNORED)
            continue;
        if (found < 0)
            ps_diag_msg(d, path, rec->line, (int)f + 1, PS_SEV_WARNING, PS_D_UNKNOWN_COLUMN, name,
                        PS_M_HDR_COLUMN_NOT_SUBMISSION_COLUMN, name);
        else if (h->col[found] >= 0)
            ps_diag_msg(d, path, rec->line, (int)f + 1, PS_SEV_ERROR, PS_D_DUPLICATE_COLUMN, name,
                        PS_M_HDR_COLUMN_APPEARS_TWICE_HEADER, name, h->col[found] + 1);
        else
            h->col[found] = (int)f;
    }
    long line = rec->line;
    bool ok = require(h, C_UNIT, has_unit, line, "unit",
                      PS_M_HDR_NO_UNIT, path, d);
    ok &= require(h, C_INDICATOR, false, line, "indicator", PS_M_HDR_NO_INDICATOR,
                  path, d);
    ok &= require(h, C_PERIOD, has_period, line, "period",
                  PS_M_HDR_NO_PERIOD, path, d);
    ok &= require(h, C_VALUE, false, line, "value", PS_M_HDR_NO_VALUE, path, d);
    return ok && d->nerr == errs_before;
}
