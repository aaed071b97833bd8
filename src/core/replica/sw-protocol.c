/* sw-protocol.c — the sync protocol's JSON: events, contacts and push batches, with limits
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sw-json.h"
#include "sw-json-reader.h"
#include "sw-mask.h"
#include "sw-models-private.h"
#include "sw-protocol.h"
#include "sw-uuid.h"

G_DEFINE_QUARK (sw-protocol-error-quark, sw_protocol_error)

static const struct {
  const char *name;
  guint       status;
} error_info[] = {
  { "invalid_json", 400 },
  { "too_deep", 400 },
  { "too_large", 413 },
  { "too_many_events", 413 },
  { "invalid_request", 400 },
  { "invalid_event", 422 },
  { "unknown_kind", 422 },
  { "unauthorized", 401 },
  { "forbidden", 403 },
  { "not_found", 404 },
  { "clock_skew", 422 },
  { "unknown_case", 409 },
  { "bad_code", 401 },
  { "unavailable", 503 },
  { "internal", 500 },
  { "not_in_scope", 409 },
  { "number_taken", 409 },
  { "audit_chain_broken", 409 },
  { "range_mismatch", 416 },
  { "hash_mismatch", 422 },
};
G_STATIC_ASSERT (G_N_ELEMENTS (error_info) == SW_N_PROTOCOL_ERRORS);

const char *
sw_protocol_error_name (SwProtocolError code)
{
  return code < SW_N_PROTOCOL_ERRORS ? error_info[code].name : "internal";
}

int
sw_protocol_error_from_name (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (error_info); i++)
    if (g_strcmp0 (error_info[i].name, name) == 0)
      return (int) i;
  return -1;
}

guint
sw_protocol_error_status (SwProtocolError code)
{
  return code < SW_N_PROTOCOL_ERRORS ? error_info[code].status : 500;
}

/* ------------------------------------------------------------ parsing */

/* Size and NUL bytes, before the reader sees the text (it checks the
 * nesting and the strings' UTF-8 as it reads: not_json names them). */
static gboolean
check_text (const char  *data,
            gsize        len,
            gsize        max_bytes,
            GError     **error)
{
  if (len > max_bytes)
    {
      g_set_error (error, SW_PROTOCOL_ERROR, SW_PROTOCOL_ERROR_TOO_LARGE,
                   _("The request is too large (%lu bytes; the limit is %lu)"),
                   (unsigned long) len, (unsigned long) max_bytes);
      return FALSE;
    }
  if (len == 0 || data == NULL)
    {
      g_set_error_literal (error, SW_PROTOCOL_ERROR, SW_PROTOCOL_ERROR_INVALID_JSON,
                           _("The request body is empty"));
      return FALSE;
    }
  if (memchr (data, '\0', len) != NULL)
    {
      g_set_error_literal (error, SW_PROTOCOL_ERROR, SW_PROTOCOL_ERROR_INVALID_JSON,
                           _("The request is not valid UTF-8 text"));
      return FALSE;
    }
  return TRUE;
}

/* The reader's error as the protocol's: too deep, not UTF-8, not JSON. */
static gboolean
not_json (GError  **error,
          GError   *local)
{
  if (g_error_matches (local, SW_JSON_READER_ERROR, SW_JSON_READER_ERROR_TOO_DEEP))
    g_set_error_literal (error, SW_PROTOCOL_ERROR, SW_PROTOCOL_ERROR_TOO_DEEP, local->message);
  else if (g_error_matches (local, SW_JSON_READER_ERROR, SW_JSON_READER_ERROR_NOT_UTF8))
    g_set_error_literal (error, SW_PROTOCOL_ERROR, SW_PROTOCOL_ERROR_INVALID_JSON, local->message);
  else
    g_set_error (error, SW_PROTOCOL_ERROR, SW_PROTOCOL_ERROR_INVALID_JSON,
                 _("The request is not valid JSON: %s"), local->message);
  g_error_free (local);
  return FALSE;
}

JsonNode *
sw_protocol_parse (const char  *data,
                   gsize        len,
                   gsize        max_bytes,
                   guint        max_depth,
                   GError     **error)
{
  GError *local = NULL;
  JsonNode *root;

  if (!check_text (data, len, max_bytes, error))
    return NULL;
  if ((root = sw_json_read (data, len, max_depth, &local)) == NULL)
    return not_json (error, local), NULL;
  return root;
}

/* ------------------------------------------------------------ members */

static gboolean
bad_member (GError     **error,
            int          code,
            const char  *member)
{
  g_set_error (error, SW_PROTOCOL_ERROR, code,
               _("The member “%s” is missing or has the wrong type"), member);
  return FALSE;
}

