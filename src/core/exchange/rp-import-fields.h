/* rp-import-fields.h: the partner fields a column of an imported file can fill, and how column
 * headers of spreadsheets and CRM exports map onto them.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rp-csv-reader.h"

G_BEGIN_DECLS

typedef enum
{
  RP_IMPORT_FIELD_IGNORE,
  RP_IMPORT_FIELD_UUID,
  RP_IMPORT_FIELD_KIND,
  RP_IMPORT_FIELD_PREFIX,
  RP_IMPORT_FIELD_FIRST_NAME,
  RP_IMPORT_FIELD_MIDDLE_NAME,
  RP_IMPORT_FIELD_LAST_NAME,
  RP_IMPORT_FIELD_FULL_NAME,
  RP_IMPORT_FIELD_CREDENTIALS,
  RP_IMPORT_FIELD_ORGANIZATION,
  RP_IMPORT_FIELD_NPI,
  RP_IMPORT_FIELD_SPECIALTY,
  RP_IMPORT_FIELD_STREET,
  RP_IMPORT_FIELD_STREET2,
  RP_IMPORT_FIELD_CITY,
  RP_IMPORT_FIELD_STATE,
  RP_IMPORT_FIELD_ZIP,
  RP_IMPORT_FIELD_PHONE,
  RP_IMPORT_FIELD_FAX,
  RP_IMPORT_FIELD_EMAIL,
  RP_IMPORT_FIELD_OFFICE_CONTACT,
  RP_IMPORT_FIELD_BEST_TIME,
  RP_IMPORT_FIELD_TIER,
  RP_IMPORT_FIELD_STATUS,
  RP_IMPORT_FIELD_TAGS,
  RP_IMPORT_FIELD_NOTES,
  RP_IMPORT_FIELD_LATITUDE,
  RP_IMPORT_FIELD_LONGITUDE,
  RP_IMPORT_N_FIELDS
} RpImportField;

/* The stable name of @field, as saved mappings write it ("first_name"; "" for IGNORE). */
const char    *rp_import_field_to_name     (RpImportField  field);
/* The field of @name; IGNORE for an unknown name. */
RpImportField  rp_import_field_from_name   (const char    *name);
/* What the mapping page shows ("First name", "Ignore"): translated, static. */
const char    *rp_import_field_to_label    (RpImportField  field);
/* The field a column with @header fills ("First Name", "Mailing Street", "Zip/Postal Code"…);
 * IGNORE when no usual name matches. */
RpImportField  rp_import_field_guess       (const char    *header);
/* The mapping for a header row: a guess for each column, each field taken once (the first column
 * wins; a second "Street" becomes the address's second line). An array of RpImportField. */
GArray        *rp_import_mapping_guess     (GPtrArray     *headers);
/* A mapping as saved text ("first_name,last_name,,npi") and back; parsing checks that it has one
 * name per column of @n_columns. */
char          *rp_import_mapping_to_string (GArray        *mapping);
GArray        *rp_import_mapping_parse     (const char    *text,
                                            guint          n_columns,
                                            GError       **error);
/* A header as guessing compares it: "Zip/Postal Code" → "zippostalcode", "E-mail" → "email". */
char          *rp_import_normalise_header  (const char    *header);
/* TRUE for a Rapport ID (a UUID in lower case: "0f8fad5b-d9cb-469f-a165-70867728950e"). */
gboolean       rp_import_looks_like_uuid   (const char    *text);
/* The key of a header row for finding a mapping saved for the same headers: a checksum of the
 * headers as normalised for guessing. */
char          *rp_import_header_key        (GPtrArray     *headers);
/* Rewinds @reader and reads past its header row, ready for the first record; an empty file is
 * RP_IMPORT_ERROR_NO_ROWS. Every pass of an import starts here. */
gboolean       rp_import_skip_header       (RpCsvReader   *reader,
                                            GCancellable  *cancellable,
                                            GError       **error);

G_END_DECLS
