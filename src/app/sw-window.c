/* sw-window.c — the main window: the sidebar of boards and pages, the board, the case pane
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sw-acct-nav.h"
#include "sw-case-print.h"
#include "sw-case-view.h"
#include "sw-dir-nav.h"
#include "sw-nav-list.h"
#include "sw-op-dialog.h"
#include "sw-register-dialog.h"
#include "sw-sync-indicator.h"
#include "sw-password-dialog.h"
#include "sw-session-lock.h"
#include "sw-window.h"

struct _SwWindow
{
  AdwApplicationWindow  parent_instance;

  /* template */
  AdwToastOverlay      *toast_overlay;
  AdwFlap              *flap;
  AdwWindowTitle       *user_title;
  GtkListBox           *boards_list;
  AdwWindowTitle       *window_title;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkWidget            *board_bin;
  GtkBox               *sidebar_box;
  GtkStack             *view_stack;
  SwSyncIndicator      *sync_indicator;

  /* owned */
  SwContext            *context;
  SwBoard              *board;
  SwAcctNav            *acct_nav;
  SwDirNav             *dir_nav;
  SwSessionLock        *lock;
  GtkLabel             *count_labels[SW_N_BOARDS];
  guint                 counts[SW_N_BOARDS];
  guint                 count_idle;
  guint                 search_timeout;
  char                 *last_toast;
  char                 *last_registered; /* its receipt is offered */
};

G_DEFINE_FINAL_TYPE (SwWindow, sw_window, ADW_TYPE_APPLICATION_WINDOW)

static void
update_counts (SwWindow *self)
{
  GListModel *cases = sw_context_get_cases (self->context);
  const char *user = sw_context_get_user_empno (self->context);
  SwStaff *staff = sw_context_get_user (self->context);
  const char *dept = staff ? sw_staff_get_department_code (staff) : NULL;
  gint64 now = sw_context_now (self->context), day_end = sw_context_day_end (self->context);

  memset (self->counts, 0, sizeof self->counts);
  for (guint i = 0, n = g_list_model_get_n_items (cases); i < n; i++)
    {
      g_autoptr(SwCase) c = g_list_model_get_item (cases, i);

      /* The counts are of open cases; closed ones only linger on the board. */
      if (!sw_case_is_open (c))
        continue;
      for (guint b = 0; b < SW_N_BOARDS; b++)
        if (sw_board_matches (b, c, user, dept, now, day_end))
          self->counts[b]++;
    }
  for (guint b = 0; b < SW_N_BOARDS; b++)
    {
      g_autofree char *text = g_strdup_printf ("%u", self->counts[b]);
      gtk_label_set_label (self->count_labels[b], text);
    }
}

/* One case changed: adjust the counts instead of walking every case. */
static void
case_replaced_cb (SwContext *context,
                  SwCase    *old,
                  SwCase    *c,
                  SwWindow  *self)
{
  const char *user = sw_context_get_user_empno (context);
  SwStaff *staff = sw_context_get_user (context);
  const char *dept = staff ? sw_staff_get_department_code (staff) : NULL;
  gint64 now = sw_context_now (context), day_end = sw_context_day_end (context);

  for (guint b = 0; b < SW_N_BOARDS; b++)
    {
      g_autofree char *text = NULL;

      if (old != NULL && sw_case_is_open (old) && sw_board_matches (b, old, user, dept, now, day_end))
        self->counts[b]--;
      if (sw_case_is_open (c) && sw_board_matches (b, c, user, dept, now, day_end))
        self->counts[b]++;
      text = g_strdup_printf ("%u", self->counts[b]);
      gtk_label_set_label (self->count_labels[b], text);
    }
}

static gboolean
count_idle_cb (gpointer data)
{
  SwWindow *self = data;

  self->count_idle = 0;
  update_counts (self);
  return G_SOURCE_REMOVE;
}

static void
queue_counts (SwWindow *self)
{
  if (self->count_idle == 0)
    self->count_idle = g_idle_add_full (G_PRIORITY_LOW, count_idle_cb, self, NULL);
}

static void
update_titles (SwWindow *self)
{
  SwStaff *user = sw_context_get_user (self->context);
  g_autofree char *who = NULL;

  adw_window_title_set_title (self->window_title, sw_board_kind_label (sw_board_get_kind (self->board)));
  if (user != NULL)
    who = g_strdup_printf ("%s · %s · %s", sw_staff_get_name (user),
                           sw_context_department_name (self->context, sw_staff_get_department_code (user)),
                           sw_role_label (sw_staff_get_role (user)));
  adw_window_title_set_subtitle (self->window_title, who ? who : "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-case", sw_context_can_edit (self->context));
}

