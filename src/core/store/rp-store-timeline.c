/* rp-store-timeline.c: reading a page of a timeline.
 *
 * A timeline merges seven sources, newest first: referral arrivals (at the local midnight that
 * starts their referred-on day), referral status changes, referral outcomes (at the time they
 * were recorded), activities, partner feedback (at the local midnight of its day), tasks done
 * (at done-at) and open tasks (at the local midnight of their due day). Every item has a unique sort key,
 *
 *   <instant, ISO-8601 UTC> "|" <source letter> "|" <tie-break, as the source's index orders it>
 *
 * and the timeline is ordered by that key, descending. A page after a key reads at most @limit
 * rows from each source with a keyset condition (the source's index tuple compared as a row
 * value with a bound made from the key) and keeps the @limit newest of them, so any page costs
 * the same however deep it is.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "rp-activity.h"
#include "rp-feedback.h"
#include "rp-outcome-category.h"
#include "rp-referral-status.h"
#include "rp-store-private.h"
#include "rp-store-timeline.h"
#include "rp-timeline-item-private.h"

/* The source letters; at the same instant a higher letter comes first. */
#define SOURCE_ACTIVITY   'a'
#define SOURCE_TASK_DONE  'd'
#define SOURCE_FEEDBACK   'f'
#define SOURCE_OUTCOME    'o'
#define SOURCE_ARRIVAL    'r'
#define SOURCE_TRANSITION 't'
#define SOURCE_TASK_DUE   'u'

/* Greater than any stored instant, day, id or enum nick. */
#define MAX_INSTANT "9999-12-31T23:59:59Z"
#define MAX_DAY     "9999-12-31"
#define MAX_NICK    "~"

/* Where the previous page ended. */
typedef struct
{
  char   *instant;   /* K: the last item's instant */
  char    source;    /* its source letter, or 0 before the first page */
  char  **tie;       /* its tie-break fields */
  char   *day;       /* the local day of K */
  gboolean midnight; /* K is exactly the local midnight that starts that day */
} Bound;

static void
bound_clear (Bound *bound)
{
  g_clear_pointer (&bound->instant, g_free);
  g_clear_pointer (&bound->tie, g_strfreev);
  g_clear_pointer (&bound->day, g_free);
}

/* The instant (UTC ISO) at which the local day @day (YYYY-MM-DD) starts. */
static char *
day_start_instant (const char *day)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) utc = NULL;
  int year;
  int month;
  int mday;

  if (sscanf (day, "%4d-%2d-%2d", &year, &month, &mday) != 3 ||
      !g_date_valid_dmy (mday, month, year))
    return g_strdup_printf ("%sT00:00:00Z", day);

  local = g_date_time_new_local (year, month, mday, 0, 0, 0);
  if (local == NULL)
    return g_strdup_printf ("%sT00:00:00Z", day);

  utc = g_date_time_to_utc (local);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

/* The local day (YYYY-MM-DD) of the UTC instant @instant. */
static char *
instant_local_day (const char *instant)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  utc = g_date_time_new_from_iso8601 (instant, NULL);
  if (utc == NULL)
    return g_strndup (instant, 10);

  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d");
}

/* The day after @day (YYYY-MM-DD). */
static char *
next_day (const char *day)
{
  int year;
  int month;
  int mday;
  GDate date;

  if (sscanf (day, "%4d-%2d-%2d", &year, &month, &mday) != 3 ||
      !g_date_valid_dmy (mday, month, year))
    return g_strdup (MAX_DAY);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, mday, month, year);
  g_date_add_days (&date, 1);

  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

static gboolean
parse_bound (const char *key,
             Bound      *bound,
             GError    **error)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *start = NULL;

  memset (bound, 0, sizeof *bound);

  if (key == NULL || *key == '\0')
    {
      bound->instant = g_strdup (MAX_INSTANT);
      bound->day = g_strdup (MAX_DAY);
      bound->tie = g_new0 (char *, 1);
      return TRUE;
    }

  parts = g_strsplit (key, "|", 3);
  if (g_strv_length (parts) != 3 || strlen (parts[1]) != 1)
    {
      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_INVALID,
                   "Not a timeline sort key: “%s”", key);
      return FALSE;
    }

  bound->instant = g_strdup (parts[0]);
  bound->source = parts[1][0];
  bound->tie = g_strsplit (parts[2], ":", -1);
  bound->day = instant_local_day (bound->instant);
  start = day_start_instant (bound->day);
  bound->midnight = g_strcmp0 (start, bound->instant) == 0;

  return TRUE;
}

/* Which side of the previous page's last item the rows of @source at its very instant fall:
 * > 0 all of them are older (they follow it), < 0 none is, 0 their tie-break decides. */
static int
bound_side (const Bound *bound,
            char         source)
{
  if (bound->source == 0)
    return 1;

  return bound->source > source ? 1 : bound->source < source ? -1 : 0;
}

