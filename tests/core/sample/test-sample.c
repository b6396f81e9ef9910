/* test-sample.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib.h>
#include <sqlite3.h>
#include <string.h>

#include "rp-sample.h"
#include "rp-store-geocode.h"
#include "rp-store-partners.h"
#include "rp-store-practice.h"
#include "rp-test-core.h"
#include "rp-validate.h"

/* A sample in a database file, so the test can read it back with its own read-only connection:
 * the store has no query for tasks by due date yet, and the checks below want plain counts. */
typedef struct
{
  RpTestStore tmp;
  sqlite3    *db;
  GDate       today;
  char        today_iso[11];
} Fixture;

static void
date_iso (const GDate *date,
          char         out[11])
{
  g_snprintf (out, 11, "%04u-%02u-%02u", (guint) g_date_get_year (date),
              (guint) g_date_get_month (date), (guint) g_date_get_day (date));
}

static void
fixture_generate (Fixture *f,
                  guint    day,
                  guint    month,
                  guint    year)
{
  g_autoptr(GError) error = NULL;

  rp_test_store_open (&f->tmp, "rapport-sample-XXXXXX");

  g_date_clear (&f->today, 1);
  g_date_set_dmy (&f->today, day, month, year);
  date_iso (&f->today, f->today_iso);

  g_assert_true (rp_sample_generate (f->tmp.store, RP_SAMPLE_SIZE_DEMO, RP_SAMPLE_DEFAULT_SEED,
                                     &f->today, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (sqlite3_open_v2 (f->tmp.path, &f->db, SQLITE_OPEN_READONLY, NULL), ==,
                   SQLITE_OK);
}

static void
fixture_clear (Fixture *f)
{
  sqlite3_close (f->db);
  rp_test_store_close (&f->tmp);
}

/* The single integer a query with text parameters ?1, ?2… returns. */
static gint64
query_int (Fixture    *f,
           const char *sql,
           ...)
{
  sqlite3_stmt *stmt = NULL;
  const char *arg;
  va_list args;
  gint64 value;
  int i = 1;

  if (sqlite3_prepare_v2 (f->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (f->db));

  va_start (args, sql);
  while ((arg = va_arg (args, const char *)) != NULL)
    sqlite3_bind_text (stmt, i++, arg, -1, SQLITE_TRANSIENT);
  va_end (args);

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static GPtrArray *
load_all_partners (RpStore    *store,
                   const char *today)
{
  g_autoptr(RpPartnerFilter) filter = rp_partner_filter_new ();
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *partners;

  filter->sort = RP_PARTNER_SORT_NAME;
  ids = rp_store_query_partner_ids (store, filter, &error);
  g_assert_no_error (error);

  partners = rp_store_load_partners (store, (const gint64 *) (gpointer) ids->data, ids->len,
                                     today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (partners->len, ==, ids->len);

  return partners;
}

static void
check_week (Fixture *f)
{
  GDate monday = f->today;
  GDate friday;
  char monday_iso[11];
  char friday_iso[11];
  gint64 n_week;

  g_date_subtract_days (&monday, g_date_get_weekday (&f->today) - G_DATE_MONDAY);
  friday = monday;
  g_date_add_days (&friday, 4);
  date_iso (&monday, monday_iso);
  date_iso (&friday, friday_iso);

  /* 3-8 visits on the weekdays of today's week, and none anywhere else. */
  n_week = query_int (f, "SELECT count(*) FROM planned_visit WHERE planned_on BETWEEN ?1 AND ?2",
                      monday_iso, friday_iso, NULL);
  g_assert_cmpint (n_week, >=, 3);
  g_assert_cmpint (n_week, <=, 8);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM planned_visit", NULL), ==, n_week);

  /* Days already past were visited and logged; the rest are still planned. */
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM planned_visit"
                                 " WHERE planned_on < ?1"
                                 " AND (status != 'done' OR activity_id IS NULL)",
                              f->today_iso, NULL), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM planned_visit"
                                 " WHERE planned_on >= ?1 AND status != 'planned'",
                              f->today_iso, NULL), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(DISTINCT partner_id) FROM planned_visit", NULL),
                   ==, n_week);
}

static void
check_tasks (Fixture *f)
{
  gint64 n_tasks = rp_store_count_rows (f->tmp.store, "task");

  g_assert_cmpint (n_tasks, >=, 30);
  g_assert_cmpint (n_tasks, <=, 50);

  /* Some open tasks are overdue, some due today, some later this week; some are done. */
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM task WHERE done_at IS NULL AND due_on < ?1",
                              f->today_iso, NULL), >=, 2);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM task WHERE done_at IS NULL AND due_on = ?1",
                              f->today_iso, NULL), >=, 2);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM task WHERE done_at IS NULL AND due_on > ?1",
                              f->today_iso, NULL), >=, 1);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM task WHERE done_at IS NOT NULL", NULL),
                   >=, 1);

  /* Rule-made tasks name the rule and the referral, and concern an inbound referral. */
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM task WHERE rule_key LIKE 'thank-you:%'",
                              NULL), >=, 1);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM task t JOIN referral r"
                                 " ON r.id = t.referral_id"
                                 " WHERE t.rule_key != 'thank-you:' || r.uuid"
                                 " AND t.rule_key != 'loop-update:' || r.uuid", NULL), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM task t JOIN referral r"
                                 " ON r.id = t.referral_id WHERE r.direction != 'inbound'", NULL),
                   ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM task t JOIN referral r"
                                 " ON r.id = t.referral_id WHERE t.rule_key LIKE 'loop-update:%'"
                                 " AND r.status != 'seen'", NULL), ==, 0);
}

