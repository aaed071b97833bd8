/* sw-ops-coordinate.c — multi-department matters (seed 002 三 2–3): the lead
 * department (主办) with its co-departments (协办), their contributions and
 * the lead's preliminary finding (初步结论)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-error.h"
#include "sw-ops-private.h"

static SwDepartment *
department (SwOp        *op,
            const char  *code,
            GError     **error)
{
  SwDepartment *d = sw_store_get_department (op->store, code);

  if (d == NULL)
    g_set_error (error, SW_ERROR, SW_ERROR_NOT_FOUND, _("There is no department “%s”"), code);
  return d;
}

/* The co-departments joined by ',': each a known department, named once,
 * none the lead. */
static char *
co_departments (SwOp               *op,
                const char         *lead,
                const char * const *codes,
                GError            **error)
{
  g_autoptr(GString) joined = g_string_new (NULL);
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      g_autofree char *code = g_strstrip (g_strdup (codes[i]));
      g_autoptr(SwDepartment) d = NULL;

      if (*code == '\0')
        continue;
      if ((d = department (op, code, error)) == NULL)
        return NULL;
      if (g_strcmp0 (d->code, lead) == 0)
        {
          g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
                       _("%s leads the matter; it cannot also be one of its co-departments"), d->name);
          return NULL;
        }
      if (g_ptr_array_find_with_equal_func (seen, d->code, g_str_equal, NULL))
        {
          g_set_error (error, SW_ERROR, SW_ERROR_INVALID, _("%s is named twice as a co-department"), d->name);
          return NULL;
        }
      g_ptr_array_add (seen, (gpointer) g_intern_string (d->code));
      g_string_append_printf (joined, "%s%s", joined->len ? "," : "", d->code);
    }
  if (joined->len == 0)
    {
      g_set_error_literal (error, SW_ERROR, SW_ERROR_INVALID,
                           _("A multi-department matter needs at least one co-department"));
      return NULL;
    }
  return g_string_free (g_steal_pointer (&joined), FALSE);
}

/* The lead's responsible person: the one named, who must work there, else
 * the department's head. */
static SwStaff *
lead_person (SwOp          *op,
             SwDepartment  *lead,
             const char    *empno,
             GError       **error)
{
  SwStaff *s;

  if ((empno == NULL || *empno == '\0') && (empno = lead->head_empno) == NULL)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
                   _("%s has no head; name the person responsible for the matter there"), lead->name);
      return NULL;
    }
  if ((s = _sw_op_require_staff (op, empno, _("The responsible person"), error)) == NULL)
    return NULL;
  if (g_strcmp0 (s->department_code, lead->code) != 0 ||
      sw_access_may_write_cases (s) == SW_ACCESS_INSPECTOR)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
                   _("The responsible person must work in the lead department; %s does not"), s->name);
      g_object_unref (s);
      return NULL;
    }
  return s;
}

SwCase *
sw_ops_coordinate (SwStore            *store,
                   const char         *actor,
                   const char         *ref,
                   const char         *lead_department,
                   const char         *responsible,
                   const char * const *co_department_codes,
                   GError            **error)
{
  g_auto(SwOp) op = { 0 };
  g_autoptr(SwCaseEvent) ev = NULL;
  g_autoptr(SwDepartment) lead = NULL;
  g_autoptr(SwStaff) person = NULL;
  g_autofree char *co = NULL;
  const char *key = NULL;
  gint64 due;

  if (!_sw_op_begin (&op, store, N_("make a multi-department matter"), actor, ref, error))
    return NULL;
  if (sw_case_get_deadline (op.row, SW_LIMIT_MULTI_DEPARTMENT, NULL) > 0)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_ILLEGAL,
                   _("Case %s is already a multi-department matter"), op.row->number);
      return NULL;
    }
  if (!_sw_op_require_event (&op, SW_EVENT_COORDINATED, error) ||
      !_sw_op_allow (&op, sw_lifecycle_event (SW_EVENT_COORDINATED)->access, error) ||
      !_sw_require_text (lead_department, _("The lead department"), error) ||
      (lead = department (&op, lead_department, error)) == NULL ||
      (co = co_departments (&op, lead->code, co_department_codes, error)) == NULL ||
      (person = lead_person (&op, lead, responsible, error)) == NULL)
    return NULL;
  ev = _sw_op_event (&op, SW_EVENT_COORDINATED);
  sw_case_event_set_string (ev, "department", lead->code);
  sw_case_event_set_string (ev, "handler", person->empno);
  sw_case_event_set_string (ev, "co_departments", co);
  /* seed 002 三 2: "在接到问题后的五个工作日内完成初步核查,形成初步结论并予以回复" */
  due = _sw_op_start_due (&op, SW_EVENT_COORDINATED, 0, op.row->received_at, &key);
  sw_case_event_set_int (ev, sw_lifecycle_limit (SW_LIMIT_MULTI_DEPARTMENT)->due_member, due);
  _sw_op_promise_due (&op, ev, SW_EVENT_COORDINATED, 0);
  return _sw_op_commit (&op, ev, error);
}

