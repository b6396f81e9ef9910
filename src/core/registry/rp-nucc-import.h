/* rp-nucc-import.h: imports the NUCC Health Care Provider Taxonomy code set (the CSV the NUCC
 * publishes: Code, Grouping, Classification, Specialization, Definition, Notes, Display Name,
 * Section), which names the specialties of NPPES taxonomy codes. Same streaming and error rules
 * as the NPPES import; one transaction.
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
  guint64    rows_read;
  guint64    imported;
  guint64    skipped;            /* no code, malformed or not UTF-8 */
  guint      specialties_mapped; /* of Rapport's own specialty list, found in the file */
  guint      specialties_total;
  GPtrArray *messages;
} RpNuccResult;

void          rp_nucc_result_free        (RpNuccResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpNuccResult, rp_nucc_result_free)
char         *rp_nucc_result_dup_summary (const RpNuccResult *result);

RpNuccResult *rp_nucc_import             (RpStore       *store,
                                          GFile         *file,
                                          GCancellable  *cancellable,
                                          GError       **error);

G_END_DECLS
