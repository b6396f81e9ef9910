/* rp-referrals-page.h: the Referrals page: the list of referrals, its filters, the detail pane
 * with the next step, and the "New Referral" command.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rp-context.h"

G_BEGIN_DECLS

#define RP_TYPE_REFERRALS_PAGE (rp_referrals_page_get_type ())
G_DECLARE_FINAL_TYPE (RpReferralsPage, rp_referrals_page, RP, REFERRALS_PAGE, AdwBin)

/* Properties: "context" (RpContext, construct-only), "selected-partner-id" (gint64, read-only:
 * the partner of the selected referral, 0 when none; the window's log-activity dialog uses it).
 *
 * Widget actions (active while the page is shown): referrals.add (Ctrl+N: the referral editor),
 * referrals.clear-filters. */
GtkWidget *rp_referrals_page_new                  (RpContext       *context);
gint64     rp_referrals_page_get_selected_partner_id (RpReferralsPage *self);
/* Selects and shows the referral (clearing a search or filter that hides it). */
void       rp_referrals_page_select_referral      (RpReferralsPage *self,
                                                   gint64           referral_id);
/* Shows only the referrals of one partner (0: every partner again); @name labels the filter. */
void       rp_referrals_page_set_partner_filter   (RpReferralsPage *self,
                                                   gint64           partner_id,
                                                   const char      *name);

/* Shows the referrals a query selects, replacing the filters: "from=YYYY-MM-DD&to=YYYY-MM-DD"
 * (days), "direction=inbound|outbound", "status=<nick>", "partner=<id>", "outcome=<category
 * id>"; what is missing or not understood is left open. */
void       rp_referrals_page_show_query           (RpReferralsPage *self,
                                                   const char      *query);

G_END_DECLS
