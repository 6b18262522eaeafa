"""Writes on the roster: enrol and take off, the profile, availability periods, the CV."""

from datetime import date, timedelta
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from rabatnet.countries.models import Country
from rabatnet.network.models import Appointment, Role
from rabatnet.network.tests import factories as f

from ..expert_selectors import is_on_roster
from ..models import Availability, Expert
from .factories import make_expert

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media_root(settings: Any, tmp_path: Any) -> Any:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def _edit_data(expert: Expert, **changes: Any) -> dict[str, Any]:
    data = {
        "version": expert.version,
        "kind": expert.kind,
        "summary": expert.summary,
        "kinds": list(expert.kinds),
        "languages": list(expert.languages),
        "daily_rate": "",
        "rate_currency": "",
    }
    data.update(changes)
    return data


def test_enrol_a_person_and_take_them_off(client):
    client.force_login(f.secretariat())
    person = f.PersonFactory.create(full_name="Nadia Expert")
    url = reverse("experts:enrol")
    response = client.post(url, {"person": person.pk, "kind": "local"})
    expert = Expert.objects.get(person=person)
    assert response["Location"] == reverse("experts:detail", kwargs={"pk": expert.pk})
    appointment = Appointment.objects.get(person=person, role=Role.EXPERT)
    assert appointment.starts_on == timezone.localdate() and appointment.country is None
    assert is_on_roster(expert)
    # Not offered twice; a bad key is a form error.
    assert client.post(url, {"person": person.pk, "kind": "local"}).status_code == 200
    assert client.post(url, {"person": "9" * 30, "kind": "local"}).status_code == 200
    assert Appointment.objects.filter(person=person).count() == 1
    # Taken off: the appointment ends (tomorrow: it started today), the profile stays.
    response = client.post(url, {"take_off": "1", "off-expert": expert.pk})
    assert response.status_code == 302
    appointment.refresh_from_db()
    assert appointment.ends_on == timezone.localdate() + timedelta(days=1)
    assert not is_on_roster(expert, timezone.localdate() + timedelta(days=1))
    assert Expert.objects.filter(pk=expert.pk).exists()


def test_take_off_ends_today_an_older_appointment(client):
    expert = make_expert()
    client.force_login(f.secretariat())
    client.post(reverse("experts:enrol"), {"take_off": "1", "off-expert": expert.pk})
    assert not is_on_roster(expert)


def test_the_expert_edits_their_profile_but_not_kind_or_local_flag(client):
    expert = make_expert()
    client.force_login(expert.person.user)
    url = reverse("experts:edit", kwargs={"pk": expert.pk})
    data = _edit_data(
        expert,
        kind="local",
        local_expertise="on",
        summary="Border data systems",
        languages=["pt", "ar"],
        daily_rate="450.00",
        rate_currency="xof",
        nationality=Country.objects.get(iso3="MLI").pk,
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    expert.refresh_from_db()
    assert expert.summary == "Border data systems"
    assert expert.languages == ["pt", "ar"] and expert.rate_currency == "XOF"
    assert expert.kind == Expert.Kind.INTERNATIONAL and not expert.local_expertise
    assert expert.history.count() >= 2


def test_the_secretariat_sets_kind_and_local_flag(client):
    expert = make_expert()
    client.force_login(f.secretariat())
    url = reverse("experts:edit", kwargs={"pk": expert.pk})
    response = client.post(url, _edit_data(expert, kind="local", local_expertise="on"))
    assert response.status_code == 302
    expert.refresh_from_db()
    assert expert.kind == Expert.Kind.LOCAL and expert.local_expertise


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"rate_currency": "EURO"}, "rate_currency"),
        ({"rate_currency": "ZZZ"}, "rate_currency"),
        ({"daily_rate": "100"}, "rate_currency"),
        ({"daily_rate": "-5", "rate_currency": "EUR"}, "daily_rate"),
        ({"languages": ["xx"]}, "languages"),
        ({"kinds": ["\x00"]}, "kinds"),
        ({"nationality": "9" * 40}, "nationality"),
    ],
)
def test_bad_profile_values_are_refused(client, changes, field):
    expert = make_expert()
    client.force_login(expert.person.user)
    url = reverse("experts:edit", kwargs={"pk": expert.pk})
    response = client.post(url, _edit_data(expert, **changes))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert Expert.objects.get(pk=expert.pk).version == expert.version


