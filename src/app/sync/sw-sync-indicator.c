/* sw-sync-indicator.c — the header bar's sync state and its popover
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sw-store-replica.h"
#include "sw-sync-controller.h"
#include "sw-sync-indicator.h"
#include "sw-sync-lists.h"
#include "sw-sync-page.h"
#include "sw-ui-util.h"
#include "sw-window.h"

struct _SwSyncIndicator
{
  AdwBin            parent_instance;

  /* template */
  GtkMenuButton    *button;
  GtkStack         *icon_stack;
  GtkImage         *icon;
  GtkSpinner       *spinner;
  GtkPopover       *popover;
  GtkLabel         *title_label;
  GtkLabel         *detail_label;
  GtkLabel         *pending_label;
  GtkLabel         *directory_label;
  GtkButton        *sync_button;
  GtkButton        *rejected_button;
  GtkButton        *conflicts_button;
  GtkButton        *settings_button;

  /* owned */
  SwContext        *context;
  SwSyncController *controller;
  char             *last_notice;
};

G_DEFINE_FINAL_TYPE (SwSyncIndicator, sw_sync_indicator, ADW_TYPE_BIN)

static char *
format_time (SwSyncIndicator *self,
             gint64           ms)
{
  return ms > 0 ? sw_context_format_time (self->context, ms) : g_strdup (_("never"));
}

/* Directory edits waiting and refused, in a line of their own; refused
 * ones are listed on the Sync page. */
static guint
update_directory (SwSyncIndicator *self)
{
  SwStore *store = sw_context_get_store (self->context);
  guint pending = sw_store_directory_count_outbox (store);
  guint n_refused = sw_store_directory_count_refused (store);
  g_autofree char *text = NULL;

  if (n_refused > 0)
    /* Translators: directory edits waiting to be sent, then those the server refused */
    text = g_strdup_printf (_("Directory edits: %u waiting to be sent, %u refused (see Sync Settings)"),
                            pending, n_refused);
  else if (pending > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u directory edit waiting to be sent",
                                         "%u directory edits waiting to be sent", pending), pending);
  gtk_label_set_label (self->directory_label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->directory_label), text != NULL);
  return n_refused;
}

