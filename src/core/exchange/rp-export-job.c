/* rp-export-job.c: an export on a worker thread.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rp-csv-export.h"
#include "rp-export-job.h"
#include "rp-store-partners.h"
#include "rp-vcard.h"

struct _RpExportJob
{
  GObject       parent_instance;

  RpStore      *store;
  char         *path;       /* the database, for the worker's own connection */
  RpExportKind  kind;
  GFile        *file;
  GArray       *ids;        /* of partners, or NULL for all */
  RpVault      *vault;      /* the window's unlocked vault when patients are included */
  gboolean      running;

  guint         written;    /* atomic */
  guint         total;      /* atomic */
};

G_DEFINE_FINAL_TYPE (RpExportJob, rp_export_job, G_TYPE_OBJECT)

static void
rp_export_job_finalize (GObject *object)
{
  RpExportJob *self = RP_EXPORT_JOB (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->path, g_free);
  g_clear_object (&self->file);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_object (&self->vault);

  G_OBJECT_CLASS (rp_export_job_parent_class)->finalize (object);
}

static void
rp_export_job_class_init (RpExportJobClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rp_export_job_finalize;
}

static void
rp_export_job_init (RpExportJob *self)
{
}

RpExportJob *
rp_export_job_new (RpStore      *store,
                   RpExportKind  kind,
                   GFile        *file)
{
  RpExportJob *self;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (kind <= RP_EXPORT_TASKS, NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (RP_TYPE_EXPORT_JOB, NULL);
  self->store = g_object_ref (store);
  self->path = g_strdup (rp_store_get_path (store));
  self->kind = kind;
  self->file = g_object_ref (file);
  return self;
}

void
rp_export_job_set_partner_ids (RpExportJob  *self,
                               const gint64 *ids,
                               guint         n_ids)
{
  g_return_if_fail (RP_IS_EXPORT_JOB (self));
  g_return_if_fail (!self->running);

  g_clear_pointer (&self->ids, g_array_unref);
  if (ids == NULL)
    return;
  self->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);
  g_array_append_vals (self->ids, ids, n_ids);
}

