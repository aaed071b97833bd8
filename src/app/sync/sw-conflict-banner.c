/* sw-conflict-banner.c — the banner over a case with a conflicting change, and settling it
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sw-conflict-banner.h"
#include "sw-operation.h"
#include "sw-sync-controller.h"
#include "sw-sync-lists.h"

struct _SwConflictBanner
{
  AdwBin      parent_instance;

  GtkInfoBar *bar;       /* owned by the bin */
  GtkLabel   *label;
  char       *case_id;
};

G_DEFINE_FINAL_TYPE (SwConflictBanner, sw_conflict_banner, ADW_TYPE_BIN)

/* A supervisor's decision is a new event on the case, made through the
 * case view's usual operation dialog. */
static void
response_cb (GtkInfoBar       *bar,
             int               response,
             SwConflictBanner *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (root != NULL && self->case_id != NULL &&
      g_signal_lookup ("start-operation", G_OBJECT_TYPE (root)) != 0)
    g_signal_emit_by_name (root, "start-operation", (int) SW_OP_NOTE, self->case_id);
}

static void
sw_conflict_banner_finalize (GObject *object)
{
  SwConflictBanner *self = SW_CONFLICT_BANNER (object);

  g_free (self->case_id);
  G_OBJECT_CLASS (sw_conflict_banner_parent_class)->finalize (object);
}

static void
sw_conflict_banner_class_init (SwConflictBannerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sw_conflict_banner_finalize;
}

static void
sw_conflict_banner_init (SwConflictBanner *self)
{
  self->bar = GTK_INFO_BAR (gtk_info_bar_new ());
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->label, TRUE);
  gtk_label_set_xalign (self->label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->label), TRUE);
  gtk_info_bar_set_message_type (self->bar, GTK_MESSAGE_WARNING);
  gtk_info_bar_add_child (self->bar, GTK_WIDGET (self->label));
  gtk_info_bar_add_button (self->bar, _("Record a _Decision…"), GTK_RESPONSE_ACCEPT);
  g_signal_connect (self->bar, "response", G_CALLBACK (response_cb), self);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->bar));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

void
sw_conflict_banner_set_case (SwConflictBanner *self,
                             SwContext        *context,
                             const char       *case_id)
{
  g_autoptr(GPtrArray) open = sw_sync_controller_list_open_conflicts (sw_sync_controller_get (context), case_id);
  g_autoptr(GString) text = g_string_new (NULL);

  g_free (self->case_id);
  self->case_id = g_strdup (case_id);
  g_string_append_printf (text, "<b>%s</b>", _("Conflicting change"));
  for (guint i = 0; i < open->len; i++)
    {
      SwConflict *k = g_ptr_array_index (open, i);
      g_autofree char *lost = sw_sync_conflict_lost_value (context, k);
      g_autofree char *line = NULL;

      /* Translators: a field (Status, Handler, Deadline), then the value another device set that lost */
      line = g_markup_printf_escaped (_("%s: another device set “%s” at the same time; the value shown here won on every device."),
                                      sw_sync_conflict_field_label (k->field), lost);
      g_string_append_printf (text, "\n%s", line);
    }
  g_string_append_printf (text, "\n%s", _("A supervisor settles it with a new event on the case."));
  gtk_label_set_markup (self->label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self), open->len > 0);
}

const char *
sw_conflict_banner_get_text (SwConflictBanner *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self)) ? gtk_label_get_text (self->label) : NULL;
}
