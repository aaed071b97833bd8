/* sw-branches-view.c — the head office's page: the comparison of branches
 * (a report grouped by branch), ranked by a chosen figure; a branch's row
 * opens on its departments, the same report for that branch alone; the
 * trend of a chosen figure for the chosen branches (a chart); the cases
 * behind a branch's or a department's figure
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sw-acct-util.h"
#include "sw-background-task.h"
#include "sw-branches-view.h"
#include "sw-export.h"
#include "sw-figure-cases.h"
#include "sw-label.h"
#include "sw-pdf.h"
#include "sw-report-chart.h"
#include "sw-trend-chart.h"

struct _SwBranchesView
{
  GtkWidget            parent_instance;

  /* template */
  GtkWidget           *box;
  GtkBox              *query_box;
  GMenuModel          *export_menu;
  GtkEntry            *from_entry;
  GtkEntry            *to_entry;
  GtkButton           *apply_button;
  GtkLabel            *status_label;
  AdwPreferencesGroup *ranking_group;
  AdwPreferencesGroup *trend_group;
  GtkBox              *content_box;

  /* owned */
  SwContext           *context;
  GtkDropDown         *rank_drop;
  GtkDropDown         *trend_drop;
  GtkWidget           *trend_area;
  GtkWidget           *trend_row;    /* holds the chart in the trend group */
  GHashTable          *trend_codes;  /* the branches in the trend (code → code) */
  gboolean             trend_chosen; /* the user chose them (else the first five ranked) */
  SwFigureCases       *cases;
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

/* The figures of the trend (made of cases, so counted by month). */
static const char *const trended[] = {
  "received", "replied_on_time", "answered_on_spot", "callback_coverage", "satisfied_share",
  "satisfaction_mean", "resolved", "handling_mean_hours", "complaints_escalated",
};

static const char *
rank_key (SwBranchesView *self)
{
  guint i = gtk_drop_down_get_selected (self->rank_drop);
  return i < G_N_ELEMENTS (shown) ? shown[i] : "replied_on_time";
}

static const char *
trend_key (SwBranchesView *self)
{
  guint i = gtk_drop_down_get_selected (self->trend_drop);
  return i < G_N_ELEMENTS (trended) ? trended[i] : "received";
}

/* The figure whose cases a branch's button lists: the one ranked by, or
 * the cases received when that is not made of cases. */
static const char *
cases_key (SwBranchesView *self)
{
  return sw_report_figure_of_cases (rank_key (self)) ? rank_key (self) : "received";
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

void
sw_branches_view_list_cases (SwBranchesView *self,
                             const char     *branch,
                             const char     *department,
                             const char     *name)
{
  const char *key = cases_key (self);
  const SwFigure *f = self->report ? sw_report_get_figure (self->report, key) : NULL;
  SwReportQuery q = { 0 };
  g_autofree char *title = NULL;

  if (self->report == NULL || f == NULL)
    return;
  q.from = self->report->from;
  q.to = self->report->to;
  q.branch = branch;
  q.department = department;
  /* TRANSLATORS: a figure, then the branch or department whose cases are listed */
  title = g_strdup_printf (_("%s: the cases of %s"), f->label, name);
  sw_figure_cases_load (self->cases, &q, key, title);
}

static void
cases_cb (GtkButton      *button,
          SwBranchesView *self)
{
  sw_branches_view_list_cases (self, g_object_get_data (G_OBJECT (button), "branch"),
                               g_object_get_data (G_OBJECT (button), "department"),
                               g_object_get_data (G_OBJECT (button), "name"));
}

/* A button that lists the cases behind the figure of a branch or a
 * department (NULL: the whole branch). */
static GtkWidget *
cases_button (SwBranchesView *self,
              const char     *branch,
              const char     *department,
              const char     *name)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("view-list-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("The cases behind the figure ranked by"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The cases behind the figure ranked by"), -1);
  g_object_set_data_full (G_OBJECT (button), "branch", g_strdup (branch), g_free);
  g_object_set_data_full (G_OBJECT (button), "department", g_strdup (department), g_free);
  g_object_set_data_full (G_OBJECT (button), "name", g_strdup (name), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (cases_cb), self);
  return button;
}

