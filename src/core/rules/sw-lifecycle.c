/* sw-lifecycle.c — the table of the case's lifecycle (see sw-lifecycle.h):
 * domain.md §5 (the dispositions), §6–§7 (the limits)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sw-lifecycle.h"

#define S(x) SW_LIFECYCLE_STATE (SW_STATE_##x)
#define E(x) SW_LIFECYCLE_EVENT (SW_EVENT_##x)
#define KEEP SW_LIFECYCLE_KEEP
#define DISPOSABLE (S (REGISTERED) | S (IN_PROGRESS))
#define PETITION_OPEN (S (REGISTERED) | S (TRANSFERRED) | S (IN_PROGRESS) | S (ESCALATED))
/* a multi-department matter being worked on (its lead may escalate it) */
#define COORDINATING (S (IN_PROGRESS) | S (ESCALATED))

#define AT_EVENT(key) { key, SW_START_AT_EVENT }
#define AT_RECEIPT(key) { key, SW_START_AT_RECEIPT }

/* In SwEventKind order. */
static const SwLifecycleEvent events[] = {
  { SW_EVENT_REGISTERED,  SW_LIFECYCLE_ANY,  SW_STATE_REGISTERED,  SW_ACCESS_REGISTER, FALSE,
    { AT_RECEIPT ("limit.transfer_hours") } },
  { SW_EVENT_ANSWERED,    S (REGISTERED),    SW_STATE_CLOSED,      SW_ACCESS_ANSWER,   TRUE, { { NULL } } },
  { SW_EVENT_NOTIFIED,    DISPOSABLE,        SW_STATE_IN_PROGRESS, SW_ACCESS_NOTIFY,   FALSE,
    { AT_EVENT ("limit.department_days") } },
  /* by the matter's scope (SwScope order): own authority, the department's,
   * another department or a branch leader, a meeting */
  { SW_EVENT_HANDLING,    S (REGISTERED),    SW_STATE_IN_PROGRESS, SW_ACCESS_HANDLE,   FALSE,
    { AT_RECEIPT ("limit.own_authority_days"), AT_RECEIPT ("limit.department_days"),
      AT_RECEIPT ("limit.branch_leader_days"), AT_RECEIPT ("limit.meeting_days") } },
  { SW_EVENT_REFERRED,    DISPOSABLE,        SW_STATE_IN_PROGRESS, SW_ACCESS_REFER,    FALSE,
    { AT_RECEIPT ("limit.department_days") } },
  /* the receiving department's acceptance (the promise, when the case has
   * none yet, is limit.branch_leader_days from the receipt: sw-ops-transfer.c) */
  { SW_EVENT_TRANSFERRED, DISPOSABLE,        SW_STATE_TRANSFERRED, SW_ACCESS_TRANSFER, FALSE,
    { AT_EVENT ("limit.accept_hours") } },
  { SW_EVENT_ACCEPTED,    S (TRANSFERRED),   SW_STATE_IN_PROGRESS, SW_ACCESS_ACCEPT,   FALSE,
    { AT_EVENT ("limit.receiving_reply_days") } },
  { SW_EVENT_RETURNED,    S (TRANSFERRED),   SW_STATE_REGISTERED,  SW_ACCESS_RETURN,   FALSE,
    { AT_EVENT ("limit.transfer_hours") } },
  { SW_EVENT_FORWARDED,   S (TRANSFERRED),   SW_STATE_TRANSFERRED, SW_ACCESS_FORWARD,  FALSE,
    { AT_EVENT ("limit.accept_hours") } },
  { SW_EVENT_ESCALATED,   DISPOSABLE,        SW_STATE_ESCALATED,   SW_ACCESS_ESCALATE, FALSE,
    { AT_RECEIPT ("limit.branch_leader_days") } },
  { SW_EVENT_DECIDED,     S (ESCALATED),     SW_STATE_IN_PROGRESS, SW_ACCESS_DECIDE,   FALSE, { { NULL } } },
  { SW_EVENT_OUTSIDE,     DISPOSABLE,        SW_STATE_CLOSED,      SW_ACCESS_OUTSIDE,  TRUE, { { NULL } } },
  { SW_EVENT_REFUSED,     DISPOSABLE,        SW_STATE_CLOSED,      SW_ACCESS_REFUSE,   TRUE, { { NULL } } },
  { SW_EVENT_URGED,       SW_LIFECYCLE_OPEN, KEEP,                 SW_ACCESS_URGE,     FALSE, { { NULL } } },
  { SW_EVENT_REPLIED,     S (IN_PROGRESS),   SW_STATE_REPLIED,     SW_ACCESS_REPLY,    FALSE,
    { AT_EVENT ("limit.callback_days") } },
  { SW_EVENT_CALLBACK,    S (REPLIED),       KEEP,                 SW_ACCESS_CALLBACK, TRUE, { { NULL } } },
  { SW_EVENT_REOPENED,    S (REPLIED) | S (CLOSED), SW_STATE_IN_PROGRESS, SW_ACCESS_REOPEN, FALSE,
    { AT_EVENT ("limit.department_days") } },
  /* an anonymous case closes from in progress, another after its callback */
  { SW_EVENT_CLOSED,      S (IN_PROGRESS) | S (REPLIED), SW_STATE_CLOSED, SW_ACCESS_CLOSE, TRUE, { { NULL } } },
  { SW_EVENT_HANDOVER,    S (REGISTERED) | S (IN_PROGRESS) | S (ESCALATED) | S (REPLIED), KEEP,
    SW_ACCESS_HANDOVER, FALSE, { { NULL } } },
  { SW_EVENT_NOTE,        SW_LIFECYCLE_ANY,  KEEP,                 SW_ACCESS_NOTE,     FALSE, { { NULL } } },
  { SW_EVENT_AMENDED,     SW_LIFECYCLE_ANY,  KEEP,                 -1,                 FALSE, { { NULL } } },
  { SW_EVENT_PURGED,      SW_LIFECYCLE_ANY,  KEEP,                 -1,                 FALSE, { { NULL } } },
  { SW_EVENT_ATTACHMENT_ADDED, SW_LIFECYCLE_ANY, KEEP,              SW_ACCESS_ATTACH,   FALSE, { { NULL } } },
  /* seed 000 (九): a petition is accepted or not before it is answered; who
   * may take a case in hand decides */
  { SW_EVENT_PETITION_ACCEPTED, PETITION_OPEN, KEEP,                SW_ACCESS_HANDLE,   FALSE, { { NULL } } },
  { SW_EVENT_PETITION_NOT_ACCEPTED, PETITION_OPEN, SW_STATE_CLOSED, SW_ACCESS_HANDLE,   TRUE, { { NULL } } },
  /* seed 000 七: "接到客服热线派单后…在规定时限内反馈": whoever may take the
   * case in hand reports to the hotline, while it is open or after */
  { SW_EVENT_HOTLINE_FEEDBACK, SW_LIFECYCLE_ANY, KEEP,              SW_ACCESS_HANDLE,   FALSE, { { NULL } } },
  /* issue 17: a file taken off the case (sw_access_remove_attachment) */
  { SW_EVENT_ATTACHMENT_REMOVED, SW_LIFECYCLE_ANY, KEEP,            SW_ACCESS_DETACH,   FALSE, { { NULL } } },
  /* seed 002 三 2–3: "对于需要多部门协作…的问题,相关部门应当设立统一的协调机制…明确工作
   * 责任": whoever has the case in hand makes it a multi-department matter,
   * its lead department (主办) handling it with co-departments (协办); the
   * lead's preliminary finding is a statutory limit (below) */
  { SW_EVENT_COORDINATED, DISPOSABLE,        SW_STATE_IN_PROGRESS, SW_ACCESS_HANDLE,   FALSE,
    { AT_EVENT ("limit.multi_department_days") } },
  /* each co-department's part, while the matter is open */
  { SW_EVENT_CONTRIBUTED, COORDINATING,      KEEP,                 SW_ACCESS_CONTRIBUTE, FALSE, { { NULL } } },
  /* "五个工作日内完成初步核查,形成初步结论并予以回复": by the lead department */
  { SW_EVENT_PRELIMINARY_FINDING, COORDINATING, KEEP,              SW_ACCESS_HANDLE,   FALSE, { { NULL } } },
  /* seed 003 三 4: "对手续不完整的业务…约定时间给予办理": a time agreed with
   * the customer replaces the promise, before the reply, with its reason */
  { SW_EVENT_PROMISE_AGREED, PETITION_OPEN,  KEEP,                 SW_ACCESS_HANDLE,   FALSE, { { NULL } } },
  /* seed 001 (诚成) 4.2: "如需要较长时间办理的事项,应先向服务对象说明完成期限,并阶段性反馈
   * 处理结果": who may call the customer back tells them the progress */
  { SW_EVENT_PROGRESS,    PETITION_OPEN,     KEEP,                 SW_ACCESS_CALLBACK, FALSE, { { NULL } } },
};
G_STATIC_ASSERT (G_N_ELEMENTS (events) == SW_N_EVENTS);

