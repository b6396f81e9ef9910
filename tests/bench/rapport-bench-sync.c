/* rapport-bench-sync: team sync's figures against a local Radicale (run by build-aux's `bench`
 * verb after rapport-bench):
 *
 *   sync_initial_1000_s    the first upload of 1,000 partners and 500 planned visits
 *   sync_delta_ms          a sync of 10 changed partners
 *
 * with the requests each made and the time per request as the client saw it (on 127.0.0.1,
 * the server's own time: Radicale is CPU-bound, about 10 to 20 PUT/s on two cores).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>

#include "rp-dav-client.h"
#include "rp-store-partners.h"
#include "rp-store-visits.h"
#include "rp-sync-account.h"
#include "rp-sync-engine.h"
#include "rp-test-core.h"
#include "rp-test-server.h"

#define N_PARTNERS 1000
#define N_VISITS 500
#define N_CHANGES 10

static void
print_figure (const char *name,
              double      value,
              const char *format,
              const char *unit)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  printf ("%s %s %s\n", name, g_ascii_formatd (buf, sizeof buf, format, value), unit);
  fflush (stdout);
}

static void
fill (RpStore *store,
      GArray  *ids)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rp_store_begin (store, &error));
  for (guint i = 0; i < N_PARTNERS; i++)
    {
      g_autoptr(RpPartner) partner = rp_partner_new (RP_PARTNER_KIND_PERSON);
      g_autofree char *last = g_strdup_printf ("Partner%04u", i);
      g_autofree char *street = g_strdup_printf ("%u Main St, Suite %u", 100 + i, i % 9 + 1);
      gint64 id;

      rp_partner_set_prefix (partner, "Dr.");
      rp_partner_set_first_name (partner, "Sam");
      rp_partner_set_last_name (partner, last);
      rp_partner_set_credentials (partner, "MD");
      rp_partner_set_specialty_label (partner, "Family Medicine");
      rp_partner_set_street (partner, street);
      rp_partner_set_city (partner, "Columbus");
      rp_partner_set_state (partner, "OH");
      rp_partner_set_zip (partner, "43215");
      rp_partner_set_location (partner, 39.96 + i * 1e-4, -83.0 - i * 1e-4);
      rp_partner_set_phone (partner, "614-555-0100");
      rp_partner_set_notes (partner, "Prefers mornings, coffee, no calls");
      g_assert_true (rp_store_insert_partner (store, partner, &error));
      id = rp_partner_get_id (partner);
      g_array_append_val (ids, id);
    }
  for (guint i = 0; i < N_VISITS; i++)
    {
      g_autofree char *day = g_strdup_printf ("2027-01-%02u", i % 28 + 1);
      g_autoptr(RpPlannedVisit) visit = NULL;

      visit = rp_store_plan_visit (store, g_array_index (ids, gint64, i * 2), day,
                                   "Introduce the new clinic", &error);
      g_assert_no_error (error);
    }
  g_assert_true (rp_store_commit (store, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  RpTestServer *server;
  RpTestStore tmp;
  g_autoptr(RpSyncAccount) account = NULL;
  g_autoptr(RpSyncEngine) engine = NULL;
  g_autoptr(RpSyncReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(RpDavClient) probe = NULL;
  gint64 start;
  double seconds;

  if (!rp_test_server_available (RP_TEST_RADICALE))
    {
      g_printerr ("sync_initial_1000_s: radicale is not installed\n");
      return 1;
    }

  server = rp_test_server_start (RP_TEST_RADICALE);
  rp_test_store_open (&tmp, "rapport-bench-sync-XXXXXX");
  fill (tmp.store, ids);

  account = rp_sync_account_new (server->url, "alice");
  rp_sync_account_set_addressbook_url (account, server->addressbook);
  rp_sync_account_set_calendar_url (account, server->calendar);
  g_assert_true (rp_sync_account_save (account, tmp.store, &error));
  engine = rp_sync_engine_new (tmp.path);
  rp_sync_engine_set_password (engine, "alice-pw");

  start = g_get_monotonic_time ();
  report = rp_sync_engine_sync (engine, NULL, &error);
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  if (report == NULL)
    {
      g_printerr ("sync_initial_1000_s: %s\n", error->message);
      return 1;
    }
  g_assert_cmpuint (rp_sync_report_get_sent (report), ==, N_PARTNERS + N_VISITS);
  print_figure ("sync_initial_1000_s", seconds, "%.1f", "s");
  print_figure ("sync_initial_items_per_s", (N_PARTNERS + N_VISITS) / seconds, "%.1f",
                "items/s");
  g_clear_object (&report);

  /* Ten partners edited. */
  for (guint i = 0; i < N_CHANGES; i++)
    {
      g_autoptr(RpPartner) partner = rp_store_get_partner (tmp.store,
                                                           g_array_index (ids, gint64, i * 37),
                                                           &error);
      g_autofree char *phone = g_strdup_printf ("614-555-%04u", 2000 + i);

      rp_partner_set_phone (partner, phone);
      g_assert_true (rp_store_update_partner (tmp.store, partner, &error));
    }
  start = g_get_monotonic_time ();
  report = rp_sync_engine_sync (engine, NULL, &error);
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_assert_no_error (error);
  g_assert_cmpuint (rp_sync_report_get_sent (report), ==, N_CHANGES);
  print_figure ("sync_delta_ms", seconds * 1000, "%.0f", "ms");

  /* The server's time per request, measured on its own: 50 PUTs and 50 GETs of a card. */
  probe = rp_dav_client_new (server->url, "bob", "bob-pw");
  start = g_get_monotonic_time ();
  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *href = g_strdup_printf ("%sprobe-%02u.vcf", server->addressbook, i);
      g_autofree char *card = g_strdup_printf ("BEGIN:VCARD\r\nVERSION:4.0\r\nUID:probe-%02u\r\n"
                                               "FN:Probe %02u\r\nEND:VCARD\r\n", i, i);
      g_autofree char *etag = rp_dav_client_put (probe, href, "text/vcard", card, NULL, NULL,
                                                 &error);

      g_assert_no_error (error);
    }
  print_figure ("sync_server_put_ms", (g_get_monotonic_time () - start) / 50.0 / 1000, "%.1f",
                "ms/request");
  start = g_get_monotonic_time ();
  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *href = g_strdup_printf ("%sprobe-%02u.vcf", server->addressbook, i);
      g_autoptr(RpDavResource) got = rp_dav_client_get (probe, href, NULL, &error);

      g_assert_no_error (error);
    }
  print_figure ("sync_server_get_ms", (g_get_monotonic_time () - start) / 50.0 / 1000, "%.1f",
                "ms/request");

  g_clear_object (&engine);
  rp_test_store_close (&tmp);
  rp_test_server_free (server);
  return 0;
}
