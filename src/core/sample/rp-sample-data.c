/* rp-sample-data.c: the word lists of the sample network.
 *
 * Everything here is sample *content*, like rows a user typed, so none of it is marked for
 * translation: the same seed gives the same database in every locale.
 *
 * The streets, suburbs, ZIP codes and approximate centres are those of the Columbus, Ohio area;
 * the practices, people and phone numbers (555-01xx) are invented. Specialty codes and labels
 * are NUCC Health Care Provider Taxonomy codes; the labels are the short NUCC names that
 * rp-specialties.c keeps (rp-sample.c prefers that table's label when it holds the code).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rp-sample-data.h"

/* Specialties ------------------------------------------------------------------------------- */

static const char * const family_offices[] = {
  "Family Medicine", "Family Practice", "Family Physicians", "Primary Care", NULL
};
static const char * const internal_offices[] = {
  "Internal Medicine", "Internists", "Adult Medicine", NULL
};
static const char * const pediatric_offices[] = {
  "Pediatrics", "Children's Health", "Pediatric Associates", NULL
};
static const char * const cardiology_offices[] = {
  "Heart & Vascular", "Cardiology", "Cardiovascular Associates", NULL
};
static const char * const neurology_offices[] = {
  "Neurology", "Neurology Associates", "Neurology & Sleep", NULL
};
static const char * const women_offices[] = {
  "Women's Health", "OB/GYN", "Women's Care", NULL
};
static const char * const dermatology_offices[] = {
  "Dermatology", "Skin & Laser", "Dermatology Associates", NULL
};
static const char * const endocrine_offices[] = {
  "Endocrinology", "Diabetes & Endocrine Center", NULL
};
static const char * const digestive_offices[] = {
  "Gastroenterology", "Digestive Health", NULL
};
static const char * const plastics_offices[] = {
  "Plastic Surgery", "Aesthetic & Reconstructive Surgery", NULL
};
static const char * const pulmonary_offices[] = {
  "Pulmonary & Sleep", "Lung Associates", NULL
};
static const char * const behavioral_offices[] = {
  "Behavioral Health", "Psychiatry", "Mind & Wellness", NULL
};
static const char * const rheumatology_offices[] = {
  "Rheumatology", "Arthritis & Rheumatology", NULL
};
static const char * const rehab_offices[] = {
  "Physical Medicine & Rehab", "Spine & Rehab", "Pain & Rehab", NULL
};
static const char * const orthopaedic_offices[] = {
  "Orthopaedic Associates", "Bone & Joint", NULL
};
static const char * const nurse_offices[] = {
  "Family Health", "Primary Care", "Walk-In Clinic", NULL
};
static const char * const pt_offices[] = {
  "Physical Therapy", "Sports & Spine PT", "Rehab & Performance", NULL
};
static const char * const eye_offices[] = {
  "Eye Care", "Vision Center", "Family Eye Care", NULL
};
static const char * const foot_offices[] = {
  "Foot & Ankle", "Podiatry", "Foot Care", NULL
};
static const char * const chiropractic_offices[] = {
  "Chiropractic", "Spine & Wellness", NULL
};
static const char * const urgent_offices[] = {
  "Urgent Care", "Walk-In Urgent Care", "Express Care", NULL
};
static const char * const imaging_offices[] = {
  "Imaging", "Open MRI", "Diagnostic Imaging", NULL
};
static const char * const clinic_offices[] = {
  "Family Medicine", "Primary Care", "Medical Group", NULL
};
static const char * const multi_offices[] = {
  "Medical Group", "Physicians Group", "Health Partners", NULL
};

static const RpSampleOutbound primary_outbound[] = {
  { "Medical clearance before total joint replacement", RP_SAMPLE_LINE_JOINT },
  { "Return to primary care after surgery", RP_SAMPLE_LINE_JOINT },
  { "Blood pressure management before surgery", RP_SAMPLE_LINE_JOINT },
  { NULL, 0 }
};
static const RpSampleOutbound cardiology_outbound[] = {
  { "Cardiac clearance before total joint replacement", RP_SAMPLE_LINE_JOINT },
  { "Abnormal pre-operative ECG", RP_SAMPLE_LINE_JOINT },
  { "Cardiac clearance before spinal fusion", RP_SAMPLE_LINE_SPINE },
  { NULL, 0 }
};
static const RpSampleOutbound neurology_outbound[] = {
  { "EMG and nerve conduction study", RP_SAMPLE_LINE_HAND },
  { "Peripheral neuropathy evaluation", RP_SAMPLE_LINE_FOOT },
  { "Myelopathy work-up", RP_SAMPLE_LINE_SPINE },
  { NULL, 0 }
};
static const RpSampleOutbound dermatology_outbound[] = {
  { "Skin lesion near the planned incision", RP_SAMPLE_LINE_JOINT },
  { NULL, 0 }
};
static const RpSampleOutbound endocrine_outbound[] = {
  { "Pre-operative A1c above 8: diabetes optimization", RP_SAMPLE_LINE_JOINT },
  { "Osteoporosis work-up after fragility fracture", RP_SAMPLE_LINE_SPINE },
  { NULL, 0 }
};
static const RpSampleOutbound plastics_outbound[] = {
  { "Complex wound coverage", RP_SAMPLE_LINE_HAND },
  { NULL, 0 }
};
static const RpSampleOutbound pulmonary_outbound[] = {
  { "Sleep apnea screening before surgery", RP_SAMPLE_LINE_JOINT },
  { NULL, 0 }
};
static const RpSampleOutbound behavioral_outbound[] = {
  { "Pre-surgical psychological evaluation", RP_SAMPLE_LINE_SPINE },
  { "Chronic pain coping program", RP_SAMPLE_LINE_SPINE },
  { NULL, 0 }
};
static const RpSampleOutbound rheumatology_outbound[] = {
  { "Suspected inflammatory arthritis", RP_SAMPLE_LINE_HAND },
  { "Gout flare management", RP_SAMPLE_LINE_FOOT },
  { NULL, 0 }
};
static const RpSampleOutbound rehab_outbound[] = {
  { "Interventional pain management", RP_SAMPLE_LINE_SPINE },
  { "Epidural steroid injection", RP_SAMPLE_LINE_SPINE },
  { NULL, 0 }
};
static const RpSampleOutbound pt_outbound[] = {
  { "Rehab after total knee replacement", RP_SAMPLE_LINE_PT },
  { "Rehab after total hip replacement", RP_SAMPLE_LINE_PT },
  { "Rotator cuff repair protocol", RP_SAMPLE_LINE_SPORTS },
  { "ACL reconstruction protocol", RP_SAMPLE_LINE_SPORTS },
  { "Lumbar stabilization program", RP_SAMPLE_LINE_SPINE },
  { "Hand therapy after tendon repair", RP_SAMPLE_LINE_HAND },
  { NULL, 0 }
};
static const RpSampleOutbound foot_outbound[] = {
  { "Diabetic foot care", RP_SAMPLE_LINE_FOOT },
  { "Custom orthotics", RP_SAMPLE_LINE_FOOT },
  { NULL, 0 }
};
static const RpSampleOutbound imaging_outbound[] = {
  { "MRI lumbar spine", RP_SAMPLE_LINE_SPINE },
  { "MRI knee", RP_SAMPLE_LINE_SPORTS },
  { "MRI shoulder arthrogram", RP_SAMPLE_LINE_SPORTS },
  { "DEXA scan", RP_SAMPLE_LINE_SPINE },
  { "CT wrist", RP_SAMPLE_LINE_HAND },
  { NULL, 0 }
};

