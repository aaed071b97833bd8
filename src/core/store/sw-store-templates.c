/* sw-store-templates.c — standard answers and materials lists
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-access.h"
#include "sw-error.h"
#include "sw-fields.h"
#include "sw-models-private.h"
#include "sw-store-audit.h"
#include "sw-store-private.h"
#include "sw-store-templates.h"
#include "sw-template-private.h"
#include "sw-uuid.h"

#define TEMPLATE_COLUMNS \
  "id, kind, matter, department_code, keywords, body, active, updated_at, updated_by, limit_days"

typedef struct {
  SwTemplate *tmpl;
  guint       hits;
  gboolean    own;
} Ranked;

static SwTemplate *
template_from_row (sqlite3_stmt *stmt)
{
  SwTemplate *t = g_object_new (SW_TYPE_TEMPLATE, NULL);

  t->id = _sw_column_dup (stmt, 0);
  t->kind = MAX (sw_template_kind_from_string ((const char *) sqlite3_column_text (stmt, 1)), 0);
  t->matter = _sw_column_dup (stmt, 2);
  t->department_code = _sw_column_dup (stmt, 3);
  t->keywords = _sw_column_dup (stmt, 4);
  t->body = _sw_column_dup (stmt, 5);
  t->active = sqlite3_column_int (stmt, 6) != 0;
  t->updated_at = sqlite3_column_int64 (stmt, 7);
  t->updated_by = _sw_column_dup (stmt, 8);
  t->limit_days = sqlite3_column_int (stmt, 9);
  return t;
}

static gboolean
is_blank (const char *s)
{
  for (; s != NULL && *s != '\0'; s = g_utf8_next_char (s))
    if (!g_unichar_isspace (g_utf8_get_char (s)))
      return FALSE;
  return TRUE;
}

/* Keyword hits first, then the department's own, then the matter's order. */
static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *x = a, *y = b;
  int order;

  if (x->hits != y->hits)
    return x->hits > y->hits ? -1 : 1;
  if (x->own != y->own)
    return x->own ? -1 : 1;
  if ((order = g_utf8_collate (x->tmpl->matter, y->tmpl->matter)) != 0)
    return order;
  return g_strcmp0 (x->tmpl->id, y->tmpl->id);
}

GListModel *
sw_store_find_templates (SwStore                *self,
                         const SwTemplateQuery  *query,
                         GError                **error)
{
  g_autoptr(GArray) ranked = g_array_new (FALSE, FALSE, sizeof (Ranked));
  GListStore *list;
  sqlite3_stmt *stmt = _sw_store_prepare (self,
      "SELECT " TEMPLATE_COLUMNS " FROM templates"
      " WHERE (?1 IS NULL OR kind = ?1) AND (?2 OR active)"
      " ORDER BY kind, matter, id", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  _sw_bind_text (stmt, 1, query->kind >= 0 ? sw_template_kind_to_string (query->kind) : NULL);
  sqlite3_bind_int (stmt, 2, query->include_retired);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SwTemplate *t = template_from_row (stmt);
      Ranked r = { t, 0, FALSE };

      if (!sw_template_matches (t, query->text))
        {
          g_object_unref (t);
          continue;
        }
      r.hits = sw_template_count_hits (t, query->content);
      r.own = query->department != NULL && g_strcmp0 (t->department_code, query->department) == 0;
      g_array_append_val (ranked, r);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      for (guint i = 0; i < ranked->len; i++)
        g_object_unref (g_array_index (ranked, Ranked, i).tmpl);
      _sw_store_fail (self, error);
      return NULL;
    }
  if (query->content != NULL || query->department != NULL)
    g_array_sort (ranked, compare_ranked);

  list = g_list_store_new (SW_TYPE_TEMPLATE);
  {
    g_autoptr(GPtrArray) items = g_ptr_array_new_full (ranked->len, g_object_unref);

    for (guint i = 0; i < ranked->len; i++)
      g_ptr_array_add (items, g_array_index (ranked, Ranked, i).tmpl);
    g_list_store_splice (list, 0, 0, items->pdata, items->len);
  }
  return G_LIST_MODEL (list);
}