/* The deadlines a case's row runs, and the promise. */
static const SwLifecycleDeadline deadlines[] = {
  /* domain §6: a case the first-inquiry person cannot handle is transferred
   * within limit.transfer_hours working hours of its registration */
  { "limit.transfer_hours", SW_LIMIT_WORKING_HOURS, S (REGISTERED), E (TRANSFERRED),
    "late_transfer", SW_ACCOUNTABLE_HANDLER, FALSE, SW_DEADLINE_DISPOSE },
  /* the receiving department accepts (or returns, or forwards) within
   * limit.accept_hours working hours */
  { "limit.accept_hours", SW_LIMIT_WORKING_HOURS, S (TRANSFERRED), E (ACCEPTED) | E (RETURNED) | E (FORWARDED),
    "late_accept", SW_ACCOUNTABLE_RECEIVING, FALSE, SW_DEADLINE_ACCEPT },
  /* the reply by the time promised to the customer */
  { SW_LIFECYCLE_PROMISE, SW_LIMIT_WORKING_DAYS,
    S (REGISTERED) | S (TRANSFERRED) | S (IN_PROGRESS) | S (ESCALATED), E (REPLIED),
    "reply_overdue", SW_ACCOUNTABLE_HANDLER, FALSE, SW_DEADLINE_REPLY },
  /* the customer is called back within limit.callback_days of the reply */
  { "limit.callback_days", SW_LIMIT_WORKING_DAYS, S (REPLIED), E (CALLBACK),
    "no_callback", SW_ACCOUNTABLE_OWNER, TRUE, SW_DEADLINE_CALLBACK },
};

