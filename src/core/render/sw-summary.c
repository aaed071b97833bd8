/* sw-summary.c — the customer inquiry and complaint summary: the register's inquiries and complaints, as CSV and PDF
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-csv-writer.h"
#include "sw-error.h"
#include "sw-models-private.h"
#include "sw-pdf.h"
#include "sw-summary.h"
#include "sw-xlsx-writer.h"

/* The summary's columns: the register's, in the form's order. */
static const guint from_register[SW_SUMMARY_N_COLUMNS] = {
  0,    /* case number */
  1,    /* received */
  4,    /* customer */
  14,   /* unit */
  5,    /* phone */
  3,    /* kind */
  6,    /* the question or complaint */
  16,   /* the reply given */
  8,    /* handler */
  15,   /* completed */
  13,   /* satisfaction at the callback */
};

const char *
sw_summary_column (guint i)
{
  g_return_val_if_fail (i < SW_SUMMARY_N_COLUMNS, "");
  return sw_register_column (from_register[i]);
}

const char *
sw_summary_row_field (SwRegisterRow *row,
                      guint          i)
{
  g_return_val_if_fail (i < SW_SUMMARY_N_COLUMNS, "");
  return sw_register_row_field (row, from_register[i]);
}

static gboolean
is_inquiry_or_complaint (SwRegisterRow *row)
{
  const SwKind kinds[] = { SW_KIND_CONSULTATION, SW_KIND_QUERY, SW_KIND_COMPLAINT };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (row->kind, sw_kind_label (kinds[i])) == 0)
      return TRUE;
  return FALSE;
}

GPtrArray *
sw_summary_rows (SwStore     *store,
                 const char  *department,
                 gint64       from,
                 gint64       to,
                 gboolean     mask,
                 GError     **error)
{
  GPtrArray *rows = sw_register_rows (store, department, from, to, mask, error);

  for (guint i = rows ? rows->len : 0; i > 0; i--)
    if (!is_inquiry_or_complaint (g_ptr_array_index (rows, i - 1)))
      g_ptr_array_remove_index (rows, i - 1);
  return rows;
}

/* The summary as a table, its header first, row by row to `add`. */
typedef void (*AddRow) (gpointer out, const char **fields);

static void
summary_table (GPtrArray *rows,
               AddRow     add,
               gpointer   out)
{
  const char *fields[SW_SUMMARY_N_COLUMNS];

  for (guint i = 0; i < SW_SUMMARY_N_COLUMNS; i++)
    fields[i] = sw_summary_column (i);
  add (out, fields);
  for (guint r = 0; r < rows->len; r++)
    {
      for (guint i = 0; i < SW_SUMMARY_N_COLUMNS; i++)
        fields[i] = sw_summary_row_field (g_ptr_array_index (rows, r), i);
      add (out, fields);
    }
}

static void
add_csv (gpointer     out,
         const char **fields)
{
  sw_csv_writer_add_row (out, fields, SW_SUMMARY_N_COLUMNS);
}

static void
add_xlsx (gpointer     out,
          const char **fields)
{
  sw_xlsx_writer_add_row (out, fields, SW_SUMMARY_N_COLUMNS);
}

char *
sw_export_summary_csv (SwStore     *store,
                       const char  *department,
                       gint64       from,
                       gint64       to,
                       gboolean     mask,
                       GError     **error)
{
  g_autoptr(GPtrArray) rows = sw_summary_rows (store, department, from, to, mask, error);
  SwCsvWriter *out;

  if (rows == NULL)
    return NULL;
  out = sw_csv_writer_new (SW_CSV_WRITER_SPREADSHEET);
  summary_table (rows, add_csv, out);
  return sw_csv_writer_finish (out);
}

gboolean
sw_export_summary_xlsx (SwStore     *store,
                        const char  *department,
                        gint64       from,
                        gint64       to,
                        gboolean     mask,
                        const char  *path,
                        GError     **error)
{
  g_autoptr(GPtrArray) rows = sw_summary_rows (store, department, from, to, mask, error);
  SwXlsxWriter *out;

  if (rows == NULL)
    return FALSE;
  out = sw_xlsx_writer_new (path);
  sw_xlsx_writer_set_number_column (out, SW_SUMMARY_N_COLUMNS - 1);   /* satisfaction */
  summary_table (rows, add_xlsx, out);
  return sw_xlsx_writer_finish (out, error);
}

static char *
local_date (SwStore *store,
            gint64   ms)
{
  g_autofree char *branch = sw_store_get_home_branch (store);
  g_autoptr(SwCalendar) cal = sw_store_get_calendar (store, branch);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (ms / 1000);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, sw_calendar_get_timezone (cal));

  return g_date_time_format (local, "%Y-%m-%d");
}

gboolean
sw_pdf_write_summary (SwStore     *store,
                      const char  *department,
                      gint64       from,
                      gint64       to,
                      gboolean     mask,
                      const char  *path,
                      GError     **error)
{
  static const double widths[SW_SUMMARY_N_COLUMNS] = {
    0.09, 0.075, 0.06, 0.08, 0.075, 0.05, 0.18, 0.18, 0.07, 0.075, 0.065 };
  g_autoptr(SwDepartment) d = department ? sw_store_get_department (store, department) : NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *title = NULL, *period = NULL, *a = NULL, *b = NULL;
  const char *header[SW_SUMMARY_N_COLUMNS];
  const char *const signers[] = { _("Head of the department"), NULL };
  SwPdf *pdf;

  if (d == NULL)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_NOT_FOUND, _("There is no department “%s”"),
                   department ? department : "");
      return FALSE;
    }
  if ((rows = sw_summary_rows (store, department, from, to, mask, error)) == NULL)
    return FALSE;
  a = local_date (store, from);
  b = local_date (store, to - 1);
  /* Translators: the form of seed 001, attachment 2; %s is a department */
  title = g_strdup_printf (_("Customer inquiries and complaints of %s"), d->name);
  period = g_strdup_printf (_("Inquiries and complaints received from %s to %s: %u"), a, b, rows->len);
  if ((pdf = sw_pdf_new (path, TRUE, title, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < SW_SUMMARY_N_COLUMNS; i++)
    header[i] = sw_summary_column (i);
  for (guint r = 0; r < rows->len; r++)
    {
      const char **line = g_new0 (const char *, SW_SUMMARY_N_COLUMNS + 1);

      for (guint i = 0; i < SW_SUMMARY_N_COLUMNS; i++)
        line[i] = sw_summary_row_field (g_ptr_array_index (rows, r), i);
      g_ptr_array_add (cells, line);
    }
  sw_pdf_title (pdf, title);
  sw_pdf_text (pdf, period, 9);
  sw_pdf_table (pdf, SW_SUMMARY_N_COLUMNS, widths, header, cells, 7);
  sw_pdf_signatures (pdf, signers);
  return sw_pdf_finish (pdf, error);
}
