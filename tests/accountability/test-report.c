/* test-report.c — every figure of the evaluation report against the
 * hand-computed week of acct-fixture.c:
 *   A R01 visit/consultation, answered on the spot after 0.5 h
 *   B R01 phone/business, transferred and accepted in time, replied after
 *     8 working hours by the promise, called back (5)
 *   C R02 visit/complaint, promised Monday 17:00, replied Tuesday 10:00 (8 h,
 *     late), called back (2), reopened: a repeat complaint
 *   D R01 phone/query, transferred 30 min late, accepted 30 min late
 *   E R02 visit/consultation, anonymous, replied after 6 h by the promise
 * Findings: late transfer (R01, confirmed), reply overdue (R02, confirmed),
 * late accept (CH, dismissed), repeat complaint (R02, open); R01 admonished.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "acct-fixture.h"

static void
assert_figure (SwReport   *r,
               const char *key,
               gboolean    available,
               double      value,
               guint       numerator,
               guint       denominator)
{
  const SwFigure *f = sw_report_get_figure (r, key);

  g_assert_nonnull (f);
  g_assert_nonnull (f->definition);
  g_assert_cmpuint (strlen (f->definition), >, 20);
  g_assert_cmpint (f->available, ==, available);
  g_assert_cmpfloat_with_epsilon (f->value, value, 1e-9);
  if (f->unit == SW_FIGURE_PERCENT)
    {
      g_assert_cmpuint (f->numerator, ==, numerator);
      g_assert_cmpuint (f->denominator, ==, denominator);
    }
}

static SwReportDepartment *
dept (SwReport   *r,
      const char *code)
{
  for (guint i = 0; i < r->departments->len; i++)
    {
      SwReportDepartment *d = g_ptr_array_index (r->departments, i);
      if (g_str_equal (d->code, code))
        return d;
    }
  g_assert_not_reached ();
}

static guint
rule_count (SwReport   *r,
            const char *rule,
            SwFindingStatus status)
{
  for (guint i = 0; i < r->rules->len; i++)
    {
      SwReportRuleCount *rc = g_ptr_array_index (r->rules, i);
      if (g_str_equal (rc->rule, rule))
        return status == SW_FINDING_OPEN ? rc->open : status == SW_FINDING_CONFIRMED ? rc->confirmed : rc->dismissed;
    }
  g_assert_not_reached ();
}

/* Seed 000 (效果评估): the figures measure the first-inquiry system; a case
 * counts once, for one department, so that the departments add up to the
 * branch. */
static void
assert_adds_up (SwReport *r)
{
  guint received = 0, reply_due = 0, on_time = 0, callback_due = 0, called_back = 0, answered = 0;
  guint resolved = 0, complaints = 0, escalated = 0;

  for (guint i = 0; i < r->departments->len; i++)
    {
      SwReportTally *t = &((SwReportDepartment *) g_ptr_array_index (r->departments, i))->tally;

      received += t->received;
      reply_due += t->reply_due;
      on_time += t->replied_on_time;
      callback_due += t->callback_due;
      called_back += t->called_back;
      answered += t->answered_on_spot;
      resolved += t->resolved;
      complaints += t->complaints;
      escalated += t->complaints_escalated;
    }
  g_assert_cmpuint (received, ==, r->total.received);
  g_assert_cmpuint (reply_due, ==, r->total.reply_due);
  g_assert_cmpuint (on_time, ==, r->total.replied_on_time);
  g_assert_cmpuint (callback_due, ==, r->total.callback_due);
  g_assert_cmpuint (called_back, ==, r->total.called_back);
  g_assert_cmpuint (answered, ==, r->total.answered_on_spot);
  g_assert_cmpuint (resolved, ==, r->total.resolved);
  g_assert_cmpuint (complaints, ==, r->total.complaints);
  g_assert_cmpuint (escalated, ==, r->total.complaints_escalated);
}

static void
set_policy (SwFixture  *fx,
            const char *key,
            const char *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (sw_store_set_policy_value (fx->store, key, value, "A01", &error), >, 0);
  g_assert_no_error (error);
}

