/* rp-store-documents.h: what the printed documents read: a partner's year, the referral a
 * thank-you letter is about.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rp-referral.h"
#include "rp-store.h"

G_BEGIN_DECLS

/* A partner's inbound referrals of one year: counts only, never a patient identifier. */
typedef struct
{
  guint received;     /* referred on a day of @year */
  guint seen;         /* of those, seen or with the loop closed */
  guint loop_closed;  /* of those, with the loop closed */
} RpPartnerYearCounts;

gboolean    rp_store_count_partner_year            (RpStore             *self,
                                                    gint64               partner_id,
                                                    int                  year,
                                                    RpPartnerYearCounts *counts,
                                                    GError             **error);
/* What a thank-you letter is about: the referral of the partner's latest open thank-you task,
 * else the partner's latest inbound referral; NULL (no error) when there is none. */
RpReferral *rp_store_find_referral_awaiting_thanks (RpStore             *self,
                                                    gint64               partner_id,
                                                    GError             **error);

G_END_DECLS
