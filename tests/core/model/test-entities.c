/* test-entities.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "rp-activity.h"
#include "rp-location.h"
#include "rp-partner.h"
#include "rp-planned-visit.h"
#include "rp-practice.h"
#include "rp-referral.h"
#include "rp-task.h"
#include "rp-test-core.h"

/* The core library logs under this domain (see src/core/meson.build). */
#define CORE_LOG_DOMAIN "Rapport"

static GType
entity_type (guint i)
{
  const GType types[] = {
    RP_TYPE_ACTIVITY,
    RP_TYPE_LOCATION,
    RP_TYPE_PARTNER,
    RP_TYPE_PLANNED_VISIT,
    RP_TYPE_PRACTICE,
    RP_TYPE_REFERRAL,
    RP_TYPE_TASK,
  };

  return i < G_N_ELEMENTS (types) ? types[i] : G_TYPE_INVALID;
}

/* A value of @pspec's type that differs from its default, for the generic property tests. */
static void
init_other_value (GParamSpec *pspec,
                  GValue     *value)
{
  g_value_init (value, pspec->value_type);

  if (G_IS_PARAM_SPEC_STRING (pspec))
    {
      g_value_set_string (value, "Some text");
    }
  else if (G_IS_PARAM_SPEC_INT64 (pspec))
    {
      g_value_set_int64 (value, 42);
    }
  else if (G_IS_PARAM_SPEC_UINT (pspec))
    {
      GParamSpecUInt *spec = G_PARAM_SPEC_UINT (pspec);

      g_value_set_uint (value, spec->default_value < spec->maximum ? spec->default_value + 1
                                                                   : spec->default_value - 1);
    }
  else if (G_IS_PARAM_SPEC_BOOLEAN (pspec))
    {
      g_value_set_boolean (value, !G_PARAM_SPEC_BOOLEAN (pspec)->default_value);
    }
  else if (G_IS_PARAM_SPEC_DOUBLE (pspec))
    {
      g_value_set_double (value, 12.5);
    }
  else if (G_IS_PARAM_SPEC_ENUM (pspec))
    {
      GParamSpecEnum *spec = G_PARAM_SPEC_ENUM (pspec);
      GEnumValue *last = &spec->enum_class->values[spec->enum_class->n_values - 1];

      g_value_set_enum (value, last->value != spec->default_value ? last->value
                                                                  : spec->enum_class->minimum);
    }
  else if (G_IS_PARAM_SPEC_BOXED (pspec) && pspec->value_type == G_TYPE_BYTES)
    {
      g_value_take_boxed (value, g_bytes_new_static ("<svg/>", 6));
    }
  else
    {
      g_assert_not_reached ();
    }
}

static void
assert_property_equal (GObject    *a,
                       GObject    *b,
                       GParamSpec *pspec)
{
  g_auto(GValue) value_a = G_VALUE_INIT;
  g_auto(GValue) value_b = G_VALUE_INIT;

  g_value_init (&value_a, pspec->value_type);
  g_value_init (&value_b, pspec->value_type);
  g_object_get_property (a, pspec->name, &value_a);
  g_object_get_property (b, pspec->name, &value_b);

  if (g_param_values_cmp (pspec, &value_a, &value_b) != 0)
    {
      g_autofree char *contents_a = g_strdup_value_contents (&value_a);
      g_autofree char *contents_b = g_strdup_value_contents (&value_b);

      g_error ("property “%s” differs: %s != %s", pspec->name, contents_a, contents_b);
    }
}

static RpPartner *
create_person (const char *prefix,
               const char *first_name,
               const char *last_name,
               const char *credentials)
{
  RpPartner *partner = rp_partner_new (RP_PARTNER_KIND_PERSON);

  rp_partner_set_prefix (partner, prefix);
  rp_partner_set_first_name (partner, first_name);
  rp_partner_set_last_name (partner, last_name);
  rp_partner_set_credentials (partner, credentials);

  return partner;
}

