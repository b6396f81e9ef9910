/* test-store-reminders.c: the store's reminder queries (the next due moment, the due tasks not
 * notified yet, the day's planned visits), up to 100,000 tasks.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "rp-store.h"
#include "rp-test-core.h"

static RpTask *
add_task (RpStore    *store,
          gint64      partner_id,
          const char *due_on,
          const char *due_time,
          const char *done_at,
          const char *notified_at)
{
  g_autoptr(GError) error = NULL;
  RpTask *task = rp_task_new (RP_TASK_KIND_THANK_YOU);

  rp_task_set_partner_id (task, partner_id);
  rp_task_set_title (task, "Send a thank-you note");
  rp_task_set_due_on (task, due_on);
  rp_task_set_due_time (task, due_time);
  rp_task_set_done_at (task, done_at);
  rp_task_set_notified_at (task, notified_at);

  g_assert_true (rp_store_insert_task (store, task, &error));
  g_assert_no_error (error);
  return task;
}

static char *
next_due (RpStore    *store,
          const char *default_time)
{
  g_autoptr(GError) error = NULL;
  char *next = rp_store_dup_next_due (store, default_time, &error);

  g_assert_no_error (error);
  return next;
}

static void
assert_due_ids (RpStore    *store,
                const char *until,
                const char *default_time,
                gint64      first,
                gint64      second)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) due = rp_store_list_due_unnotified (store, until, default_time, &error);

  g_assert_no_error (error);
  g_assert_nonnull (due);
  g_assert_cmpuint (due->len, ==, (first > 0) + (second > 0));
  if (first > 0)
    g_assert_cmpint (rp_task_get_id (g_ptr_array_index (due, 0)), ==, first);
  if (second > 0)
    g_assert_cmpint (rp_task_get_id (g_ptr_array_index (due, 1)), ==, second);
}

static void
test_store_next_due (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = rp_test_open_memory_store ();
  g_autoptr(RpPartner) partner = rp_partner_new (RP_PARTNER_KIND_PERSON);
  g_autoptr(RpTask) untimed = NULL;
  g_autoptr(RpTask) timed = NULL;
  g_autoptr(RpTask) done = NULL;
  g_autoptr(RpTask) notified = NULL;
  g_autoptr(RpTask) later = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autofree char *next = NULL;
  gint64 ids[2];
  guint n_changed = 0;
  gint64 pid;

  g_assert_cmpint (rp_store_get_schema_version (store), >=, 4);

  next = next_due (store, "09:00");
  g_assert_null (next);

  rp_partner_set_first_name (partner, "Maria");
  rp_partner_set_last_name (partner, "Lopez");
  g_assert_true (rp_store_insert_partner (store, partner, &error));
  g_assert_no_error (error);
  pid = rp_partner_get_id (partner);

  untimed = add_task (store, pid, "2026-03-03", "", NULL, NULL);
  timed = add_task (store, pid, "2026-03-03", "08:15", NULL, NULL);
  done = add_task (store, pid, "2026-03-02", "10:00", "2026-03-01T10:00:00Z", NULL);
  notified = add_task (store, pid, "2026-03-01", "", NULL, "2026-03-01T09:00:00Z");
  later = add_task (store, 0, "2026-03-04", "07:00", NULL, NULL);

  g_clear_pointer (&next, g_free);
  next = next_due (store, "09:00");
  g_assert_cmpstr (next, ==, "2026-03-03T08:15");

  /* A task without a time is due at the default time, which may come first. */
  g_clear_pointer (&next, g_free);
  next = next_due (store, "08:00");
  g_assert_cmpstr (next, ==, "2026-03-03T08:00");

  assert_due_ids (store, "2026-03-03T08:14", "09:00", 0, 0);
  assert_due_ids (store, "2026-03-03T08:15", "09:00", rp_task_get_id (timed), 0);
  assert_due_ids (store, "2026-03-03T09:00", "09:00",
                  rp_task_get_id (timed), rp_task_get_id (untimed));
  assert_due_ids (store, "2026-03-03T09:00", "08:00",
                  rp_task_get_id (untimed), rp_task_get_id (timed));
  assert_due_ids (store, "2026-03-03", "09:00",
                  rp_task_get_id (timed), rp_task_get_id (untimed));

  due = rp_store_list_due_unnotified (store, "2026-03-03T09:00", "09:00", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rp_task_get_partner_name (g_ptr_array_index (due, 0)), ==, "Maria Lopez");

  g_assert_null (rp_store_list_due_unnotified (store, "March", "09:00", &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Notified tasks drop out, in one transaction with one change signal. */
  rp_test_count_signal (store, "records-changed", &n_changed);
  ids[0] = rp_task_get_id (timed);
  ids[1] = rp_task_get_id (untimed);
  g_assert_true (rp_store_mark_notified (store, ids, 2, "2026-03-03T09:00:00Z", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 1);

  g_clear_object (&timed);
  timed = rp_store_get_task (store, ids[0], &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rp_task_get_notified_at (timed), ==, "2026-03-03T09:00:00Z");

  g_clear_pointer (&next, g_free);
  next = next_due (store, "09:00");
  g_assert_cmpstr (next, ==, "2026-03-04T07:00");
  assert_due_ids (store, "2026-03-04T09:00", "09:00", rp_task_get_id (later), 0);

  g_assert_true (rp_store_mark_notified (store, NULL, 0, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 1);

  ids[0] = rp_task_get_id (later);
  g_assert_true (rp_store_mark_notified (store, ids, 1, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&next, g_free);
  next = next_due (store, "09:00");
  g_assert_null (next);
}

static void
test_store_reschedule_clears_notified (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = rp_test_open_memory_store ();
  g_autoptr(RpTask) task = add_task (store, 0, "2026-03-03", "", NULL, "2026-03-03T09:00:00Z");
  g_autoptr(RpTask) reread = NULL;
  g_autofree char *next = NULL;

  next = next_due (store, "09:00");
  g_assert_null (next);

  /* Editing something else keeps it notified. */
  rp_task_set_title (task, "Call the office");
  g_assert_true (rp_store_update_task (store, task, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rp_task_get_notified_at (task), ==, "2026-03-03T09:00:00Z");
  next = next_due (store, "09:00");
  g_assert_null (next);

  /* A new day makes it due again. */
  rp_task_set_due_on (task, "2026-03-04");
  g_assert_true (rp_store_update_task (store, task, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rp_task_get_notified_at (task), ==, "");
  reread = rp_store_get_task (store, rp_task_get_id (task), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rp_task_get_notified_at (reread), ==, "");
  next = next_due (store, "09:00");
  g_assert_cmpstr (next, ==, "2026-03-04T09:00");
  g_clear_pointer (&next, g_free);

  /* So does a new time on the same day. */
  rp_task_set_notified_at (task, "2026-03-04T09:00:00Z");
  g_assert_true (rp_store_update_task (store, task, &error));
  g_assert_no_error (error);
  next = next_due (store, "09:00");
  g_assert_null (next);

  rp_task_set_due_time (task, "15:00");
  g_assert_true (rp_store_update_task (store, task, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rp_task_get_notified_at (task), ==, "");
  next = next_due (store, "09:00");
  g_assert_cmpstr (next, ==, "2026-03-04T15:00");
  g_clear_pointer (&next, g_free);

  /* A caller that moves it and sets notified-at itself is obeyed. */
  rp_task_set_due_on (task, "2026-03-05");
  rp_task_set_notified_at (task, "2026-03-04T15:00:00Z");
  g_assert_true (rp_store_update_task (store, task, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rp_task_get_notified_at (task), ==, "2026-03-04T15:00:00Z");
  next = next_due (store, "09:00");
  g_assert_null (next);
}

static void
test_store_planned_visits (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = rp_test_open_memory_store ();
  g_autoptr(RpPartner) partner = rp_partner_new (RP_PARTNER_KIND_PERSON);
  g_autoptr(GPtrArray) visits = NULL;
  const struct { const char *day; guint position; RpVisitStatus status; } rows[] = {
    { "2026-03-03", 2, RP_VISIT_STATUS_PLANNED },
    { "2026-03-03", 1, RP_VISIT_STATUS_PLANNED },
    { "2026-03-03", 0, RP_VISIT_STATUS_CANCELLED },
    { "2026-03-04", 0, RP_VISIT_STATUS_PLANNED },
  };

  rp_partner_set_last_name (partner, "Adams");
  g_assert_true (rp_store_insert_partner (store, partner, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(RpPlannedVisit) visit = rp_planned_visit_new ();

      rp_planned_visit_set_partner_id (visit, rp_partner_get_id (partner));
      rp_planned_visit_set_planned_on (visit, rows[i].day);
      rp_planned_visit_set_position (visit, rows[i].position);
      rp_planned_visit_set_status (visit, rows[i].status);
      rp_planned_visit_set_objective (visit, rows[i].position == 1 ? "first" : "second");
      g_assert_true (rp_store_insert_planned_visit (store, visit, &error));
      g_assert_no_error (error);
    }

  visits = rp_store_list_planned_visits (store, "2026-03-03", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (visits->len, ==, 2);
  g_assert_cmpstr (rp_planned_visit_get_objective (g_ptr_array_index (visits, 0)), ==, "first");
  g_assert_cmpuint (rp_planned_visit_get_position (g_ptr_array_index (visits, 1)), ==, 2);
  g_assert_cmpint (rp_planned_visit_get_partner_id (g_ptr_array_index (visits, 0)), ==,
                   rp_partner_get_id (partner));
  g_clear_pointer (&visits, g_ptr_array_unref);

  visits = rp_store_list_planned_visits (store, "2026-03-05", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (visits->len, ==, 0);
}

#define N_BIG_TASKS 100000

static void
test_store_next_due_100000 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = rp_test_open_memory_store ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (4);
  g_autoptr(GPtrArray) due = NULL;
  g_autofree char *next = NULL;
  gint64 start;
  double ms;

  g_assert_true (rp_store_begin (store, &error));
  for (guint i = 0; i < N_BIG_TASKS; i++)
    {
      g_autoptr(RpTask) task = rp_task_new (RP_TASK_KIND_FOLLOW_UP);
      g_autofree char *due_on = NULL;
      g_autofree char *due_time = NULL;
      int day = g_rand_int_range (rand, 0, 3650);
      g_autoptr(GDate) date = g_date_new_dmy (1, 1, 2020);
      guint kind = g_rand_int_range (rand, 0, 4);

      g_date_add_days (date, day);
      due_on = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date),
                                g_date_get_month (date), g_date_get_day (date));
      due_time = i % 3 == 0 ? g_strdup ("")
                            : g_strdup_printf ("%02d:%02d", g_rand_int_range (rand, 0, 24),
                                               g_rand_int_range (rand, 0, 60));

      rp_task_set_due_on (task, due_on);
      rp_task_set_due_time (task, due_time);
      /* Everything before 2029 is done or notified; a quarter of the rest is open. */
      if (day < 3300 || kind == 0)
        rp_task_set_done_at (task, "2025-01-01T00:00:00Z");
      else if (kind == 1)
        rp_task_set_notified_at (task, "2025-01-01T00:00:00Z");

      g_assert_true (rp_store_insert_task (store, task, NULL));
    }

  /* The earliest open, not notified ones, known by construction. */
  {
    g_autoptr(RpTask) first = add_task (store, 0, "2028-06-01", "", NULL, NULL);
    g_autoptr(RpTask) second = add_task (store, 0, "2028-06-01", "07:10", NULL, NULL);
    g_autoptr(RpTask) hidden = add_task (store, 0, "2020-01-01", "", NULL, "2025-01-01T00:00:00Z");
  }
  g_assert_true (rp_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rp_store_count_rows (store, "task"), ==, N_BIG_TASKS + 3);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < 10; i++)
    {
      g_clear_pointer (&next, g_free);
      next = next_due (store, "09:00");
    }
  ms = (g_get_monotonic_time () - start) / 1000.0 / 10;
  g_test_message ("next due over %u tasks: %.3f ms", N_BIG_TASKS, ms);
  g_assert_cmpstr (next, ==, "2028-06-01T07:10");

  g_clear_pointer (&next, g_free);
  next = next_due (store, "06:00");
  g_assert_cmpstr (next, ==, "2028-06-01T06:00");

  due = rp_store_list_due_unnotified (store, "2028-06-01T23:59", "09:00", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 2);
  g_assert_cmpstr (rp_task_get_due_time (g_ptr_array_index (due, 0)), ==, "07:10");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reminders/store/next-due", test_store_next_due);
  g_test_add_func ("/reminders/store/reschedule", test_store_reschedule_clears_notified);
  g_test_add_func ("/reminders/store/planned-visits", test_store_planned_visits);
  g_test_add_func ("/reminders/store/next-due-100000", test_store_next_due_100000);

  return g_test_run ();
}
