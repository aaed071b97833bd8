/* sw-server-sqlite-directory.c — directory edits sent by the offices:
 * checked like the store checks them, scoped to the sender's branch, the
 * later edit of a row winning, applied in one transaction that raises the
 * directory's version.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-calendar.h"
#include "sw-store-directory-rows.h"
#include "sw-error.h"
#include "sw-server-sqlite-private.h"
#include "sw-template.h"
#include "sw-types.h"

typedef struct {
  SwStore        *store;
  SwServerDevice *device;
  const char     *key;
  JsonObject     *row;      /* NULL: a removal */
  const char     *code;     /* set by refuse (): "forbidden" or "invalid_row" */
  char           *message;
} Change;

typedef gboolean (*CheckFunc) (Change *c);

static gboolean
refuse (Change     *c,
        const char *code,
        char       *message)
{
  c->code = code;
  c->message = message;
  return FALSE;
}

static const char *
text (JsonObject *row,
      const char *col)
{
  JsonNode *n = row ? json_object_get_member (row, col) : NULL;

  return n && json_node_get_value_type (n) == G_TYPE_STRING ? json_node_get_string (n) : NULL;
}

static gboolean
blank (const char *s)
{
  g_autofree char *copy = g_strstrip (g_strdup (s ? s : ""));

  return *copy == '\0';
}

static gboolean
require (Change     *c,
         const char *col)
{
  if (!blank (text (c->row, col)))
    return TRUE;
  return refuse (c, "invalid_row", g_strdup_printf (_("“%s” must not be empty"), col));
}

static gboolean
valid_name (Change      *c,
            const char  *col,
            int        (*from_string) (const char *))
{
  const char *v = text (c->row, col);

  if (c->row == NULL || !json_object_has_member (c->row, col) || (v != NULL && from_string (v) >= 0))
    return TRUE;
  return refuse (c, "invalid_row", g_strdup_printf (_("“%s” is not a valid value of “%s”"), v ? v : "", col));
}

/* The branch a row belongs to (sql: one parameter, the key); "" when there
 * is no such row, NULL when the database could not say. */
