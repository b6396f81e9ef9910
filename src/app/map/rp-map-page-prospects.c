/* rp-map-page-prospects.c: the Map page's "Prospects" layer: providers of the NPI registry that
 * are not partners yet, as orange diamonds (partners are round dots), with their own legend
 * entry and a toggle in the Filters popover. The registry gives no coordinates: a prospect sits
 * at its ZIP code's centre (from the gazetteer), so those of one ZIP code share a marker, which
 * shows how many. Its popover lists them, best first, each with Add to Partners.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-map-page-private.h"
#include "rp-page-util.h"
#include "rp-prospect-item.h"
#include "rp-store-prospects.h"

/* Below this zoom level a state's prospects would bury the partners: the layer waits. */
#define PROSPECTS_MIN_ZOOM 9.0
/* The best this many of the viewport. */
#define PROSPECTS_MAX 300
/* Listed in one marker's popover. */
#define PROSPECTS_LISTED 6
/* How far rp_map_page_show_prospect zooms in. */
#define PROSPECT_ZOOM 13.0

typedef struct
{
  double     lat;
  double     lon;
  GPtrArray *items;  /* RpProspectItem, best first */
} Place;

static void
place_free (Place *place)
{
  g_ptr_array_unref (place->items);
  g_free (place);
}

/* The popover */

static GtkWidget *
new_prospect_row (RpMapPage      *self,
                  RpProspectItem *item)
{
  const RpProspect *p = rp_prospect_item_get_prospect (item);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *name;
  GtkWidget *summary;
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add to Partners"));
  g_autofree char *title = NULL;
  g_autofree char *summary_text = rp_prospect_item_dup_summary (item,
                                                                _rp_map_page_distance_unit (self));
  g_autofree char *add_name = NULL;

  title = *p->credentials != '\0' ? g_strdup_printf ("%s, %s", p->display_name, p->credentials)
                                  : g_strdup (p->display_name);
  name = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 34);
  gtk_widget_add_css_class (name, "heading");
  summary = gtk_label_new (summary_text);
  gtk_label_set_xalign (GTK_LABEL (summary), 0);
  gtk_label_set_wrap (GTK_LABEL (summary), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (summary), 40);
  gtk_widget_add_css_class (summary, "dim-label");
  gtk_widget_add_css_class (summary, "caption");

  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "map.add-prospect");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (add), g_variant_new_int64 (p->id));
  gtk_widget_set_halign (add, GTK_ALIGN_START);
  /* Translators: a button's name for screen readers; %s is a provider. */
  add_name = g_strdup_printf (_("Add %s to partners"), p->display_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, add_name,
                                  -1);

  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), summary);
  gtk_widget_set_margin_top (add, 3);
  gtk_box_append (GTK_BOX (box), add);
  return box;
}

static GtkWidget *
new_prospects_summary (RpMapPage *self,
                       GPtrArray *items)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *heading;
  GtkWidget *note;
  g_autofree char *heading_text = NULL;

  gtk_widget_add_css_class (box, "map-summary");
  heading_text = g_strdup_printf (ngettext ("%u Prospect From the NPI Registry",
                                            "%u Prospects From the NPI Registry", items->len),
                                  items->len);
  heading = gtk_label_new (heading_text);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "title-4");
  gtk_box_append (GTK_BOX (box), heading);

  for (guint i = 0; i < items->len && i < PROSPECTS_LISTED; i++)
    gtk_box_append (GTK_BOX (box), new_prospect_row (self, g_ptr_array_index (items, i)));

  if (items->len > PROSPECTS_LISTED)
    {
      g_autofree char *more = NULL;
      guint n = items->len - PROSPECTS_LISTED;
      GtkWidget *label;

      more = g_strdup_printf (ngettext ("And %u more here, on the Prospects page",
                                        "And %u more here, on the Prospects page", n), n);
      label = gtk_label_new (more);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }

  note = gtk_label_new (_("Shown at the centre of their ZIP code: the registry gives an address, "
                          "not a place."));
  gtk_label_set_xalign (GTK_LABEL (note), 0);
  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (note), 40);
  gtk_widget_add_css_class (note, "dim-label");
  gtk_widget_add_css_class (note, "caption");
  gtk_box_append (GTK_BOX (box), note);
  return box;
}

/* Rings the place and opens the list of its prospects. */
static void
select_place (RpMapPage *self,
              double     lat,
              double     lon,
              GPtrArray *items)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *button = gtk_menu_button_new ();
  g_autofree char *name = NULL;

  _rp_map_page_remove_selection (self);

  gtk_popover_set_child (GTK_POPOVER (popover), new_prospects_summary (self, items));
  gtk_menu_button_set_child (GTK_MENU_BUTTON (button), gtk_box_new (GTK_ORIENTATION_HORIZONTAL,
                                                                   0));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_widget_add_css_class (button, "map-registry-selection");
  name = g_strdup_printf (ngettext ("%u prospect, selected", "%u prospects, selected",
                                    items->len), items->len);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  _rp_map_page_add_selection (self, lat, lon, GTK_MENU_BUTTON (button));
}

