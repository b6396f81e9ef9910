/* rp-timeline-item.h: one entry of a timeline (a status change, an activity, a task).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rp-enums.h"
#include "rp-types.h"

G_BEGIN_DECLS

typedef enum
{
  RP_TIMELINE_KIND_REFERRAL,   /* a referral's status change (its arrival included) */
  RP_TIMELINE_KIND_ACTIVITY,   /* visit, call, e-mail, event, thank-you, update, feedback, note */
  RP_TIMELINE_KIND_TASK_DUE,   /* an open task, at its due day */
  RP_TIMELINE_KIND_TASK_DONE,  /* a task done, when it was done */
} RpTimelineKind;

#define RP_TYPE_TIMELINE_ITEM (rp_timeline_item_get_type ())
G_DECLARE_FINAL_TYPE (RpTimelineItem, rp_timeline_item, RP, TIMELINE_ITEM, GObject)

/* Read-only properties (set by the list that makes the item):
 *   "kind" (RpTimelineKind, as an int), "activity-kind" (RpActivityKind, for activities),
 *   "occurred-at" (ISO-8601 UTC), "day" (local YYYY-MM-DD), "day-label" ("Today",
 *   "Yesterday", "Monday 23 November 2026"), "first-of-day" (TRUE on the newest item of its
 *   day: the row shows the day header), "title" ("Referral received: knee pain", "Visit",
 *   "Thank-you due"), "summary" (the note, the reason, never a patient identifier),
 *   "icon-name" (one per kind), "partner-id", "partner-name", "referral-id", "activity-id",
 *   "task-id", "sort-key" (unique: occurred-at + kind + id, what paging continues from). */
RpTimelineKind  rp_timeline_item_get_kind          (RpTimelineItem *self);
RpActivityKind  rp_timeline_item_get_activity_kind (RpTimelineItem *self);
const char     *rp_timeline_item_get_occurred_at   (RpTimelineItem *self);
const char     *rp_timeline_item_get_day           (RpTimelineItem *self);
const char     *rp_timeline_item_get_day_label     (RpTimelineItem *self);
gboolean        rp_timeline_item_get_first_of_day  (RpTimelineItem *self);
const char     *rp_timeline_item_get_title         (RpTimelineItem *self);
const char     *rp_timeline_item_get_summary       (RpTimelineItem *self);
const char     *rp_timeline_item_get_icon_name     (RpTimelineItem *self);
gint64          rp_timeline_item_get_partner_id    (RpTimelineItem *self);
const char     *rp_timeline_item_get_partner_name  (RpTimelineItem *self);
gint64          rp_timeline_item_get_referral_id   (RpTimelineItem *self);
gint64          rp_timeline_item_get_activity_id   (RpTimelineItem *self);
gint64          rp_timeline_item_get_task_id       (RpTimelineItem *self);

G_END_DECLS
