/* sw-application.c — the application: startup, the database it opens, its actions
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "sw-daily-purge.h"
#include "sw-application.h"
#include "sw-notifier.h"
#include "sw-preferences-window.h"
#include "sw-sign-in-window.h"
#include "sw-sync-page.h"
#include "sw-window.h"

struct _SwApplication
{
  AdwApplication  parent_instance;

  char           *db_path;
  GSettings      *settings;
  SwContext      *context;
  SwNotifier     *notifier;
};

G_DEFINE_FINAL_TYPE (SwApplication, sw_application, ADW_TYPE_APPLICATION)

void
sw_application_init_i18n (void)
{
  const char *dir = g_getenv ("SHOUWEN_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, dir ? dir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

GSettings *
sw_application_new_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchemaSource) build_source = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL &&
      (build_source = g_settings_schema_source_new_from_directory (SW_BUILD_SCHEMADIR, source, FALSE, NULL)))
    schema = g_settings_schema_source_lookup (build_source, APP_ID, FALSE);
  return schema ? g_settings_new_full (schema, NULL, NULL) : NULL;
}

char *
sw_application_default_db (GSettings *settings)
{
  g_autofree char *setting = settings ? g_settings_get_string (settings, "database-path") : NULL;

  if (g_getenv ("SHOUWEN_DB") && *g_getenv ("SHOUWEN_DB"))
    return g_strdup (g_getenv ("SHOUWEN_DB"));
  if (setting != NULL && *setting != '\0')
    return g_steal_pointer (&setting);
  return g_build_filename (g_get_user_data_dir (), "shouwen", "shouwen.db", NULL);
}

static void
show_fatal (SwApplication *self,
            const char    *message)
{
  GtkWidget *dialog = adw_message_dialog_new (NULL, _("Cannot Open the Database"), message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect_swapped (dialog, "response", G_CALLBACK (g_application_quit), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The store and the directory, for the sign-in; no case is read before it. */
static gboolean
open_context (SwApplication  *self,
              GError        **error)
{
  g_autoptr(SwStore) store = NULL;
  g_autofree char *dir = NULL;

  if (self->db_path == NULL)
    self->db_path = sw_application_default_db (self->settings);
  dir = g_path_get_dirname (self->db_path);
  g_mkdir_with_parents (dir, 0700);
  if ((store = sw_store_open (self->db_path, error)) == NULL)
    return FALSE;
  self->context = sw_context_new (store, self->settings);
  sw_context_directory_changed (self->context);
  return TRUE;
}

/* Someone proved who they are: the main window, then the sign-in goes. */
static void
signed_in_cb (SwSessionGate *gate,
              SwStaff       *person,
              SwApplication *self)
{
  GtkWidget *sign_in = gtk_widget_get_ancestor (GTK_WIDGET (gate), SW_TYPE_SIGN_IN_WINDOW);
  g_autoptr(GError) error = NULL;
  SwWindow *win;

  if (!sw_context_set_user (self->context, sw_staff_get_empno (person)) ||
      !sw_context_reload (self->context, &error))
    {
      show_fatal (self, error ? error->message : _("The person who signed in is not in the directory"));
      return;
    }
  sw_daily_purge_run (self->context);   /* an administrator: once a day */
  win = sw_window_new (GTK_APPLICATION (self), self->context);
  gtk_window_present (GTK_WINDOW (win));
  if (sign_in != NULL)
    gtk_window_destroy (GTK_WINDOW (sign_in));
  /* Violations are looked for at start, then on a timer, in a thread. */
  sw_context_start_detection (self->context);
  if (self->notifier == NULL)
    self->notifier = sw_notifier_new (G_APPLICATION (self), self->context, NULL);
  sw_notifier_check (self->notifier);
}

static void
sw_application_activate (GApplication *app)
{
  SwApplication *self = SW_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  GtkWidget *sign_in;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }
  if (self->context == NULL && !open_context (self, &error))
    {
      show_fatal (self, error->message);
      return;
    }
  /* The first window is the sign-in: nothing of the branch before it. */
  sign_in = sw_sign_in_window_new (GTK_APPLICATION (app), self->context);
  g_signal_connect_object (sw_sign_in_window_get_gate (SW_SIGN_IN_WINDOW (sign_in)), "signed-in",
                           G_CALLBACK (signed_in_cb), self, 0);
  gtk_window_present (GTK_WINDOW (sign_in));
  sw_session_gate_focus (sw_sign_in_window_get_gate (SW_SIGN_IN_WINDOW (sign_in)));
}

