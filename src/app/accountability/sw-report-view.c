/* sw-report-view.c — the evaluation report page: figures with definitions, charts, export, print
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sw-access.h"
#include "sw-acct-util.h"
#include "sw-calendar.h"
#include "sw-case-print.h"
#include "sw-error.h"
#include "sw-export.h"
#include "sw-export-file.h"
#include "sw-summary.h"
#include "sw-pdf.h"
#include "sw-report-print.h"
#include "sw-report-view.h"
#include "sw-background-task.h"
#include "sw-store-audit.h"

#define CHART_HEIGHT 260

/* The report shown, shared with a print operation under way. */
typedef struct {
  SwReport *report;
} Shared;

static void
shared_clear (Shared *shared)
{
  sw_report_free (shared->report);
}

struct _SwReportView
{
  GtkWidget            parent_instance;

  /* template */
  GtkWidget           *box;
  GtkBox              *query_box;
  GtkEntry            *from_entry;
  GtkEntry            *to_entry;
  GtkButton           *show_button;
  GtkMenuButton       *export_button;
  GtkStack            *stack;
  GtkSpinner          *spinner;
  AdwStatusPage       *error_page;
  GtkLabel            *title_label;
  GtkLabel            *subtitle_label;
  GtkLabel            *rating_label;
  GtkGrid             *figures_grid;
  GtkFlowBox          *charts_box;
  AdwPreferencesGroup *rules_group;

  /* owned */
  SwContext           *context;
  GtkDropDown         *scope_dd;
  GtkDropDown         *department_dd;
  GtkDropDown         *person_dd;
  GtkListBox          *rules_list;
  GtkWidget           *charts[SW_N_CHARTS];
  GHashTable          *figure_texts;    /* key → shown text */
  GCancellable        *cancellable;
  Shared              *shared;
  SwReport            *report;          /* shared->report, or NULL */
  char                *error;
  SwReportExport       saving;          /* what the file chooser open saves */
};

G_DEFINE_FINAL_TYPE (SwReportView, sw_report_view, GTK_TYPE_WIDGET)

enum { LOADED, N_SIGNALS };
static guint signals[N_SIGNALS];

enum { SCOPE_BRANCH, SCOPE_DEPARTMENT, SCOPE_PERSON };

typedef struct {
  SwReportQuery q;
  char         *department;
  char         *person;
} Query;

static void
query_free (Query *q)
{
  g_free (q->department);
  g_free (q->person);
  g_free (q);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Query, query_free)

static void shared_release (Shared *shared);

static gpointer
report_work (SwStore       *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  return sw_report_new (store, &((Query *) data)->q, error);
}

/* ------------------------------------------------------------ showing */

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static GtkWidget *
grid_label (const char *text,
            const char *css,
            float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css != NULL)
    gtk_widget_add_css_class (label, css);
  return label;
}

static void
fill_figures (SwReportView *self)
{
  GPtrArray *figures = self->report->figures;

  clear_grid (self->figures_grid);
  g_hash_table_remove_all (self->figure_texts);
  gtk_grid_attach (self->figures_grid, grid_label (_("Figure"), "heading", 0), 0, 0, 1, 1);
  gtk_grid_attach (self->figures_grid, grid_label (_("Value"), "heading", 1), 1, 0, 1, 1);
  gtk_grid_attach (self->figures_grid, grid_label (_("Definition"), "heading", 0), 2, 0, 1, 1);
  for (guint i = 0; i < figures->len; i++)
    {
      SwFigure *f = g_ptr_array_index (figures, i);
      g_autofree char *value = sw_figure_format (f);
      GtkWidget *definition = grid_label (f->definition, "dim-label", 0);
      GtkWidget *label = grid_label (f->label, NULL, 0);

      gtk_widget_set_hexpand (definition, TRUE);
      gtk_label_set_width_chars (GTK_LABEL (label), 12);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
      gtk_widget_add_css_class (definition, "caption");
      gtk_grid_attach (self->figures_grid, label, 0, i + 1, 1, 1);
      gtk_grid_attach (self->figures_grid, grid_label (value, "numeric", 1), 1, i + 1, 1, 1);
      gtk_grid_attach (self->figures_grid, definition, 2, i + 1, 1, 1);
      g_hash_table_insert (self->figure_texts, g_strdup (f->key), g_steal_pointer (&value));
    }
}

