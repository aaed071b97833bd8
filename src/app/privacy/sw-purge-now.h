/* sw-purge-now.h — Preferences' "Purge Now": an administrator erases the personal data past retention, after a count
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-context.h"

G_BEGIN_DECLS

/* Adds the "Personal Data" group to `page`: the retention time and a
 * "Purge Now…" button, shown while the signed-in person may purge
 * (sw_access_may_purge). The button counts first (a dry run, in a thread),
 * asks "N cases past the retention period will have their personal data
 * erased", and on confirmation erases them in a thread in that person's
 * name (sw_ops_purge: one transaction, audited). */
void        sw_purge_now_add_group   (AdwPreferencesPage *page,
                                      SwContext          *context);

/* For tests: the button, and the confirmation dialog while it is open. */
GtkButton  *sw_purge_now_get_button  (AdwPreferencesPage *page);
AdwMessageDialog *sw_purge_now_get_dialog (AdwPreferencesPage *page);

G_END_DECLS
