/* sw-amend-dialog.h — correcting a case's customer details or content with a reason, and showing what an amend replaced
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-context.h"

G_BEGIN_DECLS

#define SW_TYPE_AMEND_DIALOG (sw_amend_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SwAmendDialog, sw_amend_dialog, SW, AMEND_DIALOG, AdwWindow)

/* The signed-in person amends case `id` (offered only when
 * sw_access_may_amend() allows; the core refuses otherwise, in the
 * policy's words). The fields start with the case's values. */
GtkWidget *sw_amend_dialog_new         (SwContext     *context,
                                        const char    *id);
/* Sets field `field` ("customer_name", "customer_phone", "customer_unit",
 * "customer_address", "content", "reason") as if typed; and presses
 * Amend: TRUE when the case was amended (the dialog then closes). */
void       sw_amend_dialog_set_field   (SwAmendDialog *self,
                                        const char    *field,
                                        const char    *value);
gboolean   sw_amend_dialog_submit      (SwAmendDialog *self);
/* The error shown after a refused submit (NULL when none). */
const char *sw_amend_dialog_get_error  (SwAmendDialog *self);

/* Appends to `list` one row per amend of `c` with the details it replaced,
 * when the signed-in person sees the customer whole; nothing otherwise.
 * Returns how many rows. */
guint      sw_amend_add_earlier_rows   (SwContext     *context,
                                        SwCase        *c,
                                        GtkListBox    *list);

G_END_DECLS
