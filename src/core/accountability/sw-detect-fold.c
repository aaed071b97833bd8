/* sw-detect-fold.c — folds each case's log event by event in a small state
 * machine and notes what went wrong and the facts the reports read. It reads
 * the events through the reader it is given and nothing else from the
 * store, so that a first run over every case can fold in a thread while the
 * store writes what it found.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sw-detect-private.h"
#include "sw-error.h"
#include "sw-finding-text.h"
#include "sw-lifecycle.h"
#include "sw-types.h"

#define HOUR_MS (3600 * 1000)
#define DAY_MS (24 * HOUR_MS)
/* Cases handed over at a time. */
#define BATCH_CASES 512

/* One case as detection sees it, folded event by event. */
typedef struct {
  char    *case_id;
  char    *number;
  char    *branch;
  int      policy_version;
  gboolean anonymous;
  gboolean complaint;
  gint64   received_at;
  char    *registered_event;
  char    *owner, *owner_dept;
  char    *handler, *handler_dept;
  char    *target_dept;
  char    *sender, *sender_dept;       /* who sent it to target_dept */
  SwState  state;
  gint64   due_at;
  char    *due_rule, *due_event;
  gint64   promise_at;
  char    *promise_event;
  gboolean called_back;
  char    *reply_event, *reply_actor, *reply_dept;
  gint64   reply_at;
  int      handoffs;
  gboolean repeat_found;
  /* Who returned or forwarded the case away, one Bounce a hand-off, made
   * only for the cases that have any. */
  GArray  *bounces;
  /* the statutory limits (SwLimitKind): due, met, the event that started each */
  gint64   limit_due[SW_N_LIMITS], limit_met[SW_N_LIMITS];
  char    *limit_event[SW_N_LIMITS];
  /* facts */
  int      transfers, transfer_late, accepts, accept_late;
  gint64   done_at;
} Fold;

/* A department that returned or forwarded the case away: the event and
 * its actor (the 责任人 who signed the opinion). */
typedef struct {
  char *department;
  char *event;
  char *actor;
} Bounce;

static void
bounce_clear (Bounce *b)
{
  g_free (b->department);
  g_free (b->event);
  g_free (b->actor);
}

/* One event as the fold reads it. */
typedef struct {
  const char *id;
  const char *actor;
  gint64      at;
  SwPayload   p;
} Row;

typedef struct {
  const SwDetectContext *ctx;
  SwStoreReader         *reader;
  SwDetectDeliver        deliver;
  gpointer               user_data;
  SwDetectBatch         *batch;
  Fold                   f;
  Row                    row;
  /* Scanning every case in the index's order, which leaves events with the
   * same clock in no particular order: such a case is folded again from a
   * query of its own in the full order (untangle). */
  gboolean               by_clock_only;
  guint                  case_findings;
  gint64                 last_ms;
  int                    last_counter;
  gboolean               tied;
} Scan;

static void
facts_free (SwDetectFacts *facts)
{
  g_free (facts->case_id);
  g_free (facts->due_event);
  g_free (facts->promise_event);
  g_free (facts->due_rule);
  g_free (facts);
}

SwDetectBatch *
_sw_detect_batch_new (void)
{
  SwDetectBatch *batch = g_new0 (SwDetectBatch, 1);

  batch->facts = g_ptr_array_new_full (BATCH_CASES, (GDestroyNotify) facts_free);
  batch->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) sw_finding_free);
  return batch;
}

void
_sw_detect_batch_free (SwDetectBatch *batch)
{
  if (batch == NULL)
    return;
  g_ptr_array_unref (batch->facts);
  g_ptr_array_unref (batch->findings);
  g_free (batch);
}

void
_sw_detect_rules_free (SwDetectRules *rules)
{
  g_strfreev (rules->phrases);
  g_free (rules);
}

SwDetectRules *
_sw_detect_rules_for (const SwDetectContext *ctx,
                      int                    version)
{
  SwDetectRules *r = g_hash_table_lookup (ctx->rules, GINT_TO_POINTER (version));

  return r ? r : ctx->fallback_rules;
}

