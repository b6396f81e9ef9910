/* rp-planned-visit.h: a visit to a partner planned on a day of the outreach week.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rp-enums.h"
#include "rp-types.h"

G_BEGIN_DECLS

#define RP_TYPE_PLANNED_VISIT (rp_planned_visit_get_type ())
G_DECLARE_FINAL_TYPE (RpPlannedVisit, rp_planned_visit, RP, PLANNED_VISIT, GObject)

/* Properties: "id", "uuid", "partner-id", "planned-on" (local date YYYY-MM-DD), "position"
 * (order within the day), "objective", "status", "activity-id" (0 = none), "created-at", and
 * "partner-name" (the partner's display name, set by the store's loaders), "liaison" (who
 * planned it, as the team calendar names them; empty for this database's own liaison) and
 * "start-time" (local "HH:MM", empty when the visit has no time of its own: it then starts at
 * 09:00 plus an hour per position). */
RpPlannedVisit *rp_planned_visit_new              (void);
gint64          rp_planned_visit_get_id           (RpPlannedVisit *self);
void            rp_planned_visit_set_id           (RpPlannedVisit *self,
                                                   gint64          id);
const char     *rp_planned_visit_get_uuid         (RpPlannedVisit *self);
void            rp_planned_visit_set_uuid         (RpPlannedVisit *self,
                                                   const char     *uuid);
gint64          rp_planned_visit_get_partner_id   (RpPlannedVisit *self);
void            rp_planned_visit_set_partner_id   (RpPlannedVisit *self,
                                                   gint64          partner_id);
const char     *rp_planned_visit_get_planned_on   (RpPlannedVisit *self);
void            rp_planned_visit_set_planned_on   (RpPlannedVisit *self,
                                                   const char     *planned_on);
guint           rp_planned_visit_get_position     (RpPlannedVisit *self);
void            rp_planned_visit_set_position     (RpPlannedVisit *self,
                                                   guint           position);
const char     *rp_planned_visit_get_objective    (RpPlannedVisit *self);
void            rp_planned_visit_set_objective    (RpPlannedVisit *self,
                                                   const char     *objective);
RpVisitStatus   rp_planned_visit_get_status       (RpPlannedVisit *self);
void            rp_planned_visit_set_status       (RpPlannedVisit *self,
                                                   RpVisitStatus   status);
gint64          rp_planned_visit_get_activity_id  (RpPlannedVisit *self);
void            rp_planned_visit_set_activity_id  (RpPlannedVisit *self,
                                                   gint64          activity_id);
const char     *rp_planned_visit_get_created_at   (RpPlannedVisit *self);
void            rp_planned_visit_set_created_at   (RpPlannedVisit *self,
                                                   const char     *created_at);
const char     *rp_planned_visit_get_partner_name (RpPlannedVisit *self);
void            rp_planned_visit_set_partner_name (RpPlannedVisit *self,
                                                   const char     *partner_name);
/* Who planned the visit (X-RAPPORT-LIAISON of the team calendar); empty for one planned here. */
const char     *rp_planned_visit_get_liaison      (RpPlannedVisit *self);
void            rp_planned_visit_set_liaison      (RpPlannedVisit *self,
                                                   const char     *liaison);
/* The one rule of a visit's time in calendars, which the .ics export and the team calendar
 * both follow: its own start time when it has one (set in a phone's calendar, or a visit of the
 * team calendar), else the day's route from 09:00, an hour per stop (the visit and the drive to
 * the next), the eleventh stop and later at 19:00; RP_PLANNED_VISIT_MINUTES long. */
#define RP_PLANNED_VISIT_MINUTES 45
/* Minutes after local midnight. */
int             rp_planned_visit_get_start_minutes (RpPlannedVisit *self);
/* The same as "HH:MM". */
char           *rp_planned_visit_dup_start        (RpPlannedVisit *self);
const char     *rp_planned_visit_get_start_time   (RpPlannedVisit *self);
void            rp_planned_visit_set_start_time   (RpPlannedVisit *self,
                                                   const char     *start_time);

G_END_DECLS
