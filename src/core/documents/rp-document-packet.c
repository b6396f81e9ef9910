/* rp-document-packet.c: the referral packet for a partner office: cover, services, how to
 * refer, the referral form, contacts and the year's referral summary.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "rp-document-private.h"
#include "rp-partner.h"
#include "rp-store-documents.h"

/* The success stories quoted on the cover; the others follow the services. */
#define COVER_STORIES 2

static gboolean
is_set (const char *text)
{
  return text != NULL && *text != '\0';
}

static char *
partner_address (RpPartner  *partner,
                 const char *separator)
{
  return _rp_document_dup_address (rp_partner_get_street (partner),
                                   rp_partner_get_city (partner),
                                   rp_partner_get_state (partner),
                                   rp_partner_get_zip (partner), separator);
}

static char *
location_address (RpLocation *location,
                  const char *separator)
{
  return _rp_document_dup_address (rp_location_get_street (location),
                                   rp_location_get_city (location),
                                   rp_location_get_state (location),
                                   rp_location_get_zip (location), separator);
}

static void
add_lines_as (RpDocument *doc,
              const char *text,
              RpLeadKind  lead)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] != '\0')
        {
          RpBlock *block = _rp_document_add_text (doc, RP_TEXT_BODY, lines[i]);

          block->lead = lead;
          block->space_after = 4.0;
        }
    }
}

/* Success stories as pull quotes, @first … @last - 1 of them. */
static void
add_stories (RpDocument *doc,
             GListModel *stories,
             guint       first,
             guint       last)
{
  guint shown = 0;

  for (guint i = first; i < MIN (last, g_list_model_get_n_items (stories)); i++)
    {
      g_autoptr(RpPracticeEntry) story = g_list_model_get_item (stories, i);
      g_autofree char *quote = NULL;
      RpBlock *block;

      if (!is_set (rp_practice_entry_get_body (story)))
        continue;
      if (shown++ == 0)
        _rp_document_add_heading (doc, RP_TEXT_LABEL, _("What partners say"));
      quote = g_strdup_printf ("“%s”", rp_practice_entry_get_body (story));
      block = _rp_document_add_text (doc, RP_TEXT_LEAD, quote);
      block->indent = 14.0;
      block->space_after = 3.0;
      if (is_set (rp_practice_entry_get_title (story)))
        {
          g_autofree char *by = g_strdup_printf ("— %s", rp_practice_entry_get_title (story));

          block = _rp_document_add_text (doc, RP_TEXT_SANS, by);
          block->indent = 14.0;
          block->space_after = 14.0;
          block->accent = TRUE;
        }
    }
}

