/* test-sync-engine.c: two liaisons' databases syncing through one real server (Radicale, then
 * the same tests against xandikos).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "rp-dav-client.h"
#include "rp-partner-import.h"
#include "rp-store-sync.h"
#include "rp-sync-account.h"
#include "rp-sync-engine.h"
#include "rp-sync-ical.h"
#include "rp-test-core.h"
#include "rp-test-server.h"

#define NPI "1234567893"

typedef struct
{
  RpTestStore   tmp;
  RpSyncEngine *engine;
  const char   *user;
} Liaison;

/* Sets the team account up on the liaison's open store and starts the engine. */
static void
liaison_set_up (Liaison      *liaison,
                RpTestServer *server,
                const char   *user,
                const char   *name)
{
  g_autoptr(RpSyncAccount) account = rp_sync_account_new (server->url, user);
  g_autoptr(GError) error = NULL;
  g_autofree char *password = g_strdup_printf ("%s-pw", user);

  rp_sync_account_set_liaison_name (account, name);
  rp_sync_account_set_addressbook_url (account, server->addressbook);
  rp_sync_account_set_calendar_url (account, server->calendar);
  g_assert_true (rp_sync_account_save (account, liaison->tmp.store, &error));
  g_assert_no_error (error);

  liaison->user = user;
  liaison->engine = rp_sync_engine_new (liaison->tmp.path);
  rp_sync_engine_set_password (liaison->engine, password);
  g_assert_cmpint (rp_sync_engine_get_state (liaison->engine), ==, RP_SYNC_STATE_IDLE);
}

static void
liaison_open (Liaison      *liaison,
              RpTestServer *server,
              const char   *user,
              const char   *name)
{
  rp_test_store_open (&liaison->tmp, "rapport-sync-XXXXXX");
  liaison_set_up (liaison, server, user, name);
}

static void
liaison_close (Liaison *liaison)
{
  g_clear_object (&liaison->engine);
  rp_test_store_close (&liaison->tmp);
}

static RpSyncReport *
sync_ok (Liaison *liaison)
{
  g_autoptr(GError) error = NULL;
  RpSyncReport *report = rp_sync_engine_sync (liaison->engine, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpint (rp_sync_engine_get_state (liaison->engine), ==, RP_SYNC_STATE_IDLE);
  g_assert_cmpuint (rp_sync_engine_get_pending_changes (liaison->engine), ==, 0);
  g_assert_nonnull (rp_sync_engine_get_last_synced (liaison->engine));
  return report;
}

static void
sync_quietly (Liaison *liaison)
{
  g_autoptr(RpSyncReport) report = sync_ok (liaison);
}

static RpPartner *
add_partner (Liaison    *liaison,
             const char *first,
             const char *last)
{
  g_autoptr(GError) error = NULL;
  RpPartner *partner = rp_partner_new (RP_PARTNER_KIND_PERSON);

  rp_partner_set_prefix (partner, "Dr.");
  rp_partner_set_first_name (partner, first);
  rp_partner_set_last_name (partner, last);
  rp_partner_set_credentials (partner, "MD");
  rp_partner_set_organization (partner, "Lakeside Orthopedics");
  rp_partner_set_specialty_label (partner, "Orthopedic Surgery");
  rp_partner_set_street (partner, "100 Main St, Suite 2");
  rp_partner_set_city (partner, "Springfield");
  rp_partner_set_state (partner, "IL");
  rp_partner_set_zip (partner, "62701");
  rp_partner_set_location (partner, 39.781721, -89.650148);
  rp_partner_set_phone (partner, "217-555-0100");
  rp_partner_set_notes (partner, "Prefers mornings, coffee, no calls");
  rp_partner_set_tags (partner, "spine, sports");
  rp_partner_set_tier (partner, RP_TIER_A);
  rp_partner_set_status (partner, RP_PARTNER_STATUS_ACTIVE);
  rp_partner_set_cadence_days (partner, 21);
  rp_partner_set_office_contact (partner, "Pat (front desk)");
  g_assert_true (rp_store_insert_partner (liaison->tmp.store, partner, &error));
  g_assert_no_error (error);
  return partner;
}

static RpPartner *
find (Liaison    *liaison,
      const char *uuid)
{
  g_autoptr(GError) error = NULL;

  return rp_store_find_partner_by_uuid (liaison->tmp.store, uuid, &error);
}

static void
save (Liaison   *liaison,
      RpPartner *partner)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rp_store_update_partner (liaison->tmp.store, partner, &error));
  g_assert_no_error (error);
}

static RpPlannedVisit *
find_visit (Liaison    *liaison,
            const char *uuid)
{
  g_autoptr(GError) error = NULL;
  RpPlannedVisit *visit = rp_store_sync_find_visit (liaison->tmp.store, uuid, &error);

  g_assert_no_error (error);
  return visit;
}