static void
check_history (Fixture *f)
{
  GDate start = f->today;
  char start_iso[11];

  g_date_subtract_months (&start, 18);
  date_iso (&start, start_iso);

  g_assert_cmpint (rp_store_count_partners (f->tmp.store, FALSE), ==, 60);
  g_assert_cmpint (rp_store_count_rows (f->tmp.store, "referral"), ==, 900);
  g_assert_cmpint (rp_store_count_rows (f->tmp.store, "activity"), >=, 450);
  g_assert_cmpint (rp_store_count_rows (f->tmp.store, "activity"), <=, 560);
  g_assert_cmpint (rp_store_count_rows (f->tmp.store, "referral_transition"), >=, 2000);

  /* 18 months ending today, nothing from the future. */
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM referral WHERE referred_on < ?1"
                                 " OR referred_on > ?2", start_iso, f->today_iso, NULL), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM referral"
                                 " WHERE referred_on >= date(?1, '-30 days')", f->today_iso, NULL),
                   >=, 20);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM activity"
                                 " WHERE substr(occurred_at, 1, 10) > ?1", f->today_iso, NULL),
                   ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM referral_transition"
                                 " WHERE substr(occurred_at, 1, 10) > ?1", f->today_iso, NULL),
                   ==, 0);

  /* Mostly inbound; old referrals mostly closed, a few declined, no-show or lost with a reason. */
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM referral WHERE direction = 'inbound'",
                              NULL), >=, 600);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM referral WHERE direction = 'outbound'",
                              NULL), >=, 20);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM referral"
                                 " WHERE referred_on < date(?1, '-60 days')"
                                 " AND status = 'loop-closed'", f->today_iso, NULL),
                   >, 8 * query_int (f, "SELECT count(*) FROM referral"
                                        " WHERE referred_on < date(?1, '-60 days')"
                                        " AND status IN ('received', 'contacted', 'scheduled')",
                                     f->today_iso, NULL));
  for (guint i = 0; i < 3; i++)
    {
      const char *status = (const char *[]) { "declined", "no-show", "lost" }[i];

      g_assert_cmpint (query_int (f, "SELECT count(*) FROM referral WHERE status = ?1", status,
                                  NULL), >=, 3);
      g_assert_cmpint (query_int (f, "SELECT count(*) FROM referral WHERE status = ?1"
                                     " AND status_reason = ''", status, NULL), ==, 0);
    }
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM referral WHERE referred_on = ?1"
                                 " AND status != 'received'", f->today_iso, NULL), ==, 0);

  /* Every transition leads to the referral's current status in the end, and the path is one the
   * model knows. */
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM referral r WHERE status != 'received' AND"
                                 " status != (SELECT to_status FROM referral_transition t"
                                 "  WHERE t.referral_id = r.id ORDER BY occurred_at DESC, id DESC"
                                 "  LIMIT 1)", NULL), ==, 0);

  /* Referrals carry no patient identifiers. */
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM referral WHERE patient_name IS NOT NULL"
                                 " OR patient_dob IS NOT NULL OR patient_mrn IS NOT NULL"
                                 " OR patient_phone IS NOT NULL", NULL), ==, 0);

  /* Lunch-and-learns with a cost and several partners of one office. */
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM activity WHERE kind = 'event'"
                                 " AND cost_cents > 0", NULL), >=, 3);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM activity a WHERE kind = 'event' AND"
                                 " (SELECT count(*) FROM activity_partner p"
                                 "  WHERE p.activity_id = a.id) >= 2", NULL), >=, 1);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM activity WHERE kind = 'thank-you'"
                                 " AND referral_id IS NOT NULL", NULL), >=, 20);

  /* The trigger filled in who was contacted when. */
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM partner WHERE last_contact_at IS NOT NULL",
                              NULL), >=, 40);
}

