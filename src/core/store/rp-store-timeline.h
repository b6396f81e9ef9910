/* rp-store-timeline.h: reading a timeline a page at a time.
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

/* Up to @limit RpTimelineItem objects that @filter selects, newest first, all older than @after
 * (the last item of the page before, from this function; NULL: from the newest). Each source is
 * read with a keyset query on an index and a LIMIT, so every page costs the same at any depth.
 * @today (local YYYY-MM-DD) words the day labels. */
GPtrArray *rp_store_list_timeline_page (RpStore                *self,
                                        const RpTimelineFilter *filter,
                                        RpTimelineItem         *after,
                                        guint                   limit,
                                        const char             *today,
                                        GError                **error);

G_END_DECLS
