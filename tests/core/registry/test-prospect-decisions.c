/* test-prospect-decisions.c: what the app does with prospects beyond importing them: dismissing
 * (one or many, hidden unless asked, kept through a re-import, restored), the change stamp the
 * Prospects page follows, the map's prospects in a box and their place from the ZIP gazetteer,
 * and the import filters as typed.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "../../bench/rp-registry-gen.h"
#include "rp-medicare-import.h"
#include "rp-nppes-import.h"
#include "rp-store-geocode.h"
#include "rp-store-prospects.h"
#include "rp-store-target-lists.h"
#include "rp-test-core.h"

#define SEED 4

typedef struct
{
  RpTestStore tmp;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  rp_test_store_open (&f->tmp, "rapport-decisions-XXXXXX");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  rp_test_store_close (&f->tmp);
}

static void
import_month (Fixture *f,
              guint    revision)
{
  g_autofree char *path = g_build_filename (f->tmp.dir, revision == 0
                                              ? "npidata_pfile_20251006-20251012.csv"
                                              : "npidata_pfile_20251103-20251109.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RpNppesResult) result = NULL;
  g_autoptr(GError) error = NULL;
  FILE *out = fopen (path, "wb");

  g_assert_nonnull (out);
  rp_registry_gen_write_nppes (out, 500, SEED, revision);
  g_assert_cmpint (fclose (out), ==, 0);
  result = rp_nppes_import (f->tmp.store, file, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
}

static gboolean
contains (GPtrArray *rows,
          gint64     id)
{
  for (guint i = 0; i < rows->len; i++)
    if (((RpProspect *) g_ptr_array_index (rows, i))->id == id)
      return TRUE;
  return FALSE;
}

static GPtrArray *
search (RpStore  *store,
        gboolean  show_dismissed)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = rp_store_search_prospects (store,
                                               &(RpProspectFilter) {
                                                 .show_dismissed = show_dismissed },
                                               0, &error);

  g_assert_no_error (error);
  return rows;
}

static void
test_dismiss (Fixture       *f,
              gconstpointer  data)
{
  RpStore *store = f->tmp.store;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stamp0 = NULL;
  g_autofree char *stamp1 = NULL;
  g_autofree char *stamp2 = NULL;
  g_autofree char *moved_npi = NULL;
  gint64 ids[3];
  gint64 moved_id = 0;
  guint n_all;

  g_assert_null (rp_store_dup_prospects_stamp (store));
  import_month (f, 0);
  stamp0 = rp_store_dup_prospects_stamp (store);
  g_assert_nonnull (stamp0);

  all = search (store, FALSE);
  n_all = all->len;
  g_assert_cmpuint (n_all, >, 10);
  /* Three to dismiss, among them one that moves next month (index % 10 == 3). */
  {
    char npi[11];

    rp_registry_gen_npi (SEED, 3, npi);
    moved_npi = g_strdup (npi);
  }
  for (guint i = 0; i < all->len; i++)
    if (g_str_equal (((RpProspect *) g_ptr_array_index (all, i))->npi, moved_npi))
      moved_id = ((RpProspect *) g_ptr_array_index (all, i))->id;
  g_assert_cmpint (moved_id, >, 0);
  ids[0] = moved_id;
  ids[1] = ((RpProspect *) g_ptr_array_index (all, 0))->id == moved_id
             ? ((RpProspect *) g_ptr_array_index (all, 2))->id
             : ((RpProspect *) g_ptr_array_index (all, 0))->id;
  ids[2] = ((RpProspect *) g_ptr_array_index (all, 1))->id == moved_id
             ? ((RpProspect *) g_ptr_array_index (all, 3))->id
             : ((RpProspect *) g_ptr_array_index (all, 1))->id;

  g_assert_true (rp_store_set_prospects_decision (store, ids, 3, "dismissed", &error));
  g_assert_no_error (error);
  stamp1 = rp_store_dup_prospects_stamp (store);
  g_assert_cmpstr (stamp1, !=, stamp0);

  /* Hidden by default; shown with "Show dismissed", marked. */
  rows = search (store, FALSE);
  g_assert_cmpuint (rows->len, ==, n_all - 3);
  for (guint i = 0; i < 3; i++)
    g_assert_false (contains (rows, ids[i]));
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = search (store, TRUE);
  g_assert_cmpuint (rows->len, ==, n_all);
  for (guint i = 0; i < rows->len; i++)
    {
      RpProspect *p = g_ptr_array_index (rows, i);
      gboolean dismissed = p->id == ids[0] || p->id == ids[1] || p->id == ids[2];

      g_assert_cmpstr (p->decision, ==, dismissed ? "dismissed" : "");
    }
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* A later month updates the moved one and keeps the decision. */
  import_month (f, 1);
  {
    g_autoptr(RpProspect) p = rp_store_get_prospect (store, moved_id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (p->decision, ==, "dismissed");
    g_assert_nonnull (strstr (p->street, "NEW OFFICE PKWY"));
  }
  rows = search (store, FALSE);
  for (guint i = 0; i < 3; i++)
    g_assert_false (contains (rows, ids[i]));
  g_clear_pointer (&rows, g_ptr_array_unref);
  stamp2 = rp_store_dup_prospects_stamp (store);
  g_assert_cmpstr (stamp2, !=, stamp1);

  /* Restored: back in the list. */
  g_assert_true (rp_store_set_prospects_decision (store, ids, 1, "", &error));
  rows = search (store, FALSE);
  g_assert_true (contains (rows, ids[0]));
  g_assert_false (contains (rows, ids[1]));
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* One that became a partner stays added. */
  g_assert_cmpint (rp_store_add_prospect_as_partner (store, ids[0], RP_TIER_C,
                                                     RP_PARTNER_STATUS_PROSPECT, &error), >, 0);
  g_assert_true (rp_store_set_prospect_decision (store, ids[0], "dismissed", &error));
  {
    g_autoptr(RpProspect) p = rp_store_get_prospect (store, ids[0], &error);

    g_assert_cmpstr (p->decision, ==, "added");
    g_assert_cmpint (p->partner_id, >, 0);
  }
}

