/* sw-sync-controller.h — the app's sync client and what starts a run
 * The app's one sync client per context, and the triggers: a local write
 * (debounced), a network change and a timer (the client's automatic mode),
 * and the user. After a run that received something, "pulled" is emitted and
 * detection runs again.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-context.h"
#include "sw-sync-client.h"

G_BEGIN_DECLS

#define SW_TYPE_SYNC_CONTROLLER (sw_sync_controller_get_type ())
G_DECLARE_FINAL_TYPE (SwSyncController, sw_sync_controller, SW, SYNC_CONTROLLER, GObject)

/* The context's controller, made on first use and kept with the context. */
SwSyncController *sw_sync_controller_get        (SwContext        *context);
SwContext        *sw_sync_controller_get_context (SwSyncController *self);
SwSyncClient     *sw_sync_controller_get_client (SwSyncController *self);

/* A local write: a run in `debounce_ms` (default 2 s) unless more follow. */
void              sw_sync_controller_local_write (SwSyncController *self);
void              sw_sync_controller_set_debounce (SwSyncController *self,
                                                   guint             debounce_ms);
void              sw_sync_controller_sync_now   (SwSyncController *self);
/* Turns the timer and network watch on once the device is enrolled. */
void              sw_sync_controller_update_automatic (SwSyncController *self);

/* Events withdrawn on this device (SwRejectedEvent, rejected_at = when
 * withdrawn), kept so that nothing disappears without a trace. */
GPtrArray        *sw_sync_controller_list_withdrawn (SwSyncController *self);
gboolean          sw_sync_controller_retry      (SwSyncController *self,
                                                 const char       *event_id,
                                                 GError          **error);
gboolean          sw_sync_controller_withdraw   (SwSyncController *self,
                                                 const char       *event_id,
                                                 GError          **error);
/* A directory edit the server refused: sent again at once, or given up (the
 * run that follows brings the server's row back). Both emit
 * "rejected-changed". */
gboolean          sw_sync_controller_retry_directory    (SwSyncController *self,
                                                         gint64            seq,
                                                         GError          **error);
gboolean          sw_sync_controller_withdraw_directory (SwSyncController *self,
                                                         gint64            seq,
                                                         GError          **error);
/* Open conflicts (SwConflict) of one case, or of all with NULL. */
GPtrArray        *sw_sync_controller_list_open_conflicts (SwSyncController *self,
                                                         const char       *case_id);

G_END_DECLS
