/* sw-user-picker.c — "who are you?": picking the current user from the staff
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sw-user-picker.h"

struct _SwUserPicker
{
  AdwWindow       parent_instance;

  GtkSearchEntry *search_entry;
  GtkListBox     *staff_list;

  SwContext      *context;
};

G_DEFINE_FINAL_TYPE (SwUserPicker, sw_user_picker, ADW_TYPE_WINDOW)

static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       data)
{
  SwUserPicker *self = data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  const char *haystack = g_object_get_data (G_OBJECT (row), "sw-search");

  return *text == '\0' || (haystack != NULL && strstr (haystack, text) != NULL);
}

static void
row_activated_cb (GtkListBox    *list,
                  GtkListBoxRow *row,
                  SwUserPicker  *self)
{
  if (sw_context_set_user (self->context, g_object_get_data (G_OBJECT (row), "sw-empno")))
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
sw_user_picker_dispose (GObject *object)
{
  SwUserPicker *self = SW_USER_PICKER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SW_TYPE_USER_PICKER);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (sw_user_picker_parent_class)->dispose (object);
}

static void
sw_user_picker_class_init (SwUserPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sw_user_picker_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shouwen/Shouwen/sw-user-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, SwUserPicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SwUserPicker, staff_list);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sw_user_picker_init (SwUserPicker *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sw_user_picker_new (SwContext *context)
{
  SwUserPicker *self = g_object_new (SW_TYPE_USER_PICKER, NULL);
  GListModel *staff = sw_context_get_staff (context);

  self->context = g_object_ref (context);
  for (guint i = 0, n = g_list_model_get_n_items (staff); i < n; i++)
    {
      g_autoptr(SwStaff) s = g_list_model_get_item (staff, i);
      const char *dept = sw_context_department_name (context, sw_staff_get_department_code (s));
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (!sw_staff_get_active (s))
        continue;
      subtitle = g_strdup_printf ("%s · %s · %s", sw_staff_get_empno (s), dept,
                                  sw_role_label (sw_staff_get_role (s)));
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sw_staff_get_name (s));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "sw-empno", g_strdup (sw_staff_get_empno (s)), g_free);
      g_object_set_data_full (G_OBJECT (row), "sw-search",
                              g_strdup_printf ("%s %s", sw_staff_get_name (s), subtitle), g_free);
      gtk_list_box_append (self->staff_list, row);
    }
  gtk_list_box_set_filter_func (self->staff_list, filter_row, self, NULL);
  g_signal_connect (self->staff_list, "row-activated", G_CALLBACK (row_activated_cb), self);
  g_signal_connect_swapped (self->search_entry, "search-changed",
                            G_CALLBACK (gtk_list_box_invalidate_filter), self->staff_list);
  return GTK_WIDGET (self);
}
