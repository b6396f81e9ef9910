/* rp-store-imports.c: import batches, where partners came from, saved column mappings.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "rp-store-imports.h"
#include "rp-store-partners.h"
#include "rp-store-private.h"
#include "rp-store-sync.h"

/* The partner columns a merge may fill, hence the only names an undo writes back. */
static const char * const fillable_columns[] = {
  "prefix", "first_name", "last_name", "credentials", "organization", "npi", "specialty_code",
  "specialty_label", "street", "city", "state", "zip", "phone", "fax", "email",
  "office_contact", "best_time", "tags", "notes",
};

static gboolean
is_fillable (const char *column)
{
  for (guint i = 0; i < G_N_ELEMENTS (fillable_columns); i++)
    if (g_str_equal (fillable_columns[i], column))
      return TRUE;
  return FALSE;
}

gboolean
rp_store_foreach_partner_keys (RpStore           *self,
                               RpPartnerKeysFunc  func,
                               gpointer           user_data,
                               GError           **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  stmt = _rp_store_prepare (self,
                            "SELECT id, uuid, npi, first_name, last_name, organization, street,"
                            " zip, phone FROM partner",
                            error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RpPartnerKeys keys = {
        .id = sqlite3_column_int64 (stmt, 0),
        .uuid = _rp_store_column_text (stmt, 1),
        .npi = _rp_store_column_text (stmt, 2),
        .first_name = _rp_store_column_text (stmt, 3),
        .last_name = _rp_store_column_text (stmt, 4),
        .organization = _rp_store_column_text (stmt, 5),
        .street = _rp_store_column_text (stmt, 6),
        .zip = _rp_store_column_text (stmt, 7),
        .phone = _rp_store_column_text (stmt, 8),
      };

      func (&keys, user_data);
    }

  if (rc != SQLITE_DONE)
    {
      _rp_store_set_error (self, rc, error);
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);
  return TRUE;
}

char *
rp_store_dup_write_stamp (RpStore *self,
                          GError **error)
{
  sqlite3_stmt *stmt;
  gint64 version = 0;
  gint64 n_partners = 0;
  gint64 max_id = 0;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  /* data_version moves with the commits of other connections, total_changes with this one's
   * rows written (rolled back or not); the partners' count and last id tell two connections
   * apart that happen to share those. */
  stmt = _rp_store_prepare (self, "PRAGMA data_version", error);
  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  stmt = _rp_store_prepare (self, "SELECT count(*), COALESCE(max(id), 0) FROM partner", error);
  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      n_partners = sqlite3_column_int64 (stmt, 0);
      max_id = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);

  return g_strdup_printf ("%p %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT
                          " %" G_GINT64_FORMAT, (gpointer) self, version,
                          (gint64) sqlite3_total_changes64 (self->db), n_partners, max_id);
}

struct _RpStoreImportWrite
{
  gint64     max_id;     /* the last partner before the import */
  GPtrArray *triggers;   /* the CREATE TRIGGER statements dropped */
  gboolean   sync;       /* sync_partner_ai was among them, and a team account is set up */
};

/* The insert triggers of partner whose rows are written once at the end instead. Each row's own
 * trigger also made SQLite keep a statement journal for every row (a copy of each page the
 * row's INSERT touched, in case the trigger failed half-way). */
static const char * const import_triggers[] = { "partner_fts_ai", "partner_geo_ai",
                                                "sync_partner_ai" };

static void
import_write_free (RpStoreImportWrite *state)
{
  g_ptr_array_unref (state->triggers);
  g_free (state);
}

