/* rp-validate.h: checks on what users type (NPI, e-mail, phone, US state, ZIP).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RP_VALIDATE_ERROR (rp_validate_error_quark ())

typedef enum
{
  RP_VALIDATE_ERROR_INVALID,
} RpValidateError;

GQuark      rp_validate_error_quark  (void);

/* Each returns TRUE for an acceptable value (an empty value is acceptable: fields are optional)
 * and otherwise sets @error with a translated, user-facing message that says what is wrong. */
gboolean    rp_validate_npi          (const char  *npi,
                                      GError     **error);
/* The NPI check digit for the first nine digits (Luhn over "80840" + the nine); -1 if not 9 digits. */
int         rp_npi_check_digit       (const char  *first_nine);
gboolean    rp_validate_email        (const char  *email,
                                      GError     **error);
/* US phone numbers: 10 digits, optionally a leading 1, any punctuation; extensions "x123". */
gboolean    rp_validate_phone        (const char  *phone,
                                      GError     **error);
/* "(614) 555-0134" for anything rp_validate_phone accepts; a copy of @phone otherwise. */
char       *rp_format_phone          (const char  *phone);
gboolean    rp_validate_state        (const char  *state,
                                      GError     **error);
gboolean    rp_validate_zip          (const char  *zip,
                                      GError     **error);
/* The two-letter USPS codes of the states, DC and territories, in order; NULL-terminated. */
const char * const *rp_us_state_codes (void);

G_END_DECLS
