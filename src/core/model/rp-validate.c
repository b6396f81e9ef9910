/* rp-validate.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rp-validate.h"

G_DEFINE_QUARK (rp-validate-error-quark, rp_validate_error)

/* The states, DC and the inhabited territories, sorted by code so a drop-down reads naturally. */
static const char * const us_state_codes[] = {
  "AK", "AL", "AR", "AS", "AZ", "CA", "CO", "CT", "DC", "DE", "FL", "GA", "GU", "HI",
  "IA", "ID", "IL", "IN", "KS", "KY", "LA", "MA", "MD", "ME", "MI", "MN", "MO", "MP",
  "MS", "MT", "NC", "ND", "NE", "NH", "NJ", "NM", "NV", "NY", "OH", "OK", "OR", "PA",
  "PR", "RI", "SC", "SD", "TN", "TX", "UT", "VA", "VI", "VT", "WA", "WI", "WV", "WY",
  NULL
};

/* A parsed US phone number: the ten digits and an optional extension. */
typedef struct
{
  char digits[11];
  char extension[9];
} ParsedPhone;

/* Values come from entries, where stray spaces around what was typed are not the user's
 * intent: every check looks at the text without them. */
static char *
dup_stripped (const char *text)
{
  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

static gboolean
all_digits (const char *text,
            gsize       len)
{
  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
    }

  return TRUE;
}

static void
set_invalid (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, RP_VALIDATE_ERROR, RP_VALIDATE_ERROR_INVALID, message);
}

/* Splits off an extension written "x123", "ext 123", "ext. 123" or "extension 123". Returns
 * FALSE when a marker is there but what follows is not 1–8 digits. */
static gboolean
split_extension (char       *text,
                 char       *extension,
                 gsize       extension_size,
                 gboolean   *has_extension)
{
  char *marker = NULL;
  char *p;
  gsize n = 0;

  *has_extension = FALSE;
  extension[0] = '\0';

  for (p = text; *p != '\0'; p++)
    {
      if (g_ascii_tolower (*p) == 'x' || g_ascii_tolower (*p) == 'e')
        {
          marker = p;
          break;
        }
    }

  if (marker == NULL)
    return TRUE;

  *has_extension = TRUE;
  p = marker;
  if (g_ascii_strncasecmp (p, "extension", 9) == 0)
    p += 9;
  else if (g_ascii_strncasecmp (p, "ext", 3) == 0)
    p += 3;
  else if (g_ascii_tolower (*p) == 'x')
    p += 1;
  else
    return FALSE;

  if (*p == '.')
    p++;
  while (*p == ' ')
    p++;

  while (g_ascii_isdigit (*p))
    {
      if (n + 1 >= extension_size)
        return FALSE;
      extension[n++] = *p++;
    }
  extension[n] = '\0';

  *marker = '\0';

  return n > 0 && *p == '\0';
}

static gboolean
parse_phone (const char   *phone,
             ParsedPhone  *parsed,
             GError      **error)
{
  g_autofree char *text = dup_stripped (phone);
  char digits[16];
  gsize n_digits = 0;
  gboolean has_extension;
  gboolean plus = FALSE;

  memset (parsed, 0, sizeof *parsed);

  if (!split_extension (text, parsed->extension, sizeof parsed->extension, &has_extension))
    {
      set_invalid (error, _("Write an extension as digits after “x”, like x123"));
      return FALSE;
    }

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (n_digits == G_N_ELEMENTS (digits) - 1)
            {
              set_invalid (error, _("A US phone number has 10 digits"));
              return FALSE;
            }
          digits[n_digits++] = *p;
        }
      else if (*p == '+' && p == text)
        {
          plus = TRUE;
        }
      else if (strchr ("()-. ", *p) == NULL)
        {
          set_invalid (error, _("A phone number can only hold digits, spaces and ( ) - ."));
          return FALSE;
        }
    }
  digits[n_digits] = '\0';

  if (plus && (n_digits != 11 || digits[0] != '1'))
    {
      set_invalid (error, _("Only US numbers (+1) can be entered"));
      return FALSE;
    }

  if (n_digits == 11 && digits[0] == '1')
    memcpy (parsed->digits, digits + 1, 10);
  else if (n_digits == 10)
    memcpy (parsed->digits, digits, 10);
  else
    {
      set_invalid (error, _("A US phone number has 10 digits"));
      return FALSE;
    }
  parsed->digits[10] = '\0';

  return TRUE;
}

