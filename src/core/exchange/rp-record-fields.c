/* rp-record-fields.c: what a referral or activity import knows of columns and values: the
 * fields a column can fill (their labels and the usual header names of CRM and spreadsheet
 * exports), and the values as spreadsheets write them (directions, days, moments, costs,
 * statuses by nick or label), for rp-record-import.c.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "rp-enum-types.h"
#include "rp-enums.h"
#include "rp-import-fields.h"
#include "rp-record-fields.h"
#include "rp-referral-status.h"

enum { FOR_REFERRALS = 1, FOR_ACTIVITIES = 2, FOR_BOTH = 3 };

typedef struct
{
  const char *label;
  guint       used_by;
  const char *synonyms;   /* normalised headers, space-separated */
} FieldInfo;

static const FieldInfo fields[RP_RECORD_N_FIELDS] = {
  [RP_RECORD_FIELD_IGNORE] = { N_("Ignore"), FOR_BOTH, "" },
  [RP_RECORD_FIELD_UUID] = { N_("Rapport ID"), FOR_BOTH,
                             "uuid rapportid referraluuid activityuuid" },
  [RP_RECORD_FIELD_PARTNER_UUID] = { N_("Partner’s Rapport ID"), FOR_BOTH,
                                     "partneruuid partnerrapportid partneruuids" },
  [RP_RECORD_FIELD_PARTNER_NPI] = { N_("Partner’s NPI"), FOR_BOTH,
                                    "partnernpi partnernpis npi referringnpi providernpi"
                                    " referringprovidernpi physiciannpi" },
  [RP_RECORD_FIELD_PARTNER_NAME] = { N_("Partner’s name"), FOR_BOTH,
                                     "partner partnername partnernames partners referringprovider"
                                     " referringphysician referredby referredto provider"
                                     " physician providername physicianname source" },
  [RP_RECORD_FIELD_DIRECTION] = { N_("Direction"), FOR_REFERRALS,
                                  "direction referraldirection inout" },
  [RP_RECORD_FIELD_REFERRED_ON] = { N_("Date referred"), FOR_REFERRALS,
                                    "referredon referraldate datereferred datereceived received"
                                    " date" },
  [RP_RECORD_FIELD_STATUS] = { N_("Status"), FOR_REFERRALS, "status referralstatus stage" },
  [RP_RECORD_FIELD_STATUS_REASON] = { N_("Status reason"), FOR_REFERRALS,
                                      "statusreason declinereason lostreason" },
  [RP_RECORD_FIELD_REASON] = { N_("Reason"), FOR_REFERRALS,
                               "reason referralreason diagnosis reasonforreferral" },
  [RP_RECORD_FIELD_SERVICE_LINE] = { N_("Service line"), FOR_REFERRALS,
                                     "serviceline service department program" },
  [RP_RECORD_FIELD_URGENCY] = { N_("Urgency"), FOR_REFERRALS, "urgency priority" },
  [RP_RECORD_FIELD_OUTCOME] = { N_("Outcome"), FOR_REFERRALS, "outcome result" },
  [RP_RECORD_FIELD_PATIENT_NAME] = { N_("Patient name"), FOR_REFERRALS,
                                     "patient patientname patientfullname" },
  [RP_RECORD_FIELD_PATIENT_DOB] = { N_("Patient date of birth"), FOR_REFERRALS,
                                    "dob dateofbirth patientdob birthdate patientdateofbirth" },
  [RP_RECORD_FIELD_PATIENT_MRN] = { N_("Patient MRN"), FOR_REFERRALS,
                                    "mrn patientmrn medicalrecordnumber" },
  [RP_RECORD_FIELD_PATIENT_PHONE] = { N_("Patient phone"), FOR_REFERRALS,
                                      "patientphone patienttelephone" },
  [RP_RECORD_FIELD_ACTIVITY_TYPE] = { N_("Activity type"), FOR_ACTIVITIES,
                                      "activitytype type kind activity activitykind" },
  [RP_RECORD_FIELD_DATE] = { N_("Date"), FOR_ACTIVITIES,
                             "date occurredat activitydate when datetime" },
  [RP_RECORD_FIELD_CONTACT_PERSON] = { N_("Contact person"), FOR_ACTIVITIES,
                                       "contact contactperson spokewith metwith" },
  [RP_RECORD_FIELD_MATERIALS] = { N_("Materials"), FOR_ACTIVITIES, "materials materialsleft" },
  [RP_RECORD_FIELD_COST] = { N_("Cost"), FOR_ACTIVITIES, "cost costcents amount spend" },
  [RP_RECORD_FIELD_FOLLOW_UP] = { N_("Follow-up needed"), FOR_ACTIVITIES,
                                  "followup followupneeded" },
  [RP_RECORD_FIELD_NOTES] = { N_("Notes"), FOR_BOTH,
                              "notes note summary description comments comment subject" },
};

