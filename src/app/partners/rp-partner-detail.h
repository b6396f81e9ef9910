/* rp-partner-detail.h: the detail pane of the Partners page.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rp-context.h"
#include "rp-partner.h"

G_BEGIN_DECLS

#define RP_TYPE_PARTNER_DETAIL (rp_partner_detail_get_type ())
G_DECLARE_FINAL_TYPE (RpPartnerDetail, rp_partner_detail, RP, PARTNER_DETAIL, AdwBin)

/* Shows one partner (property "partner", nullable: a dim "Select a Partner" status instead).
 * Its Edit, Archive, Unarchive and Delete buttons activate the partners.edit, partners.archive,
 * partners.unarchive and partners.delete actions, which an ancestor (RpPartnersPage) provides.
 * With a context (property "context", set once) it also shows the partner's history (a
 * timeline) and, for a physician, their gifts and meals this year against the yearly limit;
 * both follow the store's "records-changed". */
GtkWidget *rp_partner_detail_new          (void);
RpContext *rp_partner_detail_get_context  (RpPartnerDetail *self);
void       rp_partner_detail_set_context  (RpPartnerDetail *self,
                                           RpContext       *context);
RpPartner *rp_partner_detail_get_partner  (RpPartnerDetail *self);
void       rp_partner_detail_set_partner  (RpPartnerDetail *self,
                                           RpPartner       *partner);

/* "Today", "Yesterday", "3 days ago", "2 weeks ago", "5 months ago", "Never" for @iso_utc (ISO
 * 8601, UTC; NULL or "" for never) seen from @now. Calendar days are counted in @now's time
 * zone. Newly allocated. */
char      *rp_format_last_contact         (const char      *iso_utc,
                                           GDateTime       *now);
/* "12 March 2026" for @iso_utc in the local time zone; NULL when it does not parse. */
char      *rp_format_date                 (const char      *iso_utc);

G_END_DECLS
