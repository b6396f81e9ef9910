/* rp-geocoder.c: a Nominatim client (libsoup 3, json-glib).
 *
 * Requests go through one queue served by a timer: a request is sent only when none is in
 * flight and a second has passed since the previous answer, so the service never sees more
 * than one request a second, without any busy waiting. An HTTP 429 is retried once, after the
 * Retry-After the service asked for (or two seconds), then reported.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "rp-geocoder.h"
#include "rp-store-geocode.h"

#define USER_AGENT "Rapport/" PACKAGE_VERSION " (io.github.rapport.Rapport)"
#define MIN_INTERVAL_US G_USEC_PER_SEC
#define DEFAULT_RETRY_S 2
#define MAX_RETRY_S 60

struct _RpGeocoder
{
  GObject      parent_instance;

  RpStore     *store;
  char        *base_url;
  SoupSession *session;
  GQueue       queue;          /* GTask, waiting their turn */
  GTask       *in_flight;
  gint64       next_allowed;   /* monotonic µs before which nothing is sent */
  guint        timer_id;
  guint        n_requests;
};

G_DEFINE_FINAL_TYPE (RpGeocoder, rp_geocoder, G_TYPE_OBJECT)

G_DEFINE_QUARK (rp-geocoder-error-quark, rp_geocoder_error)

enum {
  PROP_0,
  PROP_STORE,
  PROP_BASE_URL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  char        *street;
  char        *city;
  char        *state;
  char        *postal_code;
  char        *query;
  gboolean     retried;
  SoupMessage *message;
} Request;

static void process_queue (RpGeocoder *self);

static void
request_free (Request *request)
{
  g_free (request->street);
  g_free (request->city);
  g_free (request->state);
  g_free (request->postal_code);
  g_free (request->query);
  g_clear_object (&request->message);
  g_free (request);
}

static char *
normalize_part (const char *part)
{
  g_autofree char *lower = NULL;
  g_auto(GStrv) words = NULL;

  if (part == NULL)
    return g_strdup ("");

  lower = g_utf8_strdown (part, -1);
  words = g_strsplit_set (g_strstrip (lower), " \t\r\n", -1);

  {
    GString *joined = g_string_new (NULL);

    for (guint i = 0; words[i] != NULL; i++)
      {
        if (*words[i] == '\0')
          continue;
        if (joined->len > 0)
          g_string_append_c (joined, ' ');
        g_string_append (joined, words[i]);
      }

    return g_string_free (joined, FALSE);
  }
}

static void
append_param (GString    *url,
              const char *name,
              const char *value)
{
  g_autofree char *escaped = NULL;

  if (value == NULL || *value == '\0')
    return;

  escaped = g_uri_escape_string (value, NULL, FALSE);
  g_string_append_printf (url, "&%s=%s", name, escaped);
}

static char *
build_url (RpGeocoder *self,
           Request    *request)
{
  GString *url = g_string_new (self->base_url);

  while (url->len > 0 && url->str[url->len - 1] == '/')
    g_string_truncate (url, url->len - 1);

  g_string_append (url, "/search?format=jsonv2&limit=1&countrycodes=us");
  append_param (url, "street", request->street);
  append_param (url, "city", request->city);
  append_param (url, "state", request->state);
  append_param (url, "postalcode", request->postal_code);

  return g_string_free (url, FALSE);
}

static gboolean
read_coordinate (JsonObject *object,
                 const char *member,
                 double      limit,
                 double     *value)
{
  JsonNode *node = json_object_get_member (object, member);
  double v;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  if (json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (node);
      char *end = NULL;

      v = g_ascii_strtod (text, &end);
      if (end == text || *end != '\0')
        return FALSE;
    }
  else if (json_node_get_value_type (node) == G_TYPE_DOUBLE ||
           json_node_get_value_type (node) == G_TYPE_INT64)
    v = json_node_get_double (node);
  else
    return FALSE;

  if (!isfinite (v) || v < -limit || v > limit)
    return FALSE;

  *value = v;
  return TRUE;
}

