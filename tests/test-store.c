/* test-store.c — the SQLite store: migrations from every earlier format,
 * files it must refuse without touching them, rebuilding rows from events,
 * search, backup.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include <string.h>

#include "sw-error.h"
#include "sw-store-meta.h"
#include "sw-test-fixture.h"
#include "sw-directory-private.h"

/* ------------------------------------------------------------ migrations */

/* Rows as a database of format 1 held them, before policies, the calendar
 * table and search existed. */
static const char v1_rows[] =
  "INSERT INTO meta VALUES ('branch_code', 'BJ01');"
  "INSERT INTO branches (code, name) VALUES ('BJ01', '海淀支行');"
  "INSERT INTO departments (code, name, branch_code) VALUES ('RETAIL', '个人业务部', 'BJ01');"
  "INSERT INTO staff (empno, name, department_code, rank, hire_date) VALUES ('R01', '王芳', 'RETAIL', 3, '2010-03-01');"
  "INSERT INTO cases (id, number, branch_code, channel, kind, content, received_at, owner,"
  "  owner_department, handler, handler_department, state, due_at, due_rule, event_count, updated_at, last_event_id)"
  "  VALUES ('019a0000-0000-7000-8000-000000000001', 'BJ01-A-20260901-0001', 'BJ01', 'visit', 'query',"
  "  '查询工资代发未到账的原因', 1788224400000, 'R01', 'RETAIL', 'R01', 'RETAIL', 'registered',"
  "  1788228000000, 'limit.transfer_hours', 1, 1788224400000, '019a0000-0000-7000-8000-0000000000e1');"
  "INSERT INTO case_contacts VALUES ('019a0000-0000-7000-8000-000000000001', '赵六', '13900001111', '某某公司', NULL);"
  "INSERT INTO events (id, case_id, kind, actor, at, hlc_ms, hlc_counter, device, payload) VALUES"
  "  ('019a0000-0000-7000-8000-0000000000e1', '019a0000-0000-7000-8000-000000000001', 'registered', 'R01',"
  "  1788224400000, 1788224400000, 0, 'dev', '{\"number\":\"BJ01-A-20260901-0001\",\"branch\":\"BJ01\","
  "  \"channel\":\"visit\",\"kind\":\"query\",\"content\":\"查询工资代发未到账的原因\",\"anonymous\":0,"
  "  \"signature\":0,\"received_at\":1788224400000,\"owner\":\"R01\",\"owner_department\":\"RETAIL\","
  "  \"policy_version\":0,\"due_at\":1788228000000,\"due_rule\":\"limit.transfer_hours\"}');";

static void
test_migrate_from (gconstpointer data)
{
  int from = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("shouwen-migrate-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(SwStore) old = sw_store_open_at_version (path, from, &error);
  g_autoptr(SwStore) store = NULL;
  g_autoptr(SwCase) c = NULL;
  g_autoptr(GListModel) found = NULL;
  g_autoptr(SwPolicy) policy = NULL;
  SwCaseQuery q = SW_CASE_QUERY_INIT;
  guint n = 0, changed = 99;

  g_assert_no_error (error);
  g_assert_cmpint (sw_store_get_schema_version (old), ==, from);
  g_clear_object (&old);
  sw_test_exec_sql (path, v1_rows);
  if (from >= 3)   /* from format 3 on, the store indexes a case as it writes it */
    sw_test_exec_sql (path, "INSERT INTO case_search (rowid, case_id, number, content, customer) VALUES"
                    " ((SELECT rowid FROM case_contacts), '019a0000-0000-7000-8000-000000000001',"
                    "  'BJ01-A-20260901-0001',"
                    "  '查询工资代发未到账的原因', '赵六 13900001111 某某公司');");

  store = sw_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sw_store_get_schema_version (store), ==, SW_STORE_SCHEMA_VERSION);

  c = sw_store_get_case (store, "BJ01-A-20260901-0001", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sw_case_get_content (c), ==, "查询工资代发未到账的原因");
  g_assert_cmpstr (sw_case_get_customer_name (c), ==, "赵六");

  policy = sw_store_get_policy (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sw_policy_get_int (policy, "limit.department_days"), ==, 2);

  /* rows that existed before search was added are searchable */
  q.text = "工资代发";
  found = sw_store_list_cases (store, &q, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);

  g_assert_true (sw_store_rebuild (store, &n, &changed, &error));
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (changed, ==, 0);

  g_clear_object (&store);
  sw_test_exec_sql (path, "SELECT 1");
  g_remove (path);
  g_rmdir (dir);
}

