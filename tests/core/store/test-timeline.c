/* test-timeline.c: timeline items and the paging timeline list.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "rp-store-activities.h"
#include "rp-store-feedback.h"
#include "rp-store-outcomes.h"
#include "rp-store-partners.h"
#include "rp-store-referrals.h"
#include "rp-store-tasks.h"
#include "rp-test-core.h"
#include "rp-store-timeline.h"
#include "rp-timeline-list.h"

static RpPartner *
add_partner (RpStore    *store,
             const char *last,
             RpTier      tier)
{
  RpPartner *partner = rp_partner_new (RP_PARTNER_KIND_PERSON);

  rp_partner_set_first_name (partner, "Ann");
  rp_partner_set_last_name (partner, last);
  rp_partner_set_tier (partner, tier);
  rp_test_insert_partner (store, partner);

  return partner;
}

static RpActivity *
add_activity (RpStore        *store,
              RpActivityKind  kind,
              const char     *occurred_at,
              const char     *summary,
              gint64          cost_cents,
              gint64          partner_id,
              gint64          other_partner_id)
{
  g_autoptr(GError) error = NULL;
  RpActivity *activity = rp_activity_new (kind);

  rp_activity_set_occurred_at (activity, occurred_at);
  rp_activity_set_summary (activity, summary);
  rp_activity_set_cost_cents (activity, cost_cents);
  rp_activity_add_partner_id (activity, partner_id);
  if (other_partner_id > 0)
    rp_activity_add_partner_id (activity, other_partner_id);
  rp_store_insert_activity (store, activity, &error);
  g_assert_no_error (error);

  return activity;
}

typedef struct
{
  RpStore   *store;
  RpPartner *lee;     /* tier A */
  RpPartner *park;    /* tier C */
} Fixture;

/* Five entries, one of each source:
 *   2026-01-15        task due "Call"            (park)
 *   2026-01-12 10:00  task done "Thank"          (lee)
 *   2026-01-12 09:00  referral scheduled         (lee)
 *   2026-01-11 15:00  visit, lee and park, $12
 *   2026-01-10        referral received          (lee) */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpReferral) referral = rp_referral_new ();
  g_autoptr(RpTask) done = rp_task_new (RP_TASK_KIND_THANK_YOU);
  g_autoptr(RpTask) due = rp_task_new (RP_TASK_KIND_FOLLOW_UP);
  g_autoptr(RpActivity) visit = NULL;

  fixture->store = rp_store_open (":memory:", &error);
  g_assert_no_error (error);
  fixture->lee = add_partner (fixture->store, "Lee", RP_TIER_A);
  fixture->park = add_partner (fixture->store, "Park", RP_TIER_C);

  rp_referral_set_partner_id (referral, rp_partner_get_id (fixture->lee));
  rp_referral_set_direction (referral, RP_REFERRAL_DIRECTION_INBOUND);
  rp_referral_set_referred_on (referral, "2026-01-10");
  rp_referral_set_reason (referral, "knee pain");
  rp_store_insert_referral (fixture->store, referral, &error);
  g_assert_no_error (error);
  rp_store_add_referral_transition (fixture->store, referral, RP_REFERRAL_STATUS_SCHEDULED,
                                    "2026-01-12T09:00:00Z", &error);
  g_assert_no_error (error);

  visit = add_activity (fixture->store, RP_ACTIVITY_KIND_VISIT, "2026-01-11T15:00:00Z", "Lunch",
                        1200, rp_partner_get_id (fixture->lee), rp_partner_get_id (fixture->park));

  rp_task_set_title (done, "Thank");
  rp_task_set_partner_id (done, rp_partner_get_id (fixture->lee));
  rp_task_set_due_on (done, "2026-01-12");
  rp_task_set_done_at (done, "2026-01-12T10:00:00Z");
  rp_store_insert_task (fixture->store, done, &error);
  g_assert_no_error (error);

  rp_task_set_title (due, "Call");
  rp_task_set_partner_id (due, rp_partner_get_id (fixture->park));
  rp_task_set_due_on (due, "2026-01-15");
  rp_store_insert_task (fixture->store, due, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->lee);
  g_clear_object (&fixture->park);
  g_assert_finalize_object (fixture->store);
}

