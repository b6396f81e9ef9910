/* rp-store-referrals.c: reading and moving referrals, their transitions and sealed patients;
 * tasks, activities, the meta table and the yearly gift limits.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rp-referral-status.h"
#include "rp-store-private.h"

/* The columns every referral read selects, in the order row_to_referral() reads them. The
 * partner's name comes with it for lists; the patient columns only say whether one is stored. */
#define REFERRAL_COLUMNS \
  "r.id, r.uuid, r.partner_id, r.direction, r.referred_on, r.reason, r.service_line," \
  " r.urgency, r.status, r.status_reason, r.notes, r.outcome, r.satisfaction, r.created_at," \
  " r.updated_at, p.display_name," \
  " (r.patient_name IS NOT NULL OR r.patient_mrn IS NOT NULL)"

#define REFERRAL_FROM \
  " FROM referral r LEFT JOIN partner p ON p.id = r.partner_id"

enum {
  REF_ID, REF_UUID, REF_PARTNER_ID, REF_DIRECTION, REF_REFERRED_ON, REF_REASON,
  REF_SERVICE_LINE, REF_URGENCY, REF_STATUS, REF_STATUS_REASON, REF_NOTES, REF_OUTCOME,
  REF_SATISFACTION, REF_CREATED_AT, REF_UPDATED_AT, REF_PARTNER_NAME, REF_HAS_PATIENT,
};

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

/* Filter */

G_DEFINE_BOXED_TYPE (RpReferralFilter, rp_referral_filter, rp_referral_filter_copy,
                     rp_referral_filter_free)

RpReferralFilter *
rp_referral_filter_new (void)
{
  RpReferralFilter *filter = g_new0 (RpReferralFilter, 1);

  filter->any_status = TRUE;
  filter->any_direction = TRUE;

  return filter;
}

RpReferralFilter *
rp_referral_filter_copy (const RpReferralFilter *filter)
{
  RpReferralFilter *copy;

  g_return_val_if_fail (filter != NULL, NULL);

  copy = g_memdup2 (filter, sizeof *filter);
  copy->from = g_strdup (filter->from);
  copy->to = g_strdup (filter->to);
  copy->today = g_strdup (filter->today);

  return copy;
}

void
rp_referral_filter_free (RpReferralFilter *filter)
{
  if (filter == NULL)
    return;

  g_free (filter->from);
  g_free (filter->to);
  g_free (filter->today);
  g_free (filter);
}

static gboolean
str_equal_empty (const char *a,
                 const char *b)
{
  return g_strcmp0 (a != NULL ? a : "", b != NULL ? b : "") == 0;
}

gboolean
rp_referral_filter_equal (const RpReferralFilter *a,
                          const RpReferralFilter *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  return a->any_status == b->any_status &&
         (a->any_status || a->status == b->status) &&
         !a->open_only == !b->open_only &&
         a->any_direction == b->any_direction &&
         (a->any_direction || a->direction == b->direction) &&
         a->partner_id == b->partner_id &&
         str_equal_empty (a->from, b->from) &&
         str_equal_empty (a->to, b->to) &&
         a->open_longer_than_days == b->open_longer_than_days &&
         str_equal_empty (a->today, b->today);
}

void
rp_transition_free (RpTransition *transition)
{
  if (transition == NULL)
    return;

  g_free (transition->occurred_at);
  g_free (transition->note);
  g_free (transition);
}

void
rp_sealed_patient_free (RpSealedPatient *sealed)
{
  if (sealed == NULL)
    return;

  g_clear_pointer (&sealed->name, g_bytes_unref);
  g_clear_pointer (&sealed->date_of_birth, g_bytes_unref);
  g_clear_pointer (&sealed->mrn, g_bytes_unref);
  g_clear_pointer (&sealed->phone, g_bytes_unref);
  g_clear_pointer (&sealed->mrn_index, g_bytes_unref);
  g_clear_pointer (&sealed->name_dob_index, g_bytes_unref);
  g_free (sealed);
}

