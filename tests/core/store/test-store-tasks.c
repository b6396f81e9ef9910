/* test-store-tasks.c: tasks in the store (reads, updates, the open list, completing by kind) and
 * the task object's own properties.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "rp-store.h"
#include "rp-test-core.h"

/* Tasks */

static RpTask *
add_task (RpStore    *store,
          RpTaskKind  kind,
          RpPartner  *partner,
          RpReferral *referral,
          const char *due_on,
          const char *due_time,
          const char *rule_key)
{
  g_autoptr(GError) error = NULL;
  RpTask *task = rp_task_new (kind);

  rp_task_set_title (task, "Do it");
  if (partner != NULL)
    rp_task_set_partner_id (task, rp_partner_get_id (partner));
  if (referral != NULL)
    rp_task_set_referral_id (task, rp_referral_get_id (referral));
  rp_task_set_due_on (task, due_on);
  rp_task_set_due_time (task, due_time);
  rp_task_set_rule_key (task, rule_key);
  g_assert_true (rp_store_insert_task (store, task, &error));
  g_assert_no_error (error);
  return task;
}

static void
test_tasks (void)
{
  g_autoptr(RpStore) store = rp_test_open_memory_store ();
  g_autoptr(RpPartner) adams = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Ann", "Adams");
  g_autoptr(RpPartner) baker = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Bob", "Baker");
  g_autoptr(RpReferral) referral = NULL;
  g_autoptr(RpTask) t1 = NULL;
  g_autoptr(RpTask) t2 = NULL;
  g_autoptr(RpTask) t3 = NULL;
  g_autoptr(RpTask) t4 = NULL;
  g_autoptr(RpTask) loaded = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GError) error = NULL;
  guint records = 0;

  referral = rp_test_add_referral (store, adams, RP_REFERRAL_DIRECTION_INBOUND, "2026-01-05",
                                   RP_REFERRAL_STATUS_RECEIVED);

  t1 = add_task (store, RP_TASK_KIND_THANK_YOU, adams, referral, "2026-01-07", "", "thank-you:1");
  t2 = add_task (store, RP_TASK_KIND_FOLLOW_UP, baker, NULL, "2026-01-06", "14:00", NULL);
  t3 = add_task (store, RP_TASK_KIND_FOLLOW_UP, baker, NULL, "2026-01-06", "09:30", NULL);
  t4 = add_task (store, RP_TASK_KIND_CUSTOM, NULL, NULL, "2026-02-01", "", NULL);

  /* Get, with the partner's name. */
  loaded = rp_store_get_task (store, rp_task_get_id (t1), &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_task_get_kind (loaded), ==, RP_TASK_KIND_THANK_YOU);
  g_assert_cmpstr (rp_task_get_partner_name (loaded), ==, rp_partner_get_display_name (adams));
  g_assert_cmpint (rp_task_get_referral_id (loaded), ==, rp_referral_get_id (referral));
  g_assert_cmpstr (rp_task_get_due_on (loaded), ==, "2026-01-07");
  g_assert_cmpstr (rp_task_get_rule_key (loaded), ==, "thank-you:1");
  g_assert_false (rp_task_get_done (loaded));
  g_clear_object (&loaded);

  loaded = rp_store_get_task (store, rp_task_get_id (t4), &error);
  g_assert_cmpstr (rp_task_get_partner_name (loaded), ==, "");
  g_assert_cmpint (rp_task_get_partner_id (loaded), ==, 0);
  g_clear_object (&loaded);

  loaded = rp_store_get_task (store, 4242, &error);
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND);
  g_assert_null (loaded);
  g_clear_error (&error);

  /* By rule key. */
  loaded = rp_store_find_task_by_rule_key (store, "thank-you:1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_task_get_id (loaded), ==, rp_task_get_id (t1));
  g_clear_object (&loaded);
  loaded = rp_store_find_task_by_rule_key (store, "thank-you:2", &error);
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND);
  g_assert_null (loaded);
  g_clear_error (&error);

  /* Open tasks by day then time. */
  tasks = rp_store_list_open_tasks (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tasks->len, ==, 4);
  g_assert_cmpint (rp_task_get_id (g_ptr_array_index (tasks, 0)), ==, rp_task_get_id (t3));
  g_assert_cmpint (rp_task_get_id (g_ptr_array_index (tasks, 1)), ==, rp_task_get_id (t2));
  g_assert_cmpint (rp_task_get_id (g_ptr_array_index (tasks, 2)), ==, rp_task_get_id (t1));
  g_assert_cmpint (rp_task_get_id (g_ptr_array_index (tasks, 3)), ==, rp_task_get_id (t4));
  g_assert_cmpstr (rp_task_get_partner_name (g_ptr_array_index (tasks, 0)), ==,
                   rp_partner_get_display_name (baker));
  g_clear_pointer (&tasks, g_ptr_array_unref);

  /* Until a day, inclusive. */
  tasks = rp_store_list_open_tasks (store, "2026-01-07", &error);
  g_assert_cmpuint (tasks->len, ==, 3);
  g_clear_pointer (&tasks, g_ptr_array_unref);
  tasks = rp_store_list_open_tasks (store, "2026-01-06", &error);
  g_assert_cmpuint (tasks->len, ==, 2);
  g_clear_pointer (&tasks, g_ptr_array_unref);

  /* Update: snooze and retitle. */
  rp_test_count_signal (store, "records-changed", &records);
  rp_task_set_due_on (t2, "2026-01-13");
  rp_task_set_snoozed_until (t2, "2026-01-13T08:00:00Z");
  rp_task_set_notified_at (t2, "2026-01-06T14:00:00Z");
  rp_task_set_title (t2, "Call back");
  rp_task_set_notes (t2, "Ask about the new MRI");
  g_assert_true (rp_store_update_task (store, t2, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (records, ==, 1);

  loaded = rp_store_get_task (store, rp_task_get_id (t2), &error);
  g_assert_cmpstr (rp_task_get_due_on (loaded), ==, "2026-01-13");
  g_assert_cmpstr (rp_task_get_due_time (loaded), ==, "14:00");
  g_assert_cmpstr (rp_task_get_snoozed_until (loaded), ==, "2026-01-13T08:00:00Z");
  g_assert_cmpstr (rp_task_get_notified_at (loaded), ==, "2026-01-06T14:00:00Z");
  g_assert_cmpstr (rp_task_get_title (loaded), ==, "Call back");
  g_assert_cmpstr (rp_task_get_notes (loaded), ==, "Ask about the new MRI");
  g_clear_object (&loaded);

  /* Done by hand through update. */
  rp_task_set_done_at (t4, "2026-01-06T10:00:00Z");
  g_assert_true (rp_task_get_done (t4));
  g_assert_true (rp_store_update_task (store, t4, &error));
  tasks = rp_store_list_open_tasks (store, NULL, &error);
  g_assert_cmpuint (tasks->len, ==, 3);
  g_clear_pointer (&tasks, g_ptr_array_unref);

  /* Refused: no due date; a task that is gone. */
  rp_task_set_due_on (t3, "");
  g_assert_false (rp_store_update_task (store, t3, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  rp_task_set_due_on (t3, "2026-01-06");
  rp_task_set_id (t3, 4242);
  g_assert_false (rp_store_update_task (store, t3, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A partner's tasks, open and done, newest due first. */
  tasks = rp_store_list_partner_tasks (store, rp_partner_get_id (baker), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tasks->len, ==, 2);
  g_assert_cmpint (rp_task_get_id (g_ptr_array_index (tasks, 0)), ==, rp_task_get_id (t2));
  g_clear_pointer (&tasks, g_ptr_array_unref);
}

static void
test_complete_tasks (void)
{
  g_autoptr(RpStore) store = rp_test_open_memory_store ();
  g_autoptr(RpPartner) adams = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Ann", "Adams");
  g_autoptr(RpPartner) baker = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Bob", "Baker");
  g_autoptr(RpReferral) r1 = NULL;
  g_autoptr(RpReferral) r2 = NULL;
  g_autoptr(RpTask) thanks1 = NULL;
  g_autoptr(RpTask) thanks2 = NULL;
  g_autoptr(RpTask) update1 = NULL;
  g_autoptr(RpTask) follow_a = NULL;
  g_autoptr(RpTask) follow_b = NULL;
  g_autoptr(RpTask) loaded = NULL;
  g_autoptr(GError) error = NULL;
  guint n_done = 99;
  guint records = 0;

  r1 = rp_test_add_referral (store, adams, RP_REFERRAL_DIRECTION_INBOUND, "2026-01-05",
                             RP_REFERRAL_STATUS_RECEIVED);
  r2 = rp_test_add_referral (store, adams, RP_REFERRAL_DIRECTION_INBOUND, "2026-01-06",
                             RP_REFERRAL_STATUS_RECEIVED);
  thanks1 = add_task (store, RP_TASK_KIND_THANK_YOU, adams, r1, "2026-01-07", "", NULL);
  thanks2 = add_task (store, RP_TASK_KIND_THANK_YOU, adams, r2, "2026-01-08", "", NULL);
  update1 = add_task (store, RP_TASK_KIND_LOOP_UPDATE, adams, r1, "2026-01-09", "", NULL);
  follow_a = add_task (store, RP_TASK_KIND_FOLLOW_UP, adams, NULL, "2026-01-09", "", NULL);
  follow_b = add_task (store, RP_TASK_KIND_FOLLOW_UP, baker, NULL, "2026-01-09", "", NULL);

  rp_test_count_signal (store, "records-changed", &records);

  /* Kind and referral: only r1's thank-you. */
  g_assert_true (rp_store_complete_tasks (store, RP_TASK_KIND_THANK_YOU, rp_referral_get_id (r1),
                                          0, "2026-01-07T12:00:00Z", &n_done, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_done, ==, 1);
  g_assert_cmpuint (records, ==, 1);
  loaded = rp_store_get_task (store, rp_task_get_id (thanks1), &error);
  g_assert_true (rp_task_get_done (loaded));
  g_assert_cmpstr (rp_task_get_done_at (loaded), ==, "2026-01-07T12:00:00Z");
  g_clear_object (&loaded);
  loaded = rp_store_get_task (store, rp_task_get_id (thanks2), &error);
  g_assert_false (rp_task_get_done (loaded));
  g_clear_object (&loaded);
  loaded = rp_store_get_task (store, rp_task_get_id (update1), &error);
  g_assert_false (rp_task_get_done (loaded));
  g_clear_object (&loaded);

  /* Again: nothing open is left, nothing changes, nothing is signalled, and the first done-at
   * stays. */
  g_assert_true (rp_store_complete_tasks (store, RP_TASK_KIND_THANK_YOU, rp_referral_get_id (r1),
                                          0, NULL, &n_done, &error));
  g_assert_cmpuint (n_done, ==, 0);
  g_assert_cmpuint (records, ==, 1);
  loaded = rp_store_get_task (store, rp_task_get_id (thanks1), &error);
  g_assert_cmpstr (rp_task_get_done_at (loaded), ==, "2026-01-07T12:00:00Z");
  g_clear_object (&loaded);

  /* Kind and partner: Adams's follow-up, not Baker's; done-at defaults to now. */
  g_assert_true (rp_store_complete_tasks (store, RP_TASK_KIND_FOLLOW_UP, 0,
                                          rp_partner_get_id (adams), NULL, NULL, &error));
  loaded = rp_store_get_task (store, rp_task_get_id (follow_a), &error);
  g_assert_true (rp_task_get_done (loaded));
  g_assert_true (g_str_has_suffix (rp_task_get_done_at (loaded), "Z"));
  g_clear_object (&loaded);
  loaded = rp_store_get_task (store, rp_task_get_id (follow_b), &error);
  g_assert_false (rp_task_get_done (loaded));
  g_clear_object (&loaded);

  /* Both referral and partner must match. */
  g_assert_true (rp_store_complete_tasks (store, RP_TASK_KIND_LOOP_UPDATE,
                                          rp_referral_get_id (r1), rp_partner_get_id (baker),
                                          NULL, &n_done, &error));
  g_assert_cmpuint (n_done, ==, 0);
  g_assert_true (rp_store_complete_tasks (store, RP_TASK_KIND_LOOP_UPDATE,
                                          rp_referral_get_id (r1), rp_partner_get_id (adams),
                                          NULL, &n_done, &error));
  g_assert_cmpuint (n_done, ==, 1);
}

static void
test_task_entity (void)
{
  g_autoptr(RpTask) task = rp_task_new (RP_TASK_KIND_CUSTOM);
  guint name_notified = 0;
  guint done_notified = 0;
  gboolean done;

  rp_test_count_notify (task, "partner-name", &name_notified);
  rp_test_count_notify (task, "done", &done_notified);

  g_assert_cmpstr (rp_task_get_partner_name (task), ==, "");
  rp_task_set_partner_name (task, "Ann Adams");
  rp_task_set_partner_name (task, "Ann Adams");
  g_assert_cmpuint (name_notified, ==, 1);
  rp_task_set_partner_name (task, NULL);
  g_assert_cmpstr (rp_task_get_partner_name (task), ==, "");
  g_assert_cmpuint (name_notified, ==, 2);

  g_assert_false (rp_task_get_done (task));
  rp_task_set_done_at (task, "2026-01-01T00:00:00Z");
  g_assert_true (rp_task_get_done (task));
  rp_task_set_done_at (task, "2026-01-02T00:00:00Z");
  g_assert_cmpuint (done_notified, ==, 1);
  g_object_get (task, "done", &done, NULL);
  g_assert_true (done);
  rp_task_set_done_at (task, "");
  g_assert_false (rp_task_get_done (task));
  g_assert_cmpuint (done_notified, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/task/read-update", test_tasks);
  g_test_add_func ("/store/task/complete", test_complete_tasks);
  g_test_add_func ("/store/task/entity", test_task_entity);

  return g_test_run ();
}
