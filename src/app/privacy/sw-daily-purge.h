/* sw-daily-purge.h — the app's daily erasure of personal data past retention, in the name of the administrator who signs in
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-context.h"

G_BEGIN_DECLS

/* When the signed-in person may purge (sw_access_may_purge: an
 * administrator) and no purge ran on this device today (the branch's day),
 * erases the personal data of the cases past the retention time in their
 * name (sw_ops_purge: audited, one transaction). Returns how many cases
 * were erased; 0 when it did not run. A failure is logged, not shown: the
 * next sign-in tries again. */
guint sw_daily_purge_run (SwContext *context);

G_END_DECLS
