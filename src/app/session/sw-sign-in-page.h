/* sw-sign-in-page.h — who you are and your password: the sign-in, and the lock page of one person
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-context.h"

G_BEGIN_DECLS

#define SW_TYPE_SIGN_IN_PAGE (sw_sign_in_page_get_type ())
G_DECLARE_FINAL_TYPE (SwSignInPage, sw_sign_in_page, SW, SIGN_IN_PAGE, AdwBin)

/* Emits "authenticated" (SwStaff *person, gboolean must_change, const char
 * *password) after the core accepted a password, checked in a thread; the
 * password is for changing a one-time one. A locked page's "Switch User"
 * emits "switch-user". */
GtkWidget  *sw_sign_in_page_new        (SwContext    *context);
/* NULL: anyone picks themselves from the staff list; else the lock page of
 * that person. */
void        sw_sign_in_page_set_person (SwSignInPage *self,
                                        const char   *empno);
/* Picks `empno` in the list (the last person, or a test). */
gboolean    sw_sign_in_page_select     (SwSignInPage *self,
                                        const char   *empno);
const char *sw_sign_in_page_get_selected (SwSignInPage *self);
/* Checks the password typed (what the button does). */
void        sw_sign_in_page_submit     (SwSignInPage *self);
gboolean    sw_sign_in_page_is_busy    (SwSignInPage *self);
/* For tests: the parts a person types into and reads. */
GtkEditable *sw_sign_in_page_get_password (SwSignInPage *self);
GtkWidget  *sw_sign_in_page_get_button  (SwSignInPage *self);
/* The message under the password, or NULL when none shows. */
const char *sw_sign_in_page_get_message (SwSignInPage *self);
GtkWidget  *sw_sign_in_page_get_demo_label (SwSignInPage *self);
/* The entry that gets the focus first. */
void        sw_sign_in_page_focus       (SwSignInPage *self);

G_END_DECLS
