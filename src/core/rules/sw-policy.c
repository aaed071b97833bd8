/* sw-policy.c — the configurable rules: time limits, forbidden phrases, ladders, versioned
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "sw-error.h"
#include "sw-penalty.h"
#include "sw-policy.h"
#include "sw-types.h"

struct _SwPolicy
{
  GObject     parent_instance;
  int         version;
  gint64      created_at;
  char       *created_by;
  GHashTable *values;     /* key → string */
};

G_DEFINE_FINAL_TYPE (SwPolicy, sw_policy, G_TYPE_OBJECT)

/* The shipped defaults come from the source texts (domain.md §6–§7), except
 * where marked "ours": the texts give no number there. */
static const SwPolicyKey keys[] = {
  { "limit.transfer_hours", SW_POLICY_INT, "1",
    N_("Working hours after registration within which a case the first-inquiry person cannot handle must be transferred") },
  { "limit.first_response_hours", SW_POLICY_INT, "24",
    N_("Hours within which the customer gets a first response") },
  { "limit.own_authority_days", SW_POLICY_INT, "0",
    N_("Working days for a matter within the person's own authority (0: the same working day)") },
  { "limit.department_days", SW_POLICY_INT, "2",
    N_("Working days for a matter within the department's authority") },
  { "limit.branch_leader_days", SW_POLICY_INT, "3",
    N_("Working days for a matter for another department or a branch leader") },
  { "limit.meeting_days", SW_POLICY_INT, "5",
    N_("Working days for a matter beyond the branch leader (needs a meeting)") },
  { "limit.accept_hours", SW_POLICY_INT, "1",
    N_("Working hours within which a receiving department accepts a transfer and names a handler") },
  { "limit.receiving_reply_days", SW_POLICY_INT, "3",
    N_("Working days within which the receiving department replies after accepting") },
  { "limit.multi_department_days", SW_POLICY_INT, "5",
    N_("Working days for a preliminary finding on a multi-department matter") },
  { "limit.complaint_file_days", SW_POLICY_INT, "5",
    N_("Working days within which a complaint is formally filed") },
  { "limit.complaint_close_days", SW_POLICY_INT, "60",
    N_("Working days within which a complaint is concluded") },
  { "limit.petition_accept_days", SW_POLICY_INT, "7",
    N_("Working days to decide whether a petition letter is accepted") },
  { "limit.petition_general_days", SW_POLICY_INT, "30",
    N_("Working days to close a general petition") },
  { "limit.petition_special_days", SW_POLICY_INT, "60",
    N_("Working days to close a special petition") },
  { "limit.assigned_days", SW_POLICY_INT, "10",
    N_("Working days within which a matter assigned by a superior is concluded when the assignment gives no date; Shouwen's own default, the source text leaves the number blank") },
  { "limit.hotline_feedback_days", SW_POLICY_INT, "5",
    N_("Working days within which a hotline dispatch gets its feedback when the dispatch gives no date; Shouwen's own default, the source texts give no number") },
  { "limit.callback_days", SW_POLICY_INT, "3",
    N_("Working days after the reply within which the customer is called back; Shouwen's own default, the source texts give no number") },
  { "phrases.forbidden", SW_POLICY_TEXT, "不知道;不清楚;不归我管",
    N_("Forbidden phrases, separated by semicolons") },
  { "ladder.yearly", SW_POLICY_TEXT, "correct;criticism;deduction_standby",
    N_("Yearly ladder per person: the sanction of the 1st, 2nd, 3rd… confirmed violation") },
  { "ladder.deduction_yuan", SW_POLICY_INT, "500",
    N_("Bonus deduction in yuan at the deduction step") },
  { "sanction.admonish_no_excellent", SW_POLICY_INT, "2",
    N_("Admonishments in a year after which a person cannot be rated excellent") },
  { "sanction.warning_no_excellent", SW_POLICY_INT, "1",
    N_("Efficiency warnings in a year after which a person cannot be rated excellent") },
  { "sanction.admonish_incompetent", SW_POLICY_INT, "3",
    N_("Admonishments in a year after which a person is rated incompetent") },
  { "sanction.warning_incompetent", SW_POLICY_INT, "2",
    N_("Efficiency warnings in a year after which a person is rated incompetent") },
  { "repeat.window_days", SW_POLICY_INT, "30",
    N_("Days within which a second complaint about the same matter counts as a repeat (Shouwen's own default)") },
  { "repeat.similar_pct", SW_POLICY_INT, "40",
    N_("Repeat complaint: how alike (%, shared three-character runs) the texts of two complaints to the same department must be to concern the same matter, unless one standard answer names both (Shouwen's own default)") },
  { "pingpong.max_handoffs", SW_POLICY_INT, "2",
    N_("Returns and forwards of one case in all beyond which it counts as too many hand-offs; ping-pong itself needs no limit (Shouwen's own default)") },
  { "rating.excellent_on_time_pct", SW_POLICY_INT, "95",
    N_("Department rating: the share of replies on time (%) at or above which it can be rated excellent (Shouwen's own default)") },
  { "rating.excellent_satisfied_pct", SW_POLICY_INT, "90",
    N_("Department rating: the share of satisfied callbacks (score 4–5, %) at or above which it can be rated excellent (Shouwen's own default)") },
  { "rating.min_cases", SW_POLICY_INT, "10",
    N_("Department rating: the fewest cases in the period with which a department is rated; with fewer it is not rated (Shouwen's own default)") },
  { "rating.min_callbacks", SW_POLICY_INT, "3",
    N_("Department rating: the fewest scored callbacks in the period with which a department is rated; with fewer it is not rated (Shouwen's own default)") },
  { "rating.excellent_callback_pct", SW_POLICY_INT, "90",
    N_("Department rating: the share of replied cases called back (%) at or above which it can be rated excellent (Shouwen's own default)") },
  { "rating.incompetent_callback_pct", SW_POLICY_INT, "50",
    N_("Department rating: the share of replied cases called back (%) below which it is rated incompetent (Shouwen's own default)") },
  { "rating.excellent_max_findings", SW_POLICY_INT, "0",
    N_("Department rating: the most confirmed findings with which it can still be rated excellent (Shouwen's own default)") },
  { "rating.incompetent_on_time_pct", SW_POLICY_INT, "80",
    N_("Department rating: the share of replies on time (%) below which it is rated incompetent (Shouwen's own default)") },
  { "rating.incompetent_satisfied_pct", SW_POLICY_INT, "60",
    N_("Department rating: the share of satisfied callbacks (%) below which it is rated incompetent (Shouwen's own default)") },
  { "rating.incompetent_findings", SW_POLICY_INT, "5",
    N_("Department rating: confirmed findings at or above which it is rated incompetent, 0 = never (Shouwen's own default)") },
  { "signin.max_failures", SW_POLICY_INT, "5",
    N_("Wrong passwords in a row after which an account is locked until an administrator unlocks it (Shouwen's own default)") },
  { "privacy.retention_years", SW_POLICY_INT, "5",
    N_("Personal data: years after closing after which a case's customer name, phone, unit and address are erased (PIPL Art. 47; Shouwen's own default)") },
  /* penalties by violation kind (domain §7; empty: the yearly ladder alone) */
  { "penalty.fine_yuan", SW_POLICY_TEXT, "",
    N_("Fines by violation kind in yuan, KIND=YUAN or KIND=MIN-MAX separated by semicolons, e.g. the property manager's repeat_complaint=20;wrong_transfer=30-50;refused_transfer=50;late_accept=50;exposure=50-200") },
  { "penalty.head_fine_yuan", SW_POLICY_TEXT, "",
    N_("Fines of the department head in yuan when the department is at fault, by violation kind, e.g. repeat_complaint=50") },
  { "penalty.primary_pct", SW_POLICY_INT, "70",
    N_("Share (%) of a fine the primary responsible person bears when an executing person shares the fault; the executing person bears the rest (7:3)") },
  { "sanction.by_rule", SW_POLICY_TEXT, "",
    N_("Formal sanction by violation kind, KIND=admonish or KIND=warning separated by semicolons, e.g. the hospital's rude_attitude=warning;shirking=warning;wrong_transfer=admonish;perfunctory_reply=admonish") },
  { "attachments.max_file_mb", SW_POLICY_INT, "20",
    N_("Attachments: the largest file a case may carry, in MB (Shouwen's own default)") },
  /* domain §3: temporary and maintenance staff never are, unless the
   * organisation's rules say so (seed 001: "每位职工(包括实习、进修人员、物业人员)") */
  { "owner.eligible_kinds", SW_POLICY_TEXT, "regular",
    N_("Kinds of staff who may be first-inquiry responsible persons, separated by semicolons: regular, temporary, maintenance (the hospital of seed 001 lets interns and property staff respond first: regular;temporary;maintenance)") },
  { "attachments.max_case_mb", SW_POLICY_INT, "100",
    N_("Attachments: all the files of one case together, in MB (Shouwen's own default)") },
};

