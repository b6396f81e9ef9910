/* test-analytics-share.c: counts per partner of several ranges read together, and shared
 * between two threads with connections of their own; counts by month summed as they are read;
 * the top referrers picked without a row per referrer.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rp-analytics-private.h"
#include "rp-sample.h"
#include "rp-test-core.h"

/* The sample network, its referrals ending today. */
static void
open_sample (RpTestStore *tmp,
             GDate       *today)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;

  rp_test_store_open (tmp, "rapport-share-XXXXXX");
  rp_period_local_today (now, today);
  g_assert_true (rp_sample_generate (tmp->store, RP_SAMPLE_SIZE_DEMO, RP_SAMPLE_DEFAULT_SEED,
                                     today, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
assert_same_counts (GArray *x,
                    GArray *y)
{
  g_assert_cmpuint (x->len, ==, y->len);
  for (guint i = 0; i < x->len; i++)
    {
      g_assert_cmpint (g_array_index (x, RpPartnerCount, i).partner_id,
                       ==, g_array_index (y, RpPartnerCount, i).partner_id);
      g_assert_cmpuint (g_array_index (x, RpPartnerCount, i).n,
                        ==, g_array_index (y, RpPartnerCount, i).n);
    }
}

static int
compare_counts (gconstpointer a,
                gconstpointer b)
{
  const RpPartnerCount *x = a;
  const RpPartnerCount *y = b;

  return x->partner_id < y->partner_id ? -1 : x->partner_id > y->partner_id;
}

/* Counted one referral at a time from the referrals themselves (their steps' rows). */
static GArray *
count_by_hand (RpStore                 *store,
               const RpAnalyticsFilter *filter,
               const char              *first,
               const char              *last)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) steps = rp_store_analytics_referral_steps (store, filter, first, last,
                                                                   &error);
  g_autoptr(GHashTable) sums = g_hash_table_new (g_int64_hash, g_int64_equal);
  GArray *counts = g_array_new (FALSE, FALSE, sizeof (RpPartnerCount));
  GHashTableIter iter;
  gpointer key, value;

  g_assert_no_error (error);
  for (guint i = 0; i < steps->len; i++)
    {
      RpReferralSteps *row = &g_array_index (steps, RpReferralSteps, i);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (sums, &row->partner_id));

      g_hash_table_insert (sums, &row->partner_id, GUINT_TO_POINTER (n + 1));
    }
  g_hash_table_iter_init (&iter, sums);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      RpPartnerCount count = { .partner_id = *(gint64 *) key, .n = GPOINTER_TO_UINT (value) };

      g_array_append_val (counts, count);
    }
  g_array_sort (counts, compare_counts);
  return counts;
}

/* Ranges read together (whole months shared between them, ends and days taken away read for
 * each) give what each gives alone and what the referrals counted one by one give, whatever
 * the filter: periods ending on a month's last day or not, starting on the 1st or a few days
 * after it, across a year, and from the first referral. */
