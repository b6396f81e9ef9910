/* test-outcomes-feedback.c: outcomes and feedback where the liaison works: feedback logged from
 * the Log Activity dialog's "Add Feedback" (with its follow-up for a low score), the partner
 * pane's Feedback group and history, and the outcome categories edited in Preferences.
 * Screenshots of each.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "rp-activity-dialog.h"
#include "rp-feedback-expander.h"
#include "rp-partner-detail.h"
#include "rp-partner-feedback-group.h"
#include "rp-preferences-window.h"
#include "rp-store-feedback.h"
#include "rp-store-outcomes.h"
#include "rp-store-partners.h"
#include "rp-test-app.h"
#include "rp-test-core.h"

typedef struct
{
  RpTestDb db;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  rp_test_db_open (&f->db, "rapport-outcomes-feedback-XXXXXX");
  rp_test_db_add_sample (&f->db, NULL);
  rp_test_db_make_context (&f->db, NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  rp_test_db_close (&f->db);
}

static gint64
first_person_id (RpStore *store)
{
  for (gint64 id = 1; id < 200; id++)
    {
      g_autoptr(RpPartner) partner = rp_store_get_partner (store, id, NULL);

      if (partner != NULL && rp_partner_get_kind (partner) == RP_PARTNER_KIND_PERSON)
        return id;
    }
  g_assert_not_reached ();
  return 0;
}

/* "Add Feedback" in Log Activity: the feedback is stored with the activity, for the partner on
 * the activity's day; a score of 5 adds the follow-up task. */
static void
test_activity_dialog (Fixture       *f,
                      gconstpointer  data)
{
  gint64 partner_id = first_person_id (f->db.store);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = rp_store_list_partner_feedback (f->db.store, partner_id, &error);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  guint tasks_before = rp_store_count_rows (f->db.store, "task");
  RpActivityDialog *dialog;
  RpFeedbackExpander *expander;
  GtkWidget *row;
  GtkSpinButton *spin;
  RpFeedback *newest;

  dialog = RP_ACTIVITY_DIALOG (rp_activity_dialog_new (f->db.context, partner_id, NULL));
  gtk_window_set_default_size (GTK_WINDOW (dialog), 600, 1000);
  gtk_window_present (GTK_WINDOW (dialog));
  rp_test_wait_until_mapped (dialog);

  expander = rp_test_find_by_type (GTK_WIDGET (dialog), RP_TYPE_FEEDBACK_EXPANDER);
  g_assert_nonnull (expander);
  g_assert_false (adw_expander_row_get_enable_expansion (ADW_EXPANDER_ROW (expander)));
  g_assert_null (rp_feedback_expander_dup_feedback (expander));

  /* Choosing the Feedback kind opens it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "activity.kind", "s",
                                             "feedback"));
  g_assert_true (adw_expander_row_get_enable_expansion (ADW_EXPANDER_ROW (expander)));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  rp_test_iterate_for (600);

  rp_activity_dialog_set_note (dialog, "Asked the office how referrals are going.");
  row = rp_test_find_row (GTK_WIDGET (expander), ADW_TYPE_ENTRY_ROW, "Given by");
  gtk_editable_set_text (GTK_EDITABLE (row), "Maria, office manager");
  row = rp_test_find_row (GTK_WIDGET (expander), ADW_TYPE_ENTRY_ROW, "Comment");
  gtk_editable_set_text (GTK_EDITABLE (row), "Reports take two weeks to arrive");
  row = rp_test_find_row (GTK_WIDGET (expander), ADW_TYPE_COMBO_ROW, "Topic");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), RP_FEEDBACK_TOPIC_REPORTS);
  row = rp_test_find_row (GTK_WIDGET (expander), ADW_TYPE_ACTION_ROW, "Score");
  spin = rp_test_find_by_type (row, GTK_TYPE_SPIN_BUTTON);
  gtk_spin_button_set_value (spin, 5);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "6 or lower: a follow-up task is added for tomorrow");
  rp_test_iterate_for (200);
  rp_test_save_screenshot (GTK_WIDGET (dialog), "activity-dialog-feedback.png");

  g_object_ref (dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "activity.log", NULL));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);

  after = rp_store_list_partner_feedback (f->db.store, partner_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  newest = g_ptr_array_index (after, 0);
  g_assert_cmpstr (rp_feedback_get_given_on (newest), ==, today);
  g_assert_cmpuint (rp_feedback_get_score (newest), ==, 5);
  g_assert_cmpint (rp_feedback_get_topic (newest), ==, RP_FEEDBACK_TOPIC_REPORTS);
  g_assert_cmpstr (rp_feedback_get_given_by (newest), ==, "Maria, office manager");
  g_assert_cmpint (rp_feedback_get_task_id (newest), >, 0);
  g_assert_cmpuint (rp_store_count_rows (f->db.store, "task"), ==, tasks_before + 1);
}

static void
add_feedback (RpStore    *store,
              gint64      partner_id,
              const char *day,
              guint       score,
              RpFeedbackTopic topic,
              const char *comment)
{
  g_autoptr(RpFeedback) feedback = rp_feedback_new ();
  g_autoptr(GError) error = NULL;

  rp_feedback_set_partner_id (feedback, partner_id);
  rp_feedback_set_given_on (feedback, day);
  rp_feedback_set_given_by (feedback, "Front desk");
  rp_feedback_set_score (feedback, score);
  rp_feedback_set_topic (feedback, topic);
  rp_feedback_set_comment (feedback, comment);
  g_assert_true (rp_store_insert_feedback (store, feedback, &error));
  g_assert_no_error (error);
}

/* The partner pane: the three newest answers in the Feedback group, every one on the history;
 * a new answer shows at once. */
static void
test_partner_pane (Fixture       *f,
                   gconstpointer  data)
{
  gint64 partner_id = first_person_id (f->db.store);
  g_autoptr(RpPartner) partner = rp_store_get_partner (f->db.store, partner_id, NULL);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  RpPartnerDetail *detail = RP_PARTNER_DETAIL (rp_partner_detail_new ());
  RpPartnerFeedbackGroup *group;
  GtkWindow *window;
  gboolean found = FALSE;

  rp_partner_detail_set_context (detail, f->db.context);
  rp_partner_detail_set_partner (detail, partner);
  window = rp_test_present_in_window (GTK_WIDGET (detail), 560, 2200);
  rp_test_iterate_for (200);

  group = rp_test_find_by_type (GTK_WIDGET (detail), RP_TYPE_PARTNER_FEEDBACK_GROUP);
  g_assert_nonnull (group);

  add_feedback (f->db.store, partner_id, today, 4, RP_FEEDBACK_TOPIC_SCHEDULING,
                "No slots for three weeks");
  rp_test_iterate_for (300);

  rp_test_collect_by_type (GTK_WIDGET (group), ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);

      if (gtk_widget_get_visible (row) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                     "4 of 10 on Scheduling") == 0)
        {
          found = TRUE;
          g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                                    "No slots for three weeks"));
          g_assert_true (gtk_widget_has_css_class (row, "feedback-detractor"));
        }
    }
  g_assert_true (found);
  g_assert_false (gtk_widget_get_visible (rp_test_find_row (GTK_WIDGET (group),
                                                            ADW_TYPE_ACTION_ROW,
                                                            "No feedback logged yet")));

  rp_test_save_screenshot (GTK_WIDGET (window), "partner-pane-feedback.png");
  rp_test_destroy_window (window, FALSE);
}

