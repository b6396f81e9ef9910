/* rp-store-documents.c: what printed documents read from the store: a partner's referral counts
 * for a year and the referral a thank-you letter is about. Counts only: no patient identifier
 * is read here.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rp-store-documents.h"
#include "rp-store-private.h"
#include "rp-store-referrals.h"

gboolean
rp_store_count_partner_year (RpStore              *self,
                             gint64                partner_id,
                             int                   year,
                             RpPartnerYearCounts  *counts,
                             GError              **error)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (counts, 0, sizeof *counts);
  stmt = _rp_store_prepare (self,
                            "SELECT count(*),"
                            " coalesce(sum(status IN ('seen', 'loop-closed')), 0),"
                            " coalesce(sum(status = 'loop-closed'), 0)"
                            " FROM referral"
                            " WHERE partner_id = ?1 AND direction = 'inbound'"
                            " AND referred_on BETWEEN ?2 AND ?3",
                            error);
  if (stmt == NULL)
    return FALSE;

  from = g_strdup_printf ("%04d-01-01", year);
  to = g_strdup_printf ("%04d-12-31", year);
  sqlite3_bind_int64 (stmt, 1, partner_id);
  _rp_store_bind_text (stmt, 2, from);
  _rp_store_bind_text (stmt, 3, to);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _rp_store_set_error (self, rc, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  counts->received = sqlite3_column_int (stmt, 0);
  counts->seen = sqlite3_column_int (stmt, 1);
  counts->loop_closed = sqlite3_column_int (stmt, 2);
  sqlite3_reset (stmt);

  return TRUE;
}

/* The id in the first column of @sql's first row with ?1 = @partner_id, or 0 when there is no
 * row; FALSE with @error set when the query fails. */
static gboolean
first_partner_row_id (RpStore     *self,
                      const char  *sql,
                      gint64       partner_id,
                      gint64      *id,
                      GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *id = 0;
  stmt = _rp_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, partner_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    _rp_store_set_error (self, rc, error);
  sqlite3_reset (stmt);

  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

RpReferral *
rp_store_find_referral_awaiting_thanks (RpStore  *self,
                                        gint64    partner_id,
                                        GError  **error)
{
  gint64 referral_id;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!first_partner_row_id (self,
                             "SELECT t.referral_id FROM task t"
                             " JOIN referral r ON r.id = t.referral_id"
                             " WHERE t.partner_id = ?1 AND t.kind = 'thank-you'"
                             " AND t.done_at IS NULL"
                             " ORDER BY r.referred_on DESC, r.id DESC LIMIT 1",
                             partner_id, &referral_id, error))
    return NULL;

  /* no thank-you pending: the latest referral the partner sent */
  if (referral_id == 0 &&
      !first_partner_row_id (self,
                             "SELECT id FROM referral"
                             " WHERE partner_id = ?1 AND direction = 'inbound'"
                             " ORDER BY referred_on DESC, id DESC LIMIT 1",
                             partner_id, &referral_id, error))
    return NULL;

  if (referral_id == 0)
    return NULL;
  return rp_store_get_referral (self, referral_id, error);
}
