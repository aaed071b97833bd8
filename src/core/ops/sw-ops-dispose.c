/* sw-ops-dispose.c — registration and the first-inquiry person's
 * dispositions (domain §5): answer, notify, handle, refer, escalate, decide,
 * outside the organisation, refuse.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-error.h"
#include "sw-fields.h"
#include "sw-ops-private.h"
#include "sw-event-text.h"
#include "sw-owner.h"
#include "sw-store-templates.h"
#include "sw-uuid.h"

/* Clocks drift; a registration from further in the future than this is a
 * wrong clock, not a customer. */
#define FUTURE_TOLERANCE_MS (5 * 60 * 1000)

static GPtrArray *
load_candidates (SwStore               *store,
                 const SwRegistration  *reg,
                 GError               **error)
{
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  g_auto(GStrv) empnos = NULL;

  if (reg->received_by == NULL || *reg->received_by == '\0')
    {
      g_set_error_literal (error, SW_ERROR, SW_ERROR_INVALID,
                           _("Name the staff member who received the request first"));
      return NULL;
    }
  g_strv_builder_add (b, reg->received_by);
  for (guint i = 0; reg->asked_with && reg->asked_with[i]; i++)
    g_strv_builder_add (b, reg->asked_with[i]);
  empnos = g_strv_builder_end (b);

  for (guint i = 0; empnos[i]; i++)
    {
      SwStaff *s;
      gboolean dup = FALSE;

      for (guint j = 0; j < i; j++)
        dup |= g_strcmp0 (empnos[i], empnos[j]) == 0;
      if (dup || *empnos[i] == '\0')
        continue;
      if ((s = sw_store_get_staff (store, empnos[i])) == NULL)
        {
          g_set_error (error, SW_ERROR, SW_ERROR_NOT_FOUND, _("There is no staff member “%s”"), empnos[i]);
          return NULL;
        }
      g_ptr_array_add (people, s);
    }
  return g_steal_pointer (&people);
}

SwStaff *
sw_ops_preview_owner (SwStore               *store,
                      const SwRegistration  *reg,
                      char                 **reason,
                      GError               **error)
{
  g_autoptr(SwPolicy) policy = sw_store_get_policy (store, 0, error);
  g_autoptr(GPtrArray) people = policy ? load_candidates (store, reg, error) : NULL;
  SwStaff *owner = people ? sw_owner_choose (people, policy, reason, error) : NULL;

  /* The dialog shows the reason: the code in the reader's language. */
  if (owner != NULL && reason != NULL && *reason != NULL)
    {
      char *code = *reason;
      *reason = sw_owner_rule_text (code, ((SwStaff *) g_ptr_array_index (people, 0))->name);
      g_free (code);
    }
  return owner;
}

/* A visit or a call is registered the day it happens; what came in writing
 * may be registered later, within a season. */
#define LIVE_LATE_MS ((gint64) 24 * 3600 * 1000)
#define WRITTEN_LATE_MS ((gint64) 90 * 24 * 3600 * 1000)

static gboolean
fail_at (SwRegField *field, SwRegField which)
{
  if (field != NULL)
    *field = which;
  return FALSE;
}

/* A superior's assignment and a hotline dispatch carry their own fields
 * (seed 002, seed 000 七); on another channel they mean a mistake, and a
 * due date is after the receipt. */
static gboolean
check_assignment (const SwRegistration  *reg,
                  gint64                 now,
                  SwRegField            *field,
                  GError               **error)
{
  gint64 received = reg->received_at > 0 ? reg->received_at : now;

  if (((reg->assigned_by && *reg->assigned_by) || reg->assigned_due != 0) &&
      reg->channel != SW_CHANNEL_SUPERIOR)
    {
      g_set_error_literal (error, SW_ERROR, SW_ERROR_INVALID,
                           _("Who assigned a matter and its due date belong to a matter assigned by a superior"));
      return fail_at (field, SW_REG_FIELD_ASSIGNMENT);
    }
  if (((reg->hotline_dispatch && *reg->hotline_dispatch) || reg->hotline_due != 0) &&
      reg->channel != SW_CHANNEL_HOTLINE)
    {
      g_set_error_literal (error, SW_ERROR, SW_ERROR_INVALID,
                           _("A dispatch number and a feedback date belong to a hotline dispatch"));
      return fail_at (field, SW_REG_FIELD_HOTLINE);
    }
  if (reg->assigned_due != 0 && reg->assigned_due <= received)
    {
      g_set_error_literal (error, SW_ERROR, SW_ERROR_INVALID,
                           _("The assignment’s due date is not after its receipt"));
      return fail_at (field, SW_REG_FIELD_ASSIGNMENT);
    }
  if (reg->hotline_due != 0 && reg->hotline_due <= received)
    {
      g_set_error_literal (error, SW_ERROR, SW_ERROR_INVALID,
                           _("The hotline’s feedback date is not after the dispatch’s receipt"));
      return fail_at (field, SW_REG_FIELD_HOTLINE);
    }
  return TRUE;
}

