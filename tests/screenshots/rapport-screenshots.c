/* rapport-screenshots.c: the screenshots of the AppStream metadata, made from the sample network.
 *
 *   rapport-screenshots DIR
 *
 * Generates the demo sample network around today in a temporary database, opens the main window
 * at 1280×800 and saves partners.png, map.png, planner.png, referrals.png and follow-ups.png in
 * DIR, then packet.png: the first two pages of a partner's referral packet as a print preview
 * shows them, on a 1280×800 picture. Run by build-aux/screenshots under Xvfb; the map has no
 * network there, so it shows the plain background it shows without tiles.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "rp-document.h"
#include "rp-store-partners.h"
#include "rp-store-referrals.h"
#include "rp-store-practice.h"
#include "rp-test-app.h"
#include "rp-test-core.h"
#include "rp-window.h"

#define WIDTH  1280
#define HEIGHT 800

typedef struct
{
  const char *page;
  const char *file;
} Shot;

static const Shot shots[] = {
  { "partners", "partners.png" },
  { "map", "map.png" },
  { "planner", "planner.png" },
  { "referrals", "referrals.png" },
  { "follow-ups", "follow-ups.png" },
};

/* The partner shown on the Partners page and given a packet: the first of tier A. */
static RpPartner *
pick_partner (RpStore *store)
{
  for (gint64 id = 1; id < 200; id++)
    {
      g_autoptr(RpPartner) partner = rp_store_get_partner (store, id, NULL);

      if (partner != NULL && rp_partner_get_tier (partner) == RP_TIER_A)
        return g_steal_pointer (&partner);
    }

  return rp_store_get_partner (store, 1, NULL);
}

/* The referral shown on the Referrals page: the newest, at the top of the list (the sample
 * inserts referrals oldest first). Selecting one further down scrolls the list, and GTK 4.8's
 * list view then leaves the rows above it blank until the next scroll. */
static gint64
pick_referral (RpStore *store)
{
  for (gint64 id = 5000; id > 0; id--)
    {
      g_autoptr(RpReferral) referral = rp_store_get_referral (store, id, NULL);

      if (referral != NULL)
        return id;
    }

  return 0;
}

/* Pages 1 and 2 of @partner's packet side by side on a grey desk, with a shadow under each, as
 * the print preview shows them. */
static void
save_packet (RpStore    *store,
             RpPartner  *partner,
             const char *path)
{
  g_autoptr(RpPractice) practice = NULL;
  g_autoptr(RpDocument) document = NULL;
  g_autoptr(GPtrArray) partners = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  RpPacketOptions options = { TRUE, NULL };
  cairo_surface_t *surface;
  cairo_t *cr;
  double paper_width, paper_height, scale, gap, x;

  practice = rp_store_get_practice (store, &error);
  g_assert_no_error (error);
  g_ptr_array_add (partners, partner);
  document = rp_document_new_packets (store, practice, partners, &options);

  rp_paper_size_get_points (RP_PAPER_LETTER, &paper_width, &paper_height);
  rp_document_paginate (document, paper_width, paper_height, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rp_document_get_n_pages (document), >=, 2);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 0.87, 0.87, 0.85);
  cairo_paint (cr);

  scale = (HEIGHT - 60.0) / paper_height;
  gap = (WIDTH - 2 * paper_width * scale) / 3.0;
  x = gap;
  for (guint page = 0; page < 2; page++)
    {
      cairo_save (cr);
      cairo_translate (cr, x, 30.0);
      cairo_set_source_rgba (cr, 0, 0, 0, 0.18);
      cairo_rectangle (cr, 3, 4, paper_width * scale, paper_height * scale);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_rectangle (cr, 0, 0, paper_width * scale, paper_height * scale);
      cairo_fill (cr);
      cairo_rectangle (cr, 0, 0, paper_width * scale, paper_height * scale);
      cairo_clip (cr);
      cairo_scale (cr, scale, scale);
      rp_document_draw_page (document, cr, page);
      cairo_restore (cr);
      x += paper_width * scale + gap;
    }

  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_print ("%s\n", path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDate) today = NULL;
  g_autoptr(RpPartner) partner = NULL;
  g_autofree char *packet_path = NULL;
  RpTestDb db = { 0 };
  RpWindow *window;
  gint64 referral_id;
  const char *dir;

  if (argc != 2)
    {
      g_printerr ("usage: rapport-screenshots DIR\n");
      return 2;
    }
  dir = argv[1];
  /* Where rp_test_save_screenshot writes; set before GTK starts its threads. */
  g_setenv ("RAPPORT_SCREENSHOT_DIR", dir, TRUE);
  rp_test_init (&argc, &argv);
  rp_test_load_style ();

  today = g_date_new_dmy (g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                          g_date_time_get_year (now));
  rp_test_db_open (&db, "rapport-screenshots-XXXXXX");
  rp_test_db_add_sample (&db, today);
  rp_test_db_make_context (&db, NULL);

  /* No tiles: the map's plain background, without the banner that says tiles failed. */
  g_settings_set_boolean (db.settings, "map-tiles", FALSE);
  g_settings_set_int (db.settings, "window-width", WIDTH);
  g_settings_set_int (db.settings, "window-height", HEIGHT);
  g_settings_set_boolean (db.settings, "window-maximized", FALSE);
  g_settings_set_string (db.settings, "last-page", "partners");

  partner = pick_partner (db.store);
  referral_id = pick_referral (db.store);

  window = rp_window_new (NULL, db.context);
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  gtk_window_present (GTK_WINDOW (window));
  rp_test_wait_until_mapped (window);

  /* Without a compositing window manager, GTK takes the resize borders of its client-side
   * decoration from the default size: grow it by what is missing, so that the window's content
   * is 1280×800. */
  rp_test_iterate_for (200);
  gtk_window_set_default_size (GTK_WINDOW (window),
                               2 * WIDTH - gtk_widget_get_width (GTK_WIDGET (window)),
                               2 * HEIGHT - gtk_widget_get_height (GTK_WIDGET (window)));
  rp_test_iterate_for (300);

  for (guint i = 0; i < G_N_ELEMENTS (shots); i++)
    {
      g_autofree char *path = g_build_filename (dir, shots[i].file, NULL);

      g_assert_true (rp_window_set_visible_page_name (window, shots[i].page));
      if (g_str_equal (shots[i].page, "partners"))
        rp_window_show_partner (window, rp_partner_get_id (partner));
      if (g_str_equal (shots[i].page, "referrals") && referral_id > 0)
        rp_window_show_referral (window, referral_id);
      /* Let the page load its rows and the planner its routes (worker threads), then draw. */
      rp_test_iterate_for (2000);
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), ==, WIDTH);
      g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), ==, HEIGHT);
      rp_test_save_screenshot (GTK_WIDGET (window), shots[i].file);
      g_print ("%s\n", path);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  rp_test_iterate_for (100);

  packet_path = g_build_filename (dir, "packet.png", NULL);
  save_packet (db.store, partner, packet_path);

  rp_test_db_close (&db);
  return 0;
}
