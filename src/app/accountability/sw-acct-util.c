/* sw-acct-util.c — boxed lists, rights, staff choices, save dialogs and the form dialogs' parts
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "sw-label.h"
#include "config.h"

#include <glib/gi18n.h>

#include "sw-access.h"
#include "sw-acct-util.h"
#include "sw-ladder.h"
#include "sw-store-meta.h"

GtkListBox *
sw_acct_boxed_list (AdwPreferencesGroup *group)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  adw_preferences_group_add (group, list);
  return GTK_LIST_BOX (list);
}

void
sw_acct_clear (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

GtkWidget *
sw_acct_row_new (const char *title,
                 const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : "");
  if (subtitle != NULL && *subtitle != '\0')
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
    }
  return row;
}

GtkWidget *
sw_acct_list_add (GtkListBox *list,
                  const char *title,
                  const char *subtitle)
{
  GtkWidget *row = sw_acct_row_new (title, subtitle);

  gtk_widget_add_css_class (row, "property");
  gtk_list_box_append (list, row);
  return row;
}

gboolean
sw_acct_sees_branch (SwContext *context)
{
  return sw_access_sees_branch_findings (sw_context_get_user (context));
}

gboolean
sw_acct_can_inspect (SwContext *context)
{
  return sw_access_write_inspection (sw_context_get_user (context)) == SW_ACCESS_OK;
}

void
sw_acct_add_people (GtkDropDown *dropdown,
                    SwContext   *context,
                    const char  *any_label)
{
  GListModel *staff = sw_context_get_staff (context);

  if (any_label != NULL)
    sw_choice_add (dropdown, NULL, any_label);
  for (guint i = 0, n = g_list_model_get_n_items (staff); i < n; i++)
    {
      g_autoptr(SwStaff) s = g_list_model_get_item (staff, i);
      g_autofree char *label = NULL;

      if (!sw_staff_get_active (s))
        continue;
      label = sw_label_with_code (sw_staff_get_name (s), sw_staff_get_empno (s));
      sw_choice_add (dropdown, sw_staff_get_empno (s), label);
    }
}

static void
save_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  GtkWidget       *owner)
{
  SwSaveCallback callback = g_object_get_data (G_OBJECT (dialog), "sw-callback");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        callback (owner, path);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (owner);
}

void
sw_acct_choose_save (GtkWidget      *owner,
                     const char     *title,
                     const char     *name,
                     SwSaveCallback  callback)
{
  GtkRoot *root = gtk_widget_get_root (owner);
  GtkFileChooserNative *dialog =
    gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                 GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_object_set_data (G_OBJECT (dialog), "sw-callback", (gpointer) callback);
  g_signal_connect (dialog, "response", G_CALLBACK (save_response_cb), g_object_ref (owner));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

guint
sw_acct_dialog_class_setup (GtkWidgetClass *widget_class,
                            const char     *resource)
{
  gtk_widget_class_set_template_from_resource (widget_class, resource);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  return g_signal_new ("done", G_TYPE_FROM_CLASS (widget_class), G_SIGNAL_RUN_LAST,
                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

void
sw_acct_dialog_connect (GtkWindow *dialog,
                        GtkButton *cancel,
                        GtkButton *save_button,
                        GCallback  save)
{
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_close), dialog);
  g_signal_connect_swapped (save_button, "clicked", save, dialog);
}

void
sw_acct_attach (GtkGrid    *grid,
                int         row,
                const char *label,
                GtkWidget  *widget)
{
  GtkWidget *title = gtk_label_new_with_mnemonic (label);

  gtk_label_set_xalign (GTK_LABEL (title), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (title), widget);
  gtk_widget_add_css_class (title, "dim-label");
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_grid_attach (grid, title, 0, row, 1, 1);
  gtk_grid_attach (grid, widget, 1, row, 1, 1);
}

char *
sw_acct_today (SwContext *context)
{
  /* A minute before the end of today: today's date in the branch's zone. */
  return sw_context_format_date (context, sw_context_day_end (context) - 60 * 1000);
}

int
sw_acct_this_year (SwContext *context)
{
  return sw_ladder_year_of (sw_context_get_store (context), sw_context_now (context));
}

gboolean
sw_acct_holds_branches (SwContext *context)
{
  SwStore *store = sw_context_get_store (context);
  g_autofree char *role = sw_store_get_meta (store, SW_META_SYNC_ROLE);
  g_autoptr(GListModel) branches = NULL;

  if (g_strcmp0 (role, "head_office") == 0 || g_strcmp0 (role, "inspector") == 0)
    return TRUE;
  branches = sw_store_list_branches (store);
  return g_list_model_get_n_items (branches) > 1;
}
