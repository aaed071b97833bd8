/* sw-detect.c — walks the logs of the cases that changed since the last run
 * and of the open cases past a deadline, folding each one in a small state
 * machine, and records what went wrong.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sw-detect.h"
#include "sw-detect-private.h"
#include "sw-error.h"
#include "sw-models-private.h"
#include "sw-store-private.h"
#include "sw-uuid.h"

#define WATERMARK_KEY "detect.seq"
#define HOUR_MS (3600 * 1000)
#define DAY_MS (24 * HOUR_MS)

typedef struct {
  char   **phrases;
  int      max_handoffs;
  int      window_days;
} Rules;

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
  /* facts */
  int      transfers, transfer_late, accepts, accept_late;
  gint64   done_at;
} Fold;

/* One event as the fold reads it. */
typedef struct {
  const char *id;
  const char *actor;
  gint64      at;
  SwPayload   p;
} Row;

typedef struct {
  SwStore    *store;
  gint64      now;
  GHashTable *rules;        /* policy version → Rules */
  GHashTable *calendars;    /* branch → SwCalendar */
  GPtrArray  *found;
  guint       n_cases;
  Fold        f;
  Row         row;
  guint8      next_id[16];  /* the UUIDv7 the next finding gets */
  gboolean    has_id;
} Detect;

#define SCAN_COLUMNS "SELECT e.case_id, e.id, e.kind, e.actor, e.at, e.payload"
/* The order every replica folds in (sw_case_event_compare). */
#define SCAN_ORDER " ORDER BY e.case_id, e.hlc_ms, e.hlc_counter, e.device, e.id"

static void
rules_free (Rules *r)
{
  g_strfreev (r->phrases);
  g_free (r);
}

