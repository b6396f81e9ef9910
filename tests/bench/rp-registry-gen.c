/* rp-registry-gen.c: see rp-registry-gen.h.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "rp-registry-gen.h"

#include <string.h>

/* The published layout of npidata_pfile (NPPES Data Dissemination, "Readme" and the file's own
 * header line): 47 columns of identity and addresses, 15 groups of taxonomy/licence, 50 groups of
 * other identifiers, 7 more, 15 taxonomy groups and the certification date. */
#define N_BASE 47
#define N_TAIL 7

static const char * const base_columns[N_BASE] = {
  "NPI", "Entity Type Code", "Replacement NPI", "Employer Identification Number (EIN)",
  "Provider Organization Name (Legal Business Name)", "Provider Last Name (Legal Name)",
  "Provider First Name", "Provider Middle Name", "Provider Name Prefix Text",
  "Provider Name Suffix Text", "Provider Credential Text", "Provider Other Organization Name",
  "Provider Other Organization Name Type Code", "Provider Other Last Name",
  "Provider Other First Name", "Provider Other Middle Name", "Provider Other Name Prefix Text",
  "Provider Other Name Suffix Text", "Provider Other Credential Text",
  "Provider Other Last Name Type Code", "Provider First Line Business Mailing Address",
  "Provider Second Line Business Mailing Address", "Provider Business Mailing Address City Name",
  "Provider Business Mailing Address State Name", "Provider Business Mailing Address Postal Code",
  "Provider Business Mailing Address Country Code (If outside U.S.)",
  "Provider Business Mailing Address Telephone Number",
  "Provider Business Mailing Address Fax Number",
  "Provider First Line Business Practice Location Address",
  "Provider Second Line Business Practice Location Address",
  "Provider Business Practice Location Address City Name",
  "Provider Business Practice Location Address State Name",
  "Provider Business Practice Location Address Postal Code",
  "Provider Business Practice Location Address Country Code (If outside U.S.)",
  "Provider Business Practice Location Address Telephone Number",
  "Provider Business Practice Location Address Fax Number", "Provider Enumeration Date",
  "Last Update Date", "NPI Deactivation Reason Code", "NPI Deactivation Date",
  "NPI Reactivation Date", "Provider Sex Code", "Authorized Official Last Name",
  "Authorized Official First Name", "Authorized Official Middle Name",
  "Authorized Official Title or Position", "Authorized Official Telephone Number",
};

static const char * const tail_columns[N_TAIL] = {
  "Is Sole Proprietor", "Is Organization Subpart", "Parent Organization LBN",
  "Parent Organization TIN", "Authorized Official Name Prefix Text",
  "Authorized Official Name Suffix Text", "Authorized Official Credential Text",
};

static char *all_columns[RP_REGISTRY_GEN_NPPES_N_COLUMNS + 1];

/* Column indexes of the fields the generator fills. */
enum {
  C_NPI = 0, C_ENTITY = 1, C_EIN = 3, C_ORG = 4, C_LAST = 5, C_FIRST = 6, C_MIDDLE = 7,
  C_PREFIX = 8, C_CRED = 10, C_MAIL1 = 20, C_MAILCITY = 22, C_MAILSTATE = 23, C_MAILZIP = 24,
  C_MAILCOUNTRY = 25, C_MAILPHONE = 26, C_LINE1 = 28, C_LINE2 = 29, C_CITY = 30, C_STATE = 31,
  C_ZIP = 32, C_COUNTRY = 33, C_PHONE = 34, C_FAX = 35, C_ENUM_DATE = 36, C_UPDATE = 37,
  C_DEACT_REASON = 38, C_DEACT = 39, C_REACT = 40, C_SEX = 41, C_AO_LAST = 42, C_AO_FIRST = 43,
  C_AO_TITLE = 45, C_AO_PHONE = 46,
  C_TAX = 47,              /* + 4 * i: code, licence, licence state, primary switch */
  C_SOLE = 307, C_SUBPART = 308,
};