static const char *
tie_field (const Bound *bound,
           guint        index)
{
  if (bound->tie == NULL || g_strv_length (bound->tie) <= index)
    return "";

  return bound->tie[index];
}

static gint64
tie_id (const Bound *bound,
        guint        index)
{
  return g_ascii_strtoll (tie_field (bound, index), NULL, 10);
}

/* Binds @value to the parameter called @name, when the statement has one. */
static void
bind_text (sqlite3_stmt *stmt,
           const char   *name,
           const char   *value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

static void
bind_int64 (sqlite3_stmt *stmt,
            const char   *name,
            gint64        value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_int64 (stmt, index, value);
}

/* The date range and tier bounds that every source binds. */
typedef struct
{
  const RpTimelineFilter *filter;
  char                   *from_instant;  /* local midnight starting filter->from */
  char                   *to_instant;    /* local midnight ending filter->to (exclusive) */
  const char             *today;
  guint                   limit;
  GHashTable             *day_labels;    /* day → its label, worded once a page */
} Query;

/* Makes the item, with its day's label worded once for the whole page. */
static RpTimelineItem *
new_item (RpTimelineItemFields *fields,
          const Query          *query)
{
  const char *label = g_hash_table_lookup (query->day_labels, fields->day);

  if (label == NULL)
    {
      char *new_label = _rp_timeline_format_day_label (fields->day, query->today);

      g_hash_table_insert (query->day_labels, g_strdup (fields->day), new_label);
      label = new_label;
    }

  fields->day_label = label;
  return _rp_timeline_item_new (fields, query->today);
}

static void
bind_common (sqlite3_stmt *stmt,
             const Query  *query)
{
  const RpTimelineFilter *filter = query->filter;

  bind_int64 (stmt, ":partner", filter->partner_id);
  if (!filter->any_tier)
    bind_text (stmt, ":tier", rp_enum_to_nick (RP_TYPE_TIER, filter->tier));
  if (filter->from != NULL)
    {
      bind_text (stmt, ":from_day", filter->from);
      bind_text (stmt, ":from_instant", query->from_instant);
    }
  if (filter->to != NULL)
    {
      bind_text (stmt, ":to_day", filter->to);
      bind_text (stmt, ":to_instant", query->to_instant);
    }
  bind_int64 (stmt, ":limit", query->limit);
  if (filter->past_only)
    bind_text (stmt, ":today", query->today);
}

/* The tier test is a scalar subquery, not a condition on the joined partner: on the join,
 * SQLite would build a Bloom filter over every partner of the tier for each page. */
static void
append_tier (GString                *sql,
             const RpTimelineFilter *filter,
             const char             *partner_column)
{
  if (!filter->any_tier)
    g_string_append_printf (sql, " AND (SELECT q.tier FROM partner q WHERE q.id = %s) = :tier",
                            partner_column);
}

static void
append_instant_range (GString                *sql,
                      const RpTimelineFilter *filter,
                      const char             *column)
{
  if (filter->from != NULL)
    g_string_append_printf (sql, " AND %s >= :from_instant", column);
  if (filter->to != NULL)
    g_string_append_printf (sql, " AND %s < :to_instant", column);
}

static void
append_day_range (GString                *sql,
                  const RpTimelineFilter *filter,
                  const char             *column)
{
  if (filter->from != NULL)
    g_string_append_printf (sql, " AND %s >= :from_day", column);
  if (filter->to != NULL)
    g_string_append_printf (sql, " AND %s <= :to_day", column);
}

/* Steps @stmt to its end, making an item of each row with @make. */
typedef RpTimelineItem *(*MakeItem) (sqlite3_stmt *stmt,
                                     const Query  *query);

static gboolean
collect (RpStore      *self,
         sqlite3_stmt *stmt,
         const Query  *query,
         MakeItem      make,
         GPtrArray    *items,
         GError      **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, make (stmt, query));

  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _rp_store_set_error (self, rc, error);
      return FALSE;
    }

  return TRUE;
}

/* A source: how its query is worded, how the page bound is bound to it, how a row is read. */
typedef void (*BuildSql) (GString                *sql,
                          const RpTimelineFilter *filter);
typedef void (*BindBound) (sqlite3_stmt *stmt,
                           const Bound  *bound,
                           char          source);

typedef struct
{
  char      letter;
  BuildSql  build_sql;
  BindBound bind_bound;
  MakeItem  make_item;
} Source;

/* Reads at most query->limit items of @source older than @bound into @items. */
static gboolean
read_source (RpStore      *self,
             const Source *source,
             const Query  *query,
             const Bound  *bound,
             GPtrArray    *items,
             GError      **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt;

  source->build_sql (sql, query->filter);

  stmt = _rp_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return FALSE;

  bind_common (stmt, query);
  source->bind_bound (stmt, bound, source->letter);

  return collect (self, stmt, query, source->make_item, items, error);
}

/* The sort key of an item of @source at @instant, its tie-break the row id @id. */
static char *
instant_key (const char *instant,
             char        source,
             gint64      id)
{
  return g_strdup_printf ("%s|%c|%019" G_GINT64_FORMAT, instant, source, id);
}

