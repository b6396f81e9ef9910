/* test-analytics-tables.c: the Analytics page's lists as tables and CSV files, on a small
 * hand-computed network (November 2026 against October, inbound):
 *
 *   Adams  tier A  3 on 10 Oct, 5 on 5 Nov (one seen: improved, satisfaction 4)   growing
 *                  visited 6 Nov: 8 referrals in the 60 days before, none after
 *   Baker  tier A  4 on 12 Oct, 1 on 12 Nov; a $50 gift on 15 Nov                falling
 *   Clark  tier B  2 on 20 Nov, never before                                       new
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <glib/gstdio.h>

#include "rp-analytics-tables.h"
#include "rp-store-activities.h"
#include "rp-store-outcomes.h"
#include "rp-store-partners.h"
#include "rp-test-core.h"

typedef struct
{
  RpStore   *store;
  GTimeZone *tz;
  RpPeriod   period;
  gint64     adams, baker, clark;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpPartner) adams = NULL;
  g_autoptr(RpReferral) seen = NULL;
  g_autoptr(RpActivity) gift = rp_activity_new (RP_ACTIVITY_KIND_EVENT);
  g_autoptr(GPtrArray) categories = NULL;

  f->store = rp_test_open_memory_store ();
  f->tz = g_time_zone_new_utc ();
  g_assert_true (rp_period_parse (&f->period, "2026-11", NULL));

  f->adams = rp_test_add_active_person (f->store, "Adams", RP_TIER_A, 0, 0);
  f->baker = rp_test_add_active_person (f->store, "Baker", RP_TIER_A, 0, 0);
  f->clark = rp_test_add_active_person (f->store, "Clark", RP_TIER_B, 0, 0);

  rp_test_add_referrals (f->store, f->adams, "2026-10-10", 3);
  rp_test_add_referrals (f->store, f->adams, "2026-11-05", 4);
  adams = rp_store_get_partner (f->store, f->adams, &error);
  g_assert_no_error (error);
  seen = rp_test_add_referral (f->store, adams, RP_REFERRAL_DIRECTION_INBOUND, "2026-11-05",
                               RP_REFERRAL_STATUS_SEEN);
  categories = rp_store_list_outcome_categories (f->store, FALSE, &error);
  g_assert_no_error (error);
  /* The first category is "improved". */
  g_assert_true (rp_store_set_referral_outcome (f->store, rp_referral_get_id (seen),
                                                rp_outcome_category_get_id (
                                                  g_ptr_array_index (categories, 0)),
                                                4, "", &error));
  g_assert_no_error (error);
  rp_test_add_visit_activity (f->store, f->adams, "2026-11-06");

  rp_test_add_referrals (f->store, f->baker, "2026-10-12", 4);
  rp_test_add_referrals (f->store, f->baker, "2026-11-12", 1);
  rp_activity_set_occurred_at (gift, "2026-11-15T15:00:00Z");
  rp_activity_set_cost_cents (gift, 5000);
  rp_activity_add_partner_id (gift, f->baker);
  g_assert_true (rp_store_insert_activity (f->store, gift, &error));
  g_assert_no_error (error);

  rp_test_add_referrals (f->store, f->clark, "2026-11-20", 2);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_pointer (&f->tz, g_time_zone_unref);
}

