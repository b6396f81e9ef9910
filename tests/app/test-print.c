/* test-print.c: the "print" actions and the print operation's PDF export, on a display (Xvfb).
 *
 * The file chooser and the print dialog need a person; the tests drive what they lead to: the
 * documents the actions make and RpPrintJob's export, which goes through GtkPrintOperation as
 * "Save as PDF" does.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "rp-print-actions-private.h"
#include "rp-print-job.h"
#include "rp-store-partners.h"
#include "rp-store-tasks.h"
#include "rp-store-visits.h"
#include "rp-test-app.h"
#include "rp-test-core.h"
#include "rp-thank-yous.h"
#include "rp-window.h"

/* The Monday of the sample's week (the sample is made around Friday 27 November 2026). */
#define SAMPLE_MONDAY "2026-11-23"

typedef struct
{
  RpTestDb  db;
  char     *out_dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  rp_test_db_open (&fixture->db, "rapport-print-XXXXXX");
  rp_test_db_add_sample (&fixture->db, NULL);
  rp_test_db_make_context (&fixture->db, NULL);

  fixture->out_dir = g_dir_make_tmp ("rapport-print-out-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  rp_test_remove_dir (fixture->out_dir);
  g_free (fixture->out_dir);
  rp_test_db_close (&fixture->db);
}

static guint
count_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  if (dir == NULL)
    return 0;

  while (g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

typedef struct
{
  guint  pages;
  double width;
  double height;
} PdfInfo;

/* Checks that @path is a PDF (its magic and pdfinfo) and returns its page count and size. */
static PdfInfo
check_pdf (const char *path)
{
  g_autofree char *contents = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdfinfo", path, NULL };
  PdfInfo info = { 0, };
  gsize length = 0;
  int status = 0;
  const char *line;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 5);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (status != 0)
    g_test_message ("pdfinfo: %s", err);
  g_assert_cmpint (status, ==, 0);

  line = strstr (out, "Pages:");
  g_assert_nonnull (line);
  info.pages = (guint) g_ascii_strtoull (line + strlen ("Pages:") + strspn (line + 6, " "), NULL,
                                         10);
  line = strstr (out, "Page size:");
  g_assert_nonnull (line);
  g_assert_cmpint (sscanf (line, "Page size: %lf x %lf", &info.width, &info.height), ==, 2);

  /* Keep a copy to look at when asked (pdftoppm -r 50 …). */
  if (g_getenv ("RAPPORT_PRINT_KEEP_DIR") != NULL)
    {
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *copy = g_build_filename (g_getenv ("RAPPORT_PRINT_KEEP_DIR"), base, NULL);

      g_file_set_contents (copy, contents, (gssize) length, NULL);
    }

  return info;
}

/* How many US ZIP codes ("OH 43215") the PDF's text holds: one per address label. */
static guint
count_zip_codes (const char *path)
{
  const char *argv[] = { "pdftotext", path, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) regex = g_regex_new ("\\b[A-Z]{2} \\d{5}\\b", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  int status = 0;
  guint n = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);

  for (g_regex_match (regex, out, 0, &match); g_match_info_matches (match);
       g_match_info_next (match, NULL))
    n++;

  return n;
}

static void
assert_session_paper (const PdfInfo *info)
{
  g_autoptr(GtkPageSetup) page_setup = rp_print_job_dup_session_page_setup ();

  g_assert_cmpfloat_with_epsilon (info->width,
                                  gtk_page_setup_get_paper_width (page_setup, GTK_UNIT_POINTS),
                                  1.0);
  g_assert_cmpfloat_with_epsilon (info->height,
                                  gtk_page_setup_get_paper_height (page_setup, GTK_UNIT_POINTS),
                                  1.0);
}

static gint64
first_partner_id (Fixture *fixture)
{
  g_autoptr(RpPartnerFilter) filter = rp_partner_filter_new ();
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  filter->any_tier = TRUE;
  filter->any_status = TRUE;
  ids = rp_store_query_partner_ids (fixture->db.store, filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, >, 3);

  return g_array_index (ids, gint64, 0);
}

/* Makes the document of @kind and exports it into the output folder under its offered name. */
static char *
export_kind (Fixture    *fixture,
             const char *kind,
             GVariant   *parameter,
             PdfInfo    *info)
{
  g_autoptr(GVariant) owned = g_variant_ref_sink (parameter);
  g_autoptr(RpDocument) document = NULL;
  g_autoptr(RpPrintJob) job = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  char *path;

  document = _rp_print_actions_make_document (fixture->db.context, kind, owned, &name, &error);
  g_assert_no_error (error);
  g_assert_true (RP_IS_DOCUMENT (document));
  g_assert_true (g_str_has_suffix (name, ".pdf"));
  g_assert_null (strchr (name, '/'));

  path = g_build_filename (fixture->out_dir, name, NULL);
  job = _rp_print_actions_new_job (document, kind);
  g_assert_true (rp_print_job_export_pdf (job, path, &error));
  g_assert_no_error (error);

  *info = check_pdf (path);
  g_assert_cmpuint (info->pages, >=, 1);
  /* The document's own pagination and the print operation's agree. */
  g_assert_cmpuint (info->pages, ==, rp_document_get_n_pages (document));

  return path;
}

static void
test_print_actions (Fixture       *fixture,
                    gconstpointer  data)
{
  static const struct { const char *name; const char *type; } expected[] = {
    { "packet", "x" }, { "save-packet", "x" },
    { "week", "s" }, { "save-week", "s" }, { "week-packets", "s" },
    { "day-packets", "s" }, { "save-day-packets", "s" },
    { "thank-you-letters", "ax" }, { "save-thank-you-letters", "ax" },
    { "labels", "ax" }, { "save-labels", "ax" },
    { "target-list", "x" }, { "save-target-list", "x" },
  };
  RpWindow *window = g_object_ref_sink (rp_window_new (NULL, fixture->db.context));
  GActionGroup *group = g_object_get_data (G_OBJECT (window), RP_PRINT_ACTIONS_KEY);

  g_assert_true (G_IS_ACTION_GROUP (group));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const GVariantType *type;

      g_assert_true (g_action_group_has_action (group, expected[i].name));
      g_assert_true (g_action_group_get_action_enabled (group, expected[i].name));
      type = g_action_group_get_action_parameter_type (group, expected[i].name);
      g_assert_nonnull (type);
      g_assert_true (g_variant_type_equal (type, G_VARIANT_TYPE (expected[i].type)));
    }

  /* An empty week is reported, not printed: the action returns without a dialog. */
  gtk_widget_activate_action (GTK_WIDGET (window), "print.week-packets", "s", "2031-01-06");
  g_assert_null (rp_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_NATIVE));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static void
