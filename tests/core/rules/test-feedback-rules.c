/* test-feedback-rules.c: feedback logged together with its activity (the Log Activity dialog's
 * "Add Feedback"), in one transaction, with the follow-up a low score calls for.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "rp-feedback-rules.h"
#include "rp-store-activities.h"
#include "rp-store-feedback.h"
#include "rp-store-tasks.h"
#include "rp-test-core.h"

static RpActivity *
new_call (gint64      partner_id,
          const char *occurred_at)
{
  RpActivity *activity = rp_activity_new (RP_ACTIVITY_KIND_FEEDBACK);

  rp_activity_set_occurred_at (activity, occurred_at);
  rp_activity_set_summary (activity, "Asked how we are doing");
  if (partner_id > 0)
    rp_activity_add_partner_id (activity, partner_id);
  return activity;
}

static RpFeedback *
new_feedback (guint score)
{
  RpFeedback *feedback = rp_feedback_new ();

  rp_feedback_set_given_by (feedback, "Office manager");
  rp_feedback_set_score (feedback, score);
  rp_feedback_set_topic (feedback, RP_FEEDBACK_TOPIC_SCHEDULING);
  rp_feedback_set_comment (feedback, "Hard to get a slot");
  return feedback;
}

static void
test_with_feedback (void)
{
  g_autoptr(RpStore) store = rp_test_open_memory_store ();
  g_autoptr(RpPartner) adams = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Ann", "Adams");
  g_autoptr(RpActivity) call = new_call (rp_partner_get_id (adams), "2026-03-10T15:00:00Z");
  g_autoptr(RpFeedback) feedback = new_feedback (4);
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 3, 10, 16, 0, 0);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(RpTask) task = NULL;
  g_autoptr(GError) error = NULL;
  guint tasks_before = rp_store_count_rows (store, "task");

  g_assert_true (rp_rules_log_activity_with_feedback (store, call, NULL, NULL, feedback, now,
                                                      NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rp_activity_get_id (call), >, 0);
  g_assert_cmpint (rp_feedback_get_id (feedback), >, 0);

  /* The feedback took the activity's partner and local day. */
  list = rp_store_list_partner_feedback (store, rp_partner_get_id (adams), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (rp_feedback_get_given_on (g_ptr_array_index (list, 0)), ==, "2026-03-10");
  g_assert_cmpuint (rp_feedback_get_score (g_ptr_array_index (list, 0)), ==, 4);
  g_assert_cmpstr (rp_feedback_get_comment (g_ptr_array_index (list, 0)), ==,
                   "Hard to get a slot");

  /* A score of 4: the follow-up task, for the partner. */
  g_assert_cmpint (rp_feedback_get_task_id (feedback), >, 0);
  g_assert_cmpuint (rp_store_count_rows (store, "task"), ==, tasks_before + 1);
  task = rp_store_get_task (store, rp_feedback_get_task_id (feedback), &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_task_get_partner_id (task), ==, rp_partner_get_id (adams));
  g_assert_cmpint (rp_task_get_kind (task), ==, RP_TASK_KIND_FOLLOW_UP);
}

static void
test_promoter_and_none (void)
{
  g_autoptr(RpStore) store = rp_test_open_memory_store ();
  g_autoptr(RpPartner) adams = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Ann", "Adams");
  g_autoptr(RpActivity) call = new_call (rp_partner_get_id (adams), "2026-03-10T15:00:00Z");
  g_autoptr(RpActivity) visit = new_call (rp_partner_get_id (adams), "2026-03-11T15:00:00Z");
  g_autoptr(RpFeedback) feedback = new_feedback (7);
  g_autoptr(RpFeedback) stored = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 3, 11, 16, 0, 0);
  g_autoptr(GError) error = NULL;
  guint tasks_before = rp_store_count_rows (store, "task");

  /* 7 is passive, not a detractor: no task. A day given is kept. */
  rp_feedback_set_given_on (feedback, "2026-03-09");
  g_assert_true (rp_rules_log_activity_with_feedback (store, call, NULL, NULL, feedback, now,
                                                      NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rp_feedback_get_task_id (feedback), ==, 0);
  stored = rp_store_get_feedback (store, rp_feedback_get_id (feedback), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rp_feedback_get_given_on (stored), ==, "2026-03-09");
  g_assert_cmpuint (rp_store_count_rows (store, "task"), ==, tasks_before);

  /* No feedback: only the activity. */
  g_assert_true (rp_rules_log_activity_with_feedback (store, visit, NULL, NULL, NULL, now, NULL,
                                                      &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rp_store_count_rows (store, "activity"), ==, 2);
  g_assert_cmpuint (rp_store_count_rows (store, "partner_feedback"), ==, 1);
}

/* Feedback the store refuses takes the activity back with it: nothing written, the objects as
 * they were, so the dialog can be corrected and saved again. */
static void
test_refused (void)
{
  g_autoptr(RpStore) store = rp_test_open_memory_store ();
  g_autoptr(RpPartner) adams = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Ann", "Adams");
  g_autoptr(RpActivity) call = new_call (rp_partner_get_id (adams), "2026-03-10T15:00:00Z");
  g_autoptr(RpFeedback) feedback = new_feedback (2);
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 3, 10, 16, 0, 0);
  g_autoptr(GError) error = NULL;
  guint tasks_before = rp_store_count_rows (store, "task");

  rp_feedback_set_given_on (feedback, "2026-02-30");
  g_assert_false (rp_rules_log_activity_with_feedback (store, call, "2026-03-17", "Call back",
                                                       feedback, now, NULL, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (rp_store_count_rows (store, "activity"), ==, 0);
  g_assert_cmpuint (rp_store_count_rows (store, "partner_feedback"), ==, 0);
  g_assert_cmpuint (rp_store_count_rows (store, "task"), ==, tasks_before);
  g_assert_cmpint (rp_activity_get_id (call), ==, 0);
  g_assert_cmpint (rp_feedback_get_id (feedback), ==, 0);
  g_assert_cmpint (rp_feedback_get_task_id (feedback), ==, 0);
  g_assert_cmpstr (rp_feedback_get_given_on (feedback), ==, "2026-02-30");

  /* Corrected, the same objects save. */
  rp_feedback_set_given_on (feedback, "2026-03-10");
  g_assert_true (rp_rules_log_activity_with_feedback (store, call, "2026-03-17", "Call back",
                                                      feedback, now, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rp_store_count_rows (store, "activity"), ==, 1);
  g_assert_cmpuint (rp_store_count_rows (store, "partner_feedback"), ==, 1);
  /* The activity's follow-up and the low score's follow-up. */
  g_assert_cmpuint (rp_store_count_rows (store, "task"), ==, tasks_before + 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rules/feedback/with-activity", test_with_feedback);
  g_test_add_func ("/rules/feedback/promoter-and-none", test_promoter_and_none);
  g_test_add_func ("/rules/feedback/refused", test_refused);

  return g_test_run ();
}