static void
add_cover (RpDocument            *doc,
           RpPractice            *practice,
           RpPartner             *partner,
           cairo_surface_t       *logo,
           const RpPacketOptions *options)
{
  RpLocation *origin = rp_practice_get_origin (practice);
  g_autofree char *date = _rp_document_format_long_date (options != NULL ? options->today
                                                                         : NULL);
  g_autofree char *prepared = NULL;
  RpBlock *block;

  block = _rp_document_add (doc, RP_BLOCK_FILL_BAND);
  block->amount = 14.0;
  _rp_document_add_space (doc, 40.0);

  if (logo != NULL)
    {
      block = _rp_document_add (doc, RP_BLOCK_IMAGE);
      block->image = cairo_surface_reference (logo);
      block->amount = 64.0;
      block->space_after = 64.0;
    }
  else
    {
      block = _rp_document_add_text (doc, RP_TEXT_H2, rp_practice_get_name (practice));
      block->accent = TRUE;
      block->space_after = 64.0;
    }

  block = _rp_document_add_text (doc, RP_TEXT_LABEL, _("Referral packet"));
  block->accent = TRUE;
  block->space_after = 10.0;

  /* Translators: the cover of a referral packet; %s is the partner's name */
  prepared = g_strdup_printf (_("Prepared for %s"), rp_partner_get_display_name (partner));
  block = _rp_document_add_text (doc, RP_TEXT_TITLE, prepared);
  block->space_after = 8.0;
  if (is_set (rp_partner_get_organization (partner))
      && g_strcmp0 (rp_partner_get_organization (partner),
                    rp_partner_get_display_name (partner)) != 0)
    {
      block = _rp_document_add_text (doc, RP_TEXT_SUBTITLE, rp_partner_get_organization (partner));
      block->space_after = 2.0;
    }
  block = _rp_document_add_text (doc, RP_TEXT_SUBTITLE, date);
  block->space_after = 0;

  _rp_document_add_space (doc, 40.0);
  add_stories (doc, G_LIST_MODEL (rp_practice_get_entries (practice, RP_PRACTICE_ENTRY_STORY)),
               0, COVER_STORIES);

  /* the practice at the foot of the cover */
  _rp_document_add_space (doc, -120.0);
  block = _rp_document_add (doc, RP_BLOCK_RULE);
  block->accent = TRUE;
  block->amount = 1.5;
  block->space_after = 14.0;
  block = _rp_document_add_text (doc, RP_TEXT_H2, rp_practice_get_name (practice));
  block->space_after = 4.0;
  if (origin != NULL)
    {
      g_autofree char *address = location_address (origin, "\n");

      if (*address != '\0')
        _rp_document_add_text (doc, RP_TEXT_SANS, address);
    }
  {
    g_autoptr(GString) contact = g_string_new (NULL);

    if (is_set (rp_practice_get_phone (practice)))
      /* Translators: "Phone" before a phone number */
      g_string_append_printf (contact, _("Phone %s"), rp_practice_get_phone (practice));
    if (is_set (rp_practice_get_fax (practice)))
      {
        if (contact->len > 0)
          g_string_append (contact, "   ·   ");
        g_string_append_printf (contact, _("Fax %s"), rp_practice_get_fax (practice));
      }
    if (is_set (rp_practice_get_website (practice)))
      g_string_append_printf (contact, "%s%s", contact->len > 0 ? "   ·   " : "",
                              rp_practice_get_website (practice));
    if (contact->len > 0)
      _rp_document_add_text (doc, RP_TEXT_SANS, contact->str);
  }
}

static void
add_services (RpDocument *doc,
              RpPractice *practice)
{
  GListModel *services = G_LIST_MODEL (rp_practice_get_entries (practice,
                                                                RP_PRACTICE_ENTRY_SERVICE));
  GListModel *stories = G_LIST_MODEL (rp_practice_get_entries (practice,
                                                               RP_PRACTICE_ENTRY_STORY));
  guint n = g_list_model_get_n_items (services);

  if (n == 0)
    return;

  _rp_document_add (doc, RP_BLOCK_PAGE_BREAK);
  _rp_document_add_heading (doc, RP_TEXT_H1, _("Our services"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RpPracticeEntry) entry = g_list_model_get_item (services, i);
      RpBlock *block;

      block = _rp_document_add_heading (doc, RP_TEXT_H2, rp_practice_entry_get_title (entry));
      if (i == 0)
        block->space_before = 0;
      if (is_set (rp_practice_entry_get_body (entry)))
        _rp_document_add_text (doc, RP_TEXT_BODY, rp_practice_entry_get_body (entry));
    }

  add_stories (doc, stories, COVER_STORIES, G_MAXUINT);
}

