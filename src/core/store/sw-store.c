/* sw-store.c — opening, checking and migrating the database; transactions,
 * prepared statements and metadata.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>

#include "sw-directory-private.h"
#include "sw-error.h"
#include "sw-models-private.h"
#include "sw-store-events.h"
#include "sw-store-private.h"
#include "sw-uuid.h"

G_DEFINE_FINAL_TYPE (SwStore, sw_store, G_TYPE_OBJECT)

/* ------------------------------------------------------------------ helpers */

/* How long a connection waits for another program's lock on the file
 * before it gives up (SQLite's busy handler, and the retries below for the
 * few cases SQLite answers SQLITE_BUSY without calling it). A person at a
 * counter would rather wait some seconds than see an error. */
#define BUSY_TIMEOUT_MS 30000

static void
set_busy (const char  *path,
          GError     **error)
{
  g_set_error (error, SW_ERROR, SW_ERROR_DB_BUSY,
               _("The database “%s” is busy: other programs kept it locked for %d seconds. Try again."),
               path, BUSY_TIMEOUT_MS / 1000);
}

static gboolean
is_busy (int rc)
{
  rc &= 0xff;
  return rc == SQLITE_BUSY || rc == SQLITE_LOCKED;
}

/* sqlite3_exec, tried again while the file is busy (at open, SQLite may
 * answer SQLITE_BUSY while another connection recovers or checkpoints the
 * log, without waiting in its busy handler). */
static int
exec_waiting (sqlite3    *db,
              const char *sql)
{
  gint64 deadline = g_get_monotonic_time () + BUSY_TIMEOUT_MS * 1000;
  gulong pause_us = 1000;
  int rc;

  while (is_busy (rc = sqlite3_exec (db, sql, NULL, NULL, NULL)) &&
         g_get_monotonic_time () < deadline)
    {
      g_usleep (pause_us);
      pause_us = MIN (pause_us * 2, 100000);
    }
  return rc;
}

gboolean
_sw_db_fail (sqlite3     *db,
             const char  *path,
             GError     **error)
{
  int code = db ? sqlite3_extended_errcode (db) & 0xff : SQLITE_ERROR;
  const char *msg = db ? sqlite3_errmsg (db) : "no database";

  if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
    g_set_error (error, SW_ERROR, SW_ERROR_DB_CORRUPT,
                 _("The database “%s” is damaged (%s). Restore it from a backup."),
                 path, msg);
  else if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
    set_busy (path, error);
  else if (code == SQLITE_CONSTRAINT)
    g_set_error (error, SW_ERROR, SW_ERROR_EXISTS, _("The database refused the change: %s"), msg);
  else
    g_set_error (error, SW_ERROR, SW_ERROR_DB, _("Database error: %s"), msg);
  return FALSE;
}

gboolean
_sw_store_fail (SwStore  *self,
                GError  **error)
{
  return _sw_db_fail (self->db, self->path, error);
}

sqlite3 *
_sw_store_open_side (const char *path,
                     int         flags)
{
  sqlite3 *db = NULL;

  /* the first read opens the log, which a checkpoint alone would not */
  if (sqlite3_open_v2 (path, &db, flags | SQLITE_OPEN_NOMUTEX, NULL) == SQLITE_OK &&
      sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS) == SQLITE_OK &&
      exec_waiting (db, "SELECT 1 FROM sqlite_master LIMIT 1") == SQLITE_OK)
    return db;
  g_debug ("Cannot open a second connection to “%s”: %s", path, db ? sqlite3_errmsg (db) : "out of memory");
  sqlite3_close (db);
  return NULL;
}

sqlite3_stmt *
_sw_store_prepare (SwStore     *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->stmts, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      _sw_store_fail (self, error);
      return NULL;
    }
  g_hash_table_insert (self->stmts, (gpointer) sql, stmt);
  return stmt;
}

