/* rp-dav-client.c: WebDAV, CalDAV and CardDAV over libsoup 3, the XML read with libxml2.
 *
 * Every request carries its Basic credentials pre-emptively: libsoup 3.2 does not resend a
 * request body after a 401 challenge, and servers (Radicale) answer HTTP/1.0 without keep-alive,
 * so a challenge would cost a round trip each time anyway. A SoupSession belongs to the thread
 * that made it; the client makes one per thread that uses it (the engine's worker, a GTask's).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "rp-dav-client.h"

#define NS_DAV     "DAV:"
#define NS_CALDAV  "urn:ietf:params:xml:ns:caldav"
#define NS_CARDDAV "urn:ietf:params:xml:ns:carddav"

struct _RpDavClient
{
  GObject      parent_instance;

  char        *server_url;
  char        *user;
  char        *password;
  char        *authorization;     /* "Basic …" */
  guint        timeout;

  GMutex       lock;              /* guards what follows */
  SoupSession *session;
  GThread     *session_thread;
  guint        n_requests;
  double       request_seconds;
  char        *principal_url;
  char        *calendar_home;
  char        *addressbook_home;
};

G_DEFINE_FINAL_TYPE (RpDavClient, rp_dav_client, G_TYPE_OBJECT)

G_DEFINE_QUARK (rp-dav-error-quark, rp_dav_error)

void
rp_dav_resource_free (RpDavResource *resource)
{
  if (resource == NULL)
    return;

  g_free (resource->href);
  g_free (resource->etag);
  g_free (resource->data);
  g_free (resource);
}

static RpDavResource *
resource_new (const char *href,
              const char *etag,
              const char *data,
              gboolean    deleted)
{
  RpDavResource *resource = g_new0 (RpDavResource, 1);

  resource->href = g_strdup (href);
  resource->etag = g_strdup (etag);
  resource->data = g_strdup (data);
  resource->deleted = deleted;
  return resource;
}

static void
rp_dav_client_finalize (GObject *object)
{
  RpDavClient *self = RP_DAV_CLIENT (object);

  g_free (self->server_url);
  g_free (self->user);
  if (self->password != NULL)
    memset (self->password, 0, strlen (self->password));
  g_free (self->password);
  if (self->authorization != NULL)
    memset (self->authorization, 0, strlen (self->authorization));
  g_free (self->authorization);
  g_clear_object (&self->session);
  g_free (self->principal_url);
  g_free (self->calendar_home);
  g_free (self->addressbook_home);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (rp_dav_client_parent_class)->finalize (object);
}

static void
rp_dav_client_class_init (RpDavClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rp_dav_client_finalize;
}

static void
rp_dav_client_init (RpDavClient *self)
{
  self->timeout = 30;
  g_mutex_init (&self->lock);
}

RpDavClient *
rp_dav_client_new (const char *server_url,
                   const char *user,
                   const char *password)
{
  RpDavClient *self;

  g_return_val_if_fail (server_url != NULL, NULL);

  self = g_object_new (RP_TYPE_DAV_CLIENT, NULL);
  /* Collections are resolved against the server's address as against a folder. */
  if (g_str_has_suffix (server_url, "/"))
    self->server_url = g_strdup (server_url);
  else
    self->server_url = g_strconcat (server_url, "/", NULL);
  self->user = g_strdup (user);
  self->password = g_strdup (password);
  if (user != NULL)
    {
      g_autofree char *pair = g_strconcat (user, ":", password != NULL ? password : "", NULL);
      g_autofree char *encoded = g_base64_encode ((const guchar *) pair, strlen (pair));

      self->authorization = g_strconcat ("Basic ", encoded, NULL);
      memset (pair, 0, strlen (pair));
    }

  return self;
}

const char *
rp_dav_client_get_server_url (RpDavClient *self)
{
  g_return_val_if_fail (RP_IS_DAV_CLIENT (self), NULL);
  return self->server_url;
}

void
rp_dav_client_set_timeout (RpDavClient *self,
                           guint        seconds)
{
  g_return_if_fail (RP_IS_DAV_CLIENT (self));
  self->timeout = seconds;
}

guint
rp_dav_client_get_n_requests (RpDavClient *self)
{
  guint n;

  g_return_val_if_fail (RP_IS_DAV_CLIENT (self), 0);
  g_mutex_lock (&self->lock);
  n = self->n_requests;
  g_mutex_unlock (&self->lock);
  return n;
}

double
rp_dav_client_get_request_seconds (RpDavClient *self)
{
  double seconds;

  g_return_val_if_fail (RP_IS_DAV_CLIENT (self), 0);
  g_mutex_lock (&self->lock);
  seconds = self->request_seconds;
  g_mutex_unlock (&self->lock);
  return seconds;
}

/* ── requests ─────────────────────────────────────────────────────────────────────────── */

static gboolean
on_authenticate (SoupMessage *message,
                 SoupAuth    *auth,
                 gboolean     retrying,
                 gpointer     user_data)
{
  /* The credentials went with the request; a challenge means they were refused. Answering
   * nothing lets the 401 through instead of waiting. */
  return FALSE;
}

/* The certificate authorities a team server with its own (a self-hosted server, a test) is
 * checked against: the PEM file RAPPORT_SYNC_CA_FILE names, or NULL for the system's (also when
 * the file cannot be read: a server the system does not trust is then refused with the TLS
 * message). */
static GTlsDatabase *
dup_tls_database (void)
{
  const char *path = g_getenv ("RAPPORT_SYNC_CA_FILE");
  g_autoptr(GError) error = NULL;
  GTlsDatabase *database;

  if (path == NULL || *path == '\0')
    return NULL;

  database = g_tls_file_database_new (path, &error);
  if (database == NULL)
    g_debug ("Cannot read the certificate authorities in %s: %s", path, error->message);
  return database;
}

