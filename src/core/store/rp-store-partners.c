/* rp-store-partners.c: partners in the database: reading, writing, searching, listing.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rp-feedback.h"
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

/* The INSERT of @n_rows partners with their ids: each row's parameters follow the last's. */
static char *
insert_partners_sql (guint n_rows)
{
  GString *sql = g_string_new (INSERT_PARTNER ", id) VALUES ");

  for (guint row = 0; row < n_rows; row++)
    {
      g_string_append (sql, row > 0 ? ", (" : "(");
      for (guint i = 1; i <= INSERT_PARTNER_PARAMS; i++)
        g_string_append_printf (sql, i > 1 ? ", ?%u" : "?%u", row * INSERT_PARTNER_PARAMS + i);
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
      static gsize full_sql = 0;   /* a char * */
      guint n_rows = MIN (INSERT_PARTNERS_ROWS, partners->len - first);
      g_autofree char *sql = NULL;

      /* The statement of a full batch is spelled once (its 2,176 parameters took as many
       * printf calls). */
      if (n_rows == INSERT_PARTNERS_ROWS && g_once_init_enter (&full_sql))
        g_once_init_leave (&full_sql, (gsize) insert_partners_sql (INSERT_PARTNERS_ROWS));
      if (n_rows < INSERT_PARTNERS_ROWS)
        sql = insert_partners_sql (n_rows);
      stmt = _rp_store_prepare (self, sql != NULL ? sql : (const char *) full_sql, error);
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

/* Turns what the user typed into an FTS5 query: every word becomes a quoted prefix term, so
 * "mar lop" finds "Maria López" and nothing typed can be read as FTS syntax. NULL when the
 * text holds no word. */
char *
_rp_store_build_match_query (const char *text)
{
  g_autoptr(GString) query = g_string_new (NULL);
  g_autoptr(GString) word = g_string_new (NULL);
  const char *p;

  if (text == NULL)
    return NULL;

  for (p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && (g_unichar_isalnum (c) || g_unichar_ismark (c)))
        {
          g_string_append_unichar (word, c);
          continue;
        }

      if (word->len > 0)
        {
          if (query->len > 0)
            g_string_append_c (query, ' ');
          g_string_append_printf (query, "\"%s\"*", word->str);
          g_string_truncate (word, 0);
        }

      if (c == 0)
        break;
    }

  if (query->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&query), FALSE);
}

/* The first day of the 90-day window that ends on @today (YYYY-MM-DD). */
static char *
window_start (const char *today)
{
  char *start = _rp_store_shift_day (today, -89);

  return start != NULL ? start : g_strdup (today);
}

#define REFERRALS_90D_EXPR \
  "(SELECT count(*) FROM referral r WHERE r.partner_id = partner.id" \
  " AND r.direction = 'inbound' AND r.referred_on >= :since)"

static const char *
order_by_for (RpPartnerSort sort)
{
  switch (sort)
    {
    case RP_PARTNER_SORT_SPECIALTY:
      return "specialty_label COLLATE NOCASE %s, sort_name, id";
    case RP_PARTNER_SORT_ORGANIZATION:
      return "organization COLLATE NOCASE %s, sort_name, id";
    case RP_PARTNER_SORT_CITY:
      return "city COLLATE NOCASE %s, sort_name, id";
    case RP_PARTNER_SORT_TIER:
      return "tier %s, sort_name, id";
    case RP_PARTNER_SORT_STATUS:
      return "status %s, sort_name, id";
    case RP_PARTNER_SORT_LAST_CONTACT:
      return "last_contact_at %s, sort_name, id";
    case RP_PARTNER_SORT_REFERRALS_90D:
      return "coalesce(r90.n, 0) %s, sort_name, id";
    case RP_PARTNER_SORT_DISTANCE:
      /* Unplaced partners last in either direction. */
      return "lat IS NULL OR lon IS NULL,"
             " rp_distance_km(:origin_lat, :origin_lon, lat, lon) %s, sort_name, id";
    case RP_PARTNER_SORT_NAME:
    default:
      return "sort_name %s, id";
    }
}

