/* test-nppes-import.c: the NPPES, NUCC and Medicare imports on generated files (the real headers,
 * tests/bench/rp-registry-gen.c) and on every kind of bad input the issue names.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>
#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>

#include "../../bench/rp-registry-gen.h"
#include "rp-geo.h"
#include "rp-location.h"
#include "rp-medicare-import.h"
#include "rp-nppes-import.h"
#include "rp-nucc-import.h"
#include "rp-practice.h"
#include "rp-store-geocode.h"
#include "rp-store-partners.h"
#include "rp-store-practice.h"
#include "rp-store-prospects.h"
#include "rp-test-core.h"

#define SEED 1

typedef struct
{
  RpTestStore  tmp;
  char        *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  rp_test_store_open (&f->tmp, "rapport-nppes-XXXXXX");
  f->dir = g_strdup (f->tmp.dir);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  rp_test_store_close (&f->tmp);
  g_free (f->dir);
}

static char *
generate (Fixture    *f,
          const char *name,
          guint64     rows,
          guint       revision)
{
  char *path = g_build_filename (f->dir, name, NULL);
  FILE *out = fopen (path, "wb");

  g_assert_nonnull (out);
  if (g_str_has_prefix (name, "nucc"))
    rp_registry_gen_write_nucc (out);
  else if (g_str_has_prefix (name, "MUP"))
    rp_registry_gen_write_medicare (out, rows, SEED);
  else
    rp_registry_gen_write_nppes (out, rows, SEED, revision);
  g_assert_cmpint (fclose (out), ==, 0);
  return path;
}

static char *
read_text (const char *path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static char *
write_text (Fixture    *f,
            const char *name,
            const char *text,
            gssize      len)
{
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, len, NULL));
  return path;
}

/* Row @row (0 is the header) of a generated file, as a pointer into @text and its length. */
static char *
find_row (char  *text,
          guint  row,
          gsize *len)
{
  char *p = text;

  for (guint i = 0; i < row; i++)
    p = strstr (p, "\r\n") + 2;
  *len = (gsize) (strstr (p, "\r\n") - p);
  return p;
}

static RpNppesResult *
import (RpStore             *store,
        const char          *path,
        const RpNppesFilter *filter,
        GError             **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return rp_nppes_import (store, file, filter, NULL, NULL, NULL, error);
}

static guint
count_rows_in_state (const char *path,
                     const char *state)
{
  g_autofree char *text = read_text (path);
  g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);
  guint n = 0;

  /* Field 31 is the practice location's state (the header is row 0). */
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\",\"", 40);

      if (g_strv_length (fields) > 32 && g_strcmp0 (fields[31], state) == 0)
        n++;
    }
  return n;
}