/* Binds :instant and :id, the bound of an (instant, id) index. */
static void
bind_instant_bound (sqlite3_stmt *stmt,
                    const Bound  *bound,
                    char          source)
{
  int side = bound_side (bound, source);

  bind_text (stmt, ":instant", bound->instant);
  bind_int64 (stmt, ":id", side > 0 ? G_MAXINT64 : side < 0 ? 0 : tie_id (bound, 0));
}

/* Binds :day and the tie-break of a (day, text, id…) index: @text_param and then @id_params
 * (NULL-terminated). Rows of the bound's day start at its midnight; when the bound is later than
 * that, the whole day is older. The text is stripped of the padding a key may give it. */
static void
bind_day_bound (sqlite3_stmt      *stmt,
                const Bound       *bound,
                char               source,
                const char        *text_param,
                const char *const *id_params)
{
  int side = bound->midnight ? bound_side (bound, source) : 1;
  guint i;

  bind_text (stmt, ":day", bound->day);

  if (side > 0)
    {
      bind_text (stmt, text_param, MAX_NICK);
      for (i = 0; id_params[i] != NULL; i++)
        bind_int64 (stmt, id_params[i], G_MAXINT64);
    }
  else if (side < 0)
    {
      bind_text (stmt, text_param, "");
      for (i = 0; id_params[i] != NULL; i++)
        bind_int64 (stmt, id_params[i], 0);
    }
  else
    {
      g_autofree char *text = g_strstrip (g_strdup (tie_field (bound, 0)));

      bind_text (stmt, text_param, text);
      for (i = 0; id_params[i] != NULL; i++)
        bind_int64 (stmt, id_params[i], tie_id (bound, i + 1));
    }
}

/* Referral arrivals ─────────────────────────────────────────────────────────────────────── */

static RpTimelineItem *
make_arrival (sqlite3_stmt *stmt,
              const Query  *query)
{
  RpTimelineItemFields fields = { 0 };
  g_autofree char *instant = NULL;
  g_autofree char *title = NULL;
  g_autofree char *key = NULL;
  const char *direction = _rp_store_column_text (stmt, 1);
  const char *day = _rp_store_column_text (stmt, 2);
  const char *reason = _rp_store_column_text (stmt, 3);
  gboolean inbound = g_strcmp0 (direction, "inbound") == 0;
  const char *what = inbound ? _("Referral received") : _("Referral sent");

  instant = day_start_instant (day);
  /* TRANSLATORS: "Referral received: knee pain" */
  title = *reason != '\0' ? g_strdup_printf (_("%s: %s"), what, reason) : g_strdup (what);
  key = g_strdup_printf ("%s|%c|%s:%019" G_GINT64_FORMAT ":%019" G_GINT64_FORMAT,
                         instant, SOURCE_ARRIVAL, direction,
                         (gint64) sqlite3_column_int64 (stmt, 5),
                         (gint64) sqlite3_column_int64 (stmt, 0));

  fields.kind = RP_TIMELINE_KIND_REFERRAL;
  fields.occurred_at = instant;
  fields.day = day;
  fields.title = title;
  fields.summary = _rp_store_column_text (stmt, 4);
  fields.icon_name = inbound ? "mail-unread-symbolic" : "mail-send-symbolic";
  fields.partner_id = sqlite3_column_int64 (stmt, 5);
  fields.partner_name = _rp_store_column_text (stmt, 6);
  fields.referral_id = sqlite3_column_int64 (stmt, 0);
  fields.sort_key = key;

  return new_item (&fields, query);
}

static void
arrivals_sql (GString                *sql,
             const RpTimelineFilter *filter)
{
  g_string_append (sql,
                   "SELECT r.id, r.direction, r.referred_on, r.reason, r.service_line,"
                   " r.partner_id, p.display_name");
  /* Without a partner, walk the day index (referred_on, direction, partner_id, id) and look up
   * each row's partner: CROSS JOIN keeps the planner from starting at the partners. */
  g_string_append (sql, " FROM referral r CROSS JOIN partner p ON p.id = r.partner_id"
                        " WHERE (r.referred_on, r.direction, r.partner_id, r.id)"
                        " < (:day, :direction, :partner_tie, :id)");
  if (filter->partner_id > 0)
    g_string_append (sql, " AND r.partner_id = :partner");
  append_tier (sql, filter, "r.partner_id");
  append_day_range (sql, filter, "r.referred_on");
  g_string_append (sql, " ORDER BY r.referred_on DESC, r.direction DESC, r.partner_id DESC,"
                        " r.id DESC LIMIT :limit");
}

/* Binds :day, :direction, :partner_tie and :id, the bound of the day index. */
static void
bind_arrival_bound (sqlite3_stmt *stmt,
                    const Bound  *bound,
                    char          source)
{
  static const char *const ids[] = { ":partner_tie", ":id", NULL };

  bind_day_bound (stmt, bound, source, ":direction", ids);
}

