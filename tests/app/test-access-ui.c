/* test-access-ui.c — /app/access: the access matrix through the app's case view (issue 13)
 *
 * The same people as the core's matrix (tests/test-access.c) look at a case
 * of RETAIL that R01 registered and one of CORP that C01 registered, in the
 * case view under Xvfb: the customer is shown whole or masked as the one
 * policy says (administrators, supervisors, the head of the case's
 * department, the staff who own it; an inspector never), and the buttons
 * offered are those the role may use — none at all for an inspector. The
 * expectations are written out here, not asked of the policy, so that a
 * change of the policy or of how the app asks it makes this fail.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "app-test-util.h"
#include "sw-case-view.h"
#include "sw-ops.h"
#include "sw-test-fixture.h"

#define PHONE  "13912345678"
#define MASKED "139****5678"
#define NAME   "欧阳明月"

typedef struct {
  SwFixture  fx;
  SwContext *context;
  char      *retail;   /* registered by R01 at RETAIL */
  char      *corp;     /* registered by C01 at CORP */
} AccessFixture;

static char *
register_case (AccessFixture *af,
               const char    *by)
{
  SwRegistration reg = {
    .channel = SW_CHANNEL_VISIT, .kind = SW_KIND_BUSINESS, .content = "客户咨询办理对公账户变更所需材料",
    .received_by = by, .customer_name = NAME, .customer_phone = PHONE, .customer_unit = "海淀科技公司",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCase) c = sw_ops_register (af->fx.store, by, &reg, &error);

  g_assert_no_error (error);
  return g_strdup (sw_case_get_id (c));
}

static void
access_setup (AccessFixture *af,
              gconstpointer  data)
{
  sw_fixture_setup (&af->fx, data);
  af->retail = register_case (af, "R01");
  af->corp = register_case (af, "C01");
  af->context = sw_context_new (af->fx.store, NULL);
  sw_context_directory_changed (af->context);
}

static void
access_teardown (AccessFixture *af,
                 gconstpointer  data)
{
  app_test_close_windows ();
  g_clear_object (&af->context);
  g_clear_pointer (&af->retail, g_free);
  g_clear_pointer (&af->corp, g_free);
  sw_fixture_teardown (&af->fx, data);
}

static gboolean
offers (SwCaseView *view,
        SwOpKind    op)
{
  GArray *ops = sw_case_view_get_operations (view);

  for (guint i = 0; i < ops->len; i++)
    if (g_array_index (ops, SwOpKind, i) == op)
      return TRUE;
  return FALSE;
}

/* Who looks, at which case: whole or masked, and whether a registered
 * case's in-charge operations (transfer), the supervisors' urge and a
 * note are offered. */
typedef struct {
  const char *who;
  gboolean    retail;     /* the RETAIL case, else the CORP one */
  gboolean    whole;
  gboolean    transfer;
  gboolean    urge;
  gboolean    note;
} Row;

static const Row rows[] = {
  /* who   retail whole  transfer urge   note */
  { "R01", TRUE,  TRUE,  TRUE,  TRUE,  TRUE },   /* first-inquiry person: in charge */
  { "R02", TRUE,  FALSE, FALSE, FALSE, TRUE },   /* same department, not in charge */
  { "RH",  TRUE,  TRUE,  TRUE,  TRUE,  TRUE },   /* head of the case's department */
  { "C02", TRUE,  FALSE, FALSE, FALSE, TRUE },   /* other department's staff */
  { "CH",  TRUE,  FALSE, FALSE, TRUE,  TRUE },   /* other department's head: urges, no more */
  { "O01", TRUE,  TRUE,  TRUE,  TRUE,  TRUE },   /* supervisor */
  { "A01", TRUE,  TRUE,  TRUE,  TRUE,  TRUE },   /* administrator */
  { "U01", TRUE,  FALSE, FALSE, FALSE, FALSE },  /* inspector: reads, masked */
  { "RH",  FALSE, FALSE, FALSE, TRUE,  TRUE },   /* the same heads the other way round */
  { "CH",  FALSE, TRUE,  TRUE,  TRUE,  TRUE },
  { "R01", FALSE, FALSE, FALSE, FALSE, TRUE },
  { "U01", FALSE, FALSE, FALSE, FALSE, FALSE },
};

static void
test_case_view (AccessFixture *af,
                gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      const Row *r = &rows[i];
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *label = g_strdup_printf ("%s on the %s case", r->who, r->retail ? "RETAIL" : "CORP");
      GtkWidget *view;

      g_test_message ("%s", label);
      g_assert_true (sw_context_set_user (af->context, r->who));
      view = sw_case_view_new (af->context, r->retail ? af->retail : af->corp);
      gtk_window_present (GTK_WINDOW (view));
      app_test_drain ();
      app_test_collect_text (view, text);

      if (r->whole)
        {
          if (strstr (text->str, PHONE) == NULL || strstr (text->str, NAME) == NULL)
            g_error ("%s: the customer is not shown whole", label);
        }
      else if (strstr (text->str, PHONE) != NULL || strstr (text->str, NAME) != NULL ||
               strstr (text->str, "海淀科技公司") != NULL || strstr (text->str, MASKED) == NULL)
        g_error ("%s: the customer is not masked: %s", label, text->str);

      if (offers (SW_CASE_VIEW (view), SW_OP_TRANSFER) != r->transfer ||
          offers (SW_CASE_VIEW (view), SW_OP_URGE) != r->urge ||
          offers (SW_CASE_VIEW (view), SW_OP_NOTE) != r->note)
        g_error ("%s: transfer %d urge %d note %d offered, expected %d %d %d", label,
                 offers (SW_CASE_VIEW (view), SW_OP_TRANSFER), offers (SW_CASE_VIEW (view), SW_OP_URGE),
                 offers (SW_CASE_VIEW (view), SW_OP_NOTE), r->transfer, r->urge, r->note);
      if (g_str_equal (r->who, "U01"))
        g_assert_cmpuint (sw_case_view_get_operations (SW_CASE_VIEW (view))->len, ==, 0);
      gtk_window_destroy (GTK_WINDOW (view));
      app_test_drain ();
    }
}

int
main (int   argc,
      char *argv[])
{
  app_test_init (&argc, &argv, "none");
  g_test_add ("/app/access/case-view", AccessFixture, NULL, access_setup, test_case_view, access_teardown);
  return g_test_run ();
}