static void
sw_policy_finalize (GObject *object)
{
  SwPolicy *self = SW_POLICY (object);

  g_clear_pointer (&self->created_by, g_free);
  g_clear_pointer (&self->values, g_hash_table_unref);
  G_OBJECT_CLASS (sw_policy_parent_class)->finalize (object);
}

static void
sw_policy_class_init (SwPolicyClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sw_policy_finalize;
}

static void
sw_policy_init (SwPolicy *self)
{
  self->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_hash_table_insert (self->values, g_strdup (keys[i].key), g_strdup (keys[i].default_value));
}

const SwPolicyKey *
sw_policy_keys (guint *n_keys)
{
  *n_keys = G_N_ELEMENTS (keys);
  return keys;
}

const SwPolicyKey *
sw_policy_find_key (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (g_strcmp0 (keys[i].key, key) == 0)
      return &keys[i];
  return NULL;
}

gboolean
sw_policy_validate (const char  *key,
                    const char  *value,
                    GError     **error)
{
  const SwPolicyKey *k = sw_policy_find_key (key);
  guint64 n;

  if (k == NULL)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
                   _("There is no policy “%s”; “policy show” lists them"), key);
      return FALSE;
    }
  if (value == NULL)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID, _("The policy “%s” needs a value"), key);
      return FALSE;
    }
  if (k->type == SW_POLICY_INT &&
      (!g_ascii_string_to_unsigned (value, 10, 0, 100000, &n, NULL)))
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
                   _("The policy “%s” takes a whole number from 0 to 100000, not “%s”"),
                   key, value);
      return FALSE;
    }
  if (g_str_equal (key, "owner.eligible_kinds"))
    {
      g_auto(GStrv) kinds = g_strsplit (value, ";", -1);
      guint named = 0;

      for (guint i = 0; kinds[i] != NULL; i++)
        {
          g_strstrip (kinds[i]);
          if (*kinds[i] == '\0')
            continue;
          if (sw_staff_kind_from_string (kinds[i]) < 0)
            {
              g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
                           _("“%s” is not a kind of staff; use regular, temporary or maintenance"), kinds[i]);
              return FALSE;
            }
          named++;
        }
      if (named == 0)
        {
          g_set_error_literal (error, SW_ERROR, SW_ERROR_INVALID,
                               _("Name at least one kind of staff who may be first-inquiry responsible persons"));
          return FALSE;
        }
    }
  return sw_penalty_validate (key, value, error);
}

