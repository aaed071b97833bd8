/* sw-templates-view.c — the templates page: search, edit and retire standard answers and materials lists
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sw-dir-csv.h"
#include "sw-dir-list.h"
#include "sw-nav-list.h"
#include "sw-dir-rows.h"
#include "sw-store-templates.h"
#include "sw-templates-view.h"
#include "sw-ui-util.h"

struct _SwTemplatesView
{
  GtkBox           parent_instance;

  /* template */
  GtkSearchEntry  *search_entry;
  GtkWidget       *new_button;
  GtkDropDown     *kind_filter;
  GtkCheckButton  *retired_check;
  GtkListBox      *list;
  GtkWidget       *form_group;
  AdwPreferencesGroup *body_group;
  AdwEntryRow     *matter_row;
  AdwComboRow     *department_row;
  AdwEntryRow     *keywords_row;
  GtkLabel        *status_label;
  GtkLabel        *error_label;
  GtkButton       *retire_button;

  /* borrowed: inside body_group */
  GtkTextView     *body_view;

  /* owned */
  SwContext       *context;
  SwTemplate      *shown;
  int              new_kind;    /* SwTemplateKind of a template being made, or -1 */
  char            *error;
};

G_DEFINE_FINAL_TYPE (SwTemplatesView, sw_templates_view, GTK_TYPE_BOX)

/* ------------------------------------------------------------ helpers */

static void
set_error (SwTemplatesView *self,
           const char      *message)
{
  sw_error_label_set (self->error_label, &self->error, message);
}

static const char *
user_empno (SwTemplatesView *self)
{
  return sw_context_get_user_empno (self->context);
}

/* Heads write their own department's templates; a new one is theirs. */
static gboolean
user_is_head (SwTemplatesView *self)
{
  SwStaff *user = sw_context_get_user (self->context);

  return user != NULL && sw_staff_get_role (user) == SW_ROLE_HEAD;
}

static const char *
home_department (SwTemplatesView *self)
{
  SwStaff *user = sw_context_get_user (self->context);

  return user != NULL && user_is_head (self) ? sw_staff_get_department_code (user) : NULL;
}

static gboolean
may_edit (SwTemplatesView *self,
          const char      *department)
{
  return sw_store_may_edit_template (sw_context_get_store (self->context), user_empno (self),
                                     department, NULL);
}

static gboolean
may_create (SwTemplatesView *self)
{
  return may_edit (self, home_department (self));
}

static GtkWidget *
make_row (SwTemplatesView *self,
          SwTemplate      *t)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (sw_template_get_matter (t));
  GtkWidget *sub;
  const char *dept = sw_template_get_department_code (t);
  g_autofree char *detail = NULL;

  /* Translators: a template's kind · its department (or "Whole branch") */
  detail = g_strdup_printf (_("%s · %s"), sw_template_kind_label (sw_template_get_kind (t)),
                            dept ? sw_context_department_name (self->context, dept) : _("Whole branch"));
  if (!sw_template_get_active (t))
    {
      g_autofree char *plain = g_steal_pointer (&detail);
      /* Translators: a template's details, then that it is no longer offered */
      detail = g_strdup_printf (_("%s · retired"), plain);
      gtk_widget_add_css_class (title, "dim-label");
    }
  sub = gtk_label_new (detail);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (sub), 0);
  gtk_label_set_ellipsize (GTK_LABEL (sub), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (sub, "dim-label");
  gtk_widget_add_css_class (sub, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), sub);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, sw_template_get_id (t));
  return row;
}

