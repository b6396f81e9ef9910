/* rp-store-partner-query.c: finding partners: the search as an FTS5 query, the Partners list's
 * filters and sorts (by distance in C), and the matches the partner search collects.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rp-feedback.h"
#include "rp-store-partners.h"
#include "rp-store-private.h"

/* Turns what the user typed into an FTS5 query: every word becomes a quoted prefix term, so
 * "mar lop" finds "Maria López" and nothing typed can be read as FTS syntax. NULL when the
 * text holds no word. */
char *
_rp_store_build_match_query (const char *text)
{
  g_autoptr(GString) query = g_string_new (NULL);
  g_autoptr(GString) word = g_string_new (NULL);
  const char *p;

  if (text == NULL)
    return NULL;

  for (p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && (g_unichar_isalnum (c) || g_unichar_ismark (c)))
        {
          g_string_append_unichar (word, c);
          continue;
        }

      if (word->len > 0)
        {
          if (query->len > 0)
            g_string_append_c (query, ' ');
          g_string_append_printf (query, "\"%s\"*", word->str);
          g_string_truncate (word, 0);
        }

      if (c == 0)
        break;
    }

  if (query->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&query), FALSE);
}

static const char *
order_by_for (RpPartnerSort sort)
{
  switch (sort)
    {
    case RP_PARTNER_SORT_SPECIALTY:
      return "specialty_label COLLATE NOCASE %s, sort_name, id";
    case RP_PARTNER_SORT_ORGANIZATION:
      return "organization COLLATE NOCASE %s, sort_name, id";
    case RP_PARTNER_SORT_CITY:
      return "city COLLATE NOCASE %s, sort_name, id";
    case RP_PARTNER_SORT_TIER:
      return "tier %s, sort_name, id";
    case RP_PARTNER_SORT_STATUS:
      return "status %s, sort_name, id";
    case RP_PARTNER_SORT_LAST_CONTACT:
      return "last_contact_at %s, sort_name, id";
    case RP_PARTNER_SORT_REFERRALS_90D:
      return "coalesce(r90.n, 0) %s, sort_name, id";
    case RP_PARTNER_SORT_DISTANCE:
      /* Unplaced partners last in either direction. */
      return "lat IS NULL OR lon IS NULL,"
             " rp_distance_km(:origin_lat, :origin_lon, lat, lon) %s, sort_name, id";
    case RP_PARTNER_SORT_NAME:
    default:
      return "sort_name %s, id";
    }
}

/* Whether @filter keeps only the partners within a distance of its origin. */
static gboolean
has_distance_filter (const RpPartnerFilter *filter)
{
  return filter->has_origin && filter->within_km > 0;
}

void
_rp_store_append_filter_conditions (GString               *sql,
                                    const RpPartnerFilter *filter,
                                    const char            *match,
                                    gboolean               with_distance)
{
  g_assert (sql != NULL);
  g_assert (filter != NULL);

  if (match != NULL)
    g_string_append (sql, " AND partner.id IN"
                          " (SELECT rowid FROM partner_fts WHERE partner_fts MATCH :match)");
  if (!filter->any_tier)
    g_string_append (sql, " AND partner.tier = :tier");
  if (!filter->any_status)
    g_string_append (sql, " AND partner.status = :status");
  if (filter->specialty_code != NULL && *filter->specialty_code != '\0')
    g_string_append (sql, " AND partner.specialty_code = :specialty");
  if (filter->target_list_id != 0)
    g_string_append (sql, " AND partner.id IN (SELECT partner_id FROM target_list_member"
                          " WHERE list_id = :target_list)");
  if (filter->feedback_from != NULL && filter->feedback_to != NULL)
    g_string_append_printf (sql, " AND partner.id IN (SELECT partner_id FROM partner_feedback"
                                 " WHERE given_on BETWEEN :feedback_from AND :feedback_to%s)",
                            filter->feedback_topic > 0 ? " AND topic = :feedback_topic" : "");
  if (filter->city != NULL && *filter->city != '\0')
    g_string_append (sql, " AND partner.city = :city COLLATE NOCASE");
  if (filter->referred_from != NULL && filter->referred_to != NULL)
    g_string_append_printf (sql, " AND partner.id IN (SELECT partner_id FROM referral"
                                 " WHERE referred_on BETWEEN :referred_from AND :referred_to%s)",
                            filter->referred_direction > 0
                            ? " AND direction = :referred_direction" : "");
  /* The R*Tree narrows to the box around the circle; the haversine keeps the circle. */
  if (with_distance && has_distance_filter (filter))
    g_string_append (sql, " AND partner.id IN (SELECT id FROM partner_geo"
                          " WHERE min_lat >= :within_min_lat AND max_lat <= :within_max_lat"
                          " AND min_lon >= :within_min_lon AND max_lon <= :within_max_lon)"
                          " AND rp_distance_km(:origin_lat, :origin_lon, partner.lat, partner.lon)"
                          " <= :within_km");
}

