/* test-analytics-visits.c: schema 17's analytics_visit (each visit with its partner's referral
 * days around it) against the same rows made from scratch after every kind of write, and the
 * outreach figure read from it against the figure read the plain way (a target list of every
 * partner: a filter the table does not answer for, selecting the same partners).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rp-analytics.h"
#include "rp-store-activities.h"
#include "rp-store-analytics.h"
#include "rp-store-record-undo.h"
#include "rp-store-target-lists.h"
#include "rp-test-core.h"

/* analytics_visit's rows with each day of their days on a row of its own, counted (the days
 * come in no particular order); @from is the table or a query with its columns. */
#define VISIT_ITEMS(from) \
  "SELECT v.occurred_at, v.activity_id, v.partner_id, v.tier, v.base_day, v.prior_inbound," \
  " v.prior_outbound, j.value, count(*)" \
  " FROM (" from ") v, json_each ('[\"' || replace (v.days, ',', '\",\"') || '\"]') j" \
  " GROUP BY 1, 2, 3, 4, 5, 6, 7, 8"

/* The rows from scratch: every visit's partners, each with its referrals 121 days around the
 * visit's UTC day, and its last referral in each direction before those. */
#define VISIT_EXPECTED \
  "SELECT a.occurred_at AS occurred_at, a.id AS activity_id, p.id AS partner_id," \
  " p.tier AS tier, date(a.occurred_at) AS base_day," \
  " (SELECT coalesce(group_concat(r.referred_on || substr(r.direction, 1, 1), ','), '')" \
  "  FROM referral r WHERE r.partner_id = p.id" \
  "  AND r.referred_on BETWEEN date(a.occurred_at, '-121 days')" \
  "  AND date(a.occurred_at, '+121 days')) AS days," \
  " (SELECT max(r.referred_on) FROM referral r WHERE r.partner_id = p.id" \
  "  AND r.direction = 'inbound' AND r.referred_on < date(a.occurred_at, '-121 days'))" \
  "  AS prior_inbound," \
  " (SELECT max(r.referred_on) FROM referral r WHERE r.partner_id = p.id" \
  "  AND r.direction = 'outbound' AND r.referred_on < date(a.occurred_at, '-121 days'))" \
  "  AS prior_outbound" \
  " FROM activity a JOIN activity_partner ap ON ap.activity_id = a.id" \
  " JOIN partner p ON p.id = ap.partner_id WHERE a.kind = 'visit'"

static void
assert_visits (const char *path)
{
  g_assert_cmpint (rp_test_count_difference (path,
                                             VISIT_ITEMS ("SELECT * FROM analytics_visit"),
                                             VISIT_ITEMS (VISIT_EXPECTED)),
                   ==, 0);
}

typedef struct
{
  RpTestStore  tmp;
  GRand       *rand;
  GArray      *partners;    /* gint64 */
  GPtrArray   *referrals;   /* RpReferral */
  GArray      *activities;  /* gint64 */
  gint64       everyone;    /* a target list of every partner */
} World;

static gint64
random_partner (World *w)
{
  return g_array_index (w->partners, gint64, g_rand_int_range (w->rand, 0, w->partners->len));
}

/* A day from September 2025 to early 2027 ("YYYY-MM-DD"), half of them from August 2026 on. */
static char *
random_day (World *w)
{
  GDate day;

  g_date_clear (&day, 1);
  if (g_rand_boolean (w->rand))
    {
      g_date_set_dmy (&day, 1, G_DATE_SEPTEMBER, 2025);
      g_date_add_days (&day, g_rand_int_range (w->rand, 0, 540));
    }
  else
    {
      g_date_set_dmy (&day, 1, G_DATE_AUGUST, 2026);
      g_date_add_days (&day, g_rand_int_range (w->rand, 0, 240));
    }
  return rp_period_format_day (&day);
}

