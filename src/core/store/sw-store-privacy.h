/* sw-store-privacy.h — a case's earlier customer details (what an amend replaced), for those who may see them
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-protocol.h"
#include "sw-store.h"

G_BEGIN_DECLS

/* SwEarlierContact (what one amend replaced) is the protocol's: it travels
 * in the case's contact (sw-protocol.h). */

/* The earlier customer details of case `case_id`, oldest first (an empty
 * array for a case never amended or whose personal data were erased).
 * These are personal data: show them only to whom
 * sw_access_sees_personal_data() allows, and audit the show. */
GPtrArray *sw_store_list_earlier_contacts (SwStore     *self,
                                           const char  *case_id,
                                           GError     **error);

G_END_DECLS
