/* sw-sync-http.c — one JSON request to the server, with its failure sorted
 * into offline, server error or refusal; a busy server (503) is asked again
 * within the run, after its Retry-After, a bounded number of times.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-protocol.h"
#include "sw-sync-client-private.h"

/* Answers can be large (a bootstrap page), but never deep. */
#define MAX_ANSWER (512 * 1024 * 1024)

/* A 503 (a full queue, a lock or statement timeout) is retried this many
 * times within the run, each after the server's Retry-After (1 s when it
 * names none), when that is at most MAX_WAIT_S seconds: at most half a
 * minute before the run gives up. A server that asks for longer (a
 * maintenance) ends the run at once, and the client's backoff waits what it
 * asked. SHOUWEN_SYNC_RETRIES sets the number (0: none). */
#define MAX_RETRIES 3
#define MAX_WAIT_S  10

typedef struct {
  SoupMessage *msg;
  char        *code;
  guint        retry_after;
  guint        retries_left;
  char        *method;
  char        *url;
  char        *token;
  GBytes      *body;
  SoupSession *session;
  SwSyncDigest digest;     /* .digest NULL: sent and parsed in the main loop */
  gpointer     digested;
  GBytes      *answer;     /* in the worker thread's hands */
  guint        status;     /* 0 until an answer came */
  GTask       *task;       /* the request's, while a worker thread fetches it (not a reference) */
} Request;

static void
request_free (Request *r)
{
  g_clear_object (&r->msg);
  g_clear_object (&r->session);
  g_free (r->code);
  g_free (r->method);
  g_free (r->url);
  g_free (r->token);
  g_clear_pointer (&r->body, g_bytes_unref);
  g_clear_pointer (&r->answer, g_bytes_unref);
  if (r->digested != NULL && r->digest.digested_free != NULL)
    r->digest.digested_free (r->digested);
  g_free (r);
}

static guint
retries (void)
{
  const char *env = g_getenv ("SHOUWEN_SYNC_RETRIES");

  return env ? (guint) MIN (g_ascii_strtoull (env, NULL, 10), 10) : MAX_RETRIES;
}

/* The headers of a page, in the main loop (a copy: the worker thread goes
 * on reading the body). */
typedef struct {
  GTask              *task;
  SoupMessageHeaders *headers;
} HeadersCall;

static gboolean
headers_in_main (gpointer data)
{
  HeadersCall *call = data;
  Request *r = g_task_get_task_data (call->task);

  r->digest.headers (call->headers, r->digest.data);
  soup_message_headers_unref (call->headers);
  g_object_unref (call->task);
  g_free (call);
  return G_SOURCE_REMOVE;
}

static void
copy_header (const char *name,
             const char *value,
             gpointer    data)
{
  soup_message_headers_append (data, name, value);
}

/* In the worker thread that fetches the page. */
static void
got_headers_cb (SoupMessage *msg,
                gpointer     data)
{
  Request *r = data;
  HeadersCall *call;

  if (!SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (msg)))
    return;
  call = g_new0 (HeadersCall, 1);
  call->task = g_object_ref (r->task);
  call->headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);
  soup_message_headers_foreach (soup_message_get_response_headers (msg), copy_header, call->headers);
  g_main_context_invoke (g_task_get_context (r->task), headers_in_main, call);
}

static SoupMessage *
build_message (Request *r)
{
  SoupMessage *msg = soup_message_new (r->method, r->url);

  if (msg == NULL)
    return NULL;
  if (r->digest.headers != NULL)
    g_signal_connect (msg, "got-headers", G_CALLBACK (got_headers_cb), r);
  if (r->token != NULL)
    {
      g_autofree char *auth = g_strconcat ("Bearer ", r->token, NULL);
      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
    }
  if (r->body != NULL)
    soup_message_set_request_body_from_bytes (msg, "application/json", r->body);
  return msg;
}

static void sent_cb (GObject *source, GAsyncResult *result, gpointer data);
static void fetched_cb (GObject *source, GAsyncResult *result, gpointer data);
static void fetch_thread (GTask *fetch, gpointer source, gpointer data, GCancellable *cancellable);

/* Takes the reference to `task`. A page to digest is fetched and read in a
 * worker thread (libsoup ≥ 3.2 sends from any thread), so that the main
 * loop, storing the page before, is not the one reading this one's bytes. */
