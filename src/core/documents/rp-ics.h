/* rp-ics.h: the week's planned visits as an iCalendar file (libical).
 *
 * One VEVENT per planned visit: SUMMARY "Visit: <partner>", LOCATION the address, GEO, the
 * objective as DESCRIPTION, a stable UID from the visit's uuid, DTSTART/DTEND in the local time
 * zone with its VTIMEZONE (so times survive a DST change), and a VALARM 30 minutes before.
 * Visits have no time of their own: they follow each other through the day from 09:00 in route
 * order, 45 minutes each (the partner's best visiting time moves one when it names an hour).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

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

G_END_DECLS
