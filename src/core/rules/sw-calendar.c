/* sw-calendar.c — working time: working days, office hours and deadlines in a branch's zone
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "sw-calendar.h"

#include <stdlib.h>
#include <string.h>

#define DEFAULT_ZONE      "Asia/Shanghai"
#define FALLBACK_OFFSET   (8 * 3600)
#define MINUTES_PER_DAY   (24 * 60)
#define MS_PER_MINUTE     G_GINT64_CONSTANT (60000)
#define MS_PER_DAY        G_GINT64_CONSTANT (86400000)

/* Returned by the add_* functions when there is no answer: the calendar has
 * no working day in the next MAX_IDLE_DAYS days (say workdays = 0 and no
 * make-up days), or the result would fall after the year 9999. It sorts after
 * every real deadline, so a case with it is never overdue. */
#define NEVER             G_MAXINT64
#define MAX_IDLE_DAYS     3660

/* Days are numbered from 1970-01-01 = 0. GDate (which makes the
 * "YYYY-MM-DD" keys) numbers 0001-01-01 as 1 and 9999-12-31 as 3652059; a
 * day's margin at each end leaves room for any zone offset. */
#define EPOCH_JULIAN      719163
#define FIRST_DAY         (2 - EPOCH_JULIAN)
#define LAST_DAY          (3652058 - EPOCH_JULIAN)
#define MIN_MS            ((FIRST_DAY + 1) * MS_PER_DAY)
#define MAX_MS            ((LAST_DAY - 1) * MS_PER_DAY)

struct _SwCalendar
{
  GObject     parent_instance;

  GTimeZone  *tz;
  int         office_start;
  int         office_end;
  int         workdays;
  /* "YYYY-MM-DD" → SwCalendarDay; the key is the value's own date field */
  GHashTable *days;
  GHashTable *kinds;     /* day number since 1970-01-01 → SwDayKind: the hot path */
};

G_DEFINE_FINAL_TYPE (SwCalendar, sw_calendar, G_TYPE_OBJECT)

void
sw_calendar_day_free (SwCalendarDay *day)
{
  if (day == NULL)
    return;
  g_free (day->name);
  g_free (day);
}

SwCalendarDay *
sw_calendar_day_new (const char *date,
                     SwDayKind   kind,
                     const char *name)
{
  SwCalendarDay *day = g_new0 (SwCalendarDay, 1);

  g_strlcpy (day->date, date, sizeof day->date);
  day->kind = kind;
  day->name = (name != NULL && *name != '\0') ? g_strdup (name) : NULL;
  return day;
}

static SwCalendarDay *
day_copy (const SwCalendarDay *day)
{
  return sw_calendar_day_new (day->date, day->kind, day->name);
}

int
sw_calendar_day_compare (gconstpointer a,
                         gconstpointer b)
{
  const SwCalendarDay *da = *(SwCalendarDay * const *) a;
  const SwCalendarDay *db = *(SwCalendarDay * const *) b;

  return strcmp (da->date, db->date);
}

gboolean
sw_calendar_date_is_valid (const char *s)
{
  int y = 0, m = 0, d = 0;

  if (s == NULL || strlen (s) != 10 || s[4] != '-' || s[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7)
        continue;
      if (!g_ascii_isdigit (s[i]))
        return FALSE;
      if (i < 4)
        y = y * 10 + g_ascii_digit_value (s[i]);
      else if (i < 7)
        m = m * 10 + g_ascii_digit_value (s[i]);
      else
        d = d * 10 + g_ascii_digit_value (s[i]);
    }
  return m >= 1 && m <= 12 && d >= 1 && d <= 31 &&
         g_date_valid_dmy (d, m, y);
}

static GTimeZone *
load_zone (const char *identifier)
{
  GTimeZone *tz;

  if (identifier == NULL || *identifier == '\0')
    identifier = DEFAULT_ZONE;
  tz = g_time_zone_new_identifier (identifier);
  if (tz == NULL)
    {
      /* No tzdata (e.g. a minimal container): China has had no DST since
       * 1991, so a fixed offset is right for the default zone. */
      g_message ("Time zone “%s” is not available, using UTC+08:00", identifier);
      tz = g_time_zone_new_offset (FALLBACK_OFFSET);
    }
  return tz;
}

static gint64
day_of (SwCalendar *self,
        gint64      t_ms)
{
  gint64 secs = t_ms / 1000 - (t_ms % 1000 < 0);
  int interval = g_time_zone_find_interval (self->tz, G_TIME_TYPE_UNIVERSAL, secs);
  gint64 local = secs + g_time_zone_get_offset (self->tz, interval);

  return local / 86400 - (local % 86400 < 0);
}

/* The instant of a local wall-clock time; minute may be 24:00. */
static gint64
instant_at (SwCalendar *self,
            gint64      day,
            int         minute)
{
  gint64 local = day * 86400 + minute * 60;
  int interval = g_time_zone_adjust_time (self->tz, G_TIME_TYPE_STANDARD, &local);

  return (local - g_time_zone_get_offset (self->tz, interval)) * 1000;
}

