/* test-templates.c — the library of standard answers and materials lists
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "sw-demo.h"
#include "sw-error.h"
#include "sw-server-storage.h"
#include "sw-store-replica.h"
#include "sw-store-templates.h"
#include "sw-test-fixture.h"

static SwTemplate *
add (SwFixture      *fx,
     SwTemplateKind  kind,
     const char     *matter,
     const char     *department,
     const char     *keywords,
     const char     *body)
{
  g_autoptr(GError) error = NULL;
  SwTemplate *t = sw_template_new (kind, matter, body);

  g_object_set (t, "department-code", department, "keywords", keywords, NULL);
  g_assert_true (sw_store_save_template (fx->store, t, "O01", &error));
  g_assert_no_error (error);
  g_assert_nonnull (sw_template_get_id (t));
  return t;
}

static void
add_library (SwFixture *fx)
{
  g_autoptr(SwTemplate) a = add (fx, SW_TEMPLATE_ANSWER, "营业时间", NULL, "营业时间;几点;周末",
                                 "本网点周一至周五 9:00—17:00 营业，周末 9:00—16:00 仅办理个人业务。");
  g_autoptr(SwTemplate) b = add (fx, SW_TEMPLATE_ANSWER, "跨行转账手续费", "RETAIL", "转账;手续费;跨行",
                                 "通过手机银行跨行转账免收手续费；柜台办理按金额收取。");
  g_autoptr(SwTemplate) c = add (fx, SW_TEMPLATE_ANSWER, "对公账户年检", "CORP", "对公;年检",
                                 "对公账户无需年检，请按时更新企业信息。");
  g_autoptr(SwTemplate) d = add (fx, SW_TEMPLATE_MATERIALS, "个人贷款申请材料", "LOAN", "贷款;提前还款;房贷",
                                 "本人有效身份证件\n收入证明\n婚姻状况证明");
  g_autoptr(SwTemplate) e = add (fx, SW_TEMPLATE_MATERIALS, "个人账户开户所需材料", "RETAIL", "开户;开卡",
                                 "本人有效身份证件\n本人手机号码");
}

static guint
count (GListModel *m)
{
  return g_list_model_get_n_items (m);
}

static const char *
matter_at (GListModel *m,
           guint       i)
{
  g_autoptr(SwTemplate) t = g_list_model_get_item (m, i);
  return t ? sw_template_get_matter (t) : NULL;
}

static void
test_search (SwFixture     *fx,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SwTemplateQuery q = SW_TEMPLATE_QUERY_INIT;
  g_autoptr(GListModel) all = NULL, answers = NULL, fee = NULL, body = NULL, two = NULL, none = NULL;

  add_library (fx);
  all = sw_store_find_templates (fx->store, &q, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count (all), ==, 5);

  q.kind = SW_TEMPLATE_ANSWER;
  answers = sw_store_find_templates (fx->store, &q, &error);
  g_assert_cmpuint (count (answers), ==, 3);

  q.text = "手续";                    /* a substring of the matter */
  fee = sw_store_find_templates (fx->store, &q, &error);
  g_assert_cmpuint (count (fee), ==, 1);
  g_assert_cmpstr (matter_at (fee, 0), ==, "跨行转账手续费");

  q.kind = -1;
  q.text = "身份证";                  /* in the body only */
  body = sw_store_find_templates (fx->store, &q, &error);
  g_assert_cmpuint (count (body), ==, 2);

  q.text = "身份证 收入";             /* every word */
  two = sw_store_find_templates (fx->store, &q, &error);
  g_assert_cmpuint (count (two), ==, 1);
  g_assert_cmpstr (matter_at (two, 0), ==, "个人贷款申请材料");

  q.text = "外汇";
  none = sw_store_find_templates (fx->store, &q, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count (none), ==, 0);
}

static void
test_suggestions (SwFixture     *fx,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SwTemplateQuery q = SW_TEMPLATE_QUERY_INIT;
  g_autoptr(GListModel) ranked = NULL, by_dept = NULL;

  add_library (fx);
  q.kind = SW_TEMPLATE_ANSWER;
  q.content = "客户询问跨行转账收不收手续费";
  q.department = "CORP";
  ranked = sw_store_find_templates (fx->store, &q, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count (ranked), ==, 3);
  /* keywords in the content first, then the department's own */
  g_assert_cmpstr (matter_at (ranked, 0), ==, "跨行转账手续费");
  g_assert_cmpstr (matter_at (ranked, 1), ==, "对公账户年检");
  g_assert_cmpstr (matter_at (ranked, 2), ==, "营业时间");

  q.content = "咨询别的事";
  q.department = "RETAIL";
  by_dept = sw_store_find_templates (fx->store, &q, &error);
  g_assert_cmpstr (matter_at (by_dept, 0), ==, "跨行转账手续费");
  g_assert_cmpstr (matter_at (by_dept, 1), ==, "对公账户年检");
}

