/* rp-sample-history.c: the sample network's 18 months of history (referrals and their paths,
 * the contacts they bring and those that stand alone), this week's plan and the open tasks.
 * See rp-sample.c.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rp-sample-data.h"
#include "rp-sample-private.h"
#include "rp-store-activities.h"
#include "rp-store-referrals.h"
#include "rp-store-tasks.h"
#include "rp-store-visits.h"

/* Referrals and the contacts they bring -------------------------------------------------------- */

static void
reset_activity (Generator      *g,
                RpActivityKind  kind,
                gint64          instant)
{
  char uuid[37];
  char when[21];

  _rp_sample_make_uuid (g, uuid);
  _rp_sample_format_instant (instant, when);

  rp_activity_set_id (g->activity, 0);
  rp_activity_set_uuid (g->activity, uuid);
  rp_activity_set_kind (g->activity, kind);
  rp_activity_set_occurred_at (g->activity, when);
  rp_activity_set_created_at (g->activity, when);
  rp_activity_set_contact_person (g->activity, NULL);
  rp_activity_set_summary (g->activity, NULL);
  rp_activity_set_materials (g->activity, NULL);
  rp_activity_set_referral_id (g->activity, 0);
  rp_activity_set_cost_cents (g->activity, 0);
  rp_activity_set_follow_up_needed (g->activity, FALSE);
  rp_activity_clear_partner_ids (g->activity);
}

static const char *
contact_person (Generator *g,
                guint      partner)
{
  const PartnerInfo *p = &g->partners[partner];

  if (_rp_sample_chance (g, 0.5))
    return g_array_index (g->offices, Office, p->office).contact_name;

  return p->short_name;
}

static gboolean
insert_activity (Generator  *g,
                 GError    **error)
{
  if (!rp_store_insert_activity (g->store, g->activity, error))
    return FALSE;

  g->n_activities++;
  _rp_sample_advance (g, 1);
  return TRUE;
}

/* The next step of a referral's path, @min_days to @max_days after @after on a weekday, at least
 * half an hour after it. */
static void
next_step (Generator        *g,
           const Step       *after,
           RpReferralStatus  status,
           int               min_days,
           int               max_days,
           Step             *step)
{
  step->status = status;
  step->day = _rp_sample_next_weekday (g, after->day + _rp_sample_rand_between (g, min_days,
                                                                                max_days));
  step->instant = _rp_sample_local_instant (g, step->day,
                                            _rp_sample_rand_between (g, 8 * 60, 17 * 60));
  if (step->instant < after->instant + 30 * 60)
    step->instant = after->instant + _rp_sample_rand_between (g, 30, 180) * 60;
}

/* Plays a referral received on @day forward: every step that would have happened before today
 * did; the rest have not happened yet. Returns the number of steps (the first is "received"). */
static guint
simulate_path (Generator *g,
               int        day,
               RpUrgency  urgency,
               Step       steps[5])
{
  double fate = g_rand_double (g->rand);
  guint n = 1;
  int wait_min, wait_max;
  Step candidate;

  steps[0].status = RP_REFERRAL_STATUS_RECEIVED;
  steps[0].day = day;
  steps[0].instant = _rp_sample_local_instant (g, day,
                                               day == g->today
                                               ? _rp_sample_rand_between (g, 7 * 60 + 30, 9 * 60)
                                               : _rp_sample_rand_between (g, 7 * 60 + 30,
                                                                          17 * 60 + 30));

#define TRY_STEP(status, lo, hi) \
  G_STMT_START { \
    next_step (g, &steps[n - 1], (status), (lo), (hi), &candidate); \
    if (candidate.day >= g->today) \
      return n; \
    steps[n++] = candidate; \
  } G_STMT_END

  if (fate < 0.035)
    {
      TRY_STEP (RP_REFERRAL_STATUS_LOST, 5, 12);
      return n;
    }

  TRY_STEP (RP_REFERRAL_STATUS_CONTACTED, 0, 2);

  if (fate < 0.085)
    {
      TRY_STEP (RP_REFERRAL_STATUS_DECLINED, 0, 3);
      return n;
    }

  TRY_STEP (RP_REFERRAL_STATUS_SCHEDULED, 0, 3);

  switch (urgency)
    {
    case RP_URGENCY_URGENT:
      wait_min = 1;
      wait_max = 4;
      break;

    case RP_URGENCY_SOON:
      wait_min = 3;
      wait_max = 10;
      break;

    case RP_URGENCY_ROUTINE:
    default:
      wait_min = 5;
      wait_max = 24;
      break;
    }

  if (fate < 0.125)
    {
      TRY_STEP (RP_REFERRAL_STATUS_NO_SHOW, wait_min, wait_max);
      return n;
    }

  TRY_STEP (RP_REFERRAL_STATUS_SEEN, wait_min, wait_max);

  /* Some loops are never closed: the gap the loop-update tasks are there for. */
  if (_rp_sample_chance (g, 0.88))
    TRY_STEP (RP_REFERRAL_STATUS_LOOP_CLOSED, 0, 10);

#undef TRY_STEP

  return n;
}

