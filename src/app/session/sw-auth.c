/* sw-auth.c — the core's sign-in, password changes and unlocking, called from the app in a thread
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sw-auth.h"
#include "sw-background-task.h"
#include "sw-error.h"
#include "sw-password.h"
#include "sw-setup.h"
#include "sw-sign-in.h"
#include "sw-store-credentials.h"
#include "sw-store-meta.h"

typedef enum { JOB_SIGN_IN, JOB_CHANGE, JOB_SET, JOB_SETUP } JobKind;

typedef struct {
  JobKind  kind;
  char    *actor;
  char    *empno;
  char    *current;
  char    *password;
  char    *branch_code;
  char    *branch_name;
} Job;

static void
wipe (char *secret)
{
  if (secret != NULL)
    memset (secret, 0, strlen (secret));
  g_free (secret);
}

static void
job_free (Job *job)
{
  g_free (job->actor);
  g_free (job->empno);
  g_free (job->branch_code);
  g_free (job->branch_name);
  wipe (job->current);
  wipe (job->password);
  g_free (job);
}

void
sw_auth_attempt_free (SwAuthAttempt *attempt)
{
  if (attempt == NULL)
    return;
  g_clear_object (&attempt->staff);
  g_clear_error (&attempt->error);
  g_free (attempt);
}

static gpointer
run_job (SwStore       *store,
         gpointer       data,
         GCancellable  *cancellable,
         GError       **error)
{
  Job *job = data;
  SwAuthAttempt *attempt = g_new0 (SwAuthAttempt, 1);
  g_autoptr(SwStaff) actor = NULL;

  switch (job->kind)
    {
    case JOB_SIGN_IN:
      attempt->staff = sw_sign_in (store, job->empno, job->password, &attempt->must_change,
                                   &attempt->delay_s, &attempt->error);
      break;
    case JOB_CHANGE:
      if (sw_change_password (store, job->empno, job->current, job->password, &attempt->delay_s,
                              &attempt->error))
        attempt->staff = sw_store_get_staff (store, job->empno);
      break;
    case JOB_SET:
      /* A NULL actor is the machine's operator: never by accident. */
      if (job->actor != NULL && (actor = sw_store_get_staff (store, job->actor)) == NULL)
        break;
      if (sw_set_password (store, actor, job->empno, job->password, &attempt->error))
        attempt->staff = sw_store_get_staff (store, job->empno);
      break;
    case JOB_SETUP:
      if (sw_setup_database (store, job->branch_code, job->branch_name, job->password, NULL,
                             &attempt->error))
        attempt->staff = sw_store_get_staff (store, SW_ADMIN_EMPNO);
      break;
    }
  if (attempt->staff == NULL && attempt->error == NULL)
    g_set_error_literal (&attempt->error, SW_ERROR, SW_ERROR_NOT_FOUND, _("No such person in the directory"));
  return attempt;
}

static void
start (SwStore             *store,
       Job                 *job,
       GCancellable        *cancellable,
       GAsyncReadyCallback  callback,
       gpointer             user_data)
{
  sw_background_task_run (store, NULL, run_job, job, (GDestroyNotify) job_free,
                          (GDestroyNotify) sw_auth_attempt_free, cancellable, callback, user_data);
}

void
sw_auth_sign_in_async (SwStore             *store,
                       const char          *empno,
                       const char          *password,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  Job *job = g_new0 (Job, 1);

  job->kind = JOB_SIGN_IN;
  job->empno = g_strdup (empno);
  job->password = g_strdup (password);
  start (store, job, cancellable, callback, user_data);
}

void
sw_auth_change_async (SwStore             *store,
                      const char          *empno,
                      const char          *current,
                      const char          *password,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  Job *job = g_new0 (Job, 1);

  job->kind = JOB_CHANGE;
  job->empno = g_strdup (empno);
  job->current = g_strdup (current);
  job->password = g_strdup (password);
  start (store, job, cancellable, callback, user_data);
}

void
sw_auth_set_async (SwStore             *store,
                   const char          *actor,
                   const char          *empno,
                   const char          *password,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  Job *job = g_new0 (Job, 1);

  job->kind = JOB_SET;
  job->actor = g_strdup (actor);
  job->empno = g_strdup (empno);
  job->password = g_strdup (password);
  start (store, job, cancellable, callback, user_data);
}

void
sw_auth_setup_async (SwStore             *store,
                     const char          *branch_code,
                     const char          *branch_name,
                     const char          *password,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  Job *job = g_new0 (Job, 1);

  job->kind = JOB_SETUP;
  job->branch_code = g_strdup (branch_code);
  job->branch_name = g_strdup (branch_name);
  job->password = g_strdup (password);
  start (store, job, cancellable, callback, user_data);
}

gboolean
sw_auth_is_new_database (SwStore *store)
{
  g_autofree char *home = sw_store_get_home_branch (store);

  return home == NULL;
}

SwAuthAttempt *
sw_auth_finish (GAsyncResult *result)
{
  GError *error = NULL;
  SwAuthAttempt *attempt = sw_background_task_finish (result, &error);

  if (attempt == NULL)
    {
      /* The thread could not open the store, or was cancelled. */
      attempt = g_new0 (SwAuthAttempt, 1);
      attempt->error = error;
    }
  return attempt;
}

gboolean
sw_auth_unlock (SwStore     *store,
                SwStaff     *actor,
                const char  *empno,
                GError     **error)
{
  return sw_unlock (store, actor, empno, error);
}

gboolean
sw_auth_is_locked (SwStore    *store,
                   const char *empno)
{
  g_autoptr(SwCredential) c = sw_store_get_credential (store, empno, NULL);

  return c != NULL && c->locked;
}

gboolean
sw_auth_needs_administrator (SwStore *store)
{
  return !sw_has_administrator (store);
}

SwStaff *
sw_auth_first_administrator (SwStore *store)
{
  g_autoptr(GListModel) staff = sw_store_list_staff (store);

  for (guint i = 0, n = g_list_model_get_n_items (staff); i < n; i++)
    {
      g_autoptr(SwStaff) s = g_list_model_get_item (staff, i);

      if (sw_staff_get_active (s) && sw_staff_get_role (s) == SW_ROLE_ADMIN)
        return g_steal_pointer (&s);
    }
  return NULL;
}

gboolean
sw_auth_is_demo (SwStore *store)
{
  g_autofree char *demo = sw_store_get_meta (store, SW_META_DEMO);

  return g_strcmp0 (demo, "1") == 0;
}

const char *
sw_auth_demo_password (void)
{
  return SW_DEMO_PASSWORD;
}

gboolean
sw_auth_check_new (const char  *password,
                   GError     **error)
{
  return sw_password_check (password, error);
}