/* A multi-department matter's operation may go on: it is one. */
static gboolean
require_matter (SwOp    *op,
                GError **error)
{
  if (sw_case_get_deadline (op->row, SW_LIMIT_MULTI_DEPARTMENT, NULL) > 0)
    return TRUE;
  g_set_error (error, SW_ERROR, SW_ERROR_ILLEGAL,
               _("Case %s is not a multi-department matter"), op->row->number);
  return FALSE;
}

SwCase *
sw_ops_contribute (SwStore     *store,
                   const char  *actor,
                   const char  *ref,
                   const char  *for_department,
                   const char  *text,
                   GError     **error)
{
  g_auto(SwOp) op = { 0 };
  g_autoptr(SwCaseEvent) ev = NULL;
  const char *code;

  if (!_sw_op_begin (&op, store, N_("record a co-department’s contribution"), actor, ref, error) ||
      !require_matter (&op, error) ||
      !_sw_op_require_event (&op, SW_EVENT_CONTRIBUTED, error) ||
      !_sw_op_allow (&op, sw_lifecycle_event (SW_EVENT_CONTRIBUTED)->access, error) ||
      !_sw_require_text (text, _("The co-department’s contribution"), error))
    return NULL;
  /* the acting person's department, or the one they record it for */
  code = for_department != NULL && *for_department ? for_department : op.actor->department_code;
  if (!sw_case_has_co_department (op.row, code))
    {
      g_autoptr(SwDepartment) d = sw_store_get_department (store, code);

      g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
                   _("%s is not a co-department of case %s"), d ? d->name : code, op.row->number);
      return NULL;
    }
  ev = _sw_op_event (&op, SW_EVENT_CONTRIBUTED);
  sw_case_event_set_string (ev, "department", code);
  sw_case_event_set_string (ev, "text", text);
  return _sw_op_commit (&op, ev, error);
}

SwCase *
sw_ops_preliminary_finding (SwStore     *store,
                            const char  *actor,
                            const char  *ref,
                            const char  *text,
                            GError     **error)
{
  g_auto(SwOp) op = { 0 };
  g_autoptr(SwCaseEvent) ev = NULL;
  gint64 met = 0;

  if (!_sw_op_begin (&op, store, N_("give the preliminary finding"), actor, ref, error) ||
      !require_matter (&op, error))
    return NULL;
  sw_case_get_deadline (op.row, SW_LIMIT_MULTI_DEPARTMENT, &met);
  if (met > 0)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_ILLEGAL,
                   _("The preliminary finding on case %s was already given"), op.row->number);
      return NULL;
    }
  if (!_sw_op_require_event (&op, SW_EVENT_PRELIMINARY_FINDING, error) ||
      !_sw_op_allow (&op, sw_lifecycle_event (SW_EVENT_PRELIMINARY_FINDING)->access, error) ||
      !_sw_require_text (text, _("The preliminary finding"), error))
    return NULL;
  ev = _sw_op_event (&op, SW_EVENT_PRELIMINARY_FINDING);
  sw_case_event_set_string (ev, "department", op.row->handler_department);
  sw_case_event_set_string (ev, "text", text);
  return _sw_op_commit (&op, ev, error);
}
