/* rp-store-partners.c: partners in the database: reading, writing, searching, listing.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rp-store-partners.h"
#include "rp-store-private.h"
#include "rp-validate.h"

/* The columns every partner read selects, in the order row_to_partner() reads them. */
#define PARTNER_COLUMNS \
  "id, uuid, kind, prefix, first_name, last_name, credentials, organization, npi," \
  " specialty_code, specialty_label, street, city, state, zip, lat, lon, phone, fax, email," \
  " office_contact, best_time, tier, influence, monthly_volume, status, cadence_days, tags," \
  " notes, last_contact_at, created_at, updated_at, archived_at"

enum {
  COL_ID, COL_UUID, COL_KIND, COL_PREFIX, COL_FIRST_NAME, COL_LAST_NAME, COL_CREDENTIALS,
  COL_ORGANIZATION, COL_NPI, COL_SPECIALTY_CODE, COL_SPECIALTY_LABEL, COL_STREET, COL_CITY,
  COL_STATE, COL_ZIP, COL_LAT, COL_LON, COL_PHONE, COL_FAX, COL_EMAIL, COL_OFFICE_CONTACT,
  COL_BEST_TIME, COL_TIER, COL_INFLUENCE, COL_MONTHLY_VOLUME, COL_STATUS, COL_CADENCE_DAYS,
  COL_TAGS, COL_NOTES, COL_LAST_CONTACT_AT, COL_CREATED_AT, COL_UPDATED_AT, COL_ARCHIVED_AT,
  N_PARTNER_COLUMNS
};

void
rp_specialty_count_free (RpSpecialtyCount *count)
{
  if (count == NULL)
    return;

  g_free (count->code);
  g_free (count->label);
  g_free (count);
}

static RpPartner *
row_to_partner (sqlite3_stmt *stmt)
{
  RpPartner *partner;

  partner = rp_partner_new (_rp_store_column_enum (stmt, COL_KIND, RP_TYPE_PARTNER_KIND,
                                                   RP_PARTNER_KIND_PERSON));

  /* Filled with notifications frozen: nobody listens to a partner still being read. */
  g_object_freeze_notify (G_OBJECT (partner));

  rp_partner_set_id (partner, sqlite3_column_int64 (stmt, COL_ID));
  rp_partner_set_uuid (partner, _rp_store_column_text (stmt, COL_UUID));
  rp_partner_set_prefix (partner, _rp_store_column_text (stmt, COL_PREFIX));
  rp_partner_set_first_name (partner, _rp_store_column_text (stmt, COL_FIRST_NAME));
  rp_partner_set_last_name (partner, _rp_store_column_text (stmt, COL_LAST_NAME));
  rp_partner_set_credentials (partner, _rp_store_column_text (stmt, COL_CREDENTIALS));
  rp_partner_set_organization (partner, _rp_store_column_text (stmt, COL_ORGANIZATION));
  rp_partner_set_npi (partner, _rp_store_column_text (stmt, COL_NPI));
  rp_partner_set_specialty_code (partner, _rp_store_column_text (stmt, COL_SPECIALTY_CODE));
  rp_partner_set_specialty_label (partner, _rp_store_column_text (stmt, COL_SPECIALTY_LABEL));
  rp_partner_set_street (partner, _rp_store_column_text (stmt, COL_STREET));
  rp_partner_set_city (partner, _rp_store_column_text (stmt, COL_CITY));
  rp_partner_set_state (partner, _rp_store_column_text (stmt, COL_STATE));
  rp_partner_set_zip (partner, _rp_store_column_text (stmt, COL_ZIP));
  if (sqlite3_column_type (stmt, COL_LAT) != SQLITE_NULL &&
      sqlite3_column_type (stmt, COL_LON) != SQLITE_NULL)
    rp_partner_set_location (partner,
                             sqlite3_column_double (stmt, COL_LAT),
                             sqlite3_column_double (stmt, COL_LON));
  rp_partner_set_phone (partner, _rp_store_column_text (stmt, COL_PHONE));
  rp_partner_set_fax (partner, _rp_store_column_text (stmt, COL_FAX));
  rp_partner_set_email (partner, _rp_store_column_text (stmt, COL_EMAIL));
  rp_partner_set_office_contact (partner, _rp_store_column_text (stmt, COL_OFFICE_CONTACT));
  rp_partner_set_best_time (partner, _rp_store_column_text (stmt, COL_BEST_TIME));
  rp_partner_set_tier (partner, _rp_store_column_enum (stmt, COL_TIER, RP_TYPE_TIER, RP_TIER_B));
  rp_partner_set_influence (partner, CLAMP (sqlite3_column_int (stmt, COL_INFLUENCE), 1, 5));
  rp_partner_set_monthly_volume (partner, MAX (sqlite3_column_int (stmt, COL_MONTHLY_VOLUME), 0));
  rp_partner_set_status (partner,
                         _rp_store_column_enum (stmt, COL_STATUS, RP_TYPE_PARTNER_STATUS,
                                                RP_PARTNER_STATUS_PROSPECT));
  rp_partner_set_cadence_days (partner, MAX (sqlite3_column_int (stmt, COL_CADENCE_DAYS), 0));
  rp_partner_set_tags (partner, _rp_store_column_text (stmt, COL_TAGS));
  rp_partner_set_notes (partner, _rp_store_column_text (stmt, COL_NOTES));
  rp_partner_set_last_contact_at (partner, _rp_store_column_text (stmt, COL_LAST_CONTACT_AT));
  rp_partner_set_created_at (partner, _rp_store_column_text (stmt, COL_CREATED_AT));
  rp_partner_set_updated_at (partner, _rp_store_column_text (stmt, COL_UPDATED_AT));
  rp_partner_set_archived_at (partner, _rp_store_column_text (stmt, COL_ARCHIVED_AT));

  g_object_thaw_notify (G_OBJECT (partner));

  return partner;
}