const RpSampleSpecialty rp_sample_specialties[] = {
  { "207Q00000X", "Family Medicine", RP_SAMPLE_CLINICIAN_PHYSICIAN,
    RP_SAMPLE_FAMILY_PRIMARY, 16, 1.0, 0.04, RP_SAMPLE_LINE_ANY, family_offices,
    primary_outbound },
  { "207R00000X", "Internal Medicine", RP_SAMPLE_CLINICIAN_PHYSICIAN,
    RP_SAMPLE_FAMILY_PRIMARY, 10, 0.9, 0.04, RP_SAMPLE_LINE_ANY, internal_offices,
    primary_outbound },
  { "208000000X", "Pediatrics", RP_SAMPLE_CLINICIAN_PHYSICIAN,
    RP_SAMPLE_FAMILY_PEDIATRICS, 3, 0.4, 0.0, RP_SAMPLE_LINE_SPORTS, pediatric_offices, NULL },
  { "207RC0000X", "Cardiovascular Disease", RP_SAMPLE_CLINICIAN_PHYSICIAN,
    RP_SAMPLE_FAMILY_CARDIOLOGY, 3, 0.25, 0.6, RP_SAMPLE_LINE_JOINT, cardiology_offices,
    cardiology_outbound },
  { "2084N0400X", "Neurology", RP_SAMPLE_CLINICIAN_PHYSICIAN,
    RP_SAMPLE_FAMILY_NEUROLOGY, 3, 0.4, 0.3, RP_SAMPLE_LINE_SPINE, neurology_offices,
    neurology_outbound },
  { "207V00000X", "Obstetrics & Gynecology", RP_SAMPLE_CLINICIAN_PHYSICIAN,
    RP_SAMPLE_FAMILY_WOMEN, 2, 0.15, 0.0, RP_SAMPLE_LINE_HAND, women_offices, NULL },
  { "207N00000X", "Dermatology", RP_SAMPLE_CLINICIAN_PHYSICIAN,
    RP_SAMPLE_FAMILY_DERMATOLOGY, 2, 0.08, 0.5, RP_SAMPLE_LINE_HAND, dermatology_offices,
    dermatology_outbound },
  { "207RE0101X", "Endocrinology, Diabetes & Metabolism",
    RP_SAMPLE_CLINICIAN_PHYSICIAN, RP_SAMPLE_FAMILY_ENDOCRINE, 2, 0.2, 0.45, RP_SAMPLE_LINE_FOOT,
    endocrine_offices, endocrine_outbound },
  { "207RG0100X", "Gastroenterology", RP_SAMPLE_CLINICIAN_PHYSICIAN,
    RP_SAMPLE_FAMILY_DIGESTIVE, 2, 0.05, 0.0, RP_SAMPLE_LINE_ANY, digestive_offices, NULL },
  { "2086S0122X", "Plastic and Reconstructive Surgery", RP_SAMPLE_CLINICIAN_PHYSICIAN,
    RP_SAMPLE_FAMILY_PLASTICS, 1, 0.15, 0.3, RP_SAMPLE_LINE_HAND, plastics_offices,
    plastics_outbound },
  { "207RP1001X", "Pulmonary Disease", RP_SAMPLE_CLINICIAN_PHYSICIAN,
    RP_SAMPLE_FAMILY_PULMONARY, 1, 0.1, 0.5, RP_SAMPLE_LINE_ANY, pulmonary_offices,
    pulmonary_outbound },
  { "2084P0800X", "Psychiatry", RP_SAMPLE_CLINICIAN_PHYSICIAN,
    RP_SAMPLE_FAMILY_BEHAVIORAL, 1, 0.1, 0.7, RP_SAMPLE_LINE_ANY, behavioral_offices,
    behavioral_outbound },
  { "207RR0500X", "Rheumatology", RP_SAMPLE_CLINICIAN_PHYSICIAN,
    RP_SAMPLE_FAMILY_RHEUMATOLOGY, 3, 0.6, 0.2, RP_SAMPLE_LINE_JOINT, rheumatology_offices,
    rheumatology_outbound },
  { "208100000X", "Physical Medicine & Rehabilitation", RP_SAMPLE_CLINICIAN_PHYSICIAN,
    RP_SAMPLE_FAMILY_REHAB, 3, 0.6, 0.35, RP_SAMPLE_LINE_SPINE, rehab_offices, rehab_outbound },
  { "207X00000X", "Orthopaedic Surgery", RP_SAMPLE_CLINICIAN_PHYSICIAN,
    RP_SAMPLE_FAMILY_ORTHOPAEDICS, 1, 0.3, 0.1, RP_SAMPLE_LINE_SPINE, orthopaedic_offices, NULL },
  { "363L00000X", "Nurse Practitioner", RP_SAMPLE_CLINICIAN_NP,
    RP_SAMPLE_FAMILY_PRIMARY, 8, 0.7, 0.03, RP_SAMPLE_LINE_ANY, nurse_offices, primary_outbound },
  { "363A00000X", "Physician Assistant", RP_SAMPLE_CLINICIAN_PA,
    RP_SAMPLE_FAMILY_PRIMARY, 5, 0.6, 0.03, RP_SAMPLE_LINE_ANY, nurse_offices, primary_outbound },
  { "225100000X", "Physical Therapist", RP_SAMPLE_CLINICIAN_PT,
    RP_SAMPLE_FAMILY_PHYSICAL_THERAPY, 6, 0.7, 0.55, RP_SAMPLE_LINE_SPORTS, pt_offices,
    pt_outbound },
  { "152W00000X", "Optometrist", RP_SAMPLE_CLINICIAN_OD,
    RP_SAMPLE_FAMILY_EYE, 1, 0.02, 0.0, RP_SAMPLE_LINE_ANY, eye_offices, NULL },
  { "213E00000X", "Podiatrist", RP_SAMPLE_CLINICIAN_DPM,
    RP_SAMPLE_FAMILY_FOOT, 3, 0.5, 0.2, RP_SAMPLE_LINE_FOOT, foot_offices, foot_outbound },
  { "111N00000X", "Chiropractor", RP_SAMPLE_CLINICIAN_DC,
    RP_SAMPLE_FAMILY_CHIROPRACTIC, 2, 0.5, 0.0, RP_SAMPLE_LINE_SPINE, chiropractic_offices, NULL },

  /* Organisations. */
  { "261QU0200X", "Urgent Care", RP_SAMPLE_CLINICIAN_ORGANIZATION,
    RP_SAMPLE_FAMILY_URGENT_CARE, 3, 1.2, 0.0, RP_SAMPLE_LINE_SPORTS, urgent_offices, NULL },
  { "261QR0200X", "Radiology", RP_SAMPLE_CLINICIAN_ORGANIZATION,
    RP_SAMPLE_FAMILY_IMAGING, 2, 0.7, 0.85, RP_SAMPLE_LINE_ANY, imaging_offices,
    imaging_outbound },
  { "261QP2000X", "Physical Therapy Clinic", RP_SAMPLE_CLINICIAN_ORGANIZATION,
    RP_SAMPLE_FAMILY_PHYSICAL_THERAPY, 2, 0.8, 0.6, RP_SAMPLE_LINE_SPORTS, pt_offices,
    pt_outbound },
  { "261QP2300X", "Primary Care Clinic", RP_SAMPLE_CLINICIAN_ORGANIZATION,
    RP_SAMPLE_FAMILY_PRIMARY, 3, 1.0, 0.04, RP_SAMPLE_LINE_ANY, clinic_offices,
    primary_outbound },
  { "261QM1300X", "Multi-Specialty Clinic", RP_SAMPLE_CLINICIAN_ORGANIZATION,
    RP_SAMPLE_FAMILY_PRIMARY, 1, 0.9, 0.1, RP_SAMPLE_LINE_ANY, multi_offices, primary_outbound },
};

