/* screenshot-app.c — renders the app's main views to PNG files with GTK's
 * own snapshot, for tests/app/screenshots.sh (not a test).
 *
 *   screenshot-app DATABASE OUTDIR PREFIX EMPNO
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>

#include "sw-acct-nav.h"
#include "sw-archive-view.h"
#include "sw-op-dialog.h"
#include "sw-audit-view.h"
#include "sw-branches-view.h"
#include "sw-application.h"
#include "sw-findings-view.h"
#include "sw-inspection-dialog.h"
#include "sw-inspection.h"
#include "sw-report-view.h"
#include "sw-case-view.h"
#include "sw-departments-view.h"
#include "sw-dir-csv.h"
#include "sw-staff-view.h"
#include "sw-preferences-window.h"
#include "sw-purge-now.h"
#include "sw-register-dialog.h"
#include "sw-password.h"
#include "sw-sign-in.h"
#include "sw-password-page.h"
#include "sw-sign-in-window.h"
#include "sw-store-credentials.h"
#include "sw-ops.h"
#include "sw-sync-page.h"
#include "sw-board.h"
#include "sw-board-list.h"
#include "sw-window.h"

static void
painted_cb (GdkFrameClock *clock,
            gboolean      *painted)
{
  *painted = TRUE;
}

static void
settle (GtkWidget *widget)
{
  for (int frames = 0; frames < 3; frames++)
    {
      GdkFrameClock *clock;
      gboolean painted = FALSE;
      gulong id;

      while ((clock = gtk_widget_get_frame_clock (widget)) == NULL)
        g_main_context_iteration (NULL, TRUE);
      id = g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), &painted);
      gtk_widget_queue_draw (widget);
      while (!painted)
        g_main_context_iteration (NULL, TRUE);
      g_signal_handler_disconnect (clock, id);
    }
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The whole X screen, cropped to the window: with no window manager on
 * Xvfb, every window sits at the top-left corner, the newest on top. */
static void
save (GtkWidget  *window,
      const char *dir,
      const char *prefix,
      const char *name)
{
  g_autofree char *path = g_strdup_printf ("%s/%s-%s.png", dir, prefix, name);
  g_autofree char *crop = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  settle (window);
  crop = g_strdup_printf ("%dx%d+0+0", gtk_widget_get_width (window), gtk_widget_get_height (window));
  {
    const char *argv[] = { "import", "-window", "root", "-crop", crop, path, NULL };
    if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                       &status, &error) || !g_spawn_check_wait_status (status, &error))
      g_error ("import %s: %s", path, error->message);
  }
  g_print ("%s\n", path);
}

static GtkScrolledWindow *
find_scrolled (GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget))
    return NULL;
  if (GTK_IS_SCROLLED_WINDOW (widget))
    return GTK_SCROLLED_WINDOW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkScrolledWindow *found = find_scrolled (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The lower half of a scrolled dialog. */
static void
scroll_down (GtkWidget *window)
{
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (find_scrolled (window));

  gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
}

/* The open case with the longest timeline, to show a full view. */
static char *
richest_case (SwContext *context)
{
  GListModel *cases = sw_context_get_cases (context);
  g_autofree char *best = NULL;
  int most = -1;

  for (guint i = 0, n = g_list_model_get_n_items (cases); i < n; i++)
    {
      g_autoptr(SwCase) c = g_list_model_get_item (cases, i);

      if (sw_case_is_open (c) && sw_case_get_event_count (c) > most)
        {
          most = sw_case_get_event_count (c);
          g_free (best);
          best = g_strdup (sw_case_get_id (c));
        }
    }
  return g_steal_pointer (&best);
}

/* A petition (信访) registered, accepted as special, urged and with a note:
 * its case view scrolled to the timeline (issue 14). */
static void
save_petition (SwWindow   *window,
               SwContext  *context,
               SwStore    *store,
               const char *like,
               const char *dir,
               const char *prefix)
{
  g_autoptr(SwCase) model = sw_store_get_case (store, like, NULL);
  const char *owner = model ? sw_case_get_owner (model) : NULL;
  SwRegistration reg = {
    .channel = SW_CHANNEL_LETTER, .kind = SW_KIND_COMPLAINT, .received_by = owner,
    .content = "来信反映：多年社保缴费记录缺失，涉及原单位改制，请求核实并补记",
    .customer_name = "周建国", .customer_phone = "13900007777", .petition = TRUE,
  };
  g_autoptr(SwCase) c = NULL, accepted = NULL, noted = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *view;

  if (owner == NULL || (c = sw_ops_register (store, owner, &reg, &error)) == NULL ||
      (accepted = sw_ops_decide_petition (store, owner, sw_case_get_id (c), TRUE, TRUE, NULL, &error)) == NULL ||
      (noted = sw_ops_note (store, owner, sw_case_get_id (c), "已调取原单位档案，待社保中心核对", &error)) == NULL)
    {
      g_printerr ("screenshot-app: petition: %s\n", error ? error->message : "no owner");
      return;
    }
  sw_context_reload (context, NULL);
  view = sw_window_open_case (window, sw_case_get_id (c));
  gtk_window_set_default_size (GTK_WINDOW (view), 720, 760);
  save (view, dir, prefix, "case-view-petition");
  scroll_down (view);
  save (view, dir, prefix, "case-view-petition-timeline");
  gtk_window_destroy (GTK_WINDOW (view));
}

/* A multi-department matter (seed 002 三 2–3): registered, led by the
 * corporate department with the loans department and the owner's own as
 * co-departments, a co-department's contribution and the lead's preliminary
 * finding: its case view scrolled to the timeline (issue 14). */
static void
save_multi_department (SwWindow   *window,
                       SwContext  *context,
                       SwStore    *store,
                       const char *like,
                       const char *dir,
                       const char *prefix)
{
  g_autoptr(SwCase) model = sw_store_get_case (store, like, NULL);
  const char *owner = model ? sw_case_get_owner (model) : NULL;
  const char *owner_department = model ? sw_case_get_owner_department (model) : NULL;
  gboolean own_too = g_strcmp0 (owner_department, "CORP") != 0 && g_strcmp0 (owner_department, "LOAN") != 0;
  const char *co[] = { "LOAN", own_too ? owner_department : NULL, NULL };
  SwRegistration reg = {
    .channel = SW_CHANNEL_VISIT, .kind = SW_KIND_BUSINESS, .received_by = owner,
    .content = "企业主同时办理经营贷款续贷与对公账户变更，涉及多个部门",
    .customer_name = "吴海涛", .customer_phone = "13900008888",
  };
  g_autoptr(SwCase) c = NULL, coordinated = NULL, contributed = NULL, found = NULL;
  g_autoptr(SwCase) agreed = NULL, told = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *view;

  if (owner == NULL || (c = sw_ops_register (store, owner, &reg, &error)) == NULL ||
      (coordinated = sw_ops_coordinate (store, owner, sw_case_get_id (c), "CORP", NULL, co, &error)) == NULL ||
      (contributed = sw_ops_contribute (store, owner, sw_case_get_id (c), "LOAN",
                                        "信贷管理部：续贷需补充近三个月流水", &error)) == NULL ||
      (found = sw_ops_preliminary_finding (store, owner, sw_case_get_id (c),
                                           "初步结论：两项业务可一并办理，材料齐全后三个工作日内办结", &error)) == NULL)
    {
      g_printerr ("screenshot-app: multi-department: %s\n", error ? error->message : "no owner");
      return;
    }
  /* and a time agreed with the customer, then a progress update (issue 14) */
  if ((agreed = sw_ops_agree_time (store, owner, sw_case_get_id (c), sw_case_get_promised_at (found) + 3 * 86400,
                                   "客户需补充近三个月银行流水，约定材料齐全后办结", &error)) == NULL ||
      (told = sw_ops_progress (store, owner, sw_case_get_id (c),
                               "已电话告知客户续贷审批进展，待补充流水", &error)) == NULL)
    g_printerr ("screenshot-app: agreed time: %s\n", error->message);
  sw_context_reload (context, NULL);
  view = sw_window_open_case (window, sw_case_get_id (c));
  gtk_window_set_default_size (GTK_WINDOW (view), 720, 760);
  save (view, dir, prefix, "case-view-multi-department");
  scroll_down (view);
  save (view, dir, prefix, "case-view-multi-department-timeline");
  gtk_window_destroy (GTK_WINDOW (view));
}

/* Scrolls so that `target` is at the top of its scrolled window. */
static void
scroll_to (GtkWidget *target)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (target, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  graphene_point_t p;

  if (gtk_widget_compute_point (target, scrolled, &GRAPHENE_POINT_INIT (0, 0), &p))
    gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) + p.y - 6);
}

