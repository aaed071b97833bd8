/* sw-demo-plan.c — the demo's chances, people and the course each case takes
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "sw-demo-private.h"

#define OFFICE_START  (9 * 60)
#define OFFICE_END    (17 * 60)
#define DAY           (OFFICE_END - OFFICE_START)   /* working minutes */
#define SPAN_DAYS     90
#define MS_PER_MINUTE G_GINT64_CONSTANT (60000)
#define MS_PER_DAY    (24 * 60 * MS_PER_MINUTE)

/* The state each step leaves the case in (-1: unchanged), for holding. */
const StepInfo _sw_demo_step_info[] = {
  { "register", SW_STATE_REGISTERED },   { "answer", SW_STATE_CLOSED },
  { "notify", SW_STATE_IN_PROGRESS },    { "handle", SW_STATE_IN_PROGRESS },
  { "refer", SW_STATE_IN_PROGRESS },     { "transfer", SW_STATE_TRANSFERRED },
  { "accept", SW_STATE_IN_PROGRESS },    { "return", SW_STATE_REGISTERED },
  { "forward", SW_STATE_TRANSFERRED },   { "escalate", SW_STATE_ESCALATED },
  { "decide", SW_STATE_IN_PROGRESS },    { "outside", SW_STATE_CLOSED },
  { "refuse", SW_STATE_CLOSED },         { "urge", -1 },
  { "reply", SW_STATE_REPLIED },         { "callback", -1 },
  { "reopen", SW_STATE_IN_PROGRESS },    { "close", SW_STATE_CLOSED },
  { "handover", -1 },                    { "note", -1 },
};
G_STATIC_ASSERT (G_N_ELEMENTS (_sw_demo_step_info) == STEP_NOTE + 1);

/* The courses a case takes (domain §5). */
typedef enum {
  PATH_ANSWER, PATH_OWN, PATH_NOTIFY, PATH_REFER, PATH_TRANSFER,
  PATH_RETURN, PATH_FORWARD, PATH_ESCALATE, PATH_OUTSIDE, PATH_REFUSE,
  N_PATHS
} Path;

static const guint path_weights[N_PATHS] = { 33, 14, 7, 8, 16, 4, 4, 7, 4, 3 };

typedef struct {
  gint64    received;
  gint64    registered;
  SwChannel channel;
} Arrival;

static void
walker_free (Walker *w)
{
  g_clear_object (&w->row);
  g_free (w);
}

/* ------------------------------------------------------------ chance */

static int
rnd (Demo *d,
     int   lo,
     int   hi)
{
  return g_rand_int_range (d->rand, lo, hi + 1);
}

static gboolean
chance (Demo *d,
        int   percent)
{
  return g_rand_int_range (d->rand, 0, 100) < percent;
}

static const char *
pick (Demo             *d,
      const SwDemoList *list)
{
  return list->items[g_rand_int_range (d->rand, 0, (gint32) list->n)];
}

/* A delay in working minutes; now and then it runs late. */
static gint64
span (Demo *d,
      int   lo,
      int   hi,
      int   late_percent)
{
  return chance (d, late_percent) ? rnd (d, hi, hi * 2) : rnd (d, lo, hi);
}

gint64
_sw_demo_later (Demo   *d,
                gint64  t,
                gint64  minutes)
{
  gint64 at = sw_calendar_add_working_minutes (d->calendar, t, MAX (minutes, 1));
  gint64 seconds = g_rand_int_range (d->rand, 0, 60000);

  /* At least a minute after t: the seconds never cross the closing time. */
  if (at == G_MAXINT64)
    return at;
  return sw_calendar_is_working_time (d->calendar, at + seconds) ? at + seconds : at - seconds;
}

static const char *
printf_string (Demo       *d,
               const char *format,
               ...) G_GNUC_PRINTF (2, 3);

static const char *
printf_string (Demo       *d,
               const char *format,
               ...)
{
  g_autofree char *s = NULL;
  va_list ap;

  va_start (ap, format);
  s = g_strdup_vprintf (format, ap);
  va_end (ap);
  return g_string_chunk_insert (d->strings, s);
}

/* ------------------------------------------------------------ people */