/* Sets every writable field to something other than its default. */
static RpPartner *
create_full_partner (void)
{
  RpPartner *partner = rp_partner_new (RP_PARTNER_KIND_ORGANIZATION);

  rp_partner_set_id (partner, 17);
  rp_partner_set_uuid (partner, "6f1c1f4e-3f7a-4c55-9f6e-2b1a0d3c9e11");
  rp_partner_set_prefix (partner, "Dr.");
  rp_partner_set_first_name (partner, "Maria");
  rp_partner_set_last_name (partner, "López");
  rp_partner_set_credentials (partner, "MD");
  rp_partner_set_organization (partner, "Lakeshore Family Medicine");
  rp_partner_set_npi (partner, "1234567893");
  rp_partner_set_specialty_code (partner, "207Q00000X");
  rp_partner_set_specialty_label (partner, "Family Medicine");
  rp_partner_set_street (partner, "233 S Wacker Dr");
  rp_partner_set_city (partner, "Chicago");
  rp_partner_set_state (partner, "IL");
  rp_partner_set_zip (partner, "60606");
  rp_partner_set_location (partner, 41.8789, -87.6359);
  rp_partner_set_phone (partner, "(312) 555-0134");
  rp_partner_set_fax (partner, "(312) 555-0135");
  rp_partner_set_email (partner, "office@lakeshore.example");
  rp_partner_set_office_contact (partner, "Janet (office manager)");
  rp_partner_set_best_time (partner, "Tuesday mornings");
  rp_partner_set_tier (partner, RP_TIER_A);
  rp_partner_set_influence (partner, 5);
  rp_partner_set_monthly_volume (partner, 120);
  rp_partner_set_status (partner, RP_PARTNER_STATUS_ACTIVE);
  rp_partner_set_cadence_days (partner, 21);
  rp_partner_set_tags (partner, "lunch, cardiology");
  rp_partner_set_notes (partner, "Prefers e-mail.");
  rp_partner_set_created_at (partner, "2025-01-02T03:04:05Z");
  rp_partner_set_updated_at (partner, "2025-06-07T08:09:10Z");
  rp_partner_set_archived_at (partner, "2025-12-31T23:59:59Z");
  rp_partner_set_last_contact_at (partner, "2025-11-30T15:00:00Z");
  rp_partner_set_referrals_90d (partner, 9);
  rp_partner_set_distance_km (partner, 12.5);

  return partner;
}

static void
test_partner_defaults (void)
{
  RpPartner *partner = rp_partner_new (RP_PARTNER_KIND_PERSON);
  RpPartner *office = rp_partner_new (RP_PARTNER_KIND_ORGANIZATION);

  g_assert_cmpint (rp_partner_get_kind (partner), ==, RP_PARTNER_KIND_PERSON);
  g_assert_cmpint (rp_partner_get_kind (office), ==, RP_PARTNER_KIND_ORGANIZATION);
  g_assert_cmpint (rp_partner_get_id (partner), ==, 0);
  g_assert_cmpint (rp_partner_get_tier (partner), ==, RP_TIER_B);
  g_assert_cmpuint (rp_partner_get_influence (partner), ==, 3);
  g_assert_cmpint (rp_partner_get_status (partner), ==, RP_PARTNER_STATUS_PROSPECT);
  g_assert_cmpuint (rp_partner_get_cadence_days (partner), ==, 0);
  g_assert_cmpuint (rp_partner_get_effective_cadence_days (partner), ==, 30);
  g_assert_cmpuint (rp_partner_get_monthly_volume (partner), ==, 0);
  g_assert_cmpuint (rp_partner_get_referrals_90d (partner), ==, 0);
  g_assert_false (rp_partner_get_has_location (partner));
  g_assert_false (rp_partner_get_archived (partner));
  g_assert_cmpstr (rp_partner_get_display_name (partner), ==, "");
  g_assert_cmpstr (rp_partner_get_sort_name (partner), ==, "");

  g_assert_finalize_object (partner);
  g_assert_finalize_object (office);
}