const SwLifecycleEvent *
sw_lifecycle_event (SwEventKind kind)
{
  return (guint) kind < SW_N_EVENTS ? &events[kind] : NULL;
}

SwState
sw_lifecycle_next_state (SwState     from,
                         SwEventKind kind)
{
  const SwLifecycleEvent *e = sw_lifecycle_event (kind);

  return e == NULL || e->next == KEEP ? from : e->next;
}

gboolean
sw_lifecycle_allows (SwState     from,
                     SwEventKind kind)
{
  const SwLifecycleEvent *e = sw_lifecycle_event (kind);

  return e != NULL && (guint) from < SW_N_STATES && (e->from & SW_LIFECYCLE_STATE (from)) != 0;
}

const SwLifecycleStart *
sw_lifecycle_start (SwEventKind kind,
                    guint       variant)
{
  const SwLifecycleEvent *e = sw_lifecycle_event (kind);

  for (guint i = 0; e != NULL && i < G_N_ELEMENTS (e->starts) && e->starts[i].policy_key != NULL; i++)
    if (i == variant)
      return &e->starts[i];
  return NULL;
}

gint64
sw_lifecycle_start_due (const SwLifecycleStart *start,
                        SwPolicy               *policy,
                        SwCalendar             *calendar,
                        gint64                  received,
                        gint64                  at)
{
  gint64 from = start->at == SW_START_AT_RECEIPT ? received : at;
  int value = sw_policy_get_int (policy, start->policy_key);

  switch (sw_lifecycle_unit (start->policy_key))
    {
    case SW_LIMIT_HOURS:
      return from + (gint64) value * 3600 * 1000;
    case SW_LIMIT_WORKING_HOURS:
      return sw_calendar_add_working_hours (calendar, from, value);
    case SW_LIMIT_WORKING_DAYS:
    default:
      return sw_calendar_add_working_days (calendar, from, value);
    }
}

gboolean
sw_lifecycle_stops_due (SwEventKind kind)
{
  const SwLifecycleEvent *e = sw_lifecycle_event (kind);

  return e != NULL && e->stops_due;
}

const SwLifecycleDeadline *
sw_lifecycle_deadlines (guint *n)
{
  *n = G_N_ELEMENTS (deadlines);
  return deadlines;
}

