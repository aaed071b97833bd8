/* sw-saved-filters.c — the board's filters saved under a name in GSettings, and the filter bar's menu for them
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sw-saved-filters.h"

#define KEY "saved-filters"
#define ENTRY_TYPE "(sssssb)"   /* name, department, handler, kind, channel, overdue only */

static const char *
or_empty (const char *s)
{
  return s != NULL ? s : "";
}

static char *
or_null (const char *s)
{
  return s != NULL && *s != '\0' ? g_strdup (s) : NULL;
}

char **
sw_saved_filters_names (GSettings *settings)
{
  g_autoptr(GVariant) all = g_settings_get_value (settings, KEY);
  GPtrArray *names = g_ptr_array_new ();

  for (gsize i = 0, n = g_variant_n_children (all); i < n; i++)
    {
      const char *name;

      g_variant_get_child (all, i, "(&sssssb)", &name, NULL, NULL, NULL, NULL, NULL);
      g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (names, FALSE);
}

gboolean
sw_saved_filters_lookup (GSettings     *settings,
                         const char    *name,
                         SwBoardFilter *filter)
{
  g_autoptr(GVariant) all = g_settings_get_value (settings, KEY);

  for (gsize i = 0, n = g_variant_n_children (all); i < n; i++)
    {
      const char *saved, *dept, *handler, *kind, *channel;
      gboolean overdue;

      g_variant_get_child (all, i, "(&s&s&s&s&sb)", &saved, &dept, &handler, &kind, &channel, &overdue);
      if (g_strcmp0 (saved, name) != 0)
        continue;
      /* Codes, not positions: a kind or channel the app no longer knows is "any". */
      filter->department = or_null (dept);
      filter->handler = or_null (handler);
      filter->kind = *kind != '\0' ? sw_kind_from_string (kind) : -1;
      filter->channel = *channel != '\0' ? sw_channel_from_string (channel) : -1;
      filter->overdue = overdue;
      return TRUE;
    }
  return FALSE;
}

/* All saved filters but `name`, then `filter` as `name` if given. */
static void
write_without (GSettings           *settings,
               const char          *name,
               const SwBoardFilter *filter)
{
  g_autoptr(GVariant) all = g_settings_get_value (settings, KEY);
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a" ENTRY_TYPE));
  for (gsize i = 0, n = g_variant_n_children (all); i < n; i++)
    {
      g_autoptr(GVariant) entry = g_variant_get_child_value (all, i);
      const char *saved;

      g_variant_get_child (entry, 0, "&s", &saved);
      if (g_strcmp0 (saved, name) != 0)
        g_variant_builder_add_value (&builder, entry);
    }
  if (filter != NULL)
    g_variant_builder_add (&builder, ENTRY_TYPE, name,
                           or_empty (filter->department), or_empty (filter->handler),
                           filter->kind >= 0 ? sw_kind_to_string (filter->kind) : "",
                           filter->channel >= 0 ? sw_channel_to_string (filter->channel) : "",
                           filter->overdue);
  g_settings_set_value (settings, KEY, g_variant_builder_end (&builder));
}

gboolean
sw_saved_filters_put (GSettings           *settings,
                      const char          *name,
                      const SwBoardFilter *filter)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));

  if (*stripped == '\0')
    return FALSE;
  write_without (settings, stripped, filter);
  return TRUE;
}

gboolean
sw_saved_filters_remove (GSettings  *settings,
                         const char *name)
{
  SwBoardFilter found = { 0 };

  if (!sw_saved_filters_lookup (settings, name, &found))
    return FALSE;
  sw_board_filter_clear (&found);
  write_without (settings, name, NULL);
  return TRUE;
}

/* The menu button: a list of saved filters (click restores, the bin
 * deletes) and a name entry that saves the filter bar as it is. */

typedef struct {
  SwBoard    *board;       /* borrowed: the board owns the button */
  GSettings  *settings;
  GtkWidget  *popover;
  GtkListBox *list;
  GtkEntry   *name_entry;
  GtkWidget  *save_button;
} SavedFilters;

static void
saved_filters_free (gpointer data)
{
  SavedFilters *sf = data;

  g_signal_handlers_disconnect_by_data (sf->settings, sf);
  g_object_unref (sf->settings);
  g_free (sf);
}

static SavedFilters *
get_sf (GtkWidget *button)
{
  return g_object_get_data (G_OBJECT (button), "sw-saved-filters");
}

static void
restore_clicked_cb (GtkButton    *button,
                    SavedFilters *sf)
{
  const char *name = g_object_get_data (G_OBJECT (button), "sw-name");
  SwBoardFilter filter = { 0 };

  if (!sw_saved_filters_lookup (sf->settings, name, &filter))
    return;
  gtk_popover_popdown (GTK_POPOVER (sf->popover));
  sw_board_apply_filter (sf->board, &filter);
  sw_board_filter_clear (&filter);
}

static void
delete_clicked_cb (GtkButton    *button,
                   SavedFilters *sf)
{
  sw_saved_filters_remove (sf->settings, g_object_get_data (G_OBJECT (button), "sw-name"));
}