static gint64
office_open (SwCalendar *self,
             gint64      day)
{
  return instant_at (self, day, self->office_start);
}

static gint64
office_close (SwCalendar *self,
              gint64      day)
{
  return instant_at (self, day, self->office_end);
}

static gboolean
is_working_day (SwCalendar *self,
                gint64      day)
{
  int weekday;

  if (g_hash_table_size (self->kinds) > 0)
    {
      gpointer kind;

      if (g_hash_table_lookup_extended (self->kinds, GINT_TO_POINTER ((int) day), NULL, &kind))
        return GPOINTER_TO_INT (kind) == SW_DAY_WORKDAY;
    }

  /* 1970-01-01 was a Thursday; bit 1 = Monday … bit 7 = Sunday */
  weekday = (int) (((day + 3) % 7 + 7) % 7) + 1;
  return (self->workdays >> weekday) & 1;
}

static gboolean
next_working_day (SwCalendar *self,
                  gint64     *day)
{
  for (gint64 d = *day + 1; d <= *day + MAX_IDLE_DAYS && d <= LAST_DAY; d++)
    {
      if (is_working_day (self, d))
        {
          *day = d;
          return TRUE;
        }
    }
  return FALSE;
}

/* Where office time counted from t begins: t itself during office hours,
 * otherwise the next office opening. */
static gboolean
effective_start (SwCalendar *self,
                 gint64      t_ms,
                 gint64     *day_out,
                 gint64     *start_out)
{
  gint64 day = day_of (self, t_ms);

  if (is_working_day (self, day) && t_ms < office_close (self, day))
    {
      *day_out = day;
      *start_out = MAX (t_ms, office_open (self, day));
      return TRUE;
    }
  if (!next_working_day (self, &day))
    return FALSE;
  *day_out = day;
  *start_out = office_open (self, day);
  return TRUE;
}

static void
sw_calendar_finalize (GObject *object)
{
  SwCalendar *self = SW_CALENDAR (object);

  g_clear_pointer (&self->tz, g_time_zone_unref);
  g_clear_pointer (&self->days, g_hash_table_unref);
  g_clear_pointer (&self->kinds, g_hash_table_unref);

  G_OBJECT_CLASS (sw_calendar_parent_class)->finalize (object);
}

static void
sw_calendar_class_init (SwCalendarClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sw_calendar_finalize;
}

static void
sw_calendar_init (SwCalendar *self)
{
  self->tz = load_zone (DEFAULT_ZONE);
  self->office_start = 9 * 60;
  self->office_end = 17 * 60;
  self->workdays = 0x3e;
  self->kinds = g_hash_table_new (g_direct_hash, g_direct_equal);
  self->days = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                      (GDestroyNotify) sw_calendar_day_free);
}

/* An unknown zone falls back to UTC+08:00 (with a message); NULL or "" means
 * Asia/Shanghai. */
SwCalendar *
sw_calendar_new (const char *tz,
                 int         office_start,
                 int         office_end,
                 int         workdays)
{
  SwCalendar *self;

  g_return_val_if_fail (office_start >= 0, NULL);
  g_return_val_if_fail (office_start < office_end, NULL);
  g_return_val_if_fail (office_end <= MINUTES_PER_DAY, NULL);
  g_return_val_if_fail ((workdays & ~0xfe) == 0, NULL);

  self = g_object_new (SW_TYPE_CALENDAR, NULL);
  g_time_zone_unref (self->tz);
  self->tz = load_zone (tz);
  self->office_start = office_start;
  self->office_end = office_end;
  self->workdays = workdays;
  return self;
}

SwCalendar *
sw_calendar_new_default (void)
{
  return sw_calendar_new (DEFAULT_ZONE, 9 * 60, 17 * 60, 0x3e);
}

/* SW_DAY_NORMAL removes the override. */
void
sw_calendar_set_day (SwCalendar *self,
                     const char *date,
                     SwDayKind   kind,
                     const char *name)
{
  SwCalendarDay *day;

  g_return_if_fail (SW_IS_CALENDAR (self));
  g_return_if_fail (sw_calendar_date_is_valid (date));
  g_return_if_fail (kind == SW_DAY_NORMAL || kind == SW_DAY_HOLIDAY ||
                    kind == SW_DAY_WORKDAY);

  {
    GDate d;
    int number;

    g_date_clear (&d, 1);
    g_date_set_dmy (&d, (GDateDay) atoi (date + 8), (GDateMonth) atoi (date + 5), (GDateYear) atoi (date));
    number = (int) g_date_get_julian (&d) - EPOCH_JULIAN;
    if (kind == SW_DAY_NORMAL)
      g_hash_table_remove (self->kinds, GINT_TO_POINTER (number));
    else
      g_hash_table_insert (self->kinds, GINT_TO_POINTER (number), GINT_TO_POINTER (kind));
  }

  if (kind == SW_DAY_NORMAL)
    {
      g_hash_table_remove (self->days, date);
      return;
    }

  day = sw_calendar_day_new (date, kind, name);
  /* replace, not insert: the old key lives in the old value, freed here */
  g_hash_table_replace (self->days, day->date, day);
}

