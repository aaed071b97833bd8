/* sw-daily-purge.c — the app's daily erasure of personal data past retention, in the name of the administrator who signs in
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-access.h"
#include "sw-daily-purge.h"
#include "sw-ops.h"
#include "sw-store-meta.h"

/* On the main thread: the cases that cross the retention time in one day
 * are few, and the first purge of an old database is the administrator's
 * `shouwenctl privacy purge` (or Preferences' "Purge now"). */
guint
sw_daily_purge_run (SwContext *context)
{
  SwStore *store = sw_context_get_store (context);
  SwStaff *user = sw_context_get_user (context);
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;
  g_autofree char *last = NULL;
  guint n = 0;

  if (!sw_access_may_purge (user))
    return 0;
  today = g_strdup_printf ("%" G_GINT64_FORMAT, sw_context_day_end (context));
  last = sw_store_get_meta (store, SW_META_PRIVACY_PURGED_DAY);
  if (g_strcmp0 (today, last) == 0)
    return 0;
  if (!sw_ops_purge (store, sw_staff_get_empno (user), FALSE, &n, &error) ||
      !sw_store_set_meta (store, SW_META_PRIVACY_PURGED_DAY, today, &error))
    {
      g_warning ("The daily purge of personal data did not run: %s", error->message);
      return 0;
    }
  if (n > 0 && !sw_context_reload (context, &error))
    g_warning ("%s", error->message);
  return n;
}
