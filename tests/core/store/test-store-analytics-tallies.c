/* test-store-analytics-tallies.c: the analytics' tallies (schema 11) stay equal to a GROUP BY
 * over the referrals through inserts, updates, deletes, a partner's new tier, specialty or city,
 * bulk writes, an import's undo, and the migration from schema 10 of a database with referrals;
 * the feedback tally (schema 14) equal to one over the feedback through inserts, imports,
 * updates, deletes, a partner's deletion, and the migration from schema 13; the spans (schema
 * 16) equal to each partner's months with the month before through the same writes and the
 * migration from schema 15, and the comparable partners counted from them equal to those counted
 * from the referrals; each partner's last month with its months before (schema 19) through the
 * same writes; the city filter's choices read by skipping through partner_by_city.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include <sqlite3.h>

#include "rp-test-core.h"
#include "rp-store-analytics.h"
#include "rp-store-feedback.h"
#include "rp-store-imports.h"

static void
assert_tallies (const char *path)
{
  g_assert_cmpint (rp_test_count_difference (path,
                                     "SELECT day, direction, tier, specialty_code, n"
                                     " FROM analytics_day_tally",
                                     "SELECT r.referred_on, r.direction, p.tier, p.specialty_code,"
                                     " count(*) FROM referral r JOIN partner p"
                                     " ON p.id = r.partner_id GROUP BY 1, 2, 3, 4"),
                   ==, 0);
  g_assert_cmpint (rp_test_count_difference (path,
                                     "SELECT month, direction, partner_id, tier, specialty_code,"
                                     " city, n FROM analytics_partner_month",
                                     "SELECT substr(r.referred_on, 1, 7), r.direction,"
                                     " r.partner_id, p.tier, p.specialty_code, p.city, count(*)"
                                     " FROM referral r JOIN partner p ON p.id = r.partner_id"
                                     " GROUP BY 1, 2, 3"),
                   ==, 0);
  g_assert_cmpint (rp_test_count_difference (path,
                                     "SELECT partner_id, direction, first_on"
                                     " FROM analytics_partner_first",
                                     "SELECT partner_id, direction, min(referred_on)"
                                     " FROM referral GROUP BY 1, 2"),
                   ==, 0);
  g_assert_cmpint (rp_test_count_difference (path,
                                     "SELECT month, score, topic, n"
                                     " FROM analytics_feedback_month",
                                     "SELECT substr(given_on, 1, 7), score, topic, count(*)"
                                     " FROM partner_feedback GROUP BY 1, 2, 3"),
                   ==, 0);
  /* Schema 16: each partner's months with the month before, and their tally. */
  g_assert_cmpint (rp_test_count_difference (path,
                                     "SELECT direction, month, prev_month, partner_id, tier"
                                     " FROM analytics_partner_span",
                                     "SELECT direction, month, lag(month, 1, '') OVER"
                                     " (PARTITION BY partner_id, direction ORDER BY month),"
                                     " partner_id, tier FROM (SELECT r.direction,"
                                     " substr(r.referred_on, 1, 7) AS month, r.partner_id,"
                                     " p.tier FROM referral r JOIN partner p"
                                     " ON p.id = r.partner_id GROUP BY 1, 2, 3)"),
                   ==, 0);
  g_assert_cmpint (rp_test_count_difference (path,
                                     "SELECT direction, month, prev_month, tier, n"
                                     " FROM analytics_span_tally",
                                     "SELECT direction, month, prev_month, tier, count(*)"
                                     " FROM analytics_partner_span GROUP BY 1, 2, 3, 4"),
                   ==, 0);
  /* Schema 19: each partner's last month in each direction and in either, with its months up to
   * 11 before it. */
#define PARTNER_MONTHS "(SELECT substr(r.referred_on, 1, 7) AS month, r.direction AS direction," \
  " r.partner_id AS partner_id, p.tier AS tier, count(*) AS n FROM referral r JOIN partner p" \
  " ON p.id = r.partner_id GROUP BY 1, 2, 3)"
#define PARTNER_LAST "(SELECT direction, max(month) AS month, partner_id, max(tier) AS tier" \
  " FROM " PARTNER_MONTHS " GROUP BY partner_id, direction UNION ALL SELECT '', max(month)," \
  " partner_id, max(tier) FROM " PARTNER_MONTHS " GROUP BY partner_id)"
  g_assert_cmpint (rp_test_count_difference (path,
                                     "SELECT direction, month, partner_id, tier"
                                     " FROM analytics_partner_last",
                                     "SELECT * FROM " PARTNER_LAST),
                   ==, 0);
  g_assert_cmpint (rp_test_count_difference (path,
                                     "SELECT l.direction, l.partner_id, substr(j.value, 1, 7),"
                                     " sum(CAST(substr(j.value, 9) AS INTEGER))"
                                     " FROM analytics_partner_last l, json_each('[\"' ||"
                                     " replace(l.months, ',', '\",\"') || '\"]') j"
                                     " GROUP BY 1, 2, 3",
                                     "SELECT k.direction, k.partner_id, m.month, sum(m.n)"
                                     " FROM " PARTNER_LAST " k JOIN " PARTNER_MONTHS " m"
                                     " ON m.partner_id = k.partner_id AND (k.direction = ''"
                                     " OR m.direction = k.direction) AND m.month"
                                     " BETWEEN strftime('%Y-%m', k.month || '-01', '-11 months')"
                                     " AND k.month GROUP BY 1, 2, 3"),
                   ==, 0);
