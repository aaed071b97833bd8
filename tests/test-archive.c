/* test-archive.c — the archive's one query (sw-store-query.c): every
 * filter against a count made by hand over the cases, the text search
 * through the trigram index and, below three characters, with LIKE, and
 * pages by keyset that return every case once, in order.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-store-private.h"
#include "sw-test-fixture.h"

#define N_CASES 60

static const char *const contents[] = {
  "咨询个人住房贷款提前还款的手续", "信用卡挂失后补办新卡", "投诉柜台排队时间过长", "查询对公账户流水",
};
static const char *const names[] = { "张三", "李四", "王五", "赵六" };

/* N_CASES cases, three at each instant (ties broken by number), kinds,
 * channels and contents in turn; every fifth a callback score in SQL. */
static void
populate (SwFixture *fx)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < N_CASES; i++)
    {
      g_autofree char *phone = g_strdup_printf ("1391111%04u", i);
      SwRegistration reg = {
        .channel = i % 2 ? SW_CHANNEL_PHONE : SW_CHANNEL_VISIT,
        .kind = i % 3 ? SW_KIND_QUERY : SW_KIND_COMPLAINT,
        .content = contents[i % G_N_ELEMENTS (contents)],
        .received_by = "R01", .customer_name = names[i % G_N_ELEMENTS (names)],
        .customer_phone = phone,
      };
      g_autoptr(SwCase) c = NULL;

      sw_store_set_now (fx->store, sw_test_time ("2026-01-05T10:00:00") + (gint64) (i / 3) * 7 * 24 * 3600 * 1000);
      c = sw_ops_register (fx->store, "R01", &reg, &error);
      g_assert_no_error (error);
    }
  sw_test_exec_sql (fx->path, "UPDATE cases SET satisfaction = 1 + (rowid % 5) WHERE rowid % 5 IN (0, 1)");
  sw_store_set_now (fx->store, sw_test_time ("2026-12-01T10:00:00"));
}

static guint
count (SwFixture         *fx,
       const SwCaseQuery *q)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = sw_store_list_cases (fx->store, q, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (list);
}

static guint
count_sql (SwFixture  *fx,
           const char *where)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM cases c LEFT JOIN case_contacts k"
                                          " ON k.case_id = c.id WHERE %s", where);
  g_autofree char *n = sw_test_query_text (fx->path, sql);
  return (guint) g_ascii_strtoull (n, NULL, 10);
}

static void
test_filters (SwFixture     *fx,
              gconstpointer  data)
{
  SwCaseQuery q = SW_CASE_QUERY_INIT;
  g_autofree char *overdue = NULL;

  populate (fx);
  g_assert_cmpuint (count (fx, &q), ==, N_CASES);
  q.kind = SW_KIND_COMPLAINT;
  g_assert_cmpuint (count (fx, &q), ==, N_CASES / 3);
  q.channel = SW_CHANNEL_PHONE;
  g_assert_cmpuint (count (fx, &q), ==, count_sql (fx, "kind = 'complaint' AND channel = 'phone'"));
  q = (SwCaseQuery) SW_CASE_QUERY_INIT;
  q.received_from = sw_test_time ("2026-02-01T00:00");
  q.received_to = sw_test_time ("2026-03-01T00:00");
  g_assert_cmpuint (count (fx, &q), ==, count_sql (fx, "received_at >= 1769875200000 AND received_at < 1772294400000"));
  g_assert_cmpuint (count (fx, &q), ==, 12);   /* four weeks of February, three a week */
  q = (SwCaseQuery) SW_CASE_QUERY_INIT;
  q.satisfaction_min = 1;
  q.satisfaction_max = 2;
  g_assert_cmpuint (count (fx, &q), ==, count_sql (fx, "satisfaction BETWEEN 1 AND 2"));
  g_assert_cmpuint (count (fx, &q), >, 0);
  q.satisfaction_min = 5;
  q.satisfaction_max = 5;
  g_assert_cmpuint (count (fx, &q), ==, count_sql (fx, "satisfaction = 5"));
  q = (SwCaseQuery) SW_CASE_QUERY_INIT;
  q.branch = "BJ01";
  g_assert_cmpuint (count (fx, &q), ==, N_CASES);
  q.branch = "SH01";
  g_assert_cmpuint (count (fx, &q), ==, 0);
  overdue = g_strdup_printf ("state <> 'closed' AND due_at > 0 AND due_at < %" G_GINT64_FORMAT,
                             sw_test_time ("2026-12-01T10:00:00"));
  g_assert_cmpuint (count_sql (fx, overdue), ==, N_CASES);
  q = (SwCaseQuery) SW_CASE_QUERY_INIT;
  q.overdue_only = TRUE;   /* none answered: every case is past its deadline by December */
  g_assert_cmpuint (count (fx, &q), ==, count_sql (fx, overdue));
  q.person = "R02";
  g_assert_cmpuint (count (fx, &q), ==, 0);
  q.person = "R01";
  q.department = "RETAIL";
  g_assert_cmpuint (count (fx, &q), ==, count_sql (fx, overdue));
}

