"""Editions: frozen once published (also through save()), compared part by part; the timeline."""

import lxml.html
import pytest
from django.db import DatabaseError, transaction
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from rabatnet.core.tests.narrowing import present
from rabatnet.countries.models import Country
from rabatnet.guides import services
from rabatnet.guides.models import Edition, Guide, Recommendation, Stage
from rabatnet.guides.rendering import part_titles
from rabatnet.guides.tests.factories import drafted_guide, published_guide
from rabatnet.network.tests import factories as f

pytestmark = pytest.mark.django_db


def _get(client, user, url: str):
    client.logout()
    if user is not None:
        client.force_login(user)
    return client.get(url)


def _is_login_redirect(response) -> bool:
    return response.status_code == 302 and response.url.startswith(reverse("accounts:login"))


# --- A published edition is frozen ----------------------------------------------------------


@pytest.fixture
def edition() -> Edition:
    return published_guide().editions.get()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("content", {"tampered": True}),
        ("content_sha256", "0" * 64),
        ("status", Edition.Status.ENDORSED),
        ("number", 7),
        ("pdf_sha256", "f" * 64),
    ],
)
def test_saving_a_changed_published_edition_fails(edition, field, value):
    assert edition.pdf_sha256  # built on publication
    original = Edition.objects.values().get(pk=edition.pk)
    setattr(edition, field, value)
    with pytest.raises(DatabaseError), transaction.atomic():
        edition.save()
    stored = Edition.objects.get(pk=edition.pk)
    assert Edition.objects.values().get(pk=edition.pk) == original
    assert stored.verify()


def test_changing_one_word_of_the_content_through_save_fails(edition):
    edition.content["part4"]["categories"][0]["items"][0]["text"] = "Ne pas coopérer."
    with pytest.raises(DatabaseError), transaction.atomic():
        edition.save(update_fields=["content"])
    edition.refresh_from_db()
    assert edition.content["part4"]["categories"][0]["items"][0]["text"] == "Coopérer."
    assert edition.verify()


def test_a_published_edition_cannot_be_deleted_through_the_orm(edition):
    with pytest.raises(DatabaseError), transaction.atomic():
        Edition.objects.filter(pk=edition.pk).delete()
    assert Edition.objects.filter(pk=edition.pk).exists()


def test_a_published_edition_is_shown_with_its_hashes_after_a_failed_change(client, edition):
    edition.content = {**edition.content, "context": "Falsifié."}
    with pytest.raises(DatabaseError), transaction.atomic():
        edition.save()
    page = client.get("/en/countries/SEN/guide/").content.decode()
    assert edition.content_sha256 in page and "Falsifié" not in page


def test_an_edition_not_yet_published_may_still_be_decided():
    """The trigger guards published editions only: a submitted one takes its decision."""
    guide = drafted_guide()
    submitted = services.guide_submit(guide=guide, actor=None)
    submitted.decision_comment = "Vu."
    submitted.save()
    services.edition_endorse(edition=submitted, actor=None)
    submitted.refresh_from_db()
    assert submitted.status == Edition.Status.ENDORSED


# --- Comparing two editions ---------------------------------------------------------------


def _second_edition(guide: Guide, text: str) -> Edition:
    recommendation = Recommendation.objects.get(guide=guide)
    recommendation.text = text
    recommendation.save()
    return services.guide_submit(guide=guide, actor=None)


def _compare_url() -> str:
    return reverse("guides:compare", kwargs={"iso3": "SEN"}) + "?a=1&b=2&lang=fr"


def test_the_comparison_shows_the_changed_recommendation_and_no_change_elsewhere(client):
    guide = published_guide()
    _second_edition(guide, "Coopérer avec les pays voisins.")
    response = _get(client, f.focal_point("SEN"), _compare_url())
    assert response.status_code == 200
    parts = {p["key"]: p for p in response.context["parts"]}
    (change,) = parts.pop("part4")["changes"]
    assert change["status"] == "changed"
    (text,) = change["fields"]
    assert (text["old"], text["new"]) == ("Coopérer.", "Coopérer avec les pays voisins.")
    assert text["label"] == "recommandation"  # in the guide's language
    assert all(not p["changes"] for p in parts.values()), parts

    tree = lxml.html.fromstring(response.content)
    sections = {s.findtext("h2"): s for s in tree.xpath("//section[@class='diff']")}
    titles = part_titles("fr")
    assert list(sections)[1:] == list(titles.values())
    changed = sections.pop(titles["part4"])
    (item,) = changed.xpath(".//li[@class='changed']")
    assert "Coopérer." in item.xpath(".//del")[0].text_content()
    assert "Coopérer avec les pays voisins." in item.xpath(".//ins")[0].text_content()
    for title, section in sections.items():
        assert not section.xpath(".//li"), title


