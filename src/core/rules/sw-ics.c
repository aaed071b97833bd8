/* sw-ics.c — reading holidays and make-up working days from an iCalendar file
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>
#include <string.h>

#include "sw-calendar.h"
#include "sw-error.h"

/* A longer all-day event is a mistake in the file, not a holiday. */
#define MAX_EVENT_DAYS 366

static gboolean
mentions_workday (const char *text)
{
  g_autofree char *lower = NULL;

  if (text == NULL)
    return FALSE;
  if (strstr (text, "班") != NULL)
    return TRUE;
  /* ASCII folding: the English keywords are ASCII and the text may not be
   * valid UTF-8 */
  lower = g_ascii_strdown (text, -1);
  return strstr (lower, "workday") != NULL || strstr (lower, "make-up") != NULL;
}

static gboolean
event_is_workday (icalcomponent *event)
{
  if (mentions_workday (icalcomponent_get_summary (event)))
    return TRUE;
  for (icalproperty *p = icalcomponent_get_first_property (event, ICAL_CATEGORIES_PROPERTY);
       p != NULL;
       p = icalcomponent_get_next_property (event, ICAL_CATEGORIES_PROPERTY))
    if (mentions_workday (icalproperty_get_categories (p)))
      return TRUE;
  return FALSE;
}

static gboolean
to_gdate (struct icaltimetype t,
          GDate              *date)
{
  if (icaltime_is_null_time (t) ||
      t.year < 1 || t.year > 9999 || t.month < 1 || t.month > 12 ||
      t.day < 1 || t.day > 31 || !g_date_valid_dmy (t.day, t.month, t.year))
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, t.day, t.month, t.year);
  return TRUE;
}

/* The number of days from DTSTART to DTEND (exclusive), or the DURATION
 * rounded up to whole days; one day when neither is there or makes sense. */
static gint64
event_days (icalcomponent *event,
            const GDate   *start)
{
  icalproperty *prop;
  gint64 n = 1;

  if ((prop = icalcomponent_get_first_property (event, ICAL_DTEND_PROPERTY)) != NULL)
    {
      GDate end;

      if (to_gdate (icalproperty_get_dtend (prop), &end))
        n = (gint64) g_date_get_julian (&end) - g_date_get_julian (start);
    }
  else if ((prop = icalcomponent_get_first_property (event, ICAL_DURATION_PROPERTY)) != NULL)
    {
      struct icaldurationtype duration = icalproperty_get_duration (prop);
      gint64 secs = icaldurationtype_as_int (duration);

      n = (secs + 86399) / 86400;
    }
  return MAX (n, 1);
}

static void
add_day (GHashTable  *days,
         const GDate *date,
         SwDayKind    kind,
         const char  *name)
{
  SwCalendarDay *day;
  SwCalendarDay *old;

  {
    char iso[11];
    g_snprintf (iso, sizeof iso, "%04u-%02u-%02u", (guint) g_date_get_year (date),
                (guint) g_date_get_month (date), (guint) g_date_get_day (date));
    day = sw_calendar_day_new (iso, kind, name);
  }

  /* Where events overlap, a make-up working day beats a holiday: it is the
   * more specific announcement. Otherwise the first event wins. */
  old = g_hash_table_lookup (days, day->date);
  if (old != NULL && !(old->kind == SW_DAY_HOLIDAY && kind == SW_DAY_WORKDAY))
    {
      sw_calendar_day_free (day);
      return;
    }
  g_hash_table_replace (days, day->date, day);
}

static gboolean
add_event (GHashTable     *days,
           icalcomponent  *event,
           GError        **error)
{
  struct icaltimetype dtstart = icalcomponent_get_dtstart (event);
  const char *summary = icalcomponent_get_summary (event);
  g_autofree char *name = g_utf8_make_valid (summary != NULL ? summary : "", -1);
  SwDayKind kind;
  GDate date;
  gint64 n;

  /* A cancelled holiday is not a holiday. */
  if (icalcomponent_get_status (event) == ICAL_STATUS_CANCELLED)
    return TRUE;
  /* Timed events (meetings, a half-day off) do not change a whole day. */
  if (!icaltime_is_null_time (dtstart) && !icaltime_is_date (dtstart))
    return TRUE;

  if (!to_gdate (dtstart, &date))
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
                   _("The event “%s” has no valid start date"), name);
      return FALSE;
    }

  n = event_days (event, &date);
  if (n > MAX_EVENT_DAYS)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
                   _("The event “%s” lasts more than %d days"),
                   name, MAX_EVENT_DAYS);
      return FALSE;
    }

  kind = event_is_workday (event) ? SW_DAY_WORKDAY : SW_DAY_HOLIDAY;
  for (gint64 i = 0; i < n && g_date_get_year (&date) <= 9999; i++)
    {
      add_day (days, &date, kind, name);
      g_date_add_days (&date, 1);
    }
  return TRUE;
}

static gboolean
add_calendar (GHashTable     *days,
              icalcomponent  *calendar,
              GError        **error)
{
  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    if (!add_event (days, event, error))
      return FALSE;
  return TRUE;
}

GPtrArray *
sw_calendar_parse_ics (const char  *contents,
                       GError     **error)
{
  g_autoptr(GHashTable) days = NULL;
  GPtrArray *list;
  icalcomponent *root;
  GHashTableIter iter;
  gpointer value;
  guint n_calendars = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (contents != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  root = icalparser_parse_string (contents);
  if (root == NULL)
    {
      g_set_error_literal (error, SW_ERROR, SW_ERROR_INVALID,
                           _("The file is not an iCalendar file"));
      return NULL;
    }

  days = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                (GDestroyNotify) sw_calendar_day_free);
  if (icalcomponent_isa (root) == ICAL_VCALENDAR_COMPONENT)
    {
      n_calendars = 1;
      ok = add_calendar (days, root, error);
    }
  else if (icalcomponent_isa (root) == ICAL_XROOT_COMPONENT)
    {
      /* several VCALENDARs in one file */
      for (icalcomponent *c = icalcomponent_get_first_component (root, ICAL_VCALENDAR_COMPONENT);
           c != NULL && ok;
           c = icalcomponent_get_next_component (root, ICAL_VCALENDAR_COMPONENT))
        {
          n_calendars++;
          ok = add_calendar (days, c, error);
        }
    }
  icalcomponent_free (root);

  if (!ok)
    return NULL;
  if (n_calendars == 0)
    {
      g_set_error_literal (error, SW_ERROR, SW_ERROR_INVALID,
                           _("The file is not an iCalendar file: it has no VCALENDAR"));
      return NULL;
    }

  list = g_ptr_array_new_full (g_hash_table_size (days),
                               (GDestroyNotify) sw_calendar_day_free);
  g_hash_table_iter_init (&iter, days);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      g_ptr_array_add (list, value);
      g_hash_table_iter_steal (&iter);
    }
  g_ptr_array_sort (list, sw_calendar_day_compare);
  return list;
}