#undef PARTNER_MONTHS
#undef PARTNER_LAST
}

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static RpPartner *
add_partner (RpStore    *store,
             const char *last,
             RpTier      tier,
             const char *specialty,
             const char *city)
{
  g_autoptr(GError) error = NULL;
  RpPartner *partner = rp_test_make_person ("Pat", last, NULL);

  rp_partner_set_tier (partner, tier);
  rp_partner_set_specialty_code (partner, specialty);
  rp_partner_set_specialty_label (partner, specialty);
  rp_partner_set_city (partner, city);
  rp_test_insert_partner (store, partner);
  return partner;
}

static RpReferral *
add_referral (RpStore             *store,
              RpPartner           *partner,
              RpReferralDirection  direction,
              const char          *day)
{
  g_autoptr(GError) error = NULL;
  RpReferral *referral = rp_referral_new ();

  rp_referral_set_partner_id (referral, rp_partner_get_id (partner));
  rp_referral_set_direction (referral, direction);
  rp_referral_set_referred_on (referral, day);
  g_assert_true (rp_store_insert_referral (store, referral, &error));
  g_assert_no_error (error);
  return referral;
}

static void
test_writes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpPartner) adams = NULL;
  g_autoptr(RpPartner) baker = NULL;
  g_autoptr(RpPartner) cole = NULL;
  g_autoptr(RpReferral) moved = NULL;
  RpTestStore tmp;

  rp_test_store_open (&tmp, "rapport-tallies-XXXXXX");
  adams = add_partner (tmp.store, "Adams", RP_TIER_A, "207X00000X", "Springfield");
  baker = add_partner (tmp.store, "Baker", RP_TIER_B, "207R00000X", "Shelbyville");
  cole = add_partner (tmp.store, "Cole", RP_TIER_C, "207X00000X", "Springfield");
  assert_tallies (tmp.path);

  /* Inserts: the same day twice, both directions, several months. */
  g_clear_object (&moved);
  for (guint i = 0; i < 3; i++)
    g_object_unref (add_referral (tmp.store, adams, RP_REFERRAL_DIRECTION_INBOUND,
                                  "2026-10-05"));
  g_object_unref (add_referral (tmp.store, adams, RP_REFERRAL_DIRECTION_OUTBOUND, "2026-10-05"));
  g_object_unref (add_referral (tmp.store, baker, RP_REFERRAL_DIRECTION_INBOUND, "2026-09-30"));
  g_object_unref (add_referral (tmp.store, cole, RP_REFERRAL_DIRECTION_INBOUND, "2026-11-01"));
  moved = add_referral (tmp.store, baker, RP_REFERRAL_DIRECTION_INBOUND, "2026-08-15");
  assert_tallies (tmp.path);

  /* Updates: another day (the partner's first referral), direction and partner. */
  rp_referral_set_referred_on (moved, "2026-11-20");
  g_assert_true (rp_store_update_referral (tmp.store, moved, &error));
  g_assert_no_error (error);
  assert_tallies (tmp.path);
  rp_referral_set_direction (moved, RP_REFERRAL_DIRECTION_OUTBOUND);
  rp_referral_set_partner_id (moved, rp_partner_get_id (cole));
  g_assert_true (rp_store_update_referral (tmp.store, moved, &error));
  g_assert_no_error (error);
  assert_tallies (tmp.path);

  /* A status move changes no tally. */
  g_assert_true (rp_store_move_referral (tmp.store, moved, RP_REFERRAL_STATUS_CONTACTED, NULL,
                                         "2026-11-21T10:00:00Z", &error));
  g_assert_no_error (error);
  assert_tallies (tmp.path);

  /* The partner's tier, specialty and city move their referrals. */
  rp_partner_set_tier (adams, RP_TIER_C);
  g_assert_true (rp_store_update_partner (tmp.store, adams, &error));
  g_assert_no_error (error);
  assert_tallies (tmp.path);
  rp_partner_set_specialty_code (adams, "207R00000X");
  rp_partner_set_city (adams, "Capital City");
  g_assert_true (rp_store_update_partner (tmp.store, adams, &error));
  g_assert_no_error (error);
  assert_tallies (tmp.path);

  /* Deletes: one referral, then a partner with all of theirs. */
  exec_sql (tmp.path, "DELETE FROM referral WHERE id = (SELECT min(id) FROM referral)");
  assert_tallies (tmp.path);
  g_assert_true (rp_store_delete_partner (tmp.store, rp_partner_get_id (adams), &error));
  g_assert_no_error (error);
  assert_tallies (tmp.path);
  exec_sql (tmp.path, "DELETE FROM partner WHERE id = (SELECT min(id) FROM partner)");
  assert_tallies (tmp.path);

  rp_test_store_close (&tmp);
}

