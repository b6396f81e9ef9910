/* rp-sample.c
 *
 * The sample network: a liaison of "Scioto Valley Orthopedics & Spine" in Columbus, Ohio, with
 * partners around the city, 18 months of referrals and contacts ending on @today, open tasks
 * (some overdue, some due today) and a planned week. Everything random comes from one GRand
 * seeded by the caller, including the rows' UUIDs, so the same seed and the same @today give the
 * same database. Only timestamps the store stamps itself ("updated_at" of most rows and the
 * UUIDs of referral transitions) differ between runs.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rp-sample-data.h"
#include "rp-sample-private.h"
#include "rp-specialties.h"
#include "rp-store-geocode.h"
#include "rp-store-partners.h"
#include "rp-store-practice.h"
#include "rp-validate.h"

static const SizeParams size_params[] = {
  [RP_SAMPLE_SIZE_DEMO] = { 60, 900, 500, 40, 0.15, 0.08, 1 },
  /* Recording four transitions for each of a million referrals would quadruple the writes and
   * the build time; the bench measures lists and analytics, which read the referral's own
   * status. So only one referral in 500 (2,000 of them, spread over the 18 months) has its
   * path recorded, enough for a timeline to have some to show. */
  [RP_SAMPLE_SIZE_BENCH] = { 100000, 1000000, 300000, 20000, 0.08, 0.04, 500 },
};

/* Randomness ----------------------------------------------------------------------------------- */

/* A number in [lo, hi], both included. */
int
_rp_sample_rand_between (Generator *g,
                         int        lo,
                         int        hi)
{
  g_assert (lo <= hi);
  return g_rand_int_range (g->rand, lo, hi + 1);
}

gboolean
_rp_sample_chance (Generator *g,
                   double     p)
{
  return g_rand_double (g->rand) < p;
}

static guint
list_length (const char * const *list)
{
  guint n = 0;

  while (list[n] != NULL)
    n++;

  return n;
}

const char *
_rp_sample_pick_n (Generator          *g,
                   const char * const *list,
                   guint               n)
{
  g_assert (n > 0);
  return list[g_rand_int_range (g->rand, 0, n)];
}

const char *
_rp_sample_pick (Generator          *g,
                 const char * const *list)
{
  return _rp_sample_pick_n (g, list, list_length (list));
}

const RpSampleActivityText *
_rp_sample_pick_text (Generator                  *g,
                      const RpSampleActivityText *texts)
{
  guint n = 0;

  while (texts[n].summary != NULL)
    n++;

  return &texts[g_rand_int_range (g->rand, 0, n)];
}

/* The index i with cumulative[i - 1] <= r < cumulative[i], r uniform in [0, total). */
guint
_rp_sample_pick_weighted (Generator    *g,
                          const double *cumulative,
                          guint         n)
{
  double total = cumulative[n - 1];
  double r;
  guint lo = 0;
  guint hi = n - 1;

  if (total <= 0)
    return g_rand_int_range (g->rand, 0, n);

  r = g_rand_double (g->rand) * total;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (cumulative[mid] > r)
        hi = mid;
      else
        lo = mid + 1;
    }

  return lo;
}

/* The stable key of a sample row, drawn from the seeded generator so that rows keep the same key
 * from one generation to the next. The layout is RFC 9562's version 8 (vendor-specific): a
 * 48-bit sequence number, then 74 random bits. Keys that grow row after row are inserted at the
 * right edge of every uuid index instead of at random places, which keeps the bench build (1.4
 * million rows) from thrashing the page cache: it takes a third off its time. Nothing reads
 * meaning into a uuid, and the random part keeps them unique across databases. */
void
_rp_sample_make_uuid (Generator *g,
                      char       out[37])
{
  static const char hex[] = "0123456789abcdef";
  guint64 sequence = g->uuid_sequence++;
  guint8 bytes[16];
  guint32 words[3];
  int o = 0;

  for (guint i = 0; i < 3; i++)
    words[i] = g_rand_int (g->rand);

  for (guint i = 0; i < 6; i++)
    bytes[i] = (sequence >> (8 * (5 - i))) & 0xff;
  for (guint i = 6; i < 16; i++)
    bytes[i] = (words[(i - 6) / 4] >> (8 * ((i - 6) % 4))) & 0xff;

  bytes[6] = (bytes[6] & 0x0f) | 0x80;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;

  for (guint i = 0; i < 16; i++)
    {
      if (i == 4 || i == 6 || i == 8 || i == 10)
        out[o++] = '-';
      out[o++] = hex[bytes[i] >> 4];
      out[o++] = hex[bytes[i] & 0x0f];
    }
  out[o] = '\0';
}

/* Time ----------------------------------------------------------------------------------------- */

