/* sws-request.c — a request as a worker sees it: copied from the
 * SoupServerMessage on the server's thread, answered on the worker, the
 * answer copied back on the server's thread
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sw-protocol.h"
#include "sws-server-private.h"

static void
copy_header (const char *name,
             const char *value,
             gpointer    data)
{
  soup_message_headers_append (data, name, value);
}

SwsRequest *
_sws_request_new (SoupServerMessage *msg,
                  const char        *path,
                  GHashTable        *query)
{
  SwsRequest *req = g_new0 (SwsRequest, 1);
  SoupMessageBody *body = soup_server_message_get_request_body (msg);

  req->method = g_strdup (soup_server_message_get_method (msg));
  req->path = g_strdup (path);
  if (query != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      req->query = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_iter_init (&iter, query);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (req->query, g_strdup (key), g_strdup (value));
    }
  req->request_headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  soup_message_headers_foreach (soup_server_message_get_request_headers (msg), copy_header,
                                req->request_headers);
  req->body = body != NULL ? soup_message_body_flatten (body) : g_bytes_new (NULL, 0);
  req->response_headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);
  req->status = SOUP_STATUS_INTERNAL_SERVER_ERROR;
  return req;
}

void
_sws_request_free (SwsRequest *req)
{
  g_free (req->method);
  g_free (req->path);
  g_clear_pointer (&req->query, g_hash_table_unref);
  g_clear_pointer (&req->request_headers, soup_message_headers_unref);
  g_clear_pointer (&req->body, g_bytes_unref);
  g_free (req->content_type);
  g_clear_pointer (&req->response, g_bytes_unref);
  g_clear_pointer (&req->response_headers, soup_message_headers_unref);
  g_free (req->device);
  g_free (req->branch);
  g_free (req->error_code);
  g_free (req->error_message);
  g_free (req);
}

void
_sws_request_answer (SwsRequest        *req,
                     SoupServerMessage *msg)
{
  soup_message_headers_foreach (req->response_headers, copy_header,
                                soup_server_message_get_response_headers (msg));
  soup_server_message_set_status (msg, req->status, NULL);
  if (req->response != NULL)
    {
      gsize len;
      gconstpointer data = g_bytes_get_data (req->response, &len);

      soup_server_message_set_response (msg, req->content_type, SOUP_MEMORY_COPY, data, len);
    }
  if (req->device != NULL)
    _sws_note_device_msg (msg, req->device, req->branch);
  if (req->error_code != NULL)
    _sws_note_refusal (msg, req->error_code, req->error_message);
}

gboolean
_sws_request_writes (SwsRequest *req)
{
  return !g_str_equal (req->method, "GET") && !g_str_equal (req->method, "HEAD") &&
         !g_str_equal (req->path, "/api/v1/sign-in");
}

void
_sws_request_respond (SwsRequest *msg,
                      guint       status,
                      const char *content_type,
                      char       *body,
                      gsize       len)
{
  msg->status = status;
  g_free (msg->content_type);
  msg->content_type = g_strdup (content_type);
  g_clear_pointer (&msg->response, g_bytes_unref);
  msg->response = g_bytes_new_take (body, len);
}

void
_sws_respond_json (SwsRequest *msg,
                   guint       status,
                   JsonNode   *node)
{
  char *text = json_to_string (node, FALSE);

  _sws_request_respond (msg, status, "application/json", text, strlen (text));
}

void
_sws_respond_error (SwsServer  *self,
                    SwsRequest *msg,
                    int         code,
                    const char *message)
{
  char *text = _sws_error_text (code, message);

  _sws_request_respond (msg, sw_protocol_error_status (code), "application/json", text, strlen (text));
  if (code == SW_PROTOCOL_ERROR_UNAVAILABLE)
    soup_message_headers_replace (msg->response_headers, "Retry-After", "5");
  if (sw_protocol_error_status (code) == 413 || code == SW_PROTOCOL_ERROR_UNAVAILABLE)
    soup_message_headers_replace (msg->response_headers, "Connection", "close");
  _sws_request_note_refusal (msg, sw_protocol_error_name (code), message);
}

void
_sws_note_device (SwsRequest     *msg,
                  SwServerDevice *device)
{
  g_free (msg->device);
  g_free (msg->branch);
  msg->device = g_strdup (device->device_id);
  msg->branch = g_strdup (device->branch_code);
}

void
_sws_request_note_refusal (SwsRequest *msg,
                           const char *code,
                           const char *reason)
{
  g_free (msg->error_code);
  g_free (msg->error_message);
  msg->error_code = g_strdup (code);
  msg->error_message = g_strdup (reason);
}
