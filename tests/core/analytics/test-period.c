/* test-period.c: periods of local days, their previous periods, names on the command line,
 * across month ends, time zones and daylight saving changes.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "rp-period.h"
#include "rp-analytics.h"

static GDateTime *
at (const char *zone,
    const char *iso)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zone);
  g_autoptr(GDateTime) instant = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (tz);
  g_assert_nonnull (instant);
  return g_date_time_to_timezone (instant, tz);
}

static void
assert_period (const RpPeriod *period,
               const char     *first,
               const char     *last,
               const char     *previous_first,
               const char     *previous_last)
{
  g_autofree char *a = rp_period_format_day (&period->first);
  g_autofree char *b = rp_period_format_day (&period->last);
  g_autofree char *c = rp_period_format_day (&period->previous_first);
  g_autofree char *d = rp_period_format_day (&period->previous_last);

  g_assert_cmpstr (a, ==, first);
  g_assert_cmpstr (b, ==, last);
  g_assert_cmpstr (c, ==, previous_first);
  g_assert_cmpstr (d, ==, previous_last);
}

static void
check (RpPeriodKind  kind,
       GDateTime    *now,
       const char   *first,
       const char   *last,
       const char   *previous_first,
       const char   *previous_last)
{
  g_autoptr(GError) error = NULL;
  RpPeriod period;

  g_assert_true (rp_period_init (&period, kind, now, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_period (&period, first, last, previous_first, previous_last);
}

static void
test_kinds (void)
{
  g_autoptr(GDateTime) now = at ("America/New_York", "2026-12-07T15:00:00Z");
  RpPeriod period;

  check (RP_PERIOD_THIS_MONTH, now, "2026-12-01", "2026-12-07", "2026-11-01", "2026-11-07");
  check (RP_PERIOD_LAST_MONTH, now, "2026-11-01", "2026-11-30", "2026-10-01", "2026-10-31");
  check (RP_PERIOD_THIS_QUARTER, now, "2026-10-01", "2026-12-07", "2026-07-01", "2026-09-06");
  check (RP_PERIOD_YEAR_TO_DATE, now, "2026-01-01", "2026-12-07", "2025-01-01", "2025-12-07");
  check (RP_PERIOD_LAST_12_MONTHS, now, "2025-12-08", "2026-12-07", "2024-12-08", "2025-12-07");

  g_assert_true (rp_period_init (&period, RP_PERIOD_LAST_12_MONTHS, now, NULL, NULL, NULL));
  g_assert_cmpuint (rp_period_n_days (&period), ==, 365);
}

static void
test_month_ends (void)
{
  g_autoptr(GDateTime) march_31 = at ("UTC", "2026-03-31T12:00:00Z");
  g_autoptr(GDateTime) january = at ("UTC", "2026-01-15T12:00:00Z");
  g_autoptr(GDateTime) leap = at ("UTC", "2024-12-31T12:00:00Z");

  /* This month to the 31st against all of February, which has no 29th to 31st in 2026. */
  check (RP_PERIOD_THIS_MONTH, march_31, "2026-03-01", "2026-03-31", "2026-02-01", "2026-02-28");
  /* Last month crosses the year. */
  check (RP_PERIOD_LAST_MONTH, january, "2025-12-01", "2025-12-31", "2025-11-01", "2025-11-30");
  check (RP_PERIOD_THIS_QUARTER, january, "2026-01-01", "2026-01-15", "2025-10-01",
         "2025-10-15");
  /* A leap year's 366 days against a year of 365. */
  check (RP_PERIOD_YEAR_TO_DATE, leap, "2024-01-01", "2024-12-31", "2023-01-01", "2023-12-31");
}

