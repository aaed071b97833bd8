/* sw-setup.h — setting up a new database: its branch, the shipped calendar
 * and the administrator "admin" (shouwenctl init and the app's first run)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-store.h"

G_BEGIN_DECLS

/* The administrator's employee number and the branch a new database is
 * when none is named. */
#define SW_ADMIN_EMPNO           "admin"
#define SW_DEFAULT_BRANCH_CODE   "BJ01"
#define SW_BRANCH_CODE_MAX_CHARS 16

/* Is `code` a branch code a database can be set up with (1 to 16 ASCII
 * letters, digits, '-' or '_')? SW_ERROR_INVALID with a message if not. */
gboolean  sw_setup_check_branch_code (const char  *code,
                                      GError     **error);

/* Sets up the empty database behind `store` as branch `branch_code` (NULL:
 * SW_DEFAULT_BRANCH_CODE) named `branch_name` (NULL: "Head office"): the
 * shipped holiday calendar (`n_calendar_days`), the branch, and the
 * administrator "admin" in a new department OFFICE with `password`, all in
 * one transaction and audited. Checks first and writes nothing on error:
 * SW_ERROR_EXISTS when the database has a branch already, SW_ERROR_INVALID
 * for a bad code or password. Blocking (the password's hash): the app calls
 * it off the main thread. */
gboolean  sw_setup_database          (SwStore     *store,
                                      const char  *branch_code,
                                      const char  *branch_name,
                                      const char  *password,
                                      guint       *n_calendar_days,
                                      GError     **error);

/* Adds the administrator account "admin", in the department of the first
 * administrator there is (a demo's), else in a new department OFFICE of the
 * home branch; with `password` (a lasting one) unless NULL. */
gboolean  sw_setup_add_administrator (SwStore     *store,
                                      const char  *password,
                                      GError     **error);

G_END_DECLS
