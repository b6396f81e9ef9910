/* rp-store-schema-analytics.c: the migrations that keep the Analytics page's later tallies
 * (schemas 16 to 19: the outreach's comparable partners and visits, the funnel and outcomes,
 * the lapsed referrers), apart from rp-store-schema.c, which runs them in its list.
 *
 * Never edit a migration that has shipped: add the next one.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rp-store-schema-private.h"

/* Schema 16: the outreach's comparable partners (src/core/store/rp-store-analytics.c) without a
 * year of analytics_partner_month. Each of its rows (a partner's month with referrals, in one
 * direction) is copied to analytics_partner_span with the partner's previous month with
 * referrals in that direction ('' when none): a partner referred in the months m1…m2 exactly
 * when one of its rows there has prev_month < m1 (its first from m1 on), so
 * - analytics_span_tally (those rows counted by direction, tier, month and prev_month: a few
 *   hundred) says how many partners referred in any range of whole months, and
 * - analytics_partner_span, read by month and prev_month, lists the partners that referred after
 *   a range of months but not in it (new and returning referrers).
 * Triggers on analytics_partner_month keep the spans (a row added or removed changes the next
 * row's prev_month) and triggers on the spans keep their tally. And activity_analytics_costs:
 * the gifts and meals of a period.
 * (IF NOT EXISTS, and both emptied before they are filled: tests fake an older schema by
 * lowering user_version on a current file.) */
#define SPAN_TALLY_ADD(S) \
  "  INSERT INTO analytics_span_tally (direction, month, prev_month, tier, n)" \
  "    VALUES (" S ".direction, " S ".month, " S ".prev_month, " S ".tier, 1)" \
  "    ON CONFLICT (direction, month, prev_month, tier) DO UPDATE SET n = n + 1;"

#define SPAN_TALLY_REMOVE(S) \
  "  UPDATE analytics_span_tally SET n = n - 1 WHERE direction = " S ".direction" \
  "    AND month = " S ".month AND prev_month = " S ".prev_month AND tier = " S ".tier;" \
  "  DELETE FROM analytics_span_tally WHERE direction = " S ".direction" \
  "    AND month = " S ".month AND prev_month = " S ".prev_month AND tier = " S ".tier" \
  "    AND n <= 0;"

/* The month of @R's partner after @R's and the one before it ('' when none), in @R's direction,
 * from analytics_partner_month. */
#define SPAN_NEXT_MONTH(R) \
  "(SELECT min(month) FROM analytics_partner_month WHERE partner_id = " R ".partner_id" \
  " AND direction = " R ".direction AND month > " R ".month)"
#define SPAN_PREV_MONTH(R) \
  "coalesce ((SELECT max(month) FROM analytics_partner_month WHERE partner_id = " R ".partner_id" \
  " AND direction = " R ".direction AND month < " R ".month), '')"

