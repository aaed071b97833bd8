/* test-export.c — the register and the report as CSV (read back with the
 * CSV parser) and XLSX (read back with Python's zipfile), and every PDF form rendered by poppler (pdftotext, pdffonts,
 * pdftoppm), in zh_CN.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <fontconfig/fontconfig.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <pango/pangocairo.h>

#include "acct-fixture.h"
#include "sw-csv.h"
#include "sw-export.h"
#include "sw-pdf.h"

/* cairo 1.16 loses two small arrays per PDF surface that it finished
 * (inside libcairo, nothing of ours is on the stack). */
const char *__lsan_default_suppressions (void);
const char *
__lsan_default_suppressions (void)
{
  return "leak:libcairo.so.2\n";
}

static GPtrArray *
parse (const char *csv)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows;

  g_assert_true (g_str_has_prefix (csv, SW_CSV_BOM));
  rows = sw_csv_parse (csv, strlen (csv), NULL, &error);
  g_assert_no_error (error);
  return rows;
}

static void
range (SwFixture *fx,
       gint64    *from,
       gint64    *to)
{
  g_assert_true (sw_report_parse_date (fx->store, "2026-11-01", FALSE, from, NULL));
  g_assert_true (sw_report_parse_date (fx->store, "2026-11-30", TRUE, to, NULL));
}

static void
test_register_csv (SwFixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *plain = NULL, *masked = NULL;
  g_autoptr(GPtrArray) rows = NULL, mrows = NULL;
  g_autoptr(SwCase) tricky = NULL;
  gint64 from, to;
  char **header, **last;

  acct_populate (fx);
  {
    SwRegistration reg = { .channel = SW_CHANNEL_LETTER, .kind = SW_KIND_SUGGESTION,
                           .content = "建议：\"增加\"窗口,\n缩短排队", .received_by = "C01",
                           .customer_name = "钱七", .customer_phone = "13700001234",
                           .customer_unit = "海淀某某科技有限公司" };
    tricky = sw_ops_register (fx->store, "C01", &reg, &error);
    g_assert_no_error (error);
  }
  range (fx, &from, &to);
  plain = sw_export_register_csv (fx->store, "CORP", from, to, FALSE, &error);
  g_assert_no_error (error);
  rows = parse (plain);
  g_assert_cmpuint (rows->len, ==, 1 + 3);     /* B, D and the letter */
  header = g_ptr_array_index (rows, 0);
  g_assert_cmpuint (g_strv_length (header), ==, SW_REGISTER_N_COLUMNS);
  g_assert_cmpstr (header[0], ==, sw_register_column (0));
  last = g_ptr_array_index (rows, 3);
  g_assert_cmpstr (last[0], ==, sw_case_get_number (tricky));
  g_assert_cmpstr (last[4], ==, "钱七");
  g_assert_cmpstr (last[5], ==, "13700001234");
  g_assert_cmpstr (last[6], ==, "建议：\"增加\"窗口,\n缩短排队");
  g_assert_cmpstr (last[7], ==, "陈静（C01）");   /* zh_CN: full-width brackets */
  /* seed 001 六项制度 5: the register names the customer's unit, the
   * completion time and the reply actually given */
  g_assert_cmpstr (header[14], ==, sw_register_column (14));
  g_assert_cmpstr (last[14], ==, "海淀某某科技有限公司");
  g_assert_cmpstr (last[15], ==, "");          /* open */
  g_assert_cmpstr (last[16], ==, "");
  {
    char **b = g_ptr_array_index (rows, 1);    /* B: replied by C02 */
    g_assert_cmpstr (b[16], ==, "已办理完毕");
  }

  masked = sw_export_register_csv (fx->store, "CORP", from, to, TRUE, &error);
  mrows = parse (masked);
  last = g_ptr_array_index (mrows, 3);
  g_assert_cmpstr (last[4], !=, "钱七");
  g_assert_cmpstr (last[14], !=, "海淀某某科技有限公司");
  g_assert_null (strstr (last[5], "0000"));
}

