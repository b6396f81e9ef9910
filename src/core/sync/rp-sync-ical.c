/* rp-sync-ical.c: planned visits as events of the team calendar, on libical and the
 * iCalendar pieces of rp-ics (the local zone, the cut VTIMEZONE, the description).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <libical/ical.h>

#include "rp-enum-types.h"
#include "rp-ics.h"
#include "rp-partner.h"
#include "rp-sync-ical.h"

#define VISIT_MINUTES RP_PLANNED_VISIT_MINUTES
#define ALARM_MINUTES 30

void
rp_sync_event_free (RpSyncEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->uuid);
  g_free (event->partner_uuid);
  g_free (event->planned_on);
  g_free (event->start_time);
  g_free (event->summary);
  g_free (event->liaison);
  g_free (event->modified_at);
  g_free (event);
}

char *
rp_sync_visit_summary (const char *partner_name,
                       const char *objective)
{
  if (objective == NULL || *objective == '\0')
    return g_strdup (partner_name);
  return g_strdup_printf ("%s: %s", partner_name, objective);
}

char *
rp_sync_objective_from_summary (const char *summary,
                                const char *partner_name)
{
  g_autofree char *prefix = g_strconcat (partner_name, ": ", NULL);

  if (summary == NULL || g_strcmp0 (summary, partner_name) == 0)
    return g_strdup ("");
  if (g_str_has_prefix (summary, prefix))
    return g_strdup (summary + strlen (prefix));
  return g_strdup (summary);
}

/* ── reading ──────────────────────────────────────────────────────────────────────────── */

static icalcomponent *
first_event (icalcomponent *root)
{
  if (root == NULL)
    return NULL;
  if (icalcomponent_isa (root) == ICAL_VEVENT_COMPONENT)
    return root;
  return icalcomponent_get_first_component (root, ICAL_VEVENT_COMPONENT);
}

static const char *
x_value (icalcomponent *event,
         const char    *name)
{
  for (icalproperty *p = icalcomponent_get_first_property (event, ICAL_X_PROPERTY); p != NULL;
       p = icalcomponent_get_next_property (event, ICAL_X_PROPERTY))
    if (g_ascii_strcasecmp (icalproperty_get_x_name (p), name) == 0)
      return icalproperty_get_x (p);
  return NULL;
}

/* The zone of a DTSTART's TZID: the calendar's VTIMEZONE, else libical's zone of that name (with
 * or without libical's "/freeassociation.sourceforge.net/" prefix). */
static icaltimezone *
zone_of (icalcomponent *root,
         icalproperty  *property)
{
  icalparameter *param = icalproperty_get_first_parameter (property, ICAL_TZID_PARAMETER);
  const char *tzid;
  const char *slash;
  icaltimezone *zone = NULL;

  if (param == NULL)
    return NULL;
  tzid = icalparameter_get_tzid (param);
  if (tzid == NULL)
    return NULL;
  if (icalcomponent_isa (root) == ICAL_VCALENDAR_COMPONENT)
    zone = icalcomponent_get_timezone (root, tzid);
  if (zone == NULL)
    zone = icaltimezone_get_builtin_timezone (tzid);
  if (zone == NULL && g_str_has_prefix (tzid, "/") &&
      (slash = strchr (tzid + 1, '/')) != NULL)
    zone = icaltimezone_get_builtin_timezone (slash + 1);
  return zone;
}

/* A time as local day and "HH:MM". */
static void
local_day_and_time (struct icaltimetype   t,
                    icaltimezone         *zone,
                    char                **day,
                    char                **time)
{
  g_autoptr(GDateTime) local = NULL;

  if (t.is_date)
    {
      *day = g_strdup_printf ("%04d-%02d-%02d", t.year, t.month, t.day);
      *time = g_strdup ("");
      return;
    }

  if (icaltime_is_utc (t) || zone != NULL)
    {
      g_autoptr(GDateTime) utc = NULL;
      time_t when = icaltime_as_timet_with_zone (t, icaltime_is_utc (t)
                                                    ? icaltimezone_get_utc_timezone () : zone);

      utc = g_date_time_new_from_unix_utc ((gint64) when);
      local = g_date_time_to_local (utc);
      *day = g_date_time_format (local, "%Y-%m-%d");
      *time = g_date_time_format (local, "%H:%M");
      return;
    }

  /* Floating: the wall time as it is. */
  *day = g_strdup_printf ("%04d-%02d-%02d", t.year, t.month, t.day);
  *time = g_strdup_printf ("%02d:%02d", t.hour, t.minute);
}

