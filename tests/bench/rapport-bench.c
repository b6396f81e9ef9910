/* rapport-bench.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* rapport-bench: Rapport's speed figures on the bench-size sample network (100,000 partners,
 * 1,000,000 referrals, 300,000 activities).
 *
 * The database is built once per seed and schema version and cached in
 * $XDG_CACHE_HOME/rapport-bench/; the time the build took is kept in a side file next to it, so
 * later runs report the figure measured when it was built. Each figure is one line on stdout,
 * "name value unit"; progress and diagnostics go to stderr. The exit status is non-zero when a
 * figure could not be measured.
 *
 * The figures that start the app (startup_first_frame_ms, peak_rss_mb) need a display and a
 * private D-Bus session:
 *
 *   xvfb-run -a dbus-run-session -- _build/tests/bench/rapport-bench
 *
 * The app is told to report its first painted frame with RAPPORT_BENCH_FIRST_FRAME=1: it then
 * prints "rapport-first-frame-us N" on stdout, N being g_get_monotonic_time() at that frame.
 * Both processes read the same clock (CLOCK_MONOTONIC), so the difference with the time taken
 * just before the spawn is the start-up time, including exec and dynamic linking.
 *
 * This is a developer tool: its messages are not translated.
 */

#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "rp-csv-export.h"
#include "rp-export-job.h"

#include "rp-analytics-dashboard.h"
#include "rp-analytics.h"
#include "rp-document.h"
#include "rp-ics.h"
#include "rp-location.h"
#include "rp-partner-list.h"
#include "rp-partner-import.h"
#include "rp-partner.h"
#include "rp-practice.h"
#include "rp-referral-list.h"
#include "rp-route.h"
#include "rp-sample.h"
#include "rp-store-backup.h"
#include "rp-store-geo.h"
#include "rp-store-partners.h"
#include "rp-store-search-floor.h"
#include "rp-store-practice.h"
#include "rp-store-tasks.h"
#include "rp-store.h"
#include "rp-target-score.h"
#include "rp-task.h"
#include "rp-validate.h"
#include "rp-timeline-list.h"
#include "rp-visit-suggestions.h"

#ifndef RAPPORT_BIN
# define RAPPORT_BIN "rapport"
#endif

#ifndef RAPPORT_SCHEMA_DIR
# define RAPPORT_SCHEMA_DIR ""
#endif

#define FIRST_FRAME_PREFIX    "rapport-first-frame-us "
#define FIRST_FRAME_TIMEOUT_S 30
#define SETTLE_MS             2000
#define EXIT_TIMEOUT_S        10
#define N_SEARCHES            200
#define N_SCREEN_ROWS         30
#define N_OPEN_RUNS           5
#define N_TIMELINE_ROWS       50
#define N_TIMELINE_PAGES      20
#define CHILD_TAIL_LINES      40
#define N_REMINDER_TASKS      100000
#define N_NEXT_DUE_RUNS       50

/* Every figure this program knows, in the order they are printed. */
static const char * const figure_names[] = {
  "bench_db_build_s",
  "partner_list_open_ms",
  "partner_search_p50_ms",
  "partner_search_p95_ms",
  "partner_search_fts_p95_ms",
  "partner_search_vs_fts",
  "timeline_open_ms",
  "timeline_scroll_page_ms",
  "referrals_open_ms",
  "referrals_search_ms",
  "reminders_next_due_ms",
  "route_25_stops_ms",
  "map_viewport_ms",
  "planner_suggestions_ms",
  "target_rank_ms",
  "partners_by_distance_ms",
  "partners_within_10mi_ms",
  "week_ics_ms",
  "packet_pdf_ms",
  "import_csv_rows_per_s",
  "import_csv_cpu_s",
  "import_peak_rss_mb",
  "import_cancel_1m_unchanged",
  "export_referrals_csv_s",

  "analytics_monthly_ms",
  "analytics_top_referrers_ms",
  "analytics_trends_ms",
  "analytics_funnel_ms",
  "analytics_outcomes_ms",
  "analytics_feedback_ms",
  "analytics_outreach_ms",
  "analytics_gifts_ms",
  "analytics_dashboard_ms",
  "report_pdf_ms",
  "startup_first_frame_ms",
  "peak_rss_mb",
};

static gboolean opt_rebuild;
static char *opt_only;
static int opt_runs = 5;
static gint64 opt_seed = RP_SAMPLE_DEFAULT_SEED;
static gboolean opt_verbose;

static GStrv only_patterns;
static guint n_failures;

static const GOptionEntry option_entries[] = {
  { "rebuild", 0, 0, G_OPTION_ARG_NONE, &opt_rebuild,
    "Build the bench database again even when a cached one exists", NULL },
  { "only", 0, 0, G_OPTION_ARG_STRING, &opt_only,
    "Measure only these figures (comma-separated names or glob patterns)", "NAME[,NAME...]" },
  { "runs", 0, 0, G_OPTION_ARG_INT, &opt_runs,
    "App launches for the start-up figures; the first one warms the page cache (default 5)", "N" },
  { "seed", 0, 0, G_OPTION_ARG_INT64, &opt_seed,
    "Seed of the sample network (default: the sample's default seed)", "SEED" },
  { "verbose", 'v', 0, G_OPTION_ARG_NONE, &opt_verbose,
    "Echo the app's own output on stderr", NULL },
  { NULL }
};

/* ---------------------------------------------------------------------------------------- */
/* Figures                                                                                  */

static gboolean
wants (const char *name)
{
  if (only_patterns == NULL)
    return TRUE;

  for (guint i = 0; only_patterns[i] != NULL; i++)
    {
      if (g_pattern_match_simple (only_patterns[i], name))
        return TRUE;
    }

  return FALSE;
}

static gboolean
wants_any (const char *a,
           const char *b)
{
  return wants (a) || (b != NULL && wants (b));
}

/* Parses --only; every pattern must name at least one figure, so that a typo is not a silent
 * no-op. */
static gboolean
parse_only (GError **error)
{
  g_auto(GStrv) parts = NULL;
  GPtrArray *patterns;

  if (opt_only == NULL)
    return TRUE;

  parts = g_strsplit (opt_only, ",", -1);
  patterns = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *pattern = g_strstrip (parts[i]);
      gboolean found = FALSE;

      if (*pattern == '\0')
        continue;

      for (guint j = 0; j < G_N_ELEMENTS (figure_names); j++)
        {
          if (g_pattern_match_simple (pattern, figure_names[j]))
            found = TRUE;
        }

      if (!found)
        {
          GString *known = g_string_new (NULL);

          for (guint j = 0; j < G_N_ELEMENTS (figure_names); j++)
            g_string_append_printf (known, "%s%s", j > 0 ? ", " : "", figure_names[j]);

          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       "--only: no figure is called '%s' (known: %s)", pattern, known->str);
          g_string_free (known, TRUE);
          g_ptr_array_free (patterns, TRUE);
          return FALSE;
        }

      g_ptr_array_add (patterns, g_strdup (pattern));
    }

  if (patterns->len == 0)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           "--only: no figure given");
      g_ptr_array_free (patterns, TRUE);
      return FALSE;
    }

  g_ptr_array_add (patterns, NULL);
  only_patterns = (GStrv) g_ptr_array_free (patterns, FALSE);
  return TRUE;
}

static void
print_figure (const char *name,
              const char *value,
              const char *unit)
{
  if (!wants (name))
    return;

  printf ("%s %s %s\n", name, value, unit);
  fflush (stdout);
}

static void
print_ms (const char *name,
          double      ms)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  print_figure (name, g_ascii_formatd (buf, sizeof buf, "%.1f", ms), "ms");
}

static void
print_s (const char *name,
         double      s)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  print_figure (name, g_ascii_formatd (buf, sizeof buf, "%.1f", s), "s");
}

static void
print_mb (const char *name,
          double      mb)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  print_figure (name, g_ascii_formatd (buf, sizeof buf, "%.0f", mb), "MB");
}

static void
fail_figure (const char *name,
             const char *why)
{
  if (!wants (name))
    return;

  g_printerr ("rapport-bench: %s: not measured: %s\n", name, why);
  n_failures++;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Nearest-rank percentile of @n values (sorted in place). */
static double
percentile (double *values,
            guint   n,
            double  p)
{
  guint rank;

  g_assert (n > 0);

  qsort (values, n, sizeof *values, compare_doubles);
  rank = (guint) (p / 100.0 * n + 0.999999);
  rank = CLAMP (rank, 1, n);
  return values[rank - 1];
}

static double
median (double *values,
        guint   n)
{
  g_assert (n > 0);

  qsort (values, n, sizeof *values, compare_doubles);
  if (n % 2 == 1)
    return values[n / 2];
  return (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

static double
ms_since (gint64 start_us)
{
  return (g_get_monotonic_time () - start_us) / 1000.0;
}

/* ---------------------------------------------------------------------------------------- */
/* The bench database                                                                       */

typedef struct
{
  char    *db_path;
  char    *info_path;
  char    *partial_path;
  RpStore *store;
  double   build_s;
  gboolean cached;
} BenchDb;

static void
bench_db_clear (BenchDb *db)
{
  g_clear_object (&db->store);
  g_clear_pointer (&db->db_path, g_free);
  g_clear_pointer (&db->info_path, g_free);
  g_clear_pointer (&db->partial_path, g_free);
}

/* Removes a database file and the files SQLite keeps beside it. */
static gboolean
remove_database_files (const char  *path,
                       GError     **error)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      if (g_unlink (file) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       "Cannot remove %s: %s", file, g_strerror (saved_errno));
          return FALSE;
        }
    }

  return TRUE;
}

/* Opens the cached database when it is complete and of this schema version, with the build time
 * recorded beside it. Any problem means "not cached": the caller builds it again. */
