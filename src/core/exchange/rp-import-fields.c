/* rp-import-fields.c: partner fields of an import and the usual names of their columns.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "rp-import-fields.h"
#include "rp-partner-import.h"

typedef struct
{
  const char *name;
  const char *label;
  const char *synonyms;   /* normalised headers (lower-case letters and digits), space-separated */
} FieldInfo;

static const FieldInfo fields[RP_IMPORT_N_FIELDS] = {
  [RP_IMPORT_FIELD_IGNORE] = { "", N_("Ignore"), "" },
  [RP_IMPORT_FIELD_UUID] = { "uuid", N_("Rapport ID"), "uuid rapportid rapportuuid uid" },
  [RP_IMPORT_FIELD_KIND] = { "kind", N_("Kind"), "kind partnerkind partnertype" },
  [RP_IMPORT_FIELD_PREFIX] = { "prefix", N_("Prefix"),
                               "prefix salutation nameprefix honorific" },
  [RP_IMPORT_FIELD_FIRST_NAME] = { "first_name", N_("First name"),
                                   "firstname first givenname forename providerfirstname" },
  [RP_IMPORT_FIELD_MIDDLE_NAME] = { "middle_name", N_("Middle name"),
                                    "middlename middle middleinitial" },
  [RP_IMPORT_FIELD_LAST_NAME] = { "last_name", N_("Last name"),
                                  "lastname last surname familyname providerlastname"
                                  " providerlastnamelegalname" },
  [RP_IMPORT_FIELD_FULL_NAME] = { "full_name", N_("Full name"),
                                  "fullname name contactname providername physicianname"
                                  " physician provider displayname contact referringprovider"
                                  " referringphysician" },
  [RP_IMPORT_FIELD_CREDENTIALS] = { "credentials", N_("Credentials"),
                                    "credentials credential degree degrees suffix designation"
                                    " providercredentialtext" },
  [RP_IMPORT_FIELD_ORGANIZATION] = { "organization", N_("Organization"),
                                     "organization organisation organizationname company"
                                     " companyname account accountname practice practicename"
                                     " group groupname clinic facility office" },
  [RP_IMPORT_FIELD_NPI] = { "npi", N_("NPI"), "npi npinumber nationalprovideridentifier"
                                              " providernpi" },
  [RP_IMPORT_FIELD_SPECIALTY] = { "specialty", N_("Specialty"),
                                  "specialty speciality specialization specialisation taxonomy"
                                  " primaryspecialty primarytaxonomy" },
  [RP_IMPORT_FIELD_STREET] = { "street", N_("Street"),
                               "street address address1 addressline1 streetaddress mailingstreet"
                               " billingstreet otherstreet shippingstreet street1 businessstreet"
                               " homestreet practiceaddress officeaddress" },
  [RP_IMPORT_FIELD_STREET2] = { "street2", N_("Street, second line"),
                                "street2 address2 addressline2 suite businessstreet2"
                                " mailingstreet2" },
  [RP_IMPORT_FIELD_CITY] = { "city", N_("City"), "city town mailingcity billingcity othercity"
                                                 " shippingcity businesscity homecity" },
  [RP_IMPORT_FIELD_STATE] = { "state", N_("State"),
                              "state st stateprovince province region mailingstate billingstate"
                              " mailingstateprovince billingstateprovince businessstate"
                              " shippingstate shippingstateprovince homestate" },
  [RP_IMPORT_FIELD_ZIP] = { "zip", N_("ZIP code"),
                            "zip zipcode postalcode zippostalcode postcode mailingzippostalcode"
                            " billingzippostalcode mailingpostalcode billingpostalcode"
                            " shippingzippostalcode businesspostalcode homepostalcode" },
  [RP_IMPORT_FIELD_PHONE] = { "phone", N_("Phone"),
                              "phone phonenumber telephone tel businessphone workphone"
                              " officephone mainphone primaryphone phone1" },
  [RP_IMPORT_FIELD_FAX] = { "fax", N_("Fax"), "fax faxnumber businessfax workfax officefax" },
  [RP_IMPORT_FIELD_EMAIL] = { "email", N_("E-mail"),
                              "email emailaddress mail workemail businessemail email1"
                              " primaryemail" },
  [RP_IMPORT_FIELD_OFFICE_CONTACT] = { "office_contact", N_("Office contact"),
                                       "officecontact officemanager assistant assistantname"
                                       " frontdesk" },
  [RP_IMPORT_FIELD_BEST_TIME] = { "best_time", N_("Best time to visit"),
                                  "besttime besttimetovisit visitinghours" },
  [RP_IMPORT_FIELD_TIER] = { "tier", N_("Tier"), "tier rating partnertier" },
  [RP_IMPORT_FIELD_STATUS] = { "status", N_("Status"), "status partnerstatus relationship" },
  [RP_IMPORT_FIELD_TAGS] = { "tags", N_("Tags"), "tags tag labels categories category" },
  [RP_IMPORT_FIELD_NOTES] = { "notes", N_("Notes"), "notes note description comments comment"
                                                   " remarks" },
  [RP_IMPORT_FIELD_LATITUDE] = { "latitude", N_("Latitude"), "latitude lat" },
  [RP_IMPORT_FIELD_LONGITUDE] = { "longitude", N_("Longitude"), "longitude lon lng long" },
};

