/* sw-staff-view.c — the staff page: a searchable list and the form to edit a person
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "sw-auth.h"
#include "sw-dir-csv.h"
#include "sw-dir-list.h"
#include "sw-dir-rows.h"
#include "sw-error.h"
#include "sw-password-dialog.h"
#include "sw-staff-view.h"
#include "sw-ui-util.h"

struct _SwStaffView
{
  GtkBox                parent_instance;

  /* template */
  GtkSearchEntry       *search_entry;
  GtkListBox           *list;
  GtkWidget            *person_group;
  GtkWidget            *availability_group;
  AdwEntryRow          *empno_row;
  AdwEntryRow          *name_row;
  AdwComboRow          *department_row;
  GtkSpinButton        *rank_spin;
  AdwEntryRow          *title_row;
  AdwEntryRow          *hire_date_row;
  AdwEntryRow          *phone_row;
  AdwComboRow          *role_row;
  AdwComboRow          *kind_row;
  AdwComboRow          *availability_row;
  AdwComboRow          *proxy_row;
  GtkLabel             *error_label;
  GtkLabel             *status_label;
  GtkButton            *active_button;
  GtkButton            *password_button;
  GtkButton            *unlock_button;

  /* owned */
  SwContext            *context;
  SwStaff              *shown;     /* NULL: a new person, or nobody */
  gboolean              is_new;
  gboolean              locked;    /* the shown person is locked out */
  char                 *error;
};

G_DEFINE_FINAL_TYPE (SwStaffView, sw_staff_view, GTK_TYPE_BOX)

static void
set_error (SwStaffView *self,
           const char  *message)
{
  sw_error_label_set (self->error_label, &self->error, message);
}

static gboolean
matches (SwStaffView *self,
         SwStaff     *s)
{
  const char *fields[] = {
    sw_staff_get_name (s), sw_staff_get_empno (s), sw_staff_get_title (s),
    sw_context_department_name (self->context, sw_staff_get_department_code (s)),
  };

  return sw_dir_text_matches (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                              fields, G_N_ELEMENTS (fields));
}

static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       data)
{
  SwStaffView *self = data;
  SwStaff *s = sw_context_lookup_staff (self->context, gtk_widget_get_name (GTK_WIDGET (row)));

  return s != NULL && matches (self, s);
}

static GtkWidget *
make_row (SwStaffView *self,
          SwStaff     *s)
{
  g_autofree char *detail = NULL;
  GtkWidget *row;

  /* Translators: employee number · department · title, in the staff list */
  detail = g_strdup_printf (_("%s · %s · %s"), sw_staff_get_empno (s),
                            sw_context_department_name (self->context, sw_staff_get_department_code (s)),
                            sw_staff_get_title (s) ? sw_staff_get_title (s) : "—");
  if (!sw_staff_get_active (s))
    {
      g_autofree char *inactive = g_strdup_printf (_("%s (inactive)"), detail);
      g_free (detail);
      detail = g_steal_pointer (&inactive);
    }
  /* The name is the employee number, for the filter and selection. */
  row = sw_dir_list_row_new (sw_staff_get_empno (s), sw_staff_get_name (s), detail, 0);
  if (!sw_staff_get_active (s))
    {
      GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));

      gtk_widget_add_css_class (gtk_widget_get_first_child (box), "dim-label");
    }
  return row;
}

static void
rebuild_list (SwStaffView *self)
{
  GListModel *staff = sw_context_get_staff (self->context);

  sw_dir_list_clear (self->list);
  for (guint i = 0, n = g_list_model_get_n_items (staff); i < n; i++)
    {
      g_autoptr(SwStaff) s = g_list_model_get_item (staff, i);
      gtk_list_box_append (self->list, make_row (self, s));
    }
}

static void
fill_proxies (SwStaffView *self)
{
  const char *department = sw_code_row_get (self->department_row);
  const char *keep = sw_code_row_get (self->proxy_row);
  g_autofree char *kept = g_strdup (keep);

  sw_code_row_fill_staff (self->proxy_row, self->context, department ? department : "",
                          self->shown ? sw_staff_get_empno (self->shown) : NULL, TRUE);
  sw_code_row_select (self->proxy_row, kept);
}

