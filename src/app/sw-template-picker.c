/* sw-template-picker.c — the menu button that puts a standard answer or materials list into a text
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sw-nav-list.h"
#include "sw-store-templates.h"
#include "sw-template-picker.h"
#include "sw-ui-util.h"

struct _SwTemplatePicker
{
  GtkWidget       parent_instance;

  /* template */
  GtkMenuButton  *button;
  GtkPopover     *popover;
  GtkSearchEntry *search_entry;
  GtkListBox     *list;
  GtkLabel       *empty_label;

  /* owned */
  SwContext      *context;
  GtkTextView    *target;
  GListModel     *offered;
  char           *content;
  char           *department;
  SwTemplateKind  kind;
  char           *chosen;          /* the last template chosen, its id */
};

G_DEFINE_FINAL_TYPE (SwTemplatePicker, sw_template_picker, GTK_TYPE_WIDGET)

/* ------------------------------------------------------------ helpers */

static char *
first_line (const char *text)
{
  const char *end = strchr (text ? text : "", '\n');

  return end ? g_strndup (text, end - text) : g_strdup (text ? text : "");
}

static GtkWidget *
caption (const char *text,
         const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
make_row (SwTemplatePicker *self,
          SwTemplate       *t)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (sw_template_get_matter (t));
  const char *dept = sw_template_get_department_code (t);
  g_autofree char *line = first_line (sw_template_get_body (t));

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (top), title);
  if (sw_template_count_hits (t, self->content) > 0)
    gtk_box_append (GTK_BOX (top), caption (C_("template", "Suggested"), "accent"));
  gtk_box_append (GTK_BOX (top), caption (dept ? sw_context_department_name (self->context, dept)
                                               : _("Whole branch"), "dim-label"));
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), caption (line, "dim-label"));
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, sw_template_get_id (t));
  gtk_widget_set_tooltip_text (row, sw_template_get_body (t));
  return row;
}

static void
fill_list (SwTemplatePicker *self)
{
  guint n = self->offered ? g_list_model_get_n_items (self->offered) : 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwTemplate) t = g_list_model_get_item (self->offered, i);
      gtk_list_box_append (self->list, make_row (self, t));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->list), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), n == 0);
}

/* ------------------------------------------------------------ callbacks */

