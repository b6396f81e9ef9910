/* rp-application.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>

#include "rp-accessible.h"
#include "rp-application.h"
#include "rp-autostart.h"
#include "rp-clock.h"
#include "rp-command-line.h"
#include "rp-help.h"
#include "rp-preferences-window.h"
#include "rp-recovery-key-dialog.h"
#include "rp-reminder-service.h"
#include "rp-sample.h"
#include "rp-database-problem.h"
#include "rp-store-backup.h"
#include "rp-store-partners.h"
#include "rp-store-practice.h"
#include "rp-store.h"
#include "rp-window.h"

struct _RpApplication
{
  AdwApplication     parent_instance;

  GSettings         *settings;
  RpContext         *context;
  RpReminderService *reminders;
  guint              start_reminders_id;
  char              *database_path;
  gboolean           vault_unlocked; /* the first unlock finished; its dialogs not shown yet */
  gboolean           background;     /* --background: the next activation opens no window */
  gboolean           held;           /* one g_application_hold for reminders with no window */
  gboolean           quitting;       /* app.quit is closing the windows: no holding on */
  GError            *open_error;     /* the database could not be opened: ask what to do */
  guint              backup_timer_id; /* looks every few hours whether a daily backup is due */
};

G_DEFINE_FINAL_TYPE (RpApplication, rp_application, ADW_TYPE_APPLICATION)

static GtkWindow *
find_main_window (RpApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (RP_IS_WINDOW (l->data))
        return l->data;
    }

  return NULL;
}

/* After the first unlock, over the main window: a new key's recovery key, shown once, or the
 * recovery key dialog when the keyring lacks this database's key. */