static gboolean
open_cached (BenchDb *db)
{
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = NULL;
  double build_s;
  guint n_partners;

  if (!g_file_test (db->db_path, G_FILE_TEST_IS_REGULAR))
    return FALSE;

  if (!g_key_file_load_from_file (info, db->info_path, G_KEY_FILE_NONE, &error))
    {
      g_printerr ("rapport-bench: cached database has no usable %s (%s): rebuilding\n",
                  db->info_path, error->message);
      return FALSE;
    }

  build_s = g_key_file_get_double (info, "bench", "build-seconds", &error);
  if (error != NULL || build_s <= 0)
    {
      g_printerr ("rapport-bench: %s has no build time: rebuilding\n", db->info_path);
      return FALSE;
    }

  store = rp_store_open (db->db_path, &error);
  if (store == NULL)
    {
      g_printerr ("rapport-bench: cached database %s does not open (%s): rebuilding\n",
                  db->db_path, error->message);
      return FALSE;
    }

  if (rp_store_get_schema_version (store) != RP_STORE_SCHEMA_VERSION)
    {
      g_printerr ("rapport-bench: cached database has schema version %d, not %d: rebuilding\n",
                  rp_store_get_schema_version (store), RP_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  n_partners = rp_store_count_partners (store, FALSE) + rp_store_count_partners (store, TRUE);
  if (n_partners == 0)
    {
      g_printerr ("rapport-bench: cached database holds no partner: rebuilding\n");
      return FALSE;
    }

  {
    g_autofree char *today = g_key_file_get_string (info, "bench", "today", NULL);

    g_printerr ("rapport-bench: using cached %s (%u partners, built for %s)\n",
                db->db_path, n_partners, today != NULL ? today : "?");
  }

  db->store = g_steal_pointer (&store);
  db->build_s = build_s;
  db->cached = TRUE;
  return TRUE;
}

typedef struct
{
  gboolean tty;
  int      last_percent;
} BuildProgress;

static void
build_progress_cb (double   fraction,
                   gpointer user_data)
{
  BuildProgress *progress = user_data;
  int percent = (int) (CLAMP (fraction, 0.0, 1.0) * 100.0);

  if (progress->tty)
    {
      if (percent == progress->last_percent)
        return;
      g_printerr ("\rrapport-bench: building bench database... %3d%%", percent);
    }
  else
    {
      if (percent / 10 == progress->last_percent / 10)
        return;
      g_printerr ("rapport-bench: building bench database... %d%%\n", percent);
    }

  progress->last_percent = percent;
}

/* Builds the database into a partial file and renames it into place only once it is complete and
 * closed, so an interrupted build never leaves a half cache behind. The time covers creating the
 * file, generating the network and closing the store (which checkpoints the WAL). */
static gboolean
build_database (BenchDb  *db,
                GError  **error)
{
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDate) today = NULL;
  g_autoptr(RpStore) store = NULL;
  g_autofree char *today_iso = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *info_data = NULL;
  BuildProgress progress = { isatty (STDERR_FILENO), -1 };
  GStatBuf st;
  gint64 start;
  gsize info_len;

  if (!remove_database_files (db->partial_path, error))
    return FALSE;

  today = g_date_new_dmy ((GDateDay) g_date_time_get_day_of_month (now),
                          (GDateMonth) g_date_time_get_month (now),
                          (GDateYear) g_date_time_get_year (now));
  today_iso = g_date_time_format (now, "%Y-%m-%d");

  g_printerr ("rapport-bench: building bench database (seed %u, today %s) in %s\n",
              (guint32) opt_seed, today_iso, db->partial_path);

  start = g_get_monotonic_time ();

  store = rp_store_open (db->partial_path, error);
  if (store == NULL)
    return FALSE;

  if (!rp_sample_generate (store, RP_SAMPLE_SIZE_BENCH, (guint32) opt_seed, today,
                           build_progress_cb, &progress, error))
    {
      g_clear_object (&store);
      remove_database_files (db->partial_path, NULL);
      return FALSE;
    }

  /* Close: the last connection checkpoints the WAL into the main file and deletes it. */
  g_clear_object (&store);
  db->build_s = ms_since (start) / 1000.0;

  if (progress.tty)
    g_printerr ("\n");

  wal = g_strconcat (db->partial_path, "-wal", NULL);
  if (g_stat (wal, &st) == 0 && st.st_size > 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "%s still has a write-ahead log after closing: the store did not close "
                   "its connection", db->partial_path);
      return FALSE;
    }

  g_key_file_set_double (info, "bench", "build-seconds", db->build_s);
  g_key_file_set_uint64 (info, "bench", "seed", (guint32) opt_seed);
  g_key_file_set_integer (info, "bench", "schema-version", RP_STORE_SCHEMA_VERSION);
  g_key_file_set_string (info, "bench", "today", today_iso);
  info_data = g_key_file_to_data (info, &info_len, NULL);

  /* The side file first: without the database next to it, it is ignored. */
  if (!g_file_set_contents (db->info_path, info_data, info_len, error))
    return FALSE;

  if (!remove_database_files (db->db_path, error))
    return FALSE;

  if (g_rename (db->partial_path, db->db_path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Cannot rename %s to %s: %s", db->partial_path, db->db_path,
                   g_strerror (saved_errno));
      return FALSE;
    }

  /* An empty -wal or -shm of the partial file may remain; the database no longer needs them. */
  remove_database_files (db->partial_path, NULL);

  return TRUE;
}

static gboolean
prepare_database (BenchDb  *db,
                  GError  **error)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "rapport-bench", NULL);
  g_autofree char *base = g_strdup_printf ("bench-%u-v%d", (guint32) opt_seed,
                                           RP_STORE_SCHEMA_VERSION);

  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Cannot create %s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }

  db->db_path = g_strdup_printf ("%s/%s.db", dir, base);
  db->info_path = g_strdup_printf ("%s/%s.info", dir, base);
  db->partial_path = g_strdup_printf ("%s/%s.partial.db", dir, base);

  if (!opt_rebuild && open_cached (db))
    return TRUE;

  g_clear_object (&db->store);
  if (!build_database (db, error))
    return FALSE;

  db->store = rp_store_open (db->db_path, error);
  return db->store != NULL;
}

/* ---------------------------------------------------------------------------------------- */
/* Partner list figures (in process, no display)                                            */

/* What one screen of the Partners page needs: the row count and the first rows. */
static gboolean
fetch_screen (RpPartnerList  *list,
              guint          *n_items_out,
              GError        **error)
{
  const GError *list_error;
  guint n_items;

  n_items = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < MIN (n_items, N_SCREEN_ROWS); i++)
    {
      RpPartner *partner = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (partner == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       "row %u of %u is missing", i, n_items);
          return FALSE;
        }
      g_object_unref (partner);
    }

  list_error = rp_partner_list_get_error (list);
  if (list_error != NULL)
    {
      g_propagate_error (error, g_error_copy (list_error));
      return FALSE;
    }

  *n_items_out = n_items;
  return TRUE;
}

static void
measure_list_open (RpStore *store)
{
  double times[N_OPEN_RUNS];
  guint n_items = 0;

  g_printerr ("rapport-bench: opening the partner list %d times\n", N_OPEN_RUNS);

  for (guint run = 0; run < N_OPEN_RUNS; run++)
    {
      g_autoptr(RpPartnerList) list = NULL;
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      list = rp_partner_list_new (store);
      if (!fetch_screen (list, &n_items, &error))
        {
          fail_figure ("partner_list_open_ms", error->message);
          return;
        }
      times[run] = ms_since (start);
    }

  if (n_items == 0)
    {
      fail_figure ("partner_list_open_ms", "the partner list of the bench database is empty");
      return;
    }

  g_printerr ("rapport-bench: partner list: %u rows; first open %.1f ms\n", n_items, times[0]);
  print_ms ("partner_list_open_ms", median (times, N_OPEN_RUNS));
}

/* The first word of @text, as far as its letters and digits go ("O'Brien" gives "O"). */
static char *
dup_first_word (const char *text)
{
  const char *p = text;

  if (text == NULL)
    return NULL;

  while (*p != '\0' && !g_unichar_isalnum (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  text = p;
  while (*p != '\0' && g_unichar_isalnum (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);

  if (p == text)
    return NULL;

  return g_utf8_strdown (text, p - text);
}

/* 200 prefixes as a user types them ("m", "ma", "mar", "mart"), of real words from the data: the
 * last names, organisations and cities of partners picked at random with a fixed seed. */
static GPtrArray *
make_search_prefixes (RpStore  *store,
                      GError  **error)
{
  g_autoptr(RpPartnerFilter) filter = rp_partner_filter_new ();
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) picked = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) partners = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (RP_SAMPLE_DEFAULT_SEED);
  GPtrArray *prefixes = g_ptr_array_new_with_free_func (g_free);

  ids = rp_store_query_partner_ids (store, filter, error);
  if (ids == NULL)
    goto fail;
  if (ids->len == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           "the bench database holds no current partner");
      goto fail;
    }

  /* Never more than 4 prefixes a word, so 200 partners are always enough. */
  for (guint i = 0; i < N_SEARCHES; i++)
    {
      gint64 id = g_array_index (ids, gint64, g_rand_int_range (rand, 0, (gint32) ids->len));

      g_array_append_val (picked, id);
    }

  partners = rp_store_load_partners (store, (const gint64 *) picked->data, picked->len, NULL,
                                     error);
  if (partners == NULL)
    goto fail;

  for (guint i = 0; i < partners->len && prefixes->len < N_SEARCHES; i++)
    {
      RpPartner *partner = g_ptr_array_index (partners, i);
      const char *fields[3];
      g_autofree char *word = NULL;
      glong len;

      fields[0] = rp_partner_get_last_name (partner);
      fields[1] = rp_partner_get_organization (partner);
      fields[2] = rp_partner_get_city (partner);

      /* Take turns between the three, falling back to the next one that is not empty. */
      for (guint f = 0; f < G_N_ELEMENTS (fields) && word == NULL; f++)
        word = dup_first_word (fields[(i + f) % G_N_ELEMENTS (fields)]);
      if (word == NULL)
        continue;

      len = MIN (g_utf8_strlen (word, -1), 4);
      for (glong n = 1; n <= len && prefixes->len < N_SEARCHES; n++)
        {
          const char *end = g_utf8_offset_to_pointer (word, n);

          g_ptr_array_add (prefixes, g_strndup (word, end - word));
        }
    }

  if (prefixes->len < N_SEARCHES)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "only %u search prefixes could be made from the data", prefixes->len);
      goto fail;
    }

  return prefixes;

fail:
  g_ptr_array_free (prefixes, TRUE);
  return NULL;
}

/* The floor of a search, in the same run on the same file: the raw FTS5 count and first page of
 * rowids for the same prefixes (rp_store_search_floor), and how many times slower the Partners
 * list's search is than it (partner_search_vs_fts, p95 against p95). Each prefix's floor is
 * measured beside its search, one before the other in turn, so that the load of a shared machine
 * weighs on both alike. */
