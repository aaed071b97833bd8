/* sw-notifier.c — desktop notifications about the user's cases, each sent once
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sw-notified.h"
#include "sw-notifier.h"

struct _SwNotifier
{
  GObject       parent_instance;

  GApplication *app;       /* weak */
  SwContext    *context;
  SwNotified   *notified;
  guint         check_idle;
  guint         sent;
};

G_DEFINE_FINAL_TYPE (SwNotifier, sw_notifier, G_TYPE_OBJECT)

enum { SENT, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *kind_names[SW_N_NOTIFY] = {
  "transferred", "near-deadline", "overdue", "returned",
};

const char *
sw_notify_kind_setting (SwNotifyKind kind)
{
  static const char *settings[SW_N_NOTIFY] = {
    "notify-transferred", "notify-near-deadline", "notify-overdue", "notify-returned",
  };

  g_return_val_if_fail (kind < SW_N_NOTIFY, NULL);
  return settings[kind];
}

gboolean
sw_notifier_has_setting (GSettings  *settings,
                         const char *key)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  if (settings == NULL)
    return FALSE;
  g_object_get (settings, "settings-schema", &schema, NULL);
  return schema != NULL && g_settings_schema_has_key (schema, key);
}

static gboolean
kind_enabled (SwNotifier   *self,
              SwNotifyKind  kind)
{
  GSettings *settings = sw_context_get_settings (self->context);
  const char *key = sw_notify_kind_setting (kind);

  return !sw_notifier_has_setting (settings, key) || g_settings_get_boolean (settings, key);
}

/* The case's events, read once per check and only when needed. */
typedef struct {
  SwNotifier *self;
  SwCase     *kase;
  GListModel *events;
} CaseCheck;

static GListModel *
case_events (CaseCheck *cc)
{
  if (cc->events == NULL)
    cc->events = sw_store_list_events (sw_context_get_store (cc->self->context), sw_case_get_id (cc->kase), NULL);
  return cc->events;
}

/* The newest event of one of `kinds` (ending in SW_N_EVENTS), or NULL. */
static SwCaseEvent *
last_event (CaseCheck      *cc,
            const SwEventKind *kinds)
{
  GListModel *events = case_events (cc);

  for (guint i = events ? g_list_model_get_n_items (events) : 0; i > 0; i--)
    {
      g_autoptr(SwCaseEvent) ev = g_list_model_get_item (events, i - 1);

      for (const SwEventKind *k = kinds; *k != SW_N_EVENTS; k++)
        if (sw_case_event_get_kind (ev) == *k)
          return ev;
    }
  return NULL;
}

/* When the current deadline was set: the newest event carrying it. */
static gint64
deadline_set_at (CaseCheck *cc)
{
  GListModel *events = case_events (cc);
  gint64 due = sw_case_get_due_at (cc->kase);

  for (guint i = events ? g_list_model_get_n_items (events) : 0; i > 0; i--)
    {
      g_autoptr(SwCaseEvent) ev = g_list_model_get_item (events, i - 1);

      if (sw_case_event_has (ev, "due_at") &&
          sw_case_event_get_int (ev, "due_at") == due)
        return sw_case_event_get_at (ev);
    }
  return sw_case_get_received_at (cc->kase);
}

static char *
summary (const char *content)
{
  g_autofree char *line = g_strdup (content ? content : "");

  g_strdelimit (line, "\r\n", ' ');
  if (g_utf8_strlen (line, -1) > 80)
    {
      g_autofree char *cut = g_utf8_substring (line, 0, 79);
      return g_strconcat (cut, "…", NULL);
    }
  return g_steal_pointer (&line);
}

static gboolean
notify (CaseCheck    *cc,
        SwNotifyKind  kind,
        const char    *what,
        char          *title)  /* owned */
{
  SwNotifier *self = cc->self;
  const char *id = sw_case_get_id (cc->kase);
  g_autofree char *record = g_strdup_printf ("%s/%s/%s", id, kind_names[kind], what);
  g_autofree char *owned_title = title;
  g_autofree char *body = NULL;
  g_autofree char *notification_id = NULL;
  g_autoptr(GNotification) n = NULL;

  if (!kind_enabled (self, kind) || sw_notified_contains (self->notified, record))
    return FALSE;
  sw_notified_add (self->notified, record, sw_context_now (self->context));

  body = summary (sw_case_get_content (cc->kase));
  n = g_notification_new (owned_title);
  g_notification_set_body (n, body);
  g_notification_set_priority (n, kind == SW_NOTIFY_OVERDUE ? G_NOTIFICATION_PRIORITY_HIGH
                                                            : G_NOTIFICATION_PRIORITY_NORMAL);
  g_notification_set_default_action_and_target (n, "app.open-case", "s", id);
  notification_id = g_strdup_printf ("case-%s-%s", kind_names[kind], id);
  if (self->app != NULL && g_application_get_is_registered (self->app))
    g_application_send_notification (self->app, notification_id, n);
  self->sent++;
  g_signal_emit (self, signals[SENT], 0, kind, id, owned_title);
  return TRUE;
}

