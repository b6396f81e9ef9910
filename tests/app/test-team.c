/* test-team.c: Preferences → Team, the sidebar's sync line and the problem banner on a display
 * (Xvfb), against a real Radicale started on 127.0.0.1 by the test (tests/sync's helper). The
 * password goes to libsecret's file backend in the test's folder, never to a real keyring.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include <adwaita.h>

#include "rp-dav-client.h"
#include "rp-ics.h"
#include "rp-planner-page.h"
#include "rp-preferences-window.h"
#include "rp-sync-account.h"
#include "rp-sync-banner.h"
#include "rp-store-partners.h"
#include "rp-store-sync.h"
#include "rp-store-visits.h"
#include "rp-sync-status.h"
#include "rp-team-engine.h"
#include "rp-team-page.h"
#include "rp-test-app.h"
#include "rp-test-core.h"
#include "rp-test-server.h"
#include "rp-window.h"

typedef struct
{
  RpTestDb      db;
  RpTestServer *server;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  rp_test_db_open (&fixture->db, "rapport-team-XXXXXX");
  rp_test_db_make_context (&fixture->db, NULL);
  fixture->server = rp_test_server_start (RP_TEST_RADICALE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  rp_test_iterate_for (50);

  g_clear_pointer (&fixture->server, rp_test_server_free);
  rp_test_db_close (&fixture->db);
}

static gpointer
child (gpointer    page,
       const char *name)
{
  return rp_test_template_child (page, RP_TYPE_TEAM_PAGE, name);
}

static gboolean
has_label (GtkWidget     *widget,
           gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

static GtkWidget *
open_team_page (Fixture    *fixture,
                GtkWidget **out_window)
{
  GtkWidget *preferences = rp_preferences_window_new (fixture->db.context);
  GtkWidget *page;

  rp_test_load_style ();
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "team");
  gtk_window_set_default_size (GTK_WINDOW (preferences), 1366, 768);
  gtk_window_present (GTK_WINDOW (preferences));
  rp_test_wait_until_mapped (preferences);

  page = GTK_WIDGET (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (preferences)));
  g_assert_true (RP_IS_TEAM_PAGE (page));
  *out_window = preferences;

  return page;
}

static void
type_text (gpointer    row,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static gboolean
test_done (gpointer data)
{
  AdwActionRow *row = data;
  const char *subtitle = adw_action_row_get_subtitle (row);

  return !g_str_equal (subtitle, "Connecting…") && !g_str_equal (subtitle, "Not tested");
}

static const char *
run_test_connection (gpointer page)
{
  AdwActionRow *test_row = child (page, "test_row");
  GtkWidget *test_button = child (page, "test_button");

  g_assert_true (gtk_widget_get_sensitive (test_button));
  g_signal_emit_by_name (test_button, "clicked");
  g_assert_cmpstr (adw_action_row_get_subtitle (test_row), ==, "Connecting…");
  rp_test_wait_for (test_done, test_row);

  return adw_action_row_get_subtitle (test_row);
}

/* Every button, entry and combo row of the page says what it acts on. */
static void
assert_controls_named (GtkWidget *page)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  rp_test_collect_by_type (page, GTK_TYPE_BUTTON, buttons);
  g_assert_cmpuint (buttons->len, >=, 6);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);
      const char *label = gtk_button_get_label (GTK_BUTTON (button));
      const char *tooltip = gtk_widget_get_tooltip_text (button);

      /* Buttons inside the rows' own machinery (the password row's peek) are libadwaita's. */
      if (gtk_widget_get_ancestor (button, ADW_TYPE_PASSWORD_ENTRY_ROW) != NULL ||
          gtk_widget_get_ancestor (button, GTK_TYPE_POPOVER) != NULL)
        continue;
      g_assert_true ((label != NULL && label[0] != '\0') || (tooltip != NULL && tooltip[0] != '\0'));
    }

  rp_test_collect_by_type (page, ADW_TYPE_PREFERENCES_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      const char *title = adw_preferences_row_get_title (g_ptr_array_index (rows, i));

      g_assert_nonnull (title);
      g_assert_cmpstr (title, !=, "");
    }
}

