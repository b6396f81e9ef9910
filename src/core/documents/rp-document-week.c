/* rp-document-week.c: the week plan (each day's visits in driving order with the legs, phone
 * and office contact) and printed target lists.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "rp-document-private.h"
#include "rp-geo.h"
#include "rp-route.h"
#include "rp-store-partners.h"
#include "rp-store-target-lists.h"
#include "rp-store-visits.h"

static GDate *
parse_day (const char *day)
{
  int y, m, d;

  if (day == NULL || sscanf (day, "%d-%d-%d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return NULL;
  return g_date_new_dmy (d, m, y);
}

static char *
format_day (const GDate *date,
            const char  *format)
{
  char buffer[128];

  if (g_date_strftime (buffer, sizeof buffer, format, date) == 0)
    return g_strdup ("");
  return g_strdup (buffer);
}

static char *
partner_contact (RpPartner *partner)
{
  g_autoptr(GString) text = g_string_new (rp_partner_get_phone (partner));

  if (*rp_partner_get_office_contact (partner) != '\0')
    g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "",
                            rp_partner_get_office_contact (partner));
  return g_strdup (text->str);
}

static void
add_day (RpDocument     *doc,
         RpStore        *store,
         RpPractice     *practice,
         const GDate    *date,
         GPtrArray      *visits,
         RpDistanceUnit  unit)
{
  RpLocation *origin = rp_practice_get_origin (practice);
  static const double widths[] = { 0.06, 0.30, 0.28, 0.22, 0.14 };
  const char *header[] = {
    "#", _("Partner"), _("Address"), _("Phone and contact"), _("Leg"),
  };
  gboolean has_prev = origin != NULL && rp_location_get_has_coordinates (origin);
  RpGeoPoint prev = { 0, };
  double total = 0;
  gboolean all_placed = TRUE;
  g_autofree char *title = format_day (date, _("%A, %B %-d"));
  guint n = 0;
  RpBlock *block;

  if (has_prev)
    {
      prev.lat = rp_location_get_latitude (origin);
      prev.lon = rp_location_get_longitude (origin);
    }

  _rp_document_add_heading (doc, RP_TEXT_H2, title);
  for (guint i = 0; i < visits->len; i++)
    {
      RpPlannedVisit *visit = g_ptr_array_index (visits, i);
      g_autoptr(RpPartner) partner = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *number = NULL;
      g_autofree char *who = NULL;
      g_autofree char *address = NULL;
      g_autofree char *contact = NULL;
      g_autofree char *leg = NULL;
      const char *cells[5];

      if (g_strcmp0 (rp_planned_visit_get_planned_on (visit), "") == 0)
        continue;
      {
        g_autofree char *iso = format_day (date, "%Y-%m-%d");

        if (g_strcmp0 (rp_planned_visit_get_planned_on (visit), iso) != 0)
          continue;
      }

      partner = rp_store_get_partner (store, rp_planned_visit_get_partner_id (visit), &error);
      if (partner == NULL)
        continue;

      if (n == 0)
        _rp_document_add_row (doc, TRUE, 5, widths, header);
      n++;

      if (rp_partner_get_has_location (partner))
        {
          RpGeoPoint here = { rp_partner_get_latitude (partner),
                              rp_partner_get_longitude (partner) };

          if (has_prev)
            {
              double km = rp_geo_distance_km (prev, here);

              total += km;
              leg = rp_distance_format (km, unit);
            }
          else
            all_placed = FALSE;
          prev = here;
          has_prev = TRUE;
        }
      else
        {
          all_placed = FALSE;
          has_prev = FALSE;
        }

      number = g_strdup_printf ("%u", n);
      if (*rp_partner_get_organization (partner) != '\0'
          && g_strcmp0 (rp_partner_get_organization (partner),
                        rp_partner_get_display_name (partner)) != 0)
        who = g_strdup_printf ("%s\n%s", rp_partner_get_display_name (partner),
                               rp_partner_get_organization (partner));
      else
        who = g_strdup (rp_partner_get_display_name (partner));
      if (*rp_planned_visit_get_objective (visit) != '\0')
        {
          char *with = g_strdup_printf ("%s\n%s", who, rp_planned_visit_get_objective (visit));

          g_free (who);
          who = with;
        }
      address = rp_partner_dup_address_line (partner);
      contact = partner_contact (partner);
      cells[0] = number;
      cells[1] = who;
      cells[2] = address;
      cells[3] = contact;
      cells[4] = leg != NULL ? leg : "—";
      block = _rp_document_add_row (doc, FALSE, 5, widths, cells);
      block->accent = TRUE;  /* the partner's name in bold */
    }

  if (n == 0)
    {
      block = _rp_document_add_text (doc, RP_TEXT_SANS, _("No visits planned."));
      block->style = RP_TEXT_SMALL;
      return;
    }

  {
    g_autofree char *distance = rp_distance_format (total, unit);
    g_autofree char *line = NULL;

    if (all_placed)
      /* Translators: under a day of the printed week plan */
      line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u visit · %s driving",
                                           "%u visits · %s driving", n), n, distance);
    else
      line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u visit · %s driving between the placed stops",
                                           "%u visits · %s driving between the placed stops",
                                           n), n, distance);
    block = _rp_document_add_text (doc, RP_TEXT_SANS_BOLD, line);
    block->align = PANGO_ALIGN_RIGHT;
    block->space_before = 4.0;
    block->space_after = 6.0;
  }
}

