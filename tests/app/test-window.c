/* test-window.c: the main window, the application and Preferences, on a display (Xvfb).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "rp-application.h"
#include "rp-location-row.h"
#include "rp-partners-page.h"
#include "rp-preferences-window.h"
#include "rp-recovery-key-dialog.h"
#include "rp-referral-detail.h"
#include "rp-referrals-page.h"
#include "rp-store-practice.h"
#include "rp-test-app.h"
#include "rp-test-core.h"
#include "rp-timeline-page.h"
#include "rp-window.h"

typedef struct
{
  RpTestDb db;
} Fixture;

static const char * const window_keys[] = {
  "window-width", "window-height", "window-maximized", "last-page", NULL,
};

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  rp_test_db_open (&fixture->db, "rapport-window-XXXXXX");
  rp_test_db_add_sample (&fixture->db, NULL);
  /* The memory backend starts from the defaults for every test. */
  rp_test_db_make_context (&fixture->db, window_keys);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  rp_test_db_close (&fixture->db);
}

static gboolean
is_back_button (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "go-previous-symbolic") == 0;
}

static GtkWidget *
find_back_button (GtkWidget *widget)
{
  return rp_test_find_widget (widget, is_back_button, NULL);
}

/* The entry row titled @title, anywhere under @widget. */
static AdwEntryRow *
find_entry_row (GtkWidget  *widget,
                const char *title)
{
  return rp_test_find_row (widget, ADW_TYPE_ENTRY_ROW, title);
}

static void
test_window_show (Fixture       *fixture,
                  gconstpointer  data)
{
  RpWindow *window;
  GtkWidget *page;

  rp_test_load_style ();

  window = rp_window_new (NULL, fixture->db.context);
  g_object_ref_sink (window);
  gtk_window_present (GTK_WINDOW (window));
  rp_test_wait_until_mapped (GTK_WIDGET (window));

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Rapport");
  g_assert_cmpstr (rp_window_get_visible_page_name (window), ==, "partners");

  page = rp_window_get_page (window, "partners");
  g_assert_true (RP_IS_PARTNERS_PAGE (page));
  rp_test_wait_until_mapped (page);
  g_assert_true (gtk_widget_get_mapped (page));

  /* Pages find the window's toast overlay as an ancestor. */
  g_assert_nonnull (gtk_widget_get_ancestor (page, ADW_TYPE_TOAST_OVERLAY));

  /* Let the list load and paint its rows before the picture is taken. */
  rp_test_iterate_for (1000);

  /* The default size (1180×760) counts the frame's resize borders, which the widget does not. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), >, 1180 - 40);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 1180);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), >, 760 - 40);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), <=, 760);

  /* Wide, the leaflet is unfolded: the page has no back button on show. */
  g_assert_nonnull (rp_test_find_by_type (page, ADW_TYPE_HEADER_BAR));
  g_assert_true (find_back_button (page) == NULL ||
                 !gtk_widget_get_visible (find_back_button (page)));
  rp_test_save_screenshot (GTK_WIDGET (window), "main-window.png");

  /* Closing saves the size (to see a change, the test starts from other values). */
  g_settings_set_int (fixture->db.settings, "window-width", 800);
  g_settings_set_int (fixture->db.settings, "window-height", 500);
  g_settings_set_boolean (fixture->db.settings, "window-maximized", TRUE);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_cmpint (g_settings_get_int (fixture->db.settings, "window-width"), ==, 1180);
  g_assert_cmpint (g_settings_get_int (fixture->db.settings, "window-height"), ==, 760);
  g_assert_false (g_settings_get_boolean (fixture->db.settings, "window-maximized"));

  g_assert_finalize_object (window);
}

