"""TOTP two-factor: enrolment, the check after the password, recovery codes."""

from urllib.parse import quote, urlencode

import pytest
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from rabatnet.accounts import selectors, services
from rabatnet.accounts.models import User
from rabatnet.network.tests.factories import focal_point

from .conftest import Enrolled
from .helpers import (
    PRIVATE_URL,
    VERIFY_URL,
    current_token,
    redirect_url,
    sign_in,
    signed_in_user_id,
    wrong_token,
)

TWO_FACTOR_URL = "/en/accounts/two-factor/"


def verify_url(next_url: str = PRIVATE_URL) -> str:
    return f"{VERIFY_URL}?{urlencode({'next': next_url})}"


def sign_in_verified(client, enrolled: Enrolled) -> None:
    sign_in(client, enrolled.user.email)
    response = client.post(VERIFY_URL, {"token": current_token(enrolled.device)})
    assert response.status_code == 302


# --- Enrolment -----------------------------------------------------------------


def test_security_page_offers_to_switch_two_factor_on(client, member: User):
    client.force_login(member)

    response = client.get(TWO_FACTOR_URL)

    assert response.status_code == 200
    assert 'value="start"' in response.content.decode()
    assert response.context["enabled"] is False


def test_start_creates_an_unconfirmed_device_and_shows_qr_code_and_key(client, member: User):
    client.force_login(member)

    response = client.post(TWO_FACTOR_URL, {"action": "start"})

    assert response.status_code == 200
    device = TOTPDevice.objects.get(user=member)
    assert device.confirmed is False
    content = response.content.decode()
    assert '<div class="qr"><svg' in content
    assert f"<code>{selectors.totp_secret(device)}</code>" in content
    assert 'value="confirm"' in content
    assert not selectors.has_two_factor(member)


def test_starting_again_replaces_the_pending_device(client, member: User):
    client.force_login(member)
    client.post(TWO_FACTOR_URL, {"action": "start"})
    first = TOTPDevice.objects.get(user=member)

    client.post(TWO_FACTOR_URL, {"action": "start"})

    second = TOTPDevice.objects.get(user=member)
    assert second.pk != first.pk
    assert second.key != first.key


def test_confirm_with_a_valid_code_shows_ten_recovery_codes(client, member: User):
    client.force_login(member)
    client.post(TWO_FACTOR_URL, {"action": "start"})
    device = TOTPDevice.objects.get(user=member)

    response = client.post(TWO_FACTOR_URL, {"action": "confirm", "token": current_token(device)})

    assert response.status_code == 200
    assert "accounts/recovery_codes.html" in [t.name for t in response.templates]
    codes = response.context["codes"]
    assert len(codes) == 10
    assert len(set(codes)) == 10
    content = response.content.decode()
    assert all(f"<li>{code}</li>" in content for code in codes)
    assert set(StaticToken.objects.filter(device__user=member).values_list("token", flat=True)) == (
        set(codes)
    )
    device.refresh_from_db()
    assert device.confirmed is True
    assert selectors.has_two_factor(member)
    # The session that just proved the code counts as verified.
    assert client.get(PRIVATE_URL).status_code == 200


def test_confirm_with_a_wrong_code_is_refused(client, member: User):
    client.force_login(member)
    client.post(TWO_FACTOR_URL, {"action": "start"})
    device = TOTPDevice.objects.get(user=member)

    response = client.post(TWO_FACTOR_URL, {"action": "confirm", "token": wrong_token(device)})

    assert response.status_code == 200
    assert response.context["form"].errors["token"] == [
        "This code does not match. Try the next code your app shows."
    ]
    assert "<svg" in response.content.decode()
    device.refresh_from_db()
    assert device.confirmed is False
    assert not StaticToken.objects.filter(device__user=member).exists()
    assert not selectors.has_two_factor(member)


def test_confirm_without_a_pending_device_does_nothing(client, member: User):
    client.force_login(member)

    response = client.post(TWO_FACTOR_URL, {"action": "confirm", "token": "123456"})

    assert response.status_code == 200
    assert not TOTPDevice.objects.filter(user=member).exists()


# --- The check after the password ---------------------------------------------


def test_sign_in_of_an_enrolled_person_asks_for_the_code(client, enrolled: Enrolled):
    response = sign_in(client, enrolled.user.email)

    assert response.status_code == 302
    assert redirect_url(response) == verify_url(PRIVATE_URL)
    assert signed_in_user_id(client) == str(enrolled.user.pk)


def test_the_next_page_survives_the_code_check_whole(client, enrolled: Enrolled):
    target = "/en/private/directory/?country=SEN&page=2"

    response = sign_in(client, enrolled.user.email, next=target)
    assert redirect_url(response) == verify_url(target)
    assert client.get(redirect_url(response)).context["next"] == target

    response = client.post(redirect_url(response), {"token": current_token(enrolled.device)})

    assert response.url == target


@pytest.mark.parametrize(
    "path", [PRIVATE_URL, "/en/private/directory/", "/en/accounts/two-factor/"]
)
def test_private_pages_wait_for_the_code(client, enrolled: Enrolled, path: str):
    sign_in(client, enrolled.user.email)

    response = client.get(path)

    assert response.status_code == 302
    assert response.url == f"{VERIFY_URL}?next={quote(path, safe='')}"


def test_public_pages_stay_open_before_the_code(client, enrolled: Enrolled):
    sign_in(client, enrolled.user.email)

    assert client.get("/en/").status_code == 200
    assert client.get(VERIFY_URL).status_code == 200


