/* sw-sign-in-page.c — who you are and your password: the sign-in, and the lock page of one person
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sw-auth.h"
#include "sw-sign-in-page.h"

struct _SwSignInPage
{
  AdwBin            parent_instance;

  /* template */
  GtkImage         *icon;
  GtkLabel         *title_label;
  GtkLabel         *subtitle_label;
  GtkWidget        *chooser_box;
  GtkSearchEntry   *search_entry;
  GtkListBox       *staff_list;
  GtkLabel         *person_label;
  GtkPasswordEntry *password_entry;
  GtkLabel         *message_label;
  GtkButton        *sign_in_button;
  GtkButton        *switch_button;
  GtkLabel         *demo_label;

  /* owned */
  SwContext        *context;
  char             *person;      /* the lock page's person, or NULL */
  char             *selected;
  char             *error_text;  /* the message before the countdown */
  GCancellable     *cancellable;
  guint             wait_id;
  guint             wait_left;
  gboolean          busy;
};

G_DEFINE_FINAL_TYPE (SwSignInPage, sw_sign_in_page, ADW_TYPE_BIN)

enum { AUTHENTICATED, SWITCH_USER, N_SIGNALS };
static guint signals[N_SIGNALS];

/* ------------------------------------------------------------ helpers */

static void
show_message (SwSignInPage *self,
              const char   *message)
{
  gtk_label_set_label (self->message_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static void
update_sensitive (SwSignInPage *self)
{
  gboolean ready = !self->busy && self->wait_id == 0;

  gtk_widget_set_sensitive (GTK_WIDGET (self->sign_in_button), ready);
  gtk_widget_set_sensitive (GTK_WIDGET (self->switch_button), !self->busy);
}

static void
show_wait (SwSignInPage *self)
{
  g_autofree char *text = NULL;

  /* Translators: after a wrong password, under it; %u is a number of seconds */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s. Try again in %u second.", "%s. Try again in %u seconds.",
                                       self->wait_left),
                          self->error_text, self->wait_left);
  show_message (self, text);
}

static gboolean
wait_tick_cb (gpointer data)
{
  SwSignInPage *self = data;

  if (--self->wait_left > 0)
    {
      show_wait (self);
      return G_SOURCE_CONTINUE;
    }
  self->wait_id = 0;
  show_message (self, self->error_text);
  update_sensitive (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->password_entry));
  return G_SOURCE_REMOVE;
}

static char *
row_text (SwSignInPage *self,
          SwStaff      *s)
{
  return g_strdup_printf ("%s · %s", sw_staff_get_empno (s),
                          sw_context_department_name (self->context, sw_staff_get_department_code (s)));
}

static void
fill_list (SwSignInPage *self)
{
  GListModel *staff = sw_context_get_staff (self->context);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->staff_list))) != NULL)
    gtk_list_box_remove (self->staff_list, child);
  for (guint i = 0, n = staff ? g_list_model_get_n_items (staff) : 0; i < n; i++)
    {
      g_autoptr(SwStaff) s = g_list_model_get_item (staff, i);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (!sw_staff_get_active (s))
        continue;
      subtitle = row_text (self, s);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sw_staff_get_name (s));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      g_object_set_data_full (G_OBJECT (row), "sw-empno", g_strdup (sw_staff_get_empno (s)), g_free);
      g_object_set_data_full (G_OBJECT (row), "sw-search",
                              g_utf8_casefold (sw_staff_get_name (s), -1), g_free);
      gtk_list_box_append (self->staff_list, row);
    }
}

static gboolean
row_matches (GtkListBoxRow *row,
             const char    *folded)
{
  const char *empno = g_object_get_data (G_OBJECT (row), "sw-empno");
  const char *name = g_object_get_data (G_OBJECT (row), "sw-search");
  g_autofree char *folded_empno = g_utf8_casefold (empno, -1);

  return *folded == '\0' || strstr (folded_empno, folded) != NULL || strstr (name, folded) != NULL;
}