static void
update_rights (SwStaffView *self)
{
  gboolean admin = sw_dir_is_admin (self->context);
  gboolean person = admin && (self->shown != NULL || self->is_new);
  gboolean availability = (self->shown != NULL && sw_dir_may_set_availability (self->context, self->shown)) ||
                          (self->is_new && admin);

  gtk_widget_set_sensitive (self->person_group, person);
  gtk_widget_set_sensitive (self->availability_group, availability);
  gtk_editable_set_editable (GTK_EDITABLE (self->empno_row), self->is_new);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff.save", person || availability);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff.toggle-active", admin && self->shown != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff.new", admin);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff.import", admin);
  gtk_widget_set_visible (GTK_WIDGET (self->active_button), admin && self->shown != NULL);
  /* Passwords: an administrator gives a one-time one and lifts a lock-out. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff.set-password", admin && self->shown != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->password_button), admin && self->shown != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->unlock_button), admin && self->locked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff.unlock", admin && self->locked);
}

static void
show_person (SwStaffView *self,
             SwStaff     *s)
{
  g_set_object (&self->shown, s);
  self->locked = s != NULL && sw_auth_is_locked (sw_context_get_store (self->context), sw_staff_get_empno (s));
  set_error (self, NULL);
  sw_entry_row_set (self->empno_row, s ? sw_staff_get_empno (s) : NULL);
  sw_entry_row_set (self->name_row, s ? sw_staff_get_name (s) : NULL);
  sw_code_row_fill_departments (self->department_row, self->context, NULL, FALSE);
  sw_code_row_select (self->department_row, s ? sw_staff_get_department_code (s) : NULL);
  gtk_spin_button_set_value (self->rank_spin, s ? sw_staff_get_rank (s) : 0);
  sw_entry_row_set (self->title_row, s ? sw_staff_get_title (s) : NULL);
  sw_entry_row_set (self->hire_date_row, s ? sw_staff_get_hire_date (s) : NULL);
  sw_entry_row_set (self->phone_row, s ? sw_staff_get_phone (s) : NULL);
  adw_combo_row_set_selected (self->role_row, s ? sw_staff_get_role (s) : SW_ROLE_STAFF);
  adw_combo_row_set_selected (self->kind_row, s ? sw_staff_get_kind (s) : SW_STAFF_KIND_REGULAR);
  adw_combo_row_set_selected (self->availability_row,
                              s ? sw_staff_get_availability (s) : SW_AVAILABILITY_ON_DUTY);
  fill_proxies (self);
  sw_code_row_select (self->proxy_row, s ? sw_staff_get_proxy_empno (s) : NULL);
  gtk_button_set_label (self->active_button,
                        s != NULL && !sw_staff_get_active (s) ? _("_Reactivate") : _("_Deactivate"));
  gtk_button_set_use_underline (self->active_button, TRUE);
  if (s == NULL)
    gtk_label_set_label (self->status_label, self->is_new ? _("A new staff member") : "");
  else
    gtk_label_set_label (self->status_label,
                         sw_staff_get_active (s)
                         ? _("Active. People are never deleted: they appear in cases; deactivate instead.")
                         : _("Inactive: cannot sign in or be given cases."));
  if (self->locked)
    {
      g_autofree char *text = g_strdup_printf ("%s\n%s", gtk_label_get_label (self->status_label),
                                               _("Locked after too many wrong passwords: cannot sign in until an administrator unlocks it."));
      gtk_label_set_label (self->status_label, text);
    }
  update_rights (self);
}

static void
row_selected_cb (GtkListBox    *list,
                 GtkListBoxRow *row,
                 gpointer       data)
{
  SwStaffView *self = data;

  if (row == NULL)
    return;
  self->is_new = FALSE;
  show_person (self, sw_context_lookup_staff (self->context, gtk_widget_get_name (GTK_WIDGET (row))));
}

static void
directory_changed_cb (SwStaffView *self)
{
  g_autofree char *empno = self->shown ? g_strdup (sw_staff_get_empno (self->shown)) : NULL;

  rebuild_list (self);
  if (empno != NULL)
    sw_staff_view_select (self, empno);
}

static gboolean
valid_date (const char *text)
{
  int y, m, d;
  char tail;

  return text == NULL ||
         (strlen (text) == 10 && sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 &&
          g_date_valid_dmy (d, m, y));
}

/* The person from the form: everything for administrators, availability
 * and proxy alone for a head. */
