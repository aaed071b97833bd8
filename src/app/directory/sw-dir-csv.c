/* sw-dir-csv.c — who may edit the directory, and its CSV import (checked first) and export
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sw-access.h"
#include "sw-csv.h"
#include "sw-dir-csv.h"
#include "sw-window.h"

gboolean
sw_dir_is_admin (SwContext *context)
{
  return sw_access_edit_directory (sw_context_get_user (context)) == SW_ACCESS_OK;
}

gboolean
sw_dir_may_set_availability (SwContext *context,
                             SwStaff   *staff)
{
  return sw_access_set_availability (sw_context_get_user (context), staff) == SW_ACCESS_OK;
}

void
sw_dir_toast (GtkWidget  *widget,
              const char *message)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (SW_IS_WINDOW (root))
    sw_window_toast (SW_WINDOW (root), message);
}

static char *
problems_text (GPtrArray *problems)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      SwCsvProblem *p = g_ptr_array_index (problems, i);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: a line number in a CSV file, then what is wrong there */
      g_string_append_printf (text, _("Line %u: %s"), p->line, p->message);
    }
  return g_string_free (text, FALSE);
}

static GtkWidget *
problems_dialog (GtkWidget  *owner,
                 GFile      *file,
                 const char *text,
                 guint       n_lines)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *body = NULL;
  GtkWidget *dialog, *extra, *label;
  GtkRoot *root = owner ? gtk_widget_get_root (owner) : NULL;

  /* Translators: %s is a file name */
  body = g_strdup_printf (_("Nothing from “%s” was imported. Correct these rows and import the file again."),
                          name);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("The File Has Problems"), body);
  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  extra = label;
  /* A long list scrolls; a short one is shown whole. */
  if (n_lines > 12)
    {
      extra = gtk_scrolled_window_new ();
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (extra), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (extra), 320);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (extra), label);
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), extra);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  g_object_set_data_full (G_OBJECT (dialog), "sw-problems", g_strdup (text), g_free);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

const char *
sw_dir_csv_problems_text (GtkWidget *dialog)
{
  return g_object_get_data (G_OBJECT (dialog), "sw-problems");
}

GtkWidget *
sw_dir_csv_import_file (GtkWidget  *owner,
                        SwContext  *context,
                        SwDirKind   kind,
                        GFile      *file,
                        char      **message)
{
  SwStore *store = sw_context_get_store (context);
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  guint n = 0;
  gboolean ok;

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &error))
    {
      if (message != NULL)
        *message = g_strdup (error->message);
      return NULL;
    }
  problems = kind == SW_DIR_STAFF ? sw_csv_check_staff (store, contents, length)
                                  : sw_csv_check_departments (store, contents, length);
  if (problems->len > 0)
    {
      g_autofree char *text = problems_text (problems);

      if (message != NULL)
        *message = g_strdup (_("The file has problems; nothing was imported"));
      return problems_dialog (owner, file, text, problems->len);
    }
  ok = kind == SW_DIR_STAFF ? sw_csv_import_staff (store, contents, length, &n, &error)
                            : sw_csv_import_departments (store, contents, length, &n, &error);
  if (ok)
    sw_context_directory_changed (context);
  if (message != NULL)
    *message = ok ? g_strdup_printf (kind == SW_DIR_STAFF
                                     ? g_dngettext (GETTEXT_PACKAGE, "%u staff member imported",
                                                    "%u staff members imported", n)
                                     : g_dngettext (GETTEXT_PACKAGE, "%u department imported",
                                                    "%u departments imported", n), n)
                  : g_strdup (error->message);
  return NULL;
}

gboolean
sw_dir_csv_export_file (SwContext  *context,
                        SwDirKind   kind,
                        GFile      *file,
                        GError    **error)
{
  SwStore *store = sw_context_get_store (context);
  g_autofree char *text = kind == SW_DIR_STAFF ? sw_csv_export_staff (store)
                                               : sw_csv_export_departments (store);

  return g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}

typedef struct {
  GtkWidget *owner;
  SwContext *context;
  SwDirKind  kind;
  gboolean   import;
} Choice;

static void
choice_free (Choice *choice)
{
  g_object_unref (choice->owner);
  g_object_unref (choice->context);
  g_free (choice);
}

static void
chosen_cb (GtkNativeDialog *native,
           int              response,
           Choice          *choice)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (response == GTK_RESPONSE_ACCEPT && file != NULL)
    {
      if (choice->import)
        sw_dir_csv_import_file (choice->owner, choice->context, choice->kind, file, &message);
      else if (sw_dir_csv_export_file (choice->context, choice->kind, file, &error))
        message = g_strdup (_("Exported"));
      else
        message = g_strdup (error->message);
      if (message != NULL)
        sw_dir_toast (choice->owner, message);
    }
  choice_free (choice);
  g_object_unref (native);
}

static void
choose (GtkWidget  *owner,
        SwContext  *context,
        SwDirKind   kind,
        gboolean    import)
{
  GtkRoot *root = gtk_widget_get_root (owner);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  Choice *choice = g_new0 (Choice, 1);
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (import ? _("Import CSV") : _("Export CSV"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        import ? GTK_FILE_CHOOSER_ACTION_OPEN : GTK_FILE_CHOOSER_ACTION_SAVE,
                                        import ? _("_Import") : _("_Export"), NULL);
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  if (!import)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native),
                                       kind == SW_DIR_STAFF ? "staff.csv" : "departments.csv");
  choice->owner = g_object_ref (owner);
  choice->context = g_object_ref (context);
  choice->kind = kind;
  choice->import = import;
  g_signal_connect (native, "response", G_CALLBACK (chosen_cb), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

void
sw_dir_csv_choose_import (GtkWidget *owner,
                          SwContext *context,
                          SwDirKind  kind)
{
  choose (owner, context, kind, TRUE);
}

void
sw_dir_csv_choose_export (GtkWidget *owner,
                          SwContext *context,
                          SwDirKind  kind)
{
  choose (owner, context, kind, FALSE);
}