SwCalendar *
_sw_detect_calendar_for (const SwDetectContext *ctx,
                         const char            *branch)
{
  SwCalendar *cal = branch ? g_hash_table_lookup (ctx->calendars, branch) : NULL;

  return cal ? cal : ctx->fallback_calendar;
}

/* As g_date_time_format "%Y-%m-%d %H:%M" in the calendar's zone, without a
 * GDateTime for every finding. */
static char *
format_local (SwCalendar *cal,
              gint64      ms)
{
  GTimeZone *tz = sw_calendar_get_timezone (cal);
  gint64 secs = ms / 1000;
  gint64 local = secs + g_time_zone_get_offset (tz, g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, secs));
  gint64 days = (local >= 0 ? local : local - 86399) / 86400, rest = local - days * 86400;
  /* civil_from_days, H. Hinnant */
  gint64 z = days + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
  gint64 doe = z - era * 146097, yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
  int day = (int) (doy - (153 * mp + 2) / 5 + 1), month = (int) (mp < 10 ? mp + 3 : mp - 9);
  int year = (int) (yoe + era * 400 + (month <= 2));

  return g_strdup_printf ("%d-%02d-%02d %02d:%02d", year, month, day, (int) (rest / 3600), (int) (rest % 3600 / 60));
}

char *
_sw_detect_lateness (const SwDetectContext *ctx,
                     const char            *branch,
                     gint64                 due,
                     gint64                 done)
{
  SwCalendar *cal = _sw_detect_calendar_for (ctx, branch);
  g_autofree char *when = format_local (cal, due);
  double hours;

  if (done > ctx->now)
    return sw_finding_detail_due (when, -1);
  hours = sw_calendar_working_ms_between (cal, due, done) / (double) HOUR_MS;
  return sw_finding_detail_due (when, hours);
}

static char *
lateness (Scan   *s,
          gint64  due,
          gint64  done)
{
  return _sw_detect_lateness (s->ctx, s->f.branch, due, done);
}

static void
fold_clear (Fold *f)
{
  char **strings[] = { &f->case_id, &f->number, &f->branch, &f->registered_event, &f->owner, &f->owner_dept,
                       &f->handler, &f->handler_dept, &f->target_dept, &f->sender, &f->sender_dept,
                       &f->due_rule, &f->due_event, &f->promise_event, &f->reply_event,
                       &f->reply_actor, &f->reply_dept };

  GArray *bounces = f->bounces;

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    g_free (*strings[i]);
  for (guint k = 0; k < SW_N_LIMITS; k++)
    g_free (f->limit_event[k]);
  if (bounces != NULL)
    g_array_set_size (bounces, 0);     /* kept for the next case */
  memset (f, 0, sizeof *f);
  f->bounces = bounces;
  f->done_at = -1;
}

static void
set (char       **field,
     const char  *value)
{
  if (g_strcmp0 (*field, value) != 0)
    {
      g_free (*field);
      *field = g_strdup (value);
    }
}

/* Notes one finding; whether it is new is for the store to tell.
 * `case_id` NULL means the folded case. */
static void
emit (Scan        *s,
      const char  *rule,
      const char  *case_id,
      const char  *number,
      const char  *person,
      const char  *department,
      const char  *key_event,
      const char  *other_event,
      gint64       occurred_at,
      char        *detail)         /* taken */
{
  SwFinding *f = g_new0 (SwFinding, 1);

  f->rule = g_strdup (rule);
  f->source = g_strdup ("detected");
  f->case_id = g_strdup (case_id ? case_id : s->f.case_id);
  f->case_number = g_strdup (case_id ? number : s->f.number);
  f->person = g_strdup (person);
  f->department = g_strdup (department);
  f->key = g_strjoin ("|", rule, f->case_id, person ? person : "", key_event, NULL);
  f->events = g_new0 (char *, 3);
  f->events[0] = g_strdup (key_event);
  f->events[1] = g_strdup (other_event);
  f->detail = detail;
  f->occurred_at = occurred_at;
  g_ptr_array_add (s->batch->findings, f);
}

