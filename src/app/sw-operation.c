/* sw-operation.c — the case operations as the app offers them: their table, a runner and a dry run
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sw-error.h"
#include "sw-operation.h"

#define F(t, s, l) { SW_FIELD_##t, SW_SLOT_##s, l }

static const SwOpInfo infos[] = {
  { SW_OP_ANSWER, "answer", N_("Answer on the spot"), N_("Answered and closed"), TRUE,
    { F (LONG_TEXT, TEXT, N_("Answer")) } },
  { SW_OP_NOTIFY, "notify", N_("One-time notification"), N_("Notification recorded"), TRUE,
    { F (LONG_TEXT, TEXT, N_("Every missing material and step")) } },
  { SW_OP_HANDLE, "handle", N_("Take in hand"), N_("Taken in hand"), FALSE,
    { F (SCOPE, NUMBER, N_("Scope")) } },
  { SW_OP_REFER, "refer", N_("Refer to a colleague"), N_("Referred"), FALSE,
    { F (STAFF, STAFF, N_("Colleague")) } },
  { SW_OP_TRANSFER, "transfer", N_("Transfer"), N_("Transferred"), FALSE,
    { F (DEPARTMENT, DEPARTMENT, N_("Department")), F (LONG_TEXT, TEXT, N_("Handover note")) } },
  { SW_OP_ACCEPT, "accept", N_("Accept"), N_("Accepted"), FALSE,
    { F (STAFF, STAFF, N_("Handler")) } },
  { SW_OP_RETURN, "return", N_("Return"), N_("Returned"), FALSE,
    { F (LONG_TEXT, TEXT, N_("Why it is not your department’s")) } },
  { SW_OP_FORWARD, "forward", N_("Forward"), N_("Forwarded"), FALSE,
    { F (DEPARTMENT, DEPARTMENT, N_("Department")), F (LONG_TEXT, TEXT, N_("Whose duty it is")) } },
  { SW_OP_ESCALATE, "escalate", N_("Escalate"), N_("Escalated"), FALSE,
    { F (STAFF, STAFF, N_("Leader")), F (LONG_TEXT, TEXT, N_("Note for the leader")) } },
  { SW_OP_DECIDE, "decide", N_("Decide"), N_("Decision recorded"), FALSE,
    { F (LONG_TEXT, TEXT, N_("Decision")) } },
  { SW_OP_OUTSIDE, "outside", N_("Point to an outside unit"), N_("Pointed to an outside unit"), FALSE,
    { F (TEXT, TEXT, N_("Outside unit")), F (TEXT, TEXT2, N_("Its contact")) } },
  { SW_OP_REFUSE, "refuse", N_("Refuse"), N_("Refused"), TRUE,
    { F (LONG_TEXT, TEXT, N_("Reason")), F (STAFF, STAFF, N_("Signed off by")) } },
  { SW_OP_URGE, "urge", N_("Urge"), N_("Urged"), FALSE,
    { F (TEXT, TEXT, N_("Note")) } },
  { SW_OP_REPLY, "reply", N_("Reply"), N_("Reply recorded"), TRUE,
    { F (LONG_TEXT, TEXT, N_("Reply to the customer")) } },
  { SW_OP_CALLBACK, "callback", N_("Call back"), N_("Callback recorded"), FALSE,
    { F (SATISFACTION, NUMBER, N_("Satisfaction")), F (TEXT, TEXT, N_("Customer’s comment")) } },
  { SW_OP_CALLBACK_CLOSE, "callback-close", N_("Call back and close"), N_("Closed"), FALSE,
    { F (SATISFACTION, NUMBER, N_("Satisfaction")), F (TEXT, TEXT, N_("Customer’s comment")) } },
  { SW_OP_REOPEN, "reopen", N_("Reopen"), N_("Reopened"), FALSE,
    { F (LONG_TEXT, TEXT, N_("Why the customer is not satisfied")) } },
  { SW_OP_CLOSE, "close", N_("Close"), N_("Closed"), FALSE, { { 0 } } },
  { SW_OP_HANDOVER, "handover", N_("Hand over"), N_("Handed over"), FALSE,
    { F (STAFF, STAFF, N_("New handler")), F (STAFF, STAFF2, N_("Approved by")),
      F (STAFF, STAFF3, N_("Witness")) } },
  { SW_OP_NOTE, "note", N_("Add a note"), N_("Note added"), FALSE,
    { F (LONG_TEXT, TEXT, N_("Note")) } },
  { SW_OP_PETITION_ACCEPT, "petition-accept", N_("Accept the petition"), N_("Petition accepted"), FALSE,
    { { 0 } } },
  { SW_OP_PETITION_SPECIAL, "petition-special", N_("Accept as a special petition"),
    N_("Petition accepted as special"), FALSE, { { 0 } } },
  { SW_OP_PETITION_DECLINE, "petition-decline", N_("Do not accept the petition"), N_("Petition not accepted"), TRUE,
    { F (LONG_TEXT, TEXT, N_("Why it is not accepted")) } },
  { SW_OP_HOTLINE_FEEDBACK, "hotline-feedback", N_("Give feedback to the hotline"), N_("Feedback to the hotline recorded"),
    FALSE, { F (LONG_TEXT, TEXT, N_("Feedback to the hotline")) } },
  { SW_OP_COORDINATE, "coordinate", N_("Coordinate several departments"), N_("Multi-department matter set up"),
    FALSE, { F (DEPARTMENT, DEPARTMENT, N_("Lead department")),
             F (TEXT, TEXT, N_("Co-departments (names or codes, separated by commas)")),
             F (STAFF, STAFF, N_("Responsible person in the lead department")) } },
  { SW_OP_CONTRIBUTE, "contribute", N_("Record a co-department’s contribution"), N_("Contribution recorded"),
    FALSE, { F (LONG_TEXT, TEXT, N_("Contribution")) } },
  { SW_OP_PRELIMINARY, "preliminary", N_("Give the preliminary finding"), N_("Preliminary finding recorded"),
    FALSE, { F (LONG_TEXT, TEXT, N_("Preliminary finding")) } },
  { SW_OP_PROGRESS, "progress", N_("Tell the customer the progress"), N_("Progress update recorded"),
    FALSE, { F (LONG_TEXT, TEXT, N_("Progress told to the customer")) } },
  { SW_OP_AGREE_TIME, "agree-time", N_("Agree a time with the customer"), N_("Agreed time recorded"),
    FALSE, { F (DUE, TEXT2, N_("Agreed with the customer for (a day, or a day and time)")),
             F (LONG_TEXT, TEXT, N_("Why the time is agreed with the customer")) } },
};
G_STATIC_ASSERT (G_N_ELEMENTS (infos) == SW_N_OPS);

#undef F

const SwOpInfo *
sw_operation_info (SwOpKind kind)
{
  g_return_val_if_fail ((guint) kind < SW_N_OPS, NULL);
  return &infos[kind];
}

SwOpKind
sw_operation_from_name (const char *name)
{
  for (guint i = 0; i < SW_N_OPS; i++)
    if (g_strcmp0 (infos[i].name, name) == 0)
      return infos[i].kind;
  return SW_OP_NONE;
}

static SwCase *
callback_and_close (SwStore         *store,
                    const char      *actor,
                    const char      *ref,
                    const SwOpInput *in,
                    GError         **error)
{
  g_autoptr(SwCase) called = NULL;
  SwCase *closed;

  if (!sw_store_begin (store, error))
    return NULL;
  if ((called = sw_ops_callback (store, actor, ref, in->number, in->text, error)) == NULL ||
      (closed = sw_ops_close (store, actor, ref, error)) == NULL)
    {
      sw_store_rollback (store);
      return NULL;
    }
  if (!sw_store_commit (store, error))
    {
      g_object_unref (closed);
      return NULL;
    }
  return closed;
}

/* The co-departments typed as names or codes, separated by commas (，、 too):
 * their codes; a name the directory does not know is kept for the core to
 * refuse with its message. */