static void
flag_cb (gpointer  instance,
         gboolean *flag)
{
  *flag = TRUE;
}

static const char *
first_with_role (SwContext *context,
                 SwRole     role)
{
  GListModel *staff = sw_context_get_staff (context);

  for (guint i = 0, n = g_list_model_get_n_items (staff); i < n; i++)
    {
      g_autoptr(SwStaff) s = g_list_model_get_item (staff, i);

      if (sw_staff_get_role (s) == role)
        return sw_staff_get_empno (s);
    }
  return NULL;
}

/* The findings, a report with its charts, a person's record and the
 * inspector's workspace. */
/* The registration with the customer's earlier cases (the demo customer
 * with the most cases, a complaint about the matter of one of them). */
static void
save_history (SwWindow   *window,
              SwStore    *store,
              const char *dir,
              const char *prefix)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GListModel) cases = NULL;
  SwCaseQuery q = SW_CASE_QUERY_INIT;
  SwRegistration reg = { .channel = SW_CHANNEL_VISIT, .kind = SW_KIND_COMPLAINT };
  g_autofree char *content = NULL;
  g_autofree char *phone = NULL;
  guint best = 0;
  GtkWidget *dialog;

  if ((cases = sw_store_list_cases (store, &q, NULL)) == NULL)
    return;
  for (guint i = 0, n = g_list_model_get_n_items (cases); i < n; i++)
    {
      g_autoptr(SwCase) c = g_list_model_get_item (cases, i);
      const char *p = sw_case_get_customer_phone (c);
      guint k;

      if (p == NULL || *p == '\0')
        continue;
      k = GPOINTER_TO_UINT (g_hash_table_lookup (counts, p)) + 1;
      g_hash_table_insert (counts, (gpointer) p, GUINT_TO_POINTER (k));
      if (k > best || (k == best && sw_case_get_kind (c) == SW_KIND_COMPLAINT))
        {
          best = k;
          g_free (phone);
          phone = g_strdup (p);
          g_free (content);
          content = g_strdup_printf ("%s（再次来访）", sw_case_get_content (c));
        }
    }
  if (phone == NULL)
    return;
  reg.content = content ? content : "再次投诉";
  reg.customer_phone = phone;
  dialog = sw_window_new_case (window);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 680, 760);
  sw_register_dialog_fill (SW_REGISTER_DIALOG (dialog), &reg);
  sw_customer_history_flush (sw_register_dialog_get_history (SW_REGISTER_DIALOG (dialog)));
  settle (dialog);
  scroll_to (GTK_WIDGET (sw_register_dialog_get_history (SW_REGISTER_DIALOG (dialog))));
  save (dialog, dir, prefix, "register-history");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A scanned letter and a photo on the case, for its attachments (issue 17). */
