/* rp-preferences-backups.c: the Backups page of the Preferences window.
 *
 * Back Up Now, the list of kept backups with their date, counts and size, Restore on each, and
 * Restore from File for a backup brought from another computer. Backups are made and read on a
 * worker thread through src/core's path-based calls (their own SQLite connections); a restore
 * goes through the window's store, so every page sees the new content at once.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-accessible.h"
#include "rp-preferences-window-private.h"
#include "rp-store-backup.h"
#include "rp-vault.h"

static void refresh_backups (RpPreferencesWindow *self);

/* What a worker's task carries: the database path, and the window as a weak reference, so that
 * a listing still running never keeps a closed window alive. */
typedef struct
{
  GWeakRef  window;
  char     *path;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_weak_ref_clear (&job->window);
  g_free (job->path);
  g_free (job);
}

static GTask *
new_job (RpPreferencesWindow *self,
         GAsyncReadyCallback  callback)
{
  Job *job = g_new0 (Job, 1);
  GTask *task = g_task_new (NULL, NULL, callback, NULL);

  g_weak_ref_init (&job->window, self);
  job->path = g_strdup (rp_store_get_path (rp_context_get_store (self->context)));
  g_task_set_task_data (task, job, job_free);
  return task;
}

static char *
format_when (GDateTime *created)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (created);

  /* Translators: a backup's date and time, e.g. "Monday 7 December 2026, 09:30". */
  return g_date_time_format (local, _("%A %-e %B %Y, %H:%M"));
}

static const char *
describe_reason (RpBackupReason reason)
{
  switch (reason)
    {
    case RP_BACKUP_REASON_MANUAL:
      return _("made on request");
    case RP_BACKUP_REASON_UPGRADE:
      return _("before an upgrade");
    case RP_BACKUP_REASON_RESTORE:
      return _("before a restore");
    case RP_BACKUP_REASON_DAILY:
    default:
      return _("daily");
    }
}

static char *
describe_backup (const RpBackupInfo *info)
{
  g_autofree char *size = g_format_size (info->size);
  g_autofree char *partners = g_strdup_printf (g_dngettext (NULL, "%u partner", "%u partners",
                                                            info->n_partners),
                                               info->n_partners);
  g_autofree char *referrals = g_strdup_printf (g_dngettext (NULL, "%u referral",
                                                             "%u referrals", info->n_referrals),
                                                info->n_referrals);

  /* Translators: "123 partners, 4567 referrals · 2.3 MB · daily" */
  return g_strdup_printf (_("%s, %s · %s · %s"), partners, referrals, size,
                          describe_reason (info->reason));
}

/* Restoring: asked first, then done through the window's store. */

typedef struct
{
  RpPreferencesWindow *self;
  char                *path;
} RestoreRequest;

static void
restore_request_free (gpointer data)
{
  RestoreRequest *request = data;

  g_clear_object (&request->self);
  g_free (request->path);
  g_free (request);
}

static void
relock_after_restore (RpPreferencesWindow *self)
{
  RpVault *vault = rp_context_get_vault (self->context);

  /* A backup from another computer carries its own database identity and key check: unlock
   * again; when this keyring does not have that key, the recovery key is asked for. */
  rp_vault_unlock_sync (vault, NULL, NULL);
  if (rp_vault_get_state (vault) == RP_VAULT_STATE_NEEDS_RECOVERY)
    gtk_widget_activate_action (GTK_WIDGET (self), "app.enter-recovery-key", NULL);
}

static void
restore_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  RestoreRequest *request = user_data;
  RpPreferencesWindow *self = request->self;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "restore") != 0)
    return;

  if (!rp_store_restore_from (rp_context_get_store (self->context), request->path, &error))
    {
      AdwMessageDialog *failed =
        ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                    _("The Backup Was Not Restored"),
                                                    error->message));

      adw_message_dialog_add_response (failed, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (failed));
      return;
    }

  _rp_preferences_window_show_toast (self, _("Backup restored; the replaced data was kept as a "
                                             "backup"), FALSE);
  relock_after_restore (self);
  refresh_backups (self);
}