static void
put_digits (char *out,
            guint value,
            int   width)
{
  for (int i = width - 1; i >= 0; i--)
    {
      out[i] = '0' + value % 10;
      value /= 10;
    }
}

/* "YYYY-MM-DDTHH:MM:SSZ" for a Unix time, without the allocations of GDateTime: a million
 * referrals need several each. (Civil-from-days after Howard Hinnant's public-domain
 * algorithm.) */
void
_rp_sample_format_instant (gint64 unix_time,
                           char   out[21])
{
  gint64 days = unix_time / 86400;
  gint64 secs = unix_time % 86400;
  gint64 z;
  gint64 era;
  guint doe, yoe, doy, mp, day, month;
  gint64 year;

  if (secs < 0)
    {
      secs += 86400;
      days--;
    }

  z = days + 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = (guint) (z - era * 146097);
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  year = (gint64) yoe + era * 400;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  day = doy - (153 * mp + 2) / 5 + 1;
  month = mp < 10 ? mp + 3 : mp - 9;
  if (month <= 2)
    year++;

  put_digits (out, (guint) year, 4);
  out[4] = '-';
  put_digits (out + 5, month, 2);
  out[7] = '-';
  put_digits (out + 8, day, 2);
  out[10] = 'T';
  put_digits (out + 11, (guint) (secs / 3600), 2);
  out[13] = ':';
  put_digits (out + 14, (guint) (secs / 60 % 60), 2);
  out[16] = ':';
  put_digits (out + 17, (guint) (secs % 60), 2);
  out[19] = 'Z';
  out[20] = '\0';
}

/* The instant of @minutes after local midnight on @day. Counting from local noon keeps the
 * office hours right on the days clocks change (they change at 2 am). */
gint64
_rp_sample_local_instant (Generator *g,
                          int        day,
                          int        minutes)
{
  gint64 noon;

  if (day < 0)
    noon = g->noon_utc[0] + (gint64) day * 86400;
  else
    noon = g->noon_utc[MIN (day, g->n_table_days - 1)];

  return noon + (gint64) (minutes - 12 * 60) * 60;
}

gboolean
_rp_sample_is_weekend (Generator *g,
                       int        day)
{
  return g->weekday[day] == G_DATE_SATURDAY || g->weekday[day] == G_DATE_SUNDAY;
}

/* @day moved forward to a weekday. */
int
_rp_sample_next_weekday (Generator *g,
                         int        day)
{
  while (day < g->n_table_days - 1 && _rp_sample_is_weekend (g, day))
    day++;

  return day;
}

static gboolean
build_calendar (Generator *g,
                GDate     *today)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  GDate start = *today;
  GDate day;

  g_date_subtract_months (&start, HISTORY_MONTHS);
  g->today = (int) (g_date_get_julian (today) - g_date_get_julian (&start));
  g->n_table_days = g->today + 1 + FUTURE_DAYS;
  g->day_iso = g_new0 (DayIso, g->n_table_days);
  g->noon_utc = g_new0 (gint64, g->n_table_days);
  g->weekday = g_new0 (guint8, g->n_table_days);

  day = start;
  for (int i = 0; i < g->n_table_days; i++)
    {
      g_autoptr(GDateTime) noon = g_date_time_new (tz, g_date_get_year (&day),
                                                   g_date_get_month (&day),
                                                   g_date_get_day (&day), 12, 0, 0);

      if (noon == NULL)
        return FALSE;

      g_snprintf (g->day_iso[i], sizeof g->day_iso[i], "%04u-%02u-%02u",
                  (guint) g_date_get_year (&day), (guint) g_date_get_month (&day),
                  (guint) g_date_get_day (&day));
      g->noon_utc[i] = g_date_time_to_unix (noon);
      g->weekday[i] = g_date_get_weekday (&day);
      g_date_add_days (&day, 1);
    }

  return TRUE;
}

/* Progress ------------------------------------------------------------------------------------- */

void
_rp_sample_advance (Generator *g,
                    guint      units)
{
  int percent;

  g->work_done += units;
  if (g->progress == NULL)
    return;

  percent = (int) (100 * MIN (g->work_done, g->work_total) / MAX (g->work_total, 1));
  if (percent != g->last_percent)
    {
      g->last_percent = percent;
      g->progress ((double) percent / 100.0, g->progress_data);
    }
}

/* Text helpers --------------------------------------------------------------------------------- */

/* Lower-case ASCII letters and digits of @text: "Peña" → "pena", for e-mail addresses. */
static char *
ascii_slug (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text, "C");
  char *out = ascii;

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        *out++ = g_ascii_tolower (*p);
    }
  *out = '\0';

  return g_steal_pointer (&ascii);
}

