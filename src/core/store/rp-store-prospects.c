/* rp-store-prospects.c: see rp-store-prospects.h.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "rp-partner.h"
#include "rp-specialties.h"
#include "rp-store-geocode.h"
#include "rp-store-partners.h"
#include "rp-store-private.h"
#include "rp-store-prospects.h"
#include "rp-validate.h"

/* The display name of a provider: "Dr. Jane A. Doe, M.D." or the organisation's name. */
static char *
make_display_name (const RpProspectRecord *r)
{
  GString *name;

  if (r->entity == 2)
    return g_strdup (r->organization != NULL ? r->organization : "");

  name = g_string_new (NULL);
  if (r->first_name != NULL && *r->first_name != '\0')
    g_string_append (name, r->first_name);
  if (r->middle_name != NULL && *r->middle_name != '\0')
    g_string_append_printf (name, "%s%s", name->len > 0 ? " " : "", r->middle_name);
  if (r->last_name != NULL && *r->last_name != '\0')
    g_string_append_printf (name, "%s%s", name->len > 0 ? " " : "", r->last_name);
  return g_string_free (name, FALSE);
}

#define STAMP_KEY "prospects-stamp"

/* In the caller's transaction: the prospects changed (see rp_store_dup_prospects_stamp). */
static gboolean
touch_prospects (RpStore *self,
                 GError **error)
{
  g_autofree char *stamp = rp_store_new_uuid ();

  return rp_store_set_meta (self, STAMP_KEY, stamp, error);
}

char *
rp_store_dup_prospects_stamp (RpStore *self)
{
  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  return rp_store_dup_meta (self, STAMP_KEY);
}

gboolean
rp_store_upsert_prospect (RpStore                *self,
                          const RpProspectRecord *r,
                          RpProspectOutcome      *outcome,
                          GError                **error)
{
  static const char sql[] =
    "INSERT INTO prospect (npi, entity, display_name, prefix, first_name, middle_name,"
    " last_name, credentials, organization, street, street2, city, state, zip, phone, fax,"
    " taxonomy_code, taxonomy_codes, last_update, lat, lon, distance_km, imported_at,"
    " updated_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,"
    " ?19, ?20, ?21, ?22, ?23, ?23)"
    " ON CONFLICT (npi) DO UPDATE SET entity = excluded.entity,"
    " display_name = excluded.display_name, prefix = excluded.prefix,"
    " first_name = excluded.first_name, middle_name = excluded.middle_name,"
    " last_name = excluded.last_name, credentials = excluded.credentials,"
    " organization = excluded.organization, street = excluded.street,"
    " street2 = excluded.street2, city = excluded.city, state = excluded.state,"
    " zip = excluded.zip, phone = excluded.phone, fax = excluded.fax,"
    " taxonomy_code = excluded.taxonomy_code, taxonomy_codes = excluded.taxonomy_codes,"
    " last_update = excluded.last_update, deactivated_on = NULL, lat = excluded.lat,"
    " lon = excluded.lon, distance_km = excluded.distance_km,"
    " updated_at = excluded.updated_at"
    " WHERE excluded.last_update > prospect.last_update OR prospect.deactivated_on IS NOT NULL";
  static char now[32];
  static gint64 now_at;
  g_autofree char *display_name = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (r != NULL && r->npi != NULL, FALSE);

  stmt = _rp_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  /* The time of the import, read once a second rather than once a row. */
  if (g_get_monotonic_time () - now_at > G_USEC_PER_SEC || now[0] == '\0')
    {
      g_autofree char *iso = rp_store_now_iso ();

      g_strlcpy (now, iso, sizeof now);
      now_at = g_get_monotonic_time ();
    }

  display_name = make_display_name (r);
  sqlite3_bind_text (stmt, 1, r->npi, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, r->entity == 2 ? 2 : 1);
  sqlite3_bind_text (stmt, 3, display_name, -1, SQLITE_STATIC);
#define TEXT(i, v) sqlite3_bind_text (stmt, i, (v) != NULL ? (v) : "", -1, SQLITE_STATIC)
  TEXT (4, r->prefix);
  TEXT (5, r->first_name);
  TEXT (6, r->middle_name);
  TEXT (7, r->last_name);
  TEXT (8, r->credentials);
  TEXT (9, r->organization);
  TEXT (10, r->street);
  TEXT (11, r->street2);
  TEXT (12, r->city);
  TEXT (13, r->state);
  TEXT (14, r->zip);
  TEXT (15, r->phone);
  TEXT (16, r->fax);
  TEXT (17, r->taxonomy_code);
  TEXT (18, r->taxonomy_codes);
  TEXT (19, r->last_update);
#undef TEXT
  if (r->placed)
    {
      sqlite3_bind_double (stmt, 20, r->lat);
      sqlite3_bind_double (stmt, 21, r->lon);
    }
  if (r->distance_km >= 0)
    sqlite3_bind_double (stmt, 22, r->distance_km);
  sqlite3_bind_text (stmt, 23, now, -1, SQLITE_STATIC);

  /* An insert sets the last rowid (ids start at 1); an update leaves it. Not the rowid from
   * before: an R*Tree's first node (prospect_geo's, made by a migration) may have left the
   * same number. */
  sqlite3_set_last_insert_rowid (self->db, 0);
  if (!_rp_store_step_done (self, stmt, error))
    return FALSE;

  if (outcome != NULL)
    {
      if (sqlite3_changes (self->db) == 0)
        *outcome = RP_PROSPECT_UNCHANGED;
      else if (sqlite3_last_insert_rowid (self->db) != 0)
        *outcome = RP_PROSPECT_INSERTED;
      else
        *outcome = RP_PROSPECT_UPDATED;
    }
  return TRUE;
}

