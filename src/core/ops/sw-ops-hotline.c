/* sw-ops-hotline.c — the feedback owed to a hotline dispatch (热线派单, seed 000 七)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-error.h"
#include "sw-ops-private.h"

/* seed 000 七: "公司各单位接到客服热线派单后,不得以任何理由推脱,应认真办理,在规定时限内反馈" */
SwCase *
sw_ops_hotline_feedback (SwStore     *store,
                         const char  *actor,
                         const char  *ref,
                         const char  *text,
                         GError     **error)
{
  g_auto(SwOp) op = { 0 };
  g_autoptr(SwCaseEvent) ev = NULL;

  if (!_sw_op_begin (&op, store, N_("give feedback to the hotline"), actor, ref, error))
    return NULL;
  /* a hotline dispatch owes its feedback from its registration (sw-lifecycle.c) */
  if (sw_case_get_deadline (op.row, SW_LIMIT_HOTLINE_FEEDBACK, NULL) <= 0)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_ILLEGAL,
                   _("Case %s was not registered from a hotline dispatch"), op.row->number);
      return NULL;
    }
  if (!_sw_op_require_event (&op, SW_EVENT_HOTLINE_FEEDBACK, error) ||
      !_sw_op_allow (&op, sw_lifecycle_event (SW_EVENT_HOTLINE_FEEDBACK)->access, error) ||
      !_sw_require_text (text, _("The feedback to the hotline"), error))
    return NULL;
  ev = _sw_op_event (&op, SW_EVENT_HOTLINE_FEEDBACK);
  sw_case_event_set_string (ev, "text", text);
  return _sw_op_commit (&op, ev, error);
}
