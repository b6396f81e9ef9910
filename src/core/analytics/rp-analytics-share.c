/* rp-analytics-share.c: the counts per partner the figures share.
 *
 * The headline, the top referrers, the trends, the gifts and the outreach all count the
 * period's referrals per partner, and most the previous period's too. Between
 * rp_analytics_share_counts_begin() and _end() a thread keeps each count it reads, by file (or
 * store), range and filter; a second thread given the same share with
 * rp_analytics_share_counts_join() (the Analytics page's second worker, with its own connection
 * to the same file) finds them there, and waits for a count the other thread is reading rather
 * than reading the same rows again.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rp-analytics-private.h"

struct _RpAnalyticsShare
{
  gatomicrefcount  ref_count;
  GMutex           lock;
  GCond            ready;
  GHashTable      *counts;   /* key → Shared */
};

typedef struct
{
  GArray *counts;   /* NULL while a thread reads it */
} Shared;

static void
shared_free (Shared *shared)
{
  g_clear_pointer (&shared->counts, g_array_unref);
  g_free (shared);
}

static RpAnalyticsShare *
share_new (void)
{
  RpAnalyticsShare *share = g_new0 (RpAnalyticsShare, 1);

  g_atomic_ref_count_init (&share->ref_count);
  g_mutex_init (&share->lock);
  g_cond_init (&share->ready);
  share->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) shared_free);
  return share;
}

RpAnalyticsShare *
rp_analytics_share_ref (RpAnalyticsShare *share)
{
  g_return_val_if_fail (share != NULL, NULL);

  g_atomic_ref_count_inc (&share->ref_count);
  return share;
}

void
rp_analytics_share_unref (RpAnalyticsShare *share)
{
  if (share == NULL || !g_atomic_ref_count_dec (&share->ref_count))
    return;

  g_hash_table_unref (share->counts);
  g_cond_clear (&share->ready);
  g_mutex_clear (&share->lock);
  g_free (share);
}

static GPrivate current_share = G_PRIVATE_INIT ((GDestroyNotify) rp_analytics_share_unref);

void
rp_analytics_share_counts_begin (void)
{
  g_private_replace (&current_share, share_new ());
}

void
rp_analytics_share_counts_join (RpAnalyticsShare *share)
{
  g_return_if_fail (share != NULL);

  g_private_replace (&current_share, rp_analytics_share_ref (share));
}

RpAnalyticsShare *
rp_analytics_share_counts_get (void)
{
  return g_private_get (&current_share);
}

void
rp_analytics_share_counts_end (void)
{
  g_private_replace (&current_share, NULL);
}

/* Connections to one file share their counts (the store must not change meanwhile); a store in
 * memory is its own. */
static char *
counts_key (RpStore                 *store,
            const RpAnalyticsFilter *filter,
            const char              *first,
            const char              *last)
{
  const char *path = rp_store_get_path (store);
  g_autofree char *where = NULL;
  RpAnalyticsFilter any;

  if (filter == NULL)
    {
      rp_analytics_filter_init (&any);
      filter = &any;
    }

  if (path != NULL && *path != '\0' && strcmp (path, ":memory:") != 0)
    where = g_strdup (path);
  else
    where = g_strdup_printf ("%p", (gpointer) store);

  return g_strdup_printf ("%s|%s|%s|%d|%d|%s|%s|%" G_GINT64_FORMAT "|%d|%d|%" G_GINT64_FORMAT,
                          where, first != NULL ? first : "", last,
                          filter->any_tier, filter->any_tier ? 0 : (int) filter->tier,
                          filter->specialty_code != NULL ? filter->specialty_code : "",
                          filter->city != NULL ? filter->city : "", filter->target_list_id,
                          filter->any_direction,
                          filter->any_direction ? 0 : (int) filter->direction,
                          filter->partner_id);
}

GArray *
_rp_analytics_count_partners (RpStore                 *store,
                              const RpAnalyticsFilter *filter,
                              const char              *first,
                              const char              *last,
                              GError                 **error)
{
  GArray *counts = NULL;

  if (!_rp_analytics_count_partners_ranges (store, filter, 1, &first, &last, &counts, error))
    return NULL;
  return counts;
}

