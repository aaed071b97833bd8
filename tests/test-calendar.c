/* test-calendar.c — working time, the shipped holiday file and ICS import
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sw-calendar.h"
#include "sw-error.h"

#define NEVER G_MAXINT64

static GTimeZone *shanghai;

/* "2026-03-09T16:30" or "…T16:30:15", local time in Asia/Shanghai */
static gint64
at (const char *local)
{
  g_autofree char *full = strlen (local) == 16 ? g_strconcat (local, ":00", NULL)
                                               : g_strdup (local);
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (full, shanghai);

  g_assert_nonnull (dt);
  return g_date_time_to_unix (dt) * 1000;
}

static char *
local_iso (gint64 ms)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) dt = NULL;

  if (ms == NEVER)
    return g_strdup ("never");
  utc = g_date_time_new_from_unix_utc (ms / 1000);
  dt = g_date_time_to_timezone (utc, shanghai);
  if (g_date_time_get_second (dt) != 0)
    return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S");
  return g_date_time_format (dt, "%Y-%m-%dT%H:%M");
}

/* The 2026 days the cases below rely on, set by hand so these tests do not
 * depend on the shipped file. */
static SwCalendar *
calendar_2026 (void)
{
  SwCalendar *cal = sw_calendar_new_default ();
  static const char *holidays[] = {
    "2026-02-15", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19",
    "2026-02-20", "2026-02-21", "2026-02-22", "2026-02-23",
    "2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05",
    "2026-10-06", "2026-10-07",
  };
  static const char *workdays[] = {
    "2026-02-14", "2026-02-28", "2026-09-20", "2026-10-10",
  };

  for (guint i = 0; i < G_N_ELEMENTS (holidays); i++)
    sw_calendar_set_day (cal, holidays[i], SW_DAY_HOLIDAY, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (workdays); i++)
    sw_calendar_set_day (cal, workdays[i], SW_DAY_WORKDAY, "调休上班");
  return cal;
}

typedef enum { DAYS, HOURS, MINUTES } Unit;

typedef struct {
  Unit        unit;
  const char *from;
  int         n;
  const char *expected;   /* local time, or "never" */
} AddCase;

typedef struct {
  const char *from;
  const char *to;
  gint64      minutes;
} BetweenCase;

static void
run_add_cases (SwCalendar    *cal,
               const AddCase *cases,
               gsize          n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      const AddCase *c = &cases[i];
      g_autofree char *got = NULL;
      gint64 t = at (c->from);
      gint64 r;

      if (c->unit == DAYS)
        r = sw_calendar_add_working_days (cal, t, c->n);
      else if (c->unit == HOURS)
        r = sw_calendar_add_working_hours (cal, t, c->n);
      else
        r = sw_calendar_add_working_minutes (cal, t, c->n);
      got = local_iso (r);
      g_test_message ("%s + %d %s", c->from, c->n,
                      c->unit == DAYS ? "days" : c->unit == HOURS ? "hours" : "minutes");
      g_assert_cmpstr (got, ==, c->expected);
    }
}

static void
run_between_cases (SwCalendar        *cal,
                   const BetweenCase *cases,
                   gsize              n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      const BetweenCase *c = &cases[i];

      g_test_message ("%s → %s", c->from, c->to);
      g_assert_cmpint (sw_calendar_working_ms_between (cal, at (c->from), at (c->to)),
                       ==, c->minutes * 60000);
    }
}