gboolean
rp_store_deactivate_prospect (RpStore    *self,
                              const char *npi,
                              const char *day,
                              gboolean   *changed,
                              GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (npi != NULL && day != NULL, FALSE);

  stmt = _rp_store_prepare (self,
                            "UPDATE prospect SET deactivated_on = ?2 WHERE npi = ?1"
                            " AND deactivated_on IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, npi, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, day, -1, SQLITE_STATIC);
  if (!_rp_store_step_done (self, stmt, error))
    return FALSE;
  if (changed != NULL)
    *changed = sqlite3_changes (self->db) > 0;

  stmt = _rp_store_prepare (self,
                            "UPDATE partner_registry SET deactivated_on = ?2 WHERE npi = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, npi, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, day, -1, SQLITE_STATIC);
  return _rp_store_step_done (self, stmt, error);
}

gboolean
rp_store_save_partner_registry (RpStore                *self,
                                const RpProspectRecord *r,
                                GError                **error)
{
  g_autofree char *now = rp_store_now_iso ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  stmt = _rp_store_prepare (self,
                            "INSERT OR REPLACE INTO partner_registry (npi, street, street2, city,"
                            " state, zip, phone, fax, taxonomy_code, last_update, seen_at)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", error);
  if (stmt == NULL)
    return FALSE;
#define TEXT(i, v) sqlite3_bind_text (stmt, i, (v) != NULL ? (v) : "", -1, SQLITE_STATIC)
  TEXT (1, r->npi);
  TEXT (2, r->street);
  TEXT (3, r->street2);
  TEXT (4, r->city);
  TEXT (5, r->state);
  TEXT (6, r->zip);
  TEXT (7, r->phone);
  TEXT (8, r->fax);
  TEXT (9, r->taxonomy_code);
  TEXT (10, r->last_update);
  TEXT (11, now);
#undef TEXT
  return _rp_store_step_done (self, stmt, error);
}

GHashTable *
rp_store_dup_partner_npis (RpStore *self,
                           GError **error)
{
  g_autoptr(GHashTable) set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  stmt = _rp_store_prepare (self, "SELECT npi FROM partner WHERE npi IS NOT NULL", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (set, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _rp_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&set);
}

GHashTable *
rp_store_dup_zcta_points (RpStore *self,
                          GError **error)
{
  g_autoptr(GHashTable) points = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  stmt = _rp_store_prepare (self, "SELECT zip, lat, lon FROM zcta", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RpGeoPoint *point = g_new (RpGeoPoint, 1);

      point->lat = sqlite3_column_double (stmt, 1);
      point->lon = sqlite3_column_double (stmt, 2);
      g_hash_table_insert (points, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                           point);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _rp_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&points);
}

/* The prospect score, 0 to 100:
 * - distance, 40 points: full at the practice, none from 80 km (50 miles) on; 10 when unknown;
 * - specialty fit, 30 points: the share of the practice's inbound referrals that come from
 *   partners of the prospect's specialty, relative to the best specialty (what already refers
 *   is what fits the practice's services);
 * - Medicare volume, 20 points: patients per year, full from 1,000;
 * - organisation size, 10 points: the providers registered at the same practice address, full
 *   from 21. */
gboolean
rp_store_rescore_prospects (RpStore *self,
                            GError **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  if (!rp_store_begin (self, error))
    return FALSE;

  if (!_rp_store_exec (self,
                       "CREATE TEMP TABLE IF NOT EXISTS rp_fit (code TEXT PRIMARY KEY, fit REAL)"
                       " WITHOUT ROWID;"
                       "DELETE FROM temp.rp_fit;"
                       "INSERT INTO temp.rp_fit (code, fit)"
                       "  SELECT p.specialty_code, COUNT(*) FROM referral r"
                       "  JOIN partner p ON p.id = r.partner_id"
                       "  WHERE r.direction = 'inbound' AND p.specialty_code != ''"
                       "  GROUP BY p.specialty_code;"
                       "UPDATE temp.rp_fit SET fit = fit / (SELECT MAX(fit) FROM temp.rp_fit);"
                       "CREATE TEMP TABLE IF NOT EXISTS rp_sites (street TEXT, zip TEXT, n INTEGER,"
                       " PRIMARY KEY (street, zip)) WITHOUT ROWID;"
                       "DELETE FROM temp.rp_sites;"
                       "INSERT INTO temp.rp_sites (street, zip, n)"
                       "  SELECT upper(street), substr(zip, 1, 5), COUNT(*) FROM prospect"
                       "  WHERE deactivated_on IS NULL GROUP BY 1, 2;"
                       "UPDATE prospect SET"
                       "  org_size = coalesce((SELECT n FROM temp.rp_sites s"
                       "    WHERE s.street = upper(prospect.street)"
                       "      AND s.zip = substr(prospect.zip, 1, 5)), 1),"
                       "  score = round("
                       "    (CASE WHEN distance_km IS NULL THEN 10.0"
                       "          ELSE 40.0 * max(0.0, 1.0 - distance_km / 80.0) END)"
                       "    + 30.0 * coalesce((SELECT fit FROM temp.rp_fit f"
                       "                        WHERE f.code = prospect.taxonomy_code), 0.0)"
                       "    + 20.0 * min(1.0, coalesce((SELECT patients FROM medicare_volume m"
                       "                                WHERE m.npi = prospect.npi), 0) / 1000.0)"
                       "    + 10.0 * min(1.0, (coalesce((SELECT n FROM temp.rp_sites s"
                       "        WHERE s.street = upper(prospect.street)"
                       "          AND s.zip = substr(prospect.zip, 1, 5)), 1) - 1) / 20.0), 2);"
                       "DELETE FROM temp.rp_fit; DELETE FROM temp.rp_sites;",
                       error) ||
      !touch_prospects (self, error))
    {
      rp_store_rollback (self);
      return FALSE;
    }

  return rp_store_commit (self, error);
}

guint
rp_store_count_prospects (RpStore  *self,
                          gboolean  deactivated)
{
  sqlite3_stmt *stmt;
  guint n = 0;

  g_return_val_if_fail (RP_IS_STORE (self), 0);

  stmt = _rp_store_prepare (self,
                            deactivated
                              ? "SELECT COUNT(*) FROM prospect WHERE deactivated_on IS NOT NULL"
                              : "SELECT COUNT(*) FROM prospect WHERE deactivated_on IS NULL",
                            NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    n = (guint) sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return n;
}

gboolean
rp_store_save_taxonomy (RpStore    *self,
                        const char *code,
                        const char *grouping,
                        const char *classification,
                        const char *specialization,
                        const char *display_name,
                        const char *section,
                        GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  stmt = _rp_store_prepare (self,
                            "INSERT OR REPLACE INTO nucc_taxonomy (code, grouping, classification,"
                            " specialization, display_name, section)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, grouping ? grouping : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, classification ? classification : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, specialization ? specialization : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, display_name ? display_name : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, section ? section : "", -1, SQLITE_STATIC);
  return _rp_store_step_done (self, stmt, error);
}

char *
rp_store_dup_taxonomy_label (RpStore    *self,
                             const char *code)
{
  sqlite3_stmt *stmt;
  char *label = NULL;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  stmt = _rp_store_prepare (self,
                            "SELECT CASE WHEN display_name != '' THEN display_name"
                            " WHEN specialization != '' THEN specialization"
                            " ELSE classification END FROM nucc_taxonomy WHERE code = ?1", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    label = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return label;
}

GPtrArray *
rp_store_find_taxonomy_codes (RpStore    *self,
                              const char *name,
                              GError    **error)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  stmt = _rp_store_prepare (self,
                            "SELECT code FROM nucc_taxonomy WHERE grouping = ?1 COLLATE NOCASE"
                            " OR classification = ?1 COLLATE NOCASE"
                            " OR display_name = ?1 COLLATE NOCASE"
                            " OR specialization = ?1 COLLATE NOCASE", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (codes, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _rp_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&codes);
}

gboolean
rp_store_save_medicare_volume (RpStore    *self,
                               const char *npi,
                               int         year,
                               const char *provider_type,
                               gint64      patients,
                               gint64      services,
                               GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (npi != NULL, FALSE);

  /* A later year replaces an earlier one, never the other way round. */
  stmt = _rp_store_prepare (self,
                            "INSERT INTO medicare_volume (npi, year, provider_type, patients,"
                            " services) VALUES (?1, ?2, ?3, ?4, ?5)"
                            " ON CONFLICT (npi) DO UPDATE SET year = excluded.year,"
                            " provider_type = excluded.provider_type,"
                            " patients = excluded.patients, services = excluded.services"
                            " WHERE excluded.year >= medicare_volume.year", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, npi, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, year);
  sqlite3_bind_text (stmt, 3, provider_type ? provider_type : "", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, patients);
  sqlite3_bind_int64 (stmt, 5, services);
  return _rp_store_step_done (self, stmt, error);
}

gboolean
rp_store_get_medicare_volume (RpStore    *self,
                              const char *npi,
                              gint64     *patients,
                              int        *year)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  stmt = _rp_store_prepare (self, "SELECT patients, year FROM medicare_volume WHERE npi = ?1",
                            NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, npi, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      if (patients != NULL)
        *patients = sqlite3_column_int64 (stmt, 0);
      if (year != NULL)
        *year = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);
  return found;
}

GHashTable *
rp_store_dup_partner_medicare_volumes (RpStore *self,
                                       GError **error)
{
  g_autoptr(GHashTable) volumes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                         g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  stmt = _rp_store_prepare (self,
                            "SELECT p.id, m.patients, m.year FROM partner p"
                            " JOIN medicare_volume m ON m.npi = p.npi", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RpMedicareVolume *volume = g_new (RpMedicareVolume, 1);

      volume->patients = sqlite3_column_int64 (stmt, 1);
      volume->year = sqlite3_column_int (stmt, 2);
      g_hash_table_insert (volumes, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) },
                                               sizeof (gint64)), volume);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _rp_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&volumes);
}

void
rp_prospect_free (RpProspect *p)
{
  if (p == NULL)
    return;
  g_free (p->npi);
  g_free (p->display_name);
  g_free (p->credentials);
  g_free (p->organization);
  g_free (p->street);
  g_free (p->city);
  g_free (p->state);
  g_free (p->zip);
  g_free (p->phone);
  g_free (p->taxonomy_code);
  g_free (p->taxonomy_label);
  g_free (p->last_update);
  g_free (p->deactivated_on);
  g_free (p->decision);
  g_free (p);
}

/* Past this many placed prospects in a box per row asked for, the map's query walks the best
 * ones first instead of sorting those of the box (measured over 400,000 prospects). */
#define BOX_DENSE_PER_ROW 12

#define PROSPECT_COLUMNS \
  "p.id, p.npi, p.entity, p.display_name, p.credentials, p.organization," \
  " trim(p.street || ' ' || p.street2), p.city, p.state, p.zip, p.phone, p.taxonomy_code," \
  " coalesce(CASE WHEN t.display_name != '' THEN t.display_name ELSE t.classification END, '')," \
  " p.last_update, p.deactivated_on, p.lat, p.lon, p.distance_km, m.patients, m.year," \
  " p.org_size, p.score, p.decision, p.partner_id" \
  " FROM prospect p LEFT JOIN nucc_taxonomy t ON t.code = p.taxonomy_code" \
  " LEFT JOIN medicare_volume m ON m.npi = p.npi"

static gpointer
read_prospect (sqlite3_stmt *stmt)
{
  RpProspect *p = g_new0 (RpProspect, 1);

  p->id = sqlite3_column_int64 (stmt, 0);
  p->npi = g_strdup (_rp_store_column_text (stmt, 1));
  p->entity = sqlite3_column_int (stmt, 2);
  p->display_name = g_strdup (_rp_store_column_text (stmt, 3));
  p->credentials = g_strdup (_rp_store_column_text (stmt, 4));
  p->organization = g_strdup (_rp_store_column_text (stmt, 5));
  p->street = g_strdup (_rp_store_column_text (stmt, 6));
  p->city = g_strdup (_rp_store_column_text (stmt, 7));
  p->state = g_strdup (_rp_store_column_text (stmt, 8));
  p->zip = g_strdup (_rp_store_column_text (stmt, 9));
  p->phone = g_strdup (_rp_store_column_text (stmt, 10));
  p->taxonomy_code = g_strdup (_rp_store_column_text (stmt, 11));
  p->taxonomy_label = g_strdup (_rp_store_column_text (stmt, 12));
  p->last_update = g_strdup (_rp_store_column_text (stmt, 13));
  if (sqlite3_column_type (stmt, 14) != SQLITE_NULL)
    p->deactivated_on = g_strdup (_rp_store_column_text (stmt, 14));
  p->placed = sqlite3_column_type (stmt, 15) != SQLITE_NULL;
  p->lat = sqlite3_column_double (stmt, 15);
  p->lon = sqlite3_column_double (stmt, 16);
  p->distance_km = sqlite3_column_type (stmt, 17) == SQLITE_NULL
                     ? -1 : sqlite3_column_double (stmt, 17);
  p->medicare_patients = sqlite3_column_type (stmt, 18) == SQLITE_NULL
                           ? -1 : sqlite3_column_int64 (stmt, 18);
  p->medicare_year = sqlite3_column_int (stmt, 19);
  p->org_size = sqlite3_column_int (stmt, 20);
  p->score = sqlite3_column_double (stmt, 21);
  p->decision = g_strdup (_rp_store_column_text (stmt, 22));
  p->partner_id = sqlite3_column_int64 (stmt, 23);
  return p;
}

GPtrArray *
rp_store_search_prospects (RpStore                *self,
                           const RpProspectFilter *filter,
                           guint                   limit,
                           GError                **error)
{
  /* The filters pick and sort the ids on the prospect table alone; only the page's rows are then
   * joined to their labels and volumes. */
  g_autoptr(GString) sql = g_string_new ("SELECT " PROSPECT_COLUMNS
                                         " JOIN (SELECT p.id AS page_id FROM prospect p"
                                         " WHERE p.deactivated_on IS NULL");
  g_autofree char *match = NULL;
  g_autofree char *specialty = NULL;
  RpProspectFilter none = { 0 };
  sqlite3_stmt *stmt;
  GPtrArray *rows;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  if (filter == NULL)
    filter = &none;

  /* Words of the search, and of the organization (a column filter), are one FTS5 query. */
  if (filter->search != NULL)
    match = _rp_store_build_match_query (filter->search);
  if (filter->organization != NULL && *filter->organization != '\0')
    {
      g_autofree char *words = _rp_store_build_match_query (filter->organization);

      if (words != NULL)
        {
          char *both = g_strdup_printf ("%s%sorganization : (%s)", match != NULL ? match : "",
                                        match != NULL ? " " : "", words);

          g_free (match);
          match = both;
        }
    }
  if (match != NULL)
    {
      /* A common word matches thousands of prospects: then walking the undecided ones best
       * first and keeping the matches reads an index only, where sorting every match would
       * read each one's row. A rare word is faster the other way round. */
      gboolean many = FALSE;
      sqlite3_stmt *count = _rp_store_prepare (self,
                                               "SELECT count(*) FROM (SELECT rowid FROM"
                                               " prospect_fts WHERE prospect_fts MATCH ?1"
                                               " LIMIT 2000)", error);

      if (count == NULL)
        return NULL;
      sqlite3_bind_text (count, 1, match, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (count) == SQLITE_ROW)
        many = sqlite3_column_int (count, 0) >= 2000;
      sqlite3_reset (count);

      if (many && !filter->include_decided && !filter->show_dismissed &&
          filter->taxonomy_code == NULL &&
          (filter->city == NULL || *filter->city == '\0'))
        {
          g_string_truncate (sql, 0);
          g_string_append (sql, "SELECT " PROSPECT_COLUMNS
                                " JOIN (SELECT p.id AS page_id FROM prospect p"
                                " INDEXED BY prospect_open_by_score"
                                " WHERE p.deactivated_on IS NULL AND p.decision = ''");
        }
      g_string_append (sql, " AND p.id IN (SELECT rowid FROM prospect_fts WHERE prospect_fts"
                            " MATCH ?1)");
    }
  if (filter->taxonomy_code != NULL && *filter->taxonomy_code != '\0')
    g_string_append (sql, " AND p.taxonomy_code = ?2");
  if (filter->specialty != NULL && *filter->specialty != '\0')
    {
      specialty = g_strdup_printf ("%%%s%%", filter->specialty);
      g_string_append (sql, " AND p.taxonomy_code IN (SELECT code FROM nucc_taxonomy"
                            " WHERE display_name LIKE ?3 OR classification LIKE ?3"
                            " OR specialization LIKE ?3)");
    }
  if (filter->city != NULL && *filter->city != '\0')
    g_string_append (sql, " AND p.city = ?4 COLLATE NOCASE");
  if (filter->max_distance_km > 0)
    g_string_append (sql, " AND p.distance_km <= ?6");
  if (!filter->include_decided && filter->show_dismissed)
    g_string_append (sql, " AND p.decision IN ('', 'dismissed')");
  else if (!filter->include_decided)
    g_string_append (sql, " AND p.decision = ''");
  g_string_append (sql, " ORDER BY p.score DESC, p.id LIMIT ?7) page ON page.page_id = p.id"
                        " ORDER BY p.score DESC, p.id");

  /* Not cached: one text per combination of filters. */
  stmt = _rp_store_prepare (self, g_intern_string (sql->str), error);
  if (stmt == NULL)
    return NULL;
  if (match != NULL)
    sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
  if (filter->taxonomy_code != NULL && *filter->taxonomy_code != '\0')
    sqlite3_bind_text (stmt, 2, filter->taxonomy_code, -1, SQLITE_TRANSIENT);
  if (specialty != NULL)
    sqlite3_bind_text (stmt, 3, specialty, -1, SQLITE_TRANSIENT);
  if (filter->city != NULL && *filter->city != '\0')
    sqlite3_bind_text (stmt, 4, filter->city, -1, SQLITE_TRANSIENT);
  if (filter->max_distance_km > 0)
    sqlite3_bind_double (stmt, 6, filter->max_distance_km);
  sqlite3_bind_int (stmt, 7, limit > 0 ? (int) MIN (limit, G_MAXINT) : -1);

  rows = _rp_store_read_rows (self, stmt, read_prospect, (GDestroyNotify) rp_prospect_free,
                              error);
  return rows;
}

RpProspect *
rp_store_get_prospect (RpStore *self,
                       gint64   id,
                       GError **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  return _rp_store_read_row_by_key (self, "SELECT " PROSPECT_COLUMNS " WHERE p.id = ?1", id,
                                    NULL, read_prospect, _("The prospect no longer exists"),
                                    error);
}

/* ?1…?4 the box, ?5 @limit. */
static void
bind_box (sqlite3_stmt   *stmt,
          const RpGeoBox *box,
          int             limit)
{
  sqlite3_bind_double (stmt, 1, box->min_lat);
  sqlite3_bind_double (stmt, 2, box->max_lat);
  sqlite3_bind_double (stmt, 3, box->min_lon);
  sqlite3_bind_double (stmt, 4, box->max_lon);
  sqlite3_bind_int (stmt, 5, limit);
}

GPtrArray *
rp_store_list_prospects_in_box (RpStore        *self,
                                const RpGeoBox *box,
                                guint           limit,
                                GError        **error)
{
  sqlite3_stmt *stmt;
  int dense = (int) MIN (limit, 10000) * BOX_DENSE_PER_ROW;
  int in_box = 0;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (box != NULL, NULL);

  /* A box that holds few placed prospects (a town, a county) reads them from the R*Tree and
   * sorts them; one that holds many (a state) walks the undecided ones best first, which soon
   * fills @limit. The R*Tree says which, counting no further than @dense: past it, sorting the
   * box costs more than the walk (about @limit × the share of all prospects it holds). */
  stmt = _rp_store_prepare (self,
                            "SELECT count(*) FROM (SELECT id FROM prospect_geo"
                            " WHERE max_lat >= ?1 AND min_lat <= ?2"
                            " AND max_lon >= ?3 AND min_lon <= ?4 LIMIT ?5)", error);
  if (stmt == NULL)
    return NULL;
  bind_box (stmt, box, dense);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    in_box = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      _rp_store_set_error (self, rc, error);
      return NULL;
    }

  /* The box's prospects sorted by score alone, then the page's columns read for those kept. */
  if (limit == 0 || in_box < dense)
    stmt = _rp_store_prepare (self,
                              "SELECT " PROSPECT_COLUMNS
                              " WHERE p.id IN (SELECT b.id FROM prospect b"
                              "   WHERE b.id IN (SELECT id FROM prospect_geo"
                              "     WHERE max_lat >= ?1 AND min_lat <= ?2"
                              "     AND max_lon >= ?3 AND min_lon <= ?4)"
                              "   AND b.deactivated_on IS NULL AND b.decision = ''"
                              "   ORDER BY b.score DESC, b.id LIMIT ?5)"
                              " ORDER BY p.score DESC, p.id", error);
  else
    stmt = _rp_store_prepare (self,
                              "SELECT " PROSPECT_COLUMNS
                              " WHERE p.deactivated_on IS NULL AND p.decision = ''"
                              " AND p.lat BETWEEN ?1 AND ?2 AND p.lon BETWEEN ?3 AND ?4"
                              " ORDER BY p.score DESC, p.id LIMIT ?5", error);
  if (stmt == NULL)
    return NULL;
  bind_box (stmt, box, limit > 0 ? (int) MIN (limit, G_MAXINT) : -1);
  return _rp_store_read_rows (self, stmt, read_prospect, (GDestroyNotify) rp_prospect_free,
                              error);
}

gboolean
rp_store_locate_prospect (RpStore *self,
                          gint64   id,
                          double  *lat,
                          double  *lon,
                          GError **error)
{
  g_autoptr(RpProspect) p = NULL;
  char zip[6] = "";
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (lat != NULL && lon != NULL, FALSE);

  p = rp_store_get_prospect (self, id, error);
  if (p == NULL)
    return FALSE;
  if (p->placed)
    {
      *lat = p->lat;
      *lon = p->lon;
      return TRUE;
    }

  /* The file gives ZIP+4 without a dash: its first five digits. */
  g_strlcpy (zip, p->zip, sizeof zip);
  if (strlen (zip) < 5 || !rp_store_lookup_zcta (self, zip, lat, lon, NULL))
    {
      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND,
                   _("The ZIP code gazetteer does not know %s’s ZIP code; import it in "
                     "Preferences"), p->display_name);
      return FALSE;
    }

  stmt = _rp_store_prepare (self, "UPDATE prospect SET lat = ?2, lon = ?3 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_double (stmt, 2, *lat);
  sqlite3_bind_double (stmt, 3, *lon);
  return _rp_store_step_done (self, stmt, error);
}

gboolean
rp_store_set_prospect_decision (RpStore    *self,
                                gint64      prospect_id,
                                const char *decision,
                                GError    **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  return rp_store_set_prospects_decision (self, &prospect_id, 1, decision, error);
}

gboolean
rp_store_set_prospects_decision (RpStore      *self,
                                 const gint64 *ids,
                                 guint         n_ids,
                                 const char   *decision,
                                 GError      **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);

  if (decision == NULL)
    decision = "";
  if (!rp_store_begin (self, error))
    return FALSE;
  for (guint i = 0; i < n_ids; i++)
    {
      sqlite3_stmt *stmt = _rp_store_prepare (self,
                                              "UPDATE prospect SET decision = ?2 WHERE id = ?1"
                                              /* One that became a partner stays added. */
                                              " AND (decision != 'added' OR partner_id IS NULL)",
                                              error);

      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, ids[i]);
      sqlite3_bind_text (stmt, 2, decision, -1, SQLITE_STATIC);
      if (!_rp_store_step_done (self, stmt, error))
        goto fail;
    }
  if (!touch_prospects (self, error))
    goto fail;
  return rp_store_commit (self, error);

