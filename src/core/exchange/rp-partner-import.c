/* rp-partner-import.c: partners from a CSV file, planned, then written in one transaction.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "rp-csv-reader.h"
#include "rp-import-batch.h"
#include "rp-import-feed.h"
#include "rp-import-keys.h"
#include "rp-key-map.h"
#include "rp-partner-import.h"
#include "rp-partner-import-private.h"
#include "rp-partner-row.h"
#include "rp-store-imports.h"
#include "rp-store-partners.h"

#define PROGRESS_EVERY 2000

struct _RpPartnerImport
{
  GObject            parent_instance;

  GFile             *file;
  char              *file_name;
  GArray            *line_map;     /* CSV line → line of the original file, or NULL */
  char              *temp_path;
  RpCsvReader       *reader;
  GPtrArray         *headers;
  GPtrArray         *first_row;
  GArray            *mapping;
  RpDuplicateAction  default_action;

  /* RpImportKeys of the database's partners as loaded (a hash → the partner's id), under the
   * database's write stamp then; and of the rows seen in this pass: → a partner id (> 0) or
   * minus the line of an earlier row of the file (< 0). The four kinds of key share a map:
   * each kind's hashes start from its own letter. */
  RpKeyMap          *stored_keys;
  char              *stored_stamp;
  RpKeyMap          *file_keys;

  gboolean           bulk_allowed; /* FALSE: row by row with every trigger (for tests) */
  gint64             first_added;  /* while writing: the id of the first partner added, or 0 */
  gboolean           planned;
  guint              n_rows;
  guint              n_invalid;
  guint              n_new;
  guint              n_duplicates;
  guint              n_changing;
  guint              n_in_file;    /* duplicates of an earlier row of the file */
  GPtrArray         *preview;
  GArray            *preview_lines;
  GPtrArray         *problems;
  GPtrArray         *duplicates;
  GHashTable        *actions;      /* line → RpDuplicateAction + 1, set one by one */
};

G_DEFINE_FINAL_TYPE (RpPartnerImport, rp_partner_import, G_TYPE_OBJECT)

G_DEFINE_QUARK (rp-import-error-quark, rp_import_error)

static void
duplicate_free (RpImportDuplicate *duplicate)
{
  g_free (duplicate->existing_name);
  g_free (duplicate->incoming_name);
  g_free (duplicate->changes);
  g_free (duplicate);
}

const char *
rp_duplicate_match_to_label (RpDuplicateMatch match)
{
  switch (match)
    {
    case RP_MATCH_UUID: return _("Same Rapport ID");
    case RP_MATCH_NPI: return _("Same NPI");
    case RP_MATCH_NAME_ADDRESS: return _("Same name and address");
    case RP_MATCH_NAME_PHONE: return _("Same name and phone");
    case RP_MATCH_NONE:
    default: return "";
    }
}

const char *
rp_duplicate_action_to_label (RpDuplicateAction action)
{
  switch (action)
    {
    case RP_DUPLICATE_SKIP: return _("Skip");
    case RP_DUPLICATE_ADD: return _("Add as new");
    case RP_DUPLICATE_MERGE:
    default: return _("Merge");
    }
}

gboolean
rp_duplicate_action_from_string (const char        *text,
                                 RpDuplicateAction *action)
{
  if (g_strcmp0 (text, "merge") == 0)
    *action = RP_DUPLICATE_MERGE;
  else if (g_strcmp0 (text, "skip") == 0)
    *action = RP_DUPLICATE_SKIP;
  else if (g_strcmp0 (text, "add") == 0)
    *action = RP_DUPLICATE_ADD;
  else
    return FALSE;
  return TRUE;
}

/* ── keys ─────────────────────────────────────────────────────────────────────────────── */

static void
register_keys (RpPartnerImport *self,
               const RpImportKeys      *keys,
               gint64           value)
{
  for (guint i = 0; i < 4; i++)
    {
      guint64 key = rp_import_keys_array (keys)[i];

      /* The first holder of a key keeps it: the database's partners, then the file's rows. */
      if (key != 0 && !rp_key_map_lookup (self->stored_keys, key, NULL))
        rp_key_map_insert (self->file_keys, key, (gint32) value);
    }
}