const char _rp_store_migration_16[] =
  "CREATE TABLE IF NOT EXISTS analytics_partner_span ("
  "  direction TEXT NOT NULL,"
  "  month TEXT NOT NULL,"
  "  prev_month TEXT NOT NULL,"
  "  partner_id INTEGER NOT NULL,"
  "  tier TEXT NOT NULL,"
  "  PRIMARY KEY (direction, month, prev_month, partner_id)"
  ") WITHOUT ROWID;"
  "CREATE TABLE IF NOT EXISTS analytics_span_tally ("
  "  direction TEXT NOT NULL,"
  "  month TEXT NOT NULL,"
  "  prev_month TEXT NOT NULL,"
  "  tier TEXT NOT NULL,"
  "  n INTEGER NOT NULL,"
  "  PRIMARY KEY (direction, month, prev_month, tier)"
  ") WITHOUT ROWID;"

  "DELETE FROM analytics_partner_span;"
  "INSERT INTO analytics_partner_span (direction, month, prev_month, partner_id, tier)"
  "  SELECT direction, month,"
  "    lag(month, 1, '') OVER (PARTITION BY partner_id, direction ORDER BY month),"
  "    partner_id, tier FROM analytics_partner_month;"
  "DELETE FROM analytics_span_tally;"
  "INSERT INTO analytics_span_tally (direction, month, prev_month, tier, n)"
  "  SELECT direction, month, prev_month, tier, count(*) FROM analytics_partner_span"
  "  GROUP BY direction, month, prev_month, tier;"

  "CREATE TRIGGER IF NOT EXISTS analytics_span_ai AFTER INSERT ON analytics_partner_span BEGIN"
  SPAN_TALLY_ADD ("new")
  "END;"
  "CREATE TRIGGER IF NOT EXISTS analytics_span_ad AFTER DELETE ON analytics_partner_span BEGIN"
  SPAN_TALLY_REMOVE ("old")
  "END;"
  "CREATE TRIGGER IF NOT EXISTS analytics_span_au AFTER UPDATE OF prev_month, tier"
  "  ON analytics_partner_span"
  "  WHEN old.prev_month IS NOT new.prev_month OR old.tier IS NOT new.tier BEGIN"
  SPAN_TALLY_REMOVE ("old")
  SPAN_TALLY_ADD ("new")
  "END;"
  /* A month added: it follows the partner's previous month, the next month follows it. The
   * spans are found by their whole key. */
  "CREATE TRIGGER IF NOT EXISTS analytics_partner_month_ai AFTER INSERT"
  "  ON analytics_partner_month BEGIN"
  "  UPDATE analytics_partner_span SET prev_month = new.month"
  "    WHERE direction = new.direction AND month = " SPAN_NEXT_MONTH ("new")
  "    AND prev_month = " SPAN_PREV_MONTH ("new") " AND partner_id = new.partner_id;"
  "  INSERT INTO analytics_partner_span (direction, month, prev_month, partner_id, tier)"
  "    VALUES (new.direction, new.month, " SPAN_PREV_MONTH ("new") ", new.partner_id,"
  "      new.tier);"
  "END;"
  /* A month removed: the next month follows the one before it. */
  "CREATE TRIGGER IF NOT EXISTS analytics_partner_month_ad AFTER DELETE"
  "  ON analytics_partner_month BEGIN"
  "  UPDATE analytics_partner_span SET prev_month = " SPAN_PREV_MONTH ("old")
  "    WHERE direction = old.direction AND month = " SPAN_NEXT_MONTH ("old")
  "    AND prev_month = old.month AND partner_id = old.partner_id;"
  "  DELETE FROM analytics_partner_span WHERE direction = old.direction AND month = old.month"
  "    AND prev_month = " SPAN_PREV_MONTH ("old") " AND partner_id = old.partner_id;"
  "END;"
  "CREATE TRIGGER IF NOT EXISTS analytics_partner_month_au AFTER UPDATE OF tier"
  "  ON analytics_partner_month WHEN old.tier IS NOT new.tier BEGIN"
  "  UPDATE analytics_partner_span SET tier = new.tier"
  "    WHERE direction = new.direction AND month = new.month"
  "    AND prev_month = " SPAN_PREV_MONTH ("new") " AND partner_id = new.partner_id;"
  "END;"
  /* The gifts and meals of a range of instants without the other activities' rows (an
   * activity_partner row has a share of the cost only when its activity has a cost). */
  "CREATE INDEX IF NOT EXISTS activity_analytics_costs ON activity(occurred_at)"
  "  WHERE cost_cents > 0;"
  "ANALYZE analytics_partner_span;"
  "ANALYZE analytics_span_tally;";

#undef SPAN_TALLY_ADD
#undef SPAN_TALLY_REMOVE
#undef SPAN_NEXT_MONTH
#undef SPAN_PREV_MONTH

/* Schema 17: the outreach's visits (src/core/store/rp-store-analytics.c) in one range of rows.
 * The figure counts each visited partner's referrals in the 60 days before and after its first
 * visit of the period; read partner by partner, that was thousands of lookups in referral and
 * partner for a month's visits. analytics_visit holds a row per visit and partner, by
 * occurred_at, with the partner's tier and, in days, every referral of the partner from 121 days
 * before to 121 days after the visit's UTC day (base_day): "YYYY-MM-DD" and the direction's
 * first letter, separated by commas. The local day of a visit is within a day of its UTC day, so
 * the days hold both 60-day windows around it and, for any visit of a period of up to 61 days,
 * the windows around the period's reference day too (the comparable partners'). And
 * prior_inbound, prior_outbound: the partner's last referral in that direction before the days
 * (NULL when none), so that whether a visited partner referred in the year before the period is
 * known without looking it up (the comparable partners leave out the visited ones).
 * Triggers keep the rows: on activity_partner (a partner added to or removed from a visit), on
 * activity (kind or time changed, deleted), on partner (tier changed, deleted) and on referral
 * (a row added, removed, or its partner, day or direction changed: the days and last referrals
 * of the partner's visits from 121 days before it on are read again).
 * (IF NOT EXISTS, and emptied before it is filled: tests fake an older schema by lowering
 * user_version on a current file.) */
#define VISIT_DAYS(P, B) \
  "(SELECT coalesce(group_concat(r.referred_on || substr(r.direction, 1, 1), ','), '')" \
  "  FROM referral r WHERE r.partner_id = " P \
  "  AND r.referred_on BETWEEN date(" B ", '-121 days') AND date(" B ", '+121 days'))"

/* The last referral of partner @P in direction @D before the days of base day @B. */
#define VISIT_PRIOR(P, B, D) \
  "(SELECT max(r.referred_on) FROM referral r WHERE r.partner_id = " P \
  "  AND r.direction = '" D "' AND r.referred_on < date(" B ", '-121 days'))"

/* The visits' rows, one per partner (a, ap and p: the activity, its row of activity_partner and
 * the partner), of the activities the statement's end selects. */
