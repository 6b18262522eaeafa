"""The public meeting pages: the list with its filters, a meeting's page in EN and FR with
its dates in its own time zone, JSON-LD, what is hidden from whom; never a 500."""

import json
import re
from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from rabatnet.countries.models import Country
from rabatnet.meetings.models import Meeting, Participation
from rabatnet.network.tests import factories as f

pytestmark = pytest.mark.django_db

LIST = "/en/meetings/"
DAKAR = "/en/meetings/2013-09-dakar-thematic-meeting/"


def _jsonld(response) -> dict:
    found = re.search(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    assert found
    return json.loads(found.group(1))


def test_the_list_shows_the_seed_meetings(client, seed_meetings):
    response = client.get(LIST)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Strengthening evidence-based policy making in the field of migration" in text
    assert "Border management at the operational level" in text
    assert "November 2013 (to be confirmed)" in text
    assert "March 2014 (to be confirmed)" in text
    assert "June – July 2014 (to be confirmed)" in text
    assert "Belgium" in text and "Burkina Faso" in text


@pytest.mark.parametrize(
    ("query", "present", "absent"),
    [
        ("?kind=steering_committee", "Steering Committee meeting, Madrid", "Border management"),
        ("?year=2014", "Migration in crisis situations", "Border management"),
        ("?country=bfa", "Border management", "Migration in crisis"),
        ("?country=BEL", "Strengthening evidence-based", "Border management"),
        ("?country=SEN", "Strengthening evidence-based", "Migration in crisis"),
    ],
)
def test_filters(client, seed_meetings, query, present, absent):
    text = client.get(LIST + query).content.decode()
    assert present in text
    assert absent not in text


@pytest.mark.parametrize(
    "query",
    [
        "?kind=party",
        "?year=20x4",
        "?year=99999999999999999999",
        "?country=ZZZ",
        "?country=%00%01",
        "?country=S%C3%A9N&kind=%F0%9F%8E%89",
    ],
)
def test_bad_filters_are_left_out_with_a_message_never_a_500(client, seed_meetings, query):
    response = client.get(LIST + query)
    assert response.status_code == 200
    text = response.content.decode()
    assert "were not understood and were left out" in text
    assert "Border management at the operational level" in text


def test_the_csv_has_the_filtered_meetings_and_refuses_a_bad_filter(client, seed_meetings):
    response = client.get("/en/meetings/meetings.csv?country=BFA")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = response.content.decode().splitlines()
    assert rows[0].startswith("slug,kind,status,title_en,title_fr")
    assert len(rows) == 2 and "2013-11-madrid-thematic-meeting" in rows[1] and "BFA" in rows[1]
    assert client.get("/en/meetings/meetings.csv?year=abcd").status_code == 400


def test_a_meeting_page_in_english(client, seed_meetings):
    response = client.get(DAKAR)
    assert response.status_code == 200
    text = response.content.decode()
    assert "11 September 2013 (Africa/Dakar, UTC+00:00)" in text
    assert "Senegal" in text and "Belgium" in text
    assert "Using data for evidence-based policy making" in text
    assert "10. To base policy consistency" in text
    assert "Session 2" in text
    assert "Extension of the Interactive Map on Migration (i-Map)" in text
    data = _jsonld(response)
    assert data["@type"] == "Event"
    assert data["startDate"] == "2013-09-11T00:00:00+00:00"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["location"]["address"]["addressCountry"] == "SEN"
    assert data["organizer"]["@type"] == "Organization"


def test_a_meeting_page_in_french(client, seed_meetings):
    response = client.get(DAKAR.replace("/en/", "/fr/"))
    text = response.content.decode()
    assert "11 septembre 2013 (Africa/Dakar, UTC+00:00)" in text
    assert "Renforcer l&#x27;élaboration de politiques" in text
    assert "Belgique" in text
    assert _jsonld(response)["name"].startswith("Renforcer")
    madrid = client.get("/fr/meetings/2013-11-madrid-thematic-meeting/").content.decode()
    assert "novembre 2013 (à confirmer)" in madrid or "novembre 2013 (to be confirmed)" in madrid


def test_a_time_is_shown_in_the_meeting_zone_with_its_offset_across_dst(client, dakar):
    dakar.timezone = "Europe/Madrid"
    zone = timezone.get_fixed_timezone(120)
    dakar.starts_at = datetime(2026, 10, 24, 9, 0, tzinfo=zone)  # summer time
    dakar.ends_at = datetime(2026, 10, 25, 17, 0, tzinfo=timezone.get_fixed_timezone(60))
    dakar.save()
    text = client.get(DAKAR).content.decode()
    assert "24 October 2026 – 25 October 2026, 09:00 – 17:00 (Europe/Madrid, UTC+02:00)" in text


def test_the_json_ld_cannot_close_its_script(client, dakar):
    dakar.title_en = "</script><script>alert(1)</script>"
    dakar.save()
    response = client.get(DAKAR)
    text = response.content.decode()
    assert "<script>alert(1)" not in text
    assert _jsonld(response)["name"] == "</script><script>alert(1)</script>"


def test_a_cancelled_meeting_says_so(client, dakar):
    dakar.status = Meeting.Status.CANCELLED
    dakar.save()
    response = client.get(DAKAR)
    assert "This meeting is cancelled." in response.content.decode()
    assert _jsonld(response)["eventStatus"] == "https://schema.org/EventCancelled"


def test_an_unpublished_meeting_is_for_the_secretariat_only(client, dakar):
    dakar.published = False
    dakar.save()
    assert client.get(DAKAR).status_code == 404
    assert "evidence-based" not in client.get(LIST).content.decode()
    client.force_login(f.focal_point("SEN"))
    assert client.get(DAKAR).status_code == 404
    client.force_login(f.secretariat())
    response = client.get(DAKAR)
    assert response.status_code == 200
    assert "Not published" in response.content.decode()


def test_participation_is_hidden_from_the_public_when_restricted(client, dakar):
    Participation.objects.create(
        meeting=dakar, country=Country.objects.get(iso3="MLI"), delegates=3
    )
    assert dakar.participants_restricted
    text = client.get(DAKAR).content.decode()
    assert "Mali" not in text
    assert "for members of the network" in text
    client.force_login(f.focal_point("ESP"))
    text = client.get(DAKAR).content.decode()
    assert "Mali" in text and "Delegates (people)" in text
    client.logout()
    dakar.participants_restricted = False
    dakar.save()
    assert "Mali" in client.get(DAKAR).content.decode()


def test_upcoming_and_past(client, dakar):
    dakar.starts_at = timezone.now() + timedelta(days=30)
    dakar.ends_at = dakar.starts_at + timedelta(days=1)
    dakar.save()
    text = client.get(LIST).content.decode()
    upcoming, past = text.split("<h2>Past</h2>")
    assert "Strengthening evidence-based" in upcoming
    assert "Border management" in past


@pytest.mark.parametrize(
    "url",
    [
        "/en/meetings/no-such-meeting/",
        "/en/meetings/" + "a" * 500 + "/",
        "/en/meetings/2013-09-dakar-thematic-meeting/documents/99999999999999999999/en/",
        "/en/meetings/2013-09-dakar-thematic-meeting/documents/1/xx/",
        "/en/meetings/2013-09-dakar-thematic-meeting/documents/2147483648/en/",
        "/en/meetings/%E2%82%AC/",
    ],
)
def test_unknown_or_huge_slugs_and_keys_are_404(client, seed_meetings, url):
    assert client.get(url).status_code == 404


def test_the_navigation_links_the_meetings(client, seed_meetings):
    assert 'href="/en/meetings/"' in client.get("/en/").content.decode()