fail:
  rp_store_rollback (self);
  return FALSE;
}

gint64
rp_store_add_prospect_as_partner (RpStore         *self,
                                  gint64           prospect_id,
                                  RpTier           tier,
                                  RpPartnerStatus  status,
                                  GError         **error)
{
  g_autoptr(RpProspect) p = NULL;
  g_autoptr(RpPartner) partner = NULL;
  g_autoptr(RpPartner) existing = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *street = NULL;
  g_autofree char *zip = NULL;
  const RpSpecialty *specialty;
  sqlite3_stmt *stmt;
  gint64 partner_id;

  g_return_val_if_fail (RP_IS_STORE (self), 0);

  if (!rp_store_begin (self, error))
    return 0;

  p = rp_store_get_prospect (self, prospect_id, error);
  if (p == NULL)
    goto fail;

  existing = rp_store_find_partner_by_npi (self, p->npi, NULL);
  if (existing != NULL)
    {
      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_CONSTRAINT,
                   _("%s is already a partner (NPI %s)"),
                   rp_partner_get_display_name (existing), p->npi);
      goto fail;
    }

  stmt = _rp_store_prepare (self,
                            "SELECT prefix, first_name, last_name, street, zip FROM prospect"
                            " WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, prospect_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      prefix = g_strdup (_rp_store_column_text (stmt, 0));
      first = g_strdup (_rp_store_column_text (stmt, 1));
      last = g_strdup (_rp_store_column_text (stmt, 2));
      zip = g_strdup (_rp_store_column_text (stmt, 4));
    }
  sqlite3_reset (stmt);

  partner = rp_partner_new (p->entity == 2 ? RP_PARTNER_KIND_ORGANIZATION
                                           : RP_PARTNER_KIND_PERSON);
  if (p->entity == 2)
    {
      rp_partner_set_organization (partner, p->display_name);
    }
  else
    {
      rp_partner_set_prefix (partner, prefix);
      rp_partner_set_first_name (partner, first);
      rp_partner_set_last_name (partner, last);
      rp_partner_set_credentials (partner, p->credentials);
    }
  rp_partner_set_npi (partner, p->npi);
  rp_partner_set_specialty_code (partner, p->taxonomy_code);
  specialty = rp_specialties_lookup (p->taxonomy_code);
  rp_partner_set_specialty_label (partner, specialty != NULL ? specialty->label
                                                             : p->taxonomy_label);
  rp_partner_set_street (partner, p->street);
  rp_partner_set_city (partner, p->city);
  rp_partner_set_state (partner, p->state);
  /* ZIP+4 as "12345-6789", the way the partner editor writes it. */
  if (zip != NULL && strlen (zip) == 9)
    {
      g_autofree char *dashed = g_strdup_printf ("%.5s-%s", zip, zip + 5);

      rp_partner_set_zip (partner, dashed);
    }
  else
    {
      rp_partner_set_zip (partner, zip);
    }
  {
    g_autofree char *phone = rp_format_phone (p->phone);

    rp_partner_set_phone (partner, phone);
  }
  rp_partner_set_tier (partner, tier);
  rp_partner_set_status (partner, status);
  if (p->placed)
    {
      rp_partner_set_location (partner, p->lat, p->lon);
    }

  if (!rp_store_insert_partner (self, partner, error))
    goto fail;
  partner_id = rp_partner_get_id (partner);

  stmt = _rp_store_prepare (self,
                            "UPDATE prospect SET decision = 'added', partner_id = ?2"
                            " WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, prospect_id);
  sqlite3_bind_int64 (stmt, 2, partner_id);
  if (!_rp_store_step_done (self, stmt, error))
    goto fail;

  /* What the registry says of the new partner is what the partner now says. */
  stmt = _rp_store_prepare (self,
                            "INSERT OR REPLACE INTO partner_registry (npi, street, street2, city,"
                            " state, zip, phone, fax, taxonomy_code, last_update, seen_at)"
                            " SELECT npi, street, street2, city, state, zip, phone, fax,"
                            " taxonomy_code, last_update, updated_at FROM prospect WHERE id = ?1",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, prospect_id);
  if (!_rp_store_step_done (self, stmt, error) || !touch_prospects (self, error))
    goto fail;

  if (!rp_store_commit (self, error))
    return 0;
  return partner_id;

fail:
  rp_store_rollback (self);
  return 0;
}