static void
test_ranges_as_alone (void)
{
  g_autoptr(GError) error = NULL;
  RpTestStore tmp;
  GDate today;
  char day[6][11];
  char end[6][11];
  const char *firsts[6];
  const char *lasts[6];

  open_sample (&tmp, &today);

  /* From 400, 95, 62, 200 (moved to the 3rd of its month: days taken away from a whole
   * month), 33 and (none: from the first referral) days ago, to today, the end of last month,
   * the 28th of two months ago, today, the end of last month and a year ago. */
  {
    static const guint ago[6] = { 400, 95, 62, 200, 33, 0 };

    for (guint i = 0; i < 6; i++)
      {
        GDate d = today;

        g_date_subtract_days (&d, ago[i]);
        if (i == 3)
          g_date_set_day (&d, 3);
        g_snprintf (day[i], sizeof day[i], "%04d-%02d-%02d", g_date_get_year (&d),
                    g_date_get_month (&d), g_date_get_day (&d));
        firsts[i] = day[i];

        d = today;
        if (i == 1 || i == 4)
          {
            g_date_set_day (&d, 1);
            g_date_subtract_days (&d, 1);
          }
        else if (i == 2)
          {
            g_date_set_day (&d, 1);
            g_date_subtract_months (&d, 2);
            g_date_set_day (&d, 28);
          }
        else if (i == 5)
          g_date_subtract_years (&d, 1);
        g_snprintf (end[i], sizeof end[i], "%04d-%02d-%02d", g_date_get_year (&d),
                    g_date_get_month (&d), g_date_get_day (&d));
        lasts[i] = end[i];
      }
    firsts[5] = NULL;
  }

  for (guint f = 0; f < 4; f++)
    {
      GArray *together[6] = { NULL };
      RpAnalyticsFilter filter;

      rp_analytics_filter_init (&filter);
      if (f == 1)
        filter.any_direction = TRUE;
      else if (f == 2)
        {
          filter.any_tier = FALSE;
          filter.tier = RP_TIER_A;
        }
      else if (f == 3)
        filter.direction = RP_REFERRAL_DIRECTION_OUTBOUND;

      g_assert_true (rp_store_analytics_count_by_partner_ranges (tmp.store, &filter, 6, firsts,
                                                                 lasts, together, &error));
      g_assert_no_error (error);
      for (guint i = 0; i < 6; i++)
        {
          g_autoptr(GArray) alone = rp_store_analytics_count_by_partner (tmp.store, &filter,
                                                                         firsts[i], lasts[i],
                                                                         &error);
          g_autoptr(GArray) by_hand = count_by_hand (tmp.store, &filter,
                                                     firsts[i] != NULL ? firsts[i] : "0000-01-01",
                                                     lasts[i]);

          g_assert_no_error (error);
          assert_same_counts (together[i], alone);
          assert_same_counts (together[i], by_hand);
          if (f == 0 && i == 0)
            g_assert_cmpuint (together[i]->len, >, 0);
          g_array_unref (together[i]);
        }
      rp_analytics_filter_clear (&filter);
    }

  rp_test_store_close (&tmp);
}

typedef struct
{
  const char       *path;
  RpAnalyticsShare *share;
  const char       *first;
  const char       *last;
  GArray           *counts;
} Reader;

