/* sw-ops-private.h — what the operation files share
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-models-private.h"
#include "sw-access.h"
#include "sw-lifecycle.h"
#include "sw-ops.h"
#include "sw-store-internal.h"

G_BEGIN_DECLS

/* One operation in flight: the acting user, a working copy of the case row,
 * and the rules (the case's policy version, its branch's calendar). */
typedef struct {
  SwStore    *store;
  SwStaff    *actor;
  SwCase     *row;
  SwPolicy   *policy;
  SwCalendar *calendar;
  gint64      now;
  const char *what;       /* the operation, untranslated (N_), for messages */
} SwOp;

gboolean     _sw_op_begin          (SwOp        *op,
                                    SwStore     *store,
                                    const char  *what,
                                    const char  *actor,
                                    const char  *ref,
                                    GError     **error);
void         _sw_op_clear          (SwOp        *op);
gboolean     _sw_op_load_rules     (SwOp        *op,
                                    int          policy_version,
                                    const char  *branch_code,
                                    GError     **error);
/* The case must be in one of the states (a -1-terminated list). */
gboolean     _sw_op_require_state  (SwOp        *op,
                                    GError     **error,
                                    ...);
/* The event may happen in the case's state (sw-lifecycle.c). */
gboolean     _sw_op_require_event  (SwOp        *op,
                                    SwEventKind  kind,
                                    GError     **error);
gboolean     _sw_require_text      (const char  *value,
                                    const char  *label,
                                    GError     **error);
SwStaff     *_sw_op_require_staff  (SwOp        *op,
                                    const char  *empno,
                                    const char  *label,
                                    GError     **error);
/* Whether the acting user may do `what` on the case (sw-access.h): else
 * SW_ERROR_FORBIDDEN naming what was refused and why. */
gboolean     _sw_op_allow          (SwOp        *op,
                                    SwAccessOp   what,
                                    GError     **error);

SwCaseEvent *_sw_op_event          (SwOp        *op,
                                    SwEventKind  kind);
gint64       _sw_op_days_after     (SwOp        *op,
                                    gint64       from,
                                    const char  *policy_key);
void         _sw_event_set_due     (SwCaseEvent *ev,
                                    gint64       at,
                                    const char  *rule);
void         _sw_event_set_promise (SwCaseEvent *ev,
                                    gint64       at,
                                    const char  *rule);
/* When the deadline that `kind` starts (the lifecycle table's, its
 * `variant`-th: a handling's scope) falls for a case received at
 * `received`, the event happening now; its policy key in *key. */
gint64       _sw_op_start_due      (SwOp         *op,
                                    SwEventKind   kind,
                                    guint         variant,
                                    gint64        received,
                                    const char  **key);
/* Writes into `ev` the deadline that `kind` starts (due_at, due_rule). */
void         _sw_op_set_started_due (SwOp        *op,
                                     SwCaseEvent *ev,
                                     SwEventKind  kind);
/* The case's promise, or else a new one at the deadline that `kind` starts
 * (its `variant`-th), written into `ev`; then the due time at that
 * promise, under the promise's rule. */
void         _sw_op_promise_due    (SwOp        *op,
                                    SwCaseEvent *ev,
                                    SwEventKind  kind,
                                    guint        variant);
/* Appends the event in its own transaction; returns the new row. */
SwCase      *_sw_op_commit         (SwOp        *op,
                                    SwCaseEvent *ev,
                                    GError     **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SwOp, _sw_op_clear)

G_END_DECLS
