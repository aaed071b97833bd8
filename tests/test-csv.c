/* test-csv.c — CSV parsing and the directory's import and export
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "sw-csv.h"
#include "sw-error.h"
#include "sw-store.h"

#define DEPT_HEADER "code,name,parent_code,location,phone,liaison_empno,head_empno,duties\n"
#define STAFF_HEADER "empno,name,department_code,rank,title,hire_date,phone,role,kind,availability\n"

typedef struct {
  char    *dir;
  SwStore *store;
} Fixture;

static SwStore *
open_store (const char *dir,
            const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SwBranch) branch = sw_branch_new ("BJ01", "北京分行营业部");
  SwStore *store = sw_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  sw_store_put_branch (store, branch, &error);
  g_assert_no_error (error);
  sw_store_set_meta (store, SW_META_BRANCH_CODE, "BJ01", &error);
  g_assert_no_error (error);
  return store;
}

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fx->dir = g_dir_make_tmp ("shouwen-csv-XXXXXX", &error);
  g_assert_no_error (error);
  fx->store = open_store (fx->dir, "a.db");
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&fx->store);
  dir = g_dir_open (fx->dir, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fx->dir, name, NULL);
      g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (fx->dir), ==, 0);
  g_free (fx->dir);
}

static guint
n_staff (SwStore *store)
{
  g_autoptr(GListModel) list = sw_store_list_staff (store);
  return g_list_model_get_n_items (list);
}

static guint
n_departments (SwStore *store)
{
  g_autoptr(GListModel) list = sw_store_list_departments (store);
  return g_list_model_get_n_items (list);
}

static void
import_departments (SwStore    *store,
                    const char *csv,
                    guint       expected)
{
  g_autoptr(GError) error = NULL;
  guint n = G_MAXUINT;

  g_assert_true (sw_csv_import_departments (store, csv, strlen (csv), &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, expected);
}

static void
import_staff (SwStore    *store,
              const char *csv,
              guint       expected)
{
  g_autoptr(GError) error = NULL;
  guint n = G_MAXUINT;

  g_assert_true (sw_csv_import_staff (store, csv, strlen (csv), &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, expected);
}

/* ------------------------------------------------------------ parsing */

/* Rows as "f|f|f" joined by " / ", with CR and LF shown as \r and \n. */
static char *
describe_rows (GPtrArray *rows)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      char **fields = g_ptr_array_index (rows, i);

      if (i > 0)
        g_string_append (out, " / ");
      for (guint j = 0; fields[j] != NULL; j++)
        {
          if (j > 0)
            g_string_append_c (out, '|');
          for (const char *p = fields[j]; *p != '\0'; p++)
            {
              if (*p == '\n')
                g_string_append (out, "\\n");
              else if (*p == '\r')
                g_string_append (out, "\\r");
              else
                g_string_append_c (out, *p);
            }
        }
    }
  return g_string_free (out, FALSE);
}

static char *
describe_lines (GArray *lines)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, i ? " %u" : "%u", g_array_index (lines, guint, i));
  return g_string_free (out, FALSE);
}

static void
test_parse (void)
{
  static const struct {
    const char *text;
    const char *rows;
    const char *lines;
  } cases[] = {
    { "a,b,c\n1,2,3\n", "a|b|c / 1|2|3", "1 2" },
    { "a,b", "a|b", "1" },
    { "", "", "" },
    { "\"x,y\",z\n", "x,y|z", "1" },
    { "\"he said \"\"hi\"\"\",2\n", "he said \"hi\"|2", "1" },
    { "\"\",x\n\"\"\"\"\n", "|x / \"", "1 2" },
    { "a,\"line1\nline2\"\nb,c\n", "a|line1\\nline2 / b|c", "1 3" },
    { "a,b\r\nc,d\r\n", "a|b / c|d", "1 2" },
    { "\"x\r\ny\",z\r\nq,r", "x\\r\\ny|z / q|r", "1 3" },
    { "\xEF\xBB\xBF" "code,name\n", "code|name", "1" },
    { "\n\na,b\n\r\n\nc,d\n\n", "a|b / c|d", "3 6" },
    { "a,\n,,\n", "a| / ||", "1 2" },
    { "办公室,张伟\n", "办公室|张伟", "1" },
    { "ab\"c,d\n", "ab\"c|d", "1" },
    { "\"q\"  ,x\n", "q|x", "1" },
    { "\"a\n\nb\"\n\nc\n", "a\\n\\nb / c", "1 5" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) lines = NULL;
      g_autoptr(GPtrArray) rows = sw_csv_parse (cases[i].text, strlen (cases[i].text), &lines, &error);
      g_autofree char *got_rows = NULL;
      g_autofree char *got_lines = NULL;

      g_test_message ("case %u", i);
      g_assert_no_error (error);
      g_assert_nonnull (rows);
      g_assert_nonnull (lines);
      g_assert_cmpuint (rows->len, ==, lines->len);
      got_rows = describe_rows (rows);
      got_lines = describe_lines (lines);
      g_assert_cmpstr (got_rows, ==, cases[i].rows);
      g_assert_cmpstr (got_lines, ==, cases[i].lines);
    }
}

