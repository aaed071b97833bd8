/* sw-ops-commitment.c — service commitments (服务承诺): a time agreed with the
 * customer (约定时间, seed 003) that replaces the promise with its reason, and
 * progress updates to the customer on a long matter (阶段性反馈, seed 001)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-error.h"
#include "sw-ops-private.h"

SwCase *
sw_ops_agree_time (SwStore     *store,
                   const char  *actor,
                   const char  *ref,
                   gint64       agreed_at,
                   const char  *reason,
                   GError     **error)
{
  g_auto(SwOp) op = { 0 };
  g_autoptr(SwCaseEvent) ev = NULL;

  if (!_sw_op_begin (&op, store, N_("agree a time with the customer"), actor, ref, error) ||
      !_sw_op_require_event (&op, SW_EVENT_PROMISE_AGREED, error) ||
      !_sw_op_allow (&op, sw_lifecycle_event (SW_EVENT_PROMISE_AGREED)->access, error) ||
      !_sw_require_text (reason, _("Why the time is agreed with the customer"), error))
    return NULL;
  if (agreed_at <= op.now)
    {
      g_set_error_literal (error, SW_ERROR, SW_ERROR_INVALID,
                           _("The agreed time must be later than now"));
      return NULL;
    }
  ev = _sw_op_event (&op, SW_EVENT_PROMISE_AGREED);
  sw_case_event_set_string (ev, "reason", reason);
  sw_case_event_set_int (ev, "agreed_at", agreed_at);
  sw_case_event_set_int (ev, "previous_promise", op.row->promised_at);
  _sw_event_set_promise (ev, agreed_at, SW_LIFECYCLE_AGREED);
  /* the running deadline moves with the promise where it was the promise */
  if (op.row->due_at > 0 && op.row->due_at == op.row->promised_at)
    _sw_event_set_due (ev, agreed_at, SW_LIFECYCLE_AGREED);
  return _sw_op_commit (&op, ev, error);
}

SwCase *
sw_ops_progress (SwStore     *store,
                 const char  *actor,
                 const char  *ref,
                 const char  *text,
                 GError     **error)
{
  g_auto(SwOp) op = { 0 };
  g_autoptr(SwCaseEvent) ev = NULL;

  if (!_sw_op_begin (&op, store, N_("tell the customer the progress"), actor, ref, error) ||
      !_sw_op_require_event (&op, SW_EVENT_PROGRESS, error) ||
      !_sw_op_allow (&op, sw_lifecycle_event (SW_EVENT_PROGRESS)->access, error) ||
      !_sw_require_text (text, _("The progress told to the customer"), error))
    return NULL;
  ev = _sw_op_event (&op, SW_EVENT_PROGRESS);
  sw_case_event_set_string (ev, "text", text);
  return _sw_op_commit (&op, ev, error);
}
