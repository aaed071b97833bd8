/* sw-dir-nav.c — the sidebar's Directory section: staff, departments, answers and materials
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sw-departments-view.h"
#include "sw-dir-nav.h"
#include "sw-nav-list.h"
#include "sw-staff-view.h"
#include "sw-templates-view.h"

struct _SwDirNav
{
  GtkBox      parent_instance;

  /* borrowed */
  GtkStack   *stack;

  /* owned */
  SwContext  *context;
  GtkListBox *list;
  GtkWidget  *rows[SW_N_DIR_PAGES];
  GtkWidget  *pages[SW_N_DIR_PAGES];
};

G_DEFINE_FINAL_TYPE (SwDirNav, sw_dir_nav, GTK_TYPE_BOX)

enum { PAGE_SELECTED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *const page_names[] = { "staff", "departments", "templates" };

const char *
sw_dir_page_title (SwDirPage page)
{
  switch (page)
    {
    case SW_DIR_PAGE_STAFF: return _("Staff");
    case SW_DIR_PAGE_DEPARTMENTS: return C_("directory page", "Departments");
    case SW_DIR_PAGE_TEMPLATES: return C_("directory page", "Answers and Materials");
    case SW_N_DIR_PAGES:
    default: return "";
    }
}

/* A new user has other rights: the pages start again. */
static void
user_changed_cb (SwDirNav *self)
{
  for (guint p = 0; p < SW_N_DIR_PAGES; p++)
    if (self->pages[p] != NULL)
      {
        gtk_stack_remove (self->stack, self->pages[p]);
        self->pages[p] = NULL;
      }
  gtk_widget_set_visible (GTK_WIDGET (self), sw_context_get_user (self->context) != NULL);
  if (sw_nav_list_get_marked (self->list) != NULL)
    {
      sw_dir_nav_unselect (self);
      g_signal_emit (self, signals[PAGE_SELECTED], 0, NULL);
    }
}

static void
row_activated_cb (GtkListBox    *list,
                  GtkListBoxRow *row,
                  SwDirNav      *self)
{
  sw_dir_nav_show (self, gtk_list_box_row_get_index (row));
}

static void
sw_dir_nav_dispose (GObject *object)
{
  SwDirNav *self = SW_DIR_NAV (object);

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (sw_dir_nav_parent_class)->dispose (object);
}

static void
sw_dir_nav_class_init (SwDirNavClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sw_dir_nav_dispose;

  /* A page was shown: its title; NULL when the pages went away. */
  signals[PAGE_SELECTED] =
    g_signal_new ("page-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static const char *
row_title (guint page)
{
  return sw_dir_page_title (page);
}

static void
sw_dir_nav_init (SwDirNav *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  self->list = sw_nav_list_new_section (GTK_BOX (self), _("Directory"), SW_N_DIR_PAGES,
                                        row_title, self->rows);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
}

GtkWidget *
sw_dir_nav_new (SwContext *context,
                GtkStack  *stack)
{
  SwDirNav *self = g_object_new (SW_TYPE_DIR_NAV, NULL);

  self->context = g_object_ref (context);
  self->stack = stack;
  g_signal_connect_swapped (context, "notify::user", G_CALLBACK (user_changed_cb), self);
  user_changed_cb (self);
  return GTK_WIDGET (self);
}

GtkWidget *
sw_dir_nav_show (SwDirNav  *self,
                 SwDirPage  page)
{
  g_return_val_if_fail (page < SW_N_DIR_PAGES, NULL);

  if (sw_context_get_user (self->context) == NULL)
    return NULL;
  if (self->pages[page] == NULL)
    {
      self->pages[page] = page == SW_DIR_PAGE_STAFF ? sw_staff_view_new (self->context)
                        : page == SW_DIR_PAGE_DEPARTMENTS ? sw_departments_view_new (self->context)
                        : sw_templates_view_new (self->context);
      gtk_widget_set_hexpand (self->pages[page], TRUE);
      gtk_widget_set_vexpand (self->pages[page], TRUE);
      gtk_stack_add_named (self->stack, self->pages[page], page_names[page]);
    }
  sw_nav_list_mark (self->list, GTK_LIST_BOX_ROW (self->rows[page]));
  gtk_stack_set_visible_child (self->stack, self->pages[page]);
  g_signal_emit (self, signals[PAGE_SELECTED], 0, sw_dir_page_title (page));
  return self->pages[page];
}

void
sw_dir_nav_unselect (SwDirNav *self)
{
  sw_nav_list_mark (self->list, NULL);
}
