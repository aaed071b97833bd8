/* sw-ops-followup.c — chasing, replying, calling back, closing, reopening,
 * handing over and notes.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-error.h"
#include "sw-ops-private.h"

SwCase *
sw_ops_urge (SwStore     *store,
             const char  *actor,
             const char  *ref,
             const char  *note,
             GError     **error)
{
  g_auto(SwOp) op = { 0 };
  g_autoptr(SwCaseEvent) ev = NULL;

  if (!_sw_op_begin (&op, store, N_("urge"), actor, ref, error) ||
      !_sw_op_require_event (&op, SW_EVENT_URGED, error) ||
      /* The first-inquiry person keeps tracking the case; supervisors and heads chase. */
      !_sw_op_allow (&op, SW_ACCESS_URGE, error))
    return NULL;
  ev = _sw_op_event (&op, SW_EVENT_URGED);
  sw_case_event_set_string (ev, "note", note);
  sw_case_event_set_string (ev, "handler", op.row->handler);
  return _sw_op_commit (&op, ev, error);
}

SwCase *
sw_ops_reply (SwStore     *store,
              const char  *actor,
              const char  *ref,
              const char  *text,
              GError     **error)
{
  g_auto(SwOp) op = { 0 };
  g_autoptr(SwCaseEvent) ev = NULL;

  if (!_sw_op_begin (&op, store, N_("reply to"), actor, ref, error) ||
      !_sw_op_require_event (&op, SW_EVENT_REPLIED, error) ||
      !_sw_op_allow (&op, SW_ACCESS_REPLY, error) ||
      !_sw_require_text (text, _("The reply"), error))
    return NULL;
  ev = _sw_op_event (&op, SW_EVENT_REPLIED);
  sw_case_event_set_string (ev, "text", text);
  if (op.row->promised_at > 0)
    sw_case_event_set_int (ev, "late", op.now > op.row->promised_at);
  if (op.row->anonymous)
    _sw_event_set_due (ev, 0, NULL);
  else
    _sw_op_set_started_due (&op, ev, SW_EVENT_REPLIED);
  return _sw_op_commit (&op, ev, error);
}

SwCase *
sw_ops_callback (SwStore     *store,
                 const char  *actor,
                 const char  *ref,
                 int          satisfaction,
                 const char  *comment,
                 GError     **error)
{
  g_auto(SwOp) op = { 0 };
  g_autoptr(SwCaseEvent) ev = NULL;

  if (satisfaction < 1 || satisfaction > 5)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
                   _("Satisfaction is a score from 1 (very dissatisfied) to 5 (very satisfied), not %d"),
                   satisfaction);
      return NULL;
    }
  if (!_sw_op_begin (&op, store, N_("call back on"), actor, ref, error))
    return NULL;
  if (op.row->anonymous)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_ILLEGAL,
                   _("Case %s is anonymous: there is nobody to call back"), op.row->number);
      return NULL;
    }
  if (op.row->state == SW_STATE_IN_PROGRESS || op.row->state == SW_STATE_REGISTERED)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_ILLEGAL,
                   _("Cannot call back on case %s before the customer has been replied to"),
                   op.row->number);
      return NULL;
    }
  if (!_sw_op_require_event (&op, SW_EVENT_CALLBACK, error))
    return NULL;
  if (op.row->callback_at > 0)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_ILLEGAL,
                   _("Case %s has had its callback; reopen it if the customer is not satisfied"),
                   op.row->number);
      return NULL;
    }
  if (!_sw_op_allow (&op, SW_ACCESS_CALLBACK, error))
    return NULL;
  ev = _sw_op_event (&op, SW_EVENT_CALLBACK);
  sw_case_event_set_int (ev, "satisfaction", satisfaction);
  sw_case_event_set_string (ev, "comment", comment);
  return _sw_op_commit (&op, ev, error);
}

SwCase *
sw_ops_reopen (SwStore     *store,
               const char  *actor,
               const char  *ref,
               const char  *reason,
               GError     **error)
{
  g_auto(SwOp) op = { 0 };
  g_autoptr(SwCaseEvent) ev = NULL;
  gint64 promise;
  const char *key = NULL;

  if (!_sw_op_begin (&op, store, N_("reopen"), actor, ref, error) ||
      !_sw_op_require_event (&op, SW_EVENT_REOPENED, error) ||
      !_sw_require_text (reason, _("Why the customer is not satisfied"), error))
    return NULL;
  if (!_sw_op_allow (&op, SW_ACCESS_REOPEN, error))
    return NULL;
  ev = _sw_op_event (&op, SW_EVENT_REOPENED);
  sw_case_event_set_string (ev, "reason", reason);
  /* Handling again is a new promise, counted from now. */
  promise = _sw_op_start_due (&op, SW_EVENT_REOPENED, 0, op.row->received_at, &key);
  _sw_event_set_promise (ev, promise, key);
  _sw_event_set_due (ev, promise, key);
  return _sw_op_commit (&op, ev, error);
}

