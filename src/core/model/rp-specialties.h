/* rp-specialties.h: the common NUCC Health Care Provider Taxonomy codes, with their names.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One taxonomy code of the National Uniform Claim Committee and its display name. @label is the
 * English name as the NUCC writes it (shortened where the NUCC's is a path such as "Internal
 * Medicine, Cardiovascular Disease"); it is what the store keeps. Show it to the user through
 * rp_specialty_get_display_label(), which translates it. */
typedef struct
{
  const char *code;
  const char *label;
} RpSpecialty;

/* The table, sorted by English label. Static: never freed. */
const RpSpecialty *rp_specialties_get_all          (guint             *n_specialties);
/* The entry of @code (case-insensitive), or NULL when the table does not hold it. */
const RpSpecialty *rp_specialties_lookup           (const char        *code);
/* @specialty's label in the user's language (static). */
const char        *rp_specialty_get_display_label  (const RpSpecialty *specialty);
/* What to show for a partner's specialty: the translated name of @code when the table holds it,
 * else @label as it was stored (a free-text specialty), else "". Never NULL. */
const char        *rp_specialties_display         (const char        *code,
                                                   const char        *label);

G_END_DECLS