/* Helpers */

static int
column_enum (sqlite3_stmt *stmt,
             int           column,
             GType         type,
             int           fallback)
{
  int value;

  if (!rp_enum_from_nick (type, (const char *) sqlite3_column_text (stmt, column), &value))
    return fallback;

  return value;
}

static void
bind_bytes (sqlite3_stmt *stmt,
            int           index,
            GBytes       *bytes)
{
  gsize size;
  gconstpointer data;

  if (bytes == NULL)
    {
      sqlite3_bind_null (stmt, index);
      return;
    }

  /* An empty sealed value is still a value: bind a zero-length blob, not NULL. */
  data = g_bytes_get_data (bytes, &size);
  if (size == 0)
    sqlite3_bind_zeroblob (stmt, index, 0);
  else
    sqlite3_bind_blob (stmt, index, data, (int) size, SQLITE_TRANSIENT);
}

static GBytes *
column_bytes (sqlite3_stmt *stmt,
              int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;

  return g_bytes_new (sqlite3_column_blob (stmt, column), sqlite3_column_bytes (stmt, column));
}

static char *
today_or_local (const char *today)
{
  g_autoptr(GDateTime) now = NULL;

  if (today != NULL && *today != '\0')
    return g_strdup (today);

  now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

/* @day (YYYY-MM-DD) moved by @days, or NULL when @day is not a date. */
static char *
add_days (const char *day,
          int         days)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) moved = NULL;
  g_autofree char *iso = g_strdup_printf ("%sT00:00:00Z", day);

  start = g_date_time_new_from_iso8601 (iso, NULL);
  if (start == NULL)
    return NULL;

  moved = g_date_time_add_days (start, days);
  return g_date_time_format (moved, "%Y-%m-%d");
}

/* Collects the first column of every row as ids; the statement is reset, not finalized. */
static GArray *
collect_ids (RpStore      *self,
             sqlite3_stmt *stmt,
             GError      **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }

  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _rp_store_set_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/* Referrals */

static RpReferral *
row_to_referral (sqlite3_stmt *stmt)
{
  RpReferral *referral = rp_referral_new ();
  int satisfaction;

  g_object_freeze_notify (G_OBJECT (referral));

  rp_referral_set_id (referral, sqlite3_column_int64 (stmt, REF_ID));
  rp_referral_set_uuid (referral, _rp_store_column_text (stmt, REF_UUID));
  rp_referral_set_partner_id (referral, sqlite3_column_int64 (stmt, REF_PARTNER_ID));
  rp_referral_set_direction (referral,
                             column_enum (stmt, REF_DIRECTION, RP_TYPE_REFERRAL_DIRECTION,
                                          RP_REFERRAL_DIRECTION_INBOUND));
  rp_referral_set_referred_on (referral, _rp_store_column_text (stmt, REF_REFERRED_ON));
  rp_referral_set_reason (referral, _rp_store_column_text (stmt, REF_REASON));
  rp_referral_set_service_line (referral, _rp_store_column_text (stmt, REF_SERVICE_LINE));
  rp_referral_set_urgency (referral, column_enum (stmt, REF_URGENCY, RP_TYPE_URGENCY,
                                                  RP_URGENCY_ROUTINE));
  rp_referral_set_status (referral, column_enum (stmt, REF_STATUS, RP_TYPE_REFERRAL_STATUS,
                                                 RP_REFERRAL_STATUS_RECEIVED));
  rp_referral_set_status_reason (referral, _rp_store_column_text (stmt, REF_STATUS_REASON));
  rp_referral_set_notes (referral, _rp_store_column_text (stmt, REF_NOTES));
  rp_referral_set_outcome (referral, _rp_store_column_text (stmt, REF_OUTCOME));
  satisfaction = sqlite3_column_int (stmt, REF_SATISFACTION);
  rp_referral_set_satisfaction (referral, satisfaction >= 1 && satisfaction <= 5 ? satisfaction
                                                                                 : 0);
  rp_referral_set_created_at (referral, _rp_store_column_text (stmt, REF_CREATED_AT));
  rp_referral_set_updated_at (referral, _rp_store_column_text (stmt, REF_UPDATED_AT));
  rp_referral_set_partner_name (referral, _rp_store_column_text (stmt, REF_PARTNER_NAME));
  rp_referral_set_has_patient (referral, sqlite3_column_int (stmt, REF_HAS_PATIENT) != 0);

  g_object_thaw_notify (G_OBJECT (referral));

  return referral;
}

