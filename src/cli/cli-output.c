/* cli-output.c — cases, staff, departments and lists of them as JSON and as text
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "sw-label.h"
#include "config.h"

#include <glib/gi18n.h>

#include "cli.h"
#include "sw-access.h"
#include "sw-event-text.h"
#include "sw-lifecycle.h"
#include "sw-store-audit.h"
#include "sw-store-privacy.h"

void
cli_json_add_string (JsonBuilder *b,
                     const char  *name,
                     const char  *value)
{
  json_builder_set_member_name (b, name);
  if (value)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

void
cli_json_add_int (JsonBuilder *b,
                  const char  *name,
                  gint64       value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

void
cli_json_add_time (JsonBuilder *b,
                   const char  *name,
                   gint64       ms)
{
  g_autofree char *t = cli_format_time (ms);
  cli_json_add_string (b, name, t);
}

void
cli_json_add_bool (JsonBuilder *b,
                   const char  *name,
                   gboolean     value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_boolean_value (b, value);
}

JsonBuilder *
cli_json_begin (void)
{
  JsonBuilder *b = json_builder_new ();

  json_builder_begin_object (b);
  return b;
}

int
cli_json_end (JsonBuilder *b)
{
  g_autoptr(JsonBuilder) owned = b;
  g_autoptr(JsonNode) root = NULL;

  json_builder_end_object (b);
  root = json_builder_get_root (b);
  cli_print_json (root);
  return CLI_OK;
}

static void
add_person (JsonBuilder *b,
            CliContext  *ctx,
            const char  *name,
            const char  *empno)
{
  g_autoptr(SwStaff) s = empno ? sw_store_get_staff (ctx->store, empno) : NULL;

  json_builder_set_member_name (b, name);
  if (empno == NULL)
    {
      json_builder_add_null_value (b);
      return;
    }
  json_builder_begin_object (b);
  cli_json_add_string (b, "empno", empno);
  cli_json_add_string (b, "name", s ? sw_staff_get_name (s) : NULL);
  json_builder_end_object (b);
}

static void
add_department (JsonBuilder *b,
                CliContext  *ctx,
                const char  *name,
                const char  *code)
{
  g_autoptr(SwDepartment) d = code ? sw_store_get_department (ctx->store, code) : NULL;

  json_builder_set_member_name (b, name);
  if (code == NULL)
    {
      json_builder_add_null_value (b);
      return;
    }
  json_builder_begin_object (b);
  cli_json_add_string (b, "code", code);
  cli_json_add_string (b, "name", d ? sw_department_get_name (d) : NULL);
  json_builder_end_object (b);
}

/* Why the owner is responsible, in the reader's language (the code of
 * "owner_rule", or the sentence earlier versions stored). */
static char *
owner_reason (CliContext  *ctx,
              SwCaseEvent *ev)
{
  const char *first = sw_case_event_get_string (ev, "received_by");
  g_autoptr(SwStaff) s = first ? sw_store_get_staff (ctx->store, first) : NULL;

  return sw_event_owner_reason (ev, s ? sw_staff_get_name (s) : first);
}

static void
add_timeline (JsonBuilder *b,
              CliContext  *ctx,
              SwCase      *c)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) events = sw_store_list_events (ctx->store, sw_case_get_id (c), &error);

  json_builder_set_member_name (b, "timeline");
  json_builder_begin_array (b);
  for (guint i = 0; events && i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(SwCaseEvent) ev = g_list_model_get_item (events, i);
      JsonObjectIter iter;
      const char *member;
      JsonNode *value;

      json_builder_begin_object (b);
      cli_json_add_string (b, "id", sw_case_event_get_id (ev));
      cli_json_add_string (b, "kind", sw_event_kind_to_string (sw_case_event_get_kind (ev)));
      cli_json_add_string (b, "label", sw_event_kind_label (sw_case_event_get_kind (ev)));
      add_person (b, ctx, "actor", sw_case_event_get_actor (ev));
      cli_json_add_time (b, "at", sw_case_event_get_at (ev));
      json_builder_set_member_name (b, "details");
      json_builder_begin_object (b);
      json_object_iter_init (&iter, sw_case_event_get_payload (ev));
      while (json_object_iter_next (&iter, &member, &value))
        {
          if (g_str_equal (member, "owner_reason"))
            continue;     /* a sentence of earlier versions: rendered below */
          json_builder_set_member_name (b, member);
          if (g_str_has_suffix (member, "_at") && JSON_NODE_HOLDS_VALUE (value) &&
              json_node_get_value_type (value) == G_TYPE_INT64)
            {
              g_autofree char *t = cli_format_time (json_node_get_int (value));
              if (t)
                json_builder_add_string_value (b, t);
              else
                json_builder_add_null_value (b);
            }
          else
            json_builder_add_value (b, json_node_copy (value));
        }
      {
        g_autofree char *why = owner_reason (ctx, ev);
        if (why != NULL)
          cli_json_add_string (b, "owner_reason", why);
      }
      json_builder_end_object (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static gboolean
has_personal_data (SwCase *c)
{
  const char *fields[] = { sw_case_get_customer_name (c), sw_case_get_customer_phone (c),
                           sw_case_get_customer_unit (c), sw_case_get_customer_address (c) };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i] != NULL && *fields[i] != '\0')
      return TRUE;
  return FALSE;
}

