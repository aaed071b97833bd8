/* sw-case-event.c — one entry of a case's append-only log, with its JSON payload
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "sw-fields.h"
#include "sw-json.h"
#include "sw-models-private.h"
#include "sw-uuid.h"

G_DEFINE_FINAL_TYPE (SwCaseEvent, sw_case_event, G_TYPE_OBJECT)

static const SwField fields[] = {
  SW_STRING_FIELD (SwCaseEvent, id, "id"),
  SW_STRING_FIELD (SwCaseEvent, case_id, "case-id"),
  SW_INT_FIELD (SwCaseEvent, kind, "kind", 0, SW_N_EVENTS - 1),
  SW_STRING_FIELD (SwCaseEvent, actor, "actor"),
  SW_INT64_FIELD (SwCaseEvent, at, "at"),
  SW_INT64_FIELD (SwCaseEvent, hlc_ms, "hlc-ms"),
  SW_INT_FIELD (SwCaseEvent, hlc_counter, "hlc-counter", 0, G_MAXINT),
  SW_STRING_FIELD (SwCaseEvent, device, "device"),
};
static GParamSpec *properties[G_N_ELEMENTS (fields) + 1];

SW_DEFINE_FIELD_VFUNCS (sw_case_event, SwCaseEvent, fields, sw_case_event_parent_class)

static void
sw_case_event_dispose (GObject *object)
{
  SwCaseEvent *self = SW_CASE_EVENT (object);

  g_clear_pointer (&self->payload, json_object_unref);
  g_clear_pointer (&self->payload_text, g_free);
  G_OBJECT_CLASS (sw_case_event_parent_class)->dispose (object);
}

static void
sw_case_event_class_init (SwCaseEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  SW_INSTALL_FIELD_VFUNCS (object_class, sw_case_event, fields, properties);
  object_class->dispose = sw_case_event_dispose;
}

static void
sw_case_event_init (SwCaseEvent *self)
{
  self->payload = json_object_new ();
}

SwCaseEvent *
sw_case_event_new (SwEventKind  kind,
                   const char  *case_id,
                   const char  *actor,
                   gint64       at_ms)
{
  SwCaseEvent *self = g_object_new (SW_TYPE_CASE_EVENT, NULL);

  self->id = sw_uuid7_new (at_ms);
  self->kind = kind;
  self->case_id = g_strdup (case_id);
  self->actor = g_strdup (actor);
  self->at = at_ms;
  return self;
}

const char *sw_case_event_get_id (SwCaseEvent *self) { return self->id; }
const char *sw_case_event_get_case_id (SwCaseEvent *self) { return self->case_id; }
SwEventKind sw_case_event_get_kind (SwCaseEvent *self) { return self->kind; }
const char *sw_case_event_get_actor (SwCaseEvent *self) { return self->actor; }
gint64 sw_case_event_get_at (SwCaseEvent *self) { return self->at; }
const char *sw_case_event_get_device (SwCaseEvent *self) { return self->device; }
gint64 sw_case_event_get_hlc_ms (SwCaseEvent *self) { return self->hlc_ms; }
int sw_case_event_get_hlc_counter (SwCaseEvent *self) { return self->hlc_counter; }
JsonObject *sw_case_event_get_payload (SwCaseEvent *self) { return self->payload; }

const char *
sw_case_event_get_string (SwCaseEvent *self,
                          const char  *member)
{
  JsonNode *node = json_object_get_member (self->payload, member);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

gint64
sw_case_event_get_int (SwCaseEvent *self,
                       const char  *member)
{
  JsonNode *node = json_object_get_member (self->payload, member);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64)
    return 0;
  return json_node_get_int (node);
}

void
sw_case_event_set_string (SwCaseEvent *self,
                          const char  *member,
                          const char  *value)
{
  if (value != NULL)
    json_object_set_string_member (self->payload, member, value);
  g_clear_pointer (&self->payload_text, g_free);
}

void
sw_case_event_set_int (SwCaseEvent *self,
                       const char  *member,
                       gint64       value)
{
  json_object_set_int_member (self->payload, member, value);
  g_clear_pointer (&self->payload_text, g_free);
}

char *
sw_case_event_payload_to_json (SwCaseEvent *self)
{
  return g_strdup (sw_case_event_peek_payload_json (self));
}

/* Payloads are flat objects of strings and numbers, written on every
 * operation: a direct writer is several times faster than JsonGenerator. */
const char *
sw_case_event_peek_payload_json (SwCaseEvent *self)
{
  GString *out;
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;
  gboolean first = TRUE;

  if (self->payload_text != NULL)
    return self->payload_text;
  out = g_string_sized_new (256);
  g_string_append_c (out, '{');
  json_object_iter_init_ordered (&iter, self->payload);
  while (json_object_iter_next_ordered (&iter, &member, &node))
    {
      if (!first)
        g_string_append_c (out, ',');
      first = FALSE;
      sw_json_append_string (out, member);
      g_string_append_c (out, ':');
      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        sw_json_append_string (out, json_node_get_string (node));
      else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
        g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
      else
        {
          g_autofree char *other = json_to_string (node, FALSE);
          g_string_append (out, other);
        }
    }
  g_string_append_c (out, '}');
  self->payload_text = g_string_free (out, FALSE);
  return self->payload_text;
}

gboolean
sw_case_event_set_payload_json (SwCaseEvent *self,
                                const char  *json,
                                GError     **error)
{
  g_autoptr(JsonNode) node = json_from_string (json, error);

  if (node == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                           "event payload is not a JSON object");
      return FALSE;
    }
  g_clear_pointer (&self->payload, json_object_unref);
  g_clear_pointer (&self->payload_text, g_free);
  self->payload = json_object_ref (json_node_get_object (node));
  return TRUE;
}

int
sw_case_event_compare (SwCaseEvent *a,
                       SwCaseEvent *b)
{
  int c;

  if (a->hlc_ms != b->hlc_ms)
    return a->hlc_ms < b->hlc_ms ? -1 : 1;
  if (a->hlc_counter != b->hlc_counter)
    return a->hlc_counter < b->hlc_counter ? -1 : 1;
  if ((c = g_strcmp0 (a->device, b->device)) != 0)
    return c;
  return g_strcmp0 (a->id, b->id);
}