static void
show_vault_dialogs (RpApplication *self)
{
  GtkWindow *window = find_main_window (self);
  RpVault *vault;
  g_autofree char *recovery_key = NULL;
  GtkWidget *dialog = NULL;

  if (window == NULL || !self->vault_unlocked || self->context == NULL)
    return;

  self->vault_unlocked = FALSE;
  vault = rp_context_get_vault (self->context);
  recovery_key = rp_vault_take_recovery_key (vault);

  if (recovery_key != NULL)
    {
      dialog = rp_recovery_key_dialog_new_show_for (window, vault, recovery_key);
      memset (recovery_key, 0, strlen (recovery_key));
    }
  else if (rp_vault_get_state (vault) == RP_VAULT_STATE_NEEDS_RECOVERY)
    {
      dialog = rp_recovery_key_dialog_new_enter (window, vault);
    }

  if (dialog != NULL)
    {
      gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
vault_unlocked_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(RpApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  /* A locked or absent keyring is no error: the vault's state and state-message say it, and
   * the pages show patient fields as locked. */
  if (!rp_vault_unlock_finish (RP_VAULT (object), result, &error))
    g_debug ("Unlocking patient data failed: %s", error->message);

  self->vault_unlocked = TRUE;
  show_vault_dialogs (self);
}

static RpWindow *
ensure_main_window (RpApplication *self)
{
  GtkWindow *window = find_main_window (self);

  g_assert (self->context != NULL);

  if (window == NULL)
    {
      window = GTK_WINDOW (rp_window_new (GTK_APPLICATION (self), self->context));
      rp_window_set_reminder_service (RP_WINDOW (window), self->reminders);
    }

  return RP_WINDOW (window);
}

/* "Open" on a task's notification, or "Open Follow-ups" on a digest: the window, at the
 * Follow-ups page, where the task is. */
static void
show_follow_ups (RpApplication *self)
{
  RpWindow *window = ensure_main_window (self);

  rp_window_set_visible_page_name (window, "follow-ups");
  gtk_window_present (GTK_WINDOW (window));
  show_vault_dialogs (self);
}

static void
reminders_open_task_cb (RpApplication     *self,
                        gint64             task_id,
                        RpReminderService *reminders)
{
  g_assert (RP_IS_APPLICATION (self));

  show_follow_ups (self);

  /* "Open" raises the window at that task. */
  if (!rp_window_show_task (ensure_main_window (self), task_id))
    g_debug ("Task %" G_GINT64_FORMAT " is not on the Follow-ups page", task_id);
}

static void
reminders_open_follow_ups_cb (RpApplication     *self,
                              RpReminderService *reminders)
{
  g_assert (RP_IS_APPLICATION (self));

  show_follow_ups (self);
}

static gboolean
start_reminders_idle_cb (gpointer user_data)
{
  RpApplication *self = user_data;

  self->start_reminders_id = 0;
  rp_reminder_service_start (self->reminders);

  return G_SOURCE_REMOVE;
}

static void
start_reminders (RpApplication *self)
{
  g_autoptr(RpClock) clock = rp_clock_new_system ();

  g_assert (self->context != NULL);
  g_assert (self->reminders == NULL);

  self->reminders = rp_reminder_service_new (self->context, clock);
  g_signal_connect_object (self->reminders, "open-task",
                           G_CALLBACK (reminders_open_task_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reminders, "open-follow-ups",
                           G_CALLBACK (reminders_open_follow_ups_cb), self,
                           G_CONNECT_SWAPPED);

  /* Starting sends what fell due while Rapport was not running, which takes D-Bus round trips
   * and may read many tasks: after the first frame, not before it (a low-priority idle runs
   * once GTK has laid out and painted the new window). */
  self->start_reminders_id = g_idle_add_full (G_PRIORITY_LOW, start_reminders_idle_cb,
                                              self, NULL);
}

static void
start_at_login_changed_cb (RpApplication *self,
                           const char    *key,
                           GSettings     *settings)
{
  g_autoptr(GError) error = NULL;

  g_assert (RP_IS_APPLICATION (self));

  if (!rp_autostart_set_enabled (g_settings_get_boolean (settings, key), &error))
    {
      GtkWindow *window = find_main_window (self);
      g_autofree char *message =
        /* Translators: %s is the reason, such as a file that could not be written. */
        g_strdup_printf (_("Could not change starting at login: %s"), error->message);

      /* Not dropped: the window says it, or else the terminal. */
      if (window != NULL)
        rp_window_add_toast (RP_WINDOW (window), adw_toast_new (message));
      else
        rp_command_line_print_error (message);
    }
}

static void
hold_for_reminders (RpApplication *self,
                    gboolean       hold)
{
  if (hold == self->held)
    return;

  self->held = hold;
  if (hold)
    g_application_hold (G_APPLICATION (self));
  else
    g_application_release (G_APPLICATION (self));
}

static void
backup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  gboolean made = FALSE;

  /* A connection of its own on this thread (SQLite only). A failure is worth a line in the
   * journal but not an interruption: the next start tries again. */
  if (!rp_store_backup_if_due (task_data, now, &made, &error))
    g_warning ("The daily backup was not made: %s", error->message);

  g_task_return_boolean (task, made);
}

/* The daily backup, on a worker thread, when the newest one is more than a day old. */
static void
back_up_if_due (const char *path)
{
  g_autoptr(GTask) task = NULL;

  if (path == NULL || g_strcmp0 (path, ":memory:") == 0)
    return;

  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, backup_thread);
}

static gboolean
backup_timer_cb (gpointer user_data)
{
  RpApplication *self = user_data;

  back_up_if_due (self->database_path);
  return G_SOURCE_CONTINUE;
}

static gboolean
open_database (RpApplication  *self,
               GError        **error)
{
  g_autoptr(RpStore) store = NULL;

  g_assert (RP_IS_APPLICATION (self));
  g_assert (self->database_path != NULL);
  g_assert (self->settings != NULL);

  if (self->context != NULL)
    return TRUE;

  store = rp_store_open (self->database_path, error);
  if (store == NULL)
    return FALSE;

  self->context = rp_context_new (store, self->settings);
  rp_vault_unlock_async (rp_context_get_vault (self->context), NULL,
                         vault_unlocked_cb, g_object_ref (self));

  start_reminders (self);
  back_up_if_due (self->database_path);
  /* Rapport may run for weeks in the background: look again every six hours. */
  self->backup_timer_id = g_timeout_add_seconds (6 * 60 * 60, backup_timer_cb, self);

  return TRUE;
}

static void
rp_application_preferences_action (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  RpApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *preferences;

  g_assert (RP_IS_APPLICATION (self));

  if (self->context == NULL)
    return;

  /* One preferences window at a time: raise the open one. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (RP_IS_PREFERENCES_WINDOW (l->data))
        {
          gtk_window_present (GTK_WINDOW (l->data));
          return;
        }
    }

  if (RP_IS_PREFERENCES_WINDOW (parent))
    parent = gtk_window_get_transient_for (parent);

  preferences = rp_preferences_window_new (self->context);
  gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  gtk_window_set_application (GTK_WINDOW (preferences), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (preferences));
}

/* The versions a bug report needs: Rapport's and its libraries' (as run, not as built), the
 * profile, the locale and the database's schema version. No path, no patient, no partner. */
static char *
dup_debug_info (RpApplication *self)
{
  GString *info = g_string_new (NULL);
  const char *desktop = g_getenv ("XDG_CURRENT_DESKTOP");
  const char *session = g_getenv ("XDG_SESSION_TYPE");

  g_string_append_printf (info, "Rapport %s (%s, profile %s)\n",
                          PACKAGE_VERSION, APPLICATION_ID, PROFILE);
  g_string_append (info, "\nLibraries:\n");
  g_string_append_printf (info, "- GLib %u.%u.%u\n",
                          glib_major_version, glib_minor_version, glib_micro_version);
  g_string_append_printf (info, "- GTK %u.%u.%u\n", gtk_get_major_version (),
                          gtk_get_minor_version (), gtk_get_micro_version ());
  g_string_append_printf (info, "- libadwaita %u.%u.%u\n", adw_get_major_version (),
                          adw_get_minor_version (), adw_get_micro_version ());
  g_string_append_printf (info, "- SQLite %s\n", rp_store_get_sqlite_version ());
  g_string_append (info, "\nSystem:\n");
  g_string_append_printf (info, "- Desktop: %s\n", desktop != NULL ? desktop : "unknown");
  g_string_append_printf (info, "- Session: %s\n", session != NULL ? session : "unknown");
  g_string_append_printf (info, "- Display: %s\n",
                          G_OBJECT_TYPE_NAME (gdk_display_get_default ()));
  g_string_append_printf (info, "- Locale: %s\n", setlocale (LC_MESSAGES, NULL));
  if (self->context != NULL)
    g_string_append_printf (info, "- Database schema: %d\n",
                            rp_store_get_schema_version (rp_context_get_store (self->context)));

  return g_string_free (info, FALSE);
}

static void
rp_application_about_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  static const char *developers[] = { "The Rapport authors", NULL };
  RpApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *debug_info = NULL;
  GtkWidget *about;

  g_assert (RP_IS_APPLICATION (self));

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "application", self,
                        "modal", TRUE,
                        "application-name", _("Rapport"),
                        "application-icon", "io.github.rapport.Rapport",
                        "version", PACKAGE_VERSION,
                        "developer-name", "The Rapport authors",
                        "developers", developers,
                        "copyright", "© 2026 The Rapport authors",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", "https://github.com/rapport/rapport",
                        "issue-url", "https://github.com/rapport/rapport/issues",
                        "comments",
                        _("Rapport helps physician liaisons look after their practice’s referral "
                          "network: the physicians and offices who refer patients, how to reach "
                          "them and when to visit. Your data stays on your computer."),
                        NULL);

  /* Translators: your names, one a line, to be credited in the About window. */
  if (g_strcmp0 (_("translator-credits"), "translator-credits") != 0)
    adw_about_window_set_translator_credits (ADW_ABOUT_WINDOW (about), _("translator-credits"));

  /* "Troubleshooting → Debug Info": what a bug report needs, offered for copying or saving. */
  debug_info = dup_debug_info (self);
  adw_about_window_set_debug_info (ADW_ABOUT_WINDOW (about), debug_info);
  adw_about_window_set_debug_info_filename (ADW_ABOUT_WINDOW (about), "rapport-debug-info.txt");

  gtk_window_present (GTK_WINDOW (about));
}

