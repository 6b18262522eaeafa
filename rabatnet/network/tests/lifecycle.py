"""Helpers of the lifecycle tests: who asks, and what they get."""

from typing import Any

from django.test import Client, override_settings

from rabatnet.accounts.models import User

# A session of these roles that has not enrolled a second factor is "half signed in".
HALF_SIGNED_IN = override_settings(TWO_FACTOR_REQUIRED_ROLES=["focal_point", "secretariat"])


def status(client: Client, user: User | None, url: str, method: str = "get", **data: Any) -> int:
    client.logout()
    if user is not None:
        client.force_login(user)
    return int(getattr(client, method)(url, data).status_code)


def half_signed_in_status(client: Client, user: User, url: str) -> tuple[int, str]:
    """What a session that owes its second factor gets: a redirect to enrol, never the page."""
    client.logout()
    with HALF_SIGNED_IN:
        client.force_login(user)
        response = client.get(url)
    return response.status_code, str(response.get("Location", ""))
