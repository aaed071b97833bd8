/* test-board-models.c — the models under the board: the one-pass split of
 * the cases into columns, and the window of a column that has cards; then
 * a real window to see that a column makes cards only for its window.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <string.h>

#include "app-test-util.h"
#include "sw-board-columns.h"
#include "sw-case-card.h"
#include "sw-column-window.h"
#include "sw-column.h"
#include "sw-test-fixture.h"
#include "sw-window.h"

#define PAGE 8

/* ------------------------------------------------------------ a mirror */

/* Follows a model through its items-changed alone: if the signals are
 * right, the mirror always equals the model. */
typedef struct {
  GListModel *model;
  GPtrArray  *items;
  guint       n_signals;
} Mirror;

static void
mirror_changed_cb (GListModel *model,
                   guint       position,
                   guint       removed,
                   guint       added,
                   Mirror     *m)
{
  g_assert_cmpuint (position + removed, <=, m->items->len);
  g_ptr_array_remove_range (m->items, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (m->items, position + i, g_list_model_get_item (model, position + i));
  m->n_signals++;
}

static void
mirror_init (Mirror     *m,
             GListModel *model)
{
  m->model = model;
  m->items = g_ptr_array_new_with_free_func (g_object_unref);
  m->n_signals = 0;
  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    g_ptr_array_add (m->items, g_list_model_get_item (model, i));
  g_signal_connect (model, "items-changed", G_CALLBACK (mirror_changed_cb), m);
}

static void
mirror_clear (Mirror *m)
{
  g_signal_handlers_disconnect_by_data (m->model, m);
  g_ptr_array_unref (m->items);
}

static void
assert_mirror (Mirror *m)
{
  g_assert_cmpuint (m->items->len, ==, g_list_model_get_n_items (m->model));
  for (guint i = 0; i < m->items->len; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (m->model, i);

      g_assert_true (item == g_ptr_array_index (m->items, i));
    }
}

/* ------------------------------------------------------------ the window */

/* The window shows the source from its offset on, a page or more. */
static void
assert_window (SwColumnWindow *window,
               GListModel     *source,
               Mirror         *m)
{
  guint offset = sw_column_window_get_offset (window);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (window));

  assert_mirror (m);
  g_assert_cmpuint (offset + n, <=, g_list_model_get_n_items (source));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) a = g_list_model_get_item (G_LIST_MODEL (window), i);
      g_autoptr(GObject) b = g_list_model_get_item (source, offset + i);

      g_assert_true (a == b);
    }
}

static void
insert_objects (GListStore *store,
                guint       position,
                guint       removed,
                guint       added)
{
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < added; i++)
    g_ptr_array_add (objects, g_object_new (G_TYPE_OBJECT, NULL));
  g_list_store_splice (store, position, removed, objects->pdata, added);
}

static void
test_window_basics (void)
{
  g_autoptr(GListStore) source = g_list_store_new (G_TYPE_OBJECT);
  g_autoptr(SwColumnWindow) window = NULL;
  g_autoptr(GObject) first = NULL;
  Mirror m;
  guint shown;

  insert_objects (source, 0, 0, 100);
  window = sw_column_window_new (G_LIST_MODEL (source), PAGE);
  mirror_init (&m, G_LIST_MODEL (window));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window)), ==, PAGE);
  assert_window (window, G_LIST_MODEL (source), &m);

  /* Past the window: nothing to tell. */
  insert_objects (source, 50, 0, 1);
  g_assert_cmpuint (m.n_signals, ==, 0);

  /* Inside: one card comes in, the last one goes. */
  insert_objects (source, 3, 0, 1);
  g_assert_cmpuint (m.n_signals, ==, 1);
  assert_window (window, G_LIST_MODEL (source), &m);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window)), ==, PAGE);

  /* Far down: a page from just above it, the cards before it stay out. */
  shown = sw_column_window_show (window, 60);
  g_assert_cmpuint (sw_column_window_get_offset (window) + shown, ==, 60);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window)), ==, PAGE);
  assert_window (window, G_LIST_MODEL (source), &m);

  /* Before the window: it keeps the same cards, and says nothing. */
  m.n_signals = 0;
  first = g_list_model_get_item (G_LIST_MODEL (window), 0);
  insert_objects (source, 10, 2, 5);
  g_assert_cmpuint (m.n_signals, ==, 0);
  assert_window (window, G_LIST_MODEL (source), &m);
  g_clear_object (&first);
  first = g_list_model_get_item (G_LIST_MODEL (window), 0);
  g_assert_true (first == m.items->pdata[0]);

  /* Scrolled up, then down. */
  g_assert_true (sw_column_window_grow_start (window));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window)), ==, 2 * PAGE);
  assert_window (window, G_LIST_MODEL (source), &m);
  g_assert_true (sw_column_window_grow_end (window));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window)), ==, 3 * PAGE);
  assert_window (window, G_LIST_MODEL (source), &m);

  /* The last one: a full page that ends with it. */
  shown = sw_column_window_show (window, g_list_model_get_n_items (G_LIST_MODEL (source)) - 1);
  g_assert_cmpuint (shown, ==, PAGE - 1);
  g_assert_false (sw_column_window_grow_end (window));
  assert_window (window, G_LIST_MODEL (source), &m);

  /* What was shown is replaced from above it (a new search): the top. */
  g_list_store_splice (source, 0, g_list_model_get_n_items (G_LIST_MODEL (source)), NULL, 0);
  insert_objects (source, 0, 0, 3);
  g_assert_cmpuint (sw_column_window_get_offset (window), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window)), ==, 3);
  assert_window (window, G_LIST_MODEL (source), &m);
  mirror_clear (&m);
}