void
rp_registry_difference_free (RpRegistryDifference *d)
{
  if (d == NULL)
    return;
  g_free (d->npi);
  g_free (d->street);
  g_free (d->city);
  g_free (d->state);
  g_free (d->zip);
  g_free (d->phone);
  g_free (d->taxonomy_code);
  g_free (d->last_update);
  g_free (d);
}

/* Letters and digits only, upper case: "123 Main St." and "123 MAIN ST" are the same place. */
static char *
squash (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    if (g_ascii_isalnum (*p) || (guchar) *p >= 0x80)
      g_string_append_c (out, g_ascii_toupper (*p));
  return g_string_free (out, FALSE);
}

static char *
last_ten_digits (const char *text)
{
  g_autofree char *digits = NULL;
  GString *out = g_string_new (NULL);
  gsize len;

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (out, *p);
  digits = g_string_free (out, FALSE);
  len = strlen (digits);
  return g_strdup (len > 10 ? digits + len - 10 : digits);
}

#define DIFFERENCE_SQL \
  "SELECT p.id, p.npi, p.street, p.city, p.zip, p.phone, p.specialty_code," \
  " r.street, r.street2, r.city, r.state, r.zip, r.phone, r.taxonomy_code, r.last_update," \
  " r.deactivated_on" \
  " FROM partner p JOIN partner_registry r ON r.npi = p.npi WHERE p.archived_at IS NULL"

