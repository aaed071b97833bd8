/* sw-detect.c — runs detection: folds the logs of the cases that changed
 * since the last run (sw-detect-fold.c), checks the deadlines of the open
 * cases set-based, and records what went wrong and the per-case facts.
 *
 * On a first run every case is folded; that fold reads from a connection of
 * its own in a second thread while this one writes what it hands over, both
 * inside the snapshot of the run's write transaction. That thread also
 * checks the deadlines as it ends each case's log, so that this one has
 * nothing left to read at the end.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <string.h>
#include <unistd.h>

#include "sw-detect.h"
#include "sw-detect-private.h"
#include "sw-error.h"
#include "sw-models-private.h"
#include "sw-store-private.h"
#include "sw-uuid.h"

#define WATERMARK_KEY "detect.seq"
/* Cases gathered in detect_facts before they are written to case_facts. */
#define FLUSH_CASES 4096

typedef struct {
  SwStore        *store;
  SwDetectContext ctx;
  GPtrArray      *found;
  guint           n_cases;
  guint           n_facts;      /* in detect_facts */
} Detect;

/* A fold in a thread of its own, handing its batches over a queue. */
typedef struct {
  const SwDetectContext *ctx;
  char                  *path;
  GAsyncQueue           *queue;    /* SwDetectBatch, then &done */
  gint                   cancelled;
  gboolean               opened;
  GError                *error;
} Reader;

static SwDetectBatch done;
static gint one_thread;

void
_sw_detect_set_one_thread (gboolean only_one)
{
  g_atomic_int_set (&one_thread, only_one);
}

static SwDetectRules *
rules_new (SwPolicy *p)
{
  SwDetectRules *r = g_new0 (SwDetectRules, 1);

  r->phrases = sw_policy_get_list (p, "phrases.forbidden");
  r->max_handoffs = sw_policy_get_int (p, "pingpong.max_handoffs");
  r->window_days = sw_policy_get_int (p, "repeat.window_days");
  return r;
}

/* Calls row (stmt, data) for every row of sql; FALSE on a database error. */
static gboolean
each_row (SwStore     *store,
          const char  *sql,
          void       (*row) (sqlite3_stmt *stmt, Detect *d),
          Detect      *d,
          GError     **error)
{
  sqlite3_stmt *stmt = _sw_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    row (stmt, d);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || _sw_store_fail (store, error);
}

static void
add_rules (sqlite3_stmt *stmt,
           Detect       *d)
{
  int version = sqlite3_column_int (stmt, 0);
  g_autoptr(SwPolicy) p = sw_store_get_policy (d->store, version, NULL);

  if (p != NULL)
    g_hash_table_insert (d->ctx.rules, GINT_TO_POINTER (version), rules_new (p));
}

static void
add_calendar (sqlite3_stmt *stmt,
              Detect       *d)
{
  const char *code = (const char *) sqlite3_column_text (stmt, 0);

  g_hash_table_insert (d->ctx.calendars, g_strdup (code), sw_store_get_calendar (d->store, code));
}

static void
add_pair (GHashTable   *table,
          sqlite3_stmt *stmt)
{
  g_hash_table_insert (table, _sw_column_dup (stmt, 0), _sw_column_dup (stmt, 1));
}

static void
add_department (sqlite3_stmt *stmt,
                Detect       *d)
{
  add_pair (d->ctx.departments, stmt);
}

static void
add_head (sqlite3_stmt *stmt,
          Detect       *d)
{
  add_pair (d->ctx.heads, stmt);
}

/* The policies, calendars and directory the fold reads, as the store has
 * them now. */
static gboolean
context_init (Detect  *d,
              GError **error)
{
  SwDetectContext *ctx = &d->ctx;
  g_autoptr(SwPolicy) current = NULL;

  ctx->now = sw_store_now (d->store);
  ctx->rules = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) _sw_detect_rules_free);
  ctx->calendars = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  ctx->departments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ctx->heads = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ctx->fallback_calendar = sw_store_get_calendar (d->store, NULL);
  if (!each_row (d->store, "SELECT version FROM policies", add_rules, d, error) ||
      !each_row (d->store, "SELECT code FROM branches", add_calendar, d, error) ||
      !each_row (d->store, "SELECT empno, department_code FROM staff", add_department, d, error) ||
      !each_row (d->store, "SELECT code, head_empno FROM departments", add_head, d, error))
    return FALSE;
  /* A version the store lacks reads the current one (the shipped defaults
   * before there is any). */
  if (g_hash_table_size (ctx->rules) > 0)
    current = sw_store_get_policy (d->store, 0, NULL);
  if (current == NULL)
    current = sw_policy_new_default ();
  ctx->fallback_rules = rules_new (current);
  return TRUE;
}

