/* rp-store-referrals.c: writing, reading and moving referrals, their status transitions, their
 * sealed patients and the blind-index look-up.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rp-referral-status.h"
#include "rp-store-private.h"
#include "rp-store-referrals.h"

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

static gboolean
is_empty_text (const char *text)
{
  return text == NULL || *text == '\0';
}

/* The ids of the referrals whose reason or service line, or partner, matches :match, joined by
 * UNION (each once) or UNION ALL (faster; an id may come twice). */
#define SEARCH_IDS(union) \
  "SELECT rowid FROM referral_fts WHERE referral_fts MATCH :match " union \
  " SELECT sr.id FROM referral sr WHERE sr.partner_id IN" \
  " (SELECT rowid FROM partner_fts WHERE partner_fts MATCH :match)"

/* From this many matches on, a search is checked while walking the list's index (see
 * prepare_referral_query). */
#define MANY_MATCHES 4096

/* How many referrals @match (an FTS5 query) finds; with @limit > 0, roughly and up to @limit
 * only. -1 with @error set when the query fails. */
static gint64
count_search_matches (RpStore    *self,
                      const char *match,
                      guint       limit,
                      GError    **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 count = -1;
  int rc;

  /* Up to @limit only, an estimate (an id may come twice) is enough. */
  if (limit > 0)
    sql = g_strdup_printf ("SELECT COUNT(*) FROM (" SEARCH_IDS ("UNION ALL") " LIMIT %u)", limit);
  else
    sql = g_strdup ("SELECT COUNT(*) FROM (" SEARCH_IDS ("UNION") ")");
  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":match"), match, -1,
                         SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        count = sqlite3_column_int64 (stmt, 0);
    }
  if (count < 0)
    _rp_store_set_error (self, rc, error);
  sqlite3_finalize (stmt);

  return count;
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
                             _rp_store_column_enum (stmt, REF_DIRECTION, RP_TYPE_REFERRAL_DIRECTION,
                                                    RP_REFERRAL_DIRECTION_INBOUND));
  rp_referral_set_referred_on (referral, _rp_store_column_text (stmt, REF_REFERRED_ON));
  rp_referral_set_reason (referral, _rp_store_column_text (stmt, REF_REASON));
  rp_referral_set_service_line (referral, _rp_store_column_text (stmt, REF_SERVICE_LINE));
  rp_referral_set_urgency (referral, _rp_store_column_enum (stmt, REF_URGENCY, RP_TYPE_URGENCY,
                                                            RP_URGENCY_ROUTINE));
  rp_referral_set_status (referral, _rp_store_column_enum (stmt, REF_STATUS,
                                                           RP_TYPE_REFERRAL_STATUS,
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

/* The condition of RpReferralFilter.reached_step: the statuses from @step on in the funnel's
 * path, a no-show up to scheduled, or a transition recorded to one of them (as
 * rp_analytics_funnel() counts the steps reached). */
static void
append_reached_step (GString *sql,
                     guint    step)
{
  static const char * const path[] = { "received", "contacted", "scheduled", "seen",
                                       "loop-closed" };
  g_autoptr(GString) statuses = g_string_new (NULL);

  for (guint s = step; s < G_N_ELEMENTS (path); s++)
    g_string_append_printf (statuses, "%s'%s'", s > step ? ", " : "", path[s]);
  g_string_append_printf (sql, " AND (status IN (%s%s) OR EXISTS (SELECT 1"
                               " FROM referral_transition t WHERE t.referral_id = referral.id"
                               " AND t.to_status IN (%s)))",
                          statuses->str, step <= 2 ? ", 'no-show'" : "", statuses->str);
}

/* Whether @filter selects the referrals by their partner's tier, specialty code, city or target
 * list (the Analytics page's filters). */
static gboolean
has_partner_conditions (const RpReferralFilter *filter)
{
  return !is_empty_text (filter->tier) || filter->specialty_code != NULL ||
         filter->specialty_codes_excluded != NULL || !is_empty_text (filter->city) ||
         filter->target_list_id > 0;
}

/* The condition of the Analytics page's filters on the referring partner, as
 * rp-store-analytics.c counts them (the partner's tier, specialty and city now). */
static void
append_partner_conditions (GString                *sql,
                           const RpReferralFilter *filter)
{
  if (!has_partner_conditions (filter))
    return;
  g_string_append (sql, " AND partner_id IN (SELECT id FROM partner WHERE 1");
  if (!is_empty_text (filter->tier))
    g_string_append (sql, " AND tier = :tier");
  if (filter->specialty_code != NULL)
    g_string_append (sql, " AND COALESCE (specialty_code, '') = :specialty_code");
  if (filter->specialty_codes_excluded != NULL)
    g_string_append (sql, " AND instr (',' || :excluded || ',',"
                          " ',' || COALESCE (specialty_code, '') || ',') = 0");
  if (!is_empty_text (filter->city))
    g_string_append (sql, " AND city = :city COLLATE NOCASE");
  if (filter->target_list_id > 0)
    g_string_append (sql, " AND id IN (SELECT partner_id FROM target_list_member"
                          " WHERE list_id = :list)");
  g_string_append (sql, ")");
}

/* Prepares "SELECT @what WHERE <@filter>[ AND <@key>][ @tail]" with its values
 * bound (a new statement the caller finalizes). With @before_day, only the rows that come
 * after (@before_day, @before_id) in list order (older); with @after_day, only those that come
 * before it (newer). NULL with @error set when a date is wrong or the SQL fails. */
static sqlite3_stmt *
prepare_referral_query (RpStore                *self,
                        const RpReferralFilter *filter,
                        const char             *what,
                        const char             *before_day,
                        gint64                  before_id,
                        const char             *after_day,
                        gint64                  after_id,
                        const char             *tail,
                        GError                **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autofree char *today = NULL;
  g_autofree char *cutoff = NULL;
  g_autofree char *match = NULL;
  sqlite3_stmt *stmt = NULL;
  int index;
  int rc;

  if (filter->open_longer_than_days > 0)
    {
      today = _rp_store_dup_today (filter->today);
      cutoff = _rp_store_shift_day (today, -(int) MIN (filter->open_longer_than_days, 100000));
      if (cutoff == NULL)
        {
          g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID,
                       _("“%s” is not a date"), today);
          return NULL;
        }
    }

  match = _rp_store_build_match_query (filter->search);

  g_string_printf (sql, "SELECT %s WHERE 1", what);
  if (!filter->any_status)
    g_string_append (sql, " AND status = :status");
  /* The open statuses of rp_referral_status_is_open(), written as in the partial index
   * referral_open_by_day so that the planner uses it. */
  if (filter->open_only || filter->open_longer_than_days > 0)
    g_string_append (sql, " AND status IN ('received', 'contacted', 'scheduled', 'seen',"
                          " 'no-show')");
  if (!filter->any_direction)
    g_string_append (sql, " AND direction = :direction");
  if (filter->partner_id > 0)
    g_string_append (sql, " AND partner_id = :partner");
  if (filter->outcome_category_id > 0)
    g_string_append (sql, " AND outcome_category_id = :outcome");
  if (filter->with_outcome)
    g_string_append (sql, " AND (outcome_category_id IS NOT NULL OR satisfaction IS NOT NULL)");
  if (filter->reached_step > 0)
    append_reached_step (sql, MIN (filter->reached_step, 4));
  if (filter->specialty != NULL)
    g_string_append (sql, " AND partner_id IN (SELECT id FROM partner"
                          " WHERE specialty_label = :specialty)");
  append_partner_conditions (sql, filter);
  if (filter->from != NULL && *filter->from != '\0')
    g_string_append (sql, " AND referred_on >= :from");
  if (filter->to != NULL && *filter->to != '\0')
    g_string_append (sql, " AND referred_on <= :to");
  /* Open longer than N days: it arrived more than N days before today. */
  if (cutoff != NULL)
    g_string_append (sql, " AND referred_on < :cutoff");
  /* The words: the referrals they find by reason or service line, and those of the partners
   * they find, each set from its FTS5 index (SQLite reads the union once per statement). A few
   * matches are looked up by id and sorted; many ("knee" finds a tenth of them) are checked
   * against while the other conditions' index is walked in list order ("+" keeps the planner
   * from looking them up), which stops after a page. */
  if (match != NULL)
    g_string_append_printf (sql, " AND %sid IN (" SEARCH_IDS ("UNION ALL") ")",
                            count_search_matches (self, match, MANY_MATCHES, NULL) >= MANY_MATCHES
                              ? "+" : "");
  /* The keys, written so that the index on referred_on bounds the range. */
  if (before_day != NULL)
    g_string_append (sql, " AND referred_on <= :bday"
                          " AND (referred_on < :bday OR id < :bid)");
  if (after_day != NULL)
    g_string_append (sql, " AND referred_on >= :aday"
                          " AND (referred_on > :aday OR id > :aid)");
  if (tail != NULL)
    g_string_append_printf (sql, " %s", tail);

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
  if ((index = sqlite3_bind_parameter_index (stmt, ":outcome")) > 0)
    sqlite3_bind_int64 (stmt, index, filter->outcome_category_id);
  if ((index = sqlite3_bind_parameter_index (stmt, ":specialty")) > 0)
    sqlite3_bind_text (stmt, index, filter->specialty, -1, SQLITE_TRANSIENT);
  if ((index = sqlite3_bind_parameter_index (stmt, ":tier")) > 0)
    sqlite3_bind_text (stmt, index, filter->tier, -1, SQLITE_TRANSIENT);
  if ((index = sqlite3_bind_parameter_index (stmt, ":specialty_code")) > 0)
    sqlite3_bind_text (stmt, index, filter->specialty_code, -1, SQLITE_TRANSIENT);
  if ((index = sqlite3_bind_parameter_index (stmt, ":excluded")) > 0)
    sqlite3_bind_text (stmt, index, filter->specialty_codes_excluded, -1, SQLITE_TRANSIENT);
  if ((index = sqlite3_bind_parameter_index (stmt, ":city")) > 0)
    sqlite3_bind_text (stmt, index, filter->city, -1, SQLITE_TRANSIENT);
  if ((index = sqlite3_bind_parameter_index (stmt, ":list")) > 0)
    sqlite3_bind_int64 (stmt, index, filter->target_list_id);
  if ((index = sqlite3_bind_parameter_index (stmt, ":from")) > 0)
    sqlite3_bind_text (stmt, index, filter->from, -1, SQLITE_TRANSIENT);
  if ((index = sqlite3_bind_parameter_index (stmt, ":to")) > 0)
    sqlite3_bind_text (stmt, index, filter->to, -1, SQLITE_TRANSIENT);
  if ((index = sqlite3_bind_parameter_index (stmt, ":cutoff")) > 0)
    sqlite3_bind_text (stmt, index, cutoff, -1, SQLITE_TRANSIENT);
  if ((index = sqlite3_bind_parameter_index (stmt, ":match")) > 0)
    sqlite3_bind_text (stmt, index, match, -1, SQLITE_TRANSIENT);
  if ((index = sqlite3_bind_parameter_index (stmt, ":bday")) > 0)
    sqlite3_bind_text (stmt, index, before_day, -1, SQLITE_TRANSIENT);
  if ((index = sqlite3_bind_parameter_index (stmt, ":bid")) > 0)
    sqlite3_bind_int64 (stmt, index, before_id);
  if ((index = sqlite3_bind_parameter_index (stmt, ":aday")) > 0)
    sqlite3_bind_text (stmt, index, after_day, -1, SQLITE_TRANSIENT);
  if ((index = sqlite3_bind_parameter_index (stmt, ":aid")) > 0)
    sqlite3_bind_int64 (stmt, index, after_id);

  return stmt;
}

GArray *
rp_store_query_referral_ids (RpStore                *self,
                             const RpReferralFilter *filter,
                             GError                **error)
{
  sqlite3_stmt *stmt;
  GArray *ids;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  stmt = prepare_referral_query (self, filter, "id FROM referral", NULL, 0, NULL, 0,
                                 "ORDER BY referred_on DESC, id DESC", error);
  if (stmt == NULL)
    return NULL;

  ids = _rp_store_collect_ids (self, stmt, error);
  sqlite3_finalize (stmt);

  return ids;
}

gboolean
_rp_store_referral_id_page (RpStore                *self,
                            const RpReferralFilter *filter,
                            const char             *before_day,
                            gint64                  before_id,
                            guint                   limit,
                            GArray                 *ids,
                            char                  **last_day,
                            GError                **error)
{
  g_autofree char *tail = g_strdup_printf ("ORDER BY referred_on DESC, id DESC LIMIT %u", limit);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (filter != NULL, FALSE);
  g_return_val_if_fail (ids != NULL, FALSE);
  g_return_val_if_fail (last_day != NULL, FALSE);

  stmt = prepare_referral_query (self, filter, "id, referred_on FROM referral",
                                 before_day, before_id, NULL, 0, tail, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
      if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
        {
          g_free (*last_day);
          *last_day = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
        }
    }

  if (rc != SQLITE_DONE)
    _rp_store_set_error (self, rc, error);
  sqlite3_finalize (stmt);

  return rc == SQLITE_DONE;
}

gboolean
_rp_store_count_referrals (RpStore                *self,
                           const RpReferralFilter *filter,
                           gint64                  newer_than_id,
                           guint                  *count,
                           GError                **error)
{
  g_autofree char *day = NULL;
  g_autofree char *match = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (filter != NULL, FALSE);
  g_return_val_if_fail (count != NULL, FALSE);

  *count = G_MAXUINT;

  if (newer_than_id > 0)
    {
      /* The referral must be one of the list's, and its key is where the count stops. */
      stmt = prepare_referral_query (self, filter, "referred_on FROM referral", NULL, 0, NULL, 0,
                                     "AND id = :id", error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":id"), newer_than_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        day = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      else if (rc != SQLITE_DONE)
        _rp_store_set_error (self, rc, error);
      sqlite3_finalize (stmt);

      if (rc != SQLITE_ROW)
        return rc == SQLITE_DONE;
      if (day == NULL)
        day = g_strdup ("");
    }

  /* Words alone: how many ids the indexes find. */
  match = _rp_store_build_match_query (filter->search);
  if (match != NULL && newer_than_id <= 0 && filter->any_status && !filter->open_only &&
      filter->any_direction && filter->partner_id <= 0 && filter->open_longer_than_days == 0 &&
      filter->outcome_category_id <= 0 && !filter->with_outcome && filter->specialty == NULL &&
      filter->reached_step == 0 && !has_partner_conditions (filter) &&
      is_empty_text (filter->from) && is_empty_text (filter->to))
    {
      gint64 n = count_search_matches (self, match, 0, error);

      if (n < 0)
        return FALSE;
      *count = (guint) n;
      return TRUE;
    }

  /* Status and direction alone: the tally the triggers keep (schema 6), in no time. */
  if (newer_than_id <= 0 && filter->partner_id <= 0 && filter->open_longer_than_days == 0 &&
      filter->outcome_category_id <= 0 && !filter->with_outcome && filter->specialty == NULL &&
      filter->reached_step == 0 && match == NULL && !has_partner_conditions (filter) &&
      (filter->from == NULL || *filter->from == '\0') &&
      (filter->to == NULL || *filter->to == '\0'))
    stmt = prepare_referral_query (self, filter, "COALESCE (SUM (n), 0) FROM referral_tally",
                                   NULL, 0, NULL, 0, NULL, error);
  else
    stmt = prepare_referral_query (self, filter, "COUNT(*) FROM referral", NULL, 0,
                                   day, newer_than_id, NULL, error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *count = (guint) sqlite3_column_int64 (stmt, 0);
  else
    _rp_store_set_error (self, rc, error);
  sqlite3_finalize (stmt);

  return rc == SQLITE_ROW;
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
  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  return _rp_store_read_row_by_key (self,
                                    "SELECT " REFERRAL_COLUMNS REFERRAL_FROM " WHERE r.id = ?1",
                                    id, NULL, (RpStoreReadRow) row_to_referral,
                                    _("No such referral"), error);
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
rp_store_insert_referral (RpStore    *self,
                          RpReferral *referral,
                          GError    **error)
{
  g_autofree char *now = NULL;
  g_autofree char *uuid = NULL;
  sqlite3_stmt *stmt;
  guint satisfaction;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (RP_IS_REFERRAL (referral), FALSE);

  if (rp_referral_get_partner_id (referral) <= 0 ||
      *rp_referral_get_referred_on (referral) == '\0')
    {
      g_set_error_literal (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID,
                           _("A referral needs a partner and a date"));
      return FALSE;
    }

  stmt = _rp_store_prepare (self,
                            "INSERT INTO referral (uuid, partner_id, direction, referred_on,"
                            " reason, service_line, urgency, status, status_reason, notes,"
                            " outcome, satisfaction, created_at, updated_at)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                            error);
  if (stmt == NULL)
    return FALSE;

  now = rp_store_now_iso ();
  uuid = _rp_store_dup_uuid_or_new (rp_referral_get_uuid (referral));
  satisfaction = rp_referral_get_satisfaction (referral);

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, rp_referral_get_partner_id (referral));
  sqlite3_bind_text (stmt, 3, rp_enum_to_nick (RP_TYPE_REFERRAL_DIRECTION,
                                               rp_referral_get_direction (referral)),
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, rp_referral_get_referred_on (referral), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, rp_referral_get_reason (referral), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, rp_referral_get_service_line (referral), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, rp_enum_to_nick (RP_TYPE_URGENCY,
                                               rp_referral_get_urgency (referral)),
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, rp_enum_to_nick (RP_TYPE_REFERRAL_STATUS,
                                               rp_referral_get_status (referral)),
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, rp_referral_get_status_reason (referral), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 10, rp_referral_get_notes (referral), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 11, rp_referral_get_outcome (referral), -1, SQLITE_TRANSIENT);
  if (satisfaction > 0)
    sqlite3_bind_int (stmt, 12, satisfaction);
  sqlite3_bind_text (stmt, 13, _rp_store_or_now (rp_referral_get_created_at (referral), now), -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 14, _rp_store_or_now (rp_referral_get_updated_at (referral), now), -1,
                     SQLITE_TRANSIENT);

  if (!rp_store_begin (self, error))
    return FALSE;

  if (!_rp_store_step_done (self, stmt, error))
    {
      rp_store_rollback (self);
      return FALSE;
    }

  rp_referral_set_id (referral, sqlite3_last_insert_rowid (self->db));
  rp_referral_set_uuid (referral, uuid);
  if (*rp_referral_get_created_at (referral) == '\0')
    rp_referral_set_created_at (referral, now);

  /* The partner list shows referral counts. */
  _rp_store_queue_signal (self, RP_STORE_PENDING_PARTNERS | RP_STORE_PENDING_RECORDS);
  return rp_store_commit (self, error);
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
    *status = _rp_store_column_enum (stmt, 0, RP_TYPE_REFERRAL_STATUS, RP_REFERRAL_STATUS_RECEIVED);
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
rp_store_add_referral_transition (RpStore          *self,
                                  RpReferral       *referral,
                                  RpReferralStatus  to,
                                  const char       *occurred_at,
                                  GError          **error)
{
  g_autofree char *uuid = rp_store_new_uuid ();
  g_autofree char *now = rp_store_now_iso ();
  sqlite3_stmt *insert;
  sqlite3_stmt *update;
  const char *when;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (RP_IS_REFERRAL (referral), FALSE);
  g_return_val_if_fail (rp_referral_get_id (referral) > 0, FALSE);

  when = _rp_store_or_now (occurred_at, now);

  if (!rp_store_begin (self, error))
    return FALSE;

  insert = _rp_store_prepare (self,
                              "INSERT INTO referral_transition (uuid, referral_id, from_status,"
                              " to_status, occurred_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                              error);
  if (insert == NULL)
    goto failed;

  sqlite3_bind_text (insert, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 2, rp_referral_get_id (referral));
  sqlite3_bind_text (insert, 3, rp_enum_to_nick (RP_TYPE_REFERRAL_STATUS,
                                                 rp_referral_get_status (referral)),
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 4, rp_enum_to_nick (RP_TYPE_REFERRAL_STATUS, to), -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (insert, 5, when, -1, SQLITE_TRANSIENT);

  if (!_rp_store_step_done (self, insert, error))
    goto failed;

  update = _rp_store_prepare (self,
                              "UPDATE referral SET status = ?1, updated_at = ?2 WHERE id = ?3",
                              error);
  if (update == NULL)
    goto failed;

  sqlite3_bind_text (update, 1, rp_enum_to_nick (RP_TYPE_REFERRAL_STATUS, to), -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (update, 2, when, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (update, 3, rp_referral_get_id (referral));

  if (!_rp_store_step_done (self, update, error))
    goto failed;

  _rp_store_queue_signal (self, RP_STORE_PENDING_RECORDS);

  if (!rp_store_commit (self, error))
    return FALSE;

  rp_referral_set_status (referral, to);
  return TRUE;

failed:
  rp_store_rollback (self);
  return FALSE;
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

static RpTransition *
row_to_transition (sqlite3_stmt *stmt)
{
  RpTransition *transition = g_new0 (RpTransition, 1);
  int from;

  transition->id = sqlite3_column_int64 (stmt, 0);
  transition->has_from = rp_enum_from_nick (RP_TYPE_REFERRAL_STATUS,
                                            (const char *) sqlite3_column_text (stmt, 1),
                                            &from);
  transition->from = transition->has_from ? (RpReferralStatus) from
                                          : RP_REFERRAL_STATUS_RECEIVED;
  transition->to = _rp_store_column_enum (stmt, 2, RP_TYPE_REFERRAL_STATUS,
                                          RP_REFERRAL_STATUS_RECEIVED);
  transition->occurred_at = g_strdup (_rp_store_column_text (stmt, 3));
  transition->note = g_strdup (_rp_store_column_text (stmt, 4));

  return transition;
}

GPtrArray *
rp_store_list_transitions (RpStore *self,
                           gint64   referral_id,
                           GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  stmt = _rp_store_prepare (self,
                            "SELECT id, from_status, to_status, occurred_at, note"
                            " FROM referral_transition WHERE referral_id = ?1"
                            " ORDER BY occurred_at, id",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, referral_id);

  return _rp_store_read_rows (self, stmt, (RpStoreReadRow) row_to_transition,
                              (GDestroyNotify) rp_transition_free, error);
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

static RpSealedPatient *
row_to_sealed_patient (sqlite3_stmt *stmt)
{
  RpSealedPatient *sealed = g_new0 (RpSealedPatient, 1);

  sealed->name = column_bytes (stmt, 0);
  sealed->date_of_birth = column_bytes (stmt, 1);
  sealed->mrn = column_bytes (stmt, 2);
  sealed->phone = column_bytes (stmt, 3);
  sealed->mrn_index = column_bytes (stmt, 4);
  sealed->name_dob_index = column_bytes (stmt, 5);

  return sealed;
}

RpSealedPatient *
rp_store_get_sealed_patient (RpStore *self,
                             gint64   referral_id,
                             GError **error)
{
  g_autoptr(RpSealedPatient) sealed = NULL;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  sealed = _rp_store_read_row_by_key (self,
                                      "SELECT patient_name, patient_dob, patient_mrn,"
                                      " patient_phone, patient_mrn_index,"
                                      " patient_name_dob_index FROM referral WHERE id = ?1",
                                      referral_id, NULL, (RpStoreReadRow) row_to_sealed_patient,
                                      _("No such referral"), error);
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

  return _rp_store_collect_ids (self, stmt, error);
}
