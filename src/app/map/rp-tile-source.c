/* rp-tile-source.c: map tiles over HTTP with Rapport's User-Agent and a cache on disk.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>

#include "rp-tile-source.h"

/* The tile cache may grow to this many bytes (libshumate's own default). */
#define CACHE_SIZE_LIMIT (100 * 1000 * 1000)
/* A cached tile younger than this is used without asking the server (OSM: at least 7 days). */
#define CACHE_FRESH_SPAN (7 * G_TIME_SPAN_DAY)
/* The OSM tile policy allows two connections per client. */
#define MAX_CONNECTIONS 2

struct _RpTileSource
{
  ShumateDataSource  parent_instance;

  char              *url_template;
  SoupSession       *session;
  ShumateFileCache  *cache;
  gboolean           failing;
};

G_DEFINE_FINAL_TYPE (RpTileSource, rp_tile_source, SHUMATE_TYPE_DATA_SOURCE)

enum {
  PROP_0,
  PROP_URL_TEMPLATE,
  PROP_FAILING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* One tile request on its way through the cache and the network. */
typedef struct
{
  int          x;
  int          y;
  int          z;
  GBytes      *cached;
  char        *etag;
  GDateTime   *modified;
  SoupMessage *message;
} TileRequest;

static void
tile_request_free (TileRequest *request)
{
  g_clear_pointer (&request->cached, g_bytes_unref);
  g_clear_pointer (&request->etag, g_free);
  g_clear_pointer (&request->modified, g_date_time_unref);
  g_clear_object (&request->message);
  g_free (request);
}

static void
set_failing (RpTileSource *self,
             gboolean      failing)
{
  if (self->failing == failing)
    return;

  self->failing = failing;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAILING]);
}

/* The URL of a tile: "#X#", "#Y#", "#Z#", "#TMSY#" (libshumate's) and "{x}", "{y}", "{z}"
 * (the registry's, in 1.0) are replaced. */
static char *
build_tile_uri (const char *url_template,
                int         x,
                int         y,
                int         z)
{
  static const struct
  {
    const char *token;
    char        which;
  } tokens[] = {
    { "#X#", 'x' }, { "#Y#", 'y' }, { "#Z#", 'z' }, { "#TMSY#", 't' },
    { "{x}", 'x' }, { "{y}", 'y' }, { "{z}", 'z' },
  };
  GString *uri = g_string_new (NULL);
  const char *p = url_template;

  while (*p != '\0')
    {
      gboolean replaced = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (tokens) && !replaced; i++)
        {
          gsize len = strlen (tokens[i].token);
          int value;

          if (strncmp (p, tokens[i].token, len) != 0)
            continue;

          switch (tokens[i].which)
            {
            case 'x':
              value = x;
              break;
            case 'y':
              value = y;
              break;
            case 'z':
              value = z;
              break;
            default:
              value = (1 << z) - y - 1;
              break;
            }
          g_string_append_printf (uri, "%d", value);
          p += len;
          replaced = TRUE;
        }

      if (!replaced)
        g_string_append_c (uri, *p++);
    }

  return g_string_free (uri, FALSE);
}

static gboolean
is_fresh (GDateTime *modified)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return modified != NULL && g_date_time_difference (now, modified) < CACHE_FRESH_SPAN;
}

/* Either the tile from the network or, when that failed, the stale one from the cache. */
static void
return_cached_or_error (GTask  *task,
                        GError *error)
{
  RpTileSource *self = g_task_get_source_object (task);
  TileRequest *request = g_task_get_task_data (task);

  if (request->cached != NULL)
    {
      g_debug ("Tile %d/%d/%d: %s; using the cached copy", request->z, request->x, request->y,
               error->message);
      g_error_free (error);
      set_failing (self, FALSE);
      g_task_return_pointer (task, g_bytes_ref (request->cached), (GDestroyNotify) g_bytes_unref);
      return;
    }

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    set_failing (self, TRUE);
  g_task_return_error (task, error);
}

static void
tile_stored_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!shumate_file_cache_store_tile_finish (SHUMATE_FILE_CACHE (object), result, &error))
    g_debug ("Cannot cache a map tile: %s", error->message);
}

