/* test-ics.c: ISO weeks, and the week's visits as iCalendar parsed back with libical: one
 * VEVENT per visit that is not cancelled, GEO, VALARM, TZID and times that survive the DST
 * change (the test runs in America/New_York).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>
#include <time.h>

#include <glib/gstdio.h>
#include <libical/ical.h>

#include "rp-ics.h"
#include "rp-store-partners.h"
#include "rp-store-visits.h"
#include "rp-store.h"

static void
test_weeks (void)
{
  struct { const char *week; const char *monday; } valid[] = {
    { "2026-W48", "2026-11-23" },
    { "2026-W01", "2025-12-29" },
    { "2026-W53", "2026-12-28" },   /* 2026 starts on a Thursday: 53 weeks */
    { "2020-w10", "2020-03-02" },
  };
  const char *invalid[] = { "2025-W53", "2026-W00", "2026-48", "2026W48", "garbage", "",
                            "2026-W4x", "2026-W480" };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *monday = rp_week_monday_from_iso (valid[i].week, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (monday, ==, valid[i].monday);
    }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *monday = rp_week_monday_from_iso (invalid[i], &error);

      g_assert_null (monday);
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, "YYYY-Www"));
    }

  {
    g_autofree char *a = rp_week_monday ("2026-11-29");
    g_autofree char *b = rp_week_monday ("2026-11-23");
    g_autofree char *c = rp_week_to_iso ("2027-01-01");
    g_autofree char *d = rp_week_to_iso ("2026-11-25");
    g_autofree char *e = rp_week_to_iso ("2024-12-30");
    g_autofree char *f = rp_week_monday ("not a day");
    g_autofree char *today = rp_week_monday (NULL);

    g_assert_cmpstr (a, ==, "2026-11-23");
    g_assert_cmpstr (b, ==, "2026-11-23");
    g_assert_cmpstr (c, ==, "2026-W53");
    g_assert_cmpstr (d, ==, "2026-W48");
    g_assert_cmpstr (e, ==, "2025-W01");
    g_assert_null (f);
    g_assert_nonnull (today);
  }
}

static gint64
add_partner (RpStore    *store,
             const char *last_name,
             gboolean    placed,
             const char *best_time)
{
  g_autoptr(RpPartner) partner = rp_partner_new (RP_PARTNER_KIND_PERSON);
  g_autoptr(GError) error = NULL;

  rp_partner_set_first_name (partner, "Ada");
  rp_partner_set_last_name (partner, last_name);
  rp_partner_set_street (partner, "12 Oak St");
  rp_partner_set_city (partner, "Columbus");
  rp_partner_set_state (partner, "OH");
  rp_partner_set_zip (partner, "43215");
  rp_partner_set_phone (partner, "(614) 555-0123");
  rp_partner_set_office_contact (partner, "Rosa");
  if (best_time != NULL)
    rp_partner_set_best_time (partner, best_time);
  if (placed)
    rp_partner_set_location (partner, 39.96, -83.0);
  g_assert_true (rp_store_insert_partner (store, partner, &error));
  g_assert_no_error (error);

  return rp_partner_get_id (partner);
}

static RpPlannedVisit *
plan (RpStore    *store,
      gint64      partner_id,
      const char *day,
      const char *objective)
{
  g_autoptr(GError) error = NULL;
  RpPlannedVisit *visit = rp_store_plan_visit (store, partner_id, day, objective, &error);

  g_assert_no_error (error);
  return visit;
}

static icalcomponent *
parse (const char *text)
{
  icalcomponent *calendar = icalparser_parse_string (text);

  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);

  return calendar;
}

/* DTSTART of @event in UTC, "HH:MM". */
static char *
start_utc (icalcomponent *event)
{
  struct icaltimetype start = icalcomponent_get_dtstart (event);
  struct icaltimetype utc;

  g_assert_nonnull (start.zone);
  utc = icaltime_convert_to_zone (start, icaltimezone_get_utc_timezone ());
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02dZ", utc.year, utc.month, utc.day, utc.hour,
                          utc.minute);
}

