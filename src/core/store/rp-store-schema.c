/* rp-store-schema.c: the schema and its forward-only migrations.
 *
 * Each entry of `migrations` takes a database at user_version N to N + 1 and runs in one
 * transaction together with the user_version bump, so a failed step leaves the file as it was.
 * Never edit a migration that has shipped: add the next one.
 *
 * Copyright 2026 The Rapport authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rp-store-private.h"
#include "rp-store-schema-private.h"

/* Version 1: the whole data model of DESIGN.md.
 *
 * Conventions: every table has an integer key for joins and a uuid that never changes; enum
 * columns hold the enum's nick (rp-enums.h) and are checked; instants are ISO-8601 UTC text
 * ("…Z"), days are local dates (YYYY-MM-DD). */
static const char migration_1[] =
  "CREATE TABLE practice ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL DEFAULT '',"
  "  phone TEXT NOT NULL DEFAULT '',"
  "  fax TEXT NOT NULL DEFAULT '',"
  "  email TEXT NOT NULL DEFAULT '',"
  "  website TEXT NOT NULL DEFAULT '',"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ");"

  "CREATE TABLE location ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  practice_id INTEGER NOT NULL REFERENCES practice(id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  name TEXT NOT NULL DEFAULT '',"
  "  street TEXT NOT NULL DEFAULT '',"
  "  city TEXT NOT NULL DEFAULT '',"
  "  state TEXT NOT NULL DEFAULT '',"
  "  zip TEXT NOT NULL DEFAULT '',"
  "  phone TEXT NOT NULL DEFAULT '',"
  "  fax TEXT NOT NULL DEFAULT '',"
  "  hours TEXT NOT NULL DEFAULT '',"
  "  lat REAL CHECK (lat IS NULL OR lat BETWEEN -90 AND 90),"
  "  lon REAL CHECK (lon IS NULL OR lon BETWEEN -180 AND 180),"
  "  is_primary INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ");"
  "CREATE INDEX location_practice ON location(practice_id, position);"

  "CREATE TABLE partner ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  kind TEXT NOT NULL DEFAULT 'person' CHECK (kind IN ('person', 'organization')),"
  "  prefix TEXT NOT NULL DEFAULT '',"
  "  first_name TEXT NOT NULL DEFAULT '',"
  "  last_name TEXT NOT NULL DEFAULT '',"
  "  credentials TEXT NOT NULL DEFAULT '',"
  "  organization TEXT NOT NULL DEFAULT '',"
  "  display_name TEXT NOT NULL,"
  "  sort_name TEXT NOT NULL COLLATE NOCASE,"
  "  npi TEXT UNIQUE CHECK (npi IS NULL OR (length(npi) = 10 AND npi NOT GLOB '*[^0-9]*')),"
  "  specialty_code TEXT NOT NULL DEFAULT '',"
  "  specialty_label TEXT NOT NULL DEFAULT '',"
  "  street TEXT NOT NULL DEFAULT '',"
  "  city TEXT NOT NULL DEFAULT '',"
  "  state TEXT NOT NULL DEFAULT '',"
  "  zip TEXT NOT NULL DEFAULT '',"
  "  lat REAL CHECK (lat IS NULL OR lat BETWEEN -90 AND 90),"
  "  lon REAL CHECK (lon IS NULL OR lon BETWEEN -180 AND 180),"
  "  phone TEXT NOT NULL DEFAULT '',"
  "  fax TEXT NOT NULL DEFAULT '',"
  "  email TEXT NOT NULL DEFAULT '',"
  "  office_contact TEXT NOT NULL DEFAULT '',"
  "  best_time TEXT NOT NULL DEFAULT '',"
  "  tier TEXT NOT NULL DEFAULT 'b' CHECK (tier IN ('a', 'b', 'c')),"
  "  influence INTEGER NOT NULL DEFAULT 3 CHECK (influence BETWEEN 1 AND 5),"
  "  monthly_volume INTEGER NOT NULL DEFAULT 0 CHECK (monthly_volume >= 0),"
  "  status TEXT NOT NULL DEFAULT 'prospect'"
  "    CHECK (status IN ('prospect', 'active', 'dormant')),"
  "  cadence_days INTEGER CHECK (cadence_days IS NULL OR cadence_days > 0),"
  "  tags TEXT NOT NULL DEFAULT '',"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  last_contact_at TEXT,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  archived_at TEXT"
  ");"
  /* One partial index per sortable column over the current (not archived) partners, which is
   * what the lists show nearly always. */
  "CREATE INDEX partner_by_sort_name ON partner(sort_name, id) WHERE archived_at IS NULL;"
  "CREATE INDEX partner_by_specialty ON partner(specialty_label COLLATE NOCASE, sort_name)"
  "  WHERE archived_at IS NULL;"
  "CREATE INDEX partner_by_organization ON partner(organization COLLATE NOCASE, sort_name)"
  "  WHERE archived_at IS NULL;"
  "CREATE INDEX partner_by_city ON partner(city COLLATE NOCASE, sort_name) WHERE archived_at IS NULL;"
  "CREATE INDEX partner_by_tier ON partner(tier, sort_name) WHERE archived_at IS NULL;"
  "CREATE INDEX partner_by_status ON partner(status, sort_name) WHERE archived_at IS NULL;"
  "CREATE INDEX partner_by_last_contact ON partner(last_contact_at, sort_name)"
  "  WHERE archived_at IS NULL;"
  /* The specialty filter's choices and counts, and the count of archived partners, read from
   * small indexes instead of the whole table. */
  "CREATE INDEX partner_by_specialty_code ON partner(specialty_code, specialty_label)"
  "  WHERE archived_at IS NULL;"
  "CREATE INDEX partner_archived ON partner(archived_at) WHERE archived_at IS NOT NULL;"

  /* Search: an external-content FTS5 index over the partner's text, kept in step by triggers.
   * remove_diacritics folds accents so "pena" finds "Peña"; prefix indexes make typing fast. */
  "CREATE VIRTUAL TABLE partner_fts USING fts5("
  "  display_name, organization, specialty_label, city, tags, notes,"
  "  content='partner', content_rowid='id',"
  "  tokenize=\"unicode61 remove_diacritics 2\", prefix='1 2 3'"
  ");"
  "CREATE TRIGGER partner_fts_ai AFTER INSERT ON partner BEGIN"
  "  INSERT INTO partner_fts(rowid, display_name, organization, specialty_label, city, tags, notes)"
  "  VALUES (new.id, new.display_name, new.organization, new.specialty_label, new.city,"
  "          new.tags, new.notes);"
  "END;"
  "CREATE TRIGGER partner_fts_ad AFTER DELETE ON partner BEGIN"
  "  INSERT INTO partner_fts(partner_fts, rowid, display_name, organization, specialty_label,"
  "                          city, tags, notes)"
  "  VALUES ('delete', old.id, old.display_name, old.organization, old.specialty_label, old.city,"
  "          old.tags, old.notes);"
  "END;"
  "CREATE TRIGGER partner_fts_au"
  "  AFTER UPDATE OF display_name, organization, specialty_label, city, tags, notes ON partner "
  "BEGIN"
  "  INSERT INTO partner_fts(partner_fts, rowid, display_name, organization, specialty_label,"
  "                          city, tags, notes)"
  "  VALUES ('delete', old.id, old.display_name, old.organization, old.specialty_label, old.city,"
  "          old.tags, old.notes);"
  "  INSERT INTO partner_fts(rowid, display_name, organization, specialty_label, city, tags, notes)"
  "  VALUES (new.id, new.display_name, new.organization, new.specialty_label, new.city,"
  "          new.tags, new.notes);"
  "END;"

  /* Map queries: an R*Tree on the partners that have coordinates. */
  "CREATE VIRTUAL TABLE partner_geo USING rtree(id, min_lat, max_lat, min_lon, max_lon);"
  "CREATE TRIGGER partner_geo_ai AFTER INSERT ON partner"
  "  WHEN new.lat IS NOT NULL AND new.lon IS NOT NULL BEGIN"
  "  INSERT INTO partner_geo VALUES (new.id, new.lat, new.lat, new.lon, new.lon);"
  "END;"
  "CREATE TRIGGER partner_geo_au AFTER UPDATE OF lat, lon ON partner BEGIN"
  "  DELETE FROM partner_geo WHERE id = old.id;"
  "  INSERT INTO partner_geo SELECT new.id, new.lat, new.lat, new.lon, new.lon"
  "    WHERE new.lat IS NOT NULL AND new.lon IS NOT NULL;"
  "END;"
  "CREATE TRIGGER partner_geo_ad AFTER DELETE ON partner BEGIN"
  "  DELETE FROM partner_geo WHERE id = old.id;"
  "END;"

  "CREATE TABLE referral ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  partner_id INTEGER NOT NULL REFERENCES partner(id) ON DELETE CASCADE,"
  "  direction TEXT NOT NULL CHECK (direction IN ('inbound', 'outbound')),"
  "  referred_on TEXT NOT NULL,"
  "  reason TEXT NOT NULL DEFAULT '',"
  "  service_line TEXT NOT NULL DEFAULT '',"
  "  urgency TEXT NOT NULL DEFAULT 'routine' CHECK (urgency IN ('routine', 'soon', 'urgent')),"
  "  status TEXT NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'contacted',"
  "    'scheduled', 'seen', 'loop-closed', 'declined', 'no-show', 'lost')),"
  "  status_reason TEXT NOT NULL DEFAULT '',"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  outcome TEXT NOT NULL DEFAULT '',"
  "  satisfaction INTEGER CHECK (satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5),"
  /* Patient identifiers: XChaCha20-Poly1305 ciphertexts (nonce ‖ box) and keyed-hash blind
   * indexes for exact look-up. Never plaintext. */
  "  patient_name BLOB,"
  "  patient_dob BLOB,"
  "  patient_mrn BLOB,"
  "  patient_phone BLOB,"
  "  patient_mrn_index BLOB,"
  "  patient_name_dob_index BLOB,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ");"
  "CREATE INDEX referral_by_partner ON referral(partner_id, referred_on);"
  /* Covers the counts per partner over a date window (the partner list's referral column). */
  "CREATE INDEX referral_by_date ON referral(referred_on, direction, partner_id);"
  "CREATE INDEX referral_by_status ON referral(status, referred_on);"
  "CREATE INDEX referral_by_mrn_index ON referral(patient_mrn_index)"
  "  WHERE patient_mrn_index IS NOT NULL;"
  "CREATE INDEX referral_by_name_dob_index ON referral(patient_name_dob_index)"
  "  WHERE patient_name_dob_index IS NOT NULL;"

  "CREATE TABLE referral_transition ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  referral_id INTEGER NOT NULL REFERENCES referral(id) ON DELETE CASCADE,"
  "  from_status TEXT,"
  "  to_status TEXT NOT NULL,"
  "  occurred_at TEXT NOT NULL,"
  "  note TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX referral_transition_by_referral ON referral_transition(referral_id, occurred_at);"
  "CREATE INDEX referral_transition_by_time ON referral_transition(occurred_at);"

  "CREATE TABLE activity ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  kind TEXT NOT NULL CHECK (kind IN ('visit', 'call', 'email', 'event', 'thank-you',"
  "    'update-sent', 'feedback', 'note')),"
  "  occurred_at TEXT NOT NULL,"
  "  contact_person TEXT NOT NULL DEFAULT '',"
  "  summary TEXT NOT NULL DEFAULT '',"
  "  materials TEXT NOT NULL DEFAULT '',"
  "  referral_id INTEGER REFERENCES referral(id) ON DELETE SET NULL,"
  "  cost_cents INTEGER NOT NULL DEFAULT 0 CHECK (cost_cents >= 0),"
  "  follow_up_needed INTEGER NOT NULL DEFAULT 0 CHECK (follow_up_needed IN (0, 1)),"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ");"
  "CREATE INDEX activity_by_time ON activity(occurred_at);"
  "CREATE INDEX activity_by_referral ON activity(referral_id) WHERE referral_id IS NOT NULL;"

  /* The partners present at an activity; a gift's or meal's cost is shared among them. */
  "CREATE TABLE activity_partner ("
  "  activity_id INTEGER NOT NULL REFERENCES activity(id) ON DELETE CASCADE,"
  "  partner_id INTEGER NOT NULL REFERENCES partner(id) ON DELETE CASCADE,"
  "  cost_share_cents INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (activity_id, partner_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX activity_partner_by_partner ON activity_partner(partner_id, activity_id);"
  /* Keep partner.last_contact_at, the Partners page's "Last contact" column, in step. */
  "CREATE TRIGGER activity_partner_contact_ai AFTER INSERT ON activity_partner BEGIN"
  "  UPDATE partner SET last_contact_at = (SELECT occurred_at FROM activity"
  "                                        WHERE id = new.activity_id)"
  "  WHERE id = new.partner_id AND (last_contact_at IS NULL OR last_contact_at <"
  "        (SELECT occurred_at FROM activity WHERE id = new.activity_id));"
  "END;"
  "CREATE TRIGGER activity_partner_contact_ad AFTER DELETE ON activity_partner BEGIN"
  "  UPDATE partner SET last_contact_at = (SELECT max(a.occurred_at) FROM activity a"
  "      JOIN activity_partner ap ON ap.activity_id = a.id WHERE ap.partner_id = old.partner_id)"
  "  WHERE id = old.partner_id;"
  "END;"
  "CREATE TRIGGER activity_contact_au AFTER UPDATE OF occurred_at ON activity BEGIN"
  "  UPDATE partner SET last_contact_at = (SELECT max(a.occurred_at) FROM activity a"
  "      JOIN activity_partner ap ON ap.activity_id = a.id WHERE ap.partner_id = partner.id)"
  "  WHERE id IN (SELECT partner_id FROM activity_partner WHERE activity_id = new.id);"
  "END;"

  "CREATE TABLE task ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  kind TEXT NOT NULL CHECK (kind IN ('follow-up', 'thank-you', 'loop-update', 'visit',"
  "    'custom')),"
  "  title TEXT NOT NULL DEFAULT '',"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  partner_id INTEGER REFERENCES partner(id) ON DELETE CASCADE,"
  "  referral_id INTEGER REFERENCES referral(id) ON DELETE CASCADE,"
  "  activity_id INTEGER REFERENCES activity(id) ON DELETE SET NULL,"
  "  due_on TEXT NOT NULL,"
  "  due_time TEXT NOT NULL DEFAULT '',"
  "  done_at TEXT,"
  "  snoozed_until TEXT,"
  "  notified_at TEXT,"
  "  rule_key TEXT UNIQUE,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ");"
  "CREATE INDEX task_open_by_due ON task(due_on, due_time) WHERE done_at IS NULL;"
  "CREATE INDEX task_by_partner ON task(partner_id, due_on);"
  "CREATE INDEX task_by_referral ON task(referral_id) WHERE referral_id IS NOT NULL;"

  "CREATE TABLE planned_visit ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  partner_id INTEGER NOT NULL REFERENCES partner(id) ON DELETE CASCADE,"
  "  planned_on TEXT NOT NULL,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  objective TEXT NOT NULL DEFAULT '',"
  "  status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'done', 'cancelled')),"
  "  activity_id INTEGER REFERENCES activity(id) ON DELETE SET NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ");"
  "CREATE INDEX planned_visit_by_day ON planned_visit(planned_on, position);"
  "CREATE INDEX planned_visit_by_partner ON planned_visit(partner_id, planned_on);"

  "CREATE TABLE target_list ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ");"
  "CREATE TABLE target_list_member ("
  "  list_id INTEGER NOT NULL REFERENCES target_list(id) ON DELETE CASCADE,"
  "  partner_id INTEGER NOT NULL REFERENCES partner(id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  PRIMARY KEY (list_id, partner_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX target_list_member_by_partner ON target_list_member(partner_id);";