/* "Olentangy" + "Family Medicine" → "olentangyfm.example" (example domains never resolve). */
static char *
office_domain (const char *place,
               const char *suffix)
{
  g_autofree char *slug = ascii_slug (place);
  GString *domain = g_string_new (slug);
  gboolean word_start = TRUE;

  for (const char *p = suffix; *p != '\0'; p++)
    {
      if (*p == ' ')
        {
          word_start = TRUE;
        }
      else if (word_start && g_ascii_isalpha (*p))
        {
          g_string_append_c (domain, g_ascii_tolower (*p));
          word_start = FALSE;
        }
      else
        {
          word_start = FALSE;
        }
    }

  g_string_append (domain, ".example");
  return g_string_free (domain, FALSE);
}

static void
format_phone (Generator *g,
              char       out[16])
{
  /* 555-0100 to 555-0199 are the numbers set aside for fiction. */
  g_snprintf (out, 16, "(%s) 555-01%02d", _rp_sample_chance (g, 0.8) ? "614" : "380",
              _rp_sample_rand_between (g, 0, 99));
}

static void
office_clear (Office *office)
{
  g_free (office->name);
  g_free (office->street);
  g_free (office->domain);
  g_free (office->office_contact);
}

/* The sample practice -------------------------------------------------------------------------- */

/* The key of the @index-th profile entry: derived from the practice's own key rather than drawn
 * from the generator, so that adding profile entries leaves the rest of the seeded network (its
 * names, keys and history) exactly as it was. Same layout as _rp_sample_make_uuid. */
static void
make_entry_uuid (const char *practice_uuid,
                 guint       index,
                 char        out[37])
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  static const char hex[] = "0123456789abcdef";
  guint8 bytes[32];
  gsize length = sizeof bytes;
  int o = 0;

  g_checksum_update (checksum, (const guchar *) practice_uuid, -1);
  g_checksum_update (checksum, (const guchar *) &index, sizeof index);
  g_checksum_get_digest (checksum, bytes, &length);

  bytes[6] = (bytes[6] & 0x0f) | 0x80;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;

  for (guint i = 0; i < 16; i++)
    {
      if (i == 4 || i == 6 || i == 8 || i == 10)
        out[o++] = '-';
      out[o++] = hex[bytes[i] >> 4];
      out[o++] = hex[bytes[i] & 0x0f];
    }
  out[o] = '\0';
}

static void
add_entries (RpPractice                 *practice,
             RpPracticeEntryKind         kind,
             const RpSampleProfileEntry *entries,
             guint                      *index)
{
  GListStore *store = rp_practice_get_entries (practice, kind);
  char uuid[37];

  for (guint i = 0; entries[i].title != NULL; i++)
    {
      g_autoptr(RpPracticeEntry) entry = rp_practice_entry_new (kind,
                                                                entries[i].title,
                                                                entries[i].detail,
                                                                entries[i].body);

      make_entry_uuid (rp_practice_get_uuid (practice), (*index)++, uuid);
      rp_practice_entry_set_uuid (entry, uuid);
      g_list_store_append (store, entry);
    }
}

/* What a referral packet prints: logo, how to refer, insurances, the liaison, and the services,
 * providers and success stories. */
static void
fill_profile (RpPractice *practice)
{
  g_autoptr(GBytes) logo = g_bytes_new_static (rp_sample_logo_svg, strlen (rp_sample_logo_svg));
  guint index = 0;

  rp_practice_set_logo (practice, logo, "image/svg+xml");
  rp_practice_set_referral_url (practice, "https://sciotovalleyortho.example/refer");
  rp_practice_set_referral_phone (practice, "(614) 555-0120");
  rp_practice_set_referral_fax (practice, "(614) 555-0121");
  rp_practice_set_urgent_line (practice, "(614) 555-0199 — orthopaedic surgeon on call, 24/7");
  rp_practice_set_what_to_send (practice, rp_sample_what_to_send);
  rp_practice_set_turnaround (practice, "New patients seen within 5 business days");
  rp_practice_set_insurances (practice, rp_sample_insurances);
  rp_practice_set_liaison_name (practice, "Jordan Ellis");
  rp_practice_set_liaison_phone (practice, "(614) 555-0142");
  rp_practice_set_liaison_email (practice, "jordan.ellis@sciotovalleyortho.example");

  add_entries (practice, RP_PRACTICE_ENTRY_SERVICE, rp_sample_services, &index);
  add_entries (practice, RP_PRACTICE_ENTRY_PROVIDER, rp_sample_providers, &index);
  add_entries (practice, RP_PRACTICE_ENTRY_STORY, rp_sample_stories, &index);
}

