/* sw-op-form.h — the fields one operation asks for
 * Built from its SwOpInfo; used by the operation dialog and the registration
 * dialog.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sw-context.h"
#include "sw-operation.h"

G_BEGIN_DECLS

#define SW_TYPE_OP_FORM (sw_op_form_get_type ())
G_DECLARE_FINAL_TYPE (SwOpForm, sw_op_form, SW, OP_FORM, GtkWidget)

/* `c` may be NULL (a case being registered); `department` is the case's
 * handling department, which a transfer does not offer. */
GtkWidget *sw_op_form_new        (SwContext  *context,
                                  SwOpKind    op,
                                  SwCase     *c,
                                  const char *department);
SwOpKind   sw_op_form_get_op     (SwOpForm   *self);
gboolean   sw_op_form_set_value  (SwOpForm   *self,
                                  SwSlot      slot,
                                  const char *value);
char      *sw_op_form_get_value  (SwOpForm   *self,
                                  SwSlot      slot);
/* Fills `input`; the strings stay valid until the next call or disposal. */
void       sw_op_form_get_input  (SwOpForm   *self,
                                  SwOpInput  *input);
/* The template chosen from the library (its id), or NULL. */
const char *sw_op_form_get_template (SwOpForm *self);
/* The forbidden-phrase warning for the text said to the customer, or NULL. */
char      *sw_op_form_check_phrases (SwOpForm *self);
/* The case's content, for the library's suggestions (registration: as typed). */
void       sw_op_form_set_content (SwOpForm   *self,
                                   const char *content);
/* The forbidden phrases underlined in the text said to the customer, and
 * the notice under it offering the standard answers (NULL when none). */
guint       sw_op_form_get_n_marked      (SwOpForm *self);
const char *sw_op_form_get_phrase_notice (SwOpForm *self);
/* The SwTemplatePicker of an answer or a notification, or NULL. */
GtkWidget *sw_op_form_get_picker  (SwOpForm   *self);

/* Accept: the warning shown when the one chosen is away, or NULL. */
const char *sw_op_form_get_away_warning (SwOpForm *self);

G_END_DECLS
