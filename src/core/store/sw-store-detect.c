/* sw-store-detect.c — detection in the database: the case logs it folds, the per-case facts it keeps, the passed deadlines it checks
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "sw-lifecycle.h"
#include "sw-store-accountability.h"
#include "sw-store-private.h"
#include "sw-store-history.h"
#include "sw-mask.h"

/* What every read of the logs gives the fold. */
#define EVENT_COLUMNS "SELECT e.case_id, e.id, e.kind, e.actor, e.at, e.payload"
/* The order every replica folds in (sw_case_event_compare). */
#define EVENT_ORDER " ORDER BY e.case_id, e.hlc_ms, e.hlc_counter, e.device, e.id"

struct _SwStoreReader
{
  sqlite3      *db;
  gboolean      own;          /* a connection of its own, closed with the reader */
  sqlite3_stmt *repeat;       /* prepared on first use */
  sqlite3_stmt *one_case;     /* prepared on first use */
};

gboolean
_sw_store_max_event_seq (SwStore  *store,
                         gint64   *seq,
                         GError  **error)
{
  sqlite3_stmt *stmt = _sw_store_prepare (store, "SELECT coalesce (max (seq), 0) FROM events", error);

  *seq = 0;
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    *seq = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

GArray *
_sw_store_policy_versions (SwStore  *store,
                           GError  **error)
{
  sqlite3_stmt *stmt = _sw_store_prepare (store, "SELECT version FROM policies", error);
  g_autoptr(GArray) versions = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  versions = g_array_new (FALSE, FALSE, sizeof (int));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int version = sqlite3_column_int (stmt, 0);
      g_array_append_val (versions, version);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _sw_store_fail (store, error);
      return NULL;
    }
  return g_steal_pointer (&versions);
}

GStrv
_sw_store_branch_codes (SwStore  *store,
                        GError  **error)
{
  sqlite3_stmt *stmt = _sw_store_prepare (store, "SELECT code FROM branches", error);
  g_autoptr(GStrvBuilder) codes = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  codes = g_strv_builder_new ();
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (codes, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _sw_store_fail (store, error);
      return NULL;
    }
  return g_strv_builder_end (codes);
}

/* The first column of sql's rows → the second. */
static GHashTable *
pairs (SwStore     *store,
       const char  *sql,
       GError     **error)
{
  sqlite3_stmt *stmt = _sw_store_prepare (store, sql, error);
  g_autoptr(GHashTable) table = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (table, _sw_column_dup (stmt, 0), _sw_column_dup (stmt, 1));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _sw_store_fail (store, error);
      return NULL;
    }
  return g_steal_pointer (&table);
}

GHashTable *
_sw_store_staff_departments (SwStore  *store,
                             GError  **error)
{
  return pairs (store, "SELECT empno, department_code FROM staff", error);
}

/* Who answers for a department (late acceptance): its head when on duty,
 * else the head's proxy; without a head, the liaison when on duty, else
 * the liaison's proxy; else the head or liaison as recorded. */
#define ANSWERING_SQL \
  "SELECT d.code AS code, coalesce (" \
  " (SELECT h.empno FROM staff h WHERE h.empno = d.head_empno AND h.active AND h.availability = 'on_duty')," \
  " (SELECT p.empno FROM staff h JOIN staff p ON p.empno = h.proxy_empno WHERE h.empno = d.head_empno" \
  "  AND p.active AND p.availability = 'on_duty')," \
  " CASE WHEN d.head_empno IS NULL THEN coalesce (" \
  "  (SELECT l.empno FROM staff l WHERE l.empno = d.liaison_empno AND l.active AND l.availability = 'on_duty')," \
  "  (SELECT p.empno FROM staff l JOIN staff p ON p.empno = l.proxy_empno WHERE l.empno = d.liaison_empno" \
  "   AND p.active AND p.availability = 'on_duty')) END," \
  " d.head_empno, d.liaison_empno) AS person FROM departments d"

