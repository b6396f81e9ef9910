/* test-dav-client.c: RpDavClient against a real Radicale and a real xandikos.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <libsoup/soup.h>

#include "rp-dav-client.h"
#include "rp-test-core.h"
#include "rp-test-server.h"

static const char card_text[] =
  "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:urn:uuid:11111111-2222-4333-8444-555555555555\r\n"
  "FN:Dr. Ada Lee\\, MD\r\nEND:VCARD\r\n";

static RpDavClient *
client_for (RpTestServer *server,
            const char   *user,
            const char   *password)
{
  return rp_dav_client_new (server->url, user, password);
}

static void
test_discover (gconstpointer data)
{
  RpTestServer *server = rp_test_server_start (GPOINTER_TO_INT (data));
  g_autoptr(RpDavClient) client = client_for (server, "alice", "alice-pw");
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(RpDavCollection) calendar = NULL;
  g_autoptr(RpDavCollection) book = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saw_calendar = FALSE, saw_book = FALSE;

  found = rp_dav_client_discover (client, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);

  calendar = rp_dav_client_create_collection (client, RP_DAV_COLLECTION_CALENDAR,
                                              "Visits & plans", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rp_dav_collection_get_display_name (calendar), ==, "Visits & plans");
  book = rp_dav_client_create_collection (client, RP_DAV_COLLECTION_ADDRESSBOOK, "Partners",
                                          NULL, &error);
  g_assert_no_error (error);

  g_clear_pointer (&found, g_ptr_array_unref);
  found = rp_dav_client_discover (client, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < found->len; i++)
    {
      RpDavCollection *c = g_ptr_array_index (found, i);

      if (g_strcmp0 (rp_dav_collection_get_url (c), rp_dav_collection_get_url (calendar)) == 0)
        {
          g_assert_cmpint (rp_dav_collection_get_kind (c), ==, RP_DAV_COLLECTION_CALENDAR);
          g_assert_cmpstr (rp_dav_collection_get_display_name (c), ==, "Visits & plans");
          saw_calendar = TRUE;
        }
      if (g_strcmp0 (rp_dav_collection_get_url (c), rp_dav_collection_get_url (book)) == 0)
        {
          g_assert_cmpint (rp_dav_collection_get_kind (c), ==, RP_DAV_COLLECTION_ADDRESSBOOK);
          saw_book = TRUE;
        }
    }
  g_assert_true (saw_calendar);
  g_assert_true (saw_book);
  g_assert_cmpuint (rp_dav_client_get_n_requests (client), >, 0);

  rp_test_server_free (server);
}

static RpDavCollection *
find_collection (GPtrArray  *found,
                 const char *url)
{
  for (guint i = 0; i < found->len; i++)
    if (g_strcmp0 (rp_dav_collection_get_url (g_ptr_array_index (found, i)), url) == 0)
      return g_ptr_array_index (found, i);
  return NULL;
}

static void
assert_team_found (RpTestServer *server,
                   GPtrArray    *found)
{
  RpDavCollection *c = find_collection (found, server->addressbook);

  g_assert_nonnull (c);
  g_assert_cmpint (rp_dav_collection_get_kind (c), ==, RP_DAV_COLLECTION_ADDRESSBOOK);
  g_assert_cmpstr (rp_dav_collection_get_display_name (c), ==, "Team partners");
  c = find_collection (found, server->calendar);
  g_assert_nonnull (c);
  g_assert_cmpint (rp_dav_collection_get_kind (c), ==, RP_DAV_COLLECTION_CALENDAR);
  g_assert_cmpstr (rp_dav_collection_get_display_name (c), ==, "Team visits");
}

/* Collections outside one's home sets: the team's (which alice made) found by bob from the
 * server's root and at the team folder's address, another principal's shared calendar found at
 * its principal's address and from the root, what the server hides from bob not listed, the address of a collection itself, and
 * a collection typed by hand checked by its resourcetype. */
