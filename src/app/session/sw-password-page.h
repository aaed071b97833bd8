/* sw-password-page.h — choosing a new password, typed twice, with the rules it must follow
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SW_TYPE_PASSWORD_PAGE (sw_password_page_get_type ())
G_DECLARE_FINAL_TYPE (SwPasswordPage, sw_password_page, SW, PASSWORD_PAGE, AdwBin)

/* Emits "submit" (const char *current, const char *password) when the new
 * password was typed the same twice and the core's rules take it (current
 * is NULL unless asked for); the owner sets it, then calls done or
 * show_error. "cancel" when the Cancel button (if shown) is pressed. */
GtkWidget   *sw_password_page_new         (void);
void         sw_password_page_setup       (SwPasswordPage *self,
                                           const char     *title,
                                           const char     *description,
                                           gboolean        ask_current,
                                           gboolean        can_cancel);
void         sw_password_page_submit      (SwPasswordPage *self);
/* The owner's answer: busy while it works, then an error or done. */
void         sw_password_page_set_busy    (SwPasswordPage *self,
                                           gboolean        busy);
void         sw_password_page_show_error  (SwPasswordPage *self,
                                           const char     *message);
/* Clears the entries and the message. */
void         sw_password_page_reset       (SwPasswordPage *self);
/* For tests: the entries and the message (NULL when none shows). */
GtkEditable *sw_password_page_get_current (SwPasswordPage *self);
GtkEditable *sw_password_page_get_new     (SwPasswordPage *self);
GtkEditable *sw_password_page_get_again   (SwPasswordPage *self);
const char  *sw_password_page_get_message (SwPasswordPage *self);
void         sw_password_page_focus       (SwPasswordPage *self);
/* After setup: the page also asks for a new database's branch code and
 * name, filled with `code` and `name`, checked before "submit". */
void         sw_password_page_ask_branch  (SwPasswordPage *self,
                                           const char     *code,
                                           const char     *name);
GtkEditable *sw_password_page_get_branch_code (SwPasswordPage *self);
GtkEditable *sw_password_page_get_branch_name (SwPasswordPage *self);

G_END_DECLS
