/* sw-session-gate.h — the way in: sign-in, a one-time password's change, the first run's administrator password
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-context.h"
#include "sw-password-page.h"
#include "sw-sign-in-page.h"

G_BEGIN_DECLS

#define SW_TYPE_SESSION_GATE (sw_session_gate_get_type ())
G_DECLARE_FINAL_TYPE (SwSessionGate, sw_session_gate, SW, SESSION_GATE, AdwBin)

/* Emits "signed-in" (SwStaff *person) once a person proved who they are
 * (and changed a one-time password); the owner then sets the context's
 * user. Nothing here touches the context's user or cases. */
GtkWidget      *sw_session_gate_new          (SwContext     *context);
/* Anyone picks themselves (`last`, if given, is picked already). */
void            sw_session_gate_sign_in      (SwSessionGate *self,
                                              const char    *last);
/* The lock page of `empno`, whose "Switch User" leads to the sign-in. */
void            sw_session_gate_lock         (SwSessionGate *self,
                                              const char    *empno);
/* A new database: the administrator's password first. */
void            sw_session_gate_first_run    (SwSessionGate *self);
SwSignInPage   *sw_session_gate_get_sign_in  (SwSessionGate *self);
SwPasswordPage *sw_session_gate_get_password (SwSessionGate *self);
/* "sign-in" or "password": the page showing. */
const char     *sw_session_gate_get_page     (SwSessionGate *self);
void            sw_session_gate_focus        (SwSessionGate *self);

G_END_DECLS
