/* test-export-dialog.c: exporting referrals, activities and tasks from the app: the Export
 * Referrals dialog (patient identifiers off by default, a warning when ticked, refused while the
 * vault is locked) and the files written, header and rows (Xvfb).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rp-exchange-actions.h"
#include "rp-export-dialog.h"
#include "rp-export-progress.h"
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
  rp_test_db_open (&fixture->db, "rapport-export-XXXXXX");
  rp_test_db_make_context (&fixture->db, reset_keys);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  rp_test_db_close (&fixture->db);
}

/* The file's lines (CRLF endings), the last empty one dropped. */
static GStrv
read_lines (const char *path)
{
  g_autofree char *contents = NULL;
  GStrv lines;
  guint n;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\r\n", -1);
  n = g_strv_length (lines);
  if (n > 0 && *lines[n - 1] == '\0')
    {
      g_free (lines[n - 1]);
      lines[n - 1] = NULL;
    }
  return lines;
}

typedef struct
{
  char *message;
} Exported;

static void
exported_cb (RpExportDialog *dialog,
             const char     *message,
             Exported       *exported)
{
  g_free (exported->message);
  exported->message = g_strdup (message);
}

/* Ann Lee with two referrals, one of them with a sealed patient. */
static void
add_referrals (RpStore *store,
               RpVault *vault)
{
  g_autoptr(RpPartner) ann = rp_test_make_person ("Ann", "Lee", "1234567893");
  g_autoptr(RpReferral) first = NULL;
  g_autoptr(RpReferral) second = NULL;
  g_autoptr(RpPatient) patient = rp_patient_new ("Maria Lopez", "1970-04-02", "MRN-1001",
                                                 "(614) 555-0101");
  g_autoptr(GError) error = NULL;

  rp_test_insert_partner (store, ann);
  first = rp_test_add_referral (store, ann, RP_REFERRAL_DIRECTION_INBOUND, "2026-03-14",
                                RP_REFERRAL_STATUS_RECEIVED);
  second = rp_test_add_referral (store, ann, RP_REFERRAL_DIRECTION_OUTBOUND, "2026-03-15",
                                 RP_REFERRAL_STATUS_SEEN);
  if (vault != NULL)
    {
      g_assert_true (rp_vault_store_patient (vault, first, patient, &error));
      g_assert_no_error (error);
    }
}

/* Unlocks @vault with the test's keyring; skips the test (FALSE) when it cannot. */
static gboolean
unlock_or_skip (RpVault *vault)
{
  g_autoptr(GError) error = NULL;

  rp_vault_unlock_sync (vault, NULL, &error);
  g_assert_no_error (error);
  if (rp_vault_get_state (vault) != RP_VAULT_STATE_UNLOCKED)
    {
      g_test_skip ("no unlocked keyring");
      return FALSE;
    }
  return TRUE;
}

/* Off by default: no patient column, no patient value; ticked: a warning, then four columns
 * more with the identifiers opened. */
