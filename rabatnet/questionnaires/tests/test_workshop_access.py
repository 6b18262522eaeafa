"""The triad on every workshop page: anonymous → sign-in, half-signed-in → sign-in, another
country's focal point → 403, the country's workgroup member, the coordinating authority
(reads, does not manage), the secretariat. The sign-in list stays on private pages."""

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from rabatnet.accounts.tests.helpers import sign_in
from rabatnet.network.tests import factories as f

from .. import workshop_services as services
from ..models import Workshop
from .workshop_fixtures import form_data, planned

pytestmark = pytest.mark.django_db


def _status(client, user, url: str, method: str = "get", data: dict | None = None) -> int:
    client.logout()
    if user is not None:
        client.force_login(user)
    return getattr(client, method)(url, data or {}).status_code


def _lines(workshop: Workshop) -> tuple[int, int, int]:
    participant = services.participant_add(workshop=workshop, full_name="Awa Secrète", by=None)
    expert = services.expert_add(workshop=workshop, full_name="E", scope="local", by=None)
    outcome = services.outcome_add(workshop=workshop, kind="need", text="Formation", by=None)
    return participant.pk, expert.pk, outcome.pk


def _read_urls(workshop: Workshop) -> dict[str, str]:
    pk = workshop.pk
    return {
        "detail": reverse("workshops:detail", args=[pk]),
        "report": reverse("workshops:report", args=[pk]),
        "report_pdf": reverse("workshops:report_pdf", args=[pk]),
    }


def _manage_urls(workshop: Workshop, lines: tuple[int, int, int]) -> dict[str, str]:
    pk = workshop.pk
    participant, _expert, outcome = lines
    return {
        "create": reverse("workshops:create", args=["SEN"]),
        "edit": reverse("workshops:edit", args=[pk]),
        "cancel": reverse("workshops:cancel", args=[pk]),
        "participants": reverse("workshops:participant_add", args=[pk]),
        "experts": reverse("workshops:expert_add", args=[pk]),
        "outcomes": reverse("workshops:outcome_add", args=[pk]),
        "outcome": reverse("workshops:outcome_edit", args=[pk, outcome]),
    }


def _post_urls(workshop: Workshop, lines: tuple[int, int, int]) -> list[str]:
    pk = workshop.pk
    participant, expert, outcome = lines
    return [
        reverse("workshops:hold", args=[pk]),
        reverse("workshops:participant_sign", args=[pk, participant]),
        reverse("workshops:participant_remove", args=[pk, participant]),
        reverse("workshops:expert_remove", args=[pk, expert]),
        reverse("workshops:outcome_remove", args=[pk, outcome]),
    ]


def test_triad_on_the_reading_pages() -> None:
    client = Client()
    workshop = planned()
    _lines(workshop)
    for name, url in _read_urls(workshop).items():
        assert _status(client, None, url) == 302, name
        assert _status(client, f.focal_point("MLI"), url) == 403, name
        assert _status(client, f.no_role(), url) == 403, name
        assert _status(client, f.workgroup_member("SEN"), url) == 200, name
        assert _status(client, f.coordinating_authority("SEN"), url) == 200, name
        assert _status(client, f.secretariat(), url) == 200, name


def test_triad_on_the_managing_pages() -> None:
    client = Client()
    workshop = planned()
    lines = _lines(workshop)
    for name, url in _manage_urls(workshop, lines).items():
        assert _status(client, None, url) == 302, name
        assert _status(client, f.focal_point("MLI"), url) == 403, name
        assert _status(client, f.coordinating_authority("SEN"), url) == 403, name
        assert _status(client, f.workgroup_member("SEN"), url) == 200, name
        assert _status(client, f.focal_point("SEN"), url) == 200, name
        assert _status(client, f.secretariat(), url) == 200, name


def test_posts_refused_to_others_and_nothing_changes() -> None:
    client = Client()
    workshop = planned()
    lines = _lines(workshop)
    for url in _post_urls(workshop, lines):
        assert _status(client, None, url, "post") == 302, url
        assert _status(client, f.focal_point("MLI"), url, "post") == 403, url
        assert _status(client, f.coordinating_authority("SEN"), url, "post") == 403, url
        assert _status(client, f.workgroup_member("SEN"), url, "get") == 405, url
    workshop.refresh_from_db()
    assert workshop.status == Workshop.Status.PLANNED
    assert workshop.participants.count() == 1 and workshop.outcomes.count() == 1
    member = f.workgroup_member("SEN")
    for url in _post_urls(workshop, lines):
        assert _status(client, member, url, "post", {"attended": "1"}) == 302, url
    workshop.refresh_from_db()
    assert workshop.status == Workshop.Status.HELD
    assert not workshop.participants.exists() and not workshop.outcomes.exists()


