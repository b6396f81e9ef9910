/* test-reminders.c: the clock and its timers, the reminder rules (quiet hours, weekends, the
 * digest, DST change days) and the store's reminder queries, up to 100,000 tasks.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "rp-clock.h"
#include "rp-reminder-rules.h"
#include "rp-store.h"
#include "rp-test-core.h"

/* Clock */

typedef struct
{
  GString *fired;
  guint    n_destroyed;
} TimerLog;

typedef struct
{
  TimerLog *log;
  char      name;
} TimerTag;

static void
timer_cb (gpointer user_data)
{
  TimerTag *tag = user_data;

  g_string_append_c (tag->log->fired, tag->name);
}

static void
timer_destroy (gpointer user_data)
{
  TimerTag *tag = user_data;

  tag->log->n_destroyed++;
  g_free (tag);
}

static guint
add_tagged_timer (RpClock   *clock,
                  GDateTime *when,
                  TimerLog  *log,
                  char       name)
{
  TimerTag *tag = g_new0 (TimerTag, 1);

  tag->log = log;
  tag->name = name;
  return rp_clock_add_timer (clock, when, timer_cb, tag, timer_destroy);
}

static GDateTime *
utc (int year,
     int month,
     int day,
     int hour,
     int minute)
{
  return g_date_time_new_utc (year, month, day, hour, minute, 0);
}

static void
test_clock_fixed_order (void)
{
  g_autoptr(GDateTime) start = utc (2026, 3, 2, 8, 0);
  g_autoptr(GDateTime) at9 = utc (2026, 3, 2, 9, 0);
  g_autoptr(GDateTime) at10 = utc (2026, 3, 2, 10, 0);
  g_autoptr(GDateTime) at11 = utc (2026, 3, 2, 11, 0);
  g_autoptr(GDateTime) at1030 = utc (2026, 3, 2, 10, 30);
  g_autoptr(GDateTime) at12 = utc (2026, 3, 2, 12, 0);
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(RpClock) clock = rp_clock_new_fixed (start);
  TimerLog log = { g_string_new (NULL), 0 };
  guint n_changed = 0;
  guint late;

  g_assert_true (rp_clock_is_fixed (clock));
  now = rp_clock_get_now (clock);
  g_assert_true (g_date_time_equal (now, start));

  rp_test_count_signal (clock, "changed", &n_changed);

  add_tagged_timer (clock, at10, &log, 'c');
  add_tagged_timer (clock, at9, &log, 'a');
  add_tagged_timer (clock, at9, &log, 'b');
  late = add_tagged_timer (clock, at11, &log, 'd');
  g_assert_cmpuint (late, >, 0);

  /* Nothing fires until the clock moves, not even from the main loop. */
  while (g_main_context_iteration (NULL, FALSE));
  g_assert_cmpstr (log.fired->str, ==, "");

  rp_clock_set_now (clock, at1030);
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_cmpstr (log.fired->str, ==, "abc");
  g_assert_cmpuint (log.n_destroyed, ==, 3);

  g_clear_pointer (&now, g_date_time_unref);
  now = rp_clock_get_now (clock);
  g_assert_true (g_date_time_equal (now, at1030));

  /* A removed timer never fires; its data is freed at once. */
  rp_clock_remove_timer (clock, late);
  g_assert_cmpuint (log.n_destroyed, ==, 4);
  rp_clock_set_now (clock, at12);
  g_assert_cmpuint (n_changed, ==, 2);
  g_assert_cmpstr (log.fired->str, ==, "abc");

  g_string_free (log.fired, TRUE);
  g_assert_finalize_object (g_steal_pointer (&clock));
}

