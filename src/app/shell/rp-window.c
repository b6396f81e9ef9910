/* rp-window.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "rp-activity-dialog.h"
#include "rp-exchange-actions.h"
#include "rp-export-dialog.h"

#include "rp-analytics-page.h"
#include "rp-follow-ups-page.h"
#include "rp-map-page.h"
#include "rp-page-util.h"
#include "rp-partners-page.h"
#include "rp-plan-visit-dialog.h"
#include "rp-planner-page.h"
#include "rp-print-actions.h"
#include "rp-referrals-page.h"
#include "rp-store-imports.h"
#include "rp-store-partners.h"
#include "rp-sync-banner.h"
#include "rp-sync-status.h"
#include "rp-target-lists-sidebar.h"
#include "rp-team-engine.h"
#include "rp-timeline-page.h"
#include "rp-prospects-page.h"
#include "rp-registry-import-dialog.h"
#include "rp-window.h"

struct _RpWindow
{
  AdwApplicationWindow  parent_instance;

  RpContext            *context;
  RpReminderService    *reminders;
  GListModel           *pending;
  GdkFrameClock        *bench_frame_clock;
  gulong                bench_after_paint_id;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  GtkListBox           *sidebar_list;
  RpTargetListsSidebar *target_lists;
  GtkMenuButton        *primary_menu_button;
  GtkBox               *content_box;
  GtkStack             *stack;
  GtkRevealer          *reminder_banner_revealer;
  GtkLabel             *reminder_banner_label;
  GtkRevealer          *read_only_revealer;
  GtkLabel             *read_only_label;
  RpSyncStatus         *sync_status;
  RpSyncBanner         *sync_banner;
};

G_DEFINE_FINAL_TYPE (RpWindow, rp_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_VISIBLE_PAGE_NAME,
  PROP_REMINDER_SERVICE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef GtkWidget *(*RpPageNew) (RpContext *context);

/* The areas of the window, in sidebar order. A page is a widget that brings its own AdwHeaderBar
 * (the window adds the back button the folded layout needs to it) and installs its actions in
 * a group named like the page ("partners.search"); the window forwards Ctrl+F and Ctrl+N to
 * "<name>.search" and "<name>.add" so that they work wherever the focus is. Later areas (Map,
 * Referrals, Timeline, Planner, Follow-ups, Analytics, Packets) are one line each here. */
typedef struct
{
  const char *name;
  const char *title;
  const char *icon_name;
  RpPageNew   create;
} RpPageInfo;

static const RpPageInfo page_infos[] = {
  { "partners", N_("Partners"), "system-users-symbolic", rp_partners_page_new },
  { "map", N_("Map"), "mark-location-symbolic", rp_map_page_new },
  { "planner", N_("Planner"), "x-office-calendar-symbolic", rp_planner_page_new },
  { "referrals", N_("Referrals"), "mail-forward-symbolic", rp_referrals_page_new },
  { "timeline", N_("Timeline"), "document-open-recent-symbolic", rp_timeline_page_new },
  { "follow-ups", N_("Follow-ups"), "alarm-symbolic", rp_follow_ups_page_new },
  { "prospects", N_("Prospects"), "system-search-symbolic", rp_prospects_page_new },

  { "analytics", N_("Analytics"), "x-office-spreadsheet-symbolic", rp_analytics_page_new },
};

static const RpPageInfo *
find_page_info (const char *name,
                int        *index)
{
  for (guint i = 0; i < G_N_ELEMENTS (page_infos); i++)
    {
      if (g_strcmp0 (page_infos[i].name, name) == 0)
        {
          if (index != NULL)
            *index = (int) i;
          return &page_infos[i];
        }
    }

  return NULL;
}