/* Version 2: facts about the database itself (its uuid, the vault's key check) and the
 * yearly limits on gifts and meals per physician.
 *
 * The limits are CMS's published non-monetary compensation amounts (42 CFR 411.357(k)),
 * adjusted each calendar year; users add later years in Preferences. */
static const char migration_2[] =
  "CREATE TABLE meta ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ") WITHOUT ROWID;"
  "INSERT INTO meta (key, value) VALUES ('database-uuid',"
  "  lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2)"
  "        || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2)"
  "        || '-' || hex(randomblob(6))));"

  "CREATE TABLE gift_limit ("
  "  year INTEGER PRIMARY KEY CHECK (year BETWEEN 1990 AND 2200),"
  "  limit_cents INTEGER NOT NULL CHECK (limit_cents >= 0)"
  ");"
  "INSERT INTO gift_limit (year, limit_cents) VALUES"
  "  (2021, 45200), (2022, 46300), (2023, 48900), (2024, 50700), (2025, 51900);"
  "CREATE INDEX activity_partner_gifts ON activity_partner(partner_id, activity_id)"
  "  WHERE cost_share_cents > 0;";

/* Version 3: timelines read the tasks done newest first, a page at a time (rp-store-timeline.c);
 * without an index each page would sort every done task. */
static const char migration_3[] =
  "CREATE INDEX task_done_by_time ON task(done_at) WHERE done_at IS NOT NULL;";

