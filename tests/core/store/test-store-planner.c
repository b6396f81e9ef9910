/* test-store-planner.c: the planner's store functions (plan, move, reorder, cancel, delete),
 * target lists and their signals, and the per-partner figures the planner ranks by.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>
#include <time.h>

#include "rp-store.h"
#include "rp-test-core.h"

#define TODAY "2026-11-25"      /* a Wednesday; its week runs 2026-11-23…29 */

static gint64
visit_id_at (GPtrArray *visits,
             guint      index)
{
  return rp_planned_visit_get_id (g_ptr_array_index (visits, index));
}

static GPtrArray *
list_day (RpStore    *store,
          const char *day,
          gboolean    include_cancelled)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *visits = rp_store_list_visits_between (store, day, day, include_cancelled, &error);

  g_assert_no_error (error);
  g_assert_nonnull (visits);

  /* Positions are always 0…n-1 among the visits that are not cancelled. */
  for (guint i = 0; i < visits->len; i++)
    {
      RpPlannedVisit *visit = g_ptr_array_index (visits, i);

      if (rp_planned_visit_get_status (visit) != RP_VISIT_STATUS_CANCELLED)
        g_assert_cmpuint (rp_planned_visit_get_position (visit), ==, i);
    }

  return visits;
}

static void
test_visits (void)
{
  g_autoptr(RpStore) store = rp_test_open_memory_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RpPlannedVisit) a = NULL;
  g_autoptr(RpPlannedVisit) b = NULL;
  g_autoptr(RpPlannedVisit) c = NULL;
  g_autoptr(RpPlannedVisit) d = NULL;
  g_autoptr(RpPlannedVisit) loaded = NULL;
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(GPtrArray) reminders = NULL;
  gint64 pa, pb;
  guint n_visits_changed = 0;
  guint n_lists_changed = 0;
  gint64 order[2];
  gint64 foreign[1];

  pa = rp_test_add_active_person (store, "Alpha", RP_TIER_A, 0, 0);
  pb = rp_test_add_active_person (store, "Bravo", RP_TIER_B, 0, 0);
  rp_test_count_signal (store, "visits-changed", &n_visits_changed);
  rp_test_count_signal (store, "lists-changed", &n_lists_changed);

  a = rp_store_plan_visit (store, pa, "2026-11-23", "Bring pads", &error);
  g_assert_no_error (error);
  b = rp_store_plan_visit (store, pb, "2026-11-23", NULL, &error);
  g_assert_no_error (error);
  c = rp_store_plan_visit (store, pa, "2026-11-23", NULL, &error);
  g_assert_no_error (error);
  d = rp_store_plan_visit (store, pb, "2026-11-24", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_visits_changed, ==, 4);
  g_assert_cmpuint (n_lists_changed, ==, 0);

  g_assert_cmpuint (rp_planned_visit_get_position (a), ==, 0);
  g_assert_cmpuint (rp_planned_visit_get_position (c), ==, 2);
  g_assert_cmpuint (rp_planned_visit_get_position (d), ==, 0);
  g_assert_cmpstr (rp_planned_visit_get_partner_name (a), ==, "Test Alpha");
  g_assert_cmpstr (rp_planned_visit_get_objective (a), ==, "Bring pads");
  g_assert_cmpint (rp_planned_visit_get_status (a), ==, RP_VISIT_STATUS_PLANNED);
  g_assert_cmpuint (strlen (rp_planned_visit_get_uuid (a)), ==, 36);

  /* The reminder service's list has the partner's name too. */
  reminders = rp_store_list_planned_visits (store, "2026-11-23", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reminders->len, ==, 3);
  g_assert_cmpstr (rp_planned_visit_get_partner_name (g_ptr_array_index (reminders, 1)), ==,
                   "Test Bravo");

  /* Move c to Tuesday, first: both days renumbered. */
  g_assert_true (rp_store_move_visit (store, rp_planned_visit_get_id (c), "2026-11-24", 0,
                                      &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_visits_changed, ==, 5);
  visits = list_day (store, "2026-11-23", FALSE);
  g_assert_cmpuint (visits->len, ==, 2);
  g_clear_pointer (&visits, g_ptr_array_unref);
  visits = list_day (store, "2026-11-24", FALSE);
  g_assert_cmpuint (visits->len, ==, 2);
  g_assert_cmpint (visit_id_at (visits, 0), ==, rp_planned_visit_get_id (c));
  g_assert_cmpint (visit_id_at (visits, 1), ==, rp_planned_visit_get_id (d));
  g_clear_pointer (&visits, g_ptr_array_unref);

  /* Moving within a day, to the end (G_MAXUINT). */
  g_assert_true (rp_store_move_visit (store, rp_planned_visit_get_id (c), "2026-11-24",
                                      G_MAXUINT, &error));
  visits = list_day (store, "2026-11-24", FALSE);
  g_assert_cmpint (visit_id_at (visits, 1), ==, rp_planned_visit_get_id (c));
  g_clear_pointer (&visits, g_ptr_array_unref);

  /* Reorder Monday: b, a. */
  order[0] = rp_planned_visit_get_id (b);
  order[1] = rp_planned_visit_get_id (a);
  g_assert_true (rp_store_reorder_visits (store, "2026-11-23", order, 2, &error));
  g_assert_no_error (error);
  visits = list_day (store, "2026-11-23", FALSE);
  g_assert_cmpint (visit_id_at (visits, 0), ==, order[0]);
  g_assert_cmpint (visit_id_at (visits, 1), ==, order[1]);
  g_clear_pointer (&visits, g_ptr_array_unref);

  /* A visit of another day is refused, and nothing changes. */
  foreign[0] = rp_planned_visit_get_id (d);
  g_assert_false (rp_store_reorder_visits (store, "2026-11-23", foreign, 1, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  visits = list_day (store, "2026-11-23", FALSE);
  g_assert_cmpint (visit_id_at (visits, 0), ==, order[0]);
  g_clear_pointer (&visits, g_ptr_array_unref);

  /* Cancel b: it leaves the order but stays in history, listed last. */
  g_assert_true (rp_store_set_visit_status (store, rp_planned_visit_get_id (b),
                                            RP_VISIT_STATUS_CANCELLED, 0, &error));
  g_assert_no_error (error);
  visits = list_day (store, "2026-11-23", FALSE);
  g_assert_cmpuint (visits->len, ==, 1);
  g_assert_cmpint (visit_id_at (visits, 0), ==, rp_planned_visit_get_id (a));
  g_clear_pointer (&visits, g_ptr_array_unref);
  visits = list_day (store, "2026-11-23", TRUE);
  g_assert_cmpuint (visits->len, ==, 2);
  g_assert_cmpint (visit_id_at (visits, 1), ==, rp_planned_visit_get_id (b));
  g_assert_cmpint (rp_planned_visit_get_status (g_ptr_array_index (visits, 1)), ==,
                   RP_VISIT_STATUS_CANCELLED);
  g_clear_pointer (&visits, g_ptr_array_unref);

  /* Done, with no activity. */
  g_assert_true (rp_store_set_visit_status (store, rp_planned_visit_get_id (a),
                                            RP_VISIT_STATUS_DONE, 0, &error));
  loaded = rp_store_get_planned_visit (store, rp_planned_visit_get_id (a), &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_planned_visit_get_status (loaded), ==, RP_VISIT_STATUS_DONE);
  g_assert_cmpstr (rp_planned_visit_get_partner_name (loaded), ==, "Test Alpha");

  /* Delete d: Tuesday renumbered. */
  g_assert_true (rp_store_delete_visit (store, rp_planned_visit_get_id (d), &error));
  g_assert_no_error (error);
  visits = list_day (store, "2026-11-24", TRUE);
  g_assert_cmpuint (visits->len, ==, 1);
  g_assert_cmpint (visit_id_at (visits, 0), ==, rp_planned_visit_get_id (c));
  g_clear_pointer (&visits, g_ptr_array_unref);
  g_assert_cmpuint (n_visits_changed, ==, 10);

  /* Errors: a missing visit, partner or a bad day; none emits a signal. */
  g_assert_false (rp_store_delete_visit (store, rp_planned_visit_get_id (d), &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (rp_store_plan_visit (store, 9999, "2026-11-23", NULL, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (rp_store_plan_visit (store, pa, "2026-02-30", NULL, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rp_store_move_visit (store, rp_planned_visit_get_id (c), "tomorrow", 0,
                                       &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (n_visits_changed, ==, 10);

  /* The whole week, by day. */
  visits = rp_store_list_visits_between (store, "2026-11-23", "2026-11-29", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (visits->len, ==, 2);
  g_assert_cmpstr (rp_planned_visit_get_planned_on (g_ptr_array_index (visits, 0)), ==,
                   "2026-11-23");
  g_assert_cmpstr (rp_planned_visit_get_planned_on (g_ptr_array_index (visits, 1)), ==,
                   "2026-11-24");
}

static void
test_target_lists (void)
{
  g_autoptr(RpStore) store = rp_test_open_memory_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lists = NULL;
  g_autoptr(GArray) members = NULL;
  RpTargetListInfo *info;
  guint n_lists_changed = 0;
  gint64 ids[4];
  gint64 list_id, other_id;

  ids[0] = rp_test_add_active_person (store, "One", RP_TIER_A, 0, 0);
  ids[1] = rp_test_add_active_person (store, "Two", RP_TIER_B, 0, 0);
  ids[2] = ids[0];                               /* a repeat keeps its first place */
  ids[3] = rp_test_add_active_person (store, "Three", RP_TIER_C, 0, 0);
  rp_test_count_signal (store, "lists-changed", &n_lists_changed);

  list_id = rp_store_create_target_list (store, "  Spring ortho push ", ids, 4, &error);
  g_assert_no_error (error);
  g_assert_cmpint (list_id, >, 0);
  other_id = rp_store_create_target_list (store, "Autumn", ids + 1, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_lists_changed, ==, 2);

  g_assert_cmpint (rp_store_create_target_list (store, "   ", ids, 1, &error), ==, 0);
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  lists = rp_store_list_target_lists (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lists->len, ==, 2);
  info = g_ptr_array_index (lists, 0);
  g_assert_cmpstr (info->name, ==, "Autumn");
  g_assert_cmpuint (info->n_members, ==, 1);
  info = g_ptr_array_index (lists, 1);
  g_assert_cmpstr (info->name, ==, "Spring ortho push");
  g_assert_cmpuint (info->n_members, ==, 3);
  g_assert_cmpuint (strlen (info->uuid), ==, 36);
  g_assert_cmpstr (info->created_at, !=, "");

  members = rp_store_list_target_members (store, list_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (members->len, ==, 3);
  g_assert_cmpint (g_array_index (members, gint64, 0), ==, ids[0]);
  g_assert_cmpint (g_array_index (members, gint64, 1), ==, ids[1]);
  g_assert_cmpint (g_array_index (members, gint64, 2), ==, ids[3]);

  g_assert_true (rp_store_rename_target_list (store, other_id, "Winter", &error));
  g_assert_no_error (error);
  g_assert_true (rp_store_delete_target_list (store, list_id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_lists_changed, ==, 4);

  g_assert_false (rp_store_delete_target_list (store, list_id, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (rp_store_rename_target_list (store, list_id, "Gone", &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (n_lists_changed, ==, 4);
  g_assert_cmpuint (rp_store_count_rows (store, "target_list_member"), ==, 1);
}

/* The stats of one partner, asserting it is there. */
static RpPartnerPlanStats
plan_stats_of (RpStore *store,
               gint64   partner_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) stats = rp_store_query_plan_stats (store, TODAY, 90, "2026-11-23",
                                                       "2026-11-29", &error);

  g_assert_no_error (error);
  g_assert_nonnull (stats);

  for (guint i = 0; i < stats->len; i++)
    if (g_array_index (stats, RpPartnerPlanStats, i).partner_id == partner_id)
      return g_array_index (stats, RpPartnerPlanStats, i);

  g_assert_not_reached ();
}

static gboolean
has_plan_stats (RpStore *store,
                gint64   partner_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) stats = rp_store_query_plan_stats (store, TODAY, 90, NULL, NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < stats->len; i++)
    if (g_array_index (stats, RpPartnerPlanStats, i).partner_id == partner_id)
      return TRUE;

  return FALSE;
}

/* The store keeps what the costly passes found between calls: every write that changes them,
 * on this connection or another, a rolled back one too, must show in the next call. */
static void
test_plan_stats_follow_writes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpTask) task = rp_task_new (RP_TASK_KIND_FOLLOW_UP);
  g_autoptr(RpPlannedVisit) planned = NULL;
  RpPartnerPlanStats stats;
  RpTestStore tmp;
  gint64 partner;

  rp_test_store_make_dir (&tmp, "rapport-planner-XXXXXX");
  store = rp_store_open (tmp.path, &error);
  g_assert_no_error (error);

  partner = rp_test_add_active_person (store, "Cached", RP_TIER_A, 40.0, -83.0);
  rp_test_add_visit_activity (store, partner, "2026-10-01");
  rp_test_add_referrals (store, partner, "2026-11-01", 2);

  stats = plan_stats_of (store, partner);
  g_assert_cmpstr (stats.last_visit_on, ==, "2026-10-01");
  g_assert_cmpuint (stats.referrals_recent, ==, 2);
  g_assert_cmpuint (stats.open_tasks, ==, 0);
  g_assert_false (stats.planned);

  /* A later visit, more referrals, a task, a planned visit, a new tier. */
  rp_test_add_visit_activity (store, partner, "2026-11-20");
  rp_test_add_referrals (store, partner, "2026-07-01", 3);
  rp_task_set_partner_id (task, partner);
  rp_task_set_due_on (task, "2026-11-30");
  g_assert_true (rp_store_insert_task (store, task, &error));
  g_assert_no_error (error);
  planned = rp_store_plan_visit (store, partner, "2026-11-24", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (planned);
  {
    g_autoptr(RpPartner) object = rp_store_get_partner (store, partner, &error);

    rp_partner_set_tier (object, RP_TIER_C);
    g_assert_true (rp_store_update_partner (store, object, &error));
  }

  stats = plan_stats_of (store, partner);
  g_assert_cmpstr (stats.last_visit_on, ==, "2026-11-20");
  g_assert_cmpuint (stats.referrals_recent, ==, 2);
  g_assert_cmpuint (stats.referrals_previous, ==, 3);
  g_assert_cmpuint (stats.open_tasks, ==, 1);
  g_assert_true (stats.planned);
  g_assert_cmpint (stats.tier, ==, RP_TIER_C);

  /* Done tasks no longer count. */
  rp_task_set_done_at (task, "2026-11-25T10:00:00Z");
  g_assert_true (rp_store_update_task (store, task, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (plan_stats_of (store, partner).open_tasks, ==, 0);

  /* Archived partners leave, and come back with their counts. */
  g_assert_true (rp_store_set_partner_archived (store, partner, TRUE, &error));
  g_assert_false (has_plan_stats (store, partner));
  g_assert_true (rp_store_set_partner_archived (store, partner, FALSE, &error));
  g_assert_no_error (error);
  stats = plan_stats_of (store, partner);
  g_assert_cmpuint (stats.referrals_recent, ==, 2);
  g_assert_cmpstr (stats.last_visit_on, ==, "2026-11-20");

  /* A rolled back write never shows, even when read inside its transaction. */
  g_assert_true (rp_store_begin (store, &error));
  rp_test_add_referrals (store, partner, "2026-11-02", 4);
  g_assert_cmpuint (plan_stats_of (store, partner).referrals_recent, ==, 6);
  rp_store_rollback (store);
  g_assert_cmpuint (plan_stats_of (store, partner).referrals_recent, ==, 2);

  /* Another connection's writes. */
  {
    g_autoptr(RpStore) other = rp_store_open (tmp.path, &error);

    g_assert_no_error (error);
    rp_test_add_referrals (other, partner, "2026-11-03", 1);
    rp_test_add_visit_activity (other, partner, "2026-11-24");
  }
  stats = plan_stats_of (store, partner);
  g_assert_cmpuint (stats.referrals_recent, ==, 3);
  g_assert_cmpstr (stats.last_visit_on, ==, "2026-11-24");

  g_clear_object (&store);
  rp_test_store_close (&tmp);
}

/* The last visit is a local day, across daylight saving time changes. */
static void
test_plan_stats_local_day (void)
{
  g_autoptr(RpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved_tz = g_strdup (g_getenv ("TZ"));
  static const struct
  {
    const char *at;
    const char *day;
  } cases[] = {
    { "2026-11-20T02:00:00Z", "2026-11-19" },    /* EST, UTC−5 */
    { "2026-11-20T05:00:00Z", "2026-11-20" },
    { "2026-07-01T03:30:00Z", "2026-06-30" },    /* EDT, UTC−4 */
    { "2026-07-01T04:30:00Z", "2026-07-01" },
    { "2026-03-08T04:59:59Z", "2026-03-07" },    /* the night the clocks go forward */
    { "2026-03-08T05:00:00Z", "2026-03-08" },
  };

  g_setenv ("TZ", "America/New_York", TRUE);
  tzset ();
  store = rp_test_open_memory_store ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RpActivity) activity = rp_activity_new (RP_ACTIVITY_KIND_VISIT);
      gint64 partner = rp_test_add_active_person (store, cases[i].at, RP_TIER_A, 0, 0);

      rp_activity_set_occurred_at (activity, cases[i].at);
      rp_activity_add_partner_id (activity, partner);
      g_assert_true (rp_store_insert_activity (store, activity, &error));
      g_assert_no_error (error);

      g_assert_cmpstr (plan_stats_of (store, partner).last_visit_on, ==, cases[i].day);
    }

  if (saved_tz != NULL)
    g_setenv ("TZ", saved_tz, TRUE);
  else
    g_unsetenv ("TZ");
  tzset ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/planner/visits", test_visits);
  g_test_add_func ("/planner/target-lists", test_target_lists);
  g_test_add_func ("/planner/stats/follow-writes", test_plan_stats_follow_writes);
  g_test_add_func ("/planner/stats/local-day", test_plan_stats_local_day);

  return g_test_run ();
}
