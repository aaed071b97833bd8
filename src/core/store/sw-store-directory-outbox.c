/* sw-store-directory-outbox.c — directory edits made on this device (staff,
 * departments, templates, policies, the calendar), recorded by triggers
 * whatever wrote them, so that sync sends them to the server; silent while
 * what comes from the server is written.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-directory-private.h"
#include "sw-error.h"
#include "sw-store-replica.h"

#define OUTBOX_SCHEMA 7

static void
now_func (sqlite3_context  *ctx,
          int               argc,
          sqlite3_value   **argv)
{
  sqlite3_result_int64 (ctx, sw_store_now (sqlite3_user_data (ctx)));
}

/* json_object ('col', PREFIX.col, …) over every column */
static char *
row_json (GPtrArray  *columns,
          const char *prefix)
{
  GString *s = g_string_new ("json_object (");

  for (guint i = 0; i < columns->len; i++)
    g_string_append_printf (s, "%s'%s', %s.%s", i ? ", " : "", (char *) g_ptr_array_index (columns, i),
                            prefix, (char *) g_ptr_array_index (columns, i));
  g_string_append_c (s, ')');
  return g_string_free (s, FALSE);
}

static gboolean
has_column (GPtrArray  *columns,
            const char *name)
{
  for (guint i = 0; i < columns->len; i++)
    if (g_str_equal (g_ptr_array_index (columns, i), name))
      return TRUE;
  return FALSE;
}

static gboolean
create_triggers (SwStore                 *self,
                 const SwDirectoryTable  *t,
                 GError                 **error)
{
  g_autoptr(GPtrArray) cols = _sw_directory_columns (self, t->table);
  g_autofree char *old_row = row_json (cols, "OLD");
  g_autofree char *new_row = row_json (cols, "NEW");
  const char *actor = has_column (cols, "updated_by") ? "NEW.updated_by"
                      : has_column (cols, "created_by") ? "NEW.created_by" : "NULL";
  const char *when = "WHEN NOT EXISTS (SELECT 1 FROM temp.sw_directory_mute)";
  g_autoptr(GString) sql = g_string_new (NULL);

  /* a table of a later format than the file's (opened at an older version) */
  if (cols->len == 0)
    return TRUE;
  g_string_append_printf (sql,
      "CREATE TEMP TRIGGER sw_outbox_%s_insert AFTER INSERT ON main.%s %s BEGIN"
      " INSERT INTO directory_outbox (tbl, key, row, at, actor)"
      " VALUES ('%s', NEW.%s, %s, sw_directory_now (), %s); END;",
      t->table, t->table, when, t->table, t->key, new_row, actor);
  if (!t->insert_only)
    g_string_append_printf (sql,
        /* writers store whole rows: only a row that differs is an edit */
        "CREATE TEMP TRIGGER sw_outbox_%s_update AFTER UPDATE ON main.%s %s AND %s IS NOT %s BEGIN"
        " INSERT INTO directory_outbox (tbl, key, row, at, actor)"
        " VALUES ('%s', NEW.%s, %s, sw_directory_now (), %s); END;"
        "CREATE TEMP TRIGGER sw_outbox_%s_delete AFTER DELETE ON main.%s %s BEGIN"
        " INSERT INTO directory_outbox (tbl, key, row, at)"
        " VALUES ('%s', OLD.%s, NULL, sw_directory_now ()); END;",
        t->table, t->table, when, old_row, new_row, t->table, t->key, new_row, actor,
        t->table, t->table, when, t->table, t->key);
  return _sw_store_exec (self, sql->str, error);
}

gboolean
_sw_directory_outbox_attach (SwStore  *self,
                             GError  **error)
{
  const SwDirectoryTable *tables;
  guint n;

  if (!_sw_store_exec (self, "CREATE TEMP TABLE IF NOT EXISTS sw_directory_mute (on_ INTEGER)", error))
    return FALSE;
  if (sw_store_get_schema_version (self) < OUTBOX_SCHEMA)
    return TRUE;
  if (sqlite3_create_function_v2 (self->db, "sw_directory_now", 0, SQLITE_UTF8, self,
                                  now_func, NULL, NULL, NULL) != SQLITE_OK)
    return _sw_store_fail (self, error);
  tables = _sw_directory_tables (&n);
  for (guint t = 0; t < n; t++)
    if (!create_triggers (self, &tables[t], error))
      return FALSE;
  return TRUE;
}

gboolean
_sw_directory_mute (SwStore   *self,
                    gboolean   mute,
                    GError   **error)
{
  return _sw_store_exec (self, mute ? "INSERT INTO temp.sw_directory_mute VALUES (1)"
                                    : "DELETE FROM temp.sw_directory_mute WHERE rowid ="
                                      " (SELECT max (rowid) FROM temp.sw_directory_mute)", error);
}

static SwDirectoryChange *
change_from_row (sqlite3_stmt *stmt)
{
  SwDirectoryChange *c = g_new0 (SwDirectoryChange, 1);
  const char *row = (const char *) sqlite3_column_text (stmt, 3);

  c->seq = sqlite3_column_int64 (stmt, 0);
  c->table = _sw_column_dup (stmt, 1);
  c->key = _sw_column_dup (stmt, 2);
  c->row = row ? json_from_string (row, NULL) : NULL;
  c->row_bytes = (gsize) sqlite3_column_bytes (stmt, 3);
  c->at = sqlite3_column_int64 (stmt, 4);
  c->actor = _sw_column_dup (stmt, 5);
  c->code = _sw_column_dup (stmt, 6);
  c->message = _sw_column_dup (stmt, 7);
  return c;
}

