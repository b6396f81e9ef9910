/* rp-csv-export.c: partners as CSV.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <csv.h>
#include <glib/gi18n-lib.h>

#include "rp-csv-export.h"
#include "rp-enum-types.h"
#include "rp-enums.h"
#include "rp-partner-filter.h"
#include "rp-patient.h"
#include "rp-store-partners.h"
#include "rp-store-referrals.h"

#define PAGE 1000

/* Machine-readable headers, not translated: they are the file's format, and the importer maps
 * each back to its field. */
static const char * const header[] = {
  "UUID", "Kind", "Prefix", "First Name", "Last Name", "Credentials", "Organization", "NPI",
  "Specialty", "Street", "City", "State", "ZIP", "Phone", "Fax", "Email", "Office Contact",
  "Best Time", "Tier", "Status", "Tags", "Notes",
};

static void
append_field (GString    *out,
              const char *value,
              gboolean    last)
{
  size_t len = strlen (value != NULL ? value : "");
  g_autofree char *quoted = g_malloc (len * 2 + 3);
  size_t n = csv_write (quoted, len * 2 + 3, value != NULL ? value : "", len);

  g_string_append_len (out, quoted, (gssize) n);
  g_string_append (out, last ? "\r\n" : ",");
}

static void
append_partner (GString   *out,
                RpPartner *partner)
{
  g_autofree char *tier = g_ascii_strup (rp_enum_to_nick (RP_TYPE_TIER,
                                                          rp_partner_get_tier (partner)), -1);
  const char *fields[G_N_ELEMENTS (header)] = {
    rp_partner_get_uuid (partner),
    rp_enum_to_nick (RP_TYPE_PARTNER_KIND, rp_partner_get_kind (partner)),
    rp_partner_get_prefix (partner),
    rp_partner_get_first_name (partner),
    rp_partner_get_last_name (partner),
    rp_partner_get_credentials (partner),
    rp_partner_get_organization (partner),
    rp_partner_get_npi (partner),
    rp_partner_get_specialty_label (partner),
    rp_partner_get_street (partner),
    rp_partner_get_city (partner),
    rp_partner_get_state (partner),
    rp_partner_get_zip (partner),
    rp_partner_get_phone (partner),
    rp_partner_get_fax (partner),
    rp_partner_get_email (partner),
    rp_partner_get_office_contact (partner),
    rp_partner_get_best_time (partner),
    tier,
    rp_enum_to_nick (RP_TYPE_PARTNER_STATUS, rp_partner_get_status (partner)),
    rp_partner_get_tags (partner),
    rp_partner_get_notes (partner),
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    append_field (out, fields[i], i + 1 == G_N_ELEMENTS (fields));
}

static gboolean
flush (GOutputStream *stream,
       GString       *out,
       GCancellable  *cancellable,
       GError       **error)
{
  if (!g_output_stream_write_all (stream, out->str, out->len, NULL, cancellable, error))
    return FALSE;
  g_string_truncate (out, 0);
  return TRUE;
}

static gboolean
write_ids (RpStore       *store,
           GArray        *ids,
           GOutputStream *stream,
           GString       *out,
           guint         *n_written,
           GCancellable  *cancellable,
           GError       **error)
{
  for (guint start = 0; start < ids->len; start += PAGE)
    {
      g_autoptr(GPtrArray) partners = NULL;
      guint n = MIN (PAGE, ids->len - start);

      partners = rp_store_load_partners (store, &g_array_index (ids, gint64, start), n, NULL,
                                         error);
      if (partners == NULL)
        return FALSE;
      for (guint i = 0; i < partners->len; i++)
        append_partner (out, g_ptr_array_index (partners, i));
      g_atomic_int_add ((gint *) n_written, (gint) partners->len);
      if (!flush (stream, out, cancellable, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
rp_csv_export_partners (RpStore       *store,
                        const gint64  *ids,
                        guint          n_ids,
                        GFile         *file,
                        guint         *n_written,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  guint local = 0;
  guint *n = n_written != NULL ? n_written : &local;

  g_return_val_if_fail (RP_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  g_atomic_int_set ((gint *) n, 0);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, error);
  if (stream == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    append_field (out, header[i], i + 1 == G_N_ELEMENTS (header));

  if (ids != NULL)
    {
      g_autoptr(GArray) wanted = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);

      g_array_append_vals (wanted, ids, n_ids);
      if (!write_ids (store, wanted, G_OUTPUT_STREAM (stream), out, n, cancellable, error))
        goto failed;
    }
  else
    {
      for (int archived = 0; archived < 2; archived++)
        {
          g_autoptr(RpPartnerFilter) filter = rp_partner_filter_new ();
          g_autoptr(GArray) all = NULL;

          filter->archived = archived;
          all = rp_store_query_partner_ids (store, filter, error);
          if (all == NULL ||
              !write_ids (store, all, G_OUTPUT_STREAM (stream), out, n, cancellable, error))
            goto failed;
        }
    }

  if (!flush (G_OUTPUT_STREAM (stream), out, cancellable, error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error))
    goto failed;

  return TRUE;

failed:
  {
    g_autoptr(GCancellable) abandon = g_cancellable_new ();

    /* Closing a cancelled replace keeps the file as it was. */
    g_cancellable_cancel (abandon);
    g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
  }
  return FALSE;
}

/* ── referrals, activities, tasks ─────────────────────────────────────────────────────── */

static const char * const referral_header[] = {
  "UUID", "Partner UUID", "Partner NPI", "Partner", "Direction", "Referred On", "Status",
  "Status Reason", "Reason", "Service Line", "Urgency", "Notes", "Outcome",
};
static const char * const patient_header[] = {
  "Patient Name", "Patient DOB", "Patient MRN", "Patient Phone",
};
static const char * const activity_header[] = {
  "UUID", "Partner UUIDs", "Partner NPIs", "Partners", "Activity Type", "Date",
  "Contact Person", "Notes", "Materials", "Cost Cents", "Follow-up Needed",
};
static const char * const task_header[] = {
  "UUID", "Kind", "Title", "Notes", "Partner UUID", "Partner", "Referral UUID", "Due On",
  "Due Time", "Done At",
};

typedef struct
{
  RpStore       *store;
  RpVault       *vault;
  GOutputStream *stream;
  GString       *out;
  GCancellable  *cancellable;
  guint         *n;
} RecordWriter;

static gboolean
write_record_cb (gint64              id,
                 const char * const *values,
                 guint               n_values,
                 gpointer            user_data,
                 GError            **error)
{
  RecordWriter *writer = user_data;

  for (guint i = 0; i < n_values; i++)
    append_field (writer->out, values[i], i + 1 == n_values && writer->vault == NULL);

  if (writer->vault != NULL)
    {
      g_autoptr(RpReferral) referral = rp_store_get_referral (writer->store, id, error);
      g_autoptr(RpPatient) patient = NULL;
      g_autoptr(GError) local_error = NULL;

      if (referral == NULL)
        return FALSE;
      patient = rp_vault_load_patient (writer->vault, referral, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      append_field (writer->out, patient != NULL ? patient->name : "", FALSE);
      append_field (writer->out, patient != NULL ? patient->date_of_birth : "", FALSE);
      append_field (writer->out, patient != NULL ? patient->mrn : "", FALSE);
      append_field (writer->out, patient != NULL ? patient->phone : "", TRUE);
    }

  g_atomic_int_inc ((gint *) writer->n);
  if (writer->out->len > 1 << 16)
    return flush (writer->stream, writer->out, writer->cancellable, error);
  return !g_cancellable_set_error_if_cancelled (writer->cancellable, error);
}

gboolean
rp_csv_export_records (RpStore            *store,
                       RpStoreExportWhat   what,
                       RpVault            *vault,
                       GFile              *file,
                       guint              *n_written,
                       GCancellable       *cancellable,
                       GError            **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  const char * const *header_row;
  guint n_header;
  guint local = 0;
  RecordWriter writer = { store, NULL, NULL, out, cancellable,
                          n_written != NULL ? n_written : &local };

  g_return_val_if_fail (RP_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (vault == NULL || what == RP_STORE_EXPORT_REFERRALS, FALSE);

  switch (what)
    {
    case RP_STORE_EXPORT_ACTIVITIES:
      header_row = activity_header;
      n_header = G_N_ELEMENTS (activity_header);
      break;
    case RP_STORE_EXPORT_TASKS:
      header_row = task_header;
      n_header = G_N_ELEMENTS (task_header);
      break;
    case RP_STORE_EXPORT_REFERRALS:
    default:
      header_row = referral_header;
      n_header = G_N_ELEMENTS (referral_header);
      break;
    }

  if (vault != NULL && rp_vault_get_state (vault) != RP_VAULT_STATE_UNLOCKED)
    {
      g_set_error_literal (error, RP_VAULT_ERROR, RP_VAULT_ERROR_LOCKED,
                           _("The patient vault is locked: patient identifiers cannot be "
                             "exported"));
      return FALSE;
    }

  g_atomic_int_set ((gint *) writer.n, 0);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, error);
  if (stream == NULL)
    return FALSE;
  writer.stream = G_OUTPUT_STREAM (stream);
  writer.vault = vault;

  for (guint i = 0; i < n_header; i++)
    append_field (out, header_row[i], i + 1 == n_header && vault == NULL);
  if (vault != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (patient_header); i++)
      append_field (out, patient_header[i], i + 1 == G_N_ELEMENTS (patient_header));

  if (!rp_store_foreach_exported (store, what, write_record_cb, &writer, error) ||
      !flush (G_OUTPUT_STREAM (stream), out, cancellable, error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error))
    {
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      /* Closing a cancelled replace keeps the file as it was. */
      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
      return FALSE;
    }

  return TRUE;
}
