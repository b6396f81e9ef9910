/* rp-referrals-page.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-accessible.h"
#include "rp-page-util.h"
#include "rp-partner-list.h"
#include "rp-referral-detail.h"
#include "rp-referral-editor.h"
#include "rp-referral-list.h"
#include "rp-referral-status.h"
#include "rp-referrals-page-private.h"
#include "rp-store-partners.h"
#include "rp-type-to-search.h"

G_DEFINE_FINAL_TYPE (RpReferralsPage, rp_referrals_page, ADW_TYPE_BIN)

#define RESOURCE_PATH "/io/github/rapport/Rapport/ui/rp-referrals-page.ui"

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_SELECTED_PARTNER_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_view_state (RpReferralsPage *self);

/* Helpers */

static RpReferral *
get_selected_referral (RpReferralsPage *self)
{
  if (self->selection == NULL)
    return NULL;

  return gtk_single_selection_get_selected_item (self->selection);
}

static void
get_today (GDate *today)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (today, 1);
  g_date_set_dmy (today, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
}

/* Cells, bound to the row's referral through expressions (as on the Partners page). */

static GtkExpression *
referral_property (const char *property)
{
  return rp_page_item_property (RP_TYPE_REFERRAL, property);
}

static char *
date_text (GObject    *list_item,
           const char *referred_on)
{
  return rp_format_day (referred_on);
}

/* A cell too narrow for its text shows the whole of it in its tooltip. */
static void
setup_date_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item)
{
  GtkWidget *label = rp_page_cell_label (list_item, 0.0f);
  GtkExpression *params[] = { referral_property ("referred-on") };

  gtk_widget_add_css_class (label, "numeric");
  gtk_expression_bind (gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 1, params,
                                                    G_CALLBACK (date_text), NULL, NULL),
                       label, "label", list_item);
}

static char *
direction_text (GObject             *list_item,
                RpReferralDirection  direction)
{
  /* Translators: short for an inbound (In) or outbound (Out) referral, in a narrow column. */
  return g_strdup (direction == RP_REFERRAL_DIRECTION_INBOUND ? C_("direction", "In")
                                                               : C_("direction", "Out"));
}

static char **
direction_classes (GObject             *list_item,
                   RpReferralDirection  direction)
{
  return g_strdupv ((char *[]) {
    (char *) "referral-direction",
    (char *) (direction == RP_REFERRAL_DIRECTION_INBOUND ? "inbound" : "outbound"),
    NULL });
}

static void
setup_direction_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item)
{
  GtkWidget *label = rp_page_cell_label (list_item, 0.5f);

  gtk_widget_set_halign (label, GTK_ALIGN_START);
  rp_page_bind_chip (list_item, label, RP_TYPE_REFERRAL, "direction",
                     G_CALLBACK (direction_text), G_CALLBACK (direction_classes));
}

static void
setup_partner_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item)
{
  GtkWidget *label = rp_page_cell_label (list_item, 0.0f);

  rp_page_set_bold (label);
  gtk_expression_bind (referral_property ("partner-name"), label, "label", list_item);
  rp_accessible_name_row_by_label (label);
}

static char *
reason_text (GObject    *list_item,
             const char *reason,
             const char *service_line)
{
  if (!is_empty (reason) && !is_empty (service_line))
    /* Translators: a referral's reason and service line, "Knee pain · Joint replacement". */
    return g_strdup_printf (_("%s · %s"), reason, service_line);

  return g_strdup (!is_empty (reason) ? reason : service_line != NULL ? service_line : "");
}

static void
setup_reason_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item)
{
  GtkWidget *label = rp_page_cell_label (list_item, 0.0f);
  GtkExpression *params[] = {
    referral_property ("reason"),
    referral_property ("service-line"),
  };

  gtk_expression_bind (gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 2, params,
                                                    G_CALLBACK (reason_text), NULL, NULL),
                       label, "label", list_item);
}

static char *
urgency_text (GObject   *list_item,
              RpUrgency  urgency)
{
  return g_strdup (rp_urgency_to_label (urgency));
}

