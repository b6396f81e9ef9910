/* rp-sample-data.h: the word lists the sample network generator draws from (private to
 * rp-sample.c).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The sample practice's service lines, in the order of rp_sample_service_lines. */
typedef enum
{
  RP_SAMPLE_LINE_JOINT,
  RP_SAMPLE_LINE_SPORTS,
  RP_SAMPLE_LINE_SPINE,
  RP_SAMPLE_LINE_HAND,
  RP_SAMPLE_LINE_FOOT,
  RP_SAMPLE_LINE_PT,
  RP_SAMPLE_N_LINES,
  RP_SAMPLE_LINE_ANY = -1,
} RpSampleLine;

/* How a partner of a specialty signs their name. */
typedef enum
{
  RP_SAMPLE_CLINICIAN_PHYSICIAN,  /* "Dr." + MD or DO */
  RP_SAMPLE_CLINICIAN_NP,
  RP_SAMPLE_CLINICIAN_PA,
  RP_SAMPLE_CLINICIAN_PT,
  RP_SAMPLE_CLINICIAN_OD,
  RP_SAMPLE_CLINICIAN_DPM,
  RP_SAMPLE_CLINICIAN_DC,
  RP_SAMPLE_CLINICIAN_ORGANIZATION,
} RpSampleClinician;

/* Offices of one family can employ each other's clinicians (an NP joins a family practice). */
typedef enum
{
  RP_SAMPLE_FAMILY_PRIMARY,
  RP_SAMPLE_FAMILY_CARDIOLOGY,
  RP_SAMPLE_FAMILY_NEUROLOGY,
  RP_SAMPLE_FAMILY_WOMEN,
  RP_SAMPLE_FAMILY_DERMATOLOGY,
  RP_SAMPLE_FAMILY_ENDOCRINE,
  RP_SAMPLE_FAMILY_DIGESTIVE,
  RP_SAMPLE_FAMILY_PLASTICS,
  RP_SAMPLE_FAMILY_PULMONARY,
  RP_SAMPLE_FAMILY_BEHAVIORAL,
  RP_SAMPLE_FAMILY_RHEUMATOLOGY,
  RP_SAMPLE_FAMILY_REHAB,
  RP_SAMPLE_FAMILY_ORTHOPAEDICS,
  RP_SAMPLE_FAMILY_PHYSICAL_THERAPY,
  RP_SAMPLE_FAMILY_EYE,
  RP_SAMPLE_FAMILY_FOOT,
  RP_SAMPLE_FAMILY_CHIROPRACTIC,
  RP_SAMPLE_FAMILY_URGENT_CARE,
  RP_SAMPLE_FAMILY_IMAGING,
  RP_SAMPLE_FAMILY_PEDIATRICS,
  RP_SAMPLE_N_FAMILIES,
} RpSampleFamily;

/* What the sample practice sends a partner, and the service line the patient came through. */
typedef struct
{
  const char   *reason;
  RpSampleLine  line;
} RpSampleOutbound;

typedef struct
{
  const char             *code;            /* NUCC Health Care Provider Taxonomy code */
  const char             *label;           /* its short NUCC name */
  RpSampleClinician       clinician;
  RpSampleFamily          family;
  guint                   frequency;       /* relative share of the network's partners */
  double                  referral_weight; /* how much this specialty refers to orthopaedics */
  double                  outbound_share;  /* share of its referrals that go out to it */
  RpSampleLine            preferred_line;  /* what it mostly sends us */
  const char * const     *office_suffixes; /* NULL-terminated: "Family Medicine", … */
  const RpSampleOutbound *outbound;        /* terminated by a NULL reason; NULL = none */
} RpSampleSpecialty;

typedef struct
{
  const char         *city;
  const char         *zip;
  double              latitude;
  double              longitude;
  guint               weight;
  const char * const *streets;        /* real streets of the area, NULL-terminated */
  const char * const *place_names;    /* local names practices take, NULL-terminated */
} RpSampleArea;

typedef struct
{
  const char *summary;
  const char *materials;  /* NULL or what was left behind */
} RpSampleActivityText;

/* One service, provider or success story of the sample practice's profile. */
typedef struct
{
  const char *title;
  const char *detail;
  const char *body;
} RpSampleProfileEntry;

extern const RpSampleSpecialty    rp_sample_specialties[];
extern const guint                rp_sample_n_specialties;
extern const RpSampleArea         rp_sample_areas[];
extern const guint                rp_sample_n_areas;

extern const char * const         rp_sample_service_lines[RP_SAMPLE_N_LINES];
extern const guint                rp_sample_line_weights[RP_SAMPLE_N_LINES];
/* Per service line, NULL-terminated. */
extern const char * const * const rp_sample_inbound_reasons[RP_SAMPLE_N_LINES];
extern const char * const * const rp_sample_outcomes[RP_SAMPLE_N_LINES];

/* NULL-terminated lists. */
extern const char * const rp_sample_first_names[];
extern const char * const rp_sample_last_names[];
extern const char * const rp_sample_generic_places[];
extern const char * const rp_sample_contact_names[];
extern const char * const rp_sample_contact_roles[];
extern const char * const rp_sample_best_times[];
extern const char * const rp_sample_tags[];
extern const char * const rp_sample_partner_notes[];
extern const char * const rp_sample_referral_notes[];
extern const char * const rp_sample_declined_reasons[];
extern const char * const rp_sample_no_show_reasons[];
extern const char * const rp_sample_lost_reasons[];
extern const char * const rp_sample_event_topics[];
extern const char * const rp_sample_follow_up_titles[];
extern const char * const rp_sample_visit_task_titles[];
extern const char * const rp_sample_custom_task_titles[];
extern const char * const rp_sample_visit_objectives[];
extern const char * const rp_sample_thank_you_texts[];
extern const char * const rp_sample_update_texts[];
extern const RpSampleActivityText rp_sample_visit_texts[];
extern const RpSampleActivityText rp_sample_call_texts[];
extern const RpSampleActivityText rp_sample_email_texts[];
extern const RpSampleActivityText rp_sample_feedback_texts[];
extern const RpSampleActivityText rp_sample_note_texts[];

/* The sample practice's profile: its logo (SVG text), its entries (each NULL-title-terminated)
 * and its one-a-line lists. */
extern const char                 rp_sample_logo_svg[];
extern const RpSampleProfileEntry rp_sample_services[];
extern const RpSampleProfileEntry rp_sample_providers[];
extern const RpSampleProfileEntry rp_sample_stories[];
extern const char                 rp_sample_what_to_send[];
extern const char                 rp_sample_insurances[];

G_END_DECLS
