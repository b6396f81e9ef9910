/* rp-import-dialog-job.c: the import dialog's worker jobs: reading the
 * file (its encoding through the whole file, its header, a vCard converted), checking it, and
 * importing it in one transaction on a connection of its own, with progress, rows a second and
 * Cancel (a cancel rolls everything back).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-import-dialog-private.h"
#include "rp-vcard.h"

/* ── running ──────────────────────────────────────────────────────────────────────────── */

typedef struct
{
  RpImportDialog *self;       /* a reference */
  char           *db_path;
  gboolean        open;       /* read the file's header and first row */
  gboolean        guess;      /* with open: guess what the file holds, else open it as what */
  RpImportWhat    what;
  gboolean        plan;       /* plan only, else apply */
  RpPartnerImport *opened;
  RpRecordImport *records;
  gboolean        skip_invalid;
  RpImportResult  result;
} Job;

static void
job_free (Job *job)
{
  g_object_unref (job->self);
  g_clear_object (&job->opened);
  g_clear_object (&job->records);
  g_free (job->db_path);
  g_free (job);
}

static void
progress_cb (guint    done,
             guint    total,
             double   rows_per_s,
             gpointer user_data)
{
  RpImportDialog *self = user_data;

  g_mutex_lock (&self->progress_lock);
  self->rows_done = done;
  self->rows_total = total;
  self->rows_per_s = rows_per_s;
  g_mutex_unlock (&self->progress_lock);
}

static gboolean
show_progress_cb (gpointer user_data)
{
  RpImportDialog *self = user_data;
  g_autofree char *text = NULL;
  guint done, total;
  double rate;

  g_mutex_lock (&self->progress_lock);
  done = self->rows_done;
  total = self->rows_total;
  rate = self->rows_per_s;
  g_mutex_unlock (&self->progress_lock);

  if (total > 0)
    gtk_progress_bar_set_fraction (self->progress_bar, (double) done / total);
  else
    gtk_progress_bar_pulse (self->progress_bar);
  /* Translators: "12,000 of 100,000 rows, 45,000 rows a second". */
  text = g_strdup_printf (_("%'u of %'u rows, %'.0f rows a second"), done, total, rate);
  gtk_label_set_text (self->progress_label, text);
  return G_SOURCE_CONTINUE;
}

