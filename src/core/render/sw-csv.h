/* sw-csv.h — the directory as CSV (UTF-8, RFC 4180 quoting), the format of
 * `shouwenctl import` and of the app's import and export.
 *
 * departments: code,name,parent_code,location,phone,liaison_empno,head_empno,duties
 *   (duties: keywords separated by ';')
 * staff: empno,name,department_code,rank,title,hire_date,phone,role,kind,availability
 *   (rank: integer, higher is more senior; hire_date YYYY-MM-DD;
 *    role: staff|head|supervisor|inspector|admin;
 *    kind: regular|temporary|maintenance;
 *    availability: on_duty|meeting|trip|leave|sick)
 * The first line is the header and must name exactly these columns in this
 * order. A bad row is reported with its line number and nothing from the
 * file is imported.
 * The export is written by sw-csv-writer.h: a cell that a spreadsheet would
 * run as a formula (one starting with =, +, -, @, a tab or a CR, such as a
 * phone "+86…") gets an apostrophe in front ("'+86…"). The import strips
 * exactly that apostrophe (sw_csv_cell_restore(), after trimming spaces), so an
 * exported file imports again unchanged; sw_csv_parse() leaves it.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-store.h"

G_BEGIN_DECLS

typedef struct {
  guint  line;      /* 1-based line number in the file */
  char  *message;   /* translated */
} SwCsvProblem;

void sw_csv_problem_free (SwCsvProblem *p);

/* Splits CSV text into rows of fields (GPtrArray of GStrv), handling quoted
 * fields with commas, doubled quotes and newlines, CRLF, and a UTF-8 BOM.
 * line_numbers (optional) receives the starting line of each row. Fails on
 * an unterminated quote or invalid UTF-8, naming the line. */
GPtrArray *sw_csv_parse (const char  *text,
                         gsize        length,
                         GArray     **line_numbers,
                         GError     **error);

/* Checks every row without writing anything: a GPtrArray of SwCsvProblem,
 * empty when the file is good. Department codes may refer to departments in
 * the same file or already in the store. */
GPtrArray *sw_csv_check_departments (SwStore *store, const char *text, gsize length);
GPtrArray *sw_csv_check_staff       (SwStore *store, const char *text, gsize length);

/* Checks, then imports all rows in one transaction (insert or update by code
 * / employee number). On any problem imports nothing and fails with
 * SW_ERROR_INVALID whose message lists the problems ("line N: …"). */
gboolean   sw_csv_import_departments (SwStore *store, const char *text, gsize length,
                                      guint *n_imported, GError **error);
gboolean   sw_csv_import_staff       (SwStore *store, const char *text, gsize length,
                                      guint *n_imported, GError **error);

/* The directory as CSV text in the same format (with header, no BOM, LF
 * row ends, fields quoted where needed, formulas guarded). */
char      *sw_csv_export_departments (SwStore *store);
char      *sw_csv_export_staff       (SwStore *store);

G_END_DECLS
