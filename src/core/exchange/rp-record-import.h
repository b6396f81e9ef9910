/* rp-record-import.h: bringing referrals or activities in from a CSV file. Each row names its
 * partner (by Rapport ID, else NPI, else exact name); the plan reports every problem with its line
 * before anything is written, then one transaction writes the rows. A row whose Rapport ID is
 * already in the database (a re-imported export) changes nothing.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rp-partner-import.h"
#include "rp-store.h"
#include "rp-vault.h"

G_BEGIN_DECLS

/* What a file holds. */
typedef enum
{
  RP_IMPORT_WHAT_PARTNERS,
  RP_IMPORT_WHAT_REFERRALS,
  RP_IMPORT_WHAT_ACTIVITIES,
} RpImportWhat;

typedef enum
{
  RP_RECORD_FIELD_IGNORE,
  RP_RECORD_FIELD_UUID,
  RP_RECORD_FIELD_PARTNER_UUID,
  RP_RECORD_FIELD_PARTNER_NPI,
  RP_RECORD_FIELD_PARTNER_NAME,
  /* referrals */
  RP_RECORD_FIELD_DIRECTION,
  RP_RECORD_FIELD_REFERRED_ON,
  RP_RECORD_FIELD_STATUS,
  RP_RECORD_FIELD_STATUS_REASON,
  RP_RECORD_FIELD_REASON,
  RP_RECORD_FIELD_SERVICE_LINE,
  RP_RECORD_FIELD_URGENCY,
  RP_RECORD_FIELD_OUTCOME,
  RP_RECORD_FIELD_PATIENT_NAME,
  RP_RECORD_FIELD_PATIENT_DOB,
  RP_RECORD_FIELD_PATIENT_MRN,
  RP_RECORD_FIELD_PATIENT_PHONE,
  /* activities */
  RP_RECORD_FIELD_ACTIVITY_TYPE,
  RP_RECORD_FIELD_DATE,
  RP_RECORD_FIELD_CONTACT_PERSON,
  RP_RECORD_FIELD_MATERIALS,
  RP_RECORD_FIELD_COST,
  RP_RECORD_FIELD_FOLLOW_UP,
  /* both: a referral's notes, an activity's summary */
  RP_RECORD_FIELD_NOTES,
  RP_RECORD_N_FIELDS
} RpRecordField;

/* From --what: "partners", "referrals", "activities". */
gboolean        rp_import_what_from_string    (const char     *text,
                                               RpImportWhat   *what);
/* What a header row most likely holds: referrals when it has a referral's columns (direction,
 * referred on, service line, patient…), activities when it has an activity's (type, contact…),
 * else partners. */
RpImportWhat    rp_import_what_guess          (GPtrArray      *headers);
/* The fields a column can fill for @what (RP_RECORD_FIELD_IGNORE first), and their labels
 * (translated, static). */
const RpRecordField *rp_record_fields_for     (RpImportWhat    what,
                                               guint          *n_fields);
const char     *rp_record_field_to_label      (RpRecordField   field);

#define RP_TYPE_RECORD_IMPORT (rp_record_import_get_type ())
G_DECLARE_FINAL_TYPE (RpRecordImport, rp_record_import, RP, RECORD_IMPORT, GObject)

/* Opens @file (see RpCsvReader) and guesses the mapping for @what (REFERRALS or ACTIVITIES). */
RpRecordImport *rp_record_import_new          (GFile          *file,
                                               RpImportWhat    what,
                                               GCancellable   *cancellable,
                                               GError        **error);
RpImportWhat    rp_record_import_get_what     (RpRecordImport *self);
GPtrArray      *rp_record_import_get_headers  (RpRecordImport *self);
/* The field of each column (RpRecordField). */
GArray         *rp_record_import_get_mapping  (RpRecordImport *self);
void            rp_record_import_set_column_field (RpRecordImport *self,
                                                   guint           column,
                                                   RpRecordField   field);
/* Patient identifiers are sealed with @vault (unlocked) as the referral editor seals them; a file
 * with patient columns filled cannot be imported without it. */
void            rp_record_import_set_vault    (RpRecordImport *self,
                                               RpVault        *vault);
/* TRUE when a column is mapped to a patient identifier. */
gboolean        rp_record_import_has_patient_columns (RpRecordImport *self);

/* Reads the whole file (streaming), writing nothing: the counts and the problems. */
gboolean        rp_record_import_plan         (RpRecordImport *self,
                                               RpStore        *store,
                                               GCancellable   *cancellable,
                                               GError        **error);
guint           rp_record_import_get_n_rows     (RpRecordImport *self);
guint           rp_record_import_get_n_invalid  (RpRecordImport *self);
guint           rp_record_import_get_n_new      (RpRecordImport *self);
/* Rows whose Rapport ID is in the database already, or earlier in the file: left as they are. */
guint           rp_record_import_get_n_existing (RpRecordImport *self);
/* Every problem (RpImportProblem), by line; the first RP_IMPORT_MAX_LISTED. */
GPtrArray      *rp_record_import_get_problems   (RpRecordImport *self);

/* A new row of the plan as it will be stored: its line, its partners as matched (by name), and
 * what it holds ("Inbound · 2026-03-14 · Received · Routine · Cardiology"). */
typedef struct
{
  guint  line;
  char  *partners;
  char  *summary;
} RpRecordPreview;

#define RP_RECORD_PREVIEW_ROWS 20

/* The first RP_RECORD_PREVIEW_ROWS new rows (RpRecordPreview), by line. */
GPtrArray      *rp_record_import_get_preview    (RpRecordImport *self);

/* Writes the new rows in one transaction (result: added, and skipped for the existing).
 * Cancelling @cancellable rolls everything back. */
gboolean        rp_record_import_apply        (RpRecordImport       *self,
                                               RpStore              *store,
                                               GCancellable         *cancellable,
                                               RpImportProgressFunc  progress,
                                               gpointer              user_data,
                                               RpImportResult       *result,
                                               GError              **error);

/* TRUE after an apply that added rows, until they are undone. */
gboolean        rp_record_import_can_undo     (RpRecordImport *self);
/* Takes back the last apply in one transaction: deletes exactly the rows it added (with their
 * transitions, tasks and sealed patients) and puts back each partner's last contact as it was.
 * A row deleted or re-keyed since is left alone. */
gboolean        rp_record_import_undo         (RpRecordImport *self,
                                               RpStore        *store,
                                               guint          *n_removed,
                                               GError        **error);

G_END_DECLS
