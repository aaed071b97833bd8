/* sw-store-private.h — what the store's files share
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "sw-store.h"

G_BEGIN_DECLS

/* "SHWN": marks a file as ours in the SQLite header (PRAGMA application_id). */
#define SW_STORE_APPLICATION_ID 0x5348574e
/* Pages the write-ahead log may hold before it is copied into the database
 * (SQLite's wal_autocheckpoint; its file is cut back to 16 MB, the
 * journal_size_limit). SQLite's 1,000 made writing 100,000 cases copy pages
 * it had just copied, a tenth of the time. The copy runs in a thread of its
 * own (SwCheckpointer); only a log that grew past SW_STORE_WAL_LIMIT times
 * this, because that thread could not keep up, is copied by the committing
 * call itself. */
#define SW_STORE_WAL_PAGES 4000
#define SW_STORE_WAL_LIMIT 2

typedef struct _SwCheckpointer SwCheckpointer;

SwCheckpointer *_sw_checkpointer_new      (const char     *path);
gboolean        _sw_checkpointer_request  (SwCheckpointer *self);
void            _sw_checkpointer_wait     (SwCheckpointer *self);
guint           _sw_checkpointer_get_done (SwCheckpointer *self);
void            _sw_checkpointer_free     (SwCheckpointer *self);

struct _SwStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  GHashTable *stmts;          /* SQL text → sqlite3_stmt*, prepared once */
  int         tx_depth;
  gint64      now_ms;

  char       *device_code;
  char       *device_id;
  gint64      hlc_ms;         /* the last hybrid logical clock handed out */
  int         hlc_counter;

  /* Caches, dropped on rollback or directory change */
  GHashTable *staff;          /* empno → SwStaff */
  GHashTable *departments;    /* code → SwDepartment */
  GHashTable *calendars;      /* branch code → SwCalendar */
  GHashTable *policies;       /* version → SwPolicy */
  int         current_policy;

  /* Case rows written in the open transaction, flushed at commit */
  GHashTable *dirty_cases;    /* id → SwCase */
  /* Search rows, written last: FTS5 flushes its buffers at every statement
   * savepoint once it is part of a transaction */
  GPtrArray  *pending_search;

  /* Copying the log into the database */
  SwCheckpointer *checkpointer;   /* started when the log first fills */
  int         wal_pages;          /* SW_STORE_WAL_PAGES but in tests */
  gboolean    defer_checkpoint;   /* never in the committing call */

  GHashTable *table_columns;      /* directory table → its column names */
};

/* A second connection to the store's file for a thread of its own (no
 * per-call mutex, the log opened); NULL when it cannot be opened, and the
 * caller does the work on the store's own connection. */
sqlite3      *_sw_store_open_side    (const char  *path,
                                      int          flags);
/* A statement prepared once and kept by the address of `sql`, which must
 * never move or change (a literal, or a string kept for the process): a
 * string built for the call would find another statement at its address. */
sqlite3_stmt *_sw_store_prepare      (SwStore     *self,
                                      const char  *sql,
                                      GError     **error);
gboolean      _sw_store_exec         (SwStore     *self,
                                      const char  *sql,
                                      GError     **error);
/* Turns the last SQLite failure into a GError: SW_ERROR_DB_CORRUPT for a
 * damaged file, SW_ERROR_EXISTS for a refused constraint, SW_ERROR_DB
 * otherwise. Always returns FALSE. _sw_db_fail: the same for any
 * connection to the file at `path`. */
gboolean      _sw_db_fail            (sqlite3     *db,
                                      const char  *path,
                                      GError     **error);
gboolean      _sw_store_fail         (SwStore     *self,
                                      GError     **error);
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

gboolean      _sw_store_migrate      (SwStore     *self,
                                      int          target,
                                      GError     **error);
void          _sw_store_drop_caches  (SwStore     *self);
gboolean      _sw_store_flush_cases  (SwStore     *self,
                                      GError     **error);

/* Hands out the next hybrid logical clock value. */
void          _sw_store_tick_hlc     (SwStore     *self,
                                      gint64      *hlc_ms,
                                      int         *hlc_counter);
/* Appends an event and replaces the case's row (in the open transaction). */
gboolean      _sw_store_append       (SwStore     *self,
                                      SwCase      *row,
                                      SwCaseEvent *event,
                                      GError     **error);
/* Reserves the next human case number of this device for the given day. */
char         *_sw_store_next_number  (SwStore     *self,
                                      const char  *branch_code,
                                      GDateTime   *local_day,
                                      GError     **error);
gboolean      _sw_store_put_contact  (SwStore     *self,
                                      SwCase      *row,
                                      GError     **error);
gboolean      _sw_store_flush_search (SwStore     *self,
                                      GError     **error);
/* Tests: a smaller log before a checkpoint, and how many checkpoints the
 * running checkpointer's thread has made. */
void          _sw_store_set_wal_pages (SwStore    *self,
                                       int         pages);
guint         _sw_store_get_background_checkpoints (SwStore *self);

G_END_DECLS