static void
add_how_to_refer (RpDocument *doc,
                  RpPractice *practice)
{
  const char *url = rp_practice_get_referral_url (practice);
  const char *phone = is_set (rp_practice_get_referral_phone (practice))
                        ? rp_practice_get_referral_phone (practice)
                        : rp_practice_get_phone (practice);
  const char *fax = is_set (rp_practice_get_referral_fax (practice))
                      ? rp_practice_get_referral_fax (practice)
                      : rp_practice_get_fax (practice);

  _rp_document_add (doc, RP_BLOCK_PAGE_BREAK);
  _rp_document_add_heading (doc, RP_TEXT_H1, _("How to refer"));

  if (is_set (rp_practice_get_turnaround (practice)))
    {
      RpBlock *block = _rp_document_add_text (doc, RP_TEXT_LEAD,
                                              rp_practice_get_turnaround (practice));

      block->space_after = 12.0;
    }

  if (is_set (rp_practice_get_what_to_send (practice)))
    {
      _rp_document_add_heading (doc, RP_TEXT_H2, _("What to send"));
      add_lines_as (doc, rp_practice_get_what_to_send (practice), RP_LEAD_CHECKBOX);
    }

  _rp_document_add_heading (doc, RP_TEXT_H2, _("Where to send it"));
  if (is_set (fax))
    _rp_document_add_key_value (doc, _("Referral fax"), fax);
  if (is_set (phone))
    _rp_document_add_key_value (doc, _("Referral line"), phone);
  if (is_set (rp_practice_get_urgent_line (practice)))
    _rp_document_add_key_value (doc, _("Urgent referrals"),
                                rp_practice_get_urgent_line (practice));
  if (is_set (url))
    _rp_document_add_key_value (doc, _("Online"), url);

  if (is_set (url) || is_set (phone))
    {
      g_autofree char *tel = NULL;
      g_autofree char *caption = NULL;
      const char *target = url;

      if (!is_set (url))
        {
          g_autoptr(GString) digits = g_string_new ("tel:");

          for (const char *p = phone; *p != '\0'; p++)
            if (g_ascii_isdigit (*p) || *p == '+')
              g_string_append_c (digits, *p);
          target = tel = g_strdup (digits->str);
        }
      caption = g_markup_printf_escaped ("<b>%s</b>\n<span size='small' foreground='#5f6b76'>%s"
                                         "</span>",
                                         is_set (url) ? _("Scan to refer online")
                                                      : _("Scan to call our referral line"),
                                         target);
      {
        RpBlock *block = _rp_document_add_qr (doc, target, caption, 86.0);

        if (block != NULL)
          {
            block->space_before = 14.0;
            block->space_after = 6.0;
          }
      }
    }

  if (is_set (rp_practice_get_insurances (practice)))
    {
      _rp_document_add_heading (doc, RP_TEXT_H2, _("Insurance plans we accept"));
      add_lines_as (doc, rp_practice_get_insurances (practice), RP_LEAD_BULLET);
    }
}

static void
add_form (RpDocument *doc,
          RpPractice *practice,
          RpPartner  *partner)
{
  const char *fax = is_set (rp_practice_get_referral_fax (practice))
                      ? rp_practice_get_referral_fax (practice)
                      : rp_practice_get_fax (practice);
  g_autoptr(GString) provider = g_string_new (rp_partner_get_display_name (partner));
  RpBlock *block;
  static const double halves[] = { 0.5, 0.5 };
  static const double thirds[] = { 0.4, 0.3, 0.3 };

  _rp_document_add (doc, RP_BLOCK_PAGE_BREAK);
  _rp_document_add_heading (doc, RP_TEXT_H1, _("Referral form"));
  if (is_set (fax))
    {
      /* Translators: on the referral form; %s is the practice's referral fax number */
      g_autofree char *fax_to = g_strdup_printf (_("Fax to %s"), fax);

      block = _rp_document_add_text (doc, RP_TEXT_BIG_SANS, fax_to);
      block->space_after = 2.0;
    }
  block = _rp_document_add_text (doc, RP_TEXT_SMALL,
                                 _("Fill in by hand and fax with the documents listed under "
                                   "“How to refer”."));
  block->space_after = 10.0;

  block = _rp_document_add (doc, RP_BLOCK_BOX_BEGIN);
  block = _rp_document_add (doc, RP_BLOCK_FIELD);
  block->key = g_strdup (_("Patient name"));
  block->amount = 1;
  block = _rp_document_add (doc, RP_BLOCK_FIELD);
  block->n_cells = 2;
  block->cells[0] = g_strdup (_("Date of birth"));
  block->cells[1] = g_strdup (_("Phone"));
  memcpy (block->widths, halves, sizeof halves);
  block->space_before = 10.0;
  block = _rp_document_add (doc, RP_BLOCK_FIELD);
  block->n_cells = 2;
  block->cells[0] = g_strdup (_("Insurance"));
  block->cells[1] = g_strdup (_("Member ID"));
  memcpy (block->widths, halves, sizeof halves);
  block->space_before = 10.0;
  block = _rp_document_add (doc, RP_BLOCK_FIELD);
  block->key = g_strdup (_("Reason for referral"));
  block->amount = 4;
  block->space_before = 10.0;
  block = _rp_document_add (doc, RP_BLOCK_FIELD);
  block->key = g_strdup (_("Diagnosis or ICD-10 code"));
  block->amount = 1;
  block->space_before = 10.0;
  block = _rp_document_add (doc, RP_BLOCK_CHOICES);
  block->key = g_strdup (_("Urgency"));
  block->n_cells = 3;
  block->cells[0] = g_strdup (_("Routine"));
  block->cells[1] = g_strdup (_("Urgent"));
  block->cells[2] = g_strdup (_("Emergent"));
  block->space_before = 14.0;
  block->space_after = 4.0;

  if (is_set (rp_partner_get_npi (partner)))
    /* Translators: the National Provider Identifier */
    g_string_append_printf (provider, "   ·   %s %s", _("NPI"), rp_partner_get_npi (partner));
  if (is_set (rp_partner_get_phone (partner)))
    g_string_append_printf (provider, "   ·   %s", rp_partner_get_phone (partner));
  block = _rp_document_add (doc, RP_BLOCK_FIELD);
  block->key = g_strdup (_("Referring provider"));
  block->text = g_strdup (provider->str);
  block->amount = 1;
  block->space_before = 10.0;
  block = _rp_document_add (doc, RP_BLOCK_FIELD);
  block->n_cells = 3;
  block->cells[0] = g_strdup (_("Signature"));
  block->cells[1] = g_strdup (_("Date"));
  block->cells[2] = g_strdup (_("Best callback time"));
  memcpy (block->widths, thirds, sizeof thirds);
  block->space_before = 10.0;
  _rp_document_add (doc, RP_BLOCK_BOX_END);

  block = _rp_document_add_text (doc, RP_TEXT_SMALL,
                                 _("Questions about a referral? Call our referral line; urgent "
                                   "cases by phone, please."));
  block->space_before = 10.0;
}