/* A branch in or out of the trend. */
static void
trend_check_cb (GtkCheckButton *check,
                SwBranchesView *self)
{
  const char *code = g_object_get_data (G_OBJECT (check), "branch");

  self->trend_chosen = TRUE;
  if (gtk_check_button_get_active (check))
    g_hash_table_add (self->trend_codes, g_strdup (code));
  else
    g_hash_table_remove (self->trend_codes, code);
  gtk_widget_queue_draw (self->trend_area);
}

static GtkWidget *
trend_check (SwBranchesView *self,
             const char     *code,
             const char     *name)
{
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *tip = g_strdup_printf (_("Show %s in the trend"), name);

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (check, tip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, tip, -1);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_hash_table_contains (self->trend_codes, code));
  g_object_set_data_full (G_OBJECT (check), "branch", g_strdup (code), g_free);
  g_signal_connect (check, "toggled", G_CALLBACK (trend_check_cb), self);
  return check;
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
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), cases_button (self, rb->code, d->code, d->name));
      adw_expander_row_add_row (expander, row);
    }
}

static void
show_report (SwBranchesView *self)
{
  g_autoptr(GPtrArray) ranked = sw_report_rank_branches (self->report, rank_key (self));

  clear (self);
  /* until the user chooses, the trend shows the first five ranked */
  if (!self->trend_chosen)
    {
      g_hash_table_remove_all (self->trend_codes);
      for (guint i = 0; i < ranked->len && i < 5; i++)
        g_hash_table_add (self->trend_codes, g_strdup (((SwReportBranch *) g_ptr_array_index (ranked, i))->code));
    }
  for (guint i = 0; i < ranked->len; i++)
    {
      SwReportBranch *rb = g_ptr_array_index (ranked, i);
      g_autofree char *label = sw_label_with_code (rb->name, rb->code);
      /* TRANSLATORS: a branch's rank, then its name and code, in the comparison */
      g_autofree char *title = g_strdup_printf (C_("rank and branch", "%u. %s"), i + 1, label);
      g_autofree char *line = figures_line (rb->figures);
      GtkWidget *row = adw_expander_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), line);
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), trend_check (self, rb->code, rb->name));
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), cases_button (self, rb->code, NULL, rb->name));
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

  gtk_widget_queue_draw (self->trend_area);
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

static void
draw_trend_cb (GtkDrawingArea *area,
               cairo_t        *cr,
               int             width,
               int             height,
               gpointer        data)
{
  SwBranchesView *self = data;
  g_autofree const char **codes = NULL;

  if (self->report == NULL)
    return;
  codes = (const char **) g_hash_table_get_keys_as_array (self->trend_codes, NULL);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  sw_trend_chart_draw (cr, self->report, trend_key (self), codes, width, height);
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

void
sw_branches_view_set_ranking (SwBranchesView *self,
                              const char     *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    if (g_str_equal (shown[i], key))
      gtk_drop_down_set_selected (self->rank_drop, i);
}

void
sw_branches_view_set_trend (SwBranchesView     *self,
                            const char         *key,
                            const char * const *codes)
{
  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (trended); i++)
    if (g_str_equal (trended[i], key))
      gtk_drop_down_set_selected (self->trend_drop, i);
  if (codes != NULL)
    {
      self->trend_chosen = TRUE;
      g_hash_table_remove_all (self->trend_codes);
      for (guint i = 0; codes[i] != NULL; i++)
        g_hash_table_add (self->trend_codes, g_strdup (codes[i]));
      if (self->report != NULL)
        show_report (self);
    }
  gtk_widget_queue_draw (self->trend_area);
}

GtkWidget *
sw_branches_view_get_trend_chart (SwBranchesView *self)
{
  return self->trend_area;
}

SwFigureCases *
sw_branches_view_get_cases (SwBranchesView *self)
{
  return self->cases;
}