#define VISIT_ROWS \
  "  INSERT OR REPLACE INTO analytics_visit" \
  "    (occurred_at, activity_id, partner_id, tier, base_day, days, prior_inbound," \
  "     prior_outbound)" \
  "    SELECT a.occurred_at, a.id, p.id, p.tier, date(a.occurred_at)," \
  "      " VISIT_DAYS ("p.id", "a.occurred_at") "," \
  "      " VISIT_PRIOR ("p.id", "a.occurred_at", "inbound") "," \
  "      " VISIT_PRIOR ("p.id", "a.occurred_at", "outbound") \
  "    FROM activity a JOIN activity_partner ap ON ap.activity_id = a.id" \
  "    JOIN partner p ON p.id = ap.partner_id WHERE a.kind = 'visit'"

/* The days and last referrals of @R's partner's visits from 121 days before @R on (all of them
 * when @R has no day). */
#define VISIT_REFRESH(R) \
  "  UPDATE analytics_visit SET days = " VISIT_DAYS ("analytics_visit.partner_id", \
                                                    "analytics_visit.base_day") "," \
  "    prior_inbound = " VISIT_PRIOR ("analytics_visit.partner_id", \
                                      "analytics_visit.base_day", "inbound") "," \
  "    prior_outbound = " VISIT_PRIOR ("analytics_visit.partner_id", \
                                       "analytics_visit.base_day", "outbound") \
  "    WHERE partner_id = " R ".partner_id AND (date(" R ".referred_on) IS NULL" \
  "    OR base_day >= date(" R ".referred_on, '-121 days'));"

const char _rp_store_migration_17[] =
  "CREATE TABLE IF NOT EXISTS analytics_visit ("
  "  occurred_at TEXT NOT NULL,"
  "  activity_id INTEGER NOT NULL,"
  "  partner_id INTEGER NOT NULL,"
  "  tier TEXT NOT NULL,"
  "  base_day TEXT,"
  "  days TEXT NOT NULL,"
  "  prior_inbound TEXT,"
  "  prior_outbound TEXT,"
  "  PRIMARY KEY (occurred_at, activity_id, partner_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX IF NOT EXISTS analytics_visit_by_activity ON analytics_visit(activity_id);"
  "CREATE INDEX IF NOT EXISTS analytics_visit_by_partner"
  "  ON analytics_visit(partner_id, base_day);"
  "DELETE FROM analytics_visit;"
  VISIT_ROWS ";"

  "CREATE TRIGGER IF NOT EXISTS analytics_visit_ap_ai AFTER INSERT ON activity_partner BEGIN"
  VISIT_ROWS " AND ap.activity_id = new.activity_id AND ap.partner_id = new.partner_id;"
  "END;"
  "CREATE TRIGGER IF NOT EXISTS analytics_visit_ap_ad AFTER DELETE ON activity_partner BEGIN"
  "  DELETE FROM analytics_visit WHERE activity_id = old.activity_id"
  "    AND partner_id = old.partner_id;"
  "END;"
  "CREATE TRIGGER IF NOT EXISTS analytics_visit_ap_au AFTER UPDATE OF activity_id, partner_id"
  "  ON activity_partner BEGIN"
  "  DELETE FROM analytics_visit WHERE activity_id = old.activity_id"
  "    AND partner_id = old.partner_id;"
  VISIT_ROWS " AND ap.activity_id = new.activity_id AND ap.partner_id = new.partner_id;"
  "END;"
  "CREATE TRIGGER IF NOT EXISTS analytics_visit_activity_au AFTER UPDATE OF kind, occurred_at"
  "  ON activity WHEN old.kind IS NOT new.kind OR old.occurred_at IS NOT new.occurred_at BEGIN"
  "  DELETE FROM analytics_visit WHERE activity_id = old.id;"
  VISIT_ROWS " AND a.id = new.id;"
  "END;"
  "CREATE TRIGGER IF NOT EXISTS analytics_visit_activity_ad AFTER DELETE ON activity BEGIN"
  "  DELETE FROM analytics_visit WHERE activity_id = old.id;"
  "END;"
  "CREATE TRIGGER IF NOT EXISTS analytics_visit_partner_au AFTER UPDATE OF tier ON partner"
  "  WHEN old.tier IS NOT new.tier BEGIN"
  "  UPDATE analytics_visit SET tier = new.tier WHERE partner_id = new.id;"
  "END;"
  "CREATE TRIGGER IF NOT EXISTS analytics_visit_partner_ad AFTER DELETE ON partner BEGIN"
  "  DELETE FROM analytics_visit WHERE partner_id = old.id;"
  "END;"
  "CREATE TRIGGER IF NOT EXISTS analytics_visit_referral_ai AFTER INSERT ON referral BEGIN"
  VISIT_REFRESH ("new")
  "END;"
  "CREATE TRIGGER IF NOT EXISTS analytics_visit_referral_ad AFTER DELETE ON referral BEGIN"
  VISIT_REFRESH ("old")
  "END;"
  "CREATE TRIGGER IF NOT EXISTS analytics_visit_referral_au"
  "  AFTER UPDATE OF partner_id, referred_on, direction ON referral"
  "  WHEN old.partner_id IS NOT new.partner_id OR old.referred_on IS NOT new.referred_on"
  "  OR old.direction IS NOT new.direction BEGIN"
  VISIT_REFRESH ("old")
  VISIT_REFRESH ("new")
  "END;"
  "ANALYZE analytics_visit;";