static void
bytes_read_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RpTileSource *self = g_task_get_source_object (task);
  TileRequest *request = g_task_get_task_data (task);
  GOutputStream *stream = G_OUTPUT_STREAM (object);
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;

  if (g_output_stream_splice_finish (stream, result, &error) < 0)
    {
      return_cached_or_error (task, error);
      return;
    }

  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
  shumate_file_cache_store_tile_async (self->cache, request->x, request->y, request->z, bytes,
                                       request->etag, NULL, tile_stored_cb, NULL);
  set_failing (self, FALSE);
  /* libshumate 1.0's renderer makes the tile's texture from this signal, not from the result. */
  g_signal_emit_by_name (self, "received-data", request->x, request->y, request->z, bytes);
  g_task_return_pointer (task, g_steal_pointer (&bytes), (GDestroyNotify) g_bytes_unref);
}

static void
message_sent_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RpTileSource *self = g_task_get_source_object (task);
  TileRequest *request = g_task_get_task_data (task);
  g_autoptr(GInputStream) input = NULL;
  g_autoptr(GOutputStream) output = NULL;
  GCancellable *cancellable;
  GError *error = NULL;
  guint status;

  input = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (input == NULL)
    {
      return_cached_or_error (task, error);
      return;
    }

  status = soup_message_get_status (request->message);
  if (status == SOUP_STATUS_NOT_MODIFIED && request->cached != NULL)
    {
      shumate_file_cache_mark_up_to_date (self->cache, request->x, request->y, request->z);
      set_failing (self, FALSE);
      g_task_return_pointer (task, g_bytes_ref (request->cached), (GDestroyNotify) g_bytes_unref);
      return;
    }

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      return_cached_or_error (task, g_error_new (SHUMATE_TILE_DOWNLOADER_ERROR,
                                                 SHUMATE_TILE_DOWNLOADER_ERROR_BAD_RESPONSE,
                                                 "HTTP %u %s", status,
                                                 soup_status_get_phrase (status)));
      return;
    }

  g_clear_pointer (&request->etag, g_free);
  request->etag = g_strdup (soup_message_headers_get_one (
    soup_message_get_response_headers (request->message), "ETag"));

  cancellable = g_task_get_cancellable (task);
  output = g_memory_output_stream_new_resizable ();
  g_output_stream_splice_async (output, input, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, cancellable, bytes_read_cb,
                                g_steal_pointer (&task));
}

static void
fetch_from_network (RpTileSource *self,
                    GTask        *task)
{
  TileRequest *request = g_task_get_task_data (task);
  g_autofree char *uri = build_tile_uri (self->url_template, request->x, request->y, request->z);
  SoupMessageHeaders *headers;

  request->message = soup_message_new (SOUP_METHOD_GET, uri);
  if (request->message == NULL)
    {
      return_cached_or_error (task, g_error_new (SHUMATE_TILE_DOWNLOADER_ERROR,
                                                 SHUMATE_TILE_DOWNLOADER_ERROR_MALFORMED_URL,
                                                 "Not a valid tile URL: %s", uri));
      return;
    }

  /* Revalidate instead of downloading again (OSM tile policy). */
  headers = soup_message_get_request_headers (request->message);
  if (request->etag != NULL)
    soup_message_headers_append (headers, "If-None-Match", request->etag);
  else if (request->modified != NULL)
    {
      g_autofree char *since = g_date_time_format (request->modified, "%a, %d %b %Y %T GMT");

      soup_message_headers_append (headers, "If-Modified-Since", since);
    }

  soup_session_send_async (self->session, request->message, G_PRIORITY_DEFAULT,
                           g_task_get_cancellable (task), message_sent_cb, g_object_ref (task));
}

static void
cache_read_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RpTileSource *self = g_task_get_source_object (task);
  TileRequest *request = g_task_get_task_data (task);

  request->cached = shumate_file_cache_get_tile_finish (SHUMATE_FILE_CACHE (object),
                                                        &request->etag, &request->modified,
                                                        result, NULL);
  if (g_task_return_error_if_cancelled (task))
    return;

  if (request->cached != NULL)
    {
      /* Show the cached tile at once; a revalidated one replaces it. */
      g_signal_emit_by_name (self, "received-data", request->x, request->y, request->z,
                             request->cached);
      if (is_fresh (request->modified))
        {
          set_failing (self, FALSE);
          g_task_return_pointer (task, g_bytes_ref (request->cached),
                                 (GDestroyNotify) g_bytes_unref);
          return;
        }
    }

  fetch_from_network (self, task);
}