static void
test_report_csv (SwFixture *fx, gconstpointer data)
{
  g_autoptr(SwReport) r = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gboolean seen_received = FALSE, seen_on_time = FALSE;

  acct_populate (fx);
  r = acct_report (fx, "CORP", NULL);
  csv = sw_export_report_csv (r);
  rows = parse (csv);
  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);
      g_assert_cmpuint (g_strv_length (row), ==, 4);
      if (g_str_equal (row[1], sw_report_get_figure (r, "received")->label))
        {
          g_assert_cmpstr (row[2], ==, "2");
          g_assert_cmpstr (row[3], ==, sw_report_get_figure (r, "received")->definition);
          seen_received = TRUE;
        }
      if (g_str_equal (row[1], sw_report_get_figure (r, "transferred_on_time")->label))
        {
          g_assert_cmpstr (row[2], ==, "50.0%（1/2）");   /* zh_CN: full-width brackets */
          seen_on_time = TRUE;
        }
    }
  g_assert_true (seen_received && seen_on_time);
}

/* OWASP's payloads and safe cells, through the register and the report:
 * read back, a dangerous cell is an apostrophe and the cell, a safe one is
 * itself. */
static const char * const payloads[] = {
  "=HYPERLINK(\"http://x\",\"y\")", "@SUM(A1:A2)", "+8613812341234", "-2+3", "\t=1", "\r=1",
  "张三", "a \"b\", c\nd",
};
#define N_DANGEROUS 6

static void
assert_read_back (const char *cell,
                  const char *read)
{
  if (g_strv_contains ((const char * const *) payloads, cell) &&
      !g_str_equal (cell, payloads[N_DANGEROUS]) && !g_str_equal (cell, payloads[N_DANGEROUS + 1]))
    {
      g_assert_cmpint (read[0], ==, '\'');
      g_assert_cmpstr (read + 1, ==, cell);
    }
  else
    g_assert_cmpstr (read, ==, cell);
}

