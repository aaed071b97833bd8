/* sw-store-private.h — what the store's files share
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-access.h"
#include "sw-store-internal.h"
#include "sw-store-sql.h"

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
  char       *acting;         /* sw_store_set_acting (), or NULL */

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
  gboolean    search_deferred;    /* sw_store_defer_search () */
  gboolean    search_skipped;     /* a row was put off in the open transaction */

  /* Copying the log into the database */
  SwCheckpointer *checkpointer;   /* started when the log first fills */
  int         wal_pages;          /* SW_STORE_WAL_PAGES but in tests */
  gboolean    defer_checkpoint;   /* never in the committing call */
  gboolean    scrub_after_commit; /* sync changed a contact (sw-store-privacy.c) */

  GHashTable *table_columns;      /* directory table → its column names */

  /* Attached files a purge let go in the open transaction: deleted after
   * its commit when no case holds them (sw-store-attachments.c) */
  GPtrArray  *released_blobs;

};

/* A second connection to the store's file for a thread of its own (no
 * per-call mutex, the log opened); NULL when it cannot be opened, and the
 * caller does the work on the store's own connection. */
sqlite3      *_sw_store_open_side    (const char  *path,
                                      int          flags);
/* Whether the acting person (sw_store_set_acting) may `what` (N_) by
 * `rule`; else SW_ERROR_FORBIDDEN naming what was refused. */
gboolean      _sw_store_may          (SwStore          *self,
                                      SwAccessReason  (*rule) (SwStaff *who),
                                      const char       *what,
                                      GError          **error);
gboolean      _sw_store_migrate      (SwStore     *self,
                                      int          target,
                                      GError     **error);
gboolean      _sw_store_flush_cases  (SwStore     *self,
                                      GError     **error);
/* The case with this id (not a number) as the transaction has it, or NULL. */
SwCase       *_sw_store_case_by_id   (SwStore     *self,
                                      const char  *id);

/* Hands out the next hybrid logical clock value. */
void          _sw_store_tick_hlc     (SwStore     *self,
                                      gint64      *hlc_ms,
                                      int         *hlc_counter);
gboolean      _sw_store_flush_search (SwStore     *self,
                                      GError     **error);
/* Tests: a smaller log before a checkpoint, and how many checkpoints the
 * running checkpointer's thread has made. */
void          _sw_store_set_wal_pages (SwStore    *self,
                                       int         pages);
guint         _sw_store_get_background_checkpoints (SwStore *self);

/* The one query over the cases (sw-store-query.c): appends " AND …" for
 * each condition of `q` to `sql` (the columns of CASE_FROM: cases c, their
 * contacts k) and sets *text_arg to the search text's argument (with walk,
 * a text of any length is matched with LIKE on the rows, not through the
 * index); then binds the statement's named parameters. */
void          _sw_store_case_where   (const SwCaseQuery  *q,
                                      gboolean            walk,
                                      GString            *sql,
                                      char              **text_arg);
void          _sw_store_case_bind    (SwStore            *self,
                                      const SwCaseQuery  *q,
                                      sqlite3_stmt       *stmt,
                                      const char         *text_arg);
/* Tests: how long (µs) a page's walk over the rows may take before the
 * trigram index is asked instead (sw-store-cases.c; 25 ms). */
void          _sw_store_set_walk_time (gint64 us);
/* Whether `text` is long enough for the trigram index (three characters). */
gboolean      _sw_store_text_uses_index (const char *text);
/* The condition over case_search alone for a text, with its argument. */
const char   *_sw_store_search_condition (const char  *text,
                                          char       **arg);

G_END_DECLS
