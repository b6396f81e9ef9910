/* rp-location-row.c: the editor of one of the practice's locations, in Preferences.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "rp-location-row.h"
#include "rp-page-util.h"
#include "rp-validate.h"

struct _RpLocationRow
{
  AdwExpanderRow  parent_instance;

  RpLocation     *location;

  /* Template widgets */
  GtkWidget      *primary_badge;
  GtkWidget      *remove_button;
  AdwEntryRow    *name_row;
  AdwEntryRow    *street_row;
  AdwEntryRow    *city_row;
  AdwEntryRow    *state_row;
  AdwEntryRow    *zip_row;
  AdwEntryRow    *phone_row;
  AdwEntryRow    *fax_row;
  AdwEntryRow    *hours_row;
  AdwEntryRow    *latitude_row;
  AdwEntryRow    *longitude_row;
  GtkSwitch      *primary_switch;
};

G_DEFINE_FINAL_TYPE (RpLocationRow, rp_location_row, ADW_TYPE_EXPANDER_ROW)

enum {
  PROP_0,
  PROP_LOCATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_REMOVE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_entry_text (AdwEntryRow *row,
                const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static char *
format_coordinate (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *text;
  char *end;

  /* Six decimals are about 10 cm: more than an address needs. */
  text = g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.6f", value));
  end = text + strlen (text) - 1;
  while (end > text && *end == '0')
    *end-- = '\0';
  if (end > text && *end == '.')
    *end = '\0';

  return text;
}

/* Parses a latitude or longitude. Empty text is TRUE with *has_value = FALSE. A comma is taken as
 * the decimal separator too, since many keyboards offer it first, and a typographic minus sign
 * (U+2212, as pasted from a web page) as a minus. */
static gboolean
parse_coordinate (const char  *text,
                  double       limit,
                  const char  *message,
                  double      *value,
                  gboolean    *has_value,
                  GError     **error)
{
  g_autoptr(GString) normalized = g_string_new (text);
  char *copy;
  char *end = NULL;
  double parsed;

  *has_value = FALSE;

  g_string_replace (normalized, "−", "-", 0);
  g_string_replace (normalized, ",", ".", 0);
  copy = g_strstrip (normalized->str);

  if (copy[0] == '\0')
    return TRUE;

  parsed = g_ascii_strtod (copy, &end);

  if (end == copy || *end != '\0' || !isfinite (parsed) || parsed < -limit || parsed > limit)
    {
      g_set_error_literal (error, RP_VALIDATE_ERROR, RP_VALIDATE_ERROR_INVALID, message);
      return FALSE;
    }

  *value = parsed;
  *has_value = TRUE;

  return TRUE;
}

static void
update_coordinates (RpLocationRow *self)
{
  g_autoptr(GError) latitude_error = NULL;
  g_autoptr(GError) longitude_error = NULL;
  gboolean has_latitude = FALSE;
  gboolean has_longitude = FALSE;
  double latitude = 0.0;
  double longitude = 0.0;
  gboolean latitude_ok;
  gboolean longitude_ok;

  latitude_ok = parse_coordinate (gtk_editable_get_text (GTK_EDITABLE (self->latitude_row)),
                                  90.0,
                                  _("Enter a latitude between -90 and 90, such as 39.9612"),
                                  &latitude, &has_latitude, &latitude_error);
  longitude_ok = parse_coordinate (gtk_editable_get_text (GTK_EDITABLE (self->longitude_row)),
                                   180.0,
                                   _("Enter a longitude between -180 and 180, such as -82.9988"),
                                   &longitude, &has_longitude, &longitude_error);

  /* One without the other is no position. */
  if (latitude_ok && longitude_ok && has_latitude != has_longitude)
    {
      GError **missing = has_latitude ? &longitude_error : &latitude_error;

      g_set_error_literal (missing, RP_VALIDATE_ERROR, RP_VALIDATE_ERROR_INVALID,
                           _("Enter both the latitude and the longitude, or neither"));
      latitude_ok = has_latitude ? TRUE : FALSE;
      longitude_ok = has_longitude ? TRUE : FALSE;
    }

  rp_entry_row_set_error (self->latitude_row, latitude_error);
  rp_entry_row_set_error (self->longitude_row, longitude_error);

  if (!latitude_ok || !longitude_ok)
    return;

  if (has_latitude && has_longitude)
    {
      if (!rp_location_get_has_coordinates (self->location) ||
          rp_location_get_latitude (self->location) != latitude ||
          rp_location_get_longitude (self->location) != longitude)
        rp_location_set_coordinates (self->location, latitude, longitude);
    }
  else if (rp_location_get_has_coordinates (self->location))
    {
      rp_location_clear_coordinates (self->location);
    }
}

static void
update_title (RpLocationRow *self)
{
  const char *name = rp_location_get_name (self->location);
  g_autofree char *address = rp_location_dup_address_line (self->location);
  g_autofree char *escaped_name = NULL;
  g_autofree char *escaped_address = NULL;

  if (name == NULL || name[0] == '\0')
    name = _("Unnamed Location");

  escaped_name = g_markup_escape_text (name, -1);
  escaped_address = g_markup_escape_text (address != NULL ? address : "", -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), escaped_name);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), escaped_address);
}

