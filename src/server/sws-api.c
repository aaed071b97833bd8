/* sws-api.c — the JSON API under /api/v1 (docs/api.md)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <signal.h>
#include <string.h>

#include "sw-error.h"
#include "sw-json.h"
#include "sw-protocol.h"
#include "sws-server-private.h"

typedef void (*ApiFunc) (SwsServer *self, SwsRequest        *msg, SwServerDevice *device,
                         GHashTable *query, const char *rest);

/* ------------------------------------------------------------ helpers */

static void
respond_gerror (SwsServer         *self,
                SwsRequest        *msg,
                GError            *error)
{
  int code = SW_PROTOCOL_ERROR_INTERNAL;

  if (error->domain == SW_PROTOCOL_ERROR)
    code = error->code;
  else if (g_error_matches (error, SW_ERROR, SW_ERROR_NOT_FOUND))
    code = SW_PROTOCOL_ERROR_NOT_FOUND;
  else if (g_error_matches (error, SW_ERROR, SW_ERROR_INVALID))
    code = SW_PROTOCOL_ERROR_INVALID_REQUEST;
  else if (g_error_matches (error, SW_ERROR, SW_ERROR_FORBIDDEN))
    code = SW_PROTOCOL_ERROR_FORBIDDEN;
  else if (g_error_matches (error, SW_ERROR, SW_ERROR_DB_BUSY))
    code = SW_PROTOCOL_ERROR_UNAVAILABLE;   /* a lock or statement timeout: 503, Retry-After */
  if (code == SW_PROTOCOL_ERROR_INTERNAL)
    g_warning ("%s", error->message);
  _sws_respond_error (self, msg, code, error->message);
}

static JsonNode *
read_json_body (SwsServer         *self,
                SwsRequest        *msg)
{
  GBytes *bytes = msg->body;
  g_autoptr(GError) error = NULL;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  JsonNode *node = sw_protocol_parse (data, len, (gsize) self->config.max_body,
                                      SW_PROTOCOL_MAX_DEPTH, &error);

  if (node == NULL)
    respond_gerror (self, msg, error);
  else if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      _sws_respond_error (self, msg, SW_PROTOCOL_ERROR_INVALID_REQUEST, _("The request must be a JSON object"));
      g_clear_pointer (&node, json_node_unref);
    }
  return node;
}

