/* sheet_notes.c - sheet 6, notes: column definitions, formulas, data-quality marks, sources, this file. */
#include "export/report_int.h"

#include <stdio.h>
#include <time.h>

typedef struct nwriter {
    ps_rep *r;
    ps_rep_sheet *s;
    int row;
} nwriter;

static ps_error note_section(nwriter *w, const char *title)
{
    if (w->row > 2)
        w->row++;
    ps_rep *r = w->r;
    LX(w->s->name, worksheet_write_string(w->s->ws, (lxw_row_t)w->row, 0, title, r->f_section));
    w->row++;
    return PS_OK;
}

/* One row of up to four texts (NULL: empty). */
static ps_error note_row(nwriter *w, const char *a, const char *b, const char *c, const char *d)
{
    ps_rep *r = w->r;
    const char *t[4] = {a, b, c, d};
    int lines = 1;
    for (int i = 0; i < 4; i++) {
        if (!t[i])
            continue;
        int l = ps_rep_wrap_lines(t[i], w->s->maxw[i]);
        if (l > lines)
            lines = l;
    }
    ps_error err;
    if (lines > 1 && (err = ps_rep_set_row(r, w->s, w->row, 13.0 * lines + 2)))
        return err;
    for (int i = 0; i < 4; i++) {
        if (!t[i])
            continue;
        err = ps_rep_put_text(w->r, w->s, w->row, i, t[i], i == 0 ? w->r->f_text_bold : w->r->f_plain);
        if (err)
            return err;
    }
    w->row++;
    return PS_OK;
}

/* 1. The Summary's columns: a name and a definition each. */
static ps_error columns_section(nwriter *w)
{
    ps_rep *r = w->r;
    ps_error err = note_section(w, L(r, L_NOTES_COLUMNS));
    for (int id = L_COL_PLAN; !err && id < L_COL_NOTES_DEF; id += 2)
        err = note_row(w, L(r, (ps_rep_label_id)id), L(r, (ps_rep_label_id)(id + 1)), NULL, NULL);
    return err;
}

/* 2. Derived indicators and their formulas. */
static ps_error derived_section(nwriter *w)
{
    ps_rep *r = w->r;
    const ps_catalog *cat = r->cat;
    bool en = r->en;
    ps_error err;
    if ((err = note_section(w, L(r, L_NOTES_DERIVED))) ||
        (err = note_row(w, L(r, L_CODE), L(r, L_INDICATOR), L(r, L_FORMULA), L(r, L_MEASURE_UNIT))))
        return err;
    int nder = 0;
    for (size_t k = 0; k < cat->nindicators; k++) {
        const ps_indicator *x = &cat->indicators[cat->report_order[k]];
        if (x->kind != PS_KIND_DERIVED)
            continue;
        nder++;
        if ((err = note_row(w, x->code, en ? x->name_en : x->name_vi, x->formula_text, en ? x->unit_en : x->unit_vi)))
            return err;
    }
    if (!nder && (err = note_row(w, "", L(r, L_NONE), NULL, NULL)))
        return err;
    return note_row(w, "", L(r, L_FORMULA_FUNCTIONS), NULL, NULL);
}

/* 3. Data-quality marks: each mark's word with its flag, and its sentence. */
static ps_error marks_section(nwriter *w)
{
    ps_rep *r = w->r;
    static const char *const flags[PS_MARK_COUNT] = {"estimate",         "provisional",         "incomplete", "carried",
                                               "comparable-basis", "revised-after-close", "incomplete-source"};
    ps_error err;
    if ((err = note_section(w, L(r, L_NOTES_MARKS))))
        return err;
    for (int k = 0; k < PS_MARK_COUNT; k++) {
        char m[128];
        snprintf(m, sizeof m, "%s (%s)", ps_rep_mark_word(r, k), flags[k]);
        if ((err = note_row(w, m, ps_rep_mark_long(r, k), NULL, NULL)))
            return err;
    }
    if ((err = note_row(w, "- (none-occurred)", L(r, L_NONE_OCCURRED_DEF), NULL, NULL)) ||
        (err = note_row(w, L(r, L_EMPTY_CELL), L(r, L_EMPTY_CELL_DEF), NULL, NULL)) ||
        (err = note_row(w, "derived", L(r, L_DERIVED_DEF), NULL, NULL)) ||
        (err = note_row(w, L(r, L_ITALICS), L(r, L_ITALICS_DEF), NULL, NULL)))
        return err;
    return PS_OK;
}