static void
context_clear (SwDetectContext *ctx)
{
  g_clear_pointer (&ctx->rules, g_hash_table_unref);
  g_clear_pointer (&ctx->fallback_rules, _sw_detect_rules_free);
  g_clear_pointer (&ctx->calendars, g_hash_table_unref);
  g_clear_object (&ctx->fallback_calendar);
  g_clear_pointer (&ctx->departments, g_hash_table_unref);
  g_clear_pointer (&ctx->heads, g_hash_table_unref);
}

/* Records findings (the new ones taken from the array), many to a
 * statement; one whose key is known already is dropped. Their UUIDv7s count
 * up (sw_uuid7_new in one thread and millisecond), so they go to the end of
 * the id index. */
static gboolean
record_all (Detect     *d,
            GPtrArray  *findings,
            GError    **error)
{
  g_autofree gboolean *is_new = g_new0 (gboolean, MAX (findings->len, 1));
  SwFinding **f = (SwFinding **) findings->pdata;
  gboolean ok;

  for (guint i = 0; i < findings->len; i++)
    f[i]->id = sw_uuid7_new (d->ctx.now);
  ok = _sw_store_insert_findings (d->store, f, findings->len, is_new, error);
  for (guint i = 0; ok && i < findings->len; i++)
    if (is_new[i])
      g_ptr_array_add (d->found, g_steal_pointer (&f[i]));
  return ok;
}

/* The facts are gathered in a temporary table and written a few thousand
 * at a time (flush_facts): one INSERT OR REPLACE per case costs a statement
 * journal. */
