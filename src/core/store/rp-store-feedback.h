/* rp-store-feedback.h: feedback from partner offices, and the follow-up a low score calls for.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rp-feedback.h"
#include "rp-store.h"

G_BEGIN_DECLS

/* Stores @feedback (its partner, a real day, a score 0–10) in one transaction; for a score of 6
 * or lower, a follow-up task for the partner, due the next day, in the same transaction. Sets
 * the feedback's id, uuid, task id and created-at. */
gboolean    rp_store_insert_feedback       (RpStore     *self,
                                            RpFeedback  *feedback,
                                            GError     **error);
/* Stores @feedback as it was given, making no follow-up task: imports and the sample network,
 * whose old scores were followed up long ago. */
gboolean    rp_store_import_feedback       (RpStore     *self,
                                            RpFeedback  *feedback,
                                            GError     **error);
RpFeedback *rp_store_get_feedback          (RpStore     *self,
                                            gint64       id,
                                            GError     **error);
/* The partner's feedback, newest first (GPtrArray of RpFeedback). */
GPtrArray  *rp_store_list_partner_feedback (RpStore     *self,
                                            gint64       partner_id,
                                            GError     **error);
/* Deletes the feedback; its follow-up task, when still open, goes with it. */
gboolean    rp_store_delete_feedback       (RpStore     *self,
                                            gint64       id,
                                            GError     **error);

G_END_DECLS
