/* test-sync-mapping.c: what team sync writes to and reads from the server, and the field merge,
 * without a server.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>
#include <time.h>

#include <libical/ical.h>

#include "rp-ics.h"
#include "rp-store-partners.h"
#include "rp-store-visits.h"
#include "rp-sync-ical.h"
#include "rp-sync-merge.h"
#include "rp-test-core.h"
#include "rp-vcard.h"

static RpPartner *
make_partner (void)
{
  RpPartner *partner = rp_partner_new (RP_PARTNER_KIND_PERSON);

  rp_partner_set_uuid (partner, "0f9e8d7c-1111-4222-8333-444455556666");
  rp_partner_set_prefix (partner, "Dr.");
  rp_partner_set_first_name (partner, "Ada");
  rp_partner_set_last_name (partner, "Lee");
  rp_partner_set_credentials (partner, "MD");
  rp_partner_set_street (partner, "100 Main St, Suite 2");
  rp_partner_set_city (partner, "Springfield");
  rp_partner_set_state (partner, "IL");
  rp_partner_set_zip (partner, "62701");
  rp_partner_set_location (partner, 39.781721, -89.650148);
  rp_partner_set_notes (partner, "Coffee, mornings; no calls");
  rp_partner_set_tags (partner, "spine, sports");
  rp_partner_set_npi (partner, "1234567893");
  rp_partner_set_cadence_days (partner, 14);
  rp_partner_set_updated_at (partner, "2026-12-07T10:15:00Z");
  return partner;
}

/* A card and back: every synced field, commas included; another client's property kept. */
static void
test_vcard_round_trip (void)
{
  g_autoptr(RpPartner) partner = make_partner ();
  g_autoptr(RpPartner) back = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *card = NULL;
  g_autofree char *again = NULL;
  static const char foreign[] =
    "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:urn:uuid:0f9e8d7c-1111-4222-8333-444455556666\r\n"
    "FN:Old\r\nX-PHONE-RING:bells\r\nPHOTO:data:image/png;base64,AAAA\r\nEND:VCARD\r\n";

  card = rp_vcard_partner_to_card (partner, foreign);
  g_assert_nonnull (strstr (card, "VERSION:4.0"));
  g_assert_nonnull (strstr (card, "UID:urn:uuid:0f9e8d7c-1111-4222-8333-444455556666"));
  g_assert_nonnull (strstr (card, "X-PHONE-RING:bells"));
  g_assert_nonnull (strstr (card, "REV:20261207T101500Z"));
  g_assert_null (strstr (card, "FN:Old"));

  back = rp_vcard_card_to_partner (card, &error);
  g_assert_no_error (error);
  before = rp_sync_partner_fields (partner);
  after = rp_sync_partner_fields (back);
  g_assert_true (rp_sync_fields_equal (before, after));
  g_assert_cmpstr (rp_partner_get_updated_at (back), ==, "2026-12-07T10:15:00Z");

  /* Written again from its own card: the same text. */
  again = rp_vcard_partner_to_card (back, card);
  g_assert_cmpstr (again, ==, card);
}

/* What servers and other clients send: coordinates with either separator or cut after the
 * comma, a card without N, none without UID. */
static void
test_vcard_lenient (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpPartner) a = NULL;
  g_autoptr(RpPartner) b = NULL;
  g_autoptr(RpPartner) c = NULL;

  a = rp_vcard_card_to_partner ("BEGIN:VCARD\r\nVERSION:4.0\r\nUID:a\r\nFN:Kim Jae\r\n"
                                "ADR;GEO=\"geo:40.5;-83.25\":;;1 Elm;Columbus;OH;43215;USA\r\n"
                                "END:VCARD\r\n", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rp_partner_get_last_name (a), ==, "Kim Jae");
  g_assert_true (rp_partner_get_has_location (a));
  g_assert_cmpfloat_with_epsilon (rp_partner_get_longitude (a), -83.25, 1e-9);

  b = rp_vcard_card_to_partner ("BEGIN:VCARD\r\nVERSION:4.0\r\nUID:b\r\nFN:X\r\n"
                                "ADR;GEO=geo:40.5:;;1 Elm;Columbus;OH;43215;USA\r\n"
                                "END:VCARD\r\n", &error);
  g_assert_no_error (error);
  g_assert_false (rp_partner_get_has_location (b));

  c = rp_vcard_card_to_partner ("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:No UID\r\nEND:VCARD\r\n",
                                &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_null (c);
}