SwTemplate *
sw_store_get_template (SwStore     *self,
                       const char  *id,
                       GError     **error)
{
  sqlite3_stmt *stmt = _sw_store_prepare (self,
      "SELECT " TEMPLATE_COLUMNS " FROM templates WHERE id = ?1", error);
  SwTemplate *t = NULL;

  if (stmt == NULL)
    return NULL;
  _sw_bind_text (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    t = template_from_row (stmt);
  sqlite3_reset (stmt);
  if (t == NULL)
    g_set_error (error, SW_ERROR, SW_ERROR_NOT_FOUND, _("There is no template “%s”"), id ? id : "");
  return t;
}

gboolean
sw_store_may_edit_template (SwStore     *self,
                            const char  *actor,
                            const char  *department_code,
                            GError     **error)
{
  g_autoptr(SwStaff) s = NULL;
  SwAccessReason refused;

  if (actor == NULL || *actor == '\0')
    {
      g_set_error_literal (error, SW_ERROR, SW_ERROR_FORBIDDEN,
                           _("Who is acting? Name the acting user (--as EMPNO)."));
      return FALSE;
    }
  if ((s = sw_store_get_staff (self, actor)) == NULL)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_NOT_FOUND, _("There is no staff member “%s”"), actor);
      return FALSE;
    }
  refused = sw_access_edit_template (s, department_code);
  if (refused == SW_ACCESS_OK)
    return TRUE;
  if (refused == SW_ACCESS_OWN_DEPARTMENT_ONLY)
    g_set_error (error, SW_ERROR, SW_ERROR_FORBIDDEN,
                 _("%s (%s) may edit only the templates of their own department"),
                 s->name, s->empno);
  else
    g_set_error (error, SW_ERROR, SW_ERROR_FORBIDDEN,
                 _("%s (%s) may not edit standard answers and materials lists: only supervisors, department heads and administrators can"),
                 s->name, s->empno);
  return FALSE;
}

static gboolean
check_template (SwStore     *self,
                SwTemplate  *t,
                GError     **error)
{
  g_autoptr(SwDepartment) d = NULL;
  sqlite3_stmt *stmt;
  gboolean taken;

  if (t->kind < 0 || t->kind >= SW_N_TEMPLATE_KINDS)
    {
      g_set_error_literal (error, SW_ERROR, SW_ERROR_INVALID,
                           _("A template is either a standard answer or a materials list"));
      return FALSE;
    }
  if (is_blank (t->matter))
    {
      g_set_error_literal (error, SW_ERROR, SW_ERROR_INVALID, _("Name the matter the template is for"));
      return FALSE;
    }
  if (is_blank (t->body))
    {
      g_set_error_literal (error, SW_ERROR, SW_ERROR_INVALID,
                           t->kind == SW_TEMPLATE_ANSWER ? _("The text of the answer is required")
                                                         : _("List at least one material or step"));
      return FALSE;
    }
  if (t->department_code != NULL && (d = sw_store_get_department (self, t->department_code)) == NULL)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_NOT_FOUND, _("There is no department “%s”"), t->department_code);
      return FALSE;
    }
  stmt = _sw_store_prepare (self,
      "SELECT 1 FROM templates WHERE kind = ?1 AND matter = ?2 AND department_code IS ?3"
      " AND id IS NOT ?4 AND active", error);
  if (stmt == NULL)
    return FALSE;
  _sw_bind_text (stmt, 1, sw_template_kind_to_string (t->kind));
  _sw_bind_text (stmt, 2, t->matter);
  _sw_bind_text (stmt, 3, t->department_code);
  _sw_bind_text (stmt, 4, t->id);
  taken = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (taken)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_EXISTS,
                   t->kind == SW_TEMPLATE_ANSWER ? _("There is already a standard answer for “%s”")
                                                 : _("There is already a materials list for “%s”"),
                   t->matter);
      return FALSE;
    }
  return TRUE;
}

