/* sw-server-pg-private.h — what the files of the PostgreSQL engine share:
 * the connection and parameterised queries
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libpq-fe.h>

#include "sw-server-pg.h"

G_BEGIN_DECLS

/* The format of the PostgreSQL schema (sw-server-pg-schema.c), kept in
 * sw_meta under "schema". */
#define SW_SERVER_PG_SCHEMA_VERSION 3

struct _SwServerPg
{
  GObject  parent_instance;
  PGconn  *conn;
  char    *uri;
  char    *epoch;      /* the last one read: refreshed by every get_epoch */
  int      token_days;
  GHashTable *prepared; /* SQL → name of its prepared statement in this session */
};

/* Runs `sql` with text parameters (NULL: SQL NULL); a failed command sets
 * `error` (SW_ERROR_DB_BUSY for a lock or statement timeout, a serialisation
 * failure or a deadlock, so that the client is told 503 and tries again) and
 * returns NULL. The result is the caller's (PQclear). */
PGresult  *_sw_pg_query     (SwServerPg   *self,
                             const char   *sql,
                             int           n_params,
                             const char  *const *params,
                             GError      **error);
/* A command whose result does not matter. */
gboolean   _sw_pg_exec      (SwServerPg   *self,
                             const char   *sql,
                             int           n_params,
                             const char  *const *params,
                             GError      **error);
gboolean   _sw_pg_begin     (SwServerPg   *self,
                             GError      **error);
gboolean   _sw_pg_commit    (SwServerPg   *self,
                             GError      **error);
void       _sw_pg_rollback  (SwServerPg   *self);
/* The first column of the first row, or NULL when there is none. */
char      *_sw_pg_value     (SwServerPg   *self,
                             const char   *sql,
                             int           n_params,
                             const char  *const *params,
                             GError      **error);
char      *_sw_pg_int       (gint64        n);   /* for a parameter */

int        _sw_server_pg_schema_version (SwServerPg  *self,
                                         GError     **error);
gboolean   _sw_server_pg_apply_migrations (SwServerPg  *self,
                                           int         *from,
                                           int         *to,
                                           GError     **error);

GPtrArray *_sw_server_pg_push     (SwServerStorage     *storage,
                                   SwServerDevice      *device,
                                   SwPushRequest       *request,
                                   const SwPushPolicy  *policy,
                                   GError             **error);
SwPullPage *_sw_server_pg_pull    (SwServerStorage     *storage,
                                   SwServerDevice      *device,
                                   guint64              cursor,
                                   guint                limit,
                                   GError             **error);
JsonNode  *_sw_server_pg_get_case (SwServerStorage     *storage,
                                   SwServerDevice      *device,
                                   const char          *id,
                                   GError             **error);

/* The directory (sw-server-pg-directory.c) */
JsonNode  *_sw_server_pg_get_directory  (SwServerStorage  *storage,
                                         gint64           *version,
                                         GError          **error);
SwStaff   *_sw_server_pg_sign_in        (SwServerStorage  *storage,
                                         const char       *empno,
                                         const char       *password,
                                         GError          **error);
gboolean   _sw_server_pg_set_password   (SwServerStorage  *storage,
                                         const char       *empno,
                                         const char       *password,
                                         GError          **error);
gboolean   _sw_server_pg_seed_directory (SwServerStorage  *storage,
                                         SwStore          *from,
                                         GError          **error);
GPtrArray *_sw_server_pg_push_directory (SwServerStorage  *storage,
                                         SwServerDevice   *device,
                                         JsonArray        *changes,
                                         gint64            now,
                                         gint64           *version,
                                         GError          **error);
/* Whether the directory knows branch `code`. */
gboolean   _sw_server_pg_has_branch     (SwServerPg       *self,
                                         const char       *code,
                                         GError          **error);

/* Attached files (sw-server-pg-blobs.c) */
gboolean   _sw_server_pg_blob_status    (SwServerStorage  *storage,
                                         const char       *hash,
                                         gint64           *received,
                                         gboolean         *complete,
                                         GError          **error);
gboolean   _sw_server_pg_blob_append    (SwServerStorage  *storage,
                                         const char       *hash,
                                         gint64            offset,
                                         GBytes           *data,
                                         gint64            total,
                                         gint64           *received,
                                         gboolean         *complete,
                                         GError          **error);
GBytes    *_sw_server_pg_blob_read      (SwServerStorage  *storage,
                                         const char       *hash,
                                         gint64            offset,
                                         gint64            length,
                                         gint64           *total,
                                         GError          **error);
gboolean   _sw_server_pg_blob_readable  (SwServerStorage  *storage,
                                         SwServerDevice   *device,
                                         const char       *hash,
                                         GError          **error);
/* Deletes the files no case holds that received no part for `min_age_s`
 * seconds (an upload whose push never came); how many. */
guint      _sw_server_pg_blob_sweep     (SwServerStorage  *storage,
                                         gint64            min_age_s);
/* In a push's transaction: the files its accepted events attach, and those
 * its purges release. */
gboolean   _sw_server_pg_fold_attachments (SwServerPg     *self,
                                           GPtrArray      *accepted,
                                           GError        **error);

G_END_DECLS
