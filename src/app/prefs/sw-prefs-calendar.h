/* sw-prefs-calendar.h — the holiday calendar preferences page
 * Public holidays and make-up working days: add, remove, import an ICS file
 * after a preview.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-context.h"

G_BEGIN_DECLS

#define SW_TYPE_PREFS_CALENDAR (sw_prefs_calendar_get_type ())
G_DECLARE_FINAL_TYPE (SwPrefsCalendar, sw_prefs_calendar, SW, PREFS_CALENDAR, AdwPreferencesPage)

GtkWidget *sw_prefs_calendar_new          (SwContext       *context);
/* The days listed, as "YYYY-MM-DD" strings (free with g_strfreev). */
char     **sw_prefs_calendar_list_dates   (SwPrefsCalendar *self);
/* Fills the "add" rows and adds the day, as the Add button does. */
gboolean   sw_prefs_calendar_add_day      (SwPrefsCalendar *self,
                                           const char      *date,
                                           SwDayKind        kind,
                                           const char      *name,
                                           GError         **error);
gboolean   sw_prefs_calendar_remove_day   (SwPrefsCalendar *self,
                                           const char      *date,
                                           GError         **error);
/* Parses an ICS text and shows what would be imported in a dialog whose
 * "import" response imports it; returns the dialog, or NULL with an error. */
GtkWidget *sw_prefs_calendar_preview_ics  (SwPrefsCalendar *self,
                                           const char      *contents,
                                           GError         **error);

G_END_DECLS
