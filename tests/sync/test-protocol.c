/* test-protocol.c — the sync protocol's parsing and a replica applying
 * events: limits before the parser, idempotent inserts, the same fold.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "sw-error.h"
#include "sw-json.h"
#include "sw-protocol.h"
#include "sw-server-sqlite.h"
#include "sw-server-storage.h"
#include "sw-store-replica.h"
#include "sw-test-fixture.h"

static void
test_limits (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *deep = g_strnfill (100000, '[');
  g_autoptr(JsonNode) ok = sw_protocol_parse ("{\"a\": [[1]]}", 12, 100, 8, &error);
  JsonNode *node;

  g_assert_no_error (error);
  g_assert_nonnull (ok);
  node = sw_protocol_parse (deep, strlen (deep), 1 << 20, 32, &error);
  g_assert_error (error, SW_PROTOCOL_ERROR, SW_PROTOCOL_ERROR_TOO_DEEP);
  g_assert_null (node);
  g_clear_error (&error);
  /* brackets inside strings do not count */
  node = sw_protocol_parse ("[\"[[[[[[[[[[\"]", 14, 100, 2, &error);
  g_assert_no_error (error);
  json_node_unref (node);
  node = sw_protocol_parse ("{}", 2, 1, 8, &error);
  g_assert_error (error, SW_PROTOCOL_ERROR, SW_PROTOCOL_ERROR_TOO_LARGE);
  g_clear_error (&error);
  node = sw_protocol_parse ("{\"a\":\0}", 7, 100, 8, &error);
  g_assert_error (error, SW_PROTOCOL_ERROR, SW_PROTOCOL_ERROR_INVALID_JSON);
  g_clear_error (&error);
  /* nested too deep inside an otherwise valid value, and a NUL after one */
  node = sw_protocol_parse ("{\"a\":[[[{\"b\":[1]}]]]}", 21, 100, 5, &error);
  g_assert_error (error, SW_PROTOCOL_ERROR, SW_PROTOCOL_ERROR_TOO_DEEP);
  g_assert_null (node);
  g_clear_error (&error);
  node = sw_protocol_parse ("{\"a\":[[[{\"b\":[1]}]]]}", 21, 100, 6, &error);
  g_assert_no_error (error);
  g_clear_pointer (&node, json_node_unref);
  node = sw_protocol_parse ("{}\0{}", 5, 100, 8, &error);
  g_assert_error (error, SW_PROTOCOL_ERROR, SW_PROTOCOL_ERROR_INVALID_JSON);
  g_assert_null (node);
  g_assert_cmpstr (sw_protocol_error_name (SW_PROTOCOL_ERROR_TOO_LARGE), ==, "too_large");
  g_assert_cmpuint (sw_protocol_error_status (SW_PROTOCOL_ERROR_FORBIDDEN), ==, 403);
}

/* What the hand-written JSON writes reads back as the same strings and
 * numbers; a contact (the pull page writes them) reads back whole. */
