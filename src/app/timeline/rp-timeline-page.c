/* rp-timeline-page.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-accessible.h"
#include "rp-store-partners.h"
#include "rp-store-timeline.h"
#include "rp-timeline-page.h"
#include "rp-type-to-search.h"

/* How many partners the partner filter's search offers. */
#define MAX_PARTNER_MATCHES 8
/* How many upcoming tasks the Upcoming row lists, soonest first. */
#define MAX_UPCOMING 50

struct _RpTimelinePage
{
  AdwBin           parent_instance;

  RpContext       *context;
  gint64           partner_id;
  int              range_days;     /* 0 = any time */

  RpTimelineView  *view;
  GtkToggleButton *referrals_toggle;
  GtkToggleButton *activities_toggle;
  GtkToggleButton *tasks_toggle;
  GtkDropDown     *tier_dropdown;
  GtkDropDown     *range_dropdown;
  GtkMenuButton   *partner_button;
  GtkSearchEntry  *partner_entry;
  GtkListBox      *partner_matches;
  GtkWidget       *upcoming_list;  /* a boxed list holding upcoming_row, hidden when empty */
  AdwExpanderRow  *upcoming_row;
  GPtrArray       *upcoming_rows;  /* the task rows inside upcoming_row */
  gulong           records_changed_id;
};

G_DEFINE_FINAL_TYPE (RpTimelinePage, rp_timeline_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const int range_days[] = { 0, 1, 7, 30, 365 };

static void
upcoming_activated_cb (AdwActionRow *row,
                       RpTimelinePage *self)
{
  gint64 partner_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "partner-id"));

  if (partner_id > 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-partner", "x", partner_id);
}

/* The open tasks due after today for the page's partner and tier, soonest first, in the
 * Upcoming row (hidden when there are none or tasks are not shown). */
static void
update_upcoming (RpTimelinePage *self)
{
  g_autoptr(RpTimelineFilter) filter = rp_timeline_filter_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;
  guint tier = gtk_drop_down_get_selected (self->tier_dropdown);

  for (guint i = 0; i < self->upcoming_rows->len; i++)
    adw_expander_row_remove (self->upcoming_row, g_ptr_array_index (self->upcoming_rows, i));
  g_ptr_array_set_size (self->upcoming_rows, 0);

  filter->referrals = FALSE;
  filter->activities = FALSE;
  filter->partner_id = self->partner_id;
  filter->any_tier = tier == 0 || tier == GTK_INVALID_LIST_POSITION;
  filter->tier = filter->any_tier ? RP_TIER_A : (RpTier) (RP_TIER_A + (int) tier - 1);
  filter->from = g_date_time_format (tomorrow, "%Y-%m-%d");

  if (gtk_toggle_button_get_active (self->tasks_toggle))
    items = rp_store_list_timeline_page (rp_context_get_store (self->context), filter, NULL,
                                         MAX_UPCOMING, NULL, &error);
  if (error != NULL)
    g_warning ("Cannot list the upcoming tasks: %s", error->message);

  gtk_widget_set_visible (self->upcoming_list, items != NULL && items->len > 0);
  if (items == NULL || items->len == 0)
    return;

  /* The page comes newest (furthest) first: soonest first reads better ahead. */
  for (guint i = items->len; i-- > 0;)
    {
      RpTimelineItem *item = g_ptr_array_index (items, i);
      GtkWidget *row = adw_action_row_new ();
      const char *partner = rp_timeline_item_get_partner_name (item);
      g_autofree char *title = g_markup_escape_text (rp_timeline_item_get_title (item), -1);
      g_autofree char *detail = NULL;
      g_autofree char *name = NULL;

      if (partner != NULL && *partner != '\0')
        /* Translators: an upcoming task's subtitle, "Wed 9 Dec · Dr. Ann Lee" */
        detail = g_strdup_printf (_("%s · %s"), rp_timeline_item_get_day_label (item), partner);
      else
        detail = g_strdup (rp_timeline_item_get_day_label (item));
      name = g_strdup_printf ("%s, %s", rp_timeline_item_get_title (item), detail);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      g_free (title);
      title = g_markup_escape_text (detail, -1);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), title);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name (rp_timeline_item_get_icon_name (item)));
      if (rp_timeline_item_get_partner_id (item) > 0)
        {
          g_object_set_data (G_OBJECT (row), "partner-id",
                             GSIZE_TO_POINTER ((gsize) rp_timeline_item_get_partner_id (item)));
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          g_signal_connect (row, "activated", G_CALLBACK (upcoming_activated_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     gtk_image_new_from_icon_name ("go-next-symbolic"));
        }
      rp_accessible_set_label (row, name);
      adw_expander_row_add_row (self->upcoming_row, row);
      g_ptr_array_add (self->upcoming_rows, row);
    }

  subtitle = g_strdup_printf (g_dngettext (NULL, "%u task due after today",
                                           "%u tasks due after today", items->len),
                              items->len);
  adw_expander_row_set_subtitle (self->upcoming_row, subtitle);
}

