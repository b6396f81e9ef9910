/* rp-record-import.c: referrals or activities from a CSV file, planned, then written in one
 * transaction.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "rp-activity.h"
#include "rp-csv-reader.h"
#include "rp-enum-types.h"
#include "rp-enums.h"
#include "rp-import-fields.h"
#include "rp-import-keys.h"
#include "rp-key-map.h"
#include "rp-name-parts.h"
#include "rp-partner-row.h"
#include "rp-patient.h"
#include "rp-record-fields.h"
#include "rp-record-import.h"
#include "rp-referral.h"
#include "rp-referral-status.h"
#include "rp-store-activities.h"
#include "rp-store-exchange.h"
#include "rp-store-imports.h"
#include "rp-store-partners.h"
#include "rp-store-record-undo.h"
#include "rp-store-referrals.h"

#define PROGRESS_EVERY 2000


struct _RpRecordImport
{
  GObject       parent_instance;

  RpImportWhat  what;
  GFile        *file;
  char         *file_name;
  RpCsvReader  *reader;
  GPtrArray    *headers;
  GArray       *mapping;
  RpVault      *vault;

  /* The database's partners: uuid, NPI and folded name → id (a name two partners share → 0). */
  GHashTable   *by_uuid;
  GHashTable   *by_npi;
  GHashTable   *by_name;
  RpKeyMap     *uuids_seen;   /* the file's Rapport IDs (64-bit hashes), against repeats */

  gboolean      planned;
  guint         n_rows;
  guint         n_invalid;
  guint         n_new;
  guint         n_existing;
  GPtrArray    *problems;
  GPtrArray    *preview;      /* RpRecordPreview: the first valid rows, as they will be stored */

  /* What the last apply wrote, for rp_record_import_undo: each row's id and UUID, and the last
   * contact each partner had before (activities move it). */
  GArray       *added_ids;
  GPtrArray    *added_uuids;  /* borrowed from uuid_chunk */
  GStringChunk *uuid_chunk;
  GHashTable   *last_contacts; /* partner id (gint64 *) → its last contact before, or NULL */
};

G_DEFINE_FINAL_TYPE (RpRecordImport, rp_record_import, G_TYPE_OBJECT)

/* ── values ─────────────────────────────────────────────────────────────────────────── */

static const char *
status_label (int status)
{
  return rp_referral_status_to_label (status);
}

static const char *
urgency_label (int urgency)
{
  return rp_urgency_to_label (urgency);
}

/* ── partners ─────────────────────────────────────────────────────────────────────────── */

