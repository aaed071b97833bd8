/* sw-sign-in-window.h — the first window: nothing of the branch, only the way in
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-context.h"
#include "sw-session-gate.h"

G_BEGIN_DECLS

#define SW_TYPE_SIGN_IN_WINDOW (sw_sign_in_window_get_type ())
G_DECLARE_FINAL_TYPE (SwSignInWindow, sw_sign_in_window, SW, SIGN_IN_WINDOW, AdwApplicationWindow)

/* The gate's "signed-in" is the window's: the application then opens the
 * main window and closes this one. */
GtkWidget     *sw_sign_in_window_new      (GtkApplication *app,
                                           SwContext      *context);
SwSessionGate *sw_sign_in_window_get_gate (SwSignInWindow *self);

G_END_DECLS