static const SwDemoStaff *
staff_info (const char *empno)
{
  for (guint i = 0; i < sw_demo_n_staff; i++)
    if (g_strcmp0 (sw_demo_staff[i].empno, empno) == 0)
      return &sw_demo_staff[i];
  return NULL;
}

const SwDemoDepartment *
_sw_demo_dept_info (const char *code)
{
  for (guint i = 0; i < sw_demo_n_departments; i++)
    if (g_strcmp0 (sw_demo_departments[i].code, code) == 0)
      return &sw_demo_departments[i];
  g_return_val_if_reached (&sw_demo_departments[0]);
}

gboolean
_sw_demo_present (const char *empno)
{
  const SwDemoStaff *s = staff_info (empno);

  return s != NULL && s->availability == SW_AVAILABILITY_ON_DUTY;
}

/* A colleague of `dept` at work who may own or handle a case, other than
 * the two named; heads only when nobody else is there. */
const char *
_sw_demo_pick_member (Demo       *d,
                      const char *dept,
                      const char *except1,
                      const char *except2,
                      gboolean    allow_head)
{
  const char *found[64];
  guint n = 0;

  for (guint i = 0; i < sw_demo_n_staff && n < G_N_ELEMENTS (found); i++)
    {
      const SwDemoStaff *s = &sw_demo_staff[i];

      if (g_strcmp0 (s->department, dept) == 0 &&
          s->availability == SW_AVAILABILITY_ON_DUTY && s->kind == SW_STAFF_KIND_REGULAR &&
          (s->role == SW_ROLE_STAFF || (allow_head && s->role == SW_ROLE_HEAD)) &&
          g_strcmp0 (s->empno, except1) != 0 && g_strcmp0 (s->empno, except2) != 0)
        found[n++] = s->empno;
    }
  if (n == 0 && !allow_head)
    return _sw_demo_pick_member (d, dept, except1, except2, TRUE);
  return n ? found[g_rand_int_range (d->rand, 0, (gint32) n)] : NULL;
}

/* Someone of `dept` of that kind, at work or absent; with `than`, the least
 * senior of those above that person. */
static const char *
find_member (const char         *dept,
             SwStaffKind         kind,
             gboolean            absent,
             const SwDemoStaff  *than)
{
  const SwDemoStaff *found = NULL;

  for (guint i = 0; i < sw_demo_n_staff; i++)
    {
      const SwDemoStaff *s = &sw_demo_staff[i];

      if (g_strcmp0 (s->department, dept) != 0 || s->kind != kind ||
          (s->availability != SW_AVAILABILITY_ON_DUTY) != absent ||
          (s->role != SW_ROLE_STAFF && s->role != SW_ROLE_HEAD))
        continue;
      if (than == NULL)
        return s->empno;
      if (s->rank > than->rank && (found == NULL || s->rank < found->rank))
        found = s;
    }
  return found ? found->empno : NULL;
}

static const char *
pick_supervisor (Demo *d)
{
  const char *found[8];
  guint n = 0;

  for (guint i = 0; i < sw_demo_n_staff && n < G_N_ELEMENTS (found); i++)
    if (sw_demo_staff[i].role == SW_ROLE_SUPERVISOR && _sw_demo_present (sw_demo_staff[i].empno))
      found[n++] = sw_demo_staff[i].empno;
  g_assert (n > 0);
  return found[g_rand_int_range (d->rand, 0, (gint32) n)];
}

static SwChannel
pick_channel (Demo *d)
{
  static const int weights[SW_N_CHANNELS] = { 46, 22, 3, 4, 13, 9, 3 };
  int r = rnd (d, 0, 99);

  for (int c = 0; c < SW_N_CHANNELS; c++)
    if ((r -= weights[c]) < 0)
      return (SwChannel) c;
  return SW_CHANNEL_VISIT;
}

/* A department a case is wrongly sent to first. */
static const char *
wrong_department (Demo       *d,
                  const char *from,
                  const char *duty)
{
  for (;;)
    {
      const char *w = pick (d, &sw_demo_business_departments);
      if (g_strcmp0 (w, from) != 0 && g_strcmp0 (w, duty) != 0)
        return w;
    }
}

