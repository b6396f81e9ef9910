/* test-help.c: F1 and the main menu's Help open help:rapport in the desktop's help browser;
 * About Rapport gives the version and debug info.
 *
 * The test installs a help browser of its own: a desktop entry, the default handler of
 * x-scheme-handler/help in a private XDG_DATA_HOME and XDG_CONFIG_HOME, whose command writes
 * the URI it is given to a file. So the URI goes the whole way GTK sends it: gtk_show_uri, the
 * default application for the scheme, a process started with the URI.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>
#include <glib/gstdio.h>

#include "rp-application.h"
#include "rp-help.h"
#include "rp-recovery-key-dialog.h"
#include "rp-test-app.h"
#include "rp-test-core.h"
#include "rp-window.h"

static char *handler_dir;
static char *uri_log;

/* The help browser: a script and its desktop entry, made the default for help: URIs. Must run
 * before GLib reads the XDG folders. */
static void
install_help_browser (void)
{
  g_autofree char *script = NULL;
  g_autofree char *script_text = NULL;
  g_autofree char *entry = NULL;
  g_autofree char *apps = NULL;
  g_autofree char *config = NULL;
  g_autoptr(GError) error = NULL;

  handler_dir = g_dir_make_tmp ("rapport-help-XXXXXX", &error);
  g_assert_no_error (error);
  uri_log = g_build_filename (handler_dir, "uris.txt", NULL);

  script = g_build_filename (handler_dir, "record-uri", NULL);
  script_text = g_strdup_printf ("#!/bin/sh\nprintf '%%s\\n' \"$1\" >> '%s'\n", uri_log);
  g_file_set_contents (script, script_text, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (script, 0755), ==, 0);

  apps = g_build_filename (handler_dir, "data", "applications", NULL);
  config = g_build_filename (handler_dir, "config", NULL);
  g_assert_cmpint (g_mkdir_with_parents (apps, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (config, 0700), ==, 0);

  entry = g_strdup_printf ("[Desktop Entry]\nType=Application\nName=Test Help Browser\n"
                           "Exec=%s %%u\nMimeType=x-scheme-handler/help;\nNoDisplay=true\n",
                           script);
  {
    g_autofree char *path = g_build_filename (apps, "rapport-test-help.desktop", NULL);
    g_autofree char *list = g_build_filename (config, "mimeapps.list", NULL);

    g_file_set_contents (path, entry, -1, &error);
    g_assert_no_error (error);
    g_file_set_contents (list, "[Default Applications]\n"
                         "x-scheme-handler/help=rapport-test-help.desktop\n", -1, &error);
    g_assert_no_error (error);
  }

  g_setenv ("XDG_DATA_HOME", g_build_filename (handler_dir, "data", NULL), TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
}

typedef struct
{
  RpTestDb  db;
  gboolean  saw_recovery_key;
  gboolean  help_asked;
  gboolean  checked;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  rp_test_db_open (&fixture->db, "rapport-help-XXXXXX");
  g_unlink (uri_log);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  rp_test_db_close (&fixture->db);
}

/* The first start may show the recovery key over the window; close it (see test-window.c). */
static gboolean
settle_recovery_key (Fixture        *fixture,
                     GtkApplication *application)
{
  RpContext *context = rp_application_get_context (RP_APPLICATION (application));
  RpVault *vault = rp_context_get_vault (context);

  if (rp_vault_get_state (vault) == RP_VAULT_STATE_UNKNOWN)
    return FALSE;

  if (rp_vault_get_state (vault) != RP_VAULT_STATE_UNLOCKED || fixture->saw_recovery_key)
    return TRUE;

  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    {
      if (RP_IS_RECOVERY_KEY_DIALOG (l->data))
        {
          fixture->saw_recovery_key = TRUE;
          gtk_window_destroy (l->data);
          return TRUE;
        }
    }

  return FALSE;
}

/* TRUE when @model, or a section or submenu of it, has an item that activates @action. */
static gboolean
menu_has_action (GMenuModel *model,
                 const char *action,
                 char      **label)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *item_action = NULL;
      g_autoptr(GMenuLinkIter) links = NULL;
      GMenuModel *link;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &item_action) &&
          g_strcmp0 (item_action, action) == 0)
        {
          g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", label);
          return TRUE;
        }

      links = g_menu_model_iterate_item_links (model, i);
      while (g_menu_link_iter_get_next (links, NULL, &link))
        {
          gboolean found = menu_has_action (link, action, label);

          g_object_unref (link);
          if (found)
            return TRUE;
        }
    }

  return FALSE;
}

static gboolean
is_primary_menu_button (GtkWidget     *widget,
                        gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) &&
         g_strcmp0 (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)),
                    "open-menu-symbolic") == 0;
}

static char *
read_uris (void)
{
  char *contents = NULL;

  if (!g_file_get_contents (uri_log, &contents, NULL, NULL))
    return NULL;
  return contents;
}

