/* rp-partners-page.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-column-sorter.h"
#include "rp-enums.h"
#include "rp-partner-detail.h"
#include "rp-partner-editor.h"
#include "rp-partner-list.h"
#include "rp-partners-page.h"
#include "rp-referral-editor.h"
#include "rp-sample.h"
#include "rp-specialties.h"

struct _RpPartnersPage
{
  AdwBin               parent_instance;

  RpContext           *context;
  RpStore             *store;
  GSettings           *settings;
  RpPartnerList       *list;
  GtkSingleSelection  *selection;

  /* The partner the user chose. It outlives the row: when a search or filter hides them and a
   * later one shows them again, they are selected again. */
  gint64               selected_id;
  /* The value of "selected-partner-id" last notified. */
  gint64               notified_partner_id;
  /* After an archive or delete, the row that takes the partner's place is selected instead. */
  guint                fallback_position;
  gboolean             requerying;
  gboolean             updating_filters;
  gboolean             scroll_to_selection;
  /* The store's counts cost a scan of the partners: they are read only when the list cannot
   * answer (an empty list, "12 of 60") and kept until the store changes. */
  gboolean             counts_valid;
  guint                n_current;
  guint                n_archived;
  gboolean             store_empty;

  /* The last archive, which partners.undo reverts. */
  gint64               undo_id;
  AdwToast            *undo_toast;  /* weak */

  /* The NUCC code of each item of the specialty filter; [0] is "" (any specialty). */
  GPtrArray           *specialty_codes;

  guint                columns_source;
  guint                folded_source;

  GtkSorter           *column_view_sorter;
  gulong               sort_changed_id;

  AdwHeaderBar        *header_bar;
  AdwWindowTitle      *window_title;
  GtkToggleButton     *detail_button;
  GtkMenuButton       *filter_button;
  GtkToggleButton     *search_button;
  GtkSearchBar        *search_bar;
  GtkSearchEntry      *search_entry;
  GtkRevealer         *filter_revealer;
  GtkBox              *filter_chips;
  GtkStack            *main_stack;
  AdwStatusPage       *empty_page;
  AdwFlap             *flap;
  GtkStack            *list_stack;
  GtkScrolledWindow   *scrolled_window;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *specialty_column;
  GtkColumnViewColumn *organization_column;
  GtkColumnViewColumn *city_column;
  GtkColumnViewColumn *tier_column;
  GtkColumnViewColumn *status_column;
  GtkColumnViewColumn *last_contact_column;
  GtkColumnViewColumn *referrals_column;
  AdwStatusPage       *no_results_page;
  GtkButton           *no_results_button;
  RpPartnerDetail     *detail;
  GtkPopover          *filter_popover;
  GtkDropDown         *tier_dropdown;
  GtkDropDown         *status_dropdown;
  GtkDropDown         *specialty_dropdown;
  GtkSwitch           *archived_switch;
};

G_DEFINE_FINAL_TYPE (RpPartnersPage, rp_partners_page, ADW_TYPE_BIN)

#define RESOURCE_PATH "/io/github/rapport/Rapport/ui/rp-partners-page.ui"

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_SELECTED_PARTNER_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What a chip of the filter bar removes. */
typedef enum
{
  CHIP_TIER,
  CHIP_STATUS,
  CHIP_SPECIALTY,
  CHIP_ARCHIVED,
} ChipKind;

static void update_view_state (RpPartnersPage *self);
static void update_actions    (RpPartnersPage *self);

static gboolean
is_empty (const char *str)
{
  return str == NULL || *str == '\0';
}

/* Helpers */

static void
add_toast (RpPartnersPage *self,
           AdwToast       *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    {
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
      return;
    }

  /* Only a page outside a window (a test) has no overlay. */
  g_debug ("No toast overlay for: %s", adw_toast_get_title (toast));
  g_object_unref (toast);
}

static void
add_error_toast (RpPartnersPage *self,
                 const char     *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 0);
  add_toast (self, toast);
}

static RpPartner *
get_selected_partner (RpPartnersPage *self)
{
  if (self->selection == NULL)
    return NULL;

  return gtk_single_selection_get_selected_item (self->selection);
}