/* ------------------------------------------------------------ refused files */

typedef enum { BAD_GARBAGE, BAD_FOREIGN, BAD_TOO_NEW, BAD_TRUNCATED, BAD_PAGE } BadKind;

typedef struct {
  const char *name;
  BadKind     kind;
  int         code;
} BadFile;

static const BadFile bad_files[] = {
  { "garbage", BAD_GARBAGE, SW_ERROR_DB_FOREIGN },
  { "other-program", BAD_FOREIGN, SW_ERROR_DB_FOREIGN },
  { "newer-version", BAD_TOO_NEW, SW_ERROR_DB_TOO_NEW },
  { "truncated", BAD_TRUNCATED, SW_ERROR_DB_CORRUPT },
  { "damaged-page", BAD_PAGE, SW_ERROR_DB_CORRUPT },
};

static void
make_real_database (SwFixture *fx)
{
  for (int i = 0; i < 60; i++)
    g_object_unref (sw_fixture_register (fx, "R01", FALSE));
  g_clear_object (&fx->store);
}

static void
test_bad_file (SwFixture     *fx,
               gconstpointer  data)
{
  const BadFile *bf = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL, *wal = NULL;
  gsize len_before = 0, len_after = 0;
  SwStore *store;

  make_real_database (fx);
  switch (bf->kind)
    {
    case BAD_GARBAGE:
      g_assert_true (g_file_set_contents (fx->path, "name,phone\n张三,13800000000\n"
                                          "this is a spreadsheet, not a database\n", -1, NULL));
      break;
    case BAD_FOREIGN:
      g_remove (fx->path);
      sw_test_exec_sql (fx->path, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');");
      break;
    case BAD_TOO_NEW:
      sw_test_exec_sql (fx->path, "PRAGMA user_version = 99");
      break;
    case BAD_TRUNCATED:
      {
        g_autofree char *contents = NULL;
        gsize len;
        g_assert_true (g_file_get_contents (fx->path, &contents, &len, NULL));
        g_assert_true (g_file_set_contents (fx->path, contents, len / 2, NULL));
      }
      break;
    case BAD_PAGE:
      {
        g_autofree char *contents = NULL;
        gsize len;
        g_assert_true (g_file_get_contents (fx->path, &contents, &len, NULL));
        g_assert_cmpuint (len, >, 4096 * 6);
        for (gsize i = 4096 * 3 + 100; i < 4096 * 5; i++)
          contents[i] = (char) (i * 7);
        g_assert_true (g_file_set_contents (fx->path, contents, len, NULL));
      }
      break;
    }

  g_assert_true (g_file_get_contents (fx->path, &before, &len_before, NULL));
  store = sw_store_open (fx->path, &error);
  g_assert_null (store);
  g_assert_error (error, SW_ERROR, bf->code);
  g_assert_nonnull (strstr (error->message, fx->path));
  g_assert_true (g_file_get_contents (fx->path, &after, &len_after, NULL));
  g_assert_cmpmem (before, len_before, after, len_after);
  wal = g_strconcat (fx->path, "-wal", NULL);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

/* ------------------------------------------------------------ store basics */

static void
test_pragmas (SwFixture     *fx,
              gconstpointer  data)
{
  g_autofree char *mode = sw_test_query_text (fx->path, "PRAGMA journal_mode");
  g_autofree char *app = sw_test_query_text (fx->path, "PRAGMA application_id");
  g_autofree char *version = sw_test_query_text (fx->path, "PRAGMA user_version");
  g_autofree char *expected = g_strdup_printf ("%d", SW_STORE_SCHEMA_VERSION);

  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpstr (app, ==, "1397249870");
  g_assert_cmpstr (version, ==, expected);
}

static void
walk (SwFixture  *fx,
      const char *id)
{
  g_autoptr(GError) error = NULL;
  SwCase *r;

  r = sw_ops_transfer (fx->store, "R01", id, "CORP", "请处理", &error); g_clear_object (&r);
  r = sw_ops_urge (fx->store, "O01", id, "尽快", &error); g_clear_object (&r);
  r = sw_ops_accept (fx->store, "C01", id, "C02", &error); g_clear_object (&r);
  r = sw_ops_reply (fx->store, "C02", id, "已办结", &error); g_clear_object (&r);
  r = sw_ops_callback (fx->store, "R01", id, 3, NULL, &error); g_clear_object (&r);
  r = sw_ops_reopen (fx->store, "R01", id, "不满意", &error); g_clear_object (&r);
  r = sw_ops_note (fx->store, "C02", id, "已联系客户", &error); g_clear_object (&r);
  g_assert_no_error (error);
}

static void
test_rebuild (SwFixture     *fx,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) a = sw_fixture_register (fx, "R01", FALSE);
  g_autoptr(SwCase) b = sw_fixture_register (fx, "R02", TRUE);
  g_autoptr(SwCase) stored = NULL, folded = NULL, restored = NULL;
  g_autofree char *sql = NULL;
  guint n = 0, changed = 0;
  const char *diff = NULL;

  walk (fx, sw_case_get_id (a));
  stored = sw_store_get_case (fx->store, sw_case_get_id (a), &error);
  folded = sw_store_fold_case (fx->store, sw_case_get_id (a), &error);
  g_assert_no_error (error);
  /* the fold leaves personal data out */
  g_object_set (folded, "customer-name", sw_case_get_customer_name (stored),
                "customer-phone", sw_case_get_customer_phone (stored), NULL);
  g_assert_true (sw_case_equal (stored, folded, &diff));
  g_assert_cmpint (sw_case_get_reopen_count (stored), ==, 1);
  g_assert_cmpint (sw_case_get_urge_count (stored), ==, 1);
  g_assert_cmpint (sw_case_get_event_count (stored), ==, 8);

  g_assert_true (sw_store_rebuild (fx->store, &n, &changed, &error));
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (changed, ==, 0);

  /* a row damaged behind the store's back is restored from its events */
  g_clear_object (&fx->store);
  sql = g_strdup_printf ("UPDATE cases SET state = 'closed', handler = 'R08', reopen_count = 7 WHERE id = '%s'",
                         sw_case_get_id (a));
  sw_test_exec_sql (fx->path, sql);
  fx->store = sw_store_open (fx->path, &error);
  g_assert_no_error (error);
  g_assert_true (sw_store_rebuild (fx->store, &n, &changed, &error));
  g_assert_cmpuint (changed, ==, 1);
  restored = sw_store_get_case (fx->store, sw_case_get_id (a), &error);
  g_assert_true (sw_case_equal (stored, restored, &diff));
  g_assert_true (sw_store_rebuild (fx->store, &n, &changed, &error));
  g_assert_cmpuint (changed, ==, 0);
  g_assert_nonnull (b);
}

static void
test_search (SwFixture     *fx,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SwRegistration reg = { .channel = SW_CHANNEL_PHONE, .kind = SW_KIND_COMPLAINT,
                         .content = "投诉ATM吞卡后三天未处理", .received_by = "R01",
                         .customer_name = "欧阳娜娜", .customer_phone = "13911112222" };
  g_autoptr(SwCase) c = sw_ops_register (fx->store, "R01", &reg, &error);
  g_autoptr(SwCase) other = sw_fixture_register (fx, "R01", FALSE);
  struct { const char *text; guint n; } queries[] = {
    { "吞卡", 1 },            /* two characters: below the trigram size */
    { "ATM吞卡", 1 },
    { "三天未处理", 1 },
    { "欧阳", 1 },            /* customer name */
    { "1391111", 1 },         /* phone */
    { "住房贷款", 1 },        /* the other case */
    { "BJ01-A", 2 },          /* number */
    { "信用卡", 0 },
    { "\"", 0 },              /* FTS syntax must not leak through */
    { "%", 0 },
  };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      SwCaseQuery q = SW_CASE_QUERY_INIT;
      g_autoptr(GListModel) found = NULL;

      q.text = queries[i].text;
      g_autoptr(GHashTable) ids = NULL;

      found = sw_store_list_cases (fx->store, &q, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (found), ==, queries[i].n);
      ids = sw_store_search_ids (fx->store, queries[i].text, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_hash_table_size (ids), ==, queries[i].n);
    }
  g_assert_nonnull (other);
}

