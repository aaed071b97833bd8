/* sw-store-events.h — the rows of the events table: reading one, inserting one (store and server storage)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-store-sql.h"

G_BEGIN_DECLS

/* The columns _sw_store_event_from_row reads, starting at `first`. */
#define SW_STORE_EVENT_COLUMNS "id, case_id, kind, actor, at, hlc_ms, hlc_counter, device, payload"

SwCaseEvent *_sw_store_event_from_row (sqlite3_stmt *stmt,
                                       int           first);
/* Inserts an event into the open transaction. One made on this replica
 * must be new; one made elsewhere is stored as sent and skipped when its id
 * is there already (`inserted` says whether it was new). */
gboolean     _sw_store_insert_event   (SwStore      *self,
                                       SwCaseEvent  *event,
                                       gboolean      made_elsewhere,
                                       gboolean     *inserted,
                                       GError      **error);

/* Records that the case was known by `number` before it was renumbered. */
gboolean     _sw_store_add_case_alias (SwStore      *self,
                                       const char   *number,
                                       const char   *case_id,
                                       GError      **error);

/* The list of a case's files, from its attachment_added, attachment_removed
 * and purged events (sw-store-attachments.c); files a removal or a purge let
 * go are deleted after the commit (FALSE: the transaction was rolled back; nothing is deleted). */
gboolean     _sw_store_fold_attachments (SwStore      *self,
                                         SwCaseEvent  *ev,
                                         gboolean      made_elsewhere,
                                         GError      **error);
void         _sw_store_release_blobs    (SwStore      *self,
                                         gboolean      committed);
/* Holds SQLite's write lock, outside any transaction, while files are
 * deleted: an attach in another process writes its file and its reference
 * under that lock, so a file is deleted only when no committed reference
 * holds it and no attach is between the two (FALSE: busy, nothing held).
 * Writes nothing; _sw_store_unlock_writes lets go. */
gboolean     _sw_store_lock_writes      (SwStore      *self);
void         _sw_store_unlock_writes    (SwStore      *self);

G_END_DECLS
