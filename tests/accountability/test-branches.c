/* test-branches.c — a head office's comparison: the hand-computed week of
 * acct-fixture.c in branch BJ01, and cases of two more branches (SH01, GZ01)
 * registered by their own staff; each branch's figures side by side equal
 * that branch's own report, the whole is the sum of its branches where it
 * is a sum, and the cases behind a figure are listed.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "acct-fixture.h"
#include "sw-error.h"

#define DO(call) G_STMT_START { g_autoptr(GError) _e = NULL; g_autoptr(SwCase) _c = (call); \
                                g_assert_no_error (_e); g_assert_nonnull (_c); } G_STMT_END
#define ERR (&_e)

static void
add_branch (SwFixture  *fx,
            const char *code,
            const char *name,
            const char *department,
            const char *empno)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwBranch) b = sw_branch_new (code, name);
  g_autoptr(SwDepartment) d = sw_department_new (department, "营业部");
  g_autoptr(SwStaff) s = sw_staff_new (empno, "柜员");

  g_assert_true (sw_store_put_branch (fx->store, b, &error));
  g_object_set (d, "branch-code", code, NULL);
  g_assert_true (sw_store_put_department (fx->store, d, &error));
  g_object_set (s, "department-code", department, "rank", 2, "role", SW_ROLE_STAFF, NULL);
  g_assert_true (sw_store_put_staff (fx->store, s, &error));
  g_assert_no_error (error);
}

/* BJ01: the week A–E. SH01: two cases, one answered on the spot, one
 * replied and called back (4). GZ01: one case, open. */
static char *sh_answered, *sh_replied, *gz_open;

static void
populate (SwFixture *fx)
{
  g_autoptr(SwCase) a = NULL, b = NULL, c = NULL;

  acct_populate (fx);
  add_branch (fx, "SH01", "上海分行", "SHOP", "S01");
  add_branch (fx, "GZ01", "广州分行", "GZOP", "G01");
  acct_at (fx, "2026-11-25T11:00");
  a = acct_register (fx, "S01", SW_CHANNEL_VISIT, SW_KIND_CONSULTATION, "13922220001");
  b = acct_register (fx, "S01", SW_CHANNEL_PHONE, SW_KIND_COMPLAINT, "13922220002");
  c = acct_register (fx, "G01", SW_CHANNEL_VISIT, SW_KIND_QUERY, "13933330001");
  g_assert_cmpstr (sw_case_get_branch_code (a), ==, "SH01");
  g_assert_cmpstr (sw_case_get_branch_code (c), ==, "GZ01");
  DO (sw_ops_answer (fx->store, "S01", sw_case_get_id (a), "已当场解答", ERR));
  DO (sw_ops_handle (fx->store, "S01", sw_case_get_id (b), SW_SCOPE_OWN, ERR));
  acct_at (fx, "2026-11-25T15:00");
  DO (sw_ops_reply (fx->store, "S01", sw_case_get_id (b), "已处理", ERR));
  acct_at (fx, "2026-11-26T10:00");
  DO (sw_ops_callback (fx->store, "S01", sw_case_get_id (b), 4, "满意", ERR));
  g_free (sh_answered);
  g_free (sh_replied);
  g_free (gz_open);
  sh_answered = g_strdup (sw_case_get_id (a));
  sh_replied = g_strdup (sw_case_get_id (b));
  gz_open = g_strdup (sw_case_get_id (c));
  acct_at (fx, "2026-11-27T10:00");
}

static SwReport *
report (SwFixture  *fx,
        const char *branch,
        gboolean    by_branch)
{
  g_autoptr(GError) error = NULL;
  SwReportQuery q = { .from = sw_test_time ("2026-11-23T00:00"), .to = sw_test_time ("2026-11-30T00:00"),
                      .branch = branch, .by_branch = by_branch };
  SwReport *r = sw_report_new (fx->store, &q, &error);

  g_assert_no_error (error);
  g_assert_nonnull (r);
  return r;
}

static SwReportBranch *
column (SwReport   *r,
        const char *code)
{
  for (guint i = 0; i < r->branches->len; i++)
    {
      SwReportBranch *rb = g_ptr_array_index (r->branches, i);
      if (g_str_equal (rb->code, code))
        return rb;
    }
  g_assert_not_reached ();
}

static const char *const codes[] = { "BJ01", "GZ01", "SH01" };

