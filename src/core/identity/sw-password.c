/* sw-password.c — a password's hash (Argon2id, libsodium's crypto_pwhash_str) and the rules for its length
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "sw-error.h"
#include "sw-password.h"

/* about 0.1 s and 64 MiB a hash on an office PC */
#define FULL_OPSLIMIT crypto_pwhash_OPSLIMIT_INTERACTIVE
#define FULL_MEMLIMIT crypto_pwhash_MEMLIMIT_INTERACTIVE

#ifdef SW_TEST_PASSWORD_COSTS
/* The test suite's build (meson option test_password_costs, set by
 * build-aux/test.sh, never by a package) signs in thousands of times: the
 * least costs unless a test asks for the full ones with
 * SHOUWEN_PASSWORD_COSTS=full. */
static gboolean
full_costs (void)
{
  return g_strcmp0 (g_getenv ("SHOUWEN_PASSWORD_COSTS"), "full") == 0;
}
#define OPSLIMIT (full_costs () ? FULL_OPSLIMIT : crypto_pwhash_OPSLIMIT_MIN)
#define MEMLIMIT (full_costs () ? FULL_MEMLIMIT : crypto_pwhash_MEMLIMIT_MIN)
#else
#define OPSLIMIT FULL_OPSLIMIT
#define MEMLIMIT FULL_MEMLIMIT
#endif

gboolean
sw_password_check (const char  *password,
                   GError     **error)
{
  if (password == NULL || *password == '\0')
    {
      g_set_error_literal (error, SW_ERROR, SW_ERROR_INVALID, _("The password is empty"));
      return FALSE;
    }
  if (strlen (password) > SW_PASSWORD_MAX_BYTES)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INVALID,
                   _("The password is too long (at most %d bytes)"), SW_PASSWORD_MAX_BYTES);
      return FALSE;
    }
  return TRUE;
}

static char *
hash_with (const char          *password,
           unsigned long long   opslimit,
           size_t               memlimit,
           GError             **error)
{
  char hash[crypto_pwhash_STRBYTES];

  if (!sw_password_check (password, error))
    return NULL;
  if (sodium_init () < 0 ||
      crypto_pwhash_str (hash, password, strlen (password), opslimit, memlimit) != 0)
    {
      g_set_error_literal (error, SW_ERROR, SW_ERROR_DB, _("Out of memory while hashing the password"));
      return NULL;
    }
  return g_strdup (hash);
}

char *
sw_password_hash (const char  *password,
                  GError     **error)
{
  return hash_with (password, OPSLIMIT, MEMLIMIT, error);
}

/* The demo password is printed on the demo's sign-in window: a costly hash
 * of it protects nothing, and the cheapest one keeps scripts and tests that
 * sign in again and again fast. A person who sets a password of their own
 * gets the full cost (sw_password_hash). */
char *
sw_password_hash_demo (const char  *password,
                       GError     **error)
{
  return hash_with (password, crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN, error);
}

gboolean
sw_password_verify (const char *hash,
                    const char *password)
{
  if (hash == NULL || password == NULL || strlen (password) > SW_PASSWORD_MAX_BYTES ||
      strlen (hash) >= crypto_pwhash_STRBYTES || sodium_init () < 0)
    return FALSE;
  return crypto_pwhash_str_verify (hash, password, strlen (password)) == 0;
}

gboolean
sw_password_needs_rehash (const char *hash)
{
  if (hash == NULL || strlen (hash) >= crypto_pwhash_STRBYTES || sodium_init () < 0)
    return FALSE;
  return crypto_pwhash_str_needs_rehash (hash, OPSLIMIT, MEMLIMIT) != 0;
}

/* Hashes of a random password nobody knows (thrown away), made with the
 * costs of sw_password_hash() and of sw_password_hash_demo(). */
#define DUMMY_HASH "$argon2id$v=19$m=65536,t=2,p=1$L+evTcV5vikcBNBef6Zsqw$A9Xj+7/SLDNJo/B9hqHLcPOWNHyNSG+CYUFJ5LKjQ7s"
#define DUMMY_HASH_DEMO "$argon2id$v=19$m=8,t=1,p=1$2WfEgpcIoxIK0QyXTcDqpw$8dKbJ03yKUhfayqy6XWrs1rIJzkCEQ2iK23xLqDoyBo"

void
sw_password_verify_dummy (const char *password,
                          gboolean    demo)
{
  G_STATIC_ASSERT (sizeof DUMMY_HASH <= crypto_pwhash_STRBYTES);
  (void) sw_password_verify (demo || OPSLIMIT == crypto_pwhash_OPSLIMIT_MIN ? DUMMY_HASH_DEMO : DUMMY_HASH,
                             password ? password : "");
}
