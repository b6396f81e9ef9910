/* rp-feedback-dialog.h: "Log Feedback" for a partner office: the day, who gave it, the score
 * (0–10, "how likely to recommend us to a colleague"), the topic and a comment. A score of 6 or
 * lower makes a follow-up task (rp-store-feedback.h), which the dialog says.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rp-context.h"
#include "rp-partner.h"

G_BEGIN_DECLS

#define RP_TYPE_FEEDBACK_DIALOG (rp_feedback_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RpFeedbackDialog, rp_feedback_dialog, RP, FEEDBACK_DIALOG, AdwWindow)

GtkWidget *rp_feedback_dialog_new (RpContext *context,
                                   RpPartner *partner);

G_END_DECLS
