/* rp-referral-list.h: a GListModel of referrals that pages rows from the store on demand.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rp-referral-filter.h"
#include "rp-store.h"

G_BEGIN_DECLS

#define RP_TYPE_REFERRAL_LIST (rp_referral_list_get_type ())
G_DECLARE_FINAL_TYPE (RpReferralList, rp_referral_list, RP, REFERRAL_LIST, GObject)

/* Implements GListModel (item type RpReferral), newest first: the length counted at once, the
 * ids read a chunk at a time with keyset queries as rows are asked for, objects made a page at a
 * time and cached by id, updated in place on "records-changed"; items-changed starts at the
 * first row that changed. rp_referral_list_find() finds rows not read yet too (an indexed count).
 * Properties: "store" (construct-only), "filter" (RpReferralFilter), "n-items". */
RpReferralList         *rp_referral_list_new        (RpStore                *store);
const RpReferralFilter *rp_referral_list_get_filter (RpReferralList         *self);
void                    rp_referral_list_set_filter (RpReferralList         *self,
                                                     const RpReferralFilter *filter);
guint                   rp_referral_list_find       (RpReferralList         *self,
                                                     gint64                  id);
void                    rp_referral_list_refresh    (RpReferralList         *self);

G_END_DECLS
