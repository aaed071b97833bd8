/* sw-prefs-policies.c — the policies page: every key with its description; saving writes a new version
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sw-access.h"
#include "sw-error.h"
#include "sw-preferences-window.h"
#include "sw-policy-text.h"
#include "sw-prefs-policies.h"
#include "sw-prefs-rows.h"

struct _SwPrefsPolicies
{
  AdwPreferencesPage   parent_instance;

  AdwPreferencesGroup *version_group;
  GtkButton           *save_button;
  GHashTable          *editors;     /* key → GtkSpinButton or AdwEntryRow (borrowed) */

  SwContext           *context;
  SwPolicy            *policy;
};

G_DEFINE_FINAL_TYPE (SwPrefsPolicies, sw_prefs_policies, ADW_TYPE_PREFERENCES_PAGE)

static char *
editor_text (GtkWidget *editor)
{
  if (GTK_IS_SPIN_BUTTON (editor))
    {
      gtk_spin_button_update (GTK_SPIN_BUTTON (editor));
      return g_strdup_printf ("%d", gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (editor)));
    }
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editor))));
}

static void
set_editor_text (GtkWidget  *editor,
                 const char *value)
{
  if (GTK_IS_SPIN_BUTTON (editor))
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (editor), g_ascii_strtod (value ? value : "0", NULL));
  else
    gtk_editable_set_text (GTK_EDITABLE (editor), value ? value : "");
}

static void
load_policy (SwPrefsPolicies *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *when = NULL;
  g_autofree char *description = NULL;
  g_autofree char *in_force = NULL;
  const char *by;
  GHashTableIter iter;
  gpointer key, editor;

  g_clear_object (&self->policy);
  if ((self->policy = sw_store_get_policy (sw_context_get_store (self->context), 0, &error)) == NULL)
    {
      adw_preferences_group_set_description (self->version_group, error->message);
      return;
    }
  g_hash_table_iter_init (&iter, self->editors);
  while (g_hash_table_iter_next (&iter, &key, &editor))
    set_editor_text (editor, sw_policy_get_string (self->policy, key));

  when = sw_context_format_time (self->context, sw_policy_get_created_at (self->policy));
  by = sw_policy_get_created_by (self->policy);
  if (by != NULL && *by != '\0')
    /* Translators: a policy version number, the time it was saved and who saved it */
    in_force = g_strdup_printf (_("In force: version %d, since %s, by %s."), sw_policy_get_version (self->policy),
                                when, sw_context_staff_name (self->context, by));
  else
    /* Translators: a policy version number and the time it was saved */
    in_force = g_strdup_printf (_("In force: version %d, since %s."), sw_policy_get_version (self->policy), when);
  description = g_strconcat (_("A change applies to cases registered from now on; a case keeps the rules it was registered under."),
                             " ", in_force, NULL);
  adw_preferences_group_set_description (self->version_group, description);
}

static void
update_editable (SwPrefsPolicies *self)
{
  gboolean admin = (sw_access_edit_policies (sw_context_get_user (self->context)) == SW_ACCESS_OK);
  GHashTableIter iter;
  gpointer editor;

  g_hash_table_iter_init (&iter, self->editors);
  while (g_hash_table_iter_next (&iter, NULL, &editor))
    gtk_widget_set_sensitive (editor, admin);
  gtk_widget_set_visible (GTK_WIDGET (self->save_button), admin);
  adw_preferences_group_set_title (self->version_group,
                                   admin ? _("Policies") : _("Policies (only an administrator changes them)"));
}

static void
save_cb (SwPrefsPolicies *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  int version = sw_prefs_policies_save (self, &error);

  if (version > 0)
    /* Translators: %d is a policy version number */
    message = g_strdup_printf (_("Policy version %d saved; it applies to cases registered from now on"), version);
  sw_prefs_toast (GTK_WIDGET (self), message ? message : error ? error->message : _("Nothing changed"));
}