static char *
name_key (const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  g_autofree char *normal = g_utf8_normalize (folded, -1, G_NORMALIZE_ALL_COMPOSE);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  /* Spaces collapsed: "Jane  Smith " is "jane smith". */
  for (const char *p = normal; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '\t')
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
add_name (GHashTable *by_name,
          char       *key,
          gint64      id)
{
  gpointer old;

  if (*key == '\0')
    {
      g_free (key);
      return;
    }
  if (g_hash_table_lookup_extended (by_name, key, NULL, &old))
    {
      /* Two partners by this name: the name alone does not tell which. */
      if (GPOINTER_TO_SIZE (old) != (gsize) id)
        g_hash_table_insert (by_name, key, GSIZE_TO_POINTER (0));
      else
        g_free (key);
      return;
    }
  g_hash_table_insert (by_name, key, GSIZE_TO_POINTER ((gsize) id));
}

static void
load_partner_cb (const RpPartnerKeys *keys,
                 gpointer             user_data)
{
  RpRecordImport *self = user_data;
  gpointer id = GSIZE_TO_POINTER ((gsize) keys->id);

  if (*keys->uuid != '\0')
    g_hash_table_insert (self->by_uuid, g_strdup (keys->uuid), id);
  if (*keys->npi != '\0')
    g_hash_table_insert (self->by_npi, g_strdup (keys->npi), id);
  if (*keys->last_name != '\0')
    {
      g_autofree char *full = g_strconcat (keys->first_name, " ", keys->last_name, NULL);
      g_autofree char *inverted = g_strconcat (keys->last_name, ", ", keys->first_name, NULL);

      add_name (self->by_name, name_key (full), keys->id);
      add_name (self->by_name, name_key (inverted), keys->id);
    }
  if (*keys->organization != '\0')
    add_name (self->by_name, name_key (keys->organization), keys->id);
}

static gboolean
load_partners (RpRecordImport *self,
               RpStore        *store,
               GError        **error)
{
  g_hash_table_remove_all (self->by_uuid);
  g_hash_table_remove_all (self->by_npi);
  g_hash_table_remove_all (self->by_name);
  rp_key_map_remove_all (self->uuids_seen);
  return rp_store_foreach_partner_keys (store, load_partner_cb, self, error);
}

/* A display name the export wrote: "Dr. Jane Smith, MD" → "jane smith" too. */
static gint64
find_by_name (RpRecordImport *self,
              const char     *name,
              gboolean       *ambiguous)
{
  g_autofree char *key = name_key (name);
  gpointer found;

  *ambiguous = FALSE;
  if (g_hash_table_lookup_extended (self->by_name, key, NULL, &found))
    {
      *ambiguous = found == NULL;
      return (gint64) GPOINTER_TO_SIZE (found);
    }

  {
    g_auto(RpNameParts) parts = { NULL, };
    g_autofree char *plain = NULL;

    /* The first word of the first name: "Jane Q." is Jane. */
    rp_name_parts_split (name, &parts);
    if (strchr (parts.first_name, ' ') != NULL)
      *strchr (parts.first_name, ' ') = '\0';
    plain = g_strconcat (parts.first_name, " ", parts.last_name, NULL);
    g_free (key);
    key = name_key (plain);
    if (g_hash_table_lookup_extended (self->by_name, key, NULL, &found))
      {
        *ambiguous = found == NULL;
        return (gint64) GPOINTER_TO_SIZE (found);
      }
  }
  return 0;
}

/* ── one row ──────────────────────────────────────────────────────────────────────────── */

static const char *
header_of (RpRecordImport *self,
           RpRecordField   field)
{
  for (guint i = 0; i < self->mapping->len; i++)
    if (g_array_index (self->mapping, RpRecordField, i) == field)
      return g_ptr_array_index (self->headers, i);
  return rp_record_field_to_label (field);
}

/* The i-th of a ";"-separated list, trimmed; "" past its end. */
static char *
nth_item (const char *list,
          guint       i)
{
  g_auto(GStrv) items = g_strsplit (list, ";", -1);

  if (i >= g_strv_length (items))
    return g_strdup ("");
  return g_strstrip (g_strdup (items[i]));
}

static guint
n_items (const char *list)
{
  g_auto(GStrv) items = NULL;

  if (*list == '\0')
    return 0;
  items = g_strsplit (list, ";", -1);
  return g_strv_length (items);
}

/* The partners a row names (one for a referral, one or more for an activity), in @ids; problems
 * for a partner that cannot be found. */
static void
find_partners (RpRecordImport *self,
               const char     *uuids,
               const char     *npis,
               const char     *names,
               guint           line,
               GArray         *ids,
               GPtrArray      *problems)
{
  guint n = MAX (n_items (uuids), MAX (n_items (npis), n_items (names)));

  if (n == 0)
    {
      rp_import_add_problem (problems, line,
                             g_strdup (_("The row names no partner (a Rapport ID, an NPI "
                                         "or a name)")));
      return;
    }
  if (self->what == RP_IMPORT_WHAT_REFERRALS && n > 1)
    {
      rp_import_add_problem (problems, line,
                             g_strdup (_("A referral has one partner; the row names "
                                         "several")));
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *uuid = g_ascii_strdown (nth_item (uuids, i), -1);
      g_autofree char *npi = nth_item (npis, i);
      g_autofree char *name = nth_item (names, i);
      gpointer found = NULL;
      gboolean ambiguous = FALSE;
      gint64 id = 0;

      if (*uuid != '\0' && g_hash_table_lookup_extended (self->by_uuid, uuid, NULL, &found))
        id = (gint64) GPOINTER_TO_SIZE (found);
      else if (*npi != '\0' && g_hash_table_lookup_extended (self->by_npi, npi, NULL, &found))
        id = (gint64) GPOINTER_TO_SIZE (found);
      else if (*name != '\0')
        id = find_by_name (self, name, &ambiguous);

      if (id > 0)
        g_array_append_val (ids, id);
      else if (ambiguous)
        rp_import_add_problem (problems, line,
                               g_strdup_printf (_("Several partners are named “%s”: give the "
                                                  "partner’s NPI or Rapport ID"), name));
      else
        rp_import_add_problem (problems, line,
                               g_strdup_printf (_("No partner matches “%s”: import the partners "
                                                  "first"),
                                                *name != '\0' ? name : *npi != '\0' ? npi : uuid));
    }
}

typedef struct
{
  GObject   *record;    /* RpReferral or RpActivity */
  RpPatient *patient;
  gboolean   existing;  /* its Rapport ID is taken: left as it is */
} Row;

static void
row_clear (Row *row)
{
  g_clear_object (&row->record);
  g_clear_pointer (&row->patient, rp_patient_free);
}

#define VALUE(f) (value[f] != NULL ? value[f] : "")

static GObject *
make_referral (RpRecordImport *self,
               const char    **value,
               GArray         *partner_ids,
               guint           line,
               GPtrArray      *problems)
{
  g_autoptr(RpReferral) referral = rp_referral_new ();
  g_autofree char *day = NULL;
  const char *v;
  int e;

  if (partner_ids->len == 1)
    rp_referral_set_partner_id (referral, g_array_index (partner_ids, gint64, 0));

  v = VALUE (RP_RECORD_FIELD_DIRECTION);
  if (*v != '\0')
    {
      RpReferralDirection direction;

      if (rp_record_parse_direction (v, &direction))
        rp_referral_set_direction (referral, direction);
      else
        rp_import_add_problem (problems, line,
                               g_strdup_printf (_("Column “%s”: the direction is inbound or "
                                                  "outbound, not “%s”"),
                                                header_of (self, RP_RECORD_FIELD_DIRECTION), v));
    }

  v = VALUE (RP_RECORD_FIELD_REFERRED_ON);
  day = *v != '\0' ? rp_record_parse_day (v) : NULL;
  if (*v == '\0')
    rp_import_add_problem (problems, line, g_strdup (_("The row has no referral date")));
  else if (day == NULL)
    rp_import_add_problem (problems, line,
                           g_strdup_printf (_("Column “%s”: “%s” is not a date (2026-03-14 or "
                                              "3/14/2026)"),
                                            header_of (self, RP_RECORD_FIELD_REFERRED_ON), v));
  else
    rp_referral_set_referred_on (referral, day);

  v = VALUE (RP_RECORD_FIELD_STATUS);
  if (*v != '\0')
    {
      if (rp_record_parse_enum (RP_TYPE_REFERRAL_STATUS, v, status_label, &e))
        rp_referral_set_status (referral, e);
      else
        rp_import_add_problem (problems, line,
                               g_strdup_printf (_("Column “%s”: “%s” is not a referral status"),
                                                header_of (self, RP_RECORD_FIELD_STATUS), v));
    }

  v = VALUE (RP_RECORD_FIELD_URGENCY);
  if (*v != '\0')
    {
      if (rp_record_parse_enum (RP_TYPE_URGENCY, v, urgency_label, &e))
        rp_referral_set_urgency (referral, e);
      else
        rp_import_add_problem (problems, line,
                               g_strdup_printf (_("Column “%s”: the urgency is routine, soon or "
                                                  "urgent, not “%s”"),
                                                header_of (self, RP_RECORD_FIELD_URGENCY), v));
    }

  rp_referral_set_status_reason (referral, VALUE (RP_RECORD_FIELD_STATUS_REASON));
  rp_referral_set_reason (referral, VALUE (RP_RECORD_FIELD_REASON));
  rp_referral_set_service_line (referral, VALUE (RP_RECORD_FIELD_SERVICE_LINE));
  rp_referral_set_notes (referral, VALUE (RP_RECORD_FIELD_NOTES));
  rp_referral_set_outcome (referral, VALUE (RP_RECORD_FIELD_OUTCOME));
  return G_OBJECT (g_steal_pointer (&referral));
}

static GObject *
make_activity (RpRecordImport *self,
               const char    **value,
               GArray         *partner_ids,
               guint           line,
               GPtrArray      *problems)
{
  g_autoptr(RpActivity) activity = rp_activity_new (RP_ACTIVITY_KIND_NOTE);
  g_autofree char *when = NULL;
  const char *v;
  int e;

  for (guint i = 0; i < partner_ids->len; i++)
    rp_activity_add_partner_id (activity, g_array_index (partner_ids, gint64, i));

  v = VALUE (RP_RECORD_FIELD_ACTIVITY_TYPE);
  if (*v == '\0')
    rp_import_add_problem (problems, line, g_strdup (_("The row has no activity type")));
  else if (rp_record_parse_enum (RP_TYPE_ACTIVITY_KIND, v, NULL, &e))
    rp_activity_set_kind (activity, e);
  else
    rp_import_add_problem (problems, line,
                           g_strdup_printf (_("Column “%s”: “%s” is not an activity type (visit, "
                                              "call, "
                                              "email, event, thank-you, update-sent, feedback, "
                                              "note)"),
                                            header_of (self, RP_RECORD_FIELD_ACTIVITY_TYPE), v));

  v = VALUE (RP_RECORD_FIELD_DATE);
  when = *v != '\0' ? rp_record_parse_moment (v) : NULL;
  if (*v == '\0')
    rp_import_add_problem (problems, line, g_strdup (_("The row has no date")));
  else if (when == NULL)
    rp_import_add_problem (problems, line,
                           g_strdup_printf (_("Column “%s”: “%s” is not a date (2026-03-14 or "
                                              "3/14/2026)"),
                                            header_of (self, RP_RECORD_FIELD_DATE), v));
  else
    rp_activity_set_occurred_at (activity, when);

  v = VALUE (RP_RECORD_FIELD_COST);
  if (*v != '\0')
    {
      g_autofree char *header = rp_import_normalise_header (header_of (self,
                                                                       RP_RECORD_FIELD_COST));
      gint64 cents = 0;

      if (rp_record_parse_cost (v, g_str_has_suffix (header, "cents"), &cents))
        rp_activity_set_cost_cents (activity, cents);
      else
        rp_import_add_problem (problems, line,
                               g_strdup_printf (_("Column “%s”: “%s” is not an amount"),
                                                header_of (self, RP_RECORD_FIELD_COST), v));
    }

  v = VALUE (RP_RECORD_FIELD_FOLLOW_UP);
  rp_activity_set_follow_up_needed (activity, g_ascii_strcasecmp (v, "1") == 0 ||
                                              g_ascii_strcasecmp (v, "yes") == 0 ||
                                              g_ascii_strcasecmp (v, "true") == 0 ||
                                              g_ascii_strcasecmp (v, "y") == 0);
  rp_activity_set_contact_person (activity, VALUE (RP_RECORD_FIELD_CONTACT_PERSON));
  rp_activity_set_summary (activity, VALUE (RP_RECORD_FIELD_NOTES));
  rp_activity_set_materials (activity, VALUE (RP_RECORD_FIELD_MATERIALS));
  return G_OBJECT (g_steal_pointer (&activity));
}

/* The record of one CSV record in @row; FALSE when the row has problems (each added to
 * @problems with @line). */
static gboolean
parse_row (RpRecordImport *self,
           RpStore        *store,
           GPtrArray      *record,
           guint           line,
           guint           too_long,
           GPtrArray      *problems,
           Row            *row,
           GError        **error)
{
  const char *value[RP_RECORD_N_FIELDS] = { NULL, };
  g_autoptr(GPtrArray) trimmed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) partner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n_problems = problems->len;
  guint n_columns = self->headers->len;
  const char *uuid;

  memset (row, 0, sizeof *row);

  if (too_long > 0)
    rp_import_add_problem (problems, line,
                           g_strdup_printf (_("Field %u is longer than %u MB and was not read"),
                                            too_long, RP_CSV_MAX_FIELD_BYTES / (1024 * 1024)));
  if (record->len < n_columns)
    rp_import_add_problem (problems, line,
                           g_strdup_printf (ngettext ("The row has %u field; the header has %u",
                                                      "The row has %u fields; the header has %u",
                                                      record->len),
                                            record->len, n_columns));
  for (guint i = n_columns; i < record->len; i++)
    if (*g_strstrip ((char *) g_ptr_array_index (record, i)) != '\0')
      {
        rp_import_add_problem (problems, line,
                               g_strdup_printf (ngettext ("The row has %u field; the header has %u",
                                                          "The row has %u fields; the header has "
                                                          "%u",
                                                          record->len),
                                                record->len, n_columns));
        break;
      }
  if (problems->len > n_problems)
    return TRUE;

  for (guint i = 0; i < MIN (record->len, n_columns); i++)
    {
      RpRecordField field = g_array_index (self->mapping, RpRecordField, i);
      char *text;

      if (field == RP_RECORD_FIELD_IGNORE)
        continue;
      text = g_strstrip (g_strdup (g_ptr_array_index (record, i)));
      g_ptr_array_add (trimmed, text);
      value[field] = text;
    }

  /* A Rapport ID already in the database or earlier in the file: the row is left alone. */
  uuid = VALUE (RP_RECORD_FIELD_UUID);
  if (*uuid != '\0')
    {
      g_autofree char *lower = g_ascii_strdown (uuid, -1);
      gint64 id = 0;

      if (!rp_import_looks_like_uuid (lower))
        {
          rp_import_add_problem (problems, line,
                                 g_strdup_printf (_("Column “%s”: “%s” is not a Rapport ID"),
                                                  header_of (self, RP_RECORD_FIELD_UUID), uuid));
          return TRUE;
        }
      if (!rp_store_find_by_uuid (store, self->what == RP_IMPORT_WHAT_REFERRALS ? "referral"
                                                                                 : "activity",
                                  lower, &id, error))
        return FALSE;
      if (id > 0 || rp_key_map_lookup (self->uuids_seen, rp_import_key_of_uuid (lower), NULL))
        {
          row->existing = TRUE;
          return TRUE;
        }
      rp_key_map_insert (self->uuids_seen, rp_import_key_of_uuid (lower), 1);
    }

  find_partners (self, VALUE (RP_RECORD_FIELD_PARTNER_UUID), VALUE (RP_RECORD_FIELD_PARTNER_NPI),
                 VALUE (RP_RECORD_FIELD_PARTNER_NAME), line, partner_ids, problems);

  if (self->what == RP_IMPORT_WHAT_REFERRALS)
    row->record = make_referral (self, value, partner_ids, line, problems);
  else
    row->record = make_activity (self, value, partner_ids, line, problems);

  if (*uuid != '\0')
    {
      g_autofree char *lower = g_ascii_strdown (uuid, -1);

      if (RP_IS_REFERRAL (row->record))
        rp_referral_set_uuid (RP_REFERRAL (row->record), lower);
      else
        rp_activity_set_uuid (RP_ACTIVITY (row->record), lower);
    }

  if (*VALUE (RP_RECORD_FIELD_PATIENT_NAME) != '\0' || *VALUE (RP_RECORD_FIELD_PATIENT_DOB) != '\0' ||
      *VALUE (RP_RECORD_FIELD_PATIENT_MRN) != '\0' || *VALUE (RP_RECORD_FIELD_PATIENT_PHONE) != '\0')
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *dob = NULL;
      const char *v = VALUE (RP_RECORD_FIELD_PATIENT_DOB);

      if (*v != '\0' && (dob = rp_record_parse_day (v)) == NULL)
        rp_import_add_problem (problems, line,
                               g_strdup_printf (_("Column “%s”: the date of birth is not a date"),
                                                header_of (self, RP_RECORD_FIELD_PATIENT_DOB)));
      row->patient = rp_patient_new (VALUE (RP_RECORD_FIELD_PATIENT_NAME), dob != NULL ? dob : "",
                                     VALUE (RP_RECORD_FIELD_PATIENT_MRN),
                                     VALUE (RP_RECORD_FIELD_PATIENT_PHONE));
      if (!rp_patient_is_valid (row->patient, &local_error))
        rp_import_add_problem (problems, line, g_strdup (local_error->message));
      else if (self->vault == NULL || rp_vault_get_state (self->vault) != RP_VAULT_STATE_UNLOCKED)
        rp_import_add_problem (problems, line,
                               g_strdup (_("The row has patient identifiers, and the patient vault "
                                           "is locked: they cannot be stored")));
    }

  if (problems->len > n_problems)
    row_clear (row);
  return TRUE;
}