static void
test_sums (SwFixture     *fx,
           gconstpointer  data)
{
  g_autoptr(SwReport) all = NULL;

  populate (fx);
  all = report (fx, NULL, TRUE);
  g_assert_cmpstr (all->scope, ==, "branches");
  g_assert_cmpuint (all->branches->len, ==, 3);
  g_assert_cmpuint (sw_report_get_figure (all, "received")->value, ==, 8);
  g_assert_cmpuint (column (all, "BJ01")->tally.received, ==, 5);
  g_assert_cmpuint (column (all, "SH01")->tally.received, ==, 2);
  g_assert_cmpuint (column (all, "GZ01")->tally.received, ==, 1);
  g_assert_cmpstr (column (all, "SH01")->name, ==, "上海分行");

  /* counts add up; shares add up by their numerators and denominators */
  for (guint i = 0; i < all->figures->len; i++)
    {
      const SwFigure *whole = g_ptr_array_index (all->figures, i);
      double sum = 0;
      guint num = 0, den = 0;

      for (guint b = 0; b < G_N_ELEMENTS (codes); b++)
        {
          const SwFigure *f = sw_report_branch_figure (column (all, codes[b]), whole->key);
          g_assert_nonnull (f);
          sum += f->value;
          num += f->numerator;
          den += f->denominator;
        }
      if (whole->unit == SW_FIGURE_COUNT)
        g_assert_cmpfloat_with_epsilon (sum, whole->value, 1e-9);
      else if (whole->unit == SW_FIGURE_PERCENT)
        {
          g_assert_cmpuint (num, ==, whole->numerator);
          g_assert_cmpuint (den, ==, whole->denominator);
        }
      else
        g_assert_cmpuint (den, ==, whole->denominator);
    }
  /* the months of each branch add up to its cases */
  for (guint b = 0; b < G_N_ELEMENTS (codes); b++)
    {
      SwReportBranch *rb = column (all, codes[b]);
      guint n = 0;

      g_assert_cmpuint (rb->months->len, ==, all->months->len);
      for (guint m = 0; m < rb->months->len; m++)
        n += ((SwReportMonth *) g_ptr_array_index (rb->months, m))->tally.received;
      g_assert_cmpuint (n, ==, rb->tally.received);
    }
  /* the findings and the admonishment are BJ01's */
  g_assert_cmpuint (column (all, "BJ01")->tally.findings_confirmed, ==, all->total.findings_confirmed);
  g_assert_cmpuint (column (all, "BJ01")->tally.admonishments, ==, 1);
  g_assert_cmpuint (column (all, "SH01")->tally.findings_confirmed, ==, 0);
}

/* Each branch's column is that branch's own report, figure by figure. */
static void
test_same_definitions (SwFixture     *fx,
                       gconstpointer  data)
{
  g_autoptr(SwReport) all = NULL;

  populate (fx);
  all = report (fx, NULL, TRUE);
  for (guint b = 0; b < G_N_ELEMENTS (codes); b++)
    {
      g_autoptr(SwReport) own = report (fx, codes[b], FALSE);
      SwReportBranch *rb = column (all, codes[b]);

      g_assert_cmpstr (own->scope, ==, "branch");
      g_assert_cmpstr (own->scope_code, ==, codes[b]);
      g_assert_cmpuint (own->figures->len, ==, rb->figures->len);
      for (guint i = 0; i < own->figures->len; i++)
        {
          const SwFigure *x = g_ptr_array_index (own->figures, i);
          const SwFigure *y = sw_report_branch_figure (rb, x->key);

          g_assert_cmpint (x->available, ==, y->available);
          g_assert_cmpfloat_with_epsilon (x->value, y->value, 1e-9);
          g_assert_cmpuint (x->numerator, ==, y->numerator);
          g_assert_cmpuint (x->denominator, ==, y->denominator);
        }
      /* drilled down: only the branch's departments */
      for (guint i = 0; i < own->departments->len; i++)
        {
          SwReportDepartment *d = g_ptr_array_index (own->departments, i);
          g_autoptr(SwDepartment) dep = sw_store_get_department (fx->store, d->code);
          g_assert_cmpstr (sw_department_get_branch_code (dep), ==, codes[b]);
        }
    }
  {
    g_autoptr(SwReport) sh = report (fx, "SH01", FALSE);
    g_assert_cmpuint (sh->departments->len, ==, 1);
    g_assert_cmpuint (((SwReportDepartment *) g_ptr_array_index (sh->departments, 0))->tally.received, ==, 2);
    /* the branch's own report is its figures, not the device's whole */
    g_assert_cmpuint (sw_report_get_figure (sh, "received")->value, ==, 2);
  }
  {
    g_autoptr(GError) error = NULL;
    SwReportQuery q = { .from = 1, .to = 2, .branch = "XX99" };
    g_autoptr(SwReport) none = sw_report_new (fx->store, &q, &error);
    g_assert_error (error, SW_ERROR, SW_ERROR_NOT_FOUND);
    g_assert_null (none);
  }
}