static void
test_bulk_and_undo (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpPartner) adams = NULL;
  g_autoptr(RpPartner) imported = NULL;
  RpStoreImportWrite *write;
  RpTestStore tmp;
  gint64 batch = 0;
  guint removed = 0, restored = 0;

  rp_test_store_open (&tmp, "rapport-tallies-XXXXXX");
  adams = add_partner (tmp.store, "Adams", RP_TIER_A, "207X00000X", "Springfield");

  /* Bulk mode: committed, then rolled back. */
  g_assert_true (rp_store_begin_bulk (tmp.store, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *day = g_strdup_printf ("2026-%02u-%02u", 1 + i % 12, 1 + i % 28);

      g_object_unref (add_referral (tmp.store, adams, i % 3 == 0
                                    ? RP_REFERRAL_DIRECTION_OUTBOUND
                                    : RP_REFERRAL_DIRECTION_INBOUND, day));
    }
  g_assert_true (rp_store_end_bulk (tmp.store, TRUE, &error));
  g_assert_no_error (error);
  assert_tallies (tmp.path);

  g_assert_true (rp_store_begin_bulk (tmp.store, &error));
  g_object_unref (add_referral (tmp.store, adams, RP_REFERRAL_DIRECTION_INBOUND, "2025-01-01"));
  g_assert_true (rp_store_end_bulk (tmp.store, FALSE, &error));
  g_assert_no_error (error);
  assert_tallies (tmp.path);

  /* An import adds a partner who then gets referrals; undoing it removes them all. */
  write = rp_store_begin_import_write (tmp.store, &error);
  g_assert_no_error (error);
  g_assert_true (rp_store_add_import_batch (tmp.store, "offices.csv", "partners", &batch,
                                            &error));
  g_assert_no_error (error);
  imported = add_partner (tmp.store, "Imported", RP_TIER_B, "207R00000X", "Shelbyville");
  g_assert_true (rp_store_add_partner_origin (tmp.store, batch, rp_partner_get_id (imported), 2,
                                              NULL, &error));
  g_assert_no_error (error);
  g_assert_true (rp_store_end_import_write (tmp.store, write, TRUE, &error));
  g_assert_no_error (error);
  g_object_unref (add_referral (tmp.store, imported, RP_REFERRAL_DIRECTION_INBOUND,
                                "2026-06-01"));
  g_object_unref (add_referral (tmp.store, imported, RP_REFERRAL_DIRECTION_INBOUND,
                                "2026-06-02"));
  assert_tallies (tmp.path);

  g_assert_true (rp_store_undo_import (tmp.store, batch, &removed, &restored, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (removed, ==, 1);
  assert_tallies (tmp.path);

  rp_test_store_close (&tmp);
}

/* A schema 10 database with referrals gets its tallies filled by the migration. */
static void
test_migrate_from_10 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = NULL;
  RpTestStore tmp;

  rp_test_store_open (&tmp, "rapport-tallies-XXXXXX");
  {
    g_autoptr(RpPartner) adams = add_partner (tmp.store, "Adams", RP_TIER_A, "207X00000X",
                                              "Springfield");
    g_autoptr(RpPartner) baker = add_partner (tmp.store, "Baker", RP_TIER_C, "", "");

    g_object_unref (add_referral (tmp.store, adams, RP_REFERRAL_DIRECTION_INBOUND, "2026-01-05"));
    g_object_unref (add_referral (tmp.store, adams, RP_REFERRAL_DIRECTION_INBOUND, "2026-01-05"));
    g_object_unref (add_referral (tmp.store, baker, RP_REFERRAL_DIRECTION_OUTBOUND,
                                  "2026-02-28"));
  }
  g_clear_object (&tmp.store);

  /* Back to what schema 10 was, with the referrals in it. */
  exec_sql (tmp.path,
            "DROP TRIGGER analytics_referral_ai;"
            "DROP TRIGGER analytics_referral_ad;"
            "DROP TRIGGER analytics_referral_au;"
            "DROP TRIGGER analytics_partner_bd;"
            "DROP TRIGGER analytics_partner_au;"
            "DROP TABLE analytics_day_tally;"
            "DROP TABLE analytics_partner_month;"
            "DROP TABLE analytics_partner_first;"
            "DROP INDEX referral_analytics_steps;"
            "DROP INDEX referral_transition_steps;"
            "DROP INDEX referral_analytics_outcomes;"
            "DROP INDEX referral_partner_days;"
            "DROP INDEX partner_analytics_names;"
            RP_TEST_UNDO_SCHEMA_12
            "PRAGMA user_version = 10;");

  store = rp_store_open (tmp.path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_store_get_schema_version (store), ==, RP_STORE_SCHEMA_VERSION);
  g_clear_object (&store);
  assert_tallies (tmp.path);
  g_assert_cmpint (rp_test_count_difference (tmp.path, "SELECT sum(n) FROM analytics_day_tally",
                                     "SELECT 3"), ==, 0);

  rp_test_store_close (&tmp);
}

static gint64
add_feedback (RpStore         *store,
              RpPartner       *partner,
              const char      *day,
              guint            score,
              RpFeedbackTopic  topic,
              gboolean         imported)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpFeedback) feedback = rp_feedback_new ();

  rp_feedback_set_partner_id (feedback, rp_partner_get_id (partner));
  rp_feedback_set_given_on (feedback, day);
  rp_feedback_set_score (feedback, score);
  rp_feedback_set_topic (feedback, topic);
  if (imported)
    g_assert_true (rp_store_import_feedback (store, feedback, &error));
  else
    g_assert_true (rp_store_insert_feedback (store, feedback, &error));
  g_assert_no_error (error);
  return rp_feedback_get_id (feedback);
}

