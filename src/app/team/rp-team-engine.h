/* rp-team-engine.h: the one RpSyncEngine of an open database, shared by the window (status,
 * banner) and Preferences → Team.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rp-context.h"
#include "rp-sync-engine.h"

G_BEGIN_DECLS

/* The engine of @context's database, made on first use: it watches the context's store and syncs
 * automatically when an account is configured. NULL for a database in memory (nothing to sync
 * from a worker thread). Borrowed: the context owns it. */
RpSyncEngine *rp_team_engine_get        (RpContext    *context);

/* Runs one sync (Sync Now, Retry) and shows the report's notices as toasts where @widget is;
 * a failure shows in the engine's state and the window's banner. */
void          rp_team_engine_sync_now   (RpSyncEngine *engine,
                                         GtkWidget    *widget);

/* Toasts for the report's notices ("Dr. Lee was deleted on the server but edited here…"). */
void          rp_team_engine_show_notices (RpSyncReport *report,
                                           GtkWidget    *widget);

G_END_DECLS
