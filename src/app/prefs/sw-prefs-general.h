/* sw-prefs-general.h — the general preferences page
 * The database, the current user and the home branch's supervision phone and
 * office hours.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-context.h"

G_BEGIN_DECLS

#define SW_TYPE_PREFS_GENERAL (sw_prefs_general_get_type ())
G_DECLARE_FINAL_TYPE (SwPrefsGeneral, sw_prefs_general, SW, PREFS_GENERAL, AdwPreferencesPage)

GtkWidget *sw_prefs_general_new         (SwContext      *context);
/* Fills the branch rows as a person would (workdays: bit 1 = Monday …). */
void       sw_prefs_general_fill_branch (SwPrefsGeneral *self,
                                         const char     *supervision_phone,
                                         int             office_start,
                                         int             office_end,
                                         int             workdays);
/* Writes the rows to the home branch; administrators only. */
gboolean   sw_prefs_general_save_branch (SwPrefsGeneral *self,
                                         GError        **error);
/* Remembers `path` as the database for the next start. */
void       sw_prefs_general_use_database (SwPrefsGeneral *self,
                                          const char     *path);

G_END_DECLS
