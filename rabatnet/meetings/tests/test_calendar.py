"""The public calendar feeds read back with ``icalendar``: RFC 5545's required properties,
stable UIDs, SEQUENCE after an edit, cancellations, time zones across a DST change."""

from datetime import UTC, date, datetime
from typing import Any

import pytest
from django.urls import reverse
from icalendar import Calendar

from rabatnet.countries.models import Country
from rabatnet.meetings.models import Meeting, MeetingKind, Participation

from .registration_samples import meeting, prop  # noqa: F401

pytestmark = pytest.mark.django_db

FEED = "/en/meetings/calendar.ics"


def read(client, url: str) -> Calendar:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def events(calendar: Calendar) -> dict[str, Any]:
    return {str(prop(e, "UID")): e for e in calendar.walk("VEVENT")}


def test_the_public_feed_has_every_required_property(client):
    madrid = meeting()
    meeting("draft-meeting", published=False)
    calendar = read(client, FEED)

    assert prop(calendar, "PRODID") and str(prop(calendar, "VERSION")) == "2.0"
    assert (
        str(prop(calendar, "CALSCALE")) == "GREGORIAN"
        and str(prop(calendar, "METHOD")) == "PUBLISH"
    )
    assert "meetings" in str(prop(calendar, "X-WR-CALNAME"))
    [event] = calendar.walk("VEVENT")  # the unpublished meeting is not in it
    assert str(prop(event, "UID")) == f"{madrid.uid}@testserver"
    assert (
        prop(event, "DTSTAMP").dt.tzinfo is not None
        and prop(event, "DTSTAMP").dt.utcoffset().seconds == 0
    )
    assert int(prop(event, "SEQUENCE")) == madrid.version
    assert prop(event, "DTSTART").params["TZID"] == "Europe/Madrid"
    assert str(prop(event, "STATUS")) == "CONFIRMED"
    assert str(prop(event, "SUMMARY")) == "Border management at the operational level"
    assert str(prop(event, "LOCATION")) == "Ministry of the Interior, Madrid, Spain"
    assert "Thematic meeting" in str(prop(event, "DESCRIPTION"))
    assert str(prop(event, "URL")).startswith("https://testserver/en/meetings/madrid-2013")
    assert prop(event, "LAST-MODIFIED").dt == madrid.updated_at.replace(microsecond=0)
    [zone] = calendar.walk("VTIMEZONE")
    assert str(prop(zone, "TZID")) == "Europe/Madrid"
    assert zone.walk("STANDARD") and zone.walk("DAYLIGHT")


def test_uids_stay_and_sequence_rises_after_an_edit(client):
    madrid = meeting()
    first = events(read(client, FEED))
    second = events(read(client, FEED))
    assert first.keys() == second.keys() == {f"{madrid.uid}@testserver"}

    madrid.title_en = "Border management, revised"
    madrid.save()
    third = events(read(client, FEED))
    assert third.keys() == first.keys()
    [before], [after] = first.values(), third.values()
    assert int(prop(after, "SEQUENCE")) == int(prop(before, "SEQUENCE")) + 1
    assert str(prop(after, "SUMMARY")) == "Border management, revised"


def test_a_cancelled_meeting_stays_in_the_feed_cancelled(client):
    meeting(status=Meeting.Status.CANCELLED)
    meeting("rome", status=Meeting.Status.TENTATIVE)
    statuses = sorted(str(prop(e, "STATUS")) for e in read(client, FEED).walk("VEVENT"))
    assert statuses == ["CANCELLED", "TENTATIVE"]
    assert "STATUS:CANCELLED\r\n" in client.get(FEED).content.decode()


def test_a_meeting_across_the_end_of_summer_time_has_the_right_instants(client):
    """Madrid, 26–28 October 2013: clocks went back on the 27th, CEST (+2) to CET (+1)."""
    meeting()
    [event] = read(client, FEED).walk("VEVENT")
    start, end = prop(event, "DTSTART").dt, prop(event, "DTEND").dt
    assert (start.hour, start.utcoffset().total_seconds()) == (10, 7200)  # 10:00 CEST
    assert (end.hour, end.utcoffset().total_seconds()) == (17, 3600)  # 17:00 CET
    assert start.astimezone(UTC) == datetime(2013, 10, 26, 8, 0, tzinfo=UTC)
    assert end.astimezone(UTC) == datetime(2013, 10, 28, 16, 0, tzinfo=UTC)
    raw = client.get(FEED).content.decode()
    assert "DTSTART;TZID=Europe/Madrid:20131026T100000\r\n" in raw
    assert "DTEND;TZID=Europe/Madrid:20131028T170000\r\n" in raw


