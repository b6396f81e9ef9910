/* rp-planner-page.c
 *
 * The week is rebuilt from the store whenever its visits, partners or records change: a week
 * holds a few dozen visits at most, so five list boxes read better than a paging model. While the
 * page is not on show a change only marks it stale, and the page catches up when it is mapped.
 *
 * The day columns sit side by side like GNOME Calendar's week view; when the page is narrower
 * than WIDE_LAYOUT_MIN_WIDTH they stack, one day under the other. The orientation is switched
 * from an idle callback after an allocation, never during one.
 *
 * Every rule (the suggestions and their reasons, the driving order, the iCalendar file) lives in
 * src/core; this page only shows them and forwards the liaison's choices to the store.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-activity-dialog.h"
#include "rp-geo.h"
#include "rp-ics.h"
#include "rp-page-util.h"
#include "rp-planner-page.h"
#include "rp-route.h"
#include "rp-visit-suggestions.h"

#define N_DAYS 5

/* Below this width of the page the day columns stack vertically. Side by side, the days need
 * DAYS_MIN_WIDTH: when the "Who to Visit" pane leaves less, the pane folds over them. */
#define WIDE_LAYOUT_MIN_WIDTH 900
#define DAYS_MIN_WIDTH 700

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
  guint           data_generation;       /* bumped by each change of the store */
  RpStore        *reader;                /* the workers' connection, while no job holds it */
  gboolean        reader_failed;         /* no second connection: compute on this thread */
  GCancellable   *cancellable;
  guint           fill_tick_id;          /* adds the rows of the suggestions a few a frame */
  guint           n_filled;
  gboolean        fill_revealed;         /* the list has replaced the placeholder */

  GtkWidget      *day_columns[N_DAYS];
  GtkWidget      *row_popover;           /* the menu of the visit row last activated */

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

G_DEFINE_FINAL_TYPE (RpPlannerPage, rp_planner_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_WEEK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void reload (RpPlannerPage *self,
                    gboolean       placeholder);

/* Dates ---------------------------------------------------------------------------------------- */

static GDate *
date_from_iso (const char *day)
{
  GDate *date = g_date_new ();
  int y;
  int m;
  int d;

  /* g_date_set_parse follows the locale; YYYY-MM-DD is read by hand. */
  if (day != NULL && sscanf (day, "%d-%d-%d", &y, &m, &d) == 3 && g_date_valid_dmy (d, m, y))
    g_date_set_dmy (date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);

  return date;
}

static char *
iso_from_date (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static char *
dup_today (void)
{
  g_autoptr(GDate) today = g_date_new ();

  g_date_set_time_t (today, time (NULL));

  return iso_from_date (today);
}

static GDateTime *
date_time_from_iso (const char *day)
{
  g_autoptr(GDate) date = date_from_iso (day);

  if (!g_date_valid (date))
    return NULL;

  return g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                g_date_get_day (date), 12, 0, 0);
}

static char *
format_day (const char *day,
            const char *format)
{
  g_autoptr(GDateTime) date_time = date_time_from_iso (day);

  if (date_time == NULL)
    return g_strdup (day);

  return g_date_time_format (date_time, format);
}

static char *
shift_day (const char *day,
           int         days)
{
  g_autoptr(GDate) date = date_from_iso (day);

  if (days >= 0)
    g_date_add_days (date, (guint) days);
  else
    g_date_subtract_days (date, (guint) -days);

  return iso_from_date (date);
}

/* "Week of Nov 23 – 27, 2026"; across months and years the range says more. */
static char *
format_week_title (const char *monday,
                   const char *friday)
{
  g_autoptr(GDateTime) start = date_time_from_iso (monday);
  g_autoptr(GDateTime) end = date_time_from_iso (friday);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (start == NULL || end == NULL)
    return g_strdup (_("Planner"));

  if (g_date_time_get_year (start) != g_date_time_get_year (end))
    {
      /* Translators: a date in the week's title, "Dec 28, 2026"; see strftime(3). */
      from = g_date_time_format (start, _("%b %-d, %Y"));
      to = g_date_time_format (end, _("%b %-d, %Y"));
    }
  else if (g_date_time_get_month (start) != g_date_time_get_month (end))
    {
      /* Translators: the first day in the week's title, "Nov 30". */
      from = g_date_time_format (start, _("%b %-d"));
      to = g_date_time_format (end, _("%b %-d, %Y"));
    }
  else
    {
      from = g_date_time_format (start, _("%b %-d"));
      /* Translators: the last day in the week's title when the month is the same, "27, 2026". */
      to = g_date_time_format (end, _("%-d, %Y"));
    }

  /* Translators: the Planner's title, "Week of Nov 23 – 27, 2026". */
  return g_strdup_printf (_("Week of %s – %s"), from, to);
}

/* Helpers -------------------------------------------------------------------------------------- */

static void
add_toast (RpPlannerPage *self,
           const char    *title)
{
  rp_page_add_toast (GTK_WIDGET (self), adw_toast_new (title));
}

static void
add_error_toast (RpPlannerPage *self,
                 const char    *what,
                 const GError  *error)
{
  g_autofree char *message = g_strdup_printf ("%s: %s", what, error->message);

  add_toast (self, message);
}

static RpDistanceUnit
distance_unit (RpPlannerPage *self)
{
  g_autofree char *setting = g_settings_get_string (rp_context_get_settings (self->context),
                                                    "distance-unit");

  return rp_distance_unit_from_string (setting);
}

static int
day_index (RpPlannerPage *self,
           const char    *day)
{
  for (int i = 0; i < N_DAYS; i++)
    {
      if (g_strcmp0 (self->days[i], day) == 0)
        return i;
    }

  return -1;
}

static RpPlannedVisit *
lookup_visit (RpPlannerPage *self,
              gint64         visit_id)
{
  for (guint i = 0; self->visits != NULL && i < self->visits->len; i++)
    {
      RpPlannedVisit *visit = g_ptr_array_index (self->visits, i);

      if (rp_planned_visit_get_id (visit) == visit_id)
        return visit;
    }

  return NULL;
}

static RpPartner *
lookup_partner (RpPlannerPage *self,
                gint64         partner_id)
{
  return g_hash_table_lookup (self->partners, &partner_id);
}

static const char *
visit_partner_name (RpPlannerPage  *self,
                    RpPlannedVisit *visit)
{
  RpPartner *partner = lookup_partner (self, rp_planned_visit_get_partner_id (visit));

  if (partner != NULL)
    return rp_partner_get_display_name (partner);

  return _("Unknown partner");
}

static gboolean
visit_point (RpPlannerPage  *self,
             RpPlannedVisit *visit,
             RpGeoPoint     *point)
{
  RpPartner *partner = lookup_partner (self, rp_planned_visit_get_partner_id (visit));

  if (partner == NULL || !rp_partner_get_has_location (partner))
    return FALSE;

  point->lat = rp_partner_get_latitude (partner);
  point->lon = rp_partner_get_longitude (partner);

  return TRUE;
}

/* The practice's origin: its primary location, when it is placed. */
static gboolean
practice_origin (RpPlannerPage *self,
                 RpGeoPoint    *origin)
{
  g_autoptr(RpPractice) practice = rp_store_get_practice (rp_context_get_store (self->context),
                                                          NULL);
  RpLocation *location;

  if (practice == NULL)
    return FALSE;

  location = rp_practice_get_origin (practice);
  if (location == NULL || !rp_location_get_has_coordinates (location))
    return FALSE;

  origin->lat = rp_location_get_latitude (location);
  origin->lon = rp_location_get_longitude (location);

  return TRUE;
}

/* The visits of @day in their order (borrowed); cancelled ones only when @with_cancelled. */
static GPtrArray *
visits_of_day (RpPlannerPage *self,
               const char    *day,
               gboolean       with_cancelled)
{
  GPtrArray *result = g_ptr_array_new ();

  for (guint i = 0; self->visits != NULL && i < self->visits->len; i++)
    {
      RpPlannedVisit *visit = g_ptr_array_index (self->visits, i);

      if (g_strcmp0 (rp_planned_visit_get_planned_on (visit), day) != 0)
        continue;
      if (!with_cancelled && rp_planned_visit_get_status (visit) == RP_VISIT_STATUS_CANCELLED)
        continue;

      g_ptr_array_add (result, visit);
    }

  return result;
}

/* The day a "Plan" button plans on: the selected day, else the first working day of the week
 * from today on, else its Monday. */
static const char *
default_plan_day (RpPlannerPage *self)
{
  g_autofree char *today = dup_today ();

  if (self->selected_day >= 0)
    return self->days[self->selected_day];

  for (int i = 0; i < N_DAYS; i++)
    {
      if (g_strcmp0 (self->days[i], today) >= 0)
        return self->days[i];
    }

  return self->days[0];
}

/* Visit rows ----------------------------------------------------------------------------------- */

static GMenuModel *
visit_menu (RpPlannerPage  *self,
            RpPlannedVisit *visit)
{
  GMenu *menu = g_menu_new ();
  GVariant *id = g_variant_new_int64 (rp_planned_visit_get_id (visit));
  g_autoptr(GMenuItem) item = NULL;

  g_variant_ref_sink (id);

  if (rp_planned_visit_get_status (visit) == RP_VISIT_STATUS_PLANNED)
    {
      item = g_menu_item_new (_("Mark _Done…"), NULL);
      g_menu_item_set_action_and_target_value (item, "planner.mark-done", id);
      g_menu_append_item (menu, item);
      g_clear_object (&item);

      item = g_menu_item_new (_("_Cancel Visit"), NULL);
      g_menu_item_set_action_and_target_value (item, "planner.cancel-visit", id);
      g_menu_append_item (menu, item);
      g_clear_object (&item);
    }
  else if (rp_planned_visit_get_status (visit) == RP_VISIT_STATUS_CANCELLED)
    {
      item = g_menu_item_new (_("_Restore Visit"), NULL);
      g_menu_item_set_action_and_target_value (item, "planner.restore-visit", id);
      g_menu_append_item (menu, item);
      g_clear_object (&item);
    }

  item = g_menu_item_new (_("_Remove"), NULL);
  g_menu_item_set_action_and_target_value (item, "planner.remove-visit", id);
  g_menu_append_item (menu, item);

  g_variant_unref (id);

  return G_MENU_MODEL (menu);
}

static void
popup_visit_menu (RpPlannerPage *self,
                  GtkWidget     *row)
{
  RpPlannedVisit *visit = lookup_visit (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row),
                                                                                 "visit-id")));
  g_autoptr(GMenuModel) menu = NULL;
  graphene_rect_t bounds;

  if (visit == NULL)
    return;

  menu = visit_menu (self, visit);
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->row_popover), menu);

  if (gtk_widget_compute_bounds (row, GTK_WIDGET (self), &bounds))
    {
      GdkRectangle rect = {
        (int) bounds.origin.x, (int) bounds.origin.y,
        (int) bounds.size.width, (int) bounds.size.height
      };

      gtk_popover_set_pointing_to (GTK_POPOVER (self->row_popover), &rect);
    }

  gtk_popover_popup (GTK_POPOVER (self->row_popover));
}

