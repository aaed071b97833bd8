/* sw-context.h — what the widgets share
 * The store, the person using the app, and the one list of cases every board
 * view filters.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sw-detector.h"
#include "sw-store.h"

G_BEGIN_DECLS

#define SW_TYPE_CONTEXT (sw_context_get_type ())
G_DECLARE_FINAL_TYPE (SwContext, sw_context, SW, CONTEXT, GObject)

SwContext  *sw_context_new              (SwStore     *store,
                                         GSettings   *settings);
SwStore    *sw_context_get_store        (SwContext   *self);
/* May be NULL (no schema installed). */
GSettings  *sw_context_get_settings     (SwContext   *self);

SwStaff    *sw_context_get_user         (SwContext   *self);
const char *sw_context_get_user_empno   (SwContext   *self);
/* The person who proved who they are: the app calls it only after the
 * sign-in or the lock's gate accepted their password (src/app/session);
 * the window tests call it directly, as a signed-in person's start. */
gboolean    sw_context_set_user         (SwContext   *self,
                                         const char  *empno);
/* A window's lock is on: nothing of the branch shows, notifications
 * neither (set by SwSessionLock). */
gboolean    sw_context_get_locked       (SwContext   *self);
void        sw_context_set_locked       (SwContext   *self,
                                         gboolean     locked);
/* The user may change cases (not an inspector). */
gboolean    sw_context_can_edit         (SwContext   *self);

/* The open cases and those closed in the last `closed-days` days. */
GListModel *sw_context_get_cases        (SwContext   *self);
gboolean    sw_context_reload           (SwContext   *self,
                                         GError     **error);
/* Puts the new row of one case in place of the old one (or adds it). */
void        sw_context_update_case      (SwContext   *self,
                                         SwCase      *c);
SwCase     *sw_context_find_case        (SwContext   *self,
                                         const char  *id,
                                         guint       *position);
/* A complaint from a phone that complained before (among the loaded cases). */
gboolean    sw_context_is_repeat_complaint (SwContext *self,
                                            SwCase    *c);

GListModel *sw_context_get_staff        (SwContext   *self);
GListModel *sw_context_get_departments  (SwContext   *self);
SwStaff    *sw_context_lookup_staff     (SwContext   *self,
                                         const char  *empno);
SwDepartment *sw_context_lookup_department (SwContext *self,
                                            const char *code);
/* Re-reads staff and departments after an edit or import and emits
 * "directory-changed". */
void        sw_context_directory_changed (SwContext  *self);
/* The name of a staff member or department, or the code itself. */
const char *sw_context_staff_name       (SwContext   *self,
                                         const char  *empno);
const char *sw_context_department_name  (SwContext   *self,
                                         const char  *code);

gint64      sw_context_now              (SwContext   *self);
/* The home branch's working-time calendar (deadlines read in it). */
SwCalendar *sw_context_get_calendar     (SwContext   *self);
/* The end of the store's today, in its branch's time zone. */
gint64      sw_context_day_end          (SwContext   *self);
char       *sw_context_format_time      (SwContext   *self,
                                         gint64       ms);
/* "2026-11-30": the date of `ms` in the branch's time zone. */
char       *sw_context_format_date      (SwContext   *self,
                                         gint64       ms);

/* Detection (domain §7) runs in a thread on its own connection: start
 * begins it now and every `detection-minutes`; run asks for one more run
 * (the sync calls it after a sync). "findings-changed" follows a run that
 * found something, and findings_changed after a finding is recorded or
 * decided in the app. */
SwDetector *sw_context_get_detector     (SwContext   *self);
void        sw_context_start_detection  (SwContext   *self);
void        sw_context_run_detection    (SwContext   *self);
void        sw_context_findings_changed (SwContext   *self);

G_END_DECLS
