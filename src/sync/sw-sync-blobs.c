/* sw-sync-blobs.c — attached files to and from the server: in parts that a poor line can resume, each checked by its SHA-256
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sw-attachment-rules.h"
#include "sw-error.h"
#include "sw-protocol.h"
#include "sw-store-attachments.h"
#include "sw-store-meta.h"
#include "sw-sync-client-private.h"

/* A part of a file per request: well under the server's body limit, small
 * enough that a cut line loses little. Tests set a smaller one
 * (SHOUWEN_TEST_BLOB_CHUNK, and SHOUWEN_TEST_BLOB_DELAY_MS between parts). */
#define CHUNK (1024 * 1024)
/* Times a download that arrived damaged is fetched again from the start. */
#define FETCH_TRIES 3

typedef struct {
  char      *server;
  char      *token;
  gsize      chunk;
  guint      delay_ms;
  GPtrArray *hashes;     /* to send or fetch */
  GPtrArray *paths;      /* upload: the file of each; fetch: the partial file */
  GPtrArray *done;       /* upload: the hashes the server holds whole */
  char      *store_path; /* fetch: the database (its files' folder) */
  SwBlobProgress progress;      /* fetch: how far, in the caller's context */
  GObject   *progress_target;
  GMainContext *context;
} Transfer;

typedef struct {
  SwBlobProgress  progress;
  GObject        *target;
  gint64          received;
  gint64          total;
} Progress;

static gboolean
progress_cb (gpointer data)
{
  Progress *p = data;

  p->progress (p->received, p->total, p->target);
  g_object_unref (p->target);
  g_free (p);
  return G_SOURCE_REMOVE;
}

/* Tells the caller, in its context, how many bytes of `total` are here. */
static void
report_progress (Transfer *t,
                 gint64    received,
                 gint64    total)
{
  Progress *p;

  if (t->progress == NULL)
    return;
  p = g_new0 (Progress, 1);
  p->progress = t->progress;
  p->target = g_object_ref (t->progress_target);
  p->received = received;
  p->total = total;
  g_main_context_invoke (t->context, progress_cb, p);
}

static void
transfer_free (Transfer *t)
{
  g_free (t->server);
  g_free (t->token);
  g_clear_pointer (&t->hashes, g_ptr_array_unref);
  g_clear_pointer (&t->paths, g_ptr_array_unref);
  g_clear_pointer (&t->done, g_ptr_array_unref);
  g_free (t->store_path);
  g_clear_object (&t->progress_target);
  g_clear_pointer (&t->context, g_main_context_unref);
  g_free (t);
}

static Transfer *
transfer_new (SwSyncClient  *self,
              GError       **error)
{
  Transfer *t = g_new0 (Transfer, 1);
  const char *chunk = g_getenv ("SHOUWEN_TEST_BLOB_CHUNK");
  const char *delay = g_getenv ("SHOUWEN_TEST_BLOB_DELAY_MS");

  t->server = sw_store_get_meta (self->store, SW_META_SYNC_SERVER);
  t->token = sw_store_get_meta (self->store, SW_META_SYNC_TOKEN);
  t->chunk = chunk ? (gsize) CLAMP (g_ascii_strtoull (chunk, NULL, 10), 1, CHUNK) : CHUNK;
  t->delay_ms = delay ? (guint) MIN (g_ascii_strtoull (delay, NULL, 10), 10000) : 0;
  t->hashes = g_ptr_array_new_with_free_func (g_free);
  t->paths = g_ptr_array_new_with_free_func (g_free);
  t->done = g_ptr_array_new_with_free_func (g_free);
  if (t->server == NULL || t->token == NULL)
    {
      g_set_error_literal (error, SW_SYNC_ERROR, SW_SYNC_ERROR_NOT_ENROLLED,
                           _("This device is not enrolled with a server yet (shouwenctl sync enrol)"));
      transfer_free (t);
      return NULL;
    }
  return t;
}

/* A busy server (503: a full queue, a lock or statement timeout) is asked
 * again after its Retry-After, as the event push is (sw-sync-http.c): this
 * many times, when it asks for at most BUSY_WAIT_S seconds each.
 * SHOUWEN_SYNC_RETRIES sets the number (0: none). */