/* Parses Nominatim's jsonv2 answer: NULL with RP_GEOCODER_ERROR_NOT_FOUND for an empty array. */
static RpGeocodeResult *
parse_answer (GBytes  *body,
              GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(RpGeocodeResult) result = NULL;
  JsonNode *root;
  JsonArray *array;
  JsonNode *first;
  JsonObject *object;
  JsonNode *name;
  gsize size;
  const char *data = g_bytes_get_data (body, &size);

  if (!json_parser_load_from_data (parser, data != NULL ? data : "", size, &local_error))
    {
      g_set_error (error, RP_GEOCODER_ERROR, RP_GEOCODER_ERROR_BAD_RESPONSE,
                   _("The geocoder’s answer could not be read: %s"), local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error (error, RP_GEOCODER_ERROR, RP_GEOCODER_ERROR_BAD_RESPONSE,
                   _("The geocoder’s answer could not be read: it is not a list of places"));
      return NULL;
    }

  array = json_node_get_array (root);
  if (json_array_get_length (array) == 0)
    {
      g_set_error (error, RP_GEOCODER_ERROR, RP_GEOCODER_ERROR_NOT_FOUND,
                   _("Address not found"));
      return NULL;
    }

  first = json_array_get_element (array, 0);
  if (!JSON_NODE_HOLDS_OBJECT (first))
    {
      g_set_error (error, RP_GEOCODER_ERROR, RP_GEOCODER_ERROR_BAD_RESPONSE,
                   _("The geocoder’s answer could not be read: a place is not an object"));
      return NULL;
    }

  object = json_node_get_object (first);
  result = g_new0 (RpGeocodeResult, 1);
  if (!read_coordinate (object, "lat", 90, &result->lat) ||
      !read_coordinate (object, "lon", 180, &result->lon))
    {
      g_set_error (error, RP_GEOCODER_ERROR, RP_GEOCODER_ERROR_BAD_RESPONSE,
                   _("The geocoder’s answer could not be read: a place has no coordinates"));
      return NULL;
    }

  name = json_object_get_member (object, "display_name");
  if (name != NULL && JSON_NODE_HOLDS_VALUE (name) &&
      json_node_get_value_type (name) == G_TYPE_STRING)
    result->display_name = g_strdup (json_node_get_string (name));
  else
    result->display_name = g_strdup ("");

  return g_steal_pointer (&result);
}

static void
cache_answer (RpGeocoder      *self,
              Request         *request,
              RpGeocodeResult *result)
{
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  if (!rp_store_put_geocode_cache (self->store, request->query, result != NULL,
                                   result != NULL ? result->lat : 0,
                                   result != NULL ? result->lon : 0,
                                   result != NULL ? result->display_name : "", &error))
    g_debug ("Could not cache the geocoder’s answer: %s", error->message);
}

/* Done with the request in flight: the next may leave after @delay_us. */
static void
finish_in_flight (RpGeocoder *self,
                  gint64      delay_us)
{
  self->in_flight = NULL;
  self->next_allowed = g_get_monotonic_time () + delay_us;
  process_queue (self);
}

static guint
retry_after_seconds (SoupMessage *message)
{
  g_autofree char *value = NULL;
  guint64 seconds;

  /* Only the delta-seconds form; an HTTP date falls back to the default wait. */
  value = g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (message),
                                                  "Retry-After"));
  if (value != NULL && g_ascii_string_to_unsigned (g_strstrip (value), 10, 0, MAX_RETRY_S,
                                                   &seconds, NULL))
    return MAX ((guint) seconds, 1);

  return DEFAULT_RETRY_S;
}

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RpGeocoder *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(RpGeocodeResult) answer = NULL;
  guint status;

  body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  if (body == NULL)
    {
      finish_in_flight (self, MIN_INTERVAL_US);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_new_error (task, RP_GEOCODER_ERROR, RP_GEOCODER_ERROR_NETWORK,
                                 _("The geocoder could not be reached: %s"), error->message);
      return;
    }

  status = soup_message_get_status (request->message);
  if (status == 429 /* Too Many Requests */)
    {
      guint wait = retry_after_seconds (request->message);

      if (!request->retried)
        {
          /* Back in front of the queue, sent when the service said it may be. */
          request->retried = TRUE;
          g_queue_push_head (&self->queue, g_steal_pointer (&task));
          finish_in_flight (self, MAX ((gint64) wait * G_USEC_PER_SEC, MIN_INTERVAL_US));
          return;
        }

      finish_in_flight (self, MAX ((gint64) wait * G_USEC_PER_SEC, MIN_INTERVAL_US));
      g_task_return_new_error (task, RP_GEOCODER_ERROR, RP_GEOCODER_ERROR_RATE_LIMITED,
                               _("The geocoder is busy and asked to slow down (HTTP 429); "
                                 "try again later"));
      return;
    }

  finish_in_flight (self, MIN_INTERVAL_US);

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      const char *reason = soup_message_get_reason_phrase (request->message);

      g_task_return_new_error (task, RP_GEOCODER_ERROR, RP_GEOCODER_ERROR_HTTP,
                               _("The geocoder answered with an HTTP error: %u %s"), status,
                               reason != NULL ? reason : "");
      return;
    }

  answer = parse_answer (body, &error);
  if (answer == NULL)
    {
      if (g_error_matches (error, RP_GEOCODER_ERROR, RP_GEOCODER_ERROR_NOT_FOUND))
        cache_answer (self, request, NULL);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  cache_answer (self, request, answer);
  g_task_return_pointer (task, g_steal_pointer (&answer),
                         (GDestroyNotify) rp_geocode_result_free);
}