test_print_save_packet (Fixture       *fixture,
                        gconstpointer  data)
{
  gint64 partner_id = first_partner_id (fixture);
  g_autoptr(RpPartner) partner = rp_store_get_partner (fixture->db.store, partner_id, NULL);
  g_autofree char *path = NULL;
  g_autofree char *base = NULL;
  g_autofree char *expected = NULL;
  PdfInfo info;

  path = export_kind (fixture, "packet", g_variant_new_int64 (partner_id), &info);
  base = g_path_get_basename (path);
  expected = g_strdup_printf ("Referral packet - %s.pdf", rp_partner_get_display_name (partner));
  g_assert_cmpstr (base, ==, expected);
  assert_session_paper (&info);
  /* Nothing but the PDF: the temporary file was renamed, not copied. */
  g_assert_cmpuint (count_files (fixture->out_dir), ==, 1);

  /* The print operation's PDF is the document's own: same pages, same paper. */
  {
    g_autoptr(RpDocument) document = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *direct = g_build_filename (fixture->out_dir, "direct.pdf", NULL);
    PdfInfo direct_info;

    document = _rp_print_actions_make_document (fixture->db.context, "packet",
                                                g_variant_new_int64 (partner_id), NULL, &error);
    g_assert_no_error (error);
    g_assert_true (rp_document_write_pdf (document, direct, rp_paper_size_for_locale (), &error));
    g_assert_no_error (error);
    direct_info = check_pdf (direct);
    g_assert_cmpuint (direct_info.pages, ==, info.pages);
    g_assert_cmpfloat_with_epsilon (direct_info.width, info.width, 0.5);
    g_assert_cmpfloat_with_epsilon (direct_info.height, info.height, 0.5);
    g_unlink (direct);
  }

  /* Saving again replaces the file. */
  g_free (path);
  path = export_kind (fixture, "packet", g_variant_new_int64 (partner_id), &info);
  g_assert_cmpuint (count_files (fixture->out_dir), ==, 1);
}