#undef VALUE

/* ── preview ──────────────────────────────────────────────────────────────────────────── */

static void
preview_free (RpRecordPreview *preview)
{
  g_free (preview->partners);
  g_free (preview->summary);
  g_free (preview);
}

static void
append_part (GString    *text,
             const char *part)
{
  if (part != NULL && *part != '\0')
    g_string_append_printf (text, "%s%s", text->len > 0 ? " · " : "", part);
}

/* Row @row of line @line as the preview shows it: its partners by name, then what is stored. */
static void
add_preview (RpRecordImport *self,
             RpStore        *store,
             Row            *row,
             guint           line)
{
  RpRecordPreview *preview = g_new0 (RpRecordPreview, 1);
  g_autoptr(GString) partners = g_string_new (NULL);
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (RP_IS_REFERRAL (row->record))
    {
      RpReferral *referral = RP_REFERRAL (row->record);
      gint64 id = rp_referral_get_partner_id (referral);

      g_array_append_val (ids, id);
      append_part (summary, rp_referral_direction_to_label (rp_referral_get_direction (referral)));
      append_part (summary, rp_referral_get_referred_on (referral));
      append_part (summary, rp_referral_status_to_label (rp_referral_get_status (referral)));
      append_part (summary, rp_urgency_to_label (rp_referral_get_urgency (referral)));
      append_part (summary, rp_referral_get_service_line (referral));
      append_part (summary, rp_referral_get_reason (referral));
      if (row->patient != NULL)
        append_part (summary, _("patient identifiers sealed"));
    }
  else
    {
      RpActivity *activity = RP_ACTIVITY (row->record);
      GArray *partner_ids = rp_activity_get_partner_ids (activity);

      g_array_append_vals (ids, partner_ids->data, partner_ids->len);
      append_part (summary, rp_activity_kind_to_label (rp_activity_get_kind (activity)));
      append_part (summary, rp_activity_get_occurred_at (activity));
      append_part (summary, rp_activity_get_contact_person (activity));
      append_part (summary, rp_activity_get_summary (activity));
    }

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(RpPartner) partner = rp_store_get_partner (store, g_array_index (ids, gint64, i),
                                                           NULL);

      if (partner != NULL)
        append_part (partners, rp_partner_get_display_name (partner));
    }

  preview->line = line;
  preview->partners = g_string_free (g_steal_pointer (&partners), FALSE);
  preview->summary = g_string_free (g_steal_pointer (&summary), FALSE);
  g_ptr_array_add (self->preview, preview);
}