def test_the_order_of_a_and_b_does_not_matter(client):
    guide = published_guide()
    _second_edition(guide, "Coopérer avec les pays voisins.")
    client.force_login(f.secretariat())
    url = reverse("guides:compare", kwargs={"iso3": "SEN"}) + "?a=2&b=1&lang=fr"
    response = client.get(url)
    assert response.status_code == 200
    assert (response.context["old"].number, response.context["new"].number) == (1, 2)


def test_comparing_with_a_draft_edition_stays_inside(client):
    guide = published_guide()
    _second_edition(guide, "Coopérer avec les pays voisins.")
    url = _compare_url()
    assert _is_login_redirect(_get(client, None, url))
    assert _get(client, f.focal_point("MLI"), url).status_code == 403
    assert _get(client, f.no_role(), url).status_code == 403
    assert _get(client, f.coordinating_authority("SEN"), url).status_code == 200
    assert _get(client, f.secretariat(), url).status_code == 200


def test_two_published_editions_are_compared_by_anyone(client):
    guide = published_guide()
    second = _second_edition(guide, "Coopérer avec les pays voisins.")
    services.edition_endorse(edition=second, actor=None)
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.edition_publish(edition=second, actor=None)
    response = _get(client, None, _compare_url())
    assert response.status_code == 200
    assert "Coopérer avec les pays voisins." in response.content.decode()


def test_a_comparison_needs_two_existing_editions(client):
    published_guide()
    base = reverse("guides:compare", kwargs={"iso3": "SEN"})
    client.force_login(f.secretariat())
    assert client.get(base + "?a=1").status_code == 404
    assert client.get(base + "?a=1&b=x").status_code == 404
    assert client.get(base + "?a=1&b=9").status_code == 404


# --- The timeline ---------------------------------------------------------------------------


def _row(tree, name: str) -> dict[str, str]:
    """{stage: cell class} of the timeline row of the guide of ``name``."""
    (row,) = [
        tr
        for tr in tree.xpath("//table[@class='timeline']/tbody/tr")
        if name in tr.findtext("th/a")
    ]
    cells = row.xpath("./td")
    assert len(cells) == len(Stage.values)
    today = timezone.localdate()
    for cell in cells:
        if cell.get("class"):
            assert cell.text_content().strip() == f"{today.day} {today:%b} {today.year}"
        else:
            assert cell.text_content().strip() == ""
    return {stage: cell.get("class") or "" for stage, cell in zip(Stage.values, cells, strict=True)}


def test_the_timeline_shows_each_guides_country_and_stages(client):
    published_guide("SEN", "fr")
    ghana = drafted_guide("GHA", "en")
    services.guide_submit(guide=ghana, actor=None)
    response = _get(client, f.secretariat(), "/en/guides/")
    assert response.status_code == 200
    tree = lxml.html.fromstring(response.content)
    senegal = present(Country.objects.get(iso3="SEN").name_en)
    assert _row(tree, senegal) == {
        "expression_of_interest": "done",
        "stakeholders_identified": "",
        "questionnaires": "",
        "national_workshop": "",
        "drafting": "done",
        "submitted": "done",
        "endorsed": "done",
        "published": "current",
        "follow_up": "",
    }
    assert _row(tree, "Ghana") == {
        "expression_of_interest": "done",
        "stakeholders_identified": "",
        "questionnaires": "",
        "national_workshop": "",
        "drafting": "done",
        "submitted": "current",
        "endorsed": "",
        "published": "",
        "follow_up": "",
    }
    page = response.content.decode()
    assert reverse("guides:workspace", kwargs={"iso3": "GHA"}) + "?lang=en" in page


def test_the_timeline_is_the_secretariats(client):
    drafted_guide()
    assert _is_login_redirect(_get(client, None, "/en/guides/"))
    assert _get(client, f.focal_point("SEN"), "/en/guides/").status_code == 403
    assert _get(client, f.coordinating_authority("SEN"), "/en/guides/").status_code == 403
    assert _get(client, f.no_role(), "/en/guides/").status_code == 403
    assert _get(client, f.secretariat(), "/en/guides/").status_code == 200