static void
test_parse_errors (void)
{
  static const struct {
    const char *text;
    const char *prefix;
  } cases[] = {
    { "a,b\nc,\"open\nmore\n", "Line 2: " },
    { "a\n\n\"x\ny\nz", "Line 3: " },
    { "a,b\r\nc,d\r\n\xff,e\r\n", "Line 3: " },
    { "a\n\"x\ny\xc3(\"\n", "Line 3: " },
    { "a\nb\n\"a\"b,c\n", "Line 3: " },
    { "a\n\"x\n\"\"\n", "Line 2: " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) lines = NULL;
      g_autoptr(GPtrArray) rows = sw_csv_parse (cases[i].text, strlen (cases[i].text), &lines, &error);

      g_test_message ("case %u", i);
      g_assert_null (rows);
      g_assert_null (lines);
      g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, cases[i].prefix));
    }
}

/* An embedded NUL within `length` is not valid UTF-8 for g_utf8_validate. */
static void
test_parse_nul (void)
{
  static const char text[] = "a,b\nc\0d\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = sw_csv_parse (text, sizeof text - 1, NULL, &error);

  g_assert_null (rows);
  g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Line 2: "));
}

/* ------------------------------------------------------------ good import */

static const char good_departments[] =
  DEPT_HEADER
  "YYB,营业部,BGS,\"一楼大厅, 东侧\",010-6512 3456,E002,E001,开户;挂失;转账\n"
  "BGS,办公室,,\"三楼 \"\"301\"\" 室\",+86 10 6512 0000,,E003,协调;投诉\n"
  "GHS,工会,,,,,,\n";

static const char good_staff[] =
  "\xEF\xBB\xBF" " empno , name ,department_code,rank,title,hire_date,phone,role,kind,availability\r\n"
  "E001,张伟,YYB,5,\"主任, 营业部\",2015-03-01,138 0000 0001,head,regular,on_duty\r\n"
  "\r\n"
  "E002,李娜,YYB,2,柜员,2020-02-29,,staff,temporary,meeting\r\n"
  "E003,王芳,BGS,0,,2018-12-31,+86-10-1234,supervisor,maintenance,sick\r\n";