static void
rebuild_list (SwTemplatesView *self)
{
  guint filter = gtk_drop_down_get_selected (self->kind_filter);
  SwTemplateQuery q = {
    .kind = filter == 1 ? SW_TEMPLATE_ANSWER : filter == 2 ? SW_TEMPLATE_MATERIALS : -1,
    .text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
    .include_retired = gtk_check_button_get_active (self->retired_check),
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) found = sw_store_find_templates (sw_context_get_store (self->context), &q, &error);

  sw_dir_list_clear (self->list);
  if (found == NULL)
    {
      set_error (self, error->message);
      return;
    }
  for (guint i = 0, n = g_list_model_get_n_items (found); i < n; i++)
    {
      g_autoptr(SwTemplate) t = g_list_model_get_item (found, i);
      GtkWidget *row = make_row (self, t);

      gtk_list_box_append (self->list, row);
      if (self->shown != NULL && g_strcmp0 (sw_template_get_id (t), sw_template_get_id (self->shown)) == 0)
        gtk_list_box_select_row (self->list, GTK_LIST_BOX_ROW (row));
    }
}

static void
update_rights (SwTemplatesView *self)
{
  gboolean creatable = may_create (self);
  gboolean editing = self->new_kind >= 0 ? creatable
                   : self->shown != NULL && may_edit (self, sw_template_get_department_code (self->shown));

  gtk_widget_set_sensitive (self->form_group, editing);
  gtk_widget_set_sensitive (GTK_WIDGET (self->body_group), self->shown != NULL || self->new_kind >= 0);
  gtk_text_view_set_editable (self->body_view, editing);
  gtk_text_view_set_cursor_visible (self->body_view, editing);
  gtk_widget_set_sensitive (GTK_WIDGET (self->department_row), editing && !user_is_head (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tpl.save", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tpl.retire", editing && self->shown != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tpl.new", creatable);
  gtk_widget_set_visible (self->new_button, creatable);
}

static void
show_template (SwTemplatesView *self,
               SwTemplate      *t)
{
  SwTemplateKind kind = t ? sw_template_get_kind (t) : MAX (self->new_kind, 0);

  g_set_object (&self->shown, t);
  set_error (self, NULL);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->form_group), sw_template_kind_label (kind));
  adw_preferences_group_set_description (self->body_group,
                                         kind == SW_TEMPLATE_ANSWER
                                         ? _("What to tell the customer, as it will be recorded")
                                         : _("Every material and step the customer needs, one a line"));
  sw_entry_row_set (self->matter_row, t ? sw_template_get_matter (t) : NULL);
  sw_code_row_fill_departments (self->department_row, self->context, NULL, TRUE);
  sw_code_row_select (self->department_row, t ? sw_template_get_department_code (t) : home_department (self));
  sw_entry_row_set (self->keywords_row, t ? sw_template_get_keywords (t) : NULL);
  sw_text_view_set_text (self->body_view, t ? sw_template_get_body (t) : "");
  gtk_button_set_label (self->retire_button, t && !sw_template_get_active (t) ? _("_Restore") : _("R_etire"));
  if (t != NULL && sw_template_get_updated_by (t) != NULL)
    {
      g_autofree char *when = sw_context_format_time (self->context, sw_template_get_updated_at (t));
      /* Translators: who last changed a template, and when */
      g_autofree char *text = g_strdup_printf (_("Last changed by %s, %s"),
                                               sw_context_staff_name (self->context, sw_template_get_updated_by (t)),
                                               when);
      gtk_label_set_label (self->status_label, text);
    }
  else
    gtk_label_set_label (self->status_label, "");
  update_rights (self);
}

/* ------------------------------------------------------------ callbacks */

static void
row_selected_cb (GtkListBox      *list,
                 GtkListBoxRow   *row,
                 SwTemplatesView *self)
{
  g_autoptr(SwTemplate) t = NULL;

  if (row == NULL)
    return;
  t = sw_store_get_template (sw_context_get_store (self->context), gtk_widget_get_name (GTK_WIDGET (row)), NULL);
  if (t == NULL || (self->shown != NULL && self->new_kind < 0 &&
                    g_strcmp0 (sw_template_get_id (t), sw_template_get_id (self->shown)) == 0))
    return;
  self->new_kind = -1;
  show_template (self, t);
}

static void
directory_changed_cb (SwTemplatesView *self)
{
  rebuild_list (self);
}

/* ------------------------------------------------------------ actions */

