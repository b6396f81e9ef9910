/* rp-exchange-actions.c: file choosers for importing, and for exporting partners, activities and
 * tasks (referrals: RpExportDialog); every export runs on a worker thread (RpExportProgress).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-exchange-actions.h"
#include "rp-export-progress.h"
#include "rp-import-dialog.h"

typedef struct
{
  GtkWindow      *parent;
  RpStore        *store;
  RpVault        *vault;
  RpStoreExportWhat what;
  RpImportedFunc  imported;
  gpointer        user_data;
  GArray         *ids;
} Choice;

static void
choice_free (Choice *choice)
{
  g_clear_object (&choice->parent);
  g_clear_object (&choice->store);
  g_clear_object (&choice->vault);
  g_clear_pointer (&choice->ids, g_array_unref);
  g_free (choice);
}

static void
imported_cb (RpImportDialog *dialog,
             gint64          batch_id,
             const char     *summary,
             Choice         *choice)
{
  if (choice->imported != NULL)
    choice->imported (batch_id, rp_import_dialog_get_records (dialog), summary,
                      choice->user_data);
}

void
rp_exchange_import_file (GtkWindow      *parent,
                         RpStore        *store,
                         RpVault        *vault,
                         GFile          *file,
                         RpImportedFunc  imported,
                         gpointer        user_data)
{
  RpImportDialog *dialog;
  Choice *choice;

  g_return_if_fail (RP_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));

  /* The dialog reads the file itself, on a worker thread, and says so when it cannot. */
  dialog = rp_import_dialog_new (parent, store, file);
  rp_import_dialog_set_vault (dialog, vault);

  choice = g_new0 (Choice, 1);
  choice->imported = imported;
  choice->user_data = user_data;
  g_signal_connect_data (dialog, "imported", G_CALLBACK (imported_cb), choice,
                         (GClosureNotify) choice_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_response_cb (GtkNativeDialog *native,
                    int              response,
                    Choice          *choice)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        rp_exchange_import_file (choice->parent, choice->store, choice->vault, file,
                                 choice->imported, choice->user_data);
    }
  choice_free (choice);
  g_object_unref (native);
}

static GtkFileFilter *
csv_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Spreadsheets (CSV) and contacts (vCard)"));
  gtk_file_filter_add_mime_type (filter, "text/vcard");
  gtk_file_filter_add_mime_type (filter, "text/x-vcard");
  gtk_file_filter_add_suffix (filter, "vcf");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_mime_type (filter, "text/tab-separated-values");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "tsv");
  gtk_file_filter_add_suffix (filter, "txt");
  return filter;
}