GPtrArray *
_sw_store_collect (SwStore        *self,
                   sqlite3_stmt   *stmt,
                   gpointer      (*from_row) (sqlite3_stmt *stmt),
                   GDestroyNotify  free_func,
                   GError        **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (free_func);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _sw_store_fail (self, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

gboolean
_sw_store_row_exists (SwStore     *self,
                      const char  *sql,
                      const char  *arg,
                      gboolean    *exists,
                      GError     **error)
{
  sqlite3_stmt *stmt = _sw_store_prepare (self, sql, error);
  int rc;

  *exists = FALSE;
  if (stmt == NULL)
    return FALSE;
  _sw_bind_text (stmt, 1, arg);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  *exists = rc == SQLITE_ROW;
  return rc == SQLITE_ROW || rc == SQLITE_DONE || _sw_store_fail (self, error);
}

gboolean
_sw_store_exec (SwStore     *self,
                const char  *sql,
                GError     **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return _sw_store_fail (self, error);
  return TRUE;
}

gboolean
_sw_store_step_done (SwStore      *self,
                     sqlite3_stmt *stmt,
                     GError      **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return _sw_store_fail (self, error);
  return TRUE;
}

void
_sw_bind_text (sqlite3_stmt *stmt,
               int           idx,
               const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, idx);
  else
    sqlite3_bind_text (stmt, idx, text, -1, SQLITE_STATIC);
}

char *
_sw_column_dup (sqlite3_stmt *stmt,
                int           idx)
{
  const unsigned char *t = sqlite3_column_text (stmt, idx);
  return t ? g_strdup ((const char *) t) : NULL;
}

static void
finalize_stmt (gpointer data)
{
  sqlite3_finalize (data);
}

void
_sw_store_drop_caches (SwStore *self)
{
  g_hash_table_remove_all (self->staff);
  g_hash_table_remove_all (self->departments);
  g_hash_table_remove_all (self->calendars);
  g_hash_table_remove_all (self->policies);
  self->current_policy = 0;
}

/* ------------------------------------------------------------ GObject */

static void
sw_store_finalize (GObject *object)
{
  SwStore *self = SW_STORE (object);

  g_clear_pointer (&self->dirty_cases, g_hash_table_unref);
  g_clear_pointer (&self->pending_search, g_ptr_array_unref);
  g_clear_pointer (&self->released_blobs, g_ptr_array_unref);
  g_clear_pointer (&self->stmts, g_hash_table_unref);
  g_clear_pointer (&self->table_columns, g_hash_table_unref);
  /* SQLite copies the log into the database when its last connection
   * closes; this may not be the last (the window's stays open while a
   * command or a task ran a first detection, which leaves the log full),
   * and the next commit elsewhere would then pause for the copy. */
  sw_store_checkpoint (self);     /* stops the checkpointer's thread too */
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_clear_pointer (&self->staff, g_hash_table_unref);
  g_clear_pointer (&self->departments, g_hash_table_unref);
  g_clear_pointer (&self->calendars, g_hash_table_unref);
  g_clear_pointer (&self->policies, g_hash_table_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->acting, g_free);
  g_clear_pointer (&self->device_code, g_free);
  g_clear_pointer (&self->device_id, g_free);
  G_OBJECT_CLASS (sw_store_parent_class)->finalize (object);
}

static void
sw_store_class_init (SwStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sw_store_finalize;
}

static void
sw_store_init (SwStore *self)
{
  self->stmts = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, finalize_stmt);
  self->staff = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->departments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->calendars = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->policies = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_object_unref);
  self->dirty_cases = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  self->pending_search = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  self->released_blobs = g_ptr_array_new_with_free_func (g_free);
}

/* ------------------------------------------------------------ opening */

static gboolean
pragma_int (sqlite3     *db,
            const char  *sql,
            gint64      *out)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      *out = sqlite3_column_int64 (stmt, 0);
      ok = TRUE;
    }
  sqlite3_finalize (stmt);
  return ok;
}

/* Files up to this size get a full page check every time they are opened;
 * $SHOUWEN_CHECK_ON_OPEN_MAX (bytes) changes it. */
#define FULL_CHECK_MAX_BYTES (64 * 1024 * 1024)

static gint64
full_check_max_bytes (void)
{
  const char *env = g_getenv ("SHOUWEN_CHECK_ON_OPEN_MAX");
  guint64 n;

  if (env != NULL && g_ascii_string_to_unsigned (env, 10, 0, G_MAXINT64, &n, NULL))
    return (gint64) n;
  return FULL_CHECK_MAX_BYTES;
}