static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       data)
{
  SwSignInPage *self = data;
  g_autofree char *folded = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);

  g_strstrip (folded);
  return row_matches (row, folded);
}

static int
sort_rows (GtkListBoxRow *a,
           GtkListBoxRow *b,
           gpointer       data)
{
  return g_strcmp0 (g_object_get_data (G_OBJECT (a), "sw-empno"), g_object_get_data (G_OBJECT (b), "sw-empno"));
}

static GtkListBoxRow *
find_row (SwSignInPage *self,
          const char   *empno)
{
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->staff_list)); c; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_LIST_BOX_ROW (c) && g_strcmp0 (g_object_get_data (G_OBJECT (c), "sw-empno"), empno) == 0)
      return GTK_LIST_BOX_ROW (c);
  return NULL;
}

/* ------------------------------------------------------------ callbacks */

static void
row_selected_cb (GtkListBox    *list,
                 GtkListBoxRow *row,
                 SwSignInPage  *self)
{
  g_free (self->selected);
  self->selected = row ? g_strdup (g_object_get_data (G_OBJECT (row), "sw-empno")) : NULL;
  if (self->wait_id == 0)
    show_message (self, NULL);
}

static void
row_activated_cb (GtkListBox    *list,
                  GtkListBoxRow *row,
                  SwSignInPage  *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->password_entry));
}

static void
search_changed_cb (SwSignInPage *self)
{
  gtk_list_box_invalidate_filter (self->staff_list);
}

/* Enter in the search: the one person it shows, or the one whose employee
 * number it is. */
static void
search_activate_cb (SwSignInPage *self)
{
  g_autofree char *folded = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);
  GtkListBoxRow *only = NULL;
  guint shown = 0;

  g_strstrip (folded);
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->staff_list)); c; c = gtk_widget_get_next_sibling (c))
    {
      g_autofree char *empno = NULL;

      if (!GTK_IS_LIST_BOX_ROW (c) || !row_matches (GTK_LIST_BOX_ROW (c), folded))
        continue;
      empno = g_utf8_casefold (g_object_get_data (G_OBJECT (c), "sw-empno"), -1);
      if (g_strcmp0 (empno, folded) == 0)
        {
          only = GTK_LIST_BOX_ROW (c);
          shown = 1;
          break;
        }
      only = GTK_LIST_BOX_ROW (c);
      shown++;
    }
  if (shown == 1)
    {
      gtk_list_box_select_row (self->staff_list, only);
      gtk_widget_grab_focus (GTK_WIDGET (self->password_entry));
    }
}

static void
checked_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  g_autoptr(SwSignInPage) self = data;
  g_autoptr(SwAuthAttempt) attempt = sw_auth_finish (result);
  g_autofree char *password = NULL;

  if (g_error_matches (attempt->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy = FALSE;
  gtk_button_set_label (self->sign_in_button, self->person ? _("_Unlock") : _("_Sign In"));
  password = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->password_entry)));
  gtk_editable_set_text (GTK_EDITABLE (self->password_entry), "");
  if (attempt->staff != NULL)
    {
      show_message (self, NULL);
      update_sensitive (self);
      g_signal_emit (self, signals[AUTHENTICATED], 0, attempt->staff, attempt->must_change, password);
      memset (password, 0, strlen (password));
      return;
    }
  memset (password, 0, strlen (password));
  g_free (self->error_text);
  /* The core's words: a lock-out says an administrator must lift it. */
  self->error_text = g_strdup (attempt->error->message);
  if (attempt->delay_s > 0)
    {
      self->wait_left = attempt->delay_s;
      self->wait_id = g_timeout_add (1000, wait_tick_cb, self);
      show_wait (self);
    }
  else
    show_message (self, self->error_text);
  update_sensitive (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->password_entry));
}

static void
sign_in_clicked_cb (SwSignInPage *self)
{
  sw_sign_in_page_submit (self);
}

