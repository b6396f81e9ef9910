/* rp-letter.c: short letters (thank-you, loop-closing update) from editable templates.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rp-letter.h"
#include "rp-referral-status.h"

/* Helpers */

static char *
format_long_date (GDate *date)
{
  g_autoptr(GDateTime) when = NULL;

  g_assert (date != NULL && g_date_valid (date));

  when = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                              g_date_get_day (date), 0, 0, 0);

  /* Translators: a long date, "November 27, 2026" (see g_date_time_format()). */
  return g_date_time_format (when, _("%B %-d, %Y"));
}

/* A stored YYYY-MM-DD as a long date; anything else as it is. */
static char *
format_iso_date (const char *text)
{
  GDate date;
  guint year, month, day;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return g_strdup (text != NULL ? text : "");

  year = (guint) g_ascii_strtoull (text, NULL, 10);
  month = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (text + 8, NULL, 10);

  if (year == 0 || year > G_MAXUINT16 || !g_date_valid_dmy (day, month, year))
    return g_strdup (text);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);

  return format_long_date (&date);
}

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

/* How a letter greets the partner: "Dr. López" when there is a title, else the person's name;
 * an office is greeted as a team. */
static char *
dup_salutation_name (RpPartner *partner)
{
  const char *prefix = or_empty (rp_partner_get_prefix (partner));
  const char *first = or_empty (rp_partner_get_first_name (partner));
  const char *last = or_empty (rp_partner_get_last_name (partner));

  if (rp_partner_get_kind (partner) == RP_PARTNER_KIND_PERSON)
    {
      if (*prefix != '\0' && *last != '\0')
        return g_strdup_printf ("%s %s", prefix, last);

      if (*first != '\0' && *last != '\0')
        return g_strdup_printf ("%s %s", first, last);

      if (*first != '\0' || *last != '\0')
        return g_strdup (*last != '\0' ? last : first);
    }

  /* Translators: the greeting of a letter to an office: "Dear Colleagues,". */
  return g_strdup (_("Colleagues"));
}

/* The value of the field @name, or NULL for a field that does not exist. Referral notes,
 * outcome and status reason are deliberately not fields: they are free text where a patient's
 * name could have been typed. */
static char *
dup_field (const char *name,
           RpPartner  *partner,
           RpReferral *referral,
           RpPractice *practice,
           const char *signature,
           GDate      *today)
{
  if (g_str_equal (name, "partner"))
    return g_strdup (partner != NULL ? rp_partner_get_display_name (partner) : "");

  if (g_str_equal (name, "partner_first"))
    return partner != NULL ? dup_salutation_name (partner) : g_strdup ("");

  if (g_str_equal (name, "organization"))
    return g_strdup (partner != NULL ? or_empty (rp_partner_get_organization (partner)) : "");

  if (g_str_equal (name, "referral_date"))
    return referral != NULL ? format_iso_date (rp_referral_get_referred_on (referral))
                            : g_strdup ("");

  if (g_str_equal (name, "reason"))
    {
      const char *reason;

      if (referral == NULL)
        return g_strdup ("");

      reason = or_empty (rp_referral_get_reason (referral));
      if (*reason == '\0')
        reason = or_empty (rp_referral_get_service_line (referral));

      return g_strdup (reason);
    }

  if (g_str_equal (name, "status"))
    return g_strdup (referral != NULL
                     ? rp_referral_status_to_label (rp_referral_get_status (referral))
                     : "");

  if (g_str_equal (name, "practice"))
    return g_strdup (practice != NULL ? or_empty (rp_practice_get_name (practice)) : "");

  if (g_str_equal (name, "practice_phone"))
    return g_strdup (practice != NULL ? or_empty (rp_practice_get_phone (practice)) : "");

  if (g_str_equal (name, "signature"))
    return g_strdup (or_empty (signature));

  if (g_str_equal (name, "today"))
    {
      GDate local_today;

      if (today != NULL && g_date_valid (today))
        return format_long_date (today);

      g_date_clear (&local_today, 1);
      g_date_set_time_t (&local_today, time (NULL));
      return format_long_date (&local_today);
    }

  return NULL;
}

static gboolean
is_field_char (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

/* Line breaks in a mailto body are CRLF (RFC 6068). */
static char *
dup_crlf (const char *text)
{
  GString *result = g_string_sized_new (strlen (text) + 16);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\r' && p[1] == '\n')
        continue;
      if (*p == '\n' || *p == '\r')
        g_string_append (result, "\r\n");
      else
        g_string_append_c (result, *p);
    }

  return g_string_free (result, FALSE);
}

