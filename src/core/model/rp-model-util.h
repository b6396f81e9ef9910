/* rp-model-util.h: what the entity classes share for their string fields.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Stores a copy of @value in *@field. Empty strings are kept as NULL, so that the many blank
 * fields of rows loaded from the store cost no allocation; the getters hand "" back through
 * rp_model_str_or_empty(). Returns whether the value changed, for the setters' notifications. */
gboolean rp_model_set_string (char       **field,
                              const char  *value);

static inline const char *
rp_model_str_or_empty (const char *str)
{
  return str != NULL ? str : "";
}

G_END_DECLS
