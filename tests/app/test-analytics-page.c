/* test-analytics-page.c: the Analytics page on the sample network and on an empty database: its
 * sections, the numbers behind each chart, click-through to the Referrals and Partners pages
 * through win.* actions, and screenshots.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include <adwaita.h>

#include "rp-analytics-page.h"
#include "rp-chart-view.h"
#include "rp-feedback-dialog.h"
#include "rp-store-feedback.h"
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
  rp_test_db_open (&f->db, "rapport-analytics-page-XXXXXX");
  if (data != NULL)
    rp_test_db_add_sample (&f->db, NULL);
  rp_test_db_make_context (&f->db, NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  rp_test_db_close (&f->db);
}

typedef struct
{
  char   *referrals_query;
  gint64  partner_id;
} Activated;

static void
show_referrals_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  Activated *activated = user_data;

  g_free (activated->referrals_query);
  activated->referrals_query = g_variant_dup_string (parameter, NULL);
}

static void
show_partner_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  Activated *activated = user_data;

  activated->partner_id = g_variant_get_int64 (parameter);
}

static gboolean
shows_figures (gpointer data)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (data), "figures") == 0;
}

static gboolean
shows_empty (gpointer data)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (data), "empty") == 0;
}

static void
test_sample (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *page = rp_analytics_page_new (f->db.context);
  g_autoptr(GPtrArray) charts = g_ptr_array_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GSimpleActionGroup) win = g_simple_action_group_new ();
  Activated activated = { NULL, 0 };
  const GActionEntry entries[] = {
    { .name = "show-referrals", .activate = show_referrals_cb, .parameter_type = "s" },
    { .name = "show-partner", .activate = show_partner_cb, .parameter_type = "x" },
  };
  GtkStack *stack;
  GtkWindow *window;
  RpChartView *monthly = NULL;

  g_action_map_add_action_entries (G_ACTION_MAP (win), entries, G_N_ELEMENTS (entries),
                                   &activated);
  /* RAPPORT_TEST_WINDOW_HEIGHT: a taller window shows the whole page in the screenshot (with
   * an Xvfb screen as tall). */
  window = rp_test_present_in_window (page, 1100,
                                      g_getenv ("RAPPORT_TEST_WINDOW_HEIGHT") != NULL
                                      ? atoi (g_getenv ("RAPPORT_TEST_WINDOW_HEIGHT")) : 2600);
  gtk_widget_insert_action_group (GTK_WIDGET (window), "win", G_ACTION_GROUP (win));
  /* The figures load on a worker thread. */
  stack = GTK_STACK (rp_test_find_named (page, "analytics-stack"));
  rp_test_wait_for (shows_figures, stack);
  rp_test_iterate_for (300);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "figures");

  /* Referrals per month, the funnel, outcomes by category, feedback (2) and sparklines. */
  rp_test_collect_by_type (page, RP_TYPE_CHART_VIEW, charts);
  g_assert_cmpuint (charts->len, >=, 3);
  for (guint i = 0; i < charts->len; i++)
    {
      RpChart *chart = rp_chart_view_get_chart (g_ptr_array_index (charts, i));

      if (rp_chart_get_kind (chart) == RP_CHART_STACKED_BARS && monthly == NULL)
        monthly = g_ptr_array_index (charts, i);
    }
  g_assert_nonnull (monthly);
  g_assert_false (rp_chart_is_empty (rp_chart_view_get_chart (monthly)));

  /* A bar lists its month's referrals. */
  g_signal_emit_by_name (monthly, "activated", 0u, G_MAXUINT);
  g_assert_nonnull (activated.referrals_query);
  g_assert_true (g_str_has_prefix (activated.referrals_query, "from="));
  g_assert_nonnull (strstr (activated.referrals_query, "direction=inbound"));

  /* A top referrer's row opens the partner. */
  rp_test_collect_by_type (page, ADW_TYPE_ACTION_ROW, rows);
  g_assert_cmpuint (rows->len, >, 5);
  for (guint i = 0; i < rows->len && activated.partner_id == 0; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);

      if (gtk_actionable_get_action_name (GTK_ACTIONABLE (row)) != NULL)
        g_signal_emit_by_name (row, "activate");
    }
  g_assert_cmpint (activated.partner_id, >, 0);

  rp_test_save_screenshot (GTK_WIDGET (window), "analytics-page.png");

  g_free (activated.referrals_query);
  rp_test_destroy_window (window, TRUE);
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  GtkWidget *page = rp_analytics_page_new (f->db.context);
  GtkWindow *window = rp_test_present_in_window (page, 900, 600);
  GtkStack *stack;

  /* Loaded on a worker thread like the figures. */
  stack = GTK_STACK (rp_test_find_named (page, "analytics-stack"));
  rp_test_wait_for (shows_empty, stack);
  rp_test_iterate_for (100);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_nonnull (rp_test_find_by_type (page, ADW_TYPE_STATUS_PAGE));
  rp_test_save_screenshot (GTK_WIDGET (window), "analytics-empty.png");
  rp_test_destroy_window (window, TRUE);
}