static void
rp_tile_source_get_tile_data_async (ShumateDataSource   *source,
                                    int                  x,
                                    int                  y,
                                    int                  zoom_level,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  RpTileSource *self = RP_TILE_SOURCE (source);
  g_autoptr(GTask) task = NULL;
  TileRequest *request;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rp_tile_source_get_tile_data_async);

  request = g_new0 (TileRequest, 1);
  request->x = x;
  request->y = y;
  request->z = zoom_level;
  g_task_set_task_data (task, request, (GDestroyNotify) tile_request_free);

  shumate_file_cache_get_tile_async (self->cache, x, y, zoom_level, cancellable, cache_read_cb,
                                     g_steal_pointer (&task));
}

static GBytes *
rp_tile_source_get_tile_data_finish (ShumateDataSource  *source,
                                     GAsyncResult       *result,
                                     GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
rp_tile_source_constructed (GObject *object)
{
  RpTileSource *self = RP_TILE_SOURCE (object);
  g_autofree char *cache_key = NULL;
  g_autofree char *cache_dir = NULL;

  G_OBJECT_CLASS (rp_tile_source_parent_class)->constructed (object);

  /* One cache folder per tile server, under Rapport's own cache. */
  cache_key = g_strcanon (g_strdup (self->url_template != NULL ? self->url_template : ""),
                          "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", '_');
  cache_dir = g_build_filename (g_get_user_cache_dir (), "rapport", "tiles", NULL);
  self->cache = shumate_file_cache_new_full (CACHE_SIZE_LIMIT, cache_key, cache_dir);

  self->session = soup_session_new_with_options ("user-agent", rp_tile_source_get_user_agent (),
                                                 "max-conns", MAX_CONNECTIONS,
                                                 "max-conns-per-host", MAX_CONNECTIONS,
                                                 "timeout", 20,
                                                 NULL);
}

static void
rp_tile_source_finalize (GObject *object)
{
  RpTileSource *self = RP_TILE_SOURCE (object);

  g_clear_pointer (&self->url_template, g_free);
  g_clear_object (&self->session);
  g_clear_object (&self->cache);

  G_OBJECT_CLASS (rp_tile_source_parent_class)->finalize (object);
}

static void
rp_tile_source_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RpTileSource *self = RP_TILE_SOURCE (object);

  switch (prop_id)
    {
    case PROP_URL_TEMPLATE:
      g_value_set_string (value, self->url_template);
      break;
    case PROP_FAILING:
      g_value_set_boolean (value, self->failing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_tile_source_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RpTileSource *self = RP_TILE_SOURCE (object);

  switch (prop_id)
    {
    case PROP_URL_TEMPLATE:
      self->url_template = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_tile_source_class_init (RpTileSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ShumateDataSourceClass *source_class = SHUMATE_DATA_SOURCE_CLASS (klass);

  object_class->constructed = rp_tile_source_constructed;
  object_class->finalize = rp_tile_source_finalize;
  object_class->get_property = rp_tile_source_get_property;
  object_class->set_property = rp_tile_source_set_property;

  source_class->get_tile_data_async = rp_tile_source_get_tile_data_async;
  source_class->get_tile_data_finish = rp_tile_source_get_tile_data_finish;

  properties[PROP_URL_TEMPLATE] =
    g_param_spec_string ("url-template", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FAILING] =
    g_param_spec_boolean ("failing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rp_tile_source_init (RpTileSource *self)
{
}

RpTileSource *
rp_tile_source_new (const char *url_template)
{
  g_return_val_if_fail (url_template != NULL, NULL);

  return g_object_new (RP_TYPE_TILE_SOURCE, "url-template", url_template, NULL);
}

const char *
rp_tile_source_get_url_template (RpTileSource *self)
{
  g_return_val_if_fail (RP_IS_TILE_SOURCE (self), NULL);

  return self->url_template;
}

gboolean
rp_tile_source_get_failing (RpTileSource *self)
{
  g_return_val_if_fail (RP_IS_TILE_SOURCE (self), FALSE);

  return self->failing;
}

const char *
rp_tile_source_get_user_agent (void)
{
  return "Rapport/" PACKAGE_VERSION " (+https://github.com/rapport/rapport)";
}
