/* rp-target-list-dialog.c: ranking partners with adjustable weights and saving the pick.
 *
 * The ranking itself is rp_target_rank (src/core); this dialog binds the weights to the
 * settings, keeps the selection and writes the list.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-accessible.h"
#include "rp-geo.h"
#include "rp-store-practice.h"
#include "rp-store-target-lists.h"
#include "rp-target-list-dialog.h"
#include "rp-target-score.h"

/* A slider that moves re-ranks once it has rested this long. */
#define RERANK_DELAY_MS 150
/* How many ranked partners are shown to choose from. */
#define RANK_LIMIT 100

struct _RpTargetListDialog
{
  AdwWindow       parent_instance;

  RpContext      *context;
  RpDistanceUnit  unit;
  gboolean        has_origin;
  RpGeoPoint      origin;

  GPtrArray      *candidates;     /* RpTargetCandidate, best first */
  GHashTable     *selected;       /* partner id (gint64*) → itself */
  GArray         *selected_order; /* partner ids in the order they were picked */
  gboolean        user_picked;    /* the user ticked or unticked a partner */
  guint           rerank_id;
  gboolean        updating;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkButton       *save_button;
  AdwEntryRow     *name_row;
  GtkAdjustment   *influence_adjustment;
  GtkAdjustment   *volume_adjustment;
  GtkAdjustment   *proximity_adjustment;
  GtkAdjustment   *trend_adjustment;
  GtkAdjustment   *medicare_adjustment;
  GtkSwitch       *falling_switch;
  GtkLabel        *count_label;
  GtkListBox      *ranked_list;
};

G_DEFINE_FINAL_TYPE (RpTargetListDialog, rp_target_list_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_actions (RpTargetListDialog *self)
{
  g_autofree char *name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  guint n_selected = g_hash_table_size (self->selected);
  g_autofree char *count = NULL;

  /* Translators: how many partners are ticked for the new target list. */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u selected", "%u selected",
                                        n_selected),
                           n_selected);
  gtk_label_set_label (self->count_label, count);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button),
                            n_selected > 0 && g_strstrip (name)[0] != '\0');
}

static void
select_partner (RpTargetListDialog *self,
                gint64              id,
                gboolean            selected)
{
  if (selected && !g_hash_table_contains (self->selected, &id))
    {
      gint64 *key = g_new (gint64, 1);

      *key = id;
      g_hash_table_add (self->selected, key);
      g_array_append_val (self->selected_order, id);
    }
  else if (!selected && g_hash_table_remove (self->selected, &id))
    {
      for (guint i = 0; i < self->selected_order->len; i++)
        {
          if (g_array_index (self->selected_order, gint64, i) == id)
            {
              g_array_remove_index (self->selected_order, i);
              break;
            }
        }
    }
}

static void
check_toggled_cb (GtkCheckButton *check,
                  gpointer        user_data)
{
  RpTargetListDialog *self = RP_TARGET_LIST_DIALOG (gtk_widget_get_root (GTK_WIDGET (check)));
  gint64 id = *(gint64 *) user_data;

  if (self->updating)
    return;

  self->user_picked = TRUE;
  select_partner (self, id, gtk_check_button_get_active (check));
  update_actions (self);
}

static GtkWidget *
create_candidate_row (RpTargetListDialog *self,
                      RpTargetCandidate  *candidate,
                      guint               rank)
{
  RpPartner *partner = candidate->partner;
  gint64 id = rp_partner_get_id (partner);
  g_autofree char *title = NULL;
  g_autofree char *escaped = g_markup_escape_text (rp_partner_get_display_name (partner), -1);
  g_autofree char *explanation = g_markup_escape_text (candidate->explanation != NULL
                                                       ? candidate->explanation : "", -1);
  g_autofree char *score = g_strdup_printf ("%.2f", candidate->score);
  g_autofree char *score_label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *score_widget = gtk_label_new (score);
  gint64 *id_copy = g_new (gint64, 1);

  *id_copy = id;
  title = g_strdup_printf ("%u. %s", rank, escaped);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), explanation);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  g_object_set_data_full (G_OBJECT (row), "rp-partner-id", id_copy, g_free);

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               g_hash_table_contains (self->selected, &id));
  rp_accessible_set_label (GTK_WIDGET (check), rp_partner_get_display_name (partner));
  g_signal_connect (check, "toggled", G_CALLBACK (check_toggled_cb), id_copy);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  /* Translators: a partner's target score, 0.00 to 1.00. */
  score_label = g_strdup_printf (_("Score %s"), score);
  gtk_widget_set_tooltip_text (score_widget, score_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (score_widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, score_label,
                                  -1);
  gtk_widget_add_css_class (score_widget, "numeric");
  gtk_widget_add_css_class (score_widget, "heading");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), score_widget);

  return row;
}