/* Log Feedback: a score of 4 is stored with its follow-up task; a bad day is refused and the
 * dialog stays open with what was typed. */
static void
test_feedback_dialog (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(RpPartner) partner = rp_test_add_partner (f->db.store, RP_PARTNER_KIND_PERSON, "Ann",
                                                      "Adams");
  g_autoptr(GPtrArray) spins = g_ptr_array_new ();
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  g_autoptr(GPtrArray) list = NULL;
  GtkWidget *dialog = rp_feedback_dialog_new (f->db.context, partner);
  GtkWidget *save;
  guint tasks = rp_store_count_rows (f->db.store, "task");

  g_object_ref_sink (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  rp_test_wait_until_mapped (dialog);

  rp_test_collect_by_type (dialog, GTK_TYPE_SPIN_BUTTON, spins);
  rp_test_collect_by_type (dialog, ADW_TYPE_ENTRY_ROW, entries);
  g_assert_cmpuint (spins->len, ==, 1);
  g_assert_cmpuint (entries->len, ==, 3);
  gtk_spin_button_set_value (g_ptr_array_index (spins, 0), 4);
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, 1)), "Office manager");
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, 2)), "Reports are late");

  rp_test_save_screenshot (dialog, "feedback-dialog.png");

  /* A bad day first. */
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, 0)), "2026-02-30");
  save = gtk_window_get_default_widget (GTK_WINDOW (dialog));
  g_assert_nonnull (save);
  g_signal_emit_by_name (save, "clicked");
  g_assert_true (gtk_widget_get_visible (dialog));
  g_assert_cmpuint (rp_store_count_rows (f->db.store, "partner_feedback"), ==, 0);

  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, 0)), "2026-11-20");
  g_signal_emit_by_name (save, "clicked");
  list = rp_store_list_partner_feedback (f->db.store, rp_partner_get_id (partner), NULL);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpuint (rp_feedback_get_score (g_ptr_array_index (list, 0)), ==, 4);
  g_assert_cmpstr (rp_feedback_get_given_by (g_ptr_array_index (list, 0)), ==, "Office manager");
  g_assert_cmpuint (rp_store_count_rows (f->db.store, "task"), ==, tasks + 1);
  g_object_unref (dialog);
}

int
main (int   argc,
      char *argv[])
{
  rp_test_init (&argc, &argv);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/analytics-page/sample", Fixture, GINT_TO_POINTER (1),
              fixture_set_up, test_sample, fixture_tear_down);
  g_test_add ("/analytics-page/empty", Fixture, NULL,
              fixture_set_up, test_empty, fixture_tear_down);
  g_test_add ("/analytics-page/feedback-dialog", Fixture, NULL,
              fixture_set_up, test_feedback_dialog, fixture_tear_down);

  return g_test_run ();
}