static void
update (SwSyncIndicator *self)
{
  SwSyncClient *client = sw_sync_controller_get_client (self->controller);
  SwSyncState state = sw_sync_client_get_state (client);
  const char *reason = sw_sync_client_get_reason (client);
  g_autofree char *title = NULL, *detail = NULL, *pending = NULL, *tooltip = NULL;
  g_autofree char *last = format_time (self, sw_sync_client_get_last_synced (client));
  g_autoptr(GPtrArray) conflicts = sw_sync_controller_list_open_conflicts (self->controller, NULL);
  g_autofree char *rejected = NULL, *conflict_text = NULL;
  guint n_rejected = sw_sync_client_get_rejected (client);
  const char *icon = "emblem-ok-symbolic";

  switch (state)
    {
    case SW_SYNC_STATE_UNCONFIGURED:
      /* Not an alarm: a standalone office keeps its cases here, and
       * nothing waits to be sent before there is somewhere to send it. */
      title = g_strdup (_("Sync not set up"));
      detail = g_strdup (_("This office works on its own computer. To share cases with the central "
                           "server, set up sync."));
      icon = "network-server-symbolic";
      break;
    case SW_SYNC_STATE_SYNCING:
      title = g_strdup (_("Syncing…"));
      /* Translators: %s is a date and time */
      detail = g_strdup_printf (_("Last synced %s"), last);
      break;
    case SW_SYNC_STATE_OFFLINE:
      {
        g_autofree char *since = format_time (self, sw_sync_client_get_offline_since (client));
        /* Translators: %s is a date and time */
        title = g_strdup_printf (_("Offline since %s"), since);
        detail = g_strdup (reason ? reason : _("The server cannot be reached."));
        icon = "network-offline-symbolic";
      }
      break;
    case SW_SYNC_STATE_ERROR:
      title = g_strdup (_("Sync failed"));
      detail = g_strdup (reason ? reason : _("The server refused the request."));
      icon = "dialog-warning-symbolic";
      break;
    case SW_SYNC_STATE_SYNCED:
    default:
      title = g_strdup (_("Synced"));
      detail = g_strdup_printf (_("Last synced %s"), last);
    }
  if ((update_directory (self) > 0 || n_rejected > 0) && state == SW_SYNC_STATE_SYNCED)
    icon = "dialog-warning-symbolic";

  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->detail_label, detail);
  pending = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event waiting to be sent",
                                          "%u events waiting to be sent",
                                          sw_sync_client_get_pending (client)),
                             sw_sync_client_get_pending (client));
  gtk_label_set_label (self->pending_label, pending);
  {
    gboolean enrolled = state != SW_SYNC_STATE_UNCONFIGURED;

    gtk_widget_set_visible (GTK_WIDGET (self->pending_label), enrolled);
    gtk_widget_set_visible (GTK_WIDGET (self->sync_button), enrolled);
    gtk_widget_set_visible (GTK_WIDGET (self->rejected_button), enrolled);
    gtk_widget_set_visible (GTK_WIDGET (self->conflicts_button), enrolled);
    if (!enrolled)
      gtk_widget_set_visible (GTK_WIDGET (self->directory_label), FALSE);
    gtk_button_set_label (self->settings_button, enrolled ? _("Sync _Settings…") : _("Set _Up Sync…"));
  }
  rejected = g_strdup_printf (_("_Refused Events (%u)"), n_rejected);
  gtk_button_set_label (self->rejected_button, rejected);
  conflict_text = g_strdup_printf (_("_Conflicts (%u)"), conflicts->len);
  gtk_button_set_label (self->conflicts_button, conflict_text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sync_button), state != SW_SYNC_STATE_UNCONFIGURED &&
                                                             state != SW_SYNC_STATE_SYNCING);

  gtk_image_set_from_icon_name (self->icon, icon);
  gtk_spinner_set_spinning (self->spinner, state == SW_SYNC_STATE_SYNCING);
  gtk_stack_set_visible_child_name (self->icon_stack, state == SW_SYNC_STATE_SYNCING ? "spinner" : "icon");
  tooltip = g_strdup_printf ("%s\n%s", title, detail);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), tooltip);
  sw_set_accessible_label (GTK_WIDGET (self->button), title);
}

static void
pulled_cb (SwSyncController *controller,
           SwSyncIndicator  *self)
{
  /* The window's reload keeps the board's filters and counts in step. */
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.reload", NULL))
    {
      g_autoptr(GError) error = NULL;

      if (!sw_context_reload (self->context, &error))
        g_warning ("%s", error->message);
    }
  update (self);
}

static void
renumbered_cb (SwSyncController *controller,
               const char       *message,
               SwSyncIndicator  *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (SW_IS_WINDOW (root))
    sw_window_toast (SW_WINDOW (root), message);
  g_free (self->last_notice);
  self->last_notice = g_strdup (message);
}

static void
sync_clicked_cb (SwSyncIndicator *self)
{
  sw_sync_controller_sync_now (self->controller);
}

static GtkWidget *
present (SwSyncIndicator *self,
         GtkWidget       *window)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_popover_popdown (self->popover);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
sw_sync_indicator_dispose (GObject *object)
{
  SwSyncIndicator *self = SW_SYNC_INDICATOR (object);

  if (self->controller != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->controller, self);
      g_signal_handlers_disconnect_by_data (sw_sync_controller_get_client (self->controller), self);
    }
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  /* AdwBin unparents the button (and with it the popover) itself. */
  g_clear_object (&self->controller);
  g_clear_object (&self->context);
  g_clear_pointer (&self->last_notice, g_free);
  G_OBJECT_CLASS (sw_sync_indicator_parent_class)->dispose (object);
}

