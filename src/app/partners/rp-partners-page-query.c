/* rp-partners-page-query.c: the Partners page filtered by a query string, for the window's
 * win.show-partners (the Analytics page's feedback charts).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-feedback.h"
#include "rp-partner-list.h"
#include "rp-partners-page-private.h"
#include "rp-period.h"
#include "rp-store-target-lists.h"

/* With referred-from or feedback-from: the Analytics page's filters on the partners (tier=NICK,
 * specialty-code=CODE, city=NAME, list=ID; each absent = any), so that the list counts the
 * referrers the page counts. */
static void
show_page_filters (RpPartnersPage  *self,
                   GHashTable      *params,
                   RpPartnerFilter *filter)
{
  const char *value;
  gint64 list_id;
  int tier;

  value = g_hash_table_lookup (params, "tier");
  filter->any_tier = value == NULL || !rp_enum_from_nick (RP_TYPE_TIER, value, &tier);
  filter->tier = filter->any_tier ? RP_TIER_A : (RpTier) tier;
  g_free (filter->specialty_code);
  filter->specialty_code = g_strdup (g_hash_table_lookup (params, "specialty-code"));
  g_free (filter->city);
  filter->city = g_strdup (g_hash_table_lookup (params, "city"));
  value = g_hash_table_lookup (params, "list");
  list_id = value != NULL ? g_ascii_strtoll (value, NULL, 10) : 0;
  filter->target_list_id = MAX (list_id, 0);
  g_clear_pointer (&self->target_list_name, g_free);
  if (list_id > 0)
    {
      g_autoptr(GPtrArray) lists = rp_store_list_target_lists (self->store, NULL);

      for (guint i = 0; lists != NULL && i < lists->len; i++)
        {
          RpTargetListInfo *info = g_ptr_array_index (lists, i);

          if (info->id == list_id)
            self->target_list_name = g_strdup (info->name);
        }
    }
}

void
rp_partners_page_show_query (RpPartnersPage *self,
                             const char     *query)
{
  g_autoptr(GHashTable) params = NULL;
  g_autoptr(RpPartnerFilter) filter = NULL;
  const char *from;
  const char *to;
  const char *topic_nick;
  RpFeedbackTopic topic;
  RpPeriod days = { .kind = RP_PERIOD_CUSTOM };

  g_return_if_fail (RP_IS_PARTNERS_PAGE (self));
  g_return_if_fail (query != NULL);

  if (self->list == NULL)
    return;

  params = g_uri_parse_params (query, -1, "&", G_URI_PARAMS_NONE, NULL);
  filter = rp_partner_filter_copy (rp_partner_list_get_filter (self->list));
  g_clear_pointer (&filter->feedback_from, g_free);
  g_clear_pointer (&filter->feedback_to, g_free);
  filter->feedback_topic = 0;
  g_clear_pointer (&filter->referred_from, g_free);
  g_clear_pointer (&filter->referred_to, g_free);
  filter->referred_direction = 0;
  g_clear_pointer (&self->feedback_label, g_free);

  from = params != NULL ? g_hash_table_lookup (params, "feedback-from") : NULL;
  to = params != NULL ? g_hash_table_lookup (params, "feedback-to") : NULL;
  topic_nick = params != NULL ? g_hash_table_lookup (params, "topic") : NULL;
  if (from != NULL && to != NULL && rp_period_parse_day (from, &days.first) &&
      rp_period_parse_day (to, &days.last))
    {
      g_autofree char *range = rp_period_dup_title (&days);

      filter->feedback_from = g_strdup (from);
      filter->feedback_to = g_strdup (to);
      /* Current partners: the feedback is theirs whatever else the filters say. */
      filter->archived = FALSE;
      if (topic_nick != NULL && rp_feedback_topic_from_nick (topic_nick, &topic))
        {
          filter->feedback_topic = (int) topic + 1;
          /* Translators: a filter chip, "Feedback on Reports, 1 Nov 2026 – 30 Nov 2026" */
          self->feedback_label = g_strdup_printf (_("Feedback on %s, %s"),
                                                  rp_feedback_topic_to_label (topic), range);
        }
      else
        {
          /* Translators: a filter chip, "Feedback, 1 Nov 2026 – 30 Nov 2026" */
          self->feedback_label = g_strdup_printf (_("Feedback, %s"), range);
        }
      show_page_filters (self, params, filter);
    }

  /* referred-from=…&referred-to=…[&direction=inbound]: the partners who referred in those
   * days (the Analytics page's "Referring partners" card). */
  from = params != NULL ? g_hash_table_lookup (params, "referred-from") : NULL;
  to = params != NULL ? g_hash_table_lookup (params, "referred-to") : NULL;
  if (filter->feedback_from == NULL && from != NULL && to != NULL &&
      rp_period_parse_day (from, &days.first) && rp_period_parse_day (to, &days.last))
    {
      g_autofree char *range = rp_period_dup_title (&days);
      const char *direction_nick = g_hash_table_lookup (params, "direction");
      int direction;

      filter->referred_from = g_strdup (from);
      filter->referred_to = g_strdup (to);
      filter->archived = FALSE;
      if (direction_nick != NULL &&
          rp_enum_from_nick (RP_TYPE_REFERRAL_DIRECTION, direction_nick, &direction))
        filter->referred_direction = direction + 1;
      if (filter->referred_direction == RP_REFERRAL_DIRECTION_OUTBOUND + 1)
        /* Translators: a filter chip, "Referred to, 1 Nov 2026 – 30 Nov 2026" */
        self->feedback_label = g_strdup_printf (_("Referred to, %s"), range);
      else
        /* Translators: a filter chip, "Referred, 1 Nov 2026 – 30 Nov 2026" */
        self->feedback_label = g_strdup_printf (_("Referred, %s"), range);
      show_page_filters (self, params, filter);
    }

  _rp_partners_page_set_filter (self, filter);
  _rp_partners_page_sync_filter_controls (self);
  _rp_partners_page_update_filter_bar (self);
  _rp_partners_page_update_actions (self);
}
