/* sw-owner.c — who is a case's first-inquiry responsible person
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-error.h"
#include "sw-event-text.h"
#include "sw-models-private.h"
#include "sw-owner.h"

/* Earlier hire date = longer tenure; an unknown date counts as the shortest. */
static int
compare_tenure (SwStaff *a,
                SwStaff *b)
{
  const char *da = a->hire_date && *a->hire_date ? a->hire_date : NULL;
  const char *db = b->hire_date && *b->hire_date ? b->hire_date : NULL;

  if (da == NULL || db == NULL)
    return (da == NULL) - (db == NULL);
  return g_strcmp0 (da, db);
}

gboolean
sw_owner_is_eligible (SwStaff  *staff,
                      SwPolicy *policy)
{
  g_auto(GStrv) kinds = NULL;

  if (!staff->active)
    return FALSE;
  if (policy == NULL)
    return staff->kind == SW_STAFF_KIND_REGULAR;
  kinds = sw_policy_get_list (policy, "owner.eligible_kinds");
  for (guint i = 0; kinds != NULL && kinds[i] != NULL; i++)
    if (sw_staff_kind_from_string (kinds[i]) == (int) staff->kind)
      return TRUE;
  return FALSE;
}

/* Whether the policy lets only regular staff be responsible (the shipped
 * default, whose refusal names temporary and maintenance staff). */
static gboolean
regular_only (SwPolicy *policy)
{
  g_auto(GStrv) kinds = policy ? sw_policy_get_list (policy, "owner.eligible_kinds") : NULL;

  return policy == NULL || (kinds != NULL && g_strv_length (kinds) == 1 &&
                            sw_staff_kind_from_string (kinds[0]) == SW_STAFF_KIND_REGULAR);
}

SwStaff *
sw_owner_choose (GPtrArray  *candidates,
                 SwPolicy   *policy,
                 char      **reason,
                 GError    **error)
{
  SwStaff *best = NULL;
  guint n_eligible = 0;
  gboolean by_rank = FALSE, by_tenure = FALSE;

  for (guint i = 0; i < candidates->len; i++)
    {
      SwStaff *s = g_ptr_array_index (candidates, i);

      if (!sw_owner_is_eligible (s, policy))
        continue;
      n_eligible++;
      if (best == NULL)
        {
          best = s;
          continue;
        }
      if (s->rank != best->rank)
        {
          by_rank = TRUE;
          if (s->rank > best->rank)
            best = s;
          continue;
        }
      if (compare_tenure (s, best) != 0)
        {
          by_tenure = TRUE;
          if (compare_tenure (s, best) < 0)
            best = s;
        }
    }

  if (best == NULL && !regular_only (policy))
    {
      g_set_error_literal (error, SW_ERROR, SW_ERROR_NO_OWNER,
                           _("Nobody who was asked can be the first-inquiry responsible person: "
                             "the policy does not let their kind of staff be (and inactive staff cannot be). "
                             "Bring in a colleague who can, who becomes responsible."));
      return NULL;
    }
  if (best == NULL)
    {
      g_set_error_literal (error, SW_ERROR, SW_ERROR_NO_OWNER,
                           _("Nobody who was asked can be the first-inquiry responsible person: "
                             "temporary and maintenance staff never are (and inactive staff cannot be). "
                             "Bring in a regular colleague, who becomes responsible."));
      return NULL;
    }

  if (reason != NULL)
    {
      SwStaff *first = g_ptr_array_index (candidates, 0);

      if (n_eligible == 1 && best == first)
        *reason = g_strdup (SW_OWNER_RULE_FIRST_RECEIVER);
      else if (n_eligible == 1)
        *reason = g_strdup (SW_OWNER_RULE_REGULAR);
      else if (by_rank && !by_tenure)
        *reason = g_strdup (SW_OWNER_RULE_RANK);
      else if (by_tenure && !by_rank)
        *reason = g_strdup (SW_OWNER_RULE_TENURE);
      else if (by_rank)
        *reason = g_strdup (SW_OWNER_RULE_RANK_TENURE);
      else
        *reason = g_strdup (SW_OWNER_RULE_FIRST_EQUAL);
    }
  return g_object_ref (best);
}
