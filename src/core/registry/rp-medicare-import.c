/* rp-medicare-import.c: see rp-medicare-import.h.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "rp-medicare-import.h"
#include "rp-store-prospects.h"

enum { COL_NPI, COL_TYPE, COL_BENES, COL_SERVICES, N_COLS };

static const RpRegistryColumn columns[N_COLS] = {
  { "Rndrng_NPI", TRUE },
  { "Rndrng_Prvdr_Type", FALSE },
  { "Tot_Benes", TRUE },
  { "Tot_Srvcs", FALSE },
};

typedef struct
{
  RpStore          *store;
  RpRegistryReader *reader;
  RpMedicareResult *result;
} Import;

void
rp_medicare_result_free (RpMedicareResult *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->messages, g_ptr_array_unref);
  g_free (result);
}

char *
rp_medicare_result_dup_summary (const RpMedicareResult *r)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (r != NULL, NULL);

  g_autofree char *imported = rp_registry_format_count (r->imported);
  g_autofree char *suppressed = rp_registry_format_count (r->suppressed);
  g_autofree char *bad_npi = rp_registry_format_count (r->bad_npi);
  g_autofree char *skipped = rp_registry_format_count (r->skipped);

  g_string_append_printf (text,
                          _("Imported the Medicare patients of %s providers for %d (%s "
                            "suppressed by CMS)"),
                          imported, r->year, suppressed);
  if (r->bad_npi + r->skipped > 0)
    g_string_append_printf (text, _("; skipped %s with a bad NPI and %s malformed rows"),
                            bad_npi, skipped);
  for (guint i = 0; r->messages != NULL && i < r->messages->len; i++)
    g_string_append_printf (text, "%s%s", i == 0 ? ": " : "; ",
                            (const char *) g_ptr_array_index (r->messages, i));
  return g_string_free (text, FALSE);
}

int
rp_medicare_year_from_name (const char *name)
{
  g_autoptr(GRegex) cms = g_regex_new ("_D([0-9]{2})_", 0, 0, NULL);
  g_autoptr(GRegex) plain = g_regex_new ("(?<![0-9])(20[0-9]{2})(?![0-9])", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *base = NULL;

  g_return_val_if_fail (name != NULL, 0);

  base = g_path_get_basename (name);
  if (g_regex_match (cms, base, 0, &match))
    {
      g_autofree char *yy = g_match_info_fetch (match, 1);

      return 2000 + atoi (yy);
    }
  g_clear_pointer (&match, g_match_info_free);
  if (g_regex_match (plain, base, 0, &match))
    {
      g_autofree char *yyyy = g_match_info_fetch (match, 1);

      return atoi (yyyy);
    }
  return 0;
}

static gboolean
parse_count (const char *text,
             gint64     *value)
{
  g_autofree char *digits = NULL;
  GString *out = g_string_new (NULL);
  char *end = NULL;

  /* CMS writes plain integers; some exports add thousands separators. */
  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    if (*p != ',')
      g_string_append_c (out, *p);
  digits = g_string_free (out, FALSE);
  if (*digits == '\0')
    return FALSE;
  *value = g_ascii_strtoll (digits, &end, 10);
  return end != digits && (*end == '\0' || *end == '.') && *value >= 0;
}

static gboolean
import_row (const char * const *values,
            guint64             row,
            gpointer            user_data,
            GError            **error)
{
  Import *import = user_data;
  const char *npi = values[COL_NPI];
  gint64 patients = 0;
  gint64 services = 0;

  if (npi == NULL || strlen (npi) != 10 || strspn (npi, "0123456789") != 10)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a valid NPI"),
                                                  npi != NULL ? npi : "");

      import->result->bad_npi++;
      rp_registry_reader_add_message (import->reader, row, message);
      return TRUE;
    }
  if (values[COL_BENES] == NULL || *values[COL_BENES] == '\0')
    {
      import->result->suppressed++;
      return TRUE;
    }
  if (!parse_count (values[COL_BENES], &patients))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a number of patients"),
                                                  values[COL_BENES]);

      import->result->skipped++;
      rp_registry_reader_add_message (import->reader, row, message);
      return TRUE;
    }
  if (values[COL_SERVICES] != NULL)
    parse_count (values[COL_SERVICES], &services);

  if (!rp_store_save_medicare_volume (import->store, npi, import->result->year,
                                      values[COL_TYPE], patients, services, error))
    return FALSE;
  import->result->imported++;
  rp_registry_reader_count_kept (import->reader);
  return TRUE;
}

RpMedicareResult *
rp_medicare_import (RpStore       *store,
                    GFile         *file,
                    int            year,
                    GCancellable  *cancellable,
                    GError       **error)
{
  return rp_medicare_import_full (store, file, year, NULL, NULL, cancellable, error);
}

RpMedicareResult *
rp_medicare_import_full (RpStore                *store,
                         GFile                  *file,
                         int                     year,
                         RpRegistryProgressFunc  progress,
                         gpointer                progress_data,
                         GCancellable           *cancellable,
                         GError                **error)
{
  g_autoptr(RpRegistryReader) reader = rp_registry_reader_new (columns, N_COLS);
  g_autoptr(RpMedicareResult) result = g_new0 (RpMedicareResult, 1);
  const RpRegistryProgress *counts;
  Import import = { store, reader, result };

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (year <= 0)
    {
      g_autofree char *name = g_file_get_basename (file);

      year = rp_medicare_year_from_name (name);
      if (year <= 0)
        {
          g_set_error (error, RP_REGISTRY_ERROR, RP_REGISTRY_ERROR_FORMAT,
                       _("The data year of “%s” is not in its name; keep the name CMS gives "
                         "it (…_D23_Prov.csv is 2023)"), name);
          return NULL;
        }
    }
  result->year = year;

  rp_registry_reader_set_member (reader, "*prov*.csv", NULL);
  rp_registry_reader_set_progress (reader, progress, progress_data);

  if (!rp_store_begin (store, error))
    return NULL;
  if (!rp_registry_reader_run (reader, file, import_row, &import, cancellable, error) ||
      !rp_store_rescore_prospects (store, error))
    {
      rp_store_rollback (store);
      return NULL;
    }
  if (!rp_store_commit (store, error))
    return NULL;

  counts = rp_registry_reader_get_progress (reader);
  result->rows_read = counts->rows_read;
  result->skipped += counts->rows_malformed + counts->rows_bad_utf8;
  result->messages = g_ptr_array_ref (rp_registry_reader_get_messages (reader));
  return g_steal_pointer (&result);
}