#define BUSY_RETRIES 3
#define BUSY_WAIT_S  10

static guint
busy_retries (void)
{
  const char *env = g_getenv ("SHOUWEN_SYNC_RETRIES");

  return env ? (guint) MIN (g_ascii_strtoull (env, NULL, 10), 10) : BUSY_RETRIES;
}

static void
copy_header (const char *name,
             const char *value,
             gpointer    data)
{
  soup_message_headers_append (data, name, value);
}

/* The same request again, as a new message: its method, address, headers
 * and `body`. */
static SoupMessage *
message_again (SoupMessage *old,
               GBytes      *body)
{
  SoupMessage *msg = soup_message_new_from_uri (soup_message_get_method (old), soup_message_get_uri (old));
  SoupMessageHeaders *headers = soup_message_get_request_headers (msg);

  soup_message_headers_foreach (soup_message_get_request_headers (old), copy_header, headers);
  if (body != NULL)
    soup_message_set_request_body_from_bytes (msg, soup_message_headers_get_content_type (headers, NULL), body);
  return msg;
}

/* Waits `seconds` in the transfer's thread, or less when cancelled. */
static gboolean
wait_busy (guint         seconds,
           GCancellable *cancellable)
{
  for (guint i = 0; i < seconds * 10; i++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        return FALSE;
      g_usleep (100 * 1000);
    }
  return TRUE;
}

/* One request in the thread (*msg, with `body` when it has one, so that it
 * can be sent again); the answer's body, or NULL with error. A refusal's
 * JSON code goes to *code. */
static GBytes *
send (SoupSession   *session,
      SoupMessage  **msg,
      GBytes        *body,
      const char    *token,
      guint         *status,
      char         **code,
      GCancellable  *cancellable,
      GError       **error)
{
  g_autofree char *auth = g_strconcat ("Bearer ", token, NULL);
  guint tries_left = busy_retries ();
  GBytes *bytes;

  for (;;)
    {
      g_autoptr(GError) local = NULL;
      const char *after;
      guint wait_s;

      soup_message_headers_replace (soup_message_get_request_headers (*msg), "Authorization", auth);
      bytes = soup_session_send_and_read (session, *msg, cancellable, &local);
      if (bytes == NULL)
        {
          if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            g_propagate_error (error, g_steal_pointer (&local));
          else
            g_set_error (error, SW_SYNC_ERROR, SW_SYNC_ERROR_OFFLINE,
                         _("The server cannot be reached: %s"), local->message);
          return NULL;
        }
      *status = soup_message_get_status (*msg);
      if (*status != SOUP_STATUS_SERVICE_UNAVAILABLE || tries_left == 0)
        break;
      after = soup_message_headers_get_one (soup_message_get_response_headers (*msg), "Retry-After");
      wait_s = after ? (guint) MIN (g_ascii_strtoull (after, NULL, 10), 24 * 3600) : 1;
      if (wait_s > BUSY_WAIT_S)
        break;
      g_bytes_unref (bytes);
      if (!wait_busy (MAX (wait_s, 1), cancellable))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled"));
          return NULL;
        }
      tries_left--;
      {
        SoupMessage *again = message_again (*msg, body);

        g_object_unref (*msg);
        *msg = again;
      }
    }
  if (!SOUP_STATUS_IS_SUCCESSFUL (*status))
    {
      gsize len;
      const char *data = g_bytes_get_data (bytes, &len);
      g_autoptr(JsonNode) node = sw_protocol_parse (data, len, 65536, SW_PROTOCOL_MAX_DEPTH, NULL);
      JsonNode *err = node && JSON_NODE_HOLDS_OBJECT (node)
                      ? json_object_get_member (json_node_get_object (node), "error") : NULL;
      const char *message = _sw_json_string (err, "message");

      if (code)
        *code = g_strdup (_sw_json_string (err, "code"));
      g_set_error (error, SW_SYNC_ERROR,
                   *status >= 400 && *status < 500 ? SW_SYNC_ERROR_REFUSED : SW_SYNC_ERROR_SERVER,
                   _("The server refused the file (%u): %s"), *status,
                   message ? message : soup_status_get_phrase (*status));
      g_bytes_unref (bytes);
      return NULL;
    }
  return bytes;
}

