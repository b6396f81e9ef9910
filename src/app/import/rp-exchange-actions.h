/* rp-exchange-actions.h: choosing a file to import or export partners, for the window and pages.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rp-store.h"

G_BEGIN_DECLS

/* Called when an import committed: Undo is rp_store_undo_import (store, @batch_id). */
typedef void (*RpImportedFunc) (gint64      batch_id,
                                const char *summary,
                                gpointer    user_data);

/* Asks for a CSV file, then shows the import dialog for it. */
void      rp_exchange_choose_import   (GtkWindow      *parent,
                                       RpStore        *store,
                                       RpImportedFunc  imported,
                                       gpointer        user_data);
/* Shows the import dialog for @file (a dropped file); a file that cannot be read gets a message
 * dialog saying why. */
void      rp_exchange_import_file     (GtkWindow      *parent,
                                       RpStore        *store,
                                       GFile          *file,
                                       RpImportedFunc  imported,
                                       gpointer        user_data);
/* Asks where to save, then writes the partners @ids (all when NULL) as CSV; @done_message gets
 * the result ("Exported 12 partners") for a toast, through @done. */
void      rp_exchange_choose_export   (GtkWindow      *parent,
                                       RpStore        *store,
                                       const gint64   *ids,
                                       guint           n_ids,
                                       const char     *suggested_name,
                                       void          (*done) (const char *message,
                                                              gpointer    user_data),
                                       gpointer        user_data);

G_END_DECLS
