/* rp-planner-page-actions.c: what the Planner's day buttons and visit menus do: optimise a day's
 * driving order, show it on the map or in a maps application, move a visit to another day, mark
 * it done (the activity dialog filled in), cancel, restore or remove it.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-activity-dialog.h"
#include "rp-page-util.h"
#include "rp-partner.h"
#include "rp-planner-page-private.h"
#include "rp-route.h"
#include "rp-store-visits.h"
#include "rp-team.h"

static void
optimise_route_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RpPlannerPage *self = RP_PLANNER_PAGE (widget);
  const char *day = g_variant_get_string (parameter, NULL);
  g_autoptr(GPtrArray) day_visits = _rp_planner_page_visits_of_day (self, day, TRUE);
  /* The route is this liaison's: other liaisons' visits of the day keep their place and time. */
  g_autoptr(GPtrArray) visits = rp_team_own_visits (day_visits);
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
          && _rp_planner_page_visit_point (self, visit, &point))
        {
          g_array_append_val (points, point);
          g_ptr_array_add (located, visit);
        }
    }

  if (located->len == 0)
    {
      _rp_planner_page_add_toast (self, _("None of the day’s partners has a location yet"));
      return;
    }

  /* Without a placed practice, the route starts where the day's first stop is. */
  if (!_rp_planner_page_practice_origin (self, &origin))
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
      _rp_planner_page_add_error_toast (self, _("Could not reorder the visits"), error);
      return;
    }

  distance = rp_distance_format (route->total_km, _rp_planner_page_distance_unit (self));
  /* Translators: after "Optimise Route": "Route optimised: 12.4 mi". */
  message = g_strdup_printf (_("Route optimised: %s"), distance);
  _rp_planner_page_add_toast (self, message);
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
  g_autoptr(GPtrArray) day_visits =
    _rp_planner_page_visits_of_day (self, g_variant_get_string (parameter, NULL), FALSE);
  g_autoptr(GPtrArray) visits = rp_team_own_visits (day_visits);
  GtkRoot *root = gtk_widget_get_root (widget);

  for (guint i = 0; i < visits->len; i++)
    {
      RpGeoPoint point;
      char lat[G_ASCII_DTOSTR_BUF_SIZE];
      char lon[G_ASCII_DTOSTR_BUF_SIZE];
      g_autofree char *uri = NULL;

      if (!_rp_planner_page_visit_point (self, g_ptr_array_index (visits, i), &point))
        continue;

      /* geo: URIs use a dot whatever the locale (RFC 5870). */
      g_ascii_formatd (lat, sizeof lat, "%.6f", point.lat);
      g_ascii_formatd (lon, sizeof lon, "%.6f", point.lon);
      uri = g_strdup_printf ("geo:%s,%s", lat, lon);
      gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
      return;
    }

  _rp_planner_page_add_toast (self, _("None of the day’s partners has a location yet"));
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
    _rp_planner_page_add_error_toast (self, _("Could not move the visit"), error);
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
    _rp_planner_page_add_error_toast (self, _("Could not mark the visit done"), error);
  else
    _rp_planner_page_add_toast (self, _("Visit done and logged"));
}

static void
mark_done_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RpPlannerPage *self = RP_PLANNER_PAGE (widget);
  gint64 visit_id = g_variant_get_int64 (parameter);
  RpPlannedVisit *visit = _rp_planner_page_lookup_visit (self, visit_id);
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
    _rp_planner_page_add_error_toast (self, _("Could not change the visit"), error);
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
  RpPlannedVisit *visit = _rp_planner_page_lookup_visit (self, visit_id);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (visit == NULL)
    return;

  /* Translators: a toast, "Visit to Dr. Ann Lee cancelled". */
  message = g_strdup_printf (_("Visit to %s cancelled"), _rp_planner_page_visit_partner_name (self, visit));

  if (!rp_store_set_visit_status (rp_context_get_store (self->context), visit_id,
                                  RP_VISIT_STATUS_CANCELLED, 0, &error))
    {
      _rp_planner_page_add_error_toast (self, _("Could not cancel the visit"), error);
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
    _rp_planner_page_add_error_toast (self, _("Could not remove the visit"), error);
  else
    _rp_planner_page_add_toast (self, _("Visit removed"));
}

void
_rp_planner_page_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "planner.optimise-route", "s",
                                   optimise_route_action);
  gtk_widget_class_install_action (widget_class, "planner.show-day-on-map", "s",
                                   show_day_on_map_action);
  gtk_widget_class_install_action (widget_class, "planner.open-in-maps", "s",
                                   open_in_maps_action);
  gtk_widget_class_install_action (widget_class, "planner.move-visit", "(xsu)",
                                   move_visit_action);
  gtk_widget_class_install_action (widget_class, "planner.mark-done", "x", mark_done_action);
  gtk_widget_class_install_action (widget_class, "planner.cancel-visit", "x",
                                   cancel_visit_action);
  gtk_widget_class_install_action (widget_class, "planner.restore-visit", "x",
                                   restore_visit_action);
  gtk_widget_class_install_action (widget_class, "planner.remove-visit", "x",
                                   remove_visit_action);
}