static void
send_request (GTask *task)
{
  Request *r = g_task_get_task_data (task);

  if (r->digest.digest != NULL)
    {
      g_autoptr(GTask) fetch = g_task_new (NULL, g_task_get_cancellable (task), fetched_cb, task);

      r->task = task;
      r->status = 0;
      g_task_set_task_data (fetch, r, NULL);   /* the outer task keeps it */
      g_task_run_in_thread (fetch, fetch_thread);
      return;
    }
  soup_session_send_and_read_async (r->session, r->msg, G_PRIORITY_DEFAULT, g_task_get_cancellable (task),
                                    sent_cb, task);
}

/* The wait after a 503 is over: the same request again, as a new message */
static gboolean
resend_cb (gpointer data)
{
  GTask *task = data;
  Request *r = g_task_get_task_data (task);

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return G_SOURCE_REMOVE;
    }
  g_clear_object (&r->msg);
  g_clear_pointer (&r->code, g_free);
  r->msg = build_message (r);
  send_request (task);
  return G_SOURCE_REMOVE;
}

const char *
_sw_json_string (JsonNode   *node,
                 const char *member)
{
  JsonNode *n;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  n = json_object_get_member (json_node_get_object (node), member);
  if (n == NULL || json_node_get_value_type (n) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (n);
}

gint64
_sw_json_int (JsonNode   *node,
              const char *member)
{
  JsonNode *n;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return 0;
  n = json_object_get_member (json_node_get_object (node), member);
  if (n == NULL || json_node_get_value_type (n) != G_TYPE_INT64)
    return 0;
  return json_node_get_int (n);
}

gboolean
_sw_sync_refuses_request (const char *code)
{
  static const char *const codes[] = {
    "too_large", "too_many_events", "invalid_request", "invalid_json", "too_deep",
  };

  for (guint i = 0; code && i < G_N_ELEMENTS (codes); i++)
    if (g_str_equal (code, codes[i]))
      return TRUE;
  return FALSE;
}

static void
answered (GTask    *task,
          JsonNode *node)
{
  Request *r = g_task_get_task_data (task);
  guint status = r->status;

  if (SOUP_STATUS_IS_SUCCESSFUL (status) && node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      g_task_return_pointer (task, json_node_ref (node), (GDestroyNotify) json_node_unref);
      return;
    }
  {
    const char *after = soup_message_headers_get_one (soup_message_get_response_headers (r->msg),
                                                      "Retry-After");
    JsonNode *err = NULL;
    const char *message = NULL;

    if (after != NULL)
      r->retry_after = (guint) MIN (g_ascii_strtoull (after, NULL, 10), 24 * 3600);
    if (status == SOUP_STATUS_SERVICE_UNAVAILABLE && r->retries_left > 0 && r->retry_after <= MAX_WAIT_S)
      {
        r->retries_left--;
        g_debug ("%s %s: 503, again in %u s", r->method, r->url, MAX (r->retry_after, 1));
        g_timeout_add (MAX (r->retry_after, 1) * 1000, resend_cb, g_object_ref (task));
        return;
      }
    if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
      err = json_object_get_member (json_node_get_object (node), "error");
    r->code = g_strdup (_sw_json_string (err, "code"));
    message = _sw_json_string (err, "message");
    if (status >= 400 && status < 500 && status != 408 && status != 429)
      g_task_return_new_error (task, SW_SYNC_ERROR, SW_SYNC_ERROR_REFUSED,
                               _("The server refused the request (%u): %s"), status,
                               message ? message : soup_status_get_phrase (status));
    else
      g_task_return_new_error (task, SW_SYNC_ERROR, SW_SYNC_ERROR_SERVER,
                               _("The server failed (%u): %s"), status,
                               message ? message : soup_status_get_phrase (status));
  }
}

static JsonNode *
parse_answer (GBytes *bytes)
{
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);

  return sw_protocol_parse (data, len, MAX_ANSWER, SW_PROTOCOL_MAX_DEPTH + 8, NULL);
}

/* The answer's text is no JSON object (its events are wrong: another error). */
static gboolean
is_text_error (const GError *error)
{
  return error->domain == SW_PROTOCOL_ERROR &&
         (error->code == SW_PROTOCOL_ERROR_INVALID_JSON || error->code == SW_PROTOCOL_ERROR_TOO_DEEP ||
          error->code == SW_PROTOCOL_ERROR_TOO_LARGE || error->code == SW_PROTOCOL_ERROR_INVALID_REQUEST);
}

/* The answer did not come: cancelled, or the server is out of reach. */
static void
return_unreachable (GTask  *task,
                    GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_task_return_error (task, error);
  else
    {
      g_task_return_new_error (task, SW_SYNC_ERROR, SW_SYNC_ERROR_OFFLINE,
                               _("The server cannot be reached: %s"), error->message);
      g_error_free (error);
    }
}

