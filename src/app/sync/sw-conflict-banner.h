/* sw-conflict-banner.h — the conflicting-change banner over a case
 * "Conflicting change" over a case: the values that lost to a concurrent
 * change on another device, and a way to settle them with a new event.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-context.h"

G_BEGIN_DECLS

#define SW_TYPE_CONFLICT_BANNER (sw_conflict_banner_get_type ())
G_DECLARE_FINAL_TYPE (SwConflictBanner, sw_conflict_banner, SW, CONFLICT_BANNER, AdwBin)

/* Shows the case's open conflicts, or hides itself when there are none. */
void        sw_conflict_banner_set_case (SwConflictBanner *self,
                                         SwContext        *context,
                                         const char       *case_id);
const char *sw_conflict_banner_get_text (SwConflictBanner *self);

G_END_DECLS