static void
test_import_good (Fixture       *fx,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SwDepartment) yyb = NULL;
  g_autoptr(SwDepartment) bgs = NULL;
  g_autoptr(SwDepartment) ghs = NULL;
  g_autoptr(SwStaff) zhang = NULL;
  g_autoptr(SwStaff) li = NULL;
  g_autoptr(SwStaff) wang = NULL;

  problems = sw_csv_check_departments (fx->store, good_departments, strlen (good_departments));
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);
  import_departments (fx->store, good_departments, 3);
  g_assert_cmpuint (n_departments (fx->store), ==, 3);

  yyb = sw_store_get_department (fx->store, "YYB");
  g_assert_nonnull (yyb);
  g_assert_cmpstr (sw_department_get_name (yyb), ==, "营业部");
  g_assert_cmpstr (sw_department_get_parent_code (yyb), ==, "BGS");
  g_assert_cmpstr (sw_department_get_branch_code (yyb), ==, "BJ01");
  g_assert_cmpstr (sw_department_get_location (yyb), ==, "一楼大厅, 东侧");
  g_assert_cmpstr (sw_department_get_phone (yyb), ==, "010-6512 3456");
  g_assert_cmpstr (sw_department_get_liaison_empno (yyb), ==, "E002");
  g_assert_cmpstr (sw_department_get_head_empno (yyb), ==, "E001");
  g_assert_cmpstr (sw_department_get_duties (yyb), ==, "开户;挂失;转账");

  bgs = sw_store_get_department (fx->store, "BGS");
  g_assert_nonnull (bgs);
  g_assert_cmpstr (sw_department_get_name (bgs), ==, "办公室");
  g_assert_null (sw_department_get_parent_code (bgs));
  g_assert_cmpstr (sw_department_get_location (bgs), ==, "三楼 \"301\" 室");
  g_assert_null (sw_department_get_liaison_empno (bgs));

  ghs = sw_store_get_department (fx->store, "GHS");
  g_assert_nonnull (ghs);
  g_assert_null (sw_department_get_location (ghs));
  g_assert_null (sw_department_get_duties (ghs));

  problems = sw_csv_check_staff (fx->store, good_staff, strlen (good_staff));
  g_assert_cmpuint (problems->len, ==, 0);
  import_staff (fx->store, good_staff, 3);
  g_assert_cmpuint (n_staff (fx->store), ==, 3);

  zhang = sw_store_get_staff (fx->store, "E001");
  g_assert_nonnull (zhang);
  g_assert_cmpstr (sw_staff_get_name (zhang), ==, "张伟");
  g_assert_cmpstr (sw_staff_get_department_code (zhang), ==, "YYB");
  g_assert_cmpint (sw_staff_get_rank (zhang), ==, 5);
  g_assert_cmpstr (sw_staff_get_title (zhang), ==, "主任, 营业部");
  g_assert_cmpstr (sw_staff_get_hire_date (zhang), ==, "2015-03-01");
  g_assert_cmpstr (sw_staff_get_phone (zhang), ==, "138 0000 0001");
  g_assert_cmpint (sw_staff_get_role (zhang), ==, SW_ROLE_HEAD);
  g_assert_cmpint (sw_staff_get_kind (zhang), ==, SW_STAFF_KIND_REGULAR);
  g_assert_cmpint (sw_staff_get_availability (zhang), ==, SW_AVAILABILITY_ON_DUTY);
  g_assert_true (sw_staff_get_active (zhang));

  li = sw_store_get_staff (fx->store, "E002");
  g_assert_nonnull (li);
  g_assert_cmpstr (sw_staff_get_name (li), ==, "李娜");
  g_assert_cmpint (sw_staff_get_rank (li), ==, 2);
  g_assert_cmpstr (sw_staff_get_hire_date (li), ==, "2020-02-29");
  g_assert_null (sw_staff_get_phone (li));
  g_assert_cmpint (sw_staff_get_role (li), ==, SW_ROLE_STAFF);
  g_assert_cmpint (sw_staff_get_kind (li), ==, SW_STAFF_KIND_TEMPORARY);
  g_assert_cmpint (sw_staff_get_availability (li), ==, SW_AVAILABILITY_MEETING);

  wang = sw_store_get_staff (fx->store, "E003");
  g_assert_nonnull (wang);
  g_assert_cmpstr (sw_staff_get_department_code (wang), ==, "BGS");
  g_assert_cmpint (sw_staff_get_rank (wang), ==, 0);
  g_assert_null (sw_staff_get_title (wang));
  g_assert_cmpstr (sw_staff_get_phone (wang), ==, "+86-10-1234");
  g_assert_cmpint (sw_staff_get_role (wang), ==, SW_ROLE_SUPERVISOR);
  g_assert_cmpint (sw_staff_get_kind (wang), ==, SW_STAFF_KIND_MAINTENANCE);
  g_assert_cmpint (sw_staff_get_availability (wang), ==, SW_AVAILABILITY_SICK);
}

/* Re-importing updates the file's fields and keeps the proxy and the active
 * flag, which are not in the file. */
static void
test_import_merge (Fixture       *fx,
                   gconstpointer  data)
{
  static const char update[] =
    STAFF_HEADER
    "E002,李娜,BGS,3,副主任,2020-02-29,010-1,head,regular,leave\n"
    "E004,赵磊,YYB,1,柜员,2024-07-01,,staff,regular,on_duty\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(SwStaff) li = NULL;
  g_autoptr(SwStaff) zhao = NULL;
  g_autoptr(SwStaff) inactive = NULL;

  import_departments (fx->store, good_departments, 3);
  import_staff (fx->store, good_staff, 3);

  li = sw_store_get_staff (fx->store, "E002");
  inactive = g_object_new (SW_TYPE_STAFF, NULL);
  g_object_set (inactive, "empno", "E002", "name", sw_staff_get_name (li),
                "department-code", "YYB", "hire-date", "2020-02-29",
                "proxy-empno", "E001", "active", FALSE, NULL);
  g_assert_true (sw_store_put_staff (fx->store, inactive, &error));
  g_assert_no_error (error);
  g_clear_object (&li);

  import_staff (fx->store, update, 2);
  g_assert_cmpuint (n_staff (fx->store), ==, 4);

  li = sw_store_get_staff (fx->store, "E002");
  g_assert_cmpstr (sw_staff_get_department_code (li), ==, "BGS");
  g_assert_cmpint (sw_staff_get_rank (li), ==, 3);
  g_assert_cmpstr (sw_staff_get_title (li), ==, "副主任");
  g_assert_cmpstr (sw_staff_get_phone (li), ==, "010-1");
  g_assert_cmpint (sw_staff_get_role (li), ==, SW_ROLE_HEAD);
  g_assert_cmpint (sw_staff_get_availability (li), ==, SW_AVAILABILITY_LEAVE);
  g_assert_cmpstr (sw_staff_get_proxy_empno (li), ==, "E001");
  g_assert_false (sw_staff_get_active (li));

  zhao = sw_store_get_staff (fx->store, "E004");
  g_assert_nonnull (zhao);
  g_assert_true (sw_staff_get_active (zhao));
  g_assert_null (sw_staff_get_proxy_empno (zhao));
}

