/* rp-referrals-page-filters.c: the filter popover, its chips and the partner search.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "rp-page-util.h"
#include "rp-partner-list.h"
#include "rp-partner.h"
#include "rp-referral-list.h"
#include "rp-referral-status.h"
#include "rp-referrals-page-private.h"

/* What a chip of the filter bar removes. */
typedef enum
{
  CHIP_STATUS,
  CHIP_DIRECTION,
  CHIP_PARTNER,
  CHIP_DATES,
  CHIP_DAYS,
  CHIP_OUTCOME,
  CHIP_WITH_OUTCOME,
  CHIP_SPECIALTY,
  CHIP_REACHED,
  CHIP_TIER,
  CHIP_SPECIALTY_CODE,
  CHIP_CITY,
  CHIP_LIST,
} ChipKind;

/* The status drop-down's items after "Any Status" and "Open". */
#define STATUS_FIRST_ITEM 2

/* A valid YYYY-MM-DD, or blank. */
static gboolean
parse_day_entry (GtkEntry  *entry,
                 char     **day)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  unsigned year, month, dom;
  char extra;

  *day = NULL;
  if (*text == '\0')
    return TRUE;

  if (strlen (text) != 10 ||
      sscanf (text, "%4u-%2u-%2u%c", &year, &month, &dom, &extra) != 3 ||
      !g_date_valid_dmy ((GDateDay) dom, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  *day = g_steal_pointer (&text);
  return TRUE;
}

/* Filters */

static void filter_changed_cb (RpReferralsPage *self);

static void
clear_outcome_filter (RpReferralsPage *self)
{
  g_autoptr(RpReferralFilter) filter = NULL;

  filter = rp_referral_filter_copy (rp_referral_list_get_filter (self->list));
  g_clear_pointer (&self->outcome_name, g_free);
  filter->outcome_category_id = 0;
  _rp_referrals_page_set_filter (self, filter);
}

/* The specialty and "with an outcome" filters (the Analytics page's outcomes by specialty). */
static void
clear_specialty_filter (RpReferralsPage *self,
                        ChipKind         kind)
{
  g_autoptr(RpReferralFilter) filter = NULL;

  filter = rp_referral_filter_copy (rp_referral_list_get_filter (self->list));
  if (kind == CHIP_SPECIALTY)
    g_clear_pointer (&filter->specialty, g_free);
  else if (kind == CHIP_TIER)
    g_clear_pointer (&filter->tier, g_free);
  else if (kind == CHIP_SPECIALTY_CODE)
    {
      g_clear_pointer (&filter->specialty_code, g_free);
      g_clear_pointer (&filter->specialty_codes_excluded, g_free);
    }
  else if (kind == CHIP_CITY)
    g_clear_pointer (&filter->city, g_free);
  else if (kind == CHIP_LIST)
    filter->target_list_id = 0;
  else if (kind == CHIP_REACHED)
    filter->reached_step = 0;
  else
    filter->with_outcome = FALSE;
  _rp_referrals_page_set_filter (self, filter);
}

static void
clear_partner_filter (RpReferralsPage *self)
{
  g_autoptr(RpReferralFilter) filter = NULL;

  filter = rp_referral_filter_copy (rp_referral_list_get_filter (self->list));
  g_clear_pointer (&self->partner_name, g_free);
  filter->partner_id = 0;
  _rp_referrals_page_set_filter (self, filter);
}

static void
chip_clicked_cb (GtkButton       *button,
                 RpReferralsPage *self)
{
  ChipKind kind = rp_page_get_filter_chip_kind (button);

  switch (kind)
    {
    case CHIP_STATUS:
      gtk_drop_down_set_selected (self->status_dropdown, 0);
      break;
    case CHIP_DIRECTION:
      gtk_drop_down_set_selected (self->direction_dropdown, 0);
      break;
    case CHIP_PARTNER:
      clear_partner_filter (self);
      _rp_referrals_page_update_filter_bar (self);
      break;
    case CHIP_OUTCOME:
      clear_outcome_filter (self);
      _rp_referrals_page_update_filter_bar (self);
      break;
    case CHIP_WITH_OUTCOME:
    case CHIP_SPECIALTY:
    case CHIP_REACHED:
    case CHIP_TIER:
    case CHIP_SPECIALTY_CODE:
    case CHIP_CITY:
    case CHIP_LIST:
      clear_specialty_filter (self, kind);
      _rp_referrals_page_update_filter_bar (self);
      break;
    case CHIP_DATES:
      self->updating_filters = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->from_entry), "");
      gtk_editable_set_text (GTK_EDITABLE (self->to_entry), "");
      self->updating_filters = FALSE;
      filter_changed_cb (self);
      break;
    case CHIP_DAYS:
      gtk_spin_button_set_value (self->days_spin, 0);
      break;
    default:
      g_assert_not_reached ();
    }

  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
