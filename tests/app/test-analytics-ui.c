/* test-analytics-ui.c: the Analytics page's toolbar and menus: the custom period (two days, the
 * previous days of the same length), each chart's menu (Copy Numbers, Save as CSV…), the report
 * printed or saved for the period on show, and screenshots.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rp-analytics-page.h"
#include "rp-feedback.h"
#include "rp-partner-list.h"
#include "rp-partners-page.h"
#include "rp-referrals-page.h"
#include "rp-store-partners.h"
#include "rp-window.h"
#include "rp-analytics.h"
#include "rp-chart-menu.h"
#include "rp-chart-view.h"
#include "rp-period-range-dialog.h"
#include "rp-print-actions-private.h"
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
  rp_test_db_open (&f->db, "rapport-analytics-ui-XXXXXX");
  rp_test_db_add_sample (&f->db, NULL);
  rp_test_db_make_context (&f->db, NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  rp_test_db_close (&f->db);
}

static GtkDropDown *
find_dropdown (GtkWidget  *page,
               const char *tooltip)
{
  GtkWidget *dropdown = rp_test_find_by_tooltip (page, tooltip);

  g_assert_true (GTK_IS_DROP_DOWN (dropdown));
  return GTK_DROP_DOWN (dropdown);
}

static gboolean
is_title_label (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "title-2");
}

static const char *
period_title (GtkWidget *page)
{
  GtkWidget *label = rp_test_find_widget (page, is_title_label, NULL);

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

/* Waits (up to 20 s on a busy machine) for the page's figures of @title. */
static void
wait_for_title (GtkWidget  *page,
                const char *title)
{
  for (guint i = 0; i < 200 && g_strcmp0 (period_title (page), title) != 0; i++)
    rp_test_iterate_for (100);
  g_assert_cmpstr (period_title (page), ==, title);
}

static RpPeriodRangeDialog *
wait_for_range_dialog (void)
{
  RpPeriodRangeDialog *dialog = NULL;

  for (guint i = 0; i < 50 && dialog == NULL; i++)
    {
      rp_test_iterate_for (20);
      dialog = rp_test_find_toplevel (RP_TYPE_PERIOD_RANGE_DIALOG);
    }
  g_assert_nonnull (dialog);
  rp_test_wait_until_mapped (dialog);
  return dialog;
}

/* "Custom…": two days; the figures compare them with as many days just before. Cancelling the
 * first time goes back to the period shown before; reversed days cannot be shown. */
static void
test_custom_period (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *page = rp_analytics_page_new (f->db.context);
  GtkWindow *window = rp_test_present_in_window (page, 1100, 900);
  GtkDropDown *period = find_dropdown (page, "Period");
  RpPeriodRangeDialog *dialog;
  GtkWidget *show;
  GtkWidget *custom_button;

  rp_test_iterate_for (300);
  g_assert_cmpuint (gtk_drop_down_get_selected (period), ==, 1);

  /* Cancelled: back to Last Month. */
  gtk_drop_down_set_selected (period, 5);
  dialog = wait_for_range_dialog ();
  gtk_window_close (GTK_WINDOW (dialog));
  rp_test_iterate_for (100);
  g_assert_cmpuint (gtk_drop_down_get_selected (period), ==, 1);

  /* Reversed days: refused, said why. */
  gtk_drop_down_set_selected (period, 5);
  dialog = wait_for_range_dialog ();
  show = rp_test_find_by_tooltip (GTK_WIDGET (dialog), "Show the Figures of These Days");
  g_assert_nonnull (show);
  rp_period_range_dialog_set_range (dialog, "2026-10-31", "2026-10-01");
  g_assert_false (gtk_widget_get_sensitive (show));
  rp_period_range_dialog_set_range (dialog, "2026-10-01", "2026-13-01");
  g_assert_false (gtk_widget_get_sensitive (show));

  /* October 2026: 31 days, compared with 31 Aug – 30 Sep. */
  rp_period_range_dialog_set_range (dialog, "2026-10-01", "2026-10-31");
  g_assert_true (gtk_widget_get_sensitive (show));
  rp_test_save_screenshot (GTK_WIDGET (dialog), "analytics-custom-period.png");
  g_signal_emit_by_name (show, "clicked");
  wait_for_title (page, "1 Oct 2026 – 31 Oct 2026, compared with 31 Aug 2026 – 30 Sep 2026");
  g_assert_cmpuint (gtk_drop_down_get_selected (period), ==, 5);

  /* The days can be changed again from the calendar button next to the period. */
  custom_button = rp_test_find_by_tooltip (page, "Change the Custom Period");
  g_assert_true (gtk_widget_get_visible (custom_button));
  g_signal_emit_by_name (custom_button, "clicked");
  dialog = wait_for_range_dialog ();
  rp_period_range_dialog_set_range (dialog, "2026-11-01", "2026-11-07");
  show = rp_test_find_by_tooltip (GTK_WIDGET (dialog), "Show the Figures of These Days");
  g_signal_emit_by_name (show, "clicked");
  wait_for_title (page, "1 Nov 2026 – 7 Nov 2026, compared with 25 Oct 2026 – 31 Oct 2026");
  rp_test_save_screenshot (GTK_WIDGET (window), "analytics-custom-page.png");

  /* Another period hides the button. */
  gtk_drop_down_set_selected (period, 0);
  rp_test_iterate_for (300);
  g_assert_false (gtk_widget_get_visible (custom_button));

  rp_test_destroy_window (window, TRUE);
}

