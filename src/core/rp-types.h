/* rp-types.h: forward declarations of Rapport's core types.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _RpActivity      RpActivity;
typedef struct _RpClock         RpClock;
typedef struct _RpContext       RpContext;
typedef struct _RpLocation      RpLocation;
typedef struct _RpPartner       RpPartner;
typedef struct _RpPartnerList   RpPartnerList;
typedef struct _RpPlannedVisit  RpPlannedVisit;
typedef struct _RpPractice      RpPractice;
typedef struct _RpReferral      RpReferral;
typedef struct _RpStore         RpStore;
typedef struct _RpTask          RpTask;

G_END_DECLS
