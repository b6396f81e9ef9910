/* rp-store-prospects.h: the public registries in the store: prospects (providers of the NPPES
 * file an import kept), the NUCC taxonomy's labels, Medicare volumes and what the registry says
 * of each partner's NPI. The importers that fill them are in src/core/registry.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rp-enums.h"
#include "rp-geo.h"
#include "rp-store.h"

G_BEGIN_DECLS

/* One provider as the NPPES file gives it; the strings are borrowed. Dates are YYYY-MM-DD. */
typedef struct
{
  const char *npi;
  int         entity;          /* 1 individual, 2 organisation */
  const char *prefix;
  const char *first_name;
  const char *middle_name;
  const char *last_name;
  const char *credentials;
  const char *organization;
  const char *street;
  const char *street2;
  const char *city;
  const char *state;
  const char *zip;             /* ZIP+4 as the file has it, without dash */
  const char *phone;
  const char *fax;
  const char *taxonomy_code;   /* the primary one */
  const char *taxonomy_codes;  /* all, separated by spaces */
  const char *last_update;
  gboolean    placed;          /* lat and lon are the ZIP code's centroid */
  double      lat;
  double      lon;
  double      distance_km;     /* to the nearest practice location; < 0 when unknown */
} RpProspectRecord;

typedef enum
{
  RP_PROSPECT_UNCHANGED,
  RP_PROSPECT_INSERTED,
  RP_PROSPECT_UPDATED,
} RpProspectOutcome;

/* Inside the caller's transaction: adds the prospect, or updates it when @record's Last Update
 * Date is later than the stored one's (or the stored one was deactivated). The user's decision
 * and partner link are kept. */
gboolean    rp_store_upsert_prospect        (RpStore                *self,
                                             const RpProspectRecord *record,
                                             RpProspectOutcome      *outcome,
                                             GError                **error);
/* Marks the prospect of @npi (and the registry copy of a partner's NPI) deactivated on @day;
 * *@changed says whether a prospect was active until now. */
gboolean    rp_store_deactivate_prospect    (RpStore                *self,
                                             const char             *npi,
                                             const char             *day,
                                             gboolean               *changed,
                                             GError                **error);
/* Keeps what the registry says of a partner's NPI (in the caller's transaction). */
gboolean    rp_store_save_partner_registry  (RpStore                *self,
                                             const RpProspectRecord *record,
                                             GError                **error);
/* The NPIs of the partners (archived or not): a set of strings. */
GHashTable *rp_store_dup_partner_npis       (RpStore                *self,
                                             GError                **error);
/* Every ZIP centroid of the gazetteer: a table of five-digit ZIP → RpGeoPoint*. */
GHashTable *rp_store_dup_zcta_points        (RpStore                *self,
                                             GError                **error);
/* Recomputes every prospect's organisation size and score (see rp_store_rescore_prospects in
 * the source for the weights). */
gboolean    rp_store_rescore_prospects      (RpStore                *self,
                                             GError                **error);
guint       rp_store_count_prospects        (RpStore                *self,
                                             gboolean                deactivated);

/* NUCC and Medicare rows, in the caller's transaction. */
gboolean    rp_store_save_taxonomy          (RpStore                *self,
                                             const char             *code,
                                             const char             *grouping,
                                             const char             *classification,
                                             const char             *specialization,
                                             const char             *display_name,
                                             const char             *section,
                                             GError                **error);
/* The NUCC label of @code ("Cardiovascular Disease Physician"), or NULL when not imported. */
char       *rp_store_dup_taxonomy_label     (RpStore                *self,
                                             const char             *code);
/* The codes whose NUCC grouping, classification or display name is @name (any case). */
GPtrArray  *rp_store_find_taxonomy_codes    (RpStore                *self,
                                             const char             *name,
                                             GError                **error);
gboolean    rp_store_save_medicare_volume   (RpStore                *self,
                                             const char             *npi,
                                             int                     year,
                                             const char             *provider_type,
                                             gint64                  patients,
                                             gint64                  services,
                                             GError                **error);
/* Medicare patients per year of @npi and its year; FALSE when none was imported. */
gboolean    rp_store_get_medicare_volume    (RpStore                *self,
                                             const char             *npi,
                                             gint64                 *patients,
                                             int                    *year);

/* Medicare patients a year of one NPI, and the data year. */
typedef struct
{
  gint64 patients;
  int    year;
} RpMedicareVolume;

/* The Medicare volumes of the partners whose NPI the Medicare file has: a table of partner id
 * (gint64*) → RpMedicareVolume*. */
GHashTable *rp_store_dup_partner_medicare_volumes (RpStore         *self,
                                                   GError         **error);

