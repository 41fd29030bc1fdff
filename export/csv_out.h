/* csv_out.h - CSV exports of computed values: long, wide and SDMX-CSV (SPEC §6).
 *
 * The values come from the engine (aggregate/engine.h): submitted, rolled
 * up, over time and derived, with status, coverage and flags. Three forms:
 *
 *   long  unit,unit_name,indicator,indicator_name,unit_measure,period,measure,
 *         value,status,coverage,flags
 *         One row per unit × indicator × period that has a value (measure
 *         `actual`), plus one `plan` row per unit × indicator × year of the
 *         exported periods where an annual plan exists (period = the year).
 *         Names and units of measure in Vietnamese. Derived indicators carry
 *         the flag `derived`, so that ingesting the file skips and recomputes
 *         them: a long export ingested into a fresh database with the same
 *         catalog gives the same values, to the last digit.
 *   wide  indicator,indicator_name,unit_measure,P1,P2,...  one row per
 *         indicator (every indicator, in report order) for one unit (the
 *         root unit); or, with by_unit, unit,unit_name,IND1,IND2,...  one row
 *         per unit for a single period. An empty cell where there is no
 *         value. Actual values only (no plans, no flags).
 *   sdmx  SDMX-CSV 1.0:
 *         DATAFLOW,REF_AREA,INDICATOR,MEASURE,TIME_PERIOD,OBS_VALUE,OBS_STATUS,UNIT_MEASURE
 *         The rows of `long`: DATAFLOW is PS_EXPORT_DATAFLOW, REF_AREA the
 *         unit code, INDICATOR the indicator code, MEASURE `actual` or `plan`
 *         (the same words as the long export's measure column),
 *         TIME_PERIOD the SDMX time code (2016, 2016-S1, 2016-Q3, 2016-07,
 *         and a year-to-date as the range 2016-01-01/P7M), OBS_VALUE the
 *         value, OBS_STATUS the status as SDMX's CL_OBS_STATUS codes (A
 *         normal, P provisional, E estimated: the same letters provstat
 *         uses), UNIT_MEASURE the English unit of measure.
 *
 * Units: the root unit (the catalog's top unit unless opts->unit names
 * another) and every unit below it down to opts->level (default: the level
 * of the root's children, i.e. a province and its districts), in catalog
 * order; a unit appears only for the periods in which it is valid. Rows come
 * in a fixed order: unit, indicator (group, then order), period (by
 * ps_period_cmp: a plan row's year comes before that year's months), actual
 * before plan.
 *
 * Text: UTF-8, RFC 4180 quoting (a field holding ',', '"', CR or LF is
 * quoted, '"' doubled), LF line ends, an optional byte-order mark for Excel.
 * Text that a spreadsheet would read as a formula (starting with = + - or @)
 * gets a leading ' (numbers are never prefixed). Numbers in the shortest
 * form that reads back to the same double (ps_number_format): nothing is
 * rounded.
 *
 * Nothing here prints: the output goes to a FILE* given by the caller, or to
 * a path written whole or not at all (core/safefile.h).
 */
#ifndef PS_CSV_OUT_H
#define PS_CSV_OUT_H

#include "aggregate/engine.h"
#include "core/catalog.h"
#include "core/error.h"
#include "core/period.h"
#include "core/strbuf.h"

#include <stdbool.h>
#include <stdio.h>

/* The SDMX dataflow id written in every row of the sdmx form:
 * agency PROVSTAT, dataflow DF_PROVINCE, version 1.0. */
#define PS_EXPORT_DATAFLOW "PROVSTAT:DF_PROVINCE(1.0)"

/* The header lines (without the line end), exactly as written. */
#define PS_EXPORT_LONG_HEADER \
    "unit,unit_name,indicator,indicator_name,unit_measure,period,measure,value,status,coverage,flags"
#define PS_EXPORT_SDMX_HEADER \
    "DATAFLOW,REF_AREA,INDICATOR,MEASURE,TIME_PERIOD,OBS_VALUE,OBS_STATUS,UNIT_MEASURE"

typedef enum ps_export_format { PS_EXPORT_LONG = 0, PS_EXPORT_WIDE = 1, PS_EXPORT_SDMX = 2 } ps_export_format;

/* Options; a zeroed struct plus `from` is a long export of one period for
 * the top unit and the level below it. */
typedef struct ps_export_opts {
    ps_export_format format;
    ps_period from;      /* the first (or only) period */
    ps_period to;        /* the last period, of from's type; PS_P_NONE: from alone */
    const char *unit;    /* code of the root unit (borrowed); NULL: the top unit */
    bool has_level;      /* level below: the deepest level exported */
    ps_level level;      /* used when has_level; the root is always exported */
    bool by_unit;        /* wide only: units × indicators, for a single period */
    bool bom;            /* start with a UTF-8 byte-order mark */
} ps_export_opts;

/* "long", "wide", "sdmx" -> *out; false (and *out untouched) for other text. */
bool ps_export_format_parse(const char *s, ps_export_format *out);
const char *ps_export_format_name(ps_export_format f);

/* Every period from `from` to `to` inclusive, in order (to of type
 * PS_P_NONE: from alone). Both must be of the same type; a year-to-date
 * range steps 2016-YTD10, 2016-YTD11, 2017-YTD01 (a year-to-date to
 * December is the year, another type). Returns an owned array in *out (free
 * with free()) and its length in *n. PS_ERR_USAGE with a message when from
 * is not a period, the types differ or to comes before from. */
ps_error ps_export_periods(ps_period from, ps_period to, ps_period **out, int *n, ps_ctx *ctx);

/* Writes the export described by o to out (borrowed, left open; the caller
 * may give it a large buffer). `name` names the output in error messages
 * ("cannot write NAME: ..."). *rows (rows may be NULL) gets the number of
 * rows written after the header. Errors: PS_ERR_USAGE for options that do not
 * fit together (types of from and to, by_unit over several periods or
 * outside wide), PS_ERR_NOT_FOUND for an unknown o->unit, PS_ERR_IO when
 * writing fails, the engine's error when the database fails, and
 * PS_ERR_INTERNAL when the engine hands back a value that cannot be
 * written (not finite, or a status other than A, P, E). On error, part of
 * the output may have been written. */
ps_error ps_export_write(ps_engine *e, const ps_export_opts *o, FILE *out, const char *name,
                         long *rows, ps_ctx *ctx);

/* Writes the export to path through core/safefile.h: into a new temporary
 * file in path's folder (with a 1 MiB buffer), fsynced and renamed over
 * path. On any error the temporary file is removed, path is left as it
 * was, and the message names path. Errors as ps_export_write, and those of
 * ps_safefile_open and ps_safefile_commit (a target that is a folder, a
 * device or a FIFO is refused with PS_ERR_IO; a symbolic link is replaced). */
ps_error ps_export_file(ps_engine *e, const ps_export_opts *o, const char *path, long *rows,
                        ps_ctx *ctx);

#endif