add_chip (RpReferralsPage *self,
          ChipKind         kind,
          const char      *text)
{
  rp_page_add_filter_chip (self->filter_chips, text, kind, G_CALLBACK (chip_clicked_cb), self);
}

/* A date entry shows the filter's day unless what is typed there is not a whole date yet. */
static void
sync_day_entry (GtkEntry   *entry,
                const char *day)
{
  g_autofree char *typed = NULL;

  if (parse_day_entry (entry, &typed) && g_strcmp0 (typed, day) != 0)
    gtk_editable_set_text (GTK_EDITABLE (entry), day != NULL ? day : "");
}

/* The popover's controls show the filter, however it was set (a chip, a click-through from the
 * Analytics page): a control changed later must not drop what the others do not show. */
static void
sync_controls (RpReferralsPage        *self,
               const RpReferralFilter *filter)
{
  int tier = -1;

  self->updating_filters = TRUE;
  gtk_drop_down_set_selected (self->status_dropdown,
                              filter->open_only ? 1
                              : filter->any_status ? 0
                              : (guint) filter->status + STATUS_FIRST_ITEM);
  gtk_drop_down_set_selected (self->direction_dropdown,
                              filter->any_direction ? 0 : (guint) filter->direction + 1);
  if (is_empty (filter->tier) || !rp_enum_from_nick (RP_TYPE_TIER, filter->tier, &tier))
    tier = -1;
  gtk_drop_down_set_selected (self->tier_dropdown, (guint) (tier + 1));
  sync_day_entry (self->from_entry, filter->from);
  sync_day_entry (self->to_entry, filter->to);
  if ((guint) gtk_spin_button_get_value_as_int (self->days_spin) != filter->open_longer_than_days)
    gtk_spin_button_set_value (self->days_spin, filter->open_longer_than_days);
  self->updating_filters = FALSE;
}

