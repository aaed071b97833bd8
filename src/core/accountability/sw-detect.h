/* sw-detect.h — finds violations in the case logs (domain §7) at the
 * store's clock. Idempotent: a finding's key is rule|case|person|event, so a
 * second run finds nothing new. Deadlines are the ones stored on the events
 * (computed with the case's policy version and its branch's calendar); the
 * phrases, the ping-pong limit and the repeat window come from the case's
 * policy version.
 *
 * It folds the logs of the cases with new events since the last run (a
 * watermark on the event sequence), and checks the deadlines of every open
 * case set-based on the case rows. It also keeps the per-case facts the
 * reports read (transfers made in time, working hours to the answer) current.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-finding.h"

G_BEGIN_DECLS

typedef struct {
  guint n_cases;          /* cases examined */
  guint n_new;            /* findings that did not exist before */
} SwDetectStats;

/* Runs detection; returns the new findings (a GPtrArray of SwFinding).
 * Its commit leaves the write-ahead log as it is: the store copies it into
 * the database when it is closed, or call sw_store_checkpoint once the
 * findings are out. */
GPtrArray *sw_detect_run (SwStore        *store,
                          SwDetectStats  *stats,
                          GError        **error);

G_END_DECLS

G_BEGIN_DECLS

/* Whether a complaint received at `received_at` about `content`, naming
 * `departments` (NULL-terminated: its first-inquiry person's, its handler's),
 * repeats `earlier`, a case of the same customer (sw_store_customer_history,
 * with its same_matter): the rule detection's repeat_complaint applies, for
 * the registration dialog and the case view to point it out. */
gboolean sw_detect_repeats (SwPolicy          *policy,
                            SwCase            *earlier,
                            gboolean           same_matter,
                            const char        *content,
                            const char *const *departments,
                            gint64             received_at);

G_END_DECLS