static void
test_validation (SwFixture     *fx,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwTemplate) no_matter = sw_template_new (SW_TEMPLATE_ANSWER, "  ", "正文");
  g_autoptr(SwTemplate) no_body = sw_template_new (SW_TEMPLATE_MATERIALS, "挂失补卡", "\n ");
  g_autoptr(SwTemplate) bad_dept = sw_template_new (SW_TEMPLATE_ANSWER, "挂失补卡", "带身份证");
  g_autoptr(SwTemplate) twice = sw_template_new (SW_TEMPLATE_ANSWER, "营业时间", "另一份");
  g_autoptr(SwTemplate) got = NULL;
  SwTemplateQuery q = SW_TEMPLATE_QUERY_INIT;
  g_autoptr(GListModel) all = NULL;

  g_assert_false (sw_store_save_template (fx->store, no_matter, "O01", &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Name the matter the template is for");
  g_clear_error (&error);

  g_assert_false (sw_store_save_template (fx->store, no_body, "O01", &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "List at least one material or step");
  g_clear_error (&error);

  g_object_set (bad_dept, "department-code", "NOPE", NULL);
  g_assert_false (sw_store_save_template (fx->store, bad_dept, "O01", &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_NOT_FOUND);
  g_clear_error (&error);

  add_library (fx);
  g_assert_false (sw_store_save_template (fx->store, twice, "O01", &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_null (sw_template_get_id (twice));

  all = sw_store_find_templates (fx->store, &q, &error);
  g_assert_cmpuint (count (all), ==, 5);
  got = sw_store_get_template (fx->store, "no-such-id", &error);
  g_assert_null (got);
  g_assert_error (error, SW_ERROR, SW_ERROR_NOT_FOUND);
}

static void
test_roles (SwFixture     *fx,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwTemplate) t = sw_template_new (SW_TEMPLATE_ANSWER, "挂失补卡", "请带本人身份证件到柜台办理。");
  g_autoptr(SwTemplate) stored = NULL;

  /* front-line staff and inspectors read only */
  g_assert_false (sw_store_save_template (fx->store, t, "R01", &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_FORBIDDEN);
  g_assert_nonnull (strstr (error->message, "王芳 (R01) may not edit"));
  g_clear_error (&error);
  g_assert_false (sw_store_save_template (fx->store, t, "U01", &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_false (sw_store_save_template (fx->store, t, NULL, &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_FORBIDDEN);
  g_clear_error (&error);

  /* a head: only their own department's, not the branch's */
  g_assert_false (sw_store_save_template (fx->store, t, "RH", &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_FORBIDDEN);
  g_assert_nonnull (strstr (error->message, "own department"));
  g_clear_error (&error);
  g_object_set (t, "department-code", "RETAIL", NULL);
  g_assert_true (sw_store_save_template (fx->store, t, "RH", &error));
  g_assert_no_error (error);

  /* …and cannot take it from another department's head */
  g_object_set (t, "body", "改写", NULL);
  g_assert_false (sw_store_save_template (fx->store, t, "CH", &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_false (sw_store_set_template_active (fx->store, sw_template_get_id (t), FALSE, "CH", &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_FORBIDDEN);
  g_clear_error (&error);

  stored = sw_store_get_template (fx->store, sw_template_get_id (t), &error);
  g_assert_cmpstr (sw_template_get_body (stored), ==, "请带本人身份证件到柜台办理。");
  g_assert_cmpstr (sw_template_get_updated_by (stored), ==, "RH");
  g_assert_cmpint (sw_template_get_updated_at (stored), ==, sw_store_now (fx->store));

  /* supervisors and administrators edit everything */
  g_assert_true (sw_store_save_template (fx->store, t, "A01", &error));
  g_assert_no_error (error);
}

static void
test_retire (SwFixture     *fx,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwTemplate) t = add (fx, SW_TEMPLATE_MATERIALS, "挂失补卡", "RETAIL", "挂失", "身份证件");
  g_autoptr(SwTemplate) again = sw_template_new (SW_TEMPLATE_MATERIALS, "挂失补卡", "新清单");
  g_autoptr(GListModel) offered = NULL, everything = NULL;
  SwTemplateQuery q = SW_TEMPLATE_QUERY_INIT;

  g_assert_true (sw_store_set_template_active (fx->store, sw_template_get_id (t), FALSE, "RH", &error));
  g_assert_no_error (error);
  offered = sw_store_find_templates (fx->store, &q, &error);
  g_assert_cmpuint (count (offered), ==, 0);
  q.include_retired = TRUE;
  everything = sw_store_find_templates (fx->store, &q, &error);
  g_assert_cmpuint (count (everything), ==, 1);

  /* a retired matter may be written afresh; then the old one cannot come back */
  g_object_set (again, "department-code", "RETAIL", NULL);
  g_assert_true (sw_store_save_template (fx->store, again, "RH", &error));
  g_assert_false (sw_store_set_template_active (fx->store, sw_template_get_id (t), TRUE, "RH", &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_EXISTS);
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *p = g_build_filename (dir, name, NULL);
      if (g_file_test (p, G_FILE_TEST_IS_DIR))
        remove_dir (p);
      else
        g_remove (p);
    }
  g_rmdir (dir);
}

static void
test_migrate_from_5 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("shouwen-templates-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(SwStore) old = sw_store_open_at_version (path, 5, &error);
  g_autoptr(SwStore) store = NULL;
  g_autoptr(SwDepartment) d = sw_department_new ("RETAIL", "个人业务部");
  g_autoptr(SwDepartment) kept = NULL;
  g_autoptr(SwTemplate) t = sw_template_new (SW_TEMPLATE_ANSWER, "营业时间", "9:00—17:00");
  g_autoptr(SwStaff) s = sw_staff_new ("O01", "马超");
  g_autoptr(GListModel) found = NULL;
  SwTemplateQuery q = SW_TEMPLATE_QUERY_INIT;

  g_assert_no_error (error);
  g_assert_true (sw_store_put_department (old, d, &error));
  g_object_set (s, "department-code", "RETAIL", "role", SW_ROLE_SUPERVISOR, NULL);
  g_assert_true (sw_store_put_staff (old, s, &error));
  g_clear_object (&old);

  store = sw_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sw_store_get_schema_version (store), >=, 6);
  kept = sw_store_get_department (store, "RETAIL");
  g_assert_cmpstr (sw_department_get_name (kept), ==, "个人业务部");
  found = sw_store_find_templates (store, &q, &error);
  g_assert_cmpuint (count (found), ==, 0);
  g_assert_true (sw_store_save_template (store, t, "O01", &error));
  g_assert_no_error (error);

  g_clear_object (&store);
  remove_dir (dir);
}

/* The demo branch ships a library that suggests the right list. */
static void
test_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("shouwen-templates-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(SwStore) store = sw_store_open (path, &error);
  g_autoptr(GListModel) lists = NULL;
  SwTemplateQuery q = { .kind = SW_TEMPLATE_MATERIALS, .content = "客户的银行卡丢了，要补办", .department = "RETAIL" };

  g_assert_no_error (error);
  g_assert_true (sw_demo_populate (store, sw_test_time ("2026-11-23T10:00"), 3, 1, &error));
  g_assert_no_error (error);
  lists = sw_store_find_templates (store, &q, &error);
  g_assert_cmpuint (g_list_model_get_n_items (lists), >=, 5);
  g_assert_cmpstr (matter_at (lists, 0), ==, "挂失补卡");

  g_clear_object (&store);
  remove_dir (dir);
}

/* The server hands the library out with the directory. */
static void
test_sync_with_directory (SwFixture     *fx,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *server_dir = g_dir_make_tmp ("shouwen-tpl-server-XXXXXX", NULL);
  g_autofree char *branch_path = g_build_filename (fx->dir, "branch.db", NULL);
  g_autoptr(SwServerStorage) server = NULL;
  g_autoptr(SwStore) branch = NULL;
  g_autoptr(JsonNode) dir = NULL;
  g_autoptr(GListModel) got = NULL;
  SwTemplateQuery q = { .kind = SW_TEMPLATE_MATERIALS, .text = "开户" };
  gint64 version = 0;

  add_library (fx);
  server = sw_server_storage_open (server_dir, &error);
  g_assert_no_error (error);
  g_assert_true (sw_server_storage_seed_directory (server, fx->store, &error));
  g_assert_no_error (error);
  dir = sw_server_storage_get_directory (server, &version, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dir);

  branch = sw_store_open (branch_path, &error);
  g_assert_no_error (error);
  g_assert_true (sw_store_import_directory (branch, dir, TRUE, &error));
  g_assert_no_error (error);
  got = sw_store_find_templates (branch, &q, &error);
  g_assert_cmpuint (count (got), ==, 1);
  {
    g_autoptr(SwTemplate) t = g_list_model_get_item (got, 0);
    g_assert_cmpstr (sw_template_get_body (t), ==, "本人有效身份证件\n本人手机号码");
    g_assert_cmpstr (sw_template_get_department_code (t), ==, "RETAIL");
    g_assert_cmpstr (sw_template_get_updated_by (t), ==, "O01");
  }

  g_clear_object (&branch);
  g_clear_object (&server);
  remove_dir (server_dir);
}

#define ADD(path, func) g_test_add (path, SwFixture, NULL, sw_fixture_setup, func, sw_fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("TZ", "UTC", TRUE);

  ADD ("/templates/search", test_search);
  ADD ("/templates/suggestions", test_suggestions);
  ADD ("/templates/validation", test_validation);
  ADD ("/templates/roles", test_roles);
  ADD ("/templates/retire", test_retire);
  ADD ("/templates/sync-with-directory", test_sync_with_directory);
  g_test_add_func ("/templates/migrate-from-5", test_migrate_from_5);
  g_test_add_func ("/templates/demo", test_demo);
  return g_test_run ();
}