static const char *
member_string (JsonNode   *node,
               const char *member)
{
  JsonNode *n = json_object_get_member (json_node_get_object (node), member);

  if (n == NULL || json_node_get_value_type (n) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (n);
}

static SwServerDevice *
authenticate (SwsServer         *self,
              SwsRequest        *msg)
{
  const char *auth = soup_message_headers_get_one (msg->request_headers,
                                                   "Authorization");
  g_autoptr(GError) error = NULL;
  SwServerDevice *device;

  if (auth == NULL || g_ascii_strncasecmp (auth, "Bearer ", 7) != 0)
    {
      _sws_respond_error (self, msg, SW_PROTOCOL_ERROR_UNAUTHORIZED,
                          _("A device token is required (Authorization: Bearer …)"));
      return NULL;
    }
  device = sw_server_storage_authenticate (msg->storage, auth + 7, sws_server_now (self), &error);
  if (device == NULL)
    respond_gerror (self, msg, error);
  else
    _sws_note_device (msg, device);
  return device;
}

static void
add_string (JsonBuilder *b,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (b, member);
  if (value)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_device (JsonBuilder    *b,
            SwServerDevice *device,
            const char     *epoch)
{
  add_string (b, "device_id", device->device_id);
  add_string (b, "branch", device->branch_code);
  add_string (b, "device_code", device->device_code);
  add_string (b, "role", sw_device_role_name (device->role));
  add_string (b, "epoch", epoch);
}

static void
respond_builder (SwsRequest        *msg,
                 JsonBuilder       *b)
{
  g_autoptr(JsonNode) node = json_builder_get_root (b);

  _sws_respond_json (msg, SOUP_STATUS_OK, node);
}

/* ------------------------------------------------------------ endpoints */

static void
api_healthz (SwsServer         *self,
             SwsRequest        *msg)
{
  g_autoptr(JsonBuilder) b = json_builder_new_immutable ();

  json_builder_begin_object (b);
  add_string (b, "status", "ok");
  add_string (b, "epoch", sw_server_storage_get_epoch (msg->storage));
  json_builder_end_object (b);
  respond_builder (msg, b);
}

static void
api_enrol (SwsServer         *self,
           SwsRequest        *msg)
{
  g_autoptr(JsonNode) body = read_json_body (self, msg);
  g_autoptr(JsonBuilder) b = NULL;
  g_autoptr(SwServerDevice) device = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;

  if (body == NULL)
    return;
  device = sw_server_storage_enrol (msg->storage, member_string (body, "code"),
                                    member_string (body, "device_id"), sws_server_now (self),
                                    &token, &error);
  if (device == NULL)
    {
      respond_gerror (self, msg, error);
      return;
    }
  _sws_note_device (msg, device);
  b = json_builder_new_immutable ();
  json_builder_begin_object (b);
  add_device (b, device, sw_server_storage_get_epoch (msg->storage));
  add_string (b, "token", token);
  json_builder_end_object (b);
  respond_builder (msg, b);
}

static void
api_sign_in (SwsServer         *self,
             SwsRequest        *msg,
             SwServerDevice    *device,
             GHashTable        *query,
             const char        *rest)
{
  g_autoptr(JsonNode) body = read_json_body (self, msg);
  g_autoptr(JsonBuilder) b = NULL;
  g_autoptr(SwStaff) staff = NULL;
  g_autoptr(GError) error = NULL;

  if (body == NULL)
    return;
  staff = sw_server_storage_sign_in (msg->storage, member_string (body, "empno"),
                                     member_string (body, "password"), &error);
  if (staff == NULL)
    {
      respond_gerror (self, msg, error);
      return;
    }
  b = json_builder_new_immutable ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "staff");
  json_builder_add_value (b, json_gobject_serialize (G_OBJECT (staff)));
  json_builder_end_object (b);
  respond_builder (msg, b);
}

/* Stores the push's audit entries when they continue the chain the server
 * holds of this device (entries it holds already are skipped: a push
 * answered too late is sent again); a broken chain stores none of them.
 * `*last` is the device's last entry held afterwards. The check is here,
 * not in an engine: every engine stores what this accepted. */
static gboolean
accept_audit (SwServerStorage *storage,
              SwServerDevice  *device,
              GPtrArray       *audit,
              gint64           now,
              gint64          *last,
              GError         **error)
{
  g_autofree char *head_hash = NULL;
  g_autoptr(GPtrArray) fresh = g_ptr_array_new ();
  gint64 head_seq, bad = 0;

  if (!sw_server_storage_audit_head (storage, device->device_id, &head_seq, &head_hash, error))
    return FALSE;
  *last = head_seq;
  for (guint i = 0; audit && i < audit->len; i++)
    {
      SwAuditEntry *e = g_ptr_array_index (audit, i);

      if (g_strcmp0 (e->device, device->device_id) != 0)
        {
          g_set_error (error, SW_PROTOCOL_ERROR, SW_PROTOCOL_ERROR_INVALID_REQUEST,
                       _("Audit entry %lld is another device’s; a device pushes its own"),
                       (long long) e->seq);
          return FALSE;
        }
      if (e->seq > head_seq)
        g_ptr_array_add (fresh, e);
    }
  if (fresh->len == 0)
    return TRUE;
  /* Entries begin after a gap: the server lost the tail this device pushed
   * before (a restore). Store none; the answer's audit_seq asks the device
   * to send again from the last entry the server holds. */
  if (((SwAuditEntry *) g_ptr_array_index (fresh, 0))->seq > head_seq + 1)
    return TRUE;
  if (!sw_audit_chain_check (fresh, head_seq, head_hash, &bad))
    {
      g_set_error (error, SW_PROTOCOL_ERROR, SW_PROTOCOL_ERROR_AUDIT_CHAIN,
                   _("This device’s audit log is broken at entry %lld (changed, deleted or out of "
                     "order after entry %lld, the last the server holds); nothing was stored"),
                   (long long) bad, (long long) head_seq);
      return FALSE;
    }
  if (!sw_server_storage_append_audit (storage, device->device_id, fresh, now, error))
    return FALSE;
  *last = ((SwAuditEntry *) g_ptr_array_index (fresh, fresh->len - 1))->seq;
  return TRUE;
}

static void
api_push (SwsServer         *self,
          SwsRequest        *msg,
          SwServerDevice    *device,
          GHashTable        *query,
          const char        *rest)
{
  GBytes *bytes = msg->body;
  g_autoptr(SwPushRequest) request = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new_immutable ();
  SwPushPolicy policy = { sws_server_now (self), self->config.max_skew_ms };
  guint counts[SW_PUSH_DEFERRED + 1] = { 0 };
  guint n_forbidden = 0;
  gint64 audit_last = 0;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  /* the audit log first: a broken chain refuses the whole push, so that
   * nothing of it is stored and the device hears of it at once */
  if ((request = sw_push_request_parse (data, len, self->config.max_batch, &error)) == NULL ||
      !sw_server_storage_notice_client (msg->storage, device, 0, request->position, policy.now_ms, &error) ||
      !accept_audit (msg->storage, device, request->audit, policy.now_ms, &audit_last, &error) ||
      (results = sw_server_storage_push (msg->storage, device, request, &policy, &error)) == NULL)
    {
      respond_gerror (self, msg, error);
      return;
    }
  /* Test only (tests/sync/test_durable.py): die between the commit and the
   * answer, as a power cut or kill -9 would */
  if (self->crash_after_push_commit)
    raise (SIGKILL);

  json_builder_begin_object (b);
  add_string (b, "epoch", sw_server_storage_get_epoch (msg->storage));
  json_builder_set_member_name (b, "position");
  json_builder_add_int_value (b, sw_server_storage_get_position (msg->storage));
  /* the device's last audit entry the server holds (absent: an old server) */
  json_builder_set_member_name (b, "audit_seq");
  json_builder_add_int_value (b, audit_last);
  json_builder_set_member_name (b, "results");
  json_builder_begin_array (b);
  for (guint i = 0; i < results->len; i++)
    {
      SwPushResult *r = g_ptr_array_index (results, i);

      counts[r->status]++;
      n_forbidden += r->status == SW_PUSH_REJECTED && r->code == SW_PROTOCOL_ERROR_FORBIDDEN;
      json_builder_begin_object (b);
      add_string (b, "id", r->event_id);
      add_string (b, "status", sw_push_status_to_string (r->status));
      if (r->status == SW_PUSH_REJECTED || r->status == SW_PUSH_DEFERRED)
        {
          add_string (b, "code", sw_protocol_error_name (r->code));
          add_string (b, "message", r->message);
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  /* a push of nothing but refused writes is itself refused */
  if (results->len > 0 && n_forbidden == results->len)
    {
      SwPushResult *first = g_ptr_array_index (results, 0);
      _sws_respond_error (self, msg, SW_PROTOCOL_ERROR_FORBIDDEN, first->message);
      return;
    }
  for (guint i = 0; i < results->len && counts[SW_PUSH_REJECTED] > 0; i++)
    {
      SwPushResult *r = g_ptr_array_index (results, i);

      if (r->status == SW_PUSH_REJECTED)
        {
          g_autofree char *why = g_strdup_printf ("%u/%u events refused, first %s: %s",
                                                  counts[SW_PUSH_REJECTED], results->len,
                                                  r->event_id, r->message);
          _sws_request_note_refusal (msg, sw_protocol_error_name (r->code), why);
          break;
        }
    }
  respond_builder (msg, b);
}

static void
api_pull (SwsServer         *self,
          SwsRequest        *msg,
          SwServerDevice    *device,
          GHashTable        *query,
          const char        *rest)
{
  g_autoptr(SwPullPage) page = NULL;
  g_autoptr(GError) error = NULL;
  GString *out;
  guint64 since, limit, position;
  gint64 log_end;
  gsize len;

  if (!sw_protocol_parse_uint (query ? g_hash_table_lookup (query, "since") : NULL, 0, G_MAXINT64, &since) ||
      !sw_protocol_parse_uint (query ? g_hash_table_lookup (query, "limit") : NULL, 1000,
                               self->config.max_pull, &limit) || limit == 0 ||
      !sw_protocol_parse_uint (query ? g_hash_table_lookup (query, "position") : NULL, 0, G_MAXINT64, &position))
    {
      _sws_respond_error (self, msg, SW_PROTOCOL_ERROR_INVALID_REQUEST,
                          _("“since” and “limit” must be whole numbers within bounds"));
      return;
    }
  if (!sw_server_storage_notice_client (msg->storage, device, since, (gint64) position,
                                        sws_server_now (self), &error) ||
      (page = sw_server_storage_pull (msg->storage, device, since, (guint) limit, &error)) == NULL)
    {
      respond_gerror (self, msg, error);
      return;
    }
  log_end = sw_server_storage_get_position (msg->storage);
  /* written by hand: a page is mostly stored payloads, copied as they are */
  out = g_string_sized_new (page->events->len + 256);
  g_string_append (out, "{\"epoch\":");
  sw_json_append_string (out, sw_server_storage_get_epoch (msg->storage));
  g_string_append_printf (out, ",\"position\":%" G_GINT64_FORMAT ",\"cursor\":%" G_GUINT64_FORMAT
                          ",\"more\":%s,\"events\":",
                          log_end, page->cursor,
                          page->more ? "true" : "false");
  g_string_append_len (out, page->events->str, (gssize) page->events->len);
  g_string_append (out, ",\"contacts\":[");
  for (guint i = 0; i < page->contacts->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      sw_protocol_append_contact (out, g_ptr_array_index (page->contacts, i));
    }
  g_string_append (out, "]}");
  len = out->len;
  /* the next page's question in the headers too: a client can ask for it
   * before it has read and parsed this one (docs/api.md, "Pull") */
  if (page->more)
    {
      g_autofree char *cursor = g_strdup_printf ("%" G_GUINT64_FORMAT, page->cursor);
      g_autofree char *at = g_strdup_printf ("%" G_GINT64_FORMAT, log_end);

      soup_message_headers_replace (msg->response_headers, "Shouwen-Cursor", cursor);
      soup_message_headers_replace (msg->response_headers, "Shouwen-Position", at);
    }
  _sws_request_respond (msg, SOUP_STATUS_OK, "application/json", g_string_free (out, FALSE), len);
}

static void
api_directory (SwsServer         *self,
               SwsRequest        *msg,
               SwServerDevice    *device,
               GHashTable        *query,
               const char        *rest)
{
  g_autoptr(JsonBuilder) b = json_builder_new_immutable ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) dir = NULL;
  gint64 version = 0;
  guint64 since;

  if (!sw_protocol_parse_uint (query ? g_hash_table_lookup (query, "since") : NULL, 0, G_MAXINT64, &since))
    {
      _sws_respond_error (self, msg, SW_PROTOCOL_ERROR_INVALID_REQUEST, _("“since” must be a whole number"));
      return;
    }
  if ((dir = sw_server_storage_get_directory (msg->storage, &version, &error)) == NULL)
    {
      respond_gerror (self, msg, error);
      return;
    }
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, version);
  add_device (b, device, sw_server_storage_get_epoch (msg->storage));
  if ((gint64) since != version || since == 0)
    {
      json_builder_set_member_name (b, "directory");
      json_builder_add_value (b, g_steal_pointer (&dir));
    }
  json_builder_end_object (b);
  respond_builder (msg, b);
}

/* POST /api/v1/directory/changes: {"epoch", "changes": [{"seq", "table",
 * "key", "row", "at"}]} → {"epoch", "version", "results": […]} */
static void
api_directory_changes (SwsServer         *self,
                       SwsRequest        *msg,
                       SwServerDevice    *device,
                       GHashTable        *query,
                       const char        *rest)
{
  g_autoptr(JsonNode) body = read_json_body (self, msg);
  g_autoptr(JsonBuilder) b = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *changes;
  gint64 version = 0;
  guint refused = 0;

  if (body == NULL)
    return;
  changes = json_object_get_member (json_node_get_object (body), "changes");
  if (changes == NULL || !JSON_NODE_HOLDS_ARRAY (changes))
    {
      _sws_respond_error (self, msg, SW_PROTOCOL_ERROR_INVALID_REQUEST, _("“changes” must be an array"));
      return;
    }
  if (json_array_get_length (json_node_get_array (changes)) > self->config.max_batch)
    {
      g_autofree char *why = g_strdup_printf (_("At most %u changes may be sent at once"), self->config.max_batch);
      _sws_respond_error (self, msg, SW_PROTOCOL_ERROR_TOO_MANY, why);
      return;
    }
  results = sw_server_storage_push_directory (msg->storage, device, json_node_get_array (changes),
                                              sws_server_now (self), &version, &error);
  if (results == NULL)
    {
      respond_gerror (self, msg, error);
      return;
    }
  b = json_builder_new_immutable ();
  json_builder_begin_object (b);
  add_string (b, "epoch", sw_server_storage_get_epoch (msg->storage));
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, version);
  json_builder_set_member_name (b, "results");
  json_builder_begin_array (b);
  for (guint i = 0; i < results->len; i++)
    {
      static const char *const names[] = { "ok", "stale", "refused" };
      SwDirectoryResult *r = g_ptr_array_index (results, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "seq");
      json_builder_add_int_value (b, r->seq);
      add_string (b, "status", names[r->status]);
      if (r->status == SW_DIRECTORY_REFUSED)
        {
          add_string (b, "code", r->code);
          add_string (b, "message", r->message);
          if (refused++ == 0)
            _sws_request_note_refusal (msg, r->code, r->message);
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  respond_builder (msg, b);
}

static void
api_case (SwsServer         *self,
          SwsRequest        *msg,
          SwServerDevice    *device,
          GHashTable        *query,
          const char        *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = sw_server_storage_get_case (msg->storage, device, id, &error);

  if (node == NULL)
    respond_gerror (self, msg, error);
  else
    _sws_respond_json (msg, SOUP_STATUS_OK, node);
}

/* ------------------------------------------------------------ routing */

static const struct {
  const char *method;
  const char *path;       /* a trailing '/' takes the rest as an argument */
  ApiFunc     func;
} routes[] = {
  { "POST", "/api/v1/sign-in", api_sign_in },
  { "POST", "/api/v1/sync/push", api_push },
  { "GET", "/api/v1/sync/pull", api_pull },
  { "GET", "/api/v1/directory", api_directory },
  { "POST", "/api/v1/directory/changes", api_directory_changes },
  { "GET", "/api/v1/bootstrap", api_directory },
  { "GET", "/api/v1/cases/", api_case },
};

void
_sws_api_handle (SwsServer  *self,
                 SwsRequest *msg)
{
  const char *method = msg->method;
  const char *path = msg->path;
  GHashTable *query = msg->query;

  if (g_str_equal (path, "/healthz") && g_str_equal (method, "GET"))
    {
      api_healthz (self, msg);
      return;
    }
  if (g_str_equal (path, "/api/v1/enrol") && g_str_equal (method, "POST"))
    {
      api_enrol (self, msg);
      return;
    }
  if (g_str_has_prefix (path, "/api/v1/blobs/"))
    {
      g_autoptr(SwServerDevice) device = authenticate (self, msg);
      if (device != NULL)
        _sws_blobs_handle (self, msg, device, path + strlen ("/api/v1/blobs/"));
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    {
      gsize n = strlen (routes[i].path);
      gboolean prefix = routes[i].path[n - 1] == '/';
      g_autoptr(SwServerDevice) device = NULL;

      if (prefix ? strncmp (path, routes[i].path, n) != 0 || path[n] == '\0' || strchr (path + n, '/')
                 : !g_str_equal (path, routes[i].path))
        continue;
      if (!g_str_equal (method, routes[i].method))
        {
          _sws_respond_error (self, msg, SW_PROTOCOL_ERROR_INVALID_REQUEST, _("Method not allowed here"));
          msg->status = SOUP_STATUS_METHOD_NOT_ALLOWED;
          return;
        }
      if ((device = authenticate (self, msg)) == NULL)
        return;
      routes[i].func (self, msg, device, query, prefix ? path + n : NULL);
      return;
    }
  _sws_respond_error (self, msg, SW_PROTOCOL_ERROR_NOT_FOUND, _("There is nothing here"));
}