const guint rp_sample_n_specialties = G_N_ELEMENTS (rp_sample_specialties);

/* Areas ------------------------------------------------------------------------------------- */

static const char * const downtown_streets[] = {
  "E Broad St", "N High St", "S 4th St", "E Town St", "N 3rd St", "W Spring St", NULL
};
static const char * const downtown_places[] = { "Capital City", "Scioto Mile", "Downtown", NULL };
static const char * const short_north_streets[] = {
  "N High St", "W 5th Ave", "E 2nd Ave", "Neil Ave", "W 3rd Ave", NULL
};
static const char * const short_north_places[] = {
  "Short North", "Victorian Village", "Italian Village", NULL
};
static const char * const clintonville_streets[] = {
  "N High St", "Indianola Ave", "W North Broadway", "Olentangy River Rd", "E Weber Rd", NULL
};
static const char * const clintonville_places[] = {
  "Clintonville", "Olentangy", "Riverside", "Whetstone", NULL
};
static const char * const german_village_streets[] = {
  "S 3rd St", "City Park Ave", "E Livingston Ave", "Parsons Ave", "S High St", NULL
};
static const char * const german_village_places[] = {
  "German Village", "Schiller Park", "Brewery District", NULL
};
static const char * const easton_streets[] = {
  "Easton Way", "Stelzer Rd", "Morse Crossing", "Morse Rd", "Sunbury Rd", NULL
};
static const char * const easton_places[] = { "Easton", "Alum Creek", NULL };
static const char * const northland_streets[] = {
  "Morse Rd", "Cleveland Ave", "E Dublin-Granville Rd", "Karl Rd", "Sinclair Rd", NULL
};
static const char * const northland_places[] = { "Northland", "Northern Lights", NULL };
static const char * const polaris_streets[] = {
  "Polaris Pkwy", "Gemini Pl", "Orion Pl", "Lyra Dr", "Lazelle Rd", NULL
};
static const char * const polaris_places[] = { "Polaris", "Olentangy", NULL };
static const char * const dublin_streets[] = {
  "Frantz Rd", "Post Rd", "Emerald Pkwy", "Perimeter Dr", "Bridge St", "Avery Rd",
  "Metro Pl N", "Blazer Pkwy", NULL
};
static const char * const dublin_places[] = {
  "Dublin", "Tuttle", "Muirfield", "Bridge Park", "Avery", NULL
};
static const char * const westerville_streets[] = {
  "N State St", "S State St", "Schrock Rd", "Africa Rd", "W Main St", "County Line Rd", NULL
};
static const char * const westerville_places[] = {
  "Westerville", "Uptown", "Alum Creek", NULL
};
static const char * const worthington_streets[] = {
  "High St", "Wilson Bridge Rd", "Huntley Rd", "W Dublin-Granville Rd", "Worthington Woods Blvd",
  "Proprietors Rd", NULL
};
static const char * const worthington_places[] = {
  "Worthington", "Linworth", "Olentangy", NULL
};
static const char * const upper_arlington_streets[] = {
  "Tremont Rd", "Lane Ave", "Northwest Blvd", "Kenny Rd", "Fishinger Rd", "Henderson Rd",
  "Reed Rd", NULL
};
static const char * const upper_arlington_places[] = {
  "Upper Arlington", "Tremont", "Kingsdale", "Arlington", NULL
};
static const char * const grandview_streets[] = {
  "Grandview Ave", "W 1st Ave", "Goodale Blvd", "W 3rd Ave", "Northwest Blvd", NULL
};
static const char * const grandview_places[] = { "Grandview", "Grandview Yard", NULL };
static const char * const bexley_streets[] = {
  "E Main St", "Drexel Ave", "N Cassady Ave", "E Broad St", "College Ave", NULL
};
static const char * const bexley_places[] = { "Bexley", "Alum Creek", "Eastside", NULL };
static const char * const hilliard_streets[] = {
  "Cemetery Rd", "Main St", "Britton Pkwy", "Hilliard Rome Rd", "Fishinger Blvd",
  "Davidson Rd", NULL
};
static const char * const hilliard_places[] = { "Hilliard", "Darby Creek", "Heritage", NULL };
static const char * const gahanna_streets[] = {
  "N Hamilton Rd", "Granville St", "Mill St", "Tech Center Dr", "Stygler Rd", NULL
};
static const char * const gahanna_places[] = { "Gahanna", "Big Walnut", "Creekside", NULL };
static const char * const grove_city_streets[] = {
  "Stringtown Rd", "Broadway", "Hoover Rd", "London-Groveport Rd", "Columbus St", "Home Rd", NULL
};
static const char * const grove_city_places[] = { "Grove City", "Scioto", "Southwest", NULL };
static const char * const reynoldsburg_streets[] = {
  "E Main St", "Brice Rd", "Taylor Rd", "Livingston Ave", "Rosehill Rd", NULL
};
static const char * const reynoldsburg_places[] = {
  "Reynoldsburg", "Blacklick", "Brice", NULL
};
static const char * const new_albany_streets[] = {
  "Johnstown Rd", "Market St", "Smith's Mill Rd", "Forest Dr", "E Dublin-Granville Rd",
  "Village Hall Rd", NULL
};
static const char * const new_albany_places[] = { "New Albany", "Rose Run", "Blacklick", NULL };
static const char * const powell_streets[] = {
  "W Olentangy St", "Liberty St", "Sawmill Pkwy", "Seldom Seen Rd", "Powell Rd", NULL
};
static const char * const powell_places[] = { "Powell", "Liberty", "Olentangy", NULL };
static const char * const pickerington_streets[] = {
  "Hill Rd N", "Refugee Rd", "Diley Rd", "Windmiller Dr", "Stonecreek Dr", NULL
};
static const char * const pickerington_places[] = { "Pickerington", "Sycamore Creek", NULL };
static const char * const canal_winchester_streets[] = {
  "Gender Rd", "Winchester Pike", "W Waterloo St", "Canal St", NULL
};
static const char * const canal_winchester_places[] = { "Canal Winchester", "Ohio & Erie", NULL };
static const char * const lewis_center_streets[] = {
  "Lewis Center Rd", "Orange Rd", "S Old State Rd", "Green Meadows Dr", NULL
};
static const char * const lewis_center_places[] = { "Lewis Center", "Orange Township", NULL };

