/* rp-timeline-page.h: the Timeline page: every partner's history, newest first, with filters
 * (kind, partner, tier, date range).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rp-context.h"
#include "rp-timeline-view.h"

G_BEGIN_DECLS

#define RP_TYPE_TIMELINE_PAGE (rp_timeline_page_get_type ())
G_DECLARE_FINAL_TYPE (RpTimelinePage, rp_timeline_page, RP, TIMELINE_PAGE, AdwBin)

/* Property: "context" (RpContext, construct-only). */
GtkWidget      *rp_timeline_page_new         (RpContext      *context);
RpTimelineView *rp_timeline_page_get_view    (RpTimelinePage *self);
/* Shows one partner's entries (0 = every partner's); @name labels the partner filter. */
void            rp_timeline_page_set_partner (RpTimelinePage *self,
                                              gint64          partner_id,
                                              const char     *name);

G_END_DECLS
