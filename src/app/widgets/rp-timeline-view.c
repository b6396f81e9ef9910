/* rp-timeline-view.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-accessible.h"
#include "rp-timeline-view.h"

struct _RpTimelineView
{
  AdwBin            parent_instance;

  RpContext        *context;
  RpTimelineFilter *filter;
  RpTimelineList   *list;

  GtkStack         *stack;
  GtkScrolledWindow *scrolled;
  GtkListView      *list_view;
  AdwStatusPage    *empty_page;
};

G_DEFINE_FINAL_TYPE (RpTimelineView, rp_timeline_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_FILTER,
  N_PROPS
};

enum {
  SIGNAL_PARTNER_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The widgets of one row, kept on the row's box while it is bound. */
typedef struct
{
  GtkWidget *day_label;
  GtkWidget *badge;
  GtkWidget *icon;
  GtkWidget *title_label;
  GtkWidget *summary_label;
  GtkWidget *partner_button;
  GtkWidget *time_label;
  RpTimelineView *view;
  gint64     partner_id;
} RowWidgets;

static const char *kind_classes[] = {
  "timeline-referral", "timeline-activity", "timeline-task-due", "timeline-task-done",
};

static gboolean
is_empty (const char *str)
{
  return str == NULL || *str == '\0';
}

/* "14:05" in local time for an ISO-8601 instant; NULL for a bare date (tasks due on a day). */
static char *
format_time_of_day (const char *occurred_at)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (is_empty (occurred_at) || strchr (occurred_at, 'T') == NULL)
    return NULL;

  utc = g_date_time_new_from_iso8601 (occurred_at, NULL);
  if (utc == NULL)
    return NULL;

  local = g_date_time_to_local (utc);

  return g_date_time_format (local, "%H:%M");
}

static void
update_state (RpTimelineView *self)
{
  gboolean empty = self->list == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->list)) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

static void
list_items_changed_cb (RpTimelineView *self)
{
  update_state (self);
}

