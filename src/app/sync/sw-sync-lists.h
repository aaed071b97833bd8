/* sw-sync-lists.h — the refused events and open conflicts windows
 * The events the server refused (retry or withdraw each, and those
 * withdrawn), and the open conflicts, each in its own window; and the words
 * that describe a conflict.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-context.h"
#include "sw-store-replica.h"

G_BEGIN_DECLS

GtkWidget *sw_sync_rejected_window_new  (SwContext  *context);
GtkWidget *sw_sync_conflicts_window_new (SwContext  *context);

/* "Status", "Handler", "Deadline" and the value that lost, in words. */
const char *sw_sync_conflict_field_label (const char *field);
char       *sw_sync_conflict_lost_value  (SwContext  *context,
                                          SwConflict *conflict);

G_END_DECLS
