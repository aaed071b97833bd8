/* sw-session-lock.c — a window's lock: after an idle time or on demand its content leaves the window for the gate
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sw-daily-purge.h"
#include "sw-session-lock.h"

#define DEFAULT_LOCK_MINUTES 10

struct _SwSessionLock
{
  GObject               parent_instance;

  /* borrowed: the window owns the lock */
  AdwApplicationWindow *window;

  /* owned */
  SwContext            *context;
  GtkWidget            *content;       /* the window's content while locked */
  GtkWidget            *lock_box;      /* a header bar and the gate */
  SwSessionGate        *gate;
  GPtrArray            *hidden;        /* windows hidden while locked */
  GListModel           *toplevels;
  gulong                toplevels_id;
  char                 *locked_empno;  /* who was signed in at the lock, or NULL */
  gint64                last_activity; /* monotonic µs */
  guint                 idle_id;
};

G_DEFINE_FINAL_TYPE (SwSessionLock, sw_session_lock, G_TYPE_OBJECT)

enum { PROP_0, PROP_LOCKED, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { USER_SWITCHED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void schedule (SwSessionLock *self);

/* ------------------------------------------------------------ idle */

guint
sw_session_lock_get_idle_seconds (SwSessionLock *self)
{
  GSettings *settings = sw_context_get_settings (self->context);
  g_autoptr(GSettingsSchema) schema = NULL;
  guint minutes = DEFAULT_LOCK_MINUTES;

  if (settings != NULL)
    g_object_get (settings, "settings-schema", &schema, NULL);
  if (schema != NULL && g_settings_schema_has_key (schema, "lock-minutes"))
    minutes = g_settings_get_uint (settings, "lock-minutes");
  return MAX (minutes, 1) * 60;
}

static gboolean
idle_cb (gpointer data)
{
  SwSessionLock *self = data;

  self->idle_id = 0;
  if (g_get_monotonic_time () - self->last_activity >=
      (gint64) sw_session_lock_get_idle_seconds (self) * G_USEC_PER_SEC)
    sw_session_lock_lock (self);
  else
    schedule (self);
  return G_SOURCE_REMOVE;
}

/* The timer wakes when the idle time would be over; input since then only
 * moves the time it looks at. */
static void
schedule (SwSessionLock *self)
{
  gint64 left;

  g_clear_handle_id (&self->idle_id, g_source_remove);
  if (self->content != NULL)
    return;
  left = self->last_activity + (gint64) sw_session_lock_get_idle_seconds (self) * G_USEC_PER_SEC
         - g_get_monotonic_time ();
  self->idle_id = g_timeout_add_seconds (MAX (1, (left + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC),
                                         idle_cb, self);
}

static gboolean
activity_cb (SwSessionLock *self,
             GdkEvent      *event)
{
  switch (gdk_event_get_event_type (event))
    {
    case GDK_KEY_PRESS:
    case GDK_BUTTON_PRESS:
    case GDK_MOTION_NOTIFY:
    case GDK_SCROLL:
    case GDK_TOUCH_BEGIN:
      self->last_activity = g_get_monotonic_time ();
      break;
    default:
      break;
    }
  return FALSE;
}

static void
watch_window (SwSessionLock *self,
              GtkWidget     *window)
{
  GtkEventController *controller;

  if (g_object_get_data (G_OBJECT (window), "sw-session-lock") == self)
    return;
  g_object_set_data (G_OBJECT (window), "sw-session-lock", self);
  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "event", G_CALLBACK (activity_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (window, controller);
}

/* Input in any window (a dialog, a case) is activity. */
static void
toplevels_changed_cb (GListModel    *toplevels,
                      guint          position,
                      guint          removed,
                      guint          added,
                      SwSessionLock *self)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);
      watch_window (self, w);
    }
}

/* ------------------------------------------------------------ lock */

static gboolean
above_window (SwSessionLock *self,
              GtkWindow     *w)
{
  for (GtkWindow *p = gtk_window_get_transient_for (w); p != NULL; p = gtk_window_get_transient_for (p))
    if (p == GTK_WINDOW (self->window))
      return TRUE;
  return FALSE;
}

static void
hide_windows (SwSessionLock *self)
{
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != (gpointer) self->window && gtk_widget_get_visible (l->data) && above_window (self, l->data))
      {
        g_ptr_array_add (self->hidden, g_object_ref (l->data));
        gtk_widget_set_visible (l->data, FALSE);
      }
  g_list_free (toplevels);
}

static void
close_hidden (SwSessionLock *self)
{
  for (guint i = 0; i < self->hidden->len; i++)
    gtk_window_destroy (g_ptr_array_index (self->hidden, i));
  g_ptr_array_set_size (self->hidden, 0);
}

static void
signed_in_cb (SwSessionGate *gate,
              SwStaff       *person,
              SwSessionLock *self)
{
  gboolean same = self->locked_empno != NULL &&
                  g_strcmp0 (sw_staff_get_empno (person), self->locked_empno) == 0;

  if (self->content == NULL)
    return;
  if (same)
    for (guint i = 0; i < self->hidden->len; i++)
      gtk_window_present (g_ptr_array_index (self->hidden, i));
  else
    {
      close_hidden (self);
      sw_context_set_user (self->context, sw_staff_get_empno (person));
      sw_daily_purge_run (self->context);   /* an administrator: once a day */
    }
  g_ptr_array_set_size (self->hidden, 0);
  g_clear_pointer (&self->locked_empno, g_free);
  adw_application_window_set_content (self->window, self->content);
  g_clear_object (&self->content);
  sw_context_set_locked (self->context, FALSE);
  self->last_activity = g_get_monotonic_time ();
  schedule (self);
  if (!same)
    g_signal_emit (self, signals[USER_SWITCHED], 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCKED]);
}