/* Whether @filter keeps only the partners within a distance of its origin. */
static gboolean
has_distance_filter (const RpPartnerFilter *filter)
{
  return filter->has_origin && filter->within_km > 0;
}

void
_rp_store_append_filter_conditions (GString               *sql,
                                    const RpPartnerFilter *filter,
                                    const char            *match,
                                    gboolean               with_distance)
{
  g_assert (sql != NULL);
  g_assert (filter != NULL);

  if (match != NULL)
    g_string_append (sql, " AND partner.id IN"
                          " (SELECT rowid FROM partner_fts WHERE partner_fts MATCH :match)");
  if (!filter->any_tier)
    g_string_append (sql, " AND partner.tier = :tier");
  if (!filter->any_status)
    g_string_append (sql, " AND partner.status = :status");
  if (filter->specialty_code != NULL && *filter->specialty_code != '\0')
    g_string_append (sql, " AND partner.specialty_code = :specialty");
  if (filter->target_list_id != 0)
    g_string_append (sql, " AND partner.id IN (SELECT partner_id FROM target_list_member"
                          " WHERE list_id = :target_list)");
  if (filter->feedback_from != NULL && filter->feedback_to != NULL)
    g_string_append_printf (sql, " AND partner.id IN (SELECT partner_id FROM partner_feedback"
                                 " WHERE given_on BETWEEN :feedback_from AND :feedback_to%s)",
                            filter->feedback_topic > 0 ? " AND topic = :feedback_topic" : "");
  if (filter->city != NULL && *filter->city != '\0')
    g_string_append (sql, " AND partner.city = :city COLLATE NOCASE");
  if (filter->referred_from != NULL && filter->referred_to != NULL)
    g_string_append_printf (sql, " AND partner.id IN (SELECT partner_id FROM referral"
                                 " WHERE referred_on BETWEEN :referred_from AND :referred_to%s)",
                            filter->referred_direction > 0
                            ? " AND direction = :referred_direction" : "");
  /* The R*Tree narrows to the box around the circle; the haversine keeps the circle. */
  if (with_distance && has_distance_filter (filter))
    g_string_append (sql, " AND partner.id IN (SELECT id FROM partner_geo"
                          " WHERE min_lat >= :within_min_lat AND max_lat <= :within_max_lat"
                          " AND min_lon >= :within_min_lon AND max_lon <= :within_max_lon)"
                          " AND rp_distance_km(:origin_lat, :origin_lon, partner.lat, partner.lon)"
                          " <= :within_km");
}

static void
bind_double (sqlite3_stmt *stmt,
             const char   *name,
             double        value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_double (stmt, index, value);
}

