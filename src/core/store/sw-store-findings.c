/* sw-store-findings.c — findings in the database: inserted by detection or by hand, listed, looked up, decided with their log
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "sw-error.h"
#include "sw-store-accountability.h"
#include "sw-store-audit.h"
#include "sw-finding-text.h"
#include "sw-store-private.h"
#include "sw-uuid.h"

#define FINDING_COLUMNS \
  "f.id, f.key, f.rule, f.source, f.case_id, c.number, f.person, f.department, f.events," \
  " f.detail, f.evidence, f.occurred_at, f.created_at, f.created_by, f.status," \
  " f.decided_at, f.decided_by, f.reason, f.inspection_id"
#define FINDING_FROM " FROM findings f LEFT JOIN cases c ON c.id = f.case_id"

static char **
events_from_json (const char *json)
{
  g_autoptr(JsonNode) node = json ? json_from_string (json, NULL) : NULL;
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *a = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (a); i++)
        {
          const char *s = json_array_get_string_element (a, i);
          if (s != NULL)
            g_strv_builder_add (b, s);
        }
    }
  return g_strv_builder_end (b);
}

/* By hand: this runs for every finding detection makes. */
static char *
events_to_json (char **events)
{
  GString *out = g_string_new ("[");

  for (guint i = 0; events && events[i]; i++)
    {
      g_string_append (out, i ? ",\"" : "\"");
      for (const char *p = events[i]; *p; p++)
        {
          if (*p == '"' || *p == '\\')
            g_string_append_c (out, '\\');
          if ((guchar) *p >= 0x20)
            g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  g_string_append_c (out, ']');
  return g_string_free (out, FALSE);
}

static SwFinding *
finding_from_row (sqlite3_stmt *stmt)
{
  SwFinding *f = g_new0 (SwFinding, 1);
  g_autofree char *events = _sw_column_dup (stmt, 8);
  g_autofree char *status = _sw_column_dup (stmt, 14);

  f->id = _sw_column_dup (stmt, 0);
  f->key = _sw_column_dup (stmt, 1);
  f->rule = _sw_column_dup (stmt, 2);
  f->source = _sw_column_dup (stmt, 3);
  f->case_id = _sw_column_dup (stmt, 4);
  f->case_number = _sw_column_dup (stmt, 5);
  f->person = _sw_column_dup (stmt, 6);
  f->department = _sw_column_dup (stmt, 7);
  f->events = events_from_json (events);
  f->detail = _sw_column_dup (stmt, 9);
  f->evidence = _sw_column_dup (stmt, 10);
  f->occurred_at = sqlite3_column_int64 (stmt, 11);
  f->created_at = sqlite3_column_int64 (stmt, 12);
  f->created_by = _sw_column_dup (stmt, 13);
  f->status = MAX (sw_finding_status_from_string (status), 0);
  f->decided_at = sqlite3_column_int64 (stmt, 15);
  f->decided_by = _sw_column_dup (stmt, 16);
  f->reason = _sw_column_dup (stmt, 17);
  f->inspection_id = _sw_column_dup (stmt, 18);
  return f;
}

static gboolean
log_action (SwStore     *store,
            const char  *id,
            const char  *actor,
            const char  *action,
            const char  *reason,
            GError     **error)
{
  sqlite3_stmt *stmt = _sw_store_prepare (store,
      "INSERT INTO finding_log (finding_id, at, actor, action, reason) VALUES (?1, ?2, ?3, ?4, ?5)",
      error);

  if (stmt == NULL)
    return FALSE;
  _sw_bind_text (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, sw_store_now (store));
  _sw_bind_text (stmt, 3, actor);
  _sw_bind_text (stmt, 4, action);
  _sw_bind_text (stmt, 5, reason);
  return _sw_store_step_done (store, stmt, error);
}

#define INSERT_COLUMNS \
  "id, key, rule, source, case_id, person, department, events, detail, evidence, occurred_at," \
  " created_at, created_by, status, inspection_id"
#define INSERT_PARAMS 14

/* Binds f to the parameters after `base` of an insert (events: its list as
 * JSON, alive until the statement has run). */
static void
bind_finding (SwStore      *store,
              sqlite3_stmt *stmt,
              int           base,
              SwFinding    *f,
              const char   *events)
{
  int i = base + 1;

  if (f->id == NULL)
    f->id = sw_uuid7_new (sw_store_now (store));
  if (f->created_at == 0)
    f->created_at = sw_store_now (store);
  _sw_bind_text (stmt, i++, f->id);
  _sw_bind_text (stmt, i++, f->key);
  _sw_bind_text (stmt, i++, f->rule);
  _sw_bind_text (stmt, i++, f->source);
  _sw_bind_text (stmt, i++, f->case_id);
  _sw_bind_text (stmt, i++, f->person);
  _sw_bind_text (stmt, i++, f->department);
  _sw_bind_text (stmt, i++, events);
  _sw_bind_text (stmt, i++, f->detail);
  _sw_bind_text (stmt, i++, f->evidence);
  sqlite3_bind_int64 (stmt, i++, f->occurred_at);
  sqlite3_bind_int64 (stmt, i++, f->created_at);
  _sw_bind_text (stmt, i++, f->created_by);
  _sw_bind_text (stmt, i++, f->inspection_id);
}

gboolean
_sw_store_insert_finding (SwStore    *store,
                    SwFinding  *f,
                    gboolean   *is_new,
                    GError    **error)
{
  g_autofree char *events = events_to_json (f->events);
  sqlite3_stmt *stmt = _sw_store_prepare (store,
      "INSERT OR IGNORE INTO findings (" INSERT_COLUMNS ")"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, 'open', ?14)", error);

  *is_new = FALSE;
  if (stmt == NULL)
    return FALSE;
  bind_finding (store, stmt, 0, f, events);
  if (!_sw_store_step_done (store, stmt, error))
    return FALSE;
  *is_new = sqlite3_changes (store->db) > 0;
  return TRUE;
}

/* SW_FINDING_INSERT_ROWS rows in one statement: one a row opened the table
 * and its four indexes for each, a quarter of a first detection run's
 * writing. (RETURNING the inserted ids cost as much again.) */
static const char *
insert_many_sql (void)
{
  static gsize done = 0;
  static char *sql = NULL;

  if (g_once_init_enter (&done))
    {
      GString *s = g_string_new ("INSERT OR IGNORE INTO findings (" INSERT_COLUMNS ") VALUES ");

      for (int r = 0; r < SW_FINDING_INSERT_ROWS; r++)
        {
          int p = r * INSERT_PARAMS;

          g_string_append_printf (s, "%s(?%d, ?%d, ?%d, ?%d, ?%d, ?%d, ?%d, ?%d, ?%d, ?%d, ?%d, ?%d, ?%d,"
                                  " 'open', ?%d)", r ? ", " : "",
                                  p + 1, p + 2, p + 3, p + 4, p + 5, p + 6, p + 7, p + 8, p + 9, p + 10,
                                  p + 11, p + 12, p + 13, p + 14);
        }
      sql = g_string_free (s, FALSE);
      g_once_init_leave (&done, 1);
    }
  return sql;
}

static gboolean
insert_rows (SwStore     *store,
             SwFinding  **f,
             gboolean    *is_new,
             GError     **error)
{
  sqlite3_stmt *stmt = _sw_store_prepare (store, insert_many_sql (), error);
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_free);
  int changed;

  if (stmt == NULL)
    return FALSE;
  for (int r = 0; r < SW_FINDING_INSERT_ROWS; r++)
    {
      g_ptr_array_add (events, events_to_json (f[r]->events));
      bind_finding (store, stmt, r * INSERT_PARAMS, f[r], g_ptr_array_index (events, r));
    }
  if (!_sw_store_step_done (store, stmt, error))
    return FALSE;
  /* All new or none (the usual cases), else asked row by row: a row whose
   * key was known already was not inserted, so its new id is not there. */
  changed = sqlite3_changes (store->db);
  for (int r = 0; r < SW_FINDING_INSERT_ROWS; r++)
    {
      is_new[r] = changed == SW_FINDING_INSERT_ROWS;
      if (changed > 0 && changed < SW_FINDING_INSERT_ROWS &&
          !_sw_store_row_exists (store, "SELECT 1 FROM findings WHERE id = ?1", f[r]->id, &is_new[r], error))
        return FALSE;
    }
  return TRUE;
}

gboolean
_sw_store_insert_findings (SwStore     *store,
                         SwFinding  **f,
                         guint        n,
                         gboolean    *is_new,
                         GError     **error)
{
  guint i = 0;

  for (; i + SW_FINDING_INSERT_ROWS <= n; i += SW_FINDING_INSERT_ROWS)
    if (!insert_rows (store, f + i, is_new + i, error))
      return FALSE;
  for (; i < n; i++)
    if (!_sw_store_insert_finding (store, f[i], &is_new[i], error))
      return FALSE;
  return TRUE;
}

GPtrArray *
sw_store_list_findings (SwStore              *store,
                        const SwFindingQuery *q,
                        GError              **error)
{
  static const SwFindingQuery any = SW_FINDING_QUERY_INIT;
  sqlite3_stmt *stmt;
  GPtrArray *result;
  int rc;

  if (q == NULL)
    q = &any;
  stmt = _sw_store_prepare (store,
      "SELECT " FINDING_COLUMNS FINDING_FROM
      " WHERE (?1 IS NULL OR f.person = ?1) AND (?2 IS NULL OR f.department = ?2)"
      " AND (?3 IS NULL OR f.case_id = ?3) AND (?4 IS NULL OR f.rule = ?4)"
      " AND (?5 IS NULL OR f.status = ?5) AND (?6 = 0 OR f.occurred_at >= ?6)"
      " AND (?7 = 0 OR f.occurred_at < ?7)"
      " ORDER BY f.occurred_at, f.id", error);
  if (stmt == NULL)
    return NULL;
  _sw_bind_text (stmt, 1, q->person);
  _sw_bind_text (stmt, 2, q->department);
  _sw_bind_text (stmt, 3, q->case_id);
  _sw_bind_text (stmt, 4, q->rule);
  _sw_bind_text (stmt, 5, q->status >= 0 ? sw_finding_status_to_string (q->status) : NULL);
  sqlite3_bind_int64 (stmt, 6, q->from);
  sqlite3_bind_int64 (stmt, 7, q->to);

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) sw_finding_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (result, finding_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_ptr_array_unref (result);
      _sw_store_fail (store, error);
      return NULL;
    }
  return result;
}

