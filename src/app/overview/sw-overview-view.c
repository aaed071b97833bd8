/* sw-overview-view.c — the supervisor's overview page: per handler, per department, today's deadlines
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sw-deadline.h"
#include "sw-overview-view.h"

struct _SwOverviewView
{
  GtkWidget        parent_instance;

  /* template */
  GtkWidget       *scroller;
  GtkLabel        *summary_label;
  GtkListBox      *due_list;
  GtkListBox      *people_list;
  GtkListBox      *departments_list;

  /* owned */
  SwContext       *context;
  SwOverview      *overview;
  guint            idle;
};

G_DEFINE_FINAL_TYPE (SwOverviewView, sw_overview_view, GTK_TYPE_WIDGET)

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
add_row (GtkListBox *list,
         const char *title,
         const char *subtitle,
         const char *suffix,
         gboolean    alert)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (suffix != NULL)
    {
      GtkWidget *label = gtk_label_new (suffix);

      gtk_widget_add_css_class (label, alert ? "error" : "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  gtk_list_box_append (list, row);
  return row;
}

static void
add_empty (GtkListBox *list,
           const char *text)
{
  GtkWidget *row = add_row (list, text, NULL, NULL, FALSE);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "dim-label");
}

static char *
load_text (const SwOverviewLoad *load)
{
  /* Translators: open and overdue cases of a person or a department */
  return g_strdup_printf (_("%1$u open · %2$u overdue"), load->open, load->overdue);
}

static void
fill_due (SwOverviewView *self)
{
  gint64 now = sw_context_now (self->context);
  SwCalendar *calendar = sw_context_get_calendar (self->context);

  for (guint i = 0; i < self->overview->due_today->len; i++)
    {
      SwCase *c = g_ptr_array_index (self->overview->due_today, i);
      SwDeadline deadline = sw_case_running_deadline (c);
      g_autofree char *due = sw_deadline_format (calendar, deadline.due_at, now);
      g_autofree char *title = g_strdup_printf ("%s · %s", sw_case_get_number (c),
                                                sw_kind_label (sw_case_get_kind (c)));
      const char *handler = sw_case_get_handler (c) ? sw_case_get_handler (c) : sw_case_get_owner (c);
      /* Translators: the deadline that runs and when it falls due, as on a card */
      g_autofree char *subtitle = g_strdup_printf (_("%1$s · %2$s"), sw_deadline_kind_label (deadline.kind), due);
      GtkWidget *row = add_row (self->due_list, title, subtitle,
                                handler ? sw_context_staff_name (self->context, handler) : NULL,
                                deadline.due_at < now);

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "case-id", g_strdup (sw_case_get_id (c)), g_free);
    }
  if (self->overview->due_today->len == 0)
    add_empty (self->due_list, _("No deadline falls today"));
}

static void
fill_people (SwOverviewView *self)
{
  for (guint i = 0; i < self->overview->people->len; i++)
    {
      SwOverviewLoad *load = g_ptr_array_index (self->overview->people, i);
      SwStaff *s = sw_context_lookup_staff (self->context, load->code);
      const char *dept = s ? sw_context_department_name (self->context, sw_staff_get_department_code (s)) : NULL;
      g_autofree char *text = load_text (load);
      GtkWidget *row = add_row (self->people_list, sw_context_staff_name (self->context, load->code),
                                dept, text, load->overdue > 0);

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "handler", g_strdup (load->code), g_free);
    }
  if (self->overview->people->len == 0)
    add_empty (self->people_list, _("No open case has a handler"));
}

static void
fill_departments (SwOverviewView *self)
{
  for (guint i = 0; i < self->overview->departments->len; i++)
    {
      SwOverviewLoad *load = g_ptr_array_index (self->overview->departments, i);
      g_autofree char *text = load_text (load);
      /* Translators: the share of a department's open cases that are overdue */
      g_autofree char *share = g_strdup_printf (_("%u%% overdue"), sw_overview_load_share (load));
      GtkWidget *row = add_row (self->departments_list,
                                sw_context_department_name (self->context, load->code),
                                text, share, load->overdue > 0);

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "department", g_strdup (load->code), g_free);
    }
  if (self->overview->departments->len == 0)
    add_empty (self->departments_list, _("No open cases"));
}

