/* sw-types.c — the domain's enumerations: their stable names and labels
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sw-types.h"

static const char * const channel_names[] = {
  "visit", "phone", "letter", "email", "online", "hotline", "superior",
};
static const char * const channel_labels[] = {
  N_("Visit"), N_("Phone call"), N_("Letter or fax"), N_("Email"),
  N_("Online or WeChat"), N_("Hotline dispatch"), N_("Assigned by a superior"),
};

static const char * const kind_names[] = {
  "consultation", "query", "business", "complaint", "fault", "suggestion", "tipoff",
};
static const char * const kind_labels[] = {
  N_("Consultation"), N_("Query"), N_("Business handling"), N_("Complaint"),
  N_("Fault report"), N_("Suggestion"), N_("Tip-off"),
};

static const char * const state_names[] = {
  "registered", "transferred", "in_progress", "escalated", "replied", "closed",
};
static const char * const state_labels[] = {
  N_("Registered"), N_("Transferred"), N_("In progress"), N_("Escalated"),
  N_("Replied"), N_("Closed"),
};

static const char * const resolution_names[] = {
  "none", "answered", "replied", "outside", "refused",
};
static const char * const resolution_labels[] = {
  N_("Open"), N_("Answered on the spot"), N_("Replied"),
  N_("Referred outside the organisation"), N_("Refused under the rules"),
};

static const char * const role_names[] = {
  "staff", "head", "supervisor", "inspector", "admin",
};
static const char * const role_labels[] = {
  N_("Front-line staff"), N_("Department head"), N_("Supervisor"),
  N_("Inspector"), N_("Administrator"),
};

static const char * const staff_kind_names[] = {
  "regular", "temporary", "maintenance",
};
static const char * const staff_kind_labels[] = {
  N_("Regular"), N_("Temporary"), N_("Maintenance and logistics"),
};

static const char * const availability_names[] = {
  "on_duty", "meeting", "trip", "leave", "sick",
};
static const char * const availability_labels[] = {
  N_("On duty"), N_("At a meeting"), N_("Business trip"), N_("On leave"),
  N_("Sick leave"),
};

static const char * const event_names[] = {
  "registered", "answered", "notified", "handling", "referred", "transferred",
  "accepted", "returned", "forwarded", "escalated", "decided", "outside",
  "refused", "urged", "replied", "callback", "reopened", "closed", "handover",
  "note", "amended", "purged", "attachment_added", "petition_accepted",
  "petition_not_accepted", "hotline_feedback", "attachment_removed",
  "coordinated", "contributed", "preliminary_finding",
  "promise_agreed", "progress",
};
static const char * const event_labels[] = {
  N_("Registered"), N_("Answered on the spot"), N_("One-time notification"),
  N_("Taken in hand"), N_("Referred"), N_("Transferred"), N_("Accepted"),
  N_("Returned"), N_("Forwarded"), N_("Escalated"), N_("Decided"),
  N_("Referred outside"), N_("Refused"), N_("Urged"), N_("Replied"),
  N_("Callback"), N_("Reopened"), N_("Closed"), N_("Handover"), N_("Note"),
  N_("Customer details amended"), N_("Personal data erased"),
  N_("File attached"), N_("Petition accepted"), N_("Petition not accepted"),
  N_("Feedback to the hotline"), N_("File removed"), N_("Multi-department matter"),
  N_("Co-department’s contribution"), N_("Preliminary finding"),
  N_("Time agreed with the customer"), N_("Progress update to the customer"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (channel_names) == SW_N_CHANNELS);
G_STATIC_ASSERT (G_N_ELEMENTS (channel_labels) == SW_N_CHANNELS);
G_STATIC_ASSERT (G_N_ELEMENTS (kind_names) == SW_N_KINDS);
G_STATIC_ASSERT (G_N_ELEMENTS (kind_labels) == SW_N_KINDS);
G_STATIC_ASSERT (G_N_ELEMENTS (state_names) == SW_N_STATES);
G_STATIC_ASSERT (G_N_ELEMENTS (state_labels) == SW_N_STATES);
G_STATIC_ASSERT (G_N_ELEMENTS (resolution_names) == SW_N_RESOLUTIONS);
G_STATIC_ASSERT (G_N_ELEMENTS (resolution_labels) == SW_N_RESOLUTIONS);
G_STATIC_ASSERT (G_N_ELEMENTS (role_names) == SW_N_ROLES);
G_STATIC_ASSERT (G_N_ELEMENTS (role_labels) == SW_N_ROLES);
G_STATIC_ASSERT (G_N_ELEMENTS (staff_kind_names) == SW_N_STAFF_KINDS);
G_STATIC_ASSERT (G_N_ELEMENTS (staff_kind_labels) == SW_N_STAFF_KINDS);
G_STATIC_ASSERT (G_N_ELEMENTS (availability_names) == SW_N_AVAILABILITIES);
G_STATIC_ASSERT (G_N_ELEMENTS (availability_labels) == SW_N_AVAILABILITIES);
G_STATIC_ASSERT (G_N_ELEMENTS (event_names) == SW_N_EVENTS);
G_STATIC_ASSERT (G_N_ELEMENTS (event_labels) == SW_N_EVENTS);

static int
lookup (const char * const *names, guint n, const char *s)
{
  if (s == NULL)
    return -1;
  for (guint i = 0; i < n; i++)
    if (strcmp (names[i], s) == 0)
      return (int) i;
  return -1;
}

static const char *
name_at (const char * const *names, guint n, int i)
{
  return (i >= 0 && (guint) i < n) ? names[i] : "unknown";
}

static const char *
label_at (const char * const *labels, guint n, int i)
{
  return (i >= 0 && (guint) i < n) ? _(labels[i]) : _("Unknown");
}

static char *
names_joined (const char * const *names, guint n)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s%s", i ? ", " : "", names[i]);
  return g_string_free (s, FALSE);
}

#define DEFINE_ENUM_STRINGS(prefix, Type, names, labels)                      \
  const char *prefix##_to_string (Type v)                                     \
  { return name_at (names, G_N_ELEMENTS (names), (int) v); }                  \
  int prefix##_from_string (const char *s)                                    \
  { return lookup (names, G_N_ELEMENTS (names), s); }                         \
  const char *prefix##_label (Type v)                                         \
  { return label_at (labels, G_N_ELEMENTS (labels), (int) v); }               \
  char *prefix##_names (void)                                                 \
  { return names_joined (names, G_N_ELEMENTS (names)); }

DEFINE_ENUM_STRINGS (sw_channel, SwChannel, channel_names, channel_labels)
DEFINE_ENUM_STRINGS (sw_kind, SwKind, kind_names, kind_labels)
DEFINE_ENUM_STRINGS (sw_state, SwState, state_names, state_labels)
DEFINE_ENUM_STRINGS (sw_resolution, SwResolution, resolution_names, resolution_labels)
DEFINE_ENUM_STRINGS (sw_role, SwRole, role_names, role_labels)
DEFINE_ENUM_STRINGS (sw_staff_kind, SwStaffKind, staff_kind_names, staff_kind_labels)
DEFINE_ENUM_STRINGS (sw_availability, SwAvailability, availability_names, availability_labels)
DEFINE_ENUM_STRINGS (sw_event_kind, SwEventKind, event_names, event_labels)
