/* rp-geocode-dialog.c: "Locate Partners": runs an RpGeocodeJob with a progress bar.
 *
 * Three states: before (how many partners are unplaced and how they will be placed, Start),
 * running (the progress bar, "12 of 340", Cancel) and after (a summary and the partners that
 * could not be placed, each with its error, Close). Closing the window cancels a running job;
 * what it placed stays placed.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-geocode-dialog.h"
#include "rp-geocode-job.h"
#include "rp-store-geocode.h"

/* The summary lists at most this many failures; the rest are counted. */
#define MAX_FAILURE_ROWS 200

struct _RpGeocodeDialog
{
  AdwWindow       parent_instance;

  RpContext      *context;
  RpGeocodeJob   *job;
  gboolean        online;

  GtkLabel       *title_label;
  GtkLabel       *detail_label;
  GtkProgressBar *progress_bar;
  GtkLabel       *failures_label;
  GtkScrolledWindow *failures_scroller;
  GtkListBox     *failures_list;
  GtkButton      *cancel_button;
  GtkButton      *start_button;
};

G_DEFINE_FINAL_TYPE (RpGeocodeDialog, rp_geocode_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_accessible_label (gpointer    widget,
                      const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
show_before (RpGeocodeDialog *self)
{
  RpStore *store = rp_context_get_store (self->context);
  guint n_unplaced = rp_store_count_unplaced_partners (store);
  guint n_zcta = rp_store_count_zcta (store);
  g_autofree char *title = NULL;
  g_autofree char *zcta = NULL;
  g_autofree char *detail = NULL;
  gboolean can_start;

  if (n_unplaced == 0)
    title = g_strdup (_("Every partner is on the map"));
  else
    title = g_strdup_printf (ngettext ("%u partner has no location",
                                       "%u partners have no location", n_unplaced),
                             n_unplaced);

  zcta = g_strdup_printf (ngettext ("%u ZIP code", "%u ZIP codes", n_zcta), n_zcta);
  if (self->online)
    detail = g_strdup_printf (_("Addresses are looked up online with OpenStreetMap’s Nominatim, "
                                "one a second; the centroid of the ZIP code (from the imported "
                                "gazetteer, %s) is the fallback."), zcta);
  else if (n_zcta > 0)
    detail = g_strdup_printf (_("Partners are placed at the centroid of their ZIP code, from the "
                                "imported gazetteer (%s). Nothing is sent over the network."),
                              zcta);
  else
    detail = g_strdup (_("No ZIP code gazetteer is imported and online look-ups are off. Import "
                         "the Census ZCTA gazetteer, or switch on online look-ups, in "
                         "Preferences → Map & Planner."));

  can_start = n_unplaced > 0 && (self->online || n_zcta > 0);

  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->detail_label, detail);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->start_button), can_start);
  gtk_widget_set_visible (GTK_WIDGET (self->start_button), TRUE);
  gtk_button_set_label (self->cancel_button, _("_Cancel"));
}

static void
update_progress (RpGeocodeDialog *self)
{
  guint done = rp_geocode_job_get_n_done (self->job);
  guint total = rp_geocode_job_get_n_total (self->job);
  /* Translators: progress of locating partners, "12 of 340" */
  g_autofree char *text = g_strdup_printf (_("%u of %u"), done, total);

  gtk_progress_bar_set_fraction (self->progress_bar, rp_geocode_job_get_fraction (self->job));
  gtk_progress_bar_set_text (self->progress_bar, text);
}

static void
progress_cb (RpGeocodeDialog *self)
{
  update_progress (self);
}

static void
show_failures (RpGeocodeDialog *self)
{
  g_autoptr(GPtrArray) failures = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->failures_list))) != NULL)
    gtk_list_box_remove (self->failures_list, child);

  failures = rp_store_list_geocode_errors (rp_context_get_store (self->context), &error);
  if (failures == NULL)
    {
      gtk_label_set_label (self->failures_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->failures_label), TRUE);
      return;
    }

  for (guint i = 0; i < failures->len && i < MAX_FAILURE_ROWS; i++)
    {
      RpUnplacedPartner *failure = g_ptr_array_index (failures, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), failure->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), failure->error);
      gtk_list_box_append (self->failures_list, row);
    }

  if (failures->len > 0)
    {
      g_autofree char *label = NULL;

      if (failures->len > MAX_FAILURE_ROWS)
        label = g_strdup_printf (_("Not placed (the first %u of %u)"),
                                 MAX_FAILURE_ROWS, failures->len);
      else
        label = g_strdup (_("Not placed"));
      gtk_label_set_label (self->failures_label, label);
    }

  /* The window only grows to its content's minimum: give the list room for a few rows. */
  gtk_scrolled_window_set_min_content_height (self->failures_scroller,
                                              MIN (failures->len, 4) * 58);
  gtk_widget_set_visible (GTK_WIDGET (self->failures_label), failures->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->failures_scroller), failures->len > 0);
}

