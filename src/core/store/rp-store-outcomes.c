/* rp-store-outcomes.c: referral outcomes and the outcome categories.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rp-store-outcomes.h"
#include "rp-store-private.h"

void
rp_referral_outcome_free (RpReferralOutcome *outcome)
{
  if (outcome == NULL)
    return;

  g_free (outcome->category);
  g_free (outcome->note);
  g_free (outcome->recorded_at);
  g_free (outcome);
}

static gpointer
read_category (sqlite3_stmt *stmt)
{
  return rp_outcome_category_new (sqlite3_column_int64 (stmt, 0),
                                  (const char *) sqlite3_column_text (stmt, 1),
                                  _rp_store_column_text (stmt, 2),
                                  (guint) sqlite3_column_int (stmt, 3),
                                  sqlite3_column_type (stmt, 4) != SQLITE_NULL);
}

GPtrArray *
rp_store_list_outcome_categories (RpStore  *self,
                                  gboolean  with_archived,
                                  GError  **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  if (with_archived)
    return _rp_store_query_rows (self,
                                 "SELECT id, key, label, position, archived_at"
                                 " FROM outcome_category"
                                 " ORDER BY archived_at IS NOT NULL, position, id",
                                 read_category, g_object_unref, error);

  return _rp_store_query_rows (self,
                               "SELECT id, key, label, position, archived_at"
                               " FROM outcome_category WHERE archived_at IS NULL"
                               " ORDER BY position, id",
                               read_category, g_object_unref, error);
}

static RpOutcomeCategory *
get_category (RpStore *self,
              gint64   id,
              GError **error)
{
  return _rp_store_read_row_by_key (self,
                                    "SELECT id, key, label, position, archived_at"
                                    " FROM outcome_category WHERE id = ?1",
                                    id, NULL, read_category,
                                    _("There is no such outcome category"), error);
}

/* The id of the category (listed or removed) shown as @label, or 0. Compared case-blind with
 * what each shows, so "improved" cannot be added next to the built-in "Improved". */
static gboolean
find_category_by_label (RpStore    *self,
                        const char *label,
                        gint64      except_id,
                        gint64     *found_id,
                        gboolean   *found_archived,
                        GError    **error)
{
  g_autoptr(GPtrArray) all = rp_store_list_outcome_categories (self, TRUE, error);
  g_autofree char *wanted = NULL;

  *found_id = 0;
  *found_archived = FALSE;
  if (all == NULL)
    return FALSE;

  wanted = g_utf8_casefold (label, -1);
  for (guint i = 0; i < all->len; i++)
    {
      RpOutcomeCategory *category = g_ptr_array_index (all, i);
      g_autofree char *shown = NULL;

      if (rp_outcome_category_get_id (category) == except_id)
        continue;

      shown = g_utf8_casefold (rp_outcome_category_get_display_label (category), -1);
      if (g_str_equal (shown, wanted))
        {
          *found_id = rp_outcome_category_get_id (category);
          *found_archived = rp_outcome_category_get_archived (category);
          return TRUE;
        }
    }

  return TRUE;
}

static char *
clean_label (const char *label,
             GError    **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (label != NULL ? label : ""));

  if (*clean == '\0')
    {
      g_set_error_literal (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID,
                           _("An outcome category needs a name"));
      return NULL;
    }

  return g_steal_pointer (&clean);
}

static gboolean
next_position (RpStore *self,
               guint   *position,
               GError **error)
{
  sqlite3_stmt *stmt = _rp_store_prepare (self,
                                          "SELECT coalesce(max(position) + 1, 0)"
                                          " FROM outcome_category WHERE archived_at IS NULL",
                                          error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *position = (guint) sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      _rp_store_set_error (self, rc, error);
      return FALSE;
    }

  return TRUE;
}

RpOutcomeCategory *
rp_store_add_outcome_category (RpStore    *self,
                               const char *label,
                               GError    **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *uuid = NULL;
  sqlite3_stmt *stmt;
  gint64 existing = 0;
  gint64 id;
  gboolean archived = FALSE;
  guint position = 0;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  clean = clean_label (label, error);
  if (clean == NULL)
    return NULL;

  if (!rp_store_begin (self, error))
    return NULL;

  if (!find_category_by_label (self, clean, 0, &existing, &archived, error) ||
      !next_position (self, &position, error))
    goto failed;

  if (existing != 0 && !archived)
    {
      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID,
                   _("“%s” is already an outcome category"), clean);
      goto failed;
    }

  if (existing != 0)
    {
      stmt = _rp_store_prepare (self,
                                "UPDATE outcome_category SET archived_at = NULL, position = ?2"
                                " WHERE id = ?1",
                                error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, existing);
      sqlite3_bind_int (stmt, 2, (int) position);
      if (!_rp_store_step_done (self, stmt, error))
        goto failed;
      id = existing;
    }
  else
    {
      stmt = _rp_store_prepare (self,
                                "INSERT INTO outcome_category (uuid, label, position)"
                                " VALUES (?1, ?2, ?3)",
                                error);
      if (stmt == NULL)
        goto failed;
      uuid = _rp_store_dup_uuid_or_new (NULL);
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, clean, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, (int) position);
      if (!_rp_store_step_done (self, stmt, error))
        goto failed;
      id = sqlite3_last_insert_rowid (self->db);
    }

  _rp_store_queue_signal (self, RP_STORE_PENDING_RECORDS);
  if (!rp_store_commit (self, error))
    return NULL;

  return get_category (self, id, error);