static void
attach_demo_files (SwContext  *context,
                   const char *case_id,
                   const char *user)
{
  g_autofree char *dir = g_dir_make_tmp ("shouwen-shot-XXXXXX", NULL);
  g_autofree char *photo = g_build_filename (dir, "营业厅排队照片.png", NULL);
  g_autofree char *letter = g_build_filename (dir, "客户来信扫描件.pdf", NULL);
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 96, 64);
  const char *paths[] = { letter, photo };

  gdk_pixbuf_fill (pixbuf, 0x3a7bd5ff);
  gdk_pixbuf_save (pixbuf, photo, "png", NULL, NULL);
  {
    /* a real one-page letter, for its thumbnail */
    cairo_surface_t *surface = cairo_pdf_surface_create (letter, 595, 842);
    cairo_t *cr = cairo_create (surface);
    /* the same bytes on each run (one demo database serves both languages) */
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, "2026-11-23T10:00:00+08:00");
    cairo_set_source_rgb (cr, 0.15, 0.15, 0.15);
    for (int line = 0; line < 14; line++)
      {
        cairo_rectangle (cr, 70, 120 + line * 40, line % 4 == 3 ? 260 : 455, 14);
        cairo_fill (cr);
      }
    cairo_set_source_rgb (cr, 0.8, 0.1, 0.1);
    cairo_arc (cr, 450, 730, 50, 0, 2 * G_PI);
    cairo_set_line_width (cr, 6);
    cairo_stroke (cr);
    cairo_destroy (cr);
    cairo_surface_finish (surface);
    cairo_surface_destroy (surface);
  }
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(SwCase) c = sw_ops_attach (sw_context_get_store (context), user, case_id, paths[i], NULL, NULL, NULL);
      g_unlink (paths[i]);
    }
  g_rmdir (dir);
}

static void
save_accountability (SwWindow   *window,
                     const char *dir,
                     const char *prefix)
{
  SwContext *context = sw_window_get_context (window);
  SwAcctNav *nav = sw_window_get_accountability (window);
  const char *inspector = first_with_role (context, SW_ROLE_INSPECTOR);
  g_autofree char *user = NULL;
  GtkWidget *page, *dialog;
  SwFinding *f;
  gboolean loaded = FALSE;

  page = sw_acct_nav_show (nav, SW_ACCT_FINDINGS);
  sw_findings_view_set_filters (SW_FINDINGS_VIEW (page), -1, NULL, NULL, NULL);
  if ((f = sw_findings_view_get_shown (SW_FINDINGS_VIEW (page), 0)) != NULL)
    {
      g_autofree char *person = g_strdup (f->person);

      sw_findings_view_select (SW_FINDINGS_VIEW (page), f->id);
      save (GTK_WIDGET (window), dir, prefix, "findings");
      if (person != NULL)
        {
          sw_acct_nav_show_person (nav, person);
          save (GTK_WIDGET (window), dir, prefix, "record");
        }
    }
  dialog = sw_findings_view_record (SW_FINDINGS_VIEW (page));
  save (dialog, dir, prefix, "record-finding");
  gtk_window_destroy (GTK_WINDOW (dialog));

  page = sw_acct_nav_show (nav, SW_ACCT_REPORTS);
  g_signal_connect (page, "loaded", G_CALLBACK (flag_cb), &loaded);
  while (sw_report_view_is_loading (SW_REPORT_VIEW (page)) && !loaded)
    g_main_context_iteration (NULL, TRUE);
  save (GTK_WIDGET (window), dir, prefix, "report");
  {
    /* What "Print" sends, as the print dialog's "Print to File" writes it. */
    g_autofree char *printed = g_strdup_printf ("%s/%s-report-print.pdf", dir, prefix);
    sw_report_view_print (SW_REPORT_VIEW (page), GTK_PRINT_OPERATION_ACTION_EXPORT, printed);
    g_print ("%s\n", printed);
  }
  scroll_to (gtk_widget_get_parent (sw_report_view_get_chart (SW_REPORT_VIEW (page), SW_CHART_MONTHLY)));
  save (GTK_WIDGET (window), dir, prefix, "report-charts");
  scroll_down (page);
  save (GTK_WIDGET (window), dir, prefix, "report-lower");

  if (inspector == NULL)
    return;
  user = g_strdup (sw_context_get_user_empno (context));
  sw_context_set_user (context, inspector);
  {
    const char *scores[] = { "register=9", "first_inquiry=8", "attitude=7", NULL };
    g_autofree char *today = NULL;
    g_autoptr(SwInspection) in = NULL;
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();

    today = g_date_time_format (now, "%Y-%m-%d");
    g_autoptr(GPtrArray) done = sw_store_list_inspections (sw_context_get_store (context), NULL, NULL, NULL, NULL);

    /* Once, for both languages. */
    if (done != NULL && done->len == 0)
      in = sw_inspection_add (sw_context_get_store (context), inspector, today, "RETAIL",
                              "台账登记完整；个别回访超时，已要求整改", scores, NULL, NULL);
  }
  page = sw_acct_nav_show (nav, SW_ACCT_INSPECTIONS);
  save (GTK_WIDGET (window), dir, prefix, "inspections");
  dialog = sw_inspection_dialog_new (context);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (dialog));
  /* a department chosen: its cases to pick the sampled ones from */
  sw_inspection_dialog_fill (SW_INSPECTION_DIALOG (dialog), NULL, "RETAIL", "", NULL, NULL);
  save (dialog, dir, prefix, "inspection-dialog");
  gtk_window_destroy (GTK_WINDOW (dialog));
  /* the audit log, as the inspector reads it, verified */
  page = sw_acct_nav_show (nav, SW_ACCT_AUDIT);
  if (page != NULL)
    {
      sw_audit_view_verify (SW_AUDIT_VIEW (page));
      save (GTK_WIDGET (window), dir, prefix, "audit");
    }  sw_context_set_user (context, user);
}

/* The staff and departments pages as an administrator sees them, and the
 * problems of a bad staff file. */