/* A fictional patient: invented names, MRNs of the made-up practice, 555-01xx phone numbers
 * (reserved for fiction). */
static gboolean
add_patient (Generator   *g,
             RpReferral  *referral,
             GError     **error)
{
  static const char * const first_names[] = {
    "Avery", "Briar", "Calloway", "Delphine", "Emmett", "Fenna", "Gideon", "Halcyon", "Ines",
    "Jasper", "Kestrel", "Linnea", "Marlowe", "Niamh", "Oren", "Pell", "Quinlan", "Rosalind",
    "Soren", "Tamsin", "Ulric", "Verity", "Wren", "Xanthe", "Yardley", "Zuzana",
  };
  static const char * const last_names[] = {
    "Ashgrove", "Brindlecombe", "Corrow", "Dunmere", "Elsworthy", "Fallowfield", "Greavesly",
    "Hollinrake", "Ivanek", "Jessop-Vane", "Kittredge", "Larkspur", "Mordaunt", "Nettlefold",
    "Oakhurst", "Pemberlake", "Quarrington", "Rookwood", "Stellmach", "Thistlewood", "Umberfield",
    "Vardaman", "Whitlock-Orme", "Yelverton", "Zellweger-Ruiz",
  };
  GRand *r = g->patient_rand;
  g_autofree char *name = NULL;
  g_autofree char *date_of_birth = NULL;
  g_autofree char *mrn = NULL;
  g_autofree char *phone = NULL;
  g_autoptr(RpPatient) patient = NULL;

  name = g_strdup_printf ("%s %s",
                          first_names[g_rand_int_range (r, 0, G_N_ELEMENTS (first_names))],
                          last_names[g_rand_int_range (r, 0, G_N_ELEMENTS (last_names))]);
  date_of_birth = g_strdup_printf ("%04d-%02d-%02d", g_rand_int_range (r, 1938, 2012),
                                   g_rand_int_range (r, 1, 13), g_rand_int_range (r, 1, 29));
  mrn = g_strdup_printf ("SV-%06d", g_rand_int_range (r, 100000, 1000000));
  phone = g_strdup_printf ("614-555-01%02d", g_rand_int_range (r, 0, 100));
  patient = rp_patient_new (name, date_of_birth, mrn, phone);

  return rp_vault_store_patient (g->vault, referral, patient, error);
}