gboolean
sw_ops_check_registration (const SwRegistration  *reg,
                           gint64                 now,
                           SwRegField            *field,
                           GError               **error)
{
  gboolean live;

  if (field != NULL)
    *field = SW_REG_FIELD_NONE;
  if ((guint) reg->channel >= SW_N_CHANNELS || (guint) reg->kind >= SW_N_KINDS)
    {
      g_set_error_literal (error, SW_ERROR, SW_ERROR_INVALID, _("Unknown channel or kind"));
      return fail_at (field, SW_REG_FIELD_CHANNEL);
    }
  if (!_sw_require_text (reg->content, _("The content of the request"), error))
    return fail_at (field, SW_REG_FIELD_CONTENT);
  if (!reg->anonymous &&
      !(reg->customer_name && *reg->customer_name) &&
      !(reg->customer_phone && *reg->customer_phone))
    {
      g_set_error_literal (error, SW_ERROR, SW_ERROR_INVALID,
                           _("Give the customer's name or phone, or mark the request anonymous"));
      return fail_at (field, SW_REG_FIELD_CUSTOMER);
    }
  if (reg->customer_phone && *reg->customer_phone)
    for (const char *p = reg->customer_phone; *p; p++)
      if (!g_ascii_isdigit (*p) && *p != '-' && *p != '+' && *p != ' ')
        {
          g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
                       _("“%s” is not a phone number"), reg->customer_phone);
          return fail_at (field, SW_REG_FIELD_PHONE);
        }
  if (reg->received_at > now + FUTURE_TOLERANCE_MS)
    {
      g_set_error_literal (error, SW_ERROR, SW_ERROR_INVALID,
                           _("The time of receipt is in the future; check the computer's clock"));
      return fail_at (field, SW_REG_FIELD_RECEIVED_AT);
    }
  live = reg->channel == SW_CHANNEL_VISIT || reg->channel == SW_CHANNEL_PHONE;
  if (reg->received_at > 0 && reg->received_at < now - (live ? LIVE_LATE_MS : WRITTEN_LATE_MS))
    {
      if (live)
        g_set_error_literal (error, SW_ERROR, SW_ERROR_INVALID,
                             _("A visit or a call is registered within a day; only what came in "
                               "writing may be registered later"));
      else
        g_set_error_literal (error, SW_ERROR, SW_ERROR_INVALID,
                             _("The time of receipt is more than 90 days ago; check the date"));
      return fail_at (field, SW_REG_FIELD_RECEIVED_AT);
    }
  if (!check_assignment (reg, now, field, error))
    return FALSE;
  return TRUE;
}

/* The promise the registration's template sets from `received` on
 * `calendar` (seed 000: matters with their own limits); 0 when none, -1
 * with the error when the template cannot be chosen. */
static gint64
template_promise (SwStore              *store,
                  SwCalendar           *calendar,
                  const SwRegistration *reg,
                  gint64                received,
                  const char          **rule,
                  GError              **error)
{
  g_autoptr(SwTemplate) tmpl = NULL;

  *rule = NULL;
  if (reg->template_id == NULL || *reg->template_id == '\0')
    return 0;
  if ((tmpl = sw_store_get_template (store, reg->template_id, error)) == NULL)
    return -1;
  if (!sw_template_get_active (tmpl))
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
                   _("The template “%s” is retired and can no longer be chosen"),
                   sw_template_get_matter (tmpl));
      return -1;
    }
  if (sw_template_get_limit_days (tmpl) <= 0)
    return 0;
  *rule = SW_LIFECYCLE_TEMPLATE;
  return sw_calendar_add_working_days (calendar, received, sw_template_get_limit_days (tmpl));
}

