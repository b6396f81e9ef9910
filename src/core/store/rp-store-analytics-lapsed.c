/* rp-store-analytics-lapsed.c: the lapsed referrers (referred in a window, not in the days
 * after it up to the period's last) from each partner's last month (schema 19's
 * analytics_partner_last) rather than from every month of the window and the days after it.
 *
 * A partner lapsed exactly when its last referral up to the period's last day is in the window.
 * The window's whole months and the last 90 days' are contiguous, so at the months' level the
 * candidates are the partners whose last month up to the last whole month is one of the window's:
 * those whose last month of all is one, and those whose last month is after the last whole month
 * (a few months at most: its row holds the months back to the window's first) and whose month
 * before is one. Each is counted from the months its row holds, less the window's ends that do
 * not fill a month, and checked for none in the period's last month up to its last day, those
 * days read from the referrals (the shorter of each end or the rest of its month).
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "rp-store-analytics-private.h"
#include "rp-store-analytics.h"
#include "rp-store-private.h"

/* Periods ending more months than this before the tallies' last month have many partners that
 * referred again since: those take the plain path. */
#define LAPSED_MAX_MONTHS_AFTER 2

typedef struct
{
  gint64 partner_id;
  int    n;         /* the window's months, then the window */
  int    n_first;   /* the window's first month */
  int    n_last;    /* the window's last month */
  int    before;    /* the days of the window's first month before the window */
  int    read_first;  /* or those in it */
  int    after;     /* the days of the window's last month after the window */
  int    read_last;   /* or those in it */
  int    n_part;    /* the period's last month, when the period's last day is not its last */
  int    in_part;   /* its days up to the period's last day */
  int    read_part;   /* or those after */
} Candidate;

static int
month_of (const GDate *day)
{
  return (int) g_date_get_year (day) * 12 + (int) g_date_get_month (day) - 1;
}

static void
month_text (char *text,
            int   month)
{
  g_snprintf (text, 8, "%04d-%02d", month / 12, month % 12 + 1);
}

static void
day_text (char        *text,
          const GDate *day)
{
  g_date_strftime (text, 11, "%Y-%m-%d", day);
}

static gboolean
parse_day (const char *text,
           GDate      *day)
{
  g_date_clear (day, 1);
  if (text == NULL || strlen (text) < 10 ||
      !g_date_valid_dmy ((GDateDay) atoi (text + 8), (GDateMonth) atoi (text + 5),
                         (GDateYear) atoi (text)))
    return FALSE;
  g_date_set_dmy (day, (GDateDay) atoi (text + 8), (GDateMonth) atoi (text + 5),
                  (GDateYear) atoi (text));
  return TRUE;
}

/* Whether the fast path answers @filter: the tier and direction are in the tallies' rows. */
static gboolean
filter_is_simple (const RpAnalyticsFilter *filter)
{
  return filter == NULL ||
         ((filter->specialty_code == NULL || *filter->specialty_code == '\0') &&
          (filter->city == NULL || *filter->city == '\0') &&
          filter->target_list_id == 0 && filter->partner_id == 0);
}

/* The candidates by partner id: each id's index in the array plus 1 (0: none), in an array by
 * id (partner ids are dense: the fast path is not taken beyond DENSE_MAX_ID). */
typedef struct
{
  guint    *slots;
  gint64    max_id;
  gboolean  overflow;
} Index;

static Candidate *
index_lookup (const Index *index,
              GArray      *candidates,
              gint64       partner_id)
{
  if (partner_id < 0 || partner_id > index->max_id || index->slots[partner_id] == 0)
    return NULL;
  return &g_array_index (candidates, Candidate, index->slots[partner_id] - 1);
}

/* Adds each candidate's referrals from @first to @last to its field at @offset (others
 * ignored). */