static void
back_clicked_cb (RpWindow  *self,
                 GtkButton *button)
{
  g_assert (RP_IS_WINDOW (self));

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* When the leaflet is folded only one pane shows: the page's header bar then needs a way back to
 * the sidebar and the window buttons on both ends; unfolded, the sidebar's bar holds the ones at
 * the start. */
static void
adopt_page_header_bar (RpWindow  *self,
                       GtkWidget *page)
{
  /* The page's own top bar, not one nested deeper (in a dialog or a pane). */
  GtkWidget *header_bar = rp_page_find_outermost (page, ADW_TYPE_HEADER_BAR);
  GtkWidget *back;

  if (header_bar == NULL)
    {
      g_debug ("Page %s has no header bar", G_OBJECT_TYPE_NAME (page));
      return;
    }

  back = gtk_button_new_from_icon_name ("go-previous-symbolic");
  gtk_widget_set_tooltip_text (back, _("Back"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (back),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Back"),
                                  -1);
  g_object_bind_property (self->leaflet, "folded", back, "visible", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (back, "clicked", G_CALLBACK (back_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header_bar), back);

  /* Back comes first, before the page's own buttons. */
  if (GTK_IS_BOX (gtk_widget_get_parent (back)))
    gtk_box_reorder_child_after (GTK_BOX (gtk_widget_get_parent (back)), back, NULL);

  g_object_bind_property (self->leaflet, "folded",
                          header_bar, "show-start-title-buttons",
                          G_BINDING_SYNC_CREATE);
}

static GtkWidget *
create_sidebar_row (const RpPageInfo *info)
{
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *image;
  GtkWidget *label;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  /* Decoration: the row's label names it. */
  image = gtk_image_new_from_icon_name (info->icon_name);
  gtk_accessible_update_state (GTK_ACCESSIBLE (image),
                               GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                               -1);
  gtk_box_append (GTK_BOX (box), image);

  label = gtk_label_new (_(info->title));
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, info->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(info->title),
                                  -1);

  return row;
}

static GtkWidget *
ensure_page (RpWindow         *self,
             const RpPageInfo *info)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->stack, info->name);

  /* Pages are built the first time they are shown: start-up pays only for the first one. */
  if (page == NULL)
    {
      page = info->create (self->context);
      adopt_page_header_bar (self, page);
      gtk_stack_add_titled (self->stack, page, info->name, _(info->title));
    }

  return page;
}

static gboolean
forward_to_page_cb (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  RpWindow *self = RP_WINDOW (widget);
  const char *name = gtk_stack_get_visible_child_name (self->stack);
  GtkWidget *page = gtk_stack_get_visible_child (self->stack);
  g_autofree char *action = NULL;
  const char *verb;

  if (page == NULL || name == NULL)
    return FALSE;

  g_variant_get (args, "&s", &verb);
  action = g_strdup_printf ("%s.%s", name, verb);

  if (!gtk_widget_activate_action (page, action, NULL))
    return FALSE;

  /* Folded, the sidebar may be on show: bring the page where the action happens. */
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->content_box));

  return TRUE;
}

static void
bench_after_paint_cb (RpWindow      *self,
                      GdkFrameClock *frame_clock)
{
  g_assert (RP_IS_WINDOW (self));

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "partners") != 0)
    return;

  g_print ("rapport-first-frame-us %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);

  g_clear_signal_handler (&self->bench_after_paint_id, self->bench_frame_clock);
  g_clear_weak_pointer (&self->bench_frame_clock);
}

static void
save_window_state (RpWindow *self)
{
  GSettings *settings = rp_context_get_settings (self->context);
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));
  int width;
  int height;

  /* A maximized window keeps the size it had before, for when it is unmaximized. */
  if (!maximized)
    {
      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      if (width > 0 && height > 0)
        {
          g_settings_set_int (settings, "window-width", width);
          g_settings_set_int (settings, "window-height", height);
        }
    }

  g_settings_set_boolean (settings, "window-maximized", maximized);
}

static void
sidebar_row_selected_cb (RpWindow      *self,
                         GtkListBoxRow *row,
                         GtkListBox    *list_box)
{
  g_assert (RP_IS_WINDOW (self));

  if (row != NULL)
    rp_window_set_visible_page_name (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

/* Shows the page called @name (creating it the first time) and, folded, brings it in instead of
 * the sidebar: where the window routes a request from a page or the sidebar. */
static GtkWidget *
present_page (RpWindow   *self,
              const char *name)
{
  if (!rp_window_set_visible_page_name (self, name))
    return NULL;

  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->content_box));

  return rp_window_get_page (self, name);
}