static void
popover_show_cb (SwTemplatePicker *self)
{
  sw_template_picker_refresh (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
search_changed_cb (SwTemplatePicker *self)
{
  sw_template_picker_refresh (self);
}

static void
row_activated_cb (GtkListBox       *list,
                  GtkListBoxRow    *row,
                  SwTemplatePicker *self)
{
  sw_template_picker_choose (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

/* ------------------------------------------------------------ object */

static void
sw_template_picker_dispose (GObject *object)
{
  SwTemplatePicker *self = SW_TEMPLATE_PICKER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SW_TYPE_TEMPLATE_PICKER);
  g_clear_object (&self->offered);
  g_clear_object (&self->target);
  g_clear_object (&self->context);
  g_clear_pointer (&self->content, g_free);
  g_clear_pointer (&self->department, g_free);
  g_clear_pointer (&self->chosen, g_free);
  G_OBJECT_CLASS (sw_template_picker_parent_class)->dispose (object);
}

static void
sw_template_picker_class_init (SwTemplatePickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sw_template_picker_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/shouwen/Shouwen/sw-template-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, SwTemplatePicker, button);
  gtk_widget_class_bind_template_child (widget_class, SwTemplatePicker, popover);
  gtk_widget_class_bind_template_child (widget_class, SwTemplatePicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SwTemplatePicker, list);
  gtk_widget_class_bind_template_child (widget_class, SwTemplatePicker, empty_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sw-template-picker");
}

static void
sw_template_picker_init (SwTemplatePicker *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->popover, "show", G_CALLBACK (popover_show_cb), self);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  sw_nav_list_enter_picks (self->search_entry, self->list);
}

/* ------------------------------------------------------------ public */

GtkWidget *
sw_template_picker_new (SwContext      *context,
                        SwTemplateKind  kind,
                        GtkTextView    *target)
{
  SwTemplatePicker *self = g_object_new (SW_TYPE_TEMPLATE_PICKER, NULL);
  const char *label = kind == SW_TEMPLATE_ANSWER ? _("Standard Answ_ers…") : _("_Materials Templates…");

  self->context = g_object_ref (context);
  self->target = g_object_ref (target);
  self->kind = kind;
  gtk_menu_button_set_label (self->button, label);
  gtk_menu_button_set_use_underline (self->button, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->button), "flat");
  gtk_label_set_label (self->empty_label,
                       kind == SW_TEMPLATE_ANSWER ? _("No standard answer matches")
                                                  : _("No materials template matches"));
  return GTK_WIDGET (self);
}

void
sw_template_picker_set_content (SwTemplatePicker *self,
                                const char       *content)
{
  g_free (self->content);
  self->content = g_strdup (content);
}

void
sw_template_picker_set_department (SwTemplatePicker *self,
                                   const char       *department)
{
  g_free (self->department);
  self->department = g_strdup (department);
}

void
sw_template_picker_set_query (SwTemplatePicker *self,
                              const char       *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  sw_template_picker_refresh (self);
}

GListModel *
sw_template_picker_refresh (SwTemplatePicker *self)
{
  g_autoptr(GError) error = NULL;
  SwTemplateQuery q = {
    .kind = self->kind,
    .text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
    .content = self->content ? self->content : "",
    .department = self->department,
  };
  GListModel *found = sw_store_find_templates (sw_context_get_store (self->context), &q, &error);

  if (found == NULL)
    {
      g_warning ("Cannot read the templates: %s", error->message);
      found = G_LIST_MODEL (g_list_store_new (SW_TYPE_TEMPLATE));
    }
  g_clear_object (&self->offered);
  self->offered = found;
  fill_list (self);
  return found;
}

char *
sw_template_apply (SwTemplate *tmpl,
                   const char *current)
{
  g_autoptr(GString) text = NULL;
  g_auto(GStrv) lines = NULL;

  if (sw_template_get_kind (tmpl) == SW_TEMPLATE_ANSWER || current == NULL || *current == '\0')
    return g_strdup (sw_template_get_body (tmpl));
  text = g_string_new (current);
  lines = g_strsplit (sw_template_get_body (tmpl), "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));

      if (*line == '\0' || strstr (current, line) != NULL)
        continue;
      if (text->len > 0 && text->str[text->len - 1] != '\n')
        g_string_append_c (text, '\n');
      g_string_append (text, line);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

gboolean
sw_template_picker_choose (SwTemplatePicker *self,
                           const char       *id)
{
  g_autoptr(SwTemplate) t = NULL;
  g_autofree char *current = NULL;
  g_autofree char *text = NULL;

  t = sw_store_get_template (sw_context_get_store (self->context), id, NULL);
  if (t == NULL)
    return FALSE;
  current = sw_text_view_get_text (self->target);
  text = sw_template_apply (t, current);
  sw_text_view_set_text (self->target, text);
  g_free (self->chosen);
  self->chosen = g_strdup (sw_template_get_id (t));
  gtk_popover_popdown (self->popover);
  gtk_widget_grab_focus (GTK_WIDGET (self->target));
  return TRUE;
}

const char *
sw_template_picker_get_chosen (SwTemplatePicker *self)
{
  return self->chosen;
}

void
sw_template_picker_popup (SwTemplatePicker *self)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  graphene_point_t at;

  /* A popover of a button scrolled out of sight would open off the screen:
   * bring the button into view first (a form just built below the fold). */
  if (scrolled != NULL && gtk_widget_get_height (GTK_WIDGET (self)) > 0 &&
      gtk_widget_compute_point (GTK_WIDGET (self), scrolled, &GRAPHENE_POINT_INIT (0, 0), &at))
    {
      GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
      double y = gtk_adjustment_get_value (adj) + at.y;

      gtk_adjustment_clamp_page (adj, MAX (y - 12, 0), y + gtk_widget_get_height (GTK_WIDGET (self)) + 12);
    }
  gtk_menu_button_popup (self->button);
}