#define FLOOR_PAGE 50

static gboolean
wants_floor (void)
{
  return wants_any ("partner_search_fts_p95_ms", "partner_search_vs_fts");
}

/* The floor's time for @prefix in ms, or a negative number with @error set. */
static double
time_search_floor (RpStore     *store,
                   const char  *prefix,
                   GError     **error)
{
  g_autoptr(GArray) ids = NULL;
  guint n_matches = 0;
  gint64 start = g_get_monotonic_time ();

  ids = rp_store_search_floor (store, prefix, FLOOR_PAGE, &n_matches, error);
  if (ids == NULL)
    return -1.0;

  return ms_since (start);
}

static void
print_search_floor (const double *floor_times,
                    guint         n_times,
                    double        search_p95)
{
  double floor_p95 = percentile ((double *) floor_times, n_times, 95);
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  print_ms ("partner_search_fts_p95_ms", floor_p95);
  print_figure ("partner_search_vs_fts",
                g_ascii_formatd (buf, sizeof buf, "%.2f",
                                 search_p95 / MAX (floor_p95, 0.001)), "x");
}

static void
measure_search (RpStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) prefixes = NULL;
  g_autoptr(RpPartnerList) list = NULL;
  double times[N_SEARCHES];
  double floor_times[N_SEARCHES];
  g_autoptr(GError) floor_error = NULL;
  gboolean floor = wants_floor ();
  guint64 total_rows = 0;
  guint n_empty = 0;
  double p50;
  double p95;
  double slowest = 0;
  const char *slowest_prefix = "";
  /* By the prefix's length in letters (1 to 4), for the diagnostics. */
  double by_length_ms[5] = { 0, };
  guint64 by_length_rows[5] = { 0, };
  guint by_length_n[5] = { 0, };

  prefixes = make_search_prefixes (store, &error);
  if (prefixes == NULL)
    {
      fail_figure ("partner_search_p50_ms", error->message);
      fail_figure ("partner_search_p95_ms", error->message);
      return;
    }

  g_printerr ("rapport-bench: %u typed searches ('%s', '%s', '%s', ...)\n", prefixes->len,
              (char *) g_ptr_array_index (prefixes, 0), (char *) g_ptr_array_index (prefixes, 1),
              (char *) g_ptr_array_index (prefixes, 2));

  list = rp_partner_list_new (store);
  g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < prefixes->len; i++)
    {
      const char *prefix = g_ptr_array_index (prefixes, i);
      guint n_items = 0;
      gint64 start;

      /* The floor first for every other prefix, after the search for the others. */
      if (floor && i % 2 == 0)
        floor = (floor_times[i] = time_search_floor (store, prefix, &floor_error)) >= 0;
      start = g_get_monotonic_time ();
      rp_partner_list_set_search (list, prefix);
      if (!fetch_screen (list, &n_items, &error))
        {
          g_prefix_error (&error, "search '%s': ", prefix);
          fail_figure ("partner_search_p50_ms", error->message);
          fail_figure ("partner_search_p95_ms", error->message);
          return;
        }
      times[i] = ms_since (start);
      if (floor && i % 2 == 1)
        floor = (floor_times[i] = time_search_floor (store, prefix, &floor_error)) >= 0;

      total_rows += n_items;
      {
        glong len = MIN (g_utf8_strlen (prefix, -1), 4);

        by_length_ms[len] += times[i];
        by_length_rows[len] += n_items;
        by_length_n[len]++;
      }
      if (n_items == 0)
        n_empty++;
      if (times[i] > slowest)
        {
          slowest = times[i];
          slowest_prefix = prefix;
        }
    }

  g_printerr ("rapport-bench: searches matched %.0f rows on average, %u matched none; "
              "slowest '%s' %.1f ms\n",
              (double) total_rows / prefixes->len, n_empty, slowest_prefix, slowest);
  for (guint len = 1; len < G_N_ELEMENTS (by_length_n); len++)
    {
      if (by_length_n[len] == 0)
        continue;
      g_printerr ("rapport-bench:   %u-letter searches: %u, mean %.1f ms, %.0f rows on average\n",
                  len, by_length_n[len], by_length_ms[len] / by_length_n[len],
                  (double) by_length_rows[len] / by_length_n[len]);
    }

  if (n_empty == prefixes->len)
    {
      fail_figure ("partner_search_p50_ms", "no search matched anything: the search is broken");
      fail_figure ("partner_search_p95_ms", "no search matched anything: the search is broken");
      return;
    }

  p95 = percentile (times, prefixes->len, 95);
  p50 = percentile (times, prefixes->len, 50);
  print_ms ("partner_search_p50_ms", p50);
  print_ms ("partner_search_p95_ms", p95);

  if (floor_error != NULL)
    {
      fail_figure ("partner_search_fts_p95_ms", floor_error->message);
      fail_figure ("partner_search_vs_fts", floor_error->message);
    }
  else if (floor)
    {
      print_search_floor (floor_times, prefixes->len, p95);
    }
}

/* ---------------------------------------------------------------------------------------- */
/* Timeline figures (in process, no display)                                                */

/* Reads items [@start, @end) of @list, as rows coming into view would. */
static void
fetch_timeline_rows (GListModel *list,
                     guint       start,
                     guint       end)
{
  for (guint i = start; i < end; i++)
    {
      g_autoptr(RpTimelineItem) item = g_list_model_get_item (list, i);

      g_assert (item != NULL);
    }
}

/* timeline_open_ms: a new all-partners timeline with the default filter and its first
 * N_TIMELINE_ROWS items, median of N_OPEN_RUNS. timeline_scroll_page_ms: load_more() and reading
 * the new page's items, N_TIMELINE_PAGES times in a row; the p95 of those pages. */
static void
measure_timeline (RpStore *store)
{
  g_autoptr(RpTimelineFilter) filter = rp_timeline_filter_new ();
  g_autoptr(RpTimelineList) list = NULL;
  double open_times[N_OPEN_RUNS];
  double page_times[N_TIMELINE_PAGES];
  guint n_items = 0;

  g_printerr ("rapport-bench: opening the timeline %d times\n", N_OPEN_RUNS);

  for (guint run = 0; run < N_OPEN_RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();

      g_clear_object (&list);
      list = rp_timeline_list_new (store, filter);
      n_items = MIN (N_TIMELINE_ROWS, g_list_model_get_n_items (G_LIST_MODEL (list)));
      fetch_timeline_rows (G_LIST_MODEL (list), 0, n_items);
      open_times[run] = ms_since (start);
    }

  if (n_items == 0)
    {
      fail_figure ("timeline_open_ms", "the timeline of the bench database is empty");
      fail_figure ("timeline_scroll_page_ms", "the timeline of the bench database is empty");
      return;
    }

  g_printerr ("rapport-bench: timeline: first open %.1f ms\n", open_times[0]);
  if (wants ("timeline_open_ms"))
    print_ms ("timeline_open_ms", median (open_times, N_OPEN_RUNS));

  if (!wants ("timeline_scroll_page_ms"))
    return;

  for (guint page = 0; page < N_TIMELINE_PAGES; page++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      guint first = g_list_model_get_n_items (G_LIST_MODEL (list));
      guint added;

      added = rp_timeline_list_load_more (list, &error);
      if (error != NULL)
        {
          fail_figure ("timeline_scroll_page_ms", error->message);
          return;
        }
      if (added == 0)
        {
          fail_figure ("timeline_scroll_page_ms", "the timeline ended before 20 pages");
          return;
        }
      fetch_timeline_rows (G_LIST_MODEL (list), first, first + added);
      page_times[page] = ms_since (start);
    }

  g_printerr ("rapport-bench: timeline: %u rows after %d pages\n",
              g_list_model_get_n_items (G_LIST_MODEL (list)), N_TIMELINE_PAGES);
  print_ms ("timeline_scroll_page_ms", percentile (page_times, N_TIMELINE_PAGES, 95));
}

/* ---------------------------------------------------------------------------------------- */
/* Reminder figures (in process, no display)                                                */

/* Fills @store with N_REMINDER_TASKS tasks over ten years, most done or notified as in a
 * database that has been used for years, a fifth of them still open and not yet notified. */
static gboolean
fill_reminder_tasks (RpStore  *store,
                     GError  **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed ((guint32) opt_seed);

  if (!rp_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < N_REMINDER_TASKS; i++)
    {
      g_autoptr(RpTask) task = rp_task_new (RP_TASK_KIND_FOLLOW_UP);
      g_autoptr(GDate) date = g_date_new_dmy (1, 1, 2020);
      g_autofree char *due_on = NULL;
      g_autofree char *due_time = NULL;
      guint day = (guint) g_rand_int_range (rand, 0, 3650);
      guint fate = (guint) g_rand_int_range (rand, 0, 5);

      g_date_add_days (date, day);
      due_on = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date),
                                g_date_get_month (date), g_date_get_day (date));
      due_time = i % 3 == 0 ? g_strdup ("")
                            : g_strdup_printf ("%02d:%02d", g_rand_int_range (rand, 7, 19),
                                               g_rand_int_range (rand, 0, 60));
      rp_task_set_due_on (task, due_on);
      rp_task_set_due_time (task, due_time);
      if (fate < 3)
        rp_task_set_done_at (task, "2025-01-01T00:00:00Z");
      else if (fate == 3)
        rp_task_set_notified_at (task, "2025-01-01T00:00:00Z");

      if (!rp_store_insert_task (store, task, error))
        {
          rp_store_rollback (store);
          return FALSE;
        }
    }

  return rp_store_commit (store, error);
}

/* reminders_next_due_ms: rp_store_dup_next_due() over N_REMINDER_TASKS tasks (a :memory: store
 * of its own, since the bench network holds fewer), median of N_NEXT_DUE_RUNS calls. */
