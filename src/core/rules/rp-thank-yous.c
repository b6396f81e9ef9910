/* rp-thank-yous.c: the thank-you notes that are due, as a batch.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rp-follow-up-rules.h"
#include "rp-store-tasks.h"
#include "rp-thank-yous.h"

GArray *
rp_thank_yous_list_due (RpStore     *store,
                        const char  *today,
                        GError     **error)
{
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GArray *ids;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  tasks = rp_store_list_open_tasks (store, today, error);
  if (tasks == NULL)
    return NULL;

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < tasks->len; i++)
    {
      RpTask *task = g_ptr_array_index (tasks, i);
      gint64 partner_id = rp_task_get_partner_id (task);

      if (rp_task_get_kind (task) != RP_TASK_KIND_THANK_YOU || partner_id <= 0 ||
          g_hash_table_contains (seen, &partner_id))
        continue;

      g_hash_table_add (seen, g_memdup2 (&partner_id, sizeof partner_id));
      g_array_append_val (ids, partner_id);
    }

  return ids;
}

gboolean
rp_thank_yous_complete (RpStore       *store,
                        const gint64  *partner_ids,
                        guint          n_partners,
                        const char    *today,
                        GDateTime     *now,
                        guint         *n_done,
                        GError       **error)
{
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint done = 0;

  g_return_val_if_fail (RP_IS_STORE (store), FALSE);
  g_return_val_if_fail (partner_ids != NULL || n_partners == 0, FALSE);
  g_return_val_if_fail (today != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if (n_done != NULL)
    *n_done = 0;

  for (guint i = 0; i < n_partners; i++)
    g_hash_table_add (wanted, (gpointer) &partner_ids[i]);

  if (!rp_store_begin (store, error))
    return FALSE;

  tasks = rp_store_list_open_tasks (store, today, error);
  if (tasks == NULL)
    {
      rp_store_rollback (store);
      return FALSE;
    }

  for (guint i = 0; i < tasks->len; i++)
    {
      RpTask *task = g_ptr_array_index (tasks, i);
      gint64 partner_id = rp_task_get_partner_id (task);

      /* Completing one of a partner's thank-yous completes them all and logs the one note
       * (rp_rules_complete_task): once per partner. */
      if (rp_task_get_kind (task) != RP_TASK_KIND_THANK_YOU ||
          !g_hash_table_contains (wanted, &partner_id))
        continue;
      g_hash_table_remove (wanted, &partner_id);

      if (!rp_rules_complete_task (store, task, now, error))
        {
          rp_store_rollback (store);
          return FALSE;
        }
      done++;
    }

  if (!rp_store_commit (store, error))
    return FALSE;

  if (n_done != NULL)
    *n_done = done;

  return TRUE;
}
