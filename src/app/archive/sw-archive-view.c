/* sw-archive-view.c — the archive's page: the filters, the lazily paged
 * results with the customer as the access policy lets the user see it,
 * and a result opened in the case view
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sw-access.h"
#include "sw-archive-model.h"
#include "sw-archive-view.h"
#include "sw-report.h"
#include "sw-window.h"

struct _SwArchiveView
{
  GtkWidget        parent_instance;

  /* template */
  GtkWidget       *box;
  GtkBox          *query_box;
  GtkBox          *filter_box;
  GtkSearchEntry  *text_entry;
  GtkEntry        *from_entry;
  GtkEntry        *to_entry;
  GtkEntry        *department_entry;
  GtkEntry        *person_entry;
  GtkCheckButton  *overdue_check;
  GtkButton       *search_button;
  GtkLabel        *status_label;
  GtkListView     *list_view;

  /* owned */
  SwContext       *context;
  GtkDropDown     *state_drop, *kind_drop, *channel_drop, *satisfaction_drop;
  SwArchiveModel  *model;
};

G_DEFINE_FINAL_TYPE (SwArchiveView, sw_archive_view, GTK_TYPE_WIDGET)

/* The satisfaction choices: any, then score ranges. */
static const struct { int min, max; } scores[] = { { 0, 0 }, { 1, 2 }, { 3, 3 }, { 4, 5 } };

static GtkDropDown *
drop_down (const char  *any,
           guint        n,
           const char *(*label) (guint))
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, any);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, label (i));
  return GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&list)), NULL));
}

static const char *state_label (guint i) { return sw_state_label (i); }
static const char *kind_label (guint i) { return sw_kind_label (i); }
static const char *channel_label (guint i) { return sw_channel_label (i); }

static const char *
satisfaction_label (guint i)
{
  switch (i + 1)
    {
    case 1: return _("Dissatisfied (1–2)");
    case 2: return _("Neutral (3)");
    case 3: default: return _("Satisfied (4–5)");
    }
}

static const char *
text_of (GtkEditable *editable)
{
  const char *text = gtk_editable_get_text (editable);
  return text && *text ? text : NULL;
}

static void
set_status (SwArchiveView *self)
{
  guint n = self->model ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
  g_autofree char *text = NULL;

  if (self->model == NULL)
    return;
  if (sw_archive_model_is_done (self->model))
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u case found", "%u cases found", n), n);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The first %u case; more load as you scroll",
                                         "The first %u cases; more load as you scroll", n), n);
  gtk_label_set_text (self->status_label, text);
}

void
sw_archive_view_search (SwArchiveView *self)
{
  g_autoptr(GError) error = NULL;
  SwStore *store = sw_context_get_store (self->context);
  SwCaseQuery q = SW_CASE_QUERY_INIT;
  guint state = gtk_drop_down_get_selected (self->state_drop);
  guint kind = gtk_drop_down_get_selected (self->kind_drop);
  guint channel = gtk_drop_down_get_selected (self->channel_drop);
  guint score = gtk_drop_down_get_selected (self->satisfaction_drop);
  const char *from = text_of (GTK_EDITABLE (self->from_entry));
  const char *to = text_of (GTK_EDITABLE (self->to_entry));
  g_autoptr(SwArchiveModel) model = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;

  g_return_if_fail (SW_IS_ARCHIVE_VIEW (self));
  q.text = text_of (GTK_EDITABLE (self->text_entry));
  q.department = text_of (GTK_EDITABLE (self->department_entry));
  q.person = text_of (GTK_EDITABLE (self->person_entry));
  q.overdue_only = gtk_check_button_get_active (self->overdue_check);
  q.state = state > 0 && state != GTK_INVALID_LIST_POSITION ? (int) state - 1 : -1;
  q.kind = kind > 0 && kind != GTK_INVALID_LIST_POSITION ? (int) kind - 1 : -1;
  q.channel = channel > 0 && channel != GTK_INVALID_LIST_POSITION ? (int) channel - 1 : -1;
  if (score < G_N_ELEMENTS (scores))
    {
      q.satisfaction_min = scores[score].min;
      q.satisfaction_max = scores[score].max;
    }
  if ((from && !sw_report_parse_date (store, from, FALSE, &q.received_from, &error)) ||
      (to && !sw_report_parse_date (store, to, TRUE, &q.received_to, &error)) ||
      (model = sw_archive_model_new (store, &q, &error)) == NULL)
    {
      gtk_label_set_text (self->status_label, error->message);
      return;
    }
  g_set_object (&self->model, model);
  g_signal_connect_object (model, "items-changed", G_CALLBACK (set_status), self, G_CONNECT_SWAPPED);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (model)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  set_status (self);
}

void
sw_archive_view_set_text (SwArchiveView *self,
                          const char    *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->text_entry), text ? text : "");
}

