/* rp-nppes-import.c: see rp-nppes-import.h.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "rp-geo.h"
#include "rp-location.h"
#include "rp-nppes-import.h"
#include "rp-practice.h"
#include "rp-store-practice.h"
#include "rp-store-prospects.h"
#include "rp-validate.h"

enum {
  COL_NPI, COL_ENTITY, COL_ORG, COL_LAST, COL_FIRST, COL_MIDDLE, COL_PREFIX, COL_CRED,
  COL_LINE1, COL_LINE2, COL_CITY, COL_STATE, COL_ZIP, COL_PHONE, COL_FAX, COL_UPDATE,
  COL_DEACT, COL_REACT,
  COL_TAX1,                    /* 15 codes */
  COL_SWITCH1 = COL_TAX1 + 15, /* 15 primary switches */
  N_COLS = COL_SWITCH1 + 15,
};

static const RpRegistryColumn base_columns[COL_TAX1] = {
  { "NPI", TRUE },
  { "Entity Type Code", TRUE },
  { "Provider Organization Name (Legal Business Name)", TRUE },
  { "Provider Last Name (Legal Name)", TRUE },
  { "Provider First Name", TRUE },
  { "Provider Middle Name", TRUE },
  { "Provider Name Prefix Text", TRUE },
  { "Provider Credential Text", TRUE },
  { "Provider First Line Business Practice Location Address", TRUE },
  { "Provider Second Line Business Practice Location Address", TRUE },
  { "Provider Business Practice Location Address City Name", TRUE },
  { "Provider Business Practice Location Address State Name", TRUE },
  { "Provider Business Practice Location Address Postal Code", TRUE },
  { "Provider Business Practice Location Address Telephone Number", TRUE },
  { "Provider Business Practice Location Address Fax Number", TRUE },
  { "Last Update Date", TRUE },
  { "NPI Deactivation Date", TRUE },
  { "NPI Reactivation Date", TRUE },
};

typedef struct
{
  RpStore             *store;
  RpRegistryReader    *reader;
  const RpNppesFilter *filter;
  RpNppesResult       *result;
  GHashTable          *partner_npis;
  GHashTable          *zcta;       /* NULL without placed practice locations */
  GArray              *origins;    /* RpGeoPoint of the placed practice locations */
  GPtrArray           *tax_exact;  /* codes */
  GPtrArray           *tax_prefix; /* code prefixes */
  gboolean             tax_filter;
  GString             *codes;
} Import;

void
rp_nppes_filter_clear (RpNppesFilter *filter)
{
  if (filter == NULL)
    return;
  g_clear_pointer (&filter->state, g_free);
  g_clear_pointer (&filter->zip_prefixes, g_strfreev);
  g_clear_pointer (&filter->taxonomies, g_strfreev);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  while (g_ascii_isspace (*text))
    text++;
  return *text == '\0';
}

/* Items separated by commas or spaces, without the empty ones. */
static GStrv
split_list (const char *text,
            const char *separators)
{
  g_auto(GStrv) parts = g_strsplit_set (text, separators, -1);
  GPtrArray *list = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_ptr_array_add (list, g_strdup (parts[i]));
    }
  g_ptr_array_add (list, NULL);
  return (GStrv) g_ptr_array_free (list, FALSE);
}

gboolean
rp_nppes_filter_parse (RpNppesFilter *filter,
                       const char    *state,
                       const char    *zip_prefixes,
                       const char    *within,
                       const char    *taxonomies,
                       const char    *entity,
                       GError       **error)
{
  g_return_val_if_fail (filter != NULL, FALSE);

  memset (filter, 0, sizeof *filter);
  if (!is_blank (state))
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (state));

      if (strlen (trimmed) != 2 || !g_ascii_isalpha (trimmed[0]) ||
          !g_ascii_isalpha (trimmed[1]))
        {
          g_set_error (error, RP_REGISTRY_ERROR, RP_REGISTRY_ERROR_FORMAT,
                       _("“%s” is not a state; give its two letters, as OH"), trimmed);
          goto fail;
        }
      filter->state = g_ascii_strup (trimmed, -1);
    }
  if (!is_blank (zip_prefixes))
    {
      filter->zip_prefixes = split_list (zip_prefixes, ", ");
      for (guint i = 0; filter->zip_prefixes[i] != NULL; i++)
        if (strspn (filter->zip_prefixes[i], "0123456789") != strlen (filter->zip_prefixes[i]) ||
            strlen (filter->zip_prefixes[i]) > 9)
          {
            g_set_error (error, RP_REGISTRY_ERROR, RP_REGISTRY_ERROR_FORMAT,
                         _("“%s” is not the start of a ZIP code"), filter->zip_prefixes[i]);
            goto fail;
          }
    }
  if (!is_blank (within) && !rp_nppes_parse_distance (within, &filter->within_km, error))
    goto fail;
  /* A grouping's name has spaces ("Internal Medicine"): only commas separate. */
  if (!is_blank (taxonomies))
    filter->taxonomies = split_list (taxonomies, ",");
  if (!is_blank (entity))
    {
      if (g_str_equal (entity, "1"))
        filter->entity = 1;
      else if (g_str_equal (entity, "2"))
        filter->entity = 2;
      else
        {
          g_set_error_literal (error, RP_REGISTRY_ERROR, RP_REGISTRY_ERROR_FORMAT,
                               _("--entity is 1 (individuals) or 2 (organizations)"));
          goto fail;
        }
    }
  return TRUE;

