/* test-document.c: referral packets, letters, labels, the week plan and target lists as PDF;
 * read back with poppler's pdftotext, pdfinfo and pdftoppm.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <cairo.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "rp-document.h"
#include "rp-sample.h"
#include "rp-store-partners.h"
#include "rp-store-practice.h"
#include "rp-store-target-lists.h"
#include "rp-store-visits.h"
#include "rp-store.h"

#define TODAY "2026-11-27"

typedef struct
{
  char       *dir;
  RpStore    *store;
  RpPractice *practice;
  GPtrArray  *partners;   /* the first few sample partners */
} Fixture;

/* The fictional patients the sample network can seal (rp-sample-history.c): none may print. */
static const char * const patient_names[] = {
  "Brindlecombe", "Fallowfield", "Greavesly", "Hollinrake", "Jessop-Vane", "Nettlefold",
  "Pemberlake", "Quarrington", "Thistlewood", "Umberfield", "Whitlock-Orme", "Zellweger-Ruiz",
};

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GDate today;

  f->dir = g_dir_make_tmp ("rapport-document-XXXXXX", &error);
  g_assert_no_error (error);
  f->store = rp_store_open (":memory:", &error);
  g_assert_no_error (error);

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 27, G_DATE_NOVEMBER, 2026);
  g_assert_true (rp_sample_generate (f->store, RP_SAMPLE_SIZE_DEMO, RP_SAMPLE_DEFAULT_SEED,
                                     &today, NULL, NULL, &error));
  g_assert_no_error (error);
  f->practice = rp_store_get_practice (f->store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->practice);

  f->partners = g_ptr_array_new_with_free_func (g_object_unref);
  for (gint64 id = 1; f->partners->len < 3 && id < 50; id++)
    {
      RpPartner *partner = rp_store_get_partner (f->store, id, NULL);

      if (partner != NULL)
        g_ptr_array_add (f->partners, partner);
    }
  g_assert_cmpuint (f->partners->len, ==, 3);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      const char *keep = g_getenv ("RAPPORT_TEST_KEEP_PDF");

      if (keep != NULL)
        {
          g_autofree char *copy = g_build_filename (keep, name, NULL);
          g_autofree char *contents = NULL;
          gsize length;

          if (g_file_get_contents (path, &contents, &length, NULL))
            g_file_set_contents (copy, contents, length, NULL);
        }
      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_clear_pointer (&f->partners, g_ptr_array_unref);
  g_clear_object (&f->practice);
  g_clear_object (&f->store);
}

static gboolean
have_poppler (void)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");

  if (pdftotext == NULL || pdfinfo == NULL)
    {
      g_test_skip ("poppler-utils are not installed");
      return FALSE;
    }
  return TRUE;
}

static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };

  return run (argv);
}

static guint
pdf_pages (const char *path,
           char      **size)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = run (argv);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  guint pages = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "Pages:"))
        pages = atoi (lines[i] + 6);
      if (size != NULL && g_str_has_prefix (lines[i], "Page size:"))
        *size = g_strstrip (g_strdup (lines[i] + 10));
    }
  return pages;
}

static char *
write_pdf (Fixture     *f,
           RpDocument  *doc,
           const char  *name,
           RpPaperSize  paper)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (rp_document_write_pdf (doc, path, paper, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rp_document_count_overflows (doc), ==, 0);
  return path;
}

static void
assert_no_patients (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (patient_names); i++)
    g_assert_null (strstr (text, patient_names[i]));
}

/* pdftotext -layout breaks lines and may add spaces: compare without any white space */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

static void
assert_contains (const char *squeezed,
                 const char *needle)
{
  g_autofree char *n = squeeze (needle);

  if (strstr (squeezed, n) == NULL)
    g_error ("“%s” is not in the PDF", needle);
}