/* One row of the Prospects page. */
typedef struct
{
  gint64  id;
  char   *npi;
  int     entity;
  char   *display_name;
  char   *credentials;
  char   *organization;
  char   *street;
  char   *city;
  char   *state;
  char   *zip;
  char   *phone;
  char   *taxonomy_code;
  char   *taxonomy_label;  /* NUCC display name; "" before the NUCC import */
  char   *last_update;
  char   *deactivated_on;  /* NULL while active */
  double  lat;
  double  lon;
  gboolean placed;
  double  distance_km;     /* < 0 unknown */
  gint64  medicare_patients; /* < 0 unknown */
  int     medicare_year;
  int     org_size;
  double  score;
  char   *decision;
  gint64  partner_id;
} RpProspect;

void        rp_prospect_free                (RpProspect             *prospect);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpProspect, rp_prospect_free)

typedef struct
{
  const char *search;          /* words, prefix-matched on name, organisation and city */
  const char *taxonomy_code;   /* exact code, or NULL */
  const char *specialty;       /* text in the NUCC label (classification, specialization) */
  const char *city;            /* exact, case-insensitive */
  const char *organization;    /* words, prefix-matched on the organization name */
  double      max_distance_km; /* <= 0: any */
  gboolean    include_decided; /* also those added or dismissed */
  gboolean    show_dismissed;  /* also those dismissed (not those added) */
} RpProspectFilter;

/* Up to @limit active prospects of @filter, best score first: GPtrArray of RpProspect. */
GPtrArray  *rp_store_search_prospects       (RpStore                *self,
                                             const RpProspectFilter *filter,
                                             guint                   limit,
                                             GError                **error);
RpProspect *rp_store_get_prospect           (RpStore                *self,
                                             gint64                  id,
                                             GError                **error);
/* The map's prospects: up to @limit active, undecided prospects placed inside @box, best score
 * first (GPtrArray of RpProspect). */
GPtrArray  *rp_store_list_prospects_in_box  (RpStore                *self,
                                             const RpGeoBox         *box,
                                             guint                   limit,
                                             GError                **error);
/* Where the prospect is on the map: its place, or else its ZIP code's centroid from the
 * gazetteer, which is then kept as its place. FALSE with RP_STORE_ERROR_NOT_FOUND when the
 * gazetteer does not know its ZIP code either. */
gboolean    rp_store_locate_prospect        (RpStore                *self,
                                             gint64                  id,
                                             double                 *lat,
                                             double                 *lon,
                                             GError                **error);
/* Makes a partner of the prospect (its NPI, names, address, phone, specialty from the NUCC
 * label or Rapport's list) with @tier and @status, and links the prospect to it; one
 * transaction. Fails with RP_STORE_ERROR_CONSTRAINT when a partner has the NPI already. */
gint64      rp_store_add_prospect_as_partner (RpStore               *self,
                                              gint64                 prospect_id,
                                              RpTier                 tier,
                                              RpPartnerStatus        status,
                                              GError               **error);
/* @decision "" (undecided, shown again), "dismissed" or "added"; kept through re-imports. */
gboolean    rp_store_set_prospect_decision  (RpStore                *self,
                                             gint64                  prospect_id,
                                             const char             *decision,
                                             GError                **error);
/* The same for @n_ids prospects, in one transaction. */
gboolean    rp_store_set_prospects_decision (RpStore                *self,
                                             const gint64           *ids,
                                             guint                   n_ids,
                                             const char             *decision,
                                             GError                **error);
/* A value that changes whenever the prospects change (an import, a decision, an addition to
 * partners), whichever connection or process wrote: the Prospects page compares it to know when
 * to reload. NULL before the first change. */
char       *rp_store_dup_prospects_stamp    (RpStore                *self);

/* A partner whose NPI the registry describes differently. */
typedef struct
{
  gint64    partner_id;
  char     *npi;
  gboolean  address_differs;
  gboolean  phone_differs;
  gboolean  taxonomy_differs;
  gboolean  deactivated;
  char     *street;          /* the registry's */
  char     *city;
  char     *state;
  char     *zip;
  char     *phone;
  char     *taxonomy_code;
  char     *last_update;
} RpRegistryDifference;

void        rp_registry_difference_free     (RpRegistryDifference   *difference);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpRegistryDifference, rp_registry_difference_free)

/* The partners (not archived) whose address, phone or taxonomy differ from the registry's. */
GPtrArray  *rp_store_list_registry_differences (RpStore             *self,
                                                GError             **error);
/* The difference of one partner, or NULL (no error) when there is none. */
RpRegistryDifference *rp_store_get_registry_difference (RpStore     *self,
                                                        gint64       partner_id,
                                                        GError     **error);
/* The one-click update: the partner takes the registry's address, phone and taxonomy. */
gboolean    rp_store_apply_registry         (RpStore                *self,
                                             gint64                  partner_id,
                                             GError                **error);

G_END_DECLS