/* Version 4: the reminder service asks for the earliest open task not yet notified each time
 * tasks change (rp-store-reminders.c); the index answers it without reading the notified ones. */
static const char migration_4[] =
  "CREATE INDEX task_unnotified_by_due ON task(due_on, due_time)"
  "  WHERE done_at IS NULL AND notified_at IS NULL;";

/* Version 5: maps, planning and packets.
 *
 * - The practice profile that referral packets print: logo, how to refer, insurances, and its
 *   services, providers and success stories as ordered entries (title, detail, body).
 * - Geocoding: the ZIP centroids of an imported US Census ZCTA gazetteer, the answers of the
 *   online geocoder (cached, per the Nominatim usage policy), and each partner's geocoding
 *   outcome (where the coordinates came from, or why there are none).
 * - Planned visits are listed by week and by partner's latest visit. */
static const char migration_5[] =
  "ALTER TABLE practice ADD COLUMN logo BLOB;"
  "ALTER TABLE practice ADD COLUMN logo_type TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE practice ADD COLUMN referral_url TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE practice ADD COLUMN referral_phone TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE practice ADD COLUMN referral_fax TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE practice ADD COLUMN urgent_line TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE practice ADD COLUMN what_to_send TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE practice ADD COLUMN turnaround TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE practice ADD COLUMN insurances TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE practice ADD COLUMN liaison_name TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE practice ADD COLUMN liaison_phone TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE practice ADD COLUMN liaison_email TEXT NOT NULL DEFAULT '';"

  "CREATE TABLE practice_entry ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  practice_id INTEGER NOT NULL REFERENCES practice(id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL CHECK (kind IN ('service', 'provider', 'story')),"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  title TEXT NOT NULL DEFAULT '',"
  "  detail TEXT NOT NULL DEFAULT '',"
  "  body TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX practice_entry_by_kind ON practice_entry(practice_id, kind, position);"

  "CREATE TABLE zcta ("
  "  zip TEXT PRIMARY KEY,"
  "  lat REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),"
  "  lon REAL NOT NULL CHECK (lon BETWEEN -180 AND 180)"
  ") WITHOUT ROWID;"

  "CREATE TABLE geocode_cache ("
  "  query TEXT PRIMARY KEY,"
  "  lat REAL,"
  "  lon REAL,"
  "  display_name TEXT NOT NULL DEFAULT '',"
  "  fetched_at TEXT NOT NULL"
  ") WITHOUT ROWID;"

  "CREATE TABLE partner_geocode ("
  "  partner_id INTEGER PRIMARY KEY REFERENCES partner(id) ON DELETE CASCADE,"
  "  source TEXT NOT NULL CHECK (source IN ('manual', 'zcta', 'nominatim', 'sample', 'none')),"
  "  error TEXT NOT NULL DEFAULT '',"
  "  updated_at TEXT NOT NULL"
  ");"

  "CREATE INDEX planned_visit_by_status ON planned_visit(status, planned_on);";

/* Version 6: indexes for lists of a million rows.
 *
 * - The Referrals page reads its list a page at a time in list order (newest first by
 *   referred_on, then id) through indexes by day (the rowid completes the order), by day of the
 *   open referrals (a partial index whose condition the list's query repeats word for word) and
 *   by direction and day. It counts them by status, direction and day, and by status and
 *   direction alone in referral_tally, which triggers keep.
 * - Who to visit and the target score read every current partner's planning columns and every
 *   visit's time: a covering partial index of the first (a tenth of the partner table's pages)
 *   and a partial index of the visits' ids and times spare them the wide rows. */
static const char migration_6[] =
  "CREATE INDEX referral_by_day ON referral(referred_on);"
  "CREATE INDEX referral_open_by_day ON referral(referred_on)"
  "  WHERE status IN ('received', 'contacted', 'scheduled', 'seen', 'no-show');"
  /* …by direction (and status) and day: the direction filter's pages, and the counts of every
   * filter of the page over a date range, from the index alone. */
  "CREATE INDEX referral_by_direction ON referral(direction, referred_on);"
  "CREATE INDEX referral_by_status_direction"
  "  ON referral(status, direction, referred_on);"
  "CREATE INDEX activity_visit_by_id ON activity(id, occurred_at)"
  "  WHERE kind = 'visit';"
  "CREATE INDEX partner_plan ON partner(id, tier, status, cadence_days,"
  "  influence, monthly_volume, lat, lon) WHERE archived_at IS NULL;"

  /* The Referrals page's counts: how many referrals there are of each status and direction,
   * kept by triggers (cascading deletes fire them too), so that the usual filters are counted
   * at once rather than over a million index entries. */
  "CREATE TABLE referral_tally ("
  "  status TEXT NOT NULL,"
  "  direction TEXT NOT NULL,"
  "  n INTEGER NOT NULL,"
  "  PRIMARY KEY (status, direction)"
  ") WITHOUT ROWID;"
  "INSERT INTO referral_tally (status, direction, n)"
  "  SELECT status, direction, COUNT(*) FROM referral GROUP BY status, direction;"
  "CREATE TRIGGER referral_tally_insert AFTER INSERT ON referral BEGIN"
  "  INSERT INTO referral_tally (status, direction, n) VALUES (NEW.status, NEW.direction, 1)"
  "    ON CONFLICT (status, direction) DO UPDATE SET n = n + 1;"
  "END;"
  "CREATE TRIGGER referral_tally_delete AFTER DELETE ON referral BEGIN"
  "  UPDATE referral_tally SET n = n - 1"
  "    WHERE status = OLD.status AND direction = OLD.direction;"
  "END;"
  "CREATE TRIGGER referral_tally_update AFTER UPDATE OF status, direction ON referral"
  "  WHEN OLD.status IS NOT NEW.status OR OLD.direction IS NOT NEW.direction BEGIN"
  "  UPDATE referral_tally SET n = n - 1"
  "    WHERE status = OLD.status AND direction = OLD.direction;"
  "  INSERT INTO referral_tally (status, direction, n) VALUES (NEW.status, NEW.direction, 1)"
  "    ON CONFLICT (status, direction) DO UPDATE SET n = n + 1;"
  "END;"
  /* Without statistics on the new indexes the planner may pick one that sorts. */
  "ANALYZE referral;";