static const char *
specialty_display_label (const char *code,
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

static void
scroll_to_position (RpPartnersPage *self,
                    guint           position)
{
  GtkWidget *list_view = get_list_view (self);

  if (list_view != NULL)
    gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", position);
}

/* Cells: every label is bound to the row's partner through a GtkExpression, so a row is set up
 * once and rebinds itself as it scrolls; the model's partners are updated in place after an
 * edit, and property expressions follow their notifications. */

static GtkExpression *
partner_property (const char *property)
{
  GtkExpression *item = gtk_property_expression_new (GTK_TYPE_LIST_ITEM, NULL, "item");

  return gtk_property_expression_new (RP_TYPE_PARTNER, item, property);
}

static GtkWidget *
cell_label (GtkListItem *list_item,
            float        xalign)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_list_item_set_child (list_item, label);

  return label;
}

static void
setup_name_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item)
{
  GtkWidget *label = cell_label (list_item, 0.0f);
  PangoAttrList *attributes = pango_attr_list_new ();

  pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  gtk_label_set_attributes (GTK_LABEL (label), attributes);
  pango_attr_list_unref (attributes);

  gtk_expression_bind (partner_property ("display-name"), label, "label", list_item);
}

static char *
specialty_text (GObject    *list_item,
                const char *code,
                const char *label)
{
  return g_strdup (specialty_display_label (code, label));
}

static void
setup_specialty_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item)
{
  GtkWidget *label = cell_label (list_item, 0.0f);
  GtkExpression *params[] = {
    partner_property ("specialty-code"),
    partner_property ("specialty-label"),
  };

  gtk_expression_bind (gtk_cclosure_expression_new (G_TYPE_STRING, NULL,
                                                    G_N_ELEMENTS (params), params,
                                                    G_CALLBACK (specialty_text), NULL, NULL),
                       label, "label", list_item);
}

static void
setup_organization_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *list_item)
{
  GtkWidget *label = cell_label (list_item, 0.0f);

  gtk_expression_bind (partner_property ("organization"), label, "label", list_item);
}

static void
setup_city_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item)
{
  GtkWidget *label = cell_label (list_item, 0.0f);

  gtk_expression_bind (partner_property ("city"), label, "label", list_item);
}

static char *
tier_text (GObject *list_item,
           RpTier   tier)
{
  return g_strdup (rp_tier_to_label (tier));
}

static char **
tier_classes (GObject *list_item,
              RpTier   tier)
{
  const char *tier_class;

  switch (tier)
    {
    case RP_TIER_A:
      tier_class = "tier-a";
      break;
    case RP_TIER_B:
      tier_class = "tier-b";
      break;
    case RP_TIER_C:
      tier_class = "tier-c";
      break;
    default:
      tier_class = "tier-c";
      break;
    }

  return g_strdupv ((char *[]) { (char *) "tier-chip", (char *) tier_class, NULL });
}

static void
setup_tier_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item)
{
  GtkWidget *label = cell_label (list_item, 0.5f);
  GtkExpression *text_params[] = { partner_property ("tier") };
  GtkExpression *class_params[] = { partner_property ("tier") };

  /* A chip as wide as its letter, not as the column. */
  gtk_widget_set_halign (label, GTK_ALIGN_START);

  gtk_expression_bind (gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 1, text_params,
                                                    G_CALLBACK (tier_text), NULL, NULL),
                       label, "label", list_item);
  gtk_expression_bind (gtk_cclosure_expression_new (G_TYPE_STRV, NULL, 1, class_params,
                                                    G_CALLBACK (tier_classes), NULL, NULL),
                       label, "css-classes", list_item);
}

static char *
status_text (GObject         *list_item,
             RpPartnerStatus  status)
{
  return g_strdup (rp_partner_status_to_label (status));
}

