/* rp-document-letters.c: thank-you letters on the practice's letterhead, one page each. They
 * never carry a patient identifier: the template's fields give none.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "rp-document-private.h"
#include "rp-letter.h"
#include "rp-store-documents.h"

static gboolean
is_set (const char *text)
{
  return text != NULL && *text != '\0';
}

static void
add_letterhead (RpDocument      *doc,
                RpPractice      *practice,
                cairo_surface_t *logo)
{
  RpLocation *origin = rp_practice_get_origin (practice);
  g_autoptr(GString) contact = g_string_new (NULL);
  RpBlock *block;

  if (logo != NULL)
    {
      block = _rp_document_add (doc, RP_BLOCK_IMAGE);
      block->image = cairo_surface_reference (logo);
      block->amount = 40.0;
      block->space_after = 10.0;
    }
  block = _rp_document_add_text (doc, RP_TEXT_H2, rp_practice_get_name (practice));
  block->accent = TRUE;
  block->space_after = 2.0;

  if (origin != NULL)
    {
      g_autofree char *address = _rp_document_dup_address (rp_location_get_street (origin),
                                                           rp_location_get_city (origin),
                                                           rp_location_get_state (origin),
                                                           rp_location_get_zip (origin),
                                                           "  ·  ");

      g_string_append (contact, address);
    }
  if (is_set (rp_practice_get_phone (practice)))
    {
      if (contact->len > 0)
        g_string_append (contact, "  ·  ");
      g_string_append (contact, rp_practice_get_phone (practice));
    }
  if (contact->len > 0)
    {
      block = _rp_document_add_text (doc, RP_TEXT_SMALL, contact->str);
      block->space_after = 8.0;
    }
  block = _rp_document_add (doc, RP_BLOCK_RULE);
  block->accent = TRUE;
  block->amount = 1.2;
  block->space_after = 36.0;
}

static void
add_letter (RpDocument      *doc,
            RpStore         *store,
            RpPractice      *practice,
            RpPartner       *partner,
            cairo_surface_t *logo,
            const char      *template_text,
            const char      *signature,
            GDate           *date,
            const char      *long_date)
{
  g_autoptr(RpReferral) referral = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *address = NULL;
  g_autoptr(GString) recipient = g_string_new (rp_partner_get_display_name (partner));
  g_auto(GStrv) paragraphs = NULL;
  const char *liaison = rp_practice_get_liaison_name (practice);
  const char *name;
  gboolean signs_at_end;
  RpBlock *block;

  _rp_document_add_section (doc, "");
  add_letterhead (doc, practice, logo);

  block = _rp_document_add_text (doc, RP_TEXT_LETTER, long_date);
  block->space_after = 24.0;

  if (is_set (rp_partner_get_organization (partner))
      && g_strcmp0 (rp_partner_get_organization (partner),
                    rp_partner_get_display_name (partner)) != 0)
    g_string_append_printf (recipient, "\n%s", rp_partner_get_organization (partner));
  address = _rp_document_dup_address (rp_partner_get_street (partner),
                                      rp_partner_get_city (partner),
                                      rp_partner_get_state (partner),
                                      rp_partner_get_zip (partner), "\n");
  if (*address != '\0')
    g_string_append_printf (recipient, "\n%s", address);
  block = _rp_document_add_text (doc, RP_TEXT_LETTER, recipient->str);
  block->space_after = 30.0;

  if (store != NULL)
    {
      referral = rp_store_find_referral_awaiting_thanks (store, rp_partner_get_id (partner),
                                                         &error);
      if (error != NULL)
        g_warning ("Could not find the referral to thank %s for: %s",
                   rp_partner_get_display_name (partner), error->message);
    }

  /* a signature that ends the letter goes under the signature line instead */
  {
    g_autofree char *trimmed = g_strstrip (g_strdup (template_text));

    signs_at_end = g_str_has_suffix (trimmed, "{signature}");
  }
  body = rp_letter_render (template_text, partner, referral, practice,
                           signs_at_end ? "" : signature, date);
  paragraphs = g_regex_split_simple ("\\n\\s*\\n", body, 0, 0);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_strstrip (paragraphs[i]);
      if (*paragraphs[i] == '\0')
        continue;
      block = _rp_document_add_text (doc, RP_TEXT_LETTER, paragraphs[i]);
      block->space_after = 10.0;
    }

  /* the signature line */
  _rp_document_add_space (doc, 40.0);
  block = _rp_document_add (doc, RP_BLOCK_RULE);
  block->amount = 0.6;
  block->space_after = 6.0;
  block->widths[0] = 0.4;
  name = signs_at_end && is_set (signature) ? signature : liaison;
  if (is_set (name))
    {
      block = _rp_document_add_text (doc, RP_TEXT_SANS_BOLD, name);
      block->space_after = 0;
    }
  if (is_set (liaison) && g_strcmp0 (name, liaison) == 0)
    _rp_document_add_text (doc, RP_TEXT_SANS, _("Physician liaison"));
  _rp_document_add_text (doc, RP_TEXT_SMALL, rp_practice_get_name (practice));
}

RpDocument *
rp_document_new_letters (RpStore    *store,
                         RpPractice *practice,
                         GPtrArray  *partners,
                         const char *template_text,
                         const char *signature,
                         const char *today)
{
  g_autofree char *title = NULL;
  g_autofree char *long_date = _rp_document_format_long_date (today);
  g_autoptr(GDate) date = g_date_new ();
  cairo_surface_t *logo;
  RpDocument *doc;
  int y, m, d;

  g_return_val_if_fail (store == NULL || RP_IS_STORE (store), NULL);
  g_return_val_if_fail (RP_IS_PRACTICE (practice), NULL);
  g_return_val_if_fail (partners != NULL, NULL);

  if (today != NULL && sscanf (today, "%d-%d-%d", &y, &m, &d) == 3
      && g_date_valid_dmy (d, m, y))
    g_date_set_dmy (date, d, m, y);
  else
    g_date_set_time_t (date, time (NULL));
  if (template_text == NULL)
    template_text = rp_letter_default_template (RP_LETTER_THANK_YOU);

  if (partners->len == 1)
    /* Translators: the title of a PDF and of a print job */
    title = g_strdup_printf (_("Thank-you letter — %s"),
                             rp_partner_get_display_name (g_ptr_array_index (partners, 0)));
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Thank-you letters — %u office",
                                          "Thank-you letters — %u offices", partners->len),
                             partners->len);
  doc = _rp_document_new (title, rp_practice_get_name (practice));
  logo = _rp_document_load_logo (practice);
  for (guint i = 0; i < partners->len; i++)
    add_letter (doc, store, practice, g_ptr_array_index (partners, i), logo, template_text,
                signature, date, long_date);
  g_clear_pointer (&logo, cairo_surface_destroy);

  return doc;
}