void
sw_overview_view_refresh (SwOverviewView *self)
{
  g_autofree char *summary = NULL;

  g_return_if_fail (SW_IS_OVERVIEW_VIEW (self));
  g_clear_pointer (&self->overview, sw_overview_free);
  self->overview = sw_overview_compute (sw_context_get_cases (self->context),
                                        sw_context_now (self->context),
                                        sw_context_day_end (self->context));
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$u open case, %2$u overdue, %3$u due today",
                                          "%1$u open cases, %2$u overdue, %3$u due today",
                                          self->overview->open),
                             self->overview->open, self->overview->overdue,
                             self->overview->due_today->len);
  gtk_label_set_label (self->summary_label, summary);
  clear_list (self->due_list);
  clear_list (self->people_list);
  clear_list (self->departments_list);
  fill_due (self);
  fill_people (self);
  fill_departments (self);
}

static gboolean
refresh_idle_cb (gpointer data)
{
  SwOverviewView *self = data;

  self->idle = 0;
  sw_overview_view_refresh (self);
  return G_SOURCE_REMOVE;
}

/* Cases changed or the clock ticked: count again once, while shown. */
static void
queue_refresh (SwOverviewView *self)
{
  if (self->idle == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->idle = g_idle_add_full (G_PRIORITY_LOW, refresh_idle_cb, self, NULL);
}

static void
row_activated_cb (GtkListBox     *list,
                  GtkListBoxRow  *row,
                  SwOverviewView *self)
{
  const char *id = g_object_get_data (G_OBJECT (row), "case-id");
  const char *handler = g_object_get_data (G_OBJECT (row), "handler");
  const char *department = g_object_get_data (G_OBJECT (row), "department");

  if (id != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "board.open", "s", id);
  else if (handler != NULL || department != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-board", "(ss)",
                                department ? department : "", handler ? handler : "");
}

const SwOverview *
sw_overview_view_get_overview (SwOverviewView *self)
{
  g_return_val_if_fail (SW_IS_OVERVIEW_VIEW (self), NULL);
  return self->overview;
}

GtkListBox *
sw_overview_view_get_list (SwOverviewView *self,
                           guint           which)
{
  g_return_val_if_fail (SW_IS_OVERVIEW_VIEW (self), NULL);
  return which == 0 ? self->people_list : which == 1 ? self->departments_list : self->due_list;
}

static void
sw_overview_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (sw_overview_view_parent_class)->map (widget);
  sw_overview_view_refresh (SW_OVERVIEW_VIEW (widget));
}

static void
sw_overview_view_dispose (GObject *object)
{
  SwOverviewView *self = SW_OVERVIEW_VIEW (object);

  g_clear_handle_id (&self->idle, g_source_remove);
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SW_TYPE_OVERVIEW_VIEW);
  g_clear_object (&self->context);
  g_clear_pointer (&self->overview, sw_overview_free);
  G_OBJECT_CLASS (sw_overview_view_parent_class)->dispose (object);
}

static void
sw_overview_view_class_init (SwOverviewViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = sw_overview_view_dispose;
  widget_class->map = sw_overview_view_map;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shouwen/Shouwen/sw-overview-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SwOverviewView, scroller);
  gtk_widget_class_bind_template_child (widget_class, SwOverviewView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SwOverviewView, due_list);
  gtk_widget_class_bind_template_child (widget_class, SwOverviewView, people_list);
  gtk_widget_class_bind_template_child (widget_class, SwOverviewView, departments_list);
}

static void
sw_overview_view_init (SwOverviewView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self->due_list, "row-activated", G_CALLBACK (row_activated_cb), self);
  g_signal_connect (self->people_list, "row-activated", G_CALLBACK (row_activated_cb), self);
  g_signal_connect (self->departments_list, "row-activated", G_CALLBACK (row_activated_cb), self);
}

GtkWidget *
sw_overview_view_new (SwContext *context)
{
  SwOverviewView *self = g_object_new (SW_TYPE_OVERVIEW_VIEW, NULL);

  self->context = g_object_ref (context);
  g_signal_connect_swapped (context, "case-changed", G_CALLBACK (queue_refresh), self);
  g_signal_connect_swapped (context, "tick", G_CALLBACK (queue_refresh), self);
  return GTK_WIDGET (self);
}