/* The rows of the index that follow the rule every search row is written
 * by: the case's number and content, the customer's name, phone and unit. */
static gint64
search_rows_as_written (const char *path)
{
  g_autofree char *n = sw_test_query_text (path,
      "SELECT count(*) FROM case_search s JOIN case_contacts k ON k.rowid = s.rowid"
      " JOIN cases c ON c.id = k.case_id WHERE s.case_id = c.id AND s.number = c.number"
      " AND s.content = c.content"
      " AND s.customer = coalesce (k.name, '') || ' ' || coalesce (k.phone, '') || ' ' || coalesce (k.unit, '')");

  return g_ascii_strtoll (n, NULL, 10);
}

static gint64
count_rows (const char *path,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  g_autofree char *n = sw_test_query_text (path, sql);

  return g_ascii_strtoll (n, NULL, 10);
}

/* A bootstrap puts the search rows off: the store says so in the same
 * transaction, across a restart, and the next search writes them as they
 * would have been written. */
static void
test_search_deferred (SwFixture     *fx,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SwRegistration reg = { .channel = SW_CHANNEL_PHONE, .kind = SW_KIND_COMPLAINT,
                         .content = "投诉ATM吞卡后三天未处理", .received_by = "R01",
                         .customer_name = "欧阳娜娜", .customer_phone = "13911112222",
                         .customer_unit = "明远科技" };
  g_autoptr(SwCase) before = sw_fixture_register (fx, "R01", FALSE);
  g_autoptr(SwCase) c = NULL, other = NULL, inside = NULL;
  g_autoptr(GHashTable) ids = NULL;
  g_autofree char *stale = NULL;

  sw_store_defer_search (fx->store, TRUE);
  c = sw_ops_register (fx->store, "R01", &reg, &error);
  g_assert_no_error (error);
  other = sw_fixture_register (fx, "R01", TRUE);
  sw_store_defer_search (fx->store, FALSE);
  stale = sw_store_get_meta (fx->store, SW_META_SEARCH_STALE);
  g_assert_cmpstr (stale, ==, "1");
  g_assert_cmpint (count_rows (fx->path, "case_search"), ==, 1);

  /* across a restart (a kill in a bootstrap): the next search writes them */
  g_clear_object (&fx->store);
  fx->store = sw_store_open (fx->path, &error);
  g_assert_no_error (error);
  ids = sw_store_search_ids (fx->store, "明远科技", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (ids), ==, 1);
  g_assert_true (g_hash_table_contains (ids, sw_case_get_id (c)));
  g_clear_pointer (&stale, g_free);
  g_assert_null ((stale = sw_store_get_meta (fx->store, SW_META_SEARCH_STALE)));
  g_assert_cmpint (count_rows (fx->path, "case_search"), ==, 3);
  g_assert_cmpint (search_rows_as_written (fx->path), ==, 3);

  /* put off and asked for in the same transaction: written before the search */
  sw_store_defer_search (fx->store, TRUE);
  g_assert_true (sw_store_begin (fx->store, &error));
  reg.customer_name = "司马光";
  inside = sw_ops_register (fx->store, "R01", &reg, &error);
  g_assert_no_error (error);
  g_clear_pointer (&ids, g_hash_table_unref);
  ids = sw_store_search_ids (fx->store, "司马光", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (ids), ==, 1);
  g_assert_true (sw_store_commit (fx->store, &error));
  sw_store_defer_search (fx->store, FALSE);
  g_assert_cmpint (count_rows (fx->path, "case_search"), ==, 4);
  g_assert_cmpint (search_rows_as_written (fx->path), ==, 4);
  g_clear_pointer (&stale, g_free);
  g_assert_null ((stale = sw_store_get_meta (fx->store, SW_META_SEARCH_STALE)));

  /* a rolled back transaction owes nothing */
  sw_store_defer_search (fx->store, TRUE);
  g_assert_true (sw_store_begin (fx->store, &error));
  g_clear_object (&inside);
  inside = sw_ops_register (fx->store, "R01", &reg, &error);
  sw_store_rollback (fx->store);
  sw_store_defer_search (fx->store, FALSE);
  g_assert_null ((stale = sw_store_get_meta (fx->store, SW_META_SEARCH_STALE)));
  g_assert_nonnull (before);
  g_assert_nonnull (other);
}

