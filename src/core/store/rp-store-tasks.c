/* rp-store-tasks.c: writing, reading and updating tasks, and what the reminder service asks of
 * them.
 *
 * Due moments are compared as local "YYYY-MM-DDTHH:MM" text, a task without a time taking the
 * default reminder time. The partial index task_unnotified_by_due (open, not notified tasks by
 * due day and time) serves every reminder query, so none reads the tasks already notified or
 * done.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>

#include <glib/gi18n-lib.h>

#include "rp-store-private.h"
#include "rp-store-tasks.h"

/* The columns every task query reads, in the order of the enum below. */
#define TASK_COLUMNS \
  "t.id, t.uuid, t.kind, t.title, t.notes, t.partner_id, t.referral_id, t.due_on, t.due_time," \
  " t.done_at, t.snoozed_until, t.notified_at, t.rule_key, t.created_at, t.updated_at," \
  " p.display_name"

#define TASK_FROM \
  " FROM task t LEFT JOIN partner p ON p.id = t.partner_id"

enum {
  TASK_ID, TASK_UUID, TASK_KIND, TASK_TITLE, TASK_NOTES, TASK_PARTNER_ID, TASK_REFERRAL_ID,
  TASK_DUE_ON, TASK_DUE_TIME, TASK_DONE_AT, TASK_SNOOZED_UNTIL, TASK_NOTIFIED_AT, TASK_RULE_KEY,
  TASK_CREATED_AT, TASK_UPDATED_AT, TASK_PARTNER_NAME,
};

/* The due time of a task in SQL, @default_time (?N) standing in for none. */
#define EFFECTIVE_TIME(param) "CASE WHEN t.due_time = '' THEN " param " ELSE t.due_time END"

/* A row of TASK_COLUMNS TASK_FROM as a task. */
static RpTask *
row_to_task (sqlite3_stmt *stmt)
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

RpTask *
rp_store_get_task (RpStore *self,
                   gint64   id,
                   GError **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  return _rp_store_read_row_by_key (self, "SELECT " TASK_COLUMNS TASK_FROM " WHERE t.id = ?1",
                                    id, NULL, (RpStoreReadRow) row_to_task, _("No such task"),
                                    error);
}

RpTask *
rp_store_find_task_by_rule_key (RpStore    *self,
                                const char *rule_key,
                                GError    **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (rule_key != NULL, NULL);

  return _rp_store_read_row_by_key (self,
                                    "SELECT " TASK_COLUMNS TASK_FROM " WHERE t.rule_key = ?1",
                                    0, rule_key, (RpStoreReadRow) row_to_task,
                                    _("No such task"), error);
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

  return _rp_store_read_rows (self, stmt, (RpStoreReadRow) row_to_task, g_object_unref,
                              error);
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

  return _rp_store_read_rows (self, stmt, (RpStoreReadRow) row_to_task, g_object_unref,
                              error);
}

gboolean
rp_store_insert_task (RpStore *self,
                      RpTask  *task,
                      GError **error)
{
  g_autofree char *now = NULL;
  g_autofree char *uuid = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (RP_IS_TASK (task), FALSE);

  if (*rp_task_get_due_on (task) == '\0')
    {
      g_set_error_literal (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID,
                           _("A task needs a due date"));
      return FALSE;
    }

  stmt = _rp_store_prepare (self,
                            "INSERT INTO task (uuid, kind, title, notes, partner_id, referral_id,"
                            " due_on, due_time, done_at, snoozed_until, notified_at, rule_key,"
                            " created_at, updated_at)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                            error);
  if (stmt == NULL)
    return FALSE;

  now = rp_store_now_iso ();
  uuid = _rp_store_dup_uuid_or_new (rp_task_get_uuid (task));

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, rp_enum_to_nick (RP_TYPE_TASK_KIND, rp_task_get_kind (task)), -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, rp_task_get_title (task), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, rp_task_get_notes (task), -1, SQLITE_TRANSIENT);
  _rp_store_bind_id (stmt, 5, rp_task_get_partner_id (task));
  _rp_store_bind_id (stmt, 6, rp_task_get_referral_id (task));
  sqlite3_bind_text (stmt, 7, rp_task_get_due_on (task), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, rp_task_get_due_time (task), -1, SQLITE_TRANSIENT);
  _rp_store_bind_text (stmt, 9, rp_task_get_done_at (task));
  _rp_store_bind_text (stmt, 10, rp_task_get_snoozed_until (task));
  _rp_store_bind_text (stmt, 11, rp_task_get_notified_at (task));
  _rp_store_bind_text (stmt, 12, rp_task_get_rule_key (task));
  sqlite3_bind_text (stmt, 13, _rp_store_or_now (rp_task_get_created_at (task), now), -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 14, now, -1, SQLITE_STATIC);

  if (!rp_store_begin (self, error))
    return FALSE;

  if (!_rp_store_step_done (self, stmt, error))
    {
      rp_store_rollback (self);
      return FALSE;
    }

  _rp_store_queue_signal (self, RP_STORE_PENDING_RECORDS);
  rp_task_set_id (task, sqlite3_last_insert_rowid (self->db));
  rp_task_set_uuid (task, uuid);
  if (*rp_task_get_created_at (task) == '\0')
    rp_task_set_created_at (task, now);

  return rp_store_commit (self, error);
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

/* Reminders */

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

/* A read-only database cannot record that a reminder was sent: the ids of the tasks notified go
 * to a file of the user's state folder instead, one per database, so that a reminder still comes
 * once. The ids of a read-only database cannot change. */
static char *
dup_ledger_path (RpStore *self)
{
  g_autofree char *uuid = rp_store_dup_meta (self, "database-uuid");
  g_autofree char *name = NULL;

  if (uuid == NULL)
    return NULL;

  name = g_strconcat (uuid, ".ini", NULL);
  return g_build_filename (g_get_user_state_dir (), "rapport", "notified", name, NULL);
}

static GHashTable *
ensure_notified_elsewhere (RpStore *self)
{
  g_autofree char *path = NULL;
  g_autoptr(GKeyFile) file = NULL;
  g_auto(GStrv) keys = NULL;

  if (self->notified_elsewhere != NULL)
    return self->notified_elsewhere;

  self->notified_elsewhere = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  path = dup_ledger_path (self);
  file = g_key_file_new ();
  if (path == NULL || !g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, NULL))
    return self->notified_elsewhere;

  keys = g_key_file_get_keys (file, "notified", NULL, NULL);
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      gint64 *id = g_new (gint64, 1);

      *id = g_ascii_strtoll (keys[i], NULL, 10);
      g_hash_table_insert (self->notified_elsewhere, id,
                           g_key_file_get_string (file, "notified", keys[i], NULL));
    }

  return self->notified_elsewhere;
}

