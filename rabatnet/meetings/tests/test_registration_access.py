"""The triad on every registration page: anonymous and half-signed-in → sign-in, another
country → 403, the right country, the secretariat."""

import pytest
from django.test import override_settings
from django.urls import reverse

from rabatnet.accounts.tests.helpers import sign_in
from rabatnet.network.tests import factories as f

from .registration_samples import (  # noqa: F401
    delegate,
    open_meeting,
    registration,
)

pytestmark = pytest.mark.django_db


def _status(client, user, url: str, method: str = "get") -> int:
    client.logout()
    if user is not None:
        client.force_login(user)
    return getattr(client, method)(url).status_code


def _urls(slug: str) -> dict[str, str]:
    country = {"slug": slug, "iso3": "SEN"}
    return {
        "registration": reverse("registrations:registration", kwargs=country),
        "participants": reverse("registrations:participants", kwargs={"slug": slug}),
    }


def test_registration_pages_triad(client):
    meeting = open_meeting()
    delegate(registration(meeting, status="submitted"), "Awa Diop")
    delegate(registration(meeting, "MLI", status="submitted"), "Moussa Traoré")
    urls = _urls(meeting.slug)
    for name, url in urls.items():
        assert _status(client, None, url) == 302, name
        assert _status(client, f.no_role(), url) == 403, name
        assert _status(client, f.focal_point("SEN"), url) == 200, name
        assert _status(client, f.secretariat(), url) == 200, name
    assert _status(client, f.focal_point("MLI"), urls["registration"]) == 403
    # A member of another country sees the participant list with their delegation only.
    client.force_login(f.focal_point("MLI"))
    page = client.get(urls["participants"]).content.decode()
    assert "Moussa Traoré" in page and "Awa Diop" not in page
    client.force_login(f.secretariat())
    page = client.get(urls["participants"]).content.decode()
    assert "Moussa Traoré" in page and "Awa Diop" in page


def test_a_workgroup_member_reads_but_does_not_write(client):
    meeting = open_meeting()
    registration(meeting)
    url = _urls(meeting.slug)["registration"]
    member = f.workgroup_member("SEN")
    assert _status(client, member, url) == 200
    assert _status(client, member, url, "post") == 403
    submit = reverse(
        "registrations:registration_submit", kwargs={"slug": meeting.slug, "iso3": "SEN"}
    )
    assert _status(client, member, submit, "post") == 403


def test_the_secretariat_list_and_confirm_are_theirs_only(client):
    meeting = open_meeting()
    registration(meeting, status="submitted")
    listing = reverse("registrations:meeting_registrations", kwargs={"slug": meeting.slug})
    confirm = reverse(
        "registrations:registration_confirm", kwargs={"slug": meeting.slug, "iso3": "SEN"}
    )
    assert _status(client, None, listing) == 302
    assert _status(client, f.focal_point("SEN"), listing) == 403
    assert _status(client, f.secretariat(), listing) == 200
    assert _status(client, f.focal_point("SEN"), confirm, "post") == 403
    assert _status(client, f.secretariat(), confirm) == 405  # a step is a POST


def test_the_list_of_open_meetings(client):
    meeting = open_meeting()
    registration(meeting, status="submitted")
    url = reverse("registrations:registration_list")
    assert _status(client, None, url) == 302
    assert _status(client, f.no_role(), url) == 403
    assert _status(client, f.workgroup_member("SEN"), url) == 200  # reads the state
    client.force_login(f.focal_point("SEN"))
    page = client.get(url).content.decode()
    assert meeting.title in page and "submitted" in page and "Senegal" in page
    assert _status(client, f.secretariat(), url) == 200


def test_an_unpublished_meeting_is_not_found_but_for_the_secretariat(client):
    meeting = open_meeting(published=False)
    url = _urls(meeting.slug)["registration"]
    assert _status(client, f.focal_point("SEN"), url) == 404
    assert _status(client, f.secretariat(), url) == 200


@override_settings(TWO_FACTOR_REQUIRED_ROLES=["focal_point"])
def test_half_signed_in_is_sent_to_the_second_factor(client):
    meeting = open_meeting()
    user = f.focal_point("SEN")
    sign_in(client, user.email)
    for url in [*_urls(meeting.slug).values(), reverse("registrations:registration_list")]:
        response = client.get(url)
        assert response.status_code == 302
        assert "two-factor" in response["Location"] or "login" in response["Location"]


@pytest.mark.parametrize(
    "path",
    [
        "/en/private/meetings/NOT%20A%20SLUG/registration/SEN/",
        "/en/private/meetings/unknown/registration/SEN/",
        "/en/private/meetings/dakar-2027/registration/S%00N/",
        "/en/private/meetings/dakar-2027/registration/XXX/",
        "/en/private/meetings/dakar-2027/registration/" + "x" * 300 + "/",
        "/en/private/meetings/%F0%9F%8C%8D/participants/",
    ],
)
def test_odd_input_never_fails(client, path):
    open_meeting()
    client.force_login(f.secretariat())
    assert client.get(path).status_code == 404
