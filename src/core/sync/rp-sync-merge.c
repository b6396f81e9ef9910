/* rp-sync-merge.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "rp-partner.h"
#include "rp-sync-merge.h"

/* The partner's properties the team card carries, and "location" for the coordinates. */
static const char * const partner_properties[] = {
  "kind", "prefix", "first-name", "last-name", "credentials", "organization", "npi",
  "specialty-code", "specialty-label", "street", "city", "state", "zip", "phone", "fax",
  "email", "office-contact", "best-time", "tier", "influence", "monthly-volume", "status",
  "cadence-days", "tags", "notes", "archived-at",
};

void
rp_sync_conflict_free (RpSyncConflict *conflict)
{
  if (conflict == NULL)
    return;
  g_free (conflict->field);
  g_free (conflict->kept);
  g_free (conflict->lost);
  g_free (conflict);
}

static GHashTable *
new_table (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static char *
value_to_text (const GValue *value)
{
  if (G_VALUE_HOLDS_STRING (value))
    return g_strdup (g_value_get_string (value) != NULL ? g_value_get_string (value) : "");
  if (G_VALUE_HOLDS_ENUM (value))
    {
      GEnumClass *klass = g_type_class_peek (G_VALUE_TYPE (value));
      GEnumValue *v = g_enum_get_value (klass, g_value_get_enum (value));

      return g_strdup (v != NULL ? v->value_nick : "");
    }
  if (G_VALUE_HOLDS_UINT (value))
    return g_strdup_printf ("%u", g_value_get_uint (value));
  return g_strdup ("");
}

GHashTable *
rp_sync_partner_fields (RpPartner *partner)
{
  GHashTable *fields = new_table ();

  g_return_val_if_fail (RP_IS_PARTNER (partner), fields);

  for (guint i = 0; i < G_N_ELEMENTS (partner_properties); i++)
    {
      g_auto (GValue) value = G_VALUE_INIT;

      g_object_get_property (G_OBJECT (partner), partner_properties[i], &value);
      g_hash_table_insert (fields, g_strdup (partner_properties[i]), value_to_text (&value));
    }

  if (rp_partner_get_has_location (partner))
    {
      char lat[G_ASCII_DTOSTR_BUF_SIZE], lon[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (lat, sizeof lat, "%.6f", rp_partner_get_latitude (partner));
      g_ascii_formatd (lon, sizeof lon, "%.6f", rp_partner_get_longitude (partner));
      g_hash_table_insert (fields, g_strdup ("location"), g_strconcat (lat, ",", lon, NULL));
    }
  else
    g_hash_table_insert (fields, g_strdup ("location"), g_strdup (""));

  return fields;
}

void
rp_sync_partner_apply (RpPartner  *partner,
                       GHashTable *fields)
{
  GObjectClass *klass;
  const char *location;

  g_return_if_fail (RP_IS_PARTNER (partner));

  klass = G_OBJECT_GET_CLASS (partner);
  for (guint i = 0; i < G_N_ELEMENTS (partner_properties); i++)
    {
      const char *text = g_hash_table_lookup (fields, partner_properties[i]);
      GParamSpec *pspec = g_object_class_find_property (klass, partner_properties[i]);
      g_auto (GValue) value = G_VALUE_INIT;

      if (text == NULL || pspec == NULL)
        continue;
      g_value_init (&value, pspec->value_type);
      if (G_VALUE_HOLDS_STRING (&value))
        g_value_set_string (&value, text);
      else if (G_VALUE_HOLDS_ENUM (&value))
        {
          GEnumClass *enums = g_type_class_peek (pspec->value_type);
          GEnumValue *v = g_enum_get_value_by_nick (enums, text);

          if (v == NULL)
            continue;
          g_value_set_enum (&value, v->value);
        }
      else if (G_VALUE_HOLDS_UINT (&value))
        g_value_set_uint (&value, (guint) g_ascii_strtoull (text, NULL, 10));
      else
        continue;
      /* A value the model refuses (an influence of 9) leaves the field as it was. */
      if (g_param_value_validate (pspec, &value))
        continue;
      g_object_set_property (G_OBJECT (partner), partner_properties[i], &value);
    }

  location = g_hash_table_lookup (fields, "location");
  if (location != NULL)
    {
      char *end;
      double lat = g_ascii_strtod (location, &end);

      if (*location != '\0' && *end == ',')
        rp_partner_set_location (partner, lat, g_ascii_strtod (end + 1, NULL));
      else if (*location == '\0')
        rp_partner_clear_location (partner);
    }
}

static const char *
field (GHashTable *table,
       const char *name)
{
  const char *value = table != NULL ? g_hash_table_lookup (table, name) : NULL;

  return value != NULL ? value : "";
}

GHashTable *
rp_sync_merge (GHashTable *base,
               GHashTable *local,
               GHashTable *remote,
               gboolean    local_is_later,
               GPtrArray  *conflicts)
{
  GHashTable *merged = new_table ();
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, local);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (names, key);
  g_hash_table_iter_init (&iter, remote);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (names, key);

  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const char *name = key;
      const char *l = field (local, name);
      const char *r = field (remote, name);
      const char *b = field (base, name);
      const char *value;

      if (g_str_equal (l, r))
        value = l;
      else if (base != NULL && g_str_equal (l, b))
        value = r;   /* changed on the server only */
      else if (base != NULL && g_str_equal (r, b))
        value = l;   /* changed here only */
      else if (base == NULL && *l == '\0')
        value = r;
      else if (base == NULL && *r == '\0')
        value = l;
      else
        {
          /* Changed on both sides: the later change wins, the other is kept aside. */
          value = local_is_later ? l : r;
          if (conflicts != NULL)
            {
              RpSyncConflict *conflict = g_new0 (RpSyncConflict, 1);

              conflict->field = g_strdup (name);
              conflict->kept = g_strdup (value);
              conflict->lost = g_strdup (local_is_later ? r : l);
              g_ptr_array_add (conflicts, conflict);
            }
        }
      g_hash_table_insert (merged, g_strdup (name), g_strdup (value));
    }

  return merged;
}

gboolean
rp_sync_fields_equal (GHashTable *a,
                      GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_strcmp0 (value, g_hash_table_lookup (b, key)) != 0)
      return FALSE;
  return TRUE;
}
