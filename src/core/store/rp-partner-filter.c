/* rp-partner-filter.c: which partners a list, a map or a query shows, and in which order.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rp-filter-fields.h"
#include "rp-partner-filter.h"

G_DEFINE_BOXED_TYPE (RpPartnerFilter, rp_partner_filter, rp_partner_filter_copy,
                     rp_partner_filter_free)

static const gsize string_fields[] = {
  G_STRUCT_OFFSET (RpPartnerFilter, search),
  G_STRUCT_OFFSET (RpPartnerFilter, specialty_code),
  G_STRUCT_OFFSET (RpPartnerFilter, today),
  G_STRUCT_OFFSET (RpPartnerFilter, feedback_from),
  G_STRUCT_OFFSET (RpPartnerFilter, feedback_to),
  G_STRUCT_OFFSET (RpPartnerFilter, referred_from),
  G_STRUCT_OFFSET (RpPartnerFilter, referred_to),
  G_STRUCT_OFFSET (RpPartnerFilter, city),
};

RpPartnerFilter *
rp_partner_filter_new (void)
{
  RpPartnerFilter *filter = g_new0 (RpPartnerFilter, 1);

  filter->any_tier = TRUE;
  filter->any_status = TRUE;
  filter->sort = RP_PARTNER_SORT_NAME;

  return filter;
}

RpPartnerFilter *
rp_partner_filter_copy (const RpPartnerFilter *filter)
{
  g_return_val_if_fail (filter != NULL, NULL);

  return _rp_filter_copy (filter, sizeof *filter, string_fields, G_N_ELEMENTS (string_fields));
}

void
rp_partner_filter_free (RpPartnerFilter *filter)
{
  _rp_filter_free (filter, string_fields, G_N_ELEMENTS (string_fields));
}

gboolean
rp_partner_filter_equal (const RpPartnerFilter *a,
                         const RpPartnerFilter *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  return _rp_filter_strings_equal (a, b, string_fields, G_N_ELEMENTS (string_fields)) &&
         a->any_tier == b->any_tier &&
         (a->any_tier || a->tier == b->tier) &&
         a->any_status == b->any_status &&
         (a->any_status || a->status == b->status) &&
         a->archived == b->archived &&
         a->sort == b->sort &&
         a->descending == b->descending &&
         a->has_origin == b->has_origin &&
         (!a->has_origin || (a->origin_lat == b->origin_lat && a->origin_lon == b->origin_lon)) &&
         a->within_km == b->within_km &&
         a->target_list_id == b->target_list_id &&
         a->feedback_topic == b->feedback_topic &&
         a->referred_direction == b->referred_direction;
}