static void
partner_clicked_cb (GtkButton  *button,
                    RowWidgets *w)
{
  if (w->partner_id > 0)
    g_signal_emit (w->view, signals[SIGNAL_PARTNER_ACTIVATED], 0, w->partner_id);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              RpTimelineView           *self)
{
  RowWidgets *w = g_new0 (RowWidgets, 1);
  GtkWidget *box;
  GtkWidget *row;
  GtkWidget *text;
  GtkWidget *title_line;

  w->view = self;
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (box, "timeline-row");

  w->day_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (w->day_label), 0.0f);
  gtk_widget_add_css_class (w->day_label, "heading");
  gtk_widget_add_css_class (w->day_label, "timeline-day");
  gtk_accessible_update_property (GTK_ACCESSIBLE (w->day_label),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 3,
                                  -1);
  gtk_box_append (GTK_BOX (box), w->day_label);

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (row, "timeline-entry");
  gtk_box_append (GTK_BOX (box), row);

  /* Decoration: the title says what kind of entry it is. */
  w->badge = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (w->badge, "timeline-badge");
  gtk_widget_set_valign (w->badge, GTK_ALIGN_START);
  gtk_widget_set_halign (w->badge, GTK_ALIGN_START);
  gtk_widget_set_hexpand (w->badge, FALSE);
  w->icon = gtk_image_new ();
  gtk_widget_set_size_request (w->icon, 32, 32);
  gtk_accessible_update_state (GTK_ACCESSIBLE (w->icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (w->badge), w->icon);
  gtk_box_append (GTK_BOX (row), w->badge);

  text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (row), text);

  title_line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (text), title_line);

  w->title_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (w->title_label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (w->title_label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (w->title_label, TRUE);
  gtk_widget_add_css_class (w->title_label, "timeline-title");
  gtk_box_append (GTK_BOX (title_line), w->title_label);
  rp_accessible_name_row_by_label (w->title_label);

  w->time_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (w->time_label, "dim-label");
  gtk_widget_add_css_class (w->time_label, "numeric");
  gtk_widget_add_css_class (w->time_label, "caption");
  gtk_box_append (GTK_BOX (title_line), w->time_label);

  w->partner_button = gtk_button_new ();
  gtk_widget_set_halign (w->partner_button, GTK_ALIGN_START);
  gtk_widget_add_css_class (w->partner_button, "flat");
  gtk_widget_add_css_class (w->partner_button, "timeline-partner");
  gtk_widget_set_tooltip_text (w->partner_button, _("Show this partner"));
  g_signal_connect (w->partner_button, "clicked", G_CALLBACK (partner_clicked_cb), w);
  gtk_box_append (GTK_BOX (text), w->partner_button);

  w->summary_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (w->summary_label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (w->summary_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (w->summary_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (w->summary_label), 2);
  gtk_label_set_ellipsize (GTK_LABEL (w->summary_label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (w->summary_label, "dim-label");
  gtk_box_append (GTK_BOX (text), w->summary_label);

  g_object_set_data_full (G_OBJECT (box), "rp-row-widgets", w, g_free);
  gtk_list_item_set_child (list_item, box);
  gtk_list_item_set_activatable (list_item, FALSE);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             RpTimelineView           *self)
{
  RpTimelineItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  RowWidgets *w = g_object_get_data (G_OBJECT (box), "rp-row-widgets");
  RpTimelineKind kind = rp_timeline_item_get_kind (item);
  const char *summary = rp_timeline_item_get_summary (item);
  const char *partner_name = rp_timeline_item_get_partner_name (item);
  gboolean show_partner;
  g_autofree char *time = NULL;
  g_autofree char *accessible = NULL;

  gtk_widget_set_visible (w->day_label, rp_timeline_item_get_first_of_day (item));
  gtk_label_set_text (GTK_LABEL (w->day_label), rp_timeline_item_get_day_label (item));
  if (rp_timeline_item_get_first_of_day (item))
    gtk_widget_add_css_class (box, "first-of-day");
  else
    gtk_widget_remove_css_class (box, "first-of-day");

  gtk_image_set_from_icon_name (GTK_IMAGE (w->icon), rp_timeline_item_get_icon_name (item));
  for (guint i = 0; i < G_N_ELEMENTS (kind_classes); i++)
    gtk_widget_remove_css_class (w->badge, kind_classes[i]);
  if ((guint) kind < G_N_ELEMENTS (kind_classes))
    gtk_widget_add_css_class (w->badge, kind_classes[kind]);

  gtk_label_set_text (GTK_LABEL (w->title_label), rp_timeline_item_get_title (item));

  gtk_label_set_text (GTK_LABEL (w->summary_label), summary != NULL ? summary : "");
  gtk_widget_set_visible (w->summary_label, !is_empty (summary));

  /* A partner's own timeline does not repeat their name on every row. */
  show_partner = (self->filter == NULL || self->filter->partner_id == 0) &&
                 !is_empty (partner_name);
  gtk_widget_set_visible (w->partner_button, show_partner);
  gtk_button_set_label (GTK_BUTTON (w->partner_button), partner_name != NULL ? partner_name : "");
  w->partner_id = rp_timeline_item_get_partner_id (item);
  if (show_partner)
    {
      g_autofree char *name = g_strdup_printf (_("Show %s"), partner_name);

      gtk_accessible_update_property (GTK_ACCESSIBLE (w->partner_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
    }

  /* A task falls due on a day, not at a time; partner feedback is given on a day too (it is an
   * activity entry without an activity). */
  if (kind != RP_TIMELINE_KIND_TASK_DUE &&
      !(kind == RP_TIMELINE_KIND_ACTIVITY && rp_timeline_item_get_activity_id (item) == 0))
    time = format_time_of_day (rp_timeline_item_get_occurred_at (item));
  gtk_label_set_text (GTK_LABEL (w->time_label), time != NULL ? time : "");
  gtk_widget_set_visible (w->time_label, time != NULL);

  accessible = g_strjoin (", ",
                          rp_timeline_item_get_title (item),
                          show_partner ? partner_name : rp_timeline_item_get_day_label (item),
                          time != NULL ? time : "",
                          NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
ensure_list (RpTimelineView *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  if (self->list != NULL || self->context == NULL)
    return;

  self->list = rp_timeline_list_new (rp_context_get_store (self->context), self->filter);
  g_signal_connect_object (self->list, "items-changed",
                           G_CALLBACK (list_items_changed_cb), self,
                           G_CONNECT_SWAPPED);

  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->list)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));

  update_state (self);
}

static void
rp_timeline_view_constructed (GObject *object)
{
  RpTimelineView *self = RP_TIMELINE_VIEW (object);

  G_OBJECT_CLASS (rp_timeline_view_parent_class)->constructed (object);

  ensure_list (self);
}

static void
rp_timeline_view_dispose (GObject *object)
{
  RpTimelineView *self = RP_TIMELINE_VIEW (object);

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);

  g_clear_object (&self->list);
  g_clear_object (&self->context);
  g_clear_pointer (&self->filter, rp_timeline_filter_free);

  G_OBJECT_CLASS (rp_timeline_view_parent_class)->dispose (object);
}

static void
rp_timeline_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RpTimelineView *self = RP_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_FILTER:
      g_value_set_boxed (value, self->filter);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_timeline_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RpTimelineView *self = RP_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_FILTER:
      rp_timeline_view_set_filter (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_timeline_view_class_init (RpTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rp_timeline_view_constructed;
  object_class->dispose = rp_timeline_view_dispose;
  object_class->get_property = rp_timeline_view_get_property;
  object_class->set_property = rp_timeline_view_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RP_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILTER] =
    g_param_spec_boxed ("filter", NULL, NULL,
                        RP_TYPE_TIMELINE_FILTER,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_PARTNER_ACTIVATED] =
    g_signal_new ("partner-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_css_name (widget_class, "timelineview");
}

static void
rp_timeline_view_init (RpTimelineView *self)
{
  GtkListItemFactory *factory;
  GtkWidget *scrolled;
  GtkWidget *clamp;

  self->stack = GTK_STACK (gtk_stack_new ());

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);

  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (NULL, factory));
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "timeline");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("History"),
                                  -1);

  /* A readable line length on wide windows, as GNOME apps keep their lists; the clamp is
   * scrollable itself, so the list view still only makes the rows on screen. */
  clamp = adw_clamp_scrollable_new ();
  adw_clamp_scrollable_set_maximum_size (ADW_CLAMP_SCROLLABLE (clamp), 860);
  adw_clamp_scrollable_set_tightening_threshold (ADW_CLAMP_SCROLLABLE (clamp), 600);
  adw_clamp_scrollable_set_child (ADW_CLAMP_SCROLLABLE (clamp), GTK_WIDGET (self->list_view));

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  /* The list's background across the whole width, not only under the clamped column. */
  gtk_widget_add_css_class (scrolled, "view");
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_stack_add_named (self->stack, scrolled, "list");
  self->scrolled = GTK_SCROLLED_WINDOW (scrolled);

  self->empty_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->empty_page, "document-open-recent-symbolic");
  adw_status_page_set_title (self->empty_page, _("No History Yet"));
  adw_status_page_set_description (self->empty_page,
                                   _("Referrals, activities and follow-ups will show here "
                                     "as they happen"));
  gtk_widget_add_css_class (GTK_WIDGET (self->empty_page), "compact");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->empty_page), "empty");

  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->stack));
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