/* A saved target list: the Partners page, showing its members. */
static void
target_list_activated_cb (RpWindow   *self,
                          gint64      list_id,
                          const char *name)
{
  GtkWidget *page = present_page (self, "partners");

  if (RP_IS_PARTNERS_PAGE (page))
    rp_partners_page_show_target_list (RP_PARTNERS_PAGE (page), list_id, name);
}

static void
sidebar_row_activated_cb (RpWindow      *self,
                          GtkListBoxRow *row,
                          GtkListBox    *list_box)
{
  g_assert (RP_IS_WINDOW (self));

  rp_window_set_visible_page_name (self, gtk_widget_get_name (GTK_WIDGET (row)));
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->content_box));
}

static void
stack_visible_child_changed_cb (RpWindow   *self,
                                GParamSpec *pspec,
                                GtkStack   *stack)
{
  g_assert (RP_IS_WINDOW (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_PAGE_NAME]);
}

static void
leaflet_folded_changed_cb (RpWindow   *self,
                           GParamSpec *pspec,
                           AdwLeaflet *leaflet)
{
  g_assert (RP_IS_WINDOW (self));

  /* Folded, a selected row would look like a page that is already open; unfolded, it marks the
   * page on show. */
  if (adw_leaflet_get_folded (leaflet))
    gtk_list_box_set_selection_mode (self->sidebar_list, GTK_SELECTION_NONE);
  else
    {
      const char *name = gtk_stack_get_visible_child_name (self->stack);
      int index = 0;

      gtk_list_box_set_selection_mode (self->sidebar_list, GTK_SELECTION_BROWSE);
      if (find_page_info (name, &index) != NULL)
        gtk_list_box_select_row (self->sidebar_list,
                                 gtk_list_box_get_row_at_index (self->sidebar_list, index));
    }
}

/* The partner the visible page is about, if it has one ("selected-partner-id"). */
static gint64
get_current_partner_id (RpWindow *self)
{
  GtkWidget *page = gtk_stack_get_visible_child (self->stack);
  gint64 partner_id = 0;

  if (page != NULL &&
      g_object_class_find_property (G_OBJECT_GET_CLASS (page), "selected-partner-id") != NULL)
    g_object_get (page, "selected-partner-id", &partner_id, NULL);

  return partner_id;
}

static void
update_reminder_banner (RpWindow *self)
{
  g_autofree char *text = NULL;
  guint n_pending = 0;
  gboolean show;

  if (self->reminders != NULL && self->pending != NULL &&
      rp_reminder_service_get_state (self->reminders) == RP_REMINDER_SERVICE_NO_SERVER)
    n_pending = g_list_model_get_n_items (self->pending);

  show = n_pending > 0;
  if (show)
    {
      text = g_strdup_printf (ngettext ("%u follow-up is due — notifications are not available",
                                        "%u follow-ups are due — notifications are not available",
                                        n_pending),
                              n_pending);
      gtk_label_set_label (self->reminder_banner_label, text);
    }

  gtk_revealer_set_reveal_child (self->reminder_banner_revealer, show);
}

static void
pending_items_changed_cb (RpWindow   *self,
                          guint       position,
                          guint       removed,
                          guint       added,
                          GListModel *model)
{
  update_reminder_banner (self);
}

static void
watch_pending (RpWindow *self)
{
  GListModel *pending = NULL;

  if (self->reminders != NULL)
    pending = rp_reminder_service_get_pending (self->reminders);

  if (pending == self->pending)
    return;

  if (self->pending != NULL)
    g_signal_handlers_disconnect_by_func (self->pending, pending_items_changed_cb, self);
  g_set_object (&self->pending, pending);
  if (self->pending != NULL)
    g_signal_connect_object (self->pending, "items-changed",
                             G_CALLBACK (pending_items_changed_cb), self,
                             G_CONNECT_SWAPPED);
}

static void
reminders_notify_cb (RpWindow          *self,
                     GParamSpec        *pspec,
                     RpReminderService *reminders)
{
  g_assert (RP_IS_WINDOW (self));

  watch_pending (self);
  update_reminder_banner (self);
}

/* The window's actions. Pages never call the window or each other: they activate these
 * ("win.show-partner" with a partner id…), and the window routes each to the page that does it,
 * through that page's public API. */