static const Source arrivals = { SOURCE_ARRIVAL, arrivals_sql, bind_arrival_bound, make_arrival };

/* Referral status changes ───────────────────────────────────────────────────────────────── */

static const char *
transition_title (RpReferralStatus to)
{
  switch (to)
    {
    case RP_REFERRAL_STATUS_RECEIVED:
      return _("Referral received");
    case RP_REFERRAL_STATUS_CONTACTED:
      return _("Patient contacted");
    case RP_REFERRAL_STATUS_SCHEDULED:
      return _("Referral scheduled");
    case RP_REFERRAL_STATUS_SEEN:
      return _("Patient seen");
    case RP_REFERRAL_STATUS_LOOP_CLOSED:
      return _("Loop closed");
    case RP_REFERRAL_STATUS_DECLINED:
      return _("Referral declined");
    case RP_REFERRAL_STATUS_NO_SHOW:
      return _("Patient did not show");
    case RP_REFERRAL_STATUS_LOST:
      return _("Referral lost");
    default:
      return rp_referral_status_to_label (to);
    }
}

static const char *
transition_icon (RpReferralStatus to)
{
  switch (to)
    {
    case RP_REFERRAL_STATUS_CONTACTED:
      return "call-start-symbolic";
    case RP_REFERRAL_STATUS_SCHEDULED:
      return "x-office-calendar-symbolic";
    case RP_REFERRAL_STATUS_SEEN:
      return "user-available-symbolic";
    case RP_REFERRAL_STATUS_LOOP_CLOSED:
      return "emblem-ok-symbolic";
    case RP_REFERRAL_STATUS_NO_SHOW:
      return "dialog-warning-symbolic";
    case RP_REFERRAL_STATUS_DECLINED:
    case RP_REFERRAL_STATUS_LOST:
      return "action-unavailable-symbolic";
    case RP_REFERRAL_STATUS_RECEIVED:
    default:
      return "mail-unread-symbolic";
    }
}

static RpTimelineItem *
make_transition (sqlite3_stmt *stmt,
                 const Query  *query)
{
  RpTimelineItemFields fields = { 0 };
  g_autofree char *day = NULL;
  g_autofree char *key = NULL;
  g_autofree char *summary = NULL;
  const char *instant = _rp_store_column_text (stmt, 2);
  const char *note = _rp_store_column_text (stmt, 3);
  const char *reason = _rp_store_column_text (stmt, 5);
  int to = RP_REFERRAL_STATUS_RECEIVED;

  rp_enum_from_nick (RP_TYPE_REFERRAL_STATUS, _rp_store_column_text (stmt, 1), &to);

  day = instant_local_day (instant);
  key = instant_key (instant, SOURCE_TRANSITION, sqlite3_column_int64 (stmt, 0));
  if (*note != '\0' && *reason != '\0')
    /* TRANSLATORS: a status change's summary: the referral's reason, then the note */
    summary = g_strdup_printf (_("%s — %s"), reason, note);
  else
    summary = g_strdup (*note != '\0' ? note : reason);

  fields.kind = RP_TIMELINE_KIND_REFERRAL;
  fields.occurred_at = instant;
  fields.day = day;
  fields.title = transition_title (to);
  fields.summary = summary;
  fields.icon_name = transition_icon (to);
  fields.partner_id = sqlite3_column_int64 (stmt, 6);
  fields.partner_name = _rp_store_column_text (stmt, 7);
  fields.referral_id = sqlite3_column_int64 (stmt, 4);
  fields.sort_key = key;

  return new_item (&fields, query);
}

static void
transitions_sql (GString                *sql,
                const RpTimelineFilter *filter)
{
  g_string_append (sql,
                   "SELECT t.id, t.to_status, t.occurred_at, t.note, r.id, r.reason,"
                   " r.partner_id, p.display_name");
  /* One partner: start from their referrals (a few) and sort their transitions. Everyone: walk
   * the time index and look up each transition's referral. */
  if (filter->partner_id > 0)
    g_string_append (sql, " FROM referral r CROSS JOIN referral_transition t"
                          " ON t.referral_id = r.id"
                          " CROSS JOIN partner p ON p.id = r.partner_id"
                          " WHERE r.partner_id = :partner AND");
  else
    g_string_append (sql, " FROM referral_transition t CROSS JOIN referral r"
                          " ON r.id = t.referral_id"
                          " CROSS JOIN partner p ON p.id = r.partner_id WHERE");
  g_string_append (sql, " (t.occurred_at, t.id) < (:instant, :id)");
  append_tier (sql, filter, "r.partner_id");
  append_instant_range (sql, filter, "t.occurred_at");
  g_string_append (sql, " ORDER BY t.occurred_at DESC, t.id DESC LIMIT :limit");
}

static const Source transitions = { SOURCE_TRANSITION, transitions_sql, bind_instant_bound,
                                    make_transition };

/* Referral outcomes ─────────────────────────────────────────────────────────────────────── */