static void
test_writer_reads_back (void)
{
  static const char *const texts[] = {
    "", "plain", "中文 — ✓ 张三", "quote \" and \\ backslash", "tab\tnew\nline\rret",
    "\x01\x1f\x7f control", "\"", "\\", "end\\",
  };
  static const gint64 numbers[] = { 0, 7, -7, 10, 1733400000000, G_MININT64, G_MAXINT64 };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(JsonNode) node = NULL;

      sw_json_append_string (out, texts[i]);
      node = sw_protocol_parse (out->str, out->len, 1 << 20, 8, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (json_node_get_string (node), ==, texts[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autofree char *printed = g_strdup_printf ("%" G_GINT64_FORMAT, numbers[i]);

      sw_json_append_int (out, numbers[i]);
      g_assert_cmpstr (out->str, ==, printed);
    }
  {
    SwContact c = { .case_id = "0b1f6c2e-4a5d-4c3b-9e8f-1a2b3c4d5e6f", .name = "欧阳\"娜娜\"", .phone = "13911112222", .unit = NULL,
                    .address = "北京\\朝阳" };
    SwEarlierContact e = { .event_id = "7c9e6679-7425-40de-944b-e07fc1f90ae7", .at = 1733400000000, .actor = "R01", .reason = "登记时电话输错",
                           .name = NULL, .phone = "13800000000", .unit = "某公司", .address = NULL };
    g_autoptr(GPtrArray) earlier = g_ptr_array_new ();
    g_autoptr(GString) out = g_string_new (NULL);
    g_autoptr(JsonNode) node = NULL;
    g_autoptr(SwContact) back = NULL;
    SwEarlierContact *b;

    g_ptr_array_add (earlier, &e);
    c.earlier = earlier;
    sw_protocol_append_contact (out, &c);
    node = sw_protocol_parse (out->str, out->len, 1 << 20, 8, &error);
    g_assert_no_error (error);
    back = sw_protocol_contact_from_json (node, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (back->case_id, ==, c.case_id);
    g_assert_cmpstr (back->name, ==, c.name);
    g_assert_cmpstr (back->phone, ==, c.phone);
    g_assert_null (back->unit);
    g_assert_cmpstr (back->address, ==, c.address);
    g_assert_cmpuint (back->earlier->len, ==, 1);
    b = g_ptr_array_index (back->earlier, 0);
    g_assert_cmpstr (b->event_id, ==, e.event_id);
    g_assert_cmpint (b->at, ==, e.at);
    g_assert_cmpstr (b->reason, ==, e.reason);
    g_assert_null (b->name);
    g_assert_cmpstr (b->phone, ==, e.phone);
    g_assert_cmpstr (b->unit, ==, e.unit);
    /* the tree the push request carries is made of the same text */
    g_clear_pointer (&node, json_node_unref);
    node = sw_protocol_contact_to_json (&c);
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "name"), ==, c.name);
  }
}

/* The protocol's reader reads valid JSON to the tree JsonParser builds,
 * and refuses what RFC 8259 does not allow (JsonParser lets "01" pass). */
static void
test_reader_agrees (void)
{
  static const char *const valid[] = {
    "{}", "[]", "0", "-0", "17", "-9223372036854775808", "9223372036854775807",
    "1.5", "-2.25e3", "1E-2", "0.0", "true", "false", "null",
    "\"\"", "\"plain\"", "\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\"", "\"\\u00e9\\u4e2d\\ud83d\\ude00\"",
    "\"中文 — ✓\"", " \t\r\n{ \"a\" : [ 1 , { \"b\" : null } , \"c\" ] } \n",
    "{\"a\":1,\"a\":2,\"b\":[[],[[]],{}]}", "[1,-1,1.0,\"1\",true,null,{},[]]",
    "{\"events\":[{\"id\":\"x\",\"payload\":{\"k\":\"v\",\"n\":3}}],\"more\":true,\"cursor\":12}",
  };
  static const char *const invalid[] = {
    "{", "}", "[", "[1,]", "[,1]", "[1 2]", "{\"a\":1,}", "{\"a\" 1}", "{\"a\":}", "{1:2}",
    "{\"a\":1 \"b\":2}", "01", "1.", ".5", "-", "+1", "1e", "1e+", "--1", "tru", "nul", "falsey",
    "\"abc", "\"\\x\"", "\"\\u12\"", "\"\\u12g4\"", "\"a\tb\"", "\"a\nb\"", "[]]", "\"a\"b", "[1]x",
    "NaN", "'a'", "[\"\\\"]", "\"\\ud800\"", "\"\\udc00\\ud800\"", "\"\\u0000\"",
    /* not UTF-8: in a string (a lone continuation byte, a cut sequence, a
     * sequence cut by an escape, an overlong '/', a surrogate), in a
     * member's name, and outside any string */
    "\"\x80\"", "\"\xe4\xb8\"", "\"\xe4\xb8\\n\xad\"", "\"\xc0\xaf\"", "\"\xed\xa0\x80\"",
    "{\"\xff\":1}", "[1,\xe4\xb8\xad]",
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(JsonNode) ours = sw_protocol_parse (valid[i], strlen (valid[i]), 1 << 20, 8, &error);
      g_autoptr(JsonNode) theirs = json_from_string (valid[i], NULL);
      g_autofree char *a = NULL, *b = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (ours);
      g_assert_nonnull (theirs);
      a = json_to_string (ours, FALSE);
      b = json_to_string (theirs, FALSE);
      g_assert_cmpstr (a, ==, b);
      g_assert_true (json_node_equal (ours, theirs));
    }
  /* where JsonParser wraps an integer past 64 bits round, it is a double */
  {
    g_autoptr(JsonNode) big = sw_protocol_parse ("12345678901234567890", 20, 100, 8, &error);

    g_assert_no_error (error);
    g_assert_cmpint (json_node_get_value_type (big), ==, G_TYPE_DOUBLE);
    g_assert_cmpfloat (json_node_get_double (big), ==, 12345678901234567890.0);
  }
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(JsonNode) ours = sw_protocol_parse (invalid[i], strlen (invalid[i]), 1 << 20, 8, &error);

      if (ours != NULL)
        g_error ("read as JSON: %s", invalid[i]);
      g_assert_error (error, SW_PROTOCOL_ERROR, SW_PROTOCOL_ERROR_INVALID_JSON);
      g_clear_error (&error);
    }
}