static void
test_discover_shared (gconstpointer data)
{
  RpTestServerKind kind = GPOINTER_TO_INT (data);
  RpTestServer *server = rp_test_server_start (kind);
  g_autoptr(RpDavClient) carol = client_for (server, "carol", "carol-pw");
  g_autoptr(RpDavClient) bob = client_for (server, "bob", "bob-pw");
  g_autoptr(RpDavClient) at_team = NULL;
  g_autoptr(RpDavClient) at_carol = NULL;
  g_autoptr(RpDavClient) at_calendar = NULL;
  g_autoptr(RpDavCollection) shared = NULL;
  g_autoptr(RpDavCollection) hidden = NULL;
  g_autoptr(RpDavCollection) checked = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *carol_url = g_strconcat (server->url, "carol/", NULL);
  g_autofree char *team_url = g_strconcat (server->url, "team/", NULL);
  RpDavCollection *c;

  /* Carol's principal folder, her calendar shared with the team ("shared-…": everyone may use
   * it on Radicale) and one of her own. */
  rp_test_server_request (server, "carol", "MKCOL", "/carol/", NULL, NULL, NULL);
  shared = rp_dav_client_create_collection_at (carol, RP_DAV_COLLECTION_CALENDAR,
                                               "/carol/shared-east/", "East visits", NULL,
                                               &error);
  g_assert_no_error (error);
  hidden = rp_dav_client_create_collection_at (carol, RP_DAV_COLLECTION_CALENDAR,
                                               "/carol/private/", "Carol’s own", NULL, &error);
  g_assert_no_error (error);

  /* From the server's root (Radicale lists its folders there; xandikos serves one user and
   * lists nothing at its root): the team's address book and calendar, and carol's shared one;
   * not what Radicale's rights hide from bob. */
  if (kind == RP_TEST_RADICALE)
    {
      found = rp_dav_client_discover (bob, NULL, &error);
      g_assert_no_error (error);
      assert_team_found (server, found);
      g_assert_nonnull (find_collection (found, rp_dav_collection_get_url (shared)));
      g_assert_null (find_collection (found, rp_dav_collection_get_url (hidden)));
      g_clear_pointer (&found, g_ptr_array_unref);
    }

  /* At the team folder's address. */
  at_team = rp_dav_client_new (team_url, "bob", "bob-pw");
  found = rp_dav_client_discover (at_team, NULL, &error);
  g_assert_no_error (error);
  assert_team_found (server, found);
  g_clear_pointer (&found, g_ptr_array_unref);

  /* At carol's address. */
  at_carol = rp_dav_client_new (carol_url, "bob", "bob-pw");
  found = rp_dav_client_discover (at_carol, NULL, &error);
  g_assert_no_error (error);
  c = find_collection (found, rp_dav_collection_get_url (shared));
  g_assert_nonnull (c);
  g_assert_cmpstr (rp_dav_collection_get_display_name (c), ==, "East visits");
  g_clear_pointer (&found, g_ptr_array_unref);

  /* At the address of the team calendar itself. */
  at_calendar = rp_dav_client_new (server->calendar, "bob", "bob-pw");
  found = rp_dav_client_discover (at_calendar, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (find_collection (found, server->calendar));

  /* Typed by hand: a calendar, a plain folder, nothing. */
  checked = rp_dav_client_check_collection (bob, server->calendar, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_dav_collection_get_kind (checked), ==, RP_DAV_COLLECTION_CALENDAR);
  g_assert_cmpstr (rp_dav_collection_get_url (checked), ==, server->calendar);
  g_assert_cmpstr (rp_dav_collection_get_display_name (checked), ==, "Team visits");
  g_clear_object (&checked);
  checked = rp_dav_client_check_collection (bob, "/team/partners", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_dav_collection_get_kind (checked), ==, RP_DAV_COLLECTION_ADDRESSBOOK);
  g_clear_object (&checked);
  checked = rp_dav_client_check_collection (bob, "/team/", NULL, &error);
  g_assert_error (error, RP_DAV_ERROR, RP_DAV_ERROR_NOT_COLLECTION);
  g_assert_null (checked);
  g_clear_error (&error);
  checked = rp_dav_client_check_collection (bob, "/team/nothing-here/", NULL, &error);
  g_assert_error (error, RP_DAV_ERROR, RP_DAV_ERROR_NOT_FOUND);
  g_assert_null (checked);
  g_clear_error (&error);

  rp_test_server_free (server);
}

static void
test_put_delete (gconstpointer data)
{
  RpTestServer *server = rp_test_server_start (GPOINTER_TO_INT (data));
  g_autoptr(RpDavClient) client = client_for (server, "alice", "alice-pw");
  g_autoptr(GError) error = NULL;
  g_autofree char *href = g_strconcat (server->addressbook, "ada.vcf", NULL);
  g_autofree char *etag = NULL;
  g_autofree char *etag2 = NULL;
  g_autofree char *again = NULL;
  g_autoptr(RpDavResource) got = NULL;
  g_autofree char *changed = NULL;

  etag = rp_dav_client_put (client, href, "text/vcard; charset=utf-8", card_text, NULL, NULL,
                            &error);
  g_assert_no_error (error);
  g_assert_nonnull (etag);

  /* If-None-Match: * on an existing resource */
  again = rp_dav_client_put (client, href, "text/vcard; charset=utf-8", card_text, NULL, NULL,
                             &error);
  g_assert_error (error, RP_DAV_ERROR, RP_DAV_ERROR_PRECONDITION);
  g_assert_null (again);
  g_clear_error (&error);

  got = rp_dav_client_get (client, href, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (got->href, "/team/partners/ada.vcf"));
  g_assert_nonnull (strstr (got->data, "Ada Lee"));
  if (*etag != '\0')
    g_assert_cmpstr (got->etag, ==, etag);

  /* If-Match with the current ETag: 201 (Radicale) or 204 (xandikos) */
  changed = g_strdup_printf ("%s", card_text);
  changed[strlen (changed) - strlen ("END:VCARD\r\n")] = '\0';
  {
    g_autofree char *text = g_strconcat (changed, "NOTE:second\r\nEND:VCARD\r\n", NULL);

    etag2 = rp_dav_client_put (client, href, "text/vcard; charset=utf-8", text, got->etag, NULL,
                               &error);
    g_assert_no_error (error);
    g_assert_cmpstr (etag2, !=, got->etag);

    /* a stale ETag */
    again = rp_dav_client_put (client, href, "text/vcard; charset=utf-8", text, got->etag,
                               NULL, &error);
    g_assert_error (error, RP_DAV_ERROR, RP_DAV_ERROR_PRECONDITION);
    g_clear_error (&error);
  }

  g_assert_false (rp_dav_client_delete (client, href, got->etag, NULL, &error));
  g_assert_error (error, RP_DAV_ERROR, RP_DAV_ERROR_PRECONDITION);
  g_clear_error (&error);
  g_assert_true (rp_dav_client_delete (client, href, etag2, NULL, &error));
  g_assert_no_error (error);
  /* already gone: still a success */
  g_assert_true (rp_dav_client_delete (client, href, NULL, NULL, &error));
  g_assert_no_error (error);

  g_clear_pointer (&got, rp_dav_resource_free);
  got = rp_dav_client_get (client, href, NULL, &error);
  g_assert_error (error, RP_DAV_ERROR, RP_DAV_ERROR_NOT_FOUND);
  g_assert_null (got);

  rp_test_server_free (server);
}

static RpDavResource *
find_member (GPtrArray  *members,
             const char *suffix)
{
  for (guint i = 0; i < members->len; i++)
    {
      RpDavResource *r = g_ptr_array_index (members, i);

      if (g_str_has_suffix (r->href, suffix))
        return r;
    }
  return NULL;
}

static void
test_sync_collection (gconstpointer data)
{
  RpTestServer *server = rp_test_server_start (GPOINTER_TO_INT (data));
  g_autoptr(RpDavClient) client = client_for (server, "alice", "alice-pw");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) delta = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) fetched = NULL;
  g_autofree char *token = NULL;
  g_autofree char *token2 = NULL;
  g_autofree char *a = g_strconcat (server->addressbook, "a.vcf", NULL);
  g_autofree char *b = g_strconcat (server->addressbook, "b.vcf", NULL);
  g_autofree char *etag_a = NULL;
  g_autofree char *etag_b = NULL;
  const char *hrefs[3];
  RpDavResource *r;

  etag_a = rp_dav_client_put (client, a, "text/vcard", card_text, NULL, NULL, &error);
  g_assert_no_error (error);

  first = rp_dav_client_sync_collection (client, server->addressbook, NULL, &token, NULL,
                                         &error);
  g_assert_no_error (error);
  g_assert_nonnull (token);
  g_assert_cmpuint (first->len, ==, 1);
  r = find_member (first, "/a.vcf");
  g_assert_nonnull (r);
  g_assert_false (r->deleted);

  /* b is new, a is gone */
  {
    g_autofree char *text = g_strdup (card_text);

    text[strstr (text, "5555\r\n") - text] = '6';
    etag_b = rp_dav_client_put (client, b, "text/vcard", text, NULL, NULL, &error);
    g_assert_no_error (error);
  }
  g_assert_true (rp_dav_client_delete (client, a, NULL, NULL, &error));
  g_assert_no_error (error);

  delta = rp_dav_client_sync_collection (client, server->addressbook, token, &token2, NULL,
                                         &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token2, !=, token);
  r = find_member (delta, "/b.vcf");
  g_assert_nonnull (r);
  g_assert_false (r->deleted);
  g_assert_nonnull (r->etag);
  r = find_member (delta, "/a.vcf");
  g_assert_nonnull (r);
  g_assert_true (r->deleted);

  /* a token the server does not know: Radicale 403, xandikos 500 */
  g_clear_pointer (&delta, g_ptr_array_unref);
  delta = rp_dav_client_sync_collection (client, server->addressbook,
                                         "http://radicale.org/ns/sync/0000", NULL, NULL, &error);
  g_assert_error (error, RP_DAV_ERROR, RP_DAV_ERROR_INVALID_TOKEN);
  g_assert_null (delta);
  g_clear_error (&error);

  listed = rp_dav_client_list (client, server->addressbook, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_nonnull (find_member (listed, "/b.vcf"));

  hrefs[0] = ((RpDavResource *) g_ptr_array_index (listed, 0))->href;
  hrefs[1] = "/team/partners/missing.vcf";
  hrefs[2] = NULL;
  fetched = rp_dav_client_multiget (client, server->addressbook, RP_DAV_COLLECTION_ADDRESSBOOK,
                                    hrefs, NULL, &error);
  g_assert_no_error (error);
  r = find_member (fetched, "/b.vcf");
  g_assert_nonnull (r);
  g_assert_nonnull (strstr (r->data, "Ada Lee"));
  r = find_member (fetched, "/missing.vcf");
  if (r != NULL)
    g_assert_true (r->deleted);

  rp_test_server_free (server);
}

