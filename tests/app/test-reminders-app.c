/* test-reminders-app.c: reminders in the application: the banner when notifications cannot be
 * shown, the Reminders page of Preferences, "Start at login" (the autostart entry) and "Run in
 * background" (closing the window keeps the application; Quit ends it).
 *
 * The tests run on a private session bus with no notification server (GTestDBus), so that the
 * reminder service has due tasks it cannot send.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "rp-application.h"
#include "rp-autostart.h"
#include "rp-clock.h"
#include "rp-preferences-window.h"
#include "rp-reminder-service.h"
#include "rp-test-app.h"
#include "rp-window.h"

typedef struct
{
  RpTestDb db;
} Fixture;

static const char * const reminder_keys[] = {
  "run-in-background",
  "start-at-login",
  "reminder-time",
  "snooze-time",
  "digest-enabled",
  "digest-time",
  "quiet-hours-enabled",
  "quiet-hours-start",
  "quiet-hours-end",
  "quiet-weekends",
  "last-page",
  NULL,
};

static GDate *
local_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_new_dmy (g_date_time_get_day_of_month (now),
                         g_date_time_get_month (now),
                         g_date_time_get_year (now));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GDate) today = local_today ();

  rp_test_db_open (&fixture->db, "rapport-reminders-app-XXXXXX");
  if (GPOINTER_TO_INT (data))
    rp_test_db_add_sample (&fixture->db, today);
  rp_test_db_make_context (&fixture->db, reminder_keys);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  rp_test_db_close (&fixture->db);
}

static gboolean
has_no_server (gpointer data)
{
  return rp_reminder_service_get_state (data) == RP_REMINDER_SERVICE_NO_SERVER;
}

static gboolean
is_revealed (gpointer data)
{
  return gtk_revealer_get_child_revealed (data);
}

/* No notification server: the due tasks wait, and the window says how many, with a way to
 * them. */