static char **
department_codes (SwStore    *store,
                  const char *text)
{
  g_auto(GStrv) parts = g_regex_split_simple ("[,，、;；]", text ? text : "", 0, 0);
  g_autoptr(GListModel) departments = sw_store_list_departments (store);
  GPtrArray *codes = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *part = g_strstrip (g_strdup (parts[i]));
      const char *code = part;

      for (guint j = 0; departments != NULL && j < g_list_model_get_n_items (departments); j++)
        {
          g_autoptr(SwDepartment) d = g_list_model_get_item (departments, j);

          if (g_strcmp0 (sw_department_get_name (d), part) == 0)
            code = sw_department_get_code (d);
        }
      if (*code != '\0')
        g_ptr_array_add (codes, g_strdup (code));
    }
  g_ptr_array_add (codes, NULL);
  return (char **) g_ptr_array_free (codes, FALSE);
}

SwCase *
sw_operation_run (SwOpKind         kind,
                  SwStore         *store,
                  const char      *actor,
                  const char      *ref,
                  const SwOpInput *in,
                  GError         **error)
{
  switch (kind)
    {
    case SW_OP_ANSWER:   return sw_ops_answer (store, actor, ref, in->text, error);
    case SW_OP_NOTIFY:   return sw_ops_notify (store, actor, ref, in->text, error);
    case SW_OP_HANDLE:   return sw_ops_handle (store, actor, ref, (SwScope) in->number, error);
    case SW_OP_REFER:    return sw_ops_refer (store, actor, ref, in->staff, error);
    case SW_OP_TRANSFER: return sw_ops_transfer (store, actor, ref, in->department, in->text, error);
    case SW_OP_ACCEPT:   return sw_ops_accept (store, actor, ref, in->staff, error);
    case SW_OP_RETURN:   return sw_ops_return (store, actor, ref, in->text, error);
    case SW_OP_FORWARD:  return sw_ops_forward (store, actor, ref, in->department, in->text, error);
    case SW_OP_ESCALATE: return sw_ops_escalate (store, actor, ref, in->staff, in->text, error);
    case SW_OP_DECIDE:   return sw_ops_decide (store, actor, ref, in->text, error);
    case SW_OP_OUTSIDE:  return sw_ops_outside (store, actor, ref, in->text, in->text2, error);
    case SW_OP_REFUSE:   return sw_ops_refuse (store, actor, ref, in->text, in->staff, error);
    case SW_OP_URGE:     return sw_ops_urge (store, actor, ref, in->text, error);
    case SW_OP_REPLY:    return sw_ops_reply (store, actor, ref, in->text, error);
    case SW_OP_CALLBACK: return sw_ops_callback (store, actor, ref, in->number, in->text, error);
    case SW_OP_CALLBACK_CLOSE: return callback_and_close (store, actor, ref, in, error);
    case SW_OP_REOPEN:   return sw_ops_reopen (store, actor, ref, in->text, error);
    case SW_OP_CLOSE:    return sw_ops_close (store, actor, ref, error);
    case SW_OP_HANDOVER: return sw_ops_handover (store, actor, ref, in->staff, in->staff2, in->staff3, error);
    case SW_OP_NOTE:     return sw_ops_note (store, actor, ref, in->text, error);
    case SW_OP_PETITION_ACCEPT:  return sw_ops_decide_petition (store, actor, ref, TRUE, FALSE, NULL, error);
    case SW_OP_PETITION_SPECIAL: return sw_ops_decide_petition (store, actor, ref, TRUE, TRUE, NULL, error);
    case SW_OP_PETITION_DECLINE: return sw_ops_decide_petition (store, actor, ref, FALSE, FALSE, in->text, error);
    case SW_OP_HOTLINE_FEEDBACK: return sw_ops_hotline_feedback (store, actor, ref, in->text, error);
    case SW_OP_COORDINATE:
      {
        g_auto(GStrv) codes = department_codes (store, in->text);
        return sw_ops_coordinate (store, actor, ref, in->department, in->staff,
                                  (const char * const *) codes, error);
      }
    case SW_OP_CONTRIBUTE:  return sw_ops_contribute (store, actor, ref, NULL, in->text, error);
    case SW_OP_PRELIMINARY: return sw_ops_preliminary_finding (store, actor, ref, in->text, error);
    case SW_OP_PROGRESS:    return sw_ops_progress (store, actor, ref, in->text, error);
    case SW_OP_AGREE_TIME:
      if (in->when < 0)
        {
          g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
                       _("“%s” is not a date; write it like 2026-12-20 or 2026-12-20 15:00"), in->text2);
          return NULL;
        }
      return sw_ops_agree_time (store, actor, ref, in->when, in->text, error);
    case SW_OP_NONE:
    case SW_N_OPS:
    default:
      break;
    }
  g_set_error_literal (error, SW_ERROR, SW_ERROR_INVALID, _("Unknown operation"));
  return NULL;
}

gboolean
sw_operation_check (SwOpKind     kind,
                    SwStore     *store,
                    const char  *actor,
                    const char  *ref,
                    GError     **error)
{
  /* Stand-ins that pass the input checks the core makes before the state and
   * role checks; inputs it checks later only fail with SW_ERROR_INVALID. */
  const SwOpInput stand_in = {
    .text = "-", .text2 = "-", .number = kind == SW_OP_HANDLE ? SW_SCOPE_DEPARTMENT : 5,
  };
  g_autoptr(GError) local = NULL;
  g_autoptr(SwCase) result = NULL;

  if (!sw_store_begin (store, error))
    return FALSE;
  result = sw_operation_run (kind, store, actor, ref, &stand_in, &local);
  sw_store_rollback (store);
  if (local != NULL &&
      (g_error_matches (local, SW_ERROR, SW_ERROR_ILLEGAL) ||
       g_error_matches (local, SW_ERROR, SW_ERROR_FORBIDDEN) ||
       g_error_matches (local, SW_ERROR, SW_ERROR_NOT_FOUND)))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return TRUE;
}
