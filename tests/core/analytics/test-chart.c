/* test-chart.c: the chart module: rounded ticks, hit tests, tooltips, the table of numbers
 * (TSV and CSV), and a stacked bar chart and a funnel rendered to PNG and compared with golden
 * images at a tolerance (anti-aliasing and font hinting may move a few pixels).
 *
 * RAPPORT_UPDATE_GOLDEN=1 rewrites the golden images in the source tree.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <stdlib.h>

#include "rp-chart.h"

static RpChart *
make_stacked (void)
{
  const char *months[] = { "Jul 2026", "Aug 2026", "Sep 2026", "Oct 2026", "Nov 2026",
                           "Dec 2026" };
  const char *keys[] = { "2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12" };
  const double a[] = { 12, 15, 9, 14, 18, 7 };
  const double b[] = { 6, 4, 8, 7, 5, 3 };
  const double c[] = { 2, 3, 1, 4, 2, 1 };
  /* No data a year before July and August (NAN): the line starts in September. */
  const double last_year[] = { NAN, NAN, 14, 19, 20, 16 };
  RpChart *chart = rp_chart_new (RP_CHART_STACKED_BARS);

  rp_chart_set_title (chart, "Referrals per month");
  rp_chart_set_categories (chart, months, keys, 6);
  rp_chart_add_series (chart, "Tier A", "a", a, 6);
  rp_chart_add_series (chart, "Tier B", "b", b, 6);
  rp_chart_add_series (chart, "Tier C", "c", c, 6);
  rp_chart_set_overlay (chart, "Last year", last_year, 6);
  return chart;
}

static RpChart *
make_funnel (void)
{
  const char *steps[] = { "Received", "Contacted", "Scheduled", "Seen", "Loop closed" };
  const char *notes[] = { "", "27 % · 1 day", "75 % · 3 days", "67 % · 6 days",
                          "50 % · 2 days" };
  const double values[] = { 15, 4, 3, 2, 1 };
  RpChart *chart = rp_chart_new (RP_CHART_FUNNEL);

  rp_chart_set_title (chart, "Referral funnel");
  rp_chart_set_categories (chart, steps, NULL, 5);
  rp_chart_add_series (chart, "", NULL, values, 5);
  rp_chart_set_notes (chart, notes, 5);
  return chart;
}

static cairo_surface_t *
render (RpChart *chart,
        int      width,
        int      height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  rp_chart_draw (chart, cr, width, height);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Fails when more than 1 % of the pixels differ by more than a quarter of the range in a
 * channel, or when the mean difference is over 4 levels. */
static void
compare_with_golden (cairo_surface_t *surface,
                     const char      *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  cairo_surface_t *golden;
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  guint64 total = 0;
  guint far = 0;

  if (g_strcmp0 (g_getenv ("RAPPORT_UPDATE_GOLDEN"), "1") == 0)
    g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);

  golden = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (golden), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (golden), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (golden), ==, height);

  {
    cairo_surface_t *converted = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
    cairo_t *cr = cairo_create (converted);
    const guchar *a, *b;
    int stride_a, stride_b;

    cairo_set_source_surface (cr, golden, 0, 0);
    cairo_paint (cr);
    cairo_destroy (cr);
    cairo_surface_flush (converted);

    a = cairo_image_surface_get_data (surface);
    b = cairo_image_surface_get_data (converted);
    stride_a = cairo_image_surface_get_stride (surface);
    stride_b = cairo_image_surface_get_stride (converted);
    for (int y = 0; y < height; y++)
      for (int x = 0; x < width; x++)
        {
          int worst = 0;

          for (int k = 0; k < 3; k++)
            {
              int d = abs (a[y * stride_a + x * 4 + k] - b[y * stride_b + x * 4 + k]);

              worst = MAX (worst, d);
              total += (guint) d;
            }
          far += worst > 64;
        }
    cairo_surface_destroy (converted);
  }

  cairo_surface_destroy (golden);
  g_test_message ("%s: %u pixels far off, mean difference %.2f", name, far,
                  (double) total / (width * height * 3.0));
  g_assert_cmpuint (far, <=, (guint) (width * height / 100));
  g_assert_cmpfloat ((double) total / (width * height * 3.0), <=, 4.0);
}

static void
test_golden_stacked (void)
{
  g_autoptr(RpChart) chart = make_stacked ();
  cairo_surface_t *surface = render (chart, 480, 260);

  compare_with_golden (surface, "chart-stacked.png");
  cairo_surface_destroy (surface);
}

static void
test_golden_funnel (void)
{
  g_autoptr(RpChart) chart = make_funnel ();
  cairo_surface_t *surface = render (chart, 480, 220);

  compare_with_golden (surface, "chart-funnel.png");
  cairo_surface_destroy (surface);
}