static char *
branch_of (SwStore    *store,
           const char *sql,
           const char *key)
{
  sqlite3_stmt *stmt = _sw_store_prepare (store, sql, NULL);
  char *branch = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  if (key == NULL)
    return g_strdup ("");
  _sw_bind_text (stmt, 1, key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    branch = _sw_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return NULL;
  return branch ? branch : g_strdup ("");
}

#define DEPARTMENT_BRANCH "SELECT coalesce (branch_code, '?') FROM departments WHERE code = ?1"

static gboolean
own_branch (Change     *c,
            const char *branch,
            const char *what)
{
  /* not known to be the sender's: refused (to be tried again), not let through */
  if (branch == NULL)
    return refuse (c, "forbidden",
                   g_strdup_printf (_("The server could not check which branch “%s” belongs to; try again later"), what));
  if (*branch == '\0' || g_strcmp0 (branch, c->device->branch_code) == 0)
    return TRUE;
  return refuse (c, "forbidden",
                 g_strdup_printf (_("“%s” belongs to another branch; only its own devices may change it"), what));
}

/* The department named in the row must exist and be the sender's. */
static gboolean
own_department (Change     *c,
                const char *col,
                gboolean    optional)
{
  const char *dept = text (c->row, col);
  g_autofree char *branch = NULL;

  if (dept == NULL && optional)
    return TRUE;
  branch = branch_of (c->store, DEPARTMENT_BRANCH, dept);
  if (branch != NULL && *branch == '\0')
    return refuse (c, "invalid_row", g_strdup_printf (_("There is no department “%s”"), dept ? dept : ""));
  return own_branch (c, branch, dept);
}

static gboolean
check_branch (Change *c)
{
  JsonNode *start, *end;

  if (g_strcmp0 (c->key, c->device->branch_code) != 0)
    return own_branch (c, c->key, c->key);
  if (c->row == NULL)
    return refuse (c, "invalid_row", g_strdup (_("A branch cannot be removed")));
  start = json_object_get_member (c->row, "office_start");
  end = json_object_get_member (c->row, "office_end");
  if (start && end && json_node_get_value_type (start) == G_TYPE_INT64 &&
      json_node_get_value_type (end) == G_TYPE_INT64 && json_node_get_int (end) <= json_node_get_int (start))
    return refuse (c, "invalid_row", g_strdup (_("Office hours must end after they start")));
  return require (c, "name");
}

static gboolean
check_department (Change *c)
{
  g_autofree char *old = branch_of (c->store, DEPARTMENT_BRANCH, c->key);

  if (!own_branch (c, old, c->key))
    return FALSE;
  if (c->row == NULL)
    return TRUE;
  if (g_strcmp0 (text (c->row, "branch_code"), c->device->branch_code) != 0)
    return own_branch (c, text (c->row, "branch_code") ? text (c->row, "branch_code") : "?", c->key);
  return require (c, "name");
}

static gboolean
check_staff (Change *c)
{
  g_autofree char *old = branch_of (c->store,
      "SELECT coalesce (d.branch_code, '?') FROM staff s JOIN departments d ON d.code = s.department_code"
      " WHERE s.empno = ?1", c->key);

  if (!own_branch (c, old, c->key))
    return FALSE;
  if (c->row == NULL)
    return TRUE;
  return require (c, "name") && own_department (c, "department_code", FALSE) &&
         valid_name (c, "role", sw_role_from_string) && valid_name (c, "kind", sw_staff_kind_from_string) &&
         valid_name (c, "availability", sw_availability_from_string);
}

/* A template of no department is the whole bank's: any branch may edit it. */
static gboolean
check_template (Change *c)
{
  g_autofree char *old = branch_of (c->store,
      "SELECT coalesce (d.branch_code, '?') FROM templates t JOIN departments d ON d.code = t.department_code"
      " WHERE t.id = ?1", c->key);

  if (!own_branch (c, old, c->key))
    return FALSE;
  if (c->row == NULL)
    return TRUE;
  return valid_name (c, "kind", sw_template_kind_from_string) && require (c, "matter") &&
         require (c, "body") && own_department (c, "department_code", TRUE);
}

static gboolean
check_policy (Change *c)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwPolicy) policy = NULL;

  if (c->row == NULL)
    return refuse (c, "invalid_row", g_strdup (_("A policy version cannot be removed")));
  if (!require (c, "data"))
    return FALSE;
  policy = sw_policy_new_from_json (1, 0, NULL, text (c->row, "data"), &error);
  if (policy == NULL)
    return refuse (c, "invalid_row", g_strdup (error->message));
  return TRUE;
}

static gboolean
check_calendar_day (Change *c)
{
  const char *kind = text (c->row, "kind");

  if (!sw_calendar_date_is_valid (c->key))
    return refuse (c, "invalid_row",
                   g_strdup_printf (_("“%s” is not a date; write it as YYYY-MM-DD"), c->key));
  if (c->row != NULL && g_strcmp0 (kind, "holiday") != 0 && g_strcmp0 (kind, "workday") != 0)
    return refuse (c, "invalid_row", g_strdup (_("A calendar day is a holiday or a workday")));
  return TRUE;
}

/* A credential is its person's: the sender's branch's staff only, and a
 * hash made by crypto_pwhash_str (never a password). */
static gboolean
check_credential (Change *c)
{
  g_autofree char *branch = branch_of (c->store,
      "SELECT coalesce (d.branch_code, '?') FROM staff s JOIN departments d ON d.code = s.department_code"
      " WHERE s.empno = ?1", c->key);
  const char *hash = text (c->row, "hash");

  if (branch != NULL && *branch == '\0')
    return refuse (c, "invalid_row", g_strdup_printf (_("There is no staff member “%s”"), c->key));
  if (!own_branch (c, branch, c->key))
    return FALSE;
  if (c->row == NULL)
    return refuse (c, "invalid_row", g_strdup (_("A password cannot be removed")));
  if (hash != NULL && !g_str_has_prefix (hash, "$argon2id$"))
    return refuse (c, "invalid_row", g_strdup (_("A password travels only as an Argon2id hash")));
  return TRUE;
}