static void
check_partners (Fixture *f)
{
  g_autoptr(GPtrArray) partners = load_all_partners (f->tmp.store, f->today_iso);
  guint n_orgs = 0, n_doctors = 0, n_accented = 0, n_tier_a = 0, n_active = 0;
  g_autoptr(GHashTable) npis = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (partners->len, ==, 60);

  for (guint i = 0; i < partners->len; i++)
    {
      RpPartner *partner = g_ptr_array_index (partners, i);
      const char *code = rp_partner_get_specialty_code (partner);
      const char *npi = rp_partner_get_npi (partner);
      const char *name = rp_partner_get_display_name (partner);
      g_autoptr(GError) error = NULL;

      /* A NUCC taxonomy code: ten characters ending in X, with its label. */
      g_assert_cmpuint (strlen (code), ==, 10);
      g_assert_cmpint (code[9], ==, 'X');
      g_assert_cmpstr (rp_partner_get_specialty_label (partner), !=, "");

      g_assert_true (rp_validate_npi (npi, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (strlen (npi), ==, 10);
      g_assert_false (g_hash_table_contains (npis, npi));
      g_hash_table_add (npis, (gpointer) npi);

      g_assert_cmpstr (rp_partner_get_state (partner), ==, "OH");
      g_assert_true (rp_validate_zip (rp_partner_get_zip (partner), NULL));

      /* Placed partners say where their coordinates came from: the sample itself. */
      if (rp_partner_get_has_location (partner))
        {
          RpGeocodeSource source = RP_GEOCODE_SOURCE_NONE;

          g_assert_true (rp_store_get_partner_geocode (f->tmp.store, rp_partner_get_id (partner),
                                                       &source, NULL, &error));
          g_assert_no_error (error);
          g_assert_cmpint (source, ==, RP_GEOCODE_SOURCE_SAMPLE);
        }
      g_assert_true (rp_validate_phone (rp_partner_get_phone (partner), NULL));
      g_assert_true (rp_validate_email (rp_partner_get_email (partner), NULL));
      g_assert_true (g_str_has_suffix (rp_partner_get_email (partner), ".example") ||
                     *rp_partner_get_email (partner) == '\0');
      g_assert_cmpstr (rp_partner_get_organization (partner), !=, "");
      g_assert_cmpstr (rp_partner_get_uuid (partner), !=, "");

      /* Around Columbus. */
      g_assert_true (rp_partner_get_has_location (partner));
      g_assert_cmpfloat (rp_partner_get_latitude (partner), >, 39.7);
      g_assert_cmpfloat (rp_partner_get_latitude (partner), <, 40.3);
      g_assert_cmpfloat (rp_partner_get_longitude (partner), >, -83.3);
      g_assert_cmpfloat (rp_partner_get_longitude (partner), <, -82.6);

      g_assert_cmpuint (rp_partner_get_influence (partner), >=, 1);
      g_assert_cmpuint (rp_partner_get_influence (partner), <=, 5);
      g_assert_cmpuint (rp_partner_get_monthly_volume (partner), >=, 5);
      g_assert_cmpuint (rp_partner_get_monthly_volume (partner), <=, 400);

      if (rp_partner_get_kind (partner) == RP_PARTNER_KIND_ORGANIZATION)
        {
          n_orgs++;
          g_assert_cmpstr (name, ==, rp_partner_get_organization (partner));
        }
      else if (g_strcmp0 (rp_partner_get_prefix (partner), "Dr.") == 0)
        {
          const char *credentials = rp_partner_get_credentials (partner);

          n_doctors++;
          g_assert_true (g_str_equal (credentials, "MD") || g_str_equal (credentials, "DO"));
        }
      else
        {
          g_assert_cmpstr (rp_partner_get_credentials (partner), !=, "MD");
          g_assert_cmpstr (rp_partner_get_credentials (partner), !=, "DO");
        }

      for (const char *p = name; *p != '\0'; p++)
        {
          if ((guchar) *p >= 0x80)
            {
              n_accented++;
              break;
            }
        }

      n_tier_a += rp_partner_get_tier (partner) == RP_TIER_A;
      n_active += rp_partner_get_status (partner) == RP_PARTNER_STATUS_ACTIVE;
    }

  g_assert_cmpuint (n_orgs, >=, 3);
  g_assert_cmpuint (n_orgs, <=, 18);
  g_assert_cmpuint (n_doctors, >=, 20);
  g_assert_cmpuint (n_accented, >=, 3);
  g_assert_cmpuint (n_tier_a, >=, 5);
  g_assert_cmpuint (n_tier_a, <=, 25);
  g_assert_cmpuint (n_active, >=, 35);
}

static void
check_practice (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpPractice) practice = rp_store_get_practice (f->tmp.store, &error);
  GListModel *locations;
  RpLocation *origin;

  g_assert_no_error (error);
  g_assert_cmpstr (rp_practice_get_name (practice), ==, "Scioto Valley Orthopedics & Spine");

  locations = G_LIST_MODEL (rp_practice_get_locations (practice));
  g_assert_cmpuint (g_list_model_get_n_items (locations), ==, 2);

  origin = rp_practice_get_origin (practice);
  g_assert_nonnull (origin);
  g_assert_true (rp_location_get_is_primary (origin));
  g_assert_true (rp_location_get_has_coordinates (origin));
  g_assert_cmpstr (rp_location_get_city (origin), ==, "Columbus");
}

static void
test_demo (gconstpointer data)
{
  const guint *dmy = data;
  Fixture f = { 0 };

  fixture_generate (&f, dmy[0], dmy[1], dmy[2]);
  check_history (&f);
  check_partners (&f);
  check_tasks (&f);
  check_week (&f);
  check_practice (&f);
  fixture_clear (&f);
}

/* Display name, NPI and UUID of every partner, in name order. */
static char *
describe_partners (RpStore    *store,
                   const char *today)
{
  g_autoptr(GPtrArray) partners = load_all_partners (store, today);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < partners->len; i++)
    {
      RpPartner *partner = g_ptr_array_index (partners, i);

      g_string_append_printf (text, "%s|%s|%s|%s|%s\n", rp_partner_get_display_name (partner),
                              rp_partner_get_npi (partner), rp_partner_get_uuid (partner),
                              rp_partner_get_street (partner),
                              rp_partner_get_created_at (partner));
    }

  return g_string_free (text, FALSE);
}

