/* rp-sample.h: a deterministic, realistic sample referral network around Columbus, Ohio.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rp-store.h"
#include "rp-vault.h"

G_BEGIN_DECLS

typedef enum
{
  RP_SAMPLE_SIZE_DEMO,   /* about 60 partners, for exploring and screenshots */
  RP_SAMPLE_SIZE_BENCH,  /* 100,000 partners, 1,000,000 referrals, 300,000 activities */
} RpSampleSize;

#define RP_SAMPLE_DEFAULT_SEED 20261127u

/* Progress: @fraction in [0, 1]; called from the calling thread. */
typedef void (*RpSampleProgress) (double   fraction,
                                  gpointer user_data);

/* Fills @store, which must hold no partner, with the sample network. @today (local date) is
 * the last day of its 18 months of history; the same seed and @today give the same network.
 * One transaction: on failure the store is left as it was. */
gboolean rp_sample_generate (RpStore          *store,
                             RpSampleSize      size,
                             guint32           seed,
                             GDate            *today,
                             RpSampleProgress  progress,
                             gpointer          user_data,
                             GError          **error);
/* The same, and when @vault is unlocked (and @size is DEMO) each referral gets a fictional
 * patient sealed with it; with @vault NULL or not unlocked the network has no patient
 * identifiers. The network itself is the same either way. */
gboolean rp_sample_generate_with_vault (RpStore          *store,
                                        RpSampleSize      size,
                                        guint32           seed,
                                        GDate            *today,
                                        RpVault          *vault,
                                        RpSampleProgress  progress,
                                        gpointer          user_data,
                                        GError          **error);

G_END_DECLS