static void
save_directory (SwWindow   *window,
                const char *dir,
                const char *prefix)
{
  SwContext *context = sw_window_get_context (window);
  SwDirNav *nav = sw_window_get_directory (window);
  GListModel *staff = sw_context_get_staff (context);
  const char *admin = first_with_role (context, SW_ROLE_ADMIN);
  g_autofree char *user = g_strdup (sw_context_get_user_empno (context));
  g_autofree char *csv = g_build_filename (g_get_tmp_dir (), "shouwen-screenshot-staff.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  GtkWidget *page, *dialog;

  if (admin != NULL)
    sw_context_set_user (context, admin);
  page = sw_dir_nav_show (nav, SW_DIR_PAGE_STAFF);
  for (guint i = 0, n = g_list_model_get_n_items (staff); i < n; i++)
    {
      g_autoptr(SwStaff) s = g_list_model_get_item (staff, i);

      if (sw_staff_get_proxy_empno (s) != NULL)
        {
          sw_staff_view_select (SW_STAFF_VIEW (page), sw_staff_get_empno (s));
          break;
        }
    }
  save (GTK_WIDGET (window), dir, prefix, "staff");
  g_file_set_contents (csv, "empno,name,department_code,rank,title,hire_date,phone,role,kind,availability\n"
                       "X01,钱进,RETAIL,senior,柜员,2020-01-01,,staff,regular,on_duty\n"
                       "X02,赵云,NOPE,3,柜员,2020-02-30,,staff,regular,on_duty\n", -1, NULL);
  dialog = sw_dir_csv_import_file (page, context, SW_DIR_STAFF, file, NULL);
  if (dialog != NULL)
    {
      save (dialog, dir, prefix, "staff-import-problems");
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
  g_unlink (csv);

  page = sw_dir_nav_show (nav, SW_DIR_PAGE_DEPARTMENTS);
  {
    GListModel *departments = sw_context_get_departments (context);

    for (guint i = 0, n = g_list_model_get_n_items (departments); i < n; i++)
      {
        g_autoptr(SwDepartment) d = g_list_model_get_item (departments, i);

        if (sw_department_get_duties (d) != NULL)
          {
            sw_departments_view_select (SW_DEPARTMENTS_VIEW (page), sw_department_get_code (d));
            break;
          }
      }
  }
  save (GTK_WIDGET (window), dir, prefix, "departments");
  sw_context_set_user (context, user);
}

/* Each preferences page, as the administrator sees it. */
static void
save_preferences (SwWindow   *window,
                  const char *dir,
                  const char *prefix)
{
  static const char *pages[] = { "general", "notifications", "policies", "calendar" };
  SwContext *context = sw_window_get_context (window);
  g_autofree char *user = g_strdup (sw_context_get_user_empno (context));
  const char *admin = first_with_role (context, SW_ROLE_ADMIN);
  GtkWidget *prefs;

  if (admin != NULL)
    sw_context_set_user (context, admin);
  prefs = sw_preferences_window_new (context);
  gtk_window_set_transient_for (GTK_WINDOW (prefs), GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (prefs), 720, 760);
  gtk_window_present (GTK_WINDOW (prefs));
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *name = g_strdup_printf ("prefs-%s", pages[i]);

      adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (prefs),
                                               sw_preferences_window_get_page (SW_PREFERENCES_WINDOW (prefs), pages[i]));
      save (prefs, dir, prefix, name);
    }
  /* Purge Now's confirmation, six years on (the demo's cases are recent) */
  {
    SwStore *store = sw_context_get_store (context);
    AdwPreferencesPage *policies = sw_preferences_window_get_page (SW_PREFERENCES_WINDOW (prefs), "policies");
    GtkButton *purge = sw_purge_now_get_button (policies);
    gint64 now = sw_store_now (store);
    gint64 give_up = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
    AdwMessageDialog *confirm = NULL;

    sw_store_set_now (store, now + (gint64) 6 * 366 * 24 * 3600 * 1000);
    adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (prefs), policies);
    gtk_widget_activate (GTK_WIDGET (purge));
    while ((confirm = sw_purge_now_get_dialog (policies)) == NULL && g_get_monotonic_time () < give_up)
      g_main_context_iteration (NULL, TRUE);
    sw_store_set_now (store, now);
    if (confirm != NULL)
      {
        save (GTK_WIDGET (confirm), dir, prefix, "purge-confirm");
        adw_message_dialog_response (confirm, "cancel");
      }
  }
  gtk_window_destroy (GTK_WINDOW (prefs));
  sw_context_set_user (context, user);
}

/* A device that was enrolled and lost its server: what a branch sees offline. */
static void
pretend_offline (SwStore *store)
{
  g_autofree char *since = g_strdup_printf ("%" G_GINT64_FORMAT, sw_store_now (store) - 3 * 3600 * 1000);
  g_autofree char *last = g_strdup_printf ("%" G_GINT64_FORMAT, sw_store_now (store) - 3 * 3600 * 1000 - 60000);

  sw_store_set_meta (store, SW_META_SYNC_SERVER, "https://sync.example.com:8642", NULL);
  sw_store_set_meta (store, SW_META_SYNC_STATE, "offline", NULL);
  sw_store_set_meta (store, SW_META_SYNC_REASON, _("Could not connect to sync.example.com: Connection refused"), NULL);
  sw_store_set_meta (store, SW_META_SYNC_OFFLINE_SINCE, since, NULL);
  sw_store_set_meta (store, SW_META_SYNC_LAST_OK, last, NULL);
}

/* The header's sync indicator with its popover open, and the sync settings. */
static void
save_sync (SwWindow   *window,
           const char *dir,
           const char *prefix)
{
  SwSyncIndicator *indicator = sw_window_get_sync_indicator (window);
  GtkWidget *prefs;

  gtk_popover_popup (sw_sync_indicator_get_popover (indicator));
  save (GTK_WIDGET (window), dir, prefix, "sync-popover");
  gtk_popover_popdown (sw_sync_indicator_get_popover (indicator));
  prefs = sw_sync_page_new_window (sw_window_get_context (window));
  gtk_window_set_transient_for (GTK_WINDOW (prefs), GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (prefs), 720, 760);
  gtk_window_present (GTK_WINDOW (prefs));
  save (prefs, dir, prefix, "sync-settings");
  gtk_window_destroy (GTK_WINDOW (prefs));
}