GListModel *
sw_archive_view_get_model (SwArchiveView *self)
{
  return self->model ? G_LIST_MODEL (self->model) : NULL;
}

/* ------------------------------------------------------------ rows */

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           SwArchiveView            *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL), *subtitle = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_item_set_child (item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          SwArchiveView            *self)
{
  SwCase *c = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  g_autofree char *name = NULL, *phone = NULL, *when = NULL, *top = NULL, *bottom = NULL;
  g_autofree char *score = NULL;

  /* masked for everyone, as on the board's cards: a list shows no customer
   * whole (that would be an unaudited show of personal data); the case
   * view shows it to whom the policy allows, and audits it */
  sw_access_customer (NULL, c, &name, &phone, NULL, NULL);
  when = sw_context_format_time (self->context, sw_case_get_received_at (c));
  top = g_strdup_printf ("%s · %s", sw_case_get_number (c), sw_case_get_content (c));
  if (sw_case_get_satisfaction (c) > 0)
    score = g_strdup_printf (_(" · satisfaction %d"), sw_case_get_satisfaction (c));
  bottom = g_strdup_printf ("%s · %s · %s · %s · %s %s%s", when, sw_kind_label (sw_case_get_kind (c)),
                            sw_channel_label (sw_case_get_channel (c)), sw_state_label (sw_case_get_state (c)),
                            name ? name : _("anonymous"), phone ? phone : "", score ? score : "");
  gtk_label_set_text (GTK_LABEL (title), top);
  gtk_label_set_text (GTK_LABEL (subtitle), bottom);
}

static void
activate_cb (GtkListView   *view,
             guint          position,
             SwArchiveView *self)
{
  g_autoptr(SwCase) c = self->model ? g_list_model_get_item (G_LIST_MODEL (self->model), position) : NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (c != NULL && SW_IS_WINDOW (root))
    sw_window_open_case (SW_WINDOW (root), sw_case_get_id (c));
}

/* ------------------------------------------------------------ the widget */

static void
sw_archive_view_dispose (GObject *object)
{
  SwArchiveView *self = SW_ARCHIVE_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SW_TYPE_ARCHIVE_VIEW);
  g_clear_object (&self->model);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (sw_archive_view_parent_class)->dispose (object);
}

static void
sw_archive_view_class_init (SwArchiveViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = sw_archive_view_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sw-archive-view");
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shouwen/Shouwen/sw-archive-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SwArchiveView, box);
  gtk_widget_class_bind_template_child (widget_class, SwArchiveView, query_box);
  gtk_widget_class_bind_template_child (widget_class, SwArchiveView, filter_box);
  gtk_widget_class_bind_template_child (widget_class, SwArchiveView, text_entry);
  gtk_widget_class_bind_template_child (widget_class, SwArchiveView, from_entry);
  gtk_widget_class_bind_template_child (widget_class, SwArchiveView, to_entry);
  gtk_widget_class_bind_template_child (widget_class, SwArchiveView, department_entry);
  gtk_widget_class_bind_template_child (widget_class, SwArchiveView, person_entry);
  gtk_widget_class_bind_template_child (widget_class, SwArchiveView, overdue_check);
  gtk_widget_class_bind_template_child (widget_class, SwArchiveView, search_button);
  gtk_widget_class_bind_template_child (widget_class, SwArchiveView, status_label);
  gtk_widget_class_bind_template_child (widget_class, SwArchiveView, list_view);
}

static void
sw_archive_view_init (SwArchiveView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->state_drop = drop_down (_("Any state"), SW_N_STATES, state_label);
  self->kind_drop = drop_down (_("Any kind"), SW_N_KINDS, kind_label);
  self->channel_drop = drop_down (_("Any channel"), SW_N_CHANNELS, channel_label);
  self->satisfaction_drop = drop_down (_("Any satisfaction"), G_N_ELEMENTS (scores) - 1, satisfaction_label);
  gtk_box_insert_child_after (self->filter_box, GTK_WIDGET (self->satisfaction_drop), NULL);
  gtk_box_insert_child_after (self->filter_box, GTK_WIDGET (self->channel_drop), NULL);
  gtk_box_insert_child_after (self->filter_box, GTK_WIDGET (self->kind_drop), NULL);
  gtk_box_insert_child_after (self->filter_box, GTK_WIDGET (self->state_drop), NULL);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_signal_connect (self->list_view, "activate", G_CALLBACK (activate_cb), self);
  g_signal_connect_swapped (self->search_button, "clicked", G_CALLBACK (sw_archive_view_search), self);
  g_signal_connect_swapped (self->text_entry, "activate", G_CALLBACK (sw_archive_view_search), self);
}

GtkWidget *
sw_archive_view_new (SwContext *context)
{
  SwArchiveView *self = g_object_new (SW_TYPE_ARCHIVE_VIEW, NULL);

  self->context = g_object_ref (context);
  sw_archive_view_search (self);
  return GTK_WIDGET (self);
}