/* 4. Sources: the reporters, what they send and for which units. */
static ps_error sources_section(nwriter *w)
{
    ps_rep *r = w->r;
    const ps_catalog *cat = r->cat;
    bool en = r->en;
    ps_error err;
    if ((err = note_section(w, L(r, L_NOTES_SOURCES))) ||
        (err = note_row(w, L(r, L_CODE), L(r, L_REPORTER), L(r, L_INDICATORS), L(r, L_SCOPE))))
        return err;
    for (size_t i = 0; i < cat->nreporters; i++) {
        const ps_reporter *rp = &cat->reporters[i];
        const ps_unit *su = rp->scope >= 0 ? &cat->units[rp->scope] : NULL;
        char scope[300];
        snprintf(scope, sizeof scope, "%s%s%s%s", su ? su->code : "", su ? " " : "",
                 su ? (en ? su->name_en : su->name_vi) : "",
                 rp->report_level != PS_LEVEL_NONE ? L(r, L_EACH_UNIT_OF_LEVEL) : "");
        const char *inds = rp->all_indicators ? L(r, L_ALL_INDICATORS) : rp->indicators_text;
        if ((err = note_row(w, rp->code, en ? rp->name_en : rp->name_vi, inds, scope)))
            return err;
    }
    return PS_OK;
}

/* 5. This file: unit, period, date, program. */
static ps_error file_section(nwriter *w)
{
    ps_rep *r = w->r;
    ps_error err;
    if ((err = note_section(w, L(r, L_NOTES_FILE))))
        return err;
    char date[64], pb[PS_PERIOD_BUFSZ], who[300];
    struct tm tm;
    time_t t = r->created;
    if (gmtime_r(&t, &tm))
        strftime(date, sizeof date, "%Y-%m-%d %H:%M UTC", &tm);
    else
        snprintf(date, sizeof date, "%lld", (long long)t);
    const ps_unit *un = &r->cat->units[r->m->unit];
    snprintf(who, sizeof who, "%s %s", un->code, r->en ? un->name_en : un->name_vi);
    if ((err = note_row(w, L(r, L_UNIT), who, NULL, NULL)) ||
        (err = note_row(w, L(r, L_PERIOD), ps_period_format(r->m->p, pb), NULL, NULL)) ||
        (err = note_row(w, L(r, L_CREATED), date, NULL, NULL)) ||
        (err = note_row(w, L(r, L_PROGRAM), "provstat " PS_VERSION, NULL, NULL)))
        return err;
    return PS_OK;
}

ps_error ps_rep_write_notes(ps_rep *r, ps_rep_sheet *s)
{
    ps_rep_sheet_cols(s, 4);
    s->minw[0] = 14;
    s->maxw[0] = 30;
    s->maxw[1] = 45;
    s->maxw[2] = 70;
    s->maxw[3] = 30;
    ps_error err;
    if ((err = ps_rep_put_across(r, s, 0, 0, 3, L(r, L_NOTES_TITLE), r->f_title)))
        return err;
    nwriter w = {r, s, 2};
    if ((err = columns_section(&w)) || (err = derived_section(&w)) || (err = marks_section(&w)) ||
        (err = sources_section(&w)) || (err = file_section(&w)) || (err = ps_rep_sheet_finish(r, s)))
        return err;
    return ps_rep_print_layout(r, s, w.row - 1, false);
}