static void
make_columns (void)
{
  guint n = 0;

  if (all_columns[0] != NULL)
    return;

  for (guint i = 0; i < N_BASE; i++)
    all_columns[n++] = g_strdup (base_columns[i]);
  for (guint i = 1; i <= 15; i++)
    {
      all_columns[n++] = g_strdup_printf ("Healthcare Provider Taxonomy Code_%u", i);
      all_columns[n++] = g_strdup_printf ("Provider License Number_%u", i);
      all_columns[n++] = g_strdup_printf ("Provider License Number State Code_%u", i);
      all_columns[n++] = g_strdup_printf ("Healthcare Provider Primary Taxonomy Switch_%u", i);
    }
  for (guint i = 1; i <= 50; i++)
    {
      all_columns[n++] = g_strdup_printf ("Other Provider Identifier_%u", i);
      all_columns[n++] = g_strdup_printf ("Other Provider Identifier Type Code_%u", i);
      all_columns[n++] = g_strdup_printf ("Other Provider Identifier State_%u", i);
      all_columns[n++] = g_strdup_printf ("Other Provider Identifier Issuer_%u", i);
    }
  for (guint i = 0; i < N_TAIL; i++)
    all_columns[n++] = g_strdup (tail_columns[i]);
  for (guint i = 1; i <= 15; i++)
    all_columns[n++] = g_strdup_printf ("Healthcare Provider Taxonomy Group_%u", i);
  all_columns[n++] = g_strdup ("Certification Date");
  g_assert (n == RP_REGISTRY_GEN_NPPES_N_COLUMNS);
}

const char *
rp_registry_gen_nppes_column (guint i)
{
  g_assert (i < RP_REGISTRY_GEN_NPPES_N_COLUMNS);
  make_columns ();
  return all_columns[i];
}

/* splitmix64: a fast, seedable generator, one per row so that row i is the same in every
 * revision and at any file size. */
