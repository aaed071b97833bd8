/* sw-report-print.h — printing the evaluation report
 * Prints a report with GtkPrintOperation: the figures with their definitions,
 * then the charts drawn by the core's chart code.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sw-report.h"

G_BEGIN_DECLS

/* A print operation for the report (which must outlive it). */
GtkPrintOperation *sw_report_print_operation_new (SwReport *report);

G_END_DECLS
