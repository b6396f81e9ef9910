/* rp-partner.h: a referral partner, a physician or an office.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rp-enums.h"
#include "rp-types.h"

G_BEGIN_DECLS

#define RP_TYPE_PARTNER (rp_partner_get_type ())
G_DECLARE_FINAL_TYPE (RpPartner, rp_partner, RP, PARTNER, GObject)

/* Every field is a GObject property of the same name with '_' written '-', so lists can sort and
 * filter with GtkExpressions. Strings are never NULL once read from the store ("" when empty);
 * "display-name" and "sort-name" are derived from the name fields and "organization".
 *
 * Stats filled in by the store's list queries, read-only to widgets:
 *   "last-contact-at" (ISO-8601 UTC or ""), "referrals-90d" (inbound, last 90 days),
 *   "distance-km" (from the list filter's origin; -1 when unknown).
 */
RpPartner       *rp_partner_new                  (RpPartnerKind    kind);

gint64           rp_partner_get_id               (RpPartner       *self);
void             rp_partner_set_id               (RpPartner       *self,
                                                  gint64           id);
const char      *rp_partner_get_uuid             (RpPartner       *self);
void             rp_partner_set_uuid             (RpPartner       *self,
                                                  const char      *uuid);
RpPartnerKind    rp_partner_get_kind             (RpPartner       *self);
void             rp_partner_set_kind             (RpPartner       *self,
                                                  RpPartnerKind    kind);
const char      *rp_partner_get_prefix           (RpPartner       *self);
void             rp_partner_set_prefix           (RpPartner       *self,
                                                  const char      *prefix);
const char      *rp_partner_get_first_name       (RpPartner       *self);
void             rp_partner_set_first_name       (RpPartner       *self,
                                                  const char      *first_name);
const char      *rp_partner_get_last_name        (RpPartner       *self);
void             rp_partner_set_last_name        (RpPartner       *self,
                                                  const char      *last_name);
const char      *rp_partner_get_credentials      (RpPartner       *self);
void             rp_partner_set_credentials      (RpPartner       *self,
                                                  const char      *credentials);
const char      *rp_partner_get_organization     (RpPartner       *self);
void             rp_partner_set_organization     (RpPartner       *self,
                                                  const char      *organization);
const char      *rp_partner_get_display_name     (RpPartner       *self);
const char      *rp_partner_get_sort_name        (RpPartner       *self);
/* The name an avatar takes its initials from: a person's first and last name, without the
 * prefix and credentials ("Emily Harris" for "Dr. Emily Harris, MD", not "DM"); otherwise the
 * display name. */
char            *rp_partner_dup_avatar_name      (RpPartner       *self);
const char      *rp_partner_get_npi              (RpPartner       *self);
void             rp_partner_set_npi              (RpPartner       *self,
                                                  const char      *npi);
const char      *rp_partner_get_specialty_code   (RpPartner       *self);
void             rp_partner_set_specialty_code   (RpPartner       *self,
                                                  const char      *code);
const char      *rp_partner_get_specialty_label  (RpPartner       *self);
void             rp_partner_set_specialty_label  (RpPartner       *self,
                                                  const char      *label);
const char      *rp_partner_get_street           (RpPartner       *self);
void             rp_partner_set_street           (RpPartner       *self,
                                                  const char      *street);
const char      *rp_partner_get_city             (RpPartner       *self);
void             rp_partner_set_city             (RpPartner       *self,
                                                  const char      *city);
const char      *rp_partner_get_state            (RpPartner       *self);
void             rp_partner_set_state            (RpPartner       *self,
                                                  const char      *state);
const char      *rp_partner_get_zip              (RpPartner       *self);
void             rp_partner_set_zip              (RpPartner       *self,
                                                  const char      *zip);
gboolean         rp_partner_get_has_location     (RpPartner       *self);
double           rp_partner_get_latitude         (RpPartner       *self);
double           rp_partner_get_longitude        (RpPartner       *self);
void             rp_partner_set_location         (RpPartner       *self,
                                                  double           latitude,
                                                  double           longitude);