static char **
urgency_classes (GObject   *list_item,
                 RpUrgency  urgency)
{
  const char *urgency_class = urgency == RP_URGENCY_URGENT ? "urgency-urgent"
                              : urgency == RP_URGENCY_SOON ? "urgency-soon"
                              : "urgency-routine";

  return g_strdupv ((char *[]) { (char *) "urgency-label", (char *) urgency_class, NULL });
}

static void
setup_urgency_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item)
{
  GtkWidget *label = rp_page_cell_label (list_item, 0.0f);

  rp_page_bind_chip (list_item, label, RP_TYPE_REFERRAL, "urgency",
                     G_CALLBACK (urgency_text), G_CALLBACK (urgency_classes));
}

static char *
status_text (GObject          *list_item,
             RpReferralStatus  status)
{
  return g_strdup (rp_referral_status_to_label (status));
}

static char **
status_classes (GObject          *list_item,
                RpReferralStatus  status)
{
  return g_strdupv ((char *[]) {
    (char *) "status-chip",
    (char *) "referral-status",
    (char *) rp_referral_status_to_css_class (status),
    NULL });
}

static void
setup_status_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item)
{
  GtkWidget *label = rp_page_cell_label (list_item, 0.5f);

  /* A chip as wide as its word, not as the column. */
  gtk_widget_set_halign (label, GTK_ALIGN_START);
  rp_page_bind_chip (list_item, label, RP_TYPE_REFERRAL, "status",
                     G_CALLBACK (status_text), G_CALLBACK (status_classes));
}

static char *
days_text (GObject          *list_item,
           const char       *referred_on,
           RpReferralStatus  status)
{
  GDate today;
  int days;

  if (!rp_referral_status_is_open (status))
    return g_strdup ("—");

  get_today (&today);
  days = MAX (rp_days_between (referred_on, &today), 0);

  /* Translators: how long a referral has been open, in days: "12 d". */
  return g_strdup_printf (_("%d d"), days);
}

static void
setup_days_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item)
{
  GtkWidget *label = rp_page_cell_label (list_item, 1.0f);
  GtkExpression *params[] = {
    referral_property ("referred-on"),
    referral_property ("status"),
  };

  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_margin_end (label, 12);
  gtk_expression_bind (gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 2, params,
                                                    G_CALLBACK (days_text), NULL, NULL),
                       label, "label", list_item);
}

static void
setup_column (GtkColumnViewColumn *column,
              GCallback            setup)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", setup, NULL);
  gtk_column_view_column_set_factory (column, factory);
}

/* Selection */

static void
set_selected_partner_id (RpReferralsPage *self,
                         gint64           partner_id)
{
  if (self->selected_partner_id == partner_id)
    return;

  self->selected_partner_id = partner_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_PARTNER_ID]);
}

/* Beside the list, the detail pane is there while a referral is selected: with none, the list
 * has the whole width, for the partner and reason to be read in full on a laptop's screen. */
static void
sync_detail_pane (RpReferralsPage *self)
{
  if (!adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, get_selected_referral (self) != NULL);
}

static void
sync_selection (RpReferralsPage *self)
{
  RpReferral *referral = get_selected_referral (self);

  rp_referral_detail_set_referral (self->detail, referral);
  sync_detail_pane (self);
  set_selected_partner_id (self, referral != NULL ? rp_referral_get_partner_id (referral) : 0);
  _rp_referrals_page_update_actions (self);
}

static void
selection_changed_cb (RpReferralsPage *self)
{
  RpReferral *referral;

  if (self->requerying)
    return;

  referral = get_selected_referral (self);
  self->selected_id = referral != NULL ? rp_referral_get_id (referral) : 0;
  sync_selection (self);
}

/* Selects self->selected_id again after the list changed. */
static void
reselect (RpReferralsPage *self)
{
  guint position = G_MAXUINT;

  if (self->selected_id > 0)
    position = rp_referral_list_find (self->list, self->selected_id);

  self->requerying = TRUE;
  gtk_single_selection_set_selected (self->selection,
                                     position == G_MAXUINT ? GTK_INVALID_LIST_POSITION : position);
  self->requerying = FALSE;

  sync_selection (self);
}