static char **
status_classes (GObject         *list_item,
                RpPartnerStatus  status)
{
  const char *status_class;

  switch (status)
    {
    case RP_PARTNER_STATUS_PROSPECT:
      status_class = "status-prospect";
      break;
    case RP_PARTNER_STATUS_ACTIVE:
      status_class = "status-active";
      break;
    case RP_PARTNER_STATUS_DORMANT:
      status_class = "status-dormant";
      break;
    default:
      status_class = "status-prospect";
      break;
    }

  return g_strdupv ((char *[]) { (char *) "status-label", (char *) status_class, NULL });
}

static void
setup_status_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item)
{
  GtkWidget *label = cell_label (list_item, 0.0f);
  GtkExpression *text_params[] = { partner_property ("status") };
  GtkExpression *class_params[] = { partner_property ("status") };

  gtk_expression_bind (gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 1, text_params,
                                                    G_CALLBACK (status_text), NULL, NULL),
                       label, "label", list_item);
  gtk_expression_bind (gtk_cclosure_expression_new (G_TYPE_STRV, NULL, 1, class_params,
                                                    G_CALLBACK (status_classes), NULL, NULL),
                       label, "css-classes", list_item);
}

static char *
last_contact_text (GObject    *list_item,
                   const char *last_contact_at)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return rp_format_last_contact (last_contact_at, now);
}

static void
setup_last_contact_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *list_item)
{
  GtkWidget *label = cell_label (list_item, 0.0f);
  GtkExpression *params[] = { partner_property ("last-contact-at") };

  /* No tooltip with the date: a tooltip per cell costs an event controller each, which rows
   * made on every scroll cannot afford. The detail pane gives the date. */
  gtk_expression_bind (gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 1, params,
                                                    G_CALLBACK (last_contact_text), NULL, NULL),
                       label, "label", list_item);
}

static char *
referrals_text (GObject *list_item,
                guint    referrals)
{
  return g_strdup_printf ("%u", referrals);
}

static void
setup_referrals_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item)
{
  GtkWidget *label = cell_label (list_item, 1.0f);
  GtkExpression *params[] = { partner_property ("referrals-90d") };

  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_margin_end (label, 12);
  gtk_expression_bind (gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 1, params,
                                                    G_CALLBACK (referrals_text), NULL, NULL),
                       label, "label", list_item);
}

static void
setup_column (GtkColumnViewColumn *column,
              GCallback            setup,
              RpPartnerSort        sort)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkSorter) sorter = rp_column_sorter_new (sort);

  g_signal_connect (factory, "setup", setup, NULL);
  gtk_column_view_column_set_factory (column, factory);
  gtk_column_view_column_set_sorter (column, sorter);
}

/* Eight columns and the detail pane do not fit every window. Rather than scroll sideways, the
 * list drops the columns a liaison needs least (status, organization, city: the detail pane shows
 * them) as it gets narrower; name, specialty, tier, last contact and referrals always stay. What
 * room is left goes to the name (GTK 4.8 does not widen an expanding column that has a fixed
 * width, and without one the column would change width with the rows on show). */
#define NAME_COLUMN_WIDTH 180

static gboolean
update_column_visibility (gpointer user_data)
{
  RpPartnersPage *self = user_data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (self->scrolled_window);
  int width = (int) gtk_adjustment_get_page_size (adjustment);
  GtkColumnViewColumn *by_priority[] = {
    self->specialty_column,
    self->tier_column,
    self->last_contact_column,
    self->referrals_column,
    self->city_column,
    self->organization_column,
    self->status_column,
  };
  int used = NAME_COLUMN_WIDTH;

  self->columns_source = 0;

  if (width <= 0)
    return G_SOURCE_REMOVE;

  for (guint i = 0; i < G_N_ELEMENTS (by_priority); i++)
    {
      int column_width = MAX (gtk_column_view_column_get_fixed_width (by_priority[i]), 0);
      gboolean visible = i < 4 || used + column_width <= width;

      if (visible)
        used += column_width;

      if (gtk_column_view_column_get_visible (by_priority[i]) != visible)
        gtk_column_view_column_set_visible (by_priority[i], visible);
    }

  /* A few pixels short of the page, or rounding could bring a scroll bar. */
  gtk_column_view_column_set_fixed_width (self->name_column,
                                          NAME_COLUMN_WIDTH + MAX (width - used - 2, 0));

  return G_SOURCE_REMOVE;
}

