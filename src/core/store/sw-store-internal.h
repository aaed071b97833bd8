/* sw-store-internal.h — what ops/ may call of the store beyond sw-store.h: no SQL, no struct
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-protocol.h"
#include "sw-store.h"

G_BEGIN_DECLS

/* Appends an event and replaces the case's row (in the open transaction). */
gboolean      _sw_store_append       (SwStore     *self,
                                      SwCase      *row,
                                      SwCaseEvent *event,
                                      GError     **error);
/* Reserves the next human case number of this device for the given day. */
char         *_sw_store_next_number  (SwStore     *self,
                                      const char  *branch_code,
                                      GDateTime   *local_day,
                                      GError     **error);
gboolean      _sw_store_put_contact  (SwStore     *self,
                                      SwCase      *row,
                                      GError     **error);

/* Personal data by law (sw-store-privacy.c): the ids of closed cases
 * closed before `closed_before` whose contact still has a field to erase;
 * and, after a purge or an amend (outside a transaction), leaving no
 * erased or earlier value in free pages, the full-text index or the log. */
GPtrArray    *_sw_store_purge_candidates (SwStore  *self,
                                          gint64    closed_before,
                                          GError  **error);
gboolean      _sw_store_scrub            (SwStore  *self,
                                          GError  **error);

/* The earlier customer details an amend replaced (case_contact_history):
 * kept for `event_id` (the `amended` event; kept once), NULL for a field
 * it did not change; forgotten whole when the case's personal data are
 * erased. In the open transaction. */
gboolean      _sw_store_keep_earlier     (SwStore     *self,
                                          const char  *case_id,
                                          SwCaseEvent *amended,
                                          const char  *name,
                                          const char  *phone,
                                          const char  *unit,
                                          const char  *address,
                                          GError     **error);
gboolean      _sw_store_forget_earlier   (SwStore     *self,
                                          const char  *case_id,
                                          GError     **error);
/* A replica storing a contact from elsewhere: the earlier details it
 * carries (sw-store-privacy.c). */
gboolean      _sw_store_keep_travelled   (SwStore     *self,
                                          SwContact   *contact,
                                          GError     **error);

G_END_DECLS