static gboolean
generate_referral (Generator  *g,
                   int         day,
                   gboolean    with_transitions,
                   GError    **error)
{
  RpReferral *referral = g->referral;
  guint partner = _rp_sample_pick_weighted (g, day >= g->today - DORMANT_DAYS ? g->weights_recent
                                                                    : g->weights_old,
                                            g->n_partners);
  const PartnerInfo *info = &g->partners[partner];
  const RpSampleSpecialty *spec = &rp_sample_specialties[info->specialty];
  gboolean inbound = TRUE;
  RpSampleLine line;
  const char *reason;
  RpUrgency urgency;
  RpReferralStatus status;
  Step steps[5];
  guint n_steps;
  double r;
  char uuid[37];
  char received[21];
  char last_change[21];
  int seen_day = -1;
  gboolean thanked = FALSE;

  if (spec->outbound != NULL && _rp_sample_chance (g, spec->outbound_share))
    {
      guint n = 0;
      const RpSampleOutbound *out;

      while (spec->outbound[n].reason != NULL)
        n++;
      out = &spec->outbound[g_rand_int_range (g->rand, 0, n)];

      inbound = FALSE;
      line = out->line;
      reason = out->reason;
    }
  else
    {
      if (spec->preferred_line != RP_SAMPLE_LINE_ANY && _rp_sample_chance (g, 0.5))
        {
          line = spec->preferred_line;
        }
      else
        {
          guint w = g_rand_int_range (g->rand, 0, g->n_line_weight);

          line = 0;
          while (w >= rp_sample_line_weights[line])
            w -= rp_sample_line_weights[line++];
        }
      reason = _rp_sample_pick_n (g, rp_sample_inbound_reasons[line], g->n_reasons[line]);
    }

  r = g_rand_double (g->rand);
  urgency = r < 0.75 ? RP_URGENCY_ROUTINE : r < 0.95 ? RP_URGENCY_SOON : RP_URGENCY_URGENT;

  n_steps = simulate_path (g, day, urgency, steps);
  status = steps[n_steps - 1].status;
  for (guint i = 0; i < n_steps; i++)
    {
      if (steps[i].status == RP_REFERRAL_STATUS_SEEN)
        seen_day = steps[i].day;
    }

  _rp_sample_make_uuid (g, uuid);
  _rp_sample_format_instant (steps[0].instant, received);
  _rp_sample_format_instant (steps[n_steps - 1].instant, last_change);

  rp_referral_set_id (referral, 0);
  rp_referral_set_uuid (referral, uuid);
  rp_referral_set_partner_id (referral, info->id);
  rp_referral_set_direction (referral, inbound ? RP_REFERRAL_DIRECTION_INBOUND
                                               : RP_REFERRAL_DIRECTION_OUTBOUND);
  rp_referral_set_referred_on (referral, g->day_iso[day]);
  rp_referral_set_reason (referral, reason);
  rp_referral_set_service_line (referral, rp_sample_service_lines[line]);
  rp_referral_set_urgency (referral, urgency);
  rp_referral_set_notes (referral, _rp_sample_chance (g, 0.08)
                                   ? _rp_sample_pick_n (g, rp_sample_referral_notes,
                                                        g->n_referral_notes)
                                   : NULL);
  rp_referral_set_created_at (referral, received);
  rp_referral_set_updated_at (referral, last_change);

  switch (status)
    {
    case RP_REFERRAL_STATUS_DECLINED:
      rp_referral_set_status_reason (referral, _rp_sample_pick (g, rp_sample_declined_reasons));
      break;
    case RP_REFERRAL_STATUS_NO_SHOW:
      rp_referral_set_status_reason (referral, _rp_sample_pick (g, rp_sample_no_show_reasons));
      break;
    case RP_REFERRAL_STATUS_LOST:
      rp_referral_set_status_reason (referral, _rp_sample_pick (g, rp_sample_lost_reasons));
      break;
    case RP_REFERRAL_STATUS_RECEIVED:
    case RP_REFERRAL_STATUS_CONTACTED:
    case RP_REFERRAL_STATUS_SCHEDULED:
    case RP_REFERRAL_STATUS_SEEN:
    case RP_REFERRAL_STATUS_LOOP_CLOSED:
    default:
      rp_referral_set_status_reason (referral, NULL);
      break;
    }

  if (status == RP_REFERRAL_STATUS_SEEN || status == RP_REFERRAL_STATUS_LOOP_CLOSED)
    rp_referral_set_outcome (referral, _rp_sample_pick_n (g, rp_sample_outcomes[line],
                                                          g->n_outcomes[line]));
  else
    rp_referral_set_outcome (referral, NULL);

  if (status == RP_REFERRAL_STATUS_LOOP_CLOSED && _rp_sample_chance (g, 0.45))
    {
      r = g_rand_double (g->rand);
      rp_referral_set_satisfaction (referral, r < 0.5 ? 5 : r < 0.85 ? 4 : r < 0.97 ? 3 : 2);
    }
  else
    {
      rp_referral_set_satisfaction (referral, 0);
    }

  if (with_transitions)
    {
      rp_referral_set_status (referral, RP_REFERRAL_STATUS_RECEIVED);
      if (!rp_store_insert_referral (g->store, referral, error))
        return FALSE;

      for (guint i = 1; i < n_steps; i++)
        {
          char when[21];

          _rp_sample_format_instant (steps[i].instant, when);
          if (!rp_store_add_referral_transition (g->store, referral, steps[i].status, when, error))
            return FALSE;
        }
    }
  else
    {
      rp_referral_set_status (referral, status);
      if (!rp_store_insert_referral (g->store, referral, error))
        return FALSE;
    }

  if (g->vault != NULL && !add_patient (g, referral, error))
    return FALSE;

  _rp_sample_advance (g, 1);

  /* The contacts a referral brings: a thank-you note, and the report that closes the loop. */
  if (inbound && _rp_sample_chance (g, g->params->p_thank_you))
    {
      int thank_day = _rp_sample_next_weekday (g, day + _rp_sample_rand_between (g, 1, 4));

      if (thank_day < g->today)
        {
          reset_activity (g, RP_ACTIVITY_KIND_THANK_YOU,
                          _rp_sample_local_instant (g, thank_day,
                                                    _rp_sample_rand_between (g, 9 * 60, 16 * 60)));
          rp_activity_set_summary (g->activity, _rp_sample_pick_n (g, rp_sample_thank_you_texts,
                                                                   g->n_thank_you_texts));
          rp_activity_set_contact_person (g->activity, info->short_name);
          rp_activity_set_referral_id (g->activity, rp_referral_get_id (referral));
          rp_activity_add_partner_id (g->activity, info->id);
          if (!insert_activity (g, error))
            return FALSE;
          thanked = TRUE;
        }
    }

  if (inbound && status == RP_REFERRAL_STATUS_LOOP_CLOSED &&
      _rp_sample_chance (g, g->params->p_update))
    {
      reset_activity (g, RP_ACTIVITY_KIND_UPDATE_SENT, steps[n_steps - 1].instant);
      rp_activity_set_summary (g->activity, _rp_sample_pick_n (g, rp_sample_update_texts,
                                                               g->n_update_texts));
      rp_activity_set_contact_person (g->activity, contact_person (g, partner));
      rp_activity_set_referral_id (g->activity, rp_referral_get_id (referral));
      rp_activity_add_partner_id (g->activity, info->id);
      if (!insert_activity (g, error))
        return FALSE;
    }

  if (day >= g->today - RECENT_DAYS)
    {
      RecentReferral recent = {
        .id = rp_referral_get_id (referral),
        .partner = partner,
        .day = day,
        .seen_day = seen_day,
        .status = status,
        .inbound = inbound,
        .thanked = thanked,
      };

      memcpy (recent.uuid, uuid, sizeof recent.uuid);
      g_array_append_val (g->recent, recent);
    }

  return TRUE;
}

