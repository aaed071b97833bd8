/* sw-finding-record.c — findings recorded by hand and reviewed: who may, and what each needs
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-access.h"
#include "sw-error.h"
#include "sw-finding.h"
#include "sw-models-private.h"
#include "sw-store-accountability.h"
#include "sw-uuid.h"

static SwStaff *
require_actor (SwStore     *store,
               const char  *actor,
               GError     **error)
{
  SwStaff *s;

  if (actor == NULL || *actor == '\0')
    {
      g_set_error (error, SW_ERROR, SW_ERROR_FORBIDDEN,
                   _("Who is acting? Name the acting user (--as EMPNO)."));
      return NULL;
    }
  if ((s = sw_store_get_staff (store, actor)) == NULL)
    g_set_error (error, SW_ERROR, SW_ERROR_NOT_FOUND, _("There is no staff member “%s”"), actor);
  return s;
}

static gboolean
has_text (const char *s)
{
  g_autofree char *copy = g_strstrip (g_strdup (s ? s : ""));
  return *copy != '\0';
}

static const char *
default_source (SwStaff *actor)
{
  switch (actor->role)
    {
    case SW_ROLE_INSPECTOR: return "inspection";
    case SW_ROLE_SUPERVISOR: return "spot_check";
    default: return "complaint";
    }
}

SwFinding *
sw_finding_add (SwStore               *store,
                const char            *actor_empno,
                const SwFindingInput  *in,
                GError               **error)
{
  g_autoptr(SwStaff) actor = NULL;
  g_autoptr(SwStaff) person = NULL;
  g_autoptr(SwCase) c = NULL;
  g_autoptr(SwFinding) f = NULL;
  gboolean is_new;

  if ((actor = require_actor (store, actor_empno, error)) == NULL)
    return NULL;
  if (sw_access_record_finding (actor) != SW_ACCESS_OK)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_FORBIDDEN,
                   _("%s (%s) may not record findings: %s"),
                   actor->name, actor->empno, sw_access_reason_message (sw_access_record_finding (actor)));
      return NULL;
    }
  if (!has_text (in->person) || (person = sw_store_get_staff (store, in->person)) == NULL)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_NOT_FOUND, _("There is no staff member “%s”"),
                   in->person ? in->person : "");
      return NULL;
    }
  if (sw_finding_find_rule (in->rule) == NULL)
    {
      g_autoptr(GString) names = g_string_new (NULL);
      guint n;
      const SwRuleInfo *r = sw_finding_rules (&n);

      for (guint i = 0; i < n; i++)
        g_string_append_printf (names, "%s%s", i ? ", " : "", r[i].name);
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID, _("There is no rule “%s”; the rules are: %s"),
                   in->rule ? in->rule : "", names->str);
      return NULL;
    }
  if (in->source != NULL && (!sw_finding_source_is_valid (in->source) ||
                             g_str_equal (in->source, "detected")))
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
                   _("“%s” is not a source of a recorded finding; use complaint, hotline, suggestion_box, spot_check, inspection or superior"),
                   in->source);
      return NULL;
    }
  if (!has_text (in->evidence))
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID, _("The evidence is required"));
      return NULL;
    }
  /* The ladder counts a finding in the year of the act, so the act cannot
   * lie ahead of the clock. */
  if (in->occurred_at < 0 || in->occurred_at > sw_store_now (store))
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
                   _("The time the act happened cannot be in the future"));
      return NULL;
    }
  if (in->case_ref != NULL && (c = sw_store_get_case (store, in->case_ref, error)) == NULL)
    return NULL;

  f = g_new0 (SwFinding, 1);
  f->id = sw_uuid7_new (sw_store_now (store));
  f->key = g_strconcat ("manual|", f->id, NULL);
  f->rule = g_strdup (in->rule);
  f->source = g_strdup (in->source ? in->source : default_source (actor));
  f->case_id = c ? g_strdup (sw_case_get_id (c)) : NULL;
  f->person = g_strdup (person->empno);
  f->department = g_strdup (person->department_code);
  f->events = g_new0 (char *, 1);
  f->evidence = g_strstrip (g_strdup (in->evidence));
  f->occurred_at = in->occurred_at ? in->occurred_at : sw_store_now (store);
  f->created_by = g_strdup (actor->empno);
  f->inspection_id = g_strdup (in->inspection_id);

  if (!sw_store_begin (store, error))
    return NULL;
  if (!_sw_store_insert_finding (store, f, &is_new, error))
    {
      sw_store_rollback (store);
      return NULL;
    }
  if (!sw_store_commit (store, error))
    return NULL;
  return sw_store_get_finding (store, f->id, error);
}

SwFinding *
sw_finding_review (SwStore     *store,
                   const char  *actor_empno,
                   const char  *id,
                   gboolean     confirm,
                   const char  *reason,
                   GError     **error)
{
  g_autoptr(SwStaff) actor = NULL;
  g_autoptr(SwFinding) f = NULL;
  SwAccessReason refused;

  if ((actor = require_actor (store, actor_empno, error)) == NULL ||
      (f = sw_store_get_finding (store, id, error)) == NULL)
    return NULL;
  if ((refused = sw_access_review_finding (actor, f->person, f->department)) != SW_ACCESS_OK)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_FORBIDDEN,
                   _("%s (%s) may not review this finding: %s"),
                   actor->name, actor->empno, sw_access_reason_message (refused));
      return NULL;
    }
  if (f->status != SW_FINDING_OPEN)
    {
      if (f->status == SW_FINDING_CONFIRMED)
        g_set_error (error, SW_ERROR, SW_ERROR_ILLEGAL, _("The finding was already confirmed by %s"), f->decided_by);
      else
        g_set_error (error, SW_ERROR, SW_ERROR_ILLEGAL, _("The finding was already dismissed by %s"), f->decided_by);
      return NULL;
    }
  if (!has_text (reason))
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID, _("The reason for the decision is required"));
      return NULL;
    }

  if (!sw_store_begin (store, error))
    return NULL;
  if (!_sw_store_decide_finding (store, f->id, confirm, actor->empno, reason, error) ||
      !sw_store_commit (store, error))
    goto fail;
  return sw_store_get_finding (store, f->id, error);

fail:
  sw_store_rollback (store);
  return NULL;
}