const RpSampleArea rp_sample_areas[] = {
  { "Columbus", "43215", 39.9612, -82.9988, 8, downtown_streets, downtown_places },
  { "Columbus", "43201", 39.9842, -83.0040, 5, short_north_streets, short_north_places },
  { "Columbus", "43214", 40.0440, -83.0180, 6, clintonville_streets, clintonville_places },
  { "Columbus", "43206", 39.9480, -82.9930, 4, german_village_streets, german_village_places },
  { "Columbus", "43219", 40.0510, -82.9160, 5, easton_streets, easton_places },
  { "Columbus", "43229", 40.0860, -82.9780, 4, northland_streets, northland_places },
  { "Columbus", "43240", 40.1446, -82.9830, 5, polaris_streets, polaris_places },
  { "Dublin", "43017", 40.0992, -83.1141, 7, dublin_streets, dublin_places },
  { "Westerville", "43081", 40.1262, -82.9291, 6, westerville_streets, westerville_places },
  { "Worthington", "43085", 40.0931, -83.0180, 5, worthington_streets, worthington_places },
  { "Upper Arlington", "43221", 40.0270, -83.0627, 5, upper_arlington_streets,
    upper_arlington_places },
  { "Grandview Heights", "43212", 39.9795, -83.0410, 3, grandview_streets, grandview_places },
  { "Bexley", "43209", 39.9690, -82.9377, 3, bexley_streets, bexley_places },
  { "Hilliard", "43026", 40.0334, -83.1582, 5, hilliard_streets, hilliard_places },
  { "Gahanna", "43230", 40.0192, -82.8793, 4, gahanna_streets, gahanna_places },
  { "Grove City", "43123", 39.8815, -83.0930, 4, grove_city_streets, grove_city_places },
  { "Reynoldsburg", "43068", 39.9548, -82.8121, 3, reynoldsburg_streets, reynoldsburg_places },
  { "New Albany", "43054", 40.0812, -82.8088, 3, new_albany_streets, new_albany_places },
  { "Powell", "43065", 40.1578, -83.0752, 3, powell_streets, powell_places },
  { "Pickerington", "43147", 39.8842, -82.7535, 2, pickerington_streets, pickerington_places },
  { "Canal Winchester", "43110", 39.8431, -82.8046, 2, canal_winchester_streets,
    canal_winchester_places },
  { "Lewis Center", "43035", 40.1984, -83.0100, 2, lewis_center_streets, lewis_center_places },
};