/* The earlier partner or row @keys match, strongest match first; RP_MATCH_NONE if none. */
static RpDuplicateMatch
find_match (RpPartnerImport *self,
            const RpImportKeys      *keys,
            gint64          *value)
{
  for (guint i = 0; i < 4; i++)
    {
      guint64 key = rp_import_keys_array (keys)[i];
      gint32 found;

      if (key != 0 && (rp_key_map_lookup (self->stored_keys, key, &found) ||
                       rp_key_map_lookup (self->file_keys, key, &found)))
        {
          *value = found;
          return RP_MATCH_UUID + i;
        }
    }
  return RP_MATCH_NONE;
}

static void
load_key_cb (const RpPartnerKeys *stored,
             gpointer             user_data)
{
  RpPartnerImport *self = user_data;
  RpImportKeys keys;

  rp_import_keys_compute (stored->uuid, stored->npi, stored->first_name, stored->last_name,
                stored->organization, stored->street, stored->zip, stored->phone, &keys);
  for (guint i = 0; i < 4; i++)
    {
      guint64 key = rp_import_keys_array (&keys)[i];

      if (key != 0)
        rp_key_map_insert (self->stored_keys, key, (gint32) stored->id);
    }
}

/* Starts a pass: forgets the rows of the last one, and reads the keys of the database's partners
 * again unless nothing was written to it since they were read (the plan and the import that
 * follows it on the same connection read them once). */
static gboolean
load_keys (RpPartnerImport *self,
           RpStore         *store,
           GError         **error)
{
  g_autofree char *stamp = NULL;

  /* The import after the plan holds as many keys: the same memory, not freed and grown again. */
  rp_key_map_remove_all (self->file_keys);

  stamp = rp_store_dup_write_stamp (store, error);
  if (stamp == NULL)
    return FALSE;
  if (g_strcmp0 (stamp, self->stored_stamp) == 0)
    return TRUE;

  g_clear_pointer (&self->stored_stamp, g_free);
  rp_key_map_clear (self->stored_keys);
  if (!rp_store_foreach_partner_keys (store, load_key_cb, self, error))
    return FALSE;
  self->stored_stamp = g_steal_pointer (&stamp);
  return TRUE;
}

/* ── merging ──────────────────────────────────────────────────────────────────────────── */

typedef struct
{
  const char *column;
  const char *label;
  const char *(*get) (RpPartner *);
  void (*set) (RpPartner *, const char *);
} Fillable;

static const Fillable fillable[] = {
  { "prefix", N_("Prefix"), rp_partner_get_prefix, rp_partner_set_prefix },
  { "first_name", N_("First name"), rp_partner_get_first_name, rp_partner_set_first_name },
  { "last_name", N_("Last name"), rp_partner_get_last_name, rp_partner_set_last_name },
  { "credentials", N_("Credentials"), rp_partner_get_credentials, rp_partner_set_credentials },
  { "organization", N_("Organization"), rp_partner_get_organization,
    rp_partner_set_organization },
  { "npi", N_("NPI"), rp_partner_get_npi, rp_partner_set_npi },
  { "specialty_label", N_("Specialty"), rp_partner_get_specialty_label,
    rp_partner_set_specialty_label },
  { "street", N_("Street"), rp_partner_get_street, rp_partner_set_street },
  { "city", N_("City"), rp_partner_get_city, rp_partner_set_city },
  { "state", N_("State"), rp_partner_get_state, rp_partner_set_state },
  { "zip", N_("ZIP code"), rp_partner_get_zip, rp_partner_set_zip },
  { "phone", N_("Phone"), rp_partner_get_phone, rp_partner_set_phone },
  { "fax", N_("Fax"), rp_partner_get_fax, rp_partner_set_fax },
  { "email", N_("E-mail"), rp_partner_get_email, rp_partner_set_email },
  { "office_contact", N_("Office contact"), rp_partner_get_office_contact,
    rp_partner_set_office_contact },
  { "best_time", N_("Best time to visit"), rp_partner_get_best_time, rp_partner_set_best_time },
  { "tags", N_("Tags"), rp_partner_get_tags, rp_partner_set_tags },
  { "notes", N_("Notes"), rp_partner_get_notes, rp_partner_set_notes },
};

/* Fills @existing's empty fields from @incoming (never an NPI another partner holds). Returns
 * the filled columns ("phone,fax") in @columns and their labels in @labels; TRUE when any. */