static void
test_feedback (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpPartner) adams = NULL;
  g_autoptr(RpPartner) baker = NULL;
  gint64 low;
  RpTestStore tmp;

  rp_test_store_open (&tmp, "rapport-tallies-XXXXXX");
  adams = add_partner (tmp.store, "Adams", RP_TIER_A, "207X00000X", "Springfield");
  baker = add_partner (tmp.store, "Baker", RP_TIER_B, "207R00000X", "Shelbyville");

  /* Inserts (a low score makes a task too) and imports: the same month, score and topic twice. */
  low = add_feedback (tmp.store, adams, "2026-10-05", 4, RP_FEEDBACK_TOPIC_ACCESS, FALSE);
  add_feedback (tmp.store, adams, "2026-10-20", 9, RP_FEEDBACK_TOPIC_STAFF, FALSE);
  add_feedback (tmp.store, baker, "2026-10-31", 9, RP_FEEDBACK_TOPIC_STAFF, TRUE);
  add_feedback (tmp.store, baker, "2026-11-01", 10, RP_FEEDBACK_TOPIC_REPORTS, TRUE);
  assert_tallies (tmp.path);

  /* Updates of the day (another month), the score and the topic; one that changes nothing. */
  exec_sql (tmp.path, "UPDATE partner_feedback SET given_on = '2026-09-30'"
                      " WHERE given_on = '2026-10-20'");
  assert_tallies (tmp.path);
  exec_sql (tmp.path, "UPDATE partner_feedback SET score = 6, topic = 'scheduling'"
                      " WHERE given_on = '2026-11-01'");
  assert_tallies (tmp.path);
  exec_sql (tmp.path, "UPDATE partner_feedback SET comment = 'Thanks'");
  assert_tallies (tmp.path);

  /* Deletes: one score, then a partner with all of theirs. */
  g_assert_true (rp_store_delete_feedback (tmp.store, low, &error));
  g_assert_no_error (error);
  assert_tallies (tmp.path);
  g_assert_true (rp_store_delete_partner (tmp.store, rp_partner_get_id (baker), &error));
  g_assert_no_error (error);
  assert_tallies (tmp.path);
  g_assert_true (rp_store_delete_partner (tmp.store, rp_partner_get_id (adams), &error));
  g_assert_no_error (error);
  assert_tallies (tmp.path);
  g_assert_cmpint (rp_test_count_difference (tmp.path, "SELECT count(*) FROM analytics_feedback_month",
                                     "SELECT 0"), ==, 0);

  rp_test_store_close (&tmp);
}

/* A schema 13 database with feedback gets its tally filled by the migration. */
static void
test_migrate_from_13 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = NULL;
  RpTestStore tmp;

  rp_test_store_open (&tmp, "rapport-tallies-XXXXXX");
  {
    g_autoptr(RpPartner) adams = add_partner (tmp.store, "Adams", RP_TIER_A, "207X00000X",
                                              "Springfield");

    add_feedback (tmp.store, adams, "2026-01-05", 9, RP_FEEDBACK_TOPIC_STAFF, TRUE);
    add_feedback (tmp.store, adams, "2026-01-25", 9, RP_FEEDBACK_TOPIC_STAFF, TRUE);
    add_feedback (tmp.store, adams, "2026-02-28", 3, RP_FEEDBACK_TOPIC_OTHER, TRUE);
  }
  g_clear_object (&tmp.store);

  /* Back to what schema 13 was, with the feedback in it. */
  exec_sql (tmp.path,
            "DROP TRIGGER analytics_feedback_ai;"
            "DROP TRIGGER analytics_feedback_ad;"
            "DROP TRIGGER analytics_feedback_au;"
            "DROP TABLE analytics_feedback_month;"
            "DROP INDEX partner_feedback_analytics;"
            "DROP INDEX activity_analytics_visits;"
            "PRAGMA user_version = 13;");

  store = rp_store_open (tmp.path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_store_get_schema_version (store), ==, RP_STORE_SCHEMA_VERSION);
  g_clear_object (&store);
  assert_tallies (tmp.path);
  g_assert_cmpint (rp_test_count_difference (tmp.path, "SELECT month, score, topic, n"
                                     " FROM analytics_feedback_month",
                                     "VALUES ('2026-01', 9, 'staff', 2),"
                                     " ('2026-02', 3, 'other', 1)"), ==, 0);

  rp_test_store_close (&tmp);
}

/* Counts per partner over ranges of days (whole months from the tally, the ends from the
 * referrals, a nearly whole month as the month less its missing days) equal a plain count. */
static void
test_count_ranges (void)
{
  g_autoptr(RpPartner) adams = NULL;
  g_autoptr(RpPartner) baker = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (14);
  RpTestStore tmp;
  sqlite3 *db;

  rp_test_store_open (&tmp, "rapport-tallies-XXXXXX");
  adams = add_partner (tmp.store, "Adams", RP_TIER_A, "207X00000X", "Springfield");
  baker = add_partner (tmp.store, "Baker", RP_TIER_B, "207R00000X", "Shelbyville");
  for (guint i = 0; i < 300; i++)
    {
      GDate day;
      char text[11];

      g_date_clear (&day, 1);
      g_date_set_dmy (&day, 1, G_DATE_NOVEMBER, 2025);
      g_date_add_days (&day, (guint) g_rand_int_range (rand, 0, 160));
      g_date_strftime (text, sizeof text, "%Y-%m-%d", &day);
      g_object_unref (add_referral (tmp.store, i % 3 == 0 ? baker : adams,
                                    i % 7 == 0 ? RP_REFERRAL_DIRECTION_OUTBOUND
                                               : RP_REFERRAL_DIRECTION_INBOUND, text));
    }

  g_assert_cmpint (sqlite3_open_v2 (tmp.path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < 400; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) counts = NULL;
      GDate first, last;
      char from[11], to[11];
      sqlite3_stmt *stmt;
      guint found = 0;

      g_date_clear (&first, 1);
      g_date_set_dmy (&first, 1, G_DATE_OCTOBER, 2025);
      g_date_add_days (&first, (guint) g_rand_int_range (rand, 0, 190));
      last = first;
      g_date_add_days (&last, (guint) g_rand_int_range (rand, 0, 120));
      g_date_strftime (from, sizeof from, "%Y-%m-%d", &first);
      g_date_strftime (to, sizeof to, "%Y-%m-%d", &last);

      counts = rp_store_analytics_count_by_partner (tmp.store, NULL, from, to, &error);
      g_assert_no_error (error);

      g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT partner_id, count(*) FROM referral"
                                               " WHERE direction = 'inbound'"
                                               " AND referred_on BETWEEN ?1 AND ?2"
                                               " GROUP BY partner_id ORDER BY partner_id",
                                           -1, &stmt, NULL), ==, SQLITE_OK);
      sqlite3_bind_text (stmt, 1, from, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, to, -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          RpPartnerCount *count;

          g_assert_cmpuint (found, <, counts->len);
          count = &g_array_index (counts, RpPartnerCount, found);
          g_assert_cmpint (count->partner_id, ==, sqlite3_column_int64 (stmt, 0));
          g_assert_cmpuint (count->n, ==, (guint) sqlite3_column_int (stmt, 1));
          found++;
        }
      sqlite3_finalize (stmt);
      g_assert_cmpuint (found, ==, counts->len);
    }
  sqlite3_close (db);

  rp_test_store_close (&tmp);
}