static GPtrArray *
list_changes (SwStore     *self,
              const char  *sql,
              guint        limit,
              GError     **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) sw_directory_change_free);
  sqlite3_stmt *stmt = _sw_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, limit ? (gint64) limit : -1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, change_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _sw_store_fail (self, error), NULL;
  return g_steal_pointer (&out);
}

#define CHANGE_COLUMNS "seq, tbl, key, row, at, actor, code, message"

GPtrArray *
sw_store_directory_outbox (SwStore  *self,
                           guint     limit,
                           GError  **error)
{
  return list_changes (self, "SELECT " CHANGE_COLUMNS " FROM directory_outbox"
                             " WHERE state = 'pending' ORDER BY seq LIMIT ?1", limit, error);
}

GPtrArray *
sw_store_directory_refused (SwStore  *self,
                            GError  **error)
{
  return list_changes (self, "SELECT " CHANGE_COLUMNS " FROM directory_outbox"
                             " WHERE state = 'refused' ORDER BY seq LIMIT ?1", 0, error);
}

static guint
count_changes (SwStore    *self,
               const char *sql)
{
  sqlite3_stmt *stmt = _sw_store_prepare (self, sql, NULL);
  guint n = 0;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    n = (guint) sqlite3_column_int64 (stmt, 0);
  if (stmt)
    sqlite3_reset (stmt);
  return n;
}

guint
sw_store_directory_count_outbox (SwStore *self)
{
  return count_changes (self, "SELECT count(*) FROM directory_outbox WHERE state = 'pending'");
}

guint
sw_store_directory_count_refused (SwStore *self)
{
  return count_changes (self, "SELECT count(*) FROM directory_outbox WHERE state = 'refused'");
}

gboolean
sw_store_directory_mark (SwStore     *self,
                         gint64       seq,
                         const char  *code,
                         const char  *message,
                         GError     **error)
{
  sqlite3_stmt *stmt = _sw_store_prepare (self,
      "UPDATE directory_outbox SET state = iif (?2 IS NULL, 'sent', 'refused'),"
      " code = ?2, message = ?3 WHERE seq = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, seq);
  _sw_bind_text (stmt, 2, code);
  _sw_bind_text (stmt, 3, message);
  return _sw_store_step_done (self, stmt, error);
}

gboolean
sw_store_directory_clear_outbox (SwStore  *self,
                                 GError  **error)
{
  return _sw_store_exec (self, "DELETE FROM directory_outbox", error);
}

gboolean
sw_store_directory_retry (SwStore  *self,
                          gint64    seq,
                          guint    *n_retried,
                          GError  **error)
{
  sqlite3_stmt *stmt = _sw_store_prepare (self,
      "UPDATE directory_outbox SET state = 'pending', code = NULL, message = NULL"
      " WHERE state = 'refused' AND (?1 = 0 OR seq = ?1)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, seq);
  if (!_sw_store_step_done (self, stmt, error))
    return FALSE;
  if (n_retried)
    *n_retried = (guint) sqlite3_changes (self->db);
  return TRUE;
}

gboolean
sw_store_directory_withdraw (SwStore  *self,
                             gint64    seq,
                             GError  **error)
{
  sqlite3_stmt *stmt;

  if (!sw_store_begin (self, error))
    return FALSE;
  stmt = _sw_store_prepare (self, "DELETE FROM directory_outbox WHERE state = 'refused' AND seq = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, seq);
  if (!_sw_store_step_done (self, stmt, error))
    goto fail;
  if (sqlite3_changes (self->db) == 0)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, seq);

      g_set_error (error, SW_ERROR, SW_ERROR_NOT_FOUND, _("There is no refused directory edit %s"), number);
      goto fail;
    }
  /* the next run reads the server's directory whole, the row included */
  if (!sw_store_set_meta (self, SW_META_DIRECTORY_VERSION, "0", error))
    goto fail;
  return sw_store_commit (self, error);

fail:
  sw_store_rollback (self);
  return FALSE;
}

/* Pending and refused edits, oldest first; one that no longer fits (its
 * department is gone) stays in the outbox only. */
gboolean
_sw_directory_outbox_reapply (SwStore  *self,
                              GError  **error)
{
  g_autoptr(GPtrArray) changes = NULL;

  if (sw_store_get_schema_version (self) < OUTBOX_SCHEMA)
    return TRUE;
  changes = list_changes (self, "SELECT " CHANGE_COLUMNS " FROM directory_outbox"
                                " WHERE state <> 'sent' ORDER BY seq LIMIT ?1", 0, error);
  if (changes == NULL)
    return FALSE;
  for (guint i = 0; i < changes->len; i++)
    {
      SwDirectoryChange *c = g_ptr_array_index (changes, i);
      const SwDirectoryTable *t = _sw_directory_table (c->table);
      g_autoptr(GPtrArray) columns = NULL;
      g_autoptr(GError) local = NULL;
      gboolean ok;

      if (t == NULL || (c->row != NULL && !JSON_NODE_HOLDS_OBJECT (c->row)))
        continue;
      /* a failing statement undoes only itself */
      if (c->row == NULL)
        ok = _sw_directory_delete_row (self, t, c->key, &local);
      else
        {
          columns = _sw_directory_columns (self, t->table);
          ok = _sw_directory_put_row (self, t, columns, json_node_get_object (c->row), &local);
        }
      if (!ok)
        g_debug ("Edit %" G_GINT64_FORMAT " no longer applies: %s", c->seq, local->message);
    }
  return TRUE;
}
