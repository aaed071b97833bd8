/* sw-sync-private.h — what the sync files of the core share
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-store-private.h"
#include "sw-store-sync.h"

G_BEGIN_DECLS

/* The columns are id, case_id, kind, actor, at, hlc_ms, hlc_counter,
 * device, payload, starting at `first`. */
#define SW_SYNC_EVENT_COLUMNS "id, case_id, kind, actor, at, hlc_ms, hlc_counter, device, payload"

SwCaseEvent *_sw_sync_event_from_row (sqlite3_stmt *stmt,
                                      int           first);

G_END_DECLS