static void
test_overrides (void)
{
  g_autoptr(SwCalendar) cal = sw_calendar_new_default ();
  g_autoptr(GPtrArray) days = NULL;
  SwCalendarDay *d;

  g_assert_cmpint (sw_calendar_get_day (cal, "2026-10-01"), ==, SW_DAY_NORMAL);
  sw_calendar_set_day (cal, "2026-10-10", SW_DAY_WORKDAY, "国庆节调休上班");
  sw_calendar_set_day (cal, "2026-10-01", SW_DAY_HOLIDAY, "国庆节");
  sw_calendar_set_day (cal, "2026-01-01", SW_DAY_HOLIDAY, "元旦");
  g_assert_cmpint (sw_calendar_get_day (cal, "2026-10-01"), ==, SW_DAY_HOLIDAY);
  g_assert_cmpint (sw_calendar_get_day (cal, "2026-10-10"), ==, SW_DAY_WORKDAY);

  /* replacing a day keeps one entry, with the new kind and name */
  sw_calendar_set_day (cal, "2026-01-01", SW_DAY_WORKDAY, "changed");
  sw_calendar_set_day (cal, "2026-01-01", SW_DAY_HOLIDAY, "元旦");

  days = sw_calendar_list_days (cal);
  g_assert_cmpuint (days->len, ==, 3);
  g_assert_cmpstr (((SwCalendarDay *) days->pdata[0])->date, ==, "2026-01-01");
  g_assert_cmpstr (((SwCalendarDay *) days->pdata[1])->date, ==, "2026-10-01");
  g_assert_cmpstr (((SwCalendarDay *) days->pdata[2])->date, ==, "2026-10-10");
  d = days->pdata[0];
  g_assert_cmpstr (d->name, ==, "元旦");
  g_assert_cmpint (d->kind, ==, SW_DAY_HOLIDAY);

  /* the list holds copies */
  g_free (d->name);
  d->name = g_strdup ("edited");
  d->kind = SW_DAY_WORKDAY;
  g_assert_cmpint (sw_calendar_get_day (cal, "2026-01-01"), ==, SW_DAY_HOLIDAY);

  /* NORMAL removes the override */
  sw_calendar_set_day (cal, "2026-10-01", SW_DAY_NORMAL, NULL);
  g_assert_cmpint (sw_calendar_get_day (cal, "2026-10-01"), ==, SW_DAY_NORMAL);
  g_clear_pointer (&days, g_ptr_array_unref);
  days = sw_calendar_list_days (cal);
  g_assert_cmpuint (days->len, ==, 2);
}

static void
test_is_working (void)
{
  g_autoptr(SwCalendar) cal = calendar_2026 ();
  static const struct { int y, m, d; gboolean working; } dates[] = {
    { 2026, 10, 8, TRUE },    /* Thursday */
    { 2026, 10, 1, FALSE },   /* Thursday, National Day */
    { 2026, 10, 10, TRUE },   /* Saturday, make-up day */
    { 2026, 10, 11, FALSE },  /* Sunday */
    { 2026, 2, 16, FALSE },   /* Monday, Spring Festival */
    { 2026, 3, 7, FALSE },    /* Saturday */
  };
  static const struct { const char *t; gboolean working; } times[] = {
    { "2026-03-09T08:59:59", FALSE },
    { "2026-03-09T09:00", TRUE },
    { "2026-03-09T16:59:59", TRUE },
    { "2026-03-09T17:00", FALSE },
    { "2026-03-08T10:00", FALSE },   /* Sunday */
    { "2026-10-02T10:00", FALSE },   /* National Day */
    { "2026-02-28T10:00", TRUE },    /* make-up Saturday */
  };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_test_message ("%d-%02d-%02d", dates[i].y, dates[i].m, dates[i].d);
      g_assert_cmpint (sw_calendar_is_working_date (cal, dates[i].y, dates[i].m, dates[i].d),
                       ==, dates[i].working);
    }
  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_test_message ("%s", times[i].t);
      g_assert_cmpint (sw_calendar_is_working_time (cal, at (times[i].t)), ==, times[i].working);
    }
}

