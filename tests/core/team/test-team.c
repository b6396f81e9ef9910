/* test-team.c: the window's line about team sync, and whose visits are someone else's.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "rp-store-sync.h"
#include "rp-store-visits.h"
#include "rp-team.h"
#include "rp-test-core.h"
#include "rp-validate.h"

static GDateTime *
at (int hour,
    int minute,
    int second)
{
  return g_date_time_new_utc (2026, 12, 7, hour, minute, second);
}

static void
assert_describes (RpSyncState  state,
                  GDateTime   *last_synced,
                  guint        pending,
                  const char  *expected)
{
  g_autoptr(GDateTime) now = at (14, 30, 0);
  g_autofree char *text = rp_team_status_describe (state, last_synced, pending, now);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_describe_states (void)
{
  g_autoptr(GDateTime) two_minutes_ago = at (14, 28, 0);

  assert_describes (RP_SYNC_STATE_NOT_CONFIGURED, NULL, 0, NULL);
  assert_describes (RP_SYNC_STATE_NOT_CONFIGURED, two_minutes_ago, 4, NULL);
  assert_describes (RP_SYNC_STATE_SYNCING, two_minutes_ago, 3, "Syncing…");
  assert_describes (RP_SYNC_STATE_OFFLINE, two_minutes_ago, 0, "Offline");
  assert_describes (RP_SYNC_STATE_OFFLINE, NULL, 1, "Offline · 1 change waiting");
  assert_describes (RP_SYNC_STATE_OFFLINE, two_minutes_ago, 3, "Offline · 3 changes waiting");
  assert_describes (RP_SYNC_STATE_FAILED, two_minutes_ago, 3, "Sync failed");
  /* Changes waiting say more than when the last sync was. */
  assert_describes (RP_SYNC_STATE_IDLE, two_minutes_ago, 3, "3 changes waiting");
  assert_describes (RP_SYNC_STATE_IDLE, two_minutes_ago, 1, "1 change waiting");
  assert_describes (RP_SYNC_STATE_IDLE, two_minutes_ago, 0, "Synced 2 min ago");
  assert_describes (RP_SYNC_STATE_IDLE, NULL, 0, "Not synced yet");
}

static void
test_describe_ages (void)
{
  g_autoptr(GDateTime) seconds_ago = at (14, 29, 31);
  g_autoptr(GDateTime) in_future = at (14, 30, 20);
  g_autoptr(GDateTime) one_minute = at (14, 29, 0);
  g_autoptr(GDateTime) fifty_nine = at (13, 31, 0);
  g_autoptr(GDateTime) one_hour = at (13, 29, 0);
  g_autoptr(GDateTime) five_hours = at (9, 0, 0);
  g_autoptr(GDateTime) yesterday = g_date_time_new_utc (2026, 12, 6, 14, 0, 0);
  g_autoptr(GDateTime) last_week = g_date_time_new_utc (2026, 11, 30, 8, 0, 0);

  assert_describes (RP_SYNC_STATE_IDLE, seconds_ago, 0, "Synced just now");
  assert_describes (RP_SYNC_STATE_IDLE, in_future, 0, "Synced just now");
  assert_describes (RP_SYNC_STATE_IDLE, one_minute, 0, "Synced 1 min ago");
  assert_describes (RP_SYNC_STATE_IDLE, fifty_nine, 0, "Synced 59 min ago");
  assert_describes (RP_SYNC_STATE_IDLE, one_hour, 0, "Synced 1 hour ago");
  assert_describes (RP_SYNC_STATE_IDLE, five_hours, 0, "Synced 5 hours ago");
  assert_describes (RP_SYNC_STATE_IDLE, yesterday, 0, "Synced 1 day ago");
  assert_describes (RP_SYNC_STATE_IDLE, last_week, 0, "Synced 7 days ago");
}

static void
test_needs_attention (void)
{
  g_assert_true (rp_team_status_needs_attention (RP_SYNC_STATE_FAILED));
  /* Offline is said in the sidebar; the changes go out when the network returns. */
  g_assert_false (rp_team_status_needs_attention (RP_SYNC_STATE_OFFLINE));
  g_assert_false (rp_team_status_needs_attention (RP_SYNC_STATE_IDLE));
  g_assert_false (rp_team_status_needs_attention (RP_SYNC_STATE_SYNCING));
  g_assert_false (rp_team_status_needs_attention (RP_SYNC_STATE_NOT_CONFIGURED));
}

