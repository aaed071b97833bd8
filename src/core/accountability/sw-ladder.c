/* sw-ladder.c — the penalty ladders: the step a finding brings, sanctions, a year's bounds
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-access.h"
#include "sw-error.h"
#include "sw-ladder.h"
#include "sw-penalty.h"
#include "sw-models-private.h"
#include "sw-store-accountability.h"
#include "sw-uuid.h"

static const char *const sanction_names[] = { "admonish", "warning" };
G_STATIC_ASSERT (G_N_ELEMENTS (sanction_names) == SW_N_SANCTIONS);

void
sw_sanction_free (SwSanction *s)
{
  if (s == NULL)
    return;
  g_free (s->id);
  g_free (s->person);
  g_free (s->decided_by);
  g_free (s->reason);
  g_free (s->finding_id);
  g_free (s);
}

void
sw_ladder_step_free (SwLadderStep *s)
{
  if (s == NULL)
    return;
  g_free (s->step);
  g_free (s->label);
  g_free (s->finding_id);
  g_free (s->fine);
  g_free (s);
}

void
sw_person_record_free (SwPersonRecord *r)
{
  if (r == NULL)
    return;
  g_free (r->person);
  g_free (r->name);
  g_free (r->department);
  g_clear_pointer (&r->findings, g_ptr_array_unref);
  g_clear_pointer (&r->steps, g_ptr_array_unref);
  g_clear_pointer (&r->sanctions, g_ptr_array_unref);
  g_free (r->effect_reason);
  sw_ladder_step_free (r->next);
  g_free (r->next_sanctions);
  g_free (r);
}

const char *
sw_sanction_kind_to_string (SwSanctionKind k)
{
  return k < SW_N_SANCTIONS ? sanction_names[k] : "admonish";
}

int
sw_sanction_kind_from_string (const char *s)
{
  for (guint i = 0; i < SW_N_SANCTIONS; i++)
    if (g_strcmp0 (sanction_names[i], s) == 0)
      return (int) i;
  return -1;
}

const char *
sw_sanction_kind_label (SwSanctionKind k)
{
  return k == SW_SANCTION_WARNING ? _("Efficiency warning") : _("Admonishment");
}

const char *
sw_rating_effect_to_string (SwRatingEffect e)
{
  switch (e)
    {
    case SW_EFFECT_NO_EXCELLENT: return "no_excellent";
    case SW_EFFECT_INCOMPETENT: return "incompetent";
    case SW_EFFECT_NONE:
    default: return "none";
    }
}

const char *
sw_rating_effect_label (SwRatingEffect e)
{
  switch (e)
    {
    case SW_EFFECT_NO_EXCELLENT: return _("Cannot be rated excellent this year");
    case SW_EFFECT_INCOMPETENT: return _("Rated incompetent and moved to another post");
    case SW_EFFECT_NONE:
    default: return _("No effect on the year-end rating");
    }
}

/* Steps after which a person is no longer eligible for "excellent". */
static gboolean
step_bars_excellent (const char *step)
{
  return g_strcmp0 (step, "correct") != 0;
}

SwLadderStep *
sw_ladder_step_for (SwPolicy *policy,
                    int       n)
{
  g_auto(GStrv) steps = sw_policy_get_list (policy, "ladder.yearly");
  guint len = g_strv_length (steps);
  SwLadderStep *s = g_new0 (SwLadderStep, 1);
  int yuan = sw_policy_get_int (policy, "ladder.deduction_yuan");

  s->n = n;
  s->step = g_strdup (len ? steps[MIN ((guint) n, len) - 1] : "correct");
  if (g_str_equal (s->step, "correct"))
    s->label = g_strdup (_("Order to correct within a time limit"));
  else if (g_str_equal (s->step, "criticism"))
    s->label = g_strdup (_("Public criticism; loses eligibility for excellent"));
  else if (g_str_equal (s->step, "deduction"))
    s->label = g_strdup_printf (_("Bonus deduction of %d yuan"), s->deduction_yuan = yuan);
  else if (g_str_equal (s->step, "standby"))
    s->label = g_strdup (_("Standby or transfer to another post"));
  else if (g_str_equal (s->step, "deduction_standby"))
    s->label = g_strdup_printf (_("Bonus deduction of %d yuan and standby or transfer"),
                                s->deduction_yuan = yuan);
  else
    s->label = g_strdup (s->step);
  return s;
}