/* Schema 7: searching referrals. An external-content FTS5 index over each referral's reason and
 * service line, kept in step by triggers like partner_fts (rp_store_begin_bulk drops the insert
 * trigger and rebuilds the index at the end), and filled here from the referrals already
 * stored. No prefix indexes: reasons are a few words from a small vocabulary, so a prefix
 * query walks few terms, and at a million referrals they would double the index. */
static const char migration_7[] =
  "CREATE VIRTUAL TABLE referral_fts USING fts5("
  "  reason, service_line,"
  "  content='referral', content_rowid='id',"
  "  tokenize=\"unicode61 remove_diacritics 2\""
  ");"
  "CREATE TRIGGER referral_fts_ai AFTER INSERT ON referral BEGIN"
  "  INSERT INTO referral_fts(rowid, reason, service_line)"
  "  VALUES (new.id, new.reason, new.service_line);"
  "END;"
  "CREATE TRIGGER referral_fts_ad AFTER DELETE ON referral BEGIN"
  "  INSERT INTO referral_fts(referral_fts, rowid, reason, service_line)"
  "  VALUES ('delete', old.id, old.reason, old.service_line);"
  "END;"
  "CREATE TRIGGER referral_fts_au AFTER UPDATE OF reason, service_line ON referral"
  "  WHEN old.reason IS NOT new.reason OR old.service_line IS NOT new.service_line BEGIN"
  "  INSERT INTO referral_fts(referral_fts, rowid, reason, service_line)"
  "  VALUES ('delete', old.id, old.reason, old.service_line);"
  "  INSERT INTO referral_fts(rowid, reason, service_line)"
  "  VALUES (new.id, new.reason, new.service_line);"
  "END;"
  "INSERT INTO referral_fts(referral_fts) VALUES ('rebuild');";

/* Schema 8: public registries (NPPES, NUCC, Medicare; src/core/registry).
 *
 * - prospect: providers of the national NPI file that an import's filters kept, not partners.
 *   Keyed by NPI; re-imports update a row only when its Last Update Date is later, and never
 *   touch the user's decision (added to partners, dismissed) or the partner it became. Its
 *   score is kept in the row (rp_store_rescore_prospects) so the page reads it from an index.
 * - prospect_fts: search over names, organisation and city, kept by triggers.
 * - nucc_taxonomy: the NUCC code set's labels; medicare_volume: Medicare patients per NPI and
 *   year; partner_registry: what the NPI file says of each partner's NPI, compared with the
 *   partner for the "registry differs" hint. */
static const char migration_8[] =
  "CREATE TABLE prospect ("
  "  id INTEGER PRIMARY KEY,"
  "  npi TEXT NOT NULL UNIQUE CHECK (length(npi) = 10 AND npi NOT GLOB '*[^0-9]*'),"
  "  entity INTEGER NOT NULL CHECK (entity IN (1, 2)),"
  "  display_name TEXT NOT NULL,"
  "  prefix TEXT NOT NULL DEFAULT '',"
  "  first_name TEXT NOT NULL DEFAULT '',"
  "  middle_name TEXT NOT NULL DEFAULT '',"
  "  last_name TEXT NOT NULL DEFAULT '',"
  "  credentials TEXT NOT NULL DEFAULT '',"
  "  organization TEXT NOT NULL DEFAULT '',"
  "  street TEXT NOT NULL DEFAULT '',"
  "  street2 TEXT NOT NULL DEFAULT '',"
  "  city TEXT NOT NULL DEFAULT '',"
  "  state TEXT NOT NULL DEFAULT '',"
  "  zip TEXT NOT NULL DEFAULT '',"
  "  phone TEXT NOT NULL DEFAULT '',"
  "  fax TEXT NOT NULL DEFAULT '',"
  "  taxonomy_code TEXT NOT NULL DEFAULT '',"
  "  taxonomy_codes TEXT NOT NULL DEFAULT '',"
  "  last_update TEXT NOT NULL DEFAULT '',"
  "  deactivated_on TEXT,"
  "  lat REAL CHECK (lat IS NULL OR lat BETWEEN -90 AND 90),"
  "  lon REAL CHECK (lon IS NULL OR lon BETWEEN -180 AND 180),"
  "  distance_km REAL,"
  "  org_size INTEGER NOT NULL DEFAULT 1,"
  "  score REAL NOT NULL DEFAULT 0,"
  "  decision TEXT NOT NULL DEFAULT '' CHECK (decision IN ('', 'added', 'dismissed')),"
  "  partner_id INTEGER REFERENCES partner(id) ON DELETE SET NULL,"
  "  imported_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ");"
  "CREATE INDEX prospect_by_score ON prospect(score DESC, id) WHERE deactivated_on IS NULL;"
  /* The Prospects page's default list: the undecided ones, best first, from the index alone. */
  "CREATE INDEX prospect_open_by_score ON prospect(score DESC, id)"
  "  WHERE deactivated_on IS NULL AND decision = '';"
  "CREATE INDEX prospect_by_taxonomy ON prospect(taxonomy_code, score DESC)"
  "  WHERE deactivated_on IS NULL;"
  "CREATE INDEX prospect_by_city ON prospect(city COLLATE NOCASE, score DESC)"
  "  WHERE deactivated_on IS NULL;"
  "CREATE INDEX prospect_by_partner ON prospect(partner_id) WHERE partner_id IS NOT NULL;"
  "CREATE VIRTUAL TABLE prospect_fts USING fts5("
  "  display_name, organization, city,"
  "  content='prospect', content_rowid='id',"
  "  tokenize=\"unicode61 remove_diacritics 2\", prefix='1 2 3'"
  ");"
  "CREATE TRIGGER prospect_fts_ai AFTER INSERT ON prospect BEGIN"
  "  INSERT INTO prospect_fts(rowid, display_name, organization, city)"
  "  VALUES (new.id, new.display_name, new.organization, new.city);"
  "END;"
  "CREATE TRIGGER prospect_fts_ad AFTER DELETE ON prospect BEGIN"
  "  INSERT INTO prospect_fts(prospect_fts, rowid, display_name, organization, city)"
  "  VALUES ('delete', old.id, old.display_name, old.organization, old.city);"
  "END;"
  "CREATE TRIGGER prospect_fts_au AFTER UPDATE OF display_name, organization, city ON prospect"
  "  WHEN old.display_name IS NOT new.display_name OR old.organization IS NOT new.organization"
  "    OR old.city IS NOT new.city BEGIN"
  "  INSERT INTO prospect_fts(prospect_fts, rowid, display_name, organization, city)"
  "  VALUES ('delete', old.id, old.display_name, old.organization, old.city);"
  "  INSERT INTO prospect_fts(rowid, display_name, organization, city)"
  "  VALUES (new.id, new.display_name, new.organization, new.city);"
  "END;"

  "CREATE TABLE nucc_taxonomy ("
  "  code TEXT PRIMARY KEY,"
  "  grouping TEXT NOT NULL DEFAULT '',"
  "  classification TEXT NOT NULL DEFAULT '',"
  "  specialization TEXT NOT NULL DEFAULT '',"
  "  display_name TEXT NOT NULL DEFAULT '',"
  "  section TEXT NOT NULL DEFAULT ''"
  ") WITHOUT ROWID;"

  "CREATE TABLE medicare_volume ("
  "  npi TEXT PRIMARY KEY,"
  "  year INTEGER NOT NULL,"
  "  provider_type TEXT NOT NULL DEFAULT '',"
  "  patients INTEGER NOT NULL CHECK (patients >= 0),"
  "  services INTEGER NOT NULL DEFAULT 0"
  ") WITHOUT ROWID;"

  "CREATE TABLE partner_registry ("
  "  npi TEXT PRIMARY KEY,"
  "  street TEXT NOT NULL DEFAULT '',"
  "  street2 TEXT NOT NULL DEFAULT '',"
  "  city TEXT NOT NULL DEFAULT '',"
  "  state TEXT NOT NULL DEFAULT '',"
  "  zip TEXT NOT NULL DEFAULT '',"
  "  phone TEXT NOT NULL DEFAULT '',"
  "  fax TEXT NOT NULL DEFAULT '',"
  "  taxonomy_code TEXT NOT NULL DEFAULT '',"
  "  last_update TEXT NOT NULL DEFAULT '',"
  "  deactivated_on TEXT,"
  "  seen_at TEXT NOT NULL"
  ") WITHOUT ROWID;";

