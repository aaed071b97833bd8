/* sw-server-sqlite-private.h — what the files of the SQLite engine share
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-server-sqlite.h"
#include "sw-store-events.h"
#include "sw-store-sql.h"
#include "sw-store-replica.h"

G_BEGIN_DECLS

/* The format of the server's own tables (sw-server-sqlite-schema.c), kept
 * in meta under SW_META_SERVER_SCHEMA. */
#define SW_SERVER_SCHEMA_VERSION 3

struct _SwServerSqlite
{
  GObject  parent_instance;
  SwStore *store;
  char    *data_dir;
  char    *epoch;
  int      token_days;
};

/* Refuses a database whose server tables are of a newer format
 * (SW_ERROR_DB_TOO_NEW); _migrate also brings older ones up to date. */
gboolean   _sw_server_sqlite_check_schema (SwStore          *store,
                                           GError          **error);
gboolean   _sw_server_sqlite_migrate  (SwStore             *store,
                                       GError             **error);
gboolean   _sw_server_sqlite_new_epoch (SwServerSqlite  *self,
                                        gint64           now,
                                        GError         **error);
GPtrArray *_sw_server_sqlite_push     (SwServerStorage     *storage,
                                       SwServerDevice      *device,
                                       SwPushRequest       *request,
                                       const SwPushPolicy  *policy,
                                       GError             **error);
SwPullPage *_sw_server_sqlite_pull    (SwServerStorage     *storage,
                                       SwServerDevice      *device,
                                       guint64              cursor,
                                       guint                limit,
                                       GError             **error);
GPtrArray *_sw_server_sqlite_push_directory (SwServerStorage  *storage,
                                             SwServerDevice   *device,
                                             JsonArray        *changes,
                                             gint64            now,
                                             gint64           *version,
                                             GError          **error);
/* After the server itself changed a directory row (a password set or a
 * lock at sign-in): stamps it and raises the directory's version, so that
 * every device pulls it. */
gboolean   _sw_server_sqlite_own_directory_edit (SwServerSqlite  *self,
                                                 const char      *table,
                                                 const char      *key,
                                                 GError         **error);
gboolean   _sw_server_sqlite_audit_head (SwServerStorage  *storage,
                                         const char       *device_id,
                                         gint64           *seq,
                                         char            **hash,
                                         GError          **error);
gboolean   _sw_server_sqlite_append_audit (SwServerStorage  *storage,
                                           const char       *device_id,
                                           GPtrArray        *entries,
                                           gint64            now,
                                           GError          **error);
/* Whether the device may read the case (its branch's scope; inspectors every case). */
gboolean   _sw_server_sqlite_may_read (SwStore             *store,
                                       SwServerDevice      *device,
                                       const char          *case_id);
/* Attached files (sw-server-sqlite-blobs.c): beside the database, as the
 * client keeps them (sw-store-attachments.h). */
gboolean   _sw_server_sqlite_blob_status (SwServerStorage *storage, const char *hash, gint64 *received,
                                          gboolean *complete, GError **error);
gboolean   _sw_server_sqlite_blob_append (SwServerStorage *storage, const char *hash, gint64 offset,
                                          GBytes *data, gint64 total, gint64 *received,
                                          gboolean *complete, GError **error);
GBytes    *_sw_server_sqlite_blob_read   (SwServerStorage *storage, const char *hash, gint64 offset,
                                          gint64 length, gint64 *total, GError **error);
gboolean   _sw_server_sqlite_blob_readable (SwServerStorage *storage, SwServerDevice *device,
                                            const char *hash, GError **error);
guint      _sw_server_sqlite_blob_sweep  (SwServerStorage *storage, gint64 min_age_s);
JsonNode  *_sw_server_sqlite_get_case (SwServerStorage     *storage,
                                       SwServerDevice      *device,
                                       const char          *id,
                                       GError             **error);

G_END_DECLS
