/* sw-store-directory-rows.h — the directory's tables row by row (rows as JSON objects), for the store and the server's storage
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "sw-store.h"

G_BEGIN_DECLS

typedef struct {
  const char *table;
  const char *key;          /* the primary key column */
  gboolean    replace_all;  /* an import from the server replaces the table */
  gboolean    insert_only;  /* versions: only new rows are edits */
  const char *delete_sql;   /* a literal: the store keeps statements by address */
  const char *kept;         /* a column an import leaves alone when the row holds no value for it */
} SwDirectoryTable;

/* In the order rows can be inserted (foreign keys). */
const SwDirectoryTable *_sw_directory_tables      (guint                   *n_tables);
const SwDirectoryTable *_sw_directory_table       (const char              *name);
/* The table's column names (a reference to a list kept by the store). */
GPtrArray              *_sw_directory_columns     (SwStore                 *self,
                                                   const char              *table);
/* Inserts or updates one row: the members named like columns (scalars). */
gboolean                _sw_directory_put_row     (SwStore                 *self,
                                                   const SwDirectoryTable  *table,
                                                   GPtrArray               *columns,
                                                   JsonObject              *row,
                                                   GError                 **error);
gboolean                _sw_directory_delete_row  (SwStore                 *self,
                                                   const SwDirectoryTable  *table,
                                                   const char              *key,
                                                   GError                 **error);
/* Stops (or resumes) recording directory edits in the outbox, inside the
 * open transaction: for what comes from the server. Calls nest. */
gboolean                _sw_directory_mute        (SwStore                 *self,
                                                   gboolean                 mute,
                                                   GError                 **error);

G_END_DECLS
