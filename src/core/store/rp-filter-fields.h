/* rp-filter-fields.h: what the list filters share. Only the rp-*-filter.c files include it.
 *
 * A filter (RpPartnerFilter, RpReferralFilter, RpTimelineFilter) is a plain struct that owns the
 * strings in it. Each names its string fields once, by their offsets in the struct, and these
 * copy, free and compare them, so that adding a field is one line in one place.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A copy of the @size bytes at @filter, with its own copies of the strings at @offsets. */
gpointer  _rp_filter_copy          (gconstpointer  filter,
                                    gsize          size,
                                    const gsize   *offsets,
                                    guint          n_offsets);
/* Frees the strings at @offsets, then @filter; NULL is ignored. */
void      _rp_filter_free          (gpointer       filter,
                                    const gsize   *offsets,
                                    guint          n_offsets);
/* Whether the strings at @offsets are the same in @a and @b, NULL counting as "" (a cleared
 * search entry gives either). */
gboolean  _rp_filter_strings_equal (gconstpointer  a,
                                    gconstpointer  b,
                                    const gsize   *offsets,
                                    guint          n_offsets);

G_END_DECLS