static void
rp_application_help_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  RpApplication *self = user_data;

  g_assert (RP_IS_APPLICATION (self));

  rp_help_show (gtk_application_get_active_window (GTK_APPLICATION (self)), NULL);
}

static GtkWindow *
find_transient_window (GtkApplication *application)
{
  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    {
      if (gtk_window_get_transient_for (l->data) != NULL)
        return l->data;
    }

  return NULL;
}

static void
rp_application_quit_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  RpApplication *self = user_data;
  GtkApplication *application = GTK_APPLICATION (self);
  GList *windows;
  GtkWindow *window;

  g_assert (RP_IS_APPLICATION (self));

  /* Closing, rather than destroying, lets each window save its state (the main window its size,
   * Preferences its changes). A window that refuses to close, because it holds input that could
   * not be saved, keeps the application running: nothing is lost silently. The application
   * quits by itself once its last window is gone.
   *
   * Transient windows (Preferences, About) go first, while their parent is still there. */
  while ((window = find_transient_window (application)) != NULL)
    {
      gtk_window_close (window);

      if (g_list_find (gtk_application_get_windows (application), window) != NULL)
        {
          gtk_window_present (window);
          return;
        }
    }

  /* Quit means quit, also with "Run in background" on: closing the last window does not hold
   * the application this time, and a hold from before is let go once every window is gone. */
  self->quitting = TRUE;
  windows = g_list_copy_deep (gtk_application_get_windows (application),
                              (GCopyFunc) g_object_ref, NULL);
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free_full (windows, g_object_unref);
  self->quitting = FALSE;

  if (gtk_application_get_windows (application) == NULL)
    hold_for_reminders (self, FALSE);
}