static gboolean
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

/* The history in the pane shows the new feedback and a recorded outcome. */
static void
test_history (Fixture       *f,
              gconstpointer  data)
{
  gint64 partner_id = first_person_id (f->db.store);
  g_autoptr(RpPartner) partner = rp_store_get_partner (f->db.store, partner_id, NULL);
  g_autoptr(RpReferral) referral = rp_test_add_referral (f->db.store, partner,
                                                         RP_REFERRAL_DIRECTION_INBOUND,
                                                         "2026-11-20", RP_REFERRAL_STATUS_SEEN);
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  RpPartnerDetail *detail = RP_PARTNER_DETAIL (rp_partner_detail_new ());
  GtkWindow *window;

  categories = rp_store_list_outcome_categories (f->db.store, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (rp_store_set_referral_outcome (f->db.store, rp_referral_get_id (referral),
                                                rp_outcome_category_get_id (
                                                  g_ptr_array_index (categories, 3)),
                                                5, "Surgery booked for January", &error));
  g_assert_no_error (error);
  add_feedback (f->db.store, partner_id, today, 10, RP_FEEDBACK_TOPIC_STAFF,
                "Your scheduler is wonderful");

  rp_partner_detail_set_context (detail, f->db.context);
  rp_partner_detail_set_partner (detail, partner);
  window = rp_test_present_in_window (GTK_WIDGET (detail), 560, 900);
  rp_test_iterate_for (300);

  /* Scrolled to the history, so that both rows are drawn. */
  {
    GtkScrolledWindow *scrolled = rp_test_template_child (detail, RP_TYPE_PARTNER_DETAIL,
                                                          "scrolled_window");
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    rp_test_iterate_for (300);
  }

  g_assert_nonnull (rp_test_find_widget (GTK_WIDGET (detail), is_label_with_text,
                                         "Outcome: Surgery scheduled"));
  g_assert_nonnull (rp_test_find_widget (GTK_WIDGET (detail), is_label_with_text,
                                         "Feedback: 10 of 10 on Staff"));
  rp_test_save_screenshot (GTK_WIDGET (window), "partner-history-outcome-feedback.png");
  rp_test_destroy_window (window, FALSE);
}

static GtkWidget *
find_entry_row_with_text (GtkWidget  *root,
                          const char *text)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  rp_test_collect_by_type (root, ADW_TYPE_ENTRY_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (g_ptr_array_index (rows, i))), text) == 0)
      return g_ptr_array_index (rows, i);
  return NULL;
}

