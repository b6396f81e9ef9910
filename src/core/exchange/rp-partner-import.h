/* rp-partner-import.h: bringing partners in from a CSV file: mapping, a plan that shows what
 * will happen and every problem before anything is written, then one transaction.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rp-import-fields.h"
#include "rp-partner.h"
#include "rp-store.h"

G_BEGIN_DECLS

#define RP_IMPORT_ERROR (rp_import_error_quark ())

typedef enum
{
  RP_IMPORT_ERROR_NO_ROWS,        /* a header and nothing else */
  RP_IMPORT_ERROR_NO_NAME,        /* no column maps to a name or an organization */
  RP_IMPORT_ERROR_MAPPING,        /* a saved mapping that does not fit the file */
  RP_IMPORT_ERROR_INVALID_ROWS,   /* rows with problems, and they were not to be skipped */
  RP_IMPORT_ERROR_NOT_PLANNED,
} RpImportError;

typedef enum
{
  RP_DUPLICATE_MERGE,   /* fill the existing partner's empty fields, keep its values */
  RP_DUPLICATE_SKIP,
  RP_DUPLICATE_ADD,     /* a new partner (not possible for the same NPI) */
} RpDuplicateAction;

typedef enum
{
  RP_MATCH_NONE,
  RP_MATCH_UUID,          /* the same Rapport ID: a re-imported export */
  RP_MATCH_NPI,
  RP_MATCH_NAME_ADDRESS,  /* the same normalised name, street and ZIP */
  RP_MATCH_NAME_PHONE,    /* the same normalised name and phone number */
} RpDuplicateMatch;

typedef struct
{
  guint  line;
  char  *message;       /* translated, says which column and what is wrong */
} RpImportProblem;

typedef struct
{
  guint              line;
  RpDuplicateMatch   match;
  gint64             existing_id;     /* the partner in the database; 0 for an earlier row */
  guint              earlier_line;    /* the earlier row of the file it repeats, or 0 */
  char              *existing_name;
  char              *incoming_name;
  char              *changes;         /* what a merge fills: "Phone, Fax"; "" for nothing */
  RpDuplicateAction  action;
} RpImportDuplicate;

typedef struct
{
  guint   added;
  guint   merged;       /* existing partners that got some empty fields filled */
  guint   unchanged;    /* duplicates a merge found nothing to add to */
  guint   skipped;      /* duplicates skipped, and invalid rows when they were to be skipped */
  gint64  batch_id;     /* for rp_store_undo_import() */
  double  seconds;
} RpImportResult;

typedef void (*RpImportProgressFunc) (guint    rows_done,
                                      guint    rows_total,
                                      double   rows_per_s,
                                      gpointer user_data);

#define RP_TYPE_PARTNER_IMPORT (rp_partner_import_get_type ())
G_DECLARE_FINAL_TYPE (RpPartnerImport, rp_partner_import, RP, PARTNER_IMPORT, GObject)

GQuark           rp_import_error_quark                (void);
const char      *rp_duplicate_match_to_label          (RpDuplicateMatch   match);
const char      *rp_duplicate_action_to_label         (RpDuplicateAction  action);
gboolean         rp_duplicate_action_from_string      (const char        *text,
                                                       RpDuplicateAction *action);

/* Opens @file (see RpCsvReader), reads its header row and guesses the mapping. */
RpPartnerImport *rp_partner_import_new                (GFile             *file,
                                                       GCancellable      *cancellable,
                                                       GError           **error);
const char      *rp_partner_import_get_file_name      (RpPartnerImport   *self);
/* For a file converted to CSV first (vCard): the name the user knows it by, and for each record
 * of the CSV (by its order, 0 the header) the line of the original file it came from, for the
 * problem report and the partners' provenance. @temp_path, when not NULL, is the converted file,
 * deleted with the import. */
void             rp_partner_import_set_source         (RpPartnerImport   *self,
                                                       const char        *file_name,
                                                       GArray            *line_map,
                                                       const char        *temp_path);
