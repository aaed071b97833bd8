/* sw-store-privacy.h — a case's earlier customer details (what an amend replaced), for those who may see them
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-store.h"

G_BEGIN_DECLS

/* What one amend replaced: the earlier value of each field it changed
 * (NULL: the field was not changed; "" : it was empty), who amended, when
 * and why. */
typedef struct {
  char   *event_id;   /* the `amended` event */
  gint64  at;
  char   *actor;
  char   *reason;
  char   *name;
  char   *phone;
  char   *unit;
  char   *address;
} SwEarlierContact;

void       sw_earlier_contact_free (SwEarlierContact *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SwEarlierContact, sw_earlier_contact_free)

/* The earlier customer details of case `case_id`, oldest first (an empty
 * array for a case never amended or whose personal data were erased).
 * These are personal data: show them only to whom
 * sw_access_sees_personal_data() allows, and audit the show. */
GPtrArray *sw_store_list_earlier_contacts (SwStore     *self,
                                           const char  *case_id,
                                           GError     **error);

G_END_DECLS
