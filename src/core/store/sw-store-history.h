/* sw-store-history.h — a customer's earlier cases (issue 17 item 2): the one query behind the registration dialog's panel, the case view's section and `shouwenctl case history`
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-store.h"

G_BEGIN_DECLS

/* The same matter of two texts, as the repeat rule reads it (REPEAT_SQL in
 * sw-store-detect.c): one active standard answer's matter (two characters
 * or more) occurs in both. `mine` and `theirs` are SQL expressions. */
#define SW_SAME_MATTER_SQL(mine, theirs) \
  "EXISTS (SELECT 1 FROM templates t WHERE t.kind = 'answer' AND t.active = 1 AND length (t.matter) >= 2" \
  " AND instr (" mine ", t.matter) > 0 AND instr (" theirs ", t.matter) > 0)"

typedef struct {
  SwCase   *kase;          /* the earlier case, its customer whole: mask it with sw_access_customer */
  gboolean  same_matter;   /* a standard answer's matter names both it and `about` */
} SwCustomerCase;

void       sw_customer_case_free        (SwCustomerCase *entry);

/* The cases of the customer with this phone, or with this name and unit
 * (either or both; an empty or erased value matches nothing), newest
 * first, at most `limit` (0 = 50), leaving out `except` (a case id, or
 * NULL). `about` is the text of the request at hand, for same_matter (may be
 * NULL). A GPtrArray of SwCustomerCase; indexed lookups (case_contacts_by_phone,
 * case_contacts_by_name). */
GPtrArray *sw_store_customer_history    (SwStore     *self,
                                         const char  *phone,
                                         const char  *name,
                                         const char  *unit,
                                         const char  *except,
                                         const char  *about,
                                         guint        limit,
                                         GError     **error);

G_END_DECLS
