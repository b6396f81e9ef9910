/* test-export-job.c: an export on a worker thread with its own connection: the rows counted,
 * the file written whole; a cancelled export leaves the file as it was; patient identifiers
 * refused without an unlocked vault.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "rp-export-job.h"
#include "rp-test-core.h"

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Runs @job on its worker thread to the end; returns what finish returns. */
static gboolean
run (RpExportJob   *job,
     GCancellable  *cancellable,
     guint         *n,
     GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  rp_export_job_run_async (job, cancellable, done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return rp_export_job_run_finish (job, result, n, error);
}

static guint
count_lines (const char *path,
             const char *line_start)
{
  g_autofree char *contents = NULL;
  guint n = 0;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  for (const char *p = contents; p != NULL && *p != '\0'; p = strchr (p, '\n'))
    {
      if (*p == '\n')
        p++;
      if (*p != '\0' && g_str_has_prefix (p, line_start))
        n++;
    }
  return n;
}

static void
test_partners (RpTestStore  *fixture,
               gconstpointer data)
{
  RpStore *store = fixture->store;
  g_autofree char *csv_path = g_build_filename (fixture->dir, "partners.csv", NULL);
  g_autofree char *vcf_path = g_build_filename (fixture->dir, "partners.vcf", NULL);
  g_autoptr(GFile) csv = g_file_new_for_path (csv_path);
  g_autoptr(GFile) vcf = g_file_new_for_path (vcf_path);
  g_autoptr(RpExportJob) job = NULL;
  g_autoptr(RpExportJob) some = NULL;
  g_autoptr(RpExportJob) cards = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RpPartner) ann = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Ann", "Lee");
  g_autoptr(RpPartner) bob = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Bob", "Ray");
  gint64 only = rp_partner_get_id (bob);
  guint n = 0;

  job = rp_export_job_new (store, RP_EXPORT_PARTNERS, csv);
  g_assert_true (run (job, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (rp_export_job_get_total (job), ==, 2);
  g_assert_cmpuint (count_lines (csv_path, "\""), ==, 3);

  some = rp_export_job_new (store, RP_EXPORT_PARTNERS, csv);
  rp_export_job_set_partner_ids (some, &only, 1);
  g_assert_true (run (some, NULL, &n, &error));
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (count_lines (csv_path, "\""), ==, 2);

  /* The name says vCard. */
  cards = rp_export_job_new (store, RP_EXPORT_PARTNERS, vcf);
  g_assert_true (run (cards, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (count_lines (vcf_path, "BEGIN:VCARD"), ==, 2);
  g_assert_cmpuint (count_lines (vcf_path, "UID:urn:uuid:"), ==, 2);
}

static void
test_records_cancel (RpTestStore  *fixture,
                     gconstpointer data)
{
  RpStore *store = fixture->store;
  g_autofree char *path = g_build_filename (fixture->dir, "referrals.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RpExportJob) job = NULL;
  g_autoptr(RpExportJob) cancelled = NULL;
  g_autoptr(RpExportJob) tasks = NULL;
  g_autoptr(RpVault) locked = rp_vault_new (store);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RpPartner) ann = rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Ann", "Lee");
  g_autofree char *contents = NULL;
  guint n = 0;

  g_assert_true (rp_store_begin (store, &error));
  rp_test_add_referrals (store, rp_partner_get_id (ann), "2026-03-14", 500);
  g_assert_true (rp_store_commit (store, &error));

  job = rp_export_job_new (store, RP_EXPORT_REFERRALS, file);
  g_assert_true (run (job, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 500);
  g_assert_cmpuint (rp_export_job_get_total (job), ==, 500);
  g_assert_cmpuint (count_lines (path, "\""), ==, 501);
  g_assert_false (rp_export_job_get_includes_patient (job));

  /* Cancelled: the file written before stays whole. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  cancelled = rp_export_job_new (store, RP_EXPORT_REFERRALS, file);
  g_cancellable_cancel (cancellable);
  g_assert_false (run (cancelled, cancellable, &n, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  {
    g_autofree char *after = NULL;

    g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
    g_assert_cmpstr (after, ==, contents);
  }

  /* Patient identifiers: never without an unlocked vault, never for tasks. */
  g_assert_false (rp_export_job_set_vault (job, locked, &error));
  g_assert_error (error, RP_VAULT_ERROR, RP_VAULT_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (rp_export_job_get_includes_patient (job));
  g_assert_null (rp_vault_dup_reader (locked, store, &error));
  g_assert_error (error, RP_VAULT_ERROR, RP_VAULT_ERROR_LOCKED);
  g_clear_error (&error);
  tasks = rp_export_job_new (store, RP_EXPORT_TASKS, file);
  g_assert_false (rp_export_job_set_vault (tasks, locked, &error));
  g_assert_error (error, RP_VAULT_ERROR, RP_VAULT_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_true (run (tasks, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rp_export_job_get_total (tasks), ==, n);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/exchange/export-job/partners", RpTestStore, NULL, rp_test_store_set_up,
              test_partners, rp_test_store_tear_down);
  g_test_add ("/exchange/export-job/records-cancel", RpTestStore, NULL, rp_test_store_set_up,
              test_records_cancel, rp_test_store_tear_down);

  return g_test_run ();
}
