/* test-clock.c: the clock, fixed or following the system time, and its timers.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "rp-clock.h"
#include "rp-test-core.h"

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

static void
test_clock_fixed_order (void)
{
  g_autoptr(GDateTime) start = rp_test_utc (2026, 3, 2, 8, 0);
  g_autoptr(GDateTime) at9 = rp_test_utc (2026, 3, 2, 9, 0);
  g_autoptr(GDateTime) at10 = rp_test_utc (2026, 3, 2, 10, 0);
  g_autoptr(GDateTime) at11 = rp_test_utc (2026, 3, 2, 11, 0);
  g_autoptr(GDateTime) at1030 = rp_test_utc (2026, 3, 2, 10, 30);
  g_autoptr(GDateTime) at12 = rp_test_utc (2026, 3, 2, 12, 0);
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
  g_autoptr(GDateTime) start = rp_test_utc (2026, 3, 2, 8, 0);
  g_autoptr(GDateTime) past = rp_test_utc (2026, 3, 1, 8, 0);
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
  g_autoptr(GDateTime) start = rp_test_utc (2026, 3, 2, 8, 0);
  g_autoptr(GDateTime) due = rp_test_utc (2026, 3, 2, 9, 0);
  g_autoptr(GDateTime) later = rp_test_utc (2026, 3, 2, 10, 0);
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reminders/clock/fixed-order", test_clock_fixed_order);
  g_test_add_func ("/reminders/clock/fixed-past", test_clock_fixed_past);
  g_test_add_func ("/reminders/clock/fixed-rearm", test_clock_fixed_rearm);
  g_test_add_func ("/reminders/clock/system", test_clock_system);

  return g_test_run ();
}
