/* rp-gazetteer.h: imports the US Census ZCTA gazetteer (ZIP code → centroid) for offline
 * geocoding.
 *
 * The file is the Census Bureau's "Gazetteer Files" ZCTA table (2023_Gaz_zcta_national.txt and
 * its kin): tab-separated, a header row naming the columns (GEOID … INTPTLAT INTPTLONG), one ZIP
 * code a line. Malformed lines are skipped and reported by line number; the good ones are
 * imported in one transaction.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rp-store.h"

G_BEGIN_DECLS

#define RP_GAZETTEER_ERROR (rp_gazetteer_error_quark ())

typedef enum
{
  RP_GAZETTEER_ERROR_FORMAT,    /* no header row with GEOID, INTPTLAT and INTPTLONG */
  RP_GAZETTEER_ERROR_EMPTY,     /* not one usable line */
} RpGazetteerError;

/* How many messages a result keeps; the count of malformed lines goes on. */
#define RP_GAZETTEER_MAX_ERRORS 20

typedef struct
{
  guint      n_imported;
  guint      n_malformed;
  GPtrArray *errors;      /* the first RP_GAZETTEER_MAX_ERRORS: "line 17: bad latitude" */
} RpGazetteerResult;

GQuark             rp_gazetteer_error_quark          (void);

void               rp_gazetteer_result_free          (RpGazetteerResult   *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpGazetteerResult, rp_gazetteer_result_free)
/* "Imported 33,144 ZIP codes; line 17: bad latitude", translated. */
char              *rp_gazetteer_result_dup_summary   (const RpGazetteerResult *result);

/* Reads @file and imports its good lines into @store's zcta table, one transaction. Fails
 * (importing nothing) when the file cannot be read, has no usable header, or no good line. */
RpGazetteerResult *rp_gazetteer_import               (RpStore             *store,
                                                      GFile               *file,
                                                      GCancellable        *cancellable,
                                                      GError             **error);
/* The same, the file read in a worker thread; the store is written in the caller's thread. */
void               rp_gazetteer_import_async         (RpStore             *store,
                                                      GFile               *file,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
RpGazetteerResult *rp_gazetteer_import_finish        (RpStore             *store,
                                                      GAsyncResult        *result,
                                                      GError             **error);

G_END_DECLS
