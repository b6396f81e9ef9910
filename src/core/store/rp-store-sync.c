/* rp-store-sync.c: team sync's tables (sync_object, sync_queue, sync_quiet; see migration 11).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rp-enum-types.h"
#include "rp-store-private.h"
#include "rp-store-sync.h"
#include "rp-store-visits.h"

#define META_TOKEN_PREFIX "sync-token-"

static const char *
kind_name (RpSyncKind kind)
{
  return kind == RP_SYNC_KIND_PARTNER ? "partner" : "visit";
}

void
rp_sync_object_free (RpSyncObject *object)
{
  if (object == NULL)
    return;
  g_free (object->uuid);
  g_free (object->href);
  g_free (object->etag);
  g_free (object->base);
  g_free (object->last_seen);
  g_free (object);
}

void
rp_sync_change_free (RpSyncChange *change)
{
  if (change == NULL)
    return;
  g_free (change->uuid);
  g_free (change->changed_at);
  g_free (change);
}

#define OBJECT_COLUMNS "kind, uuid, href, etag, base, last_seen"

static RpSyncObject *
row_to_object (sqlite3_stmt *stmt)
{
  RpSyncObject *object = g_new0 (RpSyncObject, 1);

  object->kind = g_str_equal (_rp_store_column_text (stmt, 0), "partner")
                 ? RP_SYNC_KIND_PARTNER : RP_SYNC_KIND_VISIT;
  object->uuid = g_strdup (_rp_store_column_text (stmt, 1));
  object->href = g_strdup (_rp_store_column_text (stmt, 2));
  object->etag = g_strdup (_rp_store_column_text (stmt, 3));
  object->base = g_strdup (_rp_store_column_text (stmt, 4));
  object->last_seen = g_strdup (_rp_store_column_text (stmt, 5));
  return object;
}

static RpSyncChange *
row_to_change (sqlite3_stmt *stmt)
{
  RpSyncChange *change = g_new0 (RpSyncChange, 1);

  change->kind = g_str_equal (_rp_store_column_text (stmt, 0), "partner")
                 ? RP_SYNC_KIND_PARTNER : RP_SYNC_KIND_VISIT;
  change->uuid = g_strdup (_rp_store_column_text (stmt, 1));
  change->deleted = g_str_equal (_rp_store_column_text (stmt, 2), "delete");
  change->changed_at = g_strdup (_rp_store_column_text (stmt, 3));
  return change;
}

/* The one row of @sql (?1 the kind, ?2 @key), or NULL without an error. */
static gpointer
read_optional (RpStore        *self,
               const char     *sql,
               RpSyncKind      kind,
               const char     *key,
               RpStoreReadRow  read_row,
               GError        **error)
{
  sqlite3_stmt *stmt = _rp_store_prepare (self, sql, error);
  g_autoptr(GError) local_error = NULL;
  gpointer row;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, kind_name (kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  row = _rp_store_read_row (self, stmt, read_row, NULL, &local_error);
  if (row == NULL && local_error != NULL &&
      !g_error_matches (local_error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND))
    g_propagate_error (error, g_steal_pointer (&local_error));
  return row;
}

RpSyncObject *
rp_store_sync_get_object (RpStore     *self,
                          RpSyncKind   kind,
                          const char  *uuid,
                          GError     **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  return read_optional (self, "SELECT " OBJECT_COLUMNS " FROM sync_object"
                        " WHERE kind = ?1 AND uuid = ?2", kind, uuid,
                        (RpStoreReadRow) row_to_object, error);
}

RpSyncObject *
rp_store_sync_find_href (RpStore     *self,
                         RpSyncKind   kind,
                         const char  *href,
                         GError     **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (href != NULL, NULL);

  return read_optional (self, "SELECT " OBJECT_COLUMNS " FROM sync_object"
                        " WHERE kind = ?1 AND href = ?2", kind, href,
                        (RpStoreReadRow) row_to_object, error);
}

GPtrArray *
rp_store_sync_list_objects (RpStore     *self,
                            RpSyncKind   kind,
                            GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  stmt = _rp_store_prepare (self, "SELECT " OBJECT_COLUMNS " FROM sync_object WHERE kind = ?1",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, kind_name (kind), -1, SQLITE_STATIC);
  return _rp_store_read_rows (self, stmt, (RpStoreReadRow) row_to_object,
                              (GDestroyNotify) rp_sync_object_free, error);
}

gboolean
rp_store_sync_save_object (RpStore     *self,
                           RpSyncKind   kind,
                           const char  *uuid,
                           const char  *href,
                           const char  *etag,
                           const char  *base,
                           GError     **error)
{
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (uuid != NULL && href != NULL, FALSE);

  stmt = _rp_store_prepare (self,
                            "INSERT OR REPLACE INTO sync_object (" OBJECT_COLUMNS ")"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    return FALSE;

  now = rp_store_now_iso ();
  sqlite3_bind_text (stmt, 1, kind_name (kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, href, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, etag != NULL ? etag : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, base != NULL ? base : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_STATIC);
  return _rp_store_step_done (self, stmt, error);
}

static gboolean
run_kind_key (RpStore     *self,
              const char  *sql,
              RpSyncKind   kind,
              const char  *key,
              GError     **error)
{
  sqlite3_stmt *stmt = _rp_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, kind_name (kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  return _rp_store_step_done (self, stmt, error);
}

gboolean
rp_store_sync_forget_object (RpStore     *self,
                             RpSyncKind   kind,
                             const char  *uuid,
                             GError     **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  return run_kind_key (self, "DELETE FROM sync_object WHERE kind = ?1 AND uuid = ?2", kind,
                       uuid, error);
}

#define CHANGE_COLUMNS "kind, uuid, op, changed_at"

GPtrArray *
rp_store_sync_list_changes (RpStore     *self,
                            RpSyncKind   kind,
                            GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  stmt = _rp_store_prepare (self, "SELECT " CHANGE_COLUMNS " FROM sync_queue WHERE kind = ?1"
                            " ORDER BY changed_at, uuid", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, kind_name (kind), -1, SQLITE_STATIC);
  return _rp_store_read_rows (self, stmt, (RpStoreReadRow) row_to_change,
                              (GDestroyNotify) rp_sync_change_free, error);
}

RpSyncChange *
rp_store_sync_get_change (RpStore     *self,
                          RpSyncKind   kind,
                          const char  *uuid,
                          GError     **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  return read_optional (self, "SELECT " CHANGE_COLUMNS " FROM sync_queue"
                        " WHERE kind = ?1 AND uuid = ?2", kind, uuid,
                        (RpStoreReadRow) row_to_change, error);
}

guint
rp_store_sync_count_changes (RpStore *self)
{
  sqlite3_stmt *stmt;
  guint n = 0;

  g_return_val_if_fail (RP_IS_STORE (self), 0);

  stmt = _rp_store_prepare (self, "SELECT count(*) FROM sync_queue", NULL);
  if (stmt == NULL)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

gboolean
rp_store_sync_done_change (RpStore     *self,
                           RpSyncKind   kind,
                           const char  *uuid,
                           const char  *changed_at,
                           GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  stmt = _rp_store_prepare (self, "DELETE FROM sync_queue WHERE kind = ?1 AND uuid = ?2"
                            " AND changed_at = ?3", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, kind_name (kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, changed_at, -1, SQLITE_TRANSIENT);
  return _rp_store_step_done (self, stmt, error);
}

gboolean
rp_store_sync_queue_change (RpStore     *self,
                            RpSyncKind   kind,
                            const char  *uuid,
                            gboolean     deleted,
                            GError     **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  return run_kind_key (self, deleted
                       ? "INSERT OR REPLACE INTO sync_queue VALUES (?1, ?2, 'delete',"
                         " strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))"
                       : "INSERT OR REPLACE INTO sync_queue VALUES (?1, ?2, 'put',"
                         " strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
                       kind, uuid, error);
}

gboolean
rp_store_sync_set_quiet (RpStore   *self,
                         gboolean   quiet,
                         GError   **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  return _rp_store_exec (self, quiet ? "INSERT OR IGNORE INTO sync_quiet VALUES (1)"
                                     : "DELETE FROM sync_quiet", error);
}

gboolean
rp_store_sync_has_account (RpStore  *self,
                           GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;
  gint64 n = 0;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  stmt = _rp_store_prepare (self, "SELECT count(*) FROM meta WHERE key IN (?1, ?2)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, RP_STORE_SYNC_META_SERVER_URL, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, RP_STORE_SYNC_META_USER, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  else
    _rp_store_set_error (self, rc, error);
  sqlite3_reset (stmt);
  return n == 2;
}

gboolean
rp_store_sync_reset (RpStore  *self,
                     GError  **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  if (!rp_store_begin (self, error))
    return FALSE;
  if (!_rp_store_exec (self,
                       "DELETE FROM sync_object;"
                       "DELETE FROM meta WHERE key LIKE '" META_TOKEN_PREFIX "%';"
                       "INSERT OR REPLACE INTO sync_queue SELECT 'partner', uuid, 'put',"
                       "  strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM partner;"
                       "INSERT OR REPLACE INTO sync_queue SELECT 'visit', uuid, 'put',"
                       "  strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM planned_visit;",
                       error) ||
      !rp_store_commit (self, error))
    {
      rp_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

gboolean
rp_store_sync_change_partner_uuid (RpStore     *self,
                                   gint64       partner_id,
                                   const char  *uuid,
                                   GError     **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *old_uuid = NULL;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  stmt = _rp_store_prepare (self, "SELECT uuid FROM partner WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, partner_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    old_uuid = g_strdup (_rp_store_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (old_uuid == NULL)
    {
      g_set_error_literal (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND,
                           _("The partner no longer exists"));
      return FALSE;
    }

  if (!rp_store_begin (self, error))
    return FALSE;

  stmt = _rp_store_prepare (self, "UPDATE partner SET uuid = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, partner_id);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_TRANSIENT);
  if (!_rp_store_step_done (self, stmt, error))
    goto failed;

  /* The old card's synced state and queued change now belong to the new UUID; the old card is
   * deleted on the server by the engine. */
  stmt = _rp_store_prepare (self, "DELETE FROM sync_queue WHERE kind = 'partner' AND uuid = ?1",
                            error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, old_uuid, -1, SQLITE_TRANSIENT);
  if (!_rp_store_step_done (self, stmt, error))
    goto failed;

  _rp_store_queue_signal (self, RP_STORE_PENDING_PARTNERS);
  return rp_store_commit (self, error);

failed:
  rp_store_rollback (self);
  return FALSE;
}

/* Visits */

RpPlannedVisit *
rp_store_sync_find_visit (RpStore     *self,
                          const char  *uuid,
                          GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  stmt = _rp_store_prepare (self, "SELECT id FROM planned_visit WHERE uuid = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _rp_store_set_error (self, rc, error);
      return NULL;
    }
  if (id == 0)
    return NULL;

  return rp_store_get_planned_visit (self, id, error);
}

gboolean
rp_store_sync_write_visit (RpStore         *self,
                           RpPlannedVisit  *visit,
                           GError         **error)
{
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (RP_IS_PLANNED_VISIT (visit), FALSE);
  g_return_val_if_fail (*rp_planned_visit_get_uuid (visit) != '\0', FALSE);

  if (rp_planned_visit_get_partner_id (visit) <= 0 ||
      !_rp_store_check_day (rp_planned_visit_get_planned_on (visit), error))
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID,
                             _("A planned visit needs a partner and a day"));
      return FALSE;
    }

  if (!rp_store_begin (self, error))
    return FALSE;

  stmt = _rp_store_prepare (self, "SELECT id FROM planned_visit WHERE uuid = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, rp_planned_visit_get_uuid (visit), -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  now = rp_store_now_iso ();
  if (id == 0)
    stmt = _rp_store_prepare (self,
                              "INSERT INTO planned_visit (uuid, partner_id, planned_on, position,"
                              " objective, status, liaison, start_time, created_at, updated_at)"
                              " VALUES (?1, ?2, ?3, (SELECT count(*) FROM planned_visit"
                              "   WHERE planned_on = ?3 AND status != 'cancelled'),"
                              " ?4, ?5, ?6, ?7, ?8, ?8)", error);
  else
    stmt = _rp_store_prepare (self,
                              "UPDATE planned_visit SET partner_id = ?2,"
                              " position = CASE WHEN planned_on = ?3 THEN position ELSE"
                              "   (SELECT count(*) FROM planned_visit"
                              "    WHERE planned_on = ?3 AND status != 'cancelled') END,"
                              " planned_on = ?3, objective = ?4, status = ?5, liaison = ?6,"
                              " start_time = ?7, updated_at = ?8 WHERE uuid = ?1", error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_text (stmt, 1, rp_planned_visit_get_uuid (visit), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, rp_planned_visit_get_partner_id (visit));
  sqlite3_bind_text (stmt, 3, rp_planned_visit_get_planned_on (visit), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, rp_planned_visit_get_objective (visit), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, rp_enum_to_nick (RP_TYPE_VISIT_STATUS,
                                               rp_planned_visit_get_status (visit)),
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, rp_planned_visit_get_liaison (visit), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, rp_planned_visit_get_start_time (visit), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_STATIC);
  if (!_rp_store_step_done (self, stmt, error))
    goto failed;

  if (id == 0)
    rp_planned_visit_set_id (visit, sqlite3_last_insert_rowid (self->db));
  else
    rp_planned_visit_set_id (visit, id);

  _rp_store_queue_signal (self, RP_STORE_PENDING_RECORDS | RP_STORE_PENDING_VISITS);
  return rp_store_commit (self, error);

failed:
  rp_store_rollback (self);
  return FALSE;
}

gboolean
rp_store_sync_delete_visit (RpStore     *self,
                            const char  *uuid,
                            GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  stmt = _rp_store_prepare (self, "DELETE FROM planned_visit WHERE uuid = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  if (!rp_store_begin (self, error))
    return FALSE;
  if (!_rp_store_step_done (self, stmt, error))
    {
      rp_store_rollback (self);
      return FALSE;
    }
  _rp_store_queue_signal (self, RP_STORE_PENDING_RECORDS | RP_STORE_PENDING_VISITS);
  return rp_store_commit (self, error);
}

void
rp_store_sync_emit_changed (RpStore *self)
{
  g_return_if_fail (RP_IS_STORE (self));

  _rp_store_queue_signal (self, RP_STORE_PENDING_PARTNERS | RP_STORE_PENDING_RECORDS |
                                RP_STORE_PENDING_VISITS);
}
