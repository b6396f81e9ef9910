/* test-preferences-map.c: the "Map & Planner" page of Preferences and the Locate Partners
 * dialog on a display (Xvfb). Offline only: nothing is sent anywhere.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include <adwaita.h>

#include "rp-geocode-dialog.h"
#include "rp-preferences-window-private.h"
#include "rp-store-geocode.h"
#include "rp-store-partners.h"
#include "rp-test-app.h"

typedef struct
{
  RpTestDb db;
} Fixture;

static const char * const map_keys[] = {
  "online-geocoding",
  "map-tiles",
  "distance-unit",
  "cadence-tier-a",
  "cadence-tier-b",
  "cadence-tier-c",
  NULL,
};

static const char gazetteer[] =
  "GEOID\tALAND\tAWATER\tALAND_SQMI\tAWATER_SQMI\tINTPTLAT\tINTPTLONG      \n"
  "43085\t21508187\t207379\t8.304\t0.080\t40.099776\t-83.017587\n"
  "43210\t3051346\t0\t1.178\t0.000\t40.002593\t-83.016128\n"
  "43215\t11053958\t278424\t4.268\t0.108\t91.5\t-83.011111\n";

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  rp_test_db_open (&fixture->db, "rapport-preferences-map-XXXXXX");
  rp_test_db_make_context (&fixture->db, map_keys);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  rp_test_db_close (&fixture->db);
}

static void
add_partner (RpStore    *store,
             const char *last,
             const char *zip)
{
  g_autoptr(RpPartner) partner = rp_partner_new (RP_PARTNER_KIND_PERSON);
  g_autoptr(GError) error = NULL;

  rp_partner_set_prefix (partner, "Dr.");
  rp_partner_set_first_name (partner, "Ann");
  rp_partner_set_last_name (partner, last);
  rp_partner_set_city (partner, "Columbus");
  rp_partner_set_state (partner, "OH");
  rp_partner_set_zip (partner, zip);
  rp_store_insert_partner (store, partner, &error);
  g_assert_no_error (error);
}

static GtkWidget *
find_row (GtkWidget  *window,
          const char *title)
{
  GtkWidget *row = rp_test_find_row (window, ADW_TYPE_PREFERENCES_ROW, title);

  g_assert_nonnull (row);
  return row;
}

static gpointer
suffix_of (GtkWidget *row,
           GType      type)
{
  gpointer widget = rp_test_find_by_type (row, type);

  g_assert_nonnull (widget);
  return widget;
}

static gboolean
is_sensitive (gpointer data)
{
  return gtk_widget_get_sensitive (GTK_WIDGET (data));
}

static gboolean
is_done (gpointer data)
{
  return !rp_geocode_dialog_get_running (RP_GEOCODE_DIALOG (data));
}

static gboolean
has_label (GtkWidget     *widget,
           gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

static void
test_map_page (Fixture       *fixture,
               gconstpointer  data)
{
  RpPreferencesWindow *self;
  GtkWidget *preferences;
  GtkWidget *row;
  GtkSwitch *online;
  GtkSpinButton *tier_a;
  g_autofree char *unit = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rapport-gazetteer-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "2023_Gaz_zcta_national.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  add_partner (fixture->db.store, "Adams", "43085");
  add_partner (fixture->db.store, "Baker", "99999");
  g_assert_true (g_file_set_contents (path, gazetteer, -1, NULL));

  rp_test_load_style ();
  preferences = g_object_ref_sink (rp_preferences_window_new (fixture->db.context));
  self = RP_PREFERENCES_WINDOW (preferences);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "map");
  gtk_window_set_default_size (GTK_WINDOW (preferences), 640, 900);
  gtk_window_present (GTK_WINDOW (preferences));
  rp_test_wait_until_mapped (preferences);

  g_assert_cmpstr (adw_preferences_page_get_title (adw_preferences_window_get_visible_page (
                     ADW_PREFERENCES_WINDOW (preferences))), ==, "Map & Planner");

  /* The switches and the spin rows follow their settings, both ways. */
  online = suffix_of (find_row (preferences, "Find Addresses Online"), GTK_TYPE_SWITCH);
  g_assert_false (gtk_switch_get_active (online));
  gtk_switch_set_active (online, TRUE);
  g_assert_true (g_settings_get_boolean (fixture->db.settings, "online-geocoding"));
  g_settings_set_boolean (fixture->db.settings, "online-geocoding", FALSE);
  g_assert_false (gtk_switch_get_active (online));
  g_assert_true (gtk_switch_get_active (suffix_of (find_row (preferences, "Download Map Tiles"),
                                                   GTK_TYPE_SWITCH)));

  row = find_row (preferences, "Distance Unit");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 2);
  unit = g_settings_get_string (fixture->db.settings, "distance-unit");
  g_assert_cmpstr (unit, ==, "kilometers");

  tier_a = suffix_of (find_row (preferences, "Tier A"), GTK_TYPE_SPIN_BUTTON);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (tier_a), ==, 14);
  gtk_spin_button_set_value (tier_a, 21);
  g_assert_cmpuint (g_settings_get_uint (fixture->db.settings, "cadence-tier-a"), ==, 21);
  find_row (preferences, "Tier B");
  find_row (preferences, "Tier C");

  /* Counts before, then the import's summary with the malformed line. */
  g_assert_cmpstr (adw_action_row_get_subtitle (self->locate_row), ==,
                   "2 partners have no location");
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (self->gazetteer_row), "None"));
  _rp_preferences_window_import_gazetteer (self, file);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (self->gazetteer_row)));
  rp_test_wait_for (is_sensitive, self->gazetteer_row);
  g_assert_cmpstr (adw_action_row_get_subtitle (self->gazetteer_row), ==,
                   "Imported 2 ZIP codes; line 4: bad latitude");
  g_assert_cmpuint (rp_store_count_zcta (fixture->db.store), ==, 2);

  rp_test_iterate_for (100);
  rp_test_save_screenshot (preferences, "preferences-map");

  gtk_window_close (GTK_WINDOW (preferences));
  g_assert_finalize_object (preferences);

  g_remove (path);
  g_rmdir (dir);
}

