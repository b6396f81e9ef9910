/* rp-referral-filter.h: which referrals the Referrals page lists.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rp-enums.h"

G_BEGIN_DECLS

/* What the Referrals page lists. */
typedef struct
{
  gboolean             any_status;
  RpReferralStatus     status;
  gboolean             open_only;        /* received…seen and no-show */
  gboolean             any_direction;
  RpReferralDirection  direction;
  gint64               partner_id;       /* 0 = every partner */
  char                *from;             /* YYYY-MM-DD inclusive, NULL = open-ended */
  char                *to;               /* YYYY-MM-DD inclusive */
  guint                open_longer_than_days; /* 0 = no such filter; implies open_only */
  char                *today;            /* YYYY-MM-DD; NULL = local today */
  /* Words: the referrals whose partner matches them all (as rp_store_match_partner_ids) or
   * whose reason and service line do (FTS5 prefix match); NULL or no word = every referral. */
  char                *search;
  /* The referrals whose outcome was recorded in that category (0 = any, with or without one):
   * the referrals behind a bar of the Analytics page's outcome chart. */
  gint64               outcome_category_id;
  /* The referrals with an outcome or a satisfaction recorded (the Analytics page's outcomes by
   * specialty and by partner). */
  gboolean             with_outcome;
  /* The referrals of partners whose specialty label is this ("" = those with none; NULL = any
   * specialty). */
  char                *specialty;
  /* The referrals that reached this step of the Analytics page's funnel (1 contacted,
   * 2 scheduled, 3 seen, 4 loop closed; 0 = no such filter): their status is that step or a
   * later one, a transition to one of them was recorded, or (up to scheduled) a no-show. */
  guint                reached_step;
  /* The referrals of partners of this tier (an RpTier nick; NULL = any tier), of this specialty
   * code ("" = those with none; NULL = any), in this city (compared case-blind; NULL = any) and
   * on this target list (0 = any): the Analytics page's filters, carried by its click-throughs. */
  char                *tier;
  char                *specialty_code;
  char                *city;
  gint64               target_list_id;
  /* The referrals of partners whose specialty code is none of these (comma-separated; "" in
   * the list is "no specialty"; NULL = no such filter): the "Other" segment of the monthly
   * chart stacked by specialty. */
  char                *specialty_codes_excluded;
} RpReferralFilter;

#define RP_TYPE_REFERRAL_FILTER (rp_referral_filter_get_type ())
GType             rp_referral_filter_get_type  (void) G_GNUC_CONST;
/* Every referral, any status and direction. */
RpReferralFilter *rp_referral_filter_new       (void);
RpReferralFilter *rp_referral_filter_copy      (const RpReferralFilter *filter);
void              rp_referral_filter_free      (RpReferralFilter       *filter);
gboolean          rp_referral_filter_equal     (const RpReferralFilter *a,
                                                const RpReferralFilter *b);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpReferralFilter, rp_referral_filter_free)

G_END_DECLS