/* Refuses what the schema cannot express as a clear message: a partner with no name, a bad NPI,
 * a state or ZIP that is not one. */
static gboolean
validate_partner (RpPartner *partner,
                  GError   **error)
{
  g_autoptr(GError) local_error = NULL;

  if (*rp_partner_get_display_name (partner) == '\0')
    {
      g_set_error_literal (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID,
                           _("A partner needs a name"));
      return FALSE;
    }

  if (!rp_validate_npi (rp_partner_get_npi (partner), &local_error) ||
      !rp_validate_state (rp_partner_get_state (partner), &local_error) ||
      !rp_validate_zip (rp_partner_get_zip (partner), &local_error))
    {
      g_set_error_literal (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* Binds the partner's editable fields to ?1…?29 (each plus @base) in the order of the INSERT and
 * UPDATE below. The text is not copied: @partner outlives the statement's step, and
 * _rp_store_prepare clears the bindings before the statement's next use. */
static void
bind_partner (sqlite3_stmt *stmt,
              int           base,
              RpPartner    *partner)
{
  guint cadence = rp_partner_get_cadence_days (partner);

  sqlite3_bind_text (stmt, base + 1, rp_enum_to_nick (RP_TYPE_PARTNER_KIND,
                                               rp_partner_get_kind (partner)), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, base + 2, rp_partner_get_prefix (partner), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, base + 3, rp_partner_get_first_name (partner), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, base + 4, rp_partner_get_last_name (partner), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, base + 5, rp_partner_get_credentials (partner), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, base + 6, rp_partner_get_organization (partner), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, base + 7, rp_partner_get_display_name (partner), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, base + 8, rp_partner_get_sort_name (partner), -1, SQLITE_STATIC);
  _rp_store_bind_text (stmt, base + 9, rp_partner_get_npi (partner));
  sqlite3_bind_text (stmt, base + 10, rp_partner_get_specialty_code (partner),
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, base + 11, rp_partner_get_specialty_label (partner),
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, base + 12, rp_partner_get_street (partner), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, base + 13, rp_partner_get_city (partner), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, base + 14, rp_partner_get_state (partner), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, base + 15, rp_partner_get_zip (partner), -1, SQLITE_STATIC);
  if (rp_partner_get_has_location (partner))
    {
      sqlite3_bind_double (stmt, base + 16, rp_partner_get_latitude (partner));
      sqlite3_bind_double (stmt, base + 17, rp_partner_get_longitude (partner));
    }
  sqlite3_bind_text (stmt, base + 18, rp_partner_get_phone (partner), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, base + 19, rp_partner_get_fax (partner), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, base + 20, rp_partner_get_email (partner), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, base + 21, rp_partner_get_office_contact (partner),
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, base + 22, rp_partner_get_best_time (partner), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, base + 23, rp_enum_to_nick (RP_TYPE_TIER, rp_partner_get_tier (partner)),
                     -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, base + 24, rp_partner_get_influence (partner));
  sqlite3_bind_int (stmt, base + 25, rp_partner_get_monthly_volume (partner));
  sqlite3_bind_text (stmt, base + 26, rp_enum_to_nick (RP_TYPE_PARTNER_STATUS,
                                                rp_partner_get_status (partner)),
                     -1, SQLITE_STATIC);
  if (cadence > 0)
    sqlite3_bind_int (stmt, base + 27, cadence);
  sqlite3_bind_text (stmt, base + 28, rp_partner_get_tags (partner), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, base + 29, rp_partner_get_notes (partner), -1, SQLITE_STATIC);
}

/* The columns of an INSERT (bind_partner's 29, then the Rapport ID, the times and the archiving),
 * without the closing parenthesis. */
#define INSERT_PARTNER \
  "INSERT INTO partner (kind, prefix, first_name, last_name, credentials, organization," \
  " display_name, sort_name, npi, specialty_code, specialty_label, street, city, state, zip," \
  " lat, lon, phone, fax, email, office_contact, best_time, tier, influence, monthly_volume," \
  " status, cadence_days, tags, notes, uuid, created_at, updated_at, archived_at"
#define INSERT_PARTNER_PARAMS 34   /* INSERT_PARTNER's 33 and the id */
#define INSERT_PARTNERS_ROWS 64    /* rows an INSERT of rp_store_insert_partners writes at once */

/* Runs one write statement as a transaction of its own (or as part of the caller's). */
static gboolean
run_write (RpStore      *self,
           sqlite3_stmt *stmt,
           GError      **error)
{
  if (!rp_store_begin (self, error))
    return FALSE;

  if (!_rp_store_step_done (self, stmt, error))
    {
      rp_store_rollback (self);
      return FALSE;
    }

  _rp_store_queue_signal (self, RP_STORE_PENDING_PARTNERS);
  return rp_store_commit (self, error);
}

gboolean
rp_store_insert_partner (RpStore   *self,
                         RpPartner *partner,
                         GError   **error)
{
  g_autofree char *now = NULL;
  g_autofree char *uuid = NULL;
  sqlite3_stmt *stmt;
  const char *created_at;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (RP_IS_PARTNER (partner), FALSE);
  g_return_val_if_fail (rp_partner_get_id (partner) == 0, FALSE);

  if (!validate_partner (partner, error))
    return FALSE;

  stmt = _rp_store_prepare (self,
                            INSERT_PARTNER ")"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
                            " ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28,"
                            " ?29, ?30, ?31, ?32, ?33)",
                            error);
  if (stmt == NULL)
    return FALSE;

  now = rp_store_now_iso ();
  uuid = *rp_partner_get_uuid (partner) != '\0' ? g_strdup (rp_partner_get_uuid (partner))
                                                 : rp_store_new_uuid ();
  created_at = *rp_partner_get_created_at (partner) != '\0' ? rp_partner_get_created_at (partner)
                                                             : now;

  bind_partner (stmt, 0, partner);
  sqlite3_bind_text (stmt, 30, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 31, created_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 32, now, -1, SQLITE_STATIC);
  _rp_store_bind_text (stmt, 33, rp_partner_get_archived_at (partner));

  if (!run_write (self, stmt, error))
    return FALSE;

  rp_partner_set_id (partner, sqlite3_last_insert_rowid (self->db));
  rp_partner_set_uuid (partner, uuid);
  if (*rp_partner_get_created_at (partner) == '\0')
    rp_partner_set_created_at (partner, now);
  rp_partner_set_updated_at (partner, now);

  return TRUE;
}

/* The INSERT of @n_rows partners with their ids: each row's parameters follow the last's, so
 * they go unnumbered ("?" is the one after the last): the statement cache hashes and compares
 * the text at each use, 4 KiB for 64 rows instead of 22 with the numbers. */
static char *
insert_partners_sql (guint n_rows)
{
  GString *sql = g_string_new (INSERT_PARTNER ", id) VALUES ");

  for (guint row = 0; row < n_rows; row++)
    {
      g_string_append (sql, row > 0 ? ", (?" : "(?");
      for (guint i = 2; i <= INSERT_PARTNER_PARAMS; i++)
        g_string_append (sql, ",?");
      g_string_append_c (sql, ')');
    }
  return g_string_free (sql, FALSE);
}

gboolean
rp_store_insert_partners (RpStore    *self,
                          GPtrArray  *partners,
                          GError    **error)
{
  g_autofree char *now = NULL;
  g_autoptr(GPtrArray) uuids = NULL;
  sqlite3_stmt *stmt;
  gint64 next_id = 0;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (partners != NULL, FALSE);

  for (guint i = 0; i < partners->len; i++)
    {
      g_return_val_if_fail (rp_partner_get_id (g_ptr_array_index (partners, i)) == 0, FALSE);
      if (!validate_partner (g_ptr_array_index (partners, i), error))
        return FALSE;
    }
  if (partners->len == 0)
    return TRUE;

  if (!rp_store_begin (self, error))
    return FALSE;

  /* The ids are given, not left to SQLite, so that each partner learns its own. */
  stmt = _rp_store_prepare (self, "SELECT COALESCE(MAX(id), 0) + 1 FROM partner", error);
  if (stmt == NULL)
    goto failed;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    next_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  now = rp_store_now_iso ();
  uuids = g_ptr_array_new_full (partners->len, g_free);
  for (guint i = 0; i < partners->len; i++)
    {
      RpPartner *partner = g_ptr_array_index (partners, i);

      g_ptr_array_add (uuids, *rp_partner_get_uuid (partner) != '\0'
                                ? g_strdup (rp_partner_get_uuid (partner)) : rp_store_new_uuid ());
    }

  for (guint first = 0; first < partners->len; first += INSERT_PARTNERS_ROWS)
    {
      guint n_rows = MIN (INSERT_PARTNERS_ROWS, partners->len - first);
      g_autofree char *sql = insert_partners_sql (n_rows);

      stmt = _rp_store_prepare (self, sql, error);
      if (stmt == NULL)
        goto failed;
      for (guint row = 0; row < n_rows; row++)
        {
          RpPartner *partner = g_ptr_array_index (partners, first + row);
          const char *created_at = rp_partner_get_created_at (partner);
          int base = row * INSERT_PARTNER_PARAMS;

          bind_partner (stmt, base, partner);
          sqlite3_bind_text (stmt, base + 30, g_ptr_array_index (uuids, first + row), -1,
                             SQLITE_STATIC);
          sqlite3_bind_text (stmt, base + 31, *created_at != '\0' ? created_at : now, -1,
                             SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, base + 32, now, -1, SQLITE_STATIC);
          _rp_store_bind_text (stmt, base + 33, rp_partner_get_archived_at (partner));
          sqlite3_bind_int64 (stmt, base + 34, next_id + first + row);
        }
      if (!_rp_store_step_done (self, stmt, error))
        goto failed;
    }

  for (guint i = 0; i < partners->len; i++)
    {
      RpPartner *partner = g_ptr_array_index (partners, i);

      rp_partner_set_id (partner, next_id + i);
      rp_partner_set_uuid (partner, g_ptr_array_index (uuids, i));
      if (*rp_partner_get_created_at (partner) == '\0')
        rp_partner_set_created_at (partner, now);
      rp_partner_set_updated_at (partner, now);
    }

  _rp_store_queue_signal (self, RP_STORE_PENDING_PARTNERS);
  return rp_store_commit (self, error);

failed:
  rp_store_rollback (self);
  return FALSE;
}

gboolean
rp_store_update_partner (RpStore   *self,
                         RpPartner *partner,
                         GError   **error)
{
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (RP_IS_PARTNER (partner), FALSE);
  g_return_val_if_fail (rp_partner_get_id (partner) > 0, FALSE);

  if (!validate_partner (partner, error))
    return FALSE;

  stmt = _rp_store_prepare (self,
                            "UPDATE partner SET kind = ?1, prefix = ?2, first_name = ?3,"
                            " last_name = ?4, credentials = ?5, organization = ?6,"
                            " display_name = ?7, sort_name = ?8, npi = ?9, specialty_code = ?10,"
                            " specialty_label = ?11, street = ?12, city = ?13, state = ?14,"
                            " zip = ?15, lat = ?16, lon = ?17, phone = ?18, fax = ?19,"
                            " email = ?20, office_contact = ?21, best_time = ?22, tier = ?23,"
                            " influence = ?24, monthly_volume = ?25, status = ?26,"
                            " cadence_days = ?27, tags = ?28, notes = ?29, updated_at = ?30"
                            " WHERE id = ?31",
                            error);
  if (stmt == NULL)
    return FALSE;

  now = rp_store_now_iso ();
  bind_partner (stmt, 0, partner);
  sqlite3_bind_text (stmt, 30, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 31, rp_partner_get_id (partner));

  if (!run_write (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND,
                   _("The partner “%s” no longer exists"), rp_partner_get_display_name (partner));
      return FALSE;
    }

  rp_partner_set_updated_at (partner, now);
  return TRUE;
}

gboolean
rp_store_set_partner_archived (RpStore *self,
                               gint64   id,
                               gboolean archived,
                               GError **error)
{
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (id > 0, FALSE);

  stmt = _rp_store_prepare (self,
                            "UPDATE partner SET archived_at = ?1, updated_at = ?2 WHERE id = ?3",
                            error);
  if (stmt == NULL)
    return FALSE;

  now = rp_store_now_iso ();
  if (archived)
    sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, id);

  if (!run_write (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND,
                           _("The partner no longer exists"));
      return FALSE;
    }

  return TRUE;
}

gboolean
rp_store_delete_partner (RpStore *self,
                         gint64   id,
                         GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (id > 0, FALSE);

  /* Foreign keys cascade to the partner's referrals, tasks, visits and list memberships. */
  stmt = _rp_store_prepare (self, "DELETE FROM partner WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);

  if (!run_write (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND,
                           _("The partner no longer exists"));
      return FALSE;
    }

  return TRUE;
}

RpPartner *
rp_store_get_partner (RpStore *self,
                      gint64   id,
                      GError **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  return _rp_store_read_row_by_key (self,
                                    "SELECT " PARTNER_COLUMNS " FROM partner WHERE id = ?1",
                                    id, NULL, (RpStoreReadRow) row_to_partner,
                                    _("No such partner"), error);
}

RpPartner *
rp_store_find_partner_by_npi (RpStore    *self,
                              const char *npi,
                              GError    **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (npi != NULL, NULL);

  return _rp_store_read_row_by_key (self,
                                    "SELECT " PARTNER_COLUMNS " FROM partner WHERE npi = ?1",
                                    0, npi, (RpStoreReadRow) row_to_partner,
                                    _("No such partner"), error);
}

RpPartner *
rp_store_find_partner_by_uuid (RpStore    *self,
                               const char *uuid,
                               GError    **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  return _rp_store_read_row_by_key (self,
                                    "SELECT " PARTNER_COLUMNS " FROM partner WHERE uuid = ?1",
                                    0, uuid, (RpStoreReadRow) row_to_partner,
                                    _("No such partner"), error);
}

guint
rp_store_count_partners (RpStore *self,
                         gboolean archived)
{
  sqlite3_stmt *stmt;
  guint count = 0;

  g_return_val_if_fail (RP_IS_STORE (self), 0);

  if (archived)
    stmt = _rp_store_prepare (self, "SELECT count(*) FROM partner WHERE archived_at IS NOT NULL",
                              NULL);
  else
    stmt = _rp_store_prepare (self, "SELECT count(*) FROM partner WHERE archived_at IS NULL",
                              NULL);

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    count = (guint) sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);

  return count;
}

/* The first day of the 90-day window that ends on @today (YYYY-MM-DD). */
char *
_rp_store_partner_window_start (const char *today)
{
  char *start = _rp_store_shift_day (today, -89);

  return start != NULL ? start : g_strdup (today);
}

GPtrArray *
rp_store_load_partners (RpStore      *self,
                        const gint64 *ids,
                        guint         n_ids,
                        const char   *today,
                        GError      **error)
{
  g_autoptr(GPtrArray) partners = NULL;
  g_autofree char *today_owned = NULL;
  g_autofree char *since = NULL;
  sqlite3_stmt *stmt;
  int id_index;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  stmt = _rp_store_prepare (self,
                            "SELECT " PARTNER_COLUMNS ", " REFERRALS_90D_EXPR
                            " FROM partner WHERE id = :id",
                            error);
  if (stmt == NULL)
    return NULL;

  today = today_owned = _rp_store_dup_today (today);
  since = _rp_store_partner_window_start (today);

  partners = g_ptr_array_new_full (n_ids, g_object_unref);
  id_index = sqlite3_bind_parameter_index (stmt, ":id");
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":since"), since, -1,
                     SQLITE_STATIC);

  for (guint i = 0; i < n_ids; i++)
    {
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, id_index, ids[i]);

      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          RpPartner *partner = row_to_partner (stmt);

          rp_partner_set_referrals_90d (partner,
                                        (guint) sqlite3_column_int (stmt, N_PARTNER_COLUMNS));
          g_ptr_array_add (partners, partner);
        }
      else if (rc != SQLITE_DONE)
        {
          _rp_store_set_error (self, rc, error);
          sqlite3_reset (stmt);
          return NULL;
        }
    }

  sqlite3_reset (stmt);
  return g_steal_pointer (&partners);
}