def test_a_stale_edit_is_refused_with_the_change_shown(client):
    expert = make_expert(summary="First")
    opened = _edit_data(expert, summary="Mine")
    expert.summary = "Theirs"
    expert.save()
    client.force_login(expert.person.user)
    response = client.post(reverse("experts:edit", kwargs={"pk": expert.pk}), opened)
    assert response.status_code == 200
    form = response.context["form"]
    assert "Someone else saved this record" in str(form.non_field_errors())
    assert ("expertise in brief", "Theirs") in [(str(k).lower(), v) for k, v in form.stale_changes]
    assert Expert.objects.get(pk=expert.pk).summary == "Theirs"


def test_availability_add_overlap_and_delete(client):
    expert = make_expert(available=[(date(2030, 3, 1), date(2030, 3, 31))])
    client.force_login(expert.person.user)
    url = reverse("experts:availability", kwargs={"pk": expert.pk})
    ok = client.post(url, {"starts_on": "2030-04-01", "ends_on": "2030-04-01", "note": "x"})
    assert ok.status_code == 302
    backwards = client.post(url, {"starts_on": "2030-05-10", "ends_on": "2030-05-01"})
    assert "cannot end before it starts" in backwards.content.decode()
    overlap = client.post(url, {"starts_on": "2030-03-30", "ends_on": "2030-04-02"})
    assert "overlaps the period from 2030-03-01 to 2030-03-31" in overlap.content.decode()
    assert expert.availabilities.count() == 2
    period = expert.availabilities.get(starts_on=date(2030, 4, 1))
    assert client.post(url, {"delete": period.pk}).status_code == 302
    assert not Availability.objects.filter(pk=period.pk).exists()
    # Gone already, not a number, another expert's: a message, nothing deleted.
    other = make_expert(available=[(date(2030, 1, 1), date(2030, 1, 2))])
    for value in (period.pk, "abc", "9" * 40, other.availabilities.get().pk):
        response = client.post(url, {"delete": value}, follow=True)
        assert response.status_code == 200
    assert other.availabilities.count() == 1 and expert.availabilities.count() == 1


def test_cv_upload_and_download(client):
    expert = make_expert()
    client.force_login(expert.person.user)
    url = reverse("experts:cv", kwargs={"pk": expert.pk})
    upload = SimpleUploadedFile("my cv.pdf", PDF, content_type="application/pdf")
    assert client.post(url, {"cv": upload}).status_code == 302
    expert.refresh_from_db()
    assert expert.cv and expert.cv_uploaded_at is not None
    assert len(expert.cv_sha256) == 64
    response = client.get(reverse("experts:cv_download", kwargs={"pk": expert.pk}))
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/pdf"


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("cv.pdf", b"<html><script>alert(1)</script>", "its content is not one"),
        ("cv.exe", PDF, "not a PDF"),
        ("cv.pdf", b"", "empty"),
    ],
)
def test_a_cv_that_is_not_a_pdf_is_refused(client, media_root, name, content, words):
    expert = make_expert()
    client.force_login(expert.person.user)
    upload = SimpleUploadedFile(name, content, content_type="application/pdf")
    response = client.post(reverse("experts:cv", kwargs={"pk": expert.pk}), {"cv": upload})
    assert response.status_code == 200 and words in response.content.decode()
    expert.refresh_from_db()
    assert not expert.cv and not list(media_root.rglob("*.*"))


def test_a_cv_too_big_is_refused(client, settings, media_root):
    settings.SUPPORT_UPLOAD_MAX_BYTES = 20
    expert = make_expert()
    client.force_login(f.secretariat())
    upload = SimpleUploadedFile("cv.pdf", PDF, content_type="application/pdf")
    response = client.post(reverse("experts:cv", kwargs={"pk": expert.pk}), {"cv": upload})
    assert response.status_code == 200 and "a CV may be" in response.content.decode()
    assert not Expert.objects.get(pk=expert.pk).cv and not list(media_root.rglob("*.*"))
