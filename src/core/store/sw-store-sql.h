/* sw-store-sql.h — the store's SQL helpers, for the store's files and the server's storage (no struct)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "sw-store.h"

G_BEGIN_DECLS

/* A statement prepared once and kept by the address of `sql`, which must
 * never move or change (a literal, or a string kept for the process): a
 * string built for the call would find another statement at its address. */
sqlite3_stmt *_sw_store_prepare      (SwStore     *self,
                                      const char  *sql,
                                      GError     **error);
gboolean      _sw_store_exec         (SwStore     *self,
                                      const char  *sql,
                                      GError     **error);
/* A read transaction around several statements outside any write: one
 * snapshot for all, and one read lock instead of one a statement. Returns
 * whether it began one (then end it with _sw_store_end_read). */
gboolean      _sw_store_begin_read   (SwStore     *self);
void          _sw_store_end_read     (SwStore     *self);
/* Turns the last SQLite failure into a GError: SW_ERROR_DB_CORRUPT for a
 * damaged file, SW_ERROR_EXISTS for a refused constraint, SW_ERROR_DB
 * otherwise. Always returns FALSE. _sw_db_fail: the same for any
 * connection to the file at `path`. */
gboolean      _sw_db_fail            (sqlite3     *db,
                                      const char  *path,
                                      GError     **error);
gboolean      _sw_store_fail         (SwStore     *self,
                                      GError     **error);
/* Steps a bound statement to its end, making an item of each row with
 * `from_row` into a new array that frees them with `free_func`; resets the
 * statement. NULL with error set when a step fails. */
GPtrArray    *_sw_store_collect      (SwStore       *self,
                                      sqlite3_stmt  *stmt,
                                      gpointer     (*from_row) (sqlite3_stmt *stmt),
                                      GDestroyNotify free_func,
                                      GError       **error);
/* Whether `sql` (one parameter, `arg`) returns a row; FALSE with error
 * set when it could not be asked. */
gboolean      _sw_store_row_exists   (SwStore     *self,
                                      const char  *sql,
                                      const char  *arg,
                                      gboolean    *exists,
                                      GError     **error);
gboolean      _sw_store_step_done    (SwStore     *self,
                                      sqlite3_stmt *stmt,
                                      GError     **error);
void          _sw_bind_text          (sqlite3_stmt *stmt,
                                      int           idx,
                                      const char   *text);
char         *_sw_column_dup         (sqlite3_stmt *stmt,
                                      int           idx);
/* Forgets the directory and policies the store keeps in memory: after
 * writing those tables with SQL of one's own. */
void          _sw_store_drop_caches  (SwStore     *self);

G_END_DECLS