/* Every resource of @collection on the server, bodies included. */
static GPtrArray *
server_copy (RpTestServer        *server,
             const char          *collection,
             RpDavCollectionKind  kind)
{
  g_autoptr(RpDavClient) client = rp_dav_client_new (server->url, "carol", "carol-pw");
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) hrefs = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GPtrArray *fetched;

  listed = rp_dav_client_list (client, collection, NULL, &error);
  g_assert_no_error (error);
  if (listed->len == 0)
    return g_ptr_array_ref (listed);
  for (guint i = 0; i < listed->len; i++)
    g_ptr_array_add (hrefs, ((RpDavResource *) g_ptr_array_index (listed, i))->href);
  g_ptr_array_add (hrefs, NULL);
  fetched = rp_dav_client_multiget (client, collection, kind,
                                    (const char * const *) hrefs->pdata, NULL, &error);
  g_assert_no_error (error);
  return fetched;
}

static gboolean
has_notice (RpSyncReport *report,
            const char   *part)
{
  const char * const *notices = rp_sync_report_get_notices (report);

  for (guint i = 0; notices[i] != NULL; i++)
    if (strstr (notices[i], part) != NULL)
      return TRUE;
  return FALSE;
}

/* ── the tests ────────────────────────────────────────────────────────────────────────── */

/* Create, edit and delete, each seen by the other liaison; what reaches the server is a card
 * and an event a calendar reads (python3-icalendar), and no referral. */
