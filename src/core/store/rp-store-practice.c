/* rp-store-practice.c: the practice profile, its locations and its entries.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rp-store-practice.h"
#include "rp-store-private.h"

static gboolean
load_locations (RpStore    *self,
                RpPractice *practice,
                GError    **error)
{
  GListStore *locations = rp_practice_get_locations (practice);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _rp_store_prepare (self,
                            "SELECT id, uuid, name, street, city, state, zip, phone, fax, hours,"
                            " lat, lon, is_primary FROM location WHERE practice_id = ?1"
                            " ORDER BY position, id",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, rp_practice_get_id (practice));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(RpLocation) location = rp_location_new ();

      rp_location_set_id (location, sqlite3_column_int64 (stmt, 0));
      rp_location_set_uuid (location, _rp_store_column_text (stmt, 1));
      rp_location_set_name (location, _rp_store_column_text (stmt, 2));
      rp_location_set_street (location, _rp_store_column_text (stmt, 3));
      rp_location_set_city (location, _rp_store_column_text (stmt, 4));
      rp_location_set_state (location, _rp_store_column_text (stmt, 5));
      rp_location_set_zip (location, _rp_store_column_text (stmt, 6));
      rp_location_set_phone (location, _rp_store_column_text (stmt, 7));
      rp_location_set_fax (location, _rp_store_column_text (stmt, 8));
      rp_location_set_hours (location, _rp_store_column_text (stmt, 9));
      if (sqlite3_column_type (stmt, 10) != SQLITE_NULL &&
          sqlite3_column_type (stmt, 11) != SQLITE_NULL)
        rp_location_set_coordinates (location,
                                     sqlite3_column_double (stmt, 10),
                                     sqlite3_column_double (stmt, 11));
      rp_location_set_is_primary (location, sqlite3_column_int (stmt, 12) != 0);

      g_list_store_append (locations, location);
    }

  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _rp_store_set_error (self, rc, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
load_entries (RpStore    *self,
              RpPractice *practice,
              GError    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _rp_store_prepare (self,
                            "SELECT id, uuid, kind, title, detail, body FROM practice_entry"
                            " WHERE practice_id = ?1 ORDER BY kind, position, id",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, rp_practice_get_id (practice));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RpPracticeEntryKind kind = _rp_store_column_enum (stmt, 2, RP_TYPE_PRACTICE_ENTRY_KIND,
                                                        RP_PRACTICE_ENTRY_SERVICE);
      g_autoptr(RpPracticeEntry) entry = rp_practice_entry_new (kind,
                                                                _rp_store_column_text (stmt, 3),
                                                                _rp_store_column_text (stmt, 4),
                                                                _rp_store_column_text (stmt, 5));

      rp_practice_entry_set_id (entry, sqlite3_column_int64 (stmt, 0));
      rp_practice_entry_set_uuid (entry, _rp_store_column_text (stmt, 1));
      g_list_store_append (rp_practice_get_entries (practice, kind), entry);
    }

  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _rp_store_set_error (self, rc, error);
      return FALSE;
    }

  return TRUE;
}

RpPractice *
rp_store_get_practice (RpStore *self,
                       GError **error)
{
  g_autoptr(RpPractice) practice = rp_practice_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  stmt = _rp_store_prepare (self,
                            "SELECT id, uuid, name, phone, fax, email, website, logo, logo_type,"
                            " referral_url, referral_phone, referral_fax, urgent_line,"
                            " what_to_send, turnaround, insurances, liaison_name, liaison_phone,"
                            " liaison_email FROM practice ORDER BY id LIMIT 1",
                            error);
  if (stmt == NULL)
    return NULL;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      rp_practice_set_id (practice, sqlite3_column_int64 (stmt, 0));
      rp_practice_set_uuid (practice, _rp_store_column_text (stmt, 1));
      rp_practice_set_name (practice, _rp_store_column_text (stmt, 2));
      rp_practice_set_phone (practice, _rp_store_column_text (stmt, 3));
      rp_practice_set_fax (practice, _rp_store_column_text (stmt, 4));
      rp_practice_set_email (practice, _rp_store_column_text (stmt, 5));
      rp_practice_set_website (practice, _rp_store_column_text (stmt, 6));
      if (sqlite3_column_type (stmt, 7) == SQLITE_BLOB && sqlite3_column_bytes (stmt, 7) > 0)
        {
          g_autoptr(GBytes) logo = g_bytes_new (sqlite3_column_blob (stmt, 7),
                                                sqlite3_column_bytes (stmt, 7));

          rp_practice_set_logo (practice, logo, _rp_store_column_text (stmt, 8));
        }
      rp_practice_set_referral_url (practice, _rp_store_column_text (stmt, 9));
      rp_practice_set_referral_phone (practice, _rp_store_column_text (stmt, 10));
      rp_practice_set_referral_fax (practice, _rp_store_column_text (stmt, 11));
      rp_practice_set_urgent_line (practice, _rp_store_column_text (stmt, 12));
      rp_practice_set_what_to_send (practice, _rp_store_column_text (stmt, 13));
      rp_practice_set_turnaround (practice, _rp_store_column_text (stmt, 14));
      rp_practice_set_insurances (practice, _rp_store_column_text (stmt, 15));
      rp_practice_set_liaison_name (practice, _rp_store_column_text (stmt, 16));
      rp_practice_set_liaison_phone (practice, _rp_store_column_text (stmt, 17));
      rp_practice_set_liaison_email (practice, _rp_store_column_text (stmt, 18));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _rp_store_set_error (self, rc, error);
      return NULL;
    }

  if (rp_practice_get_id (practice) > 0 && !load_locations (self, practice, error))
    return NULL;

  if (rp_practice_get_id (practice) > 0 && !load_entries (self, practice, error))
    return NULL;

  return g_steal_pointer (&practice);
}

static gboolean
save_location (RpStore    *self,
               gint64      practice_id,
               RpLocation *location,
               guint       position,
               const char *now,
               GError    **error)
{
  g_autofree char *uuid = _rp_store_dup_uuid_or_new (rp_location_get_uuid (location));
  sqlite3_stmt *stmt;

  stmt = _rp_store_prepare (self,
                            "INSERT INTO location (id, uuid, practice_id, position, name, street,"
                            " city, state, zip, phone, fax, hours, lat, lon, is_primary,"
                            " created_at, updated_at)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
                            " ?15, ?16, ?16)"
                            " ON CONFLICT (id) DO UPDATE SET position = ?4, name = ?5,"
                            " street = ?6, city = ?7, state = ?8, zip = ?9, phone = ?10,"
                            " fax = ?11, hours = ?12, lat = ?13, lon = ?14, is_primary = ?15,"
                            " updated_at = ?16",
                            error);
  if (stmt == NULL)
    return FALSE;

  _rp_store_bind_id (stmt, 1, rp_location_get_id (location));
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, practice_id);
  sqlite3_bind_int (stmt, 4, position);
  sqlite3_bind_text (stmt, 5, rp_location_get_name (location), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, rp_location_get_street (location), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, rp_location_get_city (location), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, rp_location_get_state (location), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, rp_location_get_zip (location), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 10, rp_location_get_phone (location), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 11, rp_location_get_fax (location), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 12, rp_location_get_hours (location), -1, SQLITE_TRANSIENT);
  if (rp_location_get_has_coordinates (location))
    {
      sqlite3_bind_double (stmt, 13, rp_location_get_latitude (location));
      sqlite3_bind_double (stmt, 14, rp_location_get_longitude (location));
    }
  sqlite3_bind_int (stmt, 15, rp_location_get_is_primary (location) ? 1 : 0);
  sqlite3_bind_text (stmt, 16, now, -1, SQLITE_STATIC);

  if (!_rp_store_step_done (self, stmt, error))
    return FALSE;

  if (rp_location_get_id (location) == 0)
    rp_location_set_id (location, sqlite3_last_insert_rowid (self->db));
  rp_location_set_uuid (location, uuid);

  return TRUE;
}

static gboolean
save_entry (RpStore         *self,
            gint64           practice_id,
            RpPracticeEntry *entry,
            guint            position,
            GError         **error)
{
  g_autofree char *uuid = _rp_store_dup_uuid_or_new (rp_practice_entry_get_uuid (entry));
  const char *kind = rp_enum_to_nick (RP_TYPE_PRACTICE_ENTRY_KIND,
                                      rp_practice_entry_get_kind (entry));
  sqlite3_stmt *stmt;

  stmt = _rp_store_prepare (self,
                            "INSERT INTO practice_entry (id, uuid, practice_id, kind, position,"
                            " title, detail, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                            " ON CONFLICT (id) DO UPDATE SET position = ?5, title = ?6,"
                            " detail = ?7, body = ?8",
                            error);
  if (stmt == NULL)
    return FALSE;

  _rp_store_bind_id (stmt, 1, rp_practice_entry_get_id (entry));
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, practice_id);
  sqlite3_bind_text (stmt, 4, kind, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, position);
  sqlite3_bind_text (stmt, 6, rp_practice_entry_get_title (entry), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, rp_practice_entry_get_detail (entry), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, rp_practice_entry_get_body (entry), -1, SQLITE_TRANSIENT);

  if (!_rp_store_step_done (self, stmt, error))
    return FALSE;

  if (rp_practice_entry_get_id (entry) == 0)
    rp_practice_entry_set_id (entry, sqlite3_last_insert_rowid (self->db));
  rp_practice_entry_set_uuid (entry, uuid);

  return TRUE;
}

/* Saves every entry of every kind in its list order and deletes the practice's entries that are
 * no longer in any list. */
