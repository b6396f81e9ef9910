/* rp-store-sync.h: what team sync keeps in the database: per object the server's href, ETag
 * and base copy, the queue of local changes, and the writes of what the server sent.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rp-planned-visit.h"
#include "rp-store.h"

G_BEGIN_DECLS

typedef enum
{
  RP_SYNC_KIND_PARTNER,
  RP_SYNC_KIND_VISIT,
} RpSyncKind;

/* What the server holds of one partner or visit. */
typedef struct
{
  RpSyncKind  kind;
  char       *uuid;
  char       *href;       /* the resource's path on the server */
  char       *etag;       /* "" when the server gave none */
  char       *base;       /* the vCard or iCalendar text last agreed with the server */
  char       *last_seen;  /* ISO-8601 UTC */
} RpSyncObject;

/* A local change waiting to be sent: the object's current state is to be put, or it was
 * deleted. */
typedef struct
{
  RpSyncKind  kind;
  char       *uuid;
  gboolean    deleted;
  char       *changed_at; /* ISO-8601 UTC with milliseconds */
} RpSyncChange;

void            rp_sync_object_free               (RpSyncObject  *object);
void            rp_sync_change_free               (RpSyncChange  *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpSyncObject, rp_sync_object_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpSyncChange, rp_sync_change_free)

/* NULL without an error when the object was never synced. */
RpSyncObject   *rp_store_sync_get_object          (RpStore       *self,
                                                   RpSyncKind     kind,
                                                   const char    *uuid,
                                                   GError       **error);
RpSyncObject   *rp_store_sync_find_href           (RpStore       *self,
                                                   RpSyncKind     kind,
                                                   const char    *href,
                                                   GError       **error);
/* Every synced object of @kind (RpSyncObject). */
GPtrArray      *rp_store_sync_list_objects        (RpStore       *self,
                                                   RpSyncKind     kind,
                                                   GError       **error);
/* Inserts or replaces; last_seen becomes now. */
gboolean        rp_store_sync_save_object         (RpStore       *self,
                                                   RpSyncKind     kind,
                                                   const char    *uuid,
                                                   const char    *href,
                                                   const char    *etag,
                                                   const char    *base,
                                                   GError       **error);
gboolean        rp_store_sync_forget_object       (RpStore       *self,
                                                   RpSyncKind     kind,
                                                   const char    *uuid,
                                                   GError       **error);

/* The local changes of @kind, oldest first (RpSyncChange). */
GPtrArray      *rp_store_sync_list_changes        (RpStore       *self,
                                                   RpSyncKind     kind,
                                                   GError       **error);
RpSyncChange   *rp_store_sync_get_change          (RpStore       *self,
                                                   RpSyncKind     kind,
                                                   const char    *uuid,
                                                   GError       **error);
guint           rp_store_sync_count_changes       (RpStore       *self);
/* Removes the change once sent, unless the object changed again since @changed_at. */
gboolean        rp_store_sync_done_change         (RpStore       *self,
                                                   RpSyncKind     kind,
                                                   const char    *uuid,
                                                   const char    *changed_at,
                                                   GError       **error);
/* Queues a change by hand (an edit kept against a deletion on the server is sent again). */
gboolean        rp_store_sync_queue_change        (RpStore       *self,
                                                   RpSyncKind     kind,
                                                   const char    *uuid,
                                                   gboolean       deleted,
                                                   GError       **error);
/* While quiet (inside the caller's transaction), the writes below and the partner writes of
 * rp-store-partners.h queue no change: they come from the server. */
gboolean        rp_store_sync_set_quiet           (RpStore       *self,
                                                   gboolean       quiet,
                                                   GError       **error);
/* The team account's keys in meta (its settings are rp-sync-account.c's): an account is set up
 * when both are there. */
#define RP_STORE_SYNC_META_SERVER_URL "sync-server-url"
#define RP_STORE_SYNC_META_USER       "sync-user"

/* Whether a team account is set up. Without one the partner import leaves the queue alone
 * (rp_store_begin_import_write), so saving the first account resets the queue. */
gboolean        rp_store_sync_has_account         (RpStore       *self,
                                                   GError       **error);
/* Forgets everything synced (another server, user or collection): no objects, no tokens, and
 * every partner and visit queued to be sent. One transaction. */
gboolean        rp_store_sync_reset               (RpStore       *self,
                                                   GError       **error);

/* Gives the partner @partner_id the UUID @uuid (two liaisons added the same physician: the
 * team keeps one card). Its queued change and synced state follow it. */
gboolean        rp_store_sync_change_partner_uuid (RpStore       *self,
                                                   gint64         partner_id,
                                                   const char    *uuid,
                                                   GError       **error);

/* The visit with @uuid; NULL without an error when there is none. */
RpPlannedVisit *rp_store_sync_find_visit          (RpStore       *self,
                                                   const char    *uuid,
                                                   GError       **error);
/* Writes a visit received from the server: inserts it (by its UUID) or updates its partner,
 * day, start time, objective, status and liaison. A visit new to a day goes after its others. */
gboolean        rp_store_sync_write_visit         (RpStore        *self,
                                                   RpPlannedVisit *visit,
                                                   GError        **error);
/* Deletes the visit with @uuid; none is no error. */
gboolean        rp_store_sync_delete_visit        (RpStore       *self,
                                                   const char    *uuid,
                                                   GError       **error);

/* Emits "partners-changed", "visits-changed" and "records-changed": another connection (the
 * sync engine's) wrote partners and visits. */
void            rp_store_sync_emit_changed        (RpStore       *self);

G_END_DECLS
