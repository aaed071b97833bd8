/* sw-case-print.c — the case view's and the register's Print actions: a form from the store, printed
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sw-access.h"
#include "sw-case-print.h"
#include "sw-print.h"
#include "sw-store-audit.h"

/* Whether the case's customer prints masked for the person printing. */
static gboolean
masked (SwContext  *context,
        const char *case_id)
{
  g_autoptr(SwCase) c = sw_store_get_case (sw_context_get_store (context), case_id, NULL);

  return !sw_access_sees_personal_data (sw_context_get_user (context), c);
}

/* Printing a customer whole is an entry of the audit log. */
static void
audit_printed (SwContext  *context,
               const char *subject_kind,
               const char *subject,
               const char *args)
{
  g_autoptr(GError) error = NULL;

  if (!sw_store_audit (sw_context_get_store (context), sw_context_get_user_empno (context),
                       SW_AUDIT_PERSONAL_DATA_PRINTED, subject_kind, subject, args, &error))
    g_warning ("%s", error->message);
}

/* Tells the person why nothing was printed, then hands the error on. */
static GtkPrintOperationResult
fail (GtkWidget  *parent,
      GError     *local,
      GError    **error)
{
  GtkRoot *root = parent ? gtk_widget_get_root (parent) : NULL;
  GtkWidget *dialog;

  if (GTK_IS_WINDOW (root))
    {
      dialog = adw_message_dialog_new (GTK_WINDOW (root), _("Could not print"), local->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
  g_propagate_error (error, local);
  return GTK_PRINT_OPERATION_RESULT_ERROR;
}

static GtkPrintOperationResult
run (GtkWidget                *parent,
     SwForm                   *form,
     SwPaper                   paper,
     const char               *job_name,
     GtkPrintOperationAction   action,
     const char               *export_path,
     GError                  **error)
{
  g_autoptr(GtkPrintOperation) op = sw_print_operation_new (form, paper, job_name);

  return sw_print_run (op, parent, action, export_path, error);
}

GtkPrintOperationResult
sw_case_print (GtkWidget                *parent,
               SwContext                *context,
               const char               *case_id,
               SwCaseForm                which,
               GtkPrintOperationAction   action,
               const char               *export_path,
               GError                  **error)
{
  SwStore *store = sw_context_get_store (context);
  g_autoptr(SwCase) c = NULL;
  g_autofree char *title = NULL;
  GError *local = NULL;
  SwForm *form;
  GtkPrintOperationResult result;

  if ((c = sw_store_get_case (store, case_id, &local)) == NULL ||
      (form = sw_case_form_new (store, case_id, which, masked (context, case_id), &local)) == NULL)
    return fail (parent, local, error);
  title = sw_case_form_title (which, sw_case_get_number (c));
  result = run (parent, form, which == SW_CASE_FORM_RECEIPT_80MM ? SW_PAPER_RECEIPT_80MM : SW_PAPER_A4,
                title, action, export_path, error);
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY && !masked (context, case_id))
    {
      g_autofree char *args = sw_audit_args ("number", sw_case_get_number (c), "via", "app", NULL);

      audit_printed (context, SW_AUDIT_SUBJECT_CASE, case_id, args);
    }
  return result;
}

GtkPrintOperationResult
sw_register_print (GtkWidget                *parent,
                   SwContext                *context,
                   const char               *department,
                   gint64                    from,
                   gint64                    to,
                   GtkPrintOperationAction   action,
                   const char               *export_path,
                   GError                  **error)
{
  g_autofree char *title = g_strdup_printf (_("Register of %s"),
                                            sw_context_department_name (context, department));
  GError *local = NULL;
  gboolean mask = !sw_access_sees_register (sw_context_get_user (context), department);
  SwForm *form = sw_register_form_new (sw_context_get_store (context), department, from, to,
                                       mask, &local);
  GtkPrintOperationResult result;

  if (form == NULL)
    return fail (parent, local, error);
  result = run (parent, form, SW_PAPER_A4_LANDSCAPE, title, action, export_path, error);
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY && !mask)
    {
      g_autofree char *args = sw_audit_args ("department", department, "via", "app", NULL);

      audit_printed (context, SW_AUDIT_SUBJECT_CASES, "register", args);
    }
  return result;
}