static RpTimelineItem *
item_at (RpTimelineList *list,
         guint           position)
{
  RpTimelineItem *item = g_list_model_get_item (G_LIST_MODEL (list), position);

  g_assert_nonnull (item);
  g_object_unref (item); /* the list keeps it */
  return item;
}

static guint
count_with (RpStore                *store,
            const RpTimelineFilter *filter)
{
  g_autoptr(RpTimelineList) list = rp_timeline_list_new (store, filter);

  g_assert_true (rp_timeline_list_get_complete (list));
  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

static void
test_order (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(RpTimelineFilter) filter = rp_timeline_filter_new ();
  g_autoptr(RpTimelineList) list = rp_timeline_list_new (fixture->store, filter);
  static const char * const titles[] = {
    "Due: Call", "Done: Thank", "Referral scheduled", "Visit", "Referral received: knee pain",
  };
  static const gboolean first_of_day[] = { TRUE, TRUE, FALSE, TRUE, TRUE };
  static const char * const days[] = {
    "2026-01-15", "2026-01-12", "2026-01-12", "2026-01-11", "2026-01-10",
  };
  RpTimelineItem *item;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 5);
  g_assert_true (rp_timeline_list_get_complete (list));

  for (guint i = 0; i < 5; i++)
    {
      item = item_at (list, i);
      g_assert_cmpstr (rp_timeline_item_get_title (item), ==, titles[i]);
      g_assert_cmpstr (rp_timeline_item_get_day (item), ==, days[i]);
      g_assert_cmpint (rp_timeline_item_get_first_of_day (item), ==, first_of_day[i]);
      g_assert_cmpstr (rp_timeline_item_get_icon_name (item), !=, "");
    }

  item = item_at (list, 0);
  g_assert_cmpint (rp_timeline_item_get_kind (item), ==, RP_TIMELINE_KIND_TASK_DUE);
  g_assert_cmpstr (rp_timeline_item_get_day_label (item), ==, "Thursday, January 15, 2026");
  g_assert_cmpstr (rp_timeline_item_get_partner_name (item), ==,
                   rp_partner_get_display_name (fixture->park));

  item = item_at (list, 3);
  g_assert_cmpint (rp_timeline_item_get_kind (item), ==, RP_TIMELINE_KIND_ACTIVITY);
  g_assert_cmpint (rp_timeline_item_get_activity_kind (item), ==, RP_ACTIVITY_KIND_VISIT);
  g_assert_cmpstr (rp_timeline_item_get_summary (item), ==, "Lunch · $12.00");
  g_assert_true (g_str_has_suffix (rp_timeline_item_get_partner_name (item), " and 1 other"));
  g_assert_cmpint (rp_timeline_item_get_partner_id (item), ==, rp_partner_get_id (fixture->lee));
  g_assert_cmpint (rp_timeline_item_get_activity_id (item), >, 0);

  item = item_at (list, 4);
  g_assert_cmpint (rp_timeline_item_get_kind (item), ==, RP_TIMELINE_KIND_REFERRAL);
  g_assert_cmpstr (rp_timeline_item_get_occurred_at (item), ==, "2026-01-10T00:00:00Z");
  g_assert_cmpint (rp_timeline_item_get_referral_id (item), >, 0);
  g_assert_cmpint (rp_timeline_item_get_referral_id (item), ==,
                   rp_timeline_item_get_referral_id (item_at (list, 2)));
}

