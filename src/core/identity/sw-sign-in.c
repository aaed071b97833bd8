/* sw-sign-in.c — signing in, lock-out after wrong passwords, setting and changing passwords, unlocking
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-access.h"
#include "sw-error.h"
#include "sw-password.h"
#include "sw-sign-in.h"
#include "sw-store-audit.h"
#include "sw-audit-entry.h"
#include "sw-store-credentials.h"
#include "sw-store-meta.h"

#define MAX_DELAY_S 8

guint
sw_sign_in_delay (int failures)
{
  if (failures <= 1)
    return 0;
  return failures - 2 >= 3 ? MAX_DELAY_S : MIN (1u << (failures - 2), MAX_DELAY_S);
}

static gboolean
is_demo (SwStore *store)
{
  g_autofree char *demo = sw_store_get_meta (store, SW_META_DEMO);

  return g_strcmp0 (demo, "1") == 0;
}

static int
max_failures (SwStore *store)
{
  g_autoptr(SwPolicy) policy = sw_store_get_policy (store, 0, NULL);
  int n = policy ? sw_policy_get_int (policy, "signin.max_failures") : 0;

  return n > 0 ? n : 5;
}

static gboolean
wrong (GError     **error,
       int          code)
{
  /* the same words for an unknown person and a wrong password */
  g_set_error_literal (error, SW_ERROR, code, _("The employee number or the password is wrong"));
  return FALSE;
}

static gboolean
locked (GError **error)
{
  g_set_error_literal (error, SW_ERROR, SW_ERROR_LOCKED,
                       _("This account is locked after too many wrong passwords; an administrator must unlock it"));
  return FALSE;
}

/* One more wrong password for `empno`, in its own transaction; locks the
 * account at the policy's limit. */
