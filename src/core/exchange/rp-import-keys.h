/* rp-import-keys.h: the keys by which an import tells a partner it already has: the Rapport ID,
 * the NPI, the normalised name with the street and ZIP, and with the phone number, each as a
 * 64-bit hash computed without building the strings it stands for.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rp-partner.h"

G_BEGIN_DECLS

/* The duplicate keys of a partner, strongest first: 0 when the partner has none of that kind.
 * Each kind's hashes start from its own letter, so that the four can share a map. */
typedef struct
{
  guint64 uuid;
  guint64 npi;
  guint64 name_address;
  guint64 name_phone;
} RpImportKeys;

#define RP_IMPORT_N_KEYS 4

/* A person by the first word of the first name and the last name, else the organization;
 * the phone number's digits without a leading country code 1; the ZIP's first five. */
void rp_import_keys_compute    (const char   *uuid,
                                const char   *npi,
                                const char   *first_name,
                                const char   *last_name,
                                const char   *organization,
                                const char   *street,
                                const char   *zip,
                                const char   *phone,
                                RpImportKeys *keys);
void rp_import_keys_of_partner (RpPartner    *partner,
                                RpImportKeys *keys);
/* The Rapport ID's key alone (never 0). */
guint64 rp_import_key_of_uuid  (const char   *uuid);

/* The keys as an array of RP_IMPORT_N_KEYS, in the order of RpDuplicateMatch after NONE. */
static inline const guint64 *
rp_import_keys_array (const RpImportKeys *keys)
{
  return (const guint64 *) keys;
}

G_END_DECLS