static int
sw_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  SwApplication *self = SW_APPLICATION (app);
  const char *db = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("shouwen %s\n", PACKAGE_VERSION);
      return 0;
    }
  g_variant_dict_lookup (options, "db", "^&ay", &db);
  g_free (self->db_path);
  self->db_path = db ? g_strdup (db) : sw_application_default_db (self->settings);
  return -1;
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       data)
{
  static const char *developers[] = { "The Shouwen contributors", NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (data));

  adw_show_about_window (parent,
                         "application-name", _("Shouwen"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("The Shouwen contributors"),
                         "comments", _("First-inquiry responsibility: whoever is asked first owns the request until the customer has a clear answer."),
                         "developers", developers,
                         "copyright", "© 2026 The Shouwen contributors",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static SwWindow *
main_window (GtkApplication *app)
{
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (SW_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

static void
help_failed (GtkApplication *app,
             const char     *message)
{
  SwWindow *win = main_window (app);

  if (win != NULL)
    sw_window_toast (win, message);
  else
    g_warning ("%s", message);
}

/* Yelp shows an empty "document not found" page for help that is not
 * installed (as when running from the build tree), so look first. */
static gboolean
help_is_installed (void)
{
  const char * const *dirs = g_get_system_data_dirs ();
  g_autofree char *user = g_build_filename (g_get_user_data_dir (), "help", "C", "shouwen", "index.page", NULL);

  if (g_file_test (user, G_FILE_TEST_EXISTS))
    return TRUE;
  for (guint i = 0; dirs[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (dirs[i], "help", "C", "shouwen", "index.page", NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        return TRUE;
    }
  return FALSE;
}

static void
help_shown_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  g_autoptr(GtkApplication) app = data;
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (source ? GTK_WINDOW (source) : NULL, result, &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED))
        message = g_strdup (_("No help viewer is installed; install Yelp to read the help"));
      else
        message = g_strdup_printf (_("Cannot open the help: %s"), error->message);

      help_failed (app, message);
    }
}

static void
help_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       data)
{
  GtkApplication *app = GTK_APPLICATION (data);
  GtkWindow *parent = gtk_application_get_active_window (app);

  if (!help_is_installed ())
    {
      help_failed (app, _("The help is not installed"));
      return;
    }
  gtk_show_uri_full (parent, "help:shouwen", GDK_CURRENT_TIME, NULL, help_shown_cb, g_object_ref (app));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       data)
{
  SwApplication *self = SW_APPLICATION (data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  SwWindow *win = main_window (GTK_APPLICATION (self));
  GtkWidget *prefs;

  /* Signed in and not locked: the preferences show the branch's rules. */
  if (self->context == NULL || win == NULL || sw_session_lock_get_locked (sw_window_get_lock (win)) ||
      sw_context_get_user (self->context) == NULL)
    return;
  prefs = sw_preferences_window_new (self->context);
  sw_preferences_window_add_page (SW_PREFERENCES_WINDOW (prefs),
                                  ADW_PREFERENCES_PAGE (sw_sync_page_new (self->context)));
  gtk_window_set_transient_for (GTK_WINDOW (prefs), parent);
  gtk_window_set_application (GTK_WINDOW (prefs), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (prefs));
}

/* A notification's click: the main window, then the case. */
static void
open_case_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       data)
{
  GtkApplication *app = GTK_APPLICATION (data);
  SwWindow *win = main_window (app);

  if (win == NULL)
    {
      g_application_activate (G_APPLICATION (app));
      win = main_window (app);
    }
  if (win == NULL)
    return;
  gtk_window_present (GTK_WINDOW (win));
  sw_window_open_case (win, g_variant_get_string (param, NULL));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       data)
{
  g_application_quit (G_APPLICATION (data));
}

static void
sw_application_startup (GApplication *app)
{
  static const GActionEntry entries[] = {
    { "about", about_action, NULL, NULL, NULL, { 0 } },
    { "help", help_action, NULL, NULL, NULL, { 0 } },
    { "quit", quit_action, NULL, NULL, NULL, { 0 } },
    { "preferences", preferences_action, NULL, NULL, NULL, { 0 } },
    { "open-case", open_case_action, "s", NULL, NULL, { 0 } },
  };
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *help_accels[] = { "F1", NULL };
  static const char *lock_accels[] = { "<Control><Super>l", NULL };
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  GtkIconTheme *icons;

  G_APPLICATION_CLASS (sw_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), entries, G_N_ELEMENTS (entries), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.help", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.lock", lock_accels);

  /* Uninstalled, the app icon is only in the source tree. */
  icons = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  if (!gtk_icon_theme_has_icon (icons, APP_ID))
    gtk_icon_theme_add_search_path (icons, SOURCE_DATADIR G_DIR_SEPARATOR_S "icons");
  gtk_window_set_default_icon_name (APP_ID);

  gtk_css_provider_load_from_resource (css, "/io/github/shouwen/Shouwen/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
sw_application_dispose (GObject *object)
{
  SwApplication *self = SW_APPLICATION (object);

  g_clear_object (&self->notifier);
  g_clear_object (&self->context);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->db_path, g_free);
  G_OBJECT_CLASS (sw_application_parent_class)->dispose (object);
}

static void
sw_application_class_init (SwApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = sw_application_dispose;
  app_class->activate = sw_application_activate;
  app_class->startup = sw_application_startup;
  app_class->handle_local_options = sw_application_handle_local_options;
}

static void
sw_application_init (SwApplication *self)
{
  static const GOptionEntry options[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("The database file"), N_("PATH") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
    { NULL }
  };

  self->settings = sw_application_new_settings ();
  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

SwApplication *
sw_application_new (void)
{
  return g_object_new (SW_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/io/github/shouwen/Shouwen",
                       NULL);
}

SwContext *
sw_application_get_context (SwApplication *self)
{
  return self->context;
}
