/* rp-store-exchange.c: look-ups and row readers for the CSV import and export of records.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rp-store-exchange.h"
#include "rp-store-private.h"

gboolean
rp_store_find_by_uuid (RpStore    *self,
                       const char *table,
                       const char *uuid,
                       gint64     *id,
                       GError    **error)
{
  const char *sql;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (uuid != NULL && id != NULL, FALSE);

  if (g_strcmp0 (table, "referral") == 0)
    sql = "SELECT id FROM referral WHERE uuid = ?1";
  else if (g_strcmp0 (table, "activity") == 0)
    sql = "SELECT id FROM activity WHERE uuid = ?1";
  else if (g_strcmp0 (table, "task") == 0)
    sql = "SELECT id FROM task WHERE uuid = ?1";
  else
    g_return_val_if_reached (FALSE);

  stmt = _rp_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  *id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _rp_store_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

static const char * const export_sql[] = {
  [RP_STORE_EXPORT_REFERRALS] =
    "SELECT r.id, r.uuid, p.uuid, COALESCE(p.npi, ''), p.display_name, r.direction,"
    " r.referred_on, r.status, r.status_reason, r.reason, r.service_line, r.urgency, r.notes,"
    " r.outcome"
    " FROM referral r JOIN partner p ON p.id = r.partner_id ORDER BY r.id",
  [RP_STORE_EXPORT_ACTIVITIES] =
    "SELECT a.id, a.uuid,"
    " (SELECT group_concat(uuid, ';') FROM (SELECT p.uuid FROM activity_partner ap"
    "   JOIN partner p ON p.id = ap.partner_id WHERE ap.activity_id = a.id ORDER BY p.id)),"
    " (SELECT group_concat(npi, ';') FROM (SELECT COALESCE(p.npi, '') AS npi"
    "   FROM activity_partner ap JOIN partner p ON p.id = ap.partner_id"
    "   WHERE ap.activity_id = a.id ORDER BY p.id)),"
    " (SELECT group_concat(display_name, ' ; ') FROM (SELECT p.display_name"
    "   FROM activity_partner ap JOIN partner p ON p.id = ap.partner_id"
    "   WHERE ap.activity_id = a.id ORDER BY p.id)),"
    " a.kind, a.occurred_at, a.contact_person, a.summary, a.materials, a.cost_cents,"
    " a.follow_up_needed"
    " FROM activity a ORDER BY a.id",
  [RP_STORE_EXPORT_TASKS] =
    "SELECT t.id, t.uuid, t.kind, t.title, t.notes, COALESCE(p.uuid, ''),"
    " COALESCE(p.display_name, ''), COALESCE(r.uuid, ''), t.due_on, t.due_time,"
    " COALESCE(t.done_at, '')"
    " FROM task t LEFT JOIN partner p ON p.id = t.partner_id"
    " LEFT JOIN referral r ON r.id = t.referral_id ORDER BY t.id",
};

gboolean
rp_store_foreach_exported (RpStore              *self,
                           RpStoreExportWhat     what,
                           RpStoreExportRowFunc  func,
                           gpointer              user_data,
                           GError              **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (what <= RP_STORE_EXPORT_TASKS, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  /* Its own statement, not the cache's: @func may read other rows through the store. */
  rc = sqlite3_prepare_v2 (self->db, export_sql[what], -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _rp_store_set_error (self, rc, error);
      return FALSE;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *values[RP_STORE_EXPORT_MAX_COLUMNS];
      guint n = (guint) sqlite3_column_count (stmt) - 1;

      for (guint i = 0; i < n; i++)
        values[i] = _rp_store_column_text (stmt, (int) i + 1);
      if (!func (sqlite3_column_int64 (stmt, 0), values, n, user_data, error))
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }
    }

  if (rc != SQLITE_DONE)
    {
      _rp_store_set_error (self, rc, error);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

gboolean
rp_store_count_exported (RpStore            *self,
                         RpStoreExportWhat   what,
                         guint              *n_rows,
                         GError            **error)
{
  static const char * const count_sql[] = {
    "SELECT count(*) FROM referral",
    "SELECT count(*) FROM activity",
    "SELECT count(*) FROM task",
  };
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (what <= RP_STORE_EXPORT_TASKS, FALSE);
  g_return_val_if_fail (n_rows != NULL, FALSE);

  rc = sqlite3_prepare_v2 (self->db, count_sql[what], -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *n_rows = (guint) sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
      return TRUE;
    }
  _rp_store_set_error (self, rc, error);
  sqlite3_finalize (stmt);
  return FALSE;
}