gboolean
rp_export_job_set_vault (RpExportJob  *self,
                         RpVault      *vault,
                         GError      **error)
{
  g_return_val_if_fail (RP_IS_EXPORT_JOB (self), FALSE);
  g_return_val_if_fail (vault == NULL || RP_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (!self->running, FALSE);

  if (vault != NULL &&
      (self->kind != RP_EXPORT_REFERRALS ||
       rp_vault_get_state (vault) != RP_VAULT_STATE_UNLOCKED))
    {
      g_set_error_literal (error, RP_VAULT_ERROR, RP_VAULT_ERROR_LOCKED,
                           _("The patient vault is locked: patient identifiers cannot be "
                             "exported"));
      return FALSE;
    }
  g_set_object (&self->vault, vault);
  return TRUE;
}

RpExportKind
rp_export_job_get_kind (RpExportJob *self)
{
  g_return_val_if_fail (RP_IS_EXPORT_JOB (self), RP_EXPORT_PARTNERS);

  return self->kind;
}

GFile *
rp_export_job_get_file (RpExportJob *self)
{
  g_return_val_if_fail (RP_IS_EXPORT_JOB (self), NULL);

  return self->file;
}

gboolean
rp_export_job_get_includes_patient (RpExportJob *self)
{
  g_return_val_if_fail (RP_IS_EXPORT_JOB (self), FALSE);

  return self->vault != NULL;
}

guint
rp_export_job_get_written (RpExportJob *self)
{
  g_return_val_if_fail (RP_IS_EXPORT_JOB (self), 0);

  return (guint) g_atomic_int_get ((gint *) &self->written);
}

guint
rp_export_job_get_total (RpExportJob *self)
{
  g_return_val_if_fail (RP_IS_EXPORT_JOB (self), 0);

  return (guint) g_atomic_int_get ((gint *) &self->total);
}

static gboolean
is_vcard (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = g_ascii_strdown (name != NULL ? name : "", -1);

  return g_str_has_suffix (lower, ".vcf");
}

/* Writes the export through @store (the job's own or a worker's) and @vault (a reader on the
 * same connection, or NULL). */
static gboolean
run (RpExportJob   *self,
     RpStore       *store,
     RpVault       *vault,
     GCancellable  *cancellable,
     GError       **error)
{
  const gint64 *ids = self->ids != NULL ? (const gint64 *) self->ids->data : NULL;
  guint n_ids = self->ids != NULL ? self->ids->len : 0;
  RpStoreExportWhat what;
  guint total = n_ids;

  if (self->kind == RP_EXPORT_PARTNERS)
    {
      if (ids == NULL)
        total = rp_store_count_partners (store, FALSE) + rp_store_count_partners (store, TRUE);
      g_atomic_int_set ((gint *) &self->total, (gint) total);
      return is_vcard (self->file)
             ? rp_vcard_export_partners (store, ids, n_ids, self->file, &self->written,
                                         cancellable, error)
             : rp_csv_export_partners (store, ids, n_ids, self->file, &self->written,
                                       cancellable, error);
    }

  what = self->kind == RP_EXPORT_ACTIVITIES ? RP_STORE_EXPORT_ACTIVITIES
         : self->kind == RP_EXPORT_TASKS ? RP_STORE_EXPORT_TASKS
         : RP_STORE_EXPORT_REFERRALS;
  if (!rp_store_count_exported (store, what, &total, error))
    return FALSE;
  g_atomic_int_set ((gint *) &self->total, (gint) total);
  return rp_csv_export_records (store, what, vault, self->file, &self->written, cancellable,
                                error);
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  RpExportJob *self = source_object;
  g_autoptr(RpStore) reader = NULL;
  g_autoptr(RpVault) vault = task_data != NULL ? g_object_ref (task_data) : NULL;
  g_autoptr(RpVault) vault_reader = NULL;
  g_autoptr(GError) error = NULL;

  reader = rp_store_open_full (self->path, RP_STORE_OPEN_READ_ONLY, &error);
  if (reader != NULL && vault != NULL)
    vault_reader = rp_vault_dup_reader (vault, reader, &error);
  if (reader == NULL || (vault != NULL && vault_reader == NULL) ||
      !run (self, reader, vault_reader, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

void
rp_export_job_run_async (RpExportJob         *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RpVault) vault_copy = NULL;

  g_return_if_fail (RP_IS_EXPORT_JOB (self));
  g_return_if_fail (!self->running);

  self->running = TRUE;
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rp_export_job_run_async);
  g_task_set_return_on_cancel (task, FALSE);

  /* A second connection to a store in memory would open another, empty database. */
  if (self->path == NULL || g_strcmp0 (self->path, ":memory:") == 0)
    {
      if (run (self, self->store, self->vault, cancellable, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The key is copied here, on the window's thread, and opened with the worker's connection. */
  if (self->vault != NULL)
    {
      vault_copy = rp_vault_dup_reader (self->vault, self->store, &error);
      if (vault_copy == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }
  if (vault_copy != NULL)
    g_task_set_task_data (task, g_steal_pointer (&vault_copy), g_object_unref);
  g_task_run_in_thread (task, run_thread);
}

gboolean
rp_export_job_run_finish (RpExportJob   *self,
                          GAsyncResult  *result,
                          guint         *n_written,
                          GError       **error)
{
  g_return_val_if_fail (RP_IS_EXPORT_JOB (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  self->running = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  if (n_written != NULL)
    *n_written = rp_export_job_get_written (self);
  return TRUE;
}

gboolean
rp_export_job_run_sync (RpExportJob   *self,
                        GCancellable  *cancellable,
                        guint         *n_written,
                        GError       **error)
{
  g_return_val_if_fail (RP_IS_EXPORT_JOB (self), FALSE);

  if (!run (self, self->store, self->vault, cancellable, error))
    return FALSE;
  if (n_written != NULL)
    *n_written = rp_export_job_get_written (self);
  return TRUE;
}
