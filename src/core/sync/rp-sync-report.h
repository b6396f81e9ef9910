/* rp-sync-report.h: what one sync did.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RP_TYPE_SYNC_REPORT (rp_sync_report_get_type ())
G_DECLARE_FINAL_TYPE (RpSyncReport, rp_sync_report, RP, SYNC_REPORT, GObject)

/* Counts of partners and visits: "sent" (created or updated on the server), "received" (created
 * or updated here from the server), "deleted" (removed on either side by the other), "merged"
 * (changed on both sides and merged field by field). Notices are sentences for the liaison
 * ("Dr. Lee was deleted on the server but edited here: kept and sent again."). */
RpSyncReport  *rp_sync_report_new            (void);
guint          rp_sync_report_get_sent       (RpSyncReport *self);
guint          rp_sync_report_get_received   (RpSyncReport *self);
guint          rp_sync_report_get_deleted    (RpSyncReport *self);
guint          rp_sync_report_get_merged     (RpSyncReport *self);
/* The notices, NULL-terminated (never NULL itself). */
const char * const *rp_sync_report_get_notices (RpSyncReport *self);

void           rp_sync_report_add_sent       (RpSyncReport *self,
                                              guint         n);
void           rp_sync_report_add_received   (RpSyncReport *self,
                                              guint         n);
void           rp_sync_report_add_deleted    (RpSyncReport *self,
                                              guint         n);
void           rp_sync_report_add_merged     (RpSyncReport *self,
                                              guint         n);
void           rp_sync_report_add_notice     (RpSyncReport *self,
                                              const char   *notice);

G_END_DECLS