static char *
iso_of (struct icaltimetype t)
{
  if (icaltime_is_null_time (t))
    return NULL;
  if (!icaltime_is_utc (t))
    t = icaltime_convert_to_zone (t, icaltimezone_get_utc_timezone ());
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ", t.year, t.month, t.day, t.hour,
                          t.minute, t.second);
}

RpSyncEvent *
rp_sync_event_parse (const char  *ical,
                     GError     **error)
{
  icalcomponent *root;
  icalcomponent *event;
  icalproperty *start;
  const char *uid;
  RpSyncEvent *parsed;
  const char *value;

  g_return_val_if_fail (ical != NULL, NULL);

  root = icalparser_parse_string (ical);
  event = first_event (root);
  start = event != NULL ? icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY) : NULL;
  uid = event != NULL ? icalcomponent_get_uid (event) : NULL;
  if (start == NULL || uid == NULL || *uid == '\0')
    {
      if (root != NULL)
        icalcomponent_free (root);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The calendar event has no identifier or no start"));
      return NULL;
    }

  parsed = g_new0 (RpSyncEvent, 1);
  parsed->uuid = g_strdup (uid);
  local_day_and_time (icalproperty_get_dtstart (start), zone_of (root, start),
                      &parsed->planned_on, &parsed->start_time);
  parsed->summary = g_strdup (icalcomponent_get_summary (event) != NULL
                              ? icalcomponent_get_summary (event) : "");
  value = x_value (event, "X-RAPPORT-PARTNER-UID");
  parsed->partner_uuid = g_strdup (value != NULL ? value : "");
  value = x_value (event, "X-RAPPORT-LIAISON");
  parsed->liaison = g_strdup (value != NULL ? value : "");
  value = x_value (event, "X-RAPPORT-STATUS");
  if (icalcomponent_get_status (event) == ICAL_STATUS_CANCELLED)
    parsed->status = RP_VISIT_STATUS_CANCELLED;
  else if (value != NULL && g_ascii_strcasecmp (value, "done") == 0)
    parsed->status = RP_VISIT_STATUS_DONE;
  else
    parsed->status = RP_VISIT_STATUS_PLANNED;

  {
    icalproperty *modified = icalcomponent_get_first_property (event,
                                                               ICAL_LASTMODIFIED_PROPERTY);

    if (modified != NULL)
      parsed->modified_at = iso_of (icalproperty_get_lastmodified (modified));
    else
      parsed->modified_at = iso_of (icalcomponent_get_dtstamp (event));
  }

  icalcomponent_free (root);
  return parsed;
}

/* ── writing ──────────────────────────────────────────────────────────────────────────── */

static gboolean
is_own_property (icalproperty *property)
{
  switch (icalproperty_isa (property))
    {
    case ICAL_UID_PROPERTY:
    case ICAL_DTSTAMP_PROPERTY:
    case ICAL_DTSTART_PROPERTY:
    case ICAL_DTEND_PROPERTY:
    case ICAL_DURATION_PROPERTY:
    case ICAL_SUMMARY_PROPERTY:
    case ICAL_LOCATION_PROPERTY:
    case ICAL_GEO_PROPERTY:
    case ICAL_DESCRIPTION_PROPERTY:
    case ICAL_STATUS_PROPERTY:
    case ICAL_SEQUENCE_PROPERTY:
    case ICAL_LASTMODIFIED_PROPERTY:
    case ICAL_CONTACT_PROPERTY:
      return TRUE;
    case ICAL_X_PROPERTY:
      return g_ascii_strncasecmp (icalproperty_get_x_name (property), "X-RAPPORT-",
                                  strlen ("X-RAPPORT-")) == 0;
    default:
      return FALSE;
    }
}