/* Any sequence of edits, scrolls and jumps keeps the window and what its
 * signals said in step with the source. */
static void
test_window_random (void)
{
  g_autoptr(GListStore) source = g_list_store_new (G_TYPE_OBJECT);
  g_autoptr(SwColumnWindow) window = NULL;
  Mirror m;

  insert_objects (source, 0, 0, 40);
  window = sw_column_window_new (G_LIST_MODEL (source), PAGE);
  mirror_init (&m, G_LIST_MODEL (window));
  for (guint step = 0; step < 2000; step++)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (source));
      guint pos = g_test_rand_int_range (0, n + 1);
      guint removed = g_test_rand_int_range (0, 4);
      guint added = g_test_rand_int_range (0, 4);

      removed = MIN (removed, n - pos);
      switch (g_test_rand_int_range (0, 5))
        {
        case 0:
          if (n > 0)
            {
              guint target = g_test_rand_int_range (0, n);
              guint shown = sw_column_window_show (window, target);
              g_autoptr(GObject) a = g_list_model_get_item (G_LIST_MODEL (window), shown);
              g_autoptr(GObject) b = g_list_model_get_item (G_LIST_MODEL (source), target);

              g_assert_true (a == b);
            }
          break;
        case 1:
          sw_column_window_grow_start (window);
          break;
        case 2:
          sw_column_window_grow_end (window);
          break;
        default:
          /* Keep the list between a few and a few hundred items. */
          if (n > 300)
            added = 0;
          insert_objects (source, pos, removed, added);
          break;
        }
      assert_window (window, G_LIST_MODEL (source), &m);
    }
  mirror_clear (&m);
}

/* ------------------------------------------------------------ the split */

typedef struct {
  SwFixture   fx;
  GListStore *cases;
  int         hidden;   /* cases whose number ends in this digit are filtered out; -1 none */
} SplitFixture;

static int
last_digit (SwCase *c)
{
  const char *number = sw_case_get_number (c);

  return number[strlen (number) - 1] - '0';
}

static int
column_func (SwCase   *c,
             gpointer  data)
{
  SplitFixture *sf = data;
  int digit = last_digit (c);

  return digit == sf->hidden ? -1 : digit % 3;
}

static void
split_setup (SplitFixture  *sf,
             gconstpointer  data)
{
  sw_fixture_setup (&sf->fx, data);
  sf->cases = g_list_store_new (SW_TYPE_CASE);
  sf->hidden = -1;
  for (guint i = 0; i < 30; i++)
    {
      g_autoptr(SwCase) c = sw_fixture_register (&sf->fx, "R01", FALSE);

      g_list_store_append (sf->cases, c);
    }
}

static void
split_teardown (SplitFixture  *sf,
                gconstpointer  data)
{
  g_clear_object (&sf->cases);
  sw_fixture_teardown (&sf->fx, data);
}

/* Each column is the source's cases that the function puts there, in order. */
static void
assert_split (SplitFixture   *sf,
              SwBoardColumns *split)
{
  for (guint col = 0; col < 3; col++)
    {
      GListModel *column = sw_board_columns_get (split, col);
      guint j = 0;

      for (guint i = 0, n = g_list_model_get_n_items (G_LIST_MODEL (sf->cases)); i < n; i++)
        {
          g_autoptr(SwCase) c = g_list_model_get_item (G_LIST_MODEL (sf->cases), i);
          g_autoptr(SwCase) shown = NULL;

          if (column_func (c, sf) != (int) col)
            continue;
          shown = g_list_model_get_item (column, j++);
          g_assert_true (shown == c);
        }
      g_assert_cmpuint (g_list_model_get_n_items (column), ==, j);
    }
}