const guint rp_sample_n_areas = G_N_ELEMENTS (rp_sample_areas);

/* Service lines of "Scioto Valley Orthopedics & Spine" ---------------------------------------- */

const char * const rp_sample_service_lines[RP_SAMPLE_N_LINES] = {
  "Joint replacement",
  "Sports medicine",
  "Spine",
  "Hand & wrist",
  "Foot & ankle",
  "Physical therapy",
};

const guint rp_sample_line_weights[RP_SAMPLE_N_LINES] = { 25, 20, 25, 12, 10, 8 };

static const char * const joint_reasons[] = {
  "Right knee osteoarthritis, failed conservative care",
  "Left knee osteoarthritis, evaluate for replacement",
  "Right hip pain, evaluate for total hip replacement",
  "Left hip osteoarthritis with limited mobility",
  "Painful total knee, revision consult",
  "Shoulder arthritis, evaluate for replacement",
  "Avascular necrosis of the hip",
  NULL
};
static const char * const sports_reasons[] = {
  "ACL tear, MRI confirmed",
  "Suspected meniscus tear",
  "Rotator cuff tear",
  "Recurrent shoulder dislocation",
  "Ankle sprain not improving after 6 weeks",
  "Patellar tendinopathy in a runner",
  "Labral tear of the hip",
  "Tennis elbow, failed injections",
  NULL
};
static const char * const spine_reasons[] = {
  "Lumbar radiculopathy",
  "Cervical stenosis with hand numbness",
  "Chronic low back pain, failed physical therapy",
  "Sciatica with foot weakness",
  "Compression fracture",
  "Spondylolisthesis, surgical opinion",
  "Neck pain after car accident",
  NULL
};
static const char * const hand_reasons[] = {
  "Carpal tunnel syndrome",
  "Trigger finger",
  "Distal radius fracture",
  "De Quervain's tenosynovitis",
  "Thumb base arthritis",
  "Ganglion cyst of the wrist",
  NULL
};
static const char * const foot_reasons[] = {
  "Achilles tendinopathy",
  "Painful bunion",
  "Plantar fasciitis, refractory",
  "Ankle fracture",
  "Hallux rigidus",
  "Chronic ankle instability",
  NULL
};
static const char * const pt_reasons[] = {
  "Post-operative rehab",
  "Low back pain, physical therapy evaluation",
  "Shoulder impingement, physical therapy",
  "Gait and balance training",
  "Sports performance return-to-play testing",
  NULL
};

const char * const * const rp_sample_inbound_reasons[RP_SAMPLE_N_LINES] = {
  joint_reasons, sports_reasons, spine_reasons, hand_reasons, foot_reasons, pt_reasons,
};

static const char * const joint_outcomes[] = {
  "Total knee replacement scheduled",
  "Total hip replacement scheduled",
  "Injection given; recheck in 3 months",
  "Conservative care with physical therapy",
  "Not a surgical candidate yet; weight-loss plan",
  NULL
};
static const char * const sports_outcomes[] = {
  "Arthroscopy scheduled",
  "ACL reconstruction scheduled",
  "Physical therapy for 6 weeks, then recheck",
  "Bracing and activity modification",
  "MRI ordered",
  NULL
};
static const char * const spine_outcomes[] = {
  "Physical therapy and follow-up in 6 weeks",
  "Epidural injection scheduled",
  "Surgery scheduled",
  "MRI ordered",
  "Referred to pain management",
  NULL
};
static const char * const hand_outcomes[] = {
  "Carpal tunnel release scheduled",
  "Steroid injection given",
  "Splinting and hand therapy",
  "Fracture fixed; therapy started",
  NULL
};
static const char * const foot_outcomes[] = {
  "Custom orthotics and stretching",
  "Surgery scheduled",
  "Boot and physical therapy",
  "Injection given",
  NULL
};
static const char * const pt_outcomes[] = {
  "Evaluation done; 2 visits a week for 6 weeks",
  "Discharged with a home program",
  "Plan of care sent to the referring office",
  NULL
};

