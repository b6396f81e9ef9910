/* rp-letter-dialog.h: "Write Thank-You" / "Write Update": a short letter from the editable
 * template, to copy, open in the e-mail client or print. Letters never carry patient identifiers.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rp-context.h"
#include "rp-letter.h"

G_BEGIN_DECLS

#define RP_TYPE_LETTER_DIALOG (rp_letter_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RpLetterDialog, rp_letter_dialog, RP, LETTER_DIALOG, AdwWindow)

/* @referral and @task may be NULL. With @task, a "Mark Done" button completes it (for a thank-you
 * task that logs the thank-you activity).
 * Actions: letter.copy, letter.email, letter.print, letter.done. */
GtkWidget *rp_letter_dialog_new      (RpContext      *context,
                                      RpLetterKind    kind,
                                      RpPartner      *partner,
                                      RpReferral     *referral,
                                      RpTask         *task);
/* The letter as edited. */
char      *rp_letter_dialog_dup_text (RpLetterDialog *self);

G_END_DECLS