fail:
  rp_nppes_filter_clear (filter);
  return FALSE;
}

gboolean
rp_nppes_parse_distance (const char *text,
                         double     *km,
                         GError    **error)
{
  g_autofree char *lower = NULL;
  char *end = NULL;
  double value;

  g_return_val_if_fail (text != NULL && km != NULL, FALSE);

  lower = g_ascii_strdown (g_strstrip (g_strdup (text)), -1);
  value = g_ascii_strtod (lower, &end);
  if (end == lower || !isfinite (value) || value <= 0)
    goto bad;
  while (*end == ' ')
    end++;
  if (*end == '\0' || strcmp (end, "mi") == 0 || strcmp (end, "mile") == 0 ||
      strcmp (end, "miles") == 0)
    *km = value * 1.609344;
  else if (strcmp (end, "km") == 0)
    *km = value;
  else
    goto bad;
  return TRUE;

bad:
  g_set_error (error, RP_REGISTRY_ERROR, RP_REGISTRY_ERROR_FORMAT,
               _("“%s” is not a distance; write it as 25mi or 40km"), text);
  return FALSE;
}

void
rp_nppes_result_free (RpNppesResult *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->messages, g_ptr_array_unref);
  g_free (result);
}

char *
rp_nppes_result_dup_summary (const RpNppesResult *r)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (r != NULL, NULL);

  g_autofree char *read = rp_registry_format_count (r->rows_read);
  g_autofree char *kept = rp_registry_format_count (r->rows_kept);
  g_autofree char *inserted = rp_registry_format_count (r->inserted);
  g_autofree char *updated = rp_registry_format_count (r->updated);
  g_autofree char *unchanged = rp_registry_format_count (r->unchanged);
  g_autofree char *deactivated = rp_registry_format_count (r->deactivated);
  g_autofree char *bad_npi = rp_registry_format_count (r->bad_npi);
  g_autofree char *malformed = rp_registry_format_count (r->malformed);
  g_autofree char *bad_utf8 = rp_registry_format_count (r->bad_utf8);

  g_string_append_printf (text,
                          _("Read %s providers and kept %s (new: %s, updated: %s, unchanged: "
                            "%s); deactivated: %s; %'.0f rows/s"),
                          read, kept, inserted, updated, unchanged, deactivated, r->rows_per_s);
  if (r->bad_npi + r->malformed + r->bad_utf8 > 0)
    g_string_append_printf (text, _(". Skipped: %s with a bad NPI, %s malformed, %s not in UTF-8"),
                            bad_npi, malformed, bad_utf8);
  for (guint i = 0; r->messages != NULL && i < r->messages->len; i++)
    g_string_append_printf (text, "%s%s", i == 0 ? ": " : "; ",
                            (const char *) g_ptr_array_index (r->messages, i));
  return g_string_free (text, FALSE);
}

/* "MM/DD/YYYY" (the file's) as "YYYY-MM-DD"; an ISO date as it is; "" otherwise. */
static void
iso_day (const char *text,
         char        out[11])
{
  out[0] = '\0';
  if (text == NULL)
    return;
  if (strlen (text) == 10 && text[2] == '/' && text[5] == '/')
    g_snprintf (out, 11, "%.4s-%.2s-%.2s", text + 6, text, text + 3);
  else if (strlen (text) == 10 && text[4] == '-' && text[7] == '-')
    memcpy (out, text, 11);
}