static gboolean
get_string (JsonObject  *o,
            const char  *member,
            gboolean     nullable,
            gsize        max_len,
            const char **out,
            GError     **error)
{
  JsonNode *n = json_object_get_member (o, member);

  *out = NULL;
  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    return nullable ? TRUE : bad_member (error, SW_PROTOCOL_ERROR_INVALID_EVENT, member);
  if (json_node_get_value_type (n) != G_TYPE_STRING)
    return bad_member (error, SW_PROTOCOL_ERROR_INVALID_EVENT, member);
  *out = json_node_get_string (n);
  if (strlen (*out) > max_len || (!nullable && **out == '\0'))
    return bad_member (error, SW_PROTOCOL_ERROR_INVALID_EVENT, member);
  return TRUE;
}

static gboolean
get_int (JsonObject  *o,
         const char  *member,
         gint64       min,
         gint64       max,
         gint64      *out,
         GError     **error)
{
  JsonNode *n = json_object_get_member (o, member);

  if (n == NULL || json_node_get_value_type (n) != G_TYPE_INT64)
    return bad_member (error, SW_PROTOCOL_ERROR_INVALID_EVENT, member);
  *out = json_node_get_int (n);
  if (*out < min || *out > max)
    return bad_member (error, SW_PROTOCOL_ERROR_INVALID_EVENT, member);
  return TRUE;
}

/* ------------------------------------------------------------ events */

JsonNode *
sw_protocol_event_to_json (SwCaseEvent *ev)
{
  g_autoptr(JsonBuilder) b = json_builder_new_immutable ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, ev->id);
  json_builder_set_member_name (b, "case_id");
  json_builder_add_string_value (b, ev->case_id);
  json_builder_set_member_name (b, "kind");
  json_builder_add_string_value (b, sw_event_kind_to_string (ev->kind));
  json_builder_set_member_name (b, "actor");
  if (ev->actor)
    json_builder_add_string_value (b, ev->actor);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "at");
  json_builder_add_int_value (b, ev->at);
  json_builder_set_member_name (b, "hlc_ms");
  json_builder_add_int_value (b, ev->hlc_ms);
  json_builder_set_member_name (b, "hlc_counter");
  json_builder_add_int_value (b, ev->hlc_counter);
  json_builder_set_member_name (b, "device");
  json_builder_add_string_value (b, ev->device);
  json_builder_set_member_name (b, "payload");
  json_builder_add_value (b, json_node_init_object (json_node_alloc (), sw_case_event_get_payload (ev)));
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/* An event's members as they came, before they are checked: one check for
 * an event read from a tree and one read straight from the text. */
enum { M_ID, M_CASE_ID, M_KIND, M_ACTOR, M_DEVICE, M_AT, M_HLC_MS, M_HLC_COUNTER, N_MEMBERS };

static const struct {
  const char *name;
  gboolean    is_string;
  gboolean    nullable;
  gint64      max;        /* of the length, or of the value */
} members[N_MEMBERS] = {
  [M_ID] = { "id", TRUE, FALSE, 36 },
  [M_CASE_ID] = { "case_id", TRUE, FALSE, 36 },
  [M_KIND] = { "kind", TRUE, FALSE, 32 },
  [M_ACTOR] = { "actor", TRUE, TRUE, 64 },
  [M_DEVICE] = { "device", TRUE, FALSE, 64 },
  [M_AT] = { "at", FALSE, FALSE, G_MAXINT64 / 2 },
  [M_HLC_MS] = { "hlc_ms", FALSE, FALSE, G_MAXINT64 / 2 },
  [M_HLC_COUNTER] = { "hlc_counter", FALSE, FALSE, G_MAXINT },
};

typedef struct {
  int         type;       /* SwJsonScalarType; -1: absent */
  const char *string;
  char       *owned;      /* the string, when this event made it */
  gint64      integer;
} Member;

static void
members_clear (Member *m)
{
  for (int i = 0; i < N_MEMBERS; i++)
    g_clear_pointer (&m[i].owned, g_free);
}

static gboolean
check_member (const Member *m,
              int           i,
              GError      **error)
{
  if (members[i].is_string)
    {
      if (m->type < 0 || m->type == SW_JSON_SCALAR_NULL)
        return members[i].nullable ? TRUE : bad_member (error, SW_PROTOCOL_ERROR_INVALID_EVENT, members[i].name);
      if (m->type != SW_JSON_SCALAR_STRING || (gint64) strlen (m->string) > members[i].max ||
          (!members[i].nullable && *m->string == '\0'))
        return bad_member (error, SW_PROTOCOL_ERROR_INVALID_EVENT, members[i].name);
      return TRUE;
    }
  if (m->type != SW_JSON_SCALAR_INT || m->integer < 0 || m->integer > members[i].max)
    return bad_member (error, SW_PROTOCOL_ERROR_INVALID_EVENT, members[i].name);
  return TRUE;
}