/* The table written to a file and read back. */
static char *
saved_csv (RpFigureTable *table)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rapport-tables-XXXXXX", &error);
  g_autofree char *name = rp_figure_table_dup_file_name (table);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  char *contents = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, name, NULL);
  file = g_file_new_for_path (path);
  g_assert_true (rp_figure_table_save_csv (table, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  g_unlink (path);
  g_rmdir (dir);
  return contents;
}

static void
test_top_referrers (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = rp_analytics_top_referrers (f->store, &f->period, NULL, &error);
  g_autoptr(RpFigureTable) table = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *name = NULL;

  g_assert_no_error (error);
  table = rp_analytics_table_top_referrers (rows);
  name = rp_figure_table_dup_file_name (table);
  g_assert_cmpstr (name, ==, "Top referring partners.csv");
  csv = saved_csv (table);
  g_assert_cmpstr (csv, ==,
                   "\"Partner\",\"Specialty\",\"Referrals\",\"Previous period\",\"Change\"\r\n"
                   "\"Test Adams\",\"\",\"5\",\"3\",\"+2\"\r\n"
                   "\"Test Clark\",\"\",\"2\",\"0\",\"+2\"\r\n"
                   "\"Test Baker\",\"\",\"1\",\"4\",\"-3\"\r\n");
}

static void
test_trends (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *lists[RP_REFERRER_N_TRENDS] = { NULL };
#define HEADER "\"Partner\",\"Specialty\",\"Referrals\",\"Previous period\"\r\n"
  const char * const expected[RP_REFERRER_N_TRENDS] = {
    HEADER "\"Test Clark\",\"\",\"2\",\"0\"\r\n",
    HEADER,
    HEADER "\"Test Adams\",\"\",\"5\",\"3\"\r\n",
    HEADER "\"Test Baker\",\"\",\"1\",\"4\"\r\n",
    "\"Partner\",\"Specialty\",\"Last 90 days\",\"6 months before\"\r\n",
  };
#undef HEADER

  g_assert_true (rp_analytics_referrer_trends (f->store, &f->period, NULL, lists, &error));
  g_assert_no_error (error);
  for (guint t = 0; t < RP_REFERRER_N_TRENDS; t++)
    {
      g_autoptr(RpFigureTable) table = rp_analytics_table_trend (t, lists[t]);
      g_autofree char *csv = rp_figure_table_dup_csv (table);

      g_assert_cmpstr (csv, ==, expected[t]);
      g_ptr_array_unref (lists[t]);
    }
}

static void
test_outcomes (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpOutcomeFigure) figure = rp_analytics_outcomes (f->store, &f->period, NULL, &error);
  g_autoptr(RpFigureTable) by_partner = NULL;
  g_autoptr(RpFigureTable) by_specialty = NULL;
  g_autofree char *partner_csv = NULL;
  g_autofree char *specialty_csv = NULL;

  g_assert_no_error (error);
  by_partner = rp_analytics_table_outcomes_by_partner (figure);
  by_specialty = rp_analytics_table_outcomes_by_specialty (figure);
  partner_csv = saved_csv (by_partner);
  specialty_csv = saved_csv (by_specialty);
  g_assert_cmpstr (partner_csv, ==,
                   "\"Partner\",\"Specialty\",\"Outcomes\",\"Rated\",\"Mean satisfaction\"\r\n"
                   "\"Test Adams\",\"\",\"1\",\"1\",\"4.0\"\r\n");
  g_assert_cmpstr (specialty_csv, ==,
                   "\"Specialty\",\"Outcomes\",\"Rated\",\"Mean satisfaction\"\r\n"
                   "\"No specialty\",\"1\",\"1\",\"4.0\"\r\n");
}

static void
test_outreach_and_gifts (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpOutreachFigure) outreach = NULL;
  g_autoptr(GPtrArray) gifts = NULL;
  g_autoptr(RpFigureTable) outreach_table = NULL;
  g_autoptr(RpFigureTable) gifts_table = NULL;
  g_autofree char *outreach_csv = NULL;
  g_autofree char *gifts_csv = NULL;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, G_DATE_MARCH, 2027);
  outreach = rp_analytics_outreach (f->store, &f->period, NULL, f->tz, &today, &error);
  g_assert_no_error (error);
  outreach_table = rp_analytics_table_outreach (outreach);
  outreach_csv = saved_csv (outreach_table);
  g_assert_cmpstr (outreach_csv, ==,
                   "\"Partner\",\"Visited\",\"Referrals before\",\"Referrals after\",\"Change\"\r\n"
                   "\"Test Adams\",\"2026-11-06\",\"8\",\"0\",\"-8\"\r\n");

  gifts = rp_analytics_gifts (f->store, &f->period, NULL, f->tz, &error);
  g_assert_no_error (error);
  gifts_table = rp_analytics_table_gifts (gifts);
  gifts_csv = saved_csv (gifts_table);
  g_assert_cmpstr (gifts_csv, ==,
                   "\"Partner\",\"Specialty\",\"Gifts and meals\",\"Spent\",\"Referrals\"\r\n"
                   "\"Test Baker\",\"\",\"1\",\"50.00\",\"1\"\r\n");
}

