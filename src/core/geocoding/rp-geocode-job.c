/* rp-geocode-job.c: places every unplaced partner, in the background.
 *
 * Offline look-ups are quick (one indexed read each), so they run in idle-time chunks, each
 * chunk one transaction: the partner lists reload once a chunk, not once a partner. Online
 * look-ups go one at a time through the geocoder, whose queue keeps to one request a second.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rp-geocode-job.h"
#include "rp-store-geocode.h"

/* Partners placed per idle callback, and per transaction, offline. */
#define CHUNK 200

struct _RpGeocodeJob
{
  GObject       parent_instance;

  RpStore      *store;
  RpGeocoder   *geocoder;
  gboolean      online;
  GPtrArray    *partners;     /* RpUnplacedPartner */
  GCancellable *cancellable;
  guint         idle_id;
  guint         n_done;
  guint         n_placed;
  guint         n_failed;
  gboolean      running;
  gboolean      cancelled;
  gboolean      finished;
};

G_DEFINE_FINAL_TYPE (RpGeocodeJob, rp_geocode_job, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ONLINE,
  PROP_N_TOTAL,
  PROP_N_DONE,
  PROP_N_PLACED,
  PROP_N_FAILED,
  PROP_FRACTION,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void step (RpGeocodeJob *self);

static void
notify_progress (RpGeocodeJob *self)
{
  GObject *object = G_OBJECT (self);

  g_object_freeze_notify (object);
  g_object_notify_by_pspec (object, properties[PROP_N_DONE]);
  g_object_notify_by_pspec (object, properties[PROP_N_PLACED]);
  g_object_notify_by_pspec (object, properties[PROP_N_FAILED]);
  g_object_notify_by_pspec (object, properties[PROP_FRACTION]);
  g_object_thaw_notify (object);
}

static void
finish (RpGeocodeJob *self)
{
  g_autoptr(RpGeocodeJob) hold = g_object_ref (self);

  if (self->finished)
    return;

  self->finished = TRUE;
  self->running = FALSE;
  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  g_signal_emit (self, signals[SIGNAL_FINISHED], 0);
}

/* Records one partner's outcome: the ZIP centroid when @online_error is set or offline. */
static void
place (RpGeocodeJob      *self,
       RpUnplacedPartner *partner,
       RpGeocodeResult   *online,
       const char        *online_error)
{
  g_autoptr(GError) zip_error = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  double lat = 0, lon = 0;
  gboolean ok;

  if (online != NULL)
    ok = rp_store_set_partner_location (self->store, partner->partner_id, TRUE,
                                        online->lat, online->lon,
                                        RP_GEOCODE_SOURCE_NOMINATIM, NULL, &error);
  else if (*partner->zip == '\0')
    {
      g_set_error (&zip_error, RP_STORE_ERROR, RP_STORE_ERROR_NOT_FOUND, _("No ZIP code"));
      ok = FALSE;
    }
  else
    ok = rp_store_lookup_zcta (self->store, partner->zip, &lat, &lon, &zip_error) &&
         rp_store_set_partner_location (self->store, partner->partner_id, TRUE, lat, lon,
                                        RP_GEOCODE_SOURCE_ZCTA, NULL, &error);

  self->n_done++;
  if (ok)
    {
      self->n_placed++;
      return;
    }

  self->n_failed++;
  if (error != NULL)
    {
      /* The store refused (the partner was deleted meanwhile, say): nothing to record. */
      g_debug ("Could not place partner %" G_GINT64_FORMAT ": %s",
               partner->partner_id, error->message);
      return;
    }

  if (online_error != NULL)
    message = g_strdup_printf ("%s; %s", online_error, zip_error->message);
  else
    message = g_strdup (zip_error->message);

  if (!rp_store_set_partner_location (self->store, partner->partner_id, FALSE, 0, 0,
                                      RP_GEOCODE_SOURCE_NONE, message, &error))
    g_debug ("Could not record partner %" G_GINT64_FORMAT "’s error: %s",
             partner->partner_id, error->message);
}

static gboolean
offline_chunk_cb (gpointer user_data)
{
  RpGeocodeJob *self = user_data;
  gboolean in_transaction;
  guint end;

  if (self->cancelled)
    {
      self->idle_id = 0;
      finish (self);
      return G_SOURCE_REMOVE;
    }

  end = MIN (self->n_done + CHUNK, self->partners->len);
  in_transaction = rp_store_begin (self->store, NULL);

  while (self->n_done < end)
    place (self, g_ptr_array_index (self->partners, self->n_done), NULL, NULL);

  if (in_transaction)
    {
      g_autoptr(GError) error = NULL;

      if (!rp_store_commit (self->store, &error))
        g_debug ("Could not save the placed partners: %s", error->message);
    }

  notify_progress (self);

  if (self->n_done >= self->partners->len)
    {
      self->idle_id = 0;
      finish (self);
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static void
search_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(RpGeocodeJob) self = user_data;
  g_autoptr(RpGeocodeResult) answer = NULL;
  g_autoptr(GError) error = NULL;
  RpUnplacedPartner *partner;

  answer = rp_geocoder_search_finish (RP_GEOCODER (object), result, &error);
  if (self->cancelled || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      finish (self);
      return;
    }

  partner = g_ptr_array_index (self->partners, self->n_done);
  place (self, partner, answer, error != NULL ? error->message : NULL);
  notify_progress (self);
  step (self);
}

static void
step (RpGeocodeJob *self)
{
  RpUnplacedPartner *partner;

  if (self->cancelled || self->n_done >= self->partners->len)
    {
      finish (self);
      return;
    }

  partner = g_ptr_array_index (self->partners, self->n_done);
  rp_geocoder_search_async (self->geocoder, partner->street, partner->city, partner->state,
                            partner->zip, self->cancellable, search_cb, g_object_ref (self));
}

static void
rp_geocode_job_dispose (GObject *object)
{
  RpGeocodeJob *self = RP_GEOCODE_JOB (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->geocoder);
  g_clear_object (&self->store);
  g_clear_pointer (&self->partners, g_ptr_array_unref);

  G_OBJECT_CLASS (rp_geocode_job_parent_class)->dispose (object);
}

static void
rp_geocode_job_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RpGeocodeJob *self = RP_GEOCODE_JOB (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_ONLINE:
      g_value_set_boolean (value, self->online);
      break;

    case PROP_N_TOTAL:
      g_value_set_uint (value, rp_geocode_job_get_n_total (self));
      break;

    case PROP_N_DONE:
      g_value_set_uint (value, self->n_done);
      break;

    case PROP_N_PLACED:
      g_value_set_uint (value, self->n_placed);
      break;

    case PROP_N_FAILED:
      g_value_set_uint (value, self->n_failed);
      break;

    case PROP_FRACTION:
      g_value_set_double (value, rp_geocode_job_get_fraction (self));
      break;

    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_geocode_job_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RpGeocodeJob *self = RP_GEOCODE_JOB (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_ONLINE:
      self->online = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_geocode_job_class_init (RpGeocodeJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rp_geocode_job_dispose;
  object_class->get_property = rp_geocode_job_get_property;
  object_class->set_property = rp_geocode_job_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         RP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ONLINE] =
    g_param_spec_boolean ("online", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_TOTAL] =
    g_param_spec_uint ("n-total", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_DONE] =
    g_param_spec_uint ("n-done", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PLACED] =
    g_param_spec_uint ("n-placed", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_FAILED] =
    g_param_spec_uint ("n-failed", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL,
                         0, 1, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_FINISHED] =
    g_signal_new ("finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
rp_geocode_job_init (RpGeocodeJob *self)
{
  self->cancellable = g_cancellable_new ();
}

RpGeocodeJob *
rp_geocode_job_new (RpStore  *store,
                    gboolean  online)
{
  g_return_val_if_fail (RP_IS_STORE (store), NULL);

  return g_object_new (RP_TYPE_GEOCODE_JOB, "store", store, "online", online, NULL);
}

void
rp_geocode_job_set_geocoder (RpGeocodeJob *self,
                             RpGeocoder   *geocoder)
{
  g_return_if_fail (RP_IS_GEOCODE_JOB (self));
  g_return_if_fail (geocoder == NULL || RP_IS_GEOCODER (geocoder));
  g_return_if_fail (!self->running);

  g_set_object (&self->geocoder, geocoder);
}

gboolean
rp_geocode_job_get_online (RpGeocodeJob *self)
{
  g_return_val_if_fail (RP_IS_GEOCODE_JOB (self), FALSE);

  return self->online;
}

guint
rp_geocode_job_get_n_total (RpGeocodeJob *self)
{
  g_return_val_if_fail (RP_IS_GEOCODE_JOB (self), 0);

  return self->partners != NULL ? self->partners->len : 0;
}

guint
rp_geocode_job_get_n_done (RpGeocodeJob *self)
{
  g_return_val_if_fail (RP_IS_GEOCODE_JOB (self), 0);

  return self->n_done;
}

guint
rp_geocode_job_get_n_placed (RpGeocodeJob *self)
{
  g_return_val_if_fail (RP_IS_GEOCODE_JOB (self), 0);

  return self->n_placed;
}

guint
rp_geocode_job_get_n_failed (RpGeocodeJob *self)
{
  g_return_val_if_fail (RP_IS_GEOCODE_JOB (self), 0);

  return self->n_failed;
}

double
rp_geocode_job_get_fraction (RpGeocodeJob *self)
{
  guint total;

  g_return_val_if_fail (RP_IS_GEOCODE_JOB (self), 0);

  total = rp_geocode_job_get_n_total (self);
  return total > 0 ? (double) self->n_done / total : (self->finished ? 1.0 : 0.0);
}

gboolean
rp_geocode_job_get_running (RpGeocodeJob *self)
{
  g_return_val_if_fail (RP_IS_GEOCODE_JOB (self), FALSE);

  return self->running;
}

gboolean
rp_geocode_job_get_cancelled (RpGeocodeJob *self)
{
  g_return_val_if_fail (RP_IS_GEOCODE_JOB (self), FALSE);

  return self->cancelled;
}

gboolean
rp_geocode_job_start (RpGeocodeJob  *self,
                      GError       **error)
{
  g_autoptr(GPtrArray) partners = NULL;

  g_return_val_if_fail (RP_IS_GEOCODE_JOB (self), FALSE);
  g_return_val_if_fail (!self->running && !self->finished, FALSE);

  partners = rp_store_list_unplaced_partners (self->store, error);
  if (partners == NULL)
    return FALSE;

  self->partners = g_steal_pointer (&partners);
  self->running = TRUE;
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TOTAL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  g_object_thaw_notify (G_OBJECT (self));

  if (self->online)
    {
      if (self->geocoder == NULL)
        self->geocoder = rp_geocoder_new (self->store);
      step (self);
    }
  else
    {
      self->idle_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, offline_chunk_cb,
                                       g_object_ref (self), g_object_unref);
    }

  return TRUE;
}

void
rp_geocode_job_cancel (RpGeocodeJob *self)
{
  g_return_if_fail (RP_IS_GEOCODE_JOB (self));

  if (!self->running || self->cancelled)
    return;

  self->cancelled = TRUE;
  g_cancellable_cancel (self->cancellable);
}
