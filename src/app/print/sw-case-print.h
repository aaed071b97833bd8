/* sw-case-print.h — the Print actions of the case view and the register
 * What the case view's Print menu and the register's Print action run: the
 * form built from the store, printed over a widget.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sw-context.h"
#include "sw-print-forms.h"

G_BEGIN_DECLS

/* export_path: write that PDF instead of printing (as "Print to File"). */
GtkPrintOperationResult sw_case_print     (GtkWidget                *parent,
                                           SwContext                *context,
                                           const char               *case_id,
                                           SwCaseForm                which,
                                           GtkPrintOperationAction   action,
                                           const char               *export_path,
                                           GError                  **error);
GtkPrintOperationResult sw_register_print (GtkWidget                *parent,
                                           SwContext                *context,
                                           const char               *department,
                                           gint64                    from,
                                           gint64                    to,
                                           GtkPrintOperationAction   action,
                                           const char               *export_path,
                                           GError                  **error);

G_END_DECLS