/* Who was shown which case's customer whole: an entry of the audit log.
 * A show that cannot be recorded is said, not hidden. */
static void
audit_shown (CliContext *ctx,
             SwCase     *c)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *args = sw_audit_args ("number", sw_case_get_number (c), "via", "cli", NULL);

  if (!sw_store_audit (ctx->store, ctx->as, SW_AUDIT_PERSONAL_DATA_SHOWN, SW_AUDIT_SUBJECT_CASE,
                       sw_case_get_id (c), args, &error))
    g_printerr ("shouwenctl: %s\n", error->message);
}

/* The customer as the acting person may see it (cli_viewer), recorded in
 * the audit log when it is whole; returns whether it is. */
static gboolean
customer_for (CliContext  *ctx,
              SwCase      *c,
              char       **name,
              char       **phone,
              char       **unit,
              char       **address)
{
  g_autoptr(SwStaff) viewer = NULL;
  gboolean whole;

  if (!cli_viewer (ctx, &viewer))
    {
      *name = g_strdup (sw_case_get_customer_name (c));
      *phone = g_strdup (sw_case_get_customer_phone (c));
      *unit = g_strdup (sw_case_get_customer_unit (c));
      if (address)
        *address = g_strdup (sw_case_get_customer_address (c));
      whole = TRUE;
    }
  else
    {
      sw_access_customer (viewer, c, name, phone, unit, address);
      whole = sw_access_sees_personal_data (viewer, c);
    }
  if (whole && has_personal_data (c))
    audit_shown (ctx, c);
  return whole;
}

/* The customer details an amend replaced, for one who sees the customer
 * whole (sw-store-privacy.h); empty for others. */
static GPtrArray *
earlier_for (CliContext *ctx,
             SwCase     *c,
             gboolean    whole)
{
  GPtrArray *earlier = whole ? sw_store_list_earlier_contacts (ctx->store, sw_case_get_id (c), NULL) : NULL;

  return earlier ? earlier : g_ptr_array_new ();
}