static gboolean
save_practice (Generator *g,
               GError   **error)
{
  g_autoptr(RpPractice) existing = NULL;
  g_autoptr(RpPractice) practice = NULL;
  g_autoptr(RpLocation) main_campus = NULL;
  g_autoptr(RpLocation) dublin = NULL;
  GListStore *locations;
  char uuid[37];

  existing = rp_store_get_practice (g->store, error);
  if (existing == NULL)
    return FALSE;

  /* Never overwrite a profile the user typed: the partners are refused when there are any, but
   * a practice may have been set up before the sample is asked for. */
  if (*rp_practice_get_name (existing) != '\0' ||
      g_list_model_get_n_items (G_LIST_MODEL (rp_practice_get_locations (existing))) > 0)
    return TRUE;

  practice = rp_practice_new ();
  _rp_sample_make_uuid (g, uuid);
  rp_practice_set_uuid (practice, uuid);
  rp_practice_set_name (practice, "Scioto Valley Orthopedics & Spine");
  rp_practice_set_phone (practice, "(614) 555-0100");
  rp_practice_set_fax (practice, "(614) 555-0101");
  rp_practice_set_email (practice, "referrals@sciotovalleyortho.example");
  rp_practice_set_website (practice, "https://sciotovalleyortho.example");
  fill_profile (practice);

  /* The main campus sits across Olentangy River Road from Riverside Methodist Hospital. */
  main_campus = rp_location_new ();
  _rp_sample_make_uuid (g, uuid);
  rp_location_set_uuid (main_campus, uuid);
  rp_location_set_name (main_campus, "Main campus");
  rp_location_set_street (main_campus, "3600 Olentangy River Rd");
  rp_location_set_city (main_campus, "Columbus");
  rp_location_set_state (main_campus, "OH");
  rp_location_set_zip (main_campus, "43214");
  rp_location_set_phone (main_campus, "(614) 555-0100");
  rp_location_set_fax (main_campus, "(614) 555-0101");
  rp_location_set_hours (main_campus, "Mon–Fri 7:30 am–5:30 pm; Sat 8 am–noon (walk-in)");
  rp_location_set_coordinates (main_campus, 40.0334, -83.0312);
  rp_location_set_is_primary (main_campus, TRUE);

  dublin = rp_location_new ();
  _rp_sample_make_uuid (g, uuid);
  rp_location_set_uuid (dublin, uuid);
  rp_location_set_name (dublin, "Dublin");
  rp_location_set_street (dublin, "5200 Blazer Pkwy");
  rp_location_set_city (dublin, "Dublin");
  rp_location_set_state (dublin, "OH");
  rp_location_set_zip (dublin, "43017");
  rp_location_set_phone (dublin, "(614) 555-0110");
  rp_location_set_fax (dublin, "(614) 555-0111");
  rp_location_set_hours (dublin, "Mon–Fri 8 am–5 pm");
  rp_location_set_coordinates (dublin, 40.0938, -83.1269);
  rp_location_set_is_primary (dublin, FALSE);

  locations = rp_practice_get_locations (practice);
  g_list_store_append (locations, main_campus);
  g_list_store_append (locations, dublin);

  return rp_store_save_practice (g->store, practice, error);
}

/* Partners ------------------------------------------------------------------------------------- */

static guint
new_office (Generator *g,
            guint      specialty)
{
  const RpSampleSpecialty *spec = &rp_sample_specialties[specialty];
  const char *place;
  const char *suffix;
  Office office = { 0 };
  guint index;
  guint area = 0;
  guint total = 0;
  guint r;

  for (guint i = 0; i < rp_sample_n_areas; i++)
    total += rp_sample_areas[i].weight;
  r = g_rand_int_range (g->rand, 0, total);
  while (r >= rp_sample_areas[area].weight)
    r -= rp_sample_areas[area++].weight;

  office.area = &rp_sample_areas[area];
  place = _rp_sample_chance (g, 0.55) ? _rp_sample_pick (g, office.area->place_names)
                           : _rp_sample_pick (g, rp_sample_generic_places);
  suffix = _rp_sample_pick (g, spec->office_suffixes);
  office.name = g_strconcat (place, " ", suffix, NULL);
  office.domain = office_domain (place, suffix);

  if (_rp_sample_chance (g, 0.35))
    office.street = g_strdup_printf ("%d %s, Suite %d", _rp_sample_rand_between (g, 100, 9899),
                                     _rp_sample_pick (g, office.area->streets),
                                     _rp_sample_rand_between (g, 1, 4) * 100 +
                                     _rp_sample_rand_between (g, 0, 40));
  else
    office.street = g_strdup_printf ("%d %s", _rp_sample_rand_between (g, 100, 9899),
                                     _rp_sample_pick (g, office.area->streets));

  /* A couple of kilometres around the suburb's centre. */
  office.latitude = office.area->latitude + (g_rand_double (g->rand) - 0.5) * 0.036;
  office.longitude = office.area->longitude + (g_rand_double (g->rand) - 0.5) * 0.046;

  format_phone (g, office.phone);
  format_phone (g, office.fax);
  office.contact_name = _rp_sample_pick (g, rp_sample_contact_names);
  office.office_contact = g_strdup_printf ("%s: %s", _rp_sample_pick (g, rp_sample_contact_roles),
                                           office.contact_name);
  office.best_time = _rp_sample_pick (g, rp_sample_best_times);

  index = g->offices->len;
  g_array_append_val (g->offices, office);
  g_array_append_val (g->family_offices[spec->family], index);

  return index;
}