RpStoreImportWrite *
rp_store_begin_import_write (RpStore *self,
                             GError **error)
{
  RpStoreImportWrite *state;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  if (!rp_store_begin (self, error))
    return NULL;

  state = g_new0 (RpStoreImportWrite, 1);
  state->triggers = g_ptr_array_new_with_free_func (g_free);

  stmt = _rp_store_prepare (self, "SELECT COALESCE(MAX(id), 0) FROM partner", error);
  if (stmt == NULL)
    goto failed;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    state->max_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  for (guint i = 0; i < G_N_ELEMENTS (import_triggers); i++)
    {
      g_autofree char *drop = g_strdup_printf ("DROP TRIGGER %s", import_triggers[i]);

      stmt = _rp_store_prepare (self, "SELECT sql FROM sqlite_schema"
                                      " WHERE type = 'trigger' AND name = ?1", error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_text (stmt, 1, import_triggers[i], -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          sqlite3_reset (stmt);
          continue;
        }
      g_ptr_array_add (state->triggers, g_strdup (_rp_store_column_text (stmt, 0)));
      sqlite3_reset (stmt);
      if (g_str_equal (import_triggers[i], "sync_partner_ai"))
        state->sync = TRUE;
      if (!_rp_store_exec (self, drop, error))
        goto failed;
    }

  /* Without a team account nothing reads the queue: the first account saved queues every
   * partner then (rp_sync_account_save). Asked inside the transaction, so that an account saved
   * by another connection meanwhile is saved either before (the rows are queued here) or after
   * (its reset queues them). */
  if (state->sync)
    {
      g_autoptr(GError) local_error = NULL;

      state->sync = rp_store_sync_has_account (self, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          goto failed;
        }
    }
  return state;

failed:
  import_write_free (state);
  rp_store_rollback (self);
  return NULL;
}

/* Runs @sql, a write about the partners after ?1, with @max_id. */
static gboolean
run_for_new_rows (RpStore    *self,
                  const char *sql,
                  gint64      max_id,
                  GError    **error)
{
  sqlite3_stmt *stmt = _rp_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, max_id);
  return _rp_store_step_done (self, stmt, error);
}

/* Brings the dropped triggers back and writes what they would have written for the rows added
 * since the import write began. */
static gboolean
settle_import_write (RpStore            *self,
                     RpStoreImportWrite *state,
                     GError            **error)
{
  for (guint i = 0; i < state->triggers->len; i++)
    if (!_rp_store_exec (self, g_ptr_array_index (state->triggers, i), error))
      return FALSE;

  /* Team sync's queue, when a team account is set up: each new partner to upload, as
   * sync_partner_ai writes it (unless the sync engine itself is writing). */
  if (state->sync &&
      !run_for_new_rows (self, "INSERT OR REPLACE INTO sync_queue"
                               " SELECT 'partner', uuid, 'put',"
                               " strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
                               " FROM partner WHERE id > ?1"
                               " AND NOT EXISTS (SELECT 1 FROM sync_quiet) ORDER BY id",
                         state->max_id, error))
    return FALSE;

  /* The search index takes the new rows in one go: with an 8 MiB in-memory hash (1 MiB by
   * default) it writes a few large segments instead of a hundred small ones, and without
   * automatic merging it does not merge them with each other as it writes them (the next
   * writes of the search index merge them, a few pages each). The settings go back to their
   * defaults in the same transaction. */
  return _rp_store_exec (self, "INSERT INTO partner_fts(partner_fts, rank)"
                               " VALUES ('hashsize', 8388608);"
                               "INSERT INTO partner_fts(partner_fts, rank)"
                               " VALUES ('automerge', 0)", error) &&
         run_for_new_rows (self, "INSERT INTO partner_fts(rowid, display_name, organization,"
                                 " specialty_label, city, tags, notes)"
                                 " SELECT id, display_name, organization, specialty_label, city,"
                                 " tags, notes FROM partner WHERE id > ?1",
                           state->max_id, error) &&
         _rp_store_exec (self, "INSERT INTO partner_fts(partner_fts, rank)"
                               " VALUES ('hashsize', 1048576);"
                               "INSERT INTO partner_fts(partner_fts, rank)"
                               " VALUES ('automerge', 4)", error) &&
         run_for_new_rows (self, "INSERT INTO partner_geo SELECT id, lat, lat, lon, lon"
                                 " FROM partner"
                                 " WHERE id > ?1 AND lat IS NOT NULL AND lon IS NOT NULL",
                           state->max_id, error);
}

