/* sw-xlsx-writer.c — the one XLSX writer: one sheet, every cell a string (libxlsxwriter)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <xlsxwriter.h>

#include "sw-xlsx-writer.h"

struct _SwXlsxWriter {
  char           *path;
  lxw_workbook   *workbook;
  lxw_worksheet  *sheet;
  lxw_row_t       row;
  gboolean        failed;
  guint64         number_columns;   /* bit i: column i holds numbers */
};

SwXlsxWriter *
sw_xlsx_writer_new (const char *path)
{
  SwXlsxWriter *writer = g_new0 (SwXlsxWriter, 1);

  g_return_val_if_fail (path != NULL, NULL);
  writer->path = g_strdup (path);
  writer->workbook = workbook_new (path);
  if (writer->workbook != NULL)
    writer->sheet = workbook_add_worksheet (writer->workbook, NULL);
  writer->failed = writer->sheet == NULL;
  return writer;
}

void
sw_xlsx_writer_free (SwXlsxWriter *writer)
{
  if (writer == NULL)
    return;
  if (writer->workbook != NULL)
    lxw_workbook_free (writer->workbook);
  g_free (writer->path);
  g_free (writer);
}

void
sw_xlsx_writer_set_number_column (SwXlsxWriter *writer,
                                  guint         column)
{
  g_return_if_fail (writer != NULL);
  g_return_if_fail (column < 64);
  writer->number_columns |= G_GUINT64_CONSTANT (1) << column;
}

gboolean
sw_xlsx_cell_is_number (const char *cell)
{
  const char *p = cell;

  if (cell == NULL || !g_ascii_isdigit (*p))
    return FALSE;
  if (*p == '0' && g_ascii_isdigit (p[1]))
    return FALSE;                 /* "0101" is a code, not a number */
  while (g_ascii_isdigit (*p))
    p++;
  if (*p == '.')
    {
      p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  return *p == '\0' && p - cell <= 15;   /* beyond 15 digits a double loses some */
}

void
sw_xlsx_writer_add_row (SwXlsxWriter       *writer,
                        const char * const *cells,
                        guint               n_cells)
{
  g_return_if_fail (writer != NULL);

  if (writer->failed)
    return;
  for (guint i = 0; i < n_cells && i <= LXW_COL_MAX; i++)
    {
      lxw_error status = LXW_NO_ERROR;

      if (cells[i] == NULL || cells[i][0] == '\0')
        continue;
      if (i < 64 && (writer->number_columns >> i & 1) && sw_xlsx_cell_is_number (cells[i]))
        status = worksheet_write_number (writer->sheet, writer->row, (lxw_col_t) i,
                                         g_ascii_strtod (cells[i], NULL), NULL);
      else
        /* worksheet_write_string() always stores text: a leading `=` stays text */
        status = worksheet_write_string (writer->sheet, writer->row, (lxw_col_t) i,
                                         cells[i], NULL);
      if (status != LXW_NO_ERROR)
        writer->failed = TRUE;
    }
  writer->row++;
}

gboolean
sw_xlsx_writer_finish (SwXlsxWriter  *writer,
                       GError       **error)
{
  lxw_error status = LXW_ERROR_CREATING_XLSX_FILE;

  g_return_val_if_fail (writer != NULL, FALSE);
  if (writer->workbook != NULL)
    {
      if (!writer->failed)
        {
          status = workbook_close (writer->workbook);
          writer->workbook = NULL;   /* workbook_close() freed it */
        }
    }
  if (status != LXW_NO_ERROR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write the spreadsheet %s: %s"),
                   writer->path, lxw_strerror (status));
      sw_xlsx_writer_free (writer);
      return FALSE;
    }
  sw_xlsx_writer_free (writer);
  return TRUE;
}
