/* rp-vcard.c: vCard export and import of partners, on libebook-contacts' EVCard.
 *
 * EVCard of evolution-data-server 3.46 (Debian 12) parses vCard 2.1, 3.0 and 4.0 (unfolding,
 * quoted-printable) but writes only 2.1 and 3.0. The export writes each card with EVCard's 3.0
 * writer (escaping, folding) and states version 4.0, whose syntax is the same for the properties
 * written here; GEO, KIND and the urn:uuid UID are 4.0's.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <csv.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
/* The library's header brings libedataserver's, which use API that GLib 2.74 deprecates. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
#include <libebook-contacts/libebook-contacts.h>
G_GNUC_END_IGNORE_DEPRECATIONS

#include "rp-csv-reader.h"
#include "rp-enum-types.h"
#include "rp-enums.h"
#include "rp-partner-filter.h"
#include "rp-store-partners.h"
#include "rp-vcard.h"

#define PAGE 1000

#ifndef glib_autoptr_clear_EVCard
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EVCard, g_object_unref)
#endif

/* ── export ───────────────────────────────────────────────────────────────────────────── */

static void
add_text (EVCard     *card,
          const char *name,
          const char *value)
{
  if (value != NULL && *value != '\0')
    e_vcard_append_attribute_with_value (card, e_vcard_attribute_new (NULL, name), value);
}

static void
add_typed (EVCard     *card,
           const char *name,
           const char *value,
           const char *type1,
           const char *type2)
{
  EVCardAttribute *attr;
  EVCardAttributeParam *param;

  if (value == NULL || *value == '\0')
    return;
  attr = e_vcard_attribute_new (NULL, name);
  param = e_vcard_attribute_param_new (EVC_TYPE);
  e_vcard_attribute_param_add_value (param, type1);
  if (type2 != NULL)
    e_vcard_attribute_param_add_value (param, type2);
  e_vcard_attribute_add_param (attr, param);
  e_vcard_append_attribute_with_value (card, attr, value);
}

static EVCard *
build_card (RpPartner *partner)
{
  EVCard *card = e_vcard_new ();
  g_autofree char *uid = g_strconcat ("urn:uuid:", rp_partner_get_uuid (partner), NULL);
  g_autofree char *tier = g_ascii_strup (rp_enum_to_nick (RP_TYPE_TIER,
                                                          rp_partner_get_tier (partner)), -1);
  gboolean organization = rp_partner_get_kind (partner) == RP_PARTNER_KIND_ORGANIZATION;
  const char *street = rp_partner_get_street (partner);
  const char *city = rp_partner_get_city (partner);
  const char *state = rp_partner_get_state (partner);
  const char *zip = rp_partner_get_zip (partner);

  add_text (card, EVC_UID, uid);
  add_text (card, EVC_FN, rp_partner_get_display_name (partner));
  if (organization)
    add_text (card, "KIND", "org");
  else
    e_vcard_append_attribute_with_values (card, e_vcard_attribute_new (NULL, EVC_N),
                                          rp_partner_get_last_name (partner),
                                          rp_partner_get_first_name (partner), "",
                                          rp_partner_get_prefix (partner),
                                          rp_partner_get_credentials (partner), NULL);
  add_text (card, EVC_ORG, rp_partner_get_organization (partner));
  add_text (card, EVC_TITLE, rp_partner_get_specialty_label (partner));

  if (*street != '\0' || *city != '\0' || *state != '\0' || *zip != '\0')
    {
      EVCardAttribute *adr = e_vcard_attribute_new (NULL, EVC_ADR);

      e_vcard_attribute_add_param_with_value (adr, e_vcard_attribute_param_new (EVC_TYPE),
                                              "work");
      if (rp_partner_get_has_location (partner))
        {
          char lat[G_ASCII_DTOSTR_BUF_SIZE], lon[G_ASCII_DTOSTR_BUF_SIZE];
          g_autofree char *geo = g_strdup_printf ("geo:%s,%s",
                                                  g_ascii_formatd (lat, sizeof lat, "%.6f",
                                                                   rp_partner_get_latitude (partner)),
                                                  g_ascii_formatd (lon, sizeof lon, "%.6f",
                                                                   rp_partner_get_longitude (partner)));

          e_vcard_attribute_add_param_with_value (adr, e_vcard_attribute_param_new ("GEO"), geo);
        }
      e_vcard_append_attribute_with_values (card, adr, "", "", street, city, state, zip,
                                            "USA", NULL);
    }
  else if (rp_partner_get_has_location (partner))
    {
      /* No address to carry it: the location as a GEO property of its own. */
      char lat[G_ASCII_DTOSTR_BUF_SIZE], lon[G_ASCII_DTOSTR_BUF_SIZE];
      g_autofree char *geo = g_strdup_printf ("geo:%s,%s",
                                              g_ascii_formatd (lat, sizeof lat, "%.6f",
                                                               rp_partner_get_latitude (partner)),
                                              g_ascii_formatd (lon, sizeof lon, "%.6f",
                                                               rp_partner_get_longitude (partner)));

      add_text (card, EVC_GEO, geo);
    }

  add_typed (card, EVC_TEL, rp_partner_get_phone (partner), "work", "voice");
  add_typed (card, EVC_TEL, rp_partner_get_fax (partner), "work", "fax");
  add_typed (card, EVC_EMAIL, rp_partner_get_email (partner), "work", NULL);
  add_text (card, EVC_NOTE, rp_partner_get_notes (partner));
  add_text (card, "X-RAPPORT-NPI", rp_partner_get_npi (partner));
  add_text (card, "X-RAPPORT-TIER", tier);

  return card;
}

