/* test-vcard.c: vCard import (3.0 folded, 2.1 quoted-printable with a charset, 4.0) and the
 * vCard 4.0 export, re-read by EVCard (the round trip) and by python3-vobject.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "rp-partner-import.h"
#include "rp-store-imports.h"
#include "rp-test-core.h"
#include "rp-vcard.h"

static RpImportResult
import_vcf (RpStore  *store,
            GFile    *file,
            guint    *n_changing)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpPartnerImport) import = rp_vcard_import_new (file, NULL, &error);
  RpImportResult result = { 0, };

  g_assert_no_error (error);
  rp_partner_import_plan (import, store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rp_partner_import_get_n_invalid (import), ==, 0);
  if (n_changing != NULL)
    *n_changing = rp_partner_import_get_n_changing (import);
  rp_partner_import_apply (import, store, FALSE, NULL, NULL, NULL, &result, &error);
  g_assert_no_error (error);
  return result;
}

static RpPartner *
find_by_name (RpStore    *store,
              const char *search)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = rp_store_match_partner_ids (store, search, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  return rp_store_get_partner (store, g_array_index (ids, gint64, 0), &error);
}

static void
test_import (RpTestStore  *fixture,
             gconstpointer data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import",
                                                 "evolution-contacts.vcf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RpPartner) astrid = NULL;
  g_autoptr(RpPartner) renee = NULL;
  g_autoptr(RpPartner) imaging = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *origin = NULL;
  RpImportResult result;
  guint line = 0;

  result = import_vcf (fixture->store, file, NULL);
  g_assert_cmpuint (result.added, ==, 3);

  /* 3.0 with a folded NOTE. */
  astrid = find_by_name (fixture->store, "lindqvist");
  g_assert_cmpstr (rp_partner_get_prefix (astrid), ==, "Dr.");
  g_assert_cmpstr (rp_partner_get_first_name (astrid), ==, "Astrid M.");
  g_assert_cmpstr (rp_partner_get_last_name (astrid), ==, "Lindqvist");
  g_assert_cmpstr (rp_partner_get_credentials (astrid), ==, "MD");
  g_assert_cmpstr (rp_partner_get_organization (astrid), ==, "Scioto Valley Neurology");
  g_assert_cmpstr (rp_partner_get_street (astrid), ==, "1800 Zollinger Rd, Suite 300");
  g_assert_cmpstr (rp_partner_get_phone (astrid), ==, "(614) 555-0190");
  g_assert_cmpstr (rp_partner_get_fax (astrid), ==, "(614) 555-0191");
  g_assert_cmpstr (rp_partner_get_notes (astrid), ==,
                   "Prefers e-mail before a visit. Lunch-and-learn on the first Tuesday of every "
                   "month, bring the new MRI referral pads.");
  g_assert_true (rp_store_get_partner_origin (fixture->store, rp_partner_get_id (astrid),
                                              &origin, &line, &error));
  g_assert_cmpstr (origin, ==, "evolution-contacts.vcf");
  g_assert_cmpuint (line, ==, 1);

  /* 2.1, quoted-printable in ISO-8859-1. */
  renee = find_by_name (fixture->store, "benet");
  g_assert_cmpstr (rp_partner_get_first_name (renee), ==, "Renée");
  g_assert_cmpstr (rp_partner_get_last_name (renee), ==, "Benét");
  g_assert_cmpstr (rp_partner_get_credentials (renee), ==, "NP");
  g_assert_cmpstr (rp_partner_get_street (renee), ==, "3100 N. High St, Floor 2");

  /* 4.0: an organisation, a tel: URI, the tier. */
  imaging = find_by_name (fixture->store, "imaging");
  g_assert_cmpint (rp_partner_get_kind (imaging), ==, RP_PARTNER_KIND_ORGANIZATION);
  g_assert_cmpstr (rp_partner_get_organization (imaging), ==, "Westerville Imaging Center");
  g_assert_cmpstr (rp_partner_get_phone (imaging), ==, "(614) 555-0193");
  g_assert_cmpint (rp_partner_get_tier (imaging), ==, RP_TIER_A);
}

