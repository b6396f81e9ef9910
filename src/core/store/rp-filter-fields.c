/* rp-filter-fields.c: copying, freeing and comparing the strings of the list filters.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rp-filter-fields.h"

#define FIELD(filter, offset) G_STRUCT_MEMBER (char *, filter, offset)

gpointer
_rp_filter_copy (gconstpointer  filter,
                 gsize          size,
                 const gsize   *offsets,
                 guint          n_offsets)
{
  gpointer copy;

  g_return_val_if_fail (filter != NULL, NULL);
  g_return_val_if_fail (offsets != NULL || n_offsets == 0, NULL);

  copy = g_memdup2 (filter, size);
  for (guint i = 0; i < n_offsets; i++)
    FIELD (copy, offsets[i]) = g_strdup (FIELD (filter, offsets[i]));

  return copy;
}

void
_rp_filter_free (gpointer     filter,
                 const gsize *offsets,
                 guint        n_offsets)
{
  g_return_if_fail (offsets != NULL || n_offsets == 0);

  if (filter == NULL)
    return;

  for (guint i = 0; i < n_offsets; i++)
    g_free (FIELD (filter, offsets[i]));
  g_free (filter);
}

gboolean
_rp_filter_strings_equal (gconstpointer  a,
                          gconstpointer  b,
                          const gsize   *offsets,
                          guint          n_offsets)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);
  g_return_val_if_fail (offsets != NULL || n_offsets == 0, FALSE);

  for (guint i = 0; i < n_offsets; i++)
    {
      const char *text_a = FIELD (a, offsets[i]);
      const char *text_b = FIELD (b, offsets[i]);

      if (g_strcmp0 (text_a != NULL ? text_a : "", text_b != NULL ? text_b : "") != 0)
        return FALSE;
    }

  return TRUE;
}
