/* rp-team.h: the rules of the team sync screens: what the window says about sync, whose visits
 * are someone else's, and the server address a liaison types. Pure functions, tested without a
 * display.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rp-planned-visit.h"
#include "rp-sync-engine.h"

G_BEGIN_DECLS

/* One short line for the sidebar: "Syncing…", "3 changes waiting", "Offline", "Synced 2 min
 * ago"… @last_synced may be NULL (never synced). NULL when there is nothing to say (no account).
 * @now is the clock's time (tests pass a fixed one). */
char     *rp_team_status_describe        (RpSyncState  state,
                                          GDateTime   *last_synced,
                                          guint        pending_changes,
                                          GDateTime   *now);

/* Whether the last sync failed so that the liaison should be told (the problem banner): a
 * refused password or server answer, not a network that is simply down. */
gboolean  rp_team_status_needs_attention (RpSyncState  state);

/* Whether @visit is this database's own liaison's. The team calendar's visits of other liaisons
 * carry their name; the sync writes "" for one's own (and a visit planned before the team synced
 * has none). The store keeps the same rule in SQL (planned_visit.liaison = ''): only one's own
 * visits are stops of one's route (numbered, optimised, reordered), on one's day map and in
 * one's packets; another liaison's visit is never renumbered or rewritten here. */
gboolean  rp_team_is_own_visit           (RpPlannedVisit *visit);

/* @visits (RpPlannedVisit, borrowed) without other liaisons' visits, in their order: a new
 * array holding its own references. */
GPtrArray *rp_team_own_visits            (GPtrArray      *visits);

/* The server address as typed ("dav.example.org/", " https://cloud.example.org ") made a full
 * http(s) URL ("https://dav.example.org/"); an error a liaison understands when it is not one. */
char     *rp_team_normalize_server_url   (const char  *text,
                                          GError     **error);

G_END_DECLS
