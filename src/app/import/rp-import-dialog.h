/* rp-import-dialog.h: importing partners from a CSV file, step by step.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rp-record-import.h"
#include "rp-store.h"
#include "rp-vault.h"

G_BEGIN_DECLS

#define RP_TYPE_IMPORT_DIALOG (rp_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RpImportDialog, rp_import_dialog, RP, IMPORT_DIALOG, AdwWindow)

/* A dialog for importing @file into @store. It opens at once and reads the file on a worker
 * thread (a million rows do not freeze the window), then shows its columns (each re-assignable
 * or ignored), then a preview with every problem and duplicate (merge, skip or add, one by one
 * or all), then the import on a worker thread with its own connection, with progress and
 * Cancel. A file that cannot be read shows why (page "error").
 *
 * Signal "imported" (gint64 batch_id, const char *summary): emitted when the import committed,
 * before the dialog closes; Undo is rp_store_undo_import (store, batch_id) for partners, and
 * rp_record_import_undo (rp_import_dialog_get_records (), store) for referrals and activities
 * (batch_id 0). */
RpImportDialog *rp_import_dialog_new            (GtkWindow  *parent,
                                                 RpStore    *store,
                                                 GFile      *file);
/* Why the file could not be read; NULL while it is read or when it was. */
const GError   *rp_import_dialog_get_error      (RpImportDialog *self);
/* The pages, for tests and screenshots: "loading", "error", "mapping", "review", "progress". */
const char     *rp_import_dialog_get_page       (RpImportDialog *self);
/* Goes on from the mapping page (as its Continue button does). */
void            rp_import_dialog_review         (RpImportDialog *self);
/* Starts the import (as its Import button does). */
void            rp_import_dialog_start          (RpImportDialog *self);
void            rp_import_dialog_cancel         (RpImportDialog *self);
/* The vault that seals a referrals file's patient identifiers (the window's, as the referral
 * editor's); without it, or locked, the review refuses those columns and writes nothing. */
void            rp_import_dialog_set_vault      (RpImportDialog *self,
                                                 RpVault        *vault);
/* The referrals or activities being imported, or NULL for partners; after "imported" its
 * rp_record_import_undo() takes the import back. */
RpRecordImport *rp_import_dialog_get_records    (RpImportDialog *self);

G_END_DECLS