static void
test_queries (SwFixture     *fx,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) a = sw_fixture_register (fx, "R01", FALSE);
  g_autoptr(SwCase) b = sw_fixture_register (fx, "R02", FALSE);
  g_autoptr(SwCase) t = sw_ops_transfer (fx->store, "R02", sw_case_get_id (b), "CORP", "请处理", &error);
  SwCaseQuery q = SW_CASE_QUERY_INIT;
  GListModel *m;

  g_assert_no_error (error);
  q.department = "CORP";
  m = sw_store_list_cases (fx->store, &q, &error);
  g_assert_cmpuint (g_list_model_get_n_items (m), ==, 1);
  g_object_unref (m);

  q = (SwCaseQuery) SW_CASE_QUERY_INIT;
  q.person = "R01";
  m = sw_store_list_cases (fx->store, &q, &error);
  g_assert_cmpuint (g_list_model_get_n_items (m), ==, 1);
  g_object_unref (m);

  q = (SwCaseQuery) SW_CASE_QUERY_INIT;
  q.overdue_only = TRUE;
  m = sw_store_list_cases (fx->store, &q, &error);
  g_assert_cmpuint (g_list_model_get_n_items (m), ==, 0);
  g_object_unref (m);
  /* two hours later both deadlines (1 working hour) have passed */
  sw_store_set_now (fx->store, sw_test_time ("2026-11-23T12:00:00"));
  m = sw_store_list_cases (fx->store, &q, &error);
  g_assert_cmpuint (g_list_model_get_n_items (m), ==, 2);
  g_object_unref (m);

  q = (SwCaseQuery) SW_CASE_QUERY_INIT;
  q.state = SW_STATE_TRANSFERRED;
  m = sw_store_list_cases (fx->store, &q, &error);
  g_assert_cmpuint (g_list_model_get_n_items (m), ==, 1);
  g_object_unref (m);
  g_assert_no_error (error);
  g_assert_nonnull (a);
  g_assert_nonnull (t);
}

