/* test-target-score.c: the target score, weight by weight and mixed, and a target list written
 * as CSV and read back.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <csv.h>
#include <string.h>

#include <glib/gstdio.h>

#include "rp-store.h"
#include "rp-store-prospects.h"
#include "rp-target-score.h"
#include "rp-test-core.h"

#define TODAY "2026-11-25"      /* a Wednesday; its week runs 2026-11-23…29 */

static gint64
add_scored_partner (RpStore    *store,
                    const char *last_name,
                    guint       influence,
                    guint       volume,
                    double      lat,
                    double      lon)
{
  g_autoptr(GError) error = NULL;
  gint64 id = rp_test_add_active_person (store, last_name, RP_TIER_B, lat, lon);
  g_autoptr(RpPartner) partner = rp_store_get_partner (store, id, &error);

  rp_partner_set_influence (partner, influence);
  rp_partner_set_monthly_volume (partner, volume);
  rp_partner_set_phone (partner, "(614) 555-0100");
  g_assert_true (rp_store_update_partner (store, partner, &error));
  g_assert_no_error (error);

  return id;
}

static gint64
candidate_id (GPtrArray *candidates,
              guint      index)
{
  return rp_partner_get_id (((RpTargetCandidate *) g_ptr_array_index (candidates,
                                                                       index))->partner);
}

static void
test_target_score (void)
{
  g_autoptr(RpStore) store = rp_test_open_memory_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ranked = NULL;
  RpTargetParams params;
  RpTargetCandidate *candidate;
  gint64 influential, big, close, rising;

  influential = add_scored_partner (store, "Influential", 5, 10, 40.50, -83.0);
  big = add_scored_partner (store, "Big", 1, 400, 40.40, -83.0);
  close = add_scored_partner (store, "Close", 1, 10, 40.001, -83.0);
  rising = add_scored_partner (store, "Rising", 1, 10, 0, 0);
  rp_test_add_referrals (store, rising, "2026-07-01", 1);
  rp_test_add_referrals (store, rising, "2026-11-01", 6);

  rp_target_params_init (&params);
  params.today = TODAY;
  params.has_origin = TRUE;
  params.origin.lat = 40.0;
  params.origin.lon = -83.0;
  params.unit = RP_DISTANCE_UNIT_KILOMETERS;

  /* One weight at a time puts its partner first. */
  params.weight_influence = 1;
  params.weight_volume = params.weight_proximity = params.weight_trend = 0;
  ranked = rp_target_rank (store, &params, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ranked->len, ==, 4);
  g_assert_cmpint (candidate_id (ranked, 0), ==, influential);
  candidate = g_ptr_array_index (ranked, 0);
  g_assert_cmpfloat_with_epsilon (candidate->score, 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (candidate->influence, 1.0, 1e-9);
  g_clear_pointer (&ranked, g_ptr_array_unref);

  params.weight_influence = 0;
  params.weight_volume = 2;       /* weights are normalised */
  ranked = rp_target_rank (store, &params, &error);
  g_assert_cmpint (candidate_id (ranked, 0), ==, big);
  g_assert_cmpfloat_with_epsilon (((RpTargetCandidate *) g_ptr_array_index (ranked,
                                                                             0))->score,
                                  1.0, 1e-9);
  g_clear_pointer (&ranked, g_ptr_array_unref);

  params.weight_volume = 0;
  params.weight_proximity = 1;
  ranked = rp_target_rank (store, &params, &error);
  g_assert_cmpint (candidate_id (ranked, 0), ==, close);
  g_assert_cmpint (candidate_id (ranked, 1), ==, big);
  g_assert_cmpint (candidate_id (ranked, 2), ==, influential);
  candidate = g_ptr_array_index (ranked, 3);
  g_assert_cmpint (rp_partner_get_id (candidate->partner), ==, rising);
  g_assert_cmpfloat (candidate->distance_km, ==, -1);
  g_clear_pointer (&ranked, g_ptr_array_unref);

  params.weight_proximity = 0;
  params.weight_trend = 1;
  ranked = rp_target_rank (store, &params, &error);
  candidate = g_ptr_array_index (ranked, 0);
  g_assert_cmpint (rp_partner_get_id (candidate->partner), ==, rising);
  g_assert_cmpuint (candidate->referrals_recent, ==, 6);
  g_assert_cmpuint (candidate->referrals_previous, ==, 1);
  g_assert_cmpfloat (candidate->trend, >, 0.5);
  g_clear_pointer (&ranked, g_ptr_array_unref);

  /* Favouring falling partners turns the trend round: the rising one goes last. */
  params.favour_falling = TRUE;
  ranked = rp_target_rank (store, &params, &error);
  g_assert_cmpint (candidate_id (ranked, 3), ==, rising);
  g_clear_pointer (&ranked, g_ptr_array_unref);

  /* The default weights mix the four, each part explained. */
  rp_target_params_init (&params);
  params.today = TODAY;
  params.has_origin = TRUE;
  params.origin.lat = 40.0;
  params.origin.lon = -83.0;
  params.unit = RP_DISTANCE_UNIT_KILOMETERS;
  params.limit = 2;
  ranked = rp_target_rank (store, &params, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ranked->len, ==, 2);
  candidate = g_ptr_array_index (ranked, 0);
  g_assert_cmpfloat (candidate->score, >=,
                     ((RpTargetCandidate *) g_ptr_array_index (ranked, 1))->score);
  g_assert_nonnull (strstr (candidate->explanation, "Influence "));
  g_assert_nonnull (strstr (candidate->explanation, " a month ("));
  g_assert_nonnull (strstr (candidate->explanation, "referrals "));
  /* No Medicare file imported: the factor is left out, not counted as zero. */
  g_assert_null (strstr (candidate->explanation, "Medicare"));
}

static void
set_npi (RpStore    *store,
         gint64      id,
         const char *npi)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpPartner) partner = rp_store_get_partner (store, id, &error);

  rp_partner_set_npi (partner, npi);
  g_assert_true (rp_store_update_partner (store, partner, &error));
  g_assert_no_error (error);
}

