/* sw-branches-view.c — the head office's page: the comparison of branches
 * (a report grouped by branch), ranked by a chosen figure; a branch's row
 * opens on its departments, the same report for that branch alone
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sw-acct-util.h"
#include "sw-background-task.h"
#include "sw-branches-view.h"
#include "sw-export.h"
#include "sw-pdf.h"

struct _SwBranchesView
{
  GtkWidget            parent_instance;

  /* template */
  GtkWidget           *box;
  GtkBox              *query_box;
  GtkEntry            *from_entry;
  GtkEntry            *to_entry;
  GtkButton           *apply_button;
  GtkLabel            *status_label;
  AdwPreferencesGroup *ranking_group;
  AdwPreferencesGroup *trend_group;

  /* owned */
  SwContext           *context;
  GtkDropDown         *rank_drop;
  GtkSpinner          *spinner;
  GCancellable        *cancellable;  /* of the computation under way, or NULL */
  GPtrArray           *rows;        /* the rows added to the groups */
  SwReport            *report;
};

G_DEFINE_FINAL_TYPE (SwBranchesView, sw_branches_view, GTK_TYPE_WIDGET)

enum { LOADED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* The figures a branch's row shows, and those it may be ranked by. */
static const char *const shown[] = {
  "received", "replied_on_time", "callback_coverage", "satisfied_share", "handling_mean_hours",
  "findings_confirmed",
};

static const char *
rank_key (SwBranchesView *self)
{
  guint i = gtk_drop_down_get_selected (self->rank_drop);
  return i < G_N_ELEMENTS (shown) ? shown[i] : "replied_on_time";
}

static void
clear (SwBranchesView *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP));
      if (group != NULL)
        adw_preferences_group_remove (group, row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static void
add (SwBranchesView      *self,
     AdwPreferencesGroup *group,
     GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

static char *
figures_line (GPtrArray *figures)
{
  GString *s = g_string_new (NULL);

  for (guint k = 0; k < G_N_ELEMENTS (shown); k++)
    for (guint i = 0; i < figures->len; i++)
      {
        const SwFigure *f = g_ptr_array_index (figures, i);
        if (g_str_equal (f->key, shown[k]))
          {
            g_autofree char *v = sw_figure_format (f);
            g_string_append_printf (s, "%s%s %s", s->len ? " · " : "", f->label, v);
          }
      }
  return g_string_free (s, FALSE);
}

/* A branch's departments, from the comparison itself (its one pass over
 * the cases tallied every department): no second report per branch. */
static void
add_departments (SwBranchesView *self,
                 AdwExpanderRow *expander,
                 SwReportBranch *rb)
{
  for (guint i = 0; i < self->report->departments->len; i++)
    {
      SwReportDepartment *d = g_ptr_array_index (self->report->departments, i);
      g_autoptr(GPtrArray) figures = NULL;
      g_autofree char *line = NULL;
      GtkWidget *row;

      if (g_strcmp0 (d->branch_code, rb->code) != 0)
        continue;
      figures = sw_report_tally_figures (&d->tally);
      line = figures_line (figures);
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), d->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), line);
      adw_expander_row_add_row (expander, row);
    }
}

