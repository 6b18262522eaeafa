"""The triad on every roster page: anonymous and half-signed-in → sign-in, a focal point →
403, another expert → 403 on someone else's profile, the expert on their own, the
secretariat everywhere."""

from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.http import FileResponse
from django.test import Client, override_settings
from django.urls import reverse

from rabatnet.accounts.models import User
from rabatnet.core.tests.narrowing import present
from rabatnet.network.tests import factories as f

from ..models import Expert
from .factories import make_expert

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media_root(settings: Any, tmp_path: Any) -> Any:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def status(client: Client, user: User | None, url: str) -> int:
    """The status ``user`` gets at ``url`` (a file response is read to its end)."""
    client.logout()
    if user is not None:
        client.force_login(user)
    response = client.get(url)
    if isinstance(response, FileResponse):
        # Read to the end: the client closes the file without closing the database
        # connection, as response.close() would on PostgreSQL.
        b"".join(response.streaming_content)
    return response.status_code


def half_signed_in_status(client: Client, user: User, url: str) -> tuple[int, str]:
    """What a session that owes its second factor gets (experts must enrol one here)."""
    client.logout()
    with override_settings(TWO_FACTOR_REQUIRED_ROLES=["secretariat", "expert"]):
        client.force_login(user)
        response = client.get(url)
    return response.status_code, str(response.get("Location", ""))


def _with_cv(expert: Expert) -> Expert:
    expert.cv.save("cv.pdf", ContentFile(PDF), save=True)
    return expert


def _profile_urls(pk: int) -> dict[str, str]:
    return {
        name: reverse(f"experts:{name}", kwargs={"pk": pk})
        for name in ("detail", "edit", "availability", "cv", "cv_download")
    }


def test_roster_and_enrol_are_the_secretariats(client):
    expert = make_expert()
    for name in ("roster", "enrol"):
        url = reverse(f"experts:{name}")
        assert status(client, None, url) == 302, name
        code, where = half_signed_in_status(client, f.secretariat(), url)
        assert code == 302 and "two-factor" in where, name
        assert status(client, f.focal_point("SEN"), url) == 403, name
        assert status(client, f.no_role(), url) == 403, name
        assert status(client, f.secretariat(), url) == 200, name
    # An expert opening the roster is sent to their own profile; the enrol page is refused.
    client.force_login(expert.person.user)
    response = client.get(reverse("experts:roster"))
    assert response.status_code == 302
    assert response["Location"] == reverse("experts:detail", kwargs={"pk": expert.pk})
    assert status(client, expert.person.user, reverse("experts:enrol")) == 403


def test_profile_pages_are_the_expert_and_the_secretariats(client):
    expert = _with_cv(make_expert())
    other = make_expert()
    for name, url in _profile_urls(expert.pk).items():
        assert status(client, None, url) == 302, name
        code, where = half_signed_in_status(client, present(expert.person.user), url)
        assert code == 302 and "two-factor" in where, name
        assert status(client, f.focal_point("SEN"), url) == 403, name
        assert status(client, other.person.user, url) == 403, name
        assert status(client, expert.person.user, url) == 200, name
        assert status(client, f.secretariat(), url) == 200, name
    for name, url in _profile_urls(2**31 - 1).items():
        assert status(client, f.secretariat(), url) == 404, name
    for name in ("detail", "edit"):
        huge = f"/en/private/experts/{10**30}/" + ("edit/" if name == "edit" else "")
        assert status(client, f.secretariat(), huge) == 404, name


def test_writes_refused_to_others(client):
    expert = make_expert()
    urls = _profile_urls(expert.pk)
    for user in (f.focal_point("SEN"), make_expert().person.user):
        client.force_login(user)
        assert client.post(urls["edit"], {"summary": "x"}).status_code == 403
        assert client.post(urls["availability"], {"delete": "1"}).status_code == 403
        data = {"starts_on": "2030-01-01", "ends_on": "2030-01-02"}
        assert client.post(urls["availability"], data).status_code == 403
        assert client.post(urls["cv"], {"cv": ContentFile(PDF, name="cv.pdf")}).status_code == 403
    client.force_login(f.focal_point("SEN"))
    person = f.PersonFactory.create()
    data = {"person": str(person.pk), "kind": "local"}
    assert client.post(reverse("experts:enrol"), data).status_code == 403
    assert not Expert.objects.filter(person=person).exists()
    assert expert.availabilities.count() == 0


def test_me(client):
    expert = make_expert()
    url = reverse("experts:me")
    assert status(client, None, url) == 302
    assert status(client, expert.person.user, url) == 200
    response = client.get(url)
    assert response.context["expert"] == expert
    assert status(client, f.focal_point("SEN"), url) == 404
    assert "You have no expert profile" in client.get(url).content.decode()


def _href(name: str) -> str:
    return f'href="{reverse(name)}"'


def test_private_home_links(client):
    expert = make_expert()
    client.force_login(f.secretariat())
    assert _href("experts:roster") in client.get("/en/private/").content.decode()
    client.force_login(expert.person.user)
    page = client.get("/en/private/").content.decode()
    assert _href("experts:me") in page and _href("experts:roster") not in page
    client.force_login(f.focal_point("SEN"))
    page = client.get("/en/private/").content.decode()
    assert _href("experts:me") not in page and _href("experts:roster") not in page
