/* rp-analytics-filter.h: which referrals and partners the analytics count: the Analytics page's
 * filters (tier, specialty, city, target list, direction), and one partner for a sparkline.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rp-enums.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean            any_tier;
  RpTier              tier;
  char               *specialty_code;  /* NULL or "" = any */
  char               *city;            /* NULL or "" = any (compared case-blind) */
  gint64              target_list_id;  /* 0 = any */
  gboolean            any_direction;
  RpReferralDirection direction;       /* the referrals counted, unless any_direction */
  gint64              partner_id;      /* 0 = every partner the rest selects */
} RpAnalyticsFilter;

/* Every partner, inbound referrals (who refers patients to the practice). */
void rp_analytics_filter_init  (RpAnalyticsFilter       *filter);
void rp_analytics_filter_clear (RpAnalyticsFilter       *filter);
void rp_analytics_filter_copy  (RpAnalyticsFilter       *dest,
                                const RpAnalyticsFilter *src);

G_END_DECLS
