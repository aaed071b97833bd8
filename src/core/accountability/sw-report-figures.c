/* sw-report-figures.c — the figures of a tally, their definitions, and the
 * department rating
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sw-policy-text.h"

#include "sw-report.h"

typedef struct {
  const char  *key;
  const char  *label;
  const char  *definition;
  SwFigureUnit unit;
} FigureInfo;

static const FigureInfo infos[] = {
  { "received", N_("Requests received"),
    N_("Cases registered in the period (by time of receipt) within the scope; each case counts once, for the department responsible for it: the handling department, the owner's until another department accepts the case"), SW_FIGURE_COUNT },
  { "answered_on_spot", N_("Answered on the spot"),
    N_("Cases closed with an answer on the spot, as a share of the cases received"), SW_FIGURE_PERCENT },
  { "transferred_on_time", N_("Transferred on time"),
    N_("Of the transfers that were due within {limit.transfer_hours} of registration or of a return, the share made in time"), SW_FIGURE_PERCENT },
  { "accepted_on_time", N_("Accepted on time"),
    N_("Of the transfers and forwards received, the share accepted, returned or forwarded within {limit.accept_hours}"), SW_FIGURE_PERCENT },
  { "replied_on_time", N_("Replied by the promised time"),
    N_("Of the cases with a promised time that were replied to or whose promised time has passed, the share replied to by the promised time"), SW_FIGURE_PERCENT },
  { "handling_mean_hours", N_("Handling time (mean)"),
    N_("Working hours from registration to the answer, reply or closure, averaged over the cases that got one"), SW_FIGURE_HOURS },
  { "handling_p90_hours", N_("Handling time (90th percentile)"),
    /* xgettext:no-c-format */
    N_("Working hours within which 90% of the answered cases got their answer, reply or closure"), SW_FIGURE_HOURS },
  { "callback_coverage", N_("Callback coverage"),
    N_("Of the replied cases that were not anonymous (answers on the spot excluded), the share called back"), SW_FIGURE_PERCENT },
  { "satisfaction_mean", N_("Satisfaction (mean)"),
    N_("Mean callback score from 1 (very dissatisfied) to 5 (very satisfied)"), SW_FIGURE_SCORE },
  { "satisfied_share", N_("Satisfied customers"),
    N_("Share of callbacks scored 4 or 5"), SW_FIGURE_PERCENT },
  { "resolved", N_("Resolution rate"),
    N_("Of the cases received, the share resolved: answered on the spot, or replied to and not scored dissatisfied (1 or 2) at the callback; referred outside, refused and open cases are not resolved"), SW_FIGURE_PERCENT },
  { "complaints_escalated", N_("Complaints escalated"),
    N_("Of the complaints received, the share escalated to the branch leader (矛盾升级)"), SW_FIGURE_PERCENT },
  { "petition_decided_on_time", N_("Petitions decided in time"),
    N_("Of the petitions (信访) received, the share accepted or not within {limit.petition_accept_days}; one still undecided counts as not in time"), SW_FIGURE_PERCENT },
  { "petition_closed_on_time", N_("Petitions concluded in time"),
    N_("Of the petitions received, the share concluded within {limit.petition_general_days} (a special one within {limit.petition_special_days}); one still open counts as not in time"), SW_FIGURE_PERCENT },
  { "assigned_on_time", N_("Assignments concluded in time"),
    N_("Of the matters assigned by a superior (上级交办) received, the share concluded by their due date; one still open counts as not in time"), SW_FIGURE_PERCENT },
  { "preliminary_on_time", N_("Preliminary findings in time"),
    N_("Of the multi-department matters, the share whose lead department gave its preliminary finding within {limit.multi_department_days}; one still without it counts as not in time"), SW_FIGURE_PERCENT },
  { "hotline_feedback_on_time", N_("Hotline dispatches answered in time"),
    N_("Of the hotline dispatches (热线派单) received, the share whose feedback reached the hotline by its deadline; one without feedback counts as not in time"), SW_FIGURE_PERCENT },
  { "reopened", N_("Reopened cases"),
    N_("Cases reopened at least once because the customer was not satisfied"), SW_FIGURE_COUNT },
  { "repeat_complaints", N_("Repeat complaints"),
    N_("Repeat-complaint findings not dismissed: the same customer phone within {repeat.window_days}, or a case reopened within that time"), SW_FIGURE_COUNT },
  { "findings_confirmed", N_("Confirmed violations"),
    N_("Findings confirmed by a department head or a supervisor, by when they happened"), SW_FIGURE_COUNT },
  { "findings_open", N_("Violations awaiting review"),
    N_("Findings neither confirmed nor dismissed yet"), SW_FIGURE_COUNT },
  { "fines_yuan", N_("Fines (yuan)"),
    N_("Fines that the confirmed violations of the period carry by their kind under the policy, the department head's included (the lower end of a range)"), SW_FIGURE_COUNT },
  { "admonishments", N_("Admonishments"),
    N_("Admonishments (诫勉教育) imposed in the period"), SW_FIGURE_COUNT },
  { "warnings", N_("Efficiency warnings"),
    N_("Efficiency warnings (效能告诫) imposed in the period"), SW_FIGURE_COUNT },
};