static void
test_create_edit_delete (gconstpointer data)
{
  RpTestServer *server = rp_test_server_start (GPOINTER_TO_INT (data));
  Liaison alice, bob;
  g_autoptr(RpPartner) lee = NULL;
  g_autoptr(RpPartner) seen = NULL;
  g_autoptr(RpPlannedVisit) visit = NULL;
  g_autoptr(RpPlannedVisit) bobs_visit = NULL;
  g_autoptr(RpReferral) referral = NULL;
  g_autoptr(RpSyncReport) report = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GError) error = NULL;

  liaison_open (&alice, server, "alice", "Alice Moreno");
  liaison_open (&bob, server, "bob", "Bob Chen");

  lee = add_partner (&alice, "Ada", "Lee");
  rp_partner_set_npi (lee, NPI);
  save (&alice, lee);
  visit = rp_store_plan_visit (alice.tmp.store, rp_partner_get_id (lee), "2026-12-09",
                               "Bring the new MRI flyer", &error);
  g_assert_no_error (error);
  referral = rp_test_add_referral (alice.tmp.store, lee, RP_REFERRAL_DIRECTION_INBOUND,
                                   "2026-12-01", RP_REFERRAL_STATUS_SCHEDULED);
  rp_referral_set_reason (referral, "SECRET-PATIENT-REASON");
  rp_referral_set_notes (referral, "SECRET-REFERRAL-NOTE");
  g_assert_true (rp_store_update_referral (alice.tmp.store, referral, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (rp_sync_engine_get_pending_changes (alice.engine), ==, 0);
  rp_sync_engine_reload (alice.engine);
  g_assert_cmpuint (rp_sync_engine_get_pending_changes (alice.engine), ==, 2);

  report = sync_ok (&alice);
  g_assert_cmpuint (rp_sync_report_get_sent (report), ==, 2);
  g_clear_object (&report);

  report = sync_ok (&bob);
  g_assert_cmpuint (rp_sync_report_get_received (report), ==, 2);
  seen = find (&bob, rp_partner_get_uuid (lee));
  g_assert_nonnull (seen);
  g_assert_cmpstr (rp_partner_get_display_name (seen), ==, rp_partner_get_display_name (lee));
  g_assert_cmpstr (rp_partner_get_npi (seen), ==, NPI);
  g_assert_cmpstr (rp_partner_get_notes (seen), ==, "Prefers mornings, coffee, no calls");
  g_assert_cmpstr (rp_partner_get_tags (seen), ==, "spine, sports");
  g_assert_cmpstr (rp_partner_get_street (seen), ==, "100 Main St, Suite 2");
  g_assert_cmpstr (rp_partner_get_office_contact (seen), ==, "Pat (front desk)");
  g_assert_cmpuint (rp_partner_get_cadence_days (seen), ==, 21);
  g_assert_cmpint (rp_partner_get_tier (seen), ==, RP_TIER_A);
  g_assert_cmpint (rp_partner_get_status (seen), ==, RP_PARTNER_STATUS_ACTIVE);
  g_assert_true (rp_partner_get_has_location (seen));
  g_assert_cmpfloat_with_epsilon (rp_partner_get_latitude (seen), 39.781721, 1e-5);
  g_assert_cmpfloat_with_epsilon (rp_partner_get_longitude (seen), -89.650148, 1e-5);
  bobs_visit = find_visit (&bob, rp_planned_visit_get_uuid (visit));
  g_assert_nonnull (bobs_visit);
  g_assert_cmpstr (rp_planned_visit_get_planned_on (bobs_visit), ==, "2026-12-09");
  g_assert_cmpstr (rp_planned_visit_get_start_time (bobs_visit), ==, "09:00");
  g_assert_cmpstr (rp_planned_visit_get_objective (bobs_visit), ==, "Bring the new MRI flyer");
  g_assert_cmpstr (rp_planned_visit_get_liaison (bobs_visit), ==, "Alice Moreno");
  g_assert_cmpint (rp_planned_visit_get_partner_id (bobs_visit), ==, rp_partner_get_id (seen));
  /* Nothing came back to Alice but her own. */
  g_clear_object (&report);
  report = sync_ok (&alice);
  g_assert_cmpuint (rp_sync_report_get_received (report), ==, 0);
  g_assert_cmpuint (rp_sync_report_get_sent (report), ==, 0);
  g_clear_object (&report);

  /* A calendar client reads the server's copy: GEO, LOCATION, a VALARM, no ORGANIZER. */
  events = server_copy (server, server->calendar, RP_DAV_COLLECTION_CALENDAR);
  g_assert_cmpuint (events->len, ==, 1);
  {
    const char *argv[] = { "/usr/bin/python3", NULL, NULL };
    g_autofree char *script = g_test_build_filename (G_TEST_DIST, "sync", "check-event.py",
                                                     NULL);
    g_autoptr(GSubprocess) python = NULL;
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    g_autofree char *expected = NULL;

    argv[1] = script;
    python = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                                &error);
    g_assert_no_error (error);
    g_subprocess_communicate_utf8 (python, ((RpDavResource *) g_ptr_array_index (events, 0))->data,
                                   NULL, &out, &err, &error);
    g_assert_no_error (error);
    if (!g_subprocess_get_successful (python))
      g_error ("python3-icalendar: %s", err);
    expected = g_strdup_printf ("%s|39.7817,-89.6501|100 Main St, Suite 2, Springfield, IL 62701\n",
                                rp_planned_visit_get_uuid (visit));
    g_assert_cmpstr (out, ==, expected);
  }
  /* Referrals and patients never leave the machine. */
  cards = server_copy (server, server->addressbook, RP_DAV_COLLECTION_ADDRESSBOOK);
  for (guint i = 0; i < cards->len; i++)
    {
      const char *text = ((RpDavResource *) g_ptr_array_index (cards, i))->data;

      g_assert_null (strstr (text, "SECRET"));
      g_assert_null (strstr (text, "Knee pain"));
    }
  g_assert_null (strstr (((RpDavResource *) g_ptr_array_index (events, 0))->data, "SECRET"));

  /* Bob edits, Alice sees it. */
  rp_partner_set_phone (seen, "217-555-0199");
  save (&bob, seen);
  sync_quietly (&bob);
  sync_quietly (&alice);
  {
    g_autoptr(RpPartner) again = find (&alice, rp_partner_get_uuid (lee));

    g_assert_cmpstr (rp_partner_get_phone (again), ==, "217-555-0199");
    g_assert_cmpstr (rp_partner_get_notes (again), ==, "Prefers mornings, coffee, no calls");
  }

  /* Alice cancels the visit, then deletes it; Bob follows. */
  g_assert_true (rp_store_set_visit_status (alice.tmp.store, rp_planned_visit_get_id (visit),
                                            RP_VISIT_STATUS_CANCELLED, 0, &error));
  g_assert_no_error (error);
  sync_quietly (&alice);
  sync_quietly (&bob);
  g_clear_object (&bobs_visit);
  bobs_visit = find_visit (&bob, rp_planned_visit_get_uuid (visit));
  g_assert_cmpint (rp_planned_visit_get_status (bobs_visit), ==, RP_VISIT_STATUS_CANCELLED);

  g_assert_true (rp_store_delete_visit (alice.tmp.store, rp_planned_visit_get_id (visit),
                                        &error));
  g_assert_no_error (error);
  sync_quietly (&alice);
  report = sync_ok (&bob);
  g_assert_cmpuint (rp_sync_report_get_deleted (report), ==, 1);
  g_clear_object (&report);
  g_clear_object (&bobs_visit);
  g_assert_null (find_visit (&bob, rp_planned_visit_get_uuid (visit)));

  /* Bob deletes the partner; Alice follows. */
  g_assert_true (rp_store_delete_partner (bob.tmp.store, rp_partner_get_id (seen), &error));
  g_assert_no_error (error);
  sync_quietly (&bob);
  sync_quietly (&alice);
  {
    g_autoptr(RpPartner) gone = find (&alice, rp_partner_get_uuid (lee));

    g_assert_null (gone);
  }
  g_clear_pointer (&cards, g_ptr_array_unref);
  cards = server_copy (server, server->addressbook, RP_DAV_COLLECTION_ADDRESSBOOK);
  g_assert_cmpuint (cards->len, ==, 0);

  liaison_close (&alice);
  liaison_close (&bob);
  rp_test_server_free (server);
}

/* Partners imported from a file before the team account was set up (the import's bulk write
 * queues nothing then) are sent on the first sync, and the other liaison receives them. */