RpDocument *
rp_document_new_week_plan (RpStore     *store,
                           RpPractice  *practice,
                           const char  *monday,
                           GError     **error)
{
  g_autoptr(GPtrArray) visits = NULL;
  g_autofree GDate *first = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *title = NULL;
  g_autofree char *footer = NULL;
  g_autofree char *week = NULL;
  RpDistanceUnit unit = rp_distance_unit_from_string ("auto");
  RpDocument *doc;
  GDate day;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (RP_IS_PRACTICE (practice), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  first = parse_day (monday);
  if (first == NULL)
    {
      g_set_error (error, RP_DOCUMENT_ERROR, RP_DOCUMENT_ERROR_FAILED,
                   _("“%s” is not a date"), monday != NULL ? monday : "");
      return NULL;
    }

  from = format_day (first, "%Y-%m-%d");
  day = *first;
  g_date_add_days (&day, 4);
  to = format_day (&day, "%Y-%m-%d");
  visits = rp_store_list_visits_between (store, from, to, FALSE, error);
  if (visits == NULL)
    return NULL;
  if (visits->len == 0)
    {
      g_set_error (error, RP_DOCUMENT_ERROR, RP_DOCUMENT_ERROR_EMPTY,
                   _("No visits are planned that week"));
      return NULL;
    }

  week = format_day (first, _("%B %-d, %Y"));
  /* Translators: the title of the printed week plan; %s is a date */
  title = g_strdup_printf (_("Visits for the week of %s"), week);
  footer = g_strdup_printf ("%s  ·  %s", rp_practice_get_name (practice), title);
  doc = _rp_document_new (title, rp_practice_get_name (practice));
  _rp_document_add_section (doc, footer);
  {
    RpBlock *block = _rp_document_add_text (doc, RP_TEXT_LABEL, rp_practice_get_name (practice));

    block->accent = TRUE;
    block->space_after = 4.0;
  }
  _rp_document_add_heading (doc, RP_TEXT_H1, title);

  day = *first;
  for (guint i = 0; i < 5; i++)
    {
      add_day (doc, store, practice, &day, visits, unit);
      g_date_add_days (&day, 1);
    }

  return doc;
}

RpDocument *
rp_document_new_target_list (RpStore     *store,
                             RpPractice  *practice,
                             gint64       list_id,
                             GError     **error)
{
  g_autoptr(GPtrArray) lists = NULL;
  g_autoptr(GArray) members = NULL;
  g_autofree char *title = NULL;
  g_autofree char *footer = NULL;
  const char *name = NULL;
  static const double widths[] = { 0.06, 0.24, 0.18, 0.29, 0.16, 0.07 };
  const char *header[] = {
    "#", _("Name"), _("Specialty"), _("Address"), _("Phone"), _("Tier"),
  };
  RpDocument *doc;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (RP_IS_PRACTICE (practice), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  lists = rp_store_list_target_lists (store, error);
  if (lists == NULL)
    return NULL;
  for (guint i = 0; i < lists->len; i++)
    {
      RpTargetListInfo *info = g_ptr_array_index (lists, i);

      if (info->id == list_id)
        name = info->name;
    }
  if (name == NULL)
    {
      g_set_error (error, RP_DOCUMENT_ERROR, RP_DOCUMENT_ERROR_EMPTY,
                   _("The target list no longer exists"));
      return NULL;
    }

  members = rp_store_list_target_members (store, list_id, error);
  if (members == NULL)
    return NULL;
  if (members->len == 0)
    {
      g_set_error (error, RP_DOCUMENT_ERROR, RP_DOCUMENT_ERROR_EMPTY,
                   _("The target list has no members"));
      return NULL;
    }

  /* Translators: the title of a printed target list; %s is its name */
  title = g_strdup_printf (_("Target list — %s"), name);
  footer = g_strdup_printf ("%s  ·  %s", rp_practice_get_name (practice), title);
  doc = _rp_document_new (title, rp_practice_get_name (practice));
  _rp_document_add_section (doc, footer);
  {
    RpBlock *block = _rp_document_add_text (doc, RP_TEXT_LABEL, _("Target list"));

    block->accent = TRUE;
    block->space_after = 4.0;
  }
  _rp_document_add_heading (doc, RP_TEXT_H1, name);
  _rp_document_add_row (doc, TRUE, 6, widths, header);

  for (guint i = 0; i < members->len; i++)
    {
      g_autoptr(RpPartner) partner = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *rank = g_strdup_printf ("%u", i + 1);
      g_autofree char *address = NULL;
      const char *cells[6];
      RpBlock *block;

      partner = rp_store_get_partner (store, g_array_index (members, gint64, i), &local_error);
      if (partner == NULL)
        continue;
      address = rp_partner_dup_address_line (partner);
      cells[0] = rank;
      cells[1] = rp_partner_get_display_name (partner);
      cells[2] = rp_partner_get_specialty_label (partner);
      cells[3] = address;
      cells[4] = rp_partner_get_phone (partner);
      cells[5] = rp_tier_to_label (rp_partner_get_tier (partner));
      block = _rp_document_add_row (doc, FALSE, 6, widths, cells);
      block->accent = TRUE;
    }

  return doc;
}