/* The string of a member, for the event to keep. */
static char *
take_string (Member *m,
             gboolean lower)
{
  char *s;

  if (m->type != SW_JSON_SCALAR_STRING)
    return NULL;
  s = m->owned != NULL ? g_steal_pointer (&m->owned) : g_strdup (m->string);
  /* g_ascii_tolower is a call a character */
  for (char *c = s; lower && *c; c++)
    if (*c >= 'A' && *c <= 'Z')
      *c += 'a' - 'A';
  return s;
}

/* Checks every member's type, the ids and the kind; on failure the error
 * names the member. Takes `payload` and its text (NULL: written when
 * asked for). */
static SwCaseEvent *
event_from_members (Member        *m,
                    SwPayloadRead *payload,
                    char          *payload_text,
                    GError       **error)
{
  g_autofree char *owned_text = payload_text;
  SwCaseEvent *ev;
  int k;

  for (int i = 0; i < N_MEMBERS; i++)
    if (!check_member (&m[i], i, error))
      return NULL;
  if (!sw_uuid_is_valid (m[M_ID].string))
    return bad_member (error, SW_PROTOCOL_ERROR_INVALID_EVENT, "id"), NULL;
  if (!sw_uuid_is_valid (m[M_CASE_ID].string))
    return bad_member (error, SW_PROTOCOL_ERROR_INVALID_EVENT, "case_id"), NULL;
  if ((k = sw_event_kind_from_string (m[M_KIND].string)) < 0)
    {
      g_set_error (error, SW_PROTOCOL_ERROR, SW_PROTOCOL_ERROR_UNKNOWN_KIND,
                   _("Unknown event kind “%s”"), m[M_KIND].string);
      return NULL;
    }
  if (payload == NULL)
    return bad_member (error, SW_PROTOCOL_ERROR_INVALID_EVENT, "payload"), NULL;

  ev = g_object_new (SW_TYPE_CASE_EVENT, NULL);
  ev->id = take_string (&m[M_ID], TRUE);
  ev->case_id = take_string (&m[M_CASE_ID], TRUE);
  ev->kind = k;
  ev->actor = take_string (&m[M_ACTOR], FALSE);
  ev->at = m[M_AT].integer;
  ev->hlc_ms = m[M_HLC_MS].integer;
  ev->hlc_counter = (int) m[M_HLC_COUNTER].integer;
  ev->device = take_string (&m[M_DEVICE], FALSE);
  _sw_case_event_take_payload (ev, payload, g_steal_pointer (&owned_text));
  return ev;
}

SwCaseEvent *
sw_protocol_event_from_json (JsonNode  *node,
                             GError   **error)
{
  Member m[N_MEMBERS] = { { 0 } };
  SwPayloadRead read = { 0 };
  SwCaseEvent *ev;
  JsonNode *payload;
  JsonObject *o;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, SW_PROTOCOL_ERROR, SW_PROTOCOL_ERROR_INVALID_EVENT,
                           _("An event must be a JSON object"));
      return NULL;
    }
  o = json_node_get_object (node);
  for (int i = 0; i < N_MEMBERS; i++)
    {
      JsonNode *n = json_object_get_member (o, members[i].name);
      GType type = n ? json_node_get_value_type (n) : G_TYPE_INVALID;

      m[i].type = n == NULL ? -1
                : JSON_NODE_HOLDS_NULL (n) ? SW_JSON_SCALAR_NULL
                : type == G_TYPE_STRING ? SW_JSON_SCALAR_STRING
                : type == G_TYPE_INT64 ? SW_JSON_SCALAR_INT
                : SW_JSON_SCALAR_OTHER;
      if (m[i].type == SW_JSON_SCALAR_STRING)
        m[i].string = json_node_get_string (n);
      else if (m[i].type == SW_JSON_SCALAR_INT)
        m[i].integer = json_node_get_int (n);
    }
  payload = json_object_get_member (o, "payload");
  if (payload == NULL || !JSON_NODE_HOLDS_OBJECT (payload))
    return event_from_members (m, NULL, NULL, error);
  read.object = json_object_ref (json_node_get_object (payload));
  ev = event_from_members (m, &read, NULL, error);
  _sw_payload_read_clear (&read);
  return ev;
}

