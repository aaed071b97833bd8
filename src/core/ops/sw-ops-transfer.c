/* sw-ops-transfer.c — transfer to another department and what the receiving
 * department does with it: accept, return, forward.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-error.h"
#include "sw-ops-private.h"

static SwDepartment *
require_department (SwOp        *op,
                    const char  *code,
                    GError     **error)
{
  SwDepartment *d;

  if (!_sw_require_text (code, _("The receiving department"), error))
    return NULL;
  if ((d = sw_store_get_department (op->store, code)) == NULL)
    g_set_error (error, SW_ERROR, SW_ERROR_NOT_FOUND, _("There is no department “%s”"), code);
  return d;
}

static void
set_accept_deadline (SwOp        *op,
                     SwCaseEvent *ev)
{
  _sw_op_set_started_due (op, ev, sw_case_event_get_kind (ev));
}

SwCase *
sw_ops_transfer (SwStore     *store,
                 const char  *actor,
                 const char  *ref,
                 const char  *to_department,
                 const char  *note,
                 GError     **error)
{
  g_auto(SwOp) op = { 0 };
  g_autoptr(SwCaseEvent) ev = NULL;
  g_autoptr(SwDepartment) dept = NULL;

  if (!_sw_op_begin (&op, store, N_("transfer"), actor, ref, error) ||
      !_sw_op_require_event (&op, SW_EVENT_TRANSFERRED, error) ||
      !_sw_op_allow (&op, SW_ACCESS_TRANSFER, error) ||
      (dept = require_department (&op, to_department, error)) == NULL ||
      !_sw_require_text (note, _("The handover note"), error))
    return NULL;
  if (g_strcmp0 (dept->code, op.row->handler_department) == 0)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
                   _("The case is already with %s; refer it to a colleague instead"), dept->name);
      return NULL;
    }
  ev = _sw_op_event (&op, SW_EVENT_TRANSFERRED);
  sw_case_event_set_string (ev, "to_department", dept->code);
  sw_case_event_set_string (ev, "from_department", op.row->handler_department);
  sw_case_event_set_string (ev, "note", note);
  /* What the customer is told: where to go and whom to call. */
  sw_case_event_set_string (ev, "location", dept->location);
  sw_case_event_set_string (ev, "phone", dept->phone);
  sw_case_event_set_string (ev, "liaison", dept->liaison_empno);
  if (op.row->promised_at == 0)
    _sw_event_set_promise (ev, _sw_op_days_after (&op, op.row->received_at, "limit.branch_leader_days"),
                           "limit.branch_leader_days");
  set_accept_deadline (&op, ev);
  return _sw_op_commit (&op, ev, error);
}

SwCase *
sw_ops_accept (SwStore     *store,
               const char  *actor,
               const char  *ref,
               const char  *handler_empno,
               GError     **error)
{
  g_auto(SwOp) op = { 0 };
  g_autoptr(SwCaseEvent) ev = NULL;
  g_autoptr(SwStaff) handler = NULL;

  if (!_sw_op_begin (&op, store, N_("accept"), actor, ref, error) ||
      !_sw_op_require_event (&op, SW_EVENT_ACCEPTED, error) ||
      !_sw_op_allow (&op, SW_ACCESS_ACCEPT, error) ||
      (handler = _sw_op_require_staff (&op, handler_empno, _("The handler"), error)) == NULL)
    return NULL;
  if (g_strcmp0 (handler->department_code, op.row->target_department) != 0)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
                   _("The handler must work in the receiving department; %s does not"), handler->name);
      return NULL;
    }
  if (sw_access_may_write_cases (handler) == SW_ACCESS_INSPECTOR)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID, _("An inspector cannot handle cases"));
      return NULL;
    }
  ev = _sw_op_event (&op, SW_EVENT_ACCEPTED);
  sw_case_event_set_string (ev, "handler", handler->empno);
  sw_case_event_set_string (ev, "department", op.row->target_department);
  _sw_op_set_started_due (&op, ev, SW_EVENT_ACCEPTED);
  return _sw_op_commit (&op, ev, error);
}

SwCase *
sw_ops_return (SwStore     *store,
               const char  *actor,
               const char  *ref,
               const char  *opinion,
               GError     **error)
{
  g_auto(SwOp) op = { 0 };
  g_autoptr(SwCaseEvent) ev = NULL;
  g_autoptr(SwStaff) sender = NULL;

  if (!_sw_op_begin (&op, store, N_("return"), actor, ref, error) ||
      !_sw_op_require_event (&op, SW_EVENT_RETURNED, error) ||
      !_sw_op_allow (&op, SW_ACCESS_RETURN, error) ||
      !_sw_require_text (opinion, _("A clear opinion on why it is not your department's"), error))
    return NULL;
  /* Back to whoever sent it, who must dispose of it again. */
  sender = sw_store_get_staff (store, op.row->transferred_by);
  ev = _sw_op_event (&op, SW_EVENT_RETURNED);
  sw_case_event_set_string (ev, "opinion", opinion);
  sw_case_event_set_string (ev, "from_department", op.row->target_department);
  sw_case_event_set_string (ev, "handler", sender ? sender->empno : op.row->owner);
  sw_case_event_set_string (ev, "handler_department",
                            sender ? sender->department_code : op.row->owner_department);
  _sw_op_set_started_due (&op, ev, SW_EVENT_RETURNED);
  return _sw_op_commit (&op, ev, error);
}

SwCase *
sw_ops_forward (SwStore     *store,
                const char  *actor,
                const char  *ref,
                const char  *to_department,
                const char  *opinion,
                GError     **error)
{
  g_auto(SwOp) op = { 0 };
  g_autoptr(SwCaseEvent) ev = NULL;
  g_autoptr(SwDepartment) dept = NULL;

  if (!_sw_op_begin (&op, store, N_("forward"), actor, ref, error) ||
      !_sw_op_require_event (&op, SW_EVENT_FORWARDED, error) ||
      !_sw_op_allow (&op, SW_ACCESS_FORWARD, error) ||
      (dept = require_department (&op, to_department, error)) == NULL ||
      !_sw_require_text (opinion, _("A clear opinion on whose duty it is"), error))
    return NULL;
  if (g_strcmp0 (dept->code, op.row->target_department) == 0)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
                   _("The case is already addressed to %s"), dept->name);
      return NULL;
    }
  ev = _sw_op_event (&op, SW_EVENT_FORWARDED);
  sw_case_event_set_string (ev, "from_department", op.row->target_department);
  sw_case_event_set_string (ev, "to_department", dept->code);
  sw_case_event_set_string (ev, "opinion", opinion);
  set_accept_deadline (&op, ev);
  return _sw_op_commit (&op, ev, error);
}