static void
fold_clear (Fold *f)
{
  char **strings[] = { &f->case_id, &f->number, &f->branch, &f->registered_event, &f->owner, &f->owner_dept,
                       &f->handler, &f->handler_dept, &f->target_dept, &f->sender, &f->sender_dept,
                       &f->due_rule, &f->due_event, &f->promise_event, &f->reply_event,
                       &f->reply_actor, &f->reply_dept };

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    g_free (*strings[i]);
  memset (f, 0, sizeof *f);
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

static Rules *
rules_for (Detect *d,
           int     version)
{
  Rules *r = g_hash_table_lookup (d->rules, GINT_TO_POINTER (version));

  if (r == NULL)
    {
      g_autoptr(SwPolicy) p = sw_store_get_policy (d->store, version, NULL);

      if (p == NULL)
        p = sw_store_get_policy (d->store, 0, NULL);
      if (p == NULL)
        p = sw_policy_new_default ();
      r = g_new0 (Rules, 1);
      r->phrases = sw_policy_get_list (p, "phrases.forbidden");
      r->max_handoffs = sw_policy_get_int (p, "pingpong.max_handoffs");
      r->window_days = sw_policy_get_int (p, "repeat.window_days");
      g_hash_table_insert (d->rules, GINT_TO_POINTER (version), r);
    }
  return r;
}

static SwCalendar *
calendar_for (Detect     *d,
              const char *branch)
{
  SwCalendar *cal = g_hash_table_lookup (d->calendars, branch ? branch : "");

  if (cal == NULL)
    {
      cal = sw_store_get_calendar (d->store, branch);
      g_hash_table_insert (d->calendars, g_strdup (branch ? branch : ""), cal);
    }
  return cal;
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

static char *
lateness (Detect *d,
          gint64  due,
          gint64  done)
{
  SwCalendar *cal = calendar_for (d, d->f.branch);
  g_autofree char *when = format_local (cal, due);
  double hours;

  if (done > d->now)
    return g_strdup_printf (_("Due %s"), when);
  hours = sw_calendar_working_ms_between (cal, due, done) / (double) HOUR_MS;
  if (hours < 1)
    return g_strdup_printf (_("Due %s; %d working minutes late"), when, MAX ((int) (hours * 60 + 0.5), 1));
  return g_strdup_printf (_("Due %s; %.1f working hours late"), when, hours);
}

static char *
department_of (Detect     *d,
               const char *empno)
{
  g_autoptr(SwStaff) s = sw_store_get_staff (d->store, empno);
  return s ? g_strdup (s->department_code) : NULL;
}

static char *
head_of (Detect     *d,
         const char *department)
{
  g_autoptr(SwDepartment) dept = department ? sw_store_get_department (d->store, department) : NULL;
  return dept ? g_strdup (dept->head_empno) : NULL;
}

/* The findings of one run get consecutive UUIDv7s (the counter form of RFC
 * 9562 §6.2): random ones would land all over the id index. */
static char *
next_finding_id (Detect *d)
{
  static const char hex[] = "0123456789abcdef";
  guint8 *b = d->next_id;
  char *out = g_malloc (37), *o = out;

  if (!d->has_id || b[8] == 0xbf)
    {
      gint64 ms = MAX (d->now, 0);

      sw_random_bytes (b + 6, 10);
      for (int i = 0; i < 6; i++)
        b[i] = (ms >> (8 * (5 - i))) & 0xff;
      b[6] = 0x70 | (b[6] & 0x0f);
      b[8] = 0x80 | (b[8] & 0x3f);
      b[9] &= 0x7f;     /* room to count */
      d->has_id = TRUE;
    }
  for (int i = 0; i < 16; i++)
    {
      if (i == 4 || i == 6 || i == 8 || i == 10)
        *o++ = '-';
      *o++ = hex[b[i] >> 4];
      *o++ = hex[b[i] & 0xf];
    }
  *o = '\0';
  for (int i = 15; i >= 9 && ++b[i] == 0; i--)
    ;
  return out;
}

/* Records one finding (if new). `case_id` NULL means the folded case. */
static gboolean
emit (Detect      *d,
      const char  *rule,
      const char  *case_id,
      const char  *number,
      const char  *person,
      const char  *department,
      const char  *key_event,
      const char  *other_event,
      gint64       occurred_at,
      char        *detail,         /* taken */
      GError     **error)
{
  g_autoptr(SwFinding) f = g_new0 (SwFinding, 1);
  gboolean is_new;

  f->rule = g_strdup (rule);
  f->source = g_strdup ("detected");
  f->case_id = g_strdup (case_id ? case_id : d->f.case_id);
  f->case_number = g_strdup (case_id ? number : d->f.number);
  f->person = g_strdup (person);
  f->department = g_strdup (department);
  f->key = g_strjoin ("|", rule, f->case_id, person ? person : "", key_event, NULL);
  f->events = g_new0 (char *, 3);
  f->events[0] = g_strdup (key_event);
  f->events[1] = g_strdup (other_event);
  f->detail = detail;
  f->occurred_at = occurred_at;
  f->id = next_finding_id (d);
  if (!_sw_finding_insert (d->store, f, &is_new, error))
    return FALSE;
  if (is_new)
    g_ptr_array_add (d->found, g_steal_pointer (&f));
  return TRUE;
}

static gboolean
is_disposition (SwEventKind k)
{
  return k == SW_EVENT_TRANSFERRED || k == SW_EVENT_ANSWERED || k == SW_EVENT_NOTIFIED ||
         k == SW_EVENT_HANDLING || k == SW_EVENT_REFERRED || k == SW_EVENT_ESCALATED ||
         k == SW_EVENT_OUTSIDE || k == SW_EVENT_REFUSED;
}

static gboolean
due_is (Fold       *f,
        const char *rule)
{
  return f->due_at > 0 && g_strcmp0 (f->due_rule, rule) == 0;
}

static gboolean
late_accept (Detect      *d,
             const char  *done_event,
             gint64       done_at,
             GError     **error)
{
  g_autofree char *head = head_of (d, d->f.target_dept);

  return emit (d, "late_accept", NULL, NULL, head, d->f.target_dept, d->f.due_event, done_event,
               d->f.due_at, lateness (d, d->f.due_at, done_at), error);
}

static gboolean
repeat_by_phone (Detect      *d,
                 const char  *event_id,
                 gint64       at,
                 GError     **error)
{
  Rules *r = rules_for (d, d->f.policy_version);
  sqlite3_stmt *stmt = _sw_store_prepare (d->store,
      "SELECT c.id, c.handler, c.handler_department, c.last_event_id, c.number"
      " FROM case_contacts k JOIN case_contacts o ON o.phone = k.phone AND o.case_id != k.case_id"
      " JOIN cases c ON c.id = o.case_id"
      " WHERE k.case_id = ?1 AND k.phone IS NOT NULL AND k.phone != ''"
      " AND c.received_at < ?2 AND c.received_at >= ?3"
      " ORDER BY c.received_at DESC LIMIT 1", error);
  g_autofree char *id = NULL, *handler = NULL, *dept = NULL, *last = NULL, *number = NULL;

  if (stmt == NULL)
    return FALSE;
  _sw_bind_text (stmt, 1, d->f.case_id);
  sqlite3_bind_int64 (stmt, 2, d->f.received_at);
  sqlite3_bind_int64 (stmt, 3, d->f.received_at - (gint64) r->window_days * DAY_MS);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      id = _sw_column_dup (stmt, 0);
      handler = _sw_column_dup (stmt, 1);
      dept = _sw_column_dup (stmt, 2);
      last = _sw_column_dup (stmt, 3);
      number = _sw_column_dup (stmt, 4);
    }
  sqlite3_reset (stmt);
  if (id == NULL)
    return TRUE;
  return emit (d, "repeat_complaint", id, number, handler, dept, event_id, last, at,
               g_strdup_printf (_("The same customer complained again within %d days of case %s"),
                                r->window_days, number), error);
}

/* The checks an event triggers, made before it changes the fold. */
static gboolean
check_event (Detect       *d,
             Row          *r,
             SwEventKind   kind,
             GError      **error)
{
  Fold *f = &d->f;
  const char *id = r->id;
  const char *actor = r->actor;
  gint64 at = r->at;

  if (is_disposition (kind) && f->state == SW_STATE_REGISTERED && due_is (f, "limit.transfer_hours") &&
      kind == SW_EVENT_TRANSFERRED)
    {
      f->transfers++;
      if (at > f->due_at)
        {
          f->transfer_late++;
          if (!emit (d, "late_transfer", NULL, NULL, f->handler, f->handler_dept, f->due_event, id,
                     f->due_at, lateness (d, f->due_at, at), error))
            return FALSE;
        }
    }

  if ((kind == SW_EVENT_ACCEPTED || kind == SW_EVENT_RETURNED || kind == SW_EVENT_FORWARDED) &&
      f->state == SW_STATE_TRANSFERRED && due_is (f, "limit.accept_hours"))
    {
      f->accepts++;
      if (at > f->due_at)
        {
          f->accept_late++;
          if (!late_accept (d, id, at, error))
            return FALSE;
        }
    }

  if (kind == SW_EVENT_REPLIED && f->promise_at > 0 && at > f->promise_at &&
      !emit (d, "reply_overdue", NULL, NULL, f->handler, f->handler_dept, f->promise_event, id,
             f->promise_at, lateness (d, f->promise_at, at), error))
    return FALSE;

  if (kind == SW_EVENT_CALLBACK && f->state == SW_STATE_REPLIED && due_is (f, "limit.callback_days") &&
      at > f->due_at &&
      !emit (d, "no_callback", NULL, NULL, f->owner, f->owner_dept, f->due_event, id,
             f->due_at, lateness (d, f->due_at, at), error))
    return FALSE;

  if ((kind == SW_EVENT_REPLIED || kind == SW_EVENT_ANSWERED) && r->p.str[P_TEXT] != NULL)
    {
      Rules *rules = rules_for (d, f->policy_version);
      const char *text = r->p.str[P_TEXT];

      for (guint i = 0; rules->phrases[i] != NULL; i++)
        if (strstr (text, rules->phrases[i]) != NULL)
          {
            g_autofree char *dept = department_of (d, actor);
            if (!emit (d, "forbidden_phrase", NULL, NULL, actor, dept, id, NULL, at,
                       g_strdup_printf (_("Used the forbidden phrase “%s”"), rules->phrases[i]), error))
              return FALSE;
            break;
          }
    }

  if (kind == SW_EVENT_RETURNED || kind == SW_EVENT_FORWARDED)
    {
      Rules *rules = rules_for (d, f->policy_version);

      if (++f->handoffs == rules->max_handoffs + 1)
        {
          g_autofree char *detail = g_strdup_printf (_("Returned or forwarded %d times; the limit is %d"),
                                                     f->handoffs, rules->max_handoffs);
          if (!emit (d, "ping_pong", NULL, NULL, actor, r->p.str[P_FROM_DEPARTMENT], id, NULL, at,
                     g_strdup (detail), error))
            return FALSE;
          if (f->sender != NULL && g_strcmp0 (f->sender, actor) != 0 &&
              !emit (d, "ping_pong", NULL, NULL, f->sender, f->sender_dept, id, NULL, at,
                     g_strdup (detail), error))
            return FALSE;
        }
    }

  if (kind == SW_EVENT_REOPENED && f->reply_event != NULL)
    {
      Rules *rules = rules_for (d, f->policy_version);

      if (at - f->reply_at <= (gint64) rules->window_days * DAY_MS &&
          !emit (d, "repeat_complaint", NULL, NULL, f->reply_actor, f->reply_dept, id, f->reply_event, at,
                 g_strdup_printf (_("Reopened within %d days of the reply"), rules->window_days), error))
        return FALSE;
    }

  if (kind == SW_EVENT_REGISTERED && f->complaint && !f->anonymous)
    return repeat_by_phone (d, id, at, error);
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
  f->state = SW_STATE_REGISTERED;
}

static void
finish (Fold   *f,
        gint64  at)
{
  if (f->done_at < 0)
    f->done_at = at;
}

/* The same transitions as sw_case_apply, as far as detection needs them. */
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
      set (&f->sender, actor);
      set (&f->sender_dept, r->p.str[P_FROM_DEPARTMENT]);
      set (&f->target_dept, r->p.str[P_TO_DEPARTMENT]);
      f->state = SW_STATE_TRANSFERRED;
      break;
    case SW_EVENT_ACCEPTED:
      set (&f->handler, r->p.str[P_HANDLER]);
      set (&f->handler_dept, r->p.str[P_DEPARTMENT]);
      set (&f->target_dept, NULL);
      f->state = SW_STATE_IN_PROGRESS;
      break;
    case SW_EVENT_RETURNED:
      set (&f->handler, r->p.str[P_HANDLER]);
      set (&f->handler_dept, r->p.str[P_HANDLER_DEPARTMENT]);
      set (&f->target_dept, NULL);
      f->state = SW_STATE_REGISTERED;
      break;
    case SW_EVENT_REFERRED:
      set (&f->handler, r->p.str[P_HANDLER]);
      f->state = SW_STATE_IN_PROGRESS;
      break;
    case SW_EVENT_NOTIFIED:
    case SW_EVENT_HANDLING:
    case SW_EVENT_DECIDED:
      f->state = SW_STATE_IN_PROGRESS;
      break;
    case SW_EVENT_REOPENED:
      f->state = SW_STATE_IN_PROGRESS;
      f->called_back = FALSE;
      break;
    case SW_EVENT_ESCALATED:
      f->state = SW_STATE_ESCALATED;
      break;
    case SW_EVENT_REPLIED:
      f->state = SW_STATE_REPLIED;
      f->reply_at = at;
      set (&f->reply_event, r->id);
      set (&f->reply_actor, actor);
      set (&f->reply_dept, f->handler_dept);
      finish (f, at);
      break;
    case SW_EVENT_CALLBACK:
      f->called_back = TRUE;
      f->due_at = 0;
      break;
    case SW_EVENT_HANDOVER:
      set (&f->handler, r->p.str[P_TO]);
      set (&f->handler_dept, r->p.str[P_TO_DEPARTMENT]);
      break;
    case SW_EVENT_ANSWERED:
    case SW_EVENT_OUTSIDE:
    case SW_EVENT_REFUSED:
    case SW_EVENT_CLOSED:
      f->state = SW_STATE_CLOSED;
      f->due_at = 0;
      finish (f, at);
      break;
    case SW_EVENT_URGED:
    case SW_EVENT_NOTE:
    case SW_N_EVENTS:
    default:
      break;
    }

  if (f->state == SW_STATE_CLOSED)
    return;
  if (r->p.has[P_DUE_AT])
    {
      f->due_at = r->p.num[P_DUE_AT];
      set (&f->due_rule, r->p.str[P_DUE_RULE]);
      set (&f->due_event, r->id);
    }
  if (r->p.has[P_PROMISED_AT] && r->p.num[P_PROMISED_AT] != f->promise_at)
    {
      f->promise_at = r->p.num[P_PROMISED_AT];
      set (&f->promise_event, r->id);
    }
  if (kind == SW_EVENT_REPLIED)
    f->promise_at = 0;    /* kept; a reopening makes a new promise */
}

