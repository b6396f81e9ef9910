/* rp-import-batch.h: the partners an import adds, written a thousand at a time (many rows a
 * statement, with their origins) instead of row by row.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rp-import-keys.h"
#include "rp-partner.h"
#include "rp-store.h"

G_BEGIN_DECLS

typedef struct _RpImportBatch RpImportBatch;

/* Called for each row once it is written, with the keys it was added with and its new id. */
typedef void (*RpImportBatchWrittenFunc) (const RpImportKeys *keys,
                                          gint64              id,
                                          gpointer            user_data);

/* Rows added to @store under import batch @batch_id (inside the import's transaction). */
RpImportBatch *rp_import_batch_new   (RpStore                  *store,
                                      gint64                    batch_id,
                                      RpImportBatchWrittenFunc  written,
                                      gpointer                  user_data);
void           rp_import_batch_free  (RpImportBatch            *self);
/* Takes @partner, added from line @line with @keys; writes the waiting rows when they are
 * many. */
gboolean       rp_import_batch_add   (RpImportBatch            *self,
                                      RpPartner                *partner,
                                      guint                     line,
                                      const RpImportKeys       *keys,
                                      GError                  **error);
/* Whether a waiting row holds one of @keys: a row that repeats it must find it written. */
gboolean       rp_import_batch_holds (RpImportBatch            *self,
                                      const RpImportKeys       *keys);
/* Writes the waiting rows and their origins, then calls the written function for each. */
gboolean       rp_import_batch_flush (RpImportBatch            *self,
                                      GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpImportBatch, rp_import_batch_free)

G_END_DECLS
