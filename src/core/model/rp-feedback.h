/* rp-feedback.h: what a partner office said of the practice: a day, who said it, a score 0–10
 * ("how likely are you to recommend us to a colleague"), a topic and a comment.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rp-types.h"

G_BEGIN_DECLS

typedef enum
{
  RP_FEEDBACK_TOPIC_ACCESS,
  RP_FEEDBACK_TOPIC_COMMUNICATION,
  RP_FEEDBACK_TOPIC_REPORTS,
  RP_FEEDBACK_TOPIC_SCHEDULING,
  RP_FEEDBACK_TOPIC_STAFF,
  RP_FEEDBACK_TOPIC_OTHER,
} RpFeedbackTopic;

#define RP_FEEDBACK_N_TOPICS (RP_FEEDBACK_TOPIC_OTHER + 1)

/* Scores at or below this one are detractors' and call for a follow-up; promoters give 9 or 10
 * (the net promoter convention). */
#define RP_FEEDBACK_DETRACTOR_MAX 6
#define RP_FEEDBACK_PROMOTER_MIN  9

/* The topic's stored name ("access", …), and back (FALSE for an unknown name). */
const char *rp_feedback_topic_to_nick   (RpFeedbackTopic  topic);
gboolean    rp_feedback_topic_from_nick (const char      *nick,
                                         RpFeedbackTopic *topic);
/* The topic as the user reads it (translated). */
const char *rp_feedback_topic_to_label  (RpFeedbackTopic  topic);

#define RP_TYPE_FEEDBACK (rp_feedback_get_type ())
G_DECLARE_FINAL_TYPE (RpFeedback, rp_feedback, RP, FEEDBACK, GObject)

/* Properties: "id", "uuid", "partner-id", "given-on" (local date YYYY-MM-DD), "given-by",
 * "score" (0–10), "topic" (an RpFeedbackTopic), "comment", "task-id" (the follow-up made for a
 * low score; 0 = none) and "created-at". */
RpFeedback     *rp_feedback_new            (void);
gint64          rp_feedback_get_id         (RpFeedback     *self);
void            rp_feedback_set_id         (RpFeedback     *self,
                                            gint64          id);
const char     *rp_feedback_get_uuid       (RpFeedback     *self);
void            rp_feedback_set_uuid       (RpFeedback     *self,
                                            const char     *uuid);
gint64          rp_feedback_get_partner_id (RpFeedback     *self);
void            rp_feedback_set_partner_id (RpFeedback     *self,
                                            gint64          partner_id);
const char     *rp_feedback_get_given_on   (RpFeedback     *self);
void            rp_feedback_set_given_on   (RpFeedback     *self,
                                            const char     *given_on);
const char     *rp_feedback_get_given_by   (RpFeedback     *self);
void            rp_feedback_set_given_by   (RpFeedback     *self,
                                            const char     *given_by);
guint           rp_feedback_get_score      (RpFeedback     *self);
void            rp_feedback_set_score      (RpFeedback     *self,
                                            guint           score);
RpFeedbackTopic rp_feedback_get_topic      (RpFeedback     *self);
void            rp_feedback_set_topic      (RpFeedback     *self,
                                            RpFeedbackTopic topic);
const char     *rp_feedback_get_comment    (RpFeedback     *self);
void            rp_feedback_set_comment    (RpFeedback     *self,
                                            const char     *comment);
gint64          rp_feedback_get_task_id    (RpFeedback     *self);
void            rp_feedback_set_task_id    (RpFeedback     *self,
                                            gint64          task_id);
const char     *rp_feedback_get_created_at (RpFeedback     *self);
void            rp_feedback_set_created_at (RpFeedback     *self,
                                            const char     *created_at);
/* A detractor's score (0–6): the store makes a follow-up task for it. */
gboolean        rp_feedback_needs_follow_up (RpFeedback    *self);

G_END_DECLS
