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

GtkListBox *
sw_nav_list_new_section (GtkBox       *box,
                         const char   *heading,
                         guint         n_pages,
                         const char *(*title) (guint page),
                         GtkWidget   **rows)
{
  GtkWidget *label = gtk_label_new (heading);
  GtkListBox *list = GTK_LIST_BOX (gtk_list_box_new ());

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 18);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "dim-label");
  sw_nav_list_init (list);
  gtk_box_append (box, gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (box, label);
  gtk_box_append (box, GTK_WIDGET (list));
  for (guint p = 0; p < n_pages; p++)
    {
      GtkWidget *row_label = gtk_label_new (title (p));

      gtk_label_set_xalign (GTK_LABEL (row_label), 0);
      gtk_list_box_append (list, row_label);
      rows[p] = GTK_WIDGET (gtk_list_box_get_row_at_index (list, p));
    }
  return list;
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

/* The marked row (the page shown) of the lists under w, or NULL. */
static GtkWidget *
marked_row (GtkWidget *w)
{
  if (!gtk_widget_get_visible (w))
    return NULL;
  if (GTK_IS_LIST_BOX (w))
    return GTK_WIDGET (sw_nav_list_get_marked (GTK_LIST_BOX (w)));
  for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = marked_row (c);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether a pointer button is down in the sidebar (then the focus goes
 * where it was clicked). */
static gboolean
pointer_cb (GtkEventControllerLegacy *legacy,
            GdkEvent                 *event,
            GtkWidget                *sidebar)
{
  GdkEventType type = gdk_event_get_event_type (event);

  if (type == GDK_BUTTON_PRESS || type == GDK_TOUCH_BEGIN)
    g_object_set_data (G_OBJECT (sidebar), "sw-pointer-down", GINT_TO_POINTER (TRUE));
  else if (type == GDK_BUTTON_RELEASE || type == GDK_TOUCH_END || type == GDK_TOUCH_CANCEL)
    g_object_set_data (G_OBJECT (sidebar), "sw-pointer-down", NULL);
  return FALSE;
}

static gboolean
land_on_marked (gpointer data)
{
  GtkWidget *sidebar = data;
  GtkRoot *root = gtk_widget_get_root (sidebar);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *marked = marked_row (sidebar);

  if (focus != NULL && gtk_widget_is_ancestor (focus, sidebar) && marked != NULL && focus != marked)
    gtk_widget_grab_focus (marked);
  return G_SOURCE_REMOVE;
}

/* Tabbing into the sidebar lands on the page shown, as in a list that
 * selects (once the window has placed the focus). */
static void
focus_enter_cb (GtkEventControllerFocus *focus,
                GtkWidget               *sidebar)
{
  if (g_object_get_data (G_OBJECT (sidebar), "sw-pointer-down") != NULL)
    return;
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, land_on_marked, g_object_ref (sidebar), g_object_unref);
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
  GtkEventController *focus, *pointer;

  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (key_pressed_cb), sidebar);
  gtk_widget_add_controller (sidebar, key);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "enter", G_CALLBACK (focus_enter_cb), sidebar);
  gtk_widget_add_controller (sidebar, focus);
  pointer = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (pointer, GTK_PHASE_CAPTURE);
  g_signal_connect (pointer, "event", G_CALLBACK (pointer_cb), sidebar);
  gtk_widget_add_controller (sidebar, pointer);
  connect_lists (sidebar, sidebar);
  /* For tests and themes: the part of the window this is. */
  gtk_widget_set_name (sidebar, "sidebar");
}

GtkListBoxRow *
sw_nav_list_single_match (GtkListBox *list)
{
  GtkListBoxRow *match = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list)); child;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!GTK_IS_LIST_BOX_ROW (child) || !gtk_widget_get_visible (child) ||
          !gtk_widget_get_child_visible (child))
        continue;
      if (match != NULL)
        return NULL;
      match = GTK_LIST_BOX_ROW (child);
    }
  return match;
}

static void
search_activate_cb (GtkSearchEntry *search,
                    GtkListBox     *list)
{
  GtkListBoxRow *row = sw_nav_list_single_match (list);

  if (row == NULL)
    return;
  if (gtk_list_box_get_selection_mode (list) != GTK_SELECTION_NONE)
    gtk_list_box_select_row (list, row);
  g_signal_emit_by_name (list, "row-activated", row);
}

void
sw_nav_list_enter_picks (GtkSearchEntry *search,
                         GtkListBox     *list)
{
  g_signal_connect_object (search, "activate", G_CALLBACK (search_activate_cb), list, 0);
}