static gboolean
valid_npi (const char *npi)
{
  char first_nine[10];

  if (npi == NULL || strlen (npi) != 10 || strspn (npi, "0123456789") != 10)
    return FALSE;
  memcpy (first_nine, npi, 9);
  first_nine[9] = '\0';
  return rp_npi_check_digit (first_nine) == npi[9] - '0';
}

static const char *
value (const char * const *values,
       int                 column)
{
  return values[column] != NULL ? values[column] : "";
}

static gboolean
taxonomy_wanted (Import     *import,
                 const char *code)
{
  for (guint i = 0; i < import->tax_exact->len; i++)
    if (g_ascii_strcasecmp (code, g_ptr_array_index (import->tax_exact, i)) == 0)
      return TRUE;
  for (guint i = 0; i < import->tax_prefix->len; i++)
    {
      const char *prefix = g_ptr_array_index (import->tax_prefix, i);

      if (g_ascii_strncasecmp (code, prefix, strlen (prefix)) == 0)
        return TRUE;
    }
  return FALSE;
}

static double
nearest_km (Import     *import,
            const char *zip,
            RpGeoPoint *where,
            gboolean   *placed)
{
  char zip5[6];
  RpGeoPoint *point;
  double best = -1;

  *placed = FALSE;
  if (import->zcta == NULL || strlen (zip) < 5)
    return -1;
  memcpy (zip5, zip, 5);
  zip5[5] = '\0';
  point = g_hash_table_lookup (import->zcta, zip5);
  if (point == NULL)
    return -1;

  *where = *point;
  *placed = TRUE;
  for (guint i = 0; i < import->origins->len; i++)
    {
      double km = rp_geo_distance_km (g_array_index (import->origins, RpGeoPoint, i), *point);

      if (best < 0 || km < best)
        best = km;
    }
  return best;
}

static gboolean
import_row (const char * const *values,
            guint64             row,
            gpointer            user_data,
            GError            **error)
{
  Import *import = user_data;
  const RpNppesFilter *filter = import->filter;
  const char *npi = value (values, COL_NPI);
  const char *zip = value (values, COL_ZIP);
  const char *primary = NULL;
  gboolean primary_flagged = FALSE;
  gboolean partner;
  gboolean placed = FALSE;
  gboolean wanted;
  RpGeoPoint where = { 0, 0 };
  RpProspectRecord record = { 0 };
  RpProspectOutcome outcome;
  char deactivated[11], reactivated[11], updated[11];
  int entity;

  if (!valid_npi (npi))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a valid NPI"), npi);

      import->result->bad_npi++;
      rp_registry_reader_add_message (import->reader, row, message);
      return TRUE;
    }

  partner = g_hash_table_contains (import->partner_npis, npi);

  iso_day (value (values, COL_DEACT), deactivated);
  iso_day (value (values, COL_REACT), reactivated);
  if (deactivated[0] != '\0' && strcmp (reactivated, deactivated) < 0)
    {
      gboolean changed = FALSE;

      if (!rp_store_deactivate_prospect (import->store, npi, deactivated, &changed, error))
        return FALSE;
      if (changed)
        import->result->deactivated++;
      return TRUE;
    }

  entity = atoi (value (values, COL_ENTITY));
  if (entity != 1 && entity != 2)
    {
      import->result->malformed++;
      rp_registry_reader_add_message (import->reader, row, _("no entity type (1 or 2)"));
      return TRUE;
    }

  /* Every taxonomy, the primary one first in mind. */
  g_string_truncate (import->codes, 0);
  wanted = !import->tax_filter;
  for (int i = 0; i < 15; i++)
    {
      const char *code = values[COL_TAX1 + i];

      if (code == NULL || *code == '\0')
        continue;
      if (import->codes->len > 0)
        g_string_append_c (import->codes, ' ');
      g_string_append (import->codes, code);
      if (g_strcmp0 (values[COL_SWITCH1 + i], "Y") == 0 && !primary_flagged)
        {
          primary = code;
          primary_flagged = TRUE;
        }
      else if (primary == NULL)
        {
          primary = code;
        }
      if (!wanted && taxonomy_wanted (import, code))
        wanted = TRUE;
    }

  iso_day (value (values, COL_UPDATE), updated);
  record.npi = npi;
  record.entity = entity;
  record.organization = value (values, COL_ORG);
  record.last_name = value (values, COL_LAST);
  record.first_name = value (values, COL_FIRST);
  record.middle_name = value (values, COL_MIDDLE);
  record.prefix = value (values, COL_PREFIX);
  record.credentials = value (values, COL_CRED);
  record.street = value (values, COL_LINE1);
  record.street2 = value (values, COL_LINE2);
  record.city = value (values, COL_CITY);
  record.state = value (values, COL_STATE);
  record.zip = zip;
  record.phone = value (values, COL_PHONE);
  record.fax = value (values, COL_FAX);
  record.taxonomy_code = primary != NULL ? primary : "";
  record.taxonomy_codes = import->codes->str;
  record.last_update = updated;

  if (partner)
    {
      import->result->partners_seen++;
      if (!rp_store_save_partner_registry (import->store, &record, error))
        return FALSE;
    }

  if (!wanted)
    return TRUE;
  if (filter->entity != 0 && entity != filter->entity)
    return TRUE;
  if (filter->state != NULL && g_ascii_strcasecmp (record.state, filter->state) != 0)
    return TRUE;
  if (filter->zip_prefixes != NULL)
    {
      gboolean match = FALSE;

      for (guint i = 0; filter->zip_prefixes[i] != NULL && !match; i++)
        match = g_str_has_prefix (zip, filter->zip_prefixes[i]);
      if (!match)
        return TRUE;
    }

  record.distance_km = nearest_km (import, zip, &where, &placed);
  if (filter->within_km > 0 && (record.distance_km < 0 || record.distance_km > filter->within_km))
    return TRUE;
  record.placed = placed;
  record.lat = where.lat;
  record.lon = where.lon;

  if (!rp_store_upsert_prospect (import->store, &record, &outcome, error))
    return FALSE;

  rp_registry_reader_count_kept (import->reader);
  import->result->rows_kept++;
  switch (outcome)
    {
    case RP_PROSPECT_INSERTED:
      import->result->inserted++;
      break;
    case RP_PROSPECT_UPDATED:
      import->result->updated++;
      break;
    case RP_PROSPECT_UNCHANGED:
    default:
      import->result->unchanged++;
      break;
    }
  return TRUE;
}

