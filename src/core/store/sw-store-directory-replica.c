/* sw-store-directory-replica.c — the directory as JSON, for sync: every table as an
 * array of row objects, column by column.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-directory-private.h"
#include "sw-error.h"
#include "sw-store-replica.h"

/* In the order rows can be inserted (foreign keys); removed in reverse.
 * Policies are versions that cases refer to: replaced, never removed. */
static const SwDirectoryTable tables[] = {
  { "branches", "code", TRUE, FALSE, "DELETE FROM branches WHERE code = ?1" },
  { "departments", "code", TRUE, FALSE, "DELETE FROM departments WHERE code = ?1" },
  { "templates", "id", TRUE, FALSE, "DELETE FROM templates WHERE id = ?1" },
  { "staff", "empno", TRUE, FALSE, "DELETE FROM staff WHERE empno = ?1" },
  { "policies", "version", FALSE, TRUE, "DELETE FROM policies WHERE version = ?1" },
  { "calendar_days", "date", TRUE, FALSE, "DELETE FROM calendar_days WHERE date = ?1" },
  /* never replaced whole, and a row without a hash keeps this device's:
   * what comes from the server never erases a password */
  { "staff_credentials", "empno", FALSE, FALSE, "DELETE FROM staff_credentials WHERE empno = ?1", "hash" },
};

const SwDirectoryTable *
_sw_directory_tables (guint *n_tables)
{
  *n_tables = G_N_ELEMENTS (tables);
  return tables;
}

const SwDirectoryTable *
_sw_directory_table (const char *name)
{
  for (guint t = 0; name != NULL && t < G_N_ELEMENTS (tables); t++)
    if (g_str_equal (tables[t].table, name))
      return &tables[t];
  return NULL;
}

static JsonNode *
export_table (SwStore     *self,
              const char  *table,
              GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s", table);
  g_autoptr(JsonBuilder) b = json_builder_new_immutable ();
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      _sw_store_fail (self, error);
      return NULL;
    }
  json_builder_begin_array (b);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_begin_object (b);
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          json_builder_set_member_name (b, sqlite3_column_name (stmt, i));
          switch (sqlite3_column_type (stmt, i))
            {
            case SQLITE_INTEGER:
              json_builder_add_int_value (b, sqlite3_column_int64 (stmt, i));
              break;
            case SQLITE_NULL:
              json_builder_add_null_value (b);
              break;
            default:
              json_builder_add_string_value (b, (const char *) sqlite3_column_text (stmt, i));
            }
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  if (rc != SQLITE_DONE)
    {
      _sw_store_fail (self, error);
      sqlite3_finalize (stmt);
      return NULL;
    }
  sqlite3_finalize (stmt);
  return json_builder_get_root (b);
}

JsonNode *
sw_store_export_directory (SwStore  *self,
                           GError  **error)
{
  g_autoptr(JsonObject) o = json_object_new ();

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      JsonNode *rows = export_table (self, tables[t].table, error);

      if (rows == NULL)
        return NULL;
      json_object_set_member (o, tables[t].table, rows);
    }
  return json_node_init_object (json_node_alloc (), o);
}

/* Read once per store (the server asks for every change it applies): the
 * schema does not change while a store is open. */
GPtrArray *
_sw_directory_columns (SwStore    *self,
                       const char *table)
{
  g_autofree char *sql = NULL;
  GPtrArray *cols;
  sqlite3_stmt *stmt = NULL;

  if (self->table_columns == NULL)
    self->table_columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                 (GDestroyNotify) g_ptr_array_unref);
  if ((cols = g_hash_table_lookup (self->table_columns, table)) != NULL)
    return g_ptr_array_ref (cols);
  sql = g_strdup_printf ("PRAGMA table_info (%s)", table);
  cols = g_ptr_array_new_with_free_func (g_free);
  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_ptr_array_add (cols, _sw_column_dup (stmt, 1));
  sqlite3_finalize (stmt);
  if (cols->len > 0)
    g_hash_table_insert (self->table_columns, g_strdup (table), g_ptr_array_ref (cols));
  return cols;
}

static gboolean
bind_member (sqlite3_stmt *stmt,
             int           idx,
             JsonNode     *n)
{
  GType t = JSON_NODE_HOLDS_VALUE (n) ? json_node_get_value_type (n) : G_TYPE_NONE;

  if (JSON_NODE_HOLDS_NULL (n))
    sqlite3_bind_null (stmt, idx);
  else if (t == G_TYPE_INT64)
    sqlite3_bind_int64 (stmt, idx, json_node_get_int (n));
  else if (t == G_TYPE_STRING)
    sqlite3_bind_text (stmt, idx, json_node_get_string (n), -1, SQLITE_TRANSIENT);
  else if (t == G_TYPE_BOOLEAN)
    sqlite3_bind_int (stmt, idx, json_node_get_boolean (n));
  else
    return FALSE;
  return TRUE;
}

static gboolean
malformed (const char  *table,
           GError     **error)
{
  g_set_error (error, SW_ERROR, SW_ERROR_INVALID, _("The directory has a malformed row in “%s”"), table);
  return FALSE;
}

/* An upsert, not a replace: a replaced department would take its staff
 * with it (foreign keys). */