static void
send_request (RpGeocoder *self,
              GTask      *task)
{
  Request *request = g_task_get_task_data (task);
  g_autofree char *url = build_url (self, request);

  g_clear_object (&request->message);
  request->message = soup_message_new (SOUP_METHOD_GET, url);
  if (request->message == NULL)
    {
      g_task_return_new_error (task, RP_GEOCODER_ERROR, RP_GEOCODER_ERROR_NETWORK,
                               _("“%s” is not a usable geocoder address"), self->base_url);
      g_object_unref (task);
      return;
    }

  soup_message_headers_replace (soup_message_get_request_headers (request->message),
                                "Accept", "application/json");

  self->in_flight = task;
  self->n_requests++;
  soup_session_send_and_read_async (self->session, request->message, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task), send_cb, task);
}

static gboolean
timer_cb (gpointer user_data)
{
  RpGeocoder *self = user_data;

  self->timer_id = 0;
  process_queue (self);

  return G_SOURCE_REMOVE;
}

static void
process_queue (RpGeocoder *self)
{
  while (self->in_flight == NULL && self->timer_id == 0 && !g_queue_is_empty (&self->queue))
    {
      gint64 now = g_get_monotonic_time ();
      GTask *task;

      if (now < self->next_allowed)
        {
          guint ms = (guint) ((self->next_allowed - now + 999) / 1000);

          self->timer_id = g_timeout_add (ms, timer_cb, self);
          return;
        }

      task = g_queue_pop_head (&self->queue);
      if (g_task_return_error_if_cancelled (task))
        {
          g_object_unref (task);
          continue;
        }

      send_request (self, task);
    }
}

static void
rp_geocoder_dispose (GObject *object)
{
  RpGeocoder *self = RP_GEOCODER (object);
  GTask *task;

  g_clear_handle_id (&self->timer_id, g_source_remove);

  while ((task = g_queue_pop_head (&self->queue)) != NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               _("The geocoder was closed"));
      g_object_unref (task);
    }

  g_clear_object (&self->session);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rp_geocoder_parent_class)->dispose (object);
}

static void
rp_geocoder_finalize (GObject *object)
{
  RpGeocoder *self = RP_GEOCODER (object);

  g_free (self->base_url);

  G_OBJECT_CLASS (rp_geocoder_parent_class)->finalize (object);
}

