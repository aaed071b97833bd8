/* sw-templates-view.h — the standard answers and materials lists page
 * The library of standard answers and materials lists: everyone searches it;
 * supervisors and administrators edit it, a department head their own
 * department's templates.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-context.h"
#include "sw-template.h"

G_BEGIN_DECLS

#define SW_TYPE_TEMPLATES_VIEW (sw_templates_view_get_type ())
G_DECLARE_FINAL_TYPE (SwTemplatesView, sw_templates_view, SW, TEMPLATES_VIEW, GtkBox)

GtkWidget  *sw_templates_view_new          (SwContext       *context);
void        sw_templates_view_set_search   (SwTemplatesView *self,
                                            const char      *text);
/* The ids listed now, in order. */
GStrv       sw_templates_view_list_ids     (SwTemplatesView *self);
gboolean    sw_templates_view_select       (SwTemplatesView *self,
                                            const char      *id);
/* Starts a new template (FALSE when the user may not). */
gboolean    sw_templates_view_new_template (SwTemplatesView *self,
                                            SwTemplateKind   kind);
/* Types into the form, as a person would; NULL leaves a field as it is. */
void        sw_templates_view_fill         (SwTemplatesView *self,
                                            const char      *matter,
                                            const char      *department,
                                            const char      *keywords,
                                            const char      *body);
gboolean    sw_templates_view_save         (SwTemplatesView *self);
/* Retires the shown template, or restores a retired one. */
gboolean    sw_templates_view_toggle_retired (SwTemplatesView *self);
/* May the user change the shown template? */
gboolean    sw_templates_view_can_edit     (SwTemplatesView *self);
const char *sw_templates_view_get_error    (SwTemplatesView *self);

G_END_DECLS