static void
test_wrong_password (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *preferences;
  GtkWidget *page = open_team_page (fixture, &preferences);
  g_autoptr(RpDavClient) client = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  const char *shown;

  assert_controls_named (page);
  /* Nothing to test or connect before a server and a user are typed. */
  g_assert_false (gtk_widget_get_sensitive (child (page, "test_button")));
  g_assert_false (gtk_widget_get_sensitive (child (page, "connect_button")));
  g_assert_false (gtk_widget_get_visible (child (page, "disconnect_row")));

  type_text (child (page, "server_row"), fixture->server->url);
  type_text (child (page, "user_row"), "alice");
  type_text (child (page, "password_row"), "not-alices-password");
  shown = run_test_connection (page);

  /* The page shows the client's own message for a refused password (RP_DAV_ERROR's). */
  client = rp_dav_client_new (fixture->server->url, "alice", "not-alices-password");
  found = rp_dav_client_discover (client, NULL, &error);
  g_assert_error (error, RP_DAV_ERROR, RP_DAV_ERROR_UNAUTHORIZED);
  g_assert_null (found);
  g_assert_cmpstr (shown, ==, error->message);
  g_assert_true (gtk_widget_has_css_class (child (page, "test_icon"), "error"));
  g_assert_false (gtk_widget_get_sensitive (child (page, "addressbook_row")));
  g_assert_false (gtk_widget_get_sensitive (child (page, "connect_button")));

  /* A server that is not there says so too, in words. */
  type_text (child (page, "server_row"), "example.invalid");
  type_text (child (page, "password_row"), "alice-pw");
  shown = run_test_connection (page);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (page, "server_row"))), ==,
                   "https://example.invalid");
  g_assert_true (gtk_widget_has_css_class (child (page, "test_icon"), "error"));
  g_assert_false (g_str_has_prefix (shown, "Connected"));

  /* The entry rows' titles move up in an animation: let it end before the picture. */
  rp_test_iterate_for (600);
  rp_test_save_screenshot (preferences, "team-page-wrong-password.png");
  g_assert_null (rp_sync_account_load (fixture->db.store, NULL));
}

/* A team server over TLS whose certificate this computer does not trust: Test Connection says
 * so in words and offers nothing to connect to. */
static void
test_untrusted_certificate (Fixture       *fixture,
                            gconstpointer  data)
{
  RpTestServer *server = rp_test_server_start_tls ();
  GtkWidget *preferences;
  GtkWidget *page;
  const char *shown;

  g_unsetenv ("RAPPORT_SYNC_CA_FILE");
  page = open_team_page (fixture, &preferences);
  type_text (child (page, "server_row"), server->url);
  type_text (child (page, "user_row"), "alice");
  type_text (child (page, "password_row"), "alice-pw");
  shown = run_test_connection (page);
  g_assert_true (g_str_has_prefix (shown, "The secure connection to the server failed (its "
                                          "certificate is not trusted)."));
  g_assert_true (gtk_widget_has_css_class (child (page, "test_icon"), "error"));
  g_assert_false (gtk_widget_get_sensitive (child (page, "addressbook_row")));
  g_assert_false (gtk_widget_get_sensitive (child (page, "connect_button")));

  rp_test_iterate_for (600);
  rp_test_save_screenshot (preferences, "team-page-untrusted-certificate.png");
  g_assert_null (rp_sync_account_load (fixture->db.store, NULL));

  rp_test_server_free (server);
}

static gboolean
combo_has_items (gpointer data)
{
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (data));

  return model != NULL && g_list_model_get_n_items (model) > 0 &&
         adw_combo_row_get_selected (ADW_COMBO_ROW (data)) != GTK_INVALID_LIST_POSITION;
}

static const char *selected_name (gpointer row);

static gboolean
combo_has_two (gpointer data)
{
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (data));

  return model != NULL && g_list_model_get_n_items (model) == 2;
}

static gboolean
is_sensitive (gpointer data)
{
  return gtk_widget_get_sensitive (GTK_WIDGET (data));
}

