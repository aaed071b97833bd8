/* sw-prefs-policies.h — the policies preferences page
 * Every policy key with its description; an administrator's save writes a new
 * policy version.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-context.h"

G_BEGIN_DECLS

#define SW_TYPE_PREFS_POLICIES (sw_prefs_policies_get_type ())
G_DECLARE_FINAL_TYPE (SwPrefsPolicies, sw_prefs_policies, SW, PREFS_POLICIES, AdwPreferencesPage)

GtkWidget *sw_prefs_policies_new       (SwContext       *context);
/* Types `value` into the key's row as a person would. */
gboolean   sw_prefs_policies_set_value (SwPrefsPolicies *self,
                                        const char      *key,
                                        const char      *value);
/* Writes the changed keys (one new version each, in one transaction);
 * returns the newest version, or 0 with an error (nothing written). */
int        sw_prefs_policies_save      (SwPrefsPolicies *self,
                                        GError         **error);

G_END_DECLS
