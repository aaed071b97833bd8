/* sw-nav-section.c — a sidebar section whose rows show pages in the stack
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sw-nav-list.h"
#include "sw-nav-section.h"

typedef struct
{
  /* borrowed */
  GtkStack   *stack;

  /* owned */
  SwContext  *context;
  gulong      user_changed_id;
  GtkListBox *list;
  GtkWidget  *rows[SW_NAV_SECTION_MAX_PAGES];
  GtkWidget  *pages[SW_NAV_SECTION_MAX_PAGES];
} SwNavSectionPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (SwNavSection, sw_nav_section, GTK_TYPE_BOX)

enum { PAGE_SELECTED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* A new user sees other pages, with other rights: start again. */
static void
user_changed_cb (SwNavSection *self)
{
  const SwNavSectionInfo *info = SW_NAV_SECTION_GET_CLASS (self)->info;
  SwNavSectionPrivate *priv = sw_nav_section_get_instance_private (self);
  guint visible = 0;

  for (guint p = 0; p < info->n_pages; p++)
    {
      gboolean available = info->is_available (self, p);

      if (priv->pages[p] != NULL)
        {
          gtk_stack_remove (priv->stack, priv->pages[p]);
          priv->pages[p] = NULL;
        }
      gtk_widget_set_visible (priv->rows[p], available);
      visible += available;
    }
  gtk_widget_set_visible (GTK_WIDGET (self), visible > 0);
  if (sw_nav_list_get_marked (priv->list) != NULL)
    {
      sw_nav_section_unselect (self);
      g_signal_emit (self, signals[PAGE_SELECTED], 0, NULL);
    }
}

static void
row_activated_cb (GtkListBox    *list,
                  GtkListBoxRow *row,
                  SwNavSection  *self)
{
  sw_nav_section_show (self, gtk_list_box_row_get_index (row));
}

static void
sw_nav_section_dispose (GObject *object)
{
  SwNavSection *self = SW_NAV_SECTION (object);
  SwNavSectionPrivate *priv = sw_nav_section_get_instance_private (self);

  g_clear_signal_handler (&priv->user_changed_id, priv->context);
  g_clear_object (&priv->context);
  G_OBJECT_CLASS (sw_nav_section_parent_class)->dispose (object);
}

static void
sw_nav_section_class_init (SwNavSectionClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sw_nav_section_dispose;

  /* A page was shown: its title; NULL when the pages went away. */
  signals[PAGE_SELECTED] =
    g_signal_new ("page-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
sw_nav_section_init (SwNavSection *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
}

GtkWidget *
sw_nav_section_new (GType      type,
                    SwContext *context,
                    GtkStack  *stack)
{
  SwNavSection *self = g_object_new (type, NULL);
  const SwNavSectionInfo *info = SW_NAV_SECTION_GET_CLASS (self)->info;
  SwNavSectionPrivate *priv = sw_nav_section_get_instance_private (self);

  g_assert (info->n_pages <= SW_NAV_SECTION_MAX_PAGES);
  priv->list = sw_nav_list_new_section (GTK_BOX (self), _(info->heading), info->n_pages,
                                        info->page_title, priv->rows);
  g_signal_connect (priv->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  priv->context = g_object_ref (context);
  priv->stack = stack;
  priv->user_changed_id = g_signal_connect_swapped (context, "notify::user", G_CALLBACK (user_changed_cb), self);
  user_changed_cb (self);
  return GTK_WIDGET (self);
}

SwContext *
sw_nav_section_get_context (SwNavSection *self)
{
  SwNavSectionPrivate *priv = sw_nav_section_get_instance_private (self);

  return priv->context;
}

GtkWidget *
sw_nav_section_show (SwNavSection *self,
                     guint         page)
{
  const SwNavSectionInfo *info = SW_NAV_SECTION_GET_CLASS (self)->info;
  SwNavSectionPrivate *priv = sw_nav_section_get_instance_private (self);

  g_return_val_if_fail (page < info->n_pages, NULL);

  if (!info->is_available (self, page))
    return NULL;
  if (priv->pages[page] == NULL)
    {
      priv->pages[page] = info->make_page (self, page);
      gtk_widget_set_hexpand (priv->pages[page], TRUE);
      gtk_widget_set_vexpand (priv->pages[page], TRUE);
      gtk_stack_add_named (priv->stack, priv->pages[page], info->page_names[page]);
    }
  sw_nav_list_mark (priv->list, GTK_LIST_BOX_ROW (priv->rows[page]));
  gtk_stack_set_visible_child (priv->stack, priv->pages[page]);
  g_signal_emit (self, signals[PAGE_SELECTED], 0, info->page_title (page));
  return priv->pages[page];
}

void
sw_nav_section_unselect (SwNavSection *self)
{
  SwNavSectionPrivate *priv = sw_nav_section_get_instance_private (self);

  sw_nav_list_mark (priv->list, NULL);
}