static void
measure_next_due (RpStore *bench_store)
{
  g_autoptr(RpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  double times[N_NEXT_DUE_RUNS];
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *next = NULL;

  store = rp_store_open (":memory:", &error);
  if (store == NULL || !fill_reminder_tasks (store, &error))
    {
      fail_figure ("reminders_next_due_ms", error->message);
      return;
    }

  g_printerr ("rapport-bench: next due over %u tasks, %d times\n",
              rp_store_count_rows (store, "task"), N_NEXT_DUE_RUNS);

  for (guint run = 0; run < N_NEXT_DUE_RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();

      g_clear_pointer (&next, g_free);
      next = rp_store_dup_next_due (store, "09:00", &error);
      times[run] = ms_since (start);

      if (error != NULL)
        {
          fail_figure ("reminders_next_due_ms", error->message);
          return;
        }
    }

  if (next == NULL)
    {
      fail_figure ("reminders_next_due_ms", "no open task was found: the query is broken");
      return;
    }

  /* The bench network's own tasks, for comparison. */
  if (bench_store != NULL)
    {
      gint64 start = g_get_monotonic_time ();
      g_autofree char *bench_next = rp_store_dup_next_due (bench_store, "09:00", NULL);

      g_printerr ("rapport-bench: next due: %s; on the bench network (%u tasks): %s in %.2f ms\n",
                  next, rp_store_count_rows (bench_store, "task"),
                  bench_next != NULL ? bench_next : "none", ms_since (start));
    }

  /* Three decimals: the figure is far below the 0.1 ms that print_ms() shows. */
  print_figure ("reminders_next_due_ms",
                g_ascii_formatd (buf, sizeof buf, "%.3f", median (times, N_NEXT_DUE_RUNS)),
                "ms");
}

/* ---------------------------------------------------------------------------------------- */
/* Map and planner figures (in process, no display)                                         */

#define N_ROUTE_RUNS    200
#define N_ROUTE_STOPS   25
#define N_VIEWPORT_RUNS 10

/* Columbus, Ohio: the sample network's city. */
static const RpGeoPoint bench_origin = { 39.9612, -82.9988 };

/* The median time of optimising 200 random sets of 25 stops within about 30 km of Columbus
 * (a fixed seed), as the planner does for a day. */
static void
measure_route (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (25);
  double times[N_ROUTE_RUNS];
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  double saved = 0.0;

  g_printerr ("rapport-bench: optimising %d routes of %d stops\n", N_ROUTE_RUNS, N_ROUTE_STOPS);

  for (guint run = 0; run < N_ROUTE_RUNS; run++)
    {
      RpGeoPoint stops[N_ROUTE_STOPS];
      g_autoptr(RpRoute) route = NULL;
      g_autoptr(RpRoute) nn = NULL;
      gint64 start;

      for (guint i = 0; i < N_ROUTE_STOPS; i++)
        {
          stops[i].lat = bench_origin.lat + g_rand_double_range (rand, -0.27, 0.27);
          stops[i].lon = bench_origin.lon + g_rand_double_range (rand, -0.35, 0.35);
        }

      start = g_get_monotonic_time ();
      route = rp_route_optimize (bench_origin, stops, N_ROUTE_STOPS, FALSE);
      times[run] = ms_since (start);

      nn = rp_route_nearest_neighbour (bench_origin, stops, N_ROUTE_STOPS, FALSE);
      saved += (nn->total_km - route->total_km) / nn->total_km;
    }

  g_printerr ("rapport-bench: routes are %.1f %% shorter than nearest neighbour on average\n",
              100.0 * saved / N_ROUTE_RUNS);

  /* Three decimals: the figure is far below the 0.1 ms that print_ms() shows. */
  print_figure ("route_25_stops_ms",
                g_ascii_formatd (buf, sizeof buf, "%.3f", median (times, N_ROUTE_RUNS)), "ms");
}

/* The 95th percentile of the Map page's viewport query over the whole Columbus area and a few
 * zoomed-in boxes, with the cell size the page uses (about 64 pixels of a 1280-pixel-wide map). */
static void
measure_map_viewport (RpStore *store)
{
  static const struct
  {
    RpGeoBox box;
    double   cell;
  } views[] = {
    { { 39.40, 40.50, -83.70, -82.30 }, 0.07 },     /* the metro area, zoom 9 */
    { { 39.70, 40.25, -83.35, -82.65 }, 0.035 },    /* zoom 10 */
    { { 39.85, 40.10, -83.17, -82.83 }, 0.0175 },   /* the city, zoom 11 */
    { { 39.93, 40.00, -83.04, -82.96 }, 0.0044 },   /* downtown, zoom 13 */
    { { 40.08, 40.12, -83.14, -83.09 }, 0.0011 },   /* Dublin, zoom 15 */
  };
  g_autoptr(RpPartnerFilter) filter = rp_partner_filter_new ();
  double times[G_N_ELEMENTS (views) * N_VIEWPORT_RUNS];
  guint n = 0;

  g_printerr ("rapport-bench: map viewport queries over %u views, %d times each\n",
              (guint) G_N_ELEMENTS (views), N_VIEWPORT_RUNS);

  /* The first query reads the store's copy of the partners' places; the page pays it once. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GArray) markers = NULL;
    gint64 start = g_get_monotonic_time ();

    markers = rp_store_query_map_markers (store, filter, &views[0].box, views[0].cell,
                                          views[0].cell, &error);
    if (markers == NULL)
      {
        fail_figure ("map_viewport_ms", error->message);
        return;
      }
    g_printerr ("rapport-bench: first map query %.1f ms, %u markers\n", ms_since (start),
                markers->len);
  }

  for (guint run = 0; run < N_VIEWPORT_RUNS; run++)
    for (guint v = 0; v < G_N_ELEMENTS (views); v++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GArray) markers = NULL;
        gint64 start = g_get_monotonic_time ();

        markers = rp_store_query_map_markers (store, filter, &views[v].box, views[v].cell,
                                              views[v].cell, &error);
        times[n++] = ms_since (start);
        if (markers == NULL)
          {
            fail_figure ("map_viewport_ms", error->message);
            return;
          }
      }

  print_ms ("map_viewport_ms", percentile (times, n, 95));
}

/* ---------------------------------------------------------------------------------------- */
/* Planner, target list and document figures (in process, no display)                      */

#define N_PLANNER_RUNS 5
#define WITHIN_10MI_KM 16.09344

/* Each of these figures is the median of N_PLANNER_RUNS calls after one that warms the caches
 * (SQLite's pages, the store's prepared statements), as a page that opens a second time. */
typedef gboolean (*MeasureFunc) (RpStore  *store,
                                 gpointer  data,
                                 guint    *n_out,
                                 GError  **error);

/* The processor time this process (every thread) has used, in ms. */
static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

static void
measure_median (RpStore     *store,
                const char  *name,
                const char  *what,
                MeasureFunc  func,
                gpointer     data)
{
  double times[N_PLANNER_RUNS];
  double cpu_times[N_PLANNER_RUNS];
  double first = 0;
  guint n = 0;

  for (guint run = 0; run <= N_PLANNER_RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      double cpu_start = cpu_ms ();

      if (!func (store, data, &n, &error))
        {
          fail_figure (name, error->message);
          return;
        }
      if (run == 0)
        first = ms_since (start);
      else
        {
          times[run - 1] = ms_since (start);
          cpu_times[run - 1] = cpu_ms () - cpu_start;
        }
    }

  /* On a shared machine the wall-clock time includes waiting for a core; the processor time
   * (every thread's, user and system) says what the figure costs. */
  g_printerr ("rapport-bench: %s: %u %s; first call %.1f ms; processor time %.1f ms\n", name, n,
              what, first, median (cpu_times, N_PLANNER_RUNS));
  print_ms (name, median (times, N_PLANNER_RUNS));
}

/* The practice's origin, as the Partners page and the target list dialog take it; Columbus when
 * the practice is not placed. */
static RpGeoPoint
practice_origin (RpStore *store)
{
  g_autoptr(RpPractice) practice = rp_store_get_practice (store, NULL);
  RpLocation *origin = practice != NULL ? rp_practice_get_origin (practice) : NULL;

  if (origin != NULL && rp_location_get_has_coordinates (origin))
    return (RpGeoPoint) { rp_location_get_latitude (origin),
                          rp_location_get_longitude (origin) };

  g_printerr ("rapport-bench: the practice has no location: distances from Columbus\n");
  return bench_origin;
}

static gboolean
run_suggestions (RpStore  *store,
                 gpointer  data,
                 guint    *n_out,
                 GError  **error)
{
  g_autoptr(GPtrArray) suggestions = NULL;
  RpSuggestionParams params;

  rp_suggestion_params_init (&params);
  suggestions = rp_visit_suggestions_compute (store, &params, error);
  if (suggestions == NULL)
    return FALSE;

  *n_out = suggestions->len;
  return TRUE;
}

static gboolean
run_referrals_open (RpStore  *store,
                    gpointer  data,
                    guint    *n_out,
                    GError  **error)
{
  g_autoptr(RpReferralList) list = rp_referral_list_new (store);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < MIN (n_items, 50); i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));

  *n_out = n_items;
  return TRUE;
}

/* referrals_open_ms: the Referrals page's list with the default filter, its length and its
 * first 50 referrals. */
static void
measure_referrals_open (RpStore *store)
{
  measure_median (store, "referrals_open_ms", "referrals", run_referrals_open, NULL);
}

static gboolean
run_referrals_search (RpStore  *store,
                      gpointer  data,
                      guint    *n_out,
                      GError  **error)
{
  g_autoptr(RpReferralList) list = rp_referral_list_new (store);
  g_autoptr(RpReferralFilter) filter = rp_referral_filter_new ();
  guint n_items;

  filter->search = g_strdup (data);
  rp_referral_list_set_filter (list, filter);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint i = 0; i < MIN (n_items, 50); i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));

  *n_out = n_items;
  return TRUE;
}

/* referrals_search_ms: the Referrals page searching "knee" (a tenth of the referrals by reason,
 * the most common kind of search), its count and its first 50 referrals. */
static void
measure_referrals_search (RpStore *store)
{
  measure_median (store, "referrals_search_ms", "referrals", run_referrals_search,
                  (gpointer) "knee");
}

/* planner_suggestions_ms: "Who to visit" for this week with the default parameters. */
static void
measure_suggestions (RpStore *store)
{
  measure_median (store, "planner_suggestions_ms", "suggestions", run_suggestions, NULL);
}

