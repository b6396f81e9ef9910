/* rp-application.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "rp-application.h"
#include "rp-autostart.h"
#include "rp-clock.h"
#include "rp-document.h"
#include "rp-follow-ups-page.h"
#include "rp-ics.h"
#include "rp-preferences-window.h"
#include "rp-recovery-key-dialog.h"
#include "rp-reminder-service.h"
#include "rp-sample.h"
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
};

G_DEFINE_FINAL_TYPE (RpApplication, rp_application, ADW_TYPE_APPLICATION)

/* Every option works without a window or a display: they are all handled in
 * handle_local_options, before the application registers or opens a window. */
static const GOptionEntry option_entries[] = {
  { "database", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use the database at PATH instead of the default one"), N_("PATH") },
  { "sample-network", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Fill an empty database with a sample referral network, then exit"), NULL },
  { "check-reminders", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Send the reminders that are due now, then exit"), NULL },
  { "export", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write a week’s planned visits to FILE (iCalendar: .ics), then exit"), N_("FILE") },
  { "week", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The week --export writes, as YYYY-Www (default: the current week)"), N_("WEEK") },
  { "packet", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write the referral packet for PARTNER (id, NPI or uuid) to --output, then exit"),
    N_("PARTNER") },
  { "output", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("The PDF file --packet writes"), N_("FILE.pdf") },
  { "background", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Start without a window, only to send reminders"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version, then exit"), NULL },
  { NULL }
};

/* Errors on the command line are one line each, "rapport: <message>", so that scripts and
 * people see at once which program complained. */
static void
print_error (const char *message)
{
  g_autofree char *line = g_strdup (message);

  g_strdelimit (line, "\r\n", ' ');
  g_printerr ("rapport: %s\n", g_strstrip (line));
}

/* GApplication prints its own option-parsing errors ("Unknown option --bogus") without the
 * program name; this handler, installed only while the command line is handled, adds it. */
static void
print_with_program_name (const char *message)
{
  if (g_str_has_prefix (message, "rapport: "))
    fputs (message, stderr);
  else
    fprintf (stderr, "rapport: %s", message);
  fflush (stderr);
}

static GDate *
local_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_new_dmy (g_date_time_get_day_of_month (now),
                         g_date_time_get_month (now),
                         g_date_time_get_year (now));
}

static int
fill_sample_network (const char *path)
{
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpVault) vault = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *recovery_key = NULL;
  GDate *today;
  gboolean ok;

  store = rp_store_open (path, &error);
  if (store == NULL)
    {
      print_error (error->message);
      return 1;
    }

  /* The generator only fills an empty database: it must never mix invented partners with the
   * user's own. */
  if (rp_store_count_partners (store, FALSE) + rp_store_count_partners (store, TRUE) > 0)
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” already holds partners; --sample-network only fills an "
                           "empty database"),
                         path);

      print_error (message);
      return 1;
    }

  /* The sample's patients are sealed like real ones: with a key in the login keyring. */
  vault = rp_vault_new (store);
  if (!rp_vault_unlock_sync (vault, NULL, &error))
    {
      print_error (error->message);
      return 1;
    }

  today = local_today ();
  ok = rp_sample_generate_with_vault (store, RP_SAMPLE_SIZE_DEMO, RP_SAMPLE_DEFAULT_SEED, today,
                                      vault, NULL, NULL, &error);
  g_date_free (today);

  /* The key is made (and in the keyring) even when the sample then fails: show its recovery
   * key in any case, as it is never shown again. */
  recovery_key = rp_vault_take_recovery_key (vault);
  if (recovery_key != NULL)
    {
      g_print (_("Patient details are encrypted with a new key kept in your login keyring. Keep "
                 "this recovery key somewhere safe; it is shown only once:\n%s\n"),
               recovery_key);
      memset (recovery_key, 0, strlen (recovery_key));
    }

  if (!ok)
    {
      print_error (error->message);
      return 1;
    }

  g_print (_("Added the sample network to “%s” (partners: %u, referrals: %u, activities: %u, "
             "tasks: %u)\n"),
           path,
           rp_store_count_partners (store, FALSE),
           rp_store_count_rows (store, "referral"),
           rp_store_count_rows (store, "activity"),
           rp_store_count_rows (store, "task"));

  if (rp_vault_get_state (vault) != RP_VAULT_STATE_UNLOCKED)
    g_print ("%s\n", _("Patient details were left out: the keyring is not available"));

  return 0;
}

/* `rapport --check-reminders`, for a cron job or a systemd timer: what is due now (overdue
 * included) is sent once; what was sent before is not sent again, as notified-at is stored. */
