/* test-preferences.c: the Follow-ups page of Preferences (rules, letters, gift limits) on a
 * display (Xvfb).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "rp-application.h"
#include "rp-letter.h"
#include "rp-preferences-window.h"
#include "rp-store-gifts.h"
#include "rp-store-backup.h"
#include "rp-test-app.h"
#include "rp-test-core.h"

typedef struct
{
  RpTestDb db;
} Fixture;

static const char * const follow_up_keys[] = {
  "thank-you-delay-days",
  "loop-update-delay-days",
  "thank-you-template",
  "update-template",
  "letter-signature",
  NULL,
};

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  rp_test_db_open (&fixture->db, "rapport-preferences-XXXXXX");
  rp_test_db_make_context (&fixture->db, follow_up_keys);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  rp_test_db_close (&fixture->db);
}

static GtkWidget *
find_row (GtkWidget  *window,
          const char *title)
{
  return rp_test_find_row (window, ADW_TYPE_PREFERENCES_ROW, title);
}

/* The limit of @year in the store, or -1 when it has none. */
static gint64
stored_limit (RpStore *store,
              int      year)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) limits = rp_store_list_gift_limits (store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < limits->len; i++)
    {
      if (g_array_index (limits, RpGiftLimit, i).year == year)
        return g_array_index (limits, RpGiftLimit, i).limit_cents;
    }

  return -1;
}

static char *
dup_buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* "clicked" at once: activating a GtkButton emits it only when its press animation ends. */
static void
click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_signal_emit_by_name (button, "clicked");
}

static GtkWidget *
open_preferences (Fixture *fixture)
{
  GtkWidget *preferences;

  rp_test_load_style ();

  preferences = g_object_ref_sink (rp_preferences_window_new (fixture->db.context));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences),
                                                "follow-ups");
  gtk_window_present (GTK_WINDOW (preferences));
  rp_test_wait_until_mapped (preferences);

  return preferences;
}

static void
close_preferences (GtkWidget *preferences)
{
  gtk_window_close (GTK_WINDOW (preferences));
  g_assert_false (gtk_widget_get_visible (preferences));
  g_assert_finalize_object (preferences);
}

static void
test_preferences_rules (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *preferences = open_preferences (fixture);
  GtkWidget *thank_you_row = find_row (preferences, "Send Thank-You Within");
  GtkWidget *update_row = find_row (preferences, "Send Update Within");
  GtkWidget *signature_row = find_row (preferences, "Signature");
  GtkSpinButton *thank_you_spin;
  GtkSpinButton *update_spin;
  RpRuleSettings rules;

  g_assert_true (ADW_IS_ACTION_ROW (thank_you_row));
  g_assert_true (ADW_IS_ACTION_ROW (update_row));
  g_assert_true (ADW_IS_ENTRY_ROW (signature_row));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (thank_you_row)), ==,
                   "After an inbound referral is recorded");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (update_row)), ==,
                   "After the referred patient is seen");

  thank_you_spin =
    GTK_SPIN_BUTTON (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (thank_you_row)));
  update_spin =
    GTK_SPIN_BUTTON (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (update_row)));

  /* The defaults show, and the ranges are the schema's. */
  g_assert_cmpint (gtk_spin_button_get_value_as_int (thank_you_spin), ==, 2);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (update_spin), ==, 3);
  g_assert_cmpfloat (gtk_adjustment_get_upper (gtk_spin_button_get_adjustment (thank_you_spin)),
                     ==, 30);
  g_assert_cmpfloat (gtk_adjustment_get_upper (gtk_spin_button_get_adjustment (update_spin)),
                     ==, 60);

  /* The spin buttons write the settings, which the rules read. */
  gtk_spin_button_set_value (thank_you_spin, 5);
  gtk_spin_button_set_value (update_spin, 10);
  g_assert_cmpuint (g_settings_get_uint (fixture->db.settings, "thank-you-delay-days"), ==, 5);
  g_assert_cmpuint (g_settings_get_uint (fixture->db.settings, "loop-update-delay-days"), ==, 10);
  rp_context_get_rule_settings (fixture->db.context, &rules);
  g_assert_cmpuint (rules.thank_you_business_days, ==, 5);
  g_assert_cmpuint (rules.loop_update_days, ==, 10);

  /* And follow them. */
  g_settings_set_uint (fixture->db.settings, "thank-you-delay-days", 7);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (thank_you_spin), ==, 7);

  gtk_editable_set_text (GTK_EDITABLE (signature_row), "Dana Whitfield, Physician Liaison");
  g_assert_cmpstr (g_settings_get_string (fixture->db.settings, "letter-signature"), ==,
                   "Dana Whitfield, Physician Liaison");

  close_preferences (preferences);
}

