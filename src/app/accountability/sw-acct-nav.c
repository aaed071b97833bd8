/* sw-acct-nav.c — the sidebar's Accountability section: its pages, each shown by role
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sw-acct-nav.h"
#include "sw-acct-util.h"
#include "sw-findings-view.h"
#include "sw-inspections-view.h"
#include "sw-nav-list.h"
#include "sw-record-view.h"
#include "sw-report-view.h"

struct _SwAcctNav
{
  GtkBox      parent_instance;

  /* borrowed */
  GtkStack   *stack;

  /* owned */
  SwContext  *context;
  GtkListBox *list;
  GtkWidget  *rows[SW_N_ACCT_PAGES];
  GtkWidget  *pages[SW_N_ACCT_PAGES];
};

G_DEFINE_FINAL_TYPE (SwAcctNav, sw_acct_nav, GTK_TYPE_BOX)

enum { PAGE_SELECTED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *const page_names[] = { "findings", "record", "reports", "inspections" };

const char *
sw_acct_page_title (SwAcctPage page)
{
  switch (page)
    {
    case SW_ACCT_FINDINGS: return _("Findings");
    case SW_ACCT_RECORD: return _("Records");
    case SW_ACCT_REPORTS: return _("Reports");
    case SW_ACCT_INSPECTIONS: return _("Inspections");
    case SW_N_ACCT_PAGES:
    default: return "";
    }
}

gboolean
sw_acct_nav_is_available (SwAcctNav  *self,
                          SwAcctPage  page)
{
  switch (page)
    {
    case SW_ACCT_FINDINGS:
    case SW_ACCT_REPORTS:
      return sw_acct_sees_branch (self->context);
    case SW_ACCT_RECORD:
      return sw_context_get_user (self->context) != NULL;
    case SW_ACCT_INSPECTIONS:
      return sw_acct_can_inspect (self->context);
    case SW_N_ACCT_PAGES:
    default:
      return FALSE;
    }
}

static void
show_person_cb (GtkWidget  *view,
                const char *empno,
                SwAcctNav  *self)
{
  sw_acct_nav_show_person (self, empno);
}

static GtkWidget *
make_page (SwAcctNav  *self,
           SwAcctPage  page)
{
  GtkWidget *widget = NULL;

  switch (page)
    {
    case SW_ACCT_FINDINGS:
      widget = sw_findings_view_new (self->context);
      g_signal_connect_object (widget, "show-person", G_CALLBACK (show_person_cb), self, 0);
      break;
    case SW_ACCT_RECORD:
      widget = sw_record_view_new (self->context);
      break;
    case SW_ACCT_REPORTS:
      widget = sw_report_view_new (self->context);
      break;
    case SW_ACCT_INSPECTIONS:
      widget = sw_inspections_view_new (self->context);
      break;
    case SW_N_ACCT_PAGES:
    default:
      g_return_val_if_reached (NULL);
    }
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_widget_set_vexpand (widget, TRUE);
  gtk_stack_add_named (self->stack, widget, page_names[page]);
  return widget;
}

/* A new user sees other pages, with other rights: start again. */
static void
user_changed_cb (SwAcctNav *self)
{
  guint visible = 0;

  for (guint p = 0; p < SW_N_ACCT_PAGES; p++)
    {
      gboolean available = sw_acct_nav_is_available (self, p);

      if (self->pages[p] != NULL)
        {
          gtk_stack_remove (self->stack, self->pages[p]);
          self->pages[p] = NULL;
        }
      gtk_widget_set_visible (self->rows[p], available);
      visible += available;
    }
  gtk_widget_set_visible (GTK_WIDGET (self), visible > 0);
  if (sw_nav_list_get_marked (self->list) != NULL)
    {
      sw_acct_nav_unselect (self);
      g_signal_emit (self, signals[PAGE_SELECTED], 0, NULL);
    }
}

static void
row_activated_cb (GtkListBox    *list,
                  GtkListBoxRow *row,
                  SwAcctNav     *self)
{
  sw_acct_nav_show (self, gtk_list_box_row_get_index (row));
}

static void
sw_acct_nav_dispose (GObject *object)
{
  SwAcctNav *self = SW_ACCT_NAV (object);

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (sw_acct_nav_parent_class)->dispose (object);
}

static void
sw_acct_nav_class_init (SwAcctNavClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sw_acct_nav_dispose;

  /* A page was shown: its title; NULL when the pages went away. */
  signals[PAGE_SELECTED] =
    g_signal_new ("page-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static const char *
row_title (guint page)
{
  return sw_acct_page_title (page);
}

static void
sw_acct_nav_init (SwAcctNav *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  self->list = sw_nav_list_new_section (GTK_BOX (self), _("Accountability"), SW_N_ACCT_PAGES,
                                        row_title, self->rows);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
}

GtkWidget *
sw_acct_nav_new (SwContext *context,
                 GtkStack  *stack)
{
  SwAcctNav *self = g_object_new (SW_TYPE_ACCT_NAV, NULL);

  self->context = g_object_ref (context);
  self->stack = stack;
  g_signal_connect_swapped (context, "notify::user", G_CALLBACK (user_changed_cb), self);
  user_changed_cb (self);
  return GTK_WIDGET (self);
}

GtkWidget *
sw_acct_nav_show (SwAcctNav  *self,
                  SwAcctPage  page)
{
  g_return_val_if_fail (page < SW_N_ACCT_PAGES, NULL);

  if (!sw_acct_nav_is_available (self, page))
    return NULL;
  if (self->pages[page] == NULL)
    self->pages[page] = make_page (self, page);
  sw_nav_list_mark (self->list, GTK_LIST_BOX_ROW (self->rows[page]));
  gtk_stack_set_visible_child (self->stack, self->pages[page]);
  g_signal_emit (self, signals[PAGE_SELECTED], 0, sw_acct_page_title (page));
  return self->pages[page];
}

GtkWidget *
sw_acct_nav_show_person (SwAcctNav  *self,
                         const char *empno)
{
  GtkWidget *page = sw_acct_nav_show (self, SW_ACCT_RECORD);

  if (page != NULL)
    sw_record_view_set_person (SW_RECORD_VIEW (page), empno, 0);
  return page;
}

void
sw_acct_nav_unselect (SwAcctNav *self)
{
  sw_nav_list_mark (self->list, NULL);
}
