/* rp-visit-suggestions.c: who to visit this week, and why.
 *
 * The statistics of every current partner come from rp_store_query_plan_stats(), a handful of
 * aggregate queries. Scores are first computed as plain numbers for everyone; the sentences that
 * explain them are only written for the best few, so 100,000 partners cost one pass of
 * arithmetic and no allocation each.
 *
 * Points (a score has no unit; only the order matters):
 *   overdue        40 × tier weight × how many cadences have passed (at most 3); never visited
 *                  counts as 1.5 cadences. Tier weights: A 1, B 0.7, C 0.45.
 *   falling        5 + 30 × the share lost × (previous count, up to 10) / 10, when at least two
 *                  referrals came in the previous period and fewer in the last.
 *   follow-ups     10 per open follow-up, up to 3.
 *   target list    20 for a member of a target list who was never visited.
 *   near planned   5 + 15 × (1 − distance / near_km) within near_km of a visit that day.
 *
 * rp_visit_suggestions_compute_async() runs the same on a worker thread, with a second
 * connection to the same database file: WAL lets it read while the window's connection writes,
 * and opening it takes a millisecond. The connection is kept for the next call, with the
 * statistics it has cached, while nothing is written; any change of the store retires it (its
 * caches count only its own writes, and a result from before the change is stale anyway), and it
 * is closed when the store is finalized. One connection serves one job at a time: a job takes it
 * and gives it back, and jobs that overlap open their own. A store in memory, or a file a second
 * connection cannot open, is read on the calling thread instead.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "rp-ics.h"
#include "rp-store-partners.h"
#include "rp-store-plan-stats.h"
#include "rp-store-target-lists.h"
#include "rp-visit-suggestions.h"

#define DEFAULT_NEAR_KM 5.0
#define DEFAULT_LIMIT 50
#define DEFAULT_PERIOD_DAYS 90

typedef struct
{
  guint   index;         /* into the stats array */
  double  score;
  guint   days_overdue;
} Candidate;

static void
reason_free (RpSuggestionReason *reason)
{
  g_free (reason->text);
  g_free (reason);
}

static void
add_reason (GPtrArray              *reasons,
            RpSuggestionReasonKind  kind,
            double                  points,
            char                   *text)
{
  RpSuggestionReason *reason = g_new0 (RpSuggestionReason, 1);

  reason->kind = kind;
  reason->points = points;
  reason->text = text;
  g_ptr_array_add (reasons, reason);
}

static double
tier_weight (RpTier tier)
{
  switch (tier)
    {
    case RP_TIER_A:
      return 1.0;
    case RP_TIER_B:
      return 0.7;
    case RP_TIER_C:
    default:
      return 0.45;
    }
}

