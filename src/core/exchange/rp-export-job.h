/* rp-export-job.h: one export (partners as CSV or vCard, referrals, activities or tasks as CSV)
 * written on a worker thread with a read-only connection of its own.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rp-store.h"
#include "rp-store-exchange.h"
#include "rp-vault.h"

G_BEGIN_DECLS

typedef enum
{
  RP_EXPORT_PARTNERS,
  RP_EXPORT_REFERRALS,
  RP_EXPORT_ACTIVITIES,
  RP_EXPORT_TASKS,
} RpExportKind;

#define RP_TYPE_EXPORT_JOB (rp_export_job_get_type ())
G_DECLARE_FINAL_TYPE (RpExportJob, rp_export_job, RP, EXPORT_JOB, GObject)

/* An export of @kind to @file: partners as vCard 4.0 when the file's name ends in ".vcf", CSV
 * otherwise; the file is replaced whole when the export succeeds and left as it was when it
 * fails or is cancelled. */
RpExportJob  *rp_export_job_new          (RpStore       *store,
                                          RpExportKind   kind,
                                          GFile         *file);
/* Limits a partner export to @ids (a selection, a target list). */
void          rp_export_job_set_partner_ids (RpExportJob  *self,
                                             const gint64 *ids,
                                             guint         n_ids);
/* Adds the patient identifiers to a referral export: only with @vault unlocked (otherwise
 * RP_VAULT_ERROR_LOCKED), and only for referrals. The job keeps a copy of the key, so a lock
 * while it runs does not interrupt it. */
gboolean      rp_export_job_set_vault    (RpExportJob   *self,
                                          RpVault       *vault,
                                          GError       **error);
RpExportKind  rp_export_job_get_kind     (RpExportJob   *self);
GFile        *rp_export_job_get_file     (RpExportJob   *self);
gboolean      rp_export_job_get_includes_patient (RpExportJob *self);

/* Rows written so far and rows to write (0 until known); safe to call while the job runs. */
guint         rp_export_job_get_written  (RpExportJob   *self);
guint         rp_export_job_get_total    (RpExportJob   *self);

void          rp_export_job_run_async    (RpExportJob         *self,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
/* The number of rows written in *@n_written. */
gboolean      rp_export_job_run_finish   (RpExportJob   *self,
                                          GAsyncResult  *result,
                                          guint         *n_written,
                                          GError       **error);
/* The same, on the calling thread, with @self's store (the command line, the benchmark). */
gboolean      rp_export_job_run_sync     (RpExportJob   *self,
                                          GCancellable  *cancellable,
                                          guint         *n_written,
                                          GError       **error);

G_END_DECLS
