/* rp-sync-status.h: the team sync line at the foot of the window's sidebar ("Synced 2 min
 * ago", "Syncing…", "3 changes waiting", "Offline"); a click syncs now.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rp-sync-engine.h"

G_BEGIN_DECLS

#define RP_TYPE_SYNC_STATUS (rp_sync_status_get_type ())
G_DECLARE_FINAL_TYPE (RpSyncStatus, rp_sync_status, RP, SYNC_STATUS, GtkWidget)

/* Properties: "engine" (RpSyncEngine or NULL: hidden), "text" (read-only: the line shown). */
GtkWidget    *rp_sync_status_new        (void);
RpSyncEngine *rp_sync_status_get_engine (RpSyncStatus *self);
void          rp_sync_status_set_engine (RpSyncStatus *self,
                                         RpSyncEngine *engine);
const char   *rp_sync_status_get_text   (RpSyncStatus *self);

G_END_DECLS
