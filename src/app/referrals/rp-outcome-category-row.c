/* rp-outcome-category-row.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-outcome-category-row.h"
#include "rp-page-util.h"
#include "rp-store-outcomes.h"

struct _RpOutcomeCategoryRow
{
  AdwComboRow  parent_instance;

  RpStore     *store;
  gint64       referral_id;
  GArray      *ids;       /* gint64 per item; 0 for "Not recorded" */
  gboolean     loading;
};

G_DEFINE_FINAL_TYPE (RpOutcomeCategoryRow, rp_outcome_category_row, ADW_TYPE_COMBO_ROW)

static void
selected_cb (RpOutcomeCategoryRow *self)
{
  g_autoptr(RpReferralOutcome) outcome = NULL;
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self));

  if (self->loading || self->store == NULL || self->referral_id == 0 ||
      selected >= self->ids->len)
    return;

  outcome = rp_store_get_referral_outcome (self->store, self->referral_id, &error);
  if (outcome == NULL ||
      !rp_store_set_referral_outcome (self->store, self->referral_id,
                                      g_array_index (self->ids, gint64, selected),
                                      outcome->satisfaction, outcome->note, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not save the outcome: %s"),
                                                  error->message);

      rp_page_add_toast (GTK_WIDGET (self), adw_toast_new (message));
    }
}

static void
rp_outcome_category_row_dispose (GObject *object)
{
  RpOutcomeCategoryRow *self = RP_OUTCOME_CATEGORY_ROW (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->ids, g_array_unref);

  G_OBJECT_CLASS (rp_outcome_category_row_parent_class)->dispose (object);
}

static void
rp_outcome_category_row_class_init (RpOutcomeCategoryRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rp_outcome_category_row_dispose;
}

static void
rp_outcome_category_row_init (RpOutcomeCategoryRow *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), _("Outcome _Category"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self), TRUE);
  g_signal_connect_swapped (self, "notify::selected", G_CALLBACK (selected_cb), self);
}

GtkWidget *
rp_outcome_category_row_new (void)
{
  return g_object_new (RP_TYPE_OUTCOME_CATEGORY_ROW, NULL);
}

void
rp_outcome_category_row_set_referral (RpOutcomeCategoryRow *self,
                                      RpStore              *store,
                                      gint64                referral_id)
{
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(RpReferralOutcome) outcome = NULL;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  gint64 none = 0;
  guint selected = 0;

  g_return_if_fail (RP_IS_OUTCOME_CATEGORY_ROW (self));

  g_set_object (&self->store, store);
  self->referral_id = referral_id;
  self->loading = TRUE;

  g_array_set_size (self->ids, 0);
  g_array_append_val (self->ids, none);
  gtk_string_list_append (labels, _("Not Recorded"));

  if (store != NULL && referral_id > 0)
    {
      categories = rp_store_list_outcome_categories (store, TRUE, NULL);
      outcome = rp_store_get_referral_outcome (store, referral_id, NULL);
    }

  for (guint i = 0; categories != NULL && i < categories->len; i++)
    {
      RpOutcomeCategory *category = g_ptr_array_index (categories, i);
      gint64 id = rp_outcome_category_get_id (category);

      /* A removed category shows only on the referrals that have it. */
      if (rp_outcome_category_get_archived (category) &&
          (outcome == NULL || outcome->category_id != id))
        continue;

      g_array_append_val (self->ids, id);
      gtk_string_list_append (labels, rp_outcome_category_get_display_label (category));
      if (outcome != NULL && outcome->category_id == id)
        selected = self->ids->len - 1;
    }

  adw_combo_row_set_model (ADW_COMBO_ROW (self), G_LIST_MODEL (labels));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self), selected);
  self->loading = FALSE;
}