/* Every cell is quoted (libcsv's csv_write), quotes doubled; a file name never holds a folder
 * separator. */
/* A list longer than RP_ANALYTICS_NAMED_ROWS comes with its tail unnamed; its table names
 * every row through the store before it is saved. */
static void
test_long_list_named (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *lists[RP_REFERRER_N_TRENDS] = { NULL };
  g_autoptr(RpFigureTable) table = NULL;
  g_autofree char *before = NULL;
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;
  guint unnamed = 0;

  for (guint i = 0; i < RP_ANALYTICS_NAMED_ROWS + 10; i++)
    {
      g_autofree char *name = g_strdup_printf ("New%02u", i);
      gint64 id = rp_test_add_active_person (f->store, name, RP_TIER_C, 0, 0);

      /* The first ones ahead of the rest, so the tail is not tied with the head. */
      rp_test_add_referrals (f->store, id, "2026-11-25", i < RP_ANALYTICS_NAMED_ROWS ? 3 : 1);
    }
  g_assert_true (rp_analytics_referrer_trends (f->store, &f->period, NULL, lists, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lists[RP_REFERRER_NEW]->len, ==, RP_ANALYTICS_NAMED_ROWS + 11);
  for (guint i = 0; i < lists[RP_REFERRER_NEW]->len; i++)
    unnamed += *((RpFigureRow *) g_ptr_array_index (lists[RP_REFERRER_NEW], i))->label == '\0';
  g_assert_cmpuint (unnamed, >, 0);

  table = rp_analytics_table_trend (RP_REFERRER_NEW, lists[RP_REFERRER_NEW]);
  before = rp_figure_table_dup_csv (table);
  g_assert_nonnull (strstr (before, "\r\n\"\",\"\""));
  rp_figure_table_set_store (table, f->store);
  csv = saved_csv (table);
  g_assert_null (strstr (csv, "\r\n\"\",\"\""));
  lines = g_strsplit (csv, "\r\n", -1);
  /* The header, a row a partner, and the empty string after the last line's end. */
  g_assert_cmpuint (g_strv_length (lines), ==, RP_ANALYTICS_NAMED_ROWS + 13);
  for (guint t = 0; t < RP_REFERRER_N_TRENDS; t++)
    g_ptr_array_unref (lists[t]);
}

static void
test_quoting (void)
{
  const char *header[] = { "Name", "Note", NULL };
  const char *row[] = { "Lee, Ada", "said \"fine\"\nthen left", NULL };
  const char *short_row[] = { "Only", NULL, NULL };
  g_autoptr(RpFigureTable) table = rp_figure_table_new ("Q1/Q2: \"best\"", header);
  g_autofree char *csv = NULL;
  g_autofree char *tsv = NULL;
  g_autofree char *name = NULL;

  rp_figure_table_add_row (table, row);
  rp_figure_table_add_row (table, short_row);
  csv = rp_figure_table_dup_csv (table);
  g_assert_cmpstr (csv, ==,
                   "\"Name\",\"Note\"\r\n"
                   "\"Lee, Ada\",\"said \"\"fine\"\"\nthen left\"\r\n"
                   "\"Only\",\"\"\r\n");
  tsv = rp_figure_table_dup_tsv (table);
  g_assert_cmpstr (tsv, ==, "Name\tNote\nLee, Ada\tsaid \"fine\" then left\nOnly\t\n");
  name = rp_figure_table_dup_file_name (table);
  g_assert_cmpstr (name, ==, "Q1-Q2- -best-.csv");
  g_assert_cmpuint (rp_figure_table_get_rows (table)->len, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/analytics-tables/top-referrers", test_top_referrers);
  ADD ("/analytics-tables/trends", test_trends);
  ADD ("/analytics-tables/outcomes", test_outcomes);
  ADD ("/analytics-tables/outreach-and-gifts", test_outreach_and_gifts);
  ADD ("/analytics-tables/long-list-named", test_long_list_named);
  g_test_add_func ("/analytics-tables/quoting", test_quoting);

#undef ADD

  return g_test_run ();
}
