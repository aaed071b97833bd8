/* sw-server-push.c — what both server engines' push shares (sw-server-push.h)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

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

void
_sw_push_batch_init (SwPushBatch         *batch,
                     const SwPushLookups *lookups,
                     gpointer             engine,
                     const char          *restored_at,
                     gint64               now_ms)
{
  batch->lookups = lookups;
  batch->engine = engine;
  batch->scopes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) _sw_case_scope_free);
  batch->batch_ids = g_hash_table_new (g_str_hash, g_str_equal);
  batch->registered = g_hash_table_new (g_str_hash, g_str_equal);
  batch->numbers = g_hash_table_new (g_str_hash, g_str_equal);
  batch->recovering = restored_at != NULL &&
                      now_ms - g_ascii_strtoll (restored_at, NULL, 10) <
                      (gint64) SW_PUSH_RESTORE_GRACE_DAYS * 24 * 3600 * 1000;
}

void
_sw_push_batch_clear (SwPushBatch *batch)
{
  g_clear_pointer (&batch->scopes, g_hash_table_unref);
  g_clear_pointer (&batch->batch_ids, g_hash_table_unref);
  g_clear_pointer (&batch->registered, g_hash_table_unref);
  g_clear_pointer (&batch->numbers, g_hash_table_unref);
}

/* The branches an event brings its case to: the registering branch and the
 * branch of every department it names. */
static void
add_event_branches (SwPushBatch *batch,
                    SwCaseEvent *ev,
                    GHashTable  *branches)
{
  if (ev->kind == SW_EVENT_REGISTERED && sw_case_event_get_string (ev, "branch"))
    g_hash_table_add (branches, g_strdup (sw_case_event_get_string (ev, "branch")));
  for (guint i = 0; i < _sw_push_n_department_members; i++)
    {
      const char *code = sw_case_event_get_string (ev, _sw_push_department_members[i]);
      char *branch = code ? batch->lookups->branch_of (batch->engine, code) : NULL;

      if (branch != NULL)
        g_hash_table_add (branches, branch);
    }
}

/* Whether another case has the number this registration gives its case:
 * two devices numbered alike (two databases made before their enrolment,
 * or a device restored from a backup). */
static gboolean
number_taken (SwPushBatch *batch,
              SwCaseEvent *ev)
{
  const char *number = sw_case_event_get_string (ev, "number");

  if (number == NULL)
    return FALSE;
  return g_hash_table_contains (batch->numbers, number) ||
         batch->lookups->number_stored (batch->engine, number, ev->case_id);
}

/* Decides one event; the accepted ones widen their case's scope. */
static SwPushResult *
judge (SwPushBatch         *batch,
       SwServerDevice      *device,
       SwCaseEvent         *ev,
       const SwPushPolicy  *policy)
{
  SwAccessReason writes = sw_access_device_writes (sw_server_device_access (device));
  CaseScope *scope;

  if (writes != SW_ACCESS_OK)
    return _sw_push_result_new (ev, SW_PUSH_REJECTED, SW_PROTOCOL_ERROR_FORBIDDEN,
                                writes == SW_ACCESS_HEAD_OFFICE
                                ? _("A head office's device reads every branch's cases but does not change them")
                                : _("Inspectors read cases but do not change them"));
  if (g_hash_table_contains (batch->batch_ids, ev->id) || batch->lookups->event_stored (batch->engine, ev->id))
    return _sw_push_result_new (ev, SW_PUSH_DUPLICATE, 0, NULL);
  if (policy->max_skew_ms > 0 && ev->hlc_ms > policy->now_ms + policy->max_skew_ms)
    return _sw_push_result_new (ev, SW_PUSH_REJECTED, SW_PROTOCOL_ERROR_CLOCK_SKEW,
                                _("The event is stamped too far in the future; check the device's clock"));

  scope = batch->lookups->load_scope (batch->engine, batch->scopes, ev->case_id);
  if (ev->kind == SW_EVENT_REGISTERED)
    {
      if (scope->exists || g_hash_table_contains (batch->registered, ev->case_id))
        return _sw_push_result_new (ev, SW_PUSH_REJECTED, SW_PROTOCOL_ERROR_INVALID_EVENT,
                                    _("The case is registered already"));
      if (number_taken (batch, ev))
        return _sw_push_result_new (ev, SW_PUSH_REJECTED, SW_PROTOCOL_ERROR_NUMBER_TAKEN,
                                    _("Another case already has this number; the device gives its case a new one"));
    }
  else if (!scope->exists && !g_hash_table_contains (batch->registered, ev->case_id))
    return _sw_push_result_new (ev, SW_PUSH_DEFERRED, SW_PROTOCOL_ERROR_UNKNOWN_CASE,
                                _("The server does not have this case yet"));

  /* A new case may bring itself into the pushing branch's scope; a case the
   * server has only by what is stored. */
  if (!scope->exists)
    add_event_branches (batch, ev, scope->after);
  if (!g_hash_table_contains (scope->after, device->branch_code))
    return batch->recovering
           ? _sw_push_result_new (ev, SW_PUSH_DEFERRED, SW_PROTOCOL_ERROR_NOT_IN_SCOPE,
                                  _("The server, restored from a backup, does not yet have what brings the case to this branch"))
           : _sw_push_result_new (ev, SW_PUSH_REJECTED, SW_PROTOCOL_ERROR_FORBIDDEN,
                                  _("The case belongs to another branch"));
  if (scope->exists)
    add_event_branches (batch, ev, scope->after);
  if (ev->kind == SW_EVENT_REGISTERED)
    {
      g_hash_table_add (batch->registered, ev->case_id);
      if (sw_case_event_get_string (ev, "number"))
        g_hash_table_add (batch->numbers, (gpointer) sw_case_event_get_string (ev, "number"));
    }
  g_hash_table_add (batch->batch_ids, ev->id);
  return _sw_push_result_new (ev, SW_PUSH_OK, 0, NULL);
}

void
_sw_push_judge_all (SwPushBatch         *batch,
                    SwServerDevice      *device,
                    SwPushRequest       *request,
                    const SwPushPolicy  *policy,
                    GPtrArray           *results,
                    GPtrArray           *accepted)
{
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < request->events->len; i++)
      {
        SwCaseEvent *ev = g_ptr_array_index (request->events, i);
        SwPushResult *r;

        if ((ev->kind == SW_EVENT_REGISTERED) != (pass == 0))
          continue;
        r = judge (batch, device, ev, policy);
        if (r->status == SW_PUSH_OK)
          g_ptr_array_add (accepted, ev);
        results->pdata[i] = r;
      }
}
