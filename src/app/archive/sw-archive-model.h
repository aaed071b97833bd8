/* sw-archive-model.h — the archive's cases as a GListModel that loads its
 * pages on demand, by keyset (never an offset): the first page at once,
 * the next when the view asks for a row near the end of what is loaded
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sw-store.h"

G_BEGIN_DECLS

#define SW_ARCHIVE_PAGE 100

#define SW_TYPE_ARCHIVE_MODEL (sw_archive_model_get_type ())
G_DECLARE_FINAL_TYPE (SwArchiveModel, sw_archive_model, SW, ARCHIVE_MODEL, GObject)

/* The cases `query` selects (its strings are copied; its limit and keyset
 * are the model's). NULL with `error` when the first page fails. */
SwArchiveModel *sw_archive_model_new       (SwStore            *store,
                                            const SwCaseQuery  *query,
                                            GError            **error);
/* Loads the next page now; FALSE when every case is loaded (or on an error). */
gboolean        sw_archive_model_load_more (SwArchiveModel     *self);
gboolean        sw_archive_model_is_done   (SwArchiveModel     *self);

G_END_DECLS
