/* rp-partners-page.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-page-util.h"
#include "rp-partner-detail.h"
#include "rp-partner-list.h"
#include "rp-partners-page-private.h"
#include "rp-specialties.h"
#include "rp-store-partners.h"
#include "rp-store-practice.h"
#include "rp-type-to-search.h"

G_DEFINE_FINAL_TYPE (RpPartnersPage, rp_partners_page, ADW_TYPE_BIN)

#define RESOURCE_PATH "/io/github/rapport/Rapport/ui/rp-partners-page.ui"

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_SELECTED_PARTNER_ID,
  PROP_DISTANCE_UNIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_view_state (RpPartnersPage *self);

/* Helpers */

RpPartner *
_rp_partners_page_get_selected_partner (RpPartnersPage *self)
{
  if (self->selection == NULL)
    return NULL;

  return gtk_single_selection_get_selected_item (self->selection);
}

const char *
_rp_partners_page_specialty_display_label (const char *code,
                                           const char *label)
{
  const RpSpecialty *specialty = is_empty (code) ? NULL : rp_specialties_lookup (code);

  if (specialty != NULL)
    return rp_specialty_get_display_label (specialty);

  return label != NULL ? label : "";
}

/* GtkColumnView's list is an internal GtkListView child, where the list.* actions live. */
static GtkWidget *
get_list_view (RpPartnersPage *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        return child;
    }

  return NULL;
}

/* Start-up. GTK 4.8's list views keep 200 rows alive around the visible ones, whatever their
 * height: set up, bound, measured and drawn before the first frame, while a screen shows a few
 * dozen. So until the page's first frame is painted the view gets only the rows the tallest
 * monitor can show, through a slice of the list; then the whole list, whose first rows the view
 * keeps. The first frame is the same, as long as the scroll bar is an overlay indicator (hidden
 * until the pointer moves). Whatever needs a row further down (a selection, a scroll, a new
 * filter) gets the whole list at once. */
#define MIN_ROW_HEIGHT 24

static guint
count_first_rows (RpPartnersPage *self)
{
  GdkDisplay *display = gdk_display_get_default ();
  GListModel *monitors;
  gboolean overlay = FALSE;
  int height = 0;

  if (display == NULL || !gtk_scrolled_window_get_overlay_scrolling (self->scrolled_window))
    return G_MAXUINT;

  g_object_get (gtk_settings_get_for_display (display), "gtk-overlay-scrolling", &overlay, NULL);
  if (!overlay)
    return G_MAXUINT;

  monitors = gdk_display_get_monitors (display);
  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      height = MAX (height, geometry.height);
    }

  if (height <= 0)
    return G_MAXUINT;

  return (guint) height / MIN_ROW_HEIGHT + 2;
}

static void
show_first_rows (RpPartnersPage *self)
{
  guint n_rows = count_first_rows (self);

  if (n_rows >= g_list_model_get_n_items (G_LIST_MODEL (self->list)))
    return;

  self->first_rows = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->list)), 0,
                                               n_rows);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->first_rows));
}

static void
stop_first_rows (RpPartnersPage *self)
{
  g_clear_handle_id (&self->all_rows_source, g_source_remove);
  if (self->first_frame_clock != NULL)
    g_clear_signal_handler (&self->first_paint_id, self->first_frame_clock);
  g_clear_weak_pointer (&self->first_frame_clock);
  g_clear_object (&self->first_rows);
}

/* The view gets the whole list (a no-op once it has it). */
static void
show_all_rows (RpPartnersPage *self)
{
  if (self->first_rows == NULL)
    return;

  stop_first_rows (self);

  self->requerying = TRUE;
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->list));
  self->requerying = FALSE;

  _rp_partners_page_reselect (self);
}

static gboolean
show_all_rows_cb (gpointer user_data)
{
  RpPartnersPage *self = user_data;

  self->all_rows_source = 0;
  show_all_rows (self);

  return G_SOURCE_REMOVE;
}

