/* sw-customer-history.c — the customer's earlier cases (number, date, kind,
 * state, satisfaction, complaint), masked as the access policy says, with
 * the earlier complaint the request at hand repeats pointed out (the repeat
 * rule, sw_detect_repeats); one query, sw_store_customer_history
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sw-access.h"
#include "sw-audit-entry.h"
#include "sw-customer-history.h"
#include "sw-detect.h"
#include "sw-store-audit.h"
#include "sw-store-history.h"

/* Typing pauses this long before the lookup. */
#define DEBOUNCE_MS 250

struct _SwCustomerHistory
{
  GtkBox          parent_instance;

  SwContext      *context;
  AdwPreferencesGroup *group;
  GtkLabel       *repeat_label;
  GtkListBox     *list;

  char           *phone;
  char           *name;
  char           *unit;
  char           *except;          /* the case shown in the case view */
  SwCase         *from;            /* that case: its masking masks the list too */
  SwKind          kind;
  char           *content;
  GStrv           departments;
  gint64          received_at;     /* 0 = now */
  int             policy_version;  /* 0 = the current one */
  guint           timeout;
  guint           n_cases;
  char           *repeat_of;
  GHashTable     *audited;         /* case ids shown whole */
  GPtrArray      *texts;           /* row texts, for tests */
};

G_DEFINE_FINAL_TYPE (SwCustomerHistory, sw_customer_history, GTK_TYPE_BOX)

static void
clear_rows (SwCustomerHistory *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_ptr_array_set_size (self->texts, 0);
}

/* Showing an earlier case's customer whole is an entry of the audit log,
 * once per case for this panel. */
static void
audit_shown (SwCustomerHistory *self,
             SwCase            *c)
{
  SwStaff *user = sw_context_get_user (self->context);
  g_autofree char *args = NULL;
  g_autoptr(GError) error = NULL;

  if (user == NULL || !sw_access_sees_linked (user, c, self->from) || sw_case_get_anonymous (c) ||
      g_hash_table_contains (self->audited, sw_case_get_id (c)))
    return;
  g_hash_table_add (self->audited, g_strdup (sw_case_get_id (c)));
  args = sw_audit_args ("number", sw_case_get_number (c), "via", "history", NULL);
  if (!sw_store_audit (sw_context_get_store (self->context), sw_staff_get_empno (user),
                       SW_AUDIT_PERSONAL_DATA_SHOWN, SW_AUDIT_SUBJECT_CASE, sw_case_get_id (c), args, &error))
    g_warning ("%s", error->message);
}

static void
add_case_row (SwCustomerHistory *self,
              SwCustomerCase    *e,
              gboolean           repeat)
{
  SwCase *c = e->kase;
  g_autofree char *date = sw_context_format_date (self->context, sw_case_get_received_at (c));
  g_autofree char *name = NULL, *phone = NULL;
  g_autofree char *satisfaction = NULL;
  g_autofree char *title = NULL, *subtitle = NULL;
  g_autoptr(GString) who = g_string_new (NULL);
  GtkWidget *row = adw_action_row_new ();

  sw_access_customer_linked (sw_context_get_user (self->context), c, self->from, &name, &phone, NULL, NULL);
  audit_shown (self, c);
  if (name)
    g_string_append (who, name);
  if (phone)
    g_string_append_printf (who, "%s%s", who->len ? " · " : "", phone);
  satisfaction = sw_case_get_satisfaction (c) > 0
                 ? g_strdup_printf (_("satisfaction %d/5"), sw_case_get_satisfaction (c))
                 : g_strdup (_("no callback yet"));
  /* Translators: case number · date · kind */
  title = g_strdup_printf (_("%s · %s · %s"), sw_case_get_number (c), date, sw_kind_label (sw_case_get_kind (c)));
  /* Translators: state · satisfaction · the customer as shown */
  subtitle = g_strdup_printf (_("%s · %s · %s"), sw_state_label (sw_case_get_state (c)), satisfaction,
                              who->len ? who->str : "—");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (sw_case_get_kind (c) == SW_KIND_COMPLAINT)
    {
      GtkWidget *tag = gtk_label_new (repeat ? _("Complained — same matter again") : _("Complaint"));

      gtk_widget_add_css_class (tag, repeat ? "error" : "warning");
      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
    }
  gtk_list_box_append (self->list, row);
  g_ptr_array_add (self->texts, g_strdup_printf ("%s\n%s%s", title, subtitle,
                                                 repeat ? " [repeat]" : ""));
}

static void
refresh (SwCustomerHistory *self)
{
  SwStore *store = sw_context_get_store (self->context);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(SwPolicy) policy = NULL;
  g_autoptr(GError) error = NULL;
  gint64 received = self->received_at > 0 ? self->received_at : sw_context_now (self->context);

  clear_rows (self);
  g_clear_pointer (&self->repeat_of, g_free);
  self->n_cases = 0;
  found = sw_store_customer_history (store, self->phone, self->name, self->unit, self->except,
                                     self->content, 20, &error);
  if (found == NULL)
    {
      g_warning ("%s", error->message);
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }
  if (self->kind == SW_KIND_COMPLAINT && self->content && *self->content)
    policy = sw_store_get_policy (store, self->policy_version, NULL);
  for (guint i = 0; i < found->len; i++)
    {
      SwCustomerCase *e = g_ptr_array_index (found, i);
      gboolean repeat = self->repeat_of == NULL && policy != NULL &&
                        sw_detect_repeats (policy, e->kase, e->same_matter, self->content,
                                           (const char *const *) self->departments, received);

      if (repeat)
        self->repeat_of = g_strdup (sw_case_get_number (e->kase));
      add_case_row (self, e, repeat);
    }
  self->n_cases = found->len;
  if (self->repeat_of != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("This customer already complained about this matter (case %s) and "
                                                 "was answered: registering it will be a repeat complaint."),
                                               self->repeat_of);
      gtk_label_set_label (self->repeat_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->repeat_label), self->repeat_of != NULL);
  {
    g_autofree char *description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u earlier case",
                                                                 "%u earlier cases", self->n_cases),
                                                    self->n_cases);
    adw_preferences_group_set_description (self->group, description);
  }
  gtk_widget_set_visible (GTK_WIDGET (self), self->n_cases > 0);
}