/* An event read straight from a batch's text is the event read from its
 * tree: the same members, or the same error, for every kind of mistake. */
static void
test_batch_reads_as_tree (void)
{
#define ID "\"id\": \"0190A5A8-0000-7000-8000-000000000001\""
#define CASE "\"case_id\": \"0190a5a8-0000-7000-8000-000000000002\""
#define REST "\"at\": 5, \"hlc_ms\": 6, \"hlc_counter\": 2, \"device\": \"d\""
  static const char *const events[] = {
    "{" ID ", " CASE ", \"kind\": \"note\", \"actor\": \"R01\", " REST ", \"payload\": {\"text\": \"好\\n\", \"n\": -3}}",
    "{" ID ", " CASE ", \"kind\": \"note\", \"actor\": null, " REST ", \"payload\": {}}",
    "{" ID ", " CASE ", \"kind\": \"note\", " REST ", \"payload\": {\"a\": [1, {\"b\": null}], \"c\": 1.5}}",
    "{\"later\": {\"x\": [1]}, " ID ", " CASE ", \"kind\": \"note\", " REST ", \"payload\": {}, \"extra\": true}",
    "{" ID ", " CASE ", \"kind\": \"note\", " REST ", \"device\": \"e\", \"payload\": {\"x\": 1}, \"payload\": {\"y\": 2}}",
    "{" CASE ", \"kind\": \"note\", " REST ", \"payload\": {}}",
    "{" ID ", " CASE ", \"kind\": \"note\", \"at\": 5, \"hlc_ms\": 6, \"hlc_counter\": 2, \"payload\": {}}",
    "{" ID ", " CASE ", \"kind\": \"note\", " REST ", \"actor\": 7, \"payload\": {}}",
    "{" ID ", " CASE ", \"kind\": \"note\", " REST ", \"device\": \"\", \"payload\": {}}",
    "{" ID ", " CASE ", \"kind\": \"note\", " REST ", \"device\": null, \"payload\": {}}",
    "{" ID ", " CASE ", \"kind\": \"note\", " REST ", \"at\": -1, \"payload\": {}}",
    "{" ID ", " CASE ", \"kind\": \"note\", " REST ", \"at\": 5.0, \"payload\": {}}",
    "{" ID ", " CASE ", \"kind\": \"note\", " REST ", \"hlc_counter\": 2147483648, \"payload\": {}}",
    "{" ID ", " CASE ", \"kind\": \"note\", " REST ", \"actor\": \"0123456789012345678901234567890123456789012345678901234567890123456789\", \"payload\": {}}",
    "{" ID ", " CASE ", \"kind\": \"note\", " REST ", \"payload\": []}",
    "{" ID ", " CASE ", \"kind\": \"note\", " REST "}",
    "{" ID ", " CASE ", \"kind\": \"flying\", " REST ", \"payload\": {}}",
    "{\"id\": \"x\", " CASE ", \"kind\": \"note\", " REST ", \"payload\": {}}",
    "{" ID ", \"case_id\": [], \"kind\": \"note\", " REST ", \"payload\": {}}",
    "[1]",
  };
#undef ID
#undef CASE
#undef REST

  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    {
      g_autofree char *batch = g_strdup_printf ("{\"cursor\": 4, \"events\": [%s]}", events[i]);
      g_autoptr(JsonNode) tree = json_from_string (events[i], NULL);
      g_autoptr(GError) tree_error = NULL, batch_error = NULL;
      g_autoptr(SwCaseEvent) a = sw_protocol_event_from_json (tree, &tree_error);
      g_autoptr(GPtrArray) read = NULL;
      g_autoptr(JsonObject) rest = NULL;
      SwCaseEvent *b;

      g_test_message ("%s", events[i]);
      if (a == NULL)
        {
          g_autofree char *expected = NULL;

          g_assert_false (sw_protocol_read_batch (batch, strlen (batch), 1 << 20, &read, &rest, &batch_error));
          g_assert_error (batch_error, SW_PROTOCOL_ERROR, tree_error->code);
          expected = g_strdup_printf ("Event 1: %s", tree_error->message);
          g_assert_cmpstr (batch_error->message, ==, expected);
          continue;
        }
      g_assert_true (sw_protocol_read_batch (batch, strlen (batch), 1 << 20, &read, &rest, &batch_error));
      g_assert_no_error (batch_error);
      g_assert_cmpuint (read->len, ==, 1);
      g_assert_cmpint (json_object_get_int_member (rest, "cursor"), ==, 4);
      g_assert_false (json_object_has_member (rest, "events"));
      b = g_ptr_array_index (read, 0);
      g_assert_cmpstr (sw_case_event_get_id (a), ==, sw_case_event_get_id (b));
      g_assert_cmpstr (sw_case_event_get_id (b), ==, "0190a5a8-0000-7000-8000-000000000001");
      g_assert_cmpstr (sw_case_event_get_case_id (a), ==, sw_case_event_get_case_id (b));
      g_assert_cmpint (sw_case_event_get_kind (a), ==, sw_case_event_get_kind (b));
      g_assert_cmpstr (sw_case_event_get_actor (a), ==, sw_case_event_get_actor (b));
      g_assert_cmpint (sw_case_event_get_at (a), ==, sw_case_event_get_at (b));
      g_assert_cmpint (sw_case_event_get_hlc_ms (a), ==, sw_case_event_get_hlc_ms (b));
      g_assert_cmpint (sw_case_event_get_hlc_counter (a), ==, sw_case_event_get_hlc_counter (b));
      g_assert_cmpstr (sw_case_event_get_device (a), ==, sw_case_event_get_device (b));
      /* the payload's text is kept as it came: the same object */
      {
        g_autoptr(JsonNode) pa = json_from_string (sw_case_event_peek_payload_json (a), NULL);
        g_autoptr(JsonNode) pb = json_from_string (sw_case_event_peek_payload_json (b), NULL);
        g_autoptr(JsonNode) ob = json_node_init_object (json_node_alloc (), sw_case_event_get_payload (b));

        g_assert_true (json_node_equal (pa, pb));
        g_assert_true (json_node_equal (pb, ob));
      }
      /* and each member reads the same, as read or as a tree */
      {
        g_autoptr(GList) names = json_object_get_members (sw_case_event_get_payload (a));
        g_autofree char *text = g_strdup_printf ("{\"events\": [%s]}", events[i]);
        g_autoptr(GPtrArray) again = NULL;
        g_autoptr(JsonObject) rest_again = NULL;
        SwCaseEvent *c;

        g_assert_true (sw_protocol_read_batch (text, strlen (text), 1 << 20, &again, &rest_again, NULL));
        c = g_ptr_array_index (again, 0);
        for (GList *l = names; l != NULL; l = l->next)
          {
            g_assert_true (sw_case_event_has (c, l->data));
            g_assert_cmpstr (sw_case_event_get_string (c, l->data), ==, sw_case_event_get_string (a, l->data));
            g_assert_cmpint (sw_case_event_get_int (c, l->data), ==, sw_case_event_get_int (a, l->data));
          }
        g_assert_false (sw_case_event_has (c, "absent"));
        g_assert_null (sw_case_event_get_string (c, "absent"));
      }
    }

  /* what is no batch */
  {
    static const struct { const char *text; int code; } wrong[] = {
      { "[]", SW_PROTOCOL_ERROR_INVALID_REQUEST },
      { "\"events\"", SW_PROTOCOL_ERROR_INVALID_REQUEST },
      { "{\"events\": [", SW_PROTOCOL_ERROR_INVALID_JSON },
      { "{\"events\": [{]}", SW_PROTOCOL_ERROR_INVALID_JSON },
      { "{\"events\": []} []", SW_PROTOCOL_ERROR_INVALID_JSON },
      { "[", SW_PROTOCOL_ERROR_INVALID_JSON },
    };

    for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GPtrArray) read = NULL;
        g_autoptr(JsonObject) rest = NULL;

        g_assert_false (sw_protocol_read_batch (wrong[i].text, strlen (wrong[i].text), 100, &read, &rest, &error));
        g_assert_error (error, SW_PROTOCOL_ERROR, wrong[i].code);
        g_assert_null (read);
        g_assert_null (rest);
      }
  }
  /* an "events" that is no array stays with the others */
  {
    g_autoptr(GPtrArray) read = NULL;
    g_autoptr(JsonObject) rest = NULL;

    g_assert_true (sw_protocol_read_batch ("{\"events\": 3}", 13, 100, &read, &rest, NULL));
    g_assert_null (read);
    g_assert_cmpint (json_object_get_int_member (rest, "events"), ==, 3);
  }
}