static void
show_follow_ups_activated (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  present_page (RP_WINDOW (user_data), "follow-ups");
}

static void
log_activity_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  RpWindow *self = RP_WINDOW (user_data);
  GtkWidget *dialog;

  dialog = rp_activity_dialog_new (self->context, get_current_partner_id (self), NULL);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_partner_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  gint64 partner_id = g_variant_get_int64 (parameter);

  if (partner_id > 0)
    rp_window_show_partner (RP_WINDOW (user_data), partner_id);
}

static void
show_referral_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  gint64 referral_id = g_variant_get_int64 (parameter);

  if (referral_id > 0)
    rp_window_show_referral (RP_WINDOW (user_data), referral_id);
}

static void
show_history_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  rp_window_show_history (RP_WINDOW (user_data), g_variant_get_int64 (parameter));
}

static void
show_on_map_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  rp_window_show_on_map (RP_WINDOW (user_data), g_variant_get_int64 (parameter));
}

static void
show_day_on_map_activated (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  GtkWidget *page = present_page (RP_WINDOW (user_data), "map");

  if (RP_IS_MAP_PAGE (page))
    rp_map_page_show_day (RP_MAP_PAGE (page), g_variant_get_string (parameter, NULL));
}

static void
plan_visit_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  RpWindow *self = RP_WINDOW (user_data);
  gint64 partner_id = g_variant_get_int64 (parameter);

  if (partner_id <= 0)
    partner_id = get_current_partner_id (self);
  if (partner_id > 0)
    rp_plan_visit_dialog_present (GTK_WINDOW (self), self->context, partner_id);
}

/* ── import and export ─────────────────────────────────────────────────────────────────── */

/* Undo of a referral or activity import: its rows, taken back on the window's connection. */
static void
undo_records_cb (AdwToast       *toast,
                 RpRecordImport *records)
{
  RpWindow *self = g_object_get_data (G_OBJECT (toast), "window");
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint removed = 0;

  if (self == NULL)
    return;
  if (!rp_record_import_undo (records, rp_context_get_store (self->context), &removed, &error))
    message = g_strdup_printf (_("The import could not be undone: %s"), error->message);
  else if (rp_record_import_get_what (records) == RP_IMPORT_WHAT_REFERRALS)
    message = g_strdup_printf (ngettext ("Import undone: %u referral removed",
                                         "Import undone: %u referrals removed", removed), removed);
  else
    message = g_strdup_printf (ngettext ("Import undone: %u activity removed",
                                         "Import undone: %u activities removed", removed),
                               removed);
  rp_window_add_toast (self, adw_toast_new (message));
}

static void
imported_cb (gint64          batch_id,
             RpRecordImport *records,
             const char     *summary,
             gpointer        user_data)
{
  RpWindow *self = RP_WINDOW (user_data);
  AdwToast *toast = adw_toast_new (summary);

  adw_toast_set_timeout (toast, 10);
  if (batch_id > 0)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo-import");
      adw_toast_set_action_target_value (toast, g_variant_new_int64 (batch_id));
    }
  else if (records != NULL && rp_record_import_can_undo (records))
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      g_object_set_data (G_OBJECT (toast), "window", self);
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_records_cb),
                             g_object_ref (records), (GClosureNotify) g_object_unref, 0);
    }
  rp_window_add_toast (self, toast);
}

static void
import_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  RpWindow *self = RP_WINDOW (user_data);

  rp_exchange_choose_import (GTK_WINDOW (self), rp_context_get_store (self->context),
                             rp_context_get_vault (self->context), imported_cb, self);
}

/* A prospect of the NPI registry on the map (the Prospects page's Show on Map). */
static void
show_prospect_on_map_activated (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  GtkWidget *page = present_page (RP_WINDOW (user_data), "map");

  if (RP_IS_MAP_PAGE (page))
    rp_map_page_show_prospect (RP_MAP_PAGE (page), g_variant_get_int64 (parameter));
}

static void
registry_imported_cb (RpRegistryImportDialog *dialog,
                      const char             *summary,
                      RpWindow               *self)
{
  GtkWidget *page = rp_window_get_page (self, "prospects");

  if (RP_IS_PROSPECTS_PAGE (page))
    rp_prospects_page_reload (RP_PROSPECTS_PAGE (page));
}