static void
test_partner_display_name (void)
{
  RpPartner *partner;

  partner = create_person ("Dr.", "Maria", "López", "MD");
  g_assert_cmpstr (rp_partner_get_display_name (partner), ==, "Dr. Maria López, MD");
  g_assert_cmpstr (rp_partner_get_sort_name (partner), ==, "López, Maria");
  g_assert_finalize_object (partner);

  partner = create_person (NULL, "Maria", "López", "MD");
  g_assert_cmpstr (rp_partner_get_display_name (partner), ==, "Maria López, MD");
  g_assert_cmpstr (rp_partner_get_sort_name (partner), ==, "López, Maria");
  g_assert_finalize_object (partner);

  partner = create_person ("", "Maria", "López", "");
  g_assert_cmpstr (rp_partner_get_display_name (partner), ==, "Maria López");
  g_assert_finalize_object (partner);

  partner = create_person ("Dr.", NULL, "Chen", "DO");
  g_assert_cmpstr (rp_partner_get_display_name (partner), ==, "Dr. Chen, DO");
  g_assert_cmpstr (rp_partner_get_sort_name (partner), ==, "Chen");
  g_assert_finalize_object (partner);

  partner = create_person (NULL, "Maria", NULL, NULL);
  g_assert_cmpstr (rp_partner_get_sort_name (partner), ==, "Maria");
  g_assert_finalize_object (partner);

  /* A person with no name at all is shown by their office rather than blank. */
  partner = create_person (NULL, NULL, NULL, "MD");
  rp_partner_set_organization (partner, "Lakeshore Family Medicine");
  g_assert_cmpstr (rp_partner_get_display_name (partner), ==, "Lakeshore Family Medicine");
  g_assert_cmpstr (rp_partner_get_sort_name (partner), ==, "Lakeshore Family Medicine");
  g_assert_finalize_object (partner);

  /* An organization is its name, whatever the person fields hold. */
  partner = create_person ("Dr.", "Maria", "López", "MD");
  rp_partner_set_kind (partner, RP_PARTNER_KIND_ORGANIZATION);
  rp_partner_set_organization (partner, "Northside Cardiology Associates");
  g_assert_cmpstr (rp_partner_get_display_name (partner), ==, "Northside Cardiology Associates");
  g_assert_cmpstr (rp_partner_get_sort_name (partner), ==, "Northside Cardiology Associates");
  g_assert_finalize_object (partner);
}

static void
test_partner_display_name_notify (void)
{
  RpPartner *partner = create_person ("Dr.", "Maria", "Lopez", "MD");
  guint display_count, sort_count, last_name_count;

  rp_test_count_notify (partner, "display-name", &display_count);
  rp_test_count_notify (partner, "sort-name", &sort_count);
  rp_test_count_notify (partner, "last-name", &last_name_count);

  rp_partner_set_last_name (partner, "López");
  g_assert_cmpuint (last_name_count, ==, 1);
  g_assert_cmpuint (display_count, ==, 1);
  g_assert_cmpuint (sort_count, ==, 1);
  g_assert_cmpstr (rp_partner_get_display_name (partner), ==, "Dr. Maria López, MD");

  /* The same value again, by setter and by property: nothing changes, nothing is emitted. */
  rp_partner_set_last_name (partner, "López");
  g_object_set (partner, "last-name", "López", NULL);
  g_assert_cmpuint (last_name_count, ==, 1);
  g_assert_cmpuint (display_count, ==, 1);
  g_assert_cmpuint (sort_count, ==, 1);

  /* The prefix is part of the display name only. */
  rp_partner_set_prefix (partner, NULL);
  g_assert_cmpuint (display_count, ==, 2);
  g_assert_cmpuint (sort_count, ==, 1);

  /* Fields the names are not made of notify neither. */
  rp_partner_set_notes (partner, "Prefers e-mail.");
  rp_partner_set_organization (partner, "Lakeshore Family Medicine");
  g_assert_cmpuint (display_count, ==, 2);
  g_assert_cmpuint (sort_count, ==, 1);

  rp_partner_set_kind (partner, RP_PARTNER_KIND_ORGANIZATION);
  g_assert_cmpuint (display_count, ==, 3);
  g_assert_cmpuint (sort_count, ==, 2);
  g_assert_cmpstr (rp_partner_get_display_name (partner), ==, "Lakeshore Family Medicine");

  g_assert_finalize_object (partner);
}