const char * const * const rp_sample_outcomes[RP_SAMPLE_N_LINES] = {
  joint_outcomes, sports_outcomes, spine_outcomes, hand_outcomes, foot_outcomes, pt_outcomes,
};

/* People ------------------------------------------------------------------------------------ */

/* Varied on purpose, with accents, so search without them is exercised ("pena" finds Peña). */
const char * const rp_sample_first_names[] = {
  "María", "José", "Zoë", "Chloé", "Renée", "Noémie", "Andrés", "Sofía", "Ángel", "Thảo",
  "Minh", "Priya", "Aarav", "Wei", "Mei", "Olumide", "Chidi", "Fatima", "Omar", "Yusuf",
  "Aisha", "Hannah", "Emily", "Michael", "David", "Sarah", "James", "Jennifer", "Robert",
  "Linda", "Mark", "Laura", "Kevin", "Rachel", "Daniel", "Grace", "Samuel", "Olivia", "Ethan",
  "Amara", "Keisha", "Marcus", "Jamal", "Tanisha", "Hiroshi", "Yuki", "Ji-ho", "Dmitri",
  "Anya", "Elena", "Lucía", "Mateo", "Camila", "Diego", "Nadia", "Rahul", "Anjali", "Sanjay",
  "Deepa", "Kwame", "Abena", "Ifeoma", "Tomás", "Inés", "François", "Hélène", "Joaquín",
  "Raúl", "Mónica", "Brian", "Christopher", "Jessica", "Ashley", "Matthew", "Nicole", "Andrew",
  "Stephanie", "Joshua", "Megan", "Ryan", "Lauren", "Tyler", "Kayla", "Benjamin", "Abigail",
  "Nathan", "Hana", "Leila", "Karim", "Mohammed", "Layla", "Seo-yeon", "Tuấn", "Linh", "Bảo",
  "Søren", "Ingrid", "Patrick", "Siobhán", "Connor", "Margaret", "Susan", "Thomas", "Carol",
  NULL
};

const char * const rp_sample_last_names[] = {
  "Peña", "Nguyễn", "López", "García", "Hernández", "Martínez", "Ramírez", "Ortiz", "Morales",
  "Castillo", "Reyes", "Cruz", "Trần", "Phạm", "Lê", "Smith", "Johnson", "Williams", "Brown",
  "Miller", "Davis", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
  "Thompson", "White", "Harris", "Clark", "Lewis", "Walker", "Hall", "Young", "King", "Wright",
  "Scott", "Green", "Baker", "Adams", "Nelson", "Carter", "Mitchell", "Roberts", "Turner",
  "Phillips", "Campbell", "Parker", "Evans", "Edwards", "Collins", "Stewart", "Murphy", "Cook",
  "Rogers", "Morgan", "Cooper", "Peterson", "Bailey", "Reed", "Kelly", "Howard", "Patel",
  "Shah", "Mehta", "Iyer", "Reddy", "Kim", "Park", "Choi", "Chen", "Wang", "Li", "Zhang", "Liu",
  "Okafor", "Adeyemi", "Mensah", "Okonkwo", "Abubakar", "O'Brien", "McAllister", "Sullivan",
  "Fitzgerald", "Brennan", "Schmidt", "Müller", "Schröder", "Kowalski", "Nowak", "Rossi",
  "Russo", "Haddad", "Khalil", "Yılmaz", "Sato", "Tanaka", "Yamamoto", "Novák", "Dvořák",
  "Søndergaard", "Björklund", "Zieliński", "Hoffmann", "Fischer", "Washington", "Jefferson",
  NULL
};

/* Names any Columbus practice might take, wherever it sits. */
const char * const rp_sample_generic_places[] = {
  "Central Ohio", "Capital City", "Buckeye", "Olentangy", "Scioto", "Mid-Ohio", "Franklin",
  "Heartland", "Riverbend", "Hoover", NULL
};

const char * const rp_sample_contact_names[] = {
  "Carla", "Denise", "Tyrone", "Brenda", "Luis", "Krista", "Shawna", "Marisol", "Debbie",
  "Angela", "Tasha", "Jill", "Rosa", "Kim", "Becky", "Donna", "Héctor", "Yolanda", "Trish",
  "Gina", NULL
};

const char * const rp_sample_contact_roles[] = {
  "Front desk", "Office manager", "Referral coordinator", "Practice manager", "Scheduler",
  "Medical assistant", NULL
};

const char * const rp_sample_best_times[] = {
  "Tue/Thu mornings", "Mon–Wed after 2 pm", "Fridays before noon", "Lunch (bring food for 8)",
  "Call ahead; mornings only", "Wednesdays 12–1", "Any weekday 3–4:30 pm",
  "Thursdays after clinic", "Before 8:30 am", "No drop-ins; book with the office manager",
  NULL
};

const char * const rp_sample_tags[] = {
  "lunch-and-learn", "spine", "sports", "joint replacement", "hand", "foot & ankle",
  "high potential", "new practice", "competitor-loyal", "Spanish-speaking staff", "prefers fax",
  "EMR: Epic", "EMR: athenahealth", "workers' comp", "Medicare Advantage", "residency faculty",
  NULL
};

const char * const rp_sample_partner_notes[] = {
  "Prefers referral updates by fax, not the portal.",
  "Trained at Ohio State; interested in sports medicine.",
  "Opened a second office last year.",
  "Sends most spine cases to a competitor; stress our same-week access.",
  "The office manager decides who gets a visit.",
  "Asks for a direct line for urgent fractures.",
  "Patients mention parking trouble at our main campus.",
  "Likes the quarterly outcome summaries.",
  "New to the area and building a referral network.",
  "Retiring next year; a partner is taking over the panel.",
  "Answers e-mail the same day.",
  "Heavy workers' comp volume.",
  "Coaches a high-school team; ask about the athletic trainer program.",
  NULL
};