/* The map's prospects: placed ones in the box, best first, undecided only; one without a place
 * gets its ZIP code's centroid. */
static void
test_map (Fixture       *f,
          gconstpointer  data)
{
  RpStore *store = f->tmp.store;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) in_box = NULL;
  g_autoptr(GArray) zcta = g_array_new (FALSE, FALSE, sizeof (RpZctaEntry));
  g_autoptr(GError) error = NULL;
  RpGeoBox everywhere = { -90, 90, -180, 180 };
  RpProspect *first;
  double lat = 0, lon = 0;
  char zip5[6];

  /* Imported before any gazetteer: nothing is placed. */
  import_month (f, 0);
  in_box = rp_store_list_prospects_in_box (store, &everywhere, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (in_box->len, ==, 0);
  g_clear_pointer (&in_box, g_ptr_array_unref);

  all = rp_store_search_prospects (store, NULL, 0, &error);
  first = g_ptr_array_index (all, 0);
  g_assert_false (first->placed);
  g_assert_false (rp_store_locate_prospect (store, first->id, &lat, &lon, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_strlcpy (zip5, first->zip, sizeof zip5);
  {
    RpZctaEntry entry = { "", 39.97, -83.01 };

    g_strlcpy (entry.zip, zip5, sizeof entry.zip);
    g_array_append_val (zcta, entry);
  }
  g_assert_true (rp_store_import_zcta (store, (RpZctaEntry *) zcta->data, zcta->len, &error));
  g_assert_true (rp_store_locate_prospect (store, first->id, &lat, &lon, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (lat, ==, 39.97);
  g_assert_cmpfloat (lon, ==, -83.01);

  /* Now placed: on the map, in a box around it and not in one elsewhere. */
  in_box = rp_store_list_prospects_in_box (store, &(RpGeoBox) { 39.9, 40.0, -83.1, -82.9 }, 10,
                                           &error);
  g_assert_no_error (error);
  g_assert_true (contains (in_box, first->id));
  for (guint i = 0; i + 1 < in_box->len; i++)
    g_assert_cmpfloat (((RpProspect *) g_ptr_array_index (in_box, i))->score, >=,
                       ((RpProspect *) g_ptr_array_index (in_box, i + 1))->score);
  g_clear_pointer (&in_box, g_ptr_array_unref);
  in_box = rp_store_list_prospects_in_box (store, &(RpGeoBox) { 41, 42, -83.1, -82.9 }, 10,
                                           &error);
  g_assert_false (contains (in_box, first->id));
  g_clear_pointer (&in_box, g_ptr_array_unref);

  /* Dismissed: off the map. */
  g_assert_true (rp_store_set_prospect_decision (store, first->id, "dismissed", &error));
  in_box = rp_store_list_prospects_in_box (store, &everywhere, 0, &error);
  g_assert_false (contains (in_box, first->id));
}

static void
test_filter_parse (Fixture       *f,
                   gconstpointer  data)
{
  RpNppesFilter filter;
  g_autoptr(GError) error = NULL;

  g_assert_true (rp_nppes_filter_parse (&filter, " oh ", "430, 431 4320", "25mi",
                                        "207R00000X, Internal Medicine", "2", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (filter.state, ==, "OH");
  g_assert_cmpuint (g_strv_length (filter.zip_prefixes), ==, 3);
  g_assert_cmpstr (filter.zip_prefixes[2], ==, "4320");
  g_assert_cmpfloat_with_epsilon (filter.within_km, 40.2336, 0.001);
  g_assert_cmpuint (g_strv_length (filter.taxonomies), ==, 2);
  g_assert_cmpstr (filter.taxonomies[1], ==, "Internal Medicine");
  g_assert_cmpint (filter.entity, ==, 2);
  rp_nppes_filter_clear (&filter);

  /* Empty fields: any. */
  g_assert_true (rp_nppes_filter_parse (&filter, "", "  ", NULL, "", NULL, &error));
  g_assert_null (filter.state);
  g_assert_null (filter.zip_prefixes);
  g_assert_cmpfloat (filter.within_km, ==, 0);
  g_assert_cmpint (filter.entity, ==, 0);

  g_assert_false (rp_nppes_filter_parse (&filter, "Ohio", NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, RP_REGISTRY_ERROR, RP_REGISTRY_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "Ohio"));
  g_clear_error (&error);
  g_assert_false (rp_nppes_filter_parse (&filter, NULL, "43x", NULL, NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "43x"));
  g_assert_null (filter.zip_prefixes);
  g_clear_error (&error);
  g_assert_false (rp_nppes_filter_parse (&filter, NULL, NULL, "far", NULL, NULL, &error));
  g_clear_error (&error);
  g_assert_false (rp_nppes_filter_parse (&filter, NULL, NULL, NULL, NULL, "3", &error));
  g_clear_error (&error);
}

/* Add to Target List onto a list that exists: at its end, each partner once. */
static void
test_list_members (Fixture       *f,
                   gconstpointer  data)
{
  RpStore *store = f->tmp.store;
  gint64 a = rp_test_add_active_person (store, "Avery", RP_TIER_A, 40.0, -83.0);
  gint64 b = rp_test_add_active_person (store, "Brook", RP_TIER_B, 40.1, -83.0);
  gint64 c = rp_test_add_active_person (store, "Casey", RP_TIER_C, 40.2, -83.0);
  g_autoptr(GArray) members = NULL;
  g_autoptr(GError) error = NULL;
  gint64 list_id;

  list_id = rp_store_create_target_list (store, "Autumn", (gint64[]) { a }, 1, &error);
  g_assert_no_error (error);
  g_assert_true (rp_store_add_target_list_members (store, list_id, (gint64[]) { b, a, c }, 3,
                                                   &error));
  g_assert_no_error (error);
  members = rp_store_list_target_members (store, list_id, &error);
  g_assert_cmpuint (members->len, ==, 3);
  g_assert_cmpint (g_array_index (members, gint64, 0), ==, a);
  g_assert_cmpint (g_array_index (members, gint64, 1), ==, b);
  g_assert_cmpint (g_array_index (members, gint64, 2), ==, c);

  g_assert_false (rp_store_add_target_list_members (store, list_id + 100, (gint64[]) { a }, 1,
                                                    &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND);
}

static void
medicare_progress_cb (const RpRegistryProgress *progress,
                      gpointer                  user_data)
{
  RpRegistryProgress *last = user_data;

  g_assert_cmpuint (progress->bytes_read, >=, last->bytes_read);
  *last = *progress;
}

/* The Medicare import reports its progress as the NPPES one does (the import dialog shows it). */
static void
test_medicare_progress (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->tmp.dir, "MUP_PHY_R25_P05_V10_D23_Prov.csv",
                                            NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RpMedicareResult) result = NULL;
  g_autoptr(GError) error = NULL;
  RpRegistryProgress last = { 0 };
  FILE *out = fopen (path, "wb");

  g_assert_nonnull (out);
  rp_registry_gen_write_medicare (out, 3000, SEED);
  g_assert_cmpint (fclose (out), ==, 0);
  result = rp_medicare_import_full (f->tmp.store, file, 0, medicare_progress_cb, &last, NULL,
                                    &error);
  g_assert_no_error (error);
  g_assert_cmpint (result->year, ==, 2023);
  g_assert_cmpuint (last.rows_read, ==, result->rows_read);
  g_assert_cmpuint (last.rows_kept, ==, result->imported);
  g_assert_cmpuint (last.bytes_read, >, 0);
  g_assert_cmpuint (last.bytes_read, ==, last.bytes_total);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/registry/prospects/dismiss", Fixture, NULL, fixture_set_up, test_dismiss,
              fixture_tear_down);
  g_test_add ("/registry/prospects/map", Fixture, NULL, fixture_set_up, test_map,
              fixture_tear_down);
  g_test_add ("/registry/prospects/list-members", Fixture, NULL, fixture_set_up,
              test_list_members, fixture_tear_down);
  g_test_add ("/registry/medicare/progress", Fixture, NULL, fixture_set_up,
              test_medicare_progress, fixture_tear_down);
  g_test_add ("/registry/nppes/filter-parse", Fixture, NULL, fixture_set_up, test_filter_parse,
              fixture_tear_down);

  return g_test_run ();
}