static RpTimelineItem *
make_outcome (sqlite3_stmt *stmt,
              const Query  *query)
{
  RpTimelineItemFields fields = { 0 };
  g_autofree char *day = NULL;
  g_autofree char *key = NULL;
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *rating = NULL;
  const char *instant = _rp_store_column_text (stmt, 1);
  const char *note = _rp_store_column_text (stmt, 2);
  guint satisfaction = (guint) sqlite3_column_int (stmt, 3);
  const char *label = _rp_store_column_text (stmt, 5);
  const char *category = *label != '\0' ? label
                                        : rp_outcome_category_builtin_label (
                                            _rp_store_column_text (stmt, 4));

  day = instant_local_day (instant);
  key = instant_key (instant, SOURCE_OUTCOME, sqlite3_column_int64 (stmt, 0));
  if (category != NULL && *category != '\0')
    /* TRANSLATORS: a referral's outcome on the timeline, "Outcome: Improved" */
    title = g_strdup_printf (_("Outcome: %s"), category);
  else
    title = g_strdup (_("Outcome recorded"));

  if (satisfaction >= 1 && satisfaction <= 5)
    /* TRANSLATORS: the patient's satisfaction with the care, "Satisfaction 4 of 5" */
    rating = g_strdup_printf (_("Satisfaction %u of 5"), satisfaction);
  if (rating != NULL && *note != '\0')
    /* TRANSLATORS: an outcome's summary: the satisfaction, then the note */
    summary = g_strdup_printf (_("%s · %s"), rating, note);
  else
    summary = g_strdup (rating != NULL ? rating : note);

  fields.kind = RP_TIMELINE_KIND_REFERRAL;
  fields.occurred_at = instant;
  fields.day = day;
  fields.title = title;
  fields.summary = summary;
  fields.icon_name = "emblem-documents-symbolic";
  fields.partner_id = sqlite3_column_int64 (stmt, 6);
  fields.partner_name = _rp_store_column_text (stmt, 7);
  fields.referral_id = sqlite3_column_int64 (stmt, 0);
  fields.sort_key = key;

  return new_item (&fields, query);
}

static void
outcomes_sql (GString                *sql,
              const RpTimelineFilter *filter)
{
  g_string_append (sql,
                   "SELECT r.id, r.outcome_at, r.outcome, r.satisfaction, c.key, c.label,"
                   " r.partner_id, p.display_name");
  /* One partner: start from their referrals (a few hundred at most) and sort their outcomes.
   * Everyone: walk the partial index of recorded outcomes. */
  if (filter->partner_id > 0)
    g_string_append (sql, " FROM referral r INDEXED BY referral_by_partner"
                          " CROSS JOIN partner p ON p.id = r.partner_id"
                          " LEFT JOIN outcome_category c ON c.id = r.outcome_category_id"
                          " WHERE r.partner_id = :partner AND");
  else
    g_string_append (sql, " FROM referral r INDEXED BY referral_by_outcome_at"
                          " CROSS JOIN partner p ON p.id = r.partner_id"
                          " LEFT JOIN outcome_category c ON c.id = r.outcome_category_id"
                          " WHERE");
  g_string_append (sql, " r.outcome_at IS NOT NULL AND (r.outcome_at, r.id) < (:instant, :id)");
  append_tier (sql, filter, "r.partner_id");
  append_instant_range (sql, filter, "r.outcome_at");
  g_string_append (sql, " ORDER BY r.outcome_at DESC, r.id DESC LIMIT :limit");
}

static const Source outcomes = { SOURCE_OUTCOME, outcomes_sql, bind_instant_bound, make_outcome };

/* Activities ────────────────────────────────────────────────────────────────────────────── */

static const char *
activity_icon (RpActivityKind kind)
{
  switch (kind)
    {
    case RP_ACTIVITY_KIND_VISIT:
      return "find-location-symbolic";
    case RP_ACTIVITY_KIND_CALL:
      return "call-start-symbolic";
    case RP_ACTIVITY_KIND_EMAIL:
      return "mail-send-symbolic";
    case RP_ACTIVITY_KIND_EVENT:
      return "x-office-calendar-symbolic";
    case RP_ACTIVITY_KIND_THANK_YOU:
      return "emblem-favorite-symbolic";
    case RP_ACTIVITY_KIND_UPDATE_SENT:
      return "mail-replied-symbolic";
    case RP_ACTIVITY_KIND_FEEDBACK:
      return "face-smile-symbolic";
    case RP_ACTIVITY_KIND_NOTE:
    default:
      return "document-edit-symbolic";
    }
}

