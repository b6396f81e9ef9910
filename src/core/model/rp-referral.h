/* rp-referral.h: a patient referral from or to a partner.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rp-enums.h"
#include "rp-types.h"

G_BEGIN_DECLS

#define RP_TYPE_REFERRAL (rp_referral_get_type ())
G_DECLARE_FINAL_TYPE (RpReferral, rp_referral, RP, REFERRAL, GObject)

/* Properties: "id", "uuid", "partner-id", "direction", "referred-on" (YYYY-MM-DD), "reason",
 * "service-line", "urgency", "status", "status-reason", "notes", "outcome", "satisfaction" (0 =
 * not recorded, else 1-5), "created-at", "updated-at". Patient identifiers are not properties of
 * this object: they travel sealed by RpVault (see RpSealedPatient in rp-store-referrals.h). */
RpReferral          *rp_referral_new                (void);
gint64               rp_referral_get_id             (RpReferral          *self);
void                 rp_referral_set_id             (RpReferral          *self,
                                                     gint64               id);
const char          *rp_referral_get_uuid           (RpReferral          *self);
void                 rp_referral_set_uuid           (RpReferral          *self,
                                                     const char          *uuid);
gint64               rp_referral_get_partner_id     (RpReferral          *self);
void                 rp_referral_set_partner_id     (RpReferral          *self,
                                                     gint64               partner_id);
RpReferralDirection  rp_referral_get_direction      (RpReferral          *self);
void                 rp_referral_set_direction      (RpReferral          *self,
                                                     RpReferralDirection  direction);
const char          *rp_referral_get_referred_on    (RpReferral          *self);
void                 rp_referral_set_referred_on    (RpReferral          *self,
                                                     const char          *referred_on);
const char          *rp_referral_get_reason         (RpReferral          *self);
void                 rp_referral_set_reason         (RpReferral          *self,
                                                     const char          *reason);
const char          *rp_referral_get_service_line   (RpReferral          *self);
void                 rp_referral_set_service_line   (RpReferral          *self,
                                                     const char          *service_line);
RpUrgency            rp_referral_get_urgency        (RpReferral          *self);
void                 rp_referral_set_urgency        (RpReferral          *self,
                                                     RpUrgency            urgency);
RpReferralStatus     rp_referral_get_status         (RpReferral          *self);
void                 rp_referral_set_status         (RpReferral          *self,
                                                     RpReferralStatus     status);
const char          *rp_referral_get_status_reason  (RpReferral          *self);
void                 rp_referral_set_status_reason  (RpReferral          *self,
                                                     const char          *status_reason);
const char          *rp_referral_get_notes          (RpReferral          *self);
void                 rp_referral_set_notes          (RpReferral          *self,
                                                     const char          *notes);
const char          *rp_referral_get_outcome        (RpReferral          *self);
void                 rp_referral_set_outcome        (RpReferral          *self,
                                                     const char          *outcome);
guint                rp_referral_get_satisfaction   (RpReferral          *self);
void                 rp_referral_set_satisfaction   (RpReferral          *self,
                                                     guint                satisfaction);
const char          *rp_referral_get_created_at     (RpReferral          *self);
void                 rp_referral_set_created_at     (RpReferral          *self,
                                                     const char          *created_at);
const char          *rp_referral_get_updated_at     (RpReferral          *self);
void                 rp_referral_set_updated_at     (RpReferral          *self,
                                                     const char          *updated_at);

/* Filled by the store's reads, for lists: "partner-name" (the partner's display name) and
 * "has-patient" (sealed identifiers are stored; read them through RpVault). */
const char          *rp_referral_get_partner_name   (RpReferral          *self);
void                 rp_referral_set_partner_name   (RpReferral          *self,
                                                     const char          *partner_name);
gboolean             rp_referral_get_has_patient    (RpReferral          *self);
void                 rp_referral_set_has_patient    (RpReferral          *self,
                                                     gboolean             has_patient);

G_END_DECLS