static void
test_banner (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(RpClock) clock = rp_clock_new_fixed (now);
  g_autoptr(RpReminderService) reminders = NULL;
  GtkRevealer *revealer;
  GtkLabel *label;
  GtkWidget *button;
  RpWindow *window;
  guint n_pending;
  g_autofree char *expected = NULL;

  rp_test_load_style ();

  reminders = rp_reminder_service_new (fixture->db.context, clock);
  rp_reminder_service_start (reminders);
  rp_test_wait_for (has_no_server, reminders);
  n_pending = g_list_model_get_n_items (rp_reminder_service_get_pending (reminders));
  g_assert_cmpuint (n_pending, >, 0);

  g_settings_set_string (fixture->db.settings, "last-page", "partners");
  window = g_object_ref_sink (rp_window_new (NULL, fixture->db.context));
  revealer = rp_test_template_child (window, RP_TYPE_WINDOW, "reminder_banner_revealer");
  label = rp_test_template_child (window, RP_TYPE_WINDOW, "reminder_banner_label");
  g_assert_false (gtk_revealer_get_reveal_child (revealer));

  rp_window_set_reminder_service (window, reminders);
  g_assert_true (rp_window_get_reminder_service (window) == reminders);
  gtk_window_present (GTK_WINDOW (window));
  rp_test_wait_until_mapped (GTK_WIDGET (window));

  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  expected = g_strdup_printf (n_pending == 1 ? "%u follow-up is due" : "%u follow-ups are due",
                              n_pending);
  g_assert_true (g_str_has_prefix (gtk_label_get_label (label), expected));
  rp_test_wait_for (is_revealed, revealer);
  rp_test_iterate_for (200);
  rp_test_save_screenshot (GTK_WIDGET (window), "reminders-banner.png");

  /* "Show Follow-ups" goes to the page with the tasks. */
  button = rp_test_find_by_type (GTK_WIDGET (revealer), GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  g_assert_cmpstr (rp_window_get_visible_page_name (window), ==, "partners");
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (rp_window_get_visible_page_name (window), ==, "follow-ups");

  /* Without the service, nothing to say. */
  rp_window_set_reminder_service (window, NULL);
  g_assert_false (gtk_revealer_get_reveal_child (revealer));

  rp_reminder_service_stop (reminders);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static void
set_text (GtkEntry   *entry,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

static void
test_preferences (Fixture       *fixture,
                  gconstpointer  data)
{
  GSettings *settings = fixture->db.settings;
  g_autofree char *time = NULL;
  GtkWidget *window;
  GtkSwitch *background_switch;
  GtkSwitch *weekends_switch;
  AdwExpanderRow *quiet_row;
  GtkEntry *reminder_entry;
  GtkEntry *quiet_start_entry;

  rp_test_load_style ();

  window = rp_preferences_window_new (fixture->db.context);
  g_object_ref_sink (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 900);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (window), "reminders");
  gtk_window_present (GTK_WINDOW (window));
  rp_test_wait_until_mapped (window);

  background_switch = rp_test_template_child (window, RP_TYPE_PREFERENCES_WINDOW,
                                              "run_in_background_switch");
  weekends_switch = rp_test_template_child (window, RP_TYPE_PREFERENCES_WINDOW,
                                            "quiet_weekends_switch");
  quiet_row = rp_test_template_child (window, RP_TYPE_PREFERENCES_WINDOW, "quiet_hours_row");
  reminder_entry = rp_test_template_child (window, RP_TYPE_PREFERENCES_WINDOW,
                                           "reminder_time_entry");
  quiet_start_entry = rp_test_template_child (window, RP_TYPE_PREFERENCES_WINDOW,
                                              "quiet_start_entry");

  /* The defaults, as the settings have them. */
  g_assert_true (gtk_switch_get_active (background_switch));
  g_assert_false (gtk_switch_get_active (weekends_switch));
  g_assert_false (adw_expander_row_get_enable_expansion (quiet_row));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (reminder_entry)), ==, "09:00");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (quiet_start_entry)), ==, "20:00");

  /* Switches write their keys at once. */
  gtk_switch_set_active (background_switch, FALSE);
  g_assert_false (g_settings_get_boolean (settings, "run-in-background"));
  gtk_switch_set_active (weekends_switch, TRUE);
  g_assert_true (g_settings_get_boolean (settings, "quiet-weekends"));
  adw_expander_row_set_enable_expansion (quiet_row, TRUE);
  g_assert_true (g_settings_get_boolean (settings, "quiet-hours-enabled"));

  /* A time is stored once it is one, as HH:MM; what is not a time is marked and not stored. */
  set_text (reminder_entry, "7:15");
  time = g_settings_get_string (settings, "reminder-time");
  g_assert_cmpstr (time, ==, "07:15");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (reminder_entry), "error"));
  g_clear_pointer (&time, g_free);

  set_text (reminder_entry, "25:00");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (reminder_entry), "error"));
  time = g_settings_get_string (settings, "reminder-time");
  g_assert_cmpstr (time, ==, "07:15");
  g_clear_pointer (&time, g_free);

  set_text (reminder_entry, "7:1");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (reminder_entry), "error"));
  set_text (reminder_entry, "08:30");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (reminder_entry), "error"));
  time = g_settings_get_string (settings, "reminder-time");
  g_assert_cmpstr (time, ==, "08:30");
  g_clear_pointer (&time, g_free);

  set_text (quiet_start_entry, "21:45");
  time = g_settings_get_string (settings, "quiet-hours-start");
  g_assert_cmpstr (time, ==, "21:45");
  g_clear_pointer (&time, g_free);

  /* The settings changed elsewhere show here. */
  g_settings_set_string (settings, "quiet-hours-start", "22:00");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (quiet_start_entry)), ==, "22:00");

  g_settings_reset (settings, "run-in-background");
  g_settings_reset (settings, "quiet-weekends");
  g_settings_reset (settings, "reminder-time");
  g_assert_true (gtk_switch_get_active (background_switch));
  rp_test_iterate_for (500);
  rp_test_save_screenshot (window, "preferences-reminders.png");

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

/* The whole application, as `rapport --database=PATH` starts it. */
typedef enum
{
  STEP_WAIT_WINDOW,
  STEP_AUTOSTART,
  STEP_CLOSED,
  STEP_REOPENED,
  STEP_DONE,
} Step;

typedef struct
{
  Fixture  *fixture;
  gboolean  run_in_background;
  Step      step;
  guint     ticks;
} AppRun;

static RpWindow *
find_window (GtkApplication *application)
{
  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    {
      if (RP_IS_WINDOW (l->data))
        return l->data;
    }

  return NULL;
}

static char *
read_autostart_entry (void)
{
  g_autofree char *path = rp_autostart_dup_path ();
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;

  return contents;
}

