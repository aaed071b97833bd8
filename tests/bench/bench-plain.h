/* bench-plain.h — the plain-SQLite reference of the benchmarks: the rows of
 * a filled store inserted with plain prepared statements into an empty copy
 * of its schema
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "bench-util.h"
#include "sw-store.h"

typedef struct {
  const char *table;
  GPtrArray  *rows;     /* of GPtrArray of sqlite3_value* */
  int         n_cols;
} TableRows;

static void
free_row (gpointer data)
{
  GPtrArray *row = data;
  for (guint i = 0; i < row->len; i++)
    sqlite3_value_free (g_ptr_array_index (row, i));
  g_ptr_array_unref (row);
}

static void
read_table (sqlite3   *db,
            TableRows *t)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s", t->table);
  sqlite3_stmt *stmt;

  t->rows = g_ptr_array_new_with_free_func (free_row);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  t->n_cols = sqlite3_column_count (stmt);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GPtrArray *row = g_ptr_array_new ();
      for (int c = 0; c < t->n_cols; c++)
        g_ptr_array_add (row, sqlite3_value_dup (sqlite3_column_value (stmt, c)));
      g_ptr_array_add (t->rows, row);
    }
  sqlite3_finalize (stmt);
}

static void
insert_table (sqlite3   *db,
              TableRows *t)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt;

  g_string_printf (sql, "INSERT INTO %s VALUES (", t->table);
  for (int c = 0; c < t->n_cols; c++)
    g_string_append (sql, c ? ", ?" : "?");
  g_string_append (sql, ")");
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL), ==, SQLITE_OK);
  for (guint r = 0; r < t->rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (t->rows, r);
      for (int c = 0; c < t->n_cols; c++)
        sqlite3_bind_value (stmt, c + 1, g_ptr_array_index (row, c));
      if (sqlite3_step (stmt) != SQLITE_DONE)
        g_error ("plain insert into %s: %s", t->table, sqlite3_errmsg (db));
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
}

/* The same rows, inserted with plain prepared statements into a fresh copy of
 * the schema, in one transaction, on a connection set up as the store's is;
 * timed until the database is closed and so every row is in the database
 * file, not only in its log (the store's time ends with a checkpoint too).
 * Returns seconds. */
static double
plain_sqlite (const char *source,
              const char *dir,
              double     *cpu)
{
  g_autofree char *empty = g_build_filename (dir, "plain.db", NULL);
  TableRows tables[] = { { "cases" }, { "case_contacts" }, { "case_search" }, { "events" } };
  g_autoptr(GError) error = NULL;
  g_autoptr(SwStore) schema = sw_store_open (empty, &error);
  sqlite3 *src, *dst;
  gint64 start;
  double elapsed;

  if (schema == NULL)
    g_error ("%s", error->message);
  g_clear_object (&schema);
  g_assert_cmpint (sqlite3_open (source, &src), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    read_table (src, &tables[i]);
  sqlite3_close (src);

  g_assert_cmpint (sqlite3_open (empty, &dst), ==, SQLITE_OK);
  sqlite3_exec (dst, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
                "PRAGMA temp_store=MEMORY; PRAGMA cache_size=-16384;", NULL, NULL, NULL);
  start = g_get_monotonic_time ();
  *cpu = cpu_seconds ();
  sqlite3_exec (dst, "BEGIN", NULL, NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      gint64 t0 = g_get_monotonic_time ();
      double c0 = cpu_seconds ();

      insert_table (dst, &tables[i]);
      if (g_getenv ("BENCH_VERBOSE"))
        g_print ("  plain %s: %u rows, %.0f ms (CPU %.0f ms)\n", tables[i].table, tables[i].rows->len,
                 seconds_since (t0) * 1000, (cpu_seconds () - c0) * 1000);
    }
  sqlite3_exec (dst, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (dst);
  elapsed = seconds_since (start);
  *cpu = cpu_seconds () - *cpu;
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    g_ptr_array_unref (tables[i].rows);
  g_remove (empty);
  return elapsed;
}
