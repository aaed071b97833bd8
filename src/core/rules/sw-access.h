/* sw-access.h — who may see what: the one access policy (so far, who sees a customer's personal data)
 *
 * Pure functions over the person, the case and the directory; the app,
 * the command line, prints and exports ask them (issue 13 moves every
 * other decision of who may see or do what here).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-case.h"
#include "sw-staff.h"

G_BEGIN_DECLS

/* Whether `viewer` sees the customer's name, phone, unit and address
 * whole: administrators and supervisors always; a department head for the
 * cases of the department (as the first-inquiry person's, the handler's or
 * the receiving one's); staff for the cases they own or handle; inspectors
 * never; nobody (NULL) never. */
gboolean sw_access_sees_personal_data (SwStaff *viewer,
                                       SwCase  *c);

/* Whether `viewer` sees a department's register (台账) with its customers
 * whole: administrators and supervisors; the department's head (a NULL
 * department is the whole branch: administrators and supervisors only). */
gboolean sw_access_sees_register      (SwStaff    *viewer,
                                       const char *department_code);

/* The customer's fields as `viewer` may see them: whole, or masked
 * (sw-mask.h). Each out-parameter is optional and newly allocated. */
void     sw_access_customer           (SwStaff  *viewer,
                                       SwCase   *c,
                                       char    **name,
                                       char    **phone,
                                       char    **unit,
                                       char    **address);

/* ---- personal data by law (issue 13 item 7; branch privacy) ---- */

/* Whether `actor` may amend a case's customer details or content: the
 * person who registered it (its first-inquiry person), its handler, the
 * head of either's department, supervisors and administrators; inspectors
 * and nobody (NULL) never. */
gboolean sw_access_may_amend          (SwStaff *actor,
                                       SwCase  *c);

/* Whether `actor` may erase personal data past the retention time
 * (`privacy purge`): administrators only. */
gboolean sw_access_may_purge          (SwStaff *actor);

G_END_DECLS