static void
test_split (SplitFixture  *sf,
            gconstpointer  data)
{
  g_autoptr(SwBoardColumns) split = sw_board_columns_new (G_LIST_MODEL (sf->cases), 3, column_func, sf);
  g_autoptr(SwCase) extra = sw_fixture_register (&sf->fx, "R02", TRUE);
  Mirror m[3];

  assert_split (sf, split);
  for (guint col = 0; col < 3; col++)
    mirror_init (&m[col], sw_board_columns_get (split, col));

  /* One new case: one signal, on its own column. */
  g_list_store_insert (sf->cases, 7, extra);
  assert_split (sf, split);
  for (guint col = 0; col < 3; col++)
    {
      assert_mirror (&m[col]);
      g_assert_cmpuint (m[col].n_signals, ==, column_func (extra, sf) == (int) col ? 1 : 0);
    }

  /* Removed and replaced cases. */
  g_list_store_remove (sf->cases, 0);
  g_list_store_splice (sf->cases, 3, 4, NULL, 0);
  assert_split (sf, split);

  /* A stricter filter, then a different one, then none. */
  sf->hidden = 4;
  sw_board_columns_refilter (split, TRUE);
  assert_split (sf, split);
  sf->hidden = 7;
  sw_board_columns_refilter (split, FALSE);
  assert_split (sf, split);
  sf->hidden = -1;
  sw_board_columns_refilter (split, FALSE);
  assert_split (sf, split);
  for (guint col = 0; col < 3; col++)
    {
      assert_mirror (&m[col]);
      mirror_clear (&m[col]);
    }
}

/* ------------------------------------------------------------ the view */

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect (c, type, found);
}

static GtkWidget *
find_column (SwWindow *window,
             SwState   state)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new ();

  collect (GTK_WIDGET (window), SW_TYPE_COLUMN, columns);
  for (guint i = 0; i < columns->len; i++)
    if (sw_column_get_state (columns->pdata[i]) == state)
      return columns->pdata[i];
  g_assert_not_reached ();
}

static guint
count_cards (GtkWidget *column)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();

  collect (column, SW_TYPE_CASE_CARD, cards);
  return cards->len;
}

static SwCaseCard *
card_of (GtkWidget  *column,
         const char *id)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();

  collect (column, SW_TYPE_CASE_CARD, cards);
  for (guint i = 0; i < cards->len; i++)
    {
      SwCase *c = sw_case_card_get_case (cards->pdata[i]);

      if (c != NULL && g_strcmp0 (sw_case_get_id (c), id) == 0)
        return cards->pdata[i];
    }
  return NULL;
}

static GtkListView *
list_view_of (GtkWidget *column)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();

  collect (column, GTK_TYPE_LIST_VIEW, views);
  g_assert_cmpuint (views->len, ==, 1);
  return views->pdata[0];
}

/* Lays out and paints the window once, as a user would see it. */
static void
wait_frame (SwWindow *window)
{
  app_test_wait_paint (GTK_WIDGET (window));
  app_test_drain ();
}