const char *
rp_import_field_to_name (RpImportField field)
{
  g_return_val_if_fail (field < RP_IMPORT_N_FIELDS, "");
  return fields[field].name;
}

RpImportField
rp_import_field_from_name (const char *name)
{
  if (name == NULL || *name == '\0')
    return RP_IMPORT_FIELD_IGNORE;
  for (guint i = 1; i < RP_IMPORT_N_FIELDS; i++)
    if (g_str_equal (fields[i].name, name))
      return i;
  return RP_IMPORT_FIELD_IGNORE;
}

const char *
rp_import_field_to_label (RpImportField field)
{
  g_return_val_if_fail (field < RP_IMPORT_N_FIELDS, "");
  return _(fields[field].label);
}

char *
rp_import_normalise_header (const char *header)
{
  GString *out = g_string_new (NULL);
  g_autofree char *folded = g_utf8_casefold (header, -1);

  for (const char *p = folded; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

RpImportField
rp_import_field_guess (const char *header)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (header != NULL, RP_IMPORT_FIELD_IGNORE);

  key = rp_import_normalise_header (header);
  if (*key == '\0')
    return RP_IMPORT_FIELD_IGNORE;

  for (guint i = 1; i < RP_IMPORT_N_FIELDS; i++)
    {
      g_auto(GStrv) words = g_strsplit (fields[i].synonyms, " ", -1);

      for (guint j = 0; words[j] != NULL; j++)
        if (g_str_equal (words[j], key))
          return i;
    }
  return RP_IMPORT_FIELD_IGNORE;
}

GArray *
rp_import_mapping_guess (GPtrArray *headers)
{
  GArray *mapping;
  gboolean taken[RP_IMPORT_N_FIELDS] = { FALSE, };

  g_return_val_if_fail (headers != NULL, NULL);

  mapping = g_array_sized_new (FALSE, TRUE, sizeof (RpImportField), headers->len);
  for (guint i = 0; i < headers->len; i++)
    {
      RpImportField field = rp_import_field_guess (g_ptr_array_index (headers, i));

      if (field == RP_IMPORT_FIELD_STREET && taken[field] && !taken[RP_IMPORT_FIELD_STREET2])
        field = RP_IMPORT_FIELD_STREET2;
      if (taken[field])
        field = RP_IMPORT_FIELD_IGNORE;
      if (field != RP_IMPORT_FIELD_IGNORE)
        taken[field] = TRUE;
      g_array_append_val (mapping, field);
    }
  return mapping;
}

char *
rp_import_mapping_to_string (GArray *mapping)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (mapping != NULL, NULL);

  for (guint i = 0; i < mapping->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, rp_import_field_to_name (g_array_index (mapping, RpImportField, i)));
    }
  return g_string_free (out, FALSE);
}

GArray *
rp_import_mapping_parse (const char *text,
                         guint       n_columns,
                         GError    **error)
{
  g_auto(GStrv) names = NULL;
  g_autoptr(GArray) mapping = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  names = g_strsplit (text, ",", -1);
  if (g_strv_length (names) != n_columns)
    {
      g_set_error (error, RP_IMPORT_ERROR, RP_IMPORT_ERROR_MAPPING,
                   _("The saved mapping has %u columns; the file has %u"),
                   g_strv_length (names), n_columns);
      return NULL;
    }

  mapping = g_array_sized_new (FALSE, TRUE, sizeof (RpImportField), n_columns);
  for (guint i = 0; names[i] != NULL; i++)
    {
      RpImportField field = rp_import_field_from_name (names[i]);

      if (field == RP_IMPORT_FIELD_IGNORE && *names[i] != '\0')
        {
          g_set_error (error, RP_IMPORT_ERROR, RP_IMPORT_ERROR_MAPPING,
                       _("The saved mapping names an unknown field “%s”"), names[i]);
          return NULL;
        }
      g_array_append_val (mapping, field);
    }
  return g_steal_pointer (&mapping);
}

char *
rp_import_header_key (GPtrArray *headers)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  g_return_val_if_fail (headers != NULL, NULL);

  for (guint i = 0; i < headers->len; i++)
    {
      g_autofree char *key = rp_import_normalise_header (g_ptr_array_index (headers, i));

      g_checksum_update (checksum, (const guchar *) key, -1);
      g_checksum_update (checksum, (const guchar *) "\x1f", 1);
    }
  return g_strdup (g_checksum_get_string (checksum));
}

gboolean
rp_import_looks_like_uuid (const char *text)
{
  g_return_val_if_fail (text != NULL, FALSE);

  if (strlen (text) != 36)
    return FALSE;
  for (guint i = 0; i < 36; i++)
    {
      gboolean dash = i == 8 || i == 13 || i == 18 || i == 23;

      if (dash ? text[i] != '-' : !g_ascii_isxdigit (text[i]))
        return FALSE;
    }
  return TRUE;
}

gboolean
rp_import_skip_header (RpCsvReader   *reader,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (reader != NULL, FALSE);

  if (!rp_csv_reader_rewind (reader, error))
    return FALSE;
  if (rp_csv_reader_next (reader, NULL, NULL, cancellable, &local_error) == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error_literal (error, RP_IMPORT_ERROR, RP_IMPORT_ERROR_NO_ROWS,
                             _("The file is empty"));
      return FALSE;
    }
  return TRUE;
}
