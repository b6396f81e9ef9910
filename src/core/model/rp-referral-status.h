/* rp-referral-status.h: the path a referral takes, and what a user may do next.
 *
 * received → contacted → scheduled → seen → loop closed (update sent to the referrer); an open
 * referral may also end as declined or lost (with a reason), a scheduled one as a no-show, and a
 * no-show may be scheduled again. Steps along the path may be skipped forward (a call that books
 * the patient goes from received straight to scheduled); nothing moves backward, and loop closed,
 * declined and lost are final.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rp-enums.h"

G_BEGIN_DECLS

#define RP_REFERRAL_STATUS_ERROR (rp_referral_status_error_quark ())

typedef enum
{
  RP_REFERRAL_STATUS_ERROR_ILLEGAL,      /* that move is not allowed from this status */
  RP_REFERRAL_STATUS_ERROR_NEEDS_REASON, /* declined, no-show and lost need a reason */
} RpReferralStatusError;

GQuark            rp_referral_status_error_quark   (void);

/* TRUE when @from may move to @to; otherwise @error says why, in words a user understands. */
gboolean          rp_referral_status_check_move    (RpReferralStatus  from,
                                                    RpReferralStatus  to,
                                                    const char       *reason,
                                                    GError          **error);
/* Open: received, contacted, scheduled, seen, no-show (something is still to be done). */
gboolean          rp_referral_status_is_open       (RpReferralStatus  status);
/* The next step on the main path, or FALSE when there is none (final statuses). */
gboolean          rp_referral_status_next          (RpReferralStatus  status,
                                                    RpReferralStatus *next);
/* Translated, static: "Received", "Loop Closed"… */
const char       *rp_referral_status_to_label      (RpReferralStatus  status);
/* The one-click button for the next step: "Mark Contacted", "Mark Scheduled", "Mark Seen",
 * "Close the Loop"; NULL when there is no next step. */
const char       *rp_referral_status_to_action     (RpReferralStatus  status);
/* A CSS class for status chips: "status-received", "status-loop-closed"… */
const char       *rp_referral_status_to_css_class  (RpReferralStatus  status);
const char       *rp_urgency_to_label              (RpUrgency         urgency);
const char       *rp_referral_direction_to_label   (RpReferralDirection direction);

G_END_DECLS