/* ── passes ───────────────────────────────────────────────────────────────────────────── */


static gboolean
has_field (RpRecordImport *self,
           RpRecordField   field)
{
  for (guint i = 0; i < self->mapping->len; i++)
    if (g_array_index (self->mapping, RpRecordField, i) == field)
      return TRUE;
  return FALSE;
}

gboolean
rp_record_import_plan (RpRecordImport *self,
                       RpStore        *store,
                       GCancellable   *cancellable,
                       GError        **error)
{
  g_autoptr(GPtrArray) row_problems =
    g_ptr_array_new_with_free_func ((GDestroyNotify) rp_import_problem_free);
  g_autoptr(GError) local_error = NULL;
  GPtrArray *record;
  guint line, too_long;

  g_return_val_if_fail (RP_IS_RECORD_IMPORT (self), FALSE);
  g_return_val_if_fail (RP_IS_STORE (store), FALSE);

  self->planned = FALSE;
  self->n_rows = self->n_invalid = self->n_new = self->n_existing = 0;
  g_ptr_array_set_size (self->problems, 0);
  g_ptr_array_set_size (self->preview, 0);

  if (!has_field (self, RP_RECORD_FIELD_PARTNER_UUID) &&
      !has_field (self, RP_RECORD_FIELD_PARTNER_NPI) &&
      !has_field (self, RP_RECORD_FIELD_PARTNER_NAME))
    {
      g_set_error_literal (error, RP_IMPORT_ERROR, RP_IMPORT_ERROR_NO_NAME,
                           _("No column names the partner (a Rapport ID, an NPI or a name): "
                             "assign one on the mapping page"));
      return FALSE;
    }

  if (!load_partners (self, store, error) ||
      !rp_import_skip_header (self->reader, cancellable, error))
    return FALSE;

  while ((record = rp_csv_reader_next (self->reader, &line, &too_long, cancellable,
                                       &local_error)) != NULL)
    {
      Row row;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      self->n_rows++;
      g_ptr_array_set_size (row_problems, 0);
      if (!parse_row (self, store, record, line, too_long, row_problems, &row, error))
        return FALSE;

      if (row.existing)
        self->n_existing++;
      else if (row.record == NULL)
        {
          self->n_invalid++;
          for (guint i = 0; i < row_problems->len; i++)
            if (self->problems->len < RP_IMPORT_MAX_LISTED)
              g_ptr_array_add (self->problems, g_ptr_array_steal_index (row_problems, i--));
        }
      else
        {
          self->n_new++;
          if (self->preview->len < RP_RECORD_PREVIEW_ROWS)
            add_preview (self, store, &row, line);
        }
      row_clear (&row);
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (self->n_rows == 0)
    {
      g_set_error_literal (error, RP_IMPORT_ERROR, RP_IMPORT_ERROR_NO_ROWS,
                           _("The file has a header row but nothing under it"));
      return FALSE;
    }

  self->planned = TRUE;
  return TRUE;
}

static void
forget_added (RpRecordImport *self)
{
  g_array_set_size (self->added_ids, 0);
  g_ptr_array_set_size (self->added_uuids, 0);
  g_string_chunk_clear (self->uuid_chunk);
  g_hash_table_remove_all (self->last_contacts);
}

static void
remember_added (RpRecordImport *self,
                GObject        *record)
{
  gint64 id;
  const char *uuid;

  if (RP_IS_REFERRAL (record))
    {
      id = rp_referral_get_id (RP_REFERRAL (record));
      uuid = rp_referral_get_uuid (RP_REFERRAL (record));
    }
  else
    {
      id = rp_activity_get_id (RP_ACTIVITY (record));
      uuid = rp_activity_get_uuid (RP_ACTIVITY (record));
    }
  g_array_append_val (self->added_ids, id);
  g_ptr_array_add (self->added_uuids, g_string_chunk_insert_const (self->uuid_chunk, uuid));
}

/* The last contact of each partner of @activity before the import first touched it. */
static gboolean
remember_last_contacts (RpRecordImport  *self,
                        RpStore         *store,
                        RpActivity      *activity,
                        GError         **error)
{
  GArray *ids = rp_activity_get_partner_ids (activity);

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      char *at = NULL;

      if (g_hash_table_contains (self->last_contacts, &id))
        continue;
      if (!rp_store_get_last_contact (store, id, &at, error))
        return FALSE;
      g_hash_table_insert (self->last_contacts, g_memdup2 (&id, sizeof id), at);
    }
  return TRUE;
}