/* An event read straight from the text: no tree but its payload's. */
static SwCaseEvent *
read_event (SwJsonReader  *r,
            GError       **error)
{
  Member m[N_MEMBERS];
  SwPayloadRead payload = { 0 };
  g_autofree char *payload_text = NULL;   /* set when an object was read */
  SwCaseEvent *ev;
  int more;

  if (sw_json_reader_peek (r) != '{')
    {
      /* no event, when it is JSON at all */
      g_autoptr(JsonNode) other = sw_json_reader_value (r, error);

      if (other != NULL)
        g_set_error_literal (error, SW_PROTOCOL_ERROR, SW_PROTOCOL_ERROR_INVALID_EVENT,
                             _("An event must be a JSON object"));
      return NULL;
    }
  for (int i = 0; i < N_MEMBERS; i++)
    m[i] = (Member) { -1, NULL, NULL, 0 };
  if (!sw_json_reader_enter (r, '{', error))
    return NULL;
  for (gboolean first = TRUE; (more = sw_json_reader_next (r, '}', first, error)) > 0; first = FALSE)
    {
      const char *name = sw_json_reader_name (r, error);
      int i;

      if (name == NULL)
        break;
      if (strcmp (name, "payload") == 0)
        {
          gboolean is_object = sw_json_reader_peek (r) == '{';   /* 0 at the end of the text */
          const char *start = r->p;

          _sw_payload_read_clear (&payload);
          g_clear_pointer (&payload_text, g_free);
          if (!is_object)
            {
              g_autoptr(JsonNode) other = sw_json_reader_value (r, error);
              if (other == NULL)
                break;
              continue;
            }
          if (!_sw_payload_read (r, &payload, error))
            break;
          /* kept as it came, for the store: valid JSON of this object,
           * written by the device that made the event */
          payload_text = g_strndup (start, r->p - start);
          continue;
        }
      for (i = 0; i < N_MEMBERS && strcmp (name, members[i].name) != 0; i++)
        ;
      if (i == N_MEMBERS)
        {
          g_autoptr(JsonNode) other = sw_json_reader_value (r, error);
          if (other == NULL)
            break;
          continue;
        }
      g_clear_pointer (&m[i].owned, g_free);
      m[i].type = sw_json_reader_scalar (r, &m[i].owned, &m[i].integer, error);
      m[i].string = m[i].owned;
      if (m[i].type < 0)
        break;
    }
  if (more == 0)
    {
      SwPayloadRead *read = payload_text != NULL ? &payload : NULL;

      ev = event_from_members (m, read, g_steal_pointer (&payload_text), error);
    }
  else
    ev = NULL;
  members_clear (m);
  _sw_payload_read_clear (&payload);
  return ev;
}

gboolean
sw_protocol_read_batch (const char   *data,
                        gsize         len,
                        gsize         max_bytes,
                        GPtrArray   **events,
                        JsonObject  **rest,
                        GError      **error)
{
  g_autoptr(GPtrArray) read = NULL;
  g_autoptr(JsonObject) others = json_object_new ();
  GError *local = NULL;
  SwJsonReader r;
  gboolean ok = FALSE;
  int more;

  *events = NULL;
  *rest = NULL;
  if (!check_text (data, len, max_bytes, error))
    return FALSE;
  sw_json_reader_init (&r, data, len, SW_PROTOCOL_MAX_DEPTH);
  if (sw_json_reader_peek (&r) != '{')
    {
      g_autoptr(JsonNode) other = sw_json_read (data, len, SW_PROTOCOL_MAX_DEPTH, &local);

      if (other == NULL)
        not_json (error, local);
      else
        g_set_error_literal (error, SW_PROTOCOL_ERROR, SW_PROTOCOL_ERROR_INVALID_REQUEST,
                             _("The body must be a JSON object"));
      goto out;
    }
  sw_json_reader_enter (&r, '{', NULL);
  for (gboolean first = TRUE; (more = sw_json_reader_next (&r, '}', first, &local)) > 0; first = FALSE)
    {
      g_autofree char *name = g_strdup (sw_json_reader_name (&r, &local));
      JsonNode *value;

      if (local != NULL)
        break;
      if (g_str_equal (name, "events") && sw_json_reader_peek (&r) == '[')
        {
          g_clear_pointer (&read, g_ptr_array_unref);
          read = g_ptr_array_new_with_free_func (g_object_unref);
          if (!sw_json_reader_enter (&r, '[', &local))
            break;
          for (gboolean one = TRUE; sw_json_reader_next (&r, ']', one, &local) > 0; one = FALSE)
            {
              GError *bad = NULL;
              SwCaseEvent *ev = read_event (&r, &bad);

              if (ev == NULL && bad != NULL && bad->domain == SW_PROTOCOL_ERROR)
                {
                  g_propagate_prefixed_error (error, bad, _("Event %u: "), read->len + 1);
                  goto out;
                }
              if (ev == NULL)
                {
                  local = bad;
                  break;
                }
              g_ptr_array_add (read, ev);
            }
          if (local != NULL)
            break;
          continue;
        }
      if ((value = sw_json_reader_value (&r, &local)) == NULL)
        break;
      json_object_set_member (others, name, value);
    }
  if (local == NULL && more == 0)
    sw_json_reader_end (&r, &local);
  if (local != NULL)
    {
      not_json (error, local);
      goto out;
    }
  *events = g_steal_pointer (&read);
  *rest = g_steal_pointer (&others);
  ok = TRUE;
out:
  sw_json_reader_clear (&r);
  return ok;
}

