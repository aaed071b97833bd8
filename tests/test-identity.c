/* test-identity.c — passwords, sign-in, lock-out, unlock and password changes over a real store file
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sw-error.h"
#include "sw-password.h"
#include "sw-sign-in.h"
#include "sw-store-credentials.h"
#include "sw-store-meta.h"
#include "sw-store-replica.h"
#include "sw-test-fixture.h"

static SwStaff *
staff (SwFixture  *fx,
       const char *empno)
{
  return sw_store_get_staff (fx->store, empno);
}

/* A01 (administrator) gets "admin-pass" from the operator; R01 gets
 * "r01-pass" from A01 (one-time) and changes it to "r01-new". */
static void
give_passwords (SwFixture *fx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwStaff) admin = staff (fx, "A01");
  guint delay = 0;

  g_assert_true (sw_set_password (fx->store, NULL, "A01", "admin-pass", &error));
  g_assert_no_error (error);
  g_assert_true (sw_set_password (fx->store, admin, "R01", "r01-pass", &error));
  g_assert_true (sw_change_password (fx->store, "R01", "r01-pass", "r01-new", &delay, &error));
  g_assert_no_error (error);
}

static SwStaff *
try_sign_in (SwFixture   *fx,
             const char  *empno,
             const char  *password,
             int          expected_code,
             guint       *delay)
{
  g_autoptr(GError) error = NULL;
  gboolean must_change = TRUE;
  guint d = 99;
  SwStaff *s = sw_sign_in (fx->store, empno, password, &must_change, &d, &error);

  if (expected_code < 0)
    {
      g_assert_no_error (error);
      g_assert_nonnull (s);
    }
  else
    {
      g_assert_error (error, SW_ERROR, expected_code);
      g_assert_null (s);
    }
  if (delay)
    *delay = d;
  return s;
}