/* Front-line staff start on their own cases; supervisors and heads watch the branch. */
static SwBoardKind
default_board (SwContext *context)
{
  SwStaff *user = sw_context_get_user (context);

  return user != NULL && sw_staff_get_role (user) == SW_ROLE_STAFF ? SW_BOARD_MINE : SW_BOARD_BRANCH;
}

static void
build_sidebar (SwWindow *self)
{
  for (guint b = 0; b < SW_N_BOARDS; b++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *label = gtk_label_new (sw_board_kind_label (b));
      GtkWidget *count = gtk_label_new ("0");

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_set_valign (count, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (count, "board-count");
      gtk_widget_add_css_class (count, "numeric");
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), count);
      gtk_list_box_append (self->boards_list, box);
      self->count_labels[b] = GTK_LABEL (count);
    }
}

static void
board_activated_cb (GtkListBox    *list,
                    GtkListBoxRow *row,
                    SwWindow      *self)
{
  sw_nav_list_mark (list, row);
  sw_nav_section_unselect (SW_NAV_SECTION (self->acct_nav));
  sw_nav_section_unselect (SW_NAV_SECTION (self->dir_nav));
  gtk_stack_set_visible_child_name (self->view_stack, "board");
  sw_board_set_kind (self->board, gtk_list_box_row_get_index (row));
  update_titles (self);
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

/* An accountability or directory page is shown (title), or none is left (NULL). */
static void
page_shown (SwWindow   *self,
            const char *title)
{
  if (title == NULL)
    {
      sw_window_set_board_kind (self, sw_board_get_kind (self->board));
      return;
    }
  sw_nav_list_mark (self->boards_list, NULL);
  adw_window_title_set_title (self->window_title, title);
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

static void
acct_page_cb (SwAcctNav  *nav,
              const char *title,
              SwWindow   *self)
{
  if (title != NULL)
    sw_nav_section_unselect (SW_NAV_SECTION (self->dir_nav));
  page_shown (self, title);
}

static void
dir_page_cb (SwDirNav   *nav,
             const char *title,
             SwWindow   *self)
{
  if (title != NULL)
    sw_nav_section_unselect (SW_NAV_SECTION (self->acct_nav));
  page_shown (self, title);
}

/* Waiting for the next key, for terms of one or two characters. */
#define SHORT_TERM_DELAY_MS 150

static gboolean
search_timeout_cb (gpointer data)
{
  SwWindow *self = data;

  self->search_timeout = 0;
  sw_board_set_search (self->board, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  return G_SOURCE_REMOVE;
}

/* Terms of three characters or more go to the full-text index, quick enough
 * to filter the board at each key; shorter ones read every case, so they
 * wait a moment for the next key, as a search entry does. */
static void
search_text_changed_cb (GtkEditable *entry,
                        SwWindow    *self)
{
  const char *text = gtk_editable_get_text (entry);

  g_clear_handle_id (&self->search_timeout, g_source_remove);
  if (*text == '\0' || g_utf8_strlen (text, -1) >= 3)
    sw_board_set_search (self->board, text);
  else
    self->search_timeout = g_timeout_add (SHORT_TERM_DELAY_MS, search_timeout_cb, self);
}

/* Enter in the search: the search as typed, now; a single match opens. */
static void
search_activate_cb (GtkSearchEntry *entry,
                    SwWindow       *self)
{
  g_autoptr(SwCase) c = NULL;

  g_clear_handle_id (&self->search_timeout, g_source_remove);
  sw_board_set_search (self->board, gtk_editable_get_text (GTK_EDITABLE (entry)));
  if ((c = sw_board_get_single_match (self->board)) != NULL)
    sw_window_open_case (self, sw_case_get_id (c));
}

static void
user_changed_cb (SwWindow *self)
{
  update_titles (self);
  queue_counts (self);
}

/* ------------------------------------------------------------ flows */

static void
operation_done_cb (GtkWidget *dialog,
                   SwCase    *result,
                   SwWindow  *self)
{
  g_autofree char *message = NULL;
  SwOpKind op = SW_IS_OP_DIALOG (dialog) ? sw_op_dialog_get_op (SW_OP_DIALOG (dialog)) : SW_OP_NONE;

  sw_context_update_case (self->context, result);
  if (op != SW_OP_NONE)
    /* Translators: a case number, then what was done, e.g. "Transferred" */
    message = g_strdup_printf (_("%s: %s"), sw_case_get_number (result), _(sw_operation_info (op)->done));
  else
    /* Translators: %s is a case number */
    message = g_strdup_printf (_("Case %s registered"), sw_case_get_number (result));
  sw_window_toast (self, message);
  sw_board_focus_case (self->board, result);
}

GtkWidget *
sw_window_start_operation (SwWindow   *self,
                           SwOpKind    op,
                           const char *id)
{
  SwCase *c = sw_context_find_case (self->context, id, NULL);
  g_autoptr(SwCase) stored = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  if (c == NULL)
    c = stored = sw_store_get_case (sw_context_get_store (self->context), id, &error);
  if (c == NULL ||
      !sw_operation_check (op, sw_context_get_store (self->context),
                           sw_context_get_user_empno (self->context), id, &error))
    {
      sw_window_toast (self, error->message);
      return NULL;
    }
  dialog = sw_op_dialog_new (self->context, op, c);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "done", G_CALLBACK (operation_done_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

GtkWidget *
sw_window_move_case (SwWindow   *self,
                     const char *id,
                     SwState     column)
{
  SwCase *c = sw_context_find_case (self->context, id, NULL);
  SwOpKind op;

  if (c == NULL)
    return NULL;
  op = sw_board_drop_operation (column, sw_case_get_state (c), sw_case_get_anonymous (c),
                                sw_case_get_callback_at (c) > 0);
  if (op == SW_OP_NONE)
    return NULL;
  return sw_window_start_operation (self, op, id);
}

GtkWidget *
sw_window_open_case (SwWindow   *self,
                     const char *id)
{
  GtkWidget *view = sw_case_view_new (self->context, id);

  gtk_window_set_transient_for (GTK_WINDOW (view), GTK_WINDOW (self));
  g_signal_connect_object (view, "start-operation", G_CALLBACK (sw_window_start_operation), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (view));
  return view;
}

/* After a registration the customer waits for the receipt (回执): the
 * toast offers it, and Ctrl+Shift+P (A4) or Ctrl+Shift+R (80 mm roll)
 * print it. */
static void
registered_cb (GtkWidget *dialog,
               SwCase    *result,
               SwWindow  *self)
{
  g_autofree char *message = NULL;
  g_autofree char *markup = NULL;
  AdwToast *toast;

  g_free (self->last_registered);
  self->last_registered = g_strdup (sw_case_get_id (result));
  sw_context_update_case (self->context, result);
  /* Translators: %s is a case number */
  message = g_strdup_printf (_("Case %s registered"), sw_case_get_number (result));
  markup = g_markup_escape_text (message, -1);
  toast = adw_toast_new (markup);
  adw_toast_set_timeout (toast, 10);
  adw_toast_set_button_label (toast, _("Print _Receipt"));
  adw_toast_set_action_name (toast, "win.print-receipt");
  g_free (self->last_toast);
  self->last_toast = g_strdup (message);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  sw_board_focus_case (self->board, result);
}

static void
print_receipt_action (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  SwWindow *self = SW_WINDOW (widget);
  gboolean roll = g_str_equal (name, "win.print-receipt-80mm");

  if (self->last_registered == NULL)
    return;
  sw_case_print (widget, self->context, self->last_registered,
                 roll ? SW_CASE_FORM_RECEIPT_80MM : SW_CASE_FORM_RECEIPT,
                 GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, NULL);
}

const char *
sw_window_get_last_registered (SwWindow *self)
{
  return self->last_registered;
}

GtkWidget *
sw_window_new_case (SwWindow *self)
{
  GtkWidget *dialog;

  if (!sw_context_can_edit (self->context))
    return NULL;
  dialog = sw_register_dialog_new (self->context);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "done", G_CALLBACK (registered_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
password_changed_cb (GtkWidget  *dialog,
                     const char *message,
                     SwWindow   *self)
{
  sw_window_toast (self, message);
}

GtkWidget *
sw_window_change_password (SwWindow *self)
{
  GtkWidget *dialog;

  if (sw_context_get_user (self->context) == NULL || sw_session_lock_get_locked (self->lock))
    return NULL;
  dialog = sw_password_dialog_new_own (self->context);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "done", G_CALLBACK (password_changed_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* Locked, nothing of the branch answers a key: the content is out of the
 * window, and its actions and shortcuts are off. */
static void
locked_changed_cb (SwWindow *self)
{
  static const char *actions[] = {
    "board.open", "board.move", "board.operation", "win.search", "win.switch-user", "win.reload",
    "win.board", "win.lock", "win.sign-out", "win.change-password", "win.show-board",
  };
  gboolean locked = sw_session_lock_get_locked (self->lock);

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], !locked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-case", !locked && sw_context_can_edit (self->context));
  gtk_search_bar_set_key_capture_widget (self->search_bar, locked ? NULL : GTK_WIDGET (self));
  if (locked)
    gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  else
    update_titles (self);
}

/* Someone else signed in at the lock: their board, no search of the last one. */
static void
user_switched_cb (SwWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  sw_window_set_board_kind (self, default_board (self->context));
}

/* ------------------------------------------------------------ actions */

static void
open_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  sw_window_open_case (SW_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
move_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  const char *id;
  int column;

  g_variant_get (param, "(&si)", &id, &column);
  if (column >= 0 && column < SW_N_STATES)
    sw_window_move_case (SW_WINDOW (widget), id, column);
}

static void
operation_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  const char *op, *id;

  g_variant_get (param, "(&s&s)", &op, &id);
  if (sw_operation_from_name (op) != SW_OP_NONE)
    sw_window_start_operation (SW_WINDOW (widget), sw_operation_from_name (op), id);
}

static void
new_case_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  sw_window_new_case (SW_WINDOW (widget));
}

static void
search_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  SwWindow *self = SW_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
switch_user_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  sw_session_lock_switch_user (SW_WINDOW (widget)->lock);
}

static void
lock_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  sw_session_lock_lock (SW_WINDOW (widget)->lock);
}

static void
sign_out_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  sw_session_lock_sign_out (SW_WINDOW (widget)->lock);
}

static void
change_password_action (GtkWidget  *widget,
                        const char *name,
                        GVariant   *param)
{
  sw_window_change_password (SW_WINDOW (widget));
}

static void
reload_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  SwWindow *self = SW_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!sw_context_reload (self->context, &error))
    sw_window_toast (self, error->message);
  sw_board_refilter (self->board);
  queue_counts (self);
}

static void
board_action (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  sw_window_set_board_kind (SW_WINDOW (widget), g_variant_get_int32 (param));
}

/* The branch board filtered to a department and a handler ("" for any),
 * from the supervisor's overview. */
static void
show_board_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  SwWindow *self = SW_WINDOW (widget);
  const char *department, *handler;

  g_variant_get (param, "(&s&s)", &department, &handler);
  sw_window_set_board_kind (self, SW_BOARD_BRANCH);
  sw_board_show_filtered (self->board, *department ? department : NULL, *handler ? handler : NULL);
}