/* Splits the taxonomy filter into exact codes and code prefixes; a name (a NUCC grouping or
 * classification) becomes the codes the imported NUCC table gives it. */
static gboolean
prepare_taxonomies (Import  *import,
                    GError **error)
{
  const RpNppesFilter *filter = import->filter;

  import->tax_exact = g_ptr_array_new_with_free_func (g_free);
  import->tax_prefix = g_ptr_array_new_with_free_func (g_free);
  if (filter->taxonomies == NULL || filter->taxonomies[0] == NULL)
    return TRUE;

  import->tax_filter = TRUE;
  for (guint i = 0; filter->taxonomies[i] != NULL; i++)
    {
      g_autofree char *item = g_strstrip (g_strdup (filter->taxonomies[i]));
      gsize len = strlen (item);
      gboolean code_like = len > 0 && len <= 10 && strpbrk (item, "0123456789") != NULL;

      for (gsize c = 0; c < len; c++)
        code_like = code_like && g_ascii_isalnum (item[c]);

      if (len == 0)
        continue;
      if (code_like && len == 10)
        g_ptr_array_add (import->tax_exact, g_steal_pointer (&item));
      else if (code_like)
        g_ptr_array_add (import->tax_prefix, g_steal_pointer (&item));
      else
        {
          g_autoptr(GPtrArray) codes = rp_store_find_taxonomy_codes (import->store, item, NULL);

          if (codes == NULL || codes->len == 0)
            {
              g_set_error (error, RP_REGISTRY_ERROR, RP_REGISTRY_ERROR_FORMAT,
                           _("No taxonomy is named “%s”; import the NUCC taxonomy first, or give "
                             "codes such as 207R00000X"), item);
              return FALSE;
            }
          for (guint c = 0; c < codes->len; c++)
            g_ptr_array_add (import->tax_exact, g_strdup (g_ptr_array_index (codes, c)));
        }
    }
  return TRUE;
}

