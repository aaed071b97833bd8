/* app-test-util.h — what the app's window tests share
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A log writer that makes any GTK warning or critical fail the test. */
GLogWriterOutput app_test_fatal_writer (GLogLevelFlags   level,
                                        const GLogField *fields,
                                        gsize            n_fields,
                                        gpointer         data);
/* Runs the main loop until nothing is pending, a few rounds. */
void             app_test_drain        (void);

G_END_DECLS
