/* rp-store-tasks.c: reading and updating tasks, reading activities, and the yearly gift limits.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rp-store-private.h"

/* Tasks */

RpTask *
_rp_store_row_to_task (sqlite3_stmt *stmt)
{
  RpTask *task = rp_task_new (_rp_store_column_enum (stmt, TASK_KIND, RP_TYPE_TASK_KIND,
                                                     RP_TASK_KIND_FOLLOW_UP));

  g_object_freeze_notify (G_OBJECT (task));

  rp_task_set_id (task, sqlite3_column_int64 (stmt, TASK_ID));
  rp_task_set_uuid (task, _rp_store_column_text (stmt, TASK_UUID));
  rp_task_set_title (task, _rp_store_column_text (stmt, TASK_TITLE));
  rp_task_set_notes (task, _rp_store_column_text (stmt, TASK_NOTES));
  rp_task_set_partner_id (task, MAX (sqlite3_column_int64 (stmt, TASK_PARTNER_ID), 0));
  rp_task_set_referral_id (task, MAX (sqlite3_column_int64 (stmt, TASK_REFERRAL_ID), 0));
  rp_task_set_due_on (task, _rp_store_column_text (stmt, TASK_DUE_ON));
  rp_task_set_due_time (task, _rp_store_column_text (stmt, TASK_DUE_TIME));
  rp_task_set_done_at (task, _rp_store_column_text (stmt, TASK_DONE_AT));
  rp_task_set_snoozed_until (task, _rp_store_column_text (stmt, TASK_SNOOZED_UNTIL));
  rp_task_set_notified_at (task, _rp_store_column_text (stmt, TASK_NOTIFIED_AT));
  rp_task_set_rule_key (task, _rp_store_column_text (stmt, TASK_RULE_KEY));
  rp_task_set_created_at (task, _rp_store_column_text (stmt, TASK_CREATED_AT));
  g_object_set (task, "updated-at", _rp_store_column_text (stmt, TASK_UPDATED_AT), NULL);
  rp_task_set_partner_name (task, _rp_store_column_text (stmt, TASK_PARTNER_NAME));

  g_object_thaw_notify (G_OBJECT (task));

  return task;
}

static RpTask *
get_task_where (RpStore    *self,
                const char *sql,
                gint64      id,
                const char *text,
                GError    **error)
{
  sqlite3_stmt *stmt;
  RpTask *task = NULL;
  int rc;

  stmt = _rp_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;

  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    task = _rp_store_row_to_task (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND, _("No such task"));
  else
    _rp_store_set_error (self, rc, error);

  sqlite3_reset (stmt);
  return task;
}

GPtrArray *
_rp_store_collect_tasks (RpStore      *self,
                         sqlite3_stmt *stmt,
                         GError      **error)
{
  g_autoptr(GPtrArray) tasks = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (tasks, _rp_store_row_to_task (stmt));

  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _rp_store_set_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&tasks);
}

RpTask *
rp_store_get_task (RpStore *self,
                   gint64   id,
                   GError **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  return get_task_where (self, "SELECT " TASK_COLUMNS TASK_FROM " WHERE t.id = ?1",
                         id, NULL, error);
}

RpTask *
rp_store_find_task_by_rule_key (RpStore    *self,
                                const char *rule_key,
                                GError    **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (rule_key != NULL, NULL);

  return get_task_where (self, "SELECT " TASK_COLUMNS TASK_FROM " WHERE t.rule_key = ?1",
                         0, rule_key, error);
}

GPtrArray *
rp_store_list_open_tasks (RpStore    *self,
                          const char *until,
                          GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  /* Both read the partial index of open tasks in due order. */
  if (until != NULL && *until != '\0')
    stmt = _rp_store_prepare (self,
                              "SELECT " TASK_COLUMNS TASK_FROM
                              " WHERE t.done_at IS NULL AND t.due_on <= ?1"
                              " ORDER BY t.due_on, t.due_time, t.id",
                              error);
  else
    stmt = _rp_store_prepare (self,
                              "SELECT " TASK_COLUMNS TASK_FROM
                              " WHERE t.done_at IS NULL ORDER BY t.due_on, t.due_time, t.id",
                              error);
  if (stmt == NULL)
    return NULL;

  if (until != NULL && *until != '\0')
    sqlite3_bind_text (stmt, 1, until, -1, SQLITE_TRANSIENT);

  return _rp_store_collect_tasks (self, stmt, error);
}

GPtrArray *
rp_store_list_partner_tasks (RpStore *self,
                             gint64   partner_id,
                             GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  stmt = _rp_store_prepare (self,
                            "SELECT " TASK_COLUMNS TASK_FROM " WHERE t.partner_id = ?1"
                            " ORDER BY t.due_on DESC, t.due_time DESC, t.id DESC",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, partner_id);

  return _rp_store_collect_tasks (self, stmt, error);
}

