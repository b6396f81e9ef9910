/* rp-timeline-filter.h: which entries a timeline shows.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rp-enums.h"

G_BEGIN_DECLS

/* Which entries a timeline shows. */
typedef struct
{
  gboolean   referrals;     /* status changes */
  gboolean   activities;
  gboolean   tasks;         /* tasks due and done */
  gint64     partner_id;    /* 0 = every partner */
  gboolean   any_tier;
  RpTier     tier;
  char      *from;          /* YYYY-MM-DD inclusive, NULL = no bound */
  char      *to;            /* YYYY-MM-DD inclusive */
  gboolean   past_only;     /* open tasks due after today left out: the timeline starts with
                             * today (the Timeline page lists what is upcoming apart) */
} RpTimelineFilter;

#define RP_TYPE_TIMELINE_FILTER (rp_timeline_filter_get_type ())
GType             rp_timeline_filter_get_type (void) G_GNUC_CONST;
RpTimelineFilter *rp_timeline_filter_new      (void);   /* everything, every partner */
RpTimelineFilter *rp_timeline_filter_copy     (const RpTimelineFilter *filter);
void              rp_timeline_filter_free     (RpTimelineFilter       *filter);
gboolean          rp_timeline_filter_equal    (const RpTimelineFilter *a,
                                               const RpTimelineFilter *b);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpTimelineFilter, rp_timeline_filter_free)

G_END_DECLS