static void
test_time_zones (void)
{
  /* 01:30 on the night New York springs forward: still 8 March there. */
  g_autoptr(GDateTime) spring = at ("America/New_York", "2026-03-08T06:30:00Z");
  /* 23:30 on 31 October in New York (EDT) is already 1 November in UTC. */
  g_autoptr(GDateTime) fall = at ("America/New_York", "2026-11-01T03:30:00Z");
  /* Auckland is 13 hours ahead: noon UTC on 30 November is 1 December there. */
  g_autoptr(GDateTime) auckland = at ("Pacific/Auckland", "2026-11-30T12:00:00Z");
  g_autoptr(GTimeZone) new_york = g_time_zone_new_identifier ("America/New_York");
  g_autofree char *before_change = NULL;
  g_autofree char *after_change = NULL;
  GDate day;

  check (RP_PERIOD_THIS_MONTH, spring, "2026-03-01", "2026-03-08", "2026-02-01", "2026-02-08");
  check (RP_PERIOD_THIS_MONTH, fall, "2026-10-01", "2026-10-31", "2026-09-01", "2026-09-30");
  check (RP_PERIOD_THIS_MONTH, auckland, "2026-12-01", "2026-12-01", "2026-11-01",
         "2026-11-01");

  /* Instants to local days, and local midnights to instants, on both sides of a change. */
  g_assert_true (rp_period_local_day_of ("2026-11-01T03:30:00Z", new_york, &day));
  g_assert_cmpuint (g_date_get_day (&day), ==, 31);
  g_assert_cmpuint (g_date_get_month (&day), ==, 10);
  g_assert_true (rp_period_local_day_of ("2026-11-01T05:30:00Z", new_york, &day));
  g_assert_cmpuint (g_date_get_day (&day), ==, 1);
  g_assert_false (rp_period_local_day_of ("yesterday", new_york, &day));

  g_assert_true (rp_period_parse_day ("2026-03-08", &day));
  before_change = rp_analytics_day_start_utc (&day, new_york);
  g_assert_true (rp_period_parse_day ("2026-03-09", &day));
  after_change = rp_analytics_day_start_utc (&day, new_york);
  g_assert_cmpstr (before_change, ==, "2026-03-08T05:00:00Z");
  g_assert_cmpstr (after_change, ==, "2026-03-09T04:00:00Z");
}

/* An instant in Rapport's own form ("…Z", read without a GDateTime) falls on the local day
 * GDateTime gives it, in zones with DST, half-hour and far offsets, at and around midnight; the
 * other forms are read by GDateTime itself. */
static void
test_local_day_of (void)
{
  const char *zones[] = { "UTC", "America/New_York", "Pacific/Kiritimati",
                          "Australia/Lord_Howe", "Asia/Kolkata", "Pacific/Pago_Pago" };
  const char *bad[] = { "2026-02-30T10:00:00Z", "2026-11-01T24:00:00Z", "2026-11-01T10:00Z",
                        "x026-11-01T10:00:00Z" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261207);

  for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zones[z]);

      g_assert_nonnull (tz);
      for (guint i = 0; i < 2000; i++)
        {
          /* Random instants from 1999 to 2031, every fourth on a whole hour. */
          gint64 seconds = g_rand_int_range (rand, 915148800 / 3600, 1924992000 / 3600) * (gint64) 3600;
          g_autoptr(GDateTime) instant = NULL;
          g_autoptr(GDateTime) local = NULL;
          g_autofree char *iso = NULL;
          GDate expected, got;

          if (i % 4 != 0)
            seconds += g_rand_int_range (rand, 0, 3600);
          instant = g_date_time_new_from_unix_utc (seconds);
          iso = g_date_time_format (instant, "%Y-%m-%dT%H:%M:%SZ");
          local = g_date_time_to_timezone (instant, tz);
          rp_period_local_today (local, &expected);
          g_assert_true (rp_period_local_day_of (iso, tz, &got));
          if (g_date_compare (&expected, &got) != 0)
            g_error ("%s in %s: day %u, not %u", iso, zones[z], g_date_get_julian (&got),
                     g_date_get_julian (&expected));
        }

      /* Other forms, which GDateTime reads: an offset, fractions of a second, a space. */
      {
        GDate got;

        g_assert_true (rp_period_local_day_of ("2026-11-01T23:30:00-05:00", tz, &got));
        g_assert_true (rp_period_local_day_of ("2026-11-01T23:30:00.250Z", tz, &got));
        g_assert_true (rp_period_local_day_of ("2026-11-01 23:30:00Z", tz, &got));
      }
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      GDate got;

      g_assert_false (rp_period_local_day_of (bad[i], utc, &got));
    }
}

