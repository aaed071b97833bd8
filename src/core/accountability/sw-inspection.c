/* sw-inspection.c — inspection records: the criteria, the scores, writing and reading them
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "sw-error.h"
#include "sw-inspection.h"
#include "sw-models-private.h"
#include "sw-store-private.h"
#include "sw-uuid.h"

static const SwCriterion criteria[] = {
  { "register", N_("Register kept completely") },
  { "first_inquiry", N_("First inquiry owned, no buck-passing") },
  { "time_limits", N_("Time limits kept") },
  { "one_time_notice", N_("One-time notification") },
  { "handover", N_("Transfers and handovers recorded") },
  { "callback", N_("Customers called back") },
  { "attitude", N_("Service attitude") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (criteria) <= G_N_ELEMENTS (((SwInspection *) 0)->scores));

#define COLUMNS "id, date, department, inspector, summary, scores, cases, created_at"

void
sw_inspection_free (SwInspection *i)
{
  if (i == NULL)
    return;
  g_free (i->id);
  g_free (i->date);
  g_free (i->department);
  g_free (i->inspector);
  g_free (i->summary);
  g_strfreev (i->cases);
  g_free (i);
}

const SwCriterion *
sw_inspection_criteria (guint *n)
{
  *n = G_N_ELEMENTS (criteria);
  return criteria;
}

double
sw_inspection_mean (const SwInspection *i)
{
  double sum = 0;
  int n = 0;

  for (guint c = 0; c < G_N_ELEMENTS (criteria); c++)
    if (i->scores[c] >= 0)
      {
        sum += i->scores[c];
        n++;
      }
  return n ? sum / n : -1;
}

static int
criterion_index (const char *key)
{
  for (guint c = 0; c < G_N_ELEMENTS (criteria); c++)
    if (g_str_equal (criteria[c].key, key))
      return (int) c;
  return -1;
}

static SwInspection *
from_row (sqlite3_stmt *stmt)
{
  SwInspection *i = g_new0 (SwInspection, 1);
  g_autoptr(JsonNode) scores = json_from_string ((const char *) sqlite3_column_text (stmt, 5), NULL);
  g_autoptr(JsonNode) cases = json_from_string ((const char *) sqlite3_column_text (stmt, 6), NULL);
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

  i->id = _sw_column_dup (stmt, 0);
  i->date = _sw_column_dup (stmt, 1);
  i->department = _sw_column_dup (stmt, 2);
  i->inspector = _sw_column_dup (stmt, 3);
  i->summary = _sw_column_dup (stmt, 4);
  i->created_at = sqlite3_column_int64 (stmt, 7);
  for (guint c = 0; c < G_N_ELEMENTS (i->scores); c++)
    i->scores[c] = -1;
  if (scores && JSON_NODE_HOLDS_OBJECT (scores))
    for (guint c = 0; c < G_N_ELEMENTS (criteria); c++)
      i->scores[c] = json_object_get_int_member_with_default (json_node_get_object (scores), criteria[c].key, -1);
  if (cases && JSON_NODE_HOLDS_ARRAY (cases))
    for (guint n = 0; n < json_array_get_length (json_node_get_array (cases)); n++)
      g_strv_builder_add (b, json_array_get_string_element (json_node_get_array (cases), n));
  i->cases = g_strv_builder_end (b);
  return i;
}

static gboolean
parse_scores (const char *const  *items,
              int                *scores,
              GError            **error)
{
  for (guint n = 0; items && items[n]; n++)
    {
      g_auto(GStrv) kv = g_strsplit (items[n], "=", 2);
      int c = kv[0] ? criterion_index (kv[0]) : -1;
      guint64 v;

      if (c < 0 || kv[1] == NULL ||
          !g_ascii_string_to_unsigned (kv[1], 10, 0, SW_INSPECTION_MAX_SCORE, &v, NULL))
        {
          g_autoptr(GString) names = g_string_new (NULL);
          for (guint k = 0; k < G_N_ELEMENTS (criteria); k++)
            g_string_append_printf (names, "%s%s", k ? ", " : "", criteria[k].key);
          g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
                       _("“%s” is not a score: write CRITERION=N with N from 0 to %d; the criteria are %s"),
                       items[n], SW_INSPECTION_MAX_SCORE, names->str);
          return FALSE;
        }
      scores[c] = (int) v;
    }
  return TRUE;
}

static char *
scores_json (const int *scores)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  for (guint c = 0; c < G_N_ELEMENTS (criteria); c++)
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
cases_json (SwStore            *store,
            const char *const  *refs,
            GError            **error)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (b);
  for (guint n = 0; refs && refs[n]; n++)
    {
      g_autoptr(SwCase) c = sw_store_get_case (store, refs[n], error);
      if (c == NULL)
        return NULL;
      json_builder_add_string_value (b, sw_case_get_number (c));
    }
  json_builder_end_array (b);
  root = json_builder_get_root (b);
  return json_to_string (root, FALSE);
}

SwInspection *
sw_inspection_add (SwStore            *store,
                   const char         *actor_empno,
                   const char         *date,
                   const char         *department,
                   const char         *summary,
                   const char *const  *scores,
                   const char *const  *cases,
                   GError            **error)
{
  g_autoptr(SwStaff) actor = actor_empno ? sw_store_get_staff (store, actor_empno) : NULL;
  g_autoptr(SwDepartment) dept = department ? sw_store_get_department (store, department) : NULL;
  g_autofree char *scores_text = NULL, *cases_text = NULL, *id = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (summary ? summary : ""));
  int values[G_N_ELEMENTS (((SwInspection *) 0)->scores)];
  int y, m, d;
  char tail;
  sqlite3_stmt *stmt;

  if (actor == NULL)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_FORBIDDEN, _("Who is acting? Name the acting user (--as EMPNO)."));
      return NULL;
    }
  if (actor->role != SW_ROLE_INSPECTOR && actor->role != SW_ROLE_SUPERVISOR && actor->role != SW_ROLE_ADMIN)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_FORBIDDEN,
                   _("%s (%s) may not write inspection records: only inspectors, supervisors and administrators can"),
                   actor->name, actor->empno);
      return NULL;
    }
  if (dept == NULL)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_NOT_FOUND, _("There is no department “%s”"), department ? department : "");
      return NULL;
    }
  if (date == NULL || sscanf (date, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || !g_date_valid_dmy (d, m, y))
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID, _("“%s” is not a date like 2026-01-31"), date ? date : "");
      return NULL;
    }
  if (*trimmed == '\0')
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID, _("The inspection summary is required"));
      return NULL;
    }
  for (guint c = 0; c < G_N_ELEMENTS (values); c++)
    values[c] = -1;
  if (!parse_scores (scores, values, error) || (cases_text = cases_json (store, cases, error)) == NULL)
    return NULL;
  scores_text = scores_json (values);
  id = sw_uuid7_new (sw_store_now (store));

  stmt = _sw_store_prepare (store,
      "INSERT INTO inspections (" COLUMNS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
  if (stmt == NULL)
    return NULL;
  _sw_bind_text (stmt, 1, id);
  _sw_bind_text (stmt, 2, date);
  _sw_bind_text (stmt, 3, dept->code);
  _sw_bind_text (stmt, 4, actor->empno);
  _sw_bind_text (stmt, 5, trimmed);
  _sw_bind_text (stmt, 6, scores_text);
  _sw_bind_text (stmt, 7, cases_text);
  sqlite3_bind_int64 (stmt, 8, sw_store_now (store));
  if (!_sw_store_step_done (store, stmt, error))
    return NULL;
  return sw_store_get_inspection (store, id, error);
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
