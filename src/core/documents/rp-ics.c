/* rp-ics.c: the week's planned visits as an iCalendar file (libical).
 *
 * The events carry the local time zone by name (TZID) with its VTIMEZONE, so a calendar shows a
 * visit at 09:00 on either side of a DST change. The zone's Olson name comes from $TZ, then
 * /etc/timezone, then the /etc/localtime link; when none gives a zone libical knows, the times
 * are written in UTC instead, which every calendar also reads right.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <libical/ical.h>

#include "rp-ics.h"
#include "rp-store-partners.h"
#include "rp-store-visits.h"

#define VISIT_MINUTES RP_PLANNED_VISIT_MINUTES
#define ALARM_MINUTES 30

/* ── ISO weeks ────────────────────────────────────────────────────────────────────────── */

static gboolean
parse_day (const char *day,
           GDate      *date)
{
  int year, month, dom;

  g_date_clear (date, 1);
  if (day == NULL || strlen (day) != 10 || day[4] != '-' || day[7] != '-' ||
      !g_ascii_isdigit (day[0]) || !g_ascii_isdigit (day[5]) || !g_ascii_isdigit (day[8]))
    return FALSE;

  year = atoi (day);
  month = atoi (day + 5);
  dom = atoi (day + 8);
  if (!g_date_valid_dmy ((GDateDay) dom, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_date_set_dmy (date, (GDateDay) dom, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

static char *
format_day (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static void
to_monday (GDate *date)
{
  g_date_subtract_days (date, g_date_get_weekday (date) - G_DATE_MONDAY);
}

static char *
dup_local_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

char *
rp_week_monday_from_iso (const char  *iso_week,
                         GError     **error)
{
  GDate monday;
  GDate last;
  guint year = 0;
  guint week = 0;
  guint n_weeks;

  if (iso_week != NULL && strlen (iso_week) == 8 && iso_week[4] == '-' &&
      (iso_week[5] == 'W' || iso_week[5] == 'w'))
    {
      for (guint i = 0; i < 4 && g_ascii_isdigit (iso_week[i]); i++)
        year = year * 10 + (guint) (iso_week[i] - '0');
      for (guint i = 6; i < 8 && g_ascii_isdigit (iso_week[i]); i++)
        week = week * 10 + (guint) (iso_week[i] - '0');
      if (!g_ascii_isdigit (iso_week[3]) || !g_ascii_isdigit (iso_week[7]))
        year = 0;
    }

  if (year >= 1 && year <= 9998 && week >= 1)
    {
      /* 28 December is always in the year's last ISO week. */
      g_date_clear (&last, 1);
      g_date_set_dmy (&last, 28, G_DATE_DECEMBER, (GDateYear) year);
      n_weeks = g_date_get_iso8601_week_of_year (&last);

      if (week <= n_weeks)
        {
          /* Week 1 is the one holding 4 January. */
          g_date_clear (&monday, 1);
          g_date_set_dmy (&monday, 4, G_DATE_JANUARY, (GDateYear) year);
          to_monday (&monday);
          g_date_add_days (&monday, (week - 1) * 7);
          return format_day (&monday);
        }
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               /* Translators: %s is what the user typed; keep YYYY-Www as it is. */
               _("“%s” is not a week: write it as YYYY-Www, for example 2026-W48"),
               iso_week != NULL ? iso_week : "");
  return NULL;
}

char *
rp_week_monday (const char *day)
{
  g_autofree char *today = NULL;
  GDate date;

  if (day == NULL)
    day = today = dup_local_today ();

  if (!parse_day (day, &date))
    return NULL;

  to_monday (&date);
  return format_day (&date);
}

char *
rp_week_to_iso (const char *day)
{
  g_autofree char *today = NULL;
  GDate date;
  GDate thursday;

  if (day == NULL)
    day = today = dup_local_today ();

  if (!parse_day (day, &date))
    return NULL;

  /* The ISO year is the year of the week's Thursday. */
  thursday = date;
  to_monday (&thursday);
  g_date_add_days (&thursday, 3);

  return g_strdup_printf ("%04d-W%02u", g_date_get_year (&thursday),
                          g_date_get_iso8601_week_of_year (&date));
}

/* ── Time zone ────────────────────────────────────────────────────────────────────────── */

/* "America/New_York" out of "/usr/share/zoneinfo/America/New_York" or ":America/New_York". */
static char *
olson_name_from (const char *text)
{
  g_autofree char *name = g_strstrip (g_strdup (text != NULL ? text : ""));
  const char *start = name;
  const char *zoneinfo;

  if (*start == ':')
    start++;

  zoneinfo = strstr (start, "zoneinfo/");
  if (zoneinfo != NULL)
    start = zoneinfo + strlen ("zoneinfo/");
  else if (*start == '/')
    return NULL;

  if (*start == '\0')
    return NULL;

  return g_strdup (start);
}

static icaltimezone *
zone_for_name (const char *name)
{
  if (name == NULL)
    return NULL;

  /* libical's UTC is not a zone with a VTIMEZONE; UTC times say it with "Z". */
  if (g_str_equal (name, "UTC") || g_str_equal (name, "Etc/UTC") || g_str_equal (name, "UCT") ||
      g_str_equal (name, "Etc/UCT") || g_str_equal (name, "Zulu") || g_str_equal (name, "GMT") ||
      g_str_equal (name, "Etc/GMT"))
    return NULL;

  return icaltimezone_get_builtin_timezone (name);
}

/* The local zone as libical knows it; NULL for UTC or when it cannot be named. */
icaltimezone *
rp_ics_local_zone (void)
{
  const char *tz = g_getenv ("TZ");
  g_autofree char *contents = NULL;
  g_autofree char *link = NULL;
  g_autofree char *name = NULL;

  if (tz != NULL && *tz != '\0')
    {
      /* $TZ decides even when libical does not know it: GLib's local time follows it. */
      name = olson_name_from (tz);
      return zone_for_name (name);
    }

  if (g_file_get_contents ("/etc/timezone", &contents, NULL, NULL))
    {
      name = olson_name_from (contents);
      if (name != NULL)
        return zone_for_name (name);
    }

  link = g_file_read_link ("/etc/localtime", NULL);
  if (link != NULL)
    {
      name = olson_name_from (link);
      return zone_for_name (name);
    }

  return NULL;
}

/* ── Visit times ──────────────────────────────────────────────────────────────────────── */

struct icaltimetype
rp_ics_visit_time (const char   *day,
                   int           minutes,
                   icaltimezone *zone)
{
  struct icaltimetype t = icaltime_null_time ();
  GDate date;

  parse_day (day, &date);

  if (zone != NULL)
    {
      t.year = g_date_get_year (&date);
      t.month = g_date_get_month (&date);
      t.day = g_date_get_day (&date);
      t.hour = minutes / 60;
      t.minute = minutes % 60;
      t.second = 0;
      t.is_date = 0;
      return t;   /* floating: the TZID parameter names the zone */
    }
  else
    {
      /* No zone to name: the local wall time (GLib follows $TZ) written in UTC. */
      g_autoptr(GDateTime) local = NULL;
      g_autoptr(GDateTime) utc = NULL;

      local = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                     g_date_get_day (&date), minutes / 60, minutes % 60, 0);
      utc = g_date_time_to_utc (local);
      t.year = g_date_time_get_year (utc);
      t.month = g_date_time_get_month (utc);
      t.day = g_date_time_get_day_of_month (utc);
      t.hour = g_date_time_get_hour (utc);
      t.minute = g_date_time_get_minute (utc);
      t.second = 0;
      t.is_date = 0;
      return icaltime_set_timezone (&t, icaltimezone_get_utc_timezone ());
    }
}

char *
rp_ics_dup_description (RpPlannedVisit *visit,
                        RpPartner      *partner)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *objective = rp_planned_visit_get_objective (visit);

  if (*objective != '\0')
    g_string_append (text, objective);

  if (partner != NULL)
    {
      const char *phone = rp_partner_get_phone (partner);
      const char *contact = rp_partner_get_office_contact (partner);
      const char *best_time = rp_partner_get_best_time (partner);

      if (*phone != '\0')
        {
          if (text->len > 0)
            g_string_append_c (text, '\n');
          g_string_append_printf (text, _("Phone: %s"), phone);
        }
      if (*contact != '\0')
        {
          if (text->len > 0)
            g_string_append_c (text, '\n');
          g_string_append_printf (text, _("Office contact: %s"), contact);
        }
      if (*best_time != '\0')
        {
          if (text->len > 0)
            g_string_append_c (text, '\n');
          g_string_append_printf (text, _("Best time: %s"), best_time);
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The zone's VTIMEZONE under the plain Olson name @tzid, cut to the rules in force from a year
 * before @monday: libical's holds the zone's whole history since the 1880s, which is large and
 * which some readers trip over. */
icalcomponent *
rp_ics_new_vtimezone (icaltimezone *zone,
                      const char   *tzid,
                      const char   *monday)
{
  icalcomponent *vtimezone = icalcomponent_new_clone (icaltimezone_get_component (zone));
  struct icaltimetype start = icaltime_null_time ();
  struct icaltimetype end = icaltime_null_time ();
  icalproperty *property;
  GDate date;

  parse_day (monday, &date);
  start.year = g_date_get_year (&date) - 1;
  start.month = 1;
  start.day = 1;
  start = icaltime_set_timezone (&start, icaltimezone_get_utc_timezone ());
  icaltimezone_truncate_vtimezone (vtimezone, start, end, 0);

  /* Drop libical's own name and markers; name the zone as the events do. */
  while ((property = icalcomponent_get_first_property (vtimezone, ICAL_TZID_PROPERTY)) != NULL)
    {
      icalcomponent_remove_property (vtimezone, property);
      icalproperty_free (property);
    }
  while ((property = icalcomponent_get_first_property (vtimezone, ICAL_X_PROPERTY)) != NULL)
    {
      icalcomponent_remove_property (vtimezone, property);
      icalproperty_free (property);
    }
  icalcomponent_add_property (vtimezone, icalproperty_new_tzid (tzid));

  return vtimezone;
}

/* DTSTART or DTEND: local time with the zone's TZID, or UTC when @tzid is NULL. */
icalproperty *
rp_ics_new_time_property (icalproperty_kind    kind,
                          struct icaltimetype  time,
                          const char          *tzid)
{
  icalproperty *property = icalproperty_new (kind);

  icalproperty_set_value (property, icalvalue_new_datetime (time));
  if (tzid != NULL)
    icalproperty_add_parameter (property, icalparameter_new_tzid (tzid));

  return property;
}

static icalcomponent *
new_event (RpPlannedVisit      *visit,
           RpPartner           *partner,
           struct icaltimetype  start,
           struct icaltimetype  end,
           const char          *tzid,
           struct icaltimetype  stamp)
{
  icalcomponent *event = icalcomponent_new_vevent ();
  icalcomponent *alarm;
  struct icaltriggertype trigger;
  g_autofree char *uid = g_strdup_printf ("%s@rapport", rp_planned_visit_get_uuid (visit));
  g_autofree char *summary = NULL;
  g_autofree char *description = rp_ics_dup_description (visit, partner);
  const char *name = rp_planned_visit_get_partner_name (visit);

  /* Translators: the title of a visit in the calendar; %s is the partner's name. */
  summary = g_strdup_printf (_("Visit: %s"), name);

  icalcomponent_add_property (event, icalproperty_new_uid (uid));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (stamp));
  icalcomponent_add_property (event,
                              rp_ics_new_time_property (ICAL_DTSTART_PROPERTY, start, tzid));
  icalcomponent_add_property (event,
                              rp_ics_new_time_property (ICAL_DTEND_PROPERTY, end, tzid));
  icalcomponent_add_property (event, icalproperty_new_summary (summary));

  if (partner != NULL)
    {
      g_autofree char *address = rp_partner_dup_address_line (partner);

      if (*address != '\0')
        icalcomponent_add_property (event, icalproperty_new_location (address));

      if (rp_partner_get_has_location (partner))
        {
          struct icalgeotype geo;

          geo.lat = rp_partner_get_latitude (partner);
          geo.lon = rp_partner_get_longitude (partner);
          icalcomponent_add_property (event, icalproperty_new_geo (geo));
        }
    }

  if (*description != '\0')
    icalcomponent_add_property (event, icalproperty_new_description (description));

  if (rp_planned_visit_get_status (visit) == RP_VISIT_STATUS_DONE)
    icalcomponent_add_property (event, icalproperty_new_status (ICAL_STATUS_CONFIRMED));

  alarm = icalcomponent_new_valarm ();
  icalcomponent_add_property (alarm, icalproperty_new_action (ICAL_ACTION_DISPLAY));
  memset (&trigger, 0, sizeof trigger);
  trigger.time = icaltime_null_time ();
  trigger.duration = icaldurationtype_from_int (-ALARM_MINUTES * 60);
  icalcomponent_add_property (alarm, icalproperty_new_trigger (trigger));
  icalcomponent_add_property (alarm, icalproperty_new_description (summary));
  icalcomponent_add_component (event, alarm);

  return event;
}

static char *
export_week (RpStore     *store,
             const char  *monday,
             guint       *n_events,
             GError     **error)
{
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autofree char *sunday = NULL;
  g_autofree char *week = NULL;
  g_autofree char *calendar_name = NULL;
  icalcomponent *calendar;
  icaltimezone *zone;
  g_autofree char *tzid = NULL;
  struct icaltimetype stamp;
  char *ical;
  char *text;
  guint count = 0;
  GDate date;

  if (!parse_day (monday, &date))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a date"), monday != NULL ? monday : "");
      return NULL;
    }
  to_monday (&date);
  g_date_add_days (&date, 6);
  sunday = format_day (&date);

  visits = rp_store_list_visits_between (store, monday, sunday, FALSE, error);
  if (visits == NULL)
    return NULL;

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), visits->len);
  for (guint i = 0; i < visits->len; i++)
    {
      gint64 id = rp_planned_visit_get_partner_id (g_ptr_array_index (visits, i));
      g_array_append_val (ids, id);
    }

  by_id = rp_store_load_partners_by_id (store, (const gint64 *) (gpointer) ids->data, ids->len,
                                        NULL, error);
  if (by_id == NULL)
    return NULL;

  zone = rp_ics_local_zone ();
  week = rp_week_to_iso (monday);

  calendar = icalcomponent_new_vcalendar ();
  icalcomponent_add_property (calendar, icalproperty_new_prodid ("-//Rapport//Rapport//EN"));
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));
  icalcomponent_add_property (calendar, icalproperty_new_method (ICAL_METHOD_PUBLISH));
  /* Translators: the name of the exported calendar; %s is a week such as 2026-W48. */
  calendar_name = g_strdup_printf (_("Rapport visits, %s"), week);
  {
    icalproperty *name = icalproperty_new_x (calendar_name);

    icalproperty_set_x_name (name, "X-WR-CALNAME");
    icalcomponent_add_property (calendar, name);
  }

  if (zone != NULL)
    {
      tzid = g_strdup (icaltimezone_get_location (zone));
      icalcomponent_add_component (calendar, rp_ics_new_vtimezone (zone, tzid, monday));
    }

  stamp = icaltime_current_time_with_zone (icaltimezone_get_utc_timezone ());

  for (guint i = 0; i < visits->len; i++)
    {
      RpPlannedVisit *visit = g_ptr_array_index (visits, i);
      gint64 partner_id = rp_planned_visit_get_partner_id (visit);
      RpPartner *partner = g_hash_table_lookup (by_id, &partner_id);
      const char *day = rp_planned_visit_get_planned_on (visit);
      /* The team calendar's rule: a visit's event here and there start alike. */
      int start = rp_planned_visit_get_start_minutes (visit);

      icalcomponent_add_component (calendar,
                                   new_event (visit, partner,
                                              rp_ics_visit_time (day, start, zone),
                                              rp_ics_visit_time (day, start + VISIT_MINUTES,
                                                                 zone),
                                              tzid, stamp));
      count++;
    }

  ical = icalcomponent_as_ical_string_r (calendar);
  text = g_strdup (ical);
  icalmemory_free_buffer (ical);
  icalcomponent_free (calendar);

  if (n_events != NULL)
    *n_events = count;

  return text;
}

char *
rp_ics_export_week (RpStore    *store,
                    const char *monday,
                    GError    **error)
{
  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (monday != NULL, NULL);

  return export_week (store, monday, NULL, error);
}

gboolean
rp_ics_write_week (RpStore    *store,
                   const char *monday,
                   const char *path,
                   guint      *n_events,
                   GError    **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (RP_IS_STORE (store), FALSE);
  g_return_val_if_fail (monday != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  text = export_week (store, monday, n_events, error);
  if (text == NULL)
    return FALSE;

  /* g_file_set_contents writes a temporary file and renames it over @path. */
  return g_file_set_contents (path, text, -1, error);
}