static void
finished_cb (RpGeocodeDialog *self,
             RpGeocodeJob    *job)
{
  guint placed = rp_geocode_job_get_n_placed (job);
  guint failed = rp_geocode_job_get_n_failed (job);
  guint left = rp_geocode_job_get_n_total (job) - rp_geocode_job_get_n_done (job);
  g_autofree char *title = NULL;
  g_autofree char *placed_text = NULL;
  g_autofree char *failed_text = NULL;
  g_autofree char *detail = NULL;

  update_progress (self);

  if (rp_geocode_job_get_cancelled (job))
    title = g_strdup (_("Cancelled"));
  else
    title = g_strdup (_("Done"));

  placed_text = g_strdup_printf (ngettext ("%u partner placed", "%u partners placed", placed),
                                 placed);
  failed_text = g_strdup_printf (ngettext ("%u could not be placed", "%u could not be placed",
                                           failed),
                                 failed);
  if (left > 0)
    /* Translators: "12 partners placed, 2 could not be placed, 326 not tried" */
    detail = g_strdup_printf (ngettext ("%s, %s, %u not tried", "%s, %s, %u not tried", left),
                              placed_text, failed_text, left);
  else
    /* Translators: "310 partners placed, 30 could not be placed" */
    detail = g_strdup_printf (_("%s, %s"), placed_text, failed_text);

  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->detail_label, detail);
  gtk_button_set_label (self->cancel_button, _("_Close"));
  set_accessible_label (self->cancel_button, _("Close"));
  gtk_widget_set_visible (GTK_WIDGET (self->start_button), FALSE);

  show_failures (self);
}

static void
start_clicked_cb (RpGeocodeDialog *self)
{
  rp_geocode_dialog_start (self);
}

static void
cancel_clicked_cb (RpGeocodeDialog *self)
{
  if (self->job != NULL && rp_geocode_job_get_running (self->job))
    rp_geocode_job_cancel (self->job);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static gboolean
close_request_cb (RpGeocodeDialog *self)
{
  if (self->job != NULL)
    rp_geocode_job_cancel (self->job);

  return FALSE;
}

static void
rp_geocode_dialog_constructed (GObject *object)
{
  RpGeocodeDialog *self = RP_GEOCODE_DIALOG (object);

  G_OBJECT_CLASS (rp_geocode_dialog_parent_class)->constructed (object);

  g_assert (RP_IS_CONTEXT (self->context));

  self->online = g_settings_get_boolean (rp_context_get_settings (self->context),
                                         "online-geocoding");
  show_before (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->start_button));
}

static void
rp_geocode_dialog_dispose (GObject *object)
{
  RpGeocodeDialog *self = RP_GEOCODE_DIALOG (object);

  if (self->job != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->job, self);
      rp_geocode_job_cancel (self->job);
    }
  g_clear_object (&self->job);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rp_geocode_dialog_parent_class)->dispose (object);
}

