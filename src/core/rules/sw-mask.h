/* sw-mask.h — masking personal data for people who must not see it whole
 * (domain §4: 张三 → 张*, 13812341234 → 138****1234)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What an erased (purged) customer field holds, in the store and on the
 * wire: a code, rendered "erased" in the reader's language; the masks
 * keep it as it is (issue 13, PIPL Art. 47). */
#define SW_ERASED "<erased>"
gboolean sw_is_erased (const char *value);

/* Keeps the first character (the family name), stars the rest. */
char *sw_mask_name  (const char *name);
/* Keeps the first three and the last four digits of a long number; a short
 * one keeps only its last two. */
char *sw_mask_phone (const char *phone);
/* A customer's unit (an employer, a company) names the customer nearly as
 * surely as a name: keeps its first two characters (often a place),
 * "浙江明远科技有限公司" → "浙江****"; the length is not told. */
char *sw_mask_unit  (const char *unit);
/* An address names a person as surely as a name: nothing of it shows,
 * "***" (NULL when there is none). */
char *sw_mask_address (const char *address);
/* "张* · 138****1234", or NULL when there is neither. */
char *sw_mask_customer (const char *name,
                        const char *phone);

G_END_DECLS
