/* sw-error.h — the error domain of libshouwen-core
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SW_ERROR (sw_error_quark ())

typedef enum {
  SW_ERROR_INVALID,          /* an input is missing or malformed */
  SW_ERROR_NOT_FOUND,        /* no such case, staff member, department… */
  SW_ERROR_ILLEGAL,          /* the case's state does not allow the operation */
  SW_ERROR_FORBIDDEN,        /* the acting user may not do this */
  SW_ERROR_NO_OWNER,         /* nobody eligible to be first-inquiry person */
  SW_ERROR_DB_CORRUPT,       /* the file is damaged */
  SW_ERROR_DB_FOREIGN,       /* the file is not a Shouwen database */
  SW_ERROR_DB_TOO_NEW,       /* written by a newer Shouwen */
  SW_ERROR_DB,               /* any other SQLite failure */
  SW_ERROR_EXISTS,           /* the thing is there already */
  SW_ERROR_IN_USE,           /* cannot delete: something refers to it */
  SW_ERROR_DB_BUSY,          /* other programs kept the file locked too long */
  /* signing in (core/identity): the messages of UNKNOWN_PERSON and
   * WRONG_PASSWORD are the same words, so as not to tell which it was */
  SW_ERROR_UNKNOWN_PERSON,   /* no such employee number */
  SW_ERROR_WRONG_PASSWORD,   /* the password does not match */
  SW_ERROR_INACTIVE,         /* the person is deactivated */
  SW_ERROR_NO_PASSWORD,      /* no password has been set for the person */
  SW_ERROR_LOCKED,           /* too many wrong passwords: until an administrator unlocks it */
  SW_ERROR_MUST_CHANGE_PASSWORD, /* a one-time password: change it first */
} SwError;

GQuark sw_error_quark (void);

G_END_DECLS