static void
list_items_changed_cb (GListModel      *list,
                       guint            position,
                       guint            removed,
                       guint            added,
                       RpReferralsPage *self)
{
  RpReferral *referral = get_selected_referral (self);

  /* A row that changed in place is a new object: the pane shows the new one. */
  if (!self->requerying && self->selected_id > 0 &&
      (referral == NULL || rp_referral_get_id (referral) != self->selected_id))
    reselect (self);

  update_view_state (self);
}

static void
records_changed_cb (RpReferralsPage *self)
{
  /* The list follows the store itself; the pane re-reads the path and the patient. */
  if (get_selected_referral (self) != NULL)
    sync_selection (self);
  update_view_state (self);
}

/* As on the Partners page, the selection lets go of the list while the filter changes, so that
 * it does not look for its item among every new row. */
void
_rp_referrals_page_set_filter (RpReferralsPage        *self,
                               const RpReferralFilter *filter)
{
  if (rp_referral_filter_equal (filter, rp_referral_list_get_filter (self->list)))
    return;

  self->requerying = TRUE;
  gtk_single_selection_set_model (self->selection, NULL);
  rp_referral_list_set_filter (self->list, filter);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->list));
  self->requerying = FALSE;

  reselect (self);
  update_view_state (self);
}

/* State of the page */

static gboolean
filters_active (const RpReferralFilter *filter)
{
  return !filter->any_status || filter->open_only || !filter->any_direction ||
         filter->partner_id > 0 || !is_empty (filter->from) || !is_empty (filter->to) ||
         filter->open_longer_than_days > 0 || filter->outcome_category_id > 0 ||
         filter->with_outcome || filter->specialty != NULL || filter->reached_step > 0 ||
         filter->tier != NULL || filter->specialty_code != NULL || filter->city != NULL ||
         filter->target_list_id > 0 || filter->specialty_codes_excluded != NULL;
}

void
_rp_referrals_page_update_actions (RpReferralsPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean shown = gtk_widget_get_mapped (widget) && self->store != NULL;
  const RpReferralFilter *filter = self->list != NULL ? rp_referral_list_get_filter (self->list)
                                                      : NULL;

  gtk_widget_action_set_enabled (widget, "referrals.add", shown);
  gtk_widget_action_set_enabled (widget, "referrals.search", shown && !self->store_empty);
  gtk_widget_action_set_enabled (widget, "referrals.clear-filters",
                                 filter != NULL && filters_active (filter));
}

static void
update_view_state (RpReferralsPage *self)
{
  const RpReferralFilter *filter = rp_referral_list_get_filter (self->list);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  gboolean filtering = filters_active (filter);
  g_autofree char *search = g_strdup (filter->search != NULL ? filter->search : "");
  gboolean searching = !is_empty (g_strstrip (search));
  g_autofree char *subtitle = NULL;

  self->store_empty = n_items == 0 && rp_store_count_rows (self->store, "referral") == 0;
  if (self->store_empty)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "empty");
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->filter_button), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->search_button), FALSE);
      gtk_search_bar_set_search_mode (self->search_bar, FALSE);
      _rp_referrals_page_update_actions (self);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->filter_button), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->search_button), TRUE);

  if (searching)
    {
      g_autofree char *title = NULL;

      /* Translators: %s is what the user searched for. */
      title = g_strdup_printf (_("No referrals match “%s”"), g_strstrip (search));
      adw_status_page_set_title (self->no_results_page, title);
      adw_status_page_set_description (self->no_results_page,
                                       filtering ? _("Try other words or clear the filters.")
                                                 : _("Try other words."));
    }
  else
    {
      adw_status_page_set_title (self->no_results_page, _("No Referrals Found"));
      adw_status_page_set_description (self->no_results_page,
                                       _("No referral matches all of the filters."));
    }
  gtk_widget_set_visible (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self),
                                                                     RP_TYPE_REFERRALS_PAGE,
                                                                     "no_results_button")),
                          filtering);
  gtk_stack_set_visible_child_name (self->main_stack, "list");
  gtk_stack_set_visible_child_name (self->list_stack, n_items > 0 ? "list" : "no-results");

  if (filtering || searching)
    subtitle = g_strdup_printf (g_dngettext (NULL, "%u matching referral",
                                             "%u matching referrals", n_items),
                                n_items);
  else
    subtitle = g_strdup_printf (g_dngettext (NULL, "%u referral", "%u referrals", n_items),
                                n_items);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  _rp_referrals_page_update_actions (self);
}