static gboolean
store_facts (Detect         *d,
             SwDetectFacts  *facts,
             GError        **error)
{
  sqlite3_stmt *stmt = _sw_store_prepare (d->store,
      "INSERT INTO detect_facts (case_id, transfers, transfer_late, accepts, accept_late, handling_ms,"
      " due_event, promise_event) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);

  if (stmt == NULL)
    return FALSE;
  _sw_bind_text (stmt, 1, facts->case_id);
  sqlite3_bind_int (stmt, 2, facts->transfers);
  sqlite3_bind_int (stmt, 3, facts->transfer_late);
  sqlite3_bind_int (stmt, 4, facts->accepts);
  sqlite3_bind_int (stmt, 5, facts->accept_late);
  sqlite3_bind_int64 (stmt, 6, facts->handling_ms);
  _sw_bind_text (stmt, 7, facts->due_event);
  _sw_bind_text (stmt, 8, facts->promise_event);
  d->n_facts++;
  return _sw_store_step_done (d->store, stmt, error);
}

static gboolean
flush_facts (Detect  *d,
             GError **error)
{
  d->n_facts = 0;
  return _sw_store_exec (d->store,
      "INSERT OR REPLACE INTO case_facts (case_id, received_at, kind, channel, resolution, owner,"
      " owner_department, handler, handler_department, target_department, promised_at, replied_at,"
      " callback_at, anonymous, satisfaction, reopen_count, transfers, transfer_late, accepts,"
      " accept_late, handling_ms, due_event, promise_event)"
      " SELECT c.id, c.received_at, c.kind, c.channel, c.resolution, c.owner, c.owner_department, c.handler,"
      " c.handler_department, c.target_department, c.promised_at, c.replied_at, c.callback_at, c.anonymous,"
      " c.satisfaction, c.reopen_count, t.transfers, t.transfer_late, t.accepts, t.accept_late, t.handling_ms,"
      " t.due_event, t.promise_event FROM detect_facts t JOIN cases c ON c.id = t.case_id ORDER BY t.rowid;"
      "DELETE FROM detect_facts", error);
}

/* Writes what the fold handed over (taken), in the order it was found. */
static gboolean
write_batch (SwDetectBatch  *batch,
             gpointer        data,
             GError        **error)
{
  Detect *d = data;
  gboolean ok = TRUE;

  /* Counted as written: what the run reports is what reached the store. */
  d->n_cases += batch->facts->len;
  ok = record_all (d, batch->findings, error);
  for (guint i = 0; ok && i < batch->facts->len; i++)
    ok = store_facts (d, g_ptr_array_index (batch->facts, i), error);
  if (ok && d->n_facts >= FLUSH_CASES)
    ok = flush_facts (d, error);
  _sw_detect_batch_free (batch);
  return ok;
}

static gboolean
queue_batch (SwDetectBatch  *batch,
             gpointer        data,
             GError        **error)
{
  Reader *r = data;

  if (g_atomic_int_get (&r->cancelled))
    {
      _sw_detect_batch_free (batch);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
      return FALSE;
    }
  g_async_queue_push (r->queue, batch);
  return TRUE;
}

/* The fold reads every event and case: asking the system to read the file
 * ahead makes one sequential read of what it would otherwise fetch page by
 * page, where the file's pages have left the system's cache. */
static void
read_ahead (const char *path)
{
  int fd = open (path, O_RDONLY | O_CLOEXEC);

  if (fd < 0)
    return;
  posix_fadvise (fd, 0, 0, POSIX_FADV_WILLNEED);
  close (fd);
}

static gpointer
reader_thread (gpointer data)
{
  Reader *r = data;
  sqlite3 *db = NULL;

  read_ahead (r->path);
  if ((db = _sw_store_open_side (r->path, SQLITE_OPEN_READONLY)) != NULL)
    {
      r->opened = TRUE;
      sqlite3_exec (db, "PRAGMA cache_size=-16384; PRAGMA mmap_size=1073741824", NULL, NULL, NULL);
      _sw_detect_fold_all (r->ctx, db, queue_batch, r, &r->error);
    }
  sqlite3_close (db);
  g_async_queue_push (r->queue, &done);
  return NULL;
}

/* Every case, folded in a second thread: the run holds the write lock, so
 * the snapshot that thread reads is the one this transaction started from
 * (nothing of it has been written yet). FALSE with *opened FALSE when that
 * thread could not open the database. */
static gboolean
scan_everything_threaded (Detect    *d,
                          gboolean  *opened,
                          GError   **error)
{
  Reader r = { .ctx = &d->ctx, .path = d->store->path };
  GThread *thread;
  SwDetectBatch *batch;
  g_autoptr(GError) local = NULL;

  r.queue = g_async_queue_new ();
  thread = g_thread_new ("sw-detect", reader_thread, &r);
  while ((batch = g_async_queue_pop (r.queue)) != &done)
    {
      if (local != NULL)
        _sw_detect_batch_free (batch);
      else if (!write_batch (batch, d, &local))
        g_atomic_int_set (&r.cancelled, TRUE);
    }
  g_thread_join (thread);
  g_async_queue_unref (r.queue);
  if (!(*opened = r.opened))
    return FALSE;
  if (local == NULL && r.error != NULL)
    local = g_steal_pointer (&r.error);
  g_clear_error (&r.error);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return flush_facts (d, error);
}

/* A second connection sees what this one sees only when the run is the
 * whole transaction, and reads beside its writer only in WAL mode. */
static gboolean
can_read_alongside (Detect *d)
{
  const char *path = d->store->path;
  sqlite3_stmt *stmt = NULL;
  gboolean wal = FALSE;

  if (g_atomic_int_get (&one_thread))
    return FALSE;
  if (path == NULL || *path == '\0' || g_str_equal (path, ":memory:") || g_str_has_prefix (path, "file:") ||
      d->store->tx_depth != 1)
    return FALSE;
  if (sqlite3_prepare_v2 (d->store->db, "PRAGMA journal_mode", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    wal = g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), "wal") == 0;
  sqlite3_finalize (stmt);
  return wal;
}

static gboolean
select_cases (Detect  *d,
              gint64   watermark,
              GError **error)
{
  sqlite3_stmt *stmt;

  if (!_sw_store_exec (d->store, "DELETE FROM detect_scan", error))
    return FALSE;
  stmt = _sw_store_prepare (d->store,
      "INSERT OR IGNORE INTO detect_scan SELECT DISTINCT case_id FROM events WHERE seq > ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, watermark);
  return _sw_store_step_done (d->store, stmt, error);
}

static gboolean
scan (Detect   *d,
      gint64    watermark,
      GError  **error)
{
  /* Without a watermark every case is examined: straight from the index. */
  if (watermark == 0 && can_read_alongside (d))
    {
      gboolean opened, ok;

      /* The writing thread is the longer path: the deadlines go to the
       * folding one. */
      d->ctx.fold_deadlines = TRUE;
      ok = scan_everything_threaded (d, &opened, error);
      if (ok || opened)
        return ok;
      d->ctx.fold_deadlines = FALSE;
    }
  if (watermark == 0)
    return _sw_detect_fold_all (&d->ctx, d->store->db, write_batch, d, error) && flush_facts (d, error);
  return select_cases (d, watermark, error) &&
         _sw_detect_fold (&d->ctx, d->store->db,
                          SW_DETECT_SCAN_COLUMNS " FROM detect_scan s JOIN events e ON e.case_id = s.case_id"
                          SW_DETECT_SCAN_ORDER, write_batch, d, error) &&
         flush_facts (d, error);
}

/* The deadlines of open cases that passed with nothing done, at the store's
 * clock, set-based over the case rows; the deadline's event comes from the
 * facts. Only the ones without a finding yet come back. */
static const char pending_sql[] =
  "SELECT p.rule, p.case_id, p.person, p.dept, p.ev, p.deadline, p.branch, c.number FROM ("
  " SELECT 'late_transfer' AS rule, c.id AS case_id, c.handler AS person, c.handler_department AS dept,"
  "  f.due_event AS ev, c.due_at AS deadline, c.branch_code AS branch"
  "  FROM cases c JOIN case_facts f ON f.case_id = c.id"
  "  WHERE c.state = 'registered' AND c.due_at > 0 AND c.due_at < ?1 AND c.due_rule = 'limit.transfer_hours'"
  " UNION ALL"
  " SELECT 'late_accept', c.id, d.head_empno, c.target_department, f.due_event, c.due_at, c.branch_code"
  "  FROM cases c JOIN case_facts f ON f.case_id = c.id LEFT JOIN departments d ON d.code = c.target_department"
  "  WHERE c.state = 'transferred' AND c.due_at > 0 AND c.due_at < ?1 AND c.due_rule = 'limit.accept_hours'"
  " UNION ALL"
  " SELECT 'reply_overdue', c.id, c.handler, c.handler_department, f.promise_event, c.promised_at, c.branch_code"
  "  FROM cases c JOIN case_facts f ON f.case_id = c.id"
  "  WHERE c.state IN ('registered', 'transferred', 'in_progress', 'escalated')"
  "  AND c.promised_at > 0 AND c.promised_at < ?1"
  " UNION ALL"
  " SELECT 'no_callback', c.id, c.owner, c.owner_department, f.due_event, c.due_at, c.branch_code"
  "  FROM cases c JOIN case_facts f ON f.case_id = c.id"
  "  WHERE c.state = 'replied' AND c.due_at > 0 AND c.due_at < ?1 AND c.due_rule = 'limit.callback_days'"
  "  AND c.callback_at = 0 AND c.anonymous = 0"
  ") p JOIN cases c ON c.id = p.case_id WHERE p.ev IS NOT NULL AND NOT EXISTS (SELECT 1 FROM findings x"
  " WHERE x.key = p.rule || '|' || p.case_id || '|' || coalesce (p.person, '') || '|' || p.ev)";

static SwFinding *
pending_finding (Detect       *d,
                 sqlite3_stmt *stmt)
{
  SwFinding *f = g_new0 (SwFinding, 1);
  const char *ev = (const char *) sqlite3_column_text (stmt, 4);

  f->rule = _sw_column_dup (stmt, 0);
  f->source = g_strdup ("detected");
  f->case_id = _sw_column_dup (stmt, 1);
  f->person = _sw_column_dup (stmt, 2);
  f->department = _sw_column_dup (stmt, 3);
  f->occurred_at = sqlite3_column_int64 (stmt, 5);
  f->case_number = _sw_column_dup (stmt, 7);
  f->key = g_strjoin ("|", f->rule, f->case_id, f->person ? f->person : "", ev, NULL);
  f->events = g_new0 (char *, 3);
  f->events[0] = g_strdup (ev);
  f->detail = _sw_detect_lateness (&d->ctx, (const char *) sqlite3_column_text (stmt, 6),
                                   f->occurred_at, d->ctx.now + 1);
  return f;
}

static gboolean
check_pending (Detect  *d,
               GError **error)
{
  sqlite3_stmt *stmt = _sw_store_prepare (d->store, pending_sql, error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sw_finding_free);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, d->ctx.now);
  /* Collected first: recording writes to the table the query reads. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, pending_finding (d, stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _sw_store_fail (d->store, error);
  return record_all (d, rows, error);
}

/* A first run dirties more pages than the store's cache holds: spilled to
 * the log before the commit, many would be written and read back twice.
 * Returns the size to restore. */
static gint64
grow_cache (SwStore *store)
{
  sqlite3_stmt *stmt = NULL;
  gint64 size = 0;

  if (sqlite3_prepare_v2 (store->db, "PRAGMA cache_size", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    size = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  /* negative: KiB; positive: pages */
  if (size == 0 || (size < 0 ? -size : size * 4) >= 262144)
    return 0;
  _sw_store_exec (store, "PRAGMA cache_size = -262144", NULL);
  return size;
}

static void
restore_cache (SwStore *store,
               gint64   size)
{
  g_autofree char *sql = NULL;

  if (size == 0)
    return;
  sql = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, size);
  _sw_store_exec (store, sql, NULL);
}

GPtrArray *
sw_detect_run (SwStore        *store,
               SwDetectStats  *stats,
               GError        **error)
{
  Detect d = { 0 };
  g_autofree char *mark = NULL;
  gint64 watermark = 0, max_seq = 0, cache = 0;
  g_autofree char *max_text = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (SW_IS_STORE (store), NULL);

  if (!sw_store_begin (store, error))
    return NULL;
  mark = sw_store_get_meta (store, WATERMARK_KEY);
  if (mark != NULL)
    watermark = g_ascii_strtoll (mark, NULL, 10);
  if ((stmt = _sw_store_prepare (store, "SELECT coalesce (max (seq), 0) FROM events", error)) == NULL)
    {
      sw_store_rollback (store);
      return NULL;
    }
  if (sqlite3_step (stmt) == SQLITE_ROW)
    max_seq = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  d.store = store;
  d.found = g_ptr_array_new_with_free_func ((GDestroyNotify) sw_finding_free);
  if (watermark == 0)
    cache = grow_cache (store);

  max_text = g_strdup_printf ("%" G_GINT64_FORMAT, max_seq);
  /* Its CHECK on the status makes SQLite build a temporary table for every
   * row inserted into findings; detection only inserts 'open'. */
  ok = context_init (&d, error) &&
       _sw_store_exec (store, "PRAGMA ignore_check_constraints = ON;"
                       "CREATE TEMP TABLE IF NOT EXISTS detect_scan (case_id TEXT PRIMARY KEY);"
                       "CREATE TEMP TABLE IF NOT EXISTS detect_facts (case_id TEXT, transfers INTEGER,"
                       " transfer_late INTEGER, accepts INTEGER, accept_late INTEGER, handling_ms INTEGER,"
                       " due_event TEXT, promise_event TEXT)", error) &&
       scan (&d, watermark, error) && (d.ctx.fold_deadlines || check_pending (&d, error)) &&
       sw_store_set_meta (store, WATERMARK_KEY, max_text, error);
  _sw_store_exec (store, "PRAGMA ignore_check_constraints = OFF", NULL);
  context_clear (&d.ctx);
  if (!ok)
    sw_store_rollback (store);
  else
    ok = sw_store_commit_deferred (store, error);
  restore_cache (store, cache);
  if (!ok)
    {
      g_ptr_array_unref (d.found);
      return NULL;
    }
  if (stats != NULL)
    {
      stats->n_cases = d.n_cases;
      stats->n_new = d.found->len;
    }
  return d.found;
}