static const struct { int width, height; } screens[] = { { 1366, 768 }, { 1920, 1080 } };

static void
wait_page (SwSignInPage *page)
{
  while (sw_sign_in_page_is_busy (page))
    g_main_context_iteration (NULL, TRUE);
}

/* A database from before passwords (or a demo made without them): every
 * person gets the demo password, as init --demo gives it. */
static void
ensure_passwords (SwStore *store)
{
  g_autoptr(GListModel) staff = sw_store_list_staff (store);
  g_autoptr(GPtrArray) empnos = g_ptr_array_new ();
  g_autofree char *hash = NULL;

  if (sw_has_administrator (store))
    return;
  hash = sw_password_hash (SW_DEMO_PASSWORD, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (staff); i++)
    {
      g_autoptr(SwStaff) s = g_list_model_get_item (staff, i);
      g_ptr_array_add (empnos, (gpointer) sw_staff_get_empno (s));
    }
  g_ptr_array_add (empnos, NULL);
  if (!sw_set_password_hash_all (store, (const char *const *) empnos->pdata, hash, NULL))
    g_error ("cannot set the demo passwords");
}

/* The sign-in (empty, then after a wrong password) and the change of a
 * one-time password, at the usual screen sizes. */
static void
save_sign_in (SwContext  *context,
              const char *dir,
              const char *prefix,
              const char *empno)
{
  SwStore *store = sw_context_get_store (context);
  const char *staff = first_with_role (context, SW_ROLE_STAFF);
  const char *admin = first_with_role (context, SW_ROLE_ADMIN);
  g_autoptr(SwStaff) actor = sw_store_get_staff (store, admin);

  for (guint i = 0; i < G_N_ELEMENTS (screens); i++)
    {
      GtkWidget *window = sw_sign_in_window_new (NULL, context);
      SwSessionGate *gate = sw_sign_in_window_get_gate (SW_SIGN_IN_WINDOW (window));
      SwSignInPage *page = sw_session_gate_get_sign_in (gate);
      g_autofree char *name = NULL;

      gtk_window_set_default_size (GTK_WINDOW (window), screens[i].width, screens[i].height);
      gtk_window_present (GTK_WINDOW (window));
      name = g_strdup_printf ("sign-in-%dx%d", screens[i].width, screens[i].height);
      save (window, dir, prefix, name);

      sw_sign_in_page_select (page, empno);
      gtk_editable_set_text (sw_sign_in_page_get_password (page), "not-my-password");
      sw_sign_in_page_submit (page);
      wait_page (page);
      gtk_editable_set_text (sw_sign_in_page_get_password (page), "not-it-either");
      sw_sign_in_page_submit (page);
      wait_page (page);
      g_free (name);
      name = g_strdup_printf ("sign-in-wrong-%dx%d", screens[i].width, screens[i].height);
      save (window, dir, prefix, name);

      /* An administrator's one-time password, used once. */
      if (!sw_set_password (store, actor, staff, "once-only", NULL))
        g_error ("cannot set a one-time password");
      while (!gtk_widget_get_sensitive (sw_sign_in_page_get_button (page)))
        g_main_context_iteration (NULL, TRUE);
      sw_sign_in_page_select (page, staff);
      gtk_editable_set_text (sw_sign_in_page_get_password (page), "once-only");
      sw_sign_in_page_submit (page);
      wait_page (page);
      g_free (name);
      name = g_strdup_printf ("one-time-%dx%d", screens[i].width, screens[i].height);
      save (window, dir, prefix, name);
      gtk_window_destroy (GTK_WINDOW (window));
      /* The wrong passwords above count; the next run starts afresh. */
      sw_store_clear_sign_in_failures (store, empno, NULL);
    }
}

/* A new, empty database's first window: the branch and the administrator's
 * password (as shouwenctl init asks), then two passwords that differ. */
static void
save_first_run (const char *dir,
                const char *prefix)
{
  g_autofree char *tmp = g_dir_make_tmp ("shouwen-first-run-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (tmp, "new.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SwStore) store = sw_store_open (path, &error);
  g_autoptr(SwContext) context = NULL;
  SwPasswordPage *page;
  GtkWidget *window;

  if (store == NULL)
    g_error ("%s", error->message);
  context = sw_context_new (store, NULL);
  sw_context_directory_changed (context);
  window = sw_sign_in_window_new (NULL, context);
  gtk_window_set_default_size (GTK_WINDOW (window), screens[0].width, screens[0].height);
  gtk_window_present (GTK_WINDOW (window));
  save (window, dir, prefix, "first-run-1366x768");
  page = sw_session_gate_get_password (sw_sign_in_window_get_gate (SW_SIGN_IN_WINDOW (window)));
  gtk_editable_set_text (sw_password_page_get_new (page), "first-admin-pass");
  gtk_editable_set_text (sw_password_page_get_again (page), "first-admin-pas");
  sw_password_page_submit (page);
  save (window, dir, prefix, "first-run-differ-1366x768");
  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&context);
  g_clear_object (&store);
  for (const char *const *suffix = (const char *const[]) { "", "-wal", "-shm", NULL }; *suffix; suffix++)
    {
      g_autofree char *p = g_strconcat (path, *suffix, NULL);
      g_unlink (p);
    }
  g_rmdir (tmp);
}

