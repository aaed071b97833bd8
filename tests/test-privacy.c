/* test-privacy.c — personal data by law through the core and a real store: amend, retention purge, no byte left behind
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE
#include <string.h>

#include "sw-access.h"
#include "sw-error.h"
#include "sw-mask.h"
#include "sw-store-privacy.h"
#include "sw-test-fixture.h"

#define DAY_MS (24 * 3600 * (gint64) 1000)

static SwStaff *
staff (SwFixture  *fx,
       const char *empno)
{
  SwStaff *s = sw_store_get_staff (fx->store, empno);
  g_assert_nonnull (s);
  return s;
}

static gboolean
file_holds (const char *path,
            const char *needle)
{
  g_autofree char *bytes = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &bytes, &len, NULL))
    return FALSE;
  return memmem (bytes, len, needle, strlen (needle)) != NULL;
}

static guint
n_events (SwFixture  *fx,
          const char *id)
{
  g_autoptr(GListModel) events = sw_store_list_events (fx->store, id, NULL);
  return g_list_model_get_n_items (events);
}

static void
test_amend (SwFixture     *fx,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) c = sw_fixture_register (fx, "R01", FALSE);
  g_autoptr(SwCase) amended = NULL;
  g_autoptr(SwCase) stored = NULL;
  g_autoptr(SwStaff) inspector = staff (fx, "U01");
  g_autoptr(SwStaff) admin = staff (fx, "A01");
  g_autoptr(GHashTable) old_hits = NULL;
  g_autoptr(GHashTable) new_hits = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *masked = NULL;
  g_autofree char *earlier = NULL;
  SwAmendment a = { .customer_phone = "13900001111", .content = "咨询提前还款的违约金" };
  guint before = n_events (fx, sw_case_get_id (c));

  amended = sw_ops_amend (fx->store, "R01", sw_case_get_number (c), &a, "登记时电话输错", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sw_case_get_customer_phone (amended), ==, "13900001111");
  g_assert_cmpstr (sw_case_get_content (amended), ==, "咨询提前还款的违约金");
  g_assert_cmpstr (sw_case_get_customer_name (amended), ==, "张三");

  stored = sw_store_get_case (fx->store, sw_case_get_id (c), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sw_case_get_customer_phone (stored), ==, "13900001111");
  g_assert_cmpstr (sw_case_get_content (stored), ==, "咨询提前还款的违约金");
  g_assert_cmpuint (n_events (fx, sw_case_get_id (c)), ==, before + 1);

  /* The full-text index sees the amended values, not the earlier phone */
  new_hits = sw_store_search_ids (fx->store, "13900001111", &error);
  g_assert_no_error (error);
  g_assert_true (g_hash_table_contains (new_hits, sw_case_get_id (c)));
  old_hits = sw_store_search_ids (fx->store, "13812341234", &error);
  g_assert_no_error (error);
  g_assert_false (g_hash_table_contains (old_hits, sw_case_get_id (c)));

  /* The earlier content stays in the log (the registration event) */
  earlier = sw_test_query_text (fx->path,
      "SELECT 1 FROM events WHERE payload LIKE '%咨询个人住房贷款提前还款的手续%'");
  g_assert_cmpstr (earlier, ==, "1");

  /* An inspector sees the amended phone masked; an administrator whole */
  sw_access_customer (inspector, stored, NULL, &masked, NULL, NULL);
  g_assert_cmpstr (masked, ==, "139****1111");
  sw_access_customer (admin, stored, NULL, &phone, NULL, NULL);
  g_assert_cmpstr (phone, ==, "13900001111");
}

