/* rp-partner-row.c: one row of a partner import, read as the editor would store it.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "rp-csv-reader.h"
#include "rp-enum-types.h"
#include "rp-enums.h"
#include "rp-name-parts.h"
#include "rp-partner-row.h"
#include "rp-specialties.h"
#include "rp-validate.h"

void
rp_import_problem_free (RpImportProblem *problem)
{
  g_free (problem->message);
  g_free (problem);
}

void
rp_import_add_problem (GPtrArray *problems,
                       guint      line,
                       char      *message)
{
  RpImportProblem *problem = g_new0 (RpImportProblem, 1);

  problem->line = line;
  problem->message = message;
  g_ptr_array_add (problems, problem);
}

/* The columns of the file and the field each is mapped to. */
typedef struct
{
  GPtrArray *headers;
  GArray    *mapping;
} Columns;

static const char *
header_of (const Columns *self,
           RpImportField  field)
{
  for (guint i = 0; i < self->mapping->len; i++)
    if (g_array_index (self->mapping, RpImportField, i) == field)
      return g_ptr_array_index (self->headers, i);
  return rp_import_field_to_label (field);
}

static void
check (const Columns   *self,
       GPtrArray       *problems,
       guint            line,
       RpImportField    field,
       gboolean       (*validate) (const char *, GError **),
       const char      *value)
{
  g_autoptr(GError) error = NULL;

  if (!validate (value, &error))
    rp_import_add_problem (problems, line,
                           g_strdup_printf (_("Column “%s”: %s"), header_of (self, field),
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

RpPartner *
rp_partner_row_build (GPtrArray *headers,
                      GArray    *mapping,
                      GPtrArray *record,
                      guint      line,
                      guint      too_long,
                      GPtrArray *problems)
{
  const Columns columns = { headers, mapping };
  const Columns *self = &columns;
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
    rp_import_add_problem (problems, line,
                           g_strdup_printf (_("Field %u is longer than %u MB and was not read"),
                                            too_long, RP_CSV_MAX_FIELD_BYTES / (1024 * 1024)));

  if (record->len != n_columns)
    {
      gboolean extra_blank = TRUE;

      for (guint i = n_columns; i < record->len; i++)
        if (*g_strstrip ((char *) g_ptr_array_index (record, i)) != '\0')
          extra_blank = FALSE;
      if (record->len < n_columns || !extra_blank)
        rp_import_add_problem (problems, line,
                               g_strdup_printf (ngettext ("The row has %u field; the header has %u",
                                                          "The row has %u fields; the header has "
                                                          "%u",
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
    rp_import_add_problem (problems, line,
                           g_strdup_printf (_("Column “%s”: “%s” is neither “person” nor "
                                              "“organization”"),
                                            header_of (self, RP_IMPORT_FIELD_KIND), v));

  if (*first == '\0' && *last == '\0' && *VALUE (RP_IMPORT_FIELD_ORGANIZATION) == '\0')
    rp_import_add_problem (problems, line, g_strdup (_("The row has no name and no organization")));

  v = VALUE (RP_IMPORT_FIELD_UUID);
  if (*v != '\0')
    {
      g_autofree char *lower = g_ascii_strdown (v, -1);

      if (rp_import_looks_like_uuid (lower))
        rp_partner_set_uuid (partner, lower);
      else
        rp_import_add_problem (problems, line,
                               g_strdup_printf (_("Column “%s”: “%s” is not a Rapport ID"),
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
        rp_import_add_problem (problems, line,
                               g_strdup_printf (_("Column “%s”: the tier is A, B or C, "
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
        rp_import_add_problem (problems, line,
                               g_strdup_printf (_("Column “%s”: the status is Prospect, Active or "
                                                  "Dormant, not “%s”"),
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
        rp_import_add_problem (problems, line,
                               g_strdup_printf (_("“%s, %s” is not a location (a latitude from -90 "
                                                  "to 90 and a longitude from -180 to 180)"),
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

const char *
rp_partner_row_header (GPtrArray     *headers,
                       GArray        *mapping,
                       RpImportField  field)
{
  const Columns columns = { headers, mapping };

  return header_of (&columns, field);
}
