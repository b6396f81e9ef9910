/* rp-practice.h: the liaison's own practice, its profile and locations.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rp-location.h"
#include "rp-types.h"

G_BEGIN_DECLS

#define RP_TYPE_PRACTICE (rp_practice_get_type ())
G_DECLARE_FINAL_TYPE (RpPractice, rp_practice, RP, PRACTICE, GObject)

/* Properties: "id", "uuid", "name", "phone", "fax", "email", "website", "locations" (a GListModel
 * of RpLocation, owned by the practice; the first one marked primary is the origin). */
RpPractice *rp_practice_new                 (void);
gint64      rp_practice_get_id              (RpPractice *self);
void        rp_practice_set_id              (RpPractice *self,
                                             gint64      id);
const char *rp_practice_get_uuid            (RpPractice *self);
void        rp_practice_set_uuid            (RpPractice *self,
                                             const char *uuid);
const char *rp_practice_get_name            (RpPractice *self);
void        rp_practice_set_name            (RpPractice *self,
                                             const char *name);
const char *rp_practice_get_phone           (RpPractice *self);
void        rp_practice_set_phone           (RpPractice *self,
                                             const char *phone);
const char *rp_practice_get_fax             (RpPractice *self);
void        rp_practice_set_fax             (RpPractice *self,
                                             const char *fax);
const char *rp_practice_get_email           (RpPractice *self);
void        rp_practice_set_email           (RpPractice *self,
                                             const char *email);
const char *rp_practice_get_website         (RpPractice *self);
void        rp_practice_set_website         (RpPractice *self,
                                             const char *website);
/* A GListStore of RpLocation; add and remove through it. */
GListStore *rp_practice_get_locations       (RpPractice *self);
/* The primary location, else the first; NULL when there is none. */
RpLocation *rp_practice_get_origin          (RpPractice *self);

G_END_DECLS
