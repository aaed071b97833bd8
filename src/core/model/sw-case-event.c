/* sw-case-event.c — one entry of a case's append-only log, with its JSON payload
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

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
  _sw_payload_read_clear (&self->read);
  g_clear_pointer (&self->payload_text, g_free);
  G_OBJECT_CLASS (sw_case_event_parent_class)->dispose (object);
}

/* ------------------------------------------------------------ payload as read */

void
_sw_payload_read_clear (SwPayloadRead *read)
{
  g_clear_pointer (&read->members, g_free);
  g_clear_pointer (&read->arena, g_free);
  g_clear_pointer (&read->object, json_object_unref);
  read->n_members = 0;
}

typedef struct {
  gsize  name;
  gssize string;      /* -1: none */
  gint64 integer;
  int    type;
} Offsets;

gboolean
_sw_payload_read (SwJsonReader  *r,
                  SwPayloadRead *out,
                  GError       **error)
{
  const char *start = (sw_json_reader_peek (r), r->p);
  guint depth = r->depth;
  g_autoptr(GString) arena = g_string_sized_new (256);
  g_autoptr(GArray) offsets = g_array_sized_new (FALSE, FALSE, sizeof (Offsets), 12);
  g_autoptr(JsonNode) tree = NULL;
  int more;

  memset (out, 0, sizeof *out);
  if (!sw_json_reader_enter (r, '{', error))
    return FALSE;
  for (gboolean first = TRUE; (more = sw_json_reader_next (r, '}', first, error)) > 0; first = FALSE)
    {
      Offsets o = { 0, -1, 0, 0 };

      if (sw_json_reader_name (r, error) == NULL)
        return FALSE;
      o.name = arena->len;
      g_string_append_len (arena, r->scratch->str, r->scratch->len + 1);
      o.type = sw_json_reader_scalar_text (r, &o.integer, error);
      if (o.type < 0)
        return FALSE;
      if (o.type == SW_JSON_SCALAR_OTHER)
        break;
      if (o.type == SW_JSON_SCALAR_STRING)
        {
          o.string = arena->len;
          g_string_append_len (arena, r->scratch->str, r->scratch->len + 1);
        }
      g_array_append_val (offsets, o);
    }
  if (more < 0)
    return FALSE;
  if (more > 0)
    {
      /* a value of another kind: the whole object again, as a tree */
      r->p = start;
      r->depth = depth;
      if ((tree = sw_json_reader_value (r, error)) == NULL)
        return FALSE;
      out->object = json_node_dup_object (tree);
      return TRUE;
    }
  out->n_members = offsets->len;
  out->members = g_new (SwReadMember, MAX (offsets->len, 1));
  out->arena = g_string_free (g_steal_pointer (&arena), FALSE);
  for (guint i = 0; i < offsets->len; i++)
    {
      Offsets *o = &g_array_index (offsets, Offsets, i);

      out->members[i] = (SwReadMember) { out->arena + o->name, o->string >= 0 ? out->arena + o->string : NULL,
                                            o->integer, o->type };
    }
  return TRUE;
}

void
_sw_case_event_take_payload (SwCaseEvent   *self,
                             SwPayloadRead *read,
                             char          *text)
{
  g_clear_pointer (&self->payload, json_object_unref);
  _sw_payload_read_clear (&self->read);
  g_clear_pointer (&self->payload_text, g_free);
  self->read = *read;
  memset (read, 0, sizeof *read);
  if (self->read.object != NULL)
    self->payload = g_steal_pointer (&self->read.object);
  self->payload_text = text;
}

/* The member as read (a later one of the same name wins, as in a tree). */
static const SwReadMember *
read_member (SwCaseEvent *self,
             const char  *name)
{
  for (guint i = self->read.n_members; i-- > 0;)
    if (strcmp (self->read.members[i].name, name) == 0)
      return &self->read.members[i];
  return NULL;
}

/* The payload as a tree, made from the members as read when first asked. */
static JsonObject *
payload_tree (SwCaseEvent *self)
{
  if (self->payload != NULL)
    return self->payload;
  self->payload = json_object_new ();
  for (guint i = 0; i < self->read.n_members; i++)
    {
      SwReadMember *m = &self->read.members[i];

      if (m->type == SW_JSON_SCALAR_STRING)
        json_object_set_string_member (self->payload, m->name, m->string);
      else if (m->type == SW_JSON_SCALAR_INT)
        json_object_set_int_member (self->payload, m->name, m->integer);
      else
        json_object_set_null_member (self->payload, m->name);
    }
  _sw_payload_read_clear (&self->read);
  return self->payload;
}

gboolean
sw_case_event_has (SwCaseEvent *self,
                   const char  *member)
{
  if (self->payload == NULL)
    return read_member (self, member) != NULL;
  return json_object_has_member (self->payload, member);
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
JsonObject *sw_case_event_get_payload (SwCaseEvent *self) { return payload_tree (self); }

const char *
sw_case_event_get_string (SwCaseEvent *self,
                          const char  *member)
{
  JsonNode *node;

  if (self->payload == NULL)
    {
      const SwReadMember *m = read_member (self, member);
      return m != NULL ? m->string : NULL;
    }
  node = json_object_get_member (self->payload, member);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

gint64
sw_case_event_get_int (SwCaseEvent *self,
                       const char  *member)
{
  JsonNode *node;

  if (self->payload == NULL)
    {
      const SwReadMember *m = read_member (self, member);
      return m != NULL && m->type == SW_JSON_SCALAR_INT ? m->integer : 0;
    }
  node = json_object_get_member (self->payload, member);

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
    json_object_set_string_member (payload_tree (self), member, value);
  g_clear_pointer (&self->payload_text, g_free);
}

void
sw_case_event_set_int (SwCaseEvent *self,
                       const char  *member,
                       gint64       value)
{
  json_object_set_int_member (payload_tree (self), member, value);
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
  json_object_iter_init_ordered (&iter, payload_tree (self));
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
  SwJsonReader r;
  SwPayloadRead read;
  gboolean ok;

  sw_json_reader_init (&r, json, strlen (json), 64);
  ok = sw_json_reader_peek (&r) == '{' && _sw_payload_read (&r, &read, error) &&
       sw_json_reader_end (&r, error);
  sw_json_reader_clear (&r);
  if (!ok)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                             "event payload is not a JSON object");
      return FALSE;
    }
  /* the text as stored: what the store wrote */
  _sw_case_event_take_payload (self, &read, g_strdup (json));
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