/* The width is known during the size allocation, when columns cannot change; they change just
 * after it, before the frame is drawn (G_PRIORITY_HIGH_IDLE runs before GDK's redraw). */
static void
list_width_changed_cb (RpPartnersPage *self)
{
  if (self->columns_source == 0)
    self->columns_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_column_visibility,
                                            self, NULL);
}

/* The flap folds during its size allocation, when the header bar, already allocated, cannot
 * change; the Show Details button appears just after, before the frame is drawn. */
static gboolean
update_detail_button (gpointer user_data)
{
  RpPartnersPage *self = user_data;

  self->folded_source = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->detail_button), adw_flap_get_folded (self->flap));

  return G_SOURCE_REMOVE;
}

static void
flap_folded_cb (RpPartnersPage *self)
{
  if (self->folded_source == 0)
    self->folded_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_detail_button, self, NULL);
}

/* Sorting (see rp-column-sorter.c for how the column is found) */

static GtkColumnViewColumn *
find_column (RpPartnersPage *self,
             RpPartnerSort   sort)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      GtkSorter *sorter = gtk_column_view_column_get_sorter (column);

      if (RP_IS_COLUMN_SORTER (sorter) &&
          rp_column_sorter_get_sort (RP_COLUMN_SORTER (sorter)) == sort)
        return column;
    }

  return NULL;
}

static void set_filter (RpPartnersPage        *self,
                        const RpPartnerFilter *filter);

static void
sort_changed_cb (RpPartnersPage *self)
{
  g_autoptr(RpPartnerFilter) filter = NULL;
  RpPartnerSort sort = RP_PARTNER_SORT_NAME;
  gboolean descending = FALSE;

  if (!rp_column_sorter_probe (self->column_view_sorter, &sort, &descending))
    {
      sort = RP_PARTNER_SORT_NAME;
      descending = FALSE;
    }

  filter = rp_partner_filter_copy (rp_partner_list_get_filter (self->list));
  filter->sort = sort;
  filter->descending = descending;
  set_filter (self, filter);

  g_settings_set_string (self->settings, "partners-sort",
                         rp_enum_to_nick (RP_TYPE_PARTNER_SORT, sort));
  g_settings_set_boolean (self->settings, "partners-sort-descending", descending);
}

static void
restore_sort (RpPartnersPage *self)
{
  g_autofree char *nick = g_settings_get_string (self->settings, "partners-sort");
  gboolean descending = g_settings_get_boolean (self->settings, "partners-sort-descending");
  GtkColumnViewColumn *column;
  int sort = RP_PARTNER_SORT_NAME;

  if (!rp_enum_from_nick (RP_TYPE_PARTNER_SORT, nick, &sort))
    sort = RP_PARTNER_SORT_NAME;

  column = find_column (self, sort);
  if (column == NULL)
    column = self->name_column;

  gtk_column_view_sort_by_column (self->column_view, column,
                                  descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
}

/* Selection */

static gint64
get_selected_partner_id (RpPartnersPage *self)
{
  RpPartner *partner = get_selected_partner (self);

  return partner != NULL ? rp_partner_get_id (partner) : 0;
}

static void
sync_selection (RpPartnersPage *self)
{
  rp_partner_detail_set_partner (self->detail, get_selected_partner (self));
  update_actions (self);

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

  partner = get_selected_partner (self);
  self->selected_id = partner != NULL ? rp_partner_get_id (partner) : 0;
  sync_selection (self);
}

/* Selects self->selected_id again after the list changed. */
static void
reselect (RpPartnersPage *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  guint position = GTK_INVALID_LIST_POSITION;

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
      RpPartner *partner = get_selected_partner (self);

      if (partner != NULL)
        self->selected_id = rp_partner_get_id (partner);

      if (self->scroll_to_selection)
        scroll_to_position (self, position);
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
static void
set_filter (RpPartnersPage        *self,
            const RpPartnerFilter *filter)
{
  if (rp_partner_filter_equal (filter, rp_partner_list_get_filter (self->list)))
    return;

  self->requerying = TRUE;
  gtk_single_selection_set_model (self->selection, NULL);
  rp_partner_list_set_filter (self->list, filter);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->list));
  self->requerying = FALSE;

  reselect (self);
  update_view_state (self);
}

