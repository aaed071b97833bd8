/* sw-column-window.c — the stretch of a column's list that has cards, grown as it is scrolled
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-column-window.h"

struct _SwColumnWindow
{
  GObject     parent_instance;

  GListModel *source;
  guint       page;
  guint       offset;   /* the source position of the first item */
  guint       size;     /* how many it may show */
  guint       n_items;  /* how many it shows: size, or fewer at the end */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SwColumnWindow, sw_column_window, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static guint
count_items (SwColumnWindow *self)
{
  guint n = g_list_model_get_n_items (self->source);

  return n > self->offset ? MIN (self->size, n - self->offset) : 0;
}

/* Shows source [offset, offset + size) in place of what was shown, from
 * window position `from` on. */
static void
reshow (SwColumnWindow *self,
        guint           from)
{
  guint old = self->n_items;

  self->n_items = count_items (self);
  if (old > from || self->n_items > from)
    g_list_model_items_changed (G_LIST_MODEL (self), from,
                                old - MIN (from, old), self->n_items - MIN (from, self->n_items));
}

static void
source_changed_cb (GListModel     *source,
                   guint           position,
                   guint           removed,
                   guint           added,
                   SwColumnWindow *self)
{
  guint local;

  if (position < self->offset && position + removed <= self->offset)
    {
      /* All before the window: it keeps showing the same cards. */
      self->offset = self->offset + added - removed;
      return;
    }
  if (position < self->offset)
    {
      /* The cards shown were replaced: start again at the top. */
      self->offset = 0;
      self->size = self->page;
      reshow (self, 0);
      return;
    }
  local = position - self->offset;
  if (local >= self->size)
    return;
  if (removed == added)
    {
      removed = MIN (removed, self->n_items - local);
      added = MIN (added, self->n_items - local);
      if (removed > 0 || added > 0)
        g_list_model_items_changed (G_LIST_MODEL (self), local, removed, added);
      return;
    }
  reshow (self, local);
}

static GType
get_item_type (GListModel *model)
{
  return g_list_model_get_item_type (SW_COLUMN_WINDOW (model)->source);
}

static guint
get_n_items (GListModel *model)
{
  return SW_COLUMN_WINDOW (model)->n_items;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  SwColumnWindow *self = SW_COLUMN_WINDOW (model);

  if (position >= self->n_items)
    return NULL;
  return g_list_model_get_item (self->source, self->offset + position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
sw_column_window_dispose (GObject *object)
{
  SwColumnWindow *self = SW_COLUMN_WINDOW (object);

  if (self->source != NULL)
    g_signal_handlers_disconnect_by_func (self->source, source_changed_cb, self);
  g_clear_object (&self->source);
  G_OBJECT_CLASS (sw_column_window_parent_class)->dispose (object);
}

static void
sw_column_window_class_init (SwColumnWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sw_column_window_dispose;
}

static void
sw_column_window_init (SwColumnWindow *self)
{
}

SwColumnWindow *
sw_column_window_new (GListModel *source,
                      guint       page)
{
  SwColumnWindow *self = g_object_new (SW_TYPE_COLUMN_WINDOW, NULL);

  self->source = g_object_ref (source);
  self->page = self->size = MAX (page, 1);
  self->n_items = count_items (self);
  g_signal_connect (source, "items-changed", G_CALLBACK (source_changed_cb), self);
  return self;
}

guint
sw_column_window_get_offset (SwColumnWindow *self)
{
  return self->offset;
}

void
sw_column_window_set_page (SwColumnWindow *self,
                           guint           page)
{
  self->page = MAX (page, 1);
}

gboolean
sw_column_window_grow_end (SwColumnWindow *self)
{
  if (self->offset + self->n_items >= g_list_model_get_n_items (self->source))
    return FALSE;
  self->size = self->n_items + self->page;
  reshow (self, self->n_items);
  return TRUE;
}

gboolean
sw_column_window_grow_start (SwColumnWindow *self)
{
  guint more = MIN (self->page, self->offset);

  if (more == 0)
    return FALSE;
  self->offset -= more;
  self->size += more;
  self->n_items += more;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, more);
  return TRUE;
}

guint
sw_column_window_show (SwColumnWindow *self,
                       guint           position)
{
  guint n;

  if (position >= self->offset && position < self->offset + self->n_items)
    return position - self->offset;
  n = g_list_model_get_n_items (self->source);
  /* A page from just above it (a full one at the end): the cards it
   * replaces are made anew. */
  self->offset = position - MIN (position, self->page / 6);
  if (self->offset + self->page > n)
    self->offset = n > self->page ? n - self->page : 0;
  self->size = self->page;
  reshow (self, 0);
  return position - self->offset;
}