/* Every chart card has its menu, named after the chart; Save as CSV writes the numbers behind
 * the chart, the same as the accessible table, and replaces an older file whole. */
static void
test_chart_csv (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *page = rp_analytics_page_new (f->db.context);
  GtkWindow *window = rp_test_present_in_window (page, 1100, 900);
  g_autoptr(GPtrArray) charts = g_ptr_array_new ();
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rapport-csv-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *file_name = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) table = NULL;
  RpChart *monthly = NULL;
  guint n_menus = 0;

  g_assert_no_error (error);
  rp_test_iterate_for (300);
  rp_test_collect_by_type (page, RP_TYPE_CHART_VIEW, charts);
  rp_test_collect_by_type (page, GTK_TYPE_MENU_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);
      const char *tooltip = gtk_widget_get_tooltip_text (button);

      if (tooltip != NULL && g_str_has_prefix (tooltip, "Menu of “"))
        n_menus++;
    }
  /* The sparklines of the top referrers are charts too, but not cards. */
  g_assert_cmpuint (n_menus, >=, 3);

  for (guint i = 0; i < charts->len && monthly == NULL; i++)
    {
      RpChart *chart = rp_chart_view_get_chart (g_ptr_array_index (charts, i));

      if (rp_chart_get_kind (chart) == RP_CHART_STACKED_BARS)
        monthly = chart;
    }
  g_assert_nonnull (monthly);
  g_assert_nonnull (rp_test_find_by_tooltip (page, "Menu of “Referrals per month”"));

  file_name = rp_chart_menu_dup_file_name (monthly);
  g_assert_cmpstr (file_name, ==, "Referrals per month.csv");

  path = g_build_filename (dir, file_name, NULL);
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  file = g_file_new_for_path (path);
  g_assert_true (rp_chart_menu_save_csv (monthly, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));

  /* Header then a row a month, as the table shows them. */
  table = rp_chart_dup_table (monthly);
  {
    g_auto(GStrv) lines = g_strsplit (g_strchomp (contents), "\n", -1);
    char **header = g_ptr_array_index (table, 0);

    g_assert_cmpuint (g_strv_length (lines), ==, table->len);
    g_assert_true (g_str_has_prefix (lines[0], header[0]));
    for (guint r = 1; r < table->len; r++)
      {
        char **cells = g_ptr_array_index (table, r);

        g_assert_true (g_str_has_prefix (lines[r], cells[0]) ||
                       g_str_has_prefix (lines[r] + 1, cells[0]));
      }
  }

  /* A file that cannot be written: an error, nothing made. */
  {
    g_autofree char *bad_path = g_build_filename (dir, "missing", "x.csv", NULL);
    g_autoptr(GFile) bad = g_file_new_for_path (bad_path);

    g_assert_false (rp_chart_menu_save_csv (monthly, bad, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
  }

  g_unlink (path);
  g_rmdir (dir);
  rp_test_destroy_window (window, TRUE);
}

static void
print_report_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GVariant **out = user_data;

  g_clear_pointer (out, g_variant_unref);
  *out = g_variant_ref (parameter);
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  return out;
}

/* Print Report… and Save Report as PDF… (and Ctrl+P) ask the window's print actions for the
 * report of the period on show; that report is the document printed. */
