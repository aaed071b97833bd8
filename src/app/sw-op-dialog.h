/* sw-op-dialog.h — a small dialog that asks what one operation needs
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-context.h"
#include "sw-operation.h"

G_BEGIN_DECLS

#define SW_TYPE_OP_DIALOG (sw_op_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SwOpDialog, sw_op_dialog, SW, OP_DIALOG, AdwWindow)

GtkWidget *sw_op_dialog_new        (SwContext  *context,
                                    SwOpKind    op,
                                    SwCase     *c);
SwOpKind   sw_op_dialog_get_op     (SwOpDialog *self);
/* Fills a field: text, or the code of a staff member / department, or a
 * number for scope and satisfaction. FALSE if the dialog has no such choice. */
gboolean   sw_op_dialog_set_value  (SwOpDialog *self,
                                    SwSlot      slot,
                                    const char *value);
/* Runs the operation. Forbidden phrases ask for confirmation first unless
 * `confirmed`. On success emits "done" with the new row and closes; on
 * failure shows the core's message in the dialog, keeping what was typed. */
gboolean   sw_op_dialog_apply      (SwOpDialog *self,
                                    gboolean    confirmed);
const char *sw_op_dialog_get_error (SwOpDialog *self);

G_END_DECLS
