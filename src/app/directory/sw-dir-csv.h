/* sw-dir-csv.h — directory rights, and CSV import and export for its pages
 * Who may edit the directory, and CSV import and export for the staff and
 * departments pages: every row is checked first and the problems (line
 * numbers and messages) are shown before anything is imported; a file with
 * problems imports nothing.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-context.h"

G_BEGIN_DECLS

typedef enum {
  SW_DIR_STAFF,
  SW_DIR_DEPARTMENTS,
} SwDirKind;

/* Administrators edit everything. */
gboolean   sw_dir_is_admin             (SwContext   *context);
/* Administrators, and the head of `staff`'s department, set availability
 * and proxy. */
gboolean   sw_dir_may_set_availability (SwContext   *context,
                                        SwStaff     *staff);

/* Checks `file`; with problems shows them in a dialog over `owner` and
 * returns it (nothing is imported); else imports, tells the context and
 * returns NULL. *message (optional) says what happened. */
GtkWidget *sw_dir_csv_import_file      (GtkWidget   *owner,
                                        SwContext   *context,
                                        SwDirKind    kind,
                                        GFile       *file,
                                        char       **message);
/* The problems a dialog from sw_dir_csv_import_file lists, one a line. */
const char *sw_dir_csv_problems_text   (GtkWidget   *dialog);
gboolean   sw_dir_csv_export_file      (SwContext   *context,
                                        SwDirKind    kind,
                                        GFile       *file,
                                        GError     **error);
/* Asks for a file (GtkFileChooserNative), then imports or exports it;
 * the outcome is shown as a toast in the window. */
void       sw_dir_csv_choose_import    (GtkWidget   *owner,
                                        SwContext   *context,
                                        SwDirKind    kind);
void       sw_dir_csv_choose_export    (GtkWidget   *owner,
                                        SwContext   *context,
                                        SwDirKind    kind);
/* A toast in `widget`'s window. */
void       sw_dir_toast                (GtkWidget   *widget,
                                        const char  *message);

G_END_DECLS
