"""The triad on every page of the mission, the report, the evaluation, the appraisal, the
file and the CSV: anonymous and half-signed-in → sign-in, another country's focal point and
an expert not on the request → 403, a workgroup member reads but cannot evaluate, the
accepted expert uploads and reads the report, the secretariat opens everything."""

import pytest
from django.test import override_settings
from django.urls import reverse

from rabatnet.accounts.tests.helpers import sign_in
from rabatnet.network.tests import factories as f

from .factories import make_expert
from .mission_fixtures import reported

pytestmark = pytest.mark.django_db


def _status(client, user, url: str) -> int:
    client.logout()
    if user is not None:
        client.force_login(user)
    response = client.get(url)
    if response.streaming:
        b"".join(response.streaming_content)  # read to the end: the client closes the file
    return response.status_code


def _urls(pk: int, expert: int) -> dict[str, str]:
    kwargs = {"pk": pk}
    return {
        name: reverse(f"missions:{name}", kwargs=kwargs)
        for name in ("mission", "report", "report_download", "evaluation", "file", "file_pdf")
    } | {
        "appraisal": reverse("missions:appraisal", kwargs={**kwargs, "expert": expert}),
        "export": reverse("missions:export"),
    }


# Who gets what on each page: focal point of the country, workgroup member of the country,
# the accepted expert.
EXPECTED = {
    "mission": (403, 403, 403),
    "report": (403, 403, 200),
    "report_download": (200, 200, 200),
    "evaluation": (200, 403, 403),
    "file": (200, 200, 403),
    "file_pdf": (200, 200, 403),
    "appraisal": (403, 403, 403),
    "export": (403, 403, 403),
}


def test_triad_on_every_page(client):
    request, expert, staff = reported()
    outsider = make_expert()  # on the roster, not on this request
    assert outsider.person.user is not None and expert.person.user is not None
    for name, url in _urls(request.pk, expert.pk).items():
        focal, workgroup, accepted = EXPECTED[name]
        assert _status(client, None, url) == 302, name
        assert _status(client, f.no_role(), url) == 403, name
        assert _status(client, f.focal_point("MLI"), url) == 403, name
        assert _status(client, f.workgroup_member("MLI"), url) == 403, name
        assert _status(client, outsider.person.user, url) == 403, name
        assert _status(client, f.focal_point("SEN"), url) == focal, name
        assert _status(client, f.workgroup_member("SEN"), url) == workgroup, name
        assert _status(client, expert.person.user, url) == accepted, name
        assert _status(client, staff, url) == 200, name


def test_anonymous_is_sent_to_sign_in(client):
    request, expert, _staff = reported()
    for url in _urls(request.pk, expert.pk).values():
        response = client.get(url)
        assert response["Location"].startswith("/en/accounts/login/?next="), url


@override_settings(TWO_FACTOR_REQUIRED_ROLES=["focal_point"])
def test_half_signed_in_is_sent_to_sign_in(client):
    request, expert, _staff = reported()
    user = f.focal_point("SEN")
    sign_in(client, user.email)
    for url in _urls(request.pk, expert.pk).values():
        response = client.get(url)
        assert response.status_code == 302, url
        assert "two-factor" in response["Location"] or "login" in response["Location"]


def test_writes_refused_to_others(client):
    request, expert, _staff = reported()
    urls = _urls(request.pk, expert.pk)
    ratings = {"relevance": 5, "quality": 5, "timeliness": 5, "usefulness": 5}
    for user in (f.focal_point("MLI"), f.workgroup_member("SEN"), expert.person.user):
        client.force_login(user)
        assert client.post(urls["evaluation"], ratings).status_code == 403
        assert client.post(urls["appraisal"], {"rating": 1}).status_code == 403
        assert client.post(urls["mission"], {"starts_on": "2026-01-01"}).status_code == 403
    client.force_login(f.focal_point("MLI"))
    assert client.post(urls["report"], {"summary": "x"}).status_code == 403
    request.refresh_from_db()
    assert request.stage == "reported"
    assert not request.appraisals.exists()


@pytest.mark.parametrize(
    "path",
    [
        "/en/private/support/99999999999999999999/file/",
        "/en/private/support/0/mission/",
        "/en/private/support/123456/evaluation/",
        "/en/private/support/1/appraisal/99999999999999999999/",
    ],
)
def test_unknown_and_huge_keys_are_not_found(client, path):
    reported()
    client.force_login(f.secretariat())
    assert client.get(path).status_code == 404


def test_appraisal_of_an_expert_not_accepted_is_not_found(client):
    request, _expert, staff = reported()
    other = make_expert()
    client.force_login(staff)
    url = reverse("missions:appraisal", kwargs={"pk": request.pk, "expert": other.pk})
    assert client.get(url).status_code == 404
