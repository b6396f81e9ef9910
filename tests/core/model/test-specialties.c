/* test-specialties.c: the taxonomy table and what a partner's specialty shows as.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "rp-specialties.h"

static void
test_lookup (void)
{
  guint n = 0;
  const RpSpecialty *all = rp_specialties_get_all (&n);
  const RpSpecialty *family = rp_specialties_lookup ("207q00000x");

  g_assert_cmpuint (n, >, 50);
  g_assert_nonnull (all);
  g_assert_nonnull (family);
  g_assert_cmpstr (family->code, ==, "207Q00000X");
  g_assert_cmpstr (family->label, ==, "Family Medicine");
  g_assert_null (rp_specialties_lookup ("not-a-code"));
}

/* A known code shows the table's (translated) name, whatever label was stored with the partner;
 * an unknown or missing code shows the stored label; nothing shows "". */
static void
test_display (void)
{
  g_assert_cmpstr (rp_specialties_display ("207Q00000X", "Family Medicine"), ==,
                   "Family Medicine");
  g_assert_cmpstr (rp_specialties_display ("207Q00000X", "family med (typed)"), ==,
                   "Family Medicine");
  g_assert_cmpstr (rp_specialties_display ("not-a-code", "Wound Care"), ==, "Wound Care");
  g_assert_cmpstr (rp_specialties_display (NULL, "Wound Care"), ==, "Wound Care");
  g_assert_cmpstr (rp_specialties_display ("", NULL), ==, "");
  g_assert_cmpstr (rp_specialties_display (NULL, NULL), ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/specialties/lookup", test_lookup);
  g_test_add_func ("/specialties/display", test_display);

  return g_test_run ();
}
