/* sw-summary.h — the customer inquiry and complaint summary (客户疑问、投诉汇总表,
 * seed 001 attachment 2): a department's inquiries and complaints of a
 * period with the reply given, when it was completed and the callback, as
 * CSV (through the one CSV writer), as XLSX (the one spreadsheet writer)
 * and as a PDF form.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-export.h"

G_BEGIN_DECLS

#define SW_SUMMARY_N_COLUMNS 11

/* The register's rows (SwRegisterRow) of the inquiries (consultations and
 * queries) and complaints the department received first or handled. */
GPtrArray  *sw_summary_rows        (SwStore     *store,
                                    const char  *department,
                                    gint64       from,
                                    gint64       to,
                                    gboolean     mask,
                                    GError     **error);
const char *sw_summary_column      (guint          i);
const char *sw_summary_row_field   (SwRegisterRow *row,
                                    guint          i);
char       *sw_export_summary_csv  (SwStore     *store,
                                    const char  *department,
                                    gint64       from,
                                    gint64       to,
                                    gboolean     mask,
                                    GError     **error);
gboolean    sw_export_summary_xlsx (SwStore     *store,
                                    const char  *department,
                                    gint64       from,
                                    gint64       to,
                                    gboolean     mask,
                                    const char  *path,
                                    GError     **error);
gboolean    sw_pdf_write_summary   (SwStore     *store,
                                    const char  *department,
                                    gint64       from,
                                    gint64       to,
                                    gboolean     mask,
                                    const char  *path,
                                    GError     **error);

G_END_DECLS