static void
add_contacts (RpDocument *doc,
              RpPractice *practice,
              RpPartner  *partner)
{
  GListModel *locations = G_LIST_MODEL (rp_practice_get_locations (practice));
  g_autofree char *office = partner_address (partner, "\n");

  _rp_document_add (doc, RP_BLOCK_PAGE_BREAK);
  _rp_document_add_heading (doc, RP_TEXT_H1, _("Your contacts"));

  if (is_set (rp_practice_get_liaison_name (practice)))
    {
      _rp_document_add_heading (doc, RP_TEXT_H2, _("Your physician liaison"));
      _rp_document_add_key_value (doc, _("Name"), rp_practice_get_liaison_name (practice));
      if (is_set (rp_practice_get_liaison_phone (practice)))
        _rp_document_add_key_value (doc, _("Phone"), rp_practice_get_liaison_phone (practice));
      if (is_set (rp_practice_get_liaison_email (practice)))
        _rp_document_add_key_value (doc, _("E-mail"), rp_practice_get_liaison_email (practice));
    }

  for (guint i = 0; i < g_list_model_get_n_items (locations); i++)
    {
      g_autoptr(RpLocation) location = g_list_model_get_item (locations, i);
      g_autofree char *address = location_address (location, "\n");
      const char *name = is_set (rp_location_get_name (location))
                           ? rp_location_get_name (location) : rp_practice_get_name (practice);

      _rp_document_add_heading (doc, RP_TEXT_H2, name);
      if (*address != '\0')
        _rp_document_add_key_value (doc, _("Address"), address);
      if (is_set (rp_location_get_phone (location)))
        _rp_document_add_key_value (doc, _("Phone"), rp_location_get_phone (location));
      if (is_set (rp_location_get_fax (location)))
        _rp_document_add_key_value (doc, _("Fax"), rp_location_get_fax (location));
      if (is_set (rp_location_get_hours (location)))
        _rp_document_add_key_value (doc, _("Hours"), rp_location_get_hours (location));
    }

  _rp_document_add_heading (doc, RP_TEXT_H2, _("Your office, as we have it"));
  _rp_document_add_key_value (doc, _("Office"),
                              is_set (rp_partner_get_organization (partner))
                                ? rp_partner_get_organization (partner)
                                : rp_partner_get_display_name (partner));
  if (*office != '\0')
    _rp_document_add_key_value (doc, _("Address"), office);
  if (is_set (rp_partner_get_office_contact (partner)))
    _rp_document_add_key_value (doc, _("Office contact"), rp_partner_get_office_contact (partner));
  if (is_set (rp_partner_get_phone (partner)))
    _rp_document_add_key_value (doc, _("Phone"), rp_partner_get_phone (partner));
  if (is_set (rp_partner_get_fax (partner)))
    _rp_document_add_key_value (doc, _("Fax"), rp_partner_get_fax (partner));
  {
    RpBlock *block = _rp_document_add_text (doc, RP_TEXT_SMALL,
                                            _("Something changed? Tell your liaison and we "
                                              "will update our records."));

    block->space_before = 8.0;
  }
}