static void
test_ranking (SwFixture     *fx,
              gconstpointer  data)
{
  g_autoptr(SwReport) all = NULL;
  g_autoptr(GPtrArray) by_received = NULL, by_hours = NULL, by_satisfied = NULL;

  populate (fx);
  all = report (fx, NULL, TRUE);
  by_received = sw_report_rank_branches (all, "received");
  g_assert_cmpstr (((SwReportBranch *) g_ptr_array_index (by_received, 0))->code, ==, "BJ01");
  g_assert_cmpstr (((SwReportBranch *) g_ptr_array_index (by_received, 1))->code, ==, "SH01");
  g_assert_cmpstr (((SwReportBranch *) g_ptr_array_index (by_received, 2))->code, ==, "GZ01");
  /* satisfied share: higher first, ties by code; GZ01 has no callbacks
   * and comes last */
  by_satisfied = sw_report_rank_branches (all, "satisfied_share");
  {
    const SwFigure *first = sw_report_branch_figure (g_ptr_array_index (by_satisfied, 0), "satisfied_share");
    const SwFigure *second = sw_report_branch_figure (g_ptr_array_index (by_satisfied, 1), "satisfied_share");
    g_assert_true (first->available && second->available);
    g_assert_cmpfloat (first->value, >=, second->value);
    g_assert_cmpfloat (sw_report_branch_figure (column (all, "SH01"), "satisfied_share")->value, ==, 100);
  }
  g_assert_cmpstr (((SwReportBranch *) g_ptr_array_index (by_satisfied, 2))->code, ==, "GZ01");
  /* handling hours: less is better */
  by_hours = sw_report_rank_branches (all, "handling_mean_hours");
  {
    const SwFigure *first = sw_report_branch_figure (g_ptr_array_index (by_hours, 0), "handling_mean_hours");
    const SwFigure *second = sw_report_branch_figure (g_ptr_array_index (by_hours, 1), "handling_mean_hours");
    g_assert_true (first->available && second->available);
    g_assert_cmpfloat (first->value, <=, second->value);
  }
}

static gboolean
holds (GPtrArray  *ids,
       const char *id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_str_equal (g_ptr_array_index (ids, i), id))
      return TRUE;
  return FALSE;
}

static void
test_cases_behind (SwFixture     *fx,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) received = NULL, answered = NULL, of = NULL, all = NULL, satisfied = NULL;
  g_autoptr(GPtrArray) refused = NULL;
  g_autoptr(SwReport) r = NULL;
  SwReportQuery q = { .from = sw_test_time ("2026-11-23T00:00"), .to = sw_test_time ("2026-11-30T00:00"),
                      .branch = "SH01" };

  populate (fx);
  received = sw_report_cases_behind (fx->store, &q, "received", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (received->len, ==, 2);
  g_assert_true (holds (received, sh_answered) && holds (received, sh_replied));
  answered = sw_report_cases_behind (fx->store, &q, "answered_on_spot", FALSE, &error);
  g_assert_cmpuint (answered->len, ==, 1);
  g_assert_true (holds (answered, sh_answered));
  of = sw_report_cases_behind (fx->store, &q, "answered_on_spot", TRUE, &error);
  g_assert_cmpuint (of->len, ==, 2);
  satisfied = sw_report_cases_behind (fx->store, &q, "satisfied_share", FALSE, &error);
  g_assert_cmpuint (satisfied->len, ==, 1);
  g_assert_true (holds (satisfied, sh_replied));

  /* every branch: as many as the figure says */
  q.branch = NULL;
  r = report (fx, NULL, TRUE);
  all = sw_report_cases_behind (fx->store, &q, "replied_on_time", TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, sw_report_get_figure (r, "replied_on_time")->denominator);
  g_assert_false (holds (all, gz_open));

  /* violations are not made of cases */
  refused = sw_report_cases_behind (fx->store, &q, "findings_confirmed", FALSE, &error);
  g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
  g_assert_null (refused);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/branches/sums", SwFixture, NULL, sw_fixture_setup, test_sums, sw_fixture_teardown);
  g_test_add ("/branches/same-definitions", SwFixture, NULL, sw_fixture_setup, test_same_definitions, sw_fixture_teardown);
  g_test_add ("/branches/ranking", SwFixture, NULL, sw_fixture_setup, test_ranking, sw_fixture_teardown);
  g_test_add ("/branches/cases-behind", SwFixture, NULL, sw_fixture_setup, test_cases_behind, sw_fixture_teardown);
  return g_test_run ();
}
