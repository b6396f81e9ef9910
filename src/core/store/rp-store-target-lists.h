/* rp-store-target-lists.h: target lists, named and ordered sets of partners.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rp-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  char   *uuid;
  char   *name;
  guint   n_members;
  char   *created_at;
} RpTargetListInfo;

void       rp_target_list_info_free     (RpTargetListInfo *info);
/* By name (GPtrArray of RpTargetListInfo). */
GPtrArray *rp_store_list_target_lists   (RpStore          *self,
                                         GError          **error);
/* Saves a new list with these members in this order; returns its id (0 on error). Emits
 * "lists-changed". */
gint64     rp_store_create_target_list  (RpStore          *self,
                                         const char       *name,
                                         const gint64     *partner_ids,
                                         guint             n_partner_ids,
                                         GError          **error);
/* Appends these partners to the end of the list, in this order, leaving out those on it
 * already; one transaction. Emits "lists-changed". */
gboolean   rp_store_add_target_list_members (RpStore      *self,
                                             gint64        list_id,
                                             const gint64 *partner_ids,
                                             guint         n_partner_ids,
                                             GError      **error);
gboolean   rp_store_rename_target_list  (RpStore          *self,
                                         gint64            list_id,
                                         const char       *name,
                                         GError          **error);
gboolean   rp_store_delete_target_list  (RpStore          *self,
                                         gint64            list_id,
                                         GError          **error);
/* The members' partner ids in list order. */
GArray    *rp_store_list_target_members (RpStore          *self,
                                         gint64            list_id,
                                         GError          **error);

G_END_DECLS