/* Where a request that is not the receiver's duty first lands. */
static const char *
front_desk (Demo       *d,
            SwChannel   channel,
            const char *duty)
{
  const SwDemoList *desks = &sw_demo_visit_desks;

  if (channel == SW_CHANNEL_PHONE)
    desks = &sw_demo_phone_desks;
  else if (channel == SW_CHANNEL_ONLINE || channel == SW_CHANNEL_HOTLINE)
    desks = &sw_demo_online_desks;
  else if (channel != SW_CHANNEL_VISIT)
    desks = &sw_demo_paper_desks;

  for (int tries = 0; tries < 8; tries++)
    {
      const char *desk = pick (d, desks);
      if (g_strcmp0 (desk, duty) != 0)
        return desk;
    }
  return wrong_department (d, NULL, duty);
}

static void
make_customer (Demo          *d,
               Walker        *w,
               const char    *duty)
{
  SwRegistration *r = &w->reg;
  SwChannel ch = r->channel;

  r->customer_name = printf_string (d, "%s%s", pick (d, &sw_demo_surnames),
                                    pick (d, &sw_demo_given_names));
  if (ch != SW_CHANNEL_LETTER || chance (d, 60))
    r->customer_phone = printf_string (d, "1%c%09d", "3333555788889"[rnd (d, 0, 12)],
                                       rnd (d, 0, 999999999));
  if (g_strcmp0 (duty, SW_DEMO_CORPORATE) == 0 && chance (d, 90))
    r->customer_unit = pick (d, &sw_demo_companies);
  else if (chance (d, 8))
    r->customer_unit = pick (d, &sw_demo_work_units);
  if (ch == SW_CHANNEL_LETTER || chance (d, 10))
    r->customer_address = printf_string (d, "%s%d号院%d号楼", pick (d, &sw_demo_streets),
                                         rnd (d, 1, 120), rnd (d, 1, 18));
  r->signature = ch == SW_CHANNEL_VISIT &&
                 (r->kind == SW_KIND_COMPLAINT || r->kind == SW_KIND_BUSINESS) && chance (d, 50);
}

/* ------------------------------------------------------------ arrivals */

static Arrival
pick_arrival (Demo      *d,
              GDateTime *today)
{
  Arrival a = { 0 };

  a.channel = pick_channel (d);
  for (int tries = 0; tries < 1000; tries++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (today, -rnd (d, 0, SPAN_DAYS - 1));
      g_autoptr(GDateTime) t = NULL;
      gboolean remote = a.channel == SW_CHANNEL_ONLINE || a.channel == SW_CHANNEL_EMAIL ||
                        a.channel == SW_CHANNEL_HOTLINE;
      /* Online messages and hotline dispatches also come in the evening and
       * at weekends; they are registered when the office opens. */
      gboolean off_hours = remote && chance (d, 30);
      int y, m, dd, minute;

      g_date_time_get_ymd (day, &y, &m, &dd);
      if (!off_hours && !sw_calendar_is_working_date (d->calendar, y, m, dd))
        continue;
      minute = off_hours ? rnd (d, 7 * 60, 23 * 60 - 1) : rnd (d, OFFICE_START, OFFICE_END - 10);
      t = g_date_time_new (d->tz, y, m, dd, minute / 60, minute % 60, 0);
      a.received = g_date_time_to_unix (t) * 1000 + rnd (d, 0, 59999);
      if (a.received > d->now - 30 * MS_PER_MINUTE)
        continue;
      a.registered = _sw_demo_later (d, a.received, rnd (d, 2, 10));
      if (a.registered <= d->now)
        return a;
    }
  /* A calendar without working days: take it in just now. */
  a.received = d->now - 10 * MS_PER_MINUTE;
  a.registered = d->now - 5 * MS_PER_MINUTE;
  return a;
}

static int
compare_arrivals (gconstpointer a,
                  gconstpointer b)
{
  const Arrival *x = a, *y = b;

  return (x->received > y->received) - (x->received < y->received);
}

/* ------------------------------------------------------------ plans */

static Step *
add (Walker   *w,
     StepKind  kind,
     gint64    delay)
{
  Step *s;

  g_assert (w->n_steps < MAX_STEPS);
  s = &w->steps[w->n_steps++];
  memset (s, 0, sizeof *s);
  s->kind = kind;
  s->delay = delay;
  return s;
}

