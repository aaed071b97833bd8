/* sw-case.c — the materialised row of a case, folded from its events
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "sw-fields.h"
#include "sw-models-private.h"

G_DEFINE_FINAL_TYPE (SwCase, sw_case, G_TYPE_OBJECT)

static const SwField fields[] = {
  SW_STRING_FIELD (SwCase, id, "id"),
  SW_STRING_FIELD (SwCase, number, "number"),
  SW_INTERNED_FIELD (SwCase, branch_code, "branch-code"),
  SW_INT_FIELD (SwCase, channel, "channel", 0, SW_N_CHANNELS - 1),
  SW_INT_FIELD (SwCase, kind, "kind", 0, SW_N_KINDS - 1),
  SW_STRING_FIELD (SwCase, content, "content"),
  SW_STRING_FIELD (SwCase, customer_name, "customer-name"),
  SW_STRING_FIELD (SwCase, customer_phone, "customer-phone"),
  SW_STRING_FIELD (SwCase, customer_unit, "customer-unit"),
  SW_STRING_FIELD (SwCase, customer_address, "customer-address"),
  SW_BOOL_FIELD (SwCase, anonymous, "anonymous"),
  SW_BOOL_FIELD (SwCase, signature, "signature"),
  SW_INT64_FIELD (SwCase, received_at, "received-at"),
  SW_INTERNED_FIELD (SwCase, owner, "owner"),
  SW_INTERNED_FIELD (SwCase, owner_department, "owner-department"),
  SW_INTERNED_FIELD (SwCase, handler, "handler"),
  SW_INTERNED_FIELD (SwCase, handler_department, "handler-department"),
  SW_INTERNED_FIELD (SwCase, target_department, "target-department"),
  SW_INTERNED_FIELD (SwCase, transferred_by, "transferred-by"),
  SW_INTERNED_FIELD (SwCase, escalated_to, "escalated-to"),
  SW_INT_FIELD (SwCase, state, "state", 0, SW_N_STATES - 1),
  SW_INT_FIELD (SwCase, resolution, "resolution", 0, SW_N_RESOLUTIONS - 1),
  SW_INT64_FIELD (SwCase, due_at, "due-at"),
  SW_INTERNED_FIELD (SwCase, due_rule, "due-rule"),
  SW_INT64_FIELD (SwCase, promised_at, "promised-at"),
  SW_INTERNED_FIELD (SwCase, promised_rule, "promised-rule"),
  SW_INT_FIELD (SwCase, policy_version, "policy-version", 0, G_MAXINT),
  SW_INT_FIELD (SwCase, urge_count, "urge-count", 0, G_MAXINT),
  SW_INT_FIELD (SwCase, reopen_count, "reopen-count", 0, G_MAXINT),
  SW_INT_FIELD (SwCase, return_count, "return-count", 0, G_MAXINT),
  SW_INT_FIELD (SwCase, forward_count, "forward-count", 0, G_MAXINT),
  SW_INT_FIELD (SwCase, satisfaction, "satisfaction", 0, 5),
  SW_BOOL_FIELD (SwCase, queued, "queued"),
  SW_INT64_FIELD (SwCase, replied_at, "replied-at"),
  SW_INT64_FIELD (SwCase, callback_at, "callback-at"),
  SW_INT64_FIELD (SwCase, closed_at, "closed-at"),
  SW_INT64_FIELD (SwCase, updated_at, "updated-at"),
  SW_INT_FIELD (SwCase, event_count, "event-count", 0, G_MAXINT),
  SW_STRING_FIELD (SwCase, last_event_id, "last-event-id"),
  SW_INT64_FIELD (SwCase, deadline_due[SW_LIMIT_FIRST_RESPONSE], "first-response-due"),
  SW_INT64_FIELD (SwCase, deadline_met[SW_LIMIT_FIRST_RESPONSE], "first-response-met"),
  SW_STRING_FIELD (SwCase, deadline_event[SW_LIMIT_FIRST_RESPONSE], "first-response-event"),
  SW_INT64_FIELD (SwCase, deadline_due[SW_LIMIT_COMPLAINT_FILE], "complaint-file-due"),
  SW_INT64_FIELD (SwCase, deadline_met[SW_LIMIT_COMPLAINT_FILE], "complaint-file-met"),
  SW_STRING_FIELD (SwCase, deadline_event[SW_LIMIT_COMPLAINT_FILE], "complaint-file-event"),
  SW_INT64_FIELD (SwCase, deadline_due[SW_LIMIT_COMPLAINT_CLOSE], "complaint-close-due"),
  SW_INT64_FIELD (SwCase, deadline_met[SW_LIMIT_COMPLAINT_CLOSE], "complaint-close-met"),
  SW_STRING_FIELD (SwCase, deadline_event[SW_LIMIT_COMPLAINT_CLOSE], "complaint-close-event"),
  SW_INT64_FIELD (SwCase, deadline_due[SW_LIMIT_PETITION_DECIDE], "petition-decide-due"),
  SW_INT64_FIELD (SwCase, deadline_met[SW_LIMIT_PETITION_DECIDE], "petition-decide-met"),
  SW_STRING_FIELD (SwCase, deadline_event[SW_LIMIT_PETITION_DECIDE], "petition-decide-event"),
  SW_INT64_FIELD (SwCase, deadline_due[SW_LIMIT_PETITION_CLOSE], "petition-close-due"),
  SW_INT64_FIELD (SwCase, deadline_met[SW_LIMIT_PETITION_CLOSE], "petition-close-met"),
  SW_STRING_FIELD (SwCase, deadline_event[SW_LIMIT_PETITION_CLOSE], "petition-close-event"),
  SW_INT64_FIELD (SwCase, deadline_due[SW_LIMIT_ASSIGNED], "assigned-due"),
  SW_INT64_FIELD (SwCase, deadline_met[SW_LIMIT_ASSIGNED], "assigned-met"),
  SW_STRING_FIELD (SwCase, deadline_event[SW_LIMIT_ASSIGNED], "assigned-event"),
  SW_INT64_FIELD (SwCase, deadline_due[SW_LIMIT_HOTLINE_FEEDBACK], "hotline-feedback-due"),
  SW_INT64_FIELD (SwCase, deadline_met[SW_LIMIT_HOTLINE_FEEDBACK], "hotline-feedback-met"),
  SW_STRING_FIELD (SwCase, deadline_event[SW_LIMIT_HOTLINE_FEEDBACK], "hotline-feedback-event"),
  SW_INT64_FIELD (SwCase, deadline_due[SW_LIMIT_MULTI_DEPARTMENT], "multi-department-due"),
  SW_INT64_FIELD (SwCase, deadline_met[SW_LIMIT_MULTI_DEPARTMENT], "multi-department-met"),
  SW_STRING_FIELD (SwCase, deadline_event[SW_LIMIT_MULTI_DEPARTMENT], "multi-department-event"),
  SW_STRING_FIELD (SwCase, co_departments, "co-departments"),
};
G_STATIC_ASSERT (SW_N_LIMITS == 8);   /* a due, met and event field for each */
static GParamSpec *properties[G_N_ELEMENTS (fields) + 1];

