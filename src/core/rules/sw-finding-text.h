/* sw-finding-text.h — what a detected finding says happened, kept as a code with arguments and rendered in the reader's language
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The stored form (a finding's detail): a JSON object {"code": …, args}. */
/* due: the deadline as a local "YYYY-MM-DD HH:MM"; late_hours < 0: not yet late. */
char *sw_finding_detail_due      (const char *due,
                                  double      late_hours);
char *sw_finding_detail_repeat   (const char *earlier_number,
                                  int         window_days,
                                  const char *number);
char *sw_finding_detail_phrase   (const char *phrase);
char *sw_finding_detail_reopened (int         window_days);

/* A finding's detail in the reader's language: a code as above, or a
 * sentence stored by earlier versions in English or Chinese, read back to
 * its code; any other text (written by a person) as it is. */
char *sw_finding_detail_text     (const char *detail);

G_END_DECLS
