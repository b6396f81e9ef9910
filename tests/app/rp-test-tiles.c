/* rp-test-tiles.c: what the map tests share: a tile server on loopback (no internet) and a fresh
 * tile cache.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <libsoup/soup.h>

#include "rp-test-core.h"
#include "rp-test-tiles.h"

typedef struct
{
  char       *cache_dir;
  SoupServer *server;
  GBytes     *png;
  guint       n_requests;
  char       *user_agent;
} TileServer;

static TileServer tile_server;

static cairo_status_t
append_png_cb (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

/* A pale tile with a faint street grid, so a screenshot shows where the tiles are. */
static GBytes *
make_tile_png (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 256, 256);
  cairo_t *cr = cairo_create (surface);
  GByteArray *png = g_byte_array_new ();

  cairo_set_source_rgb (cr, 0.95, 0.94, 0.91);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 1.0, 1.0, 1.0);
  cairo_set_line_width (cr, 3.0);
  for (int i = 0; i <= 256; i += 64)
    {
      cairo_move_to (cr, i, 0);
      cairo_line_to (cr, i, 256);
      cairo_move_to (cr, 0, i);
      cairo_line_to (cr, 256, i);
    }
  cairo_stroke (cr);
  cairo_set_source_rgb (cr, 0.80, 0.88, 0.80);
  cairo_rectangle (cr, 140, 20, 50, 30);
  cairo_fill (cr);
  cairo_destroy (cr);

  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_png_cb, png), ==,
                   CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return g_byte_array_free_to_bytes (png);
}

static void
tile_cb (SoupServer        *server,
         SoupServerMessage *message,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  TileServer *tiles = user_data;
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  const char *agent;

  /* "", Z, X, "Y.png" */
  if (g_strv_length (parts) != 4 || !g_str_has_suffix (parts[3], ".png"))
    {
      soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }

  tiles->n_requests++;
  agent = soup_message_headers_get_one (soup_server_message_get_request_headers (message),
                                        "User-Agent");
  g_free (tiles->user_agent);
  tiles->user_agent = g_strdup (agent);

  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (message, "image/png", SOUP_MEMORY_COPY,
                                    g_bytes_get_data (tiles->png, NULL),
                                    g_bytes_get_size (tiles->png));
}

void
rp_test_tiles_start (const char *cache_template)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoslist(GUri) uris = NULL;
  g_autofree char *url = NULL;

  g_return_if_fail (cache_template != NULL);
  g_return_if_fail (tile_server.server == NULL);

  /* A fresh tile cache, so that every run asks the tile server. */
  tile_server.cache_dir = g_dir_make_tmp (cache_template, &error);
  g_assert_no_error (error);
  g_setenv ("XDG_CACHE_HOME", tile_server.cache_dir, TRUE);

  tile_server.png = make_tile_png ();
  tile_server.server = soup_server_new (NULL, NULL);
  soup_server_add_handler (tile_server.server, NULL, tile_cb, &tile_server, NULL);
  soup_server_listen (tile_server.server, address, 0, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (tile_server.server);
  g_assert_nonnull (uris);
  url = g_strdup_printf ("http://127.0.0.1:%d/#Z#/#X#/#Y#.png", g_uri_get_port (uris->data));
  g_setenv ("RAPPORT_TILE_URL", url, TRUE);
}

const char *
rp_test_tiles_get_user_agent (void)
{
  return tile_server.user_agent;
}

gboolean
rp_test_tiles_were_requested (gpointer data)
{
  return tile_server.n_requests > 0;
}

void
rp_test_tiles_stop (void)
{
  g_clear_object (&tile_server.server);
  g_clear_pointer (&tile_server.png, g_bytes_unref);
  g_clear_pointer (&tile_server.user_agent, g_free);
  if (tile_server.cache_dir != NULL)
    rp_test_remove_dir (tile_server.cache_dir);
  g_clear_pointer (&tile_server.cache_dir, g_free);
  tile_server.n_requests = 0;
}
