/* rp-store-target-lists.c: the saved target lists of the outreach planner.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rp-store-private.h"
#include "rp-store-target-lists.h"

/* ── Target lists ─────────────────────────────────────────────────────────────────────── */

void
rp_target_list_info_free (RpTargetListInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->uuid);
  g_free (info->name);
  g_free (info->created_at);
  g_free (info);
}

/* The trimmed name, or NULL with an error when it is empty. */
static char *
dup_list_name (const char  *name,
               GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));

  if (*trimmed == '\0')
    {
      g_set_error_literal (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID,
                           _("A target list needs a name"));
      return NULL;
    }

  return g_steal_pointer (&trimmed);
}

static gboolean
check_list_changed (RpStore  *self,
                    GError  **error)
{
  if (sqlite3_changes (self->db) > 0)
    return TRUE;

  g_set_error_literal (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND,
                       _("The target list no longer exists"));
  return FALSE;
}

static RpTargetListInfo *
row_to_target_list_info (sqlite3_stmt *stmt)
{
  RpTargetListInfo *info = g_new0 (RpTargetListInfo, 1);

  info->id = sqlite3_column_int64 (stmt, 0);
  info->uuid = g_strdup (_rp_store_column_text (stmt, 1));
  info->name = g_strdup (_rp_store_column_text (stmt, 2));
  info->created_at = g_strdup (_rp_store_column_text (stmt, 3));
  info->n_members = (guint) MAX (sqlite3_column_int (stmt, 4), 0);

  return info;
}

GPtrArray *
rp_store_list_target_lists (RpStore *self,
                            GError **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  return _rp_store_query_rows (self,
                               "SELECT l.id, l.uuid, l.name, l.created_at,"
                               " (SELECT count(*) FROM target_list_member m"
                               "  WHERE m.list_id = l.id)"
                               " FROM target_list l ORDER BY l.name COLLATE NOCASE, l.id",
                               (RpStoreReadRow) row_to_target_list_info,
                               (GDestroyNotify) rp_target_list_info_free, error);
}

gint64
rp_store_create_target_list (RpStore      *self,
                             const char   *name,
                             const gint64 *partner_ids,
                             guint         n_partner_ids,
                             GError      **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *now = NULL;
  g_autoptr(GHashTable) seen = NULL;
  sqlite3_stmt *stmt;
  gint64 list_id;
  guint position = 0;

  g_return_val_if_fail (RP_IS_STORE (self), 0);
  g_return_val_if_fail (partner_ids != NULL || n_partner_ids == 0, 0);

  trimmed = dup_list_name (name, error);
  if (trimmed == NULL)
    return 0;

  if (!rp_store_begin (self, error))
    return 0;

  stmt = _rp_store_prepare (self,
                            "INSERT INTO target_list (uuid, name, created_at, updated_at)"
                            " VALUES (?1, ?2, ?3, ?3)",
                            error);
  if (stmt == NULL)
    goto failed;

  uuid = rp_store_new_uuid ();
  now = rp_store_now_iso ();
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, trimmed, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  if (!_rp_store_step_done (self, stmt, error))
    goto failed;

  list_id = sqlite3_last_insert_rowid (self->db);

  stmt = _rp_store_prepare (self,
                            "INSERT INTO target_list_member (list_id, partner_id, position)"
                            " VALUES (?1, ?2, ?3)",
                            error);
  if (stmt == NULL)
    goto failed;

  /* A partner is on a list once; a repeated id keeps its first place. */
  seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < n_partner_ids; i++)
    {
      if (!g_hash_table_add (seen, (gpointer) &partner_ids[i]))
        continue;

      sqlite3_bind_int64 (stmt, 1, list_id);
      sqlite3_bind_int64 (stmt, 2, partner_ids[i]);
      sqlite3_bind_int (stmt, 3, (int) position++);
      if (!_rp_store_step_done (self, stmt, error))
        goto failed;
    }

  _rp_store_queue_signal (self, RP_STORE_PENDING_LISTS);
  if (!rp_store_commit (self, error))
    return 0;

  return list_id;

failed:
  rp_store_rollback (self);
  return 0;
}

gboolean
rp_store_add_target_list_members (RpStore      *self,
                                  gint64        list_id,
                                  const gint64 *partner_ids,
                                  guint         n_partner_ids,
                                  GError      **error)
{
  g_autofree char *now = rp_store_now_iso ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (partner_ids != NULL || n_partner_ids == 0, FALSE);

  if (!rp_store_begin (self, error))
    return FALSE;

  /* The list must exist: its updated_at says so. */
  stmt = _rp_store_prepare (self, "UPDATE target_list SET updated_at = ?2 WHERE id = ?1",
                            error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, list_id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  if (!_rp_store_step_done (self, stmt, error) || !check_list_changed (self, error))
    goto failed;

  stmt = _rp_store_prepare (self,
                            "INSERT OR IGNORE INTO target_list_member (list_id, partner_id,"
                            " position) SELECT ?1, ?2, coalesce(max(position) + 1, 0)"
                            " FROM target_list_member WHERE list_id = ?1", error);
  if (stmt == NULL)
    goto failed;
  for (guint i = 0; i < n_partner_ids; i++)
    {
      sqlite3_bind_int64 (stmt, 1, list_id);
      sqlite3_bind_int64 (stmt, 2, partner_ids[i]);
      if (!_rp_store_step_done (self, stmt, error))
        goto failed;
    }

  _rp_store_queue_signal (self, RP_STORE_PENDING_LISTS);
  return rp_store_commit (self, error);

failed:
  rp_store_rollback (self);
  return FALSE;
}

gboolean
rp_store_rename_target_list (RpStore    *self,
                             gint64      list_id,
                             const char *name,
                             GError    **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  trimmed = dup_list_name (name, error);
  if (trimmed == NULL)
    return FALSE;

  if (!rp_store_begin (self, error))
    return FALSE;

  stmt = _rp_store_prepare (self,
                            "UPDATE target_list SET name = ?2, updated_at = ?3 WHERE id = ?1",
                            error);
  if (stmt == NULL)
    goto failed;

  now = rp_store_now_iso ();
  sqlite3_bind_int64 (stmt, 1, list_id);
  sqlite3_bind_text (stmt, 2, trimmed, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  if (!_rp_store_step_done (self, stmt, error) || !check_list_changed (self, error))
    goto failed;

  _rp_store_queue_signal (self, RP_STORE_PENDING_LISTS);
  return rp_store_commit (self, error);

failed:
  rp_store_rollback (self);
  return FALSE;
}

gboolean
rp_store_delete_target_list (RpStore *self,
                             gint64   list_id,
                             GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  if (!rp_store_begin (self, error))
    return FALSE;

  stmt = _rp_store_prepare (self, "DELETE FROM target_list WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, list_id);
  if (!_rp_store_step_done (self, stmt, error) || !check_list_changed (self, error))
    goto failed;

  _rp_store_queue_signal (self, RP_STORE_PENDING_LISTS);
  return rp_store_commit (self, error);

failed:
  rp_store_rollback (self);
  return FALSE;
}

GArray *
rp_store_list_target_members (RpStore *self,
                              gint64   list_id,
                              GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  stmt = _rp_store_prepare (self,
                            "SELECT partner_id FROM target_list_member WHERE list_id = ?1"
                            " ORDER BY position, partner_id",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, list_id);
  return _rp_store_collect_ids (self, stmt, error);
}
