/* rp-partners-page-private.h: what the rp-partners-page*.c files share. Nothing outside
 * RpPartnersPage includes it.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rp-geo.h"
#include "rp-partner-detail.h"
#include "rp-partner-list.h"
#include "rp-partners-page.h"

G_BEGIN_DECLS

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

  /* Proximity: the practice's primary location (re-read on "practice-changed") and the unit
   * distances are shown in (the "distance-unit" setting). */
  gboolean             has_origin;
  double               origin_lat;
  double               origin_lon;
  RpDistanceUnit       distance_unit;
  /* The name of the target list the page is showing (filter->target_list_id), for its chip. */
  char                *target_list_name;
  /* The feedback filter's chip text ("Feedback on Reports, 1 Nov – 30 Nov 2026"). */
  char                *feedback_label;

  guint                columns_source;

  /* Until the page's first frame, the view shows a slice of the list (see show_first_rows()). */
  GtkSliceListModel   *first_rows;
  GdkFrameClock       *first_frame_clock;  /* weak */
  gulong               first_paint_id;
  guint                all_rows_source;

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
  GtkColumnViewColumn *distance_column;
  AdwStatusPage       *no_results_page;
  GtkButton           *no_results_button;
  RpPartnerDetail     *detail;
  GtkPopover          *filter_popover;
  GtkDropDown         *tier_dropdown;
  GtkDropDown         *status_dropdown;
  GtkDropDown         *specialty_dropdown;
  GtkDropDown         *within_dropdown;
  GtkSwitch           *archived_switch;
};

static inline gboolean
is_empty (const char *str)
{
  return str == NULL || *str == '\0';
}

/* rp-partners-page.c */
RpPartner  *_rp_partners_page_get_selected_partner    (RpPartnersPage        *self);
const char *_rp_partners_page_specialty_display_label (const char            *code,
                                                       const char            *label);
void        _rp_partners_page_scroll_to_position      (RpPartnersPage        *self,
                                                       guint                  position);
/* Selects self->selected_id again after the list changed. */
void        _rp_partners_page_reselect                (RpPartnersPage        *self);
void        _rp_partners_page_set_filter              (RpPartnersPage        *self,
                                                       const RpPartnerFilter *filter);
void        _rp_partners_page_update_actions          (RpPartnersPage        *self);

/* rp-partners-page-columns.c */
void        _rp_partners_page_setup_columns           (RpPartnersPage        *self);

/* rp-partners-page-filters.c */
void        _rp_partners_page_init_specialty_filter   (RpPartnersPage        *self);
void        _rp_partners_page_update_filter_bar       (RpPartnersPage        *self);
void        _rp_partners_page_clear_filters           (RpPartnersPage        *self);
void        _rp_partners_page_sync_filter_controls    (RpPartnersPage        *self);
/* Fills the "Within" filter with distances in the page's unit, keeping the choice, and makes it
 * insensitive (saying why) without a practice location. */
void        _rp_partners_page_update_within_filter    (RpPartnersPage        *self);
void        _rp_partners_page_class_filters_init      (GtkWidgetClass        *widget_class);

/* rp-partners-page-actions.c */
void        _rp_partners_page_class_actions_init      (GtkWidgetClass        *widget_class);
/* Enables the pane's "More" menu (show on map, plan visit, packets) for the selected partner. */
void        _rp_partners_page_enable_forwards         (RpPartnersPage        *self,
                                                       gboolean               enabled);

G_END_DECLS