static void
test_window_unknown_last_page (Fixture       *fixture,
                               gconstpointer  data)
{
  RpWindow *window;

  /* A page name from a newer or older version falls back to the first page. */
  g_settings_set_string (fixture->db.settings, "last-page", "no-such-page");

  window = g_object_ref_sink (rp_window_new (NULL, fixture->db.context));
  g_assert_cmpstr (rp_window_get_visible_page_name (window), ==, "partners");
  g_assert_false (rp_window_set_visible_page_name (window, "no-such-page"));
  g_assert_true (rp_window_set_visible_page_name (window, "partners"));
  g_assert_cmpstr (g_settings_get_string (fixture->db.settings, "last-page"), ==, "partners");

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static void
test_window_folded (Fixture       *fixture,
                    gconstpointer  data)
{
  RpWindow *window;
  GtkWidget *page;
  GtkWidget *back;
  AdwLeaflet *leaflet;

  rp_test_load_style ();

  g_settings_set_int (fixture->db.settings, "window-width", 360);
  g_settings_set_int (fixture->db.settings, "window-height", 640);

  window = g_object_ref_sink (rp_window_new (NULL, fixture->db.context));
  gtk_window_present (GTK_WINDOW (window));
  rp_test_wait_until_mapped (GTK_WIDGET (window));
  rp_test_iterate_for (300);

  page = rp_window_get_page (window, "partners");
  leaflet = ADW_LEAFLET (gtk_widget_get_ancestor (page, ADW_TYPE_LEAFLET));
  g_assert_true (adw_leaflet_get_folded (leaflet));

  /* Folded, the window opens on the page, which offers a way back to the areas. */
  g_assert_true (gtk_widget_get_mapped (page));
  back = find_back_button (page);
  g_assert_nonnull (back);
  g_assert_true (gtk_widget_get_visible (back));
  rp_test_save_screenshot (GTK_WIDGET (window), "main-window-narrow.png");

  gtk_widget_activate (back);
  rp_test_iterate_for (500);
  /* The page's stack sits in the content column (with the reminders banner under it). */
  g_assert_true (adw_leaflet_get_visible_child (leaflet) !=
                 gtk_widget_get_parent (gtk_widget_get_parent (page)));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

/* Pages reach one another only through the window's actions: win.show-referral,
 * win.show-partner and win.show-history, activated from a page, show the page that was asked for
 * with the referral or partner selected. */
static void
test_window_navigation (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(RpReferralFilter) filter = rp_referral_filter_new ();
  g_autoptr(GArray) ids = NULL;
  g_autoptr(RpReferral) referral = NULL;
  g_autoptr(GError) error = NULL;
  RpWindow *window;
  GtkWidget *partners;
  GtkWidget *referrals;
  GtkWidget *timeline;
  RpReferralDetail *detail;
  gint64 referral_id;
  gint64 partner_id;

  ids = rp_store_query_referral_ids (fixture->db.store, filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, >, 1);
  referral_id = g_array_index (ids, gint64, ids->len - 1);
  referral = rp_store_get_referral (fixture->db.store, referral_id, &error);
  g_assert_no_error (error);
  partner_id = rp_referral_get_partner_id (referral);

  window = g_object_ref_sink (rp_window_new (NULL, fixture->db.context));
  gtk_window_present (GTK_WINDOW (window));
  rp_test_wait_until_mapped (GTK_WIDGET (window));

  /* The Referrals page, filtered so that the referral is hidden. */
  g_assert_true (rp_window_set_visible_page_name (window, "referrals"));
  referrals = rp_window_get_page (window, "referrals");
  rp_test_wait_until_mapped (referrals);
  rp_referrals_page_set_partner_filter (RP_REFERRALS_PAGE (referrals), G_MAXINT32, "Nobody");

  /* From the Partners page: the referral, the filter given way. */
  g_assert_true (rp_window_set_visible_page_name (window, "partners"));
  partners = rp_window_get_page (window, "partners");
  rp_test_wait_until_mapped (partners);
  g_assert_true (gtk_widget_activate_action (partners, "win.show-referral", "x", referral_id));
  rp_test_iterate_for (100);
  g_assert_cmpstr (rp_window_get_visible_page_name (window), ==, "referrals");
  detail = rp_test_template_child (referrals, RP_TYPE_REFERRALS_PAGE, "detail");
  g_assert_nonnull (rp_referral_detail_get_referral (detail));
  g_assert_cmpint (rp_referral_get_id (rp_referral_detail_get_referral (detail)), ==,
                   referral_id);
  g_assert_cmpint (rp_referrals_page_get_selected_partner_id (RP_REFERRALS_PAGE (referrals)), ==,
                   partner_id);

  /* From the Referrals page: its partner on the Partners page. */
  g_assert_true (gtk_widget_activate_action (referrals, "win.show-partner", "x", partner_id));
  rp_test_iterate_for (100);
  g_assert_cmpstr (rp_window_get_visible_page_name (window), ==, "partners");
  g_assert_cmpint (rp_partners_page_get_selected_partner_id (RP_PARTNERS_PAGE (partners)), ==,
                   partner_id);

  /* From the Partners page: the partner's history on the Timeline page. */
  g_assert_true (gtk_widget_activate_action (partners, "win.show-history", "x", partner_id));
  rp_test_iterate_for (100);
  g_assert_cmpstr (rp_window_get_visible_page_name (window), ==, "timeline");
  timeline = rp_window_get_page (window, "timeline");
  g_assert_cmpint (rp_timeline_view_get_filter (
                     rp_timeline_page_get_view (RP_TIMELINE_PAGE (timeline)))->partner_id,
                   ==, partner_id);

  gtk_window_destroy (GTK_WINDOW (window));
  rp_test_iterate_for (50);
  g_assert_finalize_object (window);
}

static void
test_preferences_save (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(RpPractice) practice = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *preferences;
  AdwEntryRow *name_row;
  AdwEntryRow *phone_row;

  rp_test_load_style ();

  preferences = g_object_ref_sink (rp_preferences_window_new (fixture->db.context));
  gtk_window_present (GTK_WINDOW (preferences));
  rp_test_wait_until_mapped (preferences);

  name_row = find_entry_row (preferences, "Practice Name");
  phone_row = find_entry_row (preferences, "Phone");
  g_assert_nonnull (name_row);
  g_assert_nonnull (phone_row);

  /* An invalid phone number is marked, and keeps the window open on close. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Riverside Orthopedics");
  gtk_editable_set_text (GTK_EDITABLE (phone_row), "555");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (phone_row), "error"));
  rp_test_iterate_for (300);
  rp_test_save_screenshot (preferences, "preferences-window.png");

  gtk_window_close (GTK_WINDOW (preferences));
  g_assert_true (gtk_widget_get_visible (preferences));
  practice = rp_store_get_practice (fixture->db.store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rp_practice_get_name (practice), !=, "Riverside Orthopedics");
  g_clear_object (&practice);

  /* Corrected, it is saved when the window closes. */
  gtk_editable_set_text (GTK_EDITABLE (phone_row), "(614) 555-0134");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (phone_row), "error"));
  gtk_window_close (GTK_WINDOW (preferences));
  g_assert_false (gtk_widget_get_visible (preferences));

  practice = rp_store_get_practice (fixture->db.store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rp_practice_get_name (practice), ==, "Riverside Orthopedics");
  g_assert_cmpstr (rp_practice_get_phone (practice), ==, "(614) 555-0134");

  g_assert_finalize_object (preferences);
}

