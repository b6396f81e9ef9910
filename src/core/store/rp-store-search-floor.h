/* rp-store-search-floor.h: the floor a partner search is measured against: the raw FTS5 work for
 * a typed search (how many partners match, and the first page of their ids), with no join,
 * filter or sort. The benchmark compares the Partners list's search with it.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rp-store.h"

G_BEGIN_DECLS

/* For @search (as typed: the same match query the Partners search makes), sets @n_matches to
 * how many partners match and returns the first @limit rowids the index yields. NULL with
 * @error on failure; an empty array for a search with nothing to match. */
GArray *rp_store_search_floor (RpStore     *self,
                               const char  *search,
                               guint        limit,
                               guint       *n_matches,
                               GError     **error);

G_END_DECLS