SwCase *
sw_ops_close (SwStore     *store,
              const char  *actor,
              const char  *ref,
              GError     **error)
{
  g_auto(SwOp) op = { 0 };
  g_autoptr(SwCaseEvent) ev = NULL;

  if (!_sw_op_begin (&op, store, N_("close"), actor, ref, error))
    return NULL;

  if (op.row->state == SW_STATE_CLOSED)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_ILLEGAL, _("Case %s is closed already"), op.row->number);
      return NULL;
    }
  if (!op.row->anonymous && op.row->state != SW_STATE_REPLIED)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_ILLEGAL,
                   _("Cannot close case %s: the customer has not been replied to"), op.row->number);
      return NULL;
    }
  if (!op.row->anonymous && op.row->callback_at == 0)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_ILLEGAL,
                   _("Cannot close case %s before the callback: call the customer back and record their satisfaction"),
                   op.row->number);
      return NULL;
    }
  if (op.row->anonymous &&
      !_sw_op_require_event (&op, SW_EVENT_CLOSED, error))
    return NULL;
  if (!_sw_op_allow (&op, SW_ACCESS_CLOSE, error))
    return NULL;
  ev = _sw_op_event (&op, SW_EVENT_CLOSED);
  return _sw_op_commit (&op, ev, error);
}

SwCase *
sw_ops_handover (SwStore     *store,
                 const char  *actor,
                 const char  *ref,
                 const char  *to_empno,
                 const char  *approved_by,
                 const char  *witness,
                 GError     **error)
{
  g_auto(SwOp) op = { 0 };
  g_autoptr(SwCaseEvent) ev = NULL;
  g_autoptr(SwStaff) to = NULL;
  g_autoptr(SwStaff) approver = NULL;
  g_autoptr(SwStaff) witness_staff = NULL;

  if (!_sw_op_begin (&op, store, N_("hand over"), actor, ref, error) ||
      !_sw_op_require_event (&op, SW_EVENT_HANDOVER, error) ||
      (to = _sw_op_require_staff (&op, to_empno, _("The new handler"), error)) == NULL ||
      (approver = _sw_op_require_staff (&op, approved_by, _("The department head who approves"), error)) == NULL ||
      (witness_staff = _sw_op_require_staff (&op, witness, _("The witness"), error)) == NULL)
    return NULL;
  if (!_sw_op_allow (&op, SW_ACCESS_HANDOVER, error))
    return NULL;
  if (g_strcmp0 (to->empno, op.row->handler) == 0)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID, _("%s already handles this case"), to->name);
      return NULL;
    }
  if (!sw_access_may_approve_handover (approver, op.row))
    {
      g_set_error (error, SW_ERROR, SW_ERROR_FORBIDDEN,
                   _("A handover needs the consent of the head of the handler's department; %s is not that head"),
                   approver->name);
      return NULL;
    }
  if (g_strcmp0 (witness_staff->empno, op.row->handler) == 0 ||
      g_strcmp0 (witness_staff->empno, to->empno) == 0)
    {
      g_set_error_literal (error, SW_ERROR, SW_ERROR_INVALID,
                           _("The witness must be someone other than the old and the new handler"));
      return NULL;
    }
  if (sw_access_may_write_cases (to) == SW_ACCESS_INSPECTOR)
    {
      g_set_error_literal (error, SW_ERROR, SW_ERROR_INVALID, _("An inspector cannot handle cases"));
      return NULL;
    }
  ev = _sw_op_event (&op, SW_EVENT_HANDOVER);
  sw_case_event_set_string (ev, "from", op.row->handler);
  sw_case_event_set_string (ev, "to", to->empno);
  sw_case_event_set_string (ev, "to_department", to->department_code);
  sw_case_event_set_string (ev, "approved_by", approver->empno);
  sw_case_event_set_string (ev, "witness", witness_staff->empno);
  return _sw_op_commit (&op, ev, error);
}

SwCase *
sw_ops_note (SwStore     *store,
             const char  *actor,
             const char  *ref,
             const char  *text,
             GError     **error)
{
  g_auto(SwOp) op = { 0 };
  g_autoptr(SwCaseEvent) ev = NULL;

  if (!_sw_op_begin (&op, store, N_("add a note to"), actor, ref, error) ||
      !_sw_op_allow (&op, SW_ACCESS_NOTE, error) ||
      !_sw_require_text (text, _("The note"), error))
    return NULL;
  ev = _sw_op_event (&op, SW_EVENT_NOTE);
  sw_case_event_set_string (ev, "text", text);
  return _sw_op_commit (&op, ev, error);
}
