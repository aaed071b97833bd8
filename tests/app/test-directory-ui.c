/* test-directory-ui.c — the staff and departments pages under Xvfb: a real
 * window over a real store in a temporary file. Editing, creating,
 * deactivating, rights by role, CSV import that shows a bad file's
 * problems before importing anything, and a duty catalogue that the
 * registration dialog's routing then finds. Any GTK warning or critical
 * fails the test.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "app-test-util.h"
#include "sw-csv.h"
#include "sw-departments-view.h"
#include "sw-dir-csv.h"
#include "sw-dir-nav.h"
#include "sw-register-dialog.h"
#include "sw-staff-view.h"
#include "sw-test-fixture.h"
#include "sw-window.h"

#define STAFF_HEADER "empno,name,department_code,rank,title,hire_date,phone,role,kind,availability\n"

typedef struct {
  SwFixture  fx;
  SwContext *context;
  SwWindow  *window;
} UiFixture;

static void
ui_setup (UiFixture     *uf,
          gconstpointer  data)
{
  sw_fixture_setup (&uf->fx, data);
  uf->context = sw_context_new (uf->fx.store, NULL);
}

static void
open_window (UiFixture  *uf,
             const char *user)
{
  uf->window = app_test_open_window (uf->context, user);
}

static void
ui_teardown (UiFixture     *uf,
             gconstpointer  data)
{
  app_test_close_windows ();
  g_clear_object (&uf->context);
  sw_fixture_teardown (&uf->fx, data);
}

static SwStaffView *
staff_page (UiFixture *uf)
{
  GtkWidget *page = sw_dir_nav_show (sw_window_get_directory (uf->window), SW_DIR_PAGE_STAFF);

  app_test_drain ();
  return SW_STAFF_VIEW (page);
}

static SwDepartmentsView *
departments_page (UiFixture *uf)
{
  GtkWidget *page = sw_dir_nav_show (sw_window_get_directory (uf->window), SW_DIR_PAGE_DEPARTMENTS);

  app_test_drain ();
  return SW_DEPARTMENTS_VIEW (page);
}

static SwStaff *
stored (UiFixture  *uf,
        const char *empno)
{
  return sw_store_get_staff (uf->fx.store, empno);
}

static void
assert_rights (SwStaffView *view,
               gboolean     person,
               gboolean     availability)
{
  gboolean p, a;

  sw_staff_view_get_rights (view, &p, &a);
  g_assert_cmpint (p, ==, person);
  g_assert_cmpint (a, ==, availability);
}

static GFile *
write_file (UiFixture  *uf,
            const char *name,
            const char *text)
{
  g_autofree char *path = g_build_filename (uf->fx.dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static void
test_staff_rights (UiFixture     *uf,
                   gconstpointer  data)
{
  SwStaffView *view;

  /* Front-line staff read. */
  open_window (uf, "R01");
  view = staff_page (uf);
  g_assert_true (sw_staff_view_select (view, "R02"));
  assert_rights (view, FALSE, FALSE);
  g_assert_false (sw_staff_view_new_person (view));
  g_assert_false (sw_staff_view_save (view));
  g_assert_nonnull (sw_staff_view_get_error (view));

  /* The search finds by name, number and department. */
  sw_staff_view_set_search (view, "王芳");
  g_assert_cmpuint (sw_staff_view_count_shown (view), ==, 1);
  sw_staff_view_set_search (view, "公司业务部");
  g_assert_cmpuint (sw_staff_view_count_shown (view), ==, 3);
  sw_staff_view_set_search (view, "");
  g_assert_cmpuint (sw_staff_view_count_shown (view), ==, 17);

  /* A head sets availability and proxy in their own department only. */
  g_assert_true (sw_context_set_user (uf->context, "RH"));
  app_test_drain ();
  view = staff_page (uf);
  g_assert_true (sw_staff_view_select (view, "R03"));
  assert_rights (view, FALSE, TRUE);
  g_assert_true (sw_staff_view_select (view, "C01"));
  assert_rights (view, FALSE, FALSE);
}

