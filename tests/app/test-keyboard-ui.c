/* test-keyboard-ui.c — the app works from the keyboard alone. Real key
 * presses (xdotool, through the X server of Xvfb) walk each window with Tab
 * and must reach every visible control; lists are entered with Tab and
 * walked with the arrow keys; the shortcuts open and save a registration
 * and open a case. Any GTK warning or critical fails the test.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <gdk/x11/gdkx.h>

#include "app-test-util.h"
#include "sw-acct-nav.h"
#include "sw-case-view.h"
#include "sw-dir-nav.h"
#include "sw-preferences-window.h"
#include "sw-register-dialog.h"
#include "sw-test-fixture.h"
#include "sw-window.h"

typedef struct {
  SwFixture  fx;
  SwContext *context;
  SwWindow  *window;
} KeyFixture;

static void
key_setup (KeyFixture    *kf,
           gconstpointer  data)
{
  sw_fixture_setup (&kf->fx, data);
  for (int i = 0; i < 3; i++)
    g_object_unref (sw_fixture_register (&kf->fx, "R01", FALSE));
  kf->context = sw_context_new (kf->fx.store, NULL);
  kf->window = app_test_open_window (kf->context, data != NULL ? data : "O01");
}

static void
key_teardown (KeyFixture    *kf,
              gconstpointer  data)
{
  app_test_close_windows ();
  g_clear_object (&kf->context);
  sw_fixture_teardown (&kf->fx, data);
}

/* ------------------------------------------------------------ real keys */


/* Gives `window` the X input focus, as clicking it would. */
static void
focus_window (GtkWindow *window)
{
  g_autofree char *xid = NULL;
  GdkSurface *surface;

  app_test_drain ();
  surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_assert_true (GDK_IS_X11_SURFACE (surface));
  xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  app_test_xdotool ((const char *[]) { "windowfocus", "--sync", xid, NULL });
  g_assert_true (gtk_window_is_active (window));
}

static void
press (const char *keys)
{
  app_test_xdotool ((const char *[]) { "key", "--clearmodifiers", keys, NULL });
}

static void
type (const char *text)
{
  app_test_xdotool ((const char *[]) { "type", "--delay", "1", text, NULL });
}

/* ------------------------------------------------------------ the walk */

/* What the Tab key does: GtkWindow binds it to "move-focus". Emitting the
 * signal is the same walk as pressing the key (the tests below press real
 * Tabs too), only quicker. */
static void
tab (GtkWindow *window)
{
  g_signal_emit_by_name (window, "move-focus", GTK_DIR_TAB_FORWARD);
  app_test_drain ();
}

/* Lists and boxed lists are one Tab stop: their rows are walked with the
 * arrow keys (tested for the board below). */
static gboolean
is_group (GtkWidget *w)
{
  return GTK_IS_LIST_VIEW (w) || GTK_IS_LIST_BOX (w) || GTK_IS_GRID_VIEW (w) ||
         GTK_IS_COLUMN_VIEW (w) || GTK_IS_FLOW_BOX (w) ||
         g_strcmp0 (gtk_widget_get_name (w), "sidebar") == 0;      /* tested below */
}

static gboolean
has_focusable_child (GtkWidget *w)
{
  for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
    if (gtk_widget_get_mapped (c) && (gtk_widget_get_focusable (c) || has_focusable_child (c)))
      return TRUE;
  return FALSE;
}

/* The widget's path, with its label or tooltip. */
static char *
path_of (GtkWidget *w)
{
  g_autofree char *types = app_test_widget_path (w);
  GString *path = g_string_new (types);

  if (GTK_IS_BUTTON (w) && gtk_button_get_label (GTK_BUTTON (w)))
    g_string_append_printf (path, " “%s”", gtk_button_get_label (GTK_BUTTON (w)));
  if (gtk_widget_get_tooltip_text (w))
    g_string_append_printf (path, " (%s)", gtk_widget_get_tooltip_text (w));
  return g_string_free (path, FALSE);
}

/* The controls a user can see and use: focusable, shown, sensitive, in a
 * part of the window that takes focus; for a list, the list itself. */
