/* rp-partner-filter.h: which partners a list, a map or a query shows, and in which order.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rp-enums.h"

G_BEGIN_DECLS

/* What a partner list shows: the Partners page's search entry, filters and sort column. */
typedef struct
{
  char            *search;          /* the user's text; NULL or "" = everyone */
  gboolean         any_tier;
  RpTier           tier;
  gboolean         any_status;
  RpPartnerStatus  status;
  char            *specialty_code;  /* NULL or "" = any */
  gboolean         archived;        /* TRUE: the archived partners instead of the current ones */
  RpPartnerSort    sort;
  gboolean         descending;
  char            *today;           /* YYYY-MM-DD the 90-day window ends on; NULL = local today */
  /* Proximity: the practice's origin; each loaded partner's "distance-km" is measured from it,
   * RP_PARTNER_SORT_DISTANCE sorts by it (unplaced partners last) and @within_km > 0 keeps the
   * partners that near (by haversine). */
  gboolean         has_origin;
  double           origin_lat;
  double           origin_lon;
  double           within_km;       /* 0 = no distance filter */
  gint64           target_list_id;  /* 0 = any; else the members of that target list */
  /* The partners who gave feedback between @feedback_from and @feedback_to (YYYY-MM-DD, both
   * included; NULL = no such filter), on topic @feedback_topic - 1 (an RpFeedbackTopic; 0 = any
   * topic): the partners behind a point of the Analytics page's feedback charts. */
  char            *feedback_from;
  char            *feedback_to;
  int              feedback_topic;
  /* The partners who sent or received a referral between @referred_from and @referred_to
   * (YYYY-MM-DD, both included; NULL = no such filter), in direction @referred_direction - 1 (an
   * RpReferralDirection; 0 = either): the Analytics page's "Referring partners". */
  char            *referred_from;
  char            *referred_to;
  int              referred_direction;
  /* The partners in this city (compared case-blind; NULL or "" = any): the Analytics page's
   * city filter, carried by its click-through to the referring partners. */
  char            *city;
} RpPartnerFilter;

#define RP_TYPE_PARTNER_FILTER (rp_partner_filter_get_type ())
GType            rp_partner_filter_get_type      (void) G_GNUC_CONST;
/* Everyone current, any tier and status, by name. */
RpPartnerFilter *rp_partner_filter_new           (void);
RpPartnerFilter *rp_partner_filter_copy          (const RpPartnerFilter *filter);
void             rp_partner_filter_free          (RpPartnerFilter       *filter);
gboolean         rp_partner_filter_equal         (const RpPartnerFilter *a,
                                                  const RpPartnerFilter *b);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpPartnerFilter, rp_partner_filter_free)

G_END_DECLS