static char *
pick_tags (Generator *g)
{
  guint n_tags = list_length (rp_sample_tags);
  guint n = _rp_sample_rand_between (g, 0, 3);
  GString *tags = g_string_new (NULL);
  guint chosen[3];

  for (guint i = 0; i < n; i++)
    {
      guint t = g_rand_int_range (g->rand, 0, n_tags);
      gboolean seen = FALSE;

      for (guint j = 0; j < i; j++)
        seen |= chosen[j] == t;
      chosen[i] = t;
      if (seen)
        continue;

      if (tags->len > 0)
        g_string_append (tags, ", ");
      g_string_append (tags, rp_sample_tags[t]);
    }

  return g_string_free (tags, FALSE);
}

/* @n values, @share_a of them 0, @share_b 1 and the rest 2, in a shuffled order: the mix is
 * exact even in the 60 partners of the demo. */
static guint8 *
shuffled_deck (Generator *g,
               guint      n,
               double     share_a,
               double     share_b)
{
  guint8 *deck = g_new (guint8, n);
  guint n_a = (guint) (n * share_a + 0.5);
  guint n_b = (guint) (n * share_b + 0.5);

  for (guint i = 0; i < n; i++)
    deck[i] = i < n_a ? 0 : i < n_a + n_b ? 1 : 2;

  for (guint i = n; i > 1; i--)
    {
      guint j = g_rand_int_range (g->rand, 0, i);
      guint8 t = deck[i - 1];

      deck[i - 1] = deck[j];
      deck[j] = t;
    }

  return deck;
}

static RpPartnerStatus
pick_status (Generator *g,
             RpTier     tier)
{
  double r = g_rand_double (g->rand);

  if (tier == RP_TIER_A)
    return r < 0.90 ? RP_PARTNER_STATUS_ACTIVE
                    : r < 0.95 ? RP_PARTNER_STATUS_DORMANT : RP_PARTNER_STATUS_PROSPECT;

  return r < 0.75 ? RP_PARTNER_STATUS_ACTIVE
                  : r < 0.87 ? RP_PARTNER_STATUS_PROSPECT : RP_PARTNER_STATUS_DORMANT;
}

static void
set_partner_numbers (Generator *g,
                     RpPartner *partner,
                     RpTier     tier)
{
  switch (tier)
    {
    case RP_TIER_A:
      rp_partner_set_influence (partner, _rp_sample_rand_between (g, 4, 5));
      rp_partner_set_monthly_volume (partner, _rp_sample_rand_between (g, 150, 400));
      break;

    case RP_TIER_B:
      rp_partner_set_influence (partner, _rp_sample_rand_between (g, 2, 4));
      rp_partner_set_monthly_volume (partner, _rp_sample_rand_between (g, 40, 200));
      break;

    case RP_TIER_C:
    default:
      rp_partner_set_influence (partner, _rp_sample_rand_between (g, 1, 3));
      rp_partner_set_monthly_volume (partner, _rp_sample_rand_between (g, 5, 80));
      break;
    }
}

static const char *
person_credentials (Generator         *g,
                    RpSampleClinician  clinician)
{
  switch (clinician)
    {
    case RP_SAMPLE_CLINICIAN_PHYSICIAN:
      return _rp_sample_chance (g, 0.75) ? "MD" : "DO";
    case RP_SAMPLE_CLINICIAN_NP:
      return _rp_sample_chance (g, 0.5) ? "NP" : "APRN-CNP";
    case RP_SAMPLE_CLINICIAN_PA:
      return "PA-C";
    case RP_SAMPLE_CLINICIAN_PT:
      return _rp_sample_chance (g, 0.6) ? "PT, DPT" : "DPT";
    case RP_SAMPLE_CLINICIAN_OD:
      return "OD";
    case RP_SAMPLE_CLINICIAN_DPM:
      return "DPM";
    case RP_SAMPLE_CLINICIAN_DC:
      return "DC";
    case RP_SAMPLE_CLINICIAN_ORGANIZATION:
    default:
      return "";
    }
}