static void
test_backup (SwFixture     *fx,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = g_build_filename (fx->dir, "copy.db", NULL);
  g_autoptr(SwStore) restored = NULL;

  for (int i = 0; i < 5; i++)
    g_object_unref (sw_fixture_register (fx, "R01", FALSE));
  g_assert_true (sw_store_backup (fx->store, copy, &error));
  g_assert_no_error (error);
  restored = sw_store_open (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sw_store_count_cases (restored), ==, 5);
}

/* Two devices of one branch, offline, never make the same number. */
static void
test_numbers_two_devices (SwFixture     *fx,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = g_build_filename (fx->dir, "device-b.db", NULL);
  g_autoptr(SwStore) b = NULL;
  g_autoptr(SwCase) ca = NULL, cb = NULL;
  SwRegistration reg = { .channel = SW_CHANNEL_VISIT, .kind = SW_KIND_QUERY, .content = "查询",
                         .received_by = "R01", .customer_name = "孙七" };

  g_assert_true (sw_store_backup (fx->store, copy, &error));
  b = sw_store_open (copy, &error);
  g_assert_no_error (error);
  g_assert_true (sw_store_set_meta (b, SW_META_DEVICE_CODE, "B", &error));
  g_clear_object (&b);
  b = sw_store_open (copy, &error);
  sw_store_set_now (b, sw_store_now (fx->store));

  ca = sw_ops_register (fx->store, "R01", &reg, &error);
  cb = sw_ops_register (b, "R01", &reg, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sw_case_get_number (ca), ==, "BJ01-A-20261123-0001");
  g_assert_cmpstr (sw_case_get_number (cb), ==, "BJ01-B-20261123-0001");
  g_assert_cmpstr (sw_case_get_id (ca), !=, sw_case_get_id (cb));
}

/* A case row whose rowid does not match its contact's (written apart) still
 * shows its own customer. */