gint64
sw_ops_preview_promise (SwStore              *store,
                        const SwRegistration *reg,
                        const char          **rule,
                        GError              **error)
{
  g_autoptr(SwCalendar) calendar = sw_store_get_calendar (store, NULL);
  gint64 received = reg->received_at > 0 ? reg->received_at : sw_store_now (store);

  return template_promise (store, calendar, reg, received, rule, error);
}

SwCase *
sw_ops_register (SwStore               *store,
                 const char            *actor,
                 const SwRegistration  *reg,
                 GError               **error)
{
  SwOp op;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(SwStaff) owner = NULL;
  g_autoptr(SwDepartment) dept = NULL;
  g_autoptr(SwCaseEvent) ev = NULL;
  g_autoptr(GDateTime) local_now = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *branch = NULL;
  g_autofree char *number = NULL;
  g_autofree char *asked = NULL;
  SwCase *row = NULL, *result = NULL;
  gint64 received, promise;
  const char *promise_rule = NULL;

  if (!_sw_op_begin (&op, store, N_("register"), actor, NULL, error))
    goto out;
  if (!sw_ops_check_registration (reg, op.now, NULL, error))
    goto out;
  if ((people = load_candidates (store, reg, error)) == NULL)
    goto out;
  /* who may be responsible: the current policy's (the case then keeps it) */
  if (!_sw_op_load_rules (&op, 0, NULL, error) ||
      (owner = sw_owner_choose (people, op.policy, &reason, error)) == NULL)
    goto out;

  dept = sw_store_get_department (store, owner->department_code);
  branch = dept && dept->branch_code ? g_strdup (dept->branch_code) : sw_store_get_home_branch (store);
  if (branch == NULL)
    branch = g_strdup ("HQ");
  if (!_sw_op_load_rules (&op, 0, branch, error))
    goto out;

  received = reg->received_at > 0 ? reg->received_at : op.now;
  if ((promise = template_promise (store, op.calendar, reg, received, &promise_rule, error)) < 0)
    goto out;
  local_now = g_date_time_new_from_unix_utc (op.now / 1000);
  {
    GDateTime *tmp = g_date_time_to_timezone (local_now, sw_calendar_get_timezone (op.calendar));
    g_date_time_unref (local_now);
    local_now = tmp;
  }

  row = sw_case_new ();
  row->id = sw_uuid7_new (op.now);
  row->customer_name = g_strdup (reg->customer_name);
  row->customer_phone = g_strdup (reg->customer_phone);
  row->customer_unit = g_strdup (reg->customer_unit);
  row->customer_address = g_strdup (reg->customer_address);
  op.row = row;

  ev = _sw_op_event (&op, SW_EVENT_REGISTERED);
  asked = reg->asked_with ? g_strjoinv (",", (char **) reg->asked_with) : NULL;

  if (!sw_store_begin (store, error))
    goto out;
  if ((number = _sw_store_next_number (store, branch, local_now, error)) == NULL)
    {
      sw_store_rollback (store);
      goto out;
    }
  sw_case_event_set_string (ev, "number", number);
  sw_case_event_set_string (ev, "branch", branch);
  sw_case_event_set_string (ev, "channel", sw_channel_to_string (reg->channel));
  sw_case_event_set_string (ev, "kind", sw_kind_to_string (reg->kind));
  sw_case_event_set_string (ev, "content", reg->content);
  sw_case_event_set_int (ev, "anonymous", reg->anonymous);
  sw_case_event_set_int (ev, "signature", reg->signature);
  if (reg->petition)
    sw_case_event_set_int (ev, "petition", 1);
  if (reg->assigned_by && *reg->assigned_by)
    sw_case_event_set_string (ev, "assigned_by", reg->assigned_by);
  if (reg->hotline_dispatch && *reg->hotline_dispatch)
    sw_case_event_set_string (ev, "hotline_dispatch", reg->hotline_dispatch);
  sw_case_event_set_int (ev, "received_at", received);
  sw_case_event_set_string (ev, "received_by", reg->received_by);
  sw_case_event_set_string (ev, "asked_with", asked);
  sw_case_event_set_string (ev, "owner", owner->empno);
  sw_case_event_set_string (ev, "owner_department", owner->department_code);
  sw_case_event_set_string (ev, "owner_rule", reason);
  sw_case_event_set_int (ev, "policy_version", sw_policy_get_version (op.policy));
  {
    const char *key = NULL;
    gint64 due = _sw_op_start_due (&op, SW_EVENT_REGISTERED, 0, received, &key);

    _sw_event_set_due (ev, due, key);
  }
  if (reg->template_id != NULL && *reg->template_id != '\0')
    sw_case_event_set_string (ev, "template", reg->template_id);
  /* the matter's own limit: the disposals keep this promise */
  if (promise > 0)
    _sw_event_set_promise (ev, promise, promise_rule);
  /* the statutory limits the case owes from its receipt (sw-lifecycle.c) */
  for (int k = 0; k < SW_N_LIMITS; k++)
    if (sw_lifecycle_limit_applies (k, reg->kind, reg->anonymous, reg->petition, reg->channel))
      {
        /* the date an assignment or a dispatch gives, else the policy's */
        gint64 given = k == SW_LIMIT_ASSIGNED ? reg->assigned_due
                       : k == SW_LIMIT_HOTLINE_FEEDBACK ? reg->hotline_due : 0;

        sw_case_event_set_int (ev, sw_lifecycle_limit (k)->due_member,
                               given > 0 ? given : sw_lifecycle_limit_due (op.policy, op.calendar, k, received));
      }

  if (!_sw_store_append (store, row, ev, error) ||
      !_sw_store_put_contact (store, row, error))
    {
      sw_store_rollback (store);
      goto out;
    }
  if (!sw_store_commit (store, error))
    goto out;
  result = g_object_ref (row);

out:
  _sw_op_clear (&op);
  return result;
}

