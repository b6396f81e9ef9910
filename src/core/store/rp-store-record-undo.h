/* rp-store-record-undo.h: taking back a referral or activity import (the SQL of
 * rp_record_import_undo).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rp-store.h"

G_BEGIN_DECLS

/* Partner @partner_id's last contact (partner.last_contact_at, which activities move), or NULL in
 * @at when it has none. */
gboolean    rp_store_get_last_contact       (RpStore       *self,
                                             gint64         partner_id,
                                             char         **at,
                                             GError       **error);
/* Deletes the referrals (@referrals TRUE) or activities whose id is @ids[i] and whose UUID is
 * still @uuids[i], with what hangs on them (transitions, tasks, partners present); @n_removed
 * counts them. Call inside a transaction. */
gboolean    rp_store_delete_imported        (RpStore       *self,
                                             gboolean       referrals,
                                             const gint64  *ids,
                                             const char * const *uuids,
                                             guint          n,
                                             guint         *n_removed,
                                             GError       **error);
/* Puts back partner @partner_id's last contact @at (not NULL) unless a later one is there. */
gboolean    rp_store_restore_last_contact   (RpStore       *self,
                                             gint64         partner_id,
                                             const char    *at,
                                             GError       **error);

G_END_DECLS