/* GDate's parser follows the locale; ours are ISO days, so read them by hand. */
static gboolean
parse_day (const char *day,
           GDate      *date)
{
  int year, month, dom;

  g_date_clear (date, 1);
  if (day == NULL || strlen (day) != 10 || day[4] != '-' || day[7] != '-')
    return FALSE;

  year = atoi (day);
  month = atoi (day + 5);
  dom = atoi (day + 8);
  if (!g_date_valid_dmy ((GDateDay) dom, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_date_set_dmy (date, (GDateDay) dom, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

/* Days from @from to @to (both YYYY-MM-DD); 0 when either is not a date. */
static int
days_since (const char *from,
            const char *to)
{
  GDate a, b;

  if (!parse_day (from, &a) || !parse_day (to, &b))
    return 0;

  return g_date_days_between (&a, &b);
}

static guint
cadence_for (const RpPartnerPlanStats *stats,
             const RpSuggestionParams *params)
{
  guint cadence;

  if (stats->cadence_days > 0)
    return stats->cadence_days;

  cadence = params->cadence_days[CLAMP ((int) stats->tier, RP_TIER_A, RP_TIER_C)];
  return cadence > 0 ? cadence : 30;
}

static double
nearest_planned_km (const RpPartnerPlanStats *stats,
                    const RpSuggestionParams *params)
{
  RpGeoPoint here = { stats->lat, stats->lon };
  double best = -1;

  if (!stats->has_location)
    return -1;

  for (guint i = 0; i < params->n_planned_points; i++)
    {
      double km = rp_geo_distance_km (here, params->planned_points[i]);

      if (best < 0 || km < best)
        best = km;
    }

  return best;
}

/* The points of each reason, as numbers; the sentences come later. */
typedef struct
{
  double overdue;
  double falling;
  double follow_ups;
  double target_list;
  double near;
  int    days_since;      /* -1 = never visited */
  guint  cadence;
  double near_km;
} Points;

static double
compute_points (const RpPartnerPlanStats *stats,
                const RpSuggestionParams *params,
                const char               *today,
                double                    near_km,
                Points                   *points)
{
  memset (points, 0, sizeof *points);
  points->cadence = cadence_for (stats, params);
  points->days_since = stats->last_visit_on[0] != '\0' ?
                       MAX (days_since (stats->last_visit_on, today), 0) : -1;
  points->near_km = -1;

  if (points->days_since < 0)
    points->overdue = 40.0 * tier_weight (stats->tier) * 1.5;
  else if ((guint) points->days_since >= points->cadence)
    points->overdue = 40.0 * tier_weight (stats->tier) *
                      MIN ((double) points->days_since / points->cadence, 3.0);

  if (stats->referrals_previous >= 2 && stats->referrals_recent < stats->referrals_previous)
    {
      double lost = (double) (stats->referrals_previous - stats->referrals_recent) /
                    stats->referrals_previous;

      points->falling = 5.0 + 30.0 * lost * MIN (stats->referrals_previous, 10) / 10.0;
    }

  points->follow_ups = 10.0 * MIN (stats->open_tasks, 3);

  if (stats->target_list_id > 0 && points->days_since < 0)
    points->target_list = 20.0;

  if (params->n_planned_points > 0)
    {
      double km = nearest_planned_km (stats, params);

      if (km >= 0 && km <= near_km)
        {
          points->near = 5.0 + 15.0 * (1.0 - km / near_km);
          points->near_km = km;
        }
    }

  return points->overdue + points->falling + points->follow_ups + points->target_list +
         points->near;
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *ca = a;
  const Candidate *cb = b;

  if (ca->score != cb->score)
    return ca->score > cb->score ? -1 : 1;
  if (ca->days_overdue != cb->days_overdue)
    return ca->days_overdue > cb->days_overdue ? -1 : 1;

  return ca->index < cb->index ? -1 : ca->index > cb->index;
}

static int
compare_reasons (gconstpointer a,
                 gconstpointer b)
{
  const RpSuggestionReason *ra = *(RpSuggestionReason * const *) a;
  const RpSuggestionReason *rb = *(RpSuggestionReason * const *) b;

  if (ra->points != rb->points)
    return ra->points > rb->points ? -1 : 1;

  return (int) ra->kind - (int) rb->kind;
}

static char *
dup_weekday (const char *day)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *iso = g_strdup_printf ("%sT12:00:00Z", day);

  date = g_date_time_new_from_iso8601 (iso, NULL);
  if (date == NULL)
    return g_strdup (day);

  return g_date_time_format (date, "%A");
}

static GPtrArray *
explain (const RpPartnerPlanStats *stats,
         const Points             *points,
         const RpSuggestionParams *params,
         const char               *today,
         GHashTable               *list_names)
{
  GPtrArray *reasons = g_ptr_array_new_with_free_func ((GDestroyNotify) reason_free);
  const char *tier = rp_tier_to_label (stats->tier);

  if (points->overdue > 0)
    {
      char *text;

      if (points->days_since < 0)
        /* Translators: "Tier A: never visited, due every 14 days". */
        text = g_strdup_printf (_("Tier %s: never visited, due every %u days"),
                                tier, points->cadence);
      else
        /* Translators: "Tier A: last visit 23 days ago, due every 14 days". */
        text = g_strdup_printf (_("Tier %s: last visit %d days ago, due every %u days"),
                                tier, points->days_since, points->cadence);
      add_reason (reasons, RP_SUGGESTION_REASON_OVERDUE, points->overdue, text);
    }

  if (points->falling > 0)
    add_reason (reasons, RP_SUGGESTION_REASON_FALLING, points->falling,
                /* Translators: "Referrals fell from 9 to 3 (last 90 days)". */
                g_strdup_printf (_("Referrals fell from %u to %u (last %u days)"),
                                 stats->referrals_previous, stats->referrals_recent,
                                 params->trend_period_days > 0 ? params->trend_period_days
                                                               : DEFAULT_PERIOD_DAYS));

  if (points->follow_ups > 0)
    add_reason (reasons, RP_SUGGESTION_REASON_FOLLOW_UPS, points->follow_ups,
                g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open follow-up",
                                              "%u open follow-ups", stats->open_tasks),
                                 stats->open_tasks));

  if (points->target_list > 0)
    {
      const char *name = g_hash_table_lookup (list_names, &stats->target_list_id);

      add_reason (reasons, RP_SUGGESTION_REASON_TARGET_LIST, points->target_list,
                  /* Translators: "On target list “Spring ortho push”, never visited". */
                  g_strdup_printf (_("On target list “%s”, never visited"),
                                   name != NULL ? name : ""));
    }

  if (points->near > 0)
    {
      g_autofree char *distance = rp_distance_format (points->near_km, params->unit);
      g_autofree char *weekday = dup_weekday (params->day != NULL ? params->day : today);

      add_reason (reasons, RP_SUGGESTION_REASON_NEAR_PLANNED, points->near,
                  /* Translators: "1.2 mi from Tuesday’s visits". */
                  g_strdup_printf (_("%s from %s’s visits"), distance, weekday));
    }

  g_ptr_array_sort (reasons, compare_reasons);
  return reasons;
}

/* The worker connection ───────────────────────────────────────────────────────────────────── */

typedef struct
{
  gatomicrefcount  ref_count;
  GMutex           mutex;
  char            *path;
  RpStore         *idle;          /* the second connection, while no job holds it */
  guint            generation;    /* bumped by each change of the store */
  gboolean         failed;        /* a second connection could not be opened: read on the
                                   * calling thread from now on */
} Worker;

static Worker *
worker_ref (Worker *worker)
{
  g_atomic_ref_count_inc (&worker->ref_count);
  return worker;
}

static void
worker_unref (Worker *worker)
{
  if (!g_atomic_ref_count_dec (&worker->ref_count))
    return;

  g_clear_object (&worker->idle);
  g_mutex_clear (&worker->mutex);
  g_free (worker->path);
  g_free (worker);
}

static void
store_changed_cb (RpStore *store,
                  Worker  *worker)
{
  RpStore *retired;

  g_mutex_lock (&worker->mutex);
  worker->generation++;
  retired = g_steal_pointer (&worker->idle);
  g_mutex_unlock (&worker->mutex);

  /* No job holds it, so it may be closed on this thread. */
  g_clear_object (&retired);
}

/* The worker of @store, made on first use and freed with the store (jobs hold references). */
static Worker *
worker_get (RpStore *store)
{
  static const char * const signals[] = {
    "partners-changed", "records-changed", "visits-changed", "lists-changed", "practice-changed",
  };
  static GQuark quark;
  Worker *worker;

  if (quark == 0)
    quark = g_quark_from_static_string ("rp-visit-suggestions-worker");

  worker = g_object_get_qdata (G_OBJECT (store), quark);
  if (worker != NULL)
    return worker;

  worker = g_new0 (Worker, 1);
  g_atomic_ref_count_init (&worker->ref_count);
  g_mutex_init (&worker->mutex);
  worker->path = g_strdup (rp_store_get_path (store));
  g_object_set_qdata_full (G_OBJECT (store), quark, worker, (GDestroyNotify) worker_unref);

  /* The store's handlers go with it, before the qdata, so they never outlive the worker. */
  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    g_signal_connect (store, signals[i], G_CALLBACK (store_changed_cb), worker);

  return worker;
}

/* The idle connection, if there is one; the caller owns it until worker_give_back(). */
static RpStore *
worker_take (Worker *worker,
             guint  *generation)
{
  RpStore *reader;

  g_mutex_lock (&worker->mutex);
  reader = g_steal_pointer (&worker->idle);
  *generation = worker->generation;
  g_mutex_unlock (&worker->mutex);

  return reader;
}

/* Keeps @reader for the next job when nothing was written since @generation and no other
 * connection is kept; closes it otherwise. */
static void
worker_give_back (Worker  *worker,
                  RpStore *reader,
                  guint    generation)
{
  g_mutex_lock (&worker->mutex);
  if (generation == worker->generation && worker->idle == NULL)
    worker->idle = g_steal_pointer (&reader);
  g_mutex_unlock (&worker->mutex);

  g_clear_object (&reader);
}

/* One computation: @params points into the job's own copies. */
typedef struct
{
  Worker             *worker;
  RpSuggestionParams  params;
  char               *today;
  char               *day;
  GArray             *points;     /* RpGeoPoint */
  gboolean            no_reader;  /* the second connection could not be opened */
} Job;

static void
job_free (Job *job)
{
  g_clear_pointer (&job->worker, worker_unref);
  g_free (job->today);
  g_free (job->day);
  g_clear_pointer (&job->points, g_array_unref);
  g_free (job);
}

static Job *
job_new (Worker                   *worker,
         const RpSuggestionParams *params)
{
  Job *job = g_new0 (Job, 1);

  job->worker = worker_ref (worker);
  job->today = g_strdup (params->today);
  job->day = g_strdup (params->day);
  job->points = g_array_sized_new (FALSE, FALSE, sizeof (RpGeoPoint), params->n_planned_points);
  if (params->n_planned_points > 0)
    g_array_append_vals (job->points, params->planned_points, params->n_planned_points);

  job->params = *params;
  job->params.today = job->today;
  job->params.day = job->day;
  job->params.planned_points = (const RpGeoPoint *) (gpointer) job->points->data;

  return job;
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(RpStore) reader = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *suggestions;
  guint generation;
  gint64 start;

  reader = worker_take (job->worker, &generation);
  if (reader == NULL)
    {
      start = g_get_monotonic_time ();
      reader = rp_store_open (job->worker->path, &error);
      if (reader == NULL)
        {
          job->no_reader = TRUE;
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      g_debug ("Visit suggestions: second connection opened in %.1f ms",
               (g_get_monotonic_time () - start) / 1000.0);
    }

  if (g_task_return_error_if_cancelled (task))
    {
      worker_give_back (job->worker, g_steal_pointer (&reader), generation);
      return;
    }

  start = g_get_monotonic_time ();
  suggestions = rp_visit_suggestions_compute (reader, &job->params, &error);
  g_debug ("Visit suggestions: computed in %.1f ms on a worker thread",
           (g_get_monotonic_time () - start) / 1000.0);

  worker_give_back (job->worker, g_steal_pointer (&reader), generation);

  if (suggestions == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, suggestions, (GDestroyNotify) g_ptr_array_unref);
}

/* Computes on this thread with the store's own connection, and ends @task with the result. */
static void
compute_here (GTask                    *task,
              RpStore                  *store,
              const RpSuggestionParams *params)
{
  GError *error = NULL;
  GPtrArray *suggestions;

  if (g_task_return_error_if_cancelled (task))
    return;

  suggestions = rp_visit_suggestions_compute (store, params, &error);
  if (suggestions == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, suggestions, (GDestroyNotify) g_ptr_array_unref);
}

/* The worker thread's job is done: its result is the caller's, unless it could not open a
 * connection, in which case this thread computes (and every later call too). */
static void
thread_done_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Job *job = g_task_get_task_data (G_TASK (result));
  RpStore *store = g_task_get_source_object (task);
  GError *error = NULL;
  GPtrArray *suggestions;

  suggestions = g_task_propagate_pointer (G_TASK (result), &error);

  if (suggestions == NULL && job->no_reader)
    {
      g_debug ("Visit suggestions: computing on the calling thread: %s", error->message);
      g_clear_error (&error);

      g_mutex_lock (&job->worker->mutex);
      job->worker->failed = TRUE;
      g_mutex_unlock (&job->worker->mutex);

      compute_here (task, store, &job->params);
      return;
    }

  if (suggestions == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, suggestions, (GDestroyNotify) g_ptr_array_unref);
}

void
rp_suggestion_free (RpSuggestion *suggestion)
{
  if (suggestion == NULL)
    return;

  g_clear_object (&suggestion->partner);
  g_clear_pointer (&suggestion->reasons, g_ptr_array_unref);
  g_free (suggestion->last_visit_on);
  g_free (suggestion);
}

void
rp_suggestion_params_init (RpSuggestionParams *params)
{
  g_return_if_fail (params != NULL);

  memset (params, 0, sizeof *params);
  params->cadence_days[RP_TIER_A] = 14;
  params->cadence_days[RP_TIER_B] = 30;
  params->cadence_days[RP_TIER_C] = 90;
  params->trend_period_days = DEFAULT_PERIOD_DAYS;
  params->near_km = DEFAULT_NEAR_KM;
  params->unit = RP_DISTANCE_UNIT_MILES;
  params->limit = DEFAULT_LIMIT;
}

GPtrArray *
rp_visit_suggestions_compute (RpStore                  *store,
                              const RpSuggestionParams *params,
                              GError                  **error)
{
  g_autoptr(GArray) stats = NULL;
  g_autoptr(GArray) candidates = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) lists = NULL;
  g_autoptr(GHashTable) list_names = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autofree char *today = NULL;
  g_autofree char *monday = NULL;
  g_autofree char *sunday = NULL;
  double near_km;
  guint limit;
  guint period;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (params != NULL, NULL);
  g_return_val_if_fail (params->planned_points != NULL || params->n_planned_points == 0, NULL);

  if (params->today != NULL && *params->today != '\0')
    today = g_strdup (params->today);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      today = g_date_time_format (now, "%Y-%m-%d");
    }

  monday = rp_week_monday (params->day != NULL && *params->day != '\0' ? params->day : today);
  if (monday == NULL)
    {
      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID,
                   _("“%s” is not a date"), params->day != NULL ? params->day : today);
      return NULL;
    }
  {
    GDate date;

    parse_day (monday, &date);
    g_date_add_days (&date, 6);
    sunday = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date),
                              g_date_get_month (&date), g_date_get_day (&date));
  }

  near_km = params->near_km > 0 ? params->near_km : DEFAULT_NEAR_KM;
  limit = params->limit > 0 ? params->limit : DEFAULT_LIMIT;
  period = params->trend_period_days > 0 ? params->trend_period_days : DEFAULT_PERIOD_DAYS;

  stats = rp_store_query_plan_stats (store, today, period, monday, sunday, error);
  if (stats == NULL)
    return NULL;

  candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  for (guint i = 0; i < stats->len; i++)
    {
      const RpPartnerPlanStats *row = &g_array_index (stats, RpPartnerPlanStats, i);
      Candidate candidate = { i, 0, 0 };
      Points points;

      if (row->planned || row->status == RP_PARTNER_STATUS_DORMANT)
        continue;

      candidate.score = compute_points (row, params, today, near_km, &points);
      if (candidate.score <= 0)
        continue;

      if (points.days_since >= 0 && (guint) points.days_since > points.cadence)
        candidate.days_overdue = (guint) points.days_since - points.cadence;
      g_array_append_val (candidates, candidate);
    }

  g_array_sort (candidates, compare_candidates);
  if (candidates->len > limit)
    g_array_set_size (candidates, limit);

  lists = rp_store_list_target_lists (store, error);
  if (lists == NULL)
    return NULL;

  list_names = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < lists->len; i++)
    {
      RpTargetListInfo *info = g_ptr_array_index (lists, i);

      g_hash_table_insert (list_names, &info->id, info->name);
    }

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), candidates->len);
  for (guint i = 0; i < candidates->len; i++)
    {
      const Candidate *candidate = &g_array_index (candidates, Candidate, i);

      g_array_append_val (ids, g_array_index (stats, RpPartnerPlanStats,
                                              candidate->index).partner_id);
    }

  by_id = rp_store_load_partners_by_id (store, (const gint64 *) (gpointer) ids->data, ids->len,
                                        today, error);
  if (by_id == NULL)
    return NULL;

  suggestions = g_ptr_array_new_with_free_func ((GDestroyNotify) rp_suggestion_free);
  for (guint i = 0; i < candidates->len; i++)
    {
      const Candidate *candidate = &g_array_index (candidates, Candidate, i);
      const RpPartnerPlanStats *row = &g_array_index (stats, RpPartnerPlanStats,
                                                      candidate->index);
      RpPartner *partner = g_hash_table_lookup (by_id, &row->partner_id);
      RpSuggestion *suggestion;
      Points points;

      if (partner == NULL)
        continue;

      compute_points (row, params, today, near_km, &points);

      suggestion = g_new0 (RpSuggestion, 1);
      suggestion->partner = g_object_ref (partner);
      suggestion->score = candidate->score;
      suggestion->reasons = explain (row, &points, params, today, list_names);
      suggestion->last_visit_on = row->last_visit_on[0] != '\0' ?
                                  g_strdup (row->last_visit_on) : NULL;
      suggestion->days_overdue = candidate->days_overdue;
      g_ptr_array_add (suggestions, suggestion);
    }

  return g_steal_pointer (&suggestions);
}