#undef VISIT_DAYS
#undef VISIT_PRIOR
#undef VISIT_ROWS
#undef VISIT_REFRESH

/* Schema 18: what the funnel and the outcomes of the Analytics page count
 * (rp-store-analytics-loop.c), so that a month is read from a few thousand rows rather than
 * every referral of it and its transitions. Triggers keep them in step with every write of a
 * referral, of its transitions and of a partner's tier, specialty or city; they are filled here
 * from what is stored.
 *
 * - analytics_referral_steps: one row per referral with a transition to a step of the funnel
 *   (contacted, scheduled, seen, loop-closed), with its day, direction and partner and the first
 *   time (ISO-8601, as recorded) it reached each step. The funnel's medians need these instants:
 *   a local day depends on the time zone of whoever reads them.
 * - analytics_funnel_tally: referrals per day, direction, partner's tier and specialty, status
 *   and the furthest step reached (0 received … 4 loop closed: the status's own step, scheduled
 *   for a no-show, and the latest step of its analytics_referral_steps row), as
 *   rp_analytics_funnel() counts them.
 * - analytics_outcome_month: the outcomes recorded (a category or a satisfaction) per month,
 *   direction, partner and category (0: none), how many were rated and the sum of their
 *   satisfaction, with the partner's tier, specialty and city copied so the filters need no join.
 * A transition deleted with its referral (ON DELETE CASCADE) leaves the referral's row to the
 * referral's own trigger, which still needs it to know the furthest step.
 * (IF NOT EXISTS, and the tables emptied before they are filled: tests fake an older schema by
 * lowering user_version on a current file.) */
#define LOOP_STEP_NAMES "('contacted', 'scheduled', 'seen', 'loop-closed')"

#define LOOP_STATUS_RANK(S) \
  "CASE " S " WHEN 'contacted' THEN 1 WHEN 'scheduled' THEN 2 WHEN 'no-show' THEN 2" \
  " WHEN 'seen' THEN 3 WHEN 'loop-closed' THEN 4 ELSE 0 END"

#define LOOP_STEPS_RANK(S) \
  "CASE WHEN " S ".closed_at IS NOT NULL THEN 4 WHEN " S ".seen_at IS NOT NULL THEN 3" \
  " WHEN " S ".scheduled_at IS NOT NULL THEN 2 WHEN " S ".contacted_at IS NOT NULL THEN 1" \
  " ELSE 0 END"

/* The furthest step referral @R has reached, with its status @S. */
#define LOOP_FURTHEST(R, S) \
  "max(" LOOP_STATUS_RANK (S) ", coalesce((SELECT " LOOP_STEPS_RANK ("s") \
  " FROM analytics_referral_steps s WHERE s.referral_id = " R "), 0))"

/* Adds @SIGN (1 or -1) to the funnel's tally for the referral @R read by @FROM (which names
 * its partner p). */
#define LOOP_FUNNEL_ADD(FROM, R, SIGN) \
  "  INSERT INTO analytics_funnel_tally (day, direction, tier, specialty_code, status, furthest," \
  "    n)" \
  "    SELECT " R ".referred_on, " R ".direction, p.tier, p.specialty_code, " R ".status, " \
  LOOP_FURTHEST (R ".id", R ".status") ", " SIGN " " FROM \
  "    ON CONFLICT (day, direction, tier, specialty_code, status, furthest)" \
  "    DO UPDATE SET n = n + excluded.n;"

#define LOOP_FUNNEL_CLEAN(DAY, DIRECTION) \
  "  DELETE FROM analytics_funnel_tally WHERE day = " DAY " AND direction = " DIRECTION \
  "    AND n <= 0;"

/* The referral @ID's row of analytics_referral_steps made again from its transitions. */
#define LOOP_STEPS_REFRESH(ID) \
  "  DELETE FROM analytics_referral_steps WHERE referral_id = " ID ";" \
  "  INSERT INTO analytics_referral_steps (referred_on, direction, referral_id, partner_id," \
  "    contacted_at, scheduled_at, seen_at, closed_at)" \
  "    SELECT * FROM (SELECT r.referred_on, r.direction, r.id, r.partner_id," \
  "      (SELECT min(occurred_at) FROM referral_transition WHERE referral_id = r.id" \
  "        AND to_status = 'contacted') AS contacted_at," \
  "      (SELECT min(occurred_at) FROM referral_transition WHERE referral_id = r.id" \
  "        AND to_status = 'scheduled') AS scheduled_at," \
  "      (SELECT min(occurred_at) FROM referral_transition WHERE referral_id = r.id" \
  "        AND to_status = 'seen') AS seen_at," \
  "      (SELECT min(occurred_at) FROM referral_transition WHERE referral_id = r.id" \
  "        AND to_status = 'loop-closed') AS closed_at" \
  "      FROM referral r WHERE r.id = " ID ")" \
  "    WHERE coalesce(contacted_at, scheduled_at, seen_at, closed_at) IS NOT NULL;"