/* ── fields ───────────────────────────────────────────────────────────────────────────── */

static guint
used_by (RpImportWhat what)
{
  return what == RP_IMPORT_WHAT_ACTIVITIES ? FOR_ACTIVITIES : FOR_REFERRALS;
}

gboolean
rp_import_what_from_string (const char   *text,
                            RpImportWhat *what)
{
  if (g_strcmp0 (text, "partners") == 0)
    *what = RP_IMPORT_WHAT_PARTNERS;
  else if (g_strcmp0 (text, "referrals") == 0)
    *what = RP_IMPORT_WHAT_REFERRALS;
  else if (g_strcmp0 (text, "activities") == 0)
    *what = RP_IMPORT_WHAT_ACTIVITIES;
  else
    return FALSE;
  return TRUE;
}

RpRecordField
rp_record_guess_field (const char   *header,
                       RpImportWhat  what)
{
  g_autofree char *key = rp_import_normalise_header (header);

  if (*key == '\0')
    return RP_RECORD_FIELD_IGNORE;
  for (guint i = 1; i < RP_RECORD_N_FIELDS; i++)
    {
      g_auto(GStrv) words = NULL;

      if ((fields[i].used_by & used_by (what)) == 0)
        continue;
      words = g_strsplit (fields[i].synonyms, " ", -1);
      for (guint j = 0; words[j] != NULL; j++)
        if (g_str_equal (words[j], key))
          return i;
    }
  return RP_RECORD_FIELD_IGNORE;
}

RpImportWhat
rp_import_what_guess (GPtrArray *headers)
{
  /* Columns only a referral file or only an activity file has. */
  static const char * const referral_only[] = {
    "direction", "referraldirection", "referredon", "referraldate", "serviceline", "urgency",
    "referralstatus", "patient", "patientname", "mrn", "dob", "reasonforreferral", "statusreason",
  };
  static const char * const activity_only[] = {
    "activitytype", "activity", "occurredat", "activitydate", "contactperson", "materials",
    "followupneeded",
  };
  guint referral = 0, activity = 0;

  g_return_val_if_fail (headers != NULL, RP_IMPORT_WHAT_PARTNERS);

  for (guint i = 0; i < headers->len; i++)
    {
      g_autofree char *key = rp_import_normalise_header (g_ptr_array_index (headers, i));

      for (guint j = 0; j < G_N_ELEMENTS (referral_only); j++)
        referral += g_str_equal (key, referral_only[j]) ? 1 : 0;
      for (guint j = 0; j < G_N_ELEMENTS (activity_only); j++)
        activity += g_str_equal (key, activity_only[j]) ? 1 : 0;
    }
  if (referral == 0 && activity == 0)
    return RP_IMPORT_WHAT_PARTNERS;
  return referral >= activity ? RP_IMPORT_WHAT_REFERRALS : RP_IMPORT_WHAT_ACTIVITIES;
}

const RpRecordField *
rp_record_fields_for (RpImportWhat  what,
                      guint        *n_fields)
{
  static RpRecordField referral_fields[RP_RECORD_N_FIELDS];
  static RpRecordField activity_fields[RP_RECORD_N_FIELDS];
  static guint n_referral, n_activity;
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      for (guint i = 0; i < RP_RECORD_N_FIELDS; i++)
        {
          if (fields[i].used_by & FOR_REFERRALS)
            referral_fields[n_referral++] = i;
          if (fields[i].used_by & FOR_ACTIVITIES)
            activity_fields[n_activity++] = i;
        }
      g_once_init_leave (&done, 1);
    }

  if (what == RP_IMPORT_WHAT_ACTIVITIES)
    {
      *n_fields = n_activity;
      return activity_fields;
    }
  *n_fields = n_referral;
  return referral_fields;
}

const char *
rp_record_field_to_label (RpRecordField field)
{
  g_return_val_if_fail (field < RP_RECORD_N_FIELDS, "");
  return _(fields[field].label);
}

/* ── values ───────────────────────────────────────────────────────────────────────────── */

/* "Loop closed", "LOOP_CLOSED", "loop-closed" → "loop-closed". */
static char *
to_nick (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);

  g_strstrip (lower);
  for (char *p = lower; *p != '\0'; p++)
    if (*p == ' ' || *p == '_')
      *p = '-';
  return g_steal_pointer (&lower);
}