static RpStore *
generate_in_memory (guint32  seed,
                    GDate   *today)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = rp_store_open (":memory:", &error);

  g_assert_no_error (error);
  g_assert_true (rp_sample_generate (store, RP_SAMPLE_SIZE_DEMO, seed, today, NULL, NULL, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&store);
}

static void
test_deterministic (void)
{
  GDate today;
  g_autoptr(RpStore) a = NULL;
  g_autoptr(RpStore) b = NULL;
  g_autoptr(RpStore) c = NULL;
  g_autofree char *text_a = NULL;
  g_autofree char *text_b = NULL;
  g_autofree char *text_c = NULL;
  const char * const tables[] = { "referral", "referral_transition", "activity",
                                  "activity_partner", "task", "planned_visit", "location" };

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 11, G_DATE_MARCH, 2026);

  a = generate_in_memory (7, &today);
  b = generate_in_memory (7, &today);
  c = generate_in_memory (8, &today);

  text_a = describe_partners (a, "2026-03-11");
  text_b = describe_partners (b, "2026-03-11");
  text_c = describe_partners (c, "2026-03-11");

  g_assert_cmpstr (text_a, ==, text_b);
  g_assert_cmpstr (text_a, !=, text_c);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    g_assert_cmpuint (rp_store_count_rows (a, tables[i]), ==, rp_store_count_rows (b, tables[i]));
}