static gboolean
run_target_rank (RpStore  *store,
                 gpointer  data,
                 guint    *n_out,
                 GError  **error)
{
  g_autoptr(GPtrArray) candidates = NULL;
  RpTargetParams params;

  rp_target_params_init (&params);
  params.has_origin = TRUE;
  params.origin = *(const RpGeoPoint *) data;
  params.limit = 100;
  candidates = rp_target_rank (store, &params, error);
  if (candidates == NULL)
    return FALSE;

  *n_out = candidates->len;
  return TRUE;
}

/* target_rank_ms: the target list dialog's ranking of all current partners with the default
 * weights from the practice's origin, the best 100. */
static void
measure_target_rank (RpStore *store)
{
  RpGeoPoint origin = practice_origin (store);

  measure_median (store, "target_rank_ms", "candidates", run_target_rank, &origin);
}

static gboolean
run_partner_ids (RpStore  *store,
                 gpointer  data,
                 guint    *n_out,
                 GError  **error)
{
  g_autoptr(GArray) ids = rp_store_query_partner_ids (store, data, error);

  if (ids == NULL)
    return FALSE;

  *n_out = ids->len;
  return TRUE;
}

/* partners_by_distance_ms: the Partners page's ids sorted by distance from the practice's
 * origin; partners_within_10mi_ms: those within 10 miles, by name. */
static void
measure_partners_by_distance (RpStore *store)
{
  g_autoptr(RpPartnerFilter) filter = rp_partner_filter_new ();
  RpGeoPoint origin = practice_origin (store);

  filter->has_origin = TRUE;
  filter->origin_lat = origin.lat;
  filter->origin_lon = origin.lon;

  if (wants ("partners_by_distance_ms"))
    {
      filter->sort = RP_PARTNER_SORT_DISTANCE;
      measure_median (store, "partners_by_distance_ms", "partners", run_partner_ids, filter);
    }

  if (wants ("partners_within_10mi_ms"))
    {
      filter->sort = RP_PARTNER_SORT_NAME;
      filter->within_km = WITHIN_10MI_KM;
      measure_median (store, "partners_within_10mi_ms", "partners", run_partner_ids, filter);
    }
}

static gboolean
run_week_ics (RpStore  *store,
              gpointer  data,
              guint    *n_out,
              GError  **error)
{
  g_autofree char *text = rp_ics_export_week (store, data, error);
  const char *p;

  if (text == NULL)
    return FALSE;

  *n_out = 0;
  for (p = strstr (text, "BEGIN:VEVENT"); p != NULL; p = strstr (p + 1, "BEGIN:VEVENT"))
    (*n_out)++;
  return TRUE;
}

/* week_ics_ms: "Export week" of the current week as iCalendar text. */
static void
measure_week_ics (RpStore *store)
{
  g_autofree char *monday = rp_week_monday (NULL);

  measure_median (store, "week_ics_ms", "events", run_week_ics, monday);
}

typedef struct
{
  RpPractice *practice;
  RpPartner  *partner;
  char       *path;
} PacketRun;

static gboolean
run_packet (RpStore  *store,
            gpointer  data,
            guint    *n_out,
            GError  **error)
{
  PacketRun *packet = data;
  g_autoptr(GPtrArray) partners = g_ptr_array_new ();
  g_autoptr(RpDocument) document = NULL;
  RpPacketOptions options = { TRUE, NULL };

  g_ptr_array_add (partners, packet->partner);
  document = rp_document_new_packets (store, packet->practice, partners, &options);
  if (!rp_document_write_pdf (document, packet->path, RP_PAPER_LETTER, error))
    return FALSE;

  *n_out = rp_document_get_n_pages (document);
  return TRUE;
}

/* packet_pdf_ms: one partner's referral packet with the year's summary, as `rapport --packet`
 * writes it: laid out and written to a PDF file in a temporary directory. The partner is the
 * first by name. */
static void
measure_packet (RpStore *store)
{
  g_autoptr(RpPartnerFilter) filter = rp_partner_filter_new ();
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RpPractice) practice = NULL;
  g_autoptr(RpPartner) partner = NULL;
  g_autofree char *dir = NULL;
  PacketRun packet;

  ids = rp_store_query_partner_ids (store, filter, &error);
  if (ids != NULL && ids->len == 0)
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_FAILED,
                         "the bench database holds no current partner");
  if (ids != NULL && ids->len > 0)
    partner = rp_store_get_partner (store, g_array_index (ids, gint64, 0), &error);
  if (partner != NULL)
    practice = rp_store_get_practice (store, &error);
  if (practice != NULL)
    dir = g_dir_make_tmp ("rapport-bench-XXXXXX", &error);
  if (dir == NULL)
    {
      fail_figure ("packet_pdf_ms", error->message);
      return;
    }

  packet.practice = practice;
  packet.partner = partner;
  packet.path = g_build_filename (dir, "packet.pdf", NULL);
  measure_median (store, "packet_pdf_ms", "pages", run_packet, &packet);

  g_unlink (packet.path);
  g_rmdir (dir);
  g_free (packet.path);
}

/* ---------------------------------------------------------------------------------------- */
/* App start-up figures (a display and a D-Bus session)                                     */

typedef struct
{
  GSubprocess      *process;
  GDataInputStream *output;
  GCancellable     *cancellable;
  GMainLoop        *loop;
  GQueue            tail;        /* the child's last lines, for a failure report */
  gint64            spawned_at;
  gint64            first_frame_at;
  gboolean          got_frame;
  gboolean          reading;
  gboolean          eof;
  gboolean          waiting;
  gboolean          exited;
  gboolean          timed_out;
} AppRun;

static void read_next_line (AppRun *run);

static void
read_line_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  AppRun *run = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;

  run->reading = FALSE;
  line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (object), result, NULL,
                                                    &error);

  if (line == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          if (error != NULL)
            g_queue_push_tail (&run->tail, g_strdup_printf ("(reading failed: %s)",
                                                            error->message));
          run->eof = TRUE;
          g_main_loop_quit (run->loop);
        }
      return;
    }

  if (!run->got_frame && g_str_has_prefix (line, FIRST_FRAME_PREFIX))
    {
      gint64 value;

      if (g_ascii_string_to_signed (line + strlen (FIRST_FRAME_PREFIX), 10, 1, G_MAXINT64,
                                    &value, NULL))
        {
          run->first_frame_at = value;
          run->got_frame = TRUE;
          g_main_loop_quit (run->loop);
        }
    }

  if (opt_verbose)
    g_printerr ("rapport| %s\n", line);

  g_queue_push_tail (&run->tail, g_steal_pointer (&line));
  while (run->tail.length > CHILD_TAIL_LINES)
    g_free (g_queue_pop_head (&run->tail));

  read_next_line (run);
}

static void
read_next_line (AppRun *run)
{
  run->reading = TRUE;
  g_data_input_stream_read_line_async (run->output, G_PRIORITY_DEFAULT, run->cancellable,
                                       read_line_cb, run);
}

static void
wait_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  AppRun *run = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL);
  run->waiting = FALSE;
  run->exited = TRUE;
  g_main_loop_quit (run->loop);
}

static gboolean
timeout_cb (gpointer user_data)
{
  AppRun *run = user_data;

  run->timed_out = TRUE;
  g_main_loop_quit (run->loop);
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until a callback quits it or @timeout_ms pass; FALSE on the timeout. */
static gboolean
run_loop_for (AppRun *run,
              guint   timeout_ms)
{
  guint id;

  run->timed_out = FALSE;
  id = g_timeout_add (timeout_ms, timeout_cb, run);
  g_main_loop_run (run->loop);
  if (!run->timed_out)
    g_source_remove (id);

  return !run->timed_out;
}

static char *
describe_exit (GSubprocess *process)
{
  if (g_subprocess_get_if_signaled (process))
    return g_strdup_printf ("killed by signal %d (%s)", g_subprocess_get_term_sig (process),
                            g_strsignal (g_subprocess_get_term_sig (process)));
  if (g_subprocess_get_if_exited (process))
    return g_strdup_printf ("exited with status %d", g_subprocess_get_exit_status (process));
  return g_strdup ("ended");
}

static char *
describe_tail (AppRun *run)
{
  GString *s = g_string_new (NULL);

  if (run->tail.length == 0)
    return g_string_free (s, FALSE);

  g_string_append (s, "\nthe app's last output:");
  for (GList *l = run->tail.head; l != NULL; l = l->next)
    g_string_append_printf (s, "\n  | %s", (char *) l->data);

  return g_string_free (s, FALSE);
}

/* Reads the peak resident set size (VmHWM) of @pid, in kB. */
static gboolean
read_peak_rss_kb (const char  *pid,
                  guint64     *kb_out,
                  GError     **error)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/status", pid);
  g_autofree char *contents = NULL;
  const char *line;

  if (!g_file_get_contents (path, &contents, NULL, error))
    return FALSE;

  line = strstr (contents, "\nVmHWM:");
  if (line == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s has no VmHWM line", path);
      return FALSE;
    }

  *kb_out = g_ascii_strtoull (line + strlen ("\nVmHWM:"), NULL, 10);
  if (*kb_out == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: VmHWM is not a size", path);
      return FALSE;
    }

  return TRUE;
}

/* ── CSV import ───────────────────────────────────────────────────────────────────────── */

#define N_IMPORT_ROWS      100000
#define N_IMPORT_ROWS_HUGE 1000000

/* A partner CSV as a CRM exports it: @n_rows people with a valid NPI each (prefix 3…, so some
 * may meet the bench network's NPIs and merge), address, phone and notes. Streamed to disk. */
static gboolean
write_import_csv (const char *path,
                  guint       n_rows,
                  GError    **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE,
                                                        NULL, error);
  g_autoptr(GString) out = g_string_new ("First Name,Last Name,Credentials,Account Name,NPI,"
                                         "Mailing Street,Mailing City,Mailing State/Province,"
                                         "Mailing Zip/Postal Code,Phone,Email,Description\r\n");

  if (stream == NULL)
    return FALSE;

  for (guint i = 0; i < n_rows; i++)
    {
      char nine[10];
      int check;

      g_snprintf (nine, sizeof nine, "3%08u", i);
      check = rp_npi_check_digit (nine);
      g_string_append_printf (out,
                              "Imported%u,Family%u,MD,\"Group %u, LLC\",%s%d,%u Import Way,"
                              "Columbus,OH,%05u,614-%03u-%04u,p%u@example.org,"
                              "\"Row %u, from the \"\"bench\"\"\"\r\n",
                              i, i, i % 997, nine, check, i, 43000 + i % 300,
                              200 + (i / 10000) % 800, i % 10000, i, i);
      if (out->len > 1 << 20)
        {
          if (!g_output_stream_write_all (G_OUTPUT_STREAM (stream), out->str, out->len, NULL,
                                          NULL, error))
            return FALSE;
          g_string_truncate (out, 0);
        }
    }

  return g_output_stream_write_all (G_OUTPUT_STREAM (stream), out->str, out->len, NULL, NULL,
                                    error) &&
         g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error);
}

