/* test-blob-sweep.c — /blobs: a device's files swept without losing one a case holds (issue 17)
 *
 * The sweep takes temporary files and files no case holds once they are an
 * hour old; a partial download stays while a case holds its file (the
 * download goes on from it, however long a branch stays offline). And a
 * file another process is attaching again, under its write transaction, is
 * never swept from under it: the sweep decides under the write lock, so it
 * sees the reference once that commits.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <utime.h>

#include "sw-ops.h"
#include "sw-store-attachments.h"
#include "sw-test-fixture.h"

#define DATA "%PDF-1.4\n客户来信扫描件\n%%EOF\n"
#define OTHER "%PDF-1.4\n另一份材料\n%%EOF\n"

static char *
sha256 (const char *text)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}

/* Writes `text` to `path` and makes it two hours old. */
static void
write_old (const char *path,
           const char *text)
{
  g_autofree char *dir = g_path_get_dirname (path);
  struct utimbuf old;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  old.actime = old.modtime = g_get_real_time () / G_USEC_PER_SEC - 2 * 3600;
  g_assert_cmpint (utime (path, &old), ==, 0);
}

static char *
attach (SwFixture  *fx,
        SwStore    *store,
        const char *text)
{
  g_autoptr(SwCase) c = sw_fixture_register (fx, "R01", FALSE);
  g_autofree char *file = g_build_filename (fx->dir, "letter.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) done = NULL;
  char *hash = NULL;

  g_assert_true (g_file_set_contents (file, text, -1, NULL));
  done = sw_ops_attach (store, "R01", sw_case_get_id (c), file, "来信.pdf", &hash, &error);
  g_assert_no_error (error);
  return hash;
}

static void
test_partial_kept (SwFixture     *fx,
                   gconstpointer  data)
{
  g_autofree char *held = attach (fx, fx->store, DATA);
  g_autofree char *loose = sha256 (OTHER);
  g_autofree char *held_part = sw_store_blob_partial_path (fx->store, held);
  g_autofree char *loose_part = sw_store_blob_partial_path (fx->store, loose);
  g_autofree char *loose_blob = sw_store_blob_path (fx->store, loose);
  g_autofree char *dir = sw_store_blob_dir (fx->store);
  g_autofree char *put = g_build_filename (dir, "tmp", "put-ABC123", NULL);
  g_autofree char *held_blob = sw_store_blob_path (fx->store, held);

  write_old (held_part, "%PDF-1.4\n");   /* a download of a held file, cut off */
  write_old (loose_part, "%PDF-1.4\n");  /* of a file no case holds any longer */
  write_old (loose_blob, OTHER);         /* a file no case holds */
  write_old (put, "half an attach");     /* what a crash left */
  g_assert_cmpuint (sw_store_sweep_blobs (fx->store, SW_STORE_BLOB_SWEEP_AGE_S), ==, 3);
  g_assert_true (g_file_test (held_part, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (held_blob, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (loose_part, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (loose_blob, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (put, G_FILE_TEST_EXISTS));
  /* nothing young is touched */
  g_assert_true (g_file_set_contents (loose_part, "%PDF", -1, NULL));
  g_assert_cmpuint (sw_store_sweep_blobs (fx->store, SW_STORE_BLOB_SWEEP_AGE_S), ==, 0);
}

static gpointer
sweep_thread (gpointer data)
{
  return GUINT_TO_POINTER (sw_store_sweep_blobs (data, SW_STORE_BLOB_SWEEP_AGE_S));
}

/* A file no case holds, an hour old, is attached again by one process while
 * another sweeps: the sweep waits for the attach's commit and keeps it. */
static void
test_attach_during_sweep (SwFixture     *fx,
                          gconstpointer  data)
{
  g_autofree char *hash = sha256 (DATA);
  g_autofree char *blob = sw_store_blob_path (fx->store, hash);
  g_autoptr(GError) error = NULL;
  g_autoptr(SwStore) sweeper = NULL;
  g_autofree char *again = NULL;
  GThread *thread;

  write_old (blob, DATA);
  sweeper = sw_store_open (fx->path, &error);
  g_assert_no_error (error);
  /* the attach, inside its write transaction: the file is there already */
  g_assert_true (sw_store_begin (fx->store, &error));
  again = attach (fx, fx->store, DATA);
  g_assert_cmpstr (again, ==, hash);
  thread = g_thread_new ("sweep", sweep_thread, sweeper);
  g_usleep (300 * 1000);
  g_assert_true (sw_store_commit (fx->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_thread_join (thread)), ==, 0);
  g_assert_true (g_file_test (blob, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/blobs/partial-kept", SwFixture, NULL, sw_fixture_setup, test_partial_kept, sw_fixture_teardown);
  g_test_add ("/blobs/attach-during-sweep", SwFixture, NULL, sw_fixture_setup, test_attach_during_sweep,
              sw_fixture_teardown);
  return g_test_run ();
}