void
rp_exchange_choose_import (GtkWindow      *parent,
                           RpStore        *store,
                           RpVault        *vault,
                           RpImportedFunc  imported,
                           gpointer        user_data)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = csv_filter ();
  Choice *choice = g_new0 (Choice, 1);

  g_return_if_fail (RP_IS_STORE (store));

  choice->parent = parent != NULL ? g_object_ref (parent) : NULL;
  choice->store = g_object_ref (store);
  choice->vault = vault != NULL ? g_object_ref (vault) : NULL;
  choice->imported = imported;
  choice->user_data = user_data;

  native = gtk_file_chooser_native_new (_("Import Partners"), parent,
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_signal_connect (native, "response", G_CALLBACK (import_response_cb), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
export_response_cb (GtkNativeDialog *native,
                    int              response,
                    Choice          *choice)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  if (file != NULL)
    {
      g_autoptr(RpExportJob) job = NULL;

      if (choice->what == RP_STORE_EXPORT_ACTIVITIES || choice->what == RP_STORE_EXPORT_TASKS)
        job = rp_export_job_new (choice->store, choice->what == RP_STORE_EXPORT_TASKS
                                                ? RP_EXPORT_TASKS : RP_EXPORT_ACTIVITIES, file);
      else
        {
          /* The format follows the name: .vcf is vCard, anything else CSV. */
          job = rp_export_job_new (choice->store, RP_EXPORT_PARTNERS, file);
          if (choice->ids != NULL)
            rp_export_job_set_partner_ids (job, (const gint64 *) choice->ids->data,
                                           choice->ids->len);
        }
      rp_export_progress_run (choice->parent, job,
                              choice->what == RP_STORE_EXPORT_TASKS
                              ? _("The Tasks Could Not Be Exported")
                              : choice->what == RP_STORE_EXPORT_ACTIVITIES
                              ? _("The Activities Could Not Be Exported")
                              : _("The Partners Could Not Be Exported"));
    }
  choice_free (choice);
  g_object_unref (native);
}

void
rp_exchange_choose_export (GtkWindow     *parent,
                           RpStore       *store,
                           const gint64  *ids,
                           guint          n_ids,
                           const char    *suggested_name)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = csv_filter ();
  Choice *choice = g_new0 (Choice, 1);

  g_return_if_fail (RP_IS_STORE (store));

  choice->parent = parent != NULL ? g_object_ref (parent) : NULL;
  choice->store = g_object_ref (store);
  choice->what = RP_STORE_EXPORT_REFERRALS;  /* not records: partners */
  if (ids != NULL)
    {
      choice->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);
      g_array_append_vals (choice->ids, ids, n_ids);
    }

  native = gtk_file_chooser_native_new (_("Export Partners"), parent,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native),
                                     suggested_name != NULL ? suggested_name : _("partners.csv"));
  g_signal_connect (native, "response", G_CALLBACK (export_response_cb), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static RpExportKind
kind_of (RpStoreExportWhat what)
{
  return what == RP_STORE_EXPORT_ACTIVITIES ? RP_EXPORT_ACTIVITIES
         : what == RP_STORE_EXPORT_TASKS ? RP_EXPORT_TASKS
         : RP_EXPORT_REFERRALS;
}

RpExportJob *
rp_exchange_new_record_export (RpStore            *store,
                               RpStoreExportWhat   what,
                               RpVault            *vault,
                               gboolean            include_patient,
                               GFile              *file,
                               GError            **error)
{
  g_autoptr(RpExportJob) job = NULL;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  job = rp_export_job_new (store, kind_of (what), file);
  /* Never silently without them: asked for with a vault locked (or for another kind of
   * record) is an error, not a file without the columns. */
  if (include_patient &&
      (vault == NULL || !rp_export_job_set_vault (job, vault, NULL)))
    {
      g_set_error_literal (error, RP_VAULT_ERROR, RP_VAULT_ERROR_LOCKED,
                           _("The patient vault is locked: patient identifiers cannot be "
                             "exported"));
      return NULL;
    }
  return g_steal_pointer (&job);
}

gboolean
rp_exchange_export_records (RpStore            *store,
                            RpStoreExportWhat   what,
                            RpVault            *vault,
                            gboolean            include_patient,
                            GFile              *file,
                            char              **message,
                            GError            **error)
{
  g_autoptr(RpExportJob) job = NULL;
  guint n = 0;

  job = rp_exchange_new_record_export (store, what, vault, include_patient, file, error);
  if (job == NULL || !rp_export_job_run_sync (job, NULL, &n, error))
    return FALSE;
  if (message != NULL)
    *message = rp_export_progress_describe (kind_of (what), include_patient, n);
  return TRUE;
}

void
rp_exchange_choose_record_export (GtkWindow         *parent,
                                  RpStore           *store,
                                  RpStoreExportWhat  what)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  Choice *choice = g_new0 (Choice, 1);
  gboolean tasks = what == RP_STORE_EXPORT_TASKS;

  g_return_if_fail (RP_IS_STORE (store));
  g_return_if_fail (what == RP_STORE_EXPORT_ACTIVITIES || what == RP_STORE_EXPORT_TASKS);

  choice->parent = parent != NULL ? g_object_ref (parent) : NULL;
  choice->store = g_object_ref (store);
  choice->what = what;

  gtk_file_filter_set_name (filter, _("Spreadsheets (CSV)"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  native = gtk_file_chooser_native_new (tasks ? _("Export Tasks") : _("Export Activities"),
                                        parent, GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native),
                                     tasks ? _("tasks.csv") : _("activities.csv"));
  g_signal_connect (native, "response", G_CALLBACK (export_response_cb), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
