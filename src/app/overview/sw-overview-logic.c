/* sw-overview-logic.c — open and overdue cases per handler and department, today's deadlines in order
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-deadline.h"
#include "sw-overview-logic.h"

#define DAY_MS (24 * G_GINT64_CONSTANT (3600000))

static void
load_free (SwOverviewLoad *load)
{
  g_free (load->code);
  g_free (load);
}

void
sw_overview_free (SwOverview *overview)
{
  if (overview == NULL)
    return;
  g_ptr_array_unref (overview->people);
  g_ptr_array_unref (overview->departments);
  g_ptr_array_unref (overview->due_today);
  g_free (overview);
}

guint
sw_overview_load_share (const SwOverviewLoad *load)
{
  return load->open == 0 ? 0 : load->overdue * 100 / load->open;
}

static void
count (GHashTable *table,
       GPtrArray  *list,
       const char *code,
       gboolean    overdue)
{
  SwOverviewLoad *load;

  if (code == NULL || *code == '\0')
    return;
  if ((load = g_hash_table_lookup (table, code)) == NULL)
    {
      load = g_new0 (SwOverviewLoad, 1);
      load->code = g_strdup (code);
      g_hash_table_insert (table, load->code, load);
      g_ptr_array_add (list, load);
    }
  load->open++;
  load->overdue += overdue;
}

static int
by_overdue (gconstpointer pa,
            gconstpointer pb)
{
  const SwOverviewLoad *a = *(SwOverviewLoad **) pa, *b = *(SwOverviewLoad **) pb;

  if (a->overdue != b->overdue)
    return a->overdue > b->overdue ? -1 : 1;
  if (a->open != b->open)
    return a->open > b->open ? -1 : 1;
  return g_strcmp0 (a->code, b->code);
}

static int
by_share (gconstpointer pa,
          gconstpointer pb)
{
  const SwOverviewLoad *a = *(SwOverviewLoad **) pa, *b = *(SwOverviewLoad **) pb;
  /* a->overdue / a->open against b->overdue / b->open, exactly */
  guint64 left = (guint64) a->overdue * b->open, right = (guint64) b->overdue * a->open;

  if (left != right)
    return left > right ? -1 : 1;
  return by_overdue (pa, pb);
}

static int
by_due (gconstpointer pa,
        gconstpointer pb)
{
  SwCase *a = *(SwCase **) pa, *b = *(SwCase **) pb;
  gint64 da = sw_case_running_deadline (a).due_at, db = sw_case_running_deadline (b).due_at;

  if (da != db)
    return da < db ? -1 : 1;
  return g_strcmp0 (sw_case_get_number (a), sw_case_get_number (b));
}

SwOverview *
sw_overview_compute (GListModel *cases,
                     gint64      now,
                     gint64      day_end)
{
  SwOverview *o = g_new0 (SwOverview, 1);
  g_autoptr(GHashTable) people = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) departments = g_hash_table_new (g_str_hash, g_str_equal);

  o->people = g_ptr_array_new_with_free_func ((GDestroyNotify) load_free);
  o->departments = g_ptr_array_new_with_free_func ((GDestroyNotify) load_free);
  o->due_today = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0, n = g_list_model_get_n_items (cases); i < n; i++)
    {
      g_autoptr(SwCase) c = g_list_model_get_item (cases, i);
      gboolean overdue;
      const char *department;
      SwDeadline deadline;

      if (!sw_case_is_open (c))
        continue;
      overdue = sw_case_is_overdue (c, now);
      department = sw_case_get_handler_department (c);
      if (department == NULL || *department == '\0')
        department = sw_case_get_owner_department (c);
      o->open++;
      o->overdue += overdue;
      count (people, o->people, sw_case_get_handler (c), overdue);
      count (departments, o->departments, department, overdue);
      deadline = sw_case_running_deadline (c);
      if (deadline.kind != SW_DEADLINE_NONE && deadline.due_at >= day_end - DAY_MS &&
          deadline.due_at < day_end)
        g_ptr_array_add (o->due_today, g_object_ref (c));
    }
  g_ptr_array_sort (o->people, by_overdue);
  g_ptr_array_sort (o->departments, by_share);
  g_ptr_array_sort (o->due_today, by_due);
  return o;
}
