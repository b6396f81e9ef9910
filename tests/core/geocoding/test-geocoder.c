/* test-geocoder.c: the Nominatim client and the online geocoding job, against a SoupServer on
 * the loopback that answers like Nominatim. No request leaves the machine.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "rp-geocode-job.h"
#include "rp-geocoder.h"
#include "rp-store-geocode.h"
#include "rp-store-partners.h"
#include "rp-store.h"
#include "rp-test-core.h"

typedef struct
{
  SoupServer *server;
  char       *base_url;
  GPtrArray  *user_agents;  /* one per request */
  GPtrArray  *queries;      /* the request's query string */
  GArray     *times;        /* gint64 monotonic µs, one per request */
  guint       n_429;        /* how many requests for "busy" got a 429 so far */
  RpStore    *store;
} Fixture;

static const char found_json[] =
  "[{\"place_id\":1,\"licence\":\"Data © OpenStreetMap contributors, ODbL 1.0.\","
  "\"lat\":\"40.0992\",\"lon\":\"-83.0171\",\"category\":\"building\",\"type\":\"yes\","
  "\"place_rank\":30,\"importance\":0.2,\"addresstype\":\"building\",\"name\":\"\","
  "\"display_name\":\"100, High Street, Worthington, Franklin County, Ohio, 43085, "
  "United States\",\"boundingbox\":[\"40.09\",\"40.10\",\"-83.02\",\"-83.01\"]}]";

static void
handler_cb (SoupServer        *server,
            SoupServerMessage *message,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  Fixture *fixture = user_data;
  const char *street = query != NULL ? g_hash_table_lookup (query, "street") : NULL;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (message);
  GUri *uri = soup_server_message_get_uri (message);
  gint64 now = g_get_monotonic_time ();

  g_ptr_array_add (fixture->user_agents,
                   g_strdup (soup_message_headers_get_one (headers, "User-Agent")));
  g_ptr_array_add (fixture->queries, g_strdup (g_uri_get_query (uri)));
  g_array_append_val (fixture->times, now);

  if (g_strcmp0 (path, "/search") != 0 || street == NULL)
    {
      soup_server_message_set_status (message, 404, NULL);
      return;
    }

  if (g_str_has_prefix (street, "500 "))
    {
      soup_server_message_set_status (message, 500, "Internal Server Error");
      soup_server_message_set_response (message, "text/plain", SOUP_MEMORY_STATIC, "oops", 4);
      return;
    }

  if (g_str_has_prefix (street, "429 "))
    {
      /* Always busy. */
      soup_server_message_set_status (message, 429, "Too Many Requests");
      soup_message_headers_replace (soup_server_message_get_response_headers (message),
                                    "Retry-After", "1");
      return;
    }

  if (g_str_has_prefix (street, "busy ") && fixture->n_429++ == 0)
    {
      /* Busy once, then fine. */
      soup_server_message_set_status (message, 429, "Too Many Requests");
      soup_message_headers_replace (soup_server_message_get_response_headers (message),
                                    "Retry-After", "1");
      return;
    }

  soup_server_message_set_status (message, 200, NULL);

  if (g_str_has_prefix (street, "nowhere "))
    soup_server_message_set_response (message, "application/json", SOUP_MEMORY_STATIC,
                                      "[]", 2);
  else if (g_str_has_prefix (street, "garbage "))
    soup_server_message_set_response (message, "application/json", SOUP_MEMORY_STATIC,
                                      "<html>", 6);
  else
    soup_server_message_set_response (message, "application/json", SOUP_MEMORY_STATIC,
                                      found_json, strlen (found_json));
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;

  fixture->user_agents = g_ptr_array_new_with_free_func (g_free);
  fixture->queries = g_ptr_array_new_with_free_func (g_free);
  fixture->times = g_array_new (FALSE, FALSE, sizeof (gint64));

  fixture->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fixture->server, NULL, handler_cb, fixture, NULL);
  soup_server_listen_local (fixture->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (fixture->server);
  g_assert_nonnull (uris);
  fixture->base_url = g_uri_to_string (uris->data);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);

  fixture->store = rp_store_open (":memory:", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->store);
  soup_server_disconnect (fixture->server);
  g_clear_object (&fixture->server);
  g_free (fixture->base_url);
  g_ptr_array_unref (fixture->user_agents);
  g_ptr_array_unref (fixture->queries);
  g_array_unref (fixture->times);
}

