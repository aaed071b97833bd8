/* sw-paths.h — where the shipped data files are
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-store.h"

G_BEGIN_DECLS

/* The path of a shipped data file such as "calendar/cn-holidays.txt":
 * $SHOUWEN_DATADIR, then the installed data directory, then the source
 * tree's data/ (for running from a build). NULL when none has it. */
char     *sw_find_data_file   (const char  *relative);
/* Loads the shipped holiday file into the store's calendar. */
gboolean  sw_load_shipped_calendar (SwStore     *store,
                                    guint       *n_days,
                                    GError     **error);

G_END_DECLS
