/* sw-print-forms-private.h — what the case forms' files share
 * What the case forms share: the facts of a case read once, and how people,
 * departments and times are printed.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-case.h"
#include "sw-case-event.h"
#include "sw-forms-draw.h"
#include "sw-store.h"

G_BEGIN_DECLS

typedef struct {
  SwStore     *store;
  SwCase      *kase;
  GListModel  *events;
  GTimeZone   *zone;
  gboolean     mask;
} SwFormFacts;

char    *_sw_form_local_time   (GTimeZone   *zone,
                                gint64       ms,
                                gboolean     date_only);
void     _sw_form_time_field   (SwForm      *form,
                                SwFormFacts *f,
                                const char  *label,
                                gint64       ms);
/* "王芳 (R01)", or the code when the person is not in the directory. */
char    *_sw_form_person       (SwStore     *store,
                                const char  *empno);
char    *_sw_form_department   (SwStore     *store,
                                const char  *code);
void     _sw_form_case_facts   (SwForm      *form,
                                SwFormFacts *f);
SwForm  *_sw_form_begin        (SwFormFacts *f,
                                const char  *title,
                                double       scale);

/* sw-print-handover.c: the slip for the latest handoff of a case. */
gboolean _sw_handover_available (GListModel  *events);
SwForm  *_sw_handover_form_new  (SwFormFacts *f);

G_END_DECLS