gboolean
rp_store_end_import_write (RpStore            *self,
                           RpStoreImportWrite *state,
                           gboolean            commit,
                           GError            **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (state != NULL, FALSE);

  if (!commit)
    {
      /* The rollback brings the dropped triggers back with everything else. */
      import_write_free (state);
      rp_store_rollback (self);
      return TRUE;
    }

  if (!settle_import_write (self, state, error))
    {
      import_write_free (state);
      rp_store_rollback (self);
      return FALSE;
    }

  import_write_free (state);
  _rp_store_queue_signal (self, RP_STORE_PENDING_PARTNERS);
  return rp_store_commit (self, error);
}

gboolean
rp_store_leave_import_write (RpStore            *self,
                             RpStoreImportWrite *state,
                             GError            **error)
{
  gboolean settled;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (state != NULL, FALSE);

  settled = settle_import_write (self, state, error);
  import_write_free (state);
  return settled;
}

gboolean
rp_store_add_import_batch (RpStore    *self,
                           const char *file_name,
                           const char *what,
                           gint64     *batch_id,
                           GError    **error)
{
  g_autofree char *now = NULL;
  g_autofree char *uuid = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (file_name != NULL, FALSE);
  g_return_val_if_fail (batch_id != NULL, FALSE);

  stmt = _rp_store_prepare (self,
                            "INSERT INTO import_batch (uuid, file_name, what, created_at)"
                            " VALUES (?1, ?2, ?3, ?4)",
                            error);
  if (stmt == NULL)
    return FALSE;

  now = rp_store_now_iso ();
  uuid = rp_store_new_uuid ();
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, file_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, what != NULL ? what : "partners", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);

  if (!rp_store_begin (self, error))
    return FALSE;
  if (!_rp_store_step_done (self, stmt, error))
    {
      rp_store_rollback (self);
      return FALSE;
    }
  *batch_id = sqlite3_last_insert_rowid (self->db);
  return rp_store_commit (self, error);
}

gboolean
rp_store_add_partner_origin (RpStore    *self,
                             gint64      batch_id,
                             gint64      partner_id,
                             guint       line,
                             const char *filled,
                             GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (batch_id > 0 && partner_id > 0, FALSE);

  stmt = _rp_store_prepare (self,
                            "INSERT OR REPLACE INTO partner_origin"
                            " (partner_id, batch_id, line, action, filled)"
                            " VALUES (?1, ?2, ?3, ?4, ?5)",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, partner_id);
  sqlite3_bind_int64 (stmt, 2, batch_id);
  sqlite3_bind_int64 (stmt, 3, line);
  sqlite3_bind_text (stmt, 4, filled == NULL ? "added" : "merged", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, filled != NULL ? filled : "", -1, SQLITE_TRANSIENT);

  if (!rp_store_begin (self, error))
    return FALSE;
  if (!_rp_store_step_done (self, stmt, error))
    {
      rp_store_rollback (self);
      return FALSE;
    }
  return rp_store_commit (self, error);
}

#define ORIGIN_ROWS 256   /* rows an INSERT of rp_store_add_partner_origins writes at once */

/* The INSERT of @n_rows origins: a partner, the batch and a line each, unnumbered ("?" is the
 * one after the last), so that the statement cache hashes a short text. */
static char *
origins_sql (guint n_rows)
{
  GString *sql = g_string_new ("INSERT OR REPLACE INTO partner_origin"
                               " (partner_id, batch_id, line, action, filled) VALUES ");

  for (guint row = 0; row < n_rows; row++)
    g_string_append (sql, row > 0 ? ",(?,?,?,'added','')" : "(?,?,?,'added','')");
  return g_string_free (sql, FALSE);
}

