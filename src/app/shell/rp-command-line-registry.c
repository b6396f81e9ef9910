/* rp-command-line-registry.c: see rp-command-line-registry.h.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "rp-command-line-registry.h"
#include "rp-command-line.h"
#include "rp-medicare-import.h"
#include "rp-nppes-import.h"
#include "rp-nucc-import.h"
#include "rp-store.h"

/* On a terminal, one line of progress rewritten in place. */
static void
progress_cb (const RpRegistryProgress *progress,
             gpointer                  user_data)
{
  g_autofree char *read = g_format_size (progress->bytes_read);
  g_autofree char *kept = rp_registry_format_count (progress->rows_kept);
  g_autofree char *total = progress->bytes_total > 0 ? g_format_size (progress->bytes_total)
                                                     : g_strdup ("?");

  /* Translators: progress of an import; "1.2 GB of 9.4 GB, kept 4,102, 251,000 rows/s". */
  /* The carriage return keeps the line in place; it is not part of the message. */
  g_printerr ("\r");
  g_printerr (_("%s of %s read, %s rows kept, %'.0f rows/s   "),
              read, total, kept, progress->rows_per_s);
}

static int
fail (const char *message)
{
  rp_command_line_print_error (message);
  return 1;
}

static int
run_nppes (GVariantDict *options,
           const char   *path,
           const char   *file_path)
{
  g_autoptr(RpStore) store = NULL;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (file_path);
  g_autoptr(RpNppesResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  const char *state = NULL, *zip = NULL, *within = NULL, *taxonomy = NULL, *entity = NULL;
  RpNppesFilter filter = { 0 };
  gboolean tty = isatty (STDERR_FILENO);
  int status = 0;

  g_variant_dict_lookup (options, "state", "&s", &state);
  g_variant_dict_lookup (options, "zip", "&s", &zip);
  g_variant_dict_lookup (options, "within", "&s", &within);
  g_variant_dict_lookup (options, "taxonomy", "&s", &taxonomy);
  g_variant_dict_lookup (options, "entity", "&s", &entity);

  if (!rp_nppes_filter_parse (&filter, state, zip, within, taxonomy, entity, &error))
    return fail (error->message);

  store = rp_store_open (path, &error);
  if (store == NULL)
    {
      rp_nppes_filter_clear (&filter);
      return fail (error->message);
    }

  result = rp_nppes_import (store, file, &filter, tty ? progress_cb : NULL, NULL, NULL, &error);
  if (tty)
    g_printerr ("\n");
  if (result == NULL)
    {
      g_autofree char *display = g_file_get_parse_name (file);
      g_autofree char *message =
        /* Translators: the first %s is a file name, the second the reason. */
        g_strdup_printf (_("Could not import “%s”: %s"), display, error->message);

      status = fail (message);
    }
  else
    {
      summary = rp_nppes_result_dup_summary (result);
      g_print ("%s\n", summary);
    }
  rp_nppes_filter_clear (&filter);
  return status;
}

static int
run_taxonomy (const char *path,
              const char *file_path)
{
  g_autoptr(RpStore) store = NULL;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (file_path);
  g_autoptr(RpNuccResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;

  store = rp_store_open (path, &error);
  if (store == NULL)
    return fail (error->message);

  result = rp_nucc_import (store, file, NULL, &error);
  if (result == NULL)
    {
      g_autofree char *display = g_file_get_parse_name (file);
      g_autofree char *message = g_strdup_printf (_("Could not import “%s”: %s"), display,
                                                  error->message);
      return fail (message);
    }
  summary = rp_nucc_result_dup_summary (result);
  g_print ("%s\n", summary);
  return 0;
}

static int
run_medicare (const char *path,
              const char *file_path)
{
  g_autoptr(RpStore) store = NULL;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (file_path);
  g_autoptr(RpMedicareResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;

  store = rp_store_open (path, &error);
  if (store == NULL)
    return fail (error->message);

  result = rp_medicare_import (store, file, 0, NULL, &error);
  if (result == NULL)
    {
      g_autofree char *display = g_file_get_parse_name (file);
      g_autofree char *message = g_strdup_printf (_("Could not import “%s”: %s"), display,
                                                  error->message);
      return fail (message);
    }
  summary = rp_medicare_result_dup_summary (result);
  g_print ("%s\n", summary);
  return 0;
}

int
rp_command_line_handle_registry (GVariantDict *options,
                                 const char   *path)
{
  static const char * const filters[] = { "state", "zip", "within", "taxonomy", "entity" };
  const char *file_path = NULL;

  g_return_val_if_fail (options != NULL, 1);
  g_return_val_if_fail (path != NULL, 1);

  if (g_variant_dict_lookup (options, "import-nppes", "^&ay", &file_path) && *file_path != '\0')
    return run_nppes (options, path, file_path);

  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    if (g_variant_dict_contains (options, filters[i]))
      {
        g_autofree char *message =
          /* Translators: %s is an option such as --state */
          g_strdup_printf (_("--%s only goes with --import-nppes=FILE"), filters[i]);
        return fail (message);
      }

  if (g_variant_dict_lookup (options, "import-taxonomy", "^&ay", &file_path) &&
      *file_path != '\0')
    return run_taxonomy (path, file_path);

  if (g_variant_dict_lookup (options, "import-medicare", "^&ay", &file_path) &&
      *file_path != '\0')
    return run_medicare (path, file_path);

  return -1;
}
