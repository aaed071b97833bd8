/* sw-background-task.h — store work in a thread on a second connection
 * Runs a piece of store work in a thread on a second connection to the same
 * database file (SQLite WAL lets it read and write beside the window's
 * connection), so that detection and reports do not block the window.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sw-store.h"

G_BEGIN_DECLS

/* Runs in the thread with its own store (the same clock as `store`);
 * returns the result or NULL with error set. */
typedef gpointer (*SwStoreWork) (SwStore       *store,
                                 gpointer       data,
                                 GCancellable  *cancellable,
                                 GError       **error);

void      sw_background_task_run     (SwStore             *store,
                                 gpointer             source_object,
                                 SwStoreWork          work,
                                 gpointer             data,
                                 GDestroyNotify       data_free,
                                 GDestroyNotify       result_free,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data);
/* The work's result (owned by the caller) or NULL with error set. */
gpointer  sw_background_task_finish  (GAsyncResult        *result,
                                 GError             **error);

G_END_DECLS
