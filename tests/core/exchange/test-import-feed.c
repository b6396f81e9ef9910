/* test-import-feed.c: a partner CSV's rows read ahead on a worker thread come in the file's
 * order, as rp_partner_row_build reads them, with their problems and lines, however many
 * chunks the file takes; the feed stops wherever its caller stops, and on cancel.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "rp-csv-reader.h"
#include "rp-import-feed.h"
#include "rp-import-fields.h"
#include "rp-partner-row.h"
#include "rp-test-core.h"

#define N_ROWS 10000   /* many more than the feed reads ahead */

typedef struct
{
  char        *dir;
  GFile       *file;
  RpCsvReader *reader;
  GPtrArray   *headers;
  GArray      *mapping;
} Fixture;

/* A CSV of @N_ROWS partners, every 1,000th with an NPI whose check digit is wrong. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new ("First Name,Last Name,NPI,City\r\n");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GPtrArray *header;

  for (guint i = 1; i <= N_ROWS; i++)
    g_string_append_printf (csv, "First%u,Last%u,%s,\"City %u\"\r\n", i, i,
                            i % 1000 == 0 ? "1234567890" : "", i);

  fixture->dir = g_dir_make_tmp ("rapport-feed-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "partners.csv", NULL);
  g_assert_true (g_file_set_contents (path, csv->str, csv->len, &error));
  g_assert_no_error (error);
  fixture->file = g_file_new_for_path (path);

  fixture->reader = rp_csv_reader_new (fixture->file, NULL, &error);
  g_assert_no_error (error);
  header = rp_csv_reader_next (fixture->reader, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  fixture->headers = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < header->len; i++)
    g_ptr_array_add (fixture->headers, g_strdup (g_ptr_array_index (header, i)));
  fixture->mapping = rp_import_mapping_guess (fixture->headers);
  g_assert_true (rp_import_skip_header (fixture->reader, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_file_get_path (fixture->file);

  g_clear_object (&fixture->reader);
  g_clear_pointer (&fixture->headers, g_ptr_array_unref);
  g_clear_pointer (&fixture->mapping, g_array_unref);
  g_unlink (path);
  g_rmdir (fixture->dir);
  g_clear_object (&fixture->file);
  g_clear_pointer (&fixture->dir, g_free);
}

static void
test_every_row_in_order (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(RpImportFeed) feed = rp_import_feed_new (fixture->reader, fixture->headers,
                                                     fixture->mapping, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_object_unref);
  RpImportFeedRow *row;
  guint n = 0;

  while ((row = rp_import_feed_next (feed, &error)) != NULL)
    {
      g_autofree char *first = NULL;

      n++;
      g_assert_cmpuint (row->line, ==, n + 1);   /* under the header */
      if (n % 1000 == 0)
        {
          g_assert_null (row->partner);
          g_assert_cmpuint (row->problems->len, >, 0);
          g_assert_cmpuint (((RpImportProblem *) g_ptr_array_index (row->problems, 0))->line,
                            ==, n + 1);
          continue;
        }

      g_assert_nonnull (row->partner);
      g_assert_cmpuint (row->problems->len, ==, 0);
      first = g_strdup_printf ("First%u", n);
      g_assert_cmpstr (rp_partner_get_first_name (row->partner), ==, first);
      /* The keys are the partner's own. */
      {
        RpImportKeys keys;

        rp_import_keys_of_partner (row->partner, &keys);
        g_assert_cmpmem (&keys, sizeof keys, &row->keys, sizeof row->keys);
      }
      /* A partner the caller keeps outlives its chunk. */
      if (n % 997 == 0)
        g_ptr_array_add (kept, g_object_ref (row->partner));
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, N_ROWS);

  /* The end stays the end. */
  g_assert_null (rp_import_feed_next (feed, &error));
  g_assert_no_error (error);

  g_clear_pointer (&feed, rp_import_feed_free);
  for (guint i = 0; i < kept->len; i++)
    {
      g_autofree char *first = g_strdup_printf ("First%u", 997 * (i + 1));

      g_assert_cmpstr (rp_partner_get_first_name (g_ptr_array_index (kept, i)), ==, first);
    }
}

/* The n-th record's line comes from the line map, when there is one. */
static void
test_line_map (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GArray) line_map = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(RpImportFeed) feed = NULL;
  g_autoptr(GError) error = NULL;
  RpImportFeedRow *row;

  for (guint i = 0; i <= 3; i++)
    {
      guint line = 100 * i;

      g_array_append_val (line_map, line);
    }
  feed = rp_import_feed_new (fixture->reader, fixture->headers, fixture->mapping, line_map,
                             NULL);
  for (guint n = 1; n <= 5; n++)
    {
      row = rp_import_feed_next (feed, &error);
      g_assert_no_error (error);
      g_assert_nonnull (row);
      /* Past the map's end, the CSV's own line. */
      g_assert_cmpuint (row->line, ==, n <= 3 ? 100 * n : n + 1);
    }
}

/* Freed after a few rows, with the worker blocked on a full queue: it stops and frees what
 * it read ahead (ASan and valgrind see no leak). */
static void
test_stop_early (Fixture       *fixture,
                 gconstpointer  data)
{
  for (guint stop_after = 0; stop_after < 3000; stop_after += 1499)
    {
      g_autoptr(RpImportFeed) feed = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_true (rp_csv_reader_rewind (fixture->reader, &error));
      g_assert_true (rp_import_skip_header (fixture->reader, NULL, &error));
      feed = rp_import_feed_new (fixture->reader, fixture->headers, fixture->mapping, NULL,
                                 NULL);
      for (guint n = 0; n < stop_after; n++)
        g_assert_nonnull (rp_import_feed_next (feed, &error));
      g_assert_no_error (error);
    }
}

static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(RpImportFeed) feed = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_cancellable_cancel (cancellable);
  feed = rp_import_feed_new (fixture->reader, fixture->headers, fixture->mapping, NULL,
                             cancellable);
  while (rp_import_feed_next (feed, &error) != NULL)
    n++;
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (n, <, N_ROWS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/exchange/import-feed/every-row-in-order", Fixture, NULL, fixture_set_up,
              test_every_row_in_order, fixture_tear_down);
  g_test_add ("/exchange/import-feed/line-map", Fixture, NULL, fixture_set_up, test_line_map,
              fixture_tear_down);
  g_test_add ("/exchange/import-feed/stop-early", Fixture, NULL, fixture_set_up, test_stop_early,
              fixture_tear_down);
  g_test_add ("/exchange/import-feed/cancelled", Fixture, NULL, fixture_set_up, test_cancelled,
              fixture_tear_down);

  return g_test_run ();
}