/* Runs `rapport --database=@db_path --import=@csv_path` as a child process: its wall time, its CPU
 * time (user and system) and its own peak RSS (from wait4's rusage), so the bench's own memory
 * does not count. */
static gboolean
run_cli_import (const char *db_path,
                const char *csv_path,
                double     *seconds,
                double     *cpu_seconds,
                guint64    *peak_kb,
                GError    **error)
{
  g_autofree char *database_arg = g_strconcat ("--database=", db_path, NULL);
  g_autofree char *import_arg = g_strconcat ("--import=", csv_path, NULL);
  const char *bin = g_getenv ("RAPPORT_BIN");
  const char *schema_dir = g_getenv ("RAPPORT_SCHEMA_DIR");
  g_auto(GStrv) envp = g_get_environ ();
  const char *argv[4];
  struct rusage usage;
  GPid pid;
  int status = 0;
  gint64 start;

  if (bin == NULL || *bin == '\0')
    bin = RAPPORT_BIN;
  if (schema_dir == NULL || *schema_dir == '\0')
    schema_dir = RAPPORT_SCHEMA_DIR;
  if (*schema_dir != '\0')
    envp = g_environ_setenv (envp, "GSETTINGS_SCHEMA_DIR", schema_dir, TRUE);
  envp = g_environ_setenv (envp, "GSETTINGS_BACKEND", "memory", TRUE);

  argv[0] = bin;
  argv[1] = database_arg;
  argv[2] = import_arg;
  argv[3] = NULL;

  start = g_get_monotonic_time ();
  if (!g_spawn_async (NULL, (char **) argv, envp,
                      G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, &pid,
                      error))
    return FALSE;
  if (wait4 (pid, &status, 0, &usage) != pid)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "wait4: %s",
                   g_strerror (errno));
      return FALSE;
    }
  *seconds = (g_get_monotonic_time () - start) / 1e6;
  g_spawn_close_pid (pid);
  if (!g_spawn_check_wait_status (status, error))
    return FALSE;
  *peak_kb = usage.ru_maxrss;
  *cpu_seconds = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
                 usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
  return TRUE;
}

/* Resets this process's peak RSS (VmHWM) so that the next reading is the peak of what follows. */
static void
reset_peak_rss (void)
{
  g_file_set_contents ("/proc/self/clear_refs", "5", 1, NULL);
}

/* The database's content in one string: the row counts of every table the import touches and
 * the checksum of every partner's every field (as the CSV export writes them). */
static char *
content_fingerprint (RpStore    *store,
                     const char *dir,
                     GError    **error)
{
  g_autofree char *path = g_build_filename (dir, "content.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  g_autofree char *sum = NULL;
  gsize len = 0;

  if (!rp_csv_export_partners (store, NULL, 0, file, NULL, NULL, error) ||
      !g_file_get_contents (path, &contents, &len, error))
    return NULL;
  g_unlink (path);
  sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
  return g_strdup_printf ("partners %u referrals %u activities %u tasks %u sha256 %s",
                          rp_store_count_rows (store, "partner"),
                          rp_store_count_rows (store, "referral"),
                          rp_store_count_rows (store, "activity"),
                          rp_store_count_rows (store, "task"), sum);
}

static void
cancel_at_progress_cb (guint    done,
                       guint    total,
                       double   rows_per_s,
                       gpointer user_data)
{
  if (done >= total * 9 / 10)
    g_cancellable_cancel (user_data);
}

/* import_csv_rows_per_s: `rapport --import` of a 100,000-row partner CSV (read once, on a
 * worker thread ahead of the rows' use, with duplicates checked against the bench network's
 * 100,000 partners and within the file as the rows are written in one transaction:
 * rp_partner_import_run), on a copy of the bench database, by its wall time;
 * import_csv_cpu_s: that process's CPU time (user and system: the machine is shared).
 * import_cancel_1m_unchanged: a 1,000,000-row import cancelled at 90 % of its writes must leave
 * the content unchanged (row counts and partner checksum): 1, else the figure fails.
 * import_peak_rss_mb: the peak RSS of `rapport --import` of that 1,000,000-row file, run to
 * the end (generated here, not committed). */
static void
measure_import (RpStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rapport-bench-import-XXXXXX", &error);
  g_autofree char *db_path = NULL;
  g_autofree char *csv_path = NULL;
  g_autoptr(RpStore) copy = NULL;

  if (dir == NULL)
    {
      fail_figure ("import_csv_rows_per_s", error->message);
      return;
    }
  db_path = g_build_filename (dir, "import.db", NULL);
  csv_path = g_build_filename (dir, "partners.csv", NULL);

  if (!rp_store_backup_to (store, db_path, &error) ||
      (copy = rp_store_open (db_path, &error)) == NULL)
    {
      fail_figure ("import_csv_rows_per_s", error->message);
      goto out;
    }

  if (wants_any ("import_csv_rows_per_s", "import_csv_cpu_s"))
    {
      double seconds = 0;
      double cpu_seconds = 0;
      guint64 peak_kb = 0;
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      /* The bench's connection is closed for the child's write (bulk mode, one transaction). */
      g_clear_object (&copy);
      if (!write_import_csv (csv_path, N_IMPORT_ROWS, &error) ||
          !run_cli_import (db_path, csv_path, &seconds, &cpu_seconds, &peak_kb, &error))
        {
          fail_figure ("import_csv_rows_per_s", error->message);
          goto out;
        }
      if (opt_verbose)
        g_printerr ("rapport-bench:   rapport --import of %u rows: %.2f s, %.2f s of CPU "
                    "(%.0f rows/s of CPU), peak RSS %.0f MB\n",
                    N_IMPORT_ROWS, seconds, cpu_seconds, N_IMPORT_ROWS / cpu_seconds,
                    peak_kb / 1024.0);
      print_figure ("import_csv_rows_per_s",
                    g_ascii_formatd (buf, sizeof buf, "%.0f", N_IMPORT_ROWS / seconds),
                    "rows/s");
      print_figure ("import_csv_cpu_s", g_ascii_formatd (buf, sizeof buf, "%.2f", cpu_seconds),
                    "s");
      g_unlink (csv_path);

      copy = rp_store_open (db_path, &error);
      if (copy == NULL)
        {
          fail_figure ("import_cancel_1m_unchanged", error->message);
          goto out;
        }
    }

  if (wants ("import_cancel_1m_unchanged"))
    {
      g_autoptr(RpPartnerImport) import = NULL;
      g_autoptr(GFile) file = g_file_new_for_path (csv_path);
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      guint64 peak_kb = 0;
      gint64 start;

      before = content_fingerprint (copy, dir, &error);
      if (before == NULL || !write_import_csv (csv_path, N_IMPORT_ROWS_HUGE, &error))
        {
          fail_figure ("import_cancel_1m_unchanged", error->message);
          goto out;
        }

      reset_peak_rss ();
      start = g_get_monotonic_time ();
      import = rp_partner_import_new (file, NULL, &error);
      if (import == NULL || !rp_partner_import_plan (import, copy, NULL, &error))
        {
          fail_figure ("import_cancel_1m_unchanged", error->message);
          goto out;
        }
      if (rp_partner_import_apply (import, copy, FALSE, cancellable, cancel_at_progress_cb,
                                   cancellable, NULL, &error) ||
          !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          fail_figure ("import_cancel_1m_unchanged",
                       error != NULL ? error->message : "the import was not cancelled");
          goto out;
        }
      g_clear_error (&error);
      if (!read_peak_rss_kb ("self", &peak_kb, &error))
        {
          fail_figure ("import_cancel_1m_unchanged", error->message);
          goto out;
        }
      after = content_fingerprint (copy, dir, &error);
      if (after == NULL || !g_str_equal (before, after))
        {
          g_printerr ("rapport-bench:   before: %s\nrapport-bench:   after:  %s\n", before,
                      after != NULL ? after : error->message);
          fail_figure ("import_cancel_1m_unchanged",
                       "the cancelled import changed the database");
          goto out;
        }
      if (opt_verbose)
        g_printerr ("rapport-bench:   1,000,000-row import cancelled at 90 %% after %.1f s; "
                    "content unchanged (%s)\n",
                    (g_get_monotonic_time () - start) / 1e6, after);
      if (opt_verbose)
        g_printerr ("rapport-bench:   peak RSS of the bench process meanwhile %.0f MB "
                    "(it holds the bench database's cache too)\n", peak_kb / 1024.0);
      print_figure ("import_cancel_1m_unchanged", "1", "bool");
    }

  if (wants ("import_peak_rss_mb"))
    {
      double seconds = 0;
      double cpu_seconds = 0;
      guint64 peak_kb = 0;

      g_clear_object (&copy);
      if ((!g_file_test (csv_path, G_FILE_TEST_EXISTS) &&
           !write_import_csv (csv_path, N_IMPORT_ROWS_HUGE, &error)) ||
          !run_cli_import (db_path, csv_path, &seconds, &cpu_seconds, &peak_kb, &error))
        {
          fail_figure ("import_peak_rss_mb", error->message);
          goto out;
        }
      if (opt_verbose)
        g_printerr ("rapport-bench:   rapport --import of %u rows: %.1f s, %.1f s of CPU, "
                    "peak RSS %.0f MB\n",
                    N_IMPORT_ROWS_HUGE, seconds, cpu_seconds, peak_kb / 1024.0);
      print_mb ("import_peak_rss_mb", peak_kb / 1024.0);
    }

out:
  g_clear_object (&copy);
  {
    const char *names[] = { "import.db", "import.db-wal", "import.db-shm", "import.db-journal",
                            "partners.csv", "content.csv" };

    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autofree char *path = g_build_filename (dir, names[i], NULL);

        g_unlink (path);
      }
    g_rmdir (dir);
  }
}

