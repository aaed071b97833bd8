/* sw-register-dialog.h — registering a request and disposing of it at once
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-context.h"
#include "sw-customer-history.h"
#include "sw-op-form.h"

G_BEGIN_DECLS

#define SW_TYPE_REGISTER_DIALOG (sw_register_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SwRegisterDialog, sw_register_dialog, SW, REGISTER_DIALOG, AdwWindow)

GtkWidget    *sw_register_dialog_new             (SwContext        *context);
/* Fills the widgets from `reg` (asked_with included), as a person would. */
void          sw_register_dialog_fill            (SwRegisterDialog *self,
                                                  const SwRegistration *reg);
void          sw_register_dialog_set_asked_with  (SwRegisterDialog *self,
                                                  const char *const *empnos);
/* Who would be responsible now, and the sentence that says why. */
const char   *sw_register_dialog_get_owner       (SwRegisterDialog *self);
const char   *sw_register_dialog_get_owner_text  (SwRegisterDialog *self);
/* The department the routing directory suggests, or NULL. */
const char   *sw_register_dialog_get_suggestion  (SwRegisterDialog *self);
/* SW_OP_NONE = register only. */
void          sw_register_dialog_set_disposition (SwRegisterDialog *self,
                                                  SwOpKind          op);
SwOpForm     *sw_register_dialog_get_form        (SwRegisterDialog *self);
/* Registers and disposes in one transaction; emits "done" and closes, or
 * shows the error and keeps everything typed. */
gboolean      sw_register_dialog_save            (SwRegisterDialog *self,
                                                  gboolean          confirmed);
const char   *sw_register_dialog_get_error       (SwRegisterDialog *self);
/* The widget the last error is about (marked and focused), or NULL. */
GtkWidget    *sw_register_dialog_get_error_field (SwRegisterDialog *self);
/* The customer's earlier cases, shown as they are typed. */
SwCustomerHistory *sw_register_dialog_get_history (SwRegisterDialog *self);
/* When the request would fall due as typed and disposed of now, and why
 * (sw_ops_preview_due), as the dialog shows it before saving. */
gint64        sw_register_dialog_get_due         (SwRegisterDialog *self,
                                                  const char      **rule);
/* The routing sentence at the top (a transfer at registration), or NULL. */
const char   *sw_register_dialog_get_route       (SwRegisterDialog *self);

G_END_DECLS
