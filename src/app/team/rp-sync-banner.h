/* rp-sync-banner.h: the window's problem banner for team sync: shown when the last sync failed,
 * with the reason and a Retry button.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rp-sync-engine.h"

G_BEGIN_DECLS

#define RP_TYPE_SYNC_BANNER (rp_sync_banner_get_type ())
G_DECLARE_FINAL_TYPE (RpSyncBanner, rp_sync_banner, RP, SYNC_BANNER, GtkWidget)

/* Properties: "engine" (RpSyncEngine or NULL), "revealed" (read-only: the banner is shown). */
GtkWidget    *rp_sync_banner_new          (void);
RpSyncEngine *rp_sync_banner_get_engine   (RpSyncBanner *self);
void          rp_sync_banner_set_engine   (RpSyncBanner *self,
                                           RpSyncEngine *engine);
gboolean      rp_sync_banner_get_revealed (RpSyncBanner *self);

G_END_DECLS
