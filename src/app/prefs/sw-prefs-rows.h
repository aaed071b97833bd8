/* sw-prefs-rows.h — rows the preference pages share
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* An action row with a spin button at its end; returns the spin button. */
GtkSpinButton *sw_prefs_spin_row     (AdwPreferencesGroup *group,
                                      const char          *title,
                                      const char          *subtitle,
                                      double               max,
                                      double               step);
/* The same for a time of day in minutes after midnight, shown as HH:MM. */
GtkSpinButton *sw_prefs_time_row     (AdwPreferencesGroup *group,
                                      const char          *title);
AdwEntryRow   *sw_prefs_entry_row    (AdwPreferencesGroup *group,
                                      const char          *title);
/* A suggested-action button at the end of a group's header. */
GtkButton     *sw_prefs_header_button (AdwPreferencesGroup *group,
                                       const char          *label,
                                       gboolean             suggested);

G_END_DECLS
