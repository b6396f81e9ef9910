/* rp-sync-merge.h: the field-by-field three-way merge of team sync.
 *
 * A partner or a visit is compared as a table of fields (name → text). Against the base (the
 * copy last agreed with the server), a field changed on one side only takes that side's value;
 * changed on both sides to different values, the later change wins and the other value is
 * reported as lost, for the partner's history.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rp-types.h"

G_BEGIN_DECLS

/* A field both sides changed: the value kept and the value lost. */
typedef struct
{
  char *field;
  char *kept;
  char *lost;
} RpSyncConflict;

void        rp_sync_conflict_free  (RpSyncConflict *conflict);

/* The partner's synced fields (everything the team card carries). */
GHashTable *rp_sync_partner_fields (RpPartner      *partner);
/* Sets the partner's synced fields from @fields (as rp_sync_partner_fields gives them). */
void        rp_sync_partner_apply  (RpPartner      *partner,
                                    GHashTable     *fields);

/* Merges @local and @remote against @base (NULL when there is none: two copies made apart, as
 * when two liaisons add the same physician; then a field empty on one side takes the other's).
 * @local_is_later says which side changed last. Conflicts are added to @conflicts (of
 * RpSyncConflict) when it is not NULL. Returns the merged table. */
GHashTable *rp_sync_merge          (GHashTable     *base,
                                    GHashTable     *local,
                                    GHashTable     *remote,
                                    gboolean        local_is_later,
                                    GPtrArray      *conflicts);
/* Whether two tables hold the same values. */
gboolean    rp_sync_fields_equal   (GHashTable     *a,
                                    GHashTable     *b);

G_END_DECLS
