/* test-store-analytics-lapsed.c: the lapsed referrers found from each partner's last month
 * (schema 19) equal those counted from the lapse window's and the last 90 days' months, and the
 * referrer trends computed with them equal those computed the plain way (a filter on the city
 * every partner has), over random networks written with inserts, updates of day, direction and
 * partner, new tiers and deletes, for random periods and filters.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "rp-analytics.h"
#include "rp-store-analytics.h"
#include "rp-test-core.h"

static RpPartner *
add_partner (RpStore    *store,
             const char *last,
             RpTier      tier)
{
  RpPartner *partner = rp_test_make_person ("Pat", last, NULL);

  rp_partner_set_tier (partner, tier);
  rp_partner_set_specialty_code (partner, "207X00000X");
  rp_partner_set_specialty_label (partner, "207X00000X");
  rp_partner_set_city (partner, "Springfield");
  rp_test_insert_partner (store, partner);
  return partner;
}

static void
format_day (char        *text,
            const GDate *day)
{
  g_date_strftime (text, 11, "%Y-%m-%d", day);
}

/* A random day from 2025-01-01 on, within @days days. */
static void
random_day (GRand *rand,
            guint  days,
            char  *text)
{
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, G_DATE_JANUARY, 2025);
  g_date_add_days (&day, (guint) g_rand_int_range (rand, 0, (gint32) days));
  format_day (text, &day);
}

/* A network of partners that refer often, seldom (so that they lapse) or in bursts, in both
 * directions, then rewritten: days, directions and partners changed, tiers changed, referrals
 * deleted. */
static void
fill_network (RpStore    *store,
              const char *path,
              GRand      *rand,
              GPtrArray  *partners)
{
  g_autoptr(GPtrArray) referrals = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *name = g_strdup_printf ("Partner%u", i);

      g_ptr_array_add (partners, add_partner (store, name, (RpTier) (i % 3)));
    }
  for (guint i = 0; i < 1500; i++)
    {
      /* Partners 0-29 refer seldom, 30-44 only in a few months, the rest often. */
      guint which = g_rand_int_range (rand, 0, 4) == 0 ? (guint) g_rand_int_range (rand, 0, 30)
                                                        : (guint) g_rand_int_range (rand, 30, 60);
      RpReferral *referral = rp_referral_new ();
      char day[11];

      if (which >= 30 && which < 45)
        {
          GDate date;

          g_date_clear (&date, 1);
          g_date_set_dmy (&date, 1, (GDateMonth) (1 + which % 12), 2025 + which % 2);
          g_date_add_days (&date, (guint) g_rand_int_range (rand, 0, 75));
          format_day (day, &date);
        }
      else
        random_day (rand, 790, day);
      rp_referral_set_partner_id (referral, rp_partner_get_id (g_ptr_array_index (partners,
                                                                                  which)));
      rp_referral_set_direction (referral, g_rand_int_range (rand, 0, 5) == 0
                                           ? RP_REFERRAL_DIRECTION_OUTBOUND
                                           : RP_REFERRAL_DIRECTION_INBOUND);
      rp_referral_set_referred_on (referral, day);
      g_assert_true (rp_store_insert_referral (store, referral, &error));
      g_assert_no_error (error);
      g_ptr_array_add (referrals, referral);
    }

  /* Updates of day, direction and partner. */
  for (guint i = 0; i < 200; i++)
    {
      RpReferral *referral = g_ptr_array_index (referrals, g_rand_int_range (rand, 0, 1500));
      char day[11];

      switch (i % 3)
        {
        case 0:
          random_day (rand, 790, day);
          rp_referral_set_referred_on (referral, day);
          break;
        case 1:
          rp_referral_set_direction (referral,
                                     rp_referral_get_direction (referral) ==
                                     RP_REFERRAL_DIRECTION_INBOUND
                                     ? RP_REFERRAL_DIRECTION_OUTBOUND
                                     : RP_REFERRAL_DIRECTION_INBOUND);
          break;
        default:
          rp_referral_set_partner_id (referral,
                                      rp_partner_get_id (g_ptr_array_index (partners,
                                                                            g_rand_int_range (rand, 0, 60))));
          break;
        }
      g_assert_true (rp_store_update_referral (store, referral, &error));
      g_assert_no_error (error);
    }

  /* New tiers. */
  for (guint i = 0; i < 8; i++)
    {
      RpPartner *moved = g_ptr_array_index (partners, i * 7);

      rp_partner_set_tier (moved, (RpTier) ((i * 7 + 1) % 3));
      g_assert_true (rp_store_update_partner (store, moved, &error));
      g_assert_no_error (error);
    }

  /* Deletes. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM referral WHERE id % 11 = 0", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
}

/* The lapse window and last day of a period ending on @last, as the trends compute them. */
static void
lapse_days (const GDate *last,
            char        *window_first,
            char        *window_last,
            char        *recent_first)
{
  GDate day = *last;

  g_date_subtract_days (&day, RP_ANALYTICS_LAPSED_RECENT);
  format_day (window_last, &day);
  g_date_add_days (&day, 1);
  format_day (recent_first, &day);
  g_date_subtract_months (&day, RP_ANALYTICS_LAPSED_MONTHS);
  format_day (window_first, &day);
}

