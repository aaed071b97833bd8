/* sw-store-accountability.h — what detection, findings, the ladder, inspections, reports and the register ask the database
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-finding.h"
#include "sw-inspection.h"
#include "sw-ladder.h"

G_BEGIN_DECLS

/* ------------------------------------------------ findings (sw-store-findings.c) */

/* For detection: inserts unless its key exists; sets *is_new. */
gboolean    _sw_store_insert_finding   (SwStore     *store,
                                        SwFinding   *f,
                                        gboolean    *is_new,
                                        GError     **error);
/* The same for n findings at once, in statements of up to
 * SW_FINDING_INSERT_ROWS rows; sets is_new[i] for each. */
#define SW_FINDING_INSERT_ROWS 64
gboolean    _sw_store_insert_findings  (SwStore     *store,
                                        SwFinding  **f,
                                        guint        n,
                                        gboolean    *is_new,
                                        GError     **error);
/* Confirms or dismisses finding `id` at the store's clock and logs the
 * decision, in the open transaction. */
gboolean    _sw_store_decide_finding   (SwStore     *store,
                                        const char  *id,
                                        gboolean     confirm,
                                        const char  *actor,
                                        const char  *reason,
                                        GError     **error);

/* ---------------- inspections and sanctions (sw-store-inspections.c, -sanctions.c) */

gboolean    _sw_store_insert_inspection (SwStore             *store,
                                         const SwInspection  *inspection,
                                         GError             **error);
gboolean    _sw_store_insert_sanction   (SwStore             *store,
                                         const SwSanction    *sanction,
                                         GError             **error);

/* ------------------------------------------------- detection (sw-store-detect.c) */

/* The facts of one case that only its log tells (case_facts). */
typedef struct {
  char  *case_id;
  int    transfers, transfer_late, accepts, accept_late;
  gint64 handling_ms;           /* -1 = not answered yet */
  char  *due_event, *promise_event;
} SwDetectFacts;

G_END_DECLS