static void
bind_double (sqlite3_stmt *stmt,
             const char   *name,
             double        value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_double (stmt, index, value);
}

void
_rp_store_bind_filter_conditions (sqlite3_stmt          *stmt,
                                  const RpPartnerFilter *filter,
                                  const char            *match)
{
  int index;

  g_assert (stmt != NULL);
  g_assert (filter != NULL);

  if ((index = sqlite3_bind_parameter_index (stmt, ":match")) > 0)
    sqlite3_bind_text (stmt, index, match, -1, SQLITE_TRANSIENT);
  if ((index = sqlite3_bind_parameter_index (stmt, ":tier")) > 0)
    sqlite3_bind_text (stmt, index, rp_enum_to_nick (RP_TYPE_TIER, filter->tier), -1,
                       SQLITE_STATIC);
  if ((index = sqlite3_bind_parameter_index (stmt, ":status")) > 0)
    sqlite3_bind_text (stmt, index, rp_enum_to_nick (RP_TYPE_PARTNER_STATUS, filter->status), -1,
                       SQLITE_STATIC);
  if ((index = sqlite3_bind_parameter_index (stmt, ":specialty")) > 0)
    sqlite3_bind_text (stmt, index, filter->specialty_code, -1, SQLITE_TRANSIENT);
  if ((index = sqlite3_bind_parameter_index (stmt, ":target_list")) > 0)
    sqlite3_bind_int64 (stmt, index, filter->target_list_id);
  if ((index = sqlite3_bind_parameter_index (stmt, ":feedback_from")) > 0)
    sqlite3_bind_text (stmt, index, filter->feedback_from, -1, SQLITE_TRANSIENT);
  if ((index = sqlite3_bind_parameter_index (stmt, ":feedback_to")) > 0)
    sqlite3_bind_text (stmt, index, filter->feedback_to, -1, SQLITE_TRANSIENT);
  if ((index = sqlite3_bind_parameter_index (stmt, ":city")) > 0)
    sqlite3_bind_text (stmt, index, filter->city, -1, SQLITE_TRANSIENT);
  if ((index = sqlite3_bind_parameter_index (stmt, ":referred_from")) > 0)
    sqlite3_bind_text (stmt, index, filter->referred_from, -1, SQLITE_TRANSIENT);
  if ((index = sqlite3_bind_parameter_index (stmt, ":referred_to")) > 0)
    sqlite3_bind_text (stmt, index, filter->referred_to, -1, SQLITE_TRANSIENT);
  if ((index = sqlite3_bind_parameter_index (stmt, ":referred_direction")) > 0)
    sqlite3_bind_text (stmt, index,
                       rp_enum_to_nick (RP_TYPE_REFERRAL_DIRECTION,
                                        filter->referred_direction - 1), -1, SQLITE_STATIC);
  if ((index = sqlite3_bind_parameter_index (stmt, ":feedback_topic")) > 0)
    sqlite3_bind_text (stmt, index, rp_feedback_topic_to_nick (filter->feedback_topic - 1), -1,
                       SQLITE_STATIC);

  bind_double (stmt, ":origin_lat", filter->origin_lat);
  bind_double (stmt, ":origin_lon", filter->origin_lon);
  bind_double (stmt, ":within_km", filter->within_km);

  if (sqlite3_bind_parameter_index (stmt, ":within_min_lat") > 0)
    {
      RpGeoPoint origin = { filter->origin_lat, filter->origin_lon };
      /* A hair wider: the R*Tree stores its coordinates as 32-bit floats. */
      RpGeoBox box = rp_geo_box_around (origin, filter->within_km * 1.001 + 0.01);

      bind_double (stmt, ":within_min_lat", box.min_lat);
      bind_double (stmt, ":within_max_lat", box.max_lat);
      bind_double (stmt, ":within_min_lon", box.min_lon);
      bind_double (stmt, ":within_max_lon", box.max_lon);
    }
}

