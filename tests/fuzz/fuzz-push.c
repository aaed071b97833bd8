/* fuzz-push.c — libFuzzer target over what the server parses from a
 * request: push bodies (events, contacts, audit entries and the check of
 * their chain), enrolment bodies, contacts, audit entries, query numbers.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdint.h>

#include "sw-audit-entry.h"
#include "sw-protocol.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(SwPushRequest) push = sw_push_request_parse ((const char *) data, size, 1000, NULL);
  g_autoptr(JsonNode) node = sw_protocol_parse ((const char *) data, size, 1 << 20, 32, NULL);
  g_autofree char *text = g_strndup ((const char *) data, MIN (size, 64));
  guint64 n;

  for (guint i = 0; push && i < push->contacts->len; i++)
    {
      g_autoptr(SwContact) masked = sw_contact_copy_masked (g_ptr_array_index (push->contacts, i));
      g_autoptr(JsonNode) out = sw_protocol_contact_to_json (masked);
    }
  for (guint i = 0; push && i < push->events->len; i++)
    {
      g_autoptr(JsonNode) out = sw_protocol_event_to_json (g_ptr_array_index (push->events, i));
    }
  if (push != NULL && push->audit != NULL)
    {
      gint64 bad_seq = 0;

      /* what the server does with a device's audit entries */
      sw_audit_chain_check (push->audit, 0, SW_AUDIT_GENESIS, &bad_seq);
      for (guint i = 0; i < push->audit->len; i++)
        {
          g_autoptr(JsonNode) out = sw_protocol_audit_to_json (g_ptr_array_index (push->audit, i));
        }
    }
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autoptr(SwContact) c = sw_protocol_contact_from_json (node, NULL);
      g_autoptr(SwCaseEvent) ev = sw_protocol_event_from_json (node, NULL);
      g_autoptr(SwAuditEntry) a = sw_protocol_audit_from_json (node, NULL);
    }
  sw_protocol_parse_uint (text, 0, G_MAXINT64, &n);
  return 0;
}