gboolean
rp_record_import_apply (RpRecordImport       *self,
                        RpStore              *store,
                        GCancellable         *cancellable,
                        RpImportProgressFunc  progress,
                        gpointer              user_data,
                        RpImportResult       *result,
                        GError              **error)
{
  g_autoptr(GPtrArray) row_problems =
    g_ptr_array_new_with_free_func ((GDestroyNotify) rp_import_problem_free);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  RpImportResult counts = { 0, };
  GPtrArray *record;
  guint line, too_long;
  guint done = 0;

  g_return_val_if_fail (RP_IS_RECORD_IMPORT (self), FALSE);
  g_return_val_if_fail (RP_IS_STORE (store), FALSE);

  if (!self->planned)
    {
      g_set_error_literal (error, RP_IMPORT_ERROR, RP_IMPORT_ERROR_NOT_PLANNED,
                           _("The import was not checked before it was run"));
      return FALSE;
    }
  if (self->n_invalid > 0)
    {
      g_set_error (error, RP_IMPORT_ERROR, RP_IMPORT_ERROR_INVALID_ROWS,
                   ngettext ("%u row has problems; nothing was imported",
                             "%u rows have problems; nothing was imported", self->n_invalid),
                   self->n_invalid);
      return FALSE;
    }

  forget_added (self);
  if (!rp_store_begin (store, error))
    return FALSE;
  if (!load_partners (self, store, error) ||
      !rp_import_skip_header (self->reader, cancellable, error))
    goto failed;

  while ((record = rp_csv_reader_next (self->reader, &line, &too_long, cancellable,
                                       &local_error)) != NULL)
    {
      Row row;
      gboolean ok = TRUE;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto failed;

      done++;
      if (progress != NULL && done % PROGRESS_EVERY == 0)
        {
          double elapsed = g_timer_elapsed (timer, NULL);

          progress (done, self->n_rows, elapsed > 0 ? done / elapsed : 0, user_data);
        }

      g_ptr_array_set_size (row_problems, 0);
      if (!parse_row (self, store, record, line, too_long, row_problems, &row, error))
        goto failed;
      if (row.existing)
        {
          counts.skipped++;
          continue;
        }
      if (row.record == NULL)
        {
          RpImportProblem *problem = g_ptr_array_index (row_problems, 0);

          g_set_error (error, RP_IMPORT_ERROR, RP_IMPORT_ERROR_INVALID_ROWS,
                       _("Line %u: %s (the file changed since it was checked)"),
                       line, problem->message);
          goto failed;
        }

      if (RP_IS_REFERRAL (row.record))
        ok = rp_store_insert_referral (store, RP_REFERRAL (row.record), error) &&
             (row.patient == NULL ||
              rp_vault_store_patient (self->vault, RP_REFERRAL (row.record), row.patient, error));
      else
        ok = remember_last_contacts (self, store, RP_ACTIVITY (row.record), error) &&
             rp_store_insert_activity (store, RP_ACTIVITY (row.record), error);
      if (ok)
        remember_added (self, row.record);
      row_clear (&row);
      if (!ok)
        {
          g_prefix_error (error, _("Line %u: "), line);
          goto failed;
        }
      counts.added++;
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      goto failed;
    }
  if (!rp_store_commit (store, error))
    {
      forget_added (self);
      return FALSE;
    }

  counts.seconds = g_timer_elapsed (timer, NULL);
  if (progress != NULL)
    progress (done, self->n_rows, counts.seconds > 0 ? done / counts.seconds : 0, user_data);
  if (result != NULL)
    *result = counts;
  return TRUE;

failed:
  rp_store_rollback (store);
  forget_added (self);
  return FALSE;
}