failed:
  rp_store_rollback (self);
  return NULL;
}

gboolean
rp_store_rename_outcome_category (RpStore    *self,
                                  gint64      id,
                                  const char *label,
                                  GError    **error)
{
  g_autofree char *clean = NULL;
  g_autoptr(RpOutcomeCategory) category = NULL;
  sqlite3_stmt *stmt;
  gint64 existing = 0;
  gboolean archived = FALSE;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  clean = clean_label (label, error);
  if (clean == NULL)
    return FALSE;

  if (!rp_store_begin (self, error))
    return FALSE;

  category = get_category (self, id, error);
  if (category == NULL ||
      !find_category_by_label (self, clean, id, &existing, &archived, error))
    goto failed;

  if (existing != 0)
    {
      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID,
                   _("“%s” is already an outcome category"), clean);
      goto failed;
    }

  stmt = _rp_store_prepare (self, "UPDATE outcome_category SET label = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, clean, -1, SQLITE_STATIC);
  if (!_rp_store_step_done (self, stmt, error))
    goto failed;

  _rp_store_queue_signal (self, RP_STORE_PENDING_RECORDS);
  return rp_store_commit (self, error);

failed:
  rp_store_rollback (self);
  return FALSE;
}

/* Renumbers the listed categories 0, 1, … in the order of @ids. */
static gboolean
renumber (RpStore *self,
          GArray  *ids,
          GError **error)
{
  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_stmt *stmt = _rp_store_prepare (self,
                                              "UPDATE outcome_category SET position = ?2"
                                              " WHERE id = ?1",
                                              error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      sqlite3_bind_int (stmt, 2, (int) i);
      if (!_rp_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static GArray *
listed_ids (RpStore *self,
            GError **error)
{
  sqlite3_stmt *stmt = _rp_store_prepare (self,
                                          "SELECT id FROM outcome_category"
                                          " WHERE archived_at IS NULL ORDER BY position, id",
                                          error);

  if (stmt == NULL)
    return NULL;

  return _rp_store_collect_ids (self, stmt, error);
}

gboolean
rp_store_remove_outcome_category (RpStore *self,
                                  gint64   id,
                                  GError **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autofree char *now = rp_store_now_iso ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  if (!rp_store_begin (self, error))
    return FALSE;

  stmt = _rp_store_prepare (self,
                            "UPDATE outcome_category SET archived_at = ?2"
                            " WHERE id = ?1 AND archived_at IS NULL",
                            error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  if (!_rp_store_step_done (self, stmt, error))
    goto failed;

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND,
                           _("There is no such outcome category"));
      goto failed;
    }

  ids = listed_ids (self, error);
  if (ids == NULL || !renumber (self, ids, error))
    goto failed;

  _rp_store_queue_signal (self, RP_STORE_PENDING_RECORDS);
  return rp_store_commit (self, error);

failed:
  rp_store_rollback (self);
  return FALSE;
}

gboolean
rp_store_move_outcome_category (RpStore *self,
                                gint64   id,
                                guint    position,
                                GError **error)
{
  g_autoptr(GArray) ids = NULL;
  guint from = G_MAXUINT;
  gint64 moved = id;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  if (!rp_store_begin (self, error))
    return FALSE;

  ids = listed_ids (self, error);
  if (ids == NULL)
    goto failed;

  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      from = i;

  if (from == G_MAXUINT)
    {
      g_set_error_literal (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND,
                           _("There is no such outcome category"));
      goto failed;
    }

  g_array_remove_index (ids, from);
  g_array_insert_val (ids, MIN (position, ids->len), moved);

  if (!renumber (self, ids, error))
    goto failed;

  _rp_store_queue_signal (self, RP_STORE_PENDING_RECORDS);
  return rp_store_commit (self, error);

failed:
  rp_store_rollback (self);
  return FALSE;
}

static gpointer
read_outcome (sqlite3_stmt *stmt)
{
  RpReferralOutcome *outcome = g_new0 (RpReferralOutcome, 1);

  outcome->referral_id = sqlite3_column_int64 (stmt, 0);
  outcome->category_id = sqlite3_column_int64 (stmt, 1);
  if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
    {
      const char *label = _rp_store_column_text (stmt, 3);
      const char *builtin = rp_outcome_category_builtin_label (
        (const char *) sqlite3_column_text (stmt, 2));

      outcome->category = g_strdup (*label != '\0' || builtin == NULL ? label : builtin);
    }
  else
    {
      outcome->category = g_strdup (_rp_store_column_text (stmt, 3));
    }
  outcome->satisfaction = (guint) sqlite3_column_int (stmt, 4);
  outcome->note = g_strdup (_rp_store_column_text (stmt, 5));
  if (sqlite3_column_type (stmt, 6) != SQLITE_NULL)
    outcome->recorded_at = g_strdup (_rp_store_column_text (stmt, 6));

  return outcome;
}

RpReferralOutcome *
rp_store_get_referral_outcome (RpStore *self,
                               gint64   referral_id,
                               GError **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  return _rp_store_read_row_by_key (self,
                                    "SELECT r.id, r.outcome_category_id, c.key, c.label,"
                                    " r.satisfaction, r.outcome, r.outcome_at"
                                    " FROM referral r"
                                    " LEFT JOIN outcome_category c ON c.id = r.outcome_category_id"
                                    " WHERE r.id = ?1",
                                    referral_id, NULL, read_outcome,
                                    _("There is no such referral"), error);
}

static gpointer
read_text (sqlite3_stmt *stmt)
{
  return g_strdup (_rp_store_column_text (stmt, 0));
}

/* The time the referral was seen (its latest move to seen or loop closed), "" for none. */
static char *
dup_seen_at (RpStore *self,
             gint64   referral_id,
             GError **error)
{
  return _rp_store_read_row_by_key (self,
                                    "SELECT coalesce(max(occurred_at), '')"
                                    " FROM referral_transition WHERE referral_id = ?1"
                                    " AND to_status IN ('seen', 'loop-closed')",
                                    referral_id, NULL, read_text, NULL, error);
}

static gboolean
set_referral_outcome (RpStore    *self,
                      gint64      referral_id,
                      gint64      category_id,
                      guint       satisfaction,
                      const char *note,
                      gboolean    as_when_seen,
                      GError    **error)
{
  g_autofree char *now = rp_store_now_iso ();
  g_autofree char *clean_note = g_strstrip (g_strdup (note != NULL ? note : ""));
  g_autofree char *status = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  if (satisfaction > 5)
    {
      g_set_error_literal (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID,
                           _("Satisfaction is from 1 to 5"));
      return FALSE;
    }

  if (!rp_store_begin (self, error))
    return FALSE;

  stmt = _rp_store_prepare (self, "SELECT status FROM referral WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, referral_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    status = g_strdup (_rp_store_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND,
                           _("There is no such referral"));
      goto failed;
    }
  if (rc != SQLITE_ROW)
    {
      _rp_store_set_error (self, rc, error);
      goto failed;
    }

  if (!g_str_equal (status, "seen") && !g_str_equal (status, "loop-closed"))
    {
      g_set_error_literal (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID,
                           _("An outcome is recorded once the patient has been seen"));
      goto failed;
    }

  if (category_id != 0)
    {
      g_autoptr(RpOutcomeCategory) category = get_category (self, category_id, error);

      if (category == NULL)
        goto failed;
    }

  if (as_when_seen)
    {
      g_autofree char *seen_at = dup_seen_at (self, referral_id, error);

      if (seen_at == NULL)
        goto failed;
      if (*seen_at != '\0')
        {
          g_free (now);
          now = g_steal_pointer (&seen_at);
        }
    }

  stmt = _rp_store_prepare (self,
                            "UPDATE referral SET outcome_category_id = ?2, satisfaction = ?3,"
                            " outcome = ?4, updated_at = ?5,"
                            " outcome_at = CASE WHEN ?2 IS NULL AND ?3 IS NULL AND ?4 = ''"
                            "   THEN NULL ELSE coalesce(outcome_at, ?5) END"
                            " WHERE id = ?1",
                            error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, referral_id);
  _rp_store_bind_id (stmt, 2, category_id);
  if (satisfaction > 0)
    sqlite3_bind_int (stmt, 3, (int) satisfaction);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_text (stmt, 4, clean_note, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
  if (!_rp_store_step_done (self, stmt, error))
    goto failed;

  _rp_store_queue_signal (self, RP_STORE_PENDING_RECORDS);
  return rp_store_commit (self, error);

failed:
  rp_store_rollback (self);
  return FALSE;
}

gboolean
rp_store_set_referral_outcome (RpStore    *self,
                               gint64      referral_id,
                               gint64      category_id,
                               guint       satisfaction,
                               const char *note,
                               GError    **error)
{
  return set_referral_outcome (self, referral_id, category_id, satisfaction, note, FALSE, error);
}

gboolean
rp_store_import_referral_outcome (RpStore    *self,
                                  gint64      referral_id,
                                  gint64      category_id,
                                  guint       satisfaction,
                                  const char *note,
                                  GError    **error)
{
  return set_referral_outcome (self, referral_id, category_id, satisfaction, note, TRUE, error);
}