static void
test_day_label (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpPartner) partner = NULL;
  g_autoptr(RpActivity) a = NULL;
  g_autoptr(RpActivity) b = NULL;
  g_autoptr(RpTimelineList) list = NULL;
  g_autofree char *now_iso = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *yesterday_iso = g_date_time_format (yesterday, "%Y-%m-%dT%H:%M:%SZ");
  g_autoptr(GError) error = NULL;

  store = rp_store_open (":memory:", &error);
  g_assert_no_error (error);
  partner = add_partner (store, "Lee", RP_TIER_B);
  a = add_activity (store, RP_ACTIVITY_KIND_CALL, now_iso, "", 0, rp_partner_get_id (partner), 0);
  b = add_activity (store, RP_ACTIVITY_KIND_NOTE, yesterday_iso, "", 0,
                    rp_partner_get_id (partner), 0);

  list = rp_timeline_list_new (store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  g_assert_cmpstr (rp_timeline_item_get_day_label (item_at (list, 0)), ==, "Today");
  g_assert_cmpstr (rp_timeline_item_get_title (item_at (list, 0)), ==, "Call");
  g_assert_cmpstr (rp_timeline_item_get_day_label (item_at (list, 1)), ==, "Yesterday");
  g_assert_true (rp_timeline_item_get_first_of_day (item_at (list, 1)));
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(RpTimelineFilter) filter = rp_timeline_filter_new ();
  g_autoptr(RpTimelineList) list = NULL;
  RpTestItemsChanged record = { 0 };

  filter->referrals = FALSE;
  filter->tasks = FALSE;
  g_assert_cmpuint (count_with (fixture->store, filter), ==, 1);

  filter->activities = FALSE;
  filter->referrals = TRUE;
  g_assert_cmpuint (count_with (fixture->store, filter), ==, 2);

  filter->referrals = FALSE;
  filter->tasks = TRUE;
  g_assert_cmpuint (count_with (fixture->store, filter), ==, 2);

  rp_timeline_filter_free (filter);
  filter = rp_timeline_filter_new ();
  filter->partner_id = rp_partner_get_id (fixture->park);
  g_assert_cmpuint (count_with (fixture->store, filter), ==, 2);   /* the visit, the task due */
  filter->partner_id = rp_partner_get_id (fixture->lee);
  g_assert_cmpuint (count_with (fixture->store, filter), ==, 4);

  filter->partner_id = 0;
  filter->any_tier = FALSE;
  filter->tier = RP_TIER_C;
  g_assert_cmpuint (count_with (fixture->store, filter), ==, 2);
  filter->tier = RP_TIER_B;
  g_assert_cmpuint (count_with (fixture->store, filter), ==, 0);
  filter->tier = RP_TIER_A;
  g_assert_cmpuint (count_with (fixture->store, filter), ==, 4);

  filter->any_tier = TRUE;
  filter->from = g_strdup ("2026-01-11");
  filter->to = g_strdup ("2026-01-12");
  g_assert_cmpuint (count_with (fixture->store, filter), ==, 3);
  g_free (filter->from);
  filter->from = NULL;
  g_assert_cmpuint (count_with (fixture->store, filter), ==, 4);

  /* Past only: on 13 January the task due on the 15th is upcoming, not above today; on the
   * 15th it is today's. */
  {
    g_autoptr(RpTimelineFilter) past = rp_timeline_filter_new ();
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) items = NULL;

    past->past_only = TRUE;
    g_assert_false (rp_timeline_filter_equal (past, filter));
    items = rp_store_list_timeline_page (fixture->store, past, NULL, 50, "2026-01-13", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (items->len, ==, 4);
    g_assert_cmpint (rp_timeline_item_get_kind (g_ptr_array_index (items, 0)), !=,
                     RP_TIMELINE_KIND_TASK_DUE);
    g_clear_pointer (&items, g_ptr_array_unref);

    items = rp_store_list_timeline_page (fixture->store, past, NULL, 50, "2026-01-15", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (items->len, ==, 5);
    g_assert_cmpstr (rp_timeline_item_get_title (g_ptr_array_index (items, 0)), ==, "Due: Call");
    g_clear_pointer (&items, g_ptr_array_unref);

    past->past_only = FALSE;
    items = rp_store_list_timeline_page (fixture->store, past, NULL, 50, "2026-01-13", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (items->len, ==, 5);
  }

  /* Changing the filter of a live list starts again. */
  list = rp_timeline_list_new (fixture->store, NULL);
  rp_test_items_changed_connect (&record, list);
  rp_timeline_list_set_filter (list, filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);
  g_assert_cmpuint (record.position, ==, 0);
  g_assert_true (rp_timeline_filter_equal (rp_timeline_list_get_filter (list), filter));
}

static void
test_paging (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpPartner) partner = NULL;
  g_autoptr(RpTimelineList) list = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(RpActivity) newest = NULL;
  RpTestItemsChanged record = { 0 };
  guint n_pages = 1;
  guint n;

  store = rp_store_open (":memory:", &error);
  g_assert_no_error (error);
  partner = add_partner (store, "Lee", RP_TIER_B);

  /* 23 entries; several share an instant, so pages must continue inside a tie. */
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *when = g_strdup_printf ("2026-02-%02uT10:00:00Z", 1 + i / 3);
      g_autoptr(RpActivity) activity = add_activity (store, RP_ACTIVITY_KIND_CALL, when, "", 0,
                                                     rp_partner_get_id (partner), 0);
    }
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(RpReferral) referral = rp_referral_new ();

      rp_referral_set_partner_id (referral, rp_partner_get_id (partner));
      rp_referral_set_referred_on (referral, "2026-02-03");
      rp_store_insert_referral (store, referral, &error);
      g_assert_no_error (error);
    }

  list = g_object_new (RP_TYPE_TIMELINE_LIST, "store", store, "page-size", 5, NULL);
  rp_test_items_changed_connect (&record, list);
  g_assert_cmpuint (record.n_items, ==, 5);
  g_assert_false (rp_timeline_list_get_complete (list));

  while (!rp_timeline_list_get_complete (list))
    {
      rp_timeline_list_load_more (list, &error);
      g_assert_no_error (error);
      n_pages++;
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, ==, 23);
  g_assert_cmpuint (n_pages, ==, 5);
  g_assert_true (record.appends_only);
  g_assert_cmpuint (rp_timeline_list_load_more (list, &error), ==, 0);

  for (guint i = 0; i < n; i++)
    {
      RpTimelineItem *item = item_at (list, i);
      g_autofree char *key = NULL;

      g_object_get (item, "sort-key", &key, NULL);
      g_assert_false (g_hash_table_contains (seen, key));
      if (i > 0)
        {
          g_autofree char *previous = NULL;

          g_object_get (item_at (list, i - 1), "sort-key", &previous, NULL);
          g_assert_cmpstr (previous, >, key);
          g_assert_cmpstr (rp_timeline_item_get_occurred_at (item_at (list, i - 1)), >=,
                           rp_timeline_item_get_occurred_at (item));
        }
      g_hash_table_add (seen, g_steal_pointer (&key));
    }

  /* A change in the store starts again from the newest entry. */
  newest = add_activity (store, RP_ACTIVITY_KIND_NOTE, "2026-03-01T08:00:00Z", "new", 0,
                         rp_partner_get_id (partner), 0);
  g_assert_cmpuint (record.position, ==, 0);
  g_assert_cmpuint (record.removed, ==, 23);
  g_assert_cmpstr (rp_timeline_item_get_title (item_at (list, 0)), ==, "Note");
  g_assert_cmpint (rp_timeline_item_get_activity_id (item_at (list, 0)), ==,
                   rp_activity_get_id (newest));
}

