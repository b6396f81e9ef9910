/* rp-store-feedback.c: feedback from partner offices.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rp-store-feedback.h"
#include "rp-store-private.h"
#include "rp-store-tasks.h"
#include "rp-task.h"

#define FEEDBACK_COLUMNS \
  "id, uuid, partner_id, given_on, given_by, score, topic, comment, task_id, created_at"

static gpointer
read_feedback (sqlite3_stmt *stmt)
{
  RpFeedback *feedback = rp_feedback_new ();
  RpFeedbackTopic topic = RP_FEEDBACK_TOPIC_OTHER;

  rp_feedback_set_id (feedback, sqlite3_column_int64 (stmt, 0));
  rp_feedback_set_uuid (feedback, _rp_store_column_text (stmt, 1));
  rp_feedback_set_partner_id (feedback, sqlite3_column_int64 (stmt, 2));
  rp_feedback_set_given_on (feedback, _rp_store_column_text (stmt, 3));
  rp_feedback_set_given_by (feedback, _rp_store_column_text (stmt, 4));
  rp_feedback_set_score (feedback, (guint) CLAMP (sqlite3_column_int (stmt, 5), 0, 10));
  rp_feedback_topic_from_nick (_rp_store_column_text (stmt, 6), &topic);
  rp_feedback_set_topic (feedback, topic);
  rp_feedback_set_comment (feedback, _rp_store_column_text (stmt, 7));
  rp_feedback_set_task_id (feedback, sqlite3_column_int64 (stmt, 8));
  rp_feedback_set_created_at (feedback, _rp_store_column_text (stmt, 9));

  return feedback;
}

static char *
dup_partner_name (RpStore *self,
                  gint64   partner_id,
                  GError **error)
{
  sqlite3_stmt *stmt = _rp_store_prepare (self, "SELECT display_name FROM partner WHERE id = ?1",
                                          error);
  char *name = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, partner_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    name = g_strdup (_rp_store_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    g_set_error_literal (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND,
                         _("There is no such partner"));
  else if (rc != SQLITE_ROW)
    _rp_store_set_error (self, rc, error);

  return name;
}

/* The follow-up of a detractor's feedback: a task for the partner, due tomorrow. */
static gboolean
add_follow_up (RpStore    *self,
               RpFeedback *feedback,
               const char *partner_name,
               GError    **error)
{
  g_autoptr(RpTask) task = rp_task_new (RP_TASK_KIND_FOLLOW_UP);
  g_autofree char *today = _rp_store_dup_today (NULL);
  g_autofree char *due = _rp_store_shift_day (today, 1);
  g_autofree char *title = NULL;
  g_autofree char *notes = NULL;

  title = g_strdup_printf (_("Follow up on feedback from %s (scored %u of 10)"),
                           partner_name, rp_feedback_get_score (feedback));
  notes = g_strdup_printf (_("Topic: %s. %s"),
                           rp_feedback_topic_to_label (rp_feedback_get_topic (feedback)),
                           rp_feedback_get_comment (feedback));

  rp_task_set_title (task, title);
  rp_task_set_notes (task, g_strstrip (notes));
  rp_task_set_partner_id (task, rp_feedback_get_partner_id (feedback));
  rp_task_set_due_on (task, due);

  if (!rp_store_insert_task (self, task, error))
    return FALSE;

  rp_feedback_set_task_id (feedback, rp_task_get_id (task));
  return TRUE;
}