static void
test_add_working_days (void)
{
  g_autoptr(SwCalendar) cal = calendar_2026 ();
  static const AddCase cases[] = {
    /* 2026-03-06 is a Friday */
    { DAYS, "2026-03-06T10:00", 1, "2026-03-09T17:00" },   /* over a weekend */
    { DAYS, "2026-03-06T10:00", 0, "2026-03-06T17:00" },   /* same day */
    { DAYS, "2026-03-09T08:00", 0, "2026-03-09T17:00" },   /* before opening */
    { DAYS, "2026-03-09T08:00", 1, "2026-03-10T17:00" },
    { DAYS, "2026-03-09T09:00", 0, "2026-03-09T17:00" },   /* at opening */
    { DAYS, "2026-03-09T16:59", 0, "2026-03-09T17:00" },
    { DAYS, "2026-03-09T17:00", 0, "2026-03-10T17:00" },   /* at closing: next day */
    { DAYS, "2026-03-09T17:00", 1, "2026-03-11T17:00" },
    { DAYS, "2026-03-09T20:00", 1, "2026-03-11T17:00" },
    { DAYS, "2026-03-08T11:00", 0, "2026-03-09T17:00" },   /* Sunday */
    { DAYS, "2026-03-08T11:00", 1, "2026-03-10T17:00" },
    { DAYS, "2026-03-06T10:00", 5, "2026-03-13T17:00" },
    /* National Day: Oct 1–7 off, Sat Oct 10 worked */
    { DAYS, "2026-09-30T10:00", 1, "2026-10-08T17:00" },
    { DAYS, "2026-09-29T10:00", 2, "2026-10-08T17:00" },
    { DAYS, "2026-09-30T20:00", 0, "2026-10-08T17:00" },
    { DAYS, "2026-10-03T10:00", 0, "2026-10-08T17:00" },
    { DAYS, "2026-10-09T10:00", 1, "2026-10-10T17:00" },
    { DAYS, "2026-09-28T10:00", 5, "2026-10-10T17:00" },
    { DAYS, "2026-09-20T11:00", 0, "2026-09-20T17:00" },   /* make-up Sunday */
    /* Spring Festival: Feb 15–23 off, Sats Feb 14 and 28 worked */
    { DAYS, "2026-02-13T10:00", 1, "2026-02-14T17:00" },
    { DAYS, "2026-02-14T10:00", 0, "2026-02-14T17:00" },
    { DAYS, "2026-02-13T10:00", 2, "2026-02-24T17:00" },
    { DAYS, "2026-02-27T10:00", 1, "2026-02-28T17:00" },
    { DAYS, "2026-02-27T10:00", 2, "2026-03-02T17:00" },
  };

  run_add_cases (cal, cases, G_N_ELEMENTS (cases));
}

static void
test_add_working_hours (void)
{
  g_autoptr(SwCalendar) cal = calendar_2026 ();
  static const AddCase cases[] = {
    { HOURS, "2026-03-09T16:30", 1, "2026-03-10T09:30" },   /* over day end */
    { HOURS, "2026-03-06T16:30", 1, "2026-03-09T09:30" },   /* over a weekend */
    { HOURS, "2026-09-30T16:30", 1, "2026-10-08T09:30" },   /* over National Day */
    { HOURS, "2026-02-13T16:00", 2, "2026-02-14T10:00" },   /* into a make-up day */
    { HOURS, "2026-03-09T16:00", 1, "2026-03-09T17:00" },   /* ends at closing */
    { HOURS, "2026-03-09T09:00", 8, "2026-03-09T17:00" },
    { HOURS, "2026-03-09T09:00", 9, "2026-03-10T10:00" },
    { HOURS, "2026-03-09T08:00", 1, "2026-03-09T10:00" },   /* before opening */
    { HOURS, "2026-03-09T17:00", 1, "2026-03-10T10:00" },   /* at closing */
    { HOURS, "2026-03-08T12:00", 1, "2026-03-09T10:00" },   /* Sunday */
    { HOURS, "2026-03-09T10:00", 24, "2026-03-12T10:00" },
    { HOURS, "2026-03-09T17:00", 0, "2026-03-10T09:00" },
    { MINUTES, "2026-03-09T16:59", 1, "2026-03-09T17:00" },
    { MINUTES, "2026-03-09T16:59:30", 1, "2026-03-10T09:00:30" },
    { MINUTES, "2026-03-09T10:15", 0, "2026-03-09T10:15" },
    { MINUTES, "2026-03-06T09:00", 480 * 5, "2026-03-12T17:00" },
  };

  run_add_cases (cal, cases, G_N_ELEMENTS (cases));
}

static void
test_ms_between (void)
{
  g_autoptr(SwCalendar) cal = calendar_2026 ();
  static const BetweenCase cases[] = {
    { "2026-03-09T10:00", "2026-03-09T12:00", 120 },   /* within a day */
    { "2026-03-06T16:00", "2026-03-09T10:00", 120 },   /* over a weekend */
    { "2026-09-30T16:00", "2026-10-08T10:00", 120 },   /* over National Day */
    { "2026-02-13T17:00", "2026-02-15T12:00", 480 },   /* make-up Saturday */
    { "2026-03-08T20:00", "2026-03-10T07:00", 480 },   /* both outside */
    { "2026-03-09T17:00", "2026-03-10T09:00", 0 },
    { "2026-03-09T08:00", "2026-03-09T09:30", 30 },
    { "2026-03-09T12:00", "2026-03-09T10:00", 0 },     /* reversed */
    { "2026-03-09T12:00", "2026-03-09T12:00", 0 },
    { "2026-03-02T09:00", "2026-03-09T09:00", 5 * 480 },
  };

  run_between_cases (cal, cases, G_N_ELEMENTS (cases));
}