static void
test_clock_fixed_past (void)
{
  g_autoptr(GDateTime) start = utc (2026, 3, 2, 8, 0);
  g_autoptr(GDateTime) past = utc (2026, 3, 1, 8, 0);
  g_autoptr(RpClock) clock = rp_clock_new_fixed (start);
  TimerLog log = { g_string_new (NULL), 0 };

  add_tagged_timer (clock, past, &log, 'p');
  add_tagged_timer (clock, start, &log, 'n');

  /* Not from within rp_clock_add_timer(): from an idle. */
  g_assert_cmpstr (log.fired->str, ==, "");
  while (g_main_context_iteration (NULL, FALSE));
  g_assert_cmpstr (log.fired->str, ==, "pn");
  g_assert_cmpuint (log.n_destroyed, ==, 2);

  /* Disposing of the clock frees the data of its pending timers. */
  add_tagged_timer (clock, past, &log, 'x');
  g_assert_finalize_object (g_steal_pointer (&clock));
  g_assert_cmpuint (log.n_destroyed, ==, 3);
  while (g_main_context_iteration (NULL, FALSE));
  g_assert_cmpstr (log.fired->str, ==, "pn");

  g_string_free (log.fired, TRUE);
}

/* A timer re-armed from "changed" fires in the same move when it is due. */
typedef struct
{
  RpClock   *clock;
  GDateTime *when;
  TimerLog  *log;
  guint      id;
} Rearm;

static void
rearm_cb (RpClock *clock,
          Rearm   *rearm)
{
  if (rearm->id != 0)
    rp_clock_remove_timer (clock, rearm->id);
  rearm->id = add_tagged_timer (clock, rearm->when, rearm->log, 'r');
}

static void
test_clock_fixed_rearm (void)
{
  g_autoptr(GDateTime) start = utc (2026, 3, 2, 8, 0);
  g_autoptr(GDateTime) due = utc (2026, 3, 2, 9, 0);
  g_autoptr(GDateTime) later = utc (2026, 3, 2, 10, 0);
  g_autoptr(RpClock) clock = rp_clock_new_fixed (start);
  TimerLog log = { g_string_new (NULL), 0 };
  Rearm rearm = { clock, due, &log, 0 };

  g_signal_connect (clock, "changed", G_CALLBACK (rearm_cb), &rearm);
  rp_clock_set_now (clock, later);
  g_assert_cmpstr (log.fired->str, ==, "r");

  g_signal_handlers_disconnect_by_data (clock, &rearm);
  g_string_free (log.fired, TRUE);
  g_assert_finalize_object (g_steal_pointer (&clock));
}

static void
quit_timer_cb (gpointer user_data)
{
  gboolean *fired = user_data;

  *fired = TRUE;
}

static void
test_clock_system (void)
{
  g_autoptr(RpClock) clock = rp_clock_new_system ();
  g_autoptr(GDateTime) now = rp_clock_get_now (clock);
  g_autoptr(GDateTime) soon = NULL;
  g_autoptr(GDateTime) later = NULL;
  gboolean fired = FALSE;
  gboolean removed_fired = FALSE;
  gint64 start;
  guint id;

  g_assert_false (rp_clock_is_fixed (clock));
  g_assert_cmpint (ABS (g_date_time_to_unix (now) - g_get_real_time () / G_USEC_PER_SEC), <=, 1);

  soon = g_date_time_add (now, 80 * G_TIME_SPAN_MILLISECOND);
  later = g_date_time_add (now, 40 * G_TIME_SPAN_MILLISECOND);
  start = g_get_real_time ();

  rp_clock_add_timer (clock, soon, quit_timer_cb, &fired, NULL);
  id = rp_clock_add_timer (clock, later, quit_timer_cb, &removed_fired, NULL);
  rp_clock_remove_timer (clock, id);

  while (!fired)
    g_main_context_iteration (NULL, TRUE);

  /* Never before the moment by the real time. */
  g_assert_cmpint (g_get_real_time (), >=,
                   g_date_time_to_unix (soon) * G_USEC_PER_SEC +
                   g_date_time_get_microsecond (soon));
  g_assert_cmpint (g_get_real_time () - start, <, 5 * G_USEC_PER_SEC);
  g_assert_false (removed_fired);

  /* Let the system bus look-up finish (or fail) before the clock goes. */
  while (g_main_context_iteration (NULL, FALSE));
  g_clear_object (&clock);
  while (g_main_context_iteration (NULL, FALSE));
}

