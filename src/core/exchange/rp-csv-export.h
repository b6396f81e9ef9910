/* rp-csv-export.h: partners as a CSV file that Rapport (and any spreadsheet) reads back.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rp-store.h"
#include "rp-store-exchange.h"
#include "rp-vault.h"

G_BEGIN_DECLS

/* Writes every partner (current, then archived) to @file, replacing it atomically: UTF-8, a
 * header row whose names the importer maps back ("UUID", "First Name"…), RFC 4180 quoting by
 * libcsv, CRLF endings, each row with the partner's UUID. Re-importing it changes nothing.
 * @ids, when not NULL, limits the export to those partners (a selection, a target list).
 * @n_written, when not NULL, counts the rows as they are written (atomically: another thread may
 * read it for a progress bar); @cancellable stops the export and keeps the file as it was. */
gboolean   rp_csv_export_partners  (RpStore       *store,
                                    const gint64  *ids,
                                    guint          n_ids,
                                    GFile         *file,
                                    guint         *n_written,
                                    GCancellable  *cancellable,
                                    GError       **error);

/* Writes every referral, activity or task to @file the same way, each row with its UUID and its
 * partners' UUIDs, NPIs and names, so that the record importer reads it back (re-importing it
 * changes nothing). Referrals carry no patient identifier unless @vault is given (unlocked):
 * then four columns more, opened with it. */
gboolean   rp_csv_export_records   (RpStore            *store,
                                    RpStoreExportWhat   what,
                                    RpVault            *vault,
                                    GFile              *file,
                                    guint              *n_written,
                                    GCancellable       *cancellable,
                                    GError            **error);

G_END_DECLS