/* The filters' specialties (read by skipping from code to code in the index) are those of the
 * current partners, each with its label, by label. */
static void
test_filter_specialties (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) specialties = NULL;
  g_autoptr(GPtrArray) cities = NULL;
  g_autoptr(GPtrArray) lists = NULL;
  g_autoptr(RpPartner) archived = NULL;
  RpTestStore tmp;

  rp_test_store_open (&tmp, "rapport-tallies-XXXXXX");
  g_object_unref (add_partner (tmp.store, "Adams", RP_TIER_A, "207X00000X", "Springfield"));
  g_object_unref (add_partner (tmp.store, "Baker", RP_TIER_B, "207R00000X", "Shelbyville"));
  g_object_unref (add_partner (tmp.store, "Cole", RP_TIER_C, "207X00000X", "springfield"));
  g_object_unref (add_partner (tmp.store, "Dunn", RP_TIER_C, "", ""));
  archived = add_partner (tmp.store, "Evans", RP_TIER_C, "208D00000X", "Ogdenville");
  g_assert_true (rp_store_set_partner_archived (tmp.store, rp_partner_get_id (archived), TRUE,
                                               &error));
  g_assert_no_error (error);

  g_assert_true (rp_store_analytics_filter_options (tmp.store, &specialties, &cities, &lists,
                                                    &error));
  g_assert_no_error (error);
  g_assert_cmpuint (specialties->len, ==, 2);
  g_assert_cmpstr (((RpAnalyticsOption *) g_ptr_array_index (specialties, 0))->key, ==,
                   "207R00000X");
  g_assert_cmpstr (((RpAnalyticsOption *) g_ptr_array_index (specialties, 1))->key, ==,
                   "207X00000X");
  g_assert_cmpuint (cities->len, ==, 2);

  rp_test_store_close (&tmp);
}