GArray *
rp_store_query_referral_ids (RpStore                *self,
                             const RpReferralFilter *filter,
                             GError                **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT id FROM referral WHERE 1");
  g_autofree char *today = NULL;
  g_autofree char *cutoff = NULL;
  sqlite3_stmt *stmt = NULL;
  GArray *ids;
  int index;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  if (filter->open_longer_than_days > 0)
    {
      today = today_or_local (filter->today);
      cutoff = add_days (today, -(int) MIN (filter->open_longer_than_days, 100000));
      if (cutoff == NULL)
        {
          g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID,
                       _("“%s” is not a date"), today);
          return NULL;
        }
    }

  if (!filter->any_status)
    g_string_append (sql, " AND status = :status");
  /* The open statuses of rp_referral_status_is_open(). */
  if (filter->open_only || filter->open_longer_than_days > 0)
    g_string_append (sql, " AND status IN ('received', 'contacted', 'scheduled', 'seen',"
                          " 'no-show')");
  if (!filter->any_direction)
    g_string_append (sql, " AND direction = :direction");
  if (filter->partner_id > 0)
    g_string_append (sql, " AND partner_id = :partner");
  if (filter->from != NULL && *filter->from != '\0')
    g_string_append (sql, " AND referred_on >= :from");
  if (filter->to != NULL && *filter->to != '\0')
    g_string_append (sql, " AND referred_on <= :to");
  /* Open longer than N days: it arrived more than N days before today. */
  if (cutoff != NULL)
    g_string_append (sql, " AND referred_on < :cutoff");

  g_string_append (sql, " ORDER BY referred_on DESC, id DESC");

  rc = sqlite3_prepare_v2 (self->db, sql->str, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _rp_store_set_error (self, rc, error);
      return NULL;
    }

  if ((index = sqlite3_bind_parameter_index (stmt, ":status")) > 0)
    sqlite3_bind_text (stmt, index, rp_enum_to_nick (RP_TYPE_REFERRAL_STATUS, filter->status),
                       -1, SQLITE_STATIC);
  if ((index = sqlite3_bind_parameter_index (stmt, ":direction")) > 0)
    sqlite3_bind_text (stmt, index,
                       rp_enum_to_nick (RP_TYPE_REFERRAL_DIRECTION, filter->direction),
                       -1, SQLITE_STATIC);
  if ((index = sqlite3_bind_parameter_index (stmt, ":partner")) > 0)
    sqlite3_bind_int64 (stmt, index, filter->partner_id);
  if ((index = sqlite3_bind_parameter_index (stmt, ":from")) > 0)
    sqlite3_bind_text (stmt, index, filter->from, -1, SQLITE_STATIC);
  if ((index = sqlite3_bind_parameter_index (stmt, ":to")) > 0)
    sqlite3_bind_text (stmt, index, filter->to, -1, SQLITE_STATIC);
  if ((index = sqlite3_bind_parameter_index (stmt, ":cutoff")) > 0)
    sqlite3_bind_text (stmt, index, cutoff, -1, SQLITE_STATIC);

  ids = collect_ids (self, stmt, error);
  sqlite3_finalize (stmt);

  return ids;
}