static void
ask_to_restore (RpPreferencesWindow *self,
                const char          *path,
                const char          *what)
{
  AdwMessageDialog *dialog;
  RestoreRequest *request = g_new0 (RestoreRequest, 1);
  g_autofree char *body =
    g_strdup_printf (_("Rapport’s data will be replaced by the backup %s. What is in Rapport now "
                       "is kept as a backup first, so this can be undone."), what);

  request->self = g_object_ref (self);
  request->path = g_strdup (path);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Restore This Backup?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (restore_response_cb), request,
                         (GClosureNotify) (void (*) (void)) restore_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
restore_clicked_cb (GtkButton           *button,
                    RpPreferencesWindow *self)
{
  const char *path = g_object_get_data (G_OBJECT (button), "backup-path");
  const char *when = g_object_get_data (G_OBJECT (button), "backup-when");
  g_autofree char *what = g_strdup_printf (_("of %s"), when);

  ask_to_restore (self, path, what);
}

static void
file_chosen_cb (GtkNativeDialog *chooser,
                int              response,
                gpointer         user_data)
{
  RpPreferencesWindow *self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RpBackupInfo) info = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;

  /* Look before asking: a file that is not a Rapport backup is refused at once, unchanged. */
  info = rp_store_inspect_backup (path, FALSE, &error);
  if (info == NULL)
    {
      _rp_preferences_window_show_toast (self, error->message, FALSE);
      return;
    }

  {
    g_autofree char *name = g_file_get_basename (file);
    g_autofree char *counts = describe_backup (info);
    g_autofree char *what = g_strdup_printf ("“%s” (%s)", name, counts);

    ask_to_restore (self, path, what);
  }
}

static void
restore_file_clicked_cb (RpPreferencesWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Restore from a Backup File"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Restore…"),
                                         _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Rapport backups"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (file_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Listing and making backups on a worker thread. */

static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  GPtrArray *backups = rp_store_list_backups (job->path, &error);

  if (backups == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, backups, (GDestroyNotify) g_ptr_array_unref);
}

static void
clear_rows (RpPreferencesWindow *self)
{
  for (guint i = 0; self->backup_rows != NULL && i < self->backup_rows->len; i++)
    adw_preferences_group_remove (self->backups_group, g_ptr_array_index (self->backup_rows, i));
  if (self->backup_rows != NULL)
    g_ptr_array_set_size (self->backup_rows, 0);
}