/* Rules */

static void
assert_moment (GDateTime  *moment,
               const char *expected)
{
  g_autofree char *text = NULL;

  g_assert_nonnull (moment);
  text = g_date_time_format (moment, "%Y-%m-%d %H:%M %z");
  g_assert_cmpstr (text, ==, expected);
}

static void
test_rules_due_moment (void)
{
  RpReminderSettings settings = RP_REMINDER_SETTINGS_DEFAULT;
  g_autoptr(GTimeZone) tz = g_time_zone_new_utc ();
  g_autoptr(GDateTime) timed = NULL;
  g_autoptr(GDateTime) untimed = NULL;
  g_autoptr(GDateTime) early = NULL;

  timed = rp_reminder_due_moment ("2026-03-04", "14:15", &settings, tz);
  assert_moment (timed, "2026-03-04 14:15 +0000");

  untimed = rp_reminder_due_moment ("2026-03-04", "", &settings, tz);
  assert_moment (untimed, "2026-03-04 09:00 +0000");

  settings.default_minutes = 7 * 60 + 45;
  early = rp_reminder_due_moment ("2026-03-04", NULL, &settings, tz);
  assert_moment (early, "2026-03-04 07:45 +0000");

  g_assert_null (rp_reminder_due_moment ("2026-02-30", "", &settings, tz));
  g_assert_null (rp_reminder_due_moment ("soon", "", &settings, tz));
  g_assert_null (rp_reminder_due_moment ("", "10:00", &settings, tz));
}

static void
assert_next_allowed (const RpReminderSettings *settings,
                     GDateTime                *when,
                     const char               *expected)
{
  g_autoptr(GDateTime) allowed = rp_reminder_next_allowed (when, settings);

  assert_moment (allowed, expected);
}

static void
test_rules_quiet_hours (void)
{
  RpReminderSettings settings = RP_REMINDER_SETTINGS_DEFAULT;
  /* 2026-03-03 is a Tuesday. */
  g_autoptr(GDateTime) evening = utc (2026, 3, 3, 21, 0);
  g_autoptr(GDateTime) start = utc (2026, 3, 3, 20, 0);
  g_autoptr(GDateTime) night = utc (2026, 3, 4, 6, 0);
  g_autoptr(GDateTime) end = utc (2026, 3, 4, 7, 30);
  g_autoptr(GDateTime) noon = utc (2026, 3, 4, 12, 0);
  g_autoptr(GDateTime) lunch = utc (2026, 3, 4, 12, 30);
  g_autoptr(GDateTime) saturday = utc (2026, 3, 7, 10, 0);

  /* Off by default: nothing is held. */
  assert_next_allowed (&settings, evening, "2026-03-03 21:00 +0000");
  assert_next_allowed (&settings, saturday, "2026-03-07 10:00 +0000");

  /* 20:00–07:30 spans midnight. */
  settings.quiet_hours = TRUE;
  assert_next_allowed (&settings, evening, "2026-03-04 07:30 +0000");
  assert_next_allowed (&settings, start, "2026-03-04 07:30 +0000");
  assert_next_allowed (&settings, night, "2026-03-04 07:30 +0000");
  assert_next_allowed (&settings, end, "2026-03-04 07:30 +0000");
  assert_next_allowed (&settings, noon, "2026-03-04 12:00 +0000");

  /* Within one day. */
  settings.quiet_start_minutes = 12 * 60;
  settings.quiet_end_minutes = 13 * 60;
  assert_next_allowed (&settings, lunch, "2026-03-04 13:00 +0000");
  assert_next_allowed (&settings, night, "2026-03-04 06:00 +0000");

  /* Start equal to end: no quiet hours at all. */
  settings.quiet_end_minutes = 12 * 60;
  assert_next_allowed (&settings, lunch, "2026-03-04 12:30 +0000");
}