GPtrArray *
rp_store_load_referrals (RpStore      *self,
                         const gint64 *ids,
                         guint         n_ids,
                         GError      **error)
{
  g_autoptr(GPtrArray) referrals = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  stmt = _rp_store_prepare (self,
                            "SELECT " REFERRAL_COLUMNS REFERRAL_FROM " WHERE r.id = ?1",
                            error);
  if (stmt == NULL)
    return NULL;

  referrals = g_ptr_array_new_full (n_ids, g_object_unref);

  for (guint i = 0; i < n_ids; i++)
    {
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, ids[i]);

      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          g_ptr_array_add (referrals, row_to_referral (stmt));
        }
      else if (rc != SQLITE_DONE)
        {
          _rp_store_set_error (self, rc, error);
          sqlite3_reset (stmt);
          return NULL;
        }
    }

  sqlite3_reset (stmt);
  return g_steal_pointer (&referrals);
}

RpReferral *
rp_store_get_referral (RpStore *self,
                       gint64   id,
                       GError **error)
{
  RpReferral *referral = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  stmt = _rp_store_prepare (self,
                            "SELECT " REFERRAL_COLUMNS REFERRAL_FROM " WHERE r.id = ?1",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    referral = row_to_referral (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND,
                         _("No such referral"));
  else
    _rp_store_set_error (self, rc, error);

  sqlite3_reset (stmt);
  return referral;
}

/* The partner's display name, "" when there is none. */
static char *
dup_partner_name (RpStore *self,
                  gint64   partner_id)
{
  sqlite3_stmt *stmt;
  char *name = NULL;

  stmt = _rp_store_prepare (self, "SELECT display_name FROM partner WHERE id = ?1", NULL);
  if (stmt == NULL)
    return g_strdup ("");

  sqlite3_bind_int64 (stmt, 1, partner_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = g_strdup (_rp_store_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return name != NULL ? name : g_strdup ("");
}

gboolean
rp_store_update_referral (RpStore    *self,
                          RpReferral *referral,
                          GError    **error)
{
  g_autofree char *now = NULL;
  g_autofree char *partner_name = NULL;
  sqlite3_stmt *stmt;
  guint satisfaction;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (RP_IS_REFERRAL (referral), FALSE);
  g_return_val_if_fail (rp_referral_get_id (referral) > 0, FALSE);

  if (rp_referral_get_partner_id (referral) <= 0 ||
      *rp_referral_get_referred_on (referral) == '\0')
    {
      g_set_error_literal (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID,
                           _("A referral needs a partner and a date"));
      return FALSE;
    }

  if (!rp_store_begin (self, error))
    return FALSE;

  stmt = _rp_store_prepare (self,
                            "UPDATE referral SET partner_id = ?1, direction = ?2,"
                            " referred_on = ?3, reason = ?4, service_line = ?5, urgency = ?6,"
                            " notes = ?7, outcome = ?8, satisfaction = ?9, updated_at = ?10"
                            " WHERE id = ?11",
                            error);
  if (stmt == NULL)
    goto failed;

  now = rp_store_now_iso ();
  satisfaction = rp_referral_get_satisfaction (referral);

  sqlite3_bind_int64 (stmt, 1, rp_referral_get_partner_id (referral));
  sqlite3_bind_text (stmt, 2, rp_enum_to_nick (RP_TYPE_REFERRAL_DIRECTION,
                                               rp_referral_get_direction (referral)),
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, rp_referral_get_referred_on (referral), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, rp_referral_get_reason (referral), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, rp_referral_get_service_line (referral), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, rp_enum_to_nick (RP_TYPE_URGENCY,
                                               rp_referral_get_urgency (referral)),
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, rp_referral_get_notes (referral), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, rp_referral_get_outcome (referral), -1, SQLITE_TRANSIENT);
  if (satisfaction > 0)
    sqlite3_bind_int (stmt, 9, satisfaction);
  sqlite3_bind_text (stmt, 10, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 11, rp_referral_get_id (referral));

  if (!_rp_store_step_done (self, stmt, error))
    goto failed;

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND,
                           _("The referral no longer exists"));
      goto failed;
    }

  partner_name = dup_partner_name (self, rp_referral_get_partner_id (referral));

  /* The partner list counts referrals per partner, direction and date. */
  _rp_store_queue_signal (self, RP_STORE_PENDING_RECORDS | RP_STORE_PENDING_PARTNERS);

  if (!rp_store_commit (self, error))
    return FALSE;

  rp_referral_set_updated_at (referral, now);
  rp_referral_set_partner_name (referral, partner_name);
  return TRUE;

failed:
  rp_store_rollback (self);
  return FALSE;
}

/* The status as stored, which is what a move starts from even when @referral is stale. */
static gboolean
read_status (RpStore          *self,
             gint64            referral_id,
             RpReferralStatus *status,
             GError          **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _rp_store_prepare (self, "SELECT status FROM referral WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, referral_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *status = column_enum (stmt, 0, RP_TYPE_REFERRAL_STATUS, RP_REFERRAL_STATUS_RECEIVED);
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND,
                         _("The referral no longer exists"));
  else
    _rp_store_set_error (self, rc, error);

  sqlite3_reset (stmt);
  return rc == SQLITE_ROW;
}

static gboolean
status_keeps_reason (RpReferralStatus status)
{
  return status == RP_REFERRAL_STATUS_DECLINED ||
         status == RP_REFERRAL_STATUS_NO_SHOW ||
         status == RP_REFERRAL_STATUS_LOST;
}

gboolean
rp_store_move_referral (RpStore          *self,
                        RpReferral       *referral,
                        RpReferralStatus  to,
                        const char       *reason,
                        const char       *occurred_at,
                        GError          **error)
{
  g_autofree char *uuid = NULL;
  g_autofree char *now = NULL;
  const char *status_reason;
  RpReferralStatus from;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (RP_IS_REFERRAL (referral), FALSE);
  g_return_val_if_fail (rp_referral_get_id (referral) > 0, FALSE);

  id = rp_referral_get_id (referral);

  /* An illegal move is refused before anything is written, so it does not doom a transaction
   * the caller has open. */
  if (!read_status (self, id, &from, error))
    return FALSE;

  if (!rp_referral_status_check_move (from, to, reason, error))
    return FALSE;

  now = rp_store_now_iso ();
  uuid = rp_store_new_uuid ();
  if (occurred_at == NULL || *occurred_at == '\0')
    occurred_at = now;
  if (reason == NULL)
    reason = "";
  status_reason = status_keeps_reason (to) ? reason : "";

  if (!rp_store_begin (self, error))
    return FALSE;

  stmt = _rp_store_prepare (self,
                            "INSERT INTO referral_transition (uuid, referral_id, from_status,"
                            " to_status, occurred_at, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                            error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, id);
  sqlite3_bind_text (stmt, 3, rp_enum_to_nick (RP_TYPE_REFERRAL_STATUS, from), -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, rp_enum_to_nick (RP_TYPE_REFERRAL_STATUS, to), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, occurred_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, reason, -1, SQLITE_TRANSIENT);

  if (!_rp_store_step_done (self, stmt, error))
    goto failed;

  stmt = _rp_store_prepare (self,
                            "UPDATE referral SET status = ?1, status_reason = ?2, updated_at = ?3"
                            " WHERE id = ?4",
                            error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_text (stmt, 1, rp_enum_to_nick (RP_TYPE_REFERRAL_STATUS, to), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, status_reason, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, id);

  if (!_rp_store_step_done (self, stmt, error))
    goto failed;

  _rp_store_queue_signal (self, RP_STORE_PENDING_RECORDS | RP_STORE_PENDING_PARTNERS);

  if (!rp_store_commit (self, error))
    return FALSE;

  g_object_freeze_notify (G_OBJECT (referral));
  rp_referral_set_status (referral, to);
  rp_referral_set_status_reason (referral, status_reason);
  rp_referral_set_updated_at (referral, now);
  g_object_thaw_notify (G_OBJECT (referral));

  return TRUE;

failed:
  rp_store_rollback (self);
  return FALSE;
}

GPtrArray *
rp_store_list_transitions (RpStore *self,
                           gint64   referral_id,
                           GError **error)
{
  g_autoptr(GPtrArray) transitions = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  stmt = _rp_store_prepare (self,
                            "SELECT id, from_status, to_status, occurred_at, note"
                            " FROM referral_transition WHERE referral_id = ?1"
                            " ORDER BY occurred_at, id",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, referral_id);

  transitions = g_ptr_array_new_with_free_func ((GDestroyNotify) rp_transition_free);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RpTransition *transition = g_new0 (RpTransition, 1);
      int from;

      transition->id = sqlite3_column_int64 (stmt, 0);
      transition->has_from = rp_enum_from_nick (RP_TYPE_REFERRAL_STATUS,
                                                (const char *) sqlite3_column_text (stmt, 1),
                                                &from);
      transition->from = transition->has_from ? (RpReferralStatus) from
                                              : RP_REFERRAL_STATUS_RECEIVED;
      transition->to = column_enum (stmt, 2, RP_TYPE_REFERRAL_STATUS,
                                    RP_REFERRAL_STATUS_RECEIVED);
      transition->occurred_at = g_strdup (_rp_store_column_text (stmt, 3));
      transition->note = g_strdup (_rp_store_column_text (stmt, 4));

      g_ptr_array_add (transitions, transition);
    }

  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _rp_store_set_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&transitions);
}

/* Sealed patients */

/* @sealed NULL removes the patient. */
gboolean
rp_store_set_sealed_patient (RpStore               *self,
                             gint64                 referral_id,
                             const RpSealedPatient *sealed,
                             GError               **error)
{
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (referral_id > 0, FALSE);

  if (!rp_store_begin (self, error))
    return FALSE;

  stmt = _rp_store_prepare (self,
                            "UPDATE referral SET patient_name = ?1, patient_dob = ?2,"
                            " patient_mrn = ?3, patient_phone = ?4, patient_mrn_index = ?5,"
                            " patient_name_dob_index = ?6, updated_at = ?7 WHERE id = ?8",
                            error);
  if (stmt == NULL)
    goto failed;

  now = rp_store_now_iso ();

  if (sealed != NULL)
    {
      bind_bytes (stmt, 1, sealed->name);
      bind_bytes (stmt, 2, sealed->date_of_birth);
      bind_bytes (stmt, 3, sealed->mrn);
      bind_bytes (stmt, 4, sealed->phone);
      bind_bytes (stmt, 5, sealed->mrn_index);
      bind_bytes (stmt, 6, sealed->name_dob_index);
    }
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 8, referral_id);

  if (!_rp_store_step_done (self, stmt, error))
    goto failed;

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND,
                           _("The referral no longer exists"));
      goto failed;
    }

  /* Lists show whether a referral has a patient. */
  _rp_store_queue_signal (self, RP_STORE_PENDING_RECORDS);

  return rp_store_commit (self, error);