static void
test_report (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *page = rp_analytics_page_new (f->db.context);
  g_autoptr(GSimpleActionGroup) print = g_simple_action_group_new ();
  g_autoptr(GVariant) printed = NULL;
  g_autoptr(GVariant) saved = NULL;
  g_autoptr(RpDocument) document = NULL;
  g_autoptr(RpPrintJob) job = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rapport-report-XXXXXX", NULL);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  const GActionEntry entries[] = {
    { .name = "report", .activate = print_report_cb, .parameter_type = "(issss)" },
    { .name = "save-report", .activate = print_report_cb, .parameter_type = "(issss)" },
  };
  GtkWindow *window;
  const char *first;
  const char *last;
  gint32 kind;

  g_action_map_add_action_entries (G_ACTION_MAP (print), entries, 1, &printed);
  g_action_map_add_action_entries (G_ACTION_MAP (print), entries + 1, 1, &saved);
  window = rp_test_present_in_window (page, 1100, 900);
  gtk_widget_insert_action_group (GTK_WIDGET (window), "print", G_ACTION_GROUP (print));
  rp_test_iterate_for (300);

  g_assert_nonnull (rp_test_find_by_tooltip (page, "Print or Save the Report of This Period"));
  g_assert_true (gtk_widget_activate_action (page, "analytics.print-report", NULL));
  g_assert_true (gtk_widget_activate_action (page, "analytics.save-report", NULL));
  g_assert_nonnull (printed);
  g_assert_nonnull (saved);
  g_assert_true (g_variant_equal (printed, saved));

  /* Last Month of the sample's 27 November 2026… as the clock has it: a whole month. */
  g_variant_get (printed, "(i&s&s&s&s)", &kind, &first, &last, NULL, NULL);
  g_assert_cmpint (kind, ==, RP_PERIOD_LAST_MONTH);
  g_assert_true (g_str_has_suffix (first, "-01"));

  /* The document those actions make, saved as PDF, has the period's figures. */
  document = _rp_print_actions_make_document (f->db.context, "report", printed, &file_name,
                                              &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_true (g_str_has_suffix (file_name, ".pdf"));
  path = g_build_filename (dir, file_name, NULL);
  job = _rp_print_actions_new_job (document, "report");
  g_assert_true (rp_print_job_export_pdf (job, path, &error));
  g_assert_no_error (error);
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "Referrals"));
  {
    RpPeriod period;
    g_autofree char *title = NULL;

    g_assert_true (rp_period_parse_day (first, &period.first));
    g_assert_true (rp_period_parse_day (last, &period.last));
    period.kind = RP_PERIOD_MONTH;
    title = rp_period_dup_title (&period);
    g_assert_nonnull (strstr (text, title));
  }

  g_unlink (path);
  g_rmdir (dir);
  rp_test_destroy_window (window, TRUE);
}

static void
record_query_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  char **out = user_data;

  g_free (*out);
  *out = g_variant_dup_string (parameter, NULL);
}

static RpChartView *
find_chart (GtkWidget  *page,
            const char *title)
{
  g_autoptr(GPtrArray) charts = g_ptr_array_new ();

  rp_test_collect_by_type (page, RP_TYPE_CHART_VIEW, charts);
  for (guint i = 0; i < charts->len; i++)
    if (g_strcmp0 (rp_chart_get_title (rp_chart_view_get_chart (g_ptr_array_index (charts, i))),
                   title) == 0)
      return g_ptr_array_index (charts, i);
  return NULL;
}

static gboolean
is_button_starting (GtkWidget     *widget,
                    gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL &&
         g_str_has_prefix (gtk_button_get_label (GTK_BUTTON (widget)), data);
}

static gboolean
is_headline_button (GtkWidget     *widget,
                    gconstpointer  data)
{
  if (!GTK_IS_BUTTON (widget) || !gtk_widget_has_css_class (widget, "card"))
    return FALSE;
  /* The card's first label says its number; the second its caption. */
  {
    GtkWidget *box = gtk_button_get_child (GTK_BUTTON (widget));
    GtkWidget *caption = gtk_widget_get_next_sibling (gtk_widget_get_first_child (box));
    g_autofree char *prefix = g_strconcat (gtk_label_get_text (GTK_LABEL (caption)), ": ", NULL);

    return g_str_equal (prefix, data);
  }
}

static GtkWidget *
find_headline (GtkWidget  *page,
               const char *caption)
{
  return rp_test_find_widget (page, is_headline_button, caption);
}

/* The outcome and feedback charts click through: an outcome bar to the period's referrals with
 * that outcome, a feedback month or topic to the partners who gave it. */