static void
fill_rules (SwReportView *self)
{
  guint shown = 0;

  sw_acct_clear (self->rules_list);
  for (guint i = 0; i < self->report->rules->len; i++)
    {
      SwReportRuleCount *rc = g_ptr_array_index (self->report->rules, i);
      g_autofree char *counts = NULL;

      if (rc->open + rc->confirmed + rc->dismissed == 0)
        continue;
      /* Translators: numbers of findings by status */
      counts = g_strdup_printf (_("%u confirmed · %u open · %u dismissed"), rc->confirmed, rc->open, rc->dismissed);
      sw_acct_list_add (self->rules_list, rc->label, counts);
      shown++;
    }
  if (shown == 0)
    sw_acct_list_add (self->rules_list, _("No findings in this period"), NULL);
}

static void
show_report (SwReportView *self)
{
  SwReport *r = self->report;
  g_autofree char *subtitle = g_strdup_printf (_("Period: %s · Generated: %s"), r->period, r->generated);

  gtk_label_set_label (self->title_label, r->scope_name);
  gtk_label_set_label (self->subtitle_label, subtitle);
  if (r->rating != SW_RATING_NONE)
    {
      g_autofree char *rating = g_strdup_printf (_("Rating: %s — %s"), sw_rating_label (r->rating),
                                                 r->rating_reason ? r->rating_reason : "");
      gtk_label_set_label (self->rating_label, rating);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->rating_label), r->rating != SW_RATING_NONE);
  fill_figures (self);
  fill_rules (self);
  /* Side by side only means something with more than one department. */
  gtk_widget_set_visible (gtk_widget_get_parent (self->charts[SW_CHART_DEPARTMENTS]), r->departments->len > 1);
  for (guint k = 0; k < SW_N_CHARTS; k++)
    gtk_widget_queue_draw (self->charts[k]);
  gtk_stack_set_visible_child_name (self->stack, "report");
}

static const char * const summary_actions[] = { "report.summary-csv", "report.summary-pdf", "report.summary-xlsx" };

static void
set_busy (SwReportView *self,
          gboolean      busy)
{
  gboolean ready = !busy && self->report != NULL;

  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.csv", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.pdf", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.xlsx", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.print", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.register-csv",
                                 ready && g_strcmp0 (self->report->scope, "department") == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.register-pdf",
                                 ready && g_strcmp0 (self->report->scope, "department") == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.register-xlsx",
                                 ready && g_strcmp0 (self->report->scope, "department") == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.register-print",
                                 ready && g_strcmp0 (self->report->scope, "department") == 0);
  for (guint i = 0; i < G_N_ELEMENTS (summary_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), summary_actions[i],
                                   ready && g_strcmp0 (self->report->scope, "department") == 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), ready);
}

static void
show_error (SwReportView *self,
            const char   *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  adw_status_page_set_description (self->error_page, message);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(SwReportView) self = data;
  g_autoptr(GError) error = NULL;
  SwReport *report = sw_background_task_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  if (report == NULL)
    show_error (self, error->message);
  else
    {
      g_clear_pointer (&self->shared, shared_release);
      self->shared = g_rc_box_new (Shared);
      self->report = self->shared->report = report;
      show_report (self);
    }
  set_busy (self, FALSE);
  g_signal_emit (self, signals[LOADED], 0);
}

/* ------------------------------------------------------------ charts */

static void
draw_chart_cb (GtkDrawingArea *area,
               cairo_t        *cr,
               int             width,
               int             height,
               gpointer        data)
{
  SwReportView *self = g_object_get_data (G_OBJECT (area), "sw-view");

  if (self->report != NULL)
    sw_report_chart_draw (cr, self->report, GPOINTER_TO_INT (data), width, height);
}