/* The lock page of the main window, at the usual screen sizes. */
static void
save_lock (SwWindow   *window,
           const char *dir,
           const char *prefix)
{
  SwSessionLock *lock = sw_window_get_lock (window);

  for (guint i = 0; i < G_N_ELEMENTS (screens); i++)
    {
      g_autofree char *name = g_strdup_printf ("lock-%dx%d", screens[i].width, screens[i].height);

      gtk_window_set_default_size (GTK_WINDOW (window), screens[i].width, screens[i].height);
      sw_session_lock_lock (lock);
      save (GTK_WIDGET (window), dir, prefix, name);
    }
  /* As the person would: their own password. */
  {
    SwSignInPage *page = sw_session_gate_get_sign_in (sw_session_lock_get_gate (lock));

    gtk_editable_set_text (sw_sign_in_page_get_password (page), SW_DEMO_PASSWORD);
    sw_sign_in_page_submit (page);
    wait_page (page);
    if (sw_session_lock_get_locked (lock))
      g_error ("the demo password did not unlock");
  }
}

/* The branch board at the usual screen sizes. */
/* The `n`th drop-down under `w` (0 = the first), or NULL. */
static GtkWidget *
first_drop_down (GtkWidget *w,
                 guint      n)
{
  GPtrArray *found = g_ptr_array_new ();
  GPtrArray *todo = g_ptr_array_new ();
  GtkWidget *result = NULL;

  g_ptr_array_add (todo, w);
  while (todo->len > 0)
    {
      GtkWidget *next = g_ptr_array_steal_index (todo, 0);

      if (GTK_IS_DROP_DOWN (next))
        g_ptr_array_add (found, next);
      else
        for (GtkWidget *c = gtk_widget_get_first_child (next); c != NULL; c = gtk_widget_get_next_sibling (c))
          g_ptr_array_add (todo, c);
    }
  if (n < found->len)
    result = g_ptr_array_index (found, n);
  g_ptr_array_unref (found);
  g_ptr_array_unref (todo);
  return result;
}

static void
save_board_sizes (SwWindow   *window,
                  const char *dir,
                  const char *prefix)
{
  sw_window_set_board_kind (window, SW_BOARD_BRANCH);
  for (guint i = 0; i < G_N_ELEMENTS (screens); i++)
    {
      g_autofree char *name = g_strdup_printf ("board-branch-%dx%d", screens[i].width, screens[i].height);

      gtk_window_set_default_size (GTK_WINDOW (window), screens[i].width, screens[i].height);
      save (GTK_WIDGET (window), dir, prefix, name);
      sw_board_set_list_mode (sw_window_get_board (window), TRUE);
      g_free (name);
      name = g_strdup_printf ("board-list-%dx%d", screens[i].width, screens[i].height);
      save (GTK_WIDGET (window), dir, prefix, name);
      {
        /* three rows selected: the bulk bar */
        GtkSelectionModel *selection = gtk_column_view_get_model (sw_board_list_get_view (sw_board_get_list (sw_window_get_board (window))));

        gtk_selection_model_select_range (selection, 0, 3, TRUE);
        g_free (name);
        name = g_strdup_printf ("board-list-bulk-%dx%d", screens[i].width, screens[i].height);
        save (GTK_WIDGET (window), dir, prefix, name);
        gtk_selection_model_unselect_all (selection);
      }
      sw_board_set_list_mode (sw_window_get_board (window), FALSE);
      {
        /* filters that find nothing */
        SwBoardFilter none = { NULL, NULL, SW_KIND_SUGGESTION, SW_CHANNEL_LETTER, TRUE };

        sw_board_apply_filter (sw_window_get_board (window), &none);
        g_free (name);
        name = g_strdup_printf ("board-no-results-%dx%d", screens[i].width, screens[i].height);
        save (GTK_WIDGET (window), dir, prefix, name);
        sw_board_show_filtered (sw_window_get_board (window), NULL, NULL);
      }
      {
        /* the kind menu open, with its counts */
        GtkWidget *menu = first_drop_down (GTK_WIDGET (sw_window_get_board (window)), 2);

        g_signal_emit_by_name (menu, "activate");
        g_free (name);
        name = g_strdup_printf ("board-filter-menu-%dx%d", screens[i].width, screens[i].height);
        save (GTK_WIDGET (window), dir, prefix, name);
        gtk_widget_activate_action (menu, "popover.close", NULL);
        for (GtkWidget *c = gtk_widget_get_first_child (menu); c != NULL; c = gtk_widget_get_next_sibling (c))
          if (GTK_IS_POPOVER (c))
            gtk_popover_popdown (GTK_POPOVER (c));
        settle (GTK_WIDGET (window));
      }
    }
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
}

/* The report's charts at the usual screen sizes. */
static void
save_report_sizes (SwWindow   *window,
                   const char *dir,
                   const char *prefix)
{
  GtkWidget *page = sw_acct_nav_show (sw_window_get_accountability (window), SW_ACCT_REPORTS);
  gboolean loaded = FALSE;

  g_signal_connect (page, "loaded", G_CALLBACK (flag_cb), &loaded);
  while (sw_report_view_is_loading (SW_REPORT_VIEW (page)) && !loaded)
    g_main_context_iteration (NULL, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (screens); i++)
    {
      g_autofree char *name = g_strdup_printf ("report-charts-%dx%d", screens[i].width, screens[i].height);

      gtk_window_set_default_size (GTK_WINDOW (window), screens[i].width, screens[i].height);
      settle (GTK_WIDGET (window));
      scroll_to (gtk_widget_get_parent (sw_report_view_get_chart (SW_REPORT_VIEW (page), SW_CHART_MONTHLY)));
      save (GTK_WIDGET (window), dir, prefix, name);
    }
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
}

