/* rp-store-vault.c: what RpVault reads of the database to decide about the patient data key.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rp-store-private.h"
#include "rp-store-vault.h"

gint64
rp_store_find_sealed_referral (RpStore *self,
                               GError **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), -1);

  /* Every sealed patient has a name field (sealed even when empty). */
  stmt = _rp_store_prepare (self,
                            "SELECT id FROM referral"
                            " WHERE patient_name IS NOT NULL OR patient_mrn IS NOT NULL"
                            " LIMIT 1",
                            error);
  if (stmt == NULL)
    return -1;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _rp_store_set_error (self, rc, error);
      return -1;
    }

  return id;
}
