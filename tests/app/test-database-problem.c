/* test-database-problem.c: when the database cannot be opened, the window asks what to do.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "rp-database-problem.h"
#include "rp-store-backup.h"
#include "rp-test-app.h"
#include "rp-test-core.h"

typedef struct
{
  gboolean                  called;
  RpDatabaseProblemOutcome  outcome;
  char                     *path;
} Answer;

static void
answer_cb (RpDatabaseProblemOutcome  outcome,
           const char               *path,
           gpointer                  user_data)
{
  Answer *answer = user_data;

  answer->called = TRUE;
  answer->outcome = outcome;
  answer->path = g_strdup (path);
}

static AdwMessageDialog *
find_dialog (GtkApplication *application)
{
  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      return l->data;

  return NULL;
}

static GtkApplication *
new_application (void)
{
  g_autoptr(GError) error = NULL;
  static guint serial = 0;
  g_autofree char *id = g_strdup_printf ("io.github.rapport.Rapport.TestProblem%u", ++serial);
  GtkApplication *application = gtk_application_new (id, G_APPLICATION_NON_UNIQUE);

  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);
  return application;
}

/* A damaged database with a backup beside it: the dialog says what is wrong, that nothing was
 * changed, and offers the latest backup; choosing it keeps the damaged file and restores. */
static void
test_restore_latest (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) open_error = NULL;
  g_autoptr(GtkApplication) application = new_application ();
  RpTestStore fixture = { 0 };
  g_autoptr(RpStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  Answer answer = { 0 };
  AdwMessageDialog *dialog;

  rp_test_store_make_dir (&fixture, "rapport-problem-XXXXXX");
  store = rp_store_open (fixture.path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 5; i++)
    g_object_unref (rp_test_add_partner (store, RP_PARTNER_KIND_PERSON, "Pat", "Kept"));
  g_assert_true (rp_store_backup_now (fixture.path, RP_BACKUP_REASON_DAILY, NULL, &error));
  g_clear_object (&store);

  g_assert_true (g_file_set_contents (fixture.path, "this is no longer a database", -1, NULL));
  before = rp_test_checksum_file (fixture.path);
  g_assert_false (rp_store_check_file (fixture.path, &open_error));

  rp_database_problem_present (application, fixture.path, open_error, answer_cb, &answer);
  dialog = find_dialog (application);
  g_assert_nonnull (dialog);
  rp_test_wait_until_mapped (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Nothing has been changed"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), open_error->message));
  g_assert_true (adw_message_dialog_has_response (dialog, "restore"));
  g_assert_true (adw_message_dialog_has_response (dialog, "open"));
  g_assert_true (adw_message_dialog_has_response (dialog, "quit"));
  rp_test_save_screenshot (GTK_WIDGET (dialog), "database-problem.png");

  /* Asking changed nothing. */
  after = rp_test_checksum_file (fixture.path);
  g_assert_cmpstr (before, ==, after);

  adw_message_dialog_response (dialog, "restore");
  g_assert_true (answer.called);
  g_assert_cmpint (answer.outcome, ==, RP_DATABASE_PROBLEM_OPEN);
  g_assert_cmpstr (answer.path, ==, fixture.path);

  store = rp_store_open (fixture.path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rp_store_count_partners (store, FALSE), ==, 5);
  g_clear_object (&store);

  g_free (answer.path);
  rp_test_store_close (&fixture);
}

/* No backup: Quit and Open Another File only; Quit changes nothing. */
static void
test_quit_without_backup (void)
{
  g_autoptr(GError) open_error = NULL;
  g_autoptr(GtkApplication) application = new_application ();
  RpTestStore fixture = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  Answer answer = { 0 };
  AdwMessageDialog *dialog;

  rp_test_store_make_dir (&fixture, "rapport-problem-XXXXXX");
  g_assert_true (g_file_set_contents (fixture.path, "not a database", -1, NULL));
  before = rp_test_checksum_file (fixture.path);
  g_assert_false (rp_store_check_file (fixture.path, &open_error));

  rp_database_problem_present (application, fixture.path, open_error, answer_cb, &answer);
  dialog = find_dialog (application);
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_has_response (dialog, "restore"));

  adw_message_dialog_response (dialog, "quit");
  g_assert_true (answer.called);
  g_assert_cmpint (answer.outcome, ==, RP_DATABASE_PROBLEM_QUIT);
  after = rp_test_checksum_file (fixture.path);
  g_assert_cmpstr (before, ==, after);

  g_free (answer.path);
  rp_test_store_close (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  rp_test_init (&argc, &argv);

  g_test_add_func ("/app/database-problem/restore-latest", test_restore_latest);
  g_test_add_func ("/app/database-problem/quit-without-backup", test_quit_without_backup);

  return g_test_run ();
}