static gboolean
quick_check (sqlite3     *db,
             const char  *path,
             gboolean     untouched,
             GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  sqlite3_exec (db, "PRAGMA mmap_size=1073741824", NULL, NULL, NULL);
  ok = sqlite3_prepare_v2 (db, "PRAGMA quick_check(1)", -1, &stmt, NULL) == SQLITE_OK &&
       sqlite3_step (stmt) == SQLITE_ROW &&
       g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  if (!ok && is_busy (sqlite3_extended_errcode (db)))
    set_busy (path, error);
  else if (!ok)
    {
      const char *why = stmt && sqlite3_column_text (stmt, 0)
                        ? (const char *) sqlite3_column_text (stmt, 0)
                        : sqlite3_errmsg (db);
      if (untouched)
        g_set_error (error, SW_ERROR, SW_ERROR_DB_CORRUPT,
                     _("The database “%s” is damaged (%s). It was left untouched; restore it from a backup."),
                     path, why);
      else
        g_set_error (error, SW_ERROR, SW_ERROR_DB_CORRUPT,
                     _("The database “%s” is damaged (%s). Restore it from a backup."), path, why);
    }
  sqlite3_finalize (stmt);
  return ok;
}

/* Looks at an existing file without writing to it. */
static gboolean
check_existing_file (const char  *path,
                     GError     **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 app_id = 0, version = 0, n_tables = 0, page_count = 0, page_size = 0;
  g_autofree char *wal = NULL, *abs = NULL, *uri = NULL;
  gboolean has_wal;
  GStatBuf st;
  gboolean ok = FALSE;
  int rc;

  /* Without a write-ahead log to replay, read it as immutable: SQLite then
   * creates no -wal or -shm file beside a file that may not be ours. */
  wal = g_strconcat (path, "-wal", NULL);
  abs = g_canonicalize_filename (path, NULL);
  uri = g_filename_to_uri (abs, NULL, NULL);
  /* Pages not yet copied back from the write-ahead log are not in the file. */
  has_wal = g_stat (wal, &st) == 0 && st.st_size > 0;
  if (uri != NULL && !g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      char *tmp = g_strconcat (uri, "?immutable=1", NULL);
      g_free (uri);
      uri = tmp;
    }
  if (sqlite3_open_v2 (uri ? uri : path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) != SQLITE_OK)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_DB,
                   _("Cannot open the database “%s”: %s"), path,
                   db ? sqlite3_errmsg (db) : g_strerror (ENOMEM));
      goto out;
    }
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);

  if (exec_waiting (db, "SELECT 1 FROM sqlite_master LIMIT 1") != SQLITE_OK && is_busy (sqlite3_extended_errcode (db)))
    {
      set_busy (path, error);
      goto out;
    }
  if (!pragma_int (db, "SELECT count(*) FROM sqlite_master", &n_tables))
    {
      rc = sqlite3_extended_errcode (db) & 0xff;
      if (is_busy (rc))
        set_busy (path, error);
      else if (rc == SQLITE_NOTADB)
        g_set_error (error, SW_ERROR, SW_ERROR_DB_FOREIGN,
                     _("“%s” is not a Shouwen database, or is damaged beyond reading. It was left untouched."),
                     path);
      else
        g_set_error (error, SW_ERROR, SW_ERROR_DB_CORRUPT,
                     _("The database “%s” is damaged (%s). It was left untouched; restore it from a backup."),
                     path, sqlite3_errmsg (db));
      goto out;
    }
  pragma_int (db, "PRAGMA application_id", &app_id);
  pragma_int (db, "PRAGMA user_version", &version);

  if (app_id != SW_STORE_APPLICATION_ID && !(app_id == 0 && n_tables == 0 && version == 0))
    {
      g_set_error (error, SW_ERROR, SW_ERROR_DB_FOREIGN,
                   _("“%s” is an SQLite database of another program, not a Shouwen database. It was left untouched."),
                   path);
      goto out;
    }
  if (version > SW_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_DB_TOO_NEW,
                   _("The database “%s” was written by a newer version of Shouwen (format %d; this version reads up to %d). It was left untouched; update Shouwen."),
                   path, (int) version, SW_STORE_SCHEMA_VERSION);
      goto out;
    }

  /* A truncated file is cheap to spot; a damaged page hides anywhere and
   * needs every page read once, which a small file affords at every open.
   * For a large one sw_store_check_integrity() runs where it can wait. */
  pragma_int (db, "PRAGMA page_count", &page_count);
  pragma_int (db, "PRAGMA page_size", &page_size);
  if (g_stat (path, &st) == 0 && !has_wal && (gint64) st.st_size < page_count * page_size)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_DB_CORRUPT,
                   _("The database “%s” is damaged (the file is shorter than its own header says). It was left untouched; restore it from a backup."),
                   path);
      goto out;
    }
  if (st.st_size <= full_check_max_bytes () && !quick_check (db, path, TRUE, error))
    goto out;
  ok = TRUE;

