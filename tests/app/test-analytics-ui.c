/* test-analytics-ui.c: the Analytics page's toolbar and menus: the custom period (two days, the
 * previous days of the same length), and screenshots of it.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "rp-analytics-page.h"
#include "rp-period-range-dialog.h"
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
  rp_test_iterate_for (500);

  g_assert_cmpuint (gtk_drop_down_get_selected (period), ==, 5);
  g_assert_cmpstr (period_title (page), ==,
                   "1 Oct 2026 – 31 Oct 2026, compared with 31 Aug 2026 – 30 Sep 2026");

  /* The days can be changed again from the calendar button next to the period. */
  custom_button = rp_test_find_by_tooltip (page, "Change the Custom Period");
  g_assert_true (gtk_widget_get_visible (custom_button));
  g_signal_emit_by_name (custom_button, "clicked");
  dialog = wait_for_range_dialog ();
  rp_period_range_dialog_set_range (dialog, "2026-11-01", "2026-11-07");
  show = rp_test_find_by_tooltip (GTK_WIDGET (dialog), "Show the Figures of These Days");
  g_signal_emit_by_name (show, "clicked");
  rp_test_iterate_for (500);
  g_assert_cmpstr (period_title (page), ==,
                   "1 Nov 2026 – 7 Nov 2026, compared with 25 Oct 2026 – 31 Oct 2026");
  rp_test_save_screenshot (GTK_WIDGET (window), "analytics-custom-page.png");

  /* Another period hides the button. */
  gtk_drop_down_set_selected (period, 0);
  rp_test_iterate_for (300);
  g_assert_false (gtk_widget_get_visible (custom_button));

  rp_test_destroy_window (window, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  rp_test_init (&argc, &argv);

  g_test_add ("/analytics-ui/custom-period", Fixture, NULL, fixture_set_up, test_custom_period,
              fixture_tear_down);

  return g_test_run ();
}