SwSanction *
sw_sanction_add (SwStore        *store,
                 const char     *actor_empno,
                 const char     *person_empno,
                 SwSanctionKind  kind,
                 const char     *reason,
                 const char     *finding_id,
                 GError        **error)
{
  g_autoptr(SwStaff) actor = actor_empno ? sw_store_get_staff (store, actor_empno) : NULL;
  g_autoptr(SwStaff) person = person_empno ? sw_store_get_staff (store, person_empno) : NULL;
  g_autoptr(SwFinding) finding = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (reason ? reason : ""));
  SwSanction *s;

  if (actor == NULL || person == NULL)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_NOT_FOUND, _("There is no staff member “%s”"),
                   actor == NULL ? (actor_empno ? actor_empno : "") : person_empno);
      return NULL;
    }
  if (sw_access_sanction (actor, person) != SW_ACCESS_OK)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_FORBIDDEN,
                   _("%s (%s) may not sanction %s: %s"),
                   actor->name, actor->empno, person->name,
                   sw_access_reason_message (sw_access_sanction (actor, person)));
      return NULL;
    }
  if (kind >= SW_N_SANCTIONS || *trimmed == '\0')
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID, _("A sanction needs its kind (admonish or warning) and a reason"));
      return NULL;
    }
  if (finding_id != NULL && (finding = sw_store_get_finding (store, finding_id, error)) == NULL)
    return NULL;

  s = g_new0 (SwSanction, 1);
  s->id = sw_uuid7_new (sw_store_now (store));
  s->person = g_strdup (person->empno);
  s->kind = kind;
  s->at = sw_store_now (store);
  s->decided_by = g_strdup (actor->empno);
  s->reason = g_steal_pointer (&trimmed);
  s->finding_id = finding ? g_strdup (finding->id) : NULL;

  if (!_sw_store_insert_sanction (store, s, error))
    {
      sw_sanction_free (s);
      return NULL;
    }
  return s;
}

static GTimeZone *
home_zone (SwStore *store)
{
  g_autofree char *branch = sw_store_get_home_branch (store);
  g_autoptr(SwCalendar) cal = sw_store_get_calendar (store, branch);

  return g_time_zone_ref (sw_calendar_get_timezone (cal));
}

void
sw_ladder_year_bounds (SwStore *store,
                       int      year,
                       gint64  *from,
                       gint64  *to)
{
  g_autoptr(GTimeZone) tz = home_zone (store);
  g_autoptr(GDateTime) a = g_date_time_new (tz, year, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) b = g_date_time_new (tz, year + 1, 1, 1, 0, 0, 0);

  *from = g_date_time_to_unix (a) * 1000;
  *to = g_date_time_to_unix (b) * 1000;
}

int
sw_ladder_year_of (SwStore *store,
                   gint64   ms)
{
  g_autoptr(GTimeZone) tz = home_zone (store);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (ms / 1000);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);

  return g_date_time_get_year (local);
}

/* A threshold of 0 is switched off. */
static SwRatingEffect
effect_of (int count,
           int no_excellent,
           int incompetent)
{
  if (incompetent > 0 && count >= incompetent)
    return SW_EFFECT_INCOMPETENT;
  if (no_excellent > 0 && count >= no_excellent)
    return SW_EFFECT_NO_EXCELLENT;
  return SW_EFFECT_NONE;
}

