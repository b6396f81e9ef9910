/* rp-patient.h: a referral's patient identifiers, in the clear, in memory only.
 *
 * They are written to the database only sealed by RpVault; this struct never reaches SQLite,
 * logs, notifications or printed letters.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct
{
  char *name;           /* "Jane Q. Public" */
  char *date_of_birth;  /* YYYY-MM-DD or "" */
  char *mrn;            /* the practice's medical record number, or "" */
  char *phone;
} RpPatient;

#define RP_TYPE_PATIENT (rp_patient_get_type ())
GType      rp_patient_get_type  (void) G_GNUC_CONST;
RpPatient *rp_patient_new       (const char      *name,
                                 const char      *date_of_birth,
                                 const char      *mrn,
                                 const char      *phone);
RpPatient *rp_patient_copy      (const RpPatient *patient);
/* Overwrites the strings with zeros before freeing them. */
void       rp_patient_free      (RpPatient       *patient);
/* TRUE when there is a name or an MRN, the least a referral's patient needs. */
gboolean   rp_patient_is_valid  (const RpPatient *patient,
                                 GError         **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpPatient, rp_patient_free)

G_END_DECLS
