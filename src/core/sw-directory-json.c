/* sw-directory-json.c — the directory as JSON, for sync: every table as an
 * array of row objects, column by column.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-error.h"
#include "sw-store-private.h"
#include "sw-store-sync.h"

/* In the order rows can be inserted (foreign keys); removed in reverse.
 * Policies are versions that cases refer to: replaced, never removed. */
static const struct {
  const char *table;
  gboolean    replace_all;
} tables[] = {
  { "branches", TRUE },
  { "departments", TRUE },
  { "templates", TRUE },
  { "staff", TRUE },
  { "policies", FALSE },
  { "calendar_days", TRUE },
};

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

static GPtrArray *
table_columns (SwStore    *self,
               const char *table)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA table_info (%s)", table);
  GPtrArray *cols = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_ptr_array_add (cols, _sw_column_dup (stmt, 1));
  sqlite3_finalize (stmt);
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
import_row (SwStore     *self,
            const char  *table,
            GPtrArray   *columns,
            JsonNode    *row,
            GError     **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) values = g_string_new (NULL);
  g_autoptr(GPtrArray) nodes = g_ptr_array_new ();
  sqlite3_stmt *stmt = NULL;
  JsonObject *o;
  gboolean ok;

  if (!JSON_NODE_HOLDS_OBJECT (row))
    goto invalid;
  o = json_node_get_object (row);
  g_string_printf (sql, "INSERT OR REPLACE INTO %s (", table);
  for (guint i = 0; i < columns->len; i++)
    {
      const char *col = g_ptr_array_index (columns, i);
      JsonNode *n = json_object_get_member (o, col);

      if (n == NULL)
        continue;
      g_string_append_printf (sql, "%s%s", nodes->len ? ", " : "", col);
      g_string_append_printf (values, "%s?", nodes->len ? ", " : "");
      g_ptr_array_add (nodes, n);
    }
  if (nodes->len == 0)
    goto invalid;
  g_string_append_printf (sql, ") VALUES (%s)", values->str);
  if (sqlite3_prepare_v2 (self->db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    return _sw_store_fail (self, error);
  for (guint i = 0; i < nodes->len; i++)
    if (!bind_member (stmt, (int) i + 1, g_ptr_array_index (nodes, i)))
      {
        sqlite3_finalize (stmt);
        goto invalid;
      }
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  sqlite3_finalize (stmt);
  return ok ? TRUE : _sw_store_fail (self, error);

invalid:
  g_set_error (error, SW_ERROR, SW_ERROR_INVALID, _("The directory has a malformed row in “%s”"), table);
  return FALSE;
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

      if (rows == NULL)
        continue;
      if (!JSON_NODE_HOLDS_ARRAY (rows))
        {
          g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
                       _("The directory has a malformed row in “%s”"), tables[t].table);
          goto fail;
        }
      columns = table_columns (self, tables[t].table);
      for (guint i = 0; i < json_array_get_length (json_node_get_array (rows)); i++)
        if (!import_row (self, tables[t].table, columns,
                         json_array_get_element (json_node_get_array (rows), i), error))
          goto fail;
    }
  _sw_store_drop_caches (self);
  return sw_store_commit (self, error);

fail:
  sw_store_rollback (self);
  return FALSE;
}