/* The worker thread: fetches the answer and, when it is a success, the
 * digest reads its text (the small JSON the main loop gets is returned). */
static void
fetch_thread (GTask        *fetch,
              gpointer      source,
              gpointer      data,
              GCancellable *cancellable)
{
  Request *r = data;
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;
  gsize len = 0;
  const char *text;
  JsonNode *small;

  if ((bytes = soup_session_send_and_read (r->session, r->msg, cancellable, &error)) == NULL)
    {
      g_task_return_error (fetch, error);
      return;
    }
  r->status = soup_message_get_status (r->msg);
  if (!SOUP_STATUS_IS_SUCCESSFUL (r->status))
    {
      /* an error's body: read in the main loop */
      r->answer = g_steal_pointer (&bytes);
      g_task_return_pointer (fetch, NULL, NULL);
      return;
    }
  text = g_bytes_get_data (bytes, &len);
  small = r->digest.digest (text, len, MAX_ANSWER, &r->digested, &error);
  if (small != NULL)
    g_task_return_pointer (fetch, small, (GDestroyNotify) json_node_unref);
  else if (error != NULL && !is_text_error (error))
    g_task_return_error (fetch, error);
  else
    {
      /* no JSON object: answered as such, with the status */
      g_clear_error (&error);
      g_task_return_pointer (fetch, NULL, NULL);
    }
}

static void
fetched_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  g_autoptr(GTask) task = data;
  Request *r = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(JsonNode) node = g_task_propagate_pointer (G_TASK (result), &error);

  r->task = NULL;
  if (error != NULL)
    {
      if (r->status == 0)
        return_unreachable (task, error);
      else
        g_task_return_error (task, error);
      return;
    }
  if (r->answer != NULL)
    {
      g_autoptr(GBytes) answer = g_steal_pointer (&r->answer);
      node = parse_answer (answer);
    }
  answered (task, node);
}

static void
sent_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  g_autoptr(GTask) task = data;
  Request *r = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(GBytes) bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  g_autoptr(JsonNode) node = NULL;

  if (bytes == NULL)
    {
      return_unreachable (task, error);
      return;
    }
  r->status = soup_message_get_status (r->msg);
  node = parse_answer (bytes);
  answered (task, node);
}

static void
request_async (SwSyncClient        *self,
               const char          *method,
               const char          *url,
               const char          *token,
               JsonNode            *body,
               const SwSyncDigest  *digest,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  Request *r = g_new0 (Request, 1);

  if (digest != NULL)
    r->digest = *digest;

  g_task_set_source_tag (task, _sw_sync_request_async);
  g_task_set_task_data (task, r, (GDestroyNotify) request_free);
  r->method = g_strdup (method);
  r->url = g_strdup (url);
  r->token = g_strdup (token);
  r->session = g_object_ref (self->session);
  r->retries_left = retries ();
  if (body != NULL)
    {
      char *text = json_to_string (body, FALSE);

      r->body = g_bytes_new_take (text, strlen (text));
    }
  r->msg = build_message (r);
  if (r->msg == NULL)
    {
      g_task_return_new_error (task, SW_SYNC_ERROR, SW_SYNC_ERROR_NOT_ENROLLED,
                               _("“%s” is not a server address"), url);
      return;
    }
  send_request (g_steal_pointer (&task));
}

void
_sw_sync_request_async (SwSyncClient        *self,
                        const char          *method,
                        const char          *url,
                        const char          *token,
                        JsonNode            *body,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  request_async (self, method, url, token, body, NULL, cancellable, callback, user_data);
}

void
_sw_sync_request_digest_async (SwSyncClient        *self,
                               const char          *method,
                               const char          *url,
                               const char          *token,
                               const SwSyncDigest  *digest,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  request_async (self, method, url, token, NULL, digest, cancellable, callback, user_data);
}

gpointer
_sw_sync_request_take_digested (GAsyncResult *result)
{
  Request *r = g_task_get_task_data (G_TASK (result));

  return g_steal_pointer (&r->digested);
}

JsonNode *
_sw_sync_request_finish (SwSyncClient  *self,
                         GAsyncResult  *result,
                         char         **protocol_code,
                         guint         *retry_after,
                         GError       **error)
{
  Request *r = g_task_get_task_data (G_TASK (result));

  if (protocol_code)
    *protocol_code = g_strdup (r->code);
  if (retry_after)
    *retry_after = r->retry_after;
  return g_task_propagate_pointer (G_TASK (result), error);
}
