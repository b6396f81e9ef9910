/* rp-store-activities.c: writing and reading activities (visits, calls, notes…) and the
 * partners each concerns.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rp-store-activities.h"
#include "rp-store-private.h"

gboolean
rp_store_insert_activity (RpStore    *self,
                          RpActivity *activity,
                          GError    **error)
{
  g_autofree char *now = NULL;
  g_autofree char *uuid = NULL;
  sqlite3_stmt *stmt;
  GArray *partner_ids;
  gint64 activity_id;
  gint64 share = 0;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (RP_IS_ACTIVITY (activity), FALSE);

  partner_ids = rp_activity_get_partner_ids (activity);
  if (partner_ids->len == 0)
    {
      g_set_error_literal (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID,
                           _("An activity needs at least one partner"));
      return FALSE;
    }

  now = rp_store_now_iso ();
  uuid = _rp_store_dup_uuid_or_new (rp_activity_get_uuid (activity));

  if (!rp_store_begin (self, error))
    return FALSE;

  stmt = _rp_store_prepare (self,
                            "INSERT INTO activity (uuid, kind, occurred_at, contact_person,"
                            " summary, materials, referral_id, cost_cents, follow_up_needed,"
                            " created_at, updated_at)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                            error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, rp_enum_to_nick (RP_TYPE_ACTIVITY_KIND,
                                               rp_activity_get_kind (activity)),
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, _rp_store_or_now (rp_activity_get_occurred_at (activity), now), -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, rp_activity_get_contact_person (activity), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, rp_activity_get_summary (activity), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, rp_activity_get_materials (activity), -1, SQLITE_TRANSIENT);
  _rp_store_bind_id (stmt, 7, rp_activity_get_referral_id (activity));
  sqlite3_bind_int64 (stmt, 8, rp_activity_get_cost_cents (activity));
  sqlite3_bind_int (stmt, 9, rp_activity_get_follow_up_needed (activity) ? 1 : 0);
  sqlite3_bind_text (stmt, 10, _rp_store_or_now (rp_activity_get_created_at (activity), now), -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 11, now, -1, SQLITE_STATIC);

  if (!_rp_store_step_done (self, stmt, error))
    goto failed;

  activity_id = sqlite3_last_insert_rowid (self->db);

  /* A gift's or meal's cost is attributed in equal shares to the partners present. */
  if (rp_activity_get_cost_cents (activity) > 0)
    share = rp_activity_get_cost_cents (activity) / partner_ids->len;

  stmt = _rp_store_prepare (self,
                            "INSERT OR IGNORE INTO activity_partner (activity_id, partner_id,"
                            " cost_share_cents) VALUES (?1, ?2, ?3)",
                            error);
  if (stmt == NULL)
    goto failed;

  for (guint i = 0; i < partner_ids->len; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, activity_id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (partner_ids, gint64, i));
      sqlite3_bind_int64 (stmt, 3, share);

      if (!_rp_store_step_done (self, stmt, error))
        goto failed;
    }

  /* Last contact is a column of the partner list. */
  _rp_store_queue_signal (self, RP_STORE_PENDING_PARTNERS | RP_STORE_PENDING_RECORDS);

  if (!rp_store_commit (self, error))
    return FALSE;

  rp_activity_set_id (activity, activity_id);
  rp_activity_set_uuid (activity, uuid);
  if (*rp_activity_get_created_at (activity) == '\0')
    rp_activity_set_created_at (activity, now);
  return TRUE;

failed:
  rp_store_rollback (self);
  return FALSE;
}

static RpActivity *
row_to_activity (sqlite3_stmt *stmt)
{
  RpActivity *activity = rp_activity_new (_rp_store_column_enum (stmt, 2, RP_TYPE_ACTIVITY_KIND,
                                                                 RP_ACTIVITY_KIND_NOTE));

  rp_activity_set_id (activity, sqlite3_column_int64 (stmt, 0));
  rp_activity_set_uuid (activity, _rp_store_column_text (stmt, 1));
  rp_activity_set_occurred_at (activity, _rp_store_column_text (stmt, 3));
  rp_activity_set_contact_person (activity, _rp_store_column_text (stmt, 4));
  rp_activity_set_summary (activity, _rp_store_column_text (stmt, 5));
  rp_activity_set_materials (activity, _rp_store_column_text (stmt, 6));
  rp_activity_set_referral_id (activity, MAX (sqlite3_column_int64 (stmt, 7), 0));
  rp_activity_set_cost_cents (activity, MAX (sqlite3_column_int64 (stmt, 8), 0));
  rp_activity_set_follow_up_needed (activity, sqlite3_column_int (stmt, 9) != 0);
  rp_activity_set_created_at (activity, _rp_store_column_text (stmt, 10));
  g_object_set (activity, "updated-at", _rp_store_column_text (stmt, 11), NULL);

  return activity;
}

RpActivity *
rp_store_get_activity (RpStore *self,
                       gint64   id,
                       GError **error)
{
  g_autoptr(RpActivity) activity = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  activity = _rp_store_read_row_by_key (self,
                                        "SELECT id, uuid, kind, occurred_at, contact_person,"
                                        " summary, materials, referral_id, cost_cents,"
                                        " follow_up_needed, created_at, updated_at"
                                        " FROM activity WHERE id = ?1",
                                        id, NULL, (RpStoreReadRow) row_to_activity,
                                        _("No such activity"), error);
  if (activity == NULL)
    return NULL;

  stmt = _rp_store_prepare (self,
                            "SELECT partner_id FROM activity_partner WHERE activity_id = ?1"
                            " ORDER BY partner_id",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    rp_activity_add_partner_id (activity, sqlite3_column_int64 (stmt, 0));

  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _rp_store_set_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&activity);
}