/* How many referrals arrive on each day: few on weekends, fewer around the holidays, a network
 * that grows a little over the months, and day-to-day noise. The counts add up to exactly
 * @total. */
static guint *
plan_referral_days (Generator *g,
                    guint      total)
{
  int n_days = g->today + 1;
  double *cumulative = g_new (double, n_days);
  guint *counts = g_new0 (guint, n_days);
  double sum = 0;
  guint64 previous = 0;

  for (int d = 0; d < n_days; d++)
    {
      double w = _rp_sample_is_weekend (g, d) ? 0.06 : 1.0;
      const char *iso = g->day_iso[d];

      w *= 0.85 + 0.3 * d / MAX (n_days - 1, 1);
      /* Christmas Eve to New Year's Day. */
      if ((strncmp (iso + 5, "12-2", 4) == 0 && iso[9] >= '4') ||
          strncmp (iso + 5, "12-3", 4) == 0 || strncmp (iso + 5, "01-01", 5) == 0)
        w *= 0.4;
      w *= 0.75 + 0.5 * g_rand_double (g->rand);

      sum += w;
      cumulative[d] = sum;
    }

  for (int d = 0; d < n_days; d++)
    {
      guint64 upto = (guint64) (cumulative[d] / sum * total + 0.5);

      if (d == n_days - 1)
        upto = total;
      counts[d] = (guint) (upto - previous);
      previous = upto;
    }

  g_free (cumulative);
  return counts;
}

