/* sw-password-dialog.h — a password set in a dialog: one's own (with the current one), or an administrator's one-time password for someone
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-context.h"
#include "sw-password-page.h"

G_BEGIN_DECLS

#define SW_TYPE_PASSWORD_DIALOG (sw_password_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SwPasswordDialog, sw_password_dialog, SW, PASSWORD_DIALOG, AdwWindow)

/* The signed-in person changes their own password. */
GtkWidget      *sw_password_dialog_new_own      (SwContext        *context);
/* The signed-in administrator gives `empno` a one-time password. */
GtkWidget      *sw_password_dialog_new_one_time (SwContext        *context,
                                                 const char       *empno);
/* "done" (const char *message) when the password is set: what to toast.
 * The dialog closes itself. */
SwPasswordPage *sw_password_dialog_get_page     (SwPasswordDialog *self);
gboolean        sw_password_dialog_is_busy      (SwPasswordDialog *self);

G_END_DECLS