static void
rerank (RpTargetListDialog *self)
{
  RpTargetParams params;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  GtkWidget *child;

  g_clear_handle_id (&self->rerank_id, g_source_remove);

  rp_target_params_init (&params);
  params.weight_influence = gtk_adjustment_get_value (self->influence_adjustment);
  params.weight_volume = gtk_adjustment_get_value (self->volume_adjustment);
  params.weight_proximity = gtk_adjustment_get_value (self->proximity_adjustment);
  params.weight_trend = gtk_adjustment_get_value (self->trend_adjustment);
  params.weight_medicare = gtk_adjustment_get_value (self->medicare_adjustment);
  params.favour_falling = gtk_switch_get_active (self->falling_switch);
  params.has_origin = self->has_origin;
  params.origin = self->origin;
  params.unit = self->unit;
  params.limit = RANK_LIMIT;

  candidates = rp_target_rank (rp_context_get_store (self->context), &params, &error);
  if (candidates == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not rank the partners: %s"),
                                                  error->message);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
      return;
    }

  g_clear_pointer (&self->candidates, g_ptr_array_unref);
  self->candidates = g_steal_pointer (&candidates);

  /* Until the user picks by hand, the selection follows the ranking: its best 25. */
  if (!self->user_picked)
    {
      g_hash_table_remove_all (self->selected);
      g_array_set_size (self->selected_order, 0);
      for (guint i = 0; i < MIN (self->candidates->len, RP_TARGET_LIST_DEFAULT_SIZE); i++)
        {
          RpTargetCandidate *candidate = g_ptr_array_index (self->candidates, i);

          select_partner (self, rp_partner_get_id (candidate->partner), TRUE);
        }
    }

  self->updating = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->ranked_list))) != NULL)
    gtk_list_box_remove (self->ranked_list, child);
  for (guint i = 0; i < self->candidates->len; i++)
    gtk_list_box_append (self->ranked_list,
                         create_candidate_row (self, g_ptr_array_index (self->candidates, i),
                                               i + 1));
  self->updating = FALSE;

  update_actions (self);
}

static gboolean
rerank_timeout_cb (gpointer user_data)
{
  RpTargetListDialog *self = user_data;

  self->rerank_id = 0;
  rerank (self);

  return G_SOURCE_REMOVE;
}

static void
weights_changed_cb (RpTargetListDialog *self)
{
  g_clear_handle_id (&self->rerank_id, g_source_remove);
  self->rerank_id = g_timeout_add (RERANK_DELAY_MS, rerank_timeout_cb, self);
}

static void
name_changed_cb (RpTargetListDialog *self)
{
  update_actions (self);
}

static void
save_clicked_cb (RpTargetListDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  gint64 list_id;

  g_strstrip (name);
  if (name[0] == '\0' || g_hash_table_size (self->selected) == 0)
    return;

  /* The list keeps the ranking's order; picks that fell out of the ranking go last. */
  for (guint i = 0; self->candidates != NULL && i < self->candidates->len; i++)
    {
      RpTargetCandidate *candidate = g_ptr_array_index (self->candidates, i);
      gint64 id = rp_partner_get_id (candidate->partner);

      if (g_hash_table_contains (self->selected, &id))
        g_array_append_val (ids, id);
    }
  if (ids->len < g_hash_table_size (self->selected))
    {
      for (guint i = 0; i < self->selected_order->len; i++)
        {
          gint64 id = g_array_index (self->selected_order, gint64, i);
          gboolean present = FALSE;

          for (guint j = 0; j < ids->len && !present; j++)
            present = g_array_index (ids, gint64, j) == id;
          if (!present)
            g_array_append_val (ids, id);
        }
    }

  list_id = rp_store_create_target_list (rp_context_get_store (self->context), name,
                                         (const gint64 *) ids->data, ids->len, &error);
  if (list_id == 0)
    {
      g_autofree char *message = g_strdup_printf (_("Could not save the list: %s"),
                                                  error != NULL ? error->message : "");

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
      return;
    }

  g_signal_emit (self, signals[SIGNAL_SAVED], 0, list_id);
  gtk_window_close (GTK_WINDOW (self));
}

static void
load_origin (RpTargetListDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpPractice) practice = rp_store_get_practice (rp_context_get_store (self->context),
                                                          &error);
  g_autofree char *unit = g_settings_get_string (rp_context_get_settings (self->context),
                                                 "distance-unit");
  RpLocation *origin;

  self->unit = rp_distance_unit_from_string (unit);

  origin = practice != NULL ? rp_practice_get_origin (practice) : NULL;
  if (origin != NULL && rp_location_get_has_coordinates (origin))
    {
      self->has_origin = TRUE;
      self->origin.lat = rp_location_get_latitude (origin);
      self->origin.lon = rp_location_get_longitude (origin);
    }
}