static void
test_click_through (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *page = rp_analytics_page_new (f->db.context);
  g_autoptr(GSimpleActionGroup) win = g_simple_action_group_new ();
  g_autofree char *referrals = NULL;
  g_autofree char *partners = NULL;
  const GActionEntry referral_entry[] = {
    { .name = "show-referrals", .activate = record_query_cb, .parameter_type = "s" },
  };
  const GActionEntry partner_entry[] = {
    { .name = "show-partners", .activate = record_query_cb, .parameter_type = "s" },
  };
  GtkDropDown *period;
  GtkWindow *window;
  RpChartView *view;

  g_action_map_add_action_entries (G_ACTION_MAP (win), referral_entry, 1, &referrals);
  g_action_map_add_action_entries (G_ACTION_MAP (win), partner_entry, 1, &partners);
  window = rp_test_present_in_window (page, 1100, 900);
  gtk_widget_insert_action_group (GTK_WIDGET (window), "win", G_ACTION_GROUP (win));
  /* The last 12 months: every chart has figures. */
  period = find_dropdown (page, "Period");
  gtk_drop_down_set_selected (period, 4);
  for (guint i = 0; i < 200 && find_chart (page, "Outcomes by category") == NULL; i++)
    rp_test_iterate_for (100);
  /* Last Month's title is a month; the last 12 months', a range of days. */
  for (guint i = 0; i < 200 && strstr (period_title (page), " – ") == NULL; i++)
    rp_test_iterate_for (100);
  g_assert_nonnull (strstr (period_title (page), " – "));

  view = find_chart (page, "Outcomes by category");
  g_assert_nonnull (view);
  g_signal_emit_by_name (view, "activated", 0u, G_MAXUINT);
  g_assert_nonnull (referrals);
  g_assert_true (g_str_has_prefix (referrals, "from="));
  g_assert_nonnull (strstr (referrals, "&outcome="));

  view = find_chart (page, "Feedback scores per month");
  g_assert_nonnull (view);
  g_signal_emit_by_name (view, "activated",
                         rp_chart_get_n_categories (rp_chart_view_get_chart (view)) - 1,
                         G_MAXUINT);
  g_assert_nonnull (partners);
  g_assert_true (g_str_has_prefix (partners, "feedback-from="));
  g_assert_nonnull (strstr (partners, "-01&feedback-to="));
  g_assert_null (strstr (partners, "topic="));

  view = find_chart (page, "Promoters and detractors by topic");
  g_assert_nonnull (view);
  g_signal_emit_by_name (view, "activated", 0u, G_MAXUINT);
  g_assert_nonnull (strstr (partners, "&topic="));

  /* The headline's numbers open the lists behind them. */
  g_clear_pointer (&referrals, g_free);
  g_clear_pointer (&partners, g_free);
  g_signal_emit_by_name (find_headline (page, "Referrals: "), "clicked");
  g_assert_nonnull (referrals);
  g_assert_null (strstr (referrals, "status="));
  g_signal_emit_by_name (find_headline (page, "Loop closed: "), "clicked");
  g_assert_nonnull (strstr (referrals, "&reached=loop-closed"));
  g_signal_emit_by_name (find_headline (page, "Net promoter score: "), "clicked");
  g_assert_nonnull (partners);
  g_assert_true (g_str_has_prefix (partners, "feedback-from="));
  g_signal_emit_by_name (find_headline (page, "Referring partners: "), "clicked");
  g_assert_true (g_str_has_prefix (partners, "referred-from="));

  /* So do the referrals that ended. */
  {
    GtkWidget *ended = rp_test_find_widget (page, is_button_starting, "List the ");

    g_assert_nonnull (ended);
    g_signal_emit_by_name (ended, "clicked");
    g_assert_true (strstr (referrals, "&status=declined") != NULL ||
                   strstr (referrals, "&status=no-show") != NULL ||
                   strstr (referrals, "&status=lost") != NULL);
  }
  rp_test_save_screenshot (GTK_WIDGET (window), "analytics-headline.png");

  rp_test_destroy_window (window, TRUE);
}

static gboolean
is_label_starting (GtkWidget     *widget,
                   gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), data);
}

/* In the window, the lists behind those charts: the Referrals page filtered by outcome and the
 * Partners page by feedback, each with its chip, which clears it. */