static char *
listed_labels (RpStore *store)
{
  g_autoptr(GPtrArray) list = rp_store_list_outcome_categories (store, FALSE, NULL);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < list->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? "|" : "",
                            rp_outcome_category_get_display_label (g_ptr_array_index (list, i)));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Preferences › Outcomes: add, rename, move and remove categories; a removed one in use keeps
 * its outcomes and can be restored. */
static void
test_preferences (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *window = rp_preferences_window_new (f->db.context);
  gint64 partner_id = first_person_id (f->db.store);
  g_autoptr(RpPartner) partner = rp_store_get_partner (f->db.store, partner_id, NULL);
  g_autoptr(RpReferral) referral = rp_test_add_referral (f->db.store, partner,
                                                         RP_REFERRAL_DIRECTION_INBOUND,
                                                         "2026-11-20", RP_REFERRAL_STATUS_SEEN);
  g_autoptr(RpReferralOutcome) outcome = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *labels = NULL;
  GtkWidget *row;
  GtkWidget *button;

  gtk_window_set_default_size (GTK_WINDOW (window), 700, 1100);
  gtk_window_present (GTK_WINDOW (window));
  rp_test_wait_until_mapped (window);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (window), "outcomes");
  rp_test_iterate_for (200);

  labels = listed_labels (f->db.store);
  g_assert_cmpstr (labels, ==,
                   "Improved|Unchanged|Referred on|Surgery scheduled|Discharged|Other");
  g_clear_pointer (&labels, g_free);

  /* Add. */
  row = rp_test_find_row (window, ADW_TYPE_ENTRY_ROW, "New Category");
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "Returned to sport");
  g_signal_emit_by_name (row, "apply");
  rp_test_iterate_for (100);
  labels = listed_labels (f->db.store);
  g_assert_cmpstr (labels, ==, "Improved|Unchanged|Referred on|Surgery scheduled|Discharged|"
                               "Other|Returned to sport");
  g_clear_pointer (&labels, g_free);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");

  /* A name already there is refused, and stays to be corrected. */
  gtk_editable_set_text (GTK_EDITABLE (row), "improved");
  g_signal_emit_by_name (row, "apply");
  rp_test_iterate_for (100);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "improved");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  gtk_editable_set_text (GTK_EDITABLE (row), "");

  /* Rename. */
  row = find_entry_row_with_text (window, "Other");
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "Other outcome");
  g_signal_emit_by_name (row, "apply");
  rp_test_iterate_for (100);

  /* Move "Returned to sport" up, from the keyboard's button; the focus stays on it. */
  button = rp_test_find_by_tooltip (window, "Move “Returned to sport” Up");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  rp_test_iterate_for (100);
  labels = listed_labels (f->db.store);
  g_assert_cmpstr (labels, ==, "Improved|Unchanged|Referred on|Surgery scheduled|Discharged|"
                               "Returned to sport|Other outcome");
  g_clear_pointer (&labels, g_free);
  button = rp_test_find_by_tooltip (window, "Move “Returned to sport” Up");
  g_assert_true (gtk_widget_has_focus (button));

  /* Remove a category in use: its outcome keeps it; it can be restored. */
  listed = rp_store_list_outcome_categories (f->db.store, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (rp_store_set_referral_outcome (f->db.store, rp_referral_get_id (referral),
                                                rp_outcome_category_get_id (
                                                  g_ptr_array_index (listed, 5)),
                                                0, "", &error));
  g_assert_no_error (error);
  button = rp_test_find_by_tooltip (window, "Remove “Returned to sport”");
  g_signal_emit_by_name (button, "clicked");
  rp_test_iterate_for (100);
  labels = listed_labels (f->db.store);
  g_assert_cmpstr (labels, ==, "Improved|Unchanged|Referred on|Surgery scheduled|Discharged|"
                               "Other outcome");
  g_clear_pointer (&labels, g_free);
  outcome = rp_store_get_referral_outcome (f->db.store, rp_referral_get_id (referral), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (outcome->category, ==, "Returned to sport");

  row = rp_test_find_row (window, ADW_TYPE_EXPANDER_ROW, "Removed");
  g_assert_true (gtk_widget_get_visible (row));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  rp_test_iterate_for (200);
  rp_test_save_screenshot (window, "preferences-outcomes.png");

  gtk_window_destroy (GTK_WINDOW (window));
  rp_test_iterate_for (100);
}

int
main (int   argc,
      char *argv[])
{
  rp_test_init (&argc, &argv);

  g_test_add ("/outcomes-feedback/activity-dialog", Fixture, NULL, fixture_set_up,
              test_activity_dialog, fixture_tear_down);
  g_test_add ("/outcomes-feedback/partner-pane", Fixture, NULL, fixture_set_up,
              test_partner_pane, fixture_tear_down);
  g_test_add ("/outcomes-feedback/history", Fixture, NULL, fixture_set_up, test_history,
              fixture_tear_down);
  g_test_add ("/outcomes-feedback/preferences", Fixture, NULL, fixture_set_up, test_preferences,
              fixture_tear_down);

  return g_test_run ();
}
