/* sw-auth.h — the app's calls to the core's sign-in (core/identity), each in
 * a thread on a second connection, since a password hash takes a while
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sw-store.h"

G_BEGIN_DECLS

/* What one attempt gave: the person (NULL on failure, then `error`), a
 * one-time password to change now, and the seconds to wait before the
 * next try after a wrong one. */
typedef struct {
  SwStaff  *staff;
  gboolean  must_change;
  guint     delay_s;
  GError   *error;
} SwAuthAttempt;

void           sw_auth_attempt_free          (SwAuthAttempt *attempt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SwAuthAttempt, sw_auth_attempt_free)

/* Signs `empno` in with `password`. */
void           sw_auth_sign_in_async         (SwStore             *store,
                                              const char          *empno,
                                              const char          *password,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
/* The person changes their own password, proving it with `current`
 * (their one-time one too); `staff` is NULL on failure. */
void           sw_auth_change_async          (SwStore             *store,
                                              const char          *empno,
                                              const char          *current,
                                              const char          *password,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
/* An administrator (`actor`) gives `empno` a one-time password; with a
 * NULL actor, the first run's administrator password for `empno`. */
void           sw_auth_set_async             (SwStore             *store,
                                              const char          *actor,
                                              const char          *empno,
                                              const char          *password,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
/* Sets up a new, empty database (the first run): its branch and the
 * administrator "admin" with `password` (core/identity/sw-setup.h);
 * `staff` is the administrator, NULL on failure. */
void           sw_auth_setup_async           (SwStore             *store,
                                              const char          *branch_code,
                                              const char          *branch_name,
                                              const char          *password,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
/* Is the database new, without a branch yet (nothing set it up)? */
gboolean       sw_auth_is_new_database       (SwStore             *store);
/* The attempt (never NULL) of any of the four. */
SwAuthAttempt *sw_auth_finish                (GAsyncResult        *result);

/* Lifts `empno`'s lock-out; `actor` an administrator. Quick: no hash. */
gboolean       sw_auth_unlock                (SwStore             *store,
                                              SwStaff             *actor,
                                              const char          *empno,
                                              GError             **error);
/* Is `empno` locked out (until an administrator unlocks it)? */
gboolean       sw_auth_is_locked             (SwStore             *store,
                                              const char          *empno);
/* A new database: no administrator has a password yet. */
gboolean       sw_auth_needs_administrator   (SwStore             *store);
/* The administrator the first run gives a password to, or NULL. */
SwStaff       *sw_auth_first_administrator   (SwStore             *store);
/* A demo database (init --demo): every person has the demo password. */
gboolean       sw_auth_is_demo               (SwStore             *store);
/* The demo password, to show on a demo database's sign-in. */
const char    *sw_auth_demo_password         (void);
/* Could `password` be set (the core's rules)? */
gboolean       sw_auth_check_new             (const char          *password,
                                              GError             **error);

G_END_DECLS
