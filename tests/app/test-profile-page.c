/* test-profile-page.c: the Practice Profile page of Preferences on a display (Xvfb).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "rp-preferences-window.h"
#include "rp-store-practice.h"
#include "rp-test-app.h"

typedef struct
{
  RpTestDb db;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  rp_test_db_open (&fixture->db, "rapport-profile-XXXXXX");
  rp_test_db_add_sample (&fixture->db, NULL);
  rp_test_db_make_context (&fixture->db, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  rp_test_db_close (&fixture->db);
}

static void
scroll_to (GtkWidget *preferences,
           GtkWidget *widget)
{
  GtkScrolledWindow *scrolled;
  GtkAdjustment *adjustment;
  graphene_point_t point;

  scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW));
  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (scrolled),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + point.y - 12);
  rp_test_iterate_for (300);
}

static gboolean
has_accessible_label (GtkWidget *widget)
{
  /* Rows carry their title; buttons and text views an explicit label or a text of their own. */
  if (ADW_IS_PREFERENCES_ROW (widget))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget))[0] != '\0';
  if (GTK_IS_BUTTON (widget))
    return gtk_widget_get_tooltip_text (widget) != NULL ||
           gtk_button_get_label (GTK_BUTTON (widget)) != NULL;

  return TRUE;
}

static void
test_profile_page (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(RpPractice) before = NULL;
  g_autoptr(RpPractice) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autofree char *second_uuid = NULL;
  GtkWidget *preferences;
  GtkListBox *services;
  GtkListBox *stories;
  GtkPicture *logo;
  GtkWidget *add;
  GtkWidget *row;
  GtkWidget *title_row;
  GtkWidget *up;
  GtkTextView *body;
  AdwEntryRow *turnaround;

  before = rp_store_get_practice (fixture->db.store, &error);
  g_assert_no_error (error);
  {
    g_autoptr(RpPracticeEntry) second =
      g_list_model_get_item (G_LIST_MODEL (rp_practice_get_entries (before,
                                                                    RP_PRACTICE_ENTRY_SERVICE)),
                             1);
    second_uuid = g_strdup (rp_practice_entry_get_uuid (second));
  }

  rp_test_load_style ();
  preferences = g_object_ref_sink (rp_preferences_window_new (fixture->db.context));
  gtk_window_set_default_size (GTK_WINDOW (preferences), 720, 900);
  gtk_window_present (GTK_WINDOW (preferences));
  rp_test_wait_until_mapped (preferences);

  /* The sample's profile is shown: its logo, guidelines and lists. */
  logo = rp_test_template_child (preferences, RP_TYPE_PREFERENCES_WINDOW, "logo_picture");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (logo)));
  g_assert_nonnull (gtk_picture_get_paintable (logo));
  turnaround = rp_test_find_row (preferences, ADW_TYPE_ENTRY_ROW, "Turnaround Promise");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (turnaround)), ==,
                   "New patients seen within 5 business days");
  services = rp_test_template_child (preferences, RP_TYPE_PREFERENCES_WINDOW, "services_list");
  stories = rp_test_template_child (preferences, RP_TYPE_PREFERENCES_WINDOW, "stories_list");
  g_assert_cmpuint (rp_test_count_list_rows (services), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (
                      rp_practice_get_entries (before, RP_PRACTICE_ENTRY_SERVICE))));
  g_assert_cmpuint (rp_test_count_list_rows (stories), ==, 3);

  rp_test_iterate_for (300);
  rp_test_save_screenshot (preferences, "practice-profile-top.png");

  /* Every button has a name a screen reader can say. */
  rp_test_collect_by_type (rp_test_template_child (preferences, RP_TYPE_PREFERENCES_WINDOW,
                                                    "practice_page"),
                           GTK_TYPE_BUTTON, buttons);
  g_assert_cmpuint (buttons->len, >, 20);
  for (guint i = 0; i < buttons->len; i++)
    g_assert_true (has_accessible_label (buttons->pdata[i]));

  /* Add a service, fill it in place, and move it up one place. */
  add = rp_test_find_by_tooltip (preferences, "Add a Service");
  g_assert_nonnull (add);
  g_signal_emit_by_name (add, "clicked");
  rp_test_iterate_for (100);
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (services,
                                                   rp_test_count_list_rows (services) - 1));
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  title_row = rp_test_find_row (row, ADW_TYPE_ENTRY_ROW, "Service");
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Osteoporosis clinic");
  body = rp_test_find_by_type (row, GTK_TYPE_TEXT_VIEW);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (body), "Bone density and treatment.", -1);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Osteoporosis clinic");
  up = rp_test_find_by_tooltip (row, "Move Up");
  g_signal_emit_by_name (up, "clicked");
  rp_test_iterate_for (100);
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (services,
                                                   rp_test_count_list_rows (services) - 2));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Osteoporosis clinic");

  /* Remove the first service. */
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (services, 0));
  g_signal_emit_by_name (rp_test_find_by_tooltip (row, "Remove"), "clicked");
  rp_test_iterate_for (100);

  scroll_to (preferences, GTK_WIDGET (services));
  rp_test_save_screenshot (preferences, "practice-profile-lists.png");

  gtk_window_close (GTK_WINDOW (preferences));
  g_assert_false (gtk_widget_get_visible (preferences));

  after = rp_store_get_practice (fixture->db.store, &error);
  g_assert_no_error (error);
  {
    GListModel *model = G_LIST_MODEL (rp_practice_get_entries (after, RP_PRACTICE_ENTRY_SERVICE));
    guint n = g_list_model_get_n_items (model);
    g_autoptr(RpPracticeEntry) first = g_list_model_get_item (model, 0);
    g_autoptr(RpPracticeEntry) added = g_list_model_get_item (model, n - 2);

    g_assert_cmpuint (n, ==, g_list_model_get_n_items (G_LIST_MODEL (
                        rp_practice_get_entries (before, RP_PRACTICE_ENTRY_SERVICE))));
    /* The old second service is now the first, with its key. */
    g_assert_cmpstr (rp_practice_entry_get_uuid (first), ==, second_uuid);
    g_assert_cmpstr (rp_practice_entry_get_title (added), ==, "Osteoporosis clinic");
    g_assert_cmpstr (rp_practice_entry_get_body (added), ==, "Bone density and treatment.");
  }
  g_assert_cmpstr (rp_practice_get_turnaround (after), ==,
                   "New patients seen within 5 business days");
  g_assert_nonnull (rp_practice_get_logo (after));

  g_assert_finalize_object (preferences);
}

int
main (int   argc,
      char *argv[])
{
  rp_test_init (&argc, &argv);

  g_test_add ("/app/preferences/practice-profile", Fixture, NULL,
              fixture_set_up, test_profile_page, fixture_tear_down);

  return g_test_run ();
}
