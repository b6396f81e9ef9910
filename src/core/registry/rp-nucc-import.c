/* rp-nucc-import.c: see rp-nucc-import.h.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "rp-nucc-import.h"
#include "rp-specialties.h"
#include "rp-store-prospects.h"

enum { COL_CODE, COL_GROUPING, COL_CLASSIFICATION, COL_SPECIALIZATION, COL_DISPLAY, COL_SECTION,
       N_COLS };

static const RpRegistryColumn columns[N_COLS] = {
  { "Code", TRUE },
  { "Grouping", TRUE },
  { "Classification", TRUE },
  { "Specialization", TRUE },
  { "Display Name", FALSE },   /* added by the NUCC in 2019 */
  { "Section", FALSE },
};

typedef struct
{
  RpStore          *store;
  RpRegistryReader *reader;
  RpNuccResult     *result;
  GHashTable       *seen;
} Import;

void
rp_nucc_result_free (RpNuccResult *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->messages, g_ptr_array_unref);
  g_free (result);
}

char *
rp_nucc_result_dup_summary (const RpNuccResult *r)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (r != NULL, NULL);

  g_autofree char *imported = rp_registry_format_count (r->imported);
  g_autofree char *skipped = rp_registry_format_count (r->skipped);

  g_string_append_printf (text,
                          _("Imported %s taxonomy codes; %u of Rapport’s %u specialties found "
                            "in them"),
                          imported, r->specialties_mapped, r->specialties_total);
  if (r->skipped > 0)
    g_string_append_printf (text, _("; skipped %s rows"), skipped);
  for (guint i = 0; r->messages != NULL && i < r->messages->len; i++)
    g_string_append_printf (text, "%s%s", i == 0 ? ": " : "; ",
                            (const char *) g_ptr_array_index (r->messages, i));
  return g_string_free (text, FALSE);
}

static gboolean
import_row (const char * const *values,
            guint64             row,
            gpointer            user_data,
            GError            **error)
{
  Import *import = user_data;
  const char *code = values[COL_CODE];
  gsize len = code != NULL ? strlen (code) : 0;
  gboolean ok = len == 10;

  for (gsize i = 0; ok && i < len; i++)
    ok = g_ascii_isalnum (code[i]);
  if (!ok)
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” is not a taxonomy code"), code != NULL ? code : "");

      import->result->skipped++;
      rp_registry_reader_add_message (import->reader, row, message);
      return TRUE;
    }

  if (!rp_store_save_taxonomy (import->store, code, values[COL_GROUPING],
                               values[COL_CLASSIFICATION], values[COL_SPECIALIZATION],
                               values[COL_DISPLAY], values[COL_SECTION], error))
    return FALSE;
  g_hash_table_add (import->seen, g_ascii_strup (code, -1));
  import->result->imported++;
  rp_registry_reader_count_kept (import->reader);
  return TRUE;
}

RpNuccResult *
rp_nucc_import (RpStore       *store,
                GFile         *file,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(RpRegistryReader) reader = rp_registry_reader_new (columns, N_COLS);
  g_autoptr(RpNuccResult) result = g_new0 (RpNuccResult, 1);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const RpSpecialty *specialties;
  const RpRegistryProgress *counts;
  guint n_specialties;
  Import import = { store, reader, result, seen };

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  rp_registry_reader_set_member (reader, "nucc_taxonomy*.csv", NULL);

  if (!rp_store_begin (store, error))
    return NULL;
  if (!rp_registry_reader_run (reader, file, import_row, &import, cancellable, error) ||
      !rp_store_rescore_prospects (store, error))
    {
      rp_store_rollback (store);
      return NULL;
    }
  if (result->imported == 0)
    {
      rp_store_rollback (store);
      g_set_error_literal (error, RP_REGISTRY_ERROR, RP_REGISTRY_ERROR_EMPTY,
                           _("The file holds no taxonomy code"));
      return NULL;
    }
  if (!rp_store_commit (store, error))
    return NULL;

  /* Rapport's specialty list uses NUCC codes: each maps to the NUCC entry of its code. */
  specialties = rp_specialties_get_all (&n_specialties);
  result->specialties_total = n_specialties;
  for (guint i = 0; i < n_specialties; i++)
    {
      g_autofree char *code = g_ascii_strup (specialties[i].code, -1);

      if (g_hash_table_contains (seen, code))
        result->specialties_mapped++;
    }

  counts = rp_registry_reader_get_progress (reader);
  result->rows_read = counts->rows_read;
  result->skipped += counts->rows_malformed + counts->rows_bad_utf8;
  result->messages = g_ptr_array_ref (rp_registry_reader_get_messages (reader));
  return g_steal_pointer (&result);
}