gboolean
_rp_sample_generate_referrals (Generator  *g,
                               GError    **error)
{
  g_autofree guint *counts = plan_referral_days (g, g->params->n_referrals);
  guint index = 0;

  /* In date order, so ids grow with the date as they would in real use. */
  for (int d = 0; d <= g->today; d++)
    {
      for (guint k = 0; k < counts[d]; k++, index++)
        {
          if (!generate_referral (g, d, index % g->params->transition_every == 0, error))
            return FALSE;
        }
    }

  return TRUE;
}

/* Contacts not tied to a referral -------------------------------------------------------------- */

static gboolean
generate_event (Generator  *g,
                guint       partner,
                int         day,
                GError    **error)
{
  const Office *office = &g_array_index (g->offices, Office, g->partners[partner].office);
  guint n_added = 0;
  g_autofree char *materials = NULL;

  /* A lunch-and-learn is for an office with several partners when there is one. */
  for (guint attempt = 0; attempt < 8 && office->n_members < 2; attempt++)
    {
      guint other = _rp_sample_pick_weighted (g, g->weights_contact, g->n_partners);

      if (g->partners[other].created_day <= day)
        {
          partner = other;
          office = &g_array_index (g->offices, Office, g->partners[partner].office);
        }
    }

  reset_activity (g, RP_ACTIVITY_KIND_EVENT,
                  _rp_sample_local_instant (g, day, _rp_sample_rand_between (g, 11 * 60 + 30,
                                                                             12 * 60 + 15)));
  rp_activity_set_summary (g->activity, _rp_sample_pick (g, rp_sample_event_topics));
  rp_activity_set_contact_person (g->activity, office->contact_name);
  rp_activity_set_cost_cents (g->activity, 100 * _rp_sample_rand_between (g, 120, 480));

  for (guint member = office->first_member; member != 0 && n_added < 6;
       member = g->partners[member - 1].next_member)
    {
      /* Nobody who was not a partner yet. */
      if (g->partners[member - 1].created_day > day)
        continue;
      rp_activity_add_partner_id (g->activity, g->partners[member - 1].id);
      n_added++;
    }

  materials = g_strdup_printf ("Lunch for %u, slides, referral pads",
                               n_added + _rp_sample_rand_between (g, 2, 8));
  rp_activity_set_materials (g->activity, materials);

  return insert_activity (g, error);
}