static void
prospect_marker_clicked_cb (GtkButton *button,
                            RpMapPage *self)
{
  Place *place = g_object_get_data (G_OBJECT (button), "place");

  if (place != NULL)
    select_place (self, place->lat, place->lon, place->items);
}

/* Markers */

static GtkWidget *
new_prospect_button (RpMapPage *self,
                     Place     *place)
{
  GtkWidget *button = gtk_button_new ();
  g_autofree char *name = NULL;

  gtk_widget_add_css_class (button, "map-registry-prospect");
  if (place->items->len > 1)
    {
      g_autofree char *count = g_strdup_printf ("%u", place->items->len);

      gtk_button_set_label (GTK_BUTTON (button), count);
      gtk_widget_add_css_class (button, "map-registry-group");
      /* Translators: a map marker's tooltip. */
      name = g_strdup_printf (ngettext ("%u prospect from the NPI registry here",
                                        "%u prospects from the NPI registry here",
                                        place->items->len), place->items->len);
    }
  else
    {
      RpProspectItem *item = g_ptr_array_index (place->items, 0);
      const RpProspect *p = rp_prospect_item_get_prospect (item);

      if (*p->taxonomy_label != '\0')
        /* Translators: a map marker's tooltip, "Ada Stone — Cardiology, from the NPI registry". */
        name = g_strdup_printf (_("%s — %s, from the NPI registry"), p->display_name,
                                p->taxonomy_label);
      else
        name = g_strdup_printf (_("%s, from the NPI registry"), p->display_name);
    }
  gtk_widget_set_tooltip_text (button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "place", place, (GDestroyNotify) place_free);
  g_signal_connect (button, "clicked", G_CALLBACK (prospect_marker_clicked_cb), self);
  return button;
}

/* The prospects of @rows grouped by place, in their order (best first). */
static GPtrArray *
group_by_place (GPtrArray *rows)
{
  GPtrArray *places = g_ptr_array_new ();
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      RpProspect *p = g_ptr_array_index (rows, i);
      g_autofree char *key = g_strdup_printf ("%.5f,%.5f", p->lat, p->lon);
      Place *place = g_hash_table_lookup (by_key, key);

      if (place == NULL)
        {
          place = g_new0 (Place, 1);
          place->lat = p->lat;
          place->lon = p->lon;
          place->items = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (by_key, g_steal_pointer (&key), place);
          g_ptr_array_add (places, place);
        }
      g_ptr_array_add (place->items, rp_prospect_item_new (p));
    }
  /* The items took the rows. */
  g_ptr_array_set_free_func (rows, NULL);
  return places;
}

void
_rp_map_page_query_prospects (RpMapPage      *self,
                              const RpGeoBox *box)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) places = NULL;
  g_autoptr(GError) error = NULL;

  shumate_marker_layer_remove_all (self->prospect_layer);
  if (!self->show_prospects ||
      shumate_viewport_get_zoom_level (self->viewport) < PROSPECTS_MIN_ZOOM)
    return;

  rows = rp_store_list_prospects_in_box (self->store, box, PROSPECTS_MAX, &error);
  if (rows == NULL)
    {
      g_warning ("Cannot query the map's prospects: %s", error->message);
      return;
    }
  places = group_by_place (rows);
  /* The best last, so that they are drawn on top. */
  for (guint i = places->len; i > 0; i--)
    {
      Place *place = g_ptr_array_index (places, i - 1);

      shumate_marker_layer_add_marker (self->prospect_layer,
                                       _rp_map_page_new_marker (place->lat, place->lon,
                                                                new_prospect_button (self,
                                                                                     place)));
    }
}

/* The layer toggle and the legend */

static void
prospects_toggled_cb (RpMapPage *self)
{
  self->show_prospects = gtk_check_button_get_active (self->prospects_check);
  gtk_widget_set_visible (self->prospect_legend, self->show_prospects);
  _rp_map_page_schedule_query (self);
}

