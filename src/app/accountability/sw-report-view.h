/* sw-report-view.h — the evaluation report page
 * The evaluation report (domain §8) for a period and a scope: every figure
 * with its definition beside it, the three charts, export as CSV, XLSX or PDF, and
 * print. Computed in a thread.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-context.h"
#include "sw-report-chart.h"

G_BEGIN_DECLS

typedef enum {
  SW_REPORT_EXPORT_CSV,
  SW_REPORT_EXPORT_PDF,
  SW_REPORT_EXPORT_REGISTER_CSV,
  SW_REPORT_EXPORT_REGISTER_PDF,
  SW_REPORT_EXPORT_XLSX,
  SW_REPORT_EXPORT_REGISTER_XLSX,
  /* the customer inquiry and complaint summary (客户疑问、投诉汇总表) */
  SW_REPORT_EXPORT_SUMMARY_CSV,
  SW_REPORT_EXPORT_SUMMARY_PDF,
  SW_REPORT_EXPORT_SUMMARY_XLSX,
} SwReportExport;

#define SW_TYPE_REPORT_VIEW (sw_report_view_get_type ())
G_DECLARE_FINAL_TYPE (SwReportView, sw_report_view, SW, REPORT_VIEW, GtkWidget)

GtkWidget  *sw_report_view_new            (SwContext    *context);
/* Dates "YYYY-MM-DD" (inclusive); department or person narrow the scope
 * (both NULL: the branch). Starts computing; "loaded" follows. */
void        sw_report_view_set_query      (SwReportView *self,
                                           const char   *from,
                                           const char   *to,
                                           const char   *department,
                                           const char   *person);
void        sw_report_view_load           (SwReportView *self);
gboolean    sw_report_view_is_loading     (SwReportView *self);
/* The report shown, or NULL; the error shown instead, or NULL. */
SwReport   *sw_report_view_get_report     (SwReportView *self);
const char *sw_report_view_get_error      (SwReportView *self);
/* The text shown for a figure ("95.0%"), or NULL. */
const char *sw_report_view_get_figure_text (SwReportView *self,
                                            const char   *key);
GtkWidget  *sw_report_view_get_chart      (SwReportView *self,
                                           SwChartKind   kind);
/* Print and the exports are for the period and scope in the fields, even
 * if they changed since the report was shown; a bad date is an error.
 * Prints the report (ACTION_EXPORT with a path writes a PDF without asking). */
GtkPrintOperationResult sw_report_view_print (SwReportView            *self,
                                           GtkPrintOperationAction  action,
                                           const char              *export_path);
/* The file name offered: "register-CORP-2026-11-01-2026-11-30.pdf". */
char       *sw_report_view_export_name    (SwReportView    *self,
                                           SwReportExport   what,
                                           GError         **error);
/* Writes `what` in its own format to `path`, adding the format's
 * extension when the name lacks it; returns the path written. A register
 * is masked for inspectors. */
char       *sw_report_view_export         (SwReportView    *self,
                                           SwReportExport   what,
                                           const char      *path,
                                           GError         **error);

G_END_DECLS
