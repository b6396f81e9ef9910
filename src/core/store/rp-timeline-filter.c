/* rp-timeline-filter.c: which entries a timeline shows.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rp-filter-fields.h"
#include "rp-timeline-filter.h"

G_DEFINE_BOXED_TYPE (RpTimelineFilter, rp_timeline_filter,
                     rp_timeline_filter_copy, rp_timeline_filter_free)

static const gsize string_fields[] = {
  G_STRUCT_OFFSET (RpTimelineFilter, from),
  G_STRUCT_OFFSET (RpTimelineFilter, to),
};

RpTimelineFilter *
rp_timeline_filter_new (void)
{
  RpTimelineFilter *filter = g_new0 (RpTimelineFilter, 1);

  filter->referrals = TRUE;
  filter->activities = TRUE;
  filter->tasks = TRUE;
  filter->any_tier = TRUE;

  return filter;
}

RpTimelineFilter *
rp_timeline_filter_copy (const RpTimelineFilter *filter)
{
  g_return_val_if_fail (filter != NULL, NULL);

  return _rp_filter_copy (filter, sizeof *filter, string_fields, G_N_ELEMENTS (string_fields));
}

void
rp_timeline_filter_free (RpTimelineFilter *filter)
{
  _rp_filter_free (filter, string_fields, G_N_ELEMENTS (string_fields));
}

/* Unlike the other filters' strings, the bounds are compared exactly (NULL is not ""): the
 * worst a needless difference costs is one restart of the timeline from the top. */
gboolean
rp_timeline_filter_equal (const RpTimelineFilter *a,
                          const RpTimelineFilter *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  return !a->referrals == !b->referrals &&
         !a->activities == !b->activities &&
         !a->tasks == !b->tasks &&
         a->partner_id == b->partner_id &&
         !a->any_tier == !b->any_tier &&
         (a->any_tier || a->tier == b->tier) &&
         g_strcmp0 (a->from, b->from) == 0 &&
         g_strcmp0 (a->to, b->to) == 0 &&
         !a->past_only == !b->past_only;
}