static RpTimelineItem *
make_activity (sqlite3_stmt *stmt,
               const Query  *query)
{
  RpTimelineItemFields fields = { 0 };
  g_autofree char *day = NULL;
  g_autofree char *key = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *partner_name = NULL;
  const char *instant = _rp_store_column_text (stmt, 2);
  const char *text = _rp_store_column_text (stmt, 3);
  gint64 cost = sqlite3_column_int64 (stmt, 4);
  const char *name = _rp_store_column_text (stmt, 7);
  gint64 n_partners = sqlite3_column_int64 (stmt, 8);
  int kind = RP_ACTIVITY_KIND_NOTE;

  rp_enum_from_nick (RP_TYPE_ACTIVITY_KIND, _rp_store_column_text (stmt, 1), &kind);

  day = instant_local_day (instant);
  key = instant_key (instant, SOURCE_ACTIVITY, sqlite3_column_int64 (stmt, 0));

  if (cost > 0)
    {
      g_autofree char *amount = g_strdup_printf ("$%" G_GINT64_FORMAT ".%02d",
                                                 cost / 100, (int) (cost % 100));

      if (*text != '\0')
        /* TRANSLATORS: an activity's summary and its cost, "Lunch-and-learn · $120.00" */
        summary = g_strdup_printf (_("%s · %s"), text, amount);
      else
        summary = g_steal_pointer (&amount);
    }
  else
    {
      summary = g_strdup (text);
    }

  if (n_partners > 1)
    /* TRANSLATORS: the partners present at an activity, "Dr. Ann Lee and 2 others" */
    partner_name = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s and %d other",
                                                 "%s and %d others", n_partners - 1),
                                    name, (int) (n_partners - 1));
  else
    partner_name = g_strdup (name);

  fields.kind = RP_TIMELINE_KIND_ACTIVITY;
  fields.activity_kind = kind;
  fields.occurred_at = instant;
  fields.day = day;
  fields.title = rp_activity_kind_to_label (kind);
  fields.summary = summary;
  fields.icon_name = activity_icon (kind);
  fields.partner_id = sqlite3_column_int64 (stmt, 6);
  fields.partner_name = partner_name;
  fields.referral_id = sqlite3_column_int64 (stmt, 5);
  fields.activity_id = sqlite3_column_int64 (stmt, 0);
  fields.sort_key = key;

  return new_item (&fields, query);
}

static void
activities_sql (GString                *sql,
               const RpTimelineFilter *filter)
{
  g_string_append (sql,
                   "SELECT a.id, a.kind, a.occurred_at, a.summary, a.cost_cents,"
                   " ifnull(a.referral_id, 0), p.id, p.display_name,"
                   " (SELECT count(*) FROM activity_partner n WHERE n.activity_id = a.id)");
  /* One partner: their activities (a few, from activity_partner_by_partner), sorted. Everyone:
   * walk the time index; the row names the first partner present. */
  if (filter->partner_id > 0)
    g_string_append (sql, " FROM activity_partner ap CROSS JOIN activity a"
                          " ON a.id = ap.activity_id"
                          " CROSS JOIN partner p ON p.id = ap.partner_id"
                          " WHERE ap.partner_id = :partner AND");
  else
    g_string_append (sql, " FROM activity a LEFT JOIN partner p ON p.id ="
                          " (SELECT min(f.partner_id) FROM activity_partner f"
                          "  WHERE f.activity_id = a.id) WHERE");
  g_string_append (sql, " (a.occurred_at, a.id) < (:instant, :id)");
  if (!filter->any_tier)
    g_string_append (sql, " AND EXISTS (SELECT 1 FROM activity_partner x"
                          " JOIN partner q ON q.id = x.partner_id"
                          " WHERE x.activity_id = a.id AND q.tier = :tier)");
  append_instant_range (sql, filter, "a.occurred_at");
  g_string_append (sql, " ORDER BY a.occurred_at DESC, a.id DESC LIMIT :limit");
}

static const Source activities = { SOURCE_ACTIVITY, activities_sql, bind_instant_bound,
                                   make_activity };

/* Partner feedback ──────────────────────────────────────────────────────────────────────── */

static RpTimelineItem *
make_feedback (sqlite3_stmt *stmt,
               const Query  *query)
{
  RpTimelineItemFields fields = { 0 };
  g_autofree char *instant = NULL;
  g_autofree char *key = NULL;
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  const char *day = _rp_store_column_text (stmt, 1);
  const char *given_by = _rp_store_column_text (stmt, 3);
  const char *comment = _rp_store_column_text (stmt, 5);
  RpFeedbackTopic topic = RP_FEEDBACK_TOPIC_OTHER;

  rp_feedback_topic_from_nick (_rp_store_column_text (stmt, 4), &topic);
  instant = day_start_instant (day);
  /* The empty text field keeps the key's shape of the day sources: day, text, ids. */
  key = g_strdup_printf ("%s|%c|:%019" G_GINT64_FORMAT, instant, SOURCE_FEEDBACK,
                         (gint64) sqlite3_column_int64 (stmt, 0));
  /* TRANSLATORS: feedback on the timeline, "Feedback: 6 of 10 on reports" */
  title = g_strdup_printf (_("Feedback: %d of 10 on %s"), sqlite3_column_int (stmt, 2),
                           rp_feedback_topic_to_label (topic));
  if (*given_by != '\0' && *comment != '\0')
    /* TRANSLATORS: feedback's summary, "Office manager: reports arrive late" */
    summary = g_strdup_printf (_("%s: %s"), given_by, comment);
  else
    summary = g_strdup (*comment != '\0' ? comment : given_by);

  fields.kind = RP_TIMELINE_KIND_ACTIVITY;
  fields.activity_kind = RP_ACTIVITY_KIND_FEEDBACK;
  fields.occurred_at = instant;
  fields.day = day;
  fields.title = title;
  fields.summary = summary;
  fields.icon_name = activity_icon (RP_ACTIVITY_KIND_FEEDBACK);
  fields.partner_id = sqlite3_column_int64 (stmt, 6);
  fields.partner_name = _rp_store_column_text (stmt, 7);
  fields.sort_key = key;

  return new_item (&fields, query);
}

