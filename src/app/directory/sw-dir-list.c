/* sw-dir-list.c — the list half of the staff and departments pages
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sw-dir-list.h"
#include "sw-nav-list.h"

void
sw_dir_list_init (GtkListBox           *list,
                  GtkSearchEntry       *search,
                  GtkListBoxFilterFunc  filter,
                  GCallback             row_selected,
                  gpointer              data)
{
  gtk_list_box_set_filter_func (list, filter, data, NULL);
  g_signal_connect (list, "row-selected", row_selected, data);
  g_signal_connect_swapped (search, "search-changed", G_CALLBACK (gtk_list_box_invalidate_filter), list);
  sw_nav_list_enter_picks (search, list);
}

GtkWidget *
sw_dir_list_row_new (const char *name,
                     const char *title,
                     const char *detail,
                     guint       depth)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  if (detail != NULL)
    {
      GtkWidget *sub = gtk_label_new (detail);

      gtk_label_set_xalign (GTK_LABEL (sub), 0);
      gtk_label_set_ellipsize (GTK_LABEL (sub), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (sub, "dim-label");
      gtk_widget_add_css_class (sub, "caption");
      gtk_box_append (GTK_BOX (box), sub);
    }
  gtk_widget_set_margin_start (box, 18 * depth);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, name);
  return row;
}

void
sw_dir_list_clear (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

gboolean
sw_dir_list_select (GtkListBox *list,
                    const char *name,
                    void      (*show) (GtkListBox    *list,
                                       GtkListBoxRow *row,
                                       gpointer       data),
                    gpointer    data)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (gtk_list_box_row_get_selectable (GTK_LIST_BOX_ROW (row)) &&
        g_strcmp0 (gtk_widget_get_name (row), name) == 0)
      {
        gtk_list_box_select_row (list, GTK_LIST_BOX_ROW (row));
        show (list, GTK_LIST_BOX_ROW (row), data);
        return TRUE;
      }
  return FALSE;
}

gboolean
sw_dir_text_matches (const char        *search,
                     const char *const *fields,
                     guint              n)
{
  g_autofree char *needle = g_utf8_casefold (search, -1);

  if (*needle == '\0')
    return TRUE;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *hay = fields[i] ? g_utf8_casefold (fields[i], -1) : NULL;

      if (hay != NULL && strstr (hay, needle) != NULL)
        return TRUE;
    }
  return FALSE;
}