/* Just after the frame, not in it: the frame is on screen first. */
static void
first_paint_cb (RpPartnersPage *self,
                GdkFrameClock  *frame_clock)
{
  g_clear_signal_handler (&self->first_paint_id, frame_clock);
  g_clear_weak_pointer (&self->first_frame_clock);

  if (self->all_rows_source == 0)
    self->all_rows_source = g_idle_add (show_all_rows_cb, self);
}

void
_rp_partners_page_scroll_to_position (RpPartnersPage *self,
                                      guint           position)
{
  GtkWidget *list_view = get_list_view (self);

  show_all_rows (self);

  if (list_view != NULL)
    gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", position);
}

/* Selection */

static gint64
get_selected_partner_id (RpPartnersPage *self)
{
  RpPartner *partner = _rp_partners_page_get_selected_partner (self);

  return partner != NULL ? rp_partner_get_id (partner) : 0;
}

static void
sync_selection (RpPartnersPage *self)
{
  rp_partner_detail_set_partner (self->detail, _rp_partners_page_get_selected_partner (self));
  _rp_partners_page_update_actions (self);

  if (self->notified_partner_id != get_selected_partner_id (self))
    {
      self->notified_partner_id = get_selected_partner_id (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_PARTNER_ID]);
    }
}

static void
selection_changed_cb (RpPartnersPage *self)
{
  RpPartner *partner;

  if (self->requerying)
    return;

  partner = _rp_partners_page_get_selected_partner (self);
  self->selected_id = partner != NULL ? rp_partner_get_id (partner) : 0;
  sync_selection (self);
}

/* Selects self->selected_id again after the list changed. */
void
_rp_partners_page_reselect (RpPartnersPage *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  guint position = GTK_INVALID_LIST_POSITION;

  /* Calls itself back once the view has every row. */
  if (self->first_rows != NULL)
    {
      show_all_rows (self);
      return;
    }

  if (self->selected_id > 0)
    position = rp_partner_list_find (self->list, self->selected_id);

  if (position == G_MAXUINT && self->fallback_position != G_MAXUINT && n_items > 0)
    {
      position = MIN (self->fallback_position, n_items - 1);
      self->fallback_position = G_MAXUINT;
    }

  self->requerying = TRUE;
  gtk_single_selection_set_selected (self->selection,
                                     position == G_MAXUINT ? GTK_INVALID_LIST_POSITION : position);
  self->requerying = FALSE;

  /* A replacement row becomes the choice; a hidden partner stays chosen (see selected_id). */
  if (position != G_MAXUINT)
    {
      RpPartner *partner = _rp_partners_page_get_selected_partner (self);

      if (partner != NULL)
        self->selected_id = rp_partner_get_id (partner);

      if (self->scroll_to_selection)
        _rp_partners_page_scroll_to_position (self, position);
    }

  self->scroll_to_selection = FALSE;
  sync_selection (self);
}

static void
list_items_changed_cb (GListModel     *list,
                       guint           position,
                       guint           removed,
                       guint           added,
                       RpPartnersPage *self)
{
  update_view_state (self);
}

/* A new sort, search or filter changes the whole list at once. GtkSingleSelection, and the
 * column view for the rows it tracks (the focus, the top row it scrolls by), keep their item
 * across such a change by looking for it among the added items, one g_list_model_get_item() at
 * a time: after a re-sort of 100,000 partners that loads every row up to wherever the item went,
 * seconds of paging that the list is there to avoid. So the selection model lets go of the list
 * while it changes: the view sees every row removed, then the new rows added, and has nothing
 * to look for. The view starts again at the top, as it should for a new order; the partner
 * chosen before is selected again by id, a look-up in the list's array of ids.
 *
 * Changes the store makes (an edit, an archive) move or remove a row or two; the list reports
 * only those, and the selection follows them itself. */
void
_rp_partners_page_set_filter (RpPartnersPage        *self,
                              const RpPartnerFilter *filter)
{
  if (rp_partner_filter_equal (filter, rp_partner_list_get_filter (self->list)))
    return;

  stop_first_rows (self);

  self->requerying = TRUE;
  gtk_single_selection_set_model (self->selection, NULL);
  rp_partner_list_set_filter (self->list, filter);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->list));
  self->requerying = FALSE;

  _rp_partners_page_reselect (self);
  update_view_state (self);
}