static Path
pick_path (Demo *d,
           int   hold)
{
  static const guint allowed[SW_N_STATES] = {
    [SW_STATE_REGISTERED] = 1 << PATH_OWN | 1 << PATH_NOTIFY | 1 << PATH_REFER | 1 << PATH_TRANSFER | 1 << PATH_ESCALATE,
    [SW_STATE_TRANSFERRED] = 1 << PATH_TRANSFER | 1 << PATH_RETURN | 1 << PATH_FORWARD,
    [SW_STATE_IN_PROGRESS] = 1 << PATH_OWN | 1 << PATH_NOTIFY | 1 << PATH_REFER | 1 << PATH_TRANSFER,
    [SW_STATE_ESCALATED] = 1 << PATH_ESCALATE,
    [SW_STATE_REPLIED] = 1 << PATH_OWN | 1 << PATH_REFER | 1 << PATH_TRANSFER | 1 << PATH_ESCALATE,
  };
  guint mask = hold >= 0 ? allowed[hold] : (1u << N_PATHS) - 1;
  guint total = 0;
  int r;

  for (int p = 0; p < N_PATHS; p++)
    if (mask & (1u << p))
      total += path_weights[p];
  r = g_rand_int_range (d->rand, 0, (gint32) total);
  for (int p = 0; p < N_PATHS; p++)
    if ((mask & (1u << p)) && (r -= (int) path_weights[p]) < 0)
      return (Path) p;
  g_return_val_if_reached (PATH_ANSWER);
}

static const SwDemoMatter *
pick_matter (Demo *d,
             Path  path)
{
  for (;;)
    {
      const SwDemoMatter *m = &sw_demo_matters[g_rand_int_range (d->rand, 0, (gint32) sw_demo_n_matters)];

      switch (path)
        {
        case PATH_ANSWER:
          if (m->kind == SW_KIND_CONSULTATION || m->kind == SW_KIND_QUERY ||
              m->kind == SW_KIND_SUGGESTION || (m->kind == SW_KIND_BUSINESS && chance (d, 30)))
            return m;
          break;
        case PATH_NOTIFY:
          if (m->materials != NULL)
            return m;
          break;
        case PATH_ESCALATE:
          if (m->kind == SW_KIND_COMPLAINT || m->kind == SW_KIND_TIPOFF)
            return m;
          break;
        default:
          return m;
        }
    }
}

static void
add_transfer (Demo       *d,
              Walker     *w,
              const char *to,
              const char *note,
              int         lo,
              int         hi)
{
  Step *s = add (w, STEP_TRANSFER, span (d, lo, hi, 10));

  s->dept = to;
  s->text = note ? note : printf_string (d, SW_DEMO_TRANSFER_NOTE, _sw_demo_dept_info (to)->name);
}

static void
add_followup (Demo       *d,
              Walker     *w,
              const char *answer,
              gint64      reply_delay)
{
  Step *s;

  if (chance (d, 20))
    {
      s = add (w, STEP_NOTE, reply_delay / 3);
      s->text = pick (d, &sw_demo_notes);
      reply_delay -= reply_delay / 3;
    }
  if (reply_delay > 2 * DAY || chance (d, 6))
    {
      gboolean late = reply_delay > 2 * DAY;

      s = add (w, STEP_URGE, reply_delay / 2);
      s->who = late ? pick_supervisor (d) : NULL;
      s->text = pick (d, late ? &sw_demo_supervisor_urges : &sw_demo_owner_urges);
      reply_delay -= reply_delay / 2;
    }
  s = add (w, STEP_REPLY, reply_delay);
  s->text = answer;

  if (w->reg.anonymous)
    {
      add (w, STEP_CLOSE, rnd (d, 5, 60));
      return;
    }
  if (chance (d, 7))
    {
      /* Not satisfied: handled again, called back again. */
      s = add (w, STEP_CALLBACK, span (d, 60, 2 * DAY, 5));
      s->value = rnd (d, 1, 2);
      s->text = pick (d, &sw_demo_low_comments);
      s = add (w, STEP_REOPEN, rnd (d, 10, 90));
      s->text = pick (d, &sw_demo_reopen_reasons);
      s = add (w, STEP_REPLY, span (d, DAY / 2, 2 * DAY, 10));
      s->text = printf_string (d, SW_DEMO_REPLY_AGAIN, answer);
      s = add (w, STEP_CALLBACK, span (d, 60, 2 * DAY, 5));
      s->value = rnd (d, 4, 5);
      s->text = sw_demo_good_comments.items[s->value - 3];
    }
  else
    {
      int r = rnd (d, 0, 99);

      s = add (w, STEP_CALLBACK, span (d, 60, 2 * DAY, 8));
      s->value = r < 60 ? 5 : r < 88 ? 4 : 3;
      s->text = sw_demo_good_comments.items[s->value - 3];
    }
  add (w, STEP_CLOSE, rnd (d, 5, 30));
}

