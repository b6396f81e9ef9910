/* rp-registry-hint.c: see rp-registry-hint.h.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-registry-hint.h"
#include "rp-store-prospects.h"

struct _RpRegistryHint
{
  AdwPreferencesGroup  parent_instance;

  RpStore             *store;
  gint64               partner_id;
  AdwActionRow        *row;
  GtkButton           *update_button;
};

G_DEFINE_FINAL_TYPE (RpRegistryHint, rp_registry_hint, ADW_TYPE_PREFERENCES_GROUP)

static void
update_clicked_cb (RpRegistryHint *self)
{
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || self->partner_id <= 0)
    return;
  if (!rp_store_apply_registry (self->store, self->partner_id, &error))
    {
      adw_action_row_set_subtitle (self->row, error->message);
      return;
    }
  rp_registry_hint_update (self, self->store, self->partner_id);
}

static void
rp_registry_hint_dispose (GObject *object)
{
  RpRegistryHint *self = RP_REGISTRY_HINT (object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (rp_registry_hint_parent_class)->dispose (object);
}

static void
rp_registry_hint_class_init (RpRegistryHintClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rp_registry_hint_dispose;
}

static void
rp_registry_hint_init (RpRegistryHint *self)
{
  self->row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->row), _("The NPI Registry Differs"));
  adw_action_row_set_icon_name (self->row, "dialog-information-symbolic");
  adw_action_row_set_subtitle_lines (self->row, 4);
  self->update_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Update")));
  gtk_widget_set_valign (GTK_WIDGET (self->update_button), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->update_button),
                               _("Take the registry’s address, phone and specialty"));
  g_signal_connect_swapped (self->update_button, "clicked", G_CALLBACK (update_clicked_cb), self);
  adw_action_row_add_suffix (self->row, GTK_WIDGET (self->update_button));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->row));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
rp_registry_hint_new (void)
{
  return g_object_new (RP_TYPE_REGISTRY_HINT, NULL);
}

void
rp_registry_hint_update (RpRegistryHint *self,
                         RpStore        *store,
                         gint64          partner_id)
{
  g_autoptr(RpRegistryDifference) d = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *label = NULL;

  g_return_if_fail (RP_IS_REGISTRY_HINT (self));
  g_return_if_fail (RP_IS_STORE (store));

  g_set_object (&self->store, store);
  self->partner_id = partner_id;
  d = partner_id > 0 ? rp_store_get_registry_difference (store, partner_id, NULL) : NULL;
  gtk_widget_set_visible (GTK_WIDGET (self), d != NULL);
  if (d == NULL)
    return;

  if (d->deactivated)
    g_string_append (text, _("This NPI has been deactivated."));
  if (d->address_differs)
    g_string_append_printf (text, "%s%s %s, %s, %s %s", text->len > 0 ? "\n" : "",
                            _("Address:"), d->street, d->city, d->state, d->zip);
  if (d->phone_differs)
    g_string_append_printf (text, "%s%s %s", text->len > 0 ? "\n" : "", _("Phone:"), d->phone);
  if (d->taxonomy_differs)
    {
      label = rp_store_dup_taxonomy_label (store, d->taxonomy_code);
      g_string_append_printf (text, "%s%s %s", text->len > 0 ? "\n" : "", _("Specialty:"),
                              label != NULL ? label : d->taxonomy_code);
    }
  if (*d->last_update != '\0')
    {
      g_string_append_c (text, '\n');
      /* Translators: %s is a date, YYYY-MM-DD. */
      g_string_append_printf (text, _("Registry record of %s"), d->last_update);
    }

  /* Subtitles are markup: the registry's text is escaped. */
  {
    g_autofree char *escaped = g_markup_escape_text (text->str, -1);

    adw_action_row_set_subtitle (self->row, escaped);
  }
  gtk_widget_set_visible (GTK_WIDGET (self->update_button),
                          d->address_differs || d->phone_differs || d->taxonomy_differs);
  {
    /* Translators: read by screen readers on the Update button. */
    g_autofree char *a11y = g_strdup_printf (_("Update this partner from the NPI registry: %s"),
                                             text->str);

    gtk_accessible_update_property (GTK_ACCESSIBLE (self->update_button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  }
}
