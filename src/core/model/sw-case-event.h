/* sw-case-event.h — one entry of a case's append-only log
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "sw-types.h"

G_BEGIN_DECLS

#define SW_TYPE_CASE_EVENT (sw_case_event_get_type ())
G_DECLARE_FINAL_TYPE (SwCaseEvent, sw_case_event, SW, CASE_EVENT, GObject)

SwCaseEvent *sw_case_event_new             (SwEventKind  kind,
                                            const char  *case_id,
                                            const char  *actor,
                                            gint64       at_ms);
const char  *sw_case_event_get_id          (SwCaseEvent *self);
const char  *sw_case_event_get_case_id     (SwCaseEvent *self);
SwEventKind  sw_case_event_get_kind        (SwCaseEvent *self);
const char  *sw_case_event_get_actor       (SwCaseEvent *self);
gint64       sw_case_event_get_at          (SwCaseEvent *self);
const char  *sw_case_event_get_device      (SwCaseEvent *self);
gint64       sw_case_event_get_hlc_ms      (SwCaseEvent *self);
int          sw_case_event_get_hlc_counter (SwCaseEvent *self);

/* The kind-specific facts (handler, note, opinion, deadline…). */
JsonObject  *sw_case_event_get_payload     (SwCaseEvent *self);
/* Whether the payload has `member`, whatever its value. */
gboolean     sw_case_event_has             (SwCaseEvent *self,
                                            const char  *member);
const char  *sw_case_event_get_string      (SwCaseEvent *self,
                                            const char  *member);
gint64       sw_case_event_get_int         (SwCaseEvent *self,
                                            const char  *member);
void         sw_case_event_set_string      (SwCaseEvent *self,
                                            const char  *member,
                                            const char  *value);
void         sw_case_event_set_int         (SwCaseEvent *self,
                                            const char  *member,
                                            gint64       value);
char        *sw_case_event_payload_to_json (SwCaseEvent *self);
/* The same, kept by the event until its payload changes (written once: a
 * page's events are written in the worker thread that parsed them). */
const char  *sw_case_event_peek_payload_json (SwCaseEvent *self);
gboolean     sw_case_event_set_payload_json (SwCaseEvent *self,
                                             const char  *json,
                                             GError     **error);

/* Orders events as every replica folds them: hybrid logical clock, then
 * device, then id. */
int          sw_case_event_compare         (SwCaseEvent *a,
                                            SwCaseEvent *b);

G_END_DECLS
