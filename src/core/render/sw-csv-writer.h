/* sw-csv-writer.h — the one CSV writer: every CSV the project writes goes through it
 * RFC 4180 quoting (a cell with a comma, a double quote or a line break is
 * quoted, its quotes doubled), optionally a UTF-8 byte-order mark so that
 * Excel and WPS open Chinese correctly, and CRLF or LF row ends.
 *
 * Exports that cannot execute (OWASP, "CSV injection"): a cell that starts
 * with `=`, `+`, `-`, `@`, a tab or a carriage return would be taken by a
 * spreadsheet for a formula. The writer puts an apostrophe in front of such a
 * cell, inside quotes (`"'+8613812341234"`), so it shows as text and a phone
 * keeps its `+86` visibly. A cell that starts with apostrophes followed by one
 * of those characters gets one more apostrophe too, so that reading back is
 * exact: sw_csv_cell_restore() removes one apostrophe from a cell that starts
 * with apostrophes followed by one of those characters, and nothing else.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SW_CSV_BOM "\xef\xbb\xbf"

typedef enum {
  SW_CSV_WRITER_DEFAULT = 0,        /* no byte-order mark, rows end in LF */
  SW_CSV_WRITER_BOM     = 1 << 0,   /* the text starts with SW_CSV_BOM */
  SW_CSV_WRITER_CRLF    = 1 << 1,   /* rows end in CRLF */
} SwCsvWriterFlags;

/* What Excel and WPS expect: BOM and CRLF. */
#define SW_CSV_WRITER_SPREADSHEET (SW_CSV_WRITER_BOM | SW_CSV_WRITER_CRLF)

typedef struct _SwCsvWriter SwCsvWriter;

SwCsvWriter *sw_csv_writer_new      (SwCsvWriterFlags    flags);
void         sw_csv_writer_free     (SwCsvWriter        *writer);

/* Appends one row of n_cells cells; a NULL cell is empty. */
void         sw_csv_writer_add_row  (SwCsvWriter        *writer,
                                     const char * const *cells,
                                     guint               n_cells);

/* Frees the writer and returns the text it wrote. */
char        *sw_csv_writer_finish   (SwCsvWriter        *writer);

/* The reader's side: removes, in place, the apostrophe the writer put in
 * front of `cell` (a field as the CSV parser returned it). TRUE when it
 * removed one. */
gboolean     sw_csv_cell_restore    (char               *cell);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SwCsvWriter, sw_csv_writer_free)

G_END_DECLS