/* State of the page */

static gboolean
filters_active (const RpPartnerFilter *filter)
{
  return !filter->any_tier || !filter->any_status || !is_empty (filter->specialty_code) ||
         filter->archived || (filter->has_origin && filter->within_km > 0) ||
         filter->target_list_id != 0 || filter->feedback_from != NULL ||
         filter->referred_from != NULL;
}

void
_rp_partners_page_update_actions (RpPartnersPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  RpPartner *partner = _rp_partners_page_get_selected_partner (self);
  gboolean shown = gtk_widget_get_mapped (widget) && self->store != NULL;
  gboolean archived = partner != NULL && rp_partner_get_archived (partner);
  gboolean empty_store = self->store_empty;
  const RpPartnerFilter *filter = NULL;

  if (self->list != NULL)
    filter = rp_partner_list_get_filter (self->list);

  /* Shortcuts reach the page from anywhere in the window; while another page is shown they must
   * not act on this one, so the actions are only enabled while the page is mapped. */
  gtk_widget_action_set_enabled (widget, "partners.add", shown);
  gtk_widget_action_set_enabled (widget, "partners.search", shown && !empty_store);
  gtk_widget_action_set_enabled (widget, "partners.edit", shown && partner != NULL);
  gtk_widget_action_set_enabled (widget, "partners.archive", shown && partner != NULL && !archived);
  gtk_widget_action_set_enabled (widget, "partners.unarchive", shown && archived);
  gtk_widget_action_set_enabled (widget, "partners.delete", shown && archived);
  gtk_widget_action_set_enabled (widget, "partners.undo", shown && self->undo_id > 0);
  gtk_widget_action_set_enabled (widget, "partners.sample", shown && empty_store);
  gtk_widget_action_set_enabled (widget, "partners.add-referral",
                                 shown && partner != NULL && !archived);
  gtk_widget_action_set_enabled (widget, "partners.log-feedback",
                                 shown && partner != NULL && !archived);
  _rp_partners_page_enable_forwards (self, shown && partner != NULL && !archived);
  gtk_widget_action_set_enabled (widget, "partners.clear-filters",
                                 filter != NULL &&
                                 (filters_active (filter) || !is_empty (filter->search)));
}

static void
count_partners (RpPartnersPage *self)
{
  if (self->counts_valid)
    return;

  self->n_current = rp_store_count_partners (self->store, FALSE);
  self->n_archived = rp_store_count_partners (self->store, TRUE);
  self->counts_valid = TRUE;
}

static guint
get_n_current (RpPartnersPage *self)
{
  count_partners (self);

  return self->n_current;
}