static void
test_auto_load (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpPartner) partner = NULL;
  g_autoptr(RpTimelineList) list = NULL;
  g_autoptr(RpTimelineItem) item = NULL;
  RpTestItemsChanged record = { 0 };

  store = rp_store_open (":memory:", &error);
  g_assert_no_error (error);
  partner = add_partner (store, "Lee", RP_TIER_B);
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *when = g_strdup_printf ("2026-04-%02uT10:00:00Z", 1 + i);
      g_autoptr(RpActivity) activity = add_activity (store, RP_ACTIVITY_KIND_VISIT, when, "", 0,
                                                     rp_partner_get_id (partner), 0);
    }

  list = g_object_new (RP_TYPE_TIMELINE_LIST, "store", store, "page-size", 5, NULL);
  rp_test_items_changed_connect (&record, list);
  g_assert_cmpuint (record.n_items, ==, 5);

  /* Reading the last loaded row loads the next page later, not from inside get_item. */
  item = g_list_model_get_item (G_LIST_MODEL (list), 4);
  g_assert_cmpuint (record.n_signals, ==, 0);
  while (record.n_signals == 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (record.position, ==, 5);
  g_assert_cmpuint (record.added, ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 10);
}

static void
add_feedback (RpStore         *store,
              gint64           partner_id,
              const char      *day,
              guint            score,
              RpFeedbackTopic  topic,
              const char      *given_by,
              const char      *comment)
{
  g_autoptr(RpFeedback) feedback = rp_feedback_new ();
  g_autoptr(GError) error = NULL;

  rp_feedback_set_partner_id (feedback, partner_id);
  rp_feedback_set_given_on (feedback, day);
  rp_feedback_set_score (feedback, score);
  rp_feedback_set_topic (feedback, topic);
  rp_feedback_set_given_by (feedback, given_by);
  rp_feedback_set_comment (feedback, comment);
  rp_store_import_feedback (store, feedback, &error);
  g_assert_no_error (error);
}

