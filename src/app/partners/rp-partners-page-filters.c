/* rp-partners-page-filters.c: the filter popover and chips, and the search.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-page-util.h"
#include "rp-partner-list.h"
#include "rp-partners-page-private.h"
#include "rp-store-partners.h"

/* What a chip of the filter bar removes. */
typedef enum
{
  CHIP_TIER,
  CHIP_STATUS,
  CHIP_SPECIALTY,
  CHIP_ARCHIVED,
  CHIP_DISTANCE,
  CHIP_TARGET_LIST,
  CHIP_FEEDBACK,
  CHIP_CITY,
} ChipKind;

/* Filters */

static void
rebuild_specialty_filter (RpPartnersPage *self)
{
  const RpPartnerFilter *filter = rp_partner_list_get_filter (self->list);
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) counts = NULL;
  g_autoptr(GError) error = NULL;
  guint selected = 0;

  counts = rp_store_list_specialties (self->store, &error);
  if (counts == NULL)
    g_debug ("Cannot list the specialties: %s", error->message);

  g_ptr_array_set_size (self->specialty_codes, 0);
  g_ptr_array_add (self->specialty_codes, g_strdup (""));
  gtk_string_list_append (model, _("Any Specialty"));

  for (guint i = 0; counts != NULL && i < counts->len; i++)
    {
      RpSpecialtyCount *count = g_ptr_array_index (counts, i);
      g_autofree char *item = NULL;

      if (is_empty (count->code))
        continue;

      /* Translators: a specialty and how many partners have it, "Neurology (4)". */
      item = g_strdup_printf (_("%s (%u)"),
                              _rp_partners_page_specialty_display_label (count->code,
                                                                         count->label),
                              count->count);
      gtk_string_list_append (model, item);
      g_ptr_array_add (self->specialty_codes, g_strdup (count->code));

      if (g_strcmp0 (count->code, filter->specialty_code) == 0)
        selected = self->specialty_codes->len - 1;
    }

  /* A filter on a specialty nobody has any more stays visible, so it can be removed. */
  if (!is_empty (filter->specialty_code) && selected == 0)
    {
      gtk_string_list_append (model,
                              _rp_partners_page_specialty_display_label (filter->specialty_code,
                                                                         filter->specialty_code));
      g_ptr_array_add (self->specialty_codes, g_strdup (filter->specialty_code));
      selected = self->specialty_codes->len - 1;
    }

  self->updating_filters = TRUE;
  gtk_drop_down_set_model (self->specialty_dropdown, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (self->specialty_dropdown, selected);
  self->updating_filters = FALSE;
}

/* Until the filter popover is first opened, "Any Specialty" is all the filter needs: asking the
 * store which specialties are in use (a GROUP BY over every partner) waits until then, so that
 * start-up does not pay for it. */
void
_rp_partners_page_init_specialty_filter (RpPartnersPage *self)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  g_ptr_array_set_size (self->specialty_codes, 0);
  g_ptr_array_add (self->specialty_codes, g_strdup (""));
  gtk_string_list_append (model, _("Any Specialty"));

  self->updating_filters = TRUE;
  gtk_drop_down_set_model (self->specialty_dropdown, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (self->specialty_dropdown, 0);
  self->updating_filters = FALSE;
}

/* The tier and specialty drop-downs show the filter set without them (by a click-through). */
void
_rp_partners_page_sync_filter_controls (RpPartnersPage *self)
{
  const RpPartnerFilter *filter = rp_partner_list_get_filter (self->list);

  self->updating_filters = TRUE;
  gtk_drop_down_set_selected (self->tier_dropdown, filter->any_tier ? 0 : filter->tier + 1);
  self->updating_filters = FALSE;
  rebuild_specialty_filter (self);
}

