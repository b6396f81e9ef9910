/* rp-store-search-floor.c: the raw FTS5 work of a partner search, for the benchmark.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rp-store-private.h"
#include "rp-store-search-floor.h"

GArray *
rp_store_search_floor (RpStore     *self,
                       const char  *search,
                       guint        limit,
                       guint       *n_matches,
                       GError     **error)
{
  g_autofree char *match = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (n_matches != NULL, NULL);

  *n_matches = 0;
  match = _rp_store_build_match_query (search);
  if (match == NULL)
    return g_array_new (FALSE, FALSE, sizeof (gint64));

  stmt = _rp_store_prepare (self, "SELECT count(*) FROM partner_fts WHERE partner_fts MATCH ?1",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _rp_store_set_error (self, rc, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  *n_matches = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  stmt = _rp_store_prepare (self,
                            "SELECT rowid FROM partner_fts WHERE partner_fts MATCH ?1 LIMIT ?2",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, limit);

  return _rp_store_collect_ids (self, stmt, error);
}
