/* test-report-chart.c — the report charts' count axis has whole numbers only,
 * and labels are legible
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-report-chart.h"
#include "sw-trend-chart.h"

static void
test_axis (void)
{
  static const struct { double max; int step, top; } cases[] = {
    { 0, 1, 1 }, { 1, 1, 1 }, { 3, 1, 3 }, { 5, 2, 6 }, { 7, 2, 8 },
    { 37, 10, 40 }, { 150, 50, 150 }, { 151, 50, 200 }, { 1234, 500, 1500 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int step = 0, top = 0;

      sw_report_chart_axis (cases[i].max, &step, &top);
      g_test_message ("max %g: step %d, top %d", cases[i].max, step, top);
      g_assert_cmpint (step, ==, cases[i].step);
      g_assert_cmpint (top, ==, cases[i].top);
      g_assert_cmpint (top % step, ==, 0);
      g_assert_cmpfloat (top, >=, cases[i].max);
      /* at most 6 grid lines above zero */
      g_assert_cmpint (top / step, <=, 6);
    }
  g_assert_cmpfloat (SW_CHART_LABEL_SIZE, >=, 11);
}

/* The trend's value axis: shares 0–100 % by 25, scores 0–5, counts and
 * hours whole round steps at or above the largest value. */
static void
test_trend_axis (void)
{
  static const struct { SwFigureUnit unit; double max, step, top; } cases[] = {
    { SW_FIGURE_PERCENT, 37.5, 25, 100 }, { SW_FIGURE_PERCENT, 0, 25, 100 },
    { SW_FIGURE_SCORE, 4.2, 1, 5 }, { SW_FIGURE_COUNT, 0, 1, 1 }, { SW_FIGURE_COUNT, 37, 10, 40 },
    { SW_FIGURE_HOURS, 0.4, 1, 1 }, { SW_FIGURE_HOURS, 7.3, 2, 8 }, { SW_FIGURE_HOURS, 151, 50, 200 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double step = 0, top = 0;

      sw_trend_chart_axis (cases[i].unit, cases[i].max, &step, &top);
      g_assert_cmpfloat (step, ==, cases[i].step);
      g_assert_cmpfloat (top, ==, cases[i].top);
      g_assert_cmpfloat (step, ==, (double) (gint64) step);
      g_assert_cmpfloat (top, >=, cases[i].max);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report-chart/trend-axis", test_trend_axis);
  g_test_add_func ("/report-chart/axis", test_axis);
  return g_test_run ();
}
