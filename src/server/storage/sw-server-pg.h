/* sw-server-pg.h — the sync server's PostgreSQL engine: many server
 * processes on one database, reached through libpq (a postgresql:// URI),
 * opened by sw_server_storage_open: named by no file outside this folder.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-server-storage.h"

G_BEGIN_DECLS

#define SW_TYPE_SERVER_PG (sw_server_pg_get_type ())
G_DECLARE_FINAL_TYPE (SwServerPg, sw_server_pg, SW, SERVER_PG, GObject)

/* Whether `location` names a PostgreSQL database (postgresql:// or postgres://). */
gboolean    sw_server_pg_is_location (const char  *location);
/* Connects; refuses a database whose schema is older than this server's
 * (run `shouwenctl server migrate`) or newer (SW_ERROR_DB_TOO_NEW). */
SwServerPg *sw_server_pg_open        (const char  *uri,
                                      GError     **error);
/* Applies the numbered migrations the database lacks, under an advisory
 * lock (several servers or commands may run it at once); `from` and `to`
 * receive the versions before and after. */
gboolean    sw_server_pg_migrate     (const char  *uri,
                                      int         *from,
                                      int         *to,
                                      GError     **error);
/* After the database was restored from a dump: a new epoch. */
gboolean    sw_server_pg_new_epoch   (SwServerPg  *self,
                                      gint64       now,
                                      GError     **error);

G_END_DECLS