static gboolean
merge_into (RpPartnerImport *self,
            RpPartner       *existing,
            RpPartner       *incoming,
            GString         *columns,
            GString         *labels)
{
  gboolean any = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (fillable); i++)
    {
      const char *old = fillable[i].get (existing);
      const char *new = fillable[i].get (incoming);

      if (*old != '\0' || *new == '\0')
        continue;

      if (g_str_equal (fillable[i].column, "npi"))
        {
          RpImportKeys keys = { 0, };
          gint64 holder = 0;

          rp_import_keys_compute ("", new, "", "", "", "", "", "", &keys);
          if (find_match (self, &keys, &holder) == RP_MATCH_NPI)
            continue;
        }

      fillable[i].set (existing, new);
      if (g_str_equal (fillable[i].column, "specialty_label"))
        {
          rp_partner_set_specialty_code (existing, rp_partner_get_specialty_code (incoming));
          g_string_append (columns, columns->len > 0 ? ",specialty_code" : "specialty_code");
        }
      if (columns->len > 0)
        g_string_append_c (columns, ',');
      g_string_append (columns, fillable[i].column);
      if (labels->len > 0)
        g_string_append (labels, ", ");
      g_string_append (labels, _(fillable[i].label));
      any = TRUE;
    }
  return any;
}

/* ── passes ───────────────────────────────────────────────────────────────────────────── */


/* FALSE with an error when no column holds a name or an organization. */
static gboolean
require_name_column (RpPartnerImport  *self,
                     GError          **error)
{
  for (guint i = 0; i < self->mapping->len; i++)
    switch (g_array_index (self->mapping, RpImportField, i))
      {
      case RP_IMPORT_FIELD_FIRST_NAME:
      case RP_IMPORT_FIELD_LAST_NAME:
      case RP_IMPORT_FIELD_FULL_NAME:
      case RP_IMPORT_FIELD_ORGANIZATION:
        return TRUE;
      default:
        break;
      }
  g_set_error_literal (error, RP_IMPORT_ERROR, RP_IMPORT_ERROR_NO_NAME,
                       _("No column holds a name or an organization: assign one on the "
                         "mapping page, or use --mapping"));
  return FALSE;
}

static void
reset_plan (RpPartnerImport *self)
{
  self->planned = FALSE;
  self->n_rows = self->n_invalid = self->n_new = self->n_duplicates = self->n_changing = 0;
  self->n_in_file = 0;
  g_ptr_array_set_size (self->preview, 0);
  g_array_set_size (self->preview_lines, 0);
  g_ptr_array_set_size (self->problems, 0);
  g_ptr_array_set_size (self->duplicates, 0);
  g_hash_table_remove_all (self->actions);
}

