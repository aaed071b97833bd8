/* sw-print.h — printing a form with GtkPrintOperation
 * Prints an SwForm with GtkPrintOperation on A4 or on an 80 mm receipt roll;
 * "Print to File" and the tests export it as PDF.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sw-forms-draw.h"

G_BEGIN_DECLS

typedef enum {
  SW_PAPER_A4,
  SW_PAPER_A4_LANDSCAPE,
  SW_PAPER_RECEIPT_80MM,   /* 80 mm wide, as long as the form */
} SwPaper;

/* Takes form. */
GtkPrintOperation       *sw_print_operation_new (SwForm                  *form,
                                                 SwPaper                  paper,
                                                 const char              *job_name);
/* Runs op over parent (may be NULL); with export_path, writes that PDF
 * without a dialog (GTK_PRINT_OPERATION_ACTION_EXPORT). An error is shown
 * over parent and returned in error. */
GtkPrintOperationResult  sw_print_run           (GtkPrintOperation       *op,
                                                 GtkWidget               *parent,
                                                 GtkPrintOperationAction  action,
                                                 const char              *export_path,
                                                 GError                 **error);

G_END_DECLS