static gboolean
is_store_empty (RpPartnersPage *self)
{
  /* Rows on show: no need to ask. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->list)) > 0)
    return FALSE;

  count_partners (self);

  return self->n_current + self->n_archived == 0;
}

static void
update_view_state (RpPartnersPage *self)
{
  const RpPartnerFilter *filter = rp_partner_list_get_filter (self->list);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  gboolean searching = !is_empty (filter->search);
  gboolean filtering = filters_active (filter);
  g_autofree char *subtitle = NULL;

  self->store_empty = is_store_empty (self);
  if (self->store_empty)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "empty");
      adw_window_title_set_subtitle (self->window_title, NULL);
      /* Nothing to search or filter yet: the status page's buttons are what there is to do. */
      gtk_widget_set_visible (GTK_WIDGET (self->search_button), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->filter_button), FALSE);
      gtk_search_bar_set_search_mode (self->search_bar, FALSE);
      rp_type_to_search_set_enabled (GTK_WIDGET (self), FALSE);
      _rp_partners_page_update_actions (self);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->search_button), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->filter_button), TRUE);
  /* Typing anywhere in the window searches. */
  rp_type_to_search_set_enabled (GTK_WIDGET (self), TRUE);
  gtk_stack_set_visible_child_name (self->main_stack, "list");
  gtk_stack_set_visible_child_name (self->list_stack, n_items > 0 ? "list" : "no-results");

  if (filter->archived)
    subtitle = g_strdup_printf (g_dngettext (NULL, "%u archived partner",
                                             "%u archived partners", n_items),
                                n_items);
  else if (searching || filtering)
    /* Translators: "12 of 60 partners". */
    subtitle = g_strdup_printf (g_dngettext (NULL, "%u of %u partner", "%u of %u partners",
                                             get_n_current (self)),
                                n_items, get_n_current (self));
  else
    subtitle = g_strdup_printf (g_dngettext (NULL, "%u partner", "%u partners", n_items),
                                n_items);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  if (n_items == 0)
    {
      g_autofree char *description = NULL;
      const char *button = NULL;

      if (searching)
        /* Translators: %s is what the user searched for. */
        description = g_strdup_printf (_("Nothing matches “%s”. Search looks at names, "
                                         "organizations, specialties, cities, tags and notes."),
                                       filter->search);
      else if (filter->archived && !filtering)
        description = g_strdup (_("Archived partners appear here."));
      else
        description = g_strdup (_("No partner matches all of the filters."));

      if (filter->archived && !searching && filter->any_tier && filter->any_status &&
          is_empty (filter->specialty_code))
        {
          adw_status_page_set_title (self->no_results_page, _("No Archived Partners"));
          button = _("_Show Current Partners");
        }
      else
        {
          adw_status_page_set_title (self->no_results_page, _("No Partners Found"));
          if (searching && filtering)
            button = _("_Clear Search and Filters");
          else if (searching)
            button = _("_Clear Search");
          else
            button = _("_Clear Filters");
        }

      adw_status_page_set_description (self->no_results_page, description);
      gtk_button_set_label (self->no_results_button, button);
    }

  _rp_partners_page_update_actions (self);
}

static void
store_partners_changed_cb (RpPartnersPage *self)
{
  self->counts_valid = FALSE;
  update_view_state (self);
}

/* Proximity */

/* Reads the practice's primary location, the origin of the distances. */
static void
read_origin (RpPartnersPage *self)
{
  g_autoptr(RpPractice) practice = NULL;
  g_autoptr(GError) error = NULL;
  RpLocation *origin = NULL;

  practice = rp_store_get_practice (self->store, &error);
  if (practice == NULL)
    g_debug ("Cannot read the practice: %s", error->message);
  else
    origin = rp_practice_get_origin (practice);

  self->has_origin = origin != NULL && rp_location_get_has_coordinates (origin);
  self->origin_lat = self->has_origin ? rp_location_get_latitude (origin) : 0.0;
  self->origin_lon = self->has_origin ? rp_location_get_longitude (origin) : 0.0;
}

static void
store_practice_changed_cb (RpPartnersPage *self)
{
  read_origin (self);
  /* Applies the new origin to the list (each partner's distance, the filter, the sort). */
  _rp_partners_page_update_within_filter (self);
}

static void
distance_unit_changed_cb (RpPartnersPage *self)
{
  g_autofree char *setting = g_settings_get_string (self->settings, "distance-unit");
  RpDistanceUnit unit = rp_distance_unit_from_string (setting);

  if (unit == self->distance_unit)
    return;

  self->distance_unit = unit;
  _rp_partners_page_update_within_filter (self);
  _rp_partners_page_update_filter_bar (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISTANCE_UNIT]);
}

/* Commands (the actions are in rp-partners-page-actions.c) */

static void
row_activated_cb (RpPartnersPage *self,
                  guint           position)
{
  /* When the detail pane is hidden for lack of room, activating a row shows it; otherwise the
   * pane already shows the partner and activating means "edit". */
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, TRUE);
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "partners.edit", NULL);
}

/* Delete in the list: archive, or in the archived view, offer to delete for good. */
static gboolean
delete_key_cb (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  RpPartnersPage *self = RP_PARTNERS_PAGE (user_data);
  RpPartner *partner = _rp_partners_page_get_selected_partner (self);

  if (partner == NULL)
    return FALSE;

  return gtk_widget_activate_action (GTK_WIDGET (self),
                                     rp_partner_get_archived (partner) ? "partners.delete"
                                                                        : "partners.archive",
                                     NULL);
}

/* GObject and GtkWidget */