/* @card as vCard 4.0 text. */
static char *
card_to_text (EVCard *card)
{
  g_autofree char *text = NULL;
  GString *out;
  const char *after_version;

  text = e_vcard_to_string (card, EVC_FORMAT_VCARD_30);

  /* EVCard writes "VERSION:3.0" as the second line; this card is 4.0. */
  out = g_string_new ("BEGIN:VCARD\r\nVERSION:4.0\r\n");
  after_version = strstr (text, "VERSION:3.0\r\n");
  g_string_append (out, after_version != NULL ? after_version + strlen ("VERSION:3.0\r\n")
                                              : text + strlen ("BEGIN:VCARD\r\n"));
  if (!g_str_has_suffix (out->str, "\r\n"))
    g_string_append (out, "\r\n");
  return g_string_free (out, FALSE);
}

static char *
partner_to_vcard (RpPartner *partner)
{
  g_autoptr(EVCard) card = build_card (partner);

  return card_to_text (card);
}

static gboolean
write_partners (RpStore       *store,
                GArray        *ids,
                GOutputStream *stream,
                guint         *n,
                GCancellable  *cancellable,
                GError       **error)
{
  for (guint start = 0; start < ids->len; start += PAGE)
    {
      g_autoptr(GPtrArray) partners = NULL;
      g_autoptr(GString) out = g_string_new (NULL);

      partners = rp_store_load_partners (store, &g_array_index (ids, gint64, start),
                                         MIN (PAGE, ids->len - start), NULL, error);
      if (partners == NULL)
        return FALSE;
      for (guint i = 0; i < partners->len; i++)
        {
          g_autofree char *card = partner_to_vcard (g_ptr_array_index (partners, i));

          g_string_append (out, card);
        }
      g_atomic_int_add ((gint *) n, (gint) partners->len);
      if (!g_output_stream_write_all (stream, out->str, out->len, NULL, cancellable, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
rp_vcard_export_partners (RpStore       *store,
                          const gint64  *ids,
                          guint          n_ids,
                          GFile         *file,
                          guint         *n_written,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  guint local = 0;
  guint *n = n_written != NULL ? n_written : &local;

  g_return_val_if_fail (RP_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  g_atomic_int_set ((gint *) n, 0);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, error);
  if (stream == NULL)
    return FALSE;

  if (ids != NULL)
    {
      g_autoptr(GArray) wanted = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);

      g_array_append_vals (wanted, ids, n_ids);
      if (!write_partners (store, wanted, G_OUTPUT_STREAM (stream), n, cancellable, error))
        goto failed;
    }
  else
    for (int archived = 0; archived < 2; archived++)
      {
        g_autoptr(RpPartnerFilter) filter = rp_partner_filter_new ();
        g_autoptr(GArray) all = NULL;

        filter->archived = archived;
        all = rp_store_query_partner_ids (store, filter, error);
        if (all == NULL ||
            !write_partners (store, all, G_OUTPUT_STREAM (stream), n, cancellable, error))
          goto failed;
      }

  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error))
    goto failed;
  return TRUE;

failed:
  {
    g_autoptr(GCancellable) abandon = g_cancellable_new ();

    g_cancellable_cancel (abandon);
    g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
  }
  return FALSE;
}

/* ── import ───────────────────────────────────────────────────────────────────────────── */

/* The columns the cards become, named as the CSV importer maps them. */
static const char * const columns[] = {
  "UUID", "Kind", "Prefix", "First Name", "Last Name", "Credentials", "Full Name",
  "Organization", "Specialty", "Street", "City", "State", "ZIP", "Phone", "Fax", "Email",
  "Notes", "NPI", "Tier", "Latitude", "Longitude",
};
enum {
  C_UUID, C_KIND, C_PREFIX, C_FIRST, C_LAST, C_CREDENTIALS, C_FULL, C_ORG, C_SPECIALTY,
  C_STREET, C_CITY, C_STATE, C_ZIP, C_PHONE, C_FAX, C_EMAIL, C_NOTES, C_NPI, C_TIER, C_LAT, C_LON,
  N_COLUMNS
};

/* A location as vCard writes it: "geo:39.96,-83.00" (4.0, a URI, RFC 5870) in @first, or
 * "39.96;-83.00" (3.0: two values, @first and @second). Sets the row's latitude and longitude
 * once. */
static void
set_geo (char       **row,
         const char  *first,
         const char  *second)
{
  g_autofree char *lat = NULL;
  g_autofree char *lon = NULL;

  if (row[C_LAT] != NULL)
    return;
  if (g_ascii_strncasecmp (first, "geo:", 4) == 0)
    {
      /* The URI may carry parameters after the coordinates: "geo:39.96,-83.00;u=35". */
      g_autofree char *coordinates = g_strndup (first + 4, strcspn (first + 4, ";"));
      g_auto(GStrv) parts = g_strsplit (coordinates, ",", 3);

      if (g_strv_length (parts) >= 2)
        {
          lat = g_strstrip (g_strdup (parts[0]));
          lon = g_strstrip (g_strdup (parts[1]));
        }
      else if (g_strv_length (parts) == 1 && second != NULL && *second != '\0')
        {
          /* EVCard split "geo:39.96,-83.00" at the comma. */
          lat = g_strstrip (g_strdup (parts[0]));
          lon = g_strstrip (g_strdup (second));
        }
    }
  else if (second != NULL && *first != '\0' && *second != '\0')
    {
      lat = g_strstrip (g_strdup (first));
      lon = g_strstrip (g_strdup (second));
    }

  if (lat != NULL && lon != NULL)
    {
      row[C_LAT] = g_steal_pointer (&lat);
      row[C_LON] = g_steal_pointer (&lon);
    }
}

static void
append_csv (GString    *out,
            const char *value,
            gboolean    last)
{
  size_t len = strlen (value != NULL ? value : "");
  g_autofree char *quoted = g_malloc (len * 2 + 3);
  size_t n = csv_write (quoted, len * 2 + 3, value != NULL ? value : "", len);

  g_string_append_len (out, quoted, (gssize) n);
  g_string_append (out, last ? "\r\n" : ",");
}

/* The attribute's values as UTF-8: decoded (quoted-printable, base64) by EVCard, and converted
 * from a CHARSET parameter when they are not UTF-8 already. */
static GPtrArray *
attribute_values (EVCardAttribute *attr)
{
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);
  GList *charset = e_vcard_attribute_get_param (attr, "CHARSET");
  GList *decoded = e_vcard_attribute_get_values_decoded (attr);

  for (GList *l = decoded; l != NULL; l = l->next)
    {
      GString *value = l->data;
      char *text = NULL;

      if (!g_utf8_validate (value->str, value->len, NULL))
        {
          if (charset != NULL)
            text = g_convert (value->str, value->len, "UTF-8", charset->data, NULL, NULL, NULL);
          if (text == NULL)
            text = g_convert (value->str, value->len, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
        }
      if (text == NULL)
        text = g_strndup (value->str, value->len);
      g_ptr_array_add (values, text);
    }
  return values;
}

static gboolean
has_type (EVCardAttribute *attr,
          const char      *type)
{
  GList *types = e_vcard_attribute_get_param (attr, EVC_TYPE);

  for (GList *l = types; l != NULL; l = l->next)
    if (g_ascii_strcasecmp (l->data, type) == 0)
      return TRUE;
  /* vCard 2.1 writes bare parameters: TEL;WORK;FAX. */
  return e_vcard_attribute_has_type (attr, type);
}

static void
set_if_empty (char       **row,
              guint        column,
              const char  *value)
{
  if (row[column] == NULL && value != NULL && *value != '\0')
    row[column] = g_strdup (value);
}

static void
card_to_row (EVCard  *card,
             GString *out)
{
  char *row[N_COLUMNS] = { NULL, };

  for (GList *l = e_vcard_get_attributes (card); l != NULL; l = l->next)
    {
      EVCardAttribute *attr = l->data;
      const char *name = e_vcard_attribute_get_name (attr);
      g_autoptr(GPtrArray) v = attribute_values (attr);
      const char *first = v->len > 0 ? g_ptr_array_index (v, 0) : "";

#define V(i) ((i) < v->len ? (const char *) g_ptr_array_index (v, i) : "")
      if (g_ascii_strcasecmp (name, EVC_UID) == 0)
        {
          const char *uid = g_str_has_prefix (first, "urn:uuid:") ? first + 9 : first;

          /* Only a Rapport ID is one (other programs' UIDs are not UUIDs). */
          if (strlen (uid) == 36)
            set_if_empty (row, C_UUID, uid);
        }
      else if (g_ascii_strcasecmp (name, "KIND") == 0 && g_ascii_strcasecmp (first, "org") == 0)
        set_if_empty (row, C_KIND, "organization");
      else if (g_ascii_strcasecmp (name, EVC_N) == 0)
        {
          set_if_empty (row, C_LAST, V (0));
          if (*V (2) != '\0')
            {
              g_autofree char *given = g_strconcat (V (1), " ", V (2), NULL);
              set_if_empty (row, C_FIRST, given);
            }
          else
            set_if_empty (row, C_FIRST, V (1));
          set_if_empty (row, C_PREFIX, V (3));
          set_if_empty (row, C_CREDENTIALS, V (4));
        }
      else if (g_ascii_strcasecmp (name, EVC_FN) == 0)
        set_if_empty (row, C_FULL, first);
      else if (g_ascii_strcasecmp (name, EVC_ORG) == 0)
        set_if_empty (row, C_ORG, first);
      else if (g_ascii_strcasecmp (name, EVC_TITLE) == 0)
        set_if_empty (row, C_SPECIALTY, first);
      else if (g_ascii_strcasecmp (name, EVC_ADR) == 0 && row[C_STREET] == NULL &&
               row[C_CITY] == NULL)
        {
          if (*V (1) != '\0' && *V (2) != '\0')
            {
              g_autofree char *street = g_strconcat (V (2), ", ", V (1), NULL);
              set_if_empty (row, C_STREET, street);
            }
          else
            set_if_empty (row, C_STREET, *V (2) != '\0' ? V (2) : V (1));
          set_if_empty (row, C_CITY, V (3));
          set_if_empty (row, C_STATE, V (4));
          set_if_empty (row, C_ZIP, V (5));

          /* ADR;GEO="geo:39.96,-83.00" (vCard 4.0). */
          {
            GList *geo = e_vcard_attribute_get_param (attr, "GEO");

            if (geo != NULL)
              set_geo (row, geo->data, geo->next != NULL ? geo->next->data : NULL);
          }
        }
      else if (g_ascii_strcasecmp (name, EVC_GEO) == 0)
        set_geo (row, first, v->len > 1 ? V (1) : NULL);
      else if (g_ascii_strcasecmp (name, EVC_TEL) == 0)
        {
          /* vCard 4.0 may write a tel: URI. */
          const char *number = g_ascii_strncasecmp (first, "tel:", 4) == 0 ? first + 4 : first;

          set_if_empty (row, has_type (attr, "FAX") ? C_FAX : C_PHONE, number);
        }
      else if (g_ascii_strcasecmp (name, EVC_EMAIL) == 0)
        set_if_empty (row, C_EMAIL, first);
      else if (g_ascii_strcasecmp (name, EVC_NOTE) == 0)
        set_if_empty (row, C_NOTES, first);
      else if (g_ascii_strcasecmp (name, "X-RAPPORT-NPI") == 0)
        set_if_empty (row, C_NPI, first);
      else if (g_ascii_strcasecmp (name, "X-RAPPORT-TIER") == 0)
        set_if_empty (row, C_TIER, first);
#undef V
    }

  /* An organisation's card names it in FN and ORG: no person's name to split. */
  if (row[C_KIND] != NULL)
    {
      set_if_empty (row, C_ORG, row[C_FULL]);
      g_clear_pointer (&row[C_FULL], g_free);
      g_clear_pointer (&row[C_FIRST], g_free);
      g_clear_pointer (&row[C_LAST], g_free);
    }
  /* The full name only when N gave none. */
  if (row[C_FIRST] != NULL || row[C_LAST] != NULL)
    g_clear_pointer (&row[C_FULL], g_free);
  /* A card with only an organisation is one. */
  if (row[C_FIRST] == NULL && row[C_LAST] == NULL && row[C_FULL] == NULL && row[C_ORG] != NULL)
    set_if_empty (row, C_KIND, "organization");

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      append_csv (out, row[i], i + 1 == N_COLUMNS);
      g_free (row[i]);
    }
}