static void
visit_row_activated_cb (RpPlannerPage *self,
                        GtkListBoxRow *row,
                        GtkListBox    *list_box)
{
  g_assert (RP_IS_PLANNER_PAGE (self));

  popup_visit_menu (self, GTK_WIDGET (row));
}

static void
visit_row_pressed_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      RpPlannerPage   *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_visit_menu (self, row);
}

static GdkContentProvider *
visit_drag_prepare_cb (GtkDragSource *source,
                       double         x,
                       double         y,
                       gpointer       user_data)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  gint64 visit_id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "visit-id"));

  return gdk_content_provider_new_typed (G_TYPE_INT64, visit_id);
}

static void
visit_drag_begin_cb (GtkDragSource *source,
                     GdkDrag       *drag,
                     gpointer       user_data)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

static GtkWidget *
caption_label (const char *text,
               gboolean    dim)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "caption");
  if (dim)
    gtk_widget_add_css_class (label, "dim-label");

  return label;
}

static void
set_strikethrough (GtkWidget *label)
{
  PangoAttrList *attributes = pango_attr_list_new ();

  pango_attr_list_insert (attributes, pango_attr_strikethrough_new (TRUE));
  gtk_label_set_attributes (GTK_LABEL (label), attributes);
  pango_attr_list_unref (attributes);
}

static GtkWidget *
create_visit_row (RpPlannerPage  *self,
                  RpPlannedVisit *visit,
                  guint           number,
                  double          leg_km)
{
  RpPartner *partner = lookup_partner (self, rp_planned_visit_get_partner_id (visit));
  RpVisitStatus status = rp_planned_visit_get_status (visit);
  const char *name = visit_partner_name (self, visit);
  const char *objective = rp_planned_visit_get_objective (visit);
  g_autofree char *detail = NULL;
  g_autofree char *leg = NULL;
  g_autofree char *accessible = NULL;
  g_autofree char *number_text = NULL;
  GtkWidget *row;
  GtkWidget *grid;
  GtkWidget *badge;
  GtkWidget *label;
  GtkDragSource *drag;
  GtkGesture *click;
  int line = 1;

  row = gtk_list_box_row_new ();
  gtk_widget_add_css_class (row, "planner-visit");
  g_object_set_data (G_OBJECT (row), "visit-id",
                     GSIZE_TO_POINTER ((gsize) rp_planned_visit_get_id (visit)));
  gtk_widget_set_name (row, rp_planned_visit_get_uuid (visit));

  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 2);
  gtk_widget_set_margin_top (grid, 8);
  gtk_widget_set_margin_bottom (grid, 8);
  gtk_widget_set_margin_start (grid, 8);
  gtk_widget_set_margin_end (grid, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), grid);

  /* The stop's number in the driving order; a tick once it was done. */
  if (status == RP_VISIT_STATUS_DONE)
    {
      badge = gtk_image_new_from_icon_name ("object-select-symbolic");
      gtk_widget_set_tooltip_text (badge, _("Done"));
    }
  else
    {
      number_text = g_strdup_printf ("%u", number);
      badge = gtk_label_new (status == RP_VISIT_STATUS_CANCELLED ? "–" : number_text);
    }
  gtk_widget_add_css_class (badge, "planner-stop-badge");
  if (status == RP_VISIT_STATUS_DONE)
    gtk_widget_add_css_class (badge, "done");
  gtk_widget_set_valign (badge, GTK_ALIGN_START);
  gtk_widget_set_halign (badge, GTK_ALIGN_CENTER);
  gtk_accessible_update_state (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_grid_attach (GTK_GRID (grid), badge, 0, 0, 1, 1);

  label = gtk_label_new (name);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "planner-visit-name");
  gtk_widget_set_tooltip_text (label, name);
  if (status == RP_VISIT_STATUS_CANCELLED)
    set_strikethrough (label);
  gtk_grid_attach (GTK_GRID (grid), label, 1, 0, 1, 1);

  if (partner != NULL)
    {
      const char *specialty = rp_partner_get_specialty_label (partner);
      const char *organization = rp_partner_get_organization (partner);

      if (specialty != NULL && *specialty != '\0' && organization != NULL && *organization != '\0'
          && rp_partner_get_kind (partner) == RP_PARTNER_KIND_PERSON)
        detail = g_strdup_printf ("%s · %s", specialty, organization);
      else if (specialty != NULL && *specialty != '\0')
        detail = g_strdup (specialty);
      else if (organization != NULL && *organization != '\0')
        detail = g_strdup (organization);
    }

  if (detail != NULL)
    {
      label = caption_label (detail, TRUE);
      gtk_widget_set_tooltip_text (label, detail);
      gtk_grid_attach (GTK_GRID (grid), label, 1, line++, 1, 1);
    }

  if (objective != NULL && *objective != '\0')
    {
      label = caption_label (objective, FALSE);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_NONE);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (label, "planner-objective");
      if (status == RP_VISIT_STATUS_CANCELLED)
        set_strikethrough (label);
      gtk_grid_attach (GTK_GRID (grid), label, 1, line++, 1, 1);
    }

  /* The leg from the previous stop (or the practice), for stops on the route. */
  if (leg_km >= 0)
    {
      g_autofree char *distance = rp_distance_format (leg_km, distance_unit (self));

      if (number == 1)
        /* Translators: the first leg of a day's route, "9.8 km from the practice". */
        leg = g_strdup_printf (_("%s from the practice"), distance);
      else
        /* Translators: a leg of a day's route, "2.1 km from stop 1". */
        leg = g_strdup_printf (_("%s from stop %u"), distance, number - 1);

      /* The distance says enough in a narrow column; the tooltip says from where. */
      label = caption_label (distance, TRUE);
      gtk_widget_add_css_class (label, "numeric");
      gtk_widget_add_css_class (label, "planner-leg");
      gtk_widget_set_tooltip_text (label, leg);
      gtk_grid_attach (GTK_GRID (grid), label, 1, line++, 1, 1);
    }

  if (status != RP_VISIT_STATUS_PLANNED)
    gtk_widget_add_css_class (row, status == RP_VISIT_STATUS_DONE ? "done" : "cancelled");

  if (status == RP_VISIT_STATUS_DONE)
    /* Translators: a row of the Planner: "Visit to Dr. Ann Lee, done". */
    accessible = g_strdup_printf (_("Visit to %s, done"), name);
  else if (status == RP_VISIT_STATUS_CANCELLED)
    accessible = g_strdup_printf (_("Visit to %s, cancelled"), name);
  else
    /* Translators: a row of the Planner: "Stop 2: Dr. Ann Lee". */
    accessible = g_strdup_printf (_("Stop %u: %s"), number, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  objective != NULL ? objective : "",
                                  -1);

  /* Drag a visit onto another day; a click (or the context-menu button) opens its menu. */
  drag = gtk_drag_source_new ();
  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (visit_drag_prepare_cb), NULL);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (visit_drag_begin_cb), NULL);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drag));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (click, "pressed", G_CALLBACK (visit_row_pressed_cb), self, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));

  return row;
}