static void
test_preferences_discard (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(RpPractice) before = NULL;
  g_autoptr(RpPractice) after = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *preferences;
  AdwEntryRow *email_row;

  before = rp_store_get_practice (fixture->db.store, &error);
  g_assert_no_error (error);

  preferences = g_object_ref_sink (rp_preferences_window_new (fixture->db.context));
  gtk_window_present (GTK_WINDOW (preferences));
  rp_test_wait_until_mapped (preferences);

  email_row = find_entry_row (preferences, "E-mail");
  g_assert_nonnull (email_row);
  gtk_editable_set_text (GTK_EDITABLE (email_row), "not an address");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (email_row), "error"));

  gtk_window_close (GTK_WINDOW (preferences));
  g_assert_true (gtk_widget_get_visible (preferences));

  /* The toast's "Discard Changes" closes without saving. */
  g_assert_true (gtk_widget_activate_action (preferences, "preferences.discard", NULL));
  g_assert_false (gtk_widget_get_visible (preferences));

  after = rp_store_get_practice (fixture->db.store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rp_practice_get_email (after), ==, rp_practice_get_email (before));

  g_assert_finalize_object (preferences);
}

static void
test_preferences_locations (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(RpPractice) practice = NULL;
  g_autoptr(RpPractice) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RpLocation) added = NULL;
  GtkWidget *preferences;
  GtkWidget *add_button;
  RpLocationRow *row;
  GListModel *locations;
  guint n_before;

  practice = rp_store_get_practice (fixture->db.store, &error);
  g_assert_no_error (error);
  n_before = g_list_model_get_n_items (G_LIST_MODEL (rp_practice_get_locations (practice)));

  preferences = g_object_ref_sink (rp_preferences_window_new (fixture->db.context));
  gtk_window_present (GTK_WINDOW (preferences));
  rp_test_wait_until_mapped (preferences);

  add_button = rp_test_find_by_tooltip (preferences, "Add a Location");
  g_assert_nonnull (add_button);
  g_assert_true (GTK_IS_BUTTON (add_button));
  g_signal_emit_by_name (add_button, "clicked");

  rp_test_collect_by_type (preferences, RP_TYPE_LOCATION_ROW, rows);
  g_assert_cmpuint (rows->len, ==, n_before + 1);
  row = g_ptr_array_index (rows, rows->len - 1);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));

  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (GTK_WIDGET (row), "Name")), "Westerville");
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (GTK_WIDGET (row), "State")), "ZZ");
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (GTK_WIDGET (row), "Latitude")), "91");
  g_assert_false (rp_location_row_is_valid (row));
  rp_test_iterate_for (300);
  rp_test_save_screenshot (preferences, "preferences-location.png");

  /* Invalid fields keep the window open. */
  gtk_window_close (GTK_WINDOW (preferences));
  g_assert_true (gtk_widget_get_visible (preferences));

  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (GTK_WIDGET (row), "State")), "OH");
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (GTK_WIDGET (row), "Latitude")), "40,1262");
  g_assert_false (rp_location_row_is_valid (row)); /* a latitude without a longitude */
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (GTK_WIDGET (row), "Longitude")), "-82.9291");
  g_assert_true (rp_location_row_is_valid (row));

  /* Making it the primary location takes that from the others. */
  rp_location_set_is_primary (rp_location_row_get_location (row), TRUE);

  gtk_window_close (GTK_WINDOW (preferences));
  g_assert_false (gtk_widget_get_visible (preferences));
  g_assert_finalize_object (preferences);

  saved = rp_store_get_practice (fixture->db.store, &error);
  g_assert_no_error (error);
  locations = G_LIST_MODEL (rp_practice_get_locations (saved));
  g_assert_cmpuint (g_list_model_get_n_items (locations), ==, n_before + 1);

  for (guint i = 0; i < g_list_model_get_n_items (locations); i++)
    {
      g_autoptr(RpLocation) location = g_list_model_get_item (locations, i);

      if (g_strcmp0 (rp_location_get_name (location), "Westerville") == 0)
        added = g_object_ref (location);
      else
        g_assert_false (rp_location_get_is_primary (location));
    }

  g_assert_nonnull (added);
  g_assert_true (rp_location_get_is_primary (added));
  g_assert_cmpstr (rp_location_get_state (added), ==, "OH");
  g_assert_true (rp_location_get_has_coordinates (added));
  g_assert_cmpfloat_with_epsilon (rp_location_get_latitude (added), 40.1262, 1e-9);
  g_assert_cmpfloat_with_epsilon (rp_location_get_longitude (added), -82.9291, 1e-9);
}