static void
test_header_only (Fixture       *fx,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint n = G_MAXUINT;

  import_departments (fx->store, DEPT_HEADER, 0);
  g_assert_cmpuint (n_departments (fx->store), ==, 0);

  g_assert_false (sw_csv_import_staff (fx->store, "", 0, &n, &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Line 1: "));
  g_assert_cmpuint (n, ==, 0);
}

/* A row that passes the checks but fails in the database rolls everything
 * back and leaves no transaction open. */
static void
test_import_rollback (Fixture       *fx,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fx->dir, "a.db", NULL);
  g_autoptr(SwStore) other = NULL;
  g_autoptr(GError) error = NULL;
  guint n = G_MAXUINT;

  /* departments refer to their branch, and there is no branch ZZ99 */
  g_assert_true (sw_store_set_meta (fx->store, SW_META_BRANCH_CODE, "ZZ99", &error));
  g_assert_false (sw_csv_import_departments (fx->store, good_departments,
                                             strlen (good_departments), &n, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "Line 2: "));
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpuint (n_departments (fx->store), ==, 0);
  g_clear_error (&error);

  g_assert_true (sw_store_set_meta (fx->store, SW_META_BRANCH_CODE, "BJ01", &error));
  import_departments (fx->store, good_departments, 3);

  other = sw_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_departments (other), ==, 3);
}

/* ------------------------------------------------------------ bad rows */

typedef struct {
  gboolean    staff;
  const char *csv;
  guint       line;      /* of the (first) problem */
  const char *needle;    /* in that problem's message */
  guint       n_problems;
} BadCase;