/* The session of the calling thread. */
static SoupSession *
get_session (RpDavClient *self)
{
  SoupSession *session;

  g_mutex_lock (&self->lock);
  if (self->session == NULL || self->session_thread != g_thread_self ())
    {
      g_autoptr(GTlsDatabase) database = dup_tls_database ();

      g_clear_object (&self->session);
      self->session = soup_session_new_with_options ("timeout", self->timeout,
                                                     "idle-timeout", 60,
                                                     "user-agent", "Rapport/" PACKAGE_VERSION,
                                                     NULL);
      if (database != NULL)
        soup_session_set_tls_database (self->session, database);
      self->session_thread = g_thread_self ();
    }
  session = g_object_ref (self->session);
  g_mutex_unlock (&self->lock);

  return session;
}

/* @href resolved against the server's address. */
static char *
resolve (RpDavClient *self,
         const char  *href)
{
  return g_uri_resolve_relative (self->server_url, href, G_URI_FLAGS_ENCODED, NULL);
}

/* The path of @url ("/team/partners/abc.vcf"), as servers give hrefs. */
static char *
url_path (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_ENCODED, NULL);

  if (uri == NULL)
    return g_strdup (url);
  return g_strdup (g_uri_get_path (uri));
}

static void
set_transport_error (GError  *cause,
                     GError **error)
{
  const char *what;
  int code;

  if (cause->domain == G_RESOLVER_ERROR)
    {
      code = RP_DAV_ERROR_HOST_NOT_FOUND;
      what = _("The server’s name was not found. Check the address and the network.");
    }
  else if (cause->domain == G_TLS_ERROR)
    {
      code = RP_DAV_ERROR_TLS;
      what = _("The secure connection to the server failed (its certificate is not trusted).");
    }
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_error_copy (cause));
      return;
    }
  else
    {
      code = RP_DAV_ERROR_NETWORK;
      what = _("The server could not be reached. Changes wait here until it can.");
    }

  g_set_error (error, RP_DAV_ERROR, code, "%s (%s)", what, cause->message);
}

static gboolean
check_status (guint        status,
              const char  *method,
              const char  *url,
              GError     **error)
{
  if (status >= 200 && status < 300)
    return TRUE;

  switch (status)
    {
    case SOUP_STATUS_UNAUTHORIZED:
      g_set_error (error, RP_DAV_ERROR, RP_DAV_ERROR_UNAUTHORIZED, "%s (HTTP 401)",
                   _("The server refused the user name or password."));
      break;
    case SOUP_STATUS_FORBIDDEN:
      g_set_error (error, RP_DAV_ERROR, RP_DAV_ERROR_FORBIDDEN, "%s (HTTP 403, %s %s)",
                   _("This account may not do that on the server. "
                     "Ask the server’s administrator for access."),
                   method, url);
      break;
    case SOUP_STATUS_NOT_FOUND:
    case SOUP_STATUS_GONE:
      g_set_error (error, RP_DAV_ERROR, RP_DAV_ERROR_NOT_FOUND, "%s (HTTP %u, %s)",
                   _("The address was not found on the server."), status, url);
      break;
    case SOUP_STATUS_PRECONDITION_FAILED:
      g_set_error (error, RP_DAV_ERROR, RP_DAV_ERROR_PRECONDITION, "%s (HTTP 412, %s)",
                   _("The item changed on the server meanwhile."), url);
      break;
    case SOUP_STATUS_METHOD_NOT_ALLOWED:
    case SOUP_STATUS_NOT_IMPLEMENTED:
      g_set_error (error, RP_DAV_ERROR, RP_DAV_ERROR_NOT_DAV, "%s (HTTP %u, %s %s)",
                   _("This address is not a CalDAV or CardDAV server."), status, method, url);
      break;
    default:
      g_set_error (error, RP_DAV_ERROR, RP_DAV_ERROR_SERVER, "%s (HTTP %u, %s %s)",
                   _("The server failed to answer the request."), status, method, url);
      break;
    }

  return FALSE;
}

typedef struct
{
  guint  status;
  char  *etag;
  char  *location;
  char  *content_type;
  GBytes *body;
} Answer;

static void
answer_clear (Answer *answer)
{
  g_free (answer->etag);
  g_free (answer->location);
  g_free (answer->content_type);
  g_clear_pointer (&answer->body, g_bytes_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Answer, answer_clear)

/* One request; TRUE when an answer came (whatever its status). */
static gboolean
send_request (RpDavClient   *self,
              const char    *method,
              const char    *url,
              const char    *depth,
              const char    *if_match,
              const char    *if_none_match,
              const char    *content_type,
              const char    *body,
              Answer        *answer,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(SoupSession) session = get_session (self);
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GError) local_error = NULL;
  SoupMessageHeaders *headers;
  gint64 started;

  message = soup_message_new (method, url);
  if (message == NULL)
    {
      g_set_error (error, RP_DAV_ERROR, RP_DAV_ERROR_HOST_NOT_FOUND, "%s (%s)",
                   _("The server address is not valid."), url);
      return FALSE;
    }

  headers = soup_message_get_request_headers (message);
  if (self->authorization != NULL)
    soup_message_headers_replace (headers, "Authorization", self->authorization);
  if (depth != NULL)
    soup_message_headers_replace (headers, "Depth", depth);
  if (if_match != NULL)
    soup_message_headers_replace (headers, "If-Match", if_match);
  if (if_none_match != NULL)
    soup_message_headers_replace (headers, "If-None-Match", if_none_match);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (message, content_type, bytes);
    }
  soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);
  g_signal_connect (message, "authenticate", G_CALLBACK (on_authenticate), NULL);

  started = g_get_monotonic_time ();
  answer->body = soup_session_send_and_read (session, message, cancellable, &local_error);

  g_mutex_lock (&self->lock);
  self->n_requests++;
  self->request_seconds += (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;
  g_mutex_unlock (&self->lock);

  if (answer->body == NULL)
    {
      set_transport_error (local_error, error);
      return FALSE;
    }

  headers = soup_message_get_response_headers (message);
  answer->status = soup_message_get_status (message);
  answer->etag = g_strdup (soup_message_headers_get_one (headers, "ETag"));
  answer->location = g_strdup (soup_message_headers_get_one (headers, "Location"));
  answer->content_type = g_strdup (soup_message_headers_get_content_type (headers, NULL));

  return TRUE;
}

