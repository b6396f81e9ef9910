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
#include "rp-enum-types.h"
#include "rp-enums.h"
#include "rp-key-map.h"
#include "rp-name-parts.h"
#include "rp-partner-import.h"
#include "rp-partner-import-private.h"
#include "rp-specialties.h"
#include "rp-store-imports.h"
#include "rp-store-partners.h"
#include "rp-validate.h"

#define PROGRESS_EVERY 2000

/* The duplicate keys of a partner: 64-bit hashes, 0 when the partner has none of that kind. */
typedef struct
{
  guint64 uuid;
  guint64 npi;
  guint64 name_address;
  guint64 name_phone;
} Keys;

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

  /* Keys of the database's partners as loaded (a hash → the partner's id), under the
   * database's write stamp then; and of the rows seen in this pass: → a partner id (> 0) or
   * minus the line of an earlier row of the file (< 0). The four kinds of key share a map:
   * each kind's hashes start from its own letter. */
  RpKeyMap          *stored_keys;
  char              *stored_stamp;
  RpKeyMap          *file_keys;

  gboolean           bulk_allowed; /* FALSE: row by row with every trigger (for tests) */
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
problem_free (RpImportProblem *problem)
{
  g_free (problem->message);
  g_free (problem);
}

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

/* The keys are FNV-1a hashes, fed a byte at a time without building the strings they stand
 * for: an import computes them for every partner of the database and every row of the file. */
#define FNV_START 0xcbf29ce484222325ULL
#define FNV_SEPARATOR 0x1f

static inline guint64
fnv_byte (guint64 h,
          guchar  c)
{
  return (h ^ c) * 0x100000001b3ULL;
}

static guint64
fnv_text (guint64     h,
          const char *text,
          gssize      len)
{
  for (const char *p = text; len < 0 ? *p != '\0' : p < text + len; p++)
    h = fnv_byte (h, (guchar) *p);
  return h;
}

/* Feeds @text squashed to lower-case letters and digits only ("St. Mary's Clinic" →
 * "stmarysclinic"); sets *@any when it fed something. */
static guint64
fnv_squashed (guint64     h,
              const char *text,
              gssize      len,
              gboolean   *any)
{
  gsize n = len < 0 ? strlen (text) : (gsize) len;
  gboolean ascii = TRUE;

  for (gsize i = 0; i < n && ascii; i++)
    ascii = (guchar) text[i] < 0x80;

  if (ascii)
    {
      for (gsize i = 0; i < n; i++)
        if (g_ascii_isalnum (text[i]))
          {
            h = fnv_byte (h, (guchar) g_ascii_tolower (text[i]));
            *any = TRUE;
          }
    }
  else
    {
      g_autofree char *folded = g_utf8_casefold (text, n);

      for (const char *p = folded; *p != '\0'; p++)
        if (g_ascii_isalnum (*p) || (guchar) *p >= 0x80)
          {
            h = fnv_byte (h, (guchar) *p);
            *any = TRUE;
          }
    }
  return h;
}

static guint64
fnv_finish (guint64 h)
{
  return h != 0 ? h : 1;
}