static void
test_filtered_lists (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(RpWindow) window = g_object_ref_sink (rp_window_new (NULL, f->db.context));
  g_autoptr(RpPartnerFilter) filter = rp_partner_filter_new ();
  g_autoptr(GArray) expected = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *page;
  GtkWidget *chip;
  RpPartnerList *list;

  gtk_window_present (GTK_WINDOW (window));
  rp_test_wait_until_mapped (window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-referrals", "s",
                                             "from=2025-12-01&to=2026-11-30&outcome=1"));
  rp_test_iterate_for (300);
  g_assert_cmpstr (rp_window_get_visible_page_name (window), ==, "referrals");
  page = rp_window_get_page (window, "referrals");
  g_assert_nonnull (rp_test_find_widget (page, is_label_starting, "Outcome: Improved"));
  rp_test_iterate_for (800);
  rp_test_save_screenshot (GTK_WIDGET (window), "referrals-by-outcome.png");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-partners", "s",
                                             "feedback-from=2025-12-01&feedback-to=2026-11-30"
                                             "&topic=reports"));
  rp_test_iterate_for (300);
  g_assert_cmpstr (rp_window_get_visible_page_name (window), ==, "partners");
  page = rp_window_get_page (window, "partners");
  chip = rp_test_find_widget (page, is_label_starting, "Feedback on Reports, ");
  g_assert_nonnull (chip);

  filter->feedback_from = g_strdup ("2025-12-01");
  filter->feedback_to = g_strdup ("2026-11-30");
  filter->feedback_topic = RP_FEEDBACK_TOPIC_REPORTS + 1;
  expected = rp_store_query_partner_ids (f->db.store, filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (expected->len, >, 0);
  list = RP_PARTNER_LIST (gtk_single_selection_get_model (rp_test_page_selection (
                                                            page, RP_TYPE_PARTNERS_PAGE)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, expected->len);
  rp_test_iterate_for (800);
  rp_test_save_screenshot (GTK_WIDGET (window), "partners-by-feedback.png");

  /* The chip clears it. */
  g_signal_emit_by_name (gtk_widget_get_ancestor (chip, GTK_TYPE_BUTTON), "clicked");
  rp_test_iterate_for (200);
  g_assert_null (rp_partner_list_get_filter (list)->feedback_from);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >, expected->len);

  gtk_window_destroy (GTK_WINDOW (window));
  rp_test_iterate_for (100);
}

/* The list behind a click: how many rows the Referrals or the Partners page shows. */
static guint
shown_rows (RpWindow   *window,
            const char *name)
{
  GtkWidget *page;

  rp_test_iterate_for (30);
  g_assert_cmpstr (rp_window_get_visible_page_name (window), ==, name);
  page = rp_window_get_page (window, name);
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_single_selection_get_model (
    rp_test_page_selection (page, g_str_equal (name, "referrals") ? RP_TYPE_REFERRALS_PAGE
                                                                   : RP_TYPE_PARTNERS_PAGE))));
}

/* A chart's figure: the sum of category @c's series (its bar, or its stack). */
static guint
chart_figure (RpChart *chart,
              guint    c)
{
  g_autoptr(GPtrArray) table = rp_chart_dup_table (chart);
  char **cells = g_ptr_array_index (table, c + 1);
  double sum = 0;

  for (guint s = 0; s < rp_chart_get_n_series (chart); s++)
    sum += g_ascii_strtod (cells[s + 1], NULL);
  return (guint) sum;
}

static gboolean
is_numeric_label (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "numeric");
}

static gboolean
is_referrals_row (GtkWidget     *widget,
                  gconstpointer  data)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)),
                    "win.show-referrals") == 0;
}

static void
collect_referrals_rows (GtkWidget *root,
                        GPtrArray *rows)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (is_referrals_row (child, NULL))
        g_ptr_array_add (rows, child);
      else
        collect_referrals_rows (child, rows);
    }
}

static gboolean
chart_ends_this_month (GtkWidget *page)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *month = g_date_time_format (now, "%Y-%m");
  RpChartView *view = find_chart (page, "Referrals per month");
  RpChart *chart;

  if (view == NULL)
    return FALSE;
  chart = rp_chart_view_get_chart (view);
  return g_strcmp0 (rp_chart_get_category_key (chart, rp_chart_get_n_categories (chart) - 1),
                    month) == 0;
}

static guint
headline_number (GtkWidget  *page,
                 const char *caption)
{
  GtkWidget *card = find_headline (page, caption);
  GtkWidget *number = gtk_widget_get_first_child (gtk_button_get_child (GTK_BUTTON (card)));

  return (guint) g_ascii_strtoull (gtk_label_get_text (GTK_LABEL (number)), NULL, 10);
}

/* Each segment of each stacked monthly bar opens its tier, specialty or direction only: as many
 * rows as the segment's value. */
