/* sw-sync-page.h — the sync preferences page
 * The sync settings: the server's address, enrolment with a one-time code,
 * signing in with a password, and the directory edits waiting or refused by
 * the server, as a preferences page.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-context.h"

G_BEGIN_DECLS

#define SW_TYPE_SYNC_PAGE (sw_sync_page_get_type ())
G_DECLARE_FINAL_TYPE (SwSyncPage, sw_sync_page, SW, SYNC_PAGE, AdwPreferencesPage)

GtkWidget  *sw_sync_page_new             (SwContext  *context);
/* The preferences window, with this page shown. */
GtkWidget  *sw_sync_page_new_window      (SwContext  *context);

/* For tests: the rows and buttons a user fills and presses, and the last
 * outcome shown (a success or the error). */
GtkEditable *sw_sync_page_get_server_entry   (SwSyncPage *self);
GtkEditable *sw_sync_page_get_code_entry     (SwSyncPage *self);
GtkButton   *sw_sync_page_get_enrol_button   (SwSyncPage *self);
GtkEditable *sw_sync_page_get_empno_entry    (SwSyncPage *self);
GtkEditable *sw_sync_page_get_password_entry (SwSyncPage *self);
GtkButton   *sw_sync_page_get_sign_in_button (SwSyncPage *self);
const char  *sw_sync_page_get_message        (SwSyncPage *self);
gboolean     sw_sync_page_is_busy            (SwSyncPage *self);
/* The group listing the directory edits waiting and refused (a row each,
 * with Retry and Withdraw buttons for the refused). */
GtkWidget   *sw_sync_page_get_directory_group (SwSyncPage *self);

G_END_DECLS