/* Waits up to @timeout_ms for the child to end; TRUE when it did (and was reaped). */
static gboolean
wait_exit (AppRun *run,
           guint   timeout_ms)
{
  guint id;

  if (run->exited)
    return TRUE;

  if (!run->waiting)
    {
      run->waiting = TRUE;
      g_subprocess_wait_async (run->process, NULL, wait_cb, run);
    }

  run->timed_out = FALSE;
  id = g_timeout_add (timeout_ms, timeout_cb, run);
  while (!run->exited && !run->timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!run->timed_out)
    g_source_remove (id);

  return run->exited;
}

/* Ends the child and reaps it: SIGTERM, then SIGKILL if it does not go within a few seconds. */
static void
stop_app (AppRun *run)
{
  if (run->process == NULL)
    return;

  if (!run->exited)
    {
      g_subprocess_send_signal (run->process, SIGTERM);
      if (!wait_exit (run, EXIT_TIMEOUT_S * 1000))
        {
          g_printerr ("rapport-bench: the app did not end on SIGTERM within %d s: killing it\n",
                      EXIT_TIMEOUT_S);
          g_subprocess_force_exit (run->process);
          while (!run->exited)
            g_main_context_iteration (NULL, TRUE);
        }
    }

  /* No callback may run once @run is gone. */
  g_cancellable_cancel (run->cancellable);
  while (run->reading)
    g_main_context_iteration (NULL, TRUE);
}

static void
app_run_clear (AppRun *run)
{
  stop_app (run);
  g_clear_object (&run->output);
  g_clear_object (&run->process);
  g_clear_object (&run->cancellable);
  g_clear_pointer (&run->loop, g_main_loop_unref);
  g_queue_clear_full (&run->tail, g_free);
}

/* One launch of the app on the bench database: the start-up time and the peak memory after it
 * settled on the Partners page. */
static gboolean
launch_app (const char  *db_path,
            double      *startup_ms_out,
            guint64     *peak_kb_out,
            GError     **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autofree char *database_arg = g_strconcat ("--database=", db_path, NULL);
  const char *bin = g_getenv ("RAPPORT_BIN");
  const char *schema_dir = g_getenv ("RAPPORT_SCHEMA_DIR");
  const char *renderer;
  const char *argv[3];
  AppRun run = { NULL, };
  gboolean ok = FALSE;

  if (bin == NULL || *bin == '\0')
    bin = RAPPORT_BIN;
  if (schema_dir == NULL || *schema_dir == '\0')
    schema_dir = RAPPORT_SCHEMA_DIR;

  argv[0] = bin;
  argv[1] = database_arg;
  argv[2] = NULL;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_subprocess_launcher_setenv (launcher, "RAPPORT_BENCH_FIRST_FRAME", "1", TRUE);
  if (*schema_dir != '\0')
    g_subprocess_launcher_setenv (launcher, "GSETTINGS_SCHEMA_DIR", schema_dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "memory", TRUE);
  /* As the tests do: no accessibility bus under Xvfb, no portal round trips. */
  g_subprocess_launcher_setenv (launcher, "GTK_A11Y", "none", TRUE);
  g_subprocess_launcher_setenv (launcher, "NO_AT_BRIDGE", "1", TRUE);
  /* Xvfb has no GPU: GTK's GL renderer would run on Mesa's llvmpipe, a software rasteriser that
   * costs ~250 ms and ~80 MB before Rapport draws anything, which measures Mesa rather than us.
   * GTK's own software renderer is what a headless machine should use; RAPPORT_BENCH_RENDERER
   * picks another (e.g. "gl") to see that cost. */
  renderer = g_getenv ("RAPPORT_BENCH_RENDERER");
  g_subprocess_launcher_setenv (launcher, "GSK_RENDERER",
                                renderer != NULL && *renderer != '\0' ? renderer : "cairo", TRUE);

  g_queue_init (&run.tail);
  run.loop = g_main_loop_new (NULL, FALSE);
  run.cancellable = g_cancellable_new ();

  /* The same clock the app reads at its first frame: CLOCK_MONOTONIC. */
  run.spawned_at = g_get_monotonic_time ();
  run.process = g_subprocess_launcher_spawnv (launcher, argv, error);
  if (run.process == NULL)
    {
      g_prefix_error (error, "Cannot start %s: ", bin);
      goto out;
    }

  run.output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (run.process));
  read_next_line (&run);

  if (!run_loop_for (&run, FIRST_FRAME_TIMEOUT_S * 1000))
    {
      g_autofree char *tail = describe_tail (&run);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                   "no '%s...' line from the app within %d s (does it implement "
                   "RAPPORT_BENCH_FIRST_FRAME, and flush stdout?)%s",
                   FIRST_FRAME_PREFIX, FIRST_FRAME_TIMEOUT_S, tail);
      goto out;
    }

  if (!run.got_frame)
    {
      g_autofree char *how = NULL;
      g_autofree char *tail = NULL;

      /* End of output: the app ended (or closed stdout) before its first frame. */
      if (wait_exit (&run, EXIT_TIMEOUT_S * 1000))
        how = describe_exit (run.process);
      else
        how = g_strdup ("closed its output");
      tail = describe_tail (&run);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "the app %s before its first frame (another Rapport on this D-Bus session "
                   "would take the launch over; no display?)%s", how, tail);
      goto out;
    }

  *startup_ms_out = (run.first_frame_at - run.spawned_at) / 1000.0;
  if (*startup_ms_out <= 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "the app's first-frame time %" G_GINT64_FORMAT " is not after the spawn at %"
                   G_GINT64_FORMAT ": it must be g_get_monotonic_time()",
                   run.first_frame_at, run.spawned_at);
      goto out;
    }

  /* Let it settle on the Partners page (rows, icons, idle work), still reading its output so
   * that a chatty app never blocks on a full pipe. */
  run_loop_for (&run, SETTLE_MS);
  if (run.eof)
    {
      g_autofree char *tail = describe_tail (&run);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "the app ended within %d ms of its first frame%s", SETTLE_MS, tail);
      goto out;
    }

  if (!read_peak_rss_kb (g_subprocess_get_identifier (run.process), peak_kb_out, error))
    goto out;

  ok = TRUE;

out:
  app_run_clear (&run);
  return ok;
}

static void
measure_startup (const char *db_path)
{
  g_autofree double *startup = NULL;
  guint64 peak_kb = 0;
  guint n_runs = (guint) MAX (opt_runs, 1);
  const char *display = g_getenv ("DISPLAY");
  const char *wayland = g_getenv ("WAYLAND_DISPLAY");
  const char *bus = g_getenv ("DBUS_SESSION_BUS_ADDRESS");

  if ((display == NULL || *display == '\0') && (wayland == NULL || *wayland == '\0'))
    {
      fail_figure ("startup_first_frame_ms", "no display (run under xvfb-run -a)");
      fail_figure ("peak_rss_mb", "no display (run under xvfb-run -a)");
      return;
    }
  if (bus == NULL || *bus == '\0')
    g_printerr ("rapport-bench: warning: no D-Bus session (run under dbus-run-session)\n");

  startup = g_new0 (double, n_runs);

  for (guint i = 0; i < n_runs; i++)
    {
      g_autoptr(GError) error = NULL;
      guint64 kb = 0;

      g_printerr ("rapport-bench: launching the app (%u of %u%s)\n", i + 1, n_runs,
                  i == 0 && n_runs > 1 ? ", warm-up" : "");

      if (!launch_app (db_path, &startup[i], &kb, &error))
        {
          fail_figure ("startup_first_frame_ms", error->message);
          fail_figure ("peak_rss_mb", error->message);
          return;
        }

      g_printerr ("rapport-bench:   first frame after %.1f ms, peak RSS %.1f MB\n",
                  startup[i], kb / 1024.0);
      peak_kb = MAX (peak_kb, kb);
    }

  /* The first launch warms the page cache: leave it out of the median when there are others. */
  if (n_runs > 1)
    print_ms ("startup_first_frame_ms", median (startup + 1, n_runs - 1));
  else
    print_ms ("startup_first_frame_ms", startup[0]);
  print_mb ("peak_rss_mb", peak_kb / 1024.0);
}

/* ---------------------------------------------------------------------------------------- */

/* The Analytics page's figures over last month (the page's default) and the monthly report. */

typedef enum
{
  ANALYTICS_MONTHLY,
  ANALYTICS_TOP,
  ANALYTICS_TRENDS,
  ANALYTICS_FUNNEL,
  ANALYTICS_OUTCOMES,
  ANALYTICS_FEEDBACK,
  ANALYTICS_OUTREACH,
  ANALYTICS_GIFTS,
  ANALYTICS_ALL,
} AnalyticsFigure;

typedef struct
{
  RpPeriod        period;
  RpPeriod        months;    /* the 12 months up to the period's end, as the page charts them */
  AnalyticsFigure figure;
  const char     *pdf;
} AnalyticsRun;

typedef struct
{
  RpAnalyticsDashboard *dashboard;
  GError               *error;
  gboolean              done;
} DashboardWait;

static void
dashboard_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  DashboardWait *wait = user_data;

  wait->dashboard = rp_analytics_dashboard_compute_finish (RP_STORE (source), result,
                                                           &wait->error);
  wait->done = TRUE;
}

