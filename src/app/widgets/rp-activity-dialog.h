/* rp-activity-dialog.h: "Log Activity" (Ctrl+L): a visit, call, e-mail, event… with a partner,
 * a note, a cost shared among the physicians present and an optional follow-up.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rp-context.h"

G_BEGIN_DECLS

#define RP_TYPE_ACTIVITY_DIALOG (rp_activity_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RpActivityDialog, rp_activity_dialog, RP, ACTIVITY_DIALOG, AdwWindow)

/* @partner_id: the partner it concerns (0 = choose one); @now: when (NULL = now).
 * Actions: activity.log (Ctrl+Enter; logs and closes, or shows what is wrong and keeps
 * everything typed), activity.kind (string nick: "visit", "call"…).
 * Signal: "logged" (RpActivity, RpTask or NULL): after a successful log. */
GtkWidget *rp_activity_dialog_new           (RpContext        *context,
                                             gint64            partner_id,
                                             GDateTime        *now);
void       rp_activity_dialog_set_note      (RpActivityDialog *self,
                                             const char       *note);
void       rp_activity_dialog_set_follow_up (RpActivityDialog *self,
                                             gboolean          needed,
                                             const char       *on,
                                             const char       *note);
/* Cost in cents (events, meals and gifts). */
void       rp_activity_dialog_set_cost      (RpActivityDialog *self,
                                             gint64            cents);
void       rp_activity_dialog_add_present   (RpActivityDialog *self,
                                             gint64            partner_id);

G_END_DECLS
