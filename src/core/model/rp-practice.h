/* rp-practice.h: the liaison's own practice, its profile and locations.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rp-location.h"
#include "rp-practice-entry.h"
#include "rp-types.h"

G_BEGIN_DECLS

#define RP_TYPE_PRACTICE (rp_practice_get_type ())
G_DECLARE_FINAL_TYPE (RpPractice, rp_practice, RP, PRACTICE, GObject)

/* Properties: "id", "uuid", "name", "phone", "fax", "email", "website", "locations" (a GListModel
 * of RpLocation, owned by the practice; the first one marked primary is the origin).
 *
 * The profile that referral packets print (schema v5), all strings "" when unset:
 * "logo" (GBytes, NULL when none) and "logo-type" (its MIME type: image/png, image/svg+xml or
 * image/jpeg), "referral-url", "referral-phone", "referral-fax", "urgent-line", "what-to-send"
 * (one item a line), "turnaround" ("New patients seen within 5 business days"), "insurances"
 * (one plan a line), "liaison-name", "liaison-phone", "liaison-email"; and "services",
 * "providers", "stories" (GListModels of RpPracticeEntry of that kind, in the order shown). */
RpPractice *rp_practice_new                 (void);
gint64      rp_practice_get_id              (RpPractice *self);
void        rp_practice_set_id              (RpPractice *self,
                                             gint64      id);
const char *rp_practice_get_uuid            (RpPractice *self);
void        rp_practice_set_uuid            (RpPractice *self,
                                             const char *uuid);
const char *rp_practice_get_name            (RpPractice *self);
void        rp_practice_set_name            (RpPractice *self,
                                             const char *name);
const char *rp_practice_get_phone           (RpPractice *self);
void        rp_practice_set_phone           (RpPractice *self,
                                             const char *phone);
const char *rp_practice_get_fax             (RpPractice *self);
void        rp_practice_set_fax             (RpPractice *self,
                                             const char *fax);
const char *rp_practice_get_email           (RpPractice *self);
void        rp_practice_set_email           (RpPractice *self,
                                             const char *email);
const char *rp_practice_get_website         (RpPractice *self);
void        rp_practice_set_website         (RpPractice *self,
                                             const char *website);
/* A GListStore of RpLocation; add and remove through it. */
GListStore *rp_practice_get_locations       (RpPractice *self);
/* The primary location, else the first; NULL when there is none. */
RpLocation *rp_practice_get_origin          (RpPractice *self);

/* The logo's bytes (NULL when there is none) and MIME type ("" when none). */
GBytes     *rp_practice_get_logo            (RpPractice *self);
const char *rp_practice_get_logo_type       (RpPractice *self);
/* @logo NULL (or empty) removes the logo; @mime_type is then ignored. */
void        rp_practice_set_logo            (RpPractice *self,
                                             GBytes     *logo,
                                             const char *mime_type);
const char *rp_practice_get_referral_url    (RpPractice *self);
void        rp_practice_set_referral_url    (RpPractice *self,
                                             const char *referral_url);
const char *rp_practice_get_referral_phone  (RpPractice *self);
void        rp_practice_set_referral_phone  (RpPractice *self,
                                             const char *referral_phone);
const char *rp_practice_get_referral_fax    (RpPractice *self);
void        rp_practice_set_referral_fax    (RpPractice *self,
                                             const char *referral_fax);
const char *rp_practice_get_urgent_line     (RpPractice *self);
void        rp_practice_set_urgent_line     (RpPractice *self,
                                             const char *urgent_line);
const char *rp_practice_get_what_to_send    (RpPractice *self);
void        rp_practice_set_what_to_send    (RpPractice *self,
                                             const char *what_to_send);
const char *rp_practice_get_turnaround      (RpPractice *self);
void        rp_practice_set_turnaround      (RpPractice *self,
                                             const char *turnaround);
const char *rp_practice_get_insurances      (RpPractice *self);
void        rp_practice_set_insurances      (RpPractice *self,
                                             const char *insurances);
const char *rp_practice_get_liaison_name    (RpPractice *self);
void        rp_practice_set_liaison_name    (RpPractice *self,
                                             const char *liaison_name);
const char *rp_practice_get_liaison_phone   (RpPractice *self);
void        rp_practice_set_liaison_phone   (RpPractice *self,
                                             const char *liaison_phone);
const char *rp_practice_get_liaison_email   (RpPractice *self);
void        rp_practice_set_liaison_email   (RpPractice *self,
                                             const char *liaison_email);
/* A GListStore of the RpPracticeEntry of @kind, in order; add, remove and reorder through it.
 * rp_store_save_practice keeps each entry's uuid and saves the order. */
GListStore *rp_practice_get_entries         (RpPractice          *self,
                                             RpPracticeEntryKind  kind);

G_END_DECLS