static void
sw_sync_indicator_class_init (SwSyncIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sw_sync_indicator_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shouwen/Shouwen/sw-sync-indicator.ui");
  gtk_widget_class_bind_template_child (widget_class, SwSyncIndicator, button);
  gtk_widget_class_bind_template_child (widget_class, SwSyncIndicator, icon_stack);
  gtk_widget_class_bind_template_child (widget_class, SwSyncIndicator, icon);
  gtk_widget_class_bind_template_child (widget_class, SwSyncIndicator, spinner);
  gtk_widget_class_bind_template_child (widget_class, SwSyncIndicator, popover);
  gtk_widget_class_bind_template_child (widget_class, SwSyncIndicator, title_label);
  gtk_widget_class_bind_template_child (widget_class, SwSyncIndicator, detail_label);
  gtk_widget_class_bind_template_child (widget_class, SwSyncIndicator, pending_label);
  gtk_widget_class_bind_template_child (widget_class, SwSyncIndicator, directory_label);
  gtk_widget_class_bind_template_child (widget_class, SwSyncIndicator, sync_button);
  gtk_widget_class_bind_template_child (widget_class, SwSyncIndicator, rejected_button);
  gtk_widget_class_bind_template_child (widget_class, SwSyncIndicator, conflicts_button);
  gtk_widget_class_bind_template_child (widget_class, SwSyncIndicator, settings_button);
}

static void
sw_sync_indicator_init (SwSyncIndicator *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->sync_button, "clicked", G_CALLBACK (sync_clicked_cb), self);
  g_signal_connect_swapped (self->rejected_button, "clicked", G_CALLBACK (sw_sync_indicator_show_rejected), self);
  g_signal_connect_swapped (self->conflicts_button, "clicked", G_CALLBACK (sw_sync_indicator_show_conflicts), self);
  g_signal_connect_swapped (self->settings_button, "clicked", G_CALLBACK (sw_sync_indicator_show_settings), self);
}

void
sw_sync_indicator_set_context (SwSyncIndicator *self,
                               SwContext       *context)
{
  SwSyncClient *client;

  g_return_if_fail (self->context == NULL);

  self->context = g_object_ref (context);
  self->controller = g_object_ref (sw_sync_controller_get (context));
  client = sw_sync_controller_get_client (self->controller);
  g_signal_connect_object (client, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->controller, "pulled", G_CALLBACK (pulled_cb), self, 0);
  g_signal_connect_object (self->controller, "renumbered", G_CALLBACK (renumbered_cb), self, 0);
  g_signal_connect_object (self->controller, "rejected-changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  /* "Offline since" and "last synced" read as times; conflicts come with pulls. */
  g_signal_connect_object (context, "tick", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

const char *
sw_sync_indicator_get_title (SwSyncIndicator *self)
{
  return gtk_label_get_label (self->title_label);
}

const char *
sw_sync_indicator_get_detail (SwSyncIndicator *self)
{
  return gtk_label_get_label (self->detail_label);
}

/* The last notice the indicator raised (a renumbered case), for tests. */
const char *
sw_sync_indicator_get_last_notice (SwSyncIndicator *self)
{
  return self->last_notice;
}

const char *
sw_sync_indicator_get_directory (SwSyncIndicator *self)
{
  return gtk_label_get_label (self->directory_label);
}

GtkPopover *
sw_sync_indicator_get_popover (SwSyncIndicator *self)
{
  return self->popover;
}

GtkWidget *
sw_sync_indicator_show_rejected (SwSyncIndicator *self)
{
  return present (self, sw_sync_rejected_window_new (self->context));
}

GtkWidget *
sw_sync_indicator_show_conflicts (SwSyncIndicator *self)
{
  return present (self, sw_sync_conflicts_window_new (self->context));
}

GtkWidget *
sw_sync_indicator_show_settings (SwSyncIndicator *self)
{
  return present (self, sw_sync_page_new_window (self->context));
}

const char *
sw_sync_indicator_get_pending (SwSyncIndicator *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->pending_label)) ? gtk_label_get_label (self->pending_label) : NULL;
}
