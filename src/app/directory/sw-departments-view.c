/* sw-departments-view.c — the departments page: the tree by branch and the form to edit one
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sw-departments-view.h"
#include "sw-dir-csv.h"
#include "sw-dir-list.h"
#include "sw-dir-rows.h"
#include "sw-error.h"
#include "sw-ui-util.h"

#define MAX_DEPTH 8

struct _SwDepartmentsView
{
  GtkBox                parent_instance;

  /* template */
  GtkSearchEntry       *search_entry;
  GtkListBox           *list;
  GtkWidget            *form_group;
  GtkWidget            *duties_group;
  AdwEntryRow          *code_row;
  AdwEntryRow          *name_row;
  AdwComboRow          *parent_row;
  AdwEntryRow          *location_row;
  AdwEntryRow          *phone_row;
  AdwComboRow          *liaison_row;
  AdwComboRow          *head_row;
  AdwEntryRow          *duties_row;
  GtkLabel             *error_label;

  /* owned */
  SwContext            *context;
  SwDepartment         *shown;
  gboolean              is_new;
  char                 *error;
};

G_DEFINE_FINAL_TYPE (SwDepartmentsView, sw_departments_view, GTK_TYPE_BOX)

char *
sw_duties_normalize (const char *text)
{
  g_autofree char *ascii = NULL;
  g_auto(GStrv) words = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  if (text == NULL)
    return NULL;
  /* People type the full-width semicolon as often as the ASCII one. */
  words = g_strsplit (text, "；", -1);
  ascii = g_strjoinv (";", words);
  g_strfreev (words);
  words = g_strsplit (ascii, ";", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (*g_strstrip (words[i]) != '\0')
      g_ptr_array_add (kept, words[i]);
  g_ptr_array_add (kept, NULL);
  return kept->len > 1 ? g_strjoinv (";", (char **) kept->pdata) : NULL;
}

static void
set_error (SwDepartmentsView *self,
           const char        *message)
{
  sw_error_label_set (self->error_label, &self->error, message);
}

static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       data)
{
  SwDepartmentsView *self = data;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  SwDepartment *d = sw_context_lookup_department (self->context, gtk_widget_get_name (GTK_WIDGET (row)));

  if (d == NULL)
    return sw_dir_text_matches (search, NULL, 0);   /* branch headings only without a search */
  {
    const char *fields[] = {
      sw_department_get_code (d), sw_department_get_name (d),
      sw_department_get_duties (d), sw_department_get_location (d),
    };

    return sw_dir_text_matches (search, fields, G_N_ELEMENTS (fields));
  }
}

static GtkWidget *
make_row (const char *code,
          const char *title,
          const char *detail,
          guint       depth)
{
  GtkWidget *row = sw_dir_list_row_new (code ? code : "", title, detail, depth);

  if (code == NULL)
    {
      gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
    }
  return row;
}

static gboolean
in_branch (SwDepartment *d,
           const char   *branch,
           const char   *home)
{
  const char *code = sw_department_get_branch_code (d);

  return g_strcmp0 (code ? code : home, branch) == 0;
}

/* A department is at the top of its branch when its parent is none, unknown
 * or in another branch. */
static gboolean
is_top (SwDepartmentsView *self,
        SwDepartment      *d,
        const char        *branch,
        const char        *home)
{
  SwDepartment *parent = sw_context_lookup_department (self->context, sw_department_get_parent_code (d));

  return parent == NULL || !in_branch (parent, branch, home);
}

