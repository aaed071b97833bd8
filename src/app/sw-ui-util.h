/* sw-ui-util.h — small helpers the dialogs share
 * Drop-downs of codes (staff, departments), text view contents, the
 * forbidden-phrase warning, the error line under a form.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-context.h"

G_BEGIN_DECLS

typedef enum {
  SW_STAFF_ANY,        /* active, not inspectors */
  SW_STAFF_LEADERS,    /* heads, supervisors, administrators */
  SW_STAFF_ELIGIBLE,   /* may be a first-inquiry person */
} SwStaffChoice;

/* A drop-down whose items each carry a code. */
GtkDropDown *sw_choice_new              (void);
void         sw_choice_add              (GtkDropDown   *dropdown,
                                         const char    *code,
                                         const char    *label);
const char  *sw_choice_get_code         (GtkDropDown   *dropdown);
gboolean     sw_choice_select           (GtkDropDown   *dropdown,
                                         const char    *code);
void         sw_choice_add_staff        (GtkDropDown   *dropdown,
                                         SwContext     *context,
                                         SwStaffChoice  which,
                                         const char    *department);
void         sw_choice_add_departments  (GtkDropDown   *dropdown,
                                         SwContext     *context,
                                         const char    *except);

char        *sw_text_view_get_text      (GtkTextView   *view);
void         sw_text_view_set_text      (GtkTextView   *view,
                                         const char    *text);
GtkWidget   *sw_long_text_new           (GtkTextView  **view);

/* The forbidden phrases in `text` as one translated warning, or NULL. */
char        *sw_forbidden_warning       (SwContext     *context,
                                         const char    *text);
/* Asks "save anyway?" over `parent`; calls `save` on the owner if yes. */
void         sw_confirm_forbidden       (GtkWindow     *parent,
                                         const char    *warning,
                                         GCallback      save,
                                         gpointer       owner);

/* Names an icon-only control for screen readers; the name is also kept
 * under "sw-a11y-label", since GTK 4.8 has no getter for it. */
void         sw_set_accessible_label    (GtkWidget     *widget,
                                         const char    *label);

/* Keeps `message` (NULL: none) in *kept and shows it in `label`, which
 * is hidden when there is none. */
void         sw_error_label_set         (GtkLabel      *label,
                                         char         **kept,
                                         const char    *message);

/* Ctrl+Enter presses `button` from anywhere in `window`, even inside a
 * multi-line text where Enter starts a new line. */
void         sw_add_save_shortcut       (GtkWidget     *window,
                                         GtkWidget     *button);

/* A time typed ("2026-12-04 09:30", or a date alone) in the computer's time
 * zone: 0 when empty, -1 when it cannot be read. A due date: a day alone
 * means by its end (23:59). */
gint64       sw_ui_parse_time           (const char     *text);
gint64       sw_ui_parse_due            (const char     *text);

/* A person as lists show them: "王芳 (R01, 个人业务部)", translated. */
char        *sw_ui_staff_label          (SwContext      *context,
                                         SwStaff        *s);

G_END_DECLS
