/* test-planner.c: the planner's store functions (plan, move, reorder, cancel, delete, target
 * lists and their signals), the visit suggestions' ranking and reasons, the target score and
 * a target list written as CSV and read back.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <csv.h>
#include <string.h>
#include <time.h>

#include <glib/gstdio.h>

#include "rp-store.h"
#include "rp-target-score.h"
#include "rp-test-core.h"
#include "rp-visit-suggestions.h"

#define TODAY "2026-11-25"      /* a Wednesday; its week runs 2026-11-23…29 */

static gint64
add_partner (RpStore    *store,
             const char *last_name,
             RpTier      tier,
             double      lat,
             double      lon)
{
  g_autoptr(RpPartner) partner = rp_partner_new (RP_PARTNER_KIND_PERSON);
  g_autoptr(GError) error = NULL;

  rp_partner_set_first_name (partner, "Test");
  rp_partner_set_last_name (partner, last_name);
  rp_partner_set_tier (partner, tier);
  rp_partner_set_status (partner, RP_PARTNER_STATUS_ACTIVE);
  if (lat != 0 || lon != 0)
    rp_partner_set_location (partner, lat, lon);
  g_assert_true (rp_store_insert_partner (store, partner, &error));
  g_assert_no_error (error);

  return rp_partner_get_id (partner);
}

static void
add_visit_activity (RpStore    *store,
                    gint64      partner_id,
                    const char *day)
{
  g_autoptr(RpActivity) activity = rp_activity_new (RP_ACTIVITY_KIND_VISIT);
  g_autoptr(GError) error = NULL;
  g_autofree char *when = g_strdup_printf ("%sT15:00:00Z", day);

  rp_activity_set_occurred_at (activity, when);
  rp_activity_add_partner_id (activity, partner_id);
  g_assert_true (rp_store_insert_activity (store, activity, &error));
  g_assert_no_error (error);
}

static void
add_referrals (RpStore    *store,
               gint64      partner_id,
               const char *day,
               guint       count)
{
  for (guint i = 0; i < count; i++)
    {
      g_autoptr(RpReferral) referral = rp_referral_new ();
      g_autoptr(GError) error = NULL;

      rp_referral_set_partner_id (referral, partner_id);
      rp_referral_set_direction (referral, RP_REFERRAL_DIRECTION_INBOUND);
      rp_referral_set_referred_on (referral, day);
      g_assert_true (rp_store_insert_referral (store, referral, &error));
      g_assert_no_error (error);
    }
}

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

  pa = add_partner (store, "Alpha", RP_TIER_A, 0, 0);
  pb = add_partner (store, "Bravo", RP_TIER_B, 0, 0);
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

  ids[0] = add_partner (store, "One", RP_TIER_A, 0, 0);
  ids[1] = add_partner (store, "Two", RP_TIER_B, 0, 0);
  ids[2] = ids[0];                               /* a repeat keeps its first place */
  ids[3] = add_partner (store, "Three", RP_TIER_C, 0, 0);
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

static RpSuggestion *
find_suggestion (GPtrArray *suggestions,
                 gint64     partner_id,
                 guint     *index)
{
  for (guint i = 0; i < suggestions->len; i++)
    {
      RpSuggestion *suggestion = g_ptr_array_index (suggestions, i);

      if (rp_partner_get_id (suggestion->partner) == partner_id)
        {
          if (index != NULL)
            *index = i;
          return suggestion;
        }
    }

  return NULL;
}

static RpSuggestionReason *
find_reason (RpSuggestion           *suggestion,
             RpSuggestionReasonKind  kind)
{
  for (guint i = 0; i < suggestion->reasons->len; i++)
    {
      RpSuggestionReason *reason = g_ptr_array_index (suggestion->reasons, i);

      if (reason->kind == kind)
        return reason;
    }

  return NULL;
}