int
rp_npi_check_digit (const char *first_nine)
{
  /* The CMS standard: the Luhn check digit of the NPI prefixed with the health industry
   * identifier 80840, so that an NPI is also a valid card-issuer identifier. */
  char payload[15];
  int sum = 0;

  g_return_val_if_fail (first_nine != NULL, -1);

  if (strlen (first_nine) != 9 || !all_digits (first_nine, 9))
    return -1;

  memcpy (payload, "80840", 5);
  memcpy (payload + 5, first_nine, 9);

  /* The check digit will sit to the right of the payload, so the payload's rightmost digit is
   * the first one doubled. */
  for (int i = 13, position = 0; i >= 0; i--, position++)
    {
      int digit = payload[i] - '0';

      if (position % 2 == 0)
        {
          digit *= 2;
          if (digit > 9)
            digit -= 9;
        }
      sum += digit;
    }

  return (10 - sum % 10) % 10;
}

gboolean
rp_validate_npi (const char  *npi,
                 GError     **error)
{
  g_autofree char *text = dup_stripped (npi);
  gsize len = strlen (text);
  char first_nine[10];

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (len == 0)
    return TRUE;

  if (!all_digits (text, len))
    {
      set_invalid (error, _("An NPI has only digits"));
      return FALSE;
    }

  if (len != 10)
    {
      set_invalid (error, _("An NPI has 10 digits"));
      return FALSE;
    }

  memcpy (first_nine, text, 9);
  first_nine[9] = '\0';
  if (rp_npi_check_digit (first_nine) != text[9] - '0')
    {
      set_invalid (error, _("This NPI’s check digit does not match; check for a typo"));
      return FALSE;
    }

  return TRUE;
}

gboolean
rp_validate_email (const char  *email,
                   GError     **error)
{
  g_autofree char *text = dup_stripped (email);
  const char *at;
  const char *domain;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (*text == '\0')
    return TRUE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          set_invalid (error, _("An e-mail address cannot contain spaces"));
          return FALSE;
        }
    }

  at = strchr (text, '@');
  if (at == NULL || strchr (at + 1, '@') != NULL)
    {
      set_invalid (error, _("An e-mail address has exactly one @"));
      return FALSE;
    }

  if (at == text)
    {
      set_invalid (error, _("An e-mail address needs a name before the @"));
      return FALSE;
    }

  domain = at + 1;
  if (strchr (domain, '.') == NULL || domain[0] == '.' ||
      domain[strlen (domain) - 1] == '.' || strstr (domain, "..") != NULL)
    {
      set_invalid (error, _("After the @ comes a domain such as example.com"));
      return FALSE;
    }

  return TRUE;
}

gboolean
rp_validate_phone (const char  *phone,
                   GError     **error)
{
  g_autofree char *text = dup_stripped (phone);
  ParsedPhone parsed;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (*text == '\0')
    return TRUE;

  return parse_phone (text, &parsed, error);
}

char *
rp_format_phone (const char *phone)
{
  ParsedPhone parsed;
  const char *d = parsed.digits;

  if (phone == NULL || !parse_phone (phone, &parsed, NULL))
    return g_strdup (phone);

  if (parsed.extension[0] != '\0')
    return g_strdup_printf ("(%.3s) %.3s-%.4s x%s", d, d + 3, d + 6, parsed.extension);

  return g_strdup_printf ("(%.3s) %.3s-%.4s", d, d + 3, d + 6);
}

gboolean
rp_validate_state (const char  *state,
                   GError     **error)
{
  g_autofree char *text = dup_stripped (state);

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (*text == '\0')
    return TRUE;

  if (strlen (text) == 2)
    {
      for (guint i = 0; us_state_codes[i] != NULL; i++)
        {
          if (g_ascii_strcasecmp (text, us_state_codes[i]) == 0)
            return TRUE;
        }
    }

  set_invalid (error, _("Use the two-letter postal code of a US state or territory, like OH"));
  return FALSE;
}

gboolean
rp_validate_zip (const char  *zip,
                 GError     **error)
{
  g_autofree char *text = dup_stripped (zip);
  gsize len = strlen (text);

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (len == 0)
    return TRUE;

  if ((len == 5 && all_digits (text, 5)) ||
      (len == 10 && all_digits (text, 5) && text[5] == '-' && all_digits (text + 6, 4)))
    return TRUE;

  set_invalid (error, _("A ZIP code has 5 digits, or 5 + 4 like 43215-1234"));
  return FALSE;
}

const char * const *
rp_us_state_codes (void)
{
  return us_state_codes;
}
