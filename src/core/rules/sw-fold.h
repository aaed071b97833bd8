/* sw-fold.h — the case row as a deterministic fold of its events
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-case.h"
#include "sw-case-event.h"

G_BEGIN_DECLS

/* Applies one event to a row. Total: never fails, so that every replica folds
 * the same events, in sw_case_event_compare() order, to the same row. The
 * customer's contact (personal data) is not part of the fold. */
void sw_case_apply (SwCase      *row,
                    SwCaseEvent *event);

G_END_DECLS