gboolean
_sw_directory_put_row (SwStore                 *self,
                       const SwDirectoryTable  *table,
                       GPtrArray               *columns,
                       JsonObject              *o,
                       GError                 **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) values = g_string_new (NULL);
  g_autoptr(GString) update = g_string_new (NULL);
  g_autoptr(GPtrArray) nodes = g_ptr_array_new ();
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  g_string_printf (sql, "INSERT INTO %s (", table->table);
  for (guint i = 0; i < columns->len; i++)
    {
      const char *col = g_ptr_array_index (columns, i);
      JsonNode *n = json_object_get_member (o, col);

      if (n == NULL)
        continue;
      g_string_append_printf (sql, "%s%s", nodes->len ? ", " : "", col);
      g_string_append_printf (values, "%s?", nodes->len ? ", " : "");
      if (!g_str_equal (col, table->key))
        g_string_append_printf (update, "%s%s = excluded.%s", update->len ? ", " : "", col, col);
      g_ptr_array_add (nodes, n);
    }
  if (nodes->len == 0 || !json_object_has_member (o, table->key))
    return malformed (table->table, error);
  g_string_append_printf (sql, ") VALUES (%s) ON CONFLICT (%s) DO ", values->str, table->key);
  if (update->len > 0)
    g_string_append_printf (sql, "UPDATE SET %s", update->str);
  else
    g_string_append (sql, "NOTHING");
  if (sqlite3_prepare_v2 (self->db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    return _sw_store_fail (self, error);
  for (guint i = 0; i < nodes->len; i++)
    if (!bind_member (stmt, (int) i + 1, g_ptr_array_index (nodes, i)))
      {
        sqlite3_finalize (stmt);
        return malformed (table->table, error);
      }
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  if (!ok)
    _sw_store_fail (self, error);
  sqlite3_finalize (stmt);
  return ok;
}

gboolean
_sw_directory_delete_row (SwStore                 *self,
                          const SwDirectoryTable  *table,
                          const char              *key,
                          GError                 **error)
{
  sqlite3_stmt *stmt = _sw_store_prepare (self, table->delete_sql, error);

  if (stmt == NULL)
    return FALSE;
  _sw_bind_text (stmt, 1, key);
  return _sw_store_step_done (self, stmt, error);
}

/* The row (a new reference) without the table's kept column when it holds
 * no value there: an upsert then leaves this device's value alone. */
static JsonObject *
kept_removed (const SwDirectoryTable *table,
              JsonObject             *row)
{
  JsonNode *n = table->kept ? json_object_get_member (row, table->kept) : NULL;
  JsonObject *copy;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  if (n == NULL || !JSON_NODE_HOLDS_NULL (n))
    return json_object_ref (row);
  copy = json_object_new ();
  json_object_iter_init (&iter, row);
  while (json_object_iter_next (&iter, &name, &member))
    if (!g_str_equal (name, table->kept))
      json_object_set_member (copy, name, json_node_copy (member));
  return copy;
}

static gboolean
has_rows (SwStore    *self,
          const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT EXISTS (SELECT 1 FROM %s)", table);
  sqlite3_stmt *stmt = NULL;
  gboolean any = FALSE;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    any = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_finalize (stmt);
  return any;
}

gboolean
sw_store_import_directory (SwStore   *self,
                           JsonNode  *directory,
                           gboolean   replace,
                           GError   **error)
{
  JsonObject *o;

  if (directory == NULL || !JSON_NODE_HOLDS_OBJECT (directory))
    {
      g_set_error_literal (error, SW_ERROR, SW_ERROR_INVALID, _("The directory is not a JSON object"));
      return FALSE;
    }
  o = json_node_get_object (directory);
  if (!sw_store_begin (self, error))
    return FALSE;
  if (!_sw_directory_mute (self, TRUE, error))
    goto fail;
  for (int t = G_N_ELEMENTS (tables) - 1; t >= 0; t--)
    {
      g_autofree char *sql = g_strdup_printf ("DELETE FROM %s", tables[t].table);

      if (replace && tables[t].replace_all && json_object_has_member (o, tables[t].table) &&
          !_sw_store_exec (self, sql, error))
        goto fail;
    }
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      JsonNode *rows = json_object_get_member (o, tables[t].table);
      g_autoptr(GPtrArray) columns = NULL;

      if (rows == NULL && tables[t].kept != NULL && has_rows (self, tables[t].table))
        g_message (_("The directory received holds no passwords (%s); this device keeps its own."),
                   tables[t].table);
      if (rows == NULL)
        continue;
      if (!JSON_NODE_HOLDS_ARRAY (rows))
        {
          malformed (tables[t].table, error);
          goto fail;
        }
      columns = _sw_directory_columns (self, tables[t].table);
      for (guint i = 0; i < json_array_get_length (json_node_get_array (rows)); i++)
        {
          JsonNode *row = json_array_get_element (json_node_get_array (rows), i);
          g_autoptr(JsonObject) put = NULL;

          if (!JSON_NODE_HOLDS_OBJECT (row))
            {
              malformed (tables[t].table, error);
              goto fail;
            }
          put = kept_removed (&tables[t], json_node_get_object (row));
          if (!_sw_directory_put_row (self, &tables[t], columns, put, error))
            goto fail;
        }
    }
  /* what this device changed and the server has not taken yet stays on top */
  if ((replace && !_sw_directory_outbox_reapply (self, error)) ||
      !_sw_directory_mute (self, FALSE, error))
    goto fail;
  _sw_store_drop_caches (self);
  return sw_store_commit (self, error);

fail:
  sw_store_rollback (self);
  return FALSE;
}