static gboolean
is_visible (gpointer data)
{
  return gtk_widget_get_visible (GTK_WIDGET (data));
}

static void
test_connect (Fixture       *fixture,
              gconstpointer  data)
{
  GtkWidget *preferences;
  GtkWidget *page = open_team_page (fixture, &preferences);
  g_autoptr(RpSyncAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;
  const char *shown;

  type_text (child (page, "server_row"), fixture->server->url);
  type_text (child (page, "user_row"), "alice");
  type_text (child (page, "password_row"), "alice-pw");
  type_text (child (page, "liaison_row"), "Alice Ames");
  shown = run_test_connection (page);
  g_assert_true (g_str_has_prefix (shown, "Connected"));
  g_assert_true (gtk_widget_has_css_class (child (page, "test_icon"), "success"));
  g_assert_true (gtk_widget_get_sensitive (child (page, "addressbook_row")));
  g_assert_true (gtk_widget_get_sensitive (child (page, "create_calendar_button")));

  /* The server offers the team's collections outside Alice's home (Radicale's /team/ folder):
   * listed, the first chosen. */
  g_assert_true (combo_has_items (child (page, "addressbook_row")));
  g_assert_cmpstr (selected_name (child (page, "addressbook_row")), ==, "Team partners");
  g_assert_cmpstr (selected_name (child (page, "calendar_row")), ==, "Team visits");

  /* Alice's account has no collection of its own yet: the page makes them on the server. */
  g_signal_emit_by_name (child (page, "create_addressbook_button"), "clicked");
  rp_test_wait_for (combo_has_two, child (page, "addressbook_row"));
  g_assert_cmpstr (selected_name (child (page, "addressbook_row")), ==, "Team Partners");
  g_signal_emit_by_name (child (page, "create_calendar_button"), "clicked");
  rp_test_wait_for (combo_has_two, child (page, "calendar_row"));
  rp_test_wait_for (is_sensitive, child (page, "collection_url_row"));
  g_assert_cmpstr (selected_name (child (page, "calendar_row")), ==, "Team Visits");

  /* A shared collection by its address: a folder is refused on the row, the team calendar
   * chosen. */
  type_text (child (page, "collection_url_row"), "/team/");
  g_signal_emit_by_name (child (page, "collection_url_row"), "apply");
  rp_test_iterate_for (20);
  rp_test_wait_for (is_sensitive, child (page, "collection_url_row"));
  g_assert_true (gtk_widget_has_css_class (child (page, "collection_url_row"), "error"));
  type_text (child (page, "collection_url_row"), fixture->server->calendar);
  g_signal_emit_by_name (child (page, "collection_url_row"), "apply");
  rp_test_iterate_for (20);
  rp_test_wait_for (is_sensitive, child (page, "collection_url_row"));
  g_assert_false (gtk_widget_has_css_class (child (page, "collection_url_row"), "error"));
  g_assert_cmpstr (selected_name (child (page, "calendar_row")), ==, "Team visits");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (page, "collection_url_row"))),
                   ==, "");
  g_assert_true (gtk_widget_get_sensitive (child (page, "connect_button")));

  g_signal_emit_by_name (child (page, "connect_button"), "clicked");
  rp_test_wait_for (is_visible, child (page, "disconnect_row"));

  /* The settings are in the database, the password in the keyring, never in the database. */
  account = rp_sync_account_load (fixture->db.store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (account);
  g_assert_cmpstr (rp_sync_account_get_server_url (account), ==, fixture->server->url);
  g_assert_cmpstr (rp_sync_account_get_user (account), ==, "alice");
  g_assert_cmpstr (rp_sync_account_get_liaison_name (account), ==, "Alice Ames");
  g_assert_true (g_str_has_prefix (rp_sync_account_get_addressbook_url (account),
                                   fixture->server->url));
  g_assert_cmpstr (rp_sync_account_get_calendar_url (account), ==, fixture->server->calendar);
  g_assert_cmpstr (rp_sync_account_get_addressbook_url (account), !=,
                   fixture->server->addressbook);
  password = rp_sync_password_lookup (fixture->server->url, "alice", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (password, ==, "alice-pw");

  /* Connected: the account's fields are fixed until Disconnect; Sync Now is offered. */
  g_assert_false (gtk_widget_get_sensitive (child (page, "server_row")));
  g_assert_false (gtk_widget_get_visible (child (page, "connect_button")));
  g_assert_true (gtk_widget_get_visible (child (page, "sync_button")));
  g_assert_true (rp_sync_engine_get_automatic (rp_team_engine_get (fixture->db.context)));

  rp_test_iterate_for (600);
  rp_test_save_screenshot (preferences, "team-page-connected.png");

  /* Disconnect (confirmed) forgets the account and the password. */
  g_signal_emit_by_name (child (page, "disconnect_button"), "clicked");
  {
    AdwMessageDialog *dialog = rp_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

    g_assert_nonnull (dialog);
    adw_message_dialog_response (dialog, "disconnect");
  }
  rp_test_iterate_for (300);
  g_assert_false (gtk_widget_get_visible (child (page, "disconnect_row")));
  g_assert_true (gtk_widget_get_sensitive (child (page, "server_row")));
  g_clear_object (&account);
  account = rp_sync_account_load (fixture->db.store, &error);
  g_assert_no_error (error);
  g_assert_null (account);
  g_assert_false (rp_sync_engine_get_automatic (rp_team_engine_get (fixture->db.context)));
  g_clear_pointer (&password, rp_sync_password_free);
  password = rp_sync_password_lookup (fixture->server->url, "alice", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (password);
}

static const char *
selected_name (gpointer row)
{
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (row));
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row));

  g_assert_nonnull (model);
  g_assert_cmpuint (selected, <, g_list_model_get_n_items (model));

  return gtk_string_list_get_string (GTK_STRING_LIST (model), selected);
}