static void
switch_clicked_cb (SwSignInPage *self)
{
  g_signal_emit (self, signals[SWITCH_USER], 0);
}

/* ------------------------------------------------------------ object */

static void
sw_sign_in_page_dispose (GObject *object)
{
  SwSignInPage *self = SW_SIGN_IN_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->wait_id, g_source_remove);
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  /* The list's rows go with the template, each a selection change. */
  if (self->staff_list != NULL)
    g_signal_handlers_disconnect_by_data (self->staff_list, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SW_TYPE_SIGN_IN_PAGE);
  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->person, g_free);
  g_clear_pointer (&self->selected, g_free);
  g_clear_pointer (&self->error_text, g_free);
  G_OBJECT_CLASS (sw_sign_in_page_parent_class)->dispose (object);
}

static void
sw_sign_in_page_class_init (SwSignInPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sw_sign_in_page_dispose;

  signals[AUTHENTICATED] = g_signal_new ("authenticated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                                         SW_TYPE_STAFF, G_TYPE_BOOLEAN, G_TYPE_STRING);
  signals[SWITCH_USER] = g_signal_new ("switch-user", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shouwen/Shouwen/sw-sign-in-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SwSignInPage, icon);
  gtk_widget_class_bind_template_child (widget_class, SwSignInPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, SwSignInPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, SwSignInPage, chooser_box);
  gtk_widget_class_bind_template_child (widget_class, SwSignInPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SwSignInPage, staff_list);
  gtk_widget_class_bind_template_child (widget_class, SwSignInPage, person_label);
  gtk_widget_class_bind_template_child (widget_class, SwSignInPage, password_entry);
  gtk_widget_class_bind_template_child (widget_class, SwSignInPage, message_label);
  gtk_widget_class_bind_template_child (widget_class, SwSignInPage, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, SwSignInPage, switch_button);
  gtk_widget_class_bind_template_child (widget_class, SwSignInPage, demo_label);
}

static void
sw_sign_in_page_init (SwSignInPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  gtk_list_box_set_filter_func (self->staff_list, filter_row, self, NULL);
  gtk_list_box_set_sort_func (self->staff_list, sort_rows, NULL, NULL);
  g_signal_connect (self->staff_list, "row-selected", G_CALLBACK (row_selected_cb), self);
  g_signal_connect (self->staff_list, "row-activated", G_CALLBACK (row_activated_cb), self);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->search_entry, "activate", G_CALLBACK (search_activate_cb), self);
  g_signal_connect_swapped (self->password_entry, "activate", G_CALLBACK (sign_in_clicked_cb), self);
  g_signal_connect_swapped (self->sign_in_button, "clicked", G_CALLBACK (sign_in_clicked_cb), self);
  g_signal_connect_swapped (self->switch_button, "clicked", G_CALLBACK (switch_clicked_cb), self);
}

GtkWidget *
sw_sign_in_page_new (SwContext *context)
{
  SwSignInPage *self = g_object_new (SW_TYPE_SIGN_IN_PAGE, NULL);
  SwStore *store = sw_context_get_store (context);

  self->context = g_object_ref (context);
  fill_list (self);
  g_signal_connect_swapped (context, "directory-changed", G_CALLBACK (fill_list), self);
  if (sw_auth_is_demo (store))
    {
      g_autofree char *intro = g_markup_escape_text (_("This is the demo database. Every person’s password is:"), -1);
      g_autofree char *password = g_markup_escape_text (sw_auth_demo_password (), -1);
      g_autofree char *text = NULL;

      /* On a line of its own: a line break inside it would misread. */
      text = g_strdup_printf ("%s\n<b><tt>%s</tt></b>", intro, password);
      gtk_label_set_label (self->demo_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->demo_label), TRUE);
    }
  return GTK_WIDGET (self);
}

