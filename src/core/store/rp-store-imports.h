/* rp-store-imports.h: what imports keep in the database: where each partner came from, the
 * import batches (for Undo) and the saved column mappings.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rp-store.h"

G_BEGIN_DECLS

/* The columns of a partner that tell duplicates apart, as stored ("" when empty). */
typedef struct
{
  gint64      id;
  const char *uuid;
  const char *npi;
  const char *first_name;
  const char *last_name;
  const char *organization;
  const char *street;
  const char *zip;
  const char *phone;
} RpPartnerKeys;

typedef void (*RpPartnerKeysFunc) (const RpPartnerKeys *keys,
                                   gpointer             user_data);

/* Calls @func for every partner, archived or not (the strings live until @func returns). */
gboolean    rp_store_foreach_partner_keys   (RpStore            *self,
                                             RpPartnerKeysFunc   func,
                                             gpointer            user_data,
                                             GError            **error);

/* A string that changes whenever anything is written to the database, through @self or another
 * connection: what was read under one stamp is still true while the stamp is the same. */
char       *rp_store_dup_write_stamp        (RpStore            *self,
                                             GError            **error);

/* Writing an import: one transaction in which the partners' search and map indexes and team
 * sync's queue are not kept row by row (their insert triggers are dropped) but filled once, for
 * the new rows only, at the end, with what the triggers would have written; the queue only when a
 * team account is set up (saving the first one queues everything, rp_sync_account_save). Unlike
 * rp_store_begin_bulk, nothing else is rebuilt, so it costs the same on a database of a million
 * referrals. Rows added inside it must not be updated or deleted before it ends.
 * End it with rp_store_end_import_write (commit, or roll back: everything as before). */
typedef struct _RpStoreImportWrite RpStoreImportWrite;

RpStoreImportWrite *rp_store_begin_import_write (RpStore            *self,
                                                 GError            **error);
/* Consumes @state. */
gboolean    rp_store_end_import_write       (RpStore            *self,
                                             RpStoreImportWrite *state,
                                             gboolean            commit,
                                             GError            **error);
/* Ends the bulk part of an import write but not its transaction: the rows added so far get what
 * the triggers would have written, and the triggers are back, so that the rows written next
 * (and the updates of those added) keep everything as row by row. Consumes @state; the caller
 * ends the transaction with rp_store_commit or rp_store_rollback (also when this fails). */
gboolean    rp_store_leave_import_write     (RpStore            *self,
                                             RpStoreImportWrite *state,
                                             GError            **error);

/* Starts a batch for an import of @file_name (a display name, not a path); sets *@batch_id. */
gboolean    rp_store_add_import_batch       (RpStore            *self,
                                             const char         *file_name,
                                             const char         *what,
                                             gint64             *batch_id,
                                             GError            **error);
/* Records that line @line of batch @batch_id added partner @partner_id (@filled NULL) or filled
 * its empty columns @filled (column names, comma-separated) in a merge. */
gboolean    rp_store_add_partner_origin     (RpStore            *self,
                                             gint64              batch_id,
                                             gint64              partner_id,
                                             guint               line,
                                             const char         *filled,
                                             GError            **error);
/* Records that lines @lines of batch @batch_id added partners @partner_ids (@n of each), as
 * rp_store_add_partner_origin does one by one. */
gboolean    rp_store_add_partner_origins    (RpStore            *self,
                                             gint64              batch_id,
                                             const gint64       *partner_ids,
                                             const guint        *lines,
                                             guint               n,
                                             GError            **error);
/* Where partner @partner_id first came from: the file name and line of the import that added it.
 * FALSE without an error when the partner was not imported. */
gboolean    rp_store_get_partner_origin     (RpStore            *self,
                                             gint64              partner_id,
                                             char              **file_name,
                                             guint              *line,
                                             GError            **error);
/* The last import that can still be undone: its batch id (0 when there is none) and file name. */
gint64      rp_store_get_last_import        (RpStore            *self,
                                             char              **file_name,
                                             GError            **error);
/* Undoes import @batch_id in one transaction: deletes the partners it added, empties again the
 * columns it filled in merges, and marks it undone. */
gboolean    rp_store_undo_import            (RpStore            *self,
                                             gint64              batch_id,
                                             guint              *n_removed,
                                             guint              *n_restored,
                                             GError            **error);

/* Column mappings saved by the set of headers they were made for (@header_key) and by a name. */
gboolean    rp_store_save_import_mapping    (RpStore            *self,
                                             const char         *name,
                                             const char         *header_key,
                                             const char         *mapping,
                                             GError            **error);
/* The mapping saved under @name, or when @name is NULL the last one saved for @header_key;
 * NULL without an error when there is none. */
char       *rp_store_dup_import_mapping     (RpStore            *self,
                                             const char         *name,
                                             const char         *header_key,
                                             GError            **error);

G_END_DECLS