/* Time limits first, then phrases, ladders and ratings. */
static void
build_rows (SwPrefsPolicies *self)
{
  AdwPreferencesGroup *limits = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *rules = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  const SwPolicyKey *keys;
  guint n_keys;

  adw_preferences_group_set_title (limits, _("Time Limits"));
  adw_preferences_group_set_title (rules, _("Phrases, Penalties and Ratings"));
  adw_preferences_group_set_description (rules, _("Lists are separated by semicolons."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), limits);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), rules);

  keys = sw_policy_keys (&n_keys);
  for (guint i = 0; i < n_keys; i++)
    {
      AdwPreferencesGroup *group = g_str_has_prefix (keys[i].key, "limit.") ? limits : rules;
      GtkWidget *editor;

      if (keys[i].type == SW_POLICY_INT)
        {
          /* The unit beside the number ("working hours"), the key only in the tooltip for scripts. */
          editor = GTK_WIDGET (sw_prefs_spin_row (group, _(keys[i].description),
                                                  sw_policy_unit_label (keys[i].key), 100000, 1));
          gtk_widget_set_tooltip_text (editor, keys[i].key);
        }
      else
        {
          editor = GTK_WIDGET (sw_prefs_entry_row (group, _(keys[i].description)));
          gtk_widget_set_tooltip_text (editor, keys[i].key);
        }
      g_hash_table_insert (self->editors, (gpointer) keys[i].key, editor);
    }
}

static void
sw_prefs_policies_dispose (GObject *object)
{
  SwPrefsPolicies *self = SW_PREFS_POLICIES (object);

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_clear_object (&self->context);
  g_clear_object (&self->policy);
  G_OBJECT_CLASS (sw_prefs_policies_parent_class)->dispose (object);
}

static void
sw_prefs_policies_finalize (GObject *object)
{
  SwPrefsPolicies *self = SW_PREFS_POLICIES (object);

  g_clear_pointer (&self->editors, g_hash_table_unref);
  G_OBJECT_CLASS (sw_prefs_policies_parent_class)->finalize (object);
}

static void
sw_prefs_policies_class_init (SwPrefsPoliciesClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sw_prefs_policies_dispose;
  G_OBJECT_CLASS (klass)->finalize = sw_prefs_policies_finalize;
}

static void
sw_prefs_policies_init (SwPrefsPolicies *self)
{
  self->editors = g_hash_table_new (g_str_hash, g_str_equal);
}

GtkWidget *
sw_prefs_policies_new (SwContext *context)
{
  SwPrefsPolicies *self = g_object_new (SW_TYPE_PREFS_POLICIES,
                                        "name", "policies",
                                        "title", _("Policies"),
                                        "icon-name", "emblem-documents-symbolic",
                                        NULL);

  self->context = g_object_ref (context);
  self->version_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), self->version_group);
  self->save_button = sw_prefs_header_button (self->version_group, _("_Save as New Version"), TRUE);
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (save_cb), self);
  build_rows (self);
  load_policy (self);
  update_editable (self);
  g_signal_connect_swapped (context, "notify::user", G_CALLBACK (update_editable), self);
  return GTK_WIDGET (self);
}

gboolean
sw_prefs_policies_set_value (SwPrefsPolicies *self,
                             const char      *key,
                             const char      *value)
{
  GtkWidget *editor = g_hash_table_lookup (self->editors, key);

  if (editor == NULL)
    return FALSE;
  set_editor_text (editor, value);
  return TRUE;
}

int
sw_prefs_policies_save (SwPrefsPolicies  *self,
                        GError          **error)
{
  SwStore *store = sw_context_get_store (self->context);
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_free);
  const char *actor = sw_context_get_user_empno (self->context);
  const SwPolicyKey *keys;
  guint n_keys;
  int version = 0;

  if (!(sw_access_edit_policies (sw_context_get_user (self->context)) == SW_ACCESS_OK))
    {
      g_set_error_literal (error, SW_ERROR, SW_ERROR_FORBIDDEN, _("Only an administrator changes policies"));
      return 0;
    }
  g_return_val_if_fail (self->policy != NULL, 0);

  /* Pairs of key, value; every value is checked before anything is written. */
  keys = sw_policy_keys (&n_keys);
  for (guint i = 0; i < n_keys; i++)
    {
      g_autofree char *value = editor_text (g_hash_table_lookup (self->editors, keys[i].key));

      if (g_strcmp0 (value, sw_policy_get_string (self->policy, keys[i].key)) == 0)
        continue;
      if (!sw_policy_validate (keys[i].key, value, error))
        return 0;
      g_ptr_array_add (changed, g_strdup (keys[i].key));
      g_ptr_array_add (changed, g_steal_pointer (&value));
    }
  if (changed->len == 0)
    return 0;
  if (!sw_store_begin (store, error))
    return 0;
  for (guint i = 0; i < changed->len; i += 2)
    if ((version = sw_store_set_policy_value (store, changed->pdata[i], changed->pdata[i + 1], actor, error)) == 0)
      {
        sw_store_rollback (store);
        return 0;
      }
  if (!sw_store_commit (store, error))
    return 0;
  load_policy (self);
  return version;
}