static void
rp_partners_page_constructed (GObject *object)
{
  static const guint delete_keys[] = { GDK_KEY_Delete, GDK_KEY_KP_Delete };
  RpPartnersPage *self = RP_PARTNERS_PAGE (object);
  GtkEventController *controller;

  G_OBJECT_CLASS (rp_partners_page_parent_class)->constructed (object);

  g_assert (RP_IS_CONTEXT (self->context));

  self->store = g_object_ref (rp_context_get_store (self->context));
  self->settings = g_object_ref (rp_context_get_settings (self->context));

  {
    g_autofree char *unit = g_settings_get_string (self->settings, "distance-unit");

    self->distance_unit = rp_distance_unit_from_string (unit);
  }
  read_origin (self);

  /* The list starts with the filter the page settles on below (the saved sort, the distances
   * from the practice): querying 100,000 ids once, not twice, at start-up. */
  {
    g_autoptr(RpPartnerFilter) filter = rp_partner_filter_new ();
    g_autofree char *sort = g_settings_get_string (self->settings, "partners-sort");
    int sort_value = RP_PARTNER_SORT_NAME;

    if (rp_enum_from_nick (RP_TYPE_PARTNER_SORT, sort, &sort_value))
      filter->sort = (RpPartnerSort) sort_value;
    filter->descending = g_settings_get_boolean (self->settings, "partners-sort-descending");
    filter->has_origin = self->has_origin;
    filter->origin_lat = self->origin_lat;
    filter->origin_lon = self->origin_lon;
    filter->search = g_strdup ("");

    self->list = g_object_new (RP_TYPE_PARTNER_LIST,
                               "store", self->store,
                               "filter", filter,
                               NULL);
  }
  rp_partner_detail_set_context (self->detail, self->context);

  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->list)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->list, "items-changed",
                           G_CALLBACK (list_items_changed_cb), self, 0);
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  show_first_rows (self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->store, "partners-changed",
                           G_CALLBACK (store_partners_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "practice-changed",
                           G_CALLBACK (store_practice_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::distance-unit",
                           G_CALLBACK (distance_unit_changed_cb), self, G_CONNECT_SWAPPED);

  _rp_partners_page_setup_columns (self);

  /* Delete acts on the list only: in a text field it deletes text. */
  controller = gtk_shortcut_controller_new ();
  for (guint i = 0; i < G_N_ELEMENTS (delete_keys); i++)
    {
      GtkShortcutTrigger *trigger = gtk_keyval_trigger_new (delete_keys[i], 0);
      GtkShortcutAction *action = gtk_callback_action_new (delete_key_cb, self, NULL);

      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                            gtk_shortcut_new (trigger, action));
    }
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), controller);

  _rp_partners_page_init_specialty_filter (self);
  _rp_partners_page_update_within_filter (self);
  _rp_partners_page_update_filter_bar (self);
  update_view_state (self);
  sync_selection (self);
}

static void
rp_partners_page_map (GtkWidget *widget)
{
  RpPartnersPage *self = RP_PARTNERS_PAGE (widget);

  GTK_WIDGET_CLASS (rp_partners_page_parent_class)->map (widget);

  if (self->first_rows != NULL && self->first_frame_clock == NULL)
    {
      g_set_weak_pointer (&self->first_frame_clock, gtk_widget_get_frame_clock (widget));
      if (self->first_frame_clock != NULL)
        self->first_paint_id = g_signal_connect_swapped (self->first_frame_clock, "after-paint",
                                                         G_CALLBACK (first_paint_cb), self);
    }

  _rp_partners_page_update_actions (self);
}

static void
rp_partners_page_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (rp_partners_page_parent_class)->unmap (widget);

  _rp_partners_page_update_actions (RP_PARTNERS_PAGE (widget));
}

static void
rp_partners_page_dispose (GObject *object)
{
  RpPartnersPage *self = RP_PARTNERS_PAGE (object);

  g_clear_weak_pointer (&self->undo_toast);
  g_clear_handle_id (&self->columns_source, g_source_remove);
  stop_first_rows (self);

  if (self->column_view_sorter != NULL)
    g_clear_signal_handler (&self->sort_changed_id, self->column_view_sorter);
  g_clear_object (&self->column_view_sorter);

  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), RP_TYPE_PARTNERS_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rp_partners_page_parent_class)->dispose (object);
}