static void
test_staff_availability (UiFixture     *uf,
                         gconstpointer  data)
{
  SwStaffView *view;
  g_autoptr(SwStaff) r03 = NULL;
  g_autoptr(SwStaff) values = NULL;
  g_autoptr(SwStaff) after = NULL;
  g_autoptr(SwStaff) refused = NULL;

  open_window (uf, "RH");
  view = staff_page (uf);
  g_assert_true (sw_staff_view_select (view, "R03"));
  r03 = stored (uf, "R03");
  values = sw_staff_copy (r03);
  /* A proxy from another department is not offered. */
  g_object_set (values, "availability", SW_AVAILABILITY_SICK, "proxy-empno", "C01", NULL);
  g_assert_false (sw_staff_view_fill (view, values));
  g_object_set (values, "proxy-empno", "R02", "title", "行长", NULL);
  g_assert_true (sw_staff_view_fill (view, values));
  g_assert_true (sw_staff_view_save (view));
  after = stored (uf, "R03");
  g_assert_cmpint (sw_staff_get_availability (after), ==, SW_AVAILABILITY_SICK);
  g_assert_cmpstr (sw_staff_get_proxy_empno (after), ==, "R02");
  /* A head does not change the rest of the record. */
  g_assert_cmpstr (sw_staff_get_title (after), ==, sw_staff_get_title (r03));
  /* The rest of the app sees it. */
  g_assert_cmpint (sw_staff_get_availability (sw_context_lookup_staff (uf->context, "R03")), ==,
                   SW_AVAILABILITY_SICK);
  g_assert_cmpstr (sw_window_get_last_toast (uf->window), ==, "张伟 saved");

  /* Not in another department. */
  g_assert_true (sw_staff_view_select (view, "C01"));
  g_assert_false (sw_staff_view_save (view));
  refused = stored (uf, "C01");
  g_assert_cmpint (sw_staff_get_availability (refused), ==, SW_AVAILABILITY_ON_DUTY);
}

static void
test_staff_create_deactivate (UiFixture     *uf,
                              gconstpointer  data)
{
  SwStaffView *view;
  g_autoptr(SwStaff) values = sw_staff_new ("X01", "钱进");
  g_autoptr(SwStaff) created = NULL;
  g_autoptr(SwStaff) gone = NULL;
  g_autoptr(SwStaff) back = NULL;

  open_window (uf, "A01");
  view = staff_page (uf);
  g_assert_true (sw_staff_view_new_person (view));
  assert_rights (view, TRUE, TRUE);
  g_object_set (values, "department-code", "CORP", "rank", 2, "title", "客户经理",
                "hire-date", "2026-13-01", "phone", "010-6000 1234",
                "role", SW_ROLE_STAFF, "kind", SW_STAFF_KIND_TEMPORARY, NULL);
  g_assert_true (sw_staff_view_fill (view, values));
  /* A bad date is refused with the form kept. */
  g_assert_false (sw_staff_view_save (view));
  g_assert_nonnull (strstr (sw_staff_view_get_error (view), "YYYY-MM-DD"));
  g_assert_null (stored (uf, "X01"));
  g_object_set (values, "hire-date", "2026-01-05", NULL);
  g_assert_true (sw_staff_view_fill (view, values));
  g_assert_true (sw_staff_view_save (view));
  created = stored (uf, "X01");
  g_assert_nonnull (created);
  g_assert_cmpstr (sw_staff_get_department_code (created), ==, "CORP");
  g_assert_cmpstr (sw_staff_get_hire_date (created), ==, "2026-01-05");
  g_assert_cmpint (sw_staff_get_rank (created), ==, 2);
  g_assert_cmpint (sw_staff_get_kind (created), ==, SW_STAFF_KIND_TEMPORARY);
  g_assert_cmpstr (sw_context_staff_name (uf->context, "X01"), ==, "钱进");
  sw_staff_view_set_search (view, "钱进");
  g_assert_cmpuint (sw_staff_view_count_shown (view), ==, 1);
  sw_staff_view_set_search (view, "");

  /* The same number again is refused. */
  g_assert_true (sw_staff_view_new_person (view));
  g_assert_true (sw_staff_view_fill (view, values));
  g_assert_false (sw_staff_view_save (view));
  g_assert_nonnull (strstr (sw_staff_view_get_error (view), "X01"));

  /* Deactivated, never deleted; and back. */
  g_assert_true (sw_staff_view_select (view, "R07"));
  g_assert_true (sw_staff_view_set_active (view, FALSE));
  gone = stored (uf, "R07");
  g_assert_nonnull (gone);
  g_assert_false (sw_staff_get_active (gone));
  g_assert_true (sw_staff_view_select (view, "R07"));
  g_assert_true (sw_staff_view_set_active (view, TRUE));
  back = stored (uf, "R07");
  g_assert_true (sw_staff_get_active (back));
}