failed:
  rp_store_rollback (self);
  return FALSE;
}

RpSealedPatient *
rp_store_get_sealed_patient (RpStore *self,
                             gint64   referral_id,
                             GError **error)
{
  g_autoptr(RpSealedPatient) sealed = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  stmt = _rp_store_prepare (self,
                            "SELECT patient_name, patient_dob, patient_mrn, patient_phone,"
                            " patient_mrn_index, patient_name_dob_index FROM referral"
                            " WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, referral_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      sealed = g_new0 (RpSealedPatient, 1);
      sealed->name = column_bytes (stmt, 0);
      sealed->date_of_birth = column_bytes (stmt, 1);
      sealed->mrn = column_bytes (stmt, 2);
      sealed->phone = column_bytes (stmt, 3);
      sealed->mrn_index = column_bytes (stmt, 4);
      sealed->name_dob_index = column_bytes (stmt, 5);
    }
  else if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND,
                           _("No such referral"));
    }
  else
    {
      _rp_store_set_error (self, rc, error);
    }

  sqlite3_reset (stmt);

  if (sealed == NULL)
    return NULL;

  if (sealed->name == NULL && sealed->date_of_birth == NULL && sealed->mrn == NULL &&
      sealed->phone == NULL)
    return NULL;

  return g_steal_pointer (&sealed);
}

