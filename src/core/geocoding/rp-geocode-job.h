/* rp-geocode-job.h: places every unplaced partner, in the background.
 *
 * Offline, a partner goes to the centroid of their ZIP code from the imported Census gazetteer.
 * With "online" set, Nominatim is asked first (the exact address) and the ZIP code's centroid is
 * the fallback. Each partner's outcome, placed or the error, is recorded in the store. A
 * cancelled job keeps what it placed.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rp-geocoder.h"
#include "rp-store.h"

G_BEGIN_DECLS

#define RP_TYPE_GEOCODE_JOB (rp_geocode_job_get_type ())
G_DECLARE_FINAL_TYPE (RpGeocodeJob, rp_geocode_job, RP, GEOCODE_JOB, GObject)

RpGeocodeJob *rp_geocode_job_new           (RpStore      *store,
                                            gboolean      online);
/* The online geocoder to use (a default one is made when online and none is set). */
void          rp_geocode_job_set_geocoder  (RpGeocodeJob *self,
                                            RpGeocoder   *geocoder);
gboolean      rp_geocode_job_get_online    (RpGeocodeJob *self);
guint         rp_geocode_job_get_n_total   (RpGeocodeJob *self);
guint         rp_geocode_job_get_n_done    (RpGeocodeJob *self);
guint         rp_geocode_job_get_n_placed  (RpGeocodeJob *self);
guint         rp_geocode_job_get_n_failed  (RpGeocodeJob *self);
double        rp_geocode_job_get_fraction  (RpGeocodeJob *self);
gboolean      rp_geocode_job_get_running   (RpGeocodeJob *self);
gboolean      rp_geocode_job_get_cancelled (RpGeocodeJob *self);
/* Lists the unplaced partners and starts; "finished" is emitted once, at the end (also when
 * there is nothing to do, or on cancel). FALSE with @error when the partners cannot be read. */
gboolean      rp_geocode_job_start         (RpGeocodeJob *self,
                                            GError      **error);
void          rp_geocode_job_cancel        (RpGeocodeJob *self);

G_END_DECLS
