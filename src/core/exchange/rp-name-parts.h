/* rp-name-parts.h: a person's name as one text, split into prefix, first, last and credentials.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char *prefix;       /* "Dr." */
  char *first_name;   /* "Jane Q." (middle names and initials stay with the first name) */
  char *last_name;    /* "Smith", "Smith Jr." */
  char *credentials;  /* "MD, FACS" */
} RpNameParts;

/* Splits "Dr. Jane Q. Smith, MD, FACS", "Smith, Jane", "Jane Smith MD" and the like. Every
 * member is set ("" when absent). */
void      rp_name_parts_split        (const char  *full_name,
                                      RpNameParts *parts);
void      rp_name_parts_clear        (RpNameParts *parts);
/* TRUE when @word ("MD", "M.D.", "pa-c") is a clinical credential or fellowship. */
gboolean  rp_name_is_credential      (const char  *word);
/* Moves credentials written after a last name ("Smith MD") into @credentials; for a separate
 * last-name column. Returns a new last name; appends to @credentials. */
char     *rp_name_strip_credentials  (const char  *last_name,
                                      GString     *credentials);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RpNameParts, rp_name_parts_clear)

G_END_DECLS