static const BadCase bad_cases[] = {
  /* staff: line 2 is always good, so that importing nothing is visible */
  { TRUE, STAFF_HEADER "E100,张伟,BGS,5,,2015-03-01,,staff,regular,on_duty\n"
                       "E101,李娜,BGS,abc,,2020-01-01,,staff,regular,on_duty\n",
    3, "“rank”", 1 },
  { TRUE, STAFF_HEADER "E100,张伟,BGS,5,,2015-03-01,,staff,regular,on_duty\n"
                       "E101,李娜,BGS,-1,,2020-01-01,,staff,regular,on_duty\n",
    3, "“rank”", 1 },
  { TRUE, STAFF_HEADER "E100,张伟,BGS,5,,2015-03-01,,staff,regular,on_duty\n"
                       "E101,李娜,BGS,1,,2026-02-30,,staff,regular,on_duty\n",
    3, "“hire_date”", 1 },
  { TRUE, STAFF_HEADER "E100,张伟,BGS,5,,2015-03-01,,staff,regular,on_duty\n"
                       "E101,李娜,BGS,1,,2026-2-3,,staff,regular,on_duty\n",
    3, "2026-2-3", 1 },
  { TRUE, STAFF_HEADER "E100,张伟,BGS,5,,2015-03-01,,staff,regular,on_duty\n"
                       "E101,李娜,BGS,1,,,,staff,regular,on_duty\n",
    3, "“hire_date”", 1 },
  { TRUE, STAFF_HEADER "E100,张伟,BGS,5,,2015-03-01,,staff,regular,on_duty\n"
                       "E101,李娜,BGS,1,,2020-01-01,,boss,regular,on_duty\n",
    3, "staff, head, supervisor, inspector, admin", 1 },
  { TRUE, STAFF_HEADER "E100,张伟,BGS,5,,2015-03-01,,staff,regular,on_duty\n"
                       "E101,李娜,BGS,1,,2020-01-01,,staff,intern,on_duty\n",
    3, "“kind”", 1 },
  { TRUE, STAFF_HEADER "E100,张伟,BGS,5,,2015-03-01,,staff,regular,on_duty\n"
                       "E101,李娜,BGS,1,,2020-01-01,,staff,regular,away\n",
    3, "“availability”", 1 },
  { TRUE, STAFF_HEADER "E100,张伟,BGS,5,,2015-03-01,,staff,regular,on_duty\n"
                       "E101,李娜,XYZ,1,,2020-01-01,,staff,regular,on_duty\n",
    3, "“XYZ”", 1 },
  { TRUE, STAFF_HEADER "E100,张伟,BGS,5,,2015-03-01,,staff,regular,on_duty\n"
                       "E101,李娜,BGS,1,,2020-01-01,,staff,regular,on_duty\n"
                       "E100,王芳,BGS,1,,2020-01-01,,staff,regular,on_duty\n",
    4, "first on line 2", 1 },
  { TRUE, STAFF_HEADER "E100,张伟,BGS,5,,2015-03-01,,staff,regular,on_duty\n"
                       "E101,李娜,BGS,1,,2020-01-01,staff,regular,on_duty\n",
    3, "Expected 10 fields, found 9", 1 },
  { TRUE, "empno,name,department,rank,title,hire_date,phone,role,kind,availability\n"
          "E100,张伟,BGS,5,,2015-03-01,,staff,regular,on_duty\n",
    1, "header", 1 },
  { TRUE, STAFF_HEADER "E100,张伟,BGS,5,,2015-03-01,,staff,regular,on_duty\n"
                       "E101,,BGS,1,,2020-01-01,,staff,regular,on_duty\n",
    3, "“name”", 1 },
  { TRUE, STAFF_HEADER "E100,张伟,BGS,5,,2015-03-01,,staff,regular,on_duty\n"
                       "E101,李娜,BGS,1,,2020-01-01,分机 12,staff,regular,on_duty\n",
    3, "“phone”", 1 },
  /* line numbers count embedded newlines, CRLF and empty lines */
  { TRUE, STAFF_HEADER "E100,张伟,BGS,5,\"主任\r\n兼\n出纳\",2015-03-01,,staff,regular,on_duty\r\n"
                       "\r\n\n"
                       "E101,李娜,BGS,1,,2020-01-01,,staff,regular,on_duty\n"
                       "E102,王芳,BGS,1,,2020-13-01,,staff,regular,on_duty\n",
    8, "“hire_date”", 1 },
  { TRUE, STAFF_HEADER "E100,张伟,BGS,5,,2015-03-01,,staff,regular,on_duty\n"
                       "E101,\"李娜,BGS,1,,2020-01-01,,staff,regular,on_duty\n",
    3, "not closed", 1 },
  { TRUE, STAFF_HEADER "E100,张伟,BGS,5,,2015-03-01,,staff,regular,on_duty\n"
                       "E101,\xe6\x9d,BGS,1,,2020-01-01,,staff,regular,on_duty\n",
    3, "UTF-8", 1 },
  /* departments: NEW on line 2 is good */
  { FALSE, DEPT_HEADER "NEW,新部门,,,,,,\n"
                       "XXB,信息部,NOPE,,,,,\n",
    3, "“NOPE”", 1 },
  { FALSE, DEPT_HEADER "NEW,新部门,,,,,,\n"
                       "NEW,又一个,,,,,,\n",
    3, "first on line 2", 1 },
  { FALSE, DEPT_HEADER "NEW,新部门,,,,,,\n"
                       "XXB,信息部,XXB,,,,,\n",
    3, "“parent_code”", 1 },
  { FALSE, DEPT_HEADER "NEW,新部门,,,,,,\n"
                       "XXB,信息部,YYB,,,,,\n"
                       "YYB,营业部,XXB,,,,,\n",
    3, "loop", 2 },
  { FALSE, DEPT_HEADER "NEW,新部门,,,,,,\n"
                       ",信息部,,,,,,\n",
    3, "“code”", 1 },
  { FALSE, DEPT_HEADER "NEW,新部门,,,,,,\n"
                       "XXB,,,,,,\n",
    3, "Expected 8 fields, found 7", 1 },
  { FALSE, "code,name,parent_code,location,phone,liaison_empno,head_empno\n"
           "NEW,新部门,,,,,\n",
    1, "header", 1 },
};

