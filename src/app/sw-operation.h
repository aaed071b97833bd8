/* sw-operation.h — the case operations as the app offers them
 * A table of what each asks for, a runner over sw-ops.h, and a dry run that
 * tells whether the core would allow one now.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-ops.h"

G_BEGIN_DECLS

typedef enum {
  SW_OP_NONE = -1,
  SW_OP_ANSWER,
  SW_OP_NOTIFY,
  SW_OP_HANDLE,
  SW_OP_REFER,
  SW_OP_TRANSFER,
  SW_OP_ACCEPT,
  SW_OP_RETURN,
  SW_OP_FORWARD,
  SW_OP_ESCALATE,
  SW_OP_DECIDE,
  SW_OP_OUTSIDE,
  SW_OP_REFUSE,
  SW_OP_URGE,
  SW_OP_REPLY,
  SW_OP_CALLBACK,
  SW_OP_CALLBACK_CLOSE,   /* the callback result, then close: a drop on "Closed" */
  SW_OP_REOPEN,
  SW_OP_CLOSE,
  SW_OP_HANDOVER,
  SW_OP_NOTE,
  SW_OP_PETITION_ACCEPT,  /* a petition (信访) accepted as a general one */
  SW_OP_PETITION_SPECIAL, /* … as a special (complex) one */
  SW_OP_PETITION_DECLINE, /* … not accepted, with the reason */
  SW_OP_HOTLINE_FEEDBACK, /* the feedback owed to a hotline dispatch (热线派单) */
  SW_OP_COORDINATE,       /* a multi-department matter: lead (主办) and co-departments (协办) */
  SW_OP_CONTRIBUTE,       /* a co-department's contribution (协办意见) */
  SW_OP_PRELIMINARY,      /* the lead department's preliminary finding (初步结论) */
  SW_OP_PROGRESS,         /* a progress update told to the customer (阶段性反馈) */
  SW_OP_AGREE_TIME,       /* a time agreed with the customer replaces the promise (约定时间) */
  SW_N_OPS
} SwOpKind;

/* What an operation asks for; a field's slot says where its value goes. */
typedef enum {
  SW_FIELD_NONE,
  SW_FIELD_TEXT,          /* one line */
  SW_FIELD_LONG_TEXT,     /* several lines */
  SW_FIELD_STAFF,
  SW_FIELD_DEPARTMENT,
  SW_FIELD_SCOPE,
  SW_FIELD_SATISFACTION,
  SW_FIELD_DUE,           /* a day (by its end) or a day and time, typed */
} SwFieldType;

typedef enum {
  SW_SLOT_TEXT,
  SW_SLOT_TEXT2,
  SW_SLOT_STAFF,
  SW_SLOT_STAFF2,
  SW_SLOT_STAFF3,
  SW_SLOT_DEPARTMENT,
  SW_SLOT_NUMBER,
  SW_N_SLOTS
} SwSlot;

typedef struct {
  SwFieldType  type;
  SwSlot       slot;
  const char  *label;        /* translatable (N_) */
} SwField;

#define SW_OP_MAX_FIELDS 3

typedef struct {
  SwOpKind     kind;
  const char  *name;          /* stable, for action targets */
  const char  *label;         /* translatable (N_): a button */
  const char  *done;          /* translatable (N_): a toast after the case number */
  gboolean     check_phrases; /* the text is said to the customer */
  SwField      fields[SW_OP_MAX_FIELDS];
} SwOpInfo;

typedef struct {
  const char *text;
  const char *text2;
  const char *staff;
  const char *staff2;
  const char *staff3;
  const char *department;
  int         number;
  gint64      when;       /* a SW_FIELD_DUE read: 0 none, -1 unreadable */
} SwOpInput;

const SwOpInfo *sw_operation_info      (SwOpKind kind);
SwOpKind        sw_operation_from_name (const char *name);

SwCase         *sw_operation_run       (SwOpKind         kind,
                                        SwStore         *store,
                                        const char      *actor,
                                        const char      *ref,
                                        const SwOpInput *input,
                                        GError         **error);
/* Runs the operation with stand-in inputs and rolls it back. FALSE (with the
 * core's reason) when the case's state or the actor's role forbids it;
 * TRUE when only the inputs are left to give. */
gboolean        sw_operation_check     (SwOpKind         kind,
                                        SwStore         *store,
                                        const char      *actor,
                                        const char      *ref,
                                        GError         **error);

G_END_DECLS