RpPartnerImport *
rp_vcard_import_new (GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_autofree char *temp_path = NULL;
  g_autoptr(GString) csv = g_string_new (NULL);
  g_autoptr(GArray) line_map = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GFile) temp = NULL;
  g_autoptr(RpPartnerImport) import = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) card = NULL;
  guint card_line = 0;
  guint header_line = 1;
  gsize len = 0;
  int fd;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!g_file_load_contents (file, cancellable, &contents, &len, NULL, error))
    return NULL;
  if (memchr (contents, '\0', len) != NULL)
    {
      g_set_error_literal (error, RP_CSV_ERROR, RP_CSV_ERROR_BINARY,
                           _("This is not a text file (it holds binary data)"));
      return NULL;
    }

  for (guint i = 0; i < N_COLUMNS; i++)
    append_csv (csv, columns[i], i + 1 == N_COLUMNS);
  g_array_append_val (line_map, header_line);

  /* Cards one by one: EVCard reads one card from a string. Only the BEGIN and END lines are
   * looked at here; everything between them is EVCard's. */
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (lines[i]));

      if (card == NULL && g_ascii_strcasecmp (trimmed, "BEGIN:VCARD") == 0)
        {
          card = g_string_new (NULL);
          card_line = i + 1;
        }
      if (card != NULL)
        {
          g_string_append (card, lines[i]);
          g_string_append_c (card, '\n');
        }
      if (card != NULL && g_ascii_strcasecmp (trimmed, "END:VCARD") == 0)
        {
          g_autoptr(EVCard) parsed = e_vcard_new_from_string (card->str);

          card_to_row (parsed, csv);
          g_array_append_val (line_map, card_line);
          g_string_free (g_steal_pointer (&card), TRUE);
        }
    }

  if (line_map->len == 1)
    {
      g_set_error_literal (error, RP_CSV_ERROR, RP_CSV_ERROR_EMPTY,
                           _("The file holds no vCard (no BEGIN:VCARD … END:VCARD)"));
      return NULL;
    }

  fd = g_file_open_tmp ("rapport-vcard-XXXXXX.csv", &temp_path, error);
  if (fd < 0)
    return NULL;
  close (fd);
  if (!g_file_set_contents (temp_path, csv->str, csv->len, error))
    {
      g_unlink (temp_path);
      return NULL;
    }

  temp = g_file_new_for_path (temp_path);
  import = rp_partner_import_new (temp, cancellable, error);
  if (import == NULL)
    {
      g_unlink (temp_path);
      return NULL;
    }
  name = g_file_get_basename (file);
  rp_partner_import_set_source (import, name, line_map, temp_path);
  return g_steal_pointer (&import);
}