static void
random_filter (GRand             *rand,
               guint              i,
               RpAnalyticsFilter *filter)
{
  rp_analytics_filter_init (filter);
  switch (i % 4)
    {
    case 1:
      filter->direction = RP_REFERRAL_DIRECTION_OUTBOUND;
      break;
    case 2:
      filter->any_direction = TRUE;
      break;
    default:
      break;
    }
  if (g_rand_int_range (rand, 0, 3) == 0)
    {
      filter->any_tier = FALSE;
      filter->tier = (RpTier) g_rand_int_range (rand, 0, 3);
    }
}

/* The lapsed partners from the last months equal those of the two ranges' counts. */
static void
test_lapsed (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (17);
  g_autoptr(GPtrArray) partners = g_ptr_array_new_with_free_func (g_object_unref);
  guint answered = 0, with_lapsed = 0;
  RpTestStore tmp;

  rp_test_store_open (&tmp, "rapport-lapsed-XXXXXX");
  fill_network (tmp.store, tmp.path, rand, partners);

  for (guint i = 0; i < 400; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) lapsed = NULL;
      g_autoptr(GArray) plain = g_array_new (FALSE, FALSE, sizeof (RpPartnerCount));
      RpAnalyticsFilter filter;
      char window_first[11], window_last[11], recent_first[11], last[11];
      GArray *counts[2];
      GDate day;

      /* A last day in the referrals' last months or after them (the fast path's), a quarter of
       * the time from mid 2025 on; a month's end half the time. */
      g_date_clear (&day, 1);
      if (i % 4 == 3)
        {
          g_date_set_dmy (&day, 1, G_DATE_JUNE, 2025);
          g_date_add_days (&day, (guint) g_rand_int_range (rand, 0, 640));
        }
      else
        {
          g_date_set_dmy (&day, 15, G_DATE_NOVEMBER, 2026);
          g_date_add_days (&day, (guint) g_rand_int_range (rand, 0, 135));
        }
      if (i % 2 == 0)
        g_date_set_day (&day, g_date_get_days_in_month (g_date_get_month (&day),
                                                        g_date_get_year (&day)));
      format_day (last, &day);
      lapse_days (&day, window_first, window_last, recent_first);
      random_filter (rand, i, &filter);

      g_assert_true (rp_store_analytics_lapsed (tmp.store, i % 8 == 0 ? NULL : &filter,
                                                window_first, window_last, last, &lapsed,
                                                &error));
      g_assert_no_error (error);
      if (lapsed == NULL)
        continue;
      answered++;

      {
        const char *firsts[] = { recent_first, window_first };
        const char *lasts[] = { last, window_last };
        guint r = 0;

        g_assert_true (rp_store_analytics_count_by_partner_ranges (tmp.store,
                                                                   i % 8 == 0 ? NULL : &filter,
                                                                   2, firsts, lasts, counts,
                                                                   &error));
        g_assert_no_error (error);
        for (guint k = 0; k < counts[1]->len; k++)
          {
            RpPartnerCount *count = &g_array_index (counts[1], RpPartnerCount, k);

            while (r < counts[0]->len &&
                   g_array_index (counts[0], RpPartnerCount, r).partner_id < count->partner_id)
              r++;
            if (r >= counts[0]->len ||
                g_array_index (counts[0], RpPartnerCount, r).partner_id != count->partner_id)
              g_array_append_val (plain, *count);
          }
        g_array_unref (counts[0]);
        g_array_unref (counts[1]);
      }

      g_assert_cmpuint (lapsed->len, ==, plain->len);
      for (guint k = 0; k < plain->len; k++)
        {
          g_assert_cmpint (g_array_index (lapsed, RpPartnerCount, k).partner_id, ==,
                           g_array_index (plain, RpPartnerCount, k).partner_id);
          g_assert_cmpuint (g_array_index (lapsed, RpPartnerCount, k).n, ==,
                            g_array_index (plain, RpPartnerCount, k).n);
        }
      with_lapsed += plain->len > 0;
    }
  /* Most periods take the fast path, and most have lapsed partners. */
  g_assert_cmpuint (answered, >, 180);
  g_assert_cmpuint (with_lapsed, >, 150);

  rp_test_store_close (&tmp);
}