/* ------------------------------------------------------------ dispositions */


SwCase *
sw_ops_answer (SwStore     *store,
               const char  *actor,
               const char  *ref,
               const char  *text,
               GError     **error)
{
  g_auto(SwOp) op = { 0 };
  g_autoptr(SwCaseEvent) ev = NULL;

  if (!_sw_op_begin (&op, store, N_("answer on the spot"), actor, ref, error) ||
      !_sw_op_require_event (&op, SW_EVENT_ANSWERED, error) ||
      !_sw_op_allow (&op, SW_ACCESS_ANSWER, error) ||
      !_sw_require_text (text, _("The answer"), error))
    return NULL;
  ev = _sw_op_event (&op, SW_EVENT_ANSWERED);
  sw_case_event_set_string (ev, "text", text);
  return _sw_op_commit (&op, ev, error);
}

SwCase *
sw_ops_notify (SwStore     *store,
               const char  *actor,
               const char  *ref,
               const char  *materials,
               GError     **error)
{
  g_auto(SwOp) op = { 0 };
  g_autoptr(SwCaseEvent) ev = NULL;
  gint64 promise;
  const char *key = NULL;

  if (!_sw_op_begin (&op, store, N_("send a one-time notification for"), actor, ref, error) ||
      !_sw_op_require_event (&op, SW_EVENT_NOTIFIED, error) ||
      !_sw_op_allow (&op, SW_ACCESS_NOTIFY, error) ||
      !_sw_require_text (materials, _("The list of missing materials"), error))
    return NULL;
  ev = _sw_op_event (&op, SW_EVENT_NOTIFIED);
  sw_case_event_set_string (ev, "materials", materials);
  promise = _sw_op_start_due (&op, SW_EVENT_NOTIFIED, 0, op.row->received_at, &key);
  if (op.row->promised_at)
    promise = op.row->promised_at;
  _sw_event_set_promise (ev, promise, op.row->promised_at ? op.row->promised_rule : key);
  _sw_event_set_due (ev, promise, key);
  return _sw_op_commit (&op, ev, error);
}


/* The event each disposal writes, whose deadline the preview shows. */
static const int disposal_events[] = {
  [SW_DISPOSAL_NONE] = SW_EVENT_REGISTERED,
  [SW_DISPOSAL_ANSWER] = SW_EVENT_ANSWERED,
  [SW_DISPOSAL_NOTIFY] = SW_EVENT_NOTIFIED,
  [SW_DISPOSAL_HANDLE] = SW_EVENT_HANDLING,
  [SW_DISPOSAL_REFER] = SW_EVENT_REFERRED,
  [SW_DISPOSAL_TRANSFER] = SW_EVENT_TRANSFERRED,
  [SW_DISPOSAL_ESCALATE] = SW_EVENT_ESCALATED,
  [SW_DISPOSAL_CLOSING] = SW_EVENT_REFUSED,
};