/* ------------------------------------------------------------ object */

static void
sw_window_dispose (GObject *object)
{
  SwWindow *self = SW_WINDOW (object);

  g_clear_handle_id (&self->count_idle, g_source_remove);
  g_clear_handle_id (&self->search_timeout, g_source_remove);
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  if (self->lock != NULL)
    g_signal_handlers_disconnect_by_data (self->lock, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SW_TYPE_WINDOW);
  /* After the template: a locked window's content goes with the lock. */
  g_clear_object (&self->lock);
  g_clear_object (&self->context);
  g_clear_pointer (&self->last_toast, g_free);
  g_clear_pointer (&self->last_registered, g_free);
  G_OBJECT_CLASS (sw_window_parent_class)->dispose (object);
}

static void
sw_window_class_init (SwWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sw_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shouwen/Shouwen/sw-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SwWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SwWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, SwWindow, user_title);
  gtk_widget_class_bind_template_child (widget_class, SwWindow, boards_list);
  gtk_widget_class_bind_template_child (widget_class, SwWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SwWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, SwWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SwWindow, board_bin);
  gtk_widget_class_bind_template_child (widget_class, SwWindow, sidebar_box);
  gtk_widget_class_bind_template_child (widget_class, SwWindow, view_stack);
  g_type_ensure (SW_TYPE_SYNC_INDICATOR);
  gtk_widget_class_bind_template_child (widget_class, SwWindow, sync_indicator);

  gtk_widget_class_install_action (widget_class, "board.open", "s", open_action);
  gtk_widget_class_install_action (widget_class, "board.move", "(si)", move_action);
  gtk_widget_class_install_action (widget_class, "board.operation", "(ss)", operation_action);
  gtk_widget_class_install_action (widget_class, "win.new-case", NULL, new_case_action);
  gtk_widget_class_install_action (widget_class, "win.print-receipt", NULL, print_receipt_action);
  gtk_widget_class_install_action (widget_class, "win.print-receipt-80mm", NULL, print_receipt_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_P, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.print-receipt", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_R, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.print-receipt-80mm", NULL);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.switch-user", NULL, switch_user_action);
  gtk_widget_class_install_action (widget_class, "win.lock", NULL, lock_action);
  gtk_widget_class_install_action (widget_class, "win.sign-out", NULL, sign_out_action);
  gtk_widget_class_install_action (widget_class, "win.change-password", NULL, change_password_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.board", "i", board_action);
  gtk_widget_class_install_action (widget_class, "win.show-board", "(ss)", show_board_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-case", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.reload", NULL);
  /* A desktop that keeps Super+L for its own lock screen never lets the app
   * see it (GNOME does); Ctrl+Super+L is the app's own. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK | GDK_SUPER_MASK, "win.lock", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_SUPER_MASK, "win.lock", NULL);
  for (guint b = 0; b < SW_N_BOARDS; b++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + b, GDK_CONTROL_MASK, "win.board", "i", (int) b);
}

static void
sw_window_init (SwWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SwWindow *
sw_window_new (GtkApplication *app,
               SwContext      *context)
{
  SwWindow *self = g_object_new (SW_TYPE_WINDOW, "application", app, NULL);
  GSettings *settings = sw_context_get_settings (context);

  self->context = g_object_ref (context);
  self->board = SW_BOARD (sw_board_new (context, default_board (context)));
  gtk_widget_set_hexpand (GTK_WIDGET (self->board), TRUE);
  gtk_box_append (GTK_BOX (self->board_bin), GTK_WIDGET (self->board));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));

  build_sidebar (self);
  sw_sync_indicator_set_context (self->sync_indicator, context);
  self->acct_nav = SW_ACCT_NAV (sw_acct_nav_new (context, self->view_stack));
  gtk_box_append (self->sidebar_box, GTK_WIDGET (self->acct_nav));
  g_signal_connect (self->acct_nav, "page-selected", G_CALLBACK (acct_page_cb), self);
  self->dir_nav = SW_DIR_NAV (sw_dir_nav_new (context, self->view_stack));
  gtk_box_append (self->sidebar_box, GTK_WIDGET (self->dir_nav));
  g_signal_connect (self->dir_nav, "page-selected", G_CALLBACK (dir_page_cb), self);
  sw_nav_list_init (self->boards_list);
  g_signal_connect (self->boards_list, "row-activated", G_CALLBACK (board_activated_cb), self);
  sw_nav_sidebar_init (GTK_WIDGET (self->sidebar_box));
  g_signal_connect (self->search_entry, "changed", G_CALLBACK (search_text_changed_cb), self);
  g_signal_connect (self->search_entry, "activate", G_CALLBACK (search_activate_cb), self);
  g_signal_connect_swapped (context, "notify::user", G_CALLBACK (user_changed_cb), self);
  g_signal_connect_swapped (context, "tick", G_CALLBACK (queue_counts), self);
  g_signal_connect (context, "case-replaced", G_CALLBACK (case_replaced_cb), self);
  self->lock = sw_session_lock_new (ADW_APPLICATION_WINDOW (self), context);
  g_signal_connect_swapped (self->lock, "notify::locked", G_CALLBACK (locked_changed_cb), self);
  g_signal_connect_swapped (self->lock, "user-switched", G_CALLBACK (user_switched_cb), self);

  if (settings != NULL)
    {
      g_settings_bind (settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
    }
  sw_window_set_board_kind (self, default_board (context));
  update_titles (self);
  /* Counting walks every case: after the first frame, not before. */
  queue_counts (self);
  return self;
}