static void
add_x (icalcomponent *event,
       const char    *name,
       const char    *value)
{
  icalproperty *property;

  if (value == NULL || *value == '\0')
    return;
  property = icalproperty_new_x (value);
  icalproperty_set_x_name (property, name);
  icalcomponent_add_property (event, property);
}

/* The length of @base's event in minutes (DTEND or DURATION), else VISIT_MINUTES. */
static int
base_length (icalcomponent *event)
{
  icalproperty *start = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
  icalproperty *end = icalcomponent_get_first_property (event, ICAL_DTEND_PROPERTY);
  icalproperty *duration = icalcomponent_get_first_property (event, ICAL_DURATION_PROPERTY);
  int minutes = -1;

  if (duration != NULL)
    minutes = icaldurationtype_as_int (icalproperty_get_duration (duration)) / 60;
  else if (start != NULL && end != NULL)
    {
      struct icaltimetype s = icalcomponent_get_dtstart (event);
      struct icaltimetype e = icalcomponent_get_dtend (event);

      if (!s.is_date && !e.is_date)
        minutes = (int) ((icaltime_as_timet_with_zone (e, e.zone) -
                          icaltime_as_timet_with_zone (s, s.zone)) / 60);
    }
  return minutes > 0 && minutes <= 12 * 60 ? minutes : VISIT_MINUTES;
}