static gboolean
has_text (gpointer data)
{
  return gtk_editable_get_text (GTK_EDITABLE (data))[0] != '\0';
}

/* An account set up by the command line on Radicale's common /team/ folder: the page shows it,
 * and a connection test (which lists the team folder beside the account's home) keeps its
 * collections chosen. */
static void
test_configured_account (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(RpSyncAccount) account = rp_sync_account_new (fixture->server->url, "carol");
  g_autoptr(RpSyncAccount) loaded = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *preferences;
  GtkWidget *page;
  const char *shown;

  rp_sync_account_set_liaison_name (account, "Carol Cho");
  rp_sync_account_set_addressbook_url (account, fixture->server->addressbook);
  rp_sync_account_set_calendar_url (account, fixture->server->calendar);
  g_assert_true (rp_sync_account_save (account, fixture->db.store, &error));
  g_assert_no_error (error);
  g_assert_true (rp_sync_password_store (fixture->server->url, "carol", "carol-pw", NULL, &error));
  g_assert_no_error (error);

  page = open_team_page (fixture, &preferences);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (page, "server_row"))), ==,
                   fixture->server->url);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (page, "liaison_row"))), ==,
                   "Carol Cho");
  g_assert_true (gtk_widget_get_visible (child (page, "disconnect_row")));
  g_assert_cmpstr (selected_name (child (page, "addressbook_row")), ==, "partners");
  g_assert_cmpstr (selected_name (child (page, "calendar_row")), ==, "visits");

  /* The password comes from the keyring, without waiting for it. */
  rp_test_wait_for (has_text, child (page, "password_row"));
  shown = run_test_connection (page);
  g_assert_true (g_str_has_prefix (shown, "Connected"));
  /* The test lists the team folder too: the same collections, now by their names. */
  g_assert_cmpstr (selected_name (child (page, "addressbook_row")), ==, "Team partners");
  g_assert_cmpstr (selected_name (child (page, "calendar_row")), ==, "Team visits");

  loaded = rp_sync_account_load (fixture->db.store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rp_sync_account_get_addressbook_url (loaded), ==, fixture->server->addressbook);
  g_assert_cmpstr (rp_sync_account_get_calendar_url (loaded), ==, fixture->server->calendar);
}

static gboolean
banner_revealed (gpointer data)
{
  return rp_sync_banner_get_revealed (RP_SYNC_BANNER (data));
}

