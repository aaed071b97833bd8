/* sw-types.h — the enumerations of the domain, with their stable names
 * (used in the database, the JSON and the command line) and their labels.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  SW_CHANNEL_VISIT,
  SW_CHANNEL_PHONE,
  SW_CHANNEL_LETTER,
  SW_CHANNEL_EMAIL,
  SW_CHANNEL_ONLINE,
  SW_CHANNEL_HOTLINE,
  SW_CHANNEL_SUPERIOR,
  SW_N_CHANNELS
} SwChannel;

typedef enum {
  SW_KIND_CONSULTATION,
  SW_KIND_QUERY,
  SW_KIND_BUSINESS,
  SW_KIND_COMPLAINT,
  SW_KIND_FAULT,
  SW_KIND_SUGGESTION,
  SW_KIND_TIPOFF,
  SW_N_KINDS
} SwKind;

/* The states of a case; the board's columns. */
typedef enum {
  SW_STATE_REGISTERED,   /* received, waiting for a disposition */
  SW_STATE_TRANSFERRED,  /* sent to a department, awaiting acceptance */
  SW_STATE_IN_PROGRESS,  /* a handler is working on it */
  SW_STATE_ESCALATED,    /* waiting for a leader's decision */
  SW_STATE_REPLIED,      /* the customer has the answer; callback pending */
  SW_STATE_CLOSED,
  SW_N_STATES
} SwState;

/* How a closed case ended. */
typedef enum {
  SW_RESOLUTION_NONE,
  SW_RESOLUTION_ANSWERED,   /* answered on the spot */
  SW_RESOLUTION_REPLIED,    /* replied after handling */
  SW_RESOLUTION_OUTSIDE,    /* pointed to an outside unit */
  SW_RESOLUTION_REFUSED,    /* refused under the rules, signed off */
  SW_N_RESOLUTIONS
} SwResolution;

typedef enum {
  SW_ROLE_STAFF,
  SW_ROLE_HEAD,
  SW_ROLE_SUPERVISOR,
  SW_ROLE_INSPECTOR,
  SW_ROLE_ADMIN,
  SW_N_ROLES
} SwRole;

typedef enum {
  SW_STAFF_KIND_REGULAR,
  SW_STAFF_KIND_TEMPORARY,
  SW_STAFF_KIND_MAINTENANCE,
  SW_N_STAFF_KINDS
} SwStaffKind;

typedef enum {
  SW_AVAILABILITY_ON_DUTY,
  SW_AVAILABILITY_MEETING,
  SW_AVAILABILITY_TRIP,
  SW_AVAILABILITY_LEAVE,
  SW_AVAILABILITY_SICK,
  SW_N_AVAILABILITIES
} SwAvailability;

typedef enum {
  SW_EVENT_REGISTERED,
  SW_EVENT_ANSWERED,
  SW_EVENT_NOTIFIED,
  SW_EVENT_HANDLING,
  SW_EVENT_REFERRED,
  SW_EVENT_TRANSFERRED,
  SW_EVENT_ACCEPTED,
  SW_EVENT_RETURNED,
  SW_EVENT_FORWARDED,
  SW_EVENT_ESCALATED,
  SW_EVENT_DECIDED,
  SW_EVENT_OUTSIDE,
  SW_EVENT_REFUSED,
  SW_EVENT_URGED,
  SW_EVENT_REPLIED,
  SW_EVENT_CALLBACK,
  SW_EVENT_REOPENED,
  SW_EVENT_CLOSED,
  SW_EVENT_HANDOVER,
  SW_EVENT_NOTE,
  SW_EVENT_AMENDED,   /* customer details or content corrected (issue 13) */
  SW_EVENT_PURGED,    /* personal data erased after the retention time */
  SW_EVENT_ATTACHMENT_ADDED, /* a file attached (issue 17): hash, name, size, media_type */
  SW_EVENT_PETITION_ACCEPTED,     /* a petition (信访) accepted: special, or general */
  SW_EVENT_PETITION_NOT_ACCEPTED, /* a petition not accepted, with its reason: closes the case */
  SW_EVENT_HOTLINE_FEEDBACK,      /* the feedback owed to a hotline dispatch (热线派单), with its text */
  SW_EVENT_ATTACHMENT_REMOVED,    /* a file taken off the case (issue 17): hash, removed_name */
  SW_EVENT_COORDINATED,           /* a multi-department matter: the lead department (主办), its
                                   * responsible person, the co-departments (协办) */
  SW_EVENT_CONTRIBUTED,           /* a co-department's contribution (协办意见), with its text */
  SW_EVENT_PRELIMINARY_FINDING,   /* the lead department's preliminary finding (初步结论) */
  SW_EVENT_PROMISE_AGREED,        /* a time agreed with the customer (约定时间) replaces the
                                   * promise, with its reason */
  SW_EVENT_PROGRESS,              /* a progress update told to the customer (阶段性反馈) */
  SW_N_EVENTS
} SwEventKind;

/* The statutory and seed limits a case carries (rules/sw-lifecycle.c). */
typedef enum {
  SW_LIMIT_FIRST_RESPONSE,
  SW_LIMIT_COMPLAINT_FILE,
  SW_LIMIT_COMPLAINT_CLOSE,
  SW_LIMIT_PETITION_DECIDE,     /* a petition's accept-or-not decision */
  SW_LIMIT_PETITION_CLOSE,      /* a petition's conclusion (general or special) */
  SW_LIMIT_ASSIGNED,            /* a superior's assignment (上级交办) concluded by its due date */
  SW_LIMIT_HOTLINE_FEEDBACK,    /* the feedback owed to a hotline dispatch (热线派单) */
  SW_LIMIT_MULTI_DEPARTMENT,    /* a multi-department matter's preliminary finding (初步结论) */
  SW_N_LIMITS
} SwLimitKind;

/* Stable names ("visit", "complaint", "in_progress"…) and their inverse. The
 * parse functions return -1 for an unknown name. */
const char *sw_channel_to_string      (SwChannel c);
int         sw_channel_from_string    (const char *s);
const char *sw_kind_to_string         (SwKind k);
int         sw_kind_from_string       (const char *s);
const char *sw_state_to_string        (SwState s);
int         sw_state_from_string      (const char *s);
const char *sw_resolution_to_string   (SwResolution r);
int         sw_resolution_from_string (const char *s);
const char *sw_role_to_string         (SwRole r);
int         sw_role_from_string       (const char *s);
const char *sw_staff_kind_to_string   (SwStaffKind k);
int         sw_staff_kind_from_string (const char *s);
const char *sw_availability_to_string (SwAvailability a);
int         sw_availability_from_string (const char *s);
const char *sw_event_kind_to_string   (SwEventKind k);
int         sw_event_kind_from_string (const char *s);

/* Translated labels for people. */
const char *sw_channel_label      (SwChannel c);
const char *sw_kind_label         (SwKind k);
const char *sw_state_label        (SwState s);
const char *sw_resolution_label   (SwResolution r);
const char *sw_role_label         (SwRole r);
const char *sw_staff_kind_label   (SwStaffKind k);
const char *sw_availability_label (SwAvailability a);
const char *sw_event_kind_label   (SwEventKind k);

/* The stable names of an enumeration, comma-separated, for help and errors. */
char *sw_channel_names      (void);
char *sw_kind_names         (void);
char *sw_state_names        (void);
char *sw_role_names         (void);
char *sw_staff_kind_names   (void);
char *sw_availability_names (void);
char *sw_resolution_names   (void);
char *sw_event_kind_names   (void);

G_END_DECLS