static gboolean
insert_feedback (RpStore    *self,
                 RpFeedback *feedback,
                 gboolean    follow_up,
                 GError    **error)
{
  g_autofree char *now = rp_store_now_iso ();
  g_autofree char *uuid = NULL;
  g_autofree char *partner_name = NULL;
  sqlite3_stmt *stmt;
  const char *created_at;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (RP_IS_FEEDBACK (feedback), FALSE);

  if (!_rp_store_check_day (rp_feedback_get_given_on (feedback), error))
    return FALSE;

  if (!rp_store_begin (self, error))
    return FALSE;

  partner_name = dup_partner_name (self, rp_feedback_get_partner_id (feedback), error);
  if (partner_name == NULL)
    goto failed;

  rp_feedback_set_task_id (feedback, 0);
  if (follow_up && rp_feedback_needs_follow_up (feedback) &&
      !add_follow_up (self, feedback, partner_name, error))
    goto failed;

  stmt = _rp_store_prepare (self,
                            "INSERT INTO partner_feedback (uuid, partner_id, given_on, given_by,"
                            " score, topic, comment, task_id, created_at, updated_at)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                            error);
  if (stmt == NULL)
    goto failed;

  uuid = _rp_store_dup_uuid_or_new (rp_feedback_get_uuid (feedback));
  created_at = _rp_store_or_now (rp_feedback_get_created_at (feedback), now);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, rp_feedback_get_partner_id (feedback));
  sqlite3_bind_text (stmt, 3, rp_feedback_get_given_on (feedback), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, g_strstrip (g_strdup (rp_feedback_get_given_by (feedback))), -1,
                     g_free);
  sqlite3_bind_int (stmt, 5, (int) rp_feedback_get_score (feedback));
  sqlite3_bind_text (stmt, 6, rp_feedback_topic_to_nick (rp_feedback_get_topic (feedback)), -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, g_strstrip (g_strdup (rp_feedback_get_comment (feedback))), -1,
                     g_free);
  _rp_store_bind_id (stmt, 8, rp_feedback_get_task_id (feedback));
  sqlite3_bind_text (stmt, 9, created_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 10, now, -1, SQLITE_STATIC);

  if (!_rp_store_step_done (self, stmt, error))
    goto failed;

  _rp_store_queue_signal (self, RP_STORE_PENDING_RECORDS);
  if (!rp_store_commit (self, error))
    {
      rp_feedback_set_task_id (feedback, 0);
      return FALSE;
    }

  rp_feedback_set_id (feedback, sqlite3_last_insert_rowid (self->db));
  rp_feedback_set_uuid (feedback, uuid);
  if (*rp_feedback_get_created_at (feedback) == '\0')
    rp_feedback_set_created_at (feedback, now);
  return TRUE;

failed:
  rp_store_rollback (self);
  rp_feedback_set_task_id (feedback, 0);
  return FALSE;
}

gboolean
rp_store_insert_feedback (RpStore    *self,
                          RpFeedback *feedback,
                          GError    **error)
{
  return insert_feedback (self, feedback, TRUE, error);
}

gboolean
rp_store_import_feedback (RpStore    *self,
                          RpFeedback *feedback,
                          GError    **error)
{
  return insert_feedback (self, feedback, FALSE, error);
}

RpFeedback *
rp_store_get_feedback (RpStore *self,
                       gint64   id,
                       GError **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  return _rp_store_read_row_by_key (self,
                                    "SELECT " FEEDBACK_COLUMNS " FROM partner_feedback"
                                    " WHERE id = ?1",
                                    id, NULL, read_feedback,
                                    _("There is no such feedback"), error);
}

GPtrArray *
rp_store_list_partner_feedback (RpStore *self,
                                gint64   partner_id,
                                GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  stmt = _rp_store_prepare (self,
                            "SELECT " FEEDBACK_COLUMNS " FROM partner_feedback"
                            " WHERE partner_id = ?1 ORDER BY given_on DESC, id DESC",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, partner_id);
  return _rp_store_read_rows (self, stmt, read_feedback, g_object_unref, error);
}

gboolean
rp_store_delete_feedback (RpStore *self,
                          gint64   id,
                          GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  if (!rp_store_begin (self, error))
    return FALSE;

  stmt = _rp_store_prepare (self,
                            "DELETE FROM task WHERE done_at IS NULL AND id ="
                            " (SELECT task_id FROM partner_feedback WHERE id = ?1)",
                            error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_rp_store_step_done (self, stmt, error))
    goto failed;

  stmt = _rp_store_prepare (self, "DELETE FROM partner_feedback WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_rp_store_step_done (self, stmt, error))
    goto failed;

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND,
                           _("There is no such feedback"));
      goto failed;
    }

  _rp_store_queue_signal (self, RP_STORE_PENDING_RECORDS);
  return rp_store_commit (self, error);

failed:
  rp_store_rollback (self);
  return FALSE;
}