static RpRegistryDifference *
read_difference (sqlite3_stmt *stmt)
{
  g_autofree char *partner_street = squash (_rp_store_column_text (stmt, 2));
  g_autofree char *line1 = squash (_rp_store_column_text (stmt, 7));
  g_autofree char *both = NULL;
  g_autofree char *partner_city = squash (_rp_store_column_text (stmt, 3));
  g_autofree char *city = squash (_rp_store_column_text (stmt, 9));
  g_autofree char *partner_phone = last_ten_digits (_rp_store_column_text (stmt, 5));
  g_autofree char *phone = last_ten_digits (_rp_store_column_text (stmt, 12));
  const char *partner_zip = _rp_store_column_text (stmt, 4);
  const char *zip = _rp_store_column_text (stmt, 11);
  const char *partner_code = _rp_store_column_text (stmt, 6);
  const char *code = _rp_store_column_text (stmt, 13);
  RpRegistryDifference *d;
  gboolean address, phone_differs, taxonomy, deactivated;

  {
    g_autofree char *joined = g_strconcat (_rp_store_column_text (stmt, 7),
                                           _rp_store_column_text (stmt, 8), NULL);
    both = squash (joined);
  }

  address = (g_strcmp0 (partner_street, line1) != 0 && g_strcmp0 (partner_street, both) != 0)
            || g_strcmp0 (partner_city, city) != 0
            || strncmp (partner_zip, zip, 5) != 0;
  phone_differs = *phone != '\0' && g_strcmp0 (partner_phone, phone) != 0;
  taxonomy = *code != '\0' && g_ascii_strcasecmp (partner_code, code) != 0;
  deactivated = sqlite3_column_type (stmt, 15) != SQLITE_NULL;

  if (!address && !phone_differs && !taxonomy && !deactivated)
    return NULL;

  d = g_new0 (RpRegistryDifference, 1);
  d->partner_id = sqlite3_column_int64 (stmt, 0);
  d->npi = g_strdup (_rp_store_column_text (stmt, 1));
  d->address_differs = address;
  d->phone_differs = phone_differs;
  d->taxonomy_differs = taxonomy;
  d->deactivated = deactivated;
  if (*_rp_store_column_text (stmt, 8) != '\0')
    d->street = g_strdup_printf ("%s, %s", _rp_store_column_text (stmt, 7),
                                 _rp_store_column_text (stmt, 8));
  else
    d->street = g_strdup (_rp_store_column_text (stmt, 7));
  d->city = g_strdup (_rp_store_column_text (stmt, 9));
  d->state = g_strdup (_rp_store_column_text (stmt, 10));
  d->zip = strlen (zip) == 9 ? g_strdup_printf ("%.5s-%s", zip, zip + 5) : g_strdup (zip);
  d->phone = g_strdup (_rp_store_column_text (stmt, 12));
  d->taxonomy_code = g_strdup (code);
  d->last_update = g_strdup (_rp_store_column_text (stmt, 14));
  return d;
}

