/* rp-ics.h: the week's planned visits as an iCalendar file (libical).
 *
 * One VEVENT per planned visit: SUMMARY "Visit: <partner>", LOCATION the address, GEO, the
 * objective as DESCRIPTION, a stable UID from the visit's uuid, DTSTART/DTEND in the local time
 * zone with its VTIMEZONE (so times survive a DST change), and a VALARM 30 minutes before.
 * A visit starts at its own time, else by its place in the day's route from 09:00, an hour a
 * stop, 45 minutes each: rp_planned_visit_get_start_minutes, the rule of the team calendar too,
 * so that the exported and the synced event of a visit agree.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include <libical/ical.h>

#include "rp-planned-visit.h"
#include "rp-store.h"

G_BEGIN_DECLS

/* "2026-W48" → its Monday "2026-11-23" (ISO 8601 weeks); NULL with an error when malformed. */
char     *rp_week_monday_from_iso    (const char *iso_week,
                                      GError    **error);
/* The Monday (YYYY-MM-DD) of the week holding @day (YYYY-MM-DD; NULL = local today). */
char     *rp_week_monday             (const char *day);
/* "2026-W48" of the week holding @day. */
char     *rp_week_to_iso             (const char *day);

/* The iCalendar text of the visits planned Monday…Sunday of the week starting @monday. */
char     *rp_ics_export_week         (RpStore    *store,
                                      const char *monday,
                                      GError    **error);
/* Writes it to @path atomically (a temporary file renamed); @n_events may be NULL. */
gboolean  rp_ics_write_week          (RpStore    *store,
                                      const char *monday,
                                      const char *path,
                                      guint      *n_events,
                                      GError    **error);

/* Shared with the team calendar (src/core/sync): */

/* The local zone as libical knows it ($TZ, /etc/timezone, the /etc/localtime link); NULL for
 * UTC or a zone libical does not know (times are then written in UTC). */
icaltimezone        *rp_ics_local_zone        (void);
/* @day (YYYY-MM-DD) at @minutes after midnight: a local time for @zone's TZID, or UTC when
 * @zone is NULL. */
struct icaltimetype  rp_ics_visit_time        (const char          *day,
                                               int                  minutes,
                                               icaltimezone        *zone);
/* The visit's objective, then the partner's phone, office contact and best time, one a line. */
char                *rp_ics_dup_description   (RpPlannedVisit      *visit,
                                               RpPartner           *partner);
/* @zone's VTIMEZONE named @tzid (the plain Olson name), cut to the rules in force from the year
 * before @day. */
icalcomponent       *rp_ics_new_vtimezone     (icaltimezone        *zone,
                                               const char          *tzid,
                                               const char          *day);
/* DTSTART or DTEND with a TZID parameter, or in UTC when @tzid is NULL. */
icalproperty        *rp_ics_new_time_property (icalproperty_kind    kind,
                                               struct icaltimetype  time,
                                               const char          *tzid);

G_END_DECLS