const char      *rp_partner_import_get_encoding       (RpPartnerImport   *self);
char             rp_partner_import_get_delimiter      (RpPartnerImport   *self);
/* The header row (strings) and the field of each column (RpImportField). */
GPtrArray       *rp_partner_import_get_headers        (RpPartnerImport   *self);
GArray          *rp_partner_import_get_mapping        (RpPartnerImport   *self);
/* The first row under the header (strings), to show beside each column; NULL when none. */
GPtrArray       *rp_partner_import_get_first_row      (RpPartnerImport   *self);
void             rp_partner_import_set_column_field   (RpPartnerImport   *self,
                                                       guint              column,
                                                       RpImportField      field);
/* Uses the mapping saved as @name, or with @name NULL the last one saved for these headers.
 * FALSE without an error when there is none. */
gboolean         rp_partner_import_load_mapping       (RpPartnerImport   *self,
                                                       RpStore           *store,
                                                       const char        *name,
                                                       GError           **error);
gboolean         rp_partner_import_save_mapping       (RpPartnerImport   *self,
                                                       RpStore           *store,
                                                       const char        *name,
                                                       GError           **error);

/* What duplicates get unless one is set on its own (apply to all). */
void             rp_partner_import_set_default_action (RpPartnerImport   *self,
                                                       RpDuplicateAction  action);
RpDuplicateAction rp_partner_import_get_default_action (RpPartnerImport  *self);

/* Reads the whole file (streaming) and compares it with @store, writing nothing: fills the
 * counts, the preview, the problems and the duplicates below. */
gboolean         rp_partner_import_plan               (RpPartnerImport   *self,
                                                       RpStore           *store,
                                                       GCancellable      *cancellable,
                                                       GError           **error);
guint            rp_partner_import_get_n_rows         (RpPartnerImport   *self);
guint            rp_partner_import_get_n_invalid      (RpPartnerImport   *self);
guint            rp_partner_import_get_n_new          (RpPartnerImport   *self);
guint            rp_partner_import_get_n_duplicates   (RpPartnerImport   *self);
/* Duplicates a merge would change (fill some field of). */
guint            rp_partner_import_get_n_changing     (RpPartnerImport   *self);
/* The first rows as they will be stored (RpPartner), with their lines (guint). */
GPtrArray       *rp_partner_import_get_preview        (RpPartnerImport   *self);
GArray          *rp_partner_import_get_preview_lines  (RpPartnerImport   *self);
/* Every problem (RpImportProblem), by line; the first RP_IMPORT_MAX_LISTED. */
GPtrArray       *rp_partner_import_get_problems       (RpPartnerImport   *self);
/* The duplicates (RpImportDuplicate), by line; the first RP_IMPORT_MAX_LISTED. Setting one's
 * action overrides the default for that row. */
GPtrArray       *rp_partner_import_get_duplicates     (RpPartnerImport   *self);
void             rp_partner_import_set_duplicate_action (RpPartnerImport *self,
                                                         guint            index,
                                                         RpDuplicateAction action);

#define RP_IMPORT_MAX_LISTED 1000
#define RP_IMPORT_PREVIEW_ROWS 20

/* Writes the plan in one transaction, with a batch for Undo and each partner's origin. With
 * @skip_invalid FALSE any invalid row refuses the whole import. @progress is called from this
 * thread every few thousand rows. Cancelling @cancellable (from any thread) rolls everything
 * back: the database is exactly as before. */
gboolean         rp_partner_import_apply              (RpPartnerImport      *self,
                                                       RpStore              *store,
                                                       gboolean              skip_invalid,
                                                       GCancellable         *cancellable,
                                                       RpImportProgressFunc  progress,
                                                       gpointer              user_data,
                                                       RpImportResult       *result,
                                                       GError              **error);
/* Plans and applies in one reading of the file, every duplicate getting the default action: for
 * the command line, which shows no plan before writing. Any invalid row refuses the whole import
 * (RP_IMPORT_ERROR_INVALID_ROWS, nothing written): the plan is then made, and
 * rp_partner_import_get_problems lists them. */
gboolean         rp_partner_import_run                (RpPartnerImport      *self,
                                                       RpStore              *store,
                                                       GCancellable         *cancellable,
                                                       RpImportResult       *result,
                                                       GError              **error);

G_END_DECLS