static void
test_rules_weekends (void)
{
  RpReminderSettings settings = RP_REMINDER_SETTINGS_DEFAULT;
  g_autoptr(GDateTime) saturday = utc (2026, 3, 7, 10, 0);
  g_autoptr(GDateTime) sunday = utc (2026, 3, 8, 23, 30);
  g_autoptr(GDateTime) friday_night = utc (2026, 3, 6, 21, 0);
  g_autoptr(GDateTime) friday = utc (2026, 3, 6, 15, 0);
  g_autoptr(GDateTime) monday_night = utc (2026, 3, 9, 1, 0);

  /* Weekends alone: held until Monday 08:00. */
  settings.quiet_weekends = TRUE;
  assert_next_allowed (&settings, saturday, "2026-03-09 08:00 +0000");
  assert_next_allowed (&settings, sunday, "2026-03-09 08:00 +0000");
  assert_next_allowed (&settings, friday_night, "2026-03-06 21:00 +0000");
  assert_next_allowed (&settings, monday_night, "2026-03-09 01:00 +0000");

  /* Both: Friday night's quiet hours end on Saturday, which is quiet too, so Monday at the end
   * of quiet hours. */
  settings.quiet_hours = TRUE;
  assert_next_allowed (&settings, friday_night, "2026-03-09 07:30 +0000");
  assert_next_allowed (&settings, saturday, "2026-03-09 07:30 +0000");
  assert_next_allowed (&settings, sunday, "2026-03-09 07:30 +0000");
  assert_next_allowed (&settings, monday_night, "2026-03-09 07:30 +0000");
  assert_next_allowed (&settings, friday, "2026-03-06 15:00 +0000");
}

static void
test_rules_digest (void)
{
  RpReminderSettings settings = RP_REMINDER_SETTINGS_DEFAULT;
  g_autoptr(GDateTime) thursday_early = utc (2026, 3, 5, 7, 0);
  g_autoptr(GDateTime) friday_digest = utc (2026, 3, 6, 8, 30);
  g_autoptr(GDateTime) saturday = utc (2026, 3, 7, 6, 0);
  g_autoptr(GDateTime) monday_late = utc (2026, 3, 9, 18, 0);
  g_autoptr(GDateTime) d1 = rp_reminder_next_digest (thursday_early, &settings);
  g_autoptr(GDateTime) d2 = rp_reminder_next_digest (friday_digest, &settings);
  g_autoptr(GDateTime) d3 = rp_reminder_next_digest (saturday, &settings);
  g_autoptr(GDateTime) d4 = rp_reminder_next_digest (monday_late, &settings);

  assert_moment (d1, "2026-03-05 08:30 +0000");
  /* Strictly after, and never on a weekend. */
  assert_moment (d2, "2026-03-09 08:30 +0000");
  assert_moment (d3, "2026-03-09 08:30 +0000");
  assert_moment (d4, "2026-03-10 08:30 +0000");
}

static void
test_rules_snooze (void)
{
  RpReminderSettings settings = RP_REMINDER_SETTINGS_DEFAULT;
  g_autoptr(GDateTime) now = utc (2026, 12, 31, 22, 15);
  g_autofree char *due_on = NULL;
  g_autofree char *due_time = NULL;

  rp_reminder_snooze_target (now, &settings, &due_on, &due_time);
  g_assert_cmpstr (due_on, ==, "2027-01-01");
  g_assert_cmpstr (due_time, ==, "09:00");
}