static guint
check_case (CaseCheck  *cc,
            const char *user,
            const char *department,
            gint64      now)
{
  static const SwEventKind transfers[] = { SW_EVENT_TRANSFERRED, SW_EVENT_FORWARDED, SW_N_EVENTS };
  static const SwEventKind returns[] = { SW_EVENT_RETURNED, SW_EVENT_REOPENED, SW_N_EVENTS };
  SwCase *c = cc->kase;
  const char *number = sw_case_get_number (c);
  gboolean mine = g_strcmp0 (sw_case_get_owner (c), user) == 0 || g_strcmp0 (sw_case_get_handler (c), user) == 0;
  gint64 due = sw_case_get_due_at (c);
  SwCaseEvent *ev;
  guint sent = 0;

  if (sw_case_get_state (c) == SW_STATE_TRANSFERRED && department != NULL &&
      g_strcmp0 (sw_case_get_target_department (c), department) == 0 &&
      (ev = last_event (cc, transfers)) != NULL && g_strcmp0 (sw_case_event_get_actor (ev), user) != 0)
    /* Translators: %s is a case number */
    sent += notify (cc, SW_NOTIFY_TRANSFERRED, sw_case_event_get_id (ev),
                    g_strdup_printf (_("Case %s was transferred to your department"), number));

  if (mine && due > 0)
    {
      g_autofree char *what = g_strdup_printf ("%" G_GINT64_FORMAT, due);
      g_autofree char *when = sw_context_format_time (cc->self->context, due);

      if (now >= due)
        /* Translators: a case number, then the time it was due */
        sent += notify (cc, SW_NOTIFY_OVERDUE, what, g_strdup_printf (_("Case %s is overdue (due %s)"), number, when));
      /* The span starts no earlier than receipt: test that first, then read the events. */
      else if ((due - now) * 5 < due - sw_case_get_received_at (c) &&
               (due - now) * 5 < due - deadline_set_at (cc))
        /* Translators: a case number, then its deadline */
        sent += notify (cc, SW_NOTIFY_NEAR_DEADLINE, what, g_strdup_printf (_("Case %s is due at %s"), number, when));
    }

  if (g_strcmp0 (sw_case_get_owner (c), user) == 0 &&
      sw_case_get_return_count (c) + sw_case_get_reopen_count (c) > 0 &&
      (ev = last_event (cc, returns)) != NULL &&
      sw_case_event_get_at (ev) >= sw_notified_get_since (cc->self->notified) &&
      g_strcmp0 (sw_case_event_get_actor (ev), user) != 0)
    sent += notify (cc, SW_NOTIFY_RETURNED, sw_case_event_get_id (ev),
                    sw_case_event_get_kind (ev) == SW_EVENT_RETURNED
                      /* Translators: %s is a case number */
                      ? g_strdup_printf (_("Case %s was returned to you"), number)
                      /* Translators: %s is a case number */
                      : g_strdup_printf (_("Case %s was reopened"), number));
  return sent;
}

static gboolean
check_idle_cb (gpointer data)
{
  SwNotifier *self = data;

  self->check_idle = 0;
  sw_notifier_check (self);
  return G_SOURCE_REMOVE;
}

static void
queue_check (SwNotifier *self)
{
  if (self->check_idle == 0)
    self->check_idle = g_idle_add_full (G_PRIORITY_LOW, check_idle_cb, self, NULL);
}

static void
sw_notifier_dispose (GObject *object)
{
  SwNotifier *self = SW_NOTIFIER (object);

  g_clear_handle_id (&self->check_idle, g_source_remove);
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_clear_object (&self->context);
  g_clear_weak_pointer (&self->app);
  G_OBJECT_CLASS (sw_notifier_parent_class)->dispose (object);
}

static void
sw_notifier_finalize (GObject *object)
{
  g_clear_pointer (&SW_NOTIFIER (object)->notified, sw_notified_free);
  G_OBJECT_CLASS (sw_notifier_parent_class)->finalize (object);
}

static void
sw_notifier_class_init (SwNotifierClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sw_notifier_dispose;
  G_OBJECT_CLASS (klass)->finalize = sw_notifier_finalize;

  /* A notification was sent (or would have been, without an application):
   * its kind, the case id and the title. */
  signals[SENT] =
    g_signal_new ("sent", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_STRING, G_TYPE_STRING);
}

static void
sw_notifier_init (SwNotifier *self)
{
}

SwNotifier *
sw_notifier_new (GApplication *app,
                 SwContext    *context,
                 const char   *state_path)
{
  SwNotifier *self = g_object_new (SW_TYPE_NOTIFIER, NULL);
  g_autofree char *path = state_path ? g_strdup (state_path)
                                     : g_build_filename (g_get_user_data_dir (), "shouwen", "notified.ini", NULL);

  g_set_weak_pointer (&self->app, app);
  self->context = g_object_ref (context);
  self->notified = sw_notified_load (path, sw_context_now (context));
  g_signal_connect_swapped (context, "tick", G_CALLBACK (queue_check), self);
  g_signal_connect_swapped (context, "case-changed", G_CALLBACK (queue_check), self);
  g_signal_connect_swapped (context, "notify::user", G_CALLBACK (queue_check), self);
  return self;
}

guint
sw_notifier_check (SwNotifier *self)
{
  GListModel *cases = sw_context_get_cases (self->context);
  SwStaff *user = sw_context_get_user (self->context);
  const char *department = user ? sw_staff_get_department_code (user) : NULL;
  gint64 now = sw_context_now (self->context);
  g_autoptr(GError) error = NULL;
  guint sent = 0;

  /* A locked screen shows nothing of the branch, on the desktop neither;
   * what is due waits for the unlock. */
  if (user == NULL || sw_context_get_locked (self->context))
    return 0;
  for (guint i = 0, n = g_list_model_get_n_items (cases); i < n; i++)
    {
      g_autoptr(SwCase) c = g_list_model_get_item (cases, i);
      CaseCheck cc = { self, c, NULL };

      if (sw_case_is_open (c))
        sent += check_case (&cc, sw_staff_get_empno (user), department, now);
      g_clear_object (&cc.events);
    }
  if (sent > 0 && !sw_notified_save (self->notified, now, &error))
    g_warning ("Cannot record the notifications sent: %s", error->message);
  return sent;
}

guint
sw_notifier_get_sent_count (SwNotifier *self)
{
  return self->sent;
}