/* Day columns ---------------------------------------------------------------------------------- */

static gboolean
day_drop_cb (GtkDropTarget *target,
             const GValue  *value,
             double         x,
             double         y,
             RpPlannerPage *self)
{
  GtkWidget *column = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  const char *day = g_object_get_data (G_OBJECT (column), "day");
  GtkListBox *list_box = g_object_get_data (G_OBJECT (column), "list-box");
  guint position = G_MAXUINT;
  gint64 visit_id;

  if (!G_VALUE_HOLDS_INT64 (value))
    return FALSE;

  visit_id = g_value_get_int64 (value);

  /* Dropped on a row: the visit takes that row's place. */
  if (list_box != NULL)
    {
      graphene_point_t point = GRAPHENE_POINT_INIT ((float) x, (float) y);
      graphene_point_t in_list;

      if (gtk_widget_compute_point (column, GTK_WIDGET (list_box), &point, &in_list))
        {
          GtkListBoxRow *row = gtk_list_box_get_row_at_y (list_box, (int) in_list.y);

          if (row != NULL)
            position = (guint) gtk_list_box_row_get_index (row);
        }
    }

  return gtk_widget_activate_action (GTK_WIDGET (self), "planner.move-visit", "(xsu)",
                                     visit_id, day, position);
}

static GtkWidget *
create_day_footer (RpPlannerPage *self,
                   const char    *day,
                   GPtrArray     *stops,
                   double         total_km,
                   gboolean       any_located)
{
  g_autofree char *summary = NULL;
  g_autofree char *distance = NULL;
  GtkWidget *footer;
  GtkWidget *label;
  GtkWidget *buttons;
  GtkWidget *button;

  /* Stacked days are wide: the figures and the buttons then share one line. */
  footer = gtk_box_new (self->vertical ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL,
                        6);
  gtk_widget_add_css_class (footer, "planner-day-footer");

  if (stops->len > 0 && any_located)
    {
      distance = rp_distance_format (total_km, distance_unit (self));
      /* Translators: a day's footer in the Planner: "3 stops · 12.4 mi". */
      summary = g_strdup_printf (ngettext ("%u stop · %s", "%u stops · %s", stops->len),
                                 stops->len, distance);
    }
  else
    {
      summary = g_strdup_printf (ngettext ("%u stop", "%u stops", stops->len), stops->len);
    }

  label = caption_label (summary, TRUE);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_name (label, "day-summary");
  gtk_widget_set_hexpand (label, self->vertical);
  gtk_box_append (GTK_BOX (footer), label);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (buttons, "linked");
  gtk_box_append (GTK_BOX (footer), buttons);

  /* An empty day says so once, above; it needs no route buttons. */
  gtk_widget_set_visible (footer, stops->len > 0);

  /* Icons only: five columns fit side by side. */
  button = gtk_button_new_from_icon_name ("view-sort-ascending-symbolic");
  gtk_widget_set_hexpand (button, !self->vertical);
  gtk_widget_set_tooltip_text (button, _("Optimise Route"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Optimise Route"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "planner.optimise-route");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", day);
  gtk_widget_set_sensitive (button, stops->len > 1 && any_located);
  gtk_box_append (GTK_BOX (buttons), button);

  button = gtk_button_new_from_icon_name ("mark-location-symbolic");
  gtk_widget_set_tooltip_text (button, _("Show on Map"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Show on Map"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "planner.show-day-on-map");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", day);
  gtk_widget_set_sensitive (button, any_located);
  gtk_widget_set_hexpand (button, !self->vertical);
  gtk_box_append (GTK_BOX (buttons), button);

  button = gtk_button_new_from_icon_name ("send-to-symbolic");
  gtk_widget_set_hexpand (button, !self->vertical);
  gtk_widget_set_tooltip_text (button, _("Open in Maps"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Open in Maps"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "planner.open-in-maps");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", day);
  gtk_widget_set_sensitive (button, any_located);
  gtk_box_append (GTK_BOX (buttons), button);

  return footer;
}

static GtkWidget *
create_day_column (RpPlannerPage *self,
                   int            index,
                   const char    *today,
                   RpGeoPoint    *origin)
{
  const char *day = self->days[index];
  g_autoptr(GPtrArray) visits = visits_of_day (self, day, TRUE);
  g_autoptr(GPtrArray) stops = visits_of_day (self, day, FALSE);
  /* Side by side the columns are narrow: "Wed" rather than a clipped "Wednes…". */
  g_autofree char *weekday = format_day (day, self->vertical ? "%A" : "%a");
  g_autofree char *date = format_day (day, "%-d");
  /* Translators: a day column's heading for screen readers, "Monday 23 November". */
  g_autofree char *long_date = format_day (day, _("%A %-d %B"));
  gboolean is_today = g_strcmp0 (day, today) == 0;
  gboolean any_located = FALSE;
  RpGeoPoint previous = { 0.0, 0.0 };
  gboolean has_previous = origin != NULL;
  double total_km = 0.0;
  guint number = 0;
  GtkWidget *column;
  GtkWidget *heading;
  GtkWidget *heading_box;
  GtkWidget *label;
  GtkWidget *list_box;
  GtkDropTarget *drop;

  if (origin != NULL)
    previous = *origin;

  column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (column, "card");
  gtk_widget_add_css_class (column, "planner-day");
  if (is_today)
    gtk_widget_add_css_class (column, "today");
  if (index == self->selected_day)
    gtk_widget_add_css_class (column, "selected-day");
  gtk_widget_set_name (column, day);
  g_object_set_data_full (G_OBJECT (column), "day", g_strdup (day), g_free);

  /* The heading selects the day: suggestions then favour partners near its visits. */
  heading = gtk_button_new ();
  gtk_widget_add_css_class (heading, "flat");
  gtk_widget_add_css_class (heading, "planner-day-heading");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (heading), "planner.select-day");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (heading), "s", day);
  gtk_widget_set_tooltip_text (heading, index == self->selected_day
                                          ? _("Show suggestions for the whole week")
                                          : _("Suggest partners near this day’s visits"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (heading),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, long_date, -1);
  heading_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_button_set_child (GTK_BUTTON (heading), heading_box);

  label = gtk_label_new (date);
  gtk_widget_add_css_class (label, "planner-day-number");
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (heading_box), label);

  label = gtk_label_new (weekday);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "planner-day-name");
  gtk_box_append (GTK_BOX (heading_box), label);

  /* Today is told by the accent colour, as in a calendar; screen readers hear it. */
  if (is_today)
    {
      g_autofree char *today_label = g_strdup_printf (_("%s, today"), long_date);

      gtk_accessible_update_property (GTK_ACCESSIBLE (heading),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, today_label, -1);
    }
  gtk_box_append (GTK_BOX (column), heading);

  list_box = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list_box), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list_box, "planner-visits");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, long_date, -1);
  g_signal_connect_object (list_box, "row-activated", G_CALLBACK (visit_row_activated_cb), self,
                           G_CONNECT_SWAPPED);

  for (guint i = 0; i < visits->len; i++)
    {
      RpPlannedVisit *visit = g_ptr_array_index (visits, i);
      RpGeoPoint point;
      double leg_km = -1.0;

      if (rp_planned_visit_get_status (visit) != RP_VISIT_STATUS_CANCELLED)
        {
          number++;
          if (visit_point (self, visit, &point))
            {
              /* Without a placed practice the route starts at the first stop. */
              leg_km = has_previous ? rp_geo_distance_km (previous, point) : 0.0;
              total_km += leg_km;
              previous = point;
              has_previous = TRUE;
              any_located = TRUE;
            }
        }

      gtk_list_box_append (GTK_LIST_BOX (list_box),
                           create_visit_row (self, visit, MAX (number, 1), leg_km));
    }

  if (visits->len > 0)
    gtk_box_append (GTK_BOX (column), list_box);
  else
    {
      g_object_ref_sink (list_box);
      g_object_unref (list_box);
      list_box = NULL;

      label = gtk_label_new (_("No visits planned"));
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "planner-empty-day");
      gtk_widget_set_name (label, "no-visits");
      gtk_box_append (GTK_BOX (column), label);
    }
  g_object_set_data (G_OBJECT (column), "list-box", list_box);

  label = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_vexpand (label, TRUE);
  gtk_box_append (GTK_BOX (column), label);

  gtk_box_append (GTK_BOX (column),
                  create_day_footer (self, day, stops, total_km, any_located));

  drop = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);
  g_signal_connect_object (drop, "drop", G_CALLBACK (day_drop_cb), self, 0);
  gtk_widget_add_controller (column, GTK_EVENT_CONTROLLER (drop));

  return column;
}

