/* sw-template-picker.h — the Standard Answers and Materials Templates buttons
 * "Standard Answers…" / "Materials Templates…": a menu button next to an
 * operation's text whose popover lists the library, the templates suggested
 * by the case's content first. Choosing one puts its text into the field,
 * where it can still be edited.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sw-context.h"
#include "sw-template.h"

G_BEGIN_DECLS

#define SW_TYPE_TEMPLATE_PICKER (sw_template_picker_get_type ())
G_DECLARE_FINAL_TYPE (SwTemplatePicker, sw_template_picker, SW, TEMPLATE_PICKER, GtkWidget)

GtkWidget  *sw_template_picker_new            (SwContext        *context,
                                               SwTemplateKind    kind,
                                               GtkTextView      *target);
/* What the suggestions are for: the case's content and department. */
void        sw_template_picker_set_content    (SwTemplatePicker *self,
                                               const char       *content);
void        sw_template_picker_set_department (SwTemplatePicker *self,
                                               const char       *department);
void        sw_template_picker_set_query      (SwTemplatePicker *self,
                                               const char       *text);
/* Re-reads the library; returns what the popover offers, best first
 * (owned by the picker). */
GListModel *sw_template_picker_refresh        (SwTemplatePicker *self);
/* As a click on the template `id` in the popover would. */
gboolean    sw_template_picker_choose         (SwTemplatePicker *self,
                                               const char       *id);
/* The id of the template last chosen, or NULL: its time limit (if any)
 * is the matter's promise at registration. */
const char *sw_template_picker_get_chosen     (SwTemplatePicker *self);
void        sw_template_picker_popup          (SwTemplatePicker *self);
/* The text a template puts into `current`: an answer replaces it; a
 * materials list adds the lines it lacks. */
char       *sw_template_apply                 (SwTemplate       *tmpl,
                                               const char       *current);

G_END_DECLS
