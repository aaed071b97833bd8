/* sw-preferences-window.h — the preferences window
 * The preferences: general, notifications, policies and the holiday calendar,
 * one page each. Other features add their own page with
 * sw_preferences_window_add_page ().
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-context.h"

G_BEGIN_DECLS

#define SW_TYPE_PREFERENCES_WINDOW (sw_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (SwPreferencesWindow, sw_preferences_window, SW, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget  *sw_preferences_window_new            (SwContext           *context);
SwContext  *sw_preferences_window_get_context    (SwPreferencesWindow *self);
void        sw_preferences_window_add_page       (SwPreferencesWindow *self,
                                                  AdwPreferencesPage  *page);
/* The page named "general", "notifications", "policies" or "calendar". */
AdwPreferencesPage *sw_preferences_window_get_page (SwPreferencesWindow *self,
                                                    const char          *name);
void        sw_preferences_window_toast          (SwPreferencesWindow *self,
                                                  const char          *message);
/* The last toast's text, for tests. */
const char *sw_preferences_window_get_last_toast (SwPreferencesWindow *self);

/* For the pages: toasts on the preferences window `widget` is in. */
void        sw_prefs_toast                       (GtkWidget           *widget,
                                                  const char          *message);
/* The user is an administrator (only they change rules and the calendar). */

G_END_DECLS
