/* sw-sign-in.h — signing in by employee number and password, lock-out after
 * wrong passwords, setting and changing passwords, unlocking. Blocking (a
 * hash takes about 0.1 s): the app calls these off the main thread.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-store.h"

G_BEGIN_DECLS

/* The password a demo database gives every person (init --demo). */
#define SW_DEMO_PASSWORD "shouwen-demo"

/* Checks `password` for `empno`. On success returns the person and sets
 * `must_change` when the password is a one-time one (set by an
 * administrator) that must be changed now. On failure sets one of
 * SW_ERROR_UNKNOWN_PERSON, _WRONG_PASSWORD (the same words for both),
 * _INACTIVE, _NO_PASSWORD, _LOCKED or _INVALID (an empty or too long
 * password, not counted), and `delay_s` to the seconds the caller waits
 * before it answers or lets the person try again. After the policy's
 * signin.max_failures wrong passwords in a row the account is locked until
 * an administrator unlocks it (the lock travels with the directory; the
 * count is this device's). */
SwStaff  *sw_sign_in                 (SwStore     *store,
                                      const char  *empno,
                                      const char  *password,
                                      gboolean    *must_change,
                                      guint       *delay_s,
                                      GError     **error);
/* The wait after the k-th wrong password in a row: 0, 1, 2, 4, 8, 8… s. */
guint     sw_sign_in_delay           (int          failures);

/* Sets `empno`'s password. `actor` (signed in) must be an administrator;
 * for someone else it is a one-time password that person must change at
 * the next sign-in. A NULL actor is the machine's operator (init, the
 * server's `shouwenctl server password`): a lasting password. The lock
 * stays as it was. */
gboolean  sw_set_password            (SwStore     *store,
                                      SwStaff     *actor,
                                      const char  *empno,
                                      const char  *password,
                                      GError     **error);
/* The person changes their own password, proving it with the current one
 * (a one-time one too), which counts like a sign-in: a wrong one sets
 * `delay_s` and may lock the account. */
gboolean  sw_change_password         (SwStore     *store,
                                      const char  *empno,
                                      const char  *current,
                                      const char  *password,
                                      guint       *delay_s,
                                      GError     **error);
/* Lifts a lock-out (and this device's count); `actor` an administrator. */
gboolean  sw_unlock                  (SwStore     *store,
                                      SwStaff     *actor,
                                      const char  *empno,
                                      GError     **error);
/* Gives every person in `empnos` the password whose hash is `hash` (one
 * hash for all: a demo database), as the machine's operator. */
gboolean  sw_set_password_hash_all   (SwStore     *store,
                                      const char  *const *empnos,
                                      const char  *hash,
                                      GError     **error);
/* Does the database have an active administrator with a password yet (on
 * the first run it asks for one)? */
gboolean  sw_has_administrator       (SwStore     *store);

G_END_DECLS
