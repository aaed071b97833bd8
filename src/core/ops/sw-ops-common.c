/* sw-ops-common.c — validation and bookkeeping shared by every operation
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdarg.h>
#include <string.h>

#include "sw-access.h"
#include "sw-error.h"
#include "sw-ops-private.h"

static const char * const scope_names[] = { "own", "department", "branch", "meeting" };
G_STATIC_ASSERT (G_N_ELEMENTS (scope_names) == SW_N_SCOPES);

const char *
sw_scope_to_string (SwScope s)
{
  return s < SW_N_SCOPES ? scope_names[s] : "department";
}

int
sw_scope_from_string (const char *s)
{
  for (guint i = 0; i < SW_N_SCOPES; i++)
    if (g_strcmp0 (scope_names[i], s) == 0)
      return (int) i;
  return -1;
}

gboolean
_sw_op_load_rules (SwOp        *op,
                   int          policy_version,
                   const char  *branch_code,
                   GError     **error)
{
  g_clear_object (&op->policy);
  g_clear_object (&op->calendar);
  if ((op->policy = sw_store_get_policy (op->store, policy_version, error)) == NULL)
    return FALSE;
  op->calendar = sw_store_get_calendar (op->store, branch_code);
  return TRUE;
}

gboolean
_sw_op_begin (SwOp        *op,
              SwStore     *store,
              const char  *what,
              const char  *actor,
              const char  *ref,
              GError     **error)
{
  memset (op, 0, sizeof *op);
  op->store = store;
  op->what = what;
  op->now = sw_store_now (store);

  if (actor == NULL || *actor == '\0')
    {
      g_set_error (error, SW_ERROR, SW_ERROR_FORBIDDEN,
                   _("Who is acting? Name the acting user (--as EMPNO) to %s."), _(what));
      return FALSE;
    }
  op->actor = sw_store_get_staff (store, actor);
  if (op->actor == NULL)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_NOT_FOUND, _("There is no staff member “%s”"), actor);
      return FALSE;
    }
  if (!op->actor->active)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_FORBIDDEN,
                   _("%s (%s) is no longer active and cannot %s"), op->actor->name, actor, _(what));
      return FALSE;
    }
  if (sw_access_may_write_cases (op->actor) != SW_ACCESS_OK)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_FORBIDDEN,
                   _("Inspectors read cases but do not change them; %s cannot %s"),
                   op->actor->name, _(what));
      return FALSE;
    }
  if (ref == NULL)
    return TRUE;

  if ((op->row = sw_store_get_case (store, ref, error)) == NULL)
    return FALSE;
  /* Work on a copy: the stored row changes only when the event is written. */
  {
    SwCase *copy = sw_case_copy (op->row);
    g_object_unref (op->row);
    op->row = copy;
  }
  return _sw_op_load_rules (op, op->row->policy_version, op->row->branch_code, error);
}

void
_sw_op_clear (SwOp *op)
{
  g_clear_object (&op->actor);
  g_clear_object (&op->row);
  g_clear_object (&op->policy);
  g_clear_object (&op->calendar);
}

gboolean
_sw_op_require_state (SwOp    *op,
                      GError **error,
                      ...)
{
  va_list ap;
  int s;

  va_start (ap, error);
  while ((s = va_arg (ap, int)) >= 0)
    if (s == op->row->state)
      {
        va_end (ap);
        return TRUE;
      }
  va_end (ap);

  g_set_error (error, SW_ERROR, SW_ERROR_ILLEGAL,
               _("Cannot %s case %s: it is “%s”."),
               _(op->what), op->row->number, sw_state_label (op->row->state));
  return FALSE;
}

gboolean
_sw_op_require_event (SwOp         *op,
                      SwEventKind   kind,
                      GError      **error)
{
  if (sw_lifecycle_allows (op->row->state, kind))
    return TRUE;
  g_set_error (error, SW_ERROR, SW_ERROR_ILLEGAL,
               _("Cannot %s case %s: it is “%s”."),
               _(op->what), op->row->number, sw_state_label (op->row->state));
  return FALSE;
}

gboolean
_sw_require_text (const char  *value,
                  const char  *label,
                  GError     **error)
{
  g_autofree char *copy = g_strdup (value ? value : "");

  if (*g_strstrip (copy) == '\0')
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID, _("%s is required"), label);
      return FALSE;
    }
  return TRUE;
}

SwStaff *
_sw_op_require_staff (SwOp        *op,
                      const char  *empno,
                      const char  *label,
                      GError     **error)
{
  SwStaff *s;

  if (!_sw_require_text (empno, label, error))
    return NULL;
  s = sw_store_get_staff (op->store, empno);
  if (s == NULL)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_NOT_FOUND, _("There is no staff member “%s”"), empno);
      return NULL;
    }
  if (!s->active)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID, _("%s (%s) is no longer active"), s->name, empno);
      g_object_unref (s);
      return NULL;
    }
  return s;
}