/* About Rapport: the version of meson.build, the licence, the website, and the debug info
 * libadwaita offers under Troubleshooting (versions, no path or partner). */
static void
check_about (GtkApplication *application)
{
  AdwAboutWindow *about = NULL;
  const char *debug_info;

  g_action_group_activate_action (G_ACTION_GROUP (application), "about", NULL);
  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    {
      if (ADW_IS_ABOUT_WINDOW (l->data))
        about = l->data;
    }
  g_assert_nonnull (about);
  rp_test_wait_until_mapped (about);

  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);
  g_assert_cmpstr (adw_about_window_get_website (about), ==, "https://github.com/rapport/rapport");
  g_assert_nonnull (adw_about_window_get_developers (about));
  debug_info = adw_about_window_get_debug_info (about);
  g_assert_nonnull (debug_info);
  g_assert_true (g_str_has_prefix (debug_info, "Rapport " PACKAGE_VERSION " "));
  g_assert_nonnull (strstr (debug_info, "- GTK 4."));
  g_assert_nonnull (strstr (debug_info, "- libadwaita 1."));
  g_assert_nonnull (strstr (debug_info, "- SQLite 3."));
  g_assert_nonnull (strstr (debug_info, "- Database schema: "));
  g_assert_cmpstr (adw_about_window_get_debug_info_filename (about), ==,
                   "rapport-debug-info.txt");

  rp_test_save_screenshot (GTK_WIDGET (about), "about.png");
}

static gboolean
check_help_cb (gpointer user_data)
{
  Fixture *fixture = user_data;
  GtkApplication *application = GTK_APPLICATION (g_application_get_default ());
  GtkWindow *window = gtk_application_get_active_window (application);
  g_autofree char *uris = NULL;

  if (window == NULL || !gtk_widget_get_mapped (GTK_WIDGET (window)))
    return G_SOURCE_CONTINUE;
  if (!settle_recovery_key (fixture, application))
    return G_SOURCE_CONTINUE;
  window = gtk_application_get_active_window (application);
  g_assert_true (RP_IS_WINDOW (window));

  if (!fixture->help_asked)
    {
      g_auto(GStrv) f1_actions = gtk_application_get_actions_for_accel (application, "F1");
      g_autofree char *label = NULL;
      GtkWidget *menu_button;

      /* F1 is the help action's shortcut, and only its. */
      g_assert_nonnull (f1_actions);
      g_assert_cmpstr (f1_actions[0], ==, "app.help");
      g_assert_null (f1_actions[1]);

      /* The main menu offers it too. */
      menu_button = rp_test_find_widget (GTK_WIDGET (window), is_primary_menu_button, NULL);
      g_assert_nonnull (menu_button);
      g_assert_true (menu_has_action (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button)),
                                      "app.help", &label));
      g_assert_cmpstr (label, ==, "_Help");

      /* What the F1 shortcut does: activate app.help from the focused window. */
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), f1_actions[0], NULL));
      fixture->help_asked = TRUE;
      return G_SOURCE_CONTINUE;
    }

  /* The help browser was started with the help's URI. */
  uris = read_uris ();
  if (uris == NULL || strchr (uris, '\n') == NULL)
    return G_SOURCE_CONTINUE;
  g_assert_cmpstr (uris, ==, RP_HELP_URI "\n");

  check_about (application);

  fixture->checked = TRUE;
  g_action_group_activate_action (G_ACTION_GROUP (application), "quit", NULL);
  return G_SOURCE_REMOVE;
}

static gboolean
give_up_cb (gpointer user_data)
{
  g_error ("the help browser was not started with %s within 30 seconds", RP_HELP_URI);
  return G_SOURCE_REMOVE;
}

static void
test_help_f1 (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(RpApplication) application = rp_application_new ();
  g_autofree char *option = g_strconcat ("--database=", fixture->db.path, NULL);
  char *argv[] = { (char *) "rapport", option, NULL };
  guint check_id, give_up_id;
  int status;

  check_id = g_timeout_add (50, check_help_cb, fixture);
  give_up_id = g_timeout_add_seconds (30, give_up_cb, NULL);
  status = g_application_run (G_APPLICATION (application), G_N_ELEMENTS (argv) - 1, argv);
  g_source_remove (give_up_id);
  if (!fixture->checked)
    g_source_remove (check_id);

  g_assert_cmpint (status, ==, 0);
  g_assert_true (fixture->checked);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  install_help_browser ();
  rp_test_init (&argc, &argv);

  g_test_add ("/app/help/f1", Fixture, NULL, fixture_set_up, test_help_f1, fixture_tear_down);

  status = g_test_run ();

  rp_test_remove_dir (handler_dir);
  g_free (handler_dir);
  g_free (uri_log);
  return status;
}