static void
add_earlier (JsonBuilder *b,
             CliContext  *ctx,
             GPtrArray   *earlier)
{
  json_builder_set_member_name (b, "earlier");
  json_builder_begin_array (b);
  for (guint i = 0; i < earlier->len; i++)
    {
      SwEarlierContact *e = g_ptr_array_index (earlier, i);

      json_builder_begin_object (b);
      cli_json_add_time (b, "at", e->at);
      add_person (b, ctx, "by", e->actor);
      cli_json_add_string (b, "reason", e->reason);
      cli_json_add_string (b, "name", e->name);
      cli_json_add_string (b, "phone", e->phone);
      cli_json_add_string (b, "unit", e->unit);
      cli_json_add_string (b, "address", e->address);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

JsonNode *
cli_case_to_json (CliContext *ctx,
                  SwCase     *c,
                  gboolean    with_timeline)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  gint64 now = sw_store_now (ctx->store);
  g_autofree char *name = NULL, *phone = NULL, *unit = NULL, *address = NULL;
  gboolean whole = customer_for (ctx, c, &name, &phone, &unit, &address);
  g_autoptr(GPtrArray) earlier = with_timeline ? earlier_for (ctx, c, whole) : NULL;

  json_builder_begin_object (b);
  cli_json_add_string (b, "id", sw_case_get_id (c));
  cli_json_add_string (b, "number", sw_case_get_number (c));
  cli_json_add_string (b, "branch", sw_case_get_branch_code (c));
  cli_json_add_string (b, "channel", sw_channel_to_string (sw_case_get_channel (c)));
  cli_json_add_string (b, "kind", sw_kind_to_string (sw_case_get_kind (c)));
  cli_json_add_string (b, "content", sw_case_get_content (c));
  json_builder_set_member_name (b, "anonymous");
  json_builder_add_boolean_value (b, sw_case_get_anonymous (c));
  json_builder_set_member_name (b, "customer");
  json_builder_begin_object (b);
  cli_json_add_string (b, "name", name);
  cli_json_add_string (b, "phone", phone);
  cli_json_add_string (b, "unit", unit);
  cli_json_add_string (b, "address", address);
  json_builder_end_object (b);
  if (earlier != NULL && earlier->len > 0)
    add_earlier (b, ctx, earlier);
  cli_json_add_time (b, "received_at", sw_case_get_received_at (c));
  add_person (b, ctx, "owner", sw_case_get_owner (c));
  add_department (b, ctx, "owner_department", sw_case_get_owner_department (c));
  add_person (b, ctx, "handler", sw_case_get_handler (c));
  add_department (b, ctx, "handler_department", sw_case_get_handler_department (c));
  add_department (b, ctx, "target_department", sw_case_get_target_department (c));
  /* a multi-department matter's co-departments (协办); its lead is the handler's */
  json_builder_set_member_name (b, "co_departments");
  json_builder_begin_array (b);
  if (sw_case_get_co_departments (c) != NULL)
    {
      g_auto(GStrv) codes = g_strsplit (sw_case_get_co_departments (c), ",", -1);

      for (guint k = 0; codes[k] != NULL; k++)
        json_builder_add_string_value (b, codes[k]);
    }
  json_builder_end_array (b);
  add_person (b, ctx, "escalated_to", sw_case_get_escalated_to (c));
  cli_json_add_string (b, "state", sw_state_to_string (sw_case_get_state (c)));
  cli_json_add_string (b, "resolution", sw_resolution_to_string (sw_case_get_resolution (c)));
  json_builder_set_member_name (b, "queued");
  json_builder_add_boolean_value (b, sw_case_get_queued (c));

  json_builder_set_member_name (b, "deadline");
  json_builder_begin_object (b);
  cli_json_add_time (b, "at", sw_case_get_due_at (c));
  cli_json_add_string (b, "rule", sw_case_get_due_rule (c));
  json_builder_set_member_name (b, "overdue");
  json_builder_add_boolean_value (b, sw_case_is_overdue (c, now));
  json_builder_end_object (b);

  /* the statutory limits the case owes (sw-lifecycle.c) */
  json_builder_set_member_name (b, "limits");
  json_builder_begin_array (b);
  for (int k = 0; k < SW_N_LIMITS; k++)
    {
      gint64 met, at = sw_case_get_deadline (c, k, &met);

      if (at == 0)
        continue;
      json_builder_begin_object (b);
      cli_json_add_string (b, "kind", sw_lifecycle_limit (k)->code);
      cli_json_add_string (b, "rule", sw_lifecycle_limit (k)->policy_key);
      cli_json_add_time (b, "at", at);
      cli_json_add_time (b, "met_at", met);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "promised");
  json_builder_begin_object (b);
  cli_json_add_time (b, "at", sw_case_get_promised_at (c));
  cli_json_add_string (b, "rule", sw_case_get_promised_rule (c));
  json_builder_end_object (b);

  cli_json_add_int (b, "policy_version", sw_case_get_policy_version (c));
  json_builder_set_member_name (b, "counts");
  json_builder_begin_object (b);
  cli_json_add_int (b, "urged", sw_case_get_urge_count (c));
  cli_json_add_int (b, "reopened", sw_case_get_reopen_count (c));
  cli_json_add_int (b, "returned", sw_case_get_return_count (c));
  cli_json_add_int (b, "forwarded", sw_case_get_forward_count (c));
  cli_json_add_int (b, "events", sw_case_get_event_count (c));
  json_builder_end_object (b);
  json_builder_set_member_name (b, "satisfaction");
  if (sw_case_get_satisfaction (c) > 0)
    json_builder_add_int_value (b, sw_case_get_satisfaction (c));
  else
    json_builder_add_null_value (b);
  cli_json_add_time (b, "replied_at", sw_case_get_replied_at (c));
  cli_json_add_time (b, "callback_at", sw_case_get_callback_at (c));
  cli_json_add_time (b, "closed_at", sw_case_get_closed_at (c));
  if (with_timeline)
    add_timeline (b, ctx, c);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

JsonNode *
cli_staff_to_json (SwStaff *s)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  cli_json_add_string (b, "empno", sw_staff_get_empno (s));
  cli_json_add_string (b, "name", sw_staff_get_name (s));
  cli_json_add_string (b, "department", sw_staff_get_department_code (s));
  cli_json_add_int (b, "rank", sw_staff_get_rank (s));
  cli_json_add_string (b, "title", sw_staff_get_title (s));
  cli_json_add_string (b, "hire_date", sw_staff_get_hire_date (s));
  cli_json_add_string (b, "phone", sw_staff_get_phone (s));
  cli_json_add_string (b, "role", sw_role_to_string (sw_staff_get_role (s)));
  cli_json_add_string (b, "kind", sw_staff_kind_to_string (sw_staff_get_kind (s)));
  cli_json_add_string (b, "availability", sw_availability_to_string (sw_staff_get_availability (s)));
  cli_json_add_string (b, "proxy", sw_staff_get_proxy_empno (s));
  json_builder_set_member_name (b, "active");
  json_builder_add_boolean_value (b, sw_staff_get_active (s));
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

JsonNode *
cli_department_to_json (SwDepartment *d)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  cli_json_add_string (b, "code", sw_department_get_code (d));
  cli_json_add_string (b, "name", sw_department_get_name (d));
  cli_json_add_string (b, "parent", sw_department_get_parent_code (d));
  cli_json_add_string (b, "branch", sw_department_get_branch_code (d));
  cli_json_add_string (b, "location", sw_department_get_location (d));
  cli_json_add_string (b, "phone", sw_department_get_phone (d));
  cli_json_add_string (b, "liaison", sw_department_get_liaison_empno (d));
  cli_json_add_string (b, "head", sw_department_get_head_empno (d));
  cli_json_add_string (b, "duties", sw_department_get_duties (d));
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static char *
person_text (CliContext *ctx,
             const char *empno)
{
  g_autoptr(SwStaff) s = empno ? sw_store_get_staff (ctx->store, empno) : NULL;

  if (empno == NULL)
    return g_strdup ("—");
  return sw_label_with_code (s ? sw_staff_get_name (s) : "?", empno);
}

static char *
department_text (CliContext *ctx,
                 const char *code)
{
  g_autoptr(SwDepartment) d = code ? sw_store_get_department (ctx->store, code) : NULL;

  if (code == NULL)
    return g_strdup ("—");
  return sw_label_with_code (d ? sw_department_get_name (d) : "?", code);
}

void
cli_print_case_text (CliContext *ctx,
                     SwCase     *c,
                     gboolean    with_timeline)
{
  g_autofree char *received = cli_format_time (sw_case_get_received_at (c));
  g_autofree char *due = cli_format_time (sw_case_get_due_at (c));
  g_autofree char *promised = cli_format_time (sw_case_get_promised_at (c));
  g_autofree char *owner = person_text (ctx, sw_case_get_owner (c));
  g_autofree char *handler = person_text (ctx, sw_case_get_handler (c));
  g_autofree char *owner_dept = department_text (ctx, sw_case_get_owner_department (c));
  g_autofree char *handler_dept = department_text (ctx, sw_case_get_handler_department (c));

  g_print ("%s  %s\n", sw_case_get_number (c), sw_state_label (sw_case_get_state (c)));
  cli_print_field (_("Kind:"), "%s · %s", sw_kind_label (sw_case_get_kind (c)),
           sw_channel_label (sw_case_get_channel (c)));
  cli_print_field (_("Content:"), "%s", sw_case_get_content (c));
  if (sw_case_get_anonymous (c))
    cli_print_field (_("Customer:"), "%s", _("anonymous"));
  else
    {
      g_autofree char *name = NULL, *phone = NULL, *unit = NULL;
      gboolean whole = customer_for (ctx, c, &name, &phone, &unit, NULL);
      g_autoptr(GPtrArray) earlier = earlier_for (ctx, c, whole);

      cli_print_field (_("Customer:"), "%s %s %s", name ? name : "", phone ? phone : "", unit ? unit : "");
      for (guint i = 0; i < earlier->len; i++)
        {
          SwEarlierContact *e = g_ptr_array_index (earlier, i);
          g_autofree char *at = cli_format_time (e->at);
          g_autofree char *by = person_text (ctx, e->actor);

          /* TRANSLATORS: the customer details before an amend: when, who amended, why */
          cli_print_field (_("Earlier:"), _("until %s, amended by %s: %s"), at, by, e->reason ? e->reason : "");
          if (e->name)
            g_print ("    %s %s\n", _("name"), e->name);
          if (e->phone)
            g_print ("    %s %s\n", _("phone"), e->phone);
          if (e->unit)
            g_print ("    %s %s\n", _("unit"), e->unit);
          if (e->address)
            g_print ("    %s %s\n", _("address"), e->address);
        }
    }
  cli_print_field (_("Received:"), "%s", received);
  cli_print_field (_("Responsible:"), "%s, %s", owner, owner_dept);
  cli_print_field (_("Handler:"), "%s, %s", handler, handler_dept);
  if (sw_case_get_target_department (c))
    {
      g_autofree char *target = department_text (ctx, sw_case_get_target_department (c));
      cli_print_field (_("Transferred to:"), "%s", target);
    }
  if (due)
    {
      g_autofree char *rule = sw_deadline_rule_text (sw_case_get_due_rule (c));
      g_autofree char *text = rule ? g_strdup_printf (_("%s (%s)"), due, rule) : g_strdup (due);
      cli_print_field (_("Due:"), "%s%s", text,
               sw_case_is_overdue (c, sw_store_now (ctx->store)) ? _(" — overdue") : "");
    }
  if (promised)
    {
      g_autofree char *rule = sw_deadline_rule_text (sw_case_get_promised_rule (c));
      g_autofree char *text = rule ? g_strdup_printf (_("%s (%s)"), promised, rule) : g_strdup (promised);
      cli_print_field (_("Promised:"), "%s", text);
    }
  for (int k = 0; k < SW_N_LIMITS; k++)
    {
      gint64 met, at = sw_case_get_deadline (c, k, &met);
      g_autofree char *when = at ? cli_format_time (at) : NULL;
      g_autofree char *done = met ? cli_format_time (met) : NULL;
      /* Translators: a field's label and its colon */
      g_autofree char *label = g_strdup_printf (_("%s:"), sw_limit_kind_label (k));

      if (when == NULL)
        continue;
      if (done)
        /* Translators: a time limit's date, then when it was met */
        cli_print_field (label, _("%s (met %s)"), when, done);
      else
        cli_print_field (label, "%s", when);
    }
  if (sw_case_get_satisfaction (c) > 0)
    cli_print_field (_("Satisfaction:"), "%d/5", sw_case_get_satisfaction (c));
  if (sw_case_get_reopen_count (c) > 0)
    cli_print_field (_("Reopened:"), "%d", sw_case_get_reopen_count (c));

  if (with_timeline)
    {
      g_autoptr(GListModel) events = sw_store_list_events (ctx->store, sw_case_get_id (c), NULL);

      g_print ("%s\n", _("Timeline:"));
      for (guint i = 0; events && i < g_list_model_get_n_items (events); i++)
        {
          g_autoptr(SwCaseEvent) ev = g_list_model_get_item (events, i);
          g_autofree char *at = cli_format_time (sw_case_event_get_at (ev));
          g_autofree char *who = person_text (ctx, sw_case_event_get_actor (ev));
          const char *detail = sw_case_event_get_string (ev, "text");

          detail = detail ? detail : sw_case_event_get_string (ev, "note");
          detail = detail ? detail : sw_case_event_get_string (ev, "opinion");
          detail = detail ? detail : sw_case_event_get_string (ev, "reason");
          detail = detail ? detail : sw_case_event_get_string (ev, "materials");
          g_autofree char *why = detail ? NULL : owner_reason (ctx, ev);
          detail = detail ? detail : why;
          g_autofree char *label = cli_pad (sw_event_kind_label (sw_case_event_get_kind (ev)), 14);

          g_print ("  %s  %s%s%s%s\n", at, label, who, detail ? " — " : "", detail ? detail : "");
        }
    }
}

int
cli_print_case (CliContext *ctx,
                SwCase     *c)
{
  if (ctx->json)
    {
      g_autoptr(JsonNode) node = cli_case_to_json (ctx, c, TRUE);
      cli_print_json (node);
    }
  else
    cli_print_case_text (ctx, c, FALSE);
  return CLI_OK;
}

int
cli_print_list (CliContext *ctx,
                GListModel *list,
                JsonNode *(*to_json) (gpointer),
                void      (*to_text) (gpointer))
{
  guint n = g_list_model_get_n_items (list);

  if (ctx->json)
    {
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
      JsonArray *array = json_array_new ();

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (list, i);
          json_array_add_element (array, to_json (item));
        }
      json_node_take_array (root, array);
      cli_print_json (root);
      return CLI_OK;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);
      to_text (item);
    }
  return CLI_OK;
}