static void
new_action (GtkWidget  *widget,
            const char *name,
            GVariant   *param)
{
  int kind = sw_template_kind_from_string (g_variant_get_string (param, NULL));

  sw_templates_view_new_template (SW_TEMPLATES_VIEW (widget), MAX (kind, 0));
}

static void
save_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  sw_templates_view_save (SW_TEMPLATES_VIEW (widget));
}

static void
retire_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  sw_templates_view_toggle_retired (SW_TEMPLATES_VIEW (widget));
}

/* ------------------------------------------------------------ object */

static void
sw_templates_view_dispose (GObject *object)
{
  SwTemplatesView *self = SW_TEMPLATES_VIEW (object);

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SW_TYPE_TEMPLATES_VIEW);
  g_clear_object (&self->shown);
  g_clear_object (&self->context);
  g_clear_pointer (&self->error, g_free);
  G_OBJECT_CLASS (sw_templates_view_parent_class)->dispose (object);
}

static void
sw_templates_view_class_init (SwTemplatesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sw_templates_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/shouwen/Shouwen/sw-templates-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SwTemplatesView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SwTemplatesView, new_button);
  gtk_widget_class_bind_template_child (widget_class, SwTemplatesView, kind_filter);
  gtk_widget_class_bind_template_child (widget_class, SwTemplatesView, retired_check);
  gtk_widget_class_bind_template_child (widget_class, SwTemplatesView, list);
  gtk_widget_class_bind_template_child (widget_class, SwTemplatesView, form_group);
  gtk_widget_class_bind_template_child (widget_class, SwTemplatesView, body_group);
  gtk_widget_class_bind_template_child (widget_class, SwTemplatesView, matter_row);
  gtk_widget_class_bind_template_child (widget_class, SwTemplatesView, department_row);
  gtk_widget_class_bind_template_child (widget_class, SwTemplatesView, keywords_row);
  gtk_widget_class_bind_template_child (widget_class, SwTemplatesView, status_label);
  gtk_widget_class_bind_template_child (widget_class, SwTemplatesView, error_label);
  gtk_widget_class_bind_template_child (widget_class, SwTemplatesView, retire_button);
  gtk_widget_class_set_css_name (widget_class, "sw-templates-view");

  gtk_widget_class_install_action (widget_class, "tpl.new", "s", new_action);
  gtk_widget_class_install_action (widget_class, "tpl.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "tpl.retire", NULL, retire_action);
}

static void
sw_templates_view_init (SwTemplatesView *self)
{
  const char *filters[] = { _("All templates"), _("Standard answers"), _("Materials lists"), NULL };
  GtkWidget *body;

  self->new_kind = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drop_down_set_model (self->kind_filter, G_LIST_MODEL (gtk_string_list_new (filters)));
  body = sw_long_text_new (&self->body_view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (body), 200);
  sw_set_accessible_label (GTK_WIDGET (self->body_view), _("Text"));
  adw_preferences_group_add (self->body_group, body);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->keywords_row),
                               _("Words in a request that suggest this template, separated by “;”"));

  g_signal_connect (self->list, "row-selected", G_CALLBACK (row_selected_cb), self);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (rebuild_list), self);
  sw_nav_list_enter_picks (self->search_entry, self->list);
  g_signal_connect_swapped (self->kind_filter, "notify::selected", G_CALLBACK (rebuild_list), self);
  g_signal_connect_swapped (self->retired_check, "toggled", G_CALLBACK (rebuild_list), self);
}

/* ------------------------------------------------------------ public */

GtkWidget *
sw_templates_view_new (SwContext *context)
{
  SwTemplatesView *self = g_object_new (SW_TYPE_TEMPLATES_VIEW, NULL);

  self->context = g_object_ref (context);
  g_signal_connect_swapped (context, "directory-changed", G_CALLBACK (directory_changed_cb), self);
  rebuild_list (self);
  show_template (self, NULL);
  return GTK_WIDGET (self);
}