static RpGeocoder *
make_geocoder (Fixture *fixture)
{
  RpGeocoder *geocoder = rp_geocoder_new (fixture->store);

  rp_geocoder_set_base_url (geocoder, fixture->base_url);
  return geocoder;
}

typedef struct
{
  gboolean         done;
  RpGeocodeResult *result;
  GError          *error;
} Answer;

static void
search_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Answer *answer = user_data;

  answer->result = rp_geocoder_search_finish (RP_GEOCODER (object), result, &answer->error);
  answer->done = TRUE;
}

static void
search (RpGeocoder   *geocoder,
        const char   *street,
        GCancellable *cancellable,
        Answer       *answer)
{
  memset (answer, 0, sizeof *answer);
  rp_geocoder_search_async (geocoder, street, "Worthington", "OH", "43085", cancellable,
                            search_cb, answer);
  while (!answer->done)
    g_main_context_iteration (NULL, TRUE);
}

static void
answer_clear (Answer *answer)
{
  g_clear_pointer (&answer->result, rp_geocode_result_free);
  g_clear_error (&answer->error);
}

static void
test_found (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(RpGeocoder) geocoder = make_geocoder (fixture);
  const char *query;
  Answer answer;

  search (geocoder, "100 High St", NULL, &answer);
  g_assert_no_error (answer.error);
  g_assert_nonnull (answer.result);
  g_assert_cmpfloat_with_epsilon (answer.result->lat, 40.0992, 1e-9);
  g_assert_cmpfloat_with_epsilon (answer.result->lon, -83.0171, 1e-9);
  g_assert_true (g_str_has_prefix (answer.result->display_name, "100, High Street"));
  g_assert_false (answer.result->cached);
  answer_clear (&answer);

  g_assert_cmpuint (fixture->user_agents->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->user_agents, 0), ==,
                   "Rapport/" PACKAGE_VERSION " (io.github.rapport.Rapport)");
  query = g_ptr_array_index (fixture->queries, 0);
  g_assert_true (g_str_has_prefix (query, "format=jsonv2&limit=1&countrycodes=us&"));
  g_assert_nonnull (strstr (query, "street=100%20high%20st"));
  g_assert_nonnull (strstr (query, "city=worthington"));
  g_assert_nonnull (strstr (query, "state=oh"));
  g_assert_nonnull (strstr (query, "postalcode=43085"));

  /* The same address, spelt a little differently, comes from the cache: no new request. */
  search (geocoder, "  100   HIGH st ", NULL, &answer);
  g_assert_no_error (answer.error);
  g_assert_true (answer.result->cached);
  g_assert_cmpfloat_with_epsilon (answer.result->lat, 40.0992, 1e-9);
  answer_clear (&answer);
  g_assert_cmpuint (fixture->user_agents->len, ==, 1);
  g_assert_cmpuint (rp_geocoder_get_n_requests (geocoder), ==, 1);
}

static void
test_not_found_cached (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(RpGeocoder) geocoder = make_geocoder (fixture);
  Answer answer;

  search (geocoder, "nowhere 1", NULL, &answer);
  g_assert_error (answer.error, RP_GEOCODER_ERROR, RP_GEOCODER_ERROR_NOT_FOUND);
  g_assert_cmpstr (answer.error->message, ==, "Address not found");
  answer_clear (&answer);

  search (geocoder, "nowhere 1", NULL, &answer);
  g_assert_error (answer.error, RP_GEOCODER_ERROR, RP_GEOCODER_ERROR_NOT_FOUND);
  answer_clear (&answer);
  g_assert_cmpuint (fixture->user_agents->len, ==, 1);
}

