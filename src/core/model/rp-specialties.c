/* rp-specialties.c
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rp-specialties.h"

/* About sixty of the roughly nine hundred NUCC codes: those a liaison of a specialty practice
 * meets every week (primary care, the usual referring specialties, therapists and the kinds of
 * facility that refer or receive patients). Importers keep any other code with the label they
 * read, so the table is a convenience for typing, not a limit. Sorted by label. */
static const RpSpecialty specialties[] = {
  { "207K00000X", N_("Allergy & Immunology") },
  { "261QA1903X", N_("Ambulatory Surgical Center") },
  { "207L00000X", N_("Anesthesiology") },
  { "231H00000X", N_("Audiologist") },
  { "207RC0000X", N_("Cardiovascular Disease") },
  { "367500000X", N_("Certified Registered Nurse Anesthetist") },
  { "111N00000X", N_("Chiropractor") },
  { "207RC0001X", N_("Clinical Cardiac Electrophysiology") },
  { "291U00000X", N_("Clinical Medical Laboratory") },
  { "1041C0700X", N_("Clinical Social Worker") },
  { "122300000X", N_("Dentist") },
  { "207N00000X", N_("Dermatology") },
  { "2085R0202X", N_("Diagnostic Radiology") },
  { "133V00000X", N_("Dietitian, Registered") },
  { "332B00000X", N_("Durable Medical Equipment & Supplies") },
  { "207P00000X", N_("Emergency Medicine") },
  { "207RE0101X", N_("Endocrinology, Diabetes & Metabolism") },
  { "207Q00000X", N_("Family Medicine") },
  { "261QF0400X", N_("Federally Qualified Health Center") },
  { "207RG0100X", N_("Gastroenterology") },
  { "282N00000X", N_("General Acute Care Hospital") },
  { "208D00000X", N_("General Practice") },
  { "208600000X", N_("General Surgery") },
  { "207RG0300X", N_("Geriatric Medicine") },
  { "207XS0106X", N_("Hand Surgery") },
  { "207RH0003X", N_("Hematology & Oncology") },
  { "251E00000X", N_("Home Health") },
  { "251G00000X", N_("Hospice Care") },
  { "207RI0200X", N_("Infectious Disease") },
  { "207R00000X", N_("Internal Medicine") },
  { "207RI0011X", N_("Interventional Cardiology") },
  { "208VP0014X", N_("Interventional Pain Medicine") },
  { "207VM0101X", N_("Maternal & Fetal Medicine") },
  { "207RX0202X", N_("Medical Oncology") },
  { "261QM1300X", N_("Multi-Specialty Clinic") },
  { "207RN0300X", N_("Nephrology") },
  { "207T00000X", N_("Neurological Surgery") },
  { "2084N0400X", N_("Neurology") },
  { "207U00000X", N_("Nuclear Medicine") },
  { "363L00000X", N_("Nurse Practitioner") },
  { "363LF0000X", N_("Nurse Practitioner, Family") },
  { "207V00000X", N_("Obstetrics & Gynecology") },
  { "225X00000X", N_("Occupational Therapist") },
  { "207W00000X", N_("Ophthalmology") },
  { "152W00000X", N_("Optometrist") },
  { "204E00000X", N_("Oral & Maxillofacial Surgery") },
  { "207X00000X", N_("Orthopaedic Surgery") },
  { "207Y00000X", N_("Otolaryngology") },
  { "208VP0000X", N_("Pain Medicine") },
  { "208000000X", N_("Pediatrics") },
  { "3336C0003X", N_("Pharmacy, Community/Retail") },
  { "208100000X", N_("Physical Medicine & Rehabilitation") },
  { "225100000X", N_("Physical Therapist") },
  { "363A00000X", N_("Physician Assistant") },
  { "208200000X", N_("Plastic Surgery") },
  { "213E00000X", N_("Podiatrist") },
  { "261QP2300X", N_("Primary Care Clinic") },
  { "2084P0800X", N_("Psychiatry") },
  { "103T00000X", N_("Psychologist") },
  { "207RP1001X", N_("Pulmonary Disease") },
  { "2085R0001X", N_("Radiation Oncology") },
  { "261QR0200X", N_("Radiology") },
  { "261QR0400X", N_("Rehabilitation Clinic") },
  { "283X00000X", N_("Rehabilitation Hospital") },
  { "207VE0102X", N_("Reproductive Endocrinology") },
  { "207RR0500X", N_("Rheumatology") },
  { "314000000X", N_("Skilled Nursing Facility") },
  { "207RS0012X", N_("Sleep Medicine") },
  { "235Z00000X", N_("Speech-Language Pathologist") },
  { "207QS0010X", N_("Sports Medicine (Family Medicine)") },
  { "207XX0005X", N_("Sports Medicine (Orthopaedic Surgery)") },
  { "208G00000X", N_("Thoracic Surgery") },
  { "261QU0200X", N_("Urgent Care") },
  { "208800000X", N_("Urology") },
  { "2086S0129X", N_("Vascular Surgery") },
};

const RpSpecialty *
rp_specialties_get_all (guint *n_specialties)
{
  g_return_val_if_fail (n_specialties != NULL, NULL);

  *n_specialties = G_N_ELEMENTS (specialties);

  return specialties;
}

const RpSpecialty *
rp_specialties_lookup (const char *code)
{
  g_return_val_if_fail (code != NULL, NULL);

  /* Seventy-five rows: a linear scan is faster than building an index, and needs no state. */
  for (guint i = 0; i < G_N_ELEMENTS (specialties); i++)
    {
      if (g_ascii_strcasecmp (specialties[i].code, code) == 0)
        return &specialties[i];
    }

  return NULL;
}

const char *
rp_specialty_get_display_label (const RpSpecialty *specialty)
{
  g_return_val_if_fail (specialty != NULL, NULL);

  return _(specialty->label);
}

const char *
rp_specialties_display (const char *code,
                        const char *label)
{
  const RpSpecialty *specialty = code != NULL && *code != '\0' ? rp_specialties_lookup (code)
                                                                : NULL;

  if (specialty != NULL)
    return rp_specialty_get_display_label (specialty);

  return label != NULL ? label : "";
}