static void
test_preferences_templates (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *preferences = open_preferences (fixture);
  GtkWidget *restore_button = rp_test_find_by_tooltip (preferences,
                                                       "Restore the built-in thank-you letter");
  GtkTextView *thank_you_view;
  GtkTextView *update_view;
  g_autofree char *text = NULL;
  g_autofree char *key = NULL;
  g_autoptr(GPtrArray) views = g_ptr_array_new ();

  g_assert_true (GTK_IS_BUTTON (restore_button));

  /* The thank-you view comes first on the page, the update view after it. */
  rp_test_collect_by_type (rp_test_template_child (preferences, RP_TYPE_PREFERENCES_WINDOW,
                                                    "follow_ups_page"),
                           GTK_TYPE_TEXT_VIEW, views);
  g_assert_cmpuint (views->len, ==, 2);
  thank_you_view = g_ptr_array_index (views, 0);
  update_view = g_ptr_array_index (views, 1);
  g_assert_false (gtk_text_view_get_monospace (thank_you_view));
  g_assert_cmpint (gtk_text_view_get_wrap_mode (thank_you_view), !=, GTK_WRAP_NONE);

  /* Empty keys show the built-in templates. */
  text = dup_buffer_text (thank_you_view);
  g_assert_cmpstr (text, ==, rp_letter_default_template (RP_LETTER_THANK_YOU));
  g_clear_pointer (&text, g_free);
  text = dup_buffer_text (update_view);
  g_assert_cmpstr (text, ==, rp_letter_default_template (RP_LETTER_UPDATE));
  g_clear_pointer (&text, g_free);

  rp_test_iterate_for (300);
  rp_test_save_screenshot (preferences, "preferences-follow-ups.png");

  /* An edit is saved after a pause in typing… */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (thank_you_view),
                            "Dear {partner_first},\n\nThank you!\n\n{signature}", -1);
  key = g_settings_get_string (fixture->db.settings, "thank-you-template");
  g_assert_cmpstr (key, ==, "");
  g_clear_pointer (&key, g_free);
  rp_test_iterate_for (900);
  key = g_settings_get_string (fixture->db.settings, "thank-you-template");
  g_assert_cmpstr (key, ==, "Dear {partner_first},\n\nThank you!\n\n{signature}");
  g_clear_pointer (&key, g_free);

  /* …Restore Default empties the key and shows the built-in text again… */
  click (restore_button);
  key = g_settings_get_string (fixture->db.settings, "thank-you-template");
  g_assert_cmpstr (key, ==, "");
  g_clear_pointer (&key, g_free);
  text = dup_buffer_text (thank_you_view);
  g_assert_cmpstr (text, ==, rp_letter_default_template (RP_LETTER_THANK_YOU));
  g_clear_pointer (&text, g_free);
  rp_test_iterate_for (900);
  key = g_settings_get_string (fixture->db.settings, "thank-you-template");
  g_assert_cmpstr (key, ==, "");
  g_clear_pointer (&key, g_free);

  /* …and closing at once saves what was typed. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (update_view), "Seen: {status}", -1);
  close_preferences (preferences);
  key = g_settings_get_string (fixture->db.settings, "update-template");
  g_assert_cmpstr (key, ==, "Seen: {status}");
}

static void
test_preferences_gift_limits (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkWidget *preferences = open_preferences (fixture);
  GtkWidget *add_row = find_row (preferences, "Add Year…");
  GtkWidget *row;
  GtkWidget *edit_button;
  GtkWidget *remove_button;
  GtkWidget *add_button;
  GtkPopover *popover;
  GtkSpinButton *year_spin;
  GtkEditable *amount;
  GtkEditable *edit_entry;
  AdwPreferencesPage *page;
  GtkWidget *scrolled;
  GtkAdjustment *adjustment;

  g_assert_nonnull (add_row);

  /* The schema's table shows, a row a year. */
  row = find_row (preferences, "2025 — $519.00");
  g_assert_nonnull (row);
  g_assert_nonnull (find_row (preferences, "2021 — $452.00"));

  year_spin = GTK_SPIN_BUTTON (rp_test_find_by_type (add_row, GTK_TYPE_SPIN_BUTTON));
  amount = GTK_EDITABLE (rp_test_find_by_type (add_row, GTK_TYPE_ENTRY));
  add_button = rp_test_find_by_tooltip (add_row, "Add the Limit of This Year");
  g_assert_nonnull (year_spin);
  g_assert_nonnull (amount);
  g_assert_nonnull (add_button);
  /* The year after the last is suggested. */
  g_assert_cmpint (gtk_spin_button_get_value_as_int (year_spin), ==, 2026);

  /* Not an amount: marked, nothing written. */
  gtk_spin_button_set_value (year_spin, 2031);
  gtk_editable_set_text (amount, "lots");
  click (add_button);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (amount), "error"));
  g_assert_cmpint (stored_limit (fixture->db.store, 2031), ==, -1);

  gtk_editable_set_text (amount, "$612.50");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (amount), "error"));
  click (add_button);
  g_assert_cmpint (stored_limit (fixture->db.store, 2031), ==, 61250);
  g_assert_nonnull (find_row (preferences, "2031 — $612.50"));
  g_assert_cmpstr (gtk_editable_get_text (amount), ==, "");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (year_spin), ==, 2032);

  /* A year already in the table is edited with its own row, not replaced from here. */
  gtk_spin_button_set_value (year_spin, 2025);
  gtk_editable_set_text (amount, "1");
  click (add_button);
  g_assert_cmpint (stored_limit (fixture->db.store, 2025), ==, 51900);

  /* Edit: a negative amount is refused, a valid one saved. */
  row = find_row (preferences, "2025 — $519.00");
  edit_button = rp_test_find_by_type (row, GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (edit_button);
  /* The popover is not popped up: under Xvfb with no window manager, GTK 4.8 finds no monitor
   * for it and warns. Its entry works the same while it is hidden. */
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (edit_button));
  g_assert_nonnull (popover);
  edit_entry = GTK_EDITABLE (rp_test_find_by_type (GTK_WIDGET (popover), GTK_TYPE_ENTRY));
  g_assert_cmpstr (gtk_editable_get_text (edit_entry), ==, "519.00");

  gtk_editable_set_text (edit_entry, "-5");
  g_signal_emit_by_name (edit_entry, "activate");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (edit_entry), "error"));
  g_assert_cmpint (stored_limit (fixture->db.store, 2025), ==, 51900);

  gtk_editable_set_text (edit_entry, "530");
  g_signal_emit_by_name (edit_entry, "activate");
  rp_test_iterate_for (100);
  g_assert_cmpint (stored_limit (fixture->db.store, 2025), ==, 53000);
  g_assert_nonnull (find_row (preferences, "2025 — $530.00"));
  g_assert_null (find_row (preferences, "2025 — $519.00"));

  /* Remove. */
  row = find_row (preferences, "2031 — $612.50");
  remove_button = rp_test_find_by_tooltip (row, "Remove");
  g_assert_true (GTK_IS_BUTTON (remove_button));
  click (remove_button);
  g_assert_cmpint (stored_limit (fixture->db.store, 2031), ==, -1);
  g_assert_null (find_row (preferences, "2031 — $612.50"));
  g_assert_cmpint (stored_limit (fixture->db.store, 2025), ==, 53000);

  /* Scrolled to the end of the page, where the gift limits are. */
  page = adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (preferences));
  scrolled = rp_test_find_by_type (GTK_WIDGET (page), GTK_TYPE_SCROLLED_WINDOW);
  g_assert_nonnull (scrolled);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  rp_test_iterate_for (300);
  rp_test_save_screenshot (preferences, "preferences-gift-limits.png");

  close_preferences (preferences);
}