static void
build_charts (SwReportView *self)
{
  for (guint k = 0; k < SW_N_CHARTS; k++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *title = grid_label (sw_report_chart_title (k), "heading", 0);
      GtkWidget *area = gtk_drawing_area_new ();

      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), CHART_HEIGHT);
      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), 360);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_chart_cb, GINT_TO_POINTER (k), NULL);
      g_object_set_data (G_OBJECT (area), "sw-view", self);
      gtk_widget_add_css_class (box, "card");
      gtk_widget_add_css_class (box, "report-chart");
      gtk_box_append (GTK_BOX (box), title);
      gtk_box_append (GTK_BOX (box), area);
      gtk_flow_box_append (self->charts_box, box);
      self->charts[k] = area;
    }
}

/* ------------------------------------------------------------ query */

static void
scope_changed_cb (SwReportView *self)
{
  guint scope = gtk_drop_down_get_selected (self->scope_dd);

  gtk_widget_set_visible (GTK_WIDGET (self->department_dd), scope == SCOPE_DEPARTMENT);
  gtk_widget_set_visible (GTK_WIDGET (self->person_dd), scope == SCOPE_PERSON);
}

static void
build_query (SwReportView *self)
{
  g_autofree char *today = sw_acct_today (self->context);
  g_autofree char *january = g_strdup_printf ("%.4s-01-01", today);
  GtkWidget *after = GTK_WIDGET (self->to_entry);
  SwStaff *user = sw_context_get_user (self->context);

  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), january);
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), today);

  self->scope_dd = sw_choice_new ();
  sw_choice_add (self->scope_dd, "branch", _("Branch"));
  sw_choice_add (self->scope_dd, "department", _("Department"));
  sw_choice_add (self->scope_dd, "person", _("Person"));
  self->department_dd = sw_choice_new ();
  sw_choice_add_departments (self->department_dd, self->context, NULL);
  self->person_dd = sw_choice_new ();
  sw_acct_add_people (self->person_dd, self->context, NULL);
  for (GtkWidget **w = (GtkWidget *[]) { GTK_WIDGET (self->scope_dd), GTK_WIDGET (self->department_dd),
                                         GTK_WIDGET (self->person_dd), NULL }; *w; w++)
    {
      gtk_box_insert_child_after (self->query_box, *w, after);
      after = *w;
    }
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->scope_dd), _("Scope"));
  /* A head starts on their own department. */
  if (user != NULL && sw_staff_get_role (user) == SW_ROLE_HEAD)
    {
      gtk_drop_down_set_selected (self->scope_dd, SCOPE_DEPARTMENT);
      sw_choice_select (self->department_dd, sw_staff_get_department_code (user));
    }
  g_signal_connect_swapped (self->scope_dd, "notify::selected", G_CALLBACK (scope_changed_cb), self);
  scope_changed_cb (self);
}

/* The query in the From and To fields and the scope lists. */
static Query *
read_query (SwReportView  *self,
            GError       **error)
{
  SwStore *store = sw_context_get_store (self->context);
  guint scope = gtk_drop_down_get_selected (self->scope_dd);
  g_autoptr(Query) q = g_new0 (Query, 1);

  if (!sw_report_parse_date (store, gtk_editable_get_text (GTK_EDITABLE (self->from_entry)), FALSE, &q->q.from, error) ||
      !sw_report_parse_date (store, gtk_editable_get_text (GTK_EDITABLE (self->to_entry)), TRUE, &q->q.to, error))
    return NULL;
  if (scope == SCOPE_DEPARTMENT)
    q->q.department = q->department = g_strdup (sw_choice_get_code (self->department_dd));
  else if (scope == SCOPE_PERSON)
    q->q.person = q->person = g_strdup (sw_choice_get_code (self->person_dd));
  return g_steal_pointer (&q);
}