def test_sign_out_works_before_the_code(client, enrolled: Enrolled):
    sign_in(client, enrolled.user.email)

    response = client.post("/en/accounts/logout/")

    assert response.status_code == 302
    assert signed_in_user_id(client) is None


def test_valid_totp_code_verifies_and_leads_on(client, enrolled: Enrolled):
    sign_in(client, enrolled.user.email)

    response = client.post(
        VERIFY_URL, {"token": current_token(enrolled.device), "next": "/en/private/directory/"}
    )

    assert response.status_code == 302
    assert response.url == "/en/private/directory/"
    assert client.get(PRIVATE_URL).status_code == 200


def test_wrong_code_is_refused(client, enrolled: Enrolled):
    sign_in(client, enrolled.user.email)

    response = client.post(VERIFY_URL, {"token": "000000x"})

    assert response.status_code == 200
    assert "This code is not valid." in response.context["form"].errors["token"][0]
    assert client.get(PRIVATE_URL).status_code == 302


def test_a_totp_code_is_not_accepted_twice(client, enrolled: Enrolled):
    token = current_token(enrolled.device)
    sign_in(client, enrolled.user.email)
    client.post(VERIFY_URL, {"token": token})
    client.post("/en/accounts/logout/")
    sign_in(client, enrolled.user.email)

    response = client.post(VERIFY_URL, {"token": token})

    assert response.status_code == 200
    assert response.context["form"].errors["token"]


def test_recovery_code_verifies_once_only(client, enrolled: Enrolled):
    code = enrolled.codes[3]
    sign_in(client, enrolled.user.email)

    response = client.post(VERIFY_URL, {"token": code})

    assert response.status_code == 302
    assert response.url == PRIVATE_URL
    assert client.get(PRIVATE_URL).status_code == 200
    assert not StaticToken.objects.filter(token=code).exists()

    client.post("/en/accounts/logout/")
    sign_in(client, enrolled.user.email)
    response = client.post(VERIFY_URL, {"token": code})

    assert response.status_code == 200
    assert response.context["form"].errors["token"]
    assert client.get(PRIVATE_URL).status_code == 302


def test_another_persons_recovery_code_does_not_work(client, enrolled: Enrolled):
    someone_else = focal_point("MLI")
    other_code = services.recovery_codes_renew(user=someone_else)[0]
    sign_in(client, enrolled.user.email)

    response = client.post(VERIFY_URL, {"token": other_code})

    assert response.status_code == 200
    assert StaticToken.objects.filter(token=other_code).exists()


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/path", "http://testserver.evil.example/"]
)
def test_verify_does_not_follow_an_open_redirect(client, enrolled: Enrolled, target: str):
    sign_in(client, enrolled.user.email)

    response = client.post(
        f"{VERIFY_URL}?{urlencode({'next': target})}", {"token": current_token(enrolled.device)}
    )

    assert response.status_code == 302
    assert response.url == PRIVATE_URL


def test_verify_page_does_not_carry_an_offsite_next(client, enrolled: Enrolled):
    sign_in(client, enrolled.user.email)

    response = client.get(verify_url("https://evil.example/"))

    assert response.context["next"] == PRIVATE_URL
    assert f'name="next" value="{PRIVATE_URL}"' in response.content.decode()


def test_login_with_an_offsite_next_asks_the_code_for_the_private_area(client, enrolled: Enrolled):
    response = sign_in(client, enrolled.user.email, next="https://evil.example/")

    assert redirect_url(response) == verify_url(PRIVATE_URL)


# --- Once verified: renew, disable -----------------------------------------------


def test_renewing_recovery_codes_replaces_the_old_ones(client, enrolled: Enrolled):
    sign_in_verified(client, enrolled)

    response = client.post(TWO_FACTOR_URL, {"action": "renew"})

    assert response.status_code == 200
    new_codes = response.context["codes"]
    assert len(new_codes) == 10
    assert not set(new_codes) & set(enrolled.codes)
    stored = set(
        StaticToken.objects.filter(device__user=enrolled.user).values_list("token", flat=True)
    )
    assert stored == set(new_codes)


def test_switching_two_factor_off(client, enrolled: Enrolled):
    sign_in_verified(client, enrolled)

    response = client.post(TWO_FACTOR_URL, {"action": "disable"})

    assert response.status_code == 302
    assert response.url == TWO_FACTOR_URL
    assert not selectors.has_two_factor(enrolled.user)
    assert not StaticToken.objects.filter(device__user=enrolled.user).exists()
    client.post("/en/accounts/logout/")
    assert redirect_url(sign_in(client, enrolled.user.email)) == PRIVATE_URL


def test_enabled_page_offers_renew_and_disable_once_verified(client, enrolled: Enrolled):
    sign_in_verified(client, enrolled)

    response = client.get(TWO_FACTOR_URL)

    assert response.context["enabled"] is True
    content = response.content.decode()
    assert 'value="renew"' in content
    assert 'value="disable"' in content


def test_unverified_session_cannot_disable_two_factor(client, enrolled: Enrolled):
    sign_in(client, enrolled.user.email)

    response = client.post(TWO_FACTOR_URL, {"action": "disable"})

    assert response.status_code == 302
    assert response.url.startswith(VERIFY_URL)
    assert selectors.has_two_factor(enrolled.user)


def test_person_without_two_factor_is_never_asked_for_a_code(client, member: User):
    response = sign_in(client, member.email)

    assert redirect_url(response) == PRIVATE_URL
    assert client.get(PRIVATE_URL).status_code == 200