void
rp_visit_suggestions_compute_async (RpStore                  *store,
                                    const RpSuggestionParams *params,
                                    GCancellable             *cancellable,
                                    GAsyncReadyCallback       callback,
                                    gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) thread_task = NULL;
  Worker *worker;
  gboolean failed;

  g_return_if_fail (RP_IS_STORE (store));
  g_return_if_fail (params != NULL);
  g_return_if_fail (params->planned_points != NULL || params->n_planned_points == 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, rp_visit_suggestions_compute_async);

  worker = worker_get (store);

  g_mutex_lock (&worker->mutex);
  failed = worker->failed;
  g_mutex_unlock (&worker->mutex);

  /* A second connection to a store in memory would open another, empty database. */
  if (failed || g_strcmp0 (worker->path, ":memory:") == 0)
    {
      compute_here (task, store, params);
      return;
    }

  thread_task = g_task_new (NULL, cancellable, thread_done_cb, g_object_ref (task));
  g_task_set_source_tag (thread_task, compute_thread);
  g_task_set_task_data (thread_task, job_new (worker, params), (GDestroyNotify) job_free);
  g_task_run_in_thread (thread_task, compute_thread);
}

GPtrArray *
rp_visit_suggestions_compute_finish (RpStore       *store,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        rp_visit_suggestions_compute_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