static void
list_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(RpPreferencesWindow) self = g_weak_ref_get (&job->window);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *description = NULL;
  guint64 total = 0;

  backups = g_task_propagate_pointer (G_TASK (result), &error);
  if (self == NULL || self->backups_group == NULL)
    return;

  clear_rows (self);
  folder = rp_store_dup_backup_dir (rp_store_get_path (rp_context_get_store (self->context)));

  if (backups == NULL)
    {
      adw_preferences_group_set_description (self->backups_group, error->message);
      return;
    }

  for (guint i = 0; i < backups->len; i++)
    {
      RpBackupInfo *info = g_ptr_array_index (backups, i);
      g_autofree char *when = format_when (info->created);
      g_autofree char *subtitle = describe_backup (info);
      g_autofree char *accessible = g_strdup_printf (_("Restore the backup of %s"), when);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore…"));

      total += info->size;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      rp_accessible_set_label (button, accessible);
      g_object_set_data_full (G_OBJECT (button), "backup-path", g_strdup (info->path), g_free);
      g_object_set_data_full (G_OBJECT (button), "backup-when", g_strdup (when), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (restore_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (self->backups_group, row);
      g_ptr_array_add (self->backup_rows, row);
    }

  if (backups->len == 0)
    description = g_strdup_printf (_("No backup yet. They are kept in %s."), folder);
  else
    {
      g_autofree char *size = g_format_size (total);

      description = g_strdup_printf (g_dngettext (NULL, "%u backup, %s in all, kept in %s.",
                                                  "%u backups, %s in all, kept in %s.",
                                                  backups->len),
                                     backups->len, size, folder);
    }
  adw_preferences_group_set_description (self->backups_group, description);
}

static void
refresh_backups (RpPreferencesWindow *self)
{
  g_autoptr(GTask) task = new_job (self, list_done_cb);

  g_task_run_in_thread (task, list_thread);
}

static void
backup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;

  if (rp_store_backup_now (job->path, RP_BACKUP_REASON_MANUAL, NULL, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
backup_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(RpPreferencesWindow) self = g_weak_ref_get (&job->window);
  g_autoptr(GError) error = NULL;

  if (self == NULL)
    return;

  if (self->backup_now_button != NULL)
    gtk_widget_set_sensitive (GTK_WIDGET (self->backup_now_button), TRUE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *message = g_strdup_printf (_("No backup was made: %s"), error->message);

      _rp_preferences_window_show_toast (self, message, FALSE);
      return;
    }

  _rp_preferences_window_show_toast (self, _("Backup made"), FALSE);
  refresh_backups (self);
}

static void
backup_now_clicked_cb (RpPreferencesWindow *self)
{
  g_autoptr(GTask) task = new_job (self, backup_done_cb);

  gtk_widget_set_sensitive (GTK_WIDGET (self->backup_now_button), FALSE);
  g_task_run_in_thread (task, backup_thread);
}

static GtkWidget *
add_action_row (AdwPreferencesGroup *group,
                const char          *title,
                const char          *subtitle,
                const char          *button_label,
                GCallback            callback,
                RpPreferencesWindow *self)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (button_label);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  g_signal_connect_swapped (button, "clicked", callback, self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  adw_preferences_group_add (group, row);

  return button;
}

void
_rp_preferences_window_add_backups_page (RpPreferencesWindow *self)
{
  AdwPreferencesPage *page;
  AdwPreferencesGroup *group;
  gboolean read_only = rp_store_is_read_only (rp_context_get_store (self->context));

  page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  adw_preferences_page_set_title (page, _("Backups"));
  adw_preferences_page_set_name (page, "backups");
  adw_preferences_page_set_icon_name (page, "document-save-symbolic");

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Backups"));
  adw_preferences_group_set_description (group,
                                         _("Rapport copies its data every day, and before every "
                                           "upgrade and restore. It keeps one a day for a week, "
                                           "one a week for a month and one a month for a year. "
                                           "Patient details stay encrypted in backups: keep "
                                           "the recovery key to open them on another computer."));
  self->backup_now_button =
    GTK_BUTTON (add_action_row (group, _("Back Up Now"), _("Copy Rapport’s data now"),
                                _("_Back Up"), G_CALLBACK (backup_now_clicked_cb), self));
  g_object_add_weak_pointer (G_OBJECT (self->backup_now_button),
                             (gpointer *) &self->backup_now_button);
  {
    GtkWidget *button =
      add_action_row (group, _("Restore from File"),
                      _("A backup from another computer or an earlier copy"), _("_Choose…"),
                      G_CALLBACK (restore_file_clicked_cb), self);

    gtk_widget_set_sensitive (button, !read_only);
  }
  gtk_widget_set_sensitive (GTK_WIDGET (self->backup_now_button), TRUE);
  adw_preferences_page_add (page, group);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Kept Backups"));
  self->backups_group = group;
  g_object_add_weak_pointer (G_OBJECT (group), (gpointer *) &self->backups_group);
  self->backup_rows = g_ptr_array_new ();
  gtk_widget_set_sensitive (GTK_WIDGET (group), !read_only);
  adw_preferences_page_add (page, group);

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), page);
  refresh_backups (self);
}