static void
apply_layout (RpPlannerPage *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->days_box),
                                  self->vertical ? GTK_ORIENTATION_VERTICAL
                                                 : GTK_ORIENTATION_HORIZONTAL);
  gtk_box_set_homogeneous (self->days_box, !self->vertical);
  gtk_scrolled_window_set_policy (self->days_scroller,
                                  self->vertical ? GTK_POLICY_NEVER : GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (GTK_WIDGET (self->days_scroller),
                               self->vertical ? -1 : DAYS_MIN_WIDTH, -1);

  for (int i = 0; i < N_DAYS; i++)
    {
      if (self->day_columns[i] != NULL)
        gtk_widget_set_size_request (self->day_columns[i], self->vertical ? -1 : 128, -1);
    }
}

static void
rebuild_days (RpPlannerPage *self)
{
  g_autofree char *today = dup_today ();
  RpGeoPoint origin;
  gboolean has_origin = practice_origin (self, &origin);

  rp_page_remove_all (self->days_box);

  for (int i = 0; i < N_DAYS; i++)
    {
      self->day_columns[i] = create_day_column (self, i, today, has_origin ? &origin : NULL);
      gtk_box_append (self->days_box, self->day_columns[i]);
    }

  apply_layout (self);
}

/* Suggestions ---------------------------------------------------------------------------------- */

static GMenuModel *
plan_days_menu (RpPlannerPage *self,
                gint64         partner_id)
{
  GMenu *menu = g_menu_new ();

  for (int i = 0; i < N_DAYS; i++)
    {
      /* Translators: a day in the "Plan" menu of a suggestion, "Tuesday 24". */
      g_autofree char *label = format_day (self->days[i], _("%A %-d"));
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, "planner.plan-suggestion", "(xs)",
                                         partner_id, self->days[i]);
      g_menu_append_item (menu, item);
    }

  return G_MENU_MODEL (menu);
}

static const char *
tier_css_class (RpTier tier)
{
  switch (tier)
    {
    case RP_TIER_A:
      return "tier-a";
    case RP_TIER_B:
      return "tier-b";
    case RP_TIER_C:
    default:
      return "tier-c";
    }
}

static GtkWidget *
create_suggestion_row (RpPlannerPage *self,
                       RpSuggestion  *suggestion)
{
  RpPartner *partner = suggestion->partner;
  gint64 partner_id = rp_partner_get_id (partner);
  const char *plan_day = default_plan_day (self);
  /* Translators: the main part of a suggestion's "Plan" button's tooltip, "Plan for Tuesday". */
  g_autofree char *plan_day_name = format_day (plan_day, _("%A"));
  g_autofree char *plan_tooltip = g_strdup_printf (_("Plan for %s"), plan_day_name);
  g_autofree char *plan_accessible = NULL;
  g_autofree char *tier = NULL;
  g_autoptr(GMenuModel) menu = NULL;
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *top;
  GtkWidget *line;
  GtkWidget *label;
  GtkWidget *plan;

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_name (row, rp_partner_get_uuid (partner));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  rp_partner_get_display_name (partner),
                                  -1);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_box_append (GTK_BOX (box), top);

  label = gtk_label_new (rp_partner_get_display_name (partner));
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "planner-visit-name");
  gtk_widget_set_tooltip_text (label, rp_partner_get_display_name (partner));
  gtk_box_append (GTK_BOX (top), label);

  plan = adw_split_button_new ();
  adw_split_button_set_label (ADW_SPLIT_BUTTON (plan), _("Plan"));
  gtk_widget_set_valign (plan, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (plan, plan_tooltip);
  plan_accessible = g_strdup_printf (_("Plan a visit to %s"),
                                     rp_partner_get_display_name (partner));
  gtk_accessible_update_property (GTK_ACCESSIBLE (plan),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, plan_accessible, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (plan), "planner.plan-suggestion");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (plan), "(xs)", partner_id, plan_day);
  menu = plan_days_menu (self, partner_id);
  adw_split_button_set_menu_model (ADW_SPLIT_BUTTON (plan), menu);
  adw_split_button_set_dropdown_tooltip (ADW_SPLIT_BUTTON (plan), _("Plan for Another Day"));
  gtk_box_append (GTK_BOX (top), plan);

  /* The tier chip, then the specialty. */
  line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (box), line);

  /* Translators: the partner's tier, "Tier A". */
  tier = g_strdup_printf (_("Tier %s"), rp_tier_to_label (rp_partner_get_tier (partner)));
  label = gtk_label_new (tier);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "tier-chip");
  gtk_widget_add_css_class (label, tier_css_class (rp_partner_get_tier (partner)));
  gtk_box_append (GTK_BOX (line), label);

  if (rp_partner_get_specialty_label (partner) != NULL
      && *rp_partner_get_specialty_label (partner) != '\0')
    {
      label = caption_label (rp_partner_get_specialty_label (partner), TRUE);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (line), label);
    }

  for (guint i = 0; suggestion->reasons != NULL && i < suggestion->reasons->len; i++)
    {
      RpSuggestionReason *reason = g_ptr_array_index (suggestion->reasons, i);

      label = caption_label (reason->text, FALSE);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_NONE);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (label, "planner-reason");
      if (i == 0)
        gtk_widget_add_css_class (label, "main");
      gtk_box_append (GTK_BOX (box), label);
    }

  return row;
}

/* The suggestions take a pass over every partner: a quarter of a second on a network of 100,000
 * the first time after a write. So the page asks for them and shows the week at once, with
 * "Finding who is due…" in their place; a job computes them on a worker thread with its own
 * read-only use of a second connection to the same file (WAL lets it read while this thread
 * writes; opening it takes a millisecond), and the rows are added a few each frame when it is
 * done.
 *
 * Requests are coalesced by an idle: the signals of one write make one job. Each
 * request bumps a serial, and a result computed for an older one (another week or day, or data
 * since changed) is dropped for a new job. The second connection keeps the store's statistics
 * cache between jobs while nothing is written; any change of the store retires it, since its
 * cache only counts its own writes. A store in memory (or a file a second connection cannot
 * open) is read on this thread instead, still from the idle. */
typedef struct
{
  RpStore  *reader;
  char     *path;
  char     *today;
  char     *day;
  GArray   *points;             /* RpGeoPoint of the selected day's visits */
  guint     cadence_days[3];
  RpDistanceUnit unit;
  guint     serial;
  guint     generation;
} SuggestionsJob;

static void
suggestions_job_free (SuggestionsJob *job)
{
  g_clear_object (&job->reader);
  g_free (job->path);
  g_free (job->today);
  g_free (job->day);
  g_clear_pointer (&job->points, g_array_unref);
  g_free (job);
}

static GPtrArray *
suggestions_job_compute (SuggestionsJob *job,
                         RpStore        *store,
                         GError        **error)
{
  RpSuggestionParams params;

  rp_suggestion_params_init (&params);
  params.today = job->today;
  params.day = job->day;
  memcpy (params.cadence_days, job->cadence_days, sizeof params.cadence_days);
  params.unit = job->unit;
  params.planned_points = (const RpGeoPoint *) (gpointer) job->points->data;
  params.n_planned_points = job->points->len;

  return rp_visit_suggestions_compute (store, &params, error);
}