/* Referrals ---------------------------------------------------------------------------------- */

const char * const rp_sample_referral_notes[] = {
  "Patient prefers the Dublin office.",
  "Needs a Spanish interpreter.",
  "Workers' comp claim; adjuster to be copied.",
  "Prior authorization pending.",
  "Imaging on a disc from an outside hospital.",
  "Patient asked for a Saturday appointment.",
  "Referring office asked for a call back after the visit.",
  NULL
};

const char * const rp_sample_declined_reasons[] = {
  "Patient chose another provider",
  "Insurance not accepted",
  "Patient declined a surgical consult",
  "Not indicated after triage",
  NULL
};

const char * const rp_sample_no_show_reasons[] = {
  "Did not come to the appointment; two call-backs unanswered",
  "No-show; transportation problem",
  "Missed the appointment and did not reschedule",
  NULL
};

const char * const rp_sample_lost_reasons[] = {
  "Could not reach the patient after three attempts",
  "Wrong phone number on the referral",
  "Patient moved out of the area",
  NULL
};

/* Activities and tasks ----------------------------------------------------------------------- */

const char * const rp_sample_event_topics[] = {
  "Lunch-and-learn: anterior hip replacement",
  "Lunch-and-learn: low back pain in primary care",
  "Lunch-and-learn: ACL injuries in young athletes",
  "Lunch-and-learn: when to refer shoulder pain",
  "Lunch-and-learn: hand and wrist red flags",
  "Lunch-and-learn: our same-week access program",
  NULL
};

const char * const rp_sample_follow_up_titles[] = {
  "Follow up on the scheduling complaint",
  "Send the new sports medicine clinic hours",
  "Confirm the lunch-and-learn date",
  "Check that the office has our new fax number",
  "Ask about the drop in spine referrals",
  "Send the joint replacement outcomes sheet",
  "Introduce the new hand surgeon",
  "Call the office manager about portal access",
  NULL
};

const char * const rp_sample_visit_task_titles[] = {
  "Drop off new referral pads",
  "Bring the updated spine brochure",
  "Meet the new nurse practitioner",
  "Quarterly check-in visit",
  NULL
};

const char * const rp_sample_custom_task_titles[] = {
  "Order lunch for the lunch-and-learn",
  "Restock referral pads and brochures",
  "Update the quarterly referral report",
  "Plan next month's visit route",
  NULL
};

const char * const rp_sample_visit_objectives[] = {
  "Thank them for recent referrals; ask about loop-closing preferences",
  "Introduce the new hand surgeon",
  "Re-engage: no referrals in four months",
  "Drop off spine referral pads",
  "Confirm the lunch-and-learn date",
  "Explain same-week access for sports injuries",
  "Meet the new office manager",
  NULL
};

const char * const rp_sample_thank_you_texts[] = {
  "Handwritten thank-you note for the referral",
  "Thank-you card and cookies for the front desk",
  "Thanked the doctor by e-mail",
  "Thank-you note with the surgeon's card",
  NULL
};

const char * const rp_sample_update_texts[] = {
  "Sent the consult note and plan to the referring office",
  "Faxed the visit summary",
  "Shared the operative report and rehab plan",
  "Sent the discharge summary from physical therapy",
  NULL
};

const RpSampleActivityText rp_sample_visit_texts[] = {
  { "Dropped off referral pads and the new spine brochure", "Referral pads, spine brochure" },
  { "Met the office manager about scheduling access", NULL },
  { "Introduced our sports medicine team", "Sports medicine flyer, business cards" },
  { "Reviewed last quarter's referrals with the doctor", "Quarterly referral report" },
  { "Brought breakfast for the staff", "Bagels and coffee" },
  { "Quick stop to say thanks; left cards", "Business cards" },
  { "Walked through the same-week access program", "Same-week access card" },
  { NULL, NULL }
};

const RpSampleActivityText rp_sample_call_texts[] = {
  { "Called about a delayed appointment", NULL },
  { "Checked the fax workflow with the referral coordinator", NULL },
  { "Called to schedule a lunch-and-learn", NULL },
  { "Returned a call about a patient's imaging", NULL },
  { "Checked in after the office's move", NULL },
  { NULL, NULL }
};

const RpSampleActivityText rp_sample_email_texts[] = {
  { "Sent the same-week access schedule", NULL },
  { "Shared the new hand and wrist clinic hours", NULL },
  { "Sent the quarterly outcome summary", NULL },
  { "Replied about insurance plans we accept", NULL },
  { NULL, NULL }
};

const RpSampleActivityText rp_sample_feedback_texts[] = {
  { "Front desk says patients wait too long for call-backs", NULL },
  { "Doctor praised the quick turnaround on reports", NULL },
  { "Patients like the Dublin location", NULL },
  { "Asked for fewer faxes and more portal messages", NULL },
  { NULL, NULL }
};

const RpSampleActivityText rp_sample_note_texts[] = {
  { "New office manager starts next month", NULL },
  { "Practice is joining a larger group in the spring", NULL },
  { "Doctor is on leave for six weeks", NULL },
  { "Office now closes at noon on Fridays", NULL },
  { NULL, NULL }
};

/* The sample practice's profile, which referral packets print. The people are invented; the
 * stories name referring offices' roles, never a patient. */

/* A mark drawn for the sample: a teal rounded square with a white spine-and-joint glyph and the
 * practice's initials. Plain SVG 1.1 that librsvg and any browser render. */