static void
assert_export_fails (Fixture    *fixture,
                     RpPrintJob *job,
                     const char *path,
                     GIOErrorEnum code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_path_get_basename (path);

  g_assert_false (rp_print_job_export_pdf (job, path, &error));
  g_assert_error (error, G_IO_ERROR, code);
  g_assert_true (strstr (error->message, "Could not save") != NULL);
  g_assert_true (strstr (error->message, base) != NULL);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_print_unwritable (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(RpDocument) document = NULL;
  g_autoptr(RpPrintJob) job = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = g_build_filename (fixture->out_dir, "missing", "packet.pdf", NULL);
  g_autofree char *file = g_build_filename (fixture->out_dir, "plain-file", NULL);
  g_autofree char *under_file = g_build_filename (file, "packet.pdf", NULL);
  g_autofree char *locked = g_build_filename (fixture->out_dir, "locked", NULL);
  g_autofree char *in_locked = g_build_filename (locked, "packet.pdf", NULL);

  document = _rp_print_actions_make_document (fixture->db.context, "packet",
                                              g_variant_new_int64 (first_partner_id (fixture)),
                                              NULL, &error);
  g_assert_no_error (error);
  job = rp_print_job_new (document);

  assert_export_fails (fixture, job, missing, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpuint (count_files (fixture->out_dir), ==, 0);

  g_assert_true (g_file_set_contents (file, "x", 1, NULL));
  assert_export_fails (fixture, job, under_file, G_IO_ERROR_NOT_DIRECTORY);
  g_assert_cmpuint (count_files (fixture->out_dir), ==, 1);

  /* A folder without write permission: root writes anywhere, so only another user sees it. */
  g_assert_cmpint (g_mkdir (locked, 0555), ==, 0);
  if (geteuid () != 0)
    {
      assert_export_fails (fixture, job, in_locked, G_IO_ERROR_PERMISSION_DENIED);
      g_assert_cmpuint (count_files (locked), ==, 0);
    }

  /* The same job still saves where it can. */
  g_free (missing);
  missing = g_build_filename (fixture->out_dir, "packet.pdf", NULL);
  g_assert_true (rp_print_job_export_pdf (job, missing, &error));
  g_assert_no_error (error);
  check_pdf (missing);
}

static void
plan (Fixture    *fixture,
      gint64      partner_id,
      const char *day)
{
  g_autoptr(RpPlannedVisit) visit = NULL;
  g_autoptr(GError) error = NULL;

  visit = rp_store_plan_visit (fixture->db.store, partner_id, day, "Drop off packets", &error);
  g_assert_no_error (error);
  g_assert_nonnull (visit);
}

static void
test_print_week_packets (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(RpPartnerFilter) filter = rp_partner_filter_new ();
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(GHashTable) partners = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(RpDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *base = NULL;
  g_autofree char *single = NULL;
  PdfInfo info, one;

  filter->any_tier = TRUE;
  filter->any_status = TRUE;
  ids = rp_store_query_partner_ids (fixture->db.store, filter, &error);
  g_assert_no_error (error);

  /* Three offices, one of them twice in the week: one packet each. */
  plan (fixture, g_array_index (ids, gint64, 0), "2026-11-24");
  plan (fixture, g_array_index (ids, gint64, 1), "2026-11-24");
  plan (fixture, g_array_index (ids, gint64, 2), "2026-11-26");
  plan (fixture, g_array_index (ids, gint64, 0), "2026-11-27");

  visits = rp_store_list_visits_between (fixture->db.store, SAMPLE_MONDAY, "2026-11-27", FALSE,
                                         &error);
  g_assert_no_error (error);
  for (guint i = 0; i < visits->len; i++)
    {
      RpPlannedVisit *visit = g_ptr_array_index (visits, i);
      gint64 *id = g_new (gint64, 1);

      *id = rp_planned_visit_get_partner_id (visit);
      if (!g_hash_table_add (partners, id))
        g_free (id);
    }
  g_assert_cmpuint (g_hash_table_size (partners), >=, 3);

  path = export_kind (fixture, "week-packets", g_variant_new_string (SAMPLE_MONDAY), &info);
  base = g_path_get_basename (path);
  g_assert_cmpstr (base, ==, "Packets for the week of Nov 23.pdf");
  assert_session_paper (&info);

  single = export_kind (fixture, "packet", g_variant_new_int64 (g_array_index (ids, gint64, 0)),
                        &one);
  /* One packet for every distinct office: more pages than one packet, and about as many as
   * one packet per office. */
  g_assert_cmpuint (info.pages, >, one.pages);
  g_assert_cmpuint (info.pages, >=, g_hash_table_size (partners) * 2);

  /* The week plan prints too. */
  g_free (path);
  path = export_kind (fixture, "week", g_variant_new_string (SAMPLE_MONDAY), &info);
  assert_session_paper (&info);

  /* A week with nothing planned is an error the window shows as a toast. */
  document = _rp_print_actions_make_document (fixture->db.context, "week-packets",
                                              g_variant_new_string ("2031-01-06"), NULL, &error);
  g_assert_null (document);
  g_assert_error (error, RP_DOCUMENT_ERROR, RP_DOCUMENT_ERROR_EMPTY);
  g_assert_cmpstr (error->message, ==, "Nothing is planned for the week of Jan 6");
}

/* The text of the PDF at @path. */
static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);

  return out;
}

static char *
dup_partner_name (Fixture *fixture,
                  gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpPartner) partner = rp_store_get_partner (fixture->db.store, id, &error);

  g_assert_no_error (error);
  return g_strdup (rp_partner_get_display_name (partner));
}