static void
test_calendar_multiget (gconstpointer data)
{
  RpTestServer *server = rp_test_server_start (GPOINTER_TO_INT (data));
  g_autoptr(RpDavClient) client = client_for (server, "bob", "bob-pw");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) fetched = NULL;
  g_autofree char *href = g_strconcat (server->calendar, "v1.ics", NULL);
  g_autofree char *etag = NULL;
  const char *hrefs[] = { NULL, NULL };
  static const char event[] =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\n"
    "UID:v1\r\nDTSTAMP:20261207T100000Z\r\nDTSTART:20261208T140000Z\r\n"
    "DTEND:20261208T144500Z\r\nSUMMARY:Visit\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

  etag = rp_dav_client_put (client, href, "text/calendar; charset=utf-8", event, NULL, NULL,
                            &error);
  g_assert_no_error (error);
  hrefs[0] = "/team/visits/v1.ics";
  fetched = rp_dav_client_multiget (client, server->calendar, RP_DAV_COLLECTION_CALENDAR, hrefs,
                                    NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fetched->len, ==, 1);
  g_assert_nonnull (strstr (((RpDavResource *) g_ptr_array_index (fetched, 0))->data,
                            "UID:v1"));

  rp_test_server_free (server);
}

static void
test_unauthorized (void)
{
  RpTestServer *server = rp_test_server_start (RP_TEST_RADICALE);
  g_autoptr(RpDavClient) client = client_for (server, "alice", "wrong");
  g_autoptr(RpDavClient) bob = client_for (server, "bob", "bob-pw");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *etag = NULL;

  found = rp_dav_client_discover (client, NULL, &error);
  g_assert_error (error, RP_DAV_ERROR, RP_DAV_ERROR_UNAUTHORIZED);
  g_assert_null (found);
  g_clear_error (&error);

  /* a PUT with a body refused with 401 comes back at once rather than hanging */
  etag = rp_dav_client_put (client, "/team/partners/x.vcf", "text/vcard", card_text, NULL, NULL,
                            &error);
  g_assert_error (error, RP_DAV_ERROR, RP_DAV_ERROR_UNAUTHORIZED);
  g_clear_error (&error);

  /* bob may not write in alice's folder */
  {
    g_autoptr(RpDavClient) alice = client_for (server, "alice", "alice-pw");
    g_autoptr(RpDavCollection) mine = NULL;

    mine = rp_dav_client_create_collection_at (alice, RP_DAV_COLLECTION_ADDRESSBOOK,
                                               "/alice/private/", "Private", NULL, &error);
    g_assert_no_error (error);
  }
  etag = rp_dav_client_put (bob, "/alice/private/x.vcf", "text/vcard", card_text, NULL, NULL,
                            &error);
  g_assert_error (error, RP_DAV_ERROR, RP_DAV_ERROR_FORBIDDEN);

  rp_test_server_free (server);
}

