/* rp-command-line-exchange.c
 *
 * Importing partners from a CSV file and exporting them as one, from the command line. Errors go
 * to stderr one line each, as the other commands' do; the problem report has a line per
 * problem, "FILE:LINE: what is wrong", the way compilers report, so editors can jump to it.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-command-line.h"
#include "rp-command-line-exchange.h"
#include "rp-csv-export.h"
#include "rp-partner-import.h"
#include "rp-record-import.h"
#include "rp-store.h"
#include "rp-vault.h"
#include "rp-vcard.h"

static void
print_problem_list (GPtrArray  *problems,
                    guint       n_invalid,
                    guint       n_rows,
                    const char *display)
{
  for (guint i = 0; i < problems->len; i++)
    {
      RpImportProblem *problem = g_ptr_array_index (problems, i);

      g_printerr ("%s:%u: %s\n", display, problem->line, problem->message);
    }
  if (problems->len == RP_IMPORT_MAX_LISTED)
    g_printerr (_("%s: (only the first %u problems are listed)\n"), display,
                RP_IMPORT_MAX_LISTED);

  {
    g_autofree char *message =
      g_strdup_printf (ngettext ("%u row of %u has problems; nothing was imported",
                                 "%u rows of %u have problems; nothing was imported", n_invalid),
                       n_invalid, n_rows);

    rp_command_line_print_error (message);
  }
}

static void
print_problems (RpPartnerImport *import,
                const char      *display)
{
  print_problem_list (rp_partner_import_get_problems (import),
                      rp_partner_import_get_n_invalid (import),
                      rp_partner_import_get_n_rows (import), display);
}

static void
print_dry_run (RpPartnerImport *import,
               const char      *display)
{
  GPtrArray *duplicates = rp_partner_import_get_duplicates (import);
  RpDuplicateAction action = rp_partner_import_get_default_action (import);
  guint n_duplicates = rp_partner_import_get_n_duplicates (import);

  for (guint i = 0; i < duplicates->len; i++)
    {
      RpImportDuplicate *duplicate = g_ptr_array_index (duplicates, i);
      const char *what;

      if (action == RP_DUPLICATE_SKIP)
        what = _("skip");
      else if (action == RP_DUPLICATE_ADD && duplicate->match != RP_MATCH_NPI)
        what = _("add as new");
      else if (action == RP_DUPLICATE_ADD)
        what = _("skip (the same NPI cannot be added twice)");
      else if (*duplicate->changes == '\0')
        what = _("no change");
      else
        what = duplicate->changes;

      /* Translators: "FILE:LINE: the row's name = the partner's name (why): what happens". */
      g_print (_("%s:%u: %s = %s (%s): %s\n"), display, duplicate->line,
               duplicate->incoming_name, duplicate->existing_name,
               rp_duplicate_match_to_label (duplicate->match), what);
    }

  g_print (_("Dry run, nothing written: %u rows, %u new partners, %u duplicates "
             "(%u would gain fields in a merge)\n"),
           rp_partner_import_get_n_rows (import), rp_partner_import_get_n_new (import),
           n_duplicates, rp_partner_import_get_n_changing (import));
}

/* --import=FILE.csv of referrals or activities. */
static int
run_record_import (RpStore      *store,
                   GFile        *file,
                   RpImportWhat  what,
                   const char   *display,
                   gboolean      dry_run)
{
  g_autoptr(RpRecordImport) import = NULL;
  g_autoptr(RpVault) vault = NULL;
  g_autoptr(GError) error = NULL;
  RpImportResult result = { 0, };

  import = rp_record_import_new (file, what, NULL, &error);
  if (import == NULL)
    goto failed;

  /* Patient identifiers are sealed as the referral editor seals them. */
  if (rp_record_import_has_patient_columns (import))
    {
      vault = rp_vault_new (store);
      if (!rp_vault_unlock_sync (vault, NULL, &error))
        goto failed;
      rp_record_import_set_vault (import, vault);
    }

  if (!rp_record_import_plan (import, store, NULL, &error))
    goto failed;

  if (rp_record_import_get_n_invalid (import) > 0)
    {
      print_problem_list (rp_record_import_get_problems (import),
                          rp_record_import_get_n_invalid (import),
                          rp_record_import_get_n_rows (import), display);
      return 1;
    }

  if (dry_run)
    {
      g_print (what == RP_IMPORT_WHAT_REFERRALS
               ? _("Dry run, nothing written: %u rows, %u new referrals, %u already there\n")
               : _("Dry run, nothing written: %u rows, %u new activities, %u already there\n"),
               rp_record_import_get_n_rows (import), rp_record_import_get_n_new (import),
               rp_record_import_get_n_existing (import));
      return 0;
    }

  if (!rp_record_import_apply (import, store, NULL, NULL, NULL, &result, &error))
    goto failed;

  g_print (what == RP_IMPORT_WHAT_REFERRALS
           ? _("Imported %s: %u referrals added, %u already there\n")
           : _("Imported %s: %u activities added, %u already there\n"),
           display, result.added, result.skipped);
  return 0;

failed:
  {
    g_autofree char *message = g_strdup_printf (_("Cannot import “%s”: %s"), display,
                                                error->message);

    rp_command_line_print_error (message);
  }
  return 1;
}

