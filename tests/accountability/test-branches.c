/* test-branches.c — a head office's comparison: the hand-computed week of
 * acct-fixture.c in branch BJ01, and cases of two more branches (SH01, GZ01)
 * registered by their own staff; each branch's figures side by side equal
 * that branch's own report, the whole is the sum of its branches where it
 * is a sum, and the cases behind a figure are listed, as many as the
 * figure says; the trend per branch is the report's months; the figures
 * read as a Chinese reader writes them (in zh_CN).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "acct-fixture.h"
#include "sw-error.h"
#include "sw-export.h"

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

/* A figure without data reads 无数据, never 0.0 小时; a share's counts
 * stand in full-width brackets, in the figure and in the export. */
static void
test_texts (SwFixture     *fx,
            gconstpointer  data)
{
  g_autoptr(SwReport) all = NULL;
  g_autofree char *hours = NULL, *share = NULL, *csv = NULL;

  populate (fx);
  all = report (fx, NULL, TRUE);
  /* GZ01's one case is open: no handling time */
  hours = sw_figure_format (sw_report_branch_figure (column (all, "GZ01"), "handling_mean_hours"));
  g_assert_cmpstr (hours, ==, "无数据");
  share = sw_figure_format (sw_report_branch_figure (column (all, "SH01"), "answered_on_spot"));
  g_assert_cmpstr (share, ==, "50.0%（1/2）");
  csv = sw_export_branches_csv (all, "replied_on_time");
  g_assert_nonnull (strstr (csv, "50.0%（1/2）"));
  g_assert_null (strstr (csv, "(1/2)"));
  {
    /* GZ01's row of the comparison */
    g_auto(GStrv) lines = g_strsplit (csv, "\n", -1);
    gboolean seen = FALSE;

    for (guint i = 0; lines[i] != NULL; i++)
      if (strstr (lines[i], ",GZ01,") != NULL && strstr (lines[i], "%") != NULL)
        {
          g_assert_nonnull (strstr (lines[i], "无数据"));
          g_assert_null (strstr (lines[i], "0.0 小时"));
          seen = TRUE;
        }
    g_assert_true (seen);
  }
}

/* The trend is each month by the report's definitions: the months add up
 * to the branch's count, and a month's share is that month's tally. */
static void
test_trend (SwFixture     *fx,
            gconstpointer  data)
{
  g_autoptr(SwReport) all = NULL;
  g_autofree char *csv = NULL;
  const char *only[] = { "SH01", NULL };

  populate (fx);
  all = report (fx, NULL, TRUE);
  for (guint b = 0; b < G_N_ELEMENTS (codes); b++)
    {
      SwReportBranch *rb = column (all, codes[b]);
      g_autoptr(GPtrArray) received = sw_report_branch_trend (rb, "received");
      g_autoptr(GPtrArray) replied = sw_report_branch_trend (rb, "replied_on_time");
      double sum = 0;
      guint num = 0, den = 0;

      g_assert_cmpuint (received->len, ==, rb->months->len);
      for (guint m = 0; m < received->len; m++)
        {
          const SwFigure *f = g_ptr_array_index (replied, m);
          sum += ((SwFigure *) g_ptr_array_index (received, m))->value;
          num += f->numerator;
          den += f->denominator;
          g_assert_cmpint (f->available, ==, f->denominator > 0);
        }
      g_assert_cmpfloat (sum, ==, sw_report_branch_figure (rb, "received")->value);
      g_assert_cmpuint (num, ==, sw_report_branch_figure (rb, "replied_on_time")->numerator);
      g_assert_cmpuint (den, ==, sw_report_branch_figure (rb, "replied_on_time")->denominator);
      /* violations are not counted by month */
      g_assert_null (sw_report_branch_trend (rb, "findings_confirmed"));
      g_assert_null (sw_report_branch_trend (rb, "fines_yuan"));
    }
  csv = sw_export_branches_trend_csv (all, "received", only);
  g_assert_nonnull (strstr (csv, "SH01"));
  g_assert_null (strstr (csv, "BJ01"));
}

/* For every figure made of cases and every branch and department, the
 * cases it counts are as many as its numerator (a count's value), those
 * it is taken of as its denominator, those it misses the difference. */
static void
test_cases_count (SwFixture     *fx,
                  gconstpointer  data)
{
  g_autoptr(SwReport) all = NULL;

  populate (fx);
  all = report (fx, NULL, TRUE);
  for (guint b = 0; b <= G_N_ELEMENTS (codes) + all->departments->len; b++)
    {
      gboolean branch = b < G_N_ELEMENTS (codes);
      SwReportDepartment *d = branch || b == G_N_ELEMENTS (codes) + all->departments->len ? NULL
                              : g_ptr_array_index (all->departments, b - G_N_ELEMENTS (codes));
      g_autoptr(GPtrArray) figures = NULL;
      SwReportQuery q = { .from = all->from, .to = all->to };

      if (branch)
        {
          q.branch = codes[b];
          figures = g_ptr_array_ref (column (all, codes[b])->figures);
        }
      else if (d != NULL)
        {
          q.department = d->code;
          figures = sw_report_tally_figures (&d->tally);
        }
      else
        figures = g_ptr_array_ref (all->figures);
      for (guint i = 0; i < figures->len; i++)
        {
          const SwFigure *f = g_ptr_array_index (figures, i);
          g_autoptr(GError) error = NULL;
          g_autoptr(GPtrArray) counted = NULL, of = NULL, missed = NULL;

          if (!sw_report_figure_of_cases (f->key))
            continue;
          counted = sw_report_cases_which (fx->store, &q, f->key, SW_BEHIND_COUNTED, &error);
          of = sw_report_cases_which (fx->store, &q, f->key, SW_BEHIND_OF, &error);
          missed = sw_report_cases_which (fx->store, &q, f->key, SW_BEHIND_MISSED, &error);
          g_assert_no_error (error);
          g_test_message ("%s %s", q.branch ? q.branch : q.department ? q.department : "all", f->key);
          if (f->unit == SW_FIGURE_PERCENT)
            {
              g_assert_cmpuint (counted->len, ==, f->numerator);
              g_assert_cmpuint (of->len, ==, f->denominator);
              g_assert_cmpuint (missed->len, ==, f->denominator - f->numerator);
            }
          else if (f->unit == SW_FIGURE_COUNT)
            g_assert_cmpuint (counted->len, ==, (guint) f->value);
          else
            g_assert_cmpuint (counted->len, ==, f->denominator);
        }
    }
}

int
main (int argc, char **argv)
{
  /* as a Chinese head office reads the figures */
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SHOUWEN_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/branches/texts", SwFixture, NULL, sw_fixture_setup, test_texts, sw_fixture_teardown);
  g_test_add ("/branches/trend", SwFixture, NULL, sw_fixture_setup, test_trend, sw_fixture_teardown);
  g_test_add ("/branches/cases-count", SwFixture, NULL, sw_fixture_setup, test_cases_count, sw_fixture_teardown);
  g_test_add ("/branches/sums", SwFixture, NULL, sw_fixture_setup, test_sums, sw_fixture_teardown);
  g_test_add ("/branches/same-definitions", SwFixture, NULL, sw_fixture_setup, test_same_definitions, sw_fixture_teardown);
  g_test_add ("/branches/ranking", SwFixture, NULL, sw_fixture_setup, test_ranking, sw_fixture_teardown);
  g_test_add ("/branches/cases-behind", SwFixture, NULL, sw_fixture_setup, test_cases_behind, sw_fixture_teardown);
  return g_test_run ();
}
