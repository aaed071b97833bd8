/* sw-figure-cases.h — the cases behind a figure of the head office's
 * comparison (a branch's or a department's): listed off the window's
 * thread, the customer as the access policy lets the user see them, each
 * opening in the case view
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-context.h"
#include "sw-report.h"

G_BEGIN_DECLS

#define SW_TYPE_FIGURE_CASES (sw_figure_cases_get_type ())
G_DECLARE_FINAL_TYPE (SwFigureCases, sw_figure_cases, SW, FIGURE_CASES, AdwBin)

GtkWidget  *sw_figure_cases_new        (SwContext           *context);
/* Lists the cases behind figure `key` of the cases `query` selects (a
 * branch's or a department's, in its period): those it counts, those it
 * is taken of or those it misses, as the list's choice says (those it
 * counts at first); `title` names them. "loaded" is emitted when they are
 * shown. */
void        sw_figure_cases_load       (SwFigureCases       *self,
                                        const SwReportQuery *query,
                                        const char          *key,
                                        const char          *title);
/* Lists those it counts, is taken of, or misses, of the same figure. */
void        sw_figure_cases_set_which  (SwFigureCases       *self,
                                        SwBehind             which);
gboolean    sw_figure_cases_is_loading (SwFigureCases       *self);
/* The cases shown (SwCase), or NULL before the first list. */
GPtrArray  *sw_figure_cases_get_cases  (SwFigureCases       *self);
GtkListBox *sw_figure_cases_get_list   (SwFigureCases       *self);

G_END_DECLS