static GHashTable *
table (const char *first,
       ...)
{
  GHashTable *fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  va_list args;

  va_start (args, first);
  for (const char *key = first; key != NULL; key = va_arg (args, const char *))
    g_hash_table_insert (fields, g_strdup (key), g_strdup (va_arg (args, const char *)));
  va_end (args);
  return fields;
}

static void
test_merge (void)
{
  g_autoptr(GHashTable) base = table ("phone", "1", "email", "a@x", "notes", "n", NULL);
  g_autoptr(GHashTable) local = table ("phone", "2", "email", "a@x", "notes", "mine", NULL);
  g_autoptr(GHashTable) remote = table ("phone", "1", "email", "b@x", "notes", "theirs", NULL);
  g_autoptr(GHashTable) merged = NULL;
  g_autoptr(GHashTable) two_way = NULL;
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func (
    (GDestroyNotify) rp_sync_conflict_free);
  RpSyncConflict *conflict;

  merged = rp_sync_merge (base, local, remote, FALSE, conflicts);
  g_assert_cmpstr (g_hash_table_lookup (merged, "phone"), ==, "2");
  g_assert_cmpstr (g_hash_table_lookup (merged, "email"), ==, "b@x");
  g_assert_cmpstr (g_hash_table_lookup (merged, "notes"), ==, "theirs");
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = g_ptr_array_index (conflicts, 0);
  g_assert_cmpstr (conflict->field, ==, "notes");
  g_assert_cmpstr (conflict->lost, ==, "mine");

  /* No base (two copies made apart): an empty side takes the other's value. */
  g_hash_table_insert (local, g_strdup ("email"), g_strdup (""));
  two_way = rp_sync_merge (NULL, local, remote, TRUE, NULL);
  g_assert_cmpstr (g_hash_table_lookup (two_way, "email"), ==, "b@x");
  g_assert_cmpstr (g_hash_table_lookup (two_way, "notes"), ==, "mine");
}

