/* rp-patient.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "rp-patient.h"
#include "rp-validate.h"

G_DEFINE_BOXED_TYPE (RpPatient, rp_patient, rp_patient_copy, rp_patient_free)

RpPatient *
rp_patient_new (const char *name,
                const char *date_of_birth,
                const char *mrn,
                const char *phone)
{
  RpPatient *patient = g_new0 (RpPatient, 1);

  patient->name = g_strdup (name ? name : "");
  patient->date_of_birth = g_strdup (date_of_birth ? date_of_birth : "");
  patient->mrn = g_strdup (mrn ? mrn : "");
  patient->phone = g_strdup (phone ? phone : "");

  return patient;
}

RpPatient *
rp_patient_copy (const RpPatient *patient)
{
  g_return_val_if_fail (patient != NULL, NULL);

  return rp_patient_new (patient->name, patient->date_of_birth, patient->mrn, patient->phone);
}

static void
clear_string (char **str)
{
  if (*str != NULL)
    {
      memset (*str, 0, strlen (*str));
      g_clear_pointer (str, g_free);
    }
}

void
rp_patient_free (RpPatient *patient)
{
  if (patient == NULL)
    return;

  clear_string (&patient->name);
  clear_string (&patient->date_of_birth);
  clear_string (&patient->mrn);
  clear_string (&patient->phone);
  g_free (patient);
}

static gboolean
is_blank (const char *str)
{
  if (str == NULL)
    return TRUE;

  for (; *str != '\0'; str = g_utf8_next_char (str))
    if (!g_unichar_isspace (g_utf8_get_char (str)))
      return FALSE;

  return TRUE;
}

gboolean
rp_patient_is_valid (const RpPatient  *patient,
                     GError          **error)
{
  g_return_val_if_fail (patient != NULL, FALSE);

  if (is_blank (patient->name) && is_blank (patient->mrn))
    {
      g_set_error_literal (error, RP_VALIDATE_ERROR, RP_VALIDATE_ERROR_INVALID,
                           _("A patient needs a name or a medical record number"));
      return FALSE;
    }

  return TRUE;
}
