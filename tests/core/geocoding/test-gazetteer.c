/* test-gazetteer.c: the ZCTA gazetteer import, partner placement in the store and the offline
 * geocoding job.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <string.h>

#include "rp-gazetteer.h"
#include "rp-geocode-job.h"
#include "rp-store-geocode.h"
#include "rp-store-partners.h"
#include "rp-store.h"
#include "rp-test-core.h"

/* The Census layout: the last header carries trailing spaces, as the real files do. */
static const char sample[] =
  "GEOID\tALAND\tAWATER\tALAND_SQMI\tAWATER_SQMI\tINTPTLAT\tINTPTLONG                    \n"
  "43085\t21508187\t207379\t8.304\t0.080\t40.099776\t-83.017587          \n"
  "43210\t3051346\t0\t1.178\t0.000\t40.002593\t-83.016128\r\n"
  "43215\t11053958\t278424\t4.268\t0.108\t91.5\t-83.011111\n"          /* line 4: latitude */
  "4321\t1\t0\t0\t0\t40.0\t-83.0\n"                                     /* line 5: ZIP */
  "43201\t1\t0\t0\t0\t40.0\n"                                           /* line 6: fields */
  "\n"
  "43202\t1\t0\t0\t0\t40.0\teast\n"                                     /* line 8: longitude */
  "00601\t166836392\t799296\t64.416\t0.309\t18.180555\t-66.749961\n";

static char *
write_temp (const char *name,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rapport-gazetteer-XXXXXX", &error);
  char *path;

  g_assert_no_error (error);
  path = g_build_filename (dir, name, NULL);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  return path;
}

static void
remove_temp (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_remove (path);
  g_rmdir (dir);
}

static RpPartner *
make_partner (const char *last,
              const char *zip)
{
  RpPartner *partner = rp_partner_new (RP_PARTNER_KIND_PERSON);

  rp_partner_set_prefix (partner, "Dr.");
  rp_partner_set_first_name (partner, "Ann");
  rp_partner_set_last_name (partner, last);
  rp_partner_set_street (partner, "1 Main St");
  rp_partner_set_city (partner, "Columbus");
  rp_partner_set_state (partner, "OH");
  rp_partner_set_zip (partner, zip);

  return partner;
}

static gint64
add_partner (RpStore    *store,
             const char *last,
             const char *zip)
{
  g_autoptr(RpPartner) partner = make_partner (last, zip);
  g_autoptr(GError) error = NULL;

  rp_store_insert_partner (store, partner, &error);
  g_assert_no_error (error);

  return rp_partner_get_id (partner);
}