/* ── the team address book (sync) ─────────────────────────────────────────────────────── */

/* What the sync card writes; everything else a card holds belongs to other clients and is
 * kept. */
static gboolean
is_sync_property (const char *name)
{
  static const char * const own[] = {
    "VERSION", "UID", "FN", "N", "KIND", "ORG", "TITLE", "ADR", "TEL", "EMAIL", "NOTE", "REV",
    "PRODID",
  };

  if (g_ascii_strncasecmp (name, "X-RAPPORT-", strlen ("X-RAPPORT-")) == 0)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (own); i++)
    if (g_ascii_strcasecmp (name, own[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
add_number (EVCard     *card,
            const char *name,
            guint       value)
{
  g_autofree char *text = g_strdup_printf ("%u", value);

  add_text (card, name, text);
}

/* REV as vCard writes it ("20261207T101500Z") from an ISO-8601 UTC stamp. */
static char *
rev_from_iso (const char *iso)
{
  g_autoptr(GDateTime) when = iso != NULL ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;

  if (when == NULL)
    return NULL;
  return g_date_time_format (when, "%Y%m%dT%H%M%SZ");
}

static char *
iso_from_rev (const char *rev)
{
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  guint y, mo, d, h = 0, mi = 0, sec = 0;

  if (rev == NULL)
    return NULL;
  when = g_date_time_new_from_iso8601 (rev, utc);
  if (when == NULL &&
      sscanf (rev, "%4u%2u%2uT%2u%2u%2u", &y, &mo, &d, &h, &mi, &sec) >= 3)
    when = g_date_time_new_utc ((int) y, (int) mo, (int) d, (int) h, (int) mi, sec);
  if (when == NULL)
    return NULL;
  return g_date_time_format (when, "%Y-%m-%dT%H:%M:%SZ");
}

char *
rp_vcard_partner_to_card (RpPartner  *partner,
                          const char *base)
{
  g_autoptr(EVCard) card = NULL;
  g_autofree char *rev = NULL;

  g_return_val_if_fail (RP_IS_PARTNER (partner), NULL);

  card = build_card (partner);
  add_text (card, "X-RAPPORT-SPECIALTY-CODE", rp_partner_get_specialty_code (partner));
  add_text (card, "X-RAPPORT-STATUS", rp_enum_to_nick (RP_TYPE_PARTNER_STATUS,
                                                       rp_partner_get_status (partner)));
  if (rp_partner_get_cadence_days (partner) > 0)
    add_number (card, "X-RAPPORT-CADENCE", rp_partner_get_cadence_days (partner));
  add_text (card, "X-RAPPORT-TAGS", rp_partner_get_tags (partner));
  add_text (card, "X-RAPPORT-OFFICE-CONTACT", rp_partner_get_office_contact (partner));
  add_text (card, "X-RAPPORT-BEST-TIME", rp_partner_get_best_time (partner));
  add_number (card, "X-RAPPORT-INFLUENCE", rp_partner_get_influence (partner));
  if (rp_partner_get_monthly_volume (partner) > 0)
    add_number (card, "X-RAPPORT-VOLUME", rp_partner_get_monthly_volume (partner));
  add_text (card, "X-RAPPORT-ARCHIVED", rp_partner_get_archived_at (partner));
  rev = rev_from_iso (rp_partner_get_updated_at (partner));
  add_text (card, "REV", rev);

  if (base != NULL && *base != '\0')
    {
      g_autoptr(EVCard) old = e_vcard_new_from_string (base);

      for (GList *l = e_vcard_get_attributes (old); l != NULL; l = l->next)
        if (!is_sync_property (e_vcard_attribute_get_name (l->data)))
          e_vcard_append_attribute (card, e_vcard_attribute_copy (l->data));
    }

  return card_to_text (card);
}

/* "geo:40.7128,-74.006" (or with ";", or cut by a server after its comma: then FALSE). */
static gboolean
parse_geo (const char *text,
           double     *lat,
           double     *lon)
{
  const char *p = text;
  char *end;

  if (g_ascii_strncasecmp (p, "geo:", 4) == 0)
    p += 4;
  *lat = g_ascii_strtod (p, &end);
  if (end == p || (*end != ',' && *end != ';' && *end != ' '))
    return FALSE;
  p = end + 1;
  *lon = g_ascii_strtod (p, &end);
  return end != p && *lat >= -90 && *lat <= 90 && *lon >= -180 && *lon <= 180;
}

static void
set_enum (GType       type,
          const char *nick,
          GObject    *object,
          const char *property)
{
  g_autofree char *lower = g_ascii_strdown (nick, -1);
  int value;

  if (rp_enum_from_nick (type, lower, &value))
    g_object_set (object, property, value, NULL);
}

RpPartner *
rp_vcard_card_to_partner (const char  *text,
                          GError     **error)
{
  g_autoptr(EVCard) card = NULL;
  g_autoptr(RpPartner) partner = NULL;
  g_autofree char *full_name = NULL;
  gboolean have_n = FALSE, have_adr = FALSE, have_phone = FALSE, have_fax = FALSE;
  gboolean have_email = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  card = e_vcard_new_from_string (text);
  partner = rp_partner_new (RP_PARTNER_KIND_PERSON);

  for (GList *l = e_vcard_get_attributes (card); l != NULL; l = l->next)
    {
      EVCardAttribute *attr = l->data;
      const char *name = e_vcard_attribute_get_name (attr);
      g_autoptr(GPtrArray) v = attribute_values (attr);
      g_autofree char *joined = NULL;
      const char *first;

      /* A text value EVCard split at unescaped commas is one value. */
      g_ptr_array_add (v, NULL);
      joined = g_strjoinv (",", (char **) v->pdata);
      g_ptr_array_remove_index (v, v->len - 1);
      first = joined;

#define V(i) ((i) < v->len ? (const char *) g_ptr_array_index (v, i) : "")
      if (g_ascii_strcasecmp (name, EVC_UID) == 0)
        rp_partner_set_uuid (partner, g_str_has_prefix (first, "urn:uuid:") ? first + 9 : first);
      else if (g_ascii_strcasecmp (name, "KIND") == 0 && g_ascii_strcasecmp (first, "org") == 0)
        rp_partner_set_kind (partner, RP_PARTNER_KIND_ORGANIZATION);
      else if (g_ascii_strcasecmp (name, EVC_N) == 0 && !have_n)
        {
          have_n = TRUE;
          rp_partner_set_last_name (partner, V (0));
          rp_partner_set_first_name (partner, V (1));
          rp_partner_set_prefix (partner, V (3));
          rp_partner_set_credentials (partner, V (4));
        }
      else if (g_ascii_strcasecmp (name, EVC_FN) == 0)
        {
          g_free (full_name);
          full_name = g_strdup (first);
        }
      else if (g_ascii_strcasecmp (name, EVC_ORG) == 0)
        rp_partner_set_organization (partner, V (0));
      else if (g_ascii_strcasecmp (name, EVC_TITLE) == 0)
        rp_partner_set_specialty_label (partner, first);
      else if (g_ascii_strcasecmp (name, EVC_ADR) == 0 && !have_adr)
        {
          GList *geo = e_vcard_attribute_get_param (attr, "GEO");
          double lat, lon;

          have_adr = TRUE;
          rp_partner_set_street (partner, V (2));
          rp_partner_set_city (partner, V (3));
          rp_partner_set_state (partner, V (4));
          rp_partner_set_zip (partner, V (5));
          if (geo != NULL)
            {
              /* EVCard splits a parameter's values at commas. */
              g_autoptr(GString) whole = g_string_new (NULL);

              for (GList *g = geo; g != NULL; g = g->next)
                {
                  if (whole->len > 0)
                    g_string_append_c (whole, ',');
                  g_string_append (whole, g->data);
                }
              if (parse_geo (whole->str, &lat, &lon))
                rp_partner_set_location (partner, lat, lon);
            }
        }
      else if (g_ascii_strcasecmp (name, EVC_TEL) == 0)
        {
          const char *number = g_ascii_strncasecmp (first, "tel:", 4) == 0 ? first + 4 : first;

          if (has_type (attr, "FAX"))
            {
              if (!have_fax)
                rp_partner_set_fax (partner, number);
              have_fax = TRUE;
            }
          else
            {
              if (!have_phone)
                rp_partner_set_phone (partner, number);
              have_phone = TRUE;
            }
        }
      else if (g_ascii_strcasecmp (name, EVC_EMAIL) == 0 && !have_email)
        {
          have_email = TRUE;
          rp_partner_set_email (partner, first);
        }
      else if (g_ascii_strcasecmp (name, EVC_NOTE) == 0)
        rp_partner_set_notes (partner, first);
      else if (g_ascii_strcasecmp (name, "REV") == 0)
        {
          g_autofree char *iso = iso_from_rev (first);

          if (iso != NULL)
            rp_partner_set_updated_at (partner, iso);
        }
      else if (g_ascii_strcasecmp (name, "X-RAPPORT-NPI") == 0)
        rp_partner_set_npi (partner, first);
      else if (g_ascii_strcasecmp (name, "X-RAPPORT-TIER") == 0)
        set_enum (RP_TYPE_TIER, first, G_OBJECT (partner), "tier");
      else if (g_ascii_strcasecmp (name, "X-RAPPORT-STATUS") == 0)
        set_enum (RP_TYPE_PARTNER_STATUS, first, G_OBJECT (partner), "status");
      else if (g_ascii_strcasecmp (name, "X-RAPPORT-SPECIALTY-CODE") == 0)
        rp_partner_set_specialty_code (partner, first);
      else if (g_ascii_strcasecmp (name, "X-RAPPORT-CADENCE") == 0)
        rp_partner_set_cadence_days (partner, (guint) g_ascii_strtoull (first, NULL, 10));
      else if (g_ascii_strcasecmp (name, "X-RAPPORT-TAGS") == 0)
        rp_partner_set_tags (partner, first);
      else if (g_ascii_strcasecmp (name, "X-RAPPORT-OFFICE-CONTACT") == 0)
        rp_partner_set_office_contact (partner, first);
      else if (g_ascii_strcasecmp (name, "X-RAPPORT-BEST-TIME") == 0)
        rp_partner_set_best_time (partner, first);
      else if (g_ascii_strcasecmp (name, "X-RAPPORT-INFLUENCE") == 0)
        {
          guint64 influence = g_ascii_strtoull (first, NULL, 10);

          if (influence >= 1 && influence <= 5)
            rp_partner_set_influence (partner, (guint) influence);
        }
      else if (g_ascii_strcasecmp (name, "X-RAPPORT-VOLUME") == 0)
        rp_partner_set_monthly_volume (partner, (guint) g_ascii_strtoull (first, NULL, 10));
      else if (g_ascii_strcasecmp (name, "X-RAPPORT-ARCHIVED") == 0)
        rp_partner_set_archived_at (partner, first);
#undef V
    }

  if (*rp_partner_get_uuid (partner) == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The contact has no UID"));
      return NULL;
    }
  /* A card of another client without N: its full name stands for the person. */
  if (rp_partner_get_kind (partner) == RP_PARTNER_KIND_ORGANIZATION)
    {
      if (*rp_partner_get_organization (partner) == '\0' && full_name != NULL)
        rp_partner_set_organization (partner, full_name);
    }
  else if (!have_n && full_name != NULL)
    rp_partner_set_last_name (partner, full_name);

  if (*rp_partner_get_display_name (partner) == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The contact has no name"));
      return NULL;
    }

  return g_steal_pointer (&partner);
}
