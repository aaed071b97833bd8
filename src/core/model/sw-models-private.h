/* sw-models-private.h — the instance structs of the data models, for the
 * code of libshouwen-core only. Everyone else uses the getters.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "sw-branch.h"
#include "sw-case.h"
#include "sw-case-event.h"
#include "sw-department.h"
#include "sw-json-reader.h"
#include "sw-staff.h"

G_BEGIN_DECLS

struct _SwBranch
{
  GObject parent_instance;
  char *code;
  char *name;
  char *timezone;
  int   office_start;   /* minutes after midnight, local */
  int   office_end;
  int   workdays;       /* bit 1 = Monday … bit 7 = Sunday */
  char *supervision_phone;
};

struct _SwDepartment
{
  GObject parent_instance;
  char *code;
  char *name;
  char *parent_code;
  char *branch_code;
  char *location;
  char *phone;
  char *liaison_empno;
  char *head_empno;
  char *duties;         /* keywords separated by ';' */
};

struct _SwStaff
{
  GObject parent_instance;
  char *empno;
  char *name;
  char *department_code;
  int   rank;
  char *title;
  char *hire_date;      /* YYYY-MM-DD */
  char *phone;
  int   role;           /* SwRole */
  int   kind;           /* SwStaffKind */
  int   availability;   /* SwAvailability */
  char *proxy_empno;
  gboolean active;
};

struct _SwCase
{
  GObject parent_instance;
  char   *id;
  char   *number;
  const char *branch_code;
  int     channel;
  int     kind;
  char   *content;
  char   *customer_name;
  char   *customer_phone;
  char   *customer_unit;
  char   *customer_address;
  gboolean anonymous;
  gboolean signature;
  gint64  received_at;     /* epoch ms, UTC */
  const char *owner;           /* first-inquiry person, never changes */
  const char *owner_department;
  const char *handler;
  const char *handler_department;
  const char *target_department; /* a pending transfer */
  const char *transferred_by;
  const char *escalated_to;
  int     state;           /* SwState */
  int     resolution;      /* SwResolution */
  gint64  due_at;          /* the current step's deadline, 0 = none */
  const char *due_rule;
  gint64  promised_at;     /* what the customer was promised, 0 = not yet */
  const char *promised_rule;
  int     policy_version;
  int     urge_count;
  int     reopen_count;
  int     return_count;
  int     forward_count;
  int     satisfaction;    /* 0 = no callback yet, else 1–5 */
  gboolean queued;         /* taken in on behalf of an absent colleague */
  gint64  replied_at;
  gint64  callback_at;
  gint64  closed_at;
  gint64  updated_at;
  int     event_count;
  char   *last_event_id;
  /* the statutory limits (SwLimitKind): when due (0 = not owed), when
   * met (0 = not yet), the event that started each */
  gint64  deadline_due[SW_N_LIMITS];
  gint64  deadline_met[SW_N_LIMITS];
  char   *deadline_event[SW_N_LIMITS];
  /* a multi-department matter's co-departments (协办), codes joined by
   * ','; its lead department (主办) is the handler's */
  char   *co_departments;
};

/* A member of a payload as read: a string, an integer or null. */
typedef struct {
  const char *name;
  const char *string;      /* NULL but for a string */
  gint64      integer;
  int         type;        /* SwJsonScalarType */
} SwReadMember;

/* A payload read from JSON text: its members (strings, integers, nulls,
 * pointing into `arena`), or, for a payload with other values, a tree. */
typedef struct {
  SwReadMember *members;
  guint         n_members;
  char         *arena;
  JsonObject   *object;
} SwPayloadRead;

struct _SwCaseEvent
{
  GObject parent_instance;
  char   *id;
  char   *case_id;
  int     kind;            /* SwEventKind */
  char   *actor;
  gint64  at;              /* epoch ms, UTC */
  gint64  hlc_ms;          /* hybrid logical clock: physical part */
  int     hlc_counter;     /*   and logical counter */
  char   *device;
  /* The payload: a tree (`payload`), or the members as read until a tree
   * is asked for (a bootstrap reads a hundred thousand of them: a tree
   * costs some thirty allocations an event, the members two) */
  JsonObject *payload;
  SwPayloadRead read;
  char   *payload_text;    /* the payload written as JSON, once asked for (cleared on a change) */
};

/* Reads a JSON object at the reader's cursor: flat into members, or (when
 * a value is neither string, integer nor null) as a tree. */
gboolean  _sw_payload_read        (SwJsonReader   *reader,
                                   SwPayloadRead  *out,
                                   GError        **error);
void      _sw_payload_read_clear  (SwPayloadRead  *read);
/* The event takes the payload (and its text, if not NULL). */
void      _sw_case_event_take_payload (SwCaseEvent   *self,
                                       SwPayloadRead *read,
                                       char          *text);

G_END_DECLS
