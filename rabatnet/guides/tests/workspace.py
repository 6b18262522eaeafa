"""What the workspace tests share: posting as someone, the Senegalese workspace's address."""

from typing import Any

from django.test import Client
from django.urls import reverse

from rabatnet.accounts.models import User


def post_as(client: Client, user: User | None, url: str, data: dict | None = None) -> Any:
    """POST ``data`` (in French) as ``user``, or anonymously for None."""
    client.logout()
    if user is not None:
        client.force_login(user)
    return client.post(url, {"lang": "fr", **(data or {})})


def workspace_url() -> str:
    return reverse("guides:workspace", kwargs={"iso3": "SEN"}) + "?lang=fr"