static SwStaff *
read_form (SwStaffView *self)
{
  g_autofree char *empno = sw_entry_row_get (self->empno_row);
  g_autofree char *name = sw_entry_row_get (self->name_row);
  g_autofree char *title = sw_entry_row_get (self->title_row);
  g_autofree char *hire_date = sw_entry_row_get (self->hire_date_row);
  g_autofree char *phone = sw_entry_row_get (self->phone_row);
  SwStaff *s = self->shown ? sw_staff_copy (self->shown) : sw_staff_new (empno, name);

  if (sw_dir_is_admin (self->context))
    g_object_set (s, "name", name, "department-code", sw_code_row_get (self->department_row),
                  "rank", gtk_spin_button_get_value_as_int (self->rank_spin),
                  "title", title, "hire-date", hire_date, "phone", phone,
                  "role", (int) adw_combo_row_get_selected (self->role_row),
                  "kind", (int) adw_combo_row_get_selected (self->kind_row), NULL);
  g_object_set (s, "availability", (int) adw_combo_row_get_selected (self->availability_row),
                "proxy-empno", sw_code_row_get (self->proxy_row), NULL);
  return s;
}

static gboolean
check_form (SwStaffView *self,
            SwStaff     *s,
            GError     **error)
{
  g_autofree char *hire_date = sw_entry_row_get (self->hire_date_row);
  SwStaff *proxy = sw_context_lookup_staff (self->context, sw_staff_get_proxy_empno (s));

  if (self->is_new && sw_context_lookup_staff (self->context, sw_staff_get_empno (s)) != NULL)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID, _("Employee number %s is already taken"),
                   sw_staff_get_empno (s));
      return FALSE;
    }
  if (!valid_date (hire_date))
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
                   _("“%s” is not a date; write the hire date as YYYY-MM-DD"), hire_date);
      return FALSE;
    }
  if (proxy != NULL &&
      g_strcmp0 (sw_staff_get_department_code (proxy), sw_staff_get_department_code (s)) != 0)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
                   _("The proxy must be a colleague of the same department"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
store_person (SwStaffView *self,
              SwStaff     *s)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *empno = g_strdup (sw_staff_get_empno (s));

  if (!check_form (self, s, &error) ||
      !sw_store_put_staff (sw_context_get_store (self->context), s, &error))
    {
      set_error (self, error->message);
      return FALSE;
    }
  self->is_new = FALSE;
  sw_context_directory_changed (self->context);
  sw_staff_view_select (self, empno);
  return TRUE;
}

gboolean
sw_staff_view_save (SwStaffView *self)
{
  g_autoptr(SwStaff) s = NULL;
  gboolean availability = (self->shown != NULL && sw_dir_may_set_availability (self->context, self->shown)) ||
                          (self->is_new && sw_dir_is_admin (self->context));

  if (!availability)
    {
      set_error (self, _("Only administrators edit the staff directory"));
      return FALSE;
    }
  s = read_form (self);
  if (store_person (self, s))
    {
      /* Translators: %s is a person's name */
      g_autofree char *message = g_strdup_printf (_("%s saved"), sw_staff_get_name (s));
      sw_dir_toast (GTK_WIDGET (self), message);
      return TRUE;
    }
  return FALSE;
}

gboolean
sw_staff_view_set_active (SwStaffView *self,
                          gboolean     active)
{
  g_autoptr(SwStaff) s = NULL;

  if (self->shown == NULL || !sw_dir_is_admin (self->context))
    {
      set_error (self, _("Only administrators edit the staff directory"));
      return FALSE;
    }
  s = sw_staff_copy (self->shown);
  g_object_set (s, "active", active, NULL);
  return store_person (self, s);
}