static void
test_print_day_packets (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(RpPartnerFilter) filter = rp_partner_filter_new ();
  g_autoptr(GArray) ids = NULL;
  g_autoptr(RpDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *base = NULL;
  g_autofree char *text = NULL;
  g_autofree char *one_path = NULL;
  g_autofree char *two_path = NULL;
  g_autofree char *tuesday_a = NULL;
  g_autofree char *tuesday_b = NULL;
  g_autofree char *thursday = NULL;
  PdfInfo info, one, two;

  filter->any_tier = TRUE;
  filter->any_status = TRUE;
  ids = rp_store_query_partner_ids (fixture->db.store, filter, &error);
  g_assert_no_error (error);

  /* Tuesday: two offices; Thursday: another. The day's packets are Tuesday's only. */
  plan (fixture, g_array_index (ids, gint64, 0), "2026-11-24");
  plan (fixture, g_array_index (ids, gint64, 1), "2026-11-24");
  plan (fixture, g_array_index (ids, gint64, 2), "2026-11-26");
  tuesday_a = dup_partner_name (fixture, g_array_index (ids, gint64, 0));
  tuesday_b = dup_partner_name (fixture, g_array_index (ids, gint64, 1));
  thursday = dup_partner_name (fixture, g_array_index (ids, gint64, 2));

  path = export_kind (fixture, "day-packets", g_variant_new_string ("2026-11-24"), &info);
  base = g_path_get_basename (path);
  g_assert_cmpstr (base, ==, "Packets for Nov 24.pdf");
  assert_session_paper (&info);

  /* Exactly the two offices' packets: as many pages as the two packets alone. */
  one_path = export_kind (fixture, "packet", g_variant_new_int64 (g_array_index (ids, gint64, 0)),
                          &one);
  two_path = export_kind (fixture, "packet", g_variant_new_int64 (g_array_index (ids, gint64, 1)),
                          &two);
  g_assert_cmpuint (info.pages, ==, one.pages + two.pages);

  text = pdf_text (path);
  g_assert_nonnull (strstr (text, tuesday_a));
  g_assert_nonnull (strstr (text, tuesday_b));
  g_assert_null (strstr (text, thursday));

  /* A day with nothing planned is an error the window shows as a toast. */
  document = _rp_print_actions_make_document (fixture->db.context, "day-packets",
                                              g_variant_new_string ("2026-11-25"), NULL, &error);
  g_assert_null (document);
  g_assert_error (error, RP_DOCUMENT_ERROR, RP_DOCUMENT_ERROR_EMPTY);
  g_assert_cmpstr (error->message, ==, "Nothing is planned for Nov 25");
}

static void
add_thank_you_task (Fixture    *fixture,
                    gint64      partner_id,
                    const char *due_on)
{
  g_autoptr(RpTask) task = rp_task_new (RP_TASK_KIND_THANK_YOU);
  g_autoptr(GError) error = NULL;

  rp_task_set_title (task, "Send a thank-you");
  rp_task_set_due_on (task, due_on);
  rp_task_set_partner_id (task, partner_id);
  g_assert_true (rp_store_insert_task (fixture->db.store, task, &error));
  g_assert_no_error (error);
}

static gboolean
has_open_thank_you (Fixture *fixture,
                    gint64   partner_id)
{
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GError) error = NULL;

  tasks = rp_store_list_open_tasks (fixture->db.store, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < tasks->len; i++)
    {
      RpTask *task = g_ptr_array_index (tasks, i);

      if (rp_task_get_kind (task) == RP_TASK_KIND_THANK_YOU &&
          rp_task_get_partner_id (task) == partner_id)
        return TRUE;
    }

  return FALSE;
}

