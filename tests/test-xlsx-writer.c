/* test-xlsx-writer.c — the XLSX writer: rows read back, OWASP payloads stay text, never formulas
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sw-xlsx-writer.h"

/* Opens the workbook with Python's zipfile and prints, one a line, every
 * shared string (OOXML's _xHHHH_ escapes, as for a CR, decoded); fails when the sheet holds a formula (<f>) or a number. */
static const char *reader =
  "import sys, zipfile, re, html\n"
  "sys.stdout.reconfigure(encoding='utf-8')\n"
  "z = zipfile.ZipFile(sys.argv[1])\n"
  "sheet = z.read('xl/worksheets/sheet1.xml').decode()\n"
  "assert '<f>' not in sheet and '<f ' not in sheet, 'a formula'\n"
  "cells = re.findall(r'<c [^>]*>', sheet)\n"
  "assert cells and all('t=\"s\"' in c for c in cells), 'a cell not a string'\n"
  "shared = z.read('xl/sharedStrings.xml').decode()\n"
  "for t in re.findall(r'<t[^>]*>(.*?)</t>', shared, re.S):\n"
  "    t = re.sub(r'_x([0-9A-Fa-f]{4})_', lambda m: chr(int(m.group(1), 16)), t)\n"
  "    print(repr(html.unescape(t)))\n";

static void
test_payloads_read_back_as_text (void)
{
  const char *payloads[] = {
    "=1+1", "+8613812341234", "-2+3", "@SUM(A1:A2)", "\tcmd", "\rcmd",
    "=HYPERLINK(\"http://example.invalid\",\"x\")", "'=quoted", "事项 SW-001",
  };
  const char *header[] = { "编号", "内容" };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sw-xlsx-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  SwXlsxWriter *writer;
  int status = 0;

  g_assert_no_error (error);
  path = g_build_filename (dir, "t.xlsx", NULL);
  writer = sw_xlsx_writer_new (path);
  sw_xlsx_writer_add_row (writer, header, G_N_ELEMENTS (header));
  for (guint i = 0; i < G_N_ELEMENTS (payloads); i++)
    {
      const char *row[] = { "SW-1", payloads[i], NULL };
      sw_xlsx_writer_add_row (writer, row, G_N_ELEMENTS (row));
    }
  g_assert_true (sw_xlsx_writer_finish (writer, &error));
  g_assert_no_error (error);

  {
    const char *argv[] = { "python3", "-c", reader, path, NULL };
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                  &out, &err, &status, &error);
  }
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("reader failed: %s", err);
  for (guint i = 0; i < G_N_ELEMENTS (payloads); i++)
    {
      /* the payload as the reader printed it (tab and CR escaped by repr) */
      const char *want = payloads[i][0] == '\t' ? "'\\tcmd'"
                         : payloads[i][0] == '\r' ? "'\\rcmd'" : payloads[i];
      if (strstr (out, want) == NULL)
        g_error ("%s not read back in:\n%s", want, out);
    }
  g_assert_nonnull (strstr (out, "'编号'"));
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_unwritable_path_is_an_error (void)
{
  g_autoptr(GError) error = NULL;
  SwXlsxWriter *writer = sw_xlsx_writer_new ("/nonexistent-dir/x.xlsx");
  const char *row[] = { "a" };

  sw_xlsx_writer_add_row (writer, row, 1);
  g_assert_false (sw_xlsx_writer_finish (writer, &error));
  g_assert_nonnull (error);
}

/* Prints each cell of column B as "n:VALUE" (a number) or "s:INDEX" (a string). */
static const char *typed_reader =
  "import sys, zipfile, re\n"
  "z = zipfile.ZipFile(sys.argv[1])\n"
  "sheet = z.read('xl/worksheets/sheet1.xml').decode()\n"
  "assert '<f>' not in sheet, 'a formula'\n"
  "for attrs, v in re.findall(r'<c r=\"B\\d+\"([^>]*)><v>([^<]*)</v></c>', sheet):\n"
  "    print(('s:' if 't=\"s\"' in attrs else 'n:') + v)\n";

static void
test_number_column (void)
{
  /* what a number column writes as a number, and what stays text in it */
  const struct { const char *cell; gboolean number; } cases[] = {
    { "12", TRUE }, { "0", TRUE }, { "0.5", TRUE }, { "3.25", TRUE },
    { "0101", FALSE }, { "+8613812341234", FALSE }, { "-2", FALSE }, { "1e5", FALSE },
    { "12abc", FALSE }, { "1.", FALSE }, { ".5", FALSE }, { "=1+1", FALSE },
    { "95.0%", FALSE }, { "1234567890123456", FALSE },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sw-xlsx-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "n.xlsx", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  SwXlsxWriter *writer = sw_xlsx_writer_new (path);
  int status = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpint (sw_xlsx_cell_is_number (cases[i].cell), ==, cases[i].number);
      if (i == 1)
        sw_xlsx_writer_set_number_column (writer, 1);
      {
        const char *row[] = { "12", cases[i].cell };
        sw_xlsx_writer_add_row (writer, row, 2);
      }
    }
  g_assert_true (sw_xlsx_writer_finish (writer, &error));
  {
    const char *argv[] = { "python3", "-c", typed_reader, path, NULL };
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                  &out, &err, &status, &error);
  }
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("reader failed: %s", err);
  lines = g_strsplit (g_strchomp (out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (cases));
  /* the first row was written before the column was marked: text */
  g_assert_true (g_str_has_prefix (lines[0], "s:"));
  for (guint i = 1; i < G_N_ELEMENTS (cases); i++)
    {
      if (cases[i].number)
        {
          g_autofree char *want = g_strconcat ("n:", cases[i].cell, NULL);
          g_assert_cmpstr (lines[i], ==, want);
        }
      else if (!g_str_has_prefix (lines[i], "s:"))
        g_error ("%s written as a number: %s", cases[i].cell, lines[i]);
    }
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/xlsx-writer/payloads-read-back-as-text", test_payloads_read_back_as_text);
  g_test_add_func ("/xlsx-writer/unwritable-path", test_unwritable_path_is_an_error);
  g_test_add_func ("/xlsx-writer/number-column", test_number_column);
  return g_test_run ();
}
