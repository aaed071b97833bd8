/* sw-figure-cases.c — the list of the cases behind a branch's or a
 * department's figure, computed in a thread (sw_report_cases_behind, the
 * report's own tally), the customer masked as the access policy says, a
 * row opening the case view
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sw-access.h"
#include "sw-background-task.h"
#include "sw-figure-cases.h"
#include "sw-window.h"

struct _SwFigureCases
{
  AdwBin               parent_instance;

  AdwPreferencesGroup *group;
  GtkListBox          *list;
  GtkSpinner          *spinner;
  GtkDropDown         *which_drop;
  SwContext           *context;
  struct _Job         *last;         /* what is listed, to list another choice of */
  GCancellable        *cancellable;  /* of the list under way, or NULL */
  GPtrArray           *cases;        /* SwCase shown */
};

G_DEFINE_FINAL_TYPE (SwFigureCases, sw_figure_cases, ADW_TYPE_BIN)

enum { LOADED, N_SIGNALS };
static guint signals[N_SIGNALS];

typedef struct _Job {
  SwReportQuery query;
  char         *branch, *department, *key;
  SwBehind      which;
} Job;

static void
job_free (Job *job)
{
  g_free (job->branch);
  g_free (job->department);
  g_free (job->key);
  g_free (job);
}

static Job *
job_new (const SwReportQuery *query,
         const char          *key,
         SwBehind             which)
{
  Job *job = g_new0 (Job, 1);

  job->query = *query;
  job->query.by_branch = FALSE;
  job->branch = g_strdup (query->branch);
  job->department = g_strdup (query->department);
  job->query.branch = job->branch;
  job->query.department = job->department;
  job->query.person = NULL;
  job->key = g_strdup (key);
  job->which = which;
  return job;
}

/* In the thread: the ids behind the figure, then their cases. */
static gpointer
cases_work (SwStore       *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  Job *job = data;
  g_autoptr(GPtrArray) ids = sw_report_cases_which (store, &job->query, job->key, job->which, error);
  GPtrArray *cases;

  if (ids == NULL)
    return NULL;
  cases = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < ids->len; i++)
    {
      SwCase *c = sw_store_get_case (store, g_ptr_array_index (ids, i), NULL);
      if (c != NULL)
        g_ptr_array_add (cases, c);
    }
  return cases;
}

static void
clear (SwFigureCases *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
}

static GtkWidget *
case_row (SwFigureCases *self,
          SwCase        *c)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *name = NULL, *phone = NULL, *when = NULL, *title = NULL, *subtitle = NULL;

  /* the customer as the access policy lets the user see them */
  sw_access_customer (sw_context_get_user (self->context), c, &name, &phone, NULL, NULL);
  when = sw_context_format_time (self->context, sw_case_get_received_at (c));
  title = g_strdup_printf ("%s · %s", sw_case_get_number (c), sw_case_get_content (c));
  subtitle = g_strdup_printf ("%s · %s · %s · %s · %s %s", when, sw_case_get_branch_code (c),
                              sw_kind_label (sw_case_get_kind (c)), sw_state_label (sw_case_get_state (c)),
                              name ? name : _("anonymous"), phone ? phone : "");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "case-id", g_strdup (sw_case_get_id (c)), g_free);
  return row;
}

static void
activated_cb (GtkListBox    *list,
              GtkListBoxRow *row,
              SwFigureCases *self)
{
  const char *id = g_object_get_data (G_OBJECT (row), "case-id");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (id != NULL && SW_IS_WINDOW (root))
    sw_window_open_case (SW_WINDOW (root), id);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(SwFigureCases) self = data;
  g_autoptr(GError) error = NULL;
  GPtrArray *cases = sw_background_task_finish (result, &error);
  g_autofree char *count = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      (cases != NULL && g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result)))))
    {
      g_clear_pointer (&cases, g_ptr_array_unref);
      return;
    }
  g_clear_object (&self->cancellable);
  gtk_spinner_set_spinning (self->spinner, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  clear (self);
  g_clear_pointer (&self->cases, g_ptr_array_unref);
  if (cases == NULL)
    {
      adw_preferences_group_set_description (self->group, error->message);
      g_signal_emit (self, signals[LOADED], 0);
      return;
    }
  self->cases = cases;
  for (guint i = 0; i < cases->len; i++)
    gtk_list_box_append (self->list, case_row (self, g_ptr_array_index (cases, i)));
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u case; open one to see it whole",
                                        "%u cases; open one to see it whole", cases->len), cases->len);
  adw_preferences_group_set_description (self->group, count);
  gtk_widget_set_visible (GTK_WIDGET (self->list), cases->len > 0);
  g_signal_emit (self, signals[LOADED], 0);
}

