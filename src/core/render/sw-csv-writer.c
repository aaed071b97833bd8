/* sw-csv-writer.c — the one CSV writer: RFC 4180 quoting, the BOM, cells that cannot execute
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sw-csv-writer.h"

struct _SwCsvWriter {
  GString    *text;
  const char *row_end;
};

/* The first characters by which Excel, WPS and LibreOffice take a cell for
 * a formula (OWASP's list). */
static gboolean
is_trigger (char c)
{
  return c != '\0' && strchr ("=+-@\t\r", c) != NULL;
}

/* Does the cell start with apostrophes (maybe none) and then a trigger? */
static gboolean
needs_apostrophe (const char *cell)
{
  while (*cell == '\'')
    cell++;
  return is_trigger (*cell);
}

SwCsvWriter *
sw_csv_writer_new (SwCsvWriterFlags flags)
{
  SwCsvWriter *writer = g_new0 (SwCsvWriter, 1);

  writer->text = g_string_new ((flags & SW_CSV_WRITER_BOM) ? SW_CSV_BOM : NULL);
  writer->row_end = (flags & SW_CSV_WRITER_CRLF) ? "\r\n" : "\n";
  return writer;
}

void
sw_csv_writer_free (SwCsvWriter *writer)
{
  if (writer == NULL)
    return;
  g_string_free (writer->text, TRUE);
  g_free (writer);
}

static void
append_cell (GString    *out,
             const char *cell)
{
  gboolean guard = needs_apostrophe (cell);

  if (!guard && strpbrk (cell, ",\"\r\n") == NULL)
    {
      g_string_append (out, cell);
      return;
    }
  g_string_append_c (out, '"');
  if (guard)
    g_string_append_c (out, '\'');
  for (const char *p = cell; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

void
sw_csv_writer_add_row (SwCsvWriter        *writer,
                       const char * const *cells,
                       guint               n_cells)
{
  g_return_if_fail (writer != NULL);

  for (guint i = 0; i < n_cells; i++)
    {
      if (i > 0)
        g_string_append_c (writer->text, ',');
      append_cell (writer->text, cells[i] ? cells[i] : "");
    }
  g_string_append (writer->text, writer->row_end);
}

char *
sw_csv_writer_finish (SwCsvWriter *writer)
{
  char *text;

  g_return_val_if_fail (writer != NULL, NULL);
  text = g_string_free (writer->text, FALSE);
  g_free (writer);
  return text;
}

gboolean
sw_csv_cell_restore (char *cell)
{
  if (cell == NULL || cell[0] != '\'' || !needs_apostrophe (cell + 1))
    return FALSE;
  memmove (cell, cell + 1, strlen (cell));
  return TRUE;
}