static void
test_partner_cadence (void)
{
  RpPartner *partner = rp_partner_new (RP_PARTNER_KIND_PERSON);
  guint count;

  rp_test_count_notify (partner, "effective-cadence-days", &count);

  rp_partner_set_tier (partner, RP_TIER_A);
  g_assert_cmpuint (rp_partner_get_effective_cadence_days (partner), ==, 14);
  rp_partner_set_tier (partner, RP_TIER_B);
  g_assert_cmpuint (rp_partner_get_effective_cadence_days (partner), ==, 30);
  rp_partner_set_tier (partner, RP_TIER_C);
  g_assert_cmpuint (rp_partner_get_effective_cadence_days (partner), ==, 90);
  g_assert_cmpuint (count, ==, 3);

  /* A cadence of its own overrides the tier's. */
  rp_partner_set_cadence_days (partner, 7);
  g_assert_cmpuint (rp_partner_get_effective_cadence_days (partner), ==, 7);
  g_assert_cmpuint (count, ==, 4);
  rp_partner_set_tier (partner, RP_TIER_A);
  g_assert_cmpuint (rp_partner_get_effective_cadence_days (partner), ==, 7);
  g_assert_cmpuint (count, ==, 4);

  rp_partner_set_cadence_days (partner, 0);
  g_assert_cmpuint (rp_partner_get_effective_cadence_days (partner), ==, 14);
  g_assert_cmpuint (count, ==, 5);

  g_assert_finalize_object (partner);
}