static void
test_suggestions (void)
{
  g_autoptr(RpStore) store = rp_test_open_memory_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(RpPlannedVisit) planned = NULL;
  g_autoptr(RpPlannedVisit) done = NULL;
  g_autoptr(RpTask) task = rp_task_new (RP_TASK_KIND_FOLLOW_UP);
  RpSuggestionParams params;
  RpSuggestion *suggestion;
  RpSuggestionReason *reason;
  RpGeoPoint planned_points[1] = { { 40.00, -83.00 } };
  gint64 overdue, recent, falling, target, busy, archived, dormant, near, done_partner;
  guint i_overdue = 0, i_recent = 0;
  gint64 target_ids[1];

  overdue = add_partner (store, "Overdue", RP_TIER_A, 0, 0);
  add_visit_activity (store, overdue, "2026-10-16");               /* 40 days ago */
  recent = add_partner (store, "Recent", RP_TIER_A, 0, 0);
  add_visit_activity (store, recent, "2026-11-22");                /* 3 days ago */
  add_referrals (store, recent, "2026-11-01", 1);
  falling = add_partner (store, "Falling", RP_TIER_B, 0, 0);
  add_visit_activity (store, falling, "2026-11-20");
  add_referrals (store, falling, "2026-07-15", 8);                 /* the previous 90 days */
  add_referrals (store, falling, "2026-10-15", 2);                 /* the last 90 days */
  target = add_partner (store, "Target", RP_TIER_C, 0, 0);
  target_ids[0] = target;
  rp_store_create_target_list (store, "Spring ortho push", target_ids, 1, &error);
  g_assert_no_error (error);
  busy = add_partner (store, "Busy", RP_TIER_A, 0, 0);          /* planned this week */
  planned = rp_store_plan_visit (store, busy, "2026-11-27", NULL, &error);
  g_assert_no_error (error);
  archived = add_partner (store, "Archived", RP_TIER_A, 0, 0);
  g_assert_true (rp_store_set_partner_archived (store, archived, TRUE, &error));
  dormant = add_partner (store, "Dormant", RP_TIER_A, 0, 0);
  {
    g_autoptr(RpPartner) partner = rp_store_get_partner (store, dormant, &error);

    rp_partner_set_status (partner, RP_PARTNER_STATUS_DORMANT);
    g_assert_true (rp_store_update_partner (store, partner, &error));
  }
  near = add_partner (store, "Near", RP_TIER_B, 40.01, -83.00);
  add_visit_activity (store, near, "2026-11-20");
  rp_task_set_partner_id (task, near);
  rp_task_set_title (task, "Send the MRI protocol");
  rp_task_set_due_on (task, "2026-11-30");
  g_assert_true (rp_store_insert_task (store, task, &error));
  /* A visit marked done counts as the last visit, even without an activity. */
  done_partner = add_partner (store, "Done", RP_TIER_A, 0, 0);
  done = rp_store_plan_visit (store, done_partner, "2026-11-16", NULL, &error);
  g_assert_true (rp_store_set_visit_status (store, rp_planned_visit_get_id (done),
                                            RP_VISIT_STATUS_DONE, 0, &error));
  g_assert_no_error (error);

  rp_suggestion_params_init (&params);
  params.today = TODAY;
  params.day = "2026-11-26";
  params.planned_points = planned_points;
  params.n_planned_points = 1;
  params.unit = RP_DISTANCE_UNIT_KILOMETERS;

  suggestions = rp_visit_suggestions_compute (store, &params, &error);
  g_assert_no_error (error);
  g_assert_nonnull (suggestions);

  /* Best first. */
  for (guint i = 1; i < suggestions->len; i++)
    g_assert_cmpfloat (((RpSuggestion *) g_ptr_array_index (suggestions, i - 1))->score, >=,
                       ((RpSuggestion *) g_ptr_array_index (suggestions, i))->score);

  suggestion = find_suggestion (suggestions, overdue, &i_overdue);
  g_assert_nonnull (suggestion);
  g_assert_cmpstr (suggestion->last_visit_on, ==, "2026-10-16");
  g_assert_cmpuint (suggestion->days_overdue, ==, 40 - 14);
  reason = find_reason (suggestion, RP_SUGGESTION_REASON_OVERDUE);
  g_assert_nonnull (reason);
  g_assert_cmpstr (reason->text, ==, "Tier A: last visit 40 days ago, due every 14 days");
  g_assert_cmpfloat (suggestion->score, >, 0);

  /* The recently visited tier A partner is not due: below the overdue one, or not listed. */
  if (find_suggestion (suggestions, recent, &i_recent) != NULL)
    g_assert_cmpuint (i_overdue, <, i_recent);
  g_assert_cmpuint (i_overdue, ==, 0);

  suggestion = find_suggestion (suggestions, falling, NULL);
  g_assert_nonnull (suggestion);
  reason = find_reason (suggestion, RP_SUGGESTION_REASON_FALLING);
  g_assert_nonnull (reason);
  g_assert_cmpstr (reason->text, ==, "Referrals fell from 8 to 2 (last 90 days)");
  g_assert_null (find_reason (suggestion, RP_SUGGESTION_REASON_OVERDUE));

  suggestion = find_suggestion (suggestions, target, NULL);
  g_assert_nonnull (suggestion);
  g_assert_null (suggestion->last_visit_on);
  reason = find_reason (suggestion, RP_SUGGESTION_REASON_TARGET_LIST);
  g_assert_nonnull (reason);
  g_assert_cmpstr (reason->text, ==, "On target list “Spring ortho push”, never visited");
  g_assert_nonnull (find_reason (suggestion, RP_SUGGESTION_REASON_OVERDUE));

  suggestion = find_suggestion (suggestions, near, NULL);
  g_assert_nonnull (suggestion);
  reason = find_reason (suggestion, RP_SUGGESTION_REASON_NEAR_PLANNED);
  g_assert_nonnull (reason);
  g_assert_cmpstr (reason->text, ==, "1.1 km from Thursday’s visits");
  reason = find_reason (suggestion, RP_SUGGESTION_REASON_FOLLOW_UPS);
  g_assert_nonnull (reason);
  g_assert_cmpstr (reason->text, ==, "1 open follow-up");
  /* Reasons are sorted by their share. */
  for (guint i = 1; i < suggestion->reasons->len; i++)
    g_assert_cmpfloat (((RpSuggestionReason *) g_ptr_array_index (suggestion->reasons,
                                                                   i - 1))->points, >=,
                       ((RpSuggestionReason *) g_ptr_array_index (suggestion->reasons,
                                                                   i))->points);

  /* Already planned this week, archived, dormant, or visited 9 days ago (done): left out. */
  g_assert_null (find_suggestion (suggestions, busy, NULL));
  g_assert_null (find_suggestion (suggestions, archived, NULL));
  g_assert_null (find_suggestion (suggestions, dormant, NULL));
  g_assert_null (find_suggestion (suggestions, done_partner, NULL));

  /* The limit keeps the best. */
  g_clear_pointer (&suggestions, g_ptr_array_unref);
  params.limit = 1;
  suggestions = rp_visit_suggestions_compute (store, &params, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (suggestions->len, ==, 1);
  g_assert_cmpint (rp_partner_get_id (((RpSuggestion *) g_ptr_array_index (suggestions,
                                                                            0))->partner), ==,
                   overdue);

  /* A partner's own cadence wins over the tier's. */
  {
    g_autoptr(RpPartner) partner = rp_store_get_partner (store, overdue, &error);

    rp_partner_set_cadence_days (partner, 60);
    g_assert_true (rp_store_update_partner (store, partner, &error));
  }
  g_clear_pointer (&suggestions, g_ptr_array_unref);
  params.limit = 0;
  suggestions = rp_visit_suggestions_compute (store, &params, &error);
  g_assert_no_error (error);
  g_assert_null (find_suggestion (suggestions, overdue, NULL));
}

static gint64
add_scored_partner (RpStore    *store,
                    const char *last_name,
                    guint       influence,
                    guint       volume,
                    double      lat,
                    double      lon)
{
  g_autoptr(GError) error = NULL;
  gint64 id = add_partner (store, last_name, RP_TIER_B, lat, lon);
  g_autoptr(RpPartner) partner = rp_store_get_partner (store, id, &error);

  rp_partner_set_influence (partner, influence);
  rp_partner_set_monthly_volume (partner, volume);
  rp_partner_set_phone (partner, "(614) 555-0100");
  g_assert_true (rp_store_update_partner (store, partner, &error));
  g_assert_no_error (error);

  return id;
}

static gint64
candidate_id (GPtrArray *candidates,
              guint      index)
{
  return rp_partner_get_id (((RpTargetCandidate *) g_ptr_array_index (candidates,
                                                                       index))->partner);
}

static void
test_target_score (void)
{
  g_autoptr(RpStore) store = rp_test_open_memory_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ranked = NULL;
  RpTargetParams params;
  RpTargetCandidate *candidate;
  gint64 influential, big, close, rising;

  influential = add_scored_partner (store, "Influential", 5, 10, 40.50, -83.0);
  big = add_scored_partner (store, "Big", 1, 400, 40.40, -83.0);
  close = add_scored_partner (store, "Close", 1, 10, 40.001, -83.0);
  rising = add_scored_partner (store, "Rising", 1, 10, 0, 0);
  add_referrals (store, rising, "2026-07-01", 1);
  add_referrals (store, rising, "2026-11-01", 6);

  rp_target_params_init (&params);
  params.today = TODAY;
  params.has_origin = TRUE;
  params.origin.lat = 40.0;
  params.origin.lon = -83.0;
  params.unit = RP_DISTANCE_UNIT_KILOMETERS;

  /* One weight at a time puts its partner first. */
  params.weight_influence = 1;
  params.weight_volume = params.weight_proximity = params.weight_trend = 0;
  ranked = rp_target_rank (store, &params, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ranked->len, ==, 4);
  g_assert_cmpint (candidate_id (ranked, 0), ==, influential);
  candidate = g_ptr_array_index (ranked, 0);
  g_assert_cmpfloat_with_epsilon (candidate->score, 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (candidate->influence, 1.0, 1e-9);
  g_clear_pointer (&ranked, g_ptr_array_unref);

  params.weight_influence = 0;
  params.weight_volume = 2;       /* weights are normalised */
  ranked = rp_target_rank (store, &params, &error);
  g_assert_cmpint (candidate_id (ranked, 0), ==, big);
  g_assert_cmpfloat_with_epsilon (((RpTargetCandidate *) g_ptr_array_index (ranked,
                                                                             0))->score,
                                  1.0, 1e-9);
  g_clear_pointer (&ranked, g_ptr_array_unref);

  params.weight_volume = 0;
  params.weight_proximity = 1;
  ranked = rp_target_rank (store, &params, &error);
  g_assert_cmpint (candidate_id (ranked, 0), ==, close);
  g_assert_cmpint (candidate_id (ranked, 1), ==, big);
  g_assert_cmpint (candidate_id (ranked, 2), ==, influential);
  candidate = g_ptr_array_index (ranked, 3);
  g_assert_cmpint (rp_partner_get_id (candidate->partner), ==, rising);
  g_assert_cmpfloat (candidate->distance_km, ==, -1);
  g_clear_pointer (&ranked, g_ptr_array_unref);

  params.weight_proximity = 0;
  params.weight_trend = 1;
  ranked = rp_target_rank (store, &params, &error);
  candidate = g_ptr_array_index (ranked, 0);
  g_assert_cmpint (rp_partner_get_id (candidate->partner), ==, rising);
  g_assert_cmpuint (candidate->referrals_recent, ==, 6);
  g_assert_cmpuint (candidate->referrals_previous, ==, 1);
  g_assert_cmpfloat (candidate->trend, >, 0.5);
  g_clear_pointer (&ranked, g_ptr_array_unref);

  /* Favouring falling partners turns the trend round: the rising one goes last. */
  params.favour_falling = TRUE;
  ranked = rp_target_rank (store, &params, &error);
  g_assert_cmpint (candidate_id (ranked, 3), ==, rising);
  g_clear_pointer (&ranked, g_ptr_array_unref);

  /* The default weights mix the four, each part explained. */
  rp_target_params_init (&params);
  params.today = TODAY;
  params.has_origin = TRUE;
  params.origin.lat = 40.0;
  params.origin.lon = -83.0;
  params.unit = RP_DISTANCE_UNIT_KILOMETERS;
  params.limit = 2;
  ranked = rp_target_rank (store, &params, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ranked->len, ==, 2);
  candidate = g_ptr_array_index (ranked, 0);
  g_assert_cmpfloat (candidate->score, >=,
                     ((RpTargetCandidate *) g_ptr_array_index (ranked, 1))->score);
  g_assert_nonnull (strstr (candidate->explanation, "Influence "));
  g_assert_nonnull (strstr (candidate->explanation, " a month ("));
  g_assert_nonnull (strstr (candidate->explanation, "referrals "));
}

typedef struct
{
  GPtrArray *rows;      /* GPtrArray of GPtrArray of char* */
  GPtrArray *row;
} CsvRead;

static void
csv_field_cb (void   *data,
              size_t  len,
              void   *user_data)
{
  CsvRead *read = user_data;

  if (read->row == NULL)
    read->row = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (read->row, g_strndup (data, len));
}

static void
csv_row_cb (int   c,
            void *user_data)
{
  CsvRead *read = user_data;

  g_ptr_array_add (read->rows, g_steal_pointer (&read->row));
}

static void
test_target_csv (void)
{
  g_autoptr(RpStore) store = rp_test_open_memory_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rapport-csv-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "list.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(RpPartner) tricky = rp_partner_new (RP_PARTNER_KIND_ORGANIZATION);
  struct csv_parser parser;
  CsvRead read = { g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref), NULL };
  gint64 ids[2];
  gint64 list_id;
  gsize length;
  GPtrArray *row;

  g_assert_no_error (error);
  ids[0] = add_scored_partner (store, "Plain", 3, 20, 40.01, -83.0);
  rp_partner_set_organization (tricky, "Smith, Jones & \"Partners\"");
  rp_partner_set_street (tricky, "1 Main St\nSuite 2");
  rp_partner_set_city (tricky, "Columbus");
  g_assert_true (rp_store_insert_partner (store, tricky, &error));
  ids[1] = rp_partner_get_id (tricky);

  list_id = rp_store_create_target_list (store, "Test", ids, 2, &error);
  g_assert_no_error (error);
  g_assert_true (rp_target_list_write_csv (store, list_id, path, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_true (g_str_has_prefix (contents, "\"Position\",\"Name\","));
  g_assert_true (g_str_has_suffix (contents, "\r\n"));

  g_assert_cmpint (csv_init (&parser, CSV_STRICT | CSV_STRICT_FINI), ==, 0);
  g_assert_cmpuint (csv_parse (&parser, contents, length, csv_field_cb, csv_row_cb, &read), ==,
                    length);
  g_assert_cmpint (csv_fini (&parser, csv_field_cb, csv_row_cb, &read), ==, 0);
  csv_free (&parser);

  g_assert_cmpuint (read.rows->len, ==, 3);
  row = g_ptr_array_index (read.rows, 0);
  g_assert_cmpuint (row->len, ==, 8);
  g_assert_cmpstr (g_ptr_array_index (row, 7), ==, "Score");
  row = g_ptr_array_index (read.rows, 1);
  g_assert_cmpstr (g_ptr_array_index (row, 0), ==, "1");
  g_assert_cmpstr (g_ptr_array_index (row, 1), ==, "Test Plain");
  g_assert_cmpstr (g_ptr_array_index (row, 5), ==, "(614) 555-0100");
  g_assert_cmpstr (g_ptr_array_index (row, 6), ==, "B");
  g_assert_nonnull (strstr (g_ptr_array_index (row, 7), "Influence 3/5"));
  row = g_ptr_array_index (read.rows, 2);
  g_assert_cmpstr (g_ptr_array_index (row, 0), ==, "2");
  g_assert_cmpstr (g_ptr_array_index (row, 1), ==, "Smith, Jones & \"Partners\"");
  g_assert_nonnull (strstr (g_ptr_array_index (row, 4), "1 Main St\nSuite 2"));

  /* A list with no members (or no longer there) is the header alone. */
  g_ptr_array_unref (read.rows);
  g_clear_pointer (&contents, g_free);
  g_assert_true (rp_target_list_write_csv (store, 9999, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_cmpuint (strlen (contents), >, 0);
  g_assert_null (strstr (contents, "Plain"));
  g_remove (path);
  g_rmdir (dir);
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

  partner = add_partner (store, "Cached", RP_TIER_A, 40.0, -83.0);
  add_visit_activity (store, partner, "2026-10-01");
  add_referrals (store, partner, "2026-11-01", 2);

  stats = plan_stats_of (store, partner);
  g_assert_cmpstr (stats.last_visit_on, ==, "2026-10-01");
  g_assert_cmpuint (stats.referrals_recent, ==, 2);
  g_assert_cmpuint (stats.open_tasks, ==, 0);
  g_assert_false (stats.planned);

  /* A later visit, more referrals, a task, a planned visit, a new tier. */
  add_visit_activity (store, partner, "2026-11-20");
  add_referrals (store, partner, "2026-07-01", 3);
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
  add_referrals (store, partner, "2026-11-02", 4);
  g_assert_cmpuint (plan_stats_of (store, partner).referrals_recent, ==, 6);
  rp_store_rollback (store);
  g_assert_cmpuint (plan_stats_of (store, partner).referrals_recent, ==, 2);

  /* Another connection's writes. */
  {
    g_autoptr(RpStore) other = rp_store_open (tmp.path, &error);

    g_assert_no_error (error);
    add_referrals (other, partner, "2026-11-03", 1);
    add_visit_activity (other, partner, "2026-11-24");
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
      gint64 partner = add_partner (store, cases[i].at, RP_TIER_A, 0, 0);

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
  g_test_add_func ("/planner/suggestions", test_suggestions);
  g_test_add_func ("/planner/target-score", test_target_score);
  g_test_add_func ("/planner/target-csv", test_target_csv);
  g_test_add_func ("/planner/stats/follow-writes", test_plan_stats_follow_writes);
  g_test_add_func ("/planner/stats/local-day", test_plan_stats_local_day);

  return g_test_run ();
}