static void
test_branch (SwFixture *fx, gconstpointer data)
{
  g_autoptr(SwReport) r = NULL;

  acct_populate (fx);
  r = acct_report (fx, NULL, NULL);

  g_assert_cmpstr (r->scope, ==, "branch");
  g_assert_cmpstr (r->period, ==, "2026-11-01 – 2026-11-30");
  assert_figure (r, "received", TRUE, 5, 0, 0);
  g_assert_cmpuint (r->total.by_kind[SW_KIND_CONSULTATION], ==, 2);
  g_assert_cmpuint (r->total.by_kind[SW_KIND_BUSINESS], ==, 1);
  g_assert_cmpuint (r->total.by_kind[SW_KIND_COMPLAINT], ==, 1);
  g_assert_cmpuint (r->total.by_kind[SW_KIND_QUERY], ==, 1);
  g_assert_cmpuint (r->total.by_channel[SW_CHANNEL_VISIT], ==, 3);
  g_assert_cmpuint (r->total.by_channel[SW_CHANNEL_PHONE], ==, 2);
  assert_figure (r, "answered_on_spot", TRUE, 20, 1, 5);
  assert_figure (r, "transferred_on_time", TRUE, 50, 1, 2);
  assert_figure (r, "accepted_on_time", TRUE, 50, 1, 2);
  /* B and E by their promise; C's reply was undone by reopening, D is not due. */
  assert_figure (r, "replied_on_time", TRUE, 100, 2, 2);
  assert_figure (r, "handling_mean_hours", TRUE, (0.5 + 8 + 8 + 6) / 4, 0, 0);
  assert_figure (r, "handling_p90_hours", TRUE, 8, 0, 0);
  assert_figure (r, "callback_coverage", TRUE, 100, 1, 1);
  assert_figure (r, "satisfaction_mean", TRUE, 5, 0, 0);
  assert_figure (r, "satisfied_share", TRUE, 100, 1, 1);
  g_assert_cmpuint (r->total.satisfaction[5], ==, 1);
  assert_figure (r, "reopened", TRUE, 1, 0, 0);
  /* 问题解决率 (domain §8): A answered, B and E replied (B scored 5); C
   * scored 2 and was reopened, D is open. */
  assert_figure (r, "resolved", TRUE, 60, 3, 5);
  /* 矛盾升级: the one complaint (C) was not escalated. */
  assert_figure (r, "complaints_escalated", TRUE, 0, 0, 1);
  assert_figure (r, "repeat_complaints", TRUE, 1, 0, 0);
  assert_figure (r, "findings_confirmed", TRUE, 2, 0, 0);
  assert_figure (r, "findings_open", TRUE, 1, 0, 0);
  assert_figure (r, "admonishments", TRUE, 1, 0, 0);
  assert_figure (r, "warnings", TRUE, 0, 0, 0);
  g_assert_cmpuint (rule_count (r, "late_transfer", SW_FINDING_CONFIRMED), ==, 1);
  g_assert_cmpuint (rule_count (r, "late_accept", SW_FINDING_DISMISSED), ==, 1);
  g_assert_cmpuint (rule_count (r, "repeat_complaint", SW_FINDING_OPEN), ==, 1);
  g_assert_cmpuint (rule_count (r, "forbidden_phrase", SW_FINDING_OPEN), ==, 0);

  g_assert_cmpuint (r->months->len, ==, 1);
  g_assert_cmpuint (((SwReportMonth *) g_ptr_array_index (r->months, 0))->tally.received, ==, 5);

  /* Each case counts once, for the department responsible for it: CORP
   * handled B and D, RETAIL kept A, C and E; the departments add up to
   * the branch. */
  g_assert_cmpuint (dept (r, "RETAIL")->tally.received, ==, 3);
  g_assert_cmpuint (dept (r, "CORP")->tally.received, ==, 2);
  g_assert_cmpuint (dept (r, "LOAN")->tally.received, ==, 0);
  assert_adds_up (r);
  /* Two and three cases: too few to rate under the shipped policy. */
  g_assert_cmpint (dept (r, "CORP")->rating, ==, SW_RATING_TOO_FEW);
  g_assert_cmpint (dept (r, "RETAIL")->rating, ==, SW_RATING_TOO_FEW);
  g_assert_nonnull (strstr (dept (r, "CORP")->rating_reason, "2 cases"));
  g_assert_cmpuint (dept (r, "RETAIL")->tally.admonishments, ==, 1);
  g_assert_cmpint (r->rating, ==, SW_RATING_NONE);
}