static void
test_partner_location (void)
{
  RpPartner *partner = rp_partner_new (RP_PARTNER_KIND_PERSON);
  guint count;

  g_assert_false (rp_partner_get_has_location (partner));
  rp_test_count_notify (partner, "has-location", &count);

  rp_partner_set_location (partner, 41.8789, -87.6359);
  g_assert_true (rp_partner_get_has_location (partner));
  g_assert_cmpfloat_with_epsilon (rp_partner_get_latitude (partner), 41.8789, 1e-9);
  g_assert_cmpfloat_with_epsilon (rp_partner_get_longitude (partner), -87.6359, 1e-9);
  g_assert_cmpuint (count, ==, 1);

  /* Out of range: refused, nothing changes. */
  g_test_expect_message (CORE_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*latitude*");
  rp_partner_set_location (partner, 91.0, 0.0);
  g_test_assert_expected_messages ();
  g_test_expect_message (CORE_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*longitude*");
  rp_partner_set_location (partner, 0.0, -180.5);
  g_test_assert_expected_messages ();
  g_assert_cmpfloat_with_epsilon (rp_partner_get_latitude (partner), 41.8789, 1e-9);

  rp_partner_clear_location (partner);
  g_assert_false (rp_partner_get_has_location (partner));
  g_assert_cmpuint (count, ==, 2);

  /* Setting a coordinate as a property places the partner too. */
  g_object_set (partner, "latitude", -33.5, "longitude", 151.25, NULL);
  g_assert_true (rp_partner_get_has_location (partner));
  g_assert_cmpfloat_with_epsilon (rp_partner_get_latitude (partner), -33.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (rp_partner_get_longitude (partner), 151.25, 1e-9);

  g_assert_finalize_object (partner);
}

static void
test_partner_influence (void)
{
  RpPartner *partner = rp_partner_new (RP_PARTNER_KIND_PERSON);

  rp_partner_set_influence (partner, 1);
  g_assert_cmpuint (rp_partner_get_influence (partner), ==, 1);
  rp_partner_set_influence (partner, 5);
  g_assert_cmpuint (rp_partner_get_influence (partner), ==, 5);

  g_test_expect_message (CORE_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*influence*");
  rp_partner_set_influence (partner, 0);
  g_test_assert_expected_messages ();
  g_test_expect_message (CORE_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*influence*");
  rp_partner_set_influence (partner, 6);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (rp_partner_get_influence (partner), ==, 5);

  g_assert_finalize_object (partner);
}

static void
test_partner_archived (void)
{
  RpPartner *partner = rp_partner_new (RP_PARTNER_KIND_PERSON);
  guint count;

  rp_test_count_notify (partner, "archived", &count);

  rp_partner_set_archived_at (partner, "2026-01-15T10:00:00Z");
  g_assert_true (rp_partner_get_archived (partner));
  rp_partner_set_archived_at (partner, "2026-01-16T10:00:00Z");
  g_assert_true (rp_partner_get_archived (partner));
  g_assert_cmpuint (count, ==, 1);

  rp_partner_set_archived_at (partner, "");
  g_assert_false (rp_partner_get_archived (partner));
  g_assert_cmpstr (rp_partner_get_archived_at (partner), ==, "");
  g_assert_cmpuint (count, ==, 2);

  g_assert_finalize_object (partner);
}

static void
test_partner_copy (void)
{
  RpPartner *partner = create_full_partner ();
  RpPartner *copy;
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (partner), &n_pspecs);

  /* The original must differ from a new partner in every writable property, or the comparison
   * below would not notice a field that the copy forgets. */
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if (!(pspecs[i]->flags & G_PARAM_WRITABLE))
        continue;

      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (partner), pspecs[i]->name, &value);
      if (g_param_value_defaults (pspecs[i], &value))
        g_error ("create_full_partner() leaves “%s” at its default", pspecs[i]->name);
    }

  copy = rp_partner_copy (partner);
  g_assert_true (copy != partner);

  for (guint i = 0; i < n_pspecs; i++)
    assert_property_equal (G_OBJECT (partner), G_OBJECT (copy), pspecs[i]);

  g_assert_cmpstr (rp_partner_get_display_name (copy), ==, "Lakeshore Family Medicine");
  g_assert_cmpuint (rp_partner_get_effective_cadence_days (copy), ==, 21);
  g_assert_true (rp_partner_get_archived (copy));

  /* The copy is independent of the original. */
  rp_partner_set_city (copy, "Evanston");
  g_assert_cmpstr (rp_partner_get_city (partner), ==, "Chicago");

  g_assert_finalize_object (copy);
  g_assert_finalize_object (partner);
}

static void
test_partner_address_line (void)
{
  RpPartner *partner = rp_partner_new (RP_PARTNER_KIND_PERSON);
  char *line;

  line = rp_partner_dup_address_line (partner);
  g_assert_cmpstr (line, ==, "");
  g_free (line);

  rp_partner_set_street (partner, "233 S Wacker Dr");
  rp_partner_set_city (partner, "Chicago");
  rp_partner_set_state (partner, "IL");
  rp_partner_set_zip (partner, "60606");
  line = rp_partner_dup_address_line (partner);
  g_assert_cmpstr (line, ==, "233 S Wacker Dr, Chicago, IL 60606");
  g_free (line);

  rp_partner_set_city (partner, NULL);
  line = rp_partner_dup_address_line (partner);
  g_assert_cmpstr (line, ==, "233 S Wacker Dr, IL 60606");
  g_free (line);

  rp_partner_set_state (partner, "");
  line = rp_partner_dup_address_line (partner);
  g_assert_cmpstr (line, ==, "233 S Wacker Dr, 60606");
  g_free (line);

  rp_partner_set_street (partner, NULL);
  rp_partner_set_city (partner, "Chicago");
  rp_partner_set_state (partner, "IL");
  rp_partner_set_zip (partner, NULL);
  line = rp_partner_dup_address_line (partner);
  g_assert_cmpstr (line, ==, "Chicago, IL");
  g_free (line);

  g_assert_finalize_object (partner);
}

static void
test_partner_labels (void)
{
  g_assert_cmpstr (rp_tier_to_label (RP_TIER_A), ==, "A");
  g_assert_cmpstr (rp_tier_to_label (RP_TIER_B), ==, "B");
  g_assert_cmpstr (rp_tier_to_label (RP_TIER_C), ==, "C");
  g_assert_cmpstr (rp_partner_status_to_label (RP_PARTNER_STATUS_PROSPECT), ==, "Prospect");
  g_assert_cmpstr (rp_partner_status_to_label (RP_PARTNER_STATUS_ACTIVE), ==, "Active");
  g_assert_cmpstr (rp_partner_status_to_label (RP_PARTNER_STATUS_DORMANT), ==, "Dormant");
}

static void
test_location_coordinates (void)
{
  RpLocation *location = rp_location_new ();
  guint count;

  rp_test_count_notify (location, "has-coordinates", &count);
  g_assert_false (rp_location_get_has_coordinates (location));

  rp_location_set_coordinates (location, 41.8789, -87.6359);
  g_assert_true (rp_location_get_has_coordinates (location));
  g_assert_cmpfloat_with_epsilon (rp_location_get_latitude (location), 41.8789, 1e-9);
  g_assert_cmpfloat_with_epsilon (rp_location_get_longitude (location), -87.6359, 1e-9);

  rp_location_clear_coordinates (location);
  g_assert_false (rp_location_get_has_coordinates (location));
  g_assert_cmpuint (count, ==, 2);

  g_test_expect_message (CORE_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*longitude*");
  rp_location_set_coordinates (location, 0.0, 200.0);
  g_test_assert_expected_messages ();
  g_assert_false (rp_location_get_has_coordinates (location));

  g_assert_finalize_object (location);
}

static void
test_location_address_line (void)
{
  RpLocation *location = rp_location_new ();
  char *line;

  line = rp_location_dup_address_line (location);
  g_assert_cmpstr (line, ==, "");
  g_free (line);

  rp_location_set_street (location, "1 Medical Center Dr");
  rp_location_set_city (location, "Springfield");
  rp_location_set_state (location, "IL");
  rp_location_set_zip (location, "62702");
  line = rp_location_dup_address_line (location);
  g_assert_cmpstr (line, ==, "1 Medical Center Dr, Springfield, IL 62702");
  g_free (line);

  rp_location_set_street (location, "");
  line = rp_location_dup_address_line (location);
  g_assert_cmpstr (line, ==, "Springfield, IL 62702");
  g_free (line);

  g_assert_finalize_object (location);
}

static RpLocation *
add_location (RpPractice *practice,
              const char *name,
              gboolean    is_primary)
{
  RpLocation *location = rp_location_new ();

  rp_location_set_name (location, name);
  rp_location_set_is_primary (location, is_primary);
  g_list_store_append (rp_practice_get_locations (practice), location);

  /* The practice holds the location from now on; hand back a borrowed pointer. */
  g_object_unref (location);

  return location;
}

static void
test_practice_origin (void)
{
  RpPractice *practice = rp_practice_new ();
  GListModel *model = NULL;
  RpLocation *downtown, *north, *west;

  g_object_get (practice, "locations", &model, NULL);
  g_assert_true (model == G_LIST_MODEL (rp_practice_get_locations (practice)));
  g_assert_true (g_list_model_get_item_type (model) == RP_TYPE_LOCATION);
  g_object_unref (model);

  g_assert_null (rp_practice_get_origin (practice));

  /* No primary location: the first one. */
  downtown = add_location (practice, "Downtown", FALSE);
  north = add_location (practice, "North", FALSE);
  g_assert_true (rp_practice_get_origin (practice) == downtown);

  /* The first one marked primary wins over the order. */
  west = add_location (practice, "West", TRUE);
  g_assert_true (rp_practice_get_origin (practice) == west);
  rp_location_set_is_primary (north, TRUE);
  g_assert_true (rp_practice_get_origin (practice) == north);

  g_list_store_remove_all (rp_practice_get_locations (practice));
  g_assert_null (rp_practice_get_origin (practice));

  g_assert_finalize_object (practice);
}

static void
test_practice_owns_locations (void)
{
  RpPractice *practice = rp_practice_new ();
  RpLocation *location = rp_location_new ();

  g_list_store_append (rp_practice_get_locations (practice), location);

  /* Dropping the practice drops its reference to the location. */
  g_assert_finalize_object (practice);
  g_assert_finalize_object (location);
}

static void
test_activity_partner_ids (void)
{
  RpActivity *activity = rp_activity_new (RP_ACTIVITY_KIND_EVENT);
  GArray *ids;

  g_assert_cmpint (rp_activity_get_kind (activity), ==, RP_ACTIVITY_KIND_EVENT);

  ids = rp_activity_get_partner_ids (activity);
  g_assert_nonnull (ids);
  g_assert_cmpuint (ids->len, ==, 0);

  rp_activity_add_partner_id (activity, 12);
  rp_activity_add_partner_id (activity, 7);
  rp_activity_add_partner_id (activity, 12);
  ids = rp_activity_get_partner_ids (activity);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, 12);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, 7);

  g_test_expect_message (CORE_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*partner_id > 0*");
  rp_activity_add_partner_id (activity, 0);
  g_test_assert_expected_messages ();

  rp_activity_clear_partner_ids (activity);
  ids = rp_activity_get_partner_ids (activity);
  g_assert_nonnull (ids);
  g_assert_cmpuint (ids->len, ==, 0);

  g_assert_finalize_object (activity);
}

static void
test_enum_property_types (void)
{
  const struct {
    GType       object_type;
    const char *property;
    GType       value_type;
  } cases[] = {
    { RP_TYPE_PARTNER, "kind", RP_TYPE_PARTNER_KIND },
    { RP_TYPE_PARTNER, "tier", RP_TYPE_TIER },
    { RP_TYPE_PARTNER, "status", RP_TYPE_PARTNER_STATUS },
    { RP_TYPE_REFERRAL, "direction", RP_TYPE_REFERRAL_DIRECTION },
    { RP_TYPE_REFERRAL, "urgency", RP_TYPE_URGENCY },
    { RP_TYPE_REFERRAL, "status", RP_TYPE_REFERRAL_STATUS },
    { RP_TYPE_ACTIVITY, "kind", RP_TYPE_ACTIVITY_KIND },
    { RP_TYPE_TASK, "kind", RP_TYPE_TASK_KIND },
    { RP_TYPE_PLANNED_VISIT, "status", RP_TYPE_VISIT_STATUS },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (cases[i].object_type);
      GParamSpec *pspec;

      pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), cases[i].property);
      g_assert_nonnull (pspec);
      g_assert_true (pspec->value_type == cases[i].value_type);
    }
}