GPtrArray *
rp_store_list_registry_differences (RpStore *self,
                                    GError **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (
    (GDestroyNotify) rp_registry_difference_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  stmt = _rp_store_prepare (self, DIFFERENCE_SQL " ORDER BY p.sort_name", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RpRegistryDifference *d = read_difference (stmt);

      if (d != NULL)
        g_ptr_array_add (list, d);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _rp_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

RpRegistryDifference *
rp_store_get_registry_difference (RpStore *self,
                                  gint64   partner_id,
                                  GError **error)
{
  RpRegistryDifference *d = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  stmt = _rp_store_prepare (self, DIFFERENCE_SQL " AND p.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, partner_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    d = read_difference (stmt);
  sqlite3_reset (stmt);
  return d;
}

gboolean
rp_store_apply_registry (RpStore *self,
                         gint64   partner_id,
                         GError **error)
{
  g_autoptr(RpRegistryDifference) d = NULL;
  g_autoptr(RpPartner) partner = NULL;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  if (!rp_store_begin (self, error))
    return FALSE;

  d = rp_store_get_registry_difference (self, partner_id, error);
  partner = rp_store_get_partner (self, partner_id, error);
  if (partner == NULL)
    goto fail;
  if (d == NULL)
    {
      rp_store_rollback (self);
      return TRUE;
    }

  if (d->address_differs)
    {
      rp_partner_set_street (partner, d->street);
      rp_partner_set_city (partner, d->city);
      rp_partner_set_state (partner, d->state);
      rp_partner_set_zip (partner, d->zip);
    }
  if (d->phone_differs)
    {
      g_autofree char *phone = rp_format_phone (d->phone);

      rp_partner_set_phone (partner, phone);
    }
  if (d->taxonomy_differs)
    {
      const RpSpecialty *specialty = rp_specialties_lookup (d->taxonomy_code);
      g_autofree char *label = rp_store_dup_taxonomy_label (self, d->taxonomy_code);

      rp_partner_set_specialty_code (partner, d->taxonomy_code);
      rp_partner_set_specialty_label (partner, specialty != NULL ? specialty->label
                                                                 : label != NULL ? label : "");
    }
  if (!rp_store_update_partner (self, partner, error))
    goto fail;
  return rp_store_commit (self, error);

fail:
  rp_store_rollback (self);
  return FALSE;
}
