/* sw-inspection.c — inspection records: the criteria, the scores, writing and reading them
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "sw-access.h"
#include "sw-error.h"
#include "sw-inspection.h"
#include "sw-models-private.h"
#include "sw-store-accountability.h"
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

/* The numbers of the cases named by id or number. */
static GStrv
case_numbers (SwStore            *store,
              const char *const  *refs,
              GError            **error)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

  for (guint n = 0; refs && refs[n]; n++)
    {
      g_autoptr(SwCase) c = sw_store_get_case (store, refs[n], error);
      if (c == NULL)
        return NULL;
      g_strv_builder_add (b, sw_case_get_number (c));
    }
  return g_strv_builder_end (b);
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
  g_autofree char *id = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (summary ? summary : ""));
  g_auto(GStrv) numbers = NULL;
  SwInspection record = { 0 };
  int y, m, d;
  char tail;

  if (actor == NULL)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_FORBIDDEN, _("Who is acting? Name the acting user (--as EMPNO)."));
      return NULL;
    }
  if (sw_access_write_inspection (actor) != SW_ACCESS_OK)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_FORBIDDEN,
                   _("%s (%s) may not write inspection records: %s"),
                   actor->name, actor->empno, sw_access_reason_message (sw_access_write_inspection (actor)));
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
  for (guint c = 0; c < G_N_ELEMENTS (record.scores); c++)
    record.scores[c] = -1;
  if (!parse_scores (scores, record.scores, error) || (numbers = case_numbers (store, cases, error)) == NULL)
    return NULL;
  id = sw_uuid7_new (sw_store_now (store));

  record.id = id;
  record.date = (char *) date;
  record.department = dept->code;
  record.inspector = actor->empno;
  record.summary = trimmed;
  record.cases = numbers;
  record.created_at = sw_store_now (store);
  if (!_sw_store_insert_inspection (store, &record, error))
    return NULL;
  return sw_store_get_inspection (store, id, error);
}