static const struct {
  const char *table;
  CheckFunc   check;
} checks[] = {
  { "branches", check_branch },
  { "departments", check_department },
  { "staff", check_staff },
  { "templates", check_template },
  { "policies", check_policy },
  { "calendar_days", check_calendar_day },
  { "staff_credentials", check_credential },
};

/* ------------------------------------------------------------ structure */

static gboolean
malformed (GError     **error,
           guint        index,
           const char  *what)
{
  g_set_error (error, SW_PROTOCOL_ERROR, SW_PROTOCOL_ERROR_INVALID_REQUEST,
               _("Change %u is malformed: %s"), index, what);
  return FALSE;
}

/* Every change is {"seq", "table", "key", "row": {…}|null, "at"}; a row
 * names known columns with scalar values, its key among them. */
static gboolean
check_structure (SwStore     *store,
                 JsonArray   *changes,
                 GError     **error)
{
  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonNode *n = json_array_get_element (changes, i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
      JsonNode *seq, *at, *row, *key;
      const SwDirectoryTable *t;
      g_autoptr(GPtrArray) cols = NULL;
      g_autoptr(GList) members = NULL;

      if (o == NULL)
        return malformed (error, i, _("not an object"));
      seq = json_object_get_member (o, "seq");
      at = json_object_get_member (o, "at");
      row = json_object_get_member (o, "row");
      key = json_object_get_member (o, "key");
      if (seq == NULL || json_node_get_value_type (seq) != G_TYPE_INT64 ||
          at == NULL || json_node_get_value_type (at) != G_TYPE_INT64)
        return malformed (error, i, _("“seq” and “at” must be numbers"));
      if ((t = _sw_directory_table (json_object_get_string_member_with_default (o, "table", NULL))) == NULL)
        return malformed (error, i, _("unknown table"));
      if (key == NULL || json_node_get_value_type (key) != G_TYPE_STRING)
        return malformed (error, i, _("“key” must be a string"));
      if (row == NULL || JSON_NODE_HOLDS_NULL (row))
        continue;
      if (!JSON_NODE_HOLDS_OBJECT (row))
        return malformed (error, i, _("“row” must be an object or null"));
      cols = _sw_directory_columns (store, t->table);
      members = json_object_get_members (json_node_get_object (row));
      for (GList *m = members; m != NULL; m = m->next)
        {
          JsonNode *v = json_object_get_member (json_node_get_object (row), m->data);
          gboolean known = FALSE;

          for (guint k = 0; k < cols->len && !known; k++)
            known = g_str_equal (g_ptr_array_index (cols, k), m->data);
          if (!known)
            return malformed (error, i, _("a column this table does not have"));
          if (!JSON_NODE_HOLDS_NULL (v) && !JSON_NODE_HOLDS_VALUE (v))
            return malformed (error, i, _("a value that is not a string, number or null"));
        }
      {
        JsonNode *k = json_object_get_member (json_node_get_object (row), t->key);
        g_autofree char *kv = NULL;

        if (k == NULL || !JSON_NODE_HOLDS_VALUE (k))
          return malformed (error, i, _("the row lacks its key"));
        kv = json_node_get_value_type (k) == G_TYPE_INT64
             ? g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (k))
             : g_strdup (json_node_get_string (k));
        if (g_strcmp0 (kv, json_node_get_string (key)) != 0)
          return malformed (error, i, _("the row's key differs from “key”"));
      }
    }
  return TRUE;
}

/* ------------------------------------------------------------ applying */