static gboolean
generate_contact (Generator  *g,
                  GError    **error)
{
  guint partner = _rp_sample_pick_weighted (g, g->weights_contact, g->n_partners);
  int first_day = MAX (g->partners[partner].created_day, 0);
  int day = _rp_sample_rand_between (g, MIN (first_day, g->today - 1), g->today - 1);
  guint r = g_rand_int_range (g->rand, 0, 100);
  const RpSampleActivityText *text;
  RpActivityKind kind;

  /* Liaisons work weekdays: a weekend date becomes the Friday before, or the Monday after when
   * the partner was added that weekend. */
  if (_rp_sample_is_weekend (g, day))
    {
      int friday = day;

      while (friday > 0 && _rp_sample_is_weekend (g, friday))
        friday--;

      if (friday >= first_day)
        day = friday;
      else
        day = MIN (_rp_sample_next_weekday (g, day), g->today - 1);
    }

  if (r < 4)
    return generate_event (g, partner, day, error);

  if (r < 40)
    {
      kind = RP_ACTIVITY_KIND_VISIT;
      text = _rp_sample_pick_text (g, rp_sample_visit_texts);
    }
  else if (r < 62)
    {
      kind = RP_ACTIVITY_KIND_CALL;
      text = _rp_sample_pick_text (g, rp_sample_call_texts);
    }
  else if (r < 78)
    {
      kind = RP_ACTIVITY_KIND_EMAIL;
      text = _rp_sample_pick_text (g, rp_sample_email_texts);
    }
  else if (r < 85)
    {
      kind = RP_ACTIVITY_KIND_FEEDBACK;
      text = _rp_sample_pick_text (g, rp_sample_feedback_texts);
    }
  else if (r < 93)
    {
      kind = RP_ACTIVITY_KIND_NOTE;
      text = _rp_sample_pick_text (g, rp_sample_note_texts);
    }
  else
    {
      kind = RP_ACTIVITY_KIND_THANK_YOU;
      text = NULL;
    }

  reset_activity (g, kind,
                  _rp_sample_local_instant (g, day, _rp_sample_rand_between (g, 8 * 60, 17 * 60)));
  if (text != NULL)
    {
      rp_activity_set_summary (g->activity, text->summary);
      rp_activity_set_materials (g->activity, text->materials);
    }
  else
    {
      rp_activity_set_summary (g->activity, "Holiday card and thank-you for the year's referrals");
    }
  rp_activity_set_contact_person (g->activity, contact_person (g, partner));
  rp_activity_set_follow_up_needed (g->activity, (kind == RP_ACTIVITY_KIND_VISIT ||
                                                  kind == RP_ACTIVITY_KIND_CALL) &&
                                                 _rp_sample_chance (g, 0.1));
  rp_activity_add_partner_id (g->activity, g->partners[partner].id);

  return insert_activity (g, error);
}

gboolean
_rp_sample_generate_contacts (Generator  *g,
                              GError    **error)
{
  guint target = g->params->n_activities;
  guint n;

  /* The referral-linked ones are already in; make up the rest of the target, and at least a
   * quarter of it, so visits and calls are never crowded out. */
  n = g->n_activities < target ? target - g->n_activities : 0;
  n = MAX (n, target / 4);

  for (guint i = 0; i < n; i++)
    {
      if (!generate_contact (g, error))
        return FALSE;
    }

  return TRUE;
}

/* This week's plan ----------------------------------------------------------------------------- */