void
_rp_store_bind_filter_conditions (sqlite3_stmt          *stmt,
                                  const RpPartnerFilter *filter,
                                  const char            *match)
{
  int index;

  g_assert (stmt != NULL);
  g_assert (filter != NULL);

  if ((index = sqlite3_bind_parameter_index (stmt, ":match")) > 0)
    sqlite3_bind_text (stmt, index, match, -1, SQLITE_TRANSIENT);
  if ((index = sqlite3_bind_parameter_index (stmt, ":tier")) > 0)
    sqlite3_bind_text (stmt, index, rp_enum_to_nick (RP_TYPE_TIER, filter->tier), -1,
                       SQLITE_STATIC);
  if ((index = sqlite3_bind_parameter_index (stmt, ":status")) > 0)
    sqlite3_bind_text (stmt, index, rp_enum_to_nick (RP_TYPE_PARTNER_STATUS, filter->status), -1,
                       SQLITE_STATIC);
  if ((index = sqlite3_bind_parameter_index (stmt, ":specialty")) > 0)
    sqlite3_bind_text (stmt, index, filter->specialty_code, -1, SQLITE_TRANSIENT);
  if ((index = sqlite3_bind_parameter_index (stmt, ":target_list")) > 0)
    sqlite3_bind_int64 (stmt, index, filter->target_list_id);
  if ((index = sqlite3_bind_parameter_index (stmt, ":feedback_from")) > 0)
    sqlite3_bind_text (stmt, index, filter->feedback_from, -1, SQLITE_TRANSIENT);
  if ((index = sqlite3_bind_parameter_index (stmt, ":feedback_to")) > 0)
    sqlite3_bind_text (stmt, index, filter->feedback_to, -1, SQLITE_TRANSIENT);
  if ((index = sqlite3_bind_parameter_index (stmt, ":city")) > 0)
    sqlite3_bind_text (stmt, index, filter->city, -1, SQLITE_TRANSIENT);
  if ((index = sqlite3_bind_parameter_index (stmt, ":referred_from")) > 0)
    sqlite3_bind_text (stmt, index, filter->referred_from, -1, SQLITE_TRANSIENT);
  if ((index = sqlite3_bind_parameter_index (stmt, ":referred_to")) > 0)
    sqlite3_bind_text (stmt, index, filter->referred_to, -1, SQLITE_TRANSIENT);
  if ((index = sqlite3_bind_parameter_index (stmt, ":referred_direction")) > 0)
    sqlite3_bind_text (stmt, index,
                       rp_enum_to_nick (RP_TYPE_REFERRAL_DIRECTION,
                                        filter->referred_direction - 1), -1, SQLITE_STATIC);
  if ((index = sqlite3_bind_parameter_index (stmt, ":feedback_topic")) > 0)
    sqlite3_bind_text (stmt, index, rp_feedback_topic_to_nick (filter->feedback_topic - 1), -1,
                       SQLITE_STATIC);

  bind_double (stmt, ":origin_lat", filter->origin_lat);
  bind_double (stmt, ":origin_lon", filter->origin_lon);
  bind_double (stmt, ":within_km", filter->within_km);

  if (sqlite3_bind_parameter_index (stmt, ":within_min_lat") > 0)
    {
      RpGeoPoint origin = { filter->origin_lat, filter->origin_lon };
      /* A hair wider: the R*Tree stores its coordinates as 32-bit floats. */
      RpGeoBox box = rp_geo_box_around (origin, filter->within_km * 1.001 + 0.01);

      bind_double (stmt, ":within_min_lat", box.min_lat);
      bind_double (stmt, ":within_max_lat", box.max_lat);
      bind_double (stmt, ":within_min_lon", box.min_lon);
      bind_double (stmt, ":within_max_lon", box.max_lon);
    }
}

typedef struct
{
  double  km;          /* -1 when unplaced */
  guint   position;    /* in name order */
  gint64  id;
} ByDistance;

static int
compare_by_distance (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  const ByDistance *x = a;
  const ByDistance *y = b;
  gboolean descending = GPOINTER_TO_INT (user_data);

  /* Unplaced partners last in either direction, then by distance, then in name order. */
  if ((x->km < 0) != (y->km < 0))
    return x->km < 0 ? 1 : -1;
  if (x->km != y->km)
    return (x->km < y->km) == !descending ? -1 : 1;

  return (x->position > y->position) - (x->position < y->position);
}

/* Keeps the partners of @ids within @filter's distance of its origin, and sorts them by that
 * distance when @filter says so; their places come from the map's copy of the partners
 * (rp-store-geo.c), a few milliseconds for 100,000 where SQL takes a third of a second. */
