/* rp-partner-list.h: a GListModel of partners that pages rows from the store on demand.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rp-partner-filter.h"
#include "rp-store.h"

G_BEGIN_DECLS

#define RP_TYPE_PARTNER_LIST (rp_partner_list_get_type ())
G_DECLARE_FINAL_TYPE (RpPartnerList, rp_partner_list, RP, PARTNER_LIST, GObject)

/* Implements GListModel (item type RpPartner). The filter decides which partners and in which
 * order; on a change of filter or of the store ("partners-changed") the list re-queries the ids
 * (one cheap query) and emits one items-changed over the old and new lengths. Partner objects
 * are made a page at a time, only for the rows that are asked for, and cached.
 *
 * Properties: "store" (construct-only), "filter" (RpPartnerFilter, boxed; one given to
 * g_object_new() is the first query's, so a page that knows its filter queries once), "search"
 * (string), "n-items" (guint, read-only). */
RpPartnerList         *rp_partner_list_new         (RpStore               *store);
RpStore               *rp_partner_list_get_store   (RpPartnerList         *self);
const RpPartnerFilter *rp_partner_list_get_filter  (RpPartnerList         *self);
void                   rp_partner_list_set_filter  (RpPartnerList         *self,
                                                    const RpPartnerFilter *filter);
/* Shortcuts that change one part of the filter. */
void                   rp_partner_list_set_search  (RpPartnerList         *self,
                                                    const char            *search);
void                   rp_partner_list_set_sort    (RpPartnerList         *self,
                                                    RpPartnerSort          sort,
                                                    gboolean               descending);
/* The position of the partner @id, or G_MAXUINT when the list does not hold it. */
guint                  rp_partner_list_find        (RpPartnerList         *self,
                                                    gint64                 id);
/* Re-query now (after an external change the store did not signal). */
void                   rp_partner_list_refresh     (RpPartnerList         *self);
/* Why the last query failed (NULL when it did not); a widget shows it. */
const GError          *rp_partner_list_get_error   (RpPartnerList         *self);

G_END_DECLS
