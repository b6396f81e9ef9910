/* rp-thank-yous.h: the thank-you notes that are due, as a batch: who gets a letter, and marking
 * them all done once the letters are printed or saved.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rp-store.h"

G_BEGIN_DECLS

/* The partners (ids, each once, in due order) with an open thank-you task due on or before
 * @today (YYYY-MM-DD): the ones a letter is owed now, not those due later. */
GArray   *rp_thank_yous_list_due (RpStore       *store,
                                  const char    *today,
                                  GError       **error);

/* Marks done, at @now, every open thank-you task of the @n_partners partners of @partner_ids
 * due on or before @today, each as its Done on the Follow-ups page does (the thank-you note is
 * logged), all in one transaction: on an error none is. @n_done (may be NULL) tells for how many
 * partners. */
gboolean  rp_thank_yous_complete (RpStore       *store,
                                  const gint64  *partner_ids,
                                  guint          n_partners,
                                  const char    *today,
                                  GDateTime     *now,
                                  guint         *n_done,
                                  GError       **error);

G_END_DECLS
