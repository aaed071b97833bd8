/* sw-password.h — a password's hash (Argon2id, libsodium's crypto_pwhash_str) and the rules for its length
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The longest password taken, in bytes. */
#define SW_PASSWORD_MAX_BYTES 256

/* Is `password` one that may be set or tried: not empty, at most
 * SW_PASSWORD_MAX_BYTES? Sets SW_ERROR_INVALID when not. */
gboolean  sw_password_check        (const char  *password,
                                    GError     **error);
/* crypto_pwhash_str's text (it holds the salt and the costs); NULL with an
 * error for a password sw_password_check refuses or when out of memory. */
char     *sw_password_hash         (const char  *password,
                                    GError     **error);
/* The same with libsodium's least costs, for the public demo password only. */
char     *sw_password_hash_demo    (const char  *password,
                                    GError     **error);
/* Does `password` match `hash`? FALSE for a NULL or malformed hash. */
gboolean  sw_password_verify       (const char  *hash,
                                    const char  *password);
/* Was `hash` made with weaker costs than today's (to be made again at the
 * next sign-in)? */
gboolean  sw_password_needs_rehash (const char  *hash);
/* Costs as much as sw_password_verify() of a wrong password against a
 * hash of today's costs (or the demo's, `demo`), and matches nothing: an
 * unknown employee number is then answered as slowly as a wrong password,
 * so that timing tells neither apart. */
void      sw_password_verify_dummy (const char  *password,
                                    gboolean     demo);

G_END_DECLS
