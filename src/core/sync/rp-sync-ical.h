/* rp-sync-ical.h: planned visits as events of the team calendar (libical).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rp-planned-visit.h"
#include "rp-types.h"

G_BEGIN_DECLS

/* A visit as the team calendar holds it. */
typedef struct
{
  char          *uuid;          /* UID */
  char          *partner_uuid;  /* X-RAPPORT-PARTNER-UID */
  char          *planned_on;    /* the local day of DTSTART, YYYY-MM-DD */
  char          *start_time;    /* the local time of DTSTART, "HH:MM"; "" for an all-day event */
  char          *summary;       /* SUMMARY */
  RpVisitStatus  status;        /* STATUS:CANCELLED, X-RAPPORT-STATUS:done, else planned */
  char          *liaison;       /* X-RAPPORT-LIAISON, "" when none */
  char          *modified_at;   /* LAST-MODIFIED (else DTSTAMP) as ISO-8601 UTC, or NULL */
} RpSyncEvent;

void         rp_sync_event_free             (RpSyncEvent    *event);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpSyncEvent, rp_sync_event_free)

/* The visit as an iCalendar object: one VEVENT with UID the visit's UUID, DTSTART/DTEND in the
 * local zone (rp_planned_visit_get_start_minutes, the .ics export's rule too) with a cut
 * VTIMEZONE named by its Olson name (or UTC), SUMMARY the partner and the objective, LOCATION, GEO, DESCRIPTION (objective, phone, office contact, best time),
 * STATUS, a VALARM, X-RAPPORT-LIAISON @liaison, X-RAPPORT-PARTNER-UID and CONTACT;ALTREP= for
 * the partner (never ORGANIZER or ATTENDEE: servers with scheduling would e-mail them), and
 * SEQUENCE. From @base (the server's copy, or NULL) it keeps every property and component
 * Rapport does not write, the event's length and its alarms, and bumps SEQUENCE when the time
 * changed. */
char        *rp_sync_visit_to_ical          (RpPlannedVisit *visit,
                                             RpPartner      *partner,
                                             const char     *liaison,
                                             const char     *base);
/* The event of an iCalendar object; G_IO_ERROR_INVALID_DATA when it has no VEVENT with a UID
 * and a start. */
RpSyncEvent *rp_sync_event_parse            (const char     *ical,
                                             GError        **error);
/* The SUMMARY Rapport writes for a visit: "<partner>: <objective>", or the partner alone. */
char        *rp_sync_visit_summary          (const char     *partner_name,
                                             const char     *objective);
/* The objective a SUMMARY gives (edited in a phone's calendar, perhaps): the text after
 * "<partner>: ", nothing when it is the partner alone, else the whole summary. */
char        *rp_sync_objective_from_summary (const char     *summary,
                                             const char     *partner_name);

G_END_DECLS