static void
test_push_request (void)
{
  static const char *const bad[] = {
    "[]",
    "{\"events\": 3}",
    "{\"events\": [{\"id\": \"x\"}]}",
    "{\"events\": [{\"id\": \"0190a5a8-0000-7000-8000-000000000001\", \"case_id\": \"0190a5a8-0000-7000-8000-000000000002\","
    " \"kind\": \"flying\", \"actor\": null, \"at\": 1, \"hlc_ms\": 1, \"hlc_counter\": 0, \"device\": \"d\", \"payload\": {}}]}",
    "{\"events\": [{\"id\": \"0190a5a8-0000-7000-8000-000000000001\", \"case_id\": \"0190a5a8-0000-7000-8000-000000000002\","
    " \"kind\": \"note\", \"actor\": null, \"at\": \"1\", \"hlc_ms\": 1, \"hlc_counter\": 0, \"device\": \"d\", \"payload\": {}}]}",
    "{\"contacts\": [{\"case_id\": \"0190a5a8-0000-7000-8000-000000000002\", \"name\": null, \"phone\": null,"
    " \"unit\": null, \"address\": null, \"earlier\": [{\"at\": 3, \"phone\": \"13712345678\"}]}], \"events\": []}",
    "{\"contacts\": [{\"case_id\": \"0190a5a8-0000-7000-8000-000000000002\", \"name\": null, \"phone\": null,"
    " \"unit\": null, \"address\": null, \"earlier\": \"13712345678\"}], \"events\": []}",
  };
  const char *good =
    "{\"epoch\": \"e1\", \"events\": [{\"id\": \"0190A5A8-0000-7000-8000-000000000001\","
    " \"case_id\": \"0190a5a8-0000-7000-8000-000000000002\", \"kind\": \"note\", \"actor\": \"R01\","
    " \"at\": 5, \"hlc_ms\": 5, \"hlc_counter\": 2, \"device\": \"d\", \"payload\": {\"text\": \"好\"}}],"
    " \"contacts\": [{\"case_id\": \"0190a5a8-0000-7000-8000-000000000002\", \"name\": \"张三\","
    " \"phone\": \"13812341234\", \"unit\": null, \"address\": \"北京\","
    " \"earlier\": [{\"event\": \"0190a5a8-0000-7000-8000-000000000009\", \"at\": 3, \"actor\": \"R01\","
    " \"reason\": \"输错\", \"name\": null, \"phone\": \"13712345678\", \"unit\": null, \"address\": null}]}]}";
  g_autoptr(SwPushRequest) r = NULL;
  g_autoptr(SwContact) masked = NULL;
  SwCaseEvent *ev;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SwPushRequest) b = sw_push_request_parse (bad[i], strlen (bad[i]), 10, &error);

      g_assert_null (b);
      g_assert_nonnull (error);
      g_assert_true (error->domain == SW_PROTOCOL_ERROR);
    }
  r = sw_push_request_parse (good, strlen (good), 10, NULL);
  g_assert_nonnull (r);
  g_assert_cmpstr (r->epoch, ==, "e1");
  g_assert_cmpuint (r->events->len, ==, 1);
  ev = g_ptr_array_index (r->events, 0);
  g_assert_cmpstr (sw_case_event_get_id (ev), ==, "0190a5a8-0000-7000-8000-000000000001");
  g_assert_cmpint (sw_case_event_get_hlc_counter (ev), ==, 2);
  g_assert_cmpstr (sw_case_event_get_string (ev, "text"), ==, "好");
  g_assert_null (sw_push_request_parse (good, strlen (good), 0, NULL));

  /* what an amend replaced travels in the contact, whole; never masked */
  {
    SwContact *c = g_ptr_array_index (r->contacts, 0);
    SwEarlierContact *e;

    g_assert_nonnull (c->earlier);
    g_assert_cmpuint (c->earlier->len, ==, 1);
    e = g_ptr_array_index (c->earlier, 0);
    g_assert_cmpstr (e->phone, ==, "13712345678");
    g_assert_cmpstr (e->reason, ==, "输错");
    g_assert_null (e->name);
  }
  masked = sw_contact_copy_masked (g_ptr_array_index (r->contacts, 0));
  g_assert_null (masked->earlier);
  g_assert_cmpstr (masked->name, ==, "张*");
  g_assert_cmpstr (masked->phone, ==, "138****1234");
  g_assert_cmpstr (masked->address, ==, "***");
}

