/* sw-test-fixture.h — a small, known directory in a temporary database
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-ops.h"
#include "sw-store.h"

G_BEGIN_DECLS

typedef struct {
  char    *dir;
  char    *path;
  SwStore *store;
} SwFixture;

/* Local time in Asia/Shanghai ("2026-11-23T10:00") to epoch ms. */
gint64   sw_test_time          (const char *local_iso);
char    *sw_test_format        (gint64      ms);

void     sw_fixture_setup      (SwFixture     *fx,
                                gconstpointer  data);
void     sw_fixture_teardown   (SwFixture     *fx,
                                gconstpointer  data);
/* Straight to the file, past the store: runs sql (aborting the test on an
 * error); every row of sql, each as its columns joined by \x1f (NULL as
 * \N); the first row of sql that way, or NULL; the file's size, 0 when it
 * is not there. */
void       sw_test_exec_sql    (const char *path,
                                const char *sql);
GPtrArray *sw_test_query_rows  (const char *path,
                                const char *sql);
char      *sw_test_query_text  (const char *path,
                                const char *sql);
gint64     sw_test_file_size   (const char *path);

/* Registers a simple visit received by `received_by` at the store's clock. */
SwCase  *sw_fixture_register   (SwFixture     *fx,
                                const char    *received_by,
                                gboolean       anonymous);

G_END_DECLS