static void
add_children (SwDepartmentsView *self,
              const char        *parent,
              const char        *branch,
              const char        *home,
              guint              depth)
{
  GListModel *departments = sw_context_get_departments (self->context);

  if (depth > MAX_DEPTH)   /* a cycle of parent codes */
    return;
  for (guint i = 0, n = g_list_model_get_n_items (departments); i < n; i++)
    {
      g_autoptr(SwDepartment) d = g_list_model_get_item (departments, i);
      g_autofree char *detail = NULL;
      const char *head;

      if (!in_branch (d, branch, home) ||
          (parent == NULL ? !is_top (self, d, branch, home)
                          : g_strcmp0 (sw_department_get_parent_code (d), parent) != 0))
        continue;
      head = sw_department_get_head_empno (d);
      /* Translators: department code · location · phone · head, in the department tree */
      detail = g_strdup_printf (_("%s · %s · ☎ %s · head %s"), sw_department_get_code (d),
                                sw_department_get_location (d) ? sw_department_get_location (d) : "—",
                                sw_department_get_phone (d) ? sw_department_get_phone (d) : "—",
                                head ? sw_context_staff_name (self->context, head) : "—");
      gtk_list_box_append (self->list, make_row (sw_department_get_code (d), sw_department_get_name (d),
                                                 detail, depth));
      add_children (self, sw_department_get_code (d), branch, home, depth + 1);
    }
}

static void
rebuild_list (SwDepartmentsView *self)
{
  SwStore *store = sw_context_get_store (self->context);
  g_autoptr(GListModel) branches = sw_store_list_branches (store);
  g_autofree char *home = sw_store_get_home_branch (store);
  guint n = g_list_model_get_n_items (branches);

  sw_dir_list_clear (self->list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwBranch) b = g_list_model_get_item (branches, i);

      gtk_list_box_append (self->list, make_row (NULL, sw_branch_get_name (b), NULL, 0));
      add_children (self, NULL, sw_branch_get_code (b), home, 1);
    }
  if (n == 0)
    add_children (self, NULL, home, home, 0);
}

static void
update_rights (SwDepartmentsView *self)
{
  gboolean admin = sw_dir_is_admin (self->context);
  gboolean editing = admin && (self->shown != NULL || self->is_new);

  gtk_widget_set_sensitive (self->form_group, editing);
  gtk_widget_set_sensitive (self->duties_group, editing);
  gtk_editable_set_editable (GTK_EDITABLE (self->code_row), self->is_new);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dept.save", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dept.new", admin);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dept.import", admin);
}

static void
show_department (SwDepartmentsView *self,
                 SwDepartment      *d)
{
  const char *code = d ? sw_department_get_code (d) : NULL;

  g_set_object (&self->shown, d);
  set_error (self, NULL);
  sw_entry_row_set (self->code_row, code);
  sw_entry_row_set (self->name_row, d ? sw_department_get_name (d) : NULL);
  sw_code_row_fill_departments (self->parent_row, self->context, code, TRUE);
  sw_code_row_select (self->parent_row, d ? sw_department_get_parent_code (d) : NULL);
  sw_entry_row_set (self->location_row, d ? sw_department_get_location (d) : NULL);
  sw_entry_row_set (self->phone_row, d ? sw_department_get_phone (d) : NULL);
  sw_code_row_fill_staff (self->liaison_row, self->context, NULL, NULL, TRUE);
  sw_code_row_select (self->liaison_row, d ? sw_department_get_liaison_empno (d) : NULL);
  sw_code_row_fill_staff (self->head_row, self->context, NULL, NULL, TRUE);
  sw_code_row_select (self->head_row, d ? sw_department_get_head_empno (d) : NULL);
  sw_entry_row_set (self->duties_row, d ? sw_department_get_duties (d) : NULL);
  update_rights (self);
}

static void
row_selected_cb (GtkListBox    *list,
                 GtkListBoxRow *row,
                 gpointer       data)
{
  SwDepartmentsView *self = data;
  SwDepartment *d;

  if (row == NULL || (d = sw_context_lookup_department (self->context, gtk_widget_get_name (GTK_WIDGET (row)))) == NULL)
    return;
  self->is_new = FALSE;
  show_department (self, d);
}