/* The letters for "every thank-you due" leave out those due later; once printed or saved, one
 * step marks them all done (and logs each note). */
static void
test_print_letters_due_and_done (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) past = g_date_time_add_days (now, -2);
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 30);
  g_autofree char *past_day = g_date_time_format (past, "%Y-%m-%d");
  g_autofree char *later_day = g_date_time_format (later, "%Y-%m-%d");
  g_autoptr(RpPartner) due = rp_test_add_partner (fixture->db.store, RP_PARTNER_KIND_PERSON,
                                                  "Dana", "Duequist");
  g_autoptr(RpPartner) not_yet = rp_test_add_partner (fixture->db.store, RP_PARTNER_KIND_PERSON,
                                                      "Lena", "Laterly");
  g_autoptr(RpDocument) document = NULL;
  g_autoptr(RpPrintJob) job = NULL;
  g_autoptr(GVariant) every = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  GVariantBuilder builder;
  guint n_done = 0;

  add_thank_you_task (fixture, rp_partner_get_id (due), past_day);
  add_thank_you_task (fixture, rp_partner_get_id (not_yet), later_day);

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("ax"));
  every = g_variant_ref_sink (g_variant_builder_end (&builder));
  document = _rp_print_actions_make_document (fixture->db.context, "thank-you-letters", every,
                                              &name, &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->out_dir, name, NULL);
  job = _rp_print_actions_new_job (document, "thank-you-letters");
  g_assert_true (rp_print_job_export_pdf (job, path, &error));
  g_assert_no_error (error);

  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "Duequist"));
  g_assert_null (strstr (text, "Laterly"));

  /* Mark Done: every letter's thank-you at once; the one due later stays. */
  g_assert_true (_rp_print_actions_mark_letters_done (fixture->db.context, document, &n_done,
                                                      &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_done, >=, 1);
  g_assert_false (has_open_thank_you (fixture, rp_partner_get_id (due)));
  g_assert_true (has_open_thank_you (fixture, rp_partner_get_id (not_yet)));
}

static void
test_print_thank_yous (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *labels = NULL;
  g_autofree char *letters = NULL;
  g_autofree char *chosen = NULL;
  GVariantBuilder builder;
  guint n_thank_yous = 0;
  gint64 two[2];
  PdfInfo info;

  tasks = rp_store_list_open_tasks (fixture->db.store, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < tasks->len; i++)
    if (rp_task_get_kind (g_ptr_array_index (tasks, i)) == RP_TASK_KIND_THANK_YOU)
      n_thank_yous++;
  g_assert_cmpuint (n_thank_yous, >, 0);

  /* An empty array: every partner with a thank-you open. Labels are on US Letter always. */
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("ax"));
  labels = export_kind (fixture, "labels", g_variant_builder_end (&builder), &info);
  g_assert_cmpfloat_with_epsilon (info.width, 612.0, 1.0);
  g_assert_cmpfloat_with_epsilon (info.height, 792.0, 1.0);

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("ax"));
  letters = export_kind (fixture, "thank-you-letters", g_variant_builder_end (&builder), &info);
  assert_session_paper (&info);
  g_assert_cmpuint (info.pages, >=, 1);

  /* A selection: one letter each. */
  two[0] = first_partner_id (fixture);
  two[1] = two[0] + 1;
  g_remove (letters);
  chosen = export_kind (fixture, "thank-you-letters",
                        g_variant_new_fixed_array (G_VARIANT_TYPE_INT64, two, 2, sizeof (gint64)),
                        &info);
  g_assert_cmpuint (info.pages, ==, 2);
}