void
sw_protocol_append_event (GString    *out,
                          const char *id,
                          const char *case_id,
                          const char *kind,
                          const char *actor,
                          gint64      at,
                          gint64      hlc_ms,
                          int         hlc_counter,
                          const char *device,
                          const char *payload)
{
  SW_JSON_APPEND_LITERAL (out, "{\"id\":");
  sw_json_append_string (out, id);
  SW_JSON_APPEND_LITERAL (out, ",\"case_id\":");
  sw_json_append_string (out, case_id);
  SW_JSON_APPEND_LITERAL (out, ",\"kind\":");
  sw_json_append_string (out, kind);
  SW_JSON_APPEND_LITERAL (out, ",\"actor\":");
  sw_json_append_string (out, actor);
  SW_JSON_APPEND_LITERAL (out, ",\"at\":");
  sw_json_append_int (out, at);
  SW_JSON_APPEND_LITERAL (out, ",\"hlc_ms\":");
  sw_json_append_int (out, hlc_ms);
  SW_JSON_APPEND_LITERAL (out, ",\"hlc_counter\":");
  sw_json_append_int (out, hlc_counter);
  SW_JSON_APPEND_LITERAL (out, ",\"device\":");
  sw_json_append_string (out, device);
  SW_JSON_APPEND_LITERAL (out, ",\"payload\":");
  if (payload && *payload)
    sw_json_append_len (out, payload, strlen (payload));
  else
    SW_JSON_APPEND_LITERAL (out, "{}");
  SW_JSON_APPEND_LITERAL (out, "}");
}

const char *
sw_protocol_event_prev (SwCaseEvent *ev)
{
  return sw_case_event_get_string (ev, "prev");
}

/* ------------------------------------------------------------ contacts */

SwContact *
sw_contact_new (const char *case_id)
{
  SwContact *c = g_new0 (SwContact, 1);

  c->case_id = g_strdup (case_id);
  return c;
}

void
sw_contact_free (SwContact *c)
{
  if (c == NULL)
    return;
  g_free (c->case_id);
  g_free (c->name);
  g_free (c->phone);
  g_free (c->unit);
  g_free (c->address);
  g_clear_pointer (&c->earlier, g_ptr_array_unref);
  g_free (c);
}

void
sw_earlier_contact_free (SwEarlierContact *e)
{
  if (e == NULL)
    return;
  g_free (e->event_id);
  g_free (e->actor);
  g_free (e->reason);
  g_free (e->name);
  g_free (e->phone);
  g_free (e->unit);
  g_free (e->address);
  g_free (e);
}

gboolean
sw_contact_is_erased (SwContact *c)
{
  return sw_is_erased (c->name) || sw_is_erased (c->phone) ||
         sw_is_erased (c->unit) || sw_is_erased (c->address);
}

static SwEarlierContact *
earlier_copy (const SwEarlierContact *e)
{
  SwEarlierContact *copy = g_new0 (SwEarlierContact, 1);

  copy->event_id = g_strdup (e->event_id);
  copy->at = e->at;
  copy->actor = g_strdup (e->actor);
  copy->reason = g_strdup (e->reason);
  copy->name = g_strdup (e->name);
  copy->phone = g_strdup (e->phone);
  copy->unit = g_strdup (e->unit);
  copy->address = g_strdup (e->address);
  return copy;
}

static gboolean
has_earlier (SwContact  *c,
             const char *event_id)
{
  for (guint i = 0; c->earlier && i < c->earlier->len; i++)
    if (g_strcmp0 (((SwEarlierContact *) g_ptr_array_index (c->earlier, i))->event_id, event_id) == 0)
      return TRUE;
  return FALSE;
}

static gint
earlier_cmp (gconstpointer a,
             gconstpointer b)
{
  const SwEarlierContact *x = *(SwEarlierContact *const *) a;
  const SwEarlierContact *y = *(SwEarlierContact *const *) b;

  if (x->at != y->at)
    return x->at < y->at ? -1 : 1;
  return g_strcmp0 (x->event_id, y->event_id);
}