GArray *
rp_store_find_referrals_by_index (RpStore    *self,
                                  const char *column,
                                  GBytes     *index,
                                  GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (g_strcmp0 (column, "mrn") == 0 || g_strcmp0 (column, "name-dob") == 0,
                        NULL);
  g_return_val_if_fail (index != NULL, NULL);

  if (g_str_equal (column, "mrn"))
    stmt = _rp_store_prepare (self,
                              "SELECT id FROM referral WHERE patient_mrn_index = ?1"
                              " ORDER BY referred_on DESC, id DESC",
                              error);
  else
    stmt = _rp_store_prepare (self,
                              "SELECT id FROM referral WHERE patient_name_dob_index = ?1"
                              " ORDER BY referred_on DESC, id DESC",
                              error);
  if (stmt == NULL)
    return NULL;

  bind_bytes (stmt, 1, index);

  return collect_ids (self, stmt, error);
}

/* Meta */

char *
rp_store_dup_meta (RpStore    *self,
                   const char *key)
{
  sqlite3_stmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = _rp_store_prepare (self, "SELECT value FROM meta WHERE key = ?1", NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup (_rp_store_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return value;
}

/* @value NULL removes the key. Facts about the database are not records: no signal. */
gboolean
rp_store_set_meta (RpStore    *self,
                   const char *key,
                   const char *value,
                   GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL && *key != '\0', FALSE);

  if (!rp_store_begin (self, error))
    return FALSE;

  if (value != NULL)
    stmt = _rp_store_prepare (self,
                              "INSERT INTO meta (key, value) VALUES (?1, ?2)"
                              " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                              error);
  else
    stmt = _rp_store_prepare (self, "DELETE FROM meta WHERE key = ?1", error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (value != NULL)
    sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);

  if (!_rp_store_step_done (self, stmt, error))
    goto failed;

  return rp_store_commit (self, error);

failed:
  rp_store_rollback (self);
  return FALSE;
}

/* Tasks */

static RpTask *
row_to_task (sqlite3_stmt *stmt)
{
  RpTask *task = rp_task_new (column_enum (stmt, TASK_KIND, RP_TYPE_TASK_KIND,
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
    task = row_to_task (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND, _("No such task"));
  else
    _rp_store_set_error (self, rc, error);

  sqlite3_reset (stmt);
  return task;
}

static GPtrArray *
list_tasks (RpStore      *self,
            sqlite3_stmt *stmt,
            GError      **error)
{
  g_autoptr(GPtrArray) tasks = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (tasks, row_to_task (stmt));

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

  return list_tasks (self, stmt, error);
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

  return list_tasks (self, stmt, error);
}

gboolean
rp_store_update_task (RpStore *self,
                      RpTask  *task,
                      GError **error)
{
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;

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
  _rp_store_bind_text (stmt, 5, rp_task_get_notified_at (task));
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
      activity = rp_activity_new (column_enum (stmt, 2, RP_TYPE_ACTIVITY_KIND,
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

  ids = collect_ids (self, stmt, error);
  if (ids == NULL)
    return NULL;

  return rp_store_load_partners (self, (const gint64 *) (gpointer) ids->data, ids->len, NULL,
                                 error);
}