/* Every writable property: set by name, read back, notified once, and not again for the same
 * value. */
static void
test_property_roundtrip (void)
{
  GType type;

  for (guint t = 0; (type = entity_type (t)) != G_TYPE_INVALID; t++)
    {
      GObject *object = g_object_new (type, NULL);
      g_autofree GParamSpec **pspecs = NULL;
      guint n_pspecs;

      pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);

      for (guint i = 0; i < n_pspecs; i++)
        {
          g_auto(GValue) value = G_VALUE_INIT;
          g_auto(GValue) got = G_VALUE_INIT;
          gulong handler;
          guint count;

          if (!(pspecs[i]->flags & G_PARAM_WRITABLE))
            continue;

          g_test_message ("%s:%s", g_type_name (type), pspecs[i]->name);

          init_other_value (pspecs[i], &value);
          handler = rp_test_count_notify (object, pspecs[i]->name, &count);

          g_object_set_property (object, pspecs[i]->name, &value);
          g_assert_cmpuint (count, ==, 1);

          g_value_init (&got, pspecs[i]->value_type);
          g_object_get_property (object, pspecs[i]->name, &got);
          g_assert_cmpint (g_param_values_cmp (pspecs[i], &value, &got), ==, 0);

          g_object_set_property (object, pspecs[i]->name, &value);
          g_assert_cmpuint (count, ==, 1);

          g_signal_handler_disconnect (object, handler);
        }

      g_assert_finalize_object (object);
    }
}

