/* sw-store-inspections.c — inspection records in the database: written, looked up by id, listed by department and date
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "sw-error.h"
#include "sw-store-accountability.h"
#include "sw-store-private.h"

#define COLUMNS "id, date, department, inspector, summary, scores, cases, created_at"

static SwInspection *
from_row (sqlite3_stmt *stmt)
{
  SwInspection *i = g_new0 (SwInspection, 1);
  g_autoptr(JsonNode) scores = json_from_string ((const char *) sqlite3_column_text (stmt, 5), NULL);
  g_autoptr(JsonNode) cases = json_from_string ((const char *) sqlite3_column_text (stmt, 6), NULL);
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  guint n_criteria;
  const SwCriterion *criteria = sw_inspection_criteria (&n_criteria);

  i->id = _sw_column_dup (stmt, 0);
  i->date = _sw_column_dup (stmt, 1);
  i->department = _sw_column_dup (stmt, 2);
  i->inspector = _sw_column_dup (stmt, 3);
  i->summary = _sw_column_dup (stmt, 4);
  i->created_at = sqlite3_column_int64 (stmt, 7);
  for (guint c = 0; c < G_N_ELEMENTS (i->scores); c++)
    i->scores[c] = -1;
  if (scores && JSON_NODE_HOLDS_OBJECT (scores))
    for (guint c = 0; c < n_criteria; c++)
      i->scores[c] = json_object_get_int_member_with_default (json_node_get_object (scores), criteria[c].key, -1);
  if (cases && JSON_NODE_HOLDS_ARRAY (cases))
    for (guint n = 0; n < json_array_get_length (json_node_get_array (cases)); n++)
      g_strv_builder_add (b, json_array_get_string_element (json_node_get_array (cases), n));
  i->cases = g_strv_builder_end (b);
  return i;
}

static char *
scores_json (const int *scores)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  guint n_criteria;
  const SwCriterion *criteria = sw_inspection_criteria (&n_criteria);

  json_builder_begin_object (b);
  for (guint c = 0; c < n_criteria; c++)
    if (scores[c] >= 0)
      {
        json_builder_set_member_name (b, criteria[c].key);
        json_builder_add_int_value (b, scores[c]);
      }
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  return json_to_string (root, FALSE);
}

static char *
cases_json (char **cases)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (b);
  for (guint n = 0; cases && cases[n]; n++)
    json_builder_add_string_value (b, cases[n]);
  json_builder_end_array (b);
  root = json_builder_get_root (b);
  return json_to_string (root, FALSE);
}

gboolean
_sw_store_insert_inspection (SwStore             *store,
                             const SwInspection  *i,
                             GError             **error)
{
  g_autofree char *scores = scores_json (i->scores);
  g_autofree char *cases = cases_json (i->cases);
  sqlite3_stmt *stmt = _sw_store_prepare (store,
      "INSERT INTO inspections (" COLUMNS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);

  if (stmt == NULL)
    return FALSE;
  _sw_bind_text (stmt, 1, i->id);
  _sw_bind_text (stmt, 2, i->date);
  _sw_bind_text (stmt, 3, i->department);
  _sw_bind_text (stmt, 4, i->inspector);
  _sw_bind_text (stmt, 5, i->summary);
  _sw_bind_text (stmt, 6, scores);
  _sw_bind_text (stmt, 7, cases);
  sqlite3_bind_int64 (stmt, 8, i->created_at);
  return _sw_store_step_done (store, stmt, error);
}

SwInspection *
sw_store_get_inspection (SwStore     *store,
                         const char  *id,
                         GError     **error)
{
  sqlite3_stmt *stmt;
  SwInspection *i = NULL;
  int n = 0;

  if (id == NULL || strlen (id) < 8)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
                   _("Name an inspection by its id or at least its first 8 characters, not “%s”"), id ? id : "");
      return NULL;
    }
  stmt = _sw_store_prepare (store,
      "SELECT " COLUMNS " FROM inspections WHERE substr (id, 1, length (?1)) = ?1 LIMIT 2", error);
  if (stmt == NULL)
    return NULL;
  _sw_bind_text (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    if (n++ == 0)
      i = from_row (stmt);
  sqlite3_reset (stmt);
  if (n != 1)
    {
      g_clear_pointer (&i, sw_inspection_free);
      g_set_error (error, SW_ERROR, n ? SW_ERROR_INVALID : SW_ERROR_NOT_FOUND,
                   n ? _("More than one inspection starts with “%s”; give more of its id")
                     : _("There is no inspection “%s”"), id);
    }
  return i;
}

GPtrArray *
sw_store_list_inspections (SwStore     *store,
                           const char  *department,
                           const char  *from,
                           const char  *to,
                           GError     **error)
{
  sqlite3_stmt *stmt = _sw_store_prepare (store,
      "SELECT " COLUMNS " FROM inspections WHERE (?1 IS NULL OR department = ?1)"
      " AND (?2 IS NULL OR date >= ?2) AND (?3 IS NULL OR date <= ?3) ORDER BY date, created_at", error);
  GPtrArray *result;

  if (stmt == NULL)
    return NULL;
  _sw_bind_text (stmt, 1, department);
  _sw_bind_text (stmt, 2, from);
  _sw_bind_text (stmt, 3, to);
  result = g_ptr_array_new_with_free_func ((GDestroyNotify) sw_inspection_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (result, from_row (stmt));
  sqlite3_reset (stmt);
  return result;
}
