"""The triad on every cycle page: anonymous and half-signed-in → sign-in, another country →
403, the right country (focal point, workgroup, contributor), the secretariat."""

import pytest
from django.test import override_settings
from django.urls import reverse

from rabatnet.accounts.tests.helpers import sign_in
from rabatnet.countries.models import Country
from rabatnet.followup import cycle_permissions as perms
from rabatnet.followup.cycle_permissions import CountryCycle
from rabatnet.network.tests import factories as f

from .cycle_fixtures import contributor, fill, make_cycle, report

pytestmark = pytest.mark.django_db


def _status(client, user, url: str, method: str = "get", data: dict | None = None) -> int:
    client.logout()
    if user is not None:
        client.force_login(user)
    return getattr(client, method)(url, data or {}).status_code


def _country_urls(slug: str) -> dict[str, str]:
    kwargs = {"slug": slug, "iso3": "SEN"}
    return {
        "country": reverse("cycles:country", kwargs=kwargs),
        "history": reverse("cycles:history", kwargs=kwargs),
        "assessment": reverse("cycles:assessment", kwargs={**kwargs, "number": 1}),
    }


def _secretariat_urls(slug: str, pk: int) -> dict[str, str]:
    return {
        "detail": reverse("cycles:detail", kwargs={"slug": slug}),
        "edit": reverse("cycles:edit", kwargs={"slug": slug}),
        "queue": reverse("cycles:queue", kwargs={"slug": slug}),
        "verify": reverse("cycles:verify", kwargs={"slug": slug, "pk": pk}),
        "create": reverse("cycles:create"),
    }


def test_country_pages_triad(client):
    cycle = make_cycle()
    fill(cycle, "SEN", f.focal_point("SEN"))
    for name, url in _country_urls(cycle.slug).items():
        assert _status(client, None, url) == 302, name
        assert _status(client, f.no_role(), url) == 403, name
        assert _status(client, f.focal_point("MLI"), url) == 403, name
        assert _status(client, f.focal_point("SEN"), url) == 200, name
        assert _status(client, f.workgroup_member("SEN"), url) == 200, name
        assert _status(client, contributor("SEN"), url) == 200, name
        assert _status(client, f.secretariat(), url) == 200, name
    # A thematic contact of the country reads, but may not enter.
    reader = f.coordinating_authority("SEN")
    assert _status(client, reader, _country_urls(cycle.slug)["country"]) == 200
    assert _status(client, reader, _country_urls(cycle.slug)["assessment"]) == 403


def test_a_contributor_for_another_country_is_refused(client):
    cycle = make_cycle()
    url = _country_urls(cycle.slug)["country"]
    assert _status(client, contributor("MLI"), url) == 403


def test_secretariat_pages_triad(client):
    cycle = make_cycle()
    pk = report(cycle, "SEN", f.focal_point("SEN"))[0].pk
    for name, url in _secretariat_urls(cycle.slug, pk).items():
        assert _status(client, None, url) == 302, name
        assert _status(client, f.focal_point("SEN"), url) == 403, name
        assert _status(client, contributor("SEN"), url) == 403, name
        assert _status(client, f.secretariat(), url) == 200, name
    close = reverse("cycles:close", kwargs={"slug": cycle.slug})
    assert _status(client, f.focal_point("SEN"), close, "post") == 403
    back = reverse("cycles:return", kwargs={"slug": cycle.slug, "pk": pk})
    assert _status(client, f.focal_point("SEN"), back, "post", {"reason": "x"}) == 403


def test_cycle_list_shows_each_member_their_own_countries(client):
    cycle = make_cycle()
    url = reverse("cycles:list")
    assert _status(client, None, url) == 302
    assert _status(client, f.no_role(), url) == 403
    client.force_login(f.focal_point("MLI"))
    page = client.get(url).content.decode()
    assert cycle.title in page and "Mali" in page and "Senegal" not in page
    client.force_login(contributor("SEN"))
    page = client.get(url).content.decode()
    assert "Senegal" in page and "Mali" not in page
    client.force_login(f.secretariat())
    page = client.get(reverse("cycles:detail", kwargs={"slug": cycle.slug})).content.decode()
    assert "Senegal" in page and "Mali" in page


@override_settings(TWO_FACTOR_REQUIRED_ROLES=["focal_point"])
def test_half_signed_in_is_sent_to_sign_in(client):
    cycle = make_cycle()
    user = f.focal_point("SEN")
    sign_in(client, user.email)
    for url in _country_urls(cycle.slug).values():
        response = client.get(url)
        assert response.status_code == 302
        assert "two-factor" in response["Location"] or "login" in response["Location"]


def test_writes_refused_to_another_country(client):
    cycle = make_cycle()
    urls = _country_urls(cycle.slug)
    client.force_login(f.focal_point("MLI"))
    assert client.post(urls["assessment"], {"self_status": "achieved"}).status_code == 403
    submit = reverse("cycles:submit", kwargs={"slug": cycle.slug, "iso3": "SEN"})
    assert client.post(submit).status_code == 403
    assert not cycle.assessments.exists()


def test_rules_on_objects():
    cycle = make_cycle()
    sen = CountryCycle(cycle, Country.objects.get(iso3="SEN"))
    mli = CountryCycle(cycle, Country.objects.get(iso3="MLI"))
    focal = f.focal_point("SEN")
    assert perms.can_enter_country_cycle(focal, sen)
    assert not perms.can_enter_country_cycle(focal, mli)
    assert perms.can_view_country_cycle(f.secretariat(), mli)
    assessment = fill(cycle, "SEN", focal)[0]
    assert perms.can_edit_assessment(focal, assessment)
    assert not perms.can_verify_assessment(focal, assessment)
    assert not perms.can_view_assessment(f.focal_point("MLI"), assessment)
    assert perms.can_verify_assessment(f.secretariat(), assessment)


@pytest.mark.parametrize(
    "path",
    [
        "/en/private/strategy/cycles/NOT%20A%20SLUG/",
        "/en/private/strategy/cycles/unknown/",
        "/en/private/strategy/cycles/2026-round/countries/S3N/",
        "/en/private/strategy/cycles/2026-round/countries/XXX/",
        "/en/private/strategy/cycles/2026-round/countries/SEN/objectives/99999999999999999999/",
        "/en/private/strategy/cycles/2026-round/countries/SEN/objectives/x%00/",
        "/en/private/strategy/cycles/2026-round/countries/SEN/objectives/999/",
        "/en/private/strategy/cycles/2026-round/verification/99999999999999999999/",
        "/en/private/strategy/cycles/2026-round/verification/-1/",
        "/en/private/strategy/cycles/%C3%A9t%C3%A9/",
    ],
)
def test_odd_input_never_fails(client, path):
    make_cycle()
    client.force_login(f.secretariat())
    assert client.get(path).status_code == 404