static gboolean
save_entries (RpStore    *self,
              RpPractice *practice,
              gint64      practice_id,
              GError    **error)
{
  g_autoptr(GString) keep = g_string_new ("0");
  g_autofree char *delete_sql = NULL;

  for (guint kind = RP_PRACTICE_ENTRY_SERVICE; kind <= RP_PRACTICE_ENTRY_STORY; kind++)
    {
      GListModel *entries = G_LIST_MODEL (rp_practice_get_entries (practice, kind));
      guint n = g_list_model_get_n_items (entries);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(RpPracticeEntry) entry = g_list_model_get_item (entries, i);

          if (!save_entry (self, practice_id, entry, i, error))
            return FALSE;

          g_string_append_printf (keep, ",%" G_GINT64_FORMAT, rp_practice_entry_get_id (entry));
        }
    }

  /* Only integers we formatted ourselves reach the SQL text. */
  delete_sql = g_strdup_printf ("DELETE FROM practice_entry WHERE practice_id = %"
                                G_GINT64_FORMAT " AND id NOT IN (%s)", practice_id, keep->str);

  return _rp_store_exec (self, delete_sql, error);
}

/* Saves the practice, its locations and its entries as they are in @practice, in one
 * transaction: locations and entries that are no longer in its lists are deleted. */