/* The NPPES, NUCC and Medicare files (the main menu, and the Prospects page's buttons). */
static void
import_registry_activated (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  RpWindow *self = RP_WINDOW (user_data);
  RpRegistryImportDialog *dialog = rp_registry_import_dialog_new (GTK_WINDOW (self),
                                                                  self->context);

  g_signal_connect_object (dialog, "imported", G_CALLBACK (registry_imported_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
undo_import_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  RpWindow *self = RP_WINDOW (user_data);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint removed = 0, restored = 0;

  if (!rp_store_undo_import (rp_context_get_store (self->context),
                             g_variant_get_int64 (parameter), &removed, &restored, &error))
    message = g_strdup_printf (_("The import could not be undone: %s"), error->message);
  else
    message = g_strdup_printf (_("Import undone: %u partners removed, %u restored"), removed,
                               restored);
  rp_window_add_toast (self, adw_toast_new (message));
}

static void
export_partners_activated (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  RpWindow *self = RP_WINDOW (user_data);

  rp_exchange_choose_export (GTK_WINDOW (self), rp_context_get_store (self->context), NULL, 0,
                             _("partners.csv"));
}

static void
referrals_exported_cb (RpExportDialog *dialog,
                       const char     *message,
                       RpWindow       *self)
{
  rp_window_add_toast (self, adw_toast_new (message));
}

/* Referrals: a dialog first, for the patient identifiers' choice. */
static void
export_referrals_activated (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  RpWindow *self = RP_WINDOW (user_data);
  RpExportDialog *dialog = rp_export_dialog_new (GTK_WINDOW (self),
                                                 rp_context_get_store (self->context),
                                                 rp_context_get_vault (self->context));

  g_signal_connect_object (dialog, "exported", G_CALLBACK (referrals_exported_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_activities_activated (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  RpWindow *self = RP_WINDOW (user_data);

  rp_exchange_choose_record_export (GTK_WINDOW (self), rp_context_get_store (self->context),
                                    RP_STORE_EXPORT_ACTIVITIES);
}

static void
export_tasks_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  RpWindow *self = RP_WINDOW (user_data);

  rp_exchange_choose_record_export (GTK_WINDOW (self), rp_context_get_store (self->context),
                                    RP_STORE_EXPORT_TASKS);
}

/* A CSV file dropped on the window starts its import. */
static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         gpointer       user_data)
{
  RpWindow *self = RP_WINDOW (user_data);
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = g_value_get_boxed (value);
  if (files == NULL)
    return FALSE;
  rp_window_import_file (self, G_FILE (files->data));
  return TRUE;
}

void
rp_window_import_file (RpWindow *self,
                       GFile    *file)
{
  g_return_if_fail (RP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  rp_exchange_import_file (GTK_WINDOW (self), rp_context_get_store (self->context),
                           rp_context_get_vault (self->context), file, imported_cb, self);
}

/* The Referrals page filtered as the query says ("from=…&to=…&direction=…&status=…&partner=…"):
 * the Analytics page's click-through. */
static void
show_referrals_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  GtkWidget *page = present_page (RP_WINDOW (user_data), "referrals");

  if (RP_IS_REFERRALS_PAGE (page))
    rp_referrals_page_show_query (RP_REFERRALS_PAGE (page), g_variant_get_string (parameter,
                                                                                  NULL));
}

/* win.show-partners (s query): the Partners page filtered as rp_partners_page_show_query()
 * reads it (the Analytics page's feedback charts). */
static void
show_partners_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  GtkWidget *page = present_page (RP_WINDOW (user_data), "partners");

  if (RP_IS_PARTNERS_PAGE (page))
    rp_partners_page_show_query (RP_PARTNERS_PAGE (page), g_variant_get_string (parameter, NULL));
}

static const GActionEntry win_entries[] = {
  { .name = "log-activity", .activate = log_activity_activated },
  { .name = "show-partner", .activate = show_partner_activated, .parameter_type = "x" },
  { .name = "show-referral", .activate = show_referral_activated, .parameter_type = "x" },
  { .name = "show-history", .activate = show_history_activated, .parameter_type = "x" },
  { .name = "show-on-map", .activate = show_on_map_activated, .parameter_type = "x" },
  { .name = "show-day-on-map", .activate = show_day_on_map_activated, .parameter_type = "s" },
  { .name = "plan-visit", .activate = plan_visit_activated, .parameter_type = "x" },
  { .name = "show-follow-ups", .activate = show_follow_ups_activated },
  { .name = "import", .activate = import_activated },
  { .name = "import-registry", .activate = import_registry_activated },
  { .name = "show-prospect-on-map", .activate = show_prospect_on_map_activated,
    .parameter_type = "x" },
  { .name = "undo-import", .activate = undo_import_activated, .parameter_type = "x" },
  { .name = "export-partners", .activate = export_partners_activated },
  { .name = "export-referrals", .activate = export_referrals_activated },
  { .name = "export-activities", .activate = export_activities_activated },
  { .name = "export-tasks", .activate = export_tasks_activated },
  { .name = "show-referrals", .activate = show_referrals_activated, .parameter_type = "s" },
  { .name = "show-partners", .activate = show_partners_activated, .parameter_type = "s" },
};

static gboolean
rp_window_close_request (GtkWindow *window)
{
  RpWindow *self = RP_WINDOW (window);

  save_window_state (self);

  return GTK_WINDOW_CLASS (rp_window_parent_class)->close_request (window);
}

static void
rp_window_map (GtkWidget *widget)
{
  RpWindow *self = RP_WINDOW (widget);

  GTK_WIDGET_CLASS (rp_window_parent_class)->map (widget);

  /* The benchmark measures start-up up to the first frame painted with the Partners page. */
  if (self->bench_after_paint_id == 0 && self->bench_frame_clock == NULL &&
      g_getenv ("RAPPORT_BENCH_FIRST_FRAME") != NULL)
    {
      GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (widget);

      g_set_weak_pointer (&self->bench_frame_clock, frame_clock);
      self->bench_after_paint_id =
        g_signal_connect_object (frame_clock, "after-paint",
                                 G_CALLBACK (bench_after_paint_cb), self,
                                 G_CONNECT_SWAPPED);
      gtk_widget_queue_draw (widget);
    }
}

static void
rp_window_constructed (GObject *object)
{
  RpWindow *self = RP_WINDOW (object);
  GSettings *settings;
  g_autofree char *last_page = NULL;

  G_OBJECT_CLASS (rp_window_parent_class)->constructed (object);

  g_assert (RP_IS_CONTEXT (self->context));

  settings = rp_context_get_settings (self->context);

  if (rp_store_is_read_only (rp_context_get_store (self->context)))
    {
      g_autofree char *display =
        g_filename_display_name (rp_store_get_path (rp_context_get_store (self->context)));
      g_autofree char *text =
        /* Translators: %s is the database's file name. */
        g_strdup_printf (_("“%s” is read-only: you can look at everything, but changes cannot "
                           "be saved and reminders are kept track of outside it."), display);

      gtk_label_set_label (self->read_only_label, text);
      gtk_revealer_set_reveal_child (self->read_only_revealer, TRUE);
    }

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  for (guint i = 0; i < G_N_ELEMENTS (page_infos); i++)
    gtk_list_box_append (self->sidebar_list, create_sidebar_row (&page_infos[i]));

  rp_target_lists_sidebar_set_context (self->target_lists, self->context);
  rp_sync_status_set_engine (self->sync_status, rp_team_engine_get (self->context));
  rp_sync_banner_set_engine (self->sync_banner, rp_team_engine_get (self->context));
  rp_print_actions_install (GTK_WINDOW (self), self->context);

  /* The benchmark always starts on Partners, whatever page was open last. */
  if (g_getenv ("RAPPORT_BENCH_FIRST_FRAME") == NULL)
    last_page = g_settings_get_string (settings, "last-page");

  if (last_page == NULL || !rp_window_set_visible_page_name (self, last_page))
    rp_window_set_visible_page_name (self, page_infos[0].name);

  /* A narrow window opens on the page, not on the list of areas. */
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->content_box));
}