def test_the_authority_reads_without_the_buttons() -> None:
    client = Client()
    workshop = planned()
    client.force_login(f.coordinating_authority("SEN"))
    body = client.get(reverse("workshops:detail", args=[workshop.pk])).content.decode()
    assert workshop.title in body
    assert reverse("workshops:hold", args=[workshop.pk]) not in body
    assert reverse("workshops:edit", args=[workshop.pk]) not in body
    client.force_login(f.focal_point("SEN"))
    body = client.get(reverse("workshops:detail", args=[workshop.pk])).content.decode()
    assert reverse("workshops:hold", args=[workshop.pk]) in body


def test_the_list_shows_each_visitor_their_countries() -> None:
    client = Client()
    planned(title="Atelier du Sénégal")
    from .factories import make_guide

    planned(make_guide("MLI", "fr"), title="Atelier du Mali")
    url = reverse("workshops:list")
    assert _status(client, None, url) == 302
    assert _status(client, f.no_role(), url) == 403
    client.force_login(f.coordinating_authority("SEN"))
    body = client.get(url).content.decode()
    assert "Atelier du Sénégal" in body and "Atelier du Mali" not in body
    client.force_login(f.secretariat())
    body = client.get(url).content.decode()
    assert "Atelier du Sénégal" in body and "Atelier du Mali" in body
    body = client.get(url, {"country": "MLI", "status": "planned"}).content.decode()
    assert "Atelier du Mali" in body and "Atelier du Sénégal" not in body
    body = client.get(url, {"year": "1999"}).content.decode()
    assert "Atelier du Mali" not in body and "Atelier du Sénégal" not in body
    assert client.get(url, {"year": "x\x00", "country": "ZZZ"}).status_code == 200


def test_create_edit_and_a_stale_edit_through_the_pages() -> None:
    client = Client()
    client.force_login(f.focal_point("SEN"))
    from .factories import make_guide

    make_guide("SEN", "fr")
    response = client.post(reverse("workshops:create", args=["SEN"]) + "?lang=fr", form_data())
    assert response.status_code == 302
    workshop = Workshop.objects.get()
    edit = reverse("workshops:edit", args=[workshop.pk])
    stale = form_data(workshop, city="Thiès")
    assert client.post(edit, form_data(workshop, city="Saint-Louis")).status_code == 302
    response = client.post(edit, stale)
    assert response.status_code == 200
    assert "Saint-Louis" in response.content.decode()  # the change shown
    workshop.refresh_from_db()
    assert workshop.city == "Saint-Louis"
    bad = client.post(edit, form_data(workshop, ends_on="2026-03-01"))
    assert bad.status_code == 200


def test_the_sign_in_list_is_never_public() -> None:
    client = Client()
    workshop = planned()
    _lines(workshop)
    services.workshop_hold(workshop=workshop, by=None)
    for url in (
        reverse("core:home"),
        reverse("guides:detail", args=["SEN"]),
        reverse("countries:detail", args=["SEN"]),
        *_read_urls(workshop).values(),
    ):
        response = client.get(url)
        assert "Awa Secrète" not in response.content.decode(errors="replace"), url
    client.force_login(f.workgroup_member("SEN"))
    assert "Awa Secrète" in client.get(_read_urls(workshop)["detail"]).content.decode()
    assert client.get(_read_urls(workshop)["detail"])["Cache-Control"] == "private, no-store"


def test_bad_keys_are_404() -> None:
    client = Client()
    client.force_login(f.secretariat())
    workshop = planned()
    assert client.get("/en/private/workshops/99999999999999/").status_code == 404
    assert client.get("/en/private/workshops/new/S%00N/").status_code == 404
    assert client.get("/en/private/workshops/new/XYZ/").status_code == 404
    assert (
        client.get(f"/en/private/workshops/{workshop.pk}/outcomes/999999999999/").status_code == 404
    )
    other = planned()
    outcome = services.outcome_add(workshop=other, kind="need", text="x", by=None)
    url = reverse("workshops:outcome_edit", args=[workshop.pk, outcome.pk])
    assert client.get(url).status_code == 404  # a line of another workshop


@override_settings(TWO_FACTOR_REQUIRED_ROLES=["workgroup_member"])
def test_half_signed_in_is_sent_to_sign_in(client) -> None:
    user = f.workgroup_member("SEN")
    workshop = planned()
    lines = _lines(workshop)
    sign_in(client, user.email)
    urls = {
        **_read_urls(workshop),
        **_manage_urls(workshop, lines),
        "list": reverse("workshops:list"),
    }
    for url in urls.values():
        response = client.get(url)
        assert response.status_code == 302, url
        assert "two-factor" in response["Location"] or "login" in response["Location"]
