/* test-validate.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib.h>
#include <string.h>

#include "rp-validate.h"

typedef gboolean (*Validator) (const char *value,
                               GError    **error);

static void
assert_valid (Validator   validate,
              const char *value)
{
  g_autoptr(GError) error = NULL;

  if (!validate (value, &error))
    g_error ("“%s” should be valid: %s", value, error->message);
  g_assert_no_error (error);
}

static void
assert_invalid (Validator   validate,
                const char *value)
{
  g_autoptr(GError) error = NULL;

  if (validate (value, &error))
    g_error ("“%s” should be refused", value);
  g_assert_error (error, RP_VALIDATE_ERROR, RP_VALIDATE_ERROR_INVALID);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");

  /* No error argument is fine too. */
  g_assert_false (validate (value, NULL));
}

static void
test_npi_check_digit (void)
{
  g_assert_cmpint (rp_npi_check_digit ("123456789"), ==, 3);
  g_assert_cmpint (rp_npi_check_digit ("12345678"), ==, -1);
  g_assert_cmpint (rp_npi_check_digit ("1234567890"), ==, -1);
  g_assert_cmpint (rp_npi_check_digit ("12345678x"), ==, -1);
  g_assert_cmpint (rp_npi_check_digit (""), ==, -1);

  /* Every nine-digit body has exactly one check digit that validates. */
  for (guint body = 100000000; body < 100000000 + 2000; body += 37)
    {
      char npi[11];
      int digit;

      g_snprintf (npi, sizeof npi, "%09u", body);
      digit = rp_npi_check_digit (npi);
      g_assert_cmpint (digit, >=, 0);
      g_assert_cmpint (digit, <=, 9);

      for (int d = 0; d <= 9; d++)
        {
          npi[9] = '0' + d;
          npi[10] = '\0';
          g_assert_cmpint (rp_validate_npi (npi, NULL), ==, d == digit);
        }
    }
}

static void
test_npi (void)
{
  g_autoptr(GError) error = NULL;

  assert_valid (rp_validate_npi, "1234567893");
  assert_valid (rp_validate_npi, " 1234567893 ");
  assert_valid (rp_validate_npi, "");
  assert_valid (rp_validate_npi, NULL);

  assert_invalid (rp_validate_npi, "1234567890");
  assert_invalid (rp_validate_npi, "123456789");
  assert_invalid (rp_validate_npi, "12345678931");
  assert_invalid (rp_validate_npi, "12345678a3");
  assert_invalid (rp_validate_npi, "NPI");
  assert_invalid (rp_validate_npi, "1234-567893");

  /* The messages say what is wrong, not just that something is. */
  g_assert_false (rp_validate_npi ("1234567890", &error));
  g_assert_nonnull (strstr (error->message, "check digit"));
  g_clear_error (&error);

  g_assert_false (rp_validate_npi ("123456789", &error));
  g_assert_nonnull (strstr (error->message, "10 digits"));
  g_clear_error (&error);
}

static void
test_email (void)
{
  assert_valid (rp_validate_email, "mlopez@olentangyfm.example");
  assert_valid (rp_validate_email, "a.b+c@mail.x.org");
  assert_valid (rp_validate_email, "  frontdesk@clinic.example  ");
  assert_valid (rp_validate_email, "");
  assert_valid (rp_validate_email, NULL);

  assert_invalid (rp_validate_email, "mlopez.example");
  assert_invalid (rp_validate_email, "a@b@c.example");
  assert_invalid (rp_validate_email, "two@@clinic.example");
  assert_invalid (rp_validate_email, "@clinic.example");
  assert_invalid (rp_validate_email, "mlopez@localhost");
  assert_invalid (rp_validate_email, "mlopez@.example");
  assert_invalid (rp_validate_email, "mlopez@clinic.");
  assert_invalid (rp_validate_email, "mlopez@clinic..example");
  assert_invalid (rp_validate_email, "m lopez@clinic.example");
  assert_invalid (rp_validate_email, "mlopez@");
}

