/* sw-staff-view.h — the staff page
 * The staff directory: a searchable list and a form to create and edit a
 * person, set availability and proxy, deactivate and reactivate (nobody is
 * ever deleted: people appear in cases). Only administrators edit; a
 * department head sets availability and proxy in their own department;
 * everyone else reads.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-context.h"

G_BEGIN_DECLS

#define SW_TYPE_STAFF_VIEW (sw_staff_view_get_type ())
G_DECLARE_FINAL_TYPE (SwStaffView, sw_staff_view, SW, STAFF_VIEW, GtkBox)

GtkWidget  *sw_staff_view_new          (SwContext   *context);
void        sw_staff_view_set_search   (SwStaffView *self,
                                        const char  *text);
/* The rows the search leaves shown. */
guint       sw_staff_view_count_shown  (SwStaffView *self);
gboolean    sw_staff_view_select       (SwStaffView *self,
                                        const char  *empno);
/* An empty form for a new person (administrators). */
gboolean    sw_staff_view_new_person   (SwStaffView *self);
/* Puts `values` in the form as a person would; FALSE if some value cannot
 * be chosen there (e.g. a proxy from another department). */
gboolean    sw_staff_view_fill         (SwStaffView *self,
                                        SwStaff     *values);
/* Saves the form; on failure the error is shown and kept. */
gboolean    sw_staff_view_save         (SwStaffView *self);
gboolean    sw_staff_view_set_active   (SwStaffView *self,
                                        gboolean     active);
/* An administrator gives the shown person a one-time password (the
 * dialog, or NULL) or lifts their lock-out. */
GtkWidget  *sw_staff_view_set_password (SwStaffView *self);
gboolean    sw_staff_view_unlock       (SwStaffView *self);
const char *sw_staff_view_get_error    (SwStaffView *self);
/* What the user may change in the shown form. */
void        sw_staff_view_get_rights   (SwStaffView *self,
                                        gboolean    *person,
                                        gboolean    *availability);

G_END_DECLS
