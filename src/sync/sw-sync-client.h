/* sw-sync-client.h — the sync client: enrols the device, then runs
 * push-then-pull against shouwen-server, with backoff, and tells the app
 * how it stands (synced · syncing · offline since … · error, with the reason).
 *
 * The app wires the triggers: sw_sync_client_request () after a local write,
 * on a network change and from the user; sw_sync_client_set_automatic ()
 * adds a timer and a GNetworkMonitor watch.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sw-staff.h"
#include "sw-store.h"

G_BEGIN_DECLS

#define SW_SYNC_ERROR (sw_sync_error_quark ())

typedef enum {
  SW_SYNC_ERROR_NOT_ENROLLED,   /* no server or token yet */
  SW_SYNC_ERROR_OFFLINE,        /* the server could not be reached */
  SW_SYNC_ERROR_SERVER,         /* the server failed (5xx) or answered nonsense */
  SW_SYNC_ERROR_REFUSED,        /* the server refused the request (4xx) */
  SW_SYNC_ERROR_BUSY,           /* a run is under way already */
} SwSyncError;

typedef enum {
  SW_SYNC_STATE_UNCONFIGURED,
  SW_SYNC_STATE_SYNCED,
  SW_SYNC_STATE_SYNCING,
  SW_SYNC_STATE_OFFLINE,
  SW_SYNC_STATE_ERROR,
} SwSyncState;

typedef enum {
  SW_SYNC_TRIGGER_LOCAL_WRITE,
  SW_SYNC_TRIGGER_NETWORK,
  SW_SYNC_TRIGGER_TIMER,
  SW_SYNC_TRIGGER_USER,         /* ignores the backoff */
} SwSyncTrigger;

/* What one run did. */
typedef struct {
  guint pushed;
  guint duplicates;
  guint rejected;
  guint deferred;
  guint renumbered;      /* cases given a new number: the server had theirs */
  guint pulled;          /* events new to this device */
  gboolean epoch_changed;
  guint directory_sent;      /* directory edits the server took */
  guint directory_refused;   /* … and refused (kept here with the reason) */
  guint blobs_uploaded;      /* attached files the server now holds whole */
} SwSyncReport;

#define SW_TYPE_SYNC_CLIENT (sw_sync_client_get_type ())
G_DECLARE_FINAL_TYPE (SwSyncClient, sw_sync_client, SW, SYNC_CLIENT, GObject)

GQuark        sw_sync_error_quark            (void);
const char   *sw_sync_state_to_string        (SwSyncState    state);

SwSyncClient *sw_sync_client_new             (SwStore       *store);
SwStore      *sw_sync_client_get_store       (SwSyncClient  *self);

/* Properties, each with notify: "state", "reason", "offline-since",
 * "last-synced", "pending" (events in the outbox), "rejected". */
SwSyncState   sw_sync_client_get_state       (SwSyncClient  *self);
/* Why the last run failed, translated; NULL when it did not. */
const char   *sw_sync_client_get_reason      (SwSyncClient  *self);
gint64        sw_sync_client_get_offline_since (SwSyncClient *self);
gint64        sw_sync_client_get_last_synced (SwSyncClient  *self);
guint         sw_sync_client_get_pending     (SwSyncClient  *self);
guint         sw_sync_client_get_rejected    (SwSyncClient  *self);
/* The server's address, or NULL before enrolment. */
char         *sw_sync_client_dup_server_url  (SwSyncClient  *self);
/* Events per push and per pull page (defaults 500 and 2000). */
void          sw_sync_client_set_batch_sizes (SwSyncClient  *self,
                                              guint          push,
                                              guint          pull);

/* Exchanges a one-time code for a token, takes the branch, device code and
 * directory the server gives. */
void          sw_sync_client_enrol_async     (SwSyncClient        *self,
                                              const char          *server_url,
                                              const char          *code,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean      sw_sync_client_enrol_finish    (SwSyncClient  *self,
                                              GAsyncResult  *result,
                                              GError       **error);

/* One run: this device's directory edits, the directory if it changed, then the outbox, then every event
 * the server has for this device; events, rows and cursor are stored in one
 * transaction per page. */
void          sw_sync_client_run_async       (SwSyncClient        *self,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean      sw_sync_client_run_finish      (SwSyncClient  *self,
                                              GAsyncResult  *result,
                                              SwSyncReport  *report,
                                              GError       **error);

/* Checks a user's password with the server; returns the staff member. */
void          sw_sync_client_sign_in_async   (SwSyncClient        *self,
                                              const char          *empno,
                                              const char          *password,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
SwStaff      *sw_sync_client_sign_in_finish  (SwSyncClient  *self,
                                              GAsyncResult  *result,
                                              GError       **error);

/* Asks for a run soon: at once, or when the backoff after failures allows
 * (exponential with jitter, at least what Retry-After said). A user's
 * request runs at once. */
void          sw_sync_client_request         (SwSyncClient  *self,
                                              SwSyncTrigger  trigger);
/* The monotonic time (µs) before which automatic runs wait; 0 = none. */
gint64        sw_sync_client_get_next_attempt (SwSyncClient *self);
/* Runs every `interval` seconds and when the network comes back. */
void          sw_sync_client_set_automatic   (SwSyncClient  *self,
                                              gboolean       automatic,
                                              guint          interval);
/* Re-reads the outbox and rejected counts (after a local write). */
void          sw_sync_client_refresh_counts  (SwSyncClient  *self);

/* Attached files (sw-sync-blobs.c, issue 17). A run sends the files
 * attached here first (before their events), in parts that resume where
 * the server stands; `n_uploaded` counts those the server now holds whole
 * (never sent again, even when a later one fails). */
void          sw_sync_client_upload_blobs_async  (SwSyncClient        *self,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean      sw_sync_client_upload_blobs_finish (SwSyncClient        *self,
                                                  GAsyncResult        *result,
                                                  guint               *n_uploaded,
                                                  GError             **error);
/* Fetches the file `hash` from the server into the store's folder, in
 * parts, going on from what an earlier try left; a file whose bytes do not
 * hash to its name is fetched again (SW_ERROR_DB_CORRUPT after three). */
void          sw_sync_client_fetch_blob_async    (SwSyncClient        *self,
                                                  const char          *hash,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
/* How many bytes of a file being fetched are here, of `total`. */
typedef void (*SwBlobProgress) (gint64 received, gint64 total, GObject *target);
/* The same, telling `progress` (with `target`, kept alive meanwhile) in the
 * caller's main context after each part: the window's progress bar. */
void          sw_sync_client_fetch_blob_progress_async (SwSyncClient        *self,
                                                        const char          *hash,
                                                        SwBlobProgress       progress,
                                                        GObject             *progress_target,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
gboolean      sw_sync_client_fetch_blob_finish   (SwSyncClient        *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

G_END_DECLS