static void
update_filter (RpTimelinePage *self)
{
  g_autoptr(RpTimelineFilter) filter = rp_timeline_filter_new ();
  guint tier = gtk_drop_down_get_selected (self->tier_dropdown);
  guint range = gtk_drop_down_get_selected (self->range_dropdown);

  filter->referrals = gtk_toggle_button_get_active (self->referrals_toggle);
  filter->activities = gtk_toggle_button_get_active (self->activities_toggle);
  filter->tasks = gtk_toggle_button_get_active (self->tasks_toggle);
  filter->partner_id = self->partner_id;
  filter->any_tier = tier == 0 || tier == GTK_INVALID_LIST_POSITION;
  filter->tier = filter->any_tier ? RP_TIER_A : (RpTier) (RP_TIER_A + (int) tier - 1);
  /* Today first, then the past: what is due later is in the Upcoming row above. */
  filter->past_only = TRUE;

  if (range < G_N_ELEMENTS (range_days) && range_days[range] > 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autoptr(GDateTime) from = g_date_time_add_days (now, 1 - range_days[range]);

      filter->from = g_date_time_format (from, "%Y-%m-%d");
    }

  rp_timeline_view_set_filter (self->view, filter);
  update_upcoming (self);
}

static void
set_partner (RpTimelinePage *self,
             gint64          partner_id,
             const char     *name)
{
  self->partner_id = partner_id;
  gtk_menu_button_set_label (self->partner_button, partner_id > 0 ? name : _("All Partners"));
  update_filter (self);
}

static void
match_activated_cb (RpTimelinePage *self,
                    GtkListBoxRow  *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "partner-id");

  set_partner (self, id != NULL ? *id : 0, gtk_widget_get_name (GTK_WIDGET (row)));
  gtk_menu_button_popdown (self->partner_button);
}

static void
add_match (RpTimelinePage *self,
           gint64          partner_id,
           const char     *name)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (name);
  gint64 *id = g_new (gint64, 1);

  *id = partner_id;
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_set_margin_start (label, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_widget_set_name (row, name);
  g_object_set_data_full (G_OBJECT (row), "partner-id", id, g_free);
  gtk_list_box_append (self->partner_matches, row);
}

static void
partner_search_changed_cb (RpTimelinePage *self)
{
  RpStore *store = rp_context_get_store (self->context);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->partner_entry));
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) partners = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->partner_matches))) != NULL)
    gtk_list_box_remove (self->partner_matches, child);

  add_match (self, 0, _("All Partners"));

  /* The search index answers at once, however many partners there are. */
  ids = rp_store_match_partner_ids (store, text, NULL);
  if (ids == NULL || ids->len == 0)
    return;

  partners = rp_store_load_partners (store, (const gint64 *) (gpointer) ids->data,
                                     MIN (ids->len, MAX_PARTNER_MATCHES), NULL, NULL);
  for (guint i = 0; partners != NULL && i < partners->len; i++)
    {
      RpPartner *partner = g_ptr_array_index (partners, i);

      add_match (self, rp_partner_get_id (partner), rp_partner_get_display_name (partner));
    }
}

/* Typed with the popover closed (type-to-search): open it on the entry, to show the matches. */
static void
partner_typed_cb (RpTimelinePage *self)
{
  GtkPopover *popover = gtk_menu_button_get_popover (self->partner_button);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->partner_entry));

  if (*text == '\0' || gtk_widget_get_visible (GTK_WIDGET (popover)))
    return;

  gtk_menu_button_popup (self->partner_button);
  gtk_widget_grab_focus (GTK_WIDGET (self->partner_entry));
  gtk_editable_set_position (GTK_EDITABLE (self->partner_entry), -1);
}

/* Enter in the search: the first partner matching what was typed last (not what the delayed
 * search-changed had seen). */
static void
partner_entry_activate_cb (RpTimelinePage *self)
{
  GtkListBoxRow *first;

  partner_search_changed_cb (self);
  first = gtk_list_box_get_row_at_index (self->partner_matches, 1);
  if (first != NULL)
    match_activated_cb (self, first);
}