/* A schema 15 database with referrals gets its spans filled by the migration. */
static void
test_migrate_from_15 (void)
{
  static const struct
  {
    guint partner;
    RpReferralDirection direction;
    const char *day;
  } referrals[] = {
    { 0, RP_REFERRAL_DIRECTION_INBOUND, "2025-11-05" },
    { 0, RP_REFERRAL_DIRECTION_INBOUND, "2026-01-05" },
    { 0, RP_REFERRAL_DIRECTION_INBOUND, "2026-01-06" },
    { 0, RP_REFERRAL_DIRECTION_OUTBOUND, "2026-03-01" },
    { 1, RP_REFERRAL_DIRECTION_INBOUND, "2026-02-28" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpPartner) adams = NULL;
  g_autoptr(RpPartner) baker = NULL;
  RpTestStore tmp;

  rp_test_store_open (&tmp, "rapport-tallies-XXXXXX");
  adams = add_partner (tmp.store, "Adams", RP_TIER_A, "207X00000X", "Springfield");
  baker = add_partner (tmp.store, "Baker", RP_TIER_C, "", "");
  for (guint i = 0; i < G_N_ELEMENTS (referrals); i++)
    g_object_unref (add_referral (tmp.store, referrals[i].partner == 0 ? adams : baker,
                                  referrals[i].direction, referrals[i].day));
  g_clear_object (&tmp.store);

  /* Back to what schema 15 was, with the referrals in it; opened again, migrated. */
  exec_sql (tmp.path,
            "DROP TRIGGER analytics_partner_month_ai;"
            "DROP TRIGGER analytics_partner_month_ad;"
            "DROP TRIGGER analytics_partner_month_au;"
            "DROP TABLE analytics_partner_span;"
            "DROP TABLE analytics_span_tally;"
            "DROP INDEX activity_analytics_costs;"
            "PRAGMA user_version = 15;");
  store = rp_store_open (tmp.path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_store_get_schema_version (store), ==, RP_STORE_SCHEMA_VERSION);
  g_clear_object (&store);

  assert_tallies (tmp.path);
  g_assert_cmpint (rp_test_count_difference (tmp.path,
                                     "SELECT direction, month, prev_month, tier, n"
                                     " FROM analytics_span_tally",
                                     "VALUES ('inbound', '2025-11', '', 'a', 1),"
                                     " ('inbound', '2026-01', '2025-11', 'a', 1),"
                                     " ('outbound', '2026-03', '', 'a', 1),"
                                     " ('inbound', '2026-02', '', 'c', 1)"), ==, 0);
  g_assert_cmpint (rp_test_count_difference (tmp.path,
                                     "SELECT name FROM sqlite_master WHERE type = 'index'"
                                     " AND name = 'activity_analytics_costs'",
                                     "VALUES ('activity_analytics_costs')"), ==, 0);

  /* The comparable partners of February 2026 from the migrated spans: Adams (referred in
   * November), not Baker (first in February), with Adams' referrals around 1 February. */
  {
    g_autoptr(GHashTable) tiers = g_hash_table_new (g_str_hash, g_str_equal);
    g_autoptr(GHashTable) excluded = g_hash_table_new (g_int64_hash, g_int64_equal);
    RpComparable comparable;

    store = rp_store_open (tmp.path, &error);
    g_assert_no_error (error);
    g_hash_table_add (tiers, (gpointer) "a");
    g_hash_table_add (tiers, (gpointer) "c");
    g_assert_true (rp_store_analytics_comparable (store, NULL, "2025-02-01", "2026-01-31", tiers,
                                                  excluded, NULL, NULL, "2026-01-02", "2026-01-31",
                                                  "2026-02-02", "2026-03-03", &comparable,
                                                  &error));
    g_assert_no_error (error);
    g_assert_cmpuint (comparable.partners, ==, 1);
    g_assert_cmpuint (comparable.before, ==, 2);
    g_assert_cmpuint (comparable.after, ==, 0);
    g_clear_object (&store);
  }

  rp_test_store_close (&tmp);
}

/* A schema 18 database with referrals gets each partner's last month filled by the
 * migration. */
static void
test_migrate_from_18 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpPartner) adams = NULL;
  g_autoptr(RpPartner) baker = NULL;
  RpTestStore tmp;

  rp_test_store_open (&tmp, "rapport-tallies-XXXXXX");
  adams = add_partner (tmp.store, "Adams", RP_TIER_A, "207X00000X", "Springfield");
  baker = add_partner (tmp.store, "Baker", RP_TIER_C, "", "");
  g_object_unref (add_referral (tmp.store, adams, RP_REFERRAL_DIRECTION_INBOUND, "2025-01-05"));
  g_object_unref (add_referral (tmp.store, adams, RP_REFERRAL_DIRECTION_INBOUND, "2025-11-05"));
  g_object_unref (add_referral (tmp.store, adams, RP_REFERRAL_DIRECTION_INBOUND, "2026-01-05"));
  g_object_unref (add_referral (tmp.store, adams, RP_REFERRAL_DIRECTION_INBOUND, "2026-01-06"));
  g_object_unref (add_referral (tmp.store, adams, RP_REFERRAL_DIRECTION_OUTBOUND, "2026-03-01"));
  g_object_unref (add_referral (tmp.store, baker, RP_REFERRAL_DIRECTION_INBOUND, "2026-02-28"));
  g_clear_object (&tmp.store);

  exec_sql (tmp.path,
            "DROP TRIGGER analytics_partner_last_ai;"
            "DROP TRIGGER analytics_partner_last_ad;"
            "DROP TRIGGER analytics_partner_last_au;"
            "DROP TRIGGER analytics_partner_last_tier;"
            "DROP TABLE analytics_partner_last;"
            "PRAGMA user_version = 18;");
  store = rp_store_open (tmp.path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_store_get_schema_version (store), ==, RP_STORE_SCHEMA_VERSION);
  g_clear_object (&store);

  assert_tallies (tmp.path);
  /* January 2025 is more than 11 months before Adams' last inbound month. */
  g_assert_cmpint (rp_test_count_difference (tmp.path,
                                     "SELECT direction, month, tier FROM analytics_partner_last",
                                     "VALUES ('inbound', '2026-01', 'a'),"
                                     " ('outbound', '2026-03', 'a'), ('', '2026-03', 'a'),"
                                     " ('inbound', '2026-02', 'c'), ('', '2026-02', 'c')"), ==, 0);
  g_assert_cmpint (rp_test_count_difference (tmp.path,
                                     "SELECT months FROM analytics_partner_last"
                                     " WHERE direction = 'inbound' AND tier = 'a'",
                                     "VALUES ('2025-11:1,2026-01:2')"), ==, 0);

  rp_test_store_close (&tmp);
}

static void
format_day (char        *text,
            const GDate *day)
{
  g_date_strftime (text, 11, "%Y-%m-%d", day);
}

/* The julian days of @partner_id's referrals in @direction from @first to @last. */
static GArray *
read_days (const char *path,
           gint64      partner_id,
           const char *direction,
           const char *first,
           const char *last)
{
  GArray *days = g_array_new (FALSE, FALSE, sizeof (guint32));
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT referred_on FROM referral"
                                           " WHERE partner_id = ?1 AND direction = ?2"
                                           " AND referred_on BETWEEN ?3 AND ?4",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, partner_id);
  sqlite3_bind_text (stmt, 2, direction, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, first, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, last, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 0);
      GDate day;
      guint32 julian;

      g_date_clear (&day, 1);
      g_date_set_dmy (&day, (GDateDay) atoi (text + 8), (GDateMonth) atoi (text + 5),
                      (GDateYear) atoi (text));
      julian = g_date_get_julian (&day);
      g_array_append_val (days, julian);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return days;
}

/* The comparable partners of a period starting on the 1st (counted from the spans without a
 * filter, or with a tier's) equal those counted from the referrals (with a filter on the city
 * every partner has), over random networks with gaps of months, returning and new partners,
 * both directions, other tiers and excluded partners, with or without the excluded partners'
 * days read already. */