gboolean
rp_store_add_partner_origins (RpStore       *self,
                              gint64         batch_id,
                              const gint64  *partner_ids,
                              const guint   *lines,
                              guint          n,
                              GError       **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (batch_id > 0, FALSE);

  if (!rp_store_begin (self, error))
    return FALSE;

  for (guint first = 0; first < n; first += ORIGIN_ROWS)
    {
      guint n_rows = MIN (ORIGIN_ROWS, n - first);
      g_autofree char *sql = origins_sql (n_rows);
      sqlite3_stmt *stmt;

      stmt = _rp_store_prepare (self, sql, error);
      if (stmt == NULL)
        goto failed;
      for (guint row = 0; row < n_rows; row++)
        {
          g_return_val_if_fail (partner_ids[first + row] > 0 && lines[first + row] > 0, FALSE);
          sqlite3_bind_int64 (stmt, 1 + 3 * row, partner_ids[first + row]);
          sqlite3_bind_int64 (stmt, 2 + 3 * row, batch_id);
          sqlite3_bind_int64 (stmt, 3 + 3 * row, lines[first + row]);
        }
      if (!_rp_store_step_done (self, stmt, error))
        goto failed;
    }
  return rp_store_commit (self, error);

failed:
  rp_store_rollback (self);
  return FALSE;
}

gboolean
rp_store_get_partner_origin (RpStore    *self,
                             gint64      partner_id,
                             char      **file_name,
                             guint      *line,
                             GError    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  stmt = _rp_store_prepare (self,
                            "SELECT b.file_name, o.line FROM partner_origin o"
                            " JOIN import_batch b ON b.id = o.batch_id"
                            " WHERE o.partner_id = ?1 AND o.action = 'added'"
                            " ORDER BY o.batch_id LIMIT 1",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, partner_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (file_name != NULL)
        *file_name = g_strdup (_rp_store_column_text (stmt, 0));
      if (line != NULL)
        *line = (guint) sqlite3_column_int64 (stmt, 1);
      sqlite3_reset (stmt);
      return TRUE;
    }

  if (rc != SQLITE_DONE)
    _rp_store_set_error (self, rc, error);
  sqlite3_reset (stmt);
  return FALSE;
}

gint64
rp_store_get_last_import (RpStore *self,
                          char   **file_name,
                          GError **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), 0);

  stmt = _rp_store_prepare (self,
                            "SELECT id, file_name FROM import_batch WHERE undone_at IS NULL"
                            " ORDER BY id DESC LIMIT 1",
                            error);
  if (stmt == NULL)
    return 0;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      if (file_name != NULL)
        *file_name = g_strdup (_rp_store_column_text (stmt, 1));
    }
  else if (rc != SQLITE_DONE)
    _rp_store_set_error (self, rc, error);

  sqlite3_reset (stmt);
  return id;
}

