/* sw-case-list.h — a plain array of cases as a GListModel
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sw-case.h"

G_BEGIN_DECLS

#define SW_TYPE_CASE_LIST (sw_case_list_get_type ())
G_DECLARE_FINAL_TYPE (SwCaseList, sw_case_list, SW, CASE_LIST, GObject)

SwCaseList *sw_case_list_new    (void);
/* The case at `position` (borrowed), or NULL past the end. */
SwCase     *sw_case_list_peek   (SwCaseList *self,
                                 guint       position);
void        sw_case_list_splice (SwCaseList *self,
                                 guint       position,
                                 guint       n_removals,
                                 SwCase    **additions,
                                 guint       n_additions);

G_END_DECLS