static void
test_hash_verify (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = sw_password_hash ("correct horse", &error);
  g_autofree char *other = sw_password_hash ("correct horse", NULL);
  g_autofree char *longest = g_strnfill (SW_PASSWORD_MAX_BYTES, 'x');
  g_autofree char *too_long = g_strnfill (SW_PASSWORD_MAX_BYTES + 1, 'x');

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (hash, "$argon2id$"));
  g_assert_null (strstr (hash, "correct horse"));
  g_assert_cmpstr (hash, !=, other);   /* salted */
  g_assert_true (sw_password_verify (hash, "correct horse"));
  g_assert_false (sw_password_verify (hash, "correct hors"));
  g_assert_false (sw_password_verify (hash, ""));
  g_assert_false (sw_password_verify (NULL, "correct horse"));
  g_assert_false (sw_password_verify ("garbage", "correct horse"));
  g_assert_false (sw_password_needs_rehash (hash));

  g_assert_true (sw_password_check (longest, NULL));
  g_assert_false (sw_password_check (too_long, &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sw_password_check ("", &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (sw_password_hash (too_long, &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
}

static void
test_sign_in_outcomes (SwFixture     *fx,
                       gconstpointer  data)
{
  g_autoptr(SwStaff) r01 = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) unknown = NULL;
  g_autoptr(GError) wrong = NULL;
  gboolean must_change;
  guint delay;

  give_passwords (fx);
  r01 = try_sign_in (fx, "R01", "r01-new", -1, NULL);
  g_assert_cmpstr (sw_staff_get_empno (r01), ==, "R01");

  /* unknown and wrong: distinct codes, the same words */
  g_assert_null (sw_sign_in (fx->store, "NOBODY", "r01-new", &must_change, &delay, &unknown));
  g_assert_null (sw_sign_in (fx->store, "R01", "nope", &must_change, &delay, &wrong));
  g_assert_error (unknown, SW_ERROR, SW_ERROR_UNKNOWN_PERSON);
  g_assert_error (wrong, SW_ERROR, SW_ERROR_WRONG_PASSWORD);
  g_assert_cmpstr (unknown->message, ==, wrong->message);

  /* no password set; deactivated (R08) even with a password */
  g_clear_object (&r01);
  try_sign_in (fx, "R02", "anything", SW_ERROR_NO_PASSWORD, NULL);
  g_assert_true (sw_set_password (fx->store, NULL, "R08", "r08-pass", &error));
  try_sign_in (fx, "R08", "r08-pass", SW_ERROR_INACTIVE, NULL);
  /* an empty or too long password is refused, not counted */
  try_sign_in (fx, "R01", "", SW_ERROR_INVALID, NULL);
  g_assert_cmpint (sw_store_get_sign_in_failures (fx->store, "R01", 0), ==, 0);
}

static void
test_lock_after_five (SwFixture     *fx,
                      gconstpointer  data)
{
  g_autoptr(SwStaff) admin = NULL;
  g_autoptr(SwStaff) r01 = staff (fx, "R01");
  g_autoptr(SwStaff) s = NULL;
  g_autoptr(GError) error = NULL;
  static const guint delays[] = { 0, 1, 2, 4 };
  g_autofree char *locked = NULL;
  guint delay;

  give_passwords (fx);
  for (guint i = 0; i < 4; i++)
    {
      try_sign_in (fx, "R01", "wrong", SW_ERROR_WRONG_PASSWORD, &delay);
      g_assert_cmpuint (delay, ==, delays[i]);
    }
  /* a right one in between starts the count again */
  g_clear_object (&s);
  s = try_sign_in (fx, "R01", "r01-new", -1, NULL);
  for (guint i = 0; i < 4; i++)
    try_sign_in (fx, "R01", "wrong", SW_ERROR_WRONG_PASSWORD, NULL);
  try_sign_in (fx, "R01", "wrong", SW_ERROR_LOCKED, &delay);
  g_assert_cmpuint (delay, ==, 8);
  /* the right password no longer helps, nor does time, forwards or back */
  try_sign_in (fx, "R01", "r01-new", SW_ERROR_LOCKED, NULL);
  sw_store_set_now (fx->store, sw_test_time ("2027-06-01T10:00"));
  try_sign_in (fx, "R01", "r01-new", SW_ERROR_LOCKED, NULL);
  sw_store_set_now (fx->store, sw_test_time ("2020-01-01T10:00"));
  try_sign_in (fx, "R01", "r01-new", SW_ERROR_LOCKED, NULL);
  locked = sw_test_query_text (fx->path, "SELECT locked FROM staff_credentials WHERE empno = 'R01'");
  g_assert_cmpstr (locked, ==, "1");

  /* only an administrator unlocks */
  g_assert_false (sw_unlock (fx->store, r01, "R01", &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_FORBIDDEN);
  g_clear_error (&error);
  try_sign_in (fx, "R01", "r01-new", SW_ERROR_LOCKED, NULL);
  admin = try_sign_in (fx, "A01", "admin-pass", -1, NULL);
  g_assert_true (sw_unlock (fx->store, admin, "R01", &error));
  g_assert_no_error (error);
  g_clear_object (&s);
  s = try_sign_in (fx, "R01", "r01-new", -1, NULL);
  /* and the count starts from nothing */
  try_sign_in (fx, "R01", "wrong", SW_ERROR_WRONG_PASSWORD, &delay);
  g_assert_cmpuint (delay, ==, 0);
}

static void
test_lock_policy (SwFixture     *fx,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  give_passwords (fx);
  g_assert_cmpint (sw_store_set_policy_value (fx->store, "signin.max_failures", "2", "A01", &error), >, 0);
  g_assert_no_error (error);
  try_sign_in (fx, "R01", "wrong", SW_ERROR_WRONG_PASSWORD, NULL);
  try_sign_in (fx, "R01", "wrong", SW_ERROR_LOCKED, NULL);
}

static void
test_one_time (SwFixture     *fx,
               gconstpointer  data)
{
  g_autoptr(SwStaff) admin = NULL;
  g_autoptr(SwStaff) r02 = staff (fx, "R02");
  g_autoptr(SwStaff) s = NULL;
  g_autoptr(GError) error = NULL;
  gboolean must_change = FALSE;
  guint delay;

  give_passwords (fx);
  admin = staff (fx, "A01");
  /* a non-administrator sets nobody's password */
  g_assert_false (sw_set_password (fx->store, r02, "R03", "xyz", &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_false (sw_set_password (fx->store, admin, "NOBODY", "xyz", &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (sw_set_password (fx->store, admin, "R02", "first-day", &error));
  s = sw_sign_in (fx->store, "R02", "first-day", &must_change, &delay, &error);
  g_assert_nonnull (s);
  g_assert_true (must_change);
  g_clear_object (&s);

  /* changing needs the current one; a wrong one counts */
  g_assert_false (sw_change_password (fx->store, "R02", "wrong", "mine", &delay, &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_WRONG_PASSWORD);
  g_clear_error (&error);
  g_assert_false (sw_change_password (fx->store, "R02", "first-day", "", &delay, &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sw_change_password (fx->store, "R02", "first-day", "mine", &delay, &error));
  g_assert_no_error (error);
  try_sign_in (fx, "R02", "first-day", SW_ERROR_WRONG_PASSWORD, NULL);
  s = sw_sign_in (fx->store, "R02", "mine", &must_change, &delay, &error);
  g_assert_nonnull (s);
  g_assert_false (must_change);
}

static void
test_first_run (SwFixture     *fx,
                gconstpointer  data)
{
  g_assert_false (sw_has_administrator (fx->store));
  g_assert_true (sw_set_password (fx->store, NULL, "R01", "r01-pass", NULL));
  g_assert_false (sw_has_administrator (fx->store));
  g_assert_true (sw_set_password (fx->store, NULL, "A01", "admin-pass", NULL));
  g_assert_true (sw_has_administrator (fx->store));
}

/* The credential is a directory row: it goes out with the directory's
 * edits, and a directory from the server without hashes erases none. */
static void
test_travels (SwFixture     *fx,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(JsonNode) dir = NULL;
  g_autoptr(JsonNode) hashless = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *after = NULL;
  g_autoptr(SwStaff) r01 = NULL;
  gboolean found = FALSE;

  give_passwords (fx);
  pending = sw_store_directory_outbox (fx->store, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < pending->len; i++)
    {
      SwDirectoryChange *c = g_ptr_array_index (pending, i);

      if (g_strcmp0 (c->table, "staff_credentials") == 0 && g_strcmp0 (c->key, "R01") == 0)
        {
          const char *h = json_object_get_string_member (json_node_get_object (c->row), "hash");
          g_assert_true (g_str_has_prefix (h, "$argon2id$"));
          /* the one-time password by A01, then R01's own */
          g_assert_cmpstr (c->actor, ==, found ? "R01" : "A01");
          found = TRUE;
        }
      /* the server has them: what it sends back is what counts */
      g_assert_true (sw_store_directory_mark (fx->store, c->seq, NULL, NULL, &error));
    }
  g_assert_true (found);

  dir = sw_store_export_directory (fx->store, &error);
  g_assert_no_error (error);
  g_assert_true (json_object_has_member (json_node_get_object (dir), "staff_credentials"));

  /* a directory without the table, and one whose rows have no hash */
  hashless = json_from_string ("{\"staff_credentials\": [{\"empno\": \"R01\", \"hash\": null,"
                               " \"one_time\": 0, \"locked\": 0}]}", NULL);
  hash = sw_test_query_text (fx->path, "SELECT hash FROM staff_credentials WHERE empno = 'R01'");
  g_assert_true (sw_store_import_directory (fx->store, hashless, TRUE, &error));
  g_assert_no_error (error);
  json_object_remove_member (json_node_get_object (dir), "staff_credentials");
  g_assert_true (sw_store_import_directory (fx->store, dir, TRUE, &error));
  g_assert_no_error (error);
  after = sw_test_query_text (fx->path, "SELECT hash FROM staff_credentials WHERE empno = 'R01'");
  g_assert_cmpstr (after, ==, hash);
  g_clear_object (&fx->store);
  fx->store = sw_store_open (fx->path, &error);
  g_assert_no_error (error);
  r01 = try_sign_in (fx, "R01", "r01-new", -1, NULL);
}

static char *
stored_hash (SwFixture  *fx,
             const char *empno)
{
  g_autoptr(SwCredential) c = sw_store_get_credential (fx->store, empno, NULL);

  return g_strdup (c->hash);
}

/* A hash made with weaker costs is made again at the next sign-in; a demo
 * database keeps the cheap hash of its public password. */
static void
test_rehash (SwFixture     *fx,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cheap = sw_password_hash_demo ("pass-word", &error);
  g_autofree char *after = NULL;
  g_autofree char *demo_after = NULL;
  const char *const who[] = { "A01", NULL };

  g_setenv ("SHOUWEN_PASSWORD_COSTS", "full", TRUE);   /* a test build hashes cheaply otherwise */
  g_assert_no_error (error);
  g_assert_true (sw_password_needs_rehash (cheap));
  g_assert_true (sw_set_password_hash_all (fx->store, who, cheap, &error));
  g_assert_no_error (error);
  {
    g_autoptr(SwStaff) a = try_sign_in (fx, "A01", "pass-word", -1, NULL);
  }
  after = stored_hash (fx, "A01");
  g_assert_false (sw_password_needs_rehash (after));
  g_assert_true (sw_password_verify (after, "pass-word"));

  g_assert_true (sw_set_password_hash_all (fx->store, who, cheap, &error));
  g_assert_true (sw_store_set_meta (fx->store, SW_META_DEMO, "1", &error));
  g_assert_no_error (error);
  {
    g_autoptr(SwStaff) a = try_sign_in (fx, "A01", "pass-word", -1, NULL);
  }
  demo_after = stored_hash (fx, "A01");
  g_assert_cmpstr (demo_after, ==, cheap);
  g_unsetenv ("SHOUWEN_PASSWORD_COSTS");
}

/* The fastest of three sign-ins of `empno` with a wrong password, in µs. */
static gint64
fastest_refusal (SwFixture  *fx,
                 const char *empno)
{
  gint64 best = G_MAXINT64;

  for (int i = 0; i < 3; i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean must_change;
      guint delay;
      gint64 t0 = g_get_monotonic_time ();

      g_assert_null (sw_sign_in (fx->store, empno, "not-it", &must_change, &delay, &error));
      g_assert_nonnull (error);
      best = MIN (best, g_get_monotonic_time () - t0);
    }
  return best;
}

/* An unknown employee number costs a hash check as a wrong password does:
 * timing does not tell which numbers exist (a dummy hash of the same
 * costs). */
static void
test_unknown_timing (SwFixture     *fx,
                     gconstpointer  data)
{
  gint64 wrong, unknown;

  give_passwords (fx);
  wrong = fastest_refusal (fx, "R01");
  unknown = fastest_refusal (fx, "NOBODY");
  g_test_message ("wrong password %" G_GINT64_FORMAT " µs, unknown number %" G_GINT64_FORMAT " µs",
                  wrong, unknown);
  g_assert_cmpint (unknown * 2, >, wrong);
  g_assert_cmpint (wrong * 2, >, unknown);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/identity/hash-verify", test_hash_verify);
#define ADD(path, fn) g_test_add ("/identity/" path, SwFixture, NULL, sw_fixture_setup, fn, sw_fixture_teardown)
  ADD ("sign-in-outcomes", test_sign_in_outcomes);
  ADD ("lock-after-five", test_lock_after_five);
  ADD ("lock-policy", test_lock_policy);
  ADD ("one-time", test_one_time);
  ADD ("first-run", test_first_run);
  ADD ("travels", test_travels);
  ADD ("rehash", test_rehash);
  ADD ("unknown-timing", test_unknown_timing);
  return g_test_run ();
}