/* A database whose saved password the server refuses: the window's sync line and banner say so,
 * and Retry tries again. */
static void
test_window_banner (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(RpSyncAccount) account = rp_sync_account_new (fixture->server->url, "bob");
  g_autoptr(GError) error = NULL;
  RpSyncEngine *engine;
  RpSyncBanner *banner;
  RpSyncStatus *status;
  GtkWidget *window;
  GtkWidget *retry;

  rp_sync_account_set_addressbook_url (account, fixture->server->addressbook);
  rp_sync_account_set_calendar_url (account, fixture->server->calendar);
  g_assert_true (rp_sync_account_save (account, fixture->db.store, &error));
  g_assert_no_error (error);
  g_assert_true (rp_sync_password_store (fixture->server->url, "bob", "an-old-password",
                                         NULL, &error));
  g_assert_no_error (error);

  rp_test_load_style ();
  window = GTK_WIDGET (rp_window_new (NULL, fixture->db.context));
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  rp_test_wait_until_mapped (window);

  /* An account makes the engine sync by itself; the refusal comes back as a banner. */
  engine = rp_team_engine_get (fixture->db.context);
  g_assert_true (rp_sync_engine_get_automatic (engine));
  banner = rp_test_find_by_type (window, RP_TYPE_SYNC_BANNER);
  status = rp_test_find_by_type (window, RP_TYPE_SYNC_STATUS);
  g_assert_nonnull (banner);
  g_assert_nonnull (status);
  rp_test_wait_for (banner_revealed, banner);
  g_assert_cmpint (rp_sync_engine_get_state (engine), ==, RP_SYNC_STATE_FAILED);
  g_assert_cmpstr (rp_sync_status_get_text (status), ==, "Sync failed");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (status)));

  rp_test_iterate_for (400);
  rp_test_save_screenshot (window, "team-window-banner.png");

  /* With the right password, Retry syncs and the banner goes. */
  g_assert_true (rp_sync_password_store (fixture->server->url, "bob", "bob-pw", NULL, &error));
  g_assert_no_error (error);
  retry = rp_test_find_widget (GTK_WIDGET (banner), has_label, "_Retry");
  g_assert_nonnull (retry);
  g_signal_emit_by_name (retry, "clicked");
  while (rp_sync_banner_get_revealed (banner))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (rp_sync_engine_get_state (engine), ==, RP_SYNC_STATE_IDLE);
  g_assert_nonnull (rp_sync_engine_get_last_synced (engine));
  g_assert_true (g_str_has_prefix (rp_sync_status_get_text (status), "Synced"));
}

/* One liaison's Rapport: a database, its window on the Planner, its team account. */
typedef struct
{
  RpTestDb       db;
  GtkWidget     *window;
  RpSyncEngine  *engine;
  RpPartner     *partner;
  RpPlannedVisit *visit;
} Liaison;

static void
liaison_open (Liaison      *liaison,
              RpTestServer *server,
              const char   *user,
              const char   *name,
              const char   *partner_first,
              const char   *partner_last,
              const char   *day)
{
  g_autoptr(RpSyncAccount) account = rp_sync_account_new (server->url, user);
  g_autofree char *password = g_strconcat (user, "-pw", NULL);
  g_autoptr(GError) error = NULL;

  rp_test_db_open (&liaison->db, "rapport-team-liaison-XXXXXX");
  rp_test_db_make_context (&liaison->db, NULL);

  /* The window first, the account after: the syncs below are the test's, not automatic ones. */
  liaison->window = GTK_WIDGET (rp_window_new (NULL, liaison->db.context));
  rp_window_set_visible_page_name (RP_WINDOW (liaison->window), "planner");
  gtk_window_set_default_size (GTK_WINDOW (liaison->window), 1366, 768);
  gtk_window_present (GTK_WINDOW (liaison->window));
  rp_test_wait_until_mapped (liaison->window);

  rp_sync_account_set_liaison_name (account, name);
  rp_sync_account_set_addressbook_url (account, server->addressbook);
  rp_sync_account_set_calendar_url (account, server->calendar);
  g_assert_true (rp_sync_account_save (account, liaison->db.store, &error));
  g_assert_no_error (error);
  g_assert_true (rp_sync_password_store (server->url, user, password, NULL, &error));
  g_assert_no_error (error);
  liaison->engine = rp_team_engine_get (liaison->db.context);
  rp_sync_engine_reload (liaison->engine);

  liaison->partner = rp_test_make_person (partner_first, partner_last, NULL);
  rp_test_insert_partner (liaison->db.store, liaison->partner);
  liaison->visit = rp_store_plan_visit (liaison->db.store, rp_partner_get_id (liaison->partner),
                                        day, "Bring the new referral pad", &error);
  g_assert_no_error (error);
}