const char rp_sample_logo_svg[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"240\" height=\"240\""
  " viewBox=\"0 0 240 240\">\n"
  "  <rect x=\"8\" y=\"8\" width=\"224\" height=\"224\" rx=\"44\" fill=\"#1c6e73\"/>\n"
  "  <path d=\"M120 40 C 150 70, 90 100, 120 130 S 150 170, 120 200\" fill=\"none\""
  " stroke=\"#ffffff\" stroke-width=\"14\" stroke-linecap=\"round\"/>\n"
  "  <circle cx=\"120\" cy=\"58\" r=\"10\" fill=\"#f2b84b\"/>\n"
  "  <circle cx=\"120\" cy=\"130\" r=\"10\" fill=\"#f2b84b\"/>\n"
  "  <circle cx=\"120\" cy=\"200\" r=\"10\" fill=\"#f2b84b\"/>\n"
  "  <text x=\"52\" y=\"136\" font-family=\"sans-serif\" font-size=\"40\" font-weight=\"bold\""
  " fill=\"#ffffff\">S</text>\n"
  "  <text x=\"162\" y=\"136\" font-family=\"sans-serif\" font-size=\"40\" font-weight=\"bold\""
  " fill=\"#ffffff\">V</text>\n"
  "</svg>\n";

const RpSampleProfileEntry rp_sample_services[] = {
  { "Joint replacement", NULL,
    "Total and partial knee and hip replacement with a rapid-recovery pathway: a pre-operative "
    "class, same-day walking, and most patients home the next day. Our surgeons perform more "
    "than 900 replacements a year at Riverside Methodist and our outpatient surgery centre." },
  { "Sports medicine", NULL,
    "Care for athletes of every age and level, from weekend runners to high-school teams: ACL "
    "and meniscus injuries, shoulder instability, concussion screening and return-to-play plans. "
    "Injured athletes are seen within two business days." },
  { "Spine care", NULL,
    "Neck and back pain, sciatica, stenosis and disc disease, treated conservatively first. "
    "Physiatrists, pain specialists and fellowship-trained spine surgeons share one clinic, so "
    "your patients see the right specialist without a second referral." },
  { "Hand & wrist", NULL,
    "Carpal tunnel and trigger finger release, fractures, tendon repair and arthritis of the hand, "
    "with certified hand therapists on site. Most procedures are done in the office under local "
    "anaesthesia, with no trip to the operating room." },
  { "Foot & ankle", NULL,
    "Ankle sprains and fractures, bunions, plantar fasciitis, Achilles injuries and diabetic foot "
    "problems. Custom orthotics are fitted the same day in our Dublin clinic." },
  { "Fracture & walk-in care", NULL,
    "A walk-in orthopaedic clinic for new injuries, Monday to Saturday, with X-ray on site: a "
    "faster and less costly alternative to the emergency department for sprains, strains and "
    "simple fractures." },
  { "Physical therapy", NULL,
    "Physical and occupational therapy at both locations, with early-morning and evening hours. "
    "Therapists work beside our physicians and send progress notes to the referring office after "
    "every fourth visit." },
  { NULL, NULL, NULL }
};

const RpSampleProfileEntry rp_sample_providers[] = {
  { "Dr. Miriam Okafor", "MD, FAAOS · Adult reconstruction (hip and knee)",
    "Dr. Okafor leads our joint replacement programme. She trained at the Cleveland Clinic and "
    "has a special interest in outpatient knee replacement and revision surgery." },
  { "Dr. Daniel Reyes", "DO · Sports medicine and arthroscopy",
    "Team physician for two Columbus high schools, Dr. Reyes treats knee and shoulder injuries "
    "and speaks Spanish with his patients." },
  { "Dr. Priya Natarajan", "MD · Spine surgery",
    "A fellowship-trained spine surgeon who favours the least invasive option, Dr. Natarajan "
    "operates only when conservative care has run its course." },
  { "Dr. Thomas Lindqvist", "MD · Hand and upper extremity",
    "Dr. Lindqvist performs wide-awake hand surgery in the office and returns most carpal tunnel "
    "patients to work within a week." },
  { "Karen Whitfield", "PA-C · Fracture & walk-in clinic",
    "Karen runs the walk-in clinic at the main campus and sees most new injuries the day they "
    "happen." },
  { NULL, NULL, NULL }
};

/* Title: attribution; body: the quote. */
const RpSampleProfileEntry rp_sample_stories[] = {
  { "Family physician, Clintonville", NULL,
    "My patient was seen the day after I faxed the referral, and the consult note was on my desk "
    "before she came back to see me." },
  { "Office manager, Westerville pediatric practice", NULL,
    "Their walk-in clinic has kept our families out of the emergency room on Saturdays. One call "
    "and the injury is seen within the hour." },
  { "Internal medicine physician, Dublin", NULL,
    "The spine team tried therapy first and kept me informed at every step. Surgery was never "
    "needed, and my patient is back to work." },
  { NULL, NULL, NULL }
};

const char rp_sample_what_to_send[] =
  "Referral form or order with the reason for referral\n"
  "Recent office notes and medication list\n"
  "X-ray, MRI or CT reports (images on disc if taken outside OhioHealth or OSU)\n"
  "Front and back of the insurance card\n"
  "Prior authorization number when the plan requires one";

const char rp_sample_insurances[] =
  "Aetna\n"
  "Anthem Blue Cross Blue Shield\n"
  "CareSource\n"
  "Cigna\n"
  "Humana\n"
  "Medical Mutual of Ohio\n"
  "Medicare\n"
  "Ohio Medicaid\n"
  "UnitedHealthcare\n"
  "Workers' compensation (BWC)";
