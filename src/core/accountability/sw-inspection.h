/* sw-inspection.h — the trade union's inspection records (检查记录): a
 * date, the department inspected, what was found, a score per criterion
 * and the cases looked at. Findings recorded during an inspection carry
 * its id. Written by inspectors (or supervisors, administrators).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-store.h"

G_BEGIN_DECLS

#define SW_INSPECTION_MAX_SCORE 10

typedef struct {
  const char *key;
  const char *label;      /* translatable */
} SwCriterion;

typedef struct {
  char    *id;
  char    *date;          /* YYYY-MM-DD */
  char    *department;
  char    *inspector;
  char    *summary;
  int      scores[8];     /* by criterion index; -1 = not scored */
  char   **cases;         /* case numbers */
  gint64   created_at;
} SwInspection;

void               sw_inspection_free      (SwInspection *i);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SwInspection, sw_inspection_free)

const SwCriterion *sw_inspection_criteria  (guint *n);
/* The mean of the scored criteria, or -1 when none is scored. */
double             sw_inspection_mean      (const SwInspection *i);

/* scores: "criterion=N" items; cases: ids or numbers. */
SwInspection      *sw_inspection_add       (SwStore            *store,
                                            const char         *actor,
                                            const char         *date,
                                            const char         *department,
                                            const char         *summary,
                                            const char *const  *scores,
                                            const char *const  *cases,
                                            GError            **error);
SwInspection      *sw_store_get_inspection (SwStore     *store,
                                            const char  *id,
                                            GError     **error);
/* Of a department (NULL: all) with dates in [from, to] ("YYYY-MM-DD", NULL
 * = open), oldest first. */
GPtrArray         *sw_store_list_inspections (SwStore     *store,
                                              const char  *department,
                                              const char  *from,
                                              const char  *to,
                                              GError     **error);

G_END_DECLS
