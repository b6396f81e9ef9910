/* rp-analytics-filter.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rp-analytics-filter.h"

void
rp_analytics_filter_init (RpAnalyticsFilter *filter)
{
  g_return_if_fail (filter != NULL);

  memset (filter, 0, sizeof *filter);
  filter->any_tier = TRUE;
  filter->any_direction = FALSE;
  filter->direction = RP_REFERRAL_DIRECTION_INBOUND;
}

void
rp_analytics_filter_clear (RpAnalyticsFilter *filter)
{
  g_return_if_fail (filter != NULL);

  g_clear_pointer (&filter->specialty_code, g_free);
  g_clear_pointer (&filter->city, g_free);
}

void
rp_analytics_filter_copy (RpAnalyticsFilter       *dest,
                          const RpAnalyticsFilter *src)
{
  g_return_if_fail (dest != NULL && src != NULL);

  *dest = *src;
  dest->specialty_code = g_strdup (src->specialty_code);
  dest->city = g_strdup (src->city);
}
