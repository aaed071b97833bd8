/* sw-server-sqlite.h — the sync server's embedded storage: one SQLite file
 * in the data directory (a Shouwen store with the server's own tables),
 * opened by sw_server_storage_open: named by no file outside this folder.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-server-storage.h"

G_BEGIN_DECLS

#define SW_SERVER_DB_NAME "shouwen-server.db"

#define SW_TYPE_SERVER_SQLITE (sw_server_sqlite_get_type ())
G_DECLARE_FINAL_TYPE (SwServerSqlite, sw_server_sqlite, SW, SERVER_SQLITE, GObject)

/* Opens (creating them) the data directory and its database. */
SwServerSqlite *sw_server_sqlite_open        (const char  *data_dir,
                                              GError     **error);
/* Replaces the database with a backup of it and gives the server a new
 * epoch, so that clients send again what the backup lacks. */
gboolean        sw_server_sqlite_restore     (const char  *data_dir,
                                              const char  *backup,
                                              GError     **error);
SwStore        *sw_server_sqlite_get_store   (SwServerSqlite *self);
/* How long a device token lasts, in days (0: for ever). */
void            sw_server_sqlite_set_token_days (SwServerSqlite *self,
                                                 int             days);

G_END_DECLS