typedef struct
{
  double  km;          /* -1 when unplaced */
  guint   position;    /* in name order */
  gint64  id;
} ByDistance;

static int
compare_by_distance (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  const ByDistance *x = a;
  const ByDistance *y = b;
  gboolean descending = GPOINTER_TO_INT (user_data);

  /* Unplaced partners last in either direction, then by distance, then in name order. */
  if ((x->km < 0) != (y->km < 0))
    return x->km < 0 ? 1 : -1;
  if (x->km != y->km)
    return (x->km < y->km) == !descending ? -1 : 1;

  return (x->position > y->position) - (x->position < y->position);
}

/* Keeps the partners of @ids within @filter's distance of its origin, and sorts them by that
 * distance when @filter says so; their places come from the map's copy of the partners
 * (rp-store-geo.c), a few milliseconds for 100,000 where SQL takes a third of a second. */
static gboolean
apply_distance (RpStore               *self,
                const RpPartnerFilter *filter,
                GArray                *ids,
                GError               **error)
{
  gboolean by_distance = filter->sort == RP_PARTNER_SORT_DISTANCE && filter->has_origin;
  gboolean within = has_distance_filter (filter);
  g_autofree RpGeoPoint *points = NULL;
  g_autofree gboolean *placed = NULL;
  g_autoptr(GArray) sorted = NULL;
  RpGeoPoint origin = { filter->origin_lat, filter->origin_lon };

  if ((!by_distance && !within) || ids->len == 0)
    return TRUE;

  points = g_new (RpGeoPoint, ids->len);
  placed = g_new (gboolean, ids->len);
  if (!_rp_store_locate_partners (self, (const gint64 *) (gpointer) ids->data, ids->len, points,
                                  placed, error))
    return FALSE;

  sorted = g_array_sized_new (FALSE, FALSE, sizeof (ByDistance), ids->len);
  for (guint i = 0; i < ids->len; i++)
    {
      ByDistance entry = { -1, i, g_array_index (ids, gint64, i) };

      if (placed[i])
        entry.km = rp_geo_distance_km (origin, points[i]);
      if (within && (entry.km < 0 || entry.km > filter->within_km))
        continue;

      g_array_append_val (sorted, entry);
    }

  if (by_distance)
    g_array_sort_with_data (sorted, compare_by_distance, GINT_TO_POINTER (filter->descending));

  g_array_set_size (ids, sorted->len);
  for (guint i = 0; i < sorted->len; i++)
    g_array_index (ids, gint64, i) = g_array_index (sorted, ByDistance, i).id;

  return TRUE;
}

GArray *
rp_store_query_partner_ids (RpStore               *self,
                            const RpPartnerFilter *filter,
                            GError               **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT id FROM partner ");
  g_autoptr(GArray) ids = NULL;
  g_autofree char *match = NULL;
  g_autofree char *today = NULL;
  g_autofree char *since = NULL;
  g_autofree char *order = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;
  int index;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  /* Sorting by referrals counts them per partner in one pass over the window's referrals
   * instead of once per partner. */
  if (filter->sort == RP_PARTNER_SORT_REFERRALS_90D)
    g_string_append (sql,
                     "LEFT JOIN (SELECT partner_id, count(*) AS n"
                     " FROM referral INDEXED BY referral_by_date"
                     " WHERE referred_on >= :since AND direction = 'inbound'"
                     " GROUP BY partner_id) AS r90 ON r90.partner_id = partner.id ");

  /* Written as the partial indexes' own WHERE so that SQLite can use them to sort. */
  g_string_append (sql, filter->archived ? "WHERE archived_at IS NOT NULL"
                                         : "WHERE archived_at IS NULL");

  match = _rp_store_build_match_query (filter->search);
  /* The distance filter and the distance order are applied in C afterwards (see
   * apply_distance()): SQL would compute the haversine in a function call per row, and read
   * the wide partner rows for their coordinates. */
  _rp_store_append_filter_conditions (sql, filter, match, FALSE);

  /* order_by_for() returns a format with one %s, the direction, from a fixed set. Without an
   * origin there is no distance to sort by: by name then. By distance, SQL gives the name order
   * that breaks ties (ascending in either direction). */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  order = g_strdup_printf (order_by_for (filter->sort == RP_PARTNER_SORT_DISTANCE
                                         ? RP_PARTNER_SORT_NAME : filter->sort),
                           filter->descending && filter->sort != RP_PARTNER_SORT_DISTANCE
                           ? "DESC" : "ASC");
#pragma GCC diagnostic pop
  g_string_append_printf (sql, " ORDER BY %s", order);

  rc = sqlite3_prepare_v2 (self->db, sql->str, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _rp_store_set_error (self, rc, error);
      return NULL;
    }

  _rp_store_bind_filter_conditions (stmt, filter, match);
  if ((index = sqlite3_bind_parameter_index (stmt, ":since")) > 0)
    {
      today = _rp_store_dup_today (filter->today);
      since = _rp_store_partner_window_start (today);
      sqlite3_bind_text (stmt, index, since, -1, SQLITE_STATIC);
    }

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }

  if (rc != SQLITE_DONE)
    {
      _rp_store_set_error (self, rc, error);
      sqlite3_finalize (stmt);
      return NULL;
    }

  sqlite3_finalize (stmt);

  if (!apply_distance (self, filter, ids, error))
    return NULL;

  return g_steal_pointer (&ids);
}