/* A transition of referral @ID added, changed or removed: the referral's tally moves from its
 * furthest step before to the one after. */
#define LOOP_TRANSITION_CHANGED(ID) \
  LOOP_FUNNEL_ADD ("FROM referral r JOIN partner p ON p.id = r.partner_id WHERE r.id = " ID, \
                   "r", "-1") \
  LOOP_STEPS_REFRESH (ID) \
  LOOP_FUNNEL_ADD ("FROM referral r JOIN partner p ON p.id = r.partner_id WHERE r.id = " ID, \
                   "r", "1") \
  "  DELETE FROM analytics_funnel_tally WHERE n <= 0 AND (day, direction) IN" \
  "    (SELECT referred_on, direction FROM referral WHERE id = " ID ");"

#define LOOP_OUTCOME_ADD(R, SIGN) \
  "  INSERT INTO analytics_outcome_month (month, direction, partner_id, category_id, tier," \
  "    specialty_code, specialty_label, city, n, n_rated, satisfaction)" \
  "    SELECT substr(" R ".referred_on, 1, 7), " R ".direction, " R ".partner_id," \
  "      coalesce(" R ".outcome_category_id, 0), p.tier, p.specialty_code, p.specialty_label," \
  "      p.city, " SIGN ", " SIGN " * (coalesce(" R ".satisfaction, 0) <> 0)," \
  "      " SIGN " * coalesce(" R ".satisfaction, 0)" \
  "    FROM partner p WHERE p.id = " R ".partner_id" \
  "    AND (" R ".outcome_category_id IS NOT NULL OR " R ".satisfaction IS NOT NULL)" \
  "    ON CONFLICT (month, direction, partner_id, category_id) DO UPDATE SET n = n + excluded.n," \
  "      n_rated = n_rated + excluded.n_rated," \
  "      satisfaction = satisfaction + excluded.satisfaction;"

#define LOOP_OUTCOME_CLEAN(R) \
  "  DELETE FROM analytics_outcome_month WHERE month = substr(" R ".referred_on, 1, 7)" \
  "    AND direction = " R ".direction AND partner_id = " R ".partner_id AND n <= 0;"

