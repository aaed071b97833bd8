/* test-csv-writer.c — the one CSV writer: quoting, the BOM, formulas guarded, and the directory's round trip
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "sw-csv.h"
#include "sw-csv-writer.h"
#include "sw-store.h"

/* OWASP's payloads: read back, each starts with an apostrophe. */
static const char * const dangerous[] = {
  "=HYPERLINK(\"http://x\",\"y\")", "@SUM(A1:A2)", "+8613812341234", "-2+3", "\t=1", "\r=1",
};

/* A cell as the writer writes it, read back: the dangerous ones start with
 * an apostrophe followed by the cell, the others are unchanged. */
static void
assert_read_back (const char *cell,
                  const char *read)
{
  gboolean is_dangerous = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (dangerous); i++)
    is_dangerous = is_dangerous || g_str_equal (cell, dangerous[i]);
  if (is_dangerous)
    {
      g_assert_cmpint (read[0], ==, '\'');
      g_assert_cmpstr (read + 1, ==, cell);
    }
  else
    g_assert_cmpstr (read, ==, cell);
}

static void
test_cells (void)
{
  struct { const char *cell, *written; } cases[] = {
    { "=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"" },
    { "@SUM(A1:A2)", "\"'@SUM(A1:A2)\"" },
    { "+8613812341234", "\"'+8613812341234\"" },
    { "-2+3", "\"'-2+3\"" },
    { "\t=1", "\"'\t=1\"" },
    { "\r=1", "\"'\r=1\"" },
    { "'=1", "\"''=1\"" },           /* apostrophes before a trigger: one more */
    { "张三", "张三" },
    { "a \"b\", c\nd", "\"a \"\"b\"\", c\nd\"" },
    { "1+1", "1+1" },
    { "O'Brien", "O'Brien" },
    { "'abc", "'abc" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SwCsvWriter) writer = sw_csv_writer_new (SW_CSV_WRITER_DEFAULT);
      g_autofree char *text = NULL;
      g_autofree char *expected = g_strdup_printf ("%s\n", cases[i].written);
      g_autofree char *restored = NULL;
      g_autoptr(GPtrArray) rows = NULL;
      g_autoptr(GError) error = NULL;
      const char *row[] = { cases[i].cell };
      gboolean guarded;

      sw_csv_writer_add_row (writer, row, 1);
      text = sw_csv_writer_finish (g_steal_pointer (&writer));
      g_assert_cmpstr (text, ==, expected);

      /* the parser gives the written cell; restoring gives the cell */
      rows = sw_csv_parse (text, strlen (text), NULL, &error);
      g_assert_no_error (error);
      if (*cases[i].cell == '\0')
        continue;                   /* an empty line is no row */
      g_assert_cmpuint (rows->len, ==, 1);
      restored = g_strdup (((char **) g_ptr_array_index (rows, 0))[0]);
      guarded = g_str_has_prefix (cases[i].written, "\"'");
      if (guarded)
        {
          g_assert_cmpint (restored[0], ==, '\'');
          g_assert_cmpstr (restored + 1, ==, cases[i].cell);
        }
      else
        g_assert_cmpstr (restored, ==, cases[i].cell);
      g_assert_cmpint (sw_csv_cell_restore (restored), ==, guarded);
      g_assert_cmpstr (restored, ==, cases[i].cell);
    }
}

static void
test_flags (void)
{
  const char *row[] = { "a", NULL, "+1" };
  struct { SwCsvWriterFlags flags; const char *text; } cases[] = {
    { SW_CSV_WRITER_DEFAULT, "a,,\"'+1\"\na,,\"'+1\"\n" },
    { SW_CSV_WRITER_BOM, SW_CSV_BOM "a,,\"'+1\"\na,,\"'+1\"\n" },
    { SW_CSV_WRITER_CRLF, "a,,\"'+1\"\r\na,,\"'+1\"\r\n" },
    { SW_CSV_WRITER_SPREADSHEET, SW_CSV_BOM "a,,\"'+1\"\r\na,,\"'+1\"\r\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      SwCsvWriter *writer = sw_csv_writer_new (cases[i].flags);
      g_autofree char *text = NULL;

      sw_csv_writer_add_row (writer, row, G_N_ELEMENTS (row));
      sw_csv_writer_add_row (writer, row, G_N_ELEMENTS (row));
      text = sw_csv_writer_finish (writer);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
  {
    SwCsvWriter *writer = sw_csv_writer_new (SW_CSV_WRITER_SPREADSHEET);
    g_autofree char *text = sw_csv_writer_finish (writer);

    g_assert_cmpstr (text, ==, SW_CSV_BOM);
  }
}

static void
test_restore (void)
{
  struct { const char *in, *out; } cases[] = {
    { "'=1", "=1" }, { "''=1", "'=1" }, { "'''+1", "''+1" }, { "'\t", "\t" },
    { "'abc", "'abc" }, { "'", "'" }, { "''", "''" }, { "=1", "=1" }, { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *cell = g_strdup (cases[i].in);

      sw_csv_cell_restore (cell);
      g_assert_cmpstr (cell, ==, cases[i].out);
    }
  g_assert_false (sw_csv_cell_restore (NULL));
}

/* ------------------------------------------------------------ the directory */

static SwStore *
open_store (const char *dir,
            const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SwBranch) branch = sw_branch_new ("BJ01", "北京分行营业部");
  SwStore *store = sw_store_open (path, &error);

  g_assert_no_error (error);
  sw_store_put_branch (store, branch, &error);
  g_assert_no_error (error);
  sw_store_set_meta (store, SW_META_BRANCH_CODE, "BJ01", &error);
  g_assert_no_error (error);
  return store;
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);
      g_assert_cmpint (g_remove (file), ==, 0);
    }
  g_assert_cmpint (g_rmdir (path), ==, 0);
}

/* The payloads as department names, locations and duties, and as staff
 * names and titles; the phones are the ones a phone may be. */
static void
put_payloads (SwStore *store)
{
  const char * const all[] = {
    "=HYPERLINK(\"http://x\",\"y\")", "@SUM(A1:A2)", "+8613812341234", "-2+3", "\t=1", "\r=1",
    "张三", "a \"b\", c\nd",
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      g_autofree char *code = g_strdup_printf ("D%u", i);
      g_autofree char *empno = g_strdup_printf ("E%u", i);
      g_autoptr(SwDepartment) d = sw_department_new (code, all[i]);
      g_autoptr(SwStaff) s = sw_staff_new (empno, all[i]);

      g_object_set (d, "location", all[i], "duties", all[i],
                    "phone", i % 2 ? "+8613812341234" : "-2+3", NULL);
      g_assert_true (sw_store_put_department (store, d, &error));
      g_assert_no_error (error);
      g_object_set (s, "department-code", code, "title", all[i], "hire-date", "2020-01-01",
                    "phone", i % 2 ? "+8613812341234" : "-2+3", NULL);
      g_assert_true (sw_store_put_staff (store, s, &error));
      g_assert_no_error (error);
    }
}

/* Every cell of every row after the header, read back. */
static void
assert_export (const char *text,
               SwStore    *store,
               gboolean    staff)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (g_str_has_prefix (text, SW_CSV_BOM));
  rows = sw_csv_parse (text, strlen (text), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1 + 8);
  for (guint r = 1; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);
      g_autofree char *key = g_strdup (row[0]);

      if (staff)
        {
          g_autoptr(SwStaff) s = sw_store_get_staff (store, key);

          assert_read_back (sw_staff_get_name (s), row[1]);
          assert_read_back (sw_staff_get_title (s), row[4]);
          assert_read_back (sw_staff_get_phone (s), row[6]);
        }
      else
        {
          g_autoptr(SwDepartment) d = sw_store_get_department (store, key);

          assert_read_back (sw_department_get_name (d), row[1]);
          assert_read_back (sw_department_get_location (d), row[3]);
          assert_read_back (sw_department_get_phone (d), row[4]);
          assert_read_back (sw_department_get_duties (d), row[7]);
        }
    }
}

