/* sw-acct-util.h — what the accountability pages and dialogs share
 * Boxed lists of rows, who may decide findings, staff choices, saving files,
 * and the parts of the single-form dialogs (a finding, an inspection record).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-context.h"
#include "sw-ui-util.h"

G_BEGIN_DECLS

/* A boxed list inside a preferences group. */
GtkListBox *sw_acct_boxed_list      (AdwPreferencesGroup *group);
void        sw_acct_clear           (GtkListBox          *list);
/* A row with a title and a wrapped subtitle (plain text, not markup). */
GtkWidget  *sw_acct_row_new         (const char          *title,
                                     const char          *subtitle);
GtkWidget  *sw_acct_list_add        (GtkListBox          *list,
                                     const char          *title,
                                     const char          *subtitle);

/* Heads, supervisors and administrators decide findings and see the
 * branch's; inspectors read and record; front-line staff see their own. */
gboolean    sw_acct_sees_branch     (SwContext           *context);
gboolean    sw_acct_can_inspect     (SwContext           *context);

/* Whether the device holds several branches' cases (a head office's or an
 * inspector's device, by the role the sync server gave it, or a store that
 * simply knows more than one branch): the comparison of branches. */
gboolean    sw_acct_holds_branches  (SwContext           *context);

/* "Everyone" then every active staff member, inspectors included. */
void        sw_acct_add_people      (GtkDropDown         *dropdown,
                                     SwContext           *context,
                                     const char          *any_label);

/* Asks where to save (GtkFileChooserNative) and calls back with the path. */
typedef void (*SwSaveCallback) (GtkWidget  *owner,
                                const char *path);
void        sw_acct_choose_save     (GtkWidget           *owner,
                                     const char          *title,
                                     const char          *name,
                                     SwSaveCallback       callback);

/* The single-form dialogs (a finding, an inspection record): */
/* the template from `resource`, Escape closing the window, and a "done"
 * signal with the new record's id, whose id is returned; */
guint       sw_acct_dialog_class_setup (GtkWidgetClass   *widget_class,
                                        const char       *resource);
/* Cancel closes `dialog` and Save calls `save` (swapped, on `dialog`); */
void        sw_acct_dialog_connect  (GtkWindow           *dialog,
                                     GtkButton           *cancel,
                                     GtkButton           *save_button,
                                     GCallback            save);
/* a mnemonic `label` in column 0 of `row` of `grid`, `widget` beside it. */
void        sw_acct_attach          (GtkGrid             *grid,
                                     int                  row,
                                     const char          *label,
                                     GtkWidget           *widget);

/* "YYYY-MM-DD" of the store's clock, in the home branch's zone. */
char       *sw_acct_today           (SwContext           *context);
int         sw_acct_this_year       (SwContext           *context);

G_END_DECLS
