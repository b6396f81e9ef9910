/* rp-import-keys.c: the keys by which an import tells a partner it already has.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rp-import-keys.h"

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

guint64
rp_import_key_of_uuid (const char *uuid)
{
  return fnv_finish (fnv_text (fnv_byte (fnv_byte (FNV_START, 'u'), FNV_SEPARATOR), uuid, -1));
}

void
rp_import_keys_compute (const char   *uuid,
                        const char   *npi,
                        const char   *first_name,
                        const char   *last_name,
                        const char   *organization,
                        const char   *street,
                        const char   *zip,
                        const char   *phone,
                        RpImportKeys *keys)
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
    keys->uuid = rp_import_key_of_uuid (uuid);
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

void
rp_import_keys_of_partner (RpPartner    *partner,
                           RpImportKeys *keys)
{
  rp_import_keys_compute (rp_partner_get_uuid (partner), rp_partner_get_npi (partner),
                          rp_partner_get_first_name (partner),
                          rp_partner_get_last_name (partner),
                          rp_partner_get_organization (partner),
                          rp_partner_get_street (partner), rp_partner_get_zip (partner),
                          rp_partner_get_phone (partner), keys);
}
