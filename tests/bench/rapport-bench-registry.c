/* rapport-bench-registry: the speed and memory figures of the public-registry imports.
 *
 *   import_nppes_rows_per_s     the NPPES import of a generated 2,000,000-row file (330 quoted
 *                               columns, the real header) with a state filter keeping ~5 %
 *   sqlite3_import_rows_per_s   the sqlite3 shell's `.import` of the same file into a plain
 *                               table, in the same run
 *   import_nppes_vs_sqlite3     the ratio of the two (above 1: Rapport is faster)
 *   import_nppes_peak_rss_mb    this process's peak resident set during the import
 *   prospects_search_p95_ms     search and filters of the Prospects page over 400,000 prospects
 *   map_prospects_box_p95_ms    the map's prospects in view (300 best, as the Map page asks)
 *                               over the same 400,000, placed through the ZIP gazetteer: boxes
 *                               of a town, a metro area, a state, the country and an empty one
 *
 * The generated files are written to $TMPDIR and deleted at the end. This is a developer tool:
 * its messages are not translated.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "rp-nppes-import.h"
#include "rp-registry-gen.h"
#include "rp-store-geocode.h"
#include "rp-store-practice.h"
#include "rp-store-prospects.h"
#include "rp-store.h"

#define SEED 7

static guint64 opt_rows = 2000000;
static guint64 opt_prospects = 400000;
static gboolean opt_keep;

static const GOptionEntry option_entries[] = {
  { "rows", 0, 0, G_OPTION_ARG_INT64, &opt_rows, "Rows of the NPPES file (default 2,000,000)",
    "N" },
  { "prospects", 0, 0, G_OPTION_ARG_INT64, &opt_prospects,
    "Prospects for the search figure (default 400,000)", "N" },
  { "keep", 0, 0, G_OPTION_ARG_NONE, &opt_keep, "Keep the generated files", NULL },
  { NULL }
};

static void
print_figure (const char *name,
              double      value,
              const char *format,
              const char *unit)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  printf ("%s %s %s\n", name, g_ascii_formatd (buf, sizeof buf, format, value), unit);
  fflush (stdout);
}

static char *
generate (const char *dir,
          guint64     rows)
{
  g_autofree char *name = g_strdup_printf ("npidata_pfile_bench_%" G_GUINT64_FORMAT ".csv", rows);
  char *path = g_build_filename (dir, name, NULL);
  static char buffer[1 << 20];
  FILE *out;
  gint64 start = g_get_monotonic_time ();

  out = fopen (path, "wb");
  if (out == NULL)
    g_error ("cannot write %s", path);
  setvbuf (out, buffer, _IOFBF, sizeof buffer);
  rp_registry_gen_write_nppes (out, rows, SEED, 0);
  if (fclose (out) != 0)
    g_error ("cannot write %s (disk full?)", path);
  g_printerr ("generated %s in %.1f s\n", path,
              (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  return path;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
p95 (GArray *samples)
{
  guint index;

  g_array_sort (samples, compare_doubles);
  index = (guint) (samples->len * 0.95);
  if (index >= samples->len)
    index = samples->len - 1;
  return g_array_index (samples, double, index);
}

static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static double
time_sqlite3_import (const char *dir,
                     const char *csv)
{
  g_autofree char *db = g_build_filename (dir, "plain.db", NULL);
  g_autofree char *script = g_strdup_printf (".mode csv\n.import '%s' npidata\n", csv);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;
  double seconds;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE,
                              &error, "sqlite3", db, NULL);
  if (process == NULL)
    {
      g_printerr ("sqlite3_import_rows_per_s: %s (install the sqlite3 package)\n",
                  error->message);
      return -1;
    }
  start = g_get_monotonic_time ();
  if (!g_subprocess_communicate_utf8 (process, script, NULL, NULL, NULL, &error) ||
      !g_subprocess_get_successful (process))
    {
      g_printerr ("sqlite3 .import failed: %s\n", error != NULL ? error->message : "exit status");
      return -1;
    }
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_unlink (db);
  return seconds;
}

/* The generator's places (rp-registry-gen.c) by the first three digits of their ZIP codes, with
 * a centre: its ZIP codes (<zip3>01…<zip3>20) lie on a grid of 0.04° around it. */
static const struct { const char *zip3; double lat; double lon; } zip_places[] = {
  { "432", 39.96, -83.00 }, { "430", 40.13, -82.93 }, { "441", 41.50, -81.69 },
  { "452", 39.10, -84.51 }, { "454", 39.76, -84.19 }, { "436", 41.65, -83.54 },
  { "443", 41.08, -81.52 }, { "900", 34.05, -118.24 }, { "921", 32.72, -117.16 },
  { "770", 29.76, -95.37 }, { "752", 32.78, -96.80 }, { "100", 40.71, -74.01 },
  { "142", 42.89, -78.88 }, { "331", 25.76, -80.19 }, { "328", 28.54, -81.38 },
  { "191", 39.95, -75.17 }, { "152", 40.44, -80.00 }, { "606", 41.88, -87.63 },
  { "482", 42.33, -83.05 }, { "303", 33.75, -84.39 }, { "282", 35.23, -80.84 },
  { "981", 47.61, -122.33 }, { "021", 42.36, -71.06 }, { "850", 33.45, -112.07 },
  { "462", 39.77, -86.16 }, { "402", 38.25, -85.76 }, { "253", 38.35, -81.63 },
};