const SwLifecycleDeadline *
sw_lifecycle_deadline_for (const char *policy_key)
{
  for (guint i = 0; policy_key != NULL && i < G_N_ELEMENTS (deadlines); i++)
    if (strcmp (deadlines[i].policy_key, policy_key) == 0)
      return &deadlines[i];
  return NULL;
}

const SwLifecycleDeadline *
sw_lifecycle_running (SwState     state,
                      const char *rule)
{
  const SwLifecycleDeadline *d = sw_lifecycle_deadline_for (rule);

  return d != NULL && (guint) state < SW_N_STATES && (d->runs & SW_LIFECYCLE_STATE (state)) ? d : NULL;
}

const SwLifecycleDeadline *
sw_lifecycle_met_by (SwState     state,
                     const char *rule,
                     SwEventKind kind)
{
  const SwLifecycleDeadline *d = sw_lifecycle_running (state, rule);

  return d != NULL && (guint) kind < SW_N_EVENTS && (d->meets & SW_LIFECYCLE_EVENT (kind)) ? d : NULL;
}

SwLimitUnit
sw_lifecycle_unit (const char *policy_key)
{
  const SwLifecycleDeadline *d = sw_lifecycle_deadline_for (policy_key);

  if (d != NULL)
    return d->unit;
  return policy_key != NULL && g_str_has_suffix (policy_key, "_hours") ? SW_LIMIT_WORKING_HOURS
                                                                      : SW_LIMIT_WORKING_DAYS;
}

/* What answers the customer for the first time: any disposition, a reply,
 * a progress update. */
#define FIRST_RESPONSES                                                                    \
  (E (ANSWERED) | E (NOTIFIED) | E (HANDLING) | E (REFERRED) | E (TRANSFERRED) | E (ESCALATED) | \
   E (OUTSIDE) | E (REFUSED) | E (REPLIED) | E (CLOSED) | E (PETITION_ACCEPTED) |              \
   E (PETITION_NOT_ACCEPTED) | E (COORDINATED))
/* What ends a complaint's handling with an answer. */
#define CONCLUSIONS (E (ANSWERED) | E (OUTSIDE) | E (REFUSED) | E (REPLIED) | E (CLOSED))
/* The decision on a petition, either way. */
#define PETITION_DECISIONS (E (PETITION_ACCEPTED) | E (PETITION_NOT_ACCEPTED))