static gboolean
apply_distance (RpStore               *self,
                const RpPartnerFilter *filter,
                GArray                *ids,
                GError               **error)
{
  gboolean by_distance = filter->sort == RP_PARTNER_SORT_DISTANCE && filter->has_origin;
  gboolean within = has_distance_filter (filter);
  g_autofree RpGeoPoint *points = NULL;
  g_autofree gboolean *placed = NULL;
  g_autoptr(GArray) sorted = NULL;
  RpGeoPoint origin = { filter->origin_lat, filter->origin_lon };

  if ((!by_distance && !within) || ids->len == 0)
    return TRUE;

  points = g_new (RpGeoPoint, ids->len);
  placed = g_new (gboolean, ids->len);
  if (!_rp_store_locate_partners (self, (const gint64 *) (gpointer) ids->data, ids->len, points,
                                  placed, error))
    return FALSE;

  sorted = g_array_sized_new (FALSE, FALSE, sizeof (ByDistance), ids->len);
  for (guint i = 0; i < ids->len; i++)
    {
      ByDistance entry = { -1, i, g_array_index (ids, gint64, i) };

      if (placed[i])
        entry.km = rp_geo_distance_km (origin, points[i]);
      if (within && (entry.km < 0 || entry.km > filter->within_km))
        continue;

      g_array_append_val (sorted, entry);
    }

  if (by_distance)
    g_array_sort_with_data (sorted, compare_by_distance, GINT_TO_POINTER (filter->descending));

  g_array_set_size (ids, sorted->len);
  for (guint i = 0; i < sorted->len; i++)
    g_array_index (ids, gint64, i) = g_array_index (sorted, ByDistance, i).id;

  return TRUE;
}

GArray *
rp_store_query_partner_ids (RpStore               *self,
                            const RpPartnerFilter *filter,
                            GError               **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT id FROM partner ");
  g_autoptr(GArray) ids = NULL;
  g_autofree char *match = NULL;
  g_autofree char *today = NULL;
  g_autofree char *since = NULL;
  g_autofree char *order = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;
  int index;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  /* Sorting by referrals counts them per partner in one pass over the window's referrals
   * instead of once per partner. */
  if (filter->sort == RP_PARTNER_SORT_REFERRALS_90D)
    g_string_append (sql,
                     "LEFT JOIN (SELECT partner_id, count(*) AS n"
                     " FROM referral INDEXED BY referral_by_date"
                     " WHERE referred_on >= :since AND direction = 'inbound'"
                     " GROUP BY partner_id) AS r90 ON r90.partner_id = partner.id ");

  /* Written as the partial indexes' own WHERE so that SQLite can use them to sort. */
  g_string_append (sql, filter->archived ? "WHERE archived_at IS NOT NULL"
                                         : "WHERE archived_at IS NULL");

  match = _rp_store_build_match_query (filter->search);
  /* The distance filter and the distance order are applied in C afterwards (see
   * apply_distance()): SQL would compute the haversine in a function call per row, and read
   * the wide partner rows for their coordinates. */
  _rp_store_append_filter_conditions (sql, filter, match, FALSE);

  /* order_by_for() returns a format with one %s, the direction, from a fixed set. Without an
   * origin there is no distance to sort by: by name then. By distance, SQL gives the name order
   * that breaks ties (ascending in either direction). */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  order = g_strdup_printf (order_by_for (filter->sort == RP_PARTNER_SORT_DISTANCE
                                         ? RP_PARTNER_SORT_NAME : filter->sort),
                           filter->descending && filter->sort != RP_PARTNER_SORT_DISTANCE
                           ? "DESC" : "ASC");
#pragma GCC diagnostic pop
  g_string_append_printf (sql, " ORDER BY %s", order);

  rc = sqlite3_prepare_v2 (self->db, sql->str, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _rp_store_set_error (self, rc, error);
      return NULL;
    }

  _rp_store_bind_filter_conditions (stmt, filter, match);
  if ((index = sqlite3_bind_parameter_index (stmt, ":since")) > 0)
    {
      today = _rp_store_dup_today (filter->today);
      since = window_start (today);
      sqlite3_bind_text (stmt, index, since, -1, SQLITE_STATIC);
    }

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }

  if (rc != SQLITE_DONE)
    {
      _rp_store_set_error (self, rc, error);
      sqlite3_finalize (stmt);
      return NULL;
    }

  sqlite3_finalize (stmt);

  if (!apply_distance (self, filter, ids, error))
    return NULL;

  return g_steal_pointer (&ids);
}

