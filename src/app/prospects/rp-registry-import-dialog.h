/* rp-registry-import-dialog.h: importing a public registry file (NPPES providers, the NUCC
 * taxonomy, Medicare volumes) from the app.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rp-context.h"

G_BEGIN_DECLS

typedef enum
{
  RP_REGISTRY_KIND_NPPES,
  RP_REGISTRY_KIND_NUCC,
  RP_REGISTRY_KIND_MEDICARE,
} RpRegistryKind;

#define RP_TYPE_REGISTRY_IMPORT_DIALOG (rp_registry_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RpRegistryImportDialog, rp_registry_import_dialog, RP,
                      REGISTRY_IMPORT_DIALOG, AdwWindow)

/* A dialog to choose the kind of file, the file and (for NPPES) the filters, then the import on
 * a worker thread with a connection of its own: bytes read, rows kept, rows a second and
 * Cancel; one transaction, so a cancelled or failed import changes nothing.
 *
 * Signal "imported" (const char *summary): emitted when an import committed. */
RpRegistryImportDialog *rp_registry_import_dialog_new       (GtkWindow              *parent,
                                                             RpContext              *context);

/* For tests and screenshots. The pages: "setup", "progress", "done" (summary or error). */
const char             *rp_registry_import_dialog_get_page  (RpRegistryImportDialog *self);
void                    rp_registry_import_dialog_set_kind  (RpRegistryImportDialog *self,
                                                             RpRegistryKind          kind);
void                    rp_registry_import_dialog_set_file  (RpRegistryImportDialog *self,
                                                             GFile                  *file);
/* The NPPES filters as typed (NULL leaves a field as it is); @within_index is the distance
 * choice (0 any, then 5, 10, 25, 50), @entity 0 both, 1 individuals, 2 organizations. */
void                    rp_registry_import_dialog_set_filters (RpRegistryImportDialog *self,
                                                               const char             *state,
                                                               const char             *zips,
                                                               guint                   within_index,
                                                               const char             *taxonomies,
                                                               guint                   entity);
/* Starts the import (the Import button); the Cancel button. */
void                    rp_registry_import_dialog_start     (RpRegistryImportDialog *self);
void                    rp_registry_import_dialog_cancel    (RpRegistryImportDialog *self);
/* The done page's heading and text. */
const char             *rp_registry_import_dialog_get_result_title (RpRegistryImportDialog *self);
const char             *rp_registry_import_dialog_get_result_text  (RpRegistryImportDialog *self);

G_END_DECLS