#define OTHERS_UUID "6f0c1c2e-8b1a-4c55-9a51-0d6f2a1c0b02"

/* Maria's visit as the team calendar gave it: untimed (its start follows its position), so any
 * renumbering of it would rewrite her event. */
static void
write_others_visit (RpStore    *store,
                    gint64      partner_id,
                    const char *day)
{
  g_autoptr(RpPlannedVisit) visit = rp_planned_visit_new ();
  g_autoptr(GError) error = NULL;

  rp_planned_visit_set_uuid (visit, OTHERS_UUID);
  rp_planned_visit_set_partner_id (visit, partner_id);
  rp_planned_visit_set_planned_on (visit, day);
  rp_planned_visit_set_start_time (visit, "");
  rp_planned_visit_set_liaison (visit, "Maria Gomez");
  g_assert_true (rp_store_begin (store, &error));
  g_assert_true (rp_store_sync_set_quiet (store, TRUE, &error));
  g_assert_true (rp_store_sync_write_visit (store, visit, &error));
  g_assert_true (rp_store_sync_set_quiet (store, FALSE, &error));
  g_assert_true (rp_store_commit (store, &error));
  g_assert_no_error (error);
}

static void
assert_others_untouched (RpStore *store,
                         guint    position)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpSyncChange) change = rp_store_sync_get_change (store, RP_SYNC_KIND_VISIT,
                                                             OTHERS_UUID, &error);
  g_autoptr(RpPlannedVisit) visit = rp_store_sync_find_visit (store, OTHERS_UUID, &error);

  g_assert_no_error (error);
  /* Nothing queued: her event is never sent from this database. */
  g_assert_null (change);
  g_assert_nonnull (visit);
  g_assert_cmpuint (rp_planned_visit_get_position (visit), ==, position);
  g_assert_cmpint (rp_planned_visit_get_status (visit), ==, RP_VISIT_STATUS_PLANNED);
  g_assert_cmpstr (rp_planned_visit_get_planned_on (visit), ==, "2026-12-08");
}

static void
assert_refused (gboolean  done,
                GError   *error)
{
  g_assert_false (done);
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Maria Gomez"));
}

/* A liaison's route is theirs only: their day's order, moves, cancellations and the route list
 * leave the other liaisons' visits of the same day alone. */