const char _rp_store_migration_18[] =
  "CREATE TABLE IF NOT EXISTS analytics_referral_steps ("
  "  referred_on TEXT NOT NULL,"
  "  direction TEXT NOT NULL,"
  "  referral_id INTEGER NOT NULL,"
  "  partner_id INTEGER NOT NULL,"
  "  contacted_at TEXT,"
  "  scheduled_at TEXT,"
  "  seen_at TEXT,"
  "  closed_at TEXT,"
  "  PRIMARY KEY (referred_on, direction, referral_id)"
  ") WITHOUT ROWID;"
  "CREATE UNIQUE INDEX IF NOT EXISTS analytics_referral_steps_by_referral"
  "  ON analytics_referral_steps(referral_id);"
  "CREATE TABLE IF NOT EXISTS analytics_funnel_tally ("
  "  day TEXT NOT NULL,"
  "  direction TEXT NOT NULL,"
  "  tier TEXT NOT NULL,"
  "  specialty_code TEXT NOT NULL,"
  "  status TEXT NOT NULL,"
  "  furthest INTEGER NOT NULL,"
  "  n INTEGER NOT NULL,"
  "  PRIMARY KEY (day, direction, tier, specialty_code, status, furthest)"
  ") WITHOUT ROWID;"
  "CREATE TABLE IF NOT EXISTS analytics_outcome_month ("
  "  month TEXT NOT NULL,"
  "  direction TEXT NOT NULL,"
  "  partner_id INTEGER NOT NULL,"
  "  category_id INTEGER NOT NULL,"
  "  tier TEXT NOT NULL,"
  "  specialty_code TEXT NOT NULL,"
  "  specialty_label TEXT NOT NULL,"
  "  city TEXT NOT NULL,"
  "  n INTEGER NOT NULL,"
  "  n_rated INTEGER NOT NULL,"
  "  satisfaction INTEGER NOT NULL,"
  "  PRIMARY KEY (month, direction, partner_id, category_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX IF NOT EXISTS analytics_outcome_month_by_partner"
  "  ON analytics_outcome_month(partner_id);"

  "DELETE FROM analytics_referral_steps;"
  "DELETE FROM analytics_funnel_tally;"
  "DELETE FROM analytics_outcome_month;"
  "INSERT INTO analytics_referral_steps (referred_on, direction, referral_id, partner_id,"
  "  contacted_at, scheduled_at, seen_at, closed_at)"
  "  SELECT r.referred_on, r.direction, r.id, r.partner_id,"
  "    min(CASE t.to_status WHEN 'contacted' THEN t.occurred_at END),"
  "    min(CASE t.to_status WHEN 'scheduled' THEN t.occurred_at END),"
  "    min(CASE t.to_status WHEN 'seen' THEN t.occurred_at END),"
  "    min(CASE t.to_status WHEN 'loop-closed' THEN t.occurred_at END)"
  "  FROM referral_transition t JOIN referral r ON r.id = t.referral_id"
  "  WHERE t.to_status IN " LOOP_STEP_NAMES
  "  GROUP BY r.id;"
  "INSERT INTO analytics_funnel_tally (day, direction, tier, specialty_code, status, furthest, n)"
  "  SELECT r.referred_on, r.direction, p.tier, p.specialty_code, r.status,"
  "    max(" LOOP_STATUS_RANK ("r.status") ", " LOOP_STEPS_RANK ("s") ") AS furthest, count(*)"
  "  FROM referral r JOIN partner p ON p.id = r.partner_id"
  "  LEFT JOIN analytics_referral_steps s ON s.referral_id = r.id"
  "  GROUP BY r.referred_on, r.direction, p.tier, p.specialty_code, r.status, furthest;"
  "INSERT INTO analytics_outcome_month (month, direction, partner_id, category_id, tier,"
  "  specialty_code, specialty_label, city, n, n_rated, satisfaction)"
  "  SELECT substr(r.referred_on, 1, 7) AS month, r.direction, r.partner_id,"
  "    coalesce(r.outcome_category_id, 0) AS category, p.tier, p.specialty_code,"
  "    p.specialty_label, p.city, count(*), count(nullif(r.satisfaction, 0)),"
  "    coalesce(sum(r.satisfaction), 0)"
  "  FROM referral r JOIN partner p ON p.id = r.partner_id"
  "  WHERE r.outcome_category_id IS NOT NULL OR r.satisfaction IS NOT NULL"
  "  GROUP BY month, r.direction, r.partner_id, category;"

  "CREATE TRIGGER IF NOT EXISTS analytics_loop_referral_ai AFTER INSERT ON referral BEGIN"
  LOOP_FUNNEL_ADD ("FROM partner p WHERE p.id = new.partner_id", "new", "1")
  LOOP_OUTCOME_ADD ("new", "1")
  "END;"
  "CREATE TRIGGER IF NOT EXISTS analytics_loop_referral_ad AFTER DELETE ON referral BEGIN"
  LOOP_FUNNEL_ADD ("FROM partner p WHERE p.id = old.partner_id", "old", "-1")
  LOOP_FUNNEL_CLEAN ("old.referred_on", "old.direction")
  "  DELETE FROM analytics_referral_steps WHERE referral_id = old.id;"
  LOOP_OUTCOME_ADD ("old", "-1")
  LOOP_OUTCOME_CLEAN ("old")
  "END;"
  "CREATE TRIGGER IF NOT EXISTS analytics_loop_referral_steps_au"
  "  AFTER UPDATE OF referred_on, direction, partner_id, status ON referral"
  "  WHEN old.referred_on IS NOT new.referred_on OR old.direction IS NOT new.direction"
  "    OR old.partner_id IS NOT new.partner_id OR old.status IS NOT new.status BEGIN"
  LOOP_FUNNEL_ADD ("FROM partner p WHERE p.id = old.partner_id", "old", "-1")
  LOOP_FUNNEL_CLEAN ("old.referred_on", "old.direction")
  "  UPDATE analytics_referral_steps SET referred_on = new.referred_on,"
  "    direction = new.direction, partner_id = new.partner_id WHERE referral_id = new.id;"
  LOOP_FUNNEL_ADD ("FROM partner p WHERE p.id = new.partner_id", "new", "1")
  "END;"
  "CREATE TRIGGER IF NOT EXISTS analytics_loop_referral_outcome_au"
  "  AFTER UPDATE OF referred_on, direction, partner_id, outcome_category_id, satisfaction"
  "  ON referral"
  "  WHEN old.referred_on IS NOT new.referred_on OR old.direction IS NOT new.direction"
  "    OR old.partner_id IS NOT new.partner_id"
  "    OR old.outcome_category_id IS NOT new.outcome_category_id"
  "    OR old.satisfaction IS NOT new.satisfaction BEGIN"
  LOOP_OUTCOME_ADD ("old", "-1")
  LOOP_OUTCOME_CLEAN ("old")
  LOOP_OUTCOME_ADD ("new", "1")
  "END;"
  "CREATE TRIGGER IF NOT EXISTS analytics_loop_transition_ai AFTER INSERT"
  "  ON referral_transition WHEN new.to_status IN " LOOP_STEP_NAMES " BEGIN"
  LOOP_TRANSITION_CHANGED ("new.referral_id")
  "END;"
  "CREATE TRIGGER IF NOT EXISTS analytics_loop_transition_ad AFTER DELETE"
  "  ON referral_transition WHEN old.to_status IN " LOOP_STEP_NAMES
  "    AND EXISTS (SELECT 1 FROM referral WHERE id = old.referral_id) BEGIN"
  LOOP_TRANSITION_CHANGED ("old.referral_id")
  "END;"
  "CREATE TRIGGER IF NOT EXISTS analytics_loop_transition_au"
  "  AFTER UPDATE OF referral_id, to_status, occurred_at ON referral_transition"
  "  WHEN old.to_status IN " LOOP_STEP_NAMES " OR new.to_status IN " LOOP_STEP_NAMES " BEGIN"
  LOOP_TRANSITION_CHANGED ("old.referral_id")
  LOOP_TRANSITION_CHANGED ("new.referral_id")
  "END;"
  "CREATE TRIGGER IF NOT EXISTS analytics_loop_partner_au"
  "  AFTER UPDATE OF tier, specialty_code, specialty_label, city ON partner"
  "  WHEN old.tier IS NOT new.tier OR old.specialty_code IS NOT new.specialty_code"
  "    OR old.specialty_label IS NOT new.specialty_label OR old.city IS NOT new.city BEGIN"
  "  UPDATE analytics_outcome_month SET tier = new.tier, specialty_code = new.specialty_code,"
  "    specialty_label = new.specialty_label, city = new.city WHERE partner_id = new.id;"
  /* The partner's referrals move from its old tier and specialty to the new ones. */
  "  INSERT INTO analytics_funnel_tally (day, direction, tier, specialty_code, status, furthest,"
  "    n)"
  "    SELECT r.referred_on, r.direction, old.tier, old.specialty_code, r.status,"
  "      " LOOP_FURTHEST ("r.id", "r.status") " AS furthest, -count(*) FROM referral r"
  "    WHERE r.partner_id = new.id"
  "    AND (old.tier IS NOT new.tier OR old.specialty_code IS NOT new.specialty_code)"
  "    GROUP BY r.referred_on, r.direction, r.status, furthest"
  "    ON CONFLICT (day, direction, tier, specialty_code, status, furthest)"
  "    DO UPDATE SET n = n + excluded.n;"
  "  INSERT INTO analytics_funnel_tally (day, direction, tier, specialty_code, status, furthest,"
  "    n)"
  "    SELECT r.referred_on, r.direction, new.tier, new.specialty_code, r.status,"
  "      " LOOP_FURTHEST ("r.id", "r.status") " AS furthest, count(*) FROM referral r"
  "    WHERE r.partner_id = new.id"
  "    AND (old.tier IS NOT new.tier OR old.specialty_code IS NOT new.specialty_code)"
  "    GROUP BY r.referred_on, r.direction, r.status, furthest"
  "    ON CONFLICT (day, direction, tier, specialty_code, status, furthest)"
  "    DO UPDATE SET n = n + excluded.n;"
  "  DELETE FROM analytics_funnel_tally WHERE tier = old.tier"
  "    AND specialty_code = old.specialty_code AND n <= 0"
  "    AND (day, direction) IN (SELECT referred_on, direction FROM referral"
  "                             WHERE partner_id = new.id);"
  "END;"
  "ANALYZE analytics_referral_steps;"
  "ANALYZE analytics_funnel_tally;"
  "ANALYZE analytics_outcome_month;";

