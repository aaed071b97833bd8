/* sw-fold.c — the case row folded from its events, deterministically
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "sw-fields.h"
#include "sw-fold.h"
#include "sw-lifecycle.h"
#include "sw-models-private.h"

static const char *
str (SwCaseEvent *ev,
     const char  *member)
{
  return sw_case_event_get_string (ev, member);
}

static void
apply_deadlines (SwCase      *row,
                 SwCaseEvent *ev)
{
  if (sw_case_event_has (ev, "due_at"))
    {
      row->due_at = sw_case_event_get_int (ev, "due_at");
      row->due_rule = g_intern_string (str (ev, "due_rule"));
    }
  if (sw_case_event_has (ev, "promised_at"))
    {
      row->promised_at = sw_case_event_get_int (ev, "promised_at");
      row->promised_rule = g_intern_string (str (ev, "promised_rule"));
    }
}

static void
close_row (SwCase       *row,
           SwCaseEvent  *ev,
           SwResolution  resolution)
{
  row->resolution = resolution;
  row->closed_at = ev->at;
  row->target_department = g_intern_string (NULL);
}

static void
apply_registered (SwCase      *row,
                  SwCaseEvent *ev)
{
  int channel = sw_channel_from_string (str (ev, "channel"));
  int kind = sw_kind_from_string (str (ev, "kind"));

  sw_set_str (&row->id, ev->case_id);
  sw_set_str (&row->number, str (ev, "number"));
  row->branch_code = g_intern_string (str (ev, "branch"));
  row->channel = MAX (channel, 0);
  row->kind = MAX (kind, 0);
  sw_set_str (&row->content, str (ev, "content"));
  row->anonymous = sw_case_event_get_int (ev, "anonymous") != 0;
  row->signature = sw_case_event_get_int (ev, "signature") != 0;
  row->received_at = sw_case_event_get_int (ev, "received_at");
  row->owner = g_intern_string (str (ev, "owner"));
  row->owner_department = g_intern_string (str (ev, "owner_department"));
  row->handler = g_intern_string (row->owner);
  row->handler_department = g_intern_string (row->owner_department);
  row->policy_version = (int) sw_case_event_get_int (ev, "policy_version");
  row->resolution = SW_RESOLUTION_NONE;
}

/* The statutory limits (sw-lifecycle.c): started by a "<code>_due" member,
 * met by the first event of a kind that meets it. */
static void
apply_limits (SwCase      *row,
              SwCaseEvent *ev)
{
  for (int k = 0; k < SW_N_LIMITS; k++)
    {
      const SwStatutoryLimit *l = sw_lifecycle_limit (k);

      if (sw_case_event_has (ev, l->due_member))
        {
          row->deadline_due[k] = sw_case_event_get_int (ev, l->due_member);
          row->deadline_met[k] = 0;
          sw_set_str (&row->deadline_event[k], ev->id);
        }
      else if (row->deadline_due[k] > 0 && row->deadline_met[k] == 0 &&
               (l->meets & SW_LIFECYCLE_EVENT (ev->kind)))
        row->deadline_met[k] = ev->at;
    }
}