static void run (SwFigureCases *self);

/* Another choice of the same figure's cases. */
static void
which_cb (SwFigureCases *self)
{
  guint i = gtk_drop_down_get_selected (self->which_drop);

  if (self->last == NULL || i > SW_BEHIND_MISSED)
    return;
  self->last->which = i;
  run (self);
}

static void
run (SwFigureCases *self)
{
  Job *job = job_new (&self->last->query, self->last->key, self->last->which);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  adw_preferences_group_set_description (self->group, _("Listing the cases…"));
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
  gtk_spinner_set_spinning (self->spinner, TRUE);
  sw_background_task_run (sw_context_get_store (self->context), NULL, cases_work, job, (GDestroyNotify) job_free,
                          (GDestroyNotify) g_ptr_array_unref, self->cancellable, loaded_cb, g_object_ref (self));
}

void
sw_figure_cases_load (SwFigureCases       *self,
                      const SwReportQuery *query,
                      const char          *key,
                      const char          *title)
{
  g_return_if_fail (SW_IS_FIGURE_CASES (self));
  g_clear_pointer (&self->last, job_free);
  self->last = job_new (query, key, SW_BEHIND_COUNTED);
  adw_preferences_group_set_title (self->group, title);
  g_signal_handlers_block_by_func (self->which_drop, G_CALLBACK (which_cb), self);
  gtk_drop_down_set_selected (self->which_drop, SW_BEHIND_COUNTED);
  g_signal_handlers_unblock_by_func (self->which_drop, G_CALLBACK (which_cb), self);
  run (self);
}

void
sw_figure_cases_set_which (SwFigureCases *self,
                           SwBehind       which)
{
  gtk_drop_down_set_selected (self->which_drop, which);
}

gboolean
sw_figure_cases_is_loading (SwFigureCases *self)
{
  return self->cancellable != NULL;
}

GPtrArray *
sw_figure_cases_get_cases (SwFigureCases *self)
{
  return self->cases;
}

GtkListBox *
sw_figure_cases_get_list (SwFigureCases *self)
{
  return self->list;
}

static void
sw_figure_cases_dispose (GObject *object)
{
  SwFigureCases *self = SW_FIGURE_CASES (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->cases, g_ptr_array_unref);
  g_clear_pointer (&self->last, job_free);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (sw_figure_cases_parent_class)->dispose (object);
}

static void
sw_figure_cases_class_init (SwFigureCasesClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sw_figure_cases_dispose;
  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 0);
}

static void
sw_figure_cases_init (SwFigureCases *self)
{
  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  GtkWidget *suffix = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  /* in SwBehind's order */
  const char *choices[] = { _("Cases it counts"), _("Cases it is taken of"), _("Cases it misses (late, unresolved…)"), NULL };

  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  self->which_drop = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (choices));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->which_drop), _("Which of the figure's cases to list"));
  gtk_widget_set_valign (GTK_WIDGET (self->which_drop), GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->which_drop, "notify::selected", G_CALLBACK (which_cb), self);
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  gtk_box_append (GTK_BOX (suffix), GTK_WIDGET (self->spinner));
  gtk_box_append (GTK_BOX (suffix), GTK_WIDGET (self->which_drop));
  adw_preferences_group_set_header_suffix (self->group, suffix);
  adw_preferences_group_add (self->group, GTK_WIDGET (self->list));
  g_signal_connect (self->list, "row-activated", G_CALLBACK (activated_cb), self);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->group));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
sw_figure_cases_new (SwContext *context)
{
  SwFigureCases *self = g_object_new (SW_TYPE_FIGURE_CASES, NULL);

  self->context = g_object_ref (context);
  return GTK_WIDGET (self);
}
