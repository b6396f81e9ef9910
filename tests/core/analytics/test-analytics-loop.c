/* test-analytics-loop.c: the funnel and the outcomes read from schema 18's tallies
 * (analytics_funnel_tally, analytics_referral_steps, analytics_outcome_month) equal those
 * computed from every referral and its transitions, through random inserts, status moves and
 * transitions (added, changed, deleted), outcomes, edits of a referral's day, direction and
 * partner, a partner's tier, specialty and city, deletes of referrals, partners and outcome
 * categories, bulk writes and an import's undo: the tables against a GROUP BY, the figures over
 * periods of whole months, parts of months and days across months, with each filter, in two
 * time zones.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <sqlite3.h>

#include "rp-analytics-private.h"
#include "rp-store-record-undo.h"
#include "rp-test-core.h"

static const char * const statuses[] = { "received", "contacted", "scheduled", "seen",
                                         "loop-closed", "declined", "no-show", "lost" };

/* The tallies against the same counted from the referrals and transitions (the furthest step
 * written out here, not copied from the migration). */
static void
assert_tables (const char *path)
{
  g_assert_cmpint (rp_test_count_difference (path,
                                     "SELECT referred_on, direction, referral_id, partner_id,"
                                     " contacted_at, scheduled_at, seen_at, closed_at"
                                     " FROM analytics_referral_steps",
                                     "SELECT r.referred_on, r.direction, r.id, r.partner_id,"
                                     " (SELECT min(occurred_at) FROM referral_transition"
                                     "  WHERE referral_id = r.id AND to_status = 'contacted'),"
                                     " (SELECT min(occurred_at) FROM referral_transition"
                                     "  WHERE referral_id = r.id AND to_status = 'scheduled'),"
                                     " (SELECT min(occurred_at) FROM referral_transition"
                                     "  WHERE referral_id = r.id AND to_status = 'seen'),"
                                     " (SELECT min(occurred_at) FROM referral_transition"
                                     "  WHERE referral_id = r.id AND to_status = 'loop-closed')"
                                     " FROM referral r WHERE EXISTS (SELECT 1"
                                     " FROM referral_transition WHERE referral_id = r.id AND"
                                     " to_status IN ('contacted', 'scheduled', 'seen',"
                                     " 'loop-closed'))"),
                   ==, 0);
  g_assert_cmpint (rp_test_count_difference (path,
                                     "SELECT day, direction, tier, specialty_code, status,"
                                     " furthest, n FROM analytics_funnel_tally",
                                     "SELECT referred_on, direction, tier, specialty_code, status,"
                                     " max(rank, steps), count(*) FROM (SELECT r.referred_on,"
                                     " r.direction, p.tier, p.specialty_code, r.status,"
                                     " CASE r.status WHEN 'received' THEN 0"
                                     " WHEN 'contacted' THEN 1 WHEN 'scheduled' THEN 2"
                                     " WHEN 'no-show' THEN 2 WHEN 'seen' THEN 3"
                                     " WHEN 'loop-closed' THEN 4 ELSE 0 END AS rank,"
                                     " coalesce((SELECT max(CASE to_status WHEN 'contacted'"
                                     " THEN 1 WHEN 'scheduled' THEN 2 WHEN 'seen' THEN 3"
                                     " WHEN 'loop-closed' THEN 4 ELSE 0 END)"
                                     " FROM referral_transition WHERE referral_id = r.id), 0)"
                                     " AS steps FROM referral r JOIN partner p"
                                     " ON p.id = r.partner_id) GROUP BY 1, 2, 3, 4, 5, 6"),
                   ==, 0);
  g_assert_cmpint (rp_test_count_difference (path,
                                     "SELECT month, direction, partner_id, category_id, tier,"
                                     " specialty_code, specialty_label, city, n, n_rated,"
                                     " satisfaction FROM analytics_outcome_month",
                                     "SELECT substr(r.referred_on, 1, 7), r.direction,"
                                     " r.partner_id, coalesce(r.outcome_category_id, 0), p.tier,"
                                     " p.specialty_code, p.specialty_label, p.city, count(*),"
                                     " count(r.satisfaction), coalesce(sum(r.satisfaction), 0)"
                                     " FROM referral r JOIN partner p ON p.id = r.partner_id"
                                     " WHERE r.outcome_category_id IS NOT NULL"
                                     " OR r.satisfaction IS NOT NULL GROUP BY 1, 2, 3, 4"),
                   ==, 0);
}

