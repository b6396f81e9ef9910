/* rp-store-record-undo.c: the SQL that takes back a referral or activity import.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rp-store-private.h"
#include "rp-store-record-undo.h"

gboolean
rp_store_get_last_contact (RpStore  *self,
                           gint64    partner_id,
                           char    **at,
                           GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (at != NULL, FALSE);

  *at = NULL;
  stmt = _rp_store_prepare (self, "SELECT last_contact_at FROM partner WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, partner_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    *at = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _rp_store_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
rp_store_delete_imported (RpStore             *self,
                          gboolean             referrals,
                          const gint64        *ids,
                          const char * const  *uuids,
                          guint                n,
                          guint               *n_removed,
                          GError             **error)
{
  sqlite3_stmt *stmt;
  guint removed = 0;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  /* Transitions and tasks go by ON DELETE CASCADE, an activity's partners too (whose trigger
   * moves each partner's last contact back); the analytics tallies and the search index follow
   * by their triggers. */
  stmt = _rp_store_prepare (self, referrals
                                  ? "DELETE FROM referral WHERE id = ?1 AND uuid = ?2"
                                  : "DELETE FROM activity WHERE id = ?1 AND uuid = ?2", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      sqlite3_bind_int64 (stmt, 1, ids[i]);
      sqlite3_bind_text (stmt, 2, uuids[i], -1, SQLITE_STATIC);
      if (!_rp_store_step_done (self, stmt, error))
        return FALSE;
      removed += sqlite3_changes (self->db) > 0 ? 1 : 0;
    }
  /* The status tally's trigger leaves a count of zero behind; a tally that was not there before
   * the import is not there after. */
  if (referrals && !_rp_store_exec (self, "DELETE FROM referral_tally WHERE n <= 0", error))
    return FALSE;
  if (removed > 0)
    _rp_store_queue_signal (self, RP_STORE_PENDING_RECORDS);
  if (n_removed != NULL)
    *n_removed = removed;
  return TRUE;
}

gboolean
rp_store_restore_last_contact (RpStore     *self,
                               gint64       partner_id,
                               const char  *at,
                               GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (at != NULL, FALSE);

  stmt = _rp_store_prepare (self,
                            "UPDATE partner SET last_contact_at = ?2 WHERE id = ?1"
                            " AND (last_contact_at IS NULL OR last_contact_at < ?2)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, partner_id);
  sqlite3_bind_text (stmt, 2, at, -1, SQLITE_STATIC);
  return _rp_store_step_done (self, stmt, error);
}