void
sw_templates_view_set_search (SwTemplatesView *self,
                              const char      *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  rebuild_list (self);
}

GStrv
sw_templates_view_list_ids (SwTemplatesView *self)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    g_strv_builder_add (b, gtk_widget_get_name (row));
  return g_strv_builder_end (b);
}

gboolean
sw_templates_view_select (SwTemplatesView *self,
                          const char      *id)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (gtk_widget_get_name (row), id) == 0)
      {
        self->new_kind = -1;
        gtk_list_box_select_row (self->list, GTK_LIST_BOX_ROW (row));
        return self->shown != NULL && g_strcmp0 (sw_template_get_id (self->shown), id) == 0;
      }
  return FALSE;
}

gboolean
sw_templates_view_new_template (SwTemplatesView *self,
                                SwTemplateKind   kind)
{
  if (!may_create (self))
    return FALSE;
  gtk_list_box_unselect_all (self->list);
  self->new_kind = kind;
  show_template (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->matter_row));
  return TRUE;
}

void
sw_templates_view_fill (SwTemplatesView *self,
                        const char      *matter,
                        const char      *department,
                        const char      *keywords,
                        const char      *body)
{
  if (matter != NULL)
    sw_entry_row_set (self->matter_row, matter);
  if (department != NULL)
    sw_code_row_select (self->department_row, department);
  if (keywords != NULL)
    sw_entry_row_set (self->keywords_row, keywords);
  if (body != NULL)
    sw_text_view_set_text (self->body_view, body);
}

static gboolean
store_template (SwTemplatesView *self,
                SwTemplate      *t)
{
  g_autoptr(GError) error = NULL;

  if (!sw_store_save_template (sw_context_get_store (self->context), t, user_empno (self), &error))
    {
      set_error (self, error->message);
      return FALSE;
    }
  self->new_kind = -1;
  g_set_object (&self->shown, t);
  if (!sw_template_get_active (t))
    gtk_check_button_set_active (self->retired_check, TRUE);   /* keep it in sight */
  rebuild_list (self);
  show_template (self, t);
  return TRUE;
}

static void
toast (SwTemplatesView *self,
       char            *message)
{
  sw_dir_toast (GTK_WIDGET (self), message);
  g_free (message);
}

gboolean
sw_templates_view_save (SwTemplatesView *self)
{
  g_autofree char *matter = sw_entry_row_get (self->matter_row);
  g_autofree char *keywords = sw_entry_row_get (self->keywords_row);
  g_autofree char *body = sw_text_view_get_text (self->body_view);
  g_autoptr(SwTemplate) t = NULL;

  if (self->shown == NULL && self->new_kind < 0)
    {
      set_error (self, _("Choose a template or make a new one first"));
      return FALSE;
    }
  t = self->shown ? sw_template_copy (self->shown) : sw_template_new (self->new_kind, NULL, NULL);
  g_object_set (t, "matter", matter, "department-code", sw_code_row_get (self->department_row),
                "keywords", keywords, "body", body, NULL);
  if (!store_template (self, t))
    return FALSE;
  /* Translators: %s is a template's matter */
  toast (self, g_strdup_printf (_("%s saved"), sw_template_get_matter (t)));
  return TRUE;
}

gboolean
sw_templates_view_toggle_retired (SwTemplatesView *self)
{
  g_autoptr(SwTemplate) t = NULL;
  gboolean active;

  if (self->shown == NULL)
    return FALSE;
  t = sw_template_copy (self->shown);
  active = !sw_template_get_active (t);
  g_object_set (t, "active", active, NULL);
  if (!store_template (self, t))
    return FALSE;
  /* Translators: %s is a template's matter */
  toast (self, g_strdup_printf (active ? _("%s restored") : _("%s retired"), sw_template_get_matter (t)));
  return TRUE;
}

gboolean
sw_templates_view_can_edit (SwTemplatesView *self)
{
  return gtk_widget_get_sensitive (self->form_group);
}

const char *
sw_templates_view_get_error (SwTemplatesView *self)
{
  return self->error;
}
