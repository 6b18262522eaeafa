"""What the roster pages show: filters (bad values left out), counts, the track record,
French; the personal data held and erased."""

import json
from datetime import date
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from rabatnet.core.public_cache import PUBLIC_PAGES
from rabatnet.countries.models import Country
from rabatnet.network import registries
from rabatnet.network.erasure import person_erase
from rabatnet.network.tests import factories as f

from ..models import Appraisal, Expert, Mission, Proposal, SupportKind
from .factories import make_expert, make_request

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture(autouse=True)
def media_root(settings: Any, tmp_path: Any) -> Any:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def test_roster_lists_filters_and_counts(client):
    first = make_expert(
        languages=["pt"],
        summary="Border data",
        available=[(date(2030, 1, 1), date(2030, 1, 31))],
    )
    first.countries_of_experience.add(Country.objects.get(iso3="MLI"))
    make_expert(kind=Expert.Kind.LOCAL, kinds=[SupportKind.GUIDELINES])
    client.force_login(f.secretariat())
    url = reverse("experts:roster")
    page = client.get(url).content.decode()
    assert "2 experts on the roster today" in page and "local expert: 1" in page
    assert "Portuguese" in page and "Mali" in page and "next: 2030-01-01" in page
    response = client.get(url, {"language": "pt", "experience": "MLI"})
    assert [r["expert"] for r in response.context["rows"]] == [first]
    response = client.get(url, {"q": "border", "available_from": "2030-01-02"})
    assert [r["expert"] for r in response.context["rows"]] == [first]


@pytest.mark.parametrize(
    "query",
    [
        {"language": "klingon"},
        {"experience": "XXXX"},
        {"objective": "9" * 40},
        {"theme": "-1"},
        {"available_from": "2030-02-30"},
        {"available_from": "2030-02-01", "available_until": "2030-01-01"},
        {"q": "\x00" + "é" * 300},
        "kind=%ED%A0%80&language=%FF",
    ],
)
def test_a_bad_filter_is_left_out_with_a_message(client, query):
    make_expert()
    client.force_login(f.secretariat())
    url = reverse("experts:roster")
    response = client.get(f"{url}?{query}") if isinstance(query, str) else client.get(url, query)
    assert response.status_code == 200
    assert "left out" in response.content.decode()
    assert len(response.context["rows"]) == 1


def test_profile_shows_track_record_but_not_other_request_texts(client):
    expert = make_expert()
    request = make_request("SEN", needs="SECRET NEEDS TEXT", title="Secret title")
    Proposal.objects.create(request=request, expert=expert, rank=1, score=1, status="accepted")
    Mission.objects.create(request=request, starts_on=date(2030, 3, 1), ends_on=date(2030, 3, 3))
    Appraisal.objects.create(request=request, expert=expert, rating=4, comment="Clear work")
    client.force_login(expert.person.user)
    page = client.get(reverse("experts:detail", kwargs={"pk": expert.pk})).content.decode()
    assert request.reference in page and "Senegal" in page and "2030-03-01" in page
    assert "4/5" in page and "Clear work" in page
    assert "SECRET NEEDS TEXT" not in page and "Secret title" not in page


def test_pages_in_french(client):
    expert = make_expert()
    client.force_login(f.secretariat())
    for name, kwargs in [
        ("roster", {}),
        ("enrol", {}),
        ("detail", {"pk": expert.pk}),
        ("edit", {"pk": expert.pk}),
        ("availability", {"pk": expert.pk}),
        ("cv", {"pk": expert.pk}),
    ]:
        url = reverse(f"experts:{name}", kwargs=kwargs).replace("/en/", "/fr/", 1)
        response = client.get(url)
        assert response.status_code == 200, name
        assert 'lang="fr"' in response.content.decode(), name


def test_personal_data_is_never_public():
    assert not [name for name in PUBLIC_PAGES if name.startswith("experts:")]


def test_my_data_holds_the_profile(client):
    expert = make_expert(summary="Statistics", daily_rate="300", rate_currency="EUR")
    assert "expert_profile" in registries.PERSONAL_DATA
    data = registries.PERSONAL_DATA["expert_profile"](expert.person)
    assert data["summary"] == "Statistics" and data["daily_rate"] == "300.00"
    assert registries.PERSONAL_DATA["expert_profile"](f.PersonFactory.create()) is None
    client.force_login(expert.person.user)
    body = json.loads(client.get(reverse("network:my_data")).content)
    assert "Statistics" in json.dumps(body)


def test_erasure_clears_the_profile_and_its_history(media_root):
    expert = make_expert(
        summary="Statistics",
        daily_rate="300",
        rate_currency="EUR",
        nationality=Country.objects.get(iso3="SEN"),
    )
    expert.cv.save("cv.pdf", ContentFile(PDF), save=True)
    expert.summary = "Statistics and borders"
    expert.save()
    assert list(media_root.rglob("*.pdf"))
    person_erase(person=expert.person, actor=f.secretariat())
    expert.refresh_from_db()
    assert (expert.summary, expert.daily_rate, expert.rate_currency) == ("", None, "")
    assert expert.nationality is None and not expert.cv and not expert.cv_sha256
    assert not list(media_root.rglob("*.pdf"))
    for row in Expert.history.filter(id=expert.pk):
        assert (row.summary, row.daily_rate, row.rate_currency, row.cv) == ("", None, "", "")
        assert row.nationality_id is None
