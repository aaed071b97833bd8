/* sw-trend-chart.h — the trend per branch of a head office's comparison:
 * one figure month by month, a line per chosen branch, drawn with cairo so
 * that the app and a PDF draw the same thing.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "sw-report.h"

G_BEGIN_DECLS

/* The value axis of a figure of `unit` whose largest value is max: shares
 * 0–100 % by 25, scores 0–5 by 1, counts and hours by a round step (1, 2,
 * 5 × 10^k, as the report's charts). */
void  sw_trend_chart_axis (SwFigureUnit  unit,
                           double        max,
                           double       *step,
                           double       *top);

/* Draws figure `key` of each month for the branches of report (with
 * by_branch) whose codes are in `codes` (NULL-terminated; NULL: every
 * branch) into the rectangle (0, 0, width, height) of cr, in user units:
 * a legend of the branches on top, labels of SW_CHART_LABEL_SIZE. Months
 * without data for a branch leave a gap in its line. */
void  sw_trend_chart_draw (cairo_t            *cr,
                           SwReport           *report,
                           const char         *key,
                           const char * const *codes,
                           double              width,
                           double              height);

/* The colour of the n-th line (the app's legend and the chart agree). */
void  sw_trend_chart_color (guint   n,
                            double *rgb);

G_END_DECLS