static void
test_custom (void)
{
  g_autoptr(GError) error = NULL;
  RpPeriod period;
  GDate first, last;

  g_assert_true (rp_period_parse_day ("2026-02-10", &first));
  g_assert_true (rp_period_parse_day ("2026-02-19", &last));
  g_assert_true (rp_period_init (&period, RP_PERIOD_CUSTOM, NULL, &first, &last, &error));
  g_assert_no_error (error);
  assert_period (&period, "2026-02-10", "2026-02-19", "2026-01-31", "2026-02-09");
  g_assert_cmpuint (rp_period_n_days (&period), ==, 10);

  g_assert_false (rp_period_init (&period, RP_PERIOD_CUSTOM, NULL, &last, &first, &error));
  g_assert_error (error, RP_PERIOD_ERROR, RP_PERIOD_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (rp_period_parse_day ("2026-02-30", &first));
  g_assert_false (rp_period_parse_day ("2026-2-3", &first));
  g_assert_false (rp_period_parse_day ("2026-02-10x", &first));
}

static void
test_parse (void)
{
  const char *bad[] = { "", "2026-13", "2026-00", "2026-Q5", "2026-Q0", "26-Q1", "11/2026",
                        "2026-11-01", "abcd", "20266", "0001" };
  g_autoptr(GError) error = NULL;
  RpPeriod period;

  g_assert_true (rp_period_parse (&period, "2026-11", &error));
  g_assert_no_error (error);
  assert_period (&period, "2026-11-01", "2026-11-30", "2026-10-01", "2026-10-31");
  g_assert_cmpint (period.kind, ==, RP_PERIOD_MONTH);

  g_assert_true (rp_period_parse (&period, "2026-Q4", &error));
  assert_period (&period, "2026-10-01", "2026-12-31", "2026-07-01", "2026-09-30");
  g_assert_cmpint (period.kind, ==, RP_PERIOD_QUARTER);

  g_assert_true (rp_period_parse (&period, "2026-Q1", &error));
  assert_period (&period, "2026-01-01", "2026-03-31", "2025-10-01", "2025-12-31");

  g_assert_true (rp_period_parse (&period, "2026", &error));
  assert_period (&period, "2026-01-01", "2026-12-31", "2025-01-01", "2025-12-31");
  g_assert_cmpint (period.kind, ==, RP_PERIOD_YEAR);

  g_assert_true (rp_period_parse (&period, "2024-02", &error));
  assert_period (&period, "2024-02-01", "2024-02-29", "2024-01-01", "2024-01-31");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (rp_period_parse (&period, bad[i], &error));
      g_assert_error (error, RP_PERIOD_ERROR, RP_PERIOD_ERROR_INVALID);
      g_clear_error (&error);
    }
}

static void
test_titles (void)
{
  g_autofree char *month = NULL;
  g_autofree char *quarter = NULL;
  g_autofree char *year = NULL;
  RpPeriod period;

  g_assert_true (rp_period_parse (&period, "2026-11", NULL));
  month = rp_period_dup_title (&period);
  g_assert_cmpstr (month, ==, "November 2026");
  g_assert_true (rp_period_parse (&period, "2026-Q4", NULL));
  quarter = rp_period_dup_title (&period);
  g_assert_cmpstr (quarter, ==, "Q4 2026");
  g_assert_true (rp_period_parse (&period, "2026", NULL));
  year = rp_period_dup_title (&period);
  g_assert_cmpstr (year, ==, "2026");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/analytics/period/kinds", test_kinds);
  g_test_add_func ("/analytics/period/month-ends", test_month_ends);
  g_test_add_func ("/analytics/period/time-zones", test_time_zones);
  g_test_add_func ("/analytics/period/local-day-of", test_local_day_of);
  g_test_add_func ("/analytics/period/custom", test_custom);
  g_test_add_func ("/analytics/period/parse", test_parse);
  g_test_add_func ("/analytics/period/titles", test_titles);

  return g_test_run ();
}