static void
feedback_sql (GString                *sql,
              const RpTimelineFilter *filter)
{
  g_string_append (sql,
                   "SELECT f.id, f.given_on, f.score, f.given_by, f.topic, f.comment,"
                   " f.partner_id, p.display_name"
                   " FROM partner_feedback f CROSS JOIN partner p ON p.id = f.partner_id"
                   " WHERE (f.given_on, '', f.id) < (:day, :text, :id)");
  if (filter->partner_id > 0)
    g_string_append (sql, " AND f.partner_id = :partner");
  append_tier (sql, filter, "f.partner_id");
  append_day_range (sql, filter, "f.given_on");
  g_string_append (sql, " ORDER BY f.given_on DESC, f.id DESC LIMIT :limit");
}

/* Binds :day, :text (always "": feedback has no text tie-break) and :id. */
static void
bind_feedback_bound (sqlite3_stmt *stmt,
                     const Bound  *bound,
                     char          source)
{
  static const char *const ids[] = { ":id", NULL };

  bind_day_bound (stmt, bound, source, ":text", ids);
}

static const Source feedback = { SOURCE_FEEDBACK, feedback_sql, bind_feedback_bound,
                                 make_feedback };

/* Tasks ─────────────────────────────────────────────────────────────────────────────────── */

/* Both task sources read t.id, t.title, t.notes, their instant or day, the partner's id and
 * name and the referral's id as their first seven columns. */
static RpTimelineItem *
new_task_item (RpTimelineItemFields *fields,
               sqlite3_stmt         *stmt,
               const Query          *query)
{
  fields->summary = _rp_store_column_text (stmt, 2);
  fields->partner_id = sqlite3_column_int64 (stmt, 4);
  fields->partner_name = _rp_store_column_text (stmt, 5);
  fields->referral_id = sqlite3_column_int64 (stmt, 6);
  fields->task_id = sqlite3_column_int64 (stmt, 0);

  return new_item (fields, query);
}

static RpTimelineItem *
make_task_done (sqlite3_stmt *stmt,
                const Query  *query)
{
  RpTimelineItemFields fields = { 0 };
  g_autofree char *day = NULL;
  g_autofree char *key = NULL;
  g_autofree char *title = NULL;
  const char *instant = _rp_store_column_text (stmt, 3);

  day = instant_local_day (instant);
  key = instant_key (instant, SOURCE_TASK_DONE, sqlite3_column_int64 (stmt, 0));
  /* TRANSLATORS: a task done, "Done: Send thank-you to Dr. Lee" */
  title = g_strdup_printf (_("Done: %s"), _rp_store_column_text (stmt, 1));

  fields.kind = RP_TIMELINE_KIND_TASK_DONE;
  fields.occurred_at = instant;
  fields.day = day;
  fields.title = title;
  fields.icon_name = "object-select-symbolic";
  fields.sort_key = key;

  return new_task_item (&fields, stmt, query);
}

static RpTimelineItem *
make_task_due (sqlite3_stmt *stmt,
               const Query  *query)
{
  RpTimelineItemFields fields = { 0 };
  g_autofree char *instant = NULL;
  g_autofree char *key = NULL;
  g_autofree char *title = NULL;
  const char *day = _rp_store_column_text (stmt, 3);

  instant = day_start_instant (day);
  /* The due time is padded so that the key sorts as the index does ("" before "09:00"). */
  key = g_strdup_printf ("%s|%c|%-5s:%019" G_GINT64_FORMAT,
                         instant, SOURCE_TASK_DUE, _rp_store_column_text (stmt, 7),
                         (gint64) sqlite3_column_int64 (stmt, 0));
  /* TRANSLATORS: an open task, "Due: Send thank-you to Dr. Lee" */
  title = g_strdup_printf (_("Due: %s"), _rp_store_column_text (stmt, 1));

  fields.kind = RP_TIMELINE_KIND_TASK_DUE;
  fields.occurred_at = instant;
  fields.day = day;
  fields.title = title;
  fields.icon_name = "alarm-symbolic";
  fields.sort_key = key;

  return new_task_item (&fields, stmt, query);
}

