/* sw-server-push.c — what both server engines' push shares (sw-server-push.h)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-models-private.h"
#include "sw-server-push.h"

const char *const _sw_push_department_members[] = {
  "to_department", "from_department", "department", "handler_department", "owner_department",
};
const guint _sw_push_n_department_members = G_N_ELEMENTS (_sw_push_department_members);

void
_sw_case_scope_free (CaseScope *s)
{
  g_hash_table_unref (s->before);
  g_hash_table_unref (s->after);
  g_free (s);
}

SwPushResult *
_sw_push_result_new (SwCaseEvent     *ev,
                     SwPushStatus     status,
                     SwProtocolError  code,
                     const char      *message)
{
  SwPushResult *r = g_new0 (SwPushResult, 1);

  r->event_id = g_strdup (ev->id);
  r->status = status;
  r->code = code;
  r->message = g_strdup (message);
  return r;
}