static void
suggestions_job_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  SuggestionsJob *job = task_data;
  gint64 start = g_get_monotonic_time ();
  GError *error = NULL;
  GPtrArray *suggestions;

  if (job->reader == NULL)
    {
      job->reader = rp_store_open (job->path, &error);
      g_debug ("Planner: second connection opened in %.1f ms",
               (g_get_monotonic_time () - start) / 1000.0);
    }
  if (job->reader == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  start = g_get_monotonic_time ();
  suggestions = suggestions_job_compute (job, job->reader, &error);
  g_debug ("Planner: suggestions computed in %.1f ms on a worker thread",
           (g_get_monotonic_time () - start) / 1000.0);
  if (suggestions == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, suggestions, (GDestroyNotify) g_ptr_array_unref);
}

/* Fifty rows with their menus take longer than a frame: they are added a few milliseconds'
 * worth at a time. */
#define FILL_BUDGET_US 8000
/* The list takes the place of "Finding who is due…" once it has a screenful of rows. */
#define FILL_SCREENFUL 8

/* Adds the next few rows; FALSE when the list is whole. */
static gboolean
fill_some (RpPlannerPage *self)
{
  gint64 deadline = g_get_monotonic_time () + FILL_BUDGET_US;
  gboolean whole;

  while (self->n_filled < self->suggestions->len && g_get_monotonic_time () < deadline)
    {
      RpSuggestion *suggestion = g_ptr_array_index (self->suggestions, self->n_filled++);

      gtk_list_box_append (self->suggestions_list, create_suggestion_row (self, suggestion));
    }

  whole = self->n_filled == self->suggestions->len;

  if (!self->fill_revealed && (whole || self->n_filled >= FILL_SCREENFUL))
    {
      self->fill_revealed = TRUE;
      gtk_spinner_set_spinning (self->suggestions_spinner, FALSE);
      gtk_stack_set_visible_child_name (self->suggestions_stack,
                                        self->suggestions->len > 0 ? "list" : "empty");
      if (!self->first_suggestions_logged)
        g_debug ("Planner: first suggestions shown %.1f ms after the page was created",
                 (g_get_monotonic_time () - self->created_at) / 1000.0);
    }

  if (whole && !self->first_suggestions_logged)
    {
      self->first_suggestions_logged = TRUE;
      g_debug ("Planner: all %u suggestions shown %.1f ms after the page was created",
               self->suggestions->len, (g_get_monotonic_time () - self->created_at) / 1000.0);
    }

  return !whole;
}

/* A tick callback rather than an idle: an idle below the redraw priority can wait for ever
 * while the spinner animates, and one above it would delay the frames. */
static gboolean
fill_tick_cb (GtkWidget     *widget,
              GdkFrameClock *frame_clock,
              gpointer       user_data)
{
  RpPlannerPage *self = RP_PLANNER_PAGE (widget);

  if (fill_some (self))
    return G_SOURCE_CONTINUE;

  self->fill_tick_id = 0;
  return G_SOURCE_REMOVE;
}

static void
stop_filling (RpPlannerPage *self)
{
  if (self->fill_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->fill_tick_id);
  self->fill_tick_id = 0;
}

/* Replaces the list with @suggestions (taken): the first rows now, the others in the frames
 * after; the list takes the place of "Finding who is due…" once it has a screenful. */
static void
show_suggestions (RpPlannerPage *self,
                  GPtrArray     *suggestions)
{
  GtkWidget *child;

  stop_filling (self);
  g_clear_pointer (&self->suggestions, g_ptr_array_unref);
  self->suggestions = suggestions;
  self->n_filled = 0;
  self->fill_revealed = FALSE;

  /* gtk_list_box_remove_all needs GTK 4.12. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->suggestions_list))) != NULL)
    gtk_list_box_remove (self->suggestions_list, child);

  if (fill_some (self))
    self->fill_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), fill_tick_cb, NULL,
                                                       NULL);
}

static void schedule_suggestions (RpPlannerPage *self);

static void
suggestions_job_done_cb (GObject      *source_object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(RpPlannerPage) self = user_data;
  SuggestionsJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GError) error = NULL;

  suggestions = g_task_propagate_pointer (G_TASK (result), &error);

  /* Disposed meanwhile. */
  if (self->context == NULL)
    return;

  self->suggestions_running = FALSE;

  /* The connection serves the next job only if nothing was written since it was opened. */
  if (job->reader != NULL && job->generation == self->data_generation && self->reader == NULL)
    self->reader = g_steal_pointer (&job->reader);

  if (suggestions == NULL && job->reader == NULL && self->reader == NULL)
    {
      /* No second connection: this thread reads from now on. */
      g_debug ("Planner: computing suggestions on the main thread: %s", error->message);
      self->reader_failed = TRUE;
      schedule_suggestions (self);
      return;
    }

  if (job->serial != self->suggestions_serial)
    {
      schedule_suggestions (self);
      return;
    }

  if (suggestions == NULL)
    {
      g_warning ("Could not compute who to visit: %s", error->message);
      suggestions = g_ptr_array_new_with_free_func ((GDestroyNotify) rp_suggestion_free);
    }

  show_suggestions (self, g_steal_pointer (&suggestions));
}

static SuggestionsJob *
suggestions_job_new (RpPlannerPage *self)
{
  GSettings *settings = rp_context_get_settings (self->context);
  SuggestionsJob *job = g_new0 (SuggestionsJob, 1);

  job->path = g_strdup (rp_store_get_path (rp_context_get_store (self->context)));
  job->today = dup_today ();
  job->cadence_days[0] = g_settings_get_uint (settings, "cadence-tier-a");
  job->cadence_days[1] = g_settings_get_uint (settings, "cadence-tier-b");
  job->cadence_days[2] = g_settings_get_uint (settings, "cadence-tier-c");
  job->unit = distance_unit (self);
  job->serial = self->suggestions_serial;
  job->generation = self->data_generation;
  job->points = g_array_new (FALSE, FALSE, sizeof (RpGeoPoint));

  /* The day decides which week's planned partners are left out; only a selected day's visits
   * count for nearness. */
  job->day = g_strdup (self->days[0]);
  if (self->selected_day >= 0)
    {
      g_autoptr(GPtrArray) visits = visits_of_day (self, self->days[self->selected_day], FALSE);

      g_free (job->day);
      job->day = g_strdup (self->days[self->selected_day]);
      for (guint i = 0; i < visits->len; i++)
        {
          RpGeoPoint point;

          if (visit_point (self, g_ptr_array_index (visits, i), &point))
            g_array_append_val (job->points, point);
        }
    }

  return job;
}

static gboolean
suggestions_idle_cb (gpointer user_data)
{
  RpPlannerPage *self = user_data;
  SuggestionsJob *job;
  g_autoptr(GTask) task = NULL;

  self->suggestions_idle_id = 0;

  /* The job on its way starts the next one when it is done. */
  if (self->suggestions_running)
    return G_SOURCE_REMOVE;

  job = suggestions_job_new (self);

  if (self->reader_failed || g_strcmp0 (job->path, ":memory:") == 0)
    {
      g_autoptr(GError) error = NULL;
      GPtrArray *suggestions;

      suggestions = suggestions_job_compute (job, rp_context_get_store (self->context), &error);
      suggestions_job_free (job);
      if (suggestions == NULL)
        {
          g_warning ("Could not compute who to visit: %s", error->message);
          suggestions = g_ptr_array_new_with_free_func ((GDestroyNotify) rp_suggestion_free);
        }
      show_suggestions (self, suggestions);
      return G_SOURCE_REMOVE;
    }

  job->reader = g_steal_pointer (&self->reader);
  self->suggestions_running = TRUE;

  task = g_task_new (NULL, self->cancellable, suggestions_job_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, suggestions_idle_cb);
  g_task_set_task_data (task, job, (GDestroyNotify) suggestions_job_free);
  g_task_run_in_thread (task, suggestions_job_thread);

  return G_SOURCE_REMOVE;
}

static void
schedule_suggestions (RpPlannerPage *self)
{
  /* Starting a job is quick (the worker thread does the work): the idle only gathers the
   * requests of one change. */
  if (self->suggestions_idle_id == 0)
    self->suggestions_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, suggestions_idle_cb,
                                                 self, NULL);
}

/* Asks for the suggestions of the week and day on show. With @placeholder the list makes way for
 * "Finding who is due…" until they come (another week or day); otherwise the list on show stays
 * until the new one replaces it (a change of the data). */