SwContext *
sw_window_get_context (SwWindow *self)
{
  return self->context;
}

SwBoard *
sw_window_get_board (SwWindow *self)
{
  return self->board;
}

void
sw_window_set_board_kind (SwWindow    *self,
                          SwBoardKind  kind)
{
  gtk_stack_set_visible_child_name (self->view_stack, "board");
  sw_nav_list_mark (self->boards_list, gtk_list_box_get_row_at_index (self->boards_list, kind));
  sw_board_set_kind (self->board, kind);
  update_titles (self);
}

guint
sw_window_get_board_count (SwWindow    *self,
                           SwBoardKind  kind)
{
  return self->counts[kind];
}

void
sw_window_toast (SwWindow   *self,
                 const char *message)
{
  g_autofree char *markup = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (markup);

  g_free (self->last_toast);
  self->last_toast = g_strdup (message);
  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

const char *
sw_window_get_last_toast (SwWindow *self)
{
  return self->last_toast;
}

SwAcctNav *
sw_window_get_accountability (SwWindow *self)
{
  return self->acct_nav;
}

SwDirNav *
sw_window_get_directory (SwWindow *self)
{
  return self->dir_nav;
}

SwSessionLock *
sw_window_get_lock (SwWindow *self)
{
  return self->lock;
}

SwSyncIndicator *
sw_window_get_sync_indicator (SwWindow *self)
{
  return self->sync_indicator;
}