gboolean
rp_record_parse_enum (GType        type,
                      const char  *text,
                      const char *(*to_label) (int),
                      int         *value)
{
  g_autofree char *nick = to_nick (text);
  GEnumClass *klass;

  if (rp_enum_from_nick (type, nick, value))
    return TRUE;
  if (to_label == NULL)
    return FALSE;
  klass = g_type_class_ref (type);
  for (guint i = 0; i < klass->n_values; i++)
    if (g_utf8_collate (text, to_label (klass->values[i].value)) == 0)
      {
        *value = klass->values[i].value;
        g_type_class_unref (klass);
        return TRUE;
      }
  g_type_class_unref (klass);
  return FALSE;
}

static const char *
direction_label (int direction)
{
  return rp_referral_direction_to_label (direction);
}

gboolean
rp_record_parse_direction (const char          *text,
                           RpReferralDirection *direction)
{
  static const char * const in[] = { "in", "incoming", "received", "referred-in", "to-us" };
  static const char * const out[] = { "out", "outgoing", "sent", "referred-out" };
  g_autofree char *nick = to_nick (text);
  int value;

  for (guint i = 0; i < G_N_ELEMENTS (in); i++)
    if (g_str_equal (nick, in[i]))
      {
        *direction = RP_REFERRAL_DIRECTION_INBOUND;
        return TRUE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (out); i++)
    if (g_str_equal (nick, out[i]))
      {
        *direction = RP_REFERRAL_DIRECTION_OUTBOUND;
        return TRUE;
      }
  if (!rp_record_parse_enum (RP_TYPE_REFERRAL_DIRECTION, text, direction_label, &value))
    return FALSE;
  *direction = value;
  return TRUE;
}

/* A day as "YYYY-MM-DD" from "2026-03-14", "2026-03-14T09:30:00Z", "3/14/2026" or "3/14/26". */
char *
rp_record_parse_day (const char *text)
{
  unsigned y, m, d;
  char rest;
  g_autoptr(GDateTime) check = NULL;

  if (sscanf (text, "%4u-%2u-%2u", &y, &m, &d) == 3 &&
      (text[10] == '\0' || text[10] == 'T' || text[10] == ' '))
    ;
  else if (sscanf (text, "%2u/%2u/%4u%c", &m, &d, &y, &rest) == 3)
    {
      if (y < 100)
        y += 2000;
    }
  else
    return NULL;

  check = g_date_time_new_utc ((int) y, (int) m, (int) d, 0, 0, 0);
  if (check == NULL || y < 1900)
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", y, m, d);
}

/* A moment as UTC "YYYY-MM-DDTHH:MM:SSZ": ISO 8601 with a zone as it is; without one, or
 * "2026-03-14 09:30", in local time; a day alone at noon local time. */
char *
rp_record_parse_moment (const char *text)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *iso = g_strdup (text);
  g_autoptr(GDateTime) utc = NULL;

  if (strlen (iso) > 10 && iso[10] == ' ')
    iso[10] = 'T';
  /* "2026-03-14T09:30": GLib wants the seconds. */
  if (strlen (iso) == 16 && iso[10] == 'T' && iso[13] == ':')
    {
      g_autofree char *minutes = g_steal_pointer (&iso);

      iso = g_strconcat (minutes, ":00", NULL);
    }
  when = g_date_time_new_from_iso8601 (iso, local);
  if (when == NULL)
    {
      g_autofree char *day = rp_record_parse_day (text);
      unsigned y, m, d;

      if (day == NULL || sscanf (day, "%4u-%2u-%2u", &y, &m, &d) != 3)
        return NULL;
      when = g_date_time_new (local, (int) y, (int) m, (int) d, 12, 0, 0);
      if (when == NULL)
        return NULL;
    }
  utc = g_date_time_to_utc (when);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

/* "12.50", "$1,200", "12" → cents; FALSE for anything else. A column named "… cents" is read as
 * cents. */
gboolean
rp_record_parse_cost (const char *text,
                      gboolean    cents,
                      gint64     *value)
{
  GString *clean = g_string_new (NULL);
  g_autofree char *number = NULL;
  char *end = NULL;
  double amount;

  for (const char *p = text; *p != '\0'; p++)
    if (*p != '$' && *p != ',' && *p != ' ')
      g_string_append_c (clean, *p);
  number = g_string_free (clean, FALSE);
  if (*number == '\0')
    return FALSE;
  amount = g_ascii_strtod (number, &end);
  if (*end != '\0' || amount < 0 || amount > 1e9)
    return FALSE;
  *value = cents ? (gint64) amount : (gint64) (amount * 100 + 0.5);
  return TRUE;
}
