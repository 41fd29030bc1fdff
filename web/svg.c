/* svg.c - the trend page's SVG line chart (svg.h). */
#include "web/svg.h"

#include <math.h>
#include <stdio.h>

enum { W = 720, H = 300, LEFT = 70, RIGHT = 20, TOP = 20, BOTTOM = 50 };

typedef struct scale {
    double lo, hi;
    size_t n;
} scale;

static double sx(const scale *s, double i)
{
    return LEFT + (s->n > 1 ? i / (double)(s->n - 1) : 0.5) * (W - LEFT - RIGHT);
}

static double sy(const scale *s, double y)
{
    return TOP + (s->hi - y) / (s->hi - s->lo) * (H - TOP - BOTTOM);
}

/* The range of the values, widened a little; [0, 1] when none. */
static scale make_scale(const ps_chart_point *pts, size_t n)
{
    scale s = {INFINITY, -INFINITY, n};
    for (size_t i = 0; i < n; i++)
        if (pts[i].has) {
            s.lo = fmin(s.lo, pts[i].y);
            s.hi = fmax(s.hi, pts[i].y);
        }
    if (!(s.lo <= s.hi)) {
        s.lo = 0;
        s.hi = 1;
    }
    double pad = (s.hi - s.lo) * 0.08 + (s.hi == s.lo ? fabs(s.hi) * 0.1 + 1 : 0);
    s.lo -= pad;
    s.hi += pad;
    return s;
}

static void axes(ps_html *h, const scale *s, const ps_chart_point *pts, size_t n)
{
    char lo[32], hi[32];
    snprintf(lo, sizeof lo, "%.6g", s->lo);
    snprintf(hi, sizeof hi, "%.6g", s->hi);
    ps_html_fmt(h, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#444\"/>", LEFT, H - BOTTOM, W - RIGHT,
                H - BOTTOM);
    ps_html_fmt(h, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#444\"/>", LEFT, TOP, LEFT, H - BOTTOM);
    ps_html_fmt(h, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" font-size=\"11\">%s</text>", LEFT - 4, H - BOTTOM,
                lo);
    ps_html_fmt(h, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" font-size=\"11\">%s</text>", LEFT - 4, TOP + 10,
                hi);
    size_t step = n > 12 ? (n + 11) / 12 : 1;
    for (size_t i = 0; i < n; i += step)
        ps_html_fmt(h, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"10\">%s</text>",
                    (int)lround(sx(s, (double)i)), H - BOTTOM + 16, pts[i].label);
}

/* The series as polylines, broken at points without a value, and a dot per value. */
static void series(ps_html *h, const scale *s, const ps_chart_point *pts, size_t n)
{
    bool open = false;
    for (size_t i = 0; i <= n; i++) {
        bool has = i < n && pts[i].has;
        if (has && !open) {
            ps_html_tag(h, "<polyline fill=\"none\" stroke=\"#7a1010\" stroke-width=\"2\" points=\"");
            open = true;
        } else if (!has && open) {
            ps_html_tag(h, "\"/>");
            open = false;
        }
        if (has)
            ps_html_fmt(h, "%ld,%ld ", lround(sx(s, (double)i)), lround(sy(s, pts[i].y)));
    }
    for (size_t i = 0; i < n; i++)
        if (pts[i].has)
            ps_html_fmt(h, "<circle cx=\"%ld\" cy=\"%ld\" r=\"3\" fill=\"#7a1010\"/>", lround(sx(s, (double)i)),
                        lround(sy(s, pts[i].y)));
}

void ps_svg_line_chart(ps_html *h, const char *title, const ps_chart_point *pts, size_t n, bool fit,
                       double intercept, double slope)
{
    scale s = make_scale(pts, n);
    ps_html_fmt(h, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                   "role=\"img\" aria-label=\"%s\" id=\"chart\"><title>%s</title>",
                W, H, W, H, title, title);
    axes(h, &s, pts, n);
    series(h, &s, pts, n);
    if (fit && n > 1) {
        double y0 = intercept, y1 = intercept + slope * (double)(n - 1); /* the SVG clips what leaves it */
        ps_html_fmt(h, "<line id=\"fit\" x1=\"%ld\" y1=\"%ld\" x2=\"%ld\" y2=\"%ld\" stroke=\"#1b5e9b\" "
                       "stroke-dasharray=\"6 4\"/>",
                    lround(sx(&s, 0)), lround(sy(&s, y0)), lround(sx(&s, (double)(n - 1))), lround(sy(&s, y1)));
    }
    ps_html_tag(h, "</svg>");
}