static gboolean
timeout_cb (gpointer data)
{
  SwCustomerHistory *self = data;

  self->timeout = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
schedule (SwCustomerHistory *self)
{
  g_clear_handle_id (&self->timeout, g_source_remove);
  self->timeout = g_timeout_add (DEBOUNCE_MS, timeout_cb, self);
}

static void
set_string (char       **field,
            const char  *value)
{
  g_free (*field);
  *field = value && *value ? g_strstrip (g_strdup (value)) : NULL;
}

void
sw_customer_history_set_customer (SwCustomerHistory *self,
                                  const char        *phone,
                                  const char        *name,
                                  const char        *unit)
{
  set_string (&self->phone, phone);
  set_string (&self->name, name);
  set_string (&self->unit, unit);
  schedule (self);
}

void
sw_customer_history_set_request (SwCustomerHistory *self,
                                 SwKind             kind,
                                 const char        *content,
                                 const char *const *departments)
{
  self->kind = kind;
  set_string (&self->content, content);
  g_strfreev (self->departments);
  self->departments = g_strdupv ((GStrv) departments);
  schedule (self);
}

void
sw_customer_history_show_case (SwCustomerHistory *self,
                               SwCase            *c)
{
  const char *departments[] = { sw_case_get_owner_department (c), sw_case_get_handler_department (c),
                                sw_case_get_target_department (c), NULL };
  const char *named[4] = { NULL };
  guint n = 0;

  for (guint i = 0; i < 3; i++)
    if (departments[i] != NULL)
      named[n++] = departments[i];
  set_string (&self->except, sw_case_get_id (c));
  g_set_object (&self->from, c);
  self->received_at = sw_case_get_received_at (c);
  self->policy_version = sw_case_get_policy_version (c);
  /* The panel looks the customer up whole (the store's rows); only what it
   * shows is masked. */
  set_string (&self->phone, sw_case_get_customer_phone (c));
  set_string (&self->name, sw_case_get_customer_name (c));
  set_string (&self->unit, sw_case_get_customer_unit (c));
  sw_customer_history_set_request (self, sw_case_get_anonymous (c) ? SW_KIND_CONSULTATION : sw_case_get_kind (c),
                                   sw_case_get_content (c), named);
  sw_customer_history_flush (self);
}

void
sw_customer_history_flush (SwCustomerHistory *self)
{
  if (self->timeout == 0)
    return;
  g_clear_handle_id (&self->timeout, g_source_remove);
  refresh (self);
}

guint
sw_customer_history_get_n_cases (SwCustomerHistory *self)
{
  return self->n_cases;
}

const char *
sw_customer_history_get_repeat_of (SwCustomerHistory *self)
{
  return self->repeat_of;
}

char *
sw_customer_history_get_row_text (SwCustomerHistory *self,
                                  guint              i)
{
  return i < self->texts->len ? g_strdup (g_ptr_array_index (self->texts, i)) : NULL;
}

static void
sw_customer_history_dispose (GObject *object)
{
  SwCustomerHistory *self = SW_CUSTOMER_HISTORY (object);

  g_clear_handle_id (&self->timeout, g_source_remove);
  g_clear_object (&self->context);
  g_clear_object (&self->from);
  G_OBJECT_CLASS (sw_customer_history_parent_class)->dispose (object);
}

static void
sw_customer_history_finalize (GObject *object)
{
  SwCustomerHistory *self = SW_CUSTOMER_HISTORY (object);

  g_free (self->phone);
  g_free (self->name);
  g_free (self->unit);
  g_free (self->except);
  g_free (self->content);
  g_free (self->repeat_of);
  g_strfreev (self->departments);
  g_hash_table_unref (self->audited);
  g_ptr_array_unref (self->texts);
  G_OBJECT_CLASS (sw_customer_history_parent_class)->finalize (object);
}

static void
sw_customer_history_class_init (SwCustomerHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sw_customer_history_dispose;
  object_class->finalize = sw_customer_history_finalize;
}

static void
sw_customer_history_init (SwCustomerHistory *self)
{
  self->audited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->texts = g_ptr_array_new_with_free_func (g_free);
  self->kind = SW_KIND_CONSULTATION;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);

  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->group, _("Earlier cases of this customer"));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->group));

  self->repeat_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->repeat_label, TRUE);
  gtk_label_set_xalign (self->repeat_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->repeat_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->repeat_label), FALSE);
  adw_preferences_group_add (self->group, GTK_WIDGET (self->repeat_label));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  adw_preferences_group_add (self->group, GTK_WIDGET (self->list));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
sw_customer_history_new (SwContext *context)
{
  SwCustomerHistory *self = g_object_new (SW_TYPE_CUSTOMER_HISTORY, NULL);

  self->context = g_object_ref (context);
  return GTK_WIDGET (self);
}