void
sw_contact_add_earlier (SwContact *c,
                        SwContact *from)
{
  gboolean added = FALSE;

  if (sw_contact_is_erased (c))
    {
      g_clear_pointer (&c->earlier, g_ptr_array_unref);
      return;
    }
  for (guint i = 0; from && from->earlier && i < from->earlier->len; i++)
    {
      SwEarlierContact *e = g_ptr_array_index (from->earlier, i);

      if (has_earlier (c, e->event_id))
        continue;
      if (c->earlier == NULL)
        c->earlier = g_ptr_array_new_with_free_func ((GDestroyNotify) sw_earlier_contact_free);
      g_ptr_array_add (c->earlier, earlier_copy (e));
      added = TRUE;
    }
  if (added)
    g_ptr_array_sort (c->earlier, earlier_cmp);
}

SwContact *
sw_contact_copy_masked (SwContact *c)
{
  SwContact *m = sw_contact_new (c->case_id);

  m->name = sw_mask_name (c->name);
  m->phone = sw_mask_phone (c->phone);
  m->unit = sw_mask_unit (c->unit);
  m->address = sw_mask_address (c->address);
  return m;
}

static void
append_member (GString    *out,
               const char *name,
               const char *value)
{
  sw_json_append_member (out, name);
  sw_json_append_string (out, value);
}

void
sw_protocol_append_contact (GString   *out,
                            SwContact *c)
{
  SW_JSON_APPEND_LITERAL (out, "{");
  append_member (out, "case_id", c->case_id);
  append_member (out, "name", c->name);
  append_member (out, "phone", c->phone);
  append_member (out, "unit", c->unit);
  append_member (out, "address", c->address);
  if (c->earlier != NULL && c->earlier->len > 0)
    {
      SW_JSON_APPEND_LITERAL (out, ",\"earlier\":[");
      for (guint i = 0; i < c->earlier->len; i++)
        {
          SwEarlierContact *e = g_ptr_array_index (c->earlier, i);

          g_string_append (out, i > 0 ? ",{" : "{");
          append_member (out, "event", e->event_id);
          SW_JSON_APPEND_LITERAL (out, ",\"at\":");
          sw_json_append_int (out, e->at);
          append_member (out, "actor", e->actor);
          append_member (out, "reason", e->reason);
          append_member (out, "name", e->name);
          append_member (out, "phone", e->phone);
          append_member (out, "unit", e->unit);
          append_member (out, "address", e->address);
          SW_JSON_APPEND_LITERAL (out, "}");
        }
      SW_JSON_APPEND_LITERAL (out, "]");
    }
  SW_JSON_APPEND_LITERAL (out, "}");
}

JsonNode *
sw_protocol_contact_to_json (SwContact *c)
{
  g_autoptr(GString) text = g_string_new (NULL);
  JsonNode *node;

  sw_protocol_append_contact (text, c);
  node = sw_json_read (text->str, text->len, SW_PROTOCOL_MAX_DEPTH, NULL);
  g_assert (node != NULL);   /* written above: always JSON */
  return node;
}

/* One entry of a contact's "earlier" (docs/api.md). */
static SwEarlierContact *
earlier_from_json (JsonNode  *node,
                   GError   **error)
{
  const char *event_id, *actor, *reason, *name, *phone, *unit, *address;
  g_autoptr(SwEarlierContact) e = NULL;
  JsonObject *o;
  gint64 at;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return bad_member (error, SW_PROTOCOL_ERROR_INVALID_REQUEST, "earlier"), NULL;
  o = json_node_get_object (node);
  if (!get_string (o, "event", FALSE, 36, &event_id, error) ||
      !get_int (o, "at", 0, G_MAXINT64, &at, error) ||
      !get_string (o, "actor", TRUE, 64, &actor, error) ||
      !get_string (o, "reason", TRUE, 4096, &reason, error) ||
      !get_string (o, "name", TRUE, 256, &name, error) ||
      !get_string (o, "phone", TRUE, 64, &phone, error) ||
      !get_string (o, "unit", TRUE, 256, &unit, error) ||
      !get_string (o, "address", TRUE, 1024, &address, error))
    return NULL;
  if (!sw_uuid_is_valid (event_id))
    return bad_member (error, SW_PROTOCOL_ERROR_INVALID_REQUEST, "event"), NULL;
  e = g_new0 (SwEarlierContact, 1);
  e->event_id = g_ascii_strdown (event_id, -1);
  e->at = at;
  e->actor = g_strdup (actor);
  e->reason = g_strdup (reason);
  e->name = g_strdup (name);
  e->phone = g_strdup (phone);
  e->unit = g_strdup (unit);
  e->address = g_strdup (address);
  return g_steal_pointer (&e);
}