static const SwStatutoryLimit limits[] = {
  /* seed 002: "工作人员应当在收到问题后的24小时内做出回应" */
  { SW_LIMIT_FIRST_RESPONSE, "first_response", "first_response_due", "limit.first_response_hours",
    SW_LIMIT_HOURS, FIRST_RESPONSES, "late_first_response", SW_ACCOUNTABLE_OWNER,
    SW_DEADLINE_FIRST_RESPONSE },
  /* seed 000 (八): "对举报,投诉,5个工作日内立案": a complaint is filed when a
   * department takes it in hand (or it is concluded at once) */
  { SW_LIMIT_COMPLAINT_FILE, "complaint_file", "complaint_file_due", "limit.complaint_file_days",
    SW_LIMIT_WORKING_DAYS, E (HANDLING) | E (ACCEPTED) | E (REFERRED) | E (DECIDED) | E (COORDINATED) | CONCLUSIONS,
    "late_complaint_file", SW_ACCOUNTABLE_HANDLER, SW_DEADLINE_COMPLAINT_FILE },
  /* seed 000 (八): "一般安排60个工作日结案" */
  { SW_LIMIT_COMPLAINT_CLOSE, "complaint_close", "complaint_close_due", "limit.complaint_close_days",
    SW_LIMIT_WORKING_DAYS, CONCLUSIONS, "late_complaint_close", SW_ACCOUNTABLE_HANDLER,
    SW_DEADLINE_COMPLAINT_CLOSE },
  /* seed 000 (九): "社会保障信访件,7个工作日内作出受理与否决定" */
  { SW_LIMIT_PETITION_DECIDE, "petition_decide", "petition_decide_due", "limit.petition_accept_days",
    SW_LIMIT_WORKING_DAYS, PETITION_DECISIONS, "late_petition_decide", SW_ACCOUNTABLE_HANDLER,
    SW_DEADLINE_PETITION_DECIDE },
  /* seed 000 (九): "一般信访件30个工作日内办结,特殊的不超过60个工作日办结": the
   * general limit from the receipt; accepting it as special moves it to
   * limit.petition_special_days (sw_ops_decide_petition) */
  { SW_LIMIT_PETITION_CLOSE, "petition_close", "petition_close_due", "limit.petition_general_days",
    SW_LIMIT_WORKING_DAYS, CONCLUSIONS | E (PETITION_NOT_ACCEPTED), "late_petition_close",
    SW_ACCOUNTABLE_HANDLER, SW_DEADLINE_PETITION_CLOSE },
  /* seed 002: "上级机关和部门转办、批办、交办的事项,一般在____日内办理完结,并上报办理
   *结果": by the date the assignment gives, else limit.assigned_days
   * (the seed leaves the number blank) */
  { SW_LIMIT_ASSIGNED, "assigned", "assigned_due", "limit.assigned_days",
    SW_LIMIT_WORKING_DAYS, CONCLUSIONS, "late_assigned", SW_ACCOUNTABLE_HANDLER,
    SW_DEADLINE_ASSIGNED },
  /* seed 000 七: "接到客服热线派单后,不得以任何理由推脱,应认真办理,在规定时限内
   * 反馈": by the date the dispatch gives, else limit.hotline_feedback_days */
  { SW_LIMIT_HOTLINE_FEEDBACK, "hotline_feedback", "hotline_feedback_due", "limit.hotline_feedback_days",
    SW_LIMIT_WORKING_DAYS, E (HOTLINE_FEEDBACK), "late_hotline_feedback", SW_ACCOUNTABLE_HANDLER,
    SW_DEADLINE_HOTLINE_FEEDBACK },
  /* seed 002 三 2: "对于需要多部门协作…的问题…相关部门应在接到问题后的五个工作日内完成
   * 初步核查,形成初步结论并予以回复": from the moment the departments receive
   * it as a multi-department matter (the coordinated event), against the
   * lead department and its responsible person (the handler it names) */
  { SW_LIMIT_MULTI_DEPARTMENT, "multi_department", "multi_department_due", "limit.multi_department_days",
    SW_LIMIT_WORKING_DAYS, E (PRELIMINARY_FINDING), "late_preliminary_finding", SW_ACCOUNTABLE_HANDLER,
    SW_DEADLINE_PRELIMINARY },
};
G_STATIC_ASSERT (G_N_ELEMENTS (limits) == SW_N_LIMITS);

const SwStatutoryLimit *
sw_lifecycle_limit (SwLimitKind kind)
{
  return (guint) kind < SW_N_LIMITS ? &limits[kind] : NULL;
}

int
sw_lifecycle_limit_from_code (const char *code)
{
  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (limits); i++)
    if (strcmp (limits[i].code, code) == 0)
      return (int) i;
  return -1;
}

const char *
sw_limit_kind_label (SwLimitKind kind)
{
  static const char * const labels[] = {
    N_("First response"), N_("Complaint filing"), N_("Complaint closing"),
    N_("Petition decision"), N_("Petition closing"), N_("Assignment due"),
    N_("Feedback to the hotline"), N_("Preliminary finding"),
  };
  G_STATIC_ASSERT (G_N_ELEMENTS (labels) == SW_N_LIMITS);
  return (guint) kind < SW_N_LIMITS ? _(labels[kind]) : "";
}

gboolean
sw_lifecycle_limit_applies (SwLimitKind kind,
                            SwKind         case_kind,
                            gboolean       anonymous,
                            gboolean       petition,
                            SwChannel      channel)
{
  switch (kind)
    {
    case SW_LIMIT_FIRST_RESPONSE:
      /* domain §5: anonymous requests need no feedback */
      return !anonymous;
    case SW_LIMIT_COMPLAINT_FILE:
    case SW_LIMIT_COMPLAINT_CLOSE:
      /* seed 000: "对举报,投诉" — tip-offs and complaints */
      return case_kind == SW_KIND_COMPLAINT || case_kind == SW_KIND_TIPOFF;
    case SW_LIMIT_PETITION_DECIDE:
    case SW_LIMIT_PETITION_CLOSE:
      /* seed 000 (九): petitions (信访件), signed or not */
      return petition;
    case SW_LIMIT_ASSIGNED:
      /* seed 002: "上级机关和部门…交办的事项" */
      return channel == SW_CHANNEL_SUPERIOR;
    case SW_LIMIT_HOTLINE_FEEDBACK:
      /* seed 000 七: "客服热线派单" */
      return channel == SW_CHANNEL_HOTLINE;
    case SW_LIMIT_MULTI_DEPARTMENT:
      /* owed from the coordinated event (sw_ops_coordinate), never from
       * the registration: a single-department case has no such deadline */
      return FALSE;
    case SW_N_LIMITS:
    default:
      return FALSE;
    }
}

