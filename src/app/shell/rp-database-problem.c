/* rp-database-problem.c: what the window says when Rapport's database cannot be opened.
 *
 * Instead of a line on stderr and no window: a dialog that says what is wrong and offers the
 * ways out a liaison has — the latest backup, another file, or quitting — and changes nothing
 * before one is chosen.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-database-problem.h"
#include "rp-store-backup.h"
#include "rp-store.h"

typedef struct
{
  GtkApplication            *application;
  char                      *path;
  char                      *backup_path;
  RpDatabaseProblemCallback  callback;
  gpointer                   user_data;
} Problem;

static void
problem_free (Problem *problem)
{
  g_clear_object (&problem->application);
  g_free (problem->path);
  g_free (problem->backup_path);
  g_free (problem);
}

static void
finish (Problem                  *problem,
        RpDatabaseProblemOutcome  outcome,
        const char               *path)
{
  problem->callback (outcome, path, problem->user_data);
  problem_free (problem);
}

static void present_problem (Problem      *problem,
                             const GError *error);

static void
file_chosen_cb (GtkNativeDialog *chooser,
                int              response,
                gpointer         user_data)
{
  Problem *problem = user_data;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    {
      /* Cancelled: back to the question, nothing changed. */
      g_autoptr(GError) again = g_error_new_literal (RP_STORE_ERROR, RP_STORE_ERROR_OPEN,
                                                     _("No other file was chosen"));

      present_problem (problem, again);
      return;
    }

  /* Looked at before it is used: a file that is not a Rapport database is refused unchanged. */
  if (!rp_store_check_file (path, &error))
    {
      g_free (problem->path);
      problem->path = g_steal_pointer (&path);
      g_clear_pointer (&problem->backup_path, g_free);
      present_problem (problem, error);
      return;
    }

  finish (problem, RP_DATABASE_PROBLEM_OPEN, path);
}

static void
open_another (Problem *problem)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Open a Rapport Database"), NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Rapport databases"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (file_chosen_cb), problem);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
restore_latest (Problem *problem)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *kept_as = NULL;

  if (!rp_store_replace_with_backup (problem->path, problem->backup_path, &kept_as, &error))
    {
      present_problem (problem, error);
      return;
    }

  g_message ("The unreadable database was kept as %s", kept_as);
  finish (problem, RP_DATABASE_PROBLEM_OPEN, problem->path);
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             gpointer          user_data)
{
  Problem *problem = user_data;

  if (g_strcmp0 (response, "restore") == 0)
    restore_latest (problem);
  else if (g_strcmp0 (response, "open") == 0)
    open_another (problem);
  else
    finish (problem, RP_DATABASE_PROBLEM_QUIT, problem->path);
}

static char *
latest_backup (const char *path,
               char      **description)
{
  g_autoptr(GPtrArray) backups = rp_store_list_backups (path, NULL);
  RpBackupInfo *info;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *when = NULL;

  if (backups == NULL || backups->len == 0)
    return NULL;

  info = g_ptr_array_index (backups, 0);
  local = g_date_time_to_local (info->created);
  /* Translators: a backup's date and time, e.g. "Monday 7 December 2026, 09:30". */
  when = g_date_time_format (local, _("%A %-e %B %Y, %H:%M"));
  *description = g_strdup_printf (ngettext ("The latest backup is from %s (%u partner).",
                                            "The latest backup is from %s (%u partners).",
                                            info->n_partners),
                                  when, info->n_partners);
  return g_strdup (info->path);
}

static void
present_problem (Problem      *problem,
                 const GError *error)
{
  AdwMessageDialog *dialog;
  g_autofree char *backup_text = NULL;
  g_autofree char *body = NULL;

  g_clear_pointer (&problem->backup_path, g_free);
  problem->backup_path = latest_backup (problem->path, &backup_text);

  body = g_strdup_printf ("%s\n\n%s%s%s", error->message,
                          _("Nothing has been changed."),
                          backup_text != NULL ? " " : "",
                          backup_text != NULL ? backup_text : "");

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (NULL, _("Rapport Cannot Open Its Data"),
                                                       body));
  gtk_window_set_application (GTK_WINDOW (dialog), problem->application);
  adw_message_dialog_add_response (dialog, "quit", _("_Quit"));
  adw_message_dialog_add_response (dialog, "open", _("_Open Another File…"));
  if (problem->backup_path != NULL)
    {
      adw_message_dialog_add_response (dialog, "restore", _("_Restore Latest Backup"));
      adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "restore");
    }
  else
    {
      adw_message_dialog_set_default_response (dialog, "open");
    }
  adw_message_dialog_set_close_response (dialog, "quit");
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), problem);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
rp_database_problem_present (GtkApplication            *application,
                             const char                *path,
                             const GError              *error,
                             RpDatabaseProblemCallback  callback,
                             gpointer                   user_data)
{
  Problem *problem;

  g_return_if_fail (GTK_IS_APPLICATION (application));
  g_return_if_fail (path != NULL);
  g_return_if_fail (error != NULL);
  g_return_if_fail (callback != NULL);

  problem = g_new0 (Problem, 1);
  problem->application = g_object_ref (application);
  problem->path = g_strdup (path);
  problem->callback = callback;
  problem->user_data = user_data;

  present_problem (problem, error);
}
