/* rp-import-feed.h: the rows of a partner CSV read and built ahead on a worker thread, so that
 * reading, parsing and checking the next rows overlaps the work the caller does with the last
 * ones (duplicate look-ups, writes). The rows come in the file's order, a few thousand ahead at
 * most, whatever the file's size.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rp-csv-reader.h"
#include "rp-import-keys.h"
#include "rp-partner.h"

G_BEGIN_DECLS

typedef struct _RpImportFeed RpImportFeed;

typedef struct
{
  guint         line;       /* the row's line in the file the liaison chose */
  RpPartner    *partner;    /* the row as the editor would store it (the caller takes a
                             * reference to keep it), or NULL when it has problems */
  RpImportKeys  keys;       /* its duplicate keys (zeros without a partner) */
  GPtrArray    *problems;   /* RpImportProblem: the row's problems (the caller may take them) */
} RpImportFeedRow;

/* Starts reading the records of @reader (past its header, which the caller has skipped) with
 * the file's @headers and @mapping as rp_partner_row_build reads them; @line_map, if not NULL,
 * gives the line of the n-th record (1-based index) in the original file. @reader belongs to
 * the feed until rp_import_feed_free. */
RpImportFeed    *rp_import_feed_new  (RpCsvReader   *reader,
                                      GPtrArray     *headers,
                                      GArray        *mapping,
                                      GArray        *line_map,
                                      GCancellable  *cancellable);
/* The next row (valid until the next call), or NULL at the end of the file (no error) or when
 * the reading failed or was cancelled (@error set). */
RpImportFeedRow *rp_import_feed_next (RpImportFeed  *self,
                                      GError       **error);
/* Stops the worker, wherever it is, and frees what it read ahead. */
void             rp_import_feed_free (RpImportFeed  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpImportFeed, rp_import_feed_free)

G_END_DECLS