static void
liaison_close (Liaison *liaison)
{
  g_clear_pointer ((GtkWindow **) &liaison->window, gtk_window_destroy);
  rp_test_iterate_for (50);
  g_clear_object (&liaison->partner);
  g_clear_object (&liaison->visit);
  rp_test_db_close (&liaison->db);
}

static void
sync_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  RpSyncReport **report = user_data;
  g_autoptr(GError) error = NULL;

  *report = rp_sync_engine_sync_finish (RP_SYNC_ENGINE (source), result, &error);
  g_assert_no_error (error);
}

static gboolean
is_set (gpointer data)
{
  return *(gpointer *) data != NULL;
}

/* Syncs @liaison the way the window does (on the engine's worker, the main loop running). */
static void
liaison_sync (Liaison *liaison)
{
  g_autoptr(RpSyncReport) report = NULL;

  rp_sync_engine_sync_async (liaison->engine, NULL, sync_done_cb, &report);
  rp_test_wait_for (is_set, &report);
  g_assert_cmpint (rp_sync_engine_get_state (liaison->engine), ==, RP_SYNC_STATE_IDLE);
}

typedef struct
{
  GtkWidget  *window;
  const char *name;
} NamedIn;

static gboolean
named_shown (gpointer data)
{
  NamedIn *named = data;

  return rp_test_find_named (named->window, named->name) != NULL;
}

static gboolean
label_is (GtkWidget     *widget,
          gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), data) == 0;
}

/* @liaison's Planner shows @other's visit (to @other's new partner), marked as @other_name's. */
static void
assert_shows_visit_of (Liaison    *liaison,
                       Liaison    *other,
                       const char *other_name)
{
  NamedIn named = { liaison->window, rp_planned_visit_get_uuid (other->visit) };
  g_autofree char *planned_by = g_strconcat ("Planned by ", other_name, NULL);
  g_autoptr(RpPartner) partner = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *row;

  partner = rp_store_find_partner_by_uuid (liaison->db.store, rp_partner_get_uuid (other->partner),
                                           &error);
  g_assert_no_error (error);
  g_assert_nonnull (partner);
  g_assert_cmpstr (rp_partner_get_last_name (partner), ==, rp_partner_get_last_name (other->partner));

  rp_test_wait_for (named_shown, &named);
  row = rp_test_find_named (liaison->window, named.name);
  g_assert_true (gtk_widget_has_css_class (row, "other-liaison"));
  g_assert_nonnull (rp_test_find_widget (row, label_is, planned_by));
  g_assert_nonnull (rp_test_find_by_type (row, ADW_TYPE_AVATAR));

  /* One's own visit stays a numbered stop. */
  row = rp_test_find_named (liaison->window, rp_planned_visit_get_uuid (liaison->visit));
  g_assert_nonnull (row);
  g_assert_false (gtk_widget_has_css_class (row, "other-liaison"));
  /* …and the only one of the day's route: the other's visit is no stop of it. */
  g_assert_nonnull (rp_test_find_widget (liaison->window, label_is, "1 stop"));
}


static gboolean
label_starts_with (GtkWidget     *widget,
                   gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), data);
}

static void
place_partner (RpStore    *store,
               const char *uuid,
               double      lat,
               double      lon)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpPartner) partner = rp_store_find_partner_by_uuid (store, uuid, &error);

  g_assert_no_error (error);
  rp_partner_set_location (partner, lat, lon);
  g_assert_true (rp_store_update_partner (store, partner, &error));
  g_assert_no_error (error);
}

