/* sw-attachment-list.h — the case view's attached files: a list with thumbnails, add (chooser, drop, paste), open
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-context.h"

G_BEGIN_DECLS

#define SW_TYPE_ATTACHMENT_LIST (sw_attachment_list_get_type ())
G_DECLARE_FINAL_TYPE (SwAttachmentList, sw_attachment_list, SW, ATTACHMENT_LIST, AdwBin)

GtkWidget *sw_attachment_list_new       (SwContext        *context);
/* Shows the files of case `c` (re-read from the store). */
void       sw_attachment_list_set_case  (SwAttachmentList *self,
                                         SwCase           *c);
guint      sw_attachment_list_get_n_rows (SwAttachmentList *self);
/* Attaches the file at `path` as the user, as the chooser and a drop do;
 * FALSE with the message shown (and in `error`) when refused. */
gboolean   sw_attachment_list_add_file  (SwAttachmentList *self,
                                         GFile            *file,
                                         GError          **error);
/* Takes the `i`th file off the case as the user (an event); FALSE with the
 * message shown (and in `error`) when refused. */
gboolean   sw_attachment_list_remove    (SwAttachmentList *self,
                                         guint             i,
                                         GError          **error);
/* Whether the `i`th row offers removal to the user (tests). */
gboolean   sw_attachment_list_can_remove (SwAttachmentList *self,
                                          guint             i);
/* Opens the `i`th file with the desktop's default application, fetching
 * it first when this device lacks it. */
void       sw_attachment_list_open      (SwAttachmentList *self,
                                         guint             i);
/* Stops fetching a file (as the Cancel beside its progress does). */
void       sw_attachment_list_cancel_fetch (SwAttachmentList *self);
/* Whether a file is being fetched (its progress shows). */
gboolean   sw_attachment_list_is_fetching  (SwAttachmentList *self);
/* The message under the list ("" when none; tests). */
const char *sw_attachment_list_get_status  (SwAttachmentList *self);
/* The URI the last open launched (tests). */
const char *sw_attachment_list_get_last_uri (SwAttachmentList *self);

G_END_DECLS
