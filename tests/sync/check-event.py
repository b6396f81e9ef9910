#!/usr/bin/python3
# Reads an iCalendar object on stdin with python3-icalendar, as a calendar client would, and
# checks what the team calendar promises: one VEVENT with GEO, LOCATION and a VALARM.
# Prints the UID, the GEO and the LOCATION; exits 1 with the reason otherwise.
import sys

import icalendar

calendar = icalendar.Calendar.from_ical(sys.stdin.read())
events = [c for c in calendar.walk() if c.name == "VEVENT"]
if len(events) != 1:
    sys.exit("expected one VEVENT, found %d" % len(events))
event = events[0]
for name in ("UID", "DTSTART", "DTEND", "SUMMARY", "GEO", "LOCATION"):
    if name not in event:
        sys.exit("no %s" % name)
alarms = [c for c in event.walk() if c.name == "VALARM"]
if not alarms:
    sys.exit("no VALARM")
if "ORGANIZER" in event or "ATTENDEE" in event:
    sys.exit("ORGANIZER or ATTENDEE present")
geo = event["GEO"]
print("%s|%.4f,%.4f|%s" % (event["UID"], geo.latitude, geo.longitude, event["LOCATION"]))