gboolean
rp_record_import_can_undo (RpRecordImport *self)
{
  g_return_val_if_fail (RP_IS_RECORD_IMPORT (self), FALSE);
  return self->added_ids->len > 0;
}

gboolean
rp_record_import_undo (RpRecordImport  *self,
                       RpStore         *store,
                       guint           *n_removed,
                       GError         **error)
{
  GHashTableIter iter;
  gpointer key, value;
  guint removed = 0;

  g_return_val_if_fail (RP_IS_RECORD_IMPORT (self), FALSE);
  g_return_val_if_fail (RP_IS_STORE (store), FALSE);

  if (!rp_store_begin (store, error))
    return FALSE;
  if (!rp_store_delete_imported (store, self->what == RP_IMPORT_WHAT_REFERRALS,
                                 (const gint64 *) self->added_ids->data,
                                 (const char * const *) self->added_uuids->pdata,
                                 self->added_ids->len, &removed, error))
    goto failed;
  /* Deleting an activity's partners set each one's last contact to its latest activity left;
   * a last contact that came from elsewhere is put back. */
  g_hash_table_iter_init (&iter, self->last_contacts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (value != NULL &&
        !rp_store_restore_last_contact (store, *(gint64 *) key, value, error))
      goto failed;
  if (!rp_store_commit (store, error))
    return FALSE;

  forget_added (self);
  if (n_removed != NULL)
    *n_removed = removed;
  return TRUE;

failed:
  rp_store_rollback (store);
  return FALSE;
}

/* ── GObject ──────────────────────────────────────────────────────────────────────────── */

static void
rp_record_import_finalize (GObject *object)
{
  RpRecordImport *self = RP_RECORD_IMPORT (object);

  g_clear_pointer (&self->by_uuid, g_hash_table_unref);
  g_clear_pointer (&self->by_npi, g_hash_table_unref);
  g_clear_pointer (&self->by_name, g_hash_table_unref);
  g_clear_pointer (&self->uuids_seen, rp_key_map_free);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->preview, g_ptr_array_unref);
  g_clear_pointer (&self->added_ids, g_array_unref);
  g_clear_pointer (&self->added_uuids, g_ptr_array_unref);
  g_clear_pointer (&self->uuid_chunk, g_string_chunk_free);
  g_clear_pointer (&self->last_contacts, g_hash_table_unref);
  g_clear_pointer (&self->headers, g_ptr_array_unref);
  g_clear_pointer (&self->mapping, g_array_unref);
  g_clear_object (&self->reader);
  g_clear_object (&self->vault);
  g_clear_object (&self->file);
  g_clear_pointer (&self->file_name, g_free);

  G_OBJECT_CLASS (rp_record_import_parent_class)->finalize (object);
}