static void
request_suggestions (RpPlannerPage *self,
                     gboolean       placeholder)
{
  self->suggestions_serial++;

  if (self->selected_day >= 0)
    {
      /* Translators: under "Who to Visit" while a day is selected, "Near Tuesday’s visits
       * first". */
      g_autofree char *weekday = format_day (self->days[self->selected_day], "%A");
      g_autofree char *text = g_strdup_printf (_("Partners near %s’s visits rank higher"),
                                               weekday);

      gtk_label_set_text (self->suggestions_subtitle, text);
    }
  else
    {
      gtk_label_set_text (self->suggestions_subtitle,
                          _("Best first. Select a day to favour partners near its visits."));
    }

  if (placeholder || self->suggestions == NULL)
    {
      gtk_spinner_set_spinning (self->suggestions_spinner, TRUE);
      gtk_stack_set_visible_child_name (self->suggestions_stack, "loading");
    }

  schedule_suggestions (self);
}

/* Loading -------------------------------------------------------------------------------------- */

static void
update_title (RpPlannerPage *self)
{
  g_autofree char *title = format_week_title (self->days[0], self->days[N_DAYS - 1]);
  g_autofree char *this_monday = rp_week_monday (NULL);
  g_autofree char *next_monday = shift_day (this_monday, 7);
  g_autofree char *last_monday = shift_day (this_monday, -7);
  const char *subtitle = "";

  if (g_strcmp0 (self->monday, this_monday) == 0)
    subtitle = _("This Week");
  else if (g_strcmp0 (self->monday, next_monday) == 0)
    subtitle = _("Next Week");
  else if (g_strcmp0 (self->monday, last_monday) == 0)
    subtitle = _("Last Week");

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static void
load_visits (RpPlannerPage *self)
{
  RpStore *store = rp_context_get_store (self->context);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) partners = NULL;

  g_clear_pointer (&self->visits, g_ptr_array_unref);
  g_hash_table_remove_all (self->partners);

  self->visits = rp_store_list_visits_between (store, self->days[0], self->days[N_DAYS - 1],
                                               TRUE, &error);
  if (self->visits == NULL)
    {
      g_warning ("Could not read the week’s visits: %s", error->message);
      self->visits = g_ptr_array_new_with_free_func (g_object_unref);
      return;
    }

  for (guint i = 0; i < self->visits->len; i++)
    {
      gint64 id = rp_planned_visit_get_partner_id (g_ptr_array_index (self->visits, i));

      g_array_append_val (ids, id);
    }

  if (ids->len == 0)
    return;

  partners = rp_store_load_partners (store, (const gint64 *) (gpointer) ids->data, ids->len,
                                     NULL, &error);
  if (partners == NULL)
    {
      g_warning ("Could not read the week’s partners: %s", error->message);
      return;
    }

  for (guint i = 0; i < partners->len; i++)
    {
      RpPartner *partner = g_ptr_array_index (partners, i);
      gint64 *key = g_new (gint64, 1);

      *key = rp_partner_get_id (partner);
      g_hash_table_replace (self->partners, key, g_object_ref (partner));
    }
}

static void
reload (RpPlannerPage *self,
        gboolean       placeholder)
{
  self->stale = FALSE;

  update_title (self);
  load_visits (self);
  rebuild_days (self);
  request_suggestions (self, placeholder);
}

static void
store_changed_cb (RpPlannerPage *self)
{
  /* The second connection's statistics no longer hold. */
  self->data_generation++;
  g_clear_object (&self->reader);

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload (self, FALSE);
  else
    self->stale = TRUE;
}

static void
reload_if_stale (RpPlannerPage *self)
{
  if (self->stale)
    reload (self, FALSE);
}

static void
set_week (RpPlannerPage *self,
          const char    *day)
{
  g_autofree char *monday = rp_week_monday (day);

  if (monday == NULL || g_strcmp0 (monday, self->monday) == 0)
    return;

  g_free (self->monday);
  self->monday = g_steal_pointer (&monday);
  for (int i = 0; i < N_DAYS; i++)
    {
      g_free (self->days[i]);
      self->days[i] = shift_day (self->monday, i);
    }
  self->selected_day = -1;

  reload (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WEEK]);
}

/* Adaptive layout ------------------------------------------------------------------------------ */

static gboolean
layout_idle_cb (gpointer user_data)
{
  RpPlannerPage *self = user_data;
  gboolean vertical = gtk_widget_get_width (GTK_WIDGET (self)) < WIDE_LAYOUT_MIN_WIDTH;

  self->layout_idle_id = 0;

  if (vertical != self->vertical)
    {
      self->vertical = vertical;
      rebuild_days (self);
    }

  return G_SOURCE_REMOVE;
}

/* Actions -------------------------------------------------------------------------------------- */

static void
previous_week_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RpPlannerPage *self = RP_PLANNER_PAGE (widget);
  g_autofree char *day = shift_day (self->monday, -7);

  set_week (self, day);
}

static void
next_week_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RpPlannerPage *self = RP_PLANNER_PAGE (widget);
  g_autofree char *day = shift_day (self->monday, 7);

  set_week (self, day);
}

static void
today_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  set_week (RP_PLANNER_PAGE (widget), NULL);
}

static gboolean
today_shortcut_cb (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  /* The controller is managed by the window: the shortcut belongs to the page on show. */
  if (!gtk_widget_get_mapped (widget))
    return FALSE;

  return gtk_widget_activate_action (widget, "planner.today", NULL);
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  g_autoptr(RpPlannerPage) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  guint n_events = 0;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

  g_object_unref (dialog);

  if (file == NULL)
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      add_toast (self, _("Could not export the week: choose a local file"));
      return;
    }

  if (!rp_ics_write_week (rp_context_get_store (self->context), self->monday, path, &n_events,
                          &error))
    {
      add_error_toast (self, _("Could not export the week"), error);
      return;
    }

  message = g_strdup_printf (ngettext ("Exported %u visit", "Exported %u visits", n_events),
                             n_events);
  add_toast (self, message);
}

static void
export_week_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RpPlannerPage *self = RP_PLANNER_PAGE (widget);
  g_autofree char *iso_week = rp_week_to_iso (self->monday);
  g_autofree char *name = g_strdup_printf ("rapport-%s.ics", iso_week);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Export Week"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_file_filter_set_name (filter, _("iCalendar Files"));
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_filter_add_suffix (filter, "ics");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);

  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
forward_week_action (RpPlannerPage *self,
                     const char    *action)
{
  /* The print actions are the window's ("print" group); outside a window there are none. */
  if (!gtk_widget_activate_action (GTK_WIDGET (self), action, "s", self->monday))
    add_toast (self, _("Printing is not available here"));
}

static void
print_week_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  forward_week_action (RP_PLANNER_PAGE (widget), "print.week");
}

static void
save_week_packets_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  forward_week_action (RP_PLANNER_PAGE (widget), "print.week-packets");
}

static void
select_day_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RpPlannerPage *self = RP_PLANNER_PAGE (widget);
  int index = day_index (self, g_variant_get_string (parameter, NULL));

  /* Selecting the selected day again clears the selection. */
  self->selected_day = index == self->selected_day ? -1 : index;

  rebuild_days (self);
  request_suggestions (self, TRUE);
}