void
sw_report_view_load (SwReportView *self)
{
  SwStore *store = sw_context_get_store (self->context);
  g_autoptr(GError) error = NULL;
  Query *q = read_query (self, &error);

  if (q == NULL)
    {
      show_error (self, error->message);
      g_signal_emit (self, signals[LOADED], 0);
      return;
    }
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_pointer (&self->error, g_free);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  set_busy (self, TRUE);
  sw_background_task_run (store, NULL, report_work, q, (GDestroyNotify) query_free,
                     (GDestroyNotify) sw_report_free, self->cancellable, loaded_cb, g_object_ref (self));
}

/* ------------------------------------------------------------ exports */

static const struct {
  const char *action;
  const char *title;
  const char *extension;
  char        form;          /* 'r' the report, 'g' the register, 's' the summary */
} exports[] = {
  [SW_REPORT_EXPORT_CSV] = { "report.csv", N_("Export Report as CSV"), "csv", 'r' },
  [SW_REPORT_EXPORT_PDF] = { "report.pdf", N_("Export Report as PDF"), "pdf", 'r' },
  [SW_REPORT_EXPORT_REGISTER_CSV] = { "report.register-csv", N_("Export Register as CSV"), "csv", 'g' },
  [SW_REPORT_EXPORT_REGISTER_PDF] = { "report.register-pdf", N_("Export Register as PDF"), "pdf", 'g' },
  [SW_REPORT_EXPORT_XLSX] = { "report.xlsx", N_("Export Report as XLSX"), "xlsx", 'r' },
  [SW_REPORT_EXPORT_REGISTER_XLSX] = { "report.register-xlsx", N_("Export Register as XLSX"), "xlsx", 'g' },
  [SW_REPORT_EXPORT_SUMMARY_CSV] = { "report.summary-csv", N_("Export Summary as CSV"), "csv", 's' },
  [SW_REPORT_EXPORT_SUMMARY_PDF] = { "report.summary-pdf", N_("Export Summary as PDF"), "pdf", 's' },
  [SW_REPORT_EXPORT_SUMMARY_XLSX] = { "report.summary-xlsx", N_("Export Summary as XLSX"), "xlsx", 's' },
};

static const char *
query_scope_code (Query *q)
{
  return q->department ? q->department : q->person ? q->person : "branch";
}

static void
show_failure (SwReportView *self,
              const char   *heading,
              GError       *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading, error ? error->message : NULL);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A register is a department's: the scope must say which. */
static Query *
read_register_query (SwReportView  *self,
                     GError       **error)
{
  g_autoptr(Query) q = read_query (self, error);

  if (q != NULL && q->department == NULL)
    {
      g_set_error_literal (error, SW_ERROR, SW_ERROR_INVALID,
                           _("Choose a department in the scope list for its register"));
      return NULL;
    }
  return g_steal_pointer (&q);
}

/* The report for the query in the fields: the one shown when it is that
 * query's (dates changed without pressing Show are not), else computed now. */
static Shared *
fields_report (SwReportView  *self,
               GError       **error)
{
  g_autoptr(Query) q = read_query (self, error);
  SwReport *r = self->report;
  const char *scope = q == NULL ? NULL : q->department ? "department" : q->person ? "person" : "branch";
  Shared *shared;

  if (q == NULL)
    return NULL;
  if (r != NULL && r->from == q->q.from && r->to == q->q.to && g_strcmp0 (r->scope, scope) == 0 &&
      (g_str_equal (scope, "branch") || g_strcmp0 (r->scope_code, query_scope_code (q)) == 0))
    return g_rc_box_acquire (self->shared);
  shared = g_rc_box_new0 (Shared);
  if ((shared->report = sw_report_new (sw_context_get_store (self->context), &q->q, error)) == NULL)
    g_clear_pointer (&shared, shared_release);
  return shared;
}

static void
save_cb (GtkWidget  *owner,
         const char *path)
{
  SwReportView *self = SW_REPORT_VIEW (owner);
  g_autoptr(GError) error = NULL;
  g_autofree char *written = sw_report_view_export (self, self->saving, path, &error);

  if (written == NULL)
    show_failure (self, _("Cannot Save the Report"), error);
}