static gboolean
restore_filled (RpStore    *self,
                gint64      partner_id,
                const char *filled,
                GError    **error)
{
  g_auto(GStrv) columns = g_strsplit (filled, ",", -1);
  g_autoptr(GString) sql = g_string_new ("UPDATE partner SET ");
  g_autofree char *now = rp_store_now_iso ();
  sqlite3_stmt *stmt = NULL;
  guint n = 0;
  int rc;

  for (guint i = 0; columns[i] != NULL; i++)
    {
      if (!is_fillable (columns[i]))
        continue;
      g_string_append_printf (sql, "%s = %s, ", columns[i],
                              g_str_equal (columns[i], "npi") ? "NULL" : "''");
      n++;
    }
  if (n == 0)
    return TRUE;

  g_string_append (sql, "updated_at = ?2 WHERE id = ?1");

  /* Not cached: the text varies with the columns. */
  rc = sqlite3_prepare_v2 (self->db, sql->str, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _rp_store_set_error (self, rc, error);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, partner_id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    _rp_store_set_error (self, rc, error);
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE;
}

gboolean
rp_store_undo_import (RpStore *self,
                      gint64   batch_id,
                      guint   *n_removed,
                      guint   *n_restored,
                      GError **error)
{
  g_autoptr(GArray) added = NULL;
  g_autoptr(GPtrArray) merged_filled = NULL;
  g_autoptr(GArray) merged = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  if (!rp_store_begin (self, error))
    return FALSE;

  stmt = _rp_store_prepare (self,
                            "SELECT partner_id, action, filled FROM partner_origin"
                            " WHERE batch_id = ?1",
                            error);
  if (stmt == NULL)
    goto failed;

  added = g_array_new (FALSE, FALSE, sizeof (gint64));
  merged = g_array_new (FALSE, FALSE, sizeof (gint64));
  merged_filled = g_ptr_array_new_with_free_func (g_free);
  sqlite3_bind_int64 (stmt, 1, batch_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (g_str_equal (_rp_store_column_text (stmt, 1), "added"))
        g_array_append_val (added, id);
      else
        {
          g_array_append_val (merged, id);
          g_ptr_array_add (merged_filled, g_strdup (_rp_store_column_text (stmt, 2)));
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _rp_store_set_error (self, rc, error);
      goto failed;
    }

  for (guint i = 0; i < merged->len; i++)
    if (!restore_filled (self, g_array_index (merged, gint64, i),
                         g_ptr_array_index (merged_filled, i), error))
      goto failed;

  for (guint i = 0; i < added->len; i++)
    {
      g_autoptr(GError) local_error = NULL;

      /* A partner deleted since is already gone. */
      if (!rp_store_delete_partner (self, g_array_index (added, gint64, i), &local_error) &&
          !g_error_matches (local_error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          goto failed;
        }
    }

  stmt = _rp_store_prepare (self, "UPDATE import_batch SET undone_at = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  now = rp_store_now_iso ();
  sqlite3_bind_int64 (stmt, 1, batch_id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  if (!_rp_store_step_done (self, stmt, error))
    goto failed;

  _rp_store_queue_signal (self, RP_STORE_PENDING_PARTNERS);
  if (!rp_store_commit (self, error))
    return FALSE;

  if (n_removed != NULL)
    *n_removed = added->len;
  if (n_restored != NULL)
    *n_restored = merged->len;
  return TRUE;

failed:
  rp_store_rollback (self);
  return FALSE;
}

gboolean
rp_store_save_import_mapping (RpStore    *self,
                              const char *name,
                              const char *header_key,
                              const char *mapping,
                              GError    **error)
{
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL && header_key != NULL && mapping != NULL, FALSE);

  stmt = _rp_store_prepare (self,
                            "INSERT INTO import_mapping (name, header_key, mapping, saved_at)"
                            " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (name) DO UPDATE"
                            " SET header_key = ?2, mapping = ?3, saved_at = ?4",
                            error);
  if (stmt == NULL)
    return FALSE;

  now = rp_store_now_iso ();
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, header_key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, mapping, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);

  if (!rp_store_begin (self, error))
    return FALSE;
  if (!_rp_store_step_done (self, stmt, error))
    {
      rp_store_rollback (self);
      return FALSE;
    }
  return rp_store_commit (self, error);
}

char *
rp_store_dup_import_mapping (RpStore    *self,
                             const char *name,
                             const char *header_key,
                             GError    **error)
{
  sqlite3_stmt *stmt;
  char *mapping = NULL;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL || header_key != NULL, NULL);

  if (name != NULL)
    stmt = _rp_store_prepare (self, "SELECT mapping FROM import_mapping WHERE name = ?1", error);
  else
    stmt = _rp_store_prepare (self,
                              "SELECT mapping FROM import_mapping WHERE header_key = ?1"
                              " ORDER BY saved_at DESC, rowid DESC LIMIT 1",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, name != NULL ? name : header_key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    mapping = g_strdup (_rp_store_column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    _rp_store_set_error (self, rc, error);
  sqlite3_reset (stmt);
  return mapping;
}