static int
check_reminders (const char *path)
{
  g_autoptr(RpStore) store = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(RpContext) context = NULL;
  g_autoptr(RpClock) clock = NULL;
  g_autoptr(RpReminderService) reminders = NULL;
  g_autoptr(GError) error = NULL;
  guint n_notified = 0;

  store = rp_store_open (path, &error);
  if (store == NULL)
    {
      print_error (error->message);
      return 1;
    }

  settings = g_settings_new (RP_SETTINGS_SCHEMA_ID);
  context = rp_context_new (store, settings);
  clock = rp_clock_new_system ();
  reminders = rp_reminder_service_new (context, clock);

  /* With no notification server nothing is marked notified: the next run (or the app) sends
   * it. The exit status tells a timer unit that this run did not deliver. */
  if (!rp_reminder_service_check_now (reminders, &n_notified, &error))
    {
      g_autofree char *message =
        /* Translators: %s is the reason, such as "The name is not activatable". */
        g_strdup_printf (_("Could not send reminders: %s"), error->message);

      print_error (message);
      return 1;
    }

  if (n_notified > 0)
    g_print (ngettext ("Sent %u reminder\n", "Sent %u reminders\n", n_notified), n_notified);
  else
    g_print ("%s\n", _("Nothing is due"));

  return 0;
}

/* `rapport --export=FILE.ics [--week=YYYY-Www]`: the week's planned visits as an iCalendar file
 * for GNOME Calendar or Outlook. Nothing is written when anything fails. */
static int
export_week (const char *path,
             const char *export_path,
             const char *iso_week)
{
  g_autoptr(RpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *monday = NULL;
  g_autofree char *week = NULL;
  g_autofree char *lower = g_ascii_strdown (export_path, -1);
  g_autofree char *display = g_filename_display_name (export_path);
  guint n_events = 0;

  if (!g_str_has_suffix (lower, ".ics"))
    {
      g_autofree char *message =
        /* Translators: %s is a file name. */
        g_strdup_printf (_("Cannot export to “%s”: the supported format is iCalendar (.ics)"),
                         display);

      print_error (message);
      return 1;
    }

  if (iso_week != NULL)
    {
      monday = rp_week_monday_from_iso (iso_week, &error);
      if (monday == NULL)
        {
          print_error (error->message);
          return 1;
        }
    }
  else
    {
      monday = rp_week_monday (NULL);
    }

  store = rp_store_open (path, &error);
  if (store == NULL)
    {
      print_error (error->message);
      return 1;
    }

  if (!rp_ics_write_week (store, monday, export_path, &n_events, &error))
    {
      g_autofree char *message =
        /* Translators: the first %s is a file name, the second the reason. */
        g_strdup_printf (_("Could not export to “%s”: %s"), display, error->message);

      print_error (message);
      return 1;
    }

  week = rp_week_to_iso (monday);
  g_print (ngettext ("Exported %u visit of %s to %s\n", "Exported %u visits of %s to %s\n",
                     n_events),
           n_events, week, display);
  return 0;
}

static RpPartner *
find_partner (RpStore    *store,
              const char *key)
{
  gboolean digits = *key != '\0' && strspn (key, "0123456789") == strlen (key);
  RpPartner *partner = NULL;

  if (digits && strlen (key) == 10)
    partner = rp_store_find_partner_by_npi (store, key, NULL);
  if (partner == NULL && digits && strlen (key) < 18)
    partner = rp_store_get_partner (store, g_ascii_strtoll (key, NULL, 10), NULL);
  if (partner == NULL && !digits)
    partner = rp_store_find_partner_by_uuid (store, key, NULL);
  return partner;
}

/* `rapport --packet=PARTNER --output=FILE.pdf`: one partner's referral packet as a PDF, on the
 * locale's paper. Nothing is written when anything fails. */
static int
write_packet (const char *path,
              const char *key,
              const char *output)
{
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpPractice) practice = NULL;
  g_autoptr(RpPartner) partner = NULL;
  g_autoptr(RpDocument) document = NULL;
  g_autoptr(GPtrArray) partners = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *display = g_filename_display_name (output);
  RpPacketOptions options = { TRUE, NULL };
  guint n_pages;

  store = rp_store_open (path, &error);
  if (store == NULL)
    {
      print_error (error->message);
      return 1;
    }

  partner = find_partner (store, key);
  if (partner == NULL)
    {
      g_autofree char *message =
        /* Translators: %s is what was typed after --packet= */
        g_strdup_printf (_("No partner has the id, NPI or uuid “%s”"), key);

      print_error (message);
      return 1;
    }

  practice = rp_store_get_practice (store, &error);
  if (practice == NULL)
    {
      print_error (error != NULL ? error->message : _("The practice profile cannot be read"));
      return 1;
    }

  g_ptr_array_add (partners, partner);
  document = rp_document_new_packets (store, practice, partners, &options);
  if (!rp_document_write_pdf (document, output, rp_paper_size_for_locale (), &error))
    {
      print_error (error->message);
      return 1;
    }

  n_pages = rp_document_get_n_pages (document);
  g_print (ngettext ("Wrote a %u-page packet for %s to %s\n",
                     "Wrote a %u-page packet for %s to %s\n", n_pages),
           n_pages, rp_partner_get_display_name (partner), display);
  return 0;
}

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
      dialog = rp_recovery_key_dialog_new_show (window, recovery_key);
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
  RpWindow *window;
  GtkWidget *page;

  g_assert (RP_IS_APPLICATION (self));

  show_follow_ups (self);

  /* "Open" raises the window at that task. */
  window = ensure_main_window (self);
  page = rp_window_get_page (window, "follow-ups");
  if (RP_IS_FOLLOW_UPS_PAGE (page) &&
      !rp_follow_ups_page_show_task (RP_FOLLOW_UPS_PAGE (page), task_id))
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
        print_error (message);
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