static void
test_csv_injection (SwFixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *plain = NULL, *csv = NULL;
  g_autoptr(GPtrArray) rows = NULL, report_rows = NULL;
  g_autoptr(SwDepartment) stored = NULL;
  g_autoptr(SwDepartment) corp = NULL;
  g_autoptr(SwReport) r = NULL;
  g_autofree char *item = NULL;
  guint seen = 0, seen_scope = 0, seen_item = 0;
  gint64 from, to;

  acct_populate (fx);
  for (guint i = 0; i < G_N_ELEMENTS (payloads); i++)
    {
      SwRegistration reg = { .channel = SW_CHANNEL_LETTER, .kind = SW_KIND_SUGGESTION,
                             .content = payloads[i], .received_by = "C01",
                             .customer_name = payloads[i], .customer_phone = "+8613812341234" };
      g_autoptr(SwCase) c = sw_ops_register (fx->store, "C01", &reg, &error);

      g_assert_no_error (error);
    }
  range (fx, &from, &to);
  plain = sw_export_register_csv (fx->store, "CORP", from, to, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (plain, "\r\n"));
  g_assert_nonnull (strstr (plain, ",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","));
  g_assert_null (strstr (plain, ",=HYPERLINK"));
  rows = parse (plain);
  g_assert_cmpuint (rows->len, ==, 1 + 2 + G_N_ELEMENTS (payloads));
  for (guint i = 3; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);

      g_assert_true (g_strv_contains ((const char * const *) payloads,
                                      row[6][0] == '\'' ? row[6] + 1 : row[6]));
      assert_read_back (row[6][0] == '\'' ? row[6] + 1 : row[6], row[6]);
      assert_read_back (row[6][0] == '\'' ? row[6] + 1 : row[6], row[4]);
      g_assert_cmpstr (row[5], ==, "'+8613812341234");
      seen++;
    }
  g_assert_cmpuint (seen, ==, G_N_ELEMENTS (payloads));

  /* the report names the department: give it a name that is a formula */
  stored = sw_store_get_department (fx->store, "CORP");
  corp = sw_department_copy (stored);
  g_object_set (corp, "name", payloads[0], NULL);
  g_assert_true (sw_store_put_department (fx->store, corp, &error));
  g_assert_no_error (error);
  r = acct_report (fx, "CORP", NULL);
  csv = sw_export_report_csv (r);
  g_assert_null (strstr (csv, ",=HYPERLINK"));
  report_rows = parse (csv);
  item = g_strdup_printf ("%s（CORP）", payloads[0]);   /* zh_CN: full-width brackets */
  for (guint i = 0; i < report_rows->len; i++)
    {
      char **row = g_ptr_array_index (report_rows, i);

      if (g_str_equal (row[3], "CORP"))
        {
          assert_read_back (payloads[0], row[2]);
          seen_scope++;
        }
      if (row[1][0] == '\'' && g_str_equal (row[1] + 1, item))
        seen_item++;
      g_assert_cmpint (row[1][0], !=, '=');
      g_assert_cmpint (row[2][0], !=, '=');
    }
  g_assert_cmpuint (seen_scope, ==, 1);
  g_assert_cmpuint (seen_item, ==, 2);
}

/* Opens an XLSX with Python's zipfile and prints its one sheet as JSON: an
 * array of rows, each an array of cells, a string, a number or null (empty);
 * fails on a formula. */
static const char *xlsx_reader =
  "import sys, zipfile, re, html, json\n"
  "z = zipfile.ZipFile(sys.argv[1])\n"
  "assert z.testzip() is None\n"
  "sheet = z.read('xl/worksheets/sheet1.xml').decode()\n"
  "assert '<f>' not in sheet and '<f ' not in sheet, 'a formula'\n"
  "def text(si):\n"
  "    t = html.unescape(''.join(re.findall(r'<t[^>]*>(.*?)</t>', si, re.S)))\n"
  "    return re.sub(r'_x([0-9A-Fa-f]{4})_', lambda m: chr(int(m.group(1), 16)), t)\n"
  "shared = [text(si) for si in re.findall(r'<si>(.*?)</si>', z.read('xl/sharedStrings.xml').decode(), re.S)]\n"
  "rows = []\n"
  "for r in re.findall(r'<row [^>]*>(.*?)</row>', sheet, re.S):\n"
  "    row = {}\n"
  "    for ref, attrs, v in re.findall(r'<c r=\"([A-Z]+)[0-9]+\"([^>]*)><v>([^<]*)</v></c>', r):\n"
  "        col = 0\n"
  "        for ch in ref: col = col * 26 + ord(ch) - 64\n"
  "        row[col - 1] = shared[int(v)] if 't=\"s\"' in attrs else float(v)\n"
  "    rows.append([row.get(i) for i in range(max(row) + 1)] if row else [])\n"
  "print(json.dumps(rows, ensure_ascii=False))\n";

static JsonArray *
read_xlsx (const char *path)
{
  const char *argv[] = { "python3", "-c", xlsx_reader, path, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL, *err = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("reading %s failed: %s", path, err);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  return json_array_ref (json_node_get_array (json_parser_get_root (parser)));
}

/* Cell c of row r: its text, or NULL when it is a number or empty. */
static const char *
xlsx_text (JsonArray *rows,
           guint      r,
           guint      c)
{
  JsonArray *row = json_array_get_array_element (rows, r);
  JsonNode *cell = c < json_array_get_length (row) ? json_array_get_element (row, c) : NULL;

  return cell != NULL && json_node_get_value_type (cell) == G_TYPE_STRING
         ? json_node_get_string (cell) : NULL;
}

/* The register and the report as XLSX: the CSV's rows, Chinese intact,
 * counts and scores numbers, a phone and formula-looking text stored as
 * text, customers masked when asked. */
static void
test_xlsx (SwFixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) tricky = NULL;
  g_autoptr(SwReport) r = NULL;
  g_autofree char *path = g_build_filename (fx->dir, "register.xlsx", NULL);
  g_autofree char *masked = g_build_filename (fx->dir, "masked.xlsx", NULL);
  g_autofree char *report = g_build_filename (fx->dir, "report.xlsx", NULL);
  g_autofree char *csv = NULL;
  g_autoptr(GPtrArray) csv_rows = NULL;
  g_autoptr(JsonArray) rows = NULL, mrows = NULL, report_rows = NULL;
  gboolean seen_received = FALSE, seen_share = FALSE;
  gint64 from, to;
  guint last;

  acct_populate (fx);
  {
    SwRegistration reg = { .channel = SW_CHANNEL_LETTER, .kind = SW_KIND_SUGGESTION,
                           .content = "=HYPERLINK(\"http://x\",\"y\") 建议增加窗口", .received_by = "C01",
                           .customer_name = "钱七", .customer_phone = "+8613700001234",
                           .customer_unit = "海淀某某科技有限公司" };
    tricky = sw_ops_register (fx->store, "C01", &reg, &error);
    g_assert_no_error (error);
  }
  range (fx, &from, &to);
  g_assert_true (sw_export_register_xlsx (fx->store, "CORP", from, to, FALSE, path, &error));
  g_assert_no_error (error);
  rows = read_xlsx (path);
  csv = sw_export_register_csv (fx->store, "CORP", from, to, FALSE, &error);
  csv_rows = parse (csv);
  /* the same rows as the CSV, the header first */
  g_assert_cmpuint (json_array_get_length (rows), ==, csv_rows->len);
  g_assert_cmpuint (json_array_get_length (rows), ==, 1 + 3);
  for (guint i = 0; i < SW_REGISTER_N_COLUMNS; i++)
    g_assert_cmpstr (xlsx_text (rows, 0, i), ==, sw_register_column (i));
  last = json_array_get_length (rows) - 1;
  g_assert_cmpstr (xlsx_text (rows, last, 0), ==, sw_case_get_number (tricky));
  g_assert_cmpstr (xlsx_text (rows, last, 4), ==, "钱七");
  g_assert_cmpstr (xlsx_text (rows, last, 5), ==, "+8613700001234");   /* text, no apostrophe */
  g_assert_cmpstr (xlsx_text (rows, last, 6), ==, "=HYPERLINK(\"http://x\",\"y\") 建议增加窗口");
  g_assert_cmpstr (xlsx_text (rows, last, 7), ==, "陈静（C01）");
  g_assert_cmpstr (xlsx_text (rows, last, 14), ==, "海淀某某科技有限公司");
  /* every cell the CSV has, the XLSX has (the CSV guards formulas with an apostrophe) */
  for (guint ri = 0; ri < csv_rows->len; ri++)
    for (guint c = 0; c < SW_REGISTER_N_COLUMNS; c++)
      {
        char *cell = ((char **) g_ptr_array_index (csv_rows, ri))[c];
        JsonArray *row = json_array_get_array_element (rows, ri);
        JsonNode *node = c < json_array_get_length (row) ? json_array_get_element (row, c) : NULL;

        sw_csv_cell_restore (cell);
        if (cell[0] == '\0')
          g_assert_true (node == NULL || JSON_NODE_HOLDS_NULL (node));
        else if (ri > 0 && c == 13)
          /* satisfaction is a number a spreadsheet sums */
          g_assert_cmpfloat (json_node_get_double (node), ==, g_ascii_strtod (cell, NULL));
        else
          g_assert_cmpstr (json_node_get_string (node), ==, cell);
      }

  g_assert_true (sw_export_register_xlsx (fx->store, "CORP", from, to, TRUE, masked, &error));
  mrows = read_xlsx (masked);
  g_assert_cmpstr (xlsx_text (mrows, last, 4), !=, "钱七");
  g_assert_null (strstr (xlsx_text (mrows, last, 5), "0000"));
  g_assert_cmpstr (xlsx_text (mrows, last, 14), !=, "海淀某某科技有限公司");

  /* the report: counts are numbers, shares text */
  r = acct_report (fx, "CORP", NULL);
  g_assert_true (sw_export_report_xlsx (r, report, &error));
  g_assert_no_error (error);
  report_rows = read_xlsx (report);
  for (guint i = 0; i < json_array_get_length (report_rows); i++)
    {
      const char *item = xlsx_text (report_rows, i, 1);
      JsonNode *value = json_array_get_element (json_array_get_array_element (report_rows, i), 2);

      if (g_strcmp0 (item, sw_report_get_figure (r, "received")->label) == 0)
        {
          g_assert_cmpfloat (json_node_get_double (value), ==, 3);
          seen_received = TRUE;
        }
      if (g_strcmp0 (item, sw_report_get_figure (r, "transferred_on_time")->label) == 0)
        {
          g_assert_cmpstr (json_node_get_string (value), ==, "50.0%（1/2）");
          seen_share = TRUE;
        }
    }
  g_assert_true (seen_received && seen_share);

  /* a file that cannot be written: an error */
  g_assert_false (sw_export_report_xlsx (r, "/nonexistent-dir/r.xlsx", &error));
  g_assert_nonnull (error);
}

static char *
run (const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* The text of a PDF, after checking the CJK font is embedded and that
 * page 1 renders. */
static char *
pdf_text (const char *path)
{
  const char *text_argv[] = { "pdftotext", "-layout", path, "-", NULL };
  const char *fonts_argv[] = { "pdffonts", path, NULL };
  g_autofree char *png_base = g_strconcat (path, "-page", NULL);
  g_autofree char *png = g_strconcat (png_base, "-1.png", NULL);
  const char *ppm_argv[] = { "pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", path, png_base, NULL };
  g_autofree char *fonts = run (fonts_argv);
  g_autofree char *ignored = run (ppm_argv);
  GStatBuf st;

  g_assert_nonnull (strstr (fonts, "NotoSansCJK"));
  g_assert_null (strstr (fonts, " no  "));    /* every font embedded */
  g_assert_cmpint (g_stat (png, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 5000);
  if (g_getenv ("SHOUWEN_KEEP_PDF") == NULL)
    g_remove (png);
  return run (text_argv);
}

/* A field name, translated into Chinese, is in the text. */
static void
assert_field (const char *text,
              const char *label)
{
  g_assert_false (g_str_is_ascii (label));
  g_assert_nonnull (strstr (text, label));
}

static void
test_pdfs (SwFixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwReport) branch = NULL;
  g_autoptr(SwInspection) in = NULL;
  g_autoptr(SwFinding) f = NULL;
  const char *keep = g_getenv ("SHOUWEN_KEEP_PDF");
  g_autofree char *dir = g_strdup (keep ? keep : fx->dir);
  g_autofree char *report = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *reg = g_build_filename (dir, "register.pdf", NULL);
  g_autofree char *insp = g_build_filename (dir, "inspection.pdf", NULL);
  g_autofree char *eval = g_build_filename (dir, "evaluation.pdf", NULL);
  g_autofree char *text = NULL, *first_case = NULL;
  const char *scores[] = { "register=9", "attitude=7", NULL };
  const char *cases[] = { NULL, NULL };
  gint64 from, to;

  acct_populate (fx);
  branch = acct_report (fx, NULL, NULL);
  g_assert_true (sw_pdf_write_report (branch, report, &error));
  g_assert_no_error (error);
  text = pdf_text (report);
  g_assert_nonnull (strstr (text, "海淀支行"));
  g_assert_nonnull (strstr (text, "公司业务部"));
  g_assert_nonnull (strstr (text, "咨询"));           /* kinds and channels, translated */
  g_assert_nonnull (strstr (text, "来访"));
  assert_field (text, sw_report_get_figure (branch, "received")->label);
  assert_field (text, sw_report_get_figure (branch, "replied_on_time")->label);
  assert_field (text, sw_report_chart_title (SW_CHART_MONTHLY));
  g_clear_pointer (&text, g_free);

  range (fx, &from, &to);
  g_assert_true (sw_pdf_write_register (fx->store, "RETAIL", from, to, TRUE, reg, &error));
  text = pdf_text (reg);
  g_assert_nonnull (strstr (text, "个人业务部"));
  g_assert_nonnull (strstr (text, "王芳"));
  g_assert_nonnull (strstr (text, "赵*"));             /* masked */
  g_assert_null (strstr (text, "赵六"));
  g_assert_nonnull (strstr (text, "台账"));
  for (guint i = 0; i < SW_REGISTER_N_COLUMNS; i += 3)
    assert_field (text, sw_register_column (i));
  g_clear_pointer (&text, g_free);

  {
    g_autoptr(GPtrArray) list = sw_store_list_findings (fx->store, NULL, NULL);
    first_case = g_strdup (((SwFinding *) g_ptr_array_index (list, 0))->case_id);
    cases[0] = first_case;
  }
  in = sw_inspection_add (fx->store, "U01", "2026-11-25", "RETAIL", "登记台账不完整，个别回访缺失",
                          scores, cases, &error);
  g_assert_no_error (error);
  {
    SwFindingInput fin = { .person = "R02", .rule = "piecemeal_notification",
                           .evidence = "分三次告知客户所需材料", .inspection_id = in->id };
    f = sw_finding_add (fx->store, "U01", &fin, &error);
    g_assert_no_error (error);
  }
  g_assert_true (sw_pdf_write_inspection (fx->store, in, insp, &error));
  text = pdf_text (insp);
  g_assert_nonnull (strstr (text, "登记台账不完整"));
  g_assert_nonnull (strstr (text, "分三次告知客户所需材料"));
  g_assert_nonnull (strstr (text, "郭敏"));
  g_assert_nonnull (strstr (text, "检查记录"));
  g_clear_pointer (&text, g_free);

  g_assert_true (sw_pdf_write_evaluation (fx->store, "RETAIL", 2026, eval, &error));
  g_assert_no_error (error);
  text = pdf_text (eval);
  g_assert_nonnull (strstr (text, "个人业务部"));
  g_assert_nonnull (strstr (text, "登记台账不完整"));
  g_assert_nonnull (strstr (text, "刘洋"));             /* the head, in the staff records */
  g_assert_nonnull (strstr (text, "考核评价表"));
  /* three cases in the year: too few to rate (rating.min_cases) */
  g_assert_nonnull (strstr (text, sw_rating_label (SW_RATING_TOO_FEW)));
  if (keep == NULL)
    {
      g_remove (report);
      g_remove (reg);
      g_remove (insp);
      g_remove (eval);
    }
}

int
main (int argc, char **argv)
{
  int status;

  /* The forms as a Chinese user prints them. */
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SHOUWEN_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, NULL);
#define ADD(name, fn) g_test_add (name, SwFixture, NULL, sw_fixture_setup, fn, sw_fixture_teardown)
  ADD ("/export/register-csv", test_register_csv);
  ADD ("/export/report-csv", test_report_csv);
  ADD ("/export/csv-injection", test_csv_injection);
  ADD ("/export/xlsx", test_xlsx);
  ADD ("/export/pdfs", test_pdfs);
  status = g_test_run ();
  /* Let the leak checker see only our leaks, not the font caches. */
  pango_cairo_font_map_set_default (NULL);
  cairo_debug_reset_static_data ();
  FcFini ();
  return status;
}
