/* sw-notifier.h — desktop notifications about the user's cases
 * Sent with GNotification:
 *  - transferred: a case waits for acceptance by the user's department
 *    (not when the user transferred it);
 *  - near-deadline: a case the user owns or handles has less than 20% of its
 *    time left, the time given being from the event that set the current
 *    deadline (its `due_at`) to that deadline;
 *  - overdue: the same case is past its deadline;
 *  - returned: a case the user owns was returned or reopened by someone else
 *    (events since the notifier's record began, so a first start does not
 *    replay old history).
 * Each is sent once: the record (a key file) holds the case, the kind and
 * the event id or deadline. Checked on the context's tick, after a case
 * changes and when the user changes. Clicking runs app.open-case (the id).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sw-context.h"

G_BEGIN_DECLS

typedef enum {
  SW_NOTIFY_TRANSFERRED,
  SW_NOTIFY_NEAR_DEADLINE,
  SW_NOTIFY_OVERDUE,
  SW_NOTIFY_RETURNED,
  SW_N_NOTIFY
} SwNotifyKind;

/* The GSettings boolean that turns a kind on. */
const char *sw_notify_kind_setting  (SwNotifyKind kind);
/* `settings` is not NULL and has the key (an older schema may not). */
gboolean    sw_notifier_has_setting (GSettings   *settings,
                                     const char  *key);

#define SW_TYPE_NOTIFIER (sw_notifier_get_type ())
G_DECLARE_FINAL_TYPE (SwNotifier, sw_notifier, SW, NOTIFIER, GObject)

/* `app` may be NULL (nothing is sent; "sent" is still emitted); `state_path`
 * NULL means shouwen/notified.ini in the user data directory. */
SwNotifier *sw_notifier_new            (GApplication *app,
                                        SwContext    *context,
                                        const char   *state_path);
/* Looks at every open case now; returns how many notifications were sent. */
guint       sw_notifier_check          (SwNotifier   *self);
guint       sw_notifier_get_sent_count (SwNotifier   *self);

G_END_DECLS
