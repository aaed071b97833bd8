/* sw-demo-passwords.c — the demo password for every person of a demo database
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-demo.h"
#include "sw-password.h"
#include "sw-sign-in.h"

gboolean
sw_demo_set_passwords (SwStore  *store,
                       GError  **error)
{
  g_autoptr(GListModel) staff = sw_store_list_staff (store);
  g_autoptr(GPtrArray) empnos = g_ptr_array_new ();
  /* one hash for all, of the cheap kind the public demo password deserves */
  g_autofree char *hash = sw_password_hash_demo (SW_DEMO_PASSWORD, error);

  if (hash == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (staff); i++)
    {
      g_autoptr(SwStaff) s = g_list_model_get_item (staff, i);

      g_ptr_array_add (empnos, (gpointer) sw_staff_get_empno (s));
    }
  g_ptr_array_add (empnos, NULL);
  return sw_set_password_hash_all (store, (const char *const *) empnos->pdata, hash, error);
}
