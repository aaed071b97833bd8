/* sw-nav-list.c — the sidebar's lists and how the keyboard moves in them
 *
 * In GTK 4.8 Tab walks a list box's rows one by one, and a selection
 * follows the focus: passing the sidebar with Tab showed every page on the
 * way and took thirteen presses. So the lists select nothing themselves,
 * and the sidebar is one Tab stop, walked with the arrow keys.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-nav-list.h"

void
sw_nav_list_init (GtkListBox *list)
{
  gtk_list_box_set_selection_mode (list, GTK_SELECTION_NONE);
  gtk_list_box_set_activate_on_single_click (list, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (list), "navigation-sidebar");
}

void
sw_nav_list_mark (GtkListBox    *list,
                  GtkListBoxRow *row)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list)); child;
       child = gtk_widget_get_next_sibling (child))
    {
      gboolean marked = child == GTK_WIDGET (row);

      if (!GTK_IS_LIST_BOX_ROW (child))
        continue;
      if (marked)
        gtk_widget_set_state_flags (child, GTK_STATE_FLAG_SELECTED, FALSE);
      else
        gtk_widget_unset_state_flags (child, GTK_STATE_FLAG_SELECTED);
      gtk_accessible_update_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_SELECTED, marked, -1);
    }
}

GtkListBoxRow *
sw_nav_list_get_marked (GtkListBox *list)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list)); child;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && (gtk_widget_get_state_flags (child) & GTK_STATE_FLAG_SELECTED))
      return GTK_LIST_BOX_ROW (child);
  return NULL;
}

/* The lists under w that are shown, in order. */
static void
collect_lists (GtkWidget *w,
               GPtrArray *lists)
{
  if (!gtk_widget_get_visible (w))
    return;
  if (GTK_IS_LIST_BOX (w))
    {
      g_ptr_array_add (lists, w);
      return;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
    collect_lists (c, lists);
}

/* A list's first or last row that is shown, or NULL. */
static GtkWidget *
list_edge_row (GtkWidget *list,
               gboolean   last)
{
  GtkWidget *found = NULL;

  for (GtkWidget *c = gtk_widget_get_first_child (list); c; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_LIST_BOX_ROW (c) && gtk_widget_get_visible (c))
      {
        found = c;
        if (!last)
          break;
      }
  return found;
}

/* The first or last row of the first or last list that has one. */
static GtkWidget *
edge_row (GtkWidget *sidebar,
          gboolean   last)
{
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();

  collect_lists (sidebar, lists);
  for (guint n = 0; n < lists->len; n++)
    {
      GtkWidget *found = list_edge_row (g_ptr_array_index (lists, last ? lists->len - 1 - n : n), last);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Tab goes on from the sidebar's last row, Shift+Tab back from its first,
 * wherever in the sidebar the focus is: the window does the rest. */
static gboolean
key_pressed_cb (GtkEventControllerKey *key,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkWidget             *sidebar)
{
  gboolean back = keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK) != 0;
  GtkWidget *edge;

  if ((keyval != GDK_KEY_Tab && keyval != GDK_KEY_KP_Tab && keyval != GDK_KEY_ISO_Left_Tab) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  edge = edge_row (sidebar, !back);
  if (edge != NULL && gtk_root_get_focus (gtk_widget_get_root (sidebar)) != edge)
    gtk_widget_grab_focus (edge);
  return FALSE;
}

/* Down from a list's last row goes to the next list's first, Up from its
 * first row to the one before's last. */
static gboolean
keynav_failed_cb (GtkWidget        *list,
                  GtkDirectionType  direction,
                  GtkWidget        *sidebar)
{
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();
  guint i;

  if (direction != GTK_DIR_DOWN && direction != GTK_DIR_UP)
    return FALSE;
  collect_lists (sidebar, lists);
  if (!g_ptr_array_find (lists, list, &i))
    return FALSE;
  while (direction == GTK_DIR_DOWN ? ++i < lists->len : i-- > 0)
    {
      GtkWidget *row = list_edge_row (g_ptr_array_index (lists, i), direction == GTK_DIR_UP);

      if (row != NULL)
        {
          gtk_widget_grab_focus (row);
          return TRUE;
        }
    }
  return TRUE;      /* the end of the sidebar: stay */
}

static void
connect_lists (GtkWidget *w,
               GtkWidget *sidebar)
{
  if (GTK_IS_LIST_BOX (w))
    {
      g_signal_connect (w, "keynav-failed", G_CALLBACK (keynav_failed_cb), sidebar);
      return;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
    connect_lists (c, sidebar);
}

void
sw_nav_sidebar_init (GtkWidget *sidebar)
{
  GtkEventController *key = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (key_pressed_cb), sidebar);
  gtk_widget_add_controller (sidebar, key);
  connect_lists (sidebar, sidebar);
  /* For tests and themes: the part of the window this is. */
  gtk_widget_set_name (sidebar, "sidebar");
}