static void
rp_window_dispose (GObject *object)
{
  RpWindow *self = RP_WINDOW (object);

  if (self->bench_frame_clock != NULL)
    g_clear_signal_handler (&self->bench_after_paint_id, self->bench_frame_clock);
  g_clear_weak_pointer (&self->bench_frame_clock);

  rp_window_set_reminder_service (self, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), RP_TYPE_WINDOW);

  g_clear_object (&self->context);

  G_OBJECT_CLASS (rp_window_parent_class)->dispose (object);
}

static void
rp_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  RpWindow *self = RP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_VISIBLE_PAGE_NAME:
      g_value_set_string (value, rp_window_get_visible_page_name (self));
      break;

    case PROP_REMINDER_SERVICE:
      g_value_set_object (value, self->reminders);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  RpWindow *self = RP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_VISIBLE_PAGE_NAME:
      rp_window_set_visible_page_name (self, g_value_get_string (value));
      break;

    case PROP_REMINDER_SERVICE:
      rp_window_set_reminder_service (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_window_class_init (RpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = rp_window_constructed;
  object_class->dispose = rp_window_dispose;
  object_class->get_property = rp_window_get_property;
  object_class->set_property = rp_window_set_property;

  widget_class->map = rp_window_map;

  window_class->close_request = rp_window_close_request;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RP_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VISIBLE_PAGE_NAME] =
    g_param_spec_string ("visible-page-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REMINDER_SERVICE] =
    g_param_spec_object ("reminder-service", NULL, NULL,
                         RP_TYPE_REMINDER_SERVICE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RP_TYPE_TARGET_LISTS_SIDEBAR);
  g_type_ensure (RP_TYPE_SYNC_STATUS);
  g_type_ensure (RP_TYPE_SYNC_BANNER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rapport/Rapport/ui/rp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RpWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RpWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RpWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, RpWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, RpWindow, target_lists);
  gtk_widget_class_bind_template_child (widget_class, RpWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, RpWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, RpWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, RpWindow, reminder_banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, RpWindow, reminder_banner_label);
  gtk_widget_class_bind_template_child (widget_class, RpWindow, sync_status);
  gtk_widget_class_bind_template_child (widget_class, RpWindow, sync_banner);
  gtk_widget_class_bind_template_child (widget_class, RpWindow, read_only_revealer);
  gtk_widget_class_bind_template_child (widget_class, RpWindow, read_only_label);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, target_list_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, stack_visible_child_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_folded_changed_cb);

  /* Window-wide, whatever has the focus; a page that handles these keys itself gets them first. */
  gtk_widget_class_add_binding (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                forward_to_page_cb, "s", "search");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                forward_to_page_cb, "s", "add");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK,
                                       "win.log-activity", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK,
                                       "win.import", NULL);
}