GHashTable *
_sw_store_department_heads (SwStore  *store,
                            GError  **error)
{
  return pairs (store, ANSWERING_SQL, error);
}

/* Spilled to the log before the commit, many of a first run's pages would
 * be written and read back twice. */
gint64
_sw_store_grow_cache (SwStore *store)
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

void
_sw_store_restore_cache (SwStore *store,
                         gint64   size)
{
  g_autofree char *sql = NULL;

  if (size == 0)
    return;
  sql = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, size);
  _sw_store_exec (store, sql, NULL);
}

/* Its CHECK on the status makes SQLite build a temporary table for every
 * row inserted into findings; detection only inserts 'open'. */
gboolean
_sw_store_detect_begin (SwStore  *store,
                        GError  **error)
{
  return _sw_store_exec (store, "PRAGMA ignore_check_constraints = ON;"
                         "CREATE TEMP TABLE IF NOT EXISTS detect_scan (case_id TEXT PRIMARY KEY);"
                         "CREATE TEMP TABLE IF NOT EXISTS detect_facts (case_id TEXT, transfers INTEGER,"
                         " transfer_late INTEGER, accepts INTEGER, accept_late INTEGER, handling_ms INTEGER,"
                         " due_event TEXT, promise_event TEXT)", error);
}

void
_sw_store_detect_end (SwStore *store)
{
  _sw_store_exec (store, "PRAGMA ignore_check_constraints = OFF", NULL);
}

/* A second connection sees what this one sees only when the run is the
 * whole transaction, and reads beside its writer only in WAL mode. */
gboolean
_sw_store_can_read_alongside (SwStore *store)
{
  const char *path = store->path;
  sqlite3_stmt *stmt = NULL;
  gboolean wal = FALSE;

  if (path == NULL || *path == '\0' || g_str_equal (path, ":memory:") || g_str_has_prefix (path, "file:") ||
      store->tx_depth != 1)
    return FALSE;
  if (sqlite3_prepare_v2 (store->db, "PRAGMA journal_mode", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    wal = g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), "wal") == 0;
  sqlite3_finalize (stmt);
  return wal;
}