static void
assert_same_double (double a,
                    double b)
{
  if (isnan (a) || isnan (b))
    g_assert_true (isnan (a) && isnan (b));
  else
    g_assert_cmpfloat_with_epsilon (a, b, 1e-9);
}

static void
assert_same_rows (GPtrArray *a,
                  GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      RpFigureRow *x = g_ptr_array_index (a, i);
      RpFigureRow *y = g_ptr_array_index (b, i);

      g_assert_cmpint (x->id, ==, y->id);
      g_assert_cmpstr (x->key, ==, y->key);
      g_assert_cmpstr (x->label, ==, y->label);
      g_assert_cmpstr (x->detail, ==, y->detail);
      g_assert_cmpuint (x->n, ==, y->n);
      g_assert_cmpuint (x->n_rated, ==, y->n_rated);
      assert_same_double (x->mean, y->mean);
    }
}

static void
set_period (RpPeriod   *period,
            const char *first,
            const char *last)
{
  g_date_clear (&period->first, 1);
  g_date_clear (&period->last, 1);
  g_assert_true (rp_period_parse_day (first, &period->first));
  g_assert_true (rp_period_parse_day (last, &period->last));
}

/* The figures from the tallies equal the plain ones for a few periods and filters. */
static void
assert_figures (RpStore    *store,
                GTimeZone **zones,
                guint       n_zones)
{
  static const char * const ranges[][2] = {
    { "2026-10-01", "2026-10-31" },   /* one whole month */
    { "2026-09-01", "2026-12-31" },   /* several */
    { "2026-09-14", "2026-11-30" },   /* a head */
    { "2026-10-01", "2026-12-09" },   /* a tail */
    { "2026-09-20", "2026-12-03" },   /* both */
    { "2026-10-05", "2026-10-25" },   /* inside a month */
    { "2025-01-01", "2026-12-31" },   /* a long one */
  };
  g_autoptr(GPtrArray) lists = NULL;
  g_autoptr(GError) error = NULL;

  for (guint r = 0; r < G_N_ELEMENTS (ranges); r++)
    for (guint f = 0; f < 9; f++)
      {
        RpAnalyticsFilter filter;
        const RpAnalyticsFilter *used = &filter;
        RpPeriod period;

        rp_analytics_filter_init (&filter);
        switch (f)
          {
          case 0:
            used = NULL;
            break;
          case 1:
            break;
          case 2:
            filter.any_direction = FALSE;
            filter.direction = RP_REFERRAL_DIRECTION_OUTBOUND;
            break;
          case 3:
            filter.any_tier = FALSE;
            filter.tier = RP_TIER_A;
            break;
          case 4:
            filter.specialty_code = g_strdup ("207X00000X");
            break;
          case 5:
            filter.city = g_strdup ("springfield");
            break;
          case 6:
            filter.any_tier = FALSE;
            filter.tier = RP_TIER_B;
            filter.any_direction = FALSE;
            filter.direction = RP_REFERRAL_DIRECTION_INBOUND;
            filter.specialty_code = g_strdup ("207R00000X");
            break;
          case 7:
            filter.partner_id = 2;
            break;
          default:
            filter.target_list_id = 1;
            break;
          }
        set_period (&period, ranges[r][0], ranges[r][1]);

        for (guint z = 0; z < n_zones; z++)
          {
            RpFunnelFigure fast, plain;

            g_assert_true (rp_analytics_funnel (store, &period, used, zones[z], &fast, &error));
            g_assert_no_error (error);
            g_assert_true (_rp_analytics_funnel_plain (store, &period, used, zones[z], &plain,
                                                       &error));
            g_assert_no_error (error);
            for (guint s = 0; s < RP_FUNNEL_N_STEPS; s++)
              {
                g_assert_cmpuint (fast.reached[s], ==, plain.reached[s]);
                assert_same_double (fast.conversion[s], plain.conversion[s]);
                assert_same_double (fast.median_days[s], plain.median_days[s]);
              }
            for (guint e = 0; e < RP_FUNNEL_N_ENDINGS; e++)
              g_assert_cmpuint (fast.ended[e], ==, plain.ended[e]);
          }

        {
          g_autoptr(RpOutcomeFigure) fast = rp_analytics_outcomes (store, &period, used, &error);
          g_autoptr(RpOutcomeFigure) plain = NULL;

          g_assert_no_error (error);
          plain = _rp_analytics_outcomes_plain (store, &period, used, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (fast->total, ==, plain->total);
          g_assert_cmpuint (fast->n_rated, ==, plain->n_rated);
          assert_same_double (fast->mean, plain->mean);
          assert_same_rows (fast->by_category, plain->by_category);
          assert_same_rows (fast->by_partner, plain->by_partner);
          assert_same_rows (fast->by_specialty, plain->by_specialty);
        }
        rp_analytics_filter_clear (&filter);
      }
}

/* One of the ids of @table, at random (0 when it has none). */
static gint64
random_id (const char *path,
           const char *table,
           GRand      *rand)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s ORDER BY id", table);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  if (ids->len == 0)
    return 0;
  return g_array_index (ids, gint64, g_rand_int_range (rand, 0, (gint32) ids->len));
}