static void
test_amend_refused (SwFixture     *fx,
                    gconstpointer  data)
{
  g_autoptr(SwCase) c = sw_fixture_register (fx, "R01", FALSE);
  const char *number = sw_case_get_number (c);
  SwAmendment phone = { .customer_phone = "13900001111" };
  SwAmendment same = { .customer_phone = "13812341234", .customer_name = "张三" };
  SwAmendment bad_phone = { .customer_phone = "call me" };
  SwAmendment nothing = { 0 };
  guint before = n_events (fx, sw_case_get_id (c));
  struct { const char *actor, *ref; const SwAmendment *a; const char *reason; int code; } cases[] = {
    { "R01", number, &phone, "", SW_ERROR_INVALID },
    { "R01", number, &phone, "  ", SW_ERROR_INVALID },
    { "R01", number, &phone, NULL, SW_ERROR_INVALID },
    { "R01", number, &same, "核对", SW_ERROR_INVALID },
    { "R01", number, &nothing, "核对", SW_ERROR_INVALID },
    { "R01", number, &bad_phone, "核对", SW_ERROR_INVALID },
    { "R01", "BJ01-X-20990101-9999", &phone, "核对", SW_ERROR_NOT_FOUND },
    { "C01", number, &phone, "核对", SW_ERROR_FORBIDDEN },   /* another department's staff */
    { "CH", number, &phone, "核对", SW_ERROR_FORBIDDEN },    /* another department's head */
    { "U01", number, &phone, "核对", SW_ERROR_FORBIDDEN },   /* an inspector */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SwCase) r = sw_ops_amend (fx->store, cases[i].actor, cases[i].ref, cases[i].a, cases[i].reason, &error);

      g_assert_null (r);
      g_assert_error (error, SW_ERROR, cases[i].code);
    }
  g_assert_cmpuint (n_events (fx, sw_case_get_id (c)), ==, before);

  /* The allowed ones: its head, a supervisor, an administrator */
  {
    const char *allowed[] = { "RH", "O01", "A01" };
    for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
      {
        g_autoptr(GError) error = NULL;
        g_autofree char *p = g_strdup_printf ("1390000111%u", i);
        SwAmendment a = { .customer_phone = p };
        g_autoptr(SwCase) r = sw_ops_amend (fx->store, allowed[i], number, &a, "核对", &error);
        g_assert_no_error (error);
      }
  }
}

static SwCase *
closed_case (SwFixture *fx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) c = sw_fixture_register (fx, "R01", FALSE);
  SwCase *answered = sw_ops_answer (fx->store, "R01", sw_case_get_number (c), "已当场说明提前还款手续", &error);

  g_assert_no_error (error);
  g_assert_cmpint (sw_case_get_state (answered), ==, SW_STATE_CLOSED);
  return answered;
}