/* State of the page */

static gboolean
filters_active (const RpPartnerFilter *filter)
{
  return !filter->any_tier || !filter->any_status || !is_empty (filter->specialty_code) ||
         filter->archived;
}

static void
update_actions (RpPartnersPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  RpPartner *partner = get_selected_partner (self);
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
      gtk_search_bar_set_key_capture_widget (self->search_bar, NULL);
      update_actions (self);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->search_button), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->filter_button), TRUE);
  /* Typing anywhere on the page searches. */
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
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

  update_actions (self);
}

static void
store_partners_changed_cb (RpPartnersPage *self)
{
  self->counts_valid = FALSE;
  update_view_state (self);
}

/* Filters *//* Filters */

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
      item = g_strdup_printf (_("%s (%u)"), specialty_display_label (count->code, count->label),
                              count->count);
      gtk_string_list_append (model, item);
      g_ptr_array_add (self->specialty_codes, g_strdup (count->code));

      if (g_strcmp0 (count->code, filter->specialty_code) == 0)
        selected = self->specialty_codes->len - 1;
    }

  /* A filter on a specialty nobody has any more stays visible, so it can be removed. */
  if (!is_empty (filter->specialty_code) && selected == 0)
    {
      gtk_string_list_append (model, specialty_display_label (filter->specialty_code,
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
static void
init_specialty_filter (RpPartnersPage *self)
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

static void
chip_clicked_cb (GtkButton      *button,
                 RpPartnersPage *self)
{
  ChipKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "chip-kind"));

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
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  g_autofree char *a11y = NULL;

  gtk_box_append (GTK_BOX (box), gtk_label_new (text));
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("window-close-symbolic"));
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "filter-chip");

  /* Translators: %s is a filter, "Tier A". */
  a11y = g_strdup_printf (_("Remove Filter: %s"), text);
  gtk_widget_set_tooltip_text (button, _("Remove Filter"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, a11y,
                                  -1);

  g_object_set_data (G_OBJECT (button), "chip-kind", GINT_TO_POINTER (kind));
  g_signal_connect (button, "clicked", G_CALLBACK (chip_clicked_cb), self);
  gtk_box_append (self->filter_chips, button);
}

static void
update_filter_bar (RpPartnersPage *self)
{
  const RpPartnerFilter *filter = rp_partner_list_get_filter (self->list);
  g_autofree char *button_label = NULL;
  GtkWidget *child;
  guint n_active = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->filter_chips))) != NULL)
    gtk_box_remove (self->filter_chips, child);

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
                specialty_display_label (filter->specialty_code, filter->specialty_code));
      n_active++;
    }

  gtk_revealer_set_reveal_child (self->filter_revealer, n_active > 0);

  if (n_active > 0)
    /* Translators: the filter button when @n filters are on. */
    button_label = g_strdup_printf (_("_Filters (%u)"), n_active);
  gtk_menu_button_set_label (self->filter_button, button_label != NULL ? button_label
                                                                         : _("_Filters"));
  if (n_active > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "accent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "accent");
}

static void
filter_changed_cb (RpPartnersPage *self)
{
  g_autoptr(RpPartnerFilter) filter = NULL;
  guint tier;
  guint status;
  guint specialty;

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

  g_free (filter->search);
  filter->search = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  set_filter (self, filter);
  update_filter_bar (self);
}

static void
filter_popover_show_cb (RpPartnersPage *self)
{
  rebuild_specialty_filter (self);
}

static void
clear_filters (RpPartnersPage *self)
{
  self->updating_filters = TRUE;
  gtk_drop_down_set_selected (self->tier_dropdown, 0);
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->specialty_dropdown, 0);
  gtk_switch_set_active (self->archived_switch, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  self->updating_filters = FALSE;

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
  set_filter (self, filter);
}