/* A second replica that receives a case's events (twice) folds the same
 * row; the HLC moves past them. */
static void
test_apply (SwFixture     *fx,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) c = sw_fixture_register (fx, "R01", FALSE);
  g_autoptr(SwCase) t = sw_ops_transfer (fx->store, "R01", sw_case_get_id (c), "CORP", "对公", &error);
  g_autofree char *path = g_build_filename (fx->dir, "replica.db", NULL);
  g_autoptr(SwStore) replica = NULL;
  g_autoptr(GPtrArray) events = NULL, contacts = NULL, inserted = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SwCase) there = NULL;
  g_autoptr(JsonNode) dir = NULL;
  g_autoptr(SwCase) next = NULL;

  g_assert_no_error (error);
  events = sw_store_replica_outbox (fx->store, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 2);
  contacts = sw_store_replica_contacts_for (fx->store, events);
  g_assert_cmpuint (contacts->len, ==, 1);

  replica = sw_store_open (path, &error);
  g_assert_no_error (error);
  dir = sw_store_export_directory (fx->store, &error);
  g_assert_no_error (error);
  g_assert_true (sw_store_import_directory (replica, dir, TRUE, &error));
  g_assert_true (sw_store_replica_apply (replica, events, contacts, inserted, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (inserted->len, ==, 2);
  g_ptr_array_set_size (inserted, 0);
  g_assert_true (sw_store_replica_apply (replica, events, contacts, inserted, &error));
  g_assert_cmpuint (inserted->len, ==, 0);

  there = sw_store_get_case (replica, sw_case_get_id (c), &error);
  g_assert_no_error (error);
  g_assert_true (sw_case_equal (there, t, NULL));
  g_assert_cmpstr (sw_case_get_customer_phone (there), ==, "13812341234");
  g_assert_cmpuint (sw_store_replica_count_outbox (replica), ==, 0);

  /* the replica's next event sorts after what it received */
  sw_store_set_now (replica, 1000);
  next = sw_ops_accept (replica, "C01", sw_case_get_id (c), "C02", &error);
  g_assert_no_error (error);
  {
    g_autoptr(GListModel) log = sw_store_list_events (replica, sw_case_get_id (c), NULL);
    g_autoptr(SwCaseEvent) last = g_list_model_get_item (log, 2);
    g_assert_cmpint (sw_case_event_get_kind (last), ==, SW_EVENT_ACCEPTED);
    g_assert_cmpstr (sw_case_event_get_string (last, "prev"), ==,
                     sw_case_event_get_id (g_ptr_array_index (events, 1)));
  }
}

/* Directory edits are recorded whatever wrote them, only when a row
 * changes, never for what an import brings; an import keeps the edits not
 * yet sent on top. */
static void
test_directory_outbox (SwFixture     *fx,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) dir = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(SwStaff) r01 = sw_store_get_staff (fx->store, "R01");
  g_autoptr(SwStaff) again = NULL;
  SwDirectoryChange *c;

  g_assert_true (sw_store_directory_clear_outbox (fx->store, &error));
  dir = sw_store_export_directory (fx->store, &error);
  g_assert_no_error (error);
  g_assert_true (sw_store_put_staff (fx->store, r01, &error));
  g_assert_cmpuint (sw_store_directory_count_outbox (fx->store), ==, 0);

  sw_store_set_now (fx->store, 1795000000000);
  g_object_set (r01, "availability", SW_AVAILABILITY_LEAVE, NULL);
  g_assert_true (sw_store_put_staff (fx->store, r01, &error));
  g_assert_true (sw_store_set_calendar_day (fx->store, "2026-12-28", SW_DAY_NORMAL, NULL, &error));
  g_assert_true (sw_store_set_calendar_day (fx->store, "2026-12-29", SW_DAY_HOLIDAY, "休", &error));
  g_assert_true (sw_store_set_calendar_day (fx->store, "2026-12-29", SW_DAY_NORMAL, NULL, &error));
  changes = sw_store_directory_outbox (fx->store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 3);
  c = g_ptr_array_index (changes, 0);
  g_assert_cmpstr (c->table, ==, "staff");
  g_assert_cmpstr (c->key, ==, "R01");
  g_assert_cmpint (c->at, ==, 1795000000000);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (c->row), "availability"), ==, "leave");
  c = g_ptr_array_index (changes, 2);
  g_assert_cmpstr (c->key, ==, "2026-12-29");
  g_assert_null (c->row);

  /* the server's older directory comes in: nothing recorded, the edit stays */
  g_assert_true (sw_store_import_directory (fx->store, dir, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sw_store_directory_count_outbox (fx->store), ==, 3);
  again = sw_store_get_staff (fx->store, "R01");
  g_assert_cmpint (sw_staff_get_availability (again), ==, SW_AVAILABILITY_LEAVE);

  /* sent: the next import replaces it */
  for (guint i = 0; i < changes->len; i++)
    g_assert_true (sw_store_directory_mark (fx->store, ((SwDirectoryChange *) g_ptr_array_index (changes, i))->seq,
                                            NULL, NULL, &error));
  g_assert_true (sw_store_import_directory (fx->store, dir, TRUE, &error));
  g_clear_object (&again);
  again = sw_store_get_staff (fx->store, "R01");
  g_assert_cmpint (sw_staff_get_availability (again), ==, SW_AVAILABILITY_ON_DUTY);
  g_assert_cmpuint (sw_store_directory_count_outbox (fx->store), ==, 0);

  /* refused: kept on top of imports until retried or withdrawn */
  g_object_set (r01, "availability", SW_AVAILABILITY_SICK, NULL);
  g_assert_true (sw_store_put_staff (fx->store, r01, &error));
  g_clear_pointer (&changes, g_ptr_array_unref);
  changes = sw_store_directory_outbox (fx->store, 0, &error);
  g_assert_cmpuint (changes->len, ==, 1);
  c = g_ptr_array_index (changes, 0);
  g_assert_true (sw_store_directory_mark (fx->store, c->seq, "forbidden", "no", &error));
  g_assert_true (sw_store_import_directory (fx->store, dir, TRUE, &error));
  g_clear_object (&again);
  again = sw_store_get_staff (fx->store, "R01");
  g_assert_cmpint (sw_staff_get_availability (again), ==, SW_AVAILABILITY_SICK);
  {
    g_autoptr(GPtrArray) refused = sw_store_directory_refused (fx->store, &error);
    guint n = 0;

    g_assert_cmpuint (refused->len, ==, 1);
    g_assert_cmpuint (sw_store_directory_count_refused (fx->store), ==, 1);
    g_assert_cmpstr (((SwDirectoryChange *) g_ptr_array_index (refused, 0))->code, ==, "forbidden");
    g_assert_true (sw_store_directory_retry (fx->store, 0, &n, &error));
    g_assert_cmpuint (n, ==, 1);
    g_assert_cmpuint (sw_store_directory_count_outbox (fx->store), ==, 1);
    g_assert_cmpuint (sw_store_directory_count_refused (fx->store), ==, 0);
  }
  g_assert_true (sw_store_directory_mark (fx->store, c->seq, "forbidden", "no", &error));
  g_assert_true (sw_store_directory_withdraw (fx->store, c->seq, &error));
  g_assert_no_error (error);
  g_assert_false (sw_store_directory_withdraw (fx->store, c->seq, &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_NOT_FOUND);
  {
    g_autofree char *version = sw_store_get_meta (fx->store, SW_META_DIRECTORY_VERSION);
    g_assert_cmpstr (version, ==, "0");
  }
  g_assert_true (sw_store_import_directory (fx->store, dir, TRUE, NULL));
  g_clear_object (&again);
  again = sw_store_get_staff (fx->store, "R01");
  g_assert_cmpint (sw_staff_get_availability (again), ==, SW_AVAILABILITY_ON_DUTY);
}

/* Retrying one refused event: only an event the server refused can be
 * retried, and that one goes back into the outbox. */
static void
test_retry_refused (SwFixture     *fx,
                    gconstpointer  data)
{
  g_autoptr(SwCase) c = sw_fixture_register (fx, "R01", FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) events = sw_store_list_events (fx->store, sw_case_get_id (c), &error);
  g_autoptr(SwCaseEvent) ev = g_list_model_get_item (events, 0);
  const char *id = sw_case_event_get_id (ev);
  guint n = 99;

  g_assert_false (sw_store_replica_retry (fx->store, id, &n, &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, id));
  g_clear_error (&error);
  g_assert_true (sw_store_replica_reject (fx->store, id, "invalid_event", "bad", &error));
  g_assert_true (sw_store_replica_retry (fx->store, id, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_false (sw_store_replica_retry (fx->store, id, &n, &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_NOT_FOUND);
}

/* The server's own tables have a format of their own: one from before it
 * was kept is brought up to date, a newer one is refused; a location that
 * is not a data directory is refused too. */
static void
test_server_schema (SwFixture     *fx,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (fx->dir, "server", NULL);
  g_autofree char *path = g_build_filename (dir, "shouwen-server.db", NULL);
  g_autoptr(SwServerStorage) storage = sw_server_storage_open (dir, &error);
  g_autoptr(SwStore) db = NULL;
  g_autofree char *v = NULL;

  g_assert_no_error (error);
  /* acknowledged means durable: the server's store commits with synchronous=FULL */
  g_assert_true (sw_store_is_durable (sw_server_sqlite_get_store (SW_SERVER_SQLITE (storage))));
  g_clear_object (&storage);
  db = sw_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (sw_store_is_durable (db));
  v = sw_store_get_meta (db, SW_META_SERVER_SCHEMA);
  g_assert_cmpstr (v, ==, "3");   /* 2: passwords moved into staff_credentials, 3: audit */
  g_assert_true (sw_store_set_meta (db, SW_META_SERVER_SCHEMA, NULL, &error));
  g_clear_object (&db);
  storage = sw_server_storage_open (dir, &error);
  g_assert_no_error (error);
  g_clear_object (&storage);

  db = sw_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_pointer (&v, g_free);
  v = sw_store_get_meta (db, SW_META_SERVER_SCHEMA);
  g_assert_cmpstr (v, ==, "3");
  g_assert_true (sw_store_set_meta (db, SW_META_SERVER_SCHEMA, "99", &error));
  g_clear_object (&db);
  storage = sw_server_storage_open (dir, &error);
  g_assert_error (error, SW_ERROR, SW_ERROR_DB_TOO_NEW);
  g_assert_null (storage);
  g_clear_error (&error);

  /* a PostgreSQL database nobody serves: a clear error, no handle (the
   * engine itself is tested against a real cluster: test_pg_servers) */
  storage = sw_server_storage_open ("postgresql://shouwen@/shouwen?host=/nonexistent&connect_timeout=2", &error);
  g_assert_error (error, SW_ERROR, SW_ERROR_DB);
  g_assert_null (storage);
  g_clear_error (&error);
  storage = sw_server_storage_open ("mysql://localhost/shouwen", &error);
  g_assert_error (error, SW_ERROR, SW_ERROR_INVALID);
  g_assert_null (storage);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/protocol/limits", test_limits);
  g_test_add_func ("/protocol/reader-agrees", test_reader_agrees);
  g_test_add_func ("/protocol/writer-reads-back", test_writer_reads_back);
  g_test_add_func ("/protocol/batch-reads-as-tree", test_batch_reads_as_tree);
  g_test_add_func ("/protocol/push-request", test_push_request);
  g_test_add ("/protocol/apply", SwFixture, NULL, sw_fixture_setup, test_apply, sw_fixture_teardown);
  g_test_add ("/protocol/retry-refused", SwFixture, NULL, sw_fixture_setup, test_retry_refused,
              sw_fixture_teardown);
  g_test_add ("/protocol/directory-outbox", SwFixture, NULL, sw_fixture_setup, test_directory_outbox,
              sw_fixture_teardown);
  g_test_add ("/protocol/server-schema", SwFixture, NULL, sw_fixture_setup, test_server_schema,
              sw_fixture_teardown);
  return g_test_run ();
}