static void
export_action (GtkWidget  *widget,
               const char *action,
               GVariant   *param)
{
  SwReportView *self = SW_REPORT_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (exports); i++)
    if (g_str_equal (action, exports[i].action))
      self->saving = i;
  if ((name = sw_report_view_export_name (self, self->saving, &error)) == NULL)
    {
      show_failure (self, _("Cannot Save the Report"), error);
      return;
    }
  sw_acct_choose_save (widget, _(exports[self->saving].title), name, save_cb);
}

static void
register_print_action (GtkWidget  *widget,
                       const char *action,
                       GVariant   *param)
{
  SwReportView *self = SW_REPORT_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(Query) q = read_register_query (self, &error);

  if (q == NULL)
    {
      show_failure (self, _("Could not print"), error);
      return;
    }
  sw_register_print (widget, self->context, q->department, q->q.from, q->q.to,
                     GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, NULL);
}

static void
shared_release (Shared *shared)
{
  g_rc_box_release_full (shared, (GDestroyNotify) shared_clear);
}

static void
print_done_cb (GtkPrintOperation       *op,
               GtkPrintOperationResult  result,
               SwReportView            *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (op, &error);
      show_failure (self, _("Could not print"), error);
    }
  g_object_unref (op);
}

GtkPrintOperationResult
sw_report_view_print (SwReportView            *self,
                      GtkPrintOperationAction  action,
                      const char              *export_path)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GError) error = NULL;
  Shared *shared = fields_report (self, &error);
  GtkPrintOperation *op;

  if (shared == NULL)
    {
      show_failure (self, _("Could not print"), error);
      return GTK_PRINT_OPERATION_RESULT_ERROR;
    }
  op = sw_report_print_operation_new (shared->report);
  /* The operation keeps the report it prints: the view may load another. */
  g_object_set_data_full (G_OBJECT (op), "sw-report", shared, (GDestroyNotify) shared_release);
  if (export_path != NULL)
    gtk_print_operation_set_export_filename (op, export_path);
  g_signal_connect_object (op, "done", G_CALLBACK (print_done_cb), self, 0);
  gtk_print_operation_set_allow_async (op, TRUE);
  /* "done" releases the operation. */
  return gtk_print_operation_run (op, action, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL);
}

static void
print_action (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  sw_report_view_print (SW_REPORT_VIEW (widget), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL);
}

/* ------------------------------------------------------------ object */

static void
sw_report_view_dispose (GObject *object)
{
  SwReportView *self = SW_REPORT_VIEW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SW_TYPE_REPORT_VIEW);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (sw_report_view_parent_class)->dispose (object);
}

static void
sw_report_view_finalize (GObject *object)
{
  SwReportView *self = SW_REPORT_VIEW (object);

  g_clear_pointer (&self->shared, shared_release);
  self->report = NULL;
  g_clear_pointer (&self->figure_texts, g_hash_table_unref);
  g_free (self->error);
  G_OBJECT_CLASS (sw_report_view_parent_class)->finalize (object);
}

static void
sw_report_view_class_init (SwReportViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sw_report_view_dispose;
  object_class->finalize = sw_report_view_finalize;

  /* A report, or an error, is shown. */
  signals[LOADED] =
    g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shouwen/Shouwen/sw-report-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SwReportView, box);
  gtk_widget_class_bind_template_child (widget_class, SwReportView, query_box);
  gtk_widget_class_bind_template_child (widget_class, SwReportView, from_entry);
  gtk_widget_class_bind_template_child (widget_class, SwReportView, to_entry);
  gtk_widget_class_bind_template_child (widget_class, SwReportView, show_button);
  gtk_widget_class_bind_template_child (widget_class, SwReportView, export_button);
  for (guint i = 0; i < G_N_ELEMENTS (exports); i++)
    gtk_widget_class_install_action (widget_class, exports[i].action, NULL, export_action);
  gtk_widget_class_install_action (widget_class, "report.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "report.register-print", NULL, register_print_action);
  gtk_widget_class_bind_template_child (widget_class, SwReportView, stack);
  gtk_widget_class_bind_template_child (widget_class, SwReportView, spinner);
  gtk_widget_class_bind_template_child (widget_class, SwReportView, error_page);
  gtk_widget_class_bind_template_child (widget_class, SwReportView, title_label);
  gtk_widget_class_bind_template_child (widget_class, SwReportView, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, SwReportView, rating_label);
  gtk_widget_class_bind_template_child (widget_class, SwReportView, figures_grid);
  gtk_widget_class_bind_template_child (widget_class, SwReportView, charts_box);
  gtk_widget_class_bind_template_child (widget_class, SwReportView, rules_group);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sw-report-view");
}