gboolean
rp_partner_import_plan (RpPartnerImport *self,
                        RpStore         *store,
                        GCancellable    *cancellable,
                        GError         **error)
{
  g_autoptr(RpImportFeed) feed = NULL;
  RpImportFeedRow *row;
  guint line;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (RP_IS_PARTNER_IMPORT (self), FALSE);
  g_return_val_if_fail (RP_IS_STORE (store), FALSE);

  reset_plan (self);

  if (!require_name_column (self, error))
    return FALSE;

  /* The file is read on a worker thread while the stored partners' keys load. */
  if (!rp_import_skip_header (self->reader, cancellable, error))
    return FALSE;
  feed = rp_import_feed_new (self->reader, self->headers, self->mapping, self->line_map,
                             cancellable);
  if (!load_keys (self, store, error))
    return FALSE;

  while ((row = rp_import_feed_next (feed, &local_error)) != NULL)
    {
      g_autoptr(RpPartner) partner = row->partner != NULL ? g_object_ref (row->partner) : NULL;
      RpDuplicateMatch match;
      RpImportKeys keys = row->keys;
      gint64 value = 0;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      line = row->line;
      self->n_rows++;

      if (partner == NULL)
        {
          self->n_invalid++;
          for (guint i = 0; i < row->problems->len; i++)
            if (self->problems->len < RP_IMPORT_MAX_LISTED)
              g_ptr_array_add (self->problems, g_ptr_array_steal_index (row->problems, i--));
          continue;
        }

      if (self->preview->len < RP_IMPORT_PREVIEW_ROWS)
        {
          g_ptr_array_add (self->preview, g_object_ref (partner));
          g_array_append_val (self->preview_lines, line);
        }

      match = find_match (self, &keys, &value);
      if (match == RP_MATCH_NONE)
        {
          self->n_new++;
          register_keys (self, &keys, -(gint64) line);
          continue;
        }

      self->n_duplicates++;
      {
        RpImportDuplicate *duplicate = g_new0 (RpImportDuplicate, 1);
        g_autoptr(GString) columns = g_string_new (NULL);
        g_autoptr(GString) labels = g_string_new (NULL);

        duplicate->line = line;
        duplicate->match = match;
        duplicate->action = self->default_action;
        duplicate->incoming_name = g_strdup (rp_partner_get_display_name (partner));
        if (value > 0)
          {
            g_autoptr(RpPartner) existing = rp_store_get_partner (store, value, NULL);

            duplicate->existing_id = value;
            if (existing != NULL)
              {
                duplicate->existing_name = g_strdup (rp_partner_get_display_name (existing));
                if (merge_into (self, existing, partner, columns, labels))
                  self->n_changing++;
              }
          }
        else
          {
            duplicate->earlier_line = (guint) -value;
            self->n_in_file++;
            duplicate->existing_name = g_strdup (duplicate->incoming_name);
            g_string_printf (labels, _("merged with line %u"), duplicate->earlier_line);
          }
        duplicate->changes = g_strdup (labels->str);

        if (self->duplicates->len < RP_IMPORT_MAX_LISTED)
          g_ptr_array_add (self->duplicates, duplicate);
        else
          duplicate_free (duplicate);
      }
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (self->n_rows == 0)
    {
      g_set_error_literal (error, RP_IMPORT_ERROR, RP_IMPORT_ERROR_NO_ROWS,
                           _("The file has a header row but no partners under it"));
      return FALSE;
    }

  self->planned = TRUE;
  return TRUE;
}

/* Registers the keys of a row the batch wrote under its new id. */
static void
batch_written_cb (const RpImportKeys *keys,
                  gint64              id,
                  gpointer            user_data)
{
  RpPartnerImport *self = user_data;

  if (self->first_added == 0)
    self->first_added = id;
  register_keys (self, keys, id);
}

static RpDuplicateAction
action_for (RpPartnerImport *self,
            guint            line)
{
  gpointer set = g_hash_table_lookup (self->actions, GUINT_TO_POINTER (line));

  return set != NULL ? GPOINTER_TO_UINT (set) - 1 : self->default_action;
}

/* The rows written: the plan's rows (@planned), or the file's read for the first time. Then an
 * invalid row refuses the import (*@invalid set) unless @skip_invalid, and the counts and
 * duplicates of a plan are not filled. */
static gboolean
write_rows (RpPartnerImport      *self,
            RpStore              *store,
            gboolean              planned,
            gboolean              skip_invalid,
            GCancellable         *cancellable,
            RpImportProgressFunc  progress,
            gpointer              user_data,
            RpImportResult       *result,
            gboolean             *invalid,
            GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autoptr(RpImportFeed) feed = NULL;
  RpImportResult counts = { 0, };
  RpImportFeedRow *row;
  guint line;
  guint done = 0;
  gint64 batch_id = 0;
  gboolean bulk;
  RpStoreImportWrite *write = NULL;
  g_autoptr(RpImportBatch) pending = NULL;

  /* One transaction in which the partners' search and map indexes and sync queue get the new
   * rows at the end, not row by row, and the new rows are written a thousand at a time; until
   * a row is to be merged into one added by an earlier row: the search index's update trigger
   * would not find the new row in it, so the indexes take the rows written so far and the rest
   * is written row by row. A rollback brings everything back as it was, either way. */
  bulk = self->bulk_allowed;
  if (bulk)
    {
      write = rp_store_begin_import_write (store, error);
      if (write == NULL)
        return FALSE;
    }
  else if (!rp_store_begin (store, error))
    return FALSE;
  self->first_added = 0;

  /* The file is read again on a worker thread, ahead of the writes. */
  if (!rp_import_skip_header (self->reader, cancellable, error))
    goto failed;
  feed = rp_import_feed_new (self->reader, self->headers, self->mapping, self->line_map,
                             cancellable);
  if (!load_keys (self, store, error) ||
      !rp_store_add_import_batch (store, self->file_name, "partners", &batch_id, error))
    goto failed;
  pending = rp_import_batch_new (store, batch_id, batch_written_cb, self);

  while ((row = rp_import_feed_next (feed, &local_error)) != NULL)
    {
      g_autoptr(RpPartner) partner = row->partner != NULL ? g_object_ref (row->partner) : NULL;
      RpDuplicateMatch match;
      RpImportKeys keys = row->keys;
      gint64 value = 0;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto failed;

      line = row->line;
      done++;
      if (progress != NULL && done % PROGRESS_EVERY == 0)
        {
          double elapsed = g_timer_elapsed (timer, NULL);

          progress (done, self->n_rows, elapsed > 0 ? done / elapsed : 0, user_data);
        }

      if (partner == NULL)
        {
          if (!skip_invalid)
            {
              RpImportProblem *problem = g_ptr_array_index (row->problems, 0);

              /* Unplanned, the caller makes the plan that lists the problems instead. */
              g_set_error (error, RP_IMPORT_ERROR, RP_IMPORT_ERROR_INVALID_ROWS,
                           _("Line %u: %s (the file changed since it was checked)"),
                           line, problem->message);
              *invalid = TRUE;
              goto failed;
            }
          counts.skipped++;
          continue;
        }

      /* A row that repeats a waiting one finds it written, as it would row by row. */
      if (bulk && rp_import_batch_holds (pending, &keys) &&
          !rp_import_batch_flush (pending, error))
        goto failed;
      match = find_match (self, &keys, &value);

      if (match != RP_MATCH_NONE)
        {
          RpDuplicateAction action = action_for (self, line);

          /* Two partners cannot share an NPI. */
          if (action == RP_DUPLICATE_ADD && match == RP_MATCH_NPI)
            action = RP_DUPLICATE_SKIP;

          if (action == RP_DUPLICATE_SKIP || value <= 0)
            {
              counts.skipped++;
              continue;
            }
          if (action == RP_DUPLICATE_MERGE)
            {
              g_autoptr(RpPartner) existing = NULL;
              g_autoptr(GString) columns = g_string_new (NULL);
              g_autoptr(GString) labels = g_string_new (NULL);

              /* The waiting rows first: their keys are registered before the merged one's. */
              if (!rp_import_batch_flush (pending, error))
                goto failed;
              existing = rp_store_get_partner (store, value, error);
              if (existing == NULL)
                goto failed;
              if (!merge_into (self, existing, partner, columns, labels))
                {
                  counts.unchanged++;
                  continue;
                }
              /* A partner this import added is updated with every trigger: the rest of the
               * file is written row by row. */
              if (bulk && self->first_added > 0 && value >= self->first_added)
                {
                  bulk = FALSE;
                  if (!rp_store_leave_import_write (store, g_steal_pointer (&write), error))
                    goto failed;
                }
              if (!rp_store_update_partner (store, existing, error) ||
                  !rp_store_add_partner_origin (store, batch_id, value, line, columns->str,
                                                error))
                goto failed;
              rp_import_keys_of_partner (existing, &keys);
              register_keys (self, &keys, value);
              counts.merged++;
              continue;
            }
          /* Added as new: under a new Rapport ID when the row's is taken. */
          if (match == RP_MATCH_UUID)
            rp_partner_set_uuid (partner, "");
        }

      if (bulk)
        {
          if (!rp_import_batch_add (pending, g_steal_pointer (&partner), line, &keys, error))
            goto failed;
          counts.added++;
          continue;
        }
      if (!rp_store_insert_partner (store, partner, error) ||
          !rp_store_add_partner_origin (store, batch_id, rp_partner_get_id (partner), line,
                                        NULL, error))
        goto failed;
      if (self->first_added == 0)
        self->first_added = rp_partner_get_id (partner);
      /* Its keys as the row gave them: the Rapport ID the store just made for it cannot come
       * again later in the file, and a million of them would double the map. */
      register_keys (self, &keys, rp_partner_get_id (partner));
      counts.added++;
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      goto failed;
    }
  if (done == 0 && !planned)
    {
      g_set_error_literal (error, RP_IMPORT_ERROR, RP_IMPORT_ERROR_NO_ROWS,
                           _("The file has a header row but no partners under it"));
      goto failed;
    }
  if (!rp_import_batch_flush (pending, error))
    goto failed;

  /* The rows are written: the rows read ahead and their keys are not needed to index the
   * search, so their memory goes back first. */
  g_clear_pointer (&feed, rp_import_feed_free);
  rp_key_map_clear (self->file_keys);

  if (!(write != NULL ? rp_store_end_import_write (store, g_steal_pointer (&write), TRUE, error)
                      : rp_store_commit (store, error)))
    return FALSE;

  counts.batch_id = batch_id;
  counts.seconds = g_timer_elapsed (timer, NULL);
  if (progress != NULL)
    progress (done, self->n_rows, counts.seconds > 0 ? done / counts.seconds : 0, user_data);
  if (result != NULL)
    *result = counts;
  return TRUE;

failed:
  if (write != NULL)
    rp_store_end_import_write (store, g_steal_pointer (&write), FALSE, NULL);
  else
    rp_store_rollback (store);
  return FALSE;
}

gboolean
rp_partner_import_apply (RpPartnerImport      *self,
                         RpStore              *store,
                         gboolean              skip_invalid,
                         GCancellable         *cancellable,
                         RpImportProgressFunc  progress,
                         gpointer              user_data,
                         RpImportResult       *result,
                         GError              **error)
{
  gboolean invalid = FALSE;

  g_return_val_if_fail (RP_IS_PARTNER_IMPORT (self), FALSE);
  g_return_val_if_fail (RP_IS_STORE (store), FALSE);

  if (!self->planned)
    {
      g_set_error_literal (error, RP_IMPORT_ERROR, RP_IMPORT_ERROR_NOT_PLANNED,
                           _("The import was not checked before it was run"));
      return FALSE;
    }
  if (self->n_invalid > 0 && !skip_invalid)
    {
      g_set_error (error, RP_IMPORT_ERROR, RP_IMPORT_ERROR_INVALID_ROWS,
                   ngettext ("%u row has problems; nothing was imported",
                             "%u rows have problems; nothing was imported", self->n_invalid),
                   self->n_invalid);
      return FALSE;
    }

  return write_rows (self, store, TRUE, skip_invalid, cancellable, progress, user_data, result,
                     &invalid, error);
}

gboolean
rp_partner_import_run (RpPartnerImport  *self,
                       RpStore          *store,
                       GCancellable     *cancellable,
                       RpImportResult   *result,
                       GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean invalid = FALSE;

  g_return_val_if_fail (RP_IS_PARTNER_IMPORT (self), FALSE);
  g_return_val_if_fail (RP_IS_STORE (store), FALSE);

  reset_plan (self);
  if (!require_name_column (self, error))
    return FALSE;

  if (write_rows (self, store, FALSE, FALSE, cancellable, NULL, NULL, result, &invalid,
                  &local_error))
    return TRUE;
  if (!invalid)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* Nothing was written: the plan lists every problem (none if the file changed meanwhile). */
  if (!rp_partner_import_plan (self, store, cancellable, error))
    return FALSE;
  if (self->n_invalid == 0)
    return rp_partner_import_apply (self, store, FALSE, cancellable, NULL, NULL, result, error);
  g_set_error (error, RP_IMPORT_ERROR, RP_IMPORT_ERROR_INVALID_ROWS,
               ngettext ("%u row has problems; nothing was imported",
                         "%u rows have problems; nothing was imported", self->n_invalid),
               self->n_invalid);
  return FALSE;
}

/* ── GObject ──────────────────────────────────────────────────────────────────────────── */

static void
rp_partner_import_finalize (GObject *object)
{
  RpPartnerImport *self = RP_PARTNER_IMPORT (object);

  g_clear_pointer (&self->stored_keys, rp_key_map_free);
  g_clear_pointer (&self->file_keys, rp_key_map_free);
  g_clear_pointer (&self->stored_stamp, g_free);
  g_clear_pointer (&self->preview, g_ptr_array_unref);
  g_clear_pointer (&self->preview_lines, g_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->duplicates, g_ptr_array_unref);
  g_clear_pointer (&self->actions, g_hash_table_unref);
  g_clear_pointer (&self->headers, g_ptr_array_unref);
  g_clear_pointer (&self->first_row, g_ptr_array_unref);
  g_clear_pointer (&self->mapping, g_array_unref);
  g_clear_object (&self->reader);
  g_clear_object (&self->file);
  g_clear_pointer (&self->file_name, g_free);
  g_clear_pointer (&self->line_map, g_array_unref);
  if (self->temp_path != NULL)
    g_unlink (self->temp_path);
  g_clear_pointer (&self->temp_path, g_free);

  G_OBJECT_CLASS (rp_partner_import_parent_class)->finalize (object);
}

static void
rp_partner_import_class_init (RpPartnerImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rp_partner_import_finalize;
}

static void
rp_partner_import_init (RpPartnerImport *self)
{
  self->stored_keys = rp_key_map_new ();
  self->file_keys = rp_key_map_new ();
  self->preview = g_ptr_array_new_with_free_func (g_object_unref);
  self->preview_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) rp_import_problem_free);
  self->duplicates = g_ptr_array_new_with_free_func ((GDestroyNotify) duplicate_free);
  self->actions = g_hash_table_new (g_direct_hash, g_direct_equal);
  self->default_action = RP_DUPLICATE_MERGE;
  self->bulk_allowed = TRUE;
}