static void
rp_application_enter_recovery_key_action (GSimpleAction *action,
                                          GVariant      *parameter,
                                          gpointer       user_data)
{
  RpApplication *self = RP_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *dialog;

  if (self->context == NULL)
    return;

  dialog = rp_recovery_key_dialog_new_enter (parent, rp_context_get_vault (self->context));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static const GActionEntry app_actions[] = {
  { "preferences", rp_application_preferences_action },
  { "enter-recovery-key", rp_application_enter_recovery_key_action },
  { "about", rp_application_about_action },
  { "help", rp_application_help_action },
  { "quit", rp_application_quit_action },
};

static gboolean
rp_application_local_command_line (GApplication   *application,
                                   char         ***arguments,
                                   int            *exit_status)
{
  GPrintFunc old_handler;
  gboolean ret;

  old_handler = g_set_printerr_handler (rp_command_line_print_with_program_name);
  ret = G_APPLICATION_CLASS (rp_application_parent_class)->local_command_line (application,
                                                                                arguments,
                                                                                exit_status);
  g_set_printerr_handler (old_handler);

  return ret;
}

static int
rp_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  RpApplication *self = RP_APPLICATION (application);
  g_autoptr(GError) error = NULL;
  const char *path = NULL;
  int status;

  /* The one command that needs no database. */
  if (g_variant_dict_contains (options, "version"))
    return rp_command_line_run_version ();

  if (g_variant_dict_lookup (options, "database", "^&ay", &path) && path[0] == '\0')
    {
      rp_command_line_print_error (_("--database needs a file name (--database=PATH)"));
      return 1;
    }

  if (path != NULL)
    {
      /* Another database is another instance: several can run at once (the tests do). This
       * must be decided before the application registers. */
      self->database_path = g_canonicalize_filename (path, NULL);
      g_application_set_flags (application,
                               g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);
    }
  else
    {
      self->database_path = rp_store_dup_default_path ();
    }

  self->background = g_variant_dict_contains (options, "background");

  /* Look before opening: a file that is not a usable Rapport database is refused here, read
   * only, so that it is never opened for writing, let alone migrated. A command, or the
   * reminder service, says so in one line; the window asks what to do (restore the latest
   * backup, open another file, quit). --restore is the exception: it is for such a file. */
  if (!rp_store_check_file (self->database_path, &error) &&
      !g_variant_dict_contains (options, "restore"))
    {
      if (self->background || rp_command_line_has_command (options))
        {
          rp_command_line_print_error (error->message);
          return 1;
        }
      self->open_error = g_steal_pointer (&error);
    }
  g_clear_error (&error);

  /* A command that runs and exits (--export…): the window's instance is never started. */
  if (self->open_error == NULL)
    {
      status = rp_command_line_handle (options, self->database_path);
      if (status >= 0)
        return status;
    }

  /* Register now, so that a second launch hands over to the running instance (which raises its
   * window) without opening the database itself. Registering runs startup in the primary. */
  if (!g_application_register (application, NULL, &error))
    {
      rp_command_line_print_error (error->message);
      return 1;
    }

  /* Running already: it sends the reminders; only a plain launch raises its window. */
  if (g_application_get_is_remote (application))
    return self->background ? 0 : -1;

  if (self->open_error == NULL && !open_database (self, &error))
    {
      if (self->background)
        {
          rp_command_line_print_error (error->message);
          return 1;
        }
      self->open_error = g_steal_pointer (&error);
    }

  return -1;
}

static void
rp_application_startup (GApplication *application)
{
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *help_accels[] = { "F1", NULL };
  RpApplication *self = RP_APPLICATION (application);

  G_APPLICATION_CLASS (rp_application_parent_class)->startup (application);

  g_set_application_name (_("Rapport"));
  rp_accessible_install_fixes ();
  gtk_window_set_default_icon_name ("io.github.rapport.Rapport");

  self->settings = g_settings_new (RP_SETTINGS_SCHEMA_ID);
  g_signal_connect_object (self->settings, "changed::start-at-login",
                           G_CALLBACK (start_at_login_changed_cb), self,
                           G_CONNECT_SWAPPED);

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions, G_N_ELEMENTS (app_actions),
                                   self);

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.help", help_accels);
}