void
_rp_referrals_page_update_filter_bar (RpReferralsPage *self)
{
  const RpReferralFilter *filter = rp_referral_list_get_filter (self->list);
  guint n_active = 0;

  sync_controls (self, filter);
  rp_page_remove_all (self->filter_chips);

  if (filter->open_only && filter->any_status)
    {
      add_chip (self, CHIP_STATUS, _("Open"));
      n_active++;
    }
  else if (!filter->any_status)
    {
      add_chip (self, CHIP_STATUS, rp_referral_status_to_label (filter->status));
      n_active++;
    }

  if (!filter->any_direction)
    {
      add_chip (self, CHIP_DIRECTION, rp_referral_direction_to_label (filter->direction));
      n_active++;
    }

  if (filter->partner_id > 0)
    {
      add_chip (self, CHIP_PARTNER, self->partner_name != NULL ? self->partner_name
                                                               : _("One Partner"));
      n_active++;
    }

  if (filter->outcome_category_id > 0)
    {
      /* Translators: a filter chip: the referrals whose outcome is "Improved" */
      g_autofree char *text = g_strdup_printf (_("Outcome: %s"),
                                               self->outcome_name != NULL ? self->outcome_name
                                                                          : "");

      add_chip (self, CHIP_OUTCOME, text);
      n_active++;
    }

  if (filter->with_outcome)
    {
      /* Translators: a filter chip: the referrals whose outcome was recorded */
      add_chip (self, CHIP_WITH_OUTCOME, _("With an Outcome"));
      n_active++;
    }

  if (filter->reached_step > 0)
    {
      const RpReferralStatus steps[] = {
        RP_REFERRAL_STATUS_CONTACTED, RP_REFERRAL_STATUS_SCHEDULED, RP_REFERRAL_STATUS_SEEN,
        RP_REFERRAL_STATUS_LOOP_CLOSED,
      };
      /* Translators: a filter chip: the referrals that got as far as "Scheduled" */
      g_autofree char *text = g_strdup_printf (_("Reached %s"),
                                               rp_referral_status_to_label (
                                                 steps[MIN (filter->reached_step, 4) - 1]));

      add_chip (self, CHIP_REACHED, text);
      n_active++;
    }

  if (filter->specialty != NULL)
    {
      /* Translators: a filter chip: the referrals of the partners of one specialty */
      g_autofree char *text = g_strdup_printf (_("Specialty: %s"),
                                               *filter->specialty != '\0' ? filter->specialty
                                                                          : _("None"));

      add_chip (self, CHIP_SPECIALTY, text);
      n_active++;
    }

  if (!is_empty (filter->tier))
    {
      int tier;
      /* As the Partners page's chip says it, "Tier A". */
      g_autofree char *text = g_strdup_printf (_("Tier %s"),
                                               rp_enum_from_nick (RP_TYPE_TIER, filter->tier,
                                                                  &tier)
                                               ? rp_tier_to_label (tier) : filter->tier);

      add_chip (self, CHIP_TIER, text);
      n_active++;
    }

  if (filter->specialty_code != NULL || filter->specialty_codes_excluded != NULL)
    {
      /* Translators: a filter chip: the referrals of the partners of one specialty; "Other":
       * those the monthly chart did not name */
      g_autofree char *text = g_strdup_printf (_("Specialty: %s"),
                                               filter->specialty_codes_excluded != NULL
                                               ? _("Other")
                                               : *filter->specialty_code == '\0' ? _("None")
                                               : self->specialty_code_name != NULL
                                               ? self->specialty_code_name
                                               : filter->specialty_code);

      add_chip (self, CHIP_SPECIALTY_CODE, text);
      n_active++;
    }

  if (!is_empty (filter->city))
    {
      /* Translators: a filter chip: the referrals of the partners in one city */
      g_autofree char *text = g_strdup_printf (_("City: %s"), filter->city);

      add_chip (self, CHIP_CITY, text);
      n_active++;
    }

  if (filter->target_list_id > 0)
    {
      /* Translators: a filter chip: the referrals of the partners on one target list */
      g_autofree char *text = g_strdup_printf (_("Target list: %s"),
                                               self->list_name != NULL ? self->list_name : "");

      add_chip (self, CHIP_LIST, text);
      n_active++;
    }

  if (!is_empty (filter->from) || !is_empty (filter->to))
    {
      g_autofree char *from = !is_empty (filter->from) ? rp_format_day (filter->from) : NULL;
      g_autofree char *to = !is_empty (filter->to) ? rp_format_day (filter->to) : NULL;
      g_autofree char *text = NULL;

      if (from != NULL && to != NULL)
        /* Translators: a date range, "1 Nov 2026 – 27 Nov 2026". */
        text = g_strdup_printf (_("%s – %s"), from, to);
      else if (from != NULL)
        /* Translators: %s is a date. */
        text = g_strdup_printf (_("From %s"), from);
      else
        /* Translators: %s is a date. */
        text = g_strdup_printf (_("Until %s"), to);

      add_chip (self, CHIP_DATES, text);
      n_active++;
    }

  if (filter->open_longer_than_days > 0)
    {
      g_autofree char *text = NULL;

      text = g_strdup_printf (g_dngettext (NULL, "Open over %u day", "Open over %u days",
                                           filter->open_longer_than_days),
                              filter->open_longer_than_days);
      add_chip (self, CHIP_DAYS, text);
      n_active++;
    }

  rp_page_show_filter_count (self->filter_button, self->filter_revealer, n_active);

  _rp_referrals_page_update_actions (self);
}

static void
filter_changed_cb (RpReferralsPage *self)
{
  g_autoptr(RpReferralFilter) filter = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gboolean from_valid;
  gboolean to_valid;
  guint status;
  guint direction;
  guint tier;

  if (self->updating_filters || self->list == NULL)
    return;

  filter = rp_referral_filter_copy (rp_referral_list_get_filter (self->list));

  status = gtk_drop_down_get_selected (self->status_dropdown);
  filter->open_only = status == 1;
  filter->any_status = status < STATUS_FIRST_ITEM || status == GTK_INVALID_LIST_POSITION;
  filter->status = filter->any_status ? RP_REFERRAL_STATUS_RECEIVED
                                      : (RpReferralStatus) (status - STATUS_FIRST_ITEM);

  direction = gtk_drop_down_get_selected (self->direction_dropdown);
  filter->any_direction = direction == 0 || direction == GTK_INVALID_LIST_POSITION;
  filter->direction = filter->any_direction ? RP_REFERRAL_DIRECTION_INBOUND
                                            : (RpReferralDirection) (direction - 1);

  tier = gtk_drop_down_get_selected (self->tier_dropdown);
  g_clear_pointer (&filter->tier, g_free);
  if (tier > 0 && tier != GTK_INVALID_LIST_POSITION)
    filter->tier = g_strdup (rp_enum_to_nick (RP_TYPE_TIER, (int) tier - 1));

  /* A date being typed is not applied until it is a whole, valid date. */
  from_valid = parse_day_entry (self->from_entry, &from);
  to_valid = parse_day_entry (self->to_entry, &to);
  rp_page_set_invalid (GTK_WIDGET (self->from_entry), !from_valid);
  rp_page_set_invalid (GTK_WIDGET (self->to_entry), !to_valid);
  if (from_valid)
    {
      g_free (filter->from);
      filter->from = g_steal_pointer (&from);
    }
  if (to_valid)
    {
      g_free (filter->to);
      filter->to = g_steal_pointer (&to);
    }

  filter->open_longer_than_days = (guint) gtk_spin_button_get_value_as_int (self->days_spin);

  _rp_referrals_page_set_filter (self, filter);
  _rp_referrals_page_update_filter_bar (self);
}

