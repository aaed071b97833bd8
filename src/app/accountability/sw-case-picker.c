/* sw-case-picker.c — cases picked from a list (search and check) instead of typed numbers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "sw-case-picker.h"

#define MAX_ROWS 200

typedef struct {
  SwContext  *context;
  GtkEditable *search;
  GtkListBox *list;
  GtkLabel   *more_label;
  GHashTable *checked;       /* numbers */
  char       *department;
  guint       n_shown;
} Picker;

static void
picker_free (gpointer data)
{
  Picker *p = data;

  g_clear_object (&p->context);
  g_hash_table_unref (p->checked);
  g_free (p->department);
  g_free (p);
}

static Picker *
get_picker (GtkWidget *picker)
{
  return g_object_get_data (G_OBJECT (picker), "sw-case-picker");
}

static gboolean
in_department (SwCase     *c,
               const char *department)
{
  return department == NULL ||
         g_strcmp0 (sw_case_get_owner_department (c), department) == 0 ||
         g_strcmp0 (sw_case_get_handler_department (c), department) == 0 ||
         g_strcmp0 (sw_case_get_target_department (c), department) == 0;
}

static void
toggled_cb (GtkCheckButton *button,
            Picker         *p)
{
  const char *number = g_object_get_data (G_OBJECT (button), "sw-number");

  if (gtk_check_button_get_active (button))
    g_hash_table_add (p->checked, g_strdup (number));
  else
    g_hash_table_remove (p->checked, number);
}

static void
refill (Picker *p)
{
  GListModel *cases = sw_context_get_cases (p->context);
  const char *text = gtk_editable_get_text (p->search);
  GtkWidget *child;
  guint matches = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (p->list))) != NULL)
    gtk_list_box_remove (p->list, child);
  p->n_shown = 0;
  for (guint i = 0, n = g_list_model_get_n_items (cases); i < n; i++)
    {
      g_autoptr(SwCase) c = g_list_model_get_item (cases, i);
      g_autofree char *label = NULL;
      GtkWidget *check;

      if (!in_department (c, p->department))
        continue;
      if (*text != '\0' && strstr (sw_case_get_number (c), text) == NULL &&
          strstr (sw_case_get_content (c) ? sw_case_get_content (c) : "", text) == NULL)
        continue;
      if (++matches > MAX_ROWS)
        continue;
      label = g_strdup_printf ("%s · %s · %s", sw_case_get_number (c), sw_kind_label (sw_case_get_kind (c)),
                               sw_case_get_content (c) ? sw_case_get_content (c) : "");
      check = gtk_check_button_new_with_label (label);
      gtk_label_set_ellipsize (GTK_LABEL (gtk_widget_get_last_child (check)), PANGO_ELLIPSIZE_END);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_hash_table_contains (p->checked, sw_case_get_number (c)));
      g_object_set_data_full (G_OBJECT (check), "sw-number", g_strdup (sw_case_get_number (c)), g_free);
      g_signal_connect (check, "toggled", G_CALLBACK (toggled_cb), p);
      gtk_list_box_append (p->list, check);
      p->n_shown++;
    }
  if (matches > MAX_ROWS)
    {
      g_autofree char *more = g_strdup_printf (_("%u of %u cases shown; search to narrow the list"), MAX_ROWS, matches);

      gtk_label_set_label (p->more_label, more);
    }
  gtk_widget_set_visible (GTK_WIDGET (p->more_label), matches > MAX_ROWS);
}

GtkWidget *
sw_case_picker_new (SwContext *context)
{
  Picker *p = g_new0 (Picker, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *placeholder = gtk_label_new (_("No case matches"));

  p->context = g_object_ref (context);
  p->checked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  p->search = GTK_EDITABLE (gtk_search_entry_new ());
  p->list = GTK_LIST_BOX (gtk_list_box_new ());
  p->more_label = GTK_LABEL (gtk_label_new (NULL));
  g_object_set_data_full (G_OBJECT (box), "sw-case-picker", p, picker_free);

  g_object_set (p->search, "placeholder-text", _("Search by number or content"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (p->search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search the cases looked at"), -1);
  gtk_list_box_set_selection_mode (p->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (p->list, placeholder);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (p->list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (scrolled, -1, 160);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_widget_add_css_class (GTK_WIDGET (p->more_label), "dim-label");
  gtk_label_set_xalign (p->more_label, 0);
  gtk_widget_set_hexpand (box, TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (p->search));
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (p->more_label));
  g_signal_connect_swapped (p->search, "search-changed", G_CALLBACK (refill), p);
  refill (p);
  return box;
}

void
sw_case_picker_set_department (GtkWidget  *picker,
                               const char *department)
{
  Picker *p = get_picker (picker);

  g_free (p->department);
  p->department = g_strdup (department);
  refill (p);
}

void
sw_case_picker_set_search (GtkWidget  *picker,
                           const char *text)
{
  Picker *p = get_picker (picker);

  gtk_editable_set_text (p->search, text ? text : "");
  refill (p);
}

void
sw_case_picker_set_checked (GtkWidget  *picker,
                            const char *numbers)
{
  Picker *p = get_picker (picker);
  g_auto(GStrv) words = g_strsplit_set (numbers ? numbers : "", " ,;，；\t", -1);

  g_hash_table_remove_all (p->checked);
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_hash_table_add (p->checked, g_strdup (words[i]));
  refill (p);
}

void
sw_case_picker_check (GtkWidget  *picker,
                      const char *number,
                      gboolean    checked)
{
  Picker *p = get_picker (picker);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (p->list)); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *check = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));

      if (check != NULL && g_strcmp0 (g_object_get_data (G_OBJECT (check), "sw-number"), number) == 0)
        {
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), checked);
          return;
        }
    }
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

char **
sw_case_picker_get_checked (GtkWidget *picker)
{
  Picker *p = get_picker (picker);
  guint n;
  char **numbers = (char **) g_hash_table_get_keys_as_array (p->checked, &n);
  char **copy = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    copy[i] = g_strdup (numbers[i]);
  g_free (numbers);
  qsort (copy, n, sizeof (char *), compare_strings);
  return copy;
}

guint
sw_case_picker_get_n_shown (GtkWidget *picker)
{
  return get_picker (picker)->n_shown;
}