static char *
random_day (GRand *rand)
{
  return g_strdup_printf ("2026-%02d-%02d", g_rand_int_range (rand, 9, 13),
                          g_rand_int_range (rand, 1, 31));
}

static char *
random_instant (GRand *rand)
{
  /* Around midnight in New York and in UTC too, so that the two zones' days differ. */
  return g_strdup_printf ("2026-%02d-%02dT%02d:%02d:00Z", g_rand_int_range (rand, 9, 13),
                          g_rand_int_range (rand, 1, 31), g_rand_int_range (rand, 0, 24),
                          g_rand_int_range (rand, 0, 60));
}

static RpPartner *
add_partner (RpStore    *store,
             const char *last,
             RpTier      tier,
             const char *specialty,
             const char *city)
{
  RpPartner *partner = rp_test_make_person ("Pat", last, NULL);

  rp_partner_set_tier (partner, tier);
  rp_partner_set_specialty_code (partner, specialty);
  rp_partner_set_specialty_label (partner, specialty);
  rp_partner_set_city (partner, city);
  rp_test_insert_partner (store, partner);
  return partner;
}

static void
add_partners (RpStore *store,
              guint    n)
{
  static const char * const specialties[] = { "207X00000X", "207R00000X", "" };
  static const char * const cities[] = { "Springfield", "Shelbyville", "SPRINGFIELD", "" };

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Partner %u", i);

      g_object_unref (add_partner (store, name, (RpTier) (i % 3),
                                   specialties[i % G_N_ELEMENTS (specialties)],
                                   cities[i % G_N_ELEMENTS (cities)]));
    }
}

static void
insert_referral (RpTestStore *tmp,
                 GRand       *rand)
{
  RpStore *store = tmp->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(RpReferral) referral = rp_referral_new ();
  g_autofree char *day = random_day (rand);
  gint64 partner_id = random_id (tmp->path, "partner", rand);

  if (partner_id == 0)
    return;
  rp_referral_set_partner_id (referral, partner_id);
  rp_referral_set_direction (referral, g_rand_int_range (rand, 0, 4) == 0
                                       ? RP_REFERRAL_DIRECTION_OUTBOUND
                                       : RP_REFERRAL_DIRECTION_INBOUND);
  rp_referral_set_referred_on (referral, day);
  g_assert_true (rp_store_insert_referral (store, referral, &error));
  g_assert_no_error (error);
}