static void
fill_list (SavedFilters *sf)
{
  g_auto(GStrv) names = sw_saved_filters_names (sf->settings);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (sf->list))) != NULL)
    gtk_list_box_remove (sf->list, child);
  for (guint i = 0; names[i] != NULL; i++)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *restore = gtk_button_new_with_label (names[i]);
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *tip = g_strdup_printf (_("Delete the saved filter “%s”"), names[i]);

      gtk_widget_set_hexpand (restore, TRUE);
      gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (restore))), 0);
      gtk_widget_add_css_class (restore, "flat");
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, tip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, tip, -1);
      g_object_set_data_full (G_OBJECT (restore), "sw-name", g_strdup (names[i]), g_free);
      g_object_set_data_full (G_OBJECT (remove), "sw-name", g_strdup (names[i]), g_free);
      g_signal_connect (restore, "clicked", G_CALLBACK (restore_clicked_cb), sf);
      g_signal_connect (remove, "clicked", G_CALLBACK (delete_clicked_cb), sf);
      gtk_box_append (GTK_BOX (row), restore);
      gtk_box_append (GTK_BOX (row), remove);
      gtk_list_box_append (sf->list, row);
    }
}

static void
name_changed_cb (SavedFilters *sf)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (sf->name_entry))));

  gtk_widget_set_sensitive (sf->save_button, *name != '\0');
}

static void
save_cb (SavedFilters *sf)
{
  SwBoardFilter filter = { 0 };

  sw_board_get_filter (sf->board, &filter);
  if (sw_saved_filters_put (sf->settings, gtk_editable_get_text (GTK_EDITABLE (sf->name_entry)), &filter))
    gtk_editable_set_text (GTK_EDITABLE (sf->name_entry), "");
  sw_board_filter_clear (&filter);
}

GtkWidget *
sw_saved_filters_new (SwBoard   *board,
                      GSettings *settings)
{
  SavedFilters *sf = g_new0 (SavedFilters, 1);
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *save_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *placeholder = gtk_label_new (_("No saved filters yet"));
  GtkWidget *title = gtk_label_new (_("Saved Filters"));

  sf->board = board;
  sf->settings = g_object_ref (settings);
  sf->popover = gtk_popover_new ();
  sf->list = GTK_LIST_BOX (gtk_list_box_new ());
  sf->name_entry = GTK_ENTRY (gtk_entry_new ());
  sf->save_button = gtk_button_new_with_mnemonic (_("_Save"));
  g_object_set_data_full (G_OBJECT (button), "sw-saved-filters", sf, saved_filters_free);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "starred-symbolic");
  gtk_widget_set_tooltip_text (button, _("Saved filters"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Saved filters"), -1);

  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (sf->list, placeholder);
  gtk_list_box_set_selection_mode (sf->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (sf->list), "boxed-list");
  gtk_entry_set_placeholder_text (sf->name_entry, _("Name for the current filter"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (sf->name_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name for the current filter"), -1);
  gtk_widget_set_hexpand (GTK_WIDGET (sf->name_entry), TRUE);
  gtk_widget_set_sensitive (sf->save_button, FALSE);
  gtk_widget_add_css_class (sf->save_button, "suggested-action");

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (sf->list));
  gtk_box_append (GTK_BOX (save_box), GTK_WIDGET (sf->name_entry));
  gtk_box_append (GTK_BOX (save_box), sf->save_button);
  gtk_box_append (GTK_BOX (box), save_box);
  gtk_widget_set_size_request (box, 280, -1);
  gtk_popover_set_child (GTK_POPOVER (sf->popover), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), sf->popover);

  g_signal_connect_swapped (sf->name_entry, "changed", G_CALLBACK (name_changed_cb), sf);
  g_signal_connect_swapped (sf->name_entry, "activate", G_CALLBACK (save_cb), sf);
  g_signal_connect_swapped (sf->save_button, "clicked", G_CALLBACK (save_cb), sf);
  g_signal_connect_swapped (settings, "changed::" KEY, G_CALLBACK (fill_list), sf);
  fill_list (sf);
  return button;
}

gboolean
sw_saved_filters_save (GtkWidget  *button,
                       const char *name)
{
  SavedFilters *sf = get_sf (button);

  gtk_editable_set_text (GTK_EDITABLE (sf->name_entry), name);
  if (!gtk_widget_get_sensitive (sf->save_button))
    return FALSE;
  g_signal_emit_by_name (sf->save_button, "clicked");
  return TRUE;
}

/* The row's button for `name`: restore (0) or delete (1). */
static GtkWidget *
row_button (SavedFilters *sf,
            const char   *name,
            guint         which)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (sf->list)); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *restore = gtk_widget_get_first_child (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)));

      if (g_strcmp0 (g_object_get_data (G_OBJECT (restore), "sw-name"), name) == 0)
        return which == 0 ? restore : gtk_widget_get_next_sibling (restore);
    }
  return NULL;
}

gboolean
sw_saved_filters_restore (GtkWidget  *button,
                          const char *name)
{
  GtkWidget *b = row_button (get_sf (button), name, 0);

  if (b == NULL)
    return FALSE;
  g_signal_emit_by_name (b, "clicked");
  return TRUE;
}

gboolean
sw_saved_filters_delete (GtkWidget  *button,
                         const char *name)
{
  GtkWidget *b = row_button (get_sf (button), name, 1);

  if (b == NULL)
    return FALSE;
  g_signal_emit_by_name (b, "clicked");
  return TRUE;
}
