/* rp-store-visits.c: the visits planned with the outreach planner.
 *
 * A day's visits that are not cancelled are numbered 0…n-1 by "position", the driving order;
 * every write that adds, moves, cancels or deletes one renumbers the days it touches, so the
 * order never has gaps. Cancelled visits keep their last position, stay in history and are
 * listed after the day's others.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "rp-store-private.h"
#include "rp-store-visits.h"

/* The columns every visit query reads, with the partner's name, in the order of the enum below. */
#define VISIT_COLUMNS \
  "v.id, v.uuid, v.partner_id, v.planned_on, v.position, v.objective, v.status, v.activity_id," \
  " v.created_at, p.display_name, v.liaison, v.start_time"

#define VISIT_FROM \
  " FROM planned_visit v JOIN partner p ON p.id = v.partner_id"

enum {
  VISIT_ID, VISIT_UUID, VISIT_PARTNER_ID, VISIT_PLANNED_ON, VISIT_POSITION, VISIT_OBJECTIVE,
  VISIT_STATUS, VISIT_ACTIVITY_ID, VISIT_CREATED_AT, VISIT_PARTNER_NAME, VISIT_LIAISON,
  VISIT_START_TIME,
};

gboolean
_rp_store_check_day (const char  *day,
                     GError     **error)
{
  guint year, month, dom;
  char end;

  if (day != NULL && strlen (day) == 10 &&
      sscanf (day, "%4u-%2u-%2u%c", &year, &month, &dom, &end) == 3 &&
      day[4] == '-' && day[7] == '-' &&
      g_date_valid_dmy ((GDateDay) dom, (GDateMonth) month, (GDateYear) year))
    return TRUE;

  g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID,
               _("“%s” is not a date"), day != NULL ? day : "");
  return FALSE;
}

/* A row of VISIT_COLUMNS VISIT_FROM as a planned visit. */
static RpPlannedVisit *
row_to_planned_visit (sqlite3_stmt *stmt)
{
  RpPlannedVisit *visit = rp_planned_visit_new ();

  rp_planned_visit_set_id (visit, sqlite3_column_int64 (stmt, VISIT_ID));
  rp_planned_visit_set_uuid (visit, _rp_store_column_text (stmt, VISIT_UUID));
  rp_planned_visit_set_partner_id (visit, sqlite3_column_int64 (stmt, VISIT_PARTNER_ID));
  rp_planned_visit_set_planned_on (visit, _rp_store_column_text (stmt, VISIT_PLANNED_ON));
  rp_planned_visit_set_position (visit,
                                 (guint) MAX (sqlite3_column_int (stmt, VISIT_POSITION), 0));
  rp_planned_visit_set_objective (visit, _rp_store_column_text (stmt, VISIT_OBJECTIVE));
  rp_planned_visit_set_status (visit, _rp_store_column_enum (stmt, VISIT_STATUS,
                                                             RP_TYPE_VISIT_STATUS,
                                                             RP_VISIT_STATUS_PLANNED));
  rp_planned_visit_set_activity_id (visit,
                                    MAX (sqlite3_column_int64 (stmt, VISIT_ACTIVITY_ID), 0));
  rp_planned_visit_set_created_at (visit, _rp_store_column_text (stmt, VISIT_CREATED_AT));
  rp_planned_visit_set_partner_name (visit, _rp_store_column_text (stmt, VISIT_PARTNER_NAME));
  rp_planned_visit_set_liaison (visit, _rp_store_column_text (stmt, VISIT_LIAISON));
  rp_planned_visit_set_start_time (visit, _rp_store_column_text (stmt, VISIT_START_TIME));

  return visit;
}

/* The day and status of one of this liaison's visits; FALSE with NOT_FOUND when there is no such
 * visit, INVALID when it is another liaison's (from the team calendar: only they change it). */
static gboolean
read_visit_day (RpStore        *self,
                gint64          visit_id,
                char          **day,
                RpVisitStatus  *status,
                GError        **error)
{
  g_autofree char *liaison = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = _rp_store_prepare (self,
                            "SELECT planned_on, status, liaison FROM planned_visit WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, visit_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *day = g_strdup (_rp_store_column_text (stmt, 0));
      *status = _rp_store_column_enum (stmt, 1, RP_TYPE_VISIT_STATUS, RP_VISIT_STATUS_PLANNED);
      liaison = g_strdup (_rp_store_column_text (stmt, 2));
    }
  sqlite3_reset (stmt);

  if (rc == SQLITE_ROW && liaison != NULL && *liaison != '\0')
    {
      g_clear_pointer (day, g_free);
      /* Translators: %s is the liaison of the team who planned the visit. */
      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID,
                   _("This visit was planned by %s: only they can change it"), liaison);
      return FALSE;
    }

  if (rc == SQLITE_ROW)
    return TRUE;

  if (rc == SQLITE_DONE)
    g_set_error_literal (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND,
                         _("The planned visit no longer exists"));
  else
    _rp_store_set_error (self, rc, error);

  return FALSE;
}

