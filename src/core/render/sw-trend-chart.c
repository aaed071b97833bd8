/* sw-trend-chart.c — the trend per branch: a line per branch, one figure
 * month by month, with a legend and round axis values
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "sw-report-chart.h"
#include "sw-trend-chart.h"

#define MARGIN_LEFT 52.0
#define MARGIN_RIGHT 16.0
#define MARGIN_TOP 6.0
#define LEGEND_ROW 20.0
#define LABEL_HEIGHT 18.0

/* Ten colours told apart also in grey (Tableau 10); past ten, dashes. */
static const double palette[][3] = {
  { 0.12, 0.47, 0.71 }, { 1.00, 0.50, 0.05 }, { 0.17, 0.63, 0.17 }, { 0.84, 0.15, 0.16 },
  { 0.58, 0.40, 0.74 }, { 0.55, 0.34, 0.29 }, { 0.89, 0.47, 0.76 }, { 0.50, 0.50, 0.50 },
  { 0.74, 0.74, 0.13 }, { 0.09, 0.75, 0.81 },
};

void
sw_trend_chart_color (guint   n,
                      double *rgb)
{
  for (guint i = 0; i < 3; i++)
    rgb[i] = palette[n % G_N_ELEMENTS (palette)][i];
}

void
sw_trend_chart_axis (SwFigureUnit  unit,
                     double        max,
                     double       *step,
                     double       *top)
{
  int s, t;

  switch (unit)
    {
    case SW_FIGURE_PERCENT:
      *step = 25;
      *top = 100;
      return;
    case SW_FIGURE_SCORE:
      *step = 1;
      *top = 5;
      return;
    case SW_FIGURE_COUNT:
    case SW_FIGURE_HOURS:
    default:
      sw_report_chart_axis (ceil (max), &s, &t);
      *step = s;
      *top = t;
      return;
    }
}

static void
set_line (cairo_t *cr,
          guint    n)
{
  static const double dash[] = { 6, 3 };
  double rgb[3];

  sw_trend_chart_color (n, rgb);
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
  cairo_set_line_width (cr, 2);
  cairo_set_dash (cr, dash, (n / G_N_ELEMENTS (palette)) % 2 ? 2 : 0, 0);
}

static gboolean
chosen (const char * const *codes,
        const char         *code)
{
  return codes == NULL || g_strv_contains (codes, code);
}

void
sw_trend_chart_draw (cairo_t            *cr,
                     SwReport           *r,
                     const char         *key,
                     const char * const *codes,
                     double              width,
                     double              height)
{
  g_autoptr(GPtrArray) series = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GArray) colours = g_array_new (FALSE, FALSE, sizeof (guint));
  const SwFigure *whole = sw_report_get_figure (r, key);
  SwFigureUnit unit = whole ? whole->unit : SW_FIGURE_COUNT;
  guint n_months = r->months->len, every = 1;
  double max = 0, step, top, x, y, plot_w, plot_h, top_y, slot;

  if (r->branches == NULL || whole == NULL || n_months == 0)
    return;
  for (guint b = 0; b < r->branches->len; b++)
    {
      SwReportBranch *rb = g_ptr_array_index (r->branches, b);
      GPtrArray *trend;

      if (!chosen (codes, rb->code) || (trend = sw_report_branch_trend (rb, key)) == NULL)
        continue;
      for (guint m = 0; m < trend->len; m++)
        {
          const SwFigure *f = g_ptr_array_index (trend, m);
          if (f->available)
            max = MAX (max, f->value);
        }
      g_ptr_array_add (series, trend);
      g_ptr_array_add (names, rb->name);
      g_array_append_val (colours, b);
    }
  sw_trend_chart_axis (unit, max, &step, &top);

  cairo_save (cr);
  /* the legend: a line and the branch's name, in as many rows as it needs */
  x = MARGIN_LEFT;
  y = MARGIN_TOP;
  for (guint i = 0; i < series->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      double w = 22 + MIN (sw_chart_text_width (cr, name, SW_CHART_LABEL_SIZE), 160) + 16;

      if (x + w > width - MARGIN_RIGHT && x > MARGIN_LEFT)
        {
          x = MARGIN_LEFT;
          y += LEGEND_ROW;
        }
      set_line (cr, g_array_index (colours, guint, i));
      cairo_move_to (cr, x, y + 8);
      cairo_line_to (cr, x + 16, y + 8);
      cairo_stroke (cr);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      sw_chart_text (cr, x + 22, y, name, SW_CHART_LABEL_SIZE, 0, 160);
      x += w;
    }
  top_y = y + LEGEND_ROW + 6;
  plot_w = width - MARGIN_LEFT - MARGIN_RIGHT;
  plot_h = height - top_y - LABEL_HEIGHT - 4;
  if (plot_w <= 0 || plot_h <= 0)
    {
      cairo_restore (cr);
      return;
    }
  slot = plot_w / n_months;

  /* the grid, its values on the left */
  sw_chart_grid (cr, MARGIN_LEFT, top_y, plot_w, plot_h, step, top, unit == SW_FIGURE_PERCENT ? "%" : "");

  /* the months: "03" within one year, "2026-03" across years; as many as fit */
  {
    double label_w = sw_chart_text_width (cr, sw_chart_month_label (r, 0), SW_CHART_LABEL_SIZE) + 8;
    while (slot * every < label_w && every < n_months)
      every++;
  }
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  for (guint m = 0; m < n_months; m += every)
    sw_chart_text (cr, MARGIN_LEFT + slot * (m + 0.5), top_y + plot_h + 3, sw_chart_month_label (r, m),
                   SW_CHART_LABEL_SIZE, 0.5, 0);

  /* a line per branch; a month without data breaks it */
  for (guint i = 0; i < series->len; i++)
    {
      GPtrArray *trend = g_ptr_array_index (series, i);
      gboolean started = FALSE;

      set_line (cr, g_array_index (colours, guint, i));
      for (guint m = 0; m < trend->len && m < n_months; m++)
        {
          const SwFigure *f = g_ptr_array_index (trend, m);
          double px = MARGIN_LEFT + slot * (m + 0.5), py = top_y + plot_h * (1 - MIN (f->value, top) / top);

          if (!f->available)
            {
              started = FALSE;
              continue;
            }
          if (started)
            cairo_line_to (cr, px, py);
          else
            cairo_move_to (cr, px, py);
          started = TRUE;
        }
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      for (guint m = 0; m < trend->len && m < n_months; m++)
        {
          const SwFigure *f = g_ptr_array_index (trend, m);

          if (!f->available)
            continue;
          cairo_arc (cr, MARGIN_LEFT + slot * (m + 0.5), top_y + plot_h * (1 - MIN (f->value, top) / top),
                     3, 0, 2 * G_PI);
          cairo_fill (cr);
        }
    }

  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  cairo_set_line_width (cr, 0.8);
  cairo_move_to (cr, MARGIN_LEFT, top_y);
  cairo_line_to (cr, MARGIN_LEFT, top_y + plot_h);
  cairo_line_to (cr, MARGIN_LEFT + plot_w, top_y + plot_h);
  cairo_stroke (cr);
  cairo_restore (cr);
}