void             rp_partner_clear_location       (RpPartner       *self);
const char      *rp_partner_get_phone            (RpPartner       *self);
void             rp_partner_set_phone            (RpPartner       *self,
                                                  const char      *phone);
const char      *rp_partner_get_fax              (RpPartner       *self);
void             rp_partner_set_fax              (RpPartner       *self,
                                                  const char      *fax);
const char      *rp_partner_get_email            (RpPartner       *self);
void             rp_partner_set_email            (RpPartner       *self,
                                                  const char      *email);
const char      *rp_partner_get_office_contact   (RpPartner       *self);
void             rp_partner_set_office_contact   (RpPartner       *self,
                                                  const char      *office_contact);
const char      *rp_partner_get_best_time        (RpPartner       *self);
void             rp_partner_set_best_time        (RpPartner       *self,
                                                  const char      *best_time);
RpTier           rp_partner_get_tier             (RpPartner       *self);
void             rp_partner_set_tier             (RpPartner       *self,
                                                  RpTier           tier);
guint            rp_partner_get_influence        (RpPartner       *self);
void             rp_partner_set_influence        (RpPartner       *self,
                                                  guint            influence);
guint            rp_partner_get_monthly_volume   (RpPartner       *self);
void             rp_partner_set_monthly_volume   (RpPartner       *self,
                                                  guint            monthly_volume);
RpPartnerStatus  rp_partner_get_status           (RpPartner       *self);
void             rp_partner_set_status           (RpPartner       *self,
                                                  RpPartnerStatus  status);
/* 0 means "the tier's default cadence". */
guint            rp_partner_get_cadence_days     (RpPartner       *self);
void             rp_partner_set_cadence_days     (RpPartner       *self,
                                                  guint            cadence_days);
guint            rp_partner_get_effective_cadence_days (RpPartner *self);
/* Tags: comma-separated, as typed. */
const char      *rp_partner_get_tags             (RpPartner       *self);
void             rp_partner_set_tags             (RpPartner       *self,
                                                  const char      *tags);
const char      *rp_partner_get_notes            (RpPartner       *self);
void             rp_partner_set_notes            (RpPartner       *self,
                                                  const char      *notes);
const char      *rp_partner_get_created_at       (RpPartner       *self);
void             rp_partner_set_created_at       (RpPartner       *self,
                                                  const char      *created_at);
const char      *rp_partner_get_updated_at       (RpPartner       *self);
void             rp_partner_set_updated_at       (RpPartner       *self,
                                                  const char      *updated_at);
const char      *rp_partner_get_archived_at      (RpPartner       *self);
void             rp_partner_set_archived_at      (RpPartner       *self,
                                                  const char      *archived_at);
gboolean         rp_partner_get_archived         (RpPartner       *self);
const char      *rp_partner_get_last_contact_at  (RpPartner       *self);
void             rp_partner_set_last_contact_at  (RpPartner       *self,
                                                  const char      *last_contact_at);
guint            rp_partner_get_referrals_90d    (RpPartner       *self);
void             rp_partner_set_referrals_90d    (RpPartner       *self,
                                                  guint            referrals_90d);
/* "distance-km": from the origin of the list that loaded the partner; -1 when unknown (no
 * origin, or the partner is not placed). */
double           rp_partner_get_distance_km      (RpPartner       *self);
void             rp_partner_set_distance_km      (RpPartner       *self,
                                                  double           distance_km);

/* Tier and status as the user reads them ("A", "Active"): translated, static. */
const char      *rp_tier_to_label                (RpTier           tier);
const char      *rp_partner_status_to_label      (RpPartnerStatus  status);
/* One line "Street, City, ST 12345" (newly allocated, "" when nothing is known). */
char            *rp_partner_dup_address_line     (RpPartner       *self);
/* A copy with every field, for Undo and for editing without touching the list's object. */
RpPartner       *rp_partner_copy                 (RpPartner       *self);

G_END_DECLS