SwDayKind
sw_calendar_get_day (SwCalendar *self,
                     const char *date)
{
  SwCalendarDay *day;

  g_return_val_if_fail (SW_IS_CALENDAR (self), SW_DAY_NORMAL);
  g_return_val_if_fail (date != NULL, SW_DAY_NORMAL);

  day = g_hash_table_lookup (self->days, date);
  return day != NULL ? day->kind : SW_DAY_NORMAL;
}

GPtrArray *
sw_calendar_list_days (SwCalendar *self)
{
  GPtrArray *list;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (SW_IS_CALENDAR (self), NULL);

  list = g_ptr_array_new_full (g_hash_table_size (self->days),
                               (GDestroyNotify) sw_calendar_day_free);
  g_hash_table_iter_init (&iter, self->days);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (list, day_copy (value));
  g_ptr_array_sort (list, sw_calendar_day_compare);
  return list;
}

gboolean
sw_calendar_is_working_date (SwCalendar *self,
                             int         year,
                             int         month,
                             int         day)
{
  GDate date;

  g_return_val_if_fail (SW_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (year >= 1 && year <= 9999 && month >= 1 && month <= 12 &&
                        day >= 1 && day <= 31 &&
                        g_date_valid_dmy (day, month, year), FALSE);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return is_working_day (self, (gint64) g_date_get_julian (&date) - EPOCH_JULIAN);
}

gboolean
sw_calendar_is_working_time (SwCalendar *self,
                             gint64      t_ms)
{
  gint64 day;

  g_return_val_if_fail (SW_IS_CALENDAR (self), FALSE);

  if (t_ms < MIN_MS || t_ms > MAX_MS)
    return FALSE;
  day = day_of (self, t_ms);
  return is_working_day (self, day) &&
         t_ms >= office_open (self, day) && t_ms < office_close (self, day);
}

/* Returns G_MAXINT64 when there is no such working day (see NEVER). */
gint64
sw_calendar_add_working_days (SwCalendar *self,
                              gint64      t_ms,
                              int         n)
{
  gint64 day, start;

  g_return_val_if_fail (SW_IS_CALENDAR (self), NEVER);
  g_return_val_if_fail (n >= 0, NEVER);

  if (t_ms > MAX_MS)
    return NEVER;
  if (!effective_start (self, MAX (t_ms, MIN_MS), &day, &start))
    return NEVER;
  for (int i = 0; i < n; i++)
    if (!next_working_day (self, &day))
      return NEVER;
  return office_close (self, day);
}

/* Returns G_MAXINT64 when the office time runs out (see NEVER). Zero minutes
 * gives the effective start: t during office hours, else the next opening. */
gint64
sw_calendar_add_working_minutes (SwCalendar *self,
                                 gint64      t_ms,
                                 gint64      minutes)
{
  gint64 day, start, remaining;

  g_return_val_if_fail (SW_IS_CALENDAR (self), NEVER);
  g_return_val_if_fail (minutes >= 0, NEVER);

  if (t_ms > MAX_MS || minutes > MAX_MS / MS_PER_MINUTE)
    return NEVER;
  if (!effective_start (self, MAX (t_ms, MIN_MS), &day, &start))
    return NEVER;

  remaining = minutes * MS_PER_MINUTE;
  for (;;)
    {
      gint64 available = office_close (self, day) - start;

      /* "<=": time that runs out exactly at closing ends that day */
      if (remaining <= available)
        return start + remaining;
      remaining -= available;
      if (!next_working_day (self, &day))
        return NEVER;
      start = office_open (self, day);
    }
}

gint64
sw_calendar_add_working_hours (SwCalendar *self,
                               gint64      t_ms,
                               int         hours)
{
  g_return_val_if_fail (hours >= 0, NEVER);

  return sw_calendar_add_working_minutes (self, t_ms, (gint64) hours * 60);
}

/* One step per day, so a span of years is still cheap; instants beyond the
 * years 1–9999 are clamped to them. */
gint64
sw_calendar_working_ms_between (SwCalendar *self,
                                gint64      t1_ms,
                                gint64      t2_ms)
{
  gint64 first, last, total = 0;

  g_return_val_if_fail (SW_IS_CALENDAR (self), 0);

  t1_ms = CLAMP (t1_ms, MIN_MS, MAX_MS);
  t2_ms = CLAMP (t2_ms, MIN_MS, MAX_MS);
  if (t2_ms <= t1_ms)
    return 0;

  first = day_of (self, t1_ms);
  last = day_of (self, t2_ms);
  for (gint64 day = first; day <= last; day++)
    {
      gint64 lo, hi;

      if (!is_working_day (self, day))
        continue;
      lo = MAX (office_open (self, day), t1_ms);
      hi = MIN (office_close (self, day), t2_ms);
      if (hi > lo)
        total += hi - lo;
    }
  return total;
}

/* Returns: (transfer none) */
GTimeZone *
sw_calendar_get_timezone (SwCalendar *self)
{
  g_return_val_if_fail (SW_IS_CALENDAR (self), NULL);

  return self->tz;
}