static void
test_export_round_trip (RpTestStore  *fixture,
                        gconstpointer data)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "import",
                                                   "evolution-contacts.vcf", NULL);
  g_autoptr(GFile) source_file = g_file_new_for_path (source);
  g_autofree char *path = g_build_filename (fixture->dir, "partners.vcf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(RpPartner) npi = rp_test_make_person ("José", "Peña", "1234567893");
  RpImportResult result;
  guint n = 0, changing = 99;

  rp_partner_set_location (npi, 40.1023, -83.0177);
  rp_test_insert_partner (fixture->store, npi);
  import_vcf (fixture->store, source_file, NULL);

  g_assert_true (rp_vcard_export_partners (fixture->store, NULL, 0, file, &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 4);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "BEGIN:VCARD\r\nVERSION:4.0\r\n"));
  g_assert_nonnull (strstr (contents, "X-RAPPORT-NPI:1234567893"));
  g_assert_nonnull (strstr (contents, "UID:urn:uuid:"));
  before = rp_test_checksum_file (path);

  /* Back in: every card is its partner (same UID), and nothing changes. */
  result = import_vcf (fixture->store, file, &changing);
  g_assert_cmpuint (changing, ==, 0);
  g_assert_cmpuint (result.added, ==, 0);
  g_assert_cmpuint (result.merged, ==, 0);
  g_assert_cmpuint (result.unchanged, ==, 4);
  g_assert_true (rp_vcard_export_partners (fixture->store, NULL, 0, file, &n, NULL, &error));
  after = rp_test_checksum_file (path);
  g_assert_cmpstr (after, ==, before);

  /* Another vCard reader (Thunderbird and GNOME Contacts read what it reads). */
  if (g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE))
    {
      const char *script =
        "import sys, vobject\n"
        "cards = list(vobject.readComponents(open(sys.argv[1], encoding='utf-8').read()))\n"
        "assert len(cards) == 4, len(cards)\n"
        "for c in cards:\n"
        "    assert c.version.value == '4.0'\n"
        "    assert c.uid.value.startswith('urn:uuid:')\n"
        "pena = [c for c in cards if 'x-rapport-npi' in c.contents][0]\n"
        "assert pena.contents['x-rapport-npi'][0].value == '1234567893'\n"
        "assert pena.n.value.family == 'Peña', pena.n.value.family\n"
        "tels = {tuple(t.params['TYPE']): t.value for c in cards for t in c.contents.get('tel', [])}\n"
        "assert ('work', 'fax') in tels\n"
        "geo = [c.adr.params['GEO'][0] for c in cards if 'adr' in c.contents and 'GEO' in c.adr.params]\n"
        "assert geo and geo[0].startswith('geo:'), geo\n"
        "print('ok', len(cards))\n";
      const char *argv[] = { "/usr/bin/python3", "-c", script, path, NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int status = 0;

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                    &error);
      g_assert_no_error (error);
      if (!g_spawn_check_wait_status (status, NULL))
        g_error ("python3-vobject refused the export: %s", err);
      g_assert_cmpstr (out, ==, "ok 4\n");
    }
}

static void
assert_location (RpStore    *store,
                 const char *search,
                 double      latitude,
                 double      longitude)
{
  g_autoptr(RpPartner) partner = find_by_name (store, search);

  g_assert_true (rp_partner_get_has_location (partner));
  g_assert_cmpfloat_with_epsilon (rp_partner_get_latitude (partner), latitude, 1e-6);
  g_assert_cmpfloat_with_epsilon (rp_partner_get_longitude (partner), longitude, 1e-6);
}

/* GEO read back: vCard 3.0's "GEO:lat;lon", 4.0's "GEO:geo:lat,lon" and "ADR;GEO=", and the
 * export's locations through a round trip. */
static void
test_geo (RpTestStore  *fixture,
          gconstpointer data)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "import", "geo.vcf",
                                                   NULL);
  g_autoptr(GFile) source_file = g_file_new_for_path (source);
  g_autofree char *path = g_build_filename (fixture->dir, "geo-export.vcf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  RpImportResult result;
  guint removed = 0, restored = 0;

  result = import_vcf (fixture->store, source_file, NULL);
  g_assert_cmpuint (result.added, ==, 3);
  assert_location (fixture->store, "Okafor", 39.961176, -82.998794);
  assert_location (fixture->store, "Lind", 40.1023, -83.0177);
  assert_location (fixture->store, "Lakeshore", 41.4993, -81.6944);

  /* Out and in again: the partners are gone (undone) and come back where they were. */
  g_assert_true (rp_vcard_export_partners (fixture->store, NULL, 0, file, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (rp_store_undo_import (fixture->store, result.batch_id, &removed, &restored,
                                       &error));
  g_assert_no_error (error);
  g_assert_cmpuint (removed, ==, 3);
  result = import_vcf (fixture->store, file, NULL);
  g_assert_cmpuint (result.added, ==, 3);
  assert_location (fixture->store, "Okafor", 39.961176, -82.998794);
  assert_location (fixture->store, "Lind", 40.1023, -83.0177);
  assert_location (fixture->store, "Lakeshore", 41.4993, -81.6944);
}

static void
test_not_vcard (RpTestStore  *fixture,
                gconstpointer data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import", "ragged.csv",
                                                 NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_null (rp_vcard_import_new (file, NULL, &error));
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, RpTestStore, NULL, rp_test_store_set_up, func, rp_test_store_tear_down)

  ADD ("/exchange/vcard/import", test_import);
  ADD ("/exchange/vcard/export-round-trip", test_export_round_trip);
  ADD ("/exchange/vcard/geo", test_geo);
  ADD ("/exchange/vcard/not-a-vcard", test_not_vcard);

  return g_test_run ();
}
