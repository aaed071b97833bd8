/* sw-report-branches.c — the branches of a report side by side: their
 * ranking by one figure (a head office's comparison)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-report.h"

const SwFigure *
sw_report_branch_figure (SwReportBranch *branch,
                         const char     *key)
{
  for (guint i = 0; branch->figures != NULL && i < branch->figures->len; i++)
    {
      const SwFigure *f = g_ptr_array_index (branch->figures, i);
      if (g_str_equal (f->key, key))
        return f;
    }
  return NULL;
}

GPtrArray *
sw_report_branch_trend (SwReportBranch *branch,
                        const char     *key)
{
  GPtrArray *out;

  if (!sw_report_figure_of_cases (key))
    return NULL;
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) sw_figure_free);
  for (guint m = 0; m < branch->months->len; m++)
    {
      SwReportMonth *month = g_ptr_array_index (branch->months, m);
      g_autoptr(GPtrArray) figures = sw_report_tally_figures (&month->tally);

      for (guint i = 0; i < figures->len; i++)
        if (g_str_equal (((SwFigure *) g_ptr_array_index (figures, i))->key, key))
          {
            g_ptr_array_add (out, g_ptr_array_steal_index (figures, i));
            break;
          }
    }
  return out;
}

/* Where less is better. */
static gboolean
lower_is_better (const char *key)
{
  static const char *const keys[] = {
    "handling_mean_hours", "handling_p90_hours", "reopened", "repeat_complaints",
    "findings_confirmed", "findings_open", "admonishments", "warnings",
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (g_str_equal (keys[i], key))
      return TRUE;
  return FALSE;
}

static int
compare_rank (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  const char *key = data;
  SwReportBranch *x = *(SwReportBranch **) a, *y = *(SwReportBranch **) b;
  const SwFigure *fx = sw_report_branch_figure (x, key), *fy = sw_report_branch_figure (y, key);
  gboolean ax = fx && fx->available, ay = fy && fy->available;
  int order;

  if (ax != ay)
    return ax ? -1 : 1;
  if (!ax || fx->value == fy->value)
    return g_strcmp0 (x->code, y->code);
  order = fx->value > fy->value ? -1 : 1;
  return lower_is_better (key) ? -order : order;
}

GPtrArray *
sw_report_rank_branches (SwReport   *report,
                         const char *key)
{
  GPtrArray *ranked = g_ptr_array_new ();

  for (guint i = 0; report->branches != NULL && i < report->branches->len; i++)
    g_ptr_array_add (ranked, g_ptr_array_index (report->branches, i));
  g_ptr_array_sort_with_data (ranked, compare_rank, (gpointer) key);
  return ranked;
}