/* The content leaves the window: nothing of it is drawn, focused or read
 * out while the gate shows. */
static void
take_content (SwSessionLock *self)
{
  GtkWidget *header;

  if (self->content != NULL)
    return;
  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_free (self->locked_empno);
  self->locked_empno = g_strdup (sw_context_get_user_empno (self->context));
  if (self->lock_box == NULL)
    {
      self->lock_box = g_object_ref_sink (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
      header = adw_header_bar_new ();
      adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (_("Shouwen"), NULL));
      gtk_box_append (GTK_BOX (self->lock_box), header);
      self->gate = SW_SESSION_GATE (sw_session_gate_new (self->context));
      gtk_widget_set_vexpand (GTK_WIDGET (self->gate), TRUE);
      gtk_box_append (GTK_BOX (self->lock_box), GTK_WIDGET (self->gate));
      g_signal_connect (self->gate, "signed-in", G_CALLBACK (signed_in_cb), self);
    }
  hide_windows (self);
  self->content = g_object_ref (adw_application_window_get_content (self->window));
  adw_application_window_set_content (self->window, self->lock_box);
  sw_context_set_locked (self->context, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCKED]);
}

void
sw_session_lock_lock (SwSessionLock *self)
{
  if (sw_context_get_user (self->context) == NULL)
    {
      sw_session_lock_sign_out (self);
      return;
    }
  take_content (self);
  sw_session_gate_lock (self->gate, self->locked_empno);
}

void
sw_session_lock_switch_user (SwSessionLock *self)
{
  take_content (self);
  sw_session_gate_sign_in (self->gate, NULL);
}

void
sw_session_lock_sign_out (SwSessionLock *self)
{
  take_content (self);
  close_hidden (self);
  g_clear_pointer (&self->locked_empno, g_free);
  sw_context_set_user (self->context, NULL);
  sw_session_gate_sign_in (self->gate, NULL);
}

void
sw_session_lock_idle_expired (SwSessionLock *self)
{
  self->last_activity = g_get_monotonic_time () - (gint64) sw_session_lock_get_idle_seconds (self) * G_USEC_PER_SEC;
  g_clear_handle_id (&self->idle_id, g_source_remove);
  idle_cb (self);
}

gboolean
sw_session_lock_get_locked (SwSessionLock *self)
{
  return self->content != NULL;
}

SwSessionGate *
sw_session_lock_get_gate (SwSessionLock *self)
{
  return self->gate;
}

/* ------------------------------------------------------------ object */

static void
sw_session_lock_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SwSessionLock *self = SW_SESSION_LOCK (object);

  switch (prop_id)
    {
    case PROP_LOCKED:
      g_value_set_boolean (value, sw_session_lock_get_locked (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_session_lock_dispose (GObject *object)
{
  SwSessionLock *self = SW_SESSION_LOCK (object);

  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_signal_handler (&self->toplevels_id, self->toplevels);
  if (self->context != NULL && sw_context_get_settings (self->context) != NULL)
    g_signal_handlers_disconnect_by_data (sw_context_get_settings (self->context), self);
  g_clear_object (&self->toplevels);
  g_clear_object (&self->content);
  g_clear_object (&self->lock_box);
  g_clear_pointer (&self->hidden, g_ptr_array_unref);
  g_clear_object (&self->context);
  g_clear_pointer (&self->locked_empno, g_free);
  G_OBJECT_CLASS (sw_session_lock_parent_class)->dispose (object);
}

static void
sw_session_lock_class_init (SwSessionLockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sw_session_lock_dispose;
  object_class->get_property = sw_session_lock_get_property;

  properties[PROP_LOCKED] = g_param_spec_boolean ("locked", NULL, NULL, FALSE,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  signals[USER_SWITCHED] = g_signal_new ("user-switched", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sw_session_lock_init (SwSessionLock *self)
{
  self->hidden = g_ptr_array_new_with_free_func (g_object_unref);
  self->last_activity = g_get_monotonic_time ();
}

SwSessionLock *
sw_session_lock_new (AdwApplicationWindow *window,
                     SwContext            *context)
{
  SwSessionLock *self = g_object_new (SW_TYPE_SESSION_LOCK, NULL);
  GSettings *settings = sw_context_get_settings (context);

  self->window = window;
  self->context = g_object_ref (context);
  self->toplevels = g_object_ref (gtk_window_get_toplevels ());
  for (guint i = 0, n = g_list_model_get_n_items (self->toplevels); i < n; i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (self->toplevels, i);
      watch_window (self, w);
    }
  self->toplevels_id = g_signal_connect (self->toplevels, "items-changed", G_CALLBACK (toplevels_changed_cb), self);
  if (settings != NULL)
    g_signal_connect_swapped (settings, "changed::lock-minutes", G_CALLBACK (schedule), self);
  schedule (self);
  return self;
}