/* Schema 9: imports. Each import is a batch (its file's name, for the partners' provenance and
 * for Undo); partner_origin says which line of which batch added a partner, or which of its
 * empty columns a merge filled (so that Undo can empty them again). Column mappings are saved
 * by name and by the set of headers they were made for. (IF NOT EXISTS: tests fake an older
 * schema by lowering user_version on a current file.) */
static const char migration_9[] =
  "CREATE TABLE IF NOT EXISTS import_batch ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  file_name TEXT NOT NULL,"
  "  what TEXT NOT NULL DEFAULT 'partners',"
  "  created_at TEXT NOT NULL,"
  "  undone_at TEXT"
  ");"
  "CREATE TABLE IF NOT EXISTS partner_origin ("
  "  partner_id INTEGER NOT NULL REFERENCES partner(id) ON DELETE CASCADE,"
  "  batch_id INTEGER NOT NULL REFERENCES import_batch(id) ON DELETE CASCADE,"
  "  line INTEGER NOT NULL CHECK (line > 0),"
  "  action TEXT NOT NULL CHECK (action IN ('added', 'merged')),"
  "  filled TEXT NOT NULL DEFAULT '',"
  "  PRIMARY KEY (partner_id, batch_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX IF NOT EXISTS partner_origin_by_batch ON partner_origin(batch_id);"
  "CREATE TABLE IF NOT EXISTS import_mapping ("
  "  name TEXT NOT NULL UNIQUE,"
  "  header_key TEXT NOT NULL,"
  "  mapping TEXT NOT NULL,"
  "  saved_at TEXT NOT NULL"
  ");"
  "CREATE INDEX IF NOT EXISTS import_mapping_by_headers ON import_mapping(header_key);";

/* Schema 10: outcomes of referrals and feedback from partner offices.
 *
 * - outcome_category: the editable list of outcome categories. The six built-in ones carry a
 *   key (so they are shown translated until the user renames them: label stays '' until then);
 *   categories the user adds have no key. Removing one archives it, so recorded outcomes keep
 *   their category.
 * - referral.outcome_category_id and referral.outcome_at: the outcome recorded when the patient
 *   was seen or the loop closed (the note and the 1–5 satisfaction are the existing columns
 *   outcome and satisfaction). No patient identifier is involved.
 * - partner_feedback: what a partner office said of the practice: a day, who said it, a score
 *   0–10 ("how likely to recommend us to a colleague"), a topic and a comment; task_id is the
 *   follow-up task made for a score of 6 or lower. */
static const char migration_10[] =
  "CREATE TABLE outcome_category ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  key TEXT UNIQUE,"
  "  label TEXT NOT NULL DEFAULT '',"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  archived_at TEXT,"
  "  CHECK (key IS NOT NULL OR label <> '')"
  ");"
  "INSERT INTO outcome_category (uuid, key, position) VALUES"
  "  ('6d1f3c0e-8b8a-4c55-9a51-0d6f2a1c0001', 'improved', 0),"
  "  ('6d1f3c0e-8b8a-4c55-9a51-0d6f2a1c0002', 'unchanged', 1),"
  "  ('6d1f3c0e-8b8a-4c55-9a51-0d6f2a1c0003', 'referred-on', 2),"
  "  ('6d1f3c0e-8b8a-4c55-9a51-0d6f2a1c0004', 'surgery-scheduled', 3),"
  "  ('6d1f3c0e-8b8a-4c55-9a51-0d6f2a1c0005', 'discharged', 4),"
  "  ('6d1f3c0e-8b8a-4c55-9a51-0d6f2a1c0006', 'other', 5);"
  "ALTER TABLE referral ADD COLUMN outcome_category_id INTEGER"
  "  REFERENCES outcome_category(id) ON DELETE SET NULL;"
  "ALTER TABLE referral ADD COLUMN outcome_at TEXT;"
  "CREATE INDEX referral_by_outcome ON referral(outcome_category_id, referred_on)"
  "  WHERE outcome_category_id IS NOT NULL;"

  "CREATE TABLE partner_feedback ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  partner_id INTEGER NOT NULL REFERENCES partner(id) ON DELETE CASCADE,"
  "  given_on TEXT NOT NULL,"
  "  given_by TEXT NOT NULL DEFAULT '',"
  "  score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),"
  "  topic TEXT NOT NULL DEFAULT 'other' CHECK (topic IN ('access', 'communication',"
  "    'reports', 'scheduling', 'staff', 'other')),"
  "  comment TEXT NOT NULL DEFAULT '',"
  "  task_id INTEGER REFERENCES task(id) ON DELETE SET NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ");"
  "CREATE INDEX partner_feedback_by_partner ON partner_feedback(partner_id, given_on);"
  "CREATE INDEX partner_feedback_by_day ON partner_feedback(given_on);";

/* Schema 11: the analytics' tallies (src/core/store/rp-store-analytics.c), so that the Analytics
 * page counts a period from a few thousand rows rather than a million referrals. Triggers keep
 * them in step with every write of a referral (and of a partner's tier, specialty or city), and
 * they are filled here from the referrals already stored.
 *
 * - analytics_day_tally: referrals per day, direction, tier and specialty (the monthly chart,
 *   stacked by any of them, and the totals of any range of days).
 * - analytics_partner_month: referrals per month, direction and partner, with the partner's
 *   tier, specialty and city copied so the filters need no join (counts per partner: top
 *   referrers, trends, gifts).
 * - analytics_partner_first: each partner's first referral in each direction (new referrers).
 * - A partner's referrals are deleted before the partner, so the tallies still know its tier and
 *   specialty (the cascade then finds none).
 * - referral_analytics_steps covers the funnel's rows of a range of days, and
 *   referral_transition_steps the first time each referral reached each step (the medians need
 *   the rows); referral_analytics_outcomes the outcomes recorded; referral_partner_days the
 *   days of a few partners' referrals (outreach), and partner_analytics_names the names and
 *   places of the thousands of partners a figure lists, without their wide rows.
 * (IF NOT EXISTS, and the tallies emptied before they are filled: tests fake an older schema by
 * lowering user_version on a current file.) */
#define TALLY_ADD(R) \
  "  INSERT INTO analytics_day_tally (day, direction, tier, specialty_code, n)" \
  "    SELECT " R ".referred_on, " R ".direction, p.tier, p.specialty_code, 1 FROM partner p" \
  "    WHERE p.id = " R ".partner_id" \
  "    ON CONFLICT (day, direction, tier, specialty_code) DO UPDATE SET n = n + 1;" \
  "  INSERT INTO analytics_partner_month (month, direction, partner_id, tier, specialty_code," \
  "    city, n)" \
  "    SELECT substr(" R ".referred_on, 1, 7), " R ".direction, " R ".partner_id, p.tier," \
  "      p.specialty_code, p.city, 1 FROM partner p WHERE p.id = " R ".partner_id" \
  "    ON CONFLICT (month, direction, partner_id) DO UPDATE SET n = n + 1;" \
  "  INSERT INTO analytics_partner_first (partner_id, direction, first_on)" \
  "    VALUES (" R ".partner_id, " R ".direction, " R ".referred_on)" \
  "    ON CONFLICT (partner_id, direction)" \
  "    DO UPDATE SET first_on = min(first_on, excluded.first_on);"