/* One random write of any kind. */
static void
random_write (RpTestStore *tmp,
              GRand       *rand)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpReferral) referral = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *at = NULL;
  g_autofree char *day = NULL;
  gint64 id;

  switch (g_rand_int_range (rand, 0, 14))
    {
    case 0:
    case 1:
    case 2:
      insert_referral (tmp, rand);
      break;

    case 3:
    case 4:
    case 5:
      /* A status move with its transition, at a random time (before another one, even). */
      if ((id = random_id (tmp->path, "referral", rand)) == 0)
        break;
      referral = rp_store_get_referral (tmp->store, id, &error);
      g_assert_no_error (error);
      at = random_instant (rand);
      g_assert_true (rp_store_add_referral_transition (tmp->store, referral,
                                                       (RpReferralStatus) g_rand_int_range (rand,
                                                                                            0, 8),
                                                       at, &error));
      g_assert_no_error (error);
      break;

    case 6:
      /* An outcome, a satisfaction, both or neither. */
      if ((id = random_id (tmp->path, "referral", rand)) == 0)
        break;
      {
        gint64 category = g_rand_boolean (rand) ? random_id (tmp->path, "outcome_category", rand)
                                                : 0;
        int satisfaction = g_rand_int_range (rand, 0, 6);
        g_autofree char *category_text = category != 0
                                         ? g_strdup_printf ("%" G_GINT64_FORMAT, category)
                                         : g_strdup ("NULL");
        g_autofree char *satisfaction_text = satisfaction != 0
                                             ? g_strdup_printf ("%d", satisfaction)
                                             : g_strdup ("NULL");

        sql = g_strdup_printf ("UPDATE referral SET outcome_category_id = %s, satisfaction = %s"
                               " WHERE id = %" G_GINT64_FORMAT, category_text, satisfaction_text,
                               id);
        rp_test_exec_sql (tmp->path, sql);
      }
      break;

    case 7:
      /* A referral's day, direction and partner. */
      if ((id = random_id (tmp->path, "referral", rand)) == 0)
        break;
      referral = rp_store_get_referral (tmp->store, id, &error);
      g_assert_no_error (error);
      day = random_day (rand);
      if (g_rand_boolean (rand))
        rp_referral_set_referred_on (referral, day);
      if (g_rand_boolean (rand))
        rp_referral_set_direction (referral, g_rand_boolean (rand)
                                             ? RP_REFERRAL_DIRECTION_OUTBOUND
                                             : RP_REFERRAL_DIRECTION_INBOUND);
      if (g_rand_boolean (rand))
        rp_referral_set_partner_id (referral, random_id (tmp->path, "partner", rand));
      g_assert_true (rp_store_update_referral (tmp->store, referral, &error));
      g_assert_no_error (error);
      break;

    case 8:
      /* A transition deleted or changed. */
      if ((id = random_id (tmp->path, "referral_transition", rand)) == 0)
        break;
      at = random_instant (rand);
      if (g_rand_boolean (rand))
        sql = g_strdup_printf ("DELETE FROM referral_transition WHERE id = %" G_GINT64_FORMAT,
                               id);
      else
        sql = g_strdup_printf ("UPDATE referral_transition SET occurred_at = '%s',"
                               " to_status = '%s', referral_id = %" G_GINT64_FORMAT
                               " WHERE id = %" G_GINT64_FORMAT, at,
                               statuses[g_rand_int_range (rand, 0, G_N_ELEMENTS (statuses))],
                               MAX (random_id (tmp->path, "referral", rand), 1), id);
      rp_test_exec_sql (tmp->path, sql);
      break;

    case 9:
      /* A status set without a transition. */
      if ((id = random_id (tmp->path, "referral", rand)) == 0)
        break;
      sql = g_strdup_printf ("UPDATE referral SET status = '%s' WHERE id = %" G_GINT64_FORMAT,
                             statuses[g_rand_int_range (rand, 0, G_N_ELEMENTS (statuses))], id);
      rp_test_exec_sql (tmp->path, sql);
      break;

    case 10:
      if ((id = random_id (tmp->path, "referral", rand)) == 0)
        break;
      sql = g_strdup_printf ("DELETE FROM referral WHERE id = %" G_GINT64_FORMAT, id);
      rp_test_exec_sql (tmp->path, sql);
      break;

    case 11:
      /* A partner's tier, specialty or city. */
      if ((id = random_id (tmp->path, "partner", rand)) == 0)
        break;
      {
        g_autoptr(RpPartner) partner = rp_store_get_partner (tmp->store, id, &error);

        g_assert_no_error (error);
        if (g_rand_boolean (rand))
          rp_partner_set_tier (partner, (RpTier) g_rand_int_range (rand, 0, 3));
        if (g_rand_boolean (rand))
          {
            const char *code = g_rand_boolean (rand) ? "207X00000X" : "207R00000X";

            rp_partner_set_specialty_code (partner, code);
            rp_partner_set_specialty_label (partner, g_rand_boolean (rand) ? code : "Other");
          }
        if (g_rand_boolean (rand))
          rp_partner_set_city (partner, g_rand_boolean (rand) ? "Springfield" : "Ogdenville");
        g_assert_true (rp_store_update_partner (tmp->store, partner, &error));
        g_assert_no_error (error);
      }
      break;

    case 12:
      /* Rarely, a partner with all of its referrals, or an outcome category. */
      if (g_rand_int_range (rand, 0, 4) != 0)
        break;
      if (g_rand_boolean (rand))
        {
          if ((id = random_id (tmp->path, "partner", rand)) != 0)
            {
              g_assert_true (rp_store_delete_partner (tmp->store, id, &error));
              g_assert_no_error (error);
            }
          add_partners (tmp->store, 1);
        }
      else if ((id = random_id (tmp->path, "outcome_category", rand)) != 0)
        {
          sql = g_strdup_printf ("DELETE FROM outcome_category WHERE id = %" G_GINT64_FORMAT,
                                 id);
          rp_test_exec_sql (tmp->path, sql);
        }
      break;

    default:
      /* Several at once in bulk mode, kept or rolled back. */
      {
        gboolean keep = g_rand_boolean (rand);

        g_assert_true (rp_store_begin_bulk (tmp->store, &error));
        g_assert_no_error (error);
        for (guint i = 0; i < 5; i++)
          insert_referral (tmp, rand);
        g_assert_true (rp_store_end_bulk (tmp->store, keep, &error));
        g_assert_no_error (error);
      }
      break;
    }
}