/* The facts are gathered in a temporary table and written in one statement
 * (flush_facts): one INSERT OR REPLACE per case costs a statement journal. */
static gboolean
store_facts (Detect  *d,
             GError **error)
{
  Fold *f = &d->f;
  sqlite3_stmt *stmt = _sw_store_prepare (d->store,
      "INSERT INTO detect_facts (case_id, transfers, transfer_late, accepts, accept_late, handling_ms,"
      " due_event, promise_event) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
  gint64 handling = -1;

  if (stmt == NULL)
    return FALSE;
  if (f->done_at >= 0 && f->received_at > 0)
    handling = sw_calendar_working_ms_between (calendar_for (d, f->branch), f->received_at, f->done_at);
  _sw_bind_text (stmt, 1, f->case_id);
  sqlite3_bind_int (stmt, 2, f->transfers);
  sqlite3_bind_int (stmt, 3, f->transfer_late);
  sqlite3_bind_int (stmt, 4, f->accepts);
  sqlite3_bind_int (stmt, 5, f->accept_late);
  sqlite3_bind_int64 (stmt, 6, handling);
  _sw_bind_text (stmt, 7, f->due_at > 0 ? f->due_event : NULL);
  _sw_bind_text (stmt, 8, f->promise_at > 0 ? f->promise_event : NULL);
  return _sw_store_step_done (d->store, stmt, error);
}

static gboolean
flush_facts (Detect  *d,
             GError **error)
{
  return _sw_store_exec (d->store,
      "INSERT OR REPLACE INTO case_facts (case_id, received_at, kind, channel, resolution, owner,"
      " owner_department, handler, handler_department, target_department, promised_at, replied_at,"
      " callback_at, anonymous, satisfaction, reopen_count, transfers, transfer_late, accepts,"
      " accept_late, handling_ms, due_event, promise_event)"
      " SELECT c.id, c.received_at, c.kind, c.channel, c.resolution, c.owner, c.owner_department, c.handler,"
      " c.handler_department, c.target_department, c.promised_at, c.replied_at, c.callback_at, c.anonymous,"
      " c.satisfaction, c.reopen_count, t.transfers, t.transfer_late, t.accepts, t.accept_late, t.handling_ms,"
      " t.due_event, t.promise_event FROM detect_facts t JOIN cases c ON c.id = t.case_id ORDER BY t.rowid;"
      "DELETE FROM detect_facts", error);
}

static gboolean
end_case (Detect  *d,
          GError **error)
{
  if (d->f.case_id == NULL)
    return TRUE;
  d->n_cases++;
  return store_facts (d, error);
}

static gboolean
select_cases (Detect  *d,
              gint64   watermark,
              GError **error)
{
  sqlite3_stmt *stmt;

  if (!_sw_store_exec (d->store, "DELETE FROM detect_scan", error))
    return FALSE;
  stmt = _sw_store_prepare (d->store,
      "INSERT OR IGNORE INTO detect_scan SELECT DISTINCT case_id FROM events WHERE seq > ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, watermark);
  if (!_sw_store_step_done (d->store, stmt, error))
    return FALSE;
  return TRUE;
}

/* The deadlines of open cases that passed with nothing done, at the store's
 * clock, set-based over the case rows; the deadline's event comes from the
 * facts. Only the ones without a finding yet come back. */
static const char pending_sql[] =
  "SELECT p.rule, p.case_id, p.person, p.dept, p.ev, p.deadline, p.branch, c.number FROM ("
  " SELECT 'late_transfer' AS rule, c.id AS case_id, c.handler AS person, c.handler_department AS dept,"
  "  f.due_event AS ev, c.due_at AS deadline, c.branch_code AS branch"
  "  FROM cases c JOIN case_facts f ON f.case_id = c.id"
  "  WHERE c.state = 'registered' AND c.due_at > 0 AND c.due_at < ?1 AND c.due_rule = 'limit.transfer_hours'"
  " UNION ALL"
  " SELECT 'late_accept', c.id, d.head_empno, c.target_department, f.due_event, c.due_at, c.branch_code"
  "  FROM cases c JOIN case_facts f ON f.case_id = c.id LEFT JOIN departments d ON d.code = c.target_department"
  "  WHERE c.state = 'transferred' AND c.due_at > 0 AND c.due_at < ?1 AND c.due_rule = 'limit.accept_hours'"
  " UNION ALL"
  " SELECT 'reply_overdue', c.id, c.handler, c.handler_department, f.promise_event, c.promised_at, c.branch_code"
  "  FROM cases c JOIN case_facts f ON f.case_id = c.id"
  "  WHERE c.state IN ('registered', 'transferred', 'in_progress', 'escalated')"
  "  AND c.promised_at > 0 AND c.promised_at < ?1"
  " UNION ALL"
  " SELECT 'no_callback', c.id, c.owner, c.owner_department, f.due_event, c.due_at, c.branch_code"
  "  FROM cases c JOIN case_facts f ON f.case_id = c.id"
  "  WHERE c.state = 'replied' AND c.due_at > 0 AND c.due_at < ?1 AND c.due_rule = 'limit.callback_days'"
  "  AND c.callback_at = 0 AND c.anonymous = 0"
  ") p JOIN cases c ON c.id = p.case_id WHERE p.ev IS NOT NULL AND NOT EXISTS (SELECT 1 FROM findings x"
  " WHERE x.key = p.rule || '|' || p.case_id || '|' || coalesce (p.person, '') || '|' || p.ev)";

static gboolean
check_pending (Detect  *d,
               GError **error)
{
  sqlite3_stmt *stmt = _sw_store_prepare (d->store, pending_sql, error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  gboolean ok = TRUE;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, d->now);
  /* Collected first: emitting writes to the table the query reads. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      char **row = g_new0 (char *, 9);
      for (int i = 0; i < 8; i++)
        row[i] = _sw_column_dup (stmt, i);
      g_ptr_array_add (rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _sw_store_fail (d->store, error);

  for (guint i = 0; ok && i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);
      gint64 deadline = g_ascii_strtoll (row[5], NULL, 10);

      set (&d->f.branch, row[6]);
      ok = emit (d, row[0], row[1], row[7], row[2], row[3], row[4], NULL, deadline,
                 lateness (d, deadline, d->now + 1), error);
    }
  return ok;
}

static gboolean
scan (Detect   *d,
      gboolean  everything,
      GError  **error)
{
  /* Without a watermark every case is examined: straight from the index. */
  sqlite3_stmt *stmt = everything
    ? _sw_store_prepare (d->store, SCAN_COLUMNS " FROM events e" SCAN_ORDER, error)
    : _sw_store_prepare (d->store, SCAN_COLUMNS " FROM detect_scan s JOIN events e ON e.case_id = s.case_id"
                         SCAN_ORDER, error);
  Row *r = &d->row;
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *case_id = (const char *) sqlite3_column_text (stmt, 0);
      int kind = sw_event_kind_from_string ((const char *) sqlite3_column_text (stmt, 2));

      if (g_strcmp0 (case_id, d->f.case_id) != 0)
        {
          if (!end_case (d, error))
            goto fail;
          fold_clear (&d->f);
          d->f.case_id = g_strdup (case_id);
        }
      if (kind < 0 || !_sw_payload_parse (&r->p, (const char *) sqlite3_column_text (stmt, 5)))
        continue;
      r->id = (const char *) sqlite3_column_text (stmt, 1);
      r->actor = (const char *) sqlite3_column_text (stmt, 3);
      r->at = sqlite3_column_int64 (stmt, 4);
      /* A registration is checked with the facts it brings. */
      if (kind == SW_EVENT_REGISTERED)
        apply_event (&d->f, r, kind);
      if (!check_event (d, r, kind, error))
        goto fail;
      if (kind != SW_EVENT_REGISTERED)
        apply_event (&d->f, r, kind);
    }
  if (rc != SQLITE_DONE)
    {
      _sw_store_fail (d->store, error);
      goto fail;
    }
  sqlite3_reset (stmt);
  return end_case (d, error) && flush_facts (d, error);

fail:
  sqlite3_reset (stmt);
  return FALSE;
}

GPtrArray *
sw_detect_run (SwStore        *store,
               SwDetectStats  *stats,
               GError        **error)
{
  Detect d = { 0 };
  g_autofree char *mark = NULL;
  gint64 watermark = 0, max_seq = 0;
  g_autofree char *max_text = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (SW_IS_STORE (store), NULL);

  if (!sw_store_begin (store, error))
    return NULL;
  mark = sw_store_get_meta (store, WATERMARK_KEY);
  if (mark != NULL)
    watermark = g_ascii_strtoll (mark, NULL, 10);
  if ((stmt = _sw_store_prepare (store, "SELECT coalesce (max (seq), 0) FROM events", error)) == NULL)
    {
      sw_store_rollback (store);
      return NULL;
    }
  if (sqlite3_step (stmt) == SQLITE_ROW)
    max_seq = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  d.store = store;
  d.now = sw_store_now (store);
  d.rules = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) rules_free);
  d.calendars = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  d.found = g_ptr_array_new_with_free_func ((GDestroyNotify) sw_finding_free);
  fold_clear (&d.f);

  max_text = g_strdup_printf ("%" G_GINT64_FORMAT, max_seq);
  /* Its CHECK on the status makes SQLite build a temporary table for every
   * row inserted into findings; detection only inserts 'open'. */
  ok = _sw_store_exec (store, "PRAGMA ignore_check_constraints = ON;"
                       "CREATE TEMP TABLE IF NOT EXISTS detect_scan (case_id TEXT PRIMARY KEY);"
                       "CREATE TEMP TABLE IF NOT EXISTS detect_facts (case_id TEXT, transfers INTEGER,"
                       " transfer_late INTEGER, accepts INTEGER, accept_late INTEGER, handling_ms INTEGER,"
                       " due_event TEXT, promise_event TEXT)", error) &&
       (watermark == 0 || select_cases (&d, watermark, error)) && scan (&d, watermark == 0, error) &&
       check_pending (&d, error) &&
       sw_store_set_meta (store, WATERMARK_KEY, max_text, error);
  _sw_store_exec (store, "PRAGMA ignore_check_constraints = OFF", NULL);
  fold_clear (&d.f);
  _sw_payload_clear (&d.row.p);
  g_hash_table_unref (d.rules);
  g_hash_table_unref (d.calendars);
  if (!ok)
    {
      sw_store_rollback (store);
      g_ptr_array_unref (d.found);
      return NULL;
    }
  if (!sw_store_commit (store, error))
    {
      g_ptr_array_unref (d.found);
      return NULL;
    }
  if (stats != NULL)
    {
      stats->n_cases = d.n_cases;
      stats->n_new = d.found->len;
    }
  return d.found;
}