static guint64
next (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

static guint
pick (guint64 *state,
      guint    n)
{
  return (guint) (next (state) % n);
}

#define PICK(state, array) (array[pick (state, G_N_ELEMENTS (array))])

typedef struct
{
  const char *code;
  const char *grouping;
  const char *classification;
  const char *specialization;
  const char *display;
  const char *section;
} Taxonomy;

/* Real NUCC codes and their labels (taxonomy code set, version 24.x). */
static const Taxonomy taxonomies[] = {
  { "207Q00000X", "Allopathic & Osteopathic Physicians", "Family Medicine", "",
    "Family Medicine Physician", "Individual" },
  { "207R00000X", "Allopathic & Osteopathic Physicians", "Internal Medicine", "",
    "Internal Medicine Physician", "Individual" },
  { "207RC0000X", "Allopathic & Osteopathic Physicians", "Internal Medicine",
    "Cardiovascular Disease", "Cardiovascular Disease Physician", "Individual" },
  { "207RE0101X", "Allopathic & Osteopathic Physicians", "Internal Medicine",
    "Endocrinology, Diabetes & Metabolism", "Endocrinology, Diabetes & Metabolism Physician",
    "Individual" },
  { "207RG0100X", "Allopathic & Osteopathic Physicians", "Internal Medicine", "Gastroenterology",
    "Gastroenterology Physician", "Individual" },
  { "207RN0300X", "Allopathic & Osteopathic Physicians", "Internal Medicine", "Nephrology",
    "Nephrology Physician", "Individual" },
  { "207X00000X", "Allopathic & Osteopathic Physicians", "Orthopaedic Surgery", "",
    "Orthopaedic Surgery Physician", "Individual" },
  { "207Y00000X", "Allopathic & Osteopathic Physicians", "Otolaryngology", "",
    "Otolaryngology Physician", "Individual" },
  { "207V00000X", "Allopathic & Osteopathic Physicians", "Obstetrics & Gynecology", "",
    "Obstetrics & Gynecology Physician", "Individual" },
  { "207N00000X", "Allopathic & Osteopathic Physicians", "Dermatology", "",
    "Dermatology Physician", "Individual" },
  { "207W00000X", "Allopathic & Osteopathic Physicians", "Ophthalmology", "",
    "Ophthalmology Physician", "Individual" },
  { "208000000X", "Allopathic & Osteopathic Physicians", "Pediatrics", "",
    "Pediatrics Physician", "Individual" },
  { "2084N0400X", "Allopathic & Osteopathic Physicians", "Psychiatry & Neurology", "Neurology",
    "Neurology Physician", "Individual" },
  { "208800000X", "Allopathic & Osteopathic Physicians", "Urology", "", "Urology Physician",
    "Individual" },
  { "208D00000X", "Allopathic & Osteopathic Physicians", "General Practice", "",
    "General Practice Physician", "Individual" },
  { "363L00000X", "Physician Assistants & Advanced Practice Nursing Providers",
    "Nurse Practitioner", "", "Nurse Practitioner", "Individual" },
  { "363LF0000X", "Physician Assistants & Advanced Practice Nursing Providers",
    "Nurse Practitioner", "Family", "Family Nurse Practitioner", "Individual" },
  { "363A00000X", "Physician Assistants & Advanced Practice Nursing Providers",
    "Physician Assistant", "", "Physician Assistant", "Individual" },
  { "225100000X", "Respiratory, Developmental, Rehabilitative and Restorative Service Providers",
    "Physical Therapist", "", "Physical Therapist", "Individual" },
  { "261QP2300X", "Ambulatory Health Care Facilities", "Clinic/Center", "Primary Care",
    "Primary Care Clinic/Center", "Non-Individual" },
  { "261QM1300X", "Ambulatory Health Care Facilities", "Clinic/Center", "Multi-Specialty",
    "Multi-Specialty Clinic/Center", "Non-Individual" },
  { "282N00000X", "Hospitals", "General Acute Care Hospital", "",
    "General Acute Care Hospital", "Non-Individual" },
  { "251E00000X", "Agencies", "Home Health", "", "Home Health Agency", "Non-Individual" },
};
#define N_INDIVIDUAL_TAXONOMIES 19

static const char * const last_names[] = {
  "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez",
  "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore",
  "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark",
  "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres",
  "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell",
  "Mitchell", "Carter", "Roberts", "Patel", "Shah", "Kim", "Cohen", "O'Brien", "Müller", "Peña",
};
static const char * const first_names[] = {
  "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David",
  "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah",
  "Priya", "Wei", "Ahmed", "Fatima", "Carlos", "Sofia", "Daniel", "Karen", "Matthew", "Nancy",
  "Anthony", "Lisa", "Mark", "Betty", "Ana", "Chloé", "José",
};
static const char * const credentials[] = { "M.D.", "MD", "D.O.", "DO", "M.D., PH.D.", "NP",
                                            "PA-C", "APRN", "DPT", "" };
static const char * const streets[] = {
  "MAIN ST", "HIGH ST", "BROAD ST", "OAK AVE", "MAPLE AVE", "PARK BLVD", "WASHINGTON AVE",
  "LAKE SHORE DR", "MEDICAL CENTER DR", "HOSPITAL DR", "RIVER RD", "CENTRAL AVE", "ELM ST",
  "2ND ST", "UNIVERSITY AVE", "HEALTH PKWY",
};
static const char * const org_words[] = {
  "RIVERSIDE", "NORTHSIDE", "VALLEY", "SUMMIT", "LAKEVIEW", "MERCY", "UNITY", "PREMIER",
  "ADVANCED", "COMMUNITY", "REGIONAL", "METRO", "CAPITAL", "HERITAGE", "GATEWAY",
};
static const char * const org_kinds[] = {
  "FAMILY MEDICINE LLC", "CARDIOLOGY ASSOCIATES INC", "ORTHOPAEDICS PC", "PRIMARY CARE LLC",
  "HEALTH SYSTEM", "MEDICAL GROUP INC", "PHYSICAL THERAPY LLC", "HOME HEALTH SERVICES",
  "SURGERY CENTER LLC", "PEDIATRICS PA",
};

typedef struct
{
  const char *state;
  const char *city;
  const char *zip3;  /* first three digits of its ZIP codes */
} Place;

static const Place ohio[] = {
  { "OH", "COLUMBUS", "432" }, { "OH", "WESTERVILLE", "430" }, { "OH", "DUBLIN", "430" },
  { "OH", "NEWARK", "430" }, { "OH", "CLEVELAND", "441" }, { "OH", "CINCINNATI", "452" },
  { "OH", "DAYTON", "454" }, { "OH", "TOLEDO", "436" }, { "OH", "AKRON", "443" },
};
static const Place elsewhere[] = {
  { "CA", "LOS ANGELES", "900" }, { "CA", "SAN DIEGO", "921" }, { "TX", "HOUSTON", "770" },
  { "TX", "DALLAS", "752" }, { "NY", "NEW YORK", "100" }, { "NY", "BUFFALO", "142" },
  { "FL", "MIAMI", "331" }, { "FL", "ORLANDO", "328" }, { "PA", "PHILADELPHIA", "191" },
  { "PA", "PITTSBURGH", "152" }, { "IL", "CHICAGO", "606" }, { "MI", "DETROIT", "482" },
  { "GA", "ATLANTA", "303" }, { "NC", "CHARLOTTE", "282" }, { "WA", "SEATTLE", "981" },
  { "MA", "BOSTON", "021" }, { "AZ", "PHOENIX", "850" }, { "IN", "INDIANAPOLIS", "462" },
  { "KY", "LOUISVILLE", "402" }, { "WV", "CHARLESTON", "253" },
};

static int
check_digit (const char *first_nine)
{
  int sum = 24;  /* the digits of the 80840 prefix, doubled as Luhn wants */

  for (int i = 0; i < 9; i++)
    {
      int d = first_nine[i] - '0';

      if (i % 2 == 0)
        {
          d *= 2;
          if (d > 9)
            d -= 9;
        }
      sum += d;
    }
  return (10 - sum % 10) % 10;
}

void
rp_registry_gen_npi (guint32 seed,
                     guint64 index,
                     char    npi[11])
{
  /* Distinct for every index below 10^8: a seeded offset, then the index. */
  guint64 body = 100000000 + (index + (guint64) seed * 7919) % 900000000;

  g_snprintf (npi, 11, "%09" G_GUINT64_FORMAT "0", body % 1000000000);
  if (npi[0] != '1' && npi[0] != '2')
    npi[0] = '1';
  npi[9] = '0' + check_digit (npi);
  npi[10] = '\0';
}

static void
put_field (GString    *row,
           const char *value)
{
  g_string_append_c (row, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (row, '"');
      g_string_append_c (row, *p);
    }
  g_string_append_c (row, '"');
}

static void
date_text (char    out[11],
           guint64 *state,
           int      year)
{
  g_snprintf (out, 11, "%02u/%02u/%04d", 1 + pick (state, 12), 1 + pick (state, 28), year);
}

void
rp_registry_gen_write_nppes (FILE   *out,
                             guint64 n_rows,
                             guint32 seed,
                             guint   revision)
{
  g_autoptr(GString) row = g_string_sized_new (4096);
  const char *fields[RP_REGISTRY_GEN_NPPES_N_COLUMNS];
  char buf[32][64];

  make_columns ();

  for (guint i = 0; i < RP_REGISTRY_GEN_NPPES_N_COLUMNS; i++)
    {
      if (i > 0)
        g_string_append_c (row, ',');
      put_field (row, all_columns[i]);
    }
  g_string_append (row, "\r\n");
  fwrite (row->str, 1, row->len, out);

  for (guint64 index = 0; index < n_rows; index++)
    {
      guint64 state = ((guint64) seed << 32) ^ (index * G_GUINT64_CONSTANT (0x2545F4914F6CDD1D));
      gboolean organisation = pick (&state, 5) == 0;
      gboolean in_ohio = pick (&state, 20) == 0;
      const Place *place = in_ohio ? &PICK (&state, ohio) : &PICK (&state, elsewhere);
      gboolean moved = revision > 0 && index % 10 == 3;
      gboolean deactivated = revision > 0 && index % 25 == 7;
      guint n_tax = organisation ? 1 : 1 + pick (&state, 3);
      guint primary = pick (&state, n_tax);
      guint b = 0;

      for (guint i = 0; i < RP_REGISTRY_GEN_NPPES_N_COLUMNS; i++)
        fields[i] = "";

      rp_registry_gen_npi (seed, index, buf[b]);
      fields[C_NPI] = buf[b++];

      if (deactivated)
        {
          /* As in the real file: a deactivated NPI keeps only its number and the date. */
          g_snprintf (buf[b], 64, "%02u/%02u/%04d", 1 + (guint) (index % 12), 15, 2025);
          fields[C_DEACT] = buf[b++];
          goto write;
        }

      fields[C_ENTITY] = organisation ? "2" : "1";
      if (organisation)
        {
          g_snprintf (buf[b], 64, "%s %s", PICK (&state, org_words), PICK (&state, org_kinds));
          fields[C_ORG] = buf[b++];
          fields[C_AO_LAST] = PICK (&state, last_names);
          fields[C_AO_FIRST] = PICK (&state, first_names);
          fields[C_AO_TITLE] = "PRACTICE MANAGER";
          fields[C_EIN] = "<UNAVAIL>";
          fields[C_SUBPART] = "N";
        }
      else
        {
          fields[C_LAST] = PICK (&state, last_names);
          fields[C_FIRST] = PICK (&state, first_names);
          fields[C_MIDDLE] = pick (&state, 2) ? "A" : "";
          fields[C_PREFIX] = pick (&state, 3) == 0 ? "DR." : "";
          fields[C_CRED] = PICK (&state, credentials);
          fields[C_SEX] = pick (&state, 2) ? "F" : "M";
          fields[C_SOLE] = pick (&state, 4) == 0 ? "Y" : "N";
        }

      g_snprintf (buf[b], 64, "%u %s", 10 + pick (&state, 9000), PICK (&state, streets));
      fields[C_LINE1] = buf[b++];
      if (pick (&state, 3) == 0)
        {
          g_snprintf (buf[b], 64, "SUITE %u", 100 + pick (&state, 400));
          fields[C_LINE2] = buf[b++];
        }
      if (moved)
        {
          g_snprintf (buf[b], 64, "%u NEW OFFICE PKWY", 100 + (guint) (index % 800));
          fields[C_LINE1] = buf[b++];
          fields[C_LINE2] = "";
        }
      fields[C_CITY] = place->city;
      fields[C_STATE] = place->state;
      g_snprintf (buf[b], 64, "%s%02u%04u", place->zip3, pick (&state, 20) + 1, pick (&state, 10000));
      fields[C_ZIP] = buf[b++];
      fields[C_COUNTRY] = "US";
      g_snprintf (buf[b], 64, "%03u%07u", 200 + pick (&state, 780), pick (&state, 10000000));
      fields[C_PHONE] = buf[b++];
      if (pick (&state, 2))
        {
          g_snprintf (buf[b], 64, "%03u%07u", 200 + pick (&state, 780), pick (&state, 10000000));
          fields[C_FAX] = buf[b++];
        }
      fields[C_MAIL1] = fields[C_LINE1];
      fields[C_MAILCITY] = fields[C_CITY];
      fields[C_MAILSTATE] = fields[C_STATE];
      fields[C_MAILZIP] = fields[C_ZIP];
      fields[C_MAILCOUNTRY] = "US";
      fields[C_MAILPHONE] = fields[C_PHONE];
      if (organisation)
        fields[C_AO_PHONE] = fields[C_PHONE];

      date_text (buf[b], &state, 2005 + (int) pick (&state, 18));
      fields[C_ENUM_DATE] = buf[b++];
      date_text (buf[b], &state, 2023 + (int) pick (&state, 2));
      fields[C_UPDATE] = buf[b++];
      if (moved)
        fields[C_UPDATE] = "11/03/2025";
      if (pick (&state, 200) == 0)
        {
          /* Deactivated, then reactivated: active again. */
          fields[C_DEACT] = "03/02/2019";
          fields[C_REACT] = "04/20/2019";
        }

      for (guint t = 0; t < n_tax; t++)
        {
          const Taxonomy *tax = organisation
            ? &taxonomies[N_INDIVIDUAL_TAXONOMIES + pick (&state, G_N_ELEMENTS (taxonomies) -
                                                                  N_INDIVIDUAL_TAXONOMIES)]
            : &taxonomies[pick (&state, N_INDIVIDUAL_TAXONOMIES)];

          fields[C_TAX + 4 * t] = tax->code;
          if (!organisation)
            {
              g_snprintf (buf[b], 64, "%c%06u", 'A' + (char) pick (&state, 26),
                          pick (&state, 1000000));
              fields[C_TAX + 4 * t + 1] = buf[b++];
              fields[C_TAX + 4 * t + 2] = place->state;
            }
          fields[C_TAX + 4 * t + 3] = t == primary ? "Y" : "N";
        }
      if (!organisation && pick (&state, 3) == 0)
        {
          g_snprintf (buf[b], 64, "%08u", pick (&state, 100000000));
          fields[47 + 60] = buf[b++];                /* Other Provider Identifier_1 */
          fields[47 + 61] = "05";                    /* …Type Code_1: Medicaid */
          fields[47 + 62] = place->state;
        }

    write:
      g_assert (b <= G_N_ELEMENTS (buf));
      g_string_truncate (row, 0);
      for (guint i = 0; i < RP_REGISTRY_GEN_NPPES_N_COLUMNS; i++)
        {
          if (i > 0)
            g_string_append_c (row, ',');
          put_field (row, fields[i]);
        }
      g_string_append (row, "\r\n");
      fwrite (row->str, 1, row->len, out);
    }
}

static void
put_csv (GString    *row,
         const char *value)
{
  if (strpbrk (value, ",\"\r\n") != NULL)
    put_field (row, value);
  else
    g_string_append (row, value);
}

void
rp_registry_gen_write_nucc (FILE *out)
{
  g_autoptr(GString) row = g_string_new (NULL);

  fputs ("Code,Grouping,Classification,Specialization,Definition,Notes,Display Name,Section\r\n",
         out);
  for (guint i = 0; i < G_N_ELEMENTS (taxonomies); i++)
    {
      const Taxonomy *t = &taxonomies[i];
      const char *fields[] = { t->code, t->grouping, t->classification, t->specialization,
                               "Definition to come...", "", t->display, t->section };

      g_string_truncate (row, 0);
      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        {
          if (f > 0)
            g_string_append_c (row, ',');
          put_csv (row, fields[f]);
        }
      g_string_append (row, "\r\n");
      fwrite (row->str, 1, row->len, out);
    }
}

/* The first columns of the by-Provider file (data years 2019 and later), as CMS publishes them.
 * The file goes on with the beneficiaries' chronic-condition shares (Bene_CC_*), left out here. */
static const char * const medicare_columns[] = {
  "Rndrng_NPI", "Rndrng_Prvdr_Last_Org_Name", "Rndrng_Prvdr_First_Name", "Rndrng_Prvdr_MI",
  "Rndrng_Prvdr_Crdntls", "Rndrng_Prvdr_Gndr", "Rndrng_Prvdr_Ent_Cd", "Rndrng_Prvdr_St1",
  "Rndrng_Prvdr_St2", "Rndrng_Prvdr_City", "Rndrng_Prvdr_State_Abrvtn",
  "Rndrng_Prvdr_State_FIPS", "Rndrng_Prvdr_Zip5", "Rndrng_Prvdr_RUCA", "Rndrng_Prvdr_RUCA_Desc",
  "Rndrng_Prvdr_Cntry", "Rndrng_Prvdr_Type", "Rndrng_Prvdr_Mdcr_Prtcptg_Ind", "Tot_HCPCS_Cds",
  "Tot_Benes", "Tot_Srvcs", "Tot_Sbmtd_Chrg", "Tot_Mdcr_Alowd_Amt", "Tot_Mdcr_Pymt_Amt",
  "Tot_Mdcr_Stdzd_Amt", "Drug_Sprsn_Ind", "Drug_Tot_HCPCS_Cds", "Drug_Tot_Benes",
  "Drug_Tot_Srvcs", "Med_Sprsn_Ind", "Med_Tot_HCPCS_Cds", "Med_Tot_Benes", "Med_Tot_Srvcs",
  "Bene_Avg_Age", "Bene_Feml_Cnt", "Bene_Male_Cnt", "Bene_Dual_Cnt", "Bene_Ndual_Cnt",
  "Bene_Avg_Risk_Scre",
};

void
rp_registry_gen_write_medicare (FILE   *out,
                                guint64 n_rows,
                                guint32 seed)
{
  g_autoptr(GString) row = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (medicare_columns); i++)
    {
      if (i > 0)
        g_string_append_c (row, ',');
      g_string_append (row, medicare_columns[i]);
    }
  g_string_append (row, "\r\n");
  fwrite (row->str, 1, row->len, out);

  for (guint64 index = 0; index < n_rows; index += 3)
    {
      guint64 state = ((guint64) seed << 32) ^ (index * G_GUINT64_CONSTANT (0x2545F4914F6CDD1D));
      gboolean organisation = pick (&state, 5) == 0;
      guint64 other = index * 31 + 7;
      char npi[11];
      guint benes = 11 + (guint) (next (&other) % 1500);
      guint services = benes * (2 + (guint) (next (&other) % 6));

      if (organisation)
        continue;
      rp_registry_gen_npi (seed, index, npi);
      g_string_truncate (row, 0);
      g_string_append_printf (row,
                              "%s,PROVIDER,,,,,I,,,,,,,,,US,Internal Medicine,Y,%u,%u,%u,"
                              "%u.00,%u.00,%u.00,%u.00,,,,,,,,,72,,,,,1.1\r\n",
                              npi, 5 + benes % 60, benes, services, services * 180,
                              services * 90, services * 70, services * 72);
      fwrite (row->str, 1, row->len, out);
    }
}
