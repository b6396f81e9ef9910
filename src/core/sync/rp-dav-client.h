/* rp-dav-client.h: a WebDAV/CalDAV/CardDAV client on libsoup 3 and libxml2.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rp-dav-collection.h"

G_BEGIN_DECLS

#define RP_DAV_ERROR (rp_dav_error_quark ())

/* Each error's message is one a liaison understands ("The server rejected the user name or
 * password."), with the technical detail after it. */
typedef enum
{
  RP_DAV_ERROR_HOST_NOT_FOUND,  /* the name does not resolve */
  RP_DAV_ERROR_TLS,             /* the certificate is not trusted or the handshake failed */
  RP_DAV_ERROR_UNAUTHORIZED,    /* 401: wrong user name or password */
  RP_DAV_ERROR_FORBIDDEN,       /* 403: the account may not do this */
  RP_DAV_ERROR_NOT_DAV,         /* the address answers but is not a CalDAV/CardDAV server */
  RP_DAV_ERROR_NETWORK,         /* offline, refused, timed out, cut */
  RP_DAV_ERROR_SERVER,          /* a 5xx or an answer that cannot be read */
  RP_DAV_ERROR_PRECONDITION,    /* 412: the resource changed (or exists) on the server */
  RP_DAV_ERROR_NOT_FOUND,       /* 404 */
  RP_DAV_ERROR_INVALID_TOKEN,   /* sync-collection refused the token: resync from scratch */
  RP_DAV_ERROR_NOT_COLLECTION,  /* the address is no calendar or address book */
} RpDavError;

/* One resource of a collection: its href (absolute path), ETag, and (when fetched) its body. */
typedef struct
{
  char   *href;
  char   *etag;      /* NULL for a deleted member in a sync-collection answer */
  char   *data;      /* the vCard or iCalendar text; NULL when not fetched */
  gboolean deleted;  /* the member is gone (404 in a sync-collection answer) */
} RpDavResource;

void           rp_dav_resource_free                 (RpDavResource *resource);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpDavResource, rp_dav_resource_free)

#define RP_TYPE_DAV_CLIENT (rp_dav_client_get_type ())
G_DECLARE_FINAL_TYPE (RpDavClient, rp_dav_client, RP, DAV_CLIENT, GObject)

GQuark         rp_dav_error_quark                   (void);

/* A client for @server_url. Requests carry Basic credentials pre-emptively (libsoup 3.2 does not
 * resend a body after a 401 challenge). */
RpDavClient   *rp_dav_client_new                    (const char    *server_url,
                                                     const char    *user,
                                                     const char    *password);
const char    *rp_dav_client_get_server_url         (RpDavClient   *self);
/* Seconds per request (default 30). */
void           rp_dav_client_set_timeout            (RpDavClient   *self,
                                                     guint          seconds);
/* Statistics since creation: requests made, and seconds spent waiting for the server. */
guint          rp_dav_client_get_n_requests         (RpDavClient   *self);
double         rp_dav_client_get_request_seconds    (RpDavClient   *self);

/* Discovery: RFC 6764 well-known URLs (/.well-known/caldav, /.well-known/carddav), then
 * PROPFIND current-user-principal, calendar-home-set and addressbook-home-set, then the
 * collections in each home; then the shared ones the account may use outside its homes: those
 * at the server address when it has a path (a team folder such as Radicale's /team/, another
 * principal's folder, or a collection itself) and those in the folders beside the home sets
 * (Radicale's root lists /team/), one level down, what the server refuses skipped. The result
 * holds RpDavCollection items (calendars then address books); an empty array when the account
 * has none yet. Also fills the home set URLs used by create_collection. */
GPtrArray     *rp_dav_client_discover               (RpDavClient   *self,
                                                     GCancellable  *cancellable,
                                                     GError       **error);