static void
rate (SwPersonRecord *r,
      SwPolicy       *policy)
{
  int adm_x = sw_policy_get_int (policy, "sanction.admonish_no_excellent");
  int warn_x = sw_policy_get_int (policy, "sanction.warning_no_excellent");
  int adm_i = sw_policy_get_int (policy, "sanction.admonish_incompetent");
  int warn_i = sw_policy_get_int (policy, "sanction.warning_incompetent");
  gboolean barred = FALSE;
  g_autoptr(GString) next = g_string_new (NULL);

  for (guint i = 0; i < r->steps->len; i++)
    barred |= step_bars_excellent (((SwLadderStep *) g_ptr_array_index (r->steps, i))->step);

  if (MAX (effect_of (r->n_admonish, adm_x, adm_i), effect_of (r->n_warning, warn_x, warn_i)) == SW_EFFECT_INCOMPETENT)
    {
      r->effect = SW_EFFECT_INCOMPETENT;
      r->effect_reason = g_strdup_printf (_("%d admonishments and %d efficiency warnings this year (rated incompetent from %d admonishments or %d warnings)"),
                                          r->n_admonish, r->n_warning, adm_i, warn_i);
    }
  else if (MAX (effect_of (r->n_admonish, adm_x, adm_i), effect_of (r->n_warning, warn_x, warn_i)) != SW_EFFECT_NONE)
    {
      r->effect = SW_EFFECT_NO_EXCELLENT;
      r->effect_reason = g_strdup_printf (_("%d admonishments and %d efficiency warnings this year (not rated excellent from %d admonishments or %d warnings)"),
                                          r->n_admonish, r->n_warning, adm_x, warn_x);
    }
  else if (barred)
    {
      r->effect = SW_EFFECT_NO_EXCELLENT;
      r->effect_reason = g_strdup (_("A confirmed violation beyond the first this year"));
    }
  else
    r->effect_reason = g_strdup (_("Nothing this year bars an excellent rating"));

  if (r->effect != SW_EFFECT_INCOMPETENT)
    {
      SwRatingEffect by_adm = effect_of (r->n_admonish + 1, adm_x, adm_i);
      SwRatingEffect by_warn = effect_of (r->n_warning + 1, warn_x, warn_i);

      g_string_append_printf (next, _("One more admonishment: %s. One more efficiency warning: %s."),
                              sw_rating_effect_label (MAX (by_adm, r->effect)),
                              sw_rating_effect_label (MAX (by_warn, r->effect)));
    }
  else
    g_string_append (next, sw_rating_effect_label (r->effect));
  r->next_sanctions = g_string_free (g_steal_pointer (&next), FALSE);
}

SwPersonRecord *
sw_person_record_get (SwStore     *store,
                      const char  *person,
                      int          year,
                      GError     **error)
{
  g_autoptr(SwStaff) staff = person ? sw_store_get_staff (store, person) : NULL;
  g_autoptr(SwPolicy) policy = NULL;
  g_autoptr(SwPersonRecord) r = NULL;
  SwFindingQuery q = SW_FINDING_QUERY_INIT;

  if (staff == NULL)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_NOT_FOUND, _("There is no staff member “%s”"), person ? person : "");
      return NULL;
    }
  if ((policy = sw_store_get_policy (store, 0, error)) == NULL)
    return NULL;

  r = g_new0 (SwPersonRecord, 1);
  r->person = g_strdup (staff->empno);
  r->name = g_strdup (staff->name);
  r->department = g_strdup (staff->department_code);
  r->year = year > 0 ? year : sw_ladder_year_of (store, sw_store_now (store));
  q.person = staff->empno;
  sw_ladder_year_bounds (store, r->year, &q.from, &q.to);
  if ((r->findings = sw_store_list_findings (store, &q, error)) == NULL ||
      (r->sanctions = sw_store_list_sanctions (store, staff->empno, q.from, q.to, error)) == NULL)
    return NULL;

  r->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) sw_ladder_step_free);
  for (guint i = 0; i < r->findings->len; i++)
    {
      SwFinding *f = g_ptr_array_index (r->findings, i);
      SwLadderStep *s;

      if (f->status != SW_FINDING_CONFIRMED)
        continue;
      s = sw_ladder_step_for (policy, ++r->n_confirmed);
      s->finding_id = g_strdup (f->id);
      /* the violation kind's own fine (seed 003) comes on top of the rung */
      {
        SwPenalty p;
        sw_penalty_for (policy, f->rule, &p);
        s->fine = sw_penalty_text (&p);
        s->fine_yuan = p.min_yuan;
      }
      r->deductions_yuan += s->deduction_yuan + s->fine_yuan;
      g_ptr_array_add (r->steps, s);
    }
  for (guint i = 0; i < r->sanctions->len; i++)
    {
      SwSanction *s = g_ptr_array_index (r->sanctions, i);
      if (s->kind == SW_SANCTION_WARNING)
        r->n_warning++;
      else
        r->n_admonish++;
    }
  r->next = sw_ladder_step_for (policy, r->n_confirmed + 1);
  rate (r, policy);
  return g_steal_pointer (&r);
}