SW_DEFINE_FIELD_VFUNCS (sw_case, SwCase, fields, sw_case_parent_class)

static void
sw_case_class_init (SwCaseClass *klass)
{
  SW_INSTALL_FIELD_VFUNCS (G_OBJECT_CLASS (klass), sw_case, fields, properties);
}

static void
sw_case_init (SwCase *self)
{
}

SwCase *
sw_case_new (void)
{
  return g_object_new (SW_TYPE_CASE, NULL);
}

SwCase *
sw_case_copy (SwCase *self)
{
  SwCase *copy = sw_case_new ();
  sw_fields_copy (copy, self, fields, G_N_ELEMENTS (fields));
  return copy;
}

gboolean
sw_case_equal (SwCase      *a,
               SwCase      *b,
               const char **first_difference)
{
  return sw_fields_equal (a, b, fields, G_N_ELEMENTS (fields), first_difference);
}

gint64
sw_case_get_deadline (SwCase         *self,
                      SwLimitKind  kind,
                      gint64         *met_at)
{
  if ((guint) kind >= SW_N_LIMITS)
    {
      if (met_at)
        *met_at = 0;
      return 0;
    }
  if (met_at)
    *met_at = self->deadline_met[kind];
  return self->deadline_due[kind];
}

const char *sw_case_get_id (SwCase *self) { return self->id; }
const char *sw_case_get_number (SwCase *self) { return self->number; }
const char *sw_case_get_branch_code (SwCase *self) { return self->branch_code; }
SwChannel sw_case_get_channel (SwCase *self) { return self->channel; }
SwKind sw_case_get_kind (SwCase *self) { return self->kind; }
const char *sw_case_get_content (SwCase *self) { return self->content; }
const char *sw_case_get_customer_name (SwCase *self) { return self->customer_name; }
const char *sw_case_get_customer_phone (SwCase *self) { return self->customer_phone; }
const char *sw_case_get_customer_unit (SwCase *self) { return self->customer_unit; }
const char *sw_case_get_customer_address (SwCase *self) { return self->customer_address; }
gboolean sw_case_get_anonymous (SwCase *self) { return self->anonymous; }
gboolean sw_case_get_signature (SwCase *self) { return self->signature; }
gint64 sw_case_get_received_at (SwCase *self) { return self->received_at; }
const char *sw_case_get_owner (SwCase *self) { return self->owner; }
const char *sw_case_get_owner_department (SwCase *self) { return self->owner_department; }
const char *sw_case_get_handler (SwCase *self) { return self->handler; }
const char *sw_case_get_handler_department (SwCase *self) { return self->handler_department; }
const char *sw_case_get_target_department (SwCase *self) { return self->target_department; }
const char *sw_case_get_escalated_to (SwCase *self) { return self->escalated_to; }
SwState sw_case_get_state (SwCase *self) { return self->state; }
SwResolution sw_case_get_resolution (SwCase *self) { return self->resolution; }
gint64 sw_case_get_due_at (SwCase *self) { return self->due_at; }
const char *sw_case_get_due_rule (SwCase *self) { return self->due_rule; }
gint64 sw_case_get_promised_at (SwCase *self) { return self->promised_at; }
const char *sw_case_get_promised_rule (SwCase *self) { return self->promised_rule; }
int sw_case_get_policy_version (SwCase *self) { return self->policy_version; }
int sw_case_get_urge_count (SwCase *self) { return self->urge_count; }
int sw_case_get_reopen_count (SwCase *self) { return self->reopen_count; }
int sw_case_get_return_count (SwCase *self) { return self->return_count; }
int sw_case_get_forward_count (SwCase *self) { return self->forward_count; }
int sw_case_get_satisfaction (SwCase *self) { return self->satisfaction; }
gboolean sw_case_get_queued (SwCase *self) { return self->queued; }
gint64 sw_case_get_replied_at (SwCase *self) { return self->replied_at; }
gint64 sw_case_get_callback_at (SwCase *self) { return self->callback_at; }
gint64 sw_case_get_closed_at (SwCase *self) { return self->closed_at; }
gint64 sw_case_get_updated_at (SwCase *self) { return self->updated_at; }
int sw_case_get_event_count (SwCase *self) { return self->event_count; }
const char *sw_case_get_co_departments (SwCase *self) { return self->co_departments; }

gboolean
sw_case_has_co_department (SwCase     *self,
                           const char *department)
{
  g_auto(GStrv) codes = NULL;

  if (self->co_departments == NULL || department == NULL || *department == '\0')
    return FALSE;
  codes = g_strsplit (self->co_departments, ",", -1);
  return g_strv_contains ((const char * const *) codes, department);
}

gboolean
sw_case_is_open (SwCase *self)
{
  return self->state != SW_STATE_CLOSED;
}

gboolean
sw_case_is_overdue (SwCase *self,
                    gint64  now_ms)
{
  return sw_case_is_open (self) && self->due_at > 0 && now_ms > self->due_at;
}