static void
append_task_filters (GString                *sql,
                     const RpTimelineFilter *filter)
{
  if (filter->partner_id > 0)
    g_string_append (sql, " AND t.partner_id = :partner");
  append_tier (sql, filter, "t.partner_id");
}

static void
tasks_done_sql (GString                *sql,
               const RpTimelineFilter *filter)
{
  g_string_append (sql,
                   "SELECT t.id, t.title, t.notes, t.done_at, ifnull(t.partner_id, 0),"
                   " p.display_name, ifnull(t.referral_id, 0)"
                   " FROM task t LEFT JOIN partner p ON p.id = t.partner_id"
                   " WHERE t.done_at IS NOT NULL AND (t.done_at, t.id) < (:instant, :id)");
  append_task_filters (sql, filter);
  append_instant_range (sql, filter, "t.done_at");
  g_string_append (sql, " ORDER BY t.done_at DESC, t.id DESC LIMIT :limit");
}

static const Source tasks_done = { SOURCE_TASK_DONE, tasks_done_sql, bind_instant_bound,
                                   make_task_done };

static void
tasks_due_sql (GString                *sql,
              const RpTimelineFilter *filter)
{
  g_string_append (sql,
                   "SELECT t.id, t.title, t.notes, t.due_on, ifnull(t.partner_id, 0),"
                   " p.display_name, ifnull(t.referral_id, 0), t.due_time"
                   " FROM task t LEFT JOIN partner p ON p.id = t.partner_id"
                   " WHERE t.done_at IS NULL"
                   " AND (t.due_on, t.due_time, t.id) < (:day, :due_time, :id)");
  append_task_filters (sql, filter);
  append_day_range (sql, filter, "t.due_on");
  if (filter->past_only)
    g_string_append (sql, " AND t.due_on <= :today");
  g_string_append (sql, " ORDER BY t.due_on DESC, t.due_time DESC, t.id DESC LIMIT :limit");
}

/* Binds :day, :due_time and :id, the bound of the due index. */
static void
bind_task_due_bound (sqlite3_stmt *stmt,
                     const Bound  *bound,
                     char          source)
{
  static const char *const ids[] = { ":id", NULL };

  bind_day_bound (stmt, bound, source, ":due_time", ids);
}

static const Source tasks_due = { SOURCE_TASK_DUE, tasks_due_sql, bind_task_due_bound,
                                  make_task_due };

/* Page ──────────────────────────────────────────────────────────────────────────────────── */

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  RpTimelineItem *item_a = *(RpTimelineItem **) a;
  RpTimelineItem *item_b = *(RpTimelineItem **) b;

  return strcmp (_rp_timeline_item_get_sort_key (item_b), _rp_timeline_item_get_sort_key (item_a));
}

GPtrArray *
rp_store_list_timeline_page (RpStore                *self,
                             const RpTimelineFilter *filter,
                             RpTimelineItem         *after,
                             guint                   limit,
                             const char             *today,
                             GError                **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *to_next = NULL;
  g_autofree char *today_owned = NULL;
  Bound bound;
  Query query = { 0 };
  gboolean ok = TRUE;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (filter != NULL, NULL);
  g_return_val_if_fail (after == NULL || RP_IS_TIMELINE_ITEM (after), NULL);
  g_return_val_if_fail (limit > 0, NULL);

  /* The page continues from the previous one's last sort key. */
  if (!parse_bound (after != NULL ? _rp_timeline_item_get_sort_key (after) : NULL, &bound, error))
    return NULL;

  /* Where the timeline stops, for the open tasks of a past-only timeline. */
  if (filter->past_only && today == NULL)
    today = today_owned = _rp_store_dup_today (NULL);

  query.filter = filter;
  query.today = today;
  query.limit = limit;
  query.day_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (filter->from != NULL)
    query.from_instant = day_start_instant (filter->from);
  if (filter->to != NULL)
    {
      to_next = next_day (filter->to);
      query.to_instant = day_start_instant (to_next);
    }

  items = g_ptr_array_new_with_free_func (g_object_unref);

  if (ok && filter->referrals)
    ok = read_source (self, &arrivals, &query, &bound, items, error) &&
         read_source (self, &transitions, &query, &bound, items, error) &&
         read_source (self, &outcomes, &query, &bound, items, error);
  if (ok && filter->activities)
    ok = read_source (self, &activities, &query, &bound, items, error) &&
         read_source (self, &feedback, &query, &bound, items, error);
  if (ok && filter->tasks)
    ok = read_source (self, &tasks_due, &query, &bound, items, error) &&
         read_source (self, &tasks_done, &query, &bound, items, error);

  bound_clear (&bound);
  g_free (query.from_instant);
  g_free (query.to_instant);
  g_hash_table_unref (query.day_labels);

  if (!ok)
    return NULL;

  g_ptr_array_sort (items, compare_newest_first);
  if (items->len > limit)
    g_ptr_array_set_size (items, limit);

  return g_steal_pointer (&items);
}