out:
  sqlite3_finalize (stmt);
  sqlite3_close_v2 (db);
  return ok;
}

static gboolean
load_identity (SwStore  *self,
               GError  **error)
{
  g_autofree char *code = sw_store_get_meta (self, SW_META_DEVICE_CODE);
  g_autofree char *id = sw_store_get_meta (self, SW_META_DEVICE_ID);
  g_autofree char *hlc = sw_store_get_meta (self, SW_META_HLC);

  if (id == NULL)
    {
      id = sw_uuid7_new (g_get_real_time () / 1000);
      if (!sw_store_set_meta (self, SW_META_DEVICE_ID, id, error))
        return FALSE;
    }
  if (code == NULL)
    {
      code = g_strdup ("A");
      if (!sw_store_set_meta (self, SW_META_DEVICE_CODE, code, error))
        return FALSE;
    }
  if (hlc != NULL)
    sscanf (hlc, "%" G_GINT64_FORMAT ".%d", &self->hlc_ms, &self->hlc_counter);

  self->device_code = g_steal_pointer (&code);
  self->device_id = g_steal_pointer (&id);

  /* Every database has a policy from the start: version 1, the defaults. */
  if (sw_store_get_schema_version (self) >= 2)
    {
      g_autoptr(SwPolicy) policy = sw_store_get_policy (self, 0, error);
      if (policy == NULL)
        return FALSE;
    }
  return TRUE;
}

/* SQLite counts every allocation under one process-wide mutex unless told
 * not to before it starts; with detection reading in one thread while
 * another writes, that mutex was a sixth of the run. Nothing here reads
 * those counts. Too late (SQLITE_MISUSE) when something else in the
 * process started SQLite first: then it only costs speed. */
static void
init_sqlite_once (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
      sqlite3_initialize ();
      g_once_init_leave (&done, 1);
    }
}

/* After every commit, with the pages now in the log: past wal_pages the
 * checkpointer's thread copies them into the database. */
