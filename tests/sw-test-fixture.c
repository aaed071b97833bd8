/* sw-test-fixture.c — a small, known directory in a temporary database
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "sw-paths.h"
#include "sw-test-fixture.h"

gint64
sw_test_time (const char *local_iso)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autofree char *full = strlen (local_iso) == 16 ? g_strconcat (local_iso, ":00", NULL)
                                                   : g_strdup (local_iso);
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (full, tz);

  g_assert_nonnull (dt);
  return g_date_time_to_unix (dt) * 1000;
}

char *
sw_test_format (gint64 ms)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (ms / 1000);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);

  return g_date_time_format (local, "%Y-%m-%dT%H:%M");
}

typedef struct {
  const char *code, *name, *head;
} DeptRow;

typedef struct {
  const char *empno, *name, *dept;
  int rank;
  const char *hire;
  SwRole role;
  SwStaffKind kind;
  SwAvailability availability;
  const char *proxy;
  gboolean active;
} StaffRow;

static const DeptRow departments[] = {
  { "RETAIL", "个人业务部", "RH" },
  { "CORP", "公司业务部", "CH" },
  { "LOAN", "信贷管理部", NULL },
  { "OFFICE", "办公室", "L01" },
  { "UNION", "工会", NULL },
};

static const StaffRow staff[] = {
  { "R01", "王芳", "RETAIL", 3, "2010-03-01", SW_ROLE_STAFF, SW_STAFF_KIND_REGULAR, SW_AVAILABILITY_ON_DUTY, NULL, TRUE },
  { "R02", "李娜", "RETAIL", 3, "2005-07-01", SW_ROLE_STAFF, SW_STAFF_KIND_REGULAR, SW_AVAILABILITY_ON_DUTY, NULL, TRUE },
  { "R03", "张伟", "RETAIL", 5, "2015-01-01", SW_ROLE_STAFF, SW_STAFF_KIND_REGULAR, SW_AVAILABILITY_ON_DUTY, NULL, TRUE },
  { "R04", "赵敏", "RETAIL", 9, "2001-01-01", SW_ROLE_STAFF, SW_STAFF_KIND_TEMPORARY, SW_AVAILABILITY_ON_DUTY, NULL, TRUE },
  { "R05", "孙强", "RETAIL", 9, "2000-01-01", SW_ROLE_STAFF, SW_STAFF_KIND_MAINTENANCE, SW_AVAILABILITY_ON_DUTY, NULL, TRUE },
  { "R06", "周杰", "RETAIL", 2, "2018-05-01", SW_ROLE_STAFF, SW_STAFF_KIND_REGULAR, SW_AVAILABILITY_LEAVE, "R01", TRUE },
  { "R07", "吴磊", "RETAIL", 2, "2019-05-01", SW_ROLE_STAFF, SW_STAFF_KIND_REGULAR, SW_AVAILABILITY_TRIP, NULL, TRUE },
  { "R08", "郑爽", "RETAIL", 9, "1999-01-01", SW_ROLE_STAFF, SW_STAFF_KIND_REGULAR, SW_AVAILABILITY_ON_DUTY, NULL, FALSE },
  { "RH", "刘洋", "RETAIL", 8, "2003-01-01", SW_ROLE_HEAD, SW_STAFF_KIND_REGULAR, SW_AVAILABILITY_ON_DUTY, NULL, TRUE },
  { "C01", "陈静", "CORP", 3, "2012-01-01", SW_ROLE_STAFF, SW_STAFF_KIND_REGULAR, SW_AVAILABILITY_ON_DUTY, NULL, TRUE },
  { "C02", "杨帆", "CORP", 3, "2013-01-01", SW_ROLE_STAFF, SW_STAFF_KIND_REGULAR, SW_AVAILABILITY_ON_DUTY, NULL, TRUE },
  { "CH", "黄磊", "CORP", 8, "2002-01-01", SW_ROLE_HEAD, SW_STAFF_KIND_REGULAR, SW_AVAILABILITY_ON_DUTY, NULL, TRUE },
  { "N01", "林涛", "LOAN", 4, "2011-01-01", SW_ROLE_STAFF, SW_STAFF_KIND_REGULAR, SW_AVAILABILITY_ON_DUTY, NULL, TRUE },
  { "O01", "马超", "OFFICE", 7, "2004-01-01", SW_ROLE_SUPERVISOR, SW_STAFF_KIND_REGULAR, SW_AVAILABILITY_ON_DUTY, NULL, TRUE },
  { "L01", "高明", "OFFICE", 10, "1998-01-01", SW_ROLE_HEAD, SW_STAFF_KIND_REGULAR, SW_AVAILABILITY_ON_DUTY, NULL, TRUE },
  { "A01", "何平", "OFFICE", 4, "2016-01-01", SW_ROLE_ADMIN, SW_STAFF_KIND_REGULAR, SW_AVAILABILITY_ON_DUTY, NULL, TRUE },
  { "U01", "郭敏", "UNION", 5, "2009-01-01", SW_ROLE_INSPECTOR, SW_STAFF_KIND_REGULAR, SW_AVAILABILITY_ON_DUTY, NULL, TRUE },
};

void
sw_fixture_setup (SwFixture     *fx,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwBranch) branch = sw_branch_new ("BJ01", "海淀支行");

  fx->dir = g_dir_make_tmp ("shouwen-test-XXXXXX", &error);
  g_assert_no_error (error);
  fx->path = g_build_filename (fx->dir, "test.db", NULL);
  fx->store = sw_store_open (fx->path, &error);
  g_assert_no_error (error);

  g_assert_true (sw_store_put_branch (fx->store, branch, &error));
  g_assert_true (sw_store_set_meta (fx->store, SW_META_BRANCH_CODE, "BJ01", &error));
  g_assert_true (sw_load_shipped_calendar (fx->store, NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (departments); i++)
    {
      g_autoptr(SwDepartment) d = sw_department_new (departments[i].code, departments[i].name);
      g_object_set (d, "branch-code", "BJ01", "location", "一楼", "phone", "010-12345678", NULL);
      g_assert_true (sw_store_put_department (fx->store, d, &error));
    }
  for (guint i = 0; i < G_N_ELEMENTS (staff); i++)
    {
      const StaffRow *r = &staff[i];
      g_autoptr(SwStaff) s = sw_staff_new (r->empno, r->name);
      g_object_set (s, "department-code", r->dept, "rank", r->rank, "hire-date", r->hire,
                    "role", r->role, "kind", r->kind, "availability", r->availability,
                    "proxy-empno", r->proxy, "active", r->active, "phone", "13800000000", NULL);
      g_assert_true (sw_store_put_staff (fx->store, s, &error));
    }
  for (guint i = 0; i < G_N_ELEMENTS (departments); i++)
    if (departments[i].head)
      {
        g_autoptr(SwDepartment) d = sw_store_get_department (fx->store, departments[i].code);
        g_autoptr(SwDepartment) copy = sw_department_copy (d);
        g_object_set (copy, "head-empno", departments[i].head, NULL);
        g_assert_true (sw_store_put_department (fx->store, copy, &error));
      }
  g_assert_no_error (error);
  /* A Monday morning. */
  sw_store_set_now (fx->store, sw_test_time ("2026-11-23T10:00:00"));
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *p = g_build_filename (dir, name, NULL);
      if (g_file_test (p, G_FILE_TEST_IS_DIR))   /* the attached files' folder */
        remove_tree (p);
      else
        g_remove (p);
    }
  g_rmdir (dir);
}