static void
test_contact_rowid_mismatch (SwFixture     *fx,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) a = sw_fixture_register (fx, "R01", FALSE);
  g_autoptr(SwCase) b = NULL, again = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autofree char *sql = NULL;
  SwCaseQuery q = SW_CASE_QUERY_INIT;
  SwRegistration reg = { .channel = SW_CHANNEL_VISIT, .kind = SW_KIND_QUERY, .content = "查询",
                         .received_by = "R01", .customer_name = "李四", .customer_phone = "13900000000" };

  b = sw_ops_register (fx->store, "R01", &reg, &error);
  g_assert_no_error (error);
  g_clear_object (&fx->store);
  sql = g_strdup_printf ("UPDATE cases SET rowid = rowid + 1000 WHERE id = '%s'", sw_case_get_id (a));
  sw_test_exec_sql (fx->path, sql);
  fx->store = sw_store_open (fx->path, &error);
  g_assert_no_error (error);

  again = sw_store_get_case (fx->store, sw_case_get_id (a), &error);
  g_assert_cmpstr (sw_case_get_customer_name (again), ==, "张三");
  all = sw_store_list_cases (fx->store, &q, &error);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(SwCase) c = g_list_model_get_item (all, i);
      const char *expected = g_strcmp0 (sw_case_get_id (c), sw_case_get_id (a)) == 0 ? "张三" : "李四";
      g_assert_cmpstr (sw_case_get_customer_name (c), ==, expected);
    }
}