static int
wal_hook (void       *data,
          sqlite3    *db,
          const char *name,
          int         pages)
{
  SwStore *self = data;

  if (pages < self->wal_pages)
    return SQLITE_OK;
  if (self->checkpointer == NULL)
    self->checkpointer = _sw_checkpointer_new (self->path);
  if ((pages < self->wal_pages * SW_STORE_WAL_LIMIT || self->defer_checkpoint) &&
      _sw_checkpointer_request (self->checkpointer))
    return SQLITE_OK;
  /* The thread could not keep up (or not start), and a log must not grow
   * without end. SQLite starts the log afresh only in a transaction that
   * began with every page copied, which a writer that commits again at
   * once never sees while the thread is copying: copy the rest here. */
  _sw_checkpointer_wait (self->checkpointer);
  sqlite3_wal_checkpoint_v2 (db, name, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
  return SQLITE_OK;
}

static SwStore *
open_store (const char  *path,
            int          version,
            GError     **error)
{
  g_autoptr(SwStore) self = NULL;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);

  init_sqlite_once ();

  if (g_stat (path, &st) == 0 && st.st_size > 0 && !check_existing_file (path, error))
    return NULL;

  self = g_object_new (SW_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  /* A store, like its caches, belongs to one thread at a time (work in a
   * thread opens a store of its own), so SQLite need not lock the
   * connection around every call: that was a tenth of loading a board. */
  if (sqlite3_open_v2 (path, &self->db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_DB, _("Cannot open the database “%s”: %s"),
                   path, self->db ? sqlite3_errmsg (self->db) : g_strerror (ENOMEM));
      return NULL;
    }
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  /* NORMAL: a commit syncs the log only at checkpoints, so a power cut
   * may take the last commits back, never corrupt the file. That is
   * enough for the desktop: it loses at most its own unsent events, and
   * those stay in its outbox. The server says durable (sw_store_set_durable). */
  if (exec_waiting (self->db,
                    "PRAGMA journal_mode=WAL;"
                    "PRAGMA synchronous=NORMAL;"
                    "PRAGMA foreign_keys=ON;"
                    "PRAGMA secure_delete=ON;"
                    "PRAGMA temp_store=MEMORY;"
                    "PRAGMA cache_size=-16384;"
                    "PRAGMA journal_size_limit=16777216;") != SQLITE_OK)
    {
      _sw_store_fail (self, error);
      return NULL;
    }
  self->wal_pages = SW_STORE_WAL_PAGES;
  sqlite3_wal_hook (self->db, wal_hook, self);

  if (!_sw_store_migrate (self, version, error) ||
      !_sw_directory_outbox_attach (self, error))
    return NULL;
  if (!load_identity (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

SwStore *
sw_store_open (const char  *path,
               GError     **error)
{
  return open_store (path, SW_STORE_SCHEMA_VERSION, error);
}

SwStore *
sw_store_open_at_version (const char  *path,
                          int          version,
                          GError     **error)
{
  return open_store (path, version, error);
}

gboolean
sw_store_check_integrity (SwStore  *self,
                          GError  **error)
{
  return quick_check (self->db, self->path, FALSE, error);
}

const char *
sw_store_get_path (SwStore *self)
{
  return self->path;
}

int
sw_store_get_schema_version (SwStore *self)
{
  gint64 v = 0;
  pragma_int (self->db, "PRAGMA user_version", &v);
  return (int) v;
}

gboolean
sw_store_set_durable (SwStore   *self,
                      gboolean   durable,
                      GError   **error)
{
  if (exec_waiting (self->db, durable ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL") != SQLITE_OK)
    return _sw_store_fail (self, error);
  return TRUE;
}

gboolean
sw_store_is_durable (SwStore *self)
{
  gint64 v = 0;

  return pragma_int (self->db, "PRAGMA synchronous", &v) && v >= 2;
}

/* ------------------------------------------------------------ clock */

void
sw_store_set_now (SwStore *self,
                  gint64   now_ms)
{
  self->now_ms = now_ms;
}

void
sw_store_set_acting (SwStore    *self,
                     const char *empno)
{
  g_free (self->acting);
  self->acting = g_strdup (empno);
}

gboolean
_sw_store_may (SwStore          *self,
               SwAccessReason  (*rule) (SwStaff *who),
               const char       *what,
               GError          **error)
{
  g_autoptr(SwStaff) who = NULL;
  SwAccessReason r;

  if (self->acting == NULL)
    return TRUE;
  who = sw_store_get_staff (self, self->acting);
  if ((r = rule (who)) == SW_ACCESS_OK)
    return TRUE;
  g_set_error (error, SW_ERROR, SW_ERROR_FORBIDDEN, _("%s may not %s: %s"),
               who ? sw_staff_get_name (who) : self->acting, _(what), sw_access_reason_message (r));
  return FALSE;
}

gint64
sw_store_now (SwStore *self)
{
  return self->now_ms > 0 ? self->now_ms : g_get_real_time () / 1000;
}

void
_sw_store_tick_hlc (SwStore *self,
                    gint64  *hlc_ms,
                    int     *hlc_counter)
{
  gint64 now = sw_store_now (self);

  if (now > self->hlc_ms)
    {
      self->hlc_ms = now;
      self->hlc_counter = 0;
    }
  else
    self->hlc_counter++;
  *hlc_ms = self->hlc_ms;
  *hlc_counter = self->hlc_counter;
}

/* ------------------------------------------------------------ transactions */

gboolean
_sw_store_lock_writes (SwStore *self)
{
  g_return_val_if_fail (self->tx_depth == 0, FALSE);
  return exec_waiting (self->db, "BEGIN IMMEDIATE") == SQLITE_OK;
}

void
_sw_store_unlock_writes (SwStore *self)
{
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

gboolean
sw_store_begin (SwStore  *self,
                GError  **error)
{
  if (self->tx_depth == 0 && exec_waiting (self->db, "BEGIN IMMEDIATE") != SQLITE_OK)
    return _sw_store_fail (self, error);
  self->tx_depth++;
  return TRUE;
}

gboolean
_sw_store_begin_read (SwStore *self)
{
  return self->tx_depth == 0 && sqlite3_get_autocommit (self->db) &&
         sqlite3_exec (self->db, "BEGIN DEFERRED", NULL, NULL, NULL) == SQLITE_OK;
}

void
_sw_store_end_read (SwStore *self)
{
  /* nothing was written: the end cannot fail but for a rollback */
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
}

gboolean
sw_store_commit (SwStore  *self,
                 GError  **error)
{
  g_autofree char *hlc = NULL;

  if (self->tx_depth == 0)
    {
      g_set_error_literal (error, SW_ERROR, SW_ERROR_DB,
                           _("The change was rolled back after an earlier error"));
      return FALSE;
    }

  if (self->tx_depth > 1)
    {
      self->tx_depth--;
      return TRUE;
    }

  hlc = g_strdup_printf ("%" G_GINT64_FORMAT ".%d", self->hlc_ms, self->hlc_counter);
  if (!_sw_store_flush_cases (self, error) ||
      !sw_store_set_meta (self, SW_META_HLC, hlc, error) ||
      !_sw_store_flush_search (self, error) ||
      !_sw_store_exec (self, "COMMIT", error))
    {
      sw_store_rollback (self);
      return FALSE;
    }
  self->tx_depth = 0;
  _sw_store_release_blobs (self, TRUE);
  return TRUE;
}

/* A first detection run writes a log many times SW_STORE_WAL_PAGES: its
 * commit leaves the copy to the checkpointer's thread, however long the log,
 * rather than spend a sixth of the run after every finding is already safe.
 * (A next commit on this store that finds the log still that long waits for
 * the copy: call this only for the last write of a run.) */
gboolean
sw_store_commit_deferred (SwStore  *self,
                          GError  **error)
{
  gboolean ok;

  g_return_val_if_fail (SW_IS_STORE (self), FALSE);

  self->defer_checkpoint = TRUE;
  ok = sw_store_commit (self, error);
  self->defer_checkpoint = FALSE;
  return ok;
}

/* Copies the whole log into the database before returning: the thread's
 * copy, if one is running, is waited for. */
void
sw_store_checkpoint (SwStore *self)
{
  g_return_if_fail (SW_IS_STORE (self));

  g_clear_pointer (&self->checkpointer, _sw_checkpointer_free);
  if (self->db != NULL && self->tx_depth == 0)
    sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
}

void
_sw_store_set_wal_pages (SwStore *self,
                         int      pages)
{
  self->wal_pages = pages;
}

guint
_sw_store_get_background_checkpoints (SwStore *self)
{
  return self->checkpointer ? _sw_checkpointer_get_done (self->checkpointer) : 0;
}

void
sw_store_rollback (SwStore *self)
{
  if (self->tx_depth == 0)
    return;
  self->tx_depth = 0;
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  g_hash_table_remove_all (self->dirty_cases);
  g_ptr_array_set_size (self->pending_search, 0);
  self->search_skipped = FALSE;
  _sw_store_release_blobs (self, FALSE);
  _sw_store_drop_caches (self);
}

/* ------------------------------------------------------------ meta */

char *
sw_store_get_meta (SwStore    *self,
                   const char *key)
{
  sqlite3_stmt *stmt = _sw_store_prepare (self, "SELECT value FROM meta WHERE key = ?1", NULL);
  char *value = NULL;

  if (stmt == NULL)
    return NULL;
  _sw_bind_text (stmt, 1, key);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = _sw_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

gboolean
sw_store_set_meta (SwStore     *self,
                   const char  *key,
                   const char  *value,
                   GError     **error)
{
  sqlite3_stmt *stmt = _sw_store_prepare (self,
      "INSERT INTO meta (key, value) VALUES (?1, ?2) "
      "ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);

  if (stmt == NULL)
    return FALSE;
  _sw_bind_text (stmt, 1, key);
  _sw_bind_text (stmt, 2, value);
  return _sw_store_step_done (self, stmt, error);
}

const char *
sw_store_get_device_code (SwStore *self)
{
  return self->device_code;
}

const char *
sw_store_get_device_id (SwStore *self)
{
  return self->device_id;
}

char *
sw_store_get_home_branch (SwStore *self)
{
  return sw_store_get_meta (self, SW_META_BRANCH_CODE);
}

gboolean
sw_store_backup (SwStore     *self,
                 const char  *dest_path,
                 GError     **error)
{
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  if (sqlite3_open_v2 (dest_path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_DB, _("Cannot write the backup “%s”: %s"),
                   dest_path, dest ? sqlite3_errmsg (dest) : g_strerror (ENOMEM));
      sqlite3_close_v2 (dest);
      return FALSE;
    }
  backup = sqlite3_backup_init (dest, "main", self->db, "main");
  if (backup == NULL)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_DB, _("Cannot write the backup “%s”: %s"),
                   dest_path, sqlite3_errmsg (dest));
      sqlite3_close_v2 (dest);
      return FALSE;
    }
  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_DB, _("Cannot write the backup “%s”: %s"),
                   dest_path, sqlite3_errstr (rc));
      sqlite3_close_v2 (dest);
      return FALSE;
    }
  sqlite3_close_v2 (dest);
  return TRUE;
}
