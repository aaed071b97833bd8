/* sw-deadline.c — which deadline of a case runs now, and how it reads in working time
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-deadline.h"
#include "sw-lifecycle.h"

#define MINUTE_MS (60 * (gint64) 1000)
#define HOUR_MS   (60 * MINUTE_MS)

static const char * const kind_labels[SW_N_DEADLINES] = {
  [SW_DEADLINE_NONE] = N_("No deadline"),
  [SW_DEADLINE_DISPOSE] = N_("Awaiting disposition"),
  [SW_DEADLINE_FIRST_RESPONSE] = N_("Awaiting first response"),
  [SW_DEADLINE_ACCEPT] = N_("Awaiting acceptance"),
  [SW_DEADLINE_REPLY] = N_("Awaiting reply"),
  [SW_DEADLINE_DECISION] = N_("Awaiting the leader’s decision"),
  [SW_DEADLINE_CALLBACK] = N_("Awaiting callback"),
  [SW_DEADLINE_COMPLAINT_FILE] = N_("Awaiting filing"),
  [SW_DEADLINE_COMPLAINT_CLOSE] = N_("Awaiting conclusion"),
  [SW_DEADLINE_PETITION_DECIDE] = N_("Awaiting the petition decision"),
  [SW_DEADLINE_PETITION_CLOSE] = N_("Awaiting the petition’s conclusion"),
  [SW_DEADLINE_ASSIGNED] = N_("Awaiting the assignment’s conclusion"),
  [SW_DEADLINE_HOTLINE_FEEDBACK] = N_("Awaiting feedback to the hotline"),
  [SW_DEADLINE_PRELIMINARY] = N_("Awaiting the preliminary finding"),
};

/* The statutory limit that falls first (the lifecycle table's), when it
 * falls before the step deadline. */
static void
earlier_limit (SwCase     *c,
               SwDeadline *d)
{
  const char *code = NULL;
  gint64 due = 0;

  if (!sw_case_next_deadline (c, &code, &due) || (d->due_at > 0 && due >= d->due_at))
    return;
  if (sw_lifecycle_limit_from_code (code) < 0)
    return;
  d->kind = sw_lifecycle_limit (sw_lifecycle_limit_from_code (code))->waits;
  d->due_at = due;
}

/* Which step the case waits for, as the lifecycle table says for its
 * state and the rule its deadline was set by (its due_rule), or a
 * statutory limit of the lifecycle table when that falls first. */
SwDeadline
sw_case_running_deadline (SwCase *c)
{
  SwDeadline d = { SW_DEADLINE_NONE, 0 };
  const char *rule = sw_case_get_due_rule (c);

  if (!sw_case_is_open (c))
    return d;
  if (sw_case_get_due_at (c) <= 0)
    {
      earlier_limit (c, &d);
      return d;
    }
  d.due_at = sw_case_get_due_at (c);
  d.kind = sw_lifecycle_waits (sw_case_get_state (c), rule);
  earlier_limit (c, &d);
  return d;
}

const char *
sw_deadline_kind_label (SwDeadlineKind kind)
{
  g_return_val_if_fail (kind < SW_N_DEADLINES, "");
  return _(kind_labels[kind]);
}

gboolean
sw_case_promise_broken (SwCase *c,
                        gint64  now)
{
  gint64 promised = sw_case_get_promised_at (c);
  gint64 replied = sw_case_get_replied_at (c);

  if (promised <= 0)
    return FALSE;
  if (replied > 0)
    return replied > promised;
  /* Not replied: closed without a reply (answered, refused …) keeps no promise
   * to check; an open one breaks it once the time has passed. */
  return sw_case_is_open (c) && now > promised;
}

static char *
span_text (gint64 ms)
{
  gint64 minutes = (ms + MINUTE_MS - 1) / MINUTE_MS;

  if (minutes < 60)
    /* Translators: a span of office time in minutes */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d working minute", "%d working minutes",
                                         (gulong) minutes), (int) minutes);
  /* Translators: a span of office time in hours */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d working hour", "%d working hours",
                                       (gulong) ((minutes + 59) / 60)), (int) ((minutes + 59) / 60));
}

static const char *
weekday_name (int weekday)
{
  switch (weekday)
    {
    case 1: return C_("weekday", "Mon");
    case 2: return C_("weekday", "Tue");
    case 3: return C_("weekday", "Wed");
    case 4: return C_("weekday", "Thu");
    case 5: return C_("weekday", "Fri");
    case 6: return C_("weekday", "Sat");
    default: return C_("weekday", "Sun");
    }
}

char *
sw_deadline_format (SwCalendar *calendar,
                    gint64      due,
                    gint64      now)
{
  GTimeZone *zone = sw_calendar_get_timezone (calendar);
  g_autoptr(GDateTime) d = g_date_time_new_from_unix_utc (due / 1000);
  g_autoptr(GDateTime) n = g_date_time_new_from_unix_utc (now / 1000);
  g_autoptr(GDateTime) dl = g_date_time_to_timezone (d, zone);
  g_autoptr(GDateTime) nl = g_date_time_to_timezone (n, zone);
  g_autofree char *span = NULL;
  g_autofree char *clock = NULL;

  if (due <= now)
    {
      span = span_text (MAX (sw_calendar_working_ms_between (calendar, due, now), MINUTE_MS));
      /* Translators: %s is office time such as "3 working hours" */
      return g_strdup_printf (_("overdue by %s"), span);
    }
  if (g_date_time_get_year (dl) == g_date_time_get_year (nl) &&
      g_date_time_get_day_of_year (dl) == g_date_time_get_day_of_year (nl))
    {
      span = span_text (sw_calendar_working_ms_between (calendar, now, due));
      /* Translators: %s is office time such as "3 working hours" */
      return g_strdup_printf (_("%s left"), span);
    }
  clock = g_date_time_format (dl, "%H:%M");
  if (due - now < 6 * 24 * HOUR_MS)
    /* Translators: a deadline within the week: weekday and time, e.g. "by Mon 09:55" */
    return g_strdup_printf (_("by %1$s %2$s"), weekday_name (g_date_time_get_day_of_week (dl)), clock);
  /* Translators: a later deadline: month, day and time, e.g. "by 12-08 17:00" */
  return g_strdup_printf (_("by %1$02d-%2$02d %3$s"), g_date_time_get_month (dl),
                          g_date_time_get_day_of_month (dl), clock);
}
