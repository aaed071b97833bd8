/* sw-ops-petition.c — the accept-or-not decision on a petition (信访, seed 000 (九))
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-error.h"
#include "sw-ops-private.h"

SwCase *
sw_ops_decide_petition (SwStore     *store,
                        const char  *actor,
                        const char  *ref,
                        gboolean     accepted,
                        gboolean     special,
                        const char  *reason,
                        GError     **error)
{
  g_auto(SwOp) op = { 0 };
  g_autoptr(SwCaseEvent) ev = NULL;
  SwEventKind kind = accepted ? SW_EVENT_PETITION_ACCEPTED : SW_EVENT_PETITION_NOT_ACCEPTED;
  gint64 met = 0;

  if (!_sw_op_begin (&op, store, accepted ? N_("accept the petition") : N_("decline the petition"),
                     actor, ref, error))
    return NULL;
  /* a petition owes its decision from its registration (sw-lifecycle.c) */
  if (sw_case_get_deadline (op.row, SW_LIMIT_PETITION_DECIDE, &met) <= 0)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_ILLEGAL,
                   _("Case %s was not registered as a petition"), op.row->number);
      return NULL;
    }
  if (met > 0)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_ILLEGAL,
                   _("Whether petition %s is accepted was already decided"), op.row->number);
      return NULL;
    }
  if (!_sw_op_require_event (&op, kind, error) ||
      !_sw_op_allow (&op, sw_lifecycle_event (kind)->access, error))
    return NULL;
  if (!accepted && !_sw_require_text (reason, _("Why the petition is not accepted"), error))
    return NULL;
  if (!accepted && special)
    {
      g_set_error_literal (error, SW_ERROR, SW_ERROR_INVALID,
                           _("Only an accepted petition can be special"));
      return NULL;
    }
  ev = _sw_op_event (&op, kind);
  if (accepted)
    {
      sw_case_event_set_int (ev, "special", special);
      /* seed 000 (九): "特殊的不超过60个工作日办结", from the receipt */
      if (special)
        sw_case_event_set_int (ev, sw_lifecycle_limit (SW_LIMIT_PETITION_CLOSE)->due_member,
                               sw_calendar_add_working_days (op.calendar, op.row->received_at,
                                                             sw_policy_get_int (op.policy,
                                                                                "limit.petition_special_days")));
    }
  else
    sw_case_event_set_string (ev, "reason", reason);
  return _sw_op_commit (&op, ev, error);
}