static void
test_ticks (void)
{
  double step, top;

  rp_chart_nice_ticks (18, 4, &step, &top);
  g_assert_cmpfloat (step, ==, 5);
  g_assert_cmpfloat (top, ==, 20);
  rp_chart_nice_ticks (26, 4, &step, &top);
  g_assert_cmpfloat (step, ==, 10);
  g_assert_cmpfloat (top, ==, 30);
  rp_chart_nice_ticks (1234, 4, &step, &top);
  g_assert_cmpfloat (step, ==, 500);
  g_assert_cmpfloat (top, ==, 1500);
  /* Counts never get fractional ticks, and an empty chart still has an axis. */
  rp_chart_nice_ticks (3, 4, &step, &top);
  g_assert_cmpfloat (step, ==, 1);
  g_assert_cmpfloat (top, ==, 3);
  rp_chart_nice_ticks (0, 4, &step, &top);
  g_assert_cmpfloat (step, ==, 1);
  g_assert_cmpfloat (top, ==, 1);
}

static void
test_hit_and_tooltip (void)
{
  g_autoptr(RpChart) chart = make_stacked ();
  g_autofree char *tooltip = NULL;
  g_autofree char *one = NULL;
  guint category = 99, series = 99;
  double x, y, w, h;
  guint changes = 0;

  /* The middle of the fifth month's band, low down: its tier A bar. */
  g_assert_true (rp_chart_get_category_area (chart, 480, 260, 4, &x, &y, &w, &h));
  g_assert_true (rp_chart_hit (chart, 480, 260, x + w / 2, y + h - 2, &category, &series));
  g_assert_cmpuint (category, ==, 4);
  g_assert_cmpuint (series, ==, 0);
  g_assert_cmpstr (rp_chart_get_category_key (chart, category), ==, "2026-11");
  g_assert_cmpstr (rp_chart_get_series_key (chart, series), ==, "a");

  /* Above every bar: the month, no series. */
  g_assert_true (rp_chart_hit (chart, 480, 260, x + w / 2, y + 1, &category, &series));
  g_assert_cmpuint (series, ==, G_MAXUINT);
  /* Outside the plot: nothing. */
  g_assert_false (rp_chart_hit (chart, 480, 260, 1, 1, &category, &series));

  tooltip = rp_chart_dup_tooltip (chart, 4, G_MAXUINT);
  g_assert_cmpstr (tooltip, ==, "Nov 2026\nTier A: 18\nTier B: 5\nTier C: 2\nLast year: 20");
  one = rp_chart_dup_tooltip (chart, 4, 1);
  g_assert_cmpstr (one, ==, "Nov 2026\nTier B: 5");

  g_signal_connect_swapped (chart, "changed", G_CALLBACK (g_atomic_int_inc), &changes);
  rp_chart_set_style (chart, RP_CHART_STYLE_DARK);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_false (rp_chart_is_empty (chart));
  rp_chart_clear (chart);
  g_assert_true (rp_chart_is_empty (chart));
}

static void
test_table (void)
{
  g_autoptr(RpChart) chart = make_funnel ();
  g_autoptr(RpChart) stacked = make_stacked ();
  g_autoptr(GPtrArray) table = rp_chart_dup_table (stacked);
  g_autofree char *tsv = NULL;
  g_autofree char *csv = NULL;
  char **header = g_ptr_array_index (table, 0);
  char **november = g_ptr_array_index (table, 5);

  g_assert_cmpuint (table->len, ==, 7);
  g_assert_cmpuint (g_strv_length (header), ==, 5);
  g_assert_cmpstr (header[1], ==, "Tier A");
  g_assert_cmpstr (header[4], ==, "Last year");
  g_assert_cmpstr (november[0], ==, "Nov 2026");
  g_assert_cmpstr (november[1], ==, "18");
  g_assert_cmpstr (november[4], ==, "20");
  /* A month with nothing a year earlier: an empty cell, not 0, and no line in its tooltip. */
  g_assert_cmpstr (((char **) g_ptr_array_index (table, 1))[4], ==, "");
  g_assert_cmpstr (((char **) g_ptr_array_index (table, 3))[4], ==, "14");
  {
    g_autofree char *july = rp_chart_dup_tooltip (stacked, 0, G_MAXUINT);

    g_assert_cmpstr (july, ==, "Jul 2026\nTier A: 12\nTier B: 6\nTier C: 2");
  }

  tsv = rp_chart_dup_tsv (chart);
  g_assert_true (g_str_has_prefix (tsv, "\tValue\tNotes\nReceived\t15\t\nContacted\t4\t27 % · 1 day\n"));

  /* CSV quoting of a label with a comma and a quote. */
  {
    const char *labels[] = { "Smith, \"Jr\"" };
    const double values[] = { 3 };
    g_autoptr(RpChart) bars = rp_chart_new (RP_CHART_BARS);

    rp_chart_set_categories (bars, labels, NULL, 1);
    rp_chart_add_series (bars, "Referrals", NULL, values, 1);
    csv = rp_chart_dup_csv (bars);
    g_assert_cmpstr (csv, ==, "\"\",\"Referrals\"\r\n\"Smith, \"\"Jr\"\"\",\"3\"\r\n");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/analytics/chart/ticks", test_ticks);
  g_test_add_func ("/analytics/chart/hit-and-tooltip", test_hit_and_tooltip);
  g_test_add_func ("/analytics/chart/table", test_table);
  g_test_add_func ("/analytics/chart/golden-stacked", test_golden_stacked);
  g_test_add_func ("/analytics/chart/golden-funnel", test_golden_funnel);

  return g_test_run ();
}