/* The trends with the lapsed partners from the last months equal the plain path's. */
static void
test_trends (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1717);
  g_autoptr(GPtrArray) partners = g_ptr_array_new_with_free_func (g_object_unref);
  RpTestStore tmp;

  rp_test_store_open (&tmp, "rapport-lapsed-XXXXXX");
  fill_network (tmp.store, tmp.path, rand, partners);

  for (guint i = 0; i < 60; i++)
    {
      g_autoptr(GError) error = NULL;
      GPtrArray *fast[RP_REFERRER_N_TRENDS] = { NULL };
      GPtrArray *slow[RP_REFERRER_N_TRENDS] = { NULL };
      RpAnalyticsFilter filter, plain;
      RpPeriod period;
      GDate first, last;

      /* A month, a quarter or a run of days up to a random day. */
      g_date_clear (&first, 1);
      g_date_set_dmy (&first, 1, i % 4 == 3 ? G_DATE_JUNE : G_DATE_SEPTEMBER,
                      i % 4 == 3 ? 2025 : 2026);
      g_date_add_days (&first, (guint) g_rand_int_range (rand, 0, i % 4 == 3 ? 560 : 120));
      if (i % 3 != 2)
        g_date_set_day (&first, 1);
      last = first;
      if (i % 3 == 0)
        g_date_add_months (&last, 1 + 2 * (i % 2));
      else
        g_date_add_days (&last, (guint) g_rand_int_range (rand, 1, 100));
      if (i % 3 == 0)
        g_date_subtract_days (&last, 1);
      g_assert_true (rp_period_init (&period, RP_PERIOD_CUSTOM, NULL, &first, &last, &error));
      g_assert_no_error (error);
      random_filter (rand, i, &filter);
      plain = filter;
      plain.city = (char *) "Springfield";

      g_assert_true (rp_analytics_referrer_trends (tmp.store, &period, &filter, fast, &error));
      g_assert_no_error (error);
      g_assert_true (rp_analytics_referrer_trends (tmp.store, &period, &plain, slow, &error));
      g_assert_no_error (error);
      for (guint t = 0; t < RP_REFERRER_N_TRENDS; t++)
        {
          g_assert_cmpuint (fast[t]->len, ==, slow[t]->len);
          for (guint k = 0; k < fast[t]->len; k++)
            {
              RpFigureRow *x = g_ptr_array_index (fast[t], k);
              RpFigureRow *y = g_ptr_array_index (slow[t], k);

              g_assert_cmpint (x->id, ==, y->id);
              g_assert_cmpuint (x->n, ==, y->n);
              g_assert_cmpuint (x->previous, ==, y->previous);
            }
          g_ptr_array_unref (fast[t]);
          g_ptr_array_unref (slow[t]);
        }
    }

  rp_test_store_close (&tmp);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/analytics-lapsed/lapsed", test_lapsed);
  g_test_add_func ("/store/analytics-lapsed/trends", test_trends);

  return g_test_run ();
}