gint64
sw_lifecycle_limit_due (SwPolicy       *policy,
                        SwCalendar     *calendar,
                        SwLimitKind  kind,
                        gint64          from)
{
  const SwStatutoryLimit *l = sw_lifecycle_limit (kind);
  int value;

  if (l == NULL)
    return 0;
  value = sw_policy_get_int (policy, l->policy_key);
  switch (l->unit)
    {
    case SW_LIMIT_HOURS:
      return from + (gint64) value * 3600 * 1000;
    case SW_LIMIT_WORKING_HOURS:
      return sw_calendar_add_working_hours (calendar, from, value);
    case SW_LIMIT_WORKING_DAYS:
    default:
      return sw_calendar_add_working_days (calendar, from, value);
    }
}

/* What a state waits for whatever its deadline's rule; SW_DEADLINE_NONE:
 * the rule says. */
static const SwDeadlineKind state_waits[SW_N_STATES] = {
  [SW_STATE_REGISTERED] = SW_DEADLINE_NONE,
  [SW_STATE_TRANSFERRED] = SW_DEADLINE_ACCEPT,
  [SW_STATE_IN_PROGRESS] = SW_DEADLINE_NONE,
  [SW_STATE_ESCALATED] = SW_DEADLINE_DECISION,
  [SW_STATE_REPLIED] = SW_DEADLINE_CALLBACK,
  [SW_STATE_CLOSED] = SW_DEADLINE_NONE,
};

SwDeadlineKind
sw_lifecycle_waits (SwState     state,
                    const char *rule)
{
  const SwLifecycleDeadline *d;

  if ((guint) state >= SW_N_STATES || state == SW_STATE_CLOSED)
    return SW_DEADLINE_NONE;
  if (state_waits[state] != SW_DEADLINE_NONE)
    return state_waits[state];
  /* the promise's rule is the policy key that set it, not "promise" */
  if ((d = sw_lifecycle_deadline_for (rule)) != NULL && g_strcmp0 (rule, SW_LIFECYCLE_PROMISE) != 0)
    return d->waits;
  for (guint i = 0; rule != NULL && i < G_N_ELEMENTS (limits); i++)
    if (strcmp (limits[i].policy_key, rule) == 0 || strcmp (limits[i].code, rule) == 0)
      return limits[i].waits;
  return SW_DEADLINE_REPLY;
}

gboolean
sw_case_next_deadline (SwCase      *c,
                       const char **rule,
                       gint64      *due)
{
  SwState state = sw_case_get_state (c);
  const char *best_rule = NULL;
  gint64 best = 0;

  if (state == SW_STATE_CLOSED)
    goto out;
  if (sw_case_get_due_at (c) > 0)
    {
      best = sw_case_get_due_at (c);
      best_rule = sw_case_get_due_rule (c);
    }
  if (sw_case_get_promised_at (c) > 0 && sw_lifecycle_running (state, SW_LIFECYCLE_PROMISE) &&
      (best == 0 || sw_case_get_promised_at (c) < best))
    {
      best = sw_case_get_promised_at (c);
      best_rule = SW_LIFECYCLE_PROMISE;
    }
  for (int k = 0; k < SW_N_LIMITS; k++)
    {
      gint64 met, at = sw_case_get_deadline (c, k, &met);

      if (at > 0 && met == 0 && (best == 0 || at < best))
        {
          best = at;
          best_rule = limits[k].code;
        }
    }
out:
  if (rule)
    *rule = best_rule;
  if (due)
    *due = best;
  return best > 0;
}

const char *
sw_deadline_label (const char *rule)
{
  int k = sw_lifecycle_limit_from_code (rule);

  if (k >= 0)
    return sw_limit_kind_label (k);
  if (rule == NULL)
    return "";
  if (strcmp (rule, SW_LIFECYCLE_PROMISE) == 0)
    return _("Promised reply");
  if (strcmp (rule, "limit.transfer_hours") == 0)
    return _("Transfer");
  if (strcmp (rule, "limit.accept_hours") == 0)
    return _("Acceptance");
  if (strcmp (rule, "limit.callback_days") == 0)
    return _("Callback");
  return _("Reply");
}