static void
add_partner (World *w)
{
  g_autofree char *last = g_strdup_printf ("Partner%u", w->partners->len);
  g_autoptr(RpPartner) partner = rp_test_make_person ("Pat", last, NULL);
  g_autoptr(GError) error = NULL;
  gint64 id;

  rp_partner_set_tier (partner, (RpTier) g_rand_int_range (w->rand, 0, 3));
  id = rp_test_insert_partner (w->tmp.store, partner);
  g_array_append_val (w->partners, id);
  g_assert_true (rp_store_add_target_list_members (w->tmp.store, w->everyone, &id, 1, &error));
  g_assert_no_error (error);
}

static void
add_referral (World *w)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *day = random_day (w);
  RpReferral *referral = rp_referral_new ();

  rp_referral_set_partner_id (referral, random_partner (w));
  rp_referral_set_direction (referral, g_rand_int_range (w->rand, 0, 4) == 0
                                       ? RP_REFERRAL_DIRECTION_OUTBOUND
                                       : RP_REFERRAL_DIRECTION_INBOUND);
  rp_referral_set_referred_on (referral, day);
  g_assert_true (rp_store_insert_referral (w->tmp.store, referral, &error));
  g_assert_no_error (error);
  g_ptr_array_add (w->referrals, referral);
}

/* A visit (or, one time in four, a call) at any hour, so that some fall on another local day
 * than their UTC day; with one or two partners. */
static void
add_activity (World *w)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *day = random_day (w);
  g_autofree char *at = g_strdup_printf ("%sT%02d:%02d:00Z", day, g_rand_int_range (w->rand, 0, 24),
                                         g_rand_int_range (w->rand, 0, 60));
  g_autoptr(RpActivity) activity = rp_activity_new (g_rand_int_range (w->rand, 0, 4) == 0
                                                    ? RP_ACTIVITY_KIND_CALL
                                                    : RP_ACTIVITY_KIND_VISIT);
  gint64 first = random_partner (w), second = random_partner (w);
  gint64 id;

  rp_activity_set_occurred_at (activity, at);
  rp_activity_add_partner_id (activity, first);
  if (second != first && g_rand_boolean (w->rand))
    rp_activity_add_partner_id (activity, second);
  g_assert_true (rp_store_insert_activity (w->tmp.store, activity, &error));
  g_assert_no_error (error);
  id = rp_activity_get_id (activity);
  g_array_append_val (w->activities, id);
}