/* The supervisor's overview at the usual screen sizes. */
static void
save_overview_sizes (SwWindow   *window,
                     const char *dir,
                     const char *prefix)
{
  GtkWidget *page = sw_acct_nav_show (sw_window_get_accountability (window), SW_ACCT_OVERVIEW);

  if (page == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (screens); i++)
    {
      g_autofree char *name = g_strdup_printf ("overview-%dx%d", screens[i].width, screens[i].height);

      gtk_window_set_default_size (GTK_WINDOW (window), screens[i].width, screens[i].height);
      settle (GTK_WIDGET (window));
      save (GTK_WIDGET (window), dir, prefix, name);
    }
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
}

/* Two more branches with a few cases each, as a head office's device
 * holds them (once, for both languages). */
static void
add_branches (SwStore *store)
{
  static const struct { const char *code, *name, *dept, *empno; guint n; } more[] = {
    { "SH01", "上海市浦东支行", "SHOP", "S901", 14 }, { "GZ01", "广州市天河支行", "GZOP", "G901", 9 },
  };
  g_autoptr(SwBranch) known = sw_store_get_branch (store, "SH01");
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();

  if (known != NULL)
    return;
  for (guint b = 0; b < G_N_ELEMENTS (more); b++)
    {
      g_autoptr(SwBranch) branch = sw_branch_new (more[b].code, more[b].name);
      g_autoptr(SwDepartment) d = sw_department_new (more[b].dept, "营业部");
      g_autoptr(SwStaff) s = sw_staff_new (more[b].empno, "柜员");

      sw_store_put_branch (store, branch, NULL);
      g_object_set (d, "branch-code", more[b].code, NULL);
      sw_store_put_department (store, d, NULL);
      g_object_set (s, "department-code", more[b].dept, "rank", 2, "role", SW_ROLE_STAFF, NULL);
      sw_store_put_staff (store, s, NULL);
      for (guint i = 0; i < more[b].n; i++)
        {
          SwRegistration reg = {
            .channel = i % 3 ? SW_CHANNEL_VISIT : SW_CHANNEL_PHONE, .kind = i % 4 ? SW_KIND_QUERY : SW_KIND_COMPLAINT,
            .content = i % 2 ? "咨询个人贷款提前还款的手续" : "查询银行卡账户流水",
            .received_by = more[b].empno, .customer_name = "陈先生", .customer_phone = "13700001111",
          };
          /* spread over the months of the year so far, for the trend */
          guint month = 1 + (i * 7 + b) % g_date_time_get_month (today);
          gboolean this_month = month == (guint) g_date_time_get_month (today);
          int day = this_month ? 1 + (int) i % MAX (1, g_date_time_get_day_of_month (today) - 1) : 3 + (int) i % 20;
          /* 10:00 at the branch (Beijing time), within its working hours */
          g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
          g_autoptr(GDateTime) at = g_date_time_new (tz, g_date_time_get_year (today), month, day, 10, 0, 0);
          g_autoptr(SwCase) c = NULL;
          g_autoptr(SwCase) done = NULL;

          sw_store_set_now (store, g_date_time_to_unix (at) * 1000);
          c = sw_ops_register (store, more[b].empno, &reg, NULL);
          if (c != NULL && i % 3 != 2)
            {
              sw_store_set_now (store, g_date_time_to_unix (at) * 1000 + (i % 5) * 3600 * 1000);
              done = sw_ops_answer (store, more[b].empno, sw_case_get_id (c), "已当场解答", NULL);
            }
          sw_store_set_now (store, 0);
        }
    }
}

/* The archive searching "贷款", and the comparison of branches. */
static void
save_records (SwWindow   *window,
              const char *dir,
              const char *prefix)
{
  SwContext *context = sw_window_get_context (window);
  SwAcctNav *nav = sw_window_get_accountability (window);
  GtkWidget *page;

  /* the directory's writes as the demo's seeding makes them, nobody acting */
  sw_store_set_acting (sw_context_get_store (context), NULL);
  add_branches (sw_context_get_store (context));
  sw_store_set_acting (sw_context_get_store (context), sw_context_get_user_empno (context));
  page = sw_acct_nav_show (nav, SW_ACCT_ARCHIVE);
  if (page != NULL)
    {
      sw_archive_view_set_text (SW_ARCHIVE_VIEW (page), "贷款");
      sw_archive_view_search (SW_ARCHIVE_VIEW (page));
      save (GTK_WIDGET (window), dir, prefix, "archive");
    }
  page = sw_acct_nav_show (nav, SW_ACCT_BRANCHES);
  if (page != NULL)
    {
      SwBranchesView *view = SW_BRANCHES_VIEW (page);
      SwFigureCases *cases = sw_branches_view_get_cases (view);

      sw_branches_view_load (view);
      while (sw_branches_view_is_loading (view))
        g_main_context_iteration (NULL, TRUE);
      save (GTK_WIDGET (window), dir, prefix, "branches");
      /* the query bar must fit a narrow window and the usual screens */
      {
        static const int widths[][2] = { { 1014, 700 }, { 1366, 768 }, { 1920, 1080 } };

        for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
          {
            g_autofree char *name = g_strdup_printf ("branches-%dx%d", widths[i][0], widths[i][1]);

            gtk_window_set_default_size (GTK_WINDOW (window), widths[i][0], widths[i][1]);
            settle (GTK_WIDGET (window));
            save (GTK_WIDGET (window), dir, prefix, name);
          }
        gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
        settle (GTK_WIDGET (window));
      }
      /* the trend, then the cases behind a branch's figure */
      sw_branches_view_set_trend (view, "received", NULL);
      settle (GTK_WIDGET (window));
      scroll_to (sw_branches_view_get_trend_chart (view));
      save (GTK_WIDGET (window), dir, prefix, "branches-trend");
      sw_branches_view_set_ranking (view, "received");
      sw_branches_view_list_cases (view, "SH01", NULL, "上海市浦东支行");
      while (sw_figure_cases_is_loading (cases))
        g_main_context_iteration (NULL, TRUE);
      settle (GTK_WIDGET (window));
      scroll_to (GTK_WIDGET (cases));
      save (GTK_WIDGET (window), dir, prefix, "branches-cases");
    }
}