static JsonNode *
send_json (SoupSession   *session,
           SoupMessage  **msg,
           GBytes        *body,
           const char    *token,
           char         **code,
           GCancellable  *cancellable,
           GError       **error)
{
  guint status = 0;
  g_autoptr(GBytes) bytes = send (session, msg, body, token, &status, code, cancellable, error);
  gsize len;
  const char *data;
  JsonNode *node;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &len);
  node = sw_protocol_parse (data, len, 65536, SW_PROTOCOL_MAX_DEPTH, NULL);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_clear_pointer (&node, json_node_unref);
      g_set_error_literal (error, SW_SYNC_ERROR, SW_SYNC_ERROR_SERVER, _("The server answered nonsense"));
    }
  return node;
}

static char *
blob_url (Transfer   *t,
          const char *hash,
          const char *tail)
{
  return g_strconcat (t->server, "/api/v1/blobs/", hash, tail, NULL);
}

static gboolean
status_of (SoupSession   *session,
           Transfer      *t,
           const char    *hash,
           gint64        *received,
           gboolean      *complete,
           char         **code,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autofree char *url = blob_url (t, hash, "/status");
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  g_autoptr(JsonNode) node = send_json (session, &msg, NULL, t->token, code, cancellable, error);

  if (node == NULL)
    return FALSE;
  *received = _sw_json_int (node, "received");
  *complete = json_object_get_boolean_member_with_default (json_node_get_object (node), "complete", FALSE);
  return TRUE;
}

/* ------------------------------------------------------------ upload */

static gboolean
upload_one (SoupSession   *session,
            Transfer      *t,
            const char    *hash,
            const char    *path,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autofree guint8 *buf = g_malloc (t->chunk);
  gint64 received = 0, total;
  gboolean complete = FALSE;
  GStatBuf st;
  int fd;

  if (!status_of (session, t, hash, &received, &complete, NULL, cancellable, error))
    return FALSE;
  if (complete)
    return TRUE;
  if ((fd = g_open (path, O_RDONLY, 0)) < 0 || fstat (fd, &st) != 0)
    {
      /* the file is gone here (a purge): nothing to send */
      if (fd >= 0)
        close (fd);
      return TRUE;
    }
  total = st.st_size;
  while (received < total)
    {
      g_autofree char *url = blob_url (t, hash, "");
      g_autoptr(SoupMessage) msg = soup_message_new ("PUT", url);
      g_autoptr(GBytes) part = NULL;
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(GError) local = NULL;
      g_autofree char *code = NULL;
      gssize n = pread (fd, buf, MIN ((gint64) t->chunk, total - received), received);

      if (n <= 0)
        {
          close (fd);
          g_set_error (error, SW_ERROR, SW_ERROR_DB, _("The attached file %s could not be read: %s"),
                       hash, n < 0 ? g_strerror (errno) : _("it is shorter than it was"));
          return FALSE;
        }
      part = g_bytes_new (buf, n);
      soup_message_headers_set_content_range (soup_message_get_request_headers (msg),
                                              received, received + n - 1, total);
      soup_message_set_request_body_from_bytes (msg, "application/octet-stream", part);
      node = send_json (session, &msg, part, t->token, &code, cancellable, &local);
      if (node == NULL && g_strcmp0 (code, "range_mismatch") == 0)
        {
          /* the server holds another length (a part whose answer was lost): go on from there */
          g_clear_error (&local);
          g_clear_pointer (&code, g_free);
          if (!status_of (session, t, hash, &received, &complete, NULL, cancellable, &local))
            break;
          if (complete)
            break;
          continue;
        }
      if (node == NULL)
        {
          close (fd);
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      received = _sw_json_int (node, "received");
      if (json_object_get_boolean_member_with_default (json_node_get_object (node), "complete", FALSE))
        break;
      if (t->delay_ms)
        g_usleep (t->delay_ms * 1000);
    }
  close (fd);
  return TRUE;
}

static void
upload_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  Transfer *t = data;
  g_autoptr(SoupSession) session = soup_session_new_with_options ("timeout", 120, "idle-timeout", 10,
                                                                  "user-agent", "shouwen/" PACKAGE_VERSION, NULL);

  for (guint i = 0; i < t->hashes->len; i++)
    {
      GError *error = NULL;
      if (!upload_one (session, t, g_ptr_array_index (t->hashes, i), g_ptr_array_index (t->paths, i),
                       cancellable, &error))
        {
          g_task_return_error (task, error);
          return;
        }
      g_ptr_array_add (t->done, g_strdup (g_ptr_array_index (t->hashes, i)));
    }
  g_task_return_boolean (task, TRUE);
}

