/* sw-notified.h — the record of what was notified already
 * What was notified already, kept in a key file so that a restart does not
 * repeat it.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _SwNotified SwNotified;

/* Loads `path` (missing is empty); `now` stamps a new file's start. */
SwNotified *sw_notified_load      (const char  *path,
                                   gint64       now_ms);
void        sw_notified_free      (SwNotified  *self);
/* When the record began: older events are not notified. */
gint64      sw_notified_get_since (SwNotified  *self);
gboolean    sw_notified_contains  (SwNotified  *self,
                                   const char  *key);
void        sw_notified_add       (SwNotified  *self,
                                   const char  *key,
                                   gint64       now_ms);
/* Writes the file, forgetting entries older than 180 days. */
gboolean    sw_notified_save      (SwNotified  *self,
                                   gint64       now_ms,
                                   GError     **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SwNotified, sw_notified_free)

G_END_DECLS