static void
answer_html (SoupServer        *server,
             SoupServerMessage *message,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  soup_server_message_set_status (message, 200, NULL);
  soup_server_message_set_response (message, "text/html", SOUP_MEMORY_STATIC,
                                    "<html>hello</html>", 18);
}

/* A plain web server on its own thread: every path answers 200 with an HTML page. */
typedef struct
{
  GMutex      lock;
  GCond       ready;
  guint16     port;
  GMainLoop  *loop;
} WebServer;

static gpointer
serve (gpointer data)
{
  WebServer *web = data;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (context);
  server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server, NULL, answer_html, NULL, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);

  g_mutex_lock (&web->lock);
  web->port = g_uri_get_port (uris->data);
  web->loop = g_main_loop_new (context, FALSE);
  g_cond_signal (&web->ready);
  g_mutex_unlock (&web->lock);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_main_loop_run (web->loop);
  soup_server_disconnect (server);
  g_main_context_pop_thread_default (context);
  return NULL;
}

static gboolean
quit_loop (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static void
test_transport_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;

  /* a name that does not resolve */
  {
    g_autoptr(RpDavClient) client = rp_dav_client_new ("http://rapport-test.invalid/", "a", "b");

    rp_dav_client_set_timeout (client, 10);
    found = rp_dav_client_discover (client, NULL, &error);
    g_assert_error (error, RP_DAV_ERROR, RP_DAV_ERROR_HOST_NOT_FOUND);
    g_clear_error (&error);
  }

  /* nobody listening: a server stopped */
  {
    RpTestServer *server = rp_test_server_start (RP_TEST_XANDIKOS);
    g_autofree char *url = g_strdup (server->url);
    g_autoptr(RpDavClient) client = NULL;

    rp_test_server_stop (server);
    client = rp_dav_client_new (url, "a", "b");
    found = rp_dav_client_discover (client, NULL, &error);
    g_assert_error (error, RP_DAV_ERROR, RP_DAV_ERROR_NETWORK);
    g_clear_error (&error);
    rp_test_server_free (server);
  }

  /* a web server that is not a DAV server */
  {
    WebServer web = { 0, };
    g_autoptr(RpDavClient) client = NULL;
    g_autofree char *url = NULL;
    GThread *thread;

    g_mutex_init (&web.lock);
    g_cond_init (&web.ready);
    thread = g_thread_new ("web", serve, &web);
    g_mutex_lock (&web.lock);
    while (web.loop == NULL)
      g_cond_wait (&web.ready, &web.lock);
    g_mutex_unlock (&web.lock);

    url = g_strdup_printf ("http://127.0.0.1:%u/", web.port);
    client = rp_dav_client_new (url, "a", "b");
    found = rp_dav_client_discover (client, NULL, &error);
    g_assert_error (error, RP_DAV_ERROR, RP_DAV_ERROR_NOT_DAV);
    g_clear_error (&error);

    g_main_context_invoke (g_main_loop_get_context (web.loop), quit_loop, web.loop);
    g_thread_join (thread);
    g_main_loop_unref (web.loop);
    g_mutex_clear (&web.lock);
    g_cond_clear (&web.ready);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  rp_test_server_require (RP_TEST_RADICALE);
  rp_test_server_require (RP_TEST_XANDIKOS);

  for (RpTestServerKind kind = RP_TEST_RADICALE; kind <= RP_TEST_XANDIKOS; kind++)
    {
      const char *name = rp_test_server_name (kind);
      g_autofree char *discover = g_strdup_printf ("/dav/%s/discover", name);
      g_autofree char *shared = g_strdup_printf ("/dav/%s/discover-shared", name);
      g_autofree char *put = g_strdup_printf ("/dav/%s/put-delete", name);
      g_autofree char *sync = g_strdup_printf ("/dav/%s/sync-collection", name);
      g_autofree char *multiget = g_strdup_printf ("/dav/%s/calendar-multiget", name);

      g_test_add_data_func (discover, GINT_TO_POINTER (kind), test_discover);
      g_test_add_data_func (shared, GINT_TO_POINTER (kind), test_discover_shared);
      g_test_add_data_func (put, GINT_TO_POINTER (kind), test_put_delete);
      g_test_add_data_func (sync, GINT_TO_POINTER (kind), test_sync_collection);
      g_test_add_data_func (multiget, GINT_TO_POINTER (kind), test_calendar_multiget);
    }
  g_test_add_func ("/dav/radicale/unauthorized", test_unauthorized);
  g_test_add_func ("/dav/transport-errors", test_transport_errors);

  return g_test_run ();
}