static void
test_text (SwFixture     *fx,
           gconstpointer  data)
{
  SwCaseQuery q = SW_CASE_QUERY_INIT;

  populate (fx);
  /* two characters: below the trigram's three, matched with LIKE */
  q.text = "贷款";
  g_assert_cmpuint (count (fx, &q), ==, N_CASES / 4);
  q.text = "挂失";
  g_assert_cmpuint (count (fx, &q), ==, N_CASES / 4);
  q.text = "李四";      /* the customer's name */
  g_assert_cmpuint (count (fx, &q), ==, N_CASES / 4);
  q.text = "张";        /* one character */
  g_assert_cmpuint (count (fx, &q), ==, N_CASES / 4);
  q.text = "%";         /* LIKE's wildcards are plain text */
  g_assert_cmpuint (count (fx, &q), ==, 0);
  q.text = "_";
  g_assert_cmpuint (count (fx, &q), ==, 0);
  /* three and more: the trigram index */
  q.text = "提前还款";
  g_assert_cmpuint (count (fx, &q), ==, N_CASES / 4);
  q.text = "13911110007";  /* a phone */
  g_assert_cmpuint (count (fx, &q), ==, 1);
  q.text = "排队时间过长";
  q.kind = SW_KIND_COMPLAINT;
  g_assert_cmpuint (count (fx, &q), ==, count_sql (fx, "content LIKE '%排队%' AND kind = 'complaint'"));
  q.text = "\"引号\"";
  q.kind = -1;
  g_assert_cmpuint (count (fx, &q), ==, 0);

  /* a page of a longer text walks the rows; stopped at once, it asks the
   * index: the same cases either way */
  q.kind = -1;
  q.limit = 4;
  for (guint k = 0; k < 2; k++)
    {
      static const char *const texts[] = { "提前还款", "13911110007", "赵六", "排队时间" };

      _sw_store_set_walk_time (k == 0 ? G_USEC_PER_SEC : 0);
      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        {
          SwCaseQuery page = q, whole = SW_CASE_QUERY_INIT;
          g_autoptr(GError) error = NULL;
          g_autoptr(GListModel) a = NULL, b = NULL;

          page.text = whole.text = texts[t];
          a = sw_store_list_cases (fx->store, &page, &error);
          b = sw_store_list_cases (fx->store, &whole, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (g_list_model_get_n_items (a), ==, MIN (4, g_list_model_get_n_items (b)));
          for (guint i = 0; i < g_list_model_get_n_items (a); i++)
            {
              g_autoptr(SwCase) x = g_list_model_get_item (a, i);
              g_autoptr(SwCase) y = g_list_model_get_item (b, i);
              g_assert_cmpstr (sw_case_get_id (x), ==, sw_case_get_id (y));
            }
        }
    }
  _sw_store_set_walk_time (25000);
}

/* Pages of 7 by keyset: every case once, newest first, the same order as
 * the whole list, with three cases at each instant. */
static void
test_pages (SwFixture     *fx,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SwCaseQuery all = SW_CASE_QUERY_INIT;
  g_autoptr(GListModel) whole = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *after_number = NULL, *after_id = NULL;
  guint n = 0, pages = 0;

  populate (fx);
  whole = sw_store_list_cases (fx->store, &all, &error);
  g_assert_no_error (error);
  for (;;)
    {
      SwCaseQuery q = SW_CASE_QUERY_INIT;
      g_autoptr(GListModel) page = NULL;
      guint len;

      q.limit = 7;
      q.after_number = after_number;
      q.after_id = after_id;
      if (after_number != NULL)
        {
          g_autoptr(SwCase) last = g_list_model_get_item (whole, n - 1);
          q.after_received_at = sw_case_get_received_at (last);
        }
      page = sw_store_list_cases (fx->store, &q, &error);
      g_assert_no_error (error);
      len = g_list_model_get_n_items (page);
      for (guint i = 0; i < len; i++)
        {
          g_autoptr(SwCase) c = g_list_model_get_item (page, i);
          g_autoptr(SwCase) expected = g_list_model_get_item (whole, n);

          g_assert_true (g_hash_table_add (seen, g_strdup (sw_case_get_id (c))));
          g_assert_cmpstr (sw_case_get_id (c), ==, sw_case_get_id (expected));
          n++;
          if (i + 1 == len)
            {
              g_free (after_number);
              g_free (after_id);
              after_number = g_strdup (sw_case_get_number (c));
              after_id = g_strdup (sw_case_get_id (c));
            }
        }
      pages++;
      if (len < 7)
        break;
    }
  g_assert_cmpuint (n, ==, N_CASES);
  g_assert_cmpuint (pages, ==, N_CASES / 7 + 1);
  /* newest first */
  for (guint i = 1; i < N_CASES; i++)
    {
      g_autoptr(SwCase) a = g_list_model_get_item (whole, i - 1);
      g_autoptr(SwCase) b = g_list_model_get_item (whole, i);
      g_assert_cmpint (sw_case_get_received_at (a), >=, sw_case_get_received_at (b));
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/archive/filters", SwFixture, NULL, sw_fixture_setup, test_filters, sw_fixture_teardown);
  g_test_add ("/archive/text", SwFixture, NULL, sw_fixture_setup, test_text, sw_fixture_teardown);
  g_test_add ("/archive/pages", SwFixture, NULL, sw_fixture_setup, test_pages, sw_fixture_teardown);
  return g_test_run ();
}