#define TALLY_REMOVE(R) \
  "  UPDATE analytics_day_tally SET n = n - 1" \
  "    WHERE day = " R ".referred_on AND direction = " R ".direction" \
  "    AND (tier, specialty_code) = (SELECT tier, specialty_code FROM partner" \
  "                                  WHERE id = " R ".partner_id);" \
  "  DELETE FROM analytics_day_tally WHERE day = " R ".referred_on" \
  "    AND direction = " R ".direction AND n <= 0;" \
  "  UPDATE analytics_partner_month SET n = n - 1" \
  "    WHERE month = substr(" R ".referred_on, 1, 7) AND direction = " R ".direction" \
  "    AND partner_id = " R ".partner_id;" \
  "  DELETE FROM analytics_partner_month WHERE month = substr(" R ".referred_on, 1, 7)" \
  "    AND direction = " R ".direction AND partner_id = " R ".partner_id AND n <= 0;" \
  "  UPDATE analytics_partner_first SET first_on = (SELECT min(referred_on) FROM referral" \
  "      WHERE partner_id = " R ".partner_id AND direction = " R ".direction)" \
  "    WHERE partner_id = " R ".partner_id AND direction = " R ".direction;" \
  "  DELETE FROM analytics_partner_first WHERE partner_id = " R ".partner_id" \
  "    AND direction = " R ".direction AND first_on IS NULL;"

static const char migration_11[] =
  "CREATE TABLE IF NOT EXISTS analytics_day_tally ("
  "  day TEXT NOT NULL,"
  "  direction TEXT NOT NULL,"
  "  tier TEXT NOT NULL,"
  "  specialty_code TEXT NOT NULL,"
  "  n INTEGER NOT NULL,"
  "  PRIMARY KEY (day, direction, tier, specialty_code)"
  ") WITHOUT ROWID;"
  "CREATE TABLE IF NOT EXISTS analytics_partner_month ("
  "  month TEXT NOT NULL,"
  "  direction TEXT NOT NULL,"
  "  partner_id INTEGER NOT NULL,"
  "  tier TEXT NOT NULL,"
  "  specialty_code TEXT NOT NULL,"
  "  city TEXT NOT NULL,"
  "  n INTEGER NOT NULL,"
  "  PRIMARY KEY (month, direction, partner_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX IF NOT EXISTS analytics_partner_month_by_partner"
  "  ON analytics_partner_month(partner_id, month, direction, n);"
  "CREATE TABLE IF NOT EXISTS analytics_partner_first ("
  "  partner_id INTEGER NOT NULL,"
  "  direction TEXT NOT NULL,"
  "  first_on TEXT,"
  "  PRIMARY KEY (partner_id, direction)"
  ") WITHOUT ROWID;"
  "CREATE INDEX IF NOT EXISTS analytics_partner_first_by_day"
  "  ON analytics_partner_first(first_on, direction);"

  "DELETE FROM analytics_day_tally;"
  "DELETE FROM analytics_partner_month;"
  "DELETE FROM analytics_partner_first;"
  "INSERT INTO analytics_day_tally (day, direction, tier, specialty_code, n)"
  "  SELECT r.referred_on, r.direction, p.tier, p.specialty_code, count(*)"
  "  FROM referral r JOIN partner p ON p.id = r.partner_id"
  "  GROUP BY r.referred_on, r.direction, p.tier, p.specialty_code;"
  "INSERT INTO analytics_partner_month (month, direction, partner_id, tier, specialty_code, city,"
  "  n)"
  "  SELECT substr(r.referred_on, 1, 7) AS month, r.direction, r.partner_id, p.tier,"
  "    p.specialty_code, p.city, count(*)"
  "  FROM referral r JOIN partner p ON p.id = r.partner_id"
  "  GROUP BY month, r.direction, r.partner_id;"
  "INSERT INTO analytics_partner_first (partner_id, direction, first_on)"
  "  SELECT partner_id, direction, min(referred_on) FROM referral"
  "  GROUP BY partner_id, direction;"

  "CREATE TRIGGER IF NOT EXISTS analytics_referral_ai AFTER INSERT ON referral BEGIN"
  TALLY_ADD ("new")
  "END;"
  "CREATE TRIGGER IF NOT EXISTS analytics_referral_ad AFTER DELETE ON referral BEGIN"
  TALLY_REMOVE ("old")
  "END;"
  "CREATE TRIGGER IF NOT EXISTS analytics_referral_au AFTER UPDATE OF referred_on, direction, partner_id"
  "  ON referral WHEN old.referred_on IS NOT new.referred_on"
  "    OR old.direction IS NOT new.direction OR old.partner_id IS NOT new.partner_id BEGIN"
  TALLY_REMOVE ("old")
  TALLY_ADD ("new")
  "END;"
  "CREATE TRIGGER IF NOT EXISTS analytics_partner_bd BEFORE DELETE ON partner BEGIN"
  "  DELETE FROM referral WHERE partner_id = old.id;"
  "END;"
  "CREATE TRIGGER IF NOT EXISTS analytics_partner_au AFTER UPDATE OF tier, specialty_code, city ON partner"
  "  WHEN old.tier IS NOT new.tier OR old.specialty_code IS NOT new.specialty_code"
  "    OR old.city IS NOT new.city BEGIN"
  "  UPDATE analytics_partner_month"
  "    SET tier = new.tier, specialty_code = new.specialty_code, city = new.city"
  "    WHERE partner_id = new.id;"
  /* Move the partner's referrals from its old tier and specialty to the new ones. */
  "  UPDATE analytics_day_tally SET n = n - (SELECT count(*) FROM referral r"
  "      WHERE r.partner_id = new.id AND r.referred_on = analytics_day_tally.day"
  "      AND r.direction = analytics_day_tally.direction)"
  "    WHERE tier = old.tier AND specialty_code = old.specialty_code"
  "    AND (old.tier IS NOT new.tier OR old.specialty_code IS NOT new.specialty_code)"
  "    AND (day, direction) IN (SELECT referred_on, direction FROM referral"
  "                             WHERE partner_id = new.id);"
  "  DELETE FROM analytics_day_tally WHERE tier = old.tier"
  "    AND specialty_code = old.specialty_code AND n <= 0"
  "    AND (day, direction) IN (SELECT referred_on, direction FROM referral"
  "                             WHERE partner_id = new.id);"
  "  INSERT INTO analytics_day_tally (day, direction, tier, specialty_code, n)"
  "    SELECT referred_on, direction, new.tier, new.specialty_code, count(*) FROM referral"
  "    WHERE partner_id = new.id"
  "    AND (old.tier IS NOT new.tier OR old.specialty_code IS NOT new.specialty_code)"
  "    GROUP BY referred_on, direction"
  "    ON CONFLICT (day, direction, tier, specialty_code) DO UPDATE SET n = n + excluded.n;"
  "END;"

  "CREATE INDEX IF NOT EXISTS referral_analytics_steps"
  "  ON referral(referred_on, direction, partner_id, status, status_reason);"
  "CREATE INDEX IF NOT EXISTS referral_transition_steps"
  "  ON referral_transition(referral_id, to_status, occurred_at);"
  "CREATE INDEX IF NOT EXISTS referral_partner_days"
  "  ON referral(partner_id, referred_on, direction);"
  "CREATE INDEX IF NOT EXISTS partner_analytics_names"
  "  ON partner(id, display_name, specialty_label, specialty_code, city, tier);"
  "CREATE INDEX IF NOT EXISTS referral_analytics_outcomes"
  "  ON referral(referred_on, direction, partner_id, outcome_category_id, satisfaction)"
  "  WHERE outcome_category_id IS NOT NULL OR satisfaction IS NOT NULL;"
  "ANALYZE analytics_day_tally;"
  "ANALYZE analytics_partner_month;"
  "ANALYZE analytics_partner_first;"
  "ANALYZE referral;"
  "ANALYZE referral_transition;";