/* Leaves the case open in `hold`: the walk stops there, promptly reached,
 * and a stuck case is chased by the supervisors. */
static void
hold_walk (Demo     *d,
           Walker   *w,
           SwState   hold,
           gboolean  stuck)
{
  for (guint i = 0; i < w->n_steps; i++)
    {
      if (i > 0)
        w->steps[i].delay = MIN (w->steps[i].delay, 240);
      if (_sw_demo_step_info[w->steps[i].kind].state == (int) hold)
        {
          w->n_steps = i + 1;
          break;
        }
    }
  if (stuck)
    for (int i = 0; i < 4; i++)
      {
        Step *s = add (w, STEP_URGE, rnd (d, DAY, 3 * DAY));
        s->who = pick_supervisor (d);
        s->text = pick (d, &sw_demo_supervisor_urges);
      }
  else if (chance (d, 30))
    {
      Step *s = add (w, STEP_URGE, rnd (d, 60, DAY));
      s->text = pick (d, &sw_demo_owner_urges);
    }
}

static Walker *
plan_case (Demo          *d,
           guint          index,
           const Arrival *a,
           int            hold,
           gboolean       stuck)
{
  Walker *w = g_new0 (Walker, 1);
  SwRegistration *r = &w->reg;
  Path path = pick_path (d, hold);
  const SwDemoMatter *m = NULL;
  const SwDemoOutside *outside = NULL;
  const SwDemoRefusal *refusal = NULL;
  const SwDemoStaff *receiver;
  const char *duty, *desk, *answer = NULL, *temp, *senior, *head;
  gboolean recent = a->received > d->now - 14 * MS_PER_DAY;
  Step *s;

  w->index = index;
  w->next_at = a->registered;
  r->channel = a->channel;
  r->received_at = a->received;

  if (path == PATH_OUTSIDE)
    {
      outside = &sw_demo_outside[g_rand_int_range (d->rand, 0, (gint32) sw_demo_n_outside)];
      r->kind = outside->kind, r->content = outside->content, duty = outside->department;
    }
  else if (path == PATH_REFUSE)
    {
      refusal = &sw_demo_refusals[g_rand_int_range (d->rand, 0, (gint32) sw_demo_n_refusals)];
      r->kind = refusal->kind, r->content = refusal->content, duty = refusal->department;
    }
  else
    {
      m = pick_matter (d, path);
      r->kind = m->kind, r->content = m->content, duty = m->department, answer = m->answer;
    }

  /* Tip-offs and some complaints come without a name (about 5% in all). */
  r->anonymous = r->channel != SW_CHANNEL_VISIT && r->channel != SW_CHANNEL_SUPERIOR &&
                 ((r->kind == SW_KIND_TIPOFF && chance (d, 60)) ||
                  ((r->kind == SW_KIND_COMPLAINT || r->kind == SW_KIND_SUGGESTION) && chance (d, 15)));
  if (!r->anonymous)
    make_customer (d, w, duty);

  /* The first receiver; a temporary colleague brings in a regular one, and
   * a more senior colleague asked together becomes responsible. */
  desk = path == PATH_TRANSFER || path == PATH_RETURN || path == PATH_FORWARD
         ? front_desk (d, r->channel, duty) : duty;
  r->received_by = w->owner = _sw_demo_pick_member (d, desk, NULL, NULL,
                                           g_strcmp0 (desk, SW_DEMO_LEADERSHIP) != 0 && chance (d, 10));
  receiver = staff_info (w->owner);
  temp = find_member (desk, SW_STAFF_KIND_TEMPORARY, FALSE, NULL);
  senior = find_member (desk, SW_STAFF_KIND_REGULAR, FALSE, receiver);
  if (temp != NULL && r->channel == SW_CHANNEL_VISIT && chance (d, 12))
    {
      r->received_by = temp;
      w->asked_with[0] = w->owner;
      r->asked_with = w->asked_with;
    }
  else if (senior != NULL && chance (d, 6))
    {
      w->asked_with[0] = w->owner = senior;
      r->asked_with = w->asked_with;
    }
  head = _sw_demo_dept_info (receiver ? receiver->department : NULL)->head;

  add (w, STEP_REGISTER, 0);
  switch (path)
    {
    case PATH_ANSWER:
      add (w, STEP_ANSWER, rnd (d, 3, 20))->text = answer;
      break;

    case PATH_OWN:
      {
        static const int reply_hi[] = { 300, 900, 1400 };
        int scope = rnd (d, 0, 9);

        scope = scope < 4 ? SW_SCOPE_OWN : scope < 8 ? SW_SCOPE_DEPARTMENT : SW_SCOPE_BRANCH;
        add (w, STEP_HANDLE, rnd (d, 5, 40))->value = scope;
        if (chance (d, 8))
          add (w, STEP_HANDOVER, rnd (d, 60, DAY));
        add_followup (d, w, answer, span (d, 30, reply_hi[scope], 12));
      }
      break;

    case PATH_NOTIFY:
      add (w, STEP_NOTIFY, rnd (d, 5, 30))->text = m->materials;
      add (w, STEP_NOTE, span (d, 120, 2 * DAY, 15))->text = SW_DEMO_BACK_NOTE;
      add_followup (d, w, answer, span (d, 30, 300, 10));
      break;

    case PATH_REFER:
      s = add (w, STEP_REFER, rnd (d, 5, 30));
      /* Referring to an absent colleague: their proxy, or their queue. */
      if (recent && chance (d, 70))
        s->who = find_member (duty, SW_STAFF_KIND_REGULAR, TRUE, NULL);
      if (s->who == NULL)
        s->who = _sw_demo_pick_member (d, duty, w->owner, NULL, FALSE);
      add_followup (d, w, answer, span (d, 120, 2 * DAY, 12));
      break;

    case PATH_TRANSFER:
      add_transfer (d, w, duty, NULL, 10, 50);
      add (w, STEP_ACCEPT, span (d, 10, 50, 10));
      if (chance (d, 6))
        add (w, STEP_HANDOVER, rnd (d, 60, DAY));
      add_followup (d, w, answer, span (d, DAY / 2, 3 * DAY, 12));
      break;

    case PATH_RETURN:
      {
        const char *wrong = wrong_department (d, desk, duty);

        add_transfer (d, w, wrong, NULL, 10, 50);
        s = add (w, STEP_RETURN, rnd (d, 20, 120));
        s->text = printf_string (d, SW_DEMO_RETURN_OPINION, _sw_demo_dept_info (wrong)->name,
                                 _sw_demo_dept_info (duty)->name);
        add_transfer (d, w, duty, NULL, 10, 40);
        add (w, STEP_ACCEPT, span (d, 10, 50, 10));
        add_followup (d, w, answer, span (d, DAY / 2, 3 * DAY, 15));
      }
      break;

    case PATH_FORWARD:
      if (g_strcmp0 (desk, SW_DEMO_LEADERSHIP) != 0 && chance (d, 35))
        {
          /* Nobody is sure whose duty it is: the office decides. */
          add_transfer (d, w, SW_DEMO_LEADERSHIP, SW_DEMO_UNCLEAR_NOTE, 10, 50);
          s = add (w, STEP_FORWARD, rnd (d, 30, 180));
          s->text = printf_string (d, SW_DEMO_OFFICE_OPINION, _sw_demo_dept_info (duty)->name);
        }
      else
        {
          add_transfer (d, w, wrong_department (d, desk, duty), NULL, 10, 50);
          s = add (w, STEP_FORWARD, rnd (d, 20, 120));
          s->text = printf_string (d, SW_DEMO_FORWARD_OPINION, _sw_demo_dept_info (duty)->name);
        }
      s->dept = duty;
      add (w, STEP_ACCEPT, span (d, 10, 50, 10));
      add_followup (d, w, answer, span (d, DAY / 2, 3 * DAY, 12));
      break;

    case PATH_ESCALATE:
      if (chance (d, 50))
        add (w, STEP_HANDLE, rnd (d, 5, 30))->value = SW_SCOPE_DEPARTMENT;
      s = add (w, STEP_ESCALATE, rnd (d, 10, 60));
      /* A complaint that reaches the branch manager: 矛盾升级. */
      s->who = g_strcmp0 (w->owner, head) == 0 || (r->kind == SW_KIND_COMPLAINT && chance (d, 40))
               ? _sw_demo_dept_info (SW_DEMO_LEADERSHIP)->head : head;
      s->text = pick (d, &sw_demo_escalation_notes);
      add (w, STEP_DECIDE, span (d, 60, DAY, 10))->text = pick (d, &sw_demo_decisions);
      add_followup (d, w, answer, span (d, 60, 2 * DAY, 10));
      break;

    case PATH_OUTSIDE:
      s = add (w, STEP_OUTSIDE, rnd (d, 5, 20));
      s->text = outside->unit;
      s->extra = outside->contact;
      break;

    case PATH_REFUSE:
      s = add (w, STEP_REFUSE, rnd (d, 10, 60));
      s->text = refusal->reason;
      s->who = g_strcmp0 (w->owner, head) == 0 ? pick_supervisor (d) : head;
      break;

    case N_PATHS:
    default:
      g_assert_not_reached ();
    }

  if (hold >= 0)
    hold_walk (d, w, hold, stuck);
  return w;
}