/* Alice's Optimise Route orders her stops only: Bob's visit of the same day (next to her first
 * stop, where a route of the whole day would take it) keeps its place, and nothing of it is
 * queued to be sent back to the team calendar. */
static void
assert_route_is_own (Liaison    *alice,
                     Liaison    *bob,
                     const char *day)
{
  g_autoptr(RpPartner) far_partner = rp_test_make_person ("Cleo", "Vance", NULL);
  g_autoptr(RpPartner) near_partner = rp_test_make_person ("Dana", "Wu", NULL);
  g_autoptr(RpPlannedVisit) far = NULL;
  g_autoptr(RpPlannedVisit) near = NULL;
  g_autoptr(RpPlannedVisit) bobs_before = NULL;
  g_autoptr(RpPlannedVisit) bobs_after = NULL;
  g_autoptr(RpSyncChange) change = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bobs_uuid = g_strdup (rp_planned_visit_get_uuid (bob->visit));
  GtkWidget *page = rp_test_find_by_type (alice->window, RP_TYPE_PLANNER_PAGE);

  /* Without a placed practice the route starts at her first stop; then the far stop is planned
   * before the near one. */
  place_partner (alice->db.store, rp_partner_get_uuid (alice->partner), 40.00, -83.00);
  rp_partner_set_location (far_partner, 40.50, -83.00);
  rp_test_insert_partner (alice->db.store, far_partner);
  far = rp_store_plan_visit (alice->db.store, rp_partner_get_id (far_partner), day, NULL, &error);
  g_assert_no_error (error);
  rp_partner_set_location (near_partner, 40.05, -83.00);
  rp_test_insert_partner (alice->db.store, near_partner);
  near = rp_store_plan_visit (alice->db.store, rp_partner_get_id (near_partner), day, NULL,
                              &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rp_planned_visit_get_position (far), ==, 1);
  g_assert_cmpuint (rp_planned_visit_get_position (near), ==, 2);
  place_partner (alice->db.store, rp_partner_get_uuid (bob->partner), 40.02, -83.00);
  bobs_before = rp_store_sync_find_visit (alice->db.store, bobs_uuid, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bobs_before);
  rp_test_iterate_for (100);

  g_assert_nonnull (page);
  g_assert_true (gtk_widget_activate_action (page, "planner.optimise-route", "s", day));
  rp_test_iterate_for (100);

  /* Her route: first, near, far. */
  {
    g_autoptr(RpPlannedVisit) near_after = rp_store_get_planned_visit (
      alice->db.store, rp_planned_visit_get_id (near), &error);
    g_autoptr(RpPlannedVisit) far_after = rp_store_get_planned_visit (
      alice->db.store, rp_planned_visit_get_id (far), &error);

    g_assert_no_error (error);
    g_assert_cmpuint (rp_planned_visit_get_position (near_after), ==, 1);
    g_assert_cmpuint (rp_planned_visit_get_position (far_after), ==, 2);
  }

  /* Bob's visit is untouched and never goes back to the server from Alice's database. */
  bobs_after = rp_store_sync_find_visit (alice->db.store, bobs_uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rp_planned_visit_get_position (bobs_after), ==,
                    rp_planned_visit_get_position (bobs_before));
  g_assert_cmpstr (rp_planned_visit_get_start_time (bobs_after), ==,
                   rp_planned_visit_get_start_time (bobs_before));
  change = rp_store_sync_get_change (alice->db.store, RP_SYNC_KIND_VISIT, bobs_uuid, &error);
  g_assert_no_error (error);
  g_assert_null (change);
  /* Her own three stops, numbered; Bob's visit is still his. */
  g_assert_nonnull (rp_test_find_widget (alice->window, label_starts_with, "3 stops · "));
  g_assert_true (gtk_widget_has_css_class (rp_test_find_named (alice->window, bobs_uuid),
                                           "other-liaison"));
}