static gboolean
add_days (RpStore                 *self,
          const RpAnalyticsFilter *filter,
          const Index             *index,
          GArray                  *candidates,
          const GDate             *first,
          const GDate             *last,
          gsize                    offset,
          GError                 **error)
{
  gboolean join_partner = _rp_store_analytics_filters_partner (filter);
  g_autoptr(GString) sql = g_string_new ("SELECT r.partner_id, count(*) FROM referral r");
  char first_text[11], last_text[11];
  sqlite3_stmt *stmt;
  int rc;

  if (g_date_compare (first, last) > 0)
    return TRUE;

  if (join_partner)
    g_string_append (sql, " JOIN partner p ON p.id = r.partner_id");
  g_string_append (sql, " WHERE r.referred_on BETWEEN ?1 AND ?2");
  _rp_store_analytics_append_conditions (sql, filter, join_partner ? "p" : "r", "r");
  g_string_append (sql, " GROUP BY r.partner_id");
  stmt = _rp_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return FALSE;

  day_text (first_text, first);
  day_text (last_text, last);
  sqlite3_bind_text (stmt, 1, first_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, last_text, -1, SQLITE_TRANSIENT);
  _rp_store_analytics_bind_filter (stmt, filter);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Candidate *candidate = index_lookup (index, candidates, sqlite3_column_int64 (stmt, 0));

      if (candidate != NULL)
        G_STRUCT_MEMBER (int, candidate, offset) += sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _rp_store_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* The days of @month (a month index) from @from_day to @to_day (1-based, inclusive). */
static void
month_days (int    month,
            guint  from_day,
            guint  to_day,
            GDate *first,
            GDate *last)
{
  g_date_clear (first, 1);
  g_date_clear (last, 1);
  g_date_set_dmy (first, (GDateDay) from_day, (GDateMonth) (month % 12 + 1),
                  (GDateYear) (month / 12));
  g_date_set_dmy (last, (GDateDay) to_day, (GDateMonth) (month % 12 + 1),
                  (GDateYear) (month / 12));
}

/* The window's months [@a, @b], the last whole month @d_full, the month after it (the period's
 * last day's when that is not the month's last; -1 otherwise). */
typedef struct
{
  int a;
  int b;
  int d_full;
  int d_part;
} Months;

/* The candidates among the rows whose last month is from @from to @to: those whose last month up
 * to @months->d_full is one of the window's. */
static gboolean
read_last_months (RpStore                 *self,
                  const RpAnalyticsFilter *filter,
                  const char              *direction,
                  const Months            *months,
                  int                      from,
                  int                      to,
                  Index                   *index,
                  GArray                  *candidates,
                  GError                 **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT partner_id, month, months"
                                         " FROM analytics_partner_last"
                                         " WHERE direction = ?1 AND month BETWEEN ?2 AND ?3");
  char first[8], last[8];
  sqlite3_stmt *stmt;
  int rc;

  if (filter != NULL && !filter->any_tier)
    g_string_append (sql, " AND tier = ?11");
  stmt = _rp_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return FALSE;

  month_text (first, from);
  month_text (last, to);
  sqlite3_bind_text (stmt, 1, direction, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, last, -1, SQLITE_TRANSIENT);
  _rp_store_analytics_bind_filter (stmt, filter);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Candidate candidate = { .partner_id = sqlite3_column_int64 (stmt, 0) };
      const char *text = _rp_store_column_text (stmt, 1);
      const char *row = _rp_store_column_text (stmt, 2);
      int row_last = atoi (text) * 12 + atoi (text + 5) - 1;
      int last_up_to = -1;

      /* The row's months must reach back to the window's first (they always do within
       * LAPSED_MAX_MONTHS_AFTER): otherwise the plain path. */
      if (row_last - 11 > months->a)
        {
          index->overflow = TRUE;
          continue;
        }

      /* "YYYY-MM:n,…", read by hand: tens of thousands of rows. */
      while (row != NULL && row[0] != '\0')
        {
          int month, n = 0;
          const char *c;

          if (!g_ascii_isdigit (row[0]) || memchr (row, '\0', 9) != NULL)
            break;
          month = ((row[0] - '0') * 1000 + (row[1] - '0') * 100 + (row[2] - '0') * 10 +
                   (row[3] - '0')) * 12 + (row[5] - '0') * 10 + (row[6] - '0') - 1;
          for (c = row + 8; g_ascii_isdigit (*c); c++)
            n = n * 10 + (*c - '0');
          if (n > 0 && month <= months->d_full)
            last_up_to = MAX (last_up_to, month);
          if (month >= months->a && month <= months->b)
            {
              candidate.n += n;
              if (month == months->a)
                candidate.n_first += n;
              if (month == months->b)
                candidate.n_last += n;
            }
          if (month == months->d_part)
            candidate.n_part += n;
          row = *c == ',' ? c + 1 : NULL;
        }
      if (last_up_to < months->a || last_up_to > months->b)
        continue;
      /* A partner added since the largest id was read: the plain path then. */
      if (candidate.partner_id < 0 || candidate.partner_id > index->max_id)
        {
          index->overflow = TRUE;
          continue;
        }
      g_array_append_val (candidates, candidate);
      index->slots[candidate.partner_id] = candidates->len;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _rp_store_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

static int
compare_partner_counts (gconstpointer a,
                        gconstpointer b)
{
  const RpPartnerCount *x = a;
  const RpPartnerCount *y = b;

  return x->partner_id < y->partner_id ? -1 : x->partner_id > y->partner_id;
}

gboolean
rp_store_analytics_lapsed (RpStore                 *self,
                           const RpAnalyticsFilter *filter,
                           const char              *window_first,
                           const char              *window_last,
                           const char              *last,
                           GArray                 **lapsed,
                           GError                 **error)
{
  g_autofree guint *slots = NULL;
  Index index = { NULL, -1, FALSE };
  g_autoptr(GArray) candidates = NULL;
  g_autoptr(GArray) result = NULL;
  const char *direction;
  GDate first_day, window_last_day, last_day, from, to;
  Months months;
  int a, b, d_full, tallies_last = -1;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (lapsed != NULL, FALSE);

  *lapsed = NULL;
  if (!filter_is_simple (filter) || !parse_day (window_first, &first_day) ||
      !parse_day (window_last, &window_last_day) || !parse_day (last, &last_day))
    return TRUE;

  a = month_of (&first_day);
  b = month_of (&window_last_day);
  d_full = month_of (&last_day) - (g_date_is_last_of_month (&last_day) ? 0 : 1);
  /* The window's months and the last whole months after it must meet (the last 90 days always
   * have two whole months). */
  from = window_last_day;
  g_date_add_days (&from, 1);
  if (g_date_compare (&first_day, &window_last_day) > 0 ||
      month_of (&from) + (g_date_get_day (&from) == 1 ? 0 : 1) != b + 1 || d_full < b + 1)
    return TRUE;

  if (filter == NULL)
    direction = "inbound";
  else if (filter->any_direction)
    direction = "";
  else
    direction = rp_enum_to_nick (RP_TYPE_REFERRAL_DIRECTION, filter->direction);

  {
    sqlite3_stmt *stmt = _rp_store_prepare (self, "SELECT max(month) FROM analytics_partner_month",
                                            error);
    int rc;

    if (stmt == NULL)
      return FALSE;
    if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
      {
        sqlite3_reset (stmt);
        _rp_store_set_error (self, rc, error);
        return FALSE;
      }
    if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
      {
        const char *month = _rp_store_column_text (stmt, 0);

        tallies_last = atoi (month) * 12 + atoi (month + 5) - 1;
      }
    sqlite3_reset (stmt);
  }
  if (tallies_last > d_full + LAPSED_MAX_MONTHS_AFTER)
    return TRUE;

  index.max_id = _rp_store_analytics_max_partner_id (self);
  if (index.max_id < 0 || index.max_id > DENSE_MAX_ID)
    return TRUE;
  index.slots = slots = g_new0 (guint, index.max_id + 1);
  candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  result = g_array_new (FALSE, FALSE, sizeof (RpPartnerCount));
  months.a = a;
  months.b = b;
  months.d_full = d_full;
  months.d_part = g_date_is_last_of_month (&last_day) ? -1 : d_full + 1;
  /* Those whose last month is one of the window's, and those whose last month is after the last
   * whole month (rows whose last month is between are partners with referrals there). */
  if (!read_last_months (self, filter, direction, &months, a, b, &index, candidates, error) ||
      (tallies_last > d_full &&
       !read_last_months (self, filter, direction, &months, d_full + 1, tallies_last, &index,
                          candidates, error)))
    return FALSE;
  if (index.overflow)
    return TRUE;

  /* The first month's days before the window, and the last month's after it (in the last 90
   * days: a partner with any did not lapse), each read from the referrals or, when shorter,
   * the month's other days read and taken from the month. */
  if (g_date_get_day (&first_day) > 1)
    {
      guint day = g_date_get_day (&first_day);
      guint days = g_date_get_days_in_month (g_date_get_month (&first_day),
                                             g_date_get_year (&first_day));
      gboolean direct = day - 1 <= days - day + 1;

      if (direct)
        month_days (a, 1, day - 1, &from, &to);
      else
        month_days (a, day, days, &from, &to);
      if (!add_days (self, filter, &index, candidates, &from, &to,
                     direct ? G_STRUCT_OFFSET (Candidate, before)
                            : G_STRUCT_OFFSET (Candidate, read_first), error))
        return FALSE;
      for (guint i = 0; i < candidates->len; i++)
        {
          Candidate *candidate = &g_array_index (candidates, Candidate, i);

          candidate->n -= direct ? candidate->before : candidate->n_first - candidate->read_first;
        }
    }
  if (!g_date_is_last_of_month (&window_last_day))
    {
      guint day = g_date_get_day (&window_last_day);
      guint days = g_date_get_days_in_month (g_date_get_month (&window_last_day),
                                             g_date_get_year (&window_last_day));
      gboolean direct = days - day <= day;

      if (direct)
        month_days (b, day + 1, days, &from, &to);
      else
        month_days (b, 1, day, &from, &to);
      if (!add_days (self, filter, &index, candidates, &from, &to,
                     direct ? G_STRUCT_OFFSET (Candidate, after)
                            : G_STRUCT_OFFSET (Candidate, read_last), error))
        return FALSE;
      if (!direct)
        for (guint i = 0; i < candidates->len; i++)
          {
            Candidate *candidate = &g_array_index (candidates, Candidate, i);

            candidate->after = candidate->n_last - candidate->read_last;
          }
    }

  /* The period's last month up to its last day, when that is not the month's last. */
  if (months.d_part >= 0)
    {
      guint day = g_date_get_day (&last_day);
      guint days = g_date_get_days_in_month (g_date_get_month (&last_day),
                                             g_date_get_year (&last_day));
      gboolean direct = day <= days - day;

      if (direct)
        month_days (months.d_part, 1, day, &from, &to);
      else
        month_days (months.d_part, day + 1, days, &from, &to);
      if (!add_days (self, filter, &index, candidates, &from, &to,
                     direct ? G_STRUCT_OFFSET (Candidate, in_part)
                            : G_STRUCT_OFFSET (Candidate, read_part), error))
        return FALSE;
      if (!direct)
        for (guint i = 0; i < candidates->len; i++)
          {
            Candidate *candidate = &g_array_index (candidates, Candidate, i);

            candidate->in_part = candidate->n_part - candidate->read_part;
          }
    }

  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *candidate = &g_array_index (candidates, Candidate, i);

      if (candidate->after == 0 && candidate->in_part == 0 && candidate->n > 0)
        {
          RpPartnerCount count = { .partner_id = candidate->partner_id,
                                   .n = (guint) candidate->n };

          g_array_append_val (result, count);
        }
    }

  g_array_sort (result, compare_partner_counts);
  *lapsed = g_steal_pointer (&result);
  return TRUE;
}