static void
test_geocode_dialog (Fixture       *fixture,
                     gconstpointer  data)
{
  RpZctaEntry entries[] = { { "43085", 40.099776, -83.017587 } };
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;
  GtkWidget *start;
  GtkWidget *failure;
  GtkProgressBar *progress;

  add_partner (fixture->db.store, "Adams", "43085");
  add_partner (fixture->db.store, "Baker", "99999");
  add_partner (fixture->db.store, "Clark", "");
  rp_store_import_zcta (fixture->db.store, entries, G_N_ELEMENTS (entries), &error);
  g_assert_no_error (error);

  rp_test_load_style ();
  dialog = g_object_ref_sink (rp_geocode_dialog_new (NULL, fixture->db.context));
  gtk_window_present (GTK_WINDOW (dialog));
  rp_test_wait_until_mapped (dialog);

  start = rp_test_find_widget (dialog, has_label, "_Start");
  g_assert_nonnull (start);
  g_assert_true (gtk_widget_get_sensitive (start));
  rp_test_save_screenshot (dialog, "geocode-dialog-before");

  rp_geocode_dialog_start (RP_GEOCODE_DIALOG (dialog));
  rp_test_wait_for (is_done, dialog);
  rp_test_iterate_for (100);

  progress = rp_test_find_by_type (dialog, GTK_TYPE_PROGRESS_BAR);
  g_assert_cmpstr (gtk_progress_bar_get_text (progress), ==, "3 of 3");
  g_assert_cmpuint (rp_store_count_unplaced_partners (fixture->db.store), ==, 2);

  failure = rp_test_find_row (dialog, ADW_TYPE_ACTION_ROW, "Dr. Ann Baker");
  g_assert_nonnull (failure);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (failure)), ==,
                   "ZIP code 99999 is not in the imported gazetteer");
  failure = rp_test_find_row (dialog, ADW_TYPE_ACTION_ROW, "Dr. Ann Clark");
  g_assert_nonnull (failure);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (failure)), ==, "No ZIP code");

  rp_test_save_screenshot (dialog, "geocode-dialog-after");

  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

int
main (int   argc,
      char *argv[])
{
  rp_test_init (&argc, &argv);

  g_test_add ("/preferences/map/page", Fixture, NULL,
              fixture_set_up, test_map_page, fixture_tear_down);
  g_test_add ("/preferences/map/geocode-dialog", Fixture, NULL,
              fixture_set_up, test_geocode_dialog, fixture_tear_down);

  return g_test_run ();
}