static void
location_notify_cb (RpLocationRow *self,
                    GParamSpec    *pspec,
                    RpLocation    *location)
{
  g_assert (RP_IS_LOCATION_ROW (self));

  update_title (self);
}

static void
entry_changed_cb (RpLocationRow *self,
                  GtkEditable   *editable)
{
  const char *text = gtk_editable_get_text (editable);
  g_autoptr(GError) error = NULL;

  g_assert (RP_IS_LOCATION_ROW (self));

  if (self->location == NULL)
    return;

  if (editable == GTK_EDITABLE (self->name_row))
    rp_location_set_name (self->location, text);
  else if (editable == GTK_EDITABLE (self->street_row))
    rp_location_set_street (self->location, text);
  else if (editable == GTK_EDITABLE (self->city_row))
    rp_location_set_city (self->location, text);
  else if (editable == GTK_EDITABLE (self->hours_row))
    rp_location_set_hours (self->location, text);
  else if (editable == GTK_EDITABLE (self->state_row))
    {
      rp_validate_state (text, &error);
      rp_entry_row_set_error (self->state_row, error);
      rp_location_set_state (self->location, text);
    }
  else if (editable == GTK_EDITABLE (self->zip_row))
    {
      rp_validate_zip (text, &error);
      rp_entry_row_set_error (self->zip_row, error);
      rp_location_set_zip (self->location, text);
    }
  else if (editable == GTK_EDITABLE (self->phone_row))
    {
      rp_validate_phone (text, &error);
      rp_entry_row_set_error (self->phone_row, error);
      rp_location_set_phone (self->location, text);
    }
  else if (editable == GTK_EDITABLE (self->fax_row))
    {
      rp_validate_phone (text, &error);
      rp_entry_row_set_error (self->fax_row, error);
      rp_location_set_fax (self->location, text);
    }
  else if (editable == GTK_EDITABLE (self->latitude_row) ||
           editable == GTK_EDITABLE (self->longitude_row))
    update_coordinates (self);
}

static void
remove_clicked_cb (RpLocationRow *self,
                   GtkButton     *button)
{
  g_assert (RP_IS_LOCATION_ROW (self));

  g_signal_emit (self, signals[SIGNAL_REMOVE_REQUESTED], 0);
}

static void
rp_location_row_constructed (GObject *object)
{
  RpLocationRow *self = RP_LOCATION_ROW (object);
  RpLocation *location;

  G_OBJECT_CLASS (rp_location_row_parent_class)->constructed (object);

  g_assert (RP_IS_LOCATION (self->location));

  /* Fill the fields before the row listens to them, then validate what was stored: a value
   * saved by an older build or an import may not pass today's checks. */
  location = g_steal_pointer (&self->location);
  set_entry_text (self->name_row, rp_location_get_name (location));
  set_entry_text (self->street_row, rp_location_get_street (location));
  set_entry_text (self->city_row, rp_location_get_city (location));
  set_entry_text (self->state_row, rp_location_get_state (location));
  set_entry_text (self->zip_row, rp_location_get_zip (location));
  set_entry_text (self->phone_row, rp_location_get_phone (location));
  set_entry_text (self->fax_row, rp_location_get_fax (location));
  set_entry_text (self->hours_row, rp_location_get_hours (location));
  if (rp_location_get_has_coordinates (location))
    {
      g_autofree char *latitude = format_coordinate (rp_location_get_latitude (location));
      g_autofree char *longitude = format_coordinate (rp_location_get_longitude (location));

      set_entry_text (self->latitude_row, latitude);
      set_entry_text (self->longitude_row, longitude);
    }
  self->location = location;

  entry_changed_cb (self, GTK_EDITABLE (self->state_row));
  entry_changed_cb (self, GTK_EDITABLE (self->zip_row));
  entry_changed_cb (self, GTK_EDITABLE (self->phone_row));
  entry_changed_cb (self, GTK_EDITABLE (self->fax_row));
  update_coordinates (self);

  g_object_bind_property (self->location, "is-primary",
                          self->primary_switch, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->location, "is-primary",
                          self->primary_badge, "visible",
                          G_BINDING_SYNC_CREATE);

  g_signal_connect_object (self->location, "notify",
                           G_CALLBACK (location_notify_cb), self,
                           G_CONNECT_SWAPPED);
  update_title (self);
}

