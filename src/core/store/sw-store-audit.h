/* sw-store-audit.h — the tamper-evident audit log in the store: append, list, verify
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-audit-entry.h"
#include "sw-store.h"

G_BEGIN_DECLS

/* Appends one entry — code SW_AUDIT_*, the person acting (NULL: the store's
 * acting person, sw_store_set_actor), what it is about by id or number,
 * and `args_json`, a JSON object or NULL — at the store's clock, inside the
 * caller's transaction when one is open (the audited write and its entry
 * commit together, or neither). Never put a customer's personal data in
 * any of them. One line at each recording point:
 *
 *   sw_store_audit (store, empno, SW_AUDIT_SIGN_IN, SW_AUDIT_SUBJECT_STAFF, empno, NULL, error)
 */
gboolean      sw_store_audit             (SwStore     *self,
                                          const char  *actor,
                                          const char  *code,
                                          const char  *subject_kind,
                                          const char  *subject,
                                          const char  *args_json,
                                          GError     **error);
/* The person the store's own audit entries name when a write takes no
 * actor (directory, calendar): the acting person (sw_store_set_acting),
 * the one signed in; NULL for none. */
const char   *sw_store_get_actor         (SwStore     *self);

/* Entries (SwAuditEntry*) in sequence order, at >= from and < to (0: no
 * bound), by `person` (NULL: anyone). */
GPtrArray    *sw_store_list_audit        (SwStore     *self,
                                          gint64       from,
                                          gint64       to,
                                          const char  *person,
                                          GError     **error);
/* Entries after sequence `after_seq`, at most `limit` (0: all): a push. */
GPtrArray    *sw_store_list_audit_after  (SwStore     *self,
                                          gint64       after_seq,
                                          guint        limit,
                                          GError     **error);
/* Checks the whole chain. TRUE when it is whole, with `*count` the number
 * of entries; FALSE with `*bad_seq` > 0 the first entry changed, deleted
 * or out of place (error unset), or with an error when it could not be
 * read. */
gboolean      sw_store_verify_audit      (SwStore     *self,
                                          gint64      *count,
                                          gint64      *bad_seq,
                                          GError     **error);

G_END_DECLS
