/* rp-store-exchange.h: what the CSV import of referrals and activities and the CSV export of
 * referrals, activities and tasks read: look-ups by UUID and every row as text.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rp-store.h"

G_BEGIN_DECLS

/* The id of the row of @table ("referral", "activity" or "task") with @uuid in *@id, 0 when there
 * is none. */
gboolean    rp_store_find_by_uuid       (RpStore            *self,
                                         const char         *table,
                                         const char         *uuid,
                                         gint64             *id,
                                         GError            **error);

typedef enum
{
  RP_STORE_EXPORT_REFERRALS,
  RP_STORE_EXPORT_ACTIVITIES,
  RP_STORE_EXPORT_TASKS,
} RpStoreExportWhat;

/* Referrals: uuid, partner uuid, partner NPI, partner name, direction, referred on, status,
 *   status reason, reason, service line, urgency, notes, outcome (nicks as stored).
 * Activities: uuid, partner uuids (";"-separated), partner NPIs, partner names (" ; "),
 *   kind, occurred at, contact person, summary, materials, cost in cents, follow-up (0 or 1).
 * Tasks: uuid, kind, title, notes, partner uuid, partner name, referral uuid, due on, due time,
 *   done at.
 * Oldest first (by id); the strings live until @func returns; never a patient identifier. */
#define RP_STORE_EXPORT_MAX_COLUMNS 16

typedef gboolean (*RpStoreExportRowFunc) (gint64              id,
                                          const char * const *values,
                                          guint               n_values,
                                          gpointer            user_data,
                                          GError            **error);

gboolean    rp_store_foreach_exported   (RpStore            *self,
                                         RpStoreExportWhat   what,
                                         RpStoreExportRowFunc func,
                                         gpointer            user_data,
                                         GError            **error);

/* How many rows rp_store_foreach_exported() would pass for @what (a progress bar's total). */
gboolean    rp_store_count_exported     (RpStore            *self,
                                         RpStoreExportWhat   what,
                                         guint              *n_rows,
                                         GError            **error);

G_END_DECLS
