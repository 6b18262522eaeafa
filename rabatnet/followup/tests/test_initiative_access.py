"""The triad on every private page of the initiatives: anonymous → sign-in, half-signed-in
→ sign-in, another country → 403, the right country (focal point, workgroup member,
contributor), the secretariat. Unpublished initiatives stay off the public pages."""

import pytest
from django.test import override_settings
from django.urls import reverse

from rabatnet.accounts.tests.helpers import sign_in
from rabatnet.countries.models import Country
from rabatnet.followup import initiative_services as services
from rabatnet.followup.models import Contributor, ReviewState
from rabatnet.network.tests import factories as f

from .initiative_fixtures import draft, form_data, verified

pytestmark = pytest.mark.django_db


def _status(client, user, url: str, method: str = "get", data: dict | None = None) -> int:
    client.logout()
    if user is not None:
        client.force_login(user)
    return getattr(client, method)(url, data or {}).status_code


def contributor(iso3: str = "SEN"):
    person = f.PersonFactory.create()
    Contributor.objects.create(country=Country.objects.get(iso3=iso3), person=person)
    return person.user


def _read_urls(initiative) -> dict[str, str]:
    return {
        "home": reverse("initiatives:home"),
        "list": reverse("initiatives:country_list", args=["SEN"]),
        "new": reverse("initiatives:create", args=["SEN"]),
        "contributors": reverse("initiatives:contributors", args=["SEN"]),
        "detail": reverse("initiatives:private_detail", args=[initiative.pk]),
        "edit": reverse("initiatives:edit", args=[initiative.pk]),
        "history": reverse("initiatives:history", args=[initiative.pk]),
    }


def test_triad_on_the_country_pages():
    from django.test import Client

    client = Client()
    initiative = draft()
    for name, url in _read_urls(initiative).items():
        assert _status(client, None, url) == 302, name
        if name != "home":
            assert _status(client, f.focal_point("MLI"), url) == 403, name
            assert _status(client, f.coordinating_authority("SEN"), url) == 403, name
        assert _status(client, f.focal_point("SEN"), url) == 200, name
        assert _status(client, f.workgroup_member("SEN"), url) == 200, name
        assert _status(client, contributor("SEN"), url) == 200, name
        assert _status(client, f.secretariat(), url) == 200, name


def test_an_ended_designation_gives_nothing(client):
    initiative = draft()
    user = contributor("SEN")
    Contributor.objects.filter(person__user=user).update(ended_at="2020-01-01T00:00Z")
    assert _status(client, user, _read_urls(initiative)["detail"]) == 403


def test_a_contributor_enters_for_their_country_only(client):
    user = contributor("SEN")
    client.force_login(user)
    assert client.get(reverse("initiatives:create", args=["MLI"])).status_code == 403
    response = client.post(reverse("initiatives:create", args=["SEN"]), form_data())
    assert response.status_code == 302


def test_queue_and_decisions_are_the_secretariats(client):
    author = f.focal_point("SEN")
    initiative = draft(by=author)
    services.initiative_submit(initiative=initiative, by=author)
    queue = reverse("initiatives:queue")
    verify = reverse("initiatives:verify", args=[initiative.pk])
    back = reverse("initiatives:return", args=[initiative.pk])
    assert _status(client, None, queue) == 302
    assert _status(client, author, queue) == 403
    assert _status(client, author, verify, "post") == 403
    assert _status(client, author, back, "post", {"reason": "x"}) == 403
    assert _status(client, f.focal_point("MLI"), verify, "post") == 403
    initiative.refresh_from_db()
    assert initiative.review_state == ReviewState.SUBMITTED
    assert _status(client, f.secretariat(), queue) == 200
    assert _status(client, f.secretariat(), verify, "post") == 302
    initiative.refresh_from_db()
    assert initiative.review_state == ReviewState.VERIFIED


def test_writes_refused_to_another_country(client):
    initiative = draft()
    client.force_login(f.focal_point("MLI"))
    assert client.post(reverse("initiatives:submit", args=[initiative.pk])).status_code == 403
    edit = reverse("initiatives:edit", args=[initiative.pk])
    assert client.post(edit, form_data(initiative, title_en="Intrusion")).status_code == 403
    initiative.refresh_from_db()
    assert initiative.review_state == ReviewState.DRAFT
    assert initiative.title_en != "Intrusion"


def test_unpublished_initiatives_are_not_public(client):
    hidden = draft(title_en="Unpublished plan")
    shown = verified(title_en="Published plan")
    client.logout()
    assert client.get(reverse("initiatives:detail", args=[hidden.pk])).status_code == 404
    assert client.get(reverse("initiatives:detail", args=[shown.pk])).status_code == 200
    for url in (reverse("initiatives:list"), reverse("initiatives:csv")):
        body = client.get(url).content.decode()
        assert "Published plan" in body
        assert "Unpublished plan" not in body
    client.force_login(f.focal_point("MLI"))
    body = client.get(reverse("initiatives:list")).content.decode()
    assert "Unpublished plan" not in body


def test_bad_keys_are_404(client):
    client.force_login(f.secretariat())
    assert client.get("/en/private/strategy/initiatives/99999999999999/").status_code == 404
    assert client.get("/en/private/strategy/countries/S%00N/initiatives/").status_code == 404
    assert client.get("/en/private/strategy/countries/XYZ/initiatives/").status_code == 404
    assert client.get("/en/strategy/initiatives/99999999999999/").status_code == 404


@override_settings(TWO_FACTOR_REQUIRED_ROLES=["focal_point"])
def test_half_signed_in_is_sent_to_sign_in(client):
    user = f.focal_point("SEN")
    initiative = draft(by=user)
    sign_in(client, user.email)
    for url in _read_urls(initiative).values():
        response = client.get(url)
        assert response.status_code == 302
        assert "two-factor" in response["Location"] or "login" in response["Location"]