static void
rp_partners_page_finalize (GObject *object)
{
  RpPartnersPage *self = RP_PARTNERS_PAGE (object);

  g_clear_pointer (&self->specialty_codes, g_ptr_array_unref);
  g_clear_pointer (&self->target_list_name, g_free);
  g_clear_pointer (&self->feedback_label, g_free);

  G_OBJECT_CLASS (rp_partners_page_parent_class)->finalize (object);
}

static void
rp_partners_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RpPartnersPage *self = RP_PARTNERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_SELECTED_PARTNER_ID:
      g_value_set_int64 (value, rp_partners_page_get_selected_partner_id (self));
      break;

    case PROP_DISTANCE_UNIT:
      g_value_set_int (value, self->distance_unit);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_partners_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RpPartnersPage *self = RP_PARTNERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_shortcut (GtkShortcutController *controller,
              guint                  keyval,
              GdkModifierType        modifiers,
              const char            *action_name)
{
  GtkShortcutTrigger *trigger = gtk_keyval_trigger_new (keyval, modifiers);

  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (trigger,
                                                          gtk_named_action_new (action_name)));
}

static void
rp_partners_page_class_init (RpPartnersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rp_partners_page_constructed;
  object_class->dispose = rp_partners_page_dispose;
  object_class->finalize = rp_partners_page_finalize;
  object_class->get_property = rp_partners_page_get_property;
  object_class->set_property = rp_partners_page_set_property;

  widget_class->map = rp_partners_page_map;
  widget_class->unmap = rp_partners_page_unmap;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RP_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);
  /* The partner on show, 0 for none; Ctrl+L pre-fills the activity dialog with it. */
  properties[PROP_SELECTED_PARTNER_ID] =
    g_param_spec_int64 ("selected-partner-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The RpDistanceUnit distances are shown in; the distance cells are bound to it. */
  properties[PROP_DISTANCE_UNIT] =
    g_param_spec_int ("distance-unit", NULL, NULL,
                      RP_DISTANCE_UNIT_MILES, RP_DISTANCE_UNIT_KILOMETERS,
                      RP_DISTANCE_UNIT_MILES,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RP_TYPE_PARTNER_DETAIL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH);
  gtk_widget_class_bind_template_child (widget_class, RpPartnersPage, header_bar);
  gtk_widget_class_bind_template_child (widget_class, RpPartnersPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, RpPartnersPage, detail_button);
  gtk_widget_class_bind_template_child (widget_class, RpPartnersPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, RpPartnersPage, search_button);
  gtk_widget_class_bind_template_child (widget_class, RpPartnersPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, RpPartnersPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RpPartnersPage, filter_revealer);
  gtk_widget_class_bind_template_child (widget_class, RpPartnersPage, filter_chips);
  gtk_widget_class_bind_template_child (widget_class, RpPartnersPage, main_stack);
  gtk_widget_class_bind_template_child (widget_class, RpPartnersPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, RpPartnersPage, flap);
  gtk_widget_class_bind_template_child (widget_class, RpPartnersPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, RpPartnersPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, RpPartnersPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, RpPartnersPage, name_column);
  gtk_widget_class_bind_template_child (widget_class, RpPartnersPage, specialty_column);
  gtk_widget_class_bind_template_child (widget_class, RpPartnersPage, organization_column);
  gtk_widget_class_bind_template_child (widget_class, RpPartnersPage, city_column);
  gtk_widget_class_bind_template_child (widget_class, RpPartnersPage, tier_column);
  gtk_widget_class_bind_template_child (widget_class, RpPartnersPage, status_column);
  gtk_widget_class_bind_template_child (widget_class, RpPartnersPage, last_contact_column);
  gtk_widget_class_bind_template_child (widget_class, RpPartnersPage, referrals_column);
  gtk_widget_class_bind_template_child (widget_class, RpPartnersPage, distance_column);
  gtk_widget_class_bind_template_child (widget_class, RpPartnersPage, no_results_page);
  /* Not used by the code; tests reach them with gtk_widget_get_template_child(). */
  gtk_widget_class_bind_template_child_full (widget_class, "empty_import_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "empty_sample_button", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, RpPartnersPage, no_results_button);
  gtk_widget_class_bind_template_child (widget_class, RpPartnersPage, detail);
  gtk_widget_class_bind_template_child (widget_class, RpPartnersPage, filter_popover);
  gtk_widget_class_bind_template_child (widget_class, RpPartnersPage, tier_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RpPartnersPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RpPartnersPage, specialty_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RpPartnersPage, within_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RpPartnersPage, archived_switch);
  _rp_partners_page_class_filters_init (widget_class);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  _rp_partners_page_class_actions_init (widget_class);

  gtk_widget_class_set_css_name (widget_class, "partnerspage");
}

static void
rp_partners_page_init (RpPartnersPage *self)
{
  GtkEventController *controller;
  g_autoptr(GtkExpression) expression = NULL;

  self->fallback_position = G_MAXUINT;
  self->specialty_codes = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  rp_type_to_search_attach (GTK_WIDGET (self), GTK_WIDGET (self->search_bar));
  g_object_bind_property (self->search_button, "active",
                          self->search_bar, "search-mode-enabled",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  rp_page_bind_detail_button (self->flap, self->detail_button);

  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->specialty_dropdown, expression);

  /* Ctrl+N, Ctrl+F, Ctrl+E and Ctrl+Z work wherever the focus is in the window. */
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller),
                                     GTK_SHORTCUT_SCOPE_MANAGED);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_n, GDK_CONTROL_MASK, "partners.add");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_f, GDK_CONTROL_MASK,
                "partners.search");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_e, GDK_CONTROL_MASK,
                "partners.edit");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_z, GDK_CONTROL_MASK,
                "partners.undo");
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  /* Nothing works before the context is known (constructed). */
  _rp_partners_page_update_actions (self);
}

