/* sw-session-lock.h — a window's lock: after an idle time or on demand its content leaves the window for the gate
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-context.h"
#include "sw-session-gate.h"

G_BEGIN_DECLS

#define SW_TYPE_SESSION_LOCK (sw_session_lock_get_type ())
G_DECLARE_FINAL_TYPE (SwSessionLock, sw_session_lock, SW, SESSION_LOCK, GObject)

/* Watches the input of every window of the process and locks `window`
 * after the GSettings key `lock-minutes` without any (default 10). While
 * locked, the window's content is taken out of it (nothing of it is drawn
 * or focusable) and the windows above it are hidden; the "locked"
 * property says so. When a different person signs in at the lock,
 * "user-switched" follows the context's new user. */
SwSessionLock *sw_session_lock_new         (AdwApplicationWindow *window,
                                            SwContext            *context);
gboolean       sw_session_lock_get_locked  (SwSessionLock        *self);
/* The signed-in person's lock page. */
void           sw_session_lock_lock        (SwSessionLock        *self);
/* The lock, showing the sign-in for anyone. */
void           sw_session_lock_switch_user (SwSessionLock        *self);
/* Nobody is signed in any more: the other windows close, the sign-in shows. */
void           sw_session_lock_sign_out    (SwSessionLock        *self);
/* The idle timer's handler, as if the idle time had passed (tests). */
void           sw_session_lock_idle_expired (SwSessionLock       *self);
/* The idle time in seconds the lock waits for now. */
guint          sw_session_lock_get_idle_seconds (SwSessionLock   *self);
SwSessionGate *sw_session_lock_get_gate    (SwSessionLock        *self);

G_END_DECLS