int
rp_command_line_run_import (const char *path,
                            const char *import_path,
                            const char *what,
                            const char *mapping,
                            const char *duplicates,
                            gboolean    dry_run)
{
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpPartnerImport) import = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  g_autofree char *lower = NULL;
  RpDuplicateAction action = RP_DUPLICATE_MERGE;
  RpImportWhat kind = RP_IMPORT_WHAT_PARTNERS;
  RpImportResult result = { 0, };

  g_return_val_if_fail (path != NULL, 1);
  g_return_val_if_fail (import_path != NULL, 1);

  display = g_filename_display_name (import_path);
  lower = g_ascii_strdown (import_path, -1);

  if (!g_str_has_suffix (lower, ".csv") && !g_str_has_suffix (lower, ".txt") &&
      !g_str_has_suffix (lower, ".tsv") && !g_str_has_suffix (lower, ".vcf"))
    {
      g_autofree char *message =
        /* Translators: %s is a file name. */
        g_strdup_printf (_("Cannot import “%s”: the supported formats are CSV (.csv, .tsv, .txt) and "
                           "vCard (.vcf)"),
                         display);

      rp_command_line_print_error (message);
      return 1;
    }

  if (duplicates != NULL && !rp_duplicate_action_from_string (duplicates, &action))
    {
      rp_command_line_print_error (_("--duplicates is merge, skip or add"));
      return 1;
    }

  if (what != NULL && !rp_import_what_from_string (what, &kind))
    {
      rp_command_line_print_error (_("--what with --import is partners, referrals or "
                                     "activities"));
      return 1;
    }
  if (what != NULL && kind != RP_IMPORT_WHAT_PARTNERS && g_str_has_suffix (lower, ".vcf"))
    {
      rp_command_line_print_error (_("A vCard file holds partners only"));
      return 1;
    }

  file = g_file_new_for_commandline_arg (import_path);
  if (g_str_has_suffix (lower, ".vcf"))
    import = rp_vcard_import_new (file, NULL, &error);
  else
    import = rp_partner_import_new (file, NULL, &error);
  if (import == NULL)
    {
      g_autofree char *message =
        /* Translators: the first %s is a file name, the second the reason. */
        g_strdup_printf (_("Cannot import “%s”: %s"), display, error->message);

      rp_command_line_print_error (message);
      return 1;
    }

  store = rp_store_open_full (path, dry_run ? RP_STORE_OPEN_EXISTING : RP_STORE_OPEN_DEFAULT,
                              &error);
  if (store == NULL)
    {
      rp_command_line_print_error (error->message);
      return 1;
    }

  /* Referrals or activities: named with --what, or told by the headers. */
  if (!g_str_has_suffix (lower, ".vcf"))
    {
      if (what == NULL)
        kind = rp_import_what_guess (rp_partner_import_get_headers (import));
      if (kind != RP_IMPORT_WHAT_PARTNERS)
        {
          if (mapping != NULL || duplicates != NULL)
            {
              rp_command_line_print_error (_("--mapping and --duplicates go with an import of "
                                             "partners"));
              return 1;
            }
          return run_record_import (store, file, kind, display, dry_run);
        }
    }

  /* A mapping named on the command line, else the last one saved for these headers, else the
   * guess from the headers. */
  if (!rp_partner_import_load_mapping (import, store, mapping, &error) && error != NULL)
    {
      rp_command_line_print_error (error->message);
      return 1;
    }

  rp_partner_import_set_default_action (import, action);
  if (dry_run)
    {
      if (!rp_partner_import_plan (import, store, NULL, &error))
        {
          g_autofree char *message = g_strdup_printf (_("Cannot import “%s”: %s"), display,
                                                      error->message);

          rp_command_line_print_error (message);
          return 1;
        }
      if (rp_partner_import_get_n_invalid (import) > 0)
        {
          print_problems (import, display);
          return 1;
        }
      print_dry_run (import, display);
      return 0;
    }

  /* Planned and written in one reading of the file; the plan is made only to list the
   * problems of a file with invalid rows (nothing is written then). */
  if (!rp_partner_import_run (import, store, NULL, &result, &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, RP_IMPORT_ERROR, RP_IMPORT_ERROR_INVALID_ROWS))
        {
          print_problems (import, display);
          return 1;
        }
      message = g_strdup_printf (_("Cannot import “%s”: %s"), display, error->message);
      rp_command_line_print_error (message);
      return 1;
    }

  g_print (_("Imported %s: %u added, %u merged, %u unchanged, %u skipped\n"), display,
           result.added, result.merged, result.unchanged, result.skipped);
  return 0;
}