gboolean
rp_store_update_task (RpStore *self,
                      RpTask  *task,
                      GError **error)
{
  g_autofree char *now = NULL;
  gboolean rescheduled = FALSE;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (RP_IS_TASK (task), FALSE);
  g_return_val_if_fail (rp_task_get_id (task) > 0, FALSE);

  if (*rp_task_get_due_on (task) == '\0')
    {
      g_set_error_literal (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID,
                           _("A task needs a due date"));
      return FALSE;
    }

  if (!rp_store_begin (self, error))
    return FALSE;

  /* Snoozing or rescheduling makes a task due again: it is notified anew at its new moment,
   * unless the caller sets notified-at itself. */
  stmt = _rp_store_prepare (self,
                            "SELECT due_on, due_time, notified_at FROM task WHERE id = ?1",
                            error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, rp_task_get_id (task));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    rescheduled = (g_strcmp0 (_rp_store_column_text (stmt, 0), rp_task_get_due_on (task)) != 0 ||
                   g_strcmp0 (_rp_store_column_text (stmt, 1), rp_task_get_due_time (task)) != 0) &&
                  g_strcmp0 (_rp_store_column_text (stmt, 2), rp_task_get_notified_at (task)) == 0;
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _rp_store_set_error (self, rc, error);
      goto failed;
    }

  stmt = _rp_store_prepare (self,
                            "UPDATE task SET due_on = ?1, due_time = ?2, snoozed_until = ?3,"
                            " done_at = ?4, notified_at = ?5, title = ?6, notes = ?7,"
                            " updated_at = ?8 WHERE id = ?9",
                            error);
  if (stmt == NULL)
    goto failed;

  now = rp_store_now_iso ();

  sqlite3_bind_text (stmt, 1, rp_task_get_due_on (task), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, rp_task_get_due_time (task), -1, SQLITE_TRANSIENT);
  _rp_store_bind_text (stmt, 3, rp_task_get_snoozed_until (task));
  _rp_store_bind_text (stmt, 4, rp_task_get_done_at (task));
  _rp_store_bind_text (stmt, 5, rescheduled ? NULL : rp_task_get_notified_at (task));
  sqlite3_bind_text (stmt, 6, rp_task_get_title (task), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, rp_task_get_notes (task), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 9, rp_task_get_id (task));

  if (!_rp_store_step_done (self, stmt, error))
    goto failed;

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND,
                           _("The task no longer exists"));
      goto failed;
    }

  _rp_store_queue_signal (self, RP_STORE_PENDING_RECORDS);

  if (!rp_store_commit (self, error))
    return FALSE;

  if (rescheduled)
    rp_task_set_notified_at (task, NULL);
  g_object_set (task, "updated-at", now, NULL);
  return TRUE;

failed:
  rp_store_rollback (self);
  return FALSE;
}

gboolean
rp_store_complete_tasks (RpStore     *self,
                         RpTaskKind   kind,
                         gint64       referral_id,
                         gint64       partner_id,
                         const char  *done_at,
                         guint       *n_done,
                         GError     **error)
{
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;
  guint changes;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (referral_id > 0 || partner_id > 0, FALSE);

  if (n_done != NULL)
    *n_done = 0;

  if (!rp_store_begin (self, error))
    return FALSE;

  stmt = _rp_store_prepare (self,
                            "UPDATE task SET done_at = ?1, updated_at = ?2"
                            " WHERE done_at IS NULL AND kind = ?3"
                            " AND (?4 = 0 OR referral_id = ?4) AND (?5 = 0 OR partner_id = ?5)",
                            error);
  if (stmt == NULL)
    goto failed;

  now = rp_store_now_iso ();

  sqlite3_bind_text (stmt, 1, done_at != NULL && *done_at != '\0' ? done_at : now, -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, rp_enum_to_nick (RP_TYPE_TASK_KIND, kind), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, MAX (referral_id, 0));
  sqlite3_bind_int64 (stmt, 5, MAX (partner_id, 0));

  if (!_rp_store_step_done (self, stmt, error))
    goto failed;

  changes = (guint) sqlite3_changes (self->db);
  if (changes > 0)
    _rp_store_queue_signal (self, RP_STORE_PENDING_RECORDS);

  if (!rp_store_commit (self, error))
    return FALSE;

  if (n_done != NULL)
    *n_done = changes;
  return TRUE;

failed:
  rp_store_rollback (self);
  return FALSE;
}

/* Activities */

RpActivity *
rp_store_get_activity (RpStore *self,
                       gint64   id,
                       GError **error)
{
  g_autoptr(RpActivity) activity = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  stmt = _rp_store_prepare (self,
                            "SELECT id, uuid, kind, occurred_at, contact_person, summary,"
                            " materials, referral_id, cost_cents, follow_up_needed, created_at,"
                            " updated_at FROM activity WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      activity = rp_activity_new (_rp_store_column_enum (stmt, 2, RP_TYPE_ACTIVITY_KIND,
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
    }
  else if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND,
                           _("No such activity"));
    }
  else
    {
      _rp_store_set_error (self, rc, error);
    }

  sqlite3_reset (stmt);

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

/* Gift limits */

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