/* A referral's outcome shows at the time it was recorded, with its category, satisfaction and
 * note; partner feedback shows on its day with its score, topic, who gave it and the comment.
 * Both follow the kind, partner, tier and date filters and page without loss or repeat. */
static void
test_outcomes_and_feedback (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = rp_store_open (":memory:", &error);
  g_autoptr(RpPartner) lee = add_partner (store, "Lee", RP_TIER_A);
  g_autoptr(RpPartner) park = add_partner (store, "Park", RP_TIER_C);
  g_autoptr(RpReferral) seen = rp_test_add_referral (store, lee, RP_REFERRAL_DIRECTION_INBOUND,
                                                     "2026-01-10", RP_REFERRAL_STATUS_SEEN);
  g_autoptr(RpTimelineFilter) filter = rp_timeline_filter_new ();
  g_autoptr(RpTimelineList) list = NULL;
  g_autoptr(RpTimelineList) paged = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *today = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  RpTimelineItem *item;
  guint n;

  g_assert_no_error (error);
  today = g_date_time_format (now, "%Y-%m-%d");

  categories = rp_store_list_outcome_categories (store, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (rp_store_set_referral_outcome (store, rp_referral_get_id (seen),
                                                rp_outcome_category_get_id (
                                                  g_ptr_array_index (categories, 0)),
                                                4, "Walking again", &error));
  g_assert_no_error (error);

  add_feedback (store, rp_partner_get_id (lee), "2026-01-20", 5, RP_FEEDBACK_TOPIC_REPORTS,
                "Office manager", "Reports arrive late");
  for (guint i = 0; i < 6; i++)
    add_feedback (store, rp_partner_get_id (park), i < 3 ? "2026-01-21" : "2026-01-22", 9,
                  RP_FEEDBACK_TOPIC_STAFF, "", i % 2 == 0 ? "Friendly front desk" : "");

  /* Lee's timeline: the outcome (today, newest), the feedback, the referral's two entries. */
  filter->partner_id = rp_partner_get_id (lee);
  list = rp_timeline_list_new (store, filter);
  g_assert_true (rp_timeline_list_get_complete (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >=, 3);

  item = item_at (list, 0);
  g_assert_cmpint (rp_timeline_item_get_kind (item), ==, RP_TIMELINE_KIND_REFERRAL);
  g_assert_cmpstr (rp_timeline_item_get_title (item), ==, "Outcome: Improved");
  g_assert_cmpstr (rp_timeline_item_get_summary (item), ==, "Satisfaction 4 of 5 · Walking again");
  g_assert_cmpstr (rp_timeline_item_get_day (item), ==, today);
  g_assert_cmpint (rp_timeline_item_get_referral_id (item), ==, rp_referral_get_id (seen));
  g_assert_cmpint (rp_timeline_item_get_partner_id (item), ==, rp_partner_get_id (lee));

  item = item_at (list, 1);
  g_assert_cmpint (rp_timeline_item_get_kind (item), ==, RP_TIMELINE_KIND_ACTIVITY);
  g_assert_cmpint (rp_timeline_item_get_activity_kind (item), ==, RP_ACTIVITY_KIND_FEEDBACK);
  g_assert_cmpstr (rp_timeline_item_get_title (item), ==, "Feedback: 5 of 10 on Reports");
  g_assert_cmpstr (rp_timeline_item_get_summary (item), ==,
                   "Office manager: Reports arrive late");
  g_assert_cmpstr (rp_timeline_item_get_day (item), ==, "2026-01-20");
  g_assert_cmpint (rp_timeline_item_get_partner_id (item), ==, rp_partner_get_id (lee));

  /* The kind switches: outcomes go with referrals, feedback with activities. */
  filter->referrals = FALSE;
  filter->tasks = FALSE;
  g_assert_cmpuint (count_with (store, filter), ==, 1);
  filter->referrals = TRUE;
  filter->activities = FALSE;
  g_assert_cmpuint (count_with (store, filter), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (list)) - 1);

  /* Tier and dates. */
  rp_timeline_filter_free (filter);
  filter = rp_timeline_filter_new ();
  filter->any_tier = FALSE;
  filter->tier = RP_TIER_C;
  g_assert_cmpuint (count_with (store, filter), ==, 6);
  filter->any_tier = TRUE;
  filter->from = g_strdup ("2026-01-21");
  filter->to = g_strdup ("2026-01-21");
  g_assert_cmpuint (count_with (store, filter), ==, 3);

  /* Everyone, two at a time: every entry once, newest first. */
  paged = g_object_new (RP_TYPE_TIMELINE_LIST, "store", store, "page-size", 2, NULL);
  while (!rp_timeline_list_get_complete (paged))
    {
      rp_timeline_list_load_more (paged, &error);
      g_assert_no_error (error);
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (paged));
  g_assert_cmpuint (n, ==, count_with (store, NULL));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *key = NULL;

      g_object_get (item_at (paged, i), "sort-key", &key, NULL);
      g_assert_false (g_hash_table_contains (keys, key));
      if (i > 0)
        {
          g_autofree char *previous = NULL;

          g_object_get (item_at (paged, i - 1), "sort-key", &previous, NULL);
          g_assert_cmpstr (previous, >, key);
        }
      g_hash_table_add (keys, g_steal_pointer (&key));
    }
  g_assert_cmpuint (g_hash_table_size (keys), ==, count_with (store, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/timeline/order", Fixture, NULL, fixture_set_up, test_order, fixture_tear_down);
  g_test_add ("/timeline/filters", Fixture, NULL, fixture_set_up, test_filters,
              fixture_tear_down);
  g_test_add_func ("/timeline/day-label", test_day_label);
  g_test_add_func ("/timeline/paging", test_paging);
  g_test_add_func ("/timeline/auto-load", test_auto_load);
  g_test_add_func ("/timeline/outcomes-and-feedback", test_outcomes_and_feedback);

  return g_test_run ();
}
