/* rp-import-batch.c: the partners an import adds, written a thousand at a time.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rp-import-batch.h"
#include "rp-key-map.h"
#include "rp-store-imports.h"
#include "rp-store-partners.h"

#define BATCH_ROWS 1024

struct _RpImportBatch
{
  RpStore                  *store;
  gint64                    batch_id;
  RpImportBatchWrittenFunc  written;
  gpointer                  user_data;

  GPtrArray                *partners;
  GArray                   *lines;
  GArray                   *keys;
  GArray                   *ids;
  /* The waiting rows' keys (their values unused): a row's look at it costs a probe or two per
   * key, whatever the batch holds. */
  RpKeyMap                 *waiting_keys;
};

RpImportBatch *
rp_import_batch_new (RpStore                  *store,
                     gint64                    batch_id,
                     RpImportBatchWrittenFunc  written,
                     gpointer                  user_data)
{
  RpImportBatch *self = g_new0 (RpImportBatch, 1);

  self->store = g_object_ref (store);
  self->batch_id = batch_id;
  self->written = written;
  self->user_data = user_data;
  self->partners = g_ptr_array_new_full (BATCH_ROWS, g_object_unref);
  self->lines = g_array_sized_new (FALSE, FALSE, sizeof (guint), BATCH_ROWS);
  self->keys = g_array_sized_new (FALSE, FALSE, sizeof (RpImportKeys), BATCH_ROWS);
  self->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), BATCH_ROWS);
  self->waiting_keys = rp_key_map_new ();
  return self;
}

void
rp_import_batch_free (RpImportBatch *self)
{
  if (self == NULL)
    return;
  g_object_unref (self->store);
  g_ptr_array_unref (self->partners);
  g_array_unref (self->lines);
  g_array_unref (self->keys);
  g_array_unref (self->ids);
  rp_key_map_free (self->waiting_keys);
  g_free (self);
}

gboolean
rp_import_batch_add (RpImportBatch       *self,
                     RpPartner           *partner,
                     guint                line,
                     const RpImportKeys  *keys,
                     GError             **error)
{
  g_ptr_array_add (self->partners, partner);
  g_array_append_val (self->lines, line);
  g_array_append_vals (self->keys, keys, 1);
  for (guint k = 0; k < RP_IMPORT_N_KEYS; k++)
    if (rp_import_keys_array (keys)[k] != 0)
      rp_key_map_insert (self->waiting_keys, rp_import_keys_array (keys)[k], 0);

  return self->partners->len < BATCH_ROWS || rp_import_batch_flush (self, error);
}

gboolean
rp_import_batch_holds (RpImportBatch      *self,
                       const RpImportKeys *keys)
{
  const guint64 *wanted = rp_import_keys_array (keys);

  for (guint k = 0; k < RP_IMPORT_N_KEYS; k++)
    if (wanted[k] != 0 && rp_key_map_lookup (self->waiting_keys, wanted[k], NULL))
      return TRUE;
  return FALSE;
}

gboolean
rp_import_batch_flush (RpImportBatch  *self,
                       GError        **error)
{
  guint n = self->partners->len;

  if (n == 0)
    return TRUE;
  if (!rp_store_insert_partners (self->store, self->partners, error))
    return FALSE;

  g_array_set_size (self->ids, n);
  for (guint i = 0; i < n; i++)
    g_array_index (self->ids, gint64, i) =
      rp_partner_get_id (g_ptr_array_index (self->partners, i));
  if (!rp_store_add_partner_origins (self->store, self->batch_id,
                                     (const gint64 *) self->ids->data,
                                     (const guint *) self->lines->data, n, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    self->written (&g_array_index (self->keys, RpImportKeys, i),
                   g_array_index (self->ids, gint64, i), self->user_data);
  g_ptr_array_set_size (self->partners, 0);
  g_array_set_size (self->lines, 0);
  g_array_set_size (self->keys, 0);
  rp_key_map_remove_all (self->waiting_keys);
  return TRUE;
}
