/* sw-report-chart.h — the report's charts drawn with cairo, so that the app
 * (in a GtkDrawingArea) and the PDF draw the same thing: the monthly trend,
 * the departments side by side, the satisfaction distribution.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "sw-report.h"

G_BEGIN_DECLS

/* The family that has the CJK glyphs (fonts-noto-cjk). */
#define SW_FONT_FAMILY "Noto Sans CJK SC"

typedef enum {
  SW_CHART_MONTHLY,        /* received per month (bars), replied on time % (line) */
  SW_CHART_DEPARTMENTS,    /* received per department, with on-time % and rating */
  SW_CHART_SATISFACTION,   /* callbacks by score 1–5 */
  SW_N_CHARTS
} SwChartKind;

/* The size of every label, in user units (px on screen at 100 %). */
#define SW_CHART_LABEL_SIZE 11.0

const char *sw_report_chart_title (SwChartKind kind);
/* Draws s at (x, y) in the charts' font at size, aligned (0 left, 0.5
 * centre, 1 right); wider than max_width (> 0) it is cut with "…".
 * Returns its width. Every chart's labels go through it. */
double      sw_chart_text         (cairo_t     *cr,
                                   double       x,
                                   double       y,
                                   const char  *s,
                                   double       size,
                                   double       align,
                                   double       max_width);
/* The width s would take, drawn by sw_chart_text at size. */
double      sw_chart_text_width   (cairo_t     *cr,
                                   const char  *s,
                                   double       size);
/* The horizontal grid of a plot whose left edge is x and whose rectangle
 * starts at top_y: a light line at every step from 0 to top, its value (a
 * whole number followed by suffix, e.g. "%") right-aligned left of x. Both
 * charts' grids go through it. */
void        sw_chart_grid         (cairo_t     *cr,
                                   double       x,
                                   double       top_y,
                                   double       plot_w,
                                   double       plot_h,
                                   double       step,
                                   double       top,
                                   const char  *suffix);
/* Month m of the report as an axis label: "03" when the report's months
 * are all of one year, "2026-03" across years. */
const char *sw_chart_month_label  (SwReport    *report,
                                   guint        m);
/* The count axis: a whole-number step (1, 2, 5 × 10^k) and the top grid line
 * (a multiple of step, at least max). */
void        sw_report_chart_axis  (double       max,
                                   int         *step,
                                   int         *top);
/* Draws into the rectangle (0, 0, width, height) of cr, in user units. */
void        sw_report_chart_draw  (cairo_t     *cr,
                                   SwReport    *report,
                                   SwChartKind  kind,
                                   double       width,
                                   double       height);

G_END_DECLS