static void
compute_keys (const char *uuid,
              const char *npi,
              const char *first_name,
              const char *last_name,
              const char *organization,
              const char *street,
              const char *zip,
              const char *phone,
              Keys       *keys)
{
  guint64 name = FNV_START;
  gboolean any_name = FALSE;
  gboolean any_street = FALSE;
  gboolean any_phone = FALSE;
  guint64 address;
  guint64 tel;
  gsize zip_len;
  gsize n_digits = 0;
  const char *first_digit = NULL;
  const char *space;

  memset (keys, 0, sizeof *keys);
  if (uuid != NULL && *uuid != '\0')
    keys->uuid = fnv_finish (fnv_text (fnv_byte (fnv_byte (FNV_START, 'u'), FNV_SEPARATOR),
                                       uuid, -1));
  if (npi != NULL && *npi != '\0')
    keys->npi = fnv_finish (fnv_text (fnv_byte (fnv_byte (FNV_START, 'n'), FNV_SEPARATOR),
                                      npi, -1));

  /* A person by the first word of the first name ("Jane Q." and "Jane" are the same person)
   * and the last name; else the organization. */
  if (*last_name != '\0')
    {
      space = strchr (first_name, ' ');
      name = fnv_squashed (name, first_name, space != NULL ? space - first_name : -1, &any_name);
      name = fnv_byte (name, ' ');
      name = fnv_squashed (name, last_name, -1, &any_name);
    }
  else
    name = fnv_squashed (name, organization, -1, &any_name);
  if (!any_name)
    return;
  name = fnv_byte (name, FNV_SEPARATOR);

  address = fnv_squashed (fnv_byte (fnv_byte (name, 'a'), FNV_SEPARATOR), street, -1,
                          &any_street);
  zip_len = strnlen (zip, 5);
  if (any_street || zip_len > 0)
    keys->name_address = fnv_finish (fnv_text (fnv_byte (address, FNV_SEPARATOR), zip, zip_len));

  /* The digits of the phone number, without a leading country code 1. */
  for (const char *p = phone; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      {
        if (first_digit == NULL)
          first_digit = p;
        n_digits++;
      }
  tel = fnv_byte (fnv_byte (name, 'p'), FNV_SEPARATOR);
  for (const char *p = phone; *p != '\0'; p++)
    if (g_ascii_isdigit (*p) && !(n_digits == 11 && p == first_digit && *p == '1'))
      {
        tel = fnv_byte (tel, (guchar) *p);
        any_phone = TRUE;
      }
  if (any_phone)
    keys->name_phone = fnv_finish (tel);
}

static void
partner_keys (RpPartner *partner,
              Keys      *keys)
{
  compute_keys (rp_partner_get_uuid (partner), rp_partner_get_npi (partner),
                rp_partner_get_first_name (partner), rp_partner_get_last_name (partner),
                rp_partner_get_organization (partner), rp_partner_get_street (partner),
                rp_partner_get_zip (partner), rp_partner_get_phone (partner), keys);
}

static const guint64 *
keys_array (const Keys *keys)
{
  return (const guint64 *) keys;
}

static void
register_keys (RpPartnerImport *self,
               const Keys      *keys,
               gint64           value)
{
  for (guint i = 0; i < 4; i++)
    {
      guint64 key = keys_array (keys)[i];

      /* The first holder of a key keeps it: the database's partners, then the file's rows. */
      if (key != 0 && !rp_key_map_lookup (self->stored_keys, key, NULL))
        rp_key_map_insert (self->file_keys, key, (gint32) value);
    }
}

/* The earlier partner or row @keys match, strongest match first; RP_MATCH_NONE if none. */
static RpDuplicateMatch
find_match (RpPartnerImport *self,
            const Keys      *keys,
            gint64          *value)
{
  for (guint i = 0; i < 4; i++)
    {
      guint64 key = keys_array (keys)[i];
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
  Keys keys;

  compute_keys (stored->uuid, stored->npi, stored->first_name, stored->last_name,
                stored->organization, stored->street, stored->zip, stored->phone, &keys);
  for (guint i = 0; i < 4; i++)
    {
      guint64 key = keys_array (&keys)[i];

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

/* ── one row ──────────────────────────────────────────────────────────────────────────── */

static void
add_problem (GPtrArray  *problems,
             guint       line,
             char       *message)
{
  RpImportProblem *problem = g_new0 (RpImportProblem, 1);

  problem->line = line;
  problem->message = message;
  g_ptr_array_add (problems, problem);
}

static const char *
header_of (RpPartnerImport *self,
           RpImportField    field)
{
  for (guint i = 0; i < self->mapping->len; i++)
    if (g_array_index (self->mapping, RpImportField, i) == field)
      return g_ptr_array_index (self->headers, i);
  return rp_import_field_to_label (field);
}

static void
check (RpPartnerImport *self,
       GPtrArray       *problems,
       guint            line,
       RpImportField    field,
       gboolean       (*validate) (const char *, GError **),
       const char      *value)
{
  g_autoptr(GError) error = NULL;

  if (!validate (value, &error))
    add_problem (problems, line, g_strdup_printf (_("Column “%s”: %s"), header_of (self, field),
                                                  error->message));
}

/* "2134" (a ZIP whose leading zero a spreadsheet dropped) → "02134"; "432151234" → "43215-1234". */
static char *
normalise_zip (const char *zip)
{
  gsize len = strlen (zip);
  gboolean digits = len > 0 && strspn (zip, "0123456789") == len;

  if (digits && len == 4)
    return g_strconcat ("0", zip, NULL);
  if (digits && len == 9)
    return g_strdup_printf ("%.5s-%s", zip, zip + 5);
  if (digits && len == 8)
    return g_strdup_printf ("0%.4s-%s", zip, zip + 4);
  return g_strdup (zip);
}

static char *
normalise_npi (const char *npi)
{
  GString *out = g_string_new (NULL);

  for (const char *p = npi; *p != '\0'; p++)
    if (*p != ' ' && *p != '-')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

static gboolean
parse_tier (const char *text,
            RpTier     *tier)
{
  g_autofree char *key = g_ascii_strdown (text, -1);
  const char *k = g_str_has_prefix (key, "tier ") ? key + 5 : key;

  if (g_str_equal (k, "a") || g_str_equal (k, "1"))
    *tier = RP_TIER_A;
  else if (g_str_equal (k, "b") || g_str_equal (k, "2"))
    *tier = RP_TIER_B;
  else if (g_str_equal (k, "c") || g_str_equal (k, "3"))
    *tier = RP_TIER_C;
  else
    return FALSE;
  return TRUE;
}

static gboolean
parse_status (const char      *text,
              RpPartnerStatus *status)
{
  int value;

  for (int s = RP_PARTNER_STATUS_PROSPECT; s <= RP_PARTNER_STATUS_DORMANT; s++)
    if (g_utf8_collate (text, rp_partner_status_to_label (s)) == 0 ||
        g_ascii_strcasecmp (text, rp_partner_status_to_label (s)) == 0)
      {
        *status = s;
        return TRUE;
      }
  {
    g_autofree char *lower = g_ascii_strdown (text, -1);

    if (rp_enum_from_nick (RP_TYPE_PARTNER_STATUS, lower, &value))
      {
        *status = value;
        return TRUE;
      }
  }
  return FALSE;
}

static void
set_specialty (RpPartner  *partner,
               const char *text)
{
  const RpSpecialty *specialty = rp_specialties_lookup (text);
  guint n = 0;
  const RpSpecialty *all = rp_specialties_get_all (&n);

  for (guint i = 0; specialty == NULL && i < n; i++)
    if (g_ascii_strcasecmp (all[i].label, text) == 0 ||
        g_utf8_collate (rp_specialty_get_display_label (&all[i]), text) == 0)
      specialty = &all[i];

  if (specialty != NULL)
    {
      rp_partner_set_specialty_code (partner, specialty->code);
      rp_partner_set_specialty_label (partner, specialty->label);
    }
  else
    rp_partner_set_specialty_label (partner, text);
}

/* The partner of one record, as it will be stored; NULL when the row has problems (each added
 * to @problems with @line). */
static RpPartner *
row_to_partner (RpPartnerImport *self,
                GPtrArray       *record,
                guint            line,
                guint            too_long,
                GPtrArray       *problems)
{
  g_autoptr(RpPartner) partner = NULL;
  g_autoptr(GString) credentials = g_string_new (NULL);
  const char *value[RP_IMPORT_N_FIELDS] = { NULL, };
  g_autoptr(GPtrArray) trimmed = g_ptr_array_new_with_free_func (g_free);
  guint n_problems = problems->len;
  guint n_columns = self->headers->len;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  const char *v;

  if (too_long > 0)
    add_problem (problems, line,
                 g_strdup_printf (_("Field %u is longer than %u MB and was not read"),
                                  too_long, RP_CSV_MAX_FIELD_BYTES / (1024 * 1024)));

  if (record->len != n_columns)
    {
      gboolean extra_blank = TRUE;

      for (guint i = n_columns; i < record->len; i++)
        if (*g_strstrip ((char *) g_ptr_array_index (record, i)) != '\0')
          extra_blank = FALSE;
      if (record->len < n_columns || !extra_blank)
        add_problem (problems, line,
                     g_strdup_printf (ngettext ("The row has %u field; the header has %u",
                                                "The row has %u fields; the header has %u",
                                                record->len),
                                      record->len, n_columns));
    }

  for (guint i = 0; i < MIN (record->len, n_columns); i++)
    {
      RpImportField field = g_array_index (self->mapping, RpImportField, i);
      char *text;

      if (field == RP_IMPORT_FIELD_IGNORE)
        continue;
      text = g_strstrip (g_strdup (g_ptr_array_index (record, i)));
      g_ptr_array_add (trimmed, text);
      value[field] = text;
    }

  if (problems->len > n_problems)
    return NULL;

#define VALUE(f) (value[f] != NULL ? value[f] : "")

  partner = rp_partner_new (RP_PARTNER_KIND_PERSON);
  g_object_freeze_notify (G_OBJECT (partner));

  /* Names: separate columns, else the full name split. */
  if (*VALUE (RP_IMPORT_FIELD_FIRST_NAME) != '\0' || *VALUE (RP_IMPORT_FIELD_LAST_NAME) != '\0')
    {
      first = *VALUE (RP_IMPORT_FIELD_MIDDLE_NAME) != '\0'
              ? g_strconcat (VALUE (RP_IMPORT_FIELD_FIRST_NAME), " ",
                             VALUE (RP_IMPORT_FIELD_MIDDLE_NAME), NULL)
              : g_strdup (VALUE (RP_IMPORT_FIELD_FIRST_NAME));
      last = rp_name_strip_credentials (VALUE (RP_IMPORT_FIELD_LAST_NAME), credentials);
      rp_partner_set_prefix (partner, VALUE (RP_IMPORT_FIELD_PREFIX));
    }
  else if (*VALUE (RP_IMPORT_FIELD_FULL_NAME) != '\0')
    {
      g_auto(RpNameParts) parts = { NULL, };

      rp_name_parts_split (VALUE (RP_IMPORT_FIELD_FULL_NAME), &parts);
      first = g_strdup (parts.first_name);
      last = g_strdup (parts.last_name);
      g_string_append (credentials, parts.credentials);
      rp_partner_set_prefix (partner, *VALUE (RP_IMPORT_FIELD_PREFIX) != '\0'
                                      ? VALUE (RP_IMPORT_FIELD_PREFIX) : parts.prefix);
    }
  else
    {
      first = g_strdup ("");
      last = g_strdup ("");
    }
  rp_partner_set_first_name (partner, first);
  rp_partner_set_last_name (partner, last);
  if (*VALUE (RP_IMPORT_FIELD_CREDENTIALS) != '\0')
    rp_partner_set_credentials (partner, VALUE (RP_IMPORT_FIELD_CREDENTIALS));
  else
    rp_partner_set_credentials (partner, credentials->str);
  rp_partner_set_organization (partner, VALUE (RP_IMPORT_FIELD_ORGANIZATION));

  v = VALUE (RP_IMPORT_FIELD_KIND);
  if (g_ascii_strcasecmp (v, "organization") == 0 || g_ascii_strcasecmp (v, "organisation") == 0 ||
      g_ascii_strcasecmp (v, "office") == 0 ||
      (*v == '\0' && *first == '\0' && *last == '\0'))
    rp_partner_set_kind (partner, RP_PARTNER_KIND_ORGANIZATION);
  else if (*v != '\0' && g_ascii_strcasecmp (v, "person") != 0)
    add_problem (problems, line, g_strdup_printf (_("Column “%s”: “%s” is neither “person” nor "
                                                    "“organization”"),
                                                  header_of (self, RP_IMPORT_FIELD_KIND), v));

  if (*first == '\0' && *last == '\0' && *VALUE (RP_IMPORT_FIELD_ORGANIZATION) == '\0')
    add_problem (problems, line, g_strdup (_("The row has no name and no organization")));

  v = VALUE (RP_IMPORT_FIELD_UUID);
  if (*v != '\0')
    {
      g_autofree char *lower = g_ascii_strdown (v, -1);

      if (rp_import_looks_like_uuid (lower))
        rp_partner_set_uuid (partner, lower);
      else
        add_problem (problems, line, g_strdup_printf (_("Column “%s”: “%s” is not a Rapport ID"),
                                                      header_of (self, RP_IMPORT_FIELD_UUID), v));
    }

  {
    g_autofree char *npi = normalise_npi (VALUE (RP_IMPORT_FIELD_NPI));

    check (self, problems, line, RP_IMPORT_FIELD_NPI, rp_validate_npi, npi);
    rp_partner_set_npi (partner, npi);
  }

  if (*VALUE (RP_IMPORT_FIELD_SPECIALTY) != '\0')
    set_specialty (partner, VALUE (RP_IMPORT_FIELD_SPECIALTY));

  if (*VALUE (RP_IMPORT_FIELD_STREET2) != '\0' && *VALUE (RP_IMPORT_FIELD_STREET) != '\0')
    {
      g_autofree char *street = g_strconcat (VALUE (RP_IMPORT_FIELD_STREET), ", ",
                                             VALUE (RP_IMPORT_FIELD_STREET2), NULL);
      rp_partner_set_street (partner, street);
    }
  else
    rp_partner_set_street (partner, *VALUE (RP_IMPORT_FIELD_STREET) != '\0'
                                    ? VALUE (RP_IMPORT_FIELD_STREET)
                                    : VALUE (RP_IMPORT_FIELD_STREET2));
  /* A street on two lines in one cell ("500 Summit Ave⏎Suite 210") is one line here. */
  if (strchr (rp_partner_get_street (partner), '\n') != NULL)
    {
      g_auto(GStrv) lines = g_strsplit_set (rp_partner_get_street (partner), "\r\n", -1);
      g_autoptr(GPtrArray) kept = g_ptr_array_new ();
      g_autofree char *joined = NULL;

      for (guint i = 0; lines[i] != NULL; i++)
        if (*g_strstrip (lines[i]) != '\0')
          g_ptr_array_add (kept, lines[i]);
      g_ptr_array_add (kept, NULL);
      joined = g_strjoinv (", ", (char **) kept->pdata);
      rp_partner_set_street (partner, joined);
    }
  rp_partner_set_city (partner, VALUE (RP_IMPORT_FIELD_CITY));

  {
    g_autofree char *state = g_ascii_strup (VALUE (RP_IMPORT_FIELD_STATE), -1);
    g_autofree char *zip = normalise_zip (VALUE (RP_IMPORT_FIELD_ZIP));

    check (self, problems, line, RP_IMPORT_FIELD_STATE, rp_validate_state, state);
    check (self, problems, line, RP_IMPORT_FIELD_ZIP, rp_validate_zip, zip);
    rp_partner_set_state (partner, state);
    rp_partner_set_zip (partner, zip);
  }

  {
    const RpImportField phones[] = { RP_IMPORT_FIELD_PHONE, RP_IMPORT_FIELD_FAX };

    for (guint i = 0; i < G_N_ELEMENTS (phones); i++)
      {
        g_autofree char *formatted = NULL;

        v = VALUE (phones[i]);
        check (self, problems, line, phones[i], rp_validate_phone, v);
        formatted = *v != '\0' ? rp_format_phone (v) : g_strdup ("");
        if (phones[i] == RP_IMPORT_FIELD_PHONE)
          rp_partner_set_phone (partner, formatted);
        else
          rp_partner_set_fax (partner, formatted);
      }
  }

  check (self, problems, line, RP_IMPORT_FIELD_EMAIL, rp_validate_email,
         VALUE (RP_IMPORT_FIELD_EMAIL));
  rp_partner_set_email (partner, VALUE (RP_IMPORT_FIELD_EMAIL));
  rp_partner_set_office_contact (partner, VALUE (RP_IMPORT_FIELD_OFFICE_CONTACT));
  rp_partner_set_best_time (partner, VALUE (RP_IMPORT_FIELD_BEST_TIME));

  v = VALUE (RP_IMPORT_FIELD_TIER);
  if (*v != '\0')
    {
      RpTier tier;

      if (parse_tier (v, &tier))
        rp_partner_set_tier (partner, tier);
      else
        add_problem (problems, line, g_strdup_printf (_("Column “%s”: the tier is A, B or C, "
                                                        "not “%s”"),
                                                      header_of (self, RP_IMPORT_FIELD_TIER), v));
    }

  v = VALUE (RP_IMPORT_FIELD_STATUS);
  if (*v != '\0')
    {
      RpPartnerStatus status;

      if (parse_status (v, &status))
        rp_partner_set_status (partner, status);
      else
        add_problem (problems, line,
                     g_strdup_printf (_("Column “%s”: the status is Prospect, Active or Dormant, "
                                        "not “%s”"),
                                      header_of (self, RP_IMPORT_FIELD_STATUS), v));
    }

  /* A location (a vCard's GEO): both coordinates or neither. */
  if (*VALUE (RP_IMPORT_FIELD_LATITUDE) != '\0' || *VALUE (RP_IMPORT_FIELD_LONGITUDE) != '\0')
    {
      const char *lat_text = VALUE (RP_IMPORT_FIELD_LATITUDE);
      const char *lon_text = VALUE (RP_IMPORT_FIELD_LONGITUDE);
      char *lat_end = NULL, *lon_end = NULL;
      double lat = g_ascii_strtod (lat_text, &lat_end);
      double lon = g_ascii_strtod (lon_text, &lon_end);

      if (*lat_text == '\0' || *lon_text == '\0' || *lat_end != '\0' || *lon_end != '\0' ||
          lat < -90 || lat > 90 || lon < -180 || lon > 180)
        add_problem (problems, line,
                     g_strdup_printf (_("“%s, %s” is not a location (a latitude from -90 to 90 "
                                        "and a longitude from -180 to 180)"),
                                      lat_text, lon_text));
      else
        rp_partner_set_location (partner, lat, lon);
    }

  rp_partner_set_tags (partner, VALUE (RP_IMPORT_FIELD_TAGS));
  rp_partner_set_notes (partner, VALUE (RP_IMPORT_FIELD_NOTES));

#undef VALUE

  g_object_thaw_notify (G_OBJECT (partner));

  if (problems->len > n_problems)
    return NULL;
  return g_steal_pointer (&partner);
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
          Keys keys = { 0, };
          gint64 holder = 0;

          compute_keys ("", new, "", "", "", "", "", "", &keys);
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


/* The line of the original file of the @ordinal-th record (1 the first under the header), read
 * from line @line of the CSV. */
static guint
source_line (RpPartnerImport *self,
             guint            line,
             guint            ordinal)
{
  if (self->line_map != NULL && ordinal < self->line_map->len)
    return g_array_index (self->line_map, guint, ordinal);
  return line;
}

static gboolean
has_name_column (RpPartnerImport *self)
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
  g_autoptr(GPtrArray) row_problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  GPtrArray *record;
  guint line, too_long;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (RP_IS_PARTNER_IMPORT (self), FALSE);
  g_return_val_if_fail (RP_IS_STORE (store), FALSE);

  reset_plan (self);

  if (!has_name_column (self))
    {
      g_set_error_literal (error, RP_IMPORT_ERROR, RP_IMPORT_ERROR_NO_NAME,
                           _("No column holds a name or an organization: assign one on the "
                             "mapping page, or use --mapping"));
      return FALSE;
    }

  if (!load_keys (self, store, error) ||
      !rp_import_skip_header (self->reader, cancellable, error))
    return FALSE;

  while ((record = rp_csv_reader_next (self->reader, &line, &too_long, cancellable,
                                       &local_error)) != NULL)
    {
      g_autoptr(RpPartner) partner = NULL;
      RpDuplicateMatch match;
      Keys keys;
      gint64 value = 0;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      line = source_line (self, line, self->n_rows + 1);
      self->n_rows++;
      g_ptr_array_set_size (row_problems, 0);
      partner = row_to_partner (self, record, line, too_long, row_problems);

      if (partner == NULL)
        {
          self->n_invalid++;
          for (guint i = 0; i < row_problems->len; i++)
            if (self->problems->len < RP_IMPORT_MAX_LISTED)
              g_ptr_array_add (self->problems, g_ptr_array_steal_index (row_problems, i--));
          continue;
        }

      if (self->preview->len < RP_IMPORT_PREVIEW_ROWS)
        {
          g_ptr_array_add (self->preview, g_object_ref (partner));
          g_array_append_val (self->preview_lines, line);
        }

      partner_keys (partner, &keys);
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

/* The partners an import writes in one go (bulk mode): added rows wait here, with their lines
 * and keys, until there are PENDING_ROWS of them or a row needs to see them in the database. */
#define PENDING_ROWS 1024

#define PENDING_FILTER_BITS 8192

typedef struct
{
  GPtrArray *partners;
  GArray    *lines;
  GArray    *keys;
  GArray    *ids;
  /* A bit for each waiting key's low bits: most rows' keys miss it, and only a hit looks
   * through the waiting rows. */
  guint64    filter[PENDING_FILTER_BITS / 64];
} Pending;

static gboolean
filter_has (const Pending *pending,
            guint64        key)
{
  guint bit = key % PENDING_FILTER_BITS;

  return (pending->filter[bit / 64] >> (bit % 64)) & 1;
}

static void
filter_add (Pending *pending,
            guint64  key)
{
  guint bit = key % PENDING_FILTER_BITS;

  pending->filter[bit / 64] |= G_GUINT64_CONSTANT (1) << (bit % 64);
}

static void
pending_init (Pending *pending)
{
  pending->partners = g_ptr_array_new_full (PENDING_ROWS, g_object_unref);
  pending->lines = g_array_sized_new (FALSE, FALSE, sizeof (guint), PENDING_ROWS);
  pending->keys = g_array_sized_new (FALSE, FALSE, sizeof (Keys), PENDING_ROWS);
  pending->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), PENDING_ROWS);
}

static void
pending_clear (Pending *pending)
{
  g_clear_pointer (&pending->partners, g_ptr_array_unref);
  g_clear_pointer (&pending->lines, g_array_unref);
  g_clear_pointer (&pending->keys, g_array_unref);
  g_clear_pointer (&pending->ids, g_array_unref);
}

/* Whether a waiting row holds one of @keys. */
static gboolean
pending_holds (Pending    *pending,
               const Keys *keys)
{
  gboolean maybe = FALSE;

  for (guint k = 0; k < 4; k++)
    maybe |= keys_array (keys)[k] != 0 && filter_has (pending, keys_array (keys)[k]);
  if (!maybe)
    return FALSE;

  for (guint i = 0; i < pending->keys->len; i++)
    {
      const guint64 *held = keys_array (&g_array_index (pending->keys, Keys, i));

      for (guint k = 0; k < 4; k++)
        if (keys_array (keys)[k] != 0 && (held[0] == keys_array (keys)[k] ||
                                          held[1] == keys_array (keys)[k] ||
                                          held[2] == keys_array (keys)[k] ||
                                          held[3] == keys_array (keys)[k]))
          return TRUE;
    }
  return FALSE;
}

/* Writes the waiting rows and their origins, then registers their keys under their ids, as the
 * row-by-row path does after each insert. */
static gboolean
pending_flush (RpPartnerImport *self,
               RpStore         *store,
               Pending         *pending,
               gint64           batch_id,
               GError         **error)
{
  guint n = pending->partners->len;

  if (n == 0)
    return TRUE;
  if (!rp_store_insert_partners (store, pending->partners, error))
    return FALSE;

  g_array_set_size (pending->ids, n);
  for (guint i = 0; i < n; i++)
    g_array_index (pending->ids, gint64, i) =
      rp_partner_get_id (g_ptr_array_index (pending->partners, i));
  if (!rp_store_add_partner_origins (store, batch_id, (const gint64 *) pending->ids->data,
                                     (const guint *) pending->lines->data, n, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    register_keys (self, &g_array_index (pending->keys, Keys, i),
                   g_array_index (pending->ids, gint64, i));
  g_ptr_array_set_size (pending->partners, 0);
  g_array_set_size (pending->lines, 0);
  g_array_set_size (pending->keys, 0);
  memset (pending->filter, 0, sizeof pending->filter);
  return TRUE;
}

static RpDuplicateAction
action_for (RpPartnerImport *self,
            guint            line)
{
  gpointer set = g_hash_table_lookup (self->actions, GUINT_TO_POINTER (line));

  return set != NULL ? GPOINTER_TO_UINT (set) - 1 : self->default_action;
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
  g_autoptr(GPtrArray) row_problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  RpImportResult counts = { 0, };
  GPtrArray *record;
  guint line, too_long;
  guint done = 0;
  gint64 batch_id = 0;
  gboolean bulk;
  RpStoreImportWrite *write = NULL;
  Pending pending = { NULL, };

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

  /* One transaction in which the partners' search and map indexes and sync queue get the new
   * rows at the end, not row by row, and the new rows are written a thousand at a time. Not
   * when a row is to be merged into one added by an earlier row: the search index's update
   * trigger would not find the new row in it. A rollback brings everything back as it was,
   * either way. */
  bulk = self->n_in_file == 0 && self->bulk_allowed;
  if (bulk)
    {
      write = rp_store_begin_import_write (store, error);
      if (write == NULL)
        return FALSE;
    }
  else if (!rp_store_begin (store, error))
    return FALSE;

  pending_init (&pending);
  if (!load_keys (self, store, error) ||
      !rp_import_skip_header (self->reader, cancellable, error) ||
      !rp_store_add_import_batch (store, self->file_name, "partners", &batch_id, error))
    goto failed;

  while ((record = rp_csv_reader_next (self->reader, &line, &too_long, cancellable,
                                       &local_error)) != NULL)
    {
      g_autoptr(RpPartner) partner = NULL;
      RpDuplicateMatch match;
      Keys keys;
      gint64 value = 0;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto failed;

      line = source_line (self, line, done + 1);
      done++;
      if (progress != NULL && done % PROGRESS_EVERY == 0)
        {
          double elapsed = g_timer_elapsed (timer, NULL);

          progress (done, self->n_rows, elapsed > 0 ? done / elapsed : 0, user_data);
        }

      g_ptr_array_set_size (row_problems, 0);
      partner = row_to_partner (self, record, line, too_long, row_problems);
      if (partner == NULL)
        {
          if (!skip_invalid)
            {
              RpImportProblem *problem = g_ptr_array_index (row_problems, 0);

              g_set_error (error, RP_IMPORT_ERROR, RP_IMPORT_ERROR_INVALID_ROWS,
                           _("Line %u: %s (the file changed since it was checked)"),
                           line, problem->message);
              goto failed;
            }
          counts.skipped++;
          continue;
        }

      partner_keys (partner, &keys);
      /* A row that repeats a waiting one finds it written, as it would row by row. */
      if (bulk && pending.partners->len > 0 && pending_holds (&pending, &keys) &&
          !pending_flush (self, store, &pending, batch_id, error))
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
              if (!pending_flush (self, store, &pending, batch_id, error))
                goto failed;
              existing = rp_store_get_partner (store, value, error);
              if (existing == NULL)
                goto failed;
              if (!merge_into (self, existing, partner, columns, labels))
                {
                  counts.unchanged++;
                  continue;
                }
              if (!rp_store_update_partner (store, existing, error) ||
                  !rp_store_add_partner_origin (store, batch_id, value, line, columns->str,
                                                error))
                goto failed;
              partner_keys (existing, &keys);
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
          g_ptr_array_add (pending.partners, g_steal_pointer (&partner));
          g_array_append_val (pending.lines, line);
          g_array_append_val (pending.keys, keys);
          for (guint k = 0; k < 4; k++)
            if (keys_array (&keys)[k] != 0)
              filter_add (&pending, keys_array (&keys)[k]);
          counts.added++;
          if (pending.partners->len >= PENDING_ROWS &&
              !pending_flush (self, store, &pending, batch_id, error))
            goto failed;
          continue;
        }
      if (!rp_store_insert_partner (store, partner, error) ||
          !rp_store_add_partner_origin (store, batch_id, rp_partner_get_id (partner), line,
                                        NULL, error))
        goto failed;
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
  if (!pending_flush (self, store, &pending, batch_id, error))
    goto failed;
  pending_clear (&pending);

  /* The rows are written: their keys are not needed to index the search, so their memory
   * goes back first. */
  rp_key_map_clear (self->file_keys);

  if (!(bulk ? rp_store_end_import_write (store, g_steal_pointer (&write), TRUE, error)
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
  pending_clear (&pending);
  if (bulk)
    rp_store_end_import_write (store, g_steal_pointer (&write), FALSE, NULL);
  else
    rp_store_rollback (store);
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
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
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
