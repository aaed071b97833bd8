/* sw-detector.h — detection run for the app, in a thread
 * Runs detection (sw_detect_run) for the app: in a thread on its own
 * connection, on demand (at start, after a sync) and on a timer. Runs asked
 * for while one is under way are folded into one more run.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sw-store.h"

G_BEGIN_DECLS

#define SW_TYPE_DETECTOR (sw_detector_get_type ())
G_DECLARE_FINAL_TYPE (SwDetector, sw_detector, SW, DETECTOR, GObject)

SwDetector *sw_detector_new           (SwStore    *store);
void        sw_detector_run           (SwDetector *self);
/* Every `minutes` minutes from now; 0 turns the timer off. */
void        sw_detector_set_interval  (SwDetector *self,
                                       guint       minutes);
/* Cancels a run under way and the timer; nothing is emitted afterwards. */
void        sw_detector_stop          (SwDetector *self);
gboolean    sw_detector_is_running    (SwDetector *self);
guint       sw_detector_get_n_runs    (SwDetector *self);
/* The last run's error message, or NULL. */
const char *sw_detector_get_error     (SwDetector *self);

G_END_DECLS