static void
test_refuses_non_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = rp_store_open (":memory:", &error);
  g_autoptr(RpPartner) partner = rp_partner_new (RP_PARTNER_KIND_PERSON);
  g_autoptr(RpPractice) practice = NULL;
  GDate today;

  g_assert_no_error (error);

  rp_partner_set_first_name (partner, "Renée");
  rp_partner_set_last_name (partner, "Peña");
  g_assert_true (rp_store_insert_partner (store, partner, &error));
  g_assert_no_error (error);

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 11, G_DATE_MARCH, 2026);

  g_assert_false (rp_sample_generate (store, RP_SAMPLE_SIZE_DEMO, 1, &today, NULL, NULL, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID);

  /* Nothing changed. */
  g_assert_cmpuint (rp_store_count_partners (store, FALSE), ==, 1);
  g_assert_cmpuint (rp_store_count_rows (store, "referral"), ==, 0);
  g_assert_cmpuint (rp_store_count_rows (store, "activity"), ==, 0);
  g_assert_cmpuint (rp_store_count_rows (store, "task"), ==, 0);
  g_assert_cmpuint (rp_store_count_rows (store, "location"), ==, 0);
  g_clear_error (&error);

  practice = rp_store_get_practice (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rp_practice_get_name (practice), ==, "");

  /* An archived partner counts too. */
  g_assert_true (rp_store_set_partner_archived (store, rp_partner_get_id (partner), TRUE, &error));
  g_assert_no_error (error);
  g_assert_false (rp_sample_generate (store, RP_SAMPLE_SIZE_DEMO, 1, &today, NULL, NULL, &error));
  g_assert_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID);
  g_assert_cmpuint (rp_store_count_rows (store, "referral"), ==, 0);
}

static void
test_keeps_practice (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = rp_store_open (":memory:", &error);
  g_autoptr(RpPractice) practice = rp_practice_new ();
  g_autoptr(RpPractice) saved = NULL;
  GDate today;

  g_assert_no_error (error);

  /* A profile the user set up before asking for the sample stays theirs. */
  rp_practice_set_name (practice, "Lakeshore Hand Center");
  g_assert_true (rp_store_save_practice (store, practice, &error));
  g_assert_no_error (error);

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 11, G_DATE_MARCH, 2026);
  g_assert_true (rp_sample_generate (store, RP_SAMPLE_SIZE_DEMO, 3, &today, NULL, NULL, &error));
  g_assert_no_error (error);

  saved = rp_store_get_practice (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rp_practice_get_name (saved), ==, "Lakeshore Hand Center");
  g_assert_cmpuint (rp_store_count_partners (store, FALSE), ==, 60);
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  GArray *fractions = user_data;

  g_array_append_val (fractions, fraction);
}

static void
test_progress (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = rp_store_open (":memory:", &error);
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  GDate today;

  g_assert_no_error (error);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 11, G_DATE_MARCH, 2026);

  g_assert_true (rp_sample_generate (store, RP_SAMPLE_SIZE_DEMO, 5, &today, progress_cb,
                                     fractions, &error));
  g_assert_no_error (error);

  /* About every percent, rising, ending at 1. */
  g_assert_cmpuint (fractions->len, >=, 50);
  g_assert_cmpuint (fractions->len, <=, 102);
  for (guint i = 1; i < fractions->len; i++)
    g_assert_cmpfloat (g_array_index (fractions, double, i), >,
                       g_array_index (fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);
}

int
main (int   argc,
      char *argv[])
{
  /* A Wednesday, a Sunday and a Saturday: the planned week must show on each. */
  static const guint wednesday[] = { 11, G_DATE_MARCH, 2026 };
  static const guint sunday[] = { 15, G_DATE_MARCH, 2026 };
  static const guint saturday[] = { 28, G_DATE_NOVEMBER, 2026 };
  static const guint monday[] = { 2, G_DATE_NOVEMBER, 2026 };

  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/sample/demo/wednesday", wednesday, test_demo);
  g_test_add_data_func ("/sample/demo/sunday", sunday, test_demo);
  g_test_add_data_func ("/sample/demo/saturday", saturday, test_demo);
  g_test_add_data_func ("/sample/demo/monday-after-dst", monday, test_demo);
  g_test_add_func ("/sample/deterministic", test_deterministic);
  g_test_add_func ("/sample/refuses-non-empty", test_refuses_non_empty);
  g_test_add_func ("/sample/keeps-practice", test_keeps_practice);
  g_test_add_func ("/sample/progress", test_progress);

  return g_test_run ();
}