static gboolean
run_analytics (RpStore  *store,
               gpointer  data,
               guint    *n_out,
               GError  **error)
{
  AnalyticsRun *run = data;
  gboolean all = run->figure == ANALYTICS_ALL;

  *n_out = 0;
  if (all)
    {
      /* What the page does: every figure at once on a worker thread, with a read-only
       * connection opened for the load. */
      DashboardWait wait = { NULL, NULL, FALSE };
      g_autoptr(RpAnalyticsDashboard) dashboard = NULL;

      rp_analytics_dashboard_compute_async (store, &run->period, &run->months, NULL,
                                            RP_ANALYTICS_GROUP_TIER, NULL, dashboard_done_cb,
                                            &wait);
      while (!wait.done)
        g_main_context_iteration (NULL, TRUE);
      dashboard = wait.dashboard;
      if (dashboard == NULL)
        {
          g_propagate_error (error, wait.error);
          return FALSE;
        }
      *n_out = dashboard->headline.referrals;
      return TRUE;
    }
  if (run->figure == ANALYTICS_MONTHLY)
    {
      g_autoptr(RpMonthlyFigure) figure = rp_analytics_monthly (store, &run->months, NULL,
                                                                RP_ANALYTICS_GROUP_TIER, error);
      if (figure == NULL)
        return FALSE;
      *n_out += figure->n_months;
    }
  if (run->figure == ANALYTICS_TOP)
    {
      g_autoptr(GPtrArray) rows = rp_analytics_top_referrers (store, &run->period, NULL, error);
      if (rows == NULL)
        return FALSE;
      *n_out += rows->len;
    }
  if (run->figure == ANALYTICS_TRENDS)
    {
      GPtrArray *lists[RP_REFERRER_N_TRENDS] = { NULL };

      if (!rp_analytics_referrer_trends (store, &run->period, NULL, lists, error))
        return FALSE;
      for (guint t = 0; t < RP_REFERRER_N_TRENDS; t++)
        {
          *n_out += lists[t]->len;
          g_ptr_array_unref (lists[t]);
        }
    }
  if (run->figure == ANALYTICS_FUNNEL)
    {
      RpFunnelFigure funnel;

      if (!rp_analytics_funnel (store, &run->period, NULL, NULL, &funnel, error))
        return FALSE;
      *n_out += funnel.reached[RP_FUNNEL_RECEIVED];
    }
  if (run->figure == ANALYTICS_OUTCOMES)
    {
      g_autoptr(RpOutcomeFigure) figure = rp_analytics_outcomes (store, &run->period, NULL, error);
      if (figure == NULL)
        return FALSE;
      *n_out += figure->total;
    }
  if (run->figure == ANALYTICS_FEEDBACK)
    {
      g_autoptr(RpFeedbackFigure) figure = rp_analytics_feedback (store, &run->period, NULL, error);
      if (figure == NULL)
        return FALSE;
      *n_out += figure->n;
    }
  if (run->figure == ANALYTICS_OUTREACH)
    {
      g_autoptr(RpOutreachFigure) figure = rp_analytics_outreach (store, &run->period, NULL, NULL,
                                                                  NULL, error);
      if (figure == NULL)
        return FALSE;
      *n_out += figure->visited;
    }
  if (run->figure == ANALYTICS_GIFTS)
    {
      g_autoptr(GPtrArray) rows = rp_analytics_gifts (store, &run->period, NULL, NULL, error);
      if (rows == NULL)
        return FALSE;
      *n_out += rows->len;
    }
  return TRUE;
}

static gboolean
run_report (RpStore  *store,
            gpointer  data,
            guint    *n_out,
            GError  **error)
{
  AnalyticsRun *run = data;
  g_autoptr(RpPractice) practice = rp_store_get_practice (store, NULL);
  g_autoptr(RpDocument) document = rp_document_new_report (store, practice, &run->period, NULL,
                                                           error);

  if (document == NULL || !rp_document_write_pdf (document, run->pdf, RP_PAPER_LETTER, error))
    return FALSE;
  *n_out = rp_document_get_n_pages (document);
  return TRUE;
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* export_referrals_csv_s: every referral of the bench database (1,000,000) written as CSV the
 * way the app writes it: an RpExportJob on a worker thread with its own read-only connection,
 * by wall time. The peak RSS of the bench process meanwhile, and how much above what it held
 * before the export, is printed on stderr. */
static void
measure_export (RpStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rapport-bench-export-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(RpExportJob) job = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  guint64 peak_kb = 0;
  guint64 base_kb = 0;
  guint n = 0;
  gint64 start;

  if (dir == NULL)
    {
      fail_figure ("export_referrals_csv_s", error->message);
      return;
    }
  path = g_build_filename (dir, "referrals.csv", NULL);
  file = g_file_new_for_path (path);
  job = rp_export_job_new (store, RP_EXPORT_REFERRALS, file);

  reset_peak_rss ();
  read_peak_rss_kb ("self", &base_kb, NULL);
  start = g_get_monotonic_time ();
  rp_export_job_run_async (job, NULL, export_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (!rp_export_job_run_finish (job, result, &n, &error))
    fail_figure ("export_referrals_csv_s", error->message);
  else
    {
      double seconds = (g_get_monotonic_time () - start) / 1e6;

      read_peak_rss_kb ("self", &peak_kb, NULL);
      g_printerr ("rapport-bench:   export of %u referrals: %.1f s (%.0f rows/s), peak RSS of "
                  "the bench process %.0f MB, %.0f MB above what it held before\n", n, seconds,
                  n / MAX (seconds, 1e-6), peak_kb / 1024.0,
                  (peak_kb - MIN (base_kb, peak_kb)) / 1024.0);
      print_s ("export_referrals_csv_s", seconds);
    }
  g_unlink (path);
  g_rmdir (dir);
}

static void
measure_analytics (RpStore *store)
{
  static const char * const names[] = {
    "analytics_monthly_ms", "analytics_top_referrers_ms", "analytics_trends_ms",
    "analytics_funnel_ms", "analytics_outcomes_ms", "analytics_feedback_ms",
    "analytics_outreach_ms", "analytics_gifts_ms", "analytics_dashboard_ms",
  };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  AnalyticsRun run;

  /* Each chart's figure is read as the page's worker connection reads them. */
  rp_store_analytics_prepare_reader (store);

  rp_period_init (&run.period, RP_PERIOD_LAST_MONTH, now, NULL, NULL, NULL);
  run.months = run.period;
  g_date_set_dmy (&run.months.first, 1, g_date_get_month (&run.period.last),
                  g_date_get_year (&run.period.last));
  g_date_subtract_months (&run.months.first, 11);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (!wants (names[i]))
        continue;
      run.figure = (AnalyticsFigure) i;
      measure_median (store, names[i], "rows", run_analytics, &run);
    }

  if (!wants ("report_pdf_ms"))
    return;

  dir = g_dir_make_tmp ("rapport-bench-XXXXXX", &error);
  if (dir == NULL)
    {
      fail_figure ("report_pdf_ms", error->message);
      return;
    }
  run.pdf = g_build_filename (dir, "report.pdf", NULL);
  measure_median (store, "report_pdf_ms", "pages", run_report, &run);
  g_unlink (run.pdf);
  g_free ((char *) run.pdf);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  BenchDb db = { NULL, };

  /* The user's character set for GLib's messages, but always a decimal point in numbers. */
  setlocale (LC_ALL, "");
  setlocale (LC_NUMERIC, "C");

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                "Measures Rapport's speed figures on the bench-size sample "
                                "network\nand prints one line per figure: 'name value unit'.\n\n"
                                "Figures: bench_db_build_s, partner_list_open_ms, "
                                "partner_search_p50_ms,\npartner_search_p95_ms, "
                                "timeline_open_ms,\ntimeline_scroll_page_ms, "
                                "reminders_next_due_ms, route_25_stops_ms, map_viewport_ms,\n"
                                "planner_suggestions_ms, target_rank_ms, "
                                "partners_by_distance_ms,\npartners_within_10mi_ms, "
                                "week_ics_ms, packet_pdf_ms,\n"
                                "import_csv_rows_per_s, import_csv_cpu_s, import_peak_rss_mb, "
                                "import_cancel_1m_unchanged,\n"

                                "analytics_*_ms (one per chart), analytics_dashboard_ms, "
                                "report_pdf_ms,\n"
                                "startup_first_frame_ms, peak_rss_mb.\n"
                                "The app is $RAPPORT_BIN, by default " RAPPORT_BIN);
  g_option_context_add_main_entries (context, option_entries, NULL);

  if (!g_option_context_parse (context, &argc, &argv, &error) || !parse_only (&error))
    {
      g_printerr ("rapport-bench: %s\n", error->message);
      return 2;
    }

  if (opt_seed < 0 || opt_seed > G_MAXUINT32)
    {
      g_printerr ("rapport-bench: --seed must be between 0 and %u\n", G_MAXUINT32);
      return 2;
    }

  if (!prepare_database (&db, &error))
    {
      g_printerr ("rapport-bench: cannot build the bench database: %s\n", error->message);
      fail_figure ("bench_db_build_s", error->message);
      bench_db_clear (&db);
      return 1;
    }

  if (wants ("bench_db_build_s"))
    {
      if (db.cached)
        g_printerr ("rapport-bench: bench_db_build_s (cached): measured when the database was "
                    "built; --rebuild to measure it again\n");
      print_s ("bench_db_build_s", db.build_s);
    }

  if (wants ("partner_list_open_ms"))
    measure_list_open (db.store);

  if (wants_any ("partner_search_p50_ms", "partner_search_p95_ms") || wants_floor ())
    measure_search (db.store);

  if (wants_any ("timeline_open_ms", "timeline_scroll_page_ms"))
    measure_timeline (db.store);

  if (wants ("referrals_open_ms"))
    measure_referrals_open (db.store);

  if (wants ("referrals_search_ms"))
    measure_referrals_search (db.store);

  if (wants ("reminders_next_due_ms"))
    measure_next_due (db.store);

  if (wants ("route_25_stops_ms"))
    measure_route ();

  if (wants ("map_viewport_ms"))
    measure_map_viewport (db.store);

  if (wants ("planner_suggestions_ms"))
    measure_suggestions (db.store);

  if (wants ("target_rank_ms"))
    measure_target_rank (db.store);

  if (wants_any ("partners_by_distance_ms", "partners_within_10mi_ms"))
    measure_partners_by_distance (db.store);

  if (wants ("week_ics_ms"))
    measure_week_ics (db.store);

  if (wants ("packet_pdf_ms"))
    measure_packet (db.store);

  if (wants_any ("import_csv_rows_per_s", "import_csv_cpu_s") ||
      wants_any ("import_peak_rss_mb", "import_cancel_1m_unchanged"))
    measure_import (db.store);

  if (wants ("export_referrals_csv_s"))
    measure_export (db.store);

  /* Measures only the analytics figures wanted. */
  measure_analytics (db.store);

  /* The app opens the database on its own: close ours first. */
  g_clear_object (&db.store);

  if (wants_any ("startup_first_frame_ms", "peak_rss_mb"))
    measure_startup (db.db_path);

  bench_db_clear (&db);
  g_strfreev (only_patterns);
  g_free (opt_only);

  if (n_failures > 0)
    {
      g_printerr ("rapport-bench: %u figure(s) could not be measured\n", n_failures);
      return 1;
    }

  return 0;
}
