/* rp-feedback-expander.h: "Add Feedback" in the Log Activity dialog: an expander row with a
 * switch holding what the partner office said (who, the score 0–10, the topic, a comment),
 * logged with the activity in one transaction (rp-feedback-rules.h). Also the score and topic
 * rows the Log Feedback dialog shares.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rp-feedback.h"

G_BEGIN_DECLS

#define RP_TYPE_FEEDBACK_EXPANDER (rp_feedback_expander_get_type ())
G_DECLARE_FINAL_TYPE (RpFeedbackExpander, rp_feedback_expander, RP, FEEDBACK_EXPANDER,
                      AdwExpanderRow)

GtkWidget  *rp_feedback_expander_new          (void);
/* The feedback as typed (no partner, no day: the activity gives them), or NULL when the switch
 * is off. */
RpFeedback *rp_feedback_expander_dup_feedback (RpFeedbackExpander *self);

/* "Score" with a 0–10 spin button (returned through @spin, starting at 9) and its meaning. */
GtkWidget  *rp_feedback_score_row_new         (GtkSpinButton     **spin);
/* "Topic": the feedback topics, "Other" chosen. */
GtkWidget  *rp_feedback_topic_row_new         (void);
/* The topic chosen in a row of rp_feedback_topic_row_new(). */
RpFeedbackTopic rp_feedback_topic_row_get_topic (AdwComboRow      *row);

G_END_DECLS