SwFinding *
sw_store_get_finding (SwStore     *store,
                      const char  *id,
                      GError     **error)
{
  sqlite3_stmt *stmt;
  SwFinding *f = NULL;
  int n = 0;

  if (id == NULL || strlen (id) < 8)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
                   _("Name a finding by its id or at least its first 8 characters, not “%s”"),
                   id ? id : "");
      return NULL;
    }
  stmt = _sw_store_prepare (store,
      "SELECT " FINDING_COLUMNS FINDING_FROM " WHERE f.id = ?1 OR substr (f.id, 1, length (?1)) = ?1 LIMIT 2",
      error);
  if (stmt == NULL)
    return NULL;
  _sw_bind_text (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (n++ == 0)
        f = finding_from_row (stmt);
    }
  sqlite3_reset (stmt);
  if (n == 0)
    g_set_error (error, SW_ERROR, SW_ERROR_NOT_FOUND, _("There is no finding “%s”"), id);
  else if (n > 1 && g_strcmp0 (f->id, id) != 0)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
                   _("More than one finding starts with “%s”; give more of its id"), id);
      g_clear_pointer (&f, sw_finding_free);
    }
  return f;
}

/* The log table holds the decisions; the first entry, how the finding came
 * to be, is its own row. */
GPtrArray *
sw_store_get_finding_log (SwStore    *store,
                          const char *id,
                          GError    **error)
{
  g_autoptr(SwFinding) f = sw_store_get_finding (store, id, error);
  sqlite3_stmt *stmt;
  GPtrArray *result;
  SwFindingLogEntry *first;

  if (f == NULL || (stmt = _sw_store_prepare (store,
      "SELECT at, actor, action, reason FROM finding_log WHERE finding_id = ?1 ORDER BY seq", error)) == NULL)
    return NULL;
  _sw_bind_text (stmt, 1, f->id);
  result = g_ptr_array_new_with_free_func ((GDestroyNotify) sw_finding_log_entry_free);
  first = g_new0 (SwFindingLogEntry, 1);
  first->at = f->created_at;
  first->actor = g_strdup (f->created_by);
  first->action = g_strdup (g_strcmp0 (f->source, "detected") == 0 ? "detected" : "recorded");
  first->reason = f->evidence ? g_strdup (f->evidence) : sw_finding_detail_text (f->detail);
  g_ptr_array_add (result, first);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      SwFindingLogEntry *e = g_new0 (SwFindingLogEntry, 1);
      e->at = sqlite3_column_int64 (stmt, 0);
      e->actor = _sw_column_dup (stmt, 1);
      e->action = _sw_column_dup (stmt, 2);
      e->reason = _sw_column_dup (stmt, 3);
      g_ptr_array_add (result, e);
    }
  sqlite3_reset (stmt);
  return result;
}

