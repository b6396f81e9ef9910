/* rp-analytics-dashboard.c: the Analytics page's figures, computed together off the main
 * thread.
 *
 * A job runs on two worker threads, each with its own read-only connection (WAL lets them read
 * while the window's connection writes; kept in a pool between jobs, used by one thread at a
 * time): one computes the referrers' figures and the gifts, the other the loop's, the outreach's
 * and the months' chart, at once on two cores, about as long each. They share the counts per partner
 * (rp-analytics-share.c), each read once. The headline reuses the funnel, outcomes and feedback
 * computed for their charts.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rp-analytics-dashboard.h"

void
rp_analytics_dashboard_free (RpAnalyticsDashboard *dashboard)
{
  if (dashboard == NULL)
    return;

  rp_analytics_filter_clear (&dashboard->filter);
  g_clear_pointer (&dashboard->monthly, rp_monthly_figure_free);
  g_clear_pointer (&dashboard->top, g_ptr_array_unref);
  for (guint t = 0; t < RP_REFERRER_N_TRENDS; t++)
    g_clear_pointer (&dashboard->trends[t], g_ptr_array_unref);
  g_clear_pointer (&dashboard->outcomes, rp_outcome_figure_free);
  g_clear_pointer (&dashboard->feedback, rp_feedback_figure_free);
  g_clear_pointer (&dashboard->feedback_months, rp_feedback_figure_free);
  g_clear_pointer (&dashboard->outreach, rp_outreach_figure_free);
  g_clear_pointer (&dashboard->gifts, g_ptr_array_unref);
  g_clear_pointer (&dashboard->specialties, g_ptr_array_unref);
  g_clear_pointer (&dashboard->cities, g_ptr_array_unref);
  g_clear_pointer (&dashboard->lists, g_ptr_array_unref);
  g_free (dashboard);
}

static RpAnalyticsDashboard *
dashboard_new (const RpPeriod          *period,
               const RpPeriod          *span,
               const RpAnalyticsFilter *filter,
               RpAnalyticsGroup         group)
{
  RpAnalyticsDashboard *dashboard = g_new0 (RpAnalyticsDashboard, 1);

  dashboard->period = *period;
  dashboard->span = *span;
  if (filter != NULL)
    rp_analytics_filter_copy (&dashboard->filter, filter);
  else
    rp_analytics_filter_init (&dashboard->filter);
  dashboard->group = group;
  return dashboard;
}

/* Each figure's time goes to the debug log (G_MESSAGES_DEBUG=Rapport). */
#define STEP(expr) \
  G_STMT_START { \
    if (g_cancellable_set_error_if_cancelled (cancellable, error) || !(expr)) \
      return FALSE; \
    g_debug ("Analytics: %s in %.1f ms", #expr, (g_get_monotonic_time () - start) / 1000.0); \
    start = g_get_monotonic_time (); \
  } G_STMT_END

/* Whether @store has any referral (dashboard->empty: the figures are then not computed). */
static gboolean
check_empty (RpAnalyticsDashboard *dashboard,
             RpStore              *store,
             GError              **error)
{
  GError *local_error = NULL;

  dashboard->empty = !rp_store_analytics_has_referrals (store, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

/* The figures of who refers, and the gifts: the trends first, which read the counts per partner
 * of the period, the previous period and the lapse windows in one pass that the others (the
 * gifts' referrals per partner too) then share. */
static gboolean
fill_referrers (RpAnalyticsDashboard *dashboard,
                RpStore              *store,
                GCancellable         *cancellable,
                GError              **error)
{
  const RpPeriod *period = &dashboard->period;
  const RpAnalyticsFilter *filter = &dashboard->filter;
  gint64 start = g_get_monotonic_time ();

  STEP (rp_analytics_referrer_trends (store, period, filter, dashboard->trends, error));
  STEP ((dashboard->top = rp_analytics_top_referrers (store, period, filter, error)) != NULL);
  STEP ((dashboard->gifts = rp_analytics_gifts (store, period, filter, NULL, error)) != NULL);
  return TRUE;
}

/* The figures of how the loop closes and what the outreach does (schema 17's visits: none of the
 * counts per partner the referrers' figures share), then the referrals per month (the trends on
 * the other thread take longest). */
static gboolean
fill_loop (RpAnalyticsDashboard *dashboard,
           RpStore              *store,
           GCancellable         *cancellable,
           GError              **error)
{
  const RpPeriod *period = &dashboard->period;
  const RpAnalyticsFilter *filter = &dashboard->filter;
  gint64 start = g_get_monotonic_time ();

  STEP (rp_analytics_funnel (store, period, filter, NULL, &dashboard->funnel, error));
  STEP ((dashboard->outcomes = rp_analytics_outcomes (store, period, filter, error)) != NULL);
  STEP ((dashboard->feedback = rp_analytics_feedback (store, period, filter, error)) != NULL);
  STEP ((dashboard->feedback_months = rp_analytics_feedback (store, &dashboard->span, filter,
                                                             error)) != NULL);
  STEP (rp_store_analytics_filter_options (store, &dashboard->specialties, &dashboard->cities,
                                           &dashboard->lists, error));
  STEP ((dashboard->outreach = rp_analytics_outreach (store, period, filter, NULL, NULL,
                                                      error)) != NULL);
  STEP ((dashboard->monthly = rp_analytics_monthly (store, &dashboard->span, filter,
                                                    dashboard->group, error)) != NULL);
  return TRUE;
}

/* The headline, from the counts shared and the funnel, outcomes and feedback computed. */
static gboolean
fill_headline (RpAnalyticsDashboard *dashboard,
               RpStore              *store,
               GCancellable         *cancellable,
               GError              **error)
{
  gint64 start = g_get_monotonic_time ();

  STEP (rp_analytics_headline_with (store, &dashboard->period, &dashboard->filter,
                                    &dashboard->funnel, dashboard->outcomes,
                                    dashboard->feedback, &dashboard->headline, error));
  return TRUE;
}

#undef STEP

/* Fills @dashboard from @store, one figure after another; FALSE when a figure failed or
 * @cancellable was cancelled. */
static gboolean
fill (RpAnalyticsDashboard *dashboard,
      RpStore              *store,
      GCancellable         *cancellable,
      GError              **error)
{
  gboolean done;

  rp_analytics_share_counts_begin ();
  done = check_empty (dashboard, store, error) &&
         (dashboard->empty ||
          (fill_referrers (dashboard, store, cancellable, error) &&
           fill_loop (dashboard, store, cancellable, error) &&
           fill_headline (dashboard, store, cancellable, error)));
  rp_analytics_share_counts_end ();
  return done;
}

RpAnalyticsDashboard *
rp_analytics_dashboard_compute (RpStore                 *store,
                                const RpPeriod          *period,
                                const RpPeriod          *span,
                                const RpAnalyticsFilter *filter,
                                RpAnalyticsGroup         group,
                                GError                 **error)
{
  g_autoptr(RpAnalyticsDashboard) dashboard = NULL;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (period != NULL && span != NULL, NULL);

  dashboard = dashboard_new (period, span, filter, group);
  if (!fill (dashboard, store, NULL, error))
    return NULL;

  return g_steal_pointer (&dashboard);
}

/* The read-only connections of a store's computations, kept between them: opening one reads and
 * parses the whole schema (its ~60 triggers), about 8 ms on the bench database, on both workers'
 * way to their first figure; the page computes again at every change of period or filter. A
 * connection is used by one thread at a time, taken from and given back to the pool under its
 * lock. The store holds the pool (closed with it: a database restored from a backup is another
 * store), and each job a reference: its task may drop the store before the job's data. */
typedef struct
{
  GMutex     lock;
  char      *path;
  GPtrArray *idle;   /* RpStore, read-only */
} ReaderPool;

/* Connections kept idle: one per worker. */
#define POOL_MAX_IDLE 2
#define POOL_KEY "rp-analytics-reader-pool"

static void
reader_pool_clear (ReaderPool *pool)
{
  g_mutex_clear (&pool->lock);
  g_free (pool->path);
  g_ptr_array_unref (pool->idle);
}

static ReaderPool *
reader_pool_ref (ReaderPool *pool)
{
  return g_atomic_rc_box_acquire (pool);
}

static void
reader_pool_unref (ReaderPool *pool)
{
  g_atomic_rc_box_release_full (pool, (GDestroyNotify) reader_pool_clear);
}

/* @store's pool, made at its first computation (on the thread that owns @store). */
static ReaderPool *
reader_pool_get (RpStore    *store,
                 const char *path)
{
  ReaderPool *pool = g_object_get_data (G_OBJECT (store), POOL_KEY);

  if (pool == NULL)
    {
      pool = g_atomic_rc_box_new0 (ReaderPool);
      g_mutex_init (&pool->lock);
      pool->path = g_strdup (path);
      pool->idle = g_ptr_array_new_with_free_func (g_object_unref);
      g_object_set_data_full (G_OBJECT (store), POOL_KEY, pool,
                              (GDestroyNotify) reader_pool_unref);
    }
  return pool;
}

/* A read-only connection of the worker's own to the pool's database: an idle one, or a new
 * one; NULL on error. */
static RpStore *
reader_pool_take (ReaderPool *pool,
                  GError    **error)
{
  gint64 start = g_get_monotonic_time ();
  RpStore *reader = NULL;

  g_mutex_lock (&pool->lock);
  if (pool->idle->len > 0)
    reader = g_ptr_array_steal_index_fast (pool->idle, pool->idle->len - 1);
  g_mutex_unlock (&pool->lock);
  if (reader != NULL)
    return reader;

  reader = rp_store_open_full (pool->path, RP_STORE_OPEN_READ_ONLY, error);
  if (reader != NULL)
    rp_store_analytics_prepare_reader (reader);
  g_debug ("Analytics: a read-only connection opened in %.1f ms",
           (g_get_monotonic_time () - start) / 1000.0);
  return reader;
}

/* Gives @reader (NULL: none) back to the pool, or closes it when the pool has enough. */
static void
reader_pool_give (ReaderPool *pool,
                  RpStore    *reader)
{
  if (reader == NULL)
    return;

  g_mutex_lock (&pool->lock);
  if (pool->idle->len < POOL_MAX_IDLE)
    g_ptr_array_add (pool->idle, g_steal_pointer (&reader));
  g_mutex_unlock (&pool->lock);
  g_clear_object (&reader);
}

typedef struct
{
  ReaderPool           *pool;
  RpAnalyticsDashboard *dashboard;
} Job;

static void
job_free (Job *job)
{
  g_clear_pointer (&job->pool, reader_pool_unref);
  rp_analytics_dashboard_free (job->dashboard);
  g_free (job);
}

/* The second worker: the loop's figures, on a connection of its own, sharing the counts of the
 * first. */
typedef struct
{
  ReaderPool           *pool;
  RpAnalyticsDashboard *dashboard;   /* its fields of fill_loop() only */
  GCancellable         *cancellable;
  RpAnalyticsShare     *share;
  GError               *error;
} LoopWorker;

static gpointer
loop_thread (gpointer data)
{
  LoopWorker *worker = data;
  RpStore *reader;
  gint64 start = g_get_monotonic_time ();
  gboolean empty;

  rp_analytics_share_counts_join (worker->share);
  reader = reader_pool_take (worker->pool, &worker->error);
  if (reader != NULL)
    {
      /* The first worker says whether it is empty; this one checks too, to not compute for
       * nothing. */
      empty = !rp_store_analytics_has_referrals (reader, &worker->error);
      if (worker->error == NULL && !empty)
        fill_loop (worker->dashboard, reader, worker->cancellable, &worker->error);
    }
  reader_pool_give (worker->pool, reader);
  rp_analytics_share_counts_end ();
  g_debug ("Analytics: the second worker's figures in %.1f ms",
           (g_get_monotonic_time () - start) / 1000.0);
  return NULL;
}

/* Both workers: this thread the referrers' figures, a second one the loop's, each with its own
 * read-only connection (two cores read at once), then the headline from both. */
static gboolean
fill_two_workers (RpAnalyticsDashboard *dashboard,
                  ReaderPool           *pool,
                  GCancellable         *cancellable,
                  GError              **error)
{
  RpStore *reader;
  LoopWorker worker = { pool, dashboard, cancellable, NULL, NULL };
  GThread *thread;
  gboolean done;

  rp_analytics_share_counts_begin ();
  worker.share = rp_analytics_share_ref (rp_analytics_share_counts_get ());
  thread = g_thread_try_new ("rapport-analytics", loop_thread, &worker, NULL);

  reader = reader_pool_take (pool, error);
  done = reader != NULL && check_empty (dashboard, reader, error) &&
         (dashboard->empty || fill_referrers (dashboard, reader, cancellable, error));

  if (thread != NULL)
    g_thread_join (thread);
  rp_analytics_share_unref (worker.share);

  if (done && !dashboard->empty)
    {
      if (worker.error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&worker.error));
          done = FALSE;
        }
      /* Without a second thread (or when its connection found no referral, deleted in
       * between), this one computes its figures too. */
      else if (thread == NULL || dashboard->outcomes == NULL)
        done = fill_loop (dashboard, reader, cancellable, error);
      done = done && fill_headline (dashboard, reader, cancellable, error);
    }
  g_clear_error (&worker.error);
  rp_analytics_share_counts_end ();
  reader_pool_give (pool, reader);
  return done;
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  if (!fill_two_workers (job->dashboard, job->pool, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_debug ("Analytics: figures computed in %.1f ms on two worker threads",
           (g_get_monotonic_time () - start) / 1000.0);
  g_task_return_pointer (task, g_steal_pointer (&job->dashboard),
                         (GDestroyNotify) rp_analytics_dashboard_free);
}

void
rp_analytics_dashboard_compute_async (RpStore                 *store,
                                      const RpPeriod          *period,
                                      const RpPeriod          *span,
                                      const RpAnalyticsFilter *filter,
                                      RpAnalyticsGroup         group,
                                      GCancellable            *cancellable,
                                      GAsyncReadyCallback      callback,
                                      gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  const char *path;
  Job *job;

  g_return_if_fail (RP_IS_STORE (store));
  g_return_if_fail (period != NULL && span != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, rp_analytics_dashboard_compute_async);
  g_task_set_return_on_cancel (task, FALSE);

  job = g_new0 (Job, 1);
  job->dashboard = dashboard_new (period, span, filter, group);
  path = rp_store_get_path (store);

  /* A second connection to a store in memory would open another, empty database. */
  if (path == NULL || g_strcmp0 (path, ":memory:") == 0)
    {
      GError *error = NULL;

      if (fill (job->dashboard, store, cancellable, &error))
        g_task_return_pointer (task, g_steal_pointer (&job->dashboard),
                               (GDestroyNotify) rp_analytics_dashboard_free);
      else
        g_task_return_error (task, error);
      job_free (job);
      return;
    }

  job->pool = reader_pool_ref (reader_pool_get (store, path));
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, compute_thread);
}

RpAnalyticsDashboard *
rp_analytics_dashboard_compute_finish (RpStore       *store,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        rp_analytics_dashboard_compute_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
