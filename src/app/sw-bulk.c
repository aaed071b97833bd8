/* sw-bulk.c — one operation on several cases at once, each checked and recorded on its own
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sw-bulk.h"

guint
sw_bulk_run (SwContext       *context,
             SwOpKind         kind,
             GPtrArray       *cases,
             const SwOpInput *in,
             GString         *refused)
{
  SwStaff *user = sw_context_get_user (context);
  guint done = 0;

  g_return_val_if_fail (user != NULL, 0);
  for (guint i = 0; i < cases->len; i++)
    {
      SwCase *c = g_ptr_array_index (cases, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(SwCase) changed = NULL;

      /* One transaction per case: a refusal leaves the others standing. */
      changed = sw_operation_run (kind, sw_context_get_store (context), sw_staff_get_empno (user),
                                  sw_case_get_id (c), in, &error);
      if (changed == NULL)
        {
          /* Translators: a case the bulk action refused: its number and why */
          g_string_append_printf (refused, _("%s: %s\n"), sw_case_get_number (c), error->message);
          continue;
        }
      sw_context_update_case (context, changed);
      done++;
    }
  return done;
}