/* The value that would stand at index k were the n values sorted (they
 * are reordered, not sorted): linear on average, where a sort of the
 * 2,000,000 handling times of a head office's year was the report's
 * largest cost. Median-of-three pivots; equal values split evenly. */
static double
select_nth (double *v,
            guint   n,
            guint   k)
{
  guint lo = 0, hi = n - 1;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2, i = lo, j = hi;
      double a = v[lo], b = v[mid], c = v[hi];
      double pivot = a < b ? (b < c ? b : (a < c ? c : a)) : (a < c ? a : (b < c ? c : b));

      while (i <= j)
        {
          while (v[i] < pivot)
            i++;
          while (v[j] > pivot)
            j--;
          if (i <= j)
            {
              double x = v[i];
              v[i] = v[j];
              v[j] = x;
              i++;
              if (j == 0)
                break;
              j--;
            }
        }
      /* now v[lo..j] <= pivot <= v[i..hi], and v[j+1..i-1] == pivot */
      if (k <= j)
        hi = j;
      else if (k >= i)
        lo = i;
      else
        return v[k];
    }
  return v[k];
}

void
sw_figure_free (SwFigure *f)
{
  g_free (f->definition);
  g_free (f);
}

gboolean
sw_report_figure_of_cases (const char *key)
{
  static const char *const not_cases[] = {
    "repeat_complaints", "findings_confirmed", "findings_open", "fines_yuan", "admonishments", "warnings",
  };
  gboolean known = FALSE;

  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (infos); i++)
    known |= g_str_equal (infos[i].key, key);
  for (guint i = 0; known && i < G_N_ELEMENTS (not_cases); i++)
    known &= !g_str_equal (key, not_cases[i]);
  return known;
}

static SwFigure *
figure (const char *key)
{
  SwFigure *f = g_new0 (SwFigure, 1);

  for (guint i = 0; i < G_N_ELEMENTS (infos); i++)
    if (g_str_equal (infos[i].key, key))
      {
        f->key = infos[i].key;
        f->label = _(infos[i].label);
        f->definition = g_strdup (_(infos[i].definition));
        f->unit = infos[i].unit;
      }
  g_assert (f->key != NULL);
  return f;
}

static void
count (GPtrArray  *out,
       const char *key,
       guint       n)
{
  SwFigure *f = figure (key);

  f->available = TRUE;
  f->value = n;
  g_ptr_array_add (out, f);
}

static void
share (GPtrArray  *out,
       const char *key,
       guint       numerator,
       guint       denominator)
{
  SwFigure *f = figure (key);

  f->numerator = numerator;
  f->denominator = denominator;
  f->available = denominator > 0;
  f->value = denominator > 0 ? 100.0 * numerator / denominator : 0;
  g_ptr_array_add (out, f);
}

static void
value (GPtrArray  *out,
       const char *key,
       gboolean    available,
       double      v,
       guint       n)
{
  SwFigure *f = figure (key);

  f->available = available;
  f->value = available ? v : 0;
  f->denominator = n;
  g_ptr_array_add (out, f);
}

GPtrArray *
sw_report_tally_figures (const SwReportTally *t)
{
  return sw_report_tally_figures_named (t, NULL);
}