/* Commands */

static void
row_activated_cb (RpReferralsPage *self,
                  guint            position)
{
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, TRUE);
}

/* Scrolls the list to self->selected_id; FALSE when the list does not hold it. */
static gboolean
scroll_to_selected (RpReferralsPage *self)
{
  guint position = rp_referral_list_find (self->list, self->selected_id);

  if (position == G_MAXUINT)
    return FALSE;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
    }

  return TRUE;
}

static void
referral_saved_cb (GtkWidget       *editor,
                   RpReferral      *referral,
                   RpReferralsPage *self)
{
  g_autofree char *title = NULL;

  self->selected_id = rp_referral_get_id (referral);
  reselect (self);

  if (scroll_to_selected (self))
    {
      rp_page_add_toast (GTK_WIDGET (self), adw_toast_new (_("Referral recorded")));
      return;
    }

  title = g_strdup (_("Referral recorded, but hidden by the filters"));
  {
    AdwToast *toast = adw_toast_new (title);

    adw_toast_set_button_label (toast, _("_Show"));
    g_signal_connect_object (toast, "button-clicked",
                             G_CALLBACK (_rp_referrals_page_clear_filters), self,
                             G_CONNECT_SWAPPED);
    rp_page_add_toast (GTK_WIDGET (self), toast);
  }
}

static void
open_editor (RpReferralsPage *self,
             RpPartner       *partner)
{
  GtkWidget *editor = rp_referral_editor_new (self->context, partner);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));

  g_signal_connect_object (editor, "saved", G_CALLBACK (referral_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  RpReferralsPage *self = RP_REFERRALS_PAGE (widget);
  const RpReferralFilter *filter = rp_referral_list_get_filter (self->list);
  g_autoptr(RpPartner) partner = NULL;

  /* With one partner's referrals on show, a new one is most likely theirs. */
  if (filter->partner_id > 0)
    partner = rp_store_get_partner (self->store, filter->partner_id, NULL);

  open_editor (self, partner);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _rp_referrals_page_clear_filters (RP_REFERRALS_PAGE (widget));
}

/* Ctrl+F (the window forwards it): the search bar, focused. */
static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RpReferralsPage *self = RP_REFERRALS_PAGE (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
open_partner_cb (RpReferralsPage  *self,
                 gint64            partner_id,
                 RpReferralDetail *detail)
{
  /* In the window: the Partners page, with the partner selected. */
  if (gtk_widget_activate_action (GTK_WIDGET (self), "win.show-partner", "x", partner_id))
    return;

  /* Elsewhere, the list narrows to that partner's referrals, which is useful all the same. */
  rp_referrals_page_set_partner_filter (self, partner_id,
                                        rp_referral_get_partner_name (
                                          rp_referral_detail_get_referral (detail)));
}

/* GObject and GtkWidget */

static void
rp_referrals_page_constructed (GObject *object)
{
  RpReferralsPage *self = RP_REFERRALS_PAGE (object);
  g_autoptr(GtkListItemFactory) partner_factory = NULL;
  GtkNoSelection *partner_selection;

  G_OBJECT_CLASS (rp_referrals_page_parent_class)->constructed (object);

  g_assert (RP_IS_CONTEXT (self->context));

  self->store = g_object_ref (rp_context_get_store (self->context));
  self->list = rp_referral_list_new (self->store);

  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->list)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->list, "items-changed",
                           G_CALLBACK (list_items_changed_cb), self, G_CONNECT_AFTER);
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->store, "records-changed",
                           G_CALLBACK (records_changed_cb), self, G_CONNECT_SWAPPED);

  setup_column (self->date_column, G_CALLBACK (setup_date_cb));
  setup_column (self->direction_column, G_CALLBACK (setup_direction_cb));
  setup_column (self->partner_column, G_CALLBACK (setup_partner_cb));
  setup_column (self->reason_column, G_CALLBACK (setup_reason_cb));
  setup_column (self->urgency_column, G_CALLBACK (setup_urgency_cb));
  setup_column (self->status_column, G_CALLBACK (setup_status_cb));
  setup_column (self->days_column, G_CALLBACK (setup_days_cb));
  rp_accessible_name_headers (self->column_view);

  /* The partner filter's search. */
  self->partners = rp_partner_list_new (self->store);
  partner_factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (partner_factory, "setup",
                    G_CALLBACK (_rp_referrals_page_setup_partner_row_cb), NULL);
  gtk_list_view_set_factory (self->partner_list_view, partner_factory);
  partner_selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->partners)));
  gtk_list_view_set_model (self->partner_list_view, GTK_SELECTION_MODEL (partner_selection));
  g_object_unref (partner_selection);

  rp_referral_detail_set_context (self->detail, self->context);
  g_signal_connect_object (self->detail, "open-partner", G_CALLBACK (open_partner_cb), self,
                           G_CONNECT_SWAPPED);

  _rp_referrals_page_update_filter_bar (self);
  update_view_state (self);
  sync_selection (self);
}

