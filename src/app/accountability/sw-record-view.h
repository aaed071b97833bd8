/* sw-record-view.h — the page of a person's record for a year
 * A person's record for a year (domain §7): findings, the penalty ladder's
 * steps, sanctions, the year-end rating effect and what the next confirmed
 * violation brings.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-context.h"
#include "sw-ladder.h"

G_BEGIN_DECLS

#define SW_TYPE_RECORD_VIEW (sw_record_view_get_type ())
G_DECLARE_FINAL_TYPE (SwRecordView, sw_record_view, SW, RECORD_VIEW, GtkWidget)

GtkWidget      *sw_record_view_new         (SwContext    *context);
/* year 0: this year. Others than the user are for those who see the branch. */
gboolean        sw_record_view_set_person  (SwRecordView *self,
                                            const char   *empno,
                                            int           year);
SwPersonRecord *sw_record_view_get_record  (SwRecordView *self);

G_END_DECLS