void
sw_sign_in_page_set_person (SwSignInPage *self,
                            const char   *empno)
{
  SwStaff *s = empno ? sw_context_lookup_staff (self->context, empno) : NULL;

  g_free (self->person);
  self->person = g_strdup (empno);
  g_clear_handle_id (&self->wait_id, g_source_remove);
  show_message (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->password_entry), "");
  gtk_widget_set_visible (self->chooser_box, empno == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->person_label), empno != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->switch_button), empno != NULL);
  gtk_button_set_label (self->sign_in_button, empno ? _("_Unlock") : _("_Sign In"));
  if (empno != NULL)
    {
      g_autofree char *who = NULL;
      g_autofree char *where = s ? row_text (self, s) : g_strdup (empno);

      /* Translators: a name, then an employee number and a department */
      who = g_strdup_printf (_("%s (%s)"), s ? sw_staff_get_name (s) : empno, where);
      gtk_label_set_label (self->person_label, who);
      gtk_label_set_label (self->title_label, _("Locked"));
      gtk_label_set_label (self->subtitle_label, _("Enter your password to go on where you were."));
      gtk_image_set_from_icon_name (self->icon, "system-lock-screen-symbolic");
      gtk_image_set_pixel_size (self->icon, 64);
      gtk_widget_add_css_class (GTK_WIDGET (self->icon), "dim-label");
      g_free (self->selected);
      self->selected = g_strdup (empno);
    }
  else
    {
      gtk_label_set_label (self->title_label, _("Sign In"));
      gtk_label_set_label (self->subtitle_label,
                           _("Find yourself by employee number or name, then enter your password."));
      gtk_image_set_from_icon_name (self->icon, "io.github.shouwen.Shouwen");
      gtk_image_set_pixel_size (self->icon, 96);
      gtk_widget_remove_css_class (GTK_WIDGET (self->icon), "dim-label");
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_list_box_unselect_all (self->staff_list);
      g_clear_pointer (&self->selected, g_free);
    }
  update_sensitive (self);
}

gboolean
sw_sign_in_page_select (SwSignInPage *self,
                        const char   *empno)
{
  GtkListBoxRow *row = empno ? find_row (self, empno) : NULL;

  if (row == NULL)
    return FALSE;
  gtk_list_box_select_row (self->staff_list, row);
  return TRUE;
}

const char *
sw_sign_in_page_get_selected (SwSignInPage *self)
{
  return self->selected;
}

void
sw_sign_in_page_submit (SwSignInPage *self)
{
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_entry));

  if (self->busy || self->wait_id != 0)
    return;
  if (self->selected == NULL)
    {
      show_message (self, _("Find yourself in the list first."));
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
      return;
    }
  if (*password == '\0')
    {
      show_message (self, _("Enter your password."));
      gtk_widget_grab_focus (GTK_WIDGET (self->password_entry));
      return;
    }
  self->busy = TRUE;
  show_message (self, NULL);
  gtk_button_set_label (self->sign_in_button, _("Checking…"));
  update_sensitive (self);
  sw_auth_sign_in_async (sw_context_get_store (self->context), self->selected, password,
                         self->cancellable, checked_cb, g_object_ref (self));
}

gboolean
sw_sign_in_page_is_busy (SwSignInPage *self)
{
  return self->busy;
}

GtkEditable *
sw_sign_in_page_get_password (SwSignInPage *self)
{
  return GTK_EDITABLE (self->password_entry);
}

GtkWidget *
sw_sign_in_page_get_button (SwSignInPage *self)
{
  return GTK_WIDGET (self->sign_in_button);
}

const char *
sw_sign_in_page_get_message (SwSignInPage *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->message_label))
         ? gtk_label_get_label (self->message_label) : NULL;
}

GtkWidget *
sw_sign_in_page_get_demo_label (SwSignInPage *self)
{
  return GTK_WIDGET (self->demo_label);
}

void
sw_sign_in_page_focus (SwSignInPage *self)
{
  if (self->person != NULL || self->selected != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->password_entry));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