SwPolicy *
sw_policy_new_default (void)
{
  return g_object_new (SW_TYPE_POLICY, NULL);
}

SwPolicy *
sw_policy_new_from_json (int          version,
                         gint64       created_at,
                         const char  *created_by,
                         const char  *json,
                         GError     **error)
{
  g_autoptr(SwPolicy) self = sw_policy_new_default ();
  g_autoptr(JsonNode) root = json_from_string (json, error);
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  if (root == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, SW_ERROR, SW_ERROR_DB_CORRUPT,
                   _("Policy version %d is damaged"), version);
      return NULL;
    }
  json_object_iter_init (&iter, json_node_get_object (root));
  while (json_object_iter_next (&iter, &member, &node))
    if (sw_policy_find_key (member) != NULL && JSON_NODE_HOLDS_VALUE (node) &&
        json_node_get_value_type (node) == G_TYPE_STRING)
      g_hash_table_replace (self->values, g_strdup (member), g_strdup (json_node_get_string (node)));

  self->version = version;
  self->created_at = created_at;
  self->created_by = g_strdup (created_by);
  return g_steal_pointer (&self);
}

char *
sw_policy_to_json (SwPolicy *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      json_builder_set_member_name (b, keys[i].key);
      json_builder_add_string_value (b, g_hash_table_lookup (self->values, keys[i].key));
    }
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  return json_to_string (root, FALSE);
}

SwPolicy *
sw_policy_copy (SwPolicy *self)
{
  SwPolicy *copy = sw_policy_new_default ();
  GHashTableIter iter;
  gpointer k, v;

  g_hash_table_iter_init (&iter, self->values);
  while (g_hash_table_iter_next (&iter, &k, &v))
    g_hash_table_replace (copy->values, g_strdup (k), g_strdup (v));
  copy->version = self->version;
  copy->created_at = self->created_at;
  copy->created_by = g_strdup (self->created_by);
  return copy;
}

int sw_policy_get_version (SwPolicy *self) { return self->version; }
gint64 sw_policy_get_created_at (SwPolicy *self) { return self->created_at; }
const char *sw_policy_get_created_by (SwPolicy *self) { return self->created_by; }

const char *
sw_policy_get_string (SwPolicy   *self,
                      const char *key)
{
  const char *v = g_hash_table_lookup (self->values, key);

  g_return_val_if_fail (v != NULL, "");
  return v;
}

int
sw_policy_get_int (SwPolicy   *self,
                   const char *key)
{
  guint64 n = 0;

  if (!g_ascii_string_to_unsigned (sw_policy_get_string (self, key), 10, 0, 100000, &n, NULL))
    {
      const SwPolicyKey *k = sw_policy_find_key (key);
      g_ascii_string_to_unsigned (k ? k->default_value : "0", 10, 0, 100000, &n, NULL);
    }
  return (int) n;
}

char **
sw_policy_get_list (SwPolicy   *self,
                    const char *key)
{
  g_auto(GStrv) parts = g_strsplit (sw_policy_get_string (self, key), ";", -1);
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        g_strv_builder_add (b, parts[i]);
    }
  return g_strv_builder_end (b);
}

void
sw_policy_set (SwPolicy   *self,
               const char *key,
               const char *value)
{
  g_return_if_fail (sw_policy_find_key (key) != NULL);
  g_hash_table_replace (self->values, g_strdup (key), g_strdup (value));
}