static void
test_packet_sample (Fixture       *f,
                    gconstpointer  data)
{
  RpPacketOptions options = { TRUE, TODAY };
  g_autoptr(GPtrArray) one = g_ptr_array_new ();
  g_autoptr(RpDocument) doc = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  RpPartner *partner = g_ptr_array_index (f->partners, 0);
  GListModel *services = G_LIST_MODEL (rp_practice_get_entries (f->practice,
                                                                RP_PRACTICE_ENTRY_SERVICE));

  if (!have_poppler ())
    return;

  g_ptr_array_add (one, partner);
  doc = rp_document_new_packets (f->store, f->practice, one, &options);
  g_assert_nonnull (strstr (rp_document_get_title (doc), rp_partner_get_display_name (partner)));
  path = write_pdf (f, doc, "packet.pdf", RP_PAPER_LETTER);
  g_assert_cmpuint (pdf_pages (path, NULL), >=, 4);
  g_assert_cmpuint (pdf_pages (path, NULL), ==, rp_document_get_n_pages (doc));

  text = pdf_text (path);
  flat = squeeze (text);
  assert_contains (flat, rp_partner_get_display_name (partner));
  g_assert_cmpuint (g_list_model_get_n_items (services), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(RpPracticeEntry) entry = g_list_model_get_item (services, i);

      assert_contains (flat, rp_practice_entry_get_title (entry));
    }
  g_assert_cmpstr (rp_practice_get_referral_fax (f->practice), !=, "");
  assert_contains (flat, rp_practice_get_referral_fax (f->practice));
  assert_contains (flat, "Fax to");
  for (guint i = 0; i < 6; i++)
    {
      static const char * const fields[] = {
        "PATIENT NAME", "DATE OF BIRTH", "REASON FOR REFERRAL", "Routine", "Emergent",
        "REFERRING PROVIDER",
      };

      assert_contains (flat, fields[i]);
    }
  if (*rp_partner_get_npi (partner) != '\0')
    assert_contains (flat, rp_partner_get_npi (partner));
  assert_contains (flat, "Our services");
  assert_contains (flat, "How to refer");
  assert_contains (flat, "Your contacts");
  assert_no_patients (text);
}

static RpPractice *
extreme_practice (guint n_services)
{
  RpPractice *practice = rp_practice_new ();
  g_autoptr(RpLocation) location = rp_location_new ();
  g_autoptr(GString) paragraph = g_string_new (NULL);
  g_autofree char *token = g_strnfill (200, 'W');
  GListStore *services = rp_practice_get_entries (practice, RP_PRACTICE_ENTRY_SERVICE);

  rp_practice_set_name (practice, "The Extraordinarily Long-Named Multispecialty Regional "
                        "Musculoskeletal and Sports Medicine Institute of Central Ohio");
  rp_practice_set_phone (practice, "(614) 555-0100");
  rp_practice_set_referral_fax (practice, "(614) 555-0199");
  rp_practice_set_referral_url (practice, "https://example.org/refer");
  rp_practice_set_what_to_send (practice, "Demographics\nInsurance card\nRecent notes\n"
                                "Imaging reports");
  rp_practice_set_insurances (practice, "Aetna\nAnthem\nMedicare");
  rp_practice_set_liaison_name (practice, token);
  rp_location_set_street (location, token);
  rp_location_set_city (location, "Columbus");
  rp_location_set_hours (location, token);
  g_list_store_append (rp_practice_get_locations (practice), location);

  while (paragraph->len < 3000)
    g_string_append (paragraph, "We see new patients quickly and write back the same week. ");
  for (guint i = 0; i < n_services; i++)
    {
      g_autofree char *title = g_strdup_printf ("Service %u %s", i + 1, i == 0 ? token : "");
      g_autoptr(RpPracticeEntry) entry = NULL;

      entry = rp_practice_entry_new (RP_PRACTICE_ENTRY_SERVICE, title, "",
                                     i == 1 ? paragraph->str
                                            : i == 2 ? token
                                                     : "Assessment, imaging and a plan.");
      g_list_store_append (services, entry);
    }
  return practice;
}

static RpPartner *
extreme_partner (void)
{
  RpPartner *partner = rp_partner_new (RP_PARTNER_KIND_PERSON);
  g_autofree char *token = g_strnfill (200, 'M');

  rp_partner_set_prefix (partner, "Dr.");
  rp_partner_set_first_name (partner, "Maximiliana-Alexandrina");
  rp_partner_set_last_name (partner, token);
  rp_partner_set_organization (partner, token);
  rp_partner_set_street (partner, token);
  rp_partner_set_city (partner, "Columbus");
  rp_partner_set_state (partner, "OH");
  rp_partner_set_zip (partner, "43215");
  rp_partner_set_npi (partner, "1234567893");
  rp_partner_set_phone (partner, "(614) 555-0142");
  return partner;
}