GPtrArray *
_sw_demo_plan_cases (Demo  *d,
                     guint  n_cases)
{
  static const SwState hold_cycle[] = {
    SW_STATE_REPLIED, SW_STATE_ESCALATED, SW_STATE_IN_PROGRESS,
    SW_STATE_TRANSFERRED, SW_STATE_REGISTERED,
  };
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (d->now / 1000);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, d->tz);
  g_autoptr(GDateTime) today = NULL;
  g_autoptr(GArray) arrivals = g_array_sized_new (FALSE, FALSE, sizeof (Arrival), n_cases);
  GPtrArray *walkers = g_ptr_array_new_with_free_func ((GDestroyNotify) walker_free);
  guint n_recent = MAX (MIN (n_cases, 5), n_cases / 6);
  guint n_held = 0, n_stuck = 0;
  int y, m, dd;

  g_date_time_get_ymd (local, &y, &m, &dd);
  today = g_date_time_new (d->tz, y, m, dd, 0, 0, 0);
  for (guint i = 0; i < n_cases; i++)
    {
      Arrival a = pick_arrival (d, today);
      g_array_append_val (arrivals, a);
    }
  g_array_sort (arrivals, compare_arrivals);

  /* Most cases run their course; the newest ones are left open in every
   * state of the board, and a few older ones are stuck and chased. */
  for (guint i = 0; i < n_cases; i++)
    {
      const Arrival *a = &g_array_index (arrivals, Arrival, i);
      guint from_end = n_cases - 1 - i;
      int hold = -1;
      gboolean stuck = FALSE;

      if (from_end < n_recent)
        {
          if (n_recent < 10 || (n_recent - 1 - from_end) % 2 == 0)
            hold = hold_cycle[n_held++ % G_N_ELEMENTS (hold_cycle)];
        }
      else if (a->received < d->now - 14 * MS_PER_DAY && a->received > d->now - 50 * MS_PER_DAY &&
               i % 19 == 7)
        {
          hold = n_stuck++ % 2 ? SW_STATE_TRANSFERRED : SW_STATE_IN_PROGRESS;
          stuck = TRUE;
        }
      g_ptr_array_add (walkers, plan_case (d, i, a, hold, stuck));
    }
  return walkers;
}