static void
database_problem_cb (RpDatabaseProblemOutcome  outcome,
                     const char               *path,
                     gpointer                  user_data)
{
  RpApplication *self = user_data;

  g_application_release (G_APPLICATION (self));

  if (outcome == RP_DATABASE_PROBLEM_QUIT)
    {
      g_application_quit (G_APPLICATION (self));
      return;
    }

  if (g_strcmp0 (path, self->database_path) != 0)
    {
      g_free (self->database_path);
      self->database_path = g_strdup (path);
    }

  /* Opened now, or asked again with the new reason. */
  g_application_activate (G_APPLICATION (self));
}

static void
rp_application_activate (GApplication *application)
{
  RpApplication *self = RP_APPLICATION (application);
  g_autoptr(GError) error = NULL;

  /* Normally open already (handle_local_options); not when the application was started some
   * other way, such as by D-Bus activation. */
  if (self->context == NULL && self->open_error == NULL)
    {
      if (self->database_path == NULL)
        self->database_path = rp_store_dup_default_path ();

      if (!open_database (self, &error))
        self->open_error = g_steal_pointer (&error);
    }

  /* The database cannot be opened: ask, instead of quitting with a line nobody reads. */
  if (self->context == NULL && self->open_error != NULL)
    {
      g_autoptr(GError) open_error = g_steal_pointer (&self->open_error);

      if (self->background)
        {
          rp_command_line_print_error (open_error->message);
          g_application_quit (application);
          return;
        }

      rp_command_line_print_error (open_error->message);
      g_application_hold (application);
      rp_database_problem_present (GTK_APPLICATION (self), self->database_path, open_error,
                                   database_problem_cb, self);
      return;
    }

  /* `rapport --background` (at login): only the reminder service, held running; the next
   * activation (launching Rapport again) opens the window. */
  if (self->background)
    {
      self->background = FALSE;
      hold_for_reminders (self, TRUE);
      return;
    }

  gtk_window_present (GTK_WINDOW (ensure_main_window (self)));
  show_vault_dialogs (self);
}

static void
rp_application_window_removed (GtkApplication *application,
                               GtkWindow      *window)
{
  RpApplication *self = RP_APPLICATION (application);
  GList *windows = gtk_application_get_windows (application);

  /* The last window going: with "Run in background" the reminders keep coming (one hold, let go
   * by app.quit); without, the application ends with its window as usual. */
  if (windows != NULL && windows->data == window && windows->next == NULL &&
      !self->quitting && self->settings != NULL && self->reminders != NULL)
    hold_for_reminders (self, g_settings_get_boolean (self->settings, "run-in-background"));

  GTK_APPLICATION_CLASS (rp_application_parent_class)->window_removed (application, window);
}

static void
rp_application_dispose (GObject *object)
{
  RpApplication *self = RP_APPLICATION (object);

  if (self->reminders != NULL)
    rp_reminder_service_stop (self->reminders);
  g_clear_handle_id (&self->start_reminders_id, g_source_remove);
  g_clear_handle_id (&self->backup_timer_id, g_source_remove);
  g_clear_object (&self->reminders);
  g_clear_object (&self->context);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->database_path, g_free);
  g_clear_error (&self->open_error);

  G_OBJECT_CLASS (rp_application_parent_class)->dispose (object);
}

static void
rp_application_class_init (RpApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);
  GtkApplicationClass *gtk_application_class = GTK_APPLICATION_CLASS (klass);

  object_class->dispose = rp_application_dispose;

  application_class->local_command_line = rp_application_local_command_line;
  application_class->handle_local_options = rp_application_handle_local_options;
  application_class->startup = rp_application_startup;
  application_class->activate = rp_application_activate;

  gtk_application_class->window_removed = rp_application_window_removed;
}

static void
rp_application_init (RpApplication *self)
{
  rp_command_line_add_options (G_APPLICATION (self));
}

RpApplication *
rp_application_new (void)
{
  return g_object_new (RP_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/rapport/Rapport",
                       NULL);
}

RpContext *
rp_application_get_context (RpApplication *self)
{
  g_return_val_if_fail (RP_IS_APPLICATION (self), NULL);

  return self->context;
}

RpReminderService *
rp_application_get_reminder_service (RpApplication *self)
{
  g_return_val_if_fail (RP_IS_APPLICATION (self), NULL);

  return self->reminders;
}