static void
rp_window_init (RpWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_entries, G_N_ELEMENTS (win_entries),
                                   self);

  {
    GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

    g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
  }

  /* Development builds get the striped header bars of GNOME's nightly apps. */
  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

RpWindow *
rp_window_new (GtkApplication *application,
               RpContext      *context)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (RP_IS_CONTEXT (context), NULL);

  return g_object_new (RP_TYPE_WINDOW,
                       "application", application,
                       "context", context,
                       NULL);
}

RpContext *
rp_window_get_context (RpWindow *self)
{
  g_return_val_if_fail (RP_IS_WINDOW (self), NULL);

  return self->context;
}

const char *
rp_window_get_visible_page_name (RpWindow *self)
{
  g_return_val_if_fail (RP_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

gboolean
rp_window_set_visible_page_name (RpWindow   *self,
                                 const char *name)
{
  const RpPageInfo *info;
  GtkListBoxRow *row;
  int index = 0;

  g_return_val_if_fail (RP_IS_WINDOW (self), FALSE);

  info = find_page_info (name, &index);
  if (info == NULL)
    return FALSE;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), name) == 0)
    return TRUE;

  gtk_stack_set_visible_child (self->stack, ensure_page (self, info));

  row = gtk_list_box_get_row_at_index (self->sidebar_list, index);
  if (gtk_list_box_get_selection_mode (self->sidebar_list) != GTK_SELECTION_NONE &&
      gtk_list_box_get_selected_row (self->sidebar_list) != row)
    gtk_list_box_select_row (self->sidebar_list, row);

  g_settings_set_string (rp_context_get_settings (self->context), "last-page", name);

  return TRUE;
}