static void
test_random_writes (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GTimeZone) new_york = g_time_zone_new_identifier ("America/New_York");
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261207);
  g_autoptr(GError) error = NULL;
  GTimeZone *zones[2] = { utc, new_york };
  RpTestStore tmp;

  g_assert_nonnull (new_york);
  rp_test_store_open (&tmp, "rapport-loop-XXXXXX");
  add_partners (tmp.store, 8);
  /* A target list of a few partners, for its filter (id 1). */
  rp_test_exec_sql (tmp.path, "INSERT INTO target_list (id, uuid, name, created_at, updated_at)"
                      " VALUES (1, 'list-1', 'List', '2026-01-01', '2026-01-01');"
                      "INSERT INTO target_list_member (list_id, partner_id, position)"
                      " SELECT 1, id, id FROM partner WHERE id % 2 = 0;");
  for (guint i = 0; i < 60; i++)
    insert_referral (&tmp, rand);

  for (guint round = 0; round < 12; round++)
    {
      for (guint i = 0; i < 40; i++)
        random_write (&tmp, rand);
      assert_tables (tmp.path);
      assert_figures (tmp.store, zones, G_N_ELEMENTS (zones));
    }

  rp_test_store_close (&tmp);
}

/* More partners with outcomes than a list names (RP_ANALYTICS_NAMED_ROWS), many tied: the
 * partners sorted by counting give the order of the shared sort, named head and all. */
static void
test_many_partners (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (14);
  RpTestStore tmp;

  rp_test_store_open (&tmp, "rapport-loop-XXXXXX");
  add_partners (tmp.store, 3 * RP_ANALYTICS_NAMED_ROWS);
  for (guint i = 0; i < 12 * RP_ANALYTICS_NAMED_ROWS; i++)
    insert_referral (&tmp, rand);
  rp_test_exec_sql (tmp.path, "UPDATE referral SET satisfaction = 1 + id % 5 WHERE id % 3 <> 0;"
                      "UPDATE referral SET outcome_category_id = (SELECT min(id)"
                      " FROM outcome_category) WHERE id % 4 = 0;");
  assert_tables (tmp.path);
  assert_figures (tmp.store, NULL, 0);

  rp_test_store_close (&tmp);
}

/* A referral import undone takes its referrals' steps and outcomes out of the tallies. */
static void
test_import_undo (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  RpTestStore tmp;
  guint removed = 0;

  rp_test_store_open (&tmp, "rapport-loop-XXXXXX");
  add_partners (tmp.store, 4);
  for (guint i = 0; i < 30; i++)
    insert_referral (&tmp, rand);
  rp_test_exec_sql (tmp.path, "INSERT INTO referral_transition (uuid, referral_id, to_status,"
                      " occurred_at) SELECT 't' || id, id, 'seen', referred_on || 'T12:00:00Z'"
                      " FROM referral;"
                      "UPDATE referral SET status = 'seen', satisfaction = 4;");
  assert_tables (tmp.path);

  for (gint64 id = 1; id <= 30; id++)
    g_array_append_val (ids, id);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(RpReferral) referral = rp_store_get_referral (tmp.store,
                                                              g_array_index (ids, gint64, i),
                                                              &error);

      g_assert_no_error (error);
      g_ptr_array_add (uuids, g_strdup (rp_referral_get_uuid (referral)));
    }
  g_assert_true (rp_store_delete_imported (tmp.store, TRUE, (const gint64 *) ids->data,
                                           (const char * const *) uuids->pdata, ids->len / 2,
                                           &removed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (removed, ==, ids->len / 2);
  assert_tables (tmp.path);

  rp_test_store_close (&tmp);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/analytics/loop/random-writes", test_random_writes);
  g_test_add_func ("/analytics/loop/many-partners", test_many_partners);
  g_test_add_func ("/analytics/loop/import-undo", test_import_undo);

  return g_test_run ();
}