static void
collect_controls (GtkWidget *w,
                  GPtrArray *controls)
{
  if (!gtk_widget_get_mapped (w) || !gtk_widget_is_sensitive (w) ||
      !gtk_widget_get_can_focus (w) || GTK_IS_POPOVER (w) || GTK_IS_SCROLLBAR (w))
    return;
  if (is_group (w))
    {
      /* An empty list has nothing to focus: Tab passes it by. */
      if (has_focusable_child (w))
        g_ptr_array_add (controls, w);
      return;
    }
  if (gtk_widget_get_focusable (w))
    g_ptr_array_add (controls, w);
  for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
    collect_controls (c, controls);
}

/* Presses Tab until the focus comes back to a widget it rested on before,
 * and returns those widgets with each of their ancestors. */
static GHashTable *
tab_walk (GtkWindow *window)
{
  GHashTable *reached = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) rested = g_hash_table_new (NULL, NULL);

  focus_window (window);
  for (guint i = 0; i < 400; i++)
    {
      GtkWidget *focus;

      tab (window);
      focus = gtk_window_get_focus (window);
      if (focus == NULL)
        continue;
      if (!g_hash_table_add (rested, focus))
        return reached;
      if (g_getenv ("KBD_DEBUG"))
        {
          g_autofree char *path = path_of (focus);
          g_printerr ("tab %u: %s\n", i, path);
        }
      for (GtkWidget *w = focus; w; w = gtk_widget_get_parent (w))
        g_hash_table_add (reached, w);
    }
  g_error ("Tab never came back to where it started in %s", G_OBJECT_TYPE_NAME (window));
}

/* Every control under `root` is reached by Tab from the window; returns how
 * many controls there were. */
static guint
assert_all_reachable (GtkWindow *window,
                      GtkWidget *root)
{
  g_autoptr(GHashTable) reached = NULL;
  g_autoptr(GPtrArray) controls = g_ptr_array_new ();
  g_autoptr(GString) missed = g_string_new (NULL);

  collect_controls (root, controls);
  reached = tab_walk (window);
  for (guint i = 0; i < controls->len; i++)
    if (!g_hash_table_contains (reached, g_ptr_array_index (controls, i)))
      {
        g_autofree char *path = path_of (g_ptr_array_index (controls, i));
        g_string_append_printf (missed, "\n  %s", path);
      }
  if (missed->len > 0)
    g_error ("Tab does not reach these controls:%s", missed->str);
  return controls->len;
}

/* ------------------------------------------------------------ tests */

static void
test_main_window (KeyFixture    *kf,
                  gconstpointer  data)
{
  /* Sidebar, search, new case, menus and each column's list at least. */
  g_assert_cmpuint (assert_all_reachable (GTK_WINDOW (kf->window), GTK_WIDGET (kf->window)), >=, 6);
}

static void
test_register_by_keyboard (KeyFixture    *kf,
                           gconstpointer  data)
{
  GtkWindow *dialog;
  GtkWidget *content;
  SwCaseQuery q = SW_CASE_QUERY_INIT;
  g_autoptr(GListModel) found = NULL;
  g_autoptr(SwCase) c = NULL;
  guint before = sw_store_count_cases (kf->fx.store);

  focus_window (GTK_WINDOW (kf->window));
  press ("ctrl+n");
  dialog = GTK_WINDOW (app_test_find_window (SW_TYPE_REGISTER_DIALOG));
  g_assert_nonnull (dialog);
  assert_all_reachable (dialog, GTK_WIDGET (dialog));

  /* Tab to the request and write it; Tab on to Anonymous and switch it on
   * with Space; save with Ctrl+Return, from inside the text. */
  focus_window (dialog);
  for (guint i = 0; i < 50 && !GTK_IS_TEXT_VIEW (gtk_window_get_focus (dialog)); i++)
    press ("Tab");
  content = gtk_window_get_focus (dialog);
  g_assert_true (GTK_IS_TEXT_VIEW (content));
  type ("Lost debit card, wants it stopped");
  for (guint i = 0; i < 50 && !GTK_IS_SWITCH (gtk_window_get_focus (dialog)); i++)
    press ("Tab");
  g_assert_true (GTK_IS_SWITCH (gtk_window_get_focus (dialog)));
  press ("space");
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (gtk_window_get_focus (dialog))));
  press ("shift+Tab");
  for (guint i = 0; i < 50 && gtk_window_get_focus (dialog) != content; i++)
    press ("shift+Tab");
  g_assert_true (gtk_window_get_focus (dialog) == content);
  press ("ctrl+Return");
  g_assert_cmpuint (sw_store_count_cases (kf->fx.store), ==, before + 1);
  q.text = "Lost debit card";
  found = sw_store_list_cases (kf->fx.store, &q, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  c = g_list_model_get_item (found, 0);
  g_assert_cmpstr (sw_case_get_content (c), ==, "Lost debit card, wants it stopped");
  g_assert_true (sw_case_get_anonymous (c));

  /* Escape leaves a dialog without saving. */
  g_assert_null (app_test_find_window (SW_TYPE_REGISTER_DIALOG));
  focus_window (GTK_WINDOW (kf->window));
  press ("ctrl+n");
  dialog = GTK_WINDOW (app_test_find_window (SW_TYPE_REGISTER_DIALOG));
  g_assert_nonnull (dialog);
  focus_window (dialog);
  press ("Escape");
  g_assert_null (app_test_find_window (SW_TYPE_REGISTER_DIALOG));
  g_assert_cmpuint (sw_store_count_cases (kf->fx.store), ==, before + 1);
}