void
_rp_referrals_page_clear_filters (RpReferralsPage *self)
{
  g_autoptr(RpReferralFilter) filter = NULL;

  self->updating_filters = TRUE;
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->direction_dropdown, 0);
  gtk_drop_down_set_selected (self->tier_dropdown, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->partner_entry), "");
  gtk_spin_button_set_value (self->days_spin, 0);
  self->updating_filters = FALSE;

  /* The partner is not one of the popover's controls: cleared here, then the rest follows. */
  g_clear_pointer (&self->partner_name, g_free);
  g_clear_pointer (&self->outcome_name, g_free);
  filter = rp_referral_filter_copy (rp_referral_list_get_filter (self->list));
  filter->partner_id = 0;
  filter->outcome_category_id = 0;
  filter->with_outcome = FALSE;
  filter->reached_step = 0;
  g_clear_pointer (&filter->specialty, g_free);
  g_clear_pointer (&filter->tier, g_free);
  g_clear_pointer (&filter->specialty_code, g_free);
  g_clear_pointer (&filter->specialty_codes_excluded, g_free);
  g_clear_pointer (&filter->city, g_free);
  filter->target_list_id = 0;
  _rp_referrals_page_set_filter (self, filter);
  filter_changed_cb (self);
}

/* The partner filter: a search over the partners, a click picks one. */

static void
partner_search_changed_cb (RpReferralsPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->partner_entry));

  rp_partner_list_set_search (self->partners, text);
  gtk_widget_set_visible (GTK_WIDGET (self->partner_scrolled), !is_empty (text));
}

static void
partner_activated_cb (RpReferralsPage *self,
                      guint            position)
{
  g_autoptr(RpPartner) partner = g_list_model_get_item (G_LIST_MODEL (self->partners), position);

  if (partner == NULL)
    return;

  rp_referrals_page_set_partner_filter (self, rp_partner_get_id (partner),
                                        rp_partner_get_display_name (partner));
  self->updating_filters = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->partner_entry), "");
  self->updating_filters = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->partner_scrolled), FALSE);
  gtk_popover_popdown (self->filter_popover);
}

void
_rp_referrals_page_setup_partner_row_cb (GtkSignalListItemFactory *factory,
                                         GtkListItem              *list_item)
{
  GtkWidget *label = gtk_label_new (NULL);
  GtkExpression *item = gtk_property_expression_new (GTK_TYPE_LIST_ITEM, NULL, "item");

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
  gtk_expression_bind (gtk_property_expression_new (RP_TYPE_PARTNER, item, "display-name"),
                       label, "label", list_item);
}

/* Search: the entry's search-changed comes after a pause in typing (GtkSearchEntry's delay),
 * as on the Partners page, so each word typed queries once. */

static void
search_changed_cb (RpReferralsPage *self)
{
  g_autoptr(RpReferralFilter) filter = NULL;

  if (self->updating_filters || self->list == NULL)
    return;

  filter = rp_referral_filter_copy (rp_referral_list_get_filter (self->list));
  g_free (filter->search);
  filter->search = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  _rp_referrals_page_set_filter (self, filter);
}

/* Enter in the search entry goes to the first match of what is typed, brought up to date first:
 * the entry reports a change only after a pause. */
static void
search_activate_cb (RpReferralsPage *self)
{
  search_changed_cb (self);

  if (self->list == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->list)) == 0)
    return;

  gtk_single_selection_set_selected (self->selection, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

void
_rp_referrals_page_clear_search (RpReferralsPage *self)
{
  g_autoptr(RpReferralFilter) filter = NULL;

  self->updating_filters = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  self->updating_filters = FALSE;

  filter = rp_referral_filter_copy (rp_referral_list_get_filter (self->list));
  g_clear_pointer (&filter->search, g_free);
  _rp_referrals_page_set_filter (self, filter);
}

static void
stop_search_cb (RpReferralsPage *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

void
_rp_referrals_page_class_filters_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, partner_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, partner_activated_cb);
}
