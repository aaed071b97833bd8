/* sw-print-forms.h — the forms a case office prints
 * Built from the store as SwForm documents: the receipt (回执), the handover
 * slip (部门协调工单 between departments, 工作交接表 within one), the
 * materials list (提供材料一览表) and a department's register (台账).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-forms-draw.h"
#include "sw-store.h"

G_BEGIN_DECLS

typedef enum {
  SW_CASE_FORM_RECEIPT,
  SW_CASE_FORM_RECEIPT_80MM,
  SW_CASE_FORM_HANDOVER,
  SW_CASE_FORM_MATERIALS,
} SwCaseForm;

/* The receipt always; the handover slip once the case was transferred or
 * handed over; the materials list once a one-time notification was sent. */
gboolean  sw_case_form_available (SwStore     *store,
                                  const char  *case_id,
                                  SwCaseForm   which);
/* `mask` hides the customer's personal data (an inspector printing). */
SwForm   *sw_case_form_new       (SwStore     *store,
                                  const char  *case_id,
                                  SwCaseForm   which,
                                  gboolean     mask,
                                  GError     **error);
/* The job name for a case's form: "Receipt BJ01-A-…". */
char     *sw_case_form_title     (SwCaseForm   which,
                                  const char  *number);
SwForm   *sw_register_form_new   (SwStore     *store,
                                  const char  *department,
                                  gint64       from,
                                  gint64       to,
                                  gboolean     mask,
                                  GError     **error);

G_END_DECLS
