/* rp-sample-outcomes.c: the sample network's outcome categories on seen and closed referrals,
 * and the feedback partner offices gave, so that the Analytics page's outcome and feedback
 * figures read like a real practice's.
 *
 * Both draw from their own GRand (seeded from the network's first partner id), after everything
 * else: the rest of the network is the same with or without them.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rp-referral-filter.h"
#include "rp-sample-private.h"
#include "rp-store-feedback.h"
#include "rp-store-outcomes.h"
#include "rp-store-referrals.h"

/* Cumulative shares of the built-in categories: improved, unchanged, referred on, surgery
 * scheduled, discharged, other. */
static const char * const category_keys[] = {
  "improved", "unchanged", "referred-on", "surgery-scheduled", "discharged", "other",
};
static const double category_cum[] = { 0.46, 0.58, 0.66, 0.80, 0.96, 1.0 };

static const char * const comments[RP_FEEDBACK_N_TOPICS][3] = {
  { "Getting an appointment within a week made a difference for our patients",
    "New patients still wait too long for a first visit",
    "The urgent slots are appreciated" },
  { "The liaison always calls back the same day",
    "We did not hear back about two referrals",
    "Clear about what happens next" },
  { "Consult notes arrive promptly and are easy to read",
    "Reports take more than two weeks to reach us",
    "Imaging results were missing from the last report" },
  { "Online scheduling works well for our staff",
    "Patients were rescheduled twice",
    "Easy to book by fax" },
  { "Front desk is friendly and helpful",
    "Phones go to voicemail at lunch",
    "Staff know our office by name" },
  { "Good partner overall",
    "Parking is difficult for elderly patients",
    "Thank you for the lunch-and-learn" },
};
static const double topic_cum[RP_FEEDBACK_N_TOPICS] = { 0.22, 0.42, 0.64, 0.80, 0.92, 1.0 };

static guint
pick_cum (GRand        *rand,
          const double *cum,
          guint         n)
{
  double r = g_rand_double (rand);

  for (guint i = 0; i < n; i++)
    if (r < cum[i])
      return i;
  return n - 1;
}

static gboolean
add_outcome_categories (Generator *g,
                        GRand     *rand,
                        GError   **error)
{
  g_autoptr(GPtrArray) categories = rp_store_list_outcome_categories (g->store, FALSE, error);
  gint64 ids[G_N_ELEMENTS (category_keys)] = { 0 };
  const RpReferralStatus statuses[] = { RP_REFERRAL_STATUS_SEEN,
                                        RP_REFERRAL_STATUS_LOOP_CLOSED };

  if (categories == NULL)
    return FALSE;

  for (guint i = 0; i < categories->len; i++)
    for (guint k = 0; k < G_N_ELEMENTS (category_keys); k++)
      if (g_strcmp0 (rp_outcome_category_get_key (g_ptr_array_index (categories, i)),
                     category_keys[k]) == 0)
        ids[k] = rp_outcome_category_get_id (g_ptr_array_index (categories, i));

  for (guint s = 0; s < G_N_ELEMENTS (statuses); s++)
    {
      g_autoptr(RpReferralFilter) filter = rp_referral_filter_new ();
      g_autoptr(GArray) referral_ids = NULL;

      filter->any_status = FALSE;
      filter->status = statuses[s];
      filter->any_direction = FALSE;
      filter->direction = RP_REFERRAL_DIRECTION_INBOUND;
      referral_ids = rp_store_query_referral_ids (g->store, filter, error);
      if (referral_ids == NULL)
        return FALSE;

      for (guint i = 0; i < referral_ids->len; i++)
        {
          gint64 id = g_array_index (referral_ids, gint64, i);
          g_autoptr(RpReferralOutcome) outcome = NULL;
          guint category;

          /* Four in five outcomes get recorded. */
          if (g_rand_double (rand) >= 0.8)
            continue;

          category = pick_cum (rand, category_cum, G_N_ELEMENTS (category_cum));
          outcome = rp_store_get_referral_outcome (g->store, id, error);
          if (outcome == NULL ||
              !rp_store_import_referral_outcome (g->store, id, ids[category],
                                                 outcome->satisfaction, outcome->note, error))
            return FALSE;
        }
    }

  return TRUE;
}

/* A score for a partner of @tier (0 = A): most offices are content, a tier C office less so. */
static guint
pick_score (GRand *rand,
            guint  tier)
{
  double r = g_rand_double (rand) + tier * 0.08;

  if (r < 0.35)
    return 10;
  if (r < 0.62)
    return 9;
  if (r < 0.80)
    return 8;
  if (r < 0.88)
    return 7;
  if (r < 0.95)
    return 6;
  return (guint) g_rand_int_range (rand, 2, 6);
}

static gboolean
add_feedback (Generator *g,
              GRand     *rand,
              GError   **error)
{
  for (guint p = 0; p < g->n_partners; p++)
    {
      const PartnerInfo *info = &g->partners[p];
      guint n;

      /* About two offices in five answer the survey, once to three times. */
      if (g_rand_double (rand) >= 0.4)
        continue;

      n = (guint) g_rand_int_range (rand, 1, 4);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(RpFeedback) feedback = rp_feedback_new ();
          int first = MAX (0, MAX (info->created_day, g->today - 365));
          int day = g_rand_int_range (rand, first, g->today + 1);
          guint score = pick_score (rand, info->tier);
          guint topic = pick_cum (rand, topic_cum, RP_FEEDBACK_N_TOPICS);
          guint comment = score <= 6 ? 1 : g_rand_boolean (rand) ? 0 : 2;

          rp_feedback_set_partner_id (feedback, info->id);
          rp_feedback_set_given_on (feedback, g->day_iso[day]);
          rp_feedback_set_given_by (feedback, info->short_name);
          rp_feedback_set_score (feedback, score);
          rp_feedback_set_topic (feedback, topic);
          rp_feedback_set_comment (feedback, comments[topic][comment]);
          if (!rp_store_import_feedback (g->store, feedback, error))
            return FALSE;
        }
    }

  return TRUE;
}

gboolean
_rp_sample_generate_outcomes (Generator  *g,
                              GError    **error)
{
  g_autoptr(GRand) rand = NULL;

  if (g->n_partners == 0)
    return TRUE;

  rand = g_rand_new_with_seed ((guint32) g->partners[0].id * 2654435761u + 14);
  return add_outcome_categories (g, rand, error) && add_feedback (g, rand, error);
}
