/* sw-sync-http.c — one JSON request to the server, with its failure sorted
 * into offline, server error or refusal.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-protocol.h"
#include "sw-sync-client-private.h"

/* Answers can be large (a bootstrap page), but never deep. */
#define MAX_ANSWER (512 * 1024 * 1024)

typedef struct {
  SoupMessage *msg;
  char        *code;
  guint        retry_after;
} Request;

static void
request_free (Request *r)
{
  g_clear_object (&r->msg);
  g_free (r->code);
  g_free (r);
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
sent_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  g_autoptr(GTask) task = data;
  Request *r = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  g_autoptr(JsonNode) node = NULL;
  guint status;
  gsize len = 0;
  const char *data_ptr;

  if (bytes == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_new_error (task, SW_SYNC_ERROR, SW_SYNC_ERROR_OFFLINE,
                                 _("The server cannot be reached: %s"), error->message);
      return;
    }
  status = soup_message_get_status (r->msg);
  data_ptr = g_bytes_get_data (bytes, &len);
  node = sw_protocol_parse (data_ptr, len, MAX_ANSWER, SW_PROTOCOL_MAX_DEPTH + 8, NULL);

  if (SOUP_STATUS_IS_SUCCESSFUL (status) && node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      g_task_return_pointer (task, g_steal_pointer (&node), (GDestroyNotify) json_node_unref);
      return;
    }
  {
    const char *after = soup_message_headers_get_one (soup_message_get_response_headers (r->msg),
                                                      "Retry-After");
    JsonNode *err = NULL;
    const char *message = NULL;

    if (after != NULL)
      r->retry_after = (guint) MIN (g_ascii_strtoull (after, NULL, 10), 24 * 3600);
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
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  Request *r = g_new0 (Request, 1);

  g_task_set_source_tag (task, _sw_sync_request_async);
  g_task_set_task_data (task, r, (GDestroyNotify) request_free);
  r->msg = soup_message_new (method, url);
  if (r->msg == NULL)
    {
      g_task_return_new_error (task, SW_SYNC_ERROR, SW_SYNC_ERROR_NOT_ENROLLED,
                               _("“%s” is not a server address"), url);
      return;
    }
  if (token != NULL)
    {
      g_autofree char *auth = g_strconcat ("Bearer ", token, NULL);
      soup_message_headers_replace (soup_message_get_request_headers (r->msg), "Authorization", auth);
    }
  if (body != NULL)
    {
      gsize len;
      char *text = json_to_string (body, FALSE);
      g_autoptr(GBytes) bytes = NULL;

      len = strlen (text);
      bytes = g_bytes_new_take (text, len);
      soup_message_set_request_body_from_bytes (r->msg, "application/json", bytes);
    }
  soup_session_send_and_read_async (self->session, r->msg, G_PRIORITY_DEFAULT, cancellable,
                                    sent_cb, g_steal_pointer (&task));
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
