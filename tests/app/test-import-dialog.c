/* test-import-dialog.c: the import dialog's steps (mapping, review with problems and duplicates,
 * progress and Cancel), the toast with Undo in the window, referrals with patient identifiers
 * (sealed through the vault; refused while it is locked), and screenshots of each (Xvfb).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "rp-csv-reader.h"
#include "rp-import-dialog.h"
#include "rp-import-fields.h"
#include "rp-record-import.h"
#include "rp-store-imports.h"
#include "rp-store-partners.h"
#include "rp-test-app.h"
#include "rp-test-core.h"
#include "rp-vault.h"
#include "rp-window.h"

typedef struct
{
  RpTestDb db;
} Fixture;

static const char * const reset_keys[] = { "last-page", NULL };

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  rp_test_db_open (&fixture->db, "rapport-import-XXXXXX");
  rp_test_db_make_context (&fixture->db, reset_keys);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  rp_test_db_close (&fixture->db);
}

static GFile *
fixture_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);

  return g_file_new_for_path (path);
}

typedef struct
{
  RpImportDialog *dialog;
  const char     *page;
} PageWait;

static gboolean
on_page (gpointer data)
{
  PageWait *wait = data;

  return g_strcmp0 (rp_import_dialog_get_page (wait->dialog), wait->page) == 0;
}

/* The pages come from worker threads that read and check whole files: on a loaded machine that
 * takes longer than rp_test_wait_for's usual wait. */
static void
wait_long (RpTestCondition condition,
           gpointer        data)
{
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
wait_for_page (RpImportDialog *dialog,
               const char     *page)
{
  PageWait wait = { dialog, page };

  wait_long (on_page, &wait);
}

static guint
count_all (RpStore *store)
{
  return rp_store_count_partners (store, FALSE) + rp_store_count_partners (store, TRUE);
}

typedef struct
{
  gint64 batch_id;
  char  *summary;
} Imported;

static void
imported_cb (RpImportDialog *dialog,
             gint64          batch_id,
             const char     *summary,
             Imported       *imported)
{
  imported->batch_id = batch_id;
  g_free (imported->summary);
  imported->summary = g_strdup (summary);
}

static gboolean
has_summary (gpointer data)
{
  return ((Imported *) data)->summary != NULL;
}

static gboolean
has_batch (gpointer data)
{
  return ((Imported *) data)->batch_id > 0;
}

/* The LibreOffice file over a database that already has Dr. Peña without a phone: the mapping
 * page, the review with one duplicate, the import, the toast and its Undo. */
static void
test_steps (Fixture       *fixture,
            gconstpointer  data)
{
  RpStore *store = fixture->db.store;
  g_autoptr(RpPartner) pena = rp_test_make_person ("José", "Peña", "1234567893");
  g_autoptr(GFile) file = fixture_file ("libreoffice-win1252-semicolon.csv");
  g_autoptr(GError) error = NULL;
  RpWindow *window;
  RpImportDialog *dialog;
  AdwComboRow *row;
  Imported imported = { 0, };

  rp_test_load_style ();
  rp_partner_set_phone (pena, "");
  rp_test_insert_partner (store, pena);

  window = g_object_ref_sink (rp_window_new (NULL, fixture->db.context));
  gtk_window_present (GTK_WINDOW (window));
  rp_test_wait_until_mapped (GTK_WIDGET (window));

  dialog = rp_import_dialog_new (GTK_WINDOW (window), store, file);
  g_signal_connect (dialog, "imported", G_CALLBACK (imported_cb), &imported);
  gtk_window_present (GTK_WINDOW (dialog));
  rp_test_wait_until_mapped (GTK_WIDGET (dialog));
  /* The file is read on a worker thread: the columns come when it is done. */
  wait_for_page (dialog, "mapping");

  /* Each column has a row that says what it fills. */
  row = rp_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Practice");
  g_assert_nonnull (row);
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, RP_IMPORT_FIELD_ORGANIZATION);
  row = rp_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Name");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, RP_IMPORT_FIELD_FULL_NAME);
  rp_test_iterate_for (300);
  rp_test_save_screenshot (GTK_WIDGET (dialog), "import-mapping.png");

  rp_import_dialog_review (dialog);
  wait_for_page (dialog, "review");
  /* The slide to the review ends before its screenshot. */
  rp_test_iterate_for (1500);
  g_assert_nonnull (rp_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW,
                                      "For All Duplicates"));
  g_assert_cmpuint (count_all (store), ==, 1);   /* nothing written yet */
  rp_test_save_screenshot (GTK_WIDGET (dialog), "import-review.png");

  rp_import_dialog_start (dialog);
  rp_test_wait_for (has_batch, &imported);
  g_assert_cmpuint (count_all (store), ==, 4);
  g_assert_cmpstr (imported.summary, ==, "Imported 3 new partners, merged 1");

  /* The window's toast offers Undo. */
  {
    g_autoptr(RpPartner) merged = rp_store_get_partner (store, rp_partner_get_id (pena), &error);

    g_assert_cmpstr (rp_partner_get_phone (merged), ==, "(614) 555-0101");
  }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-import", "x", imported.batch_id);
  rp_test_iterate_for (300);
  g_assert_cmpuint (count_all (store), ==, 1);
  {
    g_autoptr(RpPartner) restored = rp_store_get_partner (store, rp_partner_get_id (pena),
                                                          &error);

    g_assert_cmpstr (rp_partner_get_phone (restored), ==, "");
  }
  rp_test_save_screenshot (GTK_WIDGET (window), "import-undone.png");

  g_free (imported.summary);
  rp_test_destroy_window (GTK_WINDOW (window), TRUE);
  g_object_unref (window);
}