GHashTable *
rp_store_load_partners_by_id (RpStore      *self,
                              const gint64 *ids,
                              guint         n_ids,
                              const char   *today,
                              GError      **error)
{
  g_autoptr(GPtrArray) partners = NULL;
  GHashTable *by_id;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  partners = rp_store_load_partners (self, ids, n_ids, today, error);
  if (partners == NULL)
    return NULL;

  by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  for (guint i = 0; i < partners->len; i++)
    {
      RpPartner *partner = g_ptr_array_index (partners, i);

      g_hash_table_insert (by_id, g_memdup2 (&(gint64) { rp_partner_get_id (partner) },
                                             sizeof (gint64)), g_object_ref (partner));
    }

  return by_id;
}

static RpSpecialtyCount *
row_to_specialty_count (sqlite3_stmt *stmt)
{
  RpSpecialtyCount *count = g_new0 (RpSpecialtyCount, 1);

  count->code = g_strdup (_rp_store_column_text (stmt, 0));
  count->label = g_strdup (_rp_store_column_text (stmt, 1));
  count->count = (guint) sqlite3_column_int (stmt, 2);

  return count;
}

GPtrArray *
rp_store_list_specialties (RpStore *self,
                           GError **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  return _rp_store_query_rows (self,
                               "SELECT specialty_code, min(specialty_label), count(*)"
                               " FROM partner WHERE archived_at IS NULL AND specialty_code != ''"
                               " GROUP BY specialty_code ORDER BY 2 COLLATE NOCASE",
                               (RpStoreReadRow) row_to_specialty_count,
                               (GDestroyNotify) rp_specialty_count_free, error);
}