static void
tidy (SwTemplate *t)
{
  if (t->department_code != NULL && *t->department_code == '\0')
    g_clear_pointer (&t->department_code, g_free);
  if (t->matter != NULL)
    g_strstrip (t->matter);
  if (t->keywords != NULL)
    g_strstrip (t->keywords);
  if (t->body != NULL)
    g_strchomp (t->body);
}

gboolean
sw_store_save_template (SwStore     *self,
                        SwTemplate  *tmpl,
                        const char  *actor,
                        GError     **error)
{
  g_autoptr(SwTemplate) t = sw_template_copy (tmpl);
  g_autoptr(SwTemplate) old = NULL;
  sqlite3_stmt *stmt;

  tidy (t);
  if (t->id != NULL && (old = sw_store_get_template (self, t->id, NULL)) != NULL &&
      !sw_store_may_edit_template (self, actor, old->department_code, error))
    return FALSE;
  /* The old department's check already answered for an unchanged one. */
  if ((old == NULL || g_strcmp0 (old->department_code, t->department_code) != 0) &&
      !sw_store_may_edit_template (self, actor, t->department_code, error))
    return FALSE;
  if (!check_template (self, t, error))
    return FALSE;
  if (t->id == NULL)
    t->id = sw_uuid7_new (sw_store_now (self));
  sw_set_str (&t->updated_by, actor);
  t->updated_at = sw_store_now (self);

  stmt = _sw_store_prepare (self,
      "INSERT INTO templates (" TEMPLATE_COLUMNS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
      "ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, matter = excluded.matter,"
      " department_code = excluded.department_code, keywords = excluded.keywords,"
      " body = excluded.body, active = excluded.active, updated_at = excluded.updated_at,"
      " updated_by = excluded.updated_by, limit_days = excluded.limit_days", error);
  if (stmt == NULL)
    return FALSE;
  _sw_bind_text (stmt, 1, t->id);
  _sw_bind_text (stmt, 2, sw_template_kind_to_string (t->kind));
  _sw_bind_text (stmt, 3, t->matter);
  _sw_bind_text (stmt, 4, t->department_code);
  _sw_bind_text (stmt, 5, t->keywords);
  _sw_bind_text (stmt, 6, t->body);
  sqlite3_bind_int (stmt, 7, t->active);
  sqlite3_bind_int64 (stmt, 8, t->updated_at);
  _sw_bind_text (stmt, 9, t->updated_by);
  sqlite3_bind_int (stmt, 10, t->limit_days);
  if (!sw_store_begin (self, error))
    return FALSE;
  if (!_sw_store_step_done (self, stmt, error) ||
      !sw_store_audit (self, actor, SW_AUDIT_TEMPLATE_EDITED, SW_AUDIT_SUBJECT_TEMPLATE, t->id,
                       NULL, error) ||
      !sw_store_commit (self, error))
    {
      sw_store_rollback (self);
      return FALSE;
    }
  g_object_set (tmpl, "id", t->id, "matter", t->matter, "department-code", t->department_code,
                "keywords", t->keywords, "body", t->body, "updated-at", t->updated_at,
                "updated-by", t->updated_by, "limit-days", t->limit_days, NULL);
  return TRUE;
}

gboolean
sw_store_set_template_active (SwStore     *self,
                              const char  *id,
                              gboolean     active,
                              const char  *actor,
                              GError     **error)
{
  g_autoptr(SwTemplate) t = sw_store_get_template (self, id, error);

  if (t == NULL)
    return FALSE;
  if (t->active == active)
    return TRUE;
  t->active = active;
  return sw_store_save_template (self, t, actor, error);
}