static void
directory_changed_cb (SwDepartmentsView *self)
{
  g_autofree char *code = self->shown ? g_strdup (sw_department_get_code (self->shown)) : NULL;

  rebuild_list (self);
  if (code != NULL)
    sw_departments_view_select (self, code);
}

gboolean
sw_departments_view_save (SwDepartmentsView *self)
{
  g_autofree char *code = sw_entry_row_get (self->code_row);
  g_autofree char *name = sw_entry_row_get (self->name_row);
  g_autofree char *location = sw_entry_row_get (self->location_row);
  g_autofree char *phone = sw_entry_row_get (self->phone_row);
  g_autofree char *typed = sw_entry_row_get (self->duties_row);
  g_autofree char *duties = sw_duties_normalize (typed);
  g_autofree char *home = NULL;
  g_autoptr(SwDepartment) d = NULL;
  g_autoptr(GError) error = NULL;
  const char *parent = sw_code_row_get (self->parent_row);
  SwDepartment *parent_d = sw_context_lookup_department (self->context, parent);

  if (!sw_dir_is_admin (self->context) || (self->shown == NULL && !self->is_new))
    {
      set_error (self, _("Only administrators edit the departments"));
      return FALSE;
    }
  if (self->is_new && code != NULL && sw_context_lookup_department (self->context, code) != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Department code %s is already taken"), code);
      set_error (self, message);
      return FALSE;
    }
  d = self->shown ? sw_department_copy (self->shown) : sw_department_new (code, name);
  if (!sw_store_check_department_parent (sw_context_get_store (self->context),
                                         sw_department_get_code (d), parent, &error))
    {
      set_error (self, error->message);
      return FALSE;
    }
  if (self->is_new)
    {
      home = sw_store_get_home_branch (sw_context_get_store (self->context));
      g_object_set (d, "branch-code", parent_d ? sw_department_get_branch_code (parent_d) : home, NULL);
    }
  g_object_set (d, "name", name, "parent-code", parent, "location", location, "phone", phone,
                "liaison-empno", sw_code_row_get (self->liaison_row),
                "head-empno", sw_code_row_get (self->head_row), "duties", duties, NULL);
  if (!sw_store_put_department (sw_context_get_store (self->context), d, &error))
    {
      set_error (self, error->message);
      return FALSE;
    }
  self->is_new = FALSE;
  sw_context_directory_changed (self->context);
  sw_departments_view_select (self, sw_department_get_code (d));
  {
    /* Translators: %s is a department's name */
    g_autofree char *message = g_strdup_printf (_("%s saved"), sw_department_get_name (d));
    sw_dir_toast (GTK_WIDGET (self), message);
  }
  return TRUE;
}

/* ------------------------------------------------------------ actions */

static void
new_action (GtkWidget  *widget,
            const char *name,
            GVariant   *param)
{
  sw_departments_view_new_department (SW_DEPARTMENTS_VIEW (widget));
}

static void
save_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  sw_departments_view_save (SW_DEPARTMENTS_VIEW (widget));
}

static void
import_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  sw_dir_csv_choose_import (widget, SW_DEPARTMENTS_VIEW (widget)->context, SW_DIR_DEPARTMENTS);
}

static void
export_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  sw_dir_csv_choose_export (widget, SW_DEPARTMENTS_VIEW (widget)->context, SW_DIR_DEPARTMENTS);
}

/* ------------------------------------------------------------ object */

static void
sw_departments_view_dispose (GObject *object)
{
  SwDepartmentsView *self = SW_DEPARTMENTS_VIEW (object);

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SW_TYPE_DEPARTMENTS_VIEW);
  g_clear_object (&self->shown);
  g_clear_object (&self->context);
  g_clear_pointer (&self->error, g_free);
  G_OBJECT_CLASS (sw_departments_view_parent_class)->dispose (object);
}