static void
test_department (SwFixture *fx, gconstpointer data)
{
  g_autoptr(SwReport) corp = NULL, retail = NULL;
  g_autoptr(GError) error = NULL;

  acct_populate (fx);
  corp = acct_report (fx, "CORP", NULL);
  g_assert_cmpstr (corp->scope_name, ==, "公司业务部");
  assert_figure (corp, "received", TRUE, 2, 0, 0);
  assert_figure (corp, "answered_on_spot", TRUE, 0, 0, 2);
  assert_figure (corp, "replied_on_time", TRUE, 100, 1, 1);
  assert_figure (corp, "handling_mean_hours", TRUE, 8, 0, 0);
  assert_figure (corp, "findings_confirmed", TRUE, 0, 0, 0);
  g_assert_cmpuint (rule_count (corp, "late_accept", SW_FINDING_DISMISSED), ==, 1);
  g_assert_cmpint (corp->rating, ==, SW_RATING_TOO_FEW);
  g_assert_cmpuint (corp->departments->len, ==, 1);

  /* With the minimums lowered, CORP (on time, B called back and scored 5)
   * is excellent. */
  set_policy (fx, "rating.min_cases", "1");
  set_policy (fx, "rating.min_callbacks", "1");
  g_clear_pointer (&corp, sw_report_free);
  corp = acct_report (fx, "CORP", NULL);
  assert_figure (corp, "callback_coverage", TRUE, 100, 1, 1);
  g_assert_cmpint (corp->rating, ==, SW_RATING_EXCELLENT);

  /* The thresholds are policies: two findings make RETAIL incompetent. */
  set_policy (fx, "rating.incompetent_findings", "2");
  set_policy (fx, "rating.min_callbacks", "0");
  retail = acct_report (fx, "RETAIL", NULL);
  assert_figure (retail, "findings_confirmed", TRUE, 2, 0, 0);
  g_assert_cmpint (retail->rating, ==, SW_RATING_INCOMPETENT);
  g_assert_nonnull (strstr (retail->rating_reason, "2 confirmed violations"));
}

/* A department that replied on time but never called back (issue 14: it
 * was rated excellent on "satisfied 100 %" of nothing): a figure without
 * data never counts towards excellent, and the callback share is rated. */
static void
test_no_callbacks (SwFixture *fx, gconstpointer data)
{
  g_autoptr(SwReport) r = NULL;
  g_autoptr(GError) error = NULL;

  acct_at (fx, "2026-11-23T10:00");
  for (int i = 0; i < 3; i++)
    {
      g_autofree char *phone = g_strdup_printf ("1391111100%d", i);
      g_autoptr(SwCase) c = acct_register (fx, "N01", SW_CHANNEL_VISIT, SW_KIND_BUSINESS, phone);
      g_autoptr(SwCase) h = sw_ops_handle (fx->store, "N01", sw_case_get_id (c), SW_SCOPE_OWN, &error);
      g_autoptr(SwCase) done = NULL;

      g_assert_no_error (error);
      done = sw_ops_reply (fx->store, "N01", sw_case_get_id (c), "已办理", &error);
      g_assert_no_error (error);
    }
  set_policy (fx, "rating.min_cases", "1");
  set_policy (fx, "rating.min_callbacks", "0");
  r = acct_report (fx, "LOAN", NULL);
  assert_figure (r, "received", TRUE, 3, 0, 0);
  assert_figure (r, "replied_on_time", TRUE, 100, 3, 3);
  assert_figure (r, "callback_coverage", TRUE, 0, 0, 3);
  assert_figure (r, "satisfied_share", FALSE, 0, 0, 0);
  g_assert_cmpint (r->rating, ==, SW_RATING_INCOMPETENT);   /* called back 0 % < 50 % */
  g_assert_nonnull (strstr (r->rating_reason, "no data"));

  /* Even when not calling back is tolerated, satisfaction without data is
   * no ground for excellent. */
  set_policy (fx, "rating.incompetent_callback_pct", "0");
  g_clear_pointer (&r, sw_report_free);
  r = acct_report (fx, "LOAN", NULL);
  g_assert_cmpint (r->rating, ==, SW_RATING_COMPETENT);

  /* Too few callbacks: not rated. */
  set_policy (fx, "rating.min_callbacks", "1");
  g_clear_pointer (&r, sw_report_free);
  r = acct_report (fx, "LOAN", NULL);
  g_assert_cmpint (r->rating, ==, SW_RATING_TOO_FEW);
  g_assert_cmpstr (sw_rating_label (r->rating), ==, "Not rated (too few cases)");
}

static void
test_person (SwFixture *fx, gconstpointer data)
{
  g_autoptr(SwReport) r = NULL;
  g_autoptr(GError) error = NULL;
  SwReportQuery bad = { .from = 2, .to = 1 };

  acct_populate (fx);
  r = acct_report (fx, NULL, "R02");
  g_assert_cmpstr (r->scope, ==, "person");
  assert_figure (r, "received", TRUE, 2, 0, 0);
  assert_figure (r, "replied_on_time", TRUE, 100, 1, 1);
  assert_figure (r, "callback_coverage", FALSE, 0, 0, 0);
  assert_figure (r, "satisfaction_mean", FALSE, 0, 0, 0);
  assert_figure (r, "findings_confirmed", TRUE, 1, 0, 0);
  assert_figure (r, "repeat_complaints", TRUE, 1, 0, 0);
  assert_figure (r, "admonishments", TRUE, 0, 0, 0);
  g_assert_cmpuint (r->departments->len, ==, 0);

  g_assert_null (sw_report_new (fx->store, &bad, &error));
  g_assert_nonnull (error);
}