/* ── public API ───────────────────────────────────────────────────────────────────────── */

RpPartnerImport *
rp_partner_import_new (GFile        *file,
                       GCancellable *cancellable,
                       GError      **error)
{
  g_autoptr(RpPartnerImport) self = NULL;
  g_autoptr(GError) local_error = NULL;
  GPtrArray *header;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (RP_TYPE_PARTNER_IMPORT, NULL);
  self->file = g_object_ref (file);
  self->file_name = g_file_get_basename (file);
  self->reader = rp_csv_reader_new (file, cancellable, error);
  if (self->reader == NULL)
    return NULL;

  header = rp_csv_reader_next (self->reader, NULL, NULL, cancellable, &local_error);
  if (header == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error_literal (error, RP_CSV_ERROR, RP_CSV_ERROR_EMPTY, _("The file is empty"));
      return NULL;
    }

  self->headers = g_ptr_array_new_full (header->len, g_free);
  for (guint i = 0; i < header->len; i++)
    g_ptr_array_add (self->headers, g_strstrip (g_strdup (g_ptr_array_index (header, i))));
  self->mapping = rp_import_mapping_guess (self->headers);

  {
    GPtrArray *first = rp_csv_reader_next (self->reader, NULL, NULL, cancellable, &local_error);

    if (local_error != NULL)
      {
        g_propagate_error (error, g_steal_pointer (&local_error));
        return NULL;
      }
    if (first != NULL)
      {
        self->first_row = g_ptr_array_new_full (first->len, g_free);
        for (guint i = 0; i < first->len; i++)
          g_ptr_array_add (self->first_row, g_strdup (g_ptr_array_index (first, i)));
      }
  }

  return g_steal_pointer (&self);
}

