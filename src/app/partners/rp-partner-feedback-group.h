/* rp-partner-feedback-group.h: in a partner's pane, the "Feedback" group: what the office said
 * of the practice lately (the three newest answers: score, topic, day, who and the comment),
 * with "Log Feedback…" in its header. Every answer is also on the partner's history.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rp-store.h"

G_BEGIN_DECLS

#define RP_TYPE_PARTNER_FEEDBACK_GROUP (rp_partner_feedback_group_get_type ())
G_DECLARE_FINAL_TYPE (RpPartnerFeedbackGroup, rp_partner_feedback_group, RP,
                      PARTNER_FEEDBACK_GROUP, AdwPreferencesGroup)

GtkWidget *rp_partner_feedback_group_new    (void);
/* Reads the feedback of @partner_id (0: none shown) in @store and shows it. */
void       rp_partner_feedback_group_update (RpPartnerFeedbackGroup *self,
                                             RpStore                *store,
                                             gint64                  partner_id);

G_END_DECLS