static gboolean
prepare_geography (Import  *import,
                   GError **error)
{
  g_autoptr(RpPractice) practice = rp_store_get_practice (import->store, NULL);
  GListModel *locations;

  import->origins = g_array_new (FALSE, FALSE, sizeof (RpGeoPoint));
  if (practice != NULL)
    {
      locations = G_LIST_MODEL (rp_practice_get_locations (practice));
      for (guint i = 0; i < g_list_model_get_n_items (locations); i++)
        {
          g_autoptr(RpLocation) location = g_list_model_get_item (locations, i);
          RpGeoPoint point;

          if (!rp_location_get_has_coordinates (location))
            continue;
          point.lat = rp_location_get_latitude (location);
          point.lon = rp_location_get_longitude (location);
          g_array_append_val (import->origins, point);
        }
    }

  if (import->origins->len > 0)
    {
      import->zcta = rp_store_dup_zcta_points (import->store, error);
      if (import->zcta == NULL)
        return FALSE;
    }

  if (import->filter->within_km > 0)
    {
      if (import->origins->len == 0)
        {
          g_set_error_literal (error, RP_REGISTRY_ERROR, RP_REGISTRY_ERROR_FORMAT,
                               _("A distance filter needs a practice location with coordinates; "
                                 "add one in Preferences"));
          return FALSE;
        }
      if (g_hash_table_size (import->zcta) == 0)
        {
          g_set_error_literal (error, RP_REGISTRY_ERROR, RP_REGISTRY_ERROR_FORMAT,
                               _("A distance filter needs the ZIP code gazetteer; import it in "
                                 "Preferences first"));
          return FALSE;
        }
    }
  return TRUE;
}

RpNppesResult *
rp_nppes_import (RpStore                *store,
                 GFile                  *file,
                 const RpNppesFilter    *filter,
                 RpRegistryProgressFunc  progress,
                 gpointer                progress_data,
                 GCancellable           *cancellable,
                 GError                **error)
{
  RpRegistryColumn columns[N_COLS];
  g_autoptr(RpRegistryReader) reader = NULL;
  g_autoptr(RpNppesResult) result = g_new0 (RpNppesResult, 1);
  RpNppesFilter none = { 0 };
  Import import = { 0 };
  const RpRegistryProgress *counts;
  gint64 started = g_get_monotonic_time ();
  gboolean ok = FALSE;
  GPtrArray *name_store = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  memcpy (columns, base_columns, sizeof base_columns);
  for (int i = 0; i < 15; i++)
    {
      char *code = g_strdup_printf ("Healthcare Provider Taxonomy Code_%d", i + 1);
      char *flag = g_strdup_printf ("Healthcare Provider Primary Taxonomy Switch_%d", i + 1);

      g_ptr_array_add (name_store, code);
      g_ptr_array_add (name_store, flag);
      columns[COL_TAX1 + i] = (RpRegistryColumn) { code, i == 0 };
      columns[COL_SWITCH1 + i] = (RpRegistryColumn) { flag, i == 0 };
    }

  reader = rp_registry_reader_new (columns, N_COLS);
  g_ptr_array_unref (name_store);
  /* The monthly ZIP holds npidata_pfile_…csv, its …_fileheader.csv, and other files. */
  rp_registry_reader_set_member (reader, "npidata_pfile_*.csv", "*fileheader*");
  rp_registry_reader_set_progress (reader, progress, progress_data);

  import.store = store;
  import.reader = reader;
  import.filter = filter != NULL ? filter : &none;
  import.result = result;
  import.codes = g_string_sized_new (128);

  if (!rp_store_begin (store, error))
    goto out;

  import.partner_npis = rp_store_dup_partner_npis (store, error);
  if (import.partner_npis == NULL || !prepare_taxonomies (&import, error) ||
      !prepare_geography (&import, error) ||
      !rp_registry_reader_run (reader, file, import_row, &import, cancellable, error) ||
      !rp_store_rescore_prospects (store, error))
    {
      rp_store_rollback (store);
      goto out;
    }

  if (!rp_store_commit (store, error))
    goto out;
  ok = TRUE;

out:
  g_clear_pointer (&import.partner_npis, g_hash_table_unref);
  g_clear_pointer (&import.zcta, g_hash_table_unref);
  g_clear_pointer (&import.origins, g_array_unref);
  g_clear_pointer (&import.tax_exact, g_ptr_array_unref);
  g_clear_pointer (&import.tax_prefix, g_ptr_array_unref);
  g_string_free (import.codes, TRUE);
  if (!ok)
    return NULL;

  counts = rp_registry_reader_get_progress (reader);
  result->rows_read = counts->rows_read;
  result->malformed += counts->rows_malformed;
  result->bad_utf8 = counts->rows_bad_utf8;
  result->bytes_read = counts->bytes_read;
  result->seconds = (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;
  result->rows_per_s = result->seconds > 0 ? result->rows_read / result->seconds : 0;
  result->messages = g_ptr_array_ref (rp_registry_reader_get_messages (reader));
  return g_steal_pointer (&result);
}