static GtkWidget *
find_named (GtkWidget  *w,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (w), name) == 0)
    return w;
  for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_named (c, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
count_rows (GtkWidget *w)
{
  guint n = GTK_IS_LIST_BOX_ROW (w) && gtk_widget_is_visible (w);

  for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
    n += count_rows (c);
  return n;
}

static gboolean
in_sidebar (GtkWidget *focus,
            GtkWidget *sidebar)
{
  return focus != NULL && gtk_widget_is_ancestor (focus, sidebar);
}

/* The sidebar is one Tab stop, passed without showing another page (a
 * list's selection followed the focus, and Tab walked every row: passing
 * showed every page on the way). The arrow keys walk all its rows, from
 * one list to the next, without showing their pages either; Return shows
 * the focused row's. */
static void
test_sidebar (KeyFixture    *kf,
              gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (kf->window);
  GtkWidget *sidebar = find_named (GTK_WIDGET (window), "sidebar");
  AdwWindowTitle *title = ADW_WINDOW_TITLE (app_test_find_widget (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE));
  g_autofree char *board = g_strdup (adw_window_title_get_title (title));
  g_autoptr(GHashTable) walked = g_hash_table_new (NULL, NULL);
  GtkWidget *start, *focus, *last = NULL;
  guint stops = 0;

  g_assert_nonnull (sidebar);
  focus_window (window);
  press ("Tab");
  start = gtk_window_get_focus (window);
  for (guint i = 0; i < 100; i++)
    {
      press ("Tab");
      focus = gtk_window_get_focus (window);
      g_assert_cmpstr (adw_window_title_get_title (title), ==, board);
      stops += in_sidebar (focus, sidebar);
      if (focus == start)
        break;
    }
  g_assert_true (gtk_window_get_focus (window) == start);
  g_assert_cmpuint (stops, ==, 1);

  /* Shift+Tab passes it the other way, also in one step. */
  for (guint i = 0; i < 100 && !in_sidebar (gtk_window_get_focus (window), sidebar); i++)
    press ("shift+Tab");
  g_assert_true (in_sidebar (gtk_window_get_focus (window), sidebar));
  press ("shift+Tab");
  g_assert_false (in_sidebar (gtk_window_get_focus (window), sidebar));
  /* Coming back, the focus lands on the board shown. */
  press ("Tab");
  focus = gtk_window_get_focus (window);
  g_assert_true (in_sidebar (focus, sidebar));
  g_assert_true (gtk_widget_get_state_flags (focus) & GTK_STATE_FLAG_SELECTED);
  g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (focus)), ==,
                   sw_board_get_kind (sw_window_get_board (kf->window)));

  /* Up to the top, then Down through every row to the end, where it stays. */
  for (guint i = 0; i < 30; i++)
    press ("Up");
  for (guint i = 0; i < 30 && (focus = gtk_window_get_focus (window)) != last; i++)
    {
      g_assert_true (in_sidebar (focus, sidebar));
      g_hash_table_add (walked, focus);
      last = focus;
      press ("Down");
    }
  g_assert_cmpuint (g_hash_table_size (walked), ==, count_rows (sidebar));
  g_assert_cmpstr (adw_window_title_get_title (title), ==, board);
  g_assert_nonnull (gtk_widget_get_ancestor (last, SW_TYPE_DIR_NAV));

  press ("Return");
  g_assert_cmpstr (adw_window_title_get_title (title), ==,
                   sw_dir_page_title (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (last))));
  g_assert_true (gtk_window_get_focus (window) == last);
}