GtkWidget *
rp_window_get_page (RpWindow   *self,
                    const char *name)
{
  g_return_val_if_fail (RP_IS_WINDOW (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return gtk_stack_get_child_by_name (self->stack, name);
}

void
rp_window_add_toast (RpWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (RP_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
rp_window_show_partner (RpWindow *self,
                        gint64    partner_id)
{
  GtkWidget *page;

  g_return_if_fail (RP_IS_WINDOW (self));
  g_return_if_fail (partner_id > 0);

  page = present_page (self, "partners");
  if (RP_IS_PARTNERS_PAGE (page))
    rp_partners_page_select_partner (RP_PARTNERS_PAGE (page), partner_id);
}

void
rp_window_show_referral (RpWindow *self,
                         gint64    referral_id)
{
  GtkWidget *page;

  g_return_if_fail (RP_IS_WINDOW (self));
  g_return_if_fail (referral_id > 0);

  page = present_page (self, "referrals");
  if (RP_IS_REFERRALS_PAGE (page))
    rp_referrals_page_select_referral (RP_REFERRALS_PAGE (page), referral_id);
}

void
rp_window_show_history (RpWindow *self,
                        gint64    partner_id)
{
  g_autoptr(RpPartner) partner = NULL;
  GtkWidget *page;

  g_return_if_fail (RP_IS_WINDOW (self));

  /* The partner filter is labelled with the name; a partner deleted meanwhile has no history
   * left to show. */
  if (partner_id > 0)
    {
      partner = rp_store_get_partner (rp_context_get_store (self->context), partner_id, NULL);
      if (partner == NULL)
        return;
    }

  page = present_page (self, "timeline");
  if (RP_IS_TIMELINE_PAGE (page))
    rp_timeline_page_set_partner (RP_TIMELINE_PAGE (page), MAX (partner_id, 0),
                                  partner != NULL ? rp_partner_get_display_name (partner) : NULL);
}

void
rp_window_show_on_map (RpWindow *self,
                       gint64    partner_id)
{
  GtkWidget *page;

  g_return_if_fail (RP_IS_WINDOW (self));
  g_return_if_fail (partner_id > 0);

  page = present_page (self, "map");
  if (RP_IS_MAP_PAGE (page))
    rp_map_page_show_partner (RP_MAP_PAGE (page), partner_id);
}

gboolean
rp_window_show_task (RpWindow *self,
                     gint64    task_id)
{
  GtkWidget *page;

  g_return_val_if_fail (RP_IS_WINDOW (self), FALSE);

  if (!rp_window_set_visible_page_name (self, "follow-ups"))
    return FALSE;

  page = rp_window_get_page (self, "follow-ups");

  return RP_IS_FOLLOW_UPS_PAGE (page) &&
         rp_follow_ups_page_show_task (RP_FOLLOW_UPS_PAGE (page), task_id);
}

RpReminderService *
rp_window_get_reminder_service (RpWindow *self)
{
  g_return_val_if_fail (RP_IS_WINDOW (self), NULL);

  return self->reminders;
}

void
rp_window_set_reminder_service (RpWindow          *self,
                                RpReminderService *reminders)
{
  g_return_if_fail (RP_IS_WINDOW (self));
  g_return_if_fail (reminders == NULL || RP_IS_REMINDER_SERVICE (reminders));

  if (self->reminders == reminders)
    return;

  if (self->reminders != NULL)
    g_signal_handlers_disconnect_by_func (self->reminders, reminders_notify_cb, self);
  g_set_object (&self->reminders, reminders);
  if (self->reminders != NULL)
    {
      g_signal_connect_object (self->reminders, "notify::state",
                               G_CALLBACK (reminders_notify_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->reminders, "notify::pending",
                               G_CALLBACK (reminders_notify_cb), self,
                               G_CONNECT_SWAPPED);
    }

  watch_pending (self);
  if (self->reminder_banner_revealer != NULL)
    update_reminder_banner (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMINDER_SERVICE]);
}