#define ID_ARRAY_POINTER "rp-id-array"

/* rp_collect_ids (id, array): an aggregate that writes each id into the GArray bound as a pointer
 * and returns how many it wrote (the array's length is then at least that: trim it). Collecting
 * in an aggregate costs a function call a row instead of a trip out of sqlite3_step and back,
 * which is most of a long match's time. */
typedef struct
{
  GArray *ids;
  guint   n;
} Collector;

static void
collect_ids_step (sqlite3_context *context,
                  int              argc,
                  sqlite3_value  **argv)
{
  Collector *collector = sqlite3_aggregate_context (context, sizeof (Collector));

  if (collector == NULL)
    {
      sqlite3_result_error_nomem (context);
      return;
    }

  /* The array is looked up once a query (a pointer value's type is checked by name). */
  if (collector->ids == NULL)
    {
      collector->ids = sqlite3_value_pointer (argv[1], ID_ARRAY_POINTER);
      if (collector->ids == NULL)
        {
          sqlite3_result_error (context, "rp_collect_ids: no array bound", -1);
          return;
        }
    }

  /* Written in place, the length grown by doubling: setting a length within the array's
   * memory, kept from search to search, costs nothing. */
  if (collector->n == collector->ids->len)
    g_array_set_size (collector->ids, MAX (1024, collector->n * 2));
  ((gint64 *) (void *) collector->ids->data)[collector->n++] = sqlite3_value_int64 (argv[0]);
}

static void
collect_ids_final (sqlite3_context *context)
{
  Collector *collector = sqlite3_aggregate_context (context, 0);

  sqlite3_result_int64 (context, collector != NULL ? collector->n : 0);
}

gboolean
_rp_store_register_partner_functions (RpStore *self)
{
  g_assert (RP_IS_STORE (self));
  g_assert (self->db != NULL);

  return sqlite3_create_function_v2 (self->db, "rp_collect_ids", 2, SQLITE_UTF8, NULL, NULL,
                                     collect_ids_step, collect_ids_final, NULL) == SQLITE_OK;
}

gboolean
rp_store_match_partner_ids_into (RpStore    *self,
                                 const char *search,
                                 GArray     *ids,
                                 gboolean   *searched,
                                 GError    **error)
{
  g_autofree char *match = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (ids != NULL && g_array_get_element_size (ids) == sizeof (gint64), FALSE);

  g_array_set_size (ids, 0);
  match = _rp_store_build_match_query (search);
  if (searched != NULL)
    *searched = match != NULL;
  if (match == NULL)
    return TRUE;

  /* One step: the index's rowids go straight into @ids (shrinking it to 0 above kept its
   * memory, so a list that searches again allocates nothing). */
  stmt = _rp_store_prepare (self,
                            "SELECT rp_collect_ids (rowid, ?2) FROM partner_fts"
                            " WHERE partner_fts MATCH ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  sqlite3_bind_pointer (stmt, 2, ids, ID_ARRAY_POINTER, NULL);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    g_array_set_size (ids, (guint) sqlite3_column_int64 (stmt, 0));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_ROW)
    {
      g_array_set_size (ids, 0);
      _rp_store_set_error (self, rc, error);
      return FALSE;
    }

  return TRUE;
}

GArray *
rp_store_match_partner_ids (RpStore    *self,
                            const char *search,
                            GError    **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean searched = FALSE;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  if (!rp_store_match_partner_ids_into (self, search, ids, &searched, error) || !searched)
    return NULL;

  return g_steal_pointer (&ids);
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
  since = window_start (today);

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