GPtrArray *
sw_report_tally_figures_named (const SwReportTally *t,
                               SwPolicy            *policy)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) sw_figure_free);
  g_autoptr(GArray) hours = NULL;
  guint n_hours = t->handling_hours ? t->handling_hours->len : 0;
  guint callbacks = 0, satisfied = t->satisfaction[4] + t->satisfaction[5];
  double sum = 0, score = 0, p90 = 0;

  for (guint i = 1; i <= 5; i++)
    {
      callbacks += t->satisfaction[i];
      score += (double) i * t->satisfaction[i];
    }
  if (n_hours > 0)
    {
      hours = g_array_sized_new (FALSE, FALSE, sizeof (double), n_hours);
      g_array_append_vals (hours, t->handling_hours->data, n_hours);
      for (guint i = 0; i < n_hours; i++)
        sum += g_array_index (hours, double, i);
      p90 = select_nth ((double *) (void *) hours->data, n_hours, (guint) ceil (0.9 * n_hours) - 1);
    }

  count (out, "received", t->received);
  share (out, "answered_on_spot", t->answered_on_spot, t->received);
  share (out, "transferred_on_time", t->transfers - t->transfers_late, t->transfers);
  share (out, "accepted_on_time", t->accepts - t->accepts_late, t->accepts);
  share (out, "replied_on_time", t->replied_on_time, t->reply_due);
  value (out, "handling_mean_hours", n_hours > 0, n_hours ? sum / n_hours : 0, n_hours);
  /* Nearest rank: the smallest value with at least 90% at or below it. */
  value (out, "handling_p90_hours", n_hours > 0,
         p90, n_hours);
  share (out, "callback_coverage", t->called_back, t->callback_due);
  value (out, "satisfaction_mean", callbacks > 0, callbacks ? score / callbacks : 0, callbacks);
  share (out, "satisfied_share", satisfied, callbacks);
  share (out, "resolved", t->resolved, t->received);
  share (out, "complaints_escalated", t->complaints_escalated, t->complaints);
  share (out, "petition_decided_on_time", t->limit_kept[SW_LIMIT_PETITION_DECIDE],
         t->limit_owed[SW_LIMIT_PETITION_DECIDE]);
  share (out, "petition_closed_on_time", t->limit_kept[SW_LIMIT_PETITION_CLOSE],
         t->limit_owed[SW_LIMIT_PETITION_CLOSE]);
  share (out, "assigned_on_time", t->limit_kept[SW_LIMIT_ASSIGNED], t->limit_owed[SW_LIMIT_ASSIGNED]);
  share (out, "hotline_feedback_on_time", t->limit_kept[SW_LIMIT_HOTLINE_FEEDBACK],
         t->limit_owed[SW_LIMIT_HOTLINE_FEEDBACK]);
  share (out, "preliminary_on_time", t->limit_kept[SW_LIMIT_MULTI_DEPARTMENT],
         t->limit_owed[SW_LIMIT_MULTI_DEPARTMENT]);
  count (out, "reopened", t->reopened);
  count (out, "repeat_complaints", t->repeat_complaints);
  count (out, "findings_confirmed", t->findings_confirmed);
  count (out, "findings_open", t->findings_open);
  count (out, "fines_yuan", t->fines_yuan);
  count (out, "admonishments", t->admonishments);
  count (out, "warnings", t->warnings);
  /* The definitions name the policy's values, never its keys. */
  for (guint i = 0; i < out->len; i++)
    {
      SwFigure *f = g_ptr_array_index (out, i);

      if (strchr (f->definition, '{') != NULL)
        {
          char *named = sw_policy_expand (f->definition, policy);
          g_free (f->definition);
          f->definition = named;
        }
    }
  return out;
}

char *
sw_figure_format (const SwFigure *f)
{
  if (!f->available)
    return g_strdup (_("no data"));
  switch (f->unit)
    {
    case SW_FIGURE_PERCENT:
      /* TRANSLATORS: a share, its numerator and denominator: "75.0% (3/4)";
       * Chinese uses full-width brackets: 75.0%（3/4） */
      return g_strdup_printf (C_("figure share", "%.1f%% (%u/%u)"), f->value, f->numerator, f->denominator);
    case SW_FIGURE_HOURS:
      return g_strdup_printf (_("%.1f h"), f->value);
    case SW_FIGURE_SCORE:
      return g_strdup_printf ("%.2f", f->value);
    case SW_FIGURE_COUNT:
    default:
      return g_strdup_printf ("%.0f", f->value);
    }
}

const char *
sw_rating_to_string (SwRating r)
{
  switch (r)
    {
    case SW_RATING_EXCELLENT: return "excellent";
    case SW_RATING_COMPETENT: return "competent";
    case SW_RATING_INCOMPETENT: return "incompetent";
    case SW_RATING_TOO_FEW: return "too_few";
    case SW_RATING_NONE:
    default: return "none";
    }
}

