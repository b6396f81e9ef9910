/* test-cli-registry.c: `rapport --import-nppes`, `--import-taxonomy` and `--import-medicare`,
 * run as a program on the committed fixtures (tests/data/nppes) and on bad input.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <gio/gio.h>

#include "rp-store-prospects.h"
#include "rp-test-core.h"

typedef struct
{
  char *dir;
  char *db;
  char *db_option;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Result;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("rapport-cli-registry-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "rapport.db", NULL);
  f->db_option = g_strconcat ("--database=", f->db, NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  rp_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->db_option);
}

static void
run (Result     *result,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *binary = g_getenv ("RAPPORT_BIN");
  int wait_status = 0;
  va_list args;

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (gpointer) binary);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &result->out,
                &result->err, &wait_status, &error);
  g_assert_no_error (error);
  result->status = g_spawn_check_wait_status (wait_status, NULL) ? 0 : 1;
  g_test_message ("exit %d, stdout: %s, stderr: %s", result->status, result->out, result->err);
}

static void
result_clear (Result *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

static char *
fixture_option (const char *option,
                const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "nppes", name, NULL);

  return g_strconcat (option, path, NULL);
}

static void
test_imports (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *nucc = fixture_option ("--import-taxonomy=", "nucc_taxonomy_250.csv");
  g_autofree char *nppes = fixture_option ("--import-nppes=",
                                           "npidata_pfile_20251006-20251012.csv");
  g_autofree char *medicare = fixture_option ("--import-medicare=",
                                              "MUP_PHY_R25_P05_V10_D23_Prov.csv");
  g_autoptr(RpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  Result result = { 0 };

  run (&result, f->db_option, nucc, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "Imported 23 taxonomy codes"));
  result_clear (&result);

  run (&result, f->db_option, nppes, "--entity=1", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "Read 25 providers"));
  result_clear (&result);

  run (&result, f->db_option, medicare, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "for 2023"));
  result_clear (&result);

  store = rp_store_open (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rp_store_count_prospects (store, FALSE), >, 10);
  g_assert_cmpuint (rp_store_count_prospects (store, FALSE), <, 25);
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *nucc_as_nppes = fixture_option ("--import-nppes=", "nucc_taxonomy_250.csv");
  g_autofree char *nppes = fixture_option ("--import-nppes=",
                                           "npidata_pfile_20251006-20251012.csv");
  g_autofree char *empty = g_build_filename (f->dir, "empty.csv", NULL);
  g_autofree char *empty_option = g_strconcat ("--import-nppes=", empty, NULL);
  Result result = { 0 };

  run (&result, f->db_option, "--state=OH", NULL);
  g_assert_cmpint (result.status, !=, 0);
  g_assert_nonnull (strstr (result.err, "--state only goes with --import-nppes"));
  result_clear (&result);

  run (&result, f->db_option, nucc_as_nppes, NULL);
  g_assert_cmpint (result.status, !=, 0);
  g_assert_true (g_str_has_prefix (result.err, "rapport: "));
  g_assert_nonnull (strstr (result.err, "“Last Update Date”"));
  result_clear (&result);

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  run (&result, f->db_option, empty_option, NULL);
  g_assert_cmpint (result.status, !=, 0);
  g_assert_nonnull (strstr (result.err, "is empty"));
  result_clear (&result);

  run (&result, f->db_option, nppes, "--within=far", NULL);
  g_assert_cmpint (result.status, !=, 0);
  g_assert_nonnull (strstr (result.err, "not a distance"));
  result_clear (&result);

  run (&result, f->db_option, nppes, "--entity=3", NULL);
  g_assert_cmpint (result.status, !=, 0);
  result_clear (&result);

  run (&result, f->db_option, nppes, "--state=Ohio", NULL);
  g_assert_cmpint (result.status, !=, 0);
  result_clear (&result);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/registry/imports", Fixture, NULL, fixture_set_up, test_imports,
              fixture_tear_down);
  g_test_add ("/cli/registry/refused", Fixture, NULL, fixture_set_up, test_refused,
              fixture_tear_down);

  return g_test_run ();
}