static void
test_directory (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("shouwen-csv-writer-XXXXXX", &error);
  g_autoptr(SwStore) a = NULL;
  g_autoptr(SwStore) b = NULL;
  g_autofree char *departments = NULL, *staff = NULL, *departments2 = NULL, *staff2 = NULL;
  guint n = 0;

  g_assert_no_error (error);
  a = open_store (dir, "a.db");
  b = open_store (dir, "b.db");
  put_payloads (a);
  departments = sw_csv_export_departments (a);
  staff = sw_csv_export_staff (a);
  g_test_message ("%s%s", departments, staff);
  g_assert_nonnull (strstr (departments, ",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","));
  g_assert_nonnull (strstr (staff, ",\"'+8613812341234\","));
  assert_export (departments, a, FALSE);
  assert_export (staff, a, TRUE);

  /* export → import: unchanged */
  g_assert_true (sw_csv_import_departments (b, departments, strlen (departments), &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 8);
  g_assert_true (sw_csv_import_staff (b, staff, strlen (staff), &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 8);
  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *code = g_strdup_printf ("D%u", i);
      g_autofree char *empno = g_strdup_printf ("E%u", i);
      g_autoptr(SwDepartment) da = sw_store_get_department (a, code);
      g_autoptr(SwDepartment) db = sw_store_get_department (b, code);
      g_autoptr(SwStaff) sa = sw_store_get_staff (a, empno);
      g_autoptr(SwStaff) sb = sw_store_get_staff (b, empno);

      g_assert_cmpstr (sw_department_get_name (db), ==, sw_department_get_name (da));
      g_assert_cmpstr (sw_department_get_location (db), ==, sw_department_get_location (da));
      g_assert_cmpstr (sw_department_get_phone (db), ==, sw_department_get_phone (da));
      g_assert_cmpstr (sw_department_get_duties (db), ==, sw_department_get_duties (da));
      g_assert_cmpstr (sw_staff_get_name (sb), ==, sw_staff_get_name (sa));
      g_assert_cmpstr (sw_staff_get_title (sb), ==, sw_staff_get_title (sa));
      g_assert_cmpstr (sw_staff_get_phone (sb), ==, sw_staff_get_phone (sa));
    }
  departments2 = sw_csv_export_departments (b);
  staff2 = sw_csv_export_staff (b);
  g_assert_cmpstr (departments2, ==, departments);
  g_assert_cmpstr (staff2, ==, staff);

  g_clear_object (&a);
  g_clear_object (&b);
  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv-writer/cells", test_cells);
  g_test_add_func ("/csv-writer/flags", test_flags);
  g_test_add_func ("/csv-writer/restore", test_restore);
  g_test_add_func ("/csv-writer/directory", test_directory);

  return g_test_run ();
}