static void
test_comparable_spans (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (16);
  g_autoptr(GPtrArray) partners = g_ptr_array_new_with_free_func (g_object_unref);
  guint with_partners = 0, with_before = 0, with_after = 0;
  RpTestStore tmp;

  rp_test_store_open (&tmp, "rapport-tallies-XXXXXX");
  for (guint i = 0; i < 24; i++)
    {
      g_autofree char *name = g_strdup_printf ("Partner%u", i);

      g_ptr_array_add (partners, add_partner (tmp.store, name, (RpTier) (i % 3), "207X00000X",
                                              "Springfield"));
    }
  for (guint i = 0; i < 400; i++)
    {
      /* Partners 0-5 refer only in 2025, 6-11 only from mid 2026: gaps of a year. */
      guint which = (guint) g_rand_int_range (rand, 0, 24);
      GDate day;
      char text[11];

      g_date_clear (&day, 1);
      g_date_set_dmy (&day, 1, G_DATE_JANUARY, 2025);
      if (which < 6)
        g_date_add_days (&day, (guint) g_rand_int_range (rand, 0, 365));
      else if (which < 12)
        g_date_add_days (&day, (guint) g_rand_int_range (rand, 540, 700));
      else
        g_date_add_days (&day, (guint) g_rand_int_range (rand, 0, 700));
      format_day (text, &day);
      g_object_unref (add_referral (tmp.store, g_ptr_array_index (partners, which),
                                    i % 5 == 0 ? RP_REFERRAL_DIRECTION_OUTBOUND
                                               : RP_REFERRAL_DIRECTION_INBOUND, text));
    }
  /* A tier changed after the referrals, some referrals deleted. */
  {
    g_autoptr(GError) error = NULL;
    RpPartner *moved = g_ptr_array_index (partners, 13);

    rp_partner_set_tier (moved, RP_TIER_A);
    g_assert_true (rp_store_update_partner (tmp.store, moved, &error));
    g_assert_no_error (error);
  }
  exec_sql (tmp.path, "DELETE FROM referral WHERE id % 9 = 0");
  assert_tallies (tmp.path);

  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GHashTable) tiers = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GHashTable) excluded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                             NULL);
      g_autoptr(GHashTable) excluded_days = NULL;
      RpAnalyticsFilter fast, slow;
      RpComparable from_spans, from_referrals;
      GDate first, last, year_first, year_last, reference, edge;
      char active_first[11], active_last[11], before_first[11], before_last[11];
      char after_first[11], after_last[11];
      guint span = (guint) g_rand_int_range (rand, 0, 61);

      /* A period from the 1st of a month of 2025-2026, its year before, windows around a day in
       * it. */
      g_date_clear (&first, 1);
      g_date_set_dmy (&first, 1, (GDateMonth) g_rand_int_range (rand, 1, 13),
                      (GDateYear) g_rand_int_range (rand, 2025, 2027));
      last = first;
      g_date_add_months (&last, (guint) g_rand_int_range (rand, 1, 4));
      g_date_subtract_days (&last, 1);
      year_first = first;
      g_date_subtract_years (&year_first, 1);
      year_last = first;
      g_date_subtract_days (&year_last, 1);
      reference = first;
      g_date_add_days (&reference, (guint) g_rand_int_range (rand, 0, 28));
      format_day (active_first, &year_first);
      format_day (active_last, &year_last);
      edge = reference;
      g_date_subtract_days (&edge, span);
      format_day (before_first, &edge);
      edge = reference;
      g_date_subtract_days (&edge, 1);
      format_day (before_last, &edge);
      edge = reference;
      g_date_add_days (&edge, 1);
      format_day (after_first, &edge);
      edge = reference;
      g_date_add_days (&edge, span);
      format_day (after_last, &edge);

      for (guint t = 0; t < 3; t++)
        if (i % 4 == 0 || g_rand_boolean (rand))
          g_hash_table_add (tiers, (gpointer) rp_enum_to_nick (RP_TYPE_TIER, (int) t));
      for (guint p = 0; p < partners->len; p++)
        if (g_rand_int_range (rand, 0, 4) == 0)
          {
            gint64 id = rp_partner_get_id (g_ptr_array_index (partners, p));

            g_hash_table_add (excluded, g_memdup2 (&id, sizeof id));
          }

      rp_analytics_filter_init (&fast);
      if (i % 3 == 1)
        fast.direction = RP_REFERRAL_DIRECTION_OUTBOUND;
      if (i % 5 == 2)
        {
          fast.any_tier = FALSE;
          fast.tier = RP_TIER_B;
        }
      slow = fast;
      slow.city = (char *) "Springfield";

      /* No filter at all: inbound, any tier. */
      /* Half the time, the excluded partners' days read already (a few more than needed). */
      if (i % 2 == 0 && span > 0)
        {
          char wide_first[11], wide_last[11];
          GHashTableIter iter;
          gpointer key;

          excluded_days = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                 (GDestroyNotify) g_array_unref);
          edge = reference;
          g_date_subtract_days (&edge, span + 10);
          format_day (wide_first, &edge);
          edge = reference;
          g_date_add_days (&edge, span + 10);
          format_day (wide_last, &edge);
          g_hash_table_iter_init (&iter, excluded);
          while (g_hash_table_iter_next (&iter, &key, NULL))
            {
              GArray *days = read_days (tmp.path, *(gint64 *) key,
                                        rp_enum_to_nick (RP_TYPE_REFERRAL_DIRECTION,
                                                         fast.direction),
                                        wide_first, wide_last);

              if (days->len > 0)
                g_hash_table_insert (excluded_days, key, days);
              else
                g_array_unref (days);
            }
        }

      g_assert_true (rp_store_analytics_comparable (tmp.store,
                                                    i % 7 == 0 && i % 3 != 1 && i % 5 != 2
                                                    ? NULL : &fast,
                                                    active_first, active_last, tiers, excluded,
                                                    excluded_days, NULL,
                                                    span > 0 ? before_first : NULL, before_last,
                                                    after_first, after_last, &from_spans,
                                                    &error));
      g_assert_no_error (error);
      g_assert_true (rp_store_analytics_comparable (tmp.store, &slow, active_first, active_last,
                                                    tiers, excluded, NULL, NULL,
                                                    span > 0 ? before_first : NULL, before_last,
                                                    after_first, after_last, &from_referrals,
                                                    &error));
      g_assert_no_error (error);
      g_assert_cmpuint (from_spans.partners, ==, from_referrals.partners);
      g_assert_cmpuint (from_spans.before, ==, from_referrals.before);
      g_assert_cmpuint (from_spans.after, ==, from_referrals.after);
      with_partners += from_spans.partners > 0;
      with_before += from_spans.before > 0;
      with_after += from_spans.after > 0;
    }
  /* Most cases count something. */
  g_assert_cmpuint (with_partners, >, 100);
  g_assert_cmpuint (with_before, >, 100);
  g_assert_cmpuint (with_after, >, 100);

  rp_test_store_close (&tmp);
}

