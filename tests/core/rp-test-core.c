/* rp-test-core.c: what the core tests share.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "rp-test-core.h"

/* Files and folders */

void
rp_test_remove_dir (const char *path)
{
  GStatBuf info;

  if (g_lstat (path, &info) != 0)
    return;

  /* A link is removed, never followed; a folder the test made read-only is emptied all the
   * same. */
  if (S_ISDIR (info.st_mode))
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          rp_test_remove_dir (child);
        }
    }

  g_remove (path);
}

char *
rp_test_checksum_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* Dates */

GDateTime *
rp_test_utc (int year,
             int month,
             int day,
             int hour,
             int minute)
{
  return g_date_time_new_utc (year, month, day, hour, minute, 0);
}

/* Stores */

RpStore *
rp_test_open_memory_store (void)
{
  g_autoptr(GError) error = NULL;
  RpStore *store = rp_store_open (":memory:", &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

void
rp_test_store_make_dir (RpTestStore *tmp,
                        const char  *dir_template)
{
  g_autoptr(GError) error = NULL;

  tmp->dir = g_dir_make_tmp (dir_template, &error);
  g_assert_no_error (error);
  tmp->path = g_build_filename (tmp->dir, "rapport.db", NULL);
  tmp->store = NULL;
}

void
rp_test_store_open (RpTestStore *tmp,
                    const char  *dir_template)
{
  g_autoptr(GError) error = NULL;

  rp_test_store_make_dir (tmp, dir_template);
  tmp->store = rp_store_open (tmp->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (tmp->store);
}

void
rp_test_store_close (RpTestStore *tmp)
{
  g_clear_object (&tmp->store);
  if (tmp->dir != NULL)
    rp_test_remove_dir (tmp->dir);
  g_clear_pointer (&tmp->path, g_free);
  g_clear_pointer (&tmp->dir, g_free);
}

void
rp_test_store_set_up (RpTestStore   *fixture,
                      gconstpointer  data)
{
  rp_test_store_open (fixture, "rapport-test-XXXXXX");
}

void
rp_test_store_set_up_dir (RpTestStore   *fixture,
                          gconstpointer  data)
{
  rp_test_store_make_dir (fixture, "rapport-test-XXXXXX");
}

void
rp_test_store_tear_down (RpTestStore   *fixture,
                         gconstpointer  data)
{
  rp_test_store_close (fixture);
}

/* Signals */

static void
count_cb (guint *count)
{
  (*count)++;
}

gulong
rp_test_count_signal (gpointer    instance,
                      const char *detailed_signal,
                      guint      *count)
{
  *count = 0;
  /* Swapped, the counter comes first and the signal's own arguments, whatever they are, after
   * it, where count_cb does not look. */
  return g_signal_connect_swapped (instance, detailed_signal, G_CALLBACK (count_cb), count);
}

gulong
rp_test_count_notify (gpointer    object,
                      const char *property,
                      guint      *count)
{
  g_autofree char *signal = g_strconcat ("notify::", property, NULL);

  return rp_test_count_signal (object, signal, count);
}

static void
items_changed_cb (GListModel         *model,
                  guint               position,
                  guint               removed,
                  guint               added,
                  RpTestItemsChanged *record)
{
  gboolean appended = removed == 0 && position == record->n_items;

  record->appends_only = (record->n_signals == 0 || record->appends_only) && appended;
  record->n_signals++;
  record->position = position;
  record->removed = removed;
  record->added = added;
  record->n_items = g_list_model_get_n_items (model);
}

gulong
rp_test_items_changed_connect (RpTestItemsChanged *record,
                               gpointer            model)
{
  g_assert_true (G_IS_LIST_MODEL (model));

  *record = (RpTestItemsChanged) { 0 };
  record->n_items = g_list_model_get_n_items (model);
  return g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), record);
}

/* Partners, referrals and tasks */

RpPartner *
rp_test_make_person (const char *first,
                     const char *last,
                     const char *npi)
{
  RpPartner *partner = rp_partner_new (RP_PARTNER_KIND_PERSON);

  rp_partner_set_prefix (partner, "Dr.");
  rp_partner_set_first_name (partner, first);
  rp_partner_set_last_name (partner, last);
  rp_partner_set_credentials (partner, "MD");
  rp_partner_set_organization (partner, "Olentangy Family Medicine");
  rp_partner_set_specialty_code (partner, "207Q00000X");
  rp_partner_set_specialty_label (partner, "Family Medicine");
  rp_partner_set_city (partner, "Worthington");
  rp_partner_set_state (partner, "OH");
  rp_partner_set_zip (partner, "43085");
  if (npi != NULL)
    rp_partner_set_npi (partner, npi);

  return partner;
}

gint64
rp_test_insert_partner (RpStore   *store,
                        RpPartner *partner)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rp_store_insert_partner (store, partner, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rp_partner_get_id (partner), >, 0);

  return rp_partner_get_id (partner);
}