static void
test_rules_dst (void)
{
  RpReminderSettings settings = RP_REMINDER_SETTINGS_DEFAULT;
  g_autoptr(GTimeZone) ny = g_time_zone_new_identifier ("America/New_York");
  g_autoptr(GDateTime) gap = NULL;
  g_autoptr(GDateTime) spring_due = NULL;
  g_autoptr(GDateTime) fall_due = NULL;
  g_autoptr(GDateTime) saturday_night = NULL;
  g_autoptr(GDateTime) fall_night = NULL;
  g_autoptr(GDateTime) spring_friday = NULL;
  g_autoptr(GDateTime) fall_friday = NULL;
  g_autoptr(GDateTime) spring_digest = NULL;
  g_autoptr(GDateTime) fall_digest = NULL;
  g_autoptr(GDateTime) before_spring = NULL;
  g_autoptr(GDateTime) after_spring = NULL;
  g_autofree char *due_on = NULL;
  g_autofree char *due_time = NULL;

  g_assert_nonnull (ny);

  /* 02:30 does not exist on 2026-03-08: the moment is still on that day, after the change. */
  gap = rp_reminder_due_moment ("2026-03-08", "02:30", &settings, ny);
  g_assert_nonnull (gap);
  g_assert_cmpint (g_date_time_get_day_of_month (gap), ==, 8);
  g_assert_cmpint (g_date_time_get_utc_offset (gap) / G_TIME_SPAN_HOUR, ==, -4);
  g_assert_cmpint (g_date_time_get_hour (gap), ==, 3);

  spring_due = rp_reminder_due_moment ("2026-03-08", "", &settings, ny);
  assert_moment (spring_due, "2026-03-08 09:00 -0400");
  fall_due = rp_reminder_due_moment ("2026-11-01", "", &settings, ny);
  assert_moment (fall_due, "2026-11-01 09:00 -0500");

  /* Quiet hours across the change end at 07:30 local, 9½ and 11½ hours later. */
  settings.quiet_hours = TRUE;
  saturday_night = g_date_time_new (ny, 2026, 3, 7, 21, 0, 0);
  assert_next_allowed (&settings, saturday_night, "2026-03-08 07:30 -0400");
  fall_night = g_date_time_new (ny, 2026, 10, 31, 21, 0, 0);
  assert_next_allowed (&settings, fall_night, "2026-11-01 07:30 -0500");

  /* The digest the day after each change is at 8:30 local. */
  spring_friday = g_date_time_new (ny, 2026, 3, 6, 9, 0, 0);
  spring_digest = rp_reminder_next_digest (spring_friday, &settings);
  assert_moment (spring_digest, "2026-03-09 08:30 -0400");
  fall_friday = g_date_time_new (ny, 2026, 10, 30, 9, 0, 0);
  fall_digest = rp_reminder_next_digest (fall_friday, &settings);
  assert_moment (fall_digest, "2026-11-02 08:30 -0500");

  /* Weekends held until Monday, across the change. */
  settings.quiet_hours = FALSE;
  settings.quiet_weekends = TRUE;
  before_spring = g_date_time_new (ny, 2026, 3, 7, 12, 0, 0);
  assert_next_allowed (&settings, before_spring, "2026-03-09 08:00 -0400");

  /* Snoozing on the evening before the change: tomorrow at 9:00. */
  after_spring = g_date_time_new (ny, 2026, 3, 7, 23, 30, 0);
  rp_reminder_snooze_target (after_spring, &settings, &due_on, &due_time);
  g_assert_cmpstr (due_on, ==, "2026-03-08");
  g_assert_cmpstr (due_time, ==, "09:00");
}

/* Store */

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

  g_test_add_func ("/reminders/clock/fixed-order", test_clock_fixed_order);
  g_test_add_func ("/reminders/clock/fixed-past", test_clock_fixed_past);
  g_test_add_func ("/reminders/clock/fixed-rearm", test_clock_fixed_rearm);
  g_test_add_func ("/reminders/clock/system", test_clock_system);
  g_test_add_func ("/reminders/rules/due-moment", test_rules_due_moment);
  g_test_add_func ("/reminders/rules/quiet-hours", test_rules_quiet_hours);
  g_test_add_func ("/reminders/rules/weekends", test_rules_weekends);
  g_test_add_func ("/reminders/rules/digest", test_rules_digest);
  g_test_add_func ("/reminders/rules/snooze", test_rules_snooze);
  g_test_add_func ("/reminders/rules/dst", test_rules_dst);
  g_test_add_func ("/reminders/store/next-due", test_store_next_due);
  g_test_add_func ("/reminders/store/reschedule", test_store_reschedule_clears_notified);
  g_test_add_func ("/reminders/store/planned-visits", test_store_planned_visits);
  g_test_add_func ("/reminders/store/next-due-100000", test_store_next_due_100000);

  return g_test_run ();
}