static gboolean
generate_partner (Generator  *g,
                  RpPartner  *partner,
                  gboolean    is_org,
                  RpTier      tier,
                  guint       index,
                  guint32     npi_offset,
                  GError    **error)
{
  PartnerInfo *info = &g->partners[index];
  guint specialty = _rp_sample_pick_weighted (g, is_org ? g->org_spec_cum : g->person_spec_cum,
                                              rp_sample_n_specialties);
  const RpSampleSpecialty *spec = &rp_sample_specialties[specialty];
  const RpSpecialty *known = rp_specialties_lookup (spec->code);
  RpPartnerStatus status = pick_status (g, tier);
  GArray *family = g->family_offices[spec->family];
  Office *office;
  guint office_index;
  char npi[11];
  char uuid[37];
  char created[21];
  guint32 npi_body;
  g_autofree char *tags = NULL;

  /* NPIs are unique: a stride coprime with the range walks it without repeating. */
  npi_body = 100000000u + (guint32) ((npi_offset + (guint64) index * 48271u) % 200000000u);
  g_snprintf (npi, sizeof npi, "%09u", npi_body);
  npi[9] = '0' + rp_npi_check_digit (npi);
  npi[10] = '\0';

  if (!is_org && family->len > 0 && _rp_sample_chance (g, 0.45))
    office_index = g_array_index (family, guint, g_rand_int_range (g->rand, 0, family->len));
  else
    office_index = new_office (g, specialty);
  office = &g_array_index (g->offices, Office, office_index);

  _rp_sample_make_uuid (g, uuid);
  rp_partner_set_uuid (partner, uuid);
  rp_partner_set_npi (partner, npi);
  rp_partner_set_specialty_code (partner, spec->code);
  rp_partner_set_specialty_label (partner, known != NULL ? known->label : spec->label);
  rp_partner_set_organization (partner, office->name);
  rp_partner_set_street (partner, office->street);
  rp_partner_set_city (partner, office->area->city);
  rp_partner_set_state (partner, "OH");
  rp_partner_set_zip (partner, office->area->zip);
  rp_partner_set_location (partner, office->latitude, office->longitude);
  rp_partner_set_phone (partner, office->phone);
  rp_partner_set_fax (partner, office->fax);
  rp_partner_set_office_contact (partner, office->office_contact);
  rp_partner_set_best_time (partner, office->best_time);
  rp_partner_set_tier (partner, tier);
  rp_partner_set_status (partner, status);
  set_partner_numbers (g, partner, tier);

  if (is_org)
    {
      rp_partner_set_email (partner, NULL);
      if (_rp_sample_chance (g, 0.8))
        {
          g_autofree char *email = g_strconcat (_rp_sample_chance (g, 0.5) ? "referrals@"
                                                                            : "frontdesk@",
                                                office->domain, NULL);
          rp_partner_set_email (partner, email);
        }
      info->short_name = g_strdup (office->name);
    }
  else
    {
      const char *first = _rp_sample_pick (g, rp_sample_first_names);
      const char *last = _rp_sample_pick (g, rp_sample_last_names);
      gboolean physician = spec->clinician == RP_SAMPLE_CLINICIAN_PHYSICIAN;

      rp_partner_set_prefix (partner, physician ? "Dr." : "");
      rp_partner_set_first_name (partner, first);
      rp_partner_set_last_name (partner, last);
      rp_partner_set_credentials (partner, person_credentials (g, spec->clinician));

      if (_rp_sample_chance (g, 0.75))
        {
          g_autofree char *first_slug = ascii_slug (first);
          g_autofree char *last_slug = ascii_slug (last);
          g_autofree char *email = g_strdup_printf ("%.1s%s@%s", first_slug, last_slug,
                                                    office->domain);

          rp_partner_set_email (partner, email);
        }
      else
        {
          rp_partner_set_email (partner, NULL);
        }

      info->short_name = physician ? g_strconcat ("Dr. ", last, NULL)
                                   : g_strconcat (first, " ", last, NULL);
    }

  tags = pick_tags (g);
  rp_partner_set_tags (partner, tags);
  rp_partner_set_notes (partner, _rp_sample_chance (g, 0.35)
                                 ? _rp_sample_pick (g, rp_sample_partner_notes) : NULL);
  rp_partner_set_cadence_days (partner,
                               _rp_sample_chance (g, 0.85)
                               ? 0 : (guint) (7 * _rp_sample_rand_between (g, 2, 8)));

  /* Prospects were added lately; everyone else before the history starts. */
  if (status == RP_PARTNER_STATUS_PROSPECT)
    info->created_day = g->today - _rp_sample_rand_between (g, 1, 120);
  else
    info->created_day = -_rp_sample_rand_between (g, 1, 900);
  /* Early, before any contact of that day. */
  _rp_sample_format_instant (_rp_sample_local_instant (g, info->created_day,
                                                       _rp_sample_rand_between (g, 7 * 60,
                                                                                8 * 60 - 1)),
                             created);
  rp_partner_set_created_at (partner, created);

  if (!rp_store_insert_partner (g->store, partner, error))
    return FALSE;

  info->id = rp_partner_get_id (partner);
  info->office = office_index;
  info->specialty = specialty;
  info->tier = tier;
  info->status = status;
  info->next_member = office->first_member;
  office->first_member = index + 1;
  office->n_members++;

  return TRUE;
}