RpPartner *
rp_test_add_partner (RpStore       *store,
                     RpPartnerKind  kind,
                     const char    *first,
                     const char    *last)
{
  RpPartner *partner = rp_partner_new (kind);

  if (kind == RP_PARTNER_KIND_PERSON)
    {
      rp_partner_set_first_name (partner, first);
      rp_partner_set_last_name (partner, last);
    }
  else
    {
      rp_partner_set_organization (partner, last);
    }

  rp_test_insert_partner (store, partner);
  return partner;
}

RpReferral *
rp_test_add_referral (RpStore             *store,
                      RpPartner           *partner,
                      RpReferralDirection  direction,
                      const char          *referred_on,
                      RpReferralStatus     status)
{
  g_autoptr(GError) error = NULL;
  RpReferral *referral = rp_referral_new ();

  rp_referral_set_partner_id (referral, rp_partner_get_id (partner));
  rp_referral_set_direction (referral, direction);
  rp_referral_set_referred_on (referral, referred_on);
  rp_referral_set_status (referral, status);
  rp_referral_set_reason (referral, "Knee pain");
  g_assert_true (rp_store_insert_referral (store, referral, &error));
  g_assert_no_error (error);
  return referral;
}

GArray *
rp_test_query_referral_ids (RpStore                *store,
                            const RpReferralFilter *filter)
{
  g_autoptr(GError) error = NULL;
  GArray *ids = rp_store_query_referral_ids (store, filter, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ids);
  return ids;
}

gint64
rp_test_id_at (GArray *ids,
               guint   index)
{
  g_assert_cmpuint (index, <, ids->len);
  return g_array_index (ids, gint64, index);
}

RpTask *
rp_test_find_open_task (RpStore    *store,
                        RpTaskKind  kind,
                        gint64      referral_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tasks = rp_store_list_open_tasks (store, NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < tasks->len; i++)
    {
      RpTask *task = g_ptr_array_index (tasks, i);

      if (rp_task_get_kind (task) == kind && rp_task_get_referral_id (task) == referral_id)
        return g_object_ref (task);
    }

  return NULL;
}

/* Planning */

gint64
rp_test_add_active_person (RpStore    *store,
                           const char *last,
                           RpTier      tier,
                           double      lat,
                           double      lon)
{
  g_autoptr(RpPartner) partner = rp_partner_new (RP_PARTNER_KIND_PERSON);

  rp_partner_set_first_name (partner, "Test");
  rp_partner_set_last_name (partner, last);
  rp_partner_set_tier (partner, tier);
  rp_partner_set_status (partner, RP_PARTNER_STATUS_ACTIVE);
  if (lat != 0 || lon != 0)
    rp_partner_set_location (partner, lat, lon);

  return rp_test_insert_partner (store, partner);
}

void
rp_test_add_visit_activity (RpStore    *store,
                            gint64      partner_id,
                            const char *day)
{
  g_autoptr(RpActivity) activity = rp_activity_new (RP_ACTIVITY_KIND_VISIT);
  g_autoptr(GError) error = NULL;
  g_autofree char *when = g_strdup_printf ("%sT15:00:00Z", day);

  rp_activity_set_occurred_at (activity, when);
  rp_activity_add_partner_id (activity, partner_id);
  g_assert_true (rp_store_insert_activity (store, activity, &error));
  g_assert_no_error (error);
}

void
rp_test_add_referrals (RpStore    *store,
                       gint64      partner_id,
                       const char *day,
                       guint       count)
{
  for (guint i = 0; i < count; i++)
    {
      g_autoptr(RpReferral) referral = rp_referral_new ();
      g_autoptr(GError) error = NULL;

      rp_referral_set_partner_id (referral, partner_id);
      rp_referral_set_direction (referral, RP_REFERRAL_DIRECTION_INBOUND);
      rp_referral_set_referred_on (referral, day);
      g_assert_true (rp_store_insert_referral (store, referral, &error));
      g_assert_no_error (error);
    }
}

/* Geocoding */

void
rp_test_finish_geocode_job (RpGeocodeJob *job,
                            gboolean      cancel_after_first)
{
  guint finished = 0;
  gulong handler = rp_test_count_signal (job, "finished", &finished);

  g_assert_true (rp_geocode_job_get_running (job));

  if (cancel_after_first)
    {
      while (rp_geocode_job_get_n_done (job) == 0)
        g_main_context_iteration (NULL, TRUE);
      rp_geocode_job_cancel (job);
    }
  while (finished == 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (rp_geocode_job_get_running (job));
  g_signal_handler_disconnect (job, handler);
}

int
rp_test_count_difference (const char *path,
                          const char *a,
                          const char *b)
{
  g_autofree char *sql = g_strdup_printf ("SELECT (SELECT count(*) FROM (%s EXCEPT %s))"
                                          " + (SELECT count(*) FROM (%s EXCEPT %s))",
                                          a, b, b, a);
  sqlite3 *db;
  sqlite3_stmt *stmt;
  int n;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

void
rp_test_exec_sql (const char *path,
                  const char *sql)
{
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  sqlite3_close (db);
}
