/* rp-team-page.h: Preferences → Team: the team server account, its address book and calendar,
 * Sync Now and Disconnect.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rp-context.h"

G_BEGIN_DECLS

#define RP_TYPE_TEAM_PAGE (rp_team_page_get_type ())
G_DECLARE_FINAL_TYPE (RpTeamPage, rp_team_page, RP, TEAM_PAGE, AdwPreferencesPage)

/* Properties: "context" (RpContext, construct-only). */
GtkWidget *rp_team_page_new (RpContext *context);

G_END_DECLS