/* Strings are never NULL: not when new, not after being set to NULL. */
static void
test_strings_never_null (void)
{
  GType type;

  for (guint t = 0; (type = entity_type (t)) != G_TYPE_INVALID; t++)
    {
      GObject *object = g_object_new (type, NULL);
      g_autofree GParamSpec **pspecs = NULL;
      guint n_pspecs;

      pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);

      for (guint i = 0; i < n_pspecs; i++)
        {
          g_autofree char *str = NULL;

          if (pspecs[i]->value_type != G_TYPE_STRING)
            continue;

          g_test_message ("%s:%s", g_type_name (type), pspecs[i]->name);

          g_object_get (object, pspecs[i]->name, &str, NULL);
          g_assert_cmpstr (str, ==, "");
          g_clear_pointer (&str, g_free);

          if (!(pspecs[i]->flags & G_PARAM_WRITABLE))
            continue;

          g_object_set (object, pspecs[i]->name, "x", NULL);
          g_object_set (object, pspecs[i]->name, NULL, NULL);
          g_object_get (object, pspecs[i]->name, &str, NULL);
          g_assert_cmpstr (str, ==, "");
        }

      g_assert_finalize_object (object);
    }
}

static void
test_referral_satisfaction (void)
{
  RpReferral *referral = rp_referral_new ();

  g_assert_cmpint (rp_referral_get_direction (referral), ==, RP_REFERRAL_DIRECTION_INBOUND);
  g_assert_cmpint (rp_referral_get_urgency (referral), ==, RP_URGENCY_ROUTINE);
  g_assert_cmpint (rp_referral_get_status (referral), ==, RP_REFERRAL_STATUS_RECEIVED);
  g_assert_cmpuint (rp_referral_get_satisfaction (referral), ==, 0);

  rp_referral_set_satisfaction (referral, 5);
  g_assert_cmpuint (rp_referral_get_satisfaction (referral), ==, 5);

  g_test_expect_message (CORE_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*satisfaction*");
  rp_referral_set_satisfaction (referral, 6);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (rp_referral_get_satisfaction (referral), ==, 5);

  g_assert_finalize_object (referral);
}

static void
test_task_and_visit_defaults (void)
{
  RpTask *task = rp_task_new (RP_TASK_KIND_THANK_YOU);
  RpPlannedVisit *visit = rp_planned_visit_new ();

  g_assert_cmpint (rp_task_get_kind (task), ==, RP_TASK_KIND_THANK_YOU);
  g_assert_cmpint (rp_task_get_partner_id (task), ==, 0);
  g_assert_cmpstr (rp_task_get_rule_key (task), ==, "");

  g_assert_cmpint (rp_planned_visit_get_status (visit), ==, RP_VISIT_STATUS_PLANNED);
  g_assert_cmpuint (rp_planned_visit_get_position (visit), ==, 0);
  g_assert_cmpint (rp_planned_visit_get_activity_id (visit), ==, 0);

  g_assert_finalize_object (task);
  g_assert_finalize_object (visit);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/entities/partner/defaults", test_partner_defaults);
  g_test_add_func ("/entities/partner/display-name", test_partner_display_name);
  g_test_add_func ("/entities/partner/display-name-notify", test_partner_display_name_notify);
  g_test_add_func ("/entities/partner/cadence", test_partner_cadence);
  g_test_add_func ("/entities/partner/location", test_partner_location);
  g_test_add_func ("/entities/partner/influence", test_partner_influence);
  g_test_add_func ("/entities/partner/archived", test_partner_archived);
  g_test_add_func ("/entities/partner/copy", test_partner_copy);
  g_test_add_func ("/entities/partner/address-line", test_partner_address_line);
  g_test_add_func ("/entities/partner/labels", test_partner_labels);
  g_test_add_func ("/entities/location/coordinates", test_location_coordinates);
  g_test_add_func ("/entities/location/address-line", test_location_address_line);
  g_test_add_func ("/entities/practice/origin", test_practice_origin);
  g_test_add_func ("/entities/practice/owns-locations", test_practice_owns_locations);
  g_test_add_func ("/entities/activity/partner-ids", test_activity_partner_ids);
  g_test_add_func ("/entities/referral/satisfaction", test_referral_satisfaction);
  g_test_add_func ("/entities/task-and-visit/defaults", test_task_and_visit_defaults);
  g_test_add_func ("/entities/all/enum-property-types", test_enum_property_types);
  g_test_add_func ("/entities/all/property-roundtrip", test_property_roundtrip);
  g_test_add_func ("/entities/all/strings-never-null", test_strings_never_null);

  return g_test_run ();
}