static void
test_view (SplitFixture  *sf,
           gconstpointer  data)
{
  g_autoptr(SwContext) context = sw_context_new (sf->fx.store, NULL);
  g_autoptr(SwCase) last = NULL;
  g_autoptr(SwCase) middle = NULL;
  SwWindow *window;
  GtkWidget *column;
  GtkListView *view;
  GtkAdjustment *adj;
  SwCase *selected;
  guint shown;

  for (guint i = 0; i < 30; i++)
    {
      g_clear_object (&last);
      last = sw_fixture_register (&sf->fx, "R01", FALSE);
    }
  window = app_test_open_window (context, "O01");
  sw_window_set_board_kind (window, SW_BOARD_BRANCH);
  wait_frame (window);
  column = find_column (window, SW_STATE_REGISTERED);
  view = list_view_of (column);
  g_assert_cmpuint (g_list_model_get_n_items (sw_column_get_model (SW_COLUMN (column))), ==, 60);

  /* 60 cases, but cards only for the stretch the column shows. */
  shown = g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (view)));
  g_assert_cmpuint (shown, <, 60);
  g_assert_cmpuint (count_cards (column), <=, shown);
  g_assert_null (card_of (column, sw_case_get_id (last)));

  /* A case in the middle, the view not scrolled: its stretch gets the
   * cards above it too, for the Up key. */
  middle = g_list_model_get_item (sw_column_get_model (SW_COLUMN (column)), 30);
  g_assert_true (sw_board_focus_case (sw_window_get_board (window), middle));
  wait_frame (window);
  g_assert_nonnull (card_of (column, sw_case_get_id (middle)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (view))), >, PAGE);

  /* Focusing the last case makes its card, selected, and keeps few cards. */
  g_set_object (&last, sw_context_find_case (context, sw_case_get_id (last), NULL));
  g_assert_true (sw_board_focus_case (sw_window_get_board (window), last));
  wait_frame (window);
  g_assert_nonnull (card_of (column, sw_case_get_id (last)));
  selected = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (gtk_list_view_get_model (view)));
  g_assert_nonnull (selected);
  g_assert_cmpstr (sw_case_get_id (selected), ==, sw_case_get_id (last));
  g_assert_cmpuint (count_cards (column), <=, 2 * PAGE);

  /* Scrolling to the top of the stretch brings the cards above it. */
  adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  shown = g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (view)));
  gtk_adjustment_set_value (adj, 1);
  gtk_adjustment_set_value (adj, 0);
  wait_frame (window);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (view))), >, shown);

  /* A search empties the column and shows it from the top again. */
  sw_board_set_search (sw_window_get_board (window), "no such text anywhere");
  wait_frame (window);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (view))), ==, 0);
  g_assert_cmpuint (count_cards (column), ==, 0);
  sw_board_set_search (sw_window_get_board (window), NULL);
  wait_frame (window);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (view))), <, 60);
  g_assert_cmpuint (count_cards (column), >, 0);

  /* Scrolled down to the end of the stretch: more cards below. */
  shown = g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (view)));
  gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj));
  wait_frame (window);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (view))), >, shown);
  app_test_close_windows ();
}

/* Where the focused card is in the column, or G_MAXUINT. */
static guint
focused_position (SwWindow   *window,
                  GListModel *model)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (window));
  SwCase *c = NULL;

  for (GtkWidget *w = focus ? gtk_widget_get_first_child (focus) : NULL; w != NULL && c == NULL;
       w = gtk_widget_get_next_sibling (w))
    if (SW_IS_CASE_CARD (w))
      c = sw_case_card_get_case (SW_CASE_CARD (w));
  for (guint i = 0, n = g_list_model_get_n_items (model); c != NULL && i < n; i++)
    {
      g_autoptr(SwCase) item = g_list_model_get_item (model, i);

      if (item == c)
        return i;
    }
  return G_MAXUINT;
}

static void
press_down (SwWindow *window)
{
  app_test_xdotool ((const char *[]) { "key", "--clearmodifiers", "Down", NULL });
  wait_frame (window);
}

/* The arrow keys walk on past the cards made at first, none lost. */
static void
test_keys (SplitFixture  *sf,
           gconstpointer  data)
{
  g_autoptr(SwContext) context = sw_context_new (sf->fx.store, NULL);
  g_autofree char *xid = NULL;
  GListModel *model;
  SwWindow *window;
  GtkWidget *column;
  guint start;

  window = app_test_open_window (context, "O01");
  sw_window_set_board_kind (window, SW_BOARD_BRANCH);
  wait_frame (window);
  column = find_column (window, SW_STATE_REGISTERED);
  model = sw_column_get_model (SW_COLUMN (column));
  xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window))));
  app_test_xdotool ((const char *[]) { "windowfocus", "--sync", xid, NULL });
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (list_view_of (column))));
  press_down (window);
  start = focused_position (window, model);
  g_assert_cmpuint (start, <, 2);
  /* Across the end of the first stretch. */
  for (guint i = 0; i < PAGE + 2; i++)
    press_down (window);
  g_assert_cmpuint (focused_position (window, model), ==, start + PAGE + 2);
  app_test_close_windows ();
}

int
main (int   argc,
      char *argv[])
{
  app_test_init (&argc, &argv, "none");

  g_test_add_func ("/board-models/window", test_window_basics);
  g_test_add_func ("/board-models/window-random", test_window_random);
  g_test_add ("/board-models/split", SplitFixture, NULL, split_setup, test_split, split_teardown);
  g_test_add ("/board-models/view", SplitFixture, NULL, split_setup, test_view, split_teardown);
  g_test_add ("/board-models/keys", SplitFixture, NULL, split_setup, test_keys, split_teardown);
  return g_test_run ();
}