static gpointer
read_thread (gpointer data)
{
  Reader *reader = data;
  g_autoptr(RpStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = rp_store_open_full (reader->path, RP_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  rp_analytics_share_counts_join (reader->share);
  reader->counts = _rp_analytics_count_partners (store, NULL, reader->first, reader->last,
                                                 &error);
  g_assert_no_error (error);
  rp_analytics_share_counts_end ();
  return NULL;
}

/* Two threads, each with its own connection to the file, sharing their counts: the second finds
 * the first's (the same array, read once) and both are what a connection alone reads. */
static void
test_two_threads (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) mine = NULL;
  g_autoptr(GArray) alone = NULL;
  RpTestStore tmp;
  GDate today, first;
  char first_day[11], last_day[11];
  Reader reader = { NULL, };
  GThread *thread;

  open_sample (&tmp, &today);
  first = today;
  g_date_subtract_days (&first, 45);
  g_snprintf (first_day, sizeof first_day, "%04d-%02d-%02d", g_date_get_year (&first),
              g_date_get_month (&first), g_date_get_day (&first));
  g_snprintf (last_day, sizeof last_day, "%04d-%02d-%02d", g_date_get_year (&today),
              g_date_get_month (&today), g_date_get_day (&today));

  alone = rp_store_analytics_count_by_partner (tmp.store, NULL, first_day, last_day, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (alone->len, >, 0);

  rp_analytics_share_counts_begin ();
  mine = _rp_analytics_count_partners (tmp.store, NULL, first_day, last_day, &error);
  g_assert_no_error (error);

  reader.path = tmp.path;
  reader.share = rp_analytics_share_counts_get ();
  reader.first = first_day;
  reader.last = last_day;
  thread = g_thread_new ("test-share", read_thread, &reader);
  g_thread_join (thread);
  rp_analytics_share_counts_end ();

  g_assert_true (reader.counts == mine);
  assert_same_counts (mine, alone);
  g_array_unref (reader.counts);

  /* Outside a share, each read is its own. */
  {
    g_autoptr(GArray) again = _rp_analytics_count_partners (tmp.store, NULL, first_day,
                                                            last_day, &error);

    g_assert_no_error (error);
    g_assert_true (again != mine);
    assert_same_counts (again, alone);
  }

  rp_test_store_close (&tmp);
}

/* Referrals per month by each group (summed in C, not grouped in SQL) equal the referrals
 * counted one by one by month and by their partner's tier, with one row per month and key in
 * order and a label for each specialty; the same with a city filter (read from the partners'
 * months and the ends) and over a range that does not start on the 1st. */
static void
test_count_by_month (void)
{
  static const RpAnalyticsGroup groups[] = {
    RP_ANALYTICS_GROUP_NONE, RP_ANALYTICS_GROUP_TIER, RP_ANALYTICS_GROUP_SPECIALTY,
    RP_ANALYTICS_GROUP_DIRECTION,
  };
  g_autoptr(GError) error = NULL;
  RpTestStore tmp;
  GDate today, from;
  char first[11], last[11];

  open_sample (&tmp, &today);
  from = today;
  g_date_subtract_days (&from, 250);
  g_snprintf (first, sizeof first, "%04d-%02d-%02d", g_date_get_year (&from),
              g_date_get_month (&from), g_date_get_day (&from));
  g_snprintf (last, sizeof last, "%04d-%02d-%02d", g_date_get_year (&today),
              g_date_get_month (&today), g_date_get_day (&today));

  for (guint f = 0; f < 2; f++)
    {
      g_autoptr(GArray) steps = NULL;
      g_autoptr(GHashTable) by_hand = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                             NULL);
      g_autoptr(GHashTable) tiers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                           g_free);
      RpAnalyticsFilter filter;

      rp_analytics_filter_init (&filter);
      steps = rp_store_analytics_referral_steps (tmp.store, &filter, first, last, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (steps->len, >, 0);
      if (f == 1)
        {
          /* The city of the first referral's partner. */
          gint64 id = g_array_index (steps, RpReferralSteps, 0).partner_id;
          g_autoptr(GPtrArray) partners = rp_store_analytics_partners (tmp.store, &id, 1, &error);

          g_assert_no_error (error);
          filter.city = g_strdup (((RpAnalyticsPartner *) g_ptr_array_index (partners, 0))->city);
          g_clear_pointer (&steps, g_array_unref);
          steps = rp_store_analytics_referral_steps (tmp.store, &filter, first, last, &error);
          g_assert_no_error (error);
        }

      /* By hand: "month" and "month|tier". */
      for (guint i = 0; i < steps->len; i++)
        {
          RpReferralSteps *row = &g_array_index (steps, RpReferralSteps, i);
          const char *tier = g_hash_table_lookup (tiers, &row->partner_id);
          char *keys[2];

          if (tier == NULL)
            {
              g_autoptr(GPtrArray) partners = rp_store_analytics_partners (tmp.store,
                                                                           &row->partner_id, 1,
                                                                           &error);
              RpAnalyticsPartner *partner = g_ptr_array_index (partners, 0);

              g_assert_no_error (error);
              g_hash_table_insert (tiers, g_memdup2 (&row->partner_id, sizeof (gint64)),
                                   g_strdup (partner->tier));
              tier = g_hash_table_lookup (tiers, &row->partner_id);
            }
          keys[0] = g_strndup (row->referred_on, 7);
          keys[1] = g_strdup_printf ("%.7s|%s", row->referred_on, tier);
          for (guint k = 0; k < 2; k++)
            {
              guint n = GPOINTER_TO_UINT (g_hash_table_lookup (by_hand, keys[k]));

              g_hash_table_insert (by_hand, keys[k], GUINT_TO_POINTER (n + 1));
            }
        }

      for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
        {
          g_autoptr(GPtrArray) counts = rp_store_analytics_count_by_month (tmp.store, &filter,
                                                                           first, last, groups[g],
                                                                           &error);
          g_autoptr(GHashTable) totals = g_hash_table_new (g_str_hash, g_str_equal);
          GHashTableIter iter;
          gpointer key, value;

          g_assert_no_error (error);
          for (guint i = 0; i < counts->len; i++)
            {
              RpMonthCount *count = g_ptr_array_index (counts, i);

              if (i > 0)
                {
                  RpMonthCount *before = g_ptr_array_index (counts, i - 1);
                  int order = strcmp (before->month, count->month);

                  g_assert_true (order < 0 || (order == 0 && strcmp (before->key, count->key) < 0));
                }
              g_assert_cmpuint (count->n, >, 0);
              {
                guint n = GPOINTER_TO_UINT (g_hash_table_lookup (totals, count->month));

                g_hash_table_insert (totals, count->month, GUINT_TO_POINTER (n + count->n));
              }
              if (groups[g] == RP_ANALYTICS_GROUP_SPECIALTY && *count->key != '\0')
                g_assert_cmpstr (count->label, !=, "");
              else if (groups[g] != RP_ANALYTICS_GROUP_SPECIALTY)
                g_assert_cmpstr (count->label, ==, "");
              if (groups[g] == RP_ANALYTICS_GROUP_TIER)
                {
                  g_autofree char *both = g_strdup_printf ("%s|%s", count->month, count->key);

                  g_assert_cmpuint (count->n, ==,
                                    GPOINTER_TO_UINT (g_hash_table_lookup (by_hand, both)));
                }
              if (groups[g] == RP_ANALYTICS_GROUP_DIRECTION)
                g_assert_cmpstr (count->key, ==, "inbound");
            }
          g_hash_table_iter_init (&iter, by_hand);
          while (g_hash_table_iter_next (&iter, &key, &value))
            if (strchr (key, '|') == NULL)
              g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (totals, key)),
                                ==, GPOINTER_TO_UINT (value));
          g_assert_cmpuint (g_hash_table_size (totals), <=, g_hash_table_size (by_hand));
        }
      rp_analytics_filter_clear (&filter);
    }

  rp_test_store_close (&tmp);
}