#undef LOOP_STEP_NAMES
#undef LOOP_STATUS_RANK
#undef LOOP_STEPS_RANK
#undef LOOP_FURTHEST
#undef LOOP_FUNNEL_ADD
#undef LOOP_FUNNEL_CLEAN
#undef LOOP_STEPS_REFRESH
#undef LOOP_TRANSITION_CHANGED
#undef LOOP_OUTCOME_ADD
#undef LOOP_OUTCOME_CLEAN

/* Schema 19: the lapsed referrers (src/core/store/rp-store-analytics.c) without reading the
 * months of the lapse window from analytics_partner_month. analytics_partner_last holds each
 * partner's last month with referrals, in each direction and in either ('' direction), with the
 * partner's counts of the 12 months up to it ("YYYY-MM:n,…", a month twice when both directions
 * referred in it): a partner whose last month is in the 6 months before the last 90 days lapsed,
 * and its referrals there are in the row. (Those that referred again after the period are found
 * from analytics_partner_span.) Triggers on analytics_partner_month keep a partner's two rows
 * as its months are added, counted again, removed or moved to another tier.
 * (IF NOT EXISTS, and emptied before it is filled: tests fake an older schema by lowering
 * user_version on a current file.) */
#define LAST_MONTHS(K, P) \
  "(SELECT group_concat(t.month || ':' || t.n) FROM analytics_partner_month t" \
  " WHERE t.partner_id = " P " AND (" K ".direction = '' OR t.direction = " K ".direction)" \
  " AND t.month >= strftime('%Y-%m', " K ".month || '-01', '-11 months'))"

