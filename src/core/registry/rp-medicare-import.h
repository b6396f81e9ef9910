/* rp-medicare-import.h: imports CMS's "Medicare Physician & Other Practitioners — by Provider"
 * file (one row per rendering NPI: Rndrng_NPI, Rndrng_Prvdr_Type, Tot_Benes, Tot_Srvcs…): the
 * number of distinct Medicare patients a provider saw in the data year. Same streaming and error
 * rules as the NPPES import; one transaction. The prospect score and the partners' target score
 * read it as "Medicare patients per year".
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rp-registry-reader.h"
#include "rp-store.h"

G_BEGIN_DECLS

typedef struct
{
  int        year;
  guint64    rows_read;
  guint64    imported;
  guint64    suppressed;  /* Tot_Benes left blank by CMS (fewer than 11 patients) */
  guint64    bad_npi;
  guint64    skipped;     /* malformed or not UTF-8 */
  GPtrArray *messages;
} RpMedicareResult;

void              rp_medicare_result_free        (RpMedicareResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpMedicareResult, rp_medicare_result_free)
char             *rp_medicare_result_dup_summary (const RpMedicareResult *result);

/* The data year of a CMS file name: "…_D22_Prov.csv" (CMS's naming) is 2022, else a year such as
 * "2022" in the name; 0 when there is none. */
int               rp_medicare_year_from_name     (const char *name);

/* @year 0: from the file's name (fails when the name has none). */
RpMedicareResult *rp_medicare_import             (RpStore       *store,
                                                  GFile         *file,
                                                  int            year,
                                                  GCancellable  *cancellable,
                                                  GError       **error);
/* The same, reporting its progress as the NPPES import does (rows kept: the NPIs imported). */
RpMedicareResult *rp_medicare_import_full        (RpStore                *store,
                                                  GFile                  *file,
                                                  int                     year,
                                                  RpRegistryProgressFunc  progress,
                                                  gpointer                progress_data,
                                                  GCancellable           *cancellable,
                                                  GError                **error);

G_END_DECLS