static void
optimise_route_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RpPlannerPage *self = RP_PLANNER_PAGE (widget);
  const char *day = g_variant_get_string (parameter, NULL);
  g_autoptr(GPtrArray) visits = visits_of_day (self, day, TRUE);
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (RpGeoPoint));
  g_autoptr(GPtrArray) located = g_ptr_array_new ();
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(RpRoute) route = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *distance = NULL;
  g_autofree char *message = NULL;
  RpGeoPoint origin;

  for (guint i = 0; i < visits->len; i++)
    {
      RpPlannedVisit *visit = g_ptr_array_index (visits, i);
      RpGeoPoint point;

      if (rp_planned_visit_get_status (visit) != RP_VISIT_STATUS_CANCELLED
          && visit_point (self, visit, &point))
        {
          g_array_append_val (points, point);
          g_ptr_array_add (located, visit);
        }
    }

  if (located->len == 0)
    {
      add_toast (self, _("None of the day’s partners has a location yet"));
      return;
    }

  /* Without a placed practice, the route starts where the day's first stop is. */
  if (!practice_origin (self, &origin))
    origin = g_array_index (points, RpGeoPoint, 0);

  route = rp_route_optimize (origin, (const RpGeoPoint *) (gpointer) points->data, points->len,
                             FALSE);

  /* The route's stops first, then the unplaced ones as they were; cancelled visits have no
   * place in the order. */
  for (guint i = 0; i < route->n_stops; i++)
    {
      gint64 id = rp_planned_visit_get_id (g_ptr_array_index (located, route->order[i]));

      g_array_append_val (ids, id);
    }
  for (guint i = 0; i < visits->len; i++)
    {
      RpPlannedVisit *visit = g_ptr_array_index (visits, i);
      gint64 id = rp_planned_visit_get_id (visit);

      if (g_ptr_array_find (located, visit, NULL)
          || rp_planned_visit_get_status (visit) == RP_VISIT_STATUS_CANCELLED)
        continue;

      g_array_append_val (ids, id);
    }

  if (!rp_store_reorder_visits (rp_context_get_store (self->context), day,
                                (const gint64 *) (gpointer) ids->data, ids->len, &error))
    {
      add_error_toast (self, _("Could not reorder the visits"), error);
      return;
    }

  distance = rp_distance_format (route->total_km, distance_unit (self));
  /* Translators: after "Optimise Route": "Route optimised: 12.4 mi". */
  message = g_strdup_printf (_("Route optimised: %s"), distance);
  add_toast (self, message);
}

static void
show_day_on_map_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  if (!gtk_widget_activate_action_variant (widget, "win.show-day-on-map", parameter))
    g_debug ("No window to show the day on the map");
}

static void
open_in_maps_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RpPlannerPage *self = RP_PLANNER_PAGE (widget);
  g_autoptr(GPtrArray) visits = visits_of_day (self, g_variant_get_string (parameter, NULL),
                                               FALSE);
  GtkRoot *root = gtk_widget_get_root (widget);

  for (guint i = 0; i < visits->len; i++)
    {
      RpGeoPoint point;
      char lat[G_ASCII_DTOSTR_BUF_SIZE];
      char lon[G_ASCII_DTOSTR_BUF_SIZE];
      g_autofree char *uri = NULL;

      if (!visit_point (self, g_ptr_array_index (visits, i), &point))
        continue;

      /* geo: URIs use a dot whatever the locale (RFC 5870). */
      g_ascii_formatd (lat, sizeof lat, "%.6f", point.lat);
      g_ascii_formatd (lon, sizeof lon, "%.6f", point.lon);
      uri = g_strdup_printf ("geo:%s,%s", lat, lon);
      gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
      return;
    }

  add_toast (self, _("None of the day’s partners has a location yet"));
}

static void
move_visit_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RpPlannerPage *self = RP_PLANNER_PAGE (widget);
  g_autoptr(GError) error = NULL;
  const char *day;
  gint64 visit_id;
  guint position;

  g_variant_get (parameter, "(x&su)", &visit_id, &day, &position);

  if (!rp_store_move_visit (rp_context_get_store (self->context), visit_id, day, position,
                            &error))
    add_error_toast (self, _("Could not move the visit"), error);
}

static void
plan_suggestion_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RpPlannerPage *self = RP_PLANNER_PAGE (widget);
  g_autoptr(RpPlannedVisit) visit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *weekday = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = NULL;
  const char *objective = NULL;
  const char *day;
  gint64 partner_id;

  g_variant_get (parameter, "(x&s)", &partner_id, &day);

  /* The objective is the main reason the partner was suggested. */
  for (guint i = 0; self->suggestions != NULL && i < self->suggestions->len; i++)
    {
      RpSuggestion *suggestion = g_ptr_array_index (self->suggestions, i);

      if (rp_partner_get_id (suggestion->partner) != partner_id)
        continue;

      name = g_strdup (rp_partner_get_display_name (suggestion->partner));
      if (suggestion->reasons != NULL && suggestion->reasons->len > 0)
        objective = ((RpSuggestionReason *) g_ptr_array_index (suggestion->reasons, 0))->text;
      break;
    }

  visit = rp_store_plan_visit (rp_context_get_store (self->context), partner_id, day, objective,
                               &error);
  if (visit == NULL)
    {
      add_error_toast (self, _("Could not plan the visit"), error);
      return;
    }

  weekday = format_day (day, "%A");
  /* Translators: "Dr. Ann Lee planned for Tuesday". */
  message = g_strdup_printf (_("%s planned for %s"), name != NULL ? name : _("Visit"), weekday);
  add_toast (self, message);
}

static void
visit_logged_cb (RpActivityDialog *dialog,
                 RpActivity       *activity,
                 RpTask           *follow_up,
                 RpPlannerPage    *self)
{
  gint64 visit_id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "visit-id"));
  g_autoptr(GError) error = NULL;

  if (!rp_store_set_visit_status (rp_context_get_store (self->context), visit_id,
                                  RP_VISIT_STATUS_DONE, rp_activity_get_id (activity), &error))
    add_error_toast (self, _("Could not mark the visit done"), error);
  else
    add_toast (self, _("Visit done and logged"));
}

static void
mark_done_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RpPlannerPage *self = RP_PLANNER_PAGE (widget);
  gint64 visit_id = g_variant_get_int64 (parameter);
  RpPlannedVisit *visit = lookup_visit (self, visit_id);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  if (visit == NULL)
    return;

  dialog = rp_activity_dialog_new (self->context, rp_planned_visit_get_partner_id (visit), NULL);
  /* A visit is the dialog's first kind; the objective starts the note. */
  rp_activity_dialog_set_note (RP_ACTIVITY_DIALOG (dialog), rp_planned_visit_get_objective (visit));
  g_object_set_data (G_OBJECT (dialog), "visit-id", GSIZE_TO_POINTER ((gsize) visit_id));
  g_signal_connect_object (dialog, "logged", G_CALLBACK (visit_logged_cb), self, 0);

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_status (RpPlannerPage *self,
            gint64         visit_id,
            RpVisitStatus  status)
{
  g_autoptr(GError) error = NULL;

  if (!rp_store_set_visit_status (rp_context_get_store (self->context), visit_id, status, 0,
                                  &error))
    add_error_toast (self, _("Could not change the visit"), error);
}

static void
undo_cancel_cb (AdwToast      *toast,
                RpPlannerPage *self)
{
  set_status (self, (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "visit-id")),
              RP_VISIT_STATUS_PLANNED);
}

static void
cancel_visit_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RpPlannerPage *self = RP_PLANNER_PAGE (widget);
  gint64 visit_id = g_variant_get_int64 (parameter);
  RpPlannedVisit *visit = lookup_visit (self, visit_id);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (visit == NULL)
    return;

  /* Translators: a toast, "Visit to Dr. Ann Lee cancelled". */
  message = g_strdup_printf (_("Visit to %s cancelled"), visit_partner_name (self, visit));

  if (!rp_store_set_visit_status (rp_context_get_store (self->context), visit_id,
                                  RP_VISIT_STATUS_CANCELLED, 0, &error))
    {
      add_error_toast (self, _("Could not cancel the visit"), error);
      return;
    }

  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data (G_OBJECT (toast), "visit-id", GSIZE_TO_POINTER ((gsize) visit_id));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_cancel_cb), self, 0);
  rp_page_add_toast (GTK_WIDGET (self), toast);
}

static void
restore_visit_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  set_status (RP_PLANNER_PAGE (widget), g_variant_get_int64 (parameter), RP_VISIT_STATUS_PLANNED);
}

static void
remove_visit_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RpPlannerPage *self = RP_PLANNER_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!rp_store_delete_visit (rp_context_get_store (self->context),
                              g_variant_get_int64 (parameter), &error))
    add_error_toast (self, _("Could not remove the visit"), error);
  else
    add_toast (self, _("Visit removed"));
}

/* GObject -------------------------------------------------------------------------------------- */

/* The page lays its child out itself (AdwBin's layout manager is dropped in init) so that it
 * sees each new width, and places the visit rows' popover. */
static void
rp_planner_page_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline,
                        natural_baseline);
}

static GtkSizeRequestMode
rp_planner_page_get_request_mode (GtkWidget *widget)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  return child != NULL ? gtk_widget_get_request_mode (child) : GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
rp_planner_page_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  RpPlannerPage *self = RP_PLANNER_PAGE (widget);
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));
  gboolean vertical;

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_allocate (child, width, height, baseline, NULL);

  if (self->row_popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->row_popover));

  vertical = width < WIDE_LAYOUT_MIN_WIDTH;
  if (vertical != self->vertical && self->layout_idle_id == 0)
    self->layout_idle_id = g_idle_add (layout_idle_cb, self);
}