/* One write of any kind the store (or an import's undo, or the database by hand) makes. */
static void
random_write (World *w)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  switch (g_rand_int_range (w->rand, 0, 12))
    {
    case 0: case 1: case 2:
      add_referral (w);
      break;

    case 3: case 4:
      add_activity (w);
      break;

    case 5:   /* a referral's day, direction or partner changed */
      if (w->referrals->len > 0)
        {
          RpReferral *referral = g_ptr_array_index (w->referrals,
                                                    g_rand_int_range (w->rand, 0,
                                                                      w->referrals->len));
          g_autofree char *day = random_day (w);

          switch (g_rand_int_range (w->rand, 0, 3))
            {
            case 0:
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
              rp_referral_set_partner_id (referral, random_partner (w));
            }
          /* A referral whose partner was deleted went with it. */
          if (!rp_store_update_referral (w->tmp.store, referral, &error))
            g_clear_error (&error);
        }
      break;

    case 6:   /* a referral deleted, as an import's undo deletes it */
      if (w->referrals->len > 0)
        {
          guint i = g_rand_int_range (w->rand, 0, w->referrals->len);
          RpReferral *referral = g_ptr_array_index (w->referrals, i);
          gint64 id = rp_referral_get_id (referral);
          const char *uuids[] = { rp_referral_get_uuid (referral), NULL };

          g_assert_true (rp_store_delete_imported (w->tmp.store, TRUE, &id, uuids, 1, NULL,
                                                   &error));
          g_assert_no_error (error);
          g_ptr_array_remove_index_fast (w->referrals, i);
        }
      break;

    case 7:   /* an activity deleted, as an import's undo deletes it */
      if (w->activities->len > 0)
        {
          guint i = g_rand_int_range (w->rand, 0, w->activities->len);
          gint64 id = g_array_index (w->activities, gint64, i);
          g_autoptr(RpActivity) activity = rp_store_get_activity (w->tmp.store, id, NULL);

          if (activity != NULL)
            {
              const char *uuids[] = { rp_activity_get_uuid (activity), NULL };

              g_assert_true (rp_store_delete_imported (w->tmp.store, FALSE, &id, uuids, 1, NULL,
                                                       &error));
              g_assert_no_error (error);
            }
          g_array_remove_index_fast (w->activities, i);
        }
      break;

    case 8:   /* an activity's time or kind changed, or one of its partners removed or added */
      if (w->activities->len > 0)
        {
          gint64 id = g_array_index (w->activities, gint64,
                                     g_rand_int_range (w->rand, 0, w->activities->len));
          g_autofree char *day = random_day (w);

          switch (g_rand_int_range (w->rand, 0, 4))
            {
            case 0:
              sql = g_strdup_printf ("UPDATE activity SET occurred_at = '%sT23:30:00Z'"
                                     " WHERE id = %" G_GINT64_FORMAT, day, id);
              break;
            case 1:
              sql = g_strdup_printf ("UPDATE activity SET kind = CASE kind WHEN 'visit'"
                                     " THEN 'call' ELSE 'visit' END"
                                     " WHERE id = %" G_GINT64_FORMAT, id);
              break;
            case 2:
              sql = g_strdup_printf ("DELETE FROM activity_partner WHERE activity_id = %1$"
                                     G_GINT64_FORMAT " AND partner_id = (SELECT min(partner_id)"
                                     " FROM activity_partner WHERE activity_id = %1$"
                                     G_GINT64_FORMAT ")", id);
              break;
            default:
              sql = g_strdup_printf ("INSERT OR IGNORE INTO activity_partner (activity_id,"
                                     " partner_id) VALUES (%" G_GINT64_FORMAT ", %"
                                     G_GINT64_FORMAT ")", id, random_partner (w));
            }
          rp_test_exec_sql (w->tmp.path, sql);
        }
      break;

    case 9:   /* a partner's tier changed */
      {
        g_autoptr(RpPartner) partner = rp_store_get_partner (w->tmp.store, random_partner (w),
                                                             NULL);

        if (partner != NULL)
          {
            rp_partner_set_tier (partner, (rp_partner_get_tier (partner) + 1) % 3);
            g_assert_true (rp_store_update_partner (w->tmp.store, partner, &error));
            g_assert_no_error (error);
          }
      }
      break;

    case 10:   /* a partner deleted (rarely), with its visits and referrals */
      if (g_rand_int_range (w->rand, 0, 4) == 0 && w->partners->len > 4)
        {
          guint i = g_rand_int_range (w->rand, 0, w->partners->len);

          g_assert_true (rp_store_delete_partner (w->tmp.store,
                                                  g_array_index (w->partners, gint64, i),
                                                  &error));
          g_assert_no_error (error);
          g_array_remove_index_fast (w->partners, i);
          add_partner (w);
        }
      break;

    default:   /* referrals and visits in bulk mode, kept or rolled back */
      {
        gboolean keep = g_rand_boolean (w->rand);

        g_assert_true (rp_store_begin_bulk (w->tmp.store, &error));
        g_assert_no_error (error);
        for (guint i = 0; i < 3; i++)
          {
            add_referral (w);
            add_activity (w);
          }
        g_assert_true (rp_store_end_bulk (w->tmp.store, keep, &error));
        g_assert_no_error (error);
        if (!keep)
          {
            g_ptr_array_set_size (w->referrals, w->referrals->len - 3);
            g_array_set_size (w->activities, w->activities->len - 3);
          }
      }
    }
}

