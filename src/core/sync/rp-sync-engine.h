/* rp-sync-engine.h: keeps a database's partners and planned visits in step with the team's
 * CardDAV address book and CalDAV calendar.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rp-sync-account.h"
#include "rp-sync-report.h"
#include "rp-types.h"

G_BEGIN_DECLS

#define RP_SYNC_ERROR (rp_sync_error_quark ())

typedef enum
{
  RP_SYNC_ERROR_NOT_CONFIGURED,  /* no account for this database */
  RP_SYNC_ERROR_NO_PASSWORD,     /* none in the keyring and none given */
  RP_SYNC_ERROR_BUSY,            /* a sync is already running */
  RP_SYNC_ERROR_FAILED,
} RpSyncError;

typedef enum
{
  RP_SYNC_STATE_NOT_CONFIGURED,
  RP_SYNC_STATE_IDLE,
  RP_SYNC_STATE_SYNCING,
  RP_SYNC_STATE_OFFLINE,   /* the last try could not reach the server; changes wait */
  RP_SYNC_STATE_FAILED,    /* the server refused (password, rights) or answered nonsense */
} RpSyncState;

GType rp_sync_state_get_type (void) G_GNUC_CONST;
#define RP_TYPE_SYNC_STATE (rp_sync_state_get_type ())

#define RP_TYPE_SYNC_ENGINE (rp_sync_engine_get_type ())
G_DECLARE_FINAL_TYPE (RpSyncEngine, rp_sync_engine, RP, SYNC_ENGINE, GObject)

GQuark          rp_sync_error_quark              (void);

/* An engine for the database at @database_path. It reads the account from the database and
 * syncs on a worker thread with its own SQLite connection; the calling thread never waits on
 * the network. Properties (read-only, notified on the thread that created the engine):
 *   "state"           RpSyncState
 *   "last-synced"     GDateTime (boxed), NULL before the first successful sync
 *   "pending-changes" guint: local changes not yet on the server
 *   "last-error"      string: the reason of the last failure, NULL after a success */
RpSyncEngine   *rp_sync_engine_new               (const char     *database_path);
const char     *rp_sync_engine_get_database_path (RpSyncEngine   *self);
RpSyncState     rp_sync_engine_get_state         (RpSyncEngine   *self);
GDateTime      *rp_sync_engine_get_last_synced   (RpSyncEngine   *self);
guint           rp_sync_engine_get_pending_changes (RpSyncEngine *self);
const char     *rp_sync_engine_get_last_error    (RpSyncEngine   *self);

/* The password to use instead of the keyring's (the command line's RAPPORT_SYNC_PASSWORD, the
 * tests). NULL goes back to the keyring. */
void            rp_sync_engine_set_password      (RpSyncEngine   *self,
                                                  const char     *password);

/* Watches @store (the window's connection to the same database): a change to it refreshes
 * "pending-changes" and, when automatic, schedules a sync; after a sync that brought changes,
 * @store emits its change signals so the pages re-read. NULL stops watching. */
void            rp_sync_engine_watch_store       (RpSyncEngine   *self,
                                                  RpStore        *store);

/* Re-reads the account and the pending changes from the database (after Preferences saved an
 * account). */
void            rp_sync_engine_reload            (RpSyncEngine   *self);

/* One sync: push the queue of local changes, pull the server's, merge. */
void            rp_sync_engine_sync_async        (RpSyncEngine        *self,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
RpSyncReport   *rp_sync_engine_sync_finish       (RpSyncEngine        *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);
/* The same, blocking the calling thread (the command line, tests, the benchmark). */
RpSyncReport   *rp_sync_engine_sync              (RpSyncEngine        *self,
                                                  GCancellable        *cancellable,
                                                  GError             **error);

/* Automatic syncing: on start, a few seconds after a local change, every few minutes, and when
 * the network comes back (GNetworkMonitor). Off by default. Each such sync that succeeds emits
 * "automatic-synced" (RpSyncReport *report) on the main context, so its notices can be shown. */
void            rp_sync_engine_set_automatic     (RpSyncEngine   *self,
                                                  gboolean        automatic);
gboolean        rp_sync_engine_get_automatic     (RpSyncEngine   *self);

G_END_DECLS
