/* rp-dav-collection.h: a calendar or an address book found on a DAV server.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  RP_DAV_COLLECTION_CALENDAR,
  RP_DAV_COLLECTION_ADDRESSBOOK,
} RpDavCollectionKind;

#define RP_TYPE_DAV_COLLECTION (rp_dav_collection_get_type ())
G_DECLARE_FINAL_TYPE (RpDavCollection, rp_dav_collection, RP, DAV_COLLECTION, GObject)

/* Properties: "url" (absolute), "display-name" (the last path segment when the server gives
 * none), "kind" (an RpDavCollectionKind as int). */
RpDavCollection     *rp_dav_collection_new              (RpDavCollectionKind  kind,
                                                         const char          *url,
                                                         const char          *display_name);
RpDavCollectionKind  rp_dav_collection_get_kind         (RpDavCollection     *self);
const char          *rp_dav_collection_get_url          (RpDavCollection     *self);
const char          *rp_dav_collection_get_display_name (RpDavCollection     *self);

G_END_DECLS
