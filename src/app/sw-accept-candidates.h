/* sw-accept-candidates.h — who may accept a transferred case: availability, proxy and open load, those on duty first
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sw-context.h"

G_BEGIN_DECLS

/* Fills `choice` (sw_choice_new) with the department's people who may
 * handle cases, those on duty first (fewest open cases first), then those
 * away; each labelled with availability, proxy and open cases. */
void  sw_accept_candidates_fill    (GtkDropDown *choice,
                                    SwContext   *context,
                                    const char  *department);
/* A warning when `empno` is away ("on leave; proxy …"), NULL on duty. */
char *sw_accept_candidate_warning  (SwContext   *context,
                                    const char  *empno);

G_END_DECLS