/* Repeat complaint: the same customer (phone, or name and unit) complains
 * again about a matter of an earlier complaint of theirs that was replied
 * to within the window (see _sw_detect_is_repeat); against whoever handled
 * the earlier one, with the new registration and the earlier case's last
 * event as evidence. Checked at the registration with the departments it
 * names and again when the case is sent to another department; the same
 * finding either way (keyed by the registration). */
static gboolean
check_repeat (Scan        *s,
              const char  *department,
              GError     **error)
{
  Fold *f = &s->f;
  SwDetectRules *r = _sw_detect_rules_for (s->ctx, f->policy_version);
  const char *departments[4] = { 0 };
  g_autoptr(GArray) earlier = NULL;
  g_autofree char *content = NULL;
  guint n = 0;

  if (!f->complaint || f->anonymous || f->repeat_found)
    return TRUE;
  if (department != NULL)
    departments[n++] = department;
  else
    {
      if (f->owner_dept != NULL)
        departments[n++] = f->owner_dept;
      if (f->handler_dept != NULL)
        departments[n++] = f->handler_dept;
      if (f->target_dept != NULL)
        departments[n++] = f->target_dept;
    }
  if ((earlier = _sw_store_find_repeat_cases (s->reader, f->case_id, &content, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < earlier->len; i++)
    {
      SwStoreRepeatCase *e = &g_array_index (earlier, SwStoreRepeatCase, i);

      if (!_sw_detect_repeat_window (r->window_days, e->kind, e->received_at, e->replied_at, f->received_at) ||
          !_sw_detect_is_repeat (e, content, departments, r->similar_pct))
        continue;
      f->repeat_found = TRUE;
      emit (s, "repeat_complaint", e->case_id, e->number, e->handler, e->department, f->registered_event,
            e->last_event, f->received_at,
            sw_finding_detail_repeat (e->number, r->window_days, f->number));
      break;
    }
  return TRUE;
}

/* Where a hand-off sends the case: a return goes back to the handler's
 * department. */
static const char *
handoff_destination (Row         *r,
                     SwEventKind  kind)
{
  return kind == SW_EVENT_RETURNED ? r->p.str[P_HANDLER_DEPARTMENT] : r->p.str[P_TO_DEPARTMENT];
}

/* Ping-pong (seed 003 nos. 11–12): the case is sent again to a department
 * that returned or forwarded it away. Both sides are accountable: who sent
 * it there again (the actor of this hand-off, with the department it left)
 * and the 责任人 of the department that bounced it, who signed the return
 * or forward (that event's actor). A single return with an opinion followed
 * by a transfer elsewhere finds nothing. */
static void
check_ping_pong (Scan        *s,
                 Row         *r,
                 SwEventKind  kind)
{
  Fold *f = &s->f;
  const char *to = handoff_destination (r, kind);
  const Bounce *hit = NULL;

  if (to == NULL || f->bounces == NULL)
    return;
  for (guint i = f->bounces->len; hit == NULL && i > 0; i--)
    if (g_strcmp0 (g_array_index (f->bounces, Bounce, i - 1).department, to) == 0)
      hit = &g_array_index (f->bounces, Bounce, i - 1);
  if (hit == NULL)
    return;
  emit (s, "ping_pong", NULL, NULL, r->actor, r->p.str[P_FROM_DEPARTMENT], r->id, hit->event, r->at, NULL);
  if (g_strcmp0 (hit->actor, r->actor) != 0)
    emit (s, "ping_pong", NULL, NULL, hit->actor, hit->department, r->id, hit->event, r->at, NULL);
}

/* Notes a department that returned or forwarded the case away. */
static void
note_bounce (Fold *f,
             Row  *r)
{
  Bounce b;

  if (r->p.str[P_FROM_DEPARTMENT] == NULL)
    return;
  if (f->bounces == NULL)
    {
      f->bounces = g_array_new (FALSE, FALSE, sizeof (Bounce));
      g_array_set_clear_func (f->bounces, (GDestroyNotify) bounce_clear);
    }
  b.department = g_strdup (r->p.str[P_FROM_DEPARTMENT]);
  b.event = g_strdup (r->id);
  b.actor = g_strdup (r->actor);
  g_array_append_val (f->bounces, b);
}

/* Who answers for a missed deadline of the case, and their department. */
static const char *
accountable (Scan                      *s,
             const SwLifecycleDeadline *d,
             const char               **department)
{
  Fold *f = &s->f;

  switch (d->accountable)
    {
    case SW_ACCOUNTABLE_RECEIVING:
      *department = f->target_dept;
      return f->target_dept ? g_hash_table_lookup (s->ctx->heads, f->target_dept) : NULL;
    case SW_ACCOUNTABLE_OWNER:
      *department = f->owner_dept;
      return f->owner;
    case SW_ACCOUNTABLE_HANDLER:
    default:
      *department = f->handler_dept;
      return f->handler;
    }
}

static const char *
limit_accountable (Scan                   *s,
                   const SwStatutoryLimit *l,
                   const char            **department)
{
  SwLifecycleDeadline d = { .accountable = l->accountable };

  return accountable (s, &d, department);
}

/* The case's running deadline and its promise, as far as this event meets
 * them (the lifecycle table): counted for the report, and a finding when
 * met late. */
static void
check_met (Scan        *s,
           Row         *r,
           SwEventKind  kind)
{
  Fold *f = &s->f;
  const SwLifecycleDeadline *d;
  const char *person, *department = NULL;
  gint64 at = r->at;

  if (f->due_at > 0 && (d = sw_lifecycle_met_by (f->state, f->due_rule, kind)) != NULL)
    {
      gboolean late = at > f->due_at;

      if (strcmp (d->finding, "late_transfer") == 0)
        {
          f->transfers++;
          f->transfer_late += late;
        }
      else if (strcmp (d->finding, "late_accept") == 0)
        {
          f->accepts++;
          f->accept_late += late;
        }
      person = accountable (s, d, &department);
      if (late)
        emit (s, d->finding, NULL, NULL, person, department, f->due_event, r->id,
              f->due_at, lateness (s, f->due_at, at));
    }
  if (f->promise_at > 0 && at > f->promise_at &&
      (d = sw_lifecycle_met_by (f->state, SW_LIFECYCLE_PROMISE, kind)) != NULL)
    {
      person = accountable (s, d, &department);
      emit (s, d->finding, NULL, NULL, person, department, f->promise_event, r->id,
            f->promise_at, lateness (s, f->promise_at, at));
    }
  /* the statutory limits this event meets, late or not */
  for (int k = 0; k < SW_N_LIMITS; k++)
    {
      const SwStatutoryLimit *l = sw_lifecycle_limit (k);

      if (f->limit_due[k] <= 0 || f->limit_met[k] != 0 || !(l->meets & SW_LIFECYCLE_EVENT (kind)))
        continue;
      f->limit_met[k] = at;
      if (at > f->limit_due[k])
        {
          person = limit_accountable (s, l, &department);
          emit (s, l->finding, NULL, NULL, person, department, f->limit_event[k], r->id,
                f->limit_due[k], lateness (s, f->limit_due[k], at));
        }
    }
}

/* The checks an event triggers, made before it changes the fold. */
static gboolean
check_event (Scan         *s,
             Row          *r,
             SwEventKind   kind,
             GError      **error)
{
  Fold *f = &s->f;
  const char *id = r->id;
  const char *actor = r->actor;
  gint64 at = r->at;

  check_met (s, r, kind);

  if ((kind == SW_EVENT_REPLIED || kind == SW_EVENT_ANSWERED) && r->p.str[P_TEXT] != NULL)
    {
      SwDetectRules *rules = _sw_detect_rules_for (s->ctx, f->policy_version);
      const char *text = r->p.str[P_TEXT];

      for (guint i = 0; rules->phrases[i] != NULL; i++)
        if (strstr (text, rules->phrases[i]) != NULL)
          {
            const char *dept = actor ? g_hash_table_lookup (s->ctx->departments, actor) : NULL;

            emit (s, "forbidden_phrase", NULL, NULL, actor, dept, id, NULL, at,
                  sw_finding_detail_phrase (rules->phrases[i]));
            break;
          }
    }

  if (kind == SW_EVENT_TRANSFERRED || kind == SW_EVENT_RETURNED || kind == SW_EVENT_FORWARDED)
    check_ping_pong (s, r, kind);

  if (kind == SW_EVENT_RETURNED || kind == SW_EVENT_FORWARDED)
    {
      SwDetectRules *rules = _sw_detect_rules_for (s->ctx, f->policy_version);

      if (++f->handoffs == rules->max_handoffs + 1)
        {
          emit (s, "handoff_limit", NULL, NULL, actor, r->p.str[P_FROM_DEPARTMENT], id, NULL, at, NULL);
          if (f->sender != NULL && g_strcmp0 (f->sender, actor) != 0)
            emit (s, "handoff_limit", NULL, NULL, f->sender, f->sender_dept, id, NULL, at, NULL);
        }
    }

  if (kind == SW_EVENT_REOPENED && f->reply_event != NULL)
    {
      SwDetectRules *rules = _sw_detect_rules_for (s->ctx, f->policy_version);

      if (at - f->reply_at <= (gint64) rules->window_days * DAY_MS)
        emit (s, "repeat_complaint", NULL, NULL, f->reply_actor, f->reply_dept, id, f->reply_event, at,
              sw_finding_detail_reopened (rules->window_days));
    }

  if (kind == SW_EVENT_REGISTERED)
    return check_repeat (s, NULL, error);
  if (kind == SW_EVENT_TRANSFERRED || kind == SW_EVENT_FORWARDED)
    return check_repeat (s, r->p.str[P_TO_DEPARTMENT], error);
  return TRUE;
}

static void
apply_registered (Fold *f,
                  Row  *r)
{
  set (&f->registered_event, r->id);
  set (&f->number, r->p.str[P_NUMBER]);
  set (&f->branch, r->p.str[P_BRANCH]);
  f->policy_version = (int) r->p.num[P_POLICY_VERSION];
  f->anonymous = r->p.num[P_ANONYMOUS] != 0;
  f->complaint = g_strcmp0 (r->p.str[P_KIND], "complaint") == 0;
  f->received_at = r->p.num[P_RECEIVED_AT];
  set (&f->owner, r->p.str[P_OWNER]);
  set (&f->owner_dept, r->p.str[P_OWNER_DEPARTMENT]);
  set (&f->handler, f->owner);
  set (&f->handler_dept, f->owner_dept);
}

static void
finish (Fold   *f,
        gint64  at)
{
  if (f->done_at < 0)
    f->done_at = at;
}

/* What an event does to the fold, as far as detection needs it; the state
 * and the deadline's end come from the lifecycle table, as in sw_case_apply. */
static void
apply_event (Fold        *f,
             Row         *r,
             SwEventKind  kind)
{
  gint64 at = r->at;
  const char *actor = r->actor;

  switch (kind)
    {
    case SW_EVENT_REGISTERED:
      apply_registered (f, r);
      break;
    case SW_EVENT_TRANSFERRED:
    case SW_EVENT_FORWARDED:
      if (kind == SW_EVENT_FORWARDED)
        note_bounce (f, r);
      set (&f->sender, actor);
      set (&f->sender_dept, r->p.str[P_FROM_DEPARTMENT]);
      set (&f->target_dept, r->p.str[P_TO_DEPARTMENT]);
      break;
    case SW_EVENT_ACCEPTED:
      set (&f->handler, r->p.str[P_HANDLER]);
      set (&f->handler_dept, r->p.str[P_DEPARTMENT]);
      set (&f->target_dept, NULL);
      break;
    case SW_EVENT_RETURNED:
      note_bounce (f, r);
      set (&f->handler, r->p.str[P_HANDLER]);
      set (&f->handler_dept, r->p.str[P_HANDLER_DEPARTMENT]);
      set (&f->target_dept, NULL);
      break;
    case SW_EVENT_REFERRED:
      set (&f->handler, r->p.str[P_HANDLER]);
      break;
    case SW_EVENT_REOPENED:
      f->called_back = FALSE;
      break;
    case SW_EVENT_ESCALATED:
      break;
    case SW_EVENT_REPLIED:
      f->reply_at = at;
      set (&f->reply_event, r->id);
      set (&f->reply_actor, actor);
      set (&f->reply_dept, f->handler_dept);
      finish (f, at);
      break;
    case SW_EVENT_CALLBACK:
      f->called_back = TRUE;
      break;
    case SW_EVENT_HANDOVER:
      set (&f->handler, r->p.str[P_TO]);
      set (&f->handler_dept, r->p.str[P_TO_DEPARTMENT]);
      break;
    case SW_EVENT_COORDINATED:
      /* the lead department (主办) and its responsible person handle it */
      set (&f->handler, r->p.str[P_HANDLER]);
      set (&f->handler_dept, r->p.str[P_DEPARTMENT]);
      break;
    case SW_EVENT_ANSWERED:
    case SW_EVENT_OUTSIDE:
    case SW_EVENT_REFUSED:
    case SW_EVENT_CLOSED:
    case SW_EVENT_PETITION_NOT_ACCEPTED:
      finish (f, at);
      break;
    case SW_EVENT_PETITION_ACCEPTED:
    case SW_EVENT_HOTLINE_FEEDBACK:
    case SW_EVENT_CONTRIBUTED:
    case SW_EVENT_PRELIMINARY_FINDING:
    case SW_EVENT_PROMISE_AGREED:
    case SW_EVENT_PROGRESS:
    case SW_EVENT_NOTIFIED:
    case SW_EVENT_HANDLING:
    case SW_EVENT_DECIDED:
    case SW_EVENT_URGED:
    case SW_EVENT_NOTE:
    case SW_EVENT_AMENDED:
    case SW_EVENT_PURGED:
    case SW_EVENT_ATTACHMENT_ADDED:
    case SW_EVENT_ATTACHMENT_REMOVED:
    case SW_N_EVENTS:
    default:
      break;
    }

  f->state = sw_lifecycle_next_state (f->state, kind);
  if (sw_lifecycle_stops_due (kind))
    f->due_at = 0;
  if (f->state == SW_STATE_CLOSED)
    return;
  if (r->p.has[P_DUE_AT])
    {
      f->due_at = r->p.num[P_DUE_AT];
      set (&f->due_rule, r->p.str[P_DUE_RULE]);
      set (&f->due_event, r->id);
    }
  for (int k = 0; k < SW_N_LIMITS; k++)
    if (r->p.has[P_FIRST_RESPONSE_DUE + k])
      {
        f->limit_due[k] = r->p.num[P_FIRST_RESPONSE_DUE + k];
        f->limit_met[k] = 0;
        set (&f->limit_event[k], r->id);
      }
  if (r->p.has[P_PROMISED_AT] && r->p.num[P_PROMISED_AT] != f->promise_at)
    {
      f->promise_at = r->p.num[P_PROMISED_AT];
      set (&f->promise_event, r->id);
    }
}

static void
emit_passed (Scan       *s,
             const char *rule,
             const char *person,
             const char *department,
             const char *event,
             gint64      due)
{
  emit (s, rule, NULL, NULL, person, department, event, NULL, due, lateness (s, due, s->ctx->now + 1));
}

/* The deadlines still open at the end of the log that passed before now:
 * what the pending query of sw-detect.c asks the case rows. */
static void
check_deadlines (Scan *s)
{
  Fold *f = &s->f;
  gint64 now = s->ctx->now;
  const SwLifecycleDeadline *table;
  guint n;

  table = sw_lifecycle_deadlines (&n);
  for (guint i = 0; i < n; i++)
    {
      const SwLifecycleDeadline *d = &table[i];
      gboolean promise = strcmp (d->policy_key, SW_LIFECYCLE_PROMISE) == 0;
      gint64 due = promise ? f->promise_at : f->due_at;
      const char *event = promise ? f->promise_event : f->due_event;
      const char *person, *department = NULL;

      if (due <= 0 || due >= now || event == NULL ||
          sw_lifecycle_running (f->state, promise ? SW_LIFECYCLE_PROMISE : f->due_rule) != d ||
          (d->needs_callee && (f->anonymous || f->called_back)))
        continue;
      person = accountable (s, d, &department);
      emit_passed (s, d->finding, person, department, event, due);
    }
  if (f->state == SW_STATE_CLOSED)
    return;
  for (int k = 0; k < SW_N_LIMITS; k++)
    if (f->limit_due[k] > 0 && f->limit_due[k] < now && f->limit_met[k] == 0 && f->limit_event[k] != NULL)
      {
        const SwStatutoryLimit *l = sw_lifecycle_limit (k);
        const char *person, *department = NULL;

        person = limit_accountable (s, l, &department);
        emit_passed (s, l->finding, person, department, f->limit_event[k], f->limit_due[k]);
      }
}

static gboolean
deliver (Scan    *s,
         GError **error)
{
  SwDetectBatch *batch = g_steal_pointer (&s->batch);

  s->batch = _sw_detect_batch_new ();
  return s->deliver (batch, s->user_data, error);
}

static gboolean fold_row (const SwStoreEventRow  *row,
                          gpointer                data,
                          GError                **error);

/* A case with two events on the same clock, found while scanning by the
 * clock alone: what it gave so far is dropped, and its log read again in
 * the order every replica folds in. Rare (two devices, one millisecond). */
static gboolean
untangle (Scan    *s,
          GError **error)
{
  char *case_id = g_steal_pointer (&s->f.case_id);

  g_ptr_array_remove_range (s->batch->findings, s->case_findings,
                            s->batch->findings->len - s->case_findings);
  fold_clear (&s->f);
  s->f.case_id = case_id;
  s->tied = FALSE;
  return _sw_store_read_case_events (s->reader, case_id, fold_row, s, error);
}

static gboolean
end_case (Scan    *s,
          GError **error)
{
  Fold *f = &s->f;
  SwDetectFacts *facts;

  if (f->case_id == NULL)
    return TRUE;
  if (s->tied && !untangle (s, error))
    return FALSE;
  if (s->ctx->fold_deadlines)
    check_deadlines (s);
  facts = g_new0 (SwDetectFacts, 1);
  facts->case_id = g_steal_pointer (&f->case_id);
  facts->transfers = f->transfers;
  facts->transfer_late = f->transfer_late;
  facts->accepts = f->accepts;
  facts->accept_late = f->accept_late;
  facts->handling_ms = -1;
  if (f->done_at >= 0 && f->received_at > 0)
    facts->handling_ms = sw_calendar_working_ms_between (_sw_detect_calendar_for (s->ctx, f->branch),
                                                         f->received_at, f->done_at);
  facts->state = f->state;
  facts->due_at = f->due_at;
  facts->due_rule = f->due_at > 0 ? g_strdup (f->due_rule) : NULL;
  facts->promise_at = f->promise_at;
  if (f->due_at > 0)
    facts->due_event = g_strdup (f->due_event);
  if (f->promise_at > 0)
    facts->promise_event = g_strdup (f->promise_event);
  g_ptr_array_add (s->batch->facts, facts);
  return s->batch->facts->len < BATCH_CASES || deliver (s, error);
}

/* One event of the folded case. */
static gboolean
fold_row (const SwStoreEventRow  *row,
          gpointer                data,
          GError                **error)
{
  Scan *s = data;
  Row *r = &s->row;
  int kind = sw_event_kind_from_string (row->kind);

  if (kind < 0 || !_sw_payload_parse (&r->p, row->payload))
    return TRUE;
  r->id = row->id;
  r->actor = row->actor;
  r->at = row->at;
  /* A registration is checked with the facts it brings. */
  if (kind == SW_EVENT_REGISTERED)
    apply_event (&s->f, r, kind);
  if (!check_event (s, r, kind, error))
    return FALSE;
  if (kind != SW_EVENT_REGISTERED)
    apply_event (&s->f, r, kind);
  return TRUE;
}

/* Whether this event has the same clock as the case's one before it (the
 * scan by the clock alone). */
static gboolean
same_clock (Scan                  *s,
            const SwStoreEventRow *row)
{
  gint64 ms = row->hlc_ms;
  int counter = row->hlc_counter;
  gboolean same = ms == s->last_ms && counter == s->last_counter;

  s->last_ms = ms;
  s->last_counter = counter;
  return same;
}

/* One event of the scan: a new case ends the one before. */
static gboolean
scan_row (const SwStoreEventRow  *row,
          gpointer                data,
          GError                **error)
{
  Scan *s = data;

  if (s->f.case_id == NULL || g_strcmp0 (row->case_id, s->f.case_id) != 0)
    {
      if (!end_case (s, error))
        return FALSE;
      fold_clear (&s->f);
      s->f.case_id = g_strdup (row->case_id);
      s->case_findings = s->batch->findings->len;
      s->last_ms = G_MININT64;     /* no clock matches: the first is noted */
    }
  if (s->by_clock_only && same_clock (s, row))
    s->tied = TRUE;
  return s->tied || fold_row (row, s, error);
}

static gboolean
fold (const SwDetectContext *ctx,
      SwStoreReader         *reader,
      gboolean               by_clock_only,
      SwDetectDeliver        deliver_func,
      gpointer               user_data,
      GError               **error)
{
  Scan s = { .ctx = ctx, .reader = reader, .deliver = deliver_func, .user_data = user_data,
             .by_clock_only = by_clock_only };
  gboolean ok;

  fold_clear (&s.f);
  s.batch = _sw_detect_batch_new ();
  ok = (by_clock_only ? _sw_store_read_all_events (reader, scan_row, &s, error)
                      : _sw_store_read_marked_events (reader, scan_row, &s, error)) &&
       end_case (&s, error) && deliver (&s, error);
  fold_clear (&s.f);
  g_clear_pointer (&s.f.bounces, g_array_unref);
  _sw_payload_clear (&s.row.p);
  _sw_detect_batch_free (s.batch);
  return ok;
}

gboolean
_sw_detect_fold (const SwDetectContext *ctx,
                 SwStoreReader         *reader,
                 SwDetectDeliver        deliver_func,
                 gpointer               user_data,
                 GError               **error)
{
  return fold (ctx, reader, FALSE, deliver_func, user_data, error);
}

/* Sorting every event by device and id as well took a third of the fold:
 * the index gives the order by clock, and the rare tie is untangled. */
gboolean
_sw_detect_fold_all (const SwDetectContext *ctx,
                     SwStoreReader         *reader,
                     SwDetectDeliver        deliver_func,
                     gpointer               user_data,
                     GError               **error)
{
  return fold (ctx, reader, TRUE, deliver_func, user_data, error);
}

/* Folds events given in memory, one case after another in the order every
 * replica folds in (the lifecycle's property test); no store is read, so
 * no complaint may be among them. */
gboolean
_sw_detect_fold_rows (const SwDetectContext *ctx,
                      const SwStoreEventRow *rows,
                      guint                  n_rows,
                      SwDetectDeliver        deliver_func,
                      gpointer               user_data,
                      GError               **error)
{
  Scan s = { .ctx = ctx, .deliver = deliver_func, .user_data = user_data };
  gboolean ok = TRUE;

  fold_clear (&s.f);
  s.batch = _sw_detect_batch_new ();
  for (guint i = 0; ok && i < n_rows; i++)
    ok = scan_row (&rows[i], &s, error);
  ok = ok && end_case (&s, error) && deliver (&s, error);
  fold_clear (&s.f);
  g_clear_pointer (&s.f.bounces, g_array_unref);
  _sw_payload_clear (&s.row.p);
  _sw_detect_batch_free (s.batch);
  return ok;
}
