/* sw-demo.h — demo data: a realistic Chinese bank branch
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-store.h"

G_BEGIN_DECLS

/* Fills an empty store with a branch, its departments and staff, the
 * holiday calendar, and about `n_cases` cases spread over the three months
 * before `now_ms`, in every state, made through the real operations (so
 * their timelines are real). Deterministic for a given seed. */
gboolean sw_demo_populate (SwStore  *store,
                           gint64    now_ms,
                           guint     n_cases,
                           guint32   seed,
                           GError  **error);

/* Gives every person of the store the demo password SW_DEMO_PASSWORD
 * (sw-sign-in.h), hashed once: documented in the README and named by the
 * sign-in window of a demo database. */
gboolean sw_demo_set_passwords (SwStore  *store,
                                GError  **error);

G_END_DECLS