void
sw_sync_client_upload_blobs_async (SwSyncClient        *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_auto(GStrv) hashes = NULL;
  GError *error = NULL;
  Transfer *t;

  g_task_set_source_tag (task, sw_sync_client_upload_blobs_async);
  if ((t = transfer_new (self, &error)) == NULL ||
      (hashes = sw_store_blobs_to_upload (self->store, &error)) == NULL)
    {
      if (t)
        transfer_free (t);
      g_task_return_error (task, error);
      return;
    }
  for (guint i = 0; hashes[i]; i++)
    {
      g_ptr_array_add (t->hashes, g_strdup (hashes[i]));
      g_ptr_array_add (t->paths, sw_store_blob_path (self->store, hashes[i]));
    }
  g_task_set_task_data (task, t, (GDestroyNotify) transfer_free);
  if (t->hashes->len == 0)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  g_task_run_in_thread (task, upload_thread);
}

gboolean
sw_sync_client_upload_blobs_finish (SwSyncClient  *self,
                                    GAsyncResult  *result,
                                    guint         *n_uploaded,
                                    GError       **error)
{
  Transfer *t = g_task_get_task_data (G_TASK (result));
  gboolean ok = g_task_propagate_boolean (G_TASK (result), error);

  /* what the server holds whole is never sent again, even after a failure */
  for (guint i = 0; t && i < t->done->len; i++)
    sw_store_blob_uploaded (self->store, g_ptr_array_index (t->done, i), NULL);
  if (n_uploaded)
    *n_uploaded = t ? t->done->len : 0;
  return ok;
}

/* ------------------------------------------------------------ fetch */

static gboolean
append_part (const char  *path,
             GBytes      *bytes,
             GError     **error)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  int fd = g_open (path, O_WRONLY | O_CREAT | O_APPEND, 0600);

  if (fd < 0)
    goto failed;
  for (gsize done = 0; done < len;)
    {
      gssize w = write (fd, data + done, len - done);
      if (w < 0 && errno == EINTR)
        continue;
      if (w < 0)
        {
          close (fd);
          goto failed;
        }
      done += w;
    }
  if (fsync (fd) != 0)
    {
      close (fd);
      goto failed;
    }
  close (fd);
  return TRUE;

failed:
  g_set_error (error, SW_ERROR, SW_ERROR_DB,
               errno == ENOSPC ? _("The disk is full: the file could not be fetched (%s).")
                               : _("The file could not be written to “%s”."), path);
  return FALSE;
}