/* ── XML ──────────────────────────────────────────────────────────────────────────────── */

static gboolean
is_element (xmlNode    *node,
            const char *ns,
            const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE &&
         strcmp ((const char *) node->name, name) == 0 &&
         node->ns != NULL && node->ns->href != NULL &&
         strcmp ((const char *) node->ns->href, ns) == 0;
}

static xmlNode *
child (xmlNode    *node,
       const char *ns,
       const char *name)
{
  if (node == NULL)
    return NULL;
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (is_element (c, ns, name))
      return c;
  return NULL;
}

static char *
node_text (xmlNode *node)
{
  xmlChar *content;
  char *text;

  if (node == NULL)
    return NULL;
  content = xmlNodeGetContent (node);
  text = g_strdup (g_strstrip ((char *) content));
  xmlFree (content);
  return text;
}

/* The status code of a DAV:status element ("HTTP/1.1 404 Not Found"), or 0. */
static guint
status_code (xmlNode *node)
{
  g_autofree char *text = node_text (node);
  const char *space;

  if (text == NULL || (space = strchr (text, ' ')) == NULL)
    return 0;
  return (guint) g_ascii_strtoull (space + 1, NULL, 10);
}

static xmlDoc *
parse_multistatus (const Answer  *answer,
                   const char    *url,
                   xmlNode      **root,
                   GError       **error)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (answer->body, &size);
  xmlDoc *doc = NULL;

  if (answer->status == 207 && size > 0)
    doc = xmlReadMemory (data, (int) size, url, NULL,
                         XML_PARSE_NONET | XML_PARSE_NOBLANKS | XML_PARSE_NOERROR |
                         XML_PARSE_NOWARNING | XML_PARSE_HUGE);
  if (doc == NULL || !is_element (xmlDocGetRootElement (doc), NS_DAV, "multistatus"))
    {
      if (doc != NULL)
        xmlFreeDoc (doc);
      g_set_error (error, RP_DAV_ERROR, RP_DAV_ERROR_NOT_DAV, "%s (%s)",
                   _("This address is not a CalDAV or CardDAV server."), url);
      return NULL;
    }

  *root = xmlDocGetRootElement (doc);
  return doc;
}

/* The first DAV:prop with a 200 status of @response, or NULL. */
static xmlNode *
ok_prop (xmlNode *response)
{
  for (xmlNode *c = response->children; c != NULL; c = c->next)
    if (is_element (c, NS_DAV, "propstat"))
      {
        guint code = status_code (child (c, NS_DAV, "status"));

        if (code >= 200 && code < 300)
          return child (c, NS_DAV, "prop");
      }
  return NULL;
}

/* A PROPFIND (or REPORT) whose answer must be a multistatus. */
static xmlDoc *
dav_query (RpDavClient   *self,
           const char    *method,
           const char    *url,
           const char    *depth,
           const char    *body,
           xmlNode      **root,
           GCancellable  *cancellable,
           GError       **error)
{
  g_auto (Answer) answer = { 0, };
  g_autofree char *target = g_strdup (url);

  /* Redirects are followed here, keeping the method and body (the well-known URLs answer 301
   * or 302 to the DAV root, which libsoup would turn into a GET). */
  for (guint hops = 0; ; hops++)
    {
      answer_clear (&answer);
      if (!send_request (self, method, target, depth, NULL, NULL,
                         "application/xml; charset=utf-8", body, &answer, cancellable, error))
        return NULL;
      if (!SOUP_STATUS_IS_REDIRECTION (answer.status) || answer.location == NULL || hops == 3)
        break;
      {
        char *next = g_uri_resolve_relative (target, answer.location, G_URI_FLAGS_ENCODED, NULL);

        if (next == NULL)
          break;
        g_free (target);
        target = next;
      }
    }
  if (answer.status != 207 && !check_status (answer.status, method, target, error))
    return NULL;
  return parse_multistatus (&answer, target, root, error);
}

/* ── discovery ────────────────────────────────────────────────────────────────────────── */

static const char propfind_principal[] =
  "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
  "<d:propfind xmlns:d=\"DAV:\"><d:prop><d:current-user-principal/></d:prop></d:propfind>";

static const char propfind_homes[] =
  "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
  "<d:propfind xmlns:d=\"DAV:\" xmlns:c=\"" NS_CALDAV "\" xmlns:a=\"" NS_CARDDAV "\">"
  "<d:prop><c:calendar-home-set/><a:addressbook-home-set/></d:prop></d:propfind>";

static const char propfind_collections[] =
  "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
  "<d:propfind xmlns:d=\"DAV:\"><d:prop><d:resourcetype/><d:displayname/></d:prop>"
  "</d:propfind>";

/* The current-user-principal's URL as answered at @url, or NULL. */
static char *
find_principal (RpDavClient   *self,
                const char    *url,
                GCancellable  *cancellable,
                GError       **error)
{
  xmlNode *root;
  xmlDoc *doc;
  char *principal = NULL;

  doc = dav_query (self, "PROPFIND", url, "0", propfind_principal, &root, cancellable, error);
  if (doc == NULL)
    return NULL;

  for (xmlNode *r = root->children; r != NULL && principal == NULL; r = r->next)
    if (is_element (r, NS_DAV, "response"))
      {
        g_autofree char *href = node_text (child (child (ok_prop (r), NS_DAV,
                                                         "current-user-principal"),
                                                  NS_DAV, "href"));

        if (href != NULL && *href != '\0')
          principal = g_uri_resolve_relative (url, href, G_URI_FLAGS_ENCODED, NULL);
      }
  xmlFreeDoc (doc);

  if (principal == NULL)
    g_set_error (error, RP_DAV_ERROR, RP_DAV_ERROR_NOT_DAV, "%s (%s)",
                 _("This address is not a CalDAV or CardDAV server."), url);
  return principal;
}

