/* rp-timeline-list.h: a GListModel of timeline items, newest first, loaded a page at a time.
 *
 * Timelines are long (a bench-size network has over a million entries) and read from the top,
 * so the list pages forward from the newest entry with keyset queries (each source has an index
 * on its time): it starts with the first page, and when a row near the end of what is loaded is
 * asked for, it appends the next page (items-changed at the end). Opening and each further page
 * cost the same, however long the history. A filter change or "records-changed" starts again
 * from the top.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rp-store.h"
#include "rp-timeline-filter.h"
#include "rp-timeline-item.h"

G_BEGIN_DECLS

#define RP_TYPE_TIMELINE_LIST (rp_timeline_list_get_type ())
G_DECLARE_FINAL_TYPE (RpTimelineList, rp_timeline_list, RP, TIMELINE_LIST, GObject)

/* Properties: "store" (construct-only), "filter", "n-items", "complete" (TRUE once the oldest
 * entry is loaded), "page-size" (construct, default 100). */
RpTimelineList         *rp_timeline_list_new         (RpStore                *store,
                                                      const RpTimelineFilter *filter);
const RpTimelineFilter *rp_timeline_list_get_filter  (RpTimelineList         *self);
void                    rp_timeline_list_set_filter  (RpTimelineList         *self,
                                                      const RpTimelineFilter *filter);
gboolean                rp_timeline_list_get_complete (RpTimelineList        *self);
/* Loads the next page now (the list also does it by itself when the last rows are read);
 * returns how many items were added. */
guint                   rp_timeline_list_load_more   (RpTimelineList         *self,
                                                      GError                **error);

G_END_DECLS
