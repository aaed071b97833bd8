/* app-test-util.h — what the app's window tests share
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-context.h"
#include "sw-window.h"

G_BEGIN_DECLS

/* What every window test does first: GTK's accessibility backend
 * (`a11y`: "none", or "test" to read labels back), English, GTK and
 * libadwaita initialised, no animations (a switch flips at the end of its
 * animation), and any GTK warning or critical fails the test. */
void             app_test_init         (int             *argc,
                                        char          ***argv,
                                        const char      *a11y);

/* A log writer that makes any GTK warning or critical fail the test. */
GLogWriterOutput app_test_fatal_writer (GLogLevelFlags   level,
                                        const GLogField *fields,
                                        gsize            n_fields,
                                        gpointer         data);
/* Runs the main loop until nothing is pending, a few rounds. */
void             app_test_drain        (void);
/* Signs `user` in, reloads the cases and presents a main window. */
SwWindow        *app_test_open_window  (SwContext       *context,
                                        const char      *user);
/* Destroys every toplevel window and lets the main loop settle. */
void             app_test_close_windows (void);

/* The first widget of `type` under `root` (itself included), depth first,
 * or NULL. */
GtkWidget       *app_test_find_widget  (GtkWidget       *root,
                                        GType            type);
/* "SwWindow/…/GtkButton": the types from the toplevel down to `w`. */
char            *app_test_widget_path  (GtkWidget       *w);
/* What the program argv[0] (found in PATH) printed; it must succeed. */
char            *app_test_spawn_output (const char * const *argv);
/* The text of `pdf` as pdftotext prints it (UTF-8); with `layout`, as laid
 * out on the page: a table's row on one line. */
char            *app_test_pdf_text     (const char      *pdf,
                                        gboolean         layout);
/* Runs the main loop until `widget`'s window has painted a frame (first
 * waiting for it to have a frame clock). */
void             app_test_wait_paint   (GtkWidget       *widget);
/* The visible toplevel window of `type` (the last one listed), or NULL. */
GtkWidget       *app_test_find_window  (GType            type);
/* Runs xdotool with `args` (real key presses through the X server), then
 * lets GTK handle what it made. */
void             app_test_xdotool      (const char * const *args);

/* Appends every text a person sees under `w` (labels, entries, rows'
 * titles and subtitles, window titles), one a line. */
void             app_test_collect_text (GtkWidget       *w,
                                        GString         *out);
/* Whether the case view of `case_id` offers `op` (an SwOpKind) to the
 * context's user; the view is opened and closed again. */
gboolean         app_test_case_offers  (SwContext       *context,
                                        const char      *case_id,
                                        int              op);
G_END_DECLS
