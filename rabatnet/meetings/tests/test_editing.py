"""The secretariat edits meetings on the site: each role on each private view, the form's
checks (time zone, dates, registration window), stale edits, cancelling, the programme and
document uploads."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from rabatnet.accounts.tests.helpers import sign_in
from rabatnet.core.tests.test_stale_edits import form_data
from rabatnet.meetings.forms import MeetingForm
from rabatnet.meetings.models import Meeting
from rabatnet.network.tests import factories as f

from .samples import PDF, upload

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_root")]

SLUG = "2013-09-dakar-thematic-meeting"
BASE = f"/en/meetings/{SLUG}/"
PRIVATE = [
    "/en/meetings/secretariat/new/",
    BASE + "edit/",
    BASE + "cancel/",
    BASE + "programme/",
    BASE + "documents/upload/",
]


@pytest.mark.parametrize("url", PRIVATE)
def test_each_role(client, seed_meetings, url):
    response = client.get(url)
    assert response.status_code == 302 and response.url.startswith("/en/accounts/login/")
    for user in (f.no_role(), f.focal_point("MLI"), f.focal_point("SEN"), f.expert()):
        client.force_login(user)
        assert client.get(url).status_code == 403, user
        assert client.post(url, {}).status_code == 403
    client.force_login(f.secretariat())
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("url", PRIVATE)
def test_half_signed_in_secretariat_gets_no_page(client, seed_meetings, url):
    user = f.secretariat()
    TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    sign_in(client, user.email)
    response = client.get(url)
    assert response.status_code == 302
    assert "/accounts/" in response.url


@pytest.mark.parametrize("url", [u.replace(SLUG, "nope") for u in PRIVATE[1:]])
def test_an_unknown_meeting_is_not_found_for_the_secretariat(client, seed_meetings, url):
    client.force_login(f.secretariat())
    assert client.get(url).status_code == 404


def _new(**changes: str) -> dict:
    data = {
        "slug": "2026-05-rabat-expert-workshop",
        "kind": "expert_workshop",
        "status": "scheduled",
        "published": "on",
        "title_en": "Workshop on civil registers",
        "title_fr": "Atelier sur l'état civil",
        "timezone": "Africa/Casablanca",
        "date_precision": "day",
        "starts_at": "2026-05-12 09:00",
        "ends_at": "2026-05-13 17:00",
        "city_en": "Rabat",
        "city_fr": "Rabat",
        "co_chairs": [],
        "objectives": [],
        "participants_restricted": "on",
    }
    data.update(changes)
    return data


def test_the_secretariat_creates_a_meeting_in_its_own_time_zone(client, seed_meetings):
    client.force_login(f.secretariat())
    response = client.post(PRIVATE[0], _new())
    assert response.status_code == 302
    meeting = Meeting.objects.get(slug="2026-05-rabat-expert-workshop")
    assert meeting.starts_at.isoformat() == "2026-05-12T08:00:00+00:00"  # Casablanca UTC+1
    assert meeting.history.first().history_user is not None
    page = client.get(response.url).content.decode()
    assert "09:00 – 17:00 (Africa/Casablanca, UTC+01:00)" in page


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"timezone": "Mars/Olympus"}, "is not a time zone"),
        ({"timezone": "../../etc/localtime"}, "is not a time zone"),
        ({"ends_at": "2026-05-11 09:00"}, "must end after it starts"),
        (
            {"registration_opens_at": "2026-05-01 09:00", "registration_closes_at": "2026-04-01"},
            "must close after it opens",
        ),
        ({"registration_closes_at": "2026-06-01 09:00"}, "close before the meeting starts"),
        ({"title_en": ""}, "This field is required"),
        ({"starts_at": "99999-99-99"}, "Enter a valid date"),
        ({"co_chairs": ["99999999999999999999"]}, 'class="field invalid"'),
    ],
)
def test_bad_input_is_refused_with_a_message(client, seed_meetings, changes, message):
    client.force_login(f.secretariat())
    response = client.post(PRIVATE[0], _new(**changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Meeting.objects.filter(slug="2026-05-rabat-expert-workshop").exists()


def test_edit_keeps_the_local_time_and_refuses_a_stale_edit(client, dakar):
    client.force_login(f.secretariat())
    opened = form_data(MeetingForm(instance=dakar))
    assert opened["starts_at"].replace("T", " ").startswith("2013-09-11 00:00")
    first = dict(opened, title_fr="Premier")
    assert client.post(BASE + "edit/", first).status_code == 302
    dakar.refresh_from_db()
    assert dakar.title_fr == "Premier"
    assert dakar.starts_at.isoformat() == "2013-09-11T00:00:00+00:00"
    assert [c.iso3 for c in dakar.co_chairs.all()] == ["BEL"]
    second = dict(opened, title_fr="Second")
    response = client.post(BASE + "edit/", second)
    assert response.status_code == 200
    assert "Someone else saved this record" in response.content.decode()
    dakar.refresh_from_db()
    assert dakar.title_fr == "Premier"


def test_cancel(client, dakar):
    client.force_login(f.secretariat())
    response = client.post(BASE + "cancel/", {"version": dakar.version})
    assert response.status_code == 302
    dakar.refresh_from_db()
    assert dakar.status == Meeting.Status.CANCELLED
    again = client.post(BASE + "cancel/", {"version": dakar.version})
    assert "already cancelled" in again.content.decode()
    edit = client.post(BASE + "edit/", dict(form_data(MeetingForm(instance=dakar))))
    assert "can no longer be edited" in edit.content.decode(), edit.context["form"].errors


def test_cancel_with_an_old_version_is_refused(client, dakar):
    client.force_login(f.secretariat())
    response = client.post(BASE + "cancel/", {"version": dakar.version - 1 or 99})
    assert response.status_code == 200
    assert "Someone else saved this record" in response.content.decode()
    dakar.refresh_from_db()
    assert dakar.status != Meeting.Status.CANCELLED


def test_the_programme(client, dakar):
    client.force_login(f.secretariat())
    url = BASE + "programme/"
    ok = client.post(url, {"form": "session", "session-number": "5", "session-title_en": "Close"})
    assert ok.status_code == 302
    session = dakar.sessions.get(number=5)
    duplicate = client.post(
        url, {"form": "session", "session-number": "5", "session-title_en": "Again"}
    )
    assert "already has a session with that number" in duplicate.content.decode()
    item = client.post(
        url,
        {
            "form": "item",
            "item-session": str(session.pk),
            "item-number": "1",
            "item-title_en": "Closing words",
        },
    )
    assert item.status_code == 302
    conclusion = client.post(
        url,
        {
            "form": "conclusion",
            "conclusion-number": "1",
            "conclusion-text_en": "Data first.",
            "conclusion-text_fr": "Les données d'abord.",
        },
    )
    assert conclusion.status_code == 302
    participation = {"form": "participation", "participation-delegates": "4"}
    mali = client.post(url, dict(participation, **{"participation-country": "MLI"}))
    assert mali.status_code == 200  # a key, not a code: refused with a message
    from rabatnet.countries.models import Country

    pk = str(Country.objects.get(iso3="MLI").pk)
    assert client.post(url, dict(participation, **{"participation-country": pk})).status_code == 302
    neither = client.post(url, participation)
    assert "Choose a country or an organisation" in neither.content.decode()
    assert client.post(url, {"form": "nope"}).status_code == 200
    page = client.get(BASE).content.decode()
    assert "Closing words" in page and "Data first." in page


def test_upload_through_the_site(client, dakar):
    client.force_login(f.secretariat())
    url = BASE + "documents/upload/"
    data = {"title_en": "Agenda", "title_fr": "Ordre du jour", "kind": "agenda"}
    refused = client.post(url, dict(data, file_en=upload("agenda.pdf", b"<html>")))
    assert "its content is not one" in refused.content.decode()
    nothing = client.post(url, data)
    assert "Upload the document in English, in French, or both." in nothing.content.decode()
    item = dakar.sessions.get(number=2).items.first()
    response = client.post(
        url, dict(data, agenda_item=str(item.pk), file_en=upload("agenda.pdf", PDF))
    )
    assert response.status_code == 302
    document = dakar.documents.get()
    assert document.agenda_item == item
    assert document.files.get().uploaded_by is not None
