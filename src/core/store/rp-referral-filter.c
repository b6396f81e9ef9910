/* rp-referral-filter.c: which referrals the Referrals page lists.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rp-filter-fields.h"
#include "rp-referral-filter.h"

G_DEFINE_BOXED_TYPE (RpReferralFilter, rp_referral_filter, rp_referral_filter_copy,
                     rp_referral_filter_free)

static const gsize string_fields[] = {
  G_STRUCT_OFFSET (RpReferralFilter, from),
  G_STRUCT_OFFSET (RpReferralFilter, to),
  G_STRUCT_OFFSET (RpReferralFilter, today),
  G_STRUCT_OFFSET (RpReferralFilter, search),
  G_STRUCT_OFFSET (RpReferralFilter, specialty),
  G_STRUCT_OFFSET (RpReferralFilter, tier),
  G_STRUCT_OFFSET (RpReferralFilter, specialty_code),
  G_STRUCT_OFFSET (RpReferralFilter, city),
  G_STRUCT_OFFSET (RpReferralFilter, specialty_codes_excluded),
};

RpReferralFilter *
rp_referral_filter_new (void)
{
  RpReferralFilter *filter = g_new0 (RpReferralFilter, 1);

  filter->any_status = TRUE;
  filter->any_direction = TRUE;

  return filter;
}

RpReferralFilter *
rp_referral_filter_copy (const RpReferralFilter *filter)
{
  g_return_val_if_fail (filter != NULL, NULL);

  return _rp_filter_copy (filter, sizeof *filter, string_fields, G_N_ELEMENTS (string_fields));
}

void
rp_referral_filter_free (RpReferralFilter *filter)
{
  _rp_filter_free (filter, string_fields, G_N_ELEMENTS (string_fields));
}

gboolean
rp_referral_filter_equal (const RpReferralFilter *a,
                          const RpReferralFilter *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  return a->any_status == b->any_status &&
         (a->any_status || a->status == b->status) &&
         !a->open_only == !b->open_only &&
         a->any_direction == b->any_direction &&
         (a->any_direction || a->direction == b->direction) &&
         a->partner_id == b->partner_id &&
         a->open_longer_than_days == b->open_longer_than_days &&
         a->outcome_category_id == b->outcome_category_id &&
         !a->with_outcome == !b->with_outcome &&
         a->reached_step == b->reached_step &&
         a->target_list_id == b->target_list_id &&
         (a->specialty == NULL) == (b->specialty == NULL) &&
         (a->specialty_code == NULL) == (b->specialty_code == NULL) &&
         (a->specialty_codes_excluded == NULL) == (b->specialty_codes_excluded == NULL) &&
         _rp_filter_strings_equal (a, b, string_fields, G_N_ELEMENTS (string_fields));
}
