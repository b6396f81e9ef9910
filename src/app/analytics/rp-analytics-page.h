/* rp-analytics-page.h: the Analytics page: a period with its comparison, filters, the headline
 * numbers, charts and tables of the referral network (src/core/analytics), each with the numbers
 * behind it, and click-through to the Referrals and Partners pages (win.* actions).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rp-context.h"

G_BEGIN_DECLS

#define RP_TYPE_ANALYTICS_PAGE (rp_analytics_page_get_type ())
G_DECLARE_FINAL_TYPE (RpAnalyticsPage, rp_analytics_page, RP, ANALYTICS_PAGE, AdwBin)

/* Properties: "context" (RpContext, construct-only). */
GtkWidget *rp_analytics_page_new (RpContext *context);

G_END_DECLS
