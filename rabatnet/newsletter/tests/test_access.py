"""The triad on every private view of the newsletter, and no 500 from odd input."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from rabatnet.accounts.tests.helpers import sign_in
from rabatnet.network.tests import factories as f
from rabatnet.newsletter.models import Issue, Item

from .factories import draft_issue, sent_issue

pytestmark = pytest.mark.django_db

Q = "/en/newsletter/manage/2026/q1/"
# (method, url, data): every private view, with a valid request.
PRIVATE = [
    ("get", "/en/newsletter/manage/", {}),
    ("get", "/en/newsletter/manage/start/", {}),
    ("post", "/en/newsletter/manage/start/", {"year": "2025", "quarter": "2"}),
    ("get", Q, {}),
    ("post", Q, {"title_en": "T", "title_fr": "T", "version": "1"}),
    ("get", Q + "items/add/", {}),
    ("post", Q + "items/add/", {"kind": "other", "title_en": "New"}),
    (
        "post",
        Q + "items/{item}/",
        {"kind": "other", "title_en": "X", "version": "1"},
    ),
    ("post", Q + "items/{item}/move/", {"direction": "down"}),
    ("post", Q + "items/{item}/delete/", {}),
    ("get", Q + "highlights/", {}),
    ("post", Q + "highlights/", {"post": "1"}),
    ("get", Q + "mail/fr/text/", {}),
    ("get", Q + "mail/en/html/", {}),
    ("post", Q + "test/", {"address": "t@example.org", "language": "fr"}),
    ("post", Q + "send/", {"confirm_missing": "on"}),
]


def _request(client, method: str, url: str, data: dict):
    item = Item.objects.filter(issue__year=2026).first()
    pk = item.pk if item else 1
    data = {key.format(item=pk): value for key, value in data.items()}
    return getattr(client, method)(url.format(item=pk), data)


def _ids(case) -> str:
    return f"{case[0]} {case[1]}"


@pytest.fixture
def issue() -> Issue:
    return draft_issue(2026, 1)


@pytest.mark.parametrize("case", PRIVATE, ids=_ids)
def test_anonymous_is_sent_to_sign_in(client, issue, case):
    response = _request(client, *case)
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


@pytest.mark.parametrize("case", PRIVATE, ids=_ids)
def test_half_signed_in_is_sent_to_sign_in(client, issue, case):
    user = f.secretariat()
    TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    sign_in(client, user.email)  # the password, not the second factor

    response = _request(client, *case)

    assert response.status_code == 302
    assert response["Location"].startswith(("/en/accounts/login/", "/en/accounts/two-factor/"))
    assert Issue.objects.get().status == Issue.Status.DRAFT


@pytest.mark.parametrize("make_user", [f.focal_point, f.workgroup_member, f.no_role])
@pytest.mark.parametrize("case", PRIVATE, ids=_ids)
def test_members_who_are_not_the_secretariat_are_refused(client, issue, case, make_user):
    client.force_login(make_user())
    response = _request(client, *case)
    assert response.status_code == 403
    assert Issue.objects.count() == 1
    assert Issue.objects.get().status == Issue.Status.DRAFT


@pytest.mark.parametrize("case", PRIVATE, ids=_ids)
def test_the_secretariat_is_let_in(client, issue, case):
    client.force_login(f.secretariat())
    response = _request(client, *case)
    assert response.status_code in (200, 302)


def test_a_draft_is_not_found_by_the_public_and_previewed_by_the_secretariat(client):
    draft_issue(2026, 2)
    assert client.get("/en/newsletter/2026/q2/").status_code == 404
    assert client.get("/en/newsletter/2026/q2.pdf").status_code == 404
    client.force_login(f.focal_point())
    assert client.get("/en/newsletter/2026/q2/").status_code == 404
    client.force_login(f.secretariat())
    preview = client.get("/fr/newsletter/2026/q2/")
    assert preview.status_code == 200
    assert "Revue 2026 T2" in preview.content.decode()


ODD = ["", "0", "-1", "9" * 30, "abc", "\x00", "<script>", "2026.5"]


@pytest.mark.parametrize("value", ODD)
def test_odd_input_is_never_a_server_error(client, value):
    sent_issue(2026, 1)
    client.force_login(f.secretariat())
    posts = [
        ("/en/newsletter/manage/start/", {"year": value, "quarter": value}),
        (Q, {"title_en": value, "version": value}),
        (Q + "items/add/", {"kind": value, "link": value}),
        (Q + "highlights/", {"post": value}),
        (Q + "test/", {"address": value, "language": value}),
        (Q + "send/", {"confirm_missing": value}),
        ("/en/newsletter/subscribe/", {"email": value, "language": value}),
    ]
    for url, data in posts:
        assert client.post(url, data).status_code < 500, url
    for url in [
        "/en/newsletter/manage/2026/q9/",
        "/en/newsletter/manage/99999/q1/",
        "/en/newsletter/99999999999/q1/",
        Q + "items/99999999999/",
        Q + f"mail/{value or 'x'}/html/",
        Q + "mail/en/pdf/",
    ]:
        assert client.get(url).status_code in (200, 404, 405), url
