/* sw-protocol.h — the sync protocol's JSON, shared by the client and the
 * server: events, contacts and push batches, parsed with limits on size and
 * nesting before json-glib sees them.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "sw-audit-entry.h"
#include "sw-case-event.h"

G_BEGIN_DECLS

#define SW_PROTOCOL_ERROR (sw_protocol_error_quark ())

/* Each has a stable name (sw_protocol_error_name) used as the "code" of a
 * JSON error, and an HTTP status (sw_protocol_error_status). */
typedef enum {
  SW_PROTOCOL_ERROR_INVALID_JSON,
  SW_PROTOCOL_ERROR_TOO_DEEP,
  SW_PROTOCOL_ERROR_TOO_LARGE,
  SW_PROTOCOL_ERROR_TOO_MANY,
  SW_PROTOCOL_ERROR_INVALID_REQUEST,
  SW_PROTOCOL_ERROR_INVALID_EVENT,
  SW_PROTOCOL_ERROR_UNKNOWN_KIND,
  SW_PROTOCOL_ERROR_UNAUTHORIZED,
  SW_PROTOCOL_ERROR_FORBIDDEN,
  SW_PROTOCOL_ERROR_NOT_FOUND,
  SW_PROTOCOL_ERROR_CLOCK_SKEW,
  SW_PROTOCOL_ERROR_UNKNOWN_CASE,
  SW_PROTOCOL_ERROR_BAD_CODE,
  SW_PROTOCOL_ERROR_UNAVAILABLE,
  SW_PROTOCOL_ERROR_INTERNAL,
  SW_PROTOCOL_ERROR_NOT_IN_SCOPE,   /* (deferred) a restored server lacks what brings the case here */
  SW_PROTOCOL_ERROR_NUMBER_TAKEN,   /* another case has the registration's number */
  SW_PROTOCOL_ERROR_AUDIT_CHAIN,    /* the pushed audit entries do not continue the device's chain */
  SW_PROTOCOL_ERROR_RANGE,          /* an attached file's part does not start where the server is */
  SW_PROTOCOL_ERROR_HASH_MISMATCH,  /* an attached file's bytes do not hash to its name */
  SW_N_PROTOCOL_ERRORS
} SwProtocolError;

#define SW_PROTOCOL_MAX_DEPTH       32
#define SW_PROTOCOL_MAX_BODY        (8 * 1024 * 1024)
#define SW_PROTOCOL_MAX_BATCH       1000
#define SW_PROTOCOL_MAX_PAYLOAD     (64 * 1024)

/* What one amend replaced: the earlier value of each field it changed
 * (NULL: the field was not changed; "" : it was empty), who amended, when
 * and why. Personal data: it travels only in a contact, whole to the
 * case's branch, never to an inspector (sw_contact_copy_masked). */
typedef struct {
  char   *event_id;   /* the `amended` event */
  gint64  at;
  char   *actor;
  char   *reason;
  char   *name;
  char   *phone;
  char   *unit;
  char   *address;
} SwEarlierContact;

#define SW_PROTOCOL_MAX_EARLIER     64

typedef struct {
  char *case_id;
  char *name;
  char *phone;
  char *unit;
  char *address;
  GPtrArray *earlier;     /* SwEarlierContact, oldest first; NULL or empty when none */
} SwContact;

typedef struct {
  char      *epoch;       /* the server epoch the client last saw, or NULL */
  gint64     position;    /* the furthest server position the client has seen, or 0 */
  GPtrArray *events;      /* SwCaseEvent */
  GPtrArray *contacts;    /* SwContact */
  GPtrArray *audit;       /* SwAuditEntry, in sequence order; NULL when the client sent none */
} SwPushRequest;

GQuark         sw_protocol_error_quark     (void);
const char    *sw_protocol_error_name      (SwProtocolError  code);
int            sw_protocol_error_from_name (const char      *name);
guint          sw_protocol_error_status    (SwProtocolError  code);

/* Parses JSON after checking its size and its nesting depth, so that
 * oversized or deeply nested input never reaches the parser. */
JsonNode      *sw_protocol_parse           (const char  *data,
                                            gsize        len,
                                            gsize        max_bytes,
                                            guint        max_depth,
                                            GError     **error);

/* A JSON object whose "events" array is read straight into events (checked
 * as sw_protocol_event_from_json checks each, an error naming the event),
 * with no tree between: a pull page or a push. Every other member, and an
 * "events" that is no array, goes into `rest`; *events stays NULL when
 * there is no array of events. */
gboolean       sw_protocol_read_batch      (const char  *data,
                                            gsize        len,
                                            gsize        max_bytes,
                                            GPtrArray  **events,
                                            JsonObject **rest,
                                            GError     **error);

JsonNode      *sw_protocol_event_to_json   (SwCaseEvent *event);
/* Checks every member's type and the kind; on failure the error names the
 * member. */
SwCaseEvent   *sw_protocol_event_from_json (JsonNode    *node,
                                            GError     **error);
/* Appends an event as JSON from its stored columns; `payload` is JSON text
 * the store wrote, copied as it is (a pull page is mostly payloads). */
void           sw_protocol_append_event    (GString     *out,
                                            const char  *id,
                                            const char  *case_id,
                                            const char  *kind,
                                            const char  *actor,
                                            gint64       at,
                                            gint64       hlc_ms,
                                            int          hlc_counter,
                                            const char  *device,
                                            const char  *payload);
/* The id of the last event of the case its device had seen ("prev"). */
const char    *sw_protocol_event_prev      (SwCaseEvent *event);

SwContact     *sw_contact_new              (const char  *case_id);
void           sw_contact_free             (SwContact   *contact);
/* A masked copy carries no earlier details: those who may not see the
 * customer whole see none of what an amend replaced. */
SwContact     *sw_contact_copy_masked      (SwContact   *contact);
/* Whether a field of `contact` holds the erased code (after a purge). */
gboolean       sw_contact_is_erased        (SwContact   *contact);
/* Adds to `contact` the earlier details of `from` it lacks (by event id);
 * none when `contact` is erased. */
void           sw_contact_add_earlier      (SwContact   *contact,
                                            SwContact   *from);
void           sw_earlier_contact_free     (SwEarlierContact *earlier);
/* A contact as JSON text (docs/api.md), or as a tree made of that text. */
void           sw_protocol_append_contact  (GString     *out,
                                            SwContact   *contact);
JsonNode      *sw_protocol_contact_to_json (SwContact   *contact);
SwContact     *sw_protocol_contact_from_json (JsonNode  *node,
                                              GError   **error);

/* An audit entry as the push carries it: every column, its arguments as
 * the JSON text the hash covers. */
JsonNode      *sw_protocol_audit_to_json   (const SwAuditEntry *e);
SwAuditEntry  *sw_protocol_audit_from_json (JsonNode    *node,
                                            GError     **error);

/* A push body: {"epoch": …, "events": […], "contacts": […], "audit": […]}. */
SwPushRequest *sw_push_request_parse       (const char  *data,
                                            gsize        len,
                                            guint        max_events,
                                            GError     **error);
void           sw_push_request_free        (SwPushRequest *request);

/* Reads a non-negative integer from a query parameter; NULL gives `fallback`. */
gboolean       sw_protocol_parse_uint      (const char  *text,
                                            guint64      fallback,
                                            guint64      max,
                                            guint64     *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SwContact, sw_contact_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SwEarlierContact, sw_earlier_contact_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SwPushRequest, sw_push_request_free)

G_END_DECLS
