/* sw-sync-indicator.h — the header bar's sync state
 * Synced, syncing, offline since …, error or not set up; and its popover:
 * Sync Now, the unsent events, the refused events and the conflicts.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-context.h"

G_BEGIN_DECLS

#define SW_TYPE_SYNC_INDICATOR (sw_sync_indicator_get_type ())
G_DECLARE_FINAL_TYPE (SwSyncIndicator, sw_sync_indicator, SW, SYNC_INDICATOR, AdwBin)

void        sw_sync_indicator_set_context (SwSyncIndicator *self,
                                           SwContext       *context);
/* What the indicator says, for tests: the state line and the details. */
const char *sw_sync_indicator_get_title   (SwSyncIndicator *self);
const char *sw_sync_indicator_get_detail  (SwSyncIndicator *self);
/* The line about directory edits waiting or refused ("" when none). */
const char *sw_sync_indicator_get_directory (SwSyncIndicator *self);
const char *sw_sync_indicator_get_last_notice (SwSyncIndicator *self);
GtkPopover *sw_sync_indicator_get_popover (SwSyncIndicator *self);
/* The count of events waiting to be sent, or NULL while sync is not set up
 * (nothing waits before there is somewhere to send it). */
const char *sw_sync_indicator_get_pending (SwSyncIndicator *self);
/* The windows the popover opens. */
GtkWidget  *sw_sync_indicator_show_rejected  (SwSyncIndicator *self);
GtkWidget  *sw_sync_indicator_show_conflicts (SwSyncIndicator *self);
GtkWidget  *sw_sync_indicator_show_settings  (SwSyncIndicator *self);

G_END_DECLS