#define ID_ARRAY_POINTER "rp-id-array"

/* rp_collect_ids (id, array): an aggregate that writes each id into the GArray bound as a pointer
 * and returns how many it wrote (the array's length is then at least that: trim it). Collecting
 * in an aggregate costs a function call a row instead of a trip out of sqlite3_step and back,
 * which is most of a long match's time. */
typedef struct
{
  GArray *ids;
  guint   n;
} Collector;

static void
collect_ids_step (sqlite3_context *context,
                  int              argc,
                  sqlite3_value  **argv)
{
  Collector *collector = sqlite3_aggregate_context (context, sizeof (Collector));

  if (collector == NULL)
    {
      sqlite3_result_error_nomem (context);
      return;
    }

  /* The array is looked up once a query (a pointer value's type is checked by name). */
  if (collector->ids == NULL)
    {
      collector->ids = sqlite3_value_pointer (argv[1], ID_ARRAY_POINTER);
      if (collector->ids == NULL)
        {
          sqlite3_result_error (context, "rp_collect_ids: no array bound", -1);
          return;
        }
    }

  /* Written in place, the length grown by doubling: setting a length within the array's
   * memory, kept from search to search, costs nothing. */
  if (collector->n == collector->ids->len)
    g_array_set_size (collector->ids, MAX (1024, collector->n * 2));
  ((gint64 *) (void *) collector->ids->data)[collector->n++] = sqlite3_value_int64 (argv[0]);
}

static void
collect_ids_final (sqlite3_context *context)
{
  Collector *collector = sqlite3_aggregate_context (context, 0);

  sqlite3_result_int64 (context, collector != NULL ? collector->n : 0);
}

gboolean
_rp_store_register_partner_functions (RpStore *self)
{
  g_assert (RP_IS_STORE (self));
  g_assert (self->db != NULL);

  return sqlite3_create_function_v2 (self->db, "rp_collect_ids", 2, SQLITE_UTF8, NULL, NULL,
                                     collect_ids_step, collect_ids_final, NULL) == SQLITE_OK;
}

gboolean
rp_store_match_partner_ids_into (RpStore    *self,
                                 const char *search,
                                 GArray     *ids,
                                 gboolean   *searched,
                                 GError    **error)
{
  g_autofree char *match = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (ids != NULL && g_array_get_element_size (ids) == sizeof (gint64), FALSE);

  g_array_set_size (ids, 0);
  match = _rp_store_build_match_query (search);
  if (searched != NULL)
    *searched = match != NULL;
  if (match == NULL)
    return TRUE;

  /* One step: the index's rowids go straight into @ids (shrinking it to 0 above kept its
   * memory, so a list that searches again allocates nothing). */
  stmt = _rp_store_prepare (self,
                            "SELECT rp_collect_ids (rowid, ?2) FROM partner_fts"
                            " WHERE partner_fts MATCH ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  sqlite3_bind_pointer (stmt, 2, ids, ID_ARRAY_POINTER, NULL);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    g_array_set_size (ids, (guint) sqlite3_column_int64 (stmt, 0));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_ROW)
    {
      g_array_set_size (ids, 0);
      _rp_store_set_error (self, rc, error);
      return FALSE;
    }

  return TRUE;
}

GArray *
rp_store_match_partner_ids (RpStore    *self,
                            const char *search,
                            GError    **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean searched = FALSE;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  if (!rp_store_match_partner_ids_into (self, search, ids, &searched, error) || !searched)
    return NULL;

  return g_steal_pointer (&ids);
}