/* The whole application, as `rapport --database=PATH` starts it. */
typedef struct
{
  Fixture  *fixture;
  gboolean  checked;
  gboolean  saw_recovery_key;
} AppRun;

/* The first start makes the patient data key, and shows its recovery key once over the window
 * when a keyring took it. Returns TRUE once that is settled (the dialog seen and closed, or no
 * key made). */
static gboolean
settle_recovery_key (AppRun         *run,
                     GtkApplication *application)
{
  RpContext *context = rp_application_get_context (RP_APPLICATION (application));
  RpVault *vault = rp_context_get_vault (context);

  if (rp_vault_get_state (vault) == RP_VAULT_STATE_UNKNOWN)
    return FALSE;

  if (rp_vault_get_state (vault) != RP_VAULT_STATE_UNLOCKED || run->saw_recovery_key)
    return TRUE;

  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    {
      if (RP_IS_RECOVERY_KEY_DIALOG (l->data))
        {
          g_assert_cmpint (rp_recovery_key_dialog_get_mode (l->data), ==,
                           RP_RECOVERY_KEY_DIALOG_SHOW);
          run->saw_recovery_key = TRUE;
          gtk_window_destroy (l->data);
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
check_application_cb (gpointer user_data)
{
  AppRun *run = user_data;
  GApplication *application = g_application_get_default ();
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));
  g_auto(GStrv) quit_accels = NULL;
  g_auto(GStrv) preferences_accels = NULL;

  if (window == NULL || !gtk_widget_get_mapped (GTK_WIDGET (window)))
    return G_SOURCE_CONTINUE;

  if (!settle_recovery_key (run, GTK_APPLICATION (application)))
    return G_SOURCE_CONTINUE;
  window = gtk_application_get_active_window (GTK_APPLICATION (application));

  g_assert_true (RP_IS_WINDOW (window));
  g_assert_cmpstr (gtk_window_get_title (window), ==, "Rapport");
  g_assert_nonnull (rp_application_get_context (RP_APPLICATION (application)));
  g_assert_true (g_application_get_flags (application) & G_APPLICATION_NON_UNIQUE);

  for (guint i = 0; i < 3; i++)
    {
      const char *names[] = { "preferences", "about", "quit" };

      g_assert_true (g_action_group_has_action (G_ACTION_GROUP (application), names[i]));
    }

  quit_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (application),
                                                       "app.quit");
  g_assert_cmpstr (quit_accels[0], ==, "<Control>q");
  preferences_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (application),
                                                              "app.preferences");
  g_assert_cmpstr (preferences_accels[0], ==, "<Control>comma");

  /* Preferences and About open over the window; Quit closes them all and ends the run. */
  g_action_group_activate_action (G_ACTION_GROUP (application), "preferences", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (application), "about", NULL);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (application))),
                    ==, 3);

  run->checked = TRUE;
  g_action_group_activate_action (G_ACTION_GROUP (application), "quit", NULL);

  return G_SOURCE_REMOVE;
}