gboolean
rp_store_save_practice (RpStore    *self,
                        RpPractice *practice,
                        GError    **error)
{
  g_autofree char *now = rp_store_now_iso ();
  g_autofree char *uuid = NULL;
  g_autoptr(GString) keep = g_string_new ("0");
  g_autofree char *delete_sql = NULL;
  GListModel *locations;
  GBytes *logo;
  sqlite3_stmt *stmt;
  gint64 practice_id;
  guint n;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (RP_IS_PRACTICE (practice), FALSE);

  if (!rp_store_begin (self, error))
    return FALSE;

  uuid = _rp_store_dup_uuid_or_new (rp_practice_get_uuid (practice));
  stmt = _rp_store_prepare (self,
                            "INSERT INTO practice (id, uuid, name, phone, fax, email, website,"
                            " created_at, updated_at, logo, logo_type, referral_url,"
                            " referral_phone, referral_fax, urgent_line, what_to_send, turnaround,"
                            " insurances, liaison_name, liaison_phone, liaison_email)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9, ?10, ?11, ?12, ?13,"
                            " ?14, ?15, ?16, ?17, ?18, ?19, ?20)"
                            " ON CONFLICT (id) DO UPDATE SET name = ?3, phone = ?4, fax = ?5,"
                            " email = ?6, website = ?7, updated_at = ?8, logo = ?9,"
                            " logo_type = ?10, referral_url = ?11, referral_phone = ?12,"
                            " referral_fax = ?13, urgent_line = ?14, what_to_send = ?15,"
                            " turnaround = ?16, insurances = ?17, liaison_name = ?18,"
                            " liaison_phone = ?19, liaison_email = ?20",
                            error);
  if (stmt == NULL)
    goto failed;

  _rp_store_bind_id (stmt, 1, rp_practice_get_id (practice));
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, rp_practice_get_name (practice), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, rp_practice_get_phone (practice), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, rp_practice_get_fax (practice), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, rp_practice_get_email (practice), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, rp_practice_get_website (practice), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_STATIC);
  logo = rp_practice_get_logo (practice);
  if (logo != NULL)
    sqlite3_bind_blob (stmt, 9, g_bytes_get_data (logo, NULL), g_bytes_get_size (logo),
                       SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 10, rp_practice_get_logo_type (practice), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 11, rp_practice_get_referral_url (practice), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 12, rp_practice_get_referral_phone (practice), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 13, rp_practice_get_referral_fax (practice), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 14, rp_practice_get_urgent_line (practice), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 15, rp_practice_get_what_to_send (practice), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 16, rp_practice_get_turnaround (practice), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 17, rp_practice_get_insurances (practice), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 18, rp_practice_get_liaison_name (practice), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 19, rp_practice_get_liaison_phone (practice), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 20, rp_practice_get_liaison_email (practice), -1, SQLITE_TRANSIENT);

  if (!_rp_store_step_done (self, stmt, error))
    goto failed;

  practice_id = rp_practice_get_id (practice) > 0 ? rp_practice_get_id (practice)
                                                  : sqlite3_last_insert_rowid (self->db);

  locations = G_LIST_MODEL (rp_practice_get_locations (practice));
  n = g_list_model_get_n_items (locations);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RpLocation) location = g_list_model_get_item (locations, i);

      if (!save_location (self, practice_id, location, i, now, error))
        goto failed;

      g_string_append_printf (keep, ",%" G_GINT64_FORMAT, rp_location_get_id (location));
    }

  /* Only integers we formatted ourselves reach the SQL text. */
  delete_sql = g_strdup_printf ("DELETE FROM location WHERE practice_id = %" G_GINT64_FORMAT
                                " AND id NOT IN (%s)", practice_id, keep->str);
  if (!_rp_store_exec (self, delete_sql, error))
    goto failed;

  if (!save_entries (self, practice, practice_id, error))
    goto failed;

  _rp_store_queue_signal (self, RP_STORE_PENDING_PRACTICE);

  if (!rp_store_commit (self, error))
    return FALSE;

  rp_practice_set_id (practice, practice_id);
  rp_practice_set_uuid (practice, uuid);
  return TRUE;

failed:
  rp_store_rollback (self);
  return FALSE;
}