gboolean
_sw_store_decide_finding (SwStore     *store,
                          const char  *id,
                          gboolean     confirm,
                          const char  *actor,
                          const char  *reason,
                          GError     **error)
{
  sqlite3_stmt *stmt = _sw_store_prepare (store,
      "UPDATE findings SET status = ?2, decided_at = ?3, decided_by = ?4, reason = ?5 WHERE id = ?1",
      error);
  g_autofree char *args = NULL;

  if (stmt == NULL)
    return FALSE;
  _sw_bind_text (stmt, 1, id);
  _sw_bind_text (stmt, 2, confirm ? "confirmed" : "dismissed");
  sqlite3_bind_int64 (stmt, 3, sw_store_now (store));
  _sw_bind_text (stmt, 4, actor);
  _sw_bind_text (stmt, 5, reason);
  /* the reason is the decider's free text: the log keeps the decision only */
  args = sw_audit_args ("decision", confirm ? "confirmed" : "dismissed", NULL);
  return _sw_store_step_done (store, stmt, error) &&
         log_action (store, id, actor, confirm ? "confirmed" : "dismissed", reason, error) &&
         sw_store_audit (store, actor, SW_AUDIT_FINDING_DECIDED, SW_AUDIT_SUBJECT_FINDING,
                         id, args, error);
}
