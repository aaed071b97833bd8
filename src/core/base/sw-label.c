/* sw-label.c — a name with its code in brackets, punctuated as the reader's language writes it
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-label.h"

/* A missing name shows the code alone; a missing code, the name alone. */
char *
sw_label_with_code (const char *name,
                    const char *code)
{
  if (name == NULL || *name == '\0')
    return g_strdup (code ? code : "");
  if (code == NULL || *code == '\0')
    return g_strdup (name);
  /* TRANSLATORS: a person's name and employee number, or a department's
   * name and code; Chinese uses full-width brackets: 王芳（R01） */
  return g_strdup_printf (C_("name and code", "%s (%s)"), name, code);
}
