/* sw-sync-client-private.h — what the sync client's files share
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "sw-sync-client.h"

G_BEGIN_DECLS

struct _SwSyncClient
{
  GObject          parent_instance;

  SwStore         *store;
  SoupSession     *session;
  GNetworkMonitor *monitor;      /* borrowed */
  gulong           network_handler;

  SwSyncState      state;
  char            *reason;
  gint64           offline_since;
  gint64           last_synced;
  guint            pending;
  guint            rejected;
  guint            push_batch;
  guint            pull_limit;

  gboolean         running;
  gboolean         run_again;
  guint            failures;
  gint64           next_attempt;  /* monotonic µs */
  guint            retry_id;
  guint            timer_id;
};

/* A failed request says how long to wait before the next (Retry-After). */
#define SW_SYNC_RETRY_AFTER_KEY "sw-sync-retry-after"

/* Sends JSON (or nothing) to the server and parses the JSON answer. Errors
 * are SW_SYNC_ERROR_*; a refusal's message is the server's, and its stable
 * code is set as the error's "protocol code" (see _sw_sync_error_code). */
void      _sw_sync_request_async  (SwSyncClient        *self,
                                   const char          *method,
                                   const char          *url,
                                   const char          *token,
                                   JsonNode            *body,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data);
JsonNode *_sw_sync_request_finish (SwSyncClient        *self,
                                   GAsyncResult        *result,
                                   char               **protocol_code,
                                   guint               *retry_after,
                                   GError             **error);

/* A large answer (a page of a bootstrap) is fetched and read in a worker
 * thread: on a successful answer `digest` runs there, reads the text (at
 * most `max_bytes`) into what the caller will use (`*digested`, freed with
 * `digested_free` if the caller never takes it) and returns the JSON the
 * main loop gets, a small object, so that the main loop neither reads,
 * parses nor frees the page. Text that is no JSON object: NULL, no error.
 * `headers` runs in the main loop (with `data`) when a successful answer's
 * headers are in, before its body is read. */
typedef JsonNode *(*SwSyncDigestFunc) (const char  *data,
                                       gsize        len,
                                       gsize        max_bytes,
                                       gpointer    *digested,
                                       GError     **error);
typedef struct {
  SwSyncDigestFunc digest;
  GDestroyNotify   digested_free;
  void           (*headers) (SoupMessageHeaders *headers,
                             gpointer            data);
  gpointer         data;
} SwSyncDigest;

void      _sw_sync_request_digest_async (SwSyncClient        *self,
                                         const char          *method,
                                         const char          *url,
                                         const char          *token,
                                         const SwSyncDigest  *digest,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
/* What the digest made of a successful answer (after _sw_sync_request_finish). */
gpointer  _sw_sync_request_take_digested (GAsyncResult       *result);

/* Sends this device's directory edits; counts those the server took and
 * those it refused (kept here with the reason). */
void      _sw_sync_push_directory_async  (SwSyncClient        *self,
                                          const char          *server,
                                          const char          *token,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean  _sw_sync_push_directory_finish (SwSyncClient        *self,
                                          GAsyncResult        *result,
                                          guint               *n_sent,
                                          guint               *n_refused,
                                          guint               *retry_after,
                                          GError             **error);

void      _sw_sync_client_set_status (SwSyncClient     *self,
                                      SwSyncState       state,
                                      const char       *reason);
/* After a run: resets or extends the backoff. */
void      _sw_sync_client_ran        (SwSyncClient     *self,
                                      const GError     *error,
                                      guint             retry_after);
const char *_sw_json_string          (JsonNode         *object,
                                      const char       *member);
gint64    _sw_json_int               (JsonNode         *object,
                                      const char       *member);
/* A refusal of what a request carried (its size or form), which a smaller
 * batch may not meet: "too_large", "invalid_json"… */
gboolean  _sw_sync_refuses_request   (const char       *code);

G_END_DECLS
