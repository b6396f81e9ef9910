/* test-store-outcomes.c: referral outcomes, the editable list of outcome categories, feedback
 * from partner offices with its follow-up task, and the migration to schema 10 of a database
 * with data in it.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <sqlite3.h>

#include "rp-store-feedback.h"
#include "rp-store-outcomes.h"
#include "rp-store-partners.h"
#include "rp-referral-list.h"
#include "rp-store-referrals.h"
#include "rp-test-core.h"
#include "rp-timeline-list.h"

static gint64
category_id_by_key (RpStore    *store,
                    const char *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) categories = rp_store_list_outcome_categories (store, TRUE, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < categories->len; i++)
    {
      RpOutcomeCategory *category = g_ptr_array_index (categories, i);

      if (g_strcmp0 (rp_outcome_category_get_key (category), key) == 0)
        return rp_outcome_category_get_id (category);
    }

  g_assert_not_reached ();
  return 0;
}

static void
test_categories (void)
{
  g_autoptr(RpStore) store = rp_test_open_memory_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(RpOutcomeCategory) added = NULL;
  g_autoptr(RpOutcomeCategory) again = NULL;
  const char *keys[] = { "improved", "unchanged", "referred-on", "surgery-scheduled",
                         "discharged", "other" };

  /* The six built-in categories, in order, shown by their translated names. */
  categories = rp_store_list_outcome_categories (store, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (categories->len, ==, 6);
  for (guint i = 0; i < 6; i++)
    {
      RpOutcomeCategory *category = g_ptr_array_index (categories, i);

      g_assert_cmpstr (rp_outcome_category_get_key (category), ==, keys[i]);
      g_assert_cmpstr (rp_outcome_category_get_label (category), ==, "");
      g_assert_cmpuint (rp_outcome_category_get_position (category), ==, i);
    }
  g_assert_cmpstr (rp_outcome_category_get_display_label (g_ptr_array_index (categories, 3)), ==,
                   "Surgery scheduled");
  g_clear_pointer (&categories, g_ptr_array_unref);

  /* Adding: at the end; a blank name or one already listed (case-blind) is refused. */
  added = rp_store_add_outcome_category (store, "  Physical therapy ", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rp_outcome_category_get_display_label (added), ==, "Physical therapy");
  g_assert_cmpuint (rp_outcome_category_get_position (added), ==, 6);
  g_assert_null (rp_outcome_category_get_key (added));

  g_assert_null (rp_store_add_outcome_category (store, "   ", &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (rp_store_add_outcome_category (store, "IMPROVED", &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Renaming a built-in one; a name taken by another is refused. */
  g_assert_true (rp_store_rename_outcome_category (store, category_id_by_key (store, "other"),
                                                   "Other outcome", &error));
  g_assert_no_error (error);
  g_assert_false (rp_store_rename_outcome_category (store, category_id_by_key (store, "other"),
                                                    "Discharged", &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Moving the new one first, then removing "unchanged": positions stay 0…n-1. */
  g_assert_true (rp_store_move_outcome_category (store, rp_outcome_category_get_id (added), 0,
                                                 &error));
  g_assert_no_error (error);
  g_assert_true (rp_store_remove_outcome_category (store, category_id_by_key (store, "unchanged"),
                                                   &error));
  g_assert_no_error (error);
  categories = rp_store_list_outcome_categories (store, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (categories->len, ==, 6);
  g_assert_cmpstr (rp_outcome_category_get_display_label (g_ptr_array_index (categories, 0)), ==,
                   "Physical therapy");
  g_assert_cmpstr (rp_outcome_category_get_key (g_ptr_array_index (categories, 1)), ==,
                   "improved");
  g_assert_cmpstr (rp_outcome_category_get_key (g_ptr_array_index (categories, 2)), ==,
                   "referred-on");
  g_assert_cmpstr (rp_outcome_category_get_display_label (g_ptr_array_index (categories, 5)), ==,
                   "Other outcome");
  for (guint i = 0; i < categories->len; i++)
    g_assert_cmpuint (rp_outcome_category_get_position (g_ptr_array_index (categories, i)), ==, i);
  g_clear_pointer (&categories, g_ptr_array_unref);

  /* A removed one is still listed with the archived, and adding its name brings it back. */
  categories = rp_store_list_outcome_categories (store, TRUE, &error);
  g_assert_cmpuint (categories->len, ==, 7);
  g_assert_true (rp_outcome_category_get_archived (g_ptr_array_index (categories, 6)));
  again = rp_store_add_outcome_category (store, "unchanged", &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_outcome_category_get_id (again), ==, category_id_by_key (store, "unchanged"));
  g_assert_false (rp_outcome_category_get_archived (again));
  g_assert_cmpuint (rp_outcome_category_get_position (again), ==, 6);

  g_assert_false (rp_store_remove_outcome_category (store, 9999, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND);
}

static void
test_referral_outcome (void)
{
  g_autoptr(RpStore) store = rp_test_open_memory_store ();
  g_autoptr(RpPartner) adams = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Ann", "Adams");
  g_autoptr(RpReferral) seen = NULL;
  g_autoptr(RpReferral) open = NULL;
  g_autoptr(RpReferralOutcome) outcome = NULL;
  g_autoptr(RpReferral) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first_recorded = NULL;
  gint64 improved = category_id_by_key (store, "improved");
  gint64 discharged = category_id_by_key (store, "discharged");

  seen = rp_test_add_referral (store, adams, RP_REFERRAL_DIRECTION_INBOUND, "2026-03-02",
                               RP_REFERRAL_STATUS_SEEN);
  open = rp_test_add_referral (store, adams, RP_REFERRAL_DIRECTION_INBOUND, "2026-03-03",
                               RP_REFERRAL_STATUS_SCHEDULED);

  /* Nothing recorded yet. */
  outcome = rp_store_get_referral_outcome (store, rp_referral_get_id (seen), &error);
  g_assert_no_error (error);
  g_assert_cmpint (outcome->category_id, ==, 0);
  g_assert_cmpstr (outcome->category, ==, "");
  g_assert_cmpuint (outcome->satisfaction, ==, 0);
  g_assert_null (outcome->recorded_at);
  g_clear_pointer (&outcome, rp_referral_outcome_free);

  /* Not seen yet: refused, nothing written. */
  g_assert_false (rp_store_set_referral_outcome (store, rp_referral_get_id (open), improved, 4,
                                                 "Fine", &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rp_store_set_referral_outcome (store, rp_referral_get_id (seen), improved, 6,
                                                 "", &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rp_store_set_referral_outcome (store, rp_referral_get_id (seen), 4242, 0, "",
                                                 &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (rp_store_set_referral_outcome (store, rp_referral_get_id (seen), improved, 5,
                                                "  Back to running ", &error));
  g_assert_no_error (error);
  outcome = rp_store_get_referral_outcome (store, rp_referral_get_id (seen), &error);
  g_assert_cmpint (outcome->category_id, ==, improved);
  g_assert_cmpstr (outcome->category, ==, "Improved");
  g_assert_cmpuint (outcome->satisfaction, ==, 5);
  g_assert_cmpstr (outcome->note, ==, "Back to running");
  g_assert_nonnull (outcome->recorded_at);
  first_recorded = g_strdup (outcome->recorded_at);
  g_clear_pointer (&outcome, rp_referral_outcome_free);

  /* The referral reads the same note and satisfaction. */
  reloaded = rp_store_get_referral (store, rp_referral_get_id (seen), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rp_referral_get_outcome (reloaded), ==, "Back to running");
  g_assert_cmpuint (rp_referral_get_satisfaction (reloaded), ==, 5);

  /* Changing it keeps the first time it was recorded; a renamed category shows its new name. */
  g_assert_true (rp_store_rename_outcome_category (store, discharged, "Discharged home", &error));
  g_assert_true (rp_store_set_referral_outcome (store, rp_referral_get_id (seen), discharged, 0,
                                                "", &error));
  g_assert_no_error (error);
  outcome = rp_store_get_referral_outcome (store, rp_referral_get_id (seen), &error);
  g_assert_cmpstr (outcome->category, ==, "Discharged home");
  g_assert_cmpuint (outcome->satisfaction, ==, 0);
  g_assert_cmpstr (outcome->recorded_at, ==, first_recorded);
  g_clear_pointer (&outcome, rp_referral_outcome_free);

  /* Clearing everything clears the time too. */
  g_assert_true (rp_store_set_referral_outcome (store, rp_referral_get_id (seen), 0, 0, "",
                                                &error));
  outcome = rp_store_get_referral_outcome (store, rp_referral_get_id (seen), &error);
  g_assert_null (outcome->recorded_at);
}

static RpFeedback *
make_feedback (gint64      partner_id,
               const char *day,
               guint       score,
               RpFeedbackTopic topic)
{
  RpFeedback *feedback = rp_feedback_new ();

  rp_feedback_set_partner_id (feedback, partner_id);
  rp_feedback_set_given_on (feedback, day);
  rp_feedback_set_given_by (feedback, "Office manager");
  rp_feedback_set_score (feedback, score);
  rp_feedback_set_topic (feedback, topic);
  rp_feedback_set_comment (feedback, "Reports arrive late");
  return feedback;
}

static void
test_feedback (void)
{
  g_autoptr(RpStore) store = rp_test_open_memory_store ();
  g_autoptr(RpPartner) adams = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Ann", "Adams");
  g_autoptr(RpFeedback) happy = make_feedback (rp_partner_get_id (adams), "2026-04-01", 9,
                                               RP_FEEDBACK_TOPIC_STAFF);
  g_autoptr(RpFeedback) unhappy = make_feedback (rp_partner_get_id (adams), "2026-04-03", 6,
                                                 RP_FEEDBACK_TOPIC_REPORTS);
  g_autoptr(RpFeedback) bad_day = make_feedback (rp_partner_get_id (adams), "2026-02-30", 9,
                                                 RP_FEEDBACK_TOPIC_STAFF);
  g_autoptr(RpFeedback) nobody = make_feedback (4242, "2026-04-01", 2, RP_FEEDBACK_TOPIC_STAFF);
  g_autoptr(RpFeedback) loaded = NULL;
  g_autoptr(RpTask) task = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autofree char *due = g_date_time_format (tomorrow, "%Y-%m-%d");
  RpFeedbackTopic topic;
  guint tasks_before = rp_store_count_rows (store, "task");

  g_assert_cmpstr (rp_feedback_topic_to_nick (RP_FEEDBACK_TOPIC_SCHEDULING), ==, "scheduling");
  g_assert_true (rp_feedback_topic_from_nick ("communication", &topic));
  g_assert_cmpint (topic, ==, RP_FEEDBACK_TOPIC_COMMUNICATION);
  g_assert_false (rp_feedback_topic_from_nick ("weather", &topic));

  /* A promoter's feedback: no task. */
  g_assert_true (rp_store_insert_feedback (store, happy, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rp_feedback_get_id (happy), >, 0);
  g_assert_cmpint (rp_feedback_get_task_id (happy), ==, 0);
  g_assert_cmpuint (rp_store_count_rows (store, "task"), ==, tasks_before);

  /* A score of 6: a follow-up task for the partner, due tomorrow. */
  g_assert_true (rp_store_insert_feedback (store, unhappy, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rp_feedback_get_task_id (unhappy), >, 0);
  task = rp_store_get_task (store, rp_feedback_get_task_id (unhappy), &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_task_get_kind (task), ==, RP_TASK_KIND_FOLLOW_UP);
  g_assert_cmpint (rp_task_get_partner_id (task), ==, rp_partner_get_id (adams));
  g_assert_cmpstr (rp_task_get_due_on (task), ==, due);
  g_assert_nonnull (strstr (rp_task_get_title (task), "6 of 10"));
  g_assert_nonnull (strstr (rp_task_get_notes (task), "Reports arrive late"));

  /* Bad input: refused, nothing written (no stray task either). */
  g_assert_false (rp_store_insert_feedback (store, bad_day, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rp_store_insert_feedback (store, nobody, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (rp_feedback_get_task_id (nobody), ==, 0);
  g_assert_cmpuint (rp_store_count_rows (store, "task"), ==, tasks_before + 1);
  g_assert_cmpuint (rp_store_count_rows (store, "partner_feedback"), ==, 2);

  /* Read back, newest first. */
  list = rp_store_list_partner_feedback (store, rp_partner_get_id (adams), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  loaded = g_object_ref (g_ptr_array_index (list, 0));
  g_assert_cmpint (rp_feedback_get_id (loaded), ==, rp_feedback_get_id (unhappy));
  g_assert_cmpstr (rp_feedback_get_given_on (loaded), ==, "2026-04-03");
  g_assert_cmpstr (rp_feedback_get_given_by (loaded), ==, "Office manager");
  g_assert_cmpuint (rp_feedback_get_score (loaded), ==, 6);
  g_assert_cmpint (rp_feedback_get_topic (loaded), ==, RP_FEEDBACK_TOPIC_REPORTS);
  g_assert_cmpstr (rp_feedback_get_comment (loaded), ==, "Reports arrive late");
  g_assert_cmpint (rp_feedback_get_task_id (loaded), ==, rp_feedback_get_task_id (unhappy));

  /* Deleting takes the open follow-up with it. */
  g_assert_true (rp_store_delete_feedback (store, rp_feedback_get_id (unhappy), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rp_store_count_rows (store, "task"), ==, tasks_before);
  g_assert_false (rp_store_delete_feedback (store, rp_feedback_get_id (unhappy), &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND);
}

/* A database of schema 7 with a seen referral (note and satisfaction already recorded) moves to
 * schema 10 keeping them; the categories and the feedback table appear. */
static void
test_migrate_from_7 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpReferralOutcome) outcome = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(RpFeedback) feedback = NULL;
  RpTestStore tmp;
  sqlite3 *db;
  gint64 referral_id;
  gint64 partner_id;

  rp_test_store_open (&tmp, "rapport-outcomes-XXXXXX");
  {
    g_autoptr(RpPartner) adams = rp_test_add_partner (tmp.store, RP_PARTNER_KIND_PERSON, "Ann",
                                                      "Adams");
    g_autoptr(RpReferral) seen = rp_test_add_referral (tmp.store, adams,
                                                       RP_REFERRAL_DIRECTION_INBOUND,
                                                       "2026-01-05", RP_REFERRAL_STATUS_SEEN);

    rp_referral_set_outcome (seen, "Much better");
    rp_referral_set_satisfaction (seen, 4);
    g_assert_true (rp_store_update_referral (tmp.store, seen, &error));
    g_assert_no_error (error);
    referral_id = rp_referral_get_id (seen);
    partner_id = rp_partner_get_id (adams);
  }
  g_clear_object (&tmp.store);

  /* Back to what schema 9 was. */
  g_assert_cmpint (sqlite3_open (tmp.path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 RP_TEST_UNDO_SCHEMA_18
                                 "DROP TABLE partner_feedback;"
                                 "DROP INDEX referral_by_outcome_at;"
                                 "DROP INDEX referral_by_outcome;"
                                 "DROP INDEX IF EXISTS referral_analytics_outcomes;"
                                 "ALTER TABLE referral DROP COLUMN outcome_category_id;"
                                 "ALTER TABLE referral DROP COLUMN outcome_at;"
                                 "DROP TABLE outcome_category;"
                                 RP_TEST_UNDO_SCHEMA_12
                                 "PRAGMA user_version = 9;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = rp_store_open (tmp.path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_store_get_schema_version (store), ==, RP_STORE_SCHEMA_VERSION);

  outcome = rp_store_get_referral_outcome (store, referral_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (outcome->note, ==, "Much better");
  g_assert_cmpuint (outcome->satisfaction, ==, 4);
  g_assert_cmpint (outcome->category_id, ==, 0);

  categories = rp_store_list_outcome_categories (store, FALSE, &error);
  g_assert_cmpuint (categories->len, ==, 6);
  g_assert_true (rp_store_set_referral_outcome (store, referral_id,
                                                rp_outcome_category_get_id (
                                                  g_ptr_array_index (categories, 0)),
                                                4, "Much better", &error));
  g_assert_no_error (error);

  feedback = make_feedback (partner_id, "2026-02-01", 10, RP_FEEDBACK_TOPIC_ACCESS);
  g_assert_true (rp_store_insert_feedback (store, feedback, &error));
  g_assert_no_error (error);

  g_clear_object (&store);
  rp_test_store_close (&tmp);
}

/* A database of schema 10 with an outcome recorded moves to schema 13: the outcome keeps its
 * values, the index of recorded outcomes appears and the timeline shows the outcome. */
static void
test_migrate_from_10 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpReferralOutcome) outcome = NULL;
  g_autoptr(RpTimelineList) timeline = NULL;
  g_autoptr(RpTimelineItem) item = NULL;
  RpTestStore tmp;
  sqlite3 *db;
  sqlite3_stmt *stmt;
  gint64 referral_id;

  rp_test_store_open (&tmp, "rapport-outcomes-XXXXXX");
  {
    g_autoptr(RpPartner) adams = rp_test_add_partner (tmp.store, RP_PARTNER_KIND_PERSON, "Ann",
                                                      "Adams");
    g_autoptr(RpReferral) closed = rp_test_add_referral (tmp.store, adams,
                                                         RP_REFERRAL_DIRECTION_INBOUND,
                                                         "2026-01-05",
                                                         RP_REFERRAL_STATUS_LOOP_CLOSED);

    referral_id = rp_referral_get_id (closed);
    g_assert_true (rp_store_set_referral_outcome (tmp.store, referral_id,
                                                  category_id_by_key (tmp.store, "discharged"),
                                                  5, "Back at work", &error));
    g_assert_no_error (error);
  }
  g_clear_object (&tmp.store);

  /* Back to what schema 12 was (the outcomes' timeline index came with 13). */
  g_assert_cmpint (sqlite3_open (tmp.path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "DROP INDEX referral_by_outcome_at;"
                                 "PRAGMA user_version = 12;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = rp_store_open (tmp.path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_store_get_schema_version (store), ==, RP_STORE_SCHEMA_VERSION);
  g_assert_cmpint (RP_STORE_SCHEMA_VERSION, >=, 11);

  outcome = rp_store_get_referral_outcome (store, referral_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (outcome->category, ==, "Discharged");
  g_assert_cmpuint (outcome->satisfaction, ==, 5);
  g_assert_cmpstr (outcome->note, ==, "Back at work");

  timeline = rp_timeline_list_new (store, NULL);
  item = g_list_model_get_item (G_LIST_MODEL (timeline), 0);
  g_assert_cmpstr (rp_timeline_item_get_title (item), ==, "Outcome: Discharged");
  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open (tmp.path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM sqlite_master"
                                           " WHERE name = 'referral_by_outcome_at'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  rp_test_store_close (&tmp);
}

/* An imported outcome (the sample network's) is dated when the patient was seen, so that the
 * timeline shows it there; one set by hand is dated now. */
static void
test_import_outcome (void)
{
  g_autoptr(RpStore) store = rp_test_open_memory_store ();
  g_autoptr(RpPartner) adams = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Ann", "Adams");
  g_autoptr(RpReferral) referral = rp_test_add_referral (store, adams,
                                                         RP_REFERRAL_DIRECTION_INBOUND,
                                                         "2026-01-05",
                                                         RP_REFERRAL_STATUS_SCHEDULED);
  g_autoptr(RpReferralOutcome) outcome = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (rp_store_add_referral_transition (store, referral, RP_REFERRAL_STATUS_SEEN,
                                                   "2026-01-09T10:00:00Z", &error));
  g_assert_no_error (error);
  g_assert_true (rp_store_import_referral_outcome (store, rp_referral_get_id (referral),
                                                   category_id_by_key (store, "improved"), 4,
                                                   "Walking again", &error));
  g_assert_no_error (error);

  outcome = rp_store_get_referral_outcome (store, rp_referral_get_id (referral), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (outcome->recorded_at, ==, "2026-01-09T10:00:00Z");
  g_assert_cmpstr (outcome->category, ==, "Improved");
  g_assert_cmpuint (outcome->satisfaction, ==, 4);

  /* Not seen: refused as by hand. */
  {
    g_autoptr(RpReferral) open = rp_test_add_referral (store, adams,
                                                       RP_REFERRAL_DIRECTION_INBOUND,
                                                       "2026-01-06",
                                                       RP_REFERRAL_STATUS_RECEIVED);

    g_assert_false (rp_store_import_referral_outcome (store, rp_referral_get_id (open), 0, 3,
                                                      "", &error));
    g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID);
  }
}

/* The lists behind the Analytics page's outcome and feedback charts: the referrals of one
 * outcome category, the partners who gave feedback in some days (on one topic). */
static void
test_filters (void)
{
  g_autoptr(RpStore) store = rp_test_open_memory_store ();
  g_autoptr(RpPartner) adams = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Ann", "Adams");
  g_autoptr(RpPartner) baker = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Bob", "Baker");
  g_autoptr(RpReferral) improved = rp_test_add_referral (store, adams,
                                                         RP_REFERRAL_DIRECTION_INBOUND,
                                                         "2026-03-02", RP_REFERRAL_STATUS_SEEN);
  g_autoptr(RpReferral) discharged = rp_test_add_referral (store, baker,
                                                           RP_REFERRAL_DIRECTION_INBOUND,
                                                           "2026-03-03",
                                                           RP_REFERRAL_STATUS_SEEN);
  g_autoptr(RpReferral) none = rp_test_add_referral (store, baker, RP_REFERRAL_DIRECTION_INBOUND,
                                                     "2026-03-04", RP_REFERRAL_STATUS_SEEN);
  g_autoptr(RpReferralFilter) referrals = rp_referral_filter_new ();
  g_autoptr(RpPartnerFilter) partners = rp_partner_filter_new ();
  g_autoptr(RpFeedback) a = make_feedback (rp_partner_get_id (adams), "2026-03-10", 9,
                                           RP_FEEDBACK_TOPIC_STAFF);
  g_autoptr(RpFeedback) b = make_feedback (rp_partner_get_id (baker), "2026-04-02", 3,
                                           RP_FEEDBACK_TOPIC_REPORTS);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (rp_store_set_referral_outcome (store, rp_referral_get_id (improved),
                                                category_id_by_key (store, "improved"), 4, "",
                                                &error));
  g_assert_true (rp_store_set_referral_outcome (store, rp_referral_get_id (discharged),
                                                category_id_by_key (store, "discharged"), 5, "",
                                                &error));
  g_assert_no_error (error);

  referrals->outcome_category_id = category_id_by_key (store, "discharged");
  ids = rp_test_query_referral_ids (store, referrals);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (rp_test_id_at (ids, 0), ==, rp_referral_get_id (discharged));
  {
    /* The list counts them as the query lists them. */
    g_autoptr(RpReferralList) list = rp_referral_list_new (store);

    rp_referral_list_set_filter (list, referrals);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  }
  g_clear_pointer (&ids, g_array_unref);
  referrals->outcome_category_id = 0;
  ids = rp_test_query_referral_ids (store, referrals);
  g_assert_cmpuint (ids->len, ==, 3);
  g_clear_pointer (&ids, g_array_unref);
  (void) none;

  g_assert_true (rp_store_import_feedback (store, a, &error));
  g_assert_true (rp_store_import_feedback (store, b, &error));
  g_assert_no_error (error);

  partners->feedback_from = g_strdup ("2026-03-01");
  partners->feedback_to = g_strdup ("2026-03-31");
  ids = rp_store_query_partner_ids (store, partners, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (rp_test_id_at (ids, 0), ==, rp_partner_get_id (adams));
  g_clear_pointer (&ids, g_array_unref);

  g_free (partners->feedback_to);
  partners->feedback_to = g_strdup ("2026-04-30");
  ids = rp_store_query_partner_ids (store, partners, &error);
  g_assert_cmpuint (ids->len, ==, 2);
  g_clear_pointer (&ids, g_array_unref);

  partners->feedback_topic = RP_FEEDBACK_TOPIC_REPORTS + 1;
  ids = rp_store_query_partner_ids (store, partners, &error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (rp_test_id_at (ids, 0), ==, rp_partner_get_id (baker));
  g_clear_pointer (&ids, g_array_unref);

  {
    g_autoptr(RpPartnerFilter) copy = rp_partner_filter_copy (partners);

    g_assert_true (rp_partner_filter_equal (copy, partners));
    g_assert_cmpstr (copy->feedback_from, ==, "2026-03-01");
    copy->feedback_topic = 0;
    g_assert_false (rp_partner_filter_equal (copy, partners));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/outcomes/categories", test_categories);
  g_test_add_func ("/store/outcomes/referral", test_referral_outcome);
  g_test_add_func ("/store/feedback/insert", test_feedback);
  g_test_add_func ("/store/outcomes/migrate-from-7", test_migrate_from_7);
  g_test_add_func ("/store/outcomes/migrate-from-10", test_migrate_from_10);
  g_test_add_func ("/store/outcomes/import", test_import_outcome);
  g_test_add_func ("/store/outcomes/filters", test_filters);

  return g_test_run ();
}