static gboolean
find_homes (RpDavClient   *self,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autofree char *principal = NULL;
  g_autoptr(GError) first_error = NULL;
  g_autofree char *calendar_home = NULL;
  g_autofree char *addressbook_home = NULL;
  xmlNode *root;
  xmlDoc *doc;

  /* RFC 6764: the well-known URLs (which redirect to the DAV root), then the address as given,
   * which may already be the root or the principal. */
  {
    g_autofree char *well_known = resolve (self, "/.well-known/caldav");

    principal = find_principal (self, well_known, cancellable, &first_error);
    if (principal == NULL)
      {
        g_autoptr(GError) second_error = NULL;

        if (g_error_matches (first_error, RP_DAV_ERROR, RP_DAV_ERROR_UNAUTHORIZED) ||
            g_error_matches (first_error, RP_DAV_ERROR, RP_DAV_ERROR_HOST_NOT_FOUND) ||
            g_error_matches (first_error, RP_DAV_ERROR, RP_DAV_ERROR_TLS) ||
            g_error_matches (first_error, RP_DAV_ERROR, RP_DAV_ERROR_NETWORK) ||
            g_error_matches (first_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
          {
            g_propagate_error (error, g_steal_pointer (&first_error));
            return FALSE;
          }
        principal = find_principal (self, self->server_url, cancellable, &second_error);
        if (principal == NULL)
          {
            g_propagate_error (error, g_steal_pointer (&second_error));
            return FALSE;
          }
      }
  }

  doc = dav_query (self, "PROPFIND", principal, "0", propfind_homes, &root, cancellable, error);
  if (doc == NULL)
    return FALSE;
  for (xmlNode *r = root->children; r != NULL; r = r->next)
    if (is_element (r, NS_DAV, "response"))
      {
        xmlNode *prop = ok_prop (r);
        g_autofree char *cal = node_text (child (child (prop, NS_CALDAV, "calendar-home-set"),
                                                 NS_DAV, "href"));
        g_autofree char *card = node_text (child (child (prop, NS_CARDDAV,
                                                         "addressbook-home-set"),
                                                  NS_DAV, "href"));

        if (cal != NULL && *cal != '\0' && calendar_home == NULL)
          calendar_home = g_uri_resolve_relative (principal, cal, G_URI_FLAGS_ENCODED, NULL);
        if (card != NULL && *card != '\0' && addressbook_home == NULL)
          addressbook_home = g_uri_resolve_relative (principal, card, G_URI_FLAGS_ENCODED, NULL);
      }
  xmlFreeDoc (doc);

  if (calendar_home == NULL && addressbook_home == NULL)
    {
      g_set_error (error, RP_DAV_ERROR, RP_DAV_ERROR_NOT_DAV, "%s (%s)",
                   _("The server has no calendars or address books for this account."),
                   principal);
      return FALSE;
    }

  g_mutex_lock (&self->lock);
  g_free (self->principal_url);
  self->principal_url = g_steal_pointer (&principal);
  g_free (self->calendar_home);
  self->calendar_home = g_strdup (calendar_home != NULL ? calendar_home : addressbook_home);
  g_free (self->addressbook_home);
  self->addressbook_home = g_strdup (addressbook_home != NULL ? addressbook_home : calendar_home);
  g_mutex_unlock (&self->lock);

  return TRUE;
}

/* Whether two paths name one folder ("/team" and "/team/"). */
static gboolean
same_path (const char *a,
           const char *b)
{
  gsize la = strlen (a);
  gsize lb = strlen (b);

  while (la > 0 && a[la - 1] == '/')
    la--;
  while (lb > 0 && b[lb - 1] == '/')
    lb--;
  return la == lb && strncmp (a, b, la) == 0;
}

typedef enum
{
  MEMBER_OTHER,
  MEMBER_FOLDER,
  MEMBER_CALENDAR,
  MEMBER_ADDRESSBOOK,
} MemberType;

/* One DAV:response of a PROPFIND of resourcetype and displayname, relative to @base: the
 * member's absolute URL in @url (NULL when it has none) and its display name in @name. */
static MemberType
read_member (xmlNode     *response,
             const char  *base,
             char       **url,
             char       **name)
{
  xmlNode *prop = ok_prop (response);
  xmlNode *type = child (prop, NS_DAV, "resourcetype");
  g_autofree char *href = node_text (child (response, NS_DAV, "href"));

  *url = href != NULL ? g_uri_resolve_relative (base, href, G_URI_FLAGS_ENCODED, NULL) : NULL;
  *name = node_text (child (prop, NS_DAV, "displayname"));

  if (child (type, NS_CALDAV, "calendar") != NULL)
    return MEMBER_CALENDAR;
  if (child (type, NS_CARDDAV, "addressbook") != NULL)
    return MEMBER_ADDRESSBOOK;
  if (child (type, NS_DAV, "collection") != NULL)
    return MEMBER_FOLDER;
  return MEMBER_OTHER;
}

/* The calendars and address books at @url (a PROPFIND of Depth 1: the folder itself and its
 * members) added to @found unless @seen has them; the plain collections among its members (not
 * the folder itself) added to @folders when it is not NULL. */
static gboolean
list_folder (RpDavClient   *self,
             const char    *url,
             GPtrArray     *found,
             GHashTable    *seen,
             GPtrArray     *folders,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autofree char *path = url_path (url);
  xmlNode *root;
  xmlDoc *doc;

  doc = dav_query (self, "PROPFIND", url, "1", propfind_collections, &root, cancellable, error);
  if (doc == NULL)
    return FALSE;

  for (xmlNode *r = root->children; r != NULL; r = r->next)
    if (is_element (r, NS_DAV, "response"))
      {
        g_autofree char *member = NULL;
        g_autofree char *name = NULL;
        g_autofree char *member_path = NULL;
        MemberType type = read_member (r, url, &member, &name);

        if (member == NULL)
          continue;
        if (type == MEMBER_FOLDER && folders != NULL)
          {
            member_path = url_path (member);
            if (!same_path (member_path, path))
              g_ptr_array_add (folders, g_steal_pointer (&member));
          }
        else if ((type == MEMBER_CALENDAR || type == MEMBER_ADDRESSBOOK) &&
                 g_hash_table_add (seen, g_strdup (member)))
          g_ptr_array_add (found, rp_dav_collection_new (type == MEMBER_CALENDAR
                                                         ? RP_DAV_COLLECTION_CALENDAR
                                                         : RP_DAV_COLLECTION_ADDRESSBOOK,
                                                         member, name));
      }
  xmlFreeDoc (doc);

  return TRUE;
}

/* The parent folder of @url ("/bob/" → "/"), or NULL for the root. */
static char *
parent_folder (const char *url)
{
  g_autofree char *path = url_path (url);
  gsize len = strlen (path);

  while (len > 0 && path[len - 1] == '/')
    len--;
  while (len > 0 && path[len - 1] != '/')
    len--;
  if (len == 0)
    return NULL;
  path[len] = '\0';
  return g_uri_resolve_relative (url, path, G_URI_FLAGS_ENCODED, NULL);
}

/* How many folders the search for shared collections opens at most. */
#define MAX_SHARED_FOLDERS 24

/* The collections outside the account's home sets that it may use: those at the address the
 * liaison gave (a shared folder such as Radicale's /team/, another principal's folder, or a
 * collection itself), and those in the folders above the home sets (Radicale lists /team/ in
 * its root), each opened one level down. What the server refuses to show is skipped. */
static gboolean
find_shared (RpDavClient   *self,
             const char    *calendar_home,
             const char    *addressbook_home,
             GPtrArray     *found,
             GHashTable    *seen,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GPtrArray) starts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) folders = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) opened = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *given_path = url_path (self->server_url);
  guint n_opened = 0;

  g_hash_table_add (opened, url_path (calendar_home));
  g_hash_table_add (opened, url_path (addressbook_home));

  if (given_path[0] != '\0' && g_strcmp0 (given_path, "/") != 0)
    g_ptr_array_add (starts, g_strdup (self->server_url));
  /* The home sets' folders up to the root, nearest first. */
  for (guint i = 0; i < 2; i++)
    for (char *folder = parent_folder (i == 0 ? calendar_home : addressbook_home);
         folder != NULL; folder = parent_folder (folder))
      g_ptr_array_add (starts, folder);

  for (guint level = 0; level < 2; level++)
    {
      GPtrArray *these = level == 0 ? starts : folders;
      guint n = these->len;

      for (guint i = 0; i < n && n_opened < MAX_SHARED_FOLDERS; i++)
        {
          const char *url = g_ptr_array_index (these, i);
          g_autoptr(GError) local_error = NULL;

          if (url == NULL || !g_hash_table_add (opened, url_path (url)))
            continue;
          n_opened++;
          if (!list_folder (self, url, found, seen, level == 0 ? folders : NULL, cancellable,
                            &local_error))
            {
              if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
                {
                  g_propagate_error (error, g_steal_pointer (&local_error));
                  return FALSE;
                }
              g_debug ("Not listing %s: %s", url, local_error->message);
            }
        }
    }

  return TRUE;
}