static void
rp_referrals_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (rp_referrals_page_parent_class)->map (widget);

  _rp_referrals_page_update_actions (RP_REFERRALS_PAGE (widget));
}

static void
rp_referrals_page_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (rp_referrals_page_parent_class)->unmap (widget);

  _rp_referrals_page_update_actions (RP_REFERRALS_PAGE (widget));
}

static void
rp_referrals_page_dispose (GObject *object)
{
  RpReferralsPage *self = RP_REFERRALS_PAGE (object);


  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  if (self->partner_list_view != NULL)
    gtk_list_view_set_model (self->partner_list_view, NULL);

  /* The template's top child is the bin's (see rp-referral-detail.c). */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RP_TYPE_REFERRALS_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_object (&self->partners);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rp_referrals_page_parent_class)->dispose (object);
}

static void
rp_referrals_page_finalize (GObject *object)
{
  RpReferralsPage *self = RP_REFERRALS_PAGE (object);

  g_clear_pointer (&self->partner_name, g_free);
  g_clear_pointer (&self->outcome_name, g_free);
  g_clear_pointer (&self->specialty_code_name, g_free);
  g_clear_pointer (&self->list_name, g_free);

  G_OBJECT_CLASS (rp_referrals_page_parent_class)->finalize (object);
}

static void
rp_referrals_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RpReferralsPage *self = RP_REFERRALS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_SELECTED_PARTNER_ID:
      g_value_set_int64 (value, self->selected_partner_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_referrals_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RpReferralsPage *self = RP_REFERRALS_PAGE (object);

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
rp_referrals_page_class_init (RpReferralsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rp_referrals_page_constructed;
  object_class->dispose = rp_referrals_page_dispose;
  object_class->finalize = rp_referrals_page_finalize;
  object_class->get_property = rp_referrals_page_get_property;
  object_class->set_property = rp_referrals_page_set_property;

  widget_class->map = rp_referrals_page_map;
  widget_class->unmap = rp_referrals_page_unmap;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RP_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_PARTNER_ID] =
    g_param_spec_int64 ("selected-partner-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RP_TYPE_REFERRAL_DETAIL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH);
  gtk_widget_class_bind_template_child (widget_class, RpReferralsPage, header_bar);
  gtk_widget_class_bind_template_child (widget_class, RpReferralsPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, RpReferralsPage, detail_button);
  gtk_widget_class_bind_template_child (widget_class, RpReferralsPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, RpReferralsPage, search_button);
  gtk_widget_class_bind_template_child (widget_class, RpReferralsPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, RpReferralsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RpReferralsPage, filter_revealer);
  gtk_widget_class_bind_template_child (widget_class, RpReferralsPage, filter_chips);
  gtk_widget_class_bind_template_child (widget_class, RpReferralsPage, main_stack);
  gtk_widget_class_bind_template_child (widget_class, RpReferralsPage, flap);
  gtk_widget_class_bind_template_child (widget_class, RpReferralsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, RpReferralsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, RpReferralsPage, date_column);
  gtk_widget_class_bind_template_child (widget_class, RpReferralsPage, direction_column);
  gtk_widget_class_bind_template_child (widget_class, RpReferralsPage, partner_column);
  gtk_widget_class_bind_template_child (widget_class, RpReferralsPage, reason_column);
  gtk_widget_class_bind_template_child (widget_class, RpReferralsPage, urgency_column);
  gtk_widget_class_bind_template_child (widget_class, RpReferralsPage, status_column);
  gtk_widget_class_bind_template_child (widget_class, RpReferralsPage, days_column);
  gtk_widget_class_bind_template_child (widget_class, RpReferralsPage, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, RpReferralsPage, detail);
  gtk_widget_class_bind_template_child (widget_class, RpReferralsPage, filter_popover);
  gtk_widget_class_bind_template_child (widget_class, RpReferralsPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RpReferralsPage, tier_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RpReferralsPage, direction_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RpReferralsPage, partner_entry);
  gtk_widget_class_bind_template_child (widget_class, RpReferralsPage, partner_scrolled);
  gtk_widget_class_bind_template_child (widget_class, RpReferralsPage, partner_list_view);
  gtk_widget_class_bind_template_child (widget_class, RpReferralsPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, RpReferralsPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, RpReferralsPage, days_spin);
  /* Not used by the code; tests reach it with gtk_widget_get_template_child(). */
  gtk_widget_class_bind_template_child_full (widget_class, "empty_add_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "no_results_button", FALSE, 0);
  _rp_referrals_page_class_filters_init (widget_class);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "referrals.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "referrals.clear-filters", NULL,
                                   clear_filters_action);
  gtk_widget_class_install_action (widget_class, "referrals.search", NULL, search_action);

  gtk_widget_class_set_css_name (widget_class, "referralspage");
}

static void
rp_referrals_page_init (RpReferralsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  /* Typing anywhere in the window searches. */
  rp_type_to_search_attach (GTK_WIDGET (self), GTK_WIDGET (self->search_bar));
  g_object_bind_property (self->search_button, "active",
                          self->search_bar, "search-mode-enabled",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  rp_page_bind_detail_button (self->flap, self->detail_button);
  g_signal_connect_object (self->flap, "notify::folded", G_CALLBACK (sync_detail_pane), self,
                           G_CONNECT_SWAPPED);
  sync_detail_pane (self);

  _rp_referrals_page_update_actions (self);
}

/* Public API */

GtkWidget *
rp_referrals_page_new (RpContext *context)
{
  g_return_val_if_fail (RP_IS_CONTEXT (context), NULL);

  return g_object_new (RP_TYPE_REFERRALS_PAGE,
                       "context", context,
                       NULL);
}

gint64
rp_referrals_page_get_selected_partner_id (RpReferralsPage *self)
{
  g_return_val_if_fail (RP_IS_REFERRALS_PAGE (self), 0);

  return self->selected_partner_id;
}

void
rp_referrals_page_select_referral (RpReferralsPage *self,
                                   gint64           referral_id)
{
  g_return_if_fail (RP_IS_REFERRALS_PAGE (self));
  g_return_if_fail (referral_id > 0);

  if (self->list == NULL)
    return;

  self->selected_id = referral_id;

  /* A search or filter that hides the referral gives way: it was asked for. */
  if (rp_referral_list_find (self->list, referral_id) == G_MAXUINT)
    {
      _rp_referrals_page_clear_filters (self);
      _rp_referrals_page_clear_search (self);
    }
  reselect (self);
  scroll_to_selected (self);

  /* Folded, the detail pane is the point of asking. */
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, TRUE);
}

void
rp_referrals_page_set_partner_filter (RpReferralsPage *self,
                                      gint64           partner_id,
                                      const char      *name)
{
  g_autoptr(RpReferralFilter) filter = NULL;

  g_return_if_fail (RP_IS_REFERRALS_PAGE (self));
  g_return_if_fail (partner_id >= 0);

  g_free (self->partner_name);
  self->partner_name = g_strdup (name);

  filter = rp_referral_filter_copy (rp_referral_list_get_filter (self->list));
  filter->partner_id = partner_id;
  _rp_referrals_page_set_filter (self, filter);
  _rp_referrals_page_update_filter_bar (self);
}