#undef TALLY_ADD
#undef TALLY_REMOVE

/* Version 12, team sync (CardDAV + CalDAV):
 * - planned_visit.liaison: who planned the visit, as the team calendar names them ('' = this
 *   database's own liaison); planned_visit.start_time: the local time "HH:MM" the visit starts
 *   ('' = none of its own: 09:00 plus an hour per position).
 * - sync_object: per partner or visit, what the server holds: its href, ETag, the copy last
 *   agreed with the server (the base of the three-way merge) and when it was last seen.
 * - sync_queue: the local changes not yet sent, one row per object (the last change wins: a
 *   put or a delete), filled by triggers in the same transaction as the edit itself.
 * - sync_quiet: while the sync engine writes what it received, it holds a row here (inside its
 *   own transaction, so no other connection ever sees it) and the triggers stay silent.
 * The account's settings and the collections' sync tokens live in meta ("sync-…" keys). */
static const char migration_12[] =
  "ALTER TABLE planned_visit ADD COLUMN liaison TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE planned_visit ADD COLUMN start_time TEXT NOT NULL DEFAULT '';"

  "CREATE TABLE sync_object ("
  "  kind TEXT NOT NULL CHECK (kind IN ('partner', 'visit')),"
  "  uuid TEXT NOT NULL,"
  "  href TEXT NOT NULL,"
  "  etag TEXT NOT NULL DEFAULT '',"
  "  base TEXT NOT NULL DEFAULT '',"
  "  last_seen TEXT NOT NULL,"
  "  PRIMARY KEY (kind, uuid)"
  ") WITHOUT ROWID;"
  "CREATE INDEX sync_object_by_href ON sync_object(kind, href);"

  "CREATE TABLE sync_queue ("
  "  kind TEXT NOT NULL CHECK (kind IN ('partner', 'visit')),"
  "  uuid TEXT NOT NULL,"
  "  op TEXT NOT NULL CHECK (op IN ('put', 'delete')),"
  "  changed_at TEXT NOT NULL,"
  "  PRIMARY KEY (kind, uuid)"
  ") WITHOUT ROWID;"

  "CREATE TABLE sync_quiet (one INTEGER PRIMARY KEY CHECK (one = 1));"

  "CREATE TRIGGER sync_partner_ai AFTER INSERT ON partner"
  "  WHEN NOT EXISTS (SELECT 1 FROM sync_quiet) BEGIN"
  "  INSERT OR REPLACE INTO sync_queue VALUES ('partner', new.uuid, 'put',"
  "    strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));"
  "END;"
  "CREATE TRIGGER sync_partner_au AFTER UPDATE OF kind, prefix, first_name, last_name,"
  "  credentials, organization, npi, specialty_code, specialty_label, street, city, state, zip,"
  "  lat, lon, phone, fax, email, office_contact, best_time, tier, influence, monthly_volume,"
  "  status, cadence_days, tags, notes, archived_at ON partner"
  "  WHEN NOT EXISTS (SELECT 1 FROM sync_quiet) BEGIN"
  "  INSERT OR REPLACE INTO sync_queue VALUES ('partner', new.uuid, 'put',"
  "    strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));"
  "END;"
  "CREATE TRIGGER sync_partner_ad AFTER DELETE ON partner"
  "  WHEN NOT EXISTS (SELECT 1 FROM sync_quiet) BEGIN"
  "  INSERT OR REPLACE INTO sync_queue VALUES ('partner', old.uuid, 'delete',"
  "    strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));"
  "END;"
  "CREATE TRIGGER sync_visit_ai AFTER INSERT ON planned_visit"
  "  WHEN NOT EXISTS (SELECT 1 FROM sync_quiet) BEGIN"
  "  INSERT OR REPLACE INTO sync_queue VALUES ('visit', new.uuid, 'put',"
  "    strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));"
  "END;"
  /* A visit without a time of its own starts by its position: renumbering the day moves it. */
  "CREATE TRIGGER sync_visit_au AFTER UPDATE ON planned_visit"
  "  WHEN NOT EXISTS (SELECT 1 FROM sync_quiet) AND (old.partner_id IS NOT new.partner_id"
  "    OR old.planned_on IS NOT new.planned_on OR old.objective IS NOT new.objective"
  "    OR old.status IS NOT new.status OR old.start_time IS NOT new.start_time"
  "    OR old.liaison IS NOT new.liaison"
  "    OR (new.start_time = '' AND old.position IS NOT new.position)) BEGIN"
  "  INSERT OR REPLACE INTO sync_queue VALUES ('visit', new.uuid, 'put',"
  "    strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));"
  "END;"
  "CREATE TRIGGER sync_visit_ad AFTER DELETE ON planned_visit"
  "  WHEN NOT EXISTS (SELECT 1 FROM sync_quiet) BEGIN"
  "  INSERT OR REPLACE INTO sync_queue VALUES ('visit', old.uuid, 'delete',"
  "    strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));"
  "END;"
  /* Everything already in the database is sent on the first sync. */
  "INSERT INTO sync_queue SELECT 'partner', uuid, 'put', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
  "  FROM partner;"
  "INSERT INTO sync_queue SELECT 'visit', uuid, 'put', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
  "  FROM planned_visit;";

/* Schema 13: the timeline shows each referral's outcome at the time it was recorded; this index
 * lets it page through outcomes newest first without reading every referral. Partial: only the
 * referrals with an outcome are in it. */
static const char migration_13[] =
  "CREATE INDEX IF NOT EXISTS referral_by_outcome_at ON referral(outcome_at, id)"
  "  WHERE outcome_at IS NOT NULL;";

/* Schema 14: the analytics read less (src/core/store/rp-store-analytics.c).
 * - analytics_feedback_month: feedback scores per month, score and topic, kept by triggers on
 *   partner_feedback, so the page's feedback charts (a year of months) read a few hundred rows
 *   rather than every score given. A partner's filter reads partner_feedback_analytics instead,
 *   which covers the same columns with the partner.
 * - activity_analytics_visits: the visits of a range of instants without reading every
 *   activity's row (outreach).
 * (IF NOT EXISTS, and the tally emptied before it is filled: tests fake an older schema by
 * lowering user_version on a current file.) */
#define FEEDBACK_TALLY_ADD(F) \
  "  INSERT INTO analytics_feedback_month (month, score, topic, n)" \
  "    VALUES (substr(" F ".given_on, 1, 7), " F ".score, " F ".topic, 1)" \
  "    ON CONFLICT (month, score, topic) DO UPDATE SET n = n + 1;"

#define FEEDBACK_TALLY_REMOVE(F) \
  "  UPDATE analytics_feedback_month SET n = n - 1" \
  "    WHERE month = substr(" F ".given_on, 1, 7) AND score = " F ".score" \
  "    AND topic = " F ".topic;" \
  "  DELETE FROM analytics_feedback_month WHERE month = substr(" F ".given_on, 1, 7)" \
  "    AND score = " F ".score AND topic = " F ".topic AND n <= 0;"