/* sw_store_check_integrity finds a damaged page that opening did not read. */
static void
test_check_integrity (SwFixture     *fx,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  FILE *f;

  for (int i = 0; i < 60; i++)
    g_object_unref (sw_fixture_register (fx, "R01", FALSE));
  g_assert_true (sw_store_check_integrity (fx->store, &error));
  g_assert_no_error (error);
  g_clear_object (&fx->store);

  f = fopen (fx->path, "r+b");
  g_assert_nonnull (f);
  fseek (f, 4096 * 3 + 100, SEEK_SET);
  for (int i = 4096 * 3 + 100; i < 4096 * 5; i++)
    fputc ((i * 7) & 0xff, f);
  fclose (f);
  /* as for a file too large to be read whole at every open */
  g_setenv ("SHOUWEN_CHECK_ON_OPEN_MAX", "4096", TRUE);
  fx->store = sw_store_open (fx->path, &error);
  g_unsetenv ("SHOUWEN_CHECK_ON_OPEN_MAX");
  g_assert_no_error (error);
  g_assert_false (sw_store_check_integrity (fx->store, &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_DB_CORRUPT);
}

static void
register_and_walk (SwFixture *fx,
                   int        n)
{
  for (int i = 0; i < n; i++)
    {
      g_autoptr(SwCase) c = sw_fixture_register (fx, "R01", FALSE);
      walk (fx, sw_case_get_id (c));
    }
}

/* Past its page limit the log is copied into the database by a thread of
 * the store's own while the store goes on writing; a writer that never
 * pauses still keeps its log within bounds, and nothing is lost. */
static void
test_checkpoint_thread (SwFixture     *fx,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (fx->path, "-wal", NULL);
  g_autoptr(GListModel) all = NULL;
  SwCaseQuery q = SW_CASE_QUERY_INIT;
  gint64 db_before, wal_max = 0;
  guint done = 0;

  sw_store_checkpoint (fx->store);
  db_before = sw_test_file_size (fx->path);
  _sw_store_set_wal_pages (fx->store, 32);

  /* a deferred commit is never copied by the committing call: only the
   * thread can have grown the database file */
  g_assert_true (sw_store_begin (fx->store, &error));
  register_and_walk (fx, 24);
  g_assert_true (sw_store_commit_deferred (fx->store, &error));
  g_assert_no_error (error);
  for (int i = 0; i < 500 && (done = _sw_store_get_background_checkpoints (fx->store)) == 0; i++)
    g_usleep (10000);
  g_assert_cmpuint (done, >, 0);
  g_assert_cmpint (sw_test_file_size (fx->path), >, db_before);

  for (int round = 0; round < 40; round++)
    {
      g_assert_true (sw_store_begin (fx->store, &error));
      register_and_walk (fx, 8);
      g_assert_true (sw_store_commit (fx->store, &error));
      g_assert_no_error (error);
      wal_max = MAX (wal_max, sw_test_file_size (wal));
    }
  /* these 320 cases wrote far more than this; copied only by the thread, the log
   * would have kept growing while the writer never paused */
  g_assert_cmpint (wal_max, <, 2 * 1024 * 1024);

  g_clear_object (&fx->store);
  fx->store = sw_store_open (fx->path, &error);
  g_assert_no_error (error);
  g_assert_true (sw_store_check_integrity (fx->store, &error));
  all = sw_store_list_cases (fx->store, &q, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 24 + 320);
}

/* A row deleted from one directory table after another goes from its own
 * table: each table's statement is its own, not the one prepared before. */
static void
test_directory_delete (SwFixture     *fx,
                       gconstpointer  data)
{
  static const char *const tables[] = { "departments", "staff", "calendar_days", "staff" };
  static const char *const keys[] = { "NOPE", "C02", "2026-12-31", "C01" };
  g_autoptr(GError) error = NULL;
  gboolean exists = TRUE;

  g_assert_true (sw_store_begin (fx->store, &error));
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    g_assert_true (_sw_directory_delete_row (fx->store, _sw_directory_table (tables[i]), keys[i], &error));
  g_assert_true (sw_store_commit (fx->store, &error));
  g_assert_no_error (error);
  g_assert_true (_sw_store_row_exists (fx->store, "SELECT 1 FROM staff WHERE empno = ?1", "C02", &exists, &error));
  g_assert_false (exists);
  g_assert_true (_sw_store_row_exists (fx->store, "SELECT 1 FROM staff WHERE empno = ?1", "C01", &exists, &error));
  g_assert_false (exists);
  g_assert_true (_sw_store_row_exists (fx->store, "SELECT 1 FROM staff WHERE empno = ?1", "R01", &exists, &error));
  g_assert_true (exists);
  g_assert_no_error (error);
}

/* A department cannot sit under itself or under one of its own sub-departments. */
static void
test_department_loop (SwFixture     *fx,
                      gconstpointer  data)
{
  g_autoptr(SwDepartment) loan = sw_store_get_department (fx->store, "LOAN");
  g_autoptr(GError) error = NULL;

  g_object_set (loan, "parent-code", "CORP", NULL);
  g_assert_true (sw_store_put_department (fx->store, loan, &error));
  g_assert_no_error (error);

  g_assert_true (sw_store_check_department_parent (fx->store, "LOAN", "CORP", &error));
  g_assert_true (sw_store_check_department_parent (fx->store, "CORP", NULL, &error));
  g_assert_true (sw_store_check_department_parent (fx->store, "CORP", "OFFICE", &error));
  g_assert_no_error (error);
  g_assert_false (sw_store_check_department_parent (fx->store, "CORP", "LOAN", &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "CORP"));
  g_clear_error (&error);
  g_assert_false (sw_store_check_department_parent (fx->store, "LOAN", "LOAN", &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
}

#define ADD(path, func) g_test_add (path, SwFixture, NULL, sw_fixture_setup, func, sw_fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("TZ", "UTC", TRUE);

  for (int v = 1; v < SW_STORE_SCHEMA_VERSION; v++)
    {
      g_autofree char *path = g_strdup_printf ("/store/migrate/from-%d", v);
      g_test_add_data_func (path, GINT_TO_POINTER (v), test_migrate_from);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *path = g_strdup_printf ("/store/refuse/%s", bad_files[i].name);
      g_test_add (path, SwFixture, &bad_files[i], sw_fixture_setup, test_bad_file, sw_fixture_teardown);
    }
  ADD ("/store/pragmas", test_pragmas);
  ADD ("/store/rebuild", test_rebuild);
  ADD ("/store/search", test_search);
  ADD ("/store/search-deferred", test_search_deferred);
  ADD ("/store/queries", test_queries);
  ADD ("/store/backup", test_backup);
  ADD ("/store/numbers-two-devices", test_numbers_two_devices);
  ADD ("/store/contact-rowid-mismatch", test_contact_rowid_mismatch);
  ADD ("/store/department-loop", test_department_loop);
  ADD ("/store/check-integrity", test_check_integrity);
  ADD ("/store/checkpoint-thread", test_checkpoint_thread);
  ADD ("/store/directory-delete", test_directory_delete);
  return g_test_run ();
}