void
sw_fixture_teardown (SwFixture     *fx,
                     gconstpointer  data)
{
  g_clear_object (&fx->store);
  remove_tree (fx->dir);
  g_clear_pointer (&fx->path, g_free);
  g_clear_pointer (&fx->dir, g_free);
}

SwCase *
sw_fixture_register (SwFixture  *fx,
                     const char *received_by,
                     gboolean    anonymous)
{
  g_autoptr(GError) error = NULL;
  SwRegistration reg = {
    .channel = SW_CHANNEL_VISIT,
    .kind = SW_KIND_CONSULTATION,
    .content = "咨询个人住房贷款提前还款的手续",
    .received_by = received_by,
    .customer_name = anonymous ? NULL : "张三",
    .customer_phone = anonymous ? NULL : "13812341234",
    .anonymous = anonymous,
  };
  SwCase *c = sw_ops_register (fx->store, received_by, &reg, &error);

  g_assert_no_error (error);
  g_assert_nonnull (c);
  return c;
}

void
sw_test_exec_sql (const char *path,
                  const char *sql)
{
  sqlite3 *db = NULL;
  char *err = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &err) != SQLITE_OK)
    g_error ("%s: %s", sql, err);
  sqlite3_close (db);
}

GPtrArray *
sw_test_query_rows (const char *path,
                    const char *sql)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GString *row = g_string_new (NULL);

      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i);
          g_string_append_printf (row, "%s%s", i ? "\x1f" : "", text ? text : "\\N");
        }
      g_ptr_array_add (rows, g_string_free (row, FALSE));
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return rows;
}

char *
sw_test_query_text (const char *path,
                    const char *sql)
{
  g_autoptr(GPtrArray) rows = sw_test_query_rows (path, sql);

  return rows->len > 0 ? g_strdup (g_ptr_array_index (rows, 0)) : NULL;
}

gint64
sw_test_file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (gint64) st.st_size : 0;
}
