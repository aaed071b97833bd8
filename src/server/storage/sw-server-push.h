/* sw-server-push.h — what both engines' push shares: the payload members
 * that name a department (and so a branch) a case reaches, a case's scope
 * before and after a push, and an event's result.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-case-event.h"
#include "sw-server-storage.h"

G_BEGIN_DECLS

/* Payload members that name a department the case goes to or comes from. */
extern const char *const _sw_push_department_members[];
extern const guint       _sw_push_n_department_members;

typedef struct {
  gboolean    exists;     /* on the server before this push */
  GHashTable *before;     /* branches whose feeds have it */
  GHashTable *after;
} CaseScope;

void          _sw_case_scope_free  (CaseScope       *s);
SwPushResult *_sw_push_result_new  (SwCaseEvent     *ev,
                                    SwPushStatus     status,
                                    SwProtocolError  code,
                                    const char      *message);

G_END_DECLS
