/* sw-xlsx-writer.h — the one spreadsheet (XLSX) writer, beside the CSV writer
 * Every XLSX the project writes goes through it. Each cell is written as a
 * string, never as a formula, so a cell that starts with `=`, `+`, `-`, `@`, a
 * tab or a carriage return (OWASP, "CSV injection") reads back as the same
 * text and cannot execute; unlike CSV no apostrophe is needed. Only in a
 * column marked as one of numbers (a count, a satisfaction score) is a cell
 * that is a plain decimal number ("12", "0.5": digits, no sign, no leading
 * zero) written as a number, so that a spreadsheet sums it; a phone or a case
 * number never is.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _SwXlsxWriter SwXlsxWriter;

/* A workbook of one sheet, written to `path` by sw_xlsx_writer_finish(). */
SwXlsxWriter *sw_xlsx_writer_new     (const char         *path);
void          sw_xlsx_writer_free    (SwXlsxWriter       *writer);

/* Cells of column `column` (0-based) that are plain decimal numbers are
 * written as numbers from the next row on. */
void          sw_xlsx_writer_set_number_column (SwXlsxWriter *writer,
                                                guint         column);

/* TRUE when `cell` is what a number column writes as a number. */
gboolean      sw_xlsx_cell_is_number (const char         *cell);

/* Appends one row of n_cells cells; a NULL cell is empty. */
void          sw_xlsx_writer_add_row (SwXlsxWriter       *writer,
                                      const char * const *cells,
                                      guint               n_cells);

/* Writes the file and frees the writer. FALSE with `error` set when the
 * file could not be written. */
gboolean      sw_xlsx_writer_finish  (SwXlsxWriter       *writer,
                                      GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SwXlsxWriter, sw_xlsx_writer_free)

G_END_DECLS