static gboolean
app_step_cb (gpointer user_data)
{
  AppRun *run = user_data;
  GApplication *application = g_application_get_default ();
  GtkApplication *gtk_application = GTK_APPLICATION (application);
  RpReminderService *reminders = rp_application_get_reminder_service (RP_APPLICATION (application));
  RpWindow *window = find_window (gtk_application);
  g_autoptr(GSettings) settings = g_settings_new (RP_SETTINGS_SCHEMA_ID);
  g_autofree char *entry = NULL;
  g_autofree char *path = rp_autostart_dup_path ();

  g_assert_cmpuint (++run->ticks, <, 400);

  switch (run->step)
    {
    case STEP_WAIT_WINDOW:
      if (window == NULL || !gtk_widget_get_mapped (GTK_WIDGET (window)))
        return G_SOURCE_CONTINUE;

      /* The application made one service and gave it to its window. */
      g_assert_nonnull (reminders);
      g_assert_true (rp_window_get_reminder_service (window) == reminders);

      /* A digest's "Open Follow-ups" shows the Follow-ups page. */
      g_signal_emit_by_name (reminders, "open-follow-ups");
      g_assert_cmpstr (rp_window_get_visible_page_name (window), ==, "follow-ups");

      g_settings_set_boolean (settings, "run-in-background", run->run_in_background);
      g_settings_set_boolean (settings, "start-at-login", TRUE);
      run->step = STEP_AUTOSTART;
      return G_SOURCE_CONTINUE;

    case STEP_AUTOSTART:
      entry = read_autostart_entry ();
      if (entry == NULL)
        return G_SOURCE_CONTINUE;

      g_assert_true (g_str_has_prefix (entry, "[Desktop Entry]\n"));
      g_assert_nonnull (strstr (entry, "\nType=Application\n"));
      g_assert_nonnull (strstr (entry, "\nName=Rapport\n"));
      g_assert_nonnull (strstr (entry, "\nExec=rapport --background\n"));
      g_assert_nonnull (strstr (entry, "\nX-GNOME-Autostart-enabled=true\n"));
      g_assert_nonnull (strstr (entry, "\nNoDisplay=true\n"));
      g_assert_nonnull (strstr (entry, "\nIcon=" APPLICATION_ID "\n"));
      g_assert_true (g_str_has_suffix (path, "/autostart/" APPLICATION_ID ".desktop"));

      g_settings_set_boolean (settings, "start-at-login", FALSE);
      rp_test_iterate_for (50);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

      /* Closing the window: with "Run in background" the application stays for the reminders;
       * without, it ends (and g_application_run returns). */
      gtk_window_close (GTK_WINDOW (window));
      run->step = STEP_CLOSED;
      return G_SOURCE_CONTINUE;

    case STEP_CLOSED:
      /* Without "Run in background" the application ends once its main loop looks again; on a
       * busy machine one more tick may come first. It must still end: the tick count above fails
       * the test if it never does. */
      if (!run->run_in_background)
        return G_SOURCE_CONTINUE;
      g_assert_null (window);
      g_assert_true (rp_application_get_reminder_service (RP_APPLICATION (application)) ==
                     reminders);

      /* Launching Rapport again brings the window back. */
      g_application_activate (application);
      run->step = STEP_REOPENED;
      return G_SOURCE_CONTINUE;

    case STEP_REOPENED:
      if (window == NULL || !gtk_widget_get_mapped (GTK_WIDGET (window)))
        return G_SOURCE_CONTINUE;

      /* Quit quits, "Run in background" or not. */
      run->step = STEP_DONE;
      g_action_group_activate_action (G_ACTION_GROUP (application), "quit", NULL);
      return G_SOURCE_REMOVE;

    case STEP_DONE:
    default:
      g_assert_not_reached ();
    }

  return G_SOURCE_REMOVE;
}

static void
test_application (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(RpApplication) application = rp_application_new ();
  g_autofree char *option = g_strconcat ("--database=", fixture->db.path, NULL);
  char *argv[] = { (char *) "rapport", option, NULL };
  AppRun run = { fixture, GPOINTER_TO_INT (data), STEP_WAIT_WINDOW, 0 };
  guint timeout_id;
  int status;

  /* An application sets process-wide things (its name) once: each run has a process. */
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  timeout_id = g_timeout_add (50, app_step_cb, &run);
  status = g_application_run (G_APPLICATION (application), G_N_ELEMENTS (argv) - 1, argv);

  g_assert_cmpint (status, ==, 0);
  if (run.run_in_background)
    g_assert_cmpint (run.step, ==, STEP_DONE);
  else
    {
      /* The application ended when its window closed. */
      g_assert_cmpint (run.step, ==, STEP_CLOSED);
      g_source_remove (timeout_id);
    }

  g_settings_reset (fixture->db.settings, "run-in-background");
}

int
main (int   argc,
      char *argv[])
{
  GTestDBus *bus;
  g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));
  int status;

  /* A bus of our own, before anything connects to one: no notification server on it. GTestDBus
   * unsets DISPLAY (against X11 autolaunch of a bus); the display of Xvfb is put back. */
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);

  rp_test_init (&argc, &argv);

  g_test_add ("/app/reminders/banner", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_banner, fixture_tear_down);
  g_test_add ("/app/reminders/preferences", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_preferences, fixture_tear_down);
  g_test_add ("/app/reminders/application/background", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_application, fixture_tear_down);
  g_test_add ("/app/reminders/application/no-background", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_application, fixture_tear_down);

  status = g_test_run ();

  /* Not g_test_dbus_down (nor the last unref, which calls it): GTK and libnotify keep their
   * connection to the bus until exit, and it would wait for them. */
  g_test_dbus_stop (bus);

  return status;
}
