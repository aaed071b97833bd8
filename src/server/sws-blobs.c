/* sws-blobs.c — the attached files' endpoints under /api/v1/blobs (docs/api.md "Attached files"): parts up, ranges down, scoped
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sw-error.h"
#include "sw-protocol.h"
#include "sws-server-private.h"

/* The most a download answer carries (a client asks for less). */
#define MAX_RANGE ((gint64) 4 * 1024 * 1024)

static void
refuse (SwsServer         *self,
        SwsRequest        *msg,
        GError            *error)
{
  int code = error->domain == SW_PROTOCOL_ERROR ? error->code : SW_PROTOCOL_ERROR_INTERNAL;

  if (code == SW_PROTOCOL_ERROR_INTERNAL)
    g_warning ("%s", error->message);
  _sws_respond_error (self, msg, code, error->message);
}

static void
respond_status (SwsRequest        *msg,
                const char        *hash,
                gint64             received,
                gboolean           complete)
{
  g_autoptr(JsonBuilder) b = json_builder_new_immutable ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "hash");
  json_builder_add_string_value (b, hash);
  json_builder_set_member_name (b, "received");
  json_builder_add_int_value (b, received);
  json_builder_set_member_name (b, "complete");
  json_builder_add_boolean_value (b, complete);
  json_builder_end_object (b);
  node = json_builder_get_root (b);
  _sws_respond_json (msg, SOUP_STATUS_OK, node);
}

/* GET /api/v1/blobs/HASH/status → {"hash", "received", "complete"} */
static void
blob_status (SwsServer         *self,
             SwsRequest        *msg,
             const char        *hash)
{
  g_autoptr(GError) error = NULL;
  gint64 received = 0;
  gboolean complete = FALSE;

  if (!sw_server_storage_blob_status (msg->storage, hash, &received, &complete, &error))
    refuse (self, msg, error);
  else
    respond_status (msg, hash, received, complete);
}

/* PUT /api/v1/blobs/HASH, Content-Range: bytes START-END/TOTAL, the part as
 * the body → the status after it. */
static void
blob_put (SwsServer         *self,
          SwsRequest        *msg,
          SwServerDevice    *device,
          const char        *hash)
{
  SoupMessageHeaders *headers = msg->request_headers;
  g_autoptr(GBytes) body = g_bytes_ref (msg->body);
  g_autoptr(GError) error = NULL;
  goffset start = 0, end = -1, total = -1;
  gint64 received = 0;
  gboolean complete = FALSE;

  if (sw_access_device_writes (sw_server_device_access (device)) != SW_ACCESS_OK)
    {
      _sws_respond_error (self, msg, SW_PROTOCOL_ERROR_FORBIDDEN, _("An inspector's device sends no file"));
      return;
    }
  if (!soup_message_headers_get_content_range (headers, &start, &end, &total) || total <= 0 ||
      end - start + 1 != (goffset) g_bytes_get_size (body))
    {
      _sws_respond_error (self, msg, SW_PROTOCOL_ERROR_INVALID_REQUEST,
                          _("A part needs a Content-Range (bytes START-END/TOTAL) that matches its body"));
      return;
    }
  if (!sw_server_storage_blob_append (msg->storage, hash, start, body, total, &received, &complete, &error))
    {
      if (g_error_matches (error, SW_PROTOCOL_ERROR, SW_PROTOCOL_ERROR_RANGE))
        {
          /* where to go on, for the client */
          g_autofree char *at = g_strdup_printf ("%" G_GINT64_FORMAT, received);
          soup_message_headers_replace (msg->response_headers, "X-Received", at);
        }
      refuse (self, msg, error);
      return;
    }
  respond_status (msg, hash, received, complete);
}

/* GET /api/v1/blobs/HASH [Range: bytes=START-END] → 200 or 206 with the bytes */
static void
blob_get (SwsServer         *self,
          SwsRequest        *msg,
          SwServerDevice    *device,
          const char        *hash)
{
  SoupMessageHeaders *headers = msg->request_headers;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) data = NULL;
  SoupRange *ranges = NULL;
  int n_ranges = 0;
  gint64 start = 0, length = MAX_RANGE, total = 0;
  gboolean partial = FALSE;
  gsize len;
  gconstpointer bytes;

  if (!sw_server_storage_blob_readable (msg->storage, device, hash, &error))
    {
      refuse (self, msg, error);
      return;
    }
  if (soup_message_headers_get_ranges (headers, G_MAXINT64, &ranges, &n_ranges))
    {
      partial = TRUE;
      start = ranges[0].start;
      if (ranges[0].end >= start)
        length = MIN (ranges[0].end - start + 1, MAX_RANGE);
      soup_message_headers_free_ranges (headers, ranges);
    }
  if ((data = sw_server_storage_blob_read (msg->storage, hash, start, length, &total, &error)) == NULL)
    {
      refuse (self, msg, error);
      return;
    }
  bytes = g_bytes_get_data (data, &len);
  partial = partial || (gint64) len < total;
  if (partial)
    soup_message_headers_set_content_range (msg->response_headers,
                                            start, start + (goffset) len - 1, total);
  _sws_request_respond (msg, partial ? SOUP_STATUS_PARTIAL_CONTENT : SOUP_STATUS_OK,
                        "application/octet-stream", g_memdup2 (bytes, len), len);
}

void
_sws_blobs_handle (SwsServer         *self,
                   SwsRequest        *msg,
                   SwServerDevice    *device,
                   const char        *rest)
{
  const char *method = msg->method;
  const char *slash = strchr (rest, '/');
  g_autofree char *hash = slash ? g_strndup (rest, slash - rest) : g_strdup (rest);

  if (slash != NULL && g_str_equal (slash, "/status") && g_str_equal (method, "GET"))
    blob_status (self, msg, hash);
  else if (slash == NULL && g_str_equal (method, "PUT"))
    blob_put (self, msg, device, hash);
  else if (slash == NULL && g_str_equal (method, "GET"))
    blob_get (self, msg, device, hash);
  else
    _sws_respond_error (self, msg, SW_PROTOCOL_ERROR_NOT_FOUND, _("There is nothing here"));
}
