"""The triad on every request page: anonymous and half-signed-in → sign-in, another
country → 403 (and its requests nowhere in the list), the right country (a requester files
and agrees; a workgroup member reads only), the secretariat."""

import pytest
from django.test import override_settings
from django.urls import reverse

from rabatnet.accounts.tests.helpers import sign_in
from rabatnet.network.tests import factories as f

from ..models import SupportRequest
from .factories import make_request
from .request_samples import filing_data, with_terms

pytestmark = pytest.mark.django_db


def _urls(pk: int) -> dict[str, tuple[str, str]]:
    """Every page of a request: (method, address)."""
    one = {"pk": pk}
    return {
        "new": ("get", reverse("support:new", kwargs={"iso3": "SEN"})),
        "detail": ("get", reverse("support:detail", kwargs=one)),
        "edit": ("get", reverse("support:edit", kwargs=one)),
        "terms": ("get", reverse("support:terms", kwargs=one)),
        "terms_new": ("get", reverse("support:terms_new", kwargs=one)),
        "act": ("post", reverse("support:act", kwargs=one)),
        "agree": ("post", reverse("support:terms_agree", kwargs={**one, "number": 1})),
    }


def _status(client, user, method: str, url: str, data: dict | None = None) -> int:
    client.logout()
    if user is not None:
        client.force_login(user)
    return getattr(client, method)(url, data or {}).status_code


@pytest.fixture
def sen_request() -> SupportRequest:
    request = make_request("SEN")
    with_terms(request, "Version one.")
    return request


def test_anonymous_is_sent_to_sign_in_everywhere(client, sen_request):
    for method, url in [*_urls(sen_request.pk).values(), ("get", reverse("support:list"))]:
        response = getattr(client, method)(url)
        assert response.status_code == 302, url
        assert "/accounts/login/" in response["Location"]


@override_settings(TWO_FACTOR_REQUIRED_ROLES=["focal_point"])
def test_half_signed_in_is_sent_to_sign_in(client, sen_request):
    user = f.focal_point("SEN")
    sign_in(client, user.email)
    for method, url in [*_urls(sen_request.pk).values(), ("get", reverse("support:list"))]:
        response = getattr(client, method)(url)
        assert response.status_code == 302, url
        assert "two-factor" in response["Location"] or "login" in response["Location"]


@pytest.mark.parametrize("make_user", [f.focal_point, f.workgroup_member, f.coordinating_authority])
def test_another_country_is_refused_everywhere(client, sen_request, make_user):
    user = make_user("MLI")
    for name, (method, url) in _urls(sen_request.pk).items():
        data = {"action": "withdraw", "reason": "x"} if name == "act" else None
        assert _status(client, user, method, url, data) == 403, name
    assert SupportRequest.objects.get(pk=sen_request.pk).stage == "received"
    assert not sen_request.terms.get().agreed_at


def test_another_countrys_request_is_not_listed(client, sen_request):
    make_request("MLI", title="Malian request")
    client.force_login(f.focal_point("MLI"))
    page = client.get(reverse("support:list")).content.decode()
    assert "Malian request" in page
    assert sen_request.reference not in page
    # Filtering on the other country shows nothing of it either.
    page = client.get(reverse("support:list"), {"country": "SEN"}).content.decode()
    assert sen_request.reference not in page


def test_people_without_support_roles_are_refused_the_list(client):
    for user in (f.no_role(), f.thematic_contact()):
        assert _status(client, user, "get", reverse("support:list")) == 403


def test_a_requester_of_the_country_files_reads_edits_and_agrees(client, sen_request):
    urls = _urls(sen_request.pk)
    for make_user in (f.focal_point, f.coordinating_authority):
        user = make_user("SEN")
        for name in ("new", "detail", "edit", "terms"):
            assert _status(client, user, *urls[name]) == 200, name
        assert _status(client, user, *urls["terms_new"]) == 403
        # Acknowledging is the secretariat's.
        assert _status(client, user, "post", urls["act"][1], {"action": "acknowledge"}) == 403
    assert _status(client, user, *urls["agree"]) == 302
    assert sen_request.terms.get().agreed_by == user


def test_a_workgroup_member_reads_but_neither_files_nor_agrees(client, sen_request):
    user = f.workgroup_member("SEN")
    urls = _urls(sen_request.pk)
    for name in ("detail", "terms"):
        assert _status(client, user, *urls[name]) == 200, name
    for name in ("new", "edit", "terms_new", "agree"):
        assert _status(client, user, *urls[name]) == 403, name
    assert _status(client, user, "post", urls["act"][1], {"action": "withdraw"}) == 403
    page = client.get(reverse("support:list")).content.decode()
    assert sen_request.reference in page
    assert reverse("support:new", kwargs={"iso3": "SEN"}) not in page


def test_the_secretariat_opens_every_page_and_files_for_any_country(client, sen_request):
    user = f.secretariat()
    for name, (method, url) in _urls(sen_request.pk).items():
        if method == "get":
            assert _status(client, user, method, url) == 200, name
    page = client.get(reverse("support:list")).content.decode()
    assert reverse("support:new", kwargs={"iso3": "MLI"}) in page
    response = client.post(reverse("support:new", kwargs={"iso3": "MLI"}), filing_data())
    assert response.status_code == 302
    assert SupportRequest.objects.filter(country__iso3="MLI").count() == 1


def test_odd_keys_are_not_found(client, sen_request):
    client.force_login(f.secretariat())
    for url in (
        f"/en/private/support/{'9' * 30}/",
        "/en/private/support/new/S3N/",
        "/en/private/support/new/XXX/",
        f"/en/private/support/{sen_request.pk}/terms/{'9' * 30}/agree/",
        f"/en/private/support/{sen_request.pk}/terms/7/agree/",
    ):
        method = client.post if url.endswith("agree/") else client.get
        assert method(url).status_code == 404, url


def test_an_expert_without_country_role_is_pointed_to_the_requests_asked(client):
    user = f.expert()
    client.force_login(user)
    response = client.get(reverse("support:list"))
    assert response.status_code == 200
    assert "File a request" not in response.content.decode()
