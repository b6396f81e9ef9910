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

/* The partner as a card of the team's address book: the export's card (UID urn:uuid:<UUID>,
 * FN, N, KIND, ORG, TITLE, ADR;GEO=, TEL, EMAIL, NOTE, X-RAPPORT-NPI, X-RAPPORT-TIER) with REV
 * and X-RAPPORT-SPECIALTY-CODE, -STATUS, -CADENCE, -TAGS, -OFFICE-CONTACT, -BEST-TIME,
 * -INFLUENCE, -VOLUME and -ARCHIVED. Every property of @base (the server's copy, or NULL) that
 * Rapport does not write, another client's, is kept. */
char             *rp_vcard_partner_to_card  (RpPartner     *partner,
                                             const char    *base);
/* The partner a card describes (no id: the caller matches it by UUID or NPI); REV becomes its
 * updated-at. Read leniently: coordinates cut or written with either separator, a card without
 * N named by FN. G_IO_ERROR_INVALID_DATA for a card without UID or name. */
RpPartner        *rp_vcard_card_to_partner  (const char    *card,
                                             GError       **error);

G_END_DECLS