char *
rp_sync_visit_to_ical (RpPlannedVisit *visit,
                       RpPartner      *partner,
                       const char     *liaison,
                       const char     *base)
{
  icalcomponent *old_root = NULL;
  icalcomponent *old_event = NULL;
  icalcomponent *calendar;
  icalcomponent *event;
  icaltimezone *zone = rp_ics_local_zone ();
  g_autofree char *tzid = NULL;
  g_autofree char *start_time = rp_planned_visit_dup_start (visit);
  g_autofree char *summary = NULL;
  g_autofree char *description = NULL;
  const char *partner_name = partner != NULL ? rp_partner_get_display_name (partner)
                                             : rp_planned_visit_get_partner_name (visit);
  const char *day = rp_planned_visit_get_planned_on (visit);
  struct icaltimetype now = icaltime_current_time_with_zone (icaltimezone_get_utc_timezone ());
  int start_minutes = rp_planned_visit_get_start_minutes (visit);
  int length = VISIT_MINUTES;
  int sequence = 0;
  gboolean has_alarm = FALSE;
  char *ical;
  char *text;

  g_return_val_if_fail (RP_IS_PLANNED_VISIT (visit), NULL);

  calendar = icalcomponent_new_vcalendar ();
  icalcomponent_add_property (calendar, icalproperty_new_prodid ("-//Rapport//Rapport//EN"));
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));
  if (zone != NULL)
    {
      tzid = g_strdup (icaltimezone_get_location (zone));
      icalcomponent_add_component (calendar, rp_ics_new_vtimezone (zone, tzid, day));
    }

  event = icalcomponent_new_vevent ();

  /* What another client wrote into the event stays: its properties and components. */
  if (base != NULL && *base != '\0')
    {
      old_root = icalparser_parse_string (base);
      old_event = first_event (old_root);
    }
  if (old_event != NULL)
    {
      g_autoptr(RpSyncEvent) old = rp_sync_event_parse (base, NULL);
      icalproperty *seq = icalcomponent_get_first_property (old_event, ICAL_SEQUENCE_PROPERTY);

      length = base_length (old_event);
      if (seq != NULL)
        sequence = icalproperty_get_sequence (seq);
      if (old != NULL && (g_strcmp0 (old->planned_on, day) != 0 ||
                          g_strcmp0 (old->start_time, start_time) != 0))
        sequence++;

      for (icalproperty *p = icalcomponent_get_first_property (old_event, ICAL_ANY_PROPERTY);
           p != NULL; p = icalcomponent_get_next_property (old_event, ICAL_ANY_PROPERTY))
        if (!is_own_property (p))
          icalcomponent_add_property (event, icalproperty_new_clone (p));
      for (icalcomponent *c = icalcomponent_get_first_component (old_event, ICAL_ANY_COMPONENT);
           c != NULL; c = icalcomponent_get_next_component (old_event, ICAL_ANY_COMPONENT))
        {
          if (icalcomponent_isa (c) == ICAL_VALARM_COMPONENT)
            has_alarm = TRUE;
          icalcomponent_add_component (event, icalcomponent_new_clone (c));
        }
    }

  summary = rp_sync_visit_summary (partner_name, rp_planned_visit_get_objective (visit));
  description = rp_ics_dup_description (visit, partner);

  icalcomponent_add_property (event, icalproperty_new_uid (rp_planned_visit_get_uuid (visit)));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (now));
  icalcomponent_add_property (event, icalproperty_new_lastmodified (now));
  icalcomponent_add_property (event, icalproperty_new_sequence (sequence));
  icalcomponent_add_property (event,
                              rp_ics_new_time_property (ICAL_DTSTART_PROPERTY,
                                                        rp_ics_visit_time (day, start_minutes,
                                                                           zone), tzid));
  icalcomponent_add_property (event,
                              rp_ics_new_time_property (ICAL_DTEND_PROPERTY,
                                                        rp_ics_visit_time (day,
                                                                           start_minutes + length,
                                                                           zone), tzid));
  icalcomponent_add_property (event, icalproperty_new_summary (summary));
  if (*description != '\0')
    icalcomponent_add_property (event, icalproperty_new_description (description));
  icalcomponent_add_property (event,
                              icalproperty_new_status (rp_planned_visit_get_status (visit) ==
                                                       RP_VISIT_STATUS_CANCELLED
                                                       ? ICAL_STATUS_CANCELLED
                                                       : ICAL_STATUS_CONFIRMED));
  if (rp_planned_visit_get_status (visit) == RP_VISIT_STATUS_DONE)
    add_x (event, "X-RAPPORT-STATUS", "done");
  add_x (event, "X-RAPPORT-LIAISON", liaison);

  if (partner != NULL)
    {
      g_autofree char *address = rp_partner_dup_address_line (partner);
      g_autofree char *altrep = g_strconcat ("urn:uuid:", rp_partner_get_uuid (partner), NULL);
      icalproperty *contact;

      if (*address != '\0')
        icalcomponent_add_property (event, icalproperty_new_location (address));
      if (rp_partner_get_has_location (partner))
        {
          struct icalgeotype geo;

          geo.lat = rp_partner_get_latitude (partner);
          geo.lon = rp_partner_get_longitude (partner);
          icalcomponent_add_property (event, icalproperty_new_geo (geo));
        }
      contact = icalproperty_new_contact (rp_partner_get_display_name (partner));
      icalproperty_add_parameter (contact, icalparameter_new_altrep (altrep));
      icalcomponent_add_property (event, contact);
      add_x (event, "X-RAPPORT-PARTNER-UID", rp_partner_get_uuid (partner));
    }

  if (!has_alarm)
    {
      icalcomponent *alarm = icalcomponent_new_valarm ();
      struct icaltriggertype trigger;

      icalcomponent_add_property (alarm, icalproperty_new_action (ICAL_ACTION_DISPLAY));
      memset (&trigger, 0, sizeof trigger);
      trigger.time = icaltime_null_time ();
      trigger.duration = icaldurationtype_from_int (-ALARM_MINUTES * 60);
      icalcomponent_add_property (alarm, icalproperty_new_trigger (trigger));
      icalcomponent_add_property (alarm, icalproperty_new_description (summary));
      icalcomponent_add_component (event, alarm);
    }

  icalcomponent_add_component (calendar, event);
  if (old_root != NULL)
    icalcomponent_free (old_root);

  ical = icalcomponent_as_ical_string_r (calendar);
  text = g_strdup (ical);
  icalmemory_free_buffer (ical);
  icalcomponent_free (calendar);
  return text;
}