/* Public API */

const char *
rp_letter_default_template (RpLetterKind kind)
{
  switch (kind)
    {
    case RP_LETTER_THANK_YOU:
      /* Translators: the default thank-you letter. Keep the words in braces as they are: they
       * are replaced by the partner's name, the practice's name… */
      return _("Dear {partner_first},\n"
               "\n"
               "Thank you for referring your patient to {practice} on {referral_date}. We "
               "appreciate the trust you place in our team, and we will keep you informed about "
               "their care.\n"
               "\n"
               "If you have any questions, please call us at {practice_phone}.\n"
               "\n"
               "With kind regards,\n"
               "\n"
               "{signature}");

    case RP_LETTER_UPDATE:
      /* Translators: the default update letter that closes a referral's loop. Keep the words
       * in braces as they are. */
      return _("Dear {partner_first},\n"
               "\n"
               "Thank you again for the referral you sent us on {referral_date}. We are writing "
               "to let you know that your patient has been seen at {practice}.\n"
               "\n"
               "Please call us at {practice_phone} with any questions, or if you would like to "
               "discuss their care.\n"
               "\n"
               "With kind regards,\n"
               "\n"
               "{signature}");

    default:
      g_return_val_if_reached ("");
    }
}

char *
rp_letter_dup_subject (RpLetterKind  kind,
                       RpReferral   *referral)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (referral == NULL || RP_IS_REFERRAL (referral), NULL);

  if (referral != NULL && *or_empty (rp_referral_get_referred_on (referral)) != '\0')
    date = format_iso_date (rp_referral_get_referred_on (referral));

  switch (kind)
    {
    case RP_LETTER_THANK_YOU:
      return g_strdup (_("Thank you for your referral"));

    case RP_LETTER_UPDATE:
      if (date != NULL)
        /* Translators: a letter's subject; %s is a long date. */
        return g_strdup_printf (_("Update on your referral of %s"), date);
      return g_strdup (_("Update on your referral"));

    default:
      g_return_val_if_reached (NULL);
    }
}

char *
rp_letter_render (const char *template_text,
                  RpPartner  *partner,
                  RpReferral *referral,
                  RpPractice *practice,
                  const char *signature,
                  GDate      *today)
{
  GString *result;
  const char *p;

  g_return_val_if_fail (template_text != NULL, NULL);
  g_return_val_if_fail (partner == NULL || RP_IS_PARTNER (partner), NULL);
  g_return_val_if_fail (referral == NULL || RP_IS_REFERRAL (referral), NULL);
  g_return_val_if_fail (practice == NULL || RP_IS_PRACTICE (practice), NULL);

  result = g_string_sized_new (strlen (template_text) + 256);
  p = template_text;

  while (*p != '\0')
    {
      const char *open = strchr (p, '{');
      const char *end;

      if (open == NULL)
        {
          g_string_append (result, p);
          break;
        }

      g_string_append_len (result, p, open - p);

      for (end = open + 1; is_field_char (*end); end++)
        ;

      if (*end == '}' && end > open + 1)
        {
          g_autofree char *name = g_strndup (open + 1, end - open - 1);
          g_autofree char *value = dup_field (name, partner, referral, practice, signature, today);

          /* An unknown field stays as typed, so that a typo shows in the preview. */
          if (value != NULL)
            g_string_append (result, value);
          else
            g_string_append_len (result, open, end + 1 - open);

          p = end + 1;
        }
      else
        {
          g_string_append_c (result, '{');
          p = open + 1;
        }
    }

  return g_string_free (result, FALSE);
}

char *
rp_letter_dup_mailto_uri (const char *email,
                          const char *subject,
                          const char *body)
{
  GString *uri = g_string_new ("mailto:");
  char separator = '?';

  if (email != NULL && *email != '\0')
    {
      g_autofree char *address = g_strstrip (g_strdup (email));
      g_autofree char *escaped = g_uri_escape_string (address, "@", FALSE);

      g_string_append (uri, escaped);
    }

  if (subject != NULL && *subject != '\0')
    {
      g_autofree char *escaped = g_uri_escape_string (subject, NULL, FALSE);

      g_string_append_printf (uri, "%csubject=%s", separator, escaped);
      separator = '&';
    }

  if (body != NULL && *body != '\0')
    {
      g_autofree char *crlf = dup_crlf (body);
      g_autofree char *escaped = g_uri_escape_string (crlf, NULL, FALSE);

      g_string_append_printf (uri, "%cbody=%s", separator, escaped);
    }

  return g_string_free (uri, FALSE);
}