gboolean
sw_staff_view_unlock (SwStaffView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwStaff) shown = self->shown ? g_object_ref (self->shown) : NULL;
  g_autofree char *message = NULL;

  if (shown == NULL ||
      !sw_auth_unlock (sw_context_get_store (self->context), sw_context_get_user (self->context),
                       sw_staff_get_empno (shown), &error))
    {
      set_error (self, error ? error->message : _("Only administrators edit the staff directory"));
      return FALSE;
    }
  show_person (self, shown);
  /* Translators: %s is a person's name */
  message = g_strdup_printf (_("%s can sign in again"), sw_staff_get_name (shown));
  sw_dir_toast (GTK_WIDGET (self), message);
  return TRUE;
}

static void
password_set_cb (GtkWidget   *dialog,
                 const char  *message,
                 SwStaffView *self)
{
  sw_dir_toast (GTK_WIDGET (self), message);
  if (self->shown != NULL)
    show_person (self, self->shown);
}

GtkWidget *
sw_staff_view_set_password (SwStaffView *self)
{
  GtkWidget *dialog;

  if (self->shown == NULL || !sw_dir_is_admin (self->context))
    return NULL;
  dialog = sw_password_dialog_new_one_time (self->context, sw_staff_get_empno (self->shown));
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  g_signal_connect_object (dialog, "done", G_CALLBACK (password_set_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* ------------------------------------------------------------ actions */

static void
set_password_action (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  sw_staff_view_set_password (SW_STAFF_VIEW (widget));
}

static void
unlock_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  sw_staff_view_unlock (SW_STAFF_VIEW (widget));
}

static void
new_action (GtkWidget  *widget,
            const char *name,
            GVariant   *param)
{
  sw_staff_view_new_person (SW_STAFF_VIEW (widget));
}

static void
save_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  sw_staff_view_save (SW_STAFF_VIEW (widget));
}

static void
toggle_active_action (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  SwStaffView *self = SW_STAFF_VIEW (widget);

  if (self->shown != NULL)
    sw_staff_view_set_active (self, !sw_staff_get_active (self->shown));
}

static void
import_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  sw_dir_csv_choose_import (widget, SW_STAFF_VIEW (widget)->context, SW_DIR_STAFF);
}

static void
export_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  sw_dir_csv_choose_export (widget, SW_STAFF_VIEW (widget)->context, SW_DIR_STAFF);
}

/* ------------------------------------------------------------ object */

static void
sw_staff_view_dispose (GObject *object)
{
  SwStaffView *self = SW_STAFF_VIEW (object);

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SW_TYPE_STAFF_VIEW);
  g_clear_object (&self->shown);
  g_clear_object (&self->context);
  g_clear_pointer (&self->error, g_free);
  G_OBJECT_CLASS (sw_staff_view_parent_class)->dispose (object);
}

static void
sw_staff_view_class_init (SwStaffViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sw_staff_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shouwen/Shouwen/sw-staff-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SwStaffView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SwStaffView, list);
  gtk_widget_class_bind_template_child (widget_class, SwStaffView, person_group);
  gtk_widget_class_bind_template_child (widget_class, SwStaffView, availability_group);
  gtk_widget_class_bind_template_child (widget_class, SwStaffView, empno_row);
  gtk_widget_class_bind_template_child (widget_class, SwStaffView, name_row);
  gtk_widget_class_bind_template_child (widget_class, SwStaffView, department_row);
  gtk_widget_class_bind_template_child (widget_class, SwStaffView, rank_spin);
  gtk_widget_class_bind_template_child (widget_class, SwStaffView, title_row);
  gtk_widget_class_bind_template_child (widget_class, SwStaffView, hire_date_row);
  gtk_widget_class_bind_template_child (widget_class, SwStaffView, phone_row);
  gtk_widget_class_bind_template_child (widget_class, SwStaffView, role_row);
  gtk_widget_class_bind_template_child (widget_class, SwStaffView, kind_row);
  gtk_widget_class_bind_template_child (widget_class, SwStaffView, availability_row);
  gtk_widget_class_bind_template_child (widget_class, SwStaffView, proxy_row);
  gtk_widget_class_bind_template_child (widget_class, SwStaffView, error_label);
  gtk_widget_class_bind_template_child (widget_class, SwStaffView, status_label);
  gtk_widget_class_bind_template_child (widget_class, SwStaffView, active_button);
  gtk_widget_class_bind_template_child (widget_class, SwStaffView, password_button);
  gtk_widget_class_bind_template_child (widget_class, SwStaffView, unlock_button);
  gtk_widget_class_set_css_name (widget_class, "sw-staff-view");

  gtk_widget_class_install_action (widget_class, "staff.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "staff.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "staff.toggle-active", NULL, toggle_active_action);
  gtk_widget_class_install_action (widget_class, "staff.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "staff.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "staff.set-password", NULL, set_password_action);
  gtk_widget_class_install_action (widget_class, "staff.unlock", NULL, unlock_action);
}