static void
test_errors (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(RpGeocoder) geocoder = make_geocoder (fixture);
  Answer answer;
  gint64 gap;

  search (geocoder, "500 Error Rd", NULL, &answer);
  g_assert_error (answer.error, RP_GEOCODER_ERROR, RP_GEOCODER_ERROR_HTTP);
  g_assert_cmpstr (answer.error->message, ==,
                   "The geocoder answered with an HTTP error: 500 Internal Server Error");
  answer_clear (&answer);

  search (geocoder, "garbage 1", NULL, &answer);
  g_assert_error (answer.error, RP_GEOCODER_ERROR, RP_GEOCODER_ERROR_BAD_RESPONSE);
  g_assert_true (g_str_has_prefix (answer.error->message,
                                   "The geocoder’s answer could not be read"));
  answer_clear (&answer);

  memset (&answer, 0, sizeof answer);
  rp_geocoder_search_async (geocoder, " ", NULL, "OH", "", NULL, search_cb, &answer);
  while (!answer.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (answer.error, RP_GEOCODER_ERROR, RP_GEOCODER_ERROR_NO_ADDRESS);
  answer_clear (&answer);

  /* Errors are not cached: asking again asks the server again. */
  search (geocoder, "500 Error Rd", NULL, &answer);
  g_assert_error (answer.error, RP_GEOCODER_ERROR, RP_GEOCODER_ERROR_HTTP);
  answer_clear (&answer);
  g_assert_cmpuint (fixture->times->len, ==, 3);

  /* At most one request a second (a lower bound only, with room for clock granularity). */
  for (guint i = 1; i < fixture->times->len; i++)
    {
      gap = g_array_index (fixture->times, gint64, i) -
            g_array_index (fixture->times, gint64, i - 1);
      g_assert_cmpint (gap, >=, G_USEC_PER_SEC - 50000);
    }
}

static void
test_rate_limited (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(RpGeocoder) geocoder = make_geocoder (fixture);
  Answer answer;

  /* Busy once: retried after Retry-After, then found. */
  search (geocoder, "busy 1", NULL, &answer);
  g_assert_no_error (answer.error);
  g_assert_nonnull (answer.result);
  answer_clear (&answer);
  g_assert_cmpuint (fixture->times->len, ==, 2);
  g_assert_cmpint (g_array_index (fixture->times, gint64, 1) -
                   g_array_index (fixture->times, gint64, 0), >=, G_USEC_PER_SEC - 50000);

  /* Busy twice: reported. */
  search (geocoder, "429 Busy St", NULL, &answer);
  g_assert_error (answer.error, RP_GEOCODER_ERROR, RP_GEOCODER_ERROR_RATE_LIMITED);
  g_assert_nonnull (strstr (answer.error->message, "HTTP 429"));
  answer_clear (&answer);
  g_assert_cmpuint (fixture->times->len, ==, 4);
}

static void
test_queue_and_cancel (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(RpGeocoder) geocoder = make_geocoder (fixture);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Answer first = { 0 }, second = { 0 };

  /* Two at once: the second waits its turn; cancelled while waiting, it never leaves. */
  rp_geocoder_search_async (geocoder, "1 First St", "Worthington", "OH", "43085", NULL,
                            search_cb, &first);
  rp_geocoder_search_async (geocoder, "2 Second St", "Worthington", "OH", "43085",
                            cancellable, search_cb, &second);
  while (!first.done)
    g_main_context_iteration (NULL, TRUE);
  g_cancellable_cancel (cancellable);
  while (!second.done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_no_error (first.error);
  g_assert_error (second.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (fixture->times->len, ==, 1);
  answer_clear (&first);
  answer_clear (&second);
}

static gint64
add_partner (RpStore    *store,
             const char *last,
             const char *street,
             const char *zip)
{
  g_autoptr(RpPartner) partner = rp_partner_new (RP_PARTNER_KIND_PERSON);
  g_autoptr(GError) error = NULL;

  rp_partner_set_first_name (partner, "Ann");
  rp_partner_set_last_name (partner, last);
  rp_partner_set_street (partner, street);
  rp_partner_set_city (partner, "Worthington");
  rp_partner_set_state (partner, "OH");
  rp_partner_set_zip (partner, zip);
  rp_store_insert_partner (store, partner, &error);
  g_assert_no_error (error);

  return rp_partner_get_id (partner);
}

static void
test_job_online (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(RpGeocoder) geocoder = make_geocoder (fixture);
  g_autoptr(RpGeocodeJob) job = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(RpPartner) exact = NULL;
  g_autoptr(RpPartner) fallback = NULL;
  g_autoptr(GError) error = NULL;
  RpZctaEntry zcta = { "43085", 40.1, -83.02 };
  gint64 adams, baker;

  rp_store_import_zcta (fixture->store, &zcta, 1, &error);
  g_assert_no_error (error);

  adams = add_partner (fixture->store, "Adams", "100 High St", "43085");
  baker = add_partner (fixture->store, "Baker", "nowhere 2", "43085");
  add_partner (fixture->store, "Clark", "500 Error Rd", "99999");

  job = rp_geocode_job_new (fixture->store, TRUE);
  rp_geocode_job_set_geocoder (job, geocoder);
  rp_geocode_job_start (job, &error);
  g_assert_no_error (error);
  rp_test_finish_geocode_job (job, FALSE);

  g_assert_cmpuint (rp_geocode_job_get_n_done (job), ==, 3);
  g_assert_cmpuint (rp_geocode_job_get_n_placed (job), ==, 2);
  g_assert_cmpuint (rp_geocode_job_get_n_failed (job), ==, 1);

  exact = rp_store_get_partner (fixture->store, adams, &error);
  g_assert_cmpfloat_with_epsilon (rp_partner_get_latitude (exact), 40.0992, 1e-9);
  fallback = rp_store_get_partner (fixture->store, baker, &error);
  g_assert_cmpfloat_with_epsilon (rp_partner_get_latitude (fallback), 40.1, 1e-9);

  errors = rp_store_list_geocode_errors (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (errors->len, ==, 1);
  g_assert_cmpstr (((RpUnplacedPartner *) g_ptr_array_index (errors, 0))->error, ==,
                   "The geocoder answered with an HTTP error: 500 Internal Server Error; "
                   "ZIP code 99999 is not in the imported gazetteer");
}

static void
test_job_online_cancel (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(RpGeocoder) geocoder = make_geocoder (fixture);
  g_autoptr(RpGeocodeJob) job = NULL;
  g_autoptr(GError) error = NULL;

  add_partner (fixture->store, "Adams", "1 A St", "43085");
  add_partner (fixture->store, "Baker", "2 B St", "43085");
  add_partner (fixture->store, "Clark", "3 C St", "43085");

  job = rp_geocode_job_new (fixture->store, TRUE);
  rp_geocode_job_set_geocoder (job, geocoder);
  rp_geocode_job_start (job, &error);
  g_assert_no_error (error);

  rp_test_finish_geocode_job (job, TRUE);

  g_assert_true (rp_geocode_job_get_cancelled (job));
  g_assert_cmpuint (rp_geocode_job_get_n_placed (job), ==, 1);
  g_assert_cmpuint (rp_store_count_unplaced_partners (fixture->store), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/geocoder/found", Fixture, NULL, fixture_setup, test_found, fixture_teardown);
  g_test_add ("/geocoder/not-found-cached", Fixture, NULL,
              fixture_setup, test_not_found_cached, fixture_teardown);
  g_test_add ("/geocoder/errors", Fixture, NULL, fixture_setup, test_errors, fixture_teardown);
  g_test_add ("/geocoder/rate-limited", Fixture, NULL,
              fixture_setup, test_rate_limited, fixture_teardown);
  g_test_add ("/geocoder/queue-and-cancel", Fixture, NULL,
              fixture_setup, test_queue_and_cancel, fixture_teardown);
  g_test_add ("/geocoder/job/online", Fixture, NULL,
              fixture_setup, test_job_online, fixture_teardown);
  g_test_add ("/geocoder/job/online-cancel", Fixture, NULL,
              fixture_setup, test_job_online_cancel, fixture_teardown);

  return g_test_run ();
}
