/* rp-planner-page.c
 *
 * The week is rebuilt from the store whenever its visits, partners or records change: a week
 * holds a few dozen visits at most, so five list boxes read better than a paging model. While the
 * page is not on show a change only marks it stale, and the page catches up when it is mapped.
 *
 * The day columns sit side by side like GNOME Calendar's week view; when the room beside "Who to
 * Visit" is narrower than DAYS_MIN_WIDTH they stack, one day under the other. The orientation is switched
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

#include "rp-ics.h"
#include "rp-page-util.h"
#include "rp-planner-page-private.h"
#include "rp-store-partners.h"
#include "rp-store-visits.h"

G_DEFINE_FINAL_TYPE (RpPlannerPage, rp_planner_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_WEEK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void reload (RpPlannerPage *self,
                    gboolean       show_spinner);

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

char *
_rp_planner_page_dup_today (void)
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

char *
_rp_planner_page_format_day (const char *day,
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

void
_rp_planner_page_add_toast (RpPlannerPage *self,
                            const char    *title)
{
  rp_page_add_toast (GTK_WIDGET (self), adw_toast_new (title));
}

void
_rp_planner_page_add_error_toast (RpPlannerPage *self,
                                  const char    *what,
                                  const GError  *error)
{
  g_autofree char *message = g_strdup_printf ("%s: %s", what, error->message);

  _rp_planner_page_add_toast (self, message);
}

RpDistanceUnit
_rp_planner_page_distance_unit (RpPlannerPage *self)
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

RpPartner *
_rp_planner_page_lookup_partner (RpPlannerPage *self,
                                 gint64         partner_id)
{
  return g_hash_table_lookup (self->partners, &partner_id);
}

gboolean
_rp_planner_page_visit_point (RpPlannerPage  *self,
                              RpPlannedVisit *visit,
                              RpGeoPoint     *point)
{
  RpPartner *partner = _rp_planner_page_lookup_partner (self,
                                                        rp_planned_visit_get_partner_id (visit));

  if (partner == NULL || !rp_partner_get_has_location (partner))
    return FALSE;

  point->lat = rp_partner_get_latitude (partner);
  point->lon = rp_partner_get_longitude (partner);

  return TRUE;
}

/* The visits of @day in their order (borrowed); cancelled ones only when @with_cancelled. */
GPtrArray *
_rp_planner_page_visits_of_day (RpPlannerPage *self,
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
        gboolean       show_spinner)
{
  self->stale = FALSE;

  update_title (self);
  load_visits (self);
  _rp_planner_page_rebuild_days (self);
  _rp_planner_page_request_suggestions (self, show_spinner);
}

static void
store_changed_cb (RpPlannerPage *self)
{
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

/* The days stand side by side when they have the room beside "Who to Visit" (open, it sits beside
 * them: it never covers a day); otherwise they are stacked, each as wide as the page. */
gboolean
_rp_planner_page_wants_vertical (RpPlannerPage *self,
                                 int            width)
{
  int pane = 0;

  if (adw_flap_get_reveal_flap (self->flap) && !adw_flap_get_folded (self->flap))
    {
      GtkWidget *flap = adw_flap_get_flap (self->flap);

      pane = flap != NULL ? MAX (gtk_widget_get_width (flap), SUGGESTIONS_WIDTH)
                          : SUGGESTIONS_WIDTH;
    }

  return width - pane < DAYS_MIN_WIDTH;
}

static gboolean layout_idle_cb (gpointer user_data);

static void
queue_layout_check (RpPlannerPage *self)
{
  /* Before the next frame is laid out: a default idle may wait behind the frames of the
   * spinner and of the rows being added. */
  if (self->layout_idle_id == 0)
    self->layout_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, layout_idle_cb, self, NULL);
}

static gboolean
layout_idle_cb (gpointer user_data)
{
  RpPlannerPage *self = user_data;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  gboolean vertical = _rp_planner_page_wants_vertical (self, width);

  self->layout_idle_id = 0;

  if (vertical != self->vertical)
    {
      self->vertical = vertical;
      _rp_planner_page_rebuild_days (self);
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
      _rp_planner_page_add_toast (self, _("Could not export the week: choose a local file"));
      return;
    }

  if (!rp_ics_write_week (rp_context_get_store (self->context), self->monday, path, &n_events,
                          &error))
    {
      _rp_planner_page_add_error_toast (self, _("Could not export the week"), error);
      return;
    }

  message = g_strdup_printf (ngettext ("Exported %u visit", "Exported %u visits", n_events),
                             n_events);
  _rp_planner_page_add_toast (self, message);
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
    _rp_planner_page_add_toast (self, _("Printing is not available here"));
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

  _rp_planner_page_rebuild_days (self);
  _rp_planner_page_request_suggestions (self, TRUE);
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

  vertical = _rp_planner_page_wants_vertical (self, width);
  if (vertical != self->vertical)
    queue_layout_check (self);
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
  /* Folded (a phone-sized window), the pane would cover the days: it waits for the toggle. */
  adw_flap_set_reveal_flap (flap, !adw_flap_get_folded (flap));
  queue_layout_check (self);
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
  g_signal_connect_object (self->flap, "notify::reveal-flap", G_CALLBACK (queue_layout_check),
                           self, G_CONNECT_SWAPPED);

  set_week (self, NULL);
}

static void
rp_planner_page_dispose (GObject *object)
{
  RpPlannerPage *self = RP_PLANNER_PAGE (object);

  g_clear_handle_id (&self->layout_idle_id, g_source_remove);
  g_clear_handle_id (&self->suggestions_idle_id, g_source_remove);
  _rp_planner_page_stop_filling (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->row_popover, gtk_widget_unparent);

  gtk_widget_dispose_template (GTK_WIDGET (self), RP_TYPE_PLANNER_PAGE);

  for (int i = 0; i < N_DAYS; i++)
    self->day_columns[i] = NULL;

  g_clear_pointer (&self->visits, g_ptr_array_unref);
  g_clear_pointer (&self->suggestions, g_ptr_array_unref);
  g_clear_pointer (&self->focus_visit_uuid, g_free);
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
  _rp_planner_page_class_actions_init (widget_class);
  _rp_planner_page_class_suggestions_init (widget_class);
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