static void
rp_record_import_class_init (RpRecordImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rp_record_import_finalize;
}

static void
rp_record_import_init (RpRecordImport *self)
{
  self->by_uuid = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->by_npi = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->uuids_seen = rp_key_map_new ();
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) rp_import_problem_free);
  self->preview = g_ptr_array_new_with_free_func ((GDestroyNotify) preview_free);
  self->added_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->added_uuids = g_ptr_array_new ();
  self->uuid_chunk = g_string_chunk_new (4096);
  self->last_contacts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

/* ── public API ───────────────────────────────────────────────────────────────────────── */

RpRecordImport *
rp_record_import_new (GFile         *file,
                      RpImportWhat   what,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(RpRecordImport) self = NULL;
  g_autoptr(GError) local_error = NULL;
  GPtrArray *header;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (what == RP_IMPORT_WHAT_REFERRALS || what == RP_IMPORT_WHAT_ACTIVITIES,
                        NULL);

  self = g_object_new (RP_TYPE_RECORD_IMPORT, NULL);
  self->what = what;
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
  self->mapping = g_array_sized_new (FALSE, TRUE, sizeof (RpRecordField), header->len);
  for (guint i = 0; i < header->len; i++)
    {
      char *text = g_strstrip (g_strdup (g_ptr_array_index (header, i)));
      RpRecordField field = rp_record_guess_field (text, what);

      /* Each field from one column: the first that names it. */
      for (guint j = 0; j < i && field != RP_RECORD_FIELD_IGNORE; j++)
        if (g_array_index (self->mapping, RpRecordField, j) == field)
          field = RP_RECORD_FIELD_IGNORE;
      g_ptr_array_add (self->headers, text);
      g_array_append_val (self->mapping, field);
    }

  return g_steal_pointer (&self);
}