SwContact *
sw_protocol_contact_from_json (JsonNode  *node,
                               GError   **error)
{
  const char *case_id, *name, *phone, *unit, *address;
  JsonNode *earlier_node;
  JsonObject *o;
  SwContact *c;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, SW_PROTOCOL_ERROR, SW_PROTOCOL_ERROR_INVALID_REQUEST,
                           _("A contact must be a JSON object"));
      return NULL;
    }
  o = json_node_get_object (node);
  if (!get_string (o, "case_id", FALSE, 36, &case_id, error) ||
      !get_string (o, "name", TRUE, 256, &name, error) ||
      !get_string (o, "phone", TRUE, 64, &phone, error) ||
      !get_string (o, "unit", TRUE, 256, &unit, error) ||
      !get_string (o, "address", TRUE, 1024, &address, error))
    return NULL;
  if (!sw_uuid_is_valid (case_id))
    return bad_member (error, SW_PROTOCOL_ERROR_INVALID_REQUEST, "case_id"), NULL;
  earlier_node = json_object_get_member (o, "earlier");
  if (earlier_node != NULL && !JSON_NODE_HOLDS_NULL (earlier_node) &&
      (!JSON_NODE_HOLDS_ARRAY (earlier_node) ||
       json_array_get_length (json_node_get_array (earlier_node)) > SW_PROTOCOL_MAX_EARLIER))
    return bad_member (error, SW_PROTOCOL_ERROR_INVALID_REQUEST, "earlier"), NULL;
  c = sw_contact_new (NULL);
  c->case_id = g_ascii_strdown (case_id, -1);
  c->name = g_strdup (name);
  c->phone = g_strdup (phone);
  c->unit = g_strdup (unit);
  c->address = g_strdup (address);
  if (earlier_node != NULL && JSON_NODE_HOLDS_ARRAY (earlier_node))
    {
      JsonArray *a = json_node_get_array (earlier_node);

      c->earlier = g_ptr_array_new_with_free_func ((GDestroyNotify) sw_earlier_contact_free);
      for (guint i = 0; i < json_array_get_length (a); i++)
        {
          SwEarlierContact *e = earlier_from_json (json_array_get_element (a, i), error);

          if (e == NULL)
            {
              sw_contact_free (c);
              return NULL;
            }
          g_ptr_array_add (c->earlier, e);
        }
    }
  return c;
}

/* ------------------------------------------------------------ push */

void
sw_push_request_free (SwPushRequest *r)
{
  if (r == NULL)
    return;
  g_free (r->epoch);
  g_clear_pointer (&r->events, g_ptr_array_unref);
  g_clear_pointer (&r->contacts, g_ptr_array_unref);
  g_clear_pointer (&r->audit, g_ptr_array_unref);
  g_free (r);
}

JsonNode *
sw_protocol_audit_to_json (const SwAuditEntry *e)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  const struct { const char *name; const char *value; } text[] = {
    { "device", e->device }, { "actor", e->actor }, { "code", e->code },
    { "subject_kind", e->subject_kind }, { "subject", e->subject }, { "args", e->args },
    { "prev_hash", e->prev_hash }, { "hash", e->hash },
  };

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "seq");
  json_builder_add_int_value (b, e->seq);
  json_builder_set_member_name (b, "at");
  json_builder_add_int_value (b, e->at);
  for (guint i = 0; i < G_N_ELEMENTS (text); i++)
    {
      json_builder_set_member_name (b, text[i].name);
      if (text[i].value)
        json_builder_add_string_value (b, text[i].value);
      else
        json_builder_add_null_value (b);
    }
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/* A string member, or NULL; FALSE when it is there but not a string. */
static gboolean
audit_string (JsonObject  *o,
              const char  *name,
              gboolean     required,
              char       **out)
{
  JsonNode *n = json_object_get_member (o, name);

  *out = NULL;
  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    return !required;
  if (json_node_get_value_type (n) != G_TYPE_STRING)
    return FALSE;
  *out = g_strdup (json_node_get_string (n));
  return TRUE;
}