/* The cities as the page lists them, joined by "|"; and each city once (case aside) as a GROUP BY
 * gives it, from its own connection. */
static char *
cities_of (RpStore *store)
{
  g_autoptr(GPtrArray) specialties = NULL;
  g_autoptr(GPtrArray) cities = NULL;
  g_autoptr(GPtrArray) lists = NULL;
  g_autoptr(GError) error = NULL;
  GString *text = g_string_new ("");

  g_assert_true (rp_store_analytics_filter_options (store, &specialties, &cities, &lists,
                                                    &error));
  g_assert_no_error (error);
  for (guint i = 0; i < cities->len; i++)
    {
      RpAnalyticsOption *option = g_ptr_array_index (cities, i);

      g_assert_cmpstr (option->key, ==, option->label);
      g_string_append_printf (text, "%s%s", i > 0 ? "|" : "", option->label);
    }
  return g_string_free (text, FALSE);
}

static char *
cities_by_group_by (const char *path)
{
  GString *text = g_string_new ("");
  sqlite3_stmt *stmt;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT max(city) FROM partner"
                                           " WHERE archived_at IS NULL AND city <> ''"
                                           " GROUP BY city COLLATE NOCASE"
                                           " ORDER BY 1 COLLATE NOCASE", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (text, "%s%s", text->len > 0 ? "|" : "",
                            (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (text, FALSE);
}

static void
make_city_partners (RpStore *store)
{
  static const char * const cities[] = {
    "Springfield", "SPRINGFIELD", "springfield", "Springfield", "Shelbyville", "",
    "Capital City", "capital city", "North Haverbrook",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(RpPartner) archived = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cities); i++)
    {
      g_autofree char *last = g_strdup_printf ("Partner%u", i);

      g_object_unref (add_partner (store, last, RP_TIER_B, "207X00000X", cities[i]));
    }
  archived = add_partner (store, "Irwin", RP_TIER_C, "207X00000X", "Ogdenville");
  g_assert_true (rp_store_set_partner_archived (store, rp_partner_get_id (archived), TRUE,
                                               &error));
  g_assert_no_error (error);
}

/* Each city once, case aside, under the spelling of its first partner by name; none for no city
 * or an archived partner's; the same cities as the GROUP BY gives. */
static void
test_filter_cities (void)
{
  g_autofree char *cities = NULL;
  g_autofree char *expected = NULL;
  RpTestStore tmp;

  rp_test_store_open (&tmp, "rapport-tallies-XXXXXX");
  g_assert_cmpstr ((cities = cities_of (tmp.store)), ==, "");
  g_clear_pointer (&cities, g_free);

  make_city_partners (tmp.store);
  cities = cities_of (tmp.store);
  g_assert_cmpstr (cities, ==, "Capital City|North Haverbrook|Shelbyville|Springfield");
  expected = cities_by_group_by (tmp.path);
  g_assert_cmpint (g_ascii_strcasecmp (cities, expected), ==, 0);

  rp_test_store_close (&tmp);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/analytics-tallies/writes", test_writes);
  g_test_add_func ("/store/analytics-tallies/bulk-and-undo", test_bulk_and_undo);
  g_test_add_func ("/store/analytics-tallies/migrate-from-10", test_migrate_from_10);
  g_test_add_func ("/store/analytics-tallies/feedback", test_feedback);
  g_test_add_func ("/store/analytics-tallies/count-ranges", test_count_ranges);
  g_test_add_func ("/store/analytics-tallies/filter-specialties", test_filter_specialties);
  g_test_add_func ("/store/analytics-tallies/migrate-from-13", test_migrate_from_13);
  g_test_add_func ("/store/analytics-tallies/migrate-from-15", test_migrate_from_15);
  g_test_add_func ("/store/analytics-tallies/migrate-from-18", test_migrate_from_18);
  g_test_add_func ("/store/analytics-tallies/comparable-spans", test_comparable_spans);
  g_test_add_func ("/store/analytics-tallies/filter-cities", test_filter_cities);

  return g_test_run ();
}
