/* rp-store-reminders.c: what the reminder service reads and writes: the next due moment, the
 * tasks due and not yet notified, their notified-at, and the day's planned visits.
 *
 * Due moments are compared as local "YYYY-MM-DDTHH:MM" text, a task without a time taking the
 * default reminder time. The partial index task_unnotified_by_due (open, not notified tasks by
 * due day and time) serves every query here, so none reads the tasks already notified or done.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rp-store-private.h"

/* The due time of a task in SQL, @default_time (?N) standing in for none. */
#define EFFECTIVE_TIME(param) "CASE WHEN t.due_time = '' THEN " param " ELSE t.due_time END"

/* Splits a local "YYYY-MM-DDTHH:MM" into its day and time; a bare day means its whole day. */
static gboolean
split_moment (const char  *moment,
              char       **day,
              char       **time,
              GError     **error)
{
  if (moment == NULL || strlen (moment) < 10 ||
      (moment[10] != '\0' && moment[10] != 'T' && moment[10] != ' '))
    {
      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID,
                   _("“%s” is not a date and time"), moment != NULL ? moment : "");
      return FALSE;
    }

  *day = g_strndup (moment, 10);
  *time = g_strdup (moment[10] != '\0' ? moment + 11 : "23:59");
  return TRUE;
}

char *
rp_store_dup_next_due (RpStore    *self,
                       const char *default_time,
                       GError    **error)
{
  sqlite3_stmt *stmt;
  char *next = NULL;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (default_time != NULL, NULL);

  /* The earliest day comes from the front of the partial index; that day's tasks are one range
   * of it, whose minimum time (tasks without one at @default_time) is the moment. */
  stmt = _rp_store_prepare (self,
                            "SELECT t.due_on, min(" EFFECTIVE_TIME ("?1") ") FROM task t"
                            " WHERE t.done_at IS NULL AND t.notified_at IS NULL"
                            " AND t.due_on = (SELECT due_on FROM task"
                            "   WHERE done_at IS NULL AND notified_at IS NULL"
                            "   ORDER BY due_on LIMIT 1)",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, default_time, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        next = g_strdup_printf ("%sT%s", _rp_store_column_text (stmt, 0),
                                _rp_store_column_text (stmt, 1));
    }
  else if (rc != SQLITE_DONE)
    {
      _rp_store_set_error (self, rc, error);
    }

  sqlite3_reset (stmt);
  return next;
}

GPtrArray *
rp_store_list_due_unnotified (RpStore    *self,
                              const char *until,
                              const char *default_time,
                              GError    **error)
{
  g_autofree char *day = NULL;
  g_autofree char *time = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (until != NULL, NULL);
  g_return_val_if_fail (default_time != NULL, NULL);

  if (!split_moment (until, &day, &time, error))
    return NULL;

  stmt = _rp_store_prepare (self,
                            "SELECT " TASK_COLUMNS TASK_FROM
                            " WHERE t.done_at IS NULL AND t.notified_at IS NULL"
                            " AND t.due_on <= ?1"
                            " AND (t.due_on < ?1 OR " EFFECTIVE_TIME ("?3") " <= ?2)"
                            " ORDER BY t.due_on, " EFFECTIVE_TIME ("?3") ", t.id",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, time, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, default_time, -1, SQLITE_TRANSIENT);

  return _rp_store_collect_tasks (self, stmt, error);
}

gboolean
rp_store_mark_notified (RpStore      *self,
                        const gint64 *task_ids,
                        guint         n_task_ids,
                        const char   *notified_at,
                        GError      **error)
{
  g_autofree char *now = NULL;
  guint changes = 0;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (task_ids != NULL || n_task_ids == 0, FALSE);

  if (n_task_ids == 0)
    return TRUE;

  if (!rp_store_begin (self, error))
    return FALSE;

  now = rp_store_now_iso ();

  for (guint i = 0; i < n_task_ids; i++)
    {
      sqlite3_stmt *stmt;

      stmt = _rp_store_prepare (self,
                                "UPDATE task SET notified_at = ?1, updated_at = ?2 WHERE id = ?3",
                                error);
      if (stmt == NULL)
        goto failed;

      sqlite3_bind_text (stmt, 1, notified_at != NULL && *notified_at != '\0' ? notified_at : now,
                         -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, task_ids[i]);

      if (!_rp_store_step_done (self, stmt, error))
        goto failed;

      changes += (guint) sqlite3_changes (self->db);
    }

  if (changes > 0)
    _rp_store_queue_signal (self, RP_STORE_PENDING_RECORDS);

  return rp_store_commit (self, error);

failed:
  rp_store_rollback (self);
  return FALSE;
}

GPtrArray *
rp_store_list_planned_visits (RpStore    *self,
                              const char *day,
                              GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (day != NULL, NULL);

  stmt = _rp_store_prepare (self,
                            "SELECT " VISIT_COLUMNS VISIT_FROM
                            " WHERE v.planned_on = ?1 AND v.status = 'planned'"
                            " ORDER BY v.position, v.id",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);

  return _rp_store_collect_visits (self, stmt, error);
}