/* Enter in the search entry goes to the first match. */
static void
search_activate_cb (RpPartnersPage *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->list)) == 0)
    return;

  gtk_single_selection_set_selected (self->selection, 0);
  scroll_to_position (self, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
stop_search_cb (RpPartnersPage *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

/* Commands */

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

static void
partner_saved_cb (RpPartnerEditor *editor,
                  RpPartner       *partner,
                  RpPartnersPage  *self)
{
  gboolean added = g_object_get_data (G_OBJECT (editor), "rp-adding") != NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  self->selected_id = rp_partner_get_id (partner);
  self->scroll_to_selection = TRUE;
  reselect (self);

  if (!added)
    return;

  if (rp_partner_list_find (self->list, rp_partner_get_id (partner)) != G_MAXUINT)
    {
      /* Translators: %s is the partner's name. */
      title = g_strdup_printf (_("“%s” added"), rp_partner_get_display_name (partner));
      add_toast (self, adw_toast_new (title));
      return;
    }

  /* The search or the filters hide the new partner: say so, and offer to show them. */
  /* Translators: %s is the partner's name. */
  title = g_strdup_printf (_("“%s” added, but hidden by the search or filters"),
                           rp_partner_get_display_name (partner));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Show"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (clear_filters), self,
                           G_CONNECT_SWAPPED);
  add_toast (self, toast);
}

static void
open_editor (RpPartnersPage *self,
             RpPartner      *partner)
{
  GtkWidget *editor = rp_partner_editor_new (self->store, partner);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (partner == NULL)
    g_object_set_data (G_OBJECT (editor), "rp-adding", GINT_TO_POINTER (TRUE));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));

  g_signal_connect_object (editor, "saved", G_CALLBACK (partner_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_editor (RP_PARTNERS_PAGE (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RpPartnersPage *self = RP_PARTNERS_PAGE (widget);
  RpPartner *partner = get_selected_partner (self);

  if (partner != NULL)
    open_editor (self, partner);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  rp_partners_page_focus_search (RP_PARTNERS_PAGE (widget));
}

static void
undo_archive (RpPartnersPage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = self->undo_id;
  gboolean ok;

  if (id <= 0)
    return;

  self->undo_id = 0;
  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);

  /* The row shifts the selection while the list takes the partner back: what the user chose
   * is the restored partner, not the row that moved down. */
  self->requerying = TRUE;
  ok = rp_store_set_partner_archived (self->store, id, FALSE, &error);
  self->requerying = FALSE;

  if (!ok)
    {
      g_autofree char *message = g_strdup_printf (_("Could not undo: %s"), error->message);

      add_error_toast (self, message);
    }

  self->selected_id = id;
  self->scroll_to_selection = TRUE;
  reselect (self);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  undo_archive (RP_PARTNERS_PAGE (widget));
}

static void
archive_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RpPartnersPage *self = RP_PARTNERS_PAGE (widget);
  RpPartner *partner = get_selected_partner (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;
  gint64 id;

  if (partner == NULL || rp_partner_get_archived (partner))
    return;

  id = rp_partner_get_id (partner);
  name = g_strdup (rp_partner_get_display_name (partner));
  self->fallback_position = gtk_single_selection_get_selected (self->selection);
  self->scroll_to_selection = FALSE;

  if (!rp_store_set_partner_archived (self->store, id, TRUE, &error))
    {
      g_autofree char *message = NULL;

      self->fallback_position = G_MAXUINT;
      /* Translators: the first %s is the partner's name, the second why it failed. */
      message = g_strdup_printf (_("Could not archive “%s”: %s"), name, error->message);
      add_error_toast (self, message);
      return;
    }

  reselect (self);
  self->fallback_position = G_MAXUINT;
  self->undo_id = id;

  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);

  /* Translators: %s is the partner's name. */
  title = g_strdup_printf (_("“%s” archived"), name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  /* The toast lives in the window's overlay, outside the page, where the page's actions cannot
   * be found by name: its button calls the page instead of naming partners.undo. */
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_archive), self,
                           G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->undo_toast, toast);
  add_toast (self, toast);

  update_actions (self);
}