static void
rp_target_list_dialog_constructed (GObject *object)
{
  RpTargetListDialog *self = RP_TARGET_LIST_DIALOG (object);
  GSettings *settings;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%x");
  g_autofree char *name = NULL;
  struct {
    const char    *key;
    GtkAdjustment *adjustment;
  } weights[] = {
    { "target-weight-influence", self->influence_adjustment },
    { "target-weight-volume", self->volume_adjustment },
    { "target-weight-proximity", self->proximity_adjustment },
    { "target-weight-trend", self->trend_adjustment },
    { "target-weight-medicare", self->medicare_adjustment },
  };

  G_OBJECT_CLASS (rp_target_list_dialog_parent_class)->constructed (object);

  g_assert (RP_IS_CONTEXT (self->context));
  settings = rp_context_get_settings (self->context);

  for (guint i = 0; i < G_N_ELEMENTS (weights); i++)
    {
      g_settings_bind (settings, weights[i].key, weights[i].adjustment, "value",
                       G_SETTINGS_BIND_DEFAULT);
      g_signal_connect_object (weights[i].adjustment, "value-changed",
                               G_CALLBACK (weights_changed_cb), self, G_CONNECT_SWAPPED);
    }

  /* Translators: the suggested name of a new target list; %s is today's date. */
  name = g_strdup_printf (_("Targets %s"), date);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);

  load_origin (self);
  rerank (self);
}

static void
rp_target_list_dialog_dispose (GObject *object)
{
  RpTargetListDialog *self = RP_TARGET_LIST_DIALOG (object);

  g_clear_handle_id (&self->rerank_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), RP_TYPE_TARGET_LIST_DIALOG);
  g_clear_pointer (&self->candidates, g_ptr_array_unref);
  g_clear_pointer (&self->selected, g_hash_table_unref);
  g_clear_pointer (&self->selected_order, g_array_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rp_target_list_dialog_parent_class)->dispose (object);
}

static void
rp_target_list_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  RpTargetListDialog *self = RP_TARGET_LIST_DIALOG (object);

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
rp_target_list_dialog_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  RpTargetListDialog *self = RP_TARGET_LIST_DIALOG (object);

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
rp_target_list_dialog_class_init (RpTargetListDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* Announced as a dialog with its title, not as a plain window. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  object_class->constructed = rp_target_list_dialog_constructed;
  object_class->dispose = rp_target_list_dialog_dispose;
  object_class->get_property = rp_target_list_dialog_get_property;
  object_class->set_property = rp_target_list_dialog_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RP_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/rapport/Rapport/ui/rp-target-list-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RpTargetListDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RpTargetListDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, RpTargetListDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, RpTargetListDialog, influence_adjustment);
  gtk_widget_class_bind_template_child (widget_class, RpTargetListDialog, volume_adjustment);
  gtk_widget_class_bind_template_child (widget_class, RpTargetListDialog, proximity_adjustment);
  gtk_widget_class_bind_template_child (widget_class, RpTargetListDialog, trend_adjustment);
  gtk_widget_class_bind_template_child (widget_class, RpTargetListDialog, medicare_adjustment);
  gtk_widget_class_bind_template_child (widget_class, RpTargetListDialog, falling_switch);
  gtk_widget_class_bind_template_child (widget_class, RpTargetListDialog, count_label);
  gtk_widget_class_bind_template_child (widget_class, RpTargetListDialog, ranked_list);
  gtk_widget_class_bind_template_callback (widget_class, weights_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
}

static void
rp_target_list_dialog_init (RpTargetListDialog *self)
{
  self->selected = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->selected_order = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rp_target_list_dialog_new (RpContext *context)
{
  g_return_val_if_fail (RP_IS_CONTEXT (context), NULL);

  return g_object_new (RP_TYPE_TARGET_LIST_DIALOG,
                       "context", context,
                       NULL);
}

GArray *
rp_target_list_dialog_dup_ranked_ids (RpTargetListDialog *self)
{
  GArray *ids;

  g_return_val_if_fail (RP_IS_TARGET_LIST_DIALOG (self), NULL);

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; self->candidates != NULL && i < self->candidates->len; i++)
    {
      RpTargetCandidate *candidate = g_ptr_array_index (self->candidates, i);
      gint64 id = rp_partner_get_id (candidate->partner);

      g_array_append_val (ids, id);
    }

  return ids;
}

guint
rp_target_list_dialog_get_n_selected (RpTargetListDialog *self)
{
  g_return_val_if_fail (RP_IS_TARGET_LIST_DIALOG (self), 0);

  return g_hash_table_size (self->selected);
}

void
rp_target_list_dialog_rerank (RpTargetListDialog *self)
{
  g_return_if_fail (RP_IS_TARGET_LIST_DIALOG (self));

  rerank (self);
}