static void
test_import (void)
{
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpGazetteerResult) result = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_temp ("2023_Gaz_zcta_national.txt", sample, -1);
  g_autofree char *summary = NULL;
  double lat = 0, lon = 0;

  store = rp_store_open (":memory:", &error);
  g_assert_no_error (error);

  file = g_file_new_for_path (path);
  result = rp_gazetteer_import (store, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);

  g_assert_cmpuint (result->n_imported, ==, 3);
  g_assert_cmpuint (result->n_malformed, ==, 4);
  g_assert_cmpuint (result->errors->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (result->errors, 0), ==, "line 4: bad latitude");
  g_assert_cmpstr (g_ptr_array_index (result->errors, 1), ==, "line 5: bad ZIP code");
  g_assert_cmpstr (g_ptr_array_index (result->errors, 2), ==,
                   "line 6: expected 7 fields, found 6");
  g_assert_cmpstr (g_ptr_array_index (result->errors, 3), ==, "line 8: bad longitude");

  summary = rp_gazetteer_result_dup_summary (result);
  g_assert_cmpstr (summary, ==,
                   "Imported 3 ZIP codes; line 4: bad latitude (and 3 more malformed lines)");

  g_assert_cmpuint (rp_store_count_zcta (store), ==, 3);

  g_assert_true (rp_store_lookup_zcta (store, "43085", &lat, &lon, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (lat, 40.099776, 1e-9);
  g_assert_cmpfloat_with_epsilon (lon, -83.017587, 1e-9);

  /* ZIP+4 and a leading zero. */
  g_assert_true (rp_store_lookup_zcta (store, "43210-1234", &lat, &lon, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (lat, 40.002593, 1e-9);
  g_assert_true (rp_store_lookup_zcta (store, "00601", &lat, &lon, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (lon, -66.749961, 1e-9);

  /* The malformed lines were not imported. */
  g_assert_false (rp_store_lookup_zcta (store, "43215", &lat, &lon, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (rp_store_lookup_zcta (store, "Ohio", &lat, &lon, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A second import replaces the known ZIP codes and keeps the others. */
  g_clear_pointer (&result, rp_gazetteer_result_free);
  result = rp_gazetteer_import (store, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rp_store_count_zcta (store), ==, 3);

  remove_temp (path);
}

static void
test_not_a_gazetteer (void)
{
  g_autoptr(RpStore) store = rp_store_open (":memory:", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = write_temp ("partners.csv", "name,zip\nAnn,43085\n", -1);
  g_autofree char *bad = write_temp ("bad.txt", "GEOID\tINTPTLAT\tINTPTLONG\nx\ty\tz\n", -1);
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/gazetteer.txt");
  RpGazetteerResult *result;

  result = rp_gazetteer_import (store, csv_file, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, RP_GAZETTEER_ERROR, RP_GAZETTEER_ERROR_FORMAT);
  g_clear_error (&error);

  result = rp_gazetteer_import (store, bad_file, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, RP_GAZETTEER_ERROR, RP_GAZETTEER_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "line 2: bad ZIP code"));
  g_clear_error (&error);

  result = rp_gazetteer_import (store, missing, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

  g_assert_cmpuint (rp_store_count_zcta (store), ==, 0);

  remove_temp (csv);
  remove_temp (bad);
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  RpGazetteerResult **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = rp_gazetteer_import_finish (RP_STORE (object), result, &error);
  g_assert_no_error (error);
}

/* A national-size file (33,144 lines), read asynchronously; the time is reported, not
 * asserted. */
static void
test_import_national (void)
{
  g_autoptr(RpStore) store = rp_store_open (":memory:", NULL);
  g_autoptr(GString) contents = g_string_new ("GEOID\tALAND\tAWATER\tALAND_SQMI\tAWATER_SQMI"
                                              "\tINTPTLAT\tINTPTLONG \n");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  RpGazetteerResult *result = NULL;
  gint64 start;
  double lat = 0, lon = 0;

  for (guint i = 0; i < 33144; i++)
    g_string_append_printf (contents, "%05u\t1000\t0\t0.1\t0.0\t%.6f\t%.6f \n",
                            600 + i, 25.0 + i * 0.0005, -120.0 + i * 0.001);
  path = write_temp ("2023_Gaz_zcta_national.txt", contents->str, contents->len);
  file = g_file_new_for_path (path);

  start = g_get_monotonic_time ();
  rp_gazetteer_import_async (store, file, NULL, import_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_test_message ("33,144 lines imported in %.0f ms",
                  (g_get_monotonic_time () - start) / 1000.0);

  g_assert_cmpuint (result->n_imported, ==, 33144);
  g_assert_cmpuint (result->n_malformed, ==, 0);
  g_assert_cmpuint (rp_store_count_zcta (store), ==, 33144);
  g_assert_true (rp_store_lookup_zcta (store, "10600", &lat, &lon, NULL));
  g_assert_cmpfloat_with_epsilon (lat, 30.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (lon, -110.0, 1e-6);

  rp_gazetteer_result_free (result);
  remove_temp (path);
}

static void
test_set_location (void)
{
  g_autoptr(RpStore) store = rp_store_open (":memory:", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) unplaced = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(RpPartner) partner = NULL;
  RpUnplacedPartner *first;
  gint64 ann, bob;
  guint signals = 0;

  ann = add_partner (store, "Adams", "43085");
  bob = add_partner (store, "Baker", "99999");
  rp_test_count_signal (store, "partners-changed", &signals);

  g_assert_cmpuint (rp_store_count_unplaced_partners (store), ==, 2);
  unplaced = rp_store_list_unplaced_partners (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (unplaced->len, ==, 2);
  first = g_ptr_array_index (unplaced, 0);
  g_assert_cmpint (first->partner_id, ==, ann);
  g_assert_cmpstr (first->street, ==, "1 Main St");
  g_assert_cmpstr (first->city, ==, "Columbus");
  g_assert_cmpstr (first->state, ==, "OH");
  g_assert_cmpstr (first->zip, ==, "43085");
  g_assert_cmpstr (first->error, ==, "");

  rp_store_set_partner_location (store, ann, TRUE, 40.1, -83.0, RP_GEOCODE_SOURCE_MANUAL,
                                 NULL, &error);
  g_assert_no_error (error);
  rp_store_set_partner_location (store, bob, FALSE, 0, 0, RP_GEOCODE_SOURCE_NONE,
                                 "Address not found", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (signals, ==, 2);

  partner = rp_store_get_partner (store, ann, &error);
  g_assert_no_error (error);
  g_assert_true (rp_partner_get_has_location (partner));
  g_assert_cmpfloat_with_epsilon (rp_partner_get_latitude (partner), 40.1, 1e-9);
  g_assert_cmpfloat_with_epsilon (rp_partner_get_longitude (partner), -83.0, 1e-9);

  g_assert_cmpuint (rp_store_count_unplaced_partners (store), ==, 1);
  errors = rp_store_list_geocode_errors (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (errors->len, ==, 1);
  first = g_ptr_array_index (errors, 0);
  g_assert_cmpint (first->partner_id, ==, bob);
  g_assert_cmpstr (first->name, ==, "Dr. Ann Baker");
  g_assert_cmpstr (first->error, ==, "Address not found");

  /* Out of range coordinates and unknown partners are refused. */
  g_assert_false (rp_store_set_partner_location (store, ann, TRUE, 91, 0,
                                                 RP_GEOCODE_SOURCE_MANUAL, NULL, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rp_store_set_partner_location (store, 9999, TRUE, 40, -83,
                                                 RP_GEOCODE_SOURCE_MANUAL, NULL, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Unplacing puts the partner back on the list. */
  rp_store_set_partner_location (store, ann, FALSE, 0, 0, RP_GEOCODE_SOURCE_MANUAL, NULL,
                                 &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rp_store_count_unplaced_partners (store), ==, 2);
}

static void
test_partner_geocode (void)
{
  g_autoptr(RpStore) store = rp_store_open (":memory:", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  RpGeocodeSource source = RP_GEOCODE_SOURCE_MANUAL;
  gint64 ann, bob;

  ann = add_partner (store, "Adams", "43085");
  bob = add_partner (store, "Baker", "99999");

  /* Nothing recorded yet. */
  g_assert_false (rp_store_get_partner_geocode (store, ann, &source, &message, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND);
  g_assert_null (message);
  g_clear_error (&error);

  rp_store_set_partner_location (store, ann, TRUE, 40.1, -83.0, RP_GEOCODE_SOURCE_ZCTA, NULL,
                                 &error);
  g_assert_no_error (error);
  rp_store_set_partner_location (store, bob, FALSE, 0, 0, RP_GEOCODE_SOURCE_NONE,
                                 "Nominatim: address not found", &error);
  g_assert_no_error (error);

  g_assert_true (rp_store_get_partner_geocode (store, ann, &source, &message, &error));
  g_assert_no_error (error);
  g_assert_cmpint (source, ==, RP_GEOCODE_SOURCE_ZCTA);
  g_assert_cmpstr (message, ==, "");
  g_clear_pointer (&message, g_free);

  g_assert_true (rp_store_get_partner_geocode (store, bob, &source, &message, &error));
  g_assert_no_error (error);
  g_assert_cmpint (source, ==, RP_GEOCODE_SOURCE_NONE);
  g_assert_cmpstr (message, ==, "Nominatim: address not found");
  g_clear_pointer (&message, g_free);

  /* Placed later by hand: the new source, the old error gone; out arguments may be NULL. */
  rp_store_set_partner_location (store, bob, TRUE, 40.2, -83.1, RP_GEOCODE_SOURCE_MANUAL, NULL,
                                 &error);
  g_assert_no_error (error);
  g_assert_true (rp_store_get_partner_geocode (store, bob, &source, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (source, ==, RP_GEOCODE_SOURCE_MANUAL);
  g_assert_true (rp_store_get_partner_geocode (store, bob, NULL, &message, &error));
  g_assert_cmpstr (message, ==, "");

  /* An unknown partner has no record either. */
  g_assert_false (rp_store_get_partner_geocode (store, 9999, NULL, NULL, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND);
}

static void
test_geocode_cache (void)
{
  g_autoptr(RpStore) store = rp_store_open (":memory:", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RpGeocodeCacheEntry) hit = NULL;
  g_autoptr(RpGeocodeCacheEntry) miss = NULL;

  g_assert_null (rp_store_get_geocode_cache (store, "a|b|c|d", &error));
  g_assert_no_error (error);

  rp_store_put_geocode_cache (store, "a|b|c|d", TRUE, 40.5, -83.5, "Somewhere, Ohio", &error);
  g_assert_no_error (error);
  rp_store_put_geocode_cache (store, "x|y|z|0", FALSE, 0, 0, NULL, &error);
  g_assert_no_error (error);

  hit = rp_store_get_geocode_cache (store, "a|b|c|d", &error);
  g_assert_no_error (error);
  g_assert_true (hit->found);
  g_assert_cmpfloat (hit->lat, ==, 40.5);
  g_assert_cmpfloat (hit->lon, ==, -83.5);
  g_assert_cmpstr (hit->display_name, ==, "Somewhere, Ohio");

  miss = rp_store_get_geocode_cache (store, "x|y|z|0", &error);
  g_assert_no_error (error);
  g_assert_false (miss->found);
}

static void
test_job_offline (void)
{
  g_autoptr(RpStore) store = rp_store_open (":memory:", NULL);
  g_autofree char *path = write_temp ("gaz.txt", sample, -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RpGazetteerResult) result = NULL;
  g_autoptr(RpGeocodeJob) job = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RpPartner) placed = NULL;
  gint64 ann;

  result = rp_gazetteer_import (store, file, NULL, &error);
  g_assert_no_error (error);

  ann = add_partner (store, "Adams", "43085-1111");
  add_partner (store, "Baker", "99999");
  add_partner (store, "Clark", "");

  job = rp_geocode_job_new (store, FALSE);
  g_assert_true (rp_geocode_job_start (job, &error));
  g_assert_no_error (error);
  g_assert_true (rp_geocode_job_get_running (job));
  g_assert_cmpuint (rp_geocode_job_get_n_total (job), ==, 3);

  rp_test_finish_geocode_job (job, FALSE);

  g_assert_false (rp_geocode_job_get_running (job));
  g_assert_cmpuint (rp_geocode_job_get_n_done (job), ==, 3);
  g_assert_cmpuint (rp_geocode_job_get_n_placed (job), ==, 1);
  g_assert_cmpuint (rp_geocode_job_get_n_failed (job), ==, 2);
  g_assert_cmpfloat (rp_geocode_job_get_fraction (job), ==, 1.0);

  placed = rp_store_get_partner (store, ann, &error);
  g_assert_no_error (error);
  g_assert_true (rp_partner_get_has_location (placed));
  g_assert_cmpfloat_with_epsilon (rp_partner_get_latitude (placed), 40.099776, 1e-9);

  errors = rp_store_list_geocode_errors (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (errors->len, ==, 2);
  g_assert_cmpstr (((RpUnplacedPartner *) g_ptr_array_index (errors, 0))->error, ==,
                   "ZIP code 99999 is not in the imported gazetteer");
  g_assert_cmpstr (((RpUnplacedPartner *) g_ptr_array_index (errors, 1))->error, ==,
                   "No ZIP code");

  remove_temp (path);
}

static void
test_job_cancel (void)
{
  g_autoptr(RpStore) store = rp_store_open (":memory:", NULL);
  g_autofree char *path = write_temp ("gaz.txt", sample, -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RpGazetteerResult) result = NULL;
  g_autoptr(RpGeocodeJob) job = NULL;
  g_autoptr(GError) error = NULL;
  guint placed;

  result = rp_gazetteer_import (store, file, NULL, &error);
  g_assert_no_error (error);

  rp_store_begin (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 500; i++)
    {
      g_autofree char *name = g_strdup_printf ("Partner%03u", i);
      add_partner (store, name, "43210");
    }
  rp_store_commit (store, &error);
  g_assert_no_error (error);

  job = rp_geocode_job_new (store, FALSE);
  rp_geocode_job_start (job, &error);
  g_assert_no_error (error);

  /* One chunk, then cancel: what was placed stays placed. */
  rp_test_finish_geocode_job (job, TRUE);

  g_assert_true (rp_geocode_job_get_cancelled (job));
  placed = rp_geocode_job_get_n_placed (job);
  g_assert_cmpuint (placed, >, 0);
  g_assert_cmpuint (placed, <, 500);
  g_assert_cmpuint (rp_store_count_unplaced_partners (store), ==, 500 - placed);

  remove_temp (path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gazetteer/import", test_import);
  g_test_add_func ("/gazetteer/not-a-gazetteer", test_not_a_gazetteer);
  g_test_add_func ("/gazetteer/national", test_import_national);
  g_test_add_func ("/gazetteer/store/set-location", test_set_location);
  g_test_add_func ("/gazetteer/store/geocode-cache", test_geocode_cache);
  g_test_add_func ("/gazetteer/store/partner-geocode", test_partner_geocode);
  g_test_add_func ("/gazetteer/job/offline", test_job_offline);
  g_test_add_func ("/gazetteer/job/cancel", test_job_cancel);

  return g_test_run ();
}