/* The ids of @day's visits that are not cancelled, in their order, without @except_id: this
 * liaison's only (liaison = '', the rule of rp_team_is_own_visit). Other liaisons' visits from
 * the team calendar are no stops of this liaison's route: never renumbered, so never rewritten
 * (an untimed visit's synced start follows its position). */
static GArray *
day_visit_ids (RpStore     *self,
               const char  *day,
               gint64       except_id,
               GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = _rp_store_prepare (self,
                            "SELECT id FROM planned_visit"
                            " WHERE planned_on = ?1 AND status != 'cancelled' AND id != ?2 AND liaison = ''"
                            " ORDER BY position, id",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, except_id);

  return _rp_store_collect_ids (self, stmt, error);
}

/* Writes @ids as @day's visits in this order (positions 0…n-1). Inside a transaction. */
static gboolean
write_day_order (RpStore      *self,
                 const char   *day,
                 const gint64 *ids,
                 guint         n_ids,
                 GError      **error)
{
  g_autofree char *now = rp_store_now_iso ();
  sqlite3_stmt *stmt;

  stmt = _rp_store_prepare (self,
                            "UPDATE planned_visit SET planned_on = ?2, position = ?3,"
                            " updated_at = ?4"
                            " WHERE id = ?1 AND (planned_on != ?2 OR position != ?3)",
                            error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < n_ids; i++)
    {
      sqlite3_bind_int64 (stmt, 1, ids[i]);
      sqlite3_bind_text (stmt, 2, day, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 3, (int) i);
      sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
      if (!_rp_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* Closes the gaps in @day's order (after a visit left it). Inside a transaction. */
static gboolean
renumber_day (RpStore     *self,
              const char  *day,
              GError     **error)
{
  g_autoptr(GArray) ids = day_visit_ids (self, day, 0, error);

  if (ids == NULL)
    return FALSE;

  return write_day_order (self, day, (const gint64 *) ids->data, ids->len, error);
}

GPtrArray *
rp_store_list_visits_between (RpStore    *self,
                              const char *from,
                              const char *to,
                              gboolean    include_cancelled,
                              GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (from != NULL, NULL);
  g_return_val_if_fail (to != NULL, NULL);

  stmt = _rp_store_prepare (self,
                            "SELECT " VISIT_COLUMNS VISIT_FROM
                            " WHERE v.planned_on BETWEEN ?1 AND ?2"
                            " AND (?3 OR v.status != 'cancelled')"
                            " ORDER BY v.planned_on, v.status = 'cancelled', v.position, v.id",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, include_cancelled ? 1 : 0);

  return _rp_store_read_rows (self, stmt, (RpStoreReadRow) row_to_planned_visit,
                              g_object_unref, error);
}

RpPlannedVisit *
rp_store_get_planned_visit (RpStore *self,
                            gint64   id,
                            GError **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  return _rp_store_read_row_by_key (self, "SELECT " VISIT_COLUMNS VISIT_FROM " WHERE v.id = ?1",
                                    id, NULL, (RpStoreReadRow) row_to_planned_visit,
                                    _("The planned visit no longer exists"), error);
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
                            " WHERE v.planned_on = ?1 AND v.status = 'planned' AND v.liaison = ''"
                            " ORDER BY v.position, v.id",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);

  return _rp_store_read_rows (self, stmt, (RpStoreReadRow) row_to_planned_visit,
                              g_object_unref, error);
}

gboolean
rp_store_insert_planned_visit (RpStore        *self,
                               RpPlannedVisit *visit,
                               GError        **error)
{
  g_autofree char *now = NULL;
  g_autofree char *uuid = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (RP_IS_PLANNED_VISIT (visit), FALSE);

  if (rp_planned_visit_get_partner_id (visit) <= 0 ||
      *rp_planned_visit_get_planned_on (visit) == '\0')
    {
      g_set_error_literal (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID,
                           _("A planned visit needs a partner and a day"));
      return FALSE;
    }

  stmt = _rp_store_prepare (self,
                            "INSERT INTO planned_visit (uuid, partner_id, planned_on, position,"
                            " objective, status, activity_id, created_at, updated_at, liaison,"
                            " start_time)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                            error);
  if (stmt == NULL)
    return FALSE;

  now = rp_store_now_iso ();
  uuid = _rp_store_dup_uuid_or_new (rp_planned_visit_get_uuid (visit));

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, rp_planned_visit_get_partner_id (visit));
  sqlite3_bind_text (stmt, 3, rp_planned_visit_get_planned_on (visit), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, rp_planned_visit_get_position (visit));
  sqlite3_bind_text (stmt, 5, rp_planned_visit_get_objective (visit), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, rp_enum_to_nick (RP_TYPE_VISIT_STATUS,
                                               rp_planned_visit_get_status (visit)),
                     -1, SQLITE_STATIC);
  _rp_store_bind_id (stmt, 7, rp_planned_visit_get_activity_id (visit));
  sqlite3_bind_text (stmt, 8, _rp_store_or_now (rp_planned_visit_get_created_at (visit), now), -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, rp_planned_visit_get_liaison (visit), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 11, rp_planned_visit_get_start_time (visit), -1, SQLITE_TRANSIENT);

  if (!rp_store_begin (self, error))
    return FALSE;

  if (!_rp_store_step_done (self, stmt, error))
    {
      rp_store_rollback (self);
      return FALSE;
    }

  _rp_store_queue_signal (self, RP_STORE_PENDING_RECORDS | RP_STORE_PENDING_VISITS);
  rp_planned_visit_set_id (visit, sqlite3_last_insert_rowid (self->db));
  rp_planned_visit_set_uuid (visit, uuid);
  if (*rp_planned_visit_get_created_at (visit) == '\0')
    rp_planned_visit_set_created_at (visit, now);

  return rp_store_commit (self, error);
}

RpPlannedVisit *
rp_store_plan_visit (RpStore    *self,
                     gint64      partner_id,
                     const char *day,
                     const char *objective,
                     GError    **error)
{
  g_autoptr(RpPlannedVisit) visit = NULL;
  g_autoptr(GArray) ids = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  if (!_rp_store_check_day (day, error))
    return NULL;

  stmt = _rp_store_prepare (self, "SELECT 1 FROM partner WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, partner_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error_literal (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND,
                             _("The partner no longer exists"));
      else
        _rp_store_set_error (self, rc, error);
      return NULL;
    }

  if (!rp_store_begin (self, error))
    return NULL;

  ids = day_visit_ids (self, day, 0, error);
  if (ids == NULL)
    goto failed;

  visit = rp_planned_visit_new ();
  rp_planned_visit_set_partner_id (visit, partner_id);
  rp_planned_visit_set_planned_on (visit, day);
  rp_planned_visit_set_position (visit, ids->len);
  rp_planned_visit_set_objective (visit, objective != NULL ? objective : "");

  if (!rp_store_insert_planned_visit (self, visit, error))
    goto failed;

  if (!rp_store_commit (self, error))
    return NULL;

  /* Read it back for its partner's name. */
  return rp_store_get_planned_visit (self, rp_planned_visit_get_id (visit), error);

failed:
  rp_store_rollback (self);
  return NULL;
}

gboolean
rp_store_move_visit (RpStore    *self,
                     gint64      visit_id,
                     const char *day,
                     guint       position,
                     GError    **error)
{
  g_autofree char *old_day = NULL;
  g_autoptr(GArray) ids = NULL;
  RpVisitStatus status;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  if (!_rp_store_check_day (day, error))
    return FALSE;

  if (!rp_store_begin (self, error))
    return FALSE;

  if (!read_visit_day (self, visit_id, &old_day, &status, error))
    goto failed;

  ids = day_visit_ids (self, day, visit_id, error);
  if (ids == NULL)
    goto failed;

  /* A cancelled visit moved to a day keeps its status; it only takes a place in the order when
   * it is live. */
  if (status != RP_VISIT_STATUS_CANCELLED)
    g_array_insert_val (ids, MIN (position, ids->len), visit_id);
  else if (!write_day_order (self, day, &visit_id, 1, error))
    goto failed;

  if (!write_day_order (self, day, (const gint64 *) ids->data, ids->len, error))
    goto failed;

  if (g_strcmp0 (old_day, day) != 0 && !renumber_day (self, old_day, error))
    goto failed;

  _rp_store_queue_signal (self, RP_STORE_PENDING_VISITS);
  return rp_store_commit (self, error);

failed:
  rp_store_rollback (self);
  return FALSE;
}

gboolean
rp_store_reorder_visits (RpStore      *self,
                         const char   *day,
                         const gint64 *visit_ids,
                         guint         n_visit_ids,
                         GError      **error)
{
  g_autoptr(GArray) current = NULL;
  g_autoptr(GArray) order = NULL;
  g_autoptr(GHashTable) listed = NULL;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (visit_ids != NULL || n_visit_ids == 0, FALSE);

  if (!_rp_store_check_day (day, error))
    return FALSE;

  if (!rp_store_begin (self, error))
    return FALSE;

  current = day_visit_ids (self, day, 0, error);
  if (current == NULL)
    goto failed;

  listed = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < current->len; i++)
    g_hash_table_add (listed, &g_array_index (current, gint64, i));

  order = g_array_sized_new (FALSE, FALSE, sizeof (gint64), current->len);
  for (guint i = 0; i < n_visit_ids; i++)
    {
      if (!g_hash_table_remove (listed, &visit_ids[i]))
        {
          g_autofree char *its_day = NULL;
          RpVisitStatus status;

          /* Another liaison's visit says whose it is. */
          if (read_visit_day (self, visit_ids[i], &its_day, &status, error))
            g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID,
                         _("The visit is not planned on %s"), day);
          goto failed;
        }
      g_array_append_val (order, visit_ids[i]);
    }

  /* Visits the caller did not name (planned meanwhile) keep their order, after the others. */
  for (guint i = 0; i < current->len; i++)
    {
      gint64 id = g_array_index (current, gint64, i);

      if (g_hash_table_contains (listed, &id))
        g_array_append_val (order, id);
    }

  if (!write_day_order (self, day, (const gint64 *) order->data, order->len, error))
    goto failed;

  _rp_store_queue_signal (self, RP_STORE_PENDING_VISITS);
  return rp_store_commit (self, error);