static void
rp_application_about_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  static const char *developers[] = { "The Rapport authors", NULL };
  RpApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
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

  gtk_window_present (GTK_WINDOW (about));
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
  { "quit", rp_application_quit_action },
};

static gboolean
rp_application_local_command_line (GApplication   *application,
                                   char         ***arguments,
                                   int            *exit_status)
{
  GPrintFunc old_handler;
  gboolean ret;

  old_handler = g_set_printerr_handler (print_with_program_name);
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

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("rapport %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "database", "^&ay", &path) && path[0] != '\0')
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

  /* Look before opening: a file that is not a usable Rapport database is refused here, read
   * only, so that it is never opened for writing, let alone migrated. */
  if (!rp_store_check_file (self->database_path, &error))
    {
      print_error (error->message);
      return 1;
    }

  if (g_variant_dict_contains (options, "sample-network"))
    return fill_sample_network (self->database_path);

  if (g_variant_dict_contains (options, "check-reminders"))
    return check_reminders (self->database_path);

  {
    const char *export_path = NULL;
    const char *iso_week = NULL;

    g_variant_dict_lookup (options, "week", "&s", &iso_week);
    if (g_variant_dict_lookup (options, "export", "^&ay", &export_path) &&
        export_path[0] != '\0')
      return export_week (self->database_path, export_path, iso_week);

    if (iso_week != NULL)
      {
        print_error (_("--week only goes with --export=FILE.ics"));
        return 1;
      }
  }

  {
    const char *packet = NULL;
    const char *output = NULL;

    g_variant_dict_lookup (options, "packet", "&s", &packet);
    g_variant_dict_lookup (options, "output", "^&ay", &output);
    if (packet != NULL && output != NULL && *packet != '\0' && *output != '\0')
      return write_packet (self->database_path, packet, output);
    if (packet != NULL || output != NULL)
      {
        print_error (_("--packet=PARTNER and --output=FILE.pdf go together"));
        return 1;
      }
  }

  self->background = g_variant_dict_contains (options, "background");

  /* Register now, so that a second launch hands over to the running instance (which raises its
   * window) without opening the database itself. Registering runs startup in the primary. */
  if (!g_application_register (application, NULL, &error))
    {
      print_error (error->message);
      return 1;
    }

  /* Running already: it sends the reminders; only a plain launch raises its window. */
  if (g_application_get_is_remote (application))
    return self->background ? 0 : -1;

  if (!open_database (self, &error))
    {
      print_error (error->message);
      return 1;
    }

  return -1;
}

static void
rp_application_startup (GApplication *application)
{
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  RpApplication *self = RP_APPLICATION (application);

  G_APPLICATION_CLASS (rp_application_parent_class)->startup (application);

  g_set_application_name (_("Rapport"));
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
}

static void
rp_application_activate (GApplication *application)
{
  RpApplication *self = RP_APPLICATION (application);
  g_autoptr(GError) error = NULL;

  /* Normally open already (handle_local_options); not when the application was started some
   * other way, such as by D-Bus activation. */
  if (self->context == NULL)
    {
      if (self->database_path == NULL)
        self->database_path = rp_store_dup_default_path ();

      if (!open_database (self, &error))
        {
          print_error (error->message);
          g_application_quit (application);
          return;
        }
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
  g_clear_object (&self->reminders);
  g_clear_object (&self->context);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->database_path, g_free);

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
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Look after your practice’s referral network."));
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
