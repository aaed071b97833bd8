/* sw-case.h — the materialised row of a case: a fold of its events
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "sw-types.h"

G_BEGIN_DECLS

#define SW_TYPE_CASE (sw_case_get_type ())
G_DECLARE_FINAL_TYPE (SwCase, sw_case, SW, CASE, GObject)

SwCase       *sw_case_new                    (void);
SwCase       *sw_case_copy                   (SwCase *self);
/* A statutory limit of the case: when it falls (0 = not owed) and, in
 * met_at, when it was met (0 = not yet). */
gint64        sw_case_get_deadline           (SwCase         *self,
                                              SwLimitKind  kind,
                                              gint64         *met_at);
gboolean      sw_case_equal                  (SwCase      *a,
                                              SwCase      *b,
                                              const char **first_difference);

const char   *sw_case_get_id                 (SwCase *self);
const char   *sw_case_get_number             (SwCase *self);
const char   *sw_case_get_branch_code        (SwCase *self);
SwChannel     sw_case_get_channel            (SwCase *self);
SwKind        sw_case_get_kind               (SwCase *self);
const char   *sw_case_get_content            (SwCase *self);
const char   *sw_case_get_customer_name      (SwCase *self);
const char   *sw_case_get_customer_phone     (SwCase *self);
const char   *sw_case_get_customer_unit      (SwCase *self);
const char   *sw_case_get_customer_address   (SwCase *self);
gboolean      sw_case_get_anonymous          (SwCase *self);
gboolean      sw_case_get_signature          (SwCase *self);
gint64        sw_case_get_received_at        (SwCase *self);
const char   *sw_case_get_owner              (SwCase *self);
const char   *sw_case_get_owner_department   (SwCase *self);
const char   *sw_case_get_handler            (SwCase *self);
const char   *sw_case_get_handler_department (SwCase *self);
const char   *sw_case_get_target_department  (SwCase *self);
const char   *sw_case_get_escalated_to       (SwCase *self);
SwState       sw_case_get_state              (SwCase *self);
SwResolution  sw_case_get_resolution         (SwCase *self);
gint64        sw_case_get_due_at             (SwCase *self);
const char   *sw_case_get_due_rule           (SwCase *self);
gint64        sw_case_get_promised_at        (SwCase *self);
const char   *sw_case_get_promised_rule      (SwCase *self);
int           sw_case_get_policy_version     (SwCase *self);
int           sw_case_get_urge_count         (SwCase *self);
int           sw_case_get_reopen_count       (SwCase *self);
int           sw_case_get_return_count       (SwCase *self);
int           sw_case_get_forward_count      (SwCase *self);
int           sw_case_get_satisfaction       (SwCase *self);
gboolean      sw_case_get_queued             (SwCase *self);
gint64        sw_case_get_replied_at         (SwCase *self);
gint64        sw_case_get_callback_at        (SwCase *self);
gint64        sw_case_get_closed_at          (SwCase *self);
gint64        sw_case_get_updated_at         (SwCase *self);
int           sw_case_get_event_count        (SwCase *self);
/* A multi-department matter's co-departments (协办): codes joined by ',',
 * NULL when it is none; its lead department (主办) is the handler's. */
const char   *sw_case_get_co_departments     (SwCase *self);
gboolean      sw_case_has_co_department      (SwCase     *self,
                                              const char *department);

gboolean      sw_case_is_open                (SwCase *self);
gboolean      sw_case_is_overdue             (SwCase *self,
                                              gint64  now_ms);

G_END_DECLS