static void
test_phone (void)
{
  const char * const valid[] = {
    "614-555-0134", "(614) 555-0134", "614.555.0134", "6145550134", "1 614 555 0134",
    "1-614-555-0134", "+1 (614) 555-0134", "+16145550134", "614-555-0134 x123",
    "614-555-0134x123", "614-555-0134 ext 123", "614-555-0134 ext. 12", "(614) 555-0134 X7",
    "614 555 0134 extension 4001", "", NULL,
  };
  const char * const invalid[] = {
    "555-0134", "614-555-013", "614-555-01345", "+44 20 7946 0958", "+614-555-0134",
    "614-555-0134 x", "614-555-0134 ext", "614-555-0134 ext abc", "614/555/0134",
    "22614555013", "phone", "614-555-0134 x123456789", "614-555-0134 call after 2",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    assert_valid (rp_validate_phone, valid[i]);

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    assert_invalid (rp_validate_phone, invalid[i]);
}

static void
test_format_phone (void)
{
  struct { const char *in; const char *out; } cases[] = {
    { "6145550134", "(614) 555-0134" },
    { "614-555-0134", "(614) 555-0134" },
    { "(614) 555-0134", "(614) 555-0134" },
    { "+1 614.555.0134", "(614) 555-0134" },
    { "1 (380) 555 0199", "(380) 555-0199" },
    { "614-555-0134 ext. 123", "(614) 555-0134 x123" },
    { "614.555.0134x9", "(614) 555-0134 x9" },
    /* What it cannot read comes back as typed. */
    { "555-0134", "555-0134" },
    { "call the front desk", "call the front desk" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *formatted = rp_format_phone (cases[i].in);

      g_assert_cmpstr (formatted, ==, cases[i].out);
    }

  g_assert_null (rp_format_phone (NULL));
}

static void
test_state (void)
{
  const char * const *codes = rp_us_state_codes ();
  guint n = 0;

  assert_valid (rp_validate_state, "OH");
  assert_valid (rp_validate_state, "oh");
  assert_valid (rp_validate_state, "Oh");
  assert_valid (rp_validate_state, " oh ");
  assert_valid (rp_validate_state, "DC");
  assert_valid (rp_validate_state, "PR");
  assert_valid (rp_validate_state, "VI");
  assert_valid (rp_validate_state, "GU");
  assert_valid (rp_validate_state, "AS");
  assert_valid (rp_validate_state, "MP");
  assert_valid (rp_validate_state, "WY");
  assert_valid (rp_validate_state, "");
  assert_valid (rp_validate_state, NULL);

  assert_invalid (rp_validate_state, "XX");
  assert_invalid (rp_validate_state, "Ohio");
  assert_invalid (rp_validate_state, "O");
  assert_invalid (rp_validate_state, "O H");
  assert_invalid (rp_validate_state, "ON");

  /* 50 states, DC and 5 territories, sorted and unique. */
  for (; codes[n] != NULL; n++)
    {
      g_assert_cmpuint (strlen (codes[n]), ==, 2);
      if (n > 0)
        g_assert_cmpint (strcmp (codes[n - 1], codes[n]), <, 0);
      assert_valid (rp_validate_state, codes[n]);
    }
  g_assert_cmpuint (n, ==, 56);
}

static void
test_zip (void)
{
  assert_valid (rp_validate_zip, "43215");
  assert_valid (rp_validate_zip, "43215-1234");
  assert_valid (rp_validate_zip, " 43017 ");
  assert_valid (rp_validate_zip, "");
  assert_valid (rp_validate_zip, NULL);

  assert_invalid (rp_validate_zip, "4321");
  assert_invalid (rp_validate_zip, "432150");
  assert_invalid (rp_validate_zip, "43215-123");
  assert_invalid (rp_validate_zip, "43215 1234");
  assert_invalid (rp_validate_zip, "432151234");
  assert_invalid (rp_validate_zip, "abcde");
  assert_invalid (rp_validate_zip, "43215-");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validate/npi/check-digit", test_npi_check_digit);
  g_test_add_func ("/validate/npi", test_npi);
  g_test_add_func ("/validate/email", test_email);
  g_test_add_func ("/validate/phone", test_phone);
  g_test_add_func ("/validate/phone/format", test_format_phone);
  g_test_add_func ("/validate/state", test_state);
  g_test_add_func ("/validate/zip", test_zip);

  return g_test_run ();
}
