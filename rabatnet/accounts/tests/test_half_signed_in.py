"""A session that gave the password but owes the second factor is anonymous everywhere.

Black-box, through the URLs: the unpublished edition of a guide, its PDF and a comparison
with it are what a coordinating authority reads once verified, and nothing before.
"""

import pytest
from django.test import TestCase
from django_otp.plugins.otp_totp.models import TOTPDevice

from rabatnet.accounts import services
from rabatnet.accounts.models import User
from rabatnet.guides import services as guide_services
from rabatnet.guides.models import Recommendation
from rabatnet.guides.tests.factories import published_guide
from rabatnet.network.tests.factories import coordinating_authority

from .helpers import VERIFY_URL, current_token, sign_in

pytestmark = pytest.mark.django_db

DRAFT_TEXT = "Coopérer avec les pays voisins, texte encore en discussion."
GUIDE = "/en/countries/SEN/guide"
UNPUBLISHED = [
    f"{GUIDE}/editions/2/",
    f"{GUIDE}/editions/2.pdf",
    f"{GUIDE}/editions/compare/?a=1&b=2",
]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def guide_with_unpublished_edition() -> None:
    """Senegal's guide: edition 1 published, edition 2 submitted and not yet decided."""
    guide = published_guide("SEN")
    recommendation = Recommendation.objects.get(guide=guide)
    recommendation.text = DRAFT_TEXT
    recommendation.save()
    with TestCase.captureOnCommitCallbacks(execute=True):
        guide_services.guide_submit(guide=guide, actor=None)


@pytest.fixture
def authority() -> tuple[User, TOTPDevice]:
    """Senegal's coordinating authority, who reads unpublished editions, enrolled."""
    user = coordinating_authority("SEN")
    device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    services.recovery_codes_renew(user=user)
    return user, device


def _read(response) -> bytes:
    """The body; a streamed file (the PDF) is read to its end, which closes it."""
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def _is_login_redirect(response) -> bool:
    return response.status_code == 302 and response.url.startswith("/en/accounts/login/")


@pytest.mark.usefixtures("guide_with_unpublished_edition")
@pytest.mark.parametrize("url", UNPUBLISHED)
def test_password_alone_does_not_open_an_unpublished_edition(client, authority, url: str):
    user, device = authority
    sign_in(client, user.email)

    response = client.get(url)
    _read(response)

    assert _is_login_redirect(response), (response.status_code, response.get("Location"))
    # The session is kept: the code still finishes signing in, and then the edition opens.
    assert client.post(VERIFY_URL, {"token": current_token(device)}).status_code == 302
    verified = client.get(url)
    _read(verified)
    assert verified.status_code == 200


@pytest.mark.usefixtures("guide_with_unpublished_edition")
def test_the_editions_list_shows_a_half_signed_in_session_only_the_published_one(client, authority):
    user, device = authority
    sign_in(client, user.email)

    before = client.get(f"{GUIDE}/editions/").content.decode()
    client.post(VERIFY_URL, {"token": current_token(device)})
    after = client.get(f"{GUIDE}/editions/").content.decode()

    assert f"{GUIDE}/editions/2/" not in before
    assert f"{GUIDE}/editions/2/" in after


def test_public_pages_show_a_half_signed_in_session_as_a_visitor(client, authority):
    user, _device = authority
    sign_in(client, user.email)

    response = client.get("/en/")

    assert response.status_code == 200
    assert response.context["user"].is_authenticated is False
    content = response.content.decode()
    assert "Sign in" in content
    assert "Sign out" not in content
    assert "/en/private/" not in content


def test_the_api_sees_a_half_signed_in_session_as_a_visitor(client, authority):
    user, _device = authority
    sign_in(client, user.email)

    response = client.get("/api/v1/")

    assert response.status_code == 200
    assert response.wsgi_request.user.is_authenticated is False


def test_an_unknown_address_shows_a_half_signed_in_session_as_a_visitor(client, authority):
    user, _device = authority
    sign_in(client, user.email)

    response = client.get("/en/no-such-page/")

    assert response.status_code == 404
    assert "Sign out" not in response.content.decode()