void           rp_dav_client_discover_async         (RpDavClient          *self,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
GPtrArray     *rp_dav_client_discover_finish        (RpDavClient          *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* The calendar or address book at @url (a path or an absolute URL typed by hand: a shared
 * collection the discovery does not list), checked by a PROPFIND of its resourcetype.
 * RP_DAV_ERROR_NOT_COLLECTION when it is neither, RP_DAV_ERROR_NOT_FOUND when nothing is
 * there. */
RpDavCollection *rp_dav_client_check_collection     (RpDavClient          *self,
                                                     const char           *url,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
void           rp_dav_client_check_collection_async (RpDavClient          *self,
                                                     const char           *url,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
RpDavCollection *rp_dav_client_check_collection_finish (RpDavClient       *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* Creates a calendar (MKCALENDAR) or an address book (extended MKCOL) named @display_name in the
 * account's home set (discovering it first when needed). */
RpDavCollection *rp_dav_client_create_collection    (RpDavClient          *self,
                                                     RpDavCollectionKind   kind,
                                                     const char           *display_name,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
/* The same at @url (a path or an absolute URL), for a shared team collection outside the home
 * set (Radicale's /team/partners/). */
RpDavCollection *rp_dav_client_create_collection_at (RpDavClient          *self,
                                                     RpDavCollectionKind   kind,
                                                     const char           *url,
                                                     const char           *display_name,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
void           rp_dav_client_create_collection_async (RpDavClient         *self,
                                                     RpDavCollectionKind   kind,
                                                     const char           *display_name,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
RpDavCollection *rp_dav_client_create_collection_finish (RpDavClient      *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* The synchronous calls below block: the sync engine makes them on its worker thread. */

/* PUT @data (@content_type "text/vcard; charset=utf-8" or "text/calendar; charset=utf-8") to
 * @href (a path or an absolute URL). @etag NULL creates (If-None-Match: *), otherwise updates
 * (If-Match). RP_DAV_ERROR_PRECONDITION when the resource exists (create) or changed (update).
 * Returns the new ETag, or an empty string when the server gave none. */
char          *rp_dav_client_put                    (RpDavClient   *self,
                                                     const char    *href,
                                                     const char    *content_type,
                                                     const char    *data,
                                                     const char    *etag,
                                                     GCancellable  *cancellable,
                                                     GError       **error);
/* DELETE @href, with If-Match when @etag is set. A resource already gone is a success. */
gboolean       rp_dav_client_delete                 (RpDavClient   *self,
                                                     const char    *href,
                                                     const char    *etag,
                                                     GCancellable  *cancellable,
                                                     GError       **error);
/* GET @href: its body and ETag. */
RpDavResource *rp_dav_client_get                    (RpDavClient   *self,
                                                     const char    *href,
                                                     GCancellable  *cancellable,
                                                     GError       **error);
/* sync-collection (RFC 6578) on @collection_url from @token (NULL or "" for the first sync):
 * the changed members (href + ETag, deleted ones flagged) and, in @new_token, the token to
 * give next time. RP_DAV_ERROR_INVALID_TOKEN when the server refuses the token (Radicale
 * answers 403, xandikos 500): the caller lists the collection instead. */
GPtrArray     *rp_dav_client_sync_collection        (RpDavClient   *self,
                                                     const char    *collection_url,
                                                     const char    *token,
                                                     char         **new_token,
                                                     GCancellable  *cancellable,
                                                     GError       **error);
/* PROPFIND Depth: 1: every member of @collection_url with its ETag (a full resync). */
GPtrArray     *rp_dav_client_list                   (RpDavClient   *self,
                                                     const char    *collection_url,
                                                     GCancellable  *cancellable,
                                                     GError       **error);
/* calendar-multiget or addressbook-multiget (by @kind) of @hrefs: the resources with bodies.
 * Members gone meanwhile come back flagged deleted. */
GPtrArray     *rp_dav_client_multiget               (RpDavClient          *self,
                                                     const char           *collection_url,
                                                     RpDavCollectionKind   kind,
                                                     const char * const   *hrefs,
                                                     GCancellable         *cancellable,
                                                     GError              **error);

G_END_DECLS