static void
sw_staff_view_init (SwStaffView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sw_code_row_fill_enum (self->role_row, SW_N_ROLES, (SwLabelFunc) sw_role_label);
  sw_code_row_fill_enum (self->kind_row, SW_N_STAFF_KINDS, (SwLabelFunc) sw_staff_kind_label);
  sw_code_row_fill_enum (self->availability_row, SW_N_AVAILABILITIES, (SwLabelFunc) sw_availability_label);
  sw_dir_list_init (self->list, self->search_entry, filter_row, G_CALLBACK (row_selected_cb), self);
  g_signal_connect_swapped (self->department_row, "notify::selected", G_CALLBACK (fill_proxies), self);
}

GtkWidget *
sw_staff_view_new (SwContext *context)
{
  SwStaffView *self = g_object_new (SW_TYPE_STAFF_VIEW, NULL);

  self->context = g_object_ref (context);
  g_signal_connect_swapped (context, "directory-changed", G_CALLBACK (directory_changed_cb), self);
  rebuild_list (self);
  show_person (self, NULL);
  return GTK_WIDGET (self);
}

void
sw_staff_view_set_search (SwStaffView *self,
                          const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  gtk_list_box_invalidate_filter (self->list);
}

guint
sw_staff_view_count_shown (SwStaffView *self)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n += filter_row (GTK_LIST_BOX_ROW (row), self);
  return n;
}

gboolean
sw_staff_view_select (SwStaffView *self,
                      const char  *empno)
{
  return sw_dir_list_select (self->list, empno, row_selected_cb, self);
}

gboolean
sw_staff_view_new_person (SwStaffView *self)
{
  if (!sw_dir_is_admin (self->context))
    return FALSE;
  gtk_list_box_unselect_all (self->list);
  self->is_new = TRUE;
  show_person (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->empno_row));
  return TRUE;
}

gboolean
sw_staff_view_fill (SwStaffView *self,
                    SwStaff     *values)
{
  gboolean ok;

  if (self->is_new)
    sw_entry_row_set (self->empno_row, sw_staff_get_empno (values));
  sw_entry_row_set (self->name_row, sw_staff_get_name (values));
  ok = sw_code_row_select (self->department_row, sw_staff_get_department_code (values));
  gtk_spin_button_set_value (self->rank_spin, sw_staff_get_rank (values));
  sw_entry_row_set (self->title_row, sw_staff_get_title (values));
  sw_entry_row_set (self->hire_date_row, sw_staff_get_hire_date (values));
  sw_entry_row_set (self->phone_row, sw_staff_get_phone (values));
  adw_combo_row_set_selected (self->role_row, sw_staff_get_role (values));
  adw_combo_row_set_selected (self->kind_row, sw_staff_get_kind (values));
  adw_combo_row_set_selected (self->availability_row, sw_staff_get_availability (values));
  ok &= sw_code_row_select (self->proxy_row, sw_staff_get_proxy_empno (values));
  return ok;
}

const char *
sw_staff_view_get_error (SwStaffView *self)
{
  return self->error;
}

void
sw_staff_view_get_rights (SwStaffView *self,
                          gboolean    *person,
                          gboolean    *availability)
{
  *person = gtk_widget_get_sensitive (self->person_group);
  *availability = gtk_widget_get_sensitive (self->availability_group);
}