static gboolean
count_failure (SwStore      *store,
               const char   *empno,
               SwCredential *cred,
               guint        *delay_s,
               GError      **error)
{
  g_autoptr(GError) local = NULL;
  int n;

  if (!sw_store_begin (store, &local) ||
      (n = sw_store_add_sign_in_failure (store, empno, cred->updated_at, &local)) == 0 ||
      !sw_store_audit (store, NULL, SW_AUDIT_SIGN_IN_FAILED, SW_AUDIT_SUBJECT_STAFF, empno, NULL, &local))
    goto fail;
  *delay_s = sw_sign_in_delay (n);
  if (n >= max_failures (store))
    {
      g_autofree char *args = g_strdup_printf ("{\"failures\":%d}", n);

      cred->locked = TRUE;
      if (!sw_store_put_credential (store, empno, cred, NULL, &local) ||
          !sw_store_audit (store, NULL, SW_AUDIT_ACCOUNT_LOCKED, SW_AUDIT_SUBJECT_STAFF, empno, args, &local))
        goto fail;
    }
  if (!sw_store_commit (store, &local))
    goto fail;
  return cred->locked ? locked (error) : wrong (error, SW_ERROR_WRONG_PASSWORD);

fail:
  sw_store_rollback (store);
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

/* Checks everything sw_sign_in checks; returns the person and their
 * credential. */
static SwStaff *
check (SwStore       *store,
       const char    *empno,
       const char    *password,
       SwCredential **cred_out,
       guint         *delay_s,
       GError       **error)
{
  g_autoptr(SwStaff) staff = NULL;
  g_autoptr(SwCredential) cred = NULL;
  g_autoptr(GError) local = NULL;

  *delay_s = 0;
  if (!sw_password_check (password, error))
    return NULL;
  staff = empno ? sw_store_get_staff (store, empno) : NULL;
  if (staff == NULL)
    {
      /* as long as a wrong password takes: timing tells no number apart */
      sw_password_verify_dummy (password, is_demo (store));
      /* the attempt is recorded; a failure to record it changes no answer */
      if (empno != NULL && *empno != '\0')
        sw_store_audit (store, NULL, SW_AUDIT_SIGN_IN_FAILED, SW_AUDIT_SUBJECT_STAFF, empno,
                        "{\"unknown\":true}", NULL);
      return wrong (error, SW_ERROR_UNKNOWN_PERSON), NULL;
    }
  if (!sw_staff_get_active (staff))
    {
      g_set_error (error, SW_ERROR, SW_ERROR_INACTIVE,
                   _("The account of %s is deactivated; ask an administrator"), empno);
      return NULL;
    }
  cred = sw_store_get_credential (store, empno, &local);
  if (local != NULL)
    return g_propagate_error (error, g_steal_pointer (&local)), NULL;
  if (cred == NULL || cred->hash == NULL)
    {
      sw_password_verify_dummy (password, is_demo (store));
      g_set_error (error, SW_ERROR, SW_ERROR_NO_PASSWORD,
                   _("No password has been set for %s; ask an administrator to set one"), empno);
      return NULL;
    }
  if (cred->locked)
    return locked (error), NULL;
  if (!sw_password_verify (cred->hash, password))
    return count_failure (store, empno, cred, delay_s, error), NULL;
  *cred_out = g_steal_pointer (&cred);
  return g_steal_pointer (&staff);
}

SwStaff *
sw_sign_in (SwStore     *store,
            const char  *empno,
            const char  *password,
            gboolean    *must_change,
            guint       *delay_s,
            GError     **error)
{
  g_autoptr(SwCredential) cred = NULL;
  g_autoptr(SwStaff) staff = NULL;
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (SW_IS_STORE (store), NULL);
  *must_change = FALSE;
  staff = check (store, empno, password, &cred, delay_s, error);
  if (staff == NULL)
    return NULL;
  /* every sign-in is recorded; the count of wrong passwords starts again */
  if (!sw_store_begin (store, &local) ||
      !sw_store_clear_sign_in_failures (store, empno, &local) ||
      !sw_store_audit (store, empno, SW_AUDIT_SIGN_IN, SW_AUDIT_SUBJECT_STAFF, empno, NULL, &local))
    goto fail;
  /* a demo database keeps the cheap hash of its public password */
  if (sw_password_needs_rehash (cred->hash) && !is_demo (store))
    {
      g_free (cred->hash);
      if ((cred->hash = sw_password_hash (password, &local)) == NULL ||
          !sw_store_put_credential (store, empno, cred, empno, &local))
        goto fail;
    }
  if (!sw_store_commit (store, &local))
    goto fail;
  *must_change = cred->one_time;
  return g_steal_pointer (&staff);

fail:
  sw_store_rollback (store);
  g_propagate_error (error, g_steal_pointer (&local));
  return NULL;
}

/* Writes `cred` for `empno` as `actor`, clearing this device's count. */
static gboolean
put (SwStore      *store,
     const char   *empno,
     SwCredential *cred,
     const char   *actor,
     const char   *audit_code,
     GError      **error)
{
  g_autofree char *args = g_strdup_printf ("{\"one_time\":%s}", cred->one_time ? "true" : "false");

  if (!sw_store_begin (store, error))
    return FALSE;
  if (!sw_store_put_credential (store, empno, cred, actor, error) ||
      !sw_store_clear_sign_in_failures (store, empno, error) ||
      !sw_store_audit (store, actor, audit_code, SW_AUDIT_SUBJECT_STAFF, empno,
                       g_strcmp0 (audit_code, SW_AUDIT_PASSWORD_CHANGED) == 0 ? args : NULL, error) ||
      !sw_store_commit (store, error))
    {
      sw_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

static SwCredential *
credential_or_new (SwStore     *store,
                   const char  *empno,
                   GError     **error)
{
  g_autoptr(GError) local = NULL;
  SwCredential *cred = sw_store_get_credential (store, empno, &local);

  if (local != NULL)
    return g_propagate_error (error, g_steal_pointer (&local)), NULL;
  return cred ? cred : g_new0 (SwCredential, 1);
}

gboolean
sw_set_password (SwStore     *store,
                 SwStaff     *actor,
                 const char  *empno,
                 const char  *password,
                 GError     **error)
{
  g_autoptr(SwStaff) staff = NULL;
  g_autoptr(SwCredential) cred = NULL;
  char *hash;

  g_return_val_if_fail (SW_IS_STORE (store), FALSE);
  if (actor != NULL && sw_access_manage_credentials (actor) != SW_ACCESS_OK)
    {
      g_set_error_literal (error, SW_ERROR, SW_ERROR_FORBIDDEN,
                           _("Only an administrator may set another person's password"));
      return FALSE;
    }
  if (!sw_password_check (password, error))
    return FALSE;
  if (empno == NULL || (staff = sw_store_get_staff (store, empno)) == NULL)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_NOT_FOUND, _("There is no staff member “%s”"), empno ? empno : "");
      return FALSE;
    }
  if ((cred = credential_or_new (store, empno, error)) == NULL ||
      (hash = sw_password_hash (password, error)) == NULL)
    return FALSE;
  g_free (cred->hash);
  cred->hash = hash;
  cred->one_time = actor != NULL && g_strcmp0 (sw_staff_get_empno (actor), empno) != 0;
  return put (store, empno, cred, actor ? sw_staff_get_empno (actor) : NULL, SW_AUDIT_PASSWORD_CHANGED, error);
}

gboolean
sw_change_password (SwStore     *store,
                    const char  *empno,
                    const char  *current,
                    const char  *password,
                    guint       *delay_s,
                    GError     **error)
{
  g_autoptr(SwCredential) cred = NULL;
  g_autoptr(SwStaff) staff = NULL;
  char *hash;

  g_return_val_if_fail (SW_IS_STORE (store), FALSE);
  *delay_s = 0;
  /* the new one first: a refused new password costs no try of the current */
  if (!sw_password_check (password, error))
    return FALSE;
  if ((staff = check (store, empno, current, &cred, delay_s, error)) == NULL ||
      (hash = sw_password_hash (password, error)) == NULL)
    return FALSE;
  g_free (cred->hash);
  cred->hash = hash;
  cred->one_time = FALSE;
  return put (store, empno, cred, empno, SW_AUDIT_PASSWORD_CHANGED, error);
}

gboolean
sw_unlock (SwStore     *store,
           SwStaff     *actor,
           const char  *empno,
           GError     **error)
{
  g_autoptr(SwCredential) cred = NULL;
  g_autoptr(SwStaff) staff = NULL;

  g_return_val_if_fail (SW_IS_STORE (store), FALSE);
  if (sw_access_manage_credentials (actor) != SW_ACCESS_OK)
    {
      g_set_error_literal (error, SW_ERROR, SW_ERROR_FORBIDDEN, _("Only an administrator may unlock an account"));
      return FALSE;
    }
  if (empno == NULL || (staff = sw_store_get_staff (store, empno)) == NULL)
    {
      g_set_error (error, SW_ERROR, SW_ERROR_NOT_FOUND, _("There is no staff member “%s”"), empno ? empno : "");
      return FALSE;
    }
  if ((cred = credential_or_new (store, empno, error)) == NULL)
    return FALSE;
  if (!cred->locked)
    return sw_store_clear_sign_in_failures (store, empno, error);
  cred->locked = FALSE;
  return put (store, empno, cred, sw_staff_get_empno (actor), SW_AUDIT_ACCOUNT_UNLOCKED, error);
}

gboolean
sw_set_password_hash_all (SwStore            *store,
                          const char *const  *empnos,
                          const char         *hash,
                          GError            **error)
{
  if (!sw_store_begin (store, error))
    return FALSE;
  for (guint i = 0; empnos[i] != NULL; i++)
    {
      SwCredential cred = { (char *) hash, FALSE, FALSE, 0 };

      if (!sw_store_put_credential (store, empnos[i], &cred, NULL, error))
        {
          sw_store_rollback (store);
          return FALSE;
        }
    }
  return sw_store_commit (store, error);
}

gboolean
sw_has_administrator (SwStore *store)
{
  return sw_store_has_admin_password (store);
}
