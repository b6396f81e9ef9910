/* rp-store-visits.h: the visits planned with the outreach planner.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rp-planned-visit.h"
#include "rp-store.h"

G_BEGIN_DECLS

/* Sets the visit's id, uuid (when empty) and created-at; the position is the caller's
 * (rp_store_plan_visit appends to the day). */
gboolean        rp_store_insert_planned_visit (RpStore        *self,
                                               RpPlannedVisit *visit,
                                               GError        **error);
/* Visits planned on days @from…@to (YYYY-MM-DD, inclusive), by day then position; with
 * @include_cancelled FALSE only planned and done ones. Each has "partner-name" set. */
GPtrArray      *rp_store_list_visits_between  (RpStore        *self,
                                               const char     *from,
                                               const char     *to,
                                               gboolean        include_cancelled,
                                               GError        **error);
/* This liaison's planned visits of a day (YYYY-MM-DD), in day order, status planned (GPtrArray
 * of RpPlannedVisit): the day's route. Other liaisons' visits from the team calendar are not in
 * it (rp_team_is_own_visit). */
GPtrArray      *rp_store_list_planned_visits  (RpStore        *self,
                                               const char     *day,
                                               GError        **error);
RpPlannedVisit *rp_store_get_planned_visit    (RpStore        *self,
                                               gint64          id,
                                               GError        **error);
/* Plans a visit to @partner_id on @day, after that day's others; returns the new visit. */
RpPlannedVisit *rp_store_plan_visit           (RpStore        *self,
                                               gint64          partner_id,
                                               const char     *day,
                                               const char     *objective,
                                               GError        **error);
/* The day order, the moves and the changes of status below concern this liaison's visits only:
 * another liaison's visit (from the team calendar) gives RP_STORE_ERROR_INVALID and is never
 * renumbered. */

/* Moves a visit to @day at @position (0-based; G_MAXUINT = last), renumbering both days. */
gboolean        rp_store_move_visit           (RpStore        *self,
                                               gint64          visit_id,
                                               const char     *day,
                                               guint           position,
                                               GError        **error);
/* Sets the order of a day's visits (say, the optimised route): @visit_ids in their new order. */
gboolean        rp_store_reorder_visits       (RpStore        *self,
                                               const char     *day,
                                               const gint64   *visit_ids,
                                               guint           n_visit_ids,
                                               GError        **error);
/* Done (with the activity that records it, or 0) or cancelled; cancelled visits stay in
 * history. */
gboolean        rp_store_set_visit_status     (RpStore        *self,
                                               gint64          visit_id,
                                               RpVisitStatus   status,
                                               gint64          activity_id,
                                               GError        **error);
gboolean        rp_store_delete_visit         (RpStore        *self,
                                               gint64          visit_id,
                                               GError        **error);

G_END_DECLS