static void
chip_clicked_cb (GtkButton      *button,
                 RpPartnersPage *self)
{
  ChipKind kind = rp_page_get_filter_chip_kind (button);

  switch (kind)
    {
    case CHIP_TIER:
      gtk_drop_down_set_selected (self->tier_dropdown, 0);
      break;
    case CHIP_STATUS:
      gtk_drop_down_set_selected (self->status_dropdown, 0);
      break;
    case CHIP_SPECIALTY:
      gtk_drop_down_set_selected (self->specialty_dropdown, 0);
      break;
    case CHIP_ARCHIVED:
      gtk_switch_set_active (self->archived_switch, FALSE);
      break;
    case CHIP_DISTANCE:
      gtk_drop_down_set_selected (self->within_dropdown, 0);
      break;
    case CHIP_TARGET_LIST:
      rp_partners_page_show_target_list (self, 0, NULL);
      break;
    case CHIP_FEEDBACK:
      rp_partners_page_show_query (self, "");
      break;
    case CHIP_CITY:
      {
        g_autoptr(RpPartnerFilter) filter = NULL;

        filter = rp_partner_filter_copy (rp_partner_list_get_filter (self->list));
        g_clear_pointer (&filter->city, g_free);
        _rp_partners_page_set_filter (self, filter);
        _rp_partners_page_update_filter_bar (self);
      }
      break;
    default:
      g_assert_not_reached ();
    }

  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
add_chip (RpPartnersPage *self,
          ChipKind        kind,
          const char     *text)
{
  rp_page_add_filter_chip (self->filter_chips, text, kind, G_CALLBACK (chip_clicked_cb), self);
}

void
_rp_partners_page_update_filter_bar (RpPartnersPage *self)
{
  const RpPartnerFilter *filter = rp_partner_list_get_filter (self->list);
  guint n_active = 0;

  rp_page_remove_all (self->filter_chips);

  if (filter->archived)
    {
      add_chip (self, CHIP_ARCHIVED, _("Archived"));
      n_active++;
    }

  if (!filter->any_tier)
    {
      g_autofree char *text = g_strdup_printf (_("Tier %s"), rp_tier_to_label (filter->tier));

      add_chip (self, CHIP_TIER, text);
      n_active++;
    }

  if (!filter->any_status)
    {
      add_chip (self, CHIP_STATUS, rp_partner_status_to_label (filter->status));
      n_active++;
    }

  if (!is_empty (filter->specialty_code))
    {
      add_chip (self, CHIP_SPECIALTY,
                _rp_partners_page_specialty_display_label (filter->specialty_code,
                                                           filter->specialty_code));
      n_active++;
    }

  if (filter->has_origin && filter->within_km > 0)
    {
      guint within = gtk_drop_down_get_selected (self->within_dropdown);
      g_autofree char *distance = rp_page_within_label (within, self->distance_unit);
      /* Translators: a filter chip, "Within 10 mi" (of the practice). */
      g_autofree char *text = g_strdup_printf (_("Within %s"), distance);

      add_chip (self, CHIP_DISTANCE, text);
      n_active++;
    }

  if (filter->target_list_id != 0)
    {
      /* Translators: a filter chip: the page shows the members of this target list. */
      g_autofree char *text = g_strdup_printf (_("Target list: %s"),
                                               self->target_list_name != NULL
                                               ? self->target_list_name : "");

      add_chip (self, CHIP_TARGET_LIST, text);
      n_active++;
    }

  if (!is_empty (filter->city))
    {
      /* Translators: a filter chip: the partners in one city */
      g_autofree char *text = g_strdup_printf (_("City: %s"), filter->city);

      add_chip (self, CHIP_CITY, text);
      n_active++;
    }

  if (filter->feedback_from != NULL || filter->referred_from != NULL)
    {
      add_chip (self, CHIP_FEEDBACK, self->feedback_label != NULL ? self->feedback_label : "");
      n_active++;
    }

  rp_page_show_filter_count (self->filter_button, self->filter_revealer, n_active);
}

static void
filter_changed_cb (RpPartnersPage *self)
{
  g_autoptr(RpPartnerFilter) filter = NULL;
  guint tier;
  guint status;
  guint specialty;
  guint within;

  if (self->updating_filters || self->list == NULL)
    return;

  filter = rp_partner_filter_copy (rp_partner_list_get_filter (self->list));

  tier = gtk_drop_down_get_selected (self->tier_dropdown);
  filter->any_tier = tier == 0 || tier == GTK_INVALID_LIST_POSITION;
  filter->tier = filter->any_tier ? RP_TIER_A : (RpTier) (tier - 1);

  status = gtk_drop_down_get_selected (self->status_dropdown);
  filter->any_status = status == 0 || status == GTK_INVALID_LIST_POSITION;
  filter->status = filter->any_status ? RP_PARTNER_STATUS_PROSPECT : (RpPartnerStatus) (status - 1);

  specialty = gtk_drop_down_get_selected (self->specialty_dropdown);
  g_free (filter->specialty_code);
  filter->specialty_code = specialty < self->specialty_codes->len
                           ? g_strdup (g_ptr_array_index (self->specialty_codes, specialty))
                           : NULL;

  filter->archived = gtk_switch_get_active (self->archived_switch);

  within = gtk_drop_down_get_selected (self->within_dropdown);
  filter->has_origin = self->has_origin;
  filter->origin_lat = self->has_origin ? self->origin_lat : 0.0;
  filter->origin_lon = self->has_origin ? self->origin_lon : 0.0;
  filter->within_km = self->has_origin ? rp_page_within_km (within, self->distance_unit) : 0.0;

  g_free (filter->search);
  filter->search = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  _rp_partners_page_set_filter (self, filter);
  _rp_partners_page_update_filter_bar (self);
}

static void
filter_popover_show_cb (RpPartnersPage *self)
{
  rebuild_specialty_filter (self);
}

void
_rp_partners_page_clear_filters (RpPartnersPage *self)
{
  self->updating_filters = TRUE;
  gtk_drop_down_set_selected (self->tier_dropdown, 0);
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->specialty_dropdown, 0);
  gtk_switch_set_active (self->archived_switch, FALSE);
  gtk_drop_down_set_selected (self->within_dropdown, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  self->updating_filters = FALSE;

  /* A target list and feedback are filters too. */
  if (rp_partner_list_get_filter (self->list)->target_list_id != 0 ||
      rp_partner_list_get_filter (self->list)->feedback_from != NULL ||
      rp_partner_list_get_filter (self->list)->referred_from != NULL ||
      !is_empty (rp_partner_list_get_filter (self->list)->city))
    {
      g_autoptr(RpPartnerFilter) filter = NULL;

      filter = rp_partner_filter_copy (rp_partner_list_get_filter (self->list));
      filter->target_list_id = 0;
      g_clear_pointer (&self->target_list_name, g_free);
      g_clear_pointer (&filter->feedback_from, g_free);
      g_clear_pointer (&filter->feedback_to, g_free);
      filter->feedback_topic = 0;
      g_clear_pointer (&filter->referred_from, g_free);
      g_clear_pointer (&filter->referred_to, g_free);
      filter->referred_direction = 0;
      g_clear_pointer (&filter->city, g_free);
      g_clear_pointer (&self->feedback_label, g_free);
      _rp_partners_page_set_filter (self, filter);
    }

  filter_changed_cb (self);
}

void
_rp_partners_page_update_within_filter (RpPartnersPage *self)
{
  self->updating_filters = TRUE;
  rp_page_fill_within (self->within_dropdown, self->distance_unit, self->has_origin);
  self->updating_filters = FALSE;

  /* The same choice in another unit, or no origin any more: a new distance. */
  filter_changed_cb (self);
}

/* Search */

static void
search_changed_cb (RpPartnersPage *self)
{
  g_autoptr(RpPartnerFilter) filter = NULL;

  if (self->updating_filters || self->list == NULL)
    return;

  filter = rp_partner_filter_copy (rp_partner_list_get_filter (self->list));
  g_free (filter->search);
  filter->search = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  _rp_partners_page_set_filter (self, filter);
}

/* Enter in the search entry goes to the first match of what is typed. The entry reports a
 * change only after a pause (search-changed); Enter typed sooner must not act on the list of
 * the query before, so the search is brought up to date first. */
static void
search_activate_cb (RpPartnersPage *self)
{
  search_changed_cb (self);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->list)) == 0)
    return;

  gtk_single_selection_set_selected (self->selection, 0);
  _rp_partners_page_scroll_to_position (self, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
stop_search_cb (RpPartnersPage *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

void
_rp_partners_page_class_filters_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_popover_show_cb);
}