/* @R's partner's rows, in @R's direction and in either, written again (a month removed). */
#define LAST_REFRESH(R) \
  "  DELETE FROM analytics_partner_last WHERE partner_id = " R ".partner_id" \
  "    AND direction IN (" R ".direction, '');" \
  "  INSERT INTO analytics_partner_last (direction, month, partner_id, tier, months)" \
  "    SELECT k.direction, k.month, " R ".partner_id, k.tier, " LAST_MONTHS ("k", R ".partner_id") \
  "    FROM (SELECT " R ".direction AS direction, max(month) AS month, max(tier) AS tier" \
  "          FROM analytics_partner_month WHERE partner_id = " R ".partner_id" \
  "          AND direction = " R ".direction" \
  "          UNION ALL SELECT '', max(month), max(tier) FROM analytics_partner_month" \
  "          WHERE partner_id = " R ".partner_id) k" \
  "    WHERE k.month IS NOT NULL;"

/* The months of @R's partner's rows whose last month is @R's or up to 11 after it, counted
 * again (a month counted again, or added before the last). */
#define LAST_RECOUNT(R) \
  "  UPDATE analytics_partner_last SET months = " LAST_MONTHS ("analytics_partner_last", R ".partner_id") \
  "    WHERE partner_id = " R ".partner_id AND direction IN (" R ".direction, '')" \
  "    AND month >= " R ".month" \
  "    AND " R ".month >= strftime('%Y-%m', month || '-01', '-11 months');"

const char _rp_store_migration_19[] =
  "CREATE TABLE IF NOT EXISTS analytics_partner_last ("
  "  direction TEXT NOT NULL,"
  "  month TEXT NOT NULL,"
  "  partner_id INTEGER NOT NULL,"
  "  tier TEXT NOT NULL,"
  "  months TEXT NOT NULL,"
  "  PRIMARY KEY (direction, month, partner_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX IF NOT EXISTS analytics_partner_last_by_partner"
  "  ON analytics_partner_last(partner_id, direction);"

  "DELETE FROM analytics_partner_last;"
  "INSERT INTO analytics_partner_last (direction, month, partner_id, tier, months)"
  "  SELECT k.direction, k.month, k.partner_id, k.tier, " LAST_MONTHS ("k", "k.partner_id")
  "  FROM (SELECT direction, max(month) AS month, partner_id, max(tier) AS tier"
  "        FROM analytics_partner_month GROUP BY partner_id, direction"
  "        UNION ALL SELECT '', max(month), partner_id, max(tier)"
  "        FROM analytics_partner_month GROUP BY partner_id) k;"

  /* Every referral counts in a month of analytics_partner_month: the triggers do as little as
   * each write needs. A month added up to a row's last one changes its months (when near
   * enough: the other direction's month can be the '' row's last); one after it becomes the
   * row's last month. */
  "CREATE TRIGGER IF NOT EXISTS analytics_partner_last_ai AFTER INSERT"
  "  ON analytics_partner_month BEGIN"
  LAST_RECOUNT ("new")
  "  DELETE FROM analytics_partner_last WHERE partner_id = new.partner_id"
  "    AND direction IN (new.direction, '') AND month < new.month;"
  "  INSERT INTO analytics_partner_last (direction, month, partner_id, tier, months)"
  "    SELECT k.direction, new.month, new.partner_id, new.tier, "
  LAST_MONTHS ("k", "new.partner_id")
  "    FROM (SELECT new.direction AS direction, new.month AS month UNION ALL SELECT '', new.month) k"
  "    WHERE NOT EXISTS (SELECT 1 FROM analytics_partner_last l"
  "                      WHERE l.partner_id = new.partner_id AND l.direction = k.direction);"
  "END;"
  "CREATE TRIGGER IF NOT EXISTS analytics_partner_last_ad AFTER DELETE"
  "  ON analytics_partner_month BEGIN"
  LAST_REFRESH ("old")
  "END;"
  /* A month counted again is never after the row's last month. */
  "CREATE TRIGGER IF NOT EXISTS analytics_partner_last_au AFTER UPDATE OF n"
  "  ON analytics_partner_month WHEN old.n IS NOT new.n BEGIN"
  LAST_RECOUNT ("new")
  "END;"
  "CREATE TRIGGER IF NOT EXISTS analytics_partner_last_tier AFTER UPDATE OF tier"
  "  ON analytics_partner_month WHEN old.tier IS NOT new.tier BEGIN"
  "  UPDATE analytics_partner_last SET tier = new.tier WHERE partner_id = new.partner_id"
  "    AND direction IN (new.direction, '');"
  "END;"
  "ANALYZE analytics_partner_last;";

#undef LAST_MONTHS
#undef LAST_REFRESH
#undef LAST_RECOUNT
