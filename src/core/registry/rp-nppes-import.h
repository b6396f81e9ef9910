/* rp-nppes-import.h: imports the national NPI file (NPPES Data Dissemination, monthly or weekly)
 * into the store's prospects, filtering while it reads.
 *
 * The file is read once, as it streams (plain CSV, or the published ZIP without unpacking).
 * Kept: active providers that pass every filter given (state, ZIP prefixes, distance from the
 * practice's locations through the ZIP gazetteer, taxonomy codes or groupings, entity type). All
 * of it is one transaction: a cancelled or failed import changes nothing. A later month updates
 * the prospects whose Last Update Date is later, marks deactivated NPIs, keeps the user's
 * decisions, and records what it says of partners' NPIs for the "registry differs" hint.
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
  char    *state;         /* two letters, or NULL for any */
  GStrv    zip_prefixes;  /* "430", "4321"…, or NULL for any */
  double   within_km;     /* of a practice location; <= 0 for any distance */
  GStrv    taxonomies;    /* codes ("207R00000X"), code prefixes ("207R") or NUCC groupings and
                           * classifications ("Internal Medicine"); NULL for any */
  int      entity;        /* 1 individuals, 2 organisations, 0 both */
} RpNppesFilter;

void           rp_nppes_filter_clear        (RpNppesFilter *filter);
/* Fills @filter from the words a person typed (the command line's options, the import dialog's
 * fields); each may be NULL or empty for "any": @state two letters ("oh" is OH), @zip_prefixes
 * and @taxonomies lists separated by commas or spaces, @within a distance as
 * rp_nppes_parse_distance reads it, @entity "1" (individuals) or "2" (organizations). FALSE with
 * @error (RP_REGISTRY_ERROR_FORMAT, naming the bad value) and @filter cleared otherwise. */
gboolean       rp_nppes_filter_parse        (RpNppesFilter *filter,
                                             const char    *state,
                                             const char    *zip_prefixes,
                                             const char    *within,
                                             const char    *taxonomies,
                                             const char    *entity,
                                             GError       **error);
/* "25mi", "25 miles", "40km", "25" (miles): the distance in km, or FALSE with @error. */
gboolean       rp_nppes_parse_distance      (const char    *text,
                                             double        *km,
                                             GError       **error);

typedef struct
{
  guint64    rows_read;
  guint64    rows_kept;      /* passed the filters */
  guint64    inserted;
  guint64    updated;
  guint64    unchanged;      /* kept, but not newer than what the store has */
  guint64    deactivated;    /* prospects marked deactivated by this file */
  guint64    bad_npi;        /* not 10 digits, or a wrong check digit: skipped */
  guint64    malformed;      /* another number of fields, or cut short: skipped */
  guint64    bad_utf8;       /* skipped */
  guint64    partners_seen;  /* rows of partners' NPIs */
  guint64    bytes_read;
  double     seconds;
  double     rows_per_s;
  GPtrArray *messages;       /* the first problems, "row 17: …" */
} RpNppesResult;

void           rp_nppes_result_free         (RpNppesResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpNppesResult, rp_nppes_result_free)
/* A translated summary, "Kept 4,102 of 98,000 providers (…)". */
char          *rp_nppes_result_dup_summary  (const RpNppesResult *result);

RpNppesResult *rp_nppes_import              (RpStore                *store,
                                             GFile                  *file,
                                             const RpNppesFilter    *filter,
                                             RpRegistryProgressFunc  progress,
                                             gpointer                progress_data,
                                             GCancellable           *cancellable,
                                             GError                **error);

G_END_DECLS