static icalcomponent *
find_event (icalcomponent *calendar,
            const char    *uid)
{
  for (icalcomponent *event = icalcomponent_get_first_component (calendar,
                                                                  ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      if (g_strcmp0 (icalcomponent_get_uid (event), uid) == 0)
        return event;
    }

  return NULL;
}

static void
test_export (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = rp_store_open (":memory:", &error);
  g_autoptr(RpPlannedVisit) first = NULL;
  g_autoptr(RpPlannedVisit) second = NULL;
  g_autoptr(RpPlannedVisit) afternoon = NULL;
  g_autoptr(RpPlannedVisit) cancelled = NULL;
  g_autoptr(RpPlannedVisit) next_week = NULL;
  g_autofree char *text = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *time = NULL;
  icalcomponent *calendar;
  icalcomponent *event;
  icalcomponent *alarm;
  icalcomponent *vtimezone;
  icalproperty *property;
  icalparameter *tzid;
  struct icaltriggertype trigger;
  struct icalgeotype geo;
  gint64 placed, unplaced, busy;

  g_assert_no_error (error);
  placed = add_partner (store, "Placed", TRUE, NULL);
  unplaced = add_partner (store, "Unplaced", FALSE, "Tue/Thu mornings");
  busy = add_partner (store, "Busy", TRUE, "Any weekday 3–4:30 pm");

  first = plan (store, placed, "2026-11-23", "Bring referral pads");
  second = plan (store, unplaced, "2026-11-23", NULL);
  afternoon = plan (store, busy, "2026-11-25", "Lunch-and-learn");
  cancelled = plan (store, busy, "2026-11-24", NULL);
  g_assert_true (rp_store_set_visit_status (store, rp_planned_visit_get_id (cancelled),
                                            RP_VISIT_STATUS_CANCELLED, 0, &error));
  next_week = plan (store, placed, "2026-11-30", NULL);

  text = rp_ics_export_week (store, "2026-11-23", &error);
  g_assert_no_error (error);
  g_assert_nonnull (text);

  calendar = parse (text);
  g_assert_cmpstr (icalproperty_get_prodid (icalcomponent_get_first_property (
                     calendar, ICAL_PRODID_PROPERTY)), ==, "-//Rapport//Rapport//EN");
  g_assert_cmpstr (icalproperty_get_version (icalcomponent_get_first_property (
                     calendar, ICAL_VERSION_PROPERTY)), ==, "2.0");
  g_assert_cmpint (icalproperty_get_method (icalcomponent_get_first_property (
                     calendar, ICAL_METHOD_PROPERTY)), ==, ICAL_METHOD_PUBLISH);
  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VEVENT_COMPONENT), ==, 3);

  vtimezone = icalcomponent_get_first_component (calendar, ICAL_VTIMEZONE_COMPONENT);
  g_assert_nonnull (vtimezone);
  g_assert_cmpstr (icalproperty_get_tzid (icalcomponent_get_first_property (
                     vtimezone, ICAL_TZID_PROPERTY)), ==, "America/New_York");

  /* The first visit of Monday: 09:00 local, 45 minutes, with everything a calendar shows. */
  uid = g_strdup_printf ("%s@rapport", rp_planned_visit_get_uuid (first));
  event = find_event (calendar, uid);
  g_assert_nonnull (event);
  g_assert_cmpstr (icalcomponent_get_summary (event), ==, "Visit: Ada Placed");
  g_assert_cmpstr (icalcomponent_get_location (event), ==, "12 Oak St, Columbus, OH 43215");
  g_assert_nonnull (strstr (icalcomponent_get_description (event), "Bring referral pads"));
  g_assert_nonnull (strstr (icalcomponent_get_description (event), "(614) 555-0123"));
  g_assert_nonnull (strstr (icalcomponent_get_description (event), "Rosa"));
  property = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
  tzid = icalproperty_get_first_parameter (property, ICAL_TZID_PARAMETER);
  g_assert_nonnull (tzid);
  g_assert_cmpstr (icalparameter_get_tzid (tzid), ==, "America/New_York");
  g_assert_nonnull (icalcomponent_get_first_property (event, ICAL_DTSTAMP_PROPERTY));
  time = start_utc (event);
  g_assert_cmpstr (time, ==, "2026-11-23T14:00Z");
  g_clear_pointer (&time, g_free);
  g_assert_cmpint (icaldurationtype_as_int (icalcomponent_get_duration (event)), ==, 45 * 60);
  property = icalcomponent_get_first_property (event, ICAL_GEO_PROPERTY);
  g_assert_nonnull (property);
  geo = icalproperty_get_geo (property);
  g_assert_cmpfloat_with_epsilon (geo.lat, 39.96, 1e-6);
  g_assert_cmpfloat_with_epsilon (geo.lon, -83.0, 1e-6);
  alarm = icalcomponent_get_first_component (event, ICAL_VALARM_COMPONENT);
  g_assert_nonnull (alarm);
  g_assert_cmpint (icalproperty_get_action (icalcomponent_get_first_property (
                     alarm, ICAL_ACTION_PROPERTY)), ==, ICAL_ACTION_DISPLAY);
  trigger = icalproperty_get_trigger (icalcomponent_get_first_property (alarm,
                                                                        ICAL_TRIGGER_PROPERTY));
  g_assert_cmpint (icaldurationtype_as_int (trigger.duration), ==, -30 * 60);
  g_assert_nonnull (icalcomponent_get_first_property (alarm, ICAL_DESCRIPTION_PROPERTY));

  /* The second follows the first an hour later (the visit and the drive: the team calendar's
   * rule); an unplaced partner has no GEO. */
  g_free (uid);
  uid = g_strdup_printf ("%s@rapport", rp_planned_visit_get_uuid (second));
  event = find_event (calendar, uid);
  g_assert_nonnull (event);
  time = start_utc (event);
  g_assert_cmpstr (time, ==, "2026-11-23T15:00Z");
  g_clear_pointer (&time, g_free);
  g_assert_null (icalcomponent_get_first_property (event, ICAL_GEO_PROPERTY));
  g_assert_nonnull (icalcomponent_get_first_component (event, ICAL_VALARM_COMPONENT));

  /* The best time is said in the description; the day's first stop is at 09:00. */
  g_free (uid);
  uid = g_strdup_printf ("%s@rapport", rp_planned_visit_get_uuid (afternoon));
  event = find_event (calendar, uid);
  g_assert_nonnull (event);
  time = start_utc (event);
  g_assert_cmpstr (time, ==, "2026-11-25T14:00Z");
  g_assert_nonnull (strstr (icalcomponent_get_description (event), "3–4:30 pm"));
  g_clear_pointer (&time, g_free);

  /* Cancelled and next week's visits are not in it. */
  g_free (uid);
  uid = g_strdup_printf ("%s@rapport", rp_planned_visit_get_uuid (cancelled));
  g_assert_null (find_event (calendar, uid));
  g_free (uid);
  uid = g_strdup_printf ("%s@rapport", rp_planned_visit_get_uuid (next_week));
  g_assert_null (find_event (calendar, uid));

  icalcomponent_free (calendar);
}