static void
test_packet_extreme (Fixture       *f,
                     gconstpointer  data)
{
  RpPacketOptions options = { FALSE, TODAY };
  g_autoptr(RpPractice) few = extreme_practice (3);
  g_autoptr(RpPractice) many = extreme_practice (40);
  g_autoptr(RpPartner) partner = extreme_partner ();
  g_autoptr(GPtrArray) one = g_ptr_array_new ();
  g_autoptr(RpDocument) short_doc = NULL;
  g_autoptr(RpDocument) long_doc = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (!have_poppler ())
    return;

  g_ptr_array_add (one, partner);
  short_doc = rp_document_new_packets (NULL, few, one, &options);
  long_doc = rp_document_new_packets (NULL, many, one, &options);
  a = write_pdf (f, short_doc, "extreme-short.pdf", RP_PAPER_LETTER);
  b = write_pdf (f, long_doc, "extreme-long.pdf", RP_PAPER_A4);
  g_assert_cmpuint (rp_document_get_n_pages (long_doc), >, rp_document_get_n_pages (short_doc));
  g_assert_cmpuint (pdf_pages (b, NULL), ==, rp_document_get_n_pages (long_doc));

  /* and at either paper size, nothing runs off */
  g_assert_true (rp_document_paginate (long_doc, 612, 792, NULL));
  g_assert_cmpuint (rp_document_count_overflows (long_doc), ==, 0);
  g_assert_true (rp_document_paginate (short_doc, 595.2756, 841.8898, NULL));
  g_assert_cmpuint (rp_document_count_overflows (short_doc), ==, 0);
}

static void
test_paper_sizes (Fixture       *f,
                  gconstpointer  data)
{
  RpPacketOptions options = { FALSE, TODAY };
  g_autoptr(RpDocument) doc = NULL;
  g_autofree char *letter = NULL;
  g_autofree char *a4 = NULL;
  g_autofree char *letter_size = NULL;
  g_autofree char *a4_size = NULL;
  double w, h;

  if (!have_poppler ())
    return;

  rp_paper_size_get_points (RP_PAPER_LETTER, &w, &h);
  g_assert_cmpfloat (w, ==, 612);
  g_assert_cmpfloat (h, ==, 792);
  g_assert_true (rp_paper_size_for_locale () == RP_PAPER_LETTER
                 || rp_paper_size_for_locale () == RP_PAPER_A4);
  /* where the machine has the locales */
  if (setlocale (LC_PAPER, "en_US.UTF-8") != NULL)
    g_assert_true (rp_paper_size_for_locale () == RP_PAPER_LETTER);
  if (setlocale (LC_PAPER, "de_DE.UTF-8") != NULL)
    g_assert_true (rp_paper_size_for_locale () == RP_PAPER_A4);
  setlocale (LC_PAPER, "C");

  doc = rp_document_new_packets (f->store, f->practice, f->partners, &options);
  letter = write_pdf (f, doc, "letter.pdf", RP_PAPER_LETTER);
  a4 = write_pdf (f, doc, "a4.pdf", RP_PAPER_A4);
  pdf_pages (letter, &letter_size);
  pdf_pages (a4, &a4_size);
  g_assert_true (g_str_has_prefix (letter_size, "612 x 792 pts"));
  g_assert_true (g_str_has_prefix (a4_size, "595.276 x 841.89 pts"));
  /* three packets, each starting on its own page with its own cover */
  g_assert_cmpuint (rp_document_get_n_pages (doc), >=, 12);
}