static void
test_imported_before_account (gconstpointer data)
{
  RpTestServer *server = rp_test_server_start (GPOINTER_TO_INT (data));
  Liaison alice, bob;
  g_autoptr(RpPartnerImport) import = NULL;
  g_autoptr(RpSyncReport) report = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  RpImportResult result = { 0, };
  const char *uuids[] = { "00000000-0000-4000-8000-000000000001",
                          "00000000-0000-4000-8000-000000000002",
                          "00000000-0000-4000-8000-000000000003" };

  rp_test_store_open (&alice.tmp, "rapport-sync-XXXXXX");
  csv = g_build_filename (alice.tmp.dir, "people.csv", NULL);
  g_assert_true (g_file_set_contents (csv,
                                      "Rapport ID,First Name,Last Name,City\n"
                                      "00000000-0000-4000-8000-000000000001,Ada,Imported,Dayton\n"
                                      "00000000-0000-4000-8000-000000000002,Bea,Imported,Akron\n"
                                      "00000000-0000-4000-8000-000000000003,Cy,Imported,Lima\n",
                                      -1, &error));
  g_assert_no_error (error);
  file = g_file_new_for_path (csv);
  import = rp_partner_import_new (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rp_partner_import_plan (import, alice.tmp.store, NULL, &error));
  g_assert_true (rp_partner_import_apply (import, alice.tmp.store, FALSE, NULL, NULL, NULL,
                                          &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 3);
  g_assert_cmpuint (rp_store_sync_count_changes (alice.tmp.store), ==, 0);

  liaison_set_up (&alice, server, "alice", "Alice Moreno");
  g_assert_cmpuint (rp_store_sync_count_changes (alice.tmp.store), ==, 3);
  report = sync_ok (&alice);
  g_assert_cmpuint (rp_sync_report_get_sent (report), ==, 3);
  g_clear_object (&report);

  liaison_open (&bob, server, "bob", "Bob Chen");
  report = sync_ok (&bob);
  g_assert_cmpuint (rp_sync_report_get_received (report), ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (uuids); i++)
    {
      g_autoptr(RpPartner) seen = find (&bob, uuids[i]);

      g_assert_nonnull (seen);
      g_assert_cmpstr (rp_partner_get_last_name (seen), ==, "Imported");
    }

  liaison_close (&alice);
  liaison_close (&bob);
  rp_test_server_free (server);
}

/* Both edit different fields of one partner: both edits survive. */
static void
test_concurrent_fields (gconstpointer data)
{
  RpTestServer *server = rp_test_server_start (GPOINTER_TO_INT (data));
  Liaison alice, bob;
  g_autoptr(RpPartner) lee = NULL;
  g_autoptr(RpPartner) bobs = NULL;
  g_autoptr(RpPartner) a = NULL;
  g_autoptr(RpPartner) b = NULL;
  g_autoptr(RpSyncReport) report = NULL;

  liaison_open (&alice, server, "alice", "Alice");
  liaison_open (&bob, server, "bob", "Bob");
  lee = add_partner (&alice, "Ada", "Lee");
  sync_quietly (&alice);
  sync_quietly (&bob);

  rp_partner_set_phone (lee, "217-555-0111");
  save (&alice, lee);
  bobs = find (&bob, rp_partner_get_uuid (lee));
  rp_partner_set_email (bobs, "ada.lee@example.org");
  save (&bob, bobs);

  sync_quietly (&alice);
  report = sync_ok (&bob);
  g_assert_cmpuint (rp_sync_report_get_merged (report), ==, 1);
  sync_quietly (&alice);

  a = find (&alice, rp_partner_get_uuid (lee));
  b = find (&bob, rp_partner_get_uuid (lee));
  g_assert_cmpstr (rp_partner_get_phone (a), ==, "217-555-0111");
  g_assert_cmpstr (rp_partner_get_email (a), ==, "ada.lee@example.org");
  g_assert_cmpstr (rp_partner_get_phone (b), ==, "217-555-0111");
  g_assert_cmpstr (rp_partner_get_email (b), ==, "ada.lee@example.org");

  liaison_close (&alice);
  liaison_close (&bob);
  rp_test_server_free (server);
}

static guint
count_notes_with (Liaison    *liaison,
                  gint64      partner_id,
                  const char *text)
{
  guint n = 0;

  /* The partner's history: its note activities. */
  for (gint64 id = 1; id < 50; id++)
    {
      g_autoptr(RpActivity) activity = rp_store_get_activity (liaison->tmp.store, id, NULL);

      if (activity != NULL && strstr (rp_activity_get_summary (activity), text) != NULL)
        {
          GArray *partners = rp_activity_get_partner_ids (activity);

          for (guint i = 0; i < partners->len; i++)
            if (g_array_index (partners, gint64, i) == partner_id)
              n++;
        }
    }
  return n;
}

/* Both edit the same field: the later edit wins everywhere, the other goes into the partner's
 * history. */
static void
test_concurrent_same_field (gconstpointer data)
{
  RpTestServer *server = rp_test_server_start (GPOINTER_TO_INT (data));
  Liaison alice, bob;
  g_autoptr(RpPartner) lee = NULL;
  g_autoptr(RpPartner) bobs = NULL;
  g_autoptr(RpPartner) a = NULL;
  g_autoptr(RpPartner) b = NULL;

  liaison_open (&alice, server, "alice", "Alice");
  liaison_open (&bob, server, "bob", "Bob");
  lee = add_partner (&alice, "Ada", "Lee");
  sync_quietly (&alice);
  sync_quietly (&bob);

  /* Alice first, Bob a little later (the stamps have seconds). */
  rp_partner_set_notes (lee, "Alice's note");
  save (&alice, lee);
  sync_quietly (&alice);
  g_usleep (1100 * 1000);
  bobs = find (&bob, rp_partner_get_uuid (lee));
  rp_partner_set_notes (bobs, "Bob's later note");
  save (&bob, bobs);

  sync_quietly (&bob);
  sync_quietly (&alice);

  a = find (&alice, rp_partner_get_uuid (lee));
  b = find (&bob, rp_partner_get_uuid (lee));
  g_assert_cmpstr (rp_partner_get_notes (a), ==, "Bob's later note");
  g_assert_cmpstr (rp_partner_get_notes (b), ==, "Bob's later note");
  g_assert_cmpuint (count_notes_with (&bob, rp_partner_get_id (b), "Alice's note"), ==, 1);

  liaison_close (&alice);
  liaison_close (&bob);
  rp_test_server_free (server);
}

/* Deleted on one side, edited on the other: the edit is kept, both ways, with a notice. */
static void
test_delete_vs_edit (gconstpointer data)
{
  RpTestServer *server = rp_test_server_start (GPOINTER_TO_INT (data));
  Liaison alice, bob;
  g_autoptr(RpPartner) lee = NULL;
  g_autoptr(RpPartner) bobs = NULL;
  g_autoptr(RpPartner) back = NULL;
  g_autoptr(RpPartner) kept = NULL;
  g_autoptr(RpSyncReport) report = NULL;
  g_autoptr(GError) error = NULL;

  liaison_open (&alice, server, "alice", "Alice");
  liaison_open (&bob, server, "bob", "Bob");
  lee = add_partner (&alice, "Ada", "Lee");
  sync_quietly (&alice);
  sync_quietly (&bob);

  /* Alice deletes and syncs first; Bob had edited. */
  g_assert_true (rp_store_delete_partner (alice.tmp.store, rp_partner_get_id (lee), &error));
  g_assert_no_error (error);
  bobs = find (&bob, rp_partner_get_uuid (lee));
  rp_partner_set_phone (bobs, "217-555-0142");
  save (&bob, bobs);
  sync_quietly (&alice);
  report = sync_ok (&bob);
  g_assert_true (has_notice (report, "Lee"));
  g_clear_object (&report);
  sync_quietly (&alice);
  back = find (&alice, rp_partner_get_uuid (lee));
  g_assert_nonnull (back);
  g_assert_cmpstr (rp_partner_get_phone (back), ==, "217-555-0142");

  /* Now Alice edits and syncs first; Bob had deleted. */
  rp_partner_set_phone (back, "217-555-0143");
  save (&alice, back);
  g_clear_object (&bobs);
  bobs = find (&bob, rp_partner_get_uuid (lee));
  g_assert_true (rp_store_delete_partner (bob.tmp.store, rp_partner_get_id (bobs), &error));
  g_assert_no_error (error);
  sync_quietly (&alice);
  report = sync_ok (&bob);
  g_assert_true (has_notice (report, "Lee"));
  kept = find (&bob, rp_partner_get_uuid (lee));
  g_assert_nonnull (kept);
  g_assert_cmpstr (rp_partner_get_phone (kept), ==, "217-555-0143");

  liaison_close (&alice);
  liaison_close (&bob);
  rp_test_server_free (server);
}

static void
automatic_synced_cb (RpSyncEngine  *engine,
                     RpSyncReport  *report,
                     RpSyncReport **out)
{
  g_set_object (out, report);
}

/* Automatic syncing (on start) hands its report to "automatic-synced", so the window can tell
 * what it decided; a sync asked for directly does not emit it. */
static void
test_automatic (gconstpointer data)
{
  RpTestServer *server = rp_test_server_start (GPOINTER_TO_INT (data));
  Liaison alice, bob;
  g_autoptr(RpPartner) lee = NULL;
  g_autoptr(RpPartner) received = NULL;
  g_autoptr(RpSyncReport) report = NULL;
  gint64 deadline;

  liaison_open (&alice, server, "alice", "Alice");
  liaison_open (&bob, server, "bob", "Bob");
  g_signal_connect (alice.engine, "automatic-synced", G_CALLBACK (automatic_synced_cb), &report);
  lee = add_partner (&alice, "Ada", "Lee");
  sync_quietly (&alice);
  g_assert_null (report);

  g_signal_connect (bob.engine, "automatic-synced", G_CALLBACK (automatic_synced_cb), &report);
  rp_sync_engine_set_automatic (bob.engine, TRUE);
  /* A wait for the event, not a timing: the minute only bounds a hung server. */
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (report == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  rp_sync_engine_set_automatic (bob.engine, FALSE);

  g_assert_nonnull (report);
  g_assert_cmpuint (rp_sync_report_get_received (report), >=, 1);
  received = find (&bob, rp_partner_get_uuid (lee));
  g_assert_nonnull (received);

  liaison_close (&alice);
  liaison_close (&bob);
  rp_test_server_free (server);
}

/* Two liaisons add the same physician (same NPI) before syncing: one card, one UUID. */
static void
test_same_npi (gconstpointer data)
{
  RpTestServer *server = rp_test_server_start (GPOINTER_TO_INT (data));
  Liaison alice, bob;
  g_autoptr(RpPartner) mine = NULL;
  g_autoptr(RpPartner) theirs = NULL;
  g_autoptr(RpPartner) a = NULL;
  g_autoptr(RpPartner) b = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GError) error = NULL;

  liaison_open (&alice, server, "alice", "Alice");
  liaison_open (&bob, server, "bob", "Bob");
  mine = add_partner (&alice, "Ada", "Lee");
  rp_partner_set_npi (mine, NPI);
  rp_partner_set_email (mine, "");
  save (&alice, mine);
  theirs = add_partner (&bob, "Ada", "Lee");
  rp_partner_set_npi (theirs, NPI);
  rp_partner_set_email (theirs, "lee@example.org");
  save (&bob, theirs);
  g_assert_cmpstr (rp_partner_get_uuid (mine), !=, rp_partner_get_uuid (theirs));

  sync_quietly (&alice);
  sync_quietly (&bob);
  sync_quietly (&alice);
  sync_quietly (&bob);

  a = rp_store_find_partner_by_npi (alice.tmp.store, NPI, &error);
  g_assert_no_error (error);
  b = rp_store_find_partner_by_npi (bob.tmp.store, NPI, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rp_partner_get_uuid (a), ==, rp_partner_get_uuid (b));
  g_assert_cmpstr (rp_partner_get_email (a), ==, "lee@example.org");
  g_assert_cmpuint (rp_store_count_rows (alice.tmp.store, "partner"), ==, 1);
  g_assert_cmpuint (rp_store_count_rows (bob.tmp.store, "partner"), ==, 1);
  cards = server_copy (server, server->addressbook, RP_DAV_COLLECTION_ADDRESSBOOK);
  g_assert_cmpuint (cards->len, ==, 1);

  liaison_close (&alice);
  liaison_close (&bob);
  rp_test_server_free (server);
}

static guint
count_synced (Liaison *liaison)
{
  g_autoptr(GPtrArray) objects = rp_store_sync_list_objects (liaison->tmp.store,
                                                             RP_SYNC_KIND_PARTNER, NULL);

  return objects != NULL ? objects->len : 0;
}

static void
cut_sync_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(RpSyncReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = rp_sync_engine_sync_finish (RP_SYNC_ENGINE (source), result, &error);
  *(gboolean *) user_data = TRUE;
}

/* Offline: edits queue, the state says so, and they go out when the server is back. A server
 * restarted in the middle of a long sync loses nothing and duplicates nothing. */
static void
test_offline_and_restart (gconstpointer data)
{
  RpTestServer *server = rp_test_server_start (GPOINTER_TO_INT (data));
  Liaison alice, bob;
  g_autoptr(RpPartner) lee = NULL;
  g_autoptr(RpSyncReport) report = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GError) error = NULL;

  liaison_open (&alice, server, "alice", "Alice");
  liaison_open (&bob, server, "bob", "Bob");
  lee = add_partner (&alice, "Ada", "Lee");
  sync_quietly (&alice);

  rp_test_server_stop (server);
  rp_partner_set_phone (lee, "217-555-0177");
  save (&alice, lee);
  report = rp_sync_engine_sync (alice.engine, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, RP_DAV_ERROR, RP_DAV_ERROR_NETWORK);
  g_clear_error (&error);
  g_assert_cmpint (rp_sync_engine_get_state (alice.engine), ==, RP_SYNC_STATE_OFFLINE);
  g_assert_cmpuint (rp_sync_engine_get_pending_changes (alice.engine), ==, 1);
  g_assert_nonnull (rp_sync_engine_get_last_error (alice.engine));

  rp_test_server_start_again (server);
  sync_quietly (&alice);
  sync_quietly (&bob);
  {
    g_autoptr(RpPartner) seen = find (&bob, rp_partner_get_uuid (lee));

    g_assert_cmpstr (rp_partner_get_phone (seen), ==, "217-555-0177");
  }

  /* Forty new partners; the server goes down after the first few have gone out. */
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *last = g_strdup_printf ("Batch%02u", i);
      g_autoptr(RpPartner) p = add_partner (&alice, "Sam", last);
    }
  {
    gboolean done = FALSE;

    rp_sync_engine_sync_async (alice.engine, NULL, cut_sync_done, &done);
    while (count_synced (&alice) < 6)
      g_usleep (20 * 1000);
    rp_test_server_restart (server);
    /* Whatever the cut sync said, the next one finishes the work. */
    while (!done)
      g_main_context_iteration (NULL, TRUE);
  }
  {
    g_autoptr(RpSyncReport) last = NULL;

    last = rp_sync_engine_sync (alice.engine, NULL, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpuint (rp_sync_engine_get_pending_changes (alice.engine), ==, 0);
  cards = server_copy (server, server->addressbook, RP_DAV_COLLECTION_ADDRESSBOOK);
  g_assert_cmpuint (cards->len, ==, 41);
  sync_quietly (&bob);
  g_assert_cmpuint (rp_store_count_rows (bob.tmp.store, "partner"), ==, 41);

  liaison_close (&alice);
  liaison_close (&bob);
  rp_test_server_free (server);
}

/* A wrong password: FAILED with the reason, nothing lost. */
static void
test_unauthorized (void)
{
  RpTestServer *server = rp_test_server_start (RP_TEST_RADICALE);
  Liaison alice;
  g_autoptr(RpPartner) lee = NULL;
  g_autoptr(RpSyncReport) report = NULL;
  g_autoptr(GError) error = NULL;

  liaison_open (&alice, server, "alice", "Alice");
  rp_sync_engine_set_password (alice.engine, "wrong");
  lee = add_partner (&alice, "Ada", "Lee");
  report = rp_sync_engine_sync (alice.engine, NULL, &error);
  g_assert_error (error, RP_DAV_ERROR, RP_DAV_ERROR_UNAUTHORIZED);
  g_assert_cmpint (rp_sync_engine_get_state (alice.engine), ==, RP_SYNC_STATE_FAILED);
  g_assert_cmpuint (rp_sync_engine_get_pending_changes (alice.engine), ==, 1);
  g_assert_nonnull (strstr (rp_sync_engine_get_last_error (alice.engine), "password"));

  rp_sync_engine_set_password (alice.engine, "alice-pw");
  sync_quietly (&alice);

  liaison_close (&alice);
  rp_test_server_free (server);
}

/* A sync token the server does not know (forgotten after 30 days, or the server's storage
 * rebuilt): a full resync, nothing missed. */
static void
test_stale_token (gconstpointer data)
{
  RpTestServer *server = rp_test_server_start (GPOINTER_TO_INT (data));
  Liaison alice, bob;
  g_autoptr(RpPartner) lee = NULL;
  g_autoptr(RpPartner) kim = NULL;
  g_autoptr(RpPartner) bobs_lee = NULL;
  g_autoptr(RpPartner) seen = NULL;
  g_autoptr(GError) error = NULL;

  liaison_open (&alice, server, "alice", "Alice");
  liaison_open (&bob, server, "bob", "Bob");
  lee = add_partner (&alice, "Ada", "Lee");
  sync_quietly (&alice);
  sync_quietly (&bob);

  g_assert_true (rp_store_set_meta (alice.tmp.store, "sync-token-partner",
                                    "http://radicale.org/ns/sync/deadbeef", &error));
  g_assert_no_error (error);
  kim = add_partner (&bob, "Jae", "Kim");
  bobs_lee = find (&bob, rp_partner_get_uuid (lee));
  g_assert_true (rp_store_delete_partner (bob.tmp.store, rp_partner_get_id (bobs_lee), &error));
  g_assert_no_error (error);
  sync_quietly (&bob);
  sync_quietly (&alice);

  seen = find (&alice, rp_partner_get_uuid (kim));
  g_assert_nonnull (seen);
  g_assert_null (find (&alice, rp_partner_get_uuid (lee)));

  liaison_close (&alice);
  liaison_close (&bob);
  rp_test_server_free (server);
}

/* Replaces the (possibly folded) line of property @name in @text by @line. */
static void
replace_property (GString    *text,
                  const char *name,
                  const char *line)
{
  g_autofree char *start_tag = g_strconcat ("\n", name, NULL);
  char *start = strstr (text->str, start_tag);
  gsize from, to;

  g_assert_nonnull (start);
  from = (gsize) (start - text->str) + 1;
  to = from;
  for (;;)
    {
      char *end = strchr (text->str + to, '\n');

      g_assert_nonnull (end);
      to = (gsize) (end - text->str) + 1;
      if (text->str[to] != ' ' && text->str[to] != '\t')
        break;
    }
  g_string_erase (text, (gssize) from, (gssize) (to - from));
  g_string_insert (text, (gssize) from, "\r\n");
  g_string_insert (text, (gssize) from, line);
}

/* Another client (a phone's calendar, raw PUTs here) moves a visit, renames it and adds a
 * property Rapport does not know; the app takes the time and the summary, keeps the property
 * when it writes the event again, and raises SEQUENCE when the time changes. The same for an
 * unknown property of a card. */
static void
test_third_client (gconstpointer data)
{
  RpTestServer *server = rp_test_server_start (GPOINTER_TO_INT (data));
  Liaison alice;
  g_autoptr(RpPartner) lee = NULL;
  g_autoptr(RpPlannedVisit) visit = NULL;
  g_autoptr(RpPlannedVisit) moved = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *event_path = NULL;
  g_autofree char *card_path = NULL;
  g_autofree char *edited = NULL;
  GString *text;
  char *dtstart;
  RpDavResource *copy;

  liaison_open (&alice, server, "alice", "Alice");
  lee = add_partner (&alice, "Ada", "Lee");
  visit = rp_store_plan_visit (alice.tmp.store, rp_partner_get_id (lee), "2026-12-10",
                               "Flyers", &error);
  g_assert_no_error (error);
  sync_quietly (&alice);

  /* The phone: 15:30 instead of 09:00, a new title, and its own property. */
  events = server_copy (server, server->calendar, RP_DAV_COLLECTION_CALENDAR);
  copy = g_ptr_array_index (events, 0);
  event_path = g_strdup (copy->href);
  text = g_string_new (copy->data);
  dtstart = strstr (text->str, "DTSTART");
  g_assert_nonnull (dtstart);
  {
    char *t = strstr (dtstart, "T0900");

    g_assert_nonnull (t);
    memcpy (t, "T1530", 5);
  }
  {
    char *t = strstr (text->str, "DTEND");

    t = strstr (t, "T0945");
    g_assert_nonnull (t);
    memcpy (t, "T1615", 5);
  }
  replace_property (text, "SUMMARY", "SUMMARY:Lunch and learn");
  g_string_replace (text, "END:VEVENT", "X-PHONE-COLOR:teal\nEND:VEVENT", 1);
  edited = g_string_free (text, FALSE);
  g_assert_cmpuint (rp_test_server_request (server, "carol", "PUT", event_path,
                                            "text/calendar", edited, NULL), <, 300);

  cards = server_copy (server, server->addressbook, RP_DAV_COLLECTION_ADDRESSBOOK);
  copy = g_ptr_array_index (cards, 0);
  card_path = g_strdup (copy->href);
  {
    g_autoptr(GString) card = g_string_new (copy->data);

    g_string_replace (card, "END:VCARD", "X-PHONE-RING:bells\nEND:VCARD", 1);
    g_assert_cmpuint (rp_test_server_request (server, "carol", "PUT", card_path, "text/vcard",
                                              card->str, NULL), <, 300);
  }

  sync_quietly (&alice);
  moved = find_visit (&alice, rp_planned_visit_get_uuid (visit));
  g_assert_cmpstr (rp_planned_visit_get_start_time (moved), ==, "15:30");
  g_assert_cmpstr (rp_planned_visit_get_objective (moved), ==, "Lunch and learn");

  /* Alice moves it to the next day and edits the partner: both written again. */
  g_assert_true (rp_store_move_visit (alice.tmp.store, rp_planned_visit_get_id (moved),
                                      "2026-12-11", 0, &error));
  g_assert_no_error (error);
  rp_partner_set_phone (lee, "217-555-0188");
  save (&alice, lee);
  sync_quietly (&alice);

  g_clear_pointer (&events, g_ptr_array_unref);
  events = server_copy (server, server->calendar, RP_DAV_COLLECTION_CALENDAR);
  copy = g_ptr_array_index (events, 0);
  g_assert_nonnull (strstr (copy->data, "X-PHONE-COLOR:teal"));
  g_assert_nonnull (strstr (copy->data, "SEQUENCE:1"));
  g_assert_nonnull (strstr (copy->data, "20261211T153000"));
  g_assert_nonnull (strstr (copy->data, "X-RAPPORT-LIAISON:Alice"));
  g_assert_nonnull (strstr (copy->data, "CONTACT;ALTREP="));
  g_assert_null (strstr (copy->data, "ORGANIZER"));
  g_assert_null (strstr (copy->data, "ATTENDEE"));
  g_assert_null (strstr (copy->data, "freeassociation"));

  g_clear_pointer (&cards, g_ptr_array_unref);
  cards = server_copy (server, server->addressbook, RP_DAV_COLLECTION_ADDRESSBOOK);
  copy = g_ptr_array_index (cards, 0);
  g_assert_nonnull (strstr (copy->data, "X-PHONE-RING:bells"));
  g_assert_nonnull (strstr (copy->data, "217-555-0188"));

  liaison_close (&alice);
  rp_test_server_free (server);
}

int
main (int   argc,
      char *argv[])
{
  static const struct
  {
    const char *name;
    GTestDataFunc func;
  } cases[] = {
    { "create-edit-delete", test_create_edit_delete },
    { "concurrent-fields", test_concurrent_fields },
    { "concurrent-same-field", test_concurrent_same_field },
    { "delete-vs-edit", test_delete_vs_edit },
    { "same-npi", test_same_npi },
    { "offline-and-restart", test_offline_and_restart },
    { "stale-token", test_stale_token },
    { "third-client", test_third_client },
    { "automatic", test_automatic },
    { "imported-before-account", test_imported_before_account },
  };

  g_test_init (&argc, &argv, NULL);
  rp_test_server_require (RP_TEST_RADICALE);
  rp_test_server_require (RP_TEST_XANDIKOS);

  for (RpTestServerKind kind = RP_TEST_RADICALE; kind <= RP_TEST_XANDIKOS; kind++)
    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *path = g_strdup_printf ("/sync/%s/%s", rp_test_server_name (kind),
                                                 cases[i].name);

        g_test_add_data_func (path, GINT_TO_POINTER (kind), cases[i].func);
      }
  g_test_add_func ("/sync/radicale/unauthorized", test_unauthorized);

  return g_test_run ();
}