const char *
rp_partner_import_get_file_name (RpPartnerImport *self)
{
  g_return_val_if_fail (RP_IS_PARTNER_IMPORT (self), NULL);
  return self->file_name;
}

const char *
rp_partner_import_get_encoding (RpPartnerImport *self)
{
  g_return_val_if_fail (RP_IS_PARTNER_IMPORT (self), NULL);
  return rp_csv_reader_get_encoding (self->reader);
}

char
rp_partner_import_get_delimiter (RpPartnerImport *self)
{
  g_return_val_if_fail (RP_IS_PARTNER_IMPORT (self), ',');
  return rp_csv_reader_get_delimiter (self->reader);
}

GPtrArray *
rp_partner_import_get_headers (RpPartnerImport *self)
{
  g_return_val_if_fail (RP_IS_PARTNER_IMPORT (self), NULL);
  return self->headers;
}

void
rp_partner_import_set_source (RpPartnerImport *self,
                              const char      *file_name,
                              GArray          *line_map,
                              const char      *temp_path)
{
  g_return_if_fail (RP_IS_PARTNER_IMPORT (self));
  g_return_if_fail (file_name != NULL);

  g_free (self->file_name);
  self->file_name = g_strdup (file_name);
  g_clear_pointer (&self->line_map, g_array_unref);
  if (line_map != NULL)
    self->line_map = g_array_ref (line_map);
  g_free (self->temp_path);
  self->temp_path = g_strdup (temp_path);
}