gboolean
_sw_store_mark_changed_cases (SwStore  *store,
                              gint64    seq,
                              GError  **error)
{
  sqlite3_stmt *stmt;

  if (!_sw_store_exec (store, "DELETE FROM detect_scan", error))
    return FALSE;
  stmt = _sw_store_prepare (store,
      "INSERT OR IGNORE INTO detect_scan SELECT DISTINCT case_id FROM events WHERE seq > ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, seq);
  return _sw_store_step_done (store, stmt, error);
}

gboolean
_sw_store_add_case_facts (SwStore              *store,
                          const SwDetectFacts  *facts,
                          GError              **error)
{
  sqlite3_stmt *stmt = _sw_store_prepare (store,
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
  return _sw_store_step_done (store, stmt, error);
}

/* The statutory limits a case row owed and kept, as bits in SwLimitKind
 * order: "(c.<code>_due > 0) << k + …". */
static char *
limit_bits (gboolean kept)
{
  GString *sql = g_string_new ("(0");

  for (int k = 0; k < SW_N_LIMITS; k++)
    {
      const char *code = sw_lifecycle_limit (k)->code;

      if (kept)
        g_string_append_printf (sql, " + ((c.%s_met > 0 AND c.%s_met <= c.%s_due) << %d)", code, code, code, k);
      else
        g_string_append_printf (sql, " + ((c.%s_due > 0) << %d)", code, k);
    }
  g_string_append (sql, ")");
  return g_string_free (sql, FALSE);
}

gboolean
_sw_store_flush_case_facts (SwStore  *store,
                            GError  **error)
{
  g_autofree char *owed = limit_bits (FALSE);
  g_autofree char *kept = limit_bits (TRUE);
  g_autofree char *sql = g_strdup_printf (
      "INSERT OR REPLACE INTO case_facts (case_id, received_at, kind, channel, resolution, owner,"
      " owner_department, handler, handler_department, target_department, promised_at, replied_at,"
      " callback_at, anonymous, satisfaction, reopen_count, transfers, transfer_late, accepts,"
      " accept_late, handling_ms, due_event, promise_event, branch_code, limits_owed, limits_kept)"
      " SELECT c.id, c.received_at, c.kind, c.channel, c.resolution, c.owner, c.owner_department, c.handler,"
      " c.handler_department, c.target_department, c.promised_at, c.replied_at, c.callback_at, c.anonymous,"
      " c.satisfaction, c.reopen_count, t.transfers, t.transfer_late, t.accepts, t.accept_late, t.handling_ms,"
      " t.due_event, t.promise_event, c.branch_code, %s, %s"
      " FROM detect_facts t JOIN cases c ON c.id = t.case_id ORDER BY t.rowid;"
      "DELETE FROM detect_facts", owed, kept);

  return _sw_store_exec (store, sql, error);
}

/* Set-based over the case rows at the given clock, one SELECT a deadline of
 * the lifecycle table (sw-lifecycle.c); the deadline's event comes from the
 * facts. Only the ones without a finding yet come back. */
static void
append_states (GString *sql,
               guint    states)
{
  const char *sep = "";

  g_string_append (sql, "c.state IN (");
  for (int st = 0; st < SW_N_STATES; st++)
    if (states & SW_LIFECYCLE_STATE (st))
      {
        g_string_append_printf (sql, "%s'%s'", sep, sw_state_to_string (st));
        sep = ", ";
      }
  g_string_append (sql, ")");
}

static void
append_deadline (GString                   *sql,
                 const SwLifecycleDeadline *d)
{
  gboolean promise = strcmp (d->policy_key, SW_LIFECYCLE_PROMISE) == 0;
  const char *due = promise ? "c.promised_at" : "c.due_at";

  g_string_append_printf (sql, " SELECT '%s' AS rule, c.id AS case_id, ", d->finding);
  switch (d->accountable)
    {
    case SW_ACCOUNTABLE_RECEIVING:
      g_string_append (sql, "d.person AS person, c.target_department AS dept, ");
      break;
    case SW_ACCOUNTABLE_OWNER:
      g_string_append (sql, "c.owner AS person, c.owner_department AS dept, ");
      break;
    case SW_ACCOUNTABLE_HANDLER:
    default:
      g_string_append (sql, "c.handler AS person, c.handler_department AS dept, ");
      break;
    }
  g_string_append_printf (sql, "%s AS ev, %s AS deadline, c.branch_code AS branch"
                          "  FROM cases c JOIN case_facts f ON f.case_id = c.id",
                          promise ? "f.promise_event" : "f.due_event", due);
  if (d->accountable == SW_ACCOUNTABLE_RECEIVING)
    g_string_append (sql, " LEFT JOIN (" ANSWERING_SQL ") d ON d.code = c.target_department");
  g_string_append (sql, "  WHERE ");
  append_states (sql, d->runs);
  g_string_append_printf (sql, " AND %s > 0 AND %s < ?1", due, due);
  if (!promise)
    g_string_append_printf (sql, " AND c.due_rule = '%s'", d->policy_key);
  if (d->needs_callee)
    g_string_append (sql, " AND c.callback_at = 0 AND c.anonymous = 0");
  /* found once, whoever answers for the department at the next run: the
   * case's keys of the rule are a range of the key index ('}' follows '|') */
  if (d->accountable == SW_ACCOUNTABLE_RECEIVING)
    g_string_append_printf (sql, "  AND NOT EXISTS (SELECT 1 FROM findings y WHERE y.key > '%s|' || c.id || '|'"
                            "   AND y.key < '%s|' || c.id || '}' AND substr (y.key, -length (f.due_event)) = f.due_event)",
                            d->finding, d->finding);
}

static const char *
passed_sql (void)
{
  static char *sql;
  static gsize once;

  if (g_once_init_enter (&once))
    {
      GString *b = g_string_new ("SELECT p.rule, p.case_id, p.person, p.dept, p.ev, p.deadline, p.branch, c.number FROM (");
      const SwLifecycleDeadline *table;
      guint n;

      table = sw_lifecycle_deadlines (&n);
      for (guint i = 0; i < n; i++)
        {
          if (i > 0)
            g_string_append (b, " UNION ALL");
          append_deadline (b, &table[i]);
        }
      /* the statutory limits, from their columns of the case row */
      for (int k = 0; k < SW_N_LIMITS; k++)
        {
          const SwStatutoryLimit *l = sw_lifecycle_limit (k);

          g_string_append_printf (b, " UNION ALL SELECT '%s', c.id, ", l->finding);
          g_string_append (b, l->accountable == SW_ACCOUNTABLE_OWNER ? "c.owner, c.owner_department, "
                                                                     : "c.handler, c.handler_department, ");
          g_string_append_printf (b, "c.%s_event, c.%s_due, c.branch_code FROM cases c"
                                  "  WHERE c.state <> 'closed' AND c.%s_due > 0 AND c.%s_due < ?1 AND c.%s_met = 0",
                                  l->code, l->code, l->code, l->code, l->code);
        }
      g_string_append (b, ") p JOIN cases c ON c.id = p.case_id WHERE p.ev IS NOT NULL AND NOT EXISTS (SELECT 1 FROM findings x"
                       " WHERE x.key = p.rule || '|' || p.case_id || '|' || coalesce (p.person, '') || '|' || p.ev)");
      sql = g_string_free (b, FALSE);
      g_once_init_leave (&once, 1);
    }
  return sql;
}

gboolean
_sw_store_each_passed_deadline (SwStore                    *store,
                                gint64                      now,
                                SwStorePassedDeadlineFunc   func,
                                gpointer                    user_data,
                                GError                    **error)
{
  sqlite3_stmt *stmt = _sw_store_prepare (store, passed_sql (), error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, now);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SwStorePassedDeadline row = {
        .rule = (const char *) sqlite3_column_text (stmt, 0),
        .case_id = (const char *) sqlite3_column_text (stmt, 1),
        .person = (const char *) sqlite3_column_text (stmt, 2),
        .department = (const char *) sqlite3_column_text (stmt, 3),
        .event = (const char *) sqlite3_column_text (stmt, 4),
        .deadline = sqlite3_column_int64 (stmt, 5),
        .branch = (const char *) sqlite3_column_text (stmt, 6),
        .number = (const char *) sqlite3_column_text (stmt, 7),
      };

      func (&row, user_data);
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || _sw_store_fail (store, error);
}

/* ------------------------------------------------------------ the logs */

/* a failure on the reader's connection, sorted as the store's are */
static gboolean
reader_fail (SwStoreReader  *reader,
             GError        **error)
{
  return _sw_db_fail (reader->db, sqlite3_db_filename (reader->db, "main"), error);
}

SwStoreReader *
_sw_store_reader_new (SwStore *store)
{
  SwStoreReader *reader = g_new0 (SwStoreReader, 1);

  reader->db = store->db;
  return reader;
}

/* Reading every event and case, asking the system to read the file ahead
 * makes one sequential read of what it would otherwise fetch page by page,
 * where the file's pages have left the system's cache. */
static void
read_ahead (const char *path)
{
  int fd = open (path, O_RDONLY | O_CLOEXEC);

  if (fd < 0)
    return;
  posix_fadvise (fd, 0, 0, POSIX_FADV_WILLNEED);
  close (fd);
}

SwStoreReader *
_sw_store_reader_open (const char *path)
{
  SwStoreReader *reader;
  sqlite3 *db;

  read_ahead (path);
  if ((db = _sw_store_open_side (path, SQLITE_OPEN_READONLY)) == NULL)
    return NULL;
  sqlite3_exec (db, "PRAGMA cache_size=-16384; PRAGMA mmap_size=1073741824", NULL, NULL, NULL);
  reader = g_new0 (SwStoreReader, 1);
  reader->db = db;
  reader->own = TRUE;
  return reader;
}

void
_sw_store_reader_free (SwStoreReader *reader)
{
  if (reader == NULL)
    return;
  sqlite3_finalize (reader->repeat);
  sqlite3_finalize (reader->one_case);
  if (reader->own)
    sqlite3_close (reader->db);
  g_free (reader);
}

/* Hands every row of stmt to func (with the clock in columns 6 and 7 when
 * with_clock), without resetting it. */
static gboolean
read_events (SwStoreReader     *reader,
             sqlite3_stmt      *stmt,
             gboolean           with_clock,
             SwStoreEventFunc   func,
             gpointer           user_data,
             GError           **error)
{
  SwStoreEventRow row = { 0 };
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      row.case_id = (const char *) sqlite3_column_text (stmt, 0);
      row.id = (const char *) sqlite3_column_text (stmt, 1);
      row.kind = (const char *) sqlite3_column_text (stmt, 2);
      row.actor = (const char *) sqlite3_column_text (stmt, 3);
      row.at = sqlite3_column_int64 (stmt, 4);
      row.payload = (const char *) sqlite3_column_text (stmt, 5);
      if (with_clock)
        {
          row.hlc_ms = sqlite3_column_int64 (stmt, 6);
          row.hlc_counter = sqlite3_column_int (stmt, 7);
        }
      if (!func (&row, user_data, error))
        return FALSE;
    }
  return rc == SQLITE_DONE || reader_fail (reader, error);
}

static gboolean
read_all (SwStoreReader     *reader,
          const char        *sql,
          gboolean           with_clock,
          SwStoreEventFunc   func,
          gpointer           user_data,
          GError           **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  if (sqlite3_prepare_v2 (reader->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    ok = reader_fail (reader, error);
  else
    ok = read_events (reader, stmt, with_clock, func, user_data, error);
  sqlite3_finalize (stmt);
  return ok;
}

gboolean
_sw_store_read_all_events (SwStoreReader     *reader,
                           SwStoreEventFunc   func,
                           gpointer           user_data,
                           GError           **error)
{
  return read_all (reader, EVENT_COLUMNS ", e.hlc_ms, e.hlc_counter FROM events e"
                   " ORDER BY e.case_id, e.hlc_ms, e.hlc_counter", TRUE, func, user_data, error);
}

gboolean
_sw_store_read_marked_events (SwStoreReader     *reader,
                              SwStoreEventFunc   func,
                              gpointer           user_data,
                              GError           **error)
{
  return read_all (reader, EVENT_COLUMNS " FROM detect_scan s JOIN events e ON e.case_id = s.case_id" EVENT_ORDER,
                   FALSE, func, user_data, error);
}

gboolean
_sw_store_read_case_events (SwStoreReader     *reader,
                            const char        *case_id,
                            SwStoreEventFunc   func,
                            gpointer           user_data,
                            GError           **error)
{
  gboolean ok;

  if (reader->one_case == NULL &&
      sqlite3_prepare_v2 (reader->db, EVENT_COLUMNS " FROM events e WHERE e.case_id = ?1"
                          " ORDER BY e.hlc_ms, e.hlc_counter, e.device, e.id", -1, &reader->one_case,
                          NULL) != SQLITE_OK)
    return reader_fail (reader, error);
  sqlite3_bind_text (reader->one_case, 1, case_id, -1, SQLITE_STATIC);
  ok = read_events (reader, reader->one_case, FALSE, func, user_data, error);
  sqlite3_reset (reader->one_case);
  return ok;
}

void
_sw_store_repeat_case_clear (SwStoreRepeatCase *found)
{
  g_free (found->case_id);
  g_free (found->handler);
  g_free (found->department);
  g_free (found->last_event);
  g_free (found->number);
  g_free (found->content);
  g_free (found->owner_department);
  g_free (found->target_department);
  memset (found, 0, sizeof *found);
}

/* The other cases of the same customer: by phone, or by name and unit
 * (case_contacts_by_phone, case_contacts_by_name). Which of them a new
 * complaint can repeat (the kind, the window, replied before) is
 * _sw_detect_repeat_window's to say. */
#define REPEAT_SQL \
  "WITH me AS (SELECT k.case_id, k.phone, k.name, k.unit, n.content FROM case_contacts k" \
  "            JOIN cases n ON n.id = k.case_id WHERE k.case_id = ?1)," \
  " same AS (SELECT o.case_id FROM me JOIN case_contacts o ON o.phone = me.phone" \
  "          WHERE me.phone IS NOT NULL AND me.phone != '' AND me.phone != '" SW_ERASED "'" \
  "          UNION SELECT o.case_id FROM me JOIN case_contacts o ON o.name = me.name AND o.unit = me.unit" \
  "          WHERE me.name IS NOT NULL AND me.name != '' AND me.name != '" SW_ERASED "'" \
  "            AND me.unit IS NOT NULL AND me.unit != '' AND me.unit != '" SW_ERASED "')" \
  " SELECT c.id, coalesce (c.handler, c.owner), coalesce (c.handler_department, c.owner_department)," \
  "  c.last_event_id, c.number, c.content, c.owner_department, c.target_department," \
  "  " SW_SAME_MATTER_SQL ("me.content", "c.content") "," \
  "  me.content, c.kind, c.received_at, c.replied_at" \
  " FROM me, same JOIN cases c ON c.id = same.case_id" \
  " WHERE c.id != me.case_id" \
  " ORDER BY c.received_at DESC"

GArray *
_sw_store_find_repeat_cases (SwStoreReader  *reader,
                             const char     *case_id,
                             char          **content,
                             GError        **error)
{
  g_autoptr(GArray) found = g_array_new (FALSE, TRUE, sizeof (SwStoreRepeatCase));
  sqlite3_stmt *stmt;
  int rc;

  *content = NULL;
  g_array_set_clear_func (found, (GDestroyNotify) _sw_store_repeat_case_clear);
  if (reader->repeat == NULL &&
      sqlite3_prepare_v2 (reader->db, REPEAT_SQL, -1, &reader->repeat, NULL) != SQLITE_OK)
    {
      reader_fail (reader, error);
      return NULL;
    }
  stmt = reader->repeat;
  sqlite3_bind_text (stmt, 1, case_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SwStoreRepeatCase r = {
        .case_id = _sw_column_dup (stmt, 0),
        .handler = _sw_column_dup (stmt, 1),
        .department = _sw_column_dup (stmt, 2),
        .last_event = _sw_column_dup (stmt, 3),
        .number = _sw_column_dup (stmt, 4),
        .content = _sw_column_dup (stmt, 5),
        .owner_department = _sw_column_dup (stmt, 6),
        .target_department = _sw_column_dup (stmt, 7),
        .same_matter = sqlite3_column_int (stmt, 8) != 0,
        .kind = sw_kind_from_string ((const char *) sqlite3_column_text (stmt, 10)),
        .received_at = sqlite3_column_int64 (stmt, 11),
        .replied_at = sqlite3_column_int64 (stmt, 12),
      };

      if (*content == NULL)
        *content = _sw_column_dup (stmt, 9);
      g_array_append_val (found, r);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_clear_pointer (content, g_free);
      reader_fail (reader, error);
      return NULL;
    }
  return g_steal_pointer (&found);
}
