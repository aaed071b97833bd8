/* sw-archive-view.h — the archive: every case the device holds, for years,
 * searched by text and filtered (period, state, kind, channel, department,
 * person, overdue, satisfaction), paged on demand; a result opens in the
 * case view
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-context.h"

G_BEGIN_DECLS

#define SW_TYPE_ARCHIVE_VIEW (sw_archive_view_get_type ())
G_DECLARE_FINAL_TYPE (SwArchiveView, sw_archive_view, SW, ARCHIVE_VIEW, GtkWidget)

GtkWidget  *sw_archive_view_new      (SwContext     *context);
/* Runs the search with the filters as set; for tests and screenshots. */
void        sw_archive_view_search   (SwArchiveView *self);
void        sw_archive_view_set_text (SwArchiveView *self,
                                      const char    *text);
/* The results as loaded so far. */
GListModel *sw_archive_view_get_model (SwArchiveView *self);

G_END_DECLS