/* A visit as an event and back; a phone's edit of the summary gives the objective. */
static void
test_event (void)
{
  g_autoptr(RpPartner) partner = make_partner ();
  g_autoptr(RpPlannedVisit) visit = rp_planned_visit_new ();
  g_autoptr(RpSyncEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ical = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *objective = NULL;

  rp_planned_visit_set_uuid (visit, "7a7a7a7a-1111-4222-8333-444455556666");
  rp_planned_visit_set_planned_on (visit, "2026-12-09");
  rp_planned_visit_set_position (visit, 2);
  rp_planned_visit_set_objective (visit, "Flyers");
  ical = rp_sync_visit_to_ical (visit, partner, "Alice", NULL);
  g_assert_nonnull (strstr (ical, "UID:7a7a7a7a-1111-4222-8333-444455556666"));
  g_assert_nonnull (strstr (ical, "BEGIN:VALARM"));
  g_assert_nonnull (strstr (ical, "GEO:39.781721;-89.650148"));
  g_assert_nonnull (strstr (ical, "X-RAPPORT-PARTNER-UID:0f9e8d7c-1111-4222-8333-444455556666"));
  g_assert_nonnull (strstr (ical, "SEQUENCE:0"));
  g_assert_null (strstr (ical, "ORGANIZER"));

  event = rp_sync_event_parse (ical, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (event->planned_on, ==, "2026-12-09");
  g_assert_cmpstr (event->start_time, ==, "11:00");
  g_assert_cmpstr (event->liaison, ==, "Alice");
  objective = rp_sync_objective_from_summary (event->summary,
                                              rp_partner_get_display_name (partner));
  g_assert_cmpstr (objective, ==, "Flyers");
  g_clear_pointer (&objective, g_free);
  objective = rp_sync_objective_from_summary ("Lunch and learn",
                                              rp_partner_get_display_name (partner));
  g_assert_cmpstr (objective, ==, "Lunch and learn");

  /* Moved: SEQUENCE goes up, the alarm is not doubled. */
  rp_planned_visit_set_start_time (visit, "14:00");
  moved = rp_sync_visit_to_ical (visit, partner, "Alice", ical);
  g_assert_nonnull (strstr (moved, "SEQUENCE:1"));
  g_assert_true (strstr (moved, "BEGIN:VALARM") == g_strrstr (moved, "BEGIN:VALARM"));

  g_clear_pointer (&event, rp_sync_event_free);
  event = rp_sync_event_parse ("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_null (event);
}

/* The VEVENT with @uid in @text (parsed; the caller frees *@root). */
static icalcomponent *
event_with_uid (const char     *text,
                const char     *uid,
                icalcomponent **root)
{
  *root = icalparser_parse_string (text);
  g_assert_nonnull (*root);
  for (icalcomponent *event = icalcomponent_get_first_component (*root, ICAL_VEVENT_COMPONENT);
       event != NULL; event = icalcomponent_get_next_component (*root, ICAL_VEVENT_COMPONENT))
    if (g_strcmp0 (icalcomponent_get_uid (event), uid) == 0)
      return event;
  return NULL;
}

/* A time as seconds since the epoch, through its TZID's VTIMEZONE (in @root). */
static time_t
instant (icalcomponent       *root,
         icalproperty        *property,
         struct icaltimetype  time)
{
  icalparameter *tzid = icalproperty_get_first_parameter (property, ICAL_TZID_PARAMETER);
  icaltimezone *zone = NULL;

  if (tzid != NULL)
    zone = icalcomponent_get_timezone (root, icalparameter_get_tzid (tzid));
  return icaltime_as_timet_with_zone (time, zone != NULL ? zone
                                                          : icaltimezone_get_utc_timezone ());
}

/* The .ics export and the team calendar place a visit alike (one rule,
 * rp_planned_visit_get_start_minutes): the exported event and the synced event of each visit
 * start and end at the same instant, at the same place, with the same alarm; untimed stops by
 * their place in the route, a visit with a time of its own at that time. */
static void
test_export_agrees_with_sync (void)
{
  g_autoptr(RpStore) store = rp_test_open_memory_store ();
  g_autoptr(RpPartner) partner = make_partner ();
  g_autoptr(RpPlannedVisit) timed = rp_planned_visit_new ();
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *exported = NULL;
  const char *days[] = { "2026-12-07", "2026-12-07", "2026-12-07", "2026-12-09" };
  guint n_starts = 0;
  time_t starts[8];

  g_assert_true (rp_store_insert_partner (store, partner, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autoptr(RpPlannedVisit) visit = rp_store_plan_visit (store, rp_partner_get_id (partner),
                                                             days[i], "Flyers", &error);
      g_assert_no_error (error);
    }
  /* A time of its own (set in a phone's calendar): 14:30. */
  rp_planned_visit_set_partner_id (timed, rp_partner_get_id (partner));
  rp_planned_visit_set_planned_on (timed, "2026-12-08");
  rp_planned_visit_set_start_time (timed, "14:30");
  g_assert_true (rp_store_insert_planned_visit (store, timed, &error));
  g_assert_no_error (error);

  exported = rp_ics_export_week (store, "2026-12-07", &error);
  g_assert_no_error (error);
  visits = rp_store_list_visits_between (store, "2026-12-07", "2026-12-13", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (visits->len, ==, 5);

  for (guint i = 0; i < visits->len; i++)
    {
      RpPlannedVisit *visit = g_ptr_array_index (visits, i);
      g_autofree char *synced = rp_sync_visit_to_ical (visit, partner, "Alice", NULL);
      g_autofree char *export_uid = g_strdup_printf ("%s@rapport",
                                                     rp_planned_visit_get_uuid (visit));
      icalcomponent *export_root = NULL;
      icalcomponent *sync_root = NULL;
      icalcomponent *from_export = event_with_uid (exported, export_uid, &export_root);
      icalcomponent *from_sync = event_with_uid (synced, rp_planned_visit_get_uuid (visit),
                                                 &sync_root);
      icalcomponent *alarm_export;
      icalcomponent *alarm_sync;
      struct icalgeotype geo_export;
      struct icalgeotype geo_sync;
      time_t start;

      g_assert_nonnull (from_export);
      g_assert_nonnull (from_sync);

      start = instant (export_root,
                       icalcomponent_get_first_property (from_export, ICAL_DTSTART_PROPERTY),
                       icalcomponent_get_dtstart (from_export));
      g_assert_cmpint (start, ==,
                       instant (sync_root,
                                icalcomponent_get_first_property (from_sync,
                                                                  ICAL_DTSTART_PROPERTY),
                                icalcomponent_get_dtstart (from_sync)));
      g_assert_cmpint (instant (export_root,
                                icalcomponent_get_first_property (from_export,
                                                                  ICAL_DTEND_PROPERTY),
                                icalcomponent_get_dtend (from_export)), ==,
                       instant (sync_root,
                                icalcomponent_get_first_property (from_sync,
                                                                  ICAL_DTEND_PROPERTY),
                                icalcomponent_get_dtend (from_sync)));
      g_assert_cmpstr (icalcomponent_get_location (from_export), ==,
                       icalcomponent_get_location (from_sync));
      geo_export = icalproperty_get_geo (icalcomponent_get_first_property (from_export,
                                                                           ICAL_GEO_PROPERTY));
      geo_sync = icalproperty_get_geo (icalcomponent_get_first_property (from_sync,
                                                                         ICAL_GEO_PROPERTY));
      g_assert_cmpfloat_with_epsilon (geo_export.lat, geo_sync.lat, 1e-6);
      g_assert_cmpfloat_with_epsilon (geo_export.lon, geo_sync.lon, 1e-6);
      alarm_export = icalcomponent_get_first_component (from_export, ICAL_VALARM_COMPONENT);
      alarm_sync = icalcomponent_get_first_component (from_sync, ICAL_VALARM_COMPONENT);
      g_assert_nonnull (alarm_export);
      g_assert_nonnull (alarm_sync);
      g_assert_cmpint (icaldurationtype_as_int (icalproperty_get_trigger (
                         icalcomponent_get_first_property (alarm_export,
                                                           ICAL_TRIGGER_PROPERTY)).duration), ==,
                       icaldurationtype_as_int (icalproperty_get_trigger (
                         icalcomponent_get_first_property (alarm_sync,
                                                           ICAL_TRIGGER_PROPERTY)).duration));

      starts[n_starts++] = start;
      icalcomponent_free (export_root);
      icalcomponent_free (sync_root);
    }

  /* And the rule itself: Monday's three stops an hour apart from 09:00 (New York, UTC-5),
   * Tuesday's at its own 14:30, Wednesday's first stop at 09:00. */
  g_assert_cmpint (starts[0], ==, 1796652000);   /* 2026-12-07T14:00Z */
  g_assert_cmpint (starts[1], ==, 1796652000 + 3600);
  g_assert_cmpint (starts[2], ==, 1796652000 + 7200);
  g_assert_cmpint (starts[3], ==, 1796758200);   /* 2026-12-08T19:30Z */
  g_assert_cmpint (starts[4], ==, 1796824800);   /* 2026-12-09T14:00Z */
}

int
main (int   argc,
      char *argv[])
{
  /* The export's and the team calendar's times are local: New York's, whatever the machine's. */
  g_setenv ("TZ", "America/New_York", TRUE);
  tzset ();

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync-mapping/vcard-round-trip", test_vcard_round_trip);
  g_test_add_func ("/sync-mapping/vcard-lenient", test_vcard_lenient);
  g_test_add_func ("/sync-mapping/merge", test_merge);
  g_test_add_func ("/sync-mapping/event", test_event);
  g_test_add_func ("/sync-mapping/export-agrees-with-sync", test_export_agrees_with_sync);

  return g_test_run ();
}