typedef struct
{
  RpImportDialog *dialog;
  GtkProgressBar *bar;
} ProgressWait;

static gboolean
has_progress (gpointer data)
{
  ProgressWait *wait = data;

  return gtk_progress_bar_get_fraction (wait->bar) > 0.05;
}

/* A big file: the progress page with rows per second, then Cancel leaves nothing behind. */
static void
test_progress_cancel (Fixture       *fixture,
                      gconstpointer  data)
{
  RpStore *store = fixture->db.store;
  g_autofree char *path = g_build_filename (fixture->db.dir, "big.csv", NULL);
  g_autoptr(GString) text = g_string_new ("Full Name,Company,Street,City,State,Zip,Phone\r\n");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  RpImportDialog *dialog;
  ProgressWait wait;

  rp_test_load_style ();
  for (guint i = 0; i < 150000; i++)
    g_string_append_printf (text, "Dr. Name%u Family%u MD,Group %u,%u Main St,Columbus,OH,43215,"
                                  "614-%03u-%04u\r\n",
                            i, i, i % 40, i, 200 + i / 10000, i % 10000);
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
  file = g_file_new_for_path (path);

  dialog = rp_import_dialog_new (NULL, store, file);
  g_object_ref (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  rp_test_wait_until_mapped (GTK_WIDGET (dialog));
  wait_for_page (dialog, "mapping");
  rp_import_dialog_review (dialog);
  wait_for_page (dialog, "review");

  rp_import_dialog_start (dialog);
  wait_for_page (dialog, "progress");
  wait.dialog = dialog;
  wait.bar = rp_test_find_by_type (GTK_WIDGET (dialog), GTK_TYPE_PROGRESS_BAR);
  rp_test_wait_for (has_progress, &wait);
  rp_test_save_screenshot (GTK_WIDGET (dialog), "import-progress.png");

  rp_import_dialog_cancel (dialog);
  wait_for_page (dialog, "review");
  g_assert_cmpuint (count_all (store), ==, 0);
  g_assert_cmpint (rp_store_get_last_import (store, NULL, NULL), ==, 0);

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

/* A file with problems: they are listed by line, and only the valid rows are offered. */
static void
test_problems (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GFile) file = fixture_file ("ragged.csv");
  g_autoptr(GError) error = NULL;
  RpImportDialog *dialog;

  rp_test_load_style ();
  dialog = rp_import_dialog_new (NULL, fixture->db.store, file);
  gtk_window_present (GTK_WINDOW (dialog));
  rp_test_wait_until_mapped (GTK_WIDGET (dialog));
  wait_for_page (dialog, "mapping");
  rp_import_dialog_review (dialog);
  wait_for_page (dialog, "review");
  rp_test_iterate_for (1000);
  g_assert_nonnull (rp_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Line 3"));
  g_assert_nonnull (rp_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Line 4"));
  rp_test_save_screenshot (GTK_WIDGET (dialog), "import-problems.png");

  /* Not a CSV at all. */
  {
    g_autoptr(GFile) binary = fixture_file ("binary.csv");

    RpImportDialog *refused = rp_import_dialog_new (NULL, fixture->db.store, binary);

    gtk_window_present (GTK_WINDOW (refused));
    wait_for_page (refused, "error");
    g_assert_true (g_error_matches (rp_import_dialog_get_error (refused), RP_CSV_ERROR,
                                    RP_CSV_ERROR_BINARY));
    rp_test_save_screenshot (GTK_WIDGET (refused), "import-not-csv.png");
    gtk_window_destroy (GTK_WINDOW (refused));
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A referrals file: guessed from its headers, its own fields on the mapping page, a review,
 * and the referrals written. */
static void
test_referrals (Fixture       *fixture,
                gconstpointer  data)
{
  RpStore *store = fixture->db.store;
  g_autoptr(GFile) file = fixture_file ("referrals-crm.csv");
  g_autoptr(RpPartner) jane = rp_test_make_person ("Jane", "Smith", NULL);
  g_autoptr(RpPartner) ann = rp_test_make_person ("Ann", "Lee", "1234567893");
  g_autoptr(RpPartner) office = rp_partner_new (RP_PARTNER_KIND_ORGANIZATION);
  RpImportDialog *dialog;
  AdwComboRow *row;
  Imported imported = { 0, };

  rp_test_load_style ();
  rp_partner_set_organization (jane, "");
  rp_partner_set_organization (ann, "");
  rp_partner_set_organization (office, "Olentangy Family Medicine");
  rp_test_insert_partner (store, jane);
  rp_test_insert_partner (store, ann);
  rp_test_insert_partner (store, office);

  dialog = rp_import_dialog_new (NULL, store, file);
  g_object_ref (dialog);
  g_signal_connect (dialog, "imported", G_CALLBACK (imported_cb), &imported);
  gtk_window_present (GTK_WINDOW (dialog));
  rp_test_wait_until_mapped (GTK_WIDGET (dialog));
  wait_for_page (dialog, "mapping");

  row = rp_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "What Is in This File");
  g_assert_nonnull (row);
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, RP_IMPORT_WHAT_REFERRALS);
  row = rp_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Service Line");
  g_assert_nonnull (row);
  rp_test_iterate_for (300);
  rp_test_save_screenshot (GTK_WIDGET (dialog), "import-referrals-mapping.png");

  rp_import_dialog_review (dialog);
  wait_for_page (dialog, "review");
  rp_test_iterate_for (1500);
  g_assert_cmpuint (rp_store_count_rows (store, "referral"), ==, 0);
  rp_test_save_screenshot (GTK_WIDGET (dialog), "import-referrals-review.png");

  rp_import_dialog_start (dialog);
  wait_long (has_summary, &imported);
  g_assert_cmpstr (imported.summary, ==, "Imported 3 referrals");
  g_assert_cmpint (imported.batch_id, ==, 0);
  g_assert_cmpuint (rp_store_count_rows (store, "referral"), ==, 3);
  g_free (imported.summary);
  g_object_unref (dialog);
}

static gboolean
is_label_containing (GtkWidget     *widget,
                     gconstpointer  data)
{
  return GTK_IS_LABEL (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), data) != NULL;
}

/* An activities file: the review's preview names each type as the timeline does ("Thank-you
 * note"), not by the file's keyword ("thank you", "visit"). */
static void
test_activities (Fixture       *fixture,
                 gconstpointer  data)
{
  RpStore *store = fixture->db.store;
  g_autoptr(GFile) file = fixture_file ("activities-crm.csv");
  g_autoptr(RpPartner) ann = rp_test_make_person ("Ann", "Lee", "1234567893");
  RpImportDialog *dialog;
  AdwComboRow *row;

  rp_test_load_style ();
  rp_test_insert_partner (store, ann);

  dialog = rp_import_dialog_new (NULL, store, file);
  g_object_ref (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  rp_test_wait_until_mapped (GTK_WIDGET (dialog));
  wait_for_page (dialog, "mapping");
  row = rp_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "What Is in This File");
  g_assert_nonnull (row);
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, RP_IMPORT_WHAT_ACTIVITIES);

  rp_import_dialog_review (dialog);
  wait_for_page (dialog, "review");
  rp_test_iterate_for (1500);
  g_assert_nonnull (rp_test_find_widget (GTK_WIDGET (dialog), is_label_containing,
                                         "Thank-you note · "));
  g_assert_nonnull (rp_test_find_widget (GTK_WIDGET (dialog), is_label_containing,
                                         "Visit · "));
  g_assert_null (rp_test_find_widget (GTK_WIDGET (dialog), is_label_containing, "thank-you"));
  rp_test_save_screenshot (GTK_WIDGET (dialog), "import-activities-review.png");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

typedef struct
{
  RpStore    *store;
  const char *table;
  guint       count;
} RowsWait;

static gboolean
has_rows (gpointer data)
{
  RowsWait *wait = data;

  return rp_store_count_rows (wait->store, wait->table) == wait->count;
}

static gboolean
dialog_gone (gpointer data)
{
  return rp_test_find_toplevel (RP_TYPE_IMPORT_DIALOG) == NULL;
}

/* Two partners the referral files name: Jane Smith by name, Ann Lee by NPI. */
static void
add_two_partners (RpStore *store)
{
  g_autoptr(RpPartner) jane = rp_test_make_person ("Jane", "Smith", NULL);
  g_autoptr(RpPartner) ann = rp_test_make_person ("Ann", "Lee", "1234567893");

  rp_partner_set_organization (jane, "");
  rp_partner_set_organization (ann, "");
  rp_test_insert_partner (store, jane);
  rp_test_insert_partner (store, ann);
}

/* A referrals file with patient columns, dropped on the window: the identifiers sealed through
 * the window's vault (opened again as the referral editor opens them), the review showing the
 * rows as they will be stored, and the toast's Undo taking exactly those referrals back. */
static void
test_referrals_patients (Fixture       *fixture,
                         gconstpointer  data)
{
  RpStore *store = fixture->db.store;
  RpVault *vault = rp_context_get_vault (fixture->db.context);
  g_autoptr(GFile) file = fixture_file ("referrals-patients.csv");
  g_autoptr(GError) error = NULL;
  RpWindow *window;
  RpImportDialog *dialog;
  GtkWidget *undo;
  RowsWait rows = { store, "referral", 2 };

  rp_vault_unlock_sync (vault, NULL, &error);
  g_assert_no_error (error);
  if (rp_vault_get_state (vault) != RP_VAULT_STATE_UNLOCKED)
    {
      g_test_skip ("no unlocked keyring");
      return;
    }
  rp_test_load_style ();
  add_two_partners (store);
  rp_test_add_referrals (store, 1, "2026-02-01", 1);

  window = g_object_ref_sink (rp_window_new (NULL, fixture->db.context));
  gtk_window_present (GTK_WINDOW (window));
  rp_test_wait_until_mapped (GTK_WIDGET (window));

  rp_window_import_file (window, file);
  dialog = rp_test_find_toplevel (RP_TYPE_IMPORT_DIALOG);
  g_assert_nonnull (dialog);
  wait_for_page (dialog, "mapping");
  g_assert_true (rp_record_import_has_patient_columns (rp_import_dialog_get_records (dialog)));

  rp_import_dialog_review (dialog);
  wait_for_page (dialog, "review");
  rp_test_iterate_for (1500);
  g_assert_nonnull (rp_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_PREFERENCES_ROW,
                                      "Line 2: Dr. Ann Lee, MD"));
  g_assert_null (rp_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_PREFERENCES_ROW,
                                   "Patient Identifiers Cannot Be Imported"));
  g_assert_cmpuint (rp_store_count_rows (store, "referral"), ==, 1);
  rp_test_save_screenshot (GTK_WIDGET (dialog), "import-referrals-patients-review.png");

  rp_import_dialog_start (dialog);
  wait_long (dialog_gone, NULL);
  rows.count = 3;
  rp_test_wait_for (has_rows, &rows);

  /* Sealed as the editor seals them: the window's vault opens them. */
  {
    g_autoptr(RpReferralFilter) filter = rp_referral_filter_new ();
    g_autoptr(GArray) ids = rp_store_query_referral_ids (store, filter, &error);
    g_autoptr(GPtrArray) referrals = NULL;
    guint sealed = 0;

    g_assert_no_error (error);
    referrals = rp_store_load_referrals (store, (gint64 *) ids->data, ids->len, &error);
    for (guint i = 0; i < referrals->len; i++)
      {
        g_autoptr(RpPatient) patient = rp_vault_load_patient (vault,
                                                              g_ptr_array_index (referrals, i),
                                                              &error);

        g_assert_no_error (error);
        if (patient == NULL)
          continue;
        sealed++;
        if (g_str_equal (patient->mrn, "MRN-1001"))
          {
            g_assert_cmpstr (patient->name, ==, "Maria Lopez");
            g_assert_cmpstr (patient->date_of_birth, ==, "1970-04-02");
          }
        else
          {
            g_assert_cmpstr (patient->mrn, ==, "MRN-1002");
            g_assert_cmpstr (patient->date_of_birth, ==, "1981-05-06");
          }
      }
    g_assert_cmpuint (sealed, ==, 2);
  }

  /* The window's toast: Undo takes back the two imported referrals, not the one before. */
  rp_test_iterate_for (300);
  rp_test_save_screenshot (GTK_WIDGET (window), "import-referrals-toast.png");
  undo = rp_test_find_widget (GTK_WIDGET (window), is_button_labelled, "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  rows.count = 1;
  rp_test_wait_for (has_rows, &rows);

  rp_test_destroy_window (GTK_WINDOW (window), TRUE);
  g_object_unref (window);
}

/* The same file with the vault locked: the review says so, Import stays off, nothing is
 * written. */
static void
test_referrals_patients_locked (Fixture       *fixture,
                                gconstpointer  data)
{
  RpStore *store = fixture->db.store;
  g_autoptr(GFile) file = fixture_file ("referrals-patients.csv");
  g_autoptr(RpVault) locked = rp_vault_new (store);
  RpImportDialog *dialog;
  GtkWidget *import;

  rp_test_load_style ();
  add_two_partners (store);
  g_assert_cmpint (rp_vault_get_state (locked), !=, RP_VAULT_STATE_UNLOCKED);

  dialog = rp_import_dialog_new (NULL, store, file);
  rp_import_dialog_set_vault (dialog, locked);
  gtk_window_present (GTK_WINDOW (dialog));
  rp_test_wait_until_mapped (GTK_WIDGET (dialog));
  wait_for_page (dialog, "mapping");
  rp_import_dialog_review (dialog);
  wait_for_page (dialog, "review");
  rp_test_iterate_for (1500);
  g_assert_nonnull (rp_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_PREFERENCES_ROW,
                                      "Patient Identifiers Cannot Be Imported"));
  import = rp_test_find_widget (GTK_WIDGET (dialog), is_button_labelled, "_Import");
  g_assert_nonnull (import);
  g_assert_false (gtk_widget_get_sensitive (import));
  rp_test_save_screenshot (GTK_WIDGET (dialog), "import-referrals-patients-locked.png");
  g_assert_cmpuint (rp_store_count_rows (store, "referral"), ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *keyring_dir = g_dir_make_tmp ("rapport-import-keyring-XXXXXX", NULL);
  g_autofree char *keyring = g_build_filename (keyring_dir, "keyring", NULL);
  int status;

  /* libsecret's file backend: the test's own keyring for the patient vault, no D-Bus. */
  g_setenv ("SECRET_BACKEND", "file", TRUE);
  g_setenv ("SECRET_FILE_TEST_PATH", keyring, TRUE);
  g_setenv ("SECRET_FILE_TEST_PASSWORD", "test", TRUE);
  rp_test_init (&argc, &argv);

  g_test_add ("/app/import/steps", Fixture, NULL, fixture_set_up, test_steps,
              fixture_tear_down);
  g_test_add ("/app/import/referrals", Fixture, NULL, fixture_set_up, test_referrals,
              fixture_tear_down);
  g_test_add ("/app/import/activities", Fixture, NULL, fixture_set_up, test_activities,
              fixture_tear_down);
  g_test_add ("/app/import/progress-cancel", Fixture, NULL, fixture_set_up,
              test_progress_cancel, fixture_tear_down);
  g_test_add ("/app/import/problems", Fixture, NULL, fixture_set_up, test_problems,
              fixture_tear_down);
  g_test_add ("/app/import/referrals-patients", Fixture, NULL, fixture_set_up,
              test_referrals_patients, fixture_tear_down);
  g_test_add ("/app/import/referrals-patients-locked", Fixture, NULL, fixture_set_up,
              test_referrals_patients_locked, fixture_tear_down);

  status = g_test_run ();
  rp_test_remove_dir (keyring_dir);
  return status;
}
