/* rp-timeline-item-private.h: how RpStore and RpTimelineList make and complete timeline items.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rp-timeline-item.h"

G_BEGIN_DECLS

/* The fields of a new item; strings are copied. @day is the local day it belongs to
 * (YYYY-MM-DD), @today the local today that "day-label" is worded against. */
typedef struct
{
  RpTimelineKind  kind;
  RpActivityKind  activity_kind;
  const char     *occurred_at;
  const char     *day;
  const char     *day_label;    /* NULL: worded from @day and @today */
  const char     *title;
  const char     *summary;
  const char     *icon_name;
  gint64          partner_id;
  const char     *partner_name;
  gint64          referral_id;
  gint64          activity_id;
  gint64          task_id;
  const char     *sort_key;
} RpTimelineItemFields;

RpTimelineItem *_rp_timeline_item_new            (const RpTimelineItemFields *fields,
                                                  const char                 *today);
const char     *_rp_timeline_item_get_sort_key   (RpTimelineItem             *self);
void            _rp_timeline_item_set_first_of_day (RpTimelineItem           *self,
                                                    gboolean                  first_of_day);
/* "Today", "Yesterday" or "Monday, November 23, 2026" for @day (YYYY-MM-DD). */
char           *_rp_timeline_format_day_label    (const char                 *day,
                                                  const char                 *today);

G_END_DECLS
