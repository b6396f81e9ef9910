#!/usr/bin/python3
# make-schema-v1.py: writes tests/data/schema-v1.db, a Rapport database at schema version 1 with
# a few rows in every table the later migrations must carry over. test-store-schema opens a copy
# of it to test the migration from version 1.
#
# The schema is migration_1 as it is in src/core/store/rp-store-schema.c (a shipped migration never
# changes, so the fixture stays valid). Run it again only to rebuild the committed file:
#   /usr/bin/python3 tests/data/make-schema-v1.py
#
# Copyright 2026 The Rapport authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import sqlite3
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SCHEMA_C = os.path.join(HERE, '..', '..', 'src', 'core', 'rp-store-schema.c')


def c_string_literals(code):
    """The concatenated C string literals of @code, with comments skipped and escapes undone."""
    out = []
    i = 0
    while i < len(code):
        if code.startswith('/*', i):
            i = code.index('*/', i) + 2
        elif code.startswith('//', i):
            i = code.index('\n', i)
        elif code[i] == '"':
            j = i + 1
            while code[j] != '"':
                if code[j] == '\\':
                    j += 1
                j += 1
            out.append(code[i + 1:j])
            i = j + 1
        else:
            i += 1
    text = ''.join(out)
    return re.sub(r'\\(.)', lambda m: {'n': '\n', 't': '\t'}.get(m.group(1), m.group(1)), text)


def migration_1():
    with open(SCHEMA_C, encoding='utf-8') as f:
        source = f.read()
    start = source.index('static const char migration_1[] =')
    start = source.index('=', start) + 1
    end = source.index(';\n', start)
    # The C statement ends at the first ';' outside a string literal, at the end of a line.
    while source[start:end].count('"') % 2 != 0:
        end = source.index(';\n', end + 1)
    return c_string_literals(source[start:end])