RpImportWhat
rp_record_import_get_what (RpRecordImport *self)
{
  g_return_val_if_fail (RP_IS_RECORD_IMPORT (self), RP_IMPORT_WHAT_REFERRALS);
  return self->what;
}

GPtrArray *
rp_record_import_get_headers (RpRecordImport *self)
{
  g_return_val_if_fail (RP_IS_RECORD_IMPORT (self), NULL);
  return self->headers;
}

GArray *
rp_record_import_get_mapping (RpRecordImport *self)
{
  g_return_val_if_fail (RP_IS_RECORD_IMPORT (self), NULL);
  return self->mapping;
}

void
rp_record_import_set_column_field (RpRecordImport *self,
                                   guint           column,
                                   RpRecordField   field)
{
  g_return_if_fail (RP_IS_RECORD_IMPORT (self));
  g_return_if_fail (column < self->mapping->len);
  g_return_if_fail (field < RP_RECORD_N_FIELDS);

  if (field != RP_RECORD_FIELD_IGNORE)
    for (guint i = 0; i < self->mapping->len; i++)
      if (g_array_index (self->mapping, RpRecordField, i) == field)
        g_array_index (self->mapping, RpRecordField, i) = RP_RECORD_FIELD_IGNORE;
  g_array_index (self->mapping, RpRecordField, column) = field;
  self->planned = FALSE;
}

void
rp_record_import_set_vault (RpRecordImport *self,
                            RpVault        *vault)
{
  gboolean could, can;

  g_return_if_fail (RP_IS_RECORD_IMPORT (self));

  could = self->vault != NULL && rp_vault_get_state (self->vault) == RP_VAULT_STATE_UNLOCKED;
  can = vault != NULL && rp_vault_get_state (vault) == RP_VAULT_STATE_UNLOCKED;
  g_set_object (&self->vault, vault);
  /* Another unlocked vault (the same key on another connection) keeps the plan. */
  if (could != can)
    self->planned = FALSE;
}

gboolean
rp_record_import_has_patient_columns (RpRecordImport *self)
{
  g_return_val_if_fail (RP_IS_RECORD_IMPORT (self), FALSE);
  return has_field (self, RP_RECORD_FIELD_PATIENT_NAME) ||
         has_field (self, RP_RECORD_FIELD_PATIENT_DOB) ||
         has_field (self, RP_RECORD_FIELD_PATIENT_MRN) ||
         has_field (self, RP_RECORD_FIELD_PATIENT_PHONE);
}

guint
rp_record_import_get_n_rows (RpRecordImport *self)
{
  g_return_val_if_fail (RP_IS_RECORD_IMPORT (self), 0);
  return self->n_rows;
}

guint
rp_record_import_get_n_invalid (RpRecordImport *self)
{
  g_return_val_if_fail (RP_IS_RECORD_IMPORT (self), 0);
  return self->n_invalid;
}

guint
rp_record_import_get_n_new (RpRecordImport *self)
{
  g_return_val_if_fail (RP_IS_RECORD_IMPORT (self), 0);
  return self->n_new;
}

guint
rp_record_import_get_n_existing (RpRecordImport *self)
{
  g_return_val_if_fail (RP_IS_RECORD_IMPORT (self), 0);
  return self->n_existing;
}

GPtrArray *
rp_record_import_get_preview (RpRecordImport *self)
{
  g_return_val_if_fail (RP_IS_RECORD_IMPORT (self), NULL);
  return self->preview;
}

GPtrArray *
rp_record_import_get_problems (RpRecordImport *self)
{
  g_return_val_if_fail (RP_IS_RECORD_IMPORT (self), NULL);
  return self->problems;
}