static void
test_labels (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) partners = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RpDocument) doc = NULL;
  g_autofree char *path = NULL;
  g_autofree char *size = NULL;
  g_autofree char *text = NULL;
  guint found = 0;

  if (!have_poppler ())
    return;

  for (gint64 id = 1; partners->len < 61 && id < 5000; id++)
    {
      RpPartner *partner = rp_store_get_partner (f->store, id, NULL);

      if (partner != NULL)
        g_ptr_array_add (partners, partner);
    }
  g_ptr_array_add (partners, extreme_partner ());

  doc = rp_document_new_labels (f->practice, partners);
  path = write_pdf (f, doc, "labels.pdf", RP_PAPER_A4);
  /* 62 labels: 30 a sheet, on US Letter whatever the paper asked */
  g_assert_cmpuint (rp_document_get_n_pages (doc), ==, 3);
  g_assert_cmpuint (pdf_pages (path, &size), ==, 3);
  g_assert_true (g_str_has_prefix (size, "612 x 792 pts"));

  /* the first sheet holds the first 30 */
  {
    const char *argv[] = { "pdftotext", "-f", "1", "-l", "1", path, "-", NULL };
    g_autofree char *first = run (argv);
    g_autofree char *flat = squeeze (first);

    for (guint i = 0; i < 30; i++)
      {
        g_autofree char *name = squeeze (rp_partner_get_display_name (g_ptr_array_index (partners,
                                                                                          i)));

        if (strstr (flat, name) != NULL)
          found++;
      }
  }
  g_assert_cmpuint (found, ==, 30);
  text = pdf_text (path);
  assert_no_patients (text);
}

static void
test_letters (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(RpDocument) doc = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;

  if (!have_poppler ())
    return;

  doc = rp_document_new_letters (f->store, f->practice, f->partners, NULL, "Sam Rivera",
                                 TODAY);
  path = write_pdf (f, doc, "letters.pdf", RP_PAPER_LETTER);
  g_assert_cmpuint (pdf_pages (path, NULL), ==, f->partners->len);
  text = pdf_text (path);
  flat = squeeze (text);
  for (guint i = 0; i < f->partners->len; i++)
    assert_contains (flat, rp_partner_get_display_name (g_ptr_array_index (f->partners, i)));
  assert_contains (flat, rp_practice_get_name (f->practice));
  assert_contains (flat, "November 27, 2026");
  assert_no_patients (text);
}

static void
test_week_and_list (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpDocument) week = NULL;
  g_autoptr(RpDocument) empty = NULL;
  g_autoptr(RpDocument) list = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  gint64 ids[3];
  gint64 list_id;

  if (!have_poppler ())
    return;

  /* a week far from the sample's history */
  empty = rp_document_new_week_plan (f->store, f->practice, "2027-03-01", &error);
  g_assert_error (error, RP_DOCUMENT_ERROR, RP_DOCUMENT_ERROR_EMPTY);
  g_assert_null (empty);
  g_clear_error (&error);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(RpPlannedVisit) visit = NULL;

      ids[i] = rp_partner_get_id (g_ptr_array_index (f->partners, i));
      visit = rp_store_plan_visit (f->store, ids[i], i < 2 ? "2027-03-02" : "2027-03-04",
                                   "Drop off packets", &error);
      g_assert_no_error (error);
    }
  week = rp_document_new_week_plan (f->store, f->practice, "2027-03-01", &error);
  g_assert_no_error (error);
  path = write_pdf (f, week, "week.pdf", RP_PAPER_LETTER);
  text = pdf_text (path);
  flat = squeeze (text);
  for (guint i = 0; i < 3; i++)
    assert_contains (flat, rp_partner_get_display_name (g_ptr_array_index (f->partners, i)));
  assert_contains (flat, "Tuesday, March 2");
  assert_contains (flat, "Thursday, March 4");
  g_clear_pointer (&path, g_free);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&flat, g_free);

  list_id = rp_store_create_target_list (f->store, "Spring push", ids, 3, &error);
  g_assert_no_error (error);
  list = rp_document_new_target_list (f->store, f->practice, list_id, &error);
  g_assert_no_error (error);
  path = write_pdf (f, list, "list.pdf", RP_PAPER_LETTER);
  text = pdf_text (path);
  flat = squeeze (text);
  assert_contains (flat, "Spring push");
  for (guint i = 0; i < 3; i++)
    assert_contains (flat, rp_partner_get_display_name (g_ptr_array_index (f->partners, i)));
}