static void
test_staff_csv (UiFixture     *uf,
                gconstpointer  data)
{
  SwStaffView *view;
  g_autofree char *before = NULL;
  g_autofree char *unchanged = NULL;
  g_autofree char *message = NULL;
  g_autofree char *exported_text = NULL;
  g_autoptr(GFile) bad = NULL;
  g_autoptr(GFile) good = NULL;
  g_autoptr(GFile) exported = NULL;
  g_autoptr(SwStaff) x02 = NULL;
  g_autoptr(SwStaff) r02 = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;
  const char *problems;

  open_window (uf, "A01");
  view = staff_page (uf);
  before = sw_csv_export_staff (uf->fx.store);
  bad = write_file (uf, "bad.csv",
                    STAFF_HEADER
                    "X02,钱进,RETAIL,3,柜员,2020-01-01,,staff,regular,on_duty\n"
                    "X03,孙丽,RETAIL,senior,柜员,2020-01-01,,staff,regular,on_duty\n"
                    "X04,赵云,NOPE,3,柜员,2020-01-01,,staff,regular,on_duty\n");
  dialog = sw_dir_csv_import_file (GTK_WIDGET (view), uf->context, SW_DIR_STAFF, bad, &message);
  g_assert_nonnull (dialog);
  app_test_drain ();
  problems = sw_dir_csv_problems_text (dialog);
  g_test_message ("problems: %s", problems);
  g_assert_nonnull (strstr (problems, "Line 3: "));
  g_assert_nonnull (strstr (problems, "senior"));
  g_assert_nonnull (strstr (problems, "Line 4: "));
  g_assert_nonnull (strstr (problems, "NOPE"));
  g_assert_null (strstr (problems, "Line 2: "));
  /* Nothing imported, not even the good row. */
  unchanged = sw_csv_export_staff (uf->fx.store);
  g_assert_cmpstr (unchanged, ==, before);
  g_assert_null (sw_context_lookup_staff (uf->context, "X02"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_pointer (&message, g_free);

  good = write_file (uf, "good.csv",
                     STAFF_HEADER
                     "X02,钱进,RETAIL,3,柜员,2020-01-01,+8613812341234,staff,regular,on_duty\n"
                     "R02,李娜,RETAIL,4,大堂经理,2005-07-01,,staff,regular,meeting\n");
  g_assert_null (sw_dir_csv_import_file (GTK_WIDGET (view), uf->context, SW_DIR_STAFF, good, &message));
  g_assert_cmpstr (message, ==, "2 staff members imported");
  x02 = stored (uf, "X02");
  r02 = stored (uf, "R02");
  g_assert_nonnull (x02);
  g_assert_cmpstr (sw_staff_get_title (r02), ==, "大堂经理");
  g_assert_cmpint (sw_staff_get_availability (r02), ==, SW_AVAILABILITY_MEETING);
  /* The list and the context follow. */
  sw_staff_view_set_search (view, "钱进");
  g_assert_cmpuint (sw_staff_view_count_shown (view), ==, 1);
  g_assert_nonnull (sw_context_lookup_staff (uf->context, "X02"));

  exported = g_file_new_build_filename (uf->fx.dir, "out.csv", NULL);
  g_assert_true (sw_dir_csv_export_file (uf->context, SW_DIR_STAFF, exported, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_load_contents (exported, NULL, &exported_text, NULL, NULL, &error));
  g_assert_true (g_str_has_prefix (exported_text, STAFF_HEADER));
  g_assert_nonnull (strstr (exported_text, "X02,钱进,RETAIL"));
  /* a phone is not a formula in Excel: the export guards it, the import takes it back */
  g_assert_cmpstr (sw_staff_get_phone (x02), ==, "+8613812341234");
  g_assert_nonnull (strstr (exported_text, ",\"'+8613812341234\","));
  g_assert_null (sw_dir_csv_import_file (GTK_WIDGET (view), uf->context, SW_DIR_STAFF, exported, NULL));
  g_clear_object (&x02);
  x02 = stored (uf, "X02");
  g_assert_cmpstr (sw_staff_get_phone (x02), ==, "+8613812341234");
}

static void
test_departments (UiFixture     *uf,
                  gconstpointer  data)
{
  SwDepartmentsView *view;
  g_autoptr(SwDepartment) loan = NULL;
  g_autoptr(SwDepartment) values = NULL;
  g_autoptr(SwDepartment) after = NULL;
  g_autoptr(SwDepartment) sub = sw_department_new ("MORT", "按揭中心");
  g_autoptr(SwDepartment) made = NULL;
  g_autofree char *tree = NULL;
  g_autofree char *before = NULL;
  g_autofree char *unchanged = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GFile) bad = NULL;
  SwRegistration reg = {
    .channel = SW_CHANNEL_VISIT, .kind = SW_KIND_CONSULTATION,
    .content = "客户想了解房贷提前还款的手续", .customer_name = "张三", .customer_phone = "13812341234",
  };
  GtkWidget *dialog;

  /* Others read. */
  open_window (uf, "R01");
  view = departments_page (uf);
  g_assert_true (sw_departments_view_select (view, "LOAN"));
  g_assert_false (sw_departments_view_can_edit (view));
  g_assert_false (sw_departments_view_save (view));

  g_assert_true (sw_context_set_user (uf->context, "A01"));
  app_test_drain ();
  view = departments_page (uf);
  tree = sw_departments_view_describe (view);
  g_assert_cmpstr (tree, ==, "海淀支行\n  CORP\n  LOAN\n  OFFICE\n  RETAIL\n  UNION\n");
  g_clear_pointer (&tree, g_free);

  /* The routing finds nothing for a mortgage before the catalogue has it. */
  dialog = sw_window_new_case (uf->window);
  sw_register_dialog_fill (SW_REGISTER_DIALOG (dialog), &reg);
  g_assert_null (sw_register_dialog_get_suggestion (SW_REGISTER_DIALOG (dialog)));
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_true (sw_departments_view_select (view, "LOAN"));
  g_assert_true (sw_departments_view_can_edit (view));
  loan = sw_store_get_department (uf->fx.store, "LOAN");
  values = sw_department_copy (loan);
  g_object_set (values, "duties", " 贷款；房贷 ;抵押;", "location", "三楼 302", "phone", "010-6000 3020",
                "liaison-empno", "N01", NULL);
  g_assert_true (sw_departments_view_fill (view, values));
  g_assert_true (sw_departments_view_save (view));
  after = sw_store_get_department (uf->fx.store, "LOAN");
  g_assert_cmpstr (sw_department_get_duties (after), ==, "贷款;房贷;抵押");
  g_assert_cmpstr (sw_department_get_location (after), ==, "三楼 302");
  g_assert_cmpstr (sw_department_get_liaison_empno (after), ==, "N01");

  /* The registration dialog's routing directory now finds it. */
  dialog = sw_window_new_case (uf->window);
  sw_register_dialog_fill (SW_REGISTER_DIALOG (dialog), &reg);
  g_assert_cmpstr (sw_register_dialog_get_suggestion (SW_REGISTER_DIALOG (dialog)), ==, "LOAN");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* A new department nests under its parent. */
  g_assert_true (sw_departments_view_new_department (view));
  g_object_set (sub, "parent-code", "LOAN", "head-empno", "N01", NULL);
  g_assert_true (sw_departments_view_fill (view, sub));
  g_assert_true (sw_departments_view_save (view));
  made = sw_store_get_department (uf->fx.store, "MORT");
  g_assert_nonnull (made);
  g_assert_cmpstr (sw_department_get_parent_code (made), ==, "LOAN");
  g_assert_cmpstr (sw_department_get_branch_code (made), ==, "BJ01");
  tree = sw_departments_view_describe (view);
  g_assert_cmpstr (tree, ==, "海淀支行\n  CORP\n  LOAN\n    MORT\n  OFFICE\n  RETAIL\n  UNION\n");

  /* LOAN cannot move under its own sub-department: refused, nothing saved. */
  g_assert_true (sw_departments_view_select (view, "LOAN"));
  g_clear_object (&values);
  g_clear_object (&loan);
  loan = sw_store_get_department (uf->fx.store, "LOAN");
  values = sw_department_copy (loan);
  g_object_set (values, "parent-code", "MORT", NULL);
  g_assert_true (sw_departments_view_fill (view, values));
  g_assert_false (sw_departments_view_save (view));
  g_assert_nonnull (strstr (sw_departments_view_get_error (view), "MORT"));
  g_clear_object (&after);
  after = sw_store_get_department (uf->fx.store, "LOAN");
  g_assert_cmpstr (sw_department_get_parent_code (after), !=, "MORT");

  /* A department file with problems imports nothing. */
  before = sw_csv_export_departments (uf->fx.store);
  bad = write_file (uf, "departments.csv",
                    "code,name,parent_code,location,phone,liaison_empno,head_empno,duties\n"
                    "CARD,信用卡中心,,二楼,010-1,,,信用卡\n"
                    "VIP,贵宾室,NOWHERE,,,,,理财\n");
  dialog = sw_dir_csv_import_file (GTK_WIDGET (view), uf->context, SW_DIR_DEPARTMENTS, bad, &message);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (sw_dir_csv_problems_text (dialog), "Line 3: "));
  g_assert_nonnull (strstr (sw_dir_csv_problems_text (dialog), "NOWHERE"));
  unchanged = sw_csv_export_departments (uf->fx.store);
  g_assert_cmpstr (unchanged, ==, before);
  g_assert_null (sw_context_lookup_department (uf->context, "CARD"));
}

int
main (int   argc,
      char *argv[])
{
  app_test_init (&argc, &argv, "none");

  g_test_add ("/directory-ui/staff-rights", UiFixture, NULL, ui_setup, test_staff_rights, ui_teardown);
  g_test_add ("/directory-ui/staff-availability", UiFixture, NULL, ui_setup, test_staff_availability, ui_teardown);
  g_test_add ("/directory-ui/staff-create-deactivate", UiFixture, NULL, ui_setup, test_staff_create_deactivate,
              ui_teardown);
  g_test_add ("/directory-ui/staff-csv", UiFixture, NULL, ui_setup, test_staff_csv, ui_teardown);
  g_test_add ("/directory-ui/departments", UiFixture, NULL, ui_setup, test_departments, ui_teardown);
  return g_test_run ();
}
