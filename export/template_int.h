/* template_int.h - what the template's files share: the rows gathered once
 * (template.c) and the workbook writer (template_xlsx.c). Internal to export/.
 */
#ifndef PS_TEMPLATE_INT_H
#define PS_TEMPLATE_INT_H

#include "export/template.h"

#include "core/catalog.h"

#include <stddef.h>

/* The columns, in order. */
enum { TC_UNIT, TC_UNIT_NAME, TC_INDICATOR, TC_INDICATOR_NAME, TC_UNIT_MEASURE, TC_PERIOD, TC_MEASURE,
       TC_VALUE, TC_STATUS, TC_NOTE, TC_PREV, TC_LAST_YEAR, TC_N };

/* One row: a value due, with its two references. */
typedef struct ps_tmpl_row {
    int unit, indicator;      /* catalog indexes */
    ps_period period;
    ps_val ref[2];            /* previous period (or last year's plan), same period last year
                                 (or last year's actual); has false: empty */
} ps_tmpl_row;

/* A template gathered, ready to write. */
typedef struct ps_tmpl {
    const ps_catalog *cat;
    const ps_reporter *rep;
    ps_period p;
    int measure;
    bool en;
    time_t created;
    ps_tmpl_row *rows;        /* owned */
    size_t n, cap;
} ps_tmpl;

/* The header of column c in the template's language. */
const char *ps_tmpl_header(const ps_tmpl *t, int c);
/* The text of a cell that is not a reference or an open cell: codes,
 * names, unit of measure, period (into pbuf, PS_PERIOD_BUFSZ), measure. */
const char *ps_tmpl_text(const ps_tmpl *t, const ps_tmpl_row *row, int c, char *pbuf);
/* The title above the header, and the line of instructions under it,
 * into buf (n bytes); return buf. */
char *ps_tmpl_title(const ps_tmpl *t, char *buf, size_t n);
char *ps_tmpl_instructions(const ps_tmpl *t, char *buf, size_t n);

/* Writes t as a workbook to path (whole or not at all). Errors: PS_ERR_IO. */
ps_error ps_tmpl_write_xlsx(const ps_tmpl *t, const char *path, ps_ctx *ctx);

#endif