GPtrArray *
rp_partner_import_get_first_row (RpPartnerImport *self)
{
  g_return_val_if_fail (RP_IS_PARTNER_IMPORT (self), NULL);
  return self->first_row;
}

GArray *
rp_partner_import_get_mapping (RpPartnerImport *self)
{
  g_return_val_if_fail (RP_IS_PARTNER_IMPORT (self), NULL);
  return self->mapping;
}

void
rp_partner_import_set_column_field (RpPartnerImport *self,
                                    guint            column,
                                    RpImportField    field)
{
  g_return_if_fail (RP_IS_PARTNER_IMPORT (self));
  g_return_if_fail (column < self->mapping->len);
  g_return_if_fail (field < RP_IMPORT_N_FIELDS);

  /* A field is filled from one column: the one it was on before is ignored now. */
  if (field != RP_IMPORT_FIELD_IGNORE)
    for (guint i = 0; i < self->mapping->len; i++)
      if (g_array_index (self->mapping, RpImportField, i) == field)
        g_array_index (self->mapping, RpImportField, i) = RP_IMPORT_FIELD_IGNORE;
  g_array_index (self->mapping, RpImportField, column) = field;
  reset_plan (self);
}

gboolean
rp_partner_import_load_mapping (RpPartnerImport *self,
                                RpStore         *store,
                                const char      *name,
                                GError         **error)
{
  g_autofree char *key = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) local_error = NULL;
  GArray *mapping;

  g_return_val_if_fail (RP_IS_PARTNER_IMPORT (self), FALSE);

  key = rp_import_header_key (self->headers);
  text = rp_store_dup_import_mapping (store, name, key, &local_error);
  if (text == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else if (name != NULL)
        g_set_error (error, RP_IMPORT_ERROR, RP_IMPORT_ERROR_MAPPING,
                     _("There is no saved mapping named “%s”"), name);
      return FALSE;
    }

  mapping = rp_import_mapping_parse (text, self->headers->len, error);
  if (mapping == NULL)
    return FALSE;

  g_array_unref (self->mapping);
  self->mapping = mapping;
  reset_plan (self);
  return TRUE;
}