static int
compare_collections (gconstpointer a,
                     gconstpointer b)
{
  RpDavCollection *x = *(RpDavCollection **) a;
  RpDavCollection *y = *(RpDavCollection **) b;

  if (rp_dav_collection_get_kind (x) != rp_dav_collection_get_kind (y))
    return (int) rp_dav_collection_get_kind (x) - (int) rp_dav_collection_get_kind (y);
  return g_utf8_collate (rp_dav_collection_get_display_name (x),
                         rp_dav_collection_get_display_name (y));
}

GPtrArray *
rp_dav_client_discover (RpDavClient   *self,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *calendar_home = NULL;
  g_autofree char *addressbook_home = NULL;

  g_return_val_if_fail (RP_IS_DAV_CLIENT (self), NULL);

  if (!find_homes (self, cancellable, error))
    return NULL;

  g_mutex_lock (&self->lock);
  calendar_home = g_strdup (self->calendar_home);
  addressbook_home = g_strdup (self->addressbook_home);
  g_mutex_unlock (&self->lock);

  if (!list_folder (self, calendar_home, found, seen, NULL, cancellable, error))
    return NULL;
  if (g_strcmp0 (calendar_home, addressbook_home) != 0 &&
      !list_folder (self, addressbook_home, found, seen, NULL, cancellable, error))
    return NULL;
  if (!find_shared (self, calendar_home, addressbook_home, found, seen, cancellable, error))
    return NULL;

  g_ptr_array_sort (found, compare_collections);
  return g_steal_pointer (&found);
}

static void
discover_thread (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *found = rp_dav_client_discover (source, cancellable, &error);

  if (found == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, found, (GDestroyNotify) g_ptr_array_unref);
}

void
rp_dav_client_discover_async (RpDavClient         *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RP_IS_DAV_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rp_dav_client_discover_async);
  g_task_run_in_thread (task, discover_thread);
}

