/* rp-store-partners.h: partners in the database: reading, writing, searching, listing.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rp-partner-filter.h"
#include "rp-partner.h"
#include "rp-store.h"

G_BEGIN_DECLS

/* One row of the specialty filter: a NUCC code, its label, how many partners have it. */
typedef struct
{
  char  *code;
  char  *label;
  guint  count;
} RpSpecialtyCount;

void        rp_specialty_count_free       (RpSpecialtyCount      *count);

guint       rp_store_count_partners       (RpStore               *self,
                                           gboolean               archived);
RpPartner  *rp_store_get_partner          (RpStore               *self,
                                           gint64                 id,
                                           GError               **error);
RpPartner  *rp_store_find_partner_by_npi  (RpStore               *self,
                                           const char            *npi,
                                           GError               **error);
RpPartner  *rp_store_find_partner_by_uuid (RpStore               *self,
                                           const char            *uuid,
                                           GError               **error);
/* Sets the partner's id, uuid (when empty), created-at and updated-at. */
gboolean    rp_store_insert_partner       (RpStore               *self,
                                           RpPartner             *partner,
                                           GError               **error);
/* Inserts @partners (RpPartner, none stored yet) as rp_store_insert_partner does each, in one
 * transaction and with many rows a statement: what an import of thousands writes. */
gboolean    rp_store_insert_partners      (RpStore               *self,
                                           GPtrArray             *partners,
                                           GError               **error);
gboolean    rp_store_update_partner       (RpStore               *self,
                                           RpPartner             *partner,
                                           GError               **error);
gboolean    rp_store_set_partner_archived (RpStore               *self,
                                           gint64                 id,
                                           gboolean               archived,
                                           GError               **error);
/* Deletes a partner and everything that concerns only them (referrals, tasks, visits). */
gboolean    rp_store_delete_partner       (RpStore               *self,
                                           gint64                 id,
                                           GError               **error);
/* The ids of the partners @filter selects, in its order. */
GArray     *rp_store_query_partner_ids    (RpStore               *self,
                                           const RpPartnerFilter *filter,
                                           GError               **error);
/* The ids of the partners whose text matches @search (FTS5 prefix match on every word), in no
 * particular order, archived or not; NULL with no error when @search holds no word. Lists
 * intersect it with their filtered, sorted ids, which is far cheaper than sorting the matches. */
GArray     *rp_store_match_partner_ids    (RpStore               *self,
                                           const char            *search,
                                           GError               **error);
/* As rp_store_match_partner_ids, into @ids (gint64, emptied first; its memory is reused);
 * @searched (may be NULL) tells whether @search held a word. FALSE with @error set on failure. */
gboolean    rp_store_match_partner_ids_into (RpStore             *self,
                                             const char          *search,
                                             GArray              *ids,
                                             gboolean            *searched,
                                             GError             **error);
/* The partners of @ids in that order, with their list stats filled (ids that vanished are
 * skipped). */
GPtrArray  *rp_store_load_partners        (RpStore               *self,
                                           const gint64          *ids,
                                           guint                  n_ids,
                                           const char            *today,
                                           GError               **error);
/* The same partners by id: a table from each one's id (gint64 *) to it, owning both. For the
 * rules that rank partners by statistics first and then load only the best few. */
GHashTable *rp_store_load_partners_by_id  (RpStore               *self,
                                           const gint64          *ids,
                                           guint                  n_ids,
                                           const char            *today,
                                           GError               **error);
/* The specialties in use among current partners, by label (a GPtrArray of RpSpecialtyCount). */
GPtrArray  *rp_store_list_specialties     (RpStore               *self,
                                           GError               **error);

G_END_DECLS