static gboolean
status_is_waiting (gpointer data)
{
  RpSyncStatus *status = rp_test_find_by_type (GTK_WIDGET (data), RP_TYPE_SYNC_STATUS);

  return g_strcmp0 (rp_sync_status_get_text (status), "2 changes waiting") == 0;
}

/* Two liaisons, two databases, one Radicale: each window shows the other's new partner and visit
 * after a sync. */
static void
test_two_liaisons (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDate) date = g_date_new ();
  g_autofree char *today = NULL;
  g_autofree char *monday = NULL;
  Liaison alice = { 0 };
  Liaison bob = { 0 };

  /* The Planner opens on this week: the visits are on its Monday. */
  g_date_set_time_t (date, time (NULL));
  today = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                           g_date_get_day (date));
  monday = rp_week_monday (today);

  rp_test_load_style ();
  liaison_open (&alice, fixture->server, "alice", "Alice Ames", "Ada", "Lovell", monday);
  liaison_open (&bob, fixture->server, "bob", "Bob Berg", "Ben", "Ortiz", monday);

  /* Before the first sync the sidebar counts what waits to go out: a partner and a visit. */
  rp_test_wait_for (status_is_waiting, alice.window);
  rp_test_wait_for (status_is_waiting, bob.window);

  liaison_sync (&alice);
  liaison_sync (&bob);
  liaison_sync (&alice);

  g_assert_true (g_str_has_prefix (rp_sync_status_get_text (
                   rp_test_find_by_type (alice.window, RP_TYPE_SYNC_STATUS)), "Synced"));

  assert_shows_visit_of (&alice, &bob, "Bob Berg");
  assert_shows_visit_of (&bob, &alice, "Alice Ames");

  assert_route_is_own (&alice, &bob, monday);

  rp_test_iterate_for (400);
  rp_test_save_screenshot (alice.window, "team-alice-planner.png");
  rp_test_save_screenshot (bob.window, "team-bob-planner.png");

  /* Bob's Team page once synced: his account, the team's collections, when it last synced. */
  {
    GtkWidget *preferences = rp_preferences_window_new (bob.db.context);

    adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "team");
    gtk_window_set_default_size (GTK_WINDOW (preferences), 1366, 768);
    gtk_window_present (GTK_WINDOW (preferences));
    rp_test_wait_until_mapped (preferences);
    rp_test_iterate_for (400);
    rp_test_save_screenshot (preferences, "team-bob-page.png");
    gtk_window_destroy (GTK_WINDOW (preferences));
  }

  liaison_close (&alice);
  liaison_close (&bob);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *keyring_dir = g_dir_make_tmp ("rapport-team-keyring-XXXXXX", NULL);
  g_autofree char *keyring = g_build_filename (keyring_dir, "keyring", NULL);
  int status;

  /* libsecret's file backend: the test's own keyring, no D-Bus service needed. */
  g_setenv ("SECRET_BACKEND", "file", TRUE);
  g_setenv ("SECRET_FILE_TEST_PATH", keyring, TRUE);
  g_setenv ("SECRET_FILE_TEST_PASSWORD", "test", TRUE);

  rp_test_server_require (RP_TEST_RADICALE);
  rp_test_init (&argc, &argv);

  g_test_add ("/team/page/wrong-password", Fixture, NULL,
              fixture_set_up, test_wrong_password, fixture_tear_down);
  g_test_add ("/team/page/untrusted-certificate", Fixture, NULL,
              fixture_set_up, test_untrusted_certificate, fixture_tear_down);
  g_test_add ("/team/page/connect", Fixture, NULL,
              fixture_set_up, test_connect, fixture_tear_down);
  g_test_add ("/team/page/configured-account", Fixture, NULL,
              fixture_set_up, test_configured_account, fixture_tear_down);
  g_test_add ("/team/window/banner", Fixture, NULL,
              fixture_set_up, test_window_banner, fixture_tear_down);
  g_test_add ("/team/window/two-liaisons", Fixture, NULL,
              fixture_set_up, test_two_liaisons, fixture_tear_down);

  status = g_test_run ();

  g_unlink (keyring);
  g_rmdir (keyring_dir);

  return status;
}