static void
sw_report_view_init (SwReportView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->figure_texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->rules_list = sw_acct_boxed_list (self->rules_group);
  build_charts (self);
  g_signal_connect_swapped (self->show_button, "clicked", G_CALLBACK (sw_report_view_load), self);
  g_signal_connect_swapped (self->from_entry, "activate", G_CALLBACK (sw_report_view_load), self);
  g_signal_connect_swapped (self->to_entry, "activate", G_CALLBACK (sw_report_view_load), self);
}

GtkWidget *
sw_report_view_new (SwContext *context)
{
  SwReportView *self = g_object_new (SW_TYPE_REPORT_VIEW, NULL);

  self->context = g_object_ref (context);
  build_query (self);
  sw_report_view_load (self);
  return GTK_WIDGET (self);
}

/* ------------------------------------------------------------ public */

void
sw_report_view_set_query (SwReportView *self,
                          const char   *from,
                          const char   *to,
                          const char   *department,
                          const char   *person)
{
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from);
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to);
  gtk_drop_down_set_selected (self->scope_dd, person ? SCOPE_PERSON : department ? SCOPE_DEPARTMENT : SCOPE_BRANCH);
  if (department != NULL)
    sw_choice_select (self->department_dd, department);
  if (person != NULL)
    sw_choice_select (self->person_dd, person);
  sw_report_view_load (self);
}

gboolean
sw_report_view_is_loading (SwReportView *self)
{
  return self->cancellable != NULL;
}

SwReport *
sw_report_view_get_report (SwReportView *self)
{
  return self->report;
}

const char *
sw_report_view_get_error (SwReportView *self)
{
  return self->error;
}

const char *
sw_report_view_get_figure_text (SwReportView *self,
                                const char   *key)
{
  return g_hash_table_lookup (self->figure_texts, key);
}

GtkWidget *
sw_report_view_get_chart (SwReportView *self,
                          SwChartKind   kind)
{
  return self->charts[kind];
}

char *
sw_report_view_export_name (SwReportView    *self,
                            SwReportExport   what,
                            GError         **error)
{
  g_autoptr(Query) q = exports[what].form != 'r' ? read_register_query (self, error) : read_query (self, error);
  g_autofree char *from = NULL, *to = NULL;

  if (q == NULL)
    return NULL;
  from = sw_context_format_date (self->context, q->q.from);
  to = sw_context_format_date (self->context, q->q.to - 1);
  if (exports[what].form == 'g')
    /* Translators: a file name for a department's register (台账): scope,
     * from, to, extension; no slashes */
    return g_strdup_printf (_("register-%s-%s-%s.%s"), query_scope_code (q), from, to, exports[what].extension);
  if (exports[what].form == 's')
    /* Translators: a file name for a department's inquiry and complaint
     * summary (汇总表): scope, from, to, extension; no slashes */
    return g_strdup_printf (_("summary-%s-%s-%s.%s"), query_scope_code (q), from, to, exports[what].extension);
  /* Translators: a file name for a report: scope, from, to, extension; no slashes */
  return g_strdup_printf (_("report-%s-%s-%s.%s"), query_scope_code (q), from, to, exports[what].extension);
}