static void
test_bad_rows (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(SwDepartment) bgs = sw_department_new ("BGS", "办公室");
  g_autoptr(SwStaff) old = sw_staff_new ("E001", "张伟");
  g_autoptr(GError) error = NULL;

  g_assert_true (sw_store_put_department (fx->store, bgs, &error));
  g_object_set (old, "department-code", "BGS", "hire-date", "2010-01-01", NULL);
  g_assert_true (sw_store_put_staff (fx->store, old, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      const BadCase *c = &bad_cases[i];
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(SwStaff) e100 = NULL;
      g_autoptr(SwDepartment) added = NULL;
      g_autofree char *line = g_strdup_printf ("Line %u: ", c->line);
      SwCsvProblem *p;
      gboolean ok;
      guint n = G_MAXUINT;

      g_test_message ("case %u", i);
      problems = c->staff ? sw_csv_check_staff (fx->store, c->csv, strlen (c->csv))
                          : sw_csv_check_departments (fx->store, c->csv, strlen (c->csv));
      g_assert_cmpuint (problems->len, ==, c->n_problems);
      p = g_ptr_array_index (problems, 0);
      g_test_message ("line %u: %s", p->line, p->message);
      g_assert_cmpuint (p->line, ==, c->line);
      g_assert_nonnull (strstr (p->message, c->needle));

      ok = c->staff ? sw_csv_import_staff (fx->store, c->csv, strlen (c->csv), &n, &error)
                    : sw_csv_import_departments (fx->store, c->csv, strlen (c->csv), &n, &error);
      g_assert_false (ok);
      g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, line));
      g_assert_nonnull (strstr (error->message, c->needle));
      g_assert_cmpuint (n, ==, 0);
      g_clear_error (&error);

      g_assert_cmpuint (n_staff (fx->store), ==, 1);
      g_assert_cmpuint (n_departments (fx->store), ==, 1);
      e100 = sw_store_get_staff (fx->store, "E100");
      g_assert_null (e100);
      added = sw_store_get_department (fx->store, "NEW");
      g_assert_null (added);
    }
}

static void
test_many_problems (Fixture       *fx,
                    gconstpointer  data)
{
  static const char csv[] =
    STAFF_HEADER
    "E100,张伟,BGS,x,,2015-03-01,,staff,regular,on_duty\n"
    "E101,李娜,BGS,1,,2020-01-01,,staff,regular,on_duty\n"
    "E102,王芳,NOPE,1,,2021-02-29,,staff,regular,on_duty\n"
    "E103,赵磊,BGS,1,,2020-01-01,,staff\n"
    "E104,刘洋,BGS,1,,2020-01-01,,,regular,on_duty\n";
  static const guint lines[] = { 2, 4, 4, 5, 6 };
  static const char * const needles[] = {
    "“rank”", "“department_code”", "“hire_date”", "Expected", "“role”",
  };
  g_autoptr(SwDepartment) bgs = sw_department_new ("BGS", "办公室");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  const char *m;

  g_assert_true (sw_store_put_department (fx->store, bgs, &error));
  g_assert_no_error (error);

  problems = sw_csv_check_staff (fx->store, csv, strlen (csv));
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (lines));
  for (guint i = 0; i < problems->len; i++)
    {
      SwCsvProblem *p = g_ptr_array_index (problems, i);

      g_test_message ("line %u: %s", p->line, p->message);
      g_assert_cmpuint (p->line, ==, lines[i]);
      g_assert_nonnull (strstr (p->message, needles[i]));
    }

  g_assert_false (sw_csv_import_staff (fx->store, csv, strlen (csv), NULL, &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
  g_test_message ("%s", error->message);
  /* a header line, then one line per problem, in order */
  m = error->message;
  g_assert_nonnull (strstr (m, "5 problems"));
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_autofree char *prefix = g_strdup_printf ("\nLine %u: ", lines[i]);

      m = strstr (m, prefix);
      g_assert_nonnull (m);
      m += strlen (prefix);
      g_assert_true (g_str_has_prefix (m, "Column") || g_str_has_prefix (m, "Expected"));
    }
  g_assert_null (strchr (m, '\n'));
  g_assert_cmpuint (n_staff (fx->store), ==, 0);
}

/* ------------------------------------------------------------ round trip */