static gboolean
save_notified_elsewhere (RpStore  *self,
                         GError  **error)
{
  g_autofree char *path = dup_ledger_path (self);
  g_autofree char *dir = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GKeyFile) file = g_key_file_new ();
  GHashTableIter iter;
  gpointer key, value;

  if (path == NULL)
    {
      g_set_error_literal (error, RP_STORE_ERROR, RP_STORE_ERROR_READ_ONLY,
                           "The database has no identity to keep its reminders by");
      return FALSE;
    }

  g_hash_table_iter_init (&iter, ensure_notified_elsewhere (self));
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      char name[32];

      g_snprintf (name, sizeof name, "%" G_GINT64_FORMAT, *(gint64 *) key);
      g_key_file_set_string (file, "notified", name, value != NULL ? value : "");
    }

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }

  data = g_key_file_to_data (file, NULL, NULL);
  return g_file_set_contents_full (path, data, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

static void
notified_elsewhere_func (sqlite3_context  *context,
                         int               argc,
                         sqlite3_value   **argv)
{
  RpStore *self = sqlite3_user_data (context);
  gint64 id = sqlite3_value_int64 (argv[0]);

  sqlite3_result_int (context,
                      g_hash_table_contains (ensure_notified_elsewhere (self), &id) ? 1 : 0);
}

gboolean
_rp_store_register_task_functions (RpStore *self)
{
  return sqlite3_create_function (self->db, "rp_notified_elsewhere", 1,
                                  SQLITE_UTF8, self, notified_elsewhere_func,
                                  NULL, NULL) == SQLITE_OK;
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
  if (self->read_only)
    stmt = _rp_store_prepare (self,
                              "SELECT t.due_on, min(" EFFECTIVE_TIME ("?1") ") FROM task t"
                              " WHERE t.done_at IS NULL AND t.notified_at IS NULL"
                              " AND NOT rp_notified_elsewhere (t.id)"
                              " AND t.due_on = (SELECT due_on FROM task"
                              "   WHERE done_at IS NULL AND notified_at IS NULL"
                              "   AND NOT rp_notified_elsewhere (id)"
                              "   ORDER BY due_on LIMIT 1)",
                              error);
  else
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

  if (self->read_only)
    stmt = _rp_store_prepare (self,
                              "SELECT " TASK_COLUMNS TASK_FROM
                              " WHERE t.done_at IS NULL AND t.notified_at IS NULL"
                              " AND NOT rp_notified_elsewhere (t.id)"
                              " AND t.due_on <= ?1"
                              " AND (t.due_on < ?1 OR " EFFECTIVE_TIME ("?3") " <= ?2)"
                              " ORDER BY t.due_on, " EFFECTIVE_TIME ("?3") ", t.id",
                              error);
  else
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

  return _rp_store_read_rows (self, stmt, (RpStoreReadRow) row_to_task, g_object_unref,
                              error);
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

  now = rp_store_now_iso ();

  if (self->read_only)
    {
      GHashTable *notified = ensure_notified_elsewhere (self);

      for (guint i = 0; i < n_task_ids; i++)
        g_hash_table_insert (notified, g_memdup2 (&task_ids[i], sizeof (gint64)),
                             g_strdup (notified_at != NULL && *notified_at != '\0' ? notified_at
                                                                                   : now));
      if (!save_notified_elsewhere (self, error))
        return FALSE;

      _rp_store_queue_signal (self, RP_STORE_PENDING_RECORDS);
      return TRUE;
    }

  if (!rp_store_begin (self, error))
    return FALSE;

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
