/* test-letter.c: thank-you and update letters from templates.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "rp-letter.h"

typedef struct
{
  RpPartner  *partner;
  RpReferral *referral;
  RpPractice *practice;
  GDate       today;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->partner = rp_partner_new (RP_PARTNER_KIND_PERSON);
  rp_partner_set_prefix (fixture->partner, "Dr.");
  rp_partner_set_first_name (fixture->partner, "Maria");
  rp_partner_set_last_name (fixture->partner, "López");
  rp_partner_set_credentials (fixture->partner, "MD");
  rp_partner_set_organization (fixture->partner, "Olentangy Family Medicine");
  rp_partner_set_email (fixture->partner, "mlopez@olentangy.example");

  fixture->referral = rp_referral_new ();
  rp_referral_set_referred_on (fixture->referral, "2026-11-26");
  rp_referral_set_reason (fixture->referral, "Knee pain");
  rp_referral_set_status (fixture->referral, RP_REFERRAL_STATUS_SEEN);
  /* Free text where somebody typed the patient's identifiers: no field may show it. */
  rp_referral_set_notes (fixture->referral, "Jane Q. Public, MRN-448812, DOB 1961-04-02");
  rp_referral_set_outcome (fixture->referral, "Jane Q. Public had surgery");
  rp_referral_set_status_reason (fixture->referral, "Jane called");

  fixture->practice = rp_practice_new ();
  rp_practice_set_name (fixture->practice, "Riverside Orthopedics");
  rp_practice_set_phone (fixture->practice, "(614) 555-0100");

  g_date_clear (&fixture->today, 1);
  g_date_set_dmy (&fixture->today, 27, G_DATE_NOVEMBER, 2026);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->partner);
  g_clear_object (&fixture->referral);
  g_clear_object (&fixture->practice);
}

static char *
render (Fixture    *fixture,
        const char *template_text)
{
  return rp_letter_render (template_text, fixture->partner, fixture->referral,
                           fixture->practice, "Sam Rivera\nPhysician Liaison", &fixture->today);
}

static void
test_fields (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *text = render (fixture,
                                  "{partner}|{partner_first}|{organization}|{referral_date}|"
                                  "{reason}|{status}|{practice}|{practice_phone}|{signature}|"
                                  "{today}");

  g_assert_cmpstr (text, ==,
                   "Dr. Maria López, MD|Dr. López|Olentangy Family Medicine|November 26, 2026|"
                   "Knee pain|Seen|Riverside Orthopedics|(614) 555-0100|"
                   "Sam Rivera\nPhysician Liaison|November 27, 2026");
}

static void
test_default_templates (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *thanks = render (fixture, rp_letter_default_template (RP_LETTER_THANK_YOU));
  g_autofree char *update = render (fixture, rp_letter_default_template (RP_LETTER_UPDATE));

  g_assert_true (g_str_has_prefix (thanks,
                                   "Dear Dr. López,\n\nThank you for referring your patient to "
                                   "Riverside Orthopedics on November 26, 2026."));
  g_assert_true (g_str_has_suffix (thanks, "Sam Rivera\nPhysician Liaison"));
  g_assert_nonnull (strstr (thanks, "(614) 555-0100"));
  g_assert_true (g_str_has_prefix (update, "Dear Dr. López,\n\n"));
  g_assert_nonnull (strstr (update, "November 26, 2026"));
  g_assert_nonnull (strstr (update, "has been seen at Riverside Orthopedics"));

  /* Every field of the built-in templates is known, and they stay short. */
  g_assert_null (strchr (thanks, '{'));
  g_assert_null (strchr (update, '{'));
  g_assert_cmpuint (strlen (thanks), <, 600);
  g_assert_cmpuint (strlen (update), <, 600);
}

static void
test_unknown_fields (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *text = render (fixture,
                                  "{parnter} {Partner} {partner } {} {partner} "
                                  "{unclosed {{today}}");

  g_assert_cmpstr (text, ==,
                   "{parnter} {Partner} {partner } {} Dr. Maria López, MD {unclosed "
                   "{November 27, 2026}");
}

