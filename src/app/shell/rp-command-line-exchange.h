/* rp-command-line-exchange.h: `rapport --import` and `rapport --export=FILE.csv`.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* --import=FILE.csv|FILE.vcf [--mapping=NAME] [--duplicates=merge|skip|add] [--dry-run]: a problem report
 * on stderr and exit status 1 when any row is invalid (nothing written). */
int  rp_command_line_run_import      (const char *path,
                                      const char *import_path,
                                      const char *what,
                                      const char *mapping,
                                      const char *duplicates,
                                      gboolean    dry_run);
/* --export=FILE.csv|FILE.vcf [--what=partners|referrals|activities|tasks]
 * [--include-patient]. */
int  rp_command_line_run_export_csv  (const char *path,
                                      const char *export_path,
                                      const char *what,
                                      gboolean    include_patient);

G_END_DECLS