/* The seeds' missing figures (issue 14 item 3): the share of complaints
 * escalated to a leader (矛盾升级) over the complaints only, counted for the
 * department handling them; a department without complaints has "no data"
 * for it, which the same department with complaints does not. */
static void
test_escalated (SwFixture *fx, gconstpointer data)
{
  g_autoptr(SwReport) r = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) query = NULL;
  g_autofree char *text = NULL;

  acct_at (fx, "2026-11-23T10:00");
  query = acct_register (fx, "N01", SW_CHANNEL_VISIT, SW_KIND_QUERY, "13911112000");
  r = acct_report (fx, "LOAN", NULL);
  assert_figure (r, "complaints_escalated", FALSE, 0, 0, 0);
  text = sw_figure_format (sw_report_get_figure (r, "complaints_escalated"));
  g_assert_cmpstr (text, ==, "no data");
  assert_figure (r, "resolved", TRUE, 0, 0, 1);

  for (int i = 0; i < 2; i++)
    {
      g_autofree char *phone = g_strdup_printf ("1391111200%d", i + 1);
      g_autoptr(SwCase) c = acct_register (fx, "N01", SW_CHANNEL_VISIT, SW_KIND_COMPLAINT, phone);
      g_autoptr(SwCase) h = sw_ops_handle (fx->store, "N01", sw_case_get_id (c), SW_SCOPE_OWN, &error);

      g_assert_no_error (error);
      if (i == 0)
        {
          g_autoptr(SwCase) up = sw_ops_escalate (fx->store, "N01", sw_case_get_id (c), "RH", "客户要求行领导处理", &error);
          g_assert_no_error (error);
        }
    }
  g_clear_pointer (&r, sw_report_free);
  r = acct_report (fx, "LOAN", NULL);
  assert_figure (r, "complaints_escalated", TRUE, 50, 1, 2);
  g_assert_nonnull (strstr (sw_report_get_figure (r, "replied_on_time")->label, "promised"));
  g_clear_pointer (&r, sw_report_free);
  r = acct_report (fx, NULL, NULL);
  assert_figure (r, "complaints_escalated", TRUE, 50, 1, 2);
  assert_adds_up (r);
}

/* The 90th percentile (nearest rank) and the mean of many handling times,
 * with ties and in any order, as a sort would give them. */
static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static void
test_percentile (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (17);

  for (guint n = 1; n <= 300; n += 7)
    for (guint spread = 1; spread <= 1000; spread *= 10)
      {
        SwReportTally t = { 0 };
        g_autoptr(GArray) sorted = g_array_new (FALSE, FALSE, sizeof (double));
        g_autoptr(GPtrArray) figures = NULL;
        double sum = 0;

        t.handling_hours = g_array_new (FALSE, FALSE, sizeof (double));
        for (guint i = 0; i < n; i++)
          {
            /* ascending, descending or shuffled */
            double h = spread == 10 ? (double) (i % 13) : spread == 100 ? (double) (n - i) : g_rand_int_range (rand, 0, (gint32) spread);
            g_array_append_val (t.handling_hours, h);
            g_array_append_val (sorted, h);
            sum += h;
          }
        g_array_sort (sorted, compare_double);
        figures = sw_report_tally_figures (&t);
        for (guint i = 0; i < figures->len; i++)
          {
            const SwFigure *f = g_ptr_array_index (figures, i);
            if (g_str_equal (f->key, "handling_p90_hours"))
              g_assert_cmpfloat (f->value, ==, g_array_index (sorted, double, (guint) ceil (0.9 * n) - 1));
            else if (g_str_equal (f->key, "handling_mean_hours"))
              g_assert_cmpfloat_with_epsilon (f->value, sum / n, 1e-9);
          }
        g_array_unref (t.handling_hours);
      }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(name, fn) g_test_add (name, SwFixture, NULL, sw_fixture_setup, fn, sw_fixture_teardown)
  ADD ("/report/branch", test_branch);
  ADD ("/report/department", test_department);
  ADD ("/report/person", test_person);
  ADD ("/report/no-callbacks", test_no_callbacks);
  ADD ("/report/escalated", test_escalated);
  g_test_add_func ("/report/percentile", test_percentile);
  return g_test_run ();
}