GPtrArray *
rp_dav_client_discover_finish (RpDavClient   *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ── a collection typed by hand ───────────────────────────────────────────────────────── */

RpDavCollection *
rp_dav_client_check_collection (RpDavClient   *self,
                                const char    *url,
                                GCancellable  *cancellable,
                                GError       **error)
{
  g_autofree char *typed = NULL;
  g_autofree char *absolute = NULL;
  g_autofree char *path = NULL;
  RpDavCollection *collection = NULL;
  gboolean missing = FALSE;
  xmlNode *root;
  xmlDoc *doc;

  g_return_val_if_fail (RP_IS_DAV_CLIENT (self), NULL);
  g_return_val_if_fail (url != NULL, NULL);

  typed = g_strstrip (g_strdup (url));
  absolute = typed[0] != '\0' ? resolve (self, typed) : NULL;
  if (absolute == NULL)
    {
      g_set_error (error, RP_DAV_ERROR, RP_DAV_ERROR_NOT_COLLECTION, "%s (%s)",
                   _("This is not the address of a calendar or an address book."), url);
      return NULL;
    }
  path = url_path (absolute);

  doc = dav_query (self, "PROPFIND", absolute, "0", propfind_collections, &root, cancellable,
                   error);
  if (doc == NULL)
    return NULL;

  for (xmlNode *r = root->children; r != NULL && collection == NULL; r = r->next)
    if (is_element (r, NS_DAV, "response"))
      {
        g_autofree char *member = NULL;
        g_autofree char *name = NULL;
        g_autofree char *member_path = NULL;
        MemberType type = read_member (r, absolute, &member, &name);

        /* xandikos answers a missing resource with a 207 whose response says 404. */
        if (status_code (child (r, NS_DAV, "status")) == SOUP_STATUS_NOT_FOUND)
          missing = TRUE;
        member_path = member != NULL ? url_path (member) : NULL;
        if (member_path == NULL || !same_path (member_path, path))
          continue;
        if (type == MEMBER_CALENDAR || type == MEMBER_ADDRESSBOOK)
          collection = rp_dav_collection_new (type == MEMBER_CALENDAR
                                              ? RP_DAV_COLLECTION_CALENDAR
                                              : RP_DAV_COLLECTION_ADDRESSBOOK,
                                              member, name);
      }
  xmlFreeDoc (doc);

  if (collection == NULL && missing)
    g_set_error (error, RP_DAV_ERROR, RP_DAV_ERROR_NOT_FOUND, "%s (HTTP 404, %s)",
                 _("The address was not found on the server."), absolute);
  else if (collection == NULL)
    g_set_error (error, RP_DAV_ERROR, RP_DAV_ERROR_NOT_COLLECTION, "%s (%s)",
                 _("This is not the address of a calendar or an address book."), absolute);
  return collection;
}

static void
check_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;
  RpDavCollection *collection = rp_dav_client_check_collection (source, task_data, cancellable,
                                                                &error);

  if (collection == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, collection, g_object_unref);
}

void
rp_dav_client_check_collection_async (RpDavClient         *self,
                                      const char          *url,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RP_IS_DAV_CLIENT (self));
  g_return_if_fail (url != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rp_dav_client_check_collection_async);
  g_task_set_task_data (task, g_strdup (url), g_free);
  g_task_run_in_thread (task, check_thread);
}

RpDavCollection *
rp_dav_client_check_collection_finish (RpDavClient   *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ── creating collections ─────────────────────────────────────────────────────────────── */

/* A path segment for @display_name: lower-case letters, digits and dashes, with a random tail
 * so that two collections of one name do not collide. */
static char *
collection_segment (const char *display_name)
{
  g_autofree char *ascii = g_str_to_ascii (display_name, "C");
  GString *out = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0' && out->len < 40; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (out, g_ascii_tolower (*p));
      else if (out->len > 0 && out->str[out->len - 1] != '-')
        g_string_append_c (out, '-');
    }
  while (out->len > 0 && out->str[out->len - 1] == '-')
    g_string_truncate (out, out->len - 1);
  if (out->len == 0)
    g_string_append (out, "rapport");
  g_string_append_printf (out, "-%08x/", g_random_int ());

  return g_string_free (out, FALSE);
}

RpDavCollection *
rp_dav_client_create_collection_at (RpDavClient          *self,
                                    RpDavCollectionKind   kind,
                                    const char           *url,
                                    const char           *display_name,
                                    GCancellable         *cancellable,
                                    GError              **error)
{
  g_autofree char *absolute = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *body = NULL;
  g_auto (Answer) answer = { 0, };
  gboolean calendar = kind == RP_DAV_COLLECTION_CALENDAR;
  const char *method = calendar ? "MKCALENDAR" : "MKCOL";

  g_return_val_if_fail (RP_IS_DAV_CLIENT (self), NULL);
  g_return_val_if_fail (url != NULL && display_name != NULL, NULL);

  absolute = resolve (self, url);
  escaped = g_markup_escape_text (display_name, -1);
  if (calendar)
    body = g_strdup_printf ("<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                            "<c:mkcalendar xmlns:d=\"DAV:\" xmlns:c=\"" NS_CALDAV "\">"
                            "<d:set><d:prop><d:displayname>%s</d:displayname>"
                            "<c:supported-calendar-component-set><c:comp name=\"VEVENT\"/>"
                            "</c:supported-calendar-component-set></d:prop></d:set>"
                            "</c:mkcalendar>", escaped);
  else
    body = g_strdup_printf ("<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                            "<d:mkcol xmlns:d=\"DAV:\" xmlns:a=\"" NS_CARDDAV "\">"
                            "<d:set><d:prop><d:resourcetype><d:collection/><a:addressbook/>"
                            "</d:resourcetype><d:displayname>%s</d:displayname></d:prop>"
                            "</d:set></d:mkcol>", escaped);

  if (!send_request (self, method, absolute, NULL, NULL, NULL, "application/xml; charset=utf-8",
                     body, &answer, cancellable, error) ||
      !check_status (answer.status, method, absolute, error))
    return NULL;

  return rp_dav_collection_new (kind, absolute, display_name);
}