static void
test_dst (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = rp_store_open (":memory:", &error);
  g_autoptr(RpPlannedVisit) before = NULL;
  g_autoptr(RpPlannedVisit) after = NULL;
  struct { const char *monday; const char *expected; } weeks[] = {
    { "2026-03-02", "2026-03-02T14:00Z" },   /* EST, UTC-5 */
    { "2026-03-09", "2026-03-09T13:00Z" },   /* EDT since 8 March, UTC-4 */
  };
  gint64 partner;

  g_assert_no_error (error);
  partner = add_partner (store, "Seasonal", TRUE, NULL);
  before = plan (store, partner, "2026-03-02", NULL);
  after = plan (store, partner, "2026-03-09", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (weeks); i++)
    {
      g_autofree char *text = rp_ics_export_week (store, weeks[i].monday, &error);
      g_autofree char *time = NULL;
      icalcomponent *calendar;
      icalcomponent *event;
      struct icaltimetype start;

      g_assert_no_error (error);
      calendar = parse (text);
      g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VEVENT_COMPONENT), ==, 1);
      event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);

      start = icalcomponent_get_dtstart (event);
      g_assert_cmpint (start.hour, ==, 9);
      g_assert_cmpint (start.minute, ==, 0);
      time = start_utc (event);
      g_assert_cmpstr (time, ==, weeks[i].expected);

      icalcomponent_free (calendar);
    }
}

static void
test_write (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = rp_store_open (":memory:", &error);
  g_autoptr(RpPlannedVisit) visit = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rapport-ics-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "week.ics", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-dir", "week.ics", NULL);
  g_autofree char *contents = NULL;
  guint n_events = 0;

  g_assert_no_error (error);
  visit = plan (store, add_partner (store, "Written", TRUE, NULL), "2026-11-26", "Say hello");

  g_assert_true (rp_ics_write_week (store, "2026-11-23", path, &n_events, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_events, ==, 1);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_true (g_str_has_prefix (contents, "BEGIN:VCALENDAR"));
  g_assert_nonnull (strstr (contents, "Say hello"));

  /* A week with no visits is a calendar with no events. */
  g_assert_true (rp_ics_write_week (store, "2026-11-30", path, &n_events, &error));
  g_assert_cmpuint (n_events, ==, 0);

  g_assert_false (rp_ics_write_week (store, "2026-11-23", missing, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (rp_ics_write_week (store, "someday", path, NULL, &error));
  g_assert_nonnull (error);

  g_remove (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  /* This test sets its own zone: New York, which changes to DST on 8 March 2026. */
  g_setenv ("TZ", "America/New_York", TRUE);
  tzset ();

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ics/weeks", test_weeks);
  g_test_add_func ("/ics/export", test_export);
  g_test_add_func ("/ics/dst", test_dst);
  g_test_add_func ("/ics/write", test_write);

  return g_test_run ();
}
