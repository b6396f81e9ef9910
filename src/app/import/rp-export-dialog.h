/* rp-export-dialog.h: exporting referrals as CSV, with or without patient identifiers.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rp-store.h"
#include "rp-vault.h"

G_BEGIN_DECLS

#define RP_TYPE_EXPORT_DIALOG (rp_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RpExportDialog, rp_export_dialog, RP, EXPORT_DIALOG, AdwWindow)

/* A dialog for exporting every referral of @store. "Include Patient Identifiers" is off by
 * default; ticking it shows a warning (the identifiers leave the encrypted store in plain text),
 * and it can only be ticked while @vault (may be NULL) is unlocked: otherwise the row says why.
 * Export… asks where to save, writes the file and closes.
 *
 * Signal "exported" (const char *message): the file was written ("Exported 12 referrals"). */
RpExportDialog *rp_export_dialog_new                 (GtkWindow      *parent,
                                                      RpStore        *store,
                                                      RpVault        *vault);
gboolean        rp_export_dialog_get_include_patient (RpExportDialog *self);
/* As ticking the check box does; ignored while the vault is locked. */
void            rp_export_dialog_set_include_patient (RpExportDialog *self,
                                                      gboolean        include);
/* Writes the referrals to @file as the dialog is set, on the calling thread (the file chooser's
 * Export runs the same job on a worker thread with RpExportProgress), emits "exported" and closes the dialog; on an error, nothing else happens. */
gboolean        rp_export_dialog_write               (RpExportDialog *self,
                                                      GFile          *file,
                                                      GError        **error);

G_END_DECLS