static gint64
stamp_of (SwStore    *store,
          const char *table,
          const char *key)
{
  sqlite3_stmt *stmt = _sw_store_prepare (store,
      "SELECT at FROM server_directory_stamps WHERE tbl = ?1 AND key = ?2", NULL);
  gint64 at = G_MININT64;

  if (stmt == NULL)
    return at;
  _sw_bind_text (stmt, 1, table);
  _sw_bind_text (stmt, 2, key);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    at = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return at;
}

static gboolean
set_stamp (SwStore     *store,
           const char  *table,
           const char  *key,
           gint64       at,
           const char  *device_id,
           GError     **error)
{
  sqlite3_stmt *stmt = _sw_store_prepare (store,
      "INSERT OR REPLACE INTO server_directory_stamps (tbl, key, at, device_id) VALUES (?1, ?2, ?3, ?4)",
      error);

  if (stmt == NULL)
    return FALSE;
  _sw_bind_text (stmt, 1, table);
  _sw_bind_text (stmt, 2, key);
  sqlite3_bind_int64 (stmt, 3, at);
  _sw_bind_text (stmt, 4, device_id);
  return _sw_store_step_done (store, stmt, error);
}

/* Versions made at two offices may share a number: the later one gets the
 * next free number (a version with the same text is the same version).
 * Returns the row to store (a new reference), NULL for a duplicate. */
static JsonObject *
place_policy (SwStore    *store,
              JsonObject *row)
{
  sqlite3_stmt *stmt = _sw_store_prepare (store,
      "SELECT (SELECT data FROM policies WHERE version = ?1), coalesce (max (version), 0) FROM policies", NULL);
  gint64 version = json_object_get_int_member (row, "version");
  const char *data = NULL;
  JsonObject *placed = NULL;

  if (stmt == NULL)
    return json_object_ref (row);
  sqlite3_bind_int64 (stmt, 1, version);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    data = (const char *) sqlite3_column_text (stmt, 0);
  if (data == NULL)
    placed = json_object_ref (row);
  else if (g_strcmp0 (data, text (row, "data")) != 0)
    {
      g_autoptr(GList) members = json_object_get_members (row);

      placed = json_object_new ();
      for (GList *m = members; m != NULL; m = m->next)
        json_object_set_member (placed, m->data, json_node_copy (json_object_get_member (row, m->data)));
      json_object_set_int_member (placed, "version", sqlite3_column_int64 (stmt, 1) + 1);
    }
  sqlite3_reset (stmt);
  return placed;
}

static SwDirectoryResult *
apply_one (SwServerSqlite  *self,
           SwServerDevice  *device,
           JsonObject      *o,
           gint64           now,
           GError         **error)
{
  SwDirectoryResult *r = g_new0 (SwDirectoryResult, 1);
  const SwDirectoryTable *t = _sw_directory_table (json_object_get_string_member (o, "table"));
  JsonNode *row = json_object_get_member (o, "row");
  Change c = { self->store, device, json_object_get_string_member (o, "key"),
               row && JSON_NODE_HOLDS_OBJECT (row) ? json_node_get_object (row) : NULL };
  /* a clock running ahead must not win every later edit */
  gint64 at = MIN (json_object_get_int_member (o, "at"), now);
  g_autoptr(GError) local = NULL;
  g_autoptr(JsonObject) placed = NULL;
  gboolean duplicate = FALSE, ok = TRUE;

  r->seq = json_object_get_int_member (o, "seq");
  for (guint i = 0; i < G_N_ELEMENTS (checks) && ok; i++)
    if (g_str_equal (checks[i].table, t->table))
      ok = checks[i].check (&c);
  if (!ok)
    {
      r->status = SW_DIRECTORY_REFUSED;
      r->code = c.code;
      r->message = c.message;
      return r;
    }
  if (!t->insert_only && stamp_of (self->store, t->table, c.key) > at)
    {
      r->status = SW_DIRECTORY_STALE;
      return r;
    }
  if (t->insert_only)
    duplicate = (placed = place_policy (self->store, c.row)) == NULL;
  if (duplicate)
    ok = TRUE;
  else if (c.row == NULL)
    ok = _sw_directory_delete_row (self->store, t, c.key, &local);
  else
    {
      g_autoptr(GPtrArray) columns = _sw_directory_columns (self->store, t->table);
      ok = _sw_directory_put_row (self->store, t, columns, placed ? placed : c.row, &local);
    }
  if (!ok && !g_error_matches (local, SW_ERROR, SW_ERROR_INVALID) &&
      !g_error_matches (local, SW_ERROR, SW_ERROR_EXISTS))
    {
      /* the server's own trouble (a full disk): not the edit's fault */
      g_propagate_error (error, g_steal_pointer (&local));
      sw_directory_result_free (r);
      return NULL;
    }
  if (!ok)
    {
      /* a constraint of the schema (a department that still has staff…) */
      r->status = SW_DIRECTORY_REFUSED;
      r->code = "invalid_row";
      r->message = g_strdup_printf (_("The row does not fit the directory: %s"),
                                    local ? local->message : "");
      return r;
    }
  r->status = duplicate ? SW_DIRECTORY_STALE : SW_DIRECTORY_APPLIED;
  if (!t->insert_only && !set_stamp (self->store, t->table, c.key, at, device->device_id, error))
    g_clear_pointer (&r, sw_directory_result_free);
  return r;
}