RpDavCollection *
rp_dav_client_create_collection (RpDavClient          *self,
                                 RpDavCollectionKind   kind,
                                 const char           *display_name,
                                 GCancellable         *cancellable,
                                 GError              **error)
{
  g_autofree char *home = NULL;
  g_autofree char *segment = NULL;
  g_autofree char *url = NULL;
  gboolean calendar = kind == RP_DAV_COLLECTION_CALENDAR;

  g_return_val_if_fail (RP_IS_DAV_CLIENT (self), NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  g_mutex_lock (&self->lock);
  home = g_strdup (calendar ? self->calendar_home : self->addressbook_home);
  g_mutex_unlock (&self->lock);
  if (home == NULL)
    {
      if (!find_homes (self, cancellable, error))
        return NULL;
      g_mutex_lock (&self->lock);
      home = g_strdup (calendar ? self->calendar_home : self->addressbook_home);
      g_mutex_unlock (&self->lock);
    }

  segment = collection_segment (display_name);
  url = g_uri_resolve_relative (home, segment, G_URI_FLAGS_ENCODED, NULL);
  return rp_dav_client_create_collection_at (self, kind, url, display_name, cancellable, error);
}

typedef struct
{
  RpDavCollectionKind kind;
  char *display_name;
} CreateData;

static void
create_data_free (CreateData *data)
{
  g_free (data->display_name);
  g_free (data);
}

static void
create_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  CreateData *data = task_data;
  GError *error = NULL;
  RpDavCollection *made;

  made = rp_dav_client_create_collection (source, data->kind, data->display_name,
                                          cancellable, &error);
  if (made == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, made, g_object_unref);
}

void
rp_dav_client_create_collection_async (RpDavClient         *self,
                                       RpDavCollectionKind  kind,
                                       const char          *display_name,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  CreateData *data;

  g_return_if_fail (RP_IS_DAV_CLIENT (self));
  g_return_if_fail (display_name != NULL);

  data = g_new0 (CreateData, 1);
  data->kind = kind;
  data->display_name = g_strdup (display_name);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rp_dav_client_create_collection_async);
  g_task_set_task_data (task, data, (GDestroyNotify) create_data_free);
  g_task_run_in_thread (task, create_thread);
}