static GtkWidget *
new_legend_entry (void)
{
  GtkWidget *entry = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *key = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *diamond = g_object_new (GTK_TYPE_BOX, "accessible-role",
                                     GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
  GtkWidget *label = gtk_label_new (_("Registry prospect"));

  gtk_widget_add_css_class (entry, "map-legend-entry");
  gtk_widget_add_css_class (key, "map-legend-key");
  gtk_widget_set_halign (key, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (key, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (diamond, "map-legend-diamond");
  gtk_widget_set_halign (diamond, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (diamond, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Orange diamonds: prospects from the NPI registry, not yet "
                                    "partners"), -1);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (key), diamond);
  gtk_box_append (GTK_BOX (entry), key);
  gtk_box_append (GTK_BOX (entry), label);
  return entry;
}

void
_rp_map_page_init_prospects (RpMapPage *self)
{
  self->prospect_layer = shumate_marker_layer_new (self->viewport);
  gtk_widget_set_name (GTK_WIDGET (self->prospect_layer), "prospect-markers");
  shumate_map_insert_layer_behind (self->map, SHUMATE_LAYER (self->prospect_layer),
                                   SHUMATE_LAYER (self->marker_layer));

  self->prospect_legend = new_legend_entry ();
  gtk_grid_attach (GTK_GRID (self->legend), self->prospect_legend, 0, 3, 2, 1);
  self->show_prospects = gtk_check_button_get_active (self->prospects_check);
  gtk_widget_set_visible (self->prospect_legend, self->show_prospects);
}

/* Actions */

static void
add_prospect_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RpMapPage *self = RP_MAP_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(RpProspect) prospect = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;
  gint64 partner_id = 0;

  prospect = rp_store_get_prospect (self->store, id, &error);
  if (prospect != NULL)
    /* Tier C and status Prospect: a first step; the partner's pane changes both. */
    partner_id = rp_store_add_prospect_as_partner (self->store, id, RP_TIER_C,
                                                   RP_PARTNER_STATUS_PROSPECT, &error);
  if (prospect == NULL || partner_id <= 0)
    {
      _rp_map_page_show_error_toast (self, error->message);
      return;
    }

  if (self->selection_button != NULL)
    gtk_menu_button_popdown (self->selection_button);
  /* Translators: a toast; %s is the provider just added. */
  message = g_strdup_printf (_("%s is now a partner"), prospect->display_name);
  toast = adw_toast_new (message);
  if (rp_page_has_window_action (widget, "show-partner"))
    {
      adw_toast_set_button_label (toast, _("_Open"));
      adw_toast_set_action_name (toast, "win.show-partner");
      adw_toast_set_action_target_value (toast, g_variant_new_int64 (partner_id));
    }
  rp_page_add_toast (widget, toast);
  _rp_map_page_schedule_query (self);
}

void
_rp_map_page_class_prospects_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, RpMapPage, prospects_check);
  gtk_widget_class_bind_template_callback (widget_class, prospects_toggled_cb);
  gtk_widget_class_install_action (widget_class, "map.add-prospect", "x",
                                   add_prospect_activated);
}

/* Public */

void
rp_map_page_show_prospect (RpMapPage *self,
                           gint64     prospect_id)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) places = NULL;
  g_autoptr(GError) error = NULL;
  double lat, lon;

  g_return_if_fail (RP_IS_MAP_PAGE (self));

  if (!rp_store_locate_prospect (self->store, prospect_id, &lat, &lon, &error))
    {
      _rp_map_page_show_error_toast (self, error->message);
      return;
    }

  self->placed_view = TRUE;
  _rp_map_page_leave_place_mode (self);
  gtk_check_button_set_active (self->prospects_check, TRUE);
  shumate_viewport_set_zoom_level (self->viewport,
                                   MAX (shumate_viewport_get_zoom_level (self->viewport),
                                        PROSPECT_ZOOM));
  shumate_map_center_on (self->map, lat, lon);

  /* Those at the same place, this one first even when it was decided already. */
  rows = rp_store_list_prospects_in_box (self->store,
                                         &(RpGeoBox) { lat - 1e-6, lat + 1e-6, lon - 1e-6,
                                                       lon + 1e-6 },
                                         PROSPECTS_MAX, &error);
  if (rows == NULL)
    {
      _rp_map_page_show_error_toast (self, error->message);
      return;
    }
  for (guint i = 0; i < rows->len; i++)
    if (((RpProspect *) g_ptr_array_index (rows, i))->id == prospect_id)
      {
        g_ptr_array_remove_index (rows, i);
        break;
      }
  {
    RpProspect *p = rp_store_get_prospect (self->store, prospect_id, &error);

    if (p == NULL)
      {
        _rp_map_page_show_error_toast (self, error->message);
        return;
      }
    p->lat = lat;
    p->lon = lon;
    g_ptr_array_insert (rows, 0, p);
  }
  places = group_by_place (rows);
  for (guint i = 0; i < places->len; i++)
    {
      Place *place = g_ptr_array_index (places, i);

      if (i == 0)
        select_place (self, lat, lon, place->items);
      place_free (place);
    }
}