static void
test_custom_calendar (void)
{
  /* 08:30–17:30, Monday to Saturday */
  g_autoptr(SwCalendar) cal = sw_calendar_new ("Asia/Shanghai", 8 * 60 + 30, 17 * 60 + 30, 0x7e);
  static const AddCase adds[] = {
    { DAYS, "2026-03-06T10:00", 1, "2026-03-07T17:30" },    /* Friday → Saturday */
    { DAYS, "2026-03-07T17:30", 0, "2026-03-09T17:30" },    /* Saturday closing → Monday */
    { DAYS, "2026-03-08T10:00", 0, "2026-03-09T17:30" },    /* Sunday */
    { HOURS, "2026-03-06T17:15", 1, "2026-03-07T09:15" },
    { HOURS, "2026-03-09T08:00", 9, "2026-03-09T17:30" },
    { HOURS, "2026-03-09T17:10", 0, "2026-03-09T17:10" },
  };
  static const BetweenCase betweens[] = {
    { "2026-03-06T08:00", "2026-03-06T18:00", 540 },
    { "2026-03-06T17:00", "2026-03-09T09:00", 30 + 540 + 30 },
  };

  run_add_cases (cal, adds, G_N_ELEMENTS (adds));
  run_between_cases (cal, betweens, G_N_ELEMENTS (betweens));
  g_assert_true (sw_calendar_is_working_time (cal, at ("2026-03-07T08:30")));
  g_assert_false (sw_calendar_is_working_time (cal, at ("2026-03-07T08:29:59")));
  g_assert_true (sw_calendar_is_working_time (cal, at ("2026-03-07T17:29:59")));
  g_assert_false (sw_calendar_is_working_time (cal, at ("2026-03-08T10:00")));
}

static void
test_no_working_days (void)
{
  g_autoptr(SwCalendar) cal = sw_calendar_new ("Asia/Shanghai", 9 * 60, 17 * 60, 0);
  static const AddCase none[] = {
    { DAYS, "2026-03-09T10:00", 0, "never" },
    { HOURS, "2026-03-09T10:00", 1, "never" },
  };
  static const AddCase one[] = {
    { DAYS, "2026-03-01T10:00", 0, "2026-05-09T17:00" },
    { DAYS, "2026-03-01T10:00", 1, "never" },
    { HOURS, "2026-03-01T10:00", 8, "2026-05-09T17:00" },
    { HOURS, "2026-03-01T10:00", 9, "never" },
  };

  run_add_cases (cal, none, G_N_ELEMENTS (none));
  g_assert_cmpint (sw_calendar_working_ms_between (cal, at ("2026-01-01T00:00"),
                                                   at ("2027-01-01T00:00")), ==, 0);
  sw_calendar_set_day (cal, "2026-05-09", SW_DAY_WORKDAY, NULL);
  /* more than ten years on: past the point where the search gives up */
  sw_calendar_set_day (cal, "2036-06-01", SW_DAY_WORKDAY, NULL);
  run_add_cases (cal, one, G_N_ELEMENTS (one));
  /* "never" stays never */
  g_assert_cmpint (sw_calendar_add_working_days (cal, NEVER, 0), ==, NEVER);
}

static void
test_timezone (void)
{
  g_autoptr(SwCalendar) fallback = sw_calendar_new ("Nowhere/Nothing", 9 * 60, 17 * 60, 0x3e);
  g_autoptr(SwCalendar) utc = sw_calendar_new ("UTC", 9 * 60, 17 * 60, 0x3e);
  GTimeZone *tz = sw_calendar_get_timezone (fallback);
  gint64 t = at ("2026-03-09T10:00");

  g_assert_cmpint (g_time_zone_get_offset (tz, 0), ==, 8 * 3600);
  g_assert_cmpint (sw_calendar_add_working_days (fallback, t, 0), ==, at ("2026-03-09T17:00"));
  /* 10:00 in Shanghai is 02:00 UTC, before a UTC office opens */
  g_assert_false (sw_calendar_is_working_time (utc, t));
  g_assert_cmpint (sw_calendar_add_working_hours (utc, t, 1), ==, at ("2026-03-09T18:00"));
}