static void
show_report (SwBranchesView *self)
{
  g_autoptr(GPtrArray) ranked = sw_report_rank_branches (self->report, rank_key (self));

  clear (self);
  for (guint i = 0; i < ranked->len; i++)
    {
      SwReportBranch *rb = g_ptr_array_index (ranked, i);
      /* TRANSLATORS: a branch's rank, name and code in the comparison */
      g_autofree char *title = g_strdup_printf (_("%u. %s (%s)"), i + 1, rb->name, rb->code);
      g_autofree char *line = figures_line (rb->figures);
      GtkWidget *row = adw_expander_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), line);
      add_departments (self, ADW_EXPANDER_ROW (row), rb);
      add (self, self->ranking_group, row);
    }
  {
    g_autofree char *line = figures_line (self->report->figures);
    GtkWidget *row = adw_action_row_new ();

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("All branches"));
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), line);
    add (self, self->ranking_group, row);
  }

  /* the trend: each branch's cases month by month */
  for (guint i = 0; i < self->report->branches->len; i++)
    {
      SwReportBranch *rb = g_ptr_array_index (self->report->branches, i);
      GString *s = g_string_new (NULL);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *line = NULL;

      for (guint m = 0; m < rb->months->len; m++)
        {
          SwReportMonth *month = g_ptr_array_index (rb->months, m);
          /* TRANSLATORS: a month (01–12) and the cases received in it */
          g_string_append_printf (s, _("%s%s: %u"), m ? " · " : "", month->label + 5, month->tally.received);
        }
      line = g_string_free (s, FALSE);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rb->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), line);
      add (self, self->trend_group, row);
    }
}

static void
set_busy (SwBranchesView *self,
          gboolean        busy)
{
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
}

static void
show_error (SwBranchesView *self,
            const char     *message)
{
  gtk_label_set_text (self->status_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
}

static gpointer
report_work (SwStore       *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  return sw_report_new (store, data, error);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(SwBranchesView) self = data;
  g_autoptr(GError) error = NULL;
  SwReport *report = sw_background_task_finish (result, &error);

  /* a newer computation replaced this one: it reports */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      (report != NULL && g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result)))))
    {
      g_clear_pointer (&report, sw_report_free);
      return;
    }
  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);
  if (report == NULL)
    show_error (self, error->message);
  else
    {
      g_clear_pointer (&self->report, sw_report_free);
      self->report = report;
      show_report (self);
    }
  g_signal_emit (self, signals[LOADED], 0);
}

gboolean
sw_branches_view_load (SwBranchesView *self)
{
  g_autoptr(GError) error = NULL;
  SwStore *store = sw_context_get_store (self->context);
  SwReportQuery *q = g_new0 (SwReportQuery, 1);

  g_return_val_if_fail (SW_IS_BRANCHES_VIEW (self), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);
  q->by_branch = TRUE;
  if (!sw_report_parse_date (store, gtk_editable_get_text (GTK_EDITABLE (self->from_entry)), FALSE, &q->from, &error) ||
      !sw_report_parse_date (store, gtk_editable_get_text (GTK_EDITABLE (self->to_entry)), TRUE, &q->to, &error))
    {
      g_free (q);
      show_error (self, error->message);
      g_signal_emit (self, signals[LOADED], 0);
      return FALSE;
    }
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  /* off the window's thread: a year of fifty branches takes seconds */
  sw_background_task_run (store, NULL, report_work, q, g_free, (GDestroyNotify) sw_report_free,
                          self->cancellable, loaded_cb, g_object_ref (self));
  return TRUE;
}

gboolean
sw_branches_view_is_loading (SwBranchesView *self)
{
  return self->cancellable != NULL;
}

/* The rank changed: the same comparison, ordered anew. */
static void
rank_cb (SwBranchesView *self)
{
  if (self->report != NULL)
    show_report (self);
}

void
sw_branches_view_set_period (SwBranchesView *self,
                             const char     *from,
                             const char     *to)
{
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from);
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to);
}

SwReport *
sw_branches_view_get_report (SwBranchesView *self)
{
  return self->report;
}

gboolean
sw_branches_view_export (SwBranchesView  *self,
                         const char      *path,
                         GError         **error)
{
  g_return_val_if_fail (self->report != NULL, FALSE);
  if (g_str_has_suffix (path, ".pdf"))
    return sw_pdf_write_branches (self->report, rank_key (self), path, error);
  {
    g_autofree char *text = sw_export_branches_csv (self->report, rank_key (self));
    return g_file_set_contents (path, text, -1, error);
  }
}

