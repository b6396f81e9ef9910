/* rp-sync-run.h: one sync of a database with its team account (what RpSyncEngine runs on its
 * worker thread).
 *
 * Order: partners before visits (a visit names its partner); for each, the server's changes
 * first (so that a partner two liaisons added merges before it is sent twice), then the local
 * queue. Every local write is one transaction with the bookkeeping that goes with it (the
 * object's ETag and base, the queue entry), so a sync cut short by a crash, the network or a
 * server restart leaves the queue as it was for what was not done, and the next one resumes.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rp-dav-client.h"
#include "rp-sync-account.h"
#include "rp-sync-report.h"
#include "rp-types.h"

G_BEGIN_DECLS

/* Syncs @store with @client (already holding the password) and @account's collections. */
RpSyncReport *rp_sync_run (RpStore        *store,
                           RpSyncAccount  *account,
                           RpDavClient    *client,
                           GCancellable   *cancellable,
                           GError        **error);

G_END_DECLS
