/* sw-customer-history.h — the customer's earlier cases, at registration and in the case view (issue 17 item 2)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-context.h"

G_BEGIN_DECLS

#define SW_TYPE_CUSTOMER_HISTORY (sw_customer_history_get_type ())
G_DECLARE_FINAL_TYPE (SwCustomerHistory, sw_customer_history, SW, CUSTOMER_HISTORY, GtkBox)

GtkWidget *sw_customer_history_new            (SwContext         *context);
/* The customer typed at the counter; looked up after a short pause (the
 * lookup is indexed). Hidden while nothing matches. */
void       sw_customer_history_set_customer   (SwCustomerHistory *self,
                                               const char        *phone,
                                               const char        *name,
                                               const char        *unit);
/* The request at hand, for the repeat-complaint marker: its kind, its text,
 * the departments it names (NULL-terminated, may be NULL). */
void       sw_customer_history_set_request    (SwCustomerHistory *self,
                                               SwKind             kind,
                                               const char        *content,
                                               const char *const *departments);
/* The case view: the case's customer and request, the case left out. */
void       sw_customer_history_show_case      (SwCustomerHistory *self,
                                               SwCase            *c);
/* Runs a pending lookup now (tests, and before saving). */
void       sw_customer_history_flush          (SwCustomerHistory *self);
guint      sw_customer_history_get_n_cases    (SwCustomerHistory *self);
/* The number of the earlier complaint the request would repeat, or NULL. */
const char *sw_customer_history_get_repeat_of (SwCustomerHistory *self);
/* The text of row `i` (its title and subtitle), for tests. */
char      *sw_customer_history_get_row_text   (SwCustomerHistory *self,
                                               guint              i);

G_END_DECLS