GtkWidget *
rp_timeline_view_new (RpContext              *context,
                      const RpTimelineFilter *filter)
{
  g_return_val_if_fail (RP_IS_CONTEXT (context), NULL);

  return g_object_new (RP_TYPE_TIMELINE_VIEW,
                       "context", context,
                       "filter", filter,
                       NULL);
}

const RpTimelineFilter *
rp_timeline_view_get_filter (RpTimelineView *self)
{
  g_return_val_if_fail (RP_IS_TIMELINE_VIEW (self), NULL);

  return self->filter;
}

void
rp_timeline_view_set_filter (RpTimelineView         *self,
                             const RpTimelineFilter *filter)
{
  g_autoptr(RpTimelineFilter) everything = NULL;

  g_return_if_fail (RP_IS_TIMELINE_VIEW (self));

  if (filter == NULL)
    filter = everything = rp_timeline_filter_new ();

  if (self->filter != NULL && rp_timeline_filter_equal (self->filter, filter))
    return;

  g_clear_pointer (&self->filter, rp_timeline_filter_free);
  self->filter = rp_timeline_filter_copy (filter);

  if (self->list != NULL)
    {
      rp_timeline_list_set_filter (self->list, self->filter);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled), 0.0);
      update_state (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

RpTimelineList *
rp_timeline_view_get_list (RpTimelineView *self)
{
  g_return_val_if_fail (RP_IS_TIMELINE_VIEW (self), NULL);

  return self->list;
}