/* Tab into a column, Down to the next card, Return opens it, Escape closes. */
static void
test_board_cards (KeyFixture    *kf,
                  gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (kf->window);
  GtkWidget *list = NULL, *first_item;
  GtkWindow *view;

  sw_window_set_board_kind (kf->window, SW_BOARD_BRANCH);
  focus_window (window);
  for (guint i = 0; i < 200 && list == NULL; i++)
    {
      GtkWidget *f;

      press ("Tab");
      f = gtk_window_get_focus (window);
      for (GtkWidget *w = f; w && list == NULL; w = gtk_widget_get_parent (w))
        if (GTK_IS_LIST_VIEW (w))
          list = w;
    }
  g_assert_nonnull (list);
  first_item = gtk_window_get_focus (window);
  press ("Down");
  g_assert_true (gtk_window_get_focus (window) != first_item);
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (window), list));

  press ("Return");
  view = GTK_WINDOW (app_test_find_window (SW_TYPE_CASE_VIEW));
  g_assert_nonnull (view);
  assert_all_reachable (view, GTK_WIDGET (view));
  press ("Escape");
  g_assert_null (app_test_find_window (SW_TYPE_CASE_VIEW));
}

/* The administrator's pages below the boards. */
static void
test_admin_pages (KeyFixture    *kf,
                  gconstpointer  data)
{
  static const SwAcctPage acct[] = { SW_ACCT_FINDINGS, SW_ACCT_REPORTS, SW_ACCT_INSPECTIONS };
  static const SwDirPage dir[] = { SW_DIR_PAGE_STAFF, SW_DIR_PAGE_DEPARTMENTS, SW_DIR_PAGE_TEMPLATES };
  GtkWindow *window = GTK_WINDOW (kf->window);

  for (guint i = 0; i < G_N_ELEMENTS (acct); i++)
    {
      GtkWidget *page = sw_acct_nav_show (sw_window_get_accountability (kf->window), acct[i]);

      app_test_drain ();
      g_assert_cmpuint (assert_all_reachable (window, page), >=, 1);
    }
  for (guint i = 0; i < G_N_ELEMENTS (dir); i++)
    {
      GtkWidget *page = sw_dir_nav_show (sw_window_get_directory (kf->window), dir[i]);

      app_test_drain ();
      /* Search, New, Import/Export and the list. */
      g_assert_cmpuint (assert_all_reachable (window, page), >=, 3);
    }
}

static void
test_preferences (KeyFixture    *kf,
                  gconstpointer  data)
{
  GtkWidget *prefs = sw_preferences_window_new (kf->context);

  gtk_window_set_transient_for (GTK_WINDOW (prefs), GTK_WINDOW (kf->window));
  gtk_window_present (GTK_WINDOW (prefs));
  app_test_drain ();
  g_assert_cmpuint (assert_all_reachable (GTK_WINDOW (prefs), prefs), >=, 3);
  focus_window (GTK_WINDOW (prefs));
  press ("Escape");
  g_assert_null (app_test_find_window (SW_TYPE_PREFERENCES_WINDOW));
}

int
main (int   argc,
      char *argv[])
{
  app_test_init (&argc, &argv, "none");

  g_test_add ("/keyboard/main-window", KeyFixture, NULL, key_setup, test_main_window, key_teardown);
  g_test_add ("/keyboard/register", KeyFixture, "R01", key_setup, test_register_by_keyboard, key_teardown);
  g_test_add ("/keyboard/board-cards", KeyFixture, NULL, key_setup, test_board_cards, key_teardown);
  g_test_add ("/keyboard/sidebar", KeyFixture, NULL, key_setup, test_sidebar, key_teardown);
  g_test_add ("/keyboard/admin-pages", KeyFixture, "A01", key_setup, test_admin_pages, key_teardown);
  g_test_add ("/keyboard/preferences", KeyFixture, "A01", key_setup, test_preferences, key_teardown);
  return g_test_run ();
}
