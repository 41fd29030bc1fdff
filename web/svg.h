/* svg.h - the line chart of the trend page, drawn by the server as SVG
 * (SPEC §9: no script, nothing loaded from outside). */
#ifndef PS_WEB_SVG_H
#define PS_WEB_SVG_H

#include "web/html.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct ps_chart_point {
    const char *label;  /* the period, under the axis */
    bool has;
    double y;
} ps_chart_point;

/* Writes an SVG line chart of the points (gaps where a point has no
 * value) and, when fit is true, the straight line intercept + slope × i
 * dashed over it. title is the chart's accessible name. */
void ps_svg_line_chart(ps_html *h, const char *title, const ps_chart_point *pts, size_t n, bool fit,
                       double intercept, double slope);

#endif