static void
put_test_directory (SwStore *store)
{
  static const struct {
    const char *code, *name, *parent, *location, *phone, *liaison, *head, *duties;
  } depts[] = {
    { "BGS", "办公室", NULL, "三楼 \"301\" 室, 东侧", "010-6512 0000", "E002", "E001", "协调;投诉;督办" },
    { "YYB", "营业部", "BGS", "一楼\n大厅", NULL, NULL, "E003", "开户;挂失" },
    { "GHS", "工会", NULL, NULL, NULL, NULL, NULL, NULL },
  };
  static const struct {
    const char *empno, *name, *dept;
    int rank;
    const char *title, *hire_date, *phone;
    SwRole role;
    SwStaffKind kind;
    SwAvailability availability;
  } staff[] = {
    { "E003", "王芳", "YYB", 3, "主任", "2012-05-06", "138-0000", SW_ROLE_HEAD,
      SW_STAFF_KIND_REGULAR, SW_AVAILABILITY_TRIP },
    { "E001", "张伟", "BGS", 9, "主任, \"兼\" 督查", "2010-01-31", "+86 10 1", SW_ROLE_ADMIN,
      SW_STAFF_KIND_REGULAR, SW_AVAILABILITY_ON_DUTY },
    { "E002", "李娜", "BGS", 9, NULL, "2019-07-01", NULL, SW_ROLE_INSPECTOR,
      SW_STAFF_KIND_TEMPORARY, SW_AVAILABILITY_LEAVE },
    { "E004", "赵磊", "YYB", 0, "保安\n夜班", "2024-02-29", NULL, SW_ROLE_STAFF,
      SW_STAFF_KIND_MAINTENANCE, SW_AVAILABILITY_SICK },
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (depts); i++)
    {
      g_autoptr(SwDepartment) d = sw_department_new (depts[i].code, depts[i].name);

      g_object_set (d, "parent-code", depts[i].parent, "branch-code", "BJ01",
                    "location", depts[i].location, "phone", depts[i].phone,
                    "liaison-empno", depts[i].liaison, "head-empno", depts[i].head,
                    "duties", depts[i].duties, NULL);
      g_assert_true (sw_store_put_department (store, d, &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (staff); i++)
    {
      g_autoptr(SwStaff) s = sw_staff_new (staff[i].empno, staff[i].name);

      g_object_set (s, "department-code", staff[i].dept, "rank", staff[i].rank,
                    "title", staff[i].title, "hire-date", staff[i].hire_date,
                    "phone", staff[i].phone, "role", staff[i].role, "kind", staff[i].kind,
                    "availability", staff[i].availability, NULL);
      g_assert_true (sw_store_put_staff (store, s, &error));
      g_assert_no_error (error);
    }
}

static void
assert_same_directory (SwStore *a,
                       SwStore *b)
{
  g_autoptr(GListModel) da = sw_store_list_departments (a);
  g_autoptr(GListModel) db = sw_store_list_departments (b);
  g_autoptr(GListModel) sa = sw_store_list_staff (a);
  g_autoptr(GListModel) sb = sw_store_list_staff (b);

  g_assert_cmpuint (g_list_model_get_n_items (da), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (db), ==, g_list_model_get_n_items (da));
  for (guint i = 0; i < g_list_model_get_n_items (da); i++)
    {
      g_autoptr(SwDepartment) x = g_list_model_get_item (da, i);
      g_autoptr(SwDepartment) y = g_list_model_get_item (db, i);

      g_assert_cmpstr (sw_department_get_code (x), ==, sw_department_get_code (y));
      g_assert_cmpstr (sw_department_get_name (x), ==, sw_department_get_name (y));
      g_assert_cmpstr (sw_department_get_parent_code (x), ==, sw_department_get_parent_code (y));
      g_assert_cmpstr (sw_department_get_branch_code (x), ==, sw_department_get_branch_code (y));
      g_assert_cmpstr (sw_department_get_location (x), ==, sw_department_get_location (y));
      g_assert_cmpstr (sw_department_get_phone (x), ==, sw_department_get_phone (y));
      g_assert_cmpstr (sw_department_get_liaison_empno (x), ==, sw_department_get_liaison_empno (y));
      g_assert_cmpstr (sw_department_get_head_empno (x), ==, sw_department_get_head_empno (y));
      g_assert_cmpstr (sw_department_get_duties (x), ==, sw_department_get_duties (y));
    }

  g_assert_cmpuint (g_list_model_get_n_items (sa), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (sb), ==, g_list_model_get_n_items (sa));
  for (guint i = 0; i < g_list_model_get_n_items (sa); i++)
    {
      g_autoptr(SwStaff) x = g_list_model_get_item (sa, i);
      g_autoptr(SwStaff) y = g_list_model_get_item (sb, i);

      g_assert_cmpstr (sw_staff_get_empno (x), ==, sw_staff_get_empno (y));
      g_assert_cmpstr (sw_staff_get_name (x), ==, sw_staff_get_name (y));
      g_assert_cmpstr (sw_staff_get_department_code (x), ==, sw_staff_get_department_code (y));
      g_assert_cmpint (sw_staff_get_rank (x), ==, sw_staff_get_rank (y));
      g_assert_cmpstr (sw_staff_get_title (x), ==, sw_staff_get_title (y));
      g_assert_cmpstr (sw_staff_get_hire_date (x), ==, sw_staff_get_hire_date (y));
      g_assert_cmpstr (sw_staff_get_phone (x), ==, sw_staff_get_phone (y));
      g_assert_cmpint (sw_staff_get_role (x), ==, sw_staff_get_role (y));
      g_assert_cmpint (sw_staff_get_kind (x), ==, sw_staff_get_kind (y));
      g_assert_cmpint (sw_staff_get_availability (x), ==, sw_staff_get_availability (y));
      g_assert_cmpint (sw_staff_get_active (x), ==, sw_staff_get_active (y));
      g_assert_cmpstr (sw_staff_get_proxy_empno (x), ==, sw_staff_get_proxy_empno (y));
    }
}

static void
test_round_trip (Fixture       *fx,
                 gconstpointer  data)
{
  g_autoptr(SwStore) copy = open_store (fx->dir, "b.db");
  g_autoptr(GListModel) listed = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *departments = NULL;
  g_autofree char *staff = NULL;
  g_autofree char *departments2 = NULL;
  g_autofree char *staff2 = NULL;

  put_test_directory (fx->store);
  departments = sw_csv_export_departments (fx->store);
  staff = sw_csv_export_staff (fx->store);
  g_test_message ("%s%s", departments, staff);

  g_assert_true (g_str_has_prefix (departments, DEPT_HEADER));
  g_assert_true (g_str_has_prefix (staff, STAFF_HEADER));
  g_assert_nonnull (strstr (departments, "\nBGS,办公室,,\"三楼 \"\"301\"\" 室, 东侧\",010-6512 0000,E002,E001,协调;投诉;督办\n"));
  g_assert_nonnull (strstr (departments, "\nYYB,营业部,BGS,\"一楼\n大厅\",,,E003,开户;挂失\n"));
  g_assert_nonnull (strstr (departments, "\nGHS,工会,,,,,,\n"));
  g_assert_nonnull (strstr (staff, "\nE001,张伟,BGS,9,\"主任, \"\"兼\"\" 督查\",2010-01-31,\"'+86 10 1\",admin,regular,on_duty\n"));
  g_assert_null (strchr (departments, '\r'));
  g_assert_null (strchr (staff, '\r'));

  /* staff rows come in the order of sw_store_list_staff */
  rows = sw_csv_parse (staff, strlen (staff), NULL, &error);
  g_assert_no_error (error);
  listed = sw_store_list_staff (fx->store);
  g_assert_cmpuint (rows->len, ==, g_list_model_get_n_items (listed) + 1);
  for (guint i = 0; i < g_list_model_get_n_items (listed); i++)
    {
      g_autoptr(SwStaff) s = g_list_model_get_item (listed, i);
      char **fields = g_ptr_array_index (rows, i + 1);

      g_assert_cmpstr (fields[0], ==, sw_staff_get_empno (s));
    }

  import_departments (copy, departments, 3);
  import_staff (copy, staff, 4);
  assert_same_directory (fx->store, copy);

  departments2 = sw_csv_export_departments (copy);
  staff2 = sw_csv_export_staff (copy);
  g_assert_cmpstr (departments2, ==, departments);
  g_assert_cmpstr (staff2, ==, staff);
}

int
main (int   argc,
      char *argv[])
{
  /* the assertions look for the untranslated messages */
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/parse", test_parse);
  g_test_add_func ("/csv/parse-errors", test_parse_errors);
  g_test_add_func ("/csv/parse-nul", test_parse_nul);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/csv/import-good", test_import_good);
  ADD ("/csv/import-merge", test_import_merge);
  ADD ("/csv/header-only", test_header_only);
  ADD ("/csv/import-rollback", test_import_rollback);
  ADD ("/csv/bad-rows", test_bad_rows);
  ADD ("/csv/many-problems", test_many_problems);
  ADD ("/csv/round-trip", test_round_trip);
#undef ADD

  return g_test_run ();
}
