"""The triad on every page of the expressions of interest: anonymous → sign-in, half-signed-in
→ sign-in, another country's focal point → 403, the country's focal point declares, a
workgroup member reads (and handles stakeholders) but cannot declare, the secretariat
acknowledges."""

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from rabatnet.accounts.tests.helpers import sign_in
from rabatnet.network.tests import factories as f

from .interest_samples import declared, with_stakeholder

pytestmark = pytest.mark.django_db


def _status(client: Client, user, url: str, method: str = "get") -> int:
    client.logout()
    if user is not None:
        client.force_login(user)
    return getattr(client, method)(url).status_code


def _urls(interest, stakeholder) -> dict[str, str]:
    one = {"pk": interest.pk}
    step = {"pk": interest.pk, "stakeholder": stakeholder.pk}
    return {
        "detail": reverse("interest:detail", kwargs=one),
        "edit": reverse("interest:edit", kwargs=one),
        "withdraw": reverse("interest:withdraw", kwargs=one),
        "stakeholder_add": reverse("interest:stakeholder_add", kwargs=one),
        "declare": reverse("interest:declare", kwargs={"iso3": "SEN"}),
        "list": reverse("interest:list"),
        "invite": reverse("interest:stakeholder_invite", kwargs=step),
        "remove": reverse("interest:stakeholder_remove", kwargs=step),
        "acknowledge": reverse("interest:acknowledge", kwargs=one),
    }


POSTS = {"invite", "remove", "acknowledge"}


def test_anonymous_is_sent_to_sign_in(client):
    interest = declared()
    for name, url in _urls(interest, with_stakeholder(interest)).items():
        response = getattr(client, "post" if name in POSTS else "get")(url)
        assert response.status_code == 302, name
        assert "/accounts/login/" in response["Location"], name


@override_settings(TWO_FACTOR_REQUIRED_ROLES=["focal_point"])
def test_half_signed_in_is_sent_to_sign_in(client):
    user = f.focal_point("SEN")
    interest = declared()
    sign_in(client, user.email)
    for name, url in _urls(interest, with_stakeholder(interest)).items():
        response = getattr(client, "post" if name in POSTS else "get")(url)
        assert response.status_code == 302, name
        assert "two-factor" in response["Location"] or "login" in response["Location"], name


def test_another_countrys_focal_point_is_refused(client):
    interest = declared()
    urls = _urls(interest, with_stakeholder(interest))
    other = f.focal_point("MLI")
    for name, url in urls.items():
        if name == "list":
            continue
        method = "post" if name in POSTS else "get"
        assert _status(client, other, url, method) == 403, name
    # The list answers, without Senegal's declaration.
    client.force_login(other)
    response = client.get(urls["list"])
    assert response.status_code == 200
    assert response.context["interests"] == []


def test_roles_of_the_country(client):
    interest = declared()
    urls = _urls(interest, with_stakeholder(interest))
    focal = f.focal_point("SEN")
    member = f.workgroup_member("SEN")
    authority = f.coordinating_authority("SEN")
    for name in ("detail", "edit", "withdraw", "stakeholder_add", "declare", "list"):
        assert _status(client, focal, urls[name]) == 200, name
    for name in ("detail", "edit", "stakeholder_add", "list"):
        assert _status(client, member, urls[name]) == 200, name
    # A workgroup member reads and handles stakeholders, but neither declares nor withdraws.
    assert _status(client, member, urls["declare"]) == 403
    assert _status(client, member, urls["withdraw"]) == 403
    # The coordinating authority reads only.
    assert _status(client, authority, urls["detail"]) == 200
    for name in ("edit", "stakeholder_add", "declare", "withdraw"):
        assert _status(client, authority, urls[name]) == 403, name
    # Only the secretariat acknowledges.
    assert _status(client, focal, urls["acknowledge"], "post") == 403
    assert _status(client, member, urls["acknowledge"], "post") == 403
    assert _status(client, f.secretariat(), urls["acknowledge"], "post") == 302


def test_the_secretariat_sees_every_declaration(client):
    declared("SEN")
    declared("MLI")
    client.force_login(f.secretariat())
    response = client.get(reverse("interest:list"))
    assert {i.country.iso3 for i in response.context["interests"]} == {"SEN", "MLI"}
    assert "Senegal" in response.content.decode()


@pytest.mark.parametrize("bad", ["99999999999999999999", "0", "-1"])
def test_odd_keys_are_404(client, bad):
    client.force_login(f.secretariat())
    assert client.get(f"/en/private/interest/{bad}/").status_code == 404
    assert client.get("/en/private/interest/new/S3N/").status_code == 404
    assert client.get("/en/private/interest/?country=%00x").status_code == 404
