/* sw-export.h — the report and the register (台账) as CSV or XLSX. CSV: UTF-8
 * with a byte-order mark so that Excel opens Chinese correctly, RFC 4180
 * quoting, CRLF line ends, cells that cannot run as formulas (sw-csv-writer.h).
 * XLSX: the same rows through sw-xlsx-writer.h, counts and scores as numbers.
 * The register's rows are shared with its PDF.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-csv-writer.h"
#include "sw-report.h"

G_BEGIN_DECLS

/* One line of a department's register. */
typedef struct {
  char   *number;
  char   *received;       /* local "YYYY-MM-DD HH:MM" */
  char   *channel;        /* labels */
  char   *kind;
  char   *customer;       /* masked when asked */
  char   *phone;
  char   *content;
  char   *owner;          /* "王芳 (R01)" */
  char   *handler;
  char   *promised;       /* "" when none */
  char   *replied;
  char   *state;
  char   *result;
  char   *satisfaction;   /* "" or 1–5 */
  char   *unit;           /* the customer's unit, masked when asked */
  char   *completed;      /* local time of closing, "" when open */
  char   *reply;          /* the last answer or reply given */
} SwRegisterRow;

void        sw_register_row_free   (SwRegisterRow *row);

/* The cases a department received first or handled, received in [from, to). */
GPtrArray  *sw_register_rows       (SwStore     *store,
                                    const char  *department,
                                    gint64       from,
                                    gint64       to,
                                    gboolean     mask,
                                    GError     **error);
#define SW_REGISTER_N_COLUMNS 17

/* The translated title of column i, and row's field i. */
const char *sw_register_column     (guint          i);
const char *sw_register_row_field  (SwRegisterRow *row,
                                    guint          i);

char       *sw_export_register_csv (SwStore     *store,
                                    const char  *department,
                                    gint64       from,
                                    gint64       to,
                                    gboolean     mask,
                                    GError     **error);
char       *sw_export_report_csv   (SwReport    *report);
/* The same rows as an XLSX file at `path`; FALSE with `error` when it could
 * not be read or written. */
gboolean    sw_export_register_xlsx (SwStore     *store,
                                     const char  *department,
                                     gint64       from,
                                     gint64       to,
                                     gboolean     mask,
                                     const char  *path,
                                     GError     **error);
gboolean    sw_export_report_xlsx  (SwReport    *report,
                                    const char  *path,
                                    GError     **error);
/* A report with by_branch: each branch's figures side by side with its rank
 * by figure `rank_by`, the whole, and the cases received each month per
 * branch (sw-export-branches.c). */
char       *sw_export_branches_csv (SwReport    *report,
                                    const char  *rank_by);
/* The same rows as an XLSX workbook at `path` (the one XLSX writer). */
gboolean    sw_export_branches_xlsx (SwReport    *report,
                                     const char  *rank_by,
                                     const char  *path,
                                     GError     **error);
/* The trend per branch: figure `key` of each month for the branches named
 * in `codes` (NULL: all), a row per branch and month (sw_report_branch_trend). */
char       *sw_export_branches_trend_csv (SwReport           *report,
                                          const char         *key,
                                          const char * const *codes);

G_END_DECLS