static void
test_referrals (Fixture       *fixture,
                gconstpointer  data)
{
  RpStore *store = fixture->db.store;
  RpVault *vault = rp_context_get_vault (fixture->db.context);
  g_autofree char *path = g_build_filename (fixture->db.dir, "referrals.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  RpExportDialog *dialog;
  GtkWidget *warning;
  Exported exported = { NULL };

  if (!unlock_or_skip (vault))
    return;
  rp_test_load_style ();
  add_referrals (store, vault);

  /* Without patient identifiers, as the dialog opens. */
  dialog = rp_export_dialog_new (NULL, store, vault);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), &exported);
  gtk_window_present (GTK_WINDOW (dialog));
  rp_test_wait_until_mapped (GTK_WIDGET (dialog));
  g_assert_false (rp_export_dialog_get_include_patient (dialog));
  warning = rp_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_PREFERENCES_ROW,
                              "Patient Identifiers Leave the Encrypted Store");
  g_assert_nonnull (warning);
  g_assert_false (gtk_widget_is_visible (warning));
  rp_test_iterate_for (300);
  rp_test_save_screenshot (GTK_WIDGET (dialog), "export-referrals.png");
  g_assert_true (rp_export_dialog_write (dialog, file, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (exported.message, ==, "Exported 2 referrals");
  rp_test_iterate_for (100);
  g_assert_null (dialog);   /* closed once written */

  lines = read_lines (path);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpstr (lines[0], ==, "\"UUID\",\"Partner UUID\",\"Partner NPI\",\"Partner\","
                                 "\"Direction\",\"Referred On\",\"Status\",\"Status Reason\","
                                 "\"Reason\",\"Service Line\",\"Urgency\",\"Notes\",\"Outcome\"");
  g_assert_nonnull (strstr (lines[1], "1234567893"));
  g_assert_nonnull (strstr (lines[1] , "2026-03-1"));
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_null (strstr (lines[i], "Patient"));
      g_assert_null (strstr (lines[i], "Maria"));
      g_assert_null (strstr (lines[i], "MRN-1001"));
    }
  g_clear_pointer (&lines, g_strfreev);

  /* Ticked: the warning shows, and the file holds the identifiers. */
  dialog = rp_export_dialog_new (NULL, store, vault);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), &exported);
  gtk_window_present (GTK_WINDOW (dialog));
  rp_test_wait_until_mapped (GTK_WIDGET (dialog));
  rp_export_dialog_set_include_patient (dialog, TRUE);
  g_assert_true (rp_export_dialog_get_include_patient (dialog));
  warning = rp_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_PREFERENCES_ROW,
                              "Patient Identifiers Leave the Encrypted Store");
  rp_test_iterate_for (300);
  g_assert_true (gtk_widget_is_visible (warning));
  rp_test_save_screenshot (GTK_WIDGET (dialog), "export-referrals-patient-warning.png");
  g_assert_true (rp_export_dialog_write (dialog, file, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (exported.message, ==, "Exported 2 referrals with patient identifiers");

  lines = read_lines (path);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_str_has_suffix (lines[0], "\"Outcome\",\"Patient Name\",\"Patient DOB\","
                                             "\"Patient MRN\",\"Patient Phone\""));
  g_assert_nonnull (strstr (lines[1], "\"Maria Lopez\",\"1970-04-02\",\"MRN-1001\""));
  g_assert_null (strstr (lines[2], "Maria"));

  g_free (exported.message);
  g_unlink (path);
}

/* A locked vault: the check box is off and cannot be ticked, the row says why, and a write
 * asked for with identifiers is an error, never a file without them. */
