/* test-store-sync.c: schema 11 (team sync) and the store area rp-store-sync.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <sqlite3.h>

#include "rp-store-sync.h"
#include "rp-test-core.h"

static guint
count_changes (RpStore    *store,
               RpSyncKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = rp_store_sync_list_changes (store, kind, &error);

  g_assert_no_error (error);
  return changes->len;
}

/* A database of schema 10 with a partner and a visit: after the upgrade both wait to be sent,
 * the visit has no liaison (it is this database's own) and no time of its own. */
static void
test_migrate_from_10 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpPlannedVisit) visit = NULL;
  g_autoptr(RpSyncChange) change = NULL;
  g_autofree char *partner_uuid = NULL;
  g_autofree char *visit_uuid = NULL;
  RpTestStore tmp;
  sqlite3 *db;

  rp_test_store_open (&tmp, "rapport-store-sync-XXXXXX");
  {
    g_autoptr(RpPartner) adams = rp_test_add_partner (tmp.store, RP_PARTNER_KIND_PERSON, "Ann",
                                                      "Adams");
    g_autoptr(RpPlannedVisit) planned = rp_store_plan_visit (tmp.store,
                                                             rp_partner_get_id (adams),
                                                             "2026-12-09", "Flyers", &error);

    g_assert_no_error (error);
    partner_uuid = g_strdup (rp_partner_get_uuid (adams));
    visit_uuid = g_strdup (rp_planned_visit_get_uuid (planned));
  }
  g_clear_object (&tmp.store);

  g_assert_cmpint (sqlite3_open (tmp.path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, RP_TEST_UNDO_SCHEMA_11 "PRAGMA user_version = 10;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = rp_store_open (tmp.path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_store_get_schema_version (store), ==, RP_STORE_SCHEMA_VERSION);

  g_assert_cmpuint (rp_store_sync_count_changes (store), ==, 2);
  change = rp_store_sync_get_change (store, RP_SYNC_KIND_PARTNER, partner_uuid, &error);
  g_assert_no_error (error);
  g_assert_nonnull (change);
  g_assert_false (change->deleted);
  visit = rp_store_sync_find_visit (store, visit_uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rp_planned_visit_get_liaison (visit), ==, "");
  g_assert_cmpstr (rp_planned_visit_get_start_time (visit), ==, "");
  g_assert_cmpstr (rp_planned_visit_get_objective (visit), ==, "Flyers");

  g_clear_object (&store);
  rp_test_store_close (&tmp);
}

/* Edits queue in their own transaction; the engine's writes (quiet) do not; a change sent is
 * removed only when nothing changed since. */
static void
test_queue (void)
{
  g_autoptr(RpStore) store = rp_test_open_memory_store ();
  g_autoptr(RpPartner) adams = NULL;
  g_autoptr(RpPartner) baker = NULL;
  g_autoptr(RpSyncChange) change = NULL;
  g_autoptr(RpSyncObject) object = NULL;
  g_autoptr(RpPlannedVisit) visit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *adams_uuid = NULL;

  adams = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Ann", "Adams");
  adams_uuid = g_strdup (rp_partner_get_uuid (adams));
  g_assert_cmpuint (count_changes (store, RP_SYNC_KIND_PARTNER), ==, 1);

  change = rp_store_sync_get_change (store, RP_SYNC_KIND_PARTNER, adams_uuid, &error);
  g_assert_no_error (error);
  g_assert_true (rp_store_sync_save_object (store, RP_SYNC_KIND_PARTNER, adams_uuid,
                                            "/team/partners/a.vcf", "\"1\"", "BEGIN:VCARD",
                                            &error));
  g_assert_no_error (error);

  /* Edited again before the sent change is marked done: it stays queued. */
  g_usleep (2000);
  rp_partner_set_phone (adams, "555-0100");
  g_assert_true (rp_store_update_partner (store, adams, &error));
  g_assert_no_error (error);
  g_assert_true (rp_store_sync_done_change (store, RP_SYNC_KIND_PARTNER, adams_uuid,
                                            change->changed_at, &error));
  g_assert_cmpuint (count_changes (store, RP_SYNC_KIND_PARTNER), ==, 1);
  g_clear_pointer (&change, rp_sync_change_free);
  change = rp_store_sync_get_change (store, RP_SYNC_KIND_PARTNER, adams_uuid, &error);
  g_assert_true (rp_store_sync_done_change (store, RP_SYNC_KIND_PARTNER, adams_uuid,
                                            change->changed_at, &error));
  g_assert_cmpuint (count_changes (store, RP_SYNC_KIND_PARTNER), ==, 0);

  /* The engine's writes queue nothing. */
  g_assert_true (rp_store_begin (store, &error));
  g_assert_true (rp_store_sync_set_quiet (store, TRUE, &error));
  baker = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Bo", "Baker");
  g_assert_true (rp_store_sync_set_quiet (store, FALSE, &error));
  g_assert_true (rp_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_changes (store, RP_SYNC_KIND_PARTNER), ==, 0);

  /* A deletion is queued as one. */
  g_assert_true (rp_store_delete_partner (store, rp_partner_get_id (adams), &error));
  g_clear_pointer (&change, rp_sync_change_free);
  change = rp_store_sync_get_change (store, RP_SYNC_KIND_PARTNER, adams_uuid, &error);
  g_assert_true (change->deleted);

  /* A visit from the server, by UUID: inserted, then updated in place. */
  visit = rp_planned_visit_new ();
  rp_planned_visit_set_uuid (visit, "6f0c1c2e-8b1a-4c55-9a51-0d6f2a1c0a01");
  rp_planned_visit_set_partner_id (visit, rp_partner_get_id (baker));
  rp_planned_visit_set_planned_on (visit, "2026-12-09");
  rp_planned_visit_set_start_time (visit, "14:30");
  rp_planned_visit_set_liaison (visit, "Bob");
  g_assert_true (rp_store_begin (store, &error));
  g_assert_true (rp_store_sync_set_quiet (store, TRUE, &error));
  g_assert_true (rp_store_sync_write_visit (store, visit, &error));
  rp_planned_visit_set_start_time (visit, "15:00");
  g_assert_true (rp_store_sync_write_visit (store, visit, &error));
  g_assert_true (rp_store_sync_set_quiet (store, FALSE, &error));
  g_assert_true (rp_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_changes (store, RP_SYNC_KIND_VISIT), ==, 0);
  g_clear_object (&visit);
  visit = rp_store_sync_find_visit (store, "6f0c1c2e-8b1a-4c55-9a51-0d6f2a1c0a01", &error);
  g_assert_cmpstr (rp_planned_visit_get_start_time (visit), ==, "15:00");
  g_assert_cmpstr (rp_planned_visit_get_liaison (visit), ==, "Bob");

  /* A partner takes another UUID (the same physician added twice). */
  g_assert_true (rp_store_sync_change_partner_uuid (store, rp_partner_get_id (baker),
                                                    "0b0b0b0b-8b1a-4c55-9a51-0d6f2a1c0a01",
                                                    &error));
  g_assert_no_error (error);
  g_clear_object (&baker);
  baker = rp_store_find_partner_by_uuid (store, "0b0b0b0b-8b1a-4c55-9a51-0d6f2a1c0a01", &error);
  g_assert_no_error (error);

  /* Forgetting the server queues everything again. */
  g_assert_true (rp_store_sync_reset (store, &error));
  g_assert_no_error (error);
  object = rp_store_sync_get_object (store, RP_SYNC_KIND_PARTNER, adams_uuid, &error);
  g_assert_no_error (error);
  g_assert_null (object);
  g_assert_cmpuint (count_changes (store, RP_SYNC_KIND_VISIT), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store-sync/migrate-from-10", test_migrate_from_10);
  g_test_add_func ("/store-sync/queue", test_queue);

  return g_test_run ();
}
