#!/usr/bin/python3
# check-ics.py: `rapport --export=FILE.ics` read by another iCalendar parser (python3-icalendar):
# a sample network's current week, every visit that is not cancelled once, each with GEO and a
# VALARM.
#
# Copyright 2026 The Rapport authors
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import os
import sqlite3
import subprocess
import sys
import tempfile

import icalendar


def run(rapport, *args):
    result = subprocess.run([rapport, *args], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"rapport {' '.join(args)} failed ({result.returncode}): {result.stderr}")
    return result.stdout


def main():
    rapport = sys.argv[1]
    with tempfile.TemporaryDirectory(prefix="rapport-ics-") as tmp:
        database = os.path.join(tmp, "sample.db")
        ics = os.path.join(tmp, "week.ics")
        run(rapport, f"--database={database}", "--sample-network")
        out = run(rapport, f"--database={database}", f"--export={ics}")

        today = datetime.date.today()
        monday = today - datetime.timedelta(days=today.weekday())
        sunday = monday + datetime.timedelta(days=6)
        year, week, _ = today.isocalendar()
        with sqlite3.connect(database) as db:
            expected = sorted(f"{uuid}@rapport" for (uuid,) in db.execute(
                "SELECT uuid FROM planned_visit WHERE status != 'cancelled'"
                " AND planned_on BETWEEN ? AND ?", (monday.isoformat(), sunday.isoformat())))

        assert expected, "the sample network plans no visit this week"
        assert out == f"Exported {len(expected)} visits of {year}-W{week:02d} to {ics}\n", out

        with open(ics, "rb") as f:
            calendar = icalendar.Calendar.from_ical(f.read())

        assert str(calendar["PRODID"]) == "-//Rapport//Rapport//EN"
        assert str(calendar["VERSION"]) == "2.0"
        assert str(calendar["METHOD"]) == "PUBLISH"

        events = calendar.walk("VEVENT")
        uids = sorted(str(event["UID"]) for event in events)
        assert uids == expected, (uids, expected)

        for event in events:
            assert str(event["SUMMARY"]).startswith("Visit: "), event["SUMMARY"]
            assert "GEO" in event, event["UID"]
            assert "LOCATION" in event, event["UID"]
            start = event["DTSTART"].dt
            end = event["DTEND"].dt
            assert isinstance(start, datetime.datetime) and start.tzinfo is not None
            assert end - start == datetime.timedelta(minutes=45)
            assert monday <= start.date() <= sunday
            alarms = event.walk("VALARM")
            assert len(alarms) == 1, event["UID"]
            assert str(alarms[0]["ACTION"]) == "DISPLAY"
            assert alarms[0]["TRIGGER"].dt == datetime.timedelta(minutes=-30)

    print(f"{len(events)} visits checked")


if __name__ == "__main__":
    main()