void
sw_case_apply (SwCase      *row,
               SwCaseEvent *ev)
{
  switch ((SwEventKind) ev->kind)
    {
    case SW_EVENT_REGISTERED:
      apply_registered (row, ev);
      break;

    case SW_EVENT_ANSWERED:
      row->replied_at = ev->at;
      close_row (row, ev, SW_RESOLUTION_ANSWERED);
      break;

    case SW_EVENT_REFERRED:
      row->handler = g_intern_string (str (ev, "handler"));
      row->queued = sw_case_event_get_int (ev, "queued") != 0;
      break;

    case SW_EVENT_TRANSFERRED:
      row->target_department = g_intern_string (str (ev, "to_department"));
      row->transferred_by = g_intern_string (ev->actor);
      break;

    case SW_EVENT_ACCEPTED:
      row->handler = g_intern_string (str (ev, "handler"));
      row->handler_department = g_intern_string (str (ev, "department"));
      row->target_department = g_intern_string (NULL);
      row->queued = FALSE;
      break;

    case SW_EVENT_RETURNED:
      row->return_count++;
      row->handler = g_intern_string (str (ev, "handler"));
      row->handler_department = g_intern_string (str (ev, "handler_department"));
      row->target_department = g_intern_string (NULL);
      break;

    case SW_EVENT_FORWARDED:
      row->forward_count++;
      row->target_department = g_intern_string (str (ev, "to_department"));
      break;

    case SW_EVENT_ESCALATED:
      row->escalated_to = g_intern_string (str (ev, "to"));
      break;

    case SW_EVENT_OUTSIDE:
      close_row (row, ev, SW_RESOLUTION_OUTSIDE);
      break;

    case SW_EVENT_REFUSED:
      close_row (row, ev, SW_RESOLUTION_REFUSED);
      break;

    case SW_EVENT_URGED:
      row->urge_count++;
      break;

    case SW_EVENT_REPLIED:
      row->replied_at = ev->at;
      break;

    case SW_EVENT_CALLBACK:
      row->satisfaction = CLAMP ((int) sw_case_event_get_int (ev, "satisfaction"), 0, 5);
      row->callback_at = ev->at;
      break;

    case SW_EVENT_REOPENED:
      row->reopen_count++;
      row->resolution = SW_RESOLUTION_NONE;
      row->closed_at = 0;
      row->replied_at = 0;
      row->callback_at = 0;
      row->satisfaction = 0;
      break;

    case SW_EVENT_CLOSED:
      close_row (row, ev, row->replied_at ? SW_RESOLUTION_REPLIED : SW_RESOLUTION_NONE);
      break;

    case SW_EVENT_HANDOVER:
      row->handler = g_intern_string (str (ev, "to"));
      row->handler_department = g_intern_string (str (ev, "to_department"));
      row->queued = FALSE;
      break;

    case SW_EVENT_AMENDED:
      if (sw_case_event_has (ev, "content"))
        sw_set_str (&row->content, str (ev, "content"));
      break;

    case SW_EVENT_PETITION_NOT_ACCEPTED:
      close_row (row, ev, SW_RESOLUTION_REFUSED);
      break;

    case SW_EVENT_COORDINATED:
      /* the lead department (主办) and its responsible person handle it */
      row->handler = g_intern_string (str (ev, "handler"));
      row->handler_department = g_intern_string (str (ev, "department"));
      sw_set_str (&row->co_departments, str (ev, "co_departments"));
      row->queued = FALSE;
      break;

    case SW_EVENT_NOTIFIED:
    case SW_EVENT_HANDLING:
    case SW_EVENT_DECIDED:
    case SW_EVENT_PETITION_ACCEPTED:
    case SW_EVENT_HOTLINE_FEEDBACK:
    case SW_EVENT_CONTRIBUTED:
    case SW_EVENT_PRELIMINARY_FINDING:
    case SW_EVENT_PROMISE_AGREED: /* its promised_at, below */
    case SW_EVENT_PROGRESS:
    case SW_EVENT_PURGED:   /* the contact is erased by the store (case_contacts) */
    case SW_EVENT_ATTACHMENT_ADDED: /* the store lists it (case_attachments) */
    case SW_EVENT_ATTACHMENT_REMOVED:
    case SW_EVENT_NOTE:
    case SW_N_EVENTS:
    default:
      break;
    }

  /* The state and the deadlines as the lifecycle table has them. */
  apply_limits (row, ev);
  row->state = sw_lifecycle_next_state (row->state, (SwEventKind) ev->kind);
  if (sw_lifecycle_stops_due ((SwEventKind) ev->kind))
    {
      row->due_at = 0;
      row->due_rule = g_intern_string (NULL);
    }
  if (row->state != SW_STATE_CLOSED)
    apply_deadlines (row, ev);
  row->event_count++;
  row->updated_at = ev->at;
  sw_set_str (&row->last_event_id, ev->id);
}