gboolean
rp_partner_import_save_mapping (RpPartnerImport *self,
                                RpStore         *store,
                                const char      *name,
                                GError         **error)
{
  g_autofree char *key = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (RP_IS_PARTNER_IMPORT (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  key = rp_import_header_key (self->headers);
  text = rp_import_mapping_to_string (self->mapping);
  return rp_store_save_import_mapping (store, name, key, text, error);
}

void
rp_partner_import_set_default_action (RpPartnerImport   *self,
                                      RpDuplicateAction  action)
{
  g_return_if_fail (RP_IS_PARTNER_IMPORT (self));

  self->default_action = action;
  g_hash_table_remove_all (self->actions);
  for (guint i = 0; i < self->duplicates->len; i++)
    ((RpImportDuplicate *) g_ptr_array_index (self->duplicates, i))->action = action;
}

RpDuplicateAction
rp_partner_import_get_default_action (RpPartnerImport *self)
{
  g_return_val_if_fail (RP_IS_PARTNER_IMPORT (self), RP_DUPLICATE_MERGE);
  return self->default_action;
}

guint
rp_partner_import_get_n_rows (RpPartnerImport *self)
{
  g_return_val_if_fail (RP_IS_PARTNER_IMPORT (self), 0);
  return self->n_rows;
}

guint
rp_partner_import_get_n_invalid (RpPartnerImport *self)
{
  g_return_val_if_fail (RP_IS_PARTNER_IMPORT (self), 0);
  return self->n_invalid;
}

guint
rp_partner_import_get_n_new (RpPartnerImport *self)
{
  g_return_val_if_fail (RP_IS_PARTNER_IMPORT (self), 0);
  return self->n_new;
}

guint
rp_partner_import_get_n_duplicates (RpPartnerImport *self)
{
  g_return_val_if_fail (RP_IS_PARTNER_IMPORT (self), 0);
  return self->n_duplicates;
}

guint
rp_partner_import_get_n_changing (RpPartnerImport *self)
{
  g_return_val_if_fail (RP_IS_PARTNER_IMPORT (self), 0);
  return self->n_changing;
}

GPtrArray *
rp_partner_import_get_preview (RpPartnerImport *self)
{
  g_return_val_if_fail (RP_IS_PARTNER_IMPORT (self), NULL);
  return self->preview;
}

GArray *
rp_partner_import_get_preview_lines (RpPartnerImport *self)
{
  g_return_val_if_fail (RP_IS_PARTNER_IMPORT (self), NULL);
  return self->preview_lines;
}

GPtrArray *
rp_partner_import_get_problems (RpPartnerImport *self)
{
  g_return_val_if_fail (RP_IS_PARTNER_IMPORT (self), NULL);
  return self->problems;
}

GPtrArray *
rp_partner_import_get_duplicates (RpPartnerImport *self)
{
  g_return_val_if_fail (RP_IS_PARTNER_IMPORT (self), NULL);
  return self->duplicates;
}

void
rp_partner_import_set_duplicate_action (RpPartnerImport   *self,
                                        guint              index,
                                        RpDuplicateAction  action)
{
  RpImportDuplicate *duplicate;

  g_return_if_fail (RP_IS_PARTNER_IMPORT (self));
  g_return_if_fail (index < self->duplicates->len);

  duplicate = g_ptr_array_index (self->duplicates, index);
  duplicate->action = action;
  g_hash_table_insert (self->actions, GUINT_TO_POINTER (duplicate->line),
                       GUINT_TO_POINTER (action + 1));
}

void
rp_partner_import_set_bulk (RpPartnerImport *self,
                            gboolean         bulk)
{
  g_return_if_fail (RP_IS_PARTNER_IMPORT (self));
  self->bulk_allowed = bulk;
}
