/* test-plan-day.c: the day a "Plan" button picks: the least busy from today on.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "rp-plan-day.h"

static const char * const week[] = {
  "2026-12-07", "2026-12-08", "2026-12-09", "2026-12-10", "2026-12-11",
};

static void
test_plan_day_spreads (void)
{
  guint counts[5] = { 0 };

  /* A week ahead: eight plans one after the other fill Monday…Friday, then Monday…Wednesday. */
  for (guint n = 0; n < 8; n++)
    {
      guint day = rp_plan_pick_day (week, counts, 5, "2026-12-01");

      g_assert_cmpuint (day, ==, n % 5);
      counts[day]++;
    }
}

static void
test_plan_day_from_today (void)
{
  guint counts[5] = { 0, 0, 3, 1, 2 };

  /* Wednesday: Monday and Tuesday are past, however free; Thursday is the least busy left. */
  g_assert_cmpuint (rp_plan_pick_day (week, counts, 5, "2026-12-09"), ==, 3);
  /* Today counts as ahead. */
  counts[3] = 4;
  g_assert_cmpuint (rp_plan_pick_day (week, counts, 5, "2026-12-09"), ==, 4);
  /* The earliest of equals. */
  counts[2] = 2;
  g_assert_cmpuint (rp_plan_pick_day (week, counts, 5, "2026-12-09"), ==, 2);
}

static void
test_plan_day_past_week (void)
{
  guint counts[5] = { 2, 1, 0, 1, 0 };

  /* A week gone by: the least busy of all, the earliest of equals. */
  g_assert_cmpuint (rp_plan_pick_day (week, counts, 5, "2026-12-20"), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rules/plan-day/spreads", test_plan_day_spreads);
  g_test_add_func ("/rules/plan-day/from-today", test_plan_day_from_today);
  g_test_add_func ("/rules/plan-day/past-week", test_plan_day_past_week);

  return g_test_run ();
}