failed:
  rp_store_rollback (self);
  return FALSE;
}

gboolean
rp_store_set_visit_status (RpStore       *self,
                           gint64         visit_id,
                           RpVisitStatus  status,
                           gint64         activity_id,
                           GError       **error)
{
  g_autofree char *day = NULL;
  g_autofree char *now = NULL;
  RpVisitStatus old_status;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (status <= RP_VISIT_STATUS_CANCELLED, FALSE);
  g_return_val_if_fail (activity_id >= 0, FALSE);

  if (!rp_store_begin (self, error))
    return FALSE;

  if (!read_visit_day (self, visit_id, &day, &old_status, error))
    goto failed;

  stmt = _rp_store_prepare (self,
                            "UPDATE planned_visit SET status = ?2, activity_id = ?3,"
                            " updated_at = ?4 WHERE id = ?1",
                            error);
  if (stmt == NULL)
    goto failed;

  now = rp_store_now_iso ();
  sqlite3_bind_int64 (stmt, 1, visit_id);
  sqlite3_bind_text (stmt, 2, rp_enum_to_nick (RP_TYPE_VISIT_STATUS, status), -1, SQLITE_STATIC);
  if (activity_id > 0)
    sqlite3_bind_int64 (stmt, 3, activity_id);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);

  if (!_rp_store_step_done (self, stmt, error))
    goto failed;

  if (status == RP_VISIT_STATUS_CANCELLED && old_status != RP_VISIT_STATUS_CANCELLED)
    {
      if (!renumber_day (self, day, error))
        goto failed;
    }
  else if (status != RP_VISIT_STATUS_CANCELLED && old_status == RP_VISIT_STATUS_CANCELLED)
    {
      /* Back in the plan: last of its day. */
      g_autoptr(GArray) ids = day_visit_ids (self, day, visit_id, error);

      if (ids == NULL)
        goto failed;
      g_array_append_val (ids, visit_id);
      if (!write_day_order (self, day, (const gint64 *) ids->data, ids->len, error))
        goto failed;
    }

  _rp_store_queue_signal (self, RP_STORE_PENDING_VISITS);
  return rp_store_commit (self, error);

failed:
  rp_store_rollback (self);
  return FALSE;
}

gboolean
rp_store_delete_visit (RpStore *self,
                       gint64   visit_id,
                       GError **error)
{
  g_autofree char *day = NULL;
  RpVisitStatus status;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  if (!rp_store_begin (self, error))
    return FALSE;

  if (!read_visit_day (self, visit_id, &day, &status, error))
    goto failed;

  stmt = _rp_store_prepare (self, "DELETE FROM planned_visit WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, visit_id);
  if (!_rp_store_step_done (self, stmt, error))
    goto failed;

  if (!renumber_day (self, day, error))
    goto failed;

  _rp_store_queue_signal (self, RP_STORE_PENDING_VISITS);
  return rp_store_commit (self, error);

failed:
  rp_store_rollback (self);
  return FALSE;
}