static void
rp_geocode_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RpGeocodeDialog *self = RP_GEOCODE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_geocode_dialog_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RpGeocodeDialog *self = RP_GEOCODE_DIALOG (object);

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
rp_geocode_dialog_class_init (RpGeocodeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* Announced as a dialog with its title, not as a plain window. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  object_class->constructed = rp_geocode_dialog_constructed;
  object_class->dispose = rp_geocode_dialog_dispose;
  object_class->get_property = rp_geocode_dialog_get_property;
  object_class->set_property = rp_geocode_dialog_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RP_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rp_geocode_dialog_init (RpGeocodeDialog *self)
{
  GtkWidget *content;
  GtkWidget *header;
  GtkWidget *body;
  GtkWidget *buttons;

  gtk_window_set_title (GTK_WINDOW (self), _("Locate Partners"));
  gtk_window_set_default_size (GTK_WINDOW (self), 480, -1);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  gtk_box_append (GTK_BOX (content), header);

  body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (body, 18);
  gtk_widget_set_margin_bottom (body, 18);
  gtk_widget_set_margin_start (body, 24);
  gtk_widget_set_margin_end (body, 24);
  gtk_widget_set_vexpand (body, TRUE);
  gtk_box_append (GTK_BOX (content), body);

  self->title_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "title-2");
  gtk_label_set_wrap (self->title_label, TRUE);
  gtk_box_append (GTK_BOX (body), GTK_WIDGET (self->title_label));

  self->detail_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->detail_label, TRUE);
  gtk_label_set_max_width_chars (self->detail_label, 50);
  gtk_label_set_justify (self->detail_label, GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->detail_label), "dim-label");
  gtk_box_append (GTK_BOX (body), GTK_WIDGET (self->detail_label));

  self->progress_bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_progress_bar_set_show_text (self->progress_bar, TRUE);
  set_accessible_label (self->progress_bar, _("Partners located"));
  gtk_box_append (GTK_BOX (body), GTK_WIDGET (self->progress_bar));

  self->failures_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->failures_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->failures_label), "heading");
  gtk_widget_set_visible (GTK_WIDGET (self->failures_label), FALSE);
  gtk_box_append (GTK_BOX (body), GTK_WIDGET (self->failures_label));

  self->failures_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->failures_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->failures_list), "boxed-list");
  set_accessible_label (self->failures_list, _("Partners not placed"));
  self->failures_scroller = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_policy (self->failures_scroller, GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (self->failures_scroller, TRUE);
  gtk_scrolled_window_set_max_content_height (self->failures_scroller, 320);
  gtk_scrolled_window_set_child (self->failures_scroller, GTK_WIDGET (self->failures_list));
  gtk_widget_set_vexpand (GTK_WIDGET (self->failures_scroller), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->failures_scroller), FALSE);
  gtk_box_append (GTK_BOX (body), GTK_WIDGET (self->failures_scroller));

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_set_valign (buttons, GTK_ALIGN_END);
  gtk_widget_set_margin_top (buttons, 6);
  gtk_box_append (GTK_BOX (body), buttons);

  self->cancel_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Cancel")));
  set_accessible_label (self->cancel_button, _("Cancel"));
  g_signal_connect_swapped (self->cancel_button, "clicked", G_CALLBACK (cancel_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->cancel_button));

  self->start_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Start")));
  gtk_widget_add_css_class (GTK_WIDGET (self->start_button), "suggested-action");
  set_accessible_label (self->start_button, _("Start locating partners"));
  g_signal_connect_swapped (self->start_button, "clicked", G_CALLBACK (start_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->start_button));

  adw_window_set_content (ADW_WINDOW (self), content);

  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
}

GtkWidget *
rp_geocode_dialog_new (GtkWindow *parent,
                       RpContext *context)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RP_IS_CONTEXT (context), NULL);

  return g_object_new (RP_TYPE_GEOCODE_DIALOG,
                       "context", context,
                       "transient-for", parent,
                       NULL);
}

void
rp_geocode_dialog_present (GtkWindow *parent,
                           RpContext *context)
{
  GtkWidget *dialog;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (RP_IS_CONTEXT (context));

  dialog = rp_geocode_dialog_new (parent, context);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
rp_geocode_dialog_start (RpGeocodeDialog *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (RP_IS_GEOCODE_DIALOG (self));

  if (self->job != NULL)
    return;

  self->job = rp_geocode_job_new (rp_context_get_store (self->context), self->online);
  g_signal_connect_swapped (self->job, "notify::n-done", G_CALLBACK (progress_cb), self);
  g_signal_connect_swapped (self->job, "finished", G_CALLBACK (finished_cb), self);

  if (!rp_geocode_job_start (self->job, &error))
    {
      gtk_label_set_label (self->detail_label, error->message);
      g_signal_handlers_disconnect_by_data (self->job, self);
      g_clear_object (&self->job);
      return;
    }

  /* An online job with nothing to do finishes at once. */
  if (!rp_geocode_job_get_running (self->job))
    return;

  gtk_label_set_label (self->title_label, _("Locating Partners…"));
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->start_button), FALSE);
  update_progress (self);
}

gboolean
rp_geocode_dialog_get_running (RpGeocodeDialog *self)
{
  g_return_val_if_fail (RP_IS_GEOCODE_DIALOG (self), FALSE);

  return self->job != NULL && rp_geocode_job_get_running (self->job);
}
