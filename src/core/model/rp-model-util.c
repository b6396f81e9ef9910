/* rp-model-util.c: what the entity classes share for their string fields.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rp-model-util.h"

gboolean
rp_model_set_string (char       **field,
                     const char  *value)
{
  char *copy;

  g_return_val_if_fail (field != NULL, FALSE);

  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  /* Copy before freeing: @value may point into the old string. */
  copy = g_strdup (value);
  g_free (*field);
  *field = copy;

  return TRUE;
}
