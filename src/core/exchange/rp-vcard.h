/* rp-vcard.h: partners as vCards, through libebook-contacts' EVCard.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rp-partner-import.h"
#include "rp-store.h"

G_BEGIN_DECLS

/* Writes the partners @ids (all, current then archived, when NULL) to @file as vCard 4.0, one
 * card each, replacing it atomically: UID urn:uuid:<the partner's UUID>, FN, N (with prefix and
 * credentials), KIND:org for an organisation, ORG, TITLE (the specialty), ADR with GEO when the
 * partner is placed, TEL by type (work voice, work fax), EMAIL, NOTE, X-RAPPORT-NPI and
 * X-RAPPORT-TIER. */
gboolean          rp_vcard_export_partners  (RpStore       *store,
                                             const gint64  *ids,
                                             guint          n_ids,
                                             GFile         *file,
                                             guint         *n_written,
                                             GCancellable  *cancellable,
                                             GError       **error);
/* An import of the cards of @file (vCard 2.1, 3.0 or 4.0; several cards, folded lines,
 * quoted-printable values and CHARSET parameters as older exports write them), parsed by
 * EVCard and then planned and applied like a CSV import; problems and provenance give the line
 * each card starts on. */
RpPartnerImport  *rp_vcard_import_new       (GFile         *file,
                                             GCancellable  *cancellable,
                                             GError       **error);

G_END_DECLS
