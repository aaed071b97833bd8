/* sw-case-list.c — a board column's cases as a plain array
 * A board column's cases: a plain array, so that the list view reaches any
 * position in constant time (a GListStore walks a tree for each position that
 * is not next to the last one).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sw-case-list.h"

struct _SwCaseList
{
  GObject    parent_instance;

  GPtrArray *items;   /* SwCase, owned */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SwCaseList, sw_case_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return SW_TYPE_CASE;
}

static guint
get_n_items (GListModel *model)
{
  return SW_CASE_LIST (model)->items->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  SwCase *c = sw_case_list_peek (SW_CASE_LIST (model), position);

  return c ? g_object_ref (c) : NULL;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
sw_case_list_finalize (GObject *object)
{
  g_ptr_array_unref (SW_CASE_LIST (object)->items);
  G_OBJECT_CLASS (sw_case_list_parent_class)->finalize (object);
}

static void
sw_case_list_class_init (SwCaseListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sw_case_list_finalize;
}

static void
sw_case_list_init (SwCaseList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

SwCaseList *
sw_case_list_new (void)
{
  return g_object_new (SW_TYPE_CASE_LIST, NULL);
}

SwCase *
sw_case_list_peek (SwCaseList *self,
                   guint       position)
{
  return position < self->items->len ? g_ptr_array_index (self->items, position) : NULL;
}

void
sw_case_list_splice (SwCaseList *self,
                     guint       position,
                     guint       n_removals,
                     SwCase    **additions,
                     guint       n_additions)
{
  guint tail;

  g_return_if_fail (position + n_removals <= self->items->len);

  if (n_removals > 0)
    g_ptr_array_remove_range (self->items, position, n_removals);
  tail = self->items->len - position;
  g_ptr_array_set_size (self->items, self->items->len + n_additions);
  if (tail > 0 && n_additions > 0)
    memmove (self->items->pdata + position + n_additions, self->items->pdata + position,
             tail * sizeof (gpointer));
  for (guint i = 0; i < n_additions; i++)
    self->items->pdata[position + i] = g_object_ref (additions[i]);
  if (n_removals > 0 || n_additions > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), position, n_removals, n_additions);
}
