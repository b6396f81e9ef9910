/* test-reminder-rules.c: when a task's reminder is due, with quiet hours, weekends, the digest,
 * snoozing and the days daylight saving time changes.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "rp-reminder-rules.h"
#include "rp-test-core.h"

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
  g_autoptr(GDateTime) evening = rp_test_utc (2026, 3, 3, 21, 0);
  g_autoptr(GDateTime) start = rp_test_utc (2026, 3, 3, 20, 0);
  g_autoptr(GDateTime) night = rp_test_utc (2026, 3, 4, 6, 0);
  g_autoptr(GDateTime) end = rp_test_utc (2026, 3, 4, 7, 30);
  g_autoptr(GDateTime) noon = rp_test_utc (2026, 3, 4, 12, 0);
  g_autoptr(GDateTime) lunch = rp_test_utc (2026, 3, 4, 12, 30);
  g_autoptr(GDateTime) saturday = rp_test_utc (2026, 3, 7, 10, 0);

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
  g_autoptr(GDateTime) saturday = rp_test_utc (2026, 3, 7, 10, 0);
  g_autoptr(GDateTime) sunday = rp_test_utc (2026, 3, 8, 23, 30);
  g_autoptr(GDateTime) friday_night = rp_test_utc (2026, 3, 6, 21, 0);
  g_autoptr(GDateTime) friday = rp_test_utc (2026, 3, 6, 15, 0);
  g_autoptr(GDateTime) monday_night = rp_test_utc (2026, 3, 9, 1, 0);

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
  g_autoptr(GDateTime) thursday_early = rp_test_utc (2026, 3, 5, 7, 0);
  g_autoptr(GDateTime) friday_digest = rp_test_utc (2026, 3, 6, 8, 30);
  g_autoptr(GDateTime) saturday = rp_test_utc (2026, 3, 7, 6, 0);
  g_autoptr(GDateTime) monday_late = rp_test_utc (2026, 3, 9, 18, 0);
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
  g_autoptr(GDateTime) now = rp_test_utc (2026, 12, 31, 22, 15);
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reminders/rules/due-moment", test_rules_due_moment);
  g_test_add_func ("/reminders/rules/quiet-hours", test_rules_quiet_hours);
  g_test_add_func ("/reminders/rules/weekends", test_rules_weekends);
  g_test_add_func ("/reminders/rules/digest", test_rules_digest);
  g_test_add_func ("/reminders/rules/snooze", test_rules_snooze);
  g_test_add_func ("/reminders/rules/dst", test_rules_dst);

  return g_test_run ();
}