static void
test_missing_records (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(RpPartner) office = rp_partner_new (RP_PARTNER_KIND_ORGANIZATION);
  g_autoptr(RpPartner) plain = rp_partner_new (RP_PARTNER_KIND_PERSON);
  g_autofree char *text = NULL;
  g_autofree char *greeting = NULL;
  g_autofree char *named = NULL;

  text = rp_letter_render ("[{referral_date}][{status}][{reason}][{practice}][{signature}]",
                           fixture->partner, NULL, NULL, NULL, &fixture->today);
  g_assert_cmpstr (text, ==, "[][][][][]");

  rp_partner_set_organization (office, "Northside Urgent Care");
  greeting = rp_letter_render ("Dear {partner_first}, ({partner})", office, NULL, NULL, NULL,
                               &fixture->today);
  g_assert_cmpstr (greeting, ==, "Dear Colleagues, (Northside Urgent Care)");

  rp_partner_set_first_name (plain, "Anh");
  rp_partner_set_last_name (plain, "Nguyễn");
  named = rp_letter_render ("Dear {partner_first},", plain, NULL, NULL, NULL, &fixture->today);
  g_assert_cmpstr (named, ==, "Dear Anh Nguyễn,");
}

static void
test_no_patient_identifiers (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *text = render (fixture,
                                  "{partner}{partner_first}{organization}{referral_date}{reason}"
                                  "{status}{practice}{practice_phone}{signature}{today}"
                                  "{patient}{patient_name}{name}{mrn}{dob}{date_of_birth}"
                                  "{phone}{notes}{outcome}{status_reason}");
  g_autofree char *subject = rp_letter_dup_subject (RP_LETTER_UPDATE, fixture->referral);

  g_assert_null (strstr (text, "Jane"));
  g_assert_null (strstr (text, "448812"));
  g_assert_null (strstr (text, "1961"));
  g_assert_null (strstr (subject, "Jane"));
  /* Patient-like names are not fields: they stay as typed. */
  g_assert_nonnull (strstr (text, "{patient}{patient_name}{name}{mrn}{dob}"));
}

static void
test_subjects (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *thanks = rp_letter_dup_subject (RP_LETTER_THANK_YOU, fixture->referral);
  g_autofree char *update = rp_letter_dup_subject (RP_LETTER_UPDATE, fixture->referral);
  g_autofree char *bare = rp_letter_dup_subject (RP_LETTER_UPDATE, NULL);

  g_assert_cmpstr (thanks, ==, "Thank you for your referral");
  g_assert_cmpstr (update, ==, "Update on your referral of November 26, 2026");
  g_assert_cmpstr (bare, ==, "Update on your referral");
}

static void
test_mailto (void)
{
  g_autofree char *uri = NULL;
  g_autofree char *no_address = NULL;
  g_autofree char *address_only = NULL;
  g_autoptr(GUri) parsed = NULL;
  g_autoptr(GError) error = NULL;

  uri = rp_letter_dup_mailto_uri ("dr.lopez+ref@example.org", "Thanks & more? #1",
                                  "Dear Dr. López,\n\n100% = yes");
  g_assert_cmpstr (uri, ==,
                   "mailto:dr.lopez%2Bref@example.org"
                   "?subject=Thanks%20%26%20more%3F%20%231"
                   "&body=Dear%20Dr.%20L%C3%B3pez%2C%0D%0A%0D%0A100%25%20%3D%20yes");

  /* It is a URI GLib accepts, and the body comes back intact (with CRLF line breaks). */
  parsed = g_uri_parse (uri, G_URI_FLAGS_ENCODED, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_uri_get_scheme (parsed), ==, "mailto");
  {
    g_autoptr(GHashTable) params = g_uri_parse_params (g_uri_get_query (parsed), -1, "&",
                                                       G_URI_PARAMS_NONE, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (g_hash_table_lookup (params, "subject"), ==, "Thanks & more? #1");
    g_assert_cmpstr (g_hash_table_lookup (params, "body"), ==,
                     "Dear Dr. López,\r\n\r\n100% = yes");
  }

  no_address = rp_letter_dup_mailto_uri (NULL, "Hello", NULL);
  g_assert_cmpstr (no_address, ==, "mailto:?subject=Hello");

  address_only = rp_letter_dup_mailto_uri ("a@b.example", NULL, "");
  g_assert_cmpstr (address_only, ==, "mailto:a@b.example");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/letter/fields", Fixture, NULL, fixture_setup, test_fields, fixture_teardown);
  g_test_add ("/letter/default-templates", Fixture, NULL,
              fixture_setup, test_default_templates, fixture_teardown);
  g_test_add ("/letter/unknown-fields", Fixture, NULL,
              fixture_setup, test_unknown_fields, fixture_teardown);
  g_test_add ("/letter/missing-records", Fixture, NULL,
              fixture_setup, test_missing_records, fixture_teardown);
  g_test_add ("/letter/no-patient-identifiers", Fixture, NULL,
              fixture_setup, test_no_patient_identifiers, fixture_teardown);
  g_test_add ("/letter/subjects", Fixture, NULL,
              fixture_setup, test_subjects, fixture_teardown);
  g_test_add_func ("/letter/mailto", test_mailto);

  return g_test_run ();
}
