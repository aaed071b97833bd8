/* sw-policy.h — the configurable rules: time limits (domain §6), forbidden
 * phrases, penalty ladders (§7). Versioned: a case keeps the version it was
 * registered under.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  SW_POLICY_INT,       /* a non-negative whole number */
  SW_POLICY_TEXT,      /* free text, lists separated by ';' */
} SwPolicyType;

typedef struct {
  const char   *key;
  SwPolicyType  type;
  const char   *default_value;
  const char   *description;     /* translatable */
} SwPolicyKey;

#define SW_TYPE_POLICY (sw_policy_get_type ())
G_DECLARE_FINAL_TYPE (SwPolicy, sw_policy, SW, POLICY, GObject)

const SwPolicyKey *sw_policy_keys            (guint       *n_keys);
const SwPolicyKey *sw_policy_find_key        (const char  *key);
gboolean           sw_policy_validate        (const char  *key,
                                              const char  *value,
                                              GError     **error);

SwPolicy   *sw_policy_new_default   (void);
SwPolicy   *sw_policy_new_from_json (int          version,
                                     gint64       created_at,
                                     const char  *created_by,
                                     const char  *json,
                                     GError     **error);
char       *sw_policy_to_json       (SwPolicy    *self);
SwPolicy   *sw_policy_copy          (SwPolicy    *self);

int         sw_policy_get_version    (SwPolicy   *self);
gint64      sw_policy_get_created_at (SwPolicy   *self);
const char *sw_policy_get_created_by (SwPolicy   *self);
int         sw_policy_get_int        (SwPolicy   *self,
                                      const char *key);
const char *sw_policy_get_string     (SwPolicy   *self,
                                      const char *key);
/* A ';'-separated value as a NULL-terminated vector of trimmed items. */
char      **sw_policy_get_list       (SwPolicy   *self,
                                      const char *key);
void        sw_policy_set            (SwPolicy   *self,
                                      const char *key,
                                      const char *value);

G_END_DECLS