/* A state filter keeps exactly that state's active providers. */
static void
test_state_filter (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = generate (f, "npidata_pfile_20251006-20251012.csv", 1000, 0);
  g_autoptr(RpNppesResult) result = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  RpNppesFilter filter = { .state = (char *) "OH" };
  guint in_ohio = count_rows_in_state (path, "OH");

  result = import (f->tmp.store, path, &filter, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_cmpuint (result->rows_read, ==, 1000);
  g_assert_cmpuint (in_ohio, >, 20);
  g_assert_cmpuint (in_ohio, <, 100);
  g_assert_cmpuint (result->rows_kept, ==, in_ohio);
  g_assert_cmpuint (result->inserted, ==, in_ohio);
  g_assert_cmpuint (result->bad_npi + result->malformed + result->bad_utf8, ==, 0);
  g_assert_cmpuint (rp_store_count_prospects (f->tmp.store, FALSE), ==, in_ohio);

  rows = rp_store_search_prospects (f->tmp.store, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, in_ohio);
  for (guint i = 0; i < rows->len; i++)
    {
      RpProspect *p = g_ptr_array_index (rows, i);

      g_assert_cmpstr (p->state, ==, "OH");
      g_assert_cmpuint (strlen (p->npi), ==, 10);
      g_assert_cmpuint (strlen (p->taxonomy_code), ==, 10);
      g_assert_cmpstr (p->display_name, !=, "");
      g_assert_cmpuint (strlen (p->last_update), ==, 10);
      if (i > 0)
        g_assert_cmpfloat (((RpProspect *) g_ptr_array_index (rows, i - 1))->score, >=,
                           p->score);
    }
}

/* Entity, ZIP prefix and taxonomy filters; a taxonomy name needs the NUCC table. */
static void
test_other_filters (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = generate (f, "npidata_pfile_20251006-20251012.csv", 1000, 0);
  g_autofree char *nucc = generate (f, "nucc_taxonomy_250.csv", 0, 0);
  g_autoptr(RpNppesResult) orgs = NULL;
  g_autoptr(RpNppesResult) zips = NULL;
  g_autoptr(RpNppesResult) codes = NULL;
  g_autoptr(RpNppesResult) named = NULL;
  g_autoptr(RpNuccResult) nucc_result = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) nucc_file = g_file_new_for_path (nucc);
  g_auto(GStrv) zip_prefixes = g_strsplit ("900,921", ",", -1);
  g_auto(GStrv) tax_prefixes = g_strsplit ("207R", ",", -1);
  g_auto(GStrv) tax_names = g_strsplit ("Hospitals", ",", -1);
  RpNppesFilter filter = { .entity = 2 };

  orgs = import (f->tmp.store, path, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (orgs->rows_kept, >, 100);
  g_assert_cmpuint (orgs->rows_kept, <, 300);
  rows = rp_store_search_prospects (f->tmp.store, NULL, 0, &error);
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpint (((RpProspect *) g_ptr_array_index (rows, i))->entity, ==, 2);
  g_clear_pointer (&rows, g_ptr_array_unref);

  filter = (RpNppesFilter) { .zip_prefixes = zip_prefixes };
  zips = import (f->tmp.store, path, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (zips->rows_kept, >, 0);
  g_assert_cmpuint (zips->rows_kept, <, 200);

  filter = (RpNppesFilter) { .taxonomies = tax_prefixes };
  codes = import (f->tmp.store, path, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (codes->rows_kept, >, 100);
  g_assert_cmpuint (codes->rows_kept, <, 900);

  /* A name before the NUCC import: a clear error, nothing written. */
  filter = (RpNppesFilter) { .taxonomies = tax_names };
  g_assert_null (import (f->tmp.store, path, &filter, &error));
  g_assert_error (error, RP_REGISTRY_ERROR, RP_REGISTRY_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "Hospitals"));
  g_clear_error (&error);

  nucc_result = rp_nucc_import (f->tmp.store, nucc_file, NULL, &error);
  g_assert_no_error (error);
  named = import (f->tmp.store, path, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (named->rows_kept, >, 0);
  g_assert_cmpuint (named->rows_kept, <, orgs->rows_kept);
}

static void
save_practice_at (RpStore *store,
                  double   lat,
                  double   lon)
{
  g_autoptr(RpPractice) practice = rp_store_get_practice (store, NULL);
  g_autoptr(RpLocation) location = rp_location_new ();
  g_autoptr(GError) error = NULL;

  rp_location_set_name (location, "Main office");
  rp_location_set_coordinates (location, lat, lon);
  g_list_store_append (rp_practice_get_locations (practice), location);
  g_assert_true (rp_store_save_practice (store, practice, &error));
  g_assert_no_error (error);
}

/* Within N miles of the practice, through the ZIP gazetteer. */
static void
test_within (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = generate (f, "npidata_pfile_20251006-20251012.csv", 2000, 0);
  g_autoptr(RpNppesResult) result = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) zcta = g_array_new (FALSE, FALSE, sizeof (RpZctaEntry));
  RpNppesFilter filter = { 0 };

  /* Without a placed location: a clear error. */
  g_assert_true (rp_nppes_parse_distance ("25mi", &filter.within_km, &error));
  g_assert_cmpfloat_with_epsilon (filter.within_km, 40.2336, 0.001);
  g_assert_null (import (f->tmp.store, path, &filter, &error));
  g_assert_error (error, RP_REGISTRY_ERROR, RP_REGISTRY_ERROR_FORMAT);
  g_clear_error (&error);

  /* Columbus's ZIP codes near the practice, Cincinnati's 150 km away. */
  for (guint i = 1; i <= 20; i++)
    {
      RpZctaEntry near = { "", 39.96 + i * 0.005, -83.0 };
      RpZctaEntry far = { "", 39.10 + i * 0.005, -84.51 };

      g_snprintf (near.zip, sizeof near.zip, "432%02u", i);
      g_snprintf (far.zip, sizeof far.zip, "452%02u", i);
      g_array_append_val (zcta, near);
      g_array_append_val (zcta, far);
    }
  g_assert_true (rp_store_import_zcta (f->tmp.store, (RpZctaEntry *) zcta->data, zcta->len,
                                       &error));
  save_practice_at (f->tmp.store, 39.98, -83.0);

  result = import (f->tmp.store, path, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->rows_kept, >, 0);
  rows = rp_store_search_prospects (f->tmp.store, NULL, 0, &error);
  g_assert_cmpuint (rows->len, ==, result->rows_kept);
  for (guint i = 0; i < rows->len; i++)
    {
      RpProspect *p = g_ptr_array_index (rows, i);

      g_assert_cmpstr (p->city, ==, "COLUMBUS");
      g_assert_true (p->placed);
      g_assert_cmpfloat (p->distance_km, <=, 40.2336);
    }

  g_assert_false (rp_nppes_parse_distance ("far", &filter.within_km, &error));
  g_assert_error (error, RP_REGISTRY_ERROR, RP_REGISTRY_ERROR_FORMAT);
  g_clear_error (&error);
  g_assert_true (rp_nppes_parse_distance ("40km", &filter.within_km, NULL));
  g_assert_cmpfloat (filter.within_km, ==, 40);
}

/* A later month: changed rows updated, deactivated NPIs marked, the user's decisions kept, and a
 * partner whose registry address changed gets the hint, never an overwrite. */
static void
test_second_month (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *first = generate (f, "npidata_pfile_20251006-20251012.csv", 1000, 0);
  g_autofree char *second = generate (f, "npidata_pfile_20251103-20251109.csv", 1000, 1);
  g_autoptr(RpNppesResult) r1 = NULL;
  g_autoptr(RpNppesResult) r2 = NULL;
  g_autoptr(RpNppesResult) r3 = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) differences = NULL;
  g_autoptr(RpPartner) partner = NULL;
  g_autoptr(RpProspect) dismissed = NULL;
  g_autoptr(GError) error = NULL;
  RpStore *store = f->tmp.store;
  char moved_npi[11], dismissed_npi[11];
  gint64 moved_id = 0, dismissed_id = 0, partner_id;
  guint n_moved = 0, n_deactivated = 0;
  g_autofree char *street_before = NULL;

  r1 = import (store, first, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (r1->rows_kept, ==, 1000);
  g_assert_cmpuint (r1->inserted, ==, 1000);

  for (guint i = 0; i < 1000; i++)
    {
      if (i % 25 == 7)
        n_deactivated++;
      else if (i % 10 == 3)
        n_moved++;
    }

  /* Row 3 moves next month: make it a partner. Row 13 moves too: dismiss it. */
  rp_registry_gen_npi (SEED, 3, moved_npi);
  rp_registry_gen_npi (SEED, 13, dismissed_npi);
  rows = rp_store_search_prospects (store, &(RpProspectFilter) { .include_decided = TRUE }, 0,
                                    &error);
  for (guint i = 0; i < rows->len; i++)
    {
      RpProspect *p = g_ptr_array_index (rows, i);

      if (g_str_equal (p->npi, moved_npi))
        moved_id = p->id;
      if (g_str_equal (p->npi, dismissed_npi))
        dismissed_id = p->id;
    }
  g_assert_cmpint (moved_id, >, 0);
  g_assert_cmpint (dismissed_id, >, 0);

  partner_id = rp_store_add_prospect_as_partner (store, moved_id, RP_TIER_A,
                                                 RP_PARTNER_STATUS_ACTIVE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (partner_id, >, 0);
  partner = rp_store_get_partner (store, partner_id, &error);
  g_assert_cmpstr (rp_partner_get_npi (partner), ==, moved_npi);
  g_assert_cmpuint (strlen (rp_partner_get_specialty_code (partner)), ==, 10);
  g_assert_cmpint (rp_partner_get_tier (partner), ==, RP_TIER_A);
  street_before = g_strdup (rp_partner_get_street (partner));
  g_clear_object (&partner);

  /* Adding twice is refused: the NPI is the link. */
  g_assert_cmpint (rp_store_add_prospect_as_partner (store, moved_id, RP_TIER_B,
                                                     RP_PARTNER_STATUS_PROSPECT, &error), ==, 0);
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  g_assert_true (rp_store_set_prospect_decision (store, dismissed_id, "dismissed", &error));

  /* Nothing differs yet. */
  differences = rp_store_list_registry_differences (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (differences->len, ==, 0);
  g_clear_pointer (&differences, g_ptr_array_unref);

  r2 = import (store, second, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (r2->rows_read, ==, 1000);
  g_assert_cmpuint (r2->deactivated, ==, n_deactivated);
  g_assert_cmpuint (r2->updated, ==, n_moved);
  g_assert_cmpuint (r2->inserted, ==, 0);
  g_assert_cmpuint (r2->unchanged, ==, 1000 - n_moved - n_deactivated);
  g_assert_cmpuint (rp_store_count_prospects (store, TRUE), ==, n_deactivated);
  g_assert_cmpuint (rp_store_count_prospects (store, FALSE), ==, 1000 - n_deactivated);

  /* The decision and the link stay; the prospect has its new address. */
  dismissed = rp_store_get_prospect (store, dismissed_id, &error);
  g_assert_cmpstr (dismissed->decision, ==, "dismissed");
  g_assert_nonnull (strstr (dismissed->street, "NEW OFFICE PKWY"));
  g_clear_pointer (&dismissed, rp_prospect_free);
  dismissed = rp_store_get_prospect (store, moved_id, &error);
  g_assert_cmpstr (dismissed->decision, ==, "added");
  g_assert_cmpint (dismissed->partner_id, ==, partner_id);

  /* The partner is not overwritten; it gets the hint, and the one-click update. */
  partner = rp_store_get_partner (store, partner_id, &error);
  g_assert_cmpstr (rp_partner_get_street (partner), ==, street_before);
  g_clear_object (&partner);
  differences = rp_store_list_registry_differences (store, &error);
  g_assert_cmpuint (differences->len, ==, 1);
  {
    RpRegistryDifference *d = g_ptr_array_index (differences, 0);

    g_assert_cmpint (d->partner_id, ==, partner_id);
    g_assert_true (d->address_differs);
    g_assert_false (d->phone_differs);
    g_assert_false (d->taxonomy_differs);
    g_assert_nonnull (strstr (d->street, "NEW OFFICE PKWY"));
  }
  g_assert_true (rp_store_apply_registry (store, partner_id, &error));
  g_assert_no_error (error);
  partner = rp_store_get_partner (store, partner_id, &error);
  g_assert_nonnull (strstr (rp_partner_get_street (partner), "NEW OFFICE PKWY"));
  g_assert_null (rp_store_get_registry_difference (store, partner_id, &error));
  g_assert_no_error (error);

  /* The same month again changes nothing. */
  r3 = import (store, second, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (r3->updated + r3->inserted + r3->deactivated, ==, 0);
}

static void
assert_nothing_imported (Fixture *f)
{
  g_assert_cmpuint (rp_store_count_prospects (f->tmp.store, FALSE), ==, 0);
  g_assert_cmpuint (rp_store_count_prospects (f->tmp.store, TRUE), ==, 0);
}

static void
test_other_header (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = write_text (f, "other.csv",
                                      "\"NPI\",\"Provider First Name\",\"City\"\r\n"
                                      "\"1234567893\",\"Ann\",\"Columbus\"\r\n", -1);
  g_autoptr(GError) error = NULL;

  g_assert_null (import (f->tmp.store, path, NULL, &error));
  g_assert_error (error, RP_REGISTRY_ERROR, RP_REGISTRY_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "“Entity Type Code”"));
  g_assert_nonnull (strstr (error->message, "“Last Update Date”"));
  g_assert_nonnull (strstr (error->message, "“Healthcare Provider Taxonomy Code_1”"));
  g_assert_null (strstr (error->message, "“NPI”"));
  g_assert_null (strstr (error->message, "“Provider First Name”"));
  assert_nothing_imported (f);
}

/* Renamed (case, punctuation) and added columns, in another order, still import. */
static void
test_reordered_header (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "nppes",
                                                 "npidata_pfile_20251006-20251012.csv", NULL);
  g_autofree char *text = read_text (path);
  g_autoptr(GString) changed = g_string_new (NULL);
  g_autofree char *out = NULL;
  g_autoptr(RpNppesResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;
  char *header = find_row (text, 0, &len);

  /* A new first column, and the header in upper case with underscores. */
  g_string_append (changed, "\"NEW_COLUMN\",");
  for (gsize i = 0; i < len; i++)
    g_string_append_c (changed, header[i] == ' ' ? '_' : g_ascii_toupper (header[i]));
  g_string_append (changed, "\r\n");
  for (guint row = 1; row <= 25; row++)
    {
      char *line = find_row (text, row, &len);

      g_string_append (changed, "\"x\",");
      g_string_append_len (changed, line, (gssize) len);
      g_string_append (changed, "\r\n");
    }
  out = write_text (f, "renamed.csv", changed->str, (gssize) changed->len);

  result = import (f->tmp.store, out, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->rows_read, ==, 25);
  g_assert_cmpuint (result->rows_kept, ==, 25);
}

/* The bad rows of one file: each skipped and counted, none fatal. */
static void
test_bad_rows (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = generate (f, "npidata_pfile_20251006-20251012.csv", 20, 0);
  g_autofree char *text = read_text (path);
  g_autoptr(GString) bad = g_string_new (NULL);
  g_autofree char *out = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(RpNppesResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;
  char *line;

  for (guint row = 0; row <= 20; row++)
    {
      g_autofree char *copy = NULL;

      line = find_row (text, row, &len);
      copy = g_strndup (line, len);
      switch (row)
        {
        case 2: /* non-numeric NPI */
          memcpy (copy + 1, "12345ABCDE", 10);
          break;
        case 3: /* wrong check digit */
          copy[10] = copy[10] == '9' ? '0' : copy[10] + 1;
          break;
        case 4: /* 329 fields: the last one dropped */
          *strrchr (copy, ',') = '\0';
          break;
        case 5: /* invalid UTF-8 in the city */
          {
            char *city = strstr (copy, ",\"US\",\"");
            g_assert_nonnull (city);
            /* mailing city: overwrite the opening letters of the practice city later */
          }
          {
            g_auto(GStrv) fields = g_strsplit (copy, "\",\"", -1);
            g_autofree char *joined = NULL;

            g_free (fields[30]);
            fields[30] = g_strdup ("COL\xff\xfeUMBUS");
            joined = g_strjoinv ("\",\"", fields);
            g_free (copy);
            copy = g_steal_pointer (&joined);
          }
          break;
        default:
          break;
        }
      g_string_append (bad, copy);
      if (row < 20)
        g_string_append (bad, "\r\n");
    }
  /* The last line cut short, inside a quoted field. */
  g_string_truncate (bad, bad->len - 200);
  out = write_text (f, "npidata_pfile_bad.csv", bad->str, (gssize) bad->len);

  result = import (f->tmp.store, out, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_cmpuint (result->rows_read, ==, 20);
  g_assert_cmpuint (result->bad_npi, ==, 2);
  g_assert_cmpuint (result->malformed, ==, 2); /* 329 fields, and the cut last line */
  g_assert_cmpuint (result->bad_utf8, ==, 1);
  g_assert_cmpuint (result->rows_kept, ==, 15);
  g_assert_cmpuint (rp_store_count_prospects (f->tmp.store, FALSE), ==, 15);

  summary = rp_nppes_result_dup_summary (result);
  g_assert_nonnull (strstr (summary, "row 2: “12345ABCDE” is not a valid NPI"));
  g_assert_nonnull (strstr (summary, "row 4: 329 fields instead of 330"));
  g_assert_nonnull (strstr (summary, "row 5: text that is not valid UTF-8"));
  g_assert_nonnull (strstr (summary, "row 20: the file ends inside this row"));
}

static void
test_empty_file (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = write_text (f, "npidata_pfile_empty.csv", "", 0);
  g_autoptr(GError) error = NULL;

  g_assert_null (import (f->tmp.store, path, NULL, &error));
  g_assert_error (error, RP_REGISTRY_ERROR, RP_REGISTRY_ERROR_EMPTY);
  assert_nothing_imported (f);
}

static void
write_zip (const char *zip_path,
           const char *member,
           const char *contents_path)
{
  struct archive *a = archive_write_new ();
  struct archive_entry *entry = archive_entry_new ();
  g_autofree char *contents = NULL;
  gsize len = 0;

  if (contents_path != NULL)
    g_assert_true (g_file_get_contents (contents_path, &contents, &len, NULL));
  else
    contents = g_strdup ("NPPES Data Dissemination readme\n"), len = strlen (contents);

  archive_write_set_format_zip (a);
  g_assert_cmpint (archive_write_open_filename (a, zip_path), ==, ARCHIVE_OK);
  archive_entry_set_pathname (entry, member);
  archive_entry_set_size (entry, (la_int64_t) len);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_write_header (a, entry);
  archive_write_data (a, contents, len);
  archive_entry_free (entry);
  archive_write_close (a);
  archive_write_free (a);
}

static void
test_zip (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *csv = generate (f, "npidata_pfile_20251006-20251012.csv", 300, 0);
  g_autofree char *zip = g_build_filename (f->dir, "NPPES_Data_Dissemination_October_2025.zip",
                                           NULL);
  g_autofree char *empty_zip = g_build_filename (f->dir, "NPPES_readme_only.zip", NULL);
  g_autoptr(RpNppesResult) result = NULL;
  g_autoptr(GError) error = NULL;

  write_zip (empty_zip, "NPPES_Data_Dissemination_Readme.pdf", NULL);
  g_assert_null (import (f->tmp.store, empty_zip, NULL, &error));
  g_assert_error (error, RP_REGISTRY_ERROR, RP_REGISTRY_ERROR_NO_DATA_FILE);
  g_assert_nonnull (strstr (error->message, "npidata_pfile_"));
  g_clear_error (&error);
  assert_nothing_imported (f);

  write_zip (zip, "npidata_pfile_20251006-20251012.csv", csv);
  result = import (f->tmp.store, zip, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->rows_read, ==, 300);
  g_assert_cmpuint (result->rows_kept, ==, 300);
}

/* A cancelled import writes nothing; so does one that fails at the end. */
static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = generate (f, "npidata_pfile_20251006-20251012.csv", 200, 0);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_null (rp_nppes_import (f->tmp.store, file, NULL, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_nothing_imported (f);
}

static void
progress_cb (const RpRegistryProgress *progress,
             gpointer                  user_data)
{
  RpRegistryProgress *last = user_data;

  g_assert_cmpuint (progress->bytes_read, >=, last->bytes_read);
  *last = *progress;
}

static void
test_progress (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = generate (f, "npidata_pfile_20251006-20251012.csv", 3000, 0);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RpNppesResult) result = NULL;
  RpRegistryProgress last = { 0 };
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  result = rp_nppes_import (f->tmp.store, file, &(RpNppesFilter) { .state = (char *) "OH" },
                            progress_cb, &last, NULL, NULL);
  g_assert_nonnull (result);
  g_assert_cmpuint (last.bytes_read, ==, (guint64) st.st_size);
  g_assert_cmpuint (last.bytes_total, ==, (guint64) st.st_size);
  g_assert_cmpuint (last.rows_read, ==, 3000);
  g_assert_cmpuint (last.rows_kept, ==, result->rows_kept);
  g_assert_cmpfloat (last.rows_per_s, >, 0);
}

static void
test_nucc (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "nppes",
                                                 "nucc_taxonomy_250.csv", NULL);
  g_autofree char *bad = write_text (f, "nucc_bad.csv", "Code,Label\n207R00000X,Internal\n", -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(RpNuccResult) result = NULL;
  g_autoptr(GPtrArray) codes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;

  g_assert_null (rp_nucc_import (f->tmp.store, bad_file, NULL, &error));
  g_assert_error (error, RP_REGISTRY_ERROR, RP_REGISTRY_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "“Grouping”"));
  g_assert_null (strstr (error->message, "“Code”"));
  g_clear_error (&error);

  result = rp_nucc_import (f->tmp.store, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->imported, ==, 23);
  g_assert_cmpuint (result->specialties_mapped, >=, 15);
  label = rp_store_dup_taxonomy_label (f->tmp.store, "207RC0000X");
  g_assert_cmpstr (label, ==, "Cardiovascular Disease Physician");
  codes = rp_store_find_taxonomy_codes (f->tmp.store, "Internal Medicine", &error);
  g_assert_cmpuint (codes->len, ==, 5);
}

static void
test_medicare (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *nppes = generate (f, "npidata_pfile_20251006-20251012.csv", 300, 0);
  g_autofree char *path = generate (f, "MUP_PHY_R25_P05_V10_D23_Prov.csv", 300, 0);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "nppes",
                                                    "MUP_PHY_R25_P05_V10_D23_Prov.csv", NULL);
  g_autofree char *nameless = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) fixture_file = g_file_new_for_path (fixture);
  g_autoptr(GFile) nameless_file = NULL;
  g_autoptr(RpMedicareResult) result = NULL;
  g_autoptr(RpMedicareResult) small = NULL;
  g_autoptr(RpNppesResult) prospects = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  char npi[11];
  gint64 patients = 0;
  int year = 0;
  guint with_volume = 0;

  g_assert_cmpint (rp_medicare_year_from_name ("MUP_PHY_R25_P05_V10_D23_Prov.csv"), ==, 2023);
  g_assert_cmpint (rp_medicare_year_from_name ("medicare-2021.csv"), ==, 2021);
  g_assert_cmpint (rp_medicare_year_from_name ("providers.csv"), ==, 0);

  small = rp_medicare_import (f->tmp.store, fixture_file, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (small->imported, >, 5);
  g_assert_cmpuint (small->skipped + small->bad_npi, ==, 0);

  prospects = import (f->tmp.store, nppes, NULL, &error);
  g_assert_no_error (error);
  result = rp_medicare_import (f->tmp.store, file, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result->year, ==, 2023);
  g_assert_cmpuint (result->imported, >, 50);

  rp_registry_gen_npi (SEED, 0, npi);
  g_assert_true (rp_store_get_medicare_volume (f->tmp.store, npi, &patients, &year));
  g_assert_cmpint (patients, >, 10);
  g_assert_cmpint (year, ==, 2023);

  rows = rp_store_search_prospects (f->tmp.store, NULL, 0, &error);
  for (guint i = 0; i < rows->len; i++)
    if (((RpProspect *) g_ptr_array_index (rows, i))->medicare_patients > 0)
      with_volume++;
  g_assert_cmpuint (with_volume, ==, result->imported);

  nameless = write_text (f, "providers.csv", "Rndrng_NPI,Tot_Benes\n1234567893,20\n", -1);
  nameless_file = g_file_new_for_path (nameless);
  g_clear_pointer (&result, rp_medicare_result_free);
  g_assert_null (rp_medicare_import (f->tmp.store, nameless_file, 0, NULL, &error));
  g_assert_error (error, RP_REGISTRY_ERROR, RP_REGISTRY_ERROR_FORMAT);
  g_clear_error (&error);
  result = rp_medicare_import (f->tmp.store, nameless_file, 2022, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->imported, ==, 1);
}

/* Search and filters of the Prospects page. */
static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = generate (f, "npidata_pfile_20251006-20251012.csv", 2000, 0);
  g_autofree char *nucc = generate (f, "nucc_taxonomy_250.csv", 0, 0);
  g_autoptr(GFile) nucc_file = g_file_new_for_path (nucc);
  g_autoptr(RpNuccResult) nucc_result = NULL;
  g_autoptr(RpNppesResult) result = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  result = import (f->tmp.store, path, NULL, &error);
  nucc_result = rp_nucc_import (f->tmp.store, nucc_file, NULL, &error);
  g_assert_no_error (error);

  rows = rp_store_search_prospects (f->tmp.store, &(RpProspectFilter) { .search = "smi" }, 50,
                                    &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, >, 0);
  for (guint i = 0; i < rows->len; i++)
    g_assert_nonnull (strstr (((RpProspect *) g_ptr_array_index (rows, i))->display_name,
                              "Smith"));
  g_clear_pointer (&rows, g_ptr_array_unref);

  rows = rp_store_search_prospects (f->tmp.store,
                                    &(RpProspectFilter) { .specialty = "Cardiovascular" }, 0,
                                    &error);
  g_assert_cmpuint (rows->len, >, 0);
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpstr (((RpProspect *) g_ptr_array_index (rows, i))->taxonomy_label, ==,
                     "Cardiovascular Disease Physician");
  g_clear_pointer (&rows, g_ptr_array_unref);

  rows = rp_store_search_prospects (f->tmp.store,
                                    &(RpProspectFilter) { .city = "dayton",
                                                          .organization = "HEALTH" }, 0,
                                    &error);
  for (guint i = 0; i < rows->len; i++)
    {
      RpProspect *p = g_ptr_array_index (rows, i);

      g_assert_cmpstr (p->city, ==, "DAYTON");
      g_assert_nonnull (strstr (p->organization, "HEALTH"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/registry/nppes/state-filter", test_state_filter);
  ADD ("/registry/nppes/other-filters", test_other_filters);
  ADD ("/registry/nppes/within", test_within);
  ADD ("/registry/nppes/second-month", test_second_month);
  ADD ("/registry/nppes/other-header", test_other_header);
  ADD ("/registry/nppes/renamed-columns", test_reordered_header);
  ADD ("/registry/nppes/bad-rows", test_bad_rows);
  ADD ("/registry/nppes/empty-file", test_empty_file);
  ADD ("/registry/nppes/zip", test_zip);
  ADD ("/registry/nppes/cancel", test_cancel);
  ADD ("/registry/nppes/progress", test_progress);
  ADD ("/registry/nucc/import", test_nucc);
  ADD ("/registry/medicare/import", test_medicare);
  ADD ("/registry/prospects/search", test_search);
#undef ADD

  return g_test_run ();
}
