/* sw-application.h — the Shouwen application
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-context.h"

G_BEGIN_DECLS

#define SW_TYPE_APPLICATION (sw_application_get_type ())
G_DECLARE_FINAL_TYPE (SwApplication, sw_application, SW, APPLICATION, AdwApplication)

SwApplication *sw_application_new         (void);
SwContext     *sw_application_get_context (SwApplication *self);
/* Sets up gettext for the app (SHOUWEN_LOCALEDIR overrides the installed
 * catalogue directory). */
void           sw_application_init_i18n   (void);
/* GSettings for the app, or NULL when its schema is not installed and not
 * in the build tree. */
GSettings     *sw_application_new_settings (void);
/* $SHOUWEN_DB, else the setting, else ~/.local/share/shouwen/shouwen.db */
char          *sw_application_default_db  (GSettings *settings);

G_END_DECLS
