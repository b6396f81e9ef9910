/* rp-planner-page-private.h: what the rp-planner-page*.c files share. Nothing outside
 * RpPlannerPage includes it.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rp-geo.h"
#include "rp-planner-page.h"

G_BEGIN_DECLS

#define N_DAYS 5

/* Side by side, the days need DAYS_MIN_WIDTH (five columns of 128 px and their gaps) beside the
 * "Who to Visit" pane (SUGGESTIONS_WIDTH) when it is open; with less they stack vertically. */
#define DAYS_MIN_WIDTH 720
#define SUGGESTIONS_WIDTH 300

struct _RpPlannerPage
{
  AdwBin          parent_instance;

  RpContext      *context;
  char           *monday;                /* YYYY-MM-DD of the week on show */
  char           *days[N_DAYS];          /* Monday…Friday of it */
  int             selected_day;          /* 0…4, or -1 */
  gboolean        stale;
  gboolean        vertical;
  guint           layout_idle_id;

  GPtrArray      *visits;                /* RpPlannedVisit of the week, cancelled ones too */
  GHashTable     *partners;              /* partner id → RpPartner of those visits */
  GPtrArray      *suggestions;           /* RpSuggestion, best first */

  /* "Who to Visit" is computed off the main thread (see request_suggestions). */
  guint           suggestions_idle_id;
  guint           suggestions_serial;    /* bumped by each request: older results are dropped */
  gboolean        suggestions_running;   /* a job is on a worker thread */
  GCancellable   *cancellable;
  guint           fill_tick_id;          /* adds the rows of the suggestions a few a frame */
  guint           n_filled;
  gboolean        fill_revealed;         /* the list has replaced the spinner */

  GtkWidget      *day_columns[N_DAYS];
  GtkWidget      *row_popover;           /* the menu of the visit row last activated */
  char           *focus_visit_uuid;      /* the visit moved by keyboard, to focus once shown */

  /* Timing, for G_MESSAGES_DEBUG=Rapport: from construction to the first frame and to the
   * first suggestions. */
  gint64          created_at;
  gboolean        first_frame_logged;
  gboolean        first_suggestions_logged;

  /* Template widgets */
  AdwWindowTitle *window_title;
  AdwFlap        *flap;
  GtkScrolledWindow *days_scroller;
  GtkBox         *days_box;
  GtkLabel       *suggestions_subtitle;
  GtkStack       *suggestions_stack;
  GtkListBox     *suggestions_list;
  GtkSpinner     *suggestions_spinner;
};

/* rp-planner-page.c */
char           *_rp_planner_page_dup_today               (void);
char           *_rp_planner_page_format_day              (const char     *day,
                                                          const char     *format);
void            _rp_planner_page_add_toast               (RpPlannerPage  *self,
                                                          const char     *title);
void            _rp_planner_page_add_error_toast         (RpPlannerPage  *self,
                                                          const char     *what,
                                                          const GError   *error);
RpDistanceUnit  _rp_planner_page_distance_unit           (RpPlannerPage  *self);
RpPartner      *_rp_planner_page_lookup_partner          (RpPlannerPage  *self,
                                                          gint64          partner_id);
gboolean        _rp_planner_page_visit_point             (RpPlannerPage  *self,
                                                          RpPlannedVisit *visit,
                                                          RpGeoPoint     *point);
/* The visits of @day in their order (borrowed); cancelled ones only when @with_cancelled. */
GPtrArray      *_rp_planner_page_visits_of_day           (RpPlannerPage  *self,
                                                          const char     *day,
                                                          gboolean        with_cancelled);

/* rp-planner-page-days.c */
gboolean        _rp_planner_page_wants_vertical          (RpPlannerPage  *self,
                                                          int             width);
GtkWidget      *_rp_planner_page_caption_label           (const char     *text,
                                                          gboolean        dim);
void            _rp_planner_page_rebuild_days            (RpPlannerPage  *self);
/* The visit of @visit_id among the week's (borrowed), or NULL. */
RpPlannedVisit *_rp_planner_page_lookup_visit            (RpPlannerPage  *self,
                                                          gint64          visit_id);
const char     *_rp_planner_page_visit_partner_name      (RpPlannerPage  *self,
                                                          RpPlannedVisit *visit);
/* The practice's primary location, when it is placed. */
gboolean        _rp_planner_page_practice_origin         (RpPlannerPage  *self,
                                                          RpGeoPoint     *origin);

/* rp-planner-page-actions.c */
void            _rp_planner_page_class_actions_init      (GtkWidgetClass *widget_class);

/* rp-planner-page-suggestions.c */
void            _rp_planner_page_stop_filling            (RpPlannerPage  *self);
void            _rp_planner_page_request_suggestions     (RpPlannerPage  *self,
                                                          gboolean        show_spinner);
void            _rp_planner_page_class_suggestions_init  (GtkWidgetClass *widget_class);

G_END_DECLS