SwAuditEntry *
sw_protocol_audit_from_json (JsonNode  *node,
                             GError   **error)
{
  g_autoptr(SwAuditEntry) e = g_new0 (SwAuditEntry, 1);
  JsonObject *o = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  JsonNode *seq = o ? json_object_get_member (o, "seq") : NULL;
  JsonNode *at = o ? json_object_get_member (o, "at") : NULL;

  if (o == NULL || seq == NULL || json_node_get_value_type (seq) != G_TYPE_INT64 ||
      at == NULL || json_node_get_value_type (at) != G_TYPE_INT64 ||
      !audit_string (o, "device", TRUE, &e->device) ||
      !audit_string (o, "actor", FALSE, &e->actor) ||
      !audit_string (o, "code", TRUE, &e->code) ||
      !audit_string (o, "subject_kind", FALSE, &e->subject_kind) ||
      !audit_string (o, "subject", FALSE, &e->subject) ||
      !audit_string (o, "args", TRUE, &e->args) ||
      !audit_string (o, "prev_hash", TRUE, &e->prev_hash) ||
      !audit_string (o, "hash", TRUE, &e->hash))
    {
      g_set_error_literal (error, SW_PROTOCOL_ERROR, SW_PROTOCOL_ERROR_INVALID_REQUEST,
                           _("An audit entry needs seq, at, device, code, args, prev_hash and hash"));
      return NULL;
    }
  e->seq = json_node_get_int (seq);
  e->at = json_node_get_int (at);
  return g_steal_pointer (&e);
}

static JsonArray *
optional_array (JsonObject  *o,
                const char  *member,
                GError     **error)
{
  JsonNode *n = json_object_get_member (o, member);

  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (n))
    {
      g_set_error (error, SW_PROTOCOL_ERROR, SW_PROTOCOL_ERROR_INVALID_REQUEST,
                   _("The member “%s” must be an array"), member);
      return NULL;
    }
  return json_node_get_array (n);
}

SwPushRequest *
sw_push_request_parse (const char  *data,
                       gsize        len,
                       guint        max_events,
                       GError     **error)
{
  g_autoptr(GPtrArray) read = NULL;
  g_autoptr(JsonObject) o = NULL;
  g_autoptr(SwPushRequest) r = NULL;
  g_autoptr(GError) local = NULL;
  JsonArray *contacts = NULL, *audit = NULL;
  JsonNode *epoch, *position;

  if (!sw_protocol_read_batch (data, len, SW_PROTOCOL_MAX_BODY, &read, &o, error))
    return NULL;
  /* an "events" that is no array is left among the others */
  optional_array (o, "events", &local);
  if (local == NULL)
    contacts = optional_array (o, "contacts", &local);
  if (local == NULL)
    audit = optional_array (o, "audit", &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (read == NULL)
    {
      g_set_error_literal (error, SW_PROTOCOL_ERROR, SW_PROTOCOL_ERROR_INVALID_REQUEST,
                           _("A push needs an array of events"));
      return NULL;
    }
  if (read->len > max_events ||
      (contacts && json_array_get_length (contacts) > max_events) ||
      (audit && json_array_get_length (audit) > max_events))
    {
      g_set_error (error, SW_PROTOCOL_ERROR, SW_PROTOCOL_ERROR_TOO_MANY,
                   _("Too many events in one push (at most %u)"), max_events);
      return NULL;
    }

  r = g_new0 (SwPushRequest, 1);
  r->events = g_steal_pointer (&read);
  r->contacts = g_ptr_array_new_with_free_func ((GDestroyNotify) sw_contact_free);
  epoch = json_object_get_member (o, "epoch");
  if (epoch && json_node_get_value_type (epoch) == G_TYPE_STRING)
    r->epoch = g_strndup (json_node_get_string (epoch), 64);
  position = json_object_get_member (o, "position");
  if (position && json_node_get_value_type (position) == G_TYPE_INT64)
    r->position = MAX (json_node_get_int (position), 0);

  for (guint i = 0; contacts && i < json_array_get_length (contacts); i++)
    {
      SwContact *c = sw_protocol_contact_from_json (json_array_get_element (contacts, i), error);
      if (c == NULL)
        return NULL;
      g_ptr_array_add (r->contacts, c);
    }
  if (audit != NULL)
    r->audit = g_ptr_array_new_with_free_func ((GDestroyNotify) sw_audit_entry_free);
  for (guint i = 0; audit && i < json_array_get_length (audit); i++)
    {
      SwAuditEntry *e = sw_protocol_audit_from_json (json_array_get_element (audit, i), error);
      if (e == NULL)
        {
          g_prefix_error (error, _("Audit entry %u: "), i + 1);
          return NULL;
        }
      g_ptr_array_add (r->audit, e);
    }
  return g_steal_pointer (&r);
}

gboolean
sw_protocol_parse_uint (const char *text,
                        guint64     fallback,
                        guint64     max,
                        guint64    *out)
{
  guint64 v;

  if (text == NULL)
    {
      *out = fallback;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (text, 10, 0, max, &v, NULL))
    return FALSE;
  *out = v;
  return TRUE;
}
