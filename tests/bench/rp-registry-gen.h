/* rp-registry-gen.h: files in the formats of the three public registries, for tests and the
 * benchmark: the NPPES monthly NPI file (330 columns, every field double-quoted), the NUCC
 * taxonomy CSV and CMS's Medicare Physician & Other Practitioners "by Provider" CSV.
 *
 * The rows are invented but deterministic (seeded), with valid NPIs (Luhn check over the 80840
 * prefix). About 5 % of the providers practise in Ohio (ZIP codes 430–458), the rest in other
 * states, so a state filter keeps about one row in twenty.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdio.h>
#include <glib.h>

G_BEGIN_DECLS

/* The NPPES header's 330 column names, in the published order. */
#define RP_REGISTRY_GEN_NPPES_N_COLUMNS 330
const char *rp_registry_gen_nppes_column (guint i);

/* Writes the NPPES header and @n_rows rows to @out. @revision 0 is a first month; revision 1 is
 * a later month of the same providers: every tenth (index % 10 == 3) moved to a new address with
 * a later Last Update Date, every twenty-fifth (index % 25 == 7) deactivated. */
void rp_registry_gen_write_nppes    (FILE   *out,
                                     guint64 n_rows,
                                     guint32 seed,
                                     guint   revision);
/* The NPI of row @index of a file made with @seed. */
void rp_registry_gen_npi            (guint32 seed,
                                     guint64 index,
                                     char    npi[11]);
/* The NUCC taxonomy CSV of the codes the NPPES rows use. */
void rp_registry_gen_write_nucc     (FILE   *out);
/* A Medicare "by Provider" CSV for every third of the first @n_rows NPPES rows (individuals
 * only, as in CMS's file). */
void rp_registry_gen_write_medicare (FILE   *out,
                                     guint64 n_rows,
                                     guint32 seed);

G_END_DECLS