static void
test_purge (SwFixture     *fx,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) old = NULL;
  g_autoptr(SwCase) recent = NULL;
  g_autoptr(SwCase) open = NULL;
  g_autoptr(SwCase) after = NULL;
  g_autoptr(SwCase) kept = NULL;
  g_autoptr(GHashTable) hits = NULL;
  g_autoptr(SwStaff) admin = staff (fx, "A01");
  g_autoptr(SwStaff) inspector = staff (fx, "U01");
  g_autofree char *shown = NULL;
  g_autofree char *masked = NULL;
  g_autofree char *wal = NULL;
  gint64 start = sw_test_time ("2020-03-02T10:00");
  guint n = 99, cases_before, events_before;

  sw_store_set_now (fx->store, start);
  old = closed_case (fx);
  {
    SwAmendment a = { .customer_unit = "浙江明远科技有限公司", .customer_address = "杭州市西湖区文三路 88 号" };
    g_autoptr(SwCase) r = sw_ops_amend (fx->store, "R01", sw_case_get_number (old), &a, "补登单位和地址", &error);
    g_assert_no_error (error);
  }
  sw_store_set_now (fx->store, start + 3 * 365 * DAY_MS);
  recent = closed_case (fx);
  open = sw_fixture_register (fx, "R02", FALSE);
  sw_store_set_now (fx->store, start + (5 * 365 + 10) * DAY_MS);
  cases_before = sw_store_count_cases (fx->store);
  events_before = n_events (fx, sw_case_get_id (old));

  /* Only an administrator; nothing written otherwise */
  g_assert_false (sw_ops_purge (fx->store, "O01", FALSE, &n, &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_false (sw_ops_purge (fx->store, "U01", FALSE, &n, &error));
  g_assert_error (error, SW_ERROR, SW_ERROR_FORBIDDEN);
  g_clear_error (&error);

  /* A dry run counts and writes nothing */
  g_assert_true (sw_ops_purge (fx->store, "A01", TRUE, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (n_events (fx, sw_case_get_id (old)), ==, events_before);

  g_assert_true (sw_ops_purge (fx->store, "A01", FALSE, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);

  after = sw_store_get_case (fx->store, sw_case_get_id (old), &error);
  g_assert_no_error (error);
  g_assert_true (sw_is_erased (sw_case_get_customer_name (after)));
  g_assert_true (sw_is_erased (sw_case_get_customer_phone (after)));
  g_assert_true (sw_is_erased (sw_case_get_customer_unit (after)));
  g_assert_true (sw_is_erased (sw_case_get_customer_address (after)));
  g_assert_cmpstr (sw_case_get_content (after), ==, sw_case_get_content (old));
  g_assert_cmpint (sw_case_get_state (after), ==, SW_STATE_CLOSED);
  g_assert_cmpint (sw_case_get_resolution (after), ==, sw_case_get_resolution (old));
  g_assert_cmpint (sw_case_get_closed_at (after), ==, sw_case_get_closed_at (old));
  g_assert_cmpuint (sw_store_count_cases (fx->store), ==, cases_before);
  g_assert_cmpuint (n_events (fx, sw_case_get_id (old)), ==, events_before + 1);

  /* Rendered as erased, for everyone, never as anonymous or masked */
  sw_access_customer (admin, after, &shown, NULL, NULL, NULL);
  g_assert_cmpstr (shown, ==, "(erased)");
  sw_access_customer (inspector, after, NULL, &masked, NULL, NULL);
  g_assert_cmpstr (masked, ==, "(erased)");

  /* The cases not past the time keep their data */
  kept = sw_store_get_case (fx->store, sw_case_get_id (recent), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sw_case_get_customer_phone (kept), ==, "13812341234");
  g_clear_object (&kept);
  kept = sw_store_get_case (fx->store, sw_case_get_id (open), &error);
  g_assert_cmpstr (sw_case_get_customer_phone (kept), ==, "13812341234");

  /* The index: the erased unit finds nothing */
  hits = sw_store_search_ids (fx->store, "明远科技", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (hits), ==, 0);

  /* Idempotent: a second purge finds nothing and writes nothing */
  g_assert_true (sw_ops_purge (fx->store, "A01", FALSE, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpuint (n_events (fx, sw_case_get_id (old)), ==, events_before + 1);

  /* A purged case cannot be amended */
  {
    SwAmendment a = { .customer_phone = "13900001111" };
    g_autoptr(SwCase) r = sw_ops_amend (fx->store, "A01", sw_case_get_number (old), &a, "核对", &error);
    g_assert_null (r);
    g_assert_error (error, SW_ERROR, SW_ERROR_ILLEGAL);
    g_clear_error (&error);
  }

  /* No byte of the erased values in the file or its log */
  wal = g_strconcat (fx->path, "-wal", NULL);
  g_assert_false (file_holds (fx->path, "明远科技"));
  g_assert_false (file_holds (wal, "明远科技"));
  g_assert_false (file_holds (fx->path, "文三路"));
  g_assert_false (file_holds (wal, "文三路"));
}

static void
test_purge_phone_bytes (SwFixture     *fx,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) c = NULL;
  g_autoptr(GHashTable) hits = NULL;
  g_autofree char *wal = g_strconcat (fx->path, "-wal", NULL);
  SwRegistration reg = {
    .channel = SW_CHANNEL_VISIT, .kind = SW_KIND_CONSULTATION,
    .content = "咨询个人住房贷款提前还款的手续", .received_by = "R01",
    .customer_name = "欧阳娜娜", .customer_phone = "13712345678",
  };
  gint64 start = sw_test_time ("2019-05-06T10:00");
  guint n = 0;

  sw_store_set_now (fx->store, start);
  c = sw_ops_register (fx->store, "R01", &reg, &error);
  g_assert_no_error (error);
  {
    g_autoptr(SwCase) done = sw_ops_answer (fx->store, "R01", sw_case_get_number (c), "已当场说明", &error);
    g_assert_no_error (error);
  }
  g_assert_true (file_holds (fx->path, "13712345678") || file_holds (wal, "13712345678"));

  sw_store_set_now (fx->store, start + 6 * 366 * DAY_MS);
  g_assert_true (sw_ops_purge (fx->store, "A01", FALSE, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);

  hits = sw_store_search_ids (fx->store, "13712345678", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (hits), ==, 0);
  g_assert_false (file_holds (fx->path, "13712345678"));
  g_assert_false (file_holds (wal, "13712345678"));
  g_assert_false (file_holds (fx->path, "欧阳娜娜"));
  g_assert_false (file_holds (wal, "欧阳娜娜"));
}

/* An amend keeps the replaced details for those who see the customer
 * whole; a purge erases them with the contact, leaving no byte in the
 * file or its log. */
static void
test_earlier_kept_and_purged (SwFixture     *fx,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) c = NULL;
  g_autoptr(SwCase) amended = NULL;
  g_autoptr(GPtrArray) earlier = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(SwStaff) admin = staff (fx, "A01");
  g_autoptr(SwStaff) inspector = staff (fx, "U01");
  g_autofree char *wal = g_strconcat (fx->path, "-wal", NULL);
  g_autofree char *events = NULL;
  SwRegistration reg = {
    .channel = SW_CHANNEL_VISIT, .kind = SW_KIND_CONSULTATION,
    .content = "咨询个人住房贷款提前还款的手续", .received_by = "R01",
    .customer_name = "欧阳娜娜", .customer_phone = "13712345678",
  };
  SwAmendment a = { .customer_phone = "13798765432", .customer_name = "欧阳娜" };
  gint64 start = sw_test_time ("2019-05-06T10:00");
  SwEarlierContact *e;
  guint n = 0;

  sw_store_set_now (fx->store, start);
  c = sw_ops_register (fx->store, "R01", &reg, &error);
  g_assert_no_error (error);
  sw_store_set_now (fx->store, start + 60000);
  amended = sw_ops_amend (fx->store, "R01", sw_case_get_number (c), &a, "登记时电话输错", &error);
  g_assert_no_error (error);

  earlier = sw_store_list_earlier_contacts (fx->store, sw_case_get_id (c), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (earlier->len, ==, 1);
  e = g_ptr_array_index (earlier, 0);
  g_assert_cmpstr (e->phone, ==, "13712345678");
  g_assert_cmpstr (e->name, ==, "欧阳娜娜");
  g_assert_null (e->unit);        /* unchanged: nothing earlier */
  g_assert_null (e->address);
  g_assert_cmpstr (e->actor, ==, "R01");
  g_assert_cmpstr (e->reason, ==, "登记时电话输错");
  g_assert_cmpint (e->at, ==, start + 60000);
  /* shown under the rule for the customer: an administrator, not an inspector */
  g_assert_true (sw_access_sees_personal_data (admin, amended));
  g_assert_false (sw_access_sees_personal_data (inspector, amended));
  /* never in the events, which every replica and inspector keeps */
  events = sw_test_query_text (fx->path, "SELECT count(*) FROM events WHERE payload LIKE '%13712345678%'");
  g_assert_cmpstr (events, ==, "0");
  /* the file holds it until the purge (else the checks below prove nothing) */
  g_assert_true (file_holds (fx->path, "13712345678") || file_holds (wal, "13712345678"));

  {
    g_autoptr(SwCase) done = sw_ops_answer (fx->store, "R01", sw_case_get_number (c), "已当场说明", &error);
    g_assert_no_error (error);
  }
  sw_store_set_now (fx->store, start + 6 * 366 * DAY_MS);
  g_assert_true (sw_ops_purge (fx->store, "A01", FALSE, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  after = sw_store_list_earlier_contacts (fx->store, sw_case_get_id (c), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, 0);
  for (guint i = 0; i < 2; i++)
    {
      const char *needle = i == 0 ? "13712345678" : "欧阳娜娜";
      g_assert_false (file_holds (fx->path, needle));
      g_assert_false (file_holds (wal, needle));
    }
  g_assert_false (file_holds (fx->path, "13798765432"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, SwFixture, NULL, sw_fixture_setup, fn, sw_fixture_teardown)
  ADD ("/privacy/amend", test_amend);
  ADD ("/privacy/amend-refused", test_amend_refused);
  ADD ("/privacy/purge", test_purge);
  ADD ("/privacy/purge-phone-bytes", test_purge_phone_bytes);
  ADD ("/privacy/earlier-kept-and-purged", test_earlier_kept_and_purged);
  return g_test_run ();
}