gboolean
_sw_op_allow (SwOp        *op,
              SwAccessOp   what,
              GError     **error)
{
  g_autoptr(SwDepartment) d = sw_store_get_department (op->store, op->actor->department_code);
  SwAccessReason r = sw_access_case_op (op->actor, d ? d->branch_code : NULL, op->row, what);

  g_autoptr(SwDepartment) target = NULL;
  g_autofree char *why = NULL;

  if (r == SW_ACCESS_OK)
    return TRUE;
  /* Name the department a transfer is addressed to: whom to ask instead. */
  if (r == SW_ACCESS_NOT_RECEIVING && op->row->target_department != NULL)
    {
      target = sw_store_get_department (op->store, op->row->target_department);
      why = g_strdup_printf (_("the case is addressed to %s, and only that department can"),
                             target ? target->name : op->row->target_department);
    }
  g_set_error (error, SW_ERROR, SW_ERROR_FORBIDDEN,
               _("%s (%s) may not %s case %s: %s"),
               op->actor->name, op->actor->empno, _(op->what), op->row->number,
               why ? why : sw_access_reason_message (r));
  return FALSE;
}

SwCaseEvent *
_sw_op_event (SwOp        *op,
              SwEventKind  kind)
{
  return sw_case_event_new (kind, op->row ? op->row->id : NULL, op->actor->empno, op->now);
}

gint64
_sw_op_days_after (SwOp       *op,
                   gint64      from,
                   const char *key)
{
  return sw_calendar_add_working_days (op->calendar, from, sw_policy_get_int (op->policy, key));
}

void
_sw_event_set_due (SwCaseEvent *ev,
                   gint64       at,
                   const char  *rule)
{
  sw_case_event_set_int (ev, "due_at", at);
  sw_case_event_set_string (ev, "due_rule", rule);
}

void
_sw_event_set_promise (SwCaseEvent *ev,
                       gint64       at,
                       const char  *rule)
{
  sw_case_event_set_int (ev, "promised_at", at);
  sw_case_event_set_string (ev, "promised_rule", rule);
}

gint64
_sw_op_start_due (SwOp         *op,
                  SwEventKind   kind,
                  guint         variant,
                  gint64        received,
                  const char  **key)
{
  const SwLifecycleStart *start = sw_lifecycle_start (kind, variant);

  g_return_val_if_fail (start != NULL, 0);
  *key = start->policy_key;
  return sw_lifecycle_start_due (start, op->policy, op->calendar, received, op->now);
}

void
_sw_op_set_started_due (SwOp        *op,
                        SwCaseEvent *ev,
                        SwEventKind  kind)
{
  const char *key = NULL;
  gint64 due = _sw_op_start_due (op, kind, 0, op->row->received_at, &key);

  _sw_event_set_due (ev, due, key);
}

void
_sw_op_promise_due (SwOp        *op,
                    SwCaseEvent *ev,
                    SwEventKind  kind,
                    guint        variant)
{
  gint64 promise = op->row->promised_at;
  const char *policy_key = NULL;

  if (promise == 0)
    {
      promise = _sw_op_start_due (op, kind, variant, op->row->received_at, &policy_key);
      _sw_event_set_promise (ev, promise, policy_key);
    }
  _sw_event_set_due (ev, promise, op->row->promised_at ? op->row->promised_rule : policy_key);
}

SwCase *
_sw_op_commit (SwOp        *op,
               SwCaseEvent *ev,
               GError     **error)
{
  /* The last event this device had seen: sync tells concurrent changes by it. */
  if (op->row->last_event_id != NULL)
    sw_case_event_set_string (ev, "prev", op->row->last_event_id);
  if (!sw_store_begin (op->store, error))
    return NULL;
  if (!_sw_store_append (op->store, op->row, ev, error))
    {
      sw_store_rollback (op->store);
      return NULL;
    }
  if (!sw_store_commit (op->store, error))
    return NULL;
  return g_object_ref (op->row);
}

char **
sw_ops_find_forbidden_phrases (SwStore    *store,
                               const char *text)
{
  g_autoptr(SwPolicy) policy = sw_store_get_policy (store, 0, NULL);
  g_auto(GStrv) phrases = NULL;
  g_autoptr(GStrvBuilder) found = g_strv_builder_new ();
  guint n = 0;

  if (policy == NULL || text == NULL)
    return NULL;
  phrases = sw_policy_get_list (policy, "phrases.forbidden");
  for (guint i = 0; phrases[i]; i++)
    if (strstr (text, phrases[i]) != NULL)
      {
        g_strv_builder_add (found, phrases[i]);
        n++;
      }
  return n ? g_strv_builder_end (found) : NULL;
}
