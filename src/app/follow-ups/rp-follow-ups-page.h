/* rp-follow-ups-page.h: the Follow-ups page: open tasks by when they are due (overdue, today,
 * this week, later) with Done, Snooze and Open Partner, letters for thank-yous and updates, and
 * the physicians near this year's gift limit.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rp-context.h"

G_BEGIN_DECLS

#define RP_TYPE_FOLLOW_UPS_PAGE (rp_follow_ups_page_get_type ())
G_DECLARE_FINAL_TYPE (RpFollowUpsPage, rp_follow_ups_page, RP, FOLLOW_UPS_PAGE, AdwBin)

/* Property: "context" (RpContext, construct-only).
 * Widget actions (parameter: the task id, "x"): follow-ups.done, follow-ups.snooze-tomorrow,
 * follow-ups.snooze-next-week, follow-ups.open-partner, follow-ups.write; follow-ups.snooze
 * ("(xs)": task id, YYYY-MM-DD). */
GtkWidget *rp_follow_ups_page_new              (RpContext       *context);
/* The number of open tasks shown in @bucket (an RpTaskBucket). */
guint      rp_follow_ups_page_count_in_bucket  (RpFollowUpsPage *self,
                                                int              bucket);
/* Rereads the tasks now (the page also does it on the store's "records-changed"). */
void       rp_follow_ups_page_reload           (RpFollowUpsPage *self);
/* Scrolls to the row of the task @task_id and gives it the focus; FALSE when the page does not
 * show it (done meanwhile, or past a section's limit). */
gboolean   rp_follow_ups_page_show_task        (RpFollowUpsPage *self,
                                                gint64           task_id);

G_END_DECLS