static SwCalendar *
calendar_from_shipped_file (void)
{
  const char *datadir = g_getenv ("SHOUWEN_DATADIR") ?: SOURCE_DATADIR;
  g_autofree char *path = g_build_filename (datadir, "calendar", "cn-holidays.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GError) error = NULL;
  SwCalendar *cal = sw_calendar_new_default ();

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  days = sw_calendar_parse_file (contents, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < days->len; i++)
    {
      SwCalendarDay *d = days->pdata[i];
      sw_calendar_set_day (cal, d->date, d->kind, d->name);
    }
  return cal;
}

static void
test_shipped_file (void)
{
  g_autoptr(SwCalendar) cal = calendar_from_shipped_file ();
  g_autoptr(GPtrArray) days = sw_calendar_list_days (cal);
  guint holidays_2026 = 0, workdays_2026 = 0, workdays_2027 = 0;
  gint64 t0, elapsed;

  g_assert_cmpint (sw_calendar_get_day (cal, "2026-10-01"), ==, SW_DAY_HOLIDAY);
  g_assert_cmpint (sw_calendar_get_day (cal, "2026-02-14"), ==, SW_DAY_WORKDAY);
  g_assert_cmpint (sw_calendar_get_day (cal, "2026-02-28"), ==, SW_DAY_WORKDAY);
  g_assert_cmpint (sw_calendar_get_day (cal, "2026-10-08"), ==, SW_DAY_NORMAL);
  g_assert_true (sw_calendar_is_working_date (cal, 2026, 10, 8));
  g_assert_cmpint (sw_calendar_get_day (cal, "2027-02-05"), ==, SW_DAY_HOLIDAY);

  for (guint i = 0; i < days->len; i++)
    {
      SwCalendarDay *d = days->pdata[i];
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_parse (&date, d->date);
      g_assert_true (g_date_valid (&date));
      g_assert_nonnull (d->name);
      /* a make-up working day is always a Saturday or a Sunday */
      if (d->kind == SW_DAY_WORKDAY)
        g_assert_cmpint (g_date_get_weekday (&date), >=, G_DATE_SATURDAY);
      if (g_str_has_prefix (d->date, "2026-"))
        {
          holidays_2026 += d->kind == SW_DAY_HOLIDAY;
          workdays_2026 += d->kind == SW_DAY_WORKDAY;
        }
      else if (g_str_has_prefix (d->date, "2027-"))
        workdays_2027 += d->kind == SW_DAY_WORKDAY;
    }
  g_assert_cmpuint (holidays_2026, ==, 3 + 9 + 3 + 5 + 3 + 3 + 7);
  g_assert_cmpuint (workdays_2026, ==, 6);
  g_assert_cmpuint (workdays_2027, ==, 0);   /* provisional: not yet known */

  /* 2026 has 248 working days of 8 hours; a year in one call must be cheap */
  t0 = g_get_monotonic_time ();
  g_assert_cmpint (sw_calendar_working_ms_between (cal, at ("2026-01-01T00:00"),
                                                   at ("2027-01-01T00:00")),
                   ==, G_GINT64_CONSTANT (248) * 8 * 3600 * 1000);
  elapsed = g_get_monotonic_time () - t0;
  g_test_message ("a year of working time: %" G_GINT64_FORMAT " µs", elapsed);
  g_assert_cmpint (elapsed, <, 50000);

  /* 60 working days from the eve of the Spring Festival */
  t0 = g_get_monotonic_time ();
  g_assert_cmpint (sw_calendar_add_working_days (cal, at ("2026-02-13T10:00"), 60),
                   ==, at ("2026-05-19T17:00"));
  elapsed = g_get_monotonic_time () - t0;
  g_test_message ("60 working days: %" G_GINT64_FORMAT " µs", elapsed);
  g_assert_cmpint (elapsed, <, 50000);
}

typedef struct {
  const char *date;
  SwDayKind   kind;
  const char *name;
} Day;

static void
assert_days (GPtrArray *days,
             const Day *expected,
             gsize      n_expected)
{
  g_assert_nonnull (days);
  g_assert_cmpuint (days->len, ==, n_expected);
  for (guint i = 0; i < days->len; i++)
    {
      SwCalendarDay *d = days->pdata[i];

      g_assert_cmpstr (d->date, ==, expected[i].date);
      g_assert_cmpint (d->kind, ==, expected[i].kind);
      if (expected[i].name != NULL)
        g_assert_cmpstr (d->name, ==, expected[i].name);
    }
}

static void
test_parse_file (void)
{
  const char *text =
    "# a comment\r\n"
    "\n"
    "2026-10-01 holiday 国庆节\r\n"
    "   2026-02-14\tWORKDAY  春节 调休上班  # from the notice\n"
    "2026-01-01 holiday\n";
  static const Day expected[] = {
    { "2026-01-01", SW_DAY_HOLIDAY, NULL },
    { "2026-02-14", SW_DAY_WORKDAY, "春节 调休上班" },
    { "2026-10-01", SW_DAY_HOLIDAY, "国庆节" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) days = sw_calendar_parse_file (text, &error);

  g_assert_no_error (error);
  assert_days (days, expected, G_N_ELEMENTS (expected));
  g_assert_null (((SwCalendarDay *) days->pdata[0])->name);

  g_clear_pointer (&days, g_ptr_array_unref);
  days = sw_calendar_parse_file ("# nothing\n\n", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 0);
}

static void
test_parse_file_errors (void)
{
  static const struct { const char *text; const char *expected; } cases[] = {
    { "2026-10-01 holiday\n2026-02-30 holiday\n", "Line 2: “2026-02-30” is not a valid date" },
    { "# x\n\n2026-13-01 holiday\n", "Line 3: “2026-13-01”" },
    { "2026/10/01 holiday\n", "Line 1: “2026/10/01”" },
    { "26-10-01 holiday\n", "Line 1: “26-10-01”" },
    { "2026-10-01 holiday\n\n2026-10-02 vacation\n", "Line 3: unknown kind of day “vacation”" },
    { "2026-10-01\n", "Line 1: the kind of day is missing" },
    { "2026-10-01 holiday\n2026-10-01 workday\n", "Line 2: 2026-10-01 is already listed on line 1" },
    { "2026-10-01 holiday\n2026-10-02 holiday \xff\n", "Line 2: the text is not valid UTF-8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) days = sw_calendar_parse_file (cases[i].text, &error);

      g_assert_null (days);
      g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, cases[i].expected));
    }
}

#define CALENDAR(events) "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" events "END:VCALENDAR\r\n"
#define EVENT(props) "BEGIN:VEVENT\r\n" props "END:VEVENT\r\n"

static void
test_parse_ics (void)
{
  const char *ics = CALENDAR (
    EVENT ("DTSTART;VALUE=DATE:20261001\r\nDTEND;VALUE=DATE:20261004\r\nSUMMARY:国庆节\r\n")
    EVENT ("DTSTART;VALUE=DATE:20260214\r\nSUMMARY:春节补班\r\n")
    EVENT ("DTSTART;VALUE=DATE:20260920\r\nDURATION:P1D\r\nSUMMARY:调休上班\r\n")
    EVENT ("DTSTART;VALUE=DATE:20261010\r\nSUMMARY:Working Saturday\r\n"
           "CATEGORIES:Holidays,WORKDAY\r\n")
    EVENT ("DTSTART;VALUE=DATE:20260404\r\nDURATION:P3D\r\nSUMMARY:Qingming Festival\r\n"
           "CATEGORIES:Holidays\r\n")
    EVENT ("DTSTART:20261009T020000Z\r\nDTEND:20261009T030000Z\r\nSUMMARY:Staff meeting\r\n"));
  static const Day expected[] = {
    { "2026-02-14", SW_DAY_WORKDAY, "春节补班" },
    { "2026-04-04", SW_DAY_HOLIDAY, "Qingming Festival" },
    { "2026-04-05", SW_DAY_HOLIDAY, "Qingming Festival" },
    { "2026-04-06", SW_DAY_HOLIDAY, "Qingming Festival" },
    { "2026-09-20", SW_DAY_WORKDAY, "调休上班" },
    { "2026-10-01", SW_DAY_HOLIDAY, "国庆节" },
    { "2026-10-02", SW_DAY_HOLIDAY, "国庆节" },
    { "2026-10-03", SW_DAY_HOLIDAY, "国庆节" },
    { "2026-10-10", SW_DAY_WORKDAY, "Working Saturday" },
  };
  /* Two calendars in one file. Where events overlap, the make-up day wins
   * whichever comes first; a cancelled holiday is no holiday. */
  const char *two = CALENDAR (
    EVENT ("DTSTART;VALUE=DATE:20261009\r\nDTEND;VALUE=DATE:20261011\r\nSUMMARY:国庆节\r\n")
    EVENT ("DTSTART;VALUE=DATE:20261012\r\nSTATUS:CANCELLED\r\nSUMMARY:取消\r\n")
    EVENT ("DTSTART;VALUE=DATE:20261017\r\nSUMMARY:Make-up day\r\n"))
    CALENDAR (
    EVENT ("DTSTART;VALUE=DATE:20261010\r\nSUMMARY:Make-up day\r\n")
    EVENT ("DTSTART;VALUE=DATE:20261016\r\nDTEND;VALUE=DATE:20261018\r\nSUMMARY:Holiday\r\n"));
  static const Day merged[] = {
    { "2026-10-09", SW_DAY_HOLIDAY, "国庆节" },
    { "2026-10-10", SW_DAY_WORKDAY, "Make-up day" },
    { "2026-10-16", SW_DAY_HOLIDAY, "Holiday" },
    { "2026-10-17", SW_DAY_WORKDAY, "Make-up day" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) days = sw_calendar_parse_ics (ics, &error);

  g_assert_no_error (error);
  assert_days (days, expected, G_N_ELEMENTS (expected));

  g_clear_pointer (&days, g_ptr_array_unref);
  days = sw_calendar_parse_ics (two, &error);
  g_assert_no_error (error);
  assert_days (days, merged, G_N_ELEMENTS (merged));

  g_clear_pointer (&days, g_ptr_array_unref);
  days = sw_calendar_parse_ics (CALENDAR (""), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 0);
}

static void
test_parse_ics_errors (void)
{
  static const char *cases[] = {
    "",
    "this is not a calendar",
    EVENT ("DTSTART;VALUE=DATE:20261001\r\nSUMMARY:国庆节\r\n"),   /* no VCALENDAR */
    CALENDAR (EVENT ("DTSTART;VALUE=DATE:20260230\r\nSUMMARY:bad\r\n")),
    CALENDAR (EVENT ("DTSTART;VALUE=DATE:20260101\r\nDTEND;VALUE=DATE:20300101\r\n"
                     "SUMMARY:forever\r\n")),
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) days = sw_calendar_parse_ics (cases[i], &error);

      g_assert_null (days);
      g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
      g_test_message ("case %u: %s", i, error->message);
    }
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  shanghai = g_time_zone_new_identifier ("Asia/Shanghai");
  if (shanghai == NULL)
    shanghai = g_time_zone_new_offset (8 * 3600);

  g_test_add_func ("/calendar/overrides", test_overrides);
  g_test_add_func ("/calendar/is-working", test_is_working);
  g_test_add_func ("/calendar/add-working-days", test_add_working_days);
  g_test_add_func ("/calendar/add-working-hours", test_add_working_hours);
  g_test_add_func ("/calendar/ms-between", test_ms_between);
  g_test_add_func ("/calendar/custom", test_custom_calendar);
  g_test_add_func ("/calendar/no-working-days", test_no_working_days);
  g_test_add_func ("/calendar/timezone", test_timezone);
  g_test_add_func ("/calendar/shipped-file", test_shipped_file);
  g_test_add_func ("/calendar/parse-file", test_parse_file);
  g_test_add_func ("/calendar/parse-file-errors", test_parse_file_errors);
  g_test_add_func ("/calendar/parse-ics", test_parse_ics);
  g_test_add_func ("/calendar/parse-ics-errors", test_parse_ics_errors);

  ret = g_test_run ();
  g_time_zone_unref (shanghai);
  return ret;
}