gboolean
_rp_sample_generate_planned_visits (Generator  *g,
                                    GError    **error)
{
  g_autoptr(RpPlannedVisit) visit = NULL;
  /* Monday to Friday of today's ISO week, so the planner's week shows them on any day. */
  int monday = g->today - (g->weekday[g->today] - G_DATE_MONDAY);
  guint n = _rp_sample_rand_between (g, 3, 8);
  guint per_day[5] = { 0 };
  guint chosen[8];
  char created[21];

  _rp_sample_format_instant (_rp_sample_local_instant (g, monday - 3, 16 * 60 + 30), created);

  for (guint i = 0; i < n; i++)
    {
      int weekday = _rp_sample_rand_between (g, 0, 4);
      int day;
      guint partner = 0;
      char uuid[37];

      /* On a working day, the plan always has a stop today. */
      if (i == 0 && g->today - monday < 5)
        weekday = g->today - monday;
      day = monday + weekday;

      /* Someone not already on the plan, preferably an A or B partner; in the end anyone. */
      for (guint attempt = 0; attempt < 20 + g->n_partners; attempt++)
        {
          gboolean taken = FALSE;

          if (attempt < 20)
            partner = _rp_sample_pick_weighted (g, g->weights_contact, g->n_partners);
          else
            partner = attempt - 20;

          for (guint j = 0; j < i; j++)
            taken |= chosen[j] == partner;
          taken |= g->partners[partner].created_day > monday - 3;
          if (!taken && (g->partners[partner].tier != RP_TIER_C || attempt >= 10))
            break;
        }
      chosen[i] = partner;

      visit = rp_planned_visit_new ();
      _rp_sample_make_uuid (g, uuid);
      rp_planned_visit_set_uuid (visit, uuid);
      rp_planned_visit_set_partner_id (visit, g->partners[partner].id);
      rp_planned_visit_set_planned_on (visit, g->day_iso[day]);
      rp_planned_visit_set_position (visit, per_day[weekday]++);
      rp_planned_visit_set_objective (visit, _rp_sample_pick (g, rp_sample_visit_objectives));
      rp_planned_visit_set_created_at (visit, created);

      /* Earlier days of the week were done, and the visit was logged. */
      if (day < g->today)
        {
          const RpSampleActivityText *text = _rp_sample_pick_text (g, rp_sample_visit_texts);

          reset_activity (g, RP_ACTIVITY_KIND_VISIT,
                          _rp_sample_local_instant (g, day,
                                                    _rp_sample_rand_between (g, 9 * 60, 15 * 60)));
          rp_activity_set_summary (g->activity, text->summary);
          rp_activity_set_materials (g->activity, text->materials);
          rp_activity_set_contact_person (g->activity, contact_person (g, partner));
          rp_activity_add_partner_id (g->activity, g->partners[partner].id);
          if (!insert_activity (g, error))
            return FALSE;

          rp_planned_visit_set_status (visit, RP_VISIT_STATUS_DONE);
          rp_planned_visit_set_activity_id (visit, rp_activity_get_id (g->activity));
        }
      else
        {
          rp_planned_visit_set_status (visit, RP_VISIT_STATUS_PLANNED);
        }

      if (!rp_store_insert_planned_visit (g->store, visit, error))
        return FALSE;

      g_clear_object (&visit);
    }

  return TRUE;
}

/* Tasks ---------------------------------------------------------------------------------------- */

static gboolean
insert_task (Generator   *g,
             RpTaskKind   kind,
             const char  *title,
             guint        partner,   /* index + 1; 0 = none */
             gint64       referral_id,
             const char  *rule_key,
             int          created_day,
             int          due_day,
             gboolean     done,
             GError     **error)
{
  g_autoptr(RpTask) task = rp_task_new (kind);
  char uuid[37];
  char when[21];

  due_day = CLAMP (due_day, 0, g->n_table_days - 1);
  created_day = CLAMP (created_day, 0, g->today);

  _rp_sample_make_uuid (g, uuid);
  rp_task_set_uuid (task, uuid);
  rp_task_set_title (task, title);
  rp_task_set_partner_id (task, partner > 0 ? g->partners[partner - 1].id : 0);
  rp_task_set_referral_id (task, referral_id);
  rp_task_set_rule_key (task, rule_key);
  rp_task_set_due_on (task, g->day_iso[due_day]);
  if (kind == RP_TASK_KIND_FOLLOW_UP && _rp_sample_chance (g, 0.2))
    rp_task_set_due_time (task, _rp_sample_chance (g, 0.5) ? "09:00" : "14:30");

  _rp_sample_format_instant (_rp_sample_local_instant (g, created_day,
                                                       _rp_sample_rand_between (g, 8 * 60,
                                                                                17 * 60)),
                             when);
  rp_task_set_created_at (task, when);

  if (done)
    {
      int done_day = due_day + _rp_sample_rand_between (g, 0, 1);

      done_day = MIN (done_day, g->today - 1);

      _rp_sample_format_instant (_rp_sample_local_instant (g, MAX (done_day, created_day),
                                                           _rp_sample_rand_between (g, 9 * 60,
                                                                                    17 * 60)),
                                 when);
      rp_task_set_done_at (task, when);
    }

  if (!rp_store_insert_task (g->store, task, error))
    return FALSE;

  _rp_sample_advance (g, 1);
  return TRUE;
}