gboolean
_rp_analytics_count_partners_ranges (RpStore                 *store,
                                     const RpAnalyticsFilter *filter,
                                     guint                    n_ranges,
                                     const char * const      *firsts,
                                     const char * const      *lasts,
                                     GArray                 **counts,
                                     GError                 **error)
{
  RpAnalyticsShare *share = g_private_get (&current_share);
  const char *mine_firsts[RP_STORE_ANALYTICS_MAX_RANGES];
  const char *mine_lasts[RP_STORE_ANALYTICS_MAX_RANGES];
  GArray *mine_counts[RP_STORE_ANALYTICS_MAX_RANGES];
  char *keys[RP_STORE_ANALYTICS_MAX_RANGES] = { NULL };
  guint mine[RP_STORE_ANALYTICS_MAX_RANGES];
  guint n_mine = 0;
  gboolean read;

  g_return_val_if_fail (n_ranges > 0 && n_ranges <= RP_STORE_ANALYTICS_MAX_RANGES, FALSE);

  if (share == NULL)
    return rp_store_analytics_count_by_partner_ranges (store, filter, n_ranges, firsts, lasts,
                                                       counts, error);

  /* The counts nobody has read yet are this thread's to read (the others are taken once
   * ready: nobody changes a count array once made). */
  g_mutex_lock (&share->lock);
  for (guint i = 0; i < n_ranges; i++)
    {
      keys[i] = counts_key (store, filter, firsts[i], lasts[i]);
      counts[i] = NULL;
      if (g_hash_table_contains (share->counts, keys[i]))
        continue;
      g_hash_table_insert (share->counts, g_strdup (keys[i]), g_new0 (Shared, 1));
      mine_firsts[n_mine] = firsts[i];
      mine_lasts[n_mine] = lasts[i];
      mine[n_mine++] = i;
    }
  g_mutex_unlock (&share->lock);

  read = n_mine == 0 ||
         rp_store_analytics_count_by_partner_ranges (store, filter, n_mine, mine_firsts,
                                                     mine_lasts, mine_counts, error);

  g_mutex_lock (&share->lock);
  for (guint m = 0; m < n_mine; m++)
    {
      guint i = mine[m];

      /* On an error, the claim is given up: a thread waiting for it reads it itself. */
      if (!read)
        g_hash_table_remove (share->counts, keys[i]);
      else
        {
          Shared *shared = g_hash_table_lookup (share->counts, keys[i]);

          shared->counts = g_array_ref (mine_counts[m]);
          counts[i] = mine_counts[m];
        }
    }
  g_cond_broadcast (&share->ready);

  /* Those another thread reads: waited for (this thread's own are read already, so two threads
   * never wait for each other). */
  for (guint i = 0; read && i < n_ranges; i++)
    {
      Shared *shared = NULL;

      while (counts[i] == NULL &&
             (shared = g_hash_table_lookup (share->counts, keys[i])) != NULL &&
             shared->counts == NULL)
        g_cond_wait (&share->ready, &share->lock);
      if (counts[i] == NULL && shared != NULL)
        counts[i] = g_array_ref (shared->counts);
    }
  g_mutex_unlock (&share->lock);

  /* A count the other thread gave up on is read here. */
  for (guint i = 0; read && i < n_ranges; i++)
    if (counts[i] == NULL)
      read = rp_store_analytics_count_by_partner_ranges (store, filter, 1, &firsts[i], &lasts[i],
                                                         &counts[i], error);

  if (!read)
    for (guint i = 0; i < n_ranges; i++)
      g_clear_pointer (&counts[i], g_array_unref);
  for (guint i = 0; i < n_ranges; i++)
    g_free (keys[i]);
  return read;
}

gboolean
_rp_analytics_count_period (RpStore                 *store,
                            const RpAnalyticsFilter *filter,
                            const char              *first,
                            const char              *last,
                            const char              *previous_first,
                            const char              *previous_last,
                            GArray                 **current,
                            GArray                 **previous,
                            GError                 **error)
{
  const char *firsts[] = { first, previous_first };
  const char *lasts[] = { last, previous_last };
  GArray *counts[G_N_ELEMENTS (firsts)];

  if (!_rp_analytics_count_partners_ranges (store, filter, G_N_ELEMENTS (firsts), firsts, lasts,
                                            counts, error))
    return FALSE;
  *current = counts[0];
  *previous = counts[1];
  return TRUE;
}