RpDavCollection *
rp_dav_client_create_collection_finish (RpDavClient   *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ── resources ────────────────────────────────────────────────────────────────────────── */

char *
rp_dav_client_put (RpDavClient   *self,
                   const char    *href,
                   const char    *content_type,
                   const char    *data,
                   const char    *etag,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autofree char *url = NULL;
  g_auto (Answer) answer = { 0, };

  g_return_val_if_fail (RP_IS_DAV_CLIENT (self), NULL);
  g_return_val_if_fail (href != NULL && content_type != NULL && data != NULL, NULL);

  url = resolve (self, href);
  if (!send_request (self, "PUT", url, NULL, etag, etag == NULL ? "*" : NULL, content_type,
                     data, &answer, cancellable, error) ||
      !check_status (answer.status, "PUT", url, error))
    return NULL;

  return g_strdup (answer.etag != NULL ? answer.etag : "");
}

gboolean
rp_dav_client_delete (RpDavClient   *self,
                      const char    *href,
                      const char    *etag,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autofree char *url = NULL;
  g_auto (Answer) answer = { 0, };

  g_return_val_if_fail (RP_IS_DAV_CLIENT (self), FALSE);
  g_return_val_if_fail (href != NULL, FALSE);

  url = resolve (self, href);
  if (!send_request (self, "DELETE", url, NULL, etag, NULL, NULL, NULL, &answer, cancellable,
                     error))
    return FALSE;
  if (answer.status == SOUP_STATUS_NOT_FOUND || answer.status == SOUP_STATUS_GONE)
    return TRUE;
  return check_status (answer.status, "DELETE", url, error);
}

RpDavResource *
rp_dav_client_get (RpDavClient   *self,
                   const char    *href,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autofree char *url = NULL;
  g_autofree char *path = NULL;
  g_auto (Answer) answer = { 0, };
  gsize size = 0;
  const char *data;
  g_autofree char *text = NULL;

  g_return_val_if_fail (RP_IS_DAV_CLIENT (self), NULL);
  g_return_val_if_fail (href != NULL, NULL);

  url = resolve (self, href);
  if (!send_request (self, "GET", url, NULL, NULL, NULL, NULL, NULL, &answer, cancellable,
                     error) ||
      !check_status (answer.status, "GET", url, error))
    return NULL;

  data = g_bytes_get_data (answer.body, &size);
  text = g_strndup (data, size);
  path = url_path (url);
  return resource_new (path, answer.etag, text, FALSE);
}

/* The members of a multistatus: href, ETag, body (calendar-data or address-data) and whether
 * it is gone (a 404 response). The collection itself (href equal to @collection_path) is
 * skipped. */
static GPtrArray *
read_members (xmlNode    *root,
              const char *collection_path,
              char      **sync_token)
{
  g_autoptr(GPtrArray) members = NULL;

  members = g_ptr_array_new_with_free_func ((GDestroyNotify) rp_dav_resource_free);

  for (xmlNode *r = root->children; r != NULL; r = r->next)
    {
      g_autofree char *raw_href = NULL;
      g_autofree char *href = NULL;
      xmlNode *prop;
      guint code;

      if (is_element (r, NS_DAV, "sync-token") && sync_token != NULL)
        {
          g_free (*sync_token);
          *sync_token = node_text (r);
          continue;
        }
      if (!is_element (r, NS_DAV, "response"))
        continue;

      raw_href = node_text (child (r, NS_DAV, "href"));
      if (raw_href == NULL)
        continue;
      href = url_path (raw_href);
      {
        g_autofree char *a = g_uri_unescape_string (href, NULL);
        g_autofree char *b = g_uri_unescape_string (collection_path, NULL);

        if (g_strcmp0 (a, b) == 0 || g_str_has_suffix (href, "/"))
          continue;
      }

      code = status_code (child (r, NS_DAV, "status"));
      if (code == 404 || code == 410)
        {
          g_ptr_array_add (members, resource_new (href, NULL, NULL, TRUE));
          continue;
        }

      prop = ok_prop (r);
      if (prop == NULL)
        {
          /* A multiget answer for a member gone meanwhile has only a 404 propstat. */
          g_ptr_array_add (members, resource_new (href, NULL, NULL, TRUE));
          continue;
        }

      {
        g_autofree char *etag = node_text (child (prop, NS_DAV, "getetag"));
        xmlNode *data_node = child (prop, NS_CALDAV, "calendar-data");
        g_autofree char *data = NULL;

        if (data_node == NULL)
          data_node = child (prop, NS_CARDDAV, "address-data");
        if (data_node != NULL)
          {
            xmlChar *content = xmlNodeGetContent (data_node);

            data = g_strdup ((const char *) content);
            xmlFree (content);
          }
        g_ptr_array_add (members, resource_new (href, etag, data, FALSE));
      }
    }

  return g_steal_pointer (&members);
}

GPtrArray *
rp_dav_client_sync_collection (RpDavClient   *self,
                               const char    *collection_url,
                               const char    *token,
                               char         **new_token,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autofree char *url = NULL;
  g_autofree char *path = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *body = NULL;
  g_autofree char *next = NULL;
  g_auto (Answer) answer = { 0, };
  GPtrArray *members;
  xmlNode *root;
  xmlDoc *doc;

  g_return_val_if_fail (RP_IS_DAV_CLIENT (self), NULL);
  g_return_val_if_fail (collection_url != NULL, NULL);

  url = resolve (self, collection_url);
  path = url_path (url);
  escaped = g_markup_escape_text (token != NULL ? token : "", -1);
  body = g_strdup_printf ("<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                          "<d:sync-collection xmlns:d=\"DAV:\">"
                          "<d:sync-token>%s</d:sync-token><d:sync-level>1</d:sync-level>"
                          "<d:prop><d:getetag/></d:prop></d:sync-collection>", escaped);

  if (!send_request (self, "REPORT", url, "0", NULL, NULL, "application/xml; charset=utf-8",
                     body, &answer, cancellable, error))
    return NULL;

  /* A token the server no longer knows (Radicale: 403 valid-sync-token; xandikos: 500). */
  if (token != NULL && *token != '\0' &&
      (answer.status == SOUP_STATUS_FORBIDDEN || answer.status == SOUP_STATUS_CONFLICT ||
       answer.status >= 500))
    {
      g_set_error (error, RP_DAV_ERROR, RP_DAV_ERROR_INVALID_TOKEN, "%s (HTTP %u)",
                   _("The server no longer knows what was synced; everything is compared again."),
                   answer.status);
      return NULL;
    }
  if (answer.status != 207)
    {
      if (answer.status == SOUP_STATUS_FORBIDDEN || answer.status >= 500 ||
          answer.status == SOUP_STATUS_NOT_IMPLEMENTED || answer.status == SOUP_STATUS_BAD_REQUEST)
        {
          /* No sync-collection at all: the caller lists the collection. */
          if (answer.status != SOUP_STATUS_FORBIDDEN || token == NULL || *token == '\0')
            {
              g_set_error (error, RP_DAV_ERROR, RP_DAV_ERROR_INVALID_TOKEN,
                           "sync-collection refused (HTTP %u)", answer.status);
              return NULL;
            }
        }
      check_status (answer.status, "REPORT", url, error);
      return NULL;
    }

  doc = parse_multistatus (&answer, url, &root, error);
  if (doc == NULL)
    return NULL;
  members = read_members (root, path, &next);
  xmlFreeDoc (doc);

  if (new_token != NULL)
    *new_token = g_steal_pointer (&next);
  return members;
}

GPtrArray *
rp_dav_client_list (RpDavClient   *self,
                    const char    *collection_url,
                    GCancellable  *cancellable,
                    GError       **error)
{
  static const char body[] =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
    "<d:propfind xmlns:d=\"DAV:\"><d:prop><d:getetag/></d:prop></d:propfind>";
  g_autofree char *url = NULL;
  g_autofree char *path = NULL;
  GPtrArray *members;
  xmlNode *root;
  xmlDoc *doc;

  g_return_val_if_fail (RP_IS_DAV_CLIENT (self), NULL);

  url = resolve (self, collection_url);
  path = url_path (url);
  doc = dav_query (self, "PROPFIND", url, "1", body, &root, cancellable, error);
  if (doc == NULL)
    return NULL;
  members = read_members (root, path, NULL);
  xmlFreeDoc (doc);

  /* A PROPFIND lists what is there: nothing it names is gone. */
  for (guint i = members->len; i > 0; i--)
    if (((RpDavResource *) g_ptr_array_index (members, i - 1))->deleted)
      g_ptr_array_remove_index (members, i - 1);

  return members;
}

GPtrArray *
rp_dav_client_multiget (RpDavClient          *self,
                        const char           *collection_url,
                        RpDavCollectionKind   kind,
                        const char * const   *hrefs,
                        GCancellable         *cancellable,
                        GError              **error)
{
  gboolean calendar = kind == RP_DAV_COLLECTION_CALENDAR;
  g_autofree char *url = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  GPtrArray *members;
  xmlNode *root;
  xmlDoc *doc;

  g_return_val_if_fail (RP_IS_DAV_CLIENT (self), NULL);
  g_return_val_if_fail (hrefs != NULL, NULL);

  url = resolve (self, collection_url);
  path = url_path (url);
  g_string_append_printf (body,
                          "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                          "<x:%s xmlns:d=\"DAV:\" xmlns:x=\"%s\"><d:prop><d:getetag/>"
                          "<x:%s/></d:prop>",
                          calendar ? "calendar-multiget" : "addressbook-multiget",
                          calendar ? NS_CALDAV : NS_CARDDAV,
                          calendar ? "calendar-data" : "address-data");
  for (guint i = 0; hrefs[i] != NULL; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (hrefs[i], -1);

      g_string_append_printf (body, "<d:href>%s</d:href>", escaped);
    }
  g_string_append_printf (body, "</x:%s>",
                          calendar ? "calendar-multiget" : "addressbook-multiget");

  doc = dav_query (self, "REPORT", url, "1", body->str, &root, cancellable, error);
  if (doc == NULL)
    return NULL;
  members = read_members (root, path, NULL);
  xmlFreeDoc (doc);

  return members;
}
