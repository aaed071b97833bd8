/* sw-calendar.h — working time: weekdays, office hours, public holidays and
 * make-up working days (调休), in a branch's time zone.
 *
 * Conventions (also in the help):
 *  - An instant outside office hours counts from the next office opening.
 *  - "N working days after T": the day on which T falls (or, outside office
 *    hours, the next working day it counts from) is day 0; the deadline is the
 *    office closing time of the Nth working day after it. N = 0 means the
 *    closing time of that same working day ("immediately, the same day").
 *  - "N working hours after T": N×60 minutes of office time counted from T.
 *  - Working time between two instants: the office time inside [t1, t2).
 * All instants are Unix epoch milliseconds (UTC).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  SW_DAY_NORMAL,     /* no override: the weekday decides */
  SW_DAY_HOLIDAY,    /* a public holiday: no work even on a weekday */
  SW_DAY_WORKDAY,    /* a make-up working day (调休上班), even on a weekend */
} SwDayKind;

typedef struct {
  char      date[11];   /* YYYY-MM-DD */
  SwDayKind kind;
  char     *name;       /* e.g. 春节; may be NULL */
} SwCalendarDay;

/* A day override; `date` must be a valid YYYY-MM-DD, an empty name is none. */
SwCalendarDay *sw_calendar_day_new     (const char          *date,
                                        SwDayKind            kind,
                                        const char          *name);
void           sw_calendar_day_free    (SwCalendarDay       *day);
/* For g_ptr_array_sort over SwCalendarDay pointers: by date. */
int            sw_calendar_day_compare (gconstpointer        a,
                                        gconstpointer        b);
/* Strictly "YYYY-MM-DD", a date that exists. */
gboolean       sw_calendar_date_is_valid (const char        *date);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SwCalendarDay, sw_calendar_day_free)

#define SW_TYPE_CALENDAR (sw_calendar_get_type ())
G_DECLARE_FINAL_TYPE (SwCalendar, sw_calendar, SW, CALENDAR, GObject)

/* tz: an IANA zone such as "Asia/Shanghai"; office hours in minutes after
 * local midnight; workdays: bit 1 = Monday … bit 7 = Sunday (0x3e = Mon–Fri). */
SwCalendar *sw_calendar_new                  (const char *tz,
                                              int         office_start,
                                              int         office_end,
                                              int         workdays);
SwCalendar *sw_calendar_new_default          (void);

void        sw_calendar_set_day              (SwCalendar *self,
                                              const char *date,
                                              SwDayKind   kind,
                                              const char *name);
SwDayKind   sw_calendar_get_day              (SwCalendar *self,
                                              const char *date);
/* The overrides, sorted by date: a GPtrArray of SwCalendarDay. */
GPtrArray  *sw_calendar_list_days            (SwCalendar *self);

gboolean    sw_calendar_is_working_date      (SwCalendar *self,
                                              int         year,
                                              int         month,
                                              int         day);
gboolean    sw_calendar_is_working_time      (SwCalendar *self,
                                              gint64      t_ms);
gint64      sw_calendar_add_working_days     (SwCalendar *self,
                                              gint64      t_ms,
                                              int         n);
gint64      sw_calendar_add_working_minutes  (SwCalendar *self,
                                              gint64      t_ms,
                                              gint64      minutes);
gint64      sw_calendar_add_working_hours    (SwCalendar *self,
                                              gint64      t_ms,
                                              int         hours);
/* Office time inside [t1, t2), in milliseconds; 0 when t2 <= t1. */
gint64      sw_calendar_working_ms_between   (SwCalendar *self,
                                              gint64      t1_ms,
                                              gint64      t2_ms);
GTimeZone  *sw_calendar_get_timezone         (SwCalendar *self);

/* Reads the shipped holiday file (data/calendar/cn-holidays.txt): lines of
 * "YYYY-MM-DD holiday|workday [name]", '#' comments. Returns the days, or NULL
 * with an error naming the line. */
GPtrArray  *sw_calendar_parse_file           (const char  *contents,
                                              GError     **error);
/* Reads holidays from an iCalendar file with libical: every all-day VEVENT
 * becomes a holiday for each day it spans; a summary or category containing
 * 班 / "workday" / "make-up" marks a make-up working day. */
GPtrArray  *sw_calendar_parse_ics            (const char  *contents,
                                              GError     **error);

G_END_DECLS