static const char migration_14[] =
  "CREATE TABLE IF NOT EXISTS analytics_feedback_month ("
  "  month TEXT NOT NULL,"
  "  score INTEGER NOT NULL,"
  "  topic TEXT NOT NULL,"
  "  n INTEGER NOT NULL,"
  "  PRIMARY KEY (month, score, topic)"
  ") WITHOUT ROWID;"
  "DELETE FROM analytics_feedback_month;"
  "INSERT INTO analytics_feedback_month (month, score, topic, n)"
  "  SELECT substr(given_on, 1, 7), score, topic, count(*) FROM partner_feedback"
  "  GROUP BY 1, 2, 3;"
  "CREATE TRIGGER IF NOT EXISTS analytics_feedback_ai AFTER INSERT ON partner_feedback BEGIN"
  FEEDBACK_TALLY_ADD ("new")
  "END;"
  "CREATE TRIGGER IF NOT EXISTS analytics_feedback_ad AFTER DELETE ON partner_feedback BEGIN"
  FEEDBACK_TALLY_REMOVE ("old")
  "END;"
  "CREATE TRIGGER IF NOT EXISTS analytics_feedback_au AFTER UPDATE OF given_on, score, topic"
  "  ON partner_feedback WHEN old.given_on IS NOT new.given_on OR old.score IS NOT new.score"
  "    OR old.topic IS NOT new.topic BEGIN"
  FEEDBACK_TALLY_REMOVE ("old")
  FEEDBACK_TALLY_ADD ("new")
  "END;"
  "CREATE INDEX IF NOT EXISTS partner_feedback_analytics"
  "  ON partner_feedback(given_on, score, topic, partner_id);"
  "CREATE INDEX IF NOT EXISTS activity_analytics_visits ON activity(kind, occurred_at);"
  "ANALYZE analytics_feedback_month;"
  "ANALYZE partner_feedback;"
  "ANALYZE activity;";

#undef FEEDBACK_TALLY_ADD
#undef FEEDBACK_TALLY_REMOVE

/* Schema 15: the map's prospects in the view. Its query (the undecided prospects in a box, best
 * first) walked prospect_open_by_score and tested every row's coordinates: quick when the box
 * holds many of them, a scan of all 400,000 when it holds few (a town, a county). prospect_geo
 * is an R*Tree of the placed prospects (a point each), kept by triggers; the store asks it
 * first how many prospects the box holds and takes the cheaper way. */
static const char migration_15[] =
  "CREATE VIRTUAL TABLE IF NOT EXISTS prospect_geo"
  "  USING rtree(id, min_lat, max_lat, min_lon, max_lon);"
  "CREATE TRIGGER IF NOT EXISTS prospect_geo_ai AFTER INSERT ON prospect"
  "  WHEN new.lat IS NOT NULL AND new.lon IS NOT NULL BEGIN"
  "  INSERT INTO prospect_geo VALUES (new.id, new.lat, new.lat, new.lon, new.lon);"
  "END;"
  "CREATE TRIGGER IF NOT EXISTS prospect_geo_au AFTER UPDATE OF lat, lon ON prospect"
  "  WHEN old.lat IS NOT new.lat OR old.lon IS NOT new.lon BEGIN"
  "  DELETE FROM prospect_geo WHERE id = old.id;"
  "  INSERT INTO prospect_geo SELECT new.id, new.lat, new.lat, new.lon, new.lon"
  "    WHERE new.lat IS NOT NULL AND new.lon IS NOT NULL;"
  "END;"
  "CREATE TRIGGER IF NOT EXISTS prospect_geo_ad AFTER DELETE ON prospect BEGIN"
  "  DELETE FROM prospect_geo WHERE id = old.id;"
  "END;"
  "DELETE FROM prospect_geo;"
  "INSERT INTO prospect_geo SELECT id, lat, lat, lon, lon FROM prospect"
  "  WHERE lat IS NOT NULL AND lon IS NOT NULL;";

static const char * const migrations[] = {
  migration_1,
  migration_2,
  migration_3,
  migration_4,
  migration_5,
  migration_6,
  migration_7,
  migration_8,
  migration_9,
  migration_10,
  migration_11,
  migration_12,
  migration_13,
  migration_14,
  migration_15,
  _rp_store_migration_16,
  _rp_store_migration_17,
  _rp_store_migration_18,
  _rp_store_migration_19,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == RP_STORE_SCHEMA_VERSION);

static int
read_user_version (RpStore *self,
                   GError **error)
{
  sqlite3_stmt *stmt;
  int rc;
  int version;

  stmt = _rp_store_prepare (self, "PRAGMA user_version", error);
  if (stmt == NULL)
    return -1;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _rp_store_set_error (self, rc, error);
      sqlite3_reset (stmt);
      return -1;
    }

  version = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return version;
}

/* Sets Rapport's application_id on a database from before it was set (inside a transaction). */
static gboolean
claim_file (RpStore *self,
            GError **error)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d", RP_STORE_APPLICATION_ID);

  return _rp_store_exec (self, sql, error);
}

static gboolean
read_application_id (RpStore *self,
                     gint64  *id,
                     GError **error)
{
  sqlite3_stmt *stmt = _rp_store_prepare (self, "PRAGMA application_id", error);

  if (stmt == NULL)
    return FALSE;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _rp_store_set_error (self, sqlite3_errcode (self->db), error);
      sqlite3_reset (stmt);
      return FALSE;
    }

  *id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

/* One step: inside one IMMEDIATE transaction, reads the version (another process may have
 * migrated since this one looked), and runs the next migration when it is still due. Sets
 * *@done when the schema is current. */
static gboolean
migrate_step (RpStore  *self,
              gboolean *done,
              GError  **error)
{
  gint64 application_id = 0;
  int version;

  *done = FALSE;

  if (!rp_store_begin (self, error))
    return FALSE;

  version = read_user_version (self, error);
  if (version < 0 || !read_application_id (self, &application_id, error))
    {
      rp_store_rollback (self);
      return FALSE;
    }

  if (version > RP_STORE_SCHEMA_VERSION)
    {
      rp_store_rollback (self);
      g_set_error (error, RP_STORE_ERROR, RP_STORE_ERROR_NEWER_SCHEMA,
                   _("This database was written by a newer version of Rapport "
                     "(schema %d; this version reads up to %d)"),
                   version, RP_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  if (version == RP_STORE_SCHEMA_VERSION)
    {
      *done = TRUE;
      if (application_id == RP_STORE_APPLICATION_ID)
        {
          /* Nothing to write: end the transaction without a commit's fsync. */
          rp_store_rollback (self);
          return TRUE;
        }
    }
  else
    {
      /* A new database is made in one transaction, all steps at once: another process opening
       * it meanwhile waits, then finds it complete, never half made. An existing one is
       * upgraded a step a transaction. */
      int last = version == 0 ? RP_STORE_SCHEMA_VERSION : version + 1;
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", last);

      for (int step = version; step < last; step++)
        {
          if (!_rp_store_exec (self, migrations[step], error))
            {
              g_prefix_error (error, _("Could not upgrade the database to schema %d: "),
                              step + 1);
              rp_store_rollback (self);
              return FALSE;
            }
        }

      if (!_rp_store_exec (self, bump, error))
        {
          rp_store_rollback (self);
          return FALSE;
        }
    }

  if (application_id != RP_STORE_APPLICATION_ID && !claim_file (self, error))
    {
      rp_store_rollback (self);
      return FALSE;
    }

  return rp_store_commit (self, error);
}

gboolean
_rp_store_migrate (RpStore *self,
                   GError **error)
{
  gboolean done = FALSE;

  if (self->read_only)
    {
      /* rp_store_open_full checked the version; nothing can be written. */
      return TRUE;
    }

  /* An existing database about to be upgraded is backed up first (outside any transaction:
   * VACUUM INTO cannot run in one). Two processes may both back up: harmless. */
  {
    int version = read_user_version (self, error);

    if (version < 0)
      return FALSE;

    if (version >= 1 && version < RP_STORE_SCHEMA_VERSION &&
        !_rp_store_backup_before_upgrade (self, error))
      {
        g_prefix_error (error, _("The database was not upgraded, because it could not be backed "
                                 "up first: "));
        return FALSE;
      }
  }

  while (!done)
    {
      if (!migrate_step (self, &done, error))
        return FALSE;
    }

  return TRUE;
}