gboolean
_rp_sample_generate_tasks (Generator  *g,
                           GError    **error)
{
  guint target = g->params->n_tasks;
  guint thank_you_quota = target * 3 / 10;
  guint loop_quota = target / 5;
  guint made = 0;
  guint rest;

  /* Rule-made thank-you tasks for the latest inbound referrals nobody has thanked for yet:
   * due two days after the referral, so the newest are due soon and some are overdue. */
  for (guint i = g->recent->len; i > 0 && made < thank_you_quota; i--)
    {
      const RecentReferral *r = &g_array_index (g->recent, RecentReferral, i - 1);
      g_autofree char *title = NULL;
      g_autofree char *rule_key = NULL;
      int due;

      if (!r->inbound || r->thanked || r->day < g->today - 10)
        continue;

      due = _rp_sample_next_weekday (g, r->day + 2);
      title = g_strdup_printf ("Thank %s for the referral", g->partners[r->partner].short_name);
      rule_key = g_strconcat ("thank-you:", r->uuid, NULL);
      if (!insert_task (g, RP_TASK_KIND_THANK_YOU, title, r->partner + 1, r->id, rule_key, r->day,
                        due, due < g->today - 2 && _rp_sample_chance (g, 0.5), error))
        return FALSE;
      made++;
    }

  /* Loop-closing updates for patients seen whose report has not gone back yet. */
  for (guint i = g->recent->len, n = 0; i > 0 && n < loop_quota; i--)
    {
      const RecentReferral *r = &g_array_index (g->recent, RecentReferral, i - 1);
      g_autofree char *title = NULL;
      g_autofree char *rule_key = NULL;

      if (!r->inbound || r->status != RP_REFERRAL_STATUS_SEEN || r->seen_day < 0)
        continue;

      title = g_strdup_printf ("Send the visit summary to %s",
                               g->partners[r->partner].short_name);
      rule_key = g_strconcat ("loop-update:", r->uuid, NULL);
      if (!insert_task (g, RP_TASK_KIND_LOOP_UPDATE, title, r->partner + 1, r->id, rule_key,
                        r->seen_day, _rp_sample_next_weekday (g, r->seen_day + 3), FALSE, error))
        return FALSE;
      made++;
      n++;
    }

  /* Hand-made follow-ups, visits and errands fill the rest. The first ones are fixed so that
   * every sample has open tasks overdue and due today whatever the seed. */
  rest = target > made ? target - made : 0;
  for (guint i = 0; i < rest; i++)
    {
      guint partner = _rp_sample_pick_weighted (g, g->weights_contact, g->n_partners) + 1;
      guint r = g_rand_int_range (g->rand, 0, 100);
      gboolean done = FALSE;
      int due;
      RpTaskKind kind;
      const char *title;
      g_autofree char *visit_title = NULL;

      if (i < 3)
        due = g->today - _rp_sample_rand_between (g, 1, 9);
      else if (i < 6)
        due = g->today;
      else if (r < 25)
        {
          due = g->today - _rp_sample_rand_between (g, 1, 20);
          done = TRUE;
        }
      else if (r < 40)
        due = g->today - _rp_sample_rand_between (g, 1, 10);
      else if (r < 55)
        due = g->today;
      else if (r < 85)
        due = g->today + _rp_sample_rand_between (g, 1, 6);
      else
        due = g->today + _rp_sample_rand_between (g, 7, 21);

      r = g_rand_int_range (g->rand, 0, 100);
      if (r < 60)
        {
          kind = RP_TASK_KIND_FOLLOW_UP;
          title = _rp_sample_pick (g, rp_sample_follow_up_titles);
        }
      else if (r < 85)
        {
          kind = RP_TASK_KIND_VISIT;
          visit_title = g_strdup_printf ("%s: %s", g->partners[partner - 1].short_name,
                                         _rp_sample_pick (g, rp_sample_visit_task_titles));
          title = visit_title;
        }
      else
        {
          kind = RP_TASK_KIND_CUSTOM;
          title = _rp_sample_pick (g, rp_sample_custom_task_titles);
          partner = 0;
        }

      if (!insert_task (g, kind, title, partner, 0, NULL,
                        due - _rp_sample_rand_between (g, 2, 10), due, done, error))
        return FALSE;
    }

  return TRUE;
}
