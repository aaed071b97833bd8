/* sw-template-private.h — the template's fields, for the store
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-template.h"

G_BEGIN_DECLS

struct _SwTemplate
{
  GObject  parent_instance;
  char    *id;
  int      kind;           /* SwTemplateKind */
  char    *matter;
  char    *department_code;
  char    *keywords;
  char    *body;
  gboolean active;
  gint64   updated_at;
  char    *updated_by;
  int      limit_days;     /* the matter's own time limit, working days; 0: none */
};

G_END_DECLS