static void
partner_activated_cb (RpTimelinePage *self,
                      gint64          partner_id)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-partner", "x", partner_id);
}

static GtkWidget *
kind_toggle (RpTimelinePage *self,
             const char     *label)
{
  GtkWidget *toggle = gtk_toggle_button_new_with_label (label);

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
  g_signal_connect_swapped (toggle, "toggled", G_CALLBACK (update_filter), self);

  return toggle;
}

static GtkWidget *
labelled_dropdown (const char * const *items,
                   const char         *accessible_label)
{
  GtkWidget *dropdown = gtk_drop_down_new_from_strings (items);

  gtk_widget_set_tooltip_text (dropdown, accessible_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);
  /* The button inside is what a screen reader lands on. */
  rp_accessible_name_inner (dropdown, GTK_TYPE_TOGGLE_BUTTON, accessible_label);

  return dropdown;
}

/* The page's menu, as the Referrals page has one: what a liaison does with the whole timeline. */
static GtkWidget *
page_menu_button (void)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkWidget *button = gtk_menu_button_new ();

  g_menu_append (menu, _("Export _Activities…"), "win.export-activities");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_widget_set_tooltip_text (button, _("Timeline Menu"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Timeline Menu"), -1);
  return button;
}

static void
build (RpTimelinePage *self)
{
  const char *tiers[] = { _("Any Tier"), _("Tier A"), _("Tier B"), _("Tier C"), NULL };
  const char *ranges[] = { _("Any Time"), _("Today"), _("Last 7 Days"), _("Last 30 Days"),
                           _("Last 12 Months"), NULL };
  GtkWidget *box;
  GtkWidget *header;
  GtkWidget *kinds;
  GtkWidget *bar;
  GtkWidget *popover;
  GtkWidget *popover_box;
  GtkWidget *scrolled;
  GtkWidget *clamp;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (_("Timeline"),
                                                                                 NULL));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), page_menu_button ());
  gtk_box_append (GTK_BOX (box), header);

  bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (bar, "toolbar");
  gtk_widget_add_css_class (bar, "timeline-filter-bar");

  kinds = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (kinds, "linked");
  gtk_accessible_update_property (GTK_ACCESSIBLE (kinds),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Kinds of entries"), -1);
  self->referrals_toggle = GTK_TOGGLE_BUTTON (kind_toggle (self, _("Referrals")));
  self->activities_toggle = GTK_TOGGLE_BUTTON (kind_toggle (self, _("Activities")));
  self->tasks_toggle = GTK_TOGGLE_BUTTON (kind_toggle (self, _("Tasks")));
  gtk_box_append (GTK_BOX (kinds), GTK_WIDGET (self->referrals_toggle));
  gtk_box_append (GTK_BOX (kinds), GTK_WIDGET (self->activities_toggle));
  gtk_box_append (GTK_BOX (kinds), GTK_WIDGET (self->tasks_toggle));
  gtk_widget_set_hexpand (kinds, TRUE);
  gtk_widget_set_halign (kinds, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (bar), kinds);

  self->partner_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_label (self->partner_button, _("All Partners"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->partner_button), _("Partner"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->partner_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Partner"), -1);
  popover = gtk_popover_new ();
  popover_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->partner_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->partner_entry, "placeholder-text", _("Search partners"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->partner_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search partners"), -1);
  g_signal_connect_swapped (self->partner_entry, "search-changed",
                            G_CALLBACK (partner_search_changed_cb), self);
  gtk_box_append (GTK_BOX (popover_box), GTK_WIDGET (self->partner_entry));
  self->partner_matches = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->partner_matches), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->partner_matches),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Matching partners"), -1);
  g_signal_connect_swapped (self->partner_matches, "row-activated",
                            G_CALLBACK (match_activated_cb), self);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled),
                                 GTK_WIDGET (self->partner_matches));
  gtk_box_append (GTK_BOX (popover_box), scrolled);
  gtk_widget_set_size_request (popover_box, 280, -1);
  gtk_popover_set_child (GTK_POPOVER (popover), popover_box);
  gtk_popover_set_default_widget (GTK_POPOVER (popover), GTK_WIDGET (self->partner_entry));
  gtk_menu_button_set_popover (self->partner_button, popover);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->partner_button));

  self->tier_dropdown = GTK_DROP_DOWN (labelled_dropdown (tiers, _("Tier")));
  g_signal_connect_swapped (self->tier_dropdown, "notify::selected",
                            G_CALLBACK (update_filter), self);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->tier_dropdown));

  self->range_dropdown = GTK_DROP_DOWN (labelled_dropdown (ranges, _("Date range")));
  g_signal_connect_swapped (self->range_dropdown, "notify::selected",
                            G_CALLBACK (update_filter), self);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->range_dropdown));

  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  /* What is due after today, folded, above the timeline that starts with today. */
  self->upcoming_list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->upcoming_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->upcoming_list, "boxed-list");
  gtk_widget_set_margin_top (self->upcoming_list, 12);
  gtk_widget_set_margin_start (self->upcoming_list, 12);
  gtk_widget_set_margin_end (self->upcoming_list, 12);
  gtk_widget_set_margin_bottom (self->upcoming_list, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->upcoming_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Upcoming"), -1);
  self->upcoming_row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->upcoming_row), _("Upcoming"));
  adw_expander_row_add_prefix (self->upcoming_row,
                               gtk_image_new_from_icon_name ("alarm-symbolic"));
  gtk_list_box_append (GTK_LIST_BOX (self->upcoming_list), GTK_WIDGET (self->upcoming_row));
  gtk_widget_set_visible (self->upcoming_list, FALSE);
  /* As wide as the timeline's column below it. */
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 860);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 600);
  adw_clamp_set_child (ADW_CLAMP (clamp), self->upcoming_list);
  g_object_bind_property (self->upcoming_list, "visible", clamp, "visible", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (box), clamp);

  self->view = RP_TIMELINE_VIEW (rp_timeline_view_new (self->context, NULL));
  gtk_widget_set_vexpand (GTK_WIDGET (self->view), TRUE);
  g_signal_connect_swapped (self->view, "partner-activated",
                            G_CALLBACK (partner_activated_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->view));

  adw_bin_set_child (ADW_BIN (self), box);

  partner_search_changed_cb (self);

  /* Typing anywhere on the page (no field focused) searches the partners to show. */
  g_signal_connect_swapped (self->partner_entry, "changed", G_CALLBACK (partner_typed_cb), self);
  g_signal_connect_swapped (self->partner_entry, "activate",
                            G_CALLBACK (partner_entry_activate_cb), self);
  rp_type_to_search_attach (GTK_WIDGET (self), GTK_WIDGET (self->partner_entry));

  self->records_changed_id = g_signal_connect_object (rp_context_get_store (self->context),
                                                      "records-changed",
                                                      G_CALLBACK (update_upcoming), self,
                                                      G_CONNECT_SWAPPED);
  update_filter (self);
}

