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

G_END_DECLS