/* Medicare patients per year (CMS's figure for the partner's NPI) as the fifth factor. */
static void
test_medicare (void)
{
  g_autoptr(RpStore) store = rp_test_open_memory_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ranked = NULL;
  g_autoptr(GPtrArray) again = NULL;
  RpTargetParams params;
  RpTargetCandidate *first;
  RpTargetCandidate *last;
  gint64 busy, quiet, unknown;

  busy = add_scored_partner (store, "Busy", 1, 10, 40.1, -83.0);
  quiet = add_scored_partner (store, "Quiet", 5, 400, 40.001, -83.0);
  unknown = add_scored_partner (store, "Unknown", 3, 10, 40.05, -83.0);
  set_npi (store, busy, "1234567893");
  set_npi (store, quiet, "1987654328");
  set_npi (store, unknown, "1555555550");
  g_assert_true (rp_store_begin (store, &error));
  g_assert_true (rp_store_save_medicare_volume (store, "1234567893", 2023, "Cardiology", 1840,
                                                5200, &error));
  g_assert_true (rp_store_save_medicare_volume (store, "1987654328", 2023, "Cardiology", 25, 90,
                                                &error));
  g_assert_true (rp_store_commit (store, &error));

  rp_target_params_init (&params);
  params.today = TODAY;
  params.has_origin = TRUE;
  params.origin.lat = 40.0;
  params.origin.lon = -83.0;
  params.unit = RP_DISTANCE_UNIT_KILOMETERS;

  /* Medicare alone: the busiest first, the one without a figure last. */
  params.weight_influence = params.weight_volume = params.weight_proximity = 0;
  params.weight_trend = 0;
  params.weight_medicare = 1;
  ranked = rp_target_rank (store, &params, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ranked->len, ==, 3);
  first = g_ptr_array_index (ranked, 0);
  last = g_ptr_array_index (ranked, 2);
  g_assert_cmpint (candidate_id (ranked, 0), ==, busy);
  g_assert_cmpint (candidate_id (ranked, 1), ==, quiet);
  g_assert_cmpint (candidate_id (ranked, 2), ==, unknown);
  g_assert_cmpfloat_with_epsilon (first->score, 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (first->medicare, 1.0, 1e-9);
  g_assert_cmpint (first->medicare_patients, ==, 1840);
  g_assert_cmpint (first->medicare_year, ==, 2023);
  g_assert_cmpfloat (((RpTargetCandidate *) g_ptr_array_index (ranked, 1))->medicare, >, 0);
  g_assert_cmpfloat (((RpTargetCandidate *) g_ptr_array_index (ranked, 1))->medicare, <, 0.5);
  g_assert_cmpint (last->medicare_patients, ==, -1);
  g_assert_cmpfloat (last->score, ==, 0);
  /* Explained with its year; none said so. */
  g_assert_nonnull (strstr (first->explanation, " Medicare patients a year (2023) (1.00)"));
  g_assert_nonnull (strstr (last->explanation, "no Medicare figure (0.00)"));

  /* Mixed with the others, it still moves the busy partner up. */
  rp_target_params_init (&params);
  params.today = TODAY;
  params.has_origin = TRUE;
  params.origin.lat = 40.0;
  params.origin.lon = -83.0;
  params.weight_medicare = 0;
  again = rp_target_rank (store, &params, &error);
  g_assert_cmpint (candidate_id (again, 0), ==, quiet);
  g_assert_null (strstr (((RpTargetCandidate *) g_ptr_array_index (again, 0))->explanation,
                         "Medicare"));
  {
    double without = 0, with = 0;
    g_autoptr(GPtrArray) weighted = NULL;

    for (guint i = 0; i < again->len; i++)
      if (candidate_id (again, i) == busy)
        without = ((RpTargetCandidate *) g_ptr_array_index (again, i))->score;
    params.weight_medicare = 1;
    weighted = rp_target_rank (store, &params, &error);
    for (guint i = 0; i < weighted->len; i++)
      if (candidate_id (weighted, i) == busy)
        with = ((RpTargetCandidate *) g_ptr_array_index (weighted, i))->score;
    g_assert_cmpfloat (with, >, without);
  }
}

typedef struct
{
  GPtrArray *rows;      /* GPtrArray of GPtrArray of char* */
  GPtrArray *row;
} CsvRead;

static void
csv_field_cb (void   *data,
              size_t  len,
              void   *user_data)
{
  CsvRead *read = user_data;

  if (read->row == NULL)
    read->row = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (read->row, g_strndup (data, len));
}

static void
csv_row_cb (int   c,
            void *user_data)
{
  CsvRead *read = user_data;

  g_ptr_array_add (read->rows, g_steal_pointer (&read->row));
}

static void
test_target_csv (void)
{
  g_autoptr(RpStore) store = rp_test_open_memory_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rapport-csv-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "list.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(RpPartner) tricky = rp_partner_new (RP_PARTNER_KIND_ORGANIZATION);
  struct csv_parser parser;
  CsvRead read = { g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref), NULL };
  gint64 ids[2];
  gint64 list_id;
  gsize length;
  GPtrArray *row;

  g_assert_no_error (error);
  ids[0] = add_scored_partner (store, "Plain", 3, 20, 40.01, -83.0);
  rp_partner_set_organization (tricky, "Smith, Jones & \"Partners\"");
  rp_partner_set_street (tricky, "1 Main St\nSuite 2");
  rp_partner_set_city (tricky, "Columbus");
  g_assert_true (rp_store_insert_partner (store, tricky, &error));
  ids[1] = rp_partner_get_id (tricky);

  list_id = rp_store_create_target_list (store, "Test", ids, 2, &error);
  g_assert_no_error (error);
  g_assert_true (rp_target_list_write_csv (store, list_id, path, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_true (g_str_has_prefix (contents, "\"Position\",\"Name\","));
  g_assert_true (g_str_has_suffix (contents, "\r\n"));

  g_assert_cmpint (csv_init (&parser, CSV_STRICT | CSV_STRICT_FINI), ==, 0);
  g_assert_cmpuint (csv_parse (&parser, contents, length, csv_field_cb, csv_row_cb, &read), ==,
                    length);
  g_assert_cmpint (csv_fini (&parser, csv_field_cb, csv_row_cb, &read), ==, 0);
  csv_free (&parser);

  g_assert_cmpuint (read.rows->len, ==, 3);
  row = g_ptr_array_index (read.rows, 0);
  g_assert_cmpuint (row->len, ==, 8);
  g_assert_cmpstr (g_ptr_array_index (row, 7), ==, "Score");
  row = g_ptr_array_index (read.rows, 1);
  g_assert_cmpstr (g_ptr_array_index (row, 0), ==, "1");
  g_assert_cmpstr (g_ptr_array_index (row, 1), ==, "Test Plain");
  g_assert_cmpstr (g_ptr_array_index (row, 5), ==, "(614) 555-0100");
  g_assert_cmpstr (g_ptr_array_index (row, 6), ==, "B");
  g_assert_nonnull (strstr (g_ptr_array_index (row, 7), "Influence 3/5"));
  row = g_ptr_array_index (read.rows, 2);
  g_assert_cmpstr (g_ptr_array_index (row, 0), ==, "2");
  g_assert_cmpstr (g_ptr_array_index (row, 1), ==, "Smith, Jones & \"Partners\"");
  g_assert_nonnull (strstr (g_ptr_array_index (row, 4), "1 Main St\nSuite 2"));

  /* A list with no members (or no longer there) is the header alone. */
  g_ptr_array_unref (read.rows);
  g_clear_pointer (&contents, g_free);
  g_assert_true (rp_target_list_write_csv (store, 9999, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_cmpuint (strlen (contents), >, 0);
  g_assert_null (strstr (contents, "Plain"));
  g_remove (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/planner/target-score", test_target_score);
  g_test_add_func ("/planner/target-score/medicare", test_medicare);
  g_test_add_func ("/planner/target-csv", test_target_csv);

  return g_test_run ();
}