/* A placed practice in Columbus and the gazetteer of the generator's ZIP codes: the import then
 * places every prospect (the map shows only placed ones). */
static void
place_practice_and_zips (RpStore *store)
{
  g_autoptr(RpPractice) practice = rp_store_get_practice (store, NULL);
  g_autoptr(RpLocation) location = rp_location_new ();
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (RpZctaEntry));
  g_autoptr(GError) error = NULL;

  rp_location_set_name (location, "Main office");
  rp_location_set_coordinates (location, 39.96, -83.00);
  g_list_store_append (rp_practice_get_locations (practice), location);
  if (!rp_store_save_practice (store, practice, &error))
    g_error ("cannot save the practice: %s", error->message);

  for (guint p = 0; p < G_N_ELEMENTS (zip_places); p++)
    for (guint d = 1; d <= 20; d++)
      {
        RpZctaEntry entry = { { 0 }, 0, 0 };

        g_snprintf (entry.zip, sizeof entry.zip, "%s%02u", zip_places[p].zip3, d);
        entry.lat = zip_places[p].lat + ((d - 1) % 5) * 0.04 - 0.08;
        entry.lon = zip_places[p].lon + ((d - 1) / 5) * 0.04 - 0.06;
        g_array_append_val (entries, entry);
      }
  if (!rp_store_import_zcta (store, (const RpZctaEntry *) (gpointer) entries->data,
                             entries->len, &error))
    g_error ("cannot import the gazetteer: %s", error->message);
}

/* The Map page's query for the view: 300 best undecided prospects in a box, over boxes from a
 * town to the country, and an empty one. */
