/* rp-exchange-actions.h: choosing a file to import, or to export partners, referrals, activities
 * or tasks, for the window and pages.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rp-export-job.h"
#include "rp-record-import.h"
#include "rp-store.h"
#include "rp-store-exchange.h"
#include "rp-vault.h"

G_BEGIN_DECLS

/* Called when an import committed: for partners Undo is rp_store_undo_import (store,
 * @batch_id); for referrals and activities (@batch_id 0) it is rp_record_import_undo (@records,
 * store), while @records is not NULL. */
typedef void (*RpImportedFunc) (gint64          batch_id,
                                RpRecordImport *records,
                                const char     *summary,
                                gpointer        user_data);

/* Asks for a CSV file, then shows the import dialog for it; patient identifiers in a referrals
 * file are sealed with @vault (NULL or locked: the dialog refuses them). */
void      rp_exchange_choose_import   (GtkWindow      *parent,
                                       RpStore        *store,
                                       RpVault        *vault,
                                       RpImportedFunc  imported,
                                       gpointer        user_data);
/* Shows the import dialog for @file (a dropped file); a file that cannot be read gets a message
 * dialog saying why. */
void      rp_exchange_import_file     (GtkWindow      *parent,
                                       RpStore        *store,
                                       RpVault        *vault,
                                       GFile          *file,
                                       RpImportedFunc  imported,
                                       gpointer        user_data);
/* Asks where to save, then writes the partners @ids (all when NULL) as CSV, or vCard when the
 * name ends in .vcf, on a worker thread (RpExportProgress: progress, Cancel, a toast with Open
 * in @parent). */
void      rp_exchange_choose_export   (GtkWindow      *parent,
                                       RpStore        *store,
                                       const gint64   *ids,
                                       guint           n_ids,
                                       const char     *suggested_name);

/* A job exporting @what to @file, with the patient identifiers when @include_patient (only for
 * referrals, only with @vault unlocked: otherwise RP_VAULT_ERROR_LOCKED and NULL). */
RpExportJob *rp_exchange_new_record_export (RpStore            *store,
                                            RpStoreExportWhat   what,
                                            RpVault            *vault,
                                            gboolean            include_patient,
                                            GFile              *file,
                                            GError            **error);
/* Writes every referral, activity or task of @store to @file as CSV on the calling thread, as
 * rp_exchange_new_record_export() says, and sets @message to what a toast says ("Exported 12
 * activities"). */
gboolean  rp_exchange_export_records  (RpStore            *store,
                                       RpStoreExportWhat   what,
                                       RpVault            *vault,
                                       gboolean            include_patient,
                                       GFile              *file,
                                       char              **message,
                                       GError            **error);
/* Asks where to save, then writes the activities or tasks (@what) as CSV on a worker thread. Referrals go through RpExportDialog (the patient identifiers' choice). */
void      rp_exchange_choose_record_export (GtkWindow         *parent,
                                            RpStore           *store,
                                            RpStoreExportWhat  what);

G_END_DECLS
