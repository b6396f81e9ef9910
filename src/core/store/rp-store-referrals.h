/* rp-store-referrals.h: referrals, their status transitions and their sealed patients.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rp-referral-filter.h"
#include "rp-referral.h"
#include "rp-store.h"

G_BEGIN_DECLS

/* One status change of a referral. Its arrival is not one: that is the referral's own
 * referred-on and created-at. */
typedef struct
{
  gint64            id;
  gboolean          has_from;
  RpReferralStatus  from;
  RpReferralStatus  to;
  char             *occurred_at;   /* ISO-8601 UTC */
  char             *note;
} RpTransition;

void             rp_transition_free               (RpTransition           *transition);

/* Sets the referral's id, uuid (when empty) and created-at. The sample network and the importers
 * write referrals with it. */
gboolean         rp_store_insert_referral         (RpStore                *self,
                                                   RpReferral             *referral,
                                                   GError                **error);
/* Appends a status transition (from the referral's status to @to) at @occurred_at (UTC ISO). */
gboolean         rp_store_add_referral_transition (RpStore                *self,
                                                   RpReferral             *referral,
                                                   RpReferralStatus        to,
                                                   const char             *occurred_at,
                                                   GError                **error);
/* Newest first by referred_on, then id. Each loaded referral has "partner-name" set and
 * "has-patient" telling whether sealed identifiers are stored. */
GArray          *rp_store_query_referral_ids      (RpStore                *self,
                                                   const RpReferralFilter *filter,
                                                   GError                **error);
GPtrArray       *rp_store_load_referrals          (RpStore                *self,
                                                   const gint64           *ids,
                                                   guint                   n_ids,
                                                   GError                **error);
RpReferral      *rp_store_get_referral            (RpStore                *self,
                                                   gint64                  id,
                                                   GError                **error);
/* Writes the editable fields (reason, service line, urgency, notes, outcome, satisfaction,
 * direction, referred-on, partner). The status only moves through rp_store_move_referral. */
gboolean         rp_store_update_referral         (RpStore                *self,
                                                   RpReferral             *referral,
                                                   GError                **error);
/* Checks the move with rp_referral_status_check_move(), records the transition with @reason
 * (status-reason for declined/no-show/lost) at @occurred_at, and sets the status. */
gboolean         rp_store_move_referral           (RpStore                *self,
                                                   RpReferral             *referral,
                                                   RpReferralStatus        to,
                                                   const char             *reason,
                                                   const char             *occurred_at,
                                                   GError                **error);
/* Oldest first (GPtrArray of RpTransition). */
GPtrArray       *rp_store_list_transitions        (RpStore                *self,
                                                   gint64                  referral_id,
                                                   GError                **error);

/* Sealed patient fields, opaque to the store (RpVault makes and reads them). */
typedef struct
{
  GBytes *name;
  GBytes *date_of_birth;
  GBytes *mrn;
  GBytes *phone;
  GBytes *mrn_index;        /* blind index, or NULL */
  GBytes *name_dob_index;   /* blind index, or NULL */
} RpSealedPatient;

void             rp_sealed_patient_free           (RpSealedPatient        *sealed);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpSealedPatient, rp_sealed_patient_free)
/* @sealed NULL removes the patient. */
gboolean         rp_store_set_sealed_patient      (RpStore                *self,
                                                   gint64                  referral_id,
                                                   const RpSealedPatient  *sealed,
                                                   GError                **error);
/* NULL with no error when the referral has no patient stored. */
RpSealedPatient *rp_store_get_sealed_patient      (RpStore                *self,
                                                   gint64                  referral_id,
                                                   GError                **error);
/* The referrals whose blind index in @column ("mrn" or "name-dob") is @index, newest first: the
 * exact patient look-up, which never reads a plain identifier. */
GArray          *rp_store_find_referrals_by_index (RpStore                *self,
                                                   const char             *column,
                                                   GBytes                 *index,
                                                   GError                **error);

G_END_DECLS