gboolean
_sw_server_sqlite_own_directory_edit (SwServerSqlite  *self,
                                      const char      *table,
                                      const char      *key,
                                      GError         **error)
{
  g_autofree char *v = sw_store_get_meta (self->store, SW_META_DIRECTORY_VERSION);
  g_autofree char *next = g_strdup_printf ("%" G_GINT64_FORMAT, (v ? g_ascii_strtoll (v, NULL, 10) : 0) + 1);

  return set_stamp (self->store, table, key, sw_store_now (self->store), NULL, error) &&
         sw_store_set_meta (self->store, SW_META_DIRECTORY_VERSION, next, error);
}

GPtrArray *
_sw_server_sqlite_push_directory (SwServerStorage  *storage,
                                  SwServerDevice   *device,
                                  JsonArray        *changes,
                                  gint64            now,
                                  gint64           *version,
                                  GError          **error)
{
  SwServerSqlite *self = SW_SERVER_SQLITE (storage);
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify) sw_directory_result_free);
  g_autofree char *v = sw_store_get_meta (self->store, SW_META_DIRECTORY_VERSION);
  guint applied = 0;

  *version = v ? g_ascii_strtoll (v, NULL, 10) : 0;
  if (sw_access_device_writes (sw_server_device_access (device)) != SW_ACCESS_OK)
    {
      g_set_error_literal (error, SW_PROTOCOL_ERROR, SW_PROTOCOL_ERROR_FORBIDDEN,
                           _("An inspector's device cannot change the directory"));
      return NULL;
    }
  if (!check_structure (self->store, changes, error) ||
      !sw_store_begin (self->store, error))
    return NULL;
  if (!_sw_directory_mute (self->store, TRUE, error))
    goto fail;
  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      SwDirectoryResult *r = apply_one (self, device, json_array_get_object_element (changes, i), now, error);

      if (r == NULL)
        goto fail;
      applied += r->status == SW_DIRECTORY_APPLIED;
      g_ptr_array_add (results, r);
    }
  if (applied > 0)
    {
      g_autofree char *next = g_strdup_printf ("%" G_GINT64_FORMAT, ++*version);

      if (!sw_store_set_meta (self->store, SW_META_DIRECTORY_VERSION, next, error))
        goto fail;
    }
  if (!_sw_directory_mute (self->store, FALSE, error) || !sw_store_commit (self->store, error))
    goto fail;
  _sw_store_drop_caches (self->store);
  return g_steal_pointer (&results);

fail:
  sw_store_rollback (self->store);
  return NULL;
}