static void
add_summary (RpDocument *doc,
             RpStore    *store,
             RpPartner  *partner,
             const char *today)
{
  RpPartnerYearCounts counts;
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *received = NULL;
  g_autofree char *seen = NULL;
  g_autofree char *closed = NULL;
  int year = 0;

  if (today != NULL)
    year = atoi (today);
  if (year <= 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      year = g_date_time_get_year (now);
    }
  if (!rp_store_count_partner_year (store, rp_partner_get_id (partner), year, &counts, &error))
    {
      g_warning ("Could not count the referrals of %s: %s",
                 rp_partner_get_display_name (partner), error->message);
      return;
    }

  /* Translators: a heading of the referral packet; %d is a year */
  heading = g_strdup_printf (_("Your referrals in %d"), year);
  _rp_document_add_heading (doc, RP_TEXT_H2, heading);
  received = g_strdup_printf ("%u", counts.received);
  seen = g_strdup_printf ("%u", counts.seen);
  closed = g_strdup_printf ("%u", counts.loop_closed);
  _rp_document_add_key_value (doc, _("Received"), received);
  _rp_document_add_key_value (doc, _("Seen"), seen);
  _rp_document_add_key_value (doc, _("Report sent back"), closed);
  if (counts.received > 0)
    {
      RpBlock *block = _rp_document_add_text (doc, RP_TEXT_SMALL,
                                              _("Thank you for trusting us with your "
                                                "patients."));

      block->space_before = 4.0;
    }
}

static void
add_packet (RpDocument            *doc,
            RpStore               *store,
            RpPractice            *practice,
            RpPartner             *partner,
            cairo_surface_t       *logo,
            const RpPacketOptions *options)
{
  g_autofree char *footer = NULL;
  RpBlock *section;

  /* Translators: the footer of a referral packet: practice · partner */
  footer = g_strdup_printf (_("%s  ·  Referral packet for %s"), rp_practice_get_name (practice),
                            rp_partner_get_display_name (partner));
  _rp_document_add_section (doc, footer);
  section = g_ptr_array_index (doc->blocks, doc->blocks->len - 1);
  section->amount = 1;  /* no footer on the cover */

  add_cover (doc, practice, partner, logo, options);
  add_services (doc, practice);
  add_how_to_refer (doc, practice);
  add_form (doc, practice, partner);
  add_contacts (doc, practice, partner);
  if (options != NULL && options->include_summary && store != NULL)
    add_summary (doc, store, partner, options->today);
}

RpDocument *
rp_document_new_packets (RpStore               *store,
                         RpPractice            *practice,
                         GPtrArray             *partners,
                         const RpPacketOptions *options)
{
  g_autofree char *title = NULL;
  cairo_surface_t *logo;
  RpDocument *doc;

  g_return_val_if_fail (store == NULL || RP_IS_STORE (store), NULL);
  g_return_val_if_fail (RP_IS_PRACTICE (practice), NULL);
  g_return_val_if_fail (partners != NULL && partners->len > 0, NULL);

  if (partners->len == 1)
    /* Translators: the title of a PDF and of a print job */
    title = g_strdup_printf (_("Referral packet — %s"),
                             rp_partner_get_display_name (g_ptr_array_index (partners, 0)));
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Referral packets — %u office",
                                          "Referral packets — %u offices", partners->len),
                             partners->len);

  doc = _rp_document_new (title, rp_practice_get_name (practice));
  logo = _rp_document_load_logo (practice);
  for (guint i = 0; i < partners->len; i++)
    add_packet (doc, store, practice, g_ptr_array_index (partners, i), logo, options);
  g_clear_pointer (&logo, cairo_surface_destroy);

  return doc;
}