static void
run_job (GTask        *task,
         gpointer      source,
         gpointer      task_data,
         GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpVault) vault = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  /* The first pass (the encoding, through the whole file; the header; a vCard converted) is
   * the worker's too: a file of a million rows does not freeze the window. */
  if (job->open)
    {
      gboolean vcard = _rp_import_dialog_is_vcard (job->self);
      RpPartnerImport *partners = job->self->import;

      if (partners == NULL)
        {
          job->opened = vcard ? rp_vcard_import_new (job->self->file, cancellable, &error)
                              : rp_partner_import_new (job->self->file, cancellable, &error);
          if (job->opened == NULL)
            {
              g_task_return_error (task, g_steal_pointer (&error));
              return;
            }
          partners = job->opened;
        }
      /* Referrals or activities: read again, with their own fields. */
      if (job->guess)
        job->what = vcard ? RP_IMPORT_WHAT_PARTNERS
                          : rp_import_what_guess (rp_partner_import_get_headers (partners));
      if (job->what != RP_IMPORT_WHAT_PARTNERS)
        {
          job->records = rp_record_import_new (job->self->file, job->what, cancellable, &error);
          if (job->records == NULL)
            {
              g_task_return_error (task, g_steal_pointer (&error));
              return;
            }
        }
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* A connection of the worker's own: the window's stays responsive. */
  store = rp_store_open_full (job->db_path, RP_STORE_OPEN_EXISTING, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Patient identifiers are sealed into the worker's rows: through a vault on its connection,
   * with the same key (the window's vault is unlocked, so the keyring gives it at once). */
  if (!job->plan && job->self->records != NULL &&
      rp_record_import_has_patient_columns (job->self->records))
    {
      if (job->self->vault == NULL ||
          rp_vault_get_state (job->self->vault) != RP_VAULT_STATE_UNLOCKED)
        {
          g_task_return_new_error (task, RP_VAULT_ERROR, RP_VAULT_ERROR_LOCKED,
                                   _("The patient vault is locked: patient identifiers cannot be "
                                     "imported"));
          return;
        }
      vault = rp_vault_new (store);
      if (!rp_vault_unlock_sync (vault, cancellable, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      if (rp_vault_get_state (vault) != RP_VAULT_STATE_UNLOCKED)
        {
          g_task_return_new_error (task, RP_VAULT_ERROR, RP_VAULT_ERROR_LOCKED, "%s",
                                   rp_vault_get_state_message (vault));
          return;
        }
      rp_record_import_set_vault (job->self->records, vault);
    }

  ok = job->self->records != NULL
       ? (job->plan ? rp_record_import_plan (job->self->records, store, cancellable, &error)
                    : rp_record_import_apply (job->self->records, store, cancellable, progress_cb,
                                              job->self, &job->result, &error))
       : (job->plan ? rp_partner_import_plan (job->self->import, store, cancellable, &error)
                    : rp_partner_import_apply (job->self->import, store, job->skip_invalid,
                                               cancellable, progress_cb, job->self, &job->result,
                                               &error));
  /* The worker's vault goes with its connection, before the window hears of the result. */
  if (vault != NULL)
    rp_record_import_set_vault (job->self->records, job->self->vault);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
show_error (RpImportDialog *self,
            const char     *heading,
            const char     *message)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                                         heading, message));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The toast after a partner import: "Imported 1,204 new partners, merged 12". */
static char *
imported_partners_summary (guint added,
                           guint merged)
{
  g_autofree char *new_part = NULL;
  g_autofree char *merged_part = NULL;

  if (merged == 0)
    return g_strdup_printf (ngettext ("Imported %'u new partner", "Imported %'u new partners",
                                      added), added);
  if (added == 0)
    return g_strdup_printf (ngettext ("Merged %'u partner into one already in Rapport",
                                      "Merged %'u partners into ones already in Rapport",
                                      merged), merged);

  new_part = g_strdup_printf (ngettext ("Imported %'u new partner", "Imported %'u new partners",
                                        added), added);
  merged_part = g_strdup_printf (ngettext ("merged %'u", "merged %'u", merged), merged);
  /* TRANSLATORS: "Imported 1,204 new partners" and "merged 12". */
  return g_strdup_printf (_("%s, %s"), new_part, merged_part);
}

/* The worker read the file: its columns. */
static void
job_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  RpImportDialog *self = RP_IMPORT_DIALOG (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  self->running = FALSE;
  g_clear_handle_id (&self->progress_id, g_source_remove);
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), TRUE);
  gtk_widget_set_visible (self->review_spinner, FALSE);

  if (job->open)
    {
      if (!g_task_propagate_boolean (G_TASK (result), &error))
        _rp_import_dialog_show_open_error (self, g_steal_pointer (&error));
      else
        _rp_import_dialog_show_mapping (self, g_steal_pointer (&job->opened), job->what,
                      g_steal_pointer (&job->records));
      return;
    }

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* Cancelled: nothing was written; back to the review. */
          if (!job->plan)
            _rp_import_dialog_fill_review (self);
          return;
        }
      show_error (self, job->plan ? _("The File Could Not Be Checked")
                                  : _("Nothing Was Imported"), error->message);
      if (!job->plan)
        _rp_import_dialog_fill_review (self);
      return;
    }

  if (job->plan)
    {
      if (self->records != NULL)
        _rp_import_dialog_fill_record_review (self);
      else
        _rp_import_dialog_fill_review (self);
      return;
    }

  if (self->records != NULL)
    {
      g_autofree char *summary = NULL;

      g_signal_emit_by_name (self->store, "records-changed");
      summary = g_strdup_printf (self->what == RP_IMPORT_WHAT_REFERRALS
                                 ? ngettext ("Imported %'u referral", "Imported %'u referrals",
                                             job->result.added)
                                 : ngettext ("Imported %'u activity", "Imported %'u activities",
                                             job->result.added),
                                 job->result.added);
      /* No batch: Undo is rp_record_import_undo on rp_import_dialog_get_records(). */
      _rp_import_dialog_imported (self, 0, summary);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  {
    g_autofree char *summary = NULL;
    g_autofree char *name = g_strdup (rp_partner_import_get_file_name (self->import));

    /* The window's connection did not see the worker's writes: tell its lists. */
    g_signal_emit_by_name (self->store, "partners-changed");
    /* Next time a file with these headers comes, the same mapping. */
    rp_partner_import_save_mapping (self->import, self->store, name, NULL);

    summary = imported_partners_summary (job->result.added, job->result.merged);
    _rp_import_dialog_imported (self, job->result.batch_id, summary);
    gtk_window_destroy (GTK_WINDOW (self));
  }
}

void
_rp_import_dialog_start_job (RpImportDialog *self,
           gboolean        open,
           gboolean        plan)
{
  g_autoptr(GTask) task = NULL;
  Job *job = g_new0 (Job, 1);

  job->self = g_object_ref (self);
  job->db_path = g_strdup (rp_store_get_path (self->store));
  job->open = open;
  job->guess = open && self->import == NULL;
  job->what = self->what;
  job->plan = plan;
  job->skip_invalid = self->skip_invalid;

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->running = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), FALSE);

  if (!open && !plan)
    {
      self->rows_done = 0;
      self->rows_total = self->records != NULL ? rp_record_import_get_n_rows (self->records)
                                               : rp_partner_import_get_n_rows (self->import);
      self->rows_per_s = 0;
      show_progress_cb (self);
      gtk_stack_set_visible_child_name (self->stack, "progress");
      gtk_widget_set_visible (GTK_WIDGET (self->back_button), FALSE);
      self->progress_id = g_timeout_add (100, show_progress_cb, self);
    }
  else if (plan)
    gtk_widget_set_visible (self->review_spinner, TRUE);

  task = g_task_new (self, self->cancellable, job_done_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, run_job);
}