static void
sw_departments_view_class_init (SwDepartmentsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sw_departments_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/shouwen/Shouwen/sw-departments-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SwDepartmentsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SwDepartmentsView, list);
  gtk_widget_class_bind_template_child (widget_class, SwDepartmentsView, form_group);
  gtk_widget_class_bind_template_child (widget_class, SwDepartmentsView, duties_group);
  gtk_widget_class_bind_template_child (widget_class, SwDepartmentsView, code_row);
  gtk_widget_class_bind_template_child (widget_class, SwDepartmentsView, name_row);
  gtk_widget_class_bind_template_child (widget_class, SwDepartmentsView, parent_row);
  gtk_widget_class_bind_template_child (widget_class, SwDepartmentsView, location_row);
  gtk_widget_class_bind_template_child (widget_class, SwDepartmentsView, phone_row);
  gtk_widget_class_bind_template_child (widget_class, SwDepartmentsView, liaison_row);
  gtk_widget_class_bind_template_child (widget_class, SwDepartmentsView, head_row);
  gtk_widget_class_bind_template_child (widget_class, SwDepartmentsView, duties_row);
  gtk_widget_class_bind_template_child (widget_class, SwDepartmentsView, error_label);
  gtk_widget_class_set_css_name (widget_class, "sw-departments-view");

  gtk_widget_class_install_action (widget_class, "dept.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "dept.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "dept.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "dept.export", NULL, export_action);
}

static void
sw_departments_view_init (SwDepartmentsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sw_dir_list_init (self->list, self->search_entry, filter_row, G_CALLBACK (row_selected_cb), self);
}

GtkWidget *
sw_departments_view_new (SwContext *context)
{
  SwDepartmentsView *self = g_object_new (SW_TYPE_DEPARTMENTS_VIEW, NULL);

  self->context = g_object_ref (context);
  g_signal_connect_swapped (context, "directory-changed", G_CALLBACK (directory_changed_cb), self);
  rebuild_list (self);
  show_department (self, NULL);
  return GTK_WIDGET (self);
}

gboolean
sw_departments_view_select (SwDepartmentsView *self,
                            const char        *code)
{
  return sw_dir_list_select (self->list, code, row_selected_cb, self);
}

gboolean
sw_departments_view_new_department (SwDepartmentsView *self)
{
  if (!sw_dir_is_admin (self->context))
    return FALSE;
  gtk_list_box_unselect_all (self->list);
  self->is_new = TRUE;
  show_department (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->code_row));
  return TRUE;
}

gboolean
sw_departments_view_fill (SwDepartmentsView *self,
                          SwDepartment      *values)
{
  gboolean ok;

  if (self->is_new)
    sw_entry_row_set (self->code_row, sw_department_get_code (values));
  sw_entry_row_set (self->name_row, sw_department_get_name (values));
  ok = sw_code_row_select (self->parent_row, sw_department_get_parent_code (values));
  sw_entry_row_set (self->location_row, sw_department_get_location (values));
  sw_entry_row_set (self->phone_row, sw_department_get_phone (values));
  ok &= sw_code_row_select (self->liaison_row, sw_department_get_liaison_empno (values));
  ok &= sw_code_row_select (self->head_row, sw_department_get_head_empno (values));
  sw_entry_row_set (self->duties_row, sw_department_get_duties (values));
  return ok;
}

const char *
sw_departments_view_get_error (SwDepartmentsView *self)
{
  return self->error;
}

gboolean
sw_departments_view_can_edit (SwDepartmentsView *self)
{
  return gtk_widget_get_sensitive (self->form_group);
}

char *
sw_departments_view_describe (SwDepartmentsView *self)
{
  GString *text = g_string_new (NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
      GtkWidget *title = gtk_widget_get_first_child (box);
      int depth = gtk_widget_get_margin_start (box) / 18;

      g_string_append_printf (text, "%*s%s\n", 2 * depth, "",
                              *gtk_widget_get_name (row) ? gtk_widget_get_name (row)
                                                         : gtk_label_get_label (GTK_LABEL (title)));
    }
  return g_string_free (text, FALSE);
}