static void
rp_planner_page_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  RpPlannerPage *self = RP_PLANNER_PAGE (widget);

  if (!self->first_frame_logged)
    {
      self->first_frame_logged = TRUE;
      g_debug ("Planner: first frame %.1f ms after the page was created",
               (g_get_monotonic_time () - self->created_at) / 1000.0);
    }

  GTK_WIDGET_CLASS (rp_planner_page_parent_class)->snapshot (widget, snapshot);
}

/* The settings the suggestions and distances are made with. */
static const char * const planner_settings[] = {
  "distance-unit", "cadence-tier-a", "cadence-tier-b", "cadence-tier-c",
};

static void
flap_folded_cb (RpPlannerPage *self,
                GParamSpec    *pspec,
                AdwFlap       *flap)
{
  /* Folded, the pane would cover Friday: it waits for the toggle. */
  adw_flap_set_reveal_flap (flap, !adw_flap_get_folded (flap));
}

static void
settings_changed_cb (RpPlannerPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload (self, FALSE);
  else
    self->stale = TRUE;
}

static void
rp_planner_page_constructed (GObject *object)
{
  RpPlannerPage *self = RP_PLANNER_PAGE (object);
  RpStore *store;
  GSettings *settings;

  G_OBJECT_CLASS (rp_planner_page_parent_class)->constructed (object);

  g_assert (RP_IS_CONTEXT (self->context));

  store = rp_context_get_store (self->context);
  settings = rp_context_get_settings (self->context);

  g_signal_connect_object (store, "visits-changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "partners-changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "records-changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "practice-changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "lists-changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  for (guint i = 0; i < G_N_ELEMENTS (planner_settings); i++)
    {
      g_autofree char *signal = g_strconcat ("changed::", planner_settings[i], NULL);

      g_signal_connect_object (settings, signal, G_CALLBACK (settings_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  g_signal_connect (self, "map", G_CALLBACK (reload_if_stale), NULL);
  g_signal_connect_object (self->flap, "notify::folded", G_CALLBACK (flap_folded_cb), self,
                           G_CONNECT_SWAPPED);

  set_week (self, NULL);
}

static void
rp_planner_page_dispose (GObject *object)
{
  RpPlannerPage *self = RP_PLANNER_PAGE (object);

  g_clear_handle_id (&self->layout_idle_id, g_source_remove);
  g_clear_handle_id (&self->suggestions_idle_id, g_source_remove);
  stop_filling (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->reader);
  g_clear_pointer (&self->row_popover, gtk_widget_unparent);

  gtk_widget_dispose_template (GTK_WIDGET (self), RP_TYPE_PLANNER_PAGE);

  for (int i = 0; i < N_DAYS; i++)
    self->day_columns[i] = NULL;

  g_clear_pointer (&self->visits, g_ptr_array_unref);
  g_clear_pointer (&self->suggestions, g_ptr_array_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rp_planner_page_parent_class)->dispose (object);
}

static void
rp_planner_page_finalize (GObject *object)
{
  RpPlannerPage *self = RP_PLANNER_PAGE (object);

  g_free (self->monday);
  for (int i = 0; i < N_DAYS; i++)
    g_free (self->days[i]);
  g_hash_table_unref (self->partners);

  G_OBJECT_CLASS (rp_planner_page_parent_class)->finalize (object);
}

static void
rp_planner_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RpPlannerPage *self = RP_PLANNER_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_WEEK:
      g_value_set_string (value, self->monday);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_planner_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RpPlannerPage *self = RP_PLANNER_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_WEEK:
      rp_planner_page_set_week (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_planner_page_class_init (RpPlannerPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rp_planner_page_constructed;
  object_class->dispose = rp_planner_page_dispose;
  object_class->finalize = rp_planner_page_finalize;
  object_class->get_property = rp_planner_page_get_property;
  object_class->set_property = rp_planner_page_set_property;

  widget_class->get_request_mode = rp_planner_page_get_request_mode;
  widget_class->measure = rp_planner_page_measure;
  widget_class->size_allocate = rp_planner_page_size_allocate;
  widget_class->snapshot = rp_planner_page_snapshot;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RP_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* The Monday (YYYY-MM-DD) of the week on show; any day of a week shows that week. */
  properties[PROP_WEEK] =
    g_param_spec_string ("week", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rapport/Rapport/ui/rp-planner-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RpPlannerPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, RpPlannerPage, flap);
  gtk_widget_class_bind_template_child (widget_class, RpPlannerPage, days_scroller);
  gtk_widget_class_bind_template_child (widget_class, RpPlannerPage, days_box);
  gtk_widget_class_bind_template_child (widget_class, RpPlannerPage, suggestions_subtitle);
  gtk_widget_class_bind_template_child (widget_class, RpPlannerPage, suggestions_stack);
  gtk_widget_class_bind_template_child (widget_class, RpPlannerPage, suggestions_list);
  gtk_widget_class_bind_template_child (widget_class, RpPlannerPage, suggestions_spinner);

  gtk_widget_class_install_action (widget_class, "planner.previous-week", NULL,
                                   previous_week_action);
  gtk_widget_class_install_action (widget_class, "planner.next-week", NULL, next_week_action);
  gtk_widget_class_install_action (widget_class, "planner.today", NULL, today_action);
  gtk_widget_class_install_action (widget_class, "planner.export-week", NULL, export_week_action);
  gtk_widget_class_install_action (widget_class, "planner.print-week", NULL, print_week_action);
  gtk_widget_class_install_action (widget_class, "planner.save-week-packets", NULL,
                                   save_week_packets_action);
  gtk_widget_class_install_action (widget_class, "planner.select-day", "s", select_day_action);
  gtk_widget_class_install_action (widget_class, "planner.optimise-route", "s",
                                   optimise_route_action);
  gtk_widget_class_install_action (widget_class, "planner.show-day-on-map", "s",
                                   show_day_on_map_action);
  gtk_widget_class_install_action (widget_class, "planner.open-in-maps", "s",
                                   open_in_maps_action);
  gtk_widget_class_install_action (widget_class, "planner.move-visit", "(xsu)",
                                   move_visit_action);
  gtk_widget_class_install_action (widget_class, "planner.plan-suggestion", "(xs)",
                                   plan_suggestion_action);
  gtk_widget_class_install_action (widget_class, "planner.mark-done", "x", mark_done_action);
  gtk_widget_class_install_action (widget_class, "planner.cancel-visit", "x",
                                   cancel_visit_action);
  gtk_widget_class_install_action (widget_class, "planner.restore-visit", "x",
                                   restore_visit_action);
  gtk_widget_class_install_action (widget_class, "planner.remove-visit", "x",
                                   remove_visit_action);
}

static void
rp_planner_page_init (RpPlannerPage *self)
{
  GtkEventController *controller;
  GtkShortcut *shortcut;

  self->created_at = g_get_monotonic_time ();
  self->cancellable = g_cancellable_new ();
  self->selected_day = -1;
  self->partners = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);

  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Ctrl+T wherever the focus is, while the page is on show (the window forwards only Ctrl+F
   * and Ctrl+N to pages). */
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller),
                                     GTK_SHORTCUT_SCOPE_MANAGED);
  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_t, GDK_CONTROL_MASK),
                               gtk_callback_action_new (today_shortcut_cb, NULL, NULL));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  self->row_popover = gtk_popover_menu_new_from_model (NULL);
  gtk_popover_set_position (GTK_POPOVER (self->row_popover), GTK_POS_BOTTOM);
  gtk_widget_set_name (self->row_popover, "visit-menu");
  gtk_widget_set_parent (self->row_popover, GTK_WIDGET (self));
}

GtkWidget *
rp_planner_page_new (RpContext *context)
{
  g_return_val_if_fail (RP_IS_CONTEXT (context), NULL);

  return g_object_new (RP_TYPE_PLANNER_PAGE,
                       "context", context,
                       NULL);
}

const char *
rp_planner_page_get_week (RpPlannerPage *self)
{
  g_return_val_if_fail (RP_IS_PLANNER_PAGE (self), NULL);

  return self->monday;
}

void
rp_planner_page_set_week (RpPlannerPage *self,
                          const char    *monday)
{
  g_return_if_fail (RP_IS_PLANNER_PAGE (self));

  /* Before construction ends there is no context to read the week from. */
  if (self->context == NULL || self->days_box == NULL)
    return;

  set_week (self, monday);
}