def test_a_meeting_known_to_the_month_is_all_day(client):
    """France, March 2014 "to be confirmed": 1 March to 31 March, DTEND exclusive."""
    meeting(
        "france-2014",
        starts_at=datetime(2014, 3, 1, 0, 0, tzinfo=UTC),
        ends_at=datetime(2014, 3, 31, 12, 0, tzinfo=UTC),
        timezone="Europe/Paris",
        date_precision=Meeting.DatePrecision.MONTH,
        status=Meeting.Status.TENTATIVE,
    )
    raw = client.get(FEED).content.decode()
    assert "DTSTART;VALUE=DATE:20140301\r\n" in raw
    assert "DTEND;VALUE=DATE:20140401\r\n" in raw
    [event] = Calendar.from_ical(raw).walk("VEVENT")
    assert prop(event, "DTSTART").dt == date(2014, 3, 1)
    assert "month only" in str(prop(event, "DESCRIPTION"))


def test_lines_end_in_crlf_and_fold_at_75_octets_between_characters(client):
    title = "Réunion thématique — « Migration et développement » " + "éàü🌍" * 30
    meeting(title_en=title)
    raw = client.get(FEED).content
    assert b"\n" not in raw.replace(b"\r\n", b"")  # no bare LF
    lines = raw.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)
    for line in lines:
        line.decode("utf-8")  # no line ends inside a character
    assert any(line.startswith(b" ") for line in lines)  # it was folded
    [event] = Calendar.from_ical(raw).walk("VEVENT")
    assert str(prop(event, "SUMMARY")) == title


def test_the_french_feed_speaks_french(client):
    meeting()
    [event] = read(client, "/fr/meetings/calendar.ics").walk("VEVENT")
    assert str(prop(event, "SUMMARY")) == "La gestion des frontières au niveau opérationnel"
    assert str(prop(event, "URL")).startswith("https://testserver/fr/")


def test_kind_and_country_feeds(client):
    madrid = meeting()  # hosted by Spain
    dakar = meeting("dakar", kind=MeetingKind.STEERING_COMMITTEE, host_country=None)
    dakar.co_chairs.add(Country.objects.get(iso3="BEL"))
    paris = meeting("paris", host_country=None)
    Participation.objects.create(meeting=paris, country=Country.objects.get(iso3="BEL"))

    thematic = read(client, reverse("registrations:calendar_kind", kwargs={"kind": "thematic"}))
    assert set(events(thematic)) == {f"{m.uid}@testserver" for m in (madrid, paris)}
    belgium = read(client, reverse("registrations:calendar_country", kwargs={"iso3": "bel"}))
    assert set(events(belgium)) == {f"{m.uid}@testserver" for m in (dakar, paris)}
    assert client.get("/en/meetings/calendar/unknown.ics").status_code == 404
    assert client.get("/en/meetings/calendar/country/XXX.ics").status_code == 404
    assert client.get("/en/meetings/calendar/country/S%00N.ics").status_code == 404


def test_one_meeting_file_only_when_published(client):
    madrid = meeting()
    hidden = meeting("hidden", published=False)
    url = reverse("registrations:meeting_ics", kwargs={"slug": madrid.slug})
    assert url == "/en/meetings/madrid-2013.ics"
    assert set(events(read(client, url))) == {f"{madrid.uid}@testserver"}
    assert client.get(f"/en/meetings/{hidden.slug}.ics").status_code == 404
    assert client.get("/en/meetings/not%20a%20slug.ics").status_code == 404


def test_public_feeds_are_kept_per_meetings_revision(client, page_cache):
    madrid = meeting()
    assert client.get(FEED)["X-Public-Cache"] == "miss"
    assert client.get(FEED)["X-Public-Cache"] == "hit"
    madrid.title_en = "Changed"
    madrid.save()  # raises the MEETINGS counter
    response = client.get(FEED)
    assert response["X-Public-Cache"] == "miss"
    assert b"SUMMARY:Changed" in response.content