static void
unarchive_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RpPartnersPage *self = RP_PARTNERS_PAGE (widget);
  RpPartner *partner = get_selected_partner (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (partner == NULL || !rp_partner_get_archived (partner))
    return;

  name = g_strdup (rp_partner_get_display_name (partner));
  self->fallback_position = gtk_single_selection_get_selected (self->selection);

  if (!rp_store_set_partner_archived (self->store, rp_partner_get_id (partner), FALSE, &error))
    {
      g_autofree char *message = NULL;

      self->fallback_position = G_MAXUINT;
      /* Translators: the first %s is the partner's name, the second why it failed. */
      message = g_strdup_printf (_("Could not unarchive “%s”: %s"), name, error->message);
      add_error_toast (self, message);
      return;
    }

  reselect (self);
  self->fallback_position = G_MAXUINT;
  /* Translators: %s is the partner's name. */
  title = g_strdup_printf (_("“%s” is a current partner again"), name);
  add_toast (self, adw_toast_new (title));
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    RpPartnersPage   *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "rp-partner-id");
  const char *name = g_object_get_data (G_OBJECT (dialog), "rp-partner-name");
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  guint position;

  if (g_strcmp0 (response, "delete") != 0)
    return;

  position = rp_partner_list_find (self->list, id);
  self->fallback_position = position;

  if (!rp_store_delete_partner (self->store, id, &error))
    {
      g_autofree char *message = NULL;

      self->fallback_position = G_MAXUINT;
      /* Translators: the first %s is the partner's name, the second why it failed. */
      message = g_strdup_printf (_("Could not delete “%s”: %s"), name, error->message);
      add_error_toast (self, message);
      return;
    }

  reselect (self);
  self->fallback_position = G_MAXUINT;
  /* Translators: %s is the partner's name. */
  title = g_strdup_printf (_("“%s” deleted"), name);
  add_toast (self, adw_toast_new (title));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RpPartnersPage *self = RP_PARTNERS_PAGE (widget);
  RpPartner *partner = get_selected_partner (self);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  /* Only an archived partner can be deleted: archiving first is the safety net. */
  if (partner == NULL || !rp_partner_get_archived (partner))
    return;

  /* Translators: %s is the partner's name. */
  heading = g_strdup_printf (_("Delete “%s” Permanently?"),
                             rp_partner_get_display_name (partner));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   _("Their referrals, tasks and planned visits are deleted "
                                     "with them. This cannot be undone."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_object_set_data_full (G_OBJECT (dialog), "rp-partner-id",
                          g_memdup2 (&(gint64) { rp_partner_get_id (partner) }, sizeof (gint64)),
                          g_free);
  g_object_set_data_full (G_OBJECT (dialog), "rp-partner-name",
                          g_strdup (rp_partner_get_display_name (partner)), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
}

/* Delete in the list: archive, or in the archived view, offer to delete for good. */
static gboolean
delete_key_cb (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  RpPartnersPage *self = RP_PARTNERS_PAGE (user_data);
  RpPartner *partner = get_selected_partner (self);

  if (partner == NULL)
    return FALSE;

  return gtk_widget_activate_action (GTK_WIDGET (self),
                                     rp_partner_get_archived (partner) ? "partners.delete"
                                                                        : "partners.archive",
                                     NULL);
}

static void
sample_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RpPartnersPage *self = RP_PARTNERS_PAGE (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  GDate *today;
  gboolean ok;

  if (!self->store_empty)
    return;

  today = g_date_new_dmy (g_date_time_get_day_of_month (now),
                          g_date_time_get_month (now),
                          g_date_time_get_year (now));
  ok = rp_sample_generate_with_vault (self->store, RP_SAMPLE_SIZE_DEMO, RP_SAMPLE_DEFAULT_SEED,
                                      today, rp_context_get_vault (self->context),
                                      NULL, NULL, &error);
  g_date_free (today);

  if (!ok)
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why. */
      message = g_strdup_printf (_("Could not create the sample network: %s"), error->message);
      add_error_toast (self, message);
      return;
    }

  /* The store's partners-changed has switched the page to the list by now. */
  add_toast (self, adw_toast_new (_("The sample network is made up: explore freely")));
}