static gboolean
has_chooser (gpointer data)
{
  return rp_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL;
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

static gboolean
chooser_in_folder (gpointer data)
{
  g_autoptr(GFile) current = gtk_file_chooser_get_current_folder (data);
  const char *expected = g_object_get_data (G_OBJECT (data), "test-folder");

  return current != NULL && g_strcmp0 (g_file_peek_path (current), expected) == 0;
}

/* Answers the file chooser the save action opened: its offered name, in the output folder. */
static void
accept_chooser (Fixture    *fixture,
                const char *expected_name)
{
  GtkWidget *dialog;
  g_autofree char *name = NULL;

  rp_test_wait_for (has_chooser, NULL);
  dialog = rp_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (dialog));
  g_assert_cmpstr (name, ==, expected_name);

  /* The chooser opens in the working folder (the test's output folder) or beside the last PDF
   * saved; it may still be loading it, so wait until it is the current one. */
  g_object_set_data_full (G_OBJECT (dialog), "test-folder", g_strdup (fixture->out_dir), g_free);
  rp_test_wait_for (chooser_in_folder, dialog);

  /* The chooser checks the folder asynchronously before it answers, and drops an answer that
   * comes while it still loads the folder: ask again until it closes. */
  for (guint i = 0; i < 40 && has_chooser (NULL); i++)
    {
      gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
      rp_test_iterate_for (250);
    }
  if (has_chooser (NULL))
    rp_test_save_screenshot (dialog, "h8-chooser.png");
  g_assert_false (has_chooser (NULL));
}

/* The whole way from a button: the action, the file chooser, the export, the toast. */
static void
test_print_save_from_window (Fixture       *fixture,
                             gconstpointer  data)
{
  RpWindow *window = g_object_ref_sink (rp_window_new (NULL, fixture->db.context));
  gint64 partner_id = first_partner_id (fixture);
  g_autoptr(RpPartner) partner = rp_store_get_partner (fixture->db.store, partner_id, NULL);
  g_autofree char *name = g_strdup_printf ("Referral packet - %s.pdf",
                                           rp_partner_get_display_name (partner));
  g_autofree char *path = g_build_filename (fixture->out_dir, name, NULL);
  g_autofree char *labels = g_build_filename (fixture->out_dir, "Address labels.pdf", NULL);
  GtkWidget *page;
  GtkWidget *print_button;
  PdfInfo info;
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  g_autofree char *cwd = g_get_current_dir ();

  gtk_window_present (GTK_WINDOW (window));
  rp_test_wait_until_mapped (GTK_WIDGET (window));

  g_assert_cmpint (g_chdir (fixture->out_dir), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "print.save-packet", "x", partner_id);
  accept_chooser (fixture, name);
  rp_test_wait_for (file_exists, path);
  check_pdf (path);

  /* The Follow-ups page: its print menu saves labels for the thank-yous checked. */
  g_assert_true (rp_window_set_visible_page_name (window, "follow-ups"));
  page = rp_window_get_page (window, "follow-ups");
  rp_test_wait_until_mapped (page);
  print_button = rp_test_find_by_tooltip (page, "Print Thank-yous");
  g_assert_true (GTK_IS_MENU_BUTTON (print_button));
  g_assert_true (gtk_widget_get_sensitive (print_button));
  rp_test_collect_by_type (page, GTK_TYPE_CHECK_BUTTON, checks);
  g_assert_cmpuint (checks->len, >, 0);
  gtk_check_button_set_active (g_ptr_array_index (checks, 0), TRUE);

  gtk_widget_activate_action (page, "follow-ups.save-labels", NULL);
  accept_chooser (fixture, "Address labels.pdf");
  rp_test_wait_for (file_exists, labels);
  info = check_pdf (labels);
  g_assert_cmpuint (info.pages, ==, 1);
  /* One label: the checked row's partner, not every thank-you due. */
  g_assert_cmpuint (count_zip_codes (labels), ==, 1);
  rp_test_save_screenshot (GTK_WIDGET (window), "print-follow-ups.png");

  g_assert_cmpint (g_chdir (cwd), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
  rp_test_iterate_for (50);
  g_assert_finalize_object (window);
}

static gboolean
is_mark_done_button (GtkWidget     *widget,
                     gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), "_Mark Done") == 0;
}

