/* sw-case-card.h — one case on the board
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sw-context.h"

G_BEGIN_DECLS

#define SW_TYPE_CASE_CARD (sw_case_card_get_type ())
G_DECLARE_FINAL_TYPE (SwCaseCard, sw_case_card, SW, CASE_CARD, GtkWidget)

GtkWidget *sw_case_card_new        (SwContext  *context);
SwCase    *sw_case_card_get_case   (SwCaseCard *self);
void       sw_case_card_set_case   (SwCaseCard *self,
                                    SwCase     *c);
void       sw_case_card_popup_menu (SwCaseCard *self);

/* The card's menu as it is now: the moves and operations the core allows
 * the user on the case (a new model). */
GMenuModel *sw_case_card_build_menu (SwCaseCard *self);

G_END_DECLS