/* "Add Referral…" in the detail pane: the referral editor, with the partner filled in. */
static void
add_referral_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RpPartnersPage *self = RP_PARTNERS_PAGE (widget);
  RpPartner *partner = get_selected_partner (self);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *editor;

  if (partner == NULL)
    return;

  editor = rp_referral_editor_new (self->context, partner);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  clear_filters (RP_PARTNERS_PAGE (widget));
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
  self->list = rp_partner_list_new (self->store);
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
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->store, "partners-changed",
                           G_CALLBACK (store_partners_changed_cb), self, G_CONNECT_SWAPPED);

  setup_column (self->name_column, G_CALLBACK (setup_name_cb), RP_PARTNER_SORT_NAME);
  setup_column (self->specialty_column, G_CALLBACK (setup_specialty_cb),
                RP_PARTNER_SORT_SPECIALTY);
  setup_column (self->organization_column, G_CALLBACK (setup_organization_cb),
                RP_PARTNER_SORT_ORGANIZATION);
  setup_column (self->city_column, G_CALLBACK (setup_city_cb), RP_PARTNER_SORT_CITY);
  setup_column (self->tier_column, G_CALLBACK (setup_tier_cb), RP_PARTNER_SORT_TIER);
  setup_column (self->status_column, G_CALLBACK (setup_status_cb), RP_PARTNER_SORT_STATUS);
  setup_column (self->last_contact_column, G_CALLBACK (setup_last_contact_cb),
                RP_PARTNER_SORT_LAST_CONTACT);
  setup_column (self->referrals_column, G_CALLBACK (setup_referrals_cb),
                RP_PARTNER_SORT_REFERRALS_90D);

  /* Disconnected in dispose, before the columns go (which changes the sorter too, and must not
   * be saved as the user's choice). */
  self->column_view_sorter = g_object_ref (gtk_column_view_get_sorter (self->column_view));
  self->sort_changed_id = g_signal_connect_swapped (self->column_view_sorter, "changed",
                                                    G_CALLBACK (sort_changed_cb), self);
  restore_sort (self);

  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->scrolled_window),
                           "notify::page-size", G_CALLBACK (list_width_changed_cb), self,
                           G_CONNECT_SWAPPED);

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

  init_specialty_filter (self);
  update_filter_bar (self);
  update_view_state (self);
  sync_selection (self);
}

static void
rp_partners_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (rp_partners_page_parent_class)->map (widget);

  update_actions (RP_PARTNERS_PAGE (widget));
}

static void
rp_partners_page_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (rp_partners_page_parent_class)->unmap (widget);

  update_actions (RP_PARTNERS_PAGE (widget));
}

static void
rp_partners_page_dispose (GObject *object)
{
  RpPartnersPage *self = RP_PARTNERS_PAGE (object);

  g_clear_weak_pointer (&self->undo_toast);
  g_clear_handle_id (&self->columns_source, g_source_remove);
  g_clear_handle_id (&self->folded_source, g_source_remove);

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
  gtk_widget_class_bind_template_child (widget_class, RpPartnersPage, archived_switch);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "partners.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "partners.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "partners.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "partners.archive", NULL, archive_action);
  gtk_widget_class_install_action (widget_class, "partners.unarchive", NULL, unarchive_action);
  gtk_widget_class_install_action (widget_class, "partners.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "partners.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "partners.sample", NULL, sample_action);
  gtk_widget_class_install_action (widget_class, "partners.add-referral", NULL,
                                   add_referral_action);
  gtk_widget_class_install_action (widget_class, "partners.clear-filters", NULL,
                                   clear_filters_action);

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
  g_object_bind_property (self->search_button, "active",
                          self->search_bar, "search-mode-enabled",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  g_signal_connect_swapped (self->flap, "notify::folded", G_CALLBACK (flap_folded_cb), self);
  g_object_bind_property (self->flap, "reveal-flap", self->detail_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

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
  update_actions (self);
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
    clear_filters (self);
  else
    reselect (self);

  /* Folded, the detail pane is the point of asking. */
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, TRUE);
}