int
main (int   argc,
      char *argv[])
{
  const char *asked[] = { "E003", NULL };
  SwRegistration reg = {
    .channel = SW_CHANNEL_VISIT, .kind = SW_KIND_BUSINESS,
    .content = "客户来网点咨询对公账户变更预留印鉴需要哪些材料",
    .customer_name = "张三", .customer_phone = "13812341234", .customer_unit = "北京某某科技有限公司",
    .asked_with = asked,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SwStore) store = NULL;
  g_autoptr(SwContext) context = NULL;
  g_autofree char *rich = NULL;
  GtkWidget *dialog, *view;
  SwWindow *window;

  if (argc != 5)
    {
      g_printerr ("usage: screenshot-app DATABASE OUTDIR PREFIX EMPNO\n");
      return 2;
    }
  sw_application_init_i18n ();
  gtk_init ();
  adw_init ();
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
    gtk_css_provider_load_from_resource (css, "/io/github/shouwen/Shouwen/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    /* The app icon, as the app finds it uninstalled. */
    gtk_icon_theme_add_search_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    SOURCE_DATADIR G_DIR_SEPARATOR_S "icons");
  }

  if ((store = sw_store_open (argv[1], &error)) == NULL)
    g_error ("%s", error->message);
  ensure_passwords (store);
  /* with GSettings (memory): the saved-filters menu shows */
  context = sw_context_new (store, sw_application_new_settings ());
  sw_context_directory_changed (context);
  if (g_strcmp0 (g_getenv ("SW_SCREENSHOTS"), "board") != 0)
    {
      save_sign_in (context, argv[2], argv[3], argv[4]);
      save_first_run (argv[2], argv[3]);
    }
  sw_context_set_user (context, argv[4]);
  if (!sw_context_reload (context, &error))
    g_error ("%s", error->message);

  pretend_offline (store);
  window = sw_window_new (NULL, context);
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  gtk_window_present (GTK_WINDOW (window));
  /* SW_SCREENSHOTS=records: only the archive and the branches */
  if (g_strcmp0 (g_getenv ("SW_SCREENSHOTS"), "records") == 0)
    {
      save_records (window, argv[2], argv[3]);
      return 0;
    }
  save (GTK_WIDGET (window), argv[2], argv[3], "board");
  save_board_sizes (window, argv[2], argv[3]);
  save_overview_sizes (window, argv[2], argv[3]);
  if (g_strcmp0 (g_getenv ("SW_SCREENSHOTS"), "board") == 0)
    {
      /* The supervisor's views only: a quicker look while working on them. */
      save_report_sizes (window, argv[2], argv[3]);
      gtk_window_destroy (GTK_WINDOW (window));
      return 0;
    }
  save_lock (window, argv[2], argv[3]);
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  /* SW_SCREENSHOTS=trust: the sign-in, first run, lock and audit log only */
  if (g_strcmp0 (g_getenv ("SW_SCREENSHOTS"), "trust") == 0)
    {
      save_accountability (window, argv[2], argv[3]);
      gtk_window_destroy (GTK_WINDOW (window));
      return 0;
    }

  dialog = sw_window_new_case (window);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 680, 760);
  sw_register_dialog_fill (SW_REGISTER_DIALOG (dialog), &reg);
  sw_register_dialog_set_disposition (SW_REGISTER_DIALOG (dialog), SW_OP_TRANSFER);
  save (dialog, argv[2], argv[3], "register");
  scroll_down (dialog);
  save (dialog, argv[2], argv[3], "register-lower");
  gtk_window_destroy (GTK_WINDOW (dialog));

  save_history (window, store, argv[2], argv[3]);

  rich = richest_case (context);
  attach_demo_files (context, rich, argv[4]);
  view = sw_window_open_case (window, rich);
  gtk_window_set_default_size (GTK_WINDOW (view), 720, 760);
  save (view, argv[2], argv[3], "case-view");
  gtk_window_set_default_size (GTK_WINDOW (view), 720, 1150);
  {
    /* the thumbnails are made in a worker thread */
    gint64 until = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
    while (g_get_monotonic_time () < until)
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (20000);
  }
  save (view, argv[2], argv[3], "case-view-attachments");
  gtk_window_set_default_size (GTK_WINDOW (view), 720, 760);
  scroll_down (view);
  save (view, argv[2], argv[3], "case-view-timeline");
  gtk_window_destroy (GTK_WINDOW (view));
  {
    /* a time agreed with the customer (issue 14), filled in */
    g_autoptr(SwCase) open_case = sw_store_get_case (store, rich, NULL);
    GtkWidget *agree = sw_op_dialog_new (context, SW_OP_AGREE_TIME, open_case);

    sw_op_dialog_set_value (SW_OP_DIALOG (agree), SW_SLOT_TEXT2, "2026-12-18");
    sw_op_dialog_set_value (SW_OP_DIALOG (agree), SW_SLOT_TEXT, "客户需补交收入证明，约定下周五前办结");
    gtk_window_present (GTK_WINDOW (agree));
    save (agree, argv[2], argv[3], "op-agree-time");
    gtk_window_destroy (GTK_WINDOW (agree));
  }
  save_petition (window, context, store, rich, argv[2], argv[3]);
  save_multi_department (window, context, store, rich, argv[2], argv[3]);

  save_accountability (window, argv[2], argv[3]);
  save_records (window, argv[2], argv[3]);
  save_directory (window, argv[2], argv[3]);
  save_preferences (window, argv[2], argv[3]);
  save_sync (window, argv[2], argv[3]);
  sw_window_set_board_kind (window, SW_BOARD_BRANCH);

  gtk_window_set_default_size (GTK_WINDOW (window), 560, 700);
  gtk_window_unmaximize (GTK_WINDOW (window));
  save (GTK_WIDGET (window), argv[2], argv[3], "board-narrow");
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
