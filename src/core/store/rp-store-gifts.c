/* rp-store-gifts.c: the yearly limits on gifts and meals (the US Stark law's non-monetary
 * compensation limit, per physician per year) and what each partner received.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rp-store-gifts.h"
#include "rp-store-partners.h"
#include "rp-store-private.h"

#define GIFT_YEAR_MIN 1990
#define GIFT_YEAR_MAX 2200

GArray *
rp_store_list_gift_limits (RpStore *self,
                           GError **error)
{
  g_autoptr(GArray) limits = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  stmt = _rp_store_prepare (self, "SELECT year, limit_cents FROM gift_limit ORDER BY year",
                            error);
  if (stmt == NULL)
    return NULL;

  limits = g_array_new (FALSE, FALSE, sizeof (RpGiftLimit));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RpGiftLimit limit = {
        .year = sqlite3_column_int (stmt, 0),
        .limit_cents = sqlite3_column_int64 (stmt, 1),
      };

      g_array_append_val (limits, limit);
    }

  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _rp_store_set_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&limits);
}

gboolean
rp_store_set_gift_limit (RpStore *self,
                         int      year,
                         gint64   limit_cents,
                         GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  if (year < GIFT_YEAR_MIN || year > GIFT_YEAR_MAX)
    {
      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID,
                   _("The year must be between %d and %d"), GIFT_YEAR_MIN, GIFT_YEAR_MAX);
      return FALSE;
    }

  if (limit_cents < 0)
    {
      g_set_error_literal (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID,
                           _("The limit cannot be negative"));
      return FALSE;
    }

  if (!rp_store_begin (self, error))
    return FALSE;

  stmt = _rp_store_prepare (self,
                            "INSERT INTO gift_limit (year, limit_cents) VALUES (?1, ?2)"
                            " ON CONFLICT (year) DO UPDATE SET limit_cents = excluded.limit_cents",
                            error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_int64 (stmt, 2, limit_cents);

  if (!_rp_store_step_done (self, stmt, error))
    goto failed;

  /* The near-limit list and the partner pane's warnings depend on it. */
  _rp_store_queue_signal (self, RP_STORE_PENDING_RECORDS);
  return rp_store_commit (self, error);

failed:
  rp_store_rollback (self);
  return FALSE;
}

gboolean
rp_store_remove_gift_limit (RpStore *self,
                            int      year,
                            GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  if (!rp_store_begin (self, error))
    return FALSE;

  stmt = _rp_store_prepare (self, "DELETE FROM gift_limit WHERE year = ?1", error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int (stmt, 1, year);

  if (!_rp_store_step_done (self, stmt, error))
    goto failed;

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND,
                   _("There is no limit for %d"), year);
      goto failed;
    }

  _rp_store_queue_signal (self, RP_STORE_PENDING_RECORDS);
  return rp_store_commit (self, error);

failed:
  rp_store_rollback (self);
  return FALSE;
}

/* A year before every year in the table takes the earliest limit: CMS's amounts only grow, so
 * that is the closest figure there is. */
gint64
rp_store_get_gift_limit (RpStore  *self,
                         int       year,
                         gboolean *exact)
{
  sqlite3_stmt *stmt;
  gint64 limit = -1;
  int found_year = 0;

  g_return_val_if_fail (RP_IS_STORE (self), -1);

  if (exact != NULL)
    *exact = FALSE;

  stmt = _rp_store_prepare (self,
                            "SELECT year, limit_cents FROM gift_limit"
                            " ORDER BY year > ?1, abs(year - ?1) LIMIT 1",
                            NULL);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_int (stmt, 1, year);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found_year = sqlite3_column_int (stmt, 0);
      limit = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);

  if (exact != NULL)
    *exact = limit >= 0 && found_year == year;

  return limit;
}

/* The first instant of @year and of the next one, as stored (UTC). */
static void
year_bounds (int    year,
             char **start,
             char **end)
{
  *start = g_strdup_printf ("%04d-01-01", year);
  *end = g_strdup_printf ("%04d-01-01", year + 1);
}

gint64
rp_store_get_gift_total (RpStore *self,
                         gint64   partner_id,
                         int      year)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  sqlite3_stmt *stmt;
  gint64 total = 0;

  g_return_val_if_fail (RP_IS_STORE (self), 0);

  /* cost_share_cents > 0 selects the partial index of gifts. */
  stmt = _rp_store_prepare (self,
                            "SELECT coalesce(sum(ap.cost_share_cents), 0) FROM activity_partner ap"
                            " JOIN activity a ON a.id = ap.activity_id"
                            " WHERE ap.partner_id = ?1 AND ap.cost_share_cents > 0"
                            " AND a.occurred_at >= ?2 AND a.occurred_at < ?3",
                            NULL);
  if (stmt == NULL)
    return 0;

  year_bounds (year, &start, &end);
  sqlite3_bind_int64 (stmt, 1, partner_id);
  sqlite3_bind_text (stmt, 2, start, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, end, -1, SQLITE_STATIC);

  if (sqlite3_step (stmt) == SQLITE_ROW)
    total = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return total;
}

GPtrArray *
rp_store_list_near_gift_limit (RpStore *self,
                               int      year,
                               double   fraction,
                               GError **error)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autoptr(GArray) ids = NULL;
  sqlite3_stmt *stmt;
  gint64 limit;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (fraction >= 0.0, NULL);

  limit = rp_store_get_gift_limit (self, year, NULL);
  if (limit < 0)
    return g_ptr_array_new_with_free_func (g_object_unref);

  /* Only physicians (persons) are capped; archived partners no longer concern the user. */
  stmt = _rp_store_prepare (self,
                            "SELECT p.id FROM (SELECT ap.partner_id, sum(ap.cost_share_cents)"
                            "   AS total FROM activity_partner ap"
                            "   JOIN activity a ON a.id = ap.activity_id"
                            "   WHERE ap.cost_share_cents > 0"
                            "   AND a.occurred_at >= ?1 AND a.occurred_at < ?2"
                            "   GROUP BY ap.partner_id HAVING total >= ?3) AS g"
                            " JOIN partner p ON p.id = g.partner_id"
                            " WHERE p.kind = 'person' AND p.archived_at IS NULL"
                            " ORDER BY g.total DESC, p.sort_name, p.id",
                            error);
  if (stmt == NULL)
    return NULL;

  year_bounds (year, &start, &end);
  sqlite3_bind_text (stmt, 1, start, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, end, -1, SQLITE_STATIC);
  /* A total of nothing is never near a limit, even a limit of zero. */
  sqlite3_bind_double (stmt, 3, MAX (fraction * (double) limit, 1.0));

  ids = _rp_store_collect_ids (self, stmt, error);
  if (ids == NULL)
    return NULL;

  return rp_store_load_partners (self, (const gint64 *) (gpointer) ids->data, ids->len, NULL,
                                 error);
}