static void
test_application_run (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(RpApplication) application = rp_application_new ();
  g_autofree char *option = g_strconcat ("--database=", fixture->db.path, NULL);
  char *argv[] = { (char *) "rapport", option, NULL };
  AppRun run = { fixture, FALSE };
  int status;

  g_timeout_add (50, check_application_cb, &run);
  status = g_application_run (G_APPLICATION (application), G_N_ELEMENTS (argv) - 1, argv);

  g_assert_cmpint (status, ==, 0);
  g_assert_true (run.checked);
}

int
main (int   argc,
      char *argv[])
{
  rp_test_init (&argc, &argv);

  g_test_add ("/app/window/show", Fixture, NULL,
              fixture_set_up, test_window_show, fixture_tear_down);
  g_test_add ("/app/window/unknown-last-page", Fixture, NULL,
              fixture_set_up, test_window_unknown_last_page, fixture_tear_down);
  g_test_add ("/app/window/folded", Fixture, NULL,
              fixture_set_up, test_window_folded, fixture_tear_down);
  g_test_add ("/app/window/navigation", Fixture, NULL,
              fixture_set_up, test_window_navigation, fixture_tear_down);
  g_test_add ("/app/preferences/save", Fixture, NULL,
              fixture_set_up, test_preferences_save, fixture_tear_down);
  g_test_add ("/app/preferences/discard", Fixture, NULL,
              fixture_set_up, test_preferences_discard, fixture_tear_down);
  g_test_add ("/app/preferences/locations", Fixture, NULL,
              fixture_set_up, test_preferences_locations, fixture_tear_down);
  g_test_add ("/app/application/run", Fixture, NULL,
              fixture_set_up, test_application_run, fixture_tear_down);

  return g_test_run ();
}
