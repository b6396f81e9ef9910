/* rp-referrals-page-private.h: what the rp-referrals-page*.c files share. Nothing outside
 * RpReferralsPage includes it.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rp-partner-list.h"
#include "rp-referral-detail.h"
#include "rp-referral-list.h"
#include "rp-referrals-page.h"

G_BEGIN_DECLS

struct _RpReferralsPage
{
  AdwBin               parent_instance;

  RpContext           *context;
  RpStore             *store;
  RpReferralList      *list;
  GtkSingleSelection  *selection;
  RpPartnerList       *partners;

  /* The referral the user chose, kept across list changes (see reselect). */
  gint64               selected_id;
  gint64               selected_partner_id;
  gboolean             requerying;
  gboolean             updating_filters;
  gboolean             store_empty;

  /* The partner filter's label. */
  char                *partner_name;
  /* The outcome filter's label (the Analytics page's outcome chart). */
  char                *outcome_name;
  /* The labels of the Analytics page's specialty and target list filters. */
  char                *specialty_code_name;
  char                *list_name;


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
  AdwFlap             *flap;
  GtkStack            *list_stack;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *date_column;
  GtkColumnViewColumn *direction_column;
  GtkColumnViewColumn *partner_column;
  GtkColumnViewColumn *reason_column;
  GtkColumnViewColumn *urgency_column;
  GtkColumnViewColumn *status_column;
  GtkColumnViewColumn *days_column;
  AdwStatusPage       *no_results_page;
  RpReferralDetail    *detail;
  GtkPopover          *filter_popover;
  GtkDropDown         *status_dropdown;
  GtkDropDown         *direction_dropdown;
  GtkDropDown         *tier_dropdown;
  GtkSearchEntry      *partner_entry;
  GtkScrolledWindow   *partner_scrolled;
  GtkListView         *partner_list_view;
  GtkEntry            *from_entry;
  GtkEntry            *to_entry;
  GtkSpinButton       *days_spin;
};

static inline gboolean
is_empty (const char *str)
{
  return str == NULL || *str == '\0';
}

/* rp-referrals-page.c */
void _rp_referrals_page_set_filter            (RpReferralsPage          *self,
                                               const RpReferralFilter   *filter);
void _rp_referrals_page_update_actions        (RpReferralsPage          *self);

/* rp-referrals-page-filters.c */
void _rp_referrals_page_update_filter_bar     (RpReferralsPage          *self);
void _rp_referrals_page_clear_filters         (RpReferralsPage          *self);
/* Empties the search entry and the list's search at once. */
void _rp_referrals_page_clear_search          (RpReferralsPage          *self);
void _rp_referrals_page_setup_partner_row_cb  (GtkSignalListItemFactory *factory,
                                               GtkListItem              *list_item);
void _rp_referrals_page_class_filters_init    (GtkWidgetClass           *widget_class);

G_END_DECLS
