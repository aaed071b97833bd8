/* sw-store-credentials.h — the store's side of sign-in: a person's password
 * hash, one-time flag and lock (a directory table that travels), and the
 * wrong passwords counted on this device. The rules are in
 * core/identity/sw-sign-in.c; these only read and write.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-store.h"

G_BEGIN_DECLS

typedef struct {
  char     *hash;         /* crypto_pwhash_str's text, NULL when none is set */
  gboolean  one_time;     /* set by an administrator: change it at sign-in */
  gboolean  locked;       /* until an administrator unlocks it */
  gint64    updated_at;   /* the last change (ms), on the store's clock */
} SwCredential;

void          sw_credential_free              (SwCredential  *c);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SwCredential, sw_credential_free)

/* NULL with no error when the person has no credential row. */
SwCredential *sw_store_get_credential         (SwStore       *self,
                                               const char    *empno,
                                               GError       **error);
/* Writes the whole row (a directory edit by `actor`, stamped now). */
gboolean      sw_store_put_credential         (SwStore       *self,
                                               const char    *empno,
                                               const SwCredential *c,
                                               const char    *actor,
                                               GError       **error);
/* Wrong passwords in a row on this device since the credential's change
 * `since` (its updated_at); an older count counts as none. */
int           sw_store_get_sign_in_failures   (SwStore       *self,
                                               const char    *empno,
                                               gint64         since);
/* Counts one more and returns the new count (0 on error). */
int           sw_store_add_sign_in_failure    (SwStore       *self,
                                               const char    *empno,
                                               gint64         since,
                                               GError       **error);
gboolean      sw_store_clear_sign_in_failures (SwStore       *self,
                                               const char    *empno,
                                               GError       **error);
/* Is there an active administrator with a password (else a new database
 * asks for one)? */
gboolean      sw_store_has_admin_password     (SwStore       *self);

G_END_DECLS