def fill(db):
    ts = '2025-03-01T09:00:00Z'
    db.execute("INSERT INTO practice (id, uuid, name, phone, created_at, updated_at)"
               " VALUES (1, 'a0000000-0000-4000-8000-000000000001', 'Riverside Orthopedics',"
               " '614-555-0100', ?, ?)", (ts, ts))
    db.execute("INSERT INTO location (id, uuid, practice_id, name, city, state, zip, lat, lon,"
               " is_primary, created_at, updated_at)"
               " VALUES (1, 'a0000000-0000-4000-8000-000000000002', 1, 'Main Office', 'Columbus',"
               " 'OH', '43215', 39.96, -83.0, 1, ?, ?)", (ts, ts))

    partners = [
        # id, kind, first, last, organization, display, sort, npi, tier, city
        (1, 'person', 'Ann', 'Adams', 'Dublin Family Medicine', 'Ann Adams', 'Adams, Ann',
         '1234567893', 'a', 'Dublin'),
        (2, 'person', 'Bob', 'Baker', '', 'Bob Baker', 'Baker, Bob', None, 'b', 'Bexley'),
        (3, 'organization', '', '', 'Clark Urgent Care', 'Clark Urgent Care',
         'Clark Urgent Care', None, 'c', 'Columbus'),
    ]
    for pid, kind, first, last, org, display, sort, npi, tier, city in partners:
        db.execute("INSERT INTO partner (id, uuid, kind, first_name, last_name, organization,"
                   " display_name, sort_name, npi, specialty_code, specialty_label, city, state,"
                   " lat, lon, tier, status, created_at, updated_at)"
                   " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '207Q00000X', 'Family Medicine', ?, 'OH',"
                   " 40.0, -83.1, ?, 'active', ?, ?)",
                   (pid, 'b0000000-0000-4000-8000-%012d' % pid, kind, first, last, org, display,
                    sort, npi, city, tier, ts, ts))

    referrals = [
        # id, partner, direction, referred_on, status, patient blobs
        (1, 1, 'inbound', '2025-02-03', 'seen', (b'\x01sealed-name', b'\x02sealed-mrn')),
        (2, 1, 'inbound', '2025-02-10', 'received', (None, None)),
        (3, 2, 'outbound', '2025-02-12', 'declined', (None, b'\x03sealed-mrn')),
    ]
    for rid, pid, direction, day, status, (name, mrn) in referrals:
        db.execute("INSERT INTO referral (id, uuid, partner_id, direction, referred_on, reason,"
                   " status, status_reason, patient_name, patient_mrn, patient_mrn_index,"
                   " created_at, updated_at)"
                   " VALUES (?, ?, ?, ?, ?, 'Knee pain', ?, ?, ?, ?, ?, ?, ?)",
                   (rid, 'c0000000-0000-4000-8000-%012d' % rid, pid, direction, day, status,
                    'Out of network' if status == 'declined' else '', name, mrn,
                    b'\x09index' if mrn else None, ts, ts))

    transitions = [
        (1, 1, 'received', 'contacted', '2025-02-04T10:00:00Z'),
        (2, 1, 'contacted', 'seen', '2025-02-20T15:30:00Z'),
        (3, 3, 'received', 'declined', '2025-02-13T08:00:00Z'),
    ]
    for tid, rid, frm, to, when in transitions:
        db.execute("INSERT INTO referral_transition (id, uuid, referral_id, from_status,"
                   " to_status, occurred_at) VALUES (?, ?, ?, ?, ?, ?)",
                   (tid, 'd0000000-0000-4000-8000-%012d' % tid, rid, frm, to, when))

    activities = [
        # id, kind, occurred_at, cost, partners (id, share)
        (1, 'visit', '2025-02-05T14:00:00Z', 0, [(1, 0)]),
        (2, 'event', '2025-02-18T12:00:00Z', 6000, [(1, 3000), (2, 3000)]),
        (3, 'thank-you', '2025-02-11T09:00:00Z', 0, [(1, 0)]),
    ]
    for aid, kind, when, cost, shares in activities:
        db.execute("INSERT INTO activity (id, uuid, kind, occurred_at, summary, referral_id,"
                   " cost_cents, created_at, updated_at)"
                   " VALUES (?, ?, ?, ?, 'Fixture', ?, ?, ?, ?)",
                   (aid, 'e0000000-0000-4000-8000-%012d' % aid, kind, when,
                    1 if kind == 'thank-you' else None, cost, ts, ts))
        for pid, share in shares:
            db.execute("INSERT INTO activity_partner (activity_id, partner_id, cost_share_cents)"
                       " VALUES (?, ?, ?)", (aid, pid, share))

    tasks = [
        # id, kind, partner, referral, due_on, done_at, rule_key
        (1, 'thank-you', 1, 2, '2025-02-12', None,
         'thank-you:c0000000-0000-4000-8000-000000000002'),
        (2, 'loop-update', 1, 1, '2025-02-23', '2025-02-22T10:00:00Z', None),
        (3, 'follow-up', 2, None, '2025-03-05', None, None),
    ]
    for tid, kind, pid, rid, due, done, key in tasks:
        db.execute("INSERT INTO task (id, uuid, kind, title, partner_id, referral_id, due_on,"
                   " done_at, rule_key, created_at, updated_at)"
                   " VALUES (?, ?, ?, 'Fixture task', ?, ?, ?, ?, ?, ?, ?)",
                   (tid, 'f0000000-0000-4000-8000-%012d' % tid, kind, pid, rid, due, done, key,
                    ts, ts))

    db.execute("INSERT INTO planned_visit (id, uuid, partner_id, planned_on, objective,"
               " created_at, updated_at)"
               " VALUES (1, 'a1000000-0000-4000-8000-000000000001', 2, '2025-03-06', 'Lunch',"
               " ?, ?)",
               (ts, ts))
    db.execute("INSERT INTO target_list (id, uuid, name, created_at, updated_at)"
               " VALUES (1, 'a2000000-0000-4000-8000-000000000001', 'Q1 targets', ?, ?)", (ts, ts))
    db.execute("INSERT INTO target_list_member (list_id, partner_id, position) VALUES (1, 2, 0)")


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, 'schema-v1.db')
    if os.path.exists(path):
        os.unlink(path)

    db = sqlite3.connect(path, isolation_level=None)
    db.execute('PRAGMA page_size = 1024')
    db.execute('PRAGMA foreign_keys = ON')
    db.executescript(migration_1())
    db.execute('BEGIN')
    fill(db)
    db.execute('PRAGMA user_version = 1')
    db.execute('COMMIT')
    db.execute('VACUUM')
    db.close()


if __name__ == '__main__':
    main()