static int
compare_rows_by_id (gconstpointer a,
                    gconstpointer b)
{
  const RpFigureRow *x = *(RpFigureRow * const *) a;
  const RpFigureRow *y = *(RpFigureRow * const *) b;

  return x->id < y->id ? -1 : x->id > y->id;
}

/* The figure from analytics_visit (when @filter lets it) and the plain figure are the same. */
static void
assert_same_figure (World                   *w,
                    const RpPeriod          *period,
                    const RpAnalyticsFilter *filter,
                    GTimeZone               *tz,
                    const char              *today_text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpOutreachFigure) fast = NULL;
  g_autoptr(RpOutreachFigure) plain = NULL;
  RpAnalyticsFilter everyone;
  GDate today;

  if (filter != NULL)
    everyone = *filter;
  else
    rp_analytics_filter_init (&everyone);
  everyone.target_list_id = w->everyone;
  g_assert_true (rp_period_parse_day (today_text, &today));

  fast = rp_analytics_outreach (w->tmp.store, period, filter, tz, &today, &error);
  g_assert_no_error (error);
  plain = rp_analytics_outreach (w->tmp.store, period, &everyone, tz, &today, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (fast->visited, ==, plain->visited);
  g_assert_cmpuint (fast->visited_before, ==, plain->visited_before);
  g_assert_cmpuint (fast->visited_after, ==, plain->visited_after);
  g_assert_cmpuint (fast->comparable, ==, plain->comparable);
  g_assert_cmpuint (fast->comparable_before, ==, plain->comparable_before);
  g_assert_cmpuint (fast->comparable_after, ==, plain->comparable_after);
  g_assert_cmpstr (fast->reference_day, ==, plain->reference_day);
  g_assert_cmpuint (fast->rows->len, ==, plain->rows->len);
  g_ptr_array_sort (fast->rows, compare_rows_by_id);
  g_ptr_array_sort (plain->rows, compare_rows_by_id);
  for (guint i = 0; i < fast->rows->len; i++)
    {
      RpFigureRow *x = g_ptr_array_index (fast->rows, i);
      RpFigureRow *y = g_ptr_array_index (plain->rows, i);

      g_assert_cmpint (x->id, ==, y->id);
      g_assert_cmpstr (x->key, ==, y->key);
      g_assert_cmpuint (x->previous, ==, y->previous);
      g_assert_cmpuint (x->n, ==, y->n);
    }
}

static void
assert_same_figures (World *w)
{
  static const char * const periods[][2] = {
    { "2026-11-01", "2026-11-30" },   /* whole months: the comparable partners' spans too */
    { "2026-10-01", "2026-10-31" },
    { "2026-09-14", "2026-10-20" },   /* days */
    { "2026-08-01", "2026-12-31" },   /* longer than the days around a visit reach */
  };
  static const char * const todays[] = { "2026-12-07", "2027-06-01", "2026-10-10" };
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GTimeZone) eastern = g_time_zone_new_identifier ("America/New_York");
  g_autoptr(GTimeZone) kiritimati = g_time_zone_new_identifier ("Pacific/Kiritimati");
  GTimeZone *zones[] = { utc, eastern, kiritimati };
  RpAnalyticsFilter filters[4];

  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    rp_analytics_filter_init (&filters[i]);
  filters[1].any_tier = FALSE;
  filters[1].tier = RP_TIER_B;
  filters[2].direction = RP_REFERRAL_DIRECTION_OUTBOUND;
  filters[3].any_direction = TRUE;

  for (guint p = 0; p < G_N_ELEMENTS (periods); p++)
    {
      RpPeriod period = { .kind = RP_PERIOD_CUSTOM };

      g_assert_true (rp_period_parse_day (periods[p][0], &period.first));
      g_assert_true (rp_period_parse_day (periods[p][1], &period.last));
      for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
        {
          if (zones[z] == NULL)
            continue;
          for (guint t = 0; t < G_N_ELEMENTS (todays); t++)
            assert_same_figure (w, &period, NULL, zones[z], todays[t]);
          for (guint f = 0; f < G_N_ELEMENTS (filters); f++)
            assert_same_figure (w, &period, &filters[f], zones[z], todays[0]);
        }
    }
}