static int
by_n_down (gconstpointer a,
           gconstpointer b)
{
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  return x > y ? -1 : x < y;
}

/* The top referrers (their rows made only for the partners that can be in the top) are the
 * partners with the most referrals, each with its count and the previous period's, on the
 * sample network with many more referrers than the top's length. */
static void
test_top_referrers (void)
{
  static const RpPeriodKind kinds[] = { RP_PERIOD_LAST_12_MONTHS, RP_PERIOD_YEAR_TO_DATE };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  RpTestStore tmp;
  GDate today;

  open_sample (&tmp, &today);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(GPtrArray) top = NULL;
      g_autoptr(GArray) current = NULL;
      g_autoptr(GArray) previous = NULL;
      g_autoptr(GArray) all_n = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autofree char *first = NULL;
      g_autofree char *last = NULL;
      g_autofree char *previous_first = NULL;
      g_autofree char *previous_last = NULL;
      RpPeriod period;

      g_assert_true (rp_period_init (&period, kinds[k], now, NULL, NULL, &error));
      first = _rp_analytics_day (&period.first);
      last = _rp_analytics_day (&period.last);
      previous_first = _rp_analytics_day (&period.previous_first);
      previous_last = _rp_analytics_day (&period.previous_last);
      current = rp_store_analytics_count_by_partner (tmp.store, NULL, first, last, &error);
      g_assert_no_error (error);
      previous = rp_store_analytics_count_by_partner (tmp.store, NULL, previous_first,
                                                      previous_last, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < current->len; i++)
        g_array_append_val (all_n, g_array_index (current, RpPartnerCount, i).n);
      g_array_sort (all_n, by_n_down);

      top = rp_analytics_top_referrers (tmp.store, &period, NULL, &error);
      g_assert_no_error (error);
      if (k == 0)
        g_assert_cmpuint (current->len, >, RP_ANALYTICS_TOP_N);
      g_assert_cmpuint (top->len, ==, MIN (current->len, RP_ANALYTICS_TOP_N));
      for (guint i = 0; i < top->len; i++)
        {
          RpFigureRow *row = g_ptr_array_index (top, i);

          g_assert_cmpuint (row->n, ==, g_array_index (all_n, guint, i));
          g_assert_cmpuint (row->n, ==, _rp_analytics_count_of (current, row->id));
          g_assert_cmpuint (row->previous, ==, _rp_analytics_count_of (previous, row->id));
          g_assert_cmpint (row->change, ==, (int) row->n - (int) row->previous);
          g_assert_nonnull (row->label);
        }
    }

  rp_test_store_close (&tmp);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/analytics/share/ranges-as-alone", test_ranges_as_alone);
  g_test_add_func ("/analytics/share/two-threads", test_two_threads);
  g_test_add_func ("/analytics/share/count-by-month", test_count_by_month);
  g_test_add_func ("/analytics/share/top-referrers", test_top_referrers);

  return g_test_run ();
}
