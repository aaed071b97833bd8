/* sw-store-templates.h — the library of standard answers and materials
 * lists. Everyone reads it; supervisors and administrators edit it, a
 * department head edits their own department's templates.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-store.h"
#include "sw-template.h"

G_BEGIN_DECLS

typedef struct {
  int         kind;             /* SwTemplateKind, -1 = any */
  const char *text;             /* every word in matter, keywords or body */
  const char *content;          /* a case's content: templates whose keywords
                                 * it contains come first… */
  const char *department;       /* …then this department's own */
  gboolean    include_retired;
} SwTemplateQuery;

#define SW_TEMPLATE_QUERY_INIT { .kind = -1 }

/* Without content or department, ordered by kind and matter. */
GListModel *sw_store_find_templates   (SwStore                *self,
                                       const SwTemplateQuery  *query,
                                       GError                **error);
SwTemplate *sw_store_get_template     (SwStore                *self,
                                       const char             *id,
                                       GError                **error);
/* May `actor` (an employee number) edit templates of `department_code`
 * (NULL: the whole branch's)? Sets SW_ERROR_FORBIDDEN when not. */
gboolean    sw_store_may_edit_template (SwStore               *self,
                                        const char            *actor,
                                        const char            *department_code,
                                        GError               **error);
/* Creates (no id yet: one is given to `tmpl`) or updates a template, stamped
 * with `actor` and the store's clock. */
gboolean    sw_store_save_template    (SwStore                *self,
                                       SwTemplate             *tmpl,
                                       const char             *actor,
                                       GError                **error);
/* Retires (no longer offered) or restores a template. */
gboolean    sw_store_set_template_active (SwStore             *self,
                                          const char          *id,
                                          gboolean             active,
                                          const char          *actor,
                                          GError             **error);

G_END_DECLS
