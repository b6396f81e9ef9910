/* rp-referral-detail.h: the detail pane of the Referrals page.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rp-context.h"
#include "rp-referral.h"

G_BEGIN_DECLS

#define RP_TYPE_REFERRAL_DETAIL (rp_referral_detail_get_type ())
G_DECLARE_FINAL_TYPE (RpReferralDetail, rp_referral_detail, RP, REFERRAL_DETAIL, AdwBin)

/* Shows one referral (property "referral", nullable: a dim "Select a Referral" status instead):
 * its partner, dates, reason, the path of its status with a timestamp per step, the patient
 * (opened through the context's vault, or a "Locked" row), outcome and satisfaction once seen.
 * The next step on the path is one click (the "referral.next" action); declined, no-show and
 * lost ("referral.decline", "referral.no-show", "referral.lose") ask for a reason first. Each
 * action is enabled only when the move is allowed from the referral's status. Moves go through
 * the follow-up rules; errors become toasts in the window's AdwToastOverlay.
 *
 * Properties: "context" (RpContext; set once, by the page that holds the pane in its template),
 * "referral" (RpReferral).
 * Signal: "open-partner" (gint64 partner_id): the partner button was clicked. */
GtkWidget  *rp_referral_detail_new           (RpContext        *context);
void        rp_referral_detail_set_context   (RpReferralDetail *self,
                                              RpContext        *context);
RpReferral *rp_referral_detail_get_referral  (RpReferralDetail *self);
void        rp_referral_detail_set_referral  (RpReferralDetail *self,
                                              RpReferral       *referral);
/* Re-reads what the pane shows of its referral (transitions, patient), after a change. */
void        rp_referral_detail_refresh       (RpReferralDetail *self);

/* "27 Nov 2026" for a local calendar day YYYY-MM-DD; a copy of @day when it does not parse. */
char       *rp_format_day                    (const char       *day);
/* Whole days from @day (YYYY-MM-DD) to @today (a GDate), 0 when @day does not parse. */
int         rp_days_between                  (const char       *day,
                                              const GDate      *today);

G_END_DECLS