static void
build_partner_weights (Generator *g)
{
  static const double tier_referrals[] = { [RP_TIER_A] = 10, [RP_TIER_B] = 4, [RP_TIER_C] = 1 };
  static const double tier_contacts[] = { [RP_TIER_A] = 6, [RP_TIER_B] = 3, [RP_TIER_C] = 1 };
  double all = 0, old = 0, recent = 0;

  for (guint i = 0; i < g->n_partners; i++)
    {
      const PartnerInfo *p = &g->partners[i];
      double w = tier_referrals[p->tier] * rp_sample_specialties[p->specialty].referral_weight *
                 (0.6 + 0.8 * g_rand_double (g->rand));
      double c = tier_contacts[p->tier];

      switch ((RpPartnerStatus) p->status)
        {
        case RP_PARTNER_STATUS_ACTIVE:
          old += w;
          recent += w;
          break;

        case RP_PARTNER_STATUS_DORMANT:
          old += w;
          c *= 0.5;
          break;

        case RP_PARTNER_STATUS_PROSPECT:
          /* Courted, so visited, but they have sent no one yet. */
          c *= 1.5;
          break;

        default:
          break;
        }

      all += c;
      g->weights_contact[i] = all;
      g->weights_old[i] = old;
      g->weights_recent[i] = recent;
    }
}

static gboolean
generate_partners (Generator  *g,
                   GError    **error)
{
  g_autoptr(RpPartner) person = rp_partner_new (RP_PARTNER_KIND_PERSON);
  g_autoptr(RpPartner) org = rp_partner_new (RP_PARTNER_KIND_ORGANIZATION);
  guint32 npi_offset = g_rand_int_range (g->rand, 0, 200000000);
  g_autofree guint8 *tiers = shuffled_deck (g, g->n_partners, 0.20, 0.35);
  g_autofree guint8 *kinds = shuffled_deck (g, g->n_partners, 0.15, 0.0);
  double person_total = 0, org_total = 0;

  G_STATIC_ASSERT (RP_TIER_A == 0 && RP_TIER_B == 1 && RP_TIER_C == 2);

  g_assert (rp_sample_n_specialties <= G_N_ELEMENTS (g->person_spec_cum));

  for (guint i = 0; i < rp_sample_n_specialties; i++)
    {
      if (rp_sample_specialties[i].clinician == RP_SAMPLE_CLINICIAN_ORGANIZATION)
        org_total += rp_sample_specialties[i].frequency;
      else
        person_total += rp_sample_specialties[i].frequency;
      g->person_spec_cum[i] = person_total;
      g->org_spec_cum[i] = org_total;
    }

  /* Two objects, one per kind, reused for every row: each row sets every field it uses. */
  for (guint i = 0; i < g->n_partners; i++)
    {
      gboolean is_org = kinds[i] == 0;
      RpPartner *partner = is_org ? org : person;

      rp_partner_set_id (partner, 0);
      if (!generate_partner (g, partner, is_org, (RpTier) tiers[i], i, npi_offset, error))
        return FALSE;

      _rp_sample_advance (g, 1);
    }

  build_partner_weights (g);
  return TRUE;
}

/* The whole ------------------------------------------------------------------------------------ */

static void
generator_clear (Generator *g)
{
  if (g->offices != NULL)
    {
      for (guint i = 0; i < g->offices->len; i++)
        office_clear (&g_array_index (g->offices, Office, i));
      g_array_unref (g->offices);
    }

  for (guint i = 0; i < RP_SAMPLE_N_FAMILIES; i++)
    g_clear_pointer (&g->family_offices[i], g_array_unref);

  if (g->partners != NULL)
    {
      for (guint i = 0; i < g->n_partners; i++)
        g_free (g->partners[i].short_name);
      g_free (g->partners);
    }

  g_free (g->weights_contact);
  g_free (g->weights_old);
  g_free (g->weights_recent);
  g_free (g->day_iso);
  g_free (g->noon_utc);
  g_free (g->weekday);
  g_clear_pointer (&g->recent, g_array_unref);
  g_clear_object (&g->referral);
  g_clear_object (&g->activity);
  g_clear_pointer (&g->rand, g_rand_free);
  g_clear_pointer (&g->patient_rand, g_rand_free);
}