static guint
check_segments (RpWindow  *window,
                GtkWidget *page)
{
  RpChartView *view = find_chart (page, "Referrals per month");
  RpChart *chart = rp_chart_view_get_chart (view);
  g_autoptr(GPtrArray) table = rp_chart_dup_table (chart);
  guint n_checked = 0;

  for (guint c = 0; c < rp_chart_get_n_categories (chart); c++)
    for (guint s = 0; s < rp_chart_get_n_series (chart); s++)
      {
        char **cells = g_ptr_array_index (table, c + 1);
        guint figure = (guint) g_ascii_strtoull (cells[s + 1], NULL, 10);

        if (figure == 0)
          continue;
        rp_window_set_visible_page_name (window, "analytics");
        g_signal_emit_by_name (view, "activated", c, s);
        g_test_message ("Referrals per month, bar %u, %s: %u", c,
                        rp_chart_get_series_key (chart, s), figure);
        g_assert_cmpuint (shown_rows (window, "referrals"), ==, figure);
        n_checked++;
      }
  return n_checked;
}

/* The key of the monthly chart's first series (the chart on show: a reload replaces it). */
static const char *
first_series_key (GtkWidget *page)
{
  RpChartView *view = find_chart (page, "Referrals per month");

  if (view == NULL || rp_chart_view_get_chart (view) == NULL)
    return NULL;
  return rp_chart_get_series_key (rp_chart_view_get_chart (view), 0);
}

/* Sets the page's drop-down @tooltip to @item and waits for the figures it gives: the
 * referrals headline changes. */
static void
set_page_filter (GtkWidget  *page,
                 const char *tooltip,
                 guint       item)
{
  guint before = headline_number (page, "Referrals: ");

  gtk_drop_down_set_selected (find_dropdown (page, tooltip), item);
  for (guint i = 0; i < 200 && headline_number (page, "Referrals: ") == before; i++)
    rp_test_iterate_for (100);
  g_assert_cmpuint (headline_number (page, "Referrals: "), !=, before);
  rp_test_iterate_for (300);
}

/* Every bar of every chart of referrals, every row that lists referrals and every headline card
 * opens a list in the window whose number of rows is the figure clicked; with @data "tier" or
 * "city", with that filter set on the page (the lists then carry it). */