static void
test_locked (Fixture       *fixture,
             gconstpointer  data)
{
  RpStore *store = fixture->db.store;
  g_autoptr(RpVault) locked = rp_vault_new (store);
  g_autofree char *path = g_build_filename (fixture->db.dir, "referrals.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  RpExportDialog *dialog;
  AdwActionRow *row;

  rp_test_load_style ();
  add_referrals (store, NULL);
  g_assert_cmpint (rp_vault_get_state (locked), !=, RP_VAULT_STATE_UNLOCKED);

  dialog = rp_export_dialog_new (NULL, store, locked);
  gtk_window_present (GTK_WINDOW (dialog));
  rp_test_wait_until_mapped (GTK_WIDGET (dialog));
  row = rp_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW,
                          "Include _Patient Identifiers");
  g_assert_nonnull (row);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (row)));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "locked"));
  rp_export_dialog_set_include_patient (dialog, TRUE);
  g_assert_false (rp_export_dialog_get_include_patient (dialog));
  rp_test_iterate_for (300);
  rp_test_save_screenshot (GTK_WIDGET (dialog), "export-referrals-locked.png");
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_false (rp_exchange_export_records (store, RP_STORE_EXPORT_REFERRALS, locked, TRUE,
                                              file, NULL, &error));
  g_assert_error (error, RP_VAULT_ERROR, RP_VAULT_ERROR_LOCKED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* Activities and tasks: what the file chooser's Export writes, with their UUIDs and no
 * patient identifiers, ever. */
static void
test_activities_tasks (Fixture       *fixture,
                       gconstpointer  data)
{
  RpStore *store = fixture->db.store;
  g_autofree char *path = g_build_filename (fixture->db.dir, "export.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(RpTask) task = rp_task_new (RP_TASK_KIND_FOLLOW_UP);
  g_auto(GStrv) lines = NULL;
  g_autofree char *message = NULL;
  gint64 ann = rp_test_add_active_person (store, "Lee", RP_TIER_A, 0, 0);

  rp_test_add_visit_activity (store, ann, "2026-03-10");
  rp_task_set_title (task, "Send the packet");
  rp_task_set_partner_id (task, ann);
  rp_task_set_due_on (task, "2026-03-20");
  g_assert_true (rp_store_insert_task (store, task, &error));

  g_assert_true (rp_exchange_export_records (store, RP_STORE_EXPORT_ACTIVITIES, NULL, FALSE,
                                             file, &message, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (message, ==, "Exported 1 activity");
  lines = read_lines (path);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_true (g_str_has_prefix (lines[0], "\"UUID\",\"Partner UUIDs\",\"Partner NPIs\","
                                             "\"Partners\",\"Activity Type\",\"Date\""));
  g_assert_nonnull (strstr (lines[1], "\"visit\""));
  g_clear_pointer (&lines, g_strfreev);
  g_clear_pointer (&message, g_free);

  g_assert_true (rp_exchange_export_records (store, RP_STORE_EXPORT_TASKS, NULL, FALSE, file,
                                             &message, &error));
  g_assert_cmpstr (message, ==, "Exported 1 task");
  lines = read_lines (path);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_true (g_str_has_prefix (lines[0], "\"UUID\",\"Kind\",\"Title\""));
  g_assert_nonnull (strstr (lines[1], rp_task_get_uuid (task)));
  g_assert_nonnull (strstr (lines[1], "\"Send the packet\""));
  g_clear_pointer (&message, g_free);

  /* Patient identifiers belong to referrals only. */
  g_assert_false (rp_exchange_export_records (store, RP_STORE_EXPORT_TASKS, NULL, TRUE, file,
                                              &message, &error));
  g_assert_error (error, RP_VAULT_ERROR, RP_VAULT_ERROR_LOCKED);
  g_unlink (path);
}

static gboolean
export_finished (gpointer data)
{
  return !rp_export_progress_is_running (data);
}

/* Every export runs on a worker thread with its own connection: the window keeps drawing, the
 * progress dialog shows the rows written and Cancel leaves the file as it was; when done, a
 * toast with Open. Patient identifiers still need the unlocked vault (the worker opens them
 * with a copy of its key). */
static void
test_worker (Fixture       *fixture,
             gconstpointer  data)
{
  RpStore *store = fixture->db.store;
  RpVault *vault = rp_context_get_vault (fixture->db.context);
  g_autoptr(RpVault) locked = rp_vault_new (store);
  RpWindow *window = NULL;
  g_autofree char *path = g_build_filename (fixture->db.dir, "referrals.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(RpExportJob) job = NULL;
  g_autoptr(RpPartner) bob = rp_test_make_person ("Bob", "Ray", "1245319599");
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  RpExportProgress *progress;
  const guint n_more = 40000;

  if (!unlock_or_skip (vault))
    return;
  rp_test_load_style ();
  add_referrals (store, vault);
  rp_test_insert_partner (store, bob);
  g_assert_true (rp_store_begin (store, &error));
  rp_test_add_referrals (store, rp_partner_get_id (bob), "2026-04-01", n_more);
  g_assert_true (rp_store_commit (store, &error));
  g_assert_no_error (error);

  window = g_object_ref_sink (rp_window_new (NULL, fixture->db.context));
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  rp_test_wait_until_mapped (GTK_WIDGET (window));

  /* A locked vault is refused before anything starts. */
  g_assert_null (rp_exchange_new_record_export (store, RP_STORE_EXPORT_REFERRALS, locked, TRUE,
                                                file, &error));
  g_assert_error (error, RP_VAULT_ERROR, RP_VAULT_ERROR_LOCKED);
  g_clear_error (&error);

  /* With the identifiers, ticked and unlocked: the progress dialog, then the toast. */
  job = rp_exchange_new_record_export (store, RP_STORE_EXPORT_REFERRALS, vault, TRUE, file,
                                       &error);
  g_assert_no_error (error);
  progress = g_object_ref (rp_export_progress_run (GTK_WINDOW (window), job, "Failed"));
  rp_export_progress_present_now (progress);
  rp_test_wait_until_mapped (GTK_WIDGET (progress));
  rp_test_iterate_for (50);
  /* The export may end (and its dialog close) before or while the dialog is drawn. */
  if (!rp_export_progress_is_running (progress) ||
      !rp_test_try_save_screenshot (GTK_WIDGET (progress), "export-progress.png"))
    g_test_message ("the export ended before its progress could be drawn");
  rp_test_wait_for (export_finished, progress);
  g_object_unref (progress);
  rp_test_iterate_for (400);
  rp_test_save_screenshot (GTK_WIDGET (window), "export-done-toast.png");

  lines = read_lines (path);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 2 + n_more);
  g_assert_true (g_str_has_suffix (lines[0], "\"Patient Name\",\"Patient DOB\","
                                             "\"Patient MRN\",\"Patient Phone\""));
  g_assert_nonnull (strstr (lines[1], "\"Maria Lopez\",\"1970-04-02\",\"MRN-1001\""));
  g_assert_cmpuint (rp_export_job_get_written (job), ==, 2 + n_more);
  g_assert_cmpuint (rp_export_job_get_total (job), ==, 2 + n_more);

  /* Cancelled: the file that was there stays as it was. */
  g_assert_true (g_file_set_contents (path, "before\r\n", -1, NULL));
  g_clear_object (&job);
  job = rp_exchange_new_record_export (store, RP_STORE_EXPORT_REFERRALS, NULL, FALSE, file,
                                       &error);
  g_assert_no_error (error);
  progress = g_object_ref (rp_export_progress_run (GTK_WINDOW (window), job, "Failed"));
  rp_export_progress_cancel (progress);
  rp_test_wait_for (export_finished, progress);
  g_object_unref (progress);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "before\r\n");
  rp_test_iterate_for (100);

  rp_test_destroy_window (GTK_WINDOW (window), TRUE);
  g_object_unref (window);
  g_unlink (path);
}

/* The main menu offers each export; the actions are there. */
static void
test_menu (Fixture       *fixture,
           gconstpointer  data)
{
  RpWindow *window = g_object_ref_sink (rp_window_new (NULL, fixture->db.context));
  const char * const names[] = {
    "export-partners", "export-referrals", "export-activities", "export-tasks",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), names[i]));

  gtk_window_present (GTK_WINDOW (window));
  rp_test_wait_until_mapped (GTK_WIDGET (window));

  /* The Referrals page's menu offers it too. */
  {
    GtkWidget *page, *button;
    GMenuModel *menu, *section;
    g_autofree char *action = NULL;

    g_assert_true (rp_window_set_visible_page_name (window, "referrals"));
    page = rp_window_get_page (window, "referrals");
    rp_test_wait_until_mapped (page);
    button = rp_test_find_by_tooltip (page, "Referrals Menu");
    g_assert_true (GTK_IS_MENU_BUTTON (button));
    menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
    section = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
    g_assert_true (g_menu_model_get_item_attribute (section, 0, G_MENU_ATTRIBUTE_ACTION, "s",
                                                    &action));
    g_assert_cmpstr (action, ==, "win.export-referrals");
    g_object_unref (section);
  }

  /* The Timeline page's menu exports activities, the Follow-ups page's tasks; each button is
   * named for the page. */
  {
    const char * const pages[][3] = {
      { "timeline", "Timeline Menu", "win.export-activities" },
      { "follow-ups", "Follow-ups Menu", "win.export-tasks" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
      {
        GtkWidget *page, *button;
        GMenuModel *menu, *section;
        g_autofree char *action = NULL;

        g_assert_true (rp_window_set_visible_page_name (window, pages[i][0]));
        page = rp_window_get_page (window, pages[i][0]);
        rp_test_wait_until_mapped (page);
        button = rp_test_find_by_tooltip (page, pages[i][1]);
        g_assert_true (GTK_IS_MENU_BUTTON (button));
        menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
        section = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
        if (section == NULL)
          section = g_object_ref (menu);
        g_assert_true (g_menu_model_get_item_attribute (section, 0, G_MENU_ATTRIBUTE_ACTION,
                                                        "s", &action));
        g_assert_cmpstr (action, ==, pages[i][2]);
        g_object_unref (section);
      }
  }

  /* Export Referrals… opens the dialog. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "export-referrals", NULL);
  rp_test_iterate_for (200);
  g_assert_nonnull (rp_test_find_toplevel (RP_TYPE_EXPORT_DIALOG));

  rp_test_destroy_window (GTK_WINDOW (window), TRUE);
  g_object_unref (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *keyring_dir = g_dir_make_tmp ("rapport-export-keyring-XXXXXX", NULL);
  g_autofree char *keyring = g_build_filename (keyring_dir, "keyring", NULL);
  int status;

  /* libsecret's file backend: the test's own keyring for the patient vault, no D-Bus. */
  g_setenv ("SECRET_BACKEND", "file", TRUE);
  g_setenv ("SECRET_FILE_TEST_PATH", keyring, TRUE);
  g_setenv ("SECRET_FILE_TEST_PASSWORD", "test", TRUE);
  rp_test_init (&argc, &argv);

  g_test_add ("/app/export/referrals", Fixture, NULL, fixture_set_up, test_referrals,
              fixture_tear_down);
  g_test_add ("/app/export/locked", Fixture, NULL, fixture_set_up, test_locked,
              fixture_tear_down);
  g_test_add ("/app/export/activities-tasks", Fixture, NULL, fixture_set_up,
              test_activities_tasks, fixture_tear_down);
  g_test_add ("/app/export/worker", Fixture, NULL, fixture_set_up, test_worker,
              fixture_tear_down);
  g_test_add ("/app/export/menu", Fixture, NULL, fixture_set_up, test_menu, fixture_tear_down);

  status = g_test_run ();
  rp_test_remove_dir (keyring_dir);
  return status;
}
