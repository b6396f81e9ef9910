/* rp-timeline-view.h: a timeline (RpTimelineList) on screen: newest first, day headers, an icon
 * per kind; the partner's name is a link when the timeline shows every partner.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rp-context.h"
#include "rp-timeline-list.h"

G_BEGIN_DECLS

#define RP_TYPE_TIMELINE_VIEW (rp_timeline_view_get_type ())
G_DECLARE_FINAL_TYPE (RpTimelineView, rp_timeline_view, RP, TIMELINE_VIEW, AdwBin)

/* Properties: "context" (RpContext, construct-only), "filter" (RpTimelineFilter; NULL =
 * everything).
 * Signal: "partner-activated" (gint64 partner id): the partner's name was clicked. */
GtkWidget              *rp_timeline_view_new        (RpContext              *context,
                                                     const RpTimelineFilter *filter);
const RpTimelineFilter *rp_timeline_view_get_filter (RpTimelineView         *self);
void                    rp_timeline_view_set_filter (RpTimelineView         *self,
                                                     const RpTimelineFilter *filter);
/* The list shown (for tests and the benchmark). */
RpTimelineList         *rp_timeline_view_get_list   (RpTimelineView         *self);

G_END_DECLS