gboolean
sw_branches_view_export (SwBranchesView  *self,
                         const char      *path,
                         GError         **error)
{
  g_return_val_if_fail (self->report != NULL, FALSE);
  if (g_str_has_suffix (path, ".pdf"))
    return sw_pdf_write_branches (self->report, rank_key (self), path, error);
  if (g_str_has_suffix (path, ".xlsx"))
    return sw_export_branches_xlsx (self->report, rank_key (self), path, error);
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

/* branches.csv, branches.pdf, branches.xlsx: the action's name is the file's */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  export_as (SW_BRANCHES_VIEW (widget), action_name);
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
  g_clear_pointer (&self->trend_codes, g_hash_table_unref);
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
  gtk_widget_class_set_css_name (widget_class, "sw-branches-view");
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shouwen/Shouwen/sw-branches-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SwBranchesView, box);
  gtk_widget_class_bind_template_child (widget_class, SwBranchesView, query_box);
  gtk_widget_class_bind_template_child (widget_class, SwBranchesView, from_entry);
  gtk_widget_class_bind_template_child (widget_class, SwBranchesView, to_entry);
  gtk_widget_class_bind_template_child (widget_class, SwBranchesView, apply_button);
  gtk_widget_class_bind_template_child (widget_class, SwBranchesView, status_label);
  gtk_widget_class_bind_template_child (widget_class, SwBranchesView, ranking_group);
  gtk_widget_class_bind_template_child (widget_class, SwBranchesView, trend_group);
  gtk_widget_class_bind_template_child (widget_class, SwBranchesView, content_box);
  gtk_widget_class_bind_template_child (widget_class, SwBranchesView, export_menu);
  gtk_widget_class_install_action (widget_class, "branches.csv", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "branches.pdf", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "branches.xlsx", NULL, export_action);
}

static void
sw_branches_view_init (SwBranchesView *self)
{
  g_autoptr(GtkStringList) keys = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *from = g_date_time_format (now, "%Y-01-01");
  g_autofree char *to = g_date_time_format (now, "%Y-12-31");
  GtkWidget *export_button = gtk_menu_button_new ();
  g_autoptr(GtkStringList) trend_keys = gtk_string_list_new (NULL);
  GtkWidget *frame;
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
  gtk_menu_button_set_label (GTK_MENU_BUTTON (export_button), _("_Export"));
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (export_button), TRUE);
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (export_button),
                                  self->export_menu);
  gtk_widget_set_tooltip_text (export_button, _("Export the comparison as CSV, PDF or XLSX"));
  gtk_box_append (self->query_box, export_button);

  /* the trend: a figure for the chosen branches, month by month */
  self->trend_codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint k = 0; k < G_N_ELEMENTS (trended); k++)
    for (guint i = 0; i < figures->len; i++)
      if (g_str_equal (((SwFigure *) g_ptr_array_index (figures, i))->key, trended[k]))
        gtk_string_list_append (trend_keys, ((SwFigure *) g_ptr_array_index (figures, i))->label);
  self->trend_drop = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&trend_keys)), NULL));
  gtk_widget_set_valign (GTK_WIDGET (self->trend_drop), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->trend_drop), _("The figure the trend shows"));
  adw_preferences_group_set_header_suffix (self->trend_group, GTK_WIDGET (self->trend_drop));
  self->trend_area = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->trend_area), 320);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->trend_area), draw_trend_cb, self, NULL);
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), self->trend_area);
  adw_preferences_group_add (self->trend_group, frame);
  g_signal_connect_swapped (self->trend_drop, "notify::selected", G_CALLBACK (gtk_widget_queue_draw), self->trend_area);

  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from);
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to);
  g_signal_connect_swapped (self->apply_button, "clicked", G_CALLBACK (sw_branches_view_load), self);
  g_signal_connect_swapped (self->rank_drop, "notify::selected", G_CALLBACK (rank_cb), self);
}

GtkWidget *
sw_branches_view_new (SwContext *context)
{
  SwBranchesView *self = g_object_new (SW_TYPE_BRANCHES_VIEW, NULL);

  self->context = g_object_ref (context);
  /* the cases behind a figure, below the comparison */
  self->cases = SW_FIGURE_CASES (sw_figure_cases_new (context));
  gtk_box_append (self->content_box, GTK_WIDGET (self->cases));
  sw_branches_view_load (self);
  return GTK_WIDGET (self);
}