gint64
sw_ops_preview_due (SwStore              *store,
                    const SwRegistration *reg,
                    SwDisposal            disposal,
                    SwScope               scope,
                    const char          **rule,
                    GError              **error)
{
  g_autoptr(SwPolicy) policy = NULL;
  g_autoptr(SwCalendar) calendar = NULL;
  gint64 now = sw_store_now (store);
  gint64 received = reg->received_at > 0 ? reg->received_at : now;
  const SwLifecycleStart *start;

  *rule = NULL;
  if ((guint) disposal >= G_N_ELEMENTS (disposal_events))
    return 0;
  if (disposal == SW_DISPOSAL_ANSWER)
    return now;
  /* the deadline the disposal's event starts, as the operation sets it */
  start = sw_lifecycle_start (disposal_events[disposal], disposal == SW_DISPOSAL_HANDLE ? (guint) scope : 0);
  if (start == NULL)
    return 0;
  if ((policy = sw_store_get_policy (store, 0, error)) == NULL)
    return -1;
  calendar = sw_store_get_calendar (store, NULL);
  *rule = start->policy_key;
  return sw_lifecycle_start_due (start, policy, calendar, received, now);
}

SwCase *
sw_ops_handle (SwStore     *store,
               const char  *actor,
               const char  *ref,
               SwScope      scope,
               GError     **error)
{
  g_auto(SwOp) op = { 0 };
  g_autoptr(SwCaseEvent) ev = NULL;

  if ((guint) scope >= SW_N_SCOPES)
    {
      g_set_error_literal (error, SW_ERROR, SW_ERROR_INVALID, _("Unknown scope"));
      return NULL;
    }
  if (!_sw_op_begin (&op, store, N_("take in hand"), actor, ref, error) ||
      !_sw_op_require_event (&op, SW_EVENT_HANDLING, error) ||
      !_sw_op_allow (&op, SW_ACCESS_HANDLE, error))
    return NULL;
  ev = _sw_op_event (&op, SW_EVENT_HANDLING);
  sw_case_event_set_string (ev, "scope", sw_scope_to_string (scope));
  _sw_op_promise_due (&op, ev, SW_EVENT_HANDLING, scope);
  return _sw_op_commit (&op, ev, error);
}

SwCase *
sw_ops_refer (SwStore     *store,
              const char  *actor,
              const char  *ref,
              const char  *to_empno,
              GError     **error)
{
  g_auto(SwOp) op = { 0 };
  g_autoptr(SwCaseEvent) ev = NULL;
  g_autoptr(SwStaff) colleague = NULL;
  g_autoptr(SwStaff) proxy = NULL;
  gboolean queued = FALSE;
  const char *handler;

  if (!_sw_op_begin (&op, store, N_("refer"), actor, ref, error) ||
      !_sw_op_require_event (&op, SW_EVENT_REFERRED, error) ||
      !_sw_op_allow (&op, SW_ACCESS_REFER, error) ||
      (colleague = _sw_op_require_staff (&op, to_empno, _("The colleague to refer to"), error)) == NULL)
    return NULL;
  if (g_strcmp0 (colleague->department_code, op.row->handler_department) != 0)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
                   _("%s works in another department; referral is within the department — transfer the case instead"),
                   colleague->name);
      return NULL;
    }
  if (g_strcmp0 (colleague->empno, op.row->handler) == 0)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID, _("%s already handles this case"), colleague->name);
      return NULL;
    }

  handler = colleague->empno;
  if (!sw_staff_is_present (colleague))
    {
      /* Taken in on the absent colleague's behalf: their proxy handles it,
       * or it waits in their queue. */
      proxy = colleague->proxy_empno ? sw_store_get_staff (store, colleague->proxy_empno) : NULL;
      if (proxy != NULL && proxy->active && sw_staff_is_present (proxy))
        handler = proxy->empno;
      else
        queued = TRUE;
    }

  ev = _sw_op_event (&op, SW_EVENT_REFERRED);
  sw_case_event_set_string (ev, "to", colleague->empno);
  sw_case_event_set_string (ev, "handler", handler);
  sw_case_event_set_string (ev, "absence", colleague->availability != SW_AVAILABILITY_ON_DUTY
                            ? sw_availability_to_string (colleague->availability) : NULL);
  sw_case_event_set_int (ev, "queued", queued);
  _sw_op_promise_due (&op, ev, SW_EVENT_REFERRED, 0);
  return _sw_op_commit (&op, ev, error);
}