/* Exporting customers whole is an entry of the audit log. */
static gboolean
audit_exported (SwReportView  *self,
                const char    *form,
                const char    *department,
                const char    *format,
                gboolean       mask,
                GError       **error)
{
  g_autofree char *args = NULL;

  if (mask)
    return TRUE;
  args = sw_audit_args ("department", department, "format", format, "form", form, "via", "app", NULL);
  return sw_store_audit (sw_context_get_store (self->context), sw_context_get_user_empno (self->context),
                         SW_AUDIT_PERSONAL_DATA_EXPORTED, SW_AUDIT_SUBJECT_CASES, form, args, error);
}

/* A department's register (form 'g') or its inquiry and complaint summary
 * ('s'), masked as the policy says. */
static gboolean
write_department_form (SwReportView  *self,
                       char           form,
                       const char    *format,
                       const char    *path,
                       GError       **error)
{
  SwStore *store = sw_context_get_store (self->context);
  SwStaff *user = sw_context_get_user (self->context);
  g_autoptr(Query) q = read_register_query (self, error);
  gboolean mask, ok;
  g_autofree char *text = NULL;
  g_autofree char *temp = NULL;

  if (q == NULL)
    return FALSE;
  mask = !sw_access_sees_register (user, q->department);
  /* Under a temporary name, then the audit entry, then in place: a failed
   * audit leaves no file. */
  temp = sw_export_file_temp (path);
  if (form == 's' && g_str_equal (format, "pdf"))
    ok = sw_pdf_write_summary (store, q->department, q->q.from, q->q.to, mask, temp, error);
  else if (form == 's' && g_str_equal (format, "xlsx"))
    ok = sw_export_summary_xlsx (store, q->department, q->q.from, q->q.to, mask, temp, error);
  else if (form == 's')
    ok = (text = sw_export_summary_csv (store, q->department, q->q.from, q->q.to, mask, error)) != NULL &&
         g_file_set_contents (temp, text, -1, error);
  else if (g_str_equal (format, "pdf"))
    ok = sw_pdf_write_register (store, q->department, q->q.from, q->q.to, mask, temp, error);
  else if (g_str_equal (format, "xlsx"))
    ok = sw_export_register_xlsx (store, q->department, q->q.from, q->q.to, mask, temp, error);
  else
    ok = (text = sw_export_register_csv (store, q->department, q->q.from, q->q.to, mask, error)) != NULL &&
         g_file_set_contents (temp, text, -1, error);
  if (!ok || !audit_exported (self, form == 's' ? "summary" : "register", q->department, format, mask, error) ||
      !sw_export_file_finish (temp, path, error))
    {
      sw_export_file_discard (temp);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_report (SwReportView  *self,
              const char    *format,
              const char    *path,
              GError       **error)
{
  Shared *shared = fields_report (self, error);
  g_autofree char *text = NULL;
  gboolean ok;

  if (shared == NULL)
    return FALSE;
  if (g_str_equal (format, "pdf"))
    ok = sw_pdf_write_report (shared->report, path, error);
  else if (g_str_equal (format, "xlsx"))
    ok = sw_export_report_xlsx (shared->report, path, error);
  else
    {
      text = sw_export_report_csv (shared->report);
      ok = g_file_set_contents (path, text, -1, error);
    }
  shared_release (shared);
  return ok;
}

char *
sw_report_view_export (SwReportView    *self,
                       SwReportExport   what,
                       const char      *path,
                       GError         **error)
{
  const char *extension = exports[what].extension;
  const char *dot = strrchr (path, '.');
  /* The menu item chosen decides the format, whatever the name typed. */
  g_autofree char *written = dot != NULL && g_ascii_strcasecmp (dot + 1, extension) == 0
                             ? g_strdup (path) : g_strconcat (path, ".", extension, NULL);

  if (!(exports[what].form != 'r' ? write_department_form (self, exports[what].form, extension, written, error)
                                   : write_report (self, extension, written, error)))
    return NULL;
  return g_steal_pointer (&written);
}