static void
saved_cb (GtkWidget  *owner,
          const char *path)
{
  SwBranchesView *self = SW_BRANCHES_VIEW (owner);
  g_autoptr(GError) error = NULL;

  if (!sw_branches_view_export (self, path, &error))
    {
      gtk_label_set_text (self->status_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
    }
}

static void
export_as (SwBranchesView *self,
           const char     *name)
{
  if (self->report != NULL)
    sw_acct_choose_save (GTK_WIDGET (self), _("Export the Comparison"), name, saved_cb);
}

static void
csv_cb (SwBranchesView *self)
{
  export_as (self, "branches.csv");
}

static void
pdf_cb (SwBranchesView *self)
{
  export_as (self, "branches.pdf");
}

static void
sw_branches_view_dispose (GObject *object)
{
  SwBranchesView *self = SW_BRANCHES_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SW_TYPE_BRANCHES_VIEW);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->report, sw_report_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (sw_branches_view_parent_class)->dispose (object);
}

static void
sw_branches_view_class_init (SwBranchesViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = sw_branches_view_dispose;
  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 0);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shouwen/Shouwen/sw-branches-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SwBranchesView, box);
  gtk_widget_class_bind_template_child (widget_class, SwBranchesView, query_box);
  gtk_widget_class_bind_template_child (widget_class, SwBranchesView, from_entry);
  gtk_widget_class_bind_template_child (widget_class, SwBranchesView, to_entry);
  gtk_widget_class_bind_template_child (widget_class, SwBranchesView, apply_button);
  gtk_widget_class_bind_template_child (widget_class, SwBranchesView, status_label);
  gtk_widget_class_bind_template_child (widget_class, SwBranchesView, ranking_group);
  gtk_widget_class_bind_template_child (widget_class, SwBranchesView, trend_group);
}

static void
sw_branches_view_init (SwBranchesView *self)
{
  g_autoptr(GtkStringList) keys = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *from = g_date_time_format (now, "%Y-01-01");
  g_autofree char *to = g_date_time_format (now, "%Y-12-31");
  GtkWidget *csv = gtk_button_new_with_mnemonic (_("Export _CSV…"));
  GtkWidget *pdf = gtk_button_new_with_mnemonic (_("Export _PDF…"));
  GtkWidget *label = gtk_label_new (_("Rank by"));
  SwReportTally empty = { 0 };
  g_autoptr(GPtrArray) figures = sw_report_tally_figures (&empty);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  for (guint k = 0; k < G_N_ELEMENTS (shown); k++)
    for (guint i = 0; i < figures->len; i++)
      if (g_str_equal (((SwFigure *) g_ptr_array_index (figures, i))->key, shown[k]))
        gtk_string_list_append (keys, ((SwFigure *) g_ptr_array_index (figures, i))->label);
  self->rank_drop = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&keys)), NULL));
  gtk_drop_down_set_selected (self->rank_drop, 1);
  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->spinner), _("Computing the comparison…"));
  gtk_box_append (self->query_box, GTK_WIDGET (self->spinner));
  gtk_box_append (self->query_box, label);
  gtk_box_append (self->query_box, GTK_WIDGET (self->rank_drop));
  gtk_box_append (self->query_box, csv);
  gtk_box_append (self->query_box, pdf);
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from);
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to);
  g_signal_connect_swapped (self->apply_button, "clicked", G_CALLBACK (sw_branches_view_load), self);
  g_signal_connect_swapped (self->rank_drop, "notify::selected", G_CALLBACK (rank_cb), self);
  g_signal_connect_swapped (csv, "clicked", G_CALLBACK (csv_cb), self);
  g_signal_connect_swapped (pdf, "clicked", G_CALLBACK (pdf_cb), self);
}

GtkWidget *
sw_branches_view_new (SwContext *context)
{
  SwBranchesView *self = g_object_new (SW_TYPE_BRANCHES_VIEW, NULL);

  self->context = g_object_ref (context);
  sw_branches_view_load (self);
  return GTK_WIDGET (self);
}
