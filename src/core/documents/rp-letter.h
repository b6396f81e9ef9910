/* rp-letter.h: short letters (thank-you, loop-closing update) from editable templates.
 *
 * A template is plain text with fields in braces: {partner} (display name), {partner_first}
 * ("Dr. López" style salutation name), {organization}, {referral_date} (long date),
 * {reason}, {status}, {practice}, {practice_phone}, {signature} (the liaison's signature from
 * Preferences), {today}. Unknown fields are left as typed, so a typo shows in the preview.
 * Letters never carry patient identifiers: no field gives one.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rp-partner.h"
#include "rp-practice.h"
#include "rp-referral.h"

G_BEGIN_DECLS

typedef enum
{
  RP_LETTER_THANK_YOU,
  RP_LETTER_UPDATE,
} RpLetterKind;

/* The built-in template of @kind (translated). */
const char *rp_letter_default_template (RpLetterKind  kind);
/* The subject line of @kind for @partner ("Thank you for your referral"). */
char       *rp_letter_dup_subject      (RpLetterKind  kind,
                                        RpReferral   *referral);
/* Fills @template; @referral and @practice may be NULL (their fields become ""). */
char       *rp_letter_render           (const char   *template_text,
                                        RpPartner    *partner,
                                        RpReferral   *referral,
                                        RpPractice   *practice,
                                        const char   *signature,
                                        GDate        *today);
/* A mailto: URI to the partner's e-mail with subject and body, escaped. */
char       *rp_letter_dup_mailto_uri   (const char   *email,
                                        const char   *subject,
                                        const char   *body);

G_END_DECLS