static void
test_click_counts (Fixture       *f,
                   gconstpointer  data)
{
  const char *filter = data;
  g_autoptr(RpWindow) window = g_object_ref_sink (rp_window_new (NULL, f->db.context));
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  const char * const referral_charts[] = {
    "Referrals per month", "Referral funnel", "Outcomes by category",
  };
  GtkWidget *page;
  GtkWidget *card;
  guint n_checked = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  rp_test_wait_until_mapped (window);
  g_assert_true (rp_window_set_visible_page_name (window, "analytics"));
  page = rp_window_get_page (window, "analytics");
  g_assert_nonnull (page);
  /* The last 12 months: every chart has figures. */
  gtk_drop_down_set_selected (find_dropdown (page, "Period"), 4);
  /* The figures of the last 12 months, not those of last month still on show: the monthly
   * chart ends this month. */
  for (guint i = 0; i < 200 && !chart_ends_this_month (page); i++)
    rp_test_iterate_for (100);
  g_assert_true (chart_ends_this_month (page));
  g_assert_nonnull (find_chart (page, "Outcomes by category"));

  /* Tier A, or the first city of the sample network. */
  if (g_strcmp0 (filter, "tier") == 0)
    set_page_filter (page, "Partner tier", 1);
  else if (g_strcmp0 (filter, "city") == 0)
    set_page_filter (page, "City of the partners", 1);
  if (filter != NULL)
    {
      g_autofree char *file = g_strdup_printf ("analytics-filtered-%s.png", filter);

      rp_test_save_screenshot (GTK_WIDGET (window), file);
    }

  /* The segments of the stacked bars, by tier, by specialty, and by direction. */
  n_checked += check_segments (window, page);
  if (filter == NULL)
    {
      GtkDropDown *group = find_dropdown (page, "Stack referrals per month by");

      gtk_drop_down_set_selected (group, 1);
      for (guint i = 0; i < 200 && g_strcmp0 (first_series_key (page), "a") == 0; i++)
        rp_test_iterate_for (100);
      /* More specialties than series: the last is "Other". */
      g_assert_cmpuint (rp_chart_get_n_series (rp_chart_view_get_chart (
                          find_chart (page, "Referrals per month"))), ==, RP_ANALYTICS_MAX_SERIES);
      n_checked += check_segments (window, page);
      set_page_filter (page, "Direction of referrals", 2);
      gtk_drop_down_set_selected (group, 2);
      for (guint i = 0; i < 200 && g_strcmp0 (first_series_key (page), "inbound") != 0; i++)
        rp_test_iterate_for (100);
      g_assert_cmpstr (first_series_key (page), ==, "inbound");
      n_checked += check_segments (window, page);
      set_page_filter (page, "Direction of referrals", 0);
      gtk_drop_down_set_selected (group, 0);
      rp_test_iterate_for (1000);
    }

  /* The bars. */
  for (guint k = 0; k < G_N_ELEMENTS (referral_charts); k++)
    {
      RpChartView *view = find_chart (page, referral_charts[k]);
      RpChart *chart;

      g_assert_nonnull (view);
      chart = rp_chart_view_get_chart (view);
      for (guint c = 0; c < rp_chart_get_n_categories (chart); c++)
        {
          guint figure = chart_figure (chart, c);

          rp_window_set_visible_page_name (window, "analytics");
          g_signal_emit_by_name (view, "activated", c, G_MAXUINT);
          g_test_message ("%s, bar %u: %u", referral_charts[k], c, figure);
          g_assert_cmpuint (shown_rows (window, "referrals"), ==, figure);
          n_checked++;
        }
    }

  /* The rows: top referrers, outcomes by specialty and by partner. */
  rp_window_set_visible_page_name (window, "analytics");
  collect_referrals_rows (page, rows);
  g_assert_cmpuint (rows->len, >, filter == NULL ? 20 : 0);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      GtkWidget *value = rp_test_find_widget (row, is_numeric_label, NULL);
      guint figure;

      g_assert_nonnull (value);
      figure = (guint) g_ascii_strtoull (gtk_label_get_text (GTK_LABEL (value)), NULL, 10);
      rp_window_set_visible_page_name (window, "analytics");
      g_signal_emit_by_name (row, "activate");
      g_test_message ("%s: %u", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                      figure);
      g_assert_cmpuint (shown_rows (window, "referrals"), ==, figure);
      n_checked++;
    }

  /* The headline: referrals, referring partners, loop closed (the funnel's last step). */
  rp_window_set_visible_page_name (window, "analytics");
  card = find_headline (page, "Referrals: ");
  {
    GtkWidget *number = gtk_widget_get_first_child (gtk_button_get_child (GTK_BUTTON (card)));
    guint figure = (guint) g_ascii_strtoull (gtk_label_get_text (GTK_LABEL (number)), NULL, 10);

    g_signal_emit_by_name (card, "clicked");
    g_assert_cmpuint (shown_rows (window, "referrals"), ==, figure);
  }
  rp_window_set_visible_page_name (window, "analytics");
  card = find_headline (page, "Referring partners: ");
  g_assert_nonnull (card);
  {
    GtkWidget *number = gtk_widget_get_first_child (gtk_button_get_child (GTK_BUTTON (card)));
    guint figure = (guint) g_ascii_strtoull (gtk_label_get_text (GTK_LABEL (number)), NULL, 10);

    g_assert_cmpuint (figure, >, 0);
    g_signal_emit_by_name (card, "clicked");
    g_assert_cmpuint (shown_rows (window, "partners"), ==, figure);
    g_assert_nonnull (rp_test_find_widget (rp_window_get_page (window, "partners"),
                                           is_label_starting, "Referred, "));
    rp_test_iterate_for (500);
    if (filter == NULL)
      rp_test_save_screenshot (GTK_WIDGET (window), "partners-referring.png");
  }
  rp_window_set_visible_page_name (window, "analytics");
  g_signal_emit_by_name (find_headline (page, "Loop closed: "), "clicked");
  {
    RpChart *funnel = rp_chart_view_get_chart (find_chart (page, "Referral funnel"));

    g_assert_cmpuint (shown_rows (window, "referrals"), ==,
                      chart_figure (funnel, rp_chart_get_n_categories (funnel) - 1));
  }
  g_test_message ("%u bars and rows checked", n_checked);

  /* The list behind a filtered page: its chips say the page's filter. */
  if (filter != NULL)
    {
      g_autofree char *file = g_strdup_printf ("referrals-filtered-%s.png", filter);

      rp_test_iterate_for (500);
      g_assert_nonnull (rp_test_find_widget (rp_window_get_page (window, "referrals"),
                                             is_label_starting,
                                             g_str_equal (filter, "tier") ? "Tier A"
                                                                          : "City: "));
      rp_test_save_screenshot (GTK_WIDGET (window), file);

      /* The feedback's partners carry the filter too (feedback has no direction). */
      rp_window_set_visible_page_name (window, "analytics");
      g_signal_emit_by_name (find_headline (page, "Net promoter score: "), "clicked");
      rp_test_iterate_for (500);
      g_assert_cmpstr (rp_window_get_visible_page_name (window), ==, "partners");
      g_assert_nonnull (rp_test_find_widget (rp_window_get_page (window, "partners"),
                                             is_label_starting,
                                             g_str_equal (filter, "tier") ? "Tier A"
                                                                          : "City: "));
      gtk_window_destroy (GTK_WINDOW (window));
      rp_test_iterate_for (100);
      return;
    }

  /* Every list has the menu of its numbers; Copy Numbers puts them on the clipboard. */
  {
    const char * const tables[] = {
      "Top referring partners", "New referrers", "Returning referrers", "Growing referrers",
      "Falling referrers", "Lapsed referrers", "Outcomes by specialty", "Outcomes by partner",
      "Referrals before and after a visit", "Gifts and meals against referrals",
    };
    GtkWidget *menu = NULL;
    GValue value = G_VALUE_INIT;
    GdkClipboard *clipboard;

    for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
      {
        g_autofree char *tooltip = g_strdup_printf ("Menu of “%s”", tables[i]);

        menu = rp_test_find_by_tooltip (page, tooltip);
        g_assert_true (GTK_IS_MENU_BUTTON (menu));
        if (i == 0)
          g_assert_true (gtk_widget_activate_action (menu, "chart.copy", NULL));
      }
    /* The lists further down, to look at (the page scrolls to the focused menu). */
    rp_window_set_visible_page_name (window, "analytics");
    for (guint i = 1; i < G_N_ELEMENTS (tables); i += 3)
      {
        g_autofree char *tooltip = g_strdup_printf ("Menu of “%s”", tables[i]);
        g_autofree char *file = g_strdup_printf ("analytics-lists-%u.png", i);

        gtk_widget_grab_focus (rp_test_find_by_tooltip (page, tooltip));
        rp_test_iterate_for (600);
        rp_test_save_screenshot (GTK_WIDGET (window), file);
      }
    clipboard = gtk_widget_get_clipboard (page);
    g_value_init (&value, G_TYPE_STRING);
    g_assert_true (gdk_content_provider_get_value (gdk_clipboard_get_content (clipboard), &value,
                                                   NULL));
    g_assert_true (g_str_has_prefix (g_value_get_string (&value),
                                     "Partner\tSpecialty\tReferrals\tPrevious period\tChange\n"));
    /* The header and the 20 partners listed (the last line ends with its newline). */
    {
      g_auto(GStrv) lines = g_strsplit (g_value_get_string (&value), "\n", -1);

      g_assert_cmpuint (g_strv_length (lines), ==, 1 + 20 + 1);
    }
    g_value_unset (&value);
  }

  /* The last row clicked, outcomes of one partner, shows its chips. */
  g_signal_emit_by_name (g_ptr_array_index (rows, rows->len - 1), "activate");
  rp_test_iterate_for (500);
  g_assert_nonnull (rp_test_find_widget (rp_window_get_page (window, "referrals"),
                                         is_label_starting, "With an Outcome"));
  rp_test_save_screenshot (GTK_WIDGET (window), "referrals-with-outcome.png");

  gtk_window_destroy (GTK_WINDOW (window));
  rp_test_iterate_for (100);
}

int
main (int   argc,
      char *argv[])
{
  rp_test_init (&argc, &argv);

  g_test_add ("/analytics-ui/custom-period", Fixture, NULL, fixture_set_up, test_custom_period,
              fixture_tear_down);
  g_test_add ("/analytics-ui/chart-csv", Fixture, NULL, fixture_set_up, test_chart_csv,
              fixture_tear_down);
  g_test_add ("/analytics-ui/report", Fixture, NULL, fixture_set_up, test_report,
              fixture_tear_down);
  g_test_add ("/analytics-ui/click-through", Fixture, NULL, fixture_set_up, test_click_through,
              fixture_tear_down);
  g_test_add ("/analytics-ui/filtered-lists", Fixture, NULL, fixture_set_up,
              test_filtered_lists, fixture_tear_down);
  g_test_add ("/analytics-ui/click-counts", Fixture, NULL, fixture_set_up, test_click_counts,
              fixture_tear_down);
  g_test_add ("/analytics-ui/click-counts-tier", Fixture, "tier", fixture_set_up,
              test_click_counts, fixture_tear_down);
  g_test_add ("/analytics-ui/click-counts-city", Fixture, "city", fixture_set_up,
              test_click_counts, fixture_tear_down);

  return g_test_run ();
}