static gboolean
has_n_backups (gpointer data)
{
  gpointer *args = data;
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  guint n = 0;

  rp_test_collect_by_type (args[0], GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      if (g_object_get_data (buttons->pdata[i], "backup-path") != NULL &&
          gtk_widget_get_mapped (buttons->pdata[i]))
        n++;
    }

  return n == GPOINTER_TO_UINT (args[1]);
}

/* The Backups page: Back Up Now makes one (on a worker thread) and the list shows it with its
 * counts and a Restore button. */
static void
test_preferences_backups (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *preferences;
  GtkWidget *row;
  GtkWidget *button;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  gpointer args[2];

  for (guint i = 0; i < 3; i++)
    g_object_unref (rp_test_add_partner (fixture->db.store, RP_PARTNER_KIND_PERSON, "Pat",
                                         "Backed"));

  preferences = open_preferences (fixture);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "backups");
  args[0] = preferences;
  args[1] = GUINT_TO_POINTER (0);
  rp_test_wait_for (has_n_backups, args);

  row = find_row (preferences, "Back Up Now");
  g_assert_nonnull (row);
  button = rp_test_find_by_type (row, GTK_TYPE_BUTTON);
  click (button);
  args[1] = GUINT_TO_POINTER (1);
  rp_test_wait_for (has_n_backups, args);

  listed = rp_store_list_backups (fixture->db.path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpuint (((RpBackupInfo *) listed->pdata[0])->n_partners, ==, 3);

  rp_test_save_screenshot (preferences, "preferences-backups.png");
  close_preferences (preferences);
}

int
main (int   argc,
      char *argv[])
{
  rp_test_init (&argc, &argv);

  g_test_add ("/app/preferences/follow-ups/rules", Fixture, NULL,
              fixture_set_up, test_preferences_rules, fixture_tear_down);
  g_test_add ("/app/preferences/follow-ups/templates", Fixture, NULL,
              fixture_set_up, test_preferences_templates, fixture_tear_down);
  g_test_add ("/app/preferences/follow-ups/gift-limits", Fixture, NULL,
              fixture_set_up, test_preferences_gift_limits, fixture_tear_down);
  g_test_add ("/app/preferences/backups", Fixture, NULL,
              fixture_set_up, test_preferences_backups, fixture_tear_down);

  return g_test_run ();
}