GtkWidget *
rp_partners_page_new (RpContext *context)
{
  g_return_val_if_fail (RP_IS_CONTEXT (context), NULL);

  return g_object_new (RP_TYPE_PARTNERS_PAGE,
                       "context", context,
                       NULL);
}

void
rp_partners_page_focus_search (RpPartnersPage *self)
{
  g_return_if_fail (RP_IS_PARTNERS_PAGE (self));

  if (self->store_empty)
    return;

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

gint64
rp_partners_page_get_selected_partner_id (RpPartnersPage *self)
{
  g_return_val_if_fail (RP_IS_PARTNERS_PAGE (self), 0);

  return get_selected_partner_id (self);
}

void
rp_partners_page_select_partner (RpPartnersPage *self,
                                 gint64          partner_id)
{
  g_return_if_fail (RP_IS_PARTNERS_PAGE (self));
  g_return_if_fail (partner_id > 0);

  if (self->list == NULL)
    return;

  self->selected_id = partner_id;
  self->scroll_to_selection = TRUE;

  /* A search or filter that hides the partner gives way: they were asked for by name. */
  if (rp_partner_list_find (self->list, partner_id) == G_MAXUINT)
    _rp_partners_page_clear_filters (self);
  else
    _rp_partners_page_reselect (self);

  /* Folded, the detail pane is the point of asking. */
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, TRUE);
}

void
rp_partners_page_show_target_list (RpPartnersPage *self,
                                   gint64          list_id,
                                   const char     *name)
{
  g_autoptr(RpPartnerFilter) filter = NULL;

  g_return_if_fail (RP_IS_PARTNERS_PAGE (self));
  g_return_if_fail (list_id >= 0);

  if (self->list == NULL)
    return;

  g_free (self->target_list_name);
  self->target_list_name = list_id != 0 ? g_strdup (name != NULL ? name : "") : NULL;

  filter = rp_partner_filter_copy (rp_partner_list_get_filter (self->list));
  filter->target_list_id = list_id;
  _rp_partners_page_set_filter (self, filter);
  _rp_partners_page_update_filter_bar (self);
  _rp_partners_page_update_actions (self);
}