static void
test_write_failure (Fixture       *f,
                    gconstpointer  data)
{
  RpPacketOptions options = { FALSE, TODAY };
  g_autoptr(RpDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", "packet.pdf", NULL);
  g_autofree char *keep = g_build_filename (f->dir, "keep.pdf", NULL);
  g_autofree char *contents = NULL;

  doc = rp_document_new_packets (NULL, f->practice, f->partners, &options);
  g_assert_false (rp_document_write_pdf (doc, missing, RP_PAPER_LETTER, &error));
  g_assert_error (error, RP_DOCUMENT_ERROR, RP_DOCUMENT_ERROR_WRITE);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* a successful write replaces the old file whole */
  g_assert_true (g_file_set_contents (keep, "old", -1, NULL));
  g_assert_true (rp_document_write_pdf (doc, keep, RP_PAPER_LETTER, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (keep, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
}

/* The first page of the packet at 20 dpi in grey against tests/data/packet-cover.png;
 * RAPPORT_UPDATE_GOLDEN=1 writes the reference instead. */
static void
test_golden_cover (Fixture       *f,
                   gconstpointer  data)
{
  RpPacketOptions options = { FALSE, TODAY };
  g_autoptr(GPtrArray) one = g_ptr_array_new ();
  g_autoptr(RpDocument) doc = NULL;
  g_autofree char *path = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *rendered = NULL;
  g_autofree char *golden = NULL;
  g_autofree char *pdftoppm = g_find_program_in_path ("pdftoppm");
  cairo_surface_t *a, *b;
  double sum = 0;
  int width, height;

  if (pdftoppm == NULL)
    {
      g_test_skip ("pdftoppm is not installed");
      return;
    }

  g_ptr_array_add (one, g_ptr_array_index (f->partners, 0));
  doc = rp_document_new_packets (f->store, f->practice, one, &options);
  path = write_pdf (f, doc, "golden.pdf", RP_PAPER_LETTER);
  prefix = g_build_filename (f->dir, "cover", NULL);
  {
    const char *argv[] = { "pdftoppm", "-r", "20", "-gray", "-png", "-f", "1", "-l", "1",
                           "-singlefile", path, prefix, NULL };
    g_autofree char *out = run (argv);
  }
  rendered = g_strconcat (prefix, ".png", NULL);
  golden = g_build_filename (g_getenv ("RAPPORT_TEST_DATA"), "packet-cover.png", NULL);

  if (g_strcmp0 (g_getenv ("RAPPORT_UPDATE_GOLDEN"), "1") == 0)
    {
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (rendered, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (golden, contents, length, NULL));
      g_test_message ("Wrote %s", golden);
      return;
    }

  a = cairo_image_surface_create_from_png (rendered);
  b = cairo_image_surface_create_from_png (golden);
  g_assert_cmpint (cairo_surface_status (a), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_surface_status (b), ==, CAIRO_STATUS_SUCCESS);
  width = cairo_image_surface_get_width (a);
  height = cairo_image_surface_get_height (a);
  g_assert_cmpint (width, ==, cairo_image_surface_get_width (b));
  g_assert_cmpint (height, ==, cairo_image_surface_get_height (b));

  for (int y = 0; y < height; y++)
    {
      const guint32 *ra = (const guint32 *) (cairo_image_surface_get_data (a)
                                              + y * cairo_image_surface_get_stride (a));
      const guint32 *rb = (const guint32 *) (cairo_image_surface_get_data (b)
                                              + y * cairo_image_surface_get_stride (b));

      for (int x = 0; x < width; x++)
        sum += ABS ((int) (ra[x] & 0xff) - (int) (rb[x] & 0xff)) / 255.0;
    }
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);

  /* a mean difference under 3 %: fonts' rasterisation may differ a little, a layout change
   * does not hide */
  g_assert_cmpfloat (sum / (width * height), <, 0.03);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/document/packet/sample", test_packet_sample);
  ADD ("/document/packet/extreme", test_packet_extreme);
  ADD ("/document/packet/paper-sizes", test_paper_sizes);
  ADD ("/document/packet/golden-cover", test_golden_cover);
  ADD ("/document/labels", test_labels);
  ADD ("/document/letters", test_letters);
  ADD ("/document/week-and-list", test_week_and_list);
  ADD ("/document/write-failure", test_write_failure);

#undef ADD

  return g_test_run ();
}
