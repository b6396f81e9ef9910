/* rapport-bench-registry: the speed and memory figures of the public-registry imports.
 *
 *   import_nppes_rows_per_s     the NPPES import of a generated 2,000,000-row file (330 quoted
 *                               columns, the real header) with a state filter keeping ~5 %
 *   sqlite3_import_rows_per_s   the sqlite3 shell's `.import` of the same file into a plain
 *                               table, in the same run
 *   import_nppes_vs_sqlite3     the ratio of the two (above 1: Rapport is faster)
 *   import_nppes_peak_rss_mb    this process's peak resident set during the import
 *   prospects_search_p95_ms     search and filters of the Prospects page over 400,000 prospects
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

  /* 3. Search over 400,000 prospects: a file of that many rows, imported without a filter. */
  small_csv = generate (dir, opt_prospects);
  search_db = g_build_filename (dir, "search.db", NULL);
  search_store = rp_store_open (search_db, &error);
  g_assert_no_error (error);
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
