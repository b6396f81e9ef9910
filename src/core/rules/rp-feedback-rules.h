/* rp-feedback-rules.h: feedback from a partner office logged with the activity it came from.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rp-activity.h"
#include "rp-feedback.h"
#include "rp-store.h"
#include "rp-task.h"

G_BEGIN_DECLS

/* Logs @activity as rp_rules_log_activity() does and, in the same transaction, @feedback when
 * it is not NULL: a feedback with no partner gets the activity's first partner, one with no day
 * the activity's local day. A score of 6 or lower adds its follow-up task
 * (rp_store_insert_feedback()). When anything is refused, nothing is written and @activity and
 * @feedback are as they were. */
gboolean rp_rules_log_activity_with_feedback (RpStore     *store,
                                              RpActivity  *activity,
                                              const char  *follow_up_on,
                                              const char  *follow_up_note,
                                              RpFeedback  *feedback,
                                              GDateTime   *now,
                                              RpTask     **follow_up,
                                              GError     **error);

G_END_DECLS