SwCase *
sw_ops_escalate (SwStore     *store,
                 const char  *actor,
                 const char  *ref,
                 const char  *to_empno,
                 const char  *note,
                 GError     **error)
{
  g_auto(SwOp) op = { 0 };
  g_autoptr(SwCaseEvent) ev = NULL;
  g_autoptr(SwStaff) leader = NULL;

  if (!_sw_op_begin (&op, store, N_("escalate"), actor, ref, error) ||
      !_sw_op_require_event (&op, SW_EVENT_ESCALATED, error) ||
      !_sw_op_allow (&op, SW_ACCESS_ESCALATE, error) ||
      !_sw_require_text (note, _("The note for the leader"), error) ||
      (leader = _sw_op_require_staff (&op, to_empno, _("The leader to escalate to"), error)) == NULL)
    return NULL;
  if (!sw_access_is_leader (leader))
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
                   _("Escalate to a department head, a supervisor or a leader; %s is not one"),
                   leader->name);
      return NULL;
    }
  ev = _sw_op_event (&op, SW_EVENT_ESCALATED);
  sw_case_event_set_string (ev, "to", leader->empno);
  sw_case_event_set_string (ev, "note", note);
  _sw_op_promise_due (&op, ev, SW_EVENT_ESCALATED, 0);
  return _sw_op_commit (&op, ev, error);
}

SwCase *
sw_ops_decide (SwStore     *store,
               const char  *actor,
               const char  *ref,
               const char  *text,
               GError     **error)
{
  g_auto(SwOp) op = { 0 };
  g_autoptr(SwCaseEvent) ev = NULL;

  if (!_sw_op_begin (&op, store, N_("decide on"), actor, ref, error) ||
      !_sw_op_require_event (&op, SW_EVENT_DECIDED, error) ||
      !_sw_op_allow (&op, SW_ACCESS_DECIDE, error) ||
      !_sw_require_text (text, _("The decision"), error))
    return NULL;
  ev = _sw_op_event (&op, SW_EVENT_DECIDED);
  sw_case_event_set_string (ev, "text", text);
  return _sw_op_commit (&op, ev, error);
}

SwCase *
sw_ops_outside (SwStore     *store,
                const char  *actor,
                const char  *ref,
                const char  *unit,
                const char  *contact,
                GError     **error)
{
  g_auto(SwOp) op = { 0 };
  g_autoptr(SwCaseEvent) ev = NULL;

  if (!_sw_op_begin (&op, store, N_("refer outside the organisation"), actor, ref, error) ||
      !_sw_op_require_event (&op, SW_EVENT_OUTSIDE, error) ||
      !_sw_op_allow (&op, SW_ACCESS_OUTSIDE, error) ||
      !_sw_require_text (unit, _("The outside unit"), error) ||
      !_sw_require_text (contact, _("The outside unit's contact"), error))
    return NULL;
  ev = _sw_op_event (&op, SW_EVENT_OUTSIDE);
  sw_case_event_set_string (ev, "unit", unit);
  sw_case_event_set_string (ev, "contact", contact);
  return _sw_op_commit (&op, ev, error);
}

SwCase *
sw_ops_refuse (SwStore     *store,
               const char  *actor,
               const char  *ref,
               const char  *reason,
               const char  *signed_by,
               GError     **error)
{
  g_auto(SwOp) op = { 0 };
  g_autoptr(SwCaseEvent) ev = NULL;
  g_autoptr(SwStaff) leader = NULL;

  if (!_sw_op_begin (&op, store, N_("refuse"), actor, ref, error) ||
      !_sw_op_require_event (&op, SW_EVENT_REFUSED, error) ||
      !_sw_op_allow (&op, SW_ACCESS_REFUSE, error) ||
      !_sw_require_text (reason, _("The reason for the refusal"), error) ||
      (leader = _sw_op_require_staff (&op, signed_by, _("The leader who signs off the refusal"), error)) == NULL)
    return NULL;
  if (!sw_access_may_sign_off (leader, op.row))
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
                   _("A refusal is signed off by the department head or a leader; %s cannot sign it"),
                   leader->name);
      return NULL;
    }
  ev = _sw_op_event (&op, SW_EVENT_REFUSED);
  sw_case_event_set_string (ev, "reason", reason);
  sw_case_event_set_string (ev, "signed_by", leader->empno);
  return _sw_op_commit (&op, ev, error);
}