/* A store with @n_partners partners (all on the target list "Everyone"), @n_referrals referrals
 * and @n_activities activities, drawn from @seed. */
static void
world_open (World   *w,
            guint32  seed,
            guint    n_partners,
            guint    n_referrals,
            guint    n_activities)
{
  g_autoptr(GError) error = NULL;

  rp_test_store_open (&w->tmp, "rapport-visits-XXXXXX");
  w->rand = g_rand_new_with_seed (seed);
  w->partners = g_array_new (FALSE, FALSE, sizeof (gint64));
  w->referrals = g_ptr_array_new_with_free_func (g_object_unref);
  w->activities = g_array_new (FALSE, FALSE, sizeof (gint64));
  w->everyone = rp_store_create_target_list (w->tmp.store, "Everyone", NULL, 0, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < n_partners; i++)
    add_partner (w);
  for (guint i = 0; i < n_referrals; i++)
    add_referral (w);
  for (guint i = 0; i < n_activities; i++)
    add_activity (w);
}

static void
world_close (World *w)
{
  g_array_unref (w->activities);
  g_ptr_array_unref (w->referrals);
  g_array_unref (w->partners);
  g_rand_free (w->rand);
  rp_test_store_close (&w->tmp);
}

static void
test_random_writes (void)
{
  World w = { 0 };

  world_open (&w, 20261207, 10, 60, 30);
  assert_visits (w.tmp.path);
  assert_same_figures (&w);

  for (guint round = 0; round < 12; round++)
    {
      for (guint i = 0; i < 25; i++)
        random_write (&w);
      assert_visits (w.tmp.path);
      assert_same_figures (&w);
    }

  world_close (&w);
}

/* A schema 16 database with visits gets analytics_visit filled by the migration. */
static void
test_migrate_from_16 (void)
{
  g_autoptr(GError) error = NULL;
  World w = { 0 };

  world_open (&w, 17, 6, 40, 20);
  g_clear_object (&w.tmp.store);

  /* Schema 16 had neither the table nor its triggers. */
  rp_test_exec_sql (w.tmp.path,
                    "DROP TABLE analytics_visit;"
                    "DROP TRIGGER analytics_visit_ap_ai; DROP TRIGGER analytics_visit_ap_ad;"
                    "DROP TRIGGER analytics_visit_ap_au; DROP TRIGGER analytics_visit_activity_au;"
                    "DROP TRIGGER analytics_visit_activity_ad;"
                    "DROP TRIGGER analytics_visit_partner_au;"
                    "DROP TRIGGER analytics_visit_partner_ad;"
                    "DROP TRIGGER analytics_visit_referral_ai;"
                    "DROP TRIGGER analytics_visit_referral_ad;"
                    "DROP TRIGGER analytics_visit_referral_au;"
                    RP_TEST_UNDO_SCHEMA_18 "PRAGMA user_version = 16;");
  w.tmp.store = rp_store_open (w.tmp.path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_store_get_schema_version (w.tmp.store), ==, RP_STORE_SCHEMA_VERSION);
  /* Filled (some of the 20 activities are visits), and as from scratch. */
  g_assert_cmpint (rp_test_count_difference (w.tmp.path, "SELECT 1 FROM analytics_visit",
                                             "SELECT 1"),
                   ==, 0);
  assert_visits (w.tmp.path);
  assert_same_figures (&w);

  world_close (&w);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/analytics/visits/random-writes", test_random_writes);
  g_test_add_func ("/analytics/visits/migrate-from-16", test_migrate_from_16);

  return g_test_run ();
}