static gboolean
fetch_once (SoupSession   *session,
            Transfer      *t,
            const char    *hash,
            const char    *part,
            GCancellable  *cancellable,
            GError       **error)
{
  GStatBuf st;
  gint64 offset = g_stat (part, &st) == 0 ? (gint64) st.st_size : 0;
  gint64 total = -1;

  while (total < 0 || offset < total)
    {
      g_autofree char *url = blob_url (t, hash, "");
      g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
      g_autoptr(GBytes) bytes = NULL;
      goffset start = 0, end = 0, length = 0;
      guint status = 0;

      soup_message_headers_set_range (soup_message_get_request_headers (msg), offset,
                                      offset + (goffset) t->chunk - 1);
      if ((bytes = send (session, &msg, NULL, t->token, &status, NULL, cancellable, error)) == NULL)
        return FALSE;
      if (status == SOUP_STATUS_PARTIAL_CONTENT &&
          soup_message_headers_get_content_range (soup_message_get_response_headers (msg), &start, &end, &length))
        {
          if (start != offset || length < 0)
            {
              g_set_error_literal (error, SW_SYNC_ERROR, SW_SYNC_ERROR_SERVER,
                                   _("The server sent another part of the file than was asked for"));
              return FALSE;
            }
          total = length;
        }
      else if (status == SOUP_STATUS_OK && offset == 0)
        total = (gint64) g_bytes_get_size (bytes);
      else
        {
          g_set_error_literal (error, SW_SYNC_ERROR, SW_SYNC_ERROR_SERVER, _("The server answered nonsense"));
          return FALSE;
        }
      if (g_bytes_get_size (bytes) == 0 && offset < total)
        {
          g_set_error_literal (error, SW_SYNC_ERROR, SW_SYNC_ERROR_SERVER, _("The server sent an empty part"));
          return FALSE;
        }
      if (!append_part (part, bytes, error))
        return FALSE;
      offset += (gint64) g_bytes_get_size (bytes);
      report_progress (t, offset, total);
      if (t->delay_ms && offset < total)
        g_usleep (t->delay_ms * 1000);
    }
  return TRUE;
}

static void
fetch_thread (GTask        *task,
              gpointer      source,
              gpointer      data,
              GCancellable *cancellable)
{
  Transfer *t = data;
  SwSyncClient *self = source;
  const char *hash = g_ptr_array_index (t->hashes, 0);
  const char *part = g_ptr_array_index (t->paths, 0);
  g_autoptr(SoupSession) session = soup_session_new_with_options ("timeout", 120, "idle-timeout", 10,
                                                                  "user-agent", "shouwen/" PACKAGE_VERSION, NULL);

  for (guint tries = 0; tries < FETCH_TRIES; tries++)
    {
      GError *error = NULL;

      if (!fetch_once (session, t, hash, part, cancellable, &error))
        {
          g_task_return_error (task, error);
          return;
        }
      /* the store's folder functions read only its path: safe here */
      if (sw_store_blob_finish_partial (self->store, hash, &error))
        {
          g_task_return_boolean (task, TRUE);
          return;
        }
      if (!g_error_matches (error, SW_ERROR, SW_ERROR_DB_CORRUPT) || tries + 1 == FETCH_TRIES)
        {
          g_task_return_error (task, error);
          return;
        }
      g_clear_error (&error);   /* damaged: the part is gone, fetch it whole again */
    }
}

void
sw_sync_client_fetch_blob_async (SwSyncClient        *self,
                                 const char          *hash,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  sw_sync_client_fetch_blob_progress_async (self, hash, NULL, NULL, cancellable, callback, user_data);
}

void
sw_sync_client_fetch_blob_progress_async (SwSyncClient        *self,
                                          const char          *hash,
                                          SwBlobProgress       progress,
                                          GObject             *progress_target,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  GError *error = NULL;
  Transfer *t;

  g_task_set_source_tag (task, sw_sync_client_fetch_blob_async);
  if (!sw_attachment_is_hash (hash))
    {
      g_task_return_new_error (task, SW_ERROR, SW_ERROR_INVALID, _("“%s” is not a file's SHA-256"), hash);
      return;
    }
  if (sw_store_has_blob (self->store, hash))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  if ((t = transfer_new (self, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_ptr_array_add (t->hashes, g_strdup (hash));
  g_ptr_array_add (t->paths, sw_store_blob_partial_path (self->store, hash));
  if (progress != NULL && progress_target != NULL)
    {
      t->progress = progress;
      t->progress_target = g_object_ref (progress_target);
      t->context = g_main_context_ref_thread_default ();
    }
  g_task_set_task_data (task, t, (GDestroyNotify) transfer_free);
  if (g_ptr_array_index (t->paths, 0) == NULL)
    {
      g_task_return_new_error (task, SW_ERROR, SW_ERROR_DB, _("The folder of attached files cannot be written"));
      return;
    }
  g_task_run_in_thread (task, fetch_thread);
}

gboolean
sw_sync_client_fetch_blob_finish (SwSyncClient  *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
