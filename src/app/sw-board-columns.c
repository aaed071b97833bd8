/* sw-board-columns.c — the board's columns filled in one pass
 * One pass of the board's filter over the cases fills every column, and a
 * change touches only the items that moved: six filter models over 100,000
 * cases cost a tree walk and a bitset edit per case and column.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sw-board-columns.h"

#define MAX_COLUMNS 8

struct _SwBoardColumns
{
  GObject            parent_instance;

  GListModel        *source;
  GPtrArray         *items;   /* the source's cases, borrowed, for constant-time access */
  GByteArray        *where;   /* per source position: 0 hidden, else column + 1 */
  SwCaseList        *columns[MAX_COLUMNS];
  guint              n_columns;
  SwBoardColumnFunc  func;
  gpointer           data;
};

G_DEFINE_FINAL_TYPE (SwBoardColumns, sw_board_columns, G_TYPE_OBJECT)

static guint8
place (SwBoardColumns *self,
       SwCase         *c)
{
  int col = self->func (c, self->data);

  return col >= 0 && (guint) col < self->n_columns ? (guint8) (col + 1) : 0;
}

/* How many items of each column sit in source positions [from, to). */
static void
count_range (const guint8 *where,
             guint         from,
             guint         to,
             guint        *counts)
{
  memset (counts, 0, sizeof (guint) * (MAX_COLUMNS + 1));
  for (guint i = from; i < to; i++)
    counts[where[i]]++;
}

/* Opens a gap of `n` at `position` in both arrays. */
static void
open_gap (SwBoardColumns *self,
          guint           position,
          guint           n)
{
  guint tail = self->where->len - position;

  g_byte_array_set_size (self->where, self->where->len + n);
  g_ptr_array_set_size (self->items, self->items->len + n);
  if (tail > 0 && n > 0)
    {
      memmove (self->where->data + position + n, self->where->data + position, tail);
      memmove (self->items->pdata + position + n, self->items->pdata + position, tail * sizeof (gpointer));
    }
}

static void
source_changed_cb (GListModel     *source,
                   guint           position,
                   guint           removed,
                   guint           added,
                   SwBoardColumns *self)
{
  guint before[MAX_COLUMNS + 1], gone[MAX_COLUMNS + 1];
  GPtrArray *adds[MAX_COLUMNS] = { NULL };

  count_range (self->where->data, 0, position, before);
  count_range (self->where->data, position, position + removed, gone);
  /* The removed cases may be gone already: only their places are read. */
  g_byte_array_remove_range (self->where, position, removed);
  g_ptr_array_remove_range (self->items, position, removed);
  open_gap (self, position, added);
  for (guint i = 0; i < added; i++)
    {
      g_autoptr(SwCase) c = g_list_model_get_item (source, position + i);
      guint8 p = place (self, c);

      self->items->pdata[position + i] = c;
      self->where->data[position + i] = p;
      if (p == 0)
        continue;
      if (adds[p - 1] == NULL)
        adds[p - 1] = g_ptr_array_new ();
      g_ptr_array_add (adds[p - 1], c);
    }
  for (guint col = 0; col < self->n_columns; col++)
    {
      if (gone[col + 1] > 0 || adds[col] != NULL)
        sw_case_list_splice (self->columns[col], before[col + 1], gone[col + 1],
                             adds[col] ? (SwCase **) adds[col]->pdata : NULL, adds[col] ? adds[col]->len : 0);
      g_clear_pointer (&adds[col], g_ptr_array_unref);
    }
}

/* Moves column `value - 1` from `old` to `now` in one edit, from its first
 * changed item to its last, as a GtkFilterListModel does. */
static void
apply_column (SwBoardColumns *self,
              const guint8   *old,
              const guint8   *now,
              guint8          value)
{
  g_autoptr(GPtrArray) adds = NULL;
  guint before[MAX_COLUMNS + 1], span[MAX_COLUMNS + 1];
  guint n = self->where->len, first = n, last = 0;

  for (guint i = 0; i < n; i++)
    if ((old[i] == value) != (now[i] == value))
      {
        if (first == n)
          first = i;
        last = i;
      }
  if (first == n)
    return;

  adds = g_ptr_array_new ();
  count_range (old, 0, first, before);
  count_range (old, first, last + 1, span);
  for (guint i = first; i <= last; i++)
    if (now[i] == value)
      g_ptr_array_add (adds, g_ptr_array_index (self->items, i));
  sw_case_list_splice (self->columns[value - 1], before[value], span[value], (SwCase **) adds->pdata, adds->len);
}

void
sw_board_columns_refilter (SwBoardColumns *self,
                           gboolean        more_strict)
{
  g_autoptr(GByteArray) old = self->where;
  guint n = old->len;

  self->where = g_byte_array_sized_new (n);
  g_byte_array_set_size (self->where, n);
  /* A stricter filter only has to look at what is shown now. */
  for (guint i = 0; i < n; i++)
    self->where->data[i] = more_strict && old->data[i] == 0
                             ? 0 : place (self, g_ptr_array_index (self->items, i));
  for (guint col = 0; col < self->n_columns; col++)
    apply_column (self, old->data, self->where->data, col + 1);
}

static void
sw_board_columns_dispose (GObject *object)
{
  SwBoardColumns *self = SW_BOARD_COLUMNS (object);

  if (self->source != NULL)
    g_signal_handlers_disconnect_by_func (self->source, source_changed_cb, self);
  g_clear_object (&self->source);
  for (guint col = 0; col < MAX_COLUMNS; col++)
    g_clear_object (&self->columns[col]);
  G_OBJECT_CLASS (sw_board_columns_parent_class)->dispose (object);
}

static void
sw_board_columns_finalize (GObject *object)
{
  SwBoardColumns *self = SW_BOARD_COLUMNS (object);

  g_byte_array_unref (self->where);
  g_ptr_array_unref (self->items);
  G_OBJECT_CLASS (sw_board_columns_parent_class)->finalize (object);
}

static void
sw_board_columns_class_init (SwBoardColumnsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sw_board_columns_dispose;
  G_OBJECT_CLASS (klass)->finalize = sw_board_columns_finalize;
}

static void
sw_board_columns_init (SwBoardColumns *self)
{
  self->where = g_byte_array_new ();
  self->items = g_ptr_array_new ();
}

SwBoardColumns *
sw_board_columns_new (GListModel        *source,
                      guint              n_columns,
                      SwBoardColumnFunc  func,
                      gpointer           data)
{
  SwBoardColumns *self = g_object_new (SW_TYPE_BOARD_COLUMNS, NULL);

  g_return_val_if_fail (n_columns <= MAX_COLUMNS, self);

  self->source = g_object_ref (source);
  self->n_columns = n_columns;
  self->func = func;
  self->data = data;
  for (guint col = 0; col < n_columns; col++)
    self->columns[col] = sw_case_list_new ();
  g_signal_connect (source, "items-changed", G_CALLBACK (source_changed_cb), self);
  /* The same as every case arriving at once. */
  source_changed_cb (source, 0, 0, g_list_model_get_n_items (source), self);
  return self;
}

GListModel *
sw_board_columns_get (SwBoardColumns *self,
                      guint           column)
{
  g_return_val_if_fail (column < self->n_columns, NULL);
  return G_LIST_MODEL (self->columns[column]);
}