const char *
sw_rating_label (SwRating r)
{
  switch (r)
    {
    case SW_RATING_EXCELLENT: return _("Excellent");
    case SW_RATING_COMPETENT: return _("Competent");
    case SW_RATING_INCOMPETENT: return _("Incompetent");
    case SW_RATING_TOO_FEW: return _("Not rated (too few cases)");
    case SW_RATING_NONE:
    default: return _("Not rated");
    }
}

static const SwFigure *
find_figure (GPtrArray  *figures,
             const char *key)
{
  for (guint i = 0; i < figures->len; i++)
    if (g_str_equal (((SwFigure *) g_ptr_array_index (figures, i))->key, key))
      return g_ptr_array_index (figures, i);
  g_assert_not_reached ();
}

/* A rating says what it rests on: a department with fewer cases or
 * callbacks than the policy asks is not rated; a figure without data
 * ("no data") never counts towards excellent; the share of replies
 * called back is part of the rating, so that not calling back cannot pay. */
SwRating
sw_report_rate (const SwReportTally  *t,
                SwPolicy             *policy,
                char                **reason)
{
  g_autoptr(GPtrArray) figures = sw_report_tally_figures (t);
  const SwFigure *on_time = find_figure (figures, "replied_on_time");
  const SwFigure *satisfied = find_figure (figures, "satisfied_share");
  const SwFigure *coverage = find_figure (figures, "callback_coverage");
  guint min_cases = (guint) sw_policy_get_int (policy, "rating.min_cases");
  guint min_callbacks = (guint) sw_policy_get_int (policy, "rating.min_callbacks");
  g_autofree char *on_time_text = sw_figure_format (on_time);
  g_autofree char *satisfied_text = sw_figure_format (satisfied);
  g_autofree char *coverage_text = sw_figure_format (coverage);
  SwRating rating;

  if (t->received == 0 && t->findings_confirmed == 0)
    {
      if (reason != NULL)
        *reason = g_strdup (_("No cases and no violations in the period: nothing to rate"));
      return SW_RATING_NONE;
    }
  if (t->received < min_cases || satisfied->denominator < min_callbacks)
    {
      if (reason != NULL)
        *reason = g_strdup_printf (_("%u cases and %u scored callbacks in the period; a rating needs at least %u cases and %u callbacks"),
                                   t->received, satisfied->denominator, min_cases, min_callbacks);
      return SW_RATING_TOO_FEW;
    }

  if ((on_time->available && on_time->value < sw_policy_get_int (policy, "rating.incompetent_on_time_pct")) ||
      (satisfied->available && satisfied->value < sw_policy_get_int (policy, "rating.incompetent_satisfied_pct")) ||
      (coverage->available && coverage->value < sw_policy_get_int (policy, "rating.incompetent_callback_pct")) ||
      (sw_policy_get_int (policy, "rating.incompetent_findings") > 0 &&
       t->findings_confirmed >= (guint) sw_policy_get_int (policy, "rating.incompetent_findings")))
    rating = SW_RATING_INCOMPETENT;
  else if (on_time->available && on_time->value >= sw_policy_get_int (policy, "rating.excellent_on_time_pct") &&
           satisfied->available && satisfied->value >= sw_policy_get_int (policy, "rating.excellent_satisfied_pct") &&
           coverage->available && coverage->value >= sw_policy_get_int (policy, "rating.excellent_callback_pct") &&
           t->findings_confirmed <= (guint) sw_policy_get_int (policy, "rating.excellent_max_findings"))
    rating = SW_RATING_EXCELLENT;
  else
    rating = SW_RATING_COMPETENT;

  if (reason != NULL)
    *reason = g_strdup_printf (_("Replied by the promised time %s, called back %s, satisfied %s, %u confirmed violations; "
                                 "excellent needs ≥ %d%%, ≥ %d%%, ≥ %d%% and ≤ %d, each with data; "
                                 "incompetent below %d%%, %d%% or %d%%, or from %d violations"),
                               on_time_text, coverage_text, satisfied_text, t->findings_confirmed,
                               sw_policy_get_int (policy, "rating.excellent_on_time_pct"),
                               sw_policy_get_int (policy, "rating.excellent_callback_pct"),
                               sw_policy_get_int (policy, "rating.excellent_satisfied_pct"),
                               sw_policy_get_int (policy, "rating.excellent_max_findings"),
                               sw_policy_get_int (policy, "rating.incompetent_on_time_pct"),
                               sw_policy_get_int (policy, "rating.incompetent_callback_pct"),
                               sw_policy_get_int (policy, "rating.incompetent_satisfied_pct"),
                               sw_policy_get_int (policy, "rating.incompetent_findings"));
  return rating;
}
