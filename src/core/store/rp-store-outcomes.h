/* rp-store-outcomes.h: the outcome of a referral (recorded when the patient was seen or the
 * loop closed) and the editable list of outcome categories.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rp-outcome-category.h"
#include "rp-store.h"

G_BEGIN_DECLS

/* A referral's outcome. Nothing in it identifies the patient. */
typedef struct
{
  gint64  referral_id;
  gint64  category_id;   /* 0: none recorded */
  char   *category;      /* the category as shown ("" for none) */
  guint   satisfaction;  /* 1–5, 0: not asked */
  char   *note;
  char   *recorded_at;   /* ISO-8601 UTC, NULL when nothing was recorded */
} RpReferralOutcome;

void       rp_referral_outcome_free            (RpReferralOutcome *outcome);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpReferralOutcome, rp_referral_outcome_free)

/* The categories in list order (GPtrArray of RpOutcomeCategory); the removed ones too when
 * @with_archived. */
GPtrArray *rp_store_list_outcome_categories    (RpStore            *self,
                                                gboolean            with_archived,
                                                GError            **error);
/* Adds a category named @label at the end of the list; returns it. An empty label or one that
 * is already in the list is refused (RP_STORE_ERROR_INVALID); a removed category of that name
 * comes back instead. */
RpOutcomeCategory *rp_store_add_outcome_category (RpStore          *self,
                                                  const char       *label,
                                                  GError          **error);
gboolean   rp_store_rename_outcome_category    (RpStore            *self,
                                                gint64              id,
                                                const char         *label,
                                                GError            **error);
/* Takes a category off the list; the outcomes recorded with it keep it. */
gboolean   rp_store_remove_outcome_category    (RpStore            *self,
                                                gint64              id,
                                                GError            **error);
/* Moves a category to @position (0-based, among the listed ones). */
gboolean   rp_store_move_outcome_category      (RpStore            *self,
                                                gint64              id,
                                                guint               position,
                                                GError            **error);

RpReferralOutcome *rp_store_get_referral_outcome (RpStore          *self,
                                                  gint64            referral_id,
                                                  GError          **error);
/* Records the outcome of a seen or loop-closed referral in one transaction: its category (0 for
 * none), satisfaction (0 for none, else 1–5) and note; the time it was first recorded is kept.
 * A referral not yet seen is refused with RP_STORE_ERROR_INVALID. */
gboolean   rp_store_set_referral_outcome       (RpStore            *self,
                                                gint64              referral_id,
                                                gint64              category_id,
                                                guint               satisfaction,
                                                const char         *note,
                                                GError            **error);
/* Records the outcome as rp_store_set_referral_outcome() does, as of the time the patient was
 * seen (the referral's latest move to seen or loop closed; now when it has none): imports and
 * the sample network, whose outcomes belong on the timeline where the visit was. */
gboolean   rp_store_import_referral_outcome    (RpStore            *self,
                                                gint64              referral_id,
                                                gint64              category_id,
                                                guint               satisfaction,
                                                const char         *note,
                                                GError            **error);

G_END_DECLS