static gboolean
has_mark_done_button (gpointer data)
{
  return rp_test_find_widget (data, is_mark_done_button, NULL) != NULL;
}

/* The letters for the thank-yous due, and marking them done, in four actions from the window:
 * the Follow-ups page, Save Letters…, Save in the file chooser, Mark Done in the toast. */
static void
test_print_due_letters_in_four (Fixture       *fixture,
                                gconstpointer  data)
{
  RpWindow *window = g_object_ref_sink (rp_window_new (NULL, fixture->db.context));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GArray) due = rp_thank_yous_list_due (fixture->db.store, today, NULL);
  g_autoptr(GArray) after = NULL;
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  GtkWidget *page;
  GtkWidget *save;
  GtkWidget *mark_done;
  PdfInfo info;

  g_assert_nonnull (due);
  g_assert_cmpuint (due->len, >, 1);
  gtk_window_present (GTK_WINDOW (window));
  rp_test_wait_until_mapped (GTK_WIDGET (window));
  g_assert_cmpint (g_chdir (fixture->out_dir), ==, 0);

  /* 1: the page. */
  g_assert_true (rp_window_set_visible_page_name (window, "follow-ups"));
  page = rp_window_get_page (window, "follow-ups");
  rp_test_wait_until_mapped (page);
  /* 2: Save Letters…, 3: Save. */
  save = rp_test_find_named (page, "save-due-letters");
  g_assert_nonnull (save);
  rp_test_wait_until_mapped (save);
  g_signal_emit_by_name (save, "clicked");
  name = g_strdup_printf ("Thank-you letters - %u offices.pdf", due->len);
  accept_chooser (fixture, name);
  path = g_build_filename (fixture->out_dir, name, NULL);
  rp_test_wait_for (file_exists, path);
  info = check_pdf (path);
  g_assert_cmpuint (info.pages, ==, due->len);

  /* 4: Mark Done, in the toast that says where the letters went. */
  rp_test_wait_for (has_mark_done_button, window);
  mark_done = rp_test_find_widget (GTK_WIDGET (window), is_mark_done_button, NULL);
  rp_test_save_screenshot (GTK_WIDGET (window), "print-due-letters-toast.png");
  g_signal_emit_by_name (mark_done, "clicked");
  rp_test_iterate_for (300);

  after = rp_thank_yous_list_due (fixture->db.store, today, NULL);
  g_assert_nonnull (after);
  g_assert_cmpuint (after->len, ==, 0);
  /* Nothing left to write: the letters row is gone. */
  g_assert_null (rp_test_find_named (page, "save-due-letters"));

  g_assert_cmpint (g_chdir (cwd), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
  rp_test_iterate_for (50);
  g_assert_finalize_object (window);
}

int
main (int   argc,
      char *argv[])
{
  rp_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/print/actions", test_print_actions);
  ADD ("/print/save-packet", test_print_save_packet);
  ADD ("/print/unwritable", test_print_unwritable);
  ADD ("/print/week-packets", test_print_week_packets);
  ADD ("/print/day-packets", test_print_day_packets);
  ADD ("/print/letters-due-and-done", test_print_letters_due_and_done);
  ADD ("/print/thank-yous", test_print_thank_yous);
  ADD ("/print/save-from-window", test_print_save_from_window);
  /* After save-from-window, whose output folder, where the last PDF was saved, is gone. */
  ADD ("/print/due-letters-in-four", test_print_due_letters_in_four);

#undef ADD

  return g_test_run ();
}
