/* rp-map-page-filters.c: the Map page's Filters popover: search, tier, status, specialty,
 * distance from the practice, archived partners, and whether the legend shows.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-location.h"
#include "rp-map-page-private.h"
#include "rp-page-util.h"
#include "rp-specialties.h"
#include "rp-store-partners.h"

/* Whether the user hid the legend: remembered for the session, for every window's map. */
static gboolean legend_hidden = FALSE;

/* Filters */

static const char *
specialty_display_label (const char *code,
                         const char *label)
{
  const RpSpecialty *specialty = code != NULL && *code != '\0' ? rp_specialties_lookup (code)
                                                                : NULL;

  if (specialty != NULL)
    return rp_specialty_get_display_label (specialty);

  return label != NULL ? label : "";
}

/* The specialty dropdown: "Any Specialty" and, once the popover has been opened, the
 * specialties in use (a GROUP BY over every partner, so it waits until it is wanted). */
void
_rp_map_page_fill_specialty_filter (RpMapPage *self,
                                    gboolean   with_counts)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) counts = NULL;
  g_autoptr(GError) error = NULL;
  const char *current = self->filter->specialty_code;
  guint selected = 0;

  if (with_counts)
    {
      counts = rp_store_list_specialties (self->store, &error);
      if (counts == NULL)
        g_debug ("Cannot list the specialties: %s", error->message);
    }

  g_ptr_array_set_size (self->specialty_codes, 0);
  g_ptr_array_add (self->specialty_codes, g_strdup (""));
  gtk_string_list_append (model, _("Any Specialty"));

  for (guint i = 0; counts != NULL && i < counts->len; i++)
    {
      RpSpecialtyCount *count = g_ptr_array_index (counts, i);
      g_autofree char *item = NULL;

      if (count->code == NULL || *count->code == '\0')
        continue;

      /* Translators: a specialty and how many partners have it, "Neurology (4)". */
      item = g_strdup_printf (_("%s (%u)"), specialty_display_label (count->code, count->label),
                              count->count);
      gtk_string_list_append (model, item);
      g_ptr_array_add (self->specialty_codes, g_strdup (count->code));
      if (g_strcmp0 (count->code, current) == 0)
        selected = self->specialty_codes->len - 1;
    }

  /* A filter on a specialty nobody has any more stays visible, so it can be removed. */
  if (current != NULL && *current != '\0' && selected == 0)
    {
      gtk_string_list_append (model, specialty_display_label (current, current));
      g_ptr_array_add (self->specialty_codes, g_strdup (current));
      selected = self->specialty_codes->len - 1;
    }

  self->updating_filters = TRUE;
  gtk_drop_down_set_model (self->specialty_dropdown, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (self->specialty_dropdown, selected);
  self->updating_filters = FALSE;
}

/* The legend: shown unless the user hid it from the Filters popover. */
static void
legend_toggled_cb (RpMapPage *self)
{
  legend_hidden = !gtk_check_button_get_active (self->legend_check);
  gtk_revealer_set_reveal_child (self->legend_revealer, !legend_hidden);
}

static void
filter_popover_show_cb (RpMapPage *self)
{
  _rp_map_page_fill_specialty_filter (self, TRUE);
}

/* "Filters (2)" and an accent while any filter is on, as on the Partners page. */
static void
update_filter_button (RpMapPage *self)
{
  guint n_active = 0;

  n_active += self->filter->any_tier ? 0 : 1;
  n_active += self->filter->any_status ? 0 : 1;
  n_active += self->filter->specialty_code != NULL && *self->filter->specialty_code != '\0';
  n_active += self->filter->has_origin && self->filter->within_km > 0.0;
  n_active += self->filter->archived ? 1 : 0;

  rp_page_show_filter_count (self->filter_button, NULL, n_active);
}

static void
filter_changed_cb (RpMapPage *self)
{
  guint tier = gtk_drop_down_get_selected (self->tier_dropdown);
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  guint specialty = gtk_drop_down_get_selected (self->specialty_dropdown);
  guint within = gtk_drop_down_get_selected (self->within_dropdown);

  if (self->updating_filters)
    return;

  self->filter->any_tier = tier == 0 || tier == GTK_INVALID_LIST_POSITION;
  self->filter->tier = self->filter->any_tier ? RP_TIER_A : (RpTier) (tier - 1);
  self->filter->any_status = status == 0 || status == GTK_INVALID_LIST_POSITION;
  self->filter->status = self->filter->any_status ? RP_PARTNER_STATUS_PROSPECT
                                                  : (RpPartnerStatus) (status - 1);
  g_free (self->filter->specialty_code);
  self->filter->specialty_code = specialty < self->specialty_codes->len
                                 ? g_strdup (g_ptr_array_index (self->specialty_codes, specialty))
                                 : NULL;
  self->filter->archived = gtk_switch_get_active (self->archived_switch);
  self->filter->has_origin = self->has_origin;
  self->filter->origin_lat = self->has_origin ? self->origin_lat : 0.0;
  self->filter->origin_lon = self->has_origin ? self->origin_lon : 0.0;
  self->filter->within_km = self->has_origin
                            ? rp_page_within_km (within, _rp_map_page_distance_unit (self))
                            : 0.0;
  g_free (self->filter->search);
  self->filter->search = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  update_filter_button (self);

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      _rp_map_page_update_unplaced (self);
      _rp_map_page_schedule_query (self);
    }
  else
    self->stale = TRUE;
}

static void
clear_filters_cb (RpMapPage *self)
{
  self->updating_filters = TRUE;
  gtk_drop_down_set_selected (self->tier_dropdown, 0);
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->specialty_dropdown, 0);
  gtk_drop_down_set_selected (self->within_dropdown, 0);
  gtk_switch_set_active (self->archived_switch, FALSE);
  self->updating_filters = FALSE;

  filter_changed_cb (self);
}

/* The "Within" filter's choices in the distance unit, from the practice's location (read again
 * when the practice or the unit changes); a new origin or unit is a new filter. */
void
_rp_map_page_update_within_filter (RpMapPage *self)
{
  g_autoptr(RpLocation) origin = _rp_map_page_dup_origin (self);

  self->has_origin = origin != NULL;
  self->origin_lat = origin != NULL ? rp_location_get_latitude (origin) : 0.0;
  self->origin_lon = origin != NULL ? rp_location_get_longitude (origin) : 0.0;

  self->updating_filters = TRUE;
  rp_page_fill_within (self->within_dropdown, _rp_map_page_distance_unit (self),
                       self->has_origin);
  self->updating_filters = FALSE;

  filter_changed_cb (self);
}

void
_rp_map_page_init_legend (RpMapPage *self)
{
  gtk_check_button_set_active (self->legend_check, !legend_hidden);
  legend_toggled_cb (self);
}

void
_rp_map_page_class_filters_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_filters_cb);
  gtk_widget_class_bind_template_callback (widget_class, legend_toggled_cb);
}