static void
rp_geocoder_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RpGeocoder *self = RP_GEOCODER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_geocoder_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  RpGeocoder *self = RP_GEOCODER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_BASE_URL:
      rp_geocoder_set_base_url (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_geocoder_class_init (RpGeocoderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rp_geocoder_dispose;
  object_class->finalize = rp_geocoder_finalize;
  object_class->get_property = rp_geocoder_get_property;
  object_class->set_property = rp_geocoder_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         RP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* NULL or "" restores the default ($RAPPORT_NOMINATIM_URL, else the public service). */
  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rp_geocoder_init (RpGeocoder *self)
{
  const char *env = g_getenv ("RAPPORT_NOMINATIM_URL");

  self->base_url = g_strdup (env != NULL && *env != '\0' ? env : RP_GEOCODER_DEFAULT_URL);
  self->session = soup_session_new ();
  soup_session_set_user_agent (self->session, USER_AGENT);
  soup_session_set_timeout (self->session, 30);
  g_queue_init (&self->queue);
}

void
rp_geocode_result_free (RpGeocodeResult *result)
{
  if (result == NULL)
    return;

  g_free (result->display_name);
  g_free (result);
}

RpGeocoder *
rp_geocoder_new (RpStore *store)
{
  g_return_val_if_fail (store == NULL || RP_IS_STORE (store), NULL);

  return g_object_new (RP_TYPE_GEOCODER, "store", store, NULL);
}

const char *
rp_geocoder_get_base_url (RpGeocoder *self)
{
  g_return_val_if_fail (RP_IS_GEOCODER (self), NULL);

  return self->base_url;
}

void
rp_geocoder_set_base_url (RpGeocoder *self,
                          const char *base_url)
{
  const char *env = g_getenv ("RAPPORT_NOMINATIM_URL");

  g_return_if_fail (RP_IS_GEOCODER (self));

  if (base_url == NULL || *base_url == '\0')
    base_url = env != NULL && *env != '\0' ? env : RP_GEOCODER_DEFAULT_URL;

  if (g_strcmp0 (self->base_url, base_url) == 0)
    return;

  g_free (self->base_url);
  self->base_url = g_strdup (base_url);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASE_URL]);
}

guint
rp_geocoder_get_n_requests (RpGeocoder *self)
{
  g_return_val_if_fail (RP_IS_GEOCODER (self), 0);

  return self->n_requests;
}

char *
rp_geocoder_normalize_query (const char *street,
                             const char *city,
                             const char *state,
                             const char *postal_code)
{
  g_autofree char *s = normalize_part (street);
  g_autofree char *c = normalize_part (city);
  g_autofree char *st = normalize_part (state);
  g_autofree char *z = normalize_part (postal_code);

  return g_strjoin ("|", s, c, st, z, NULL);
}

void
rp_geocoder_search_async (RpGeocoder          *self,
                          const char          *street,
                          const char          *city,
                          const char          *state,
                          const char          *postal_code,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(RpGeocodeCacheEntry) cached = NULL;
  Request *request;

  g_return_if_fail (RP_IS_GEOCODER (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rp_geocoder_search_async);

  request = g_new0 (Request, 1);
  request->street = normalize_part (street);
  request->city = normalize_part (city);
  request->state = normalize_part (state);
  request->postal_code = normalize_part (postal_code);
  request->query = rp_geocoder_normalize_query (street, city, state, postal_code);
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);

  if (*request->street == '\0' && *request->city == '\0' && *request->postal_code == '\0')
    {
      g_task_return_new_error (task, RP_GEOCODER_ERROR, RP_GEOCODER_ERROR_NO_ADDRESS,
                               _("No address to look up"));
      return;
    }

  if (self->store != NULL)
    cached = rp_store_get_geocode_cache (self->store, request->query, NULL);

  if (cached != NULL && !cached->found)
    {
      g_task_return_new_error (task, RP_GEOCODER_ERROR, RP_GEOCODER_ERROR_NOT_FOUND,
                               _("Address not found"));
      return;
    }

  if (cached != NULL)
    {
      RpGeocodeResult *result = g_new0 (RpGeocodeResult, 1);

      result->lat = cached->lat;
      result->lon = cached->lon;
      result->display_name = g_strdup (cached->display_name);
      result->cached = TRUE;
      g_task_return_pointer (task, result, (GDestroyNotify) rp_geocode_result_free);
      return;
    }

  g_queue_push_tail (&self->queue, g_steal_pointer (&task));
  process_queue (self);
}

RpGeocodeResult *
rp_geocoder_search_finish (RpGeocoder    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (RP_IS_GEOCODER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