/* --export=FILE.csv --what=referrals|activities|tasks [--include-patient]. */
static int
run_record_export (const char        *path,
                   const char        *export_path,
                   const char        *display,
                   RpStoreExportWhat  what,
                   gboolean           include_patient)
{
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpVault) vault = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  store = rp_store_open_full (path, include_patient ? RP_STORE_OPEN_EXISTING
                                                    : RP_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    {
      rp_command_line_print_error (error->message);
      return 1;
    }

  if (include_patient)
    {
      vault = rp_vault_new (store);
      if (!rp_vault_unlock_sync (vault, NULL, &error))
        {
          rp_command_line_print_error (error->message);
          return 1;
        }
      if (rp_vault_get_state (vault) != RP_VAULT_STATE_UNLOCKED)
        {
          rp_command_line_print_error (rp_vault_get_state_message (vault));
          return 1;
        }
      /* Translators: a warning printed before a file with patient data is written. */
      g_printerr (_("Warning: %s will hold patient identifiers (protected health information); "
                    "keep it safe and delete it when done\n"), display);
    }

  file = g_file_new_for_commandline_arg (export_path);
  if (!rp_csv_export_records (store, what, vault, file, &n, NULL, &error))
    {
      g_autofree char *message =
        g_strdup_printf (_("Could not export to “%s”: %s"), display, error->message);

      rp_command_line_print_error (message);
      return 1;
    }

  switch (what)
    {
    case RP_STORE_EXPORT_ACTIVITIES:
      g_print (ngettext ("Exported %u activity to %s\n", "Exported %u activities to %s\n", n), n,
               display);
      break;
    case RP_STORE_EXPORT_TASKS:
      g_print (ngettext ("Exported %u task to %s\n", "Exported %u tasks to %s\n", n), n,
               display);
      break;
    case RP_STORE_EXPORT_REFERRALS:
    default:
      g_print (ngettext ("Exported %u referral to %s\n", "Exported %u referrals to %s\n", n), n,
               display);
      break;
    }
  return 0;
}

int
rp_command_line_run_export_csv (const char *path,
                                const char *export_path,
                                const char *what,
                                gboolean    include_patient)
{
  g_autoptr(RpStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  g_autofree char *lower = NULL;
  gboolean vcard;
  guint n = 0;

  g_return_val_if_fail (path != NULL, 1);
  g_return_val_if_fail (export_path != NULL, 1);

  display = g_filename_display_name (export_path);
  lower = g_ascii_strdown (export_path, -1);
  vcard = g_str_has_suffix (lower, ".vcf");

  if (what != NULL && g_strcmp0 (what, "partners") != 0)
    {
      RpStoreExportWhat records;

      if (g_strcmp0 (what, "referrals") == 0)
        records = RP_STORE_EXPORT_REFERRALS;
      else if (g_strcmp0 (what, "activities") == 0)
        records = RP_STORE_EXPORT_ACTIVITIES;
      else if (g_strcmp0 (what, "tasks") == 0)
        records = RP_STORE_EXPORT_TASKS;
      else
        {
          g_autofree char *message =
            /* Translators: %s is what was typed after --what= */
            g_strdup_printf (_("--what=%s: --export writes partners, referrals, activities or "
                               "tasks"), what);

          rp_command_line_print_error (message);
          return 1;
        }
      if (vcard)
        {
          rp_command_line_print_error (_("A vCard file holds partners only: export the others "
                                         "as FILE.csv"));
          return 1;
        }
      if (include_patient && records != RP_STORE_EXPORT_REFERRALS)
        {
          rp_command_line_print_error (_("--include-patient goes with --export=FILE.csv "
                                         "--what=referrals"));
          return 1;
        }
      return run_record_export (path, export_path, display, records, include_patient);
    }
  if (include_patient)
    {
      rp_command_line_print_error (_("--include-patient goes with --export=FILE.csv "
                                     "--what=referrals"));
      return 1;
    }

  store = rp_store_open_full (path, RP_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    {
      rp_command_line_print_error (error->message);
      return 1;
    }

  file = g_file_new_for_commandline_arg (export_path);
  if (!(vcard ? rp_vcard_export_partners (store, NULL, 0, file, &n, NULL, &error)
              : rp_csv_export_partners (store, NULL, 0, file, &n, NULL, &error)))
    {
      g_autofree char *message =
        /* Translators: the first %s is a file name, the second the reason. */
        g_strdup_printf (_("Could not export to “%s”: %s"), display, error->message);

      rp_command_line_print_error (message);
      return 1;
    }

  g_print (ngettext ("Exported %u partner to %s\n", "Exported %u partners to %s\n", n), n,
           display);
  return 0;
}
