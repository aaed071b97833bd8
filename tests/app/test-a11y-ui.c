/* test-a11y-ui.c — every icon-only control in the main window has a name a
 * screen reader can read, and a case card reads as number, state, due time,
 * kind and customer. Any GTK warning or critical fails the test.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "app-test-util.h"
#include "sw-acct-nav.h"
#include "sw-dir-nav.h"
#include "sw-board-logic.h"
#include "sw-case-card.h"
#include "sw-test-fixture.h"
#include "sw-window.h"

typedef struct {
  SwFixture  fx;
  SwContext *context;
  SwWindow  *window;
  char      *number;
} A11yFixture;

static void
a11y_setup (A11yFixture   *af,
            gconstpointer  data)
{
  g_autoptr(SwCase) c = NULL;
  g_autoptr(GError) error = NULL;

  sw_fixture_setup (&af->fx, data);
  c = sw_fixture_register (&af->fx, "R01", FALSE);
  af->number = g_strdup (sw_case_get_number (c));
  /* Days later, so the open case is overdue. */
  sw_store_set_now (af->fx.store, sw_test_time ("2026-12-08T10:00"));

  af->context = sw_context_new (af->fx.store, NULL);
  g_assert_true (sw_context_set_user (af->context, data != NULL ? data : "R01"));
  g_assert_true (sw_context_reload (af->context, &error));
  g_assert_no_error (error);
  af->window = sw_window_new (NULL, af->context);
  gtk_window_set_default_size (GTK_WINDOW (af->window), 1024, 768);
  gtk_window_present (GTK_WINDOW (af->window));
  sw_window_set_board_kind (af->window, SW_BOARD_BRANCH);
  app_test_drain ();
}

static void
a11y_teardown (A11yFixture   *af,
               gconstpointer  data)
{
  app_test_close_windows ();
  g_clear_object (&af->context);
  g_clear_pointer (&af->number, g_free);
  sw_fixture_teardown (&af->fx, data);
}

/* Text shown inside `w`, not counting popovers it owns. */
static gboolean
shows_text (GtkWidget *w)
{
  if (GTK_IS_POPOVER (w))
    return FALSE;
  if (GTK_IS_LABEL (w) && *gtk_label_get_text (GTK_LABEL (w)) != '\0')
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
    if (shows_text (c))
      return TRUE;
  return FALSE;
}

static gboolean
has_text (const char *s)
{
  return s != NULL && *s != '\0';
}

static void
check_named (GtkWidget *w,
             guint     *n_icon_only)
{
  const char *data = g_object_get_data (G_OBJECT (w), "sw-a11y-label");

  if (shows_text (w))
    return;
  (*n_icon_only)++;
  if (!has_text (gtk_widget_get_tooltip_text (w)) && !has_text (data))
    {
      g_autofree char *path = app_test_widget_path (w);
      g_error ("%s has neither text, a tooltip nor an accessible label", path);
    }
  /* Read the name back from the test accessibility backend. */
  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (w), GTK_ACCESSIBLE_PROPERTY_LABEL))
    {
      g_autofree char *path = app_test_widget_path (w);
      g_error ("%s (tooltip “%s”) has no accessible label", path, gtk_widget_get_tooltip_text (w));
    }
}

static void
walk (GtkWidget  *w,
      guint      *n_icon_only,
      GPtrArray  *cards)
{
  GtkWidget *parent = gtk_widget_get_parent (w);

  /* Hidden controls cannot be reached; GTK's own composites name their parts. */
  if (!gtk_widget_get_visible (w) ||
      GTK_IS_WINDOW_CONTROLS (w) || GTK_IS_DROP_DOWN (w) || GTK_IS_SPIN_BUTTON (w))
    return;
  if (SW_IS_CASE_CARD (w))
    g_ptr_array_add (cards, w);
  if (GTK_IS_MENU_BUTTON (w))
    check_named (w, n_icon_only);
  /* A menu button's inner toggle is not a control of its own. */
  else if (GTK_IS_BUTTON (w) && !GTK_IS_MENU_BUTTON (parent))
    check_named (w, n_icon_only);
  for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
    walk (c, n_icon_only, cards);
}

static void
test_icon_buttons (A11yFixture   *af,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();
  guint n_icon_only = 0;

  walk (GTK_WIDGET (af->window), &n_icon_only, cards);
  /* Sidebar, new case, main menu, sync, search, and each card's menu at least. */
  g_assert_cmpuint (n_icon_only, >=, 6);
  g_assert_cmpuint (cards->len, >=, 1);
}

/* The pages an administrator opens from the sidebar. */
static void
test_admin_pages (A11yFixture   *af,
                  gconstpointer  data)
{
  static const SwAcctPage acct[] = { SW_ACCT_FINDINGS, SW_ACCT_REPORTS, SW_ACCT_INSPECTIONS };
  static const SwDirPage dir[] = { SW_DIR_PAGE_STAFF, SW_DIR_PAGE_DEPARTMENTS };

  for (guint i = 0; i < G_N_ELEMENTS (acct); i++)
    {
      g_autoptr(GPtrArray) cards = g_ptr_array_new ();
      guint n_icon_only = 0;
      GtkWidget *page = sw_acct_nav_show (sw_window_get_accountability (af->window), acct[i]);

      g_assert_nonnull (page);
      app_test_drain ();
      walk (page, &n_icon_only, cards);
      if (acct[i] == SW_ACCT_FINDINGS)
        g_assert_cmpuint (n_icon_only, >=, 1);
    }
  for (guint i = 0; i < G_N_ELEMENTS (dir); i++)
    {
      g_autoptr(GPtrArray) cards = g_ptr_array_new ();
      guint n_icon_only = 0;
      GtkWidget *page = sw_dir_nav_show (sw_window_get_directory (af->window), dir[i]);

      g_assert_nonnull (page);
      app_test_drain ();
      walk (page, &n_icon_only, cards);
      /* New and Import/Export. */
      g_assert_cmpuint (n_icon_only, >=, 2);
    }
}

static void
test_card_label (A11yFixture   *af,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();
  guint n_icon_only = 0;
  SwCaseCard *card = NULL;
  const char *label;

  walk (GTK_WIDGET (af->window), &n_icon_only, cards);
  for (guint i = 0; i < cards->len; i++)
    {
      SwCase *c = sw_case_card_get_case (g_ptr_array_index (cards, i));

      if (c != NULL && g_strcmp0 (sw_case_get_number (c), af->number) == 0)
        card = g_ptr_array_index (cards, i);
    }
  g_assert_nonnull (card);

  label = g_object_get_data (G_OBJECT (card), "sw-a11y-label");
  g_assert_nonnull (label);
  g_assert_true (g_str_has_prefix (label, af->number));
  g_assert_nonnull (strstr (label, sw_column_label (sw_case_get_state (sw_case_card_get_case (card)))));
  g_assert_nonnull (strstr (label, "overdue by"));
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL));
  gtk_test_accessible_assert_property (card, GTK_ACCESSIBLE_PROPERTY_LABEL, label);
}

int
main (int   argc,
      char *argv[])
{
  /* The test backend keeps accessible properties where the test can read them. */
  app_test_init (&argc, &argv, "test");

  g_test_add ("/a11y/icon-buttons", A11yFixture, NULL, a11y_setup, test_icon_buttons, a11y_teardown);
  g_test_add ("/a11y/admin-pages", A11yFixture, "A01", a11y_setup, test_admin_pages, a11y_teardown);
  g_test_add ("/a11y/card-label", A11yFixture, NULL, a11y_setup, test_card_label, a11y_teardown);
  return g_test_run ();
}