static gboolean
generate (Generator  *g,
          GError    **error)
{
  return save_practice (g, error) &&
         generate_partners (g, error) &&
         _rp_sample_generate_referrals (g, error) &&
         _rp_sample_generate_contacts (g, error) &&
         _rp_sample_generate_planned_visits (g, error) &&
         _rp_sample_generate_tasks (g, error) &&
         _rp_sample_generate_outcomes (g, error);
}

gboolean
rp_sample_generate (RpStore          *store,
                    RpSampleSize      size,
                    guint32           seed,
                    GDate            *today,
                    RpSampleProgress  progress,
                    gpointer          user_data,
                    GError          **error)
{
  return rp_sample_generate_with_vault (store, size, seed, today, NULL,
                                        progress, user_data, error);
}

gboolean
rp_sample_generate_with_vault (RpStore          *store,
                               RpSampleSize      size,
                               guint32           seed,
                               GDate            *today,
                               RpVault          *vault,
                               RpSampleProgress  progress,
                               gpointer          user_data,
                               GError          **error)
{
  Generator g = { 0 };
  GDate local_today;
  gboolean ok;

  g_return_val_if_fail (RP_IS_STORE (store), FALSE);
  g_return_val_if_fail (vault == NULL || RP_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (size == RP_SAMPLE_SIZE_DEMO || size == RP_SAMPLE_SIZE_BENCH, FALSE);
  g_return_val_if_fail (today == NULL || g_date_valid (today), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (rp_store_count_partners (store, FALSE) + rp_store_count_partners (store, TRUE) > 0)
    {
      g_set_error_literal (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID,
                           _("The sample network can only be added to an empty database"));
      return FALSE;
    }

  if (today == NULL)
    {
      g_date_clear (&local_today, 1);
      g_date_set_time_t (&local_today, time (NULL));
      today = &local_today;
    }

  g.store = store;
  g.rand = g_rand_new_with_seed (seed);
  g.params = &size_params[size];
  if (size == RP_SAMPLE_SIZE_DEMO && vault != NULL &&
      rp_vault_get_state (vault) == RP_VAULT_STATE_UNLOCKED)
    {
      g.vault = vault;
      g.patient_rand = g_rand_new_with_seed (seed ^ 0x5eed9a7u);
    }
  g.n_partners = g.params->n_partners;
  /* A random start, so two seeds' keys do not share their first digits. */
  g.uuid_sequence = (guint64) g_rand_int_range (g.rand, 0, 1 << 30) << 16;
  g.progress = progress;
  g.progress_data = user_data;
  g.last_percent = -1;
  g.work_total = (guint64) g.params->n_partners + g.params->n_referrals +
                 g.params->n_activities + g.params->n_tasks;

  if (!build_calendar (&g, today))
    {
      g_set_error_literal (error, RP_STORE_ERROR, RP_STORE_ERROR_FAILED,
                           _("The sample network could not be dated"));
      generator_clear (&g);
      return FALSE;
    }

  g.offices = g_array_new (FALSE, TRUE, sizeof (Office));
  for (guint i = 0; i < RP_SAMPLE_N_FAMILIES; i++)
    g.family_offices[i] = g_array_new (FALSE, FALSE, sizeof (guint));
  g.partners = g_new0 (PartnerInfo, g.n_partners);
  g.weights_contact = g_new0 (double, g.n_partners);
  g.weights_old = g_new0 (double, g.n_partners);
  g.weights_recent = g_new0 (double, g.n_partners);
  g.recent = g_array_new (FALSE, TRUE, sizeof (RecentReferral));
  g.referral = rp_referral_new ();
  g.activity = rp_activity_new (RP_ACTIVITY_KIND_VISIT);

  for (guint i = 0; i < RP_SAMPLE_N_LINES; i++)
    {
      g.n_reasons[i] = list_length (rp_sample_inbound_reasons[i]);
      g.n_outcomes[i] = list_length (rp_sample_outcomes[i]);
      g.n_line_weight += rp_sample_line_weights[i];
    }
  g.n_thank_you_texts = list_length (rp_sample_thank_you_texts);
  g.n_update_texts = list_length (rp_sample_update_texts);
  g.n_referral_notes = list_length (rp_sample_referral_notes);

  /* One bulk transaction: the search index is built once at the end, not row by row. */
  ok = rp_store_begin_bulk (store, error);
  if (ok)
    {
      ok = generate (&g, error);
      /* The sample's coordinates are made up with its addresses: say so in the partner pane. */
      if (ok)
        ok = rp_store_record_geocode_source (store, RP_GEOCODE_SOURCE_SAMPLE, error);
      if (ok)
        ok = rp_store_end_bulk (store, TRUE, error);
      else
        rp_store_end_bulk (store, FALSE, NULL);
    }

  if (ok)
    ok = rp_store_optimize (store, error);

  if (ok && progress != NULL && g.last_percent != 100)
    progress (1.0, user_data);

  generator_clear (&g);
  return ok;
}
