/* rp-import-dialog-private.h: what the import dialog's parts share: the dialog's fields, and
 * each part's entry points (the mapping page, the review page, the worker jobs).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rp-import-dialog.h"
#include "rp-partner-import.h"
#include "rp-record-import.h"
#include "rp-vault.h"

G_BEGIN_DECLS

/* The review lists this many problems and duplicates; the rest are counted. */
#define LISTED_IN_DIALOG 200

struct _RpImportDialog
{
  AdwWindow          parent_instance;

  RpStore           *store;
  RpVault           *vault;          /* the window's, for patient identifiers; or NULL */
  GFile             *file;
  GError            *open_error;     /* why the file could not be read, or NULL */
  RpPartnerImport   *import;         /* the file's header and first row, and partners */
  RpImportWhat       what;           /* what the file holds */
  RpRecordImport    *records;        /* its referrals or activities, or NULL */
  GCancellable      *cancellable;
  GPtrArray         *samples;        /* the first row's values, by column */

  GtkStack          *stack;
  GtkButton         *back_button;
  GtkButton         *next_button;
  GtkWidget         *mapping_page;
  AdwPreferencesPage *review_page;
  GtkWidget         *progress_page;
  GtkProgressBar    *progress_bar;
  GtkLabel          *progress_label;
  GtkButton         *stop_button;
  GtkWidget         *review_spinner;

  gboolean           running;
  gboolean           skip_invalid;
  guint              progress_id;
  guint              rows_done;
  guint              rows_total;
  double             rows_per_s;
  GMutex             progress_lock;
};

/* rp-import-dialog.c: emits "imported" and closes the dialog. */
void     _rp_import_dialog_imported          (RpImportDialog  *self,
                                              gint64           batch_id,
                                              const char      *summary);

/* rp-import-dialog-mapping.c: the file's columns, and the page for a file that cannot be read. */
gboolean _rp_import_dialog_is_vcard          (RpImportDialog  *self);
/* Takes @import (the file's header and first row; NULL: keep the one there), what it holds, and
 * @records (its referrals or activities, or NULL), and shows their columns. */
void     _rp_import_dialog_show_mapping      (RpImportDialog  *self,
                                              RpPartnerImport *import,
                                              RpImportWhat     what,
                                              RpRecordImport  *records);
/* Takes @error and shows why the file cannot be read. */
void     _rp_import_dialog_show_open_error   (RpImportDialog  *self,
                                              GError          *error);

/* rp-import-dialog-review.c: what the import will do, checked without writing. */
void     _rp_import_dialog_fill_review       (RpImportDialog  *self);
void     _rp_import_dialog_fill_record_review (RpImportDialog *self);

/* rp-import-dialog-job.c: reading the file (@open), checking it (@plan) or importing it, on a
 * worker thread with a connection of its own; the progress page while it imports. */
void     _rp_import_dialog_start_job         (RpImportDialog  *self,
                                              gboolean         open,
                                              gboolean         plan);

G_END_DECLS