static void
rp_location_row_dispose (GObject *object)
{
  RpLocationRow *self = RP_LOCATION_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RP_TYPE_LOCATION_ROW);

  g_clear_object (&self->location);

  G_OBJECT_CLASS (rp_location_row_parent_class)->dispose (object);
}

static void
rp_location_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RpLocationRow *self = RP_LOCATION_ROW (object);

  switch (prop_id)
    {
    case PROP_LOCATION:
      g_value_set_object (value, self->location);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_location_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RpLocationRow *self = RP_LOCATION_ROW (object);

  switch (prop_id)
    {
    case PROP_LOCATION:
      self->location = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_location_row_class_init (RpLocationRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rp_location_row_constructed;
  object_class->dispose = rp_location_row_dispose;
  object_class->get_property = rp_location_row_get_property;
  object_class->set_property = rp_location_row_set_property;

  properties[PROP_LOCATION] =
    g_param_spec_object ("location", NULL, NULL,
                         RP_TYPE_LOCATION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_REMOVE_REQUESTED] =
    g_signal_new ("remove-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rapport/Rapport/ui/rp-location-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RpLocationRow, primary_badge);
  gtk_widget_class_bind_template_child (widget_class, RpLocationRow, remove_button);
  gtk_widget_class_bind_template_child (widget_class, RpLocationRow, name_row);
  gtk_widget_class_bind_template_child (widget_class, RpLocationRow, street_row);
  gtk_widget_class_bind_template_child (widget_class, RpLocationRow, city_row);
  gtk_widget_class_bind_template_child (widget_class, RpLocationRow, state_row);
  gtk_widget_class_bind_template_child (widget_class, RpLocationRow, zip_row);
  gtk_widget_class_bind_template_child (widget_class, RpLocationRow, phone_row);
  gtk_widget_class_bind_template_child (widget_class, RpLocationRow, fax_row);
  gtk_widget_class_bind_template_child (widget_class, RpLocationRow, hours_row);
  gtk_widget_class_bind_template_child (widget_class, RpLocationRow, latitude_row);
  gtk_widget_class_bind_template_child (widget_class, RpLocationRow, longitude_row);
  gtk_widget_class_bind_template_child (widget_class, RpLocationRow, primary_switch);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
}

static void
rp_location_row_init (RpLocationRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rp_location_row_new (RpLocation *location)
{
  g_return_val_if_fail (RP_IS_LOCATION (location), NULL);

  return g_object_new (RP_TYPE_LOCATION_ROW,
                       "location", location,
                       NULL);
}

RpLocation *
rp_location_row_get_location (RpLocationRow *self)
{
  g_return_val_if_fail (RP_IS_LOCATION_ROW (self), NULL);

  return self->location;
}

gboolean
rp_location_row_is_valid (RpLocationRow *self)
{
  AdwEntryRow *rows[6];

  g_return_val_if_fail (RP_IS_LOCATION_ROW (self), FALSE);

  /* Only the checked fields can hold an error. */
  rows[0] = self->state_row;
  rows[1] = self->zip_row;
  rows[2] = self->phone_row;
  rows[3] = self->fax_row;
  rows[4] = self->latitude_row;
  rows[5] = self->longitude_row;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      if (gtk_widget_has_css_class (GTK_WIDGET (rows[i]), "error"))
        return FALSE;
    }

  return TRUE;
}

void
rp_location_row_focus_name (RpLocationRow *self)
{
  g_return_if_fail (RP_IS_LOCATION_ROW (self));

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}