static void
test_own_route (void)
{
  g_autoptr(RpStore) store = rp_test_open_memory_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RpPlannedVisit) first = NULL;
  g_autoptr(RpPlannedVisit) second = NULL;
  g_autoptr(RpPlannedVisit) later = NULL;
  g_autoptr(RpPlannedVisit) others = NULL;
  g_autoptr(GPtrArray) day = NULL;
  g_autoptr(GPtrArray) own = NULL;
  g_autoptr(GPtrArray) route = NULL;
  gint64 pa = rp_test_add_active_person (store, "Alpha", RP_TIER_A, 0, 0);
  gint64 pb = rp_test_add_active_person (store, "Bravo", RP_TIER_B, 0, 0);
  gint64 pc = rp_test_add_active_person (store, "Charlie", RP_TIER_B, 0, 0);
  gint64 order[2];
  guint others_position;
  gboolean done;

  first = rp_store_plan_visit (store, pa, "2026-12-08", NULL, &error);
  g_assert_no_error (error);
  write_others_visit (store, pc, "2026-12-08");
  second = rp_store_plan_visit (store, pb, "2026-12-08", NULL, &error);
  g_assert_no_error (error);
  later = rp_store_plan_visit (store, pc, "2026-12-09", NULL, &error);
  g_assert_no_error (error);

  /* One's own day counts one's own stops: Maria's visit takes no place in it. */
  g_assert_cmpuint (rp_planned_visit_get_position (first), ==, 0);
  g_assert_cmpuint (rp_planned_visit_get_position (second), ==, 1);
  others = rp_store_sync_find_visit (store, OTHERS_UUID, &error);
  g_assert_true (rp_team_is_own_visit (first));
  g_assert_false (rp_team_is_own_visit (others));
  others_position = rp_planned_visit_get_position (others);
  assert_others_untouched (store, others_position);

  day = rp_store_list_visits_between (store, "2026-12-08", "2026-12-08", TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (day->len, ==, 3);
  own = rp_team_own_visits (day);
  g_assert_cmpuint (own->len, ==, 2);
  g_assert_cmpint (rp_planned_visit_get_id (g_ptr_array_index (own, 0)), ==,
                   rp_planned_visit_get_id (first));
  g_assert_cmpint (rp_planned_visit_get_id (g_ptr_array_index (own, 1)), ==,
                   rp_planned_visit_get_id (second));

  /* The day's route (map, reminders) is one's own. */
  route = rp_store_list_planned_visits (store, "2026-12-08", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (route->len, ==, 2);

  /* Optimise Route's reorder, a move in and out, a cancellation and a removal. */
  order[0] = rp_planned_visit_get_id (second);
  order[1] = rp_planned_visit_get_id (first);
  g_assert_true (rp_store_reorder_visits (store, "2026-12-08", order, 2, &error));
  g_assert_no_error (error);
  assert_others_untouched (store, others_position);
  g_assert_true (rp_store_move_visit (store, rp_planned_visit_get_id (later), "2026-12-08", 0,
                                      &error));
  g_assert_no_error (error);
  assert_others_untouched (store, others_position);
  g_assert_true (rp_store_move_visit (store, rp_planned_visit_get_id (later), "2026-12-09", 0,
                                      &error));
  assert_others_untouched (store, others_position);
  g_assert_true (rp_store_set_visit_status (store, rp_planned_visit_get_id (second),
                                            RP_VISIT_STATUS_CANCELLED, 0, &error));
  g_assert_no_error (error);
  assert_others_untouched (store, others_position);
  g_assert_true (rp_store_delete_visit (store, rp_planned_visit_get_id (first), &error));
  g_assert_no_error (error);
  assert_others_untouched (store, others_position);

  /* Her visit is hers: it cannot be reordered, moved, cancelled or removed here. */
  order[0] = rp_planned_visit_get_id (others);
  done = rp_store_reorder_visits (store, "2026-12-08", order, 1, &error);
  assert_refused (done, error);
  g_clear_error (&error);
  done = rp_store_move_visit (store, rp_planned_visit_get_id (others), "2026-12-09", 0, &error);
  assert_refused (done, error);
  g_clear_error (&error);
  done = rp_store_set_visit_status (store, rp_planned_visit_get_id (others),
                                    RP_VISIT_STATUS_CANCELLED, 0, &error);
  assert_refused (done, error);
  g_clear_error (&error);
  done = rp_store_delete_visit (store, rp_planned_visit_get_id (others), &error);
  assert_refused (done, error);
  g_clear_error (&error);
  assert_others_untouched (store, others_position);
}

static void
assert_normalizes (const char *text,
                   const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = rp_team_normalize_server_url (text, &error);

  if (expected == NULL)
    {
      g_assert_error (error, RP_VALIDATE_ERROR, RP_VALIDATE_ERROR_INVALID);
      g_assert_null (url);
    }
  else
    {
      g_assert_no_error (error);
      g_assert_cmpstr (url, ==, expected);
    }
}

static void
test_normalize_server_url (void)
{
  assert_normalizes ("dav.example.org", "https://dav.example.org");
  assert_normalizes ("  dav.example.org/team/ ", "https://dav.example.org/team/");
  assert_normalizes ("http://127.0.0.1:5232/", "http://127.0.0.1:5232/");
  assert_normalizes ("HTTPS://cloud.example.org/remote.php/dav",
                     "HTTPS://cloud.example.org/remote.php/dav");
  assert_normalizes ("", NULL);
  assert_normalizes ("   ", NULL);
  assert_normalizes (NULL, NULL);
  assert_normalizes ("ftp://example.org/", NULL);
  assert_normalizes ("dav example org", NULL);
  assert_normalizes ("https://", NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/team/status/describe-states", test_describe_states);
  g_test_add_func ("/team/status/describe-ages", test_describe_ages);
  g_test_add_func ("/team/status/needs-attention", test_needs_attention);
  g_test_add_func ("/team/own-route", test_own_route);

  g_test_add_func ("/team/normalize-server-url", test_normalize_server_url);

  return g_test_run ();
}