static void
measure_map_boxes (RpStore *store)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  static const struct { const char *what; double half_lat; double half_lon; } sizes[] = {
    { "town", 0.03, 0.04 }, { "metro", 0.25, 0.3 }, { "state", 2.5, 3.0 },
  };
  GArray *by_size[5];

  for (guint k = 0; k < 5; k++)
    by_size[k] = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < 200; i++)
    {
      guint k = i % 5;
      guint p = (i / 5) % G_N_ELEMENTS (zip_places);
      RpGeoBox box;
      g_autoptr(GPtrArray) rows = NULL;
      g_autoptr(GError) error = NULL;
      gint64 start;
      double ms;

      if (k < 3)
        box = (RpGeoBox) { zip_places[p].lat - sizes[k].half_lat,
                           zip_places[p].lat + sizes[k].half_lat,
                           zip_places[p].lon - sizes[k].half_lon,
                           zip_places[p].lon + sizes[k].half_lon };
      else if (k == 3)
        box = (RpGeoBox) { 24.0, 50.0, -125.0, -66.0 };             /* the country */
      else
        box = (RpGeoBox) { 44.0 + (i % 7) * 0.1, 44.5 + (i % 7) * 0.1,
                           -101.0, -100.0 };                         /* South Dakota: none */

      start = g_get_monotonic_time ();
      rows = rp_store_list_prospects_in_box (store, &box, 300, &error);
      g_assert_no_error (error);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (samples, ms);
      g_array_append_val (by_size[k], ms);
      if (i < 5)
        g_printerr ("map box %u: %u prospects\n", k, rows->len);
    }
  for (guint k = 0; k < 5; k++)
    {
      static const char * const kinds[] = { "town", "metro", "state", "country", "empty" };

      g_printerr ("map box p95 for a %s: %.1f ms\n", kinds[k], p95 (by_size[k]));
      g_array_unref (by_size[k]);
    }
  print_figure ("map_prospects_box_p95_ms", p95 (samples), "%.1f", "ms");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- registry import figures");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *small_csv = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *search_db = NULL;
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpStore) search_store = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(RpNppesResult) result = NULL;
  g_autoptr(RpNppesResult) all = NULL;
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu_samples = g_array_new (FALSE, FALSE, sizeof (double));
  GArray *by_kind[5];
  RpNppesFilter filter = { .state = (char *) "OH" };
  struct rusage usage;
  double rapport_rate, sqlite_seconds;
  static const char * const words[] = { "smi", "john", "garc", "nguy", "pat", "lee", "mart",
                                        "clev", "dayt", "colum", "riverside", "mercy" };
  static const char * const specialties[] = { "Family", "Cardio", "Orthop", "Nurse", "Pediatr" };
  static const char * const cities[] = { "COLUMBUS", "DAYTON", "houston", "Chicago", "MIAMI" };
  int status = 0;

  g_option_context_add_main_entries (context, option_entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  dir = g_dir_make_tmp ("rapport-bench-registry-XXXXXX", &error);
  g_assert_no_error (error);

  /* 1. The import, first, so that the peak RSS is the import's. */
  csv = generate (dir, opt_rows);
  db_path = g_build_filename (dir, "import.db", NULL);
  store = rp_store_open (db_path, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (csv);
  result = rp_nppes_import (store, file, &filter, NULL, NULL, NULL, &error);
  if (result == NULL)
    {
      g_printerr ("import_nppes_rows_per_s: %s\n", error->message);
      return 1;
    }
  rapport_rate = result->rows_read / result->seconds;
  g_printerr ("kept %" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT " rows (%.1f %%) in %.1f s\n",
              result->rows_kept, result->rows_read, 100.0 * result->rows_kept / result->rows_read,
              result->seconds);
  print_figure ("import_nppes_rows_per_s", rapport_rate, "%.0f", "rows/s");
  getrusage (RUSAGE_SELF, &usage);
  print_figure ("import_nppes_peak_rss_mb", usage.ru_maxrss / 1024.0, "%.0f", "MB");
  g_clear_object (&store);

  /* 2. sqlite3's .import of the same file. */
  sqlite_seconds = time_sqlite3_import (dir, csv);
  if (sqlite_seconds > 0)
    {
      double sqlite_rate = opt_rows / sqlite_seconds;

      print_figure ("sqlite3_import_rows_per_s", sqlite_rate, "%.0f", "rows/s");
      print_figure ("import_nppes_vs_sqlite3", rapport_rate / sqlite_rate, "%.2f", "x");
    }
  else
    {
      status = 1;
    }
  if (!opt_keep)
    g_unlink (csv);

  /* 3. Search over 400,000 prospects: a file of that many rows, imported without a filter,
   * placed on the map through a gazetteer of the generator's ZIP codes. */
  small_csv = generate (dir, opt_prospects);
  search_db = g_build_filename (dir, "search.db", NULL);
  search_store = rp_store_open (search_db, &error);
  g_assert_no_error (error);
  place_practice_and_zips (search_store);
  g_clear_object (&file);
  file = g_file_new_for_path (small_csv);
  all = rp_nppes_import (search_store, file, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_printerr ("%u prospects for the search figure\n",
              rp_store_count_prospects (search_store, FALSE));
  if (!opt_keep)
    g_unlink (small_csv);

  for (guint k = 0; k < 5; k++)
    by_kind[k] = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < 200; i++)
    {
      double ms, cpu_ms;
      gint64 cpu_start;
      RpProspectFilter f = { 0 };
      g_autoptr(GPtrArray) rows = NULL;
      gint64 start;

      switch (i % 5)
        {
        case 0: f.search = words[i % G_N_ELEMENTS (words)]; break;
        case 1: f.specialty = specialties[i % G_N_ELEMENTS (specialties)]; break;
        case 2: f.city = cities[i % G_N_ELEMENTS (cities)]; break;
        case 3: f.search = words[i % G_N_ELEMENTS (words)];
                f.city = cities[i % G_N_ELEMENTS (cities)]; break;
        default: f.organization = "HEALTH"; break;
        }
      start = g_get_monotonic_time ();
      cpu_start = thread_cpu_us ();
      rows = rp_store_search_prospects (search_store, &f, 200, &error);
      g_assert_no_error (error);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      cpu_ms = (thread_cpu_us () - cpu_start) / 1000.0;
      g_array_append_val (cpu_samples, cpu_ms);
      g_array_append_val (samples, ms);
      g_array_append_val (by_kind[i % 5], ms);
    }
  for (guint k = 0; k < 5; k++)
    {
      static const char * const kinds[] = { "words", "specialty", "city", "words+city",
                                             "organisation" };

      g_printerr ("search p95 by %s: %.1f ms\n", kinds[k], p95 (by_kind[k]));
      g_array_unref (by_kind[k]);
    }
  print_figure ("prospects_search_p95_ms", p95 (samples), "%.1f", "ms");
  /* The same searches' CPU time: on a loaded machine the wall clock also counts waiting for a
   * core. */
  print_figure ("prospects_search_cpu_p95_ms", p95 (cpu_samples), "%.1f", "ms");

  measure_map_boxes (search_store);

  g_clear_object (&search_store);
  if (!opt_keep)
    {
      g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
      const char *name;

      while (d != NULL && (name = g_dir_read_name (d)) != NULL)
        {
          g_autofree char *path = g_build_filename (dir, name, NULL);
          g_unlink (path);
        }
      g_rmdir (dir);
    }
  return status;
}
