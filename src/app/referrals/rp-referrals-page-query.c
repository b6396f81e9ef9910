/* rp-referrals-page-query.c: the Referrals page filtered by a query string, for the window's
 * win.show-referrals (the Analytics page's click-through).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "rp-referrals-page-private.h"
#include "rp-store-analytics.h"
#include "rp-store-outcomes.h"
#include "rp-store-partners.h"

static gboolean
is_day (const char *text)
{
  GDate day;
  guint y, m, d;

  if (text == NULL || strlen (text) != 10 || sscanf (text, "%4u-%2u-%2u", &y, &m, &d) != 3)
    return FALSE;
  g_date_clear (&day, 1);
  return g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

/* The label of the option keyed @key of @options, or NULL. */
static char *
dup_option_label (GPtrArray  *options,
                  const char *key)
{
  for (guint i = 0; options != NULL && i < options->len; i++)
    {
      RpAnalyticsOption *option = g_ptr_array_index (options, i);

      if (g_strcmp0 (option->key, key) == 0)
        return g_strdup (option->label);
    }
  return NULL;
}

/* The Analytics page's filters on the referring partner: tier=NICK, specialty-code=CODE,
 * city=NAME, list=ID. */
static void
show_partner_filters (RpReferralsPage  *self,
                      GHashTable       *params,
                      RpReferralFilter *filter)
{
  g_autoptr(GPtrArray) specialties = NULL;
  g_autoptr(GPtrArray) cities = NULL;
  g_autoptr(GPtrArray) lists = NULL;
  const char *value;
  int tier;

  g_clear_pointer (&self->specialty_code_name, g_free);
  g_clear_pointer (&self->list_name, g_free);

  value = g_hash_table_lookup (params, "tier");
  if (value != NULL && rp_enum_from_nick (RP_TYPE_TIER, value, &tier))
    filter->tier = g_strdup (value);
  value = g_hash_table_lookup (params, "city");
  if (value != NULL && *value != '\0')
    filter->city = g_strdup (value);

  /* specialty-other=CODE,CODE: the specialties the monthly chart did not name ("Other"). */
  value = g_hash_table_lookup (params, "specialty-other");
  if (value != NULL)
    filter->specialty_codes_excluded = g_strdup (value);

  if (g_hash_table_lookup (params, "specialty-code") == NULL &&
      g_hash_table_lookup (params, "list") == NULL)
    return;
  if (!rp_store_analytics_filter_options (self->store, &specialties, &cities, &lists, NULL))
    return;
  /* specialty-code=CODE; empty: the partners with no specialty. */
  value = g_hash_table_lookup (params, "specialty-code");
  if (value != NULL)
    {
      filter->specialty_code = g_strdup (value);
      self->specialty_code_name = dup_option_label (specialties, value);
    }
  value = g_hash_table_lookup (params, "list");
  if (value != NULL && g_ascii_strtoll (value, NULL, 10) > 0)
    {
      filter->target_list_id = g_ascii_strtoll (value, NULL, 10);
      self->list_name = dup_option_label (lists, value);
    }
}

void
rp_referrals_page_show_query (RpReferralsPage *self,
                              const char      *query)
{
  g_autoptr(GHashTable) params = NULL;
  g_autoptr(RpReferralFilter) filter = rp_referral_filter_new ();
  const char *value;

  g_return_if_fail (RP_IS_REFERRALS_PAGE (self));
  g_return_if_fail (query != NULL);

  params = g_uri_parse_params (query, -1, "&", G_URI_PARAMS_NONE, NULL);
  if (params == NULL)
    return;

  value = g_hash_table_lookup (params, "from");
  if (is_day (value))
    filter->from = g_strdup (value);
  value = g_hash_table_lookup (params, "to");
  if (is_day (value))
    filter->to = g_strdup (value);

  value = g_hash_table_lookup (params, "direction");
  if (value != NULL)
    {
      int direction;

      if (rp_enum_from_nick (RP_TYPE_REFERRAL_DIRECTION, value, &direction))
        {
          filter->any_direction = FALSE;
          filter->direction = direction;
        }
    }

  value = g_hash_table_lookup (params, "status");
  if (value != NULL)
    {
      int status;

      if (rp_enum_from_nick (RP_TYPE_REFERRAL_STATUS, value, &status))
        {
          filter->any_status = FALSE;
          filter->status = status;
        }
    }

  g_clear_pointer (&self->partner_name, g_free);
  value = g_hash_table_lookup (params, "partner");
  if (value != NULL)
    {
      gint64 partner_id = g_ascii_strtoll (value, NULL, 10);
      g_autoptr(RpPartner) partner = NULL;

      if (partner_id > 0)
        partner = rp_store_get_partner (self->store, partner_id, NULL);
      if (partner != NULL)
        {
          filter->partner_id = partner_id;
          self->partner_name = g_strdup (rp_partner_get_display_name (partner));
        }
    }

  /* outcome=ID: the referrals whose outcome is in that category (listed or removed). */
  g_clear_pointer (&self->outcome_name, g_free);
  value = g_hash_table_lookup (params, "outcome");
  if (value != NULL)
    {
      gint64 category_id = g_ascii_strtoll (value, NULL, 10);
      g_autoptr(GPtrArray) categories = rp_store_list_outcome_categories (self->store, TRUE,
                                                                          NULL);

      for (guint i = 0; categories != NULL && i < categories->len; i++)
        {
          RpOutcomeCategory *category = g_ptr_array_index (categories, i);

          if (rp_outcome_category_get_id (category) == category_id)
            {
              filter->outcome_category_id = category_id;
              self->outcome_name = g_strdup (rp_outcome_category_get_display_label (category));
            }
        }
    }

  /* outcome=any: the referrals with an outcome or a satisfaction recorded. */
  if (g_strcmp0 (value, "any") == 0)
    filter->with_outcome = TRUE;

  /* reached=STATUS: the referrals that reached that step of the funnel. */
  value = g_hash_table_lookup (params, "reached");
  if (value != NULL)
    {
      static const char * const steps[] = { "contacted", "scheduled", "seen", "loop-closed" };

      for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
        if (g_str_equal (value, steps[i]))
          filter->reached_step = i + 1;
    }

  /* specialty=LABEL: the referrals of the partners of that specialty ("" for none). */
  value = g_hash_table_lookup (params, "specialty");
  if (value != NULL)
    filter->specialty = g_strdup (value);

  show_partner_filters (self, params, filter);

  _rp_referrals_page_set_filter (self, filter);
  _rp_referrals_page_update_filter_bar (self);
}