static void
rp_timeline_page_constructed (GObject *object)
{
  RpTimelinePage *self = RP_TIMELINE_PAGE (object);

  G_OBJECT_CLASS (rp_timeline_page_parent_class)->constructed (object);

  g_assert (RP_IS_CONTEXT (self->context));
  build (self);
}

static void
rp_timeline_page_dispose (GObject *object)
{
  RpTimelinePage *self = RP_TIMELINE_PAGE (object);

  g_clear_object (&self->context);
  g_clear_pointer (&self->upcoming_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (rp_timeline_page_parent_class)->dispose (object);
}

static void
rp_timeline_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RpTimelinePage *self = RP_TIMELINE_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_timeline_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RpTimelinePage *self = RP_TIMELINE_PAGE (object);

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
rp_timeline_page_class_init (RpTimelinePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = rp_timeline_page_constructed;
  object_class->dispose = rp_timeline_page_dispose;
  object_class->get_property = rp_timeline_page_get_property;
  object_class->set_property = rp_timeline_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RP_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rp_timeline_page_init (RpTimelinePage *self)
{
  self->upcoming_rows = g_ptr_array_new ();
}

GtkWidget *
rp_timeline_page_new (RpContext *context)
{
  g_return_val_if_fail (RP_IS_CONTEXT (context), NULL);

  return g_object_new (RP_TYPE_TIMELINE_PAGE,
                       "context", context,
                       NULL);
}

RpTimelineView *
rp_timeline_page_get_view (RpTimelinePage *self)
{
  g_return_val_if_fail (RP_IS_TIMELINE_PAGE (self), NULL);

  return self->view;
}

void
rp_timeline_page_set_partner (RpTimelinePage *self,
                              gint64          partner_id,
                              const char     *name)
{
  g_return_if_fail (RP_IS_TIMELINE_PAGE (self));
  g_return_if_fail (partner_id <= 0 || name != NULL);

  set_partner (self, MAX (partner_id, 0), name);
}
